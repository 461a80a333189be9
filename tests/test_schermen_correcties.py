"""Issue 10 op het scherm, per bevinding met het toetsenbord: datums tegen elkaar (weigeren of
vragen, met de reden), correcties (bundel los, stemming corrigeren, heropenen) met toets en
palet, de keuze op de grens, de volgende vergadering, het voorstel uit de afspraken en
partners als eigenaar. De stand vooraf (stippen, top 5, een stemming) zet de sessie klaar."""

from __future__ import annotations

from datetime import date, timedelta

from schermen_gegevens import VANDAAG, Klok, maak_app
from schermen_pilot import (
    begin_vergadering,
    kies,
    meldingen,
    naar_rij,
    op_startscherm,
    typ,
    wacht,
    wis,
)
from textual.command import CommandPalette
from textual.widgets import DataTable, Input, Select

from schermen.bevestig import Bevestig
from schermen.formulieren.actie import ActieFormulier
from schermen.formulieren.basis import TekstVraag
from schermen.formulieren.correctie import HeropenFormulier, StemmingCorrectie
from schermen.formulieren.terugkoppeling import TerugkoppelingFormulier
from schermen.formulieren.vergadering import StartFormulier
from schermen.formulieren.volgende import VolgendeVergaderingFormulier
from schermen.start import StartScherm
from schermen.vergaderscherm import VergaderScherm
from vergadering.opslag import Opslag
from vergadering.terugkoppeling import Terugkoppeling
from vergadering.wijkverband import Participatieafspraken

KASTANJE = "2611-s000"
ZWERFAFVAL = "2611-s001"
HARDRIJDERS = "2611-s004"
WV = "de-hoven-noord"


def _fout(app) -> str:
    return str(app.screen.query_one(".dialoog-fout").render())


async def _naar_fase(pilot, app, index: int) -> None:
    while app.sessie.vergadering.fase_index < index:
        await pilot.press("n")
    await wacht(pilot, lambda: app.sessie.vergadering.fase_index == index)


async def _via_palet(pilot, app, zoek: str) -> None:
    await pilot.press("ctrl+p")
    await wacht(pilot, lambda: isinstance(app.screen, CommandPalette))
    await typ(pilot, zoek)
    lijst = app.screen.query_one("CommandList")
    await wacht(pilot, lambda: lijst.option_count > 0
                and zoek.lower() in str(lijst.get_option_at_index(0).prompt).lower())
    await pilot.press("down", "enter")


async def _top5_en_stemming(pilot, app, voor: int, tegen: int):
    """Fase 2 met een top 5 en een vastgelegde stemming over de Kastanjelaan."""
    sessie = app.sessie
    sessie.zet_stippen(KASTANJE, 3)
    sessie.zet_stippen(ZWERFAFVAL, 2)
    sessie.leg_top5_vast([KASTANJE, ZWERFAFVAL])
    st = sessie.nieuwe_stemming("Drempels in de Kastanjelaan", KASTANJE, voor=voor, tegen=tegen)
    sessie.leg_stemming_vast(st)
    await _naar_fase(pilot, app, 1)
    tabel = app.screen.query_one("#top5", DataTable)
    await wacht(pilot, lambda: tabel.has_focus)
    await naar_rij(pilot, tabel, KASTANJE)
    return st


# --- 1. datums tegen elkaar -----------------------------------------------------------------


async def test_vergadering_voor_de_vorige_geweigerd_en_ver_terug_gevraagd(tmp_path):
    app = maak_app(tmp_path / "db", Klok())
    async with app.run_test(size=(80, 24)) as pilot:
        await op_startscherm(pilot)
        await pilot.press("s")
        await wacht(pilot, lambda: isinstance(app.screen, StartFormulier))
        formulier = app.screen
        await wis(pilot)
        await typ(pilot, "20-01-2026")  # tien maanden terug, vóór de vorige (12 oktober)
        await pilot.press("ctrl+s")
        assert app.screen is formulier
        assert "vóór de vorige vergadering (maandag 12 oktober 2026)" in _fout(app)
        await wis(pilot)
        await typ(pilot, "20-10-2026")  # na de vorige, maar ruim een maand terug: vragen
        await pilot.press("ctrl+s")
        await wacht(pilot, lambda: isinstance(app.screen, Bevestig))
        assert app.screen.vraag.startswith("De datum ligt 34 dagen in het verleden")
        await pilot.press("n")  # aanpassen: het formulier staat er nog, met de datum
        await wacht(pilot, lambda: app.screen is formulier)
        assert formulier.query_one("#datum", Input).value == "20-10-2026"
        await pilot.press("ctrl+s")
        await wacht(pilot, lambda: isinstance(app.screen, Bevestig))
        await pilot.press("j")
        await wacht(pilot, lambda: isinstance(app.screen, VergaderScherm))
        assert app.sessie.vergadering.datum == date(2026, 10, 20)


