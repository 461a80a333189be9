"""De app als geheel: commandopalet, beamer heen en terug met de kloktoetsen, het mapje
na het sluiten."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from schermen_gegevens import VANDAAG, maak_app
from schermen_pilot import begin_vergadering, meldingen, op_startscherm, typ, wacht
from textual.command import CommandPalette

from schermen.beamer import BeamerScherm
from schermen.bevestig import Bevestig
from schermen.start import StartScherm
from schermen.vergaderscherm import VergaderScherm
from vergadering.opslag import Opslag
from vergadering.terugkoppeling import Terugkoppeling


async def test_commandopalet_kent_de_handelingen_van_het_scherm(tmp_path: Path) -> None:
    app = maak_app(tmp_path / "db")
    async with app.run_test(size=(80, 24)) as pilot:
        await begin_vergadering(pilot)
        namen = [naam for naam, _, _ in app.commandos(app.screen)]
        for naam in ("Volgende fase", "Eén minuut erbij", "Signaal toevoegen",
                     "Top 5 vastleggen", "Notities bij deze fase", "Opnieuw opslaan"):
            assert naam in namen
        await pilot.press("ctrl+p")
        await wacht(pilot, lambda: isinstance(app.screen, CommandPalette))
        await typ(pilot, "volgende fase")
        await pilot.pause(0.3)
        await pilot.press("down", "enter")
        await wacht(pilot, lambda: isinstance(app.screen, VergaderScherm))
        await wacht(pilot, lambda: app.sessie.vergadering.fase_index == 1)
        # Nu staan de handelingen van fase 2 in het palet, die van fase 1 niet meer.
        namen = [naam for naam, _, _ in app.commandos(app.screen)]
        assert "Signaal wegen" in namen and "Top 5 vastleggen" not in namen


async def test_beamer_heen_en_terug_met_de_kloktoetsen(tmp_path: Path) -> None:
    app = maak_app(tmp_path / "db")
    async with app.run_test(size=(80, 24)) as pilot:
        await begin_vergadering(pilot)
        await pilot.press("b")
        await wacht(pilot, lambda: isinstance(app.screen, BeamerScherm))
        await pilot.press("n")  # op de beamer: volgende fase, via de app
        assert app.sessie.vergadering.fase_index == 1
        await pilot.press("plus", "space")
        assert app.sessie.vergadering.fasen[1].extra_s == 60
        assert not app.sessie.agendaklok.loopt
        await pilot.press("b")
        await wacht(pilot, lambda: isinstance(app.screen, VergaderScherm))
        assert app.screen.query_one("#fasen").current == "fase-acties"
        assert app.bewaarder.wacht(10)
    bewaard = Opslag(tmp_path / "db").vergadering("de-hoven-noord", app.sessie.vergadering.id)
    assert bewaard.fase_index == 1 and bewaard.fasen[1].extra_s == 60


async def test_na_het_sluiten_het_mapje(tmp_path: Path) -> None:
    app = maak_app(tmp_path / "db", mapjes=tmp_path / "mapjes")
    async with app.run_test(size=(80, 24)) as pilot:
        await begin_vergadering(pilot)
        sessie = app.sessie
        sessie.bewaar_terugkoppeling(Terugkoppeling(
            gehoord="Verkeer", volgende_update=VANDAAG + timedelta(weeks=6),
            kanaal="nieuwsbrief", eigenaar="Anja de Vries"))
        await pilot.press("n", "n")
        await pilot.press("x")
        await wacht(pilot, lambda: isinstance(app.screen, Bevestig))
        await pilot.press("j")  # sluiten
        await wacht(pilot, lambda: app.sessie is None)
        await wacht(pilot, lambda: isinstance(app.screen, Bevestig))
        assert "mapje" in app.screen.vraag
        await pilot.press("j")  # het mapje maken
        await wacht(pilot, lambda: any("Het mapje staat in" in m for m in meldingen(app)),
                    keer=1500)
        await wacht(pilot, lambda: isinstance(app.screen, StartScherm))
    docx = list((tmp_path / "mapjes").rglob("*.docx"))
    assert len(docx) >= 3


async def test_groot_aantal_stippen_typen(tmp_path: Path) -> None:
    from schermen.formulieren.basis import TekstVraag

    app = maak_app(tmp_path / "db")
    async with app.run_test(size=(80, 24)) as pilot:
        await begin_vergadering(pilot)  # 6 aanwezig × 3 = 18 stippen
        lijst = app.screen.query_one("#ranglijst")
        await pilot.press("down", "2")  # een ander signaal heeft er al 2
        await pilot.press("down", "enter")  # de rij met 2 staat nu bovenaan
        await wacht(pilot, lambda: isinstance(app.screen, TekstVraag))
        assert "hoogstens 16" in app.screen.hint
        await pilot.press("ctrl+u", "1", "7", "enter")
        assert isinstance(app.screen, TekstVraag), "17 past niet meer"
        await pilot.press("ctrl+u", "1", "6", "enter")
        await wacht(pilot, lambda: isinstance(app.screen, VergaderScherm))
        assert sorted(app.sessie.vergadering.stippen.values()) == [2, 16]
        assert str(lijst.get_row(lijst.sleutel_op(0))[1]) == "16"


async def test_commandopalet_en_keuzemenu_spreken_nederlands(tmp_path):
    """Geen 'Search for commands…', 'Quit', 'Theme', 'No matches found' of 'Dismiss menu':
    het palet toont onze handelingen (ook stoppen), en de voetregel zegt hoe je stopt."""
    from textual.widgets import Input

    from schermen.commandos import NIETS_GEVONDEN, ZOEKREGEL
    from schermen.formulieren.basis import Keuzelijst, Keuzemenu

    app = maak_app(tmp_path / "db")
    async with app.run_test(size=(100, 30)) as pilot:
        await op_startscherm(pilot)
        voetregel = " ".join(b.binding.description for b in app.screen.active_bindings.values()
                             if b.binding.show)
        assert "Stoppen" in voetregel
        await pilot.press("ctrl+p")
        await wacht(pilot, lambda: isinstance(app.screen, CommandPalette))
        assert app.screen.query_one(Input).placeholder == ZOEKREGEL
        await wacht(pilot, lambda: app.screen.query_one("CommandList").option_count > 0)
        opties = app.screen.query_one("CommandList")
        namen = [str(opties.get_option_at_index(i).prompt) for i in range(opties.option_count)]
        assert any("Stoppen" in n for n in namen)
        for engels in ("Quit", "Theme", "Keys", "Screenshot", "Maximize"):
            assert not any(n.startswith(engels) for n in namen), namen
        await pilot.press(*"xyzzy")
        await wacht(pilot, lambda: any(NIETS_GEVONDEN in str(opties.get_option_at_index(i).prompt)
                                       for i in range(opties.option_count)), keer=600)
        assert all(b.binding.description != "Exit the command palette"
                   for b in app.screen.active_bindings.values())
        await pilot.press("escape")
        if isinstance(app.screen, CommandPalette):  # de eerste escape wist de zoekregel
            await pilot.press("escape")
        await wacht(pilot, lambda: isinstance(app.screen, StartScherm))
        await pilot.press("i")  # de instellingen hebben een keuzelijst (de meerderheid)
        await wacht(pilot, lambda: app.screen.query(Keuzelijst))
        app.screen.query(Keuzelijst).first().focus()
        await pilot.press("enter")
        await wacht(pilot, lambda: app.screen.query_one(Keuzemenu).has_focus)
        beschrijvingen = [b.binding.description for b in app.screen.active_bindings.values()]
        assert "Menu sluiten" in beschrijvingen and "Dismiss menu" not in beschrijvingen
