"""Opstarttijd: van het starten van Vergadering op de tienjarige gegevens tot het eerste
scherm dat getekend is en op toetsen reageert, naast een kale Textual-app (Header, Digits,
Footer) in dezelfde meting.

Elke meting is een vers Python-proces (niets warm in het geheugen behalve de
bestandscache van het systeem). De twee soorten wisselen elkaar af, zodat ruis op de
machine beide even hard raakt; wat telt is de verhouding (doel: hoogstens 1,3×).

Het proces van Vergadering volgt de echte startweg: ``vergadering.opdrachtregel`` laden,
een ``Opslag`` op de map maken en ``schermen.app.VergaderingApp(opslag).run(...)``, headless.
Een auto-pilot noteert (met de systeembrede monotone klok):

- *getekend*: het eerste moment dat het startscherm naar de terminal geschreven wordt;
- *interactief*: het moment waarop een toets die tegelijk met die eerste tekening
  binnenkomt, aan de beurt is (een bericht dat dan in de rij gezet wordt, is verwerkt);
  dit is het getal dat telt;
- *haperingen*: in de twee seconden daarna, hoe lang de lus van de app het langst
  vastzat en hoe vaak langer dan één frame (1/60 s): dan voelt typen stroef;
- *overzicht* (alleen Vergadering, ter informatie): wanneer het overzicht van het eerste
  wijkverband, dat in een achtergronddraad uit tien jaar gegevens wordt gelezen, er staat.

De kale app wordt op precies dezelfde manier gemeten.

Bytecode: Textual ligt in site-packages, waar pip bij het installeren ``.pyc``-bestanden
maakt. Vergadering draait hier uit de broncode; staat ``PYTHONDONTWRITEBYTECODE`` aan (zoals
op deze machines), dan zou elk proces al onze modules opnieuw compileren, wat een
geïnstalleerde Vergadering nooit doet. Daarom compileert de meting eerst ``vergadering/``
en ``schermen/`` (``compileall``), zoals pip dat bij een installatie doet.

Uitgangscode 0 als het doel gehaald is, anders 1.

Gebruik::

    .venv/bin/python bench/start.py                 # maakt de tienjarige map in /tmp
    .venv/bin/python bench/start.py --runs 21 --map /tmp/tienjaar
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

WORTEL = Path(__file__).resolve().parent.parent

# Gedeeld door beide kinderen: wacht tot het gevraagde scherm getekend is en de app stil is.
_METEN = r"""
import asyncio, json, sys, time

def meet(app, is_eerste_scherm, extra=None):
    tijden = {}
    echte_display = app._display

    def display(screen, update):
        if "getekend" not in tijden and is_eerste_scherm(screen):
            tijden["getekend"] = time.monotonic()
            # Een toets die nu binnenkomt, staat achter alles wat al klaarstaat: zodra dit
            # bericht aan de beurt is, wordt een toets verwerkt.
            app.call_later(lambda: tijden.setdefault("interactief", time.monotonic()))
        return echte_display(screen, update)

    app._display = display

    async def piloot(pilot):
        while "interactief" not in tijden:
            await asyncio.sleep(0.001)
        # Daarna twee seconden: hoe lang blijft de lus van de app hangen (schokjes)?
        langste, schokken, einde = 0.0, 0, time.monotonic() + 2.0
        while time.monotonic() < einde:
            t = time.monotonic()
            await asyncio.sleep(0.005)
            te_laat = time.monotonic() - t - 0.005
            langste = max(langste, te_laat)
            schokken += te_laat > 1 / 60
            if extra is not None:
                extra(pilot.app, tijden)
        tijden["langste_schok"] = langste
        tijden["schokken"] = schokken
        while extra is not None and not extra(pilot.app, tijden):
            await asyncio.sleep(0.002)
        print("METING " + json.dumps(tijden), flush=True)
        app.exit()

    return piloot
"""

VERGADERING = _METEN + r"""
from vergadering import opdrachtregel  # noqa: F401  (de echte startweg)
from vergadering.opslag import Opslag
from schermen.app import VergaderingApp

def is_start(screen):
    return type(screen).__name__ == "StartScherm"

def overzicht(app, tijden):
    # Ter informatie: wanneer het overzicht van tien jaar gegevens op het startscherm staat
    # (er kan intussen een vraag bovenop staan, zoals 'verder met de open vergadering?').
    if "overzicht" not in tijden:
        start = next(s for s in app.screen_stack if is_start(s))
        if start.overzicht is not None:
            tijden["overzicht"] = time.monotonic()
    return "overzicht" in tijden

app = VergaderingApp(Opslag(sys.argv[1]))
app.run(headless=True, size=(80, 24), auto_pilot=meet(app, is_start, overzicht))
"""

KAAL = _METEN + r"""
from textual.app import App
from textual.widgets import Digits, Footer, Header

class Kaal(App):
    def compose(self):
        yield Header()
        yield Digits("05:00")
        yield Footer()

