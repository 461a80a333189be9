"""De agenda als .ics (vergadering/kalender.py, `vergadering agenda --ics`): vaste UID's,
SEQUENCE die stijgt als een datum verschuift, DTSTAMP in UTC, en een tweede bibliotheek
(`ics`) leest hetzelfde."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import ics
from icalendar import Calendar
from test_export_gegevens import BEWONERS, VANDAAG, bouw_opslag

from vergadering.kalender import kalender

NU = datetime(2026, 11, 24, 9, 30, tzinfo=ZoneInfo("Europe/Amsterdam"))


def _afspraken(inhoud: bytes) -> dict[str, dict]:
    kal = Calendar.from_ical(inhoud)
    uit = {}
    for e in kal.walk("VEVENT"):
        uit[str(e["UID"])] = {"start": e.decoded("DTSTART"), "eind": e.decoded("DTEND"),
                              "seq": int(e["SEQUENCE"]), "stempel": e.decoded("DTSTAMP"),
                              "titel": str(e["SUMMARY"]), "tekst": str(e.get("DESCRIPTION", ""))}
    return uit


def test_acties_vergadering_en_update_als_hele_dagen_met_vaste_uid(tmp_path):
    g = bouw_opslag(tmp_path / "db")
    wv = g.wijkverband
    uit = _afspraken(kalender(g.opslag, [wv], VANDAAG, NU))
    acties = g.opslag.acties(wv.id)
    verwacht = set()
    for a in acties:
        if a.status == "gepland" and a.eerste_stap_datum:
            verwacht.add(f"{wv.id}-{a.id}-eerste-stap@vergadering.wijkverband")
        if a.status in ("gepland", "loopt", "vastgelopen") and a.checkmoment:
            verwacht.add(f"{wv.id}-{a.id}-checkmoment@vergadering.wijkverband")
    verwacht |= {f"{wv.id}-{g.vergadering_id}-volgende-vergadering@vergadering.wijkverband",
                 f"{wv.id}-{g.vergadering_id}-volgende-update@vergadering.wijkverband"}
    assert set(uit) == verwacht
    klaar = next(a for a in acties if a.status == "gereed")
    assert not [u for u in uit if klaar.id in u], "een afgeronde actie staat er niet in"
    vergadering = uit[f"{wv.id}-{g.vergadering_id}-volgende-vergadering@vergadering.wijkverband"]
    assert vergadering["start"] == VANDAAG + timedelta(weeks=6)
    assert vergadering["eind"] - vergadering["start"] == timedelta(days=1)
    update = uit[f"{wv.id}-{g.vergadering_id}-volgende-update@vergadering.wijkverband"]
    assert update["start"] == VANDAAG + timedelta(days=21)
    for afspraak in uit.values():
        assert isinstance(afspraak["start"], date) and not isinstance(afspraak["start"],
                                                                      datetime)
        assert afspraak["stempel"] == NU.astimezone(UTC)  # DTSTAMP in UTC
    assert b"DTSTAMP:20261124T083000Z" in kalender(g.opslag, [wv], VANDAAG, NU)


def test_twee_keer_exporteren_geeft_dezelfde_afspraken_en_een_verschoven_datum_een_hogere_sequence(
        tmp_path):
    g = bouw_opslag(tmp_path / "db")
    wv = g.wijkverband
    eerst = kalender(g.opslag, [wv], VANDAAG, NU)
    assert kalender(g.opslag, [wv], VANDAAG, NU) == eerst  # niets veranderd: hetzelfde bestand
    voor = _afspraken(eerst)
    actie = next(a for a in g.opslag.acties(wv.id) if a.status == "gepland")
    uid = f"{wv.id}-{actie.id}-checkmoment@vergadering.wijkverband"
    actie.checkmoment = actie.checkmoment + timedelta(days=7)
    g.opslag.bewaar_actie(actie)
    na = _afspraken(kalender(g.opslag, [wv], VANDAAG, NU + timedelta(days=1)))
    assert set(na) == set(voor)  # dezelfde UID's: geen dubbele afspraken
    assert na[uid]["start"] == voor[uid]["start"] + timedelta(days=7)
    assert na[uid]["seq"] > voor[uid]["seq"]
    assert na[uid]["stempel"] > voor[uid]["stempel"]


def test_een_tweede_bibliotheek_leest_hetzelfde(tmp_path):
    g = bouw_opslag(tmp_path / "db")
    inhoud = kalender(g.opslag, [g.wijkverband], VANDAAG, NU)
    eigen = _afspraken(inhoud)
    ander = ics.Calendar(inhoud.decode("utf-8"))
    assert {e.uid for e in ander.events} == set(eigen)
    for e in ander.events:
        assert e.all_day
        assert e.begin.date() == eigen[e.uid]["start"]
        assert e.name == eigen[e.uid]["titel"]


def test_geen_namen_van_bewoners_in_de_agenda(tmp_path):
    def met_naam(veld: str, standaard: str) -> str:
        return f"{standaard} (gemeld door {BEWONERS[0]})" if veld == "actie" else standaard

    g = bouw_opslag(tmp_path / "db", tekst=met_naam)
    inhoud = kalender(g.opslag, [g.wijkverband], VANDAAG, NU).decode("utf-8")
    tekst = inhoud.replace("\r\n ", "")  # gevouwen regels weer heel
    assert "(gemeld door" in tekst
    for naam in BEWONERS:
        for deel in naam.split():
            if deel[0].isupper():
                assert deel not in tekst, deel


def _vergadering(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "vergadering", *args], capture_output=True,
                          text=True, check=False)


def test_opdrachtregel_schrijft_het_bestand_en_zegt_fouten_in_een_zin(tmp_path):
    g = bouw_opslag(tmp_path / "db")
    doel = tmp_path / "noord.ics"
    uit = _vergadering("agenda", "--ics", str(doel), "--wijkverband", "wijkverband noord",
                       "--db", str(g.opslag.map))
    assert uit.returncode == 0, uit.stderr
    assert uit.stdout.strip() == str(doel.absolute())
    assert len(Calendar.from_ical(doel.read_bytes()).walk("VEVENT")) >= 4
    for args, woorden in (
        (["--ics", str(tmp_path)], "is een map"),
        (["--ics", str(doel), "--wijkverband", "Nergens"], "Er is geen wijkverband"),
    ):
        fout = _vergadering("agenda", *args, "--db", str(g.opslag.map))
        assert fout.returncode == 1
        assert woorden in fout.stderr and "Traceback" not in fout.stderr
    assert _vergadering("agenda", "--db", str(g.opslag.map)).returncode == 2  # --ics ontbreekt
