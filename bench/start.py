"""Opstarttijd: van het starten van Vergadering tot het startscherm mét het overzicht van de
gegevens, op één, tien en dertig jaar geschiedenis, naast een kale Textual-app (Header, Digits,
Footer) in dezelfde meting.

Elke meting is een vers Python-proces (niets warm in het geheugen behalve de
bestandscache van het systeem). Vergadering op elke grootte en de kale app
wisselen elkaar af (met wisselende volgorde), zodat ruis op de machine alle even hard
raakt; wat telt is de verhouding tot de kale app (doel: hoogstens 1,3×).

Het proces van Vergadering volgt de echte startweg: ``schermen.voorkant`` (met de
opdrachtregel) laden, een ``Opslag`` op de map maken en
``schermen.app.VergaderingApp(opslag).run(...)``, headless.
De meting verandert niets aan de app: ze kijkt mee bij ``App._display`` (het moment dat een
beeld naar de terminal gaat) en noteert met de systeembrede monotone klok:

- *gegevens in beeld* (telt): het eerste beeld waarin het startscherm zijn overzicht heeft
  (``StartScherm.overzicht`` gezet: aantallen signalen, open acties, de laatste en de
  onafgemaakte vergadering). Staat de vraag 'verder met de open vergadering?' er al
  bovenop, dan telt dat beeld ook: het overzicht staat er gedimd onder en de vraag zelf
  komt uit de gegevens. Bij de kale app: het eerste beeld (alles staat er dan);
- *eerste beeld* (ter vergelijking): het eerste beeld van het startscherm, leeg of vol;
- *processortijd tot de gegevens* (ter vergelijking): ``time.process_time()`` van het
  proces (alle draden) op het moment van de gegevens. Wat andere programma's op de machine
  doen, telt daarin nauwelijks mee; op een rustige machine ligt de verhouding dicht bij die
  van de tijd, op een drukke laat ze zien of een uitschieter van de machine of van ons komt;
- *haperingen*: in de twee seconden na de gegevens, hoe lang de lus van de app het langst
  vastzat en hoe vaak langer dan één frame (1/60 s).

Gegevens: ``bench/tienjaar.py`` met 1, 10 en 30 jaar (5 wijkverbanden), één keer gemaakt en
bewaard in ``/tmp/vergadering-bench/<jaren>j``. Elke meting werkt op een eigen kopie
daarvan (de app schrijft haar afgeleide index in de map). De eerste start op een kopie
maakt die index (alles één keer lezen); die start wordt apart getoond, de metingen daarna
gebruiken de index zoals elke volgende start.

Bytecode: Textual ligt in site-packages, waar pip bij het installeren ``.pyc``-bestanden
maakt. Vergadering draait hier uit de broncode; staat ``PYTHONDONTWRITEBYTECODE`` aan (zoals
op deze machines), dan zou elk proces al onze modules opnieuw compileren, wat een
geïnstalleerde Vergadering nooit doet. Daarom compileert de meting eerst ``vergadering/``
en ``schermen/`` (``compileall``), zoals pip dat bij een installatie doet.

Uitgangscode 0 als het doel op beide gehaald is, anders 1.

Gebruik::

    .venv/bin/python bench/start.py                  # 15 verse processen per soort
    .venv/bin/python bench/start.py --runs 21 --jaren 10 30
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
CACHE = Path("/tmp/vergadering-bench")
DOEL = 1.3

# Gedeeld door beide kinderen: wacht tot de gegevens in beeld zijn en meet de haperingen.
_METEN = r"""
import asyncio, json, sys, time

