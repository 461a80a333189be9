"""De regels van de ronde: stippen, top 5, weging, acties, parkeren, sluiten, meenemen."""

from datetime import date, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vergadering import regels
from vergadering.actie import Actie
from vergadering.fouten import OngeldigeInvoer
from vergadering.signaal import Contact, Signaal, bundel
from vergadering.terugkoppeling import Terugkoppeling
from vergadering.vergadering import Vergadering, nieuwe_vergadering
from vergadering.wijkverband import Agenda, Lid, Participatieafspraken, Wijkverband

DATUM = date(2026, 11, 23)
MOMENT = datetime(2026, 11, 23, 20, 0)


def wijkverband(**kw) -> Wijkverband:
    leden = [
        Lid("a", "Anna", rol="voorzitter"),
        Lid("b", "Bram"),
        Lid("c", "Cem"),
        Lid("d", "Dirk"),
        Lid("e", "Eva", rol="gemeente", organisatie="Gemeente", stemrecht=False),
    ]
    kw.setdefault("agenda", Agenda(voor=[], na=[]))  # het cyclusblok alleen
    return Wijkverband("w", "De Hoven", leden=leden, **kw)


def vergadering(wv: Wijkverband, **aanwezigheid: str) -> Vergadering:
    stand = {lid.id: "aanwezig" for lid in wv.leden} | aanwezigheid
    return nieuwe_vergadering(wv, "v2", DATUM, aanwezigheid=stand)


def signaal(sid: str, aantal: int = 1, dagen: int = 0, **kw) -> Signaal:
    return Signaal(sid, "w", kw.pop("tekst", f"Signaal {sid}"),
                   DATUM - timedelta(days=30 - dagen), aantal=aantal, **kw)


def actie(aid: str = "2026-1", nummer: int = 1, **kw) -> Actie:
    basis = dict(wijkverband_id="w", omschrijving=f"Actie {nummer}", eigenaar="Gemeente",
                 besloten_op=DATUM)
    basis.update(kw)
    return Actie(aid, nummer=nummer, **basis)


def volledige_terugkoppeling() -> Terugkoppeling:
    return Terugkoppeling(gehoord="Te hard rijden", volgende_update=date(2027, 1, 4),
                          kanaal="nieuwsbrief", eigenaar="Anna")


# --- stippen ---------------------------------------------------------------------------

def test_stippen_beschikbaar_aanwezige_stemgerechtigden_maal_stippen_per_lid():
    wv = wijkverband()
    v = vergadering(wv, d="afgemeld")  # Eva is aanwezig maar heeft geen stemrecht
    assert [lid.id for lid in regels.aanwezige_stemmers(wv, v)] == ["a", "b", "c"]
    assert regels.stippen_beschikbaar(wv, v) == 9
    wv.stippen_per_lid = 5
    assert regels.stippen_beschikbaar(wv, v) == 15


def test_niet_meer_stippen_dan_te_verdelen():
    wv = wijkverband()
    v = vergadering(wv, d="afgemeld")
    regels.zet_stippen(wv, v, "s1", 5)
    regels.zet_stippen(wv, v, "s2", 4)
    assert regels.stippen_gebruikt(v) == 9
    with pytest.raises(OngeldigeInvoer) as fout:
        regels.zet_stippen(wv, v, "s3", 1)
    assert str(fout.value) == (
        "Er zijn 9 stippen te verdelen en er zijn er al 9 gegeven; dit signaal kan er "
        "hoogstens 0 krijgen.")
    assert "s3" not in v.stippen


def test_stippen_van_hetzelfde_signaal_vervangen_in_plaats_van_optellen():
    wv = wijkverband()
    v = vergadering(wv)
    regels.zet_stippen(wv, v, "s1", 12)  # 4 stemmers x 3 = 12
    regels.zet_stippen(wv, v, "s1", 10)
    assert v.stippen == {"s1": 10}
    regels.zet_stippen(wv, v, "s1", 0)
    assert v.stippen == {}


@pytest.mark.parametrize("aantal", [-1, 1.5, "3", True])
def test_stippen_moeten_een_heel_getal_zijn(aantal):
    wv = wijkverband()
    with pytest.raises(OngeldigeInvoer, match="0 of meer"):
        regels.zet_stippen(wv, vergadering(wv), "s1", aantal)


