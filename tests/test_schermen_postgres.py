"""Dezelfde app op PostgreSQL (issue 14): het startscherm, een vergadering, een stip, en een
signaal van een tweede proces (de opdrachtregel) dat in beeld komt. De schermen weten niet
welke opslag ze gebruiken; dit bewijst dat. Zonder server slaat het over met de reden."""

from __future__ import annotations

import asyncio
import subprocess
import sys

from schermen_gegevens import VANDAAG, Klok, maak_database
from schermen_pilot import begin_vergadering, naar_rij, wacht

from vergadering.opslag.postgres import PostgresOpslag

WV = "de-hoven-noord"


async def test_de_app_draait_op_postgresql_en_volgt_een_ander_proces(tmp_path, postgres_db):
    from schermen.app import VergaderingApp

    maak_database(tmp_path / "bron", postgres_db)
    app = VergaderingApp(PostgresOpslag(postgres_db), klok=Klok(), vandaag=VANDAAG)
    async with app.run_test(size=(100, 30)) as pilot:
        await begin_vergadering(pilot)
        tabel = app.screen.query_one("#ranglijst")
        rijen = tabel.row_count
        uit = await asyncio.to_thread(subprocess.run, [
            sys.executable, "-m", "vergadering", "signaal", "Losliggende stoeptegels",
            "--wijkverband", "De Hoven-Noord", "--db", postgres_db,
        ], capture_output=True, text=True, timeout=60)
        assert uit.returncode == 0, uit.stderr
        await wacht(pilot, lambda: tabel.row_count == rijen + 1, 500)
        nieuw = next(s for s in app.sessie.signalen if s.tekst == "Losliggende stoeptegels")
        await naar_rij(pilot, tabel, nieuw.id)
        await pilot.press("2")
        await wacht(pilot, lambda: app.sessie.vergadering.stippen.get(nieuw.id) == 2)
        assert app.bewaarder.wacht(10) and app.bewaarder.onopgeslagen == 0
    bewaard = PostgresOpslag(postgres_db).onafgemaakte_vergadering(WV)
    assert bewaard is not None and bewaard.stippen[nieuw.id] == 2


async def test_de_gemeente_ziet_alles_maar_start_geen_vergadering(tmp_path, postgres_db):
    """Met de gemeenterol (alleen lezen) zegt het startscherm dat meteen, en opent s geen
    vergadering die niets zou kunnen bewaren."""
    import os

    import psycopg
    from psycopg import sql
    from psycopg.conninfo import make_conninfo

    from schermen.app import VergaderingApp
    from schermen.formulieren.vergadering import StartFormulier
    from schermen.start import ALLEEN_LEZEN, StartScherm
    from vergadering.opslag.postgres import ken_rol_toe

    maak_database(tmp_path / "bron", postgres_db)
    naam = f"t_gemeente_{os.urandom(3).hex()}"
    with psycopg.connect(postgres_db, autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE ROLE {} LOGIN").format(sql.Identifier(naam)))
    try:
        ken_rol_toe(postgres_db, naam, None)
        app = VergaderingApp(PostgresOpslag(make_conninfo(postgres_db, user=naam)),
                             klok=Klok(), vandaag=VANDAAG)
        async with app.run_test(size=(100, 30)) as pilot:
            start = app.screen
            assert isinstance(start, StartScherm)
            await wacht(pilot, lambda: start.overzicht is not None)
            assert start.overzicht.alleen_lezen
            assert ALLEEN_LEZEN in str(start.query_one("#overzicht").render())
            def meldingen() -> int:
                return sum(ALLEEN_LEZEN in m.message for m in app._notifications)

            # Starten, bewerken en instellingen: elk zegt het zelf (een eigen melding),
            # en geen van drieën opent een formulier.
            for toets in ("s", "e", "i"):
                voor = meldingen()
                await pilot.press(toets)
                await wacht(pilot, lambda voor=voor: meldingen() > voor)
                assert app.screen is start and not isinstance(app.screen, StartFormulier), toets
    finally:
        with psycopg.connect(postgres_db, autocommit=True) as conn:
            conn.execute(sql.SQL("DROP ROLE {}").format(sql.Identifier(naam)))
