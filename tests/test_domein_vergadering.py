"""De vergadering zelf (fasen, aanwezigheid, logboek, score) en de terugkoppeling (template 3)."""

from datetime import date, datetime

import pytest

from vergadering.fouten import OngeldigeInvoer
from vergadering.opslag.omzetten import naar_document, uit_document
from vergadering.terugkoppeling import KOPJES, Terugkoppeling
from vergadering.vergadering import FASEN, Score, Vergadering, nieuwe_vergadering
from vergadering.wijkverband import Agenda, Lid, Wijkverband

DATUM = date(2026, 11, 23)


def wijkverband(**kw) -> Wijkverband:
    leden = [Lid("a", "Anna", rol="voorzitter"), Lid("b", "Bram", rol="notulist"),
             Lid("c", "Cem")]
    kw.setdefault("agenda", Agenda(voor=[], na=[]))  # het cyclusblok alleen
    return Wijkverband("w", "De Hoven", leden=leden, **kw)


# --- nieuwe vergadering ----------------------------------------------------------------

def test_drie_fasen_met_de_duur_uit_de_agenda():
    wv = wijkverband(agenda=Agenda(signalen=7, acties=12, terugkoppelen=4,
                                   voor=[], na=[]))
    v = nieuwe_vergadering(wv, "v1", DATUM)
    assert [(f.sleutel, f.titel, f.gepland_s) for f in v.fasen] == [
        ("signalen", "Top 5 signalen", 420),
        ("acties", "Top 1–2 acties", 720),
        ("terugkoppelen", "Wat koppelen we terug?", 240),
    ]
    assert [f.sleutel for f in v.fasen] == [s for s, _ in FASEN]
    assert v.fase.sleutel == "signalen"
    assert not v.gestart and not v.gesloten


def test_standaard_is_iedereen_aanwezig_en_voorzitter_en_notulist_uit_de_rollen():
    v = nieuwe_vergadering(wijkverband(), "v1", DATUM)
    assert v.aanwezigen() == ["a", "b", "c"]
    assert (v.voorzitter, v.notulist) == ("Anna", "Bram")
    opgegeven = nieuwe_vergadering(wijkverband(), "v1", DATUM, voorzitter="Cem")
    assert opgegeven.voorzitter == "Cem"


def test_aanwezigheid_van_onbekend_lid_geweigerd():
    with pytest.raises(OngeldigeInvoer, match="'zz' is geen lid van De Hoven"):
        nieuwe_vergadering(wijkverband(), "v1", DATUM, aanwezigheid={"zz": "aanwezig"})


def test_onbekende_aanwezigheid_geweigerd():
    with pytest.raises(OngeldigeInvoer, match="geen aanwezigheid"):
        nieuwe_vergadering(wijkverband(), "v1", DATUM, aanwezigheid={"a": "misschien"})


def test_aanwezigheid_wijzigen():
    wv = wijkverband()
    v = nieuwe_vergadering(wv, "v1", DATUM)
    v.zet_aanwezigheid(wv, "b", "afgemeld")
    assert v.aanwezigen() == ["a", "c"]
    with pytest.raises(OngeldigeInvoer, match="geen lid"):
        v.zet_aanwezigheid(wv, "zz", "aanwezig")
    with pytest.raises(OngeldigeInvoer, match="geen aanwezigheid"):
        v.zet_aanwezigheid(wv, "a", "weg")


def test_stippen_en_fase_index_worden_gecontroleerd():
    with pytest.raises(OngeldigeInvoer, match="stippen"):
        Vergadering("v", "w", DATUM, stippen={"s": -1})
    v = nieuwe_vergadering(wijkverband(), "v1", DATUM)
    with pytest.raises(OngeldigeInvoer, match="Fase 8 bestaat niet"):
        Vergadering(**{**vars(v), "fase_index": 7})


def test_vergadering_zonder_fasen_krijgt_de_vaste_agenda():
    v = Vergadering("v", "w", DATUM)
    assert [(f.sleutel, f.gepland_s) for f in v.fasen] == [
        ("signalen", 300), ("acties", 600), ("terugkoppelen", 300)]
    assert v.fase.sleutel == "signalen"


