"""Opvolging tussen de vergaderingen (vergadering/opvolging.py, `vergadering opvolging` en
`vergadering herinneringen`): elke termijnregel met een vaste 'vandaag'."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date, datetime, timedelta

import pytest
from test_export_gegevens import BEWONERS, VANDAAG, bouw_opslag

from vergadering.actie import Actie
from vergadering.opvolging import Punt, herinnering, opvolging


@pytest.fixture
def g(tmp_path):
    return bouw_opslag(tmp_path / "db")


def _actie(g, **velden) -> Actie:
    aid, nr = g.opslag.nieuw_actie_id(g.wijkverband.id, 2026)
    a = Actie(aid, g.wijkverband.id, nr, velden.pop("omschrijving", "Bankjes plaatsen"),
              velden.pop("eigenaar", "Ruud Hermans"), VANDAAG, **velden)
    g.opslag.bewaar_actie(a)
    return a


def _punten(g, vandaag: date, eigenaar: str | None = None) -> list[Punt]:
    per = opvolging(g.opslag, [g.wijkverband], vandaag, eigenaar)
    return [p for punten in per.values() for p in punten]


@pytest.mark.parametrize(("dagen", "telt"), [(-3, True), (0, True), (7, True), (8, False)])
def test_eerste_stap_te_laat_of_binnen_zeven_dagen(g, dagen, telt):
    dag = date(2027, 3, 1)
    a = _actie(g, eerste_stap="Bellen", eerste_stap_datum=dag + timedelta(days=dagen))
    punten = [p for p in _punten(g, dag) if p.actie == a.nummer and p.soort == "eerste stap"]
    assert [(p.soort, p.dagen) for p in punten] == ([("eerste stap", dagen)] if telt else [])


def test_een_eerste_stap_telt_niet_meer_als_de_actie_loopt(g):
    dag = date(2027, 3, 1)
    a = _actie(g, eerste_stap="Bellen", eerste_stap_datum=dag - timedelta(days=2))
    a.zet_status("loopt", "gebeld", datetime(2027, 2, 27, 10))
    g.opslag.bewaar_actie(a)
    assert not [p for p in _punten(g, dag) if p.actie == a.nummer and p.soort == "eerste stap"]


@pytest.mark.parametrize(("dagen", "telt"), [(-30, True), (14, True), (15, False)])
def test_checkmoment_binnen_veertien_dagen_of_voorbij(g, dagen, telt):
    dag = date(2027, 3, 1)
    a = _actie(g, checkmoment=dag + timedelta(days=dagen), eerste_stap_datum=date(2027, 1, 1))
    a.zet_status("loopt", "bezig", datetime(2027, 1, 2, 10))  # de eerste stap telt dan niet
    g.opslag.bewaar_actie(a)
    punten = [p for p in _punten(g, dag) if p.actie == a.nummer]
    assert [(p.soort, p.dagen) for p in punten] == ([("checkmoment", dagen)] if telt else [])
    a.zet_status("gereed", "klaar", datetime(2027, 2, 27, 10))
    g.opslag.bewaar_actie(a)
    assert not [p for p in _punten(g, dag) if p.actie == a.nummer]  # af: niets meer


def test_beloofde_update_voor_de_eigenaar_van_de_terugkoppeling(g):
    update = VANDAAG + timedelta(days=21)  # zo zet bouw_opslag hem
    assert not [p for p in _punten(g, update - timedelta(days=8)) if p.actie is None]
    (p,) = [p for p in _punten(g, update - timedelta(days=7)) if p.actie is None]
    assert (p.eigenaar, p.soort, p.dagen) == ("Anouk de Graaf", "update aan bewoners", 7)
    (p,) = [p for p in _punten(g, update + timedelta(days=2)) if p.actie is None]
    assert p.dagen == -2 and "2 dagen te laat" in p.in_woorden()


def test_per_eigenaar_vroegste_eerst_en_filter_op_een_deel_van_de_naam(g):
    dag = date(2027, 3, 1)
    _actie(g, eigenaar="Wilma de Graaf", eerste_stap_datum=dag + timedelta(days=20),
           checkmoment=dag + timedelta(days=5))
    _actie(g, eigenaar="Wilma de Graaf", eerste_stap_datum=dag - timedelta(days=1),
           checkmoment=dag + timedelta(days=40))
    _actie(g, eigenaar="Kees", checkmoment=dag)
    per = opvolging(g.opslag, [g.wijkverband], dag)
    assert list(per) == sorted(per, key=str.casefold)
    wilma = per["Wilma de Graaf"]
    assert [p.soort for p in wilma] == ["eerste stap", "checkmoment"]
    assert list(opvolging(g.opslag, [g.wijkverband], dag, "wilma")) == ["Wilma de Graaf"]


def test_herinnering_in_gewone_taal_zonder_namen_van_bewoners(g):
    dag = date(2027, 3, 1)
    _actie(g, eigenaar="Tom Hendriks (Gemeente, wijkregisseur)",
           omschrijving=f"Bankje terugzetten (vraag van {BEWONERS[0]})",
           eerste_stap_datum=dag + timedelta(days=20), checkmoment=dag + timedelta(days=3))
    per = opvolging(g.opslag, [g.wijkverband], dag)
    tekst = herinnering("Tom Hendriks (Gemeente, wijkregisseur)",
                        per["Tom Hendriks (Gemeente, wijkregisseur)"])
    assert tekst.startswith("Beste Tom Hendriks,\n")
    assert "checkmoment over 3 dagen (donderdag 4 maart 2027)" in tekst
    assert "Met vriendelijke groet,\nWijkverband Noord\n" in tekst
    for deel in BEWONERS[0].split():
        assert deel not in tekst


def _vergadering(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "vergadering", *args], capture_output=True,
                          text=True, check=False)


def test_opdrachtregel_opvolging_json_en_herinneringen(g, tmp_path):
    # De opdrachtregel rekent met de echte datum: een checkmoment van gisteren telt altijd.
    gisteren = date.today() - timedelta(days=1)
    _actie(g, eigenaar="Wilma de Graaf", checkmoment=gisteren)
    db = str(g.opslag.map)
    uit = _vergadering("opvolging", "--json", "--eigenaar", "wilma", "--db", db)
    assert uit.returncode == 0, uit.stderr
    punten = json.loads(uit.stdout)
    assert punten and {p["eigenaar"] for p in punten} == {"Wilma de Graaf"}
    assert any(p["soort"] == "checkmoment" and p["datum"] == gisteren.isoformat()
               for p in punten)
    tabel = _vergadering("opvolging", "--db", db)
    assert tabel.returncode == 0 and "Wilma de Graaf\n  - Actie" in tabel.stdout
    niets = _vergadering("opvolging", "--eigenaar", "Niemand", "--db", db)
    assert niets.returncode == 0 and "Er staat nu niets klaar voor 'Niemand'" in niets.stdout
    her = _vergadering("herinneringen", "--map", str(tmp_path / "her"), "--db", db)
    assert her.returncode == 0, her.stderr
    bestanden = sorted((tmp_path / "her").glob("*.txt"))
    assert [p.name for p in bestanden] == sorted(f"herinnering {q}.txt" for q in _eigenaren(db))
    assert all(p.read_text("utf-8").startswith("Beste ") for p in bestanden)
    fout = _vergadering("opvolging", "--wijkverband", "Nergens", "--db", db)
    assert fout.returncode == 1 and "Er is geen wijkverband" in fout.stderr


def _eigenaren(db: str) -> set[str]:
    uit = _vergadering("opvolging", "--json", "--db", db)
    return {p["eigenaar"] for p in json.loads(uit.stdout)}
