"""Hulp voor de tests van de opslag en de fouttests (geen conftest: die is van iedereen)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from vergadering.opslag import Opslag
from vergadering.signaal import Signaal
from vergadering.wijkverband import Lid, Wijkverband

WV = "de-hoven"
DATUM = date(2026, 11, 23)
VENV_BIN = Path(sys.executable).parent


class Klok:
    """Een klok die de test bestuurt (reservekopieën hangen van de tijd af)."""

    def __init__(self, begin: datetime = datetime(2026, 11, 23, 19, 30)) -> None:
        self.nu = begin

    def __call__(self) -> datetime:
        return self.nu

    def verder(self, **delta: float) -> None:
        """Zet de klok vooruit."""
        self.nu += timedelta(**delta)


def nieuwe_opslag(map_: Path, **opties) -> Opslag:
    """Een opslag met één wijkverband ('De Hoven', twee leden)."""
    opslag = Opslag(map_, **opties)
    opslag.bewaar_wijkverband(
        Wijkverband(
            id=WV,
            naam="De Hoven",
            leden=[Lid("l1", "Anja de Vries", "voorzitter"), Lid("l2", "Bram Jansen")],
        )
    )
    return opslag


def voeg_signaal_toe(opslag: Opslag, tekst: str = "Stoep kapot", datum: date = DATUM,
                     **velden) -> Signaal:
    """Een nieuw signaal, bewaard; geeft het terug (met versie 1)."""
    s = Signaal(
        id=opslag.nieuw_signaal_id(WV, datum), wijkverband_id=WV, tekst=tekst, datum=datum,
        **velden,
    )
    opslag.bewaar_signaal(s)
    return s


def momentopname(map_: Path) -> dict[str, bytes]:
    """Elk bestand onder ``map_`` (relatief pad -> inhoud), om 'niets veranderd' te bewijzen."""
    return {
        p.relative_to(map_).as_posix(): p.read_bytes()
        for p in sorted(map_.rglob("*"))
        if p.is_file() and p.name != ".schrijfslot"
    }


def tijdelijke_bestanden(map_: Path) -> list[Path]:
    """Overgebleven tijdelijke bestanden van een schrijfactie."""
    return [p for p in map_.rglob(".*.tmp")]


def cli(*args: str, env: dict[str, str] | None = None,
        timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """Draai `vergadering ...` als eigen proces, zoals een gebruiker het doet."""
    omgeving = dict(os.environ if env is None else env)
    return subprocess.run(
        [str(VENV_BIN / "vergadering"), *args],
        capture_output=True, text=True, encoding="utf-8", errors="replace", env=omgeving,
        timeout=timeout,
    )


def zonder_traceback(fout: str) -> bool:
    """Waar als stderr precies één regel is, zonder traceback."""
    return "Traceback" not in fout and len(fout.strip().splitlines()) == 1


def totdat(voorwaarde: Callable[[], Any], tijd: float = 30) -> Any:
    """Wacht (buiten een app) tot ``voorwaarde()`` iets waars geeft, en geef dat terug;
    ``tijd`` is alleen een bovengrens, geen meting. Voor een app: ``schermen_pilot.wacht``."""
    einde = time.monotonic() + tijd
    while time.monotonic() < einde:
        uitkomst = voorwaarde()
        if uitkomst:
            return uitkomst
        time.sleep(0.05)
    raise AssertionError("de voorwaarde werd niet waar")
