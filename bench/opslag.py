"""Wat kost één duurzame bewerking tijdens de vergadering, naast SQLite, bij 1, 10 en 30 jaar?

Eén opdracht: ``.venv/bin/python bench/opslag.py`` (``--herhalingen N`` voor meer of minder).

Per grootte (1 jaar en 10 jaar van het gegevensbestand uit ``bench/tienjaar.py``) meten we
in dezelfde lus, door elkaar en in willekeurige volgorde:

- signaal toevoegen: ``nieuw_signaal_id`` + ``bewaar_signaal`` (wat de app en
  ``vergadering signaal`` doen);
- vergadering bijwerken: stippen en een logregel in de open vergadering, ``bewaar_vergadering``;
- SQLite: één document (JSON) invoegen + commit, in WAL met synchronous=FULL, in een tabel
  met evenveel documenten als de opslag (het anker uit issue 2);
- SQLite: één document bijwerken + commit (ter vergelijking met "vergadering bijwerken").

Elke bewerking staat op schijf voordat de tijd stopt. De eerste schrijfactie van een proces
ruimt op en maakt een reservekopie; die valt in de opwarmronde. Een maand heeft zo'n 40
signalen: na elke 40 bewerkingen wordt het maandvak en de vergadering teruggezet (buiten de
meting), zodat we een bewerking in een gewone maand meten en niet in een vak dat door de
meting zelf steeds groter wordt.
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from tienjaar import maak  # noqa: E402

from vergadering.opslag import Opslag  # noqa: E402
from vergadering.opslag.bestand import (  # noqa: E402
    AtomischeOpslag,
    journaalpad,
    uit_vakbytes,
)
from vergadering.signaal import Signaal  # noqa: E402

DOEL = 5.0
TERUGZETTEN_NA = 40


def _documenten(map_: Path) -> list[tuple[str, str]]:
    """(kenmerk, JSON) van elk document in de opslag, om SQLite even vol te maken."""
    uit = []
    for pad in sorted(map_.rglob("*.json")):
        if "reservekopie" in pad.parts or pad.name == "opslag.json":
            continue
        for tabel in uit_vakbytes(pad.read_bytes(), pad).values():
            for doc in tabel.values():
                uit.append((f"{pad.relative_to(map_).as_posix()}#{doc['id']}", json.dumps(doc)))
    return uit


class Grootte:
    """Eén opslag met zijn SQLite-evenknie en de vier bewerkingen."""

    def __init__(self, werkmap: Path, jaren: int) -> None:
        self.jaren = jaren
        self.map = werkmap / f"{jaren}jaar"
        maak(self.map, jaren=jaren)
        documenten = _documenten(self.map)
        self.aantal_documenten = len(documenten)
        self.aantal_bestanden = sum(1 for _ in self.map.rglob("*.json"))

        self.sql = sqlite3.connect(werkmap / f"{jaren}jaar.sqlite", isolation_level=None)
        self.sql.execute("PRAGMA journal_mode=WAL")
        self.sql.execute("PRAGMA synchronous=FULL")
        self.sql.execute("CREATE TABLE doc (id TEXT PRIMARY KEY, json TEXT NOT NULL)")
        self.sql.execute("BEGIN")
        self.sql.executemany("INSERT INTO doc VALUES (?, ?)", documenten)
        self.sql.execute("COMMIT")
        # Een echt signaal als voorbeeld: even groot als wat de opslag schrijft.
        self.voorbeeld = next(j for i, j in documenten if "/signalen/" in i)
        self.sql_teller = 0

        self.opslag = Opslag(self.map)
        self.wv = self.opslag.wijkverbanden()[0]
        self.vandaag = date.today()
        self.open = self.opslag.onafgemaakte_vergadering(self.wv.id)
        assert self.open is not None, "het gegevensbestand hoort een open vergadering te hebben"
        self.vak = self.map / self.wv.id / "signalen" / f"{self.vandaag:%Y-%m}.json"
        self.vergaderpad = self.map / self.wv.id / "vergaderingen" / f"{self.open.id}.json"
        self.origineel = {
            p: (p.read_bytes() if p.exists() else None) for p in (self.vak, self.vergaderpad)
        }
        self.signalen_in_vak = len(self.opslag._ids(self.vak, "signalen"))
        self.teller = 0

    # --- de bewerkingen --------------------------------------------------------------

    def signaal(self) -> None:
        """Een signaal toevoegen, zoals tijdens de vergadering."""
        s = Signaal(
            id=self.opslag.nieuw_signaal_id(self.wv.id, self.vandaag),
            wijkverband_id=self.wv.id,
            tekst="Bewoners van de Kastanjelaan zien 's avonds auto's te hard rijden.",
            datum=self.vandaag,
            vorm="A",
            thema="verkeer",
            buurt="Kastanjelaan",
            aantal=3,
        )
        self.opslag.bewaar_signaal(s)

    def vergadering(self) -> None:
        """Stippen en een logregel in de open vergadering."""
        v = self.open
        v.stippen[f"stip-{self.teller % 7}"] = self.teller % 5 + 1
        v.log(datetime.now(), "Stippen bijgewerkt.")
        self.opslag.bewaar_vergadering(v)

    def sql_invoegen(self) -> None:
        """Eén document invoegen en vastleggen."""
        self.sql_teller += 1
        self.sql.execute("BEGIN")
        self.sql.execute("INSERT INTO doc VALUES (?, ?)", (f"nieuw-{self.sql_teller}",
                                                            self.voorbeeld))
        self.sql.execute("COMMIT")

    def sql_bijwerken(self) -> None:
        """Eén document bijwerken en vastleggen."""
        self.sql.execute("BEGIN")
        self.sql.execute("UPDATE doc SET json = ? WHERE id = ?",
                         (self.voorbeeld + " " * (self.sql_teller % 3), "nieuw-1"))
        self.sql.execute("COMMIT")

    def terugzetten(self) -> None:
        """Het maandvak en de vergadering terug naar hoe ze waren (buiten de meting), via de
        opslaglaag zelf: een volledige schrijfactie, die ook het journaal leeg maakt."""
        with self.opslag.schrijven():
            for pad, inhoud in self.origineel.items():
                if inhoud is None:
                    pad.unlink(missing_ok=True)
                    journaalpad(pad).unlink(missing_ok=True)
                else:
                    AtomischeOpslag(pad, self.opslag._geheugen).write(uit_vakbytes(inhoud, pad))
        self.open = self.opslag.vergadering(self.wv.id, self.open.id)


def _meet(taken: list[tuple[str, Callable[[], None]]], herhalingen: int,
          na_elke_ronde: Callable[[int], None]) -> dict[str, list[float]]:
    tijden: dict[str, list[float]] = {naam: [] for naam, _ in taken}
    volgorde = list(taken)
    for ronde in range(herhalingen):
        random.shuffle(volgorde)  # door elkaar: ruis van de machine treft iedereen gelijk
        for naam, taak in volgorde:
            begin = time.perf_counter()
            taak()
            tijden[naam].append(time.perf_counter() - begin)
        na_elke_ronde(ronde)
    return tijden


def _p95(waarden: list[float]) -> float:
    return statistics.quantiles(waarden, n=20)[-1]


def main(argv: list[str] | None = None) -> int:
    """Meet en druk de tabel af; uitgangscode 1 als het doel (≤ 5× SQLite) niet gehaald is."""
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--herhalingen", type=int, default=400)
    p.add_argument("--jaren", type=int, nargs="+", default=[1, 10, 30],
                   help="hoeveel jaar gegevens (1 10 30)")
    p.add_argument("--map", type=Path, default=None,
                   help="werkmap (standaard een tijdelijke map; zelfde schijf als /tmp)")
    args = p.parse_args(argv)
    random.seed(1)
    with tempfile.TemporaryDirectory(prefix="vergadering-bench-", dir=args.map) as tmp:
        werkmap = Path(tmp)
        begin = time.perf_counter()
        groottes = [Grootte(werkmap, j) for j in args.jaren]
        opzet = time.perf_counter() - begin
        taken = []
        for g in groottes:
            taken += [
                (f"{g.jaren}:sql_in", g.sql_invoegen),
                (f"{g.jaren}:sql_bij", g.sql_bijwerken),
                (f"{g.jaren}:signaal", g.signaal),
                (f"{g.jaren}:vergadering", g.vergadering),
            ]
        # Opwarmen: de eerste schrijfactie per proces ruimt op en maakt een reservekopie.
        _meet(taken, 20, lambda r: None)
        for g in groottes:
            g.terugzetten()

        def na_ronde(ronde: int) -> None:
            if (ronde + 1) % TERUGZETTEN_NA == 0:
                for g in groottes:
                    g.terugzetten()

        tijden = _meet(taken, args.herhalingen, na_ronde)

    print(f"Opslag van Vergadering naast SQLite (WAL, synchronous=FULL), {args.herhalingen} "
          f"herhalingen door elkaar; opzet {opzet:.1f} s.")
    for g in groottes:
        print(f"  {g.jaren:>2} jaar: {g.aantal_documenten:>6} documenten in "
              f"{g.aantal_bestanden:>5} bestanden; maandvak begint met {g.signalen_in_vak} "
              "signalen")
    print()
    kop = (f"{'bewerking':<34}{'grootte':>8}{'mediaan ms':>12}{'p95 ms':>9}"
           f"{'× SQLite':>10}{'× p95':>8}")
    print(kop)
    print("-" * len(kop))
    gehaald = True
    namen = [("sql_in", "SQLite insert + commit (anker)"),
             ("sql_bij", "SQLite update + commit"),
             ("signaal", "signaal toevoegen (bewaar_signaal)"),
             ("vergadering", "vergadering bijwerken")]
    for g in groottes:
        anker = tijden[f"{g.jaren}:sql_in"]
        anker_med, anker_p95 = statistics.median(anker), _p95(anker)
        for sleutel, uitleg in namen:
            t = tijden[f"{g.jaren}:{sleutel}"]
            med, p95 = statistics.median(t), _p95(t)
            factor, factor_p95 = med / anker_med, p95 / anker_p95
            if sleutel in ("signaal", "vergadering") and factor > DOEL:
                gehaald = False
            print(f"{uitleg:<34}{f'{g.jaren} jaar':>8}{med * 1000:>12.3f}{p95 * 1000:>9.3f}"
                  f"{factor:>9.1f}×{factor_p95:>7.1f}×")
        print()
    groottes_tekst = ", ".join(map(str, args.jaren))
    print(f"Doel: een bewerking kost hoogstens {DOEL:.0f}× een SQLite insert + commit (mediaan), "
          f"bij {groottes_tekst} jaar: {'gehaald' if gehaald else 'NIET gehaald'}.")
    return 0 if gehaald else 1


if __name__ == "__main__":
    sys.exit(main())
