"""Het mapje: elk document opnieuw geopend met python-docx en op inhoud gecontroleerd."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from docx import Document
from docx.oxml.ns import qn
from test_export_gegevens import BEWONERS, EMAILS, TELEFOONS, VANDAAG, bouw_opslag

from vergadering.actie import Actie
from vergadering.export import exporteer, maak_mapje
from vergadering.export.inhoud import ACTIEKOPPEN
from vergadering.export.terugkoppeling import KOPPEN

# 21:30 in Amsterdam (wintertijd) is 20:30 UTC.
NU = datetime(2026, 11, 23, 21, 30, tzinfo=ZoneInfo("Europe/Amsterdam"))
BESTANDEN = {
    "verslag.docx",
    "actielijst.docx",
    "terugkoppeling.docx",
    "terugkoppeling.txt",
    "terugkoppeling.html",
    "participatieafspraken.docx",
    "agenda.ics",
}
WORD = {n for n in BESTANDEN if n.endswith(".docx")}


@pytest.fixture(scope="module")
def mapje(tmp_path_factory) -> Path:
    basis = tmp_path_factory.mktemp("export")
    g = bouw_opslag(basis / "db")
    return maak_mapje(g.opslag, g.wijkverband.id, g.vergadering_id, basis / "uit",
                      vandaag=VANDAAG, nu=NU)


def koppen(doc) -> list[str]:
    return [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]


def alle_tekst(doc) -> str:
    delen = [p.text for p in doc.paragraphs]
    for tabel in doc.tables:
        for rij in tabel.rows:
            delen += [c.text for c in rij.cells]
    return "\n".join(delen)


def rijen(tabel) -> list[list[str]]:
    return [[c.text for c in rij.cells] for rij in tabel.rows]


def xml_delen(pad: Path) -> str:
    """Alle XML van een .docx aan elkaar (ook kop- en voettekst, eigenschappen)."""
    with zipfile.ZipFile(pad) as z:
        return "\n".join(
            z.read(n).decode("utf-8") for n in z.namelist() if n.endswith((".xml", ".rels"))
        )


# --- het mapje als geheel ------------------------------------------------------------------


def test_mapje_heeft_de_vijf_bestanden_op_de_juiste_plek(mapje):
    assert {p.name for p in mapje.iterdir()} == BESTANDEN
    assert mapje.name == "2026-11-23"
    assert mapje.parent.name == "Wijkverband Noord"
    assert not list(mapje.glob(".*")), "geen tijdelijke bestanden achtergebleven"


@pytest.mark.parametrize("naam", sorted(WORD))
def test_elk_document_nederlands_met_eigenschappen_en_paginanummers(mapje, naam):
    doc = Document(mapje / naam)
    # Taal: nl-NL in de standaardopmaak van styles.xml.
    standaard = doc.styles.element.find(qn("w:docDefaults"))
    taal = standaard.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}")
    assert taal is not None and taal.get(qn("w:val")) == "nl-NL"
    assert all(e.get(qn("w:val")) == "nl-NL" for e in doc.styles.element.iter(qn("w:lang")))
    # Eigenschappen: auteur is het wijkverband, aangemaakt in UTC, niet 2013/python-docx.
    eigen = doc.core_properties
    assert eigen.author == "Wijkverband Noord"
    assert eigen.last_modified_by == "Wijkverband Noord"
    assert "Wijkverband Noord" in eigen.title
    assert eigen.created.replace(tzinfo=None) == datetime(2026, 11, 23, 20, 30)
    assert eigen.last_printed is None
    # "Pagina X van Y": PAGE en NUMPAGES als velden in de voettekst.
    voet = doc.sections[0].footer._element.xml
    assert "Pagina" in voet and " van " in voet
    assert " PAGE " in voet and " NUMPAGES " in voet
    assert 'w:fldCharType="begin"' in voet
    # Elke tabel: eerste rij herhaalt als kopregel.
    for tabel in doc.tables:
        trpr = tabel.rows[0]._tr.trPr
        assert trpr is not None and trpr.find(qn("w:tblHeader")) is not None
        assert tabel.style.name == "Light Grid Accent 1"


@pytest.mark.parametrize("naam", sorted(WORD))
def test_elk_document_schoon_van_het_sjabloon(mapje, naam):
    """Word vraagt niets bij het openen, en niets in het bestand komt nog uit het sjabloon
    van python-docx: geen w:dirty op de paginavelden, geen 'Microsoft Macintosh Word' 14,
    geen voorbeeldplaatje van een lege pagina, en ook stylesWithEffects.xml in nl-NL."""
    with zipfile.ZipFile(mapje / naam) as z:
        namen = z.namelist()
        assert not [n for n in namen if "thumbnail" in n]
        assert "thumbnail" not in z.read("_rels/.rels").decode()
        app = z.read("docProps/app.xml").decode()
        assert "Microsoft" not in app and "<AppVersion>" not in app
        assert "<Application>Vergadering</Application>" in app
        effecten = z.read("word/stylesWithEffects.xml").decode()
        assert 'w:val="nl-NL"' in effecten and 'w:val="en-US"' not in effecten
    assert "w:dirty" not in xml_delen(mapje / naam)


# --- verslag ---------------------------------------------------------------------------------


def test_verslag_koppen_en_gegevens(mapje):
    doc = Document(mapje / "verslag.docx")
    k = koppen(doc)
    for kop in ("Gegevens", "Agenda en tijd", "1. Top 5 signalen", "2. Top 1–2 acties",
                "Stemmingen", "Aangenomen acties", "Geparkeerde signalen",
                "3. Wat koppelen we terug?", "Stand van eerdere acties",
                "De terugkoppeling aan bewoners", "Volgende vergadering", "Bijlage: logboek",
                "Actielijst", *KOPPEN):
        assert kop in k, kop
    tekst = alle_tekst(doc)
    assert "Vergadering van maandag 23 november 2026" in tekst
    assert "Buurthuis De Tulp" in tekst
    assert "Voorzitter: Fatima Yilmaz" in tekst
    assert "Notulist: Kees Brouwer" in tekst
    assert "Afgemeld: Sanne Visser" in tekst
    assert "Anouk de Graaf (Gemeente)" in tekst
    assert "maandag 4 januari 2027" in tekst  # volgende vergadering, door Babel
    # Gesloten maar nog niet vastgesteld: een concept (zie test_agenda_export.py).
    assert "Concept: dit verslag wordt vastgesteld in de volgende vergadering." in tekst


def test_verslag_agenda_top5_stippen_en_stemmingen(mapje):
    doc = Document(mapje / "verslag.docx")
    agenda = rijen(doc.tables[0])
    assert agenda[0] == ["Agendapunt", "Gepland", "Erbij", "Gebruikt", "Verschil"]
    assert agenda[1][:4] == ["Top 5 signalen", "5:00", "—", "5:12"]
    assert agenda[2][:4] == ["Top 1–2 acties", "10:00", "+1 min", "9:00"]
    assert agenda[2][4] == "2:00 korter"

    top5 = rijen(doc.tables[1])
    assert top5[0][:3] == ["Plek", "Signaal", "Stippen"]
    assert [r[2] for r in top5[1:]] == ["5", "3", "2", "1", "1"]
    assert top5[1][1] == "Auto's rijden te hard in de Tulpstraat"
    assert top5[1][3] == "4"  # bewoners
    assert top5[1][4] == "4 × 5 = 20"
    assert "Er zijn 12 van de 12 stippen verdeeld." in alle_tekst(doc)

    stemmingen = rijen(doc.tables[2])
    assert stemmingen[0] == ["Voorstel", "Voor", "Tegen", "Onthouding", "Quorum", "Uitslag"]
    assert stemmingen[1][1:4] == ["3", "1", "0"]
    assert stemmingen[3][0] == "Sportveldje aanleggen"
    assert stemmingen[3][1:4] == ["1", "2", "1"]
    assert stemmingen[3][4] == "4 aanwezig, quorum 4: gehaald"
    assert stemmingen[3][5].startswith("Verworpen")
    tekst = alle_tekst(doc)
    assert "Meerderheid (gewoon): meer stemmen voor dan tegen." in tekst  # de regel
    assert "Meerderheid: gewoon:" not in tekst and " 1 stippen" not in tekst
    assert "voor: Kees Brouwer; tegen: Fatima Yilmaz" in tekst  # hoofdelijk


def test_verslag_acties_geparkeerd_statusupdates_log(mapje):
    doc = Document(mapje / "verslag.docx")
    tekst = alle_tekst(doc)
    k = koppen(doc)
    assert "Actie 3: Actie tegen: Auto's rijden te hard in de Tulpstraat" in k
    assert "Eerste stap: Verkeersmeting aanvragen (vóór maandag 7 december 2026)." in tekst
    assert "Checkmoment: maandag 4 januari 2027" in tekst
    assert "Te groot voor deze ronde; eerst met de gemeente praten" in tekst
    status = next(rijen(t) for t in doc.tables if t.rows[0].cells[-1].text == "Stand")
    assert status[1][3] == "Loopt: Offerte is aangevraagd"
    assert status[2][3] == "Gereed: Er staan tien nieuwe rekken"
    log = next(rijen(t) for t in doc.tables if t.rows[0].cells[0].text == "Tijd")
    assert any(r[0] == "19:22" and "wil graag meedoen" in r[2] for r in log)
    assert "Gemeente kijkt naar drempels." in tekst  # notitie bij fase 2
    assert "Eigenaar van de terugkoppeling: Anouk de Graaf" in tekst


def test_verslag_eindigt_met_de_actielijst_liggend(mapje):
    doc = Document(mapje / "verslag.docx")
    open_, af = rijen(doc.tables[-3]), rijen(doc.tables[-2])
    assert tuple(open_[0]) == tuple(af[0]) == ACTIEKOPPEN
    # Open acties, en in een eigen groep wat sindsdien af is.
    assert [r[0] for r in open_[1:]] == ["1", "3", "4"]
    assert [r[0] for r in af[1:]] == ["2"]
    assert "Afgerond of gestopt sinds de vorige vergadering" in alle_tekst(doc)
    # Daarna alleen nog het logboek, als bijlage achteraan.
    assert koppen(doc)[-1] == "Bijlage: logboek"
    assert rijen(doc.tables[-1])[0] == ["Tijd", "Fase", "Wat er gebeurde"]
    laatste = doc.sections[-1]
    assert laatste.page_width > laatste.page_height


def test_verslag_noemt_geen_contactgegevens_van_bewoners(mapje):
    xml = xml_delen(mapje / "verslag.docx")
    for prive in (*BEWONERS, *EMAILS, *TELEFOONS, "Dorpsstraat"):
        assert prive not in xml


# --- actielijst ------------------------------------------------------------------------------


def test_actielijst_kop_en_een_rij_per_actie(mapje):
    doc = Document(mapje / "actielijst.docx")
    tabel, klaar = doc.tables
    r = rijen(tabel)
    assert tuple(r[0]) == ACTIEKOPPEN
    assert [rij[0] for rij in r[1:]] == ["1", "3", "4"]
    assert [rij[0] for rij in rijen(klaar)[1:]] == ["2"]
    assert rijen(klaar)[1][5].startswith("Gereed")
    eerste = r[1]
    assert eerste[0] == "1"
    assert eerste[2] == "Gemeente"
    assert eerste[3] == "Melding doen\nvóór 26 okt 2026"
    assert eerste[4] == "23 nov 2026"
    assert eerste[5] == "Loopt: Offerte is aangevraagd"
    assert eerste[6] == "12 okt 2026"
    assert r[2][2].endswith("\nmet Woonstichting Haag")  # partners bij de eigenaar
    assert r[2][6] == "23 nov 2026"
    assert doc.sections[0].page_width > doc.sections[0].page_height  # liggend
    tekst = alle_tekst(doc)
    assert "3 open acties, 1 sinds de vorige vergadering afgerond of gestopt." in tekst
    assert "ACHTERSTALLIG" not in tekst


def test_actielijst_heeft_per_nieuwe_actie_het_blad_van_template_2(tmp_path):
    from vergadering.export.actielijst import TEMPLATE_2

    g = bouw_opslag(tmp_path / "db")
    map_ = maak_mapje(g.opslag, g.wijkverband.id, g.vergadering_id, tmp_path / "uit",
                      alleen="actielijst", vandaag=VANDAAG, nu=NU)
    doc = Document(map_ / "actielijst.docx")
    nieuw = sorted((a for a in g.opslag.acties(g.wijkverband.id)
                    if a.vergadering_id == g.vergadering_id), key=lambda a: a.nummer)
    assert [k for k in koppen(doc) if k.startswith("Van signaal naar actie")] == [
        f"Van signaal naar actie: actie {a.nummer}" for a in nieuw]
    tekst = alle_tekst(doc)
    for a in nieuw:
        for punt in TEMPLATE_2:
            assert tekst.count(punt) == len(nieuw)
        assert a.omschrijving in tekst
        if a.terugkoppelzin:
            assert a.terugkoppelzin in tekst
    assert ". (vóór" not in tekst
    for prive in (*BEWONERS, *EMAILS, *TELEFOONS):
        assert prive not in xml_delen(map_ / "actielijst.docx")


def test_actielijst_achterstand_in_woorden_en_oude_klare_acties_weg(tmp_path):
    g = bouw_opslag(tmp_path / "db")
    # Een actie die al vóór de vorige vergadering klaar was, hoort er niet meer op.
    aid, nr = g.opslag.nieuw_actie_id(g.wijkverband.id, 2026)
    oud = Actie(aid, g.wijkverband.id, nr, "Heel oude actie", "Gemeente", date(2026, 6, 1))
    oud.zet_status("gereed", "klaar", datetime(2026, 7, 1, 20))
    g.opslag.bewaar_actie(oud)
    later = VANDAAG + timedelta(days=60)
    map_ = maak_mapje(g.opslag, g.wijkverband.id, g.vergadering_id, tmp_path / "uit",
                      alleen="actielijst", vandaag=later, nu=NU)
    doc = Document(map_ / "actielijst.docx")
    r = rijen(doc.tables[0]) + rijen(doc.tables[1])[1:]
    assert [rij[0] for rij in r[1:]] == ["1", "3", "4", "2"]
    assert "Heel oude actie" not in alle_tekst(doc)
    status = {rij[0]: rij[5] for rij in r[1:]}
    assert status["1"].startswith("ACHTERSTALLIG (checkmoment verstreken)")
    assert status["3"].startswith("ACHTERSTALLIG (eerste stap te laat, checkmoment verstreken)")
    assert "ACHTERSTALLIG" not in status["2"]  # gereed: nooit achterstallig
    assert "; 3 achterstallig" in alle_tekst(doc)
    # Achterstand ook in opmaak: de rij begint vet.
    assert r and doc.tables[0].rows[1].cells[0].paragraphs[0].runs[0].bold


# --- terugkoppeling --------------------------------------------------------------------------


def test_terugkoppeling_volgt_template_3_en_txt_is_dezelfde_tekst(mapje):
    doc = Document(mapje / "terugkoppeling.docx")
    assert koppen(doc) == list(KOPPEN)
    docx_regels = [p.text for p in doc.paragraphs if p.text.strip()]
    txt = (mapje / "terugkoppeling.txt").read_text(encoding="utf-8")
    txt_regels = []
    for regel in txt.splitlines():
        if not regel.strip() or set(regel) <= {"=", "-"}:
            continue
        txt_regels.append(regel[2:] if regel.startswith("- ") else regel)
    assert docx_regels == txt_regels
    # Het kanaal uit de afspraken 'Nieuwsbrief en buurtapp, binnen een week' (issue 10), als
    # kanaal in een zin (issue 11).
    assert "De volgende update staat op maandag 14 december 2026 in de nieuwsbrief." in (
        docx_regels)
    # Elke actie één keer, met wie en wanneer (niet in de tekst, de planning én de zin).
    tekst = "\n".join(docx_regels)
    assert tekst.count("maandag 7 december 2026") == 2  # twee nieuwe acties, elk één keer
    assert "Planning:" not in tekst and "Via:" not in tekst and "Wanneer:" not in tekst
    # Het eigen adres van het wijkverband blijft staan in Contact / meedoen.
    assert "Mail wijkverband.noord@gemeente.example of kom naar de inloop." in docx_regels
    # Intern: de eigenaar staat alleen in het verslag.
    assert not any("Eigenaar" in r for r in docx_regels)


def test_terugkoppeling_bevat_geen_privegegevens_van_bewoners(mapje):
    xml = xml_delen(mapje / "terugkoppeling.docx")
    txt = (mapje / "terugkoppeling.txt").read_text(encoding="utf-8")
    html = (mapje / "terugkoppeling.html").read_text(encoding="utf-8")
    verboden = [*BEWONERS, *EMAILS, *TELEFOONS, "Dorpsstraat 12"]
    verboden += [deel for naam in BEWONERS for deel in naam.replace("-", " ").split()
                 if deel[0].isupper()]  # ook losse voor- en achternamen
    verboden += ["12345678", "8765 4321", "3456789"]
    for prive in verboden:
        assert prive not in xml, prive
        assert prive not in txt, prive
        assert prive not in html, prive
    # Een naam wordt herschreven, niet vervangen door een etiket.
    assert "[naam weggelaten]" not in txt and "een bewoner" in txt.lower()
    assert "[telefoonnummer weggelaten]" in txt


def test_terugkoppeling_html_is_dezelfde_tekst_toegankelijk_en_zonder_iets_van_buiten(mapje):
    from html.parser import HTMLParser

    class Lezer(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.tags: list[str] = []
            self.attributen: list[tuple[str, str | None]] = []
            self.tekst: list[str] = []
            self._in: list[str] = []

        def handle_starttag(self, tag, attrs):
            self.tags.append(tag)
            self.attributen += attrs
            if tag != "meta":  # zonder eindtag
                self._in.append(tag)

        def handle_endtag(self, tag):
            assert self._in and self._in.pop() == tag, f"</{tag}> sluit niet wat open staat"

        def handle_data(self, data):
            if data.strip() and self._in and self._in[-1] in ("h1", "h2", "p", "li"):
                self.tekst.append(data.strip())

    ruw = (mapje / "terugkoppeling.html").read_text(encoding="utf-8")
    lezer = Lezer()
    lezer.feed(ruw)
    assert not lezer._in, "elk element is gesloten"
    assert ruw.startswith("<!DOCTYPE html>") and '<html lang="nl">' in ruw
    assert '<meta charset="utf-8">' in ruw
    # Niets van buiten: geen scripts, plaatjes, stijlbladen of lettertypen van elders.
    assert not {"script", "img", "link", "iframe", "object"} & set(lezer.tags)
    assert not [w for k, w in lezer.attributen if k in ("src", "href")]
    assert "http://" not in ruw.split("<main>")[0] and "https://" not in ruw.split("<main>")[0]
    # Dezelfde tekst als het Word-document, met de kopjes als h2.
    doc = Document(mapje / "terugkoppeling.docx")
    docx_regels = [p.text for p in doc.paragraphs if p.text.strip()]
    from html import unescape

    assert [unescape(t) for t in lezer.tekst] == docx_regels
    assert lezer.tags.count("h2") == len(KOPPEN)


def test_agenda_ics_in_het_mapje_met_de_afspraken_van_deze_vergadering(mapje, tmp_path):
    from icalendar import Calendar

    kal = Calendar.from_ical((mapje / "agenda.ics").read_bytes())
    afspraken = {str(e["UID"]).split("@")[0]: e for e in kal.walk("VEVENT")}
    soorten = {uid.rsplit("-", 1)[-1] if not uid.endswith(("-stap", "-vergadering", "-update"))
               else uid for uid in afspraken}
    assert any(u.endswith("-eerste-stap") for u in afspraken)
    assert any(u.endswith("-checkmoment") for u in afspraken)
    assert any(u.endswith("-volgende-vergadering") for u in afspraken)
    assert any(u.endswith("-volgende-update") for u in afspraken)
    assert soorten
    # Alleen de acties uit deze vergadering (2026-…-nummers van 23 november), niet de oude.
    assert all("Actie tegen" in str(e["SUMMARY"]) for u, e in afspraken.items()
               if u.endswith(("-eerste-stap", "-checkmoment")))
    tekst = (mapje / "agenda.ics").read_text("utf-8").replace("\r\n ", "")
    for prive in (*BEWONERS, *EMAILS, *TELEFOONS):
        assert prive not in tekst


def test_html_ontsnapt_wat_iemand_typte():
    from vergadering.export.terugkoppeling import Blok, als_html

    uit = als_html([Blok("alinea", '<script>alert("x")</script> & Co'),
                    Blok("punt", "a < b")], "T & T")
    assert "<script>" not in uit
    assert "&lt;script&gt;" in uit and "&amp; Co" in uit and "<li>a &lt; b</li>" in uit
    assert "<title>T &amp; T</title>" in uit


# --- participatieafspraken -------------------------------------------------------------------


def test_participatieafspraken_template_1(mapje):
    doc = Document(mapje / "participatieafspraken.docx")
    assert koppen(doc) == [
        "1. Wijkvraag en doelgroep",
        "2. Beoogde opbrengst voor inwoners",
        "3. Vorm van participatie (ophalen)",
        "4. Doorwerking in het hechte wijkverband",
        "5. Terugkoppeling aan inwoners (verplicht)",
    ]
    tekst = alle_tekst(doc)
    assert "Probleem of vraag (1 zin) Hoe maken we de Bloemenbuurt veiliger" in tekst
    assert "Basisvorm A — buurtgesprekken" in tekst
    assert "Wie is eigenaar van de terugkoppeling? Anouk de Graaf" in tekst
    assert "stand van maandag 23 november 2026" in tekst


def test_lege_afspraken_zeggen_nog_niet_ingevuld(tmp_path):
    g = bouw_opslag(tmp_path / "db")
    wv = g.opslag.wijkverband(g.wijkverband.id)
    wv.afspraken.mandaat = ""
    g.opslag.bewaar_wijkverband(wv)
    map_ = maak_mapje(g.opslag, wv.id, g.vergadering_id, tmp_path / "uit", alleen="afspraken",
                      vandaag=VANDAAG, nu=NU)
    assert "Wie besluit (mandaat)? Nog niet ingevuld." in alle_tekst(
        Document(map_ / "participatieafspraken.docx"))


# --- varianten -------------------------------------------------------------------------------


def test_open_vergadering_wordt_concept(tmp_path):
    g = bouw_opslag(tmp_path / "db")
    v = g.opslag.vergadering(g.wijkverband.id, g.vergadering_id)
    v.gesloten_op = None
    v.fasen[2].gestart_op = NU.timestamp() - 90  # de klok loopt nog: 1,5 minuut erbij
    g.opslag.bewaar_vergadering(v)
    map_ = maak_mapje(g.opslag, g.wijkverband.id, v.id, tmp_path / "uit", alleen="verslag",
                      vandaag=VANDAAG, nu=NU)
    doc = Document(map_ / "verslag.docx")
    assert "Concept: deze vergadering is nog niet gesloten." in alle_tekst(doc)
    assert rijen(doc.tables[0])[3][3] == "6:30"


def test_aanmaakdatum_van_een_tijdstip_zonder_zone_is_lokale_tijd(tmp_path):
    g = bouw_opslag(tmp_path / "db")
    lokaal = datetime(2026, 7, 1, 12, 0)
    map_ = maak_mapje(g.opslag, g.wijkverband.id, g.vergadering_id, tmp_path / "uit",
                      alleen="afspraken", vandaag=VANDAAG, nu=lokaal)
    verwacht = lokaal.astimezone(UTC).replace(tzinfo=None)
    eigen = Document(map_ / "participatieafspraken.docx").core_properties
    assert eigen.created.replace(tzinfo=None) == verwacht


def test_uitkomst_noemt_de_bestanden(tmp_path):
    g = bouw_opslag(tmp_path / "db")
    u = exporteer(g.opslag, g.wijkverband.id, g.vergadering_id, tmp_path / "uit",
                  alleen="terugkoppeling", vandaag=VANDAAG, nu=NU)
    assert [p.name for p in u.bestanden] == ["terugkoppeling.docx", "terugkoppeling.txt",
                                             "terugkoppeling.html"]
    assert all(p.exists() for p in u.bestanden)
    assert not u.andere_naam


def test_importeren_laadt_python_docx_niet():
    code = (
        "import sys, vergadering.export, vergadering.privacy\n"
        "print('docx' in sys.modules, 'lxml' in sys.modules)\n"
    )
    uit = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert uit.stdout.split() == ["False", "False"]
