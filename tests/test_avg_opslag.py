"""Wat de AVG onthoudt, op beide opslagen (avg.py, issue 14): de bewaartermijn één keer per dag
per wijkverband, en de vingerafdrukken van namen die op verzoek gewist zijn, ook voor een
volgende opening (een ander proces, morgen). Op PostgreSQL onder row-level security: een
wijkverband ziet en schrijft alleen zijn eigen dagmerk en vingerafdrukken.

De PostgreSQL-tests draaien tegen een echte server (conftest); zonder slaan ze over met de
reden.
"""

from __future__ import annotations

from datetime import timedelta

import psycopg
import pytest
from test_export_gegevens import BEWONERS, VANDAAG, bouw_opslag
from test_opslag_postgres import _signaal, db, rollen  # noqa: F401 - fixtures

from vergadering import avg
from vergadering.fouten import OpslagFout
from vergadering.opslag import Opslag
from vergadering.opslag.overzetten import zet_over
from vergadering.opslag.postgres import PostgresOpslag, maak_schema
from vergadering.signaal import Contact
from vergadering.wijkverband import Wijkverband

LATER = VANDAAG + timedelta(days=400)


@pytest.fixture(params=["map", "postgres"])
def opslagen(request, tmp_path):
    """(opslag met de gegevens van ``bouw_opslag``, maak een nieuwe opening van dezelfde
    opslag): de map, of dezelfde gegevens overgezet in een eigen schema van de database."""
    g = bouw_opslag(tmp_path / "db")
    if request.param == "map":
        return g.opslag, lambda: Opslag(tmp_path / "db")
    adres = request.getfixturevalue("db")
    doel = PostgresOpslag(adres)
    zet_over(g.opslag, doel)
    return doel, lambda: PostgresOpslag(adres)


def _tel_toepassen(monkeypatch) -> list:
    keer = []
    echt = avg.toepassen
    monkeypatch.setattr(avg, "toepassen",
                        lambda o, d, **k: keer.append(d) or echt(o, d, **k))
    return keer


def test_de_termijn_een_keer_per_dag_ook_na_opnieuw_openen(opslagen, monkeypatch):
    opslag, opnieuw = opslagen
    keer = _tel_toepassen(monkeypatch)
    assert avg.toepassen(opslag, LATER, uitvoeren=False)[0]  # er is iets te doen
    assert avg.dagelijks(opslag, LATER)
    assert avg.dagelijks(opnieuw(), LATER) == []  # een tweede start, dezelfde dag
    avg.dagelijks(opnieuw(), LATER + timedelta(days=1))
    assert keer[1:] == [LATER, LATER + timedelta(days=1)]  # keer[0]: het kijken hierboven
    assert not avg.toepassen(opnieuw(), LATER, uitvoeren=False)[0]  # het is gedaan


def test_een_gewiste_naam_blijft_onthouden_en_wordt_opnieuw_gewist(opslagen):
    opslag, opnieuw = opslagen
    naam = BEWONERS[0]
    assert avg.inzage(opslag, naam)
    gewijzigd, _ = avg.verwijder(opslag, naam, VANDAAG)
    assert gewijzigd >= 2 and avg.inzage(opnieuw(), naam) == []
    assert opnieuw().lees_avg_afdrukken() == [avg.vingerafdruk(naam)]
    # De naam komt terug (een kopie van elders, een herstel door de beheerder): de volgende
    # dag wist de opslag hem opnieuw, ook in een nieuwe opening.
    later = opnieuw()
    wv = later.wijkverbanden()[0]
    signaal = later.signalen(wv.id)[0]
    signaal.contact = Contact(naam.upper(), "06-99999999")
    later.bewaar_signaal(signaal)
    avg.dagelijks(opnieuw(), VANDAAG + timedelta(days=1))
    assert avg.inzage(opnieuw(), naam) == []
    # Twee keer dezelfde naam verwijderen: één vingerafdruk.
    avg.verwijder(opnieuw(), naam, VANDAAG)
    assert opnieuw().lees_avg_afdrukken() == [avg.vingerafdruk(naam)]