def test_stippen_na_sluiten_geweigerd():
    wv = wijkverband()
    v = vergadering(wv)
    v.terugkoppeling = volledige_terugkoppeling()
    regels.sluit(v, MOMENT)
    with pytest.raises(OngeldigeInvoer, match="al gesloten"):
        regels.zet_stippen(wv, v, "s1", 1)


# --- ranglijst en top 5 ---------------------------------------------------------------

def test_ranglijst_op_stippen_met_gelijke_plaatsen_gemarkeerd():
    sigs = [signaal("a"), signaal("b"), signaal("c"), signaal("d"), signaal("x", status="gekozen")]
    plekken = regels.ranglijst(sigs, {"a": 2, "b": 5, "c": 2, "x": 9})
    assert [(p.signaal.id, p.stippen, p.positie, p.gelijk) for p in plekken] == [
        ("b", 5, 1, False),
        ("a", 2, 2, True),
        ("c", 2, 2, True),
        ("d", 0, 4, False),
    ]


def test_bij_gelijke_stippen_eerst_meer_bewoners_dan_ouder():
    sigs = [signaal("jong", 1, dagen=5), signaal("oud", 1, dagen=0), signaal("veel", 4, dagen=9)]
    plekken = regels.ranglijst(sigs, {"jong": 3, "oud": 3, "veel": 3})
    assert [p.signaal.id for p in plekken] == ["veel", "oud", "jong"]
    assert {p.positie for p in plekken} == {1}


def test_gebundelde_signalen_tellen_mee_in_het_hoofdsignaal():
    h, d, ander = signaal("h", 1), signaal("d", 5), signaal("ander", 3)
    bundel(h, d)
    plekken = regels.ranglijst([h, d, ander], {})
    assert [p.signaal.id for p in plekken] == ["h", "ander"]  # h telt 6 bewoners


def test_gelijk_op_de_grens():
    sigs = [signaal(str(i)) for i in range(7)]
    stippen = {"0": 9, "1": 8, "2": 7, "3": 6, "4": 3, "5": 3, "6": 1}
    grens = regels.gelijk_op_de_grens(regels.ranglijst(sigs, stippen))
    assert [p.signaal.id for p in grens] == ["4", "5"]
    stippen["5"] = 2
    assert regels.gelijk_op_de_grens(regels.ranglijst(sigs, stippen)) == []


def test_gelijk_op_de_grens_neemt_ook_gelijke_plekken_boven_de_grens_mee():
    sigs = [signaal(str(i)) for i in range(6)]
    stippen = {"0": 9, "1": 8, "2": 7, "3": 3, "4": 3, "5": 3}
    grens = regels.gelijk_op_de_grens(regels.ranglijst(sigs, stippen))
    assert [p.signaal.id for p in grens] == ["3", "4", "5"]


def test_signalen_zonder_stippen_staan_niet_gelijk_en_maken_geen_grensprobleem():
    sigs = [signaal(str(i)) for i in range(8)]
    plekken = regels.ranglijst(sigs, {"0": 3, "1": 2})
    assert [p.gelijk for p in plekken] == [False] * 8
    assert [p.positie for p in plekken] == [1, 2, 3, 3, 3, 3, 3, 3]
    assert regels.gelijk_op_de_grens(plekken) == []
    assert regels.voorlopige_top5(plekken) == ["0", "1"]


def test_geen_grensprobleem_met_vijf_of_minder_signalen():
    sigs = [signaal(str(i)) for i in range(5)]
    assert regels.gelijk_op_de_grens(regels.ranglijst(sigs, {})) == []


def test_voorlopige_top5_alleen_signalen_met_stippen_en_hoogstens_vijf():
    sigs = [signaal(str(i)) for i in range(8)]
    stippen = {str(i): 10 - i for i in range(7)}
    assert regels.voorlopige_top5(regels.ranglijst(sigs, stippen)) == ["0", "1", "2", "3", "4"]
    assert regels.voorlopige_top5(regels.ranglijst(sigs, {"3": 1, "6": 2})) == ["6", "3"]


def test_top5_vastleggen():
    wv = wijkverband()
    v = vergadering(wv)
    regels.leg_top5_vast(v, ["a", "b", "c"], MOMENT)
    assert v.top5 == ["a", "b", "c"]
    assert v.logboek[-1].tekst == "Top 3 vastgelegd."
    assert v.logboek[-1].fase == "signalen"


