"""Instellingen van een wijkverband (tijd per fase, stippen, acties, quorum, meerderheid),
een aangenomen actie terugtrekken in fase 2, en de participatieafspraken: met het toetsenbord
op 80×24, en daarna met een nieuwe Opslag gecontroleerd op schijf."""

from __future__ import annotations

from pathlib import Path

from schermen_gegevens import VANDAAG, maak_app
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
from textual.widgets import Input, Static

from schermen.app import VergaderingApp
from schermen.bevestig import Bevestig
from schermen.fase_acties import FaseActies
from schermen.formulieren.basis import Keuze
from schermen.formulieren.wijkverband import AfsprakenFormulier, InstellingenFormulier
from schermen.start import StartScherm
from schermen.vergaderscherm import VergaderScherm
from vergadering.opslag import Opslag

WV = "de-hoven-noord"


async def _open_instellingen(pilot, app: VergaderingApp) -> InstellingenFormulier:
    await op_startscherm(pilot)
    await pilot.press("i")
    await wacht(pilot, lambda: isinstance(app.screen, InstellingenFormulier))
    return app.screen  # type: ignore[return-value]


async def _open_afspraken(pilot, app: VergaderingApp) -> AfsprakenFormulier:
    await op_startscherm(pilot)
    await pilot.press("a")
    await wacht(pilot, lambda: isinstance(app.screen, AfsprakenFormulier))
    return app.screen  # type: ignore[return-value]


async def _vul(pilot, tekst: str) -> None:
    """Vervang de inhoud van het veld met de focus en ga met enter naar het volgende."""
    await wis(pilot)
    await typ(pilot, tekst)
    await pilot.press("enter")


def _fout(scherm) -> str:
    return str(scherm.query_one(".dialoog-fout", Static).render())


async def test_instellingen_bewaren_en_nieuwe_vergadering_gebruikt_ze(tmp_path: Path) -> None:
    app = maak_app(tmp_path / "db")
    async with app.run_test(size=(80, 24)) as pilot:
        scherm = await _open_instellingen(pilot, app)
        # Het standaardquorum staat er als getal: 6 leden met stemrecht, dus 4.
        quorum = scherm.query_one("#quorum-aantal", Input)
        assert quorum.value == "" and "4" in quorum.placeholder
        assert scherm.query_one("#duur-acties", Input).value == "10"
        assert scherm.focused is scherm.query_one("#duur-signalen", Input)
        for waarde in ("8", "12", "6", "4", "3"):
            await _vul(pilot, waarde)
        assert scherm.focused is quorum
        await pilot.press("tab")
        await kies(pilot, scherm.query_one("#meerderheid"), "tweederde")
        uitleg = str(scherm.query_one("#meerderheid-uitleg", Static).render())
        assert "twee derde" in uitleg
        await pilot.press("ctrl+s")
        await wacht(pilot, lambda: isinstance(app.screen, StartScherm))
        assert any("Instellingen" in m and "bewaard" in m for m in meldingen(app))

        # Op schijf: een nieuwe Opslag leest de instellingen terug.
        wv = Opslag(tmp_path / "db").wijkverband(WV)
        assert (wv.agenda.signalen, wv.agenda.acties, wv.agenda.terugkoppelen) == (8, 12, 6)
        assert (wv.stippen_per_lid, wv.max_acties, wv.quorum) == (4, 3, None)
        assert wv.meerderheid == "tweederde"

        # Een nieuwe vergadering plant de nieuwe tijden.
        await begin_vergadering(pilot)
        gepland = [f.gepland_s for f in app.sessie.vergadering.fasen]
        assert gepland == [8 * 60, 12 * 60, 6 * 60]
        assert app.sessie.wijkverband.max_acties == 3


