"""Snapshot van het impactscherm op 80×24 (issue 13)."""

from __future__ import annotations

from pathlib import Path

from schermen_gegevens import maak_app
from schermen_pilot import op_startscherm, wacht

from schermen.impact import ImpactScherm


def test_impactscherm_80x24(snap_compare, tmp_path: Path) -> None:
    app = maak_app(tmp_path / "db")

    async def voor(pilot):
        await op_startscherm(pilot)
        await pilot.press("m")
        await wacht(pilot, lambda: isinstance(app.screen, ImpactScherm) and app.screen.impact)
        app.clear_notifications()
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=voor)