@pytest.mark.parametrize(
    ("ids", "melding"),
    [
        ([], "minstens één"),
        (["1", "2", "3", "4", "5", "6"], "hoogstens 5"),
        (["1", "2", "1"], "twee keer"),
    ],
)
def test_top5_hoogstens_vijf_unieke(ids, melding):
    wv = wijkverband()
    v = vergadering(wv)
    with pytest.raises(OngeldigeInvoer, match=melding):
        regels.leg_top5_vast(v, ids, MOMENT)
    assert v.top5 == []


def test_top5_met_signalen_controleert_bestaan_en_status():
    wv = wijkverband()
    v = vergadering(wv)
    h, d = signaal("h"), signaal("d")
    bundel(h, d)
    with pytest.raises(OngeldigeInvoer, match="bestaat niet"):
        regels.leg_top5_vast(v, ["h", "zz"], MOMENT, signalen=[h, d])
    with pytest.raises(OngeldigeInvoer, match="gebundeld"):
        regels.leg_top5_vast(v, ["h", "d"], MOMENT, signalen=[h, d])
    regels.leg_top5_vast(v, ["h"], MOMENT, signalen=[h, d])
    assert v.top5 == ["h"]


# --- weging ----------------------------------------------------------------------------

def test_weging_volgorde_haalbaarheid_maal_impact():
    wv = wijkverband()
    v = vergadering(wv)
    v.top5 = ["a", "b", "c", "d"]
    regels.zet_score(v, "a", 2, 2)   # 4
    regels.zet_score(v, "b", 5, 4)   # 20
    regels.zet_score(v, "c", 4, 5)   # 20, later in de top 5 dan b
    assert regels.volgorde_op_weging(v) == ["b", "c", "a", "d"]  # d is ongewogen


def test_weging_alleen_voor_topsignalen_en_cijfers_1_tot_5():
    wv = wijkverband()
    v = vergadering(wv)
    v.top5 = ["a"]
    with pytest.raises(OngeldigeInvoer, match="top 5"):
        regels.zet_score(v, "x", 3, 3)
    with pytest.raises(OngeldigeInvoer, match="1 tot en met 5"):
        regels.zet_score(v, "a", 6, 3)
    assert v.scores == {}


# --- acties aannemen -------------------------------------------------------------------

def test_twee_acties_mogen_een_derde_alleen_met_reden_in_het_logboek():
    wv = wijkverband()
    v = vergadering(wv)
    a1, a2, a3 = actie("2026-1", 1), actie("2026-2", 2), actie("2026-3", 3)
    regels.neem_actie_aan(wv, v, a1, MOMENT)
    regels.neem_actie_aan(wv, v, a2, MOMENT)
    with pytest.raises(OngeldigeInvoer) as fout:
        regels.neem_actie_aan(wv, v, a3, MOMENT)
    assert "meer dan 2 kan alleen met een reden" in str(fout.value)
    assert v.acties == ["2026-1", "2026-2"]
    assert a3.vergadering_id is None
    regels.neem_actie_aan(wv, v, a3, MOMENT, reden_extra="Subsidie verloopt eind december")
    assert v.acties == ["2026-1", "2026-2", "2026-3"]
    assert v.reden_extra_acties == "Subsidie verloopt eind december"
    assert any(r.tekst == "Extra actie aangenomen, reden: Subsidie verloopt eind december."
               for r in v.logboek)
    assert a3.vergadering_id == "v2"


def test_max_acties_is_per_wijkverband_in_te_stellen():
    wv = wijkverband(max_acties=1)
    v = vergadering(wv)
    regels.neem_actie_aan(wv, v, actie("2026-1", 1), MOMENT)
    with pytest.raises(OngeldigeInvoer, match="meer dan 1"):
        regels.neem_actie_aan(wv, v, actie("2026-2", 2), MOMENT)


def test_actie_aannemen_komt_in_het_logboek_en_is_idempotent():
    wv = wijkverband()
    v = vergadering(wv)
    a = actie(omschrijving="Bankjes plaatsen")
    regels.neem_actie_aan(wv, v, a, MOMENT)
    regels.neem_actie_aan(wv, v, a, MOMENT)
    assert v.acties == [a.id]
    assert v.logboek[-1].tekst == (
        "Actie 1 aangenomen: Bankjes plaatsen (eigenaar Gemeente, eerste stap 7 dec 2026).")


