"""De agendaklok met een nepklok: geen slaap, de test zet de tijd zelf."""

from datetime import date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from schermen_gegevens import Klok

from vergadering import regels
from vergadering.agendaklok import WAARSCHUWING_S, AgendaKlok
from vergadering.datums import minuten_seconden
from vergadering.fouten import OngeldigeInvoer
from vergadering.opslag import Opslag
from vergadering.opslag.omzetten import naar_document, uit_document
from vergadering.terugkoppeling import Terugkoppeling
from vergadering.vergadering import Vergadering, nieuwe_vergadering
from vergadering.wijkverband import Agenda, Lid, Wijkverband

BEGIN = 1_795_000_000.0  # ergens in november 2026


def wijkverband() -> Wijkverband:
    return Wijkverband("w", "De Hoven", leden=[Lid("a", "Anna"), Lid("b", "Bram")],
                       agenda=Agenda(signalen=5, acties=10, terugkoppelen=5, voor=[], na=[]))


def vergadering() -> Vergadering:
    return nieuwe_vergadering(wijkverband(), "2026-11-23", date(2026, 11, 23))


@pytest.fixture
def nep() -> Klok:
    return Klok(BEGIN)


@pytest.fixture
def klok(nep) -> AgendaKlok:
    return AgendaKlok(vergadering(), nep)


# --- starten en aflezen ---------------------------------------------------------------

def test_voor_de_start_loopt_er_niets(klok, nep):
    nep.verzet(600)
    assert not klok.loopt
    assert klok.resterend() == 300
    assert not klok.vergadering.gestart


def test_start_en_resterende_tijd(klok, nep):
    klok.start()
    assert klok.loopt and klok.vergadering.gestart
    nep.verzet(61.5)
    assert klok.gebruikt() == pytest.approx(61.5)
    assert klok.resterend() == pytest.approx(238.5)
    assert klok.weergave() == "03:59"
    assert klok.stand() == "normaal"


def test_tweemaal_starten_zet_de_klok_niet_terug(klok, nep):
    klok.start()
    nep.verzet(100)
    klok.start()
    assert klok.gebruikt() == pytest.approx(100)


def test_waarschuwing_vanaf_een_minuut(klok, nep):
    klok.start()
    nep.verzet(300 - WAARSCHUWING_S - 1)
    assert klok.stand() == "normaal"
    nep.verzet(1)
    assert klok.resterend() == pytest.approx(60)
    assert klok.stand() == "waarschuwing"
    nep.verzet(60)
    assert klok.resterend() == pytest.approx(0)
    assert klok.stand() == "waarschuwing"
    assert klok.weergave() == "00:00"


def test_uitloop_telt_door_en_gaat_nooit_zelf_verder(klok, nep):
    klok.start()
    nep.verzet(300 + 83)
    assert klok.stand() == "over"
    assert klok.resterend() == pytest.approx(-83)
    assert klok.uitloop() == pytest.approx(83)
    assert minuten_seconden(klok.resterend()) == "+01:23"
    assert klok.weergave() == "+01:23"
    assert klok.in_woorden() == "1 minuut en 23 seconden over de tijd"
    nep.verzet(3600)  # een uur later staat de vergadering nog steeds in fase 1
    assert klok.vergadering.fase_index == 0
    assert klok.loopt
    assert klok.uitloop() == pytest.approx(3683)


def test_uitloop_nul_zolang_er_tijd_is(klok, nep):
    klok.start()
    nep.verzet(10)
    assert klok.uitloop() == 0


def test_aflezen_verandert_niets(klok, nep):
    # Alleen de klok bepaalt de tijd: vaak aflezen (zoals het scherm doet) telt niet af.
    klok.start()
    nep.verzet(30)
    for _ in range(1000):
        klok.resterend()
    assert klok.resterend() == pytest.approx(270)


# --- pauze, hervatten, extra tijd ------------------------------------------------------

def test_pauze_houdt_de_gebruikte_tijd_vast(klok, nep):
    klok.start()
    nep.verzet(40)
    klok.pauzeer()
    assert not klok.loopt
    nep.verzet(500)  # pauze telt niet
    assert klok.gebruikt() == pytest.approx(40)
    klok.hervat()
    nep.verzet(20)
    assert klok.gebruikt() == pytest.approx(60)
    assert klok.resterend() == pytest.approx(240)


