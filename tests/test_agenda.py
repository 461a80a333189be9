"""De agenda rond de cyclus, zonder scherm: het sjabloon, een punt voor één keer, de klok
per punt, sluiten, het vorige verslag vaststellen, oude bestanden en samenvoegen."""

from __future__ import annotations

import copy
from datetime import date, datetime
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from schermen_gegevens import VANDAAG, VORIGE, Klok, maak_opslag, voorzitter

from vergadering import agenda
from vergadering.agendabeheer import agendabeheer
from vergadering.agendaklok import AgendaKlok
from vergadering.agendapunt import Agendapunt, uit_regels
from vergadering.fouten import OngeldigeInvoer
from vergadering.opslag import Opslag
from vergadering.opslag.omzetten import naar_document, uit_document
from vergadering.samenvoegen import voeg_samen
from vergadering.terugkoppeling import Terugkoppeling
from vergadering.vergadering import Vergadering, nieuwe_vergadering
from vergadering.wijkverband import Agenda, Lid, Wijkverband

WV = "de-hoven-noord"


def _wv(**kw) -> Wijkverband:
    return Wijkverband("w", "De Hoven", leden=[Lid("a", "Anna", "voorzitter")], **kw)


def _klaar_om_te_sluiten(v: Vergadering) -> None:
    v.terugkoppeling = Terugkoppeling(gehoord="x", gedaan="y", volgende_update=date(2026, 12, 7),
                                      kanaal="nieuwsbrief", eigenaar="Anna")


# --- het sjabloon ----------------------------------------------------------------------

