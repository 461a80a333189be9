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
    "participatieafspraken.docx",
}


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


@pytest.mark.parametrize("naam", sorted(BESTANDEN - {"terugkoppeling.txt"}))
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


# --- verslag ---------------------------------------------------------------------------------


def test_verslag_koppen_en_gegevens(mapje):
    doc = Document(mapje / "verslag.docx")
    k = koppen(doc)
    for kop in ("Gegevens", "Agenda en tijd", "1. Top 5 signalen", "2. Top 1–2 acties",
                "Stemmingen", "Aangenomen acties", "Geparkeerde signalen",
                "3. Wat koppelen we terug?", "Stand van eerdere acties",
                "De terugkoppeling aan bewoners", "Logboek", "Volgende vergadering",
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
    assert "Concept" not in tekst  # de vergadering is gesloten


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
    assert "meer stemmen voor dan tegen" in tekst  # de meerderheidsregel
    assert "voor: Kees Brouwer; tegen: Fatima Yilmaz" in tekst  # hoofdelijk


def test_verslag_acties_geparkeerd_statusupdates_log(mapje):
    doc = Document(mapje / "verslag.docx")
    tekst = alle_tekst(doc)
    k = koppen(doc)
    assert "Actie 3: Actie tegen: Auto's rijden te hard in de Tulpstraat" in k
    assert "Eerste stap: Verkeersmeting aanvragen (vóór maandag 7 december 2026)" in tekst
    assert "Checkmoment: maandag 4 januari 2027" in tekst
    assert "Te groot voor deze ronde; eerst met de gemeente praten" in tekst
    status = next(rijen(t) for t in doc.tables if t.rows[0].cells[-1].text == "Stand")
    assert status[1][3] == "loopt: Offerte is aangevraagd"
    assert status[2][3] == "gereed: Er staan tien nieuwe rekken"
    log = next(rijen(t) for t in doc.tables if t.rows[0].cells[0].text == "Tijd")
    assert any(r[0] == "19:22" and "wil graag meedoen" in r[2] for r in log)
    assert "Gemeente kijkt naar drempels." in tekst  # notitie bij fase 2
    assert "Eigenaar van de terugkoppeling: Anouk de Graaf" in tekst


def test_verslag_eindigt_met_de_actielijst_liggend(mapje):
    doc = Document(mapje / "verslag.docx")
    tabel = rijen(doc.tables[-1])
    assert tuple(tabel[0]) == ACTIEKOPPEN
    assert [r[0] for r in tabel[1:]] == ["1", "2", "3", "4"]
    laatste = doc.sections[-1]
    assert laatste.page_width > laatste.page_height


def test_verslag_noemt_geen_contactgegevens_van_bewoners(mapje):
    xml = xml_delen(mapje / "verslag.docx")
    for prive in (*BEWONERS, *EMAILS, *TELEFOONS, "Dorpsstraat"):
        assert prive not in xml


# --- actielijst ------------------------------------------------------------------------------


def test_actielijst_kop_en_een_rij_per_actie(mapje):
    doc = Document(mapje / "actielijst.docx")
    (tabel,) = doc.tables
    r = rijen(tabel)
    assert tuple(r[0]) == ACTIEKOPPEN
    assert len(r) == 1 + 4
    eerste = r[1]
    assert eerste[0] == "1"
    assert eerste[2] == "Gemeente"
    assert eerste[4] == "Melding doen\nvóór 26 okt 2026"
    assert eerste[5] == "23 nov 2026"
    assert eerste[6] == "loopt: Offerte is aangevraagd"
    assert eerste[7] == "12 okt 2026"
    assert r[3][3] == "Woonstichting Haag"
    assert r[3][7] == "23 nov 2026"
    assert doc.sections[0].page_width > doc.sections[0].page_height  # liggend
    tekst = alle_tekst(doc)
    assert "3 open acties, 1 sinds de vorige vergadering afgerond of gestopt." in tekst
    assert "ACHTERSTALLIG" not in tekst


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
    r = rijen(doc.tables[0])
    assert [rij[0] for rij in r[1:]] == ["1", "2", "3", "4"]
    assert "Heel oude actie" not in alle_tekst(doc)
    status = {rij[0]: rij[6] for rij in r[1:]}
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
    assert "Wanneer: maandag 14 december 2026" in docx_regels
    assert "Via: Nieuwsbrief en buurtapp, binnen een week" in docx_regels
    # Het eigen adres van het wijkverband blijft staan in Contact / meedoen.
    assert "Mail wijkverband.noord@gemeente.example of kom naar de inloop." in docx_regels
    # Intern: de eigenaar staat alleen in het verslag.
    assert not any("Eigenaar" in r for r in docx_regels)


def test_terugkoppeling_bevat_geen_privegegevens_van_bewoners(mapje):
    xml = xml_delen(mapje / "terugkoppeling.docx")
    txt = (mapje / "terugkoppeling.txt").read_text(encoding="utf-8")
    verboden = [*BEWONERS, *EMAILS, *TELEFOONS, "Dorpsstraat 12"]
    verboden += [deel for naam in BEWONERS for deel in naam.replace("-", " ").split()
                 if deel[0].isupper()]  # ook losse voor- en achternamen
    verboden += ["12345678", "8765 4321", "3456789"]
    for prive in verboden:
        assert prive not in xml, prive
        assert prive not in txt, prive
    # Een naam wordt herschreven, niet vervangen door een etiket.
    assert "[naam weggelaten]" not in txt and "een bewoner" in txt.lower()
    assert "[telefoonnummer weggelaten]" in txt


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
    assert [p.name for p in u.bestanden] == ["terugkoppeling.docx", "terugkoppeling.txt"]
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