async def test_ongeldige_instellingen_geweigerd_met_de_zin_van_het_domein(
    tmp_path: Path,
) -> None:
    app = maak_app(tmp_path / "db")
    async with app.run_test(size=(80, 24)) as pilot:
        scherm = await _open_instellingen(pilot, app)
        gevallen = [
            ("#duur-signalen", "0", "De duur van 'signalen' moet tussen 1 en 120 minuten"),
            ("#duur-acties", "tien", "De duur van 'acties' moet tussen 1 en 120 minuten"),
            ("#duur-terugkoppelen", "9" * 5000, "De duur van 'terugkoppelen' moet tussen"),
            ("#stippen", "25", "Het aantal stippen per lid moet tussen 1 en 20 liggen."),
            ("#max-acties", "-1", "Het aantal acties per ronde moet tussen 1 en 10 liggen."),
            ("#quorum-aantal", "0", "Het quorum is een aantal leden van 1 of meer"),
            ("#bewaartermijn", "10", "De bewaartermijn voor contactgegevens ligt tussen 30"),
        ]
        for selector, fout, zin in gevallen:
            veld = scherm.query_one(selector, Input)
            oud = veld.value
            veld.focus()
            await pilot.pause()
            await wis(pilot)
            if len(fout) > 100:
                veld.insert_text_at_cursor(fout)  # zo lang typen duurt te lang
            else:
                await typ(pilot, fout)
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert app.screen is scherm, selector
            assert zin in _fout(scherm), (selector, _fout(scherm))
            veld.focus()
            await pilot.pause()
            await wis(pilot)
            await typ(pilot, oud)
        await pilot.press("escape")
        await wacht(pilot, lambda: isinstance(app.screen, StartScherm))
    # Niets bewaard: alles staat nog op de standaard.
    wv = Opslag(tmp_path / "db").wijkverband(WV)
    assert (wv.agenda.signalen, wv.agenda.acties, wv.agenda.terugkoppelen) == (5, 10, 5)
    assert (wv.stippen_per_lid, wv.max_acties, wv.quorum) == (3, 2, None)


async def test_bewaartermijn_van_contactgegevens_instellen(tmp_path: Path) -> None:
    app = maak_app(tmp_path / "db")
    async with app.run_test(size=(80, 24)) as pilot:
        scherm = await _open_instellingen(pilot, app)
        veld = scherm.query_one("#bewaartermijn", Input)
        assert veld.value == "365"
        veld.focus()
        await pilot.pause()
        await wis(pilot)
        await typ(pilot, "90")
        await pilot.press("ctrl+s")
        await wacht(pilot, lambda: isinstance(app.screen, StartScherm))
    assert Opslag(tmp_path / "db").wijkverband(WV).bewaartermijn_dagen == 90


async def test_quorum_zetten_en_weer_leeg_is_de_standaard(tmp_path: Path) -> None:
    app = maak_app(tmp_path / "db")
    async with app.run_test(size=(80, 24)) as pilot:
        scherm = await _open_instellingen(pilot, app)
        scherm.query_one("#quorum-aantal", Input).focus()
        await pilot.pause()
        await typ(pilot, "3")
        await pilot.press("ctrl+s")
        await wacht(pilot, lambda: isinstance(app.screen, StartScherm))
        assert Opslag(tmp_path / "db").wijkverband(WV).quorum == 3
        assert not any("quorum" in m for m in meldingen(app))

        # Een quorum groter dan het aantal stemgerechtigden mag, maar de app waarschuwt.
        scherm = await _open_instellingen(pilot, app)
        scherm.query_one("#quorum-aantal", Input).focus()
        await pilot.pause()
        await wis(pilot)
        await typ(pilot, "9")
        await pilot.press("ctrl+s")
        await wacht(pilot, lambda: isinstance(app.screen, StartScherm))
        assert any(m.startswith("Het quorum (9) is groter") for m in meldingen(app))
        assert Opslag(tmp_path / "db").wijkverband(WV).quorum == 9

        scherm = await _open_instellingen(pilot, app)
        veld = scherm.query_one("#quorum-aantal", Input)
        assert veld.value == "9"
        veld.focus()
        await pilot.pause()
        await wis(pilot)
        await pilot.press("ctrl+s")
        await wacht(pilot, lambda: isinstance(app.screen, StartScherm))
    wv = Opslag(tmp_path / "db").wijkverband(WV)
    assert wv.quorum is None and wv.benodigd_quorum() == 4


async def test_instellingen_in_het_commandopalet(tmp_path: Path) -> None:
    app = maak_app(tmp_path / "db")
    async with app.run_test(size=(80, 24)) as pilot:
        await op_startscherm(pilot)
        namen = [naam for naam, _, _ in app.commandos(app.screen)]
        assert "Instellingen van de vergadering" in namen


# --- een aangenomen actie terugtrekken in fase 2 -----------------------------------------

KASTANJE, ZWERFAFVAL, SPEELTUIN = "2611-s000", "2611-s001", "2611-s005"