def test_standaardsjabloon_rond_het_cyclusblok() -> None:
    v = nieuwe_vergadering(_wv(), "v1", VANDAAG)
    assert [(f.titel, f.gepland_s // 60, f.cyclus) for f in v.fasen] == [
        ("Opening en mededelingen", 5, False),
        ("Verslag en actielijst vorige keer vaststellen", 5, False),
        ("Top 5 signalen", 5, True),
        ("Top 1–2 acties", 10, True),
        ("Wat koppelen we terug?", 5, True),
        ("Rondvraag", 5, False),
        ("Sluiting", 0, False),
    ]
    assert AgendaKlok(v).totaal_gepland() == 35 * 60  # 5 + 5 + 20 + 5
    assert v.fasen[1].soort == "verslag" and agenda.index_van(v, "verslag") == 1
    assert agenda.heeft_sjabloon(v)


def test_eigen_sjabloon_en_duur_van_het_cyclusblok() -> None:
    wv = _wv(agenda=Agenda(signalen=8, acties=12, terugkoppelen=6,
                           voor=[Agendapunt("Welkom", 3)], na=[]))
    v = nieuwe_vergadering(wv, "v1", VANDAAG)
    assert [(f.sleutel, f.gepland_s // 60) for f in v.fasen] == [
        ("punt-1", 3), ("signalen", 8), ("acties", 12), ("terugkoppelen", 6)]
    alleen = nieuwe_vergadering(_wv(agenda=Agenda(voor=[], na=[])), "v2", VANDAAG)
    assert [f.sleutel for f in alleen.fasen] == ["signalen", "acties", "terugkoppelen"]
    assert not agenda.heeft_sjabloon(alleen)


@pytest.mark.parametrize(("punten", "zin"), [
    ({"voor": [Agendapunt("x", 5, "verslag")], "na": [Agendapunt("y", 5, "verslag")]},
     "maar één keer"),
    ({"voor": [Agendapunt("x", 5)] * 13}, "hoogstens 12"),
])
def test_sjabloon_weigert_met_een_zin(punten, zin) -> None:
    with pytest.raises(OngeldigeInvoer, match=zin):
        Agenda(**punten)


def test_agendapunt_weigert_met_een_zin() -> None:
    with pytest.raises(OngeldigeInvoer, match="tussen 0 en 120 minuten"):
        Agendapunt("Rondvraag", 121)
    with pytest.raises(OngeldigeInvoer, match="titel"):
        Agendapunt("  ", 5)


def test_sjabloon_uit_regels() -> None:
    punten = uit_regels("Opening, 5\n\nVerslag vorige keer, 10\nSluiting", "Vóór")
    assert [(p.titel, p.minuten, p.soort) for p in punten] == [
        ("Opening", 5, "punt"), ("Verslag vorige keer", 10, "verslag"), ("Sluiting", 0, "punt")]
    assert uit_regels("Verslag, 5", "Na", verslag_mag=False)[0].soort == "punt"
    with pytest.raises(OngeldigeInvoer, match="Vóór, regel 2: zet achter de komma"):
        uit_regels("Opening, 5\nRondvraag, vijf", "Vóór")
    with pytest.raises(OngeldigeInvoer, match="Na, regel 1: De duur"):
        uit_regels("Rondvraag, 500", "Na")


# --- oude bestanden ----------------------------------------------------------------------

def test_oud_wijkverband_krijgt_het_standaardsjabloon() -> None:
    document = naar_document(_wv())
    del document["agenda"]["voor"], document["agenda"]["na"]
    wv = uit_document(Wijkverband, document)
    assert [p.titel for p in wv.agenda.voor] == ["Opening en mededelingen",
                                                 "Verslag en actielijst vorige keer vaststellen"]


def test_oude_vergadering_blijft_het_cyclusblok() -> None:
    v = nieuwe_vergadering(_wv(agenda=Agenda(voor=[], na=[])), "v1", VANDAAG)
    v.fase_index = 2
    document = naar_document(v)
    for fase in document["fasen"]:
        del fase["soort"]
    for veld in ("correcties_vorig", "vorig_vastgesteld", "vastgesteld_op", "vastgesteld_in",
                 "vastgestelde_correcties"):
        del document[veld]
    terug = uit_document(Vergadering, document)
    assert [f.cyclus for f in terug.fasen] == [True, True, True]
    assert terug.fase.sleutel == "terugkoppelen" and terug.vastgesteld_op is None
    assert agenda.merk(terug) == "Concept"
    del document["fasen"]
    document["fase_index"] = 0
    assert [f.sleutel for f in uit_document(Vergadering, document).fasen] == [
        "signalen", "acties", "terugkoppelen"]


# --- een punt voor één keer -------------------------------------------------------------

def test_punt_toevoegen_komt_voor_de_sluiting_en_de_huidige_blijft() -> None:
    v = nieuwe_vergadering(_wv(), "v1", VANDAAG)
    v.fase_index = 3
    fase, plek = agenda.voeg_punt_toe(v, "Buurtfeest", 10)
    assert plek == 6 and v.fasen[7].titel == "Sluiting" and v.fase.sleutel == "acties"
    assert (fase.sleutel, fase.soort, fase.gepland_s) == ("extra-1", "extra", 600)
    v.fase_index = len(v.fasen) - 1  # bij de sluiting: dan achteraan
    tweede, plek = agenda.voeg_punt_toe(v, "Nog iets", 2)
    assert plek == len(v.fasen) - 1 and tweede.sleutel == "extra-2"
    assert v.fase.titel == "Sluiting"


@pytest.mark.parametrize(("titel", "minuten", "zin"), [
    ("", 5, "titel"), ("Buurtfeest", 0, "tussen 1 en 120"), ("Buurtfeest", "vijf", "tussen"),
])
def test_punt_toevoegen_weigert_met_een_zin(titel, minuten, zin) -> None:
    v = nieuwe_vergadering(_wv(), "v1", VANDAAG)
    with pytest.raises(OngeldigeInvoer, match=zin):
        agenda.voeg_punt_toe(v, titel, minuten)
    assert len(v.fasen) == 7


def test_elk_punt_heeft_de_klok_van_een_fase_en_eigen_notities() -> None:
    klok = Klok()
    v = nieuwe_vergadering(_wv(), "v1", VANDAAG)
    ak = AgendaKlok(v, klok)
    ak.start()
    klok.verzet(4 * 60 + 1)
    assert ak.stand() == "waarschuwing" and v.fase.titel == "Opening en mededelingen"
    klok.verzet(120)
    assert ak.stand() == "over" and ak.weergave() == "+01:01"
    assert v.fase_index == 0  # nooit vanzelf verder
    v.fase.notities = "Welkom aan de nieuwe wijkagent."
    ak.volgende()
    assert v.fase.soort == "verslag" and v.fase.notities == ""
    assert v.fasen[0].notities == "Welkom aan de nieuwe wijkagent."
    assert ak.loopt and ak.gebruikt(v.fasen[0]) == pytest.approx(6 * 60 + 1)


# --- sluiten ---------------------------------------------------------------------------

def test_extra_punten_houden_het_sluiten_niet_tegen(tmp_path) -> None:
    maak_opslag(tmp_path, sjabloon=True)
    sessie = voorzitter(tmp_path, Klok())
    sessie.start()
    assert sessie.vergadering.fase.titel == "Opening en mededelingen"
    agendabeheer(sessie).voeg_punt_toe("Buurtfeest", 10)
    with pytest.raises(OngeldigeInvoer, match="terugkoppeling mist"):
        sessie.sluit()  # alleen de terugkoppeling houdt tegen
    _klaar_om_te_sluiten(sessie.vergadering)
    sessie.sluit()  # vanaf het eerste punt, met het vorige verslag niet vastgesteld
    assert sessie.vergadering.gesloten
    assert all(f.gestart_op is None for f in sessie.vergadering.fasen)


# --- het vorige verslag ----------------------------------------------------------------

def test_vorig_verslag_vaststellen_met_correcties(tmp_path) -> None:
    maak_opslag(tmp_path, sjabloon=True)
    sessie = voorzitter(tmp_path, Klok())
    sessie.start()
    beheer = agendabeheer(sessie)
    vorig = beheer.vorig()
    assert vorig is not None and vorig.datum == VORIGE and agenda.merk(vorig) == "Concept"
    assert [a.nummer for a in beheer.actielijst()] == [1, 2]
    beheer.zet_correcties("Kees was afgemeld, niet afwezig.")
    assert not beheer.vastgesteld()
    beheer.stel_vast()
    assert beheer.vastgesteld()

    opslag = Opslag(tmp_path)
    bewaard = opslag.vergadering(WV, "2026-10-12")
    assert bewaard.vastgesteld_op == VANDAAG and bewaard.vastgesteld_in == sessie.vergadering.id
    assert bewaard.vastgestelde_correcties == "Kees was afgemeld, niet afwezig."
    assert agenda.merk(bewaard) == "Vastgesteld op maandag 23 november 2026"
    nu = opslag.vergadering(WV, sessie.vergadering.id)
    assert nu.vorig_vastgesteld == "2026-10-12"
    assert nu.logboek[-1].tekst == ("Verslag van maandag 12 oktober 2026 vastgesteld met "
                                    "correcties.")
    # Een latere correctie in dezelfde vergadering gaat mee in de vaststelling.
    beheer.zet_correcties("Kees was afgemeld.")
    assert Opslag(tmp_path).vergadering(WV, "2026-10-12").vastgestelde_correcties == (
        "Kees was afgemeld.")


def test_vaststellen_zonder_vorig_verslag_of_na_het_sluiten(tmp_path) -> None:
    maak_opslag(tmp_path, sjabloon=True)
    sessie = voorzitter(tmp_path, Klok())
    v = sessie.vergadering
    eerste = nieuwe_vergadering(sessie.wijkverband, "eerste", date(2020, 1, 6))
    assert agenda.vorige([eerste], eerste) is None
    vorig = agendabeheer(sessie).vorig()
    assert vorig is not None
    _klaar_om_te_sluiten(v)
    sessie.sluit()
    with pytest.raises(OngeldigeInvoer, match="al gesloten"):
        agendabeheer(sessie).stel_vast()
    open_ = copy.deepcopy(vorig)
    open_.gesloten_op = None
    with pytest.raises(OngeldigeInvoer, match="nog niet gesloten"):
        agenda.stel_vast(nieuwe_vergadering(sessie.wijkverband, "x", VANDAAG), open_, VANDAAG)


def test_al_vastgesteld_in_een_andere_vergadering_blijft_zo(tmp_path) -> None:
    maak_opslag(tmp_path, sjabloon=True)
    sessie = voorzitter(tmp_path, Klok())
    vorig = agendabeheer(sessie).vorig()
    assert vorig is not None
    agenda.stel_vast(sessie.vergadering, vorig, VANDAAG)
    ander = nieuwe_vergadering(sessie.wijkverband, "ander", VANDAAG)
    with pytest.raises(OngeldigeInvoer, match="al vastgesteld op maandag 23 november"):
        agenda.stel_vast(ander, vorig, date(2026, 12, 1))


def test_eerste_vergadering_heeft_geen_vorig_verslag(tmp_path) -> None:
    opslag = Opslag(tmp_path)
    wv = _wv()
    opslag.bewaar_wijkverband(wv)
    from vergadering.bewaarder import Bewaarder
    from vergadering.sessie import Sessie

    v = nieuwe_vergadering(wv, "v1", VANDAAG)
    opslag.bewaar_vergadering(v)
    sessie = Sessie(wv, v, [], [], Bewaarder(opslag), Klok())
    with pytest.raises(OngeldigeInvoer, match="eerste vergadering"):
        agendabeheer(sessie).stel_vast()



# --- de agenda aanpassen tijdens de vergadering ------------------------------------------

def _titels(v: Vergadering) -> list[str]:
    return [f.titel for f in v.fasen]


def test_punt_weghalen_en_verschuiven_alleen_wat_nog_moet_komen() -> None:
    v = nieuwe_vergadering(_wv(), "v1", VANDAAG)
    agenda.voeg_punt_toe(v, "Buurtfeest", 10)  # vóór de sluiting, na de rondvraag
    v.fase_index = 2  # de top 5 loopt
    assert agenda.verplaats_punt(v, 6, -1) == 5  # Buurtfeest vóór de rondvraag
    assert _titels(v)[5:] == ["Buurtfeest", "Rondvraag", "Sluiting"]
    assert agenda.verplaats_punt(v, 5, -1) == 4  # en vóór het terugkoppelen
    assert _titels(v)[2:6] == ["Top 5 signalen", "Top 1–2 acties", "Buurtfeest",
                               "Wat koppelen we terug?"]
    assert agenda.cyclusnummer(v, 5) == 3  # de cyclus telt door
    weg = agenda.haal_punt_weg(v, 6)
    assert weg.titel == "Rondvraag" and "Rondvraag" not in _titels(v)
    assert v.fase_index == 2 and v.fase.titel == "Top 5 signalen"


@pytest.mark.parametrize(("handeling", "index", "zin"), [
    ("weg", 3, "fasen van de cyclus"),
    ("weg", 0, "al geweest of loopt nu"),
    ("weg", 1, "vorige verslag blijft op de agenda"),
    ("weg", 9, "Kies een punt"),
    ("op", 5, "niet vóór het punt dat nu loopt"),
    ("neer", 6, "al onderaan"),
    ("op", 2, "fasen van de cyclus"),
])
def test_agenda_aanpassen_weigert_met_een_zin(handeling, index, zin) -> None:
    v = nieuwe_vergadering(_wv(), "v1", VANDAAG)
    # Het terugkoppelen loopt (de rondvraag en de sluiting komen nog); voor het vorige
    # verslag: de opening loopt nog.
    v.fase_index = 0 if index == 1 else 4
    voor = naar_document(v)
    with pytest.raises(OngeldigeInvoer, match=zin):
        if handeling == "weg":
            agenda.haal_punt_weg(v, index)
        else:
            agenda.verplaats_punt(v, index, -1 if handeling == "op" else 1)
    assert naar_document(v) == voor  # niets veranderd


def test_een_punt_met_notities_of_tijd_blijft_en_een_gesloten_agenda_ligt_vast() -> None:
    v = nieuwe_vergadering(_wv(), "v1", VANDAAG)
    v.fasen[5].notities = "Vraag over de bankjes"
    with pytest.raises(OngeldigeInvoer, match="al notities"):
        agenda.haal_punt_weg(v, 5)
    v.fasen[5].notities, v.fasen[5].gebruikt_s = "", 30.0
    with pytest.raises(OngeldigeInvoer, match="tijd gebruikt"):
        agenda.haal_punt_weg(v, 5)
    v.gesloten_op = datetime(2026, 11, 23, 21, 30)
    with pytest.raises(OngeldigeInvoer, match="al gesloten"):
        agenda.verplaats_punt(v, 6, -1)


def test_weghalen_en_verschuiven_komen_in_het_logboek_en_op_schijf(tmp_path) -> None:
    maak_opslag(tmp_path, sjabloon=True)
    sessie = voorzitter(tmp_path, Klok())
    beheer = agendabeheer(sessie)
    laatste = len(sessie.vergadering.fasen) - 1
    assert beheer.verplaats_punt(laatste - 1, 1) == laatste  # rondvraag na de sluiting
    beheer.haal_punt_weg(laatste - 1)  # en de sluiting weg
    bewaard = Opslag(tmp_path).vergadering(sessie.wijkverband.id, sessie.vergadering.id)
    assert _titels(bewaard)[-2:] == ["Wat koppelen we terug?", "Rondvraag"]
    logboek = [r.tekst for r in bewaard.logboek]
    assert "Agendapunt verschoven: Rondvraag is nu punt 7." in logboek
    assert "Agendapunt van de agenda gehaald: Sluiting." in logboek

# --- samenvoegen -----------------------------------------------------------------------

def test_punt_erbij_en_notities_elders_gaan_samen() -> None:
    v = nieuwe_vergadering(_wv(), "v1", VANDAAG)
    basis = naar_document(v)
    mijn, hun = copy.deepcopy(basis), copy.deepcopy(basis)
    agenda.voeg_punt_toe(v, "Buurtfeest", 10)
    mijn["fasen"] = naar_document(v)["fasen"]
    hun["fasen"][0]["notities"] = "Welkom"
    hun["versie"] = 2
    uit = voeg_samen(basis, mijn, hun)
    assert uit.conflicten == []
    fasen = uit.document["fasen"]
    assert [f["titel"] for f in fasen][-3:] == ["Rondvraag", "Buurtfeest", "Sluiting"]
    assert fasen[0]["notities"] == "Welkom"


def test_twee_kanten_elk_een_punt_erbij() -> None:
    v = nieuwe_vergadering(_wv(), "v1", VANDAAG)
    basis = naar_document(v)
    a, b = copy.deepcopy(v), copy.deepcopy(v)
    agenda.voeg_punt_toe(a, "Buurtfeest", 10)
    agenda.voeg_punt_toe(b, "Kerstmarkt", 5)
    b.fasen[-2].sleutel = "extra-9"  # een ander proces koos een andere sleutel
    uit = voeg_samen(basis, naar_document(a), naar_document(b))
    assert [f["titel"] for f in uit.document["fasen"]][-4:] == [
        "Rondvraag", "Buurtfeest", "Kerstmarkt", "Sluiting"]



def test_verschuiven_hier_en_notities_elders_blijven_bij_hun_punt() -> None:
    """De ene laptop schuift de rondvraag omhoog, de andere schrijft intussen notities bij
    de rondvraag en de sluiting: de notities blijven bij hun eigen punt."""
    v = nieuwe_vergadering(_wv(), "v1", VANDAAG)
    agenda.voeg_punt_toe(v, "Buurtfeest", 10)
    basis = naar_document(v)
    mijn = copy.deepcopy(v)
    agenda.verplaats_punt(mijn, 6, -1)  # Buurtfeest vóór de rondvraag
    hun = copy.deepcopy(basis)
    hun["fasen"][5]["notities"] = "Vraag over bankjes"  # de rondvraag
    hun["fasen"][7]["notities"] = "Tot ziens"  # de sluiting
    hun["versie"] = 2
    uit = voeg_samen(basis, naar_document(mijn), hun)
    assert uit.conflicten == []
    fasen = {f["titel"]: f for f in uit.document["fasen"]}
    assert [f["titel"] for f in uit.document["fasen"]][5:] == [
        "Buurtfeest", "Rondvraag", "Sluiting"]
    assert fasen["Rondvraag"]["notities"] == "Vraag over bankjes"
    assert fasen["Sluiting"]["notities"] == "Tot ziens"
    assert fasen["Buurtfeest"]["notities"] == ""


def test_weghalen_hier_en_een_punt_erbij_elders_gaan_samen() -> None:
    v = nieuwe_vergadering(_wv(), "v1", VANDAAG)
    basis = naar_document(v)
    mijn, hun = copy.deepcopy(v), copy.deepcopy(v)
    agenda.haal_punt_weg(mijn, 5)  # de rondvraag
    agenda.voeg_punt_toe(hun, "Kerstmarkt", 5)
    uit = voeg_samen(basis, naar_document(mijn), naar_document(hun))
    assert [f["titel"] for f in uit.document["fasen"]][4:] == [
        "Wat koppelen we terug?", "Kerstmarkt", "Sluiting"]

# --- de demo ---------------------------------------------------------------------------

def test_demo_geschiedenis_vastgesteld_en_een_nieuwe_vergadering_met_sjabloon(tmp_path) -> None:
    from vergadering import demo

    opslag = Opslag(tmp_path)
    demo.schrijf_demo(opslag, VANDAAG)
    (wv,) = opslag.wijkverbanden()
    alle = opslag.vergaderingen(wv.id)
    assert all(v.vastgesteld_in == later.id and v.vastgesteld_op == later.datum
               for v, later in pairwise(alle))
    assert agenda.merk(alle[-1]) == "Concept"
    assert all(not agenda.heeft_sjabloon(v) for v in alle)  # de geschiedenis: alleen de cyclus
    assert agenda.heeft_sjabloon(nieuwe_vergadering(wv, "nieuw", VANDAAG))


# --- de agendabalk bij een lange agenda ------------------------------------------------

@given(
    breedte=st.integers(min_value=1, max_value=200),
    extra=st.integers(min_value=0, max_value=6),
    huidig=st.integers(min_value=0, max_value=12),
    gebruikt=st.integers(min_value=0, max_value=20_000),
    hoogstens=st.sampled_from([None, 3, 4]),
)
@settings(max_examples=60, deadline=None)
def test_agendabalk_venster_past_en_toont_het_huidige_punt(breedte, extra, huidig, gebruikt,
                                                           hoogstens) -> None:
    from rich.cells import cell_len

    from schermen.klok import agenda_tekst, agendaregels

    v = nieuwe_vergadering(_wv(), "v1", VANDAAG)
    for i in range(extra):
        agenda.voeg_punt_toe(v, f"Extra punt {i} met een lange titel", 1 + i)
    v.fase_index = min(huidig, len(v.fasen) - 1)
    v.fase.gebruikt_s = float(gebruikt)
    regels, totaal, gepland = agendaregels(AgendaKlok(v, lambda: 0.0), hoogstens)
    assert len(regels) == min(len(v.fasen), hoogstens or len(v.fasen))
    assert sum(r.huidig for r in regels) == 1
    assert [r.nummer for r in agendaregels(AgendaKlok(v, lambda: 0.0))[0]] == [
        0, 0, 1, 2, 3, *([0] * (2 + extra))]
    tekst = agenda_tekst(regels, totaal, gepland, breedte).plain.split("\n")
    assert all(cell_len(r) <= max(breedte, 10) for r in tekst)
    assert sum(1 for r in tekst if r.startswith("▶")) == 1


def test_concept_van_het_vorige_verslag(tmp_path) -> None:
    opslag = maak_opslag(tmp_path, sjabloon=True)
    vorig = opslag.vergadering(WV, "2026-10-12")
    vorig.top5 = ["2611-s000", "2610-park", "weg"]  # 'weg' bestaat niet (meer)
    opslag.bewaar_vergadering(vorig)
    sessie = voorzitter(tmp_path, Klok())
    regels = agendabeheer(sessie).concept()
    assert regels == [
        "Aanwezig: 6 leden.",
        "Top 5: Te hard rijden op de Kastanjelaan; Hondenpoep op het grasveld.",
        "Besloten: actie 1 (Bloembakken op het Hovenplein); actie 2 (Buurtschouw "
        "straatverlichting).",
        "Terugkoppeling beloofd: maandag 30 november 2026 via nieuwsbrief.",
    ]
