"""De agenda rond de cyclus op het scherm (Pilot, 80×24): het sjabloon instellen, een punt
erbij, notities per punt, het vorige verslag vaststellen, sluiten vanaf elk punt, een
lopende vergadering van vóór het sjabloon, en één hele vergadering met het
standaardsjabloon van start tot export."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from docx import Document
from schermen_gegevens import VANDAAG, Klok, maak_app
from schermen_pilot import begin_vergadering, kies, meldingen, op_startscherm, typ, wacht
from textual.widgets import DataTable, Select, TextArea

from schermen.bevestig import Bevestig
from schermen.fase_punt import FasePunt, FaseVerslag
from schermen.formulieren.agenda import AgendaFormulier, AgendapuntFormulier
from schermen.formulieren.basis import MeerdereKeuze
from schermen.formulieren.notities import NotitiePaneel
from schermen.formulieren.terugkoppeling import TerugkoppelingFormulier
from schermen.klok import Agendabalk, FaseKlok
from schermen.start import StartScherm
from schermen.vergaderscherm import VergaderScherm
from vergadering.opslag import Opslag
from vergadering.terugkoppeling import Terugkoppeling
from vergadering.vergadering import nieuwe_vergadering, standaard_fasen

WV = "de-hoven-noord"


def _fout(scherm) -> str:
    return str(scherm.query_one(".dialoog-fout").render())


def _agenda_tekst(scherm) -> str:
    return str(scherm.query_one(Agendabalk).render())


async def _naar(pilot, app, titel: str) -> None:
    """Met n verder tot het punt met deze titel aan de beurt is."""
    for _ in range(len(app.sessie.vergadering.fasen)):
        if app.sessie.vergadering.fase.titel == titel:
            return
        await pilot.press("n")
    assert app.sessie.vergadering.fase.titel == titel


async def _notities(pilot, scherm, tekst: str) -> None:
    """o, typen in het paneel naast de fase, esc: het paneel gaat dicht."""
    await pilot.press("o")
    await wacht(pilot, lambda: bool(scherm.query(NotitiePaneel))
                and scherm.query_one(NotitiePaneel).tekstvak.has_focus)
    await typ(pilot, tekst)
    await pilot.press("escape")
    await wacht(pilot, lambda: not scherm.query_one(NotitiePaneel).display)


async def _correcties(pilot, scherm, tekst: str) -> None:
    """c, typen in het tekstvak onder de actielijst, esc: terug naar de lijst."""
    await pilot.press("c")
    vak = scherm.query_one("#correcties-vak", TextArea)
    await wacht(pilot, lambda: vak.has_focus)
    await typ(pilot, tekst)
    await pilot.press("escape")
    await wacht(pilot, lambda: scherm.query_one("#vorige-acties", DataTable).has_focus)


# --- het sjabloon ----------------------------------------------------------------------

async def test_sjabloon_instellen_op_het_startscherm(tmp_path: Path) -> None:
    app = maak_app(tmp_path / "db", sjabloon=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await op_startscherm(pilot)
        await pilot.press("g")
        await wacht(pilot, lambda: isinstance(app.screen, AgendaFormulier))
        formulier = app.screen
        voor = formulier.query_one("#agenda-voor", TextArea)
        assert voor.has_focus
        assert voor.text == ("Opening en mededelingen, 5\n"
                             "Verslag en actielijst vorige keer vaststellen, 5")
        assert formulier.query_one("#agenda-na", TextArea).text == "Rondvraag, 5\nSluiting, 0"
        await pilot.press("down", "end", "enter")
        await typ(pilot, "Wijkagent, vijf")
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, AgendaFormulier), "een onleesbare regel blijft staan"
        assert "Vóór het cyclusblok, regel 3: zet achter de komma het aantal minuten" in (
            _fout(formulier))
        await pilot.press("backspace", "backspace", "backspace", "backspace", "1", "0")
        await pilot.press("ctrl+s")
        await wacht(pilot, lambda: isinstance(app.screen, StartScherm))
    wv = Opslag(tmp_path / "db").wijkverband(WV)
    assert [(p.titel, p.minuten, p.soort) for p in wv.agenda.voor] == [
        ("Opening en mededelingen", 5, "punt"),
        ("Verslag en actielijst vorige keer vaststellen", 5, "verslag"),
        ("Wijkagent", 10, "punt")]
    assert (wv.agenda.signalen, wv.agenda.acties) == (5, 10)  # het cyclusblok blijft


# --- tijdens de vergadering --------------------------------------------------------------

async def test_vergadering_begint_bij_de_opening_met_een_venster_van_de_agenda(
        tmp_path: Path) -> None:
    klok = Klok()
    app = maak_app(tmp_path / "db", klok, sjabloon=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await begin_vergadering(pilot)
        scherm = app.screen
        assert isinstance(scherm.paneel, FasePunt)
        assert scherm.query_one(FaseKlok).beeld.titel == "Opening en mededelingen"
        regels = _agenda_tekst(scherm).splitlines()
        assert len(regels) == 4  # drie punten en het totaal, zoals met alleen de cyclus
        assert regels[0].startswith("▶• Opening") and regels[2].startswith(" 1 Signalen")
        assert regels[3] == "Totaal 0:00 van 35:00"
        # Waarschuwen en uitlopen zoals een fase, nooit vanzelf verder.
        klok.verzet(6 * 60)
        await wacht(pilot, lambda: scherm.query_one(FaseKlok).beeld.stand == "over")
        assert app.sessie.vergadering.fase_index == 0
        await pilot.press("n", "n")
        await wacht(pilot, lambda: scherm.query_one(FaseKlok).beeld.titel
                    == "Fase 1 · Top 5 signalen")
        assert scherm.query_one("#ranglijst").has_focus
        assert _agenda_tekst(scherm).splitlines()[1].startswith("▶1 Signalen")


async def test_punt_erbij_met_titel_en_minuten(tmp_path: Path) -> None:
    app = maak_app(tmp_path / "db", sjabloon=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await begin_vergadering(pilot)
        scherm = app.screen
        await pilot.press("a")
        await wacht(pilot, lambda: isinstance(app.screen, AgendapuntFormulier))
        formulier = app.screen
        await pilot.press("ctrl+s")
        assert "Vul de titel van het agendapunt in" in _fout(formulier)
        await typ(pilot, "Buurtfeest")
        await pilot.press("tab", "0", "ctrl+s")
        assert isinstance(app.screen, AgendapuntFormulier)
        assert "minuten" in _fout(formulier) and "1" in _fout(formulier)
        await pilot.press("ctrl+u", "1", "5", "enter")
        await wacht(pilot, lambda: app.screen is scherm)
        titels = [f.titel for f in app.sessie.vergadering.fasen]
        assert titels[-3:] == ["Rondvraag", "Buurtfeest", "Sluiting"]
        assert app.sessie.vergadering.fase_index == 0
        assert any("'Buurtfeest' staat op de agenda (15 min)" in m for m in meldingen(app))
        # Ook vanuit een fase van de cyclus, met i.
        await pilot.press("n", "n")
        await pilot.press("i")
        await wacht(pilot, lambda: isinstance(app.screen, AgendapuntFormulier))
        await typ(pilot, "Kerstmarkt")
        await pilot.press("enter", "enter")
        await wacht(pilot, lambda: app.screen is scherm)
        assert app.sessie.vergadering.fasen[-2].titel == "Kerstmarkt"
        assert app.bewaarder.wacht(10)
    bewaard = Opslag(tmp_path / "db").vergadering(WV, app.sessie.vergadering.id)
    assert [f.titel for f in bewaard.fasen[-4:]] == ["Rondvraag", "Buurtfeest", "Kerstmarkt",
                                                     "Sluiting"]
    assert [f.gepland_s for f in bewaard.fasen if f.soort == "extra"] == [900, 300]



async def test_agenda_aanpassen_weghalen_verschuiven_en_een_zin_bij_de_cyclus(
        tmp_path: Path) -> None:
    """A: de agenda met wat geweest is, wat loopt en wat komt; ] schuift de rondvraag na de
    sluiting, d haalt de sluiting weg, een fase van de cyclus weghalen geeft een zin."""
    from schermen.agenda_aanpassen import AgendaAanpassen

    app = maak_app(tmp_path / "db", sjabloon=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await begin_vergadering(pilot)
        scherm = app.screen
        await pilot.press("A")
        await wacht(pilot, lambda: isinstance(app.screen, AgendaAanpassen))
        lijst = app.screen.query_one("#agenda-punten")
        assert lijst.highlighted == 1  # het eerste punt dat nog komt
        await pilot.press("d")  # het vorige verslag: blijft
        await wacht(pilot, lambda: any("vorige verslag blijft" in m for m in meldingen(app)))
        await pilot.press("down")  # de top 5: een fase van de cyclus
        await pilot.press("d")
        await wacht(pilot, lambda: any("fasen van de cyclus" in m for m in meldingen(app)))
        await pilot.press("down", "down", "down")  # de rondvraag
        assert app.sessie.vergadering.fasen[lijst.highlighted].titel == "Rondvraag"
        await pilot.press("]")
        await wacht(pilot, lambda: app.sessie.vergadering.fasen[-1].titel == "Rondvraag")
        assert lijst.highlighted == 6  # de markering gaat mee
        await pilot.press("up", "d")  # de sluiting weg
        await wacht(pilot, lambda: len(app.sessie.vergadering.fasen) == 6)
        assert any("'Sluiting' is van de agenda gehaald" in m for m in meldingen(app))
        await pilot.press("escape")
        await wacht(pilot, lambda: app.screen is scherm)
        assert app.bewaarder.wacht(10)
    bewaard = Opslag(tmp_path / "db").vergadering(WV, app.sessie.vergadering.id)
    assert [f.titel for f in bewaard.fasen][-2:] == ["Wat koppelen we terug?", "Rondvraag"]
    assert bewaard.fase_index == 0

async def test_elk_punt_eigen_notities(tmp_path: Path) -> None:
    app = maak_app(tmp_path / "db", sjabloon=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await begin_vergadering(pilot)
        scherm = app.screen
        await _notities(pilot, scherm, "Welkom aan de wijkagent.")
        assert scherm.query_one(NotitiePaneel).titel == "Notities bij Opening en mededelingen"
        await wacht(pilot, lambda: "Welkom aan de wijkagent." in str(
            scherm.query_one("#punt-notities").render()))
        await _naar(pilot, app, "Rondvraag")
        await wacht(pilot, lambda: "Nog geen notities" in str(
            scherm.query_one("#punt-notities").render()))
        await _notities(pilot, scherm, "Vraag over de bankjes.")
        assert app.bewaarder.wacht(10)
    v = Opslag(tmp_path / "db").vergadering(WV, app.sessie.vergadering.id)
    notities = {f.titel: f.notities for f in v.fasen}
    assert notities["Opening en mededelingen"] == "Welkom aan de wijkagent."
    assert notities["Rondvraag"] == "Vraag over de bankjes."
    assert notities["Top 5 signalen"] == ""


async def test_vorig_verslag_concept_correcties_en_vaststellen(tmp_path: Path) -> None:
    app = maak_app(tmp_path / "db", sjabloon=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await begin_vergadering(pilot)
        scherm = app.screen
        await pilot.press("n")
        paneel = scherm.paneel
        assert isinstance(paneel, FaseVerslag)
        stand = str(scherm.query_one("#verslag-stand").render())
        assert "Verslag van maandag 12 oktober 2026 · Concept" in stand
        tabel = scherm.query_one("#vorige-acties", DataTable)
        assert tabel.has_focus and tabel.row_count == 2
        await _correcties(pilot, scherm, "Kees was afgemeld.")
        assert app.sessie.vergadering.correcties_vorig == "Kees was afgemeld."
        await pilot.press("f")
        await wacht(pilot, lambda: "Vastgesteld op maandag 23 november 2026" in str(
            scherm.query_one("#verslag-stand").render()))
        assert app.bewaarder.wacht(10)
    vorig = Opslag(tmp_path / "db").vergadering(WV, "2026-10-12")
    assert vorig.vastgesteld_op == VANDAAG
    assert vorig.vastgestelde_correcties == "Kees was afgemeld."


async def test_sluiten_vanaf_een_punt_alleen_de_terugkoppeling_houdt_tegen(
        tmp_path: Path) -> None:
    app = maak_app(tmp_path / "db", sjabloon=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await begin_vergadering(pilot)
        await pilot.press("x")
        await pilot.pause()
        assert not app.sessie.vergadering.gesloten
        assert any("kan nog niet dicht: de terugkoppeling mist" in m for m in meldingen(app))
        app.sessie.bewaar_terugkoppeling(Terugkoppeling(
            gehoord="Verkeer", volgende_update=VANDAAG + timedelta(weeks=2),
            kanaal="nieuwsbrief", eigenaar="Anja de Vries"))
        v = app.sessie.vergadering
        await pilot.press("x")  # nog bij de opening, vorig verslag niet vastgesteld
        await wacht(pilot, lambda: isinstance(app.screen, Bevestig))
        await pilot.press("j")
        await wacht(pilot, lambda: v.gesloten)


async def test_lopende_vergadering_van_voor_het_sjabloon_gaat_verder(tmp_path: Path) -> None:
    """Het wijkverband kreeg het standaardsjabloon (een oud bestand zonder), maar de
    vergadering die al liep houdt haar drie fasen."""
    map_ = tmp_path / "db"
    app = maak_app(map_, sjabloon=True)
    opslag = Opslag(map_)
    wv = opslag.wijkverband(WV)
    v = nieuwe_vergadering(wv, opslag.nieuw_vergadering_id(WV, VANDAAG), VANDAAG)
    v.fasen = standaard_fasen(wv.agenda)
    v.gestart, v.fase_index = True, 1
    v.fasen[0].gebruikt_s = 300.0
    opslag.bewaar_vergadering(v)
    async with app.run_test(size=(80, 24)) as pilot:
        await op_startscherm(pilot)
        await pilot.press("h")
        await wacht(pilot, lambda: isinstance(app.screen, (VergaderScherm, Bevestig)))
        if isinstance(app.screen, Bevestig):
            await pilot.press("j")
        await wacht(pilot, lambda: isinstance(app.screen, VergaderScherm))
        scherm = app.screen
        assert scherm.query_one(FaseKlok).beeld.titel == "Fase 2 · Top 1–2 acties"
        assert scherm.paneel.id == "fase-acties"
        assert _agenda_tekst(scherm).splitlines()[0].startswith("✓1 Top 5 signalen")



async def test_de_vraag_om_verder_te_gaan_noemt_de_fase_uit_de_startindex(
        tmp_path: Path) -> None:
    """Het startscherm leest de onafgemaakte vergadering niet zelf (de kern komt uit de
    startindex), en toch noemt de vraag de fase waar ze was; ja gaat daar verder."""
    map_ = tmp_path / "db"
    app = maak_app(map_, sjabloon=True)
    opslag = Opslag(map_)
    wv = opslag.wijkverband(WV)
    v = nieuwe_vergadering(wv, opslag.nieuw_vergadering_id(WV, VANDAAG), VANDAAG)
    v.fasen = standaard_fasen(wv.agenda)
    v.gestart, v.fase_index = True, 1
    opslag.bewaar_vergadering(v)
    Opslag(map_).samenvatting(WV)  # de index bestaat al, zoals bij elke volgende start
    async with app.run_test(size=(80, 24)) as pilot:
        await wacht(pilot, lambda: isinstance(app.screen, Bevestig))
        assert ", fase 2 (Top 1–2 acties) is nog niet gesloten" in app.screen.vraag
        await pilot.press("j")
        await wacht(pilot, lambda: isinstance(app.screen, VergaderScherm))
        assert app.sessie.vergadering.id == v.id and app.sessie.vergadering.fase_index == 1

# --- één hele vergadering met het standaardsjabloon ------------------------------------

async def test_hele_vergadering_met_het_standaardsjabloon(tmp_path: Path) -> None:
    map_ = tmp_path / "db"
    klok = Klok()
    app = maak_app(map_, klok, sjabloon=True, mapjes=tmp_path / "mapjes")
    async with app.run_test(size=(80, 24)) as pilot:
        await begin_vergadering(pilot)
        scherm = app.screen
        sessie = app.sessie
        v = sessie.vergadering
        # 1. Opening en mededelingen.
        await _notities(pilot, scherm, "Mededeling: nieuwe wijkagent.")
        klok.verzet(4 * 60)
        # 2. Het vorige verslag: correctie en vaststellen.
        await pilot.press("n")
        await _correcties(pilot, scherm, "Actie 2: eigenaar is de gemeente.")
        await pilot.press("f")
        await wacht(pilot, lambda: bool(v.vorig_vastgesteld))
        klok.verzet(3 * 60)
        # 3. Fase 1: stippen en de top 5.
        await pilot.press("n")
        tabel = scherm.query_one("#ranglijst")
        await wacht(pilot, lambda: tabel.has_focus)
        for _ in range(5):
            await pilot.press("3", "down")
        klok.verzet(5 * 60)
        await pilot.press("f")
        await wacht(pilot, lambda: isinstance(app.screen, MeerdereKeuze) or len(v.top5) == 5)
        if isinstance(app.screen, MeerdereKeuze):
            await pilot.press("ctrl+s")
        await wacht(pilot, lambda: len(v.top5) == 5)
        # 4. Fase 2 zonder actie (mag), fase 3: de terugkoppeling.
        await pilot.press("n")
        klok.verzet(8 * 60)
        await pilot.press("n")
        await wacht(pilot, lambda: v.fase.sleutel == "terugkoppelen")
        await pilot.press("t")
        await wacht(pilot, lambda: isinstance(app.screen, TerugkoppelingFormulier))
        formulier = app.screen
        formulier.query_one("#eigenaar", Select).focus()
        await pilot.pause()
        await kies(pilot, formulier.query_one("#eigenaar", Select), "Anja de Vries")
        await pilot.press("ctrl+s")
        await wacht(pilot, lambda: app.screen is scherm)
        assert sessie.ontbreekt() == []
        klok.verzet(6 * 60)
        # 5. Rondvraag, met een punt erbij voor deze keer.
        await pilot.press("n")
        assert v.fase.titel == "Rondvraag"
        await pilot.press("a")
        await wacht(pilot, lambda: isinstance(app.screen, AgendapuntFormulier))
        await typ(pilot, "Buurtfeest")
        await pilot.press("tab", "1", "0", "enter")
        await wacht(pilot, lambda: app.screen is scherm)
        klok.verzet(5 * 60)
        await pilot.press("n")
        assert v.fase.titel == "Buurtfeest"
        await _notities(pilot, scherm, "Anja zoekt vrijwilligers.")
        klok.verzet(12 * 60)
        # 6. Sluiting: x, bevestigen, het mapje maken.
        await pilot.press("n")
        assert v.fase.titel == "Sluiting"
        assert "geen vaste tijd" in scherm.query_one(FaseKlok).beeld.woorden
        klok.verzet(60)
        await pilot.press("x")
        await wacht(pilot, lambda: isinstance(app.screen, Bevestig))
        await pilot.press("j")
        await wacht(pilot, lambda: app.sessie is None)
        await wacht(pilot, lambda: isinstance(app.screen, Bevestig))
        await pilot.press("j")  # het mapje maken
        await wacht(pilot, lambda: any("Het mapje staat in" in m for m in meldingen(app)),
                    keer=1500)
        vergadering_id = v.id

    opslag = Opslag(map_)
    bewaard = opslag.vergadering(WV, vergadering_id)
    assert bewaard.gesloten and bewaard.vorig_vastgesteld == "2026-10-12"
    assert [(f.titel, f.gepland_s // 60, round(f.gebruikt_s / 60)) for f in bewaard.fasen] == [
        ("Opening en mededelingen", 5, 4), ("Verslag en actielijst vorige keer vaststellen", 5, 3),
        ("Top 5 signalen", 5, 5), ("Top 1–2 acties", 10, 8), ("Wat koppelen we terug?", 5, 6),
        ("Rondvraag", 5, 5), ("Buurtfeest", 10, 12), ("Sluiting", 0, 1)]
    assert opslag.vergadering(WV, "2026-10-12").vastgesteld_op == VANDAAG
    log = [r.tekst for r in bewaard.logboek]
    for regel in ("Naar fase 1: Top 5 signalen.", "Naar agendapunt Sluiting.",
                  "Agendapunt toegevoegd: Buurtfeest (10 min).",
                  "Verslag van maandag 12 oktober 2026 vastgesteld met correcties."):
        assert regel in log, regel

    (verslag,) = (tmp_path / "mapjes").rglob("verslag.docx")
    doc = Document(verslag)
    tekst = "\n".join(p.text for p in doc.paragraphs)
    assert "Concept: dit verslag wordt vastgesteld in de volgende vergadering." in tekst
    assert "Het verslag en de actielijst van maandag 12 oktober 2026 zijn vastgesteld." in tekst
    assert "Actie 2: eigenaar is de gemeente." in tekst
    assert "Mededeling: nieuwe wijkagent." in tekst and "Anja zoekt vrijwilligers." in tekst
    agenda = [[c.text for c in rij.cells] for rij in doc.tables[0].rows]
    assert [r[0] for r in agenda[1:]] == [f.titel for f in bewaard.fasen]
    assert agenda[7][1:4] == ["10:00", "—", "12:00"]  # Buurtfeest: gepland, erbij, gebruikt
    logboek = next(t for t in doc.tables if t.rows[0].cells[0].text == "Tijd")
    assert "Buurtfeest" in {rij.cells[1].text for rij in logboek.rows}

    # De volgende export van de vorige vergadering zegt dat ze is vastgesteld.
    from vergadering.export import maak_mapje

    vorig = maak_mapje(opslag, WV, "2026-10-12", doelmap=tmp_path / "vorig",
                       alleen="verslag", vandaag=VANDAAG)
    vorig_tekst = "\n".join(p.text for p in Document(vorig / "verslag.docx").paragraphs)
    assert "Vastgesteld op maandag 23 november 2026." in vorig_tekst
    assert "Concept" not in vorig_tekst
    assert "Actie 2: eigenaar is de gemeente." in vorig_tekst


async def test_instellingen_bewaren_laat_het_sjabloon_staan(tmp_path: Path) -> None:
    from schermen.formulieren.wijkverband import InstellingenFormulier

    map_ = tmp_path / "db"
    app = maak_app(map_, sjabloon=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await op_startscherm(pilot)
        await pilot.press("i")
        await wacht(pilot, lambda: isinstance(app.screen, InstellingenFormulier))
        await pilot.press("8", "ctrl+s")
        await wacht(pilot, lambda: isinstance(app.screen, StartScherm))
    wv = Opslag(map_).wijkverband(WV)
    assert wv.agenda.signalen == 8
    assert [p.titel for p in wv.agenda.na] == ["Rondvraag", "Sluiting"]
    assert wv.agenda.voor[1].soort == "verslag"


async def test_onleesbaar_vorig_verslag_is_een_zin_en_de_vergadering_loopt_door(
        tmp_path: Path) -> None:
    map_ = tmp_path / "db"
    app = maak_app(map_, sjabloon=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await begin_vergadering(pilot)
        vak = next((map_ / WV / "vergaderingen").glob("2026-10*"))
        vak.write_text("{kapot", encoding="utf-8")
        await pilot.press("n")
        scherm = app.screen
        assert isinstance(scherm.paneel, FaseVerslag)
        stand = str(scherm.query_one("#verslag-stand").render())
        assert "Ga verder met n" in stand and "Traceback" not in stand
        await pilot.press("f")
        await pilot.pause()
        assert meldingen(app)[-1].endswith(".")
        await pilot.press("n")
        assert app.sessie.vergadering.fase.sleutel == "signalen"
