"""Wat de afgeleide indexen (de startindex en de lijstindex) delen: de sleutel van een vak,
de vakken van een wijkverband op volgorde, en een indexbestand lezen en schrijven.

Een afgeleide index staat verborgen in de map van een wijkverband (dus buiten de
reservekopieën) en wordt nooit boven de echte bestanden vertrouwd: per vak onthoudt hij de
sleutel van het vak zoals het gelezen werd, en alleen een vak met precies die sleutel komt
uit de index. Ontbreekt hij, is hij beschadigd of van een andere versie of een ander
wijkverband, dan is hij er gewoon niet. Schrijven gaat atomisch, zonder schrijfslot en zo
goed als het gaat (een alleen-lezen map of een volle schijf is geen fout): twee processen
schrijven elk een index die klopt, de laatste wint.
"""

from __future__ import annotations

import marshal
import os
import sys
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..fouten import OpslagFout
from .bestand import JOURNAAL, _lees_met_sleutel, lees_json, naar_bytes, schrijf_atomisch

if TYPE_CHECKING:
    from .facade import Opslag

Sleutel = list[int]


def sleutel(naam: str, met_journaal: bool = True) -> Sleutel | None:
    """De sleutel van een vak (pad als tekst) en zijn journaal: inode, wijzigingstijdstip en
    grootte van elk; None als het vak weg is. ``met_journaal=False``: de map liet net geen
    journaal zien (scheelt een vergeefse stat; verschijnt het intussen toch, dan klopt de
    sleutel de volgende keer niet)."""
    try:
        st = os.stat(naam)
    except FileNotFoundError:
        return None
    journaal = [0, 0, 0]
    if met_journaal:
        try:
            j = os.stat(naam + JOURNAAL)
            journaal = [j.st_ino, j.st_mtime_ns, j.st_size]
        except FileNotFoundError:
            pass
    return [st.st_ino, st.st_mtime_ns, st.st_size, *journaal]


def vakken(opslag: Opslag, wijkverband_id: str, soort: str) -> Iterator[tuple[str, str, bool]]:
    """(bestandsnaam, pad als tekst, journaal gezien) van elk vak van één soort, in de
    volgorde waarin de façade ze leest."""
    map_ = str(opslag.vakmap(wijkverband_id, soort))
    for naam, journaal in opslag.vaknamen(wijkverband_id, soort):
        yield naam, os.path.join(map_, naam), journaal


def lees_index(pad: Path, versie: int, wijkverband_id: str, *,
               met_controle: bool = False) -> dict[str, Any] | None:
    """Een indexbestand als het van deze versie en dit wijkverband is en een woordenboek
    ``vakken`` heeft; anders None (ontbreekt, beschadigd, vreemd: dan wordt hij opnieuw
    gemaakt). ``met_controle``: de compacte vorm met controlegetal (zie ``_compact``); een
    index zonder kloppend controlegetal, of van een andere Python, telt niet."""
    try:
        oud = _uit_compact(pad) if met_controle else lees_json(pad)
    except OpslagFout:
        return None
    if (
        not isinstance(oud, dict)
        or oud.get("versie") != versie
        or oud.get("wijkverband") != wijkverband_id
        or not isinstance(oud.get("vakken"), dict)
    ):
        return None
    return oud


def schrijf_index(pad: Path, inhoud: dict[str, Any], *, met_controle: bool = False) -> None:
    """Schrijf een index atomisch, zo goed als het gaat: hij is afgeleid en wordt de volgende
    keer opnieuw gemaakt. Zonder map van het wijkverband niets (geen map maken om te lezen).
    ``met_controle``: in de compacte vorm met een controlegetal (zie ``_compact``); dan ook
    zonder fsync (een index die een crash half wegschreef, klopt niet met zijn controlegetal
    en telt niet)."""
    try:
        if not pad.parent.is_dir():
            return
        if met_controle:
            schrijf_atomisch(pad, _compact(inhoud), duurzaam=False)
        else:
            schrijf_atomisch(pad, naar_bytes(inhoud))
    except (OpslagFout, OSError):
        pass


# De lijstindex van dertig jaar signalen is zestigduizend rijen: als JSON kostte hij bij de
# eerste lijst ~120 ms om te schrijven. In ``marshal`` (de vorm van Pythons eigen
# .pyc-bestanden, alleen gegevens, geen code die draait) is dat ~50 ms; lezen is even snel
# als JSON. Versie 2 van die vorm, want die houdt geen verwijzingen bij: vers gemaakte
# rijen delen hun teksten met de documenten, en versie 4 zocht elke tekst op (~2× zo
# traag). De vorm kan per Python-versie verschillen, dus staat de versie in de kop: een
# index van een andere Python telt niet en wordt opnieuw gemaakt. Het controlegetal (crc32,
# zoals een vakbestand) vangt een half geschreven of beschadigde index voordat ``marshal``
# hem leest.
_MARSHAL = 2
_KOP = b"vergadering-index %d.%d marshal %d\n" % (*sys.version_info[:2], _MARSHAL)


def _compact(inhoud: dict[str, Any]) -> bytes:
    """De bytes van een index in de compacte vorm: kop, controlegetal, marshal."""
    romp = marshal.dumps(inhoud, _MARSHAL)
    return b"%s%08x%s" % (_KOP, zlib.crc32(romp), romp)


def _uit_compact(pad: Path) -> Any:
    """Wat ``_compact`` schreef; None als het bestand er niet is, een andere kop heeft of
    niet klopt met zijn controlegetal."""
    gelezen = _lees_met_sleutel(pad)
    if gelezen is None:
        return None
    ruw = gelezen[1]
    if not ruw.startswith(_KOP):
        return None
    begin = len(_KOP) + 8
    cijfers, romp = ruw[len(_KOP):begin], memoryview(ruw)[begin:]
    try:
        if int(cijfers, 16) != zlib.crc32(romp):
            return None
        return marshal.loads(romp)
    except (ValueError, EOFError, TypeError):
        return None
