"""Een hele vergadering van begin tot eind, met alleen het toetsenbord, op 80×24.

Daarna wordt de opslag met een nieuwe ``Opslag`` geopend: alles moet er staan.
"""

from __future__ import annotations

from pathlib import Path

from schermen_gegevens import VANDAAG, Klok, maak_app
from schermen_pilot import (
    kies,
    meldingen,
    naar_optie,
    naar_rij,
    op_startscherm,
    plak,
    typ,
    wacht,
    wis,
)
from textual.widgets import DataTable, Input, OptionList, Select, SelectionList, TextArea

from schermen.app import VergaderingApp
from schermen.bevestig import Bevestig
from schermen.formulieren.actie import ActieFormulier, StatusFormulier
from schermen.formulieren.basis import Keuze, TekstVraag
from schermen.formulieren.grens import GrensKeuze
from schermen.formulieren.signaal import SignaalFormulier
from schermen.formulieren.stemming import StemmingFormulier, WegingFormulier
from schermen.formulieren.terugkoppeling import TerugkoppelingFormulier
from schermen.formulieren.vergadering import StartFormulier
from schermen.start import StartScherm
from schermen.vergaderscherm import VergaderScherm
from vergadering.opslag import Opslag

KASTANJE = "2611-s000"  # Te hard rijden op de Kastanjelaan (4 bewoners)
ZWERFAFVAL = "2611-s001"
BANKJES = "2611-s002"
VERLICHTING = "2611-s003"
HARDRIJDERS = "2611-s004"  # dubbel van KASTANJE
SPEELTUIN = "2611-s005"
HONDENPOEP = "2610-park"


def _tekst_in_tabel(tabel: DataTable, sleutel: str) -> str:
    return " ".join(str(c) for c in tabel.get_row(sleutel))


async def _start_vergadering(pilot, app: VergaderingApp) -> None:
    await op_startscherm(pilot)
    await pilot.press("s")
    await wacht(pilot, lambda: isinstance(app.screen, StartFormulier))
    formulier = app.screen
    await typ(pilot, "+0")  # datum wordt '23-11-2026+0': eerst weigeren
    await pilot.press("ctrl+s")
    assert isinstance(app.screen, StartFormulier), "een onleesbare datum wordt geweigerd"
    assert "geen datum" in str(formulier.query_one(".dialoog-fout").render())
    await wis(pilot)
    await typ(pilot, "23-11-2026")
    await pilot.press("tab")
    await typ(pilot, "Buurthuis")
    await plak(pilot, " De Hoven 🏠")
    await pilot.press("tab")
    tabel = formulier.query_one("#aanwezigheid", DataTable)
    assert tabel.has_focus
    await naar_rij(pilot, tabel, "kees")
    await pilot.press("f")  # afgemeld
    await naar_rij(pilot, tabel, "ingrid")
    await pilot.press("w")  # afwezig
    quorum = str(formulier.query_one("#quorum").render())
    assert "4 aanwezig" in quorum and "gehaald" in quorum and "12" in quorum
    await pilot.press("ctrl+s")
    await wacht(pilot, lambda: isinstance(app.screen, VergaderScherm))


