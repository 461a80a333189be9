"""Van toets tot beeld: stippen in fase 1, 20 toetsen per seconde, op 1, 10 en 30 jaar.

Twee kindprocessen draaien naast elkaar, elk headless via ``run_test`` op 80×24:

- **vergadering**: de echte app (``VergaderingApp``) op een kopie van de opslagmap. Een
  vergadering van het eerste wijkverband begint met dezelfde methode die het startdialoog
  aanroept (``VergaderingApp.begin_vergadering``, iedereen aanwezig): fase 1 met de
  ranglijst van alle open signalen (~1.080 op tien jaar). Vooraf krijgen tien signalen
  twee stippen (een vergadering halverwege het stippen); de cursor staat op rij 12.
- **kaal**: een kale Textual-app (Header, Digits, Footer) waarin → het getal op de Digits
  één ophoogt: wat Textual hier minimaal nodig heeft van toets tot beeld (het anker).

De ouder laat ze om en om een blok toetsen verwerken (wisselende volgorde), zodat beide
dezelfde drukte op de machine meemaken. Een zenddraad stuurt de toetsen op een vast
schema van 20 per seconde, **zonder op het beeld te wachten**, via ``Driver.send_message``
(zoals de invoerdraad van een echte terminal). Toetsen van de vergadering: → ← → ← ↓,
steeds opnieuw: vier stippen (erbij, eraf) en één stap omlaag (niet gemeten). Elke stip
wordt bewaard (journaalregel + fsync) vóór het beeld.

Per stip (via monkeypatches die alleen deze bench zet; de app zelf meet niets):

- *toets tot beeld*: van het verzenden tot het eerste ``App._display`` dat de stip bevat;
- *eigen werk*: de tijd in onze code voor die toets: de actie van de ranglijst
  (``StippenTabel.action_stip``, van binnenkomst tot terugkeer: regels, sessie, bewaren,
  paneel bijwerken) plus het tekenen van de gewijzigde regels (``Ranglijst.render_line``)
  in het beeld dat de stip toont. Uitgesplitst in *model* (``regels.zet_stippen`` en
  ``Sessie._verschuif``), *bewaren* (``Bewaarder.bewaar``; daarin ``naar_document`` en
  het journaal met fsync), *bijwerken* (``FaseSignalen.ververs``) en *tekenen*;
- *Textual vóór ons*: van verzenden tot binnenkomst in de actie (toets doorgeven, wachten
  op een beeld of de klok die nog bezig is).

Uitgangscode 0 als beide doelen gehaald zijn (eigen werk p95 < 8 ms; toets tot beeld p95
< 16,7 ms), anders 1. Op een drukke machine tellen vooral de verhoudingen.

Gebruik::

    .venv/bin/python bench/tienjaar.py /tmp/tienjaar
    .venv/bin/python bench/toets.py --map /tmp/tienjaar                 # 400 stippen, ~1 min
    .venv/bin/python bench/toets.py --map /tmp/tienjaar --profiel       # cProfile (vergadering)
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from contextlib import ExitStack
from datetime import date
from pathlib import Path
from typing import Any

WORTEL = Path(__file__).resolve().parent.parent
if str(WORTEL) not in sys.path:
    sys.path.insert(0, str(WORTEL))

FRAME_MS = 1000 / 60
DOEL_EIGEN_MS = 8.0
PATROON = ("right", "left", "right", "left", "down")  # vier stippen, één stap omlaag


def _percentiel(waarden: list[float], p: float) -> float:
    geordend = sorted(waarden)
    if not geordend:
        return float("nan")
    k = (len(geordend) - 1) * p / 100
    onder = int(k)
    boven = min(onder + 1, len(geordend) - 1)
    return geordend[onder] + (geordend[boven] - geordend[onder]) * (k - onder)


# --- het kind: één app, blokken toetsen op bevel van de ouder ------------------------


class _Kanaal:
    """Regels van de ouder (stdin) en naar de ouder (een kopie van stdout van vóór Textual)."""

    def __init__(self) -> None:
        self._uit = os.dup(1)

    async def lees(self) -> str:
        return (await asyncio.get_running_loop().run_in_executor(None, sys.stdin.readline)).strip()

    def schrijf(self, data: Any) -> None:
        os.write(self._uit, (json.dumps(data) + "\n").encode())


def _zend(app: Any, toetsen: list[str], per_seconde: float, verzonden: list[float]) -> None:
    """Stuur de toetsen op een vast schema, zonder te wachten (in een eigen draad)."""
    from textual import events

    driver = app._driver
    begin = time.perf_counter() + 0.05
    for i, toets in enumerate(toetsen):
        moment = begin + i / per_seconde
        while (rest := moment - time.perf_counter()) > 0:
            time.sleep(rest)
        event = events.Key(toets, toets if len(toets) == 1 else None)
        event.set_sender(app)
        verzonden.append(time.perf_counter())
        driver.send_message(event)


class _Meter:
    """Verzamelt de momenten van één kind; alles in ms of perf_counter-seconden."""

    def __init__(self) -> None:
        self.verwerkt = 0  # aantal gemeten toetsen waarvan de actie klaar is
        self.acties: list[dict[str, float]] = []  # per gemeten toets
        self.huidig: dict[str, float] | None = None
        self.tekenen = 0.0  # render_line-tijd sinds het vorige beeld
        self.beelden: list[tuple[float, int, float]] = []  # (moment, verwerkt, tekenen)

    def deel(self, naam: str, duur: float) -> None:
        if self.huidig is not None:
            self.huidig[naam] = self.huidig.get(naam, 0.0) + duur

    @staticmethod
    def _tijd(eigenaar: Any, attribuut: str, bij: Callable[[float], None]) -> None:
        """Vervang ``eigenaar.attribuut`` door een versie die zijn duur aan ``bij`` geeft."""
        echt = getattr(eigenaar, attribuut)
        # Alleen de buitenste aanroep telt: ``naar_document`` roept zichzelf aan via de
        # module, dus via deze omwikkeling; anders telde elk genest deel dubbel mee. Per
        # draad: een werkdraad mag tegelijk bewaren.
        binnen = threading.local()

        def gemeten(*args: Any, **kwargs: Any) -> Any:
            if getattr(binnen, "ja", False):
                return echt(*args, **kwargs)
            binnen.ja = True
            t = time.perf_counter()
            try:
                return echt(*args, **kwargs)
            finally:
                bij(time.perf_counter() - t)
                binnen.ja = False

        setattr(eigenaar, attribuut, gemeten)

    def omwikkel(self, eigenaar: Any, attribuut: str, naam: str) -> None:
        """Meet de tijd van ``eigenaar.attribuut`` als onderdeel ``naam`` van de toets."""
        self._tijd(eigenaar, attribuut, lambda duur: self.deel(naam, duur))

    def actie(self, eigenaar: Any, attribuut: str, telt: Any) -> None:
        """Omwikkel de actie van een toets: van binnenkomst tot terugkeer."""
        echt = getattr(eigenaar, attribuut)
        meter = self

        def gemeten(*args: Any, **kwargs: Any) -> Any:
            meter.huidig = {"in": time.perf_counter()}
            try:
                return echt(*args, **kwargs)
            finally:
                meter.huidig["uit"] = time.perf_counter()
                if telt():
                    meter.acties.append(meter.huidig)
                    meter.verwerkt += 1
                meter.huidig = None

        setattr(eigenaar, attribuut, gemeten)

    def tekenaar(self, eigenaar: Any, attribuut: str) -> None:
        """Tel de tekentijd van een widget op tot het volgende beeld."""

        def tel(duur: float) -> None:
            self.tekenen += duur

        self._tijd(eigenaar, attribuut, tel)

    def beeld(self, app: Any) -> None:
        """Omwikkel ``App._display``: elk beeld met het aantal verwerkte toetsen."""
        echt = app._display
        meter = self

        def display(screen: Any, update: Any) -> Any:
            meter.beelden.append((time.perf_counter(), meter.verwerkt, meter.tekenen))
            meter.tekenen = 0.0
            return echt(screen, update)

        app._display = display

    def uitslag(self, verzonden: list[float]) -> list[dict[str, float]]:
        """Per gemeten toets de onderdelen in ms (verzonden: in dezelfde volgorde)."""
        uit = []
        beelden = iter(self.beelden)
        beeld = next(beelden, None)
        for i, (actie, t0) in enumerate(zip(self.acties, verzonden, strict=False)):
            while beeld is not None and beeld[1] < i + 1:
                beeld = next(beelden, None)
            if beeld is None:
                break
            rij = {k: v * 1000 for k, v in actie.items() if k not in ("in", "uit")}
            rij["actie"] = (actie["uit"] - actie["in"]) * 1000
            rij["tekenen"] = beeld[2] * 1000
            rij["eigen"] = rij["actie"] + rij["tekenen"]
            rij["eigen_zonder_fsync"] = rij["eigen"] - rij.get("fsync", 0.0)
            rij["voor"] = (actie["in"] - t0) * 1000
            rij["beeld"] = (beeld[0] - t0) * 1000
            rij["na"] = rij["beeld"] - rij["voor"] - rij["eigen"]
            rij["rest"] = rij["actie"] - sum(rij.get(k, 0.0) for k in ("model", "bewaren",
                                                                         "bijwerken"))
            uit.append(rij)
        return uit

    def leeg(self) -> None:
        self.acties.clear()
        self.beelden.clear()
        self.verwerkt = 0


async def _blokken(app: Any, pilot: Any, meter: _Meter, kanaal: _Kanaal,
                   patroon: tuple[str, ...], per_seconde: float, gemeten: set[str]) -> None:
    """Verwerk blokken toetsen tot de ouder 'stop' zegt."""
    kanaal.schrijf({"klaar": True})
    while (bevel := await kanaal.lees()) and bevel != "stop":
        aantal = int(bevel.split()[1])
        toetsen = [patroon[i % len(patroon)] for i in range(aantal)]
        verwacht = sum(t in gemeten for t in toetsen)
        meter.leeg()
        verzonden: list[float] = []
        zender = threading.Thread(target=_zend, args=(app, toetsen, per_seconde, verzonden))
        begin = time.perf_counter()
        zender.start()
        while meter.verwerkt < verwacht or not meter.beelden or meter.beelden[-1][1] < verwacht:
            if time.perf_counter() - begin > aantal / per_seconde + 10:
                break
            await asyncio.sleep(0.005)
        zender.join()
        await pilot.pause(0.05)
        dots = [t for t, toets in zip(verzonden, toetsen, strict=True) if toets in gemeten]
        kanaal.schrijf({"rijen": meter.uitslag(dots), "verwacht": verwacht})


async def _kind_vergadering(map_: Path, per_seconde: float, profiel: bool,
                            logboek: int, db: str | None = None) -> None:
    from schermen.app import VergaderingApp
    from schermen.fase_signalen import FaseSignalen, StippenTabel
    from schermen.ranglijst import Ranglijst
    from schermen.start import StartScherm
    from vergadering import bewaarder as bewaarder_module
    from vergadering import regels
    from vergadering.opslag import bestand, omzetten, open_opslag
    from vergadering.sessie import Sessie

    kanaal = _Kanaal()
    # --postgres: dezelfde app op de database (issue 14), anders op de map.
    app = VergaderingApp(open_opslag(db or map_), vandaag=date.today())
    meter = _Meter()
    async with app.run_test(size=(80, 24)) as pilot:
        start = next(s for s in app.screen_stack if isinstance(s, StartScherm))
        while start.overzicht is None:
            await pilot.pause(0.01)
        await pilot.pause(0.1)
        for _ in range(10):  # bijvoorbeeld 'verder met de open vergadering?': nee
            if app.screen is start:
                break
            await pilot.press("escape")
            await pilot.pause(0.05)
        wv = start.gekozen
        assert wv is not None
        namen = {lid.rol: lid.naam for lid in wv.leden}
        app.begin_vergadering(wv, {
            "datum": date.today(),
            "plaats": "Buurthuis",
            "aanwezigheid": {lid.id: "aanwezig" for lid in wv.leden},
            "voorzitter": namen.get("voorzitter", ""),
            "notulist": namen.get("notulist", ""),
        })
        await pilot.pause()
        sessie = app.sessie
        assert sessie is not None
        # Met een agenda rond de cyclus (het standaardsjabloon): verder tot fase 1.
        while sessie.vergadering.fase.sleutel != "signalen" and sessie.naar_fase(1):
            pass
        app.screen.ververs()
        await pilot.pause()
        tabel = app.screen.query_one(StippenTabel)
        tabel.focus()
        # Halverwege het stippen: tien signalen met twee stippen, de cursor eronder.
        beschikbaar = sessie.stippen_beschikbaar()
        for sid in sessie.ranglijst_ids()[:10]:
            if sessie.stippen_gebruikt() + 2 < beschikbaar:
                sessie.zet_stippen(sid, 2)
        for i in range(logboek):  # een lange vergadering: elke stip bewaart het hele logboek
            sessie.log(f"Regel {i} van het logboek van de notulist, met wat tekst erbij.")
        sessie.bewaar()
        app.screen.query_one(FaseSignalen).ververs()
        tabel.move_cursor(row=12)
        await pilot.pause(0.3)
        print(f"Fase 1 van {wv.naam}: {tabel.row_count} open signalen, "
              f"{sessie.stippen_gebruikt()} van {beschikbaar} stippen gegeven, "
              f"{len(sessie.vergadering.logboek)} regels in het logboek.", file=sys.stderr)

        stippen = sessie.vergadering.stippen
        vorige = [dict(stippen)]

        def veranderd() -> bool:
            if stippen != vorige[0]:
                vorige[0] = dict(stippen)
                return True
            return False

        meter.actie(StippenTabel, "action_stip", veranderd)
        meter.omwikkel(regels, "zet_stippen", "model")
        meter.omwikkel(Sessie, "_verschuif", "model")
        meter.omwikkel(bewaarder_module.Bewaarder, "bewaar", "bewaren")
        meter.omwikkel(omzetten, "naar_document", "naar_document")  # de façade laadt hem per keer
        meter.omwikkel(bestand.AtomischeOpslag, "voeg_toe", "journaal")
        meter.omwikkel(os, "fsync", "fsync")  # alleen in dit meetproces
        meter.omwikkel(FaseSignalen, "ververs", "bijwerken")
        meter.tekenaar(Ranglijst, "render_line")
        meter.beeld(app)

        profiler = None
        if profiel:
            import cProfile

            profiler = cProfile.Profile()
            profiler.enable()
        await _blokken(app, pilot, meter, kanaal, PATROON, per_seconde, {"right", "left"})
        if profiler is not None:
            profiler.disable()
            import pstats

            print("\nProfiel van de toetsen (cumulatief, de duurste 40):", file=sys.stderr)
            pstats.Stats(profiler, stream=sys.stderr).sort_stats("cumulative").print_stats(40)
        app.bewaarder.wacht()


async def _kind_kaal(per_seconde: float) -> None:
    from textual.app import App, ComposeResult
    from textual.binding import Binding
    from textual.widgets import Digits, Footer, Header

    class Kaal(App[None]):
        BINDINGS = [Binding("right", "op", "Op")]
        stand = 0

        def compose(self) -> ComposeResult:
            yield Header()
            yield Digits("0")
            yield Footer()

        def action_op(self) -> None:
            self.stand += 1
            self.query_one(Digits).update(str(self.stand))

    kanaal = _Kanaal()
    app = Kaal()
    meter = _Meter()
    meter.actie(Kaal, "action_op", lambda: True)
    meter.beeld(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause(0.2)
        await _blokken(app, pilot, meter, kanaal, ("right",), per_seconde, {"right"})


# --- de ouder: om en om, en de tabel -------------------------------------------------


def _start_kind(soort: str, args: argparse.Namespace, map_: Path | None) -> subprocess.Popen:
    opdracht = [sys.executable, __file__, "--kind", soort, "--per-seconde", str(args.per_seconde)]
    if map_ is not None:
        opdracht += ["--map", str(map_)]
    if soort == "vergadering" and getattr(args, "db", None):
        opdracht += ["--db", args.db]
    if soort == "vergadering":
        opdracht += ["--logboek", str(args.logboek)] + (["--profiel"] if args.profiel else [])
    kind = subprocess.Popen(opdracht, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    return kind


def _vraag(kind: subprocess.Popen, bevel: str | None) -> dict:
    assert kind.stdin is not None and kind.stdout is not None
    if bevel is not None:
        kind.stdin.write(bevel + "\n")
        kind.stdin.flush()
    regel = kind.stdout.readline()
    if not regel:
        raise SystemExit("Een meetproces stopte onverwacht; zie de meldingen hierboven.")
    return json.loads(regel)


REGELS = (
    ("vergadering: toets tot beeld", "v", "beeld"),
    ("  Textual vóór ons (toets → actie)", "v", "voor"),
    ("  eigen werk (telt)", "v", "eigen"),
    ("    model (regels, volgorde)", "v", "model"),
    ("    bewaren", "v", "bewaren"),
    ("      waarvan naar_document", "v", "naar_document"),
    ("      waarvan journaal + fsync", "v", "journaal"),
    ("        waarvan fsync (de schijf)", "v", "fsync"),
    ("    paneel bijwerken", "v", "bijwerken"),
    ("    regels tekenen", "v", "tekenen"),
    ("    de rest van de actie", "v", "rest"),
    ("  Textual na ons (opmaak, beeld)", "v", "na"),
    ("  eigen werk zonder fsync", "v", "eigen_zonder_fsync"),
    ("kale app: toets tot beeld", "k", "beeld"),
)


# Per adres het schema van ``_naar_postgres`` (``pgserver.eigen_schema``), tot
# ``_weg_uit_postgres`` het weer weghaalt.
_SCHEMAS: dict[str, ExitStack] = {}


def _naar_postgres(map_: Path, server: str) -> str:
    """Zet de kopie over in een nieuw schema van de database; geeft het adres daarvan."""
    import pgserver

    from bench.postgres import _zet_over
    from vergadering.opslag import Opslag
    from vergadering.opslag.postgres import PostgresOpslag, maak_schema

    stapel = ExitStack()
    db = stapel.enter_context(pgserver.eigen_schema(server))
    _SCHEMAS[db] = stapel
    maak_schema(db)
    doel = PostgresOpslag(db)
    print(f"{_zet_over(Opslag(map_), doel)} documenten overgezet naar PostgreSQL.",
          file=sys.stderr)
    doel.sluit()
    return db


def _weg_uit_postgres(db: str) -> None:
    """Het schema van ``_naar_postgres`` weer weg: op een gedeelde server blijft niets staan
    (zoals bench/postgres.py)."""
    _SCHEMAS.pop(db).close()


def _ouder(args: argparse.Namespace) -> int:
    werk = Path(tempfile.mkdtemp(prefix="vergadering-toets-"))
    kinderen: list[subprocess.Popen] = []
    try:
        bron = args.map
        if not (bron / "opslag.json").exists():
            from bench.tienjaar import maak

            print(f"Tienjarige gegevens maken in {bron} …", file=sys.stderr)
            maak(bron, jaren=10, wijkverbanden=5, seed=1)
        map_ = werk / "opslag"
        shutil.copytree(bron, map_)  # de bench begint een vergadering: niet in de bron
        if args.postgres:
            args.db = _naar_postgres(map_, args.postgres_server)
        vergadering = _start_kind("vergadering", args, map_)
        kaal = _start_kind("kaal", args, None)
        kinderen = [vergadering, kaal]
        for kind in kinderen:
            _vraag(kind, None)  # klaar
        stippen_per_blok = args.blok * 4 // 5
        rondes = max(1, -(-args.toetsen // stippen_per_blok))
        v: list[dict[str, float]] = []
        k: list[dict[str, float]] = []
        verloren = 0
        for ronde in range(rondes):
            volgorde = [(vergadering, v), (kaal, k)]
            if ronde % 2:
                volgorde.reverse()
            for kind, rijen in volgorde:
                aantal = args.blok if kind is vergadering else stippen_per_blok
                antwoord = _vraag(kind, f"blok {aantal}")
                rijen.extend(antwoord["rijen"])
                verloren += antwoord["verwacht"] - len(antwoord["rijen"])
        for kind in kinderen:
            assert kind.stdin is not None
            kind.stdin.write("stop\n")
            kind.stdin.flush()
            kind.wait(timeout=60)
    finally:
        for kind in kinderen:
            if kind.poll() is None:
                kind.kill()
                kind.wait()
        shutil.rmtree(werk, ignore_errors=True)
        if args.postgres and args.db:
            _weg_uit_postgres(args.db)
            args.db = None  # weg; een volgende grootte maakt een nieuw

    if args.ruw is not None:
        args.ruw.write_text(json.dumps({"vergadering": v, "kaal": k}))
    lang = f", logboek {args.logboek} regels" if args.logboek else ""
    print(f"\nStippen in fase 1 (80×24, {args.map}{lang}), "
          f"{args.per_seconde:g} toetsen per seconde zonder pauze; {len(v)} stippen "
          f"gemeten, kale app {len(k)} toetsen, om en om in {rondes} rondes:")
    print(f"{'':38} {'p50':>8} {'p95':>8} {'max':>8}")
    for naam, wie, sleutel in REGELS:
        w = [r.get(sleutel, 0.0) for r in (v if wie == "v" else k)]
        if not w:
            continue
        print(f"{naam:38} {statistics.median(w):>6.2f}ms {_percentiel(w, 95):>6.2f}ms "
              f"{max(w):>6.2f}ms")
    if verloren:
        print(f"\nLET OP: {verloren} toetsen kwamen niet (op tijd) in beeld.")
    eigen = _percentiel([r["eigen"] for r in v], 95)
    cpu = _percentiel([r["eigen_zonder_fsync"] for r in v], 95)
    beeld = _percentiel([r["beeld"] for r in v], 95)
    anker = _percentiel([r["beeld"] for r in k], 95)
    print(f"\nVerhouding bij p95: eigen werk / kale app (toets tot beeld) = {eigen / anker:.2f}×; "
          f"toets tot beeld / kale app = {beeld / anker:.2f}×; eigen werk zonder fsync / "
          f"kale app = {cpu / anker:.2f}×")
    gehaald = eigen < DOEL_EIGEN_MS and beeld < FRAME_MS and not verloren
    print(f"Doel: eigen werk p95 < {DOEL_EIGEN_MS:g} ms ({eigen:.2f} ms) en toets tot beeld "
          f"p95 < {FRAME_MS:.1f} ms ({beeld:.2f} ms): {'gehaald' if gehaald else 'NIET gehaald'}.")
    return 0 if gehaald else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--toetsen", type=int, default=400, help="aantal stippen (400)")
    parser.add_argument("--blok", type=int, default=50,
                        help="toetsen per blok voor de vergadering (50; vier op vijf zijn stippen)")
    parser.add_argument("--per-seconde", type=float, default=20.0, help="toetsen per seconde (20)")
    parser.add_argument("--map", type=Path, default=None,
                        help="bestaande opslagmap (blijft ongewijzigd); zonder: --jaren")
    parser.add_argument("--jaren", type=int, nargs="+", default=[1, 10, 30],
                        help="zonder --map: gegevens van zoveel jaar, elk een meting (1 10 30)")
    parser.add_argument("--profiel", action="store_true", help="cProfile over de toetsen")
    parser.add_argument("--logboek", type=int, default=0,
                        help="zoveel regels vooraf in het logboek (een lange vergadering)")
    parser.add_argument("--ruw", type=Path, default=None,
                        help="schrijf alle metingen per toets als JSON naar dit bestand")
    parser.add_argument("--postgres", action="store_true",
                        help="de app op PostgreSQL ($VERGADERING_PG, anders een eigen server)")
    parser.add_argument("--kind", choices=("vergadering", "kaal"), help=argparse.SUPPRESS)
    parser.add_argument("--db", default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.kind == "vergadering":
        asyncio.run(_kind_vergadering(args.map, args.per_seconde, args.profiel, args.logboek,
                                      args.db))
        return 0
    if args.postgres:
        return _met_server(args)
    if args.kind == "kaal":
        asyncio.run(_kind_kaal(args.per_seconde))
        return 0
    return _meet_alles(args)


def _met_server(args: argparse.Namespace) -> int:
    """Meet op PostgreSQL: op $VERGADERING_PG, anders op een eigen server die na afloop
    weer stopt (tests/pgserver.py)."""
    sys.path.insert(0, str(WORTEL / "tests"))
    import pgserver

    args.postgres_server = os.environ.get("VERGADERING_PG")
    eigen = None
    if not args.postgres_server:
        eigen = pgserver.start()
        args.postgres_server = eigen.conninfo
    try:
        return _meet_alles(args)
    finally:
        if eigen is not None:
            pgserver.stop(eigen.map)


def _meet_alles(args: argparse.Namespace) -> int:
    if args.map is not None:
        return _ouder(args)
    # Elke grootte een eigen meting, op de bewaarde gegevens die bench/start.py ook gebruikt.
    from bench.start import gegevensmap

    uitkomst = 0
    for jaren in args.jaren:
        args.map = gegevensmap(jaren)
        uitkomst |= _ouder(args)
    return uitkomst


if __name__ == "__main__":
    raise SystemExit(main())
