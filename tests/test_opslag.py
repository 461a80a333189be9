"""De opslag zelf: bewaren en teruglezen, het journaal, versies, reservekopieën, migratie."""

from __future__ import annotations

import json
import os
import stat
import sys
from datetime import date
from pathlib import Path

import pytest
from hulp_opslag import (
    WV,
    Klok,
    momentopname,
    nieuwe_opslag,
    tijdelijke_bestanden,
    voeg_signaal_toe,
)

from vergadering.actie import Actie
from vergadering.fouten import (
    GelijktijdigGewijzigd,
    NietGevonden,
    NieuwereVersie,
    OngeldigeInvoer,
    OpslagFout,
)
from vergadering.opslag import Opslag, reservekopie
from vergadering.opslag import bestand as bestandmodule
from vergadering.opslag.bestand import SAMENVOEGEN_NA_REGELS, journaalpad
from vergadering.opslag.migratie import SCHEMA
from vergadering.vergadering import nieuwe_vergadering


def test_bewaren_en_teruglezen_in_een_nieuw_object(tmp_path):
    opslag = nieuwe_opslag(tmp_path / "db")
    s = voeg_signaal_toe(opslag, "Auto's rijden te hard", thema="verkeer", aantal=4)
    a = Actie(id="2026-1", wijkverband_id=WV, nummer=1, omschrijving="Schouw",
              eigenaar="Gemeente", besloten_op=date(2026, 11, 23), signalen=[s.id])
    opslag.bewaar_actie(a)
    wv = opslag.wijkverband("de hoven")
    v = nieuwe_vergadering(wv, "2026-11-23", date(2026, 11, 23))
    opslag.bewaar_vergadering(v)

    ander = Opslag(tmp_path / "db")
    (terug,) = ander.signalen(WV)
    assert (terug.tekst, terug.thema, terug.aantal, terug.versie) == (
        "Auto's rijden te hard", "verkeer", 4, 1)
    assert ander.acties(WV)[0].signalen == [s.id]
    assert ander.vergadering(WV, "2026-11-23").fasen[0].gepland_s == 300
    assert ander.onafgemaakte_vergadering(WV).id == "2026-11-23"


def test_een_verouderde_versie_overschrijft_niets(tmp_path):
    opslag = nieuwe_opslag(tmp_path / "db")
    s = voeg_signaal_toe(opslag)
    kopie_a = Opslag(tmp_path / "db").signaal(WV, s.id)
    kopie_b = Opslag(tmp_path / "db").signaal(WV, s.id)
    kopie_a.tekst = "Eerste wijziging"
    opslag.bewaar_signaal(kopie_a)
    kopie_b.tekst = "Tweede, op een oude versie"
    with pytest.raises(GelijktijdigGewijzigd, match="intussen gewijzigd"):
        opslag.bewaar_signaal(kopie_b)
    assert Opslag(tmp_path / "db").signaal(WV, s.id).tekst == "Eerste wijziging"


def test_een_bewerking_schrijft_een_regel_in_het_journaal_niet_het_hele_vak(tmp_path):
    opslag = nieuwe_opslag(tmp_path / "db")
    eerste = voeg_signaal_toe(opslag)
    vak = tmp_path / "db" / WV / "signalen" / "2026-11.json"
    voor = vak.read_bytes()
    tweede = voeg_signaal_toe(opslag, "Tweede")
    assert vak.read_bytes() == voor  # het vak zelf is niet herschreven
    regels = journaalpad(vak).read_bytes().splitlines()
    assert len(regels) == 1 and tweede.id.encode() in regels[0]
    assert {s.id for s in Opslag(tmp_path / "db").signalen(WV)} == {eerste.id, tweede.id}


