"""Instellingen van een wijkverband (tijd per fase, stippen, acties, quorum, meerderheid),
een aangenomen actie terugtrekken in fase 2, en de participatieafspraken: met het toetsenbord
op 80×24, en daarna met een nieuwe Opslag gecontroleerd op schijf."""

from __future__ import annotations

from pathlib import Path

from schermen_gegevens import VANDAAG, Klok, maak_opslag
from schermen_pilot import kies, meldingen, typ, wacht, wis
from textual.widgets import Input, Static

from schermen.app import VergaderingApp
from schermen.dialogen import InstellingenFormulier, StartFormulier
from schermen.start import StartScherm
from schermen.vergaderscherm import VergaderScherm
from vergadering.opslag import Opslag

WV = "de-hoven-noord"


async def _startscherm(pilot, app: VergaderingApp) -> None:
    await wacht(pilot, lambda: isinstance(app.screen, StartScherm) and app.screen.overzicht)


async def _open_instellingen(pilot, app: VergaderingApp) -> InstellingenFormulier:
    await _startscherm(pilot, app)
    await pilot.press("i")
    await wacht(pilot, lambda: isinstance(app.screen, InstellingenFormulier))
    return app.screen  # type: ignore[return-value]


async def _vul(pilot, tekst: str) -> None:
    """Vervang de inhoud van het veld met de focus en ga met enter naar het volgende."""
    await wis(pilot)
    await typ(pilot, tekst)
    await pilot.press("enter")


def _fout(scherm) -> str:
    return str(scherm.query_one(".dialoog-fout", Static).render())


async def test_instellingen_bewaren_en_nieuwe_vergadering_gebruikt_ze(tmp_path: Path) -> None:
    maak_opslag(tmp_path / "db")
    app = VergaderingApp(Opslag(tmp_path / "db"), klok=Klok(), vandaag=VANDAAG)
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
        await wacht(pilot, lambda: app.screen.overzicht is not None)
        await pilot.press("s")
        await wacht(pilot, lambda: isinstance(app.screen, StartFormulier))
        await pilot.press("ctrl+s")
        await wacht(pilot, lambda: isinstance(app.screen, VergaderScherm))
        gepland = [f.gepland_s for f in app.sessie.vergadering.fasen]
        assert gepland == [8 * 60, 12 * 60, 6 * 60]
        assert app.sessie.wijkverband.max_acties == 3


async def test_ongeldige_instellingen_geweigerd_met_de_zin_van_het_domein(
    tmp_path: Path,
) -> None:
    maak_opslag(tmp_path / "db")
    app = VergaderingApp(Opslag(tmp_path / "db"), klok=Klok(), vandaag=VANDAAG)
    async with app.run_test(size=(80, 24)) as pilot:
        scherm = await _open_instellingen(pilot, app)
        gevallen = [
            ("#duur-signalen", "0", "De duur van 'signalen' moet tussen 1 en 120 minuten"),
            ("#duur-acties", "tien", "De duur van 'acties' moet tussen 1 en 120 minuten"),
            ("#duur-terugkoppelen", "9" * 5000, "De duur van 'terugkoppelen' moet tussen"),
            ("#stippen", "25", "Het aantal stippen per lid moet tussen 1 en 20 liggen."),
            ("#max-acties", "-1", "Het aantal acties per ronde moet tussen 1 en 10 liggen."),
            ("#quorum-aantal", "0", "Het quorum is een aantal leden van 1 of meer"),
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


async def test_quorum_zetten_en_weer_leeg_is_de_standaard(tmp_path: Path) -> None:
    maak_opslag(tmp_path / "db")
    app = VergaderingApp(Opslag(tmp_path / "db"), klok=Klok(), vandaag=VANDAAG)
    async with app.run_test(size=(80, 24)) as pilot:
        scherm = await _open_instellingen(pilot, app)
        scherm.query_one("#quorum-aantal", Input).focus()
        await pilot.pause()
        await typ(pilot, "3")
        await pilot.press("enter")  # het laatste invoerveld: enter bewaart
        await wacht(pilot, lambda: isinstance(app.screen, StartScherm))
        assert Opslag(tmp_path / "db").wijkverband(WV).quorum == 3

        scherm = await _open_instellingen(pilot, app)
        veld = scherm.query_one("#quorum-aantal", Input)
        assert veld.value == "3"
        veld.focus()
        await pilot.pause()
        await wis(pilot)
        await pilot.press("ctrl+s")
        await wacht(pilot, lambda: isinstance(app.screen, StartScherm))
    wv = Opslag(tmp_path / "db").wijkverband(WV)
    assert wv.quorum is None and wv.benodigd_quorum() == 4


async def test_instellingen_in_het_commandopalet(tmp_path: Path) -> None:
    maak_opslag(tmp_path / "db")
    app = VergaderingApp(Opslag(tmp_path / "db"), klok=Klok(), vandaag=VANDAAG)
    async with app.run_test(size=(80, 24)) as pilot:
        await _startscherm(pilot, app)
        namen = [naam for naam, _, _ in app.commandos(app.screen)]
        assert "Instellingen van de vergadering" in namen
