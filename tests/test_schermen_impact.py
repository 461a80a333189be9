"""Het impactscherm en de impactregels op het startscherm (issue 13), met Pilot."""

from __future__ import annotations

from pathlib import Path

from schermen_gegevens import VANDAAG, maak_app
from schermen_pilot import op_startscherm, wacht
from textual.widgets import DataTable, Static, TabbedContent

from schermen.impact import ImpactScherm
from schermen.start import StartScherm
from vergadering import impact
from vergadering.opslag import Opslag


def _cellen(scherm: ImpactScherm, kop: str) -> list[list[str]]:
    tabel = next(t for t in scherm.query(DataTable) if t.border_title == kop)
    return [[str(c) for c in tabel.get_row_at(i)] for i in range(tabel.row_count)]


async def test_startscherm_toont_een_regel_per_pijn(tmp_path: Path):
    app = maak_app(tmp_path / "db")
    async with app.run_test(size=(80, 24)) as pilot:
        await op_startscherm(pilot)
        regels = str(app.screen.impactregels)
        for pijn in ("Bereik:", "Representativiteit:", "Doorwerking:", "Terugkoppeling:"):
            assert pijn in regels
        # Acht signalen van 19 bewoners in de testgegevens, alle zonder buurt.
        assert "Bereik: 8 signalen van 19 bewoners" in regels
        assert "let op: bij 100% is de buurt onbekend" in regels
        overzicht = str(app.screen.query_one("#overzicht", Static).render())
        assert "Impact, laatste 12 maanden (m):" in overzicht


async def test_impactscherm_met_toets_m_en_cijfers_in_tabellen(tmp_path: Path):
    app = maak_app(tmp_path / "db")
    async with app.run_test(size=(80, 24)) as pilot:
        await op_startscherm(pilot)
        await pilot.press("m")
        await wacht(pilot, lambda: isinstance(app.screen, ImpactScherm) and app.screen.impact)
        scherm = app.screen
        [verwacht] = impact.impact(Opslag(tmp_path / "db"), VANDAAG, "12m", "de-hoven-noord")
        # Elke grafiek heeft zijn getallen ook in een tabel.
        per_maand = _cellen(scherm, "Per maand")
        assert ["buurt onbekend", "8"] in _cellen(scherm, "Per buurt")
        assert [[m, str(n), str(b)] for m, n, b in verwacht.bereik.per_maand] == per_maand
        # De andere tabs worden pas gevuld als ze gekozen worden.
        assert not [t for t in scherm.query(DataTable) if t.border_title == "Trechter"]
        scherm.query_one(TabbedContent).active = "tab-doorwerking"
        await wacht(pilot, lambda: any(t.border_title == "Trechter"
                                       for t in scherm.query(DataTable)))
        trechter = _cellen(scherm, "Trechter")
        assert [int(r[1]) for r in trechter] == [a.aantal for _, a in verwacht.doorwerking.trechter]

        # Andere periode: dit jaar.
        await pilot.press("p")
        await wacht(pilot, lambda: scherm.impact.periode.naam == "2026")
        await pilot.press("escape")
        await wacht(pilot, lambda: isinstance(app.screen, StartScherm))


async def test_impactscherm_via_het_commandopalet(tmp_path: Path):
    app = maak_app(tmp_path / "db")
    async with app.run_test(size=(80, 24)) as pilot:
        await op_startscherm(pilot)
        namen = [naam for naam, _, _ in app.commandos(app.screen)]
        assert any(naam.startswith("Impact") for naam in namen)
        await pilot.press("ctrl+p")
        await pilot.press(*"impact")
        await pilot.press("enter")
        await wacht(pilot, lambda: isinstance(app.screen, ImpactScherm))