async def _fase_signalen(pilot, app: VergaderingApp, klok: Klok) -> None:
    scherm = app.screen
    tabel = scherm.query_one("#ranglijst")
    assert tabel.has_focus
    # Snel een signaal toevoegen; eerst leeg (geweigerd), dan met tekst.
    await pilot.press("a")
    await wacht(pilot, lambda: isinstance(app.screen, SignaalFormulier))
    await pilot.press("ctrl+s")
    assert isinstance(app.screen, SignaalFormulier), "een leeg signaal wordt geweigerd"
    await typ(pilot, "Fietsen op de stoep bij de school")
    await pilot.press("ctrl+s")
    await wacht(pilot, lambda: app.screen is scherm)
    sessie = app.sessie
    nieuw = [s for s in sessie.signalen if s.tekst.startswith("Fietsen op de stoep")]
    assert len(nieuw) == 1 and nieuw[0].datum == VANDAAG
    # Bundel het dubbele signaal over hardrijders in het hoofdsignaal.
    await naar_rij(pilot, tabel, HARDRIJDERS)
    await pilot.press("u")
    await wacht(pilot, lambda: isinstance(app.screen, Keuze))
    lijst = app.screen.query_one(OptionList)
    await naar_optie(pilot, lijst, lambda o: "Kastanjelaan" in str(o.prompt)
                     and "avonds" not in str(o.prompt))
    await pilot.press("enter")
    await wacht(pilot, lambda: app.screen is scherm)
    assert sessie.signaal(HARDRIJDERS).gebundeld_in == KASTANJE
    assert HARDRIJDERS not in tabel
    assert _tekst_in_tabel(tabel, KASTANJE).split()[2] == "5"  # 4 + 1 bewoners
    # Stippen: 4 aanwezigen met stemrecht × 3 = 12.
    for sleutel, toetsen in [
        (KASTANJE, ["3"]), (ZWERFAFVAL, ["right", "right", "right"]), (SPEELTUIN, ["2"]),
        (VERLICHTING, ["right", "right", "right", "left"]), (BANKJES, ["1"]),
        (HONDENPOEP, ["1"]),
    ]:
        await naar_rij(pilot, tabel, sleutel)
        await pilot.press(*toetsen)
    v = sessie.vergadering
    assert v.stippen == {KASTANJE: 3, ZWERFAFVAL: 3, SPEELTUIN: 2, VERLICHTING: 2,
                         BANKJES: 1, HONDENPOEP: 1}
    await pilot.press("right")  # de dertiende stip bestaat niet
    assert v.stippen[HONDENPOEP] == 1
    assert any("12 stippen te verdelen" in m for m in meldingen(app))
    stand = str(scherm.query_one("#stippen-stand").render())
    assert "12 van 12" in stand and "Gelijk op de grens: 2 signalen met 1 stip;" in stand
    # De ranglijst is live: de twee met 3 stippen staan bovenaan, gelijk.
    assert tabel.sleutel_op(0) in (KASTANJE, ZWERFAFVAL)
    assert str(tabel.get_row(KASTANJE)[0]) == "=1"
    # Top 5 vastleggen: bankjes en hondenpoep staan gelijk op de grens; de voorzitter kiest.
    klok.verzet(280)
    await pilot.press("f")
    await wacht(pilot, lambda: isinstance(app.screen, GrensKeuze))
    keuzes = app.screen.query_one(SelectionList)
    await pilot.press("ctrl+s")
    assert isinstance(app.screen, GrensKeuze), "zonder keuze geen top 5"
    assert keuzes.has_focus
    await naar_optie(pilot, keuzes, lambda o: o.value == BANKJES)
    await pilot.press("space", "ctrl+s")
    assert isinstance(app.screen, GrensKeuze), "zonder reden geen keuze op de grens"
    assert "Zeg kort waarom" in str(app.screen.query_one(".dialoog-fout").render())
    await pilot.press("tab")
    await typ(pilot, "Bankjes zijn snel te regelen")
    await pilot.press("ctrl+s")
    await wacht(pilot, lambda: app.screen is scherm)
    assert set(v.top5[:2]) == {KASTANJE, ZWERFAFVAL}
    assert set(v.top5[2:4]) == {SPEELTUIN, VERLICHTING}
    assert v.top5[4] == BANKJES
    assert v.grenskeuze.gekozen == [BANKJES] and set(v.grenskeuze.gelijk) == {BANKJES, HONDENPOEP}
    assert v.grenskeuze.reden == "Bankjes zijn snel te regelen"


async def _weeg(pilot, app, tabel, sleutel: str, h: str, i: str, dicht: bool = True) -> None:
    await naar_rij(pilot, tabel, sleutel)
    await pilot.press("w")
    await wacht(pilot, lambda: isinstance(app.screen, WegingFormulier))
    await wis(pilot)
    await typ(pilot, h)
    await pilot.press("enter")
    await wis(pilot)
    await typ(pilot, i)
    await pilot.press("enter")
    if dicht:
        await wacht(pilot, lambda: not isinstance(app.screen, WegingFormulier))


