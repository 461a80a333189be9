"""Bewijs: persoonsgegevens in elk vrij tekstveld komen niet in de openbare uitvoer, en de
privacycheck noemt ze allemaal.

In elk vrij tekstveld van een doorlopen vergadering (signaaltekst, notities, parkeerreden,
gastnamen, contactregel, eerste stap en de andere actievelden, stemvoorstel, logboek,
toelichting) staat een eigen bewoner, ook met onzichtbare tekens (zero-width space, zachte
afbreekstreep, RLM, volle-breedtecijfers) en vijandige tekens (U+202E, terminalcodes).
Daarna: de privacycheck noemt elk item; de export schrijft niets zolang er iets onbeslist is
(ook via de opdrachtregel: code 1); na "maskeren" staat er niets meer van in terugkoppeling
(.docx en .txt), verslag en actielijst; de beamer toont onbesliste items nooit.
"""

from __future__ import annotations

import zipfile
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hulp_opslag import cli
from test_export_gegevens import TELEFOONS, VANDAAG, bouw_opslag

from schermen.beamer import BeamerInhoud, Faseinhoud
from vergadering.export import exporteer
from vergadering.export.controle import controleer
from vergadering.export.inhoud import verzamel
from vergadering.opslag import Opslag
from vergadering.persoonsgegevens import sleutel
from vergadering.privacy import MASKEREN
from vergadering.privacycheck import PrivacyOnbeslist, bewaar_keuzes

NU = datetime(2026, 11, 23, 21, 30, tzinfo=ZoneInfo("Europe/Amsterdam"))

# Per vrij tekstveld (het veld van ``bouw_opslag``): wat erbij geplant wordt, en de items die
# de check moet noemen (zoals ze er na normaliseren staan).
GEPLANT: dict[str, tuple[str, tuple[str, ...]]] = {
    "signaal": (" Gemeld door Gerdien de Wit-Bakker (06\u200b12345678).",
                ("Gerdien de Wit-Bakker",)),
    "notitie": (" Mevrouw Oudejans belde, 06\u00ad87654321.", ("Mevrouw Oudejans",)),
    "reden": (" Zo zei meneer Verhoeckx van Lindelaan 14.", ("meneer Verhoeckx", "Lindelaan 14")),
    "actie": (" (dhr. Van Lieshout, Eikenstraat 3a)", ("dhr. Van Lieshout", "Eikenstraat 3a")),
    "stemming": (" bij mw. Terpstra\x1b[31m [0m\u202eknits\u202c", ("mw. Terpstra",)),
    "log": (" Jorien Veldkamp belt \u200f0611122233\u200f.", ("Jorien Veldkamp",)),
    "toelichting": (" volgens Ad Kloosterboer", ("Ad Kloosterboer",)),
    # De contactregel: het eigen adres van het wijkverband mag blijven, een bewoner niet, ook
    # niet het nummer van een bekende bewoner in volle-breedtecijfers.
    "tk": (" Of vraag de familie Brinkhorst, of bel ０６-１２３４５６７８.",
           ("de familie Brinkhorst",)),
}
# Gastnamen worden vervangen (niet aangevuld), met onzichtbare tekens in de naam.
GAST = "Pie\u200bter Zwanen\u00adburg"
GAST_ITEM = "Pieter Zwanenburg"
ITEMS = [item for _, items in GEPLANT.values() for item in items] + [GAST_ITEM]
# Wat nergens in de openbare uitvoer mag staan (ook geen losse achternaam of cijfers).
VERBODEN = (
    "Wit-Bakker", "Gerdien", "Oudejans", "Verhoeckx", "Lindelaan 14", "Lieshout",
    "Eikenstraat 3a", "Terpstra", "Veldkamp", "Kloosterboer", "Brinkhorst", "Zwanenburg",
    "Zwanen", "12345678", "87654321", "0611122233", "611122233", "１２３", "\u200b",
    "\u00ad", "\u200f", "\u202e", "\x1b", "[31m", "[0m", "[naam weggelaten]",
)


def _plant(veld: str, standaard: str) -> str:
    if veld == "gast":
        return GAST
    if veld in GEPLANT:
        return standaard + GEPLANT[veld][0]
    return standaard


