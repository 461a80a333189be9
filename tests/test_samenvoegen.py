"""De driewegsamenvoeging (zonder scherm en zonder schijf) en de bewaarder en sessie met twee
schrijvers op één opslag (twee ``Opslag``-objecten: elk een eigen schrijver, zoals twee
processen)."""

from __future__ import annotations

import copy
from datetime import datetime
from pathlib import Path

from schermen_gegevens import Klok, maak_opslag

from vergadering.bewaarder import Bewaarder, Tegenstrijdig
from vergadering.opslag import Opslag
from vergadering.samenvoegen import (
    HUN,
    KLOK_VELD,
    MIJN,
    Conflict,
    voeg_samen,
    vraag_in_woorden,
)
from vergadering.sessie import Sessie
from vergadering.signaal import Contact, Signaal
from vergadering.vergadering import nieuwe_vergadering

WV = "de-hoven-noord"
KASTANJE, ZWERFAFVAL, BANKJES = "2611-s000", "2611-s001", "2611-s002"


def _log(minuut: int, tekst: str) -> dict:
    return {"moment": f"2026-11-23T19:{minuut:02d}:00", "fase": "signalen", "tekst": tekst}


def _basis() -> dict:
    return {
        "id": "v", "versie": 4, "plaats": "Buurthuis", "stippen": {"a": 1, "b": 2},
        "top5": [], "acties": ["2026-1"], "logboek": [_log(0, "Geopend.")],
        "fasen": [{"sleutel": "signalen", "gebruikt_s": 30.0, "gestart_op": 100.0,
                   "extra_s": 0, "notities": ""},
                  {"sleutel": "acties", "gebruikt_s": 0.0, "gestart_op": None,
                   "extra_s": 0, "notities": ""}],
        "terugkoppeling": {"gehoord": "", "kanaal": ""},
    }


def test_wat_maar_een_kant_veranderde_gaat_stil_mee() -> None:
    basis = _basis()
    mijn, hun = copy.deepcopy(basis), copy.deepcopy(basis)
    bewaard = copy.deepcopy((basis, mijn, hun))
    mijn["stippen"]["a"] = 3
    mijn["logboek"].append(_log(2, "Stip hier."))
    mijn["fasen"][1]["notities"] = "Notities hier"
    mijn["acties"].append("2026-3")
    hun["versie"] = 5
    hun["plaats"] = "Wijkcentrum"
    hun["stippen"]["c"] = 4
    hun["logboek"].append(_log(1, "Stip elders."))
    hun["terugkoppeling"]["kanaal"] = "nieuwsbrief"
    hun["acties"] = ["2026-2"]  # elders: 2026-1 eruit, 2026-2 erbij
    bewaard = copy.deepcopy((basis, mijn, hun))

    uit = voeg_samen(basis, mijn, hun)

    assert uit.conflicten == []
    d = uit.document
    assert d["versie"] == 5  # die van de opslag: zo lukt het bewaren
    assert d["plaats"] == "Wijkcentrum" and d["terugkoppeling"]["kanaal"] == "nieuwsbrief"
    assert d["stippen"] == {"a": 3, "b": 2, "c": 4}
    assert [r["tekst"] for r in d["logboek"]] == ["Geopend.", "Stip elders.", "Stip hier."]
    assert d["fasen"][1]["notities"] == "Notities hier"
    assert d["acties"] == ["2026-2", "2026-3"]
    assert (basis, mijn, hun) == bewaard  # de invoer blijft zoals hij was


def test_zelfde_veld_twee_waarden_is_een_vraag_en_de_keuze_beslist() -> None:
    basis = _basis()
    mijn, hun = copy.deepcopy(basis), copy.deepcopy(basis)
    mijn["stippen"]["a"], hun["stippen"]["a"] = 3, 5
    mijn["top5"], hun["top5"] = ["a", "b"], ["b", "c"]
    mijn["plaats"] = hun["plaats"] = "Wijkcentrum"  # dezelfde waarde: geen vraag
    mijn["stippen"]["b"] = 7  # alleen hier

    uit = voeg_samen(basis, mijn, hun)
    assert {c.pad: (c.mijn, c.hun) for c in uit.conflicten} == {
        ("stippen", "a"): (3, 5),
        ("top5",): (["a", "b"], ["b", "c"]),  # één geheel: geen mengsel van twee ranglijsten
    }
    assert uit.document["plaats"] == "Wijkcentrum" and uit.document["stippen"]["b"] == 7

    gekozen = voeg_samen(basis, mijn, hun, {("stippen", "a"): HUN, ("top5",): MIJN})
    assert gekozen.conflicten == []
    assert gekozen.document["stippen"] == {"a": 5, "b": 7}
    assert gekozen.document["top5"] == ["a", "b"]


