"""Tekst passend maken in schermkolommen (brede tekens en emoji tellen voor twee)."""

from __future__ import annotations

from rich.cells import cell_len, set_cell_size


def pas(tekst: str, breedte: int) -> str:
    """Hoogstens ``breedte`` kolommen, met … als het niet past."""
    if breedte <= 0:
        return ""
    if cell_len(tekst) <= breedte:
        return tekst
    return set_cell_size(tekst, breedte - 1) + "…"


def pas_precies(tekst: str, breedte: int) -> str:
    """Precies ``breedte`` kolommen: afgekapt met … of aangevuld met spaties (tabelcellen)."""
    return set_cell_size(pas(tekst, breedte), breedte)
