"""Wat de participatieafspraken zeggen over de terugkoppeling: binnen welke termijn en via
welk kanaal.

De afspraken zijn vrije tekst ("Binnen twee weken na elke vergadering in de Hovenkrant
(nieuwsbrief) en de buurtapp"). Het voorstel voor de volgende update moet daar niet mee in
strijd zijn, en het kanaal is één kanaal ("nieuwsbrief"), niet de hele zin.
"""

from __future__ import annotations

import re

_TELWOORDEN = {
    "een": 1, "één": 1, "1": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6,
    "zeven": 7, "acht": 8, "negen": 9, "tien": 10, "twaalf": 12,
}
_EENHEID = {"dag": 1, "dagen": 1, "week": 7, "weken": 7, "maand": 30, "maanden": 30}
_TERMIJN = re.compile(
    r"\b(?:binnen|na|elke|iedere|om\s+de|uiterlijk)\s+(?:(\d{1,3}|[a-zé]+)\s+)?"
    r"(dagen|dag|weken|week|maanden|maand)\b"
)
_PER = {"wekelijks": 7, "tweewekelijks": 14, "maandelijks": 30}


def termijn_dagen(tekst: str) -> int | None:
    """De eerste termijn in de tekst, in dagen ('binnen twee weken' → 14, 'elke maand' → 30,
    'maandelijks' → 30); None als er geen termijn in staat."""
    t = str(tekst or "").casefold()
    gevonden: list[tuple[int, int]] = []  # (positie, dagen)
    for m in _TERMIJN.finditer(t):
        woord = m.group(1)
        if woord is None:
            aantal = 1  # 'elke week', 'binnen een week' zonder telwoord: één
        elif woord.isdigit():
            aantal = int(woord)
        elif woord in _TELWOORDEN:
            aantal = _TELWOORDEN[woord]
        else:
            continue  # 'na de week van…': geen termijn
        if aantal > 0:
            gevonden.append((m.start(), aantal * _EENHEID[m.group(2)]))
    for woord, dagen in _PER.items():
        m = re.search(rf"\b{woord}\b", t)
        if m:
            gevonden.append((m.start(), dagen))
    return min(gevonden)[1] if gevonden else None


def _eerst_genoemd(tekst: str, bekend: list[str], tekens: int, woorden: int) -> str:
    """Wat uit ``bekend`` de tekst als eerste noemt (hoofdletters tellen niet, alleen hele
    woorden), zoals ``bekend`` het schrijft; noemt ze niets, dan de tekst zelf als die kort is
    (hoogstens ``tekens`` tekens en ``woorden`` woorden, zonder zinstekens), anders leeg."""
    t = str(tekst or "").strip()
    if not t:
        return ""
    laag = t.casefold()
    beste: tuple[int, str] | None = None
    for kandidaat in bekend:
        if not kandidaat.strip():
            continue
        m = re.search(rf"(?<!\w){re.escape(kandidaat.casefold())}(?!\w)", laag)
        if m and (beste is None or m.start() < beste[0]):
            beste = (m.start(), kandidaat)
    if beste is not None:
        return beste[1]
    if len(t) <= tekens and len(t.split()) <= woorden and not re.search(r"[.,;:()]", t):
        return t
    return ""


def kanaal_uit(tekst: str, kanalen: list[str]) -> str:
    """Het kanaal dat de tekst als eerste noemt, zoals het wijkverband het schrijft
    ('… in de Hovenkrant (nieuwsbrief) en de buurtapp' → 'nieuwsbrief'). Noemt de tekst geen
    bekend kanaal, dan de tekst zelf als die kort genoeg is om een kanaal te zijn (één of
    twee woorden), anders leeg."""
    return _eerst_genoemd(tekst, kanalen, tekens=30, woorden=2)


def eigenaar_uit(tekst: str, namen: list[str]) -> str:
    """Wie de terugkoppeling doet, uit de participatieafspraken: de eerste naam uit
    ``namen`` (de leden) die de tekst noemt ('Sandra Koster (ervaringsdeskundige), samen met
    de notulist.' → 'Sandra Koster'). Noemt de tekst geen lid, dan de tekst zelf als die kort
    genoeg is om een eigenaar te zijn (een naam of rol, zonder zinstekens), anders leeg: dan
    vult de voorzitter het in, in plaats van een hele zin als eigenaar."""
    return _eerst_genoemd(tekst, namen, tekens=40, woorden=4)
