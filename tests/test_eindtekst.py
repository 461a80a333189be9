"""De eindtekst van de terugkoppeling (vergadering/export/eindtekst.py): na het sluiten de hele
tekst voor bewoners bewerken; het mapje publiceert precies die tekst, na de privacycheck."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from schermen_gegevens import Klok
from schermen_pilot import wacht
from test_export_gegevens import VANDAAG, bouw_opslag
from textual.widgets import TextArea

from vergadering.export import eindtekst, exporteer
from vergadering.export.inhoud import verzamel
from vergadering.export.terugkoppeling import als_tekst, blokken, uit_tekst
from vergadering.opslag import Opslag
from vergadering.privacycheck import PrivacyOnbeslist

NU = datetime(2026, 11, 24, 10, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))


def test_tekst_en_blokken_heen_en_terug(tmp_path):
    g = bouw_opslag(tmp_path / "db")
    b = blokken(verzamel(g.opslag, g.wijkverband.id, g.vergadering_id, VANDAAG, NU))
    assert uit_tekst(als_tekst(b)) == b


def test_bewerkte_eindtekst_wordt_gepubliceerd_en_het_voorstel_blijft_volgen(tmp_path):
    g = bouw_opslag(tmp_path / "db")
    wv, vid = g.wijkverband.id, g.vergadering_id
    concept = eindtekst.concept(g.opslag, wv, vid, VANDAAG)
    # Ongewijzigd bewaren: geen eigen tekst, het mapje volgt de velden.
    assert eindtekst.bewaar(g.opslag, wv, vid, concept, VANDAAG) is False
    assert g.opslag.vergadering(wv, vid).terugkoppeling.eindtekst == ""
    bewerkt = concept.replace("Wat is er gebeurd met wat u ons vertelde?",
                              "Dank voor alle reacties! Wat is er gebeurd?")
    bewerkt += "\nOp zaterdag is er koffie in het buurthuis.\n"
    assert eindtekst.bewaar(g.opslag, wv, vid, bewerkt, VANDAAG) is True
    assert eindtekst.concept(g.opslag, wv, vid, VANDAAG) == bewerkt.strip()
    u = exporteer(g.opslag, wv, vid, tmp_path / "uit", vandaag=VANDAAG, nu=NU)
    for naam in ("terugkoppeling.txt", "terugkoppeling.html"):
        tekst = (u.map / naam).read_text("utf-8")
        assert "Dank voor alle reacties!" in tekst and "koffie in het buurthuis" in tekst
    # Het eigen adres in de contactregel blijft staan, net als zonder eindtekst.
    assert "wijkverband.noord@gemeente.example" in (u.map / "terugkoppeling.txt").read_text()
    # Leeg maken: weer de tekst uit de vergadering.
    assert eindtekst.bewaar(g.opslag, wv, vid, "  ", VANDAAG) is False
    assert "Dank voor alle reacties" not in eindtekst.concept(g.opslag, wv, vid, VANDAAG)


def test_de_privacycheck_loopt_over_de_eindtekst(tmp_path):
    g = bouw_opslag(tmp_path / "db")
    wv, vid = g.wijkverband.id, g.vergadering_id
    exporteer(g.opslag, wv, vid, tmp_path / "eerst", vandaag=VANDAAG, nu=NU,
              privacy_akkoord=True)
    tekst = eindtekst.concept(g.opslag, wv, vid, VANDAAG)
    tekst += "\nMevrouw Pietersen van de Lindelaan 14 bedankt iedereen; bel 06-55556666.\n"
    eindtekst.bewaar(g.opslag, wv, vid, tekst, VANDAAG)
    with pytest.raises(PrivacyOnbeslist) as fout:
        exporteer(g.opslag, wv, vid, tmp_path / "uit", vandaag=VANDAAG, nu=NU)
    gevonden = " ".join(v.tekst for v in fout.value.alle)
    assert "Pietersen" in gevonden and "06-55556666" in gevonden
    assert not (tmp_path / "uit").exists() or not list((tmp_path / "uit").rglob("*.txt"))
    u = exporteer(g.opslag, wv, vid, tmp_path / "na", vandaag=VANDAAG, nu=NU,
                  privacy_akkoord=True)
    txt = (u.map / "terugkoppeling.txt").read_text("utf-8")
    assert "06-55556666" not in txt  # een nummer gaat er altijd uit


async def test_eindtekst_bewerken_op_het_startscherm(tmp_path):
    from schermen_pilot import op_startscherm

    from schermen.app import VergaderingApp
    from schermen.formulieren.eindtekst import EindtekstScherm

    g = bouw_opslag(tmp_path / "db")
    app = VergaderingApp(Opslag(tmp_path / "db"), klok=Klok(), vandaag=VANDAAG)
    async with app.run_test(size=(80, 24)) as pilot:
        await op_startscherm(pilot)
        await pilot.press("t")
        await wacht(pilot, lambda: isinstance(app.screen, EindtekstScherm))
        vak = app.screen.query_one("#tekst", TextArea)
        assert "Terugkoppeling aan bewoners" in vak.text
        vak.move_cursor(vak.document.end)
        vak.insert("\nDe notulist schreef dit erbij.")
        await pilot.press("ctrl+s")
        await wacht(pilot, lambda: not isinstance(app.screen, EindtekstScherm))
        await pilot.pause()
    v = Opslag(tmp_path / "db").vergadering(g.wijkverband.id, g.vergadering_id)
    assert v.terugkoppeling.eindtekst.endswith("De notulist schreef dit erbij.")