async def _fase_acties(pilot, app: VergaderingApp, klok: Klok) -> None:
    await pilot.press("n")
    scherm = app.screen
    sessie = app.sessie
    v = sessie.vergadering
    assert v.fase_index == 1
    tabel = scherm.query_one("#top5", DataTable)
    await wacht(pilot, lambda: tabel.has_focus)
    # Wegen: 6 (Kastanjelaan) en 20 (Speeltuin): de volgorde volgt de weging.
    await _weeg(pilot, app, tabel, KASTANJE, "2", "3")
    await _weeg(pilot, app, tabel, SPEELTUIN, "4", "5")
    await _weeg(pilot, app, tabel, ZWERFAFVAL, "9", "1", dicht=False)  # 9: geweigerd
    assert isinstance(app.screen, WegingFormulier)
    assert "1 tot en met 5" in str(app.screen.query_one(".dialoog-fout").render())
    await pilot.press("escape")
    assert v.scores[SPEELTUIN].totaal == 20 and v.scores[KASTANJE].totaal == 6
    assert ZWERFAFVAL not in v.scores
    # Tijdens het wegen blijft de lijst staan (niets verschuift onder de cursor); g ordent.
    assert [tabel.coordinate_to_cell_key((r, 0)).row_key.value for r in range(5)] == v.top5
    assert "g zet de lijst zo" in str(scherm.query_one("#acties-stand").render())
    await naar_rij(pilot, tabel, KASTANJE)
    await pilot.press("g")
    assert tabel.coordinate_to_cell_key((0, 0)).row_key.value == SPEELTUIN
    assert tabel.coordinate_to_cell_key(tabel.cursor_coordinate).row_key.value == KASTANJE
    assert "g zet de lijst zo" not in str(scherm.query_one("#acties-stand").render())

    # Stemming 1 (aantallen): aangenomen; meteen uitwerken met eigenaar en data.
    await naar_rij(pilot, tabel, SPEELTUIN)
    await pilot.press("s")
    await wacht(pilot, lambda: isinstance(app.screen, StemmingFormulier))
    await wis(pilot)
    await typ(pilot, "Speeltuin opknappen met de buurt")
    await pilot.press("tab", "tab")  # voorbij de stemwijze
    await wis(pilot)
    await typ(pilot, "3")
    await pilot.press("enter")
    await wis(pilot)
    await typ(pilot, "1")
    await pilot.press("enter")
    assert "Aangenomen" in str(app.screen.query_one("#uitslag").render())
    await pilot.press("enter")  # laatste veld: vastleggen
    await wacht(pilot, lambda: isinstance(app.screen, ActieFormulier))
    formulier = app.screen
    await pilot.press("ctrl+s")
    assert "eigenaar" in str(formulier.query_one(".dialoog-fout").render()).lower()
    # De focus staat al op het veld met de fout.
    await kies(pilot, formulier.query_one("#eigenaar", Select), "Woonstede")
    await pilot.press("tab")
    await typ(pilot, "Welzijn Oost, Gemeente")
    await pilot.press("tab")
    await typ(pilot, "Rondgang met kinderen en ouders")
    await pilot.press("tab", "tab")
    await wis(pilot)
    await typ(pilot, "+70")  # tien weken: buiten 6–8 weken, een waarschuwing
    await pilot.press("tab")
    assert "zes en acht weken" in str(formulier.query_one("#waarschuwingen").render())
    await pilot.press("shift+tab")
    await wis(pilot)
    await typ(pilot, "+42")
    await pilot.press("tab")
    await plak(pilot, "Kinderen spelen weer veilig op het Hovenplein.")
    await pilot.press("tab")
    await plak(pilot, "We knappen de speeltuin samen met u op; doe mee!")
    await pilot.press("ctrl+s")
    await wacht(pilot, lambda: app.screen is scherm)
    assert len(v.acties) == 1
    actie = sessie.actie(v.acties[0])
    assert actie.eigenaar == "Woonstede" and actie.partners == ["Welzijn Oost", "Gemeente"]
    assert (actie.eerste_stap_datum - VANDAAG).days == 14
    assert (actie.checkmoment - VANDAAG).days == 42
    assert actie.signalen == [SPEELTUIN] and sessie.signaal(SPEELTUIN).status == "gekozen"
    assert "actie 3" in _tekst_in_tabel(tabel, SPEELTUIN)

    # Stemming 2 (per lid, bij naam): verworpen op de meerderheid.
    await naar_rij(pilot, tabel, KASTANJE)
    await pilot.press("s")
    await wacht(pilot, lambda: isinstance(app.screen, StemmingFormulier))
    formulier = app.screen
    # Het signaal (een klacht) staat erboven, het voorstel is leeg: geen stilzwijgende actie.
    assert formulier.query_one("#voorstel", Input).value == ""
    assert "Typ het voorstel: wat gaan we doen?" in str(formulier.query_one("#uitslag").render())
    await typ(pilot, "Drempels op de Kastanjelaan")
    await pilot.press("tab")
    await kies(pilot, formulier.query_one("#wijze", Select), "per_lid")
    await pilot.press("tab")
    perlid = formulier.query_one("#perlid", DataTable)
    assert perlid.has_focus and perlid.row_count == 4
    await pilot.press("v", "t", "t", "o")
    assert "Verworpen" in str(formulier.query_one("#uitslag").render())
    await pilot.press("ctrl+s")
    await wacht(pilot, lambda: app.screen is scherm)
    stemming = v.stemmingen[-1]
    assert stemming.per_lid == {"anja": "voor", "bram": "tegen", "fatima": "tegen",
                                "mehmet": "onthouding"}
    assert not stemming.aangenomen and stemming.quorum_gehaald
    assert "verworpen 1-2-1" in _tekst_in_tabel(tabel, KASTANJE)
    assert len(v.acties) == 1

    # Parkeren met een reden; daarna de rest van de top 5 in één keer.
    await naar_rij(pilot, tabel, KASTANJE)
    await pilot.press("p")
    await wacht(pilot, lambda: isinstance(app.screen, TekstVraag))
    await pilot.press("enter")
    assert isinstance(app.screen, TekstVraag), "parkeren zonder reden wordt geweigerd"
    await plak(pilot, "Eerst de snelheidsmeting van de gemeente afwachten")
    await pilot.press("enter")
    await wacht(pilot, lambda: app.screen is scherm)
    assert sessie.signaal(KASTANJE).status == "geparkeerd"
    await pilot.press("r")
    await wacht(pilot, lambda: isinstance(app.screen, TekstVraag))
    await pilot.press("enter")
    await wacht(pilot, lambda: app.screen is scherm)
    for sid in (ZWERFAFVAL, VERLICHTING, BANKJES):
        assert sessie.signaal(sid).status == "geparkeerd"
        assert sessie.signaal(sid).reden.startswith("Niet gekozen")
    klok.verzet(600)


