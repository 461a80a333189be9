"""Schermafdrukken van de schermen tussen de vergaderingen op 80×24 (vaste nepklok en
datums): de signalenlijst, het signaalformulier met de bundelhint, mijn acties, en fase 3
met een update die de eigenaar tussendoor gaf. Bijwerken alleen na het bekijken:
``pytest tests/test_snapshots_tussendoor.py --snapshot-update``."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from schermen_gegevens import maak_app
from schermen_pilot import begin_vergadering, op_startscherm, typ, wacht
from textual.widgets import OptionList

from schermen.app import VergaderingApp
from schermen.opvolging import OpvolgingScherm
from schermen.signalen import SignalenScherm
from vergadering.opslag import Opslag

GROOTTE = (80, 24)


@pytest.fixture
def app(tmp_path: Path) -> VergaderingApp:
    return maak_app(tmp_path / "db")


async def _signalen(pilot) -> None:
    await op_startscherm(pilot)
    await pilot.press("l")
    await wacht(pilot, lambda: isinstance(pilot.app.screen, SignalenScherm)
                and pilot.app.screen.geladen)


async def _klaar(pilot) -> None:
    pilot.app.clear_notifications()
    await pilot.pause()


def test_signalenscherm(snap_compare, app) -> None:
    async def voor(pilot):
        await _signalen(pilot)
        await pilot.press("down", "down")
        await _klaar(pilot)

    assert snap_compare(app, terminal_size=GROOTTE, run_before=voor)


def test_signaal_met_bundelhint(snap_compare, app) -> None:
    async def voor(pilot):
        await _signalen(pilot)
        await pilot.press("a")
        await typ(pilot, "hard rijden kastanjelaan")
        await wacht(pilot, lambda: pilot.app.screen.query_one("#hints", OptionList)
                    .option_count == 2)
        await _klaar(pilot)

    assert snap_compare(app, terminal_size=GROOTTE, run_before=voor)


def test_mijn_acties(snap_compare, app) -> None:
    async def voor(pilot):
        await op_startscherm(pilot)
        await pilot.press("o")
        await wacht(pilot, lambda: isinstance(pilot.app.screen, OpvolgingScherm)
                    and pilot.app.screen.geladen)
        await pilot.press("down", "down", "down", "down", "down")
        await _klaar(pilot)

    assert snap_compare(app, terminal_size=GROOTTE, run_before=voor)


def test_fase3_met_update_tussendoor(snap_compare, tmp_path: Path) -> None:
    app = maak_app(tmp_path / "db")
    # De eigenaar gaf tussendoor een update door (zoals het opvolgingsscherm het bewaart).
    opslag = Opslag(tmp_path / "db")
    actie = opslag.actie("de-hoven-noord", "2026-1")
    actie.zet_status("loopt", "Bakken besteld", datetime(2026, 11, 20, 23, 59), None,
                     door="Woonstede")
    opslag.bewaar_actie(actie)

    async def voor(pilot):
        await begin_vergadering(pilot)
        await pilot.press("n", "n")
        await _klaar(pilot)

    assert snap_compare(app, terminal_size=GROOTTE, run_before=voor)
