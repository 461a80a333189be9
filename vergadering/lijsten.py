"""Lijsten voor de opdrachtregel: rijen (ook als JSON) en een Rich-tabel.

Contactgegevens van bewoners komen hier nooit in: alleen of er een contact is.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from . import datums
from .signaal import totaal

Rij = dict[str, Any]


def signaalrijen(opslag, wijkverband_id: str | None) -> list[Rij]:
    """Eén rij per signaal, zonder contactgegevens."""
    alle = opslag.signalen(wijkverband_id)
    return [
        {
            "id": s.id,
            "wijkverband": s.wijkverband_id,
            "datum": s.datum.isoformat(),
            "tekst": s.tekst,
            "vorm": s.vorm,
            "thema": s.thema,
            "buurt": s.buurt,
            "aantal": s.aantal,
            "aantal_met_bundel": totaal(s, alle),
            "status": s.status,
            "reden": s.reden,
            "gebundeld_in": s.gebundeld_in,
            "heeft_contact": s.contact is not None,
        }
        for s in alle
    ]


def actierijen(opslag, wijkverband_id: str | None) -> list[Rij]:
    """Eén rij per actie."""
    return [
        {
            "id": a.id,
            "wijkverband": a.wijkverband_id,
            "nummer": a.nummer,
            "omschrijving": a.omschrijving,
            "eigenaar": a.eigenaar,
            "partners": a.partners,
            "eerste_stap": a.eerste_stap,
            "eerste_stap_datum": a.eerste_stap_datum.isoformat() if a.eerste_stap_datum else None,
            "checkmoment": a.checkmoment.isoformat() if a.checkmoment else None,
            "status": a.status,
            "toelichting": a.laatste_toelichting(),
            "besloten_op": a.besloten_op.isoformat(),
            "vergadering": a.vergadering_id,
        }
        for a in opslag.acties(wijkverband_id)
    ]


def vergaderingrijen(opslag, wijkverband_id: str | None) -> list[Rij]:
    """Eén rij per vergadering."""
    return [
        {
            "id": v.id,
            "wijkverband": v.wijkverband_id,
            "datum": v.datum.isoformat(),
            "plaats": v.plaats,
            "aanwezig": len(v.aanwezigen()),
            "acties": len(v.acties),
            "gesloten": v.gesloten,
        }
        for v in opslag.vergaderingen(wijkverband_id)
    ]


RIJEN: dict[str, Callable[[Any, str | None], list[Rij]]] = {
    "signalen": signaalrijen,
    "acties": actierijen,
    "vergaderingen": vergaderingrijen,
}

_KOLOMMEN: dict[str, list[tuple[str, str]]] = {
    "signalen": [("id", "Kenmerk"), ("datum", "Datum"), ("tekst", "Signaal"), ("vorm", "Vorm"),
                 ("thema", "Thema"), ("aantal_met_bundel", "Bewoners"), ("status", "Status")],
    "acties": [("nummer", "Nr"), ("omschrijving", "Actie"), ("eigenaar", "Eigenaar"),
               ("eerste_stap_datum", "Eerste stap"), ("checkmoment", "Checkmoment"),
               ("status", "Status")],
    "vergaderingen": [("id", "Kenmerk"), ("datum", "Datum"), ("plaats", "Plaats"),
                      ("aanwezig", "Aanwezig"), ("acties", "Acties"), ("gesloten", "Gesloten")],
}


def _cel(sleutel: str, waarde: Any) -> str:
    from datetime import date

    from .tekst import een_regel

    if waarde is None:
        return "—"
    if isinstance(waarde, bool):
        return "ja" if waarde else "nee"
    if sleutel in ("datum", "eerste_stap_datum", "checkmoment") and isinstance(waarde, str):
        return datums.kort(date.fromisoformat(waarde))
    return een_regel(waarde)[:200]


def toon_tabel(soort: str, rijen: list[Rij]) -> None:
    """Toon de rijen als Rich-tabel op stdout."""
    from rich.console import Console
    from rich.table import Table

    console = Console()
    if not rijen:
        console.print(f"Geen {soort} gevonden.")
        return
    tabel = Table(title=f"{soort.capitalize()} ({len(rijen)})")
    for _, kop in _KOLOMMEN[soort]:
        tabel.add_column(kop, overflow="fold")
    for rij in rijen:
        tabel.add_row(*(_cel(k, rij.get(k)) for k, _ in _KOLOMMEN[soort]))
    console.print(tabel)
