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

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..fouten import OpslagFout
from .bestand import JOURNAAL, lees_json, naar_bytes, schrijf_atomisch, vakbytes

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
    gemaakt). ``met_controle``: zonder kloppend controlegetal telt hij niet."""
    try:
        oud = lees_json(pad, verplicht=met_controle)
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
    ``met_controle``: met een controlegetal, zoals een vakbestand; dan ook zonder fsync (een
    index die een crash half wegschreef, klopt niet met zijn controlegetal en telt niet)."""
    try:
        if not pad.parent.is_dir():
            return
        if met_controle:
            schrijf_atomisch(pad, vakbytes(inhoud), duurzaam=False)
        else:
            schrijf_atomisch(pad, naar_bytes(inhoud))
    except (OpslagFout, OSError):
        pass
