"""Snapshots van de beamer (80×24 en 160×45, elke fase) en van 'venster te klein'.

Vaste nep-klok, vaste datums en kenmerken: het beeld is elke keer gelijk. Bekeken voordat
ze werden vastgelegd (``--snapshot-update``): rustig, groot, geen persoonsgegevens.
"""

from __future__ import annotations

import pytest
from schermen_gegevens import Klok
from test_beamer import (
    BeamerProefApp,
    TeKleinApp,
    bouw_ronde,
    klok_in_fase,
    naar_fase_2,
    zet_terugkoppeling,
)

from schermen.beamer import BeamerScherm


def _app(fase: int, *, extra_s: float = 0, terugkoppeling: bool = False) -> BeamerProefApp:
    ronde = bouw_ronde()
    if fase >= 1:
        naar_fase_2(ronde)
    if terugkoppeling:
        zet_terugkoppeling(ronde)
    tijd = Klok()
    klok = klok_in_fase(ronde.vergadering, fase, tijd)
    tijd.verzet(extra_s)
    return BeamerProefApp(ronde, klok)


async def _open(pilot) -> None:
    pilot.app.open_beamer()
    await pilot.pause()
    assert isinstance(pilot.app.screen, BeamerScherm)


@pytest.mark.parametrize("grootte", [(80, 24), (160, 45)], ids=["80x24", "160x45"])
@pytest.mark.parametrize(
    "fase,terugkoppeling",
    [(0, False), (1, False), (2, True)],
    ids=["fase1-stippen", "fase2-acties", "fase3-terugkoppeling"],
)
def test_beamer(snap_compare, grootte, fase, terugkoppeling):
    assert snap_compare(_app(fase, terugkoppeling=terugkoppeling), terminal_size=grootte,
                        run_before=_open)


@pytest.mark.parametrize("grootte", [(80, 24), (160, 45)], ids=["80x24", "160x45"])
def test_beamer_over_tijd(snap_compare, grootte):
    # Fase 1 (5:00) na 130 + 253 s: +01:23 over tijd, als band over de breedte.
    assert snap_compare(_app(0, extra_s=253), terminal_size=grootte, run_before=_open)


def test_beamer_fase3_voorstel_80x24(snap_compare):
    assert snap_compare(_app(2), terminal_size=(80, 24), run_before=_open)


def test_venster_te_klein(snap_compare):
    assert snap_compare(TeKleinApp(), terminal_size=(60, 20))
