"""Het opstarten: het startscherm met de gegevens, en s zodra die er zijn (issue 8)."""

from __future__ import annotations

import threading
from concurrent.futures import Future
from pathlib import Path

from rich.text import Text
from schermen_gegevens import maak_app
from schermen_pilot import meldingen, wacht
from textual.widgets import Footer, Static

import schermen.app as app_module
from schermen.formulieren.vergadering import StartFormulier
from schermen.start import StartScherm
from schermen.vergaderscherm import VergaderScherm


def _overzichtstekst(app) -> str:
    return str(app.screen.query_one("#overzicht", Static).render())


async def test_overzicht_met_gegevens_en_meteen_s(tmp_path: Path) -> None:
    """Zodra het overzicht (met de aantallen) in beeld is, opent s het startformulier; de
    vergadering krijgt de open signalen en acties."""
    app = maak_app(tmp_path / "db")
    async with app.run_test(size=(80, 24)) as pilot:
        await wacht(pilot, lambda: "7 nieuwe signalen" in _overzichtstekst(app))
        tekst = _overzichtstekst(app)
        assert "1 geparkeerd signaal komt weer aan bod." in tekst
        assert "Er staan 2 acties nog open" in tekst
        assert "Druk s om een vergadering te starten." in tekst
        await pilot.press("s")
        await wacht(pilot, lambda: isinstance(app.screen, StartFormulier))
        assert not any("Even geduld" in m for m in meldingen(app))
        await pilot.press("ctrl+s")
        await wacht(pilot, lambda: isinstance(app.screen, VergaderScherm))
        sessie = app.sessie
        assert sessie is not None
        assert sorted(s.id for s in sessie.signalen if s.open) == sorted(
            [f"2611-s{i:03d}" for i in range(7)] + ["2610-park"])
        assert [a.nummer for a in sessie.lopende_acties()] == [1, 2]


def _meteen(werk, naam: str) -> Future:
    toekomst: Future = Future()
    toekomst.set_result(werk())
    return toekomst


async def test_gegevens_al_in_het_eerste_beeld(tmp_path: Path, monkeypatch) -> None:
    """Is het lezen klaar voordat het startscherm er staat (de gewone gang: milliseconden
    uit de index), dan staat het overzicht er meteen, zonder 'Even geduld'."""
    monkeypatch.setattr(app_module, "in_draad", _meteen)
    app = maak_app(tmp_path / "db")
    getoond: list[str] = []
    echt = StartScherm._toon_tekst

    def toon(scherm, kop: str, tekst: str) -> None:
        getoond.append(tekst)
        echt(scherm, kop, tekst)

    monkeypatch.setattr(StartScherm, "_toon_tekst", toon)
    async with app.run_test(size=(80, 24)):
        assert isinstance(app.screen, StartScherm) and app.screen.overzicht is not None
        assert not any("Even geduld" in t for t in getoond)
        assert "7 nieuwe signalen" in _overzichtstekst(app)


async def test_s_wacht_tot_de_gegevens_er_zijn(tmp_path: Path, monkeypatch) -> None:
    """Zolang het lezen bezig is, zegt s dat het even duurt; daarna werkt s meteen."""
    los = threading.Event()
    echt = app_module.VergaderingApp._lees_start

    def traag(self):
        assert los.wait(10)
        return echt(self)

    monkeypatch.setattr(app_module.VergaderingApp, "_lees_start", traag)
    app = maak_app(tmp_path / "db")
    async with app.run_test(size=(80, 24)) as pilot:
        assert "Even geduld" in _overzichtstekst(app)
        await pilot.press("s")
        assert not isinstance(app.screen, StartFormulier)
        los.set()
        await wacht(pilot, lambda: "7 nieuwe signalen" in _overzichtstekst(app))
        await pilot.press("s")
        await wacht(pilot, lambda: isinstance(app.screen, StartFormulier))


async def test_footer_bij_het_opstarten_een_keer_opgebouwd(tmp_path: Path, monkeypatch) -> None:
    """De meldingen 'toetsen veranderd' bij het opstarten (focus, schermstapel, overzicht)
    geven samen één opbouw van de Footer, en die toont de toetsen van het startscherm."""
    monkeypatch.setattr(app_module, "in_draad", _meteen)
    opbouw = []
    echt = Footer.recompose

    async def tel(self):
        opbouw.append(self)
        await echt(self)

    monkeypatch.setattr(Footer, "recompose", tel)
    app = maak_app(tmp_path / "db")
    async with app.run_test(size=(80, 24)) as pilot:
        voet = app.screen.query_one(Footer)
        # Wachten op wat de Footer toont, niet op een vast aantal pauzes (drukke machine).
        await wacht(pilot, lambda: [k.description for k in voet.query("FooterKey")][:2]
                    == ["Starten", "Stoppen"])
        await pilot.pause()
        assert len(opbouw) == 1