def meet(app, is_eerste_scherm, heeft_gegevens):
    tijden = {}
    echte_display = app._display

    def display(screen, update):
        nu = time.monotonic()
        if "getekend" not in tijden and is_eerste_scherm(screen):
            tijden["getekend"] = nu
        if "gegevens" not in tijden and heeft_gegevens(app):
            tijden["gegevens"] = nu
            tijden["cpu"] = time.process_time()
        return echte_display(screen, update)

    app._display = display

    async def piloot(pilot):
        while "gegevens" not in tijden:
            await asyncio.sleep(0.001)
        # Daarna twee seconden: hoe lang blijft de lus van de app hangen (schokjes)?
        langste, schokken, einde = 0.0, 0, time.monotonic() + 2.0
        while time.monotonic() < einde:
            t = time.monotonic()
            await asyncio.sleep(0.005)
            te_laat = time.monotonic() - t - 0.005
            langste = max(langste, te_laat)
            schokken += te_laat > 1 / 60
        tijden["langste_schok"] = langste
        tijden["schokken"] = schokken
        print("METING " + json.dumps(tijden), flush=True)
        app.exit()

    return piloot
"""

VERGADERING = _METEN + r"""
from schermen import voorkant  # noqa: F401  (de echte startweg)
from vergadering.opslag import Opslag
from schermen.app import VergaderingApp

def is_start(screen):
    return type(screen).__name__ == "StartScherm"

def heeft_gegevens(app):
    # Het startscherm met zijn overzicht (er kan al een vraag bovenop staan).
    return any(is_start(s) and s.overzicht is not None for s in app.screen_stack)

app = VergaderingApp(Opslag(sys.argv[1]))
app.run(headless=True, size=(80, 24), auto_pilot=meet(app, is_start, heeft_gegevens))
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
app.run(headless=True, size=(80, 24),
        auto_pilot=meet(app, lambda screen: True, lambda app: True))
