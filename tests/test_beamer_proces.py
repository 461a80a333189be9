"""De beamer als eigen proces volgt een vergadering die in de app gevoerd wordt.

De app van de voorzitter draait onder Pilot, op de echte klok; de beamer draait als echt
tweede proces (`python -m schermen beamer`, zonder terminal) en zegt via
VERGADERING_BEAMER_STAND wat hij na elk nieuw beeld toont, met zijn klok. Na pauze, +1 minuut
en een nieuwe fase moet zijn klok binnen een seconde die van de voorzitter zijn.
"""

from __future__ import annotations

import copy
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from schermen_gegevens import maak_app
from schermen_pilot import begin_vergadering

from vergadering.agendaklok import AgendaKlok

WV = "de-hoven-noord"


def _lees(pad: Path) -> dict[str, Any]:
    try:
        return json.loads(pad.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


@pytest.fixture
def beamerproces(tmp_path: Path):
    """Start de beamer op een map (pas als de app er gegevens in zette); geeft de stand."""
    processen: list[subprocess.Popen] = []
    stand = tmp_path / "stand.json"

    def start(map_: Path) -> tuple[Path, subprocess.Popen]:
        env = {**os.environ, "VERGADERING_BEAMER_STAND": str(stand),
               "TEXTUAL_DRIVER": "textual.drivers.headless_driver:HeadlessDriver"}
        processen.append(subprocess.Popen(
            [sys.executable, "-m", "schermen", "beamer", "--db", str(map_), "--wijkverband", WV],
            env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE))
        return stand, processen[-1]

    yield start
    for p in processen:
        p.terminate()
        try:
            p.wait(20)
        except subprocess.TimeoutExpired:
            p.kill()


async def _wacht_op_stand(pilot, beamer: tuple[Path, subprocess.Popen], versie: int
                          ) -> dict[str, Any]:
    stand, proces = beamer
    einde = time.monotonic() + 30  # ruim: een drukke machine; de meting staat in bench/
    while time.monotonic() < einde:
        s = _lees(stand)
        if s.get("versie") == versie:
            return s
        assert proces.poll() is None, proces.communicate()[1]
        await pilot.pause(0.05)
    raise AssertionError(f"de beamer toonde versie {versie} niet: {_lees(stand)}")


def _klok_van_de_voorzitter(app, op: float) -> float:
    """Wat de klok van de voorzitter op tijdstip ``op`` zei (op een kopie: de echte
    agendaklok van de app blijft onaangeroerd)."""
    return AgendaKlok(copy.deepcopy(app.sessie.vergadering), lambda: op).resterend()


async def test_beamer_volgt_de_app_en_de_klok_loopt_gelijk(tmp_path, beamerproces):
    app = maak_app(tmp_path / "db", klok=time.time)
    async with app.run_test(size=(120, 36)) as pilot:
        await begin_vergadering(pilot)
        beamer = beamerproces(tmp_path / "db")
        s = await _wacht_op_stand(pilot, beamer, app.sessie.vergadering.versie)
        assert s["scherm"] == "vergadering" and s["fase"] == 0
        assert abs(s["resterend_s"] - _klok_van_de_voorzitter(app, s["tijd"])) < 1
        stappen = [("space", 0), ("space", 0), ("plus", 0), ("n", 1), ("plus", 1)]
        for toets, fase in stappen:
            await pilot.press(toets)
            s = await _wacht_op_stand(pilot, beamer, app.sessie.vergadering.versie)
            assert s["fase"] == fase, toets
            assert abs(s["resterend_s"] - _klok_van_de_voorzitter(app, s["tijd"])) < 1, toets
        # Stippen met het toetsenbord in fase 1: de ranglijst van de beamer is die van de app.
        await pilot.press("v")
        await _wacht_op_stand(pilot, beamer, app.sessie.vergadering.versie)
        await pilot.press("end", "9")
        assert app.sessie.vergadering.stippen, "de stippen kwamen niet aan"
        s = await _wacht_op_stand(pilot, beamer, app.sessie.vergadering.versie)
        assert s["ranglijst"] == [p.signaal.id for p in app.sessie.plekken()]
        assert s["ranglijst"][0] in app.sessie.vergadering.stippen
