"""Schemaversies van de opslag en de weg van een oudere versie naar de huidige.

Schema 2: elk vakbestand en opslag.json eindigt met een controlegetal (zie bestand.py).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

SCHEMA = 2
CONTROLEGETAL_VANAF = 2

# Van versie n naar n+1: een functie die de opslagmap bijwerkt (met het schrijfslot in
# handen en na een reservekopie). Een map zonder opslag.json is leeg (een andere map is geen
# opslag): die begint meteen bij het huidige schema.
MIGRATIES: dict[int, Callable[[Path], None]] = {}


def controlegetal_verplicht(meta: dict | None) -> bool:
    """Of de vakken van een opslag met dit opslag.json (None: een nieuwe) een controlegetal
    moeten hebben; een oudere opslag krijgt ze bij het bijwerken."""
    schema = SCHEMA if meta is None else meta.get("schema")
    return isinstance(schema, int) and schema >= CONTROLEGETAL_VANAF


def _van_1_naar_2(map_: Path) -> None:
    """Schrijf elk gezond vakbestand opnieuw, nu met controlegetal. Een beschadigd vak blijft
    zoals het is: dat meldt zich bij het lezen, met de reservekopie om terug te zetten."""
    from ..fouten import BeschadigdBestand, OpslagFout
    from . import reservekopie
    from .bestand import controleer_tinydb, lees_json, schrijf_atomisch, vakbytes

    for relatief in reservekopie.databestanden(map_):
        pad = map_ / relatief
        if relatief.name == "opslag.json" or pad.is_symlink():
            continue  # opslag.json schrijft de façade zelf, na de laatste stap
        try:
            data = lees_json(pad)
            if data is None:
                continue
            controleer_tinydb(data, pad)
        except (BeschadigdBestand, OpslagFout):
            continue
        schrijf_atomisch(pad, vakbytes(data))


MIGRATIES[1] = _van_1_naar_2