async def _fase_terugkoppelen(pilot, app: VergaderingApp, klok: Klok) -> None:
    await pilot.press("n")
    scherm = app.screen
    sessie = app.sessie
    v = sessie.vergadering
    assert v.fase_index == 2
    tabel = scherm.query_one("#lopend", DataTable)
    await wacht(pilot, lambda: tabel.has_focus)
    assert tabel.row_count == 2
    for sleutel, status, uitleg in [
        ("2026-1", "loopt", "Bloembakken besteld, komen in december"),
        ("2026-2", "vastgelopen", "Wacht op budget van de gemeente"),
    ]:
        await naar_rij(pilot, tabel, sleutel)
        await pilot.press("s")
        await wacht(pilot, lambda: isinstance(app.screen, StatusFormulier))
        await kies(pilot, app.screen.query_one("#status", Select), status)
        await pilot.press("tab")
        await typ(pilot, uitleg)
        await pilot.press("enter")
        await wacht(pilot, lambda: app.screen is scherm)
    assert v.statusupdates == ["2026-1", "2026-2"]
    assert sessie.actie("2026-2").status == "vastgelopen"

    # Sluiten zonder terugkoppeling wordt geweigerd, met wat er mist.
    await pilot.press("x")
    await pilot.pause()
    assert not v.gesloten
    assert isinstance(app.screen, VergaderScherm)
    weigering = [m for m in meldingen(app) if "kan nog niet dicht" in m]
    assert weigering, "de weigering wordt gemeld"
    assert "de datum van de volgende update" in weigering[-1]
    assert "de eigenaar van de terugkoppeling" in weigering[-1]

    # De terugkoppeling, voorgevuld uit deze vergadering.
    await pilot.press("t")
    await wacht(pilot, lambda: isinstance(app.screen, TerugkoppelingFormulier))
    formulier = app.screen
    gehoord = formulier.query_one("#gehoord", TextArea).text
    assert "Speeltuin Hovenplein verouderd" in gehoord
    assert "mevrouw Jansen" not in gehoord and "06-1234" not in gehoord
    # De actie één keer, in de zin voor bewoners, met wie en wanneer.
    gedaan = formulier.query_one("#gedaan", TextArea).text
    assert "We knappen de speeltuin samen met u op; doe mee." in gedaan
    assert "zet de eerste stap vóór" in gedaan
    lukt_niet = formulier.query_one("#lukt_niet", TextArea).text
    assert "snelheidsmeting" in lukt_niet and "budget" in lukt_niet
    formulier.query_one("#eigenaar", Select).focus()
    await pilot.pause()
    await kies(pilot, formulier.query_one("#eigenaar", Select), "Anja de Vries")
    await pilot.press("tab")
    await plak(pilot, "Elke dinsdag inloop in het buurthuis, of mail de wijkraad")
    await pilot.press("ctrl+s")
    await wacht(pilot, lambda: app.screen is scherm)
    t = v.terugkoppeling
    assert t.eigenaar == "Anja de Vries" and t.kanaal and t.volgende_update > VANDAAG
    assert sessie.ontbreekt() == []

    # Nu sluiten: bevestigen, terug naar het startscherm.
    klok.verzet(120)
    await pilot.press("x")
    await wacht(pilot, lambda: isinstance(app.screen, Bevestig))
    await pilot.press("j")
    await wacht(pilot, lambda: v.gesloten)
    await wacht(pilot, lambda: app.sessie is None)
    if isinstance(app.screen, Bevestig):  # het mapje aanbieden: nu niet
        await pilot.press("n")
    await wacht(pilot, lambda: isinstance(app.screen, StartScherm))