def test_verworpen_stemming_houdt_de_actie_tegen():
    wv = wijkverband()
    v = vergadering(wv)
    a = actie()
    regels.houd_stemming(wv, v, "Actie 1", MOMENT, voor=1, tegen=3, actie_id=a.id)
    with pytest.raises(OngeldigeInvoer, match="niet aangenomen"):
        regels.neem_actie_aan(wv, v, a, MOMENT)
    regels.houd_stemming(wv, v, "Actie 1", MOMENT, voor=3, tegen=1, actie_id=a.id)
    regels.neem_actie_aan(wv, v, a, MOMENT)
    assert v.acties == [a.id]


def test_actie_van_ander_wijkverband_geweigerd():
    wv = wijkverband()
    with pytest.raises(OngeldigeInvoer, match="ander wijkverband"):
        regels.neem_actie_aan(wv, vergadering(wv), actie(wijkverband_id="elders"), MOMENT)


def test_aannemen_met_signalen_zet_de_bronnen_op_gekozen_en_terugtrekken_herstelt():
    wv = wijkverband()
    v = vergadering(wv)
    s1, s2 = signaal("s1"), signaal("s2")
    a = actie(signalen=["s1"])
    regels.neem_actie_aan(wv, v, a, MOMENT, signalen=[s1, s2])
    assert (s1.status, s1.vergadering_id, s2.status) == ("gekozen", "v2", "nieuw")
    regels.trek_actie_terug(v, a, MOMENT, signalen=[s1, s2])
    assert v.acties == [] and a.vergadering_id is None
    assert s1.status == "nieuw"
    assert "teruggetrokken" in v.logboek[-1].tekst
    with pytest.raises(OngeldigeInvoer, match="niet aangenomen"):
        regels.trek_actie_terug(v, a, MOMENT)


def test_gebundeld_bronsignaal_geweigerd():
    wv = wijkverband()
    h, d = signaal("h"), signaal("d")
    bundel(h, d)
    with pytest.raises(OngeldigeInvoer, match="hoofdsignaal"):
        regels.neem_actie_aan(wv, vergadering(wv), actie(signalen=["d"]), MOMENT, signalen=[h, d])


# --- parkeren en statusupdates ---------------------------------------------------------

def test_niet_gekozen_topsignalen_parkeren_met_reden():
    wv = wijkverband()
    v = vergadering(wv)
    sigs = [signaal("a"), signaal("b", status="gekozen"), signaal("c"), signaal("buiten")]
    v.top5 = ["a", "b", "c"]
    with pytest.raises(OngeldigeInvoer, match="reden om te parkeren"):
        regels.parkeer_niet_gekozen(v, sigs, " ", MOMENT)
    geparkeerd = regels.parkeer_niet_gekozen(v, sigs, "Volgende ronde opnieuw", MOMENT)
    assert [s.id for s in geparkeerd] == ["a", "c"]
    assert [s.status for s in sigs] == ["geparkeerd", "gekozen", "geparkeerd", "nieuw"]
    assert sigs[0].vergadering_id == "v2"


def test_status_bijwerken_in_fase_3():
    wv = wijkverband()
    v = vergadering(wv)
    a = actie(besloten_op=DATUM - timedelta(weeks=6))
    regels.werk_status_bij(v, a, "loopt", "Offerte aangevraagd", MOMENT)
    regels.werk_status_bij(v, a, "vastgelopen", "Wacht op vergunning", MOMENT)
    assert v.statusupdates == [a.id]
    assert [h.vergadering_id for h in a.historie] == ["v2", "v2"]
    assert v.logboek[-1].tekst == "Actie 1 zit vast: Wacht op vergunning."
    with pytest.raises(OngeldigeInvoer, match="waarom de actie gestopt"):
        regels.werk_status_bij(v, a, "gestopt", "", MOMENT)


# --- sluiten ---------------------------------------------------------------------------

def test_sluiten_zonder_terugkoppeling_noemt_alles_wat_mist():
    wv = wijkverband()
    v = vergadering(wv)
    with pytest.raises(OngeldigeInvoer) as fout:
        regels.sluit(v, MOMENT)
    assert str(fout.value) == (
        "De vergadering kan nog niet dicht: de terugkoppeling mist wat we hoorden of wat we "
        "doen, de datum van de volgende update, het kanaal en de eigenaar van de "
        "terugkoppeling.")
    assert not v.gesloten


