"""Opslag achter één façade, met twee vormen: een map met bestanden (de standaard: atomisch
schrijven, een schrijfslot en reservekopieën) en een gedeelde PostgreSQL-database.
``open_opslag`` kiest op het adres."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .adres import is_database
from .facade import Opslag, standaard_map

__all__ = ["Opslag", "is_database", "open_opslag", "standaard_map"]


def open_opslag(db: str | Path, **opties: Any) -> Any:
    """De opslag op ``db``: een PostgreSQL-adres ('postgresql://…', 'postgres://…',
    'service=…') opent de database (psycopg pas dan geladen), al het andere is een map."""
    if isinstance(db, str) and is_database(db):
        from .postgres import PostgresOpslag

        return PostgresOpslag(db, **opties)
    return Opslag(db, **opties)