def test_pauze_of_hervat_wisselt(klok, nep):
    klok.start()
    assert klok.pauze_of_hervat() is False
    assert klok.pauze_of_hervat() is True
    assert klok.loopt


def test_minuut_erbij(klok, nep):
    klok.start()
    nep.verzet(290)
    assert klok.stand() == "waarschuwing"
    klok.minuut_erbij()
    assert klok.beschikbaar() == 360
    assert klok.resterend() == pytest.approx(70)
    assert klok.stand() == "normaal"
    klok.minuut_erbij(2)
    assert klok.fase.extra_s == 180


def test_extra_tijd_terugnemen_nooit_onder_de_planning(klok):
    klok.minuut_erbij()
    klok.minuut_erbij(-5)
    assert klok.fase.extra_s == 0
    assert klok.beschikbaar() == 300
    with pytest.raises(OngeldigeInvoer, match="hele minuten"):
        klok.minuut_erbij(0.5)


# --- volgende en vorige fase -----------------------------------------------------------

def test_volgende_fase_neemt_de_lopende_klok_mee(klok, nep):
    klok.start()
    nep.verzet(200)
    assert klok.volgende() is True
    assert klok.vergadering.fase_index == 1
    assert klok.loopt
    assert klok.gebruikt(klok.vergadering.fasen[0]) == pytest.approx(200)
    nep.verzet(30)
    assert klok.resterend() == pytest.approx(600 - 30)
    # De vorige fase staat stil.
    assert klok.gebruikt(klok.vergadering.fasen[0]) == pytest.approx(200)


def test_vorige_fase_telt_verder_vanaf_de_gebruikte_tijd(klok, nep):
    klok.start()
    nep.verzet(200)
    klok.volgende()
    nep.verzet(50)
    assert klok.vorige() is True
    assert klok.vergadering.fase_index == 0
    nep.verzet(10)
    assert klok.gebruikt() == pytest.approx(210)
    assert klok.gebruikt(klok.vergadering.fasen[1]) == pytest.approx(50)


def test_niet_voorbij_de_eerste_of_laatste_fase(klok, nep):
    assert klok.vorige() is False
    klok.volgende()
    klok.volgende()
    assert klok.volgende() is False
    assert klok.vergadering.fase_index == 2


def test_gepauzeerde_klok_blijft_stil_bij_wisselen(klok, nep):
    klok.start()
    nep.verzet(30)
    klok.pauzeer()
    klok.volgende()
    nep.verzet(100)
    assert not klok.loopt
    assert klok.gebruikt() == 0


def test_bladeren_voor_de_start_start_de_klok_niet(klok, nep):
    klok.volgende()
    nep.verzet(100)
    assert not klok.loopt and not klok.vergadering.gestart
    assert klok.resterend() == 600


def test_extra_tijd_hoort_bij_de_fase(klok, nep):
    klok.start()
    klok.minuut_erbij()
    klok.volgende()
    assert klok.beschikbaar() == 600
    assert klok.beschikbaar(klok.vergadering.fasen[0]) == 360


# --- totalen ---------------------------------------------------------------------------

def test_totalen_tegen_de_planning(klok, nep):
    klok.start()
    nep.verzet(330)  # fase 1: 30 s uitgelopen
    klok.volgende()
    klok.minuut_erbij()
    nep.verzet(500)
    klok.volgende()
    nep.verzet(100)
    assert klok.totaal_gepland() == 20 * 60
    assert klok.totaal_beschikbaar() == 21 * 60
    assert klok.totaal_gebruikt() == pytest.approx(930)
    assert klok.totaal_verschil() == pytest.approx(930 - 1200)


# --- herstart midden in een fase ------------------------------------------------------

