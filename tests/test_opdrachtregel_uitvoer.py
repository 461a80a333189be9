"""Een gesloten of afgebroken stdout: uitgangscode 1, één Nederlandse zin, geen traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hulp_opslag import WV, nieuwe_opslag, voeg_signaal_toe

from vergadering.opslag import Opslag

LIJSTEN = [[soort, *json] for soort in ("signalen", "acties", "vergaderingen")
           for json in ([], ["--json"])]


@pytest.fixture(scope="module")
def opslagmap(tmp_path_factory: pytest.TempPathFactory) -> Path:
    map_ = tmp_path_factory.mktemp("uitvoer") / "db"
    opslag = nieuwe_opslag(map_)
    for i in range(3):
        voeg_signaal_toe(opslag, f"Stoep kapot {i}")
    return map_


def _omgeving() -> dict[str, str]:
    return {k: v for k, v in os.environ.items()
            if k not in ("VERGADERING_DB", "VERGADERING_DEBUG")}


def _met_gesloten(args: list[str], sluit: str = ">&-") -> subprocess.CompletedProcess[str]:
    """Zoals `vergadering ARGS >&-` in een shell: stdout is dicht als het proces start."""
    return subprocess.run(
        ["sh", "-c", f'exec "$@" {sluit}', "sh", sys.executable, "-m", "vergadering", *args],
        stderr=subprocess.PIPE, text=True, encoding="utf-8", env=_omgeving(), timeout=60,
    )


def _een_zin(stderr: str) -> str:
    assert "Traceback" not in stderr and "onverwachts" not in stderr, stderr
    (regel,) = stderr.splitlines()
    assert regel.startswith("vergadering: ") and regel.endswith("."), stderr
    return regel


@pytest.mark.parametrize("args", LIJSTEN, ids=" ".join)
def test_lijst_met_gesloten_stdout_geeft_1_en_een_zin(opslagmap, args):
    r = _met_gesloten([*args, "--db", str(opslagmap)])
    assert r.returncode == 1
    assert "de uitvoer is gesloten" in _een_zin(r.stderr)


def test_signaal_met_gesloten_stdout_doet_niets(opslagmap):
    voor = {s.id for s in Opslag(opslagmap).signalen()}
    r = _met_gesloten(["signaal", "Niet bewaren", "--wijkverband", WV, "--db", str(opslagmap)])
    assert r.returncode == 1
    assert "er is niets gedaan" in _een_zin(r.stderr)
    # Er is niets bewaard waarvan de gebruiker het kenmerk nooit zag.
    assert {s.id for s in Opslag(opslagmap).signalen()} == voor


def test_ook_stderr_gesloten_geeft_alleen_de_uitgangscode(opslagmap):
    r = _met_gesloten(["signalen", "--json", "--db", str(opslagmap)], ">&- 2>&-")
    assert r.returncode == 1 and r.stderr == ""


@pytest.mark.parametrize("args", LIJSTEN, ids=" ".join)
def test_lezer_die_stopt_geeft_1_en_een_zin(opslagmap, args):
    # Zoals `| head -1`, maar zeker: de lezer is al weg voordat het proces start.
    lees, schrijf = os.pipe()
    os.close(lees)
    try:
        proces = subprocess.Popen([sys.executable, "-m", "vergadering", *args, "--db",
                                   str(opslagmap)],
                                  stdout=schrijf, stderr=subprocess.PIPE, env=_omgeving())
    finally:
        os.close(schrijf)
    _, fout = proces.communicate(timeout=60)
    assert proces.returncode == 1
    assert "niet verder gelezen" in _een_zin(fout.decode("utf-8"))
