"""`vergadering beamer` op de opdrachtregel, in een eigen proces: het wijkverband kiezen,
Nederlandse meldingen met uitgangscode 1 of 2, en echt starten en stoppen in een terminal
(een pseudo-terminal, met q)."""

from __future__ import annotations

import os
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest
from schermen_gegevens import VANDAAG, maak_opslag
from test_opdrachtregel import een_zin

from vergadering.fouten import OngeldigeInvoer
from vergadering.opslag import Opslag
from vergadering.projectie import kies_wijkverband
from vergadering.vergadering import nieuwe_vergadering
from vergadering.wijkverband import Wijkverband


def _omgeving() -> dict[str, str]:
    return {k: v for k, v in os.environ.items()
            if k not in ("VERGADERING_DB", "VERGADERING_DEBUG")}


def beamer(*args: str, module: str = "schermen") -> subprocess.CompletedProcess[str]:
    """`python -m schermen beamer ARGS` (het commando `vergadering`), zonder terminal."""
    uit = subprocess.run([sys.executable, "-m", module, "beamer", *args],
                         capture_output=True, env=_omgeving(), timeout=60,
                         stdin=subprocess.DEVNULL, encoding="utf-8")
    assert "Traceback" not in uit.stderr, uit.stderr
    return uit


def _twee_wijkverbanden(map_: Path) -> Opslag:
    opslag = maak_opslag(map_)
    opslag.bewaar_wijkverband(Wijkverband("molenwijk", "Molenwijk"))
    return opslag


def test_zonder_keuze_bij_twee_wijkverbanden_een_zin_met_de_namen(tmp_path):
    _twee_wijkverbanden(tmp_path / "db")
    uit = beamer("--db", str(tmp_path / "db"))
    assert uit.returncode == 1
    zin = een_zin(uit.stderr)
    assert "--wijkverband" in zin and "'De Hoven-Noord'" in zin and "'Molenwijk'" in zin


def test_kies_het_enige_of_het_enige_met_een_open_vergadering(tmp_path):
    opslag = maak_opslag(tmp_path / "db")
    assert kies_wijkverband(opslag).id == "de-hoven-noord"
    opslag.bewaar_wijkverband(Wijkverband("molenwijk", "Molenwijk"))
    with pytest.raises(OngeldigeInvoer, match="Kies welk wijkverband"):
        kies_wijkverband(opslag)
    molenwijk = opslag.wijkverband("molenwijk")
    opslag.bewaar_vergadering(nieuwe_vergadering(molenwijk, "2026-11-23", VANDAAG))
    assert kies_wijkverband(opslag).id == "molenwijk"
    assert kies_wijkverband(opslag, "de hoven-noord").id == "de-hoven-noord"


def test_fouten_van_de_opdrachtregel(tmp_path):
    uit = beamer("--db", str(tmp_path / "leeg"))
    assert uit.returncode == 1 and "vergadering demo" in een_zin(uit.stderr)
    maak_opslag(tmp_path / "db")
    uit = beamer("--db", str(tmp_path / "db"), "--wijkverband", "Bestaat Niet")
    assert uit.returncode == 1 and "Bestaat Niet" in een_zin(uit.stderr)
    uit = beamer("--db", str(tmp_path / "db"), "--poort", "negentig")
    assert uit.returncode == 2 and "poortnummer" in uit.stderr
    # Zonder schermen (python -m vergadering) opent er niets, met een zin.
    uit = beamer("--db", str(tmp_path / "db"), module="vergadering")
    assert uit.returncode == 1 and "scherm" in een_zin(uit.stderr)


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminal alleen op Unix")
def test_start_in_een_terminal_en_stopt_met_q(tmp_path):
    import pty

    maak_opslag(tmp_path / "db")
    hoofd, kind = pty.openpty()
    omgeving = _omgeving() | {"TERM": "xterm-256color", "COLUMNS": "120", "LINES": "36"}
    proces = subprocess.Popen(
        [sys.executable, "-m", "schermen", "beamer", "--db", str(tmp_path / "db")],
        stdin=kind, stdout=kind, stderr=kind, env=omgeving, close_fds=True)
    os.close(kind)
    gezien = b""
    try:
        eind = time.monotonic() + 60
        while b"Wacht op de vergadering." not in gezien and time.monotonic() < eind:
            klaar, _, _ = select.select([hoofd], [], [], 0.5)
            if klaar:
                try:
                    gezien += os.read(hoofd, 65536)
                except OSError:
                    break
        assert b"Wacht op de vergadering." in gezien, gezien[-2000:]
        os.write(hoofd, b"q")
        assert proces.wait(30) == 0
    finally:
        if proces.poll() is None:
            proces.kill()
            proces.wait()
        os.close(hoofd)
    assert b"Traceback" not in gezien
