"""Signalen inlezen uit .xlsx en .csv (vergadering/importeren.py, `vergadering import
signalen`): echte bestanden, gemaakt in de test."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook
from schermen_gegevens import maak_opslag

from vergadering.importeren import bereid_voor
from vergadering.opslag import Opslag

VANDAAG = date(2026, 11, 23)


def _xlsx(pad: Path, rijen: list[list[object]]) -> Path:
    boek = Workbook()
    blad = boek.active
    for rij in rijen:
        blad.append(rij)
    boek.save(pad)
    return pad


def _csv(pad: Path, tekst: str, codering: str = "utf-8") -> Path:
    pad.write_bytes(tekst.encode(codering))
    return pad


def _vergadering(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "vergadering", *args], capture_output=True,
                          text=True, check=False)


@pytest.fixture
def db(tmp_path) -> Path:
    map_ = tmp_path / "db"
    maak_opslag(map_)
    return map_


def _wv(db: Path) -> str:
    return Opslag(db).wijkverbanden()[0].id


def test_koppen_in_een_andere_volgorde_lege_rij_en_privecontact(db, tmp_path):
    pad = _xlsx(tmp_path / "uitvraag.xlsx", [
        ["Aantal bewoners", "Buurt", "Contact", "Signaal", "Praktijkvorm", "Datum", "Opmerking"],
        [3, "Molenhoek", "Kees de Groot; 06-11112222", "Te weinig bankjes", "B", "12-11-2026",
         "x"],
        [None, None, None, None, None, None, None],
        [None, "Centrum", None, "Losse stoeptegels", "Buurtgesprekken", date(2026, 11, 20), None],
    ])
    voor = bereid_voor(pad, _wv(db), {}, VANDAAG)
    assert not voor.fouten and voor.lege_rijen == 1
    assert voor.overgeslagen_koppen == ["Opmerking"]
    assert voor.rijnummers == [2, 4]  # zoals de spreadsheet ze nummert
    eerste, tweede = voor.signalen
    assert (eerste.tekst, eerste.aantal, eerste.buurt, eerste.vorm, eerste.datum) == (
        "Te weinig bankjes", 3, "Molenhoek", "B", date(2026, 11, 12))
    assert eerste.contact.naam == "Kees de Groot" and eerste.contact.gegevens == "06-11112222"
    assert (tweede.vorm, tweede.aantal, tweede.datum, tweede.contact) == (
        "A", 1, date(2026, 11, 20), None)


def test_opdrachtregel_eerst_laten_zien_dan_met_ja_en_nog_eens_geeft_geen_dubbele(db, tmp_path):
    pad = _csv(tmp_path / "gesprekken.csv",
               "Signaal;Datum;Thema;Contact\n"
               "Hondenpoep op het grasveld aan de Wilgenlaan;20-11-2026;groen;"
               "\"Anna Bos; anna@voorbeeld.nl\"\n"
               "Te hard rijden in de Lindelaan;21-11-2026;verkeer;\n", "cp1252")
    wv = _wv(db)
    voor = _vergadering("import", "signalen", str(pad), "--wijkverband", wv, "--db", str(db))
    assert voor.returncode == 0, voor.stderr
    assert "2 signalen klaar om toe te voegen" in voor.stdout and "--ja" in voor.stdout
    assert "Anna Bos" not in voor.stdout and "anna@" not in voor.stdout  # privé: niet in beeld
    aantal = len(Opslag(db).signalen(wv))
    ja = _vergadering("import", "signalen", str(pad), "--wijkverband", wv, "--ja", "--db",
                      str(db))
    assert ja.returncode == 0 and "2 signalen toegevoegd" in ja.stdout
    signalen = Opslag(db).signalen(wv)
    assert len(signalen) == aantal + 2
    hond = next(s for s in signalen if s.tekst == "Hondenpoep op het grasveld aan de Wilgenlaan")
    assert hond.contact.naam == "Anna Bos" and hond.thema == "groen"
    lijst = _vergadering("signalen", "--json", "--db", str(db))
    assert "Anna Bos" not in lijst.stdout
    assert any(r["tekst"] == hond.tekst and r["heeft_contact"] for r in json.loads(lijst.stdout))
    nog = _vergadering("import", "signalen", str(pad), "--wijkverband", wv, "--ja", "--db",
                       str(db))
    assert nog.returncode == 0 and "0 signalen toegevoegd" in nog.stdout
    assert "2 al eerder ingelezen" in nog.stdout
    assert len(Opslag(db).signalen(wv)) == aantal + 2


def test_een_foute_rij_wordt_genoemd_en_er_komt_niets_bij(db, tmp_path):
    pad = _xlsx(tmp_path / "fout.xlsx", [
        ["Signaal", "Datum", "Aantal bewoners"],
        ["Goed signaal", "1-11-2026", 2],
        ["Datum klopt niet", "31-02-2026", 1],
        ["Aantal klopt niet", "2-11-2026", "veel"],
        ["", "3-11-2026", 1],
    ])
    wv = _wv(db)
    aantal = len(Opslag(db).signalen(wv))
    uit = _vergadering("import", "signalen", str(pad), "--wijkverband", wv, "--ja", "--db",
                       str(db))
    assert uit.returncode == 1
    regels = uit.stderr.splitlines()
    assert [r.split(":")[0] for r in regels if r.startswith("Rij ")] == ["Rij 3", "Rij 4", "Rij 5"]
    assert "er is niets toegevoegd: 3 rijen kloppen niet" in uit.stderr
    assert "Traceback" not in uit.stderr
    assert len(Opslag(db).signalen(wv)) == aantal


@pytest.mark.parametrize(("naam", "inhoud", "woorden"), [
    ("zonder.csv", "Datum;Thema\n1-11-2026;groen\n", "geen kolom met het signaal"),
    ("leeg.csv", "\n\n", "is leeg"),
    ("kapot.xlsx", "dit is geen excel", "geen leesbaar Excel-bestand"),
    ("lijst.pdf", "%PDF", "geen .xlsx of .csv"),
])
def test_een_onbruikbaar_bestand_geeft_een_zin(db, tmp_path, naam, inhoud, woorden):
    pad = _csv(tmp_path / naam, inhoud)
    uit = _vergadering("import", "signalen", str(pad), "--wijkverband", _wv(db), "--db",
                       str(db))
    assert uit.returncode == 1, uit.stdout
    assert woorden in uit.stderr and "Traceback" not in uit.stderr


def test_tienduizend_rijen_in_een_keer(db, tmp_path):
    rijen: list[list[object]] = [["Signaal", "Datum", "Buurt", "Aantal bewoners"]]
    rijen += [[f"Signaal nummer {i}", date(2026, 1 + i % 11, 1 + i % 28), f"Buurt {i % 7}",
               1 + i % 5] for i in range(10_000)]
    pad = _xlsx(tmp_path / "groot.xlsx", rijen)
    wv = _wv(db)
    aantal = len(Opslag(db).signalen(wv))
    uit = _vergadering("import", "signalen", str(pad), "--wijkverband", wv, "--ja", "--db",
                       str(db))
    assert uit.returncode == 0, uit.stderr
    assert "10000 signalen toegevoegd" in uit.stdout
    signalen = Opslag(db).signalen(wv)
    assert len(signalen) == aantal + 10_000
    assert len({s.id for s in signalen}) == len(signalen)
