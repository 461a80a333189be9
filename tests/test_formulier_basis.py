"""De gedeelde basis van de formulieren (issue 10): in elk formulier staat een fout onder
het veld waar ze over gaat, het formulier schuift ernaartoe en de focus gaat erheen. Ook in
formulieren die er zelf niets voor doen (een getal of datum uit ``lees_getal``/``lees_datum``)."""

from __future__ import annotations

from pathlib import Path

from schermen_gegevens import maak_app
from schermen_indeling import getoonde_fout, in_beeld
from schermen_pilot import begin_vergadering, op_startscherm, typ, wacht, wis
from textual.widgets import Input

from schermen.formulieren.basis import TekstVraag
from schermen.formulieren.vergadering import StartFormulier


def _fout_onder(formulier, selector: str) -> str:
    """De melding direct onder het veld (en alleen daar)."""
    veld = formulier.query_one(selector)
    fout = getoonde_fout(formulier)
    assert fout is not None
    assert fout.has_class("veld-fout") and fout.parent is veld.parent
    assert fout.parent.children.index(fout) == fout.parent.children.index(veld) + 1
    assert veld.has_focus and in_beeld(fout)
    return str(fout.render())


async def test_datum_in_het_startformulier(tmp_path: Path) -> None:
    app = maak_app(tmp_path / "db")
    async with app.run_test(size=(80, 24)) as pilot:
        await op_startscherm(pilot)
        await pilot.press("s")
        await wacht(pilot, lambda: isinstance(app.screen, StartFormulier))
        formulier = app.screen
        await pilot.press("tab")  # naar de plaats: de fout haalt de focus terug
        await typ(pilot, "Buurthuis")
        formulier.query_one("#datum", Input).value = "31-02-2026"
        await pilot.press("ctrl+s")
        assert "datum" in _fout_onder(formulier, "#datum").lower()
        # Verbeteren haalt de melding weg; daarna gaat het formulier dicht.
        await wis(pilot)
        assert getoonde_fout(formulier) is None
        await typ(pilot, "23-11-2026")
        await pilot.press("ctrl+s")
        await wacht(pilot, lambda: app.screen is not formulier)


async def test_getal_in_een_vraag(tmp_path: Path) -> None:
    app = maak_app(tmp_path / "db")
    async with app.run_test(size=(80, 24)) as pilot:
        await begin_vergadering(pilot)
        await pilot.press("enter")  # stippen typen voor het signaal onder de cursor
        await wacht(pilot, lambda: isinstance(app.screen, TekstVraag))
        vraag = app.screen
        await typ(pilot, "99")
        await pilot.press("enter")
        assert app.screen is vraag
        assert "tot en met" in _fout_onder(vraag, "#vraag")