async def test_actie_checkmoment_voor_eerste_stap_geweigerd_drie_dagen_gevraagd(tmp_path):
    app = maak_app(tmp_path / "db", Klok())
    async with app.run_test(size=(80, 24)) as pilot:
        await begin_vergadering(pilot)
        st = await _top5_en_stemming(pilot, app, 4, 0)
        assert st.aangenomen
        await pilot.press("e")
        await wacht(pilot, lambda: isinstance(app.screen, ActieFormulier))
        formulier = app.screen
        await wis(pilot)
        await typ(pilot, "Drempels aanvragen")
        await pilot.press("tab")
        await kies(pilot, formulier.query_one("#eigenaar", Select), "Woonstede")
        await pilot.press("tab", "tab", "tab")  # partners, eerste stap, naar de datum
        assert formulier.query_one("#stapdatum", Input).has_focus
        await pilot.press("tab")
        await wis(pilot)
        await typ(pilot, "+3")  # checkmoment vóór de eerste stap (+14): onmogelijk
        await pilot.press("ctrl+s")
        assert app.screen is formulier
        assert "Het checkmoment ligt vóór de eerste stap" in _fout(app)
        await pilot.press("shift+tab")
        await wis(pilot)
        await typ(pilot, "vandaag")  # eerste stap vandaag, checkmoment over 3 dagen: vragen
        await pilot.press("ctrl+s")
        await wacht(pilot, lambda: isinstance(app.screen, Bevestig))
        assert ("Het checkmoment ligt 3 dagen na het besluit, terwijl dat gewoonlijk zes tot "
                "acht weken is.") in app.screen.vraag
        await pilot.press("j")
        await wacht(pilot, lambda: isinstance(app.screen, VergaderScherm))
        (actie,) = app.sessie.acties_van_deze_ronde()
        assert actie.checkmoment == VANDAAG + timedelta(days=3)


async def test_volgende_vergadering_vastleggen_in_fase_3(tmp_path):
    app = maak_app(tmp_path / "db", Klok())
    async with app.run_test(size=(80, 24)) as pilot:
        await begin_vergadering(pilot)
        await _naar_fase(pilot, app, 2)
        stand = app.screen.query_one("#terugkoppeling-stand")
        assert "Volgende vergadering: nog niet vastgesteld (d)." in str(stand.render())
        await pilot.press("d")
        await wacht(pilot, lambda: isinstance(app.screen, VolgendeVergaderingFormulier))
        formulier = app.screen
        assert formulier.query_one("#datum", Input).value == "04-01-2027"  # +6 weken
        await wis(pilot)
        await typ(pilot, "23-11-2026")
        await pilot.press("ctrl+s")
        assert "na deze vergadering liggen" in _fout(app)
        await wis(pilot)
        await typ(pilot, "12-01-2028")  # een jaar te ver: vragen
        await pilot.press("tab")
        await typ(pilot, "1930")
        await pilot.press("ctrl+s")
        await wacht(pilot, lambda: isinstance(app.screen, Bevestig))
        assert "klopt het jaartal?" in app.screen.vraag
        await pilot.press("n")
        await wacht(pilot, lambda: app.screen is formulier)
        await pilot.press("shift+tab")
        await wis(pilot)
        await typ(pilot, "12-01-2027")
        await pilot.press("ctrl+s")
        await wacht(pilot, lambda: isinstance(app.screen, VergaderScherm))
        v = app.sessie.vergadering
        assert (v.volgende_vergadering, v.volgende_tijd) == (date(2027, 1, 12), "19:30")
        assert "Volgende vergadering 12 jan 2027 om 19:30." in str(stand.render())
        bewaard = Opslag(tmp_path / "db").vergadering(WV, v.id)
        assert bewaard.volgende_vergadering == date(2027, 1, 12)


# --- 2. correcties ----------------------------------------------------------------------------


