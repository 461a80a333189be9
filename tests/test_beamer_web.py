"""De beamer in een echte browser (Chromium via Playwright, nooit een gedownloade browser).

De pagina tekent op een canvas; wat er in beeld staat, zegt de beamer zelf: met
VERGADERING_BEAMER_STAND schrijft hij na elke keer tekenen zijn stand (fase, ranglijst) in
een bestand. De test opent de pagina, ziet de fase, zet vanuit een ander proces (deze test)
stippen, en ziet de ranglijst veranderen.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hulp_opslag import totdat
from hulp_programmas import programma
from schermen_gegevens import maak_opslag, voorzitter, vrije_poort

from vergadering.opslag import Opslag
from vergadering.sessie import Sessie

CHROMIUM, _REDEN = programma(("chromium", "chromium-browser"), "chromium")
try:
    from playwright.sync_api import sync_playwright
except ImportError:  # pragma: no cover - hoort bij de testafhankelijkheden
    sync_playwright = None  # type: ignore[assignment]

met_browser = [
    pytest.mark.skipif(CHROMIUM is None, reason=_REDEN),
    pytest.mark.skipif(sync_playwright is None,
                       reason="Playwright ontbreekt; installeer de testafhankelijkheden"),
]
WV = "de-hoven-noord"
RUIM = 30.0  # seconden: ruim genoeg op een drukke machine; de meting staat in bench/


def _lees(pad: Path) -> dict[str, Any]:
    try:
        return json.loads(pad.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


@pytest.fixture
def beamer_web(tmp_path: Path) -> Iterator[tuple[str, Path, Sessie, subprocess.Popen]]:
    maak_opslag(tmp_path / "db")
    sessie = voorzitter(tmp_path / "db", time.time)  # de beamer kijkt ook naar de echte tijd
    sessie.start()
    stand = tmp_path / "stand.json"
    poort = vrije_poort()
    proces = subprocess.Popen(
        [sys.executable, "-m", "schermen", "beamer", "--web", "--poort", str(poort),
         "--db", str(tmp_path / "db"), "--wijkverband", WV],
        env={**os.environ, "VERGADERING_BEAMER_STAND": str(stand)},
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, stdin=subprocess.DEVNULL,
    )

    def luistert() -> bool:
        try:
            socket.create_connection(("127.0.0.1", poort), timeout=1).close()
            return True
        except OSError:
            assert proces.poll() is None, proces.communicate()
            return False

    try:
        totdat(luistert, RUIM)
        yield f"http://127.0.0.1:{poort}/", stand, sessie, proces
    finally:
        proces.terminate()
        try:
            proces.wait(20)
        except subprocess.TimeoutExpired:
            proces.kill()


@met_browser[0]
@met_browser[1]
def test_tv_ziet_de_fase_en_een_stip_van_elders(beamer_web):
    adres, stand, sessie, proces = beamer_web
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        try:
            pagina = browser.new_page(viewport={"width": 1600, "height": 900})
            verzoeken: list[str] = []
            pagina.on("request", lambda r: verzoeken.append(r.url))
            pagina.goto(adres)
            pagina.wait_for_selector("body.-first-byte", timeout=RUIM * 1000)
            # 1-2: de pagina toont de fase van de vergadering
            begin = totdat(lambda: _lees(stand).get("scherm") == "vergadering" and _lees(stand))
            assert begin["fase"] == 0
            # 3: een stip vanuit een ander proces (deze test, met een eigen Opslag)
            onderste = sessie.plekken()[-1].signaal.id
            sessie.zet_stippen(onderste, 9)
            # 4: de ranglijst verandert
            totdat(lambda: (_lees(stand).get("ranglijst") or [None])[0] == onderste)
            # Typen in de browser verandert niets: het is de alleen-lezen beamer.
            voor = Opslag(sessie.bewaarder.opslag.map).vergadering(WV, sessie.vergadering.id)
            pagina.keyboard.type("5s+nx")
            pagina.keyboard.press("Enter")
            time.sleep(1)
            na = Opslag(sessie.bewaarder.opslag.map).vergadering(WV, sessie.vergadering.id)
            assert na.versie == voor.versie
            beeld = pagina.screenshot()
        finally:
            browser.close()
    assert proces.poll() is None
    # Niets van buiten: in een buurthuis is er niet altijd internet.
    assert verzoeken and all(v.startswith(adres) or v.startswith(adres.replace("http", "ws"))
                             for v in verzoeken), verzoeken
    assert len(set(beeld[1000:20000])) > 20  # er staat echt iets op het canvas


def test_host_voor_iedereen_noemt_het_adres_en_waarschuwt(tmp_path):
    maak_opslag(tmp_path / "db")
    poort = vrije_poort()
    proces = subprocess.Popen(
        [sys.executable, "-m", "schermen", "beamer", "--web", "--host", "0.0.0.0", "--poort",
         str(poort), "--db", str(tmp_path / "db")],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, stdin=subprocess.DEVNULL,
    )
    try:
        eerste = proces.stdout.readline()
        tweede = proces.stdout.readline()
    finally:
        proces.terminate()
        uit, fout = proces.communicate(timeout=20)
    assert f":{poort}/" in eerste and "open dat adres" in eerste
    assert "iedereen op dit netwerk" in tweede
    assert "Traceback" not in fout


def test_bezette_poort_is_een_zin(tmp_path):
    maak_opslag(tmp_path / "db")
    with socket.socket() as bezet:
        bezet.bind(("127.0.0.1", 0))
        bezet.listen()
        poort = bezet.getsockname()[1]
        uit = subprocess.run(
            [sys.executable, "-m", "schermen", "beamer", "--web", "--poort", str(poort),
             "--db", str(tmp_path / "db")],
            capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=60,
        )
    assert uit.returncode == 1
    assert f"poort {poort} is al in gebruik; kies een andere met --poort" in uit.stderr
    assert "Traceback" not in uit.stderr
