"""`vergadering impact --json --wijkverband molenwijk` naast een script dat dezelfde
bestanden met json leest (issue 13).

Doel: op de 30-jaarsgegevens (``bench.lijsten.gegevens(30)``: ~12.000 signalen, 600 acties
en 300 vergaderingen voor dit wijkverband) kost de impact hoogstens 2× het anker. Het anker
is een gewoon Python-script met dezelfde interpreter, als eigen proces: het leest
opslag.json, wijkverbanden.json en alle vakbestanden van signalen, acties en vergaderingen
van het wijkverband met ``json.loads`` en telt de documenten. Project en anker draaien om
en om in één run, als nieuw proces met stdout naar een bestand; eerst één keer elk om op te
warmen (paginacache en lijstindex, het gewone geval).

Daarnaast het impactscherm: in één proces de app (headless) op dezelfde gegevens, het
startscherm met zijn overzicht (de gegevens zijn geladen), dan m; gemeten (zoals
``bench/start.py``: meekijken bij ``App._display``) tot het eerste beeld van het
impactscherm met zijn cijfers (kop, tekst en tabellen; rekenen in een werkdraad alleen als
het startscherm de cijfers nog niet had). Doel: binnen 0,3 s, per keer (ook de hoogste
telt). Ter informatie ernaast: tot het eerste beeld met de grafiek (die komt na het eerste
beeld), en de oude maat: tot ``Pilot.press`` terugkomt. Die wacht tot het hele proces 20 ms
lang stil is (``wait_for_idle``, twee keer), dus telt ook die wachttijd en alle werk na het
beeld mee; een leeg Textual-scherm kost daarin al ~0,125 s.

Gebruik::

    .venv/bin/python bench/impact.py                  # 30 jaar, 3 herhalingen
    .venv/bin/python bench/impact.py                        # 1, 10 en 30 jaar
    .venv/bin/python bench/impact.py --jaren 10 --herhalingen 3

Uitgangscode 0 als de verhouding ≤ 2 is, anders 1.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.lijsten import CACHE, DOEL, WIJKVERBAND, _duur, gegevens  # noqa: E402

ANKER = """\
import json, sys
from pathlib import Path
map_, wv = Path(sys.argv[1]), sys.argv[2]
docs = 0
for pad in [map_ / "opslag.json", map_ / "wijkverbanden.json",
            *sorted(map_.glob(f"{wv}/signalen/*.json")),
            *sorted(map_.glob(f"{wv}/acties/*.json")),
            *sorted(map_.glob(f"{wv}/vergaderingen/*.json"))]:
    for tabel in json.loads(pad.read_bytes()).values():
        if isinstance(tabel, dict):
            docs += len(tabel)
