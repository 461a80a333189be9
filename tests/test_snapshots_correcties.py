"""Schermafdrukken van de nieuwe formulieren van issue 10 op 80×24: stemming corrigeren, de
volgende vergadering, heropenen en de vraag bij een ongewone datum. Zelfde opbouw als
test_snapshots_schermen.py (de toestand via de sessie, dan de toets die opent)."""

from __future__ import annotations

from pathlib import Path

import pytest
from schermen_gegevens import maak_app
from schermen_pilot import op_startscherm, typ, wacht, wis
from test_snapshots_schermen import GROOTTE, KASTANJE, _fase2, _fase3, _klaar

from schermen.app import VergaderingApp
from schermen.bevestig import Bevestig
from schermen.formulieren.vergadering import StartFormulier


@pytest.fixture
def app(tmp_path: Path) -> VergaderingApp:
    return maak_app(tmp_path / "db")


def test_stemming_corrigeren(snap_compare, app) -> None:
    async def voor(pilot):
        await _fase2(pilot)
        tabel = pilot.app.screen.query_one("#top5")
        tabel.move_cursor(row=tabel.get_row_index(KASTANJE))
        await pilot.press("c")
        await pilot.pause()
        await _klaar(pilot)

    assert snap_compare(app, terminal_size=GROOTTE, run_before=voor)


def test_volgende_vergadering(snap_compare, app) -> None:
    async def voor(pilot):
        await _fase3(pilot)
        await pilot.press("d")
        await _klaar(pilot)

    assert snap_compare(app, terminal_size=GROOTTE, run_before=voor)


def test_heropenen(snap_compare, app) -> None:
    async def voor(pilot):
        await op_startscherm(pilot)
        await pilot.press("r")
        await _klaar(pilot)

    assert snap_compare(app, terminal_size=GROOTTE, run_before=voor)


def test_vraag_bij_een_datum_ver_terug(snap_compare, app) -> None:
    async def voor(pilot):
        await op_startscherm(pilot)
        await pilot.press("s")
        await wacht(pilot, lambda: isinstance(pilot.app.screen, StartFormulier))
        await wis(pilot)
        await typ(pilot, "20-10-2026")
        await pilot.press("ctrl+s")
        await wacht(pilot, lambda: isinstance(pilot.app.screen, Bevestig))
        await _klaar(pilot)

    assert snap_compare(app, terminal_size=GROOTTE, run_before=voor)
