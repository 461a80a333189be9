"""De notities van de notulist (issue 10): een paneel náást de fase, de klok blijft in beeld
en loopt door, en alles wordt bewaard terwijl er getypt wordt."""

from __future__ import annotations

from pathlib import Path

import pytest
from schermen_gegevens import Klok, maak_app
from schermen_indeling import in_beeld
from schermen_pilot import begin_vergadering, typ, wacht

from schermen.formulieren.notities import NotitiePaneel
from schermen.klok import FaseKlok
from schermen.vergaderscherm import VergaderScherm
from vergadering.opslag import Opslag


@pytest.mark.parametrize("grootte", [(80, 24), (120, 36)])
async def test_notities_naast_de_fase_en_de_klok_loopt_door(tmp_path: Path, grootte) -> None:
    klok = Klok()
    app = maak_app(tmp_path / "db", klok)
    async with app.run_test(size=grootte) as pilot:
        await begin_vergadering(pilot)
        scherm = app.screen
        await pilot.press("o")
        await wacht(pilot, lambda: bool(scherm.query(NotitiePaneel)))
        paneel = scherm.query_one(NotitiePaneel)
        await wacht(pilot, lambda: paneel.tekstvak.has_focus)
        assert app.screen is scherm, "geen dialoog over de fase"
        faseklok = scherm.query_one(FaseKlok)
        await pilot.pause()
        assert in_beeld(faseklok) and in_beeld(paneel)
        assert in_beeld(scherm.query_one("#ranglijst")), "de fase staat ernaast"
        assert not paneel.region.overlaps(scherm.query_one("#fasen").region)

        await typ(pilot, "Kees komt later")
        # De klok loopt door terwijl de notulist typt (geen hand die de klok ververst).
        voor = faseklok.beeld
        klok.verzet(75)
        await wacht(pilot, lambda: faseklok.beeld != voor)
        assert faseklok.beeld.cijfers != voor.cijfers and in_beeld(faseklok)
        assert app.sessie.vergadering.fasen[0].notities == "Kees komt later"

        # Escape sluit de notities; de focus gaat terug naar de fase.
        await pilot.press("escape")
        assert not paneel.display
        assert scherm.query_one("#ranglijst").has_focus

        # Naar fase 2 en weer open: de notities van fase 2 (leeg), daarna terug.
        await pilot.press("n", "o")
        await wacht(pilot, lambda: paneel.tekstvak.has_focus)
        assert paneel.tekstvak.text == "" and "fase 2" in paneel.titel
        await typ(pilot, "Gemeente belt terug")
        await pilot.press("escape", "v", "o")
        await wacht(pilot, lambda: paneel.tekstvak.has_focus)
        assert paneel.tekstvak.text == "Kees komt later" and "fase 1" in paneel.titel
        assert app.bewaarder.wacht(10)
        vid = app.sessie.vergadering.id
    bewaard = Opslag(tmp_path / "db").vergadering("de-hoven-noord", vid)
    assert [f.notities for f in bewaard.fasen[:2]] == ["Kees komt later", "Gemeente belt terug"]


async def test_notities_blijven_open_bij_een_fasewissel(tmp_path: Path) -> None:
    app = maak_app(tmp_path / "db")
    async with app.run_test(size=(80, 24)) as pilot:
        await begin_vergadering(pilot)
        scherm = app.screen
        assert isinstance(scherm, VergaderScherm)
        await pilot.press("o")
        await wacht(pilot, lambda: bool(scherm.query(NotitiePaneel)))
        paneel = scherm.query_one(NotitiePaneel)
        await typ(pilot, "Fase een")
        # Met de muis terug naar de lijst (de notities blijven open) en n: de notities volgen.
        await pilot.click("#ranglijst", offset=(2, 3))
        assert scherm.query_one("#ranglijst").has_focus and paneel.display
        await pilot.press("n")
        await wacht(pilot, lambda: "fase 2" in paneel.titel)
        assert paneel.display and paneel.tekstvak.text == ""
        assert app.sessie.vergadering.fasen[0].notities == "Fase een"
