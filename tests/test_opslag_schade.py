"""Schade blijft binnen het vak (issue 8): een vak dat op welke manier ook niet te lezen is
(JSON, vorm, controlegetal, een document met een verkeerd type, een journaalregel met een
kloppend controlegetal maar een verkeerde inhoud) is alleen-lezen tot het hersteld is. Het
advies noemt een gezonde kopie, en het letterlijk opvolgen verliest geen bevestigde
bewerking. Verder: volle schijf bij het samenvoegen, koppelingen, vreemde mappen, en geen
Engelse tekst van Python in een melding.
"""

from __future__ import annotations

import errno
import os
import re
import shlex
from datetime import date
from pathlib import Path

import pytest
from hulp_opslag import WV, Klok, cli, nieuwe_opslag, voeg_signaal_toe, zonder_traceback

from vergadering import opdrachtregel
from vergadering.fouten import BeschadigdBestand, OpslagFout
from vergadering.opslag import Opslag, facade
from vergadering.opslag import bestand as bestandmodule
from vergadering.opslag.bestand import (
    SAMENVOEGEN_NA_REGELS,
    journaalpad,
    journaalregel,
    lees_json,
    schrijf_atomisch,
    uit_vakbytes,
    vakbytes,
)
from vergadering.opslag.controle import gezond_bestand

NOV = date(2026, 11, 23)
VAK = f"{WV}/signalen/2026-11.json"
ENGELS = ("fromisoformat", "argument", "__init__", "missing", "Error", "object", "expected")


def _zonder_db() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("VERGADERING_DB", None)
    env.pop("VERGADERING_DEBUG", None)
    return env


def _zet_verkeerd_type(vak: Path, kenmerk: str) -> None:
    """Geldige JSON met een kloppend controlegetal, maar een datum die een getal is."""
    data = uit_vakbytes(vak.read_bytes(), vak)
    for doc in data["signalen"].values():
        if doc["id"] == kenmerk:
            doc["datum"] = 20261101
    schrijf_atomisch(vak, vakbytes(data))


def _nederlands(melding: str) -> None:
    assert not any(woord in melding for woord in ENGELS), melding
    assert "Traceback" not in melding and "\n" not in melding.strip()


def _opzet(map_: Path) -> tuple[Opslag, Klok, list[str]]:
    """Twee signalen in een kopie; daarna twee in het (samengevoegde) vak en twee in het
    journaal: zes bevestigde signalen, waarvan vier nieuwer dan de kopie."""
    klok = Klok()
    opslag = nieuwe_opslag(map_, klok=klok)
    ids = [voeg_signaal_toe(opslag, f"Voor de kopie {i}").id for i in range(2)]
    klok.verder(minutes=1)
    opslag.maak_reservekopie()
    ids += [voeg_signaal_toe(opslag, f"In het vak {i}").id for i in range(2)]
    with opslag.schrijven():
        opslag._voeg_journalen_samen()  # zoals na 64 regels: nu staan ze in het vak
    assert journaalpad(map_ / VAK).stat().st_size == 0
    ids += [voeg_signaal_toe(opslag, f"In het journaal {i}").id for i in range(2)]
    return opslag, klok, ids


# --- 1. schade blijft binnen het vak -------------------------------------------------------


def test_verkeerd_type_maakt_het_vak_alleen_lezen_en_geen_kopie_neemt_het_over(tmp_path):
    map_ = tmp_path / "db"
    opslag, klok, ids = _opzet(map_)
    vak = map_ / VAK
    _zet_verkeerd_type(vak, ids[0])
    kapot, journaal = vak.read_bytes(), journaalpad(vak).read_bytes()

    with pytest.raises(BeschadigdBestand) as lezen:
        Opslag(map_).signalen(WV)
    _nederlands(str(lezen.value))
    assert ids[0] in str(lezen.value)
    for schrijver in (opslag, Opslag(map_, klok=klok)):  # met en zonder geheugen
        with pytest.raises(BeschadigdBestand, match="beschadigd.*vergadering herstel"):
            voeg_signaal_toe(schrijver, "Mag er niet in")
    klok.verder(hours=1)
    kopie = Opslag(map_, klok=klok).maak_reservekopie()  # probeert ook samen te voegen
    assert vak.read_bytes() == kapot and journaalpad(vak).read_bytes() == journaal
    assert gezond_bestand(kopie / VAK)  # de laatste goede versie schoof mee, niet de schade
    assert len(uit_vakbytes((kopie / VAK).read_bytes(), kopie / VAK)["signalen"]) == 2