app = Kaal()
app.run(headless=True, size=(80, 24), auto_pilot=meet(app, lambda screen: True))
"""


def _een_run(code: str, map_: Path) -> dict[str, float]:
    """Eén vers proces; tijden in seconden sinds het starten van het proces."""
    omgeving = dict(os.environ, PYTHONPATH=str(WORTEL), VERGADERING_DB=str(map_))
    begin = time.monotonic()
    uit = subprocess.run(
        [sys.executable, "-c", code, str(map_)],
        capture_output=True, text=True, cwd=WORTEL, env=omgeving, timeout=120,
    )
    einde = time.monotonic()
    regel = next((r for r in uit.stdout.splitlines() if r.startswith("METING ")), None)
    if uit.returncode != 0 or regel is None:
        raise SystemExit(f"Meting mislukt (code {uit.returncode}):\n{uit.stderr[-3000:]}")
    tijden = json.loads(regel.removeprefix("METING "))
    duren = ("langste_schok", "schokken")
    resultaat = {naam: t if naam in duren else t - begin for naam, t in tijden.items()}
    resultaat["proces"] = einde - begin
    return resultaat


def _mediaan(runs: list[dict[str, float]], sleutel: str) -> float:
    return statistics.median(r[sleutel] for r in runs)


def compileer() -> None:
    """Bytecode voor onze pakketten, zoals pip die bij het installeren maakt."""
    import compileall

    for pakket in ("vergadering", "schermen"):
        if not compileall.compile_dir(WORTEL / pakket, quiet=1):
            raise SystemExit(f"{pakket} kon niet gecompileerd worden.")


def meet(map_: Path, runs: int) -> tuple[list[dict[str, float]], list[dict[str, float]]]:
    """N metingen van elk, om en om (met wisselende volgorde), na één opwarmronde."""
    compileer()
    _een_run(VERGADERING, map_)
    _een_run(KAAL, map_)
    project: list[dict[str, float]] = []
    kaal: list[dict[str, float]] = []
    for i in range(runs):
        volgorde = [(VERGADERING, project), (KAAL, kaal)]
        if i % 2:
            volgorde.reverse()
        for code, lijst in volgorde:
            lijst.append(_een_run(code, map_))
        print(f"  run {i + 1}/{runs}: vergadering {project[-1]['interactief']:.3f} s, "
              f"kaal {kaal[-1]['interactief']:.3f} s", file=sys.stderr)
    return project, kaal


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=15, help="metingen per soort (15)")
    parser.add_argument("--map", type=Path, default=None,
                        help="een bestaande tienjarige opslagmap (anders wordt er een gemaakt)")
    args = parser.parse_args(argv)

    tijdelijk = Path(tempfile.mkdtemp(prefix="vergadering-tienjaar-"))
    try:
        map_ = args.map if args.map is not None else tijdelijk / "opslag"
        if not (map_ / "opslag.json").exists():
            sys.path.insert(0, str(WORTEL))
            from bench.tienjaar import maak

            print(f"Tienjarige gegevens maken in {map_} …", file=sys.stderr)
            maak(map_, jaren=10, wijkverbanden=5, seed=1)
        project, kaal = meet(map_, args.runs)
    finally:
        shutil.rmtree(tijdelijk, ignore_errors=True)
    rijen = [
        ("eerste keer getekend", "getekend"),
        ("interactief (telt)", "interactief"),
        ("heel proces (tot afsluiten)", "proces"),
    ]
    print(f"\nOpstarttijd, mediaan van {args.runs} verse processen per soort, om en om "
          f"(gegevens: {map_})")
    print(f"{'':30} {'Vergadering':>12} {'kale app':>10} {'verhouding':>11}")
    for naam, sleutel in rijen:
        p, k = _mediaan(project, sleutel), _mediaan(kaal, sleutel)
        print(f"{naam:30} {p:>10.3f} s {k:>8.3f} s {p / k:>10.2f}×")
    print(f"{'overzicht tien jaar gevuld':30} {_mediaan(project, 'overzicht'):>10.3f} s")
    p, k = _mediaan(project, "langste_schok"), _mediaan(kaal, "langste_schok")
    print(f"{'langste hapering 2 s erna':30} {p * 1000:>9.0f} ms {k * 1000:>7.0f} ms")
    p, k = _mediaan(project, "schokken"), _mediaan(kaal, "schokken")
    print(f"{'haperingen > 1 frame 2 s erna':30} {p:>12.0f} {k:>10.0f}")
    verhouding = _mediaan(project, "interactief") / _mediaan(kaal, "interactief")
    oordeel = "gehaald" if verhouding <= 1.3 else "NIET gehaald"
    print(f"\nDoel: interactief hoogstens 1,3× de kale app: {verhouding:.2f}× — {oordeel}.")
    return 0 if verhouding <= 1.3 else 1


if __name__ == "__main__":
    raise SystemExit(main())