def test_het_journaal_gaat_op_tijd_weer_in_het_vak(tmp_path):
    opslag = nieuwe_opslag(tmp_path / "db")
    ids = [voeg_signaal_toe(opslag, f"Signaal {i}").id for i in range(SAMENVOEGEN_NA_REGELS + 3)]
    vak = tmp_path / "db" / WV / "signalen" / "2026-11.json"
    assert len(journaalpad(vak).read_bytes().splitlines()) < SAMENVOEGEN_NA_REGELS
    in_vak = json.loads(vak.read_bytes())["signalen"]
    assert len(in_vak) >= SAMENVOEGEN_NA_REGELS
    assert [s.id for s in sorted(Opslag(tmp_path / "db").signalen(WV), key=lambda s: s.tekst)
            ] == [i for _, i in sorted((f"Signaal {n}", i) for n, i in enumerate(ids))]


def test_samenvoegen_afgebroken_na_het_vak_verliest_en_verdubbelt_niets(tmp_path):
    """Het nieuwe vak staat er, het journaal is nog niet leeg: nog eens toepassen is gelijk."""
    opslag = nieuwe_opslag(tmp_path / "db")
    ids = [voeg_signaal_toe(opslag, f"Signaal {i}").id for i in range(5)]
    vak = tmp_path / "db" / WV / "signalen" / "2026-11.json"
    journaal = journaalpad(vak).read_bytes()
    data = bestandmodule.AtomischeOpslag(vak).read()
    bestandmodule.schrijf_atomisch(vak, bestandmodule.vakbytes(data))  # vak, journaal blijft
    assert journaalpad(vak).read_bytes() == journaal
    terug = Opslag(tmp_path / "db").signalen(WV)
    assert sorted(s.id for s in terug) == sorted(ids)
    voeg_signaal_toe(Opslag(tmp_path / "db"), "Daarna")
    assert len(Opslag(tmp_path / "db").signalen(WV)) == 6


def test_een_ander_proces_ziet_elke_vervanging_ook_bij_gelijke_grootte(tmp_path):
    """Het geheugen herkent een bestand aan inode, tijdstip en grootte; een vervanging met
    dezelfde grootte binnen dezelfde milliseconde mag niet onopgemerkt blijven."""
    opslag = nieuwe_opslag(tmp_path / "db")
    lezer = Opslag(tmp_path / "db")
    assert lezer.wijkverband(WV).naam == "De Hoven"
    pad = tmp_path / "db" / "wijkverbanden.json"
    for naam in ("De Haven", "De Hoeve", "De Hoven"):
        oud = bestandmodule.uit_vakbytes(pad.read_bytes(), pad)
        oud["wijkverbanden"]["1"]["naam"] = naam
        bestandmodule.schrijf_atomisch(pad, bestandmodule.vakbytes(oud))
        assert lezer.wijkverband(WV).naam == naam
    assert opslag.wijkverband(WV).naam == "De Hoven"


def test_vrije_velden_delen_niets_met_het_geheugen(tmp_path):
    opslag = nieuwe_opslag(tmp_path / "db")
    s = voeg_signaal_toe(opslag, extra={"bron": "inloop"})
    gelezen = opslag.signaal(WV, s.id)
    gelezen.extra["bron"] = "NIET BEWAARD"
    voeg_signaal_toe(opslag, "Ander signaal in hetzelfde vak")
    assert Opslag(tmp_path / "db").signaal(WV, s.id).extra == {"bron": "inloop"}


def test_datamodus_0600_en_opruimen_van_tijdelijke_bestanden(tmp_path):
    map_ = tmp_path / "db"
    opslag = nieuwe_opslag(map_)
    voeg_signaal_toe(opslag)
    voeg_signaal_toe(opslag)
    data = [p for p in map_.rglob("*") if p.is_file() and p.name != ".schrijfslot"]
    assert data and all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in data), [
        (p, oct(p.stat().st_mode)) for p in data]
    # Resten van een afgebroken schrijfactie: een tijdelijk bestand en een halve kopie.
    rest = map_ / WV / "signalen" / ".2026-11.json.abc123.tmp"
    rest.write_bytes(b'{"half')
    halve_kopie = map_ / "reservekopie" / ".20261123-193000"
    halve_kopie.mkdir(parents=True)
    nog_open = Opslag(map_)
    assert rest.exists()  # lezen ruimt niets op
    voeg_signaal_toe(nog_open)
    assert not rest.exists() and not halve_kopie.exists()
    assert tijdelijke_bestanden(map_) == []


