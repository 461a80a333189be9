"""Het venster is te klein: een duidelijke melding in plaats van een kapotte indeling.

Textual heeft hier niets voor ingebouwd. De app zet dit scherm bovenop zodra het venster
kleiner wordt dan ``MIN_BREEDTE`` × ``MIN_HOOGTE`` en haalt het weg als het weer past; het
scherm zelf werkt alleen de getallen bij. Het dekt alles af, zodat er geen half getekende
velden door schemeren.
"""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.geometry import Size
from textual.screen import ModalScreen
from textual.widgets import Static

MIN_BREEDTE = 80
MIN_HOOGTE = 24


def te_klein(grootte: Size | tuple[int, int]) -> bool:
    """Waar als een venster van deze grootte kleiner is dan het minimum."""
    breedte, hoogte = grootte
    return breedte < MIN_BREEDTE or hoogte < MIN_HOOGTE


def melding(grootte: Size | tuple[int, int]) -> str:
    """De melding voor een venster van deze grootte."""
    breedte, hoogte = grootte
    return (
        f"Het venster is te klein (nu {breedte}×{hoogte}, nodig {MIN_BREEDTE}×{MIN_HOOGTE}). "
        "Maak het venster groter of de letters kleiner."
    )


def korte_melding(grootte: Size | tuple[int, int]) -> str:
    """Voor een piepklein venster waar de hele zin niet in past."""
    breedte, hoogte = grootte
    return f"Te klein: {breedte}×{hoogte}, nodig {MIN_BREEDTE}×{MIN_HOOGTE}."


def _past(tekst: str, grootte: Size | tuple[int, int]) -> bool:
    """Past de tekst (ruwweg, afgebroken op woorden) in het venster?"""
    breedte, hoogte = grootte
    ruimte = min(breedte, 60) - 2
    if ruimte < 8:
        return False
    regels, regel = 1, 0
    for woord in tekst.split():
        if regel and regel + 1 + len(woord) > ruimte:
            regels, regel = regels + 1, len(woord)
        else:
            regel += len(woord) + (1 if regel else 0)
    return regels <= hoogte


def _tekst_voor(grootte: Size | tuple[int, int]) -> str:
    volledig = melding(grootte)
    return volledig if _past(volledig, grootte) else korte_melding(grootte)


class TeKleinScherm(ModalScreen[None]):
    """Dekt het scherm af met de melding dat het venster te klein is."""

    DEFAULT_CSS = """
    TeKleinScherm {
        background: $background;
        align: center middle;
        overflow: hidden;
    }
    TeKleinScherm > #te-klein-melding {
        width: 100%;
        max-width: 60;
        height: auto;
        padding: 0 1;
        text-align: center;
        text-style: bold;
        color: $text;
    }
    """

    def compose(self) -> ComposeResult:
        yield Static(_tekst_voor(self.app.size), id="te-klein-melding", markup=False)

    def on_resize(self, event: events.Resize) -> None:
        self.query_one("#te-klein-melding", Static).update(_tekst_voor(event.size))

    def on_screen_resume(self) -> None:
        self.query_one("#te-klein-melding", Static).update(_tekst_voor(self.app.size))
