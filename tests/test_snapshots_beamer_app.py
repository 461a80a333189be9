"""Snapshots van `vergadering beamer` (BeamerApp): het wachtscherm en fase 1 met stippen, op
160×45 (de beamer) en 80×24. Vaste nepklok en vaste gegevens: het beeld is elke keer gelijk.
Bekeken voordat ze werden vastgelegd: rustig, grote cijfers, geen gegevens van bewoners."""

from __future__ import annotations

import pytest
from schermen_gegevens import Klok, maak_opslag, voorzitter
from test_beamer_app import WV, _met_privé, wacht_tot

from schermen.beamer_app import BeamerApp
from schermen.klok import FaseKlok, klokbeeld
from vergadering.opslag import Opslag


@pytest.mark.parametrize("grootte", [(80, 24), (160, 45)], ids=["80x24", "160x45"])
def test_wachtscherm(snap_compare, tmp_path, grootte):
    maak_opslag(tmp_path / "db")
    app = BeamerApp(Opslag(tmp_path / "db"), WV, klok=Klok())

    async def klaar(pilot) -> None:
        assert await wacht_tot(pilot, lambda: app.beeld is not None)
        await pilot.pause()

    assert snap_compare(app, terminal_size=grootte, run_before=klaar)


@pytest.mark.parametrize("grootte", [(80, 24), (160, 45)], ids=["80x24", "160x45"])
def test_fase1_met_stippen(snap_compare, tmp_path, grootte):
    maak_opslag(tmp_path / "db")
    _met_privé(Opslag(tmp_path / "db"))
    tijd = Klok()
    app = BeamerApp(Opslag(tmp_path / "db"), WV, klok=tijd)

    async def klaar(pilot) -> None:
        sessie = voorzitter(tmp_path / "db", tijd)
        sessie.start()
        for sid, n in [("2611-s003", 3), ("2611-s001", 2), ("2611-priv", 2)]:
            sessie.zet_stippen(sid, n)
        tijd.verzet(83)
        assert await wacht_tot(pilot, lambda: app.beeld is not None
                               and app.beeld.vergadering is not None
                               and app.beeld.vergadering.versie == sessie.vergadering.versie)
        # De klok tekent op zijn eigen tik: wachten tot hij de tijd van nu toont, dan pas de
        # foto (niet een vaste pauze die op een drukke machine te kort kan zijn).
        klok = app.query_one(FaseKlok)
        assert await wacht_tot(pilot, lambda: klok.beeld == klokbeeld(app.agendaklok))
        await pilot.pause()

    assert snap_compare(app, terminal_size=grootte, run_before=klaar)