@pytest.mark.parametrize(
    ("weg", "mist"),
    [
        ("volgende_update", "de datum van de volgende update"),
        ("kanaal", "het kanaal"),
        ("eigenaar", "de eigenaar van de terugkoppeling"),
    ],
)
def test_sluiten_noemt_precies_het_ene_ontbrekende_deel(weg, mist):
    wv = wijkverband()
    v = vergadering(wv)
    v.terugkoppeling = volledige_terugkoppeling()
    setattr(v.terugkoppeling, weg, None if weg == "volgende_update" else "")
    with pytest.raises(OngeldigeInvoer) as fout:
        regels.sluit(v, MOMENT)
    assert str(fout.value) == f"De vergadering kan nog niet dicht: de terugkoppeling mist {mist}."
    assert regels.ontbreekt_voor_sluiten(v, DATUM) == [mist]


def test_update_in_het_verleden_telt_niet():
    wv = wijkverband()
    v = vergadering(wv)
    v.terugkoppeling = volledige_terugkoppeling()
    v.terugkoppeling.volgende_update = DATUM - timedelta(days=1)
    with pytest.raises(OngeldigeInvoer, match="die nog moet komen"):
        regels.sluit(v, MOMENT)


def test_sluiten_met_volledige_terugkoppeling():
    wv = wijkverband()
    v = vergadering(wv)
    v.terugkoppeling = volledige_terugkoppeling()
    regels.sluit(v, MOMENT)
    assert v.gesloten and v.gesloten_op == MOMENT
    assert v.logboek[-1].tekst == "Vergadering gesloten."
    regels.sluit(v, MOMENT + timedelta(hours=1))  # tweemaal sluiten verandert niets
    assert v.gesloten_op == MOMENT


def test_waarschuwingen_voor_sluiten():
    wv = wijkverband()
    v = vergadering(wv)
    oud1 = actie("2026-1", 1, besloten_op=DATUM - timedelta(weeks=6))
    oud2 = actie("2026-2", 2, besloten_op=DATUM - timedelta(weeks=6))
    nieuw = actie("2026-3", 3, eerste_stap="", terugkoppelzin="")
    regels.neem_actie_aan(wv, v, nieuw, MOMENT)
    regels.werk_status_bij(v, oud1, "loopt", "bezig", MOMENT)
    sigs = [signaal("a"), signaal("b")]
    v.top5 = ["a", "b"]
    sigs[1].parkeer("later", v.id)
    uit = regels.waarschuwingen_voor_sluiten(v, sigs, [oud1, oud2, nieuw])
    assert uit == [
        "Actie 2 kreeg geen statusupdate.",
        "1 signaal uit de top 5 is niet gekozen en niet geparkeerd; het komt de volgende "
        "keer terug zonder reden.",
        "De volgende vergadering is nog niet vastgesteld (d); het verslag zegt dan 'nog niet "
        "vastgesteld'.",
        "Actie 3 heeft nog geen beschreven eerste stap.",
        "Actie 3 heeft nog geen terugkoppelzin voor bewoners.",
    ]
    # Meer acties en signalen: meervoud, en de nummers als opsomming.
    v.statusupdates.clear()
    sigs.append(signaal("c"))
    v.top5 = ["a", "c"]
    uit = regels.waarschuwingen_voor_sluiten(v, sigs, [oud1, oud2, nieuw])
    assert uit[:2] == [
        "Acties 1 en 2 kregen geen statusupdate.",
        "2 signalen uit de top 5 zijn niet gekozen en niet geparkeerd; ze komen de volgende "
        "keer terug zonder reden.",
    ]


# --- wat meegaat naar de volgende ronde ------------------------------------------------

def test_open_signalen_gaan_mee_naar_de_volgende_vergadering():
    sigs = [signaal("nieuw"), signaal("park", status="geparkeerd", reden="later"),
            signaal("gekozen", status="gekozen"), signaal("af", status="afgehandeld"),
            signaal("bundel", status="gebundeld", gebundeld_in="nieuw")]
    assert [s.id for s in regels.te_bespreken(sigs)] == ["nieuw", "park"]


def test_open_acties_gaan_mee_oudste_eerst_zonder_die_van_deze_vergadering():
    wv = wijkverband()
    v = vergadering(wv)
    a3 = actie("2026-3", 3)
    a1 = actie("2026-1", 1, status="loopt")
    a2 = actie("2026-2", 2, status="gereed")
    a4 = actie("2026-4", 4, status="vastgelopen")
    assert [a.nummer for a in regels.lopende_acties([a4, a3, a2, a1])] == [1, 3, 4]
    regels.neem_actie_aan(wv, v, a3, MOMENT)
    assert [a.nummer for a in regels.lopende_acties([a4, a3, a2, a1], v)] == [1, 4]