def test_map_van_de_opslag_alleen_voor_de_gebruiker(tmp_path):
    nieuwe_opslag(tmp_path / "nieuw" / "db")
    if sys.platform != "win32":
        assert stat.S_IMODE((tmp_path / "nieuw" / "db").stat().st_mode) == 0o700


def test_reservekopieen_roteren_en_delen_geen_inode_met_levende_bestanden(tmp_path):
    klok = Klok()
    map_ = tmp_path / "db"
    for i in range(13):
        opslag = nieuwe_opslag(map_, klok=klok) if i == 0 else Opslag(map_, klok=klok)
        voeg_signaal_toe(opslag, f"Signaal {i}")  # eerste schrijfactie: eventueel een kopie
        opslag.maak_reservekopie()
        klok.verder(minutes=1)
    kopieen = opslag.reservekopieen()
    assert len(kopieen) == reservekopie.BEWAREN
    assert kopieen == sorted(kopieen, reverse=True)
    levend = {p.stat().st_ino for p in map_.rglob("*") if p.is_file()
              and "reservekopie" not in p.parts}
    in_kopie = [p for p in (map_ / "reservekopie").rglob("*") if p.is_file()]
    assert in_kopie and not levend & {p.stat().st_ino for p in in_kopie}
    # De nieuwste kopie bevat alles tot dan toe, ook wat nog in het journaal stond.
    data = json.loads((kopieen[0] / WV / "signalen" / "2026-11.json").read_bytes())
    assert len(data["signalen"]) == 13


def test_kopieen_in_dezelfde_seconde_blijven_op_volgorde(tmp_path):
    klok = Klok()
    opslag = nieuwe_opslag(tmp_path / "db", klok=klok)
    namen = [opslag.maak_reservekopie().name for _ in range(11)]
    assert namen[-1].endswith("-12")  # de eerste schrijfactie maakte er al een
    assert [p.name for p in opslag.reservekopieen()][:2] == [namen[-1], namen[-2]]


def test_een_lang_open_programma_maakt_elk_half_uur_een_kopie(tmp_path):
    klok = Klok()
    opslag = nieuwe_opslag(tmp_path / "db", klok=klok)
    assert len(opslag.reservekopieen()) == 1  # bij de eerste schrijfactie
    voeg_signaal_toe(opslag)
    klok.verder(minutes=29)
    voeg_signaal_toe(opslag)
    assert len(opslag.reservekopieen()) == 1
    klok.verder(minutes=2)
    voeg_signaal_toe(opslag)
    assert len(opslag.reservekopieen()) == 2


def test_een_map_met_gegevens_zonder_opslag_json_is_geen_opslag(tmp_path):
    """Vroeger las een map zonder opslag.json als 'schema 0'; nu is zo'n map (een vreemde
    wijkverbanden.json, /proc) geen opslag: niets wordt gelezen of geschreven."""
    map_ = tmp_path / "db"
    nieuwe_opslag(map_)
    (map_ / "opslag.json").unlink()
    voor = momentopname(map_)
    with pytest.raises(OpslagFout, match="geen opslag van Vergadering; kies met --db"):
        Opslag(map_)
    assert momentopname(map_) == voor


