"""Wat het verslag zegt over de agenda rond het cyclusblok: het merk (concept of
vastgesteld), de punten buiten de cyclus met hun notities, en het vaststellen van het
vorige verslag. Vrije tekst gaat door de maskeerder, net als in de rest van het verslag."""

from __future__ import annotations

from .. import datums
from ..agenda import EXTRA_SOORT
from ..vergadering import Vergadering
from .inhoud import FASETITELS, Inhoud


def merkregels(v: Vergadering) -> list[str]:
    """De vette regels onder de titel: 'Concept' tot het verslag is vastgesteld, daarna
    'Vastgesteld op …'."""
    if v.vastgesteld_op is not None:
        return [f"Vastgesteld op {datums.lang(v.vastgesteld_op)}."]
    if not v.gesloten:
        return ["Concept: deze vergadering is nog niet gesloten."]
    return ["Concept: dit verslag wordt vastgesteld in de volgende vergadering."]


def kopmerk(v: Vergadering) -> str:
    """Het merk in de kopregel van elke pagina."""
    if v.vastgesteld_op is not None:
        return f"vastgesteld {datums.kort(v.vastgesteld_op)}"
    return "CONCEPT"


def fasetitels(v: Vergadering) -> dict[str, str]:
    """Sleutel -> titel voor het logboek, ook voor de punten rond de cyclus."""
    return {**FASETITELS, **{f.sleutel: f.titel for f in v.fasen if not f.cyclus}}


def schrijf_vaststelling(stuk, inhoud: Inhoud) -> None:
    """Onder de gegevens: met welke correcties dit verslag is vastgesteld."""
    v = inhoud.vergadering
    if v.vastgesteld_op is None or not v.vastgestelde_correcties.strip():
        return
    stuk.alinea("Vastgesteld met deze correcties:")
    _regels(stuk, inhoud, v.vastgestelde_correcties)


def schrijf_punten(stuk, inhoud: Inhoud) -> None:
    """De agendapunten buiten het cyclusblok, met notities; bij het vorige verslag of het
    is vastgesteld en met welke correcties. Niets als de agenda alleen de cyclus is."""
    v = inhoud.vergadering
    punten = [f for f in v.fasen if not f.cyclus]
    if not punten:
        return
    stuk.kop("Overige agendapunten")
    for fase in punten:
        titel = fase.titel + (" (alleen deze keer)" if fase.soort == EXTRA_SOORT else "")
        stuk.kop(inhoud.maskeer(titel), 2)
        if fase.soort == "verslag":
            _vorig_verslag(stuk, inhoud)
        if fase.notities.strip():
            _regels(stuk, inhoud, fase.notities)
        elif fase.soort != "verslag":
            stuk.alinea("Geen notities.")


def _vorig_verslag(stuk, inhoud: Inhoud) -> None:
    v = inhoud.vergadering
    vorig = next((x for x in inhoud.vergaderingen if x.id == v.vorig_vastgesteld), None)
    if vorig is None:
        stuk.alinea("Het verslag van de vorige vergadering is niet vastgesteld.")
    else:
        stuk.alinea(f"Het verslag en de actielijst van {datums.lang(vorig.datum)} zijn "
                    "vastgesteld.")
    if v.correcties_vorig.strip():
        stuk.alinea("Correcties:")
        _regels(stuk, inhoud, v.correcties_vorig)
    elif vorig is not None:
        stuk.alinea("Zonder correcties.")


def _regels(stuk, inhoud: Inhoud, tekst: str) -> None:
    for regel in inhoud.maskeer(tekst).splitlines():
        if regel.strip():
            stuk.alinea(regel)
