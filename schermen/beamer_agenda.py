"""De beamer bij een agendapunt rond het cyclusblok: het punt en de agenda met geplande en
werkelijke tijd per punt; bij het vorige verslag ook of het is vastgesteld en de correcties.

Vrije tekst (titels, correcties) gaat door het masker van de beamer: geen gegevens van
bewoners in beeld.
"""

from __future__ import annotations

from rich.text import Text

from vergadering.agenda import EXTRA_SOORT
from vergadering.tekst import een_regel
from vergadering.vergadering import Fase

from .beamer import Blok, Item, Voorbereid, _ombreken
from .opmaak import pas


def _mm(seconden: float) -> str:
    s = max(0, int(seconden))
    return f"{s // 60}:{s % 60:02d}"


def _gepland(fase: Fase) -> str:
    beschikbaar = fase.gepland_s + fase.extra_s
    return f"{beschikbaar // 60} min" if beschikbaar else "vrij"


def blokken_agenda(vb: Voorbereid, breedte: int, hoogte: int) -> list[Blok]:
    """Een agendapunt buiten de cyclus: het punt zelf en de hele agenda met tijden."""
    v = vb.inhoud.vergadering
    fase = v.fase
    blokken: list[Blok] = []
    if fase.soort == "verslag":
        items: list[Item] = []
        if v.vorig_vastgesteld:
            items.append([Text(pas("Het verslag van de vorige keer is vastgesteld.", breedte),
                               style="bold")])
        else:
            items.append([Text(pas("Concept: wat moet er nog anders in het verslag?",
                                   breedte))])
        for regel in vb.masker(v.correcties_vorig).splitlines():
            if regel.strip():
                items.append([Text(r) for r in _ombreken("• " + een_regel(regel), breedte, 2)])
        blokken.append(Blok(een_regel(vb.masker(fase.titel)), items, voorrang=1))
    agenda: list[Item] = []
    titelbreedte = max(10, breedte - 26)
    for i, punt in enumerate(v.fasen):
        huidig = i == v.fase_index and not v.gesloten
        klaar = i < v.fase_index or v.gesloten
        merk = "▶" if huidig else ("✓" if klaar else " ")
        titel = een_regel(vb.masker(punt.titel))
        if punt.soort == EXTRA_SOORT:
            titel += " (extra)"
        if huidig:
            tijd = "nu"
        elif punt.gebruikt_s:
            tijd = _mm(punt.gebruikt_s)
        else:
            tijd = "—"
        regel = f"{merk} {pas(titel, titelbreedte).ljust(titelbreedte)} {_gepland(punt):>7}"
        regel += f" {tijd:>6}"
        agenda.append([Text(pas(regel, breedte), style="bold" if huidig else "")])
    blokken.append(Blok("Agenda · gepland en gebruikt", agenda, alles=True))
    return blokken