def _docx_tekst(pad: Path) -> str:
    with zipfile.ZipFile(pad) as z:
        return "\n".join(z.read(n).decode("utf-8") for n in z.namelist()
                         if n.endswith(".xml"))


@pytest.fixture(scope="module")
def geplant(tmp_path_factory):
    basis = tmp_path_factory.mktemp("bewijs")
    return basis, bouw_opslag(basis / "db", _plant)


def _inhoud(g):
    return verzamel(g.opslag, g.wijkverband.id, g.vergadering_id, VANDAAG, NU)


def _normaal(tekst: str) -> str:
    return sleutel(tekst)


def test_de_privacycheck_noemt_elk_geplant_item(geplant):
    _, g = geplant
    vondsten = controleer(_inhoud(g))
    te_kiezen = {v.sleutel for v in vondsten if not v.vast}
    for item in ITEMS:
        assert _normaal(item) in te_kiezen, item
    # Telefoonnummers (ook met onzichtbare tekens) en bekende contacten: altijd weg, en genoemd.
    vast = {v.sleutel for v in vondsten if v.vast}
    for nummer in ("0612345678", "0687654321", "0611122233", "06-12345678"):
        assert nummer in vast, nummer
    # Een naam met een stuk van een bekend contact erin gaat altijd weg (contact "Henriëtte
    # Oudshoorn", tekst "Henriëtte de Wit").
    assert any(v.vast and v.soort == "contact" and "Oudshoorn" in v.tekst for v in vondsten)
    # Het eigen adres van het wijkverband in de contactregel is geen vondst.
    assert not any("wijkverband.noord" in v.tekst for v in vondsten)
    # Elk item zegt waar het staat.
    waar = {v.sleutel: v.waar for v in vondsten}
    assert waar[_normaal("Mevrouw Oudejans")].startswith("notities bij")
    assert waar[_normaal("de familie Brinkhorst")] == "terugkoppeling, contactregel"
    assert waar[_normaal(GAST_ITEM)] == "gasten"
    assert waar[_normaal("mw. Terpstra")] == "stemvoorstel"
    # Wat in meer velden staat (omschrijving, eerste stap, verandering van een actie), is één
    # item met een aantal: één keuze geldt overal.
    aantal = {v.sleutel: v.aantal for v in vondsten}
    assert aantal[_normaal("dhr. Van Lieshout")] >= 4


def test_export_schrijft_niets_zolang_er_iets_onbeslist_is(geplant, tmp_path):
    _, g = geplant
    with pytest.raises(PrivacyOnbeslist) as fout:
        exporteer(g.opslag, g.wijkverband.id, g.vergadering_id, tmp_path / "uit",
                  vandaag=VANDAAG, nu=NU)
    assert {v.sleutel for v in fout.value.vondsten} >= {_normaal(i) for i in ITEMS}
    assert not (tmp_path / "uit").exists() or not list((tmp_path / "uit").rglob("*.*"))


def _beamertekst(g, fase: int) -> str:
    opslag = g.opslag
    wv = opslag.wijkverband(g.wijkverband.id)
    v = opslag.vergadering(wv.id, g.vergadering_id)
    inhoud = BeamerInhoud(wv.naam, v, opslag.signalen(wv.id), opslag.acties(wv.id), wv)
    widget = Faseinhoud()
    widget.zet(inhoud, fase)
    return "\n".join(r.plain for r in widget.regels(200, 500))


@pytest.mark.parametrize("fase", [0, 1, 2])
def test_de_beamer_toont_onbesliste_items_nooit(geplant, fase):
    _, g = geplant
    tekst = _beamertekst(g, fase)
    assert tekst.strip()
    for verboden in VERBODEN:
        assert verboden not in tekst, (fase, verboden)