"""

DUREN = ("langste_schok", "schokken", "cpu")


def _een_run(code: str, map_: Path) -> dict[str, float]:
    """Eén vers proces; tijden in seconden sinds het starten van het proces."""
    omgeving = dict(os.environ, PYTHONPATH=str(WORTEL), VERGADERING_DB=str(map_))
    begin = time.monotonic()
    uit = subprocess.run(
        [sys.executable, "-c", code, str(map_)],
        capture_output=True, text=True, cwd=WORTEL, env=omgeving, timeout=180,
    )
    einde = time.monotonic()
    regel = next((r for r in uit.stdout.splitlines() if r.startswith("METING ")), None)
    if uit.returncode != 0 or regel is None:
        raise SystemExit(f"Meting mislukt (code {uit.returncode}):\n{uit.stderr[-3000:]}")
    tijden = json.loads(regel.removeprefix("METING "))
    resultaat = {naam: t if naam in DUREN else t - begin for naam, t in tijden.items()}
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


def _schema(map_: Path) -> int | None:
    """Het schema van een bewaarde opslagmap (None: er staat er geen)."""
    from vergadering.fouten import OpslagFout
    from vergadering.opslag.bestand import lees_json

    try:
        meta = lees_json(map_ / "opslag.json")
    except OpslagFout:
        return None
    return meta.get("schema") if meta else None


def gegevensmap(jaren: int) -> Path:
    """De bewaarde gegevens van ``jaren`` jaar (één keer gemaakt met bench/tienjaar.py).
    Is de bewaarde map van een ouder schema (een oudere versie maakte hem), dan komt er een
    naast, met het schema in de naam: de oude kan nog in gebruik zijn."""
    sys.path.insert(0, str(WORTEL))
    from vergadering.opslag.migratie import SCHEMA

    map_ = CACHE / f"{jaren}j"
    if (map_ / "opslag.json").exists() and _schema(map_) != SCHEMA:
        map_ = CACHE / f"{jaren}j-schema{SCHEMA}"
    if _schema(map_) != SCHEMA:
        from bench.tienjaar import maak

        print(f"Gegevens van {jaren} jaar maken in {map_} …", file=sys.stderr)
        shutil.rmtree(map_, ignore_errors=True)
        maak(map_, jaren=jaren, wijkverbanden=5, seed=1)
    return map_


def meet(
    mappen: dict[str, Path], runs: int
) -> tuple[dict[str, list[dict[str, float]]], dict[str, dict[str, float]]]:
    """N metingen per soort, om en om (met wisselende volgorde), na één opwarmronde, die
    voor Vergadering ook de index maakt (die eerste start komt apart terug)."""
    compileer()
    soorten = {naam: (VERGADERING, map_) for naam, map_ in mappen.items()}
    soorten["kaal"] = (KAAL, next(iter(mappen.values())))
    eerste = {naam: _een_run(code, map_) for naam, (code, map_) in soorten.items()}
    uitkomst: dict[str, list[dict[str, float]]] = {naam: [] for naam in soorten}
    namen = list(soorten)
    for i in range(runs):
        volgorde = namen[i % len(namen):] + namen[: i % len(namen)]
        if i % 2:
            volgorde.reverse()
        for naam in volgorde:
            code, map_ = soorten[naam]
            uitkomst[naam].append(_een_run(code, map_))
        print(f"  run {i + 1}/{runs}: " + ", ".join(
            f"{naam} {uitkomst[naam][-1]['gegevens']:.3f} s" for naam in namen),
            file=sys.stderr)
    return uitkomst, eerste


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=15, help="metingen per soort (15)")
    parser.add_argument("--jaren", type=int, nargs="+", default=[1, 10, 30],
                        help="hoeveel jaar gegevens (1 10 30)")
    args = parser.parse_args(argv)

    tijdelijk = Path(tempfile.mkdtemp(prefix="vergadering-start-"))
    try:
        mappen: dict[str, Path] = {}
        for jaren in args.jaren:
            kopie = tijdelijk / f"{jaren}j"
            shutil.copytree(gegevensmap(jaren), kopie)
            mappen[f"{jaren} jaar"] = kopie
        uitkomst, eerste = meet(mappen, args.runs)
    finally:
        shutil.rmtree(tijdelijk, ignore_errors=True)

    kaal = uitkomst["kaal"]
    k_geg, k_eerst = _mediaan(kaal, "gegevens"), _mediaan(kaal, "getekend")
    k_cpu = _mediaan(kaal, "cpu")
    print(f"\nOpstarttijd tot het startscherm met gegevens, mediaan van {args.runs} verse "
          "processen per soort, om en om (5 wijkverbanden)")
    print(f"{'':24} {'gegevens in beeld (telt)':>25}   {'eerste beeld':>20}   "
          f"{'processortijd tot':>20}   {'langste':>8} {'>1 frame':>8}")
    print(f"{'':24} {'tijd':>12} {'verhouding':>12}   {'tijd':>9} {'verhouding':>10}   "
          f"{'de gegevens':>9} {'verh.':>10}   {'hapering':>8} {'(2 s)':>8}")
    oordelen = []
    for naam, runs in uitkomst.items():
        g, e = _mediaan(runs, "gegevens"), _mediaan(runs, "getekend")
        titel = "kale Textual-app" if naam == "kaal" else f"Vergadering, {naam}"
        c = _mediaan(runs, "cpu")
        print(f"{titel:24} {g:>10.3f} s {g / k_geg:>11.2f}×   {e:>7.3f} s {e / k_eerst:>9.2f}×"
              f"   {c:>7.3f} s {c / k_cpu:>9.2f}×"
              f"   {_mediaan(runs, 'langste_schok') * 1000:>5.0f} ms"
              f" {_mediaan(runs, 'schokken'):>8.0f}")
        if naam != "kaal":
            oordelen.append((naam, g / k_geg))
    print("\nEerste start op een kopie (de index wordt dan gemaakt; één meting, ter informatie):")
    for naam in mappen:
        print(f"  Vergadering, {naam}: gegevens in beeld na {eerste[naam]['gegevens']:.3f} s "
              f"(kale app in die ronde: {eerste['kaal']['gegevens']:.3f} s)")
    gehaald = all(v <= DOEL for _, v in oordelen)
    print(f"\nDoel: gegevens in beeld hoogstens {DOEL:.1f}× de kale app: "
          + ", ".join(f"{naam} {v:.2f}×" for naam, v in oordelen)
          + (" — gehaald." if gehaald else " — NIET gehaald."))
    return 0 if gehaald else 1


if __name__ == "__main__":
    raise SystemExit(main())
