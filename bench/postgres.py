"""Wat kost één bevestigde bewerking op PostgreSQL, naast een kale psycopg insert + commit?

Eén opdracht: ``.venv/bin/python bench/postgres.py`` (``--herhalingen N``, ``--jaren 1 10 30``).
Zonder ``VERGADERING_PG`` start hij zelf een server (tests/pgserver.py) en stopt die weer.

Per grootte (1, 10 en 30 jaar van het gegevensbestand uit ``bench/tienjaar.py``, overgezet in
een eigen schema van de database) meten we in dezelfde lus, door elkaar en in willekeurige
volgorde, op dezelfde server:

- twee ankers: een kale psycopg ``INSERT`` + commit van een JSON-document van dezelfde
  grootte als wat de bewerking bewaart (een nieuw signaal, en de open vergadering zoals de
  stip haar bewaart), in een tabel met dezelfde kolommen en indexen als ``documenten`` en
  dezelfde rijen (het anker uit issue 14); zonder de regel voor wie volgt en zonder NOTIFY,
  want dat is wat de app erbij doet;
- signaal toevoegen: ``nieuw_signaal_id`` + ``bewaar_signaal`` (wat de app en
  ``vergadering signaal`` doen);
- een stip: stippen en een logregel in de open vergadering, bewaard via de ``Bewaarder``
  (de weg van de stippentoets, zonder scherm);
- dezelfde stip zoals de app hem bewaart: een ``Bewaarder`` met ``beeldje`` (schermen/app.py),
  dus een kopie van de vergadering en de commit in een werkdraad, waar de toets op wacht.

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

from schermen.app import BEELDJE  # noqa: E402
from vergadering.bewaarder import Bewaarder  # noqa: E402
from vergadering.opslag import Opslag  # noqa: E402
from vergadering.opslag.omzetten import naar_document  # noqa: E402
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


# Wat ``--hergebruik`` bewaart en terugzet: de tabellen die het overzetten vult.
_BRON = ("documenten", "wijzigingen", "wijzigingsteller")


def _bronmerk() -> str:
    """Waarmee de documenten gemaakt zijn (het gegevensbestand, de omzetting, het schema): een
    hergebruikt schema van vóór een wijziging daarin telt niet."""
    import hashlib

    from vergadering.opslag import migratie, omzetten

    h = hashlib.sha256(str(migratie.SCHEMA).encode())
    for pad in (HIER / "tienjaar.py", Path(omzetten.__file__)):
        h.update(pad.read_bytes())
    return h.hexdigest()[:16]


class Grootte:
    """Eén gevulde database (eigen schema) met zijn anker en de bewerkingen."""

    def __init__(self, werkmap: Path, server: str, jaren: int, hergebruik: bool = False
                 ) -> None:
        self.jaren, self.hergebruik = jaren, hergebruik
        schema = f"bench_vast_{jaren}" if hergebruik else f"bench_{jaren}_{os.getpid()}"
        self.server, self.schema = server, schema
        self.db = make_conninfo(server, options=f"-c search_path={schema}")
        if not (hergebruik and self._zet_terug()):
            with psycopg.connect(server, autocommit=True) as conn:
                conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
                conn.execute(f'CREATE SCHEMA "{schema}"')
            map_ = werkmap / f"{jaren}jaar"
            maak(map_, jaren=jaren)
            maak_schema(self.db)
            opslag = PostgresOpslag(self.db)
            _zet_over(Opslag(map_), opslag)
            opslag.sluit()
            if hergebruik:  # de documenten zoals na het overzetten, voor een volgende keer
                with psycopg.connect(self.db, autocommit=True) as conn:
                    for tabel in _BRON:
                        conn.execute(f"CREATE TABLE bench_{tabel} AS SELECT * FROM {tabel}")
                    conn.execute(f"COMMENT ON TABLE bench_documenten IS '{_bronmerk()}'")
        self.opslag = PostgresOpslag(self.db)
        with psycopg.connect(self.db) as conn:
            self.aantal = conn.execute("SELECT count(*) FROM documenten").fetchone()[0]
        self.wv = self.opslag.wijkverbanden()[0]
        self.vandaag = date.today()
        self.open = self.opslag.onafgemaakte_vergadering(self.wv.id)
        assert self.open is not None, "het gegevensbestand hoort een open vergadering te hebben"
        self.bewaarder = Bewaarder(self.opslag)
        self.bewaarder.onthoud(self.open)
        # Zoals de app: de commit in een werkdraad, de toets wacht hoogstens een beeldje.
        self.app_bewaarder = Bewaarder(self.opslag, beeldje=BEELDJE)
        self.app_bewaarder.onthoud(self.open)
        self.teller = 0
        self.buiten_beeldje = 0  # stippen van de app waarvan de commit niet in een beeldje paste
        for _ in range(50):  # de vergadering op haar gewone grootte (40 tot 60 logregels)
            self.stip()
        # De ankers: een tabel zoals ``documenten`` (kolommen, sleutel, index) met dezelfde
        # rijen, en documenten van precies de grootte die de bewerkingen bewaren.
        self.anker = psycopg.connect(self.db, autocommit=True)
        self.anker.execute("CREATE TABLE anker (LIKE documenten INCLUDING ALL)")
        self.anker.execute("INSERT INTO anker (wijkverband, soort, id, vak, versie, status, doc) "
                           "SELECT wijkverband, soort, id, vak, versie, status, doc "
                           "FROM documenten")
        # Statistieken zoals na ``vergadering overzetten`` (en zoals autovacuum ze na een
        # grote lading binnen een minuut heeft): zonder kiest de server voor 'welke kenmerken
        # bestaan al' een index die het hele vak doorloopt, en dat vak groeit in deze meting.
        self.opslag.na_grote_lading()  # wat ``vergadering overzetten`` ook doet
        self.anker.execute("ANALYZE anker")
        self.signaal_tekst = _tekst(naar_document(self._nieuw_signaal()))
        self.vergadering_tekst = _tekst(naar_document(self.open))

    def _zet_terug(self) -> bool:
        """Met ``--hergebruik``: het schema van een vorige keer precies terug zoals na het
        overzetten (dezelfde rijen in documenten, wijzigingen en de teller, vers ingevoegd;
        geen anker), als het er is en met dezelfde gegevens en omzetting gemaakt. Het schema
        zelf (tabellen, functies) maakt ``maak_schema`` zoals de code het nu zegt."""
        with psycopg.connect(self.db, autocommit=True) as conn:
            merk = conn.execute("SELECT obj_description(to_regclass('bench_documenten'), "
                                "'pg_class')").fetchone()[0]
            if merk != _bronmerk():
                return False
            maak_schema(self.db)
            with conn.transaction():
                conn.execute("DROP TABLE IF EXISTS anker")
                conn.execute(f"TRUNCATE {', '.join(_BRON)}")
                for tabel in _BRON:
                    conn.execute(f"INSERT INTO {tabel} OVERRIDING SYSTEM VALUE "
                                 f"SELECT * FROM bench_{tabel}")
        return True

    def sluit(self) -> None:
        """Verbindingen dicht en het schema weg (op een gedeelde server blijft niets staan,
        behalve met ``--hergebruik``: dan blijft het voor de volgende keer)."""
        self.anker.close()
        self.opslag.sluit()
        with psycopg.connect(self.server, autocommit=True) as conn:
            if self.hergebruik:
                conn.execute(f'DROP TABLE "{self.schema}".anker')
            else:
                conn.execute(f'DROP SCHEMA "{self.schema}" CASCADE')

    # --- de bewerkingen --------------------------------------------------------------

    def _kaal(self, soort: str, tekst: str) -> None:
        self.teller += 1
        self.anker.execute(
            "INSERT INTO anker (wijkverband, soort, id, vak, versie, status, doc) "
            "VALUES (%s, %s, %s, %s, 1, %s, %s)",
            (self.wv.id, soort, f"nieuw-{self.teller}", "anker",
             "nieuw" if soort == "signalen" else None, tekst))

    def kaal_signaal(self) -> None:
        """Anker: een document zo groot als een nieuw signaal invoegen en committen."""
        self._kaal("signalen", self.signaal_tekst)

    def kaal_vergadering(self) -> None:
        """Anker: een document zo groot als de open vergadering invoegen en committen."""
        self._kaal("vergaderingen", self.vergadering_tekst)

    def _nieuw_signaal(self) -> Signaal:
        return Signaal(
            id=self.opslag.nieuw_signaal_id(self.wv.id, self.vandaag),
            wijkverband_id=self.wv.id,
            tekst="Bewoners van de Kastanjelaan zien 's avonds auto's te hard rijden.",
            datum=self.vandaag, vorm="A", thema="verkeer", buurt="Kastanjelaan", aantal=3,
        )

    def signaal(self) -> None:
        """Een signaal toevoegen, zoals tijdens de vergadering."""
        self.opslag.bewaar_signaal(self._nieuw_signaal())

    def stip(self, bewaarder: Bewaarder | None = None) -> None:
        """Een stip: stippen en een logregel in de open vergadering, via de Bewaarder."""
        bewaarder = bewaarder or self.bewaarder
        v = self.open
        v.stippen[f"stip-{self.teller % 7}"] = self.teller % 5 + 1
        v.log(datetime.now(), "Stippen bijgewerkt.")
        if len(v.logboek) > 60:
            del v.logboek[:-40]  # een gewone vergadering, niet een die in de meting groeit
        assert bewaarder.bewaar(v), bewaarder.laatste_fout
        if bewaarder.onderweg:
            # Paste de commit niet in een beeldje (een drukke server of machine), dan telt hij
            # mee als uitkomst, niet als fout; afwachten, zodat hij niet over de volgende
            # meting heen loopt (die tijd telt dan mee: wat de server echt kostte).
            self.buiten_beeldje += 1
            assert bewaarder.wacht(60), "de commit kwam na een minuut nog niet terug"

    def stip_app(self) -> None:
        """Een stip zoals de app hem bewaart: via de werkdraad, hoogstens een beeldje wachten."""
        self.stip(self.app_bewaarder)


def _meet(taken: list[tuple[str, Callable[[], None]]], herhalingen: int, rust: float = 0.0
          ) -> dict[str, list[float]]:
    tijden: dict[str, list[float]] = {naam: [] for naam, _ in taken}
    volgorde = list(taken)
    for _ in range(herhalingen):
        random.shuffle(volgorde)  # door elkaar: ruis van de machine treft iedereen gelijk
        for naam, taak in volgorde:
            if rust:
                time.sleep(rust)  # het tempo van een vergadering: de server staat niet klaar
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
    p.add_argument("--jaren", type=int, nargs="+", default=[1, 10, 30])
    p.add_argument("--hergebruik", action="store_true",
                   help="laat de gevulde schema's staan en gebruik ze de volgende keer (dertig "
                        "jaar overzetten kost anders een halve minuut); teruggezet zoals na het "
                        "overzetten")
    p.add_argument("--rust", type=float, default=0.0,
                   help="ms rust vóór elke bewerking (50: twintig toetsen per seconde)")
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
            # Het lokale journaal van de app-bewaarder (alleen als een commit niet in een
            # beeldje past) in de tijdelijke map, niet in die van de gebruiker.
            os.environ["XDG_DATA_HOME"] = tmp
            begin = time.perf_counter()
            groottes = [Grootte(Path(tmp), server, j, args.hergebruik) for j in args.jaren]
            opzet = time.perf_counter() - begin
            taken = []
            for g in groottes:
                taken += [(f"{g.jaren}:kaal_signaal", g.kaal_signaal),
                          (f"{g.jaren}:signaal", g.signaal),
                          (f"{g.jaren}:kaal_vergadering", g.kaal_vergadering),
                          (f"{g.jaren}:stip", g.stip),
                          (f"{g.jaren}:stip_app", g.stip_app)]
            _meet(taken, 10)  # opwarmen: verbindingen, voorbereide plannen, caches
            tijden = _meet(taken, args.herhalingen, args.rust / 1000)
            for g in groottes:
                g.sluit()
    finally:
        if eigen is not None:
            pgserver.stop(eigen.map)

    namen = {"kaal_signaal": "anker: insert + commit, signaal",
             "signaal": "signaal toevoegen (bewaar_signaal)",
             "kaal_vergadering": "anker: insert + commit, vergadering",
             "stip": "een stip (Bewaarder, vergadering)",
             "stip_app": "een stip zoals de app (werkdraad)"}
    ankers = {"signaal": "kaal_signaal", "stip": "kaal_vergadering",
              "stip_app": "kaal_vergadering"}
    print(f"PostgreSQL {server.split('@')[-1]}; {args.herhalingen} rondes, door elkaar, "
          f"{args.rust:g} ms rust vóór elke bewerking; opzet {opzet:.0f} s")
    print(f"{'bewerking':36} {'grootte':>8} {'docs':>7} {'kB':>5} {'mediaan ms':>11} "
          f"{'p95 ms':>8} {'× anker':>8} {'× p95':>6}")
    print("-" * 98)
    gehaald = True
    for g in groottes:
        grootte = {"kaal_signaal": len(g.signaal_tekst),
                   "kaal_vergadering": len(g.vergadering_tekst)}
        for soort in ("kaal_signaal", "signaal", "kaal_vergadering", "stip", "stip_app"):
            t = tijden[f"{g.jaren}:{soort}"]
            anker = tijden[f"{g.jaren}:{ankers.get(soort, soort)}"]
            verhouding = statistics.median(t) / statistics.median(anker)
            if soort in ankers and verhouding > DOEL:
                gehaald = False
            kb = grootte[ankers.get(soort, soort)] / 1000
            print(f"{namen[soort]:36} {g.jaren:>6} j {g.aantal:>7} {kb:>5.1f} "
                  f"{statistics.median(t) * 1000:>11.3f} {_p95(t) * 1000:>8.3f} "
                  f"{verhouding:>7.1f}× {_p95(t) / _p95(anker):>5.1f}×")
    for g in groottes:
        print(f"{g.jaren} jaar: {g.buiten_beeldje} stippen van de app pasten niet in een "
              f"beeldje ({BEELDJE * 1000:.0f} ms) en kwamen eerst in het lokale journaal.")
    print(f"\nDoel: mediaan ≤ {DOEL:.0f}× het anker: {'gehaald' if gehaald else 'NIET gehaald'}.")
    return 0 if gehaald else 1


if __name__ == "__main__":
    sys.exit(main())
