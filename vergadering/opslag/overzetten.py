"""Alles van de ene opslag naar de andere: een map naar de database, of terug naar een map
(ook de reservekopie die een wijkverband op een USB-stick mee naar huis neemt).

``vergadering overzetten --van … --naar …`` telt eerst, kopieert dan elk document met zijn
versienummer, en controleert daarna door te tellen en elk document te vergelijken. De bron
wordt alleen gelezen. Nog eens draaien voegt niets dubbel toe: een document dat er al precies
zo staat, wordt overgeslagen; een document dat in het doel intussen anders is, wordt niet
overschreven maar genoemd.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..fouten import NietGevonden, OngeldigeInvoer
from .omzetten import naar_document

SOORTEN = ("wijkverbanden", "signalen", "acties", "vergaderingen")
BLOK = 500
# (enkelvoud, meervoud) per soort, voor zinnen als '1 wijkverband, 52 signalen'.
WOORDEN = {"wijkverbanden": ("wijkverband", "wijkverbanden"), "signalen": ("signaal", "signalen"),
           "acties": ("actie", "acties"), "vergaderingen": ("vergadering", "vergaderingen")}


def telling_in_woorden(telling: dict[str, int]) -> str:
    """'1 wijkverband, 52 signalen, 21 acties, 10 vergaderingen'."""
    from ..zinnen import aantal

    return ", ".join(aantal(n, *WOORDEN[soort]) for soort, n in telling.items())


@dataclass
class Uitkomst:
    """Wat overzetten deed: per soort hoeveel er in de bron staan, hoeveel er gekopieerd
    zijn en hoeveel er al precies zo stonden; en welke documenten in het doel anders zijn."""

    bron: dict[str, int] = field(default_factory=dict)
    gekopieerd: dict[str, int] = field(default_factory=dict)
    al_gelijk: dict[str, int] = field(default_factory=dict)
    anders: list[str] = field(default_factory=list)
    """'signaal 2611-ab12 van de-hoven': staat in het doel met een andere inhoud."""


def _alle(opslag: Any, soort: str) -> list[Any]:
    return opslag.wijkverbanden() if soort == "wijkverbanden" else getattr(opslag, soort)()


def _sleutel(soort: str, obj: Any) -> tuple[str, str, str]:
    return (soort, getattr(obj, "wijkverband_id", obj.id), obj.id)


def _documenten(opslag: Any) -> dict[tuple[str, str, str], dict[str, Any]]:
    """Alles wat de opslag nu heeft, als document per sleutel (om te vergelijken)."""
    return {_sleutel(soort, o): naar_document(o) for soort in SOORTEN
            for o in _alle(opslag, soort)}


def _benoem(soort: str, obj: Any) -> str:
    woord = WOORDEN[soort][0]
    waar = "" if soort == "wijkverbanden" else f" van {obj.wijkverband_id}"
    return f"{woord} {obj.id}{waar}"


def tel(opslag: Any) -> dict[str, int]:
    """Hoeveel documenten van elke soort de opslag heeft."""
    return {soort: len(_alle(opslag, soort)) for soort in SOORTEN}


def _bewaar(opslag: Any, soort: str, obj: Any) -> None:
    bewaar = {"wijkverbanden": opslag.bewaar_wijkverband, "signalen": opslag.bewaar_signaal,
              "acties": opslag.bewaar_actie, "vergaderingen": opslag.bewaar_vergadering}[soort]
    versie = obj.versie
    # Met zijn eigen versienummer: de opslag telt er bij het bewaren één bij op.
    obj.versie = max(versie - 1, 0)
    try:
        bewaar(obj)
    finally:
        obj.versie = versie


def zet_over(van: Any, naar: Any,
             voortgang: Callable[[int, int], None] = lambda gedaan, totaal: None) -> Uitkomst:
    """Kopieer alles uit ``van`` naar ``naar`` (beide een opslag) en controleer het daarna.

    ``voortgang(gedaan, totaal)`` na elk blok documenten. Een document dat in ``naar`` al precies zo
    staat, wordt overgeslagen; staat het er anders, dan blijft het zoals het is en komt het in
    ``Uitkomst.anders``. Na het kopiëren wordt elk document van de bron in het doel
    teruggelezen en vergeleken; ontbreekt er een of verschilt het (buiten ``anders``), dan
    ``OngeldigeInvoer`` met wat er niet klopt.
    """
    uit = Uitkomst()
    bron = {soort: _alle(van, soort) for soort in SOORTEN}
    uit.bron = {soort: len(objecten) for soort, objecten in bron.items()}
    totaal = sum(uit.bron.values())
    doel = _documenten(naar)
    gedaan = 0
    for soort in SOORTEN:  # eerst de wijkverbanden: de rest hoort erbij
        uit.gekopieerd[soort] = uit.al_gelijk[soort] = 0
        objecten = bron[soort]
        # Per blok één schrijfactie (een transactie in de database, het slot bij de map):
        # een afgebroken overzetting laat hele blokken achter, en nog eens draaien vult aan.
        for begin in range(0, len(objecten), BLOK):
            with naar.schrijven():
                for obj in objecten[begin:begin + BLOK]:
                    bestaand = doel.get(_sleutel(soort, obj))
                    if bestaand is None:
                        _bewaar(naar, soort, obj)
                        uit.gekopieerd[soort] += 1
                    elif bestaand == naar_document(obj):
                        uit.al_gelijk[soort] += 1
                    else:
                        uit.anders.append(_benoem(soort, obj))
            gedaan += len(objecten[begin:begin + BLOK])
            voortgang(gedaan, totaal)
    if sum(uit.gekopieerd.values()):
        naar.na_grote_lading()
    _controleer(bron, naar, uit)
    return uit


def _controleer(bron: dict[str, list[Any]], naar: Any, uit: Uitkomst) -> None:
    """Lees het doel opnieuw en vergelijk elk document met de bron."""
    terug = _documenten(naar)
    anders = set(uit.anders)
    fout = []
    for soort, objecten in bron.items():
        for obj in objecten:
            naam = _benoem(soort, obj)
            gelezen = terug.get(_sleutel(soort, obj))
            if gelezen is None:
                fout.append(f"{naam} ontbreekt")
            elif gelezen != naar_document(obj) and naam not in anders:
                fout.append(f"{naam} is anders")
    if fout:
        raise OngeldigeInvoer(
            f"Na het overzetten klopt het doel niet ({'; '.join(fout[:5])}"
            f"{' …' if len(fout) > 5 else ''}); de bron is niet aangeraakt, probeer het "
            "opnieuw of vraag hulp."
        )


def in_zinnen(uit: Uitkomst, waar: str) -> list[str]:
    """De uitkomst voor de gebruiker: per soort één regel, en wat er anders was."""
    regels = []
    for soort in SOORTEN:
        n, nieuw, gelijk = uit.bron[soort], uit.gekopieerd[soort], uit.al_gelijk[soort]
        regels.append(f"{WOORDEN[soort][1]}: {n} in de bron, {nieuw} overgezet, {gelijk} "
                      "stonden er al")
    if uit.anders:
        regels.append(
            f"{len(uit.anders)} stonden in {waar} al met een andere inhoud en zijn niet "
            f"overschreven: {', '.join(uit.anders[:10])}{' …' if len(uit.anders) > 10 else ''}."
        )
    regels.append(f"Gecontroleerd: elk document van de bron staat zo in {waar}; de bron is "
                  "niet aangeraakt.")
    return regels


def controleer_bron(van: Any) -> None:
    """Een bron zonder wijkverbanden is waarschijnlijk de verkeerde plek."""
    if not van.wijkverbanden():
        raise NietGevonden(
            f"In {van.plek} staan geen wijkverbanden om over te zetten; controleer --van."
        )
