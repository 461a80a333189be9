"""Gelijke stand op de grens van de top 5: de voorzitter kiest, en zegt kort waarom."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult

from vergadering.correctie import reden_van

from .basis import Invoer, MeerdereKeuze, veld


@dataclass(frozen=True)
class GekozenOpDeGrens:
    """De gekozen signalen (in de volgorde van de lijst) en de reden voor het verslag."""

    gekozen: list[str]
    reden: str


class GrensKeuze(MeerdereKeuze):
    """``MeerdereKeuze`` met een korte reden erbij: die komt in het verslag."""

    def __init__(self, uitleg: str, opties: list[tuple[str, str]], aantal: int) -> None:
        super().__init__("Gelijke stand: de voorzitter kiest", uitleg, opties, aantal)
        self.knop = "Top 5 vastleggen"

    def velden(self) -> ComposeResult:
        yield from super().velden()
        yield from veld("Waarom deze? (kort, komt in het verslag)", Invoer("", id="reden"))

    def lees(self) -> GekozenOpDeGrens:  # type: ignore[override]
        gekozen = super().lees()
        return GekozenOpDeGrens(gekozen, reden_van(self.waarde("#reden"),
                                                   "waarom deze signalen"))
