"""Wat kost één bevestigde bewerking op PostgreSQL, naast een kale psycopg insert + commit?

Eén opdracht: ``.venv/bin/python bench/postgres.py`` (``--herhalingen N``, ``--jaren 1 10``).
Zonder ``VERGADERING_PG`` start hij zelf een server (tests/pgserver.py) en stopt die weer.

Per grootte (1 en 10 jaar van het gegevensbestand uit ``bench/tienjaar.py``, overgezet in
een eigen schema van de database) meten we in dezelfde lus, door elkaar en in willekeurige
volgorde, op dezelfde server:

- anker: een kale psycopg ``INSERT`` van een even groot JSON-document + commit, in een tabel
  met evenveel rijen (het anker uit issue 14);
- signaal toevoegen: ``nieuw_signaal_id`` + ``bewaar_signaal`` (wat de app en
  ``vergadering signaal`` doen);
- een stip: stippen en een logregel in de open vergadering, bewaard via de ``Bewaarder``
  (de weg van de stippentoets, zonder scherm).

Elke bewerking is gecommit (duurzaam: ``synchronous_commit`` zoals de server het heeft)
voordat de tijd stopt. Doel: mediaan ≤ 2× het anker; uitgangscode 1 als dat niet zo is.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

HIER = Path(__file__).resolve().parent
sys.path.insert(0, str(HIER))
sys.path.insert(0, str(HIER.parent / "tests"))

import psycopg  # noqa: E402
from psycopg.conninfo import make_conninfo  # noqa: E402
from tienjaar import maak  # noqa: E402

from vergadering.bewaarder import Bewaarder  # noqa: E402
from vergadering.opslag import Opslag  # noqa: E402
from vergadering.opslag.postgres import PostgresOpslag, _tekst, maak_schema  # noqa: E402
from vergadering.signaal import Signaal  # noqa: E402

DOEL = 2.0


def _zet_over(bron: Opslag, doel: PostgresOpslag) -> int:
    """Alles uit de map in de database (één transactie); geeft het aantal documenten."""
    n = 0
    with doel.schrijven():
        for wv in bron.wijkverbanden():
            doel.bewaar_wijkverband(wv)
            n += 1
        for soort, bewaar in (("signalen", doel.bewaar_signaal), ("acties", doel.bewaar_actie),
                              ("vergaderingen", doel.bewaar_vergadering)):
            for obj in getattr(bron, soort)():
                bewaar(obj)
                n += 1
    return n


class Grootte:
    """Eén gevulde database (eigen schema) met zijn anker en de bewerkingen."""

    def __init__(self, werkmap: Path, server: str, jaren: int) -> None:
        self.jaren = jaren
        map_ = werkmap / f"{jaren}jaar"
        maak(map_, jaren=jaren)
        schema = f"bench_{jaren}_{os.getpid()}"
        with psycopg.connect(server, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
            conn.execute(f'CREATE SCHEMA "{schema}"')
        self.db = make_conninfo(server, options=f"-c search_path={schema}")
        maak_schema(self.db)
        self.opslag = PostgresOpslag(self.db)
        self.aantal = _zet_over(Opslag(map_), self.opslag)
        self.wv = self.opslag.wijkverbanden()[0]
        self.vandaag = date.today()
        self.open = self.opslag.onafgemaakte_vergadering(self.wv.id)
        assert self.open is not None, "het gegevensbestand hoort een open vergadering te hebben"
        self.bewaarder = Bewaarder(self.opslag)
        self.bewaarder.onthoud(self.open)
        self.teller = 0
        # Het anker: een tabel met evenveel rijen, en een echt signaal als voorbeeld.
        self.anker = psycopg.connect(self.db, autocommit=True)
        self.anker.execute("CREATE TABLE anker (id text PRIMARY KEY, doc text NOT NULL)")
        self.voorbeeld = _tekst({**self.opslag.signalen(self.wv.id)[-1].__dict__,
                                 "datum": self.vandaag.isoformat()} | {"historie": []})
        with self.anker.cursor() as cur:
            cur.execute(f"INSERT INTO anker SELECT 'oud-' || n, %s "
                        f"FROM generate_series(1, {self.aantal}) n", (self.voorbeeld,))

    def sluit(self) -> None:
        """Verbindingen dicht en het schema weg."""
        self.anker.close()
        self.opslag.sluit()

    # --- de bewerkingen --------------------------------------------------------------

    def kaal(self) -> None:
        """Het anker: één document invoegen en committen, met psycopg en verder niets."""
        self.teller += 1
        self.anker.execute("INSERT INTO anker VALUES (%s, %s)",
                           (f"nieuw-{self.teller}", self.voorbeeld))

    def signaal(self) -> None:
        """Een signaal toevoegen, zoals tijdens de vergadering."""
        s = Signaal(
            id=self.opslag.nieuw_signaal_id(self.wv.id, self.vandaag),
            wijkverband_id=self.wv.id,
            tekst="Bewoners van de Kastanjelaan zien 's avonds auto's te hard rijden.",
            datum=self.vandaag, vorm="A", thema="verkeer", buurt="Kastanjelaan", aantal=3,
        )
        self.opslag.bewaar_signaal(s)

    def stip(self) -> None:
        """Een stip: stippen en een logregel in de open vergadering, via de Bewaarder."""
        v = self.open
        v.stippen[f"stip-{self.teller % 7}"] = self.teller % 5 + 1
        v.log(datetime.now(), "Stippen bijgewerkt.")
        if len(v.logboek) > 60:
            del v.logboek[:-40]  # een gewone vergadering, niet een die in de meting groeit
        assert self.bewaarder.bewaar(v), self.bewaarder.laatste_fout


def _meet(taken: list[tuple[str, Callable[[], None]]], herhalingen: int
          ) -> dict[str, list[float]]:
    tijden: dict[str, list[float]] = {naam: [] for naam, _ in taken}
    volgorde = list(taken)
    for _ in range(herhalingen):
        random.shuffle(volgorde)  # door elkaar: ruis van de machine treft iedereen gelijk
        for naam, taak in volgorde:
            begin = time.perf_counter()
            taak()
            tijden[naam].append(time.perf_counter() - begin)
    return tijden


def _p95(waarden: list[float]) -> float:
    return statistics.quantiles(waarden, n=20)[-1]


def main(argv: list[str] | None = None) -> int:
    """Meet en druk de tabel af; uitgangscode 1 als het doel (≤ 2× het anker) niet gehaald is."""
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--herhalingen", type=int, default=300)
    p.add_argument("--jaren", type=int, nargs="+", default=[1, 10])
    args = p.parse_args(argv)
    random.seed(1)
    server = os.environ.get("VERGADERING_PG")
    eigen = None
    if not server:
        import pgserver

        eigen = pgserver.start()
        server = eigen.conninfo
    try:
        with tempfile.TemporaryDirectory(prefix="vergadering-bench-") as tmp:
            begin = time.perf_counter()
            groottes = [Grootte(Path(tmp), server, j) for j in args.jaren]
            opzet = time.perf_counter() - begin
            taken = []
            for g in groottes:
                taken += [(f"{g.jaren}:kaal", g.kaal), (f"{g.jaren}:signaal", g.signaal),
                          (f"{g.jaren}:stip", g.stip)]
            _meet(taken, 10)  # opwarmen: verbindingen, voorbereide plannen, caches
            tijden = _meet(taken, args.herhalingen)
            for g in groottes:
                g.sluit()
    finally:
        if eigen is not None:
            pgserver.stop(eigen.map)

    namen = {"kaal": "psycopg insert + commit (anker)",
             "signaal": "signaal toevoegen (bewaar_signaal)",
             "stip": "een stip (Bewaarder, vergadering)"}
    print(f"PostgreSQL {server.split('@')[-1]}; {args.herhalingen} rondes, door elkaar; "
          f"opzet {opzet:.0f} s")
    print(f"{'bewerking':36} {'grootte':>8} {'docs':>7} {'mediaan ms':>11} {'p95 ms':>8} "
          f"{'× anker':>8} {'× p95':>6}")
    print("-" * 92)
    gehaald = True
    for g in groottes:
        anker = tijden[f"{g.jaren}:kaal"]
        for soort in ("kaal", "signaal", "stip"):
            t = tijden[f"{g.jaren}:{soort}"]
            verhouding = statistics.median(t) / statistics.median(anker)
            if soort != "kaal" and verhouding > DOEL:
                gehaald = False
            print(f"{namen[soort]:36} {g.jaren:>6} j {g.aantal:>7} "
                  f"{statistics.median(t) * 1000:>11.3f} {_p95(t) * 1000:>8.3f} "
                  f"{verhouding:>7.1f}× {_p95(t) / _p95(anker):>5.1f}×")
    print(f"\nDoel: mediaan ≤ {DOEL:.0f}× het anker: {'gehaald' if gehaald else 'NIET gehaald'}.")
    return 0 if gehaald else 1


if __name__ == "__main__":
    sys.exit(main())