def test_de_klok_van_een_fase_is_een_geheel() -> None:
    basis = _basis()
    mijn, hun = copy.deepcopy(basis), copy.deepcopy(basis)
    mijn["fasen"][0].update(gebruikt_s=60.0, gestart_op=None)  # hier gepauzeerd
    hun["fasen"][0].update(gebruikt_s=75.0, gestart_op=None)  # elders later gepauzeerd
    hun["fasen"][0]["extra_s"] = 60  # elders +1 minuut: geen vraag

    uit = voeg_samen(basis, mijn, hun)
    (conflict,) = uit.conflicten
    assert conflict.pad == ("fasen", 0, KLOK_VELD)
    assert uit.document["fasen"][0]["extra_s"] == 60
    zin, hier, elders = vraag_in_woorden(object(), conflict)
    assert "de klok van fase 1" in zin
    assert (hier, elders) == ("01:00 gebruikt, staat stil", "01:15 gebruikt, staat stil")
    gekozen = voeg_samen(basis, mijn, hun, {conflict.pad: HUN}).document["fasen"][0]
    assert (gekozen["gebruikt_s"], gekozen["gestart_op"]) == (75.0, None)


def test_weggehaald_aan_de_ene_kant_gewijzigd_aan_de_andere() -> None:
    basis = _basis()
    mijn, hun = copy.deepcopy(basis), copy.deepcopy(basis)
    del mijn["stippen"]["b"]  # hier gebundeld: de stippen gingen mee naar het hoofdsignaal
    uit = voeg_samen(basis, mijn, hun)
    assert uit.document["stippen"] == {"a": 1}
    hun["stippen"]["b"] = 4
    (conflict,) = voeg_samen(basis, mijn, hun).conflicten
    assert conflict.pad == ("stippen", "b")
    assert voeg_samen(basis, mijn, hun, {conflict.pad: MIJN}).document["stippen"] == {"a": 1}


def test_zonder_basis_is_elk_verschil_een_vraag() -> None:
    mijn, hun = _basis(), _basis()
    mijn["plaats"], hun["notities"] = "Hier", "Elders"
    uit = voeg_samen(None, mijn, hun)
    assert {c.pad for c in uit.conflicten} == {("plaats",), ("notities",)}


def test_de_vraag_toont_geen_gegevens_van_bewoners() -> None:
    s = Signaal("2611-x", WV, "Bel mevrouw de Wit op 06-12345678", datetime(2026, 11, 1).date(),
                contact=Contact("mevrouw de Wit", "06-12345678"))
    contact = Conflict(("contact",), None, {"naam": "mevrouw de Wit", "gegevens": "06-1"},
                       {"naam": "meneer Bos", "gegevens": "06-2"})
    zin, hier, elders = vraag_in_woorden(s, contact)
    assert "het contact van de melder" in zin and "een signaal" in zin
    assert "Wit" not in hier + elders and "Bos" not in hier + elders and "06" not in hier
    tekst = Conflict(("tekst",), "", s.tekst, "Bel 06-12345678 of a@b.nl")
    _, hier, elders = vraag_in_woorden(s, tekst)
    assert "12345678" not in hier + elders and "a@b.nl" not in elders
    stippen = Conflict(("stippen", "2611-x"), 1, 2, 3)
    zin, _, _ = vraag_in_woorden(object(), stippen, lambda _: s.tekst)
    assert "12345678" not in zin


# --- de bewaarder met twee schrijvers ----------------------------------------------------


def _twee(tmp_path: Path) -> tuple[Opslag, Opslag]:
    maak_opslag(tmp_path / "db")
    return Opslag(tmp_path / "db"), Opslag(tmp_path / "db")


def _vergadering(opslag: Opslag):
    v = nieuwe_vergadering(opslag.wijkverband(WV), "2026-11-23",
                           datetime(2026, 11, 23).date(), plaats="Buurthuis")
    opslag.bewaar_vergadering(v)
    return v


def test_bewaarder_voegt_samen_na_een_wijziging_elders(tmp_path: Path) -> None:
    hier, elders = _twee(tmp_path)
    fouten: list[str] = []
    samengevoegd: list[list] = []
    bewaarder = Bewaarder(hier, fouten.append, meld_samengevoegd=samengevoegd.append)
    v = _vergadering(hier)
    v.stippen[KASTANJE] = 1
    assert bewaarder.bewaar(v)  # de basis: wat dit proces bewaarde
    ander = elders.vergadering(WV, v.id)
    ander.plaats, ander.stippen[ZWERFAFVAL] = "Wijkcentrum", 2
    elders.bewaar_vergadering(ander)

    v.stippen[KASTANJE] = 3
    assert bewaarder.bewaar(v)

    assert not fouten and samengevoegd == [[v]] and bewaarder.onopgeslagen == 0
    assert (v.plaats, v.stippen) == ("Wijkcentrum", {KASTANJE: 3, ZWERFAFVAL: 2})
    bewaard = Opslag(tmp_path / "db").vergadering(WV, v.id)
    assert (bewaard.plaats, bewaard.stippen) == ("Wijkcentrum", {KASTANJE: 3, ZWERFAFVAL: 2})
    v.stippen[BANKJES] = 1  # daarna gewoon verder
    assert bewaarder.bewaar(v) and not fouten


