"""Fouten in en rond de bestanden: beschadigd, afgekapt, leeg, nieuwer schema, alleen-lezen
map, volle schijf, en een ander proces dat het schrijfslot vasthoudt.

Steeds: een duidelijke Nederlandse zin (via de opdrachtregel: uitgangscode 1, één regel op
stderr, geen traceback), het bestand blijft byte voor byte gelijk (ook na een poging om te
schrijven), en de melding noemt een reservekopie die terug te zetten is. De opdracht uit de
melding wordt letterlijk uitgevoerd en moet het herstellen.
"""

from __future__ import annotations

import errno
import os
import re
import shlex
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from hulp_opslag import (
    WV,
    Klok,
    cli,
    momentopname,
    nieuwe_opslag,
    tijdelijke_bestanden,
    voeg_signaal_toe,
    zonder_traceback,
)

from vergadering.fouten import BeschadigdBestand, BezetDoorAnder, NieuwereVersie, OpslagFout
from vergadering.opslag import Opslag
from vergadering.opslag import bestand as bestandmodule
from vergadering.opslag.bestand import journaalpad
from vergadering.vergadering import nieuwe_vergadering

OKT, NOV = date(2026, 10, 5), date(2026, 11, 23)
VAK_NOV = f"{WV}/signalen/2026-11.json"
DOELEN = {
    "signalen": VAK_NOV,
    "journaal": VAK_NOV + ".journaal",
    "wijkverbanden": "wijkverbanden.json",
    "vergadering": f"{WV}/vergaderingen/2026-11-23.json",
    "opslag.json": "opslag.json",
}


