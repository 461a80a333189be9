"""De tekst die een notulist zo verstuurt: wat iemand ook als slot typte (., ?, !, : of niets),
het verslag en de terugkoppeling hebben nooit '..', '.:', '. (' of een dubbele dubbele punt
(issue 11). Hypothesis kiest per vrij tekstveld een slot."""

from __future__ import annotations

import re
import tempfile
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from docx import Document
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from test_export_gegevens import VANDAAG, bouw_opslag

from vergadering.export import exporteer

NU = datetime(2026, 11, 23, 21, 30, tzinfo=ZoneInfo("Europe/Amsterdam"))
SLOTEN = ["", ".", "?", "!", ":"]  # zoals het issue ze noemt
# Leestekens die tegen elkaar botsen (een punt gevolgd door een punt, dubbele punt of haakje).
_BOTSING = re.compile(r"(?<!\.)\.\.(?!\.)|[.!?]:|\. \(|::|,\.|:\.(?!\d)")


def _tekst(data):
    def tekst(veld: str, standaard: str) -> str:
        slot = data.draw(st.sampled_from(SLOTEN), label=veld)
        # Namen (leden, eigenaren, partners, organisaties, gasten, de plaats) staan zoals ze
        # getypt zijn; het gaat om de zinnen die de app zelf uit delen bouwt.
        if veld in ("eigenaar", "partner", "lid", "org", "gast", "plaats", "wijkverband"):
            return standaard
        return standaard.rstrip(" .?!:") + slot
    return tekst


@settings(max_examples=12, deadline=None, phases=[Phase.explicit, Phase.reuse, Phase.generate],
          suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_geen_botsende_leestekens_in_verslag_en_terugkoppeling(data):
    with tempfile.TemporaryDirectory() as tmp:
        g = bouw_opslag(Path(tmp) / "db", tekst=_tekst(data))
        u = exporteer(g.opslag, g.wijkverband.id, g.vergadering_id, Path(tmp) / "uit",
                      vandaag=VANDAAG, nu=NU, privacy_akkoord=True)
        teksten = {"terugkoppeling.txt": (u.map / "terugkoppeling.txt").read_text("utf-8")}
        for naam in ("verslag.docx", "actielijst.docx"):
            doc = Document(u.map / naam)
            delen = [p.text for p in doc.paragraphs]
            delen += [c.text for t in doc.tables for r in t.rows for c in r.cells]
            teksten[naam] = "\n".join(delen)
        for naam, tekst in teksten.items():
            for regel in tekst.splitlines():
                assert not _BOTSING.search(regel), (naam, regel)