def test_na_maskeren_staat_niets_in_de_openbare_uitvoer(geplant, tmp_path):
    basis, g = geplant
    db = tmp_path / "db"
    import shutil

    shutil.copytree(basis / "db", db)
    opslag = Opslag(db)
    inhoud = verzamel(opslag, g.wijkverband.id, g.vergadering_id, VANDAAG, NU)
    keuzes = {v.sleutel: MASKEREN for v in controleer(inhoud) if not v.vast}
    bewaar_keuzes(opslag, g.wijkverband.id, g.vergadering_id, keuzes)
    uitkomst = exporteer(opslag, g.wijkverband.id, g.vergadering_id, tmp_path / "uit",
                         vandaag=VANDAAG, nu=NU)
    teksten = {
        "terugkoppeling.txt": (uitkomst.map / "terugkoppeling.txt").read_text("utf-8"),
        "terugkoppeling.html": (uitkomst.map / "terugkoppeling.html").read_text("utf-8"),
        "agenda.ics": (uitkomst.map / "agenda.ics").read_text("utf-8"),
        **{naam: _docx_tekst(uitkomst.map / naam) for naam in (
            "terugkoppeling.docx", "verslag.docx", "actielijst.docx",
            "participatieafspraken.docx")},
    }
    for naam, tekst in teksten.items():
        for verboden in VERBODEN:
            assert verboden not in tekst, (naam, verboden)
    txt = teksten["terugkoppeling.txt"]
    # Gemaskeerd is herschreven: de zin loopt nog.
    assert "Gemeld door een bewoner" in txt
    assert "vraag een gezin, of bel [telefoonnummer weggelaten]" in txt
    assert "wijkverband.noord@gemeente.example" in txt  # het eigen adres blijft
    assert "een bewoner belde" in teksten["verslag.docx"].lower()


# --- de opdrachtregel --------------------------------------------------------------------


def test_opdrachtregel_noemt_de_items_stopt_met_1_en_daarna_privacy_akkoord(geplant, tmp_path):
    basis, g = geplant
    uit = tmp_path / "uit"
    eerst = cli("export", "--db", str(basis / "db"), "--map", str(uit))
    assert eerst.returncode == 1, eerst.stderr
    assert "Traceback" not in eerst.stderr
    assert "privacycheck" in eerst.stderr and "--privacy-akkoord" in eerst.stderr
    for item in ITEMS:
        assert item in eerst.stderr, item
    assert eerst.stdout == ""
    assert not uit.exists() or not list(uit.rglob("*.docx"))

    daarna = cli("export", "--db", str(basis / "db"), "--map", str(uit), "--privacy-akkoord")
    assert daarna.returncode == 0, daarna.stderr
    mapje = Path(daarna.stdout.strip())
    txt = (mapje / "terugkoppeling.txt").read_text("utf-8")
    # Na controle blijven de genoemde items staan; nummers, e-mail en contacten nooit.
    assert "de familie Brinkhorst" in txt
    for nooit in ("12345678", "87654321", "１２３", "\u200b", "\x1b", "[31m", "\u202e"):
        assert nooit not in txt, nooit
        assert nooit not in _docx_tekst(mapje / "terugkoppeling.docx"), nooit


def test_hulp_zegt_wat_privacy_akkoord_doet():
    hulp = cli("export", "--help")
    assert hulp.returncode == 0
    tekst = " ".join(hulp.stdout.split())
    assert "--privacy-akkoord" in tekst and "na controle" in tekst and "code 1" in tekst


def test_signaal_met_privecontact_via_de_opdrachtregel(tmp_path):
    db = tmp_path / "db"
    assert cli("demo", "--geen-app", "--db", str(db)).returncode == 0
    wv = Opslag(db).wijkverbanden()[0]
    uit = cli("signaal", "Ria Smit zegt: er ligt glas op het fietspad", "--wijkverband",
              wv.naam, "--db", str(db), "--contact", f"Ria Smit; {TELEFOONS[0]} · ria@x.nl")
    assert uit.returncode == 0, uit.stderr
    signaal = Opslag(db).signaal(wv.id, uit.stdout.strip())
    assert signaal.contact.naam == "Ria Smit"
    assert signaal.contact.gegevens == f"{TELEFOONS[0]} · ria@x.nl"
    hulp = " ".join(cli("signaal", "--help").stdout.split())
    assert "--contact" in hulp and "nooit op de beamer" in hulp
    # Op de beamer staat de naam van het contact niet.
    opslag = Opslag(db)
    v = opslag.vergaderingen(wv.id)[-1]
    inhoud = BeamerInhoud(wv.naam, v, opslag.signalen(wv.id), opslag.acties(wv.id), wv)
    widget = Faseinhoud()
    widget.zet(inhoud, 0)
    tekst = "\n".join(r.plain for r in widget.regels(200, 500))
    assert "glas op het fietspad" in tekst and "Ria" not in tekst


