"""Schermafdrukken van de formulieren die issue 10 veranderde, op 80×24: het actieformulier
met alle velden in beeld en een fout onder haar veld, een melding boven een formulier, en de
lengtehint bij een lang signaal. Bijwerken alleen na het bekijken:
``pytest tests/test_snapshots_formulieren.py --snapshot-update``."""

from __future__ import annotations

from pathlib import Path

import pytest
from schermen_gegevens import maak_app
from schermen_pilot import begin_vergadering, kies, plak, wacht
from test_formulier_actie import _fase2_met_twee_acties, _stem_en_werk_uit

from schermen.app import VergaderingApp
from schermen.formulieren.signaal import SignaalFormulier

GROOTTE = (80, 24)


@pytest.fixture
def app(tmp_path: Path) -> VergaderingApp:
    return maak_app(tmp_path / "db")


def test_actie_met_reden_en_fout_onder_het_veld(snap_compare, app) -> None:
    async def voor(pilot):
        await _fase2_met_twee_acties(pilot)
        formulier = await _stem_en_werk_uit(pilot)
        await pilot.press("tab")  # van de omschrijving naar de eigenaar
        await kies(pilot, formulier.query_one("#eigenaar"), "Woonstede")
        await pilot.press("ctrl+s")  # geen reden voor een derde actie
        pilot.app.clear_notifications()
        await pilot.pause()

    assert snap_compare(app, terminal_size=GROOTTE, run_before=voor)


def test_melding_boven_het_actieformulier(snap_compare, app) -> None:
    async def voor(pilot):
        await _fase2_met_twee_acties(pilot)
        await _stem_en_werk_uit(pilot)
        # Dezelfde melding, maar zonder dat ze verloopt: de afdruk hangt niet van de tijd af.
        uitslag = pilot.app.sessie.vergadering.stemmingen[-1].uitslag()
        pilot.app.clear_notifications()
        pilot.app.notify(uitslag, timeout=600, markup=False)
        await pilot.pause()

    assert snap_compare(app, terminal_size=GROOTTE, run_before=voor)


def test_lang_signaal_met_lengtehint(snap_compare, app) -> None:
    async def voor(pilot):
        await begin_vergadering(pilot)
        pilot.app.clear_notifications()  # vóór de dialoog: anders blijft ze eronder staan
        await pilot.press("a")
        await wacht(pilot, lambda: isinstance(pilot.app.screen, SignaalFormulier))
        await plak(pilot, "Losse tegels op de stoep bij de bakker; " * 8)
        pilot.app.clear_notifications()
        await pilot.pause()

    assert snap_compare(app, terminal_size=GROOTTE, run_before=voor)
