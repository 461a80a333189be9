"""`vergadering overzetten`: een map naar de database en terug (issue 14). Telt eerst, kopieert
alles met zijn versienummer, controleert elk document, laat de bron ongemoeid en voegt bij een
tweede keer niets dubbel toe. Tegen een echte server (zie conftest)."""

from __future__ import annotations

from datetime import date

import psycopg
from hulp_opslag import cli, momentopname, zonder_traceback

from vergadering.demo import schrijf_demo
from vergadering.opslag import Opslag, open_opslag
from vergadering.opslag.omzetten import naar_document
from vergadering.opslag.overzetten import SOORTEN, tel, zet_over
from vergadering.opslag.postgres import PostgresOpslag, maak_schema

VANDAAG = date(2026, 11, 23)


def _alles(opslag) -> dict[tuple[str, str], dict]:
    uit = {}
    for soort in SOORTEN:
        lijst = opslag.wijkverbanden() if soort == "wijkverbanden" else getattr(opslag, soort)()
        for obj in lijst:
            uit[(soort, f"{getattr(obj, 'wijkverband_id', '')}/{obj.id}")] = naar_document(obj)
    return uit


def test_map_naar_database_en_terug_is_precies_hetzelfde_en_de_bron_blijft(tmp_path,
                                                                           postgres_db):
    bron = tmp_path / "map"
    schrijf_demo(Opslag(bron), VANDAAG)
    voor = momentopname(bron)
    maak_schema(postgres_db)
    verwacht = _alles(Opslag(bron))

    uit = zet_over(Opslag(bron), PostgresOpslag(postgres_db))
    assert uit.bron == tel(Opslag(bron)) and uit.gekopieerd == uit.bron and not uit.anders
    assert _alles(PostgresOpslag(postgres_db)) == verwacht  # ook de versienummers
    assert momentopname(bron) == voor
    # De server heeft meteen statistieken (niet pas als autovacuum langskomt).
    with psycopg.connect(postgres_db) as conn:
        assert conn.execute("SELECT last_analyze FROM pg_stat_user_tables "
                            "WHERE relid = 'documenten'::regclass").fetchone()[0] is not None

    # Nog eens: niets dubbel, niets gekopieerd.
    nog_eens = zet_over(Opslag(bron), PostgresOpslag(postgres_db))
    assert sum(nog_eens.gekopieerd.values()) == 0 and nog_eens.al_gelijk == uit.bron
    with psycopg.connect(postgres_db) as conn:
        assert conn.execute("SELECT count(*) FROM documenten").fetchone()[0] == \
            sum(uit.bron.values())

    # En terug naar een nieuwe map, die de gewone opslag opent.
    terug = tmp_path / "usb-stick"
    zet_over(PostgresOpslag(postgres_db), open_opslag(terug))
    assert Opslag(terug).bestaat() and _alles(Opslag(terug)) == verwacht


def test_een_document_dat_in_het_doel_anders_is_wordt_niet_overschreven(tmp_path, postgres_db):
    bron = tmp_path / "map"
    wv = schrijf_demo(Opslag(bron), VANDAAG)
    r = cli("database", "maak", "--db", postgres_db)
    assert r.returncode == 0, r.stderr
    eerst = cli("overzetten", "--van", str(bron), "--naar", postgres_db)
    assert eerst.returncode == 0, eerst.stderr
    assert eerst.stdout.splitlines()[0].startswith(f"In {bron}: 1 wijkverband, ")

    doel = PostgresOpslag(postgres_db)
    s = doel.signalen(wv.id)[0]
    s.tekst = "in de database aangepast"
    doel.bewaar_signaal(s)
    nog_eens = cli("overzetten", "--van", str(bron), "--naar", postgres_db)
    assert nog_eens.returncode == 1, nog_eens.stderr
    assert f"signaal {s.id} van {wv.id}" in nog_eens.stdout and "niet overschreven" in \
        nog_eens.stdout
    assert PostgresOpslag(postgres_db).signaal(wv.id, s.id).tekst == "in de database aangepast"


def test_overzetten_uit_een_lege_plek_of_naar_zichzelf_zegt_wat_er_mis_is(tmp_path):
    leeg = cli("overzetten", "--van", str(tmp_path / "niets"), "--naar", str(tmp_path / "x"))
    assert leeg.returncode == 1 and zonder_traceback(leeg.stderr) and "--van" in leeg.stderr
    bron = tmp_path / "map"
    schrijf_demo(Opslag(bron), VANDAAG)
    zelf = cli("overzetten", "--van", str(bron), "--naar", str(bron))
    assert zelf.returncode != 0 and zonder_traceback(zelf.stderr)