def test_datum_verplicht():
    with pytest.raises(OngeldigeInvoer, match="datum"):
        Vergadering("v", "w", "morgen")


def test_logboek_noteert_de_huidige_fase():
    v = nieuwe_vergadering(wijkverband(), "v1", DATUM)
    v.log(datetime(2026, 11, 23, 19, 31), "Welkom")
    v.fase_index = 2
    v.log(datetime(2026, 11, 23, 19, 50), "Terugkoppeling")
    assert [(r.fase, r.tekst) for r in v.logboek] == [
        ("signalen", "Welkom"), ("terugkoppelen", "Terugkoppeling")]


def test_vergadering_overleeft_de_omzetting_naar_een_document():
    v = nieuwe_vergadering(wijkverband(), "v1", DATUM, plaats="Buurthuis De Kroon")
    v.stippen = {"s1": 3}
    v.scores = {"s1": Score(4, 5)}
    v.terugkoppeling = Terugkoppeling(gehoord="x", volgende_update=date(2027, 1, 4))
    v.log(datetime(2026, 11, 23, 19, 31), "Welkom")
    terug = uit_document(Vergadering, naar_document(v))
    assert terug == v


# --- score -----------------------------------------------------------------------------

def test_score_is_haalbaarheid_maal_impact():
    assert Score(4, 5).totaal == 20
    assert Score().totaal == 9


@pytest.mark.parametrize("waarde", [0, 6, 2.5, "3", True])
def test_score_alleen_1_tot_5(waarde):
    with pytest.raises(OngeldigeInvoer, match="1 tot en met 5"):
        Score(haalbaarheid=waarde)


# --- terugkoppeling --------------------------------------------------------------------

def test_lege_terugkoppeling_mist_alles():
    assert Terugkoppeling().ontbreekt() == [
        "wat we hoorden of wat we doen",
        "de datum van de volgende update",
        "het kanaal",
        "de eigenaar van de terugkoppeling",
    ]


def test_volledige_terugkoppeling_mist_niets():
    tk = Terugkoppeling(gedaan="We plaatsen bankjes", volgende_update=date(2027, 1, 4),
                        kanaal="nieuwsbrief", eigenaar="Anna")
    assert tk.ontbreekt(DATUM) == []


def test_update_datum_moet_nog_komen():
    tk = Terugkoppeling(gehoord="x", volgende_update=date(2026, 11, 22), kanaal="k", eigenaar="e")
    assert tk.ontbreekt(DATUM) == ["een datum voor de volgende update die nog moet komen"]
    assert tk.ontbreekt() == []  # zonder 'vandaag' geen controle op het verleden


def test_alleen_witruimte_telt_als_leeg():
    tk = Terugkoppeling(gehoord="  ", volgende_update=date(2027, 1, 4), kanaal=" ",
                        eigenaar="\n")
    assert tk.ontbreekt(DATUM) == ["wat we hoorden of wat we doen", "het kanaal",
                                   "de eigenaar van de terugkoppeling"]


def test_terugkoppeling_datum_moet_een_datum_zijn():
    with pytest.raises(OngeldigeInvoer, match="datum"):
        Terugkoppeling(volgende_update="4 januari")


def test_onderdelen_volgen_template_3():
    tk = Terugkoppeling(gehoord="Hardrijders", gedaan="Meting", lukt_niet="Drempels: te duur",
                        volgende_update=date(2027, 1, 4), kanaal="de nieuwsbrief",
                        eigenaar="Anna", contact="Inloop dinsdag 10–12 uur")
    assert tk.onderdelen() == [
        ("Dit hoorden we in de wijk", "Hardrijders"),
        ("Dit hebben we gedaan / gaan we doen", "Meting"),
        ("Dit lukt (nog) niet — en waarom", "Drempels: te duur"),
        ("Volgende update", "maandag 4 januari 2027 via de nieuwsbrief"),
        ("Contact / meedoen", "Inloop dinsdag 10–12 uur"),
    ]
    assert [k for k, _ in tk.onderdelen()] == list(KOPJES)
    assert "Anna" not in str(tk.onderdelen())  # de eigenaar is intern