def test_een_journaalregel_met_goed_controlegetal_en_verkeerd_type(tmp_path):
    map_ = tmp_path / "db"
    opslag, klok, ids = _opzet(map_)
    journaal = journaalpad(map_ / VAK)
    doc = {"id": "2611-zzzz", "wijkverband_id": WV, "tekst": "Kapot", "datum": 20261101,
           "versie": 1}
    journaal.write_bytes(journaal.read_bytes() + journaalregel("signalen", "99", doc))
    voor = journaal.read_bytes()
    with pytest.raises(BeschadigdBestand) as fout:
        Opslag(map_).signalen(WV)
    _nederlands(str(fout.value))
    with pytest.raises(BeschadigdBestand):
        voeg_signaal_toe(Opslag(map_), "Mag er niet in")
    klok.verder(hours=1)
    Opslag(map_, klok=klok).maak_reservekopie()
    assert journaal.read_bytes() == voor  # niet in het vak gezet
    # Het advies opvolgen: de goede regels komen terug, de kapotte wordt genoemd.
    with pytest.raises(BeschadigdBestand) as fout:
        Opslag(map_).signalen(WV)
    opdracht = shlex.split(re.search(r"`(vergadering herstel [^`]+)`", str(fout.value))[1])
    uitkomst = Opslag(map_, controleer=False).herstel(opdracht[2], opdracht[4])
    assert uitkomst.niet_terug == ["signaal 2611-zzzz"], uitkomst.melding
    assert "1 bewerking kon niet terug (signaal 2611-zzzz)" in uitkomst.melding
    assert {s.id for s in Opslag(map_).signalen(WV)} == set(ids)


def test_een_journaalregel_met_goed_controlegetal_en_verkeerde_vorm_is_geen_halve_staart(
        tmp_path):
    map_ = tmp_path / "db"
    _opzet(map_)
    journaal = journaalpad(map_ / VAK)
    inhoud = b'{"t":"signalen","k":"9","d":["geen","document"]}'
    import zlib

    journaal.write_bytes(journaal.read_bytes() + b"%08x " % zlib.crc32(inhoud) + inhoud + b"\n")
    voor = journaal.read_bytes()
    with pytest.raises(BeschadigdBestand):
        Opslag(map_).signalen(WV)
    with pytest.raises(BeschadigdBestand):
        voeg_signaal_toe(Opslag(map_), "Mag er niet in")
    assert journaal.read_bytes() == voor  # niet als 'nooit bevestigd' weggehaald


# --- 2. het controlegetal van een vak -------------------------------------------------------


def test_vakbytes_is_geldige_json_met_controlegetal_aan_het_eind(tmp_path):
    data = {"signalen": {"1": {"id": "2611-aaaa", "tekst": "é"}}}
    ruw = vakbytes(data)
    assert re.fullmatch(rb'\{.*,"_controle":"[0-9a-f]{8}"\}', ruw)
    assert uit_vakbytes(ruw, tmp_path / "x.json", verplicht=True) == data
    import json

    assert json.loads(ruw)["signalen"] == data["signalen"]  # gewone JSON-lezers kunnen het


@pytest.mark.parametrize("plek", [10, -12, -20])
def test_een_omgevallen_bit_wordt_gezien_en_komt_niet_in_een_kopie(tmp_path, plek):
    map_ = tmp_path / "db"
    opslag, klok, ids = _opzet(map_)
    vak = map_ / VAK
    ruw = bytearray(vak.read_bytes())
    ruw[plek] ^= 0x01
    vak.write_bytes(bytes(ruw))
    with pytest.raises(BeschadigdBestand, match="beschadigd") as fout:
        Opslag(map_).signalen(WV)
    _nederlands(str(fout.value))
    klok.verder(hours=1)
    kopie = Opslag(map_, klok=klok).maak_reservekopie()
    assert gezond_bestand(kopie / VAK, verplicht=True)
    assert (kopie / VAK).read_bytes() != bytes(ruw)


def test_een_vak_zonder_controlegetal_is_in_schema_2_beschadigd(tmp_path):
    map_ = tmp_path / "db"
    _opzet(map_)
    vak = map_ / VAK
    schrijf_atomisch(vak, bestandmodule.naar_bytes(uit_vakbytes(vak.read_bytes(), vak)))
    with pytest.raises(BeschadigdBestand, match="controlegetal ontbreekt"):
        Opslag(map_).signalen(WV)