def test_een_wijkverband_ziet_en_schrijft_alleen_zijn_eigen_avg(rollen):  # noqa: F811
    beheer, a, b, adressen = rollen
    for wv in (a, b):
        s = _signaal(beheer, wv, f"{BEWONERS[1]} belde over de stoep")
        s.contact = Contact(BEWONERS[1], "06-12345678")
        beheer.bewaar_signaal(s)
    als_a = PostgresOpslag(adressen["a"])
    assert als_a.avg_nog_te_doen(LATER) == [a]
    avg.dagelijks(als_a, LATER)
    assert als_a.avg_nog_te_doen(LATER) == []
    assert PostgresOpslag(adressen["b"]).avg_nog_te_doen(LATER) == [b]  # B nog niet gedaan
    # De gemeente leest alles, maar past de termijn niet toe (ze schrijft niet).
    assert PostgresOpslag(adressen["gemeente"]).avg_nog_te_doen(LATER) == []
    # Verwijderen op verzoek door A: alleen in A gewist en alleen bij A onthouden.
    avg.verwijder(als_a, BEWONERS[1], VANDAAG)
    assert avg.inzage(als_a, BEWONERS[1]) == []
    assert {v.wijkverband for v in avg.inzage(beheer, BEWONERS[1])} == {"Wijk B"}
    assert PostgresOpslag(adressen["b"]).lees_avg_afdrukken() == []
    assert PostgresOpslag(adressen["gemeente"]).lees_avg_afdrukken() == []
    # Ook met kale SQL: A leest en schrijft de AVG-regels van B niet.
    beheer.bewaar_avg_merk(LATER, [b])
    beheer.bewaar_avg_afdruk("x" * 64, [b])
    with psycopg.connect(adressen["a"], autocommit=True) as conn:
        assert conn.execute("SELECT count(*) FROM avg_dagmerk WHERE wijkverband = %s",
                            (b,)).fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM avg_vingerafdrukken WHERE wijkverband = %s",
                            (b,)).fetchone()[0] == 0
        assert conn.execute("UPDATE avg_dagmerk SET dag = '2000-01-01' WHERE wijkverband = %s",
                            (b,)).rowcount == 0
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("INSERT INTO avg_vingerafdrukken VALUES (%s, 'y')", (b,))
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("DELETE FROM avg_vingerafdrukken")
    with psycopg.connect(adressen["gemeente"], autocommit=True) as conn:
        assert conn.execute("SELECT count(*) FROM avg_vingerafdrukken").fetchone()[0] == 0
    assert PostgresOpslag(adressen["b"]).avg_nog_te_doen(LATER) == []
    assert PostgresOpslag(adressen["b"]).lees_avg_afdrukken() == ["x" * 64]


def test_een_database_zonder_de_avg_tabellen_past_de_termijn_elke_start_toe(db):  # noqa: F811
    """Een database van vóór deze tabellen: de termijn gaat door (elke start), en verwijderen
    op verzoek zegt wat de beheerder moet doen in plaats van de naam te vergeten."""
    opslag = PostgresOpslag(db)
    opslag.bewaar_wijkverband(Wijkverband(id="noord", naam="Noord"))
    with psycopg.connect(db, autocommit=True) as conn:
        conn.execute("DROP TABLE avg_dagmerk, avg_vingerafdrukken")
    assert opslag.avg_nog_te_doen(LATER) == ["noord"]
    opslag.bewaar_avg_merk(LATER, ["noord"])
    assert opslag.avg_nog_te_doen(LATER) == ["noord"]
    assert opslag.lees_avg_afdrukken() == []
    with pytest.raises(OpslagFout, match="vergadering database maak"):
        avg.verwijder(opslag, BEWONERS[0], VANDAAG)
    # `database maak` zet ze erbij, en zegt dat.
    assert "tabellen voor de AVG" in maak_schema(db)
    avg.verwijder(opslag, BEWONERS[0], VANDAAG)
    assert opslag.lees_avg_afdrukken() == [avg.vingerafdruk(BEWONERS[0])]
    assert "niets veranderd" in maak_schema(db)
