"""Grote cijfers voor de beamerklok: leesbaar tot achter in de zaal.

Textuals ``Digits`` is drie regels hoog; op een beamer van 160×45 is dat een postzegel.
Hier staat een eigen blokletter van 5×7 puntjes, die met de ruimte meegroeit: elk puntje
wordt een blok van ``k`` regels hoog en ``k`` tot ``2k`` kolommen breed (een teken in de
terminal is ongeveer twee keer zo hoog als breed, dus twee kolommen geeft vierkante puntjes).
Is er minder dan zeven regels, dan tekenen halve blokken (▀ ▄) twee puntjes per regel: vier
regels hoog.

De maat wordt gekozen op de breedste tekst die de klok kan tonen (``+00:00``), niet op de
tekst van nu: de klok verspringt niet als hij over tijd gaat.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.geometry import Size
from textual.widget import Widget

PUNTEN_HOOG = 7

# 5×7 puntjes per teken (de dubbele punt is er één breed); '#' is aan.
_LETTERS: dict[str, tuple[str, ...]] = {
    "0": (".###.", "#...#", "#...#", "#...#", "#...#", "#...#", ".###."),
    "1": ("..#..", ".##..", "..#..", "..#..", "..#..", "..#..", ".###."),
    "2": (".###.", "#...#", "....#", "...#.", "..#..", ".#...", "#####"),
    "3": ("#####", "...#.", "..#..", "...#.", "....#", "#...#", ".###."),
    "4": ("...#.", "..##.", ".#.#.", "#..#.", "#####", "...#.", "...#."),
    "5": ("#####", "#....", "####.", "....#", "....#", "#...#", ".###."),
    "6": ("..##.", ".#...", "#....", "####.", "#...#", "#...#", ".###."),
    "7": ("#####", "....#", "...#.", "..#..", ".#...", ".#...", ".#..."),
    "8": (".###.", "#...#", "#...#", ".###.", "#...#", "#...#", ".###."),
    "9": (".###.", "#...#", "#...#", ".####", "....#", "...#.", ".##.."),
    ":": (".", ".", "#", ".", "#", ".", "."),
    "+": (".....", "..#..", "..#..", "#####", "..#..", "..#..", "....."),
    "-": (".....", ".....", ".....", "#####", ".....", ".....", "....."),
    " ": (".....",) * 7,
}

# De breedste tekst van de klok: hiermee wordt de maat gekozen.
BREEDSTE = "+00:00"


def punten(tekst: str) -> list[str]:
    """De tekst als zeven rijen puntjes ('#' aan, '.' uit), één puntje tussen de tekens."""
    rijen = [""] * PUNTEN_HOOG
    for i, teken in enumerate(tekst):
        letter = _LETTERS.get(teken, _LETTERS[" "])
        for r in range(PUNTEN_HOOG):
            rijen[r] += ("." if i else "") + letter[r]
    return rijen


@dataclass(frozen=True)
class Maat:
    """Hoe groot de cijfers getekend worden: regels per puntje (0 = halve blokken, twee
    puntjes per regel) en kolommen per puntje."""

    rij: int
    kolom: int

    @property
    def regels(self) -> int:
        """Hoeveel schermregels de cijfers hoog zijn."""
        return self.rij * PUNTEN_HOOG if self.rij else (PUNTEN_HOOG + 1) // 2


def kies_maat(breedte: int, max_regels: int, voorbeeld: str = BREEDSTE) -> Maat:
    """De grootste maat waarmee ``voorbeeld`` binnen ``breedte`` kolommen en ``max_regels``
    regels past. Nooit kleiner dan halve blokken van één kolom per puntje (vier regels)."""
    breed = len(punten(voorbeeld)[0])
    for rij in range(max(max_regels, 0) // PUNTEN_HOOG, 0, -1):
        kolom = min(2 * rij, breedte // breed)
        if kolom >= max(1, rij // 2):  # niet smaller dan een half vierkant puntje
            return Maat(rij, kolom)
    return Maat(0, max(1, min(2, breedte // breed)))


def teken(tekst: str, maat: Maat) -> list[str]:
    """De tekst als schermregels van blokken in de gegeven maat."""
    rijen = punten(tekst)
    if maat.rij:
        uit: list[str] = []
        for rij in rijen:
            regel = "".join(("█" if p == "#" else " ") * maat.kolom for p in rij)
            uit += [regel] * maat.rij
        return uit
    # Halve blokken: boven- en onderpuntje in één teken.
    rijen = rijen + ["." * len(rijen[0])]
    blok = {("#", "#"): "█", ("#", "."): "▀", (".", "#"): "▄", (".", "."): " "}
    return [
        "".join(blok[(boven, onder)] * maat.kolom for boven, onder in zip(
            rijen[r], rijen[r + 1], strict=True))
        for r in range(0, PUNTEN_HOOG, 2)
    ]


class GroteCijfers(Widget):
    """De cijfers van de klok in blokletters, zo groot als het venster toelaat.

    De hoogte volgt het scherm (een vijfde van de hoogte, zie ``MAX_DEEL``), de breedte de
    ruimte van de widget; de maat komt uit ``kies_maat``.
    """

    DEFAULT_CSS = """
    GroteCijfers {
        width: 1fr;
        height: auto;
        text-align: center;
    }
    """

    # Hoogstens dit deel van de schermhoogte voor de cijfers: 45 regels geeft er 9 (dus
    # zeven), 24 regels geeft 4 (halve blokken).
    MAX_DEEL = 5

    def __init__(self, tekst: str = "", *, id: str | None = None,
                 classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._tekst = tekst

    @property
    def value(self) -> str:
        """De tekst die getoond wordt (zoals bij ``Digits``)."""
        return self._tekst

    def update(self, tekst: str) -> None:
        """Toon een andere tekst; de maat blijft, dus geen nieuwe indeling."""
        if tekst != self._tekst:
            self._tekst = tekst
            self.refresh()

    def maat(self, breedte: int | None = None) -> Maat:
        """De maat bij de huidige schermhoogte en breedte van de widget."""
        breedte = self.content_size.width if breedte is None else breedte
        return kies_maat(breedte, self.screen.size.height // self.MAX_DEEL)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return self.maat(width).regels

    def render(self) -> Text:
        regels = teken(self._tekst, self.maat())
        return Text("\n".join(regels), no_wrap=True, overflow="crop", end="")
