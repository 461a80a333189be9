"""Schermafdrukken van elk bedieningsscherm op 80×24, met een vaste nepklok en vaste datums.

De toestand wordt via de sessie opgebouwd (de toetsenbordweg zelf staat in
test_schermen_vergadering.py); daarna worden de toetsen gedrukt die het scherm of de dialoog
openen. Bijwerken alleen na het bekijken: ``pytest tests/test_snapshots_schermen.py
--snapshot-update``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from schermen_gegevens import maak_app
from schermen_pilot import begin_vergadering, op_startscherm, wacht

from schermen.app import VergaderingApp
from schermen.formulieren.vergadering import StartFormulier

GROOTTE = (80, 24)
KASTANJE, ZWERFAFVAL, BANKJES, VERLICHTING = "2611-s000", "2611-s001", "2611-s002", "2611-s003"
SPEELTUIN, ZORG, HONDENPOEP = "2611-s005", "2611-s006", "2610-park"


@pytest.fixture
def app(tmp_path: Path) -> VergaderingApp:
    return maak_app(tmp_path / "db")


async def _vergadering(pilot) -> None:
    app = pilot.app
    await begin_vergadering(pilot)
    # Meldingen verdwijnen na een tijd: weg ermee, zodat de afdruk niet van de tijd afhangt.
    app.clear_notifications()
    await pilot.pause()


async def _stippen(pilot) -> None:
    await _vergadering(pilot)
    sessie = pilot.app.sessie
    for sid, n in [(KASTANJE, 5), (ZWERFAFVAL, 4), (SPEELTUIN, 3), (VERLICHTING, 2),
                   (BANKJES, 2), (HONDENPOEP, 2)]:
        sessie.zet_stippen(sid, n)
    pilot.app.klok.verzet(4 * 60 + 20)  # nog 40 seconden: waarschuwing
    pilot.app.screen.ververs()  # niet wachten op de klok-timer: de afdruk hangt er niet van af


async def _fase2(pilot) -> None:
    await _stippen(pilot)
    app = pilot.app
    sessie = app.sessie
    sessie.leg_top5_vast([KASTANJE, ZWERFAFVAL, SPEELTUIN, VERLICHTING, BANKJES],
                         "Bankjes zijn snel te regelen")
    await pilot.press("n")
    app.klok.verzet(7 * 60)
    sessie.weeg(SPEELTUIN, 4, 5)
    sessie.weeg(KASTANJE, 2, 3)
    stemming = sessie.nieuwe_stemming("Speeltuin opknappen met de buurt", SPEELTUIN,
                                      voor=3, tegen=1)
    sessie.leg_stemming_vast(stemming)
    sessie.neem_aan(SPEELTUIN, "Speeltuin opknappen met de buurt", "Woonstede",
                    partners=["Welzijn Oost"], eerste_stap="Rondgang met kinderen",
                    verandering="Kinderen spelen weer veilig.",
                    terugkoppelzin="We knappen de speeltuin samen op.", stemming=stemming)
    sessie.leg_stemming_vast(sessie.nieuwe_stemming(
        "Drempels op de Kastanjelaan", KASTANJE,
        per_lid={"anja": "voor", "bram": "tegen", "fatima": "tegen", "kees": "onthouding"}))
    sessie.parkeer(BANKJES, "Eerst de begroting van de gemeente afwachten")
    app.screen.ververs()


async def _fase3(pilot) -> None:
    await _fase2(pilot)
    app = pilot.app
    await pilot.press("n")
    app.klok.verzet(90)
    app.sessie.zet_status("2026-1", "loopt", "Bloembakken besteld, komen in december")
    app.screen.ververs()


async def _klaar(pilot) -> None:
    # Elk scherm in de stapel, ook het vergaderscherm onder een formulier: niet wachten op de
    # klok-timer, die op een drukke machine na de afdruk kan komen.
    for scherm in pilot.app.screen_stack:
        if hasattr(scherm, "ververs"):
            scherm.ververs()
    pilot.app.clear_notifications()
    await pilot.pause()


def test_startscherm(snap_compare, app) -> None:
    async def voor(pilot):
        await op_startscherm(pilot)
        await _klaar(pilot)

    assert snap_compare(app, terminal_size=GROOTTE, run_before=voor)


def test_nieuwe_vergadering(snap_compare, app) -> None:
    async def voor(pilot):
        await op_startscherm(pilot)
        await pilot.press("s")
        await wacht(pilot, lambda: isinstance(pilot.app.screen, StartFormulier))
        await pilot.press("tab", "tab", "down", "down", "down", "f", "down", "down", "w")
        await _klaar(pilot)

    assert snap_compare(app, terminal_size=GROOTTE, run_before=voor)


def test_fase1_stippen_met_gelijke_stand(snap_compare, app) -> None:
    async def voor(pilot):
        await _stippen(pilot)
        await _klaar(pilot)

    assert snap_compare(app, terminal_size=GROOTTE, run_before=voor)


def test_fase1_voorzitter_kiest_bij_gelijke_stand(snap_compare, app) -> None:
    async def voor(pilot):
        await _stippen(pilot)
        await pilot.press("f")
        await _klaar(pilot)

    assert snap_compare(app, terminal_size=GROOTTE, run_before=voor)


def test_fase2_acties(snap_compare, app) -> None:
    async def voor(pilot):
        await _fase2(pilot)
        await _klaar(pilot)

    assert snap_compare(app, terminal_size=GROOTTE, run_before=voor)


def test_fase2_stemming(snap_compare, app) -> None:
    async def voor(pilot):
        await _fase2(pilot)
        await pilot.press("down", "s")
        await pilot.pause()
        await pilot.press(*"Bord bij de school", "tab", "tab", "ctrl+u", "3", "enter",
                          "ctrl+u", "2")
        await _klaar(pilot)

    assert snap_compare(app, terminal_size=GROOTTE, run_before=voor)


def test_fase2_actie_uitwerken(snap_compare, app) -> None:
    async def voor(pilot):
        await _fase2(pilot)
        sessie = pilot.app.sessie
        sessie.leg_stemming_vast(sessie.nieuwe_stemming("Bord 'langzaam' bij de school",
                                                        ZWERFAFVAL, voor=4))
        pilot.app.screen.ververs()
        await pilot.pause()
        tabel = pilot.app.screen.query_one("#top5")
        tabel.move_cursor(row=tabel.get_row_index(ZWERFAFVAL))
        await pilot.press("e")
        await _klaar(pilot)

    assert snap_compare(app, terminal_size=GROOTTE, run_before=voor)


def test_fase3_terugkoppelen(snap_compare, app) -> None:
    async def voor(pilot):
        await _fase3(pilot)
        await _klaar(pilot)

    assert snap_compare(app, terminal_size=GROOTTE, run_before=voor)


def test_fase3_status(snap_compare, app) -> None:
    async def voor(pilot):
        await _fase3(pilot)
        await pilot.press("down", "s")
        await _klaar(pilot)

    assert snap_compare(app, terminal_size=GROOTTE, run_before=voor)


def test_fase3_terugkoppeling_opstellen(snap_compare, app) -> None:
    async def voor(pilot):
        await _fase3(pilot)
        await pilot.press("t")
        await _klaar(pilot)

    assert snap_compare(app, terminal_size=GROOTTE, run_before=voor)


def test_notities(snap_compare, app) -> None:
    async def voor(pilot):
        await _vergadering(pilot)
        await pilot.press("o")
        await pilot.press(*"Kees komt later; Mehmet neemt de notulen even over.")
        await _klaar(pilot)

    assert snap_compare(app, terminal_size=GROOTTE, run_before=voor)


def test_wijkverband_bewerken(snap_compare, app) -> None:
    async def voor(pilot):
        await op_startscherm(pilot)
        await pilot.press("e")
        await _klaar(pilot)

    assert snap_compare(app, terminal_size=GROOTTE, run_before=voor)


def test_logboek(snap_compare, app) -> None:
    async def voor(pilot):
        await _fase2(pilot)
        await pilot.press("l")
        await _klaar(pilot)

    assert snap_compare(app, terminal_size=GROOTTE, run_before=voor)