async def _fase2_met_acties(pilot, app: VergaderingApp, acties: int = 2) -> FaseActies:
    """Begin met het toetsenbord; leg de toestand van fase 2 via de sessie vast."""
    await begin_vergadering(pilot)
    sessie = app.sessie
    sessie.leg_top5_vast([KASTANJE, ZWERFAFVAL, SPEELTUIN, "2611-s003", "2611-s002"])
    await pilot.press("n")
    await wacht(pilot, lambda: sessie.vergadering.fase_index == 1)
    for sid, tekst in [(SPEELTUIN, "Speeltuin opknappen"), (KASTANJE, "Drempels plaatsen")][
        :acties
    ]:
        stemming = sessie.nieuwe_stemming(tekst, sid, voor=4, tegen=1)
        sessie.leg_stemming_vast(stemming)
        sessie.neem_aan(sid, tekst, "Woonstede", stemming=stemming)
    paneel = app.screen.query_one(FaseActies)
    paneel.ververs()
    paneel.tabel.focus()
    await pilot.pause()
    return paneel


def _stand(paneel: FaseActies) -> str:
    return str(paneel.query_one("#acties-stand", Static).render())


async def test_actie_terugtrekken_op_de_rij_met_bevestiging(tmp_path: Path) -> None:
    app = maak_app(tmp_path / "db")
    async with app.run_test(size=(80, 24)) as pilot:
        paneel = await _fase2_met_acties(pilot, app)
        sessie = app.sessie
        speeltuin = sessie.actie_bij_signaal(SPEELTUIN)
        assert speeltuin is not None and sessie.reden_nodig()
        assert "Acties aangenomen: 2 van hoogstens 2" in _stand(paneel)
        await naar_rij(pilot, paneel.tabel, SPEELTUIN)
        await pilot.press("t")
        await wacht(pilot, lambda: isinstance(app.screen, Bevestig))
        assert "terugtrekken" in app.screen.vraag and str(speeltuin.nummer) in app.screen.vraag
        await pilot.press("j")
        await wacht(pilot, lambda: isinstance(app.screen, VergaderScherm))
        await pilot.pause()
        # Telt niet meer mee: een volgende actie kan weer zonder reden.
        assert speeltuin.id not in sessie.vergadering.acties
        assert not sessie.reden_nodig()
        assert "Acties aangenomen: 1 van hoogstens 2" in _stand(paneel)
        assert sessie.actie_bij_signaal(SPEELTUIN) is None
        assert f"Actie {speeltuin.nummer} is teruggetrokken." in meldingen(app)
        assert any("teruggetrokken" in r.tekst for r in sessie.vergadering.logboek)
        vergadering_id = sessie.vergadering.id

    # Op schijf: de vergadering, de actie (gestopt, komt niet terug als lopend) en het signaal.
    opslag = Opslag(tmp_path / "db")
    v = opslag.vergadering(WV, vergadering_id)
    assert speeltuin.id not in v.acties and len(v.acties) == 1
    assert any("teruggetrokken" in r.tekst for r in v.logboek)
    actie = next(a for a in opslag.acties(WV) if a.id == speeltuin.id)
    assert actie.status == "gestopt" and actie.vergadering_id is None
    signaal = next(s for s in opslag.signalen(WV) if s.id == SPEELTUIN)
    assert signaal.status == "nieuw"


async def test_terugtrekken_kiezen_uit_de_lijst_en_nee_laat_staan(tmp_path: Path) -> None:
    app = maak_app(tmp_path / "db")
    async with app.run_test(size=(80, 24)) as pilot:
        paneel = await _fase2_met_acties(pilot, app)
        sessie = app.sessie
        await naar_rij(pilot, paneel.tabel, ZWERFAFVAL)  # geen actie op deze rij
        await pilot.press("t")
        await wacht(pilot, lambda: isinstance(app.screen, Keuze))
        await pilot.press("down", "enter")  # de tweede: Drempels plaatsen
        await wacht(pilot, lambda: isinstance(app.screen, Bevestig))
        await pilot.press("n")  # laten staan
        await wacht(pilot, lambda: isinstance(app.screen, VergaderScherm))
        assert len(sessie.vergadering.acties) == 2

        await pilot.press("t")
        await wacht(pilot, lambda: isinstance(app.screen, Keuze))
        await pilot.press("down", "enter")
        await wacht(pilot, lambda: isinstance(app.screen, Bevestig))
        await pilot.press("j")
        await wacht(pilot, lambda: isinstance(app.screen, VergaderScherm))
        await pilot.pause()
        over = sessie.acties_van_deze_ronde()
        assert [a.omschrijving for a in over] == ["Speeltuin opknappen"]
    opslag = Opslag(tmp_path / "db")
    drempels = next(a for a in opslag.acties(WV) if a.omschrijving == "Drempels plaatsen")
    assert drempels.status == "gestopt"