# --- 3. het advies loopt niet in een kringetje ---------------------------------------------


def test_het_scenario_uit_het_issue_via_de_opdrachtregel(tmp_path):
    """Verkeerd type in een maand; `signaal` weigert; `reservekopie --nu` neemt de schade
    niet over; het advies letterlijk opvolgen brengt alle bevestigde signalen terug."""
    map_ = tmp_path / "db"
    _, _, ids = _opzet(map_)
    vak = map_ / VAK
    _zet_verkeerd_type(vak, ids[0])
    env = _zonder_db()

    r = cli("signaal", "Nog een", "--wijkverband", "De Hoven", "--datum", "23-11-2026",
            "--db", str(map_), env=env)
    assert r.returncode == 1 and zonder_traceback(r.stderr) and "beschadigd" in r.stderr
    _nederlands(r.stderr)
    r = cli("reservekopie", "--nu", "--db", str(map_), env=env)
    assert r.returncode == 0, r.stderr
    nieuwste = Path(r.stdout.strip())
    assert gezond_bestand(nieuwste / VAK)

    r = cli("signalen", "--json", "--db", str(map_), env=env)
    assert r.returncode == 1 and zonder_traceback(r.stderr)
    _nederlands(r.stderr)
    opdracht = re.search(r"`(vergadering herstel [^`]+)`", r.stderr)
    assert opdracht, r.stderr
    argumenten = shlex.split(opdracht.group(1))
    assert argumenten[2] == nieuwste.name  # de nieuwste kopie waarin het bestand gezond is
    r = cli(*argumenten[1:], env=env)
    assert r.returncode == 0, r.stderr
    assert "4 latere bewerkingen zijn er weer bijgezet" in r.stdout, r.stdout
    assert len(r.stdout.strip().splitlines()) == 1

    r = cli("signalen", "--json", "--db", str(map_), env=env)
    assert r.returncode == 0, r.stderr
    assert all(i in r.stdout for i in ids)
    assert list(vak.parent.glob("2026-11.json.beschadigd-*"))
    assert list(vak.parent.glob("2026-11.json.journaal.beschadigd-*"))
    r = cli("signaal", "Na het herstel", "--wijkverband", "De Hoven", "--datum", "23-11-2026",
            "--db", str(map_), env=env)
    assert r.returncode == 0, r.stderr


def test_een_kapotte_regel_middenin_gooit_de_regels_erna_niet_weg(tmp_path):
    map_ = tmp_path / "db"
    opslag, _, ids = _opzet(map_)
    laatste = voeg_signaal_toe(opslag, "Na de kapotte regel")
    journaal = journaalpad(map_ / VAK)
    regels = journaal.read_bytes().split(b"\n")
    assert len(regels) == 4  # drie regels en niets na het laatste regeleinde
    regels[1] = regels[1].replace(b"journaal 1", b"journaal X")  # controlegetal klopt niet
    journaal.write_bytes(b"\n".join(regels))
    with pytest.raises(BeschadigdBestand) as fout:
        Opslag(map_).signalen(WV)
    opdracht = shlex.split(re.search(r"`(vergadering herstel [^`]+)`", str(fout.value))[1])
    uitkomst = Opslag(map_, controleer=False).herstel(opdracht[2], opdracht[4])
    melding = uitkomst.melding
    assert f"1 bewerking kon niet terug (signaal {ids[5]})" in melding, melding
    assert "journaal.beschadigd-" in melding and melding.count(".") >= 1
    _nederlands(melding)
    terug = {s.id for s in Opslag(map_).signalen(WV)}
    assert set(ids[:5]) | {laatste.id} <= terug and ids[5] not in terug
    apart = list((map_ / VAK).parent.glob("2026-11.json.journaal.beschadigd-*"))
    assert len(apart) == 1 and b"journaal X" in apart[0].read_bytes()


def test_een_gezond_herstel_blijft_een_gewone_stap_terug(tmp_path):
    """Zonder schade zet herstellen gewoon de oude stand terug (niets 'gered')."""
    map_ = tmp_path / "db"
    opslag, klok, ids = _opzet(map_)
    kopie = opslag.reservekopieen()[0]
    klok.verder(minutes=1)
    uitkomst = opslag.herstel(kopie.name, VAK)
    assert uitkomst.weer_erbij == 0 and not uitkomst.niet_terug and not uitkomst.apart
    assert {s.id for s in Opslag(map_).signalen(WV)} == set(ids[:2])