async def test_bundel_ongedaan_maken_met_z_en_reden(tmp_path):
    klok = Klok()
    app = maak_app(tmp_path / "db", klok)
    async with app.run_test(size=(80, 24)) as pilot:
        await begin_vergadering(pilot)
        sessie = app.sessie
        sessie.bundel(KASTANJE, HARDRIJDERS)
        scherm = app.screen
        scherm.ververs()
        tabel = scherm.query_one("#ranglijst")
        assert HARDRIJDERS not in tabel
        await naar_rij(pilot, tabel, ZWERFAFVAL)
        await pilot.press("z")  # niets gebundeld in dit signaal: een zin, geen dialoog
        assert any("niets gebundeld" in m for m in meldingen(app))
        await naar_rij(pilot, tabel, KASTANJE)
        klok.verzet(90)
        await pilot.press("z")
        await wacht(pilot, lambda: isinstance(app.screen, TekstVraag))
        await pilot.press("ctrl+s")
        assert "Zeg kort waarom" in _fout(app)
        await typ(pilot, "Ander probleem: 's avonds")
        await pilot.press("ctrl+s")
        await wacht(pilot, lambda: app.screen is scherm)
        assert HARDRIJDERS in tabel
        assert sessie.signaal(HARDRIJDERS).status == "nieuw"
        (c,) = sessie.vergadering.correcties
        assert c.soort == "bundel" and c.reden == "Ander probleem: 's avonds"
        assert c.moment.timestamp() == klok()
        assert Opslag(tmp_path / "db").signaal(WV, HARDRIJDERS).status == "nieuw"


async def test_stemming_corrigeren_met_c_en_via_het_palet(tmp_path):
    app = maak_app(tmp_path / "db", Klok())
    async with app.run_test(size=(80, 24)) as pilot:
        await begin_vergadering(pilot)
        st = await _top5_en_stemming(pilot, app, 2, 3)
        scherm = app.screen
        await pilot.press("c")
        await wacht(pilot, lambda: isinstance(app.screen, StemmingCorrectie))
        formulier = app.screen
        assert formulier.query_one("#voor", Input).value == "2"
        assert formulier.query_one("#tegen", Input).value == "3"
        await pilot.press("escape")
        await wacht(pilot, lambda: app.screen is scherm)
        # Hetzelfde via het commandopalet.
        await _via_palet(pilot, app, "Stemming corrigeren")
        await wacht(pilot, lambda: isinstance(app.screen, StemmingCorrectie))
        formulier = app.screen
        assert formulier.query_one("#voor", Input).has_focus
        await wis(pilot)
        await typ(pilot, "4")
        await pilot.press("enter")
        await wis(pilot)
        await typ(pilot, "1")
        await pilot.press("ctrl+s")
        assert "Zeg kort waarom" in _fout(app)
        formulier.query_one("#reden", Input).focus()
        await typ(pilot, "Twee handen verkeerd geteld")
        await pilot.press("ctrl+s")
        await wacht(pilot, lambda: app.screen is scherm)
        assert (st.voor, st.tegen, st.aangenomen) == (4, 1, True)
        (c,) = app.sessie.vergadering.correcties
        assert c.soort == "stemming" and "was 2 voor, 3 tegen" in c.wat
        assert "aangenomen 4-1-0" in str(scherm.query_one("#top5", DataTable).get_row(KASTANJE))


async def test_gesloten_vergadering_heropenen_met_r(tmp_path):
    klok = Klok()
    app = maak_app(tmp_path / "db", klok, mapjes=tmp_path / "mapjes")
    async with app.run_test(size=(80, 24)) as pilot:
        await op_startscherm(pilot)
        start = app.screen
        assert "Gesloten vergadering heropenen" in [n for n, _, _ in app.commandos(start)]
        await pilot.press("r")
        await wacht(pilot, lambda: isinstance(app.screen, HeropenFormulier))
        formulier = app.screen
        assert formulier.keuze("#wie") == "Anja de Vries"  # de voorzitter van toen
        await pilot.press("ctrl+s")
        assert "Zeg kort waarom" in _fout(app)
        await typ(pilot, "Typfout in de plaats")
        klok.verzet(600)
        await pilot.press("ctrl+s")
        await wacht(pilot, lambda: isinstance(app.screen, VergaderScherm))
        v = app.sessie.vergadering
        assert v.id == "2026-10-12" and not v.gesloten
        (c,) = v.correcties
        assert (c.soort, c.wie, c.reden) == ("heropend", "Anja de Vries", "Typfout in de plaats")
        assert Opslag(tmp_path / "db").vergadering(WV, v.id).gesloten_op is None
        # Herstellen en opnieuw sluiten: daarna biedt de app het (nieuwe) mapje aan.
        app.sessie.bewaar_terugkoppeling(Terugkoppeling(
            gehoord="Verkeer", volgende_update=VANDAAG + timedelta(days=7), kanaal="nieuwsbrief",
            eigenaar="Anja de Vries"))
        await _naar_fase(pilot, app, 2)
        await pilot.press("x")
        await wacht(pilot, lambda: isinstance(app.screen, Bevestig))
        await pilot.press("j")
        await wacht(pilot, lambda: isinstance(app.screen, Bevestig)
                    and "mapje" in app.screen.vraag)
        await pilot.press("j")
        await wacht(pilot, lambda: any("Het mapje staat in" in m for m in meldingen(app)))
        assert Opslag(tmp_path / "db").vergadering(WV, v.id).gesloten
        assert isinstance(app.screen, StartScherm)


