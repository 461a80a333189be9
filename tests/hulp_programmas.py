"""Programma's van buiten Python die sommige tests nodig hebben (Chromium, LibreOffice).

Ontbreekt er een en draaien de tests als root op Debian, dan installeert ``programma`` het
met apt-get (zoals de README belooft: het testcommando zet zelf klaar wat het nodig heeft).
Elders wordt de test overgeslagen met een reden die zegt wat te installeren.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from functools import cache


def _apt(*args: str) -> bool:
    try:
        klaar = subprocess.run(["apt-get", *args], capture_output=True, text=True,
                               timeout=1800,
                               env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})
    except (OSError, subprocess.TimeoutExpired):
        return False
    return klaar.returncode == 0


@cache
def programma(namen: tuple[str, ...], pakket: str) -> tuple[str | None, str]:
    """Het pad van het eerste programma uit ``namen`` (na installatie van ``pakket`` als
    root), of None met de reden om over te slaan."""
    def gevonden() -> str | None:
        return next((p for p in map(shutil.which, namen) if p), None)

    pad = gevonden()
    if pad is None and hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("apt-get"):
        installeer = ("install", "-y", "-qq", "--no-install-recommends", pakket)
        if not _apt(*installeer):  # een verse machine kent de pakketlijst nog niet
            _apt("update", "-qq")
            _apt(*installeer)
        pad = gevonden()
    reden = "" if pad else (f"{namen[0]} is hier niet geïnstalleerd en kon niet geïnstalleerd "
                            f"worden; installeer het Debian-pakket {pakket} (als root draait "
                            "het testcommando dat zelf)")
    return pad, reden