# --- 4. volle schijf bij het samenvoegen ----------------------------------------------------


def _vol_voor_hele_bestanden(monkeypatch) -> list[int]:
    """Een hele schrijfactie (vak) past niet meer, één journaalregel wel."""
    echt = bestandmodule._schrijf_alles
    geweigerd: list[int] = []

    def schrijf(fd: int, inhoud: bytes) -> None:
        if not inhoud.endswith(b"\n"):
            geweigerd.append(len(inhoud))
            raise OSError(errno.ENOSPC, "No space left on device")
        echt(fd, inhoud)

    monkeypatch.setattr(bestandmodule, "_schrijf_alles", schrijf)
    return geweigerd


def test_volle_schijf_bij_samenvoegen_houdt_het_journaal_aan_en_zegt_het_een_keer(
        tmp_path, monkeypatch):
    map_ = tmp_path / "db"
    opslag = nieuwe_opslag(map_)
    ids = [voeg_signaal_toe(opslag, f"S{i}").id for i in range(SAMENVOEGEN_NA_REGELS)]
    monkeypatch.setattr(facade, "_gemeld", set())
    geweigerd = _vol_voor_hele_bestanden(monkeypatch)
    ids += [voeg_signaal_toe(opslag, f"Vol {i}").id for i in range(SAMENVOEGEN_NA_REGELS + 3)]
    assert geweigerd  # het samenvoegen werd geprobeerd en paste niet
    assert len(geweigerd) <= 2  # niet bij elke bewerking opnieuw het hele vak
    assert opslag.waarschuwingen == [facade.SCHIJF_BIJNA_VOL]
    _nederlands(opslag.waarschuwingen[0])
    ander = Opslag(map_)
    voeg_signaal_toe(ander, "Nog een")
    assert ander.waarschuwingen == []  # één keer per proces
    monkeypatch.undo()
    assert {s.id for s in Opslag(map_).signalen(WV)} >= set(ids)


def test_de_opdrachtregel_toont_de_waarschuwing_op_stderr(tmp_path, monkeypatch, capsys):
    map_ = tmp_path / "db"
    opslag = nieuwe_opslag(map_)
    for i in range(SAMENVOEGEN_NA_REGELS + 1):  # het eerste maakt het vak, de rest: journaal
        voeg_signaal_toe(opslag, f"S{i}")
    monkeypatch.setattr(facade, "_gemeld", set())
    _vol_voor_hele_bestanden(monkeypatch)
    code = opdrachtregel.main(["signaal", "Vol", "--wijkverband", "De Hoven", "--datum",
                               "23-11-2026", "--db", str(map_)])
    uit = capsys.readouterr()
    assert code == 0 and uit.out.strip().startswith("2611-")
    assert uit.err.strip() == f"vergadering: {facade.SCHIJF_BIJNA_VOL}"


# --- 5. niets buiten de opslag wordt gevolgd of beschreven ----------------------------------


def test_een_koppeling_als_journaal_wordt_niet_gevolgd(tmp_path):
    map_ = tmp_path / "db"
    opslag = nieuwe_opslag(map_)
    buiten = tmp_path / "buiten.txt"
    buiten.write_bytes(b"van iemand anders")
    nieuw_vak = map_ / WV / "signalen" / "2026-12.json"
    voeg_signaal_toe(opslag, "December", datum=date(2026, 12, 1))  # vak zonder journaal
    journaalpad(nieuw_vak).symlink_to(buiten)
    with pytest.raises(OpslagFout, match="koppeling") as fout:
        voeg_signaal_toe(Opslag(map_), "Niet volgen", datum=date(2026, 12, 2))
    _nederlands(str(fout.value))
    assert buiten.read_bytes() == b"van iemand anders"
    # Een koppeling naar een bestand dat er nog niet is: dat wordt niet gemaakt.
    journaalpad(nieuw_vak).unlink()
    nergens = tmp_path / "nergens.txt"
    journaalpad(nieuw_vak).symlink_to(nergens)
    with pytest.raises(OpslagFout, match="koppeling"):
        voeg_signaal_toe(Opslag(map_), "Niet volgen", datum=date(2026, 12, 2))
    assert not nergens.exists()


