"""Het signaalformulier (issue 10): een signaal is 'kort en concreet'. Boven zo'n 280 tekens
een vriendelijke hint bij het veld, zonder te weigeren."""

from __future__ import annotations

from pathlib import Path

from schermen_gegevens import maak_app
from schermen_indeling import in_beeld
from schermen_pilot import begin_vergadering, plak, typ, wacht
from textual.widgets import Static

from schermen.formulieren.signaal import KORT, SignaalFormulier, lengtehint


def test_lengtehint() -> None:
    assert "kort en concreet" in lengtehint(0).lower()
    assert lengtehint(250).startswith("250 van zo'n 280 tekens")
    assert lengtehint(KORT + 1).startswith("281 tekens: lang voor een signaal")


async def test_lang_signaal_krijgt_een_hint_en_wordt_toch_bewaard(tmp_path: Path) -> None:
    app = maak_app(tmp_path / "db")
    async with app.run_test(size=(80, 24)) as pilot:
        await begin_vergadering(pilot)
        scherm = app.screen
        await pilot.press("a")
        await wacht(pilot, lambda: isinstance(app.screen, SignaalFormulier))
        formulier = app.screen
        hint = formulier.query_one("#lengte", Static)
        await typ(pilot, "Losse tegels")
        assert "Kort en concreet" in str(hint.render()) and not hint.has_class("lang")
        lang = "Losse tegels op de stoep bij de bakker; " * 8  # 320 tekens
        await plak(pilot, lang[len("Losse tegels"):])
        await pilot.pause()
        tekst = str(hint.render())
        assert tekst.startswith(f"{len(lang.strip())} tekens") and "korter" in tekst
        assert hint.has_class("lang") and in_beeld(hint)
        await pilot.press("ctrl+s")
        await wacht(pilot, lambda: app.screen is scherm)
        assert app.sessie.signalen[-1].tekst == lang.strip()
