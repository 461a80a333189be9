"""Schermafdrukken van de privacycheck (80×24 en 120×36): een paar items gekozen, een paar
nog open, de zin rond het gemarkeerde item onder de lijst. Bijwerken alleen na het bekijken:
``pytest tests/test_snapshots_privacycheck.py --snapshot-update``."""

from __future__ import annotations

import pytest
from test_formulier_privacycheck import _Proef

from schermen.formulieren.privacycheck import PrivacyCheck


@pytest.mark.parametrize("grootte", [(80, 24), (120, 36)], ids=["80x24", "120x36"])
def test_privacycheck(snap_compare, grootte) -> None:
    async def voor(pilot):
        app = pilot.app
        while not isinstance(app.screen, PrivacyCheck):
            await pilot.pause()
        await pilot.press("b", "m")  # het eerste behouden, het tweede maskeren
        await pilot.pause()

    assert snap_compare(_Proef(), terminal_size=grootte, run_before=voor)