def test_een_koppeling_als_vak_is_beschadigd_en_herstel_volgt_haar_niet(tmp_path):
    map_ = tmp_path / "db"
    _opzet(map_)
    buiten = tmp_path / "buiten.json"
    vak = map_ / VAK
    buiten.write_bytes(vak.read_bytes())
    vak.unlink()
    vak.symlink_to(buiten)
    with pytest.raises(BeschadigdBestand, match="koppeling") as fout:
        Opslag(map_).signalen(WV)
    opdracht = shlex.split(re.search(r"`(vergadering herstel [^`]+)`", str(fout.value))[1])
    Opslag(map_, controleer=False).herstel(opdracht[2], opdracht[4])
    assert not vak.is_symlink() and gezond_bestand(vak, verplicht=True)
    assert buiten.read_bytes() != b"" and uit_vakbytes(buiten.read_bytes(), buiten)


def test_een_koppeling_als_schrijfslot_wordt_geweigerd(tmp_path):
    map_ = tmp_path / "db"
    nieuwe_opslag(map_)
    buiten = tmp_path / "buiten.txt"
    buiten.write_bytes(b"niet leegmaken")
    (map_ / ".schrijfslot").unlink()
    (map_ / ".schrijfslot").symlink_to(buiten)
    with pytest.raises(OpslagFout, match="koppeling") as fout:
        voeg_signaal_toe(Opslag(map_), "Niet volgen")
    _nederlands(str(fout.value))
    assert buiten.read_bytes() == b"niet leegmaken"


def test_export_weigert_een_mapje_dat_een_koppeling_is(tmp_path):
    from test_export_gegevens import VANDAAG, bouw_opslag

    from vergadering.export import exporteer
    from vergadering.export.mapje import veilige_naam

    g = bouw_opslag(tmp_path / "db")
    uit = tmp_path / "uit"
    elders = tmp_path / "elders"
    elders.mkdir()
    datummap = uit / veilige_naam(g.wijkverband.naam) / g.vergadering_id
    datummap.parent.mkdir(parents=True)
    datummap.symlink_to(elders, target_is_directory=True)
    for alleen in (None, "verslag"):
        with pytest.raises(OpslagFout, match="koppeling") as fout:
            exporteer(g.opslag, g.wijkverband.id, g.vergadering_id, uit, alleen=alleen,
                      vandaag=VANDAAG)
        _nederlands(str(fout.value))
    assert list(elders.iterdir()) == []
    datummap.unlink()
    datummap.parent.rmdir()
    (uit / veilige_naam(g.wijkverband.naam)).symlink_to(elders, target_is_directory=True)
    with pytest.raises(OpslagFout, match="koppeling"):
        exporteer(g.opslag, g.wijkverband.id, g.vergadering_id, uit, vandaag=VANDAAG)
    assert list(elders.iterdir()) == []


# --- 6. een andere map is geen opslag -------------------------------------------------------


@pytest.mark.parametrize("soort", ["proc", "vreemde-wijkverbanden", "ander-programma"])
def test_een_andere_map_is_geen_opslag(tmp_path, soort):
    if soort == "proc":
        if not Path("/proc/self").exists():
            pytest.skip("geen /proc op dit systeem")
        map_ = Path("/proc")
    else:
        map_ = tmp_path / "vreemd"
        map_.mkdir()
        if soort == "vreemde-wijkverbanden":
            (map_ / "wijkverbanden.json").write_text('{"wijkverbanden": {}}')
        else:
            (map_ / "opslag.json").write_text('{"schema": 1, "programma": "iets anders"}')
    for opdracht in (["signalen"], ["signaal", "x", "--wijkverband", "y"]):
        r = cli(*opdracht, "--db", str(map_), env=_zonder_db())
        assert r.returncode == 1 and zonder_traceback(r.stderr), r.stderr
        assert "geen opslag van Vergadering" in r.stderr
    if soort != "proc":
        assert sorted(p.name for p in map_.iterdir()) in (["wijkverbanden.json"],
                                                          ["opslag.json"])


def test_een_lege_of_nieuwe_map_is_wel_goed(tmp_path):
    leeg = tmp_path / "leeg"
    leeg.mkdir()
    r = cli("signalen", "--json", "--db", str(leeg), env=_zonder_db())
    assert r.returncode == 0 and r.stdout.strip() == "[]", r.stderr
    nieuwe_opslag(leeg)
    nieuwe_opslag(tmp_path / "nieuw")
    assert lees_json(leeg / "opslag.json")["schema"] == 2


# --- 7. geen Engels in meldingen ------------------------------------------------------------


