"""De beamer: inhoud per fase, geen persoonsgegevens van bewoners, toetsen, thema; en het
scherm 'venster te klein'.

De vergadering wordt met het domein opgebouwd, via de Opslag bewaard en weer gelezen,
zodat de beamer toont wat er echt op schijf staat.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import pytest
from rich.cells import cell_len
from schermen_gegevens import Klok
from textual.app import App, ComposeResult
from textual.widgets import Footer, Input, Static

from schermen.beamer import BeamerInhoud, BeamerScherm, Blok, schik
from schermen.klok import FaseKlok
from schermen.te_klein import MIN_BREEDTE, MIN_HOOGTE, TeKleinScherm, melding, te_klein
from schermen.thema import BEAMER_THEMA, BEAMER_THEMA_DONKER, THEMAS
from vergadering import regels
from vergadering.actie import Actie
from vergadering.agendaklok import AgendaKlok
from vergadering.fouten import OpslagFout
from vergadering.opslag import Opslag
from vergadering.signaal import Contact, Signaal
from vergadering.terugkoppeling import Terugkoppeling
from vergadering.vergadering import Vergadering, nieuwe_vergadering
from vergadering.wijkverband import Agenda, Lid, Wijkverband

DAG = date(2026, 11, 23)
MOMENT = datetime(2026, 11, 23, 19, 45)

# Wat nooit op de beamer mag komen: contactgegevens van bewoners, ook als ze in de tekst
# van een signaal staan.
PRIVÉ = [
    "Fatima", "Amrani", "fatima.amrani@voorbeeld.nl", "06-11223344", "06 11223344",
    "Piet Post", "Kerkstraat 12", "070-3456789",
    "jan.smit@voorbeeld.nl", "06-12345678",
]


@dataclass
class Ronde:
    """Een vergadering met alles erop en eraan, zoals de beamer haar krijgt."""

    wijkverband: Wijkverband
    vergadering: Vergadering
    signalen: list[Signaal]
    acties: list[Actie]

    def inhoud(self) -> BeamerInhoud:
        return BeamerInhoud(self.wijkverband.naam, self.vergadering, self.signalen, self.acties,
                            self.wijkverband)


def bouw_ronde(met_terugkoppeling: bool = False) -> Ronde:
    """Een wijkverband met zes leden, acht signalen (twee met contactgegevens, twee met
    een e-mailadres of nummer in de tekst), stippen met gelijke standen, een vastgelegde
    top 5 met weging, twee stemmingen (aangenomen en verworpen), twee aangenomen acties en
    een geparkeerd signaal. Vaste kenmerken en datums: het beeld is elke keer gelijk."""
    leden = [
        Lid("ans", "Ans Bakker", "voorzitter"),
        Lid("bert", "Bert Visser", "notulist"),
        Lid("cor", "Cor de Jong"),
        Lid("dini", "Dini Smits"),
        Lid("erik", "Erik Mulder", "ervaringsdeskundige"),
        Lid("karin", "Karin de Wit", "gemeente", organisatie="Gemeente"),
    ]
    wv = Wijkverband("horst", "Wijkraad De Horst", leden=leden, partners=["Welzijn Horst"],
                     agenda=Agenda(voor=[], na=[]))  # het cyclusblok alleen
    vergadering = nieuwe_vergadering(wv, "2026-11-23", DAG, plaats="Buurthuis De Horst",
                                     voorzitter="ans", notulist="bert")
    teksten = [
        ("2610-aaaa", "Losse stoeptegels op de Eikenlaan; meer info via jan.smit@voorbeeld.nl",
         None, 3),
        ("2610-bbbb", "Te hard rijden in de Beukstraat, vooral 's avonds", None, 2),
        ("2610-cccc", "Hangjongeren bij het speelveld, bel me op 06-12345678",
         Contact("Fatima el Amrani", "fatima.amrani@voorbeeld.nl, 06-11223344"), 1),
        ("2610-dddd", "Zwerfafval rond de supermarkt", None, 4),
        ("2611-eeee", "Te weinig bankjes in het park voor ouderen", None, 2),
        ("2611-ffff", "Volgens Piet Post is de steeg achter de school te donker",
         Contact("Piet Post", "Kerkstraat 12, 070-3456789"), 1),
        ("2611-gggg", "Parkeeroverlast bij de huisartsenpost", None, 1),
        ("2611-hhhh", "Geen activiteiten voor jongeren op zondag", None, 1),
    ]
    signalen = [
        Signaal(sid, wv.id, tekst, date(2026, 10 if sid.startswith("2610") else 11, 1 + i),
                vorm="A", aantal=aantal, contact=contact)
        for i, (sid, tekst, contact, aantal) in enumerate(teksten)
    ]
    # 6 leden × 3 stippen = 18; 5 + 3 + 3 + 2 + 2 + 2 = 17. Plek 2 gedeeld, en drie
    # signalen gelijk op de grens van de top 5.
    for sid, n in [("2610-aaaa", 5), ("2610-bbbb", 3), ("2610-cccc", 3), ("2610-dddd", 2),
                   ("2611-eeee", 2), ("2611-ffff", 2)]:
        regels.zet_stippen(wv, vergadering, sid, n)
    return Ronde(wv, vergadering, signalen, [])


def naar_fase_2(ronde: Ronde) -> None:
    """Top 5 vast, gewogen, twee stemmingen, twee acties aangenomen, één signaal geparkeerd."""
    wv, v = ronde.wijkverband, ronde.vergadering
    top = ["2610-aaaa", "2610-bbbb", "2610-cccc", "2610-dddd", "2611-eeee"]
    regels.leg_top5_vast(v, top, MOMENT, ronde.signalen)
    for sid, h, i in [("2610-aaaa", 4, 5), ("2610-bbbb", 2, 5), ("2611-eeee", 5, 3)]:
        regels.zet_score(v, sid, h, i)
    stoep = Actie("2026-1", wv.id, 1, "Stoeptegels Eikenlaan laten herstellen",
                  "Karin de Wit (Gemeente)", DAG, eerste_stap="Melding doen bij de gemeente",
                  signalen=["2610-aaaa"])
    bank = Actie("2026-2", wv.id, 2, "Twee bankjes erbij in het park", "Welzijn Horst", DAG,
                 eerste_stap="Plekken kiezen met de ouderen", signalen=["2611-eeee"])
    regels.houd_stemming(wv, v, stoep.omschrijving, MOMENT, voor=5, tegen=1, actie_id=stoep.id)
    regels.houd_stemming(wv, v, "Drempels in de Beukstraat", MOMENT, voor=2, tegen=3,
                         onthouding=1)
    regels.houd_stemming(wv, v, bank.omschrijving, MOMENT, voor=4, tegen=0, onthouding=2,
                         actie_id=bank.id)
    regels.neem_actie_aan(wv, v, stoep, MOMENT, signalen=ronde.signalen)
    regels.neem_actie_aan(wv, v, bank, MOMENT, signalen=ronde.signalen)
    ronde.acties += [stoep, bank]
    per_id = {s.id: s for s in ronde.signalen}
    per_id["2610-dddd"].parkeer("Eerst de schoonmaakronde van de gemeente afwachten", v.id)


def zet_terugkoppeling(ronde: Ronde) -> None:
    ronde.vergadering.terugkoppeling = Terugkoppeling(
        gehoord="- Losse stoeptegels op de Eikenlaan\n- Te hard rijden in de Beukstraat",
        gedaan="- De gemeente herstelt de stoeptegels; de eerste stap is vóór 7 december.",
        lukt_niet="- Zwerfafval: eerst de schoonmaakronde afwachten.",
        volgende_update=date(2027, 1, 11),
        kanaal="nieuwsbrief",
        eigenaar="Bert Visser",
        contact="Mail wijkraad@dehorst.nl of kom naar de inloop op dinsdag.",
    )


def bewaar_en_lees(ronde: Ronde, map_: Path) -> Ronde:
    """Alles via de Opslag naar schijf en terug: de beamer krijgt wat er echt staat."""
    opslag = Opslag(map_)
    opslag.bewaar_wijkverband(ronde.wijkverband)
    for s in ronde.signalen:
        opslag.bewaar_signaal(s)
    for a in ronde.acties:
        opslag.bewaar_actie(a)
    opslag.bewaar_vergadering(ronde.vergadering)
    opnieuw = Opslag(map_)
    wv = opnieuw.wijkverband(ronde.wijkverband.naam)
    return Ronde(wv, opnieuw.vergadering(wv.id, ronde.vergadering.id),
                 opnieuw.signalen(wv.id), opnieuw.acties(wv.id))


def klok_in_fase(vergadering: Vergadering, fase: int, tijd: Klok) -> AgendaKlok:
    """Een gestarte klok in fase ``fase`` (0, 1, 2), 130 seconden in die fase."""
    klok = AgendaKlok(vergadering, klok=tijd)
    klok.start()
    for _ in range(fase):
        tijd.verzet(200)
        klok.volgende()
    tijd.verzet(130)
    return klok


def scherm_tekst(app: App) -> str:
    """De tekst zoals hij nu op het (virtuele) scherm staat (harde spaties als spatie)."""
    tekst = "\n".join(strip.text for strip in app.screen._compositor.render_strips())
    return tekst.replace("\u00a0", " ")


class BeamerProefApp(App):
    """Een bedieningsscherm in het klein, met de klokacties die de echte app ook heeft."""

    def __init__(self, ronde: Ronde, klok: AgendaKlok, *, themas: bool = True) -> None:
        super().__init__()
        self.ronde = ronde
        self.klok = klok
        self.haal_fout: Exception | None = None
        if themas:
            for thema in THEMAS:
                self.register_theme(thema)

    def compose(self) -> ComposeResult:
        yield Static("bedieningsscherm", id="bediening")
        yield Footer()

    def haal_inhoud(self) -> BeamerInhoud:
        if self.haal_fout is not None:
            raise self.haal_fout
        return self.ronde.inhoud()

    def open_beamer(self) -> BeamerScherm:
        scherm = BeamerScherm(self.haal_inhoud, self.klok)
        self.push_screen(scherm)
        return scherm

    def _ververs(self) -> None:
        if isinstance(self.screen, BeamerScherm):
            self.screen.ververs()

    def action_pauze(self) -> None:
        self.klok.pauze_of_hervat()
        self._ververs()

    def action_minuut_erbij(self) -> None:
        self.klok.minuut_erbij()
        self._ververs()

    def action_volgende_fase(self) -> None:
        self.klok.volgende()
        self._ververs()

    def action_vorige_fase(self) -> None:
        self.klok.vorige()
        self._ververs()


def proef_app(ronde: Ronde, fase: int, *, themas: bool = True) -> BeamerProefApp:
    """De proefapp met een gestarte nepklok, 130 seconden in fase ``fase`` (0, 1, 2)."""
    return BeamerProefApp(ronde, klok_in_fase(ronde.vergadering, fase, Klok()), themas=themas)


@pytest.fixture
def ronde_op_schijf(tmp_path):
    ronde = bouw_ronde()
    naar_fase_2(ronde)
    return bewaar_en_lees(ronde, tmp_path / "db")


def _geen_privé(tekst: str) -> None:
    for stuk in PRIVÉ:
        assert stuk not in tekst, f"{stuk!r} staat op de beamer"


# --- inhoud per fase ----------------------------------------------------------------------


async def test_fase_1_ranglijst_als_balken_met_gelijke_plekken(tmp_path):
    ronde = bewaar_en_lees(bouw_ronde(), tmp_path / "db")
    app = proef_app(ronde, 0)
    async with app.run_test(size=(160, 45)) as pilot:
        app.open_beamer()
        await pilot.pause()
        tekst = scherm_tekst(app)
        assert "Wijkraad De Horst · maandag 23 november 2026" in tekst
        assert "Fase 1 · Top 5 signalen" in tekst
        assert "Ranglijst van de stippen · 17 stippen verdeeld" in tekst
        regels_ = tekst.splitlines()
        eerste = next(r for r in regels_ if "Losse stoeptegels" in r)
        tweede = next(r for r in regels_ if "Te hard rijden" in r)
        assert eerste.strip().startswith("1 ")
        assert tweede.strip().startswith("2=") and "gelijk" in tweede
        # De balk van 5 stippen is langer dan die van 3.
        assert eerste.count("█") > tweede.count("█") > 0
        assert "Gelijk op de grens van de top 5" in tekst
        assert "3 signalen hebben 2 stippen: de voorzitter kiest." in tekst
        # Signalen zonder stippen staan eronder, zonder balk.
        zonder = next(r for r in regels_ if "Parkeeroverlast" in r)
        assert "█" not in zonder
        assert "[e-mailadres weggelaten]" in tekst
        _geen_privé(tekst)


async def test_fase_2_weging_stemmingen_en_acties(ronde_op_schijf):
    app = proef_app(ronde_op_schijf, 1)
    async with app.run_test(size=(160, 45)) as pilot:
        app.open_beamer()
        await pilot.pause()
        tekst = scherm_tekst(app)
        assert "Fase 2 · Top 1–2 acties" in tekst
        assert "Top 5, gewogen op haalbaarheid en impact" in tekst
        regels_ = tekst.splitlines()
        # Op volgorde van weging: stoeptegels (20), bankjes (15), hard rijden (10), rest.
        volgorde = [r for r in regels_ if r.strip()[:2] in ("1.", "2.", "3.", "4.", "5.")]
        assert "Losse stoeptegels" in volgorde[0] and "samen 20" in volgorde[0]
        assert "Te weinig bankjes" in volgorde[1] and "samen 15" in volgorde[1]
        assert "Te hard rijden" in volgorde[2] and "samen 10" in volgorde[2]
        assert "nog niet gewogen" in volgorde[3]
        assert "✓ Stoeptegels Eikenlaan laten herstellen: Aangenomen (5 voor, 1 tegen, " \
               "0 onthouding)." in tekst
        assert "✗ Drempels in de Beukstraat: Verworpen" in tekst
        assert "Actie 1: Stoeptegels Eikenlaan laten herstellen" in tekst
        assert ("eigenaar Karin de Wit (Gemeente) · eerste stap vóór 7 dec 2026 · "
                "checkmoment 4 jan 2027") in tekst
        assert "Actie 2: Twee bankjes erbij in het park" in tekst
        assert "eigenaar Welzijn Horst" in tekst
        _geen_privé(tekst)


async def test_fase_3_voorstel_voor_de_terugkoppeling(ronde_op_schijf):
    app = proef_app(ronde_op_schijf, 2)
    async with app.run_test(size=(160, 45)) as pilot:
        app.open_beamer()
        await pilot.pause()
        tekst = scherm_tekst(app)
        assert "Fase 3 · Wat koppelen we terug?" in tekst
        assert "Voorstel · Wat we hoorden" in tekst
        assert "Losse stoeptegels op de Eikenlaan" in tekst
        assert "Stoeptegels Eikenlaan laten herstellen" in tekst
        assert "Eerst de schoonmaakronde van de gemeente afwachten" in tekst
        assert "Datum, kanaal en eigenaar volgen nog." in tekst
        _geen_privé(tekst)


async def test_fase_3_vastgelegde_terugkoppeling(tmp_path):
    ronde = bouw_ronde()
    naar_fase_2(ronde)
    zet_terugkoppeling(ronde)
    ronde = bewaar_en_lees(ronde, tmp_path / "db")
    app = proef_app(ronde, 2)
    async with app.run_test(size=(160, 45)) as pilot:
        app.open_beamer()
        await pilot.pause()
        tekst = scherm_tekst(app)
        assert "Voorstel" not in tekst
        assert "Wat we hoorden" in tekst and "Wat we doen" in tekst
        assert "Wat (nog) niet lukt, en waarom" in tekst
        assert "De volgende update komt op maandag 11 januari 2027 via nieuwsbrief." in tekst
        assert "Wie zorgt ervoor: Bert Visser." in tekst
        # Het openbare adres van het wijkverband blijft staan: zo kunnen bewoners reageren.
        assert "Reageren of meedoen: Mail wijkraad@dehorst.nl" in tekst
        _geen_privé(tekst)


@pytest.mark.parametrize("grootte", [(80, 24), (160, 45), (100, 30)])
@pytest.mark.parametrize("fase", [0, 1, 2])
async def test_nooit_contactgegevens_van_bewoners(tmp_path, grootte, fase):
    ronde = bouw_ronde()
    naar_fase_2(ronde)
    # Ook een terugkoppeling waarin de notulist per ongeluk gegevens van bewoners typte.
    ronde.vergadering.terugkoppeling = Terugkoppeling(
        gehoord="- Fatima el Amrani (06-11223344) meldde hangjongeren",
        gedaan="- Piet Post krijgt bericht op 070-3456789",
        volgende_update=date(2027, 1, 11), kanaal="nieuwsbrief", eigenaar="Bert Visser",
        contact="Reageren kan bij fatima.amrani@voorbeeld.nl of wijkraad@dehorst.nl",
    )
    ronde = bewaar_en_lees(ronde, tmp_path / "db")
    assert any(s.contact is not None for s in ronde.signalen)  # de gegevens zijn er wél
    app = proef_app(ronde, fase)
    async with app.run_test(size=grootte) as pilot:
        app.open_beamer()
        await pilot.pause()
        _geen_privé(scherm_tekst(app))


async def test_geen_invoervelden_op_de_beamer(ronde_op_schijf):
    app = proef_app(ronde_op_schijf, 1)
    async with app.run_test(size=(80, 24)) as pilot:
        scherm = app.open_beamer()
        await pilot.pause()
        assert app.screen is scherm
        assert not [w for w in scherm.query("*") if w.focusable]
        assert not scherm.query(Input)


async def test_op_80x24_past_alles_binnen_het_scherm(ronde_op_schijf):
    app = proef_app(ronde_op_schijf, 1)
    async with app.run_test(size=(80, 24)) as pilot:
        app.open_beamer()
        await pilot.pause()
        tekst = scherm_tekst(app)
        regels_ = tekst.splitlines()
        assert len(regels_) == 24
        assert all(cell_len(r) <= 80 for r in regels_)
        # Elk blok houdt zijn kop, ook als er ingekort moet worden.
        for kop in ("Top 5, gewogen", "Stemmingen", "Aangenomen acties"):
            assert kop in tekst
        assert "Pauze/verder" in regels_[-1]  # de toetsen staan onderaan


# --- toetsen en verversen --------------------------------------------------------------


async def test_b_en_escape_gaan_terug(ronde_op_schijf):
    app = proef_app(ronde_op_schijf, 0)
    async with app.run_test(size=(80, 24)) as pilot:
        for toets in ("b", "escape"):
            scherm = app.open_beamer()
            await pilot.pause()
            assert app.screen is scherm
            await pilot.press(toets)
            await pilot.pause()
            assert not isinstance(app.screen, BeamerScherm)
            assert app.query_one("#bediening")


async def test_kloktoetsen_werken_op_de_beamer(ronde_op_schijf):
    app = proef_app(ronde_op_schijf, 0)
    klok = app.klok
    async with app.run_test(size=(80, 24)) as pilot:
        scherm = app.open_beamer()
        await pilot.pause()
        fk = scherm.query_one(FaseKlok)
        assert fk.beeld.cijfers == "02:50"

        await pilot.press("space")
        await pilot.pause()
        assert not klok.loopt
        assert fk.beeld.woorden == "gepauzeerd"
        assert "gepauzeerd" in scherm_tekst(app)

        await pilot.press("plus")
        await pilot.pause()
        assert fk.beeld.cijfers == "03:50"

        await pilot.press("space", "n")
        await pilot.pause()
        assert klok.vergadering.fase_index == 1
        tekst = scherm_tekst(app)
        assert "Fase 2 · Top 1–2 acties" in tekst
        assert "Top 5, gewogen" in tekst  # de inhoud volgt de fase

        await pilot.press("v")
        await pilot.pause()
        assert klok.vergadering.fase_index == 0
        assert "De top 5 staat vast · 17 stippen verdeeld" in scherm_tekst(app)


async def test_ververs_leest_de_inhoud_opnieuw(tmp_path):
    ronde = bewaar_en_lees(bouw_ronde(), tmp_path / "db")
    app = proef_app(ronde, 0)
    async with app.run_test(size=(160, 45)) as pilot:
        scherm = app.open_beamer()
        await pilot.pause()
        assert "17 stippen verdeeld" in scherm_tekst(app)
        regels.zet_stippen(ronde.wijkverband, ronde.vergadering, "2611-gggg", 1)
        scherm.ververs()
        await pilot.pause()
        tekst = scherm_tekst(app)
        assert "18 stippen verdeeld" in tekst
        parkeer = next(r for r in tekst.splitlines() if "Parkeeroverlast" in r)
        assert "█" in parkeer


async def test_fout_bij_ophalen_laat_het_oude_beeld_staan(ronde_op_schijf):
    app = proef_app(ronde_op_schijf, 1)
    async with app.run_test(size=(160, 45)) as pilot:
        scherm = app.open_beamer()
        await pilot.pause()
        voor = scherm_tekst(app)
        app.haal_fout = OpslagFout("De schijf is vol; maak ruimte en probeer het opnieuw.")
        scherm.ververs()
        await pilot.pause()
        assert app.screen is scherm
        assert "Top 5, gewogen" in scherm_tekst(app)
        assert "Top 5, gewogen" in voor
        assert any("De schijf is vol" in str(n.message) for n in app._notifications)


async def test_vijandige_tekst_breekt_niets(tmp_path):
    ronde = bouw_ronde()
    lang = "Heel lang signaal " * 555  # bijna 10.000 tekens
    raar = "Stuur\x07tekens\x1b[31m en emoji 🚲🚲🚲 en 中文字符 in één signaal\u200b"
    ronde.signalen += [
        Signaal("2611-iiii", "horst", lang, date(2026, 11, 20)),
        Signaal("2611-jjjj", "horst", raar, date(2026, 11, 21)),
    ]
    regels.zet_stippen(ronde.wijkverband, ronde.vergadering, "2611-jjjj", 1)
    ronde = bewaar_en_lees(ronde, tmp_path / "db")
    for grootte in ((80, 24), (160, 45)):
        app = proef_app(ronde, 0)
        async with app.run_test(size=grootte) as pilot:
            app.open_beamer()
            await pilot.pause()
            regels_ = scherm_tekst(app).splitlines()
            assert all(cell_len(r) <= grootte[0] for r in regels_)
            assert any("Heel lang signaal" in r and "…" in r for r in regels_)
            assert any("🚲" in r for r in regels_)
            assert not any("\x1b" in r or "\x07" in r for r in regels_)


# --- thema ---------------------------------------------------------------------------


async def test_hoog_contrast_alleen_zolang_de_beamer_in_beeld_is(ronde_op_schijf):
    app = proef_app(ronde_op_schijf, 0)
    async with app.run_test(size=(80, 24)) as pilot:
        app.theme = "textual-dark"
        await pilot.pause()
        app.open_beamer()
        await pilot.pause()
        assert app.theme == BEAMER_THEMA.name
        # Een melding of dialoog erbovenop en weer weg: het beamerthema blijft.
        app.push_screen(TeKleinScherm())
        await pilot.pause()
        app.pop_screen()
        await pilot.pause()
        assert app.theme == BEAMER_THEMA.name
        await pilot.press("b")
        await pilot.pause()
        assert app.theme == "textual-dark"


async def test_thema_wordt_ook_zonder_registratie_door_de_app_gezet(ronde_op_schijf):
    app = proef_app(ronde_op_schijf, 0, themas=False)
    async with app.run_test(size=(80, 24)) as pilot:
        app.theme = "textual-light"
        app.open_beamer()
        await pilot.pause()
        assert app.theme == BEAMER_THEMA.name
        await pilot.press("escape")
        await pilot.pause()
        assert app.theme == "textual-light"


async def test_gekozen_donker_thema_blijft_voor_de_volgende_keer(ronde_op_schijf):
    app = proef_app(ronde_op_schijf, 0)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            app.theme = "textual-dark"
            app.open_beamer()
            await pilot.pause()
            app.theme = BEAMER_THEMA_DONKER.name  # de voorzitter kiest het in het palet
            await pilot.press("b")
            await pilot.pause()
            assert app.theme == "textual-dark"
            app.open_beamer()
            await pilot.pause()
            assert app.theme == BEAMER_THEMA_DONKER.name
    finally:
        BeamerScherm.gekozen_thema = BEAMER_THEMA.name


def test_thema_is_hoog_contrast():
    """Zwart op wit (en wit op zwart): contrast van de tekst 21:1."""
    from textual.color import Color

    for thema in THEMAS:
        voor, achter = Color.parse(thema.foreground), Color.parse(thema.background)
        assert {voor.hex, achter.hex} == {"#000000", "#FFFFFF"}
    # Waarschuwing en 'over tijd' zijn als tekst op wit nog goed leesbaar (WCAG AA: 4,5).
    wit = Color.parse("#FFFFFF")
    for kleur in (BEAMER_THEMA.warning, BEAMER_THEMA.error):
        assert _contrast(Color.parse(kleur), wit) >= 4.5


def _contrast(a, b) -> float:
    def lum(c) -> float:
        def kanaal(x: int) -> float:
            x /= 255
            return x / 12.92 if x <= 0.03928 else ((x + 0.055) / 1.055) ** 2.4
        return 0.2126 * kanaal(c.r) + 0.7152 * kanaal(c.g) + 0.0722 * kanaal(c.b)

    hoog, laag = sorted((lum(a), lum(b)), reverse=True)
    return (hoog + 0.05) / (laag + 0.05)


# --- schikken ------------------------------------------------------------------------


def test_schik_kort_in_maar_houdt_elke_kop():
    from rich.text import Text

    blokken = [
        Blok("Eerste", [[Text(f"regel {i}")] for i in range(10)], ruim=True),
        Blok("Tweede", [[Text("a1"), Text("a2")], [Text("b1"), Text("b2")], [Text("c1")]]),
        Blok("Derde", [], leeg="Nog niets."),
    ]
    ruim = schik(blokken, 40, 100).plain.splitlines()
    assert ruim[1] == "" and ruim[2] == "regel 0"  # witregels tussen de items
    krap = schik(blokken, 40, 10).plain.splitlines()
    assert len(krap) == 10
    assert {"Eerste", "Tweede", "Derde", "Nog niets."} <= set(krap)
    # Ingekort per item, niet per regel: een item van twee regels blijft heel, en
    # "en nog N" telt items.
    assert "a1" in krap and "a2" in krap
    assert "  … en nog 2" in krap  # b en c van het tweede blok
    assert any(r.startswith("  … en nog") for r in krap[: krap.index("Tweede")])


# --- snel bij tien jaar gegevens --------------------------------------------------------


async def test_duizend_open_signalen_alleen_wat_past(tmp_path):
    ronde = bouw_ronde()
    ronde.signalen += [
        Signaal(f"2609-{i:04d}", "horst", f"Oud signaal nummer {i}", date(2026, 9, 1 + i % 28))
        for i in range(1000)
    ]
    app = proef_app(ronde, 0)
    async with app.run_test(size=(80, 24)) as pilot:
        app.open_beamer()
        await pilot.pause()
        tekst = scherm_tekst(app)
        # 6 signalen met stippen staan er, de rest telt mee in "en nog".
        assert "Losse stoeptegels" in tekst
        regel = next(r for r in tekst.splitlines() if "… en nog" in r)
        zichtbaar = sum(1 for r in tekst.splitlines() if r.strip().startswith(("·", "1 ", "2=",
                                                                               "4=")))
        assert int(regel.split("… en nog")[1]) == 1008 - zichtbaar


# --- venster te klein ------------------------------------------------------------------


def test_te_klein_grenzen():
    assert (MIN_BREEDTE, MIN_HOOGTE) == (80, 24)
    assert te_klein((79, 24)) and te_klein((80, 23)) and not te_klein((80, 24))
    assert melding((60, 20)) == (
        "Het venster is te klein (nu 60×20, nodig 80×24). "
        "Maak het venster groter of de letters kleiner."
    )


class TeKleinApp(App):
    def compose(self) -> ComposeResult:
        yield Static("een indeling die op 60×20 niet past", id="onder")

    def on_mount(self) -> None:
        self.push_screen(TeKleinScherm())


async def test_te_klein_scherm_werkt_zich_bij_bij_een_andere_grootte():
    app = TeKleinApp()
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        tekst = scherm_tekst(app)
        assert "Het venster is te klein (nu 60×20, nodig 80×24)." in " ".join(tekst.split())
        assert "een indeling die" not in tekst  # het scherm dekt alles af
        await pilot.resize_terminal(70, 22)
        await pilot.pause()
        assert "(nu 70×22, nodig 80×24)" in " ".join(scherm_tekst(app).split())
        await pilot.resize_terminal(30, 8)
        await pilot.pause()
        assert "(nu 30×8, nodig 80×24)" in " ".join(scherm_tekst(app).split())
        await pilot.resize_terminal(20, 5)  # piepklein: de korte zin, maar wel heel
        await pilot.pause()
        assert "Te klein: 20×5, nodig 80×24." in " ".join(scherm_tekst(app).split())
