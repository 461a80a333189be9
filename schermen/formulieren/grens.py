"""Gelijke stand op de grens van de top 5: de voorzitter kiest, en zegt kort waarom."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.widgets import SelectionList, Static

from vergadering.correctie import reden_van
from vergadering.fouten import OngeldigeInvoer

from .basis import Formulier, Invoer, tekst, veld


@dataclass(frozen=True)
class GekozenOpDeGrens:
    """De gekozen signalen (in de volgorde van de lijst) en de reden voor het verslag."""

    gekozen: list[str]
    reden: str


class GrensKeuze(Formulier[GekozenOpDeGrens]):
    """Kies er ``aantal`` uit de signalen die gelijk staan, met een korte reden."""

    titel = "Gelijke stand: de voorzitter kiest"
    knop = "Top 5 vastleggen"

    def __init__(self, uitleg: str, opties: list[tuple[str, str]], aantal: int) -> None:
        super().__init__()
        self.uitleg, self.opties, self.aantal = uitleg, opties, aantal

    def velden(self) -> ComposeResult:
        yield Static(self.uitleg, classes="veld-hint", markup=False)
        yield SelectionList[str](*((tekst(label), waarde) for label, waarde in self.opties),
                                 id="meerdere")
        yield from veld("Waarom deze? (kort, komt in het verslag)", Invoer("", id="reden"))

    def lees(self) -> GekozenOpDeGrens:
        gekozen = list(self.query_one("#meerdere", SelectionList).selected)
        if len(gekozen) != self.aantal:
            raise OngeldigeInvoer(
                f"Kies er precies {self.aantal} (met spatie); nu zijn het er {len(gekozen)}."
            )
        reden = reden_van(self.waarde("#reden"), "waarom deze signalen")
        volgorde = [w for _, w in self.opties]
        return GekozenOpDeGrens(sorted(gekozen, key=volgorde.index), reden)
