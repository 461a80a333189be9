"""Gedeelde testinstellingen.

In CI draait hypothesis met een vaste volgorde van voorbeelden (``derandomize``): een rode
CI moet over de wijziging gaan, niet over een toevallig nieuw gevonden voorbeeld. Lokaal
zoekt hypothesis wel elke keer anders, en wat het vindt wordt een vaste test.
"""

import os

from hypothesis import settings

settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

# Geen PDF bij elke export in de tests: LibreOffice starten kost seconden per mapje. Via de
# omgeving, zodat ook `vergadering export` als eigen proces het overneemt; de tests van de
# PDF zelf zetten het weer aan (tests/test_export_pdf.py).
os.environ["VERGADERING_PDF"] = "nee"


# --- een echte PostgreSQL (issue 14) ------------------------------------------------------

import pytest  # noqa: E402


@pytest.fixture(scope="session")
def postgres_server():
    """De conninfo van een lege testdatabase: ``VERGADERING_PG`` (zo start ``.ci/run`` er
    een), anders een eigen server voor deze testrun (tests/pgserver.py), die aan het eind
    weer stopt. Kan dat hier niet, dan slaan de PostgreSQL-tests over met de reden; in CI
    (``CI`` gezet) is dat een fout."""
    gegeven = os.environ.get("VERGADERING_PG")
    if gegeven:
        yield gegeven
        return
    import pgserver

    server = pgserver.start_voor_tests()
    try:
        yield server.conninfo
    finally:
        pgserver.stop(server.map)


@pytest.fixture
def postgres_db(postgres_server):
    """Een conninfo naar een eigen, leeg schema voor deze test (via search_path); het schema
    gaat aan het eind weer weg."""
    import pgserver

    with pgserver.eigen_schema(postgres_server) as conninfo:
        yield conninfo
