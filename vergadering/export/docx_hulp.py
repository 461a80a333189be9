"""Bouwstenen voor de Word-documenten: opmaak, taal, eigenschappen, tabellen, veilig bewaren.

Alleen te importeren als er echt geëxporteerd wordt: python-docx (met lxml) kost bij het
laden ruim een tiende seconde, en de app hoeft dat bij het starten niet te betalen.

Wat python-docx niet vanzelf goed doet (zie ONTWERP §4) en hier wel:

- tekens die XML niet kan bevatten geven een ``ValueError``: alle tekst gaat door
  ``xml_veilig``;
- de documenttaal staat als ``w:lang`` in de standaardopmaak van ``styles.xml`` (nl-NL),
  zodat de spellingcontrole Nederlands is;
- paginanummers ("Pagina 2 van 3") zijn PAGE- en NUMPAGES-velden in de voettekst;
- auteur en aanmaakdatum zijn die van ons (niet "python-docx", 2013), de datum in UTC;
- de kopregel van een tabel herhaalt op elke pagina (``w:tblHeader``);
- een tabel wordt rij voor rij met ``add_row()`` gevuld, nooit via ``table.cell(r, c)``;
- bewaren gaat via een tijdelijk bestand en ``os.replace``: nooit een half document.
"""

from __future__ import annotations

import copy
import io
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

# Alles wat een document in gaat: ook zonder terminalcodes en richtingstekens.
from ..tekst import uitvoer_veilig as xml_veilig
from .veilig_schrijven import schrijf_atomisch

TAAL = "nl-NL"
TABELSTIJL = "Light Grid Accent 1"
TABELTEKST = "Tabeltekst"  # alinea-opmaak voor de cellen: iets kleiner dan de lopende tekst

A4_KORT, A4_LANG = Mm(210), Mm(297)