async def test_ander_wijkverband_kiezen_toont_zijn_overzicht(tmp_path: Path) -> None:
    from vergadering.wijkverband import Lid, Wijkverband

    app = maak_app(tmp_path / "db")
    app.opslag.bewaar_wijkverband(Wijkverband("zuid", "Zuid", leden=[Lid("z", "Zara", "bewoner")]))
    async with app.run_test(size=(80, 24)) as pilot:
        await wacht(pilot, lambda: "7 nieuwe signalen" in _overzichtstekst(app))
        await pilot.press("down")
        await wacht(pilot, lambda: "Nog geen vergadering gesloten" in _overzichtstekst(app))
        assert app.screen.gekozen.id == "zuid"
        await pilot.press("up")
        await wacht(pilot, lambda: "7 nieuwe signalen" in _overzichtstekst(app))


async def test_beschadigd_vak_na_de_index_geeft_de_melding_op_het_startscherm(
    tmp_path: Path,
) -> None:
    """De index kent het vak, maar het is intussen beschadigd: het startscherm zegt dat (met
    wat te doen) in plaats van het overzicht uit de index te tonen."""
    from schermen_gegevens import VANDAAG, Klok

    from vergadering.opslag import Opslag

    app = maak_app(tmp_path / "db")
    async with app.run_test(size=(80, 24)) as pilot:
        await wacht(pilot, lambda: "7 nieuwe signalen" in _overzichtstekst(app))
    vak = tmp_path / "db" / "de-hoven-noord" / "signalen" / "2026-11.json"
    vak.write_bytes(b'{"signalen": {"1": ')
    app = app_module.VergaderingApp(Opslag(tmp_path / "db"), klok=Klok(), vandaag=VANDAAG)
    async with app.run_test(size=(80, 24)) as pilot:
        await wacht(pilot, lambda: "beschadigd" in _overzichtstekst(app))
        tekst = _overzichtstekst(app)
        assert "de-hoven-noord/signalen/2026-11.json" in tekst
        assert "nieuwe signalen" not in tekst
        assert any("beschadigd" in m for m in meldingen(app))
        assert app.screen.overzicht is None
        # Wachten helpt hier niet: s zegt opnieuw wat er mis is, geen 'even geduld'.
        voor = sum("beschadigd" in m for m in meldingen(app))
        await pilot.press("s")
        await wacht(pilot, lambda: sum("beschadigd" in m for m in meldingen(app)) > voor)
        assert not any("Even geduld" in m for m in meldingen(app))
        assert isinstance(app.screen, StartScherm)


async def test_meer_dan_twaalf_leden_worden_geteld_in_gewone_taal(tmp_path: Path) -> None:
    """Na twaalf namen telt het overzicht de rest: 'en nog 1 lid', 'en nog 3 leden'."""
    from vergadering.opslag import Opslag
    from vergadering.wijkverband import Lid

    app = maak_app(tmp_path / "db")
    opslag = Opslag(tmp_path / "db")
    wv = opslag.wijkverbanden()[0]
    bij = 13 - len(wv.leden)
    wv.leden += [Lid(f"extra{i}", f"Extra Lid {i}") for i in range(bij)]
    opslag.bewaar_wijkverband(wv)
    async with app.run_test(size=(100, 40)) as pilot:
        await wacht(pilot, lambda: "Druk s" in _overzichtstekst(app))
        tekst = " ".join(_overzichtstekst(app).split())
        assert "en nog 1 lid." in tekst
        assert "anderen" not in tekst


async def test_impactregels_terwijl_het_overzicht_er_even_niet_is(tmp_path: Path) -> None:
    """De impactregels komen uit een werkdraad; komen ze terwijl het scherm opnieuw wordt
    opgebouwd (het overzicht is er even niet), dan is dat geen fout die de app stopt."""
    app = maak_app(tmp_path / "db")
    async with app.run_test(size=(80, 24)) as pilot:
        await wacht(pilot, lambda: "7 nieuwe signalen" in _overzichtstekst(app))
        scherm = app.screen
        assert isinstance(scherm, StartScherm) and scherm.gekozen is not None
        await scherm.query_one("#overzicht", Static).remove()
        scherm._toon_impact(scherm.gekozen, scherm._overzichttekst, Text("Bereik: 7"))
        await pilot.pause()
        assert app.is_running and app._exception is None
