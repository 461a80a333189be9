"""De demo: één verzonnen wijkverband met een jaar geschiedenis, gelezen via de façade.

De demo wordt één keer per module geschreven en daarna gelezen met een nieuwe ``Opslag``,
zoals de app en de opdrachtregel hem zien. Elke regel van de cyclus moet erin kloppen.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from datetime import date, datetime, timedelta
from itertools import pairwise
from pathlib import Path

import pytest

from vergadering import demo
from vergadering.actie import ACTIESTATUSSEN, waarschuwingen
from vergadering.fouten import OngeldigeInvoer, OpslagFout, VergaderingFout
from vergadering.opslag import Opslag
from vergadering.opslag.omzetten import naar_document
from vergadering.privacy import Maskeerder
from vergadering.regels import stippen_beschikbaar
from vergadering.signaal import PRAKTIJKVORMEN, SIGNAALSTATUSSEN
from vergadering.wijkverband import ROLLEN

VANDAAG = date(2026, 11, 23)


@pytest.fixture(scope="module")
def demomap(tmp_path_factory: pytest.TempPathFactory) -> Path:
    map_ = tmp_path_factory.mktemp("demo") / "opslag"
    demo.schrijf_demo(Opslag(map_), VANDAAG)
    return map_


@pytest.fixture(scope="module")
def gelezen(demomap: Path):
    """Alles teruggelezen via een nieuwe façade."""
    opslag = Opslag(demomap)
    (wv,) = opslag.wijkverbanden()
    return (wv, opslag.signalen(wv.id), opslag.acties(wv.id), opslag.vergaderingen(wv.id))


# --- het wijkverband ----------------------------------------------------------------


def test_wijkverband_heeft_alle_rollen_met_organisaties(gelezen):
    wv, *_ = gelezen
    assert wv.naam == "Wijkverband De Hoven-Noord"
    rollen = Counter(lid.rol for lid in wv.leden)
    for rol in ("voorzitter", "notulist", "bewoner", "ervaringsdeskundige", "gemeente",
                "welzijn", "woningcorporatie", "wijkagent"):
        assert rollen[rol] >= 1, rol
    assert rollen["bewoner"] >= 3
    assert set(rollen) <= set(ROLLEN)
    professionals = [lid for lid in wv.leden
                     if lid.rol in ("gemeente", "welzijn", "woningcorporatie", "wijkagent")]
    assert all(lid.organisatie for lid in professionals)
    assert len(wv.partners) >= 4 and len(wv.themas) >= 5 and len(wv.buurten) >= 3
    assert {"inloop", "nieuwsbrief"} <= set(wv.kanalen)


def test_participatieafspraken_helemaal_ingevuld(gelezen):
    wv, *_ = gelezen
    leeg = [veld for veld, waarde in naar_document(wv.afspraken).items() if not waarde.strip()]
    assert leeg == []


# --- de vergaderingen ---------------------------------------------------------------


def test_een_jaar_vergaderingen_om_de_vijf_a_zes_weken(gelezen):
    *_, vergaderingen = gelezen
    data = [v.datum for v in vergaderingen]
    assert len(data) == 10
    assert all(v.gesloten for v in vergaderingen)
    assert all((b - a).days in (35, 42) for a, b in pairwise(data))
    assert 16 <= (VANDAAG - data[-1]).days <= 22
    assert (VANDAAG - data[0]).days >= 330  # een jaar geschiedenis
    assert all(d.weekday() == 1 for d in data)  # dinsdagavond
    assert all(v.gesloten_op.date() == v.datum for v in vergaderingen)


def test_elke_vergadering_heeft_aanwezigheid_fasen_en_notities(gelezen):
    wv, _, _, vergaderingen = gelezen
    for v in vergaderingen:
        assert set(v.aanwezigheid) == {lid.id for lid in wv.leden}
        assert v.voorzitter and v.notulist and v.plaats
        assert [f.sleutel for f in v.fasen] == ["signalen", "acties", "terugkoppelen"]
        for fase in v.fasen:
            assert fase.gepland_s == getattr(wv.agenda, fase.sleutel) * 60
            assert fase.gebruikt_s > 0 and fase.gestart_op is None
            assert fase.notities
        assert v.logboek[0].tekst.startswith("Vergadering geopend")
        assert v.logboek[-1].tekst == "Vergadering gesloten."
        momenten = [r.moment for r in v.logboek]
        assert momenten == sorted(momenten)
    # Er is minstens eens iemand afgemeld en eens een gast geweest.
    assert any("afgemeld" in v.aanwezigheid.values() for v in vergaderingen)
    assert any(v.gasten for v in vergaderingen)


def test_stippen_en_top5_volgen_de_regels(gelezen):
    wv, signalen, _, vergaderingen = gelezen
    for v in vergaderingen:
        assert 0 < sum(v.stippen.values()) <= stippen_beschikbaar(wv, v)
        assert 1 <= len(v.top5) <= 5 and len(set(v.top5)) == len(v.top5)
        assert set(v.scores) == set(v.top5)
        buiten = [n for sid, n in v.stippen.items() if sid not in v.top5]
        assert min(v.stippen[sid] for sid in v.top5) >= max(buiten, default=0)


def test_stemmingen_met_aantallen_en_per_lid_en_een_verworpen(gelezen):
    wv, _, acties, vergaderingen = gelezen
    stemmingen = [s for v in vergaderingen for s in v.stemmingen]
    assert any(s.per_lid for s in stemmingen) and any(s.per_lid is None for s in stemmingen)
    assert any(not s.aangenomen for s in stemmingen)
    per_actie = {a.id: a for a in acties}
    for v in vergaderingen:
        stemmers = {lid.id for lid in wv.stemgerechtigden()} & set(v.aanwezigen())
        for s in v.stemmingen:
            assert s.aanwezig == len(stemmers) and s.quorum == wv.benodigd_quorum()
            if s.per_lid:
                assert set(s.per_lid) == stemmers
            # Aangenomen hoort bij precies één actie van deze vergadering, en omgekeerd.
            assert (s.actie_id is not None) == s.aangenomen
            if s.actie_id:
                assert s.actie_id in v.acties and per_actie[s.actie_id].vergadering_id == v.id
        assert set(v.acties) == {s.actie_id for s in v.stemmingen if s.actie_id}


def test_hoogstens_twee_acties_tenzij_met_reden(gelezen):
    wv, _, _, vergaderingen = gelezen
    for v in vergaderingen:
        assert 1 <= len(v.acties)
        if len(v.acties) > wv.max_acties:
            assert v.reden_extra_acties
    assert any(len(v.acties) > wv.max_acties for v in vergaderingen)


def test_elke_gesloten_vergadering_heeft_een_volledige_terugkoppeling(gelezen):
    wv, _, _, vergaderingen = gelezen
    for v in vergaderingen:
        t = v.terugkoppeling
        assert t.ontbreekt(v.gesloten_op.date()) == []
        assert t.gehoord and t.gedaan and t.lukt_niet and t.contact
        assert t.kanaal in wv.kanalen and t.eigenaar
        assert t.volgende_update > v.datum
        assert v.volgende_vergadering and v.volgende_vergadering > v.datum


def test_elke_vergadering_parkeert_signalen_met_een_reden(gelezen):
    _, signalen, acties, vergaderingen = gelezen
    per_id = {s.id: s for s in signalen}
    for v in vergaderingen:
        gekozen_hier = {sid for a in acties if a.vergadering_id == v.id for sid in a.signalen}
        niet_gekozen = [sid for sid in v.top5 if sid not in gekozen_hier]
        assert niet_gekozen, v.datum
        # Het logboek van die avond zegt waarom (de status kan later weer veranderd zijn).
        for sid in niet_gekozen:
            regel = next(r.tekst for r in v.logboek
                         if r.tekst.startswith(f"Geparkeerd: {per_id[sid].tekst}"))
            assert "Reden: " in regel and len(regel.split("Reden: ")[1]) > 10
    for s in signalen:
        if s.status == "geparkeerd":
            assert s.reden and s.vergadering_id


def test_open_acties_krijgen_in_elke_volgende_vergadering_een_statusupdate(gelezen):
    _, _, acties, vergaderingen = gelezen
    for v in vergaderingen:
        for a in acties:
            if a.besloten_op >= v.datum:
                continue
            bijgewerkt_hier = [h for h in a.historie if h.vergadering_id == v.id]
            status_ervoor = [h.status for h in a.historie if h.moment.date() < v.datum][-1]
            if status_ervoor in ("gepland", "loopt", "vastgelopen"):
                assert a.id in v.statusupdates and len(bijgewerkt_hier) == 1
                assert bijgewerkt_hier[0].toelichting
            else:
                assert a.id not in v.statusupdates and not bijgewerkt_hier


# --- signalen ---------------------------------------------------------------------


def test_signalen_uit_alle_praktijkvormen_en_in_elke_status(gelezen):
    _, signalen, _, _ = gelezen
    assert {s.vorm for s in signalen} == set(PRAKTIJKVORMEN)
    assert {s.status for s in signalen} == set(SIGNAALSTATUSSEN)
    per_id = {s.id: s for s in signalen}
    for s in signalen:
        if s.status == "gebundeld":
            assert per_id[s.gebundeld_in].status != "gebundeld"
        if s.status == "afgehandeld":
            assert s.reden


def test_nieuwe_signalen_sinds_de_laatste_vergadering_wachten(gelezen):
    _, signalen, _, vergaderingen = gelezen
    laatste = vergaderingen[-1].datum
    nieuw = [s for s in signalen if s.status == "nieuw"]
    assert len(nieuw) >= 3
    assert all(laatste < s.datum <= VANDAAG and s.vergadering_id is None for s in nieuw)
    assert any(s.contact for s in nieuw)


def test_contactgegevens_zijn_duidelijk_verzonnen(gelezen):
    _, signalen, _, _ = gelezen
    contacten = [s.contact for s in signalen if s.contact]
    assert len(contacten) >= 5
    for c in contacten:
        assert c.naam and c.gegevens
        for nummer in re.findall(r"\b06[- ]?\d{8}\b", c.gegevens):
            assert nummer.replace("-", "").replace(" ", "").startswith("060000"), nummer
        for adres in re.findall(r"[\w.]+@[\w.-]+", c.gegevens):
            assert adres.endswith(".example"), adres  # RFC 2606: bestaat nooit
        assert re.search(r"\d|@", c.gegevens)


def test_openbare_teksten_bevatten_geen_contactgegevens(gelezen):
    """Wat openbaar kan worden (terugkoppeling, acties, signaalteksten, afspraken) blijft
    ongewijzigd onder de privacy-maskeerder van de export: geen naam of nummer van een
    bewoner erin, en geen gewoon woord dat toevallig ook in een contactnaam staat."""
    wv, signalen, acties, vergaderingen = gelezen
    contacten = [s.contact for s in signalen if s.contact]
    maskeer = Maskeerder(namen=[c.naam for c in contacten],
                         gegevens=[c.gegevens for c in contacten],
                         behouden=[lid.naam for lid in wv.leden] + wv.partners)
    teksten = [s.tekst for s in signalen] + [s.reden for s in signalen]
    teksten += list(naar_document(wv.afspraken).values())
    for a in acties:
        teksten += [a.omschrijving, a.eerste_stap, a.verandering, a.terugkoppelzin, a.eigenaar,
                    *a.partners, *(h.toelichting for h in a.historie)]
    for v in vergaderingen:
        t = v.terugkoppeling
        teksten += [t.gehoord, t.gedaan, t.lukt_niet, t.contact, t.eigenaar]
        teksten += [f.notities for f in v.fasen] + [r.tekst for r in v.logboek]
        teksten += [s.onderwerp for s in v.stemmingen]
    for tekst in teksten:
        assert maskeer(tekst, openbare_contactregel=True) == tekst


# --- acties -------------------------------------------------------------------------


def test_acties_in_elke_status_met_gedateerde_historie(gelezen):
    _, signalen, acties, vergaderingen = gelezen
    assert {a.status for a in acties} == set(ACTIESTATUSSEN)
    per_signaal = {s.id: s for s in signalen}
    vergadering_ids = {v.id for v in vergaderingen}
    for a in acties:
        assert a.historie[0].status == "gepland"
        assert a.historie[0].moment.date() == a.besloten_op
        assert a.historie[0].vergadering_id == a.vergadering_id in vergadering_ids
        assert a.historie[-1].status == a.status
        momenten = [h.moment for h in a.historie]
        assert momenten == sorted(momenten)
        assert all(m <= datetime.combine(VANDAAG, datetime.min.time()) for m in momenten)
        assert all(h.toelichting for h in a.historie)
        assert a.eigenaar and a.eerste_stap and a.verandering and a.terugkoppelzin
        assert waarschuwingen(a) == []  # eerste stap +14 dagen, checkmoment +6 weken
        assert all(per_signaal[sid].status == "gekozen" for sid in a.signalen)
    nummers = [a.nummer for a in acties]
    assert nummers == list(range(1, len(acties) + 1))


def test_er_is_iets_te_laat_en_iets_dat_nog_komt(gelezen):
    _, _, acties, _ = gelezen
    te_laat = Counter(w for a in acties for w in a.achterstallig(VANDAAG))
    assert te_laat["eerste stap te laat"] >= 1
    assert te_laat["checkmoment verstreken"] >= 1
    assert any(a.open and a.checkmoment > VANDAAG for a in acties)


# --- tijdlijn, herhaalbaarheid, weigeren ---------------------------------------------


def test_alle_datums_liggen_rond_vandaag():
    for vandaag in (VANDAAG, date(2028, 2, 29), date(2030, 1, 1)):
        gegevens = demo.bouw_demo(vandaag)
        assert all(vandaag - timedelta(days=420) <= s.datum <= vandaag
                   for s in gegevens.signalen)
        assert all(v.datum < vandaag for v in gegevens.vergaderingen)
        assert 16 <= (vandaag - gegevens.vergaderingen[-1].datum).days <= 22


def test_zelfde_dag_geeft_dezelfde_demo_andere_dag_schuift_mee():
    een = demo.bouw_demo(VANDAAG)
    twee = demo.bouw_demo(VANDAAG)
    assert naar_document(een.wijkverband) == naar_document(twee.wijkverband)
    for soort in ("signalen", "acties", "vergaderingen"):
        assert ([naar_document(x) for x in getattr(een, soort)]
                == [naar_document(x) for x in getattr(twee, soort)])
    later = demo.bouw_demo(VANDAAG + timedelta(weeks=1))
    assert later.vergaderingen[-1].datum == een.vergaderingen[-1].datum + timedelta(weeks=1)
    assert [s.tekst for s in later.signalen] == [s.tekst for s in een.signalen]


def test_weigert_over_bestaande_gegevens_heen_te_schrijven(demomap: Path):
    voor = {p: p.read_bytes() for p in demomap.rglob("*") if p.is_file()}
    with pytest.raises(OngeldigeInvoer, match="--db") as fout:
        demo.schrijf_demo(Opslag(demomap), VANDAAG)
    assert "al gegevens" in str(fout.value)
    na = {p: p.read_bytes() for p in demomap.rglob("*") if p.is_file()}
    assert na == voor


def test_weigert_een_map_met_andere_bestanden_en_raakt_die_niet_aan(tmp_path: Path):
    (tmp_path / "brief.txt").write_text("van mij", encoding="utf-8")
    (tmp_path / "oud.json").write_text("{}", encoding="utf-8")
    # Een map met andermans bestanden is geen opslag: dat zegt de opslag al (issue 8).
    with pytest.raises(OpslagFout, match="geen opslag van Vergadering; kies met --db een lege"):
        demo.schrijf_demo(Opslag(tmp_path), VANDAAG)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["brief.txt", "oud.json"]


def test_schrijft_in_een_lege_bestaande_map(tmp_path: Path):
    wv = demo.schrijf_demo(Opslag(tmp_path), VANDAAG)
    assert Opslag(tmp_path).wijkverband(wv.naam).id == wv.id


def test_een_map_die_een_bestand_is_geeft_een_nederlandse_zin(tmp_path: Path):
    bestand = tmp_path / "opslag"
    bestand.write_text("x", encoding="utf-8")
    with pytest.raises(VergaderingFout, match="geen map"):
        demo.schrijf_demo(Opslag(bestand), VANDAAG)


# --- het inhoudsbestand -------------------------------------------------------------


def test_inhoudsbestand_is_leesbare_json_en_ook_in_het_pakket(tmp_path: Path):
    hoofd = Path(__file__).resolve().parent.parent / "data" / demo.BESTAND
    inhoud = json.loads(hoofd.read_text(encoding="utf-8"))
    assert demo.demo_inhoud() == inhoud
    # Bij een gewone (niet-bewerkbare) installatie komt het bestand uit het pakket.
    in_pakket = Path(__file__).resolve().parent.parent / "vergadering" / "demo_data"
    assert json.loads((in_pakket / demo.BESTAND).read_text(encoding="utf-8")) == inhoud


def test_een_fout_in_de_inhoud_wordt_gemeld():
    inhoud = demo.demo_inhoud()
    inhoud["rondes"][0]["stemmingen"][0]["actie"]["eigenaar"] = "niemand"
    with pytest.raises(demo.DemoFout, match="niemand"):
        demo.bouw_demo(VANDAAG, inhoud)
    inhoud = demo.demo_inhoud()
    inhoud["rondes"][0]["top5"] = ["busjes-stoep"]  # 1 stip, terwijl anderen er meer hebben
    with pytest.raises(demo.DemoFout, match="top 5"):
        demo.bouw_demo(VANDAAG, inhoud)


def test_na_de_demo_is_er_een_reservekopie_met_de_gegevens(tmp_path):
    """Wordt een bestand meteen na de demo beschadigd, dan is er een kopie om terug te zetten."""
    from datetime import date

    from vergadering.demo import schrijf_demo
    from vergadering.opslag import Opslag

    opslag = Opslag(tmp_path / "opslag")
    schrijf_demo(opslag, date(2026, 11, 23))
    kopie = opslag.reservekopieen()[0]
    assert (kopie / "wijkverbanden.json").exists()
    assert any((kopie / opslag.wijkverbanden()[0].id / "vergaderingen").iterdir())