def test_schema_1_krijgt_controlegetallen_met_eerst_een_reservekopie(tmp_path):
    map_ = tmp_path / "db"
    opslag = nieuwe_opslag(map_)
    voeg_signaal_toe(opslag)
    opslag.maak_reservekopie()
    # Zo zag een opslag van schema 1 eruit: vakken zonder controlegetal.
    for pad in [map_ / "opslag.json", *map_.glob("**/*.json")]:
        if "reservekopie" not in pad.parts:
            data = bestandmodule.uit_vakbytes(pad.read_bytes(), pad)
            if pad.name == "opslag.json":
                data["schema"] = 1
            bestandmodule.schrijf_atomisch(pad, bestandmodule.naar_bytes(data))
    oud = Opslag(map_)
    assert len(oud.signalen(WV)) == 1  # lezen kan zonder bijwerken
    aantal = len(oud.reservekopieen())
    voeg_signaal_toe(oud, "Na het bijwerken")
    assert len(oud.reservekopieen()) == aantal + 1  # eerst een kopie van de oude stand
    assert bestandmodule.lees_json(map_ / "opslag.json")["schema"] == SCHEMA == 2
    for pad in (map_ / "wijkverbanden.json", map_ / WV / "signalen" / "2026-11.json"):
        assert pad.read_bytes().endswith(b'"}') and b',"_controle":"' in pad.read_bytes()
        bestandmodule.lees_json(pad, verplicht=True)
    assert len(Opslag(map_).signalen(WV)) == 2


def test_nieuwer_schema_onder_het_slot_wordt_niet_teruggezet(tmp_path):
    map_ = tmp_path / "db"
    nieuwe_opslag(map_)
    later = Opslag(map_)  # nu nog schema 1
    # Een nieuwere versie van het programma werkt de opslag bij terwijl dit object open is.
    bestandmodule.schrijf_atomisch(map_ / "opslag.json", b'{"schema": 99}')
    with pytest.raises(NieuwereVersie, match="nieuwere versie"):
        voeg_signaal_toe(later)
    assert (map_ / "opslag.json").read_bytes() == b'{"schema": 99}'


def test_herstel_weigert_paden_buiten_de_opslag(tmp_path):
    opslag = nieuwe_opslag(tmp_path / "db")
    kopie = opslag.maak_reservekopie()
    for slecht in ("../../etc/passwd", "/etc/passwd", "reservekopie/x.json", "opslag.txt"):
        with pytest.raises(OngeldigeInvoer):
            opslag.herstel(kopie.name, slecht)
    with pytest.raises(NietGevonden):
        opslag.herstel("../..", None)
    with pytest.raises(NietGevonden, match="bevat"):
        opslag.herstel(kopie.name, f"{WV}/signalen/1999-01.json")


def test_herstel_van_alles_zet_de_oude_stand_terug_en_bewaart_de_huidige(tmp_path):
    klok = Klok()
    opslag = nieuwe_opslag(tmp_path / "db", klok=klok)
    eerste = voeg_signaal_toe(opslag)
    kopie = opslag.maak_reservekopie()
    klok.verder(seconds=5)
    voeg_signaal_toe(opslag, "Later")
    opslag.herstel(kopie.name)
    assert [s.id for s in Opslag(tmp_path / "db").signalen(WV)] == [eerste.id]
    vorige = opslag.reservekopieen()[0]  # de stand van vlak voor het herstel
    assert len(json.loads((vorige / WV / "signalen" / "2026-11.json").read_bytes())
               ["signalen"]) == 2


def test_tienjarig_gegevensbestand_leest_terug_via_de_facade(tmp_path):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
    try:
        from tienjaar import maak
    finally:
        sys.path.pop(0)
    maak(tmp_path / "tj", jaren=2, wijkverbanden=2, seed=3)
    opslag = Opslag(tmp_path / "tj")
    wvs = opslag.wijkverbanden()
    assert len(wvs) == 2
    vergaderingen = opslag.vergaderingen()
    assert len(vergaderingen) == 2 * 2 * 10
    open_ = [v for v in vergaderingen if not v.gesloten]
    assert len(open_) == 2 and all(opslag.onafgemaakte_vergadering(w.id) for w in wvs)
    assert all(v.terugkoppeling.ontbreekt() == [] for v in vergaderingen if v.gesloten)
    signalen = opslag.signalen()
    assert 30 * 40 < len(signalen) < 50 * 40
    assert {s.status for s in signalen} >= {"nieuw", "gekozen", "geparkeerd", "gebundeld",
                                            "afgehandeld"}
    acties = opslag.acties()
    assert len(acties) == 2 * (2 * 10 - 1) * 2  # twee per gesloten vergadering
    assert {a.status for a in acties} >= {"gepland", "loopt", "gereed"}
    # En er kan gewoon verder gewerkt worden.
    voeg_signaal_toe_aan = opslag.wijkverbanden()[0].id
    s = opslag.signalen(voeg_signaal_toe_aan)[-1]
    s.tekst = "Bijgewerkt"
    opslag.bewaar_signaal(s)
    assert Opslag(tmp_path / "tj").signaal(voeg_signaal_toe_aan, s.id).tekst == "Bijgewerkt"
    with pytest.raises(FileExistsError):
        maak(tmp_path / "tj")
    assert os.listdir(tmp_path / "tj")


