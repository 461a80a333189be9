"""Schermafdrukken van de agenda rond de cyclus op 80×24: het sjabloonformulier, een punt
erbij, een agendapunt, het vorige verslag vaststellen en de beamer (ook als tweede proces)
bij een agendapunt. Vaste nepklok en vaste datums. Bijwerken alleen na het bekijken:
``pytest tests/test_snapshots_agenda.py --snapshot-update``."""

from __future__ import annotations

from pathlib import Path

import pytest
from schermen_gegevens import Klok, maak_app, maak_opslag, voorzitter
from schermen_pilot import begin_vergadering, op_startscherm, wacht
from test_beamer_app import WV, wacht_tot

from schermen.app import VergaderingApp
from schermen.beamer_app import BeamerApp
from schermen.formulieren.agenda import AgendaFormulier, AgendapuntFormulier
from schermen.klok import FaseKlok, klokbeeld
from vergadering.agendabeheer import agendabeheer
from vergadering.opslag import Opslag

GROOTTE = (80, 24)


@pytest.fixture
def app(tmp_path: Path) -> VergaderingApp:
    return maak_app(tmp_path / "db", sjabloon=True)


async def _klaar(pilot) -> None:
    # Ook het vergaderscherm onder een formulier: zijn klok volgt de nepklok anders pas bij de
    # volgende tik van de interval, en die kan op een drukke machine na de afdruk komen.
    for scherm in pilot.app.screen_stack:
        if hasattr(scherm, "ververs"):
            scherm.ververs()
    pilot.app.clear_notifications()
    await pilot.pause()


async def _vergadering(pilot) -> None:
    await begin_vergadering(pilot)
    # Meldingen verdwijnen na een tijd: weg ermee, zodat de afdruk niet van de tijd afhangt.
    pilot.app.clear_notifications()
    await pilot.pause()
    sessie = pilot.app.sessie
    sessie.notities(0, "Mededeling: de wijkagent is er vanaf januari elke eerste dinsdag.")
    pilot.app.klok.verzet(4 * 60 + 30)  # nog 30 seconden: waarschuwing


def test_agendasjabloon(snap_compare, app) -> None:
    async def voor(pilot):
        await op_startscherm(pilot)
        await pilot.press("g")
        await wacht(pilot, lambda: isinstance(pilot.app.screen, AgendaFormulier))
        await _klaar(pilot)

    assert snap_compare(app, terminal_size=GROOTTE, run_before=voor)


def test_opening_met_notities(snap_compare, app) -> None:
    async def voor(pilot):
        await _vergadering(pilot)
        await _klaar(pilot)

    assert snap_compare(app, terminal_size=GROOTTE, run_before=voor)


def test_punt_erbij(snap_compare, app) -> None:
    async def voor(pilot):
        await _vergadering(pilot)
        await pilot.press("a")
        await wacht(pilot, lambda: isinstance(pilot.app.screen, AgendapuntFormulier))
        await pilot.press(*"Buurtfeest in juni")
        await _klaar(pilot)

    assert snap_compare(app, terminal_size=GROOTTE, run_before=voor)


def test_vorig_verslag_vaststellen(snap_compare, app) -> None:
    async def voor(pilot):
        await _vergadering(pilot)
        await pilot.press("n")
        beheer = agendabeheer(pilot.app.sessie)
        beheer.zet_correcties("Kees was afgemeld, niet afwezig.")
        pilot.app.klok.verzet(90)
        await _klaar(pilot)

    assert snap_compare(app, terminal_size=GROOTTE, run_before=voor)


def test_sluiting_zonder_vaste_tijd(snap_compare, app) -> None:
    async def voor(pilot):
        await _vergadering(pilot)
        await pilot.press(*"nnnnnn")
        pilot.app.klok.verzet(75)
        await _klaar(pilot)

    assert snap_compare(app, terminal_size=GROOTTE, run_before=voor)


def test_beamer_bij_het_vorige_verslag(snap_compare, app) -> None:
    async def voor(pilot):
        await _vergadering(pilot)
        await pilot.press("n")
        agendabeheer(pilot.app.sessie).zet_correcties("Kees was afgemeld, niet afwezig.")
        await pilot.press("b")
        await _klaar(pilot)

    assert snap_compare(app, terminal_size=GROOTTE, run_before=voor)


def test_beamerproces_bij_de_rondvraag(snap_compare, tmp_path) -> None:
    maak_opslag(tmp_path / "db", sjabloon=True)
    tijd = Klok()
    app = BeamerApp(Opslag(tmp_path / "db"), WV, klok=tijd)

    async def klaar(pilot) -> None:
        sessie = voorzitter(tmp_path / "db", tijd)
        sessie.start()
        for minuten in (4, 5, 5, 9, 6):
            tijd.verzet(minuten * 60)
            sessie.naar_fase(1)
        agendabeheer(sessie).voeg_punt_toe("Buurtfeest", 10)
        tijd.verzet(100)
        assert await wacht_tot(pilot, lambda: app.beeld is not None
                               and app.beeld.vergadering is not None
                               and app.beeld.vergadering.versie == sessie.vergadering.versie)
        klok = app.query_one(FaseKlok)
        assert await wacht_tot(pilot, lambda: klok.beeld == klokbeeld(app.agendaklok))
        await pilot.pause()

    assert snap_compare(app, terminal_size=GROOTTE, run_before=klaar)