def _beschadig(pad: Path, soort: str) -> None:
    ruw = pad.read_bytes()
    if soort == "afgekapt":
        pad.write_bytes(ruw[: len(ruw) // 2])
    elif soort == "leeg":
        pad.write_bytes(b"")
    elif soort == "rommel":
        pad.write_bytes(b"\x00\xff garbage " + ruw[5:40])
    elif soort == "leeg-object":
        pad.write_bytes(b"{}")
    elif soort == "regel-middenin":  # een journaalregel middenin onleesbaar
        regels = ruw.split(b"\n")
        regels[0] = regels[0][:20] + b"X" + regels[0][21:]
        pad.write_bytes(b"\n".join(regels))


def _opzet(map_: Path) -> tuple[Opslag, Klok, dict[str, str]]:
    """Een opslag met een reservekopie en daarna nog bewerkingen (ook in het journaal)."""
    klok = Klok()
    opslag = nieuwe_opslag(map_, klok=klok)
    voeg_signaal_toe(opslag, "Oktober", datum=OKT)
    s = voeg_signaal_toe(opslag, "November een")
    v = nieuwe_vergadering(opslag.wijkverband(WV), "2026-11-23", NOV)
    opslag.bewaar_vergadering(v)
    klok.verder(minutes=1)
    opslag.maak_reservekopie()
    klok.verder(minutes=1)
    later = voeg_signaal_toe(opslag, "November twee")  # staat in het journaal
    voeg_signaal_toe(opslag, "November drie")
    v.log(klok(), "Begonnen")
    opslag.bewaar_vergadering(v)
    return opslag, klok, {"voor": s.id, "na": later.id}


def _lees(map_: Path, doel: str) -> None:
    opslag = Opslag(map_)
    if doel in ("signalen", "journaal"):
        opslag.signalen(WV)
    elif doel == "wijkverbanden":
        opslag.wijkverbanden()
    elif doel == "vergadering":
        opslag.vergaderingen(WV)


def _schrijf(map_: Path, doel: str) -> None:
    opslag = Opslag(map_)
    if doel in ("signalen", "journaal", "opslag.json"):
        from vergadering.signaal import Signaal

        opslag.bewaar_signaal(Signaal(id="2611-zzzz", wijkverband_id=WV, tekst="Nieuw",
                                      datum=NOV))
    elif doel == "wijkverbanden":
        from vergadering.wijkverband import Wijkverband

        opslag.bewaar_wijkverband(Wijkverband(id="ander", naam="Ander"))
    elif doel == "vergadering":
        from vergadering.vergadering import Vergadering

        opslag.bewaar_vergadering(Vergadering(id="2026-11-23", wijkverband_id=WV, datum=NOV))


def _zonder_db(omgeving: dict[str, str] | None = None) -> dict[str, str]:
    env = dict(os.environ if omgeving is None else omgeving)
    env.pop("VERGADERING_DB", None)
    return env


GEVALLEN = [
    (doel, soort)
    for doel in ("signalen", "wijkverbanden", "vergadering", "opslag.json")
    for soort in ("afgekapt", "leeg", "rommel", "leeg-object")
] + [("journaal", "regel-middenin")]


@pytest.mark.parametrize(("doel", "soort"), GEVALLEN, ids=[f"{d}-{s}" for d, s in GEVALLEN])
def test_beschadigd_bestand_melding_onaangeroerd_en_herstel_uit_de_melding(tmp_path, doel,
                                                                           soort):
    map_ = tmp_path / "db"
    _, _, ids = _opzet(map_)
    pad = map_ / DOELEN[doel]
    _beschadig(pad, soort)
    kapot = pad.read_bytes()

    with pytest.raises(BeschadigdBestand) as fout:
        _lees(map_, doel)
    melding = str(fout.value)
    assert "beschadigd" in melding and "niet aangeraakt" in melding
    with pytest.raises(BeschadigdBestand):
        _schrijf(map_, doel)
    assert pad.read_bytes() == kapot  # ook niet door de schrijfpoging

    # Via de opdrachtregel (één soort schade per bestand, want elk proces kost tijd):
    # uitgangscode 1, één Nederlandse regel, geen traceback.
    via_cli = soort in ("afgekapt", "regel-middenin")
    lijst = "vergaderingen" if doel == "vergadering" else "signalen"
    r = cli(lijst, "--json", "--db", str(map_), env=_zonder_db()) if via_cli else None
    if r is not None:
        assert r.returncode == 1, r.stdout
        assert zonder_traceback(r.stderr) and "beschadigd" in r.stderr
    if via_cli and doel != "vergadering":  # de opdrachtregel schrijft geen vergaderingen
        r = cli("signaal", "Nog een", "--wijkverband", "De Hoven", "--datum", "23-11-2026",
                "--db", str(map_), env=_zonder_db())
        assert r.returncode == 1 and zonder_traceback(r.stderr)
    assert pad.read_bytes() == kapot

    # De melding noemt de kopie en de opdracht; die opdracht letterlijk uitvoeren herstelt.
    opdracht = re.search(r"`(vergadering herstel [^`]+)`", melding)
    assert opdracht, melding
    argumenten = shlex.split(opdracht.group(1))[1:]
    if via_cli:
        r = cli(*argumenten, env=_zonder_db())
        assert r.returncode == 0, r.stderr
    else:
        _, kopie, _, bestand, _, db = argumenten
        Opslag(db, controleer=False).herstel(kopie, bestand)
    apart = list(pad.parent.glob(pad.name + ".beschadigd-*"))
    assert [p.read_bytes() for p in apart] == [kapot]  # bewaard voor wie het wil uitzoeken
    opslag = Opslag(map_)
    signalen = {s.id for s in opslag.signalen(WV)}
    assert ids["voor"] in signalen
    if doel == "signalen":
        # Het vak kwam uit de kopie; wat daarna in het journaal stond, komt er weer bij.
        assert ids["na"] in signalen
    assert opslag.vergadering(WV, "2026-11-23").id == "2026-11-23"
    voeg_signaal_toe(opslag, "Na het herstel")  # en er kan weer geschreven worden


def test_zonder_reservekopie_zegt_de_melding_dat_er_geen_is(tmp_path):
    map_ = tmp_path / "db"
    opslag = nieuwe_opslag(map_)  # de eerste kopie is van vóór de signalen
    voeg_signaal_toe(opslag)
    _beschadig(map_ / VAK_NOV, "afgekapt")
    with pytest.raises(BeschadigdBestand, match="geen reservekopie van dit bestand"):
        Opslag(map_).signalen(WV)


def test_een_beschadigd_vak_houdt_de_rest_niet_tegen_en_de_goede_versie_schuift_mee(tmp_path):
    map_ = tmp_path / "db"
    opslag, klok, _ = _opzet(map_)
    pad = map_ / VAK_NOV
    _beschadig(pad, "rommel")
    kapot = pad.read_bytes()
    for _ in range(12):  # meer kopieën dan er bewaard worden
        klok.verder(hours=1)
        andere = Opslag(map_, klok=klok)
        voeg_signaal_toe(andere, "Oktober erbij", datum=OKT)
    assert pad.read_bytes() == kapot
    with pytest.raises(BeschadigdBestand) as fout:
        Opslag(map_).signalen(WV)
    nieuwste = andere.reservekopieen()[0].name
    assert f"vergadering herstel {nieuwste} --bestand {VAK_NOV}" in str(fout.value)


def test_nieuwer_schema_wordt_geweigerd_en_niet_aangeraakt(tmp_path):
    map_ = tmp_path / "db"
    nieuwe_opslag(map_)
    voeg_signaal_toe(Opslag(map_))
    (map_ / "opslag.json").write_bytes(b'{"schema": 7, "programma": "vergadering"}')
    voor = momentopname(map_)
    with pytest.raises(NieuwereVersie, match="nieuwere versie van Vergadering.*werk het"):
        Opslag(map_)
    r = cli("signaal", "Toch schrijven", "--wijkverband", "De Hoven", "--datum", "23-11-2026",
            "--db", str(map_))
    assert r.returncode == 1 and zonder_traceback(r.stderr) and "nieuwere versie" in r.stderr
    assert momentopname(map_) == voor


# --- alleen-lezen map en volle schijf ----------------------------------------------------


def _weiger_schrijven(monkeypatch, map_: Path, code: int) -> None:
    """Nabootsing van een alleen-lezen map (root mag overal schrijven, dus chmod helpt in CI
    niet): elke poging om onder ``map_`` te schrijven of aan te maken faalt met ``code``."""
    echt = os.open
    schrijven = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND

    def nep(pad, vlaggen, *args, **kwargs):
        if vlaggen & schrijven and str(map_) in os.fsdecode(pad):
            raise OSError(code, os.strerror(code), pad)
        return echt(pad, vlaggen, *args, **kwargs)

    monkeypatch.setattr(os, "open", nep)


@pytest.mark.parametrize("code", [errno.EROFS, errno.EACCES])
@pytest.mark.parametrize("waar", ["journaal", "nieuw vak"])
def test_alleen_lezen_map_geeft_een_zin_en_laat_alles_staan(tmp_path, monkeypatch, code, waar):
    map_ = tmp_path / "db"
    opslag, _, _ = _opzet(map_)
    voor = momentopname(map_)
    if code == errno.EACCES:
        # Het slotbestand bestaat al en is schrijfbaar: het faalt pas bij het bestand zelf.
        _weiger_schrijven(monkeypatch, map_ / WV, code)
    else:
        _weiger_schrijven(monkeypatch, map_, code)
    datum = NOV if waar == "journaal" else date(2026, 12, 1)
    with pytest.raises(OpslagFout, match="mag niet geschreven worden.*--db") as fout:
        voeg_signaal_toe(opslag, "Gaat niet", datum=datum)
    assert "Traceback" not in str(fout.value)
    monkeypatch.undo()
    assert momentopname(map_) == voor and tijdelijke_bestanden(map_) == []
    assert "Gaat niet" not in {s.tekst for s in Opslag(map_).signalen(WV)}


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0,
                    reason="root mag in elke map schrijven; de nabootsing hierboven draait wel")
def test_echte_alleen_lezen_map(tmp_path):
    map_ = tmp_path / "db"
    opslag, _, _ = _opzet(map_)
    voor = momentopname(map_)
    for m in [map_, *[p for p in map_.rglob("*") if p.is_dir()]]:
        m.chmod(0o500)
    try:
        with pytest.raises(OpslagFout, match="mag niet geschreven worden"):
            voeg_signaal_toe(opslag, "Gaat niet", datum=date(2026, 12, 1))
    finally:
        for m in [map_, *[p for p in map_.rglob("*") if p.is_dir()]]:
            m.chmod(0o700)
    assert momentopname(map_) == voor


def _schijf_vol_bij_schrijven(monkeypatch) -> None:
    echt = bestandmodule._schrijf_alles

    def half_en_dan_vol(fd: int, inhoud: bytes) -> None:
        echt(fd, inhoud[: len(inhoud) // 2])  # een deel staat er al als de schijf volloopt
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(bestandmodule, "_schrijf_alles", half_en_dan_vol)


def _schijf_vol_bij_fsync(monkeypatch) -> None:
    def vol(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", vol)


@pytest.mark.parametrize("nabootsing", [_schijf_vol_bij_schrijven, _schijf_vol_bij_fsync],
                         ids=["schrijven", "fsync"])
@pytest.mark.parametrize("waar", ["journaal", "nieuw vak", "vergadering"])
def test_volle_schijf_geeft_een_zin_en_houdt_het_oude_bestand(tmp_path, monkeypatch,
                                                              nabootsing, waar):
    map_ = tmp_path / "db"
    opslag, _, ids = _opzet(map_)
    v = opslag.vergadering(WV, "2026-11-23")
    voor = momentopname(map_)
    nabootsing(monkeypatch)
    with pytest.raises(OpslagFout, match="schijf is vol.*maak ruimte vrij"):
        if waar == "vergadering":
            v.log(Klok()(), "Gaat niet")
            opslag.bewaar_vergadering(v)
        else:
            voeg_signaal_toe(opslag, "Gaat niet", datum=NOV if waar == "journaal"
                             else date(2026, 12, 1))
    monkeypatch.undo()
    assert momentopname(map_) == voor and tijdelijke_bestanden(map_) == []
    # Daarna gewoon verder, zonder de mislukte bewerking en met alle eerdere.
    na = voeg_signaal_toe(opslag, "Weer ruimte")
    teksten = {s.id: s.tekst for s in Opslag(map_).signalen(WV)}
    assert "Gaat niet" not in teksten.values()
    assert {ids["voor"], ids["na"], na.id} <= set(teksten)
    if waar == "vergadering":
        assert [r.tekst for r in Opslag(map_).vergadering(WV, v.id).logboek] == ["Begonnen"]


def test_een_half_journaal_van_een_vorige_keer_wordt_weggehaald(tmp_path):
    map_ = tmp_path / "db"
    _, klok, ids = _opzet(map_)
    journaal = journaalpad(map_ / VAK_NOV)
    goed = journaal.read_bytes()
    journaal.write_bytes(goed + b'1234abcd {"t": "signalen", "k": "9", "d": {"id": "ha')
    assert ids["na"] in {s.id for s in Opslag(map_).signalen(WV)}  # de staart telt niet
    # Binnen het half uur: geen reservekopie, dus geen samenvoegen; de regel komt erachter.
    nieuw = voeg_signaal_toe(Opslag(map_, klok=klok), "Daarna")
    ruw = journaal.read_bytes()
    assert ruw.startswith(goed) and b"1234abcd" not in ruw and ruw.count(b"\n") == 3
    assert nieuw.id in {s.id for s in Opslag(map_).signalen(WV)}


# --- het schrijfslot ---------------------------------------------------------------------

HOUD_SLOT_VAST = """
import sys, time
from filelock import FileLock
slot = FileLock(sys.argv[1])
slot.acquire()
print("vast", flush=True)
if sys.argv[2] == "wacht":
    sys.stdin.read()
else:
    time.sleep(float(sys.argv[2]))
slot.release()
"""


def _slot_in_ander_proces(map_: Path, hoe: str) -> subprocess.Popen[str]:
    proces = subprocess.Popen(
        [sys.executable, "-c", HOUD_SLOT_VAST, str(map_ / ".schrijfslot"), hoe],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )
    assert proces.stdout.readline().strip() == "vast"
    return proces


def test_slot_van_een_ander_proces_geeft_bezet_en_beschadigt_niets(tmp_path):
    map_ = tmp_path / "db"
    opslag, _, _ = _opzet(map_)
    voor = momentopname(map_)
    proces = _slot_in_ander_proces(map_, "wacht")
    try:
        ongeduldig = Opslag(map_, wachttijd=0.2)
        with pytest.raises(BezetDoorAnder, match="schrijft nu in .*probeer het opnieuw"):
            voeg_signaal_toe(ongeduldig, "Moet wachten")
        assert momentopname(map_) == voor
        assert len(Opslag(map_).signalen(WV)) == 4  # lezen kan gewoon
    finally:
        proces.communicate("")
    voeg_signaal_toe(ongeduldig, "Nu wel")
    assert "Nu wel" in {s.tekst for s in Opslag(map_).signalen(WV)}


def test_een_tweede_schrijver_wacht_even_en_schrijft_dan(tmp_path):
    map_ = tmp_path / "db"
    _opzet(map_)
    proces = _slot_in_ander_proces(map_, "0.3")
    s = voeg_signaal_toe(Opslag(map_, wachttijd=10), "Na het wachten")
    proces.wait(timeout=10)
    assert s.id in {x.id for x in Opslag(map_).signalen(WV)}