def test_eerste_gegevens_in_een_lege_opslag_staan_meteen_in_een_reservekopie(tmp_path):
    """Een wijkverband dat in de app gemaakt wordt: de kopie vóór het eerste schrijven zou
    leeg zijn, dus komt er een direct erna; daarna weer elk half uur."""
    klok = Klok()
    opslag = nieuwe_opslag(tmp_path / "db", klok=klok)
    kopieen = opslag.reservekopieen()
    assert len(kopieen) == 1
    wv = json.loads((kopieen[0] / "wijkverbanden.json").read_bytes())
    assert [d["naam"] for d in wv["wijkverbanden"].values()] == ["De Hoven"]
    voeg_signaal_toe(opslag)
    klok.verder(minutes=10)
    voeg_signaal_toe(opslag)
    assert len(opslag.reservekopieen()) == 1
    # Een tweede proces op dezelfde (niet meer lege) opslag: de gewone regel.
    ander = Opslag(tmp_path / "db", klok=klok)
    voeg_signaal_toe(ander)
    assert len(ander.reservekopieen()) == 1


def test_mislukte_eerste_kopie_laat_het_schrijven_gelukt_en_probeert_het_opnieuw(
    tmp_path, monkeypatch
):
    klok = Klok()
    map_ = tmp_path / "db"
    echte_maak = reservekopie.maak

    def vol(*args, **kwargs):
        raise OpslagFout("De reservekopie kon niet gemaakt worden (de schijf is vol).")

    monkeypatch.setattr(reservekopie, "maak", vol)
    opslag = nieuwe_opslag(map_, klok=klok)  # geen fout: het wijkverband staat er
    assert [wv.naam for wv in Opslag(map_).wijkverbanden()] == ["De Hoven"]
    assert opslag.reservekopieen() == []
    monkeypatch.setattr(reservekopie, "maak", echte_maak)
    voeg_signaal_toe(opslag)
    assert len(opslag.reservekopieen()) == 1


def test_wijkverband_ook_zonder_het_woord_wijkverband(tmp_path):
    """In de zaal heet het 'De Hoven-Noord'; opgeslagen als 'Wijkverband De Hoven-Noord'.
    Alleen als dat precies één wijkverband aanwijst."""
    from vergadering.fouten import NietGevonden
    from vergadering.wijkverband import Wijkverband

    opslag = Opslag(tmp_path / "db")
    for naam in ("Wijkverband De Hoven-Noord", "Wijkraad Molenwijk", "Molenwijk"):
        opslag.bewaar_wijkverband(Wijkverband(id=opslag.nieuw_wijkverband_id(naam), naam=naam))
    assert opslag.wijkverband("de hoven-noord").naam == "Wijkverband De Hoven-Noord"
    assert opslag.wijkverband("Wijkraad De Hoven-Noord").naam == "Wijkverband De Hoven-Noord"
    # Precies gelijk gaat voor; twee kandidaten zonder exacte naam: geen gok.
    assert opslag.wijkverband("Molenwijk").naam == "Molenwijk"
    with pytest.raises(NietGevonden):
        opslag.wijkverband("Wijkverband Molenwijk")
    with pytest.raises(NietGevonden):
        opslag.wijkverband("Hoven")