print(docs)
"""


def meet(jaren: int, herhalingen: int, cache: Path) -> dict[str, float]:
    """Anker en project om en om; de medianen en de verhouding."""
    map_ = gegevens(jaren, cache)
    uitvoer = cache / "uitvoer-impact.txt"
    project = [sys.executable, "-m", "vergadering", "impact", "--json", "--wijkverband",
               WIJKVERBAND, "--db", str(map_)]
    anker = [sys.executable, "-c", ANKER, str(map_), WIJKVERBAND]
    _duur(project, uitvoer)  # opwarmen
    _duur(anker, uitvoer)
    tijden: dict[str, list[float]] = {"anker": [], "project": []}
    for _ in range(herhalingen):
        tijden["anker"].append(_duur(anker, uitvoer))
        tijden["project"].append(_duur(project, uitvoer))
    uitvoer.unlink(missing_ok=True)
    m = {k: statistics.median(v) for k, v in tijden.items()}
    return {**m, "verhouding": m["project"] / m["anker"]}


SCHERM_DOEL = 0.3


def meet_scherm(jaren: int, herhalingen: int, cache: Path) -> list[tuple[float, float, float]]:
    """Per keer, van de toets m op het startscherm tot (1) het eerste beeld van het
    impactscherm met zijn cijfers, (2) het eerste beeld met de grafiek, en (3) tot Pilot het
    proces stil vindt (de oude maat)."""
    import asyncio
    import time

    from schermen.app import VergaderingApp
    from schermen.impact import ImpactScherm
    from schermen.start import StartScherm
    from vergadering.opslag import Opslag

    map_ = gegevens(jaren, cache)

    async def wacht(voorwaarde, pauze: float) -> None:
        tot = time.perf_counter() + 30
        while not voorwaarde():
            if time.perf_counter() > tot:
                raise SystemExit("Het impactscherm kwam niet binnen 30 s; meting afgebroken.")
            await asyncio.sleep(pauze)

    async def een_keer() -> tuple[float, float, float]:
        app = VergaderingApp(Opslag(map_))
        beelden: list[tuple[float, bool, bool]] = []  # tijd, met cijfers, met grafiek
        toon = app._display

        def _display(screen, renderable) -> None:
            # Meekijken, zoals bench/start.py: het moment dat een beeld naar de terminal gaat.
            if isinstance(screen, ImpactScherm):
                beelden.append((time.perf_counter(), screen.impact is not None,
                                screen.grafiek is not None))
            toon(screen, renderable)

        app._display = _display  # type: ignore[method-assign]
        async with app.run_test(size=(80, 24)) as pilot:
            await wacht(lambda: any(isinstance(s, StartScherm) for s in app.screen_stack), 0.01)
            start = next(s for s in app.screen_stack if isinstance(s, StartScherm))
            await wacht(lambda: start.overzicht and start.impactregels is not None, 0.01)
            await pilot.pause(0.2)
            if app.screen is not start:  # 'verder met de open vergadering?': nee
                await pilot.press("escape")
                await wacht(lambda: app.screen is start, 0.01)
            begin = time.perf_counter()
            await pilot.press("m")  # wacht tot het proces stil is (wait_for_idle)
            await wacht(lambda: isinstance(app.screen, ImpactScherm) and app.screen.impact,
                        0.001)
            await pilot.pause()
            stil = time.perf_counter() - begin
            await wacht(lambda: any(g for _, _, g in beelden), 0.001)
            cijfers = next(t for t, c, _ in beelden if c) - begin
            grafiek = next(t for t, _, g in beelden if g) - begin
            return cijfers, grafiek, stil

    return [asyncio.run(een_keer()) for _ in range(herhalingen)]


def main(argv: list[str] | None = None) -> int:
    """Meet en toon, bij 1, 10 en 30 jaar; 0 als elk doel gehaald is."""
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--jaren", type=int, nargs="+", default=[1, 10, 30])
    p.add_argument("--herhalingen", type=int, default=3, help="hoogstens 3: de machine is gedeeld")
    p.add_argument("--cache", type=Path, default=CACHE)
    args = p.parse_args(argv)
    herhalingen = min(args.herhalingen, 3)
    alles_gehaald = True
    for jaren in args.jaren:
        m = meet(jaren, herhalingen, args.cache)
        print(f"impact --json --wijkverband {WIJKVERBAND}, {jaren} jaar: anker "
              f"{m['anker']:.3f} s, project {m['project']:.3f} s, verhouding "
              f"{m['verhouding']:.2f}×")
        gehaald = m["verhouding"] <= DOEL
        print(f"Doel (≤ {DOEL:g}×) {'gehaald' if gehaald else 'NIET gehaald'}.")
        keren = meet_scherm(jaren, herhalingen, args.cache)
        scherm = [c for c, _, _ in keren]
        mediaan, hoogste = statistics.median(scherm), max(scherm)
        print(f"impactscherm, {jaren} jaar: van m tot het eerste beeld met de cijfers "
              f"{', '.join(f'{s:.3f}' for s in scherm)} s (mediaan {mediaan:.3f} s, hoogste "
              f"{hoogste:.3f} s); doel ≤ {SCHERM_DOEL:g} s per keer "
              f"{'gehaald' if hoogste <= SCHERM_DOEL else 'NIET gehaald'}. Met de grafiek: "
              f"{', '.join(f'{g:.3f}' for _, g, _ in keren)} s; tot Pilot het proces stil "
              f"vindt: {', '.join(f'{t:.3f}' for _, _, t in keren)} s.")
        alles_gehaald = alles_gehaald and gehaald and hoogste <= SCHERM_DOEL
    return 0 if alles_gehaald else 1


if __name__ == "__main__":
    sys.exit(main())