class Stuk:
    """Eén Word-document in opbouw. Alle tekst die erin gaat, wordt XML-veilig gemaakt.

    Privacy is niet de taak van deze klasse: wie tekst van gebruikers doorgeeft, haalt er
    eerst zelf de privégegevens uit (``vergadering.privacy``).
    """

    def __init__(
        self,
        titel: str,
        auteur: str,
        moment: datetime,
        *,
        onderwerp: str = "",
        kopregel: str = "",
        liggend: bool = False,
    ) -> None:
        self.doc = Document()
        _ruim_sjabloon_op(self.doc)
        self._zet_taal()
        self._zet_stijlen()
        self._zet_eigenschappen(titel, auteur, onderwerp, moment)
        sectie = self.doc.sections[0]
        _pagina(sectie, liggend)
        _kop_en_voet(sectie, kopregel or titel)

    # --- opzet van het document ----------------------------------------------------------

    def _zet_taal(self) -> None:
        """nl-NL in de standaardopmaak (docDefaults) en in elke stijl die een taal noemt."""
        stijlen = self.doc.styles.element
        rpr_standaard = stijlen.find(qn("w:docDefaults") + "/" + qn("w:rPrDefault"))
        if rpr_standaard is None:
            standaard = stijlen.find(qn("w:docDefaults"))
            if standaard is None:
                standaard = OxmlElement("w:docDefaults")
                stijlen.insert(0, standaard)
            rpr_standaard = OxmlElement("w:rPrDefault")
            standaard.insert(0, rpr_standaard)
        rpr = rpr_standaard.find(qn("w:rPr"))
        if rpr is None:
            rpr = OxmlElement("w:rPr")
            rpr_standaard.append(rpr)
        if rpr.find(qn("w:lang")) is None:
            rpr.append(OxmlElement("w:lang"))
        for lang in stijlen.iter(qn("w:lang")):
            lang.set(qn("w:val"), TAAL)
        instellingen = self.doc.settings.element
        thema = instellingen.find(qn("w:themeFontLang"))
        if thema is not None:
            thema.set(qn("w:val"), TAAL)
        # Spelling is nog niet gecontroleerd: laat Word en LibreOffice dat opnieuw doen.
        controle = instellingen.find(qn("w:proofState"))
        if controle is not None:
            instellingen.remove(controle)
        self.doc.core_properties.language = TAAL

    def _zet_stijlen(self) -> None:
        stijlen = self.doc.styles
        normaal = stijlen["Normal"]
        normaal.font.name = "Calibri"
        normaal.font.size = Pt(11)
        normaal.paragraph_format.space_after = Pt(4)
        tabeltekst = stijlen.add_style(TABELTEKST, WD_STYLE_TYPE.PARAGRAPH)
        tabeltekst.base_style = normaal
        tabeltekst.font.size = Pt(9)
        tabeltekst.paragraph_format.space_after = Pt(0)
        tabeltekst.quick_style = True
        for naam, grootte in (("Title", 22), ("Heading 1", 15), ("Heading 2", 13)):
            stijlen[naam].font.size = Pt(grootte)
        stijlen["Title"].font.color.rgb = RGBColor(0x1F, 0x3A, 0x5F)

    def _zet_eigenschappen(self, titel: str, auteur: str, onderwerp: str, moment: datetime):
        """Titel, auteur en datum; python-docx schrijft de datum zonder omrekening als UTC."""
        eigen = self.doc.core_properties
        utc = naar_utc(moment)
        eigen.title = xml_veilig(titel)[:255]
        eigen.author = xml_veilig(auteur)[:255]
        eigen.last_modified_by = xml_veilig(auteur)[:255]
        eigen.subject = xml_veilig(onderwerp)[:255]
        eigen.keywords = "wijkverband; vergadering"
        eigen.comments = "Gemaakt met Vergadering."
        eigen.category = ""
        eigen.created = utc
        eigen.modified = utc
        # Het sjabloon van python-docx zegt dat het in 2013 afgedrukt is: weg ermee.
        for verouderd in eigen._element.findall(qn("cp:lastPrinted")):
            eigen._element.remove(verouderd)
        eigen.revision = 1

    # --- inhoud ----------------------------------------------------------------------------

    def compact(self) -> None:
        """Minder witruimte rond de koppen: voor een formulier dat op één pagina hoort (de
        participatieafspraken), waar het sjabloon 24 pt boven elke kop zet."""
        for naam in ("Heading 1", "Heading 2"):
            opmaak = self.doc.styles[naam].paragraph_format
            opmaak.space_before = Pt(9)
            opmaak.space_after = Pt(2)
        self.doc.styles["Title"].paragraph_format.space_after = Pt(4)

    def titel(self, tekst: str) -> None:
        """De titel bovenaan."""
        self.doc.add_paragraph(xml_veilig(tekst), style="Title")

    def ondertitel(self, tekst: str) -> None:
        """Eén regel onder de titel."""
        self.doc.add_paragraph(xml_veilig(tekst), style="Subtitle")

    def kop(self, tekst: str, niveau: int = 1) -> None:
        """Een kop (Heading 1–3), zodat de navigatie in Word werkt."""
        self.doc.add_heading(xml_veilig(tekst), level=niveau)

    def alinea(self, tekst: str = "", *, label: str = "") -> None:
        """Een alinea; met ``label`` vet ervoor ("Eigenaar: ..."). Regeleinden blijven staan."""
        p = self.doc.add_paragraph()
        if label:
            p.add_run(xml_veilig(label) + " ").bold = True
        if tekst:
            p.add_run(xml_veilig(tekst))

    def nadruk(self, tekst: str) -> None:
        """Een vette alinea, voor een waarschuwing of mededeling."""
        self.doc.add_paragraph().add_run(xml_veilig(tekst)).bold = True

    def opsomming(self, regels: Sequence[str]) -> None:
        """Een lijst met opsommingstekens."""
        for regel in regels:
            self.doc.add_paragraph(xml_veilig(regel), style="List Bullet")

    def tabel(
        self,
        koppen: Sequence[str],
        rijen: Sequence[Sequence[str]],
        breedtes_mm: Sequence[float] | None = None,
        *,
        vet: Sequence[bool] | None = None,
    ) -> None:
        """Een tabel met een kopregel die op elke pagina terugkomt.

        ``vet``: per rij of die rij (de eerste cel) vet moet, bijvoorbeeld bij achterstand.
        """
        tabel = self.doc.add_table(rows=1, cols=len(koppen))
        tabel.style = self.doc.styles[TABELSTIJL]
        tbl = tabel._tbl
        # Alleen de kopregel opvallend, niet ook de eerste kolom.
        kijk = tbl.tblPr.find(qn("w:tblLook"))
        if kijk is not None:
            kijk.set(qn("w:firstColumn"), "0")
            kijk.set(qn("w:val"), "0420")
        kopregel = tbl.tr_lst[0]
        _herhaal_kopregel(kopregel)
        for tc, kop in zip(kopregel.tc_lst, koppen, strict=True):
            _vul_cel(tc, xml_veilig(kop), vet=True)
        if breedtes_mm:
            tabel.autofit = False
            for kolom, breedte in zip(tabel.columns, breedtes_mm, strict=True):
                kolom.width = Mm(breedte)
            for tc, breedte in zip(kopregel.tc_lst, breedtes_mm, strict=True):
                tc.width = Mm(breedte)
        for n, rij in enumerate(rijen):
            tr = tabel.add_row()._tr
            # Een rij niet over twee pagina's breken: de kopregel staat dan boven elke rij.
            tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
            nadruk = bool(vet and vet[n])
            for tc, waarde in zip(tr.tc_lst, rij, strict=True):
                _vul_cel(tc, xml_veilig(waarde), vet=nadruk)
                nadruk = False
        # Witregel na de tabel, zodat een volgende tabel er niet aan vast groeit.
        self.doc.add_paragraph()

    def nieuwe_pagina(self) -> None:
        """Wat volgt begint op een nieuwe pagina."""
        from docx.enum.text import WD_BREAK

        self.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def liggende_sectie(self) -> None:
        """Een nieuwe pagina in liggend formaat (voor een brede tabel)."""
        from docx.enum.section import WD_SECTION

        sectie = self.doc.add_section(WD_SECTION.NEW_PAGE)
        _pagina(sectie, liggend=True)

    def bewaar(self, pad: Path) -> None:
        """Bewaar atomisch: eerst naar een tijdelijk bestand ernaast, dan ``os.replace``."""
        buffer = io.BytesIO()
        self.doc.save(buffer)
        schrijf_atomisch(pad, buffer.getvalue())


