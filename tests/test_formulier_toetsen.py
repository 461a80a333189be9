"""Snelle toetsen in een formulier (issue 10): in tmux gaf '5 enter 5 enter' snel achter
elkaar '55' in het eerste veld. Geen toets mag verloren gaan of in het verkeerde veld landen.

Een terminal levert snelle toetsen in één keer af; ``snel`` doet dat na: alle toetsen gaan
achter elkaar naar de app, zonder te wachten tot de vorige verwerkt is."""

from __future__ import annotations

from pathlib import Path

from schermen_gegevens import maak_app
from schermen_pilot import begin_vergadering, wacht
from textual import events
from textual.widgets import Input

from schermen.formulieren.signaal import SignaalFormulier
from schermen.formulieren.stemming import StemmingFormulier
from schermen.vergaderscherm import VergaderScherm

TOP5 = ["2611-s000", "2611-s001", "2611-s002", "2611-s003", "2611-s005"]


async def snel(pilot, *toetsen: str) -> None:
    """Stuur toetsen zoals een terminal ze levert: allemaal tegelijk, daarna pas wachten."""
    app = pilot.app
    for toets in toetsen:
        gebeurtenis = events.Key(toets, toets if len(toets) == 1 else None)
        gebeurtenis.set_sender(app)
        app._driver.send_message(gebeurtenis)
    await pilot.pause()
    await pilot._wait_for_screen()


async def _stemming(pilot) -> StemmingFormulier:
    app = pilot.app
    await begin_vergadering(pilot)
    app.sessie.leg_top5_vast(TOP5)
    await pilot.press("n", "s")
    await wacht(pilot, lambda: isinstance(app.screen, StemmingFormulier))
    await pilot.press(*"Borden", "tab", "tab")  # voorbij de stemwijze, in 'Voor'
    assert app.focused is app.screen.query_one("#voor")
    return app.screen


def _getallen(formulier) -> list[str]:
    return [formulier.query_one(f"#{v}", Input).value for v in ("voor", "tegen", "onthouding")]


async def test_pilot_vijf_enter_vijf_enter(tmp_path: Path) -> None:
    app = maak_app(tmp_path / "db")
    async with app.run_test(size=(80, 24)) as pilot:
        formulier = await _stemming(pilot)
        await pilot.press("5", "enter", "5", "enter")
        assert _getallen(formulier) == ["5", "5", "0"]
        assert app.focused is formulier.query_one("#onthouding")


async def test_snel_als_in_een_terminal(tmp_path: Path) -> None:
    app = maak_app(tmp_path / "db")
    async with app.run_test(size=(80, 24)) as pilot:
        formulier = await _stemming(pilot)
        await snel(pilot, "5", "enter", "5", "enter", "1")
        assert _getallen(formulier) == ["5", "5", "1"]
        # Terug met shift+tab en snel overtypen: het voorstel in het veld wordt vervangen.
        await snel(pilot, "shift+tab", "4", "tab", "2")
        assert _getallen(formulier) == ["5", "4", "2"]
        # Wissen en typen: de backspace komt vóór de letter erna (niet '23' en dan wissen).
        await snel(pilot, "3", "backspace", "backspace", "0", "left", "1")
        assert _getallen(formulier) == ["5", "4", "10"]


async def test_snel_typen_en_meteen_bewaren(tmp_path: Path) -> None:
    """Ctrl+s vlak na de laatste letter: die letter komt nog mee in wat bewaard wordt."""
    app = maak_app(tmp_path / "db")
    async with app.run_test(size=(80, 24)) as pilot:
        await begin_vergadering(pilot)
        scherm = app.screen
        await pilot.press("a")
        await wacht(pilot, lambda: isinstance(app.screen, SignaalFormulier))
        await snel(pilot, *"Losse tegels", "enter", "3", "ctrl+s")
        await wacht(pilot, lambda: app.screen is scherm)
        nieuw = app.sessie.signalen[-1]
        assert (nieuw.tekst, nieuw.aantal) == ("Losse tegels", 3)
        assert isinstance(app.screen, VergaderScherm)


async def test_typen_meteen_na_de_toets_die_het_formulier_opent(tmp_path: Path) -> None:
    """'a' en meteen de tekst, zoals een notulist typt: de letters kwamen binnen terwijl het
    vergaderscherm nog vooraan stond en gingen verloren, en de spatie pauzeerde de klok. Nu
    staat de hele tekst in het eerste veld en loopt de klok door."""
    app = maak_app(tmp_path / "db")
    async with app.run_test(size=(80, 24)) as pilot:
        await begin_vergadering(pilot)
        klok = app.sessie.agendaklok
        assert klok.loopt
        fase = app.sessie.vergadering.fase_index
        await snel(pilot, "a", *"Bankje kapot bij de speeltuin")
        await wacht(pilot, lambda: isinstance(app.screen, SignaalFormulier))
        formulier = app.screen
        await wacht(pilot, lambda: formulier.query_one("#tekst", Input).value
                    == "Bankje kapot bij de speeltuin")
        assert klok.loopt  # geen spatie naar de klok
        assert app.sessie.vergadering.fase_index == fase  # geen 'n' naar de volgende fase
        assert [type(s).__name__ for s in app.screen_stack][-2:] == [
            "VergaderScherm", "SignaalFormulier"]