# --- 5. het voorstel uit de afspraken ---------------------------------------------------------


async def test_volgende_update_en_kanaal_uit_de_participatieafspraken(tmp_path):
    app = maak_app(tmp_path / "db", Klok())
    opslag = Opslag(tmp_path / "db")
    wv = opslag.wijkverband(WV)
    wv.afspraken = Participatieafspraken(terugkoppeling_kanaal=(
        "Binnen twee weken na elke vergadering in de Hovenkrant (nieuwsbrief) en de buurtapp."))
    opslag.bewaar_wijkverband(wv)
    async with app.run_test(size=(80, 24)) as pilot:
        await begin_vergadering(pilot)
        await _naar_fase(pilot, app, 2)
        await pilot.press("t")
        await wacht(pilot, lambda: isinstance(app.screen, TerugkoppelingFormulier))
        formulier = app.screen
        assert formulier.query_one("#update", Input).value == "07-12-2026"  # +14, niet +6 weken
        assert formulier.keuze("#kanaal") == "nieuwsbrief"
        formulier.query_one("#update", Input).focus()
        await wis(pilot)
        await typ(pilot, "+6w")
        await pilot.press("ctrl+s")
        await wacht(pilot, lambda: isinstance(app.screen, Bevestig))
        assert app.screen.vraag.startswith(
            "De volgende update ligt 6 weken vooruit, terwijl de participatieafspraken "
            "2 weken noemen.")


# --- 6. eigenaren ---------------------------------------------------------------------------


async def test_partner_als_eigenaar_een_keer_in_de_lijst(tmp_path):
    app = maak_app(tmp_path / "db", Klok())
    opslag = Opslag(tmp_path / "db")
    wv = opslag.wijkverband(WV)
    wv.partners.append("WOONSTEDE")  # zo getypt in een oudere versie
    opslag.bewaar_wijkverband(wv)
    async with app.run_test(size=(80, 24)) as pilot:
        await begin_vergadering(pilot)
        await _top5_en_stemming(pilot, app, 4, 0)
        await pilot.press("e")
        await wacht(pilot, lambda: isinstance(app.screen, ActieFormulier))
        formulier = app.screen
        namen = [str(w) for _, w in formulier.query_one("#eigenaar", Select)._options
                 if w is not Select.NULL]
        assert [n.casefold() for n in namen].count("woonstede") == 1
        assert "Wijkagent Noord" in namen
        await wis(pilot)
        await typ(pilot, "Drempels aanvragen")
        await pilot.press("tab")
        await kies(pilot, formulier.query_one("#eigenaar", Select), "Wijkagent Noord")
        await pilot.press("tab")
        await typ(pilot, "Woonstede, wijkagent noord")
        await pilot.press("ctrl+s")
        await wacht(pilot, lambda: isinstance(app.screen, VergaderScherm))
        (actie,) = app.sessie.acties_van_deze_ronde()
        assert actie.eigenaar == "Wijkagent Noord" and actie.partners == ["Woonstede"]


async def test_volgend_checkmoment_ver_weg_gevraagd_voor_de_eerste_stap_geweigerd(tmp_path):
    from schermen.formulieren.actie import StatusFormulier

    app = maak_app(tmp_path / "db", Klok())
    async with app.run_test(size=(80, 24)) as pilot:
        await begin_vergadering(pilot)
        actie = app.sessie.lopende_acties()[0]
        actie.eerste_stap_datum = VANDAAG + timedelta(days=10)  # nog niet gezet
        await _naar_fase(pilot, app, 2)
        await wacht(pilot, lambda: app.screen.query_one("#lopend", DataTable).has_focus)
        await pilot.press("s")
        await wacht(pilot, lambda: isinstance(app.screen, StatusFormulier))
        formulier = app.screen
        formulier.query_one("#checkmoment", Input).focus()
        await wis(pilot)
        await typ(pilot, "+5")
        await pilot.press("ctrl+s")
        assert "vóór de eerste stap van deze actie" in _fout(app)
        await wis(pilot)
        await typ(pilot, "+400")
        await pilot.press("ctrl+s")
        await wacht(pilot, lambda: isinstance(app.screen, Bevestig))
        assert "meer dan een half jaar; klopt het jaartal?" in app.screen.vraag
        await pilot.press("j")
        await wacht(pilot, lambda: isinstance(app.screen, VergaderScherm))
        assert actie.checkmoment == VANDAAG + timedelta(days=400)