def test_bewaarder_vraagt_bij_tegenstrijdigheid_en_bewaart_de_keuze(tmp_path: Path) -> None:
    hier, elders = _twee(tmp_path)
    vragen: list[Tegenstrijdig] = []
    fouten: list[str] = []
    bewaarder = Bewaarder(hier, fouten.append, meld_conflict=vragen.append)
    v = _vergadering(hier)
    assert bewaarder.bewaar(v)
    ander = elders.vergadering(WV, v.id)
    ander.stippen[KASTANJE], ander.fasen[1].notities = 4, "Elders genoteerd"
    elders.bewaar_vergadering(ander)

    v.stippen[KASTANJE] = 2
    assert not bewaarder.bewaar(v)
    (vraag,) = vragen
    assert [c.pad for c in vraag.conflicten] == [("stippen", KASTANJE)]
    assert bewaarder.onopgeslagen == 1 and not fouten  # geen fout met onuitvoerbaar advies
    v.stippen[ZWERFAFVAL] = 1  # intussen verder gewerkt: geen tweede vraag
    assert not bewaarder.bewaar(v) and len(vragen) == 1

    assert bewaarder.beslis(vraag, {("stippen", KASTANJE): MIJN})
    assert bewaarder.onopgeslagen == 0 and bewaarder.wacht_op_keuze == []
    bewaard = Opslag(tmp_path / "db").vergadering(WV, v.id)
    assert bewaard.stippen == {KASTANJE: 2, ZWERFAFVAL: 1}  # niets getypt ging verloren
    assert bewaard.fasen[1].notities == "Elders genoteerd"


def test_signaal_geparkeerd_terwijl_elders_het_thema_veranderde(tmp_path: Path) -> None:
    hier, elders = _twee(tmp_path)
    wv = hier.wijkverband(WV)
    sessie = Sessie(wv, _vergadering(hier), hier.signalen(WV), hier.acties(WV),
                    Bewaarder(hier), Klok())
    ander = elders.signaal(WV, ZWERFAFVAL)
    ander.thema = "schoon en heel"
    elders.bewaar_signaal(ander)

    sessie.parkeer(ZWERFAFVAL, "Eerst de gemeente vragen")

    assert sessie.bewaarder.onopgeslagen == 0
    bewaard = Opslag(tmp_path / "db").signaal(WV, ZWERFAFVAL)
    assert (bewaard.status, bewaard.thema) == ("geparkeerd", "schoon en heel")


# --- de sessie volgt andere schrijvers -------------------------------------------------


def test_sessie_neemt_over_wat_elders_bewaard_is(tmp_path: Path) -> None:
    hier, elders = _twee(tmp_path)
    wv = hier.wijkverband(WV)
    volger = hier.volger()
    sessie = Sessie(wv, _vergadering(hier), hier.signalen(WV), hier.acties(WV),
                    Bewaarder(hier), Klok())
    rijen = len(sessie.plekken())
    datum = datetime(2026, 11, 23).date()
    nieuw = Signaal(elders.nieuw_signaal_id(WV, datum), WV, "Losliggende stoeptegels", datum)
    elders.bewaar_signaal(nieuw)
    oud = Signaal(elders.nieuw_signaal_id(WV, datum), WV, "Al afgehandeld", datum,
                  status="afgehandeld")
    elders.bewaar_signaal(oud)  # doet niet mee: blijft buiten de lijst
    v = elders.vergadering(WV, sessie.vergadering.id)
    v.stippen[KASTANJE] = 2
    elders.bewaar_vergadering(v)
    actie = elders.actie(WV, "2026-2")
    actie.zet_status("gereed", "De lampen branden weer.", datetime(2026, 11, 23, 18))
    elders.bewaar_actie(actie)

    wijzigingen = volger.nieuw()
    assert wijzigingen and {w.soort for w in wijzigingen} == {"signalen", "vergaderingen",
                                                              "acties"}
    bijgewerkt = sessie.pas_toe(sessie.lees_elders(wijzigingen))

    assert [s.id for s in bijgewerkt.nieuwe_signalen] == [nieuw.id]
    assert bijgewerkt.melding().startswith("Nieuw signaal binnengekomen: Losliggende")
    assert len(sessie.plekken()) == rijen + 1
    assert sessie.plekken()[0].signaal.id == KASTANJE and sessie.vergadering.stippen == {
        KASTANJE: 2}
    assert sessie.actie("2026-2").status == "gereed"
    assert "2026-2" in {a.id for a in sessie.lopende_acties()}  # blijft in de lijst van fase 3
    # Daarna bouwt de sessie op de nieuwe versie voort: geen vraag, geen fout.
    sessie.zet_stippen(ZWERFAFVAL, 1)
    assert sessie.bewaarder.onopgeslagen == 0
    assert Opslag(tmp_path / "db").vergadering(WV, v.id).stippen == {KASTANJE: 2, ZWERFAFVAL: 1}
    # Niets dat deze sessie raakt (een ander wijkverband): niets te lezen.
    assert sessie.lees_elders([]) is None
    # None (de markering is vervangen): alles opnieuw, zonder dubbele signalen.
    assert not sessie.pas_toe(sessie.lees_elders(None))
    assert len(sessie.plekken()) == rijen + 1
