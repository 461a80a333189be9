"""Signalen inlezen uit een spreadsheet naast openpyxl dat hetzelfde bestand leest (issue 12).

Doel: ``vergadering import signalen BESTAND.xlsx --wijkverband … --ja`` kost hoogstens 2× een
gewoon script dat het bestand met openpyxl leest (``read_only``, elke rij als waarden). Beide
als eigen proces met dezelfde interpreter, om en om in dezelfde run; het project schrijft
elke keer in een verse kopie van een opslag met een jaar gegevens (het moment dat telt: de
signalen staan op schijf). Gemeten bij 1.000 en 10.000 rijen.

Gebruik::

    .venv/bin/python bench/importeren.py                 # 5 keer per grootte
    .venv/bin/python bench/importeren.py --herhalingen 9 --rijen 10000
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

DOEL = 2.0
ANKER = """\
import sys
from openpyxl import load_workbook
boek = load_workbook(sys.argv[1], read_only=True, data_only=True)
n = 0
for rij in boek.worksheets[0].iter_rows(values_only=True):
    n += 1
boek.close()
"""
# Zoals bench/lijsten.py: zonder VERGADERING_* van wie meet, en met .pyc-bestanden.
_OMGEVING = {k: v for k, v in os.environ.items()
             if not k.startswith("VERGADERING_") and k != "PYTHONDONTWRITEBYTECODE"}


def maak_bestand(pad: Path, n: int) -> None:
    """Een spreadsheet zoals een professional hem bijhoudt: signaal, datum, buurt, thema,
    aantal, praktijkvorm, en bij een op de tien een privécontact."""
    from openpyxl import Workbook

    boek = Workbook()
    blad = boek.active
    blad.append(["Signaal", "Datum", "Buurt", "Thema", "Aantal bewoners", "Praktijkvorm",
                 "Contact"])
    for i in range(n):
        blad.append([f"Signaal {i}: de stoep bij nummer {i % 300} ligt al weken open",
                     date(2026, 1 + i % 12, 1 + i % 28), f"Buurt {i % 9}", "openbare ruimte",
                     1 + i % 4, "ABCD"[i % 4],
                     f"Bewoner {i}; 06-{10000000 + i}" if i % 10 == 0 else None])
    boek.save(pad)


def _duur(opdracht: list[str]) -> float:
    begin = time.perf_counter()
    r = subprocess.run(opdracht, capture_output=True, text=True, env=_OMGEVING, check=False)
    duur = time.perf_counter() - begin
    if r.returncode != 0:
        raise SystemExit(f"{' '.join(opdracht[:5])} gaf {r.returncode}: {r.stderr[-500:]}")
    return duur


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--herhalingen", type=int, default=5)
    parser.add_argument("--rijen", type=int, nargs="+", default=[1000, 10_000])
    args = parser.parse_args(argv)
    import compileall

    for pakket in ("vergadering", "schermen"):
        compileall.compile_dir(str(Path(__file__).resolve().parent.parent / pakket),
                               quiet=1)
    from bench.lijsten import gegevens

    bron = gegevens(1)  # een opslag met een jaar gegevens (5 wijkverbanden)
    uit = []
    with tempfile.TemporaryDirectory() as tmp:
        werk = Path(tmp)
        for n in args.rijen:
            bestand = werk / f"signalen-{n}.xlsx"
            maak_bestand(bestand, n)
            anker = [sys.executable, "-c", ANKER, str(bestand)]
            project, ankertijden = [], []
            _duur(anker)  # opwarmen: de bestandscache
            for i in range(args.herhalingen):
                db = werk / f"db-{n}-{i}"
                shutil.copytree(bron, db)
                opdracht = [sys.executable, "-m", "vergadering", "import", "signalen",
                            str(bestand), "--wijkverband", "molenwijk", "--ja", "--db", str(db)]
                paren = [(project, opdracht), (ankertijden, anker)]
                for lijst, o in (paren if i % 2 == 0 else paren[::-1]):
                    lijst.append(_duur(o))
                shutil.rmtree(db)
            p, a = statistics.median(project), statistics.median(ankertijden)
            uit.append((n, p, a))
    print(f"Signalen inlezen ({args.herhalingen} keer, mediaan), naast openpyxl dat hetzelfde "
          "bestand leest")
    print(f"{'rijen':>8} {'project s':>10} {'openpyxl s':>11} {'verhouding':>11}")
    for n, p, a in uit:
        print(f"{n:>8} {p:>10.3f} {a:>11.3f} {p / a:>10.2f}×")
    hoogste = max(p / a for _, p, a in uit)
    print(f"Doel ≤ {DOEL:.0f}×: {'gehaald' if hoogste <= DOEL else 'NIET gehaald'} "
          f"(hoogste {hoogste:.2f}×).")
    return 0 if hoogste <= DOEL else 1


if __name__ == "__main__":
    sys.exit(main())
