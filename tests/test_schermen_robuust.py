"""Robuust: opslagfouten tijdens de vergadering, vijandige invoer, een te klein venster."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest
from filelock import FileLock
from schermen_gegevens import VANDAAG, Klok, maak_opslag
from schermen_pilot import begin_vergadering, meldingen, naar_rij, plak, typ, wacht
from textual.widgets import Input, TextArea

from schermen.app import VergaderingApp
from schermen.bevestig import Bevestig
from schermen.formulieren.notities import NotitiePaneel
from schermen.formulieren.signaal import SignaalFormulier
from schermen.formulieren.wijkverband import WijkverbandFormulier
from schermen.start import StartScherm
from schermen.te_klein import TeKleinScherm
from schermen.vergaderscherm import VergaderScherm
from vergadering.opslag import Opslag, bestand

KASTANJE = "2611-s000"




@pytest.fixture
def map_(tmp_path: Path) -> Path:
    maak_opslag(tmp_path / "db")
    return tmp_path / "db"


async def test_volle_schijf_tijdens_de_vergadering(map_: Path, monkeypatch) -> None:
    app = VergaderingApp(Opslag(map_), klok=Klok(), vandaag=VANDAAG)
    async with app.run_test(size=(80, 24)) as pilot:
        await begin_vergadering(pilot)
        assert app.bewaarder.wacht(10)

        def vol(fd: int, inhoud: bytes) -> None:
            raise OSError(errno.ENOSPC, "No space left on device")

        monkeypatch.setattr(bestand, "_schrijf_alles", vol)
        tabel = app.screen.query_one("#ranglijst")
        await naar_rij(pilot, tabel, KASTANJE)
        await pilot.press("3")
        assert app.bewaarder.wacht(10)
        await pilot.pause()
        # De stip staat in het geheugen en op het scherm; de fout is gemeld.
        assert app.sessie.vergadering.stippen == {KASTANJE: 3}
        assert str(tabel.get_row(KASTANJE)[1]) == "3"
        assert app.bewaarder.onopgeslagen == 1
        assert any("schijf is vol" in m for m in meldingen(app))
        assert "NIET OPGESLAGEN" in app.sub_title
        assert Opslag(map_).vergadering("de-hoven-noord", app.sessie.vergadering.id).stippen == {}

        # Afsluiten met iets dat niet bewaard is: eerst een vraag.
        await pilot.press("ctrl+q")
        await wacht(pilot, lambda: isinstance(app.screen, Bevestig))
        await pilot.press("n")

        # Ruimte vrijgemaakt: ctrl+s bewaart alsnog.
        monkeypatch.undo()
        await pilot.press("ctrl+s")
        await wacht(pilot, lambda: any("Opgeslagen" in m for m in meldingen(app)))
        assert app.bewaarder.onopgeslagen == 0 and app.sub_title == ""
        bewaard = Opslag(map_).vergadering("de-hoven-noord", app.sessie.vergadering.id)
        assert bewaard.stippen == {KASTANJE: 3}


async def test_opslag_bezet_door_een_ander_programma(map_: Path) -> None:
    app = VergaderingApp(Opslag(map_, wachttijd=0.2), klok=Klok(), vandaag=VANDAAG)
    async with app.run_test(size=(80, 24)) as pilot:
        await begin_vergadering(pilot)
        assert app.bewaarder.wacht(10)
        slot = FileLock(map_ / ".schrijfslot")
        slot.acquire()
        try:
            await pilot.press("a")
            await wacht(pilot, lambda: isinstance(app.screen, SignaalFormulier))
            await typ(pilot, "Losliggende stoeptegels")
            await pilot.press("ctrl+s")
            await wacht(pilot, lambda: isinstance(app.screen, VergaderScherm))
            assert app.bewaarder.wacht(10)
            await pilot.pause()
            assert any("schrijft nu" in m for m in meldingen(app))
            assert any(s.tekst == "Losliggende stoeptegels" for s in app.sessie.signalen)
        finally:
            slot.release()
        await pilot.press("ctrl+s")
        await wacht(pilot, lambda: any("Opgeslagen" in m for m in meldingen(app)))
        assert app.bewaarder.onopgeslagen == 0
    teksten = [s.tekst for s in Opslag(map_).signalen("de-hoven-noord")]
    assert "Losliggende stoeptegels" in teksten


VIJANDIG = "[bold red]rood[/] \x00\x07\x1b[2J 🐝🏠 ‮omgekeerd‬ " + "\u0301" * 3


async def test_vijandige_invoer_in_signaal_en_notities(map_: Path) -> None:
    app = VergaderingApp(Opslag(map_), klok=Klok(), vandaag=VANDAAG)
    async with app.run_test(size=(80, 24)) as pilot:
        await begin_vergadering(pilot)
        scherm = app.screen
        # Te lang: geweigerd met een reden; de dialoog blijft open met de tekst erin.
        await pilot.press("a")
        await wacht(pilot, lambda: isinstance(app.screen, SignaalFormulier))
        await plak(pilot, "x" * 10_001)
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, SignaalFormulier)
        assert "hoogstens 10.000" in str(app.screen.query_one(".dialoog-fout").render())
        assert len(app.screen.query_one("#tekst", Input).value) == 10_001
        # 10.000 tekens met stuurtekens, emoji en opmaakcodes: de stuurtekens (\x00, bel,
        # escape) gaan er bij het plakken uit, de rest wordt bewaard zoals geplakt.
        app.screen.query_one("#tekst", Input).value = ""
        await plak(pilot, VIJANDIG + "y" * (10_000 - len(VIJANDIG)))
        await pilot.press("ctrl+s")
        await wacht(pilot, lambda: app.screen is scherm)
        nieuw = app.sessie.signalen[-1]
        assert nieuw.tekst.startswith("[bold red]rood[/]") and len(nieuw.tekst) == 10_000 - 3
        assert not any(t in nieuw.tekst for t in "\x00\x07\x1b")
        assert "🐝🏠" in nieuw.tekst and "\u0301" in nieuw.tekst
        await pilot.pause()
        tabel = scherm.query_one("#ranglijst")
        assert "[bold red]rood[/]" in str(tabel.get_row(nieuw.id)[3])

        # Notities: alles mag, en wordt bewaard terwijl er getypt wordt.
        await pilot.press("o")
        await wacht(pilot, lambda: bool(scherm.query(NotitiePaneel)))
        scherm.query_one(NotitiePaneel).query_one(TextArea).insert(VIJANDIG * 100)
        await pilot.pause()
        await pilot.press("escape")
        await wacht(pilot, lambda: not scherm.query_one(NotitiePaneel).display)
        assert app.bewaarder.wacht(10)
        vid = app.sessie.vergadering.id
    opslag = Opslag(map_)
    assert opslag.vergadering("de-hoven-noord", vid).fasen[0].notities == VIJANDIG * 100
    assert any(s.tekst == nieuw.tekst for s in opslag.signalen("de-hoven-noord"))


async def test_wijkverband_maken_en_foute_invoer(tmp_path: Path) -> None:
    app = VergaderingApp(Opslag(tmp_path / "leeg"), klok=Klok(), vandaag=VANDAAG)
    async with app.run_test(size=(80, 24)) as pilot:
        await wacht(pilot, lambda: isinstance(app.screen, StartScherm))
        assert "nog geen wijkverband" in str(app.screen.query_one("#overzicht").render())
        await pilot.press("n")
        await wacht(pilot, lambda: isinstance(app.screen, WijkverbandFormulier))
        formulier = app.screen
        await pilot.press("ctrl+s")  # alles leeg
        assert isinstance(app.screen, WijkverbandFormulier)
        await typ(pilot, "Molenwijk")
        await pilot.press("tab")
        leden = formulier.query_one("#leden", TextArea)
        assert leden.has_focus
        leden.insert("Anja, voorzitter\nBram, koning\n")
        await pilot.press("ctrl+s")
        assert "koning" in str(formulier.query_one(".dialoog-fout").render())
        leden.text = (
            "Anja, voorzitter\nBram, notulist\nWim, gemeente, Gemeente\n"
            "Esra, bewoner, , geen stemrecht"
        )
        await pilot.press("tab")
        await typ(pilot, "Woonstede")
        await pilot.press("tab")
        await typ(pilot, "verkeer, groen")
        await pilot.press("ctrl+s")
        await wacht(pilot, lambda: isinstance(app.screen, StartScherm))
        await wacht(pilot, lambda: app.screen.overzicht is not None)
    wv = Opslag(tmp_path / "leeg").wijkverband("Molenwijk")
    assert [(lid.naam, lid.rol, lid.stemrecht) for lid in wv.leden] == [
        ("Anja", "voorzitter", True), ("Bram", "notulist", True), ("Wim", "gemeente", True),
        ("Esra", "bewoner", False)]
    assert wv.leden[2].organisatie == "Gemeente"
    assert wv.partners == ["Woonstede"] and wv.themas == ["verkeer", "groen"]


async def test_venster_te_klein(map_: Path) -> None:
    app = VergaderingApp(Opslag(map_), klok=Klok(), vandaag=VANDAAG)
    async with app.run_test(size=(80, 24)) as pilot:
        await begin_vergadering(pilot)
        await pilot.resize_terminal(60, 20)
        await wacht(pilot, lambda: isinstance(app.screen, TeKleinScherm))
        await pilot.press("n")  # geen toetsen naar de vergadering zolang het te klein is
        assert app.sessie.vergadering.fase_index == 0
        await pilot.resize_terminal(80, 24)
        await wacht(pilot, lambda: isinstance(app.screen, VergaderScherm))
        await pilot.press("n")
        assert app.sessie.vergadering.fase_index == 1
