"""Twee processen op één opslag: de app onder Pilot, en een tweede proces dat schrijft (de
opdrachtregel of een klein script met ``Opslag``). Wat het andere proces bewaart, komt in
beeld; een gelijktijdige wijziging wordt samengevoegd, of de voorzitter kiest; er gaat
niets verloren (teruggelezen van schijf)."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from pathlib import Path

from schermen_gegevens import Klok, maak_app
from schermen_pilot import begin_vergadering, meldingen, naar_rij, op_startscherm, wacht
from textual.widgets import Static

from schermen.kies_waarde import KiesWaarde
from schermen.vergaderscherm import VergaderScherm
from vergadering.opslag import Opslag

WV = "de-hoven-noord"
KASTANJE = "2611-s000"
ZWERFAFVAL = "2611-s001"
LANG = 500  # × 0,02 s: ruim tien seconden, ook op een drukke machine


async def _proces(*argumenten: str) -> str:
    """Draai een tweede proces (zonder de app te laten wachten) en geef zijn uitvoer."""
    uit = await asyncio.to_thread(
        subprocess.run, [sys.executable, *argumenten], capture_output=True, text=True,
        timeout=60,
    )
    assert uit.returncode == 0, uit.stderr
    return uit.stdout


async def _script(map_: Path, code: str) -> None:
    """Een klein script in een eigen proces, met ``opslag`` en ``v`` (de open vergadering)."""
    voorwerk = (
        "import sys\nfrom vergadering.opslag import Opslag\n"
        "opslag = Opslag(sys.argv[1])\n"
        f"v = opslag.onafgemaakte_vergadering({WV!r})\n"
    )
    await _proces("-c", voorwerk + code, str(map_))


def _cellen(tabel, sleutel: str) -> list[str]:
    return [str(c) for c in tabel.get_row(sleutel)]


def _tekst(widget: Static) -> str:
    return str(widget.render())


async def test_startscherm_toont_signaal_van_de_opdrachtregel(tmp_path: Path) -> None:
    map_ = tmp_path / "db"
    app = maak_app(map_)
    async with app.run_test(size=(100, 30)) as pilot:
        await op_startscherm(pilot)
        overzicht = app.screen.query_one("#overzicht", Static)
        voor = app.screen.overzicht.nieuwe_signalen
        await _proces("-m", "vergadering", "signaal", "Losliggende stoeptegels bij de school",
                      "--wijkverband", "De Hoven-Noord", "--db", str(map_))
        await wacht(pilot, lambda: len(app.screen.overzicht.nieuwe_signalen) == len(voor) + 1,
                    LANG)
        assert f"{len(voor) + 1} nieuwe signalen" in _tekst(overzicht)
        # Een nieuw wijkverband van elders komt in de lijst.
        await _proces("-c", (
            "import sys\nfrom vergadering.opslag import Opslag\n"
            "from vergadering.wijkverband import Wijkverband\n"
            "Opslag(sys.argv[1]).bewaar_wijkverband(Wijkverband('oost', 'Oost'))"
        ), str(map_))
        await wacht(pilot, lambda: [w.id for w in app.screen.wijkverbanden] == [WV, "oost"],
                    LANG)


async def test_fase_1_toont_signaal_van_de_opdrachtregel_en_parkeren_elders(
    tmp_path: Path,
) -> None:
    map_ = tmp_path / "db"
    app = maak_app(map_)
    async with app.run_test(size=(100, 30)) as pilot:
        await begin_vergadering(pilot)
        tabel = app.screen.query_one("#ranglijst")
        rijen = tabel.row_count
        uit = await _proces("-m", "vergadering", "signaal", "Losliggende stoeptegels",
                            "--wijkverband", "De Hoven-Noord", "--db", str(map_))
        await wacht(pilot, lambda: tabel.row_count == rijen + 1, LANG)
        nieuw = next(s for s in app.sessie.signalen if s.tekst == "Losliggende stoeptegels")
        assert nieuw.id in uit
        assert "Losliggende stoeptegels" in " ".join(str(c) for c in tabel.get_row(nieuw.id))
        assert any("Nieuw signaal binnengekomen: Losliggende stoeptegels" in m
                   for m in meldingen(app))
        # Elders geparkeerd: de stand in de lijst volgt (een geparkeerd signaal doet mee).
        await _script(map_, (
            f"s = opslag.signaal({WV!r}, {ZWERFAFVAL!r})\n"
            "s.parkeer('Eerst de gemeente vragen', 'elders')\nopslag.bewaar_signaal(s)"
        ))
        await wacht(pilot, lambda: "geparkeerd" in " ".join(
            str(c) for c in tabel.get_row(ZWERFAFVAL)), LANG)
        assert app.sessie.signaal(ZWERFAFVAL).reden == "Eerst de gemeente vragen"
        # Wat de app daarna zelf doet, gaat gewoon door en staat op schijf.
        await naar_rij(pilot, tabel, nieuw.id)
        await pilot.press("2")
        await wacht(pilot, lambda: app.sessie.vergadering.stippen.get(nieuw.id) == 2)
        assert app.bewaarder.wacht(10) and app.bewaarder.onopgeslagen == 0
        bewaard = Opslag(map_).onafgemaakte_vergadering(WV)
        assert bewaard.stippen[nieuw.id] == 2


async def test_lopende_actie_elders_bijgewerkt(tmp_path: Path) -> None:
    map_ = tmp_path / "db"
    app = maak_app(map_)
    async with app.run_test(size=(100, 30)) as pilot:
        await begin_vergadering(pilot)
        await pilot.press("n", "n")  # naar fase 3: wat koppelen we terug
        await wacht(pilot, lambda: app.sessie.vergadering.fase_index == 2)
        tabel = app.screen.query_one("#fase-terugkoppelen").tabel
        assert "gepland" in " ".join(str(c) for c in tabel.get_row("2026-1"))
        await _proces("-c", (
            "import sys, datetime\nfrom vergadering.opslag import Opslag\n"
            "opslag = Opslag(sys.argv[1])\n"
            f"a = opslag.actie({WV!r}, '2026-1')\n"
            "a.zet_status('loopt', 'Woonstede heeft de bakken besteld.', "
            "datetime.datetime(2026, 11, 23, 18, 0))\n"
            "opslag.bewaar_actie(a)"
        ), str(map_))
        await wacht(pilot, lambda: "loopt" in " ".join(
            str(c) for c in tabel.get_row("2026-1")), LANG)
        assert any("Actie 1 is elders bijgewerkt: nu loopt." in m for m in meldingen(app))


async def test_vergadering_elders_gewijzigd_wordt_ingelezen(tmp_path: Path) -> None:
    map_ = tmp_path / "db"
    app = maak_app(map_)
    async with app.run_test(size=(100, 30)) as pilot:
        await begin_vergadering(pilot)
        await _script(map_, (
            f"v.stippen[{KASTANJE!r}] = 3\nv.fasen[0].notities = 'Van de notulist'\n"
            "opslag.bewaar_vergadering(v)"
        ))
        await wacht(pilot, lambda: app.sessie.vergadering.stippen.get(KASTANJE) == 3, LANG)
        tabel = app.screen.query_one("#ranglijst")
        await wacht(pilot, lambda: _cellen(tabel, KASTANJE)[1] == "3")
        assert app.sessie.vergadering.fasen[0].notities == "Van de notulist"
        # Verder werken bouwt op de nieuwe versie: geen conflict, geen vraag.
        await naar_rij(pilot, tabel, ZWERFAFVAL)
        await pilot.press("1")
        assert app.bewaarder.wacht(10) and app.bewaarder.onopgeslagen == 0
        bewaard = Opslag(map_).onafgemaakte_vergadering(WV)
        assert bewaard.stippen == {KASTANJE: 3, ZWERFAFVAL: 1}
        assert bewaard.fasen[0].notities == "Van de notulist"


async def _tegelijk(pilot, app, map_: Path, code: str, toetsen: tuple[str, ...]) -> None:
    """Het andere proces bewaart de vergadering terwijl de volger van de app even niet
    kijkt (zoals tussen twee keer kijken); daarna doet de app zijn eigen wijziging."""
    volger, app._volger = app._volger, None
    await _script(map_, code)
    tabel = app.screen.query_one("#ranglijst")
    await naar_rij(pilot, tabel, KASTANJE)
    await pilot.press(*toetsen)
    app._volger = volger


async def test_gelijktijdige_wijziging_wordt_samengevoegd(tmp_path: Path) -> None:
    map_ = tmp_path / "db"
    app = maak_app(map_, Klok())
    async with app.run_test(size=(100, 30)) as pilot:
        await begin_vergadering(pilot)
        await _tegelijk(pilot, app, map_, (
            f"v.stippen[{ZWERFAFVAL!r}] = 2\nv.fasen[0].notities = 'Van de notulist'\n"
            "import datetime\nv.log(datetime.datetime(2026, 11, 23, 19, 1), 'Elders gelogd.')\n"
            "opslag.bewaar_vergadering(v)"
        ), ("3",))
        await wacht(pilot, lambda: any("samengevoegd" in m for m in meldingen(app)), LANG)
        assert not isinstance(app.screen, KiesWaarde)
        assert app.bewaarder.wacht(10) and app.bewaarder.onopgeslagen == 0
        bewaard = Opslag(map_).onafgemaakte_vergadering(WV)
        assert bewaard.stippen == {KASTANJE: 3, ZWERFAFVAL: 2}
        assert bewaard.fasen[0].notities == "Van de notulist"
        teksten = [r.tekst for r in bewaard.logboek]
        assert "Elders gelogd." in teksten and "Vergadering geopend." in teksten
        # Het scherm toont de samengevoegde stand.
        tabel = app.screen.query_one("#ranglijst")
        await wacht(pilot, lambda: _cellen(tabel, ZWERFAFVAL)[1] == "2")
        assert not any("ctrl+s" in m for m in meldingen(app))


async def _tegenstrijdig(tmp_path: Path, keuze: str) -> tuple[Opslag, list[str], str]:
    map_ = tmp_path / "db"
    app = maak_app(map_, Klok())
    async with app.run_test(size=(100, 30)) as pilot:
        await begin_vergadering(pilot)
        await _tegelijk(pilot, app, map_, (
            f"v.stippen[{KASTANJE!r}] = 3\nv.fasen[0].notities = 'Van de notulist'\n"
            "opslag.bewaar_vergadering(v)"
        ), ("2",))
        await wacht(pilot, lambda: isinstance(app.screen, KiesWaarde), LANG)
        vraag = _tekst(app.screen.query_one(".dialoog-vraag", Static))
        waarden = _tekst(app.screen.query_one("#waarde-mijn", Static)) + " | " + _tekst(
            app.screen.query_one("#waarde-hun", Static))
        assert app.bewaarder.onopgeslagen == 1  # nog niet bewaard: wacht op de keuze
        await pilot.press("ctrl+s")  # kan niets kapot maken: zegt wat eerst moet
        assert isinstance(app.screen, KiesWaarde)
        await pilot.press(keuze)
        await wacht(pilot, lambda: isinstance(app.screen, VergaderScherm))
        assert app.bewaarder.wacht(10) and app.bewaarder.onopgeslagen == 0
        assert not any("ctrl+s probeert" in m for m in meldingen(app))
        # Het scherm en de sessie tonen wat bewaard is.
        verwacht = 2 if keuze == "1" else 3
        tabel = app.screen.query_one("#ranglijst")
        await wacht(pilot, lambda: _cellen(tabel, KASTANJE)[1] == str(verwacht))
        assert app.sessie.vergadering.stippen[KASTANJE] == verwacht
    return Opslag(map_), meldingen(app), vraag + " " + waarden


async def test_tegenstrijdig_de_voorzitter_kiest_hier(tmp_path: Path) -> None:
    opslag, _, vraag = await _tegenstrijdig(tmp_path, "1")
    assert "de stippen van 'Te hard rijden op de Kastanjelaan'" in vraag
    assert "Welke waarde blijft staan?" in vraag and "Hier: 2" in vraag
    assert "Ander venster: 3" in vraag
    bewaard = opslag.onafgemaakte_vergadering(WV)
    assert bewaard.stippen[KASTANJE] == 2
    assert bewaard.fasen[0].notities == "Van de notulist"  # niet tegenstrijdig: blijft


async def test_tegenstrijdig_de_voorzitter_kiest_het_andere_venster(tmp_path: Path) -> None:
    opslag, _, _ = await _tegenstrijdig(tmp_path, "2")
    bewaard = opslag.onafgemaakte_vergadering(WV)
    assert bewaard.stippen[KASTANJE] == 3
    assert bewaard.fasen[0].notities == "Van de notulist"


async def test_instellingen_bewaren_terwijl_elders_het_wijkverband_veranderde(
    tmp_path: Path,
) -> None:
    from textual.widgets import Input

    from schermen.formulieren.wijkverband import InstellingenFormulier
    from schermen.start import StartScherm

    map_ = tmp_path / "db"
    app = maak_app(map_)
    async with app.run_test(size=(100, 30)) as pilot:
        await op_startscherm(pilot)
        await pilot.press("i")
        await wacht(pilot, lambda: isinstance(app.screen, InstellingenFormulier))
        await _proces("-c", (
            "import sys\nfrom vergadering.opslag import Opslag\n"
            "opslag = Opslag(sys.argv[1])\n"
            f"wv = opslag.wijkverband({WV!r})\nwv.partners.append('Bibliotheek')\n"
            "opslag.bewaar_wijkverband(wv)"
        ), str(map_))
        veld = app.screen.query_one("#duur-signalen", Input)
        assert veld.has_focus
        await pilot.press("end", "ctrl+u", "8", "ctrl+s")
        await wacht(pilot, lambda: isinstance(app.screen, StartScherm), LANG)
        assert app.bewaarder.wacht(10) and app.bewaarder.onopgeslagen == 0
        wv = Opslag(map_).wijkverband(WV)
        assert wv.agenda.signalen == 8 and "Bibliotheek" in wv.partners  # beide bewaard
        assert not any("intussen gewijzigd" in m for m in meldingen(app))
        await wacht(pilot, lambda: "Bibliotheek" in _tekst(
            app.screen.query_one("#overzicht", Static)), LANG)


async def test_signaal_van_elders_terwijl_het_startformulier_open_staat(tmp_path: Path) -> None:
    from schermen.formulieren.vergadering import StartFormulier

    map_ = tmp_path / "db"
    app = maak_app(map_)
    async with app.run_test(size=(100, 30)) as pilot:
        await op_startscherm(pilot)
        await pilot.press("s")  # het formulier staat open; de gegevens worden al gelezen
        await wacht(pilot, lambda: isinstance(app.screen, StartFormulier))
        start = app.screen_stack[0]
        await _proces("-m", "vergadering", "signaal", "Losliggende stoeptegels",
                      "--wijkverband", "De Hoven-Noord", "--db", str(map_))
        await wacht(pilot, lambda: start._verouderd, LANG)  # de app zag de wijziging
        await pilot.press("ctrl+s")
        await wacht(pilot, lambda: isinstance(app.screen, VergaderScherm))
        assert "Losliggende stoeptegels" in {s.tekst for s in app.sessie.signalen}
