"""Het proces wordt midden in fase 2 hard gestopt (kill -9); bij het opnieuw openen gaat de
vergadering verder in dezelfde fase, met alles wat er getypt was en een klok die doorliep."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from schermen_gegevens import maak_opslag
from schermen_pilot import wacht

from schermen.app import VergaderingApp
from schermen.bevestig import Bevestig
from schermen.vergaderscherm import VergaderScherm
from vergadering.opslag import Opslag

HIER = Path(__file__).resolve().parent  # schermen_pilot, ook voor het kind
WORTEL = HIER.parent

KIND = r"""
import asyncio, sys
from vergadering.opslag import Opslag
from schermen.app import VergaderingApp
from schermen_pilot import begin_vergadering

app = VergaderingApp(Opslag(sys.argv[1]))

async def piloot(pilot):
    await begin_vergadering(pilot)  # wacht op elk scherm (en geeft het op, dan stopt het kind)
    await pilot.press("3", "down", "2", "down", "1")
    await pilot.press("n")
    assert app.bewaarder.wacht(30)  # de laatste wijziging staat op schijf
    print("IN-FASE-2", flush=True)
    await asyncio.sleep(120)

app.run(headless=True, size=(80, 24), auto_pilot=piloot)
"""


async def test_kill_midden_in_fase_2_en_verder(tmp_path: Path) -> None:
    map_ = tmp_path / "db"
    maak_opslag(map_)
    omgeving = dict(os.environ, PYTHONPATH=os.pathsep.join(map(str, (WORTEL, HIER))))
    kind = subprocess.Popen(
        [sys.executable, "-c", KIND, str(map_)], stdout=subprocess.PIPE, text=True,
        cwd=WORTEL, env=omgeving,
    )
    try:
        regel = kind.stdout.readline()
        assert regel.strip() == "IN-FASE-2"
        gedood = time.time()
        os.kill(kind.pid, signal.SIGKILL)
    finally:
        kind.kill()
        kind.wait(10)

    app = VergaderingApp(Opslag(map_))
    async with app.run_test(size=(80, 24)) as pilot:
        await wacht(pilot, lambda: isinstance(app.screen, Bevestig))
        await pilot.press("j")
        await wacht(pilot, lambda: isinstance(app.screen, VergaderScherm))
        sessie = app.sessie
        v = sessie.vergadering
        assert v.fase_index == 1
        assert sorted(v.stippen.values()) == [1, 2, 3]
        assert app.screen.query_one("#fasen").current == "fase-acties"
        # De klok van fase 2 liep door tijdens het herstarten.
        assert sessie.agendaklok.loopt
        assert sessie.agendaklok.gebruikt() >= time.time() - gedood