async def test_terugtrekken_zonder_acties_zegt_dat(tmp_path: Path) -> None:
    app = maak_app(tmp_path / "db")
    async with app.run_test(size=(80, 24)) as pilot:
        await _fase2_met_acties(pilot, app, acties=0)
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, VergaderScherm)
        assert "In deze vergadering is nog geen actie aangenomen." in meldingen(app)
        namen = [naam for naam, _, _ in app.commandos(app.screen)]
        assert "Actie terugtrekken" in namen


# --- participatieafspraken (template 1) -------------------------------------------------

AFSPRAKEN = [
    "Hardrijden in de Kastanjelaan",
    "Ouders en kinderen in de straat",
    "Minder hard rijden rond de school",
    "Na de zomer, bij de verkeersmeting",
    "Buurtgesprek",
    "Buurthuis, 12 januari",
    "Welzijn Oost",
    "Februari",
    "Het wijkverband",
    "Drempels aanvragen",
    "Wat de gemeente besloot",
    "Nieuwsbrief, maart",
    "Anja de Vries",
]


async def test_afspraken_invullen_per_deel_en_bewaren(tmp_path: Path) -> None:
    app = maak_app(tmp_path / "db")
    async with app.run_test(size=(80, 24)) as pilot:
        scherm = await _open_afspraken(pilot, app)
        koppen = [str(k.render()) for k in scherm.query(".veld-kop")]
        assert koppen == [
            "1. Wijkvraag en doelgroep",
            "2. Beoogde opbrengst voor inwoners",
            "3. Vorm van participatie (ophalen)",
            "4. Doorwerking in het wijkverband",
            "5. Terugkoppeling aan inwoners (verplicht)",
        ]
        # Typen en enter: veld voor veld; enter in het laatste veld bewaart.
        for tekst in AFSPRAKEN:
            await typ(pilot, tekst)
            await pilot.press("enter")
        await wacht(pilot, lambda: isinstance(app.screen, StartScherm))
        assert "De participatieafspraken zijn bewaard." in meldingen(app)

    afspraken = Opslag(tmp_path / "db").wijkverband(WV).afspraken
    assert afspraken.wijkvraag == "Hardrijden in de Kastanjelaan"
    assert afspraken.basisvorm == "Buurtgesprek"
    assert afspraken.mandaat == "Het wijkverband"
    assert afspraken.terugkoppeling_eigenaar == "Anja de Vries"
    assert afspraken.ontbreekt() == []


async def test_afspraken_zonder_terugkoppeling_waarschuwen_en_terug_te_lezen(
    tmp_path: Path,
) -> None:
    app = maak_app(tmp_path / "db")
    async with app.run_test(size=(80, 24)) as pilot:
        await _open_afspraken(pilot, app)
        await typ(pilot, "Eenzaamheid in de flat")
        await pilot.press("ctrl+s")
        await wacht(pilot, lambda: isinstance(app.screen, StartScherm))
        assert any("Nog leeg bij de terugkoppeling" in m and "eigenaar" in m
                   for m in meldingen(app))
        # Opnieuw openen toont wat er bewaard is; escape verandert niets.
        await _open_afspraken(pilot, app)
        veld = app.screen.query_one("#afspraak-wijkvraag", Input)
        assert veld.value == "Eenzaamheid in de flat"
        await typ(pilot, " en daarbuiten")
        await pilot.press("escape")
        await wacht(pilot, lambda: isinstance(app.screen, StartScherm))
    assert Opslag(tmp_path / "db").wijkverband(WV).afspraken.wijkvraag == (
        "Eenzaamheid in de flat"
    )


async def test_afspraken_te_lang_geweigerd_zonder_crash(tmp_path: Path) -> None:
    app = maak_app(tmp_path / "db")
    async with app.run_test(size=(80, 24)) as pilot:
        scherm = await _open_afspraken(pilot, app)
        scherm.query_one("#afspraak-doelgroep", Input).insert_text_at_cursor("x" * 20000)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is scherm
        assert "Doelgroep is 20.000 tekens lang" in _fout(scherm)
        await pilot.press("escape")
        await wacht(pilot, lambda: isinstance(app.screen, StartScherm))
    assert Opslag(tmp_path / "db").wijkverband(WV).afspraken.doelgroep == ""


