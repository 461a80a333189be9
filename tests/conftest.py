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