# --- losse hulpen ----------------------------------------------------------------------------

_THUMBNAIL = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail"
_APP_XML = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
    b'extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/'
    b'docPropsVTypes"><Application>Vergadering</Application><DocSecurity>0</DocSecurity>'
    b"<ScaleCrop>false</ScaleCrop><LinksUpToDate>false</LinksUpToDate>"
    b"<SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged></Properties>"
)


def _ruim_sjabloon_op(doc) -> None:
    """Wat het sjabloon van python-docx meebrengt en niet over ons document gaat: het plaatje
    van een lege pagina (verkenners tonen het als voorbeeld), 'Microsoft Macintosh Word' 14
    als maker in docProps/app.xml, en Engels (en-US) in stylesWithEffects.xml, de stijlen
    die Word 2010 leest."""
    pakket = doc.part.package
    for rid, rel in list(pakket.rels.items()):
        if rel.reltype == _THUMBNAIL:
            pakket.rels.pop(rid)
    for deel in pakket.iter_parts():
        if deel.partname == "/docProps/app.xml":
            deel._blob = _APP_XML
        elif deel.partname == "/word/stylesWithEffects.xml":
            from lxml import etree

            wortel = etree.fromstring(deel.blob)
            for lang in wortel.iter(qn("w:lang")):
                lang.set(qn("w:val"), TAAL)
            deel._blob = etree.tostring(wortel, xml_declaration=True, encoding="UTF-8",
                                        standalone=True)


def naar_utc(moment: datetime) -> datetime:
    """Een tijdstip in UTC zonder tijdzone (zo schrijft python-docx hem weg, met 'Z').

    Een tijdstip zonder tijdzone is lokale tijd.
    """
    return moment.astimezone(UTC).replace(tzinfo=None, microsecond=0)