async def test_statusupdate_stelt_een_volgend_checkmoment_voor_en_bewaart_het(
    tmp_path: Path,
) -> None:
    """Fase 3: een lopende actie waarvan het checkmoment vandaag is, krijgt bij de
    statusupdate een volgend checkmoment voorgesteld (+6 weken); dat staat daarna op schijf."""
    from datetime import date, timedelta

    from textual.widgets import DataTable, Select

    from schermen.formulieren.actie import StatusFormulier

    app = maak_app(tmp_path / "db")
    async with app.run_test(size=(80, 24)) as pilot:
        await begin_vergadering(pilot)
        scherm = app.screen
        await pilot.press("n", "n")
        await wacht(pilot, lambda: app.sessie.vergadering.fase_index == 2)
        tabel = scherm.query_one("#lopend", DataTable)
        await wacht(pilot, lambda: tabel.has_focus)
        await naar_rij(pilot, tabel, "2026-2")
        actie = app.sessie.actie("2026-2")
        assert actie.checkmoment == VANDAAG  # besloten 12-10, +6 weken: vandaag de check
        await pilot.press("s")
        await wacht(pilot, lambda: isinstance(app.screen, StatusFormulier))
        verwacht = VANDAAG + timedelta(weeks=6)
        assert app.screen.query_one("#checkmoment", Input).value == verwacht.strftime(
            "%d-%m-%Y")
        await kies(pilot, app.screen.query_one("#status", Select), "loopt")
        await pilot.press("tab")
        await typ(pilot, "Schouw gelopen, lampen gemeld")
        await pilot.press("enter")
        await wacht(pilot, lambda: app.screen is scherm)
    vers = next(a for a in Opslag(tmp_path / "db").acties() if a.id == "2026-2")
    assert vers.checkmoment == verwacht
    assert vers.status == "loopt" and isinstance(vers.checkmoment, date)
    assert vers.achterstallig(VANDAAG) == []


async def test_buurten_met_inwoners_invullen_en_zien_bij_impact(tmp_path: Path) -> None:
    """Een voorzitter zet de buurten met hun inwonertal in de instellingen (één per regel);
    een verkeerd getal blijft onder het veld staan; het impactscherm rekent ermee."""
    from textual.widgets import TextArea

    from schermen.impact import ImpactScherm

    app = maak_app(tmp_path / "db")
    async with app.run_test(size=(80, 24)) as pilot:
        scherm = await _open_instellingen(pilot, app)
        buurten = scherm.query_one("#buurten", TextArea)
        assert buurten.text == ""
        scherm.query_one("#bewaartermijn", Input).focus()
        await pilot.press("tab")
        assert scherm.focused is buurten
        for regel in ("Molenhoek, 2.400", "Vlietzoom", "Beek, ca 300"):
            await typ(pilot, regel)
            await pilot.press("enter")  # in het tekstvak: een nieuwe regel, niet bewaren
        assert app.screen is scherm
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is scherm
        assert "Regel 3: 'ca 300' is geen aantal inwoners" in _fout(scherm)
        await pilot.press("up", "end", "ctrl+u")
        await typ(pilot, "Beek, 300")
        await pilot.press("ctrl+s")
        await wacht(pilot, lambda: isinstance(app.screen, StartScherm))
        wv = Opslag(tmp_path / "db").wijkverband(WV)
        assert wv.buurten == ["Molenhoek", "Vlietzoom", "Beek"]
        assert wv.inwoners == {"Molenhoek": 2400, "Beek": 300}

        # Opnieuw open: zoals het bewaard is.
        scherm = await _open_instellingen(pilot, app)
        assert scherm.query_one("#buurten", TextArea).text == \
            "Molenhoek, 2400\nVlietzoom\nBeek, 300"
        await pilot.press("escape")
        await wacht(pilot, lambda: isinstance(app.screen, StartScherm))

        await pilot.press("m")
        await wacht(pilot, lambda: isinstance(app.screen, ImpactScherm) and app.screen.impact)
        impactscherm = app.screen
        await pilot.press("2")  # spiegel van de wijk
        tabel = impactscherm.tabellen["Aandeel per buurt"]
        rijen = [list(rij) for rij in zip(*([str(c) for c in k.cells] for k in tabel.columns),
                                          strict=True)]
        # De testgegevens hebben geen signaal met een buurt: 0 per 1.000 waar het inwonertal
        # bekend is, anders onbekend; de rij 'buurt onbekend' heeft geen inwoners.
        assert rijen[:3] == [["Molenhoek", "0", "0%", "2.400", "0"],
                             ["Vlietzoom", "0", "0%", "onbekend", "onbekend"],
                             ["Beek", "0", "0%", "300", "0"]]
        assert rijen[3][0] == "buurt onbekend" and rijen[3][3:] == ["–", "–"]
