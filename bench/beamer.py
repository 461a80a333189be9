"""De aparte beamer: van een bewerking in proces A tot het beeld in proces B, en de processor
die de beamer gebruikt als er niets gebeurt.

Proces A (deze meting) is de voorzitter: een ``Sessie`` met een ``Bewaarder`` op een eigen
``Opslag``, die een vergadering start en dan N keer een stip zet (om en om 1 en 2 stippen op
één signaal: de ranglijst verandert elke keer), met een willekeurige pauze van 0,25–0,6 s
ertussen, zodat de bewerkingen op willekeurige momenten in de kijkronde van de beamer vallen.

Proces B is ``schermen.beamer_app.BeamerApp``, headless op 160×45, ongewijzigd behalve dat
het de haak ``getekend`` invult: die komt ná het eerste beeld met de nieuwe stand (zie
``App.call_after_refresh``), en schrijft versie en tijden naar een bestand. Alle tijden zijn
de systeembrede monotone klok (``time.monotonic``), dus over processen heen te vergelijken.

Per bewerking (versie v van de vergadering): *totaal* = het eerste beeld met versie ≥ v min
het moment vlak vóór het bewaren in A. Daarin: *schrijven* (bewaren in A, tot op schijf),
*wachten* (tot de beamer bij zijn volgende kijkronde de wijziging opmerkt: de kijkafstand van
0,25 s) en *werk* (van opmerken tot het beeld: het vak lezen in een draad, opbouwen, tekenen).

Ernaast, in dezelfde meting (het anker):

- *lezer*: een kaal Python-proces dat met dezelfde kijkafstand dezelfde markering volgt en
  de vergadering leest, zonder Textual: wat kijken en lezen alleen al kosten;
- *kale app*: een Textual-app met alleen Header, Digits en Footer die vier keer per seconde
  de tijd bijwerkt, voor de processor in rust.

Processor in rust: na de bewerkingen ``--rust`` seconden niets doen, en dan utime + stime
uit ``/proc/<pid>/stat`` van de beamer en de kale app (de vergadering loopt: de klok tekent
elke seconde). Doel: p95 ≤ 0,5 s en minder dan 2% van één kern.

Gegevens: de bewaarde opslag van ``bench/tienjaar.py`` (zie ``bench/start.py``), gekopieerd.

Gebruik::

    .venv/bin/python bench/beamer.py          # 1, 10 en 30 jaar, 200 bewerkingen, 20 s rust
    .venv/bin/python bench/beamer.py --jaren 1 30 --aantal 100 --rust 10
    .venv/bin/python bench/beamer.py --postgres --jaren 1   # de kopie in PostgreSQL (issue 14)
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

WORTEL = Path(__file__).resolve().parent.parent
if str(WORTEL) not in sys.path:
    sys.path.insert(0, str(WORTEL))

from bench.toets import _percentiel  # noqa: E402 - na het pad hierboven

if TYPE_CHECKING:
    from vergadering.sessie import Sessie

DOEL_P95_S = 0.5
DOEL_P95_S_POSTGRES = 0.3  # issue 14: van bewerking tot beeld in een ander proces
DOEL_CPU = 2.0  # procent van één kern


# --- de kinderen ---------------------------------------------------------------------


def kind_beamer(map_: str, wv: str, uit: str) -> None:
    """Proces B: de echte beamer, headless; elke getekende stand naar ``uit``."""
    from schermen.beamer_app import BeamerApp
    from vergadering.opslag import open_opslag

    bestand = open(uit, "a", buffering=1, encoding="utf-8")  # noqa: SIM115 - leeft met het proces

    class Gemeten(BeamerApp):
        def getekend(self, beeld, gezien: float) -> None:
            versie = beeld.vergadering.versie if beeld.vergadering is not None else -1
            bestand.write(f"{versie} {gezien:.6f} {time.monotonic():.6f} {beeld.stand}\n")

    Gemeten(open_opslag(map_), wv).run(headless=True, size=(160, 45))


def kind_lezer(map_: str, wv: str, uit: str) -> None:
    """Het anker: dezelfde kijkronde en hetzelfde vak lezen, zonder Textual."""
    from schermen.beamer_app import KIJK_S
    from vergadering.opslag import open_opslag

    opslag = open_opslag(map_)
    volger = opslag.volger()
    bestand = open(uit, "a", buffering=1, encoding="utf-8")  # noqa: SIM115
    bestand.write("klaar\n")
    while True:
        time.sleep(KIJK_S)
        nieuw = volger.nieuw()
        if not nieuw:
            continue
        gezien = time.monotonic()
        for w in nieuw:
            if w.soort == "vergaderingen":
                v = opslag.vergadering(wv, w.vak.removesuffix(".json"))
                bestand.write(f"{v.versie} {gezien:.6f} {time.monotonic():.6f} lezer\n")


def kind_kaal() -> None:
    """Het anker voor de processor: Header, Digits en Footer, vier keer per seconde de tijd."""
    from textual.app import App, ComposeResult
    from textual.widgets import Digits, Footer, Header

    class Kaal(App):
        def compose(self) -> ComposeResult:
            yield Header()
            yield Digits("")
            yield Footer()

        def on_mount(self) -> None:
            self.set_interval(0.25, self.tik)

        def tik(self) -> None:
            self.query_one(Digits).update(time.strftime("%H:%M:%S"))

    Kaal().run(headless=True, size=(160, 45))


# --- de ouder ------------------------------------------------------------------------


def _cpu_s(pid: int) -> float:
    """utime + stime van een proces (alle draden), in seconden."""
    velden = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(velden[11]) + int(velden[12])) / os.sysconf("SC_CLK_TCK")


def _regels(pad: Path) -> list[list[str]]:
    if not pad.exists():
        return []
    return [r.split() for r in pad.read_text(encoding="utf-8").splitlines() if r.strip()]


def _wacht_op(pad: Path, voorwaarde, tijd: float = 60.0) -> None:
    eind = time.monotonic() + tijd
    while time.monotonic() < eind:
        if voorwaarde(_regels(pad)):
            return
        time.sleep(0.05)
    raise SystemExit(f"{pad.name}: het kind gaf binnen {tijd:.0f} s geen teken van leven.")


def _start(*args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, __file__, "--kind", *args], cwd=WORTEL,
                            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL)


def lopende_sessie(db: Path | str) -> Sessie:
    """De voorzitter op een kopie van de gegevens: een lopende vergadering van vandaag, de
    laatste van het eerste wijkverband (onafgemaakte vergaderingen op de kopie gesloten), op
    de echte klok."""
    from vergadering.bewaarder import Bewaarder
    from vergadering.opslag import open_opslag
    from vergadering.sessie import Sessie
    from vergadering.vergadering import nieuwe_vergadering

    opslag = open_opslag(db)
    wv = opslag.wijkverbanden()[0]
    vandaag = date.today()
    for oud in opslag.vergaderingen(wv.id):
        if not oud.gesloten:
            oud.gesloten_op = datetime.now()  # een kopie: de meting begint schoon
            opslag.bewaar_vergadering(oud)
    v = nieuwe_vergadering(wv, opslag.nieuw_vergadering_id(wv.id, vandaag), vandaag)
    opslag.bewaar_vergadering(v)
    sessie = Sessie(wv, v, opslag.signalen(wv.id), opslag.acties(wv.id), Bewaarder(opslag),
                    time.time)
    sessie.start()
    # Met een agenda rond de cyclus (het standaardsjabloon): verder tot fase 1, de stippen.
    while sessie.vergadering.fase.sleutel != "signalen" and sessie.naar_fase(1):
        pass
    return sessie


def meet(map_: Path, aantal: int, rust: float, seed: int = 1,
         postgres: str | None = None) -> dict:
    """Eén meting op een kopie van ``map_`` (met ``postgres``: die kopie in een nieuw schema
    van die server)."""
    from vergadering import regels

    rnd = random.Random(seed)
    with tempfile.TemporaryDirectory(prefix="beamer-bench-") as tmp:
        db: Path | str = Path(tmp) / "db"
        shutil.copytree(map_, db)
        if postgres:
            from bench.toets import _naar_postgres

            db = _naar_postgres(Path(db), postgres)
        sessie = lopende_sessie(db)
        wv, v = sessie.wijkverband, sessie.vergadering
        sid = regels.ranglijst(sessie.signalen, v.stippen)[0].signaal.id

        beamer_uit, lezer_uit = Path(tmp) / "beamer.txt", Path(tmp) / "lezer.txt"
        kinderen = [_start("beamer", str(db), wv.id, str(beamer_uit)),
                    _start("lezer", str(db), wv.id, str(lezer_uit)),
                    _start("kaal")]
        try:
            _wacht_op(beamer_uit, lambda r: any(x[3] == "vergadering" for x in r))
            _wacht_op(lezer_uit, lambda r: bool(r))
            time.sleep(1.0)
            bewerkingen: list[tuple[int, float, float]] = []  # versie, voor, bewaard
            for i in range(aantal):
                voor = time.monotonic()
                sessie.zet_stippen(sid, 1 + i % 2)
                bewerkingen.append((v.versie, voor, time.monotonic()))
                time.sleep(rnd.uniform(0.25, 0.6))
            laatste = v.versie
            for pad in (beamer_uit, lezer_uit):
                _wacht_op(pad, lambda r: any(x[0] != "klaar" and int(x[0]) >= laatste
                                             for x in r), tijd=10)
            time.sleep(2.0)  # de laatste beelden uitgetekend; dan rust
            pids = {"beamer": kinderen[0].pid, "kale app": kinderen[2].pid}
            begin = {naam: _cpu_s(pid) for naam, pid in pids.items()}
            t0 = time.monotonic()
            time.sleep(rust)
            duur = time.monotonic() - t0
            cpu = {naam: 100 * (_cpu_s(pid) - begin[naam]) / duur for naam, pid in pids.items()}
        finally:
            for kind in kinderen:
                kind.terminate()
            for kind in kinderen:
                try:
                    kind.wait(5)
                except subprocess.TimeoutExpired:
                    kind.kill()
                    kind.wait()
            if postgres:
                from bench.toets import _weg_uit_postgres

                sessie.bewaarder.opslag.sluit()  # geen open verbinding tijdens het weghalen
                _weg_uit_postgres(str(db))
        uitkomst = {"cpu": cpu, "aantal": aantal}
        for naam, pad in (("beamer", beamer_uit), ("lezer", lezer_uit)):
            beelden = sorted((int(x[0]), float(x[1]), float(x[2])) for x in _regels(pad)
                             if x[0] != "klaar")
            totaal, schrijven, wachten, werk = [], [], [], []
            for versie, voor, bewaard in bewerkingen:
                eerste = min((b for b in beelden if b[0] >= versie and b[2] >= voor),
                             key=lambda b: b[2], default=None)
                if eerste is None:
                    continue
                totaal.append(eerste[2] - voor)
                schrijven.append(bewaard - voor)
                wachten.append(max(0.0, eerste[1] - bewaard))
                werk.append(eerste[2] - eerste[1])
            uitkomst[naam] = {"totaal": totaal, "schrijven": schrijven, "wachten": wachten,
                              "werk": werk}
        return uitkomst


def _ms(waarden: list[float], p: float | None = None) -> str:
    if not waarden:
        return "–"
    w = statistics.median(waarden) if p is None else _percentiel(waarden, p)
    return f"{1000 * w:.0f}"


def tabel(rijen: list[tuple[str, dict]]) -> str:
    """De uitkomsten als tabel (ms; processor in % van één kern)."""
    kop = ("| gegevens | proces | bewerkingen | totaal mediaan | totaal p95 | schrijven (A) | "
           "wachten op kijkronde mediaan / p95 | werk tot beeld mediaan / p95 | "
           "processor in rust |")
    uit = [kop, "|" + "---|" * (kop.count("|") - 1)]
    for gegevens, u in rijen:
        for naam in ("beamer", "lezer"):
            m = u[naam]
            cpu = f"{u['cpu']['beamer']:.2f}%" if naam == "beamer" else "–"
            uit.append(
                f"| {gegevens} | {naam} | {len(m['totaal'])}/{u['aantal']} | "
                f"{_ms(m['totaal'])} | {_ms(m['totaal'], 95)} | {_ms(m['schrijven'])} | "
                f"{_ms(m['wachten'])} / {_ms(m['wachten'], 95)} | "
                f"{_ms(m['werk'])} / {_ms(m['werk'], 95)} | {cpu} |")
        uit.append(f"| {gegevens} | kale app (Header, Digits, Footer) | – | – | – | – | – | – | "
                   f"{u['cpu']['kale app']:.2f}% |")
    return "\n".join(uit)


def main(argv: list[str] | None = None) -> int:
    """Meet en druk de tabel af; uitgangscode 0 als beide doelen gehaald zijn."""
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--jaren", type=int, nargs="+", default=[1, 10, 30])
    p.add_argument("--aantal", type=int, default=200, help="aantal bewerkingen per meting")
    p.add_argument("--rust", type=float, default=20.0, help="seconden rust voor de processor")
    p.add_argument("--postgres", action="store_true",
                   help="op PostgreSQL ($VERGADERING_PG, anders een eigen server)")
    p.add_argument("--kind", nargs="+", help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.kind:
        soort, *rest = args.kind
        {"beamer": kind_beamer, "lezer": kind_lezer, "kaal": kind_kaal}[soort](*rest)
        return 0
    if args.postgres and not os.environ.get("VERGADERING_PG"):
        sys.path.insert(0, str(WORTEL / "tests"))
        import pgserver

        server = pgserver.start()
        os.environ["VERGADERING_PG"] = server.conninfo
        try:
            return main(argv)
        finally:
            pgserver.stop(server.map)
    from bench.start import gegevensmap

    rijen = []
    gehaald = True
    doel = DOEL_P95_S_POSTGRES if args.postgres else DOEL_P95_S
    for jaren in args.jaren:
        print(f"{jaren} jaar: {args.aantal} bewerkingen, dan {args.rust:.0f} s rust …",
              file=sys.stderr)
        u = meet(gegevensmap(jaren), args.aantal, args.rust,
                 postgres=os.environ.get("VERGADERING_PG") if args.postgres else None)
        rijen.append((f"{jaren} jaar", u))
        p95 = _percentiel(u["beamer"]["totaal"], 95)
        gehaald &= (p95 <= doel and u["cpu"]["beamer"] < DOEL_CPU
                    and len(u["beamer"]["totaal"]) == args.aantal)
    print("Van bewerking in proces A tot beeld in proces B (ms), en processor in rust "
          f"(% van één kern). Doel: p95 ≤ {1000 * doel:.0f} ms, rust < {DOEL_CPU:.0f}%.")
    print(tabel(rijen))
    print("doel gehaald" if gehaald else "doel NIET gehaald")
    return 0 if gehaald else 1


if __name__ == "__main__":
    sys.exit(main())