def test_een_volledige_ronde_en_de_volgende():
    """Wat niet gekozen is en wat nog loopt, staat de volgende keer weer op tafel."""
    wv = wijkverband()
    v = vergadering(wv)
    sigs = [signaal(s, 1) for s in "abcdefg"]
    for sid, n in zip("abcdefg", [5, 3, 2, 1, 1, 0, 0], strict=True):
        regels.zet_stippen(wv, v, sid, n)
    plekken = regels.ranglijst(sigs, v.stippen)
    top = regels.voorlopige_top5(plekken)
    assert top == ["a", "b", "c", "d", "e"]
    regels.leg_top5_vast(v, top, MOMENT, signalen=sigs)
    a = actie(signalen=["a"])
    regels.neem_actie_aan(wv, v, a, MOMENT, signalen=sigs)
    regels.parkeer_niet_gekozen(v, sigs, "Niet gekozen deze ronde", MOMENT)
    v.terugkoppeling = regels.voorstel_terugkoppeling(v, sigs, [a], wv)
    v.terugkoppeling.eigenaar = "Anna"
    v.terugkoppeling.volgende_update = date(2027, 1, 4)
    regels.sluit(v, MOMENT)
    volgende = regels.te_bespreken(sigs)
    assert [s.id for s in volgende] == ["b", "c", "d", "e", "f", "g"]
    assert regels.lopende_acties([a]) == [a]


# --- voorstel voor de terugkoppeling ---------------------------------------------------

def test_voorstel_terugkoppeling_volgt_template_3_zonder_contactgegevens():
    wv = wijkverband()
    v = vergadering(wv)
    v.volgende_vergadering = date(2027, 1, 11)
    geheim = Contact("Mevrouw Jansen", "06-12345678, jansen@example.org")
    h = signaal("h", 3, tekst="Te hard rijden op de Laan", contact=geheim)
    d = signaal("d", 2, tekst="Auto's scheuren door de Laan", contact=geheim)
    p = signaal("p", 1, tekst="Meer bankjes", contact=geheim)
    bundel(h, d)
    v.top5 = ["h", "p"]
    nieuw = actie("2026-5", 5, omschrijving="Snelheidsmeting aanvragen",
                  terugkoppelzin="De gemeente meet in december de snelheid.")
    regels.neem_actie_aan(wv, v, nieuw, MOMENT)
    p.parkeer("Eerst budget zoeken", v.id)
    loopt = actie("2026-1", 1, omschrijving="Buurtschoonmaak", besloten_op=date(2026, 10, 1))
    vast = actie("2026-2", 2, omschrijving="Hondenpoepbakken", besloten_op=date(2026, 10, 1))
    regels.werk_status_bij(v, loopt, "gereed", "Zaterdag gedaan met 20 buren", MOMENT)
    regels.werk_status_bij(v, vast, "vastgelopen", "Geen plek gevonden", MOMENT)

    eerder = signaal("e", tekst="Eerder geparkeerd", status="geparkeerd", reden="oud",
                     vergadering_id="v1")  # hoort bij de terugkoppeling van toen
    tk = regels.voorstel_terugkoppeling(v, [h, d, p, eerder], [nieuw, loopt, vast], wv)

    assert tk.gehoord == "- Te hard rijden op de Laan (5 bewoners)\n- Meer bankjes (1 bewoner)"
    # Elke actie één keer: wat (de zin voor bewoners), wie en wanneer, datums voluit.
    assert tk.gedaan.splitlines() == [
        "- De gemeente meet in december de snelheid. Gemeente zet de eerste stap vóór "
        "maandag 7 december 2026; op maandag 4 januari 2027 kijken we hoe het gaat.",
        "- Buurtschoonmaak is klaar: Zaterdag gedaan met 20 buren.",
    ]
    assert tk.lukt_niet.splitlines() == [
        "- Meer bankjes: Eerst budget zoeken.",
        "- Hondenpoepbakken zit vast: Geen plek gevonden.",
    ]
    assert tk.volgende_update == date(2027, 1, 11)
    assert tk.kanaal == "inloop"  # het eerste kanaal van het wijkverband
    alles = " ".join(str(waarde) for _, waarde in vars(tk).items())
    for prive in ("Jansen", "06-12345678", "jansen@example.org"):
        assert prive not in alles


