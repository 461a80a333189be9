"""Wat alleen bij de PostgreSQL-opslag hoort (issue 14): het schema en zijn versie, wie wat mag
zien (row-level security, getest door echt als een andere rol te verbinden), meldingen zonder
wachtwoord, en een client die midden in een transactie gedood wordt.

Draait tegen een echte server (conftest: ``VERGADERING_PG`` of een eigen server); kan dat
hier niet, dan slaan deze tests over met de reden.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import date

import psycopg
import pytest
from hulp_opslag import cli, totdat, zonder_traceback
from psycopg import sql
from psycopg.conninfo import conninfo_to_dict, make_conninfo

from vergadering.fouten import NieuwereVersie, OngeldigeInvoer, OpslagFout
from vergadering.opslag import is_database, open_opslag
from vergadering.opslag.migratie import SCHEMA
from vergadering.opslag.postgres import (
    PostgresOpslag,
    heeft_wachtwoord,
    ken_rol_toe,
    maak_schema,
    toonbaar,
    zonder_wachtwoord,
)
from vergadering.signaal import Signaal
from vergadering.wijkverband import Wijkverband

NOV = date(2026, 11, 23)


@pytest.fixture
def db(postgres_db) -> str:
    """Een eigen schema met de tabellen van Vergadering."""
    maak_schema(postgres_db)
    return postgres_db


def _wijkverband(opslag, wv_id: str, naam: str) -> None:
    opslag.bewaar_wijkverband(Wijkverband(id=wv_id, naam=naam))


def _signaal(opslag, wv_id: str, tekst: str) -> Signaal:
    s = Signaal(id=opslag.nieuw_signaal_id(wv_id, NOV), wijkverband_id=wv_id, tekst=tekst,
                datum=NOV)
    opslag.bewaar_signaal(s)
    return s


# --- het adres ------------------------------------------------------------------------------


@pytest.mark.parametrize("adres,database", [
    ("postgresql://db.gemeente.nl/vergadering", True),
    ("postgres://anja@db/v", True),
    ("service=wijk", True),
    ("host=db dbname=vergadering", True),
    ("demo-opslag", False),
    ("/home/anja/Vergadering", False),
    ("C:\\Users\\anja\\opslag", False),
    ("mijn=map", False),
    ("", False),
])
def test_welk_adres_een_database_is(adres, database):
    assert is_database(adres) is database


def test_de_map_laadt_geen_psycopg(tmp_path):
    """De map blijft de standaard en start zo snel als voorheen: psycopg alleen als de
    database gekozen is."""
    code = ("import sys\nfrom vergadering.opdrachtregel import main\n"
            "main(['signalen', '--db', sys.argv[1]])\n"
            "assert 'psycopg' not in sys.modules, 'psycopg geladen'\n")
    r = subprocess.run([sys.executable, "-c", code, str(tmp_path / "leeg")],
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr


def test_een_wachtwoord_komt_nooit_in_een_melding():
    adres = "postgresql://anja:geheim123@127.0.0.1:1/vergadering?sslmode=disable"
    with pytest.raises(OpslagFout) as fout:
        open_opslag(adres)
    melding = str(fout.value)
    assert "geheim123" not in melding and "127.0.0.1:1/vergadering" in melding
    assert melding.startswith("De database op") and melding.count(".") <= 4
    assert "geheim123" not in zonder_wachtwoord(adres) + toonbaar(adres)
    assert "geheim" not in zonder_wachtwoord("host=db password=geheim dbname=v")
    r = cli("signalen", "--db", adres)
    # Wie een wachtwoord op de opdrachtregel zet, hoort eerst waarom dat niet handig is (één
    # regel); dan de fout zelf, ook één regel.
    waarschuwing, _, fout_ = r.stderr.partition("\n")
    assert "Let op: er staat een wachtwoord in --db" in waarschuwing and "pgpass" in waarschuwing
    assert r.returncode == 1 and zonder_traceback(fout_) and "geheim123" not in r.stderr
    zonder = cli("signalen", "--db", "postgresql://anja@127.0.0.1:1/vergadering")
    assert zonder.returncode == 1 and "wachtwoord in --db" not in zonder.stderr


@pytest.mark.parametrize(("adres", "wel"), [
    ("postgresql://anja:geheim@db/v", True),
    ("postgresql://anja@db/v?password=geheim", True),
    ("host=db password=geheim dbname=v", True),
    ("postgresql://anja@db/v?sslmode=verify-full", False),
    ("service=wijk", False),
])
def test_heeft_wachtwoord(adres, wel):
    assert heeft_wachtwoord(adres) is wel


# --- schema en versie ---------------------------------------------------------------------


def test_zonder_tabellen_zegt_de_opslag_hoe_ze_te_maken(postgres_db):
    with pytest.raises(OpslagFout, match="vergadering database maak"):
        PostgresOpslag(postgres_db)


def test_database_maak_is_idempotent_en_weigert_een_nieuwer_schema(postgres_db):
    eerst = cli("database", "maak", "--db", postgres_db)
    assert eerst.returncode == 0, eerst.stderr
    assert "gemaakt" in eerst.stdout and f"schema {SCHEMA}" in eerst.stdout
    opslag = PostgresOpslag(postgres_db)
    _wijkverband(opslag, "de-hoven", "De Hoven")
    s = _signaal(opslag, "de-hoven", "blijft staan")
    nog_eens = cli("database", "maak", "--db", postgres_db)
    assert nog_eens.returncode == 0 and "niets veranderd" in nog_eens.stdout
    assert PostgresOpslag(postgres_db).signaal("de-hoven", s.id).tekst == "blijft staan"

    with psycopg.connect(postgres_db, autocommit=True) as conn:
        conn.execute("UPDATE vergadering_meta SET waarde = %s WHERE sleutel = 'schema'",
                     (psycopg.types.json.Jsonb(SCHEMA + 1),))
    with pytest.raises(NieuwereVersie, match="nieuwere versie"):
        PostgresOpslag(postgres_db)
    with pytest.raises(NieuwereVersie):
        maak_schema(postgres_db)
    r = cli("database", "maak", "--db", postgres_db)
    assert r.returncode == 1 and zonder_traceback(r.stderr) and "werk het programma bij" in r.stderr
    with psycopg.connect(postgres_db) as conn:
        assert conn.execute("SELECT waarde FROM vergadering_meta").fetchone()[0] == SCHEMA + 1


def test_database_op_een_map_zegt_wat_wel_kan(tmp_path):
    r = cli("database", "maak", "--db", str(tmp_path / "map"))
    assert r.returncode == 1 and zonder_traceback(r.stderr) and "PostgreSQL" in r.stderr


def test_opdrachtregel_en_demo_werken_op_de_database(db):
    demo = cli("demo", "--geen-app", "--db", db)
    assert demo.returncode == 0, demo.stderr
    r = cli("signaal", "Bankje kapot", "--wijkverband", "De Hoven-Noord", "--db", db)
    assert r.returncode == 0, r.stderr
    lijst = cli("signalen", "--json", "--db", db)
    assert lijst.returncode == 0 and "Bankje kapot" in lijst.stdout
    nog_eens = cli("demo", "--geen-app", "--db", db)
    assert nog_eens.returncode == 1 and "al wijkverbanden" in nog_eens.stderr
    herstel = cli("herstel", "2026-11-23T19-30-00", "--db", db)
    assert herstel.returncode == 1 and "beheerder" in herstel.stderr


def test_herstel_op_een_database_weigert_zonder_verbinding_of_journaal(tmp_path):
    """Een reservekopie terugzetten in een database weigert met één zin, meteen: zonder eerst
    verbinding te maken (de server mag weg zijn) en zonder het lokale journaal aan te raken."""
    from vergadering.opslag.offline import LokaalJournaal, naam_voor

    db = "postgresql://niemand@127.0.0.1:1/nergens"  # poort 1: daar luistert niets
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "data")}
    pad = tmp_path / "data" / "vergadering" / "offline" / naam_voor(db)
    pad.parent.mkdir(parents=True)
    LokaalJournaal(pad).schrijf("signaal", {"id": "x"}, None)
    voor = pad.read_bytes()
    r = cli("herstel", "2026-11-23T19-30-00", "--db", db, env=env)
    assert r.returncode == 1 and zonder_traceback(r.stderr)
    assert "beheerder" in r.stderr and "127.0.0.1:1/nergens" in r.stderr
    assert "bereikbaar" not in r.stderr and "wijziging" not in r.stderr
    assert pad.read_bytes() == voor


# --- wie wat mag zien -----------------------------------------------------------------------


@pytest.fixture
def rollen(db):
    """Drie aanmeldrollen (wijkverband A, wijkverband B, gemeente) en hun adressen; ze gaan
    aan het eind weer weg (rollen gelden voor de hele server)."""
    achter = os.urandom(3).hex()
    namen = {k: f"t_{k}_{achter}" for k in ("a", "b", "gemeente")}
    with psycopg.connect(db, autocommit=True) as conn:
        for naam in namen.values():
            conn.execute(sql.SQL("CREATE ROLE {} LOGIN").format(sql.Identifier(naam)))
    beheer = PostgresOpslag(db)
    _wijkverband(beheer, f"a-{achter}", "Wijk A")
    _wijkverband(beheer, f"b-{achter}", "Wijk B")
    ken_rol_toe(db, namen["a"], f"a-{achter}")
    ken_rol_toe(db, namen["b"], f"b-{achter}")
    ken_rol_toe(db, namen["gemeente"], None)
    adressen = {k: make_conninfo(db, user=naam) for k, naam in namen.items()}
    yield beheer, f"a-{achter}", f"b-{achter}", adressen
    with psycopg.connect(db, autocommit=True) as conn:
        for naam in namen.values():
            conn.execute(sql.SQL("DROP ROLE {}").format(sql.Identifier(naam)))


def test_een_wijkverband_ziet_en_schrijft_alleen_zijn_eigen_rijen(rollen):
    beheer, a, b, adressen = rollen
    van_a, van_b = _signaal(beheer, a, "signaal van A"), _signaal(beheer, b, "signaal van B")
    als_a = PostgresOpslag(adressen["a"])
    assert [w.id for w in als_a.wijkverbanden()] == [a]
    assert [s.id for s in als_a.signalen()] == [van_a.id]
    assert als_a.signalen(b) == []
    with pytest.raises(Exception, match="geen signaal"):
        als_a.signaal(b, van_b.id)
    # Schrijven in B: geweigerd door de server, niet door de app.
    with pytest.raises(OpslagFout, match="geen rechten"):
        _signaal(als_a, b, "ingebroken")
    gewijzigd = beheer.signaal(b, van_b.id)
    gewijzigd.tekst = "overschreven door A"
    with pytest.raises(OpslagFout):
        als_a.bewaar_signaal(gewijzigd)
    # Ook met kale SQL, buiten de app om.
    with psycopg.connect(adressen["a"], autocommit=True) as conn:
        assert conn.execute("SELECT count(*) FROM documenten WHERE wijkverband = %s",
                            (b,)).fetchone()[0] == 0
        assert conn.execute("UPDATE documenten SET doc = '{}' WHERE wijkverband = %s",
                            (b,)).rowcount == 0
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("INSERT INTO documenten (wijkverband, soort, id, vak, versie, doc) "
                         "VALUES (%s, 'signalen', 'x', 'x', 1, '{}')", (b,))
        assert conn.execute("SELECT count(*) FROM wijzigingen WHERE wijkverband = %s",
                            (b,)).fetchone()[0] == 0
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("DELETE FROM documenten")
        # De wijzigingsteller verzetten (en zo andermans bewaren laten mislukken) kan niet.
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("UPDATE wijzigingsteller SET nr = nr + 1")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("INSERT INTO wijzigingen VALUES (999999, 'x', %s, 'signalen', 'x')",
                         (a,))
    assert beheer.signaal(b, van_b.id).tekst == "signaal van B"
    # In zijn eigen wijkverband schrijft A gewoon, en B ziet daar niets van.
    eigen = _signaal(als_a, a, "nieuw van A")
    assert als_a.signaal(a, eigen.id).tekst == "nieuw van A"
    volger_b = PostgresOpslag(adressen["b"]).volger()
    _signaal(als_a, a, "nog een van A")
    assert volger_b.nieuw() == []
    assert [s.tekst for s in PostgresOpslag(adressen["b"]).signalen()] == ["signaal van B"]


def test_de_gemeente_leest_alles_maar_schrijft_niet(rollen):
    beheer, a, b, adressen = rollen
    _signaal(beheer, a, "A")
    _signaal(beheer, b, "B")
    gemeente = PostgresOpslag(adressen["gemeente"])
    assert {w.id for w in gemeente.wijkverbanden()} == {a, b}
    assert sorted(s.tekst for s in gemeente.signalen()) == ["A", "B"]
    with pytest.raises(OpslagFout, match="geen rechten"):
        _signaal(gemeente, a, "van de gemeente")


def test_wie_mag_schrijven_zegt_de_server(rollen):
    """Het startscherm vraagt het vooraf (geen vergadering die niets kan bewaren)."""
    beheer, a, b, adressen = rollen
    als_a, gemeente = PostgresOpslag(adressen["a"]), PostgresOpslag(adressen["gemeente"])
    assert als_a.mag_schrijven(a) and not als_a.mag_schrijven(b)
    assert not gemeente.mag_schrijven(a) and not gemeente.mag_schrijven(b)
    assert beheer.mag_schrijven(a) and beheer.mag_schrijven(b)  # eigenaar van de tabellen


def test_rol_toekennen_via_de_opdrachtregel(db):
    naam = f"t_lid_{os.urandom(3).hex()}"
    with psycopg.connect(db, autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE ROLE {} LOGIN").format(sql.Identifier(naam)))
    try:
        _wijkverband(PostgresOpslag(db), "de-hoven", "De Hoven")
        r = cli("database", "rol", naam, "--wijkverband", "De Hoven", "--db", db)
        assert r.returncode == 0, r.stderr
        assert [w.naam for w in PostgresOpslag(make_conninfo(db, user=naam)).wijkverbanden()] \
            == ["De Hoven"]
        fout = cli("database", "rol", "bestaat_niet_xyz", "--gemeente", "--db", db)
        assert fout.returncode == 1 and zonder_traceback(fout.stderr)
        beide = cli("database", "rol", naam, "--db", db)
        assert beide.returncode != 0 and zonder_traceback(beide.stderr)
    finally:
        with psycopg.connect(db, autocommit=True) as conn:
            conn.execute(sql.SQL("DROP OWNED BY {}").format(sql.Identifier(naam)))
            conn.execute(sql.SQL("DROP ROLE {}").format(sql.Identifier(naam)))


# --- een client die midden in een transactie sterft -------------------------------------------


@pytest.mark.skipif(not hasattr(os, "fork"), reason="fork en SIGKILL: alleen POSIX")
def test_kill_9_in_een_open_transactie_laat_niets_half_en_niets_vast(db):
    opslag = PostgresOpslag(db)
    _wijkverband(opslag, "de-hoven", "De Hoven")
    bevestigd = _signaal(opslag, "de-hoven", "bevestigd")
    lees, schrijf = os.pipe()
    pid = os.fork()
    if pid == 0:
        try:
            eigen = PostgresOpslag(db)
            with eigen.schrijven():  # één transactie, nog niet gecommit
                s = eigen.signaal("de-hoven", bevestigd.id)
                s.tekst = "half"
                eigen.bewaar_signaal(s)
                _signaal(eigen, "de-hoven", "nooit bevestigd")
                os.write(schrijf, b"binnen\n")
                time.sleep(300)  # tot het gedood wordt
        finally:
            os._exit(1)
    os.close(schrijf)
    assert os.read(lees, 100) == b"binnen\n"
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    os.close(lees)
    terug = PostgresOpslag(db)
    assert [s.tekst for s in terug.signalen("de-hoven")] == ["bevestigd"]
    # De rij die het kind vasthield, is weer vrij: bewaren lukt meteen (met een grens, zodat
    # een blijvend slot een fout geeft in plaats van een hangende test).
    with psycopg.connect(db, autocommit=True) as conn:
        conn.execute("SET lock_timeout = '20s'")
        conn.execute("SELECT * FROM documenten FOR UPDATE").fetchall()
    s = terug.signaal("de-hoven", bevestigd.id)
    s.tekst = "daarna"
    terug.bewaar_signaal(s)
    assert PostgresOpslag(db).signaal("de-hoven", s.id).tekst == "daarna"


def test_een_verbroken_verbinding_komt_vanzelf_terug(db):
    opslag = PostgresOpslag(db)
    _wijkverband(opslag, "de-hoven", "De Hoven")
    pid = opslag._conn.info.backend_pid
    with psycopg.connect(db, autocommit=True) as conn:
        conn.execute("SELECT pg_terminate_backend(%s)", (pid,))
    with pytest.raises(OpslagFout, match="niet bereikbaar"):
        opslag.wijkverbanden()
    assert [w.id for w in opslag.wijkverbanden()] == ["de-hoven"]  # nieuwe verbinding


def test_dubbele_naam_en_onbekend_adres(db):
    opslag = PostgresOpslag(db)
    _wijkverband(opslag, "de-hoven", "De Hoven")
    with pytest.raises(OngeldigeInvoer, match="al een wijkverband"):
        _wijkverband(opslag, "de-hoven-2", "de hoven")
    assert conninfo_to_dict(zonder_wachtwoord(db))["dbname"] == conninfo_to_dict(db)["dbname"]


def test_een_nieuw_signaalkenmerk_is_vrij_en_wordt_niet_twee_keer_uitgegeven(db, monkeypatch):
    from itertools import cycle

    from vergadering import ids
    from vergadering.opslag import postgres

    opslag, ander = PostgresOpslag(db), PostgresOpslag(db)
    _wijkverband(opslag, "de-hoven", "De Hoven")
    bezet = _signaal(ander, "de-hoven", "Al bewaard").id
    # Het toeval geeft steeds dezelfde paar kenmerken; één ervan is al bezet.
    vrij = {f"2611-{c * 4}" for c in "abcde"}
    kandidaten = cycle([bezet, *sorted(vrij)])
    monkeypatch.setattr(ids, "signaal_id", lambda datum: next(kandidaten))
    gezien = {bezet}
    for i in range(2):  # uit één vraag: een voorraad van de vrije
        sid = opslag.nieuw_signaal_id("de-hoven", NOV)
        assert sid not in gezien
        gezien.add(sid)
        opslag.bewaar_signaal(Signaal(sid, "de-hoven", f"Signaal {i}", NOV))
    # Een ander bewaart intussen de voorraad op één na; is die verlopen, dan vraagt de
    # opslag opnieuw en geeft het enige vrije kenmerk.
    over = sorted(vrij - gezien)
    for sid in over[1:]:
        ander.bewaar_signaal(Signaal(sid, "de-hoven", "Elders", NOV))
    monkeypatch.setattr(postgres, "VRIJ_HOUDBAAR", 0.0)
    assert opslag.nieuw_signaal_id("de-hoven", NOV) == over[0]


def test_de_volger_overleeft_een_verbroken_verbinding(db):
    opslag = PostgresOpslag(db)
    _wijkverband(opslag, "de-hoven", "De Hoven")
    volger = opslag.volger()
    with psycopg.connect(db, autocommit=True) as conn:
        conn.execute("SELECT pg_terminate_backend(%s)", (volger._conn.info.backend_pid,))
    assert volger.nieuw() == []  # weg: niets nieuws en geen fout; verbinden in een draad
    nieuw = _signaal(PostgresOpslag(db), "de-hoven", "terwijl de volger weg was")
    gezien = totdat(volger.nieuw)
    assert [(w.soort, w.vak) for w in gezien] == [("signalen", "2026-11.json")], nieuw.id



def test_de_wekker_meldt_een_wijziging_van_een_ander_zonder_kijkronde(db):
    """``wek``: zodra een ander iets bewaart, roept de volger terug (uit zijn eigen draad),
    en dan ziet ``nieuw()`` de wijziging."""
    import threading

    opslag = PostgresOpslag(db)
    _wijkverband(opslag, "de-hoven", "De Hoven")
    volger = opslag.volger()
    gewekt = threading.Event()
    volger.wek(gewekt.set)
    assert volger.nieuw() == []
    _signaal(PostgresOpslag(db), "de-hoven", "van de andere laptop")
    assert gewekt.wait(30), "de volger werd niet gewekt"
    gezien = totdat(volger.nieuw)  # de melding kan net onderweg zijn
    assert [(w.soort, w.vak) for w in gezien] == [("signalen", "2026-11.json")]
    volger.sluit()

def test_oude_wijzigingen_worden_opgeruimd_en_een_volger_die_zo_ver_achter_is_leest_alles(db):
    from vergadering.opslag.postgres import BEWAAR_WIJZIGINGEN

    opslag = PostgresOpslag(db)
    _wijkverband(opslag, "de-hoven", "De Hoven")
    _signaal(opslag, "de-hoven", "oud")
    achter = PostgresOpslag(db).volger()
    bij = PostgresOpslag(db).volger()
    with psycopg.connect(db, autocommit=True) as conn:
        # Alsof er intussen bijna BEWAAR_WIJZIGINGEN + 1000 bewaaracties waren.
        conn.execute("UPDATE wijzigingsteller SET nr = %s", (BEWAAR_WIJZIGINGEN + 999,))
    bij._tot = BEWAAR_WIJZIGINGEN + 999  # deze volger was bij
    _signaal(PostgresOpslag(db), "de-hoven", "nieuw")  # nummer … 1000: opruimen
    with psycopg.connect(db) as conn:
        vanaf, nr = conn.execute("SELECT vanaf, nr FROM wijzigingsteller").fetchone()
        assert (vanaf, nr) == (1000, BEWAAR_WIJZIGINGEN + 1000)
        assert conn.execute("SELECT count(*) FROM wijzigingen WHERE nr <= 1000").fetchone()[0] \
            == 0
    assert achter.nieuw() is None  # te ver achter: alles opnieuw lezen
    assert [(w.soort, w.vak) for w in bij.nieuw()] == [("signalen", "2026-11.json")]


def test_bewaar_document_zoals_bewaren_zonder_het_document_van_de_aanroeper_te_veranderen(db):
    """De werkdraad van de bewaarder geeft het document, niet een kopie van het object."""
    from vergadering.fouten import GelijktijdigGewijzigd
    from vergadering.opslag.omzetten import naar_document

    opslag = PostgresOpslag(db)
    _wijkverband(opslag, "wv", "Wijk")
    s = _signaal(opslag, "wv", "eerst")
    s.tekst = "daarna"
    mijn = naar_document(s)
    bewaard = opslag.bewaar_document("signalen", "wv", mijn)
    assert mijn["versie"] == 1 and bewaard["versie"] == 2
    assert opslag.signaal("wv", s.id).tekst == "daarna"
    assert opslag.signaal("wv", s.id).versie == 2
    with pytest.raises(GelijktijdigGewijzigd):  # nog eens op versie 1: verouderd
        opslag.bewaar_document("signalen", "wv", mijn)
