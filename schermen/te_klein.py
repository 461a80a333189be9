"""Het venster is te klein: een duidelijke melding in plaats van een kapotte indeling.

Textual heeft hier niets voor ingebouwd. De app zet dit scherm bovenop zodra het venster
kleiner wordt dan ``MIN_BREEDTE`` × ``MIN_HOOGTE`` en haalt het weg als het weer past; het
scherm zelf werkt alleen de getallen bij. Het dekt alles af, zodat er geen half getekende
velden door schemeren.
"""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.containers import Center, Middle
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


class TeKleinScherm(ModalScreen[None]):
    """Dekt het scherm af met de melding dat het venster te klein is."""

    DEFAULT_CSS = """
    TeKleinScherm {
        background: $background;
        align: center middle;
    }
    TeKleinScherm Center {
        height: auto;
    }
    TeKleinScherm #te-klein-melding {
        width: auto;
        max-width: 60;
        height: auto;
        padding: 0 1;
        text-align: center;
        text-style: bold;
        color: $text;
    }
    """

    def compose(self) -> ComposeResult:
        with Middle(), Center():
            yield Static(melding(self.app.size), id="te-klein-melding", markup=False)

    def on_resize(self, event: events.Resize) -> None:
        self.query_one("#te-klein-melding", Static).update(melding(event.size))

    def on_screen_resume(self) -> None:
        self.query_one("#te-klein-melding", Static).update(melding(self.app.size))