def test_voorstel_zet_geparkeerde_signalen_met_dezelfde_reden_samen_en_kort_lange_in():
    wv = wijkverband()
    v = vergadering(wv)
    lang = "Dit is de eerste zin van een lang signaal. " + "En dan nog heel veel meer. " * 100
    sigs = [signaal("a", tekst="Bankje kapot"), signaal("b", tekst="Prullenbak vol"),
            signaal("c", tekst=lang), signaal("d", tekst="Geen speeltuin")]
    for s in sigs[:3]:
        s.parkeer("Eerst met de gemeente praten.", v.id)
    sigs[3].parkeer("Te groot voor nu", v.id)
    v.top5 = ["c"]
    tk = regels.voorstel_terugkoppeling(v, sigs, [], wv)
    regels_ = tk.lukt_niet.splitlines()
    assert len(regels_) == 2  # de reden één keer, met de drie signalen eronder
    assert regels_[0].startswith("- Eerst met de gemeente praten. Dat geldt voor: Bankje kapot; "
                                 "Prullenbak vol; Dit is de eerste zin")
    assert regels_[0].count("Eerst met de gemeente praten") == 1
    assert regels_[1] == "- Geen speeltuin: Te groot voor nu."
    (regel,) = tk.gehoord.splitlines()
    assert regel.startswith("- Dit is de eerste zin van een lang signaal. En dan nog")
    assert regel.endswith("heel veel meer (1 bewoner)")  # afgebroken na een hele zin
    assert len(regel) < 230


def test_voorstel_neemt_kanaal_en_eigenaar_uit_de_participatieafspraken():
    wv = wijkverband(afspraken=Participatieafspraken(terugkoppeling_kanaal="buurtapp",
                                                     terugkoppeling_eigenaar="Bram"))
    v = vergadering(wv)
    tk = regels.voorstel_terugkoppeling(v, [], [], wv)
    assert (tk.kanaal, tk.eigenaar) == ("buurtapp", "Bram")
    v.terugkoppeling = Terugkoppeling(kanaal="website", eigenaar="Cem", contact="Inloop di")
    tk = regels.voorstel_terugkoppeling(v, [], [], wv)
    assert (tk.kanaal, tk.eigenaar, tk.contact) == ("website", "Cem", "Inloop di")


@settings(max_examples=150, deadline=None)
@given(
    st.integers(min_value=0, max_value=4),
    st.lists(st.tuples(st.sampled_from(["s1", "s2", "s3"]), st.integers(-2, 15)), max_size=25),
)
def test_nooit_meer_stippen_dan_aanwezigen_maal_stippen_per_lid(afwezig, pogingen):
    wv = wijkverband()
    v = vergadering(wv, **{lid: "afgemeld" for lid in "abcd"[:afwezig]})
    for sid, aantal in pogingen:
        voor = dict(v.stippen)
        try:
            regels.zet_stippen(wv, v, sid, aantal)
        except OngeldigeInvoer:
            assert v.stippen == voor  # geweigerd: er veranderde niets
        else:
            assert v.stippen.get(sid, 0) == aantal
        assert regels.stippen_gebruikt(v) <= (4 - afwezig) * wv.stippen_per_lid


def test_voorstel_terugkoppeling_past_ook_bij_vijf_lange_signalen():
    """Vijf signalen van 9.000 tekens: het voorstel wordt ingekort, niet geweigerd."""
    from datetime import date

    from vergadering.regels import voorstel_terugkoppeling
    from vergadering.signaal import Signaal
    from vergadering.tekst import MAX_TEKST
    from vergadering.vergadering import nieuwe_vergadering
    from vergadering.wijkverband import Lid, Wijkverband

    wv = Wijkverband(id="wv", naam="Lang", leden=[Lid("l1", "Ans", "voorzitter")])
    v = nieuwe_vergadering(wv, "2026-11-23", date(2026, 11, 23))
    signalen = [
        Signaal(id=f"2611-aaa{i}", wijkverband_id="wv", tekst=str(i) * 9000,
                datum=date(2026, 11, 1))
        for i in range(5)
    ]
    v.top5 = [s.id for s in signalen]
    voorstel = voorstel_terugkoppeling(v, signalen, [], wv)
    assert 0 < len(voorstel.gehoord) <= MAX_TEKST
    assert voorstel.gehoord.count("\n") == 4  # alle vijf staan erin, ingekort
    for i in range(5):
        assert str(i) * 50 in voorstel.gehoord