# --- opslag en samenvoegen ---------------------------------------------------------------


def test_een_oud_vergaderdocument_zonder_privacykeuzes_leest_nog(tmp_path):
    from vergadering.opslag.omzetten import naar_document, uit_document
    from vergadering.vergadering import Vergadering, nieuwe_vergadering
    from vergadering.wijkverband import Wijkverband

    wv = Wijkverband("wv", "Wijk")
    document = naar_document(nieuwe_vergadering(wv, "2026-11-23", VANDAAG))
    assert document.pop("privacykeuzes") == {}
    oud = uit_document(Vergadering, document)
    assert oud.privacykeuzes == {}
    # Via de opslag: een bestand van vóór de privacycheck, dan keuzes erbij bewaren.
    opslag = Opslag(tmp_path / "db")
    opslag.bewaar_wijkverband(wv)
    opslag.bewaar_vergadering(oud)
    bewaar_keuzes(opslag, "wv", "2026-11-23", {"pieter zwanenburg": MASKEREN})
    assert Opslag(tmp_path / "db").vergadering("wv", "2026-11-23").privacykeuzes == {
        "pieter zwanenburg": MASKEREN}


def test_keuzes_uit_twee_vensters_worden_samengevoegd_en_een_botsing_toont_geen_naam():
    from vergadering.samenvoegen import voeg_samen, vraag_in_woorden
    from vergadering.vergadering import nieuwe_vergadering
    from vergadering.wijkverband import Wijkverband

    basis = {"id": "v", "versie": 1, "privacykeuzes": {"a b": "behouden"}}
    mijn = {**basis, "privacykeuzes": {"a b": "behouden", "pieter zwanenburg": "maskeren"}}
    hun = {**basis, "versie": 2, "privacykeuzes": {"a b": "maskeren", "lindelaan 14": "behouden"}}
    uit = voeg_samen(basis, mijn, hun)
    assert uit.document["privacykeuzes"] == {
        "a b": "maskeren", "lindelaan 14": "behouden", "pieter zwanenburg": "maskeren"}
    assert not uit.conflicten
    botsing = voeg_samen(basis, {**basis, "privacykeuzes": {"a b": "maskeren",
                                                             "jan smit": "behouden"}},
                         {**basis, "privacykeuzes": {"a b": "behouden", "jan smit": "maskeren"}})
    assert [c.pad for c in botsing.conflicten] == [("privacykeuzes", "jan smit")]
    v = nieuwe_vergadering(Wijkverband("wv", "Wijk"), "v", VANDAAG)
    zin, _, _ = vraag_in_woorden(v, botsing.conflicten[0])
    assert "privacycheck" in zin and "jan smit" not in zin.lower()


def test_vijandige_tekens_ook_in_namen_die_niet_gemaskeerd_worden(tmp_path):
    """Een wijkverband, eigenaar of partner met een RLO of terminalcodes: niet in het mapje."""
    vijandig = {"wijkverband": "Wijkverband \u202eNoord\u202c", "eigenaar": "Ruud\x1b[31m Hermans",
                "partner": "Woonstichting [1;31mHaag\x1b[0m"}
    g = bouw_opslag(tmp_path / "db", lambda veld, standaard: vijandig.get(veld, standaard))
    uitkomst = exporteer(g.opslag, g.wijkverband.id, g.vergadering_id, tmp_path / "uit",
                         vandaag=VANDAAG, nu=NU, privacy_akkoord=True)
    for pad in uitkomst.bestanden:
        if pad.suffix not in (".txt", ".html", ".docx", ".ics"):
            continue  # de PDF (als LibreOffice er is) komt uit verslag.docx
        tekst = _docx_tekst(pad) if pad.suffix == ".docx" else pad.read_text("utf-8")
        for teken in ("\u202e", "\u202c", "\x1b", "[31m", "[1;31m", "[0m"):
            assert teken not in tekst, (pad.name, teken)
    assert "Woonstichting Haag" in _docx_tekst(uitkomst.map / "actielijst.docx")
