"""Issue 10, zonder scherm: datums tegen elkaar, correcties met tijd en reden, de keuze op de
grens, de volgende vergadering, het voorstel uit de participatieafspraken en eigenaren."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from docx import Document
from schermen_gegevens import VANDAAG, Klok, maak_opslag, voorzitter

from vergadering import datumcontrole, regels
from vergadering.correcties import Correcties
from vergadering.export import maak_mapje
from vergadering.fouten import OngeldigeInvoer
from vergadering.opslag import Opslag
from vergadering.opslag.omzetten import naar_document, uit_document
from vergadering.samenvoegen import voeg_samen
from vergadering.termijn import eigenaar_uit, kanaal_uit, termijn_dagen
from vergadering.terugkoppeling import Terugkoppeling
from vergadering.vergadering import Vergadering
from vergadering.volgende import lees_tijd
from vergadering.wijkverband import Participatieafspraken

WV = "de-hoven-noord"


def _sessie(tmp_path: Path, klok: Klok | None = None):
    maak_opslag(tmp_path / "db")
    klok = klok or Klok()
    return voorzitter(tmp_path / "db", klok), klok


def _alle_tekst(pad: Path) -> str:
    doc = Document(pad)
    delen = [p.text for p in doc.paragraphs]
    for tabel in doc.tables:
        for rij in tabel.rows:
            delen += [c.text for c in rij.cells]
    return "\n".join(delen)


def _sluit(sessie) -> None:
    sessie.bewaar_terugkoppeling(Terugkoppeling(
        gehoord="Verkeer", volgende_update=VANDAAG + timedelta(days=14), kanaal="nieuwsbrief",
        eigenaar="Anja de Vries"))
    sessie.sluit()


# --- 1. datums tegen elkaar --------------------------------------------------------------


def test_checkmoment_voor_de_eerste_stap_wordt_geweigerd():
    besluit = date(2026, 11, 23)
    with pytest.raises(OngeldigeInvoer, match="vóór de eerste stap"):
        datumcontrole.actiedatums(besluit, besluit + timedelta(days=14),
                                  besluit + timedelta(days=3))
    with pytest.raises(OngeldigeInvoer, match="vóór het besluit"):
        datumcontrole.actiedatums(besluit, besluit - timedelta(days=1), None)
    assert datumcontrole.actiedatums(besluit, besluit + timedelta(days=14),
                                     besluit + timedelta(weeks=6)) == []


def test_checkmoment_drie_dagen_na_het_besluit_vraagt_bevestiging_met_reden():
    besluit = date(2026, 11, 23)
    (twijfel,) = datumcontrole.actiedatums(besluit, besluit, besluit + timedelta(days=3))
    assert twijfel == ("Het checkmoment ligt 3 dagen na het besluit, terwijl dat gewoonlijk "
                       "zes tot acht weken is.")
    (twijfel,) = datumcontrole.actiedatums(besluit, besluit + timedelta(weeks=5),
                                           besluit + timedelta(weeks=7))
    assert "5 weken na het besluit" in twijfel and "binnen twee weken" in twijfel


def test_sessie_weigert_een_actie_met_checkmoment_voor_de_eerste_stap(tmp_path):
    sessie, _ = _sessie(tmp_path)
    with pytest.raises(OngeldigeInvoer, match="vóór de eerste stap"):
        sessie.neem_aan(None, "Bankjes plaatsen", "Woonstede",
                        eerste_stap_datum=VANDAAG + timedelta(days=14),
                        checkmoment=VANDAAG + timedelta(days=3))
    assert sessie.vergadering.acties == []


def test_vergadering_voor_de_vorige_wordt_geweigerd_en_ver_terug_gevraagd():
    vandaag, vorige = date(2026, 11, 23), date(2026, 10, 12)
    with pytest.raises(OngeldigeInvoer, match="vóór de vorige vergadering"):
        datumcontrole.vergaderdatum(date(2026, 1, 20), vandaag, vorige)
    (twijfel,) = datumcontrole.vergaderdatum(date(2026, 10, 20), vandaag, vorige)
    assert twijfel.startswith("De datum ligt 34 dagen in het verleden")
    (twijfel,) = datumcontrole.vergaderdatum(date(2026, 12, 1), vandaag, vorige)
    assert "in de toekomst" in twijfel
    assert datumcontrole.vergaderdatum(vandaag, vandaag, vorige) == []
    assert datumcontrole.vergaderdatum(vandaag, vandaag, None) == []


def test_volgende_vergadering_na_deze_en_niet_te_ver():
    datum = date(2026, 11, 23)
    for fout in (datum, datum - timedelta(days=1)):
        with pytest.raises(OngeldigeInvoer, match="na deze vergadering"):
            datumcontrole.volgende_vergadering(fout, datum)
    assert datumcontrole.volgende_vergadering(datum + timedelta(weeks=6), datum) == []
    (twijfel,) = datumcontrole.volgende_vergadering(date(2027, 11, 23), datum)
    assert "klopt het jaartal" in twijfel


def test_volgende_update_tegen_de_termijn_van_de_afspraken():
    vandaag = date(2026, 11, 23)
    with pytest.raises(OngeldigeInvoer, match="moet nog komen"):
        datumcontrole.volgende_update(vandaag - timedelta(days=1), vandaag)
    assert datumcontrole.volgende_update(vandaag + timedelta(days=14), vandaag, 14) == []
    (twijfel,) = datumcontrole.volgende_update(vandaag + timedelta(weeks=6), vandaag, 14)
    assert twijfel == ("De volgende update ligt 6 weken vooruit, terwijl de "
                       "participatieafspraken 2 weken noemen.")


def test_volgend_checkmoment_niet_voor_de_eerste_stap(tmp_path):
    sessie, _ = _sessie(tmp_path)
    actie = sessie.lopende_acties()[0]
    actie.eerste_stap_datum = VANDAAG + timedelta(days=10)
    with pytest.raises(OngeldigeInvoer, match="vóór de eerste stap"):
        sessie.zet_status(actie.id, "loopt", "Begonnen", VANDAAG + timedelta(days=5))


# --- 2. correcties ------------------------------------------------------------------------


def test_bundel_ongedaan_maken_zet_het_signaal_los_met_tijd_en_reden(tmp_path):
    sessie, klok = _sessie(tmp_path)
    hoofd, dubbel = "2611-s000", "2611-s004"
    sessie.zet_stippen(dubbel, 2)
    sessie.bundel(hoofd, dubbel)
    assert dubbel not in [p.signaal.id for p in sessie.plekken()]
    klok.verzet(120)
    correcties = Correcties(sessie)
    assert [s.id for s in correcties.gebundeld_in(hoofd)] == [dubbel]
    with pytest.raises(OngeldigeInvoer, match="Zeg kort waarom"):
        correcties.ontbundel(dubbel, "  ")
    correcties.ontbundel(dubbel, "Ander probleem: 's avonds, niet overdag")
    assert dubbel in [p.signaal.id for p in sessie.plekken()]
    assert sessie.bewoners(hoofd) == 4
    (c,) = sessie.vergadering.correcties
    assert c.soort == "bundel" and c.moment == datetime.fromtimestamp(klok())
    assert c.reden == "Ander probleem: 's avonds, niet overdag"
    assert "staat weer los" in sessie.vergadering.logboek[-1].tekst
    # Op schijf: het signaal los, de correctie in de vergadering.
    opslag = Opslag(tmp_path / "db")
    assert opslag.signaal(WV, dubbel).status == "nieuw"
    assert opslag.vergadering(WV, sessie.vergadering.id).correcties[0].reden == c.reden
    with pytest.raises(OngeldigeInvoer, match="niet gebundeld"):
        correcties.ontbundel(dubbel, "nog eens")


def _stem(sessie, sid: str, voor: int, tegen: int):
    st = sessie.nieuwe_stemming("Drempels in de Kastanjelaan", sid, voor=voor, tegen=tegen)
    sessie.leg_stemming_vast(st)
    return st


def test_stemming_corrigeren_na_het_bewaren(tmp_path):
    sessie, klok = _sessie(tmp_path)
    sessie.zet_stippen("2611-s000", 3)
    sessie.leg_top5_vast(["2611-s000"])
    st = _stem(sessie, "2611-s000", 2, 3)
    assert not st.aangenomen
    klok.verzet(60)
    Correcties(sessie).corrigeer_stemming(st.id, "Twee handen verkeerd geteld", voor=4, tegen=1)
    assert (st.voor, st.tegen, st.aangenomen) == (4, 1, True)
    (c,) = sessie.vergadering.correcties
    assert "was 2 voor, 3 tegen, 0 onthouding, nu 4 voor, 1 tegen" in c.wat
    bewaard = Opslag(tmp_path / "db").vergadering(WV, sessie.vergadering.id)
    assert bewaard.stemmingen[0].voor == 4 and bewaard.correcties[0].soort == "stemming"
    # Te veel stemmen: dezelfde regels als bij stemmen, en er verandert niets.
    with pytest.raises(OngeldigeInvoer, match="tel opnieuw"):
        Correcties(sessie).corrigeer_stemming(st.id, "nog eens", voor=40)
    assert st.voor == 4 and len(sessie.vergadering.correcties) == 1


def test_stemming_met_aangenomen_actie_kan_niet_verworpen_worden(tmp_path):
    sessie, _ = _sessie(tmp_path)
    sessie.zet_stippen("2611-s000", 3)
    sessie.leg_top5_vast(["2611-s000"])
    st = _stem(sessie, "2611-s000", 5, 0)
    sessie.neem_aan("2611-s000", "Drempels", "Woonstede", stemming=st)
    with pytest.raises(OngeldigeInvoer, match="trek eerst de actie terug"):
        Correcties(sessie).corrigeer_stemming(st.id, "Verkeerd geteld", voor=1, tegen=4)
    assert st.voor == 5


def test_heropenen_legt_wie_en_waarom_vast_en_geeft_een_nieuw_mapje(tmp_path):
    sessie, klok = _sessie(tmp_path)
    _sluit(sessie)
    eerste = maak_mapje(Opslag(tmp_path / "db"), WV, sessie.vergadering.id, tmp_path / "uit",
                        vandaag=VANDAAG)
    klok.verzet(24 * 3600)
    correcties = Correcties(sessie)
    with pytest.raises(OngeldigeInvoer, match="geen lid"):
        correcties.heropen("Onbekende", "typfout")
    correcties.heropen("Anja de Vries", "Typfout in de plaats")
    v = sessie.vergadering
    assert not v.gesloten
    (c,) = v.correcties
    assert (c.soort, c.wie, c.reden) == ("heropend", "Anja de Vries", "Typfout in de plaats")
    assert c.moment == datetime(2026, 11, 24, 19, 30)
    with pytest.raises(OngeldigeInvoer, match="niet gesloten"):
        correcties.heropen("Anja de Vries", "nog eens")
    v.plaats = "Buurthuis De Hoven, zaal 2"
    sessie.sluit()
    tweede = maak_mapje(Opslag(tmp_path / "db"), WV, v.id, tmp_path / "uit", vandaag=VANDAAG)
    assert tweede != eerste and eerste.exists(), "het oude mapje blijft staan"
    tekst = _alle_tekst(tweede / "verslag.docx")
    assert "Versie 2 van dit verslag" in tekst
    assert "Vergadering heropend door Anja de Vries" in tekst
    assert "Typfout in de plaats" in tekst and "zaal 2" in tekst


def test_correcties_in_het_verslag_zonder_gegevens_van_bewoners(tmp_path):
    sessie, _ = _sessie(tmp_path)
    # Het eerste signaal heeft een melder met naam en telefoon (zie schermen_gegevens).
    sessie.bundel("2611-s001", "2611-s000")
    Correcties(sessie).ontbundel("2611-s000", "Mevrouw Jansen belde: 06-12345678")
    _sluit(sessie)
    map_ = maak_mapje(Opslag(tmp_path / "db"), WV, sessie.vergadering.id, tmp_path / "uit",
                      vandaag=VANDAAG)
    tekst = _alle_tekst(map_ / "verslag.docx")
    assert "Correcties" in tekst and "Bundel ongedaan gemaakt" in tekst
    assert "06-12345678" not in tekst and "Mevrouw Jansen" not in tekst, tekst


# --- 3. de keuze op de grens ---------------------------------------------------------------


def _gelijk_op_de_grens(sessie) -> None:
    for sid, n in [("2611-s000", 4), ("2611-s001", 3), ("2611-s002", 3), ("2611-s003", 2),
                   ("2611-s004", 1), ("2611-s005", 1), ("2611-s006", 1)]:
        sessie.zet_stippen(sid, n)


def test_gelijke_stand_op_de_grens_vraagt_een_reden_en_legt_de_keuze_vast(tmp_path):
    sessie, _ = _sessie(tmp_path)
    _gelijk_op_de_grens(sessie)
    zeker, gelijk = sessie.voorstel_top5()
    assert len(zeker) == 4 and len(gelijk) == 3
    keuze = zeker + ["2611-s005"]
    with pytest.raises(OngeldigeInvoer, match="Zeg kort waarom"):
        sessie.leg_top5_vast(keuze)
    assert sessie.vergadering.top5 == [], "zonder reden niets vastgelegd"
    sessie.leg_top5_vast(keuze, "De speeltuin is al jaren een zorg")
    g = sessie.vergadering.grenskeuze
    assert g.stippen == 1 and g.gekozen == ["2611-s005"]
    assert set(g.gelijk) == {"2611-s004", "2611-s005", "2611-s006"}
    assert any("Gelijk op de grens" in r.tekst for r in sessie.vergadering.logboek)
    _sluit(sessie)
    map_ = maak_mapje(Opslag(tmp_path / "db"), WV, sessie.vergadering.id, tmp_path / "uit",
                      vandaag=VANDAAG)
    tekst = _alle_tekst(map_ / "verslag.docx")
    assert "3 signalen stonden gelijk op de grens met elk 1 stip" in tekst
    assert "Speeltuin Hovenplein verouderd: gekozen" in tekst
    assert "Hardrijders Kastanjelaan 's avonds: niet gekozen" in tekst
    assert "De speeltuin is al jaren een zorg" in tekst


def test_zonder_gelijke_stand_geen_reden_nodig(tmp_path):
    sessie, _ = _sessie(tmp_path)
    sessie.zet_stippen("2611-s000", 2)
    sessie.leg_top5_vast(["2611-s000"])
    assert sessie.vergadering.grenskeuze is None


# --- 4. de volgende vergadering -------------------------------------------------------------


def test_volgende_vergadering_in_de_vergadering_naar_verslag_en_terugkoppeling(tmp_path):
    sessie, _ = _sessie(tmp_path)
    with pytest.raises(OngeldigeInvoer, match="na deze vergadering"):
        sessie.zet_volgende_vergadering(VANDAAG)
    with pytest.raises(OngeldigeInvoer, match="geen tijd"):
        sessie.zet_volgende_vergadering(date(2027, 1, 12), "25:99")
    assert sessie.vergadering.volgende_vergadering is None
    sessie.zet_volgende_vergadering(date(2027, 1, 12), "1930")
    assert sessie.vergadering.volgende_tijd == "19:30"
    _sluit(sessie)
    map_ = maak_mapje(Opslag(tmp_path / "db"), WV, sessie.vergadering.id, tmp_path / "uit",
                      vandaag=VANDAAG)
    assert "dinsdag 12 januari 2027 om 19:30" in _alle_tekst(map_ / "verslag.docx")
    assert "Nog niet vastgesteld" not in _alle_tekst(map_ / "verslag.docx")
    txt = (map_ / "terugkoppeling.txt").read_text(encoding="utf-8")
    assert "De volgende vergadering is op dinsdag 12 januari 2027 om 19:30." in txt


def test_tijd_lezen():
    assert [lees_tijd(t) for t in ("19:30", "1930", "19.30", "19u30", "9", "")] == \
        ["19:30", "19:30", "19:30", "19:30", "09:00", ""]
    with pytest.raises(OngeldigeInvoer):
        lees_tijd("half acht")


# --- 5. het voorstel uit de participatieafspraken -------------------------------------------

DEMO_KANAAL = ("Binnen twee weken na elke vergadering in de Hovenkrant (nieuwsbrief) en de "
               "buurtapp, en mondeling bij de inloop op woensdag.")


@pytest.mark.parametrize(("tekst", "dagen"), [
    (DEMO_KANAAL, 14), ("nieuwsbrief, elke 6 weken", 42),
    ("Nieuwsbrief en buurtapp, binnen een week", 7), ("maandelijks in de buurtkrant", 30),
    ("binnen 10 dagen", 10), ("nieuwsbrief", None), ("", None),
])
def test_termijn_uit_de_afspraken(tekst, dagen):
    assert termijn_dagen(tekst) == dagen


def test_kanaal_is_een_kanaal_niet_de_zin():
    kanalen = ["inloop", "nieuwsbrief", "website", "buurtapp"]
    assert kanaal_uit(DEMO_KANAAL, kanalen) == "nieuwsbrief"
    assert kanaal_uit("Via de buurtapp en de website", kanalen) == "buurtapp"
    assert kanaal_uit("Buurtkrant", kanalen) == "Buurtkrant"
    assert kanaal_uit("We zetten het ergens neer, dat zien we nog.", kanalen) == ""


def test_eigenaar_is_een_naam_niet_de_zin():
    leden = ["Annelies Verbeek", "Sandra Koster", "Joost van Dam"]
    demo = "Sandra Koster (ervaringsdeskundige), samen met de notulist."
    assert eigenaar_uit(demo, leden) == "Sandra Koster"
    assert eigenaar_uit("joost van dam en sandra koster", leden) == "Joost van Dam"
    assert eigenaar_uit("De notulist", leden) == "De notulist"
    assert eigenaar_uit("Wie het verslag maakt, zet het ook op de website.", leden) == ""
    assert eigenaar_uit("", leden) == ""


def test_voorstel_eigenaar_uit_de_afspraken_is_het_lid(tmp_path):
    sessie, _ = _sessie(tmp_path)
    lid = sessie.wijkverband.leden[-1].naam
    sessie.wijkverband.afspraken = Participatieafspraken(
        terugkoppeling_eigenaar=f"{lid} (bewoner), samen met de notulist.")
    assert sessie.terugkoppeling_voorstel().eigenaar == lid


def test_voorstel_volgende_update_en_kanaal_uit_de_afspraken(tmp_path):
    sessie, _ = _sessie(tmp_path)
    sessie.wijkverband.afspraken = Participatieafspraken(terugkoppeling_kanaal=DEMO_KANAAL)
    voorstel = sessie.terugkoppeling_voorstel()
    assert voorstel.volgende_update == VANDAAG + timedelta(days=14)
    assert voorstel.kanaal == "nieuwsbrief"
    # Zonder termijn in de afspraken: de volgende vergadering (de vorige standaard).
    sessie.wijkverband.afspraken = Participatieafspraken(terugkoppeling_kanaal="buurtapp")
    sessie.zet_volgende_vergadering(date(2027, 1, 12))
    voorstel = sessie.terugkoppeling_voorstel()
    assert voorstel.volgende_update == date(2027, 1, 12) and voorstel.kanaal == "buurtapp"
    assert regels.termijn_volgens_afspraken(sessie.wijkverband) is None


# --- 6. eigenaren ---------------------------------------------------------------------------


def test_partner_kan_eigenaar_zijn_en_staat_er_een_keer_in(tmp_path):
    sessie, _ = _sessie(tmp_path)
    wv = sessie.wijkverband
    wv.partners = ["Woonstede", "woonstede ", "Welzijn Oost", "Wijkagent Noord"]
    wv.__post_init__()
    eigenaren = wv.eigenaren()
    assert len(eigenaren) == len({e.casefold() for e in eigenaren})
    assert eigenaren.count("Woonstede") == 1 and "Wijkagent Noord" in eigenaren
    wv.partners.append("WOONSTEDE")  # ook als de lijst zelf niet schoon is
    assert [e.casefold() for e in wv.eigenaren()].count("woonstede") == 1
    actie = sessie.neem_aan(None, "Bankjes plaatsen", "Woonstede",
                            partners=["Gemeente", "woonstede"])
    assert actie.eigenaar == "Woonstede" and actie.partners == ["Gemeente"]
    assert Opslag(tmp_path / "db").actie(WV, actie.id).eigenaar == "Woonstede"


# --- bewaarde gegevens -------------------------------------------------------------------


def test_oude_vergadering_zonder_nieuwe_velden_is_leesbaar(tmp_path):
    sessie, _ = _sessie(tmp_path)
    document = naar_document(sessie.vergadering)
    for veld in ("volgende_tijd", "grenskeuze", "correcties"):
        del document[veld]
    v = uit_document(Vergadering, document)
    assert v.correcties == [] and v.grenskeuze is None and v.volgende_tijd == ""


def test_samenvoegen_houdt_correcties_van_beide_vensters(tmp_path):
    sessie, klok = _sessie(tmp_path)
    sessie.bundel("2611-s000", "2611-s004")
    sessie.bundel("2611-s001", "2611-s002")
    basis = naar_document(sessie.vergadering)
    mijn_v = uit_document(Vergadering, basis)
    hun_v = uit_document(Vergadering, basis)
    from vergadering.correctie import noteer

    noteer(mijn_v, datetime(2026, 11, 23, 19, 40), "bundel", "a los", "reden a")
    noteer(hun_v, datetime(2026, 11, 23, 19, 41), "bundel", "b los", "reden b")
    uit = voeg_samen(basis, naar_document(mijn_v), naar_document(hun_v))
    assert not uit.conflicten
    assert [c["wat"] for c in uit.document["correcties"]] == ["a los", "b los"]


def test_sluiten_waarschuwt_zolang_de_volgende_vergadering_open_staat(tmp_path):
    sessie, _ = _sessie(tmp_path)
    assert any("volgende vergadering is nog niet vastgesteld" in w
               for w in sessie.waarschuwingen_voor_sluiten())
    sessie.zet_volgende_vergadering(date(2027, 1, 12))
    assert not any("volgende vergadering" in w for w in sessie.waarschuwingen_voor_sluiten())


def test_voorstel_volgende_update_vanaf_vandaag_bij_een_vergadering_van_eerder(tmp_path):
    sessie, klok = _sessie(tmp_path)
    sessie.wijkverband.afspraken = Participatieafspraken(terugkoppeling_kanaal=DEMO_KANAAL)
    klok.verzet(20 * 24 * 3600)  # twintig dagen later hervat: de termijn telt vanaf vandaag
    assert sessie.terugkoppeling_voorstel().volgende_update == \
        VANDAAG + timedelta(days=20 + 14)


def test_tegenstrijdige_keuze_op_de_grens_is_een_vraag_in_gewone_taal(tmp_path):
    from vergadering.samenvoegen import veld_in_woorden

    sessie, _ = _sessie(tmp_path)
    _gelijk_op_de_grens(sessie)
    basis = naar_document(sessie.vergadering)
    zeker = sessie.voorstel_top5()[0]
    mijn_v, hun_v = uit_document(Vergadering, basis), uit_document(Vergadering, basis)
    from vergadering.correctie import leg_grens_vast

    gelijk = ["2611-s004", "2611-s005", "2611-s006"]
    leg_grens_vast(mijn_v, gelijk, 1, ["2611-s005"], "speeltuin")
    leg_grens_vast(hun_v, gelijk, 1, ["2611-s006"], "zorg")
    mijn_v.top5, hun_v.top5 = zeker + ["2611-s005"], zeker + ["2611-s006"]
    uit = voeg_samen(basis, naar_document(mijn_v), naar_document(hun_v))
    velden = {veld_in_woorden(c.pad) for c in uit.conflicten}
    assert "de top 5" in velden and "de keuze op de grens van de top 5" in velden