def test_ranglijst_telt_bundelketens_mee_bij_duizenden_signalen():
    """Na tien jaar: 3.000 open signalen, een bundelketen; de ranglijst blijft kloppen."""
    from datetime import date, timedelta

    from vergadering.regels import ranglijst
    from vergadering.signaal import Signaal, bundel, totaal

    alle = [
        Signaal(id=f"2611-{i:05d}", wijkverband_id="wv", tekst=f"signaal {i}",
                datum=date(2016, 1, 1) + timedelta(days=i % 3000), aantal=1 + i % 7)
        for i in range(3000)
    ]
    bundel(alle[1], alle[2])
    bundel(alle[0], alle[1])  # keten: 2 -> 1 -> 0
    stippen = {alle[0].id: 4, alle[10].id: 4, alle[20].id: 1}
    plekken = ranglijst(alle, stippen)
    assert [p.signaal.id for p in plekken[:2]] == sorted(
        [alle[0].id, alle[10].id], key=lambda i: -totaal(next(s for s in alle if s.id == i), alle))
    assert plekken[0].bewoners == totaal(alle[0], alle) == 1 + 2 + 3
    assert plekken[0].gelijk and plekken[1].gelijk and not plekken[2].gelijk
    assert len(plekken) == 2998  # twee gebundeld


def test_rest_parkeren_laat_een_eigen_reden_van_deze_vergadering_staan():
    from datetime import date, datetime

    from vergadering.regels import parkeer_niet_gekozen
    from vergadering.signaal import Signaal
    from vergadering.vergadering import nieuwe_vergadering
    from vergadering.wijkverband import Lid, Wijkverband

    wv = Wijkverband(id="wv", naam="Park", leden=[Lid("l1", "Ans", "voorzitter")])
    v = nieuwe_vergadering(wv, "2026-11-23", date(2026, 11, 23))
    a, b = (Signaal(id=f"2611-aaa{i}", wijkverband_id="wv", tekst=f"s{i}",
                    datum=date(2026, 11, 1)) for i in range(2))
    a.parkeer("Eerst de gemeente vragen", v.id)
    v.top5 = [a.id, b.id]
    geparkeerd = parkeer_niet_gekozen(v, [a, b], "Geen tijd deze ronde", datetime(2026, 11, 23))
    assert geparkeerd == [b]
    assert a.reden == "Eerst de gemeente vragen"
    assert b.reden == "Geen tijd deze ronde"


def test_statusupdate_spreekt_een_volgend_checkmoment_af():
    from datetime import date, datetime

    import pytest

    from vergadering.actie import Actie
    from vergadering.fouten import OngeldigeInvoer
    from vergadering.regels import voorstel_volgend_checkmoment, werk_status_bij
    from vergadering.vergadering import nieuwe_vergadering
    from vergadering.wijkverband import Lid, Wijkverband

    wv = Wijkverband(id="wv", naam="Check", leden=[Lid("l1", "Ans", "voorzitter")])
    v = nieuwe_vergadering(wv, "2026-11-23", date(2026, 11, 23))
    actie = Actie(id="2026-1", wijkverband_id="wv", nummer=1, omschrijving="Drempels",
                  eigenaar="Gemeente", besloten_op=date(2026, 9, 1), status="loopt")
    assert actie.checkmoment == date(2026, 10, 13)  # verstreken
    voorstel = voorstel_volgend_checkmoment(actie, date(2026, 11, 23))
    assert voorstel == date(2027, 1, 4)  # zes weken vanaf vandaag
    with pytest.raises(OngeldigeInvoer, match="verleden"):
        werk_status_bij(v, actie, "loopt", "Offerte binnen", datetime(2026, 11, 23, 20),
                        date(2026, 11, 1))
    assert actie.checkmoment == date(2026, 10, 13)  # geweigerd: niets veranderd
    werk_status_bij(v, actie, "loopt", "Offerte binnen", datetime(2026, 11, 23, 20), voorstel)
    assert actie.checkmoment == voorstel
    assert actie.achterstallig(date(2026, 11, 24)) == []
    assert any("volgend checkmoment" in r.tekst for r in v.logboek)
    # Een checkmoment dat nog komt, blijft het voorstel.
    assert voorstel_volgend_checkmoment(actie, date(2026, 12, 1)) == voorstel