def _pagina(sectie, liggend: bool) -> None:
    """A4 met ruime marges; liggend voor brede tabellen."""
    if liggend:
        sectie.orientation = WD_ORIENT.LANDSCAPE
        sectie.page_width, sectie.page_height = A4_LANG, A4_KORT
    else:
        sectie.orientation = WD_ORIENT.PORTRAIT
        sectie.page_width, sectie.page_height = A4_KORT, A4_LANG
    sectie.left_margin = sectie.right_margin = Mm(20)
    sectie.top_margin = Mm(20)
    sectie.bottom_margin = Mm(18)


def _kop_en_voet(sectie, kopregel: str) -> None:
    """Kopregel met de titel; voettekst 'Pagina X van Y' met velden die Word en
    LibreOffice zelf bijwerken."""
    kop = sectie.header.paragraphs[0]
    kop.text = xml_veilig(kopregel)
    voet = sectie.footer.paragraphs[0]
    voet.alignment = 1  # gecentreerd
    voet.add_run("Pagina ")
    _veld(voet, "PAGE", "1")
    voet.add_run(" van ")
    _veld(voet, "NUMPAGES", "1")


def _veld(alinea, code: str, voorlopig: str) -> None:
    """Een veld als w:fldChar begin / w:instrText / separate / resultaat / end."""
    def run_met(element) -> None:
        r = OxmlElement("w:r")
        r.append(element)
        alinea._p.append(r)

    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    # Geen w:dirty: dan vraagt Word bij het openen of het velden mag bijwerken. PAGE en
    # NUMPAGES in een voettekst werken Word en LibreOffice toch altijd zelf bij.
    run_met(begin)
    instructie = OxmlElement("w:instrText")
    instructie.set(qn("xml:space"), "preserve")
    instructie.text = f" {code} \\* MERGEFORMAT "
    run_met(instructie)
    scheiding = OxmlElement("w:fldChar")
    scheiding.set(qn("w:fldCharType"), "separate")
    run_met(scheiding)
    resultaat = OxmlElement("w:t")
    resultaat.text = voorlopig
    run_met(resultaat)
    einde = OxmlElement("w:fldChar")
    einde.set(qn("w:fldCharType"), "end")
    run_met(einde)


def _herhaal_kopregel(tr) -> None:
    """Markeer een tabelrij als kopregel die op elke pagina herhaald wordt."""
    trpr = tr.get_or_add_trPr()
    for naam in ("w:cantSplit", "w:tblHeader"):
        element = OxmlElement(naam)
        element.set(qn("w:val"), "true")
        trpr.append(element)


# Vooraf gemaakte stukjes XML: kopiëren is sneller dan telkens opbouwen.
def _sjabloon_alinea(vet: bool):
    p = OxmlElement("w:p")
    ppr = OxmlElement("w:pPr")
    stijl = OxmlElement("w:pStyle")
    stijl.set(qn("w:val"), TABELTEKST)
    ppr.append(stijl)
    p.append(ppr)
    r = OxmlElement("w:r")
    if vet:
        rpr = OxmlElement("w:rPr")
        rpr.append(OxmlElement("w:b"))
        r.append(rpr)
    p.append(r)
    return p


_ALINEA = {False: _sjabloon_alinea(False), True: _sjabloon_alinea(True)}


def _vul_cel(tc, tekst: str, *, vet: bool = False) -> None:
    """Vervang de lege alinea van een cel door een alinea in Tabeltekst met deze tekst.

    Regeleinden in de tekst worden regeleinden in de cel (python-docx zet ``\\n`` om).
    """
    p = copy.deepcopy(_ALINEA[vet])
    r = p[-1]
    if "\n" in tekst or "\t" in tekst:
        from docx.text.run import Run

        Run(r, None).text = tekst  # type: ignore[arg-type]
    else:
        t = OxmlElement("w:t")
        t.text = tekst
        if tekst[:1].isspace() or tekst[-1:].isspace():
            t.set(qn("xml:space"), "preserve")
        r.append(t)
    oud = tc.p_lst
    for leeg in oud:
        tc.remove(leeg)
    tc.append(p)
