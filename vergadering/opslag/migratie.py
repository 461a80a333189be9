"""Schemaversies van de opslag en de weg van een oudere versie naar de huidige."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

SCHEMA = 1

# Van versie n naar n+1: een functie die de opslagmap bijwerkt (met het schrijfslot in
# handen en na een reservekopie). Versie 0 is een map zonder opslag.json.
MIGRATIES: dict[int, Callable[[Path], None]] = {}


def _van_0_naar_1(map_: Path) -> None:
    """Versie 0 had nog geen metabestand; de gegevens zelf zijn gelijk."""


MIGRATIES[0] = _van_0_naar_1
