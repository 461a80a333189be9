"""Een afgeleide lijstindex per wijkverband en soort: de rijen van de lijsten op de
opdrachtregel, zonder tien tot dertig jaar opnieuw om te zetten en te controleren.

Een lijst van dertig jaar signalen zet zestigduizend documenten om in gecontroleerde
domeinobjecten en maakt daar rijen van; dat kost meer dan de bestanden lezen. Per vak
bewaart deze index de rijen die ``vergadering/lijsten.py`` van dat vak maakte (een lijst
per rij, in een vaste kolomvolgorde, zonder herhaalde veldnamen; in de vorm van ``marshal``,
zie ``afgeleid.py``), met de sleutel van het vak zoals het gelezen werd (``afgeleid.sleutel``).
Moeten veel vakken gelezen worden (zonder index), dan met twee processen (``tegelijk.py``).

Zoals de startindex (zie ``index.py`` en ``afgeleid.py``): een vak komt alleen uit de index
als zijn sleutel nu precies gelijk is; elk ander vak wordt via de façade gelezen (vak plus
journaal, controlegetal en vorm), met dezelfde melding met advies als elk ander lezen, en
zijn rijen worden in de index bijgewerkt. Die rijen komen rechtstreeks uit de documenten
als elk document het gewone geval is (``ruw``, zie ``vergadering/rauwe_rijen.py``: de
controles van het omzetten, zonder domeinobjecten), anders uit de domeinobjecten. Een
index die ontbreekt, beschadigd is (hij heeft een controlegetal, zoals een vakbestand), van
een andere versie, een ander wijkverband of een andere rijvorm is, telt niet en wordt
opnieuw gemaakt. Wat een vak niet weet (bundelaantallen uit andere maanden, wat vandaag te
laat is) staat er niet in: dat maakt de lijst zelf.

Grens: een vak dat verandert zonder dat inode, tijdstip of grootte verandert (een
omgevallen bit op de schijf) ziet de lijst pas als het vak of de index verandert; schrijven,
herstellen en de reservekopie lezen de vakken zelf en vangen het daar. Hetzelfde geldt voor
schade binnen een deel van een vergadering dat de lijst niet toont (fasen, stemmingen, ...;
zie ``rauwe_rijen.py``).

In de index staan geen contactgegevens van bewoners (een rij zegt alleen óf er contact is);
hij staat verborgen in de map van het wijkverband, buiten de reservekopieën.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from .afgeleid import lees_index, schrijf_index, sleutel, vakken
from .tegelijk import per_vak

if TYPE_CHECKING:
    from .facade import Opslag

VERSIE = 1
Rijen = list[list[Any]]


class AndersLezen(Exception):
    """Een document van een vak past niet in de snelle weg van ``ruw``: lees het vak via de
    domeinobjecten (die geven dezelfde rij, of de melding met advies)."""


def indexpad(opslag: Opslag, wijkverband_id: str, soort: str) -> Path:
    """Waar de lijstindex van een soort (of een andere naam) van een wijkverband staat."""
    return opslag.map / wijkverband_id / f".lijst-{soort}"


def rijen(opslag: Opslag, wijkverbanden: list[str], soort: str,
          maak: Callable[[list[Any]], Rijen], vorm: str, index: str | None = None,
          ruw: Callable[[list[Any]], Rijen] | None = None) -> Rijen:
    """De rijen van alle vakken van één soort van de wijkverbanden, vak voor vak in de
    volgorde van de façade: uit de index waar het vak niet veranderd is, anders
    ``maak(objecten van het vak)`` (en dan wordt de index bijgewerkt). ``vorm`` noemt de
    kolommen van een rij: een index met een andere vorm telt niet.

    ``index``: een eigen index naast die van de lijst (bijvoorbeeld 'impact-acties' met
    andere kolommen), zodat de twee elkaar niet telkens opnieuw laten maken.

    ``ruw``: dezelfde rijen rechtstreeks uit de (gecontroleerde) documenten van het vak, of
    ``AndersLezen``; dan ``maak`` uit de objecten (zie ``vergadering/rauwe_rijen.py``).

    Een beschadigd vak geeft ``BeschadigdBestand`` met advies, net als elk ander lezen.
    """
    plannen = [_plan(opslag, wv, soort, vorm, index) for wv in wijkverbanden]
    # Zonder index (de eerste lijst na een upgrade) zijn dat alle vakken van alle
    # wijkverbanden: dan met twee processen tegelijk als dat kan (tegelijk.py).
    per_wv = dict(zip(wijkverbanden, plannen, strict=True))
    te_lezen = [(wv, naam) for wv, plan in per_wv.items() for naam in plan.te_lezen]

    def gezien(vak: tuple[str, str]) -> list[int]:
        """De sleutel van het vak zoals het plan het zag."""
        return per_wv[vak[0]].nieuw[vak[1]][0]

    gelezen = per_vak(te_lezen,
                      lambda vak: maak_vak(opslag, vak[0], soort, vak[1], maak, ruw, gezien(vak)),
                      [gezien(vak)[2] + gezien(vak)[5] for vak in te_lezen])  # in bytes
    uit: Rijen = []
    for wv, plan in zip(wijkverbanden, plannen, strict=True):
        for naam, regel in plan.nieuw.items():
            if regel[1] is None:
                regel[1] = gelezen[wv, naam]
            uit += regel[1]
        if plan.te_lezen or plan.nieuw.keys() != plan.bekend.keys():
            schrijf_index(plan.pad, {"versie": VERSIE, "wijkverband": wv, "vorm": vorm,
                                     "vakken": plan.nieuw}, met_controle=True)
    return uit


class _Plan(NamedTuple):
    """Per wijkverband: waar de index staat, wat hij wist, per vak [sleutel, rijen of None
    (nog te lezen)] en welke vakken gelezen moeten worden."""

    pad: Path
    bekend: dict[str, Any]
    nieuw: dict[str, Any]
    te_lezen: list[str]


def _plan(opslag: Opslag, wijkverband_id: str, soort: str, vorm: str,
          index: str | None) -> _Plan:
    pad = indexpad(opslag, wijkverband_id, index or soort)
    oud = lees_index(pad, VERSIE, wijkverband_id, met_controle=True)
    bekend: dict[str, Any] = oud["vakken"] if oud is not None and oud.get("vorm") == vorm else {}
    if bekend and _gekoppeld(opslag, wijkverband_id, soort):
        bekend = {}  # een map die een koppeling is: de façade zegt wat er mis is
    nieuw: dict[str, Any] = {}
    te_lezen: list[str] = []
    for naam, vak, journaal in vakken(opslag, wijkverband_id, soort):
        huidig = sleutel(vak, journaal)  # vóór het lezen: verandert het intussen, dan
        if huidig is None:  # klopt de sleutel de volgende keer niet
            continue  # intussen weggehaald
        regel = bekend.get(naam)
        if type(regel) is list and len(regel) == 2 and regel[0] == huidig \
                and type(regel[1]) is list:
            nieuw[naam] = regel
        else:
            nieuw[naam] = [huidig, None]
            te_lezen.append(naam)
    return _Plan(pad, bekend, nieuw, te_lezen)


def maak_vak(opslag: Opslag, wijkverband_id: str, soort: str, naam: str,
             maak: Callable[[list[Any]], Rijen], ruw: Callable[[list[Any]], Rijen] | None,
             sleutel: list[int] | None = None) -> Rijen:
    """De rijen van één vak: met ``ruw`` uit de documenten als dat gaat, anders (en zonder
    ``ruw``) ``maak`` uit de objecten. ``sleutel``: zoals het plan het vak zag (zie
    ``Opslag.lees_documenten``)."""
    if ruw is not None:
        try:
            return ruw(opslag.lees_documenten(wijkverband_id, soort, naam, sleutel))
        except AndersLezen:
            pass
    return maak(opslag.lees_vak(wijkverband_id, soort, naam))


def _gekoppeld(opslag: Opslag, wijkverband_id: str, soort: str) -> bool:
    """Waar als de map van het wijkverband of van de soort een symbolische koppeling is
    (de façade volgt die niet; de index dan ook niet)."""
    map_ = opslag.vakmap(wijkverband_id, soort)
    return os.path.islink(map_) or os.path.islink(map_.parent)
