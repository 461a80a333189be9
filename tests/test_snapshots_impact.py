"""Snapshots van het impactscherm op 80×24 (issue 13): bereik en doorwerking."""

from __future__ import annotations

from pathlib import Path

import pytest
from schermen_gegevens import maak_app
from schermen_pilot import op_startscherm, wacht

from schermen.impact import ImpactScherm


@pytest.mark.parametrize("toets", ["1", "3"], ids=["bereik", "doorwerking"])
def test_impactscherm_80x24(snap_compare, tmp_path: Path, toets: str) -> None:
    app = maak_app(tmp_path / "db")

    async def voor(pilot):
        await op_startscherm(pilot)
        await pilot.press("m")
        await wacht(pilot, lambda: isinstance(app.screen, ImpactScherm) and app.screen.impact)
        await pilot.press(toets)
        await wacht(pilot, lambda: app.screen.grafiek is not None)
        app.clear_notifications()
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=voor)