async def test_hele_vergadering_met_het_toetsenbord(tmp_path: Path) -> None:
    map_ = tmp_path / "db"
    klok = Klok()
    app = maak_app(map_, klok)
    async with app.run_test(size=(80, 24)) as pilot:
        await _start_vergadering(pilot, app)
        vergadering_id = app.sessie.vergadering.id
        await _fase_signalen(pilot, app, klok)
        await _fase_acties(pilot, app, klok)
        await _fase_terugkoppelen(pilot, app, klok)
        assert app.bewaarder.wacht(10)
        assert app.bewaarder.onopgeslagen == 0

    # Alles staat op schijf: een nieuwe Opslag leest het terug.
    opslag = Opslag(map_)
    v = opslag.vergadering("de-hoven-noord", vergadering_id)
    assert v.gesloten and v.plaats == "Buurthuis De Hoven 🏠"
    assert v.aanwezigheid == {"anja": "aanwezig", "bram": "aanwezig", "fatima": "aanwezig",
                              "kees": "afgemeld", "mehmet": "aanwezig", "ingrid": "afwezig"}
    assert v.voorzitter == "Anja de Vries" and v.notulist == "Bram Jansen"
    assert set(v.top5) == {KASTANJE, ZWERFAFVAL, SPEELTUIN, VERLICHTING, BANKJES}
    assert v.scores[SPEELTUIN].totaal == 20
    assert [s.aangenomen for s in v.stemmingen] == [True, False]
    assert v.stemmingen[1].per_lid is not None
    assert v.statusupdates == ["2026-1", "2026-2"]
    assert v.terugkoppeling.eigenaar == "Anja de Vries"
    assert v.fasen[0].gebruikt_s == 280 and v.fasen[1].gebruikt_s == 600
    assert all(f.gestart_op is None for f in v.fasen)
    log = "\n".join(r.tekst for r in v.logboek)
    for stuk in ("Signaal toegevoegd", "Gebundeld", "Top 5", "Stemming over", "Aangenomen",
                 "Verworpen", "Actie 3 aangenomen", "Geparkeerd: Zwerfafval", "Reden: Niet gekozen",
                 "Actie 1 is bezig: Bloembakken besteld", "Actie 2 zit vast: Wacht op budget",
                 "Terugkoppeling", "gesloten"):
        assert stuk in log, stuk
    signalen = {s.id: s for s in opslag.signalen("de-hoven-noord")}
    assert signalen[HARDRIJDERS].status == "gebundeld"
    assert signalen[SPEELTUIN].status == "gekozen"
    assert signalen[KASTANJE].reden.startswith("Eerst de snelheidsmeting")
    assert any(s.tekst.startswith("Fietsen op de stoep") for s in signalen.values())
    acties = {a.id: a for a in opslag.acties("de-hoven-noord")}
    nieuw = acties[v.acties[0]]
    assert nieuw.eigenaar == "Woonstede" and nieuw.vergadering_id == vergadering_id
    assert nieuw.terugkoppelzin.startswith("We knappen de speeltuin")
    assert nieuw.verandering == "Kinderen spelen weer veilig op het Hovenplein."
    assert acties["2026-2"].historie[-1].toelichting == "Wacht op budget van de gemeente"