def test_herstart_via_document_geeft_de_juiste_resterende_tijd(nep):
    v = vergadering()
    klok = AgendaKlok(v, nep)
    klok.start()
    nep.verzet(120)
    klok.volgende()
    nep.verzet(45)
    klok.minuut_erbij()
    document = naar_document(v)  # zo staat het op schijf
    # Het programma valt weg; 15 s later start het opnieuw met een nieuwe klok.
    later = Klok(nep.nu + 15)
    terug = AgendaKlok(uit_document(Vergadering, document), later)
    assert terug.vergadering.fase_index == 1
    assert terug.loopt
    assert terug.gebruikt() == pytest.approx(60)
    assert terug.resterend() == pytest.approx(600 + 60 - 60)
    assert terug.gebruikt(terug.vergadering.fasen[0]) == pytest.approx(120)
    later.verzet(10)
    assert terug.resterend() == pytest.approx(590)


def test_herstart_via_echte_opslag(tmp_path, nep):
    opslag = Opslag(tmp_path / "opslag")
    wv = wijkverband()
    opslag.bewaar_wijkverband(wv)
    v = nieuwe_vergadering(wv, opslag.nieuw_vergadering_id(wv.id, date(2026, 11, 23)),
                           date(2026, 11, 23))
    klok = AgendaKlok(v, nep)
    klok.start()
    nep.verzet(250)
    opslag.bewaar_vergadering(v)
    # Herstart: een nieuwe opslag en een nieuwe klok, twee minuten later.
    nep2 = Klok(nep.nu + 120)
    hervat = AgendaKlok(Opslag(tmp_path / "opslag").vergadering(wv.id, v.id), nep2)
    assert hervat.stand() == "over"
    assert hervat.resterend() == pytest.approx(300 - 370)
    assert hervat.weergave() == "+01:10"


def test_herstart_van_een_gepauzeerde_klok(nep):
    v = vergadering()
    klok = AgendaKlok(v, nep)
    klok.start()
    nep.verzet(100)
    klok.pauzeer()
    document = naar_document(v)
    terug = AgendaKlok(uit_document(Vergadering, document), Klok(nep.nu + 9999))
    assert not terug.loopt
    assert terug.resterend() == pytest.approx(200)


# --- een klok die springt --------------------------------------------------------------

def test_klok_springt_terug_zonder_negatieve_of_verloren_tijd(klok, nep):
    klok.start()
    nep.verzet(100)
    assert klok.gebruikt() == pytest.approx(100)
    nep.verzet(-3600)  # de systeemklok wordt een uur teruggezet
    assert klok.gebruikt() == pytest.approx(100)
    assert klok.resterend() == pytest.approx(200)
    nep.verzet(20)
    assert klok.gebruikt() == pytest.approx(120)
    klok.pauzeer()
    assert klok.fase.gebruikt_s == pytest.approx(120)


def test_klok_springt_terug_ongemerkt_tussen_twee_handelingen(klok, nep):
    # Geen aflezing tussen de sprong en de pauze: ook dan verdwijnt er geen tijd.
    klok.start()
    nep.verzet(100)
    klok.resterend()
    nep.verzet(-50)
    klok.pauzeer()
    assert klok.fase.gebruikt_s == pytest.approx(100)
    assert klok.fase.gebruikt_s >= 0


def test_herstart_met_een_klok_die_achterloopt_op_de_start(nep):
    v = vergadering()
    klok = AgendaKlok(v, nep)
    klok.start()
    nep.verzet(100)
    klok.volgende()
    nep.verzet(30)
    document = naar_document(v)
    # Na de herstart staat de systeemklok een uur achter het bewaarde startmoment.
    achter = Klok(nep.nu - 3600)
    terug = AgendaKlok(uit_document(Vergadering, document), achter)
    assert terug.gebruikt() >= 0
    assert terug.resterend() <= 600
    assert terug.gebruikt(terug.vergadering.fasen[0]) == pytest.approx(100)
    achter.verzet(10)
    assert terug.gebruikt() == pytest.approx(10)  # telt meteen weer, staat niet een uur stil
    assert terug.totaal_gebruikt() == pytest.approx(110)


def test_klok_springt_vooruit_telt_als_gebruikt_en_gaat_niet_zelf_door(klok, nep):
    klok.start()
    nep.verzet(60)
    nep.verzet(7200)  # laptop sliep of de klok sprong vooruit
    assert klok.stand() == "over"
    assert klok.uitloop() == pytest.approx(7260 - 300)
    assert klok.vergadering.fase_index == 0
    klok.pauzeer()
    assert klok.fase.gebruikt_s == pytest.approx(7260)