def test_de_technische_oorzaak_alleen_met_debug(tmp_path, monkeypatch):
    map_ = tmp_path / "db"
    _, _, ids = _opzet(map_)
    _zet_verkeerd_type(map_ / VAK, ids[0])
    monkeypatch.delenv("VERGADERING_DEBUG", raising=False)
    with pytest.raises(BeschadigdBestand) as gewoon:
        Opslag(map_).signalen(WV)
    _nederlands(str(gewoon.value))
    monkeypatch.setenv("VERGADERING_DEBUG", "1")
    with pytest.raises(BeschadigdBestand) as debug:
        Opslag(map_).signalen(WV)
    assert "technisch:" in str(debug.value)


def test_een_map_in_de_opslag_die_een_koppeling_is_wordt_niet_gevolgd(tmp_path):
    map_ = tmp_path / "db"
    opslag = nieuwe_opslag(map_)
    voeg_signaal_toe(opslag)
    elders = tmp_path / "elders"
    (map_ / WV / "signalen").rename(elders)
    (map_ / WV / "signalen").symlink_to(elders, target_is_directory=True)
    voor = sorted(p.name for p in elders.iterdir())
    for poging in (lambda o: o.signalen(WV), lambda o: voeg_signaal_toe(o, "Niet daar")):
        with pytest.raises(OpslagFout, match="koppeling") as fout:
            poging(Opslag(map_))
        _nederlands(str(fout.value))
    assert sorted(p.name for p in elders.iterdir()) == voor


def test_de_gezondheidscontrole_kijkt_elk_document_een_keer_na(tmp_path, monkeypatch):
    """Een bewerking zet niet telkens de hele maand om: alleen wat er nieuw bij kwam."""
    from vergadering.opslag import omzetten

    map_ = tmp_path / "db"
    opslag, klok, _ = _opzet(map_)
    echt = omzetten.uit_document
    omgezet: list[str] = []

    def tel(cls, doc):
        omgezet.append(doc.get("id"))
        return echt(cls, doc)

    monkeypatch.setattr(omzetten, "uit_document", tel)
    schrijver = Opslag(map_, klok=klok)  # binnen het half uur: geen reservekopie
    voeg_signaal_toe(schrijver, "Eerste")  # leest het vak: zes signalen nagekeken
    assert len(omgezet) == 6
    for i in range(5):
        voeg_signaal_toe(schrijver, f"Daarna {i}")
    assert len(omgezet) == 6
    # Een ander venster kijkt de zes nieuwe regels van dit venster één keer na, en dit
    # venster daarna alleen de ene regel van het andere.
    ander = voeg_signaal_toe(opslag, "Uit een ander venster")
    assert len(omgezet) == 6 + 6
    voeg_signaal_toe(schrijver, "En nog een")
    assert omgezet[12:] == [ander.id]


async def test_de_app_toont_een_waarschuwing_van_de_opslag_een_keer(tmp_path):
    from schermen_gegevens import maak_app
    from schermen_pilot import meldingen, op_startscherm, wacht

    app = maak_app(tmp_path / "db")
    async with app.run_test(size=(120, 40)) as pilot:
        await op_startscherm(pilot)
        app.opslag.waarschuwingen.append(facade.SCHIJF_BIJNA_VOL)
        wv = app.opslag.wijkverbanden()[0]
        assert app.bewaarder.bewaar(wv)  # na een geslaagde bewerking
        await wacht(pilot, lambda: facade.SCHIJF_BIJNA_VOL in meldingen(app))
        assert app.bewaarder.bewaar(wv)
        await pilot.pause()
        assert meldingen(app).count(facade.SCHIJF_BIJNA_VOL) == 1
    assert app.opslag.waarschuwingen == []


def test_volle_schijf_bij_de_automatische_reservekopie_houdt_de_bewerking_niet_tegen(
        tmp_path, monkeypatch):
    map_ = tmp_path / "db"
    _, klok, ids = _opzet(map_)  # twee regels in het journaal: de kopie voegt eerst samen
    monkeypatch.setattr(facade, "_gemeld", set())
    klok.verder(hours=1)
    aantal = len(Opslag(map_).reservekopieen())
    _vol_voor_hele_bestanden(monkeypatch)
    later = Opslag(map_, klok=klok)
    nieuw = voeg_signaal_toe(later, "Toch bewaard")
    assert later.waarschuwingen == [facade.SCHIJF_BIJNA_VOL]
    monkeypatch.undo()
    assert len(Opslag(map_).reservekopieen()) == aantal
    assert {s.id for s in Opslag(map_).signalen(WV)} == set(ids) | {nieuw.id}