def test_sprongen_tijdens_pauze_doen_niets(klok, nep):
    klok.start()
    nep.verzet(50)
    klok.pauzeer()
    nep.verzet(-10_000)
    assert klok.gebruikt() == pytest.approx(50)
    nep.verzet(50_000)
    assert klok.gebruikt() == pytest.approx(50)


# --- sluiten ---------------------------------------------------------------------------

def _klaar_om_te_sluiten(v: Vergadering) -> None:
    v.terugkoppeling = Terugkoppeling(gehoord="Veel hardrijders", volgende_update=date(2027, 1, 4),
                                      kanaal="nieuwsbrief", eigenaar="Anna")


def test_sluiten_zet_de_klok_stil(klok, nep):
    klok.start()
    nep.verzet(90)
    _klaar_om_te_sluiten(klok.vergadering)
    regels.sluit(klok.vergadering, datetime(2026, 11, 23, 21, 0), klok=klok)
    assert not klok.loopt
    nep.verzet(1000)
    assert klok.totaal_gebruikt() == pytest.approx(90)
    klok.hervat()
    klok.start()
    assert not klok.loopt  # een gesloten vergadering start niet opnieuw


def test_sluiten_zonder_klok_stopt_op_het_moment_van_sluiten():
    v = vergadering()
    moment = datetime(2026, 11, 23, 21, 0)
    nep = Klok(moment.timestamp() - 75)
    AgendaKlok(v, nep).start()
    _klaar_om_te_sluiten(v)
    regels.sluit(v, moment)
    assert all(f.gestart_op is None for f in v.fasen)
    assert v.fasen[0].gebruikt_s == pytest.approx(75)


# --- eigenschappen onder willekeurige bediening en sprongen ---------------------------

HANDELINGEN = st.lists(
    st.one_of(
        st.tuples(st.just("tijd"), st.floats(min_value=-7200, max_value=7200,
                                             allow_nan=False)),
        st.tuples(st.sampled_from(["start", "pauzeer", "hervat", "wissel", "minuut",
                                   "volgende", "vorige", "lees", "herstart"]), st.none()),
    ),
    max_size=60,
)


@settings(max_examples=200, deadline=None)
@given(HANDELINGEN)
def test_klok_blijft_kloppen_bij_elke_volgorde_van_handelingen_en_sprongen(handelingen):
    nep = Klok(BEGIN)
    klok = AgendaKlok(vergadering(), nep)
    vorig_gebruikt = [0.0, 0.0, 0.0]
    for soort, waarde in handelingen:
        index_voor = klok.vergadering.fase_index
        if soort == "tijd":
            nep.verzet(waarde)
        elif soort == "start":
            klok.start()
        elif soort == "pauzeer":
            klok.pauzeer()
        elif soort == "hervat":
            klok.hervat()
        elif soort == "wissel":
            klok.pauze_of_hervat()
        elif soort == "minuut":
            klok.minuut_erbij()
        elif soort == "volgende":
            klok.volgende()
        elif soort == "vorige":
            klok.vorige()
        elif soort == "lees":
            klok.resterend()
        elif soort == "herstart":
            klok = AgendaKlok(uit_document(Vergadering, naar_document(klok.vergadering)), nep)
        # De klok gaat nooit vanzelf naar een andere fase.
        if soort not in ("volgende", "vorige"):
            assert klok.vergadering.fase_index == index_voor
        fasen = klok.vergadering.fasen
        assert sum(f.gestart_op is not None for f in fasen) <= 1
        for i, fase in enumerate(fasen):
            gebruikt = klok.gebruikt(fase)
            assert gebruikt >= 0
            assert fase.gebruikt_s >= 0
            # Gebruikte tijd verdwijnt nooit, ook niet als de klok terugspringt.
            assert gebruikt >= vorig_gebruikt[i] - 1e-6
            vorig_gebruikt[i] = gebruikt
            assert klok.resterend(fase) == pytest.approx(klok.beschikbaar(fase) - gebruikt)
