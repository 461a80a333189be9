"""Het actieformulier (issue 10): elk veld in beeld op 80×24 en 120×36, een fout onder haar
veld met de focus erop, en meldingen die de knoppen niet bedekken."""

from __future__ import annotations

from pathlib import Path

import pytest
from schermen_gegevens import maak_app
from schermen_indeling import getoonde_fout, in_beeld
from schermen_pilot import begin_vergadering, kies, meldingen, typ, wacht
from textual.widgets import Button, Input, Label, Select
from textual.widgets._toast import Toast

from schermen.formulieren.actie import ActieFormulier
from schermen.formulieren.stemming import StemmingFormulier
from schermen.vergaderscherm import VergaderScherm
from vergadering.opslag import Opslag

KASTANJE, ZWERFAFVAL, BANKJES, VERLICHTING = "2611-s000", "2611-s001", "2611-s002", "2611-s003"
SPEELTUIN = "2611-s005"


async def _fase2_met_twee_acties(pilot) -> None:
    """Fase 2 met al twee aangenomen acties (het maximum): een derde vraagt een reden."""
    app = pilot.app
    await begin_vergadering(pilot)
    sessie = app.sessie
    sessie.zet_stippen(KASTANJE, 3)
    sessie.leg_top5_vast([KASTANJE, ZWERFAFVAL, SPEELTUIN, VERLICHTING, BANKJES])
    await pilot.press("n")
    for sid, wat in ((SPEELTUIN, "Speeltuin opknappen"), (KASTANJE, "Drempels leggen")):
        stemming = sessie.nieuwe_stemming(wat, sid, voor=4)
        sessie.leg_stemming_vast(stemming)
        sessie.neem_aan(sid, wat, "Woonstede", stemming=stemming)
    app.screen.ververs()
    app.clear_notifications()
    await pilot.pause()


async def _stem_en_werk_uit(pilot, sid: str = ZWERFAFVAL) -> ActieFormulier:
    """Breng met het toetsenbord een voorstel in stemming (aangenomen): het actieformulier
    gaat open, met de uitslag als melding erboven."""
    app = pilot.app
    scherm = app.screen
    assert isinstance(scherm, VergaderScherm)
    tabel = scherm.query_one("#top5")
    tabel.move_cursor(row=tabel.get_row_index(sid))
    await pilot.press("s")
    await wacht(pilot, lambda: isinstance(app.screen, StemmingFormulier))
    await typ(pilot, "Prullenbakken bij het winkelcentrum")
    await pilot.press("tab", "tab", "5", "enter")
    await pilot.press("ctrl+s")
    await wacht(pilot, lambda: isinstance(app.screen, ActieFormulier))
    return app.screen


def _velden(formulier: ActieFormulier) -> list:
    return [*formulier.query(Input), *formulier.query(Select)]


@pytest.mark.parametrize("grootte", [(80, 24), (120, 36)])
async def test_elk_veld_van_het_actieformulier_staat_in_beeld(tmp_path: Path, grootte) -> None:
    app = maak_app(tmp_path / "db")
    async with app.run_test(size=grootte) as pilot:
        await _fase2_met_twee_acties(pilot)
        formulier = await _stem_en_werk_uit(pilot)
        await pilot.pause()
        assert formulier.reden_nodig
        velden = _velden(formulier)
        assert {v.id for v in velden} >= {"omschrijving", "eigenaar", "partners", "eerste_stap",
                                          "stapdatum", "checkmoment", "verandering",
                                          "terugkoppelzin", "reden"}
        onzichtbaar = [v.id for v in velden if not in_beeld(v)]
        assert not onzichtbaar, f"onder de vouw of bedekt: {onzichtbaar}"
        labels = {str(label.render()): label for label in formulier.query(Label)}
        for tekst in ("Wat verandert er voor bewoners? (1 zin)",
                      "Terugkoppeling aan bewoners (1 zin)",
                      "Reden voor meer dan 2 acties (verplicht)"):
            assert in_beeld(labels[tekst]), tekst
        for knop in formulier.query(Button):
            assert in_beeld(knop), knop.id


async def test_fout_staat_onder_haar_veld_met_de_focus_erop(tmp_path: Path) -> None:
    app = maak_app(tmp_path / "db")
    async with app.run_test(size=(80, 24)) as pilot:
        await _fase2_met_twee_acties(pilot)
        formulier = await _stem_en_werk_uit(pilot)
        # Geen eigenaar: de fout staat onder de eigenaar en de focus gaat erheen.
        await pilot.press("ctrl+s")
        assert app.screen is formulier
        eigenaar = formulier.query_one("#eigenaar", Select)
        fout = getoonde_fout(formulier)
        assert fout.parent is eigenaar.parent
        assert fout.parent.children.index(fout) == fout.parent.children.index(eigenaar) + 1
        assert "eigenaar" in str(fout.render()).lower()
        assert eigenaar.has_focus and in_beeld(fout)
        await kies(pilot, eigenaar, "Woonstede")
        assert getoonde_fout(formulier) is None, "een verbeterd veld houdt geen oude fout"

        # Geen reden voor een derde actie: de fout komt onder de reden, onderaan.
        await pilot.press("ctrl+s")
        reden = formulier.query_one("#reden", Input)
        fout = getoonde_fout(formulier)
        assert fout.parent.children.index(fout) == fout.parent.children.index(reden) + 1
        assert "waarom er een bij moet" in str(fout.render())
        assert reden.has_focus
        await pilot.pause()
        assert in_beeld(fout) and in_beeld(reden)

        # Een onleesbare datum: de fout bij die datum.
        stap = formulier.query_one("#stapdatum", Input)
        stap.focus()
        await pilot.press("end", "x")
        await pilot.press("ctrl+s")
        fout = getoonde_fout(formulier)
        assert fout.parent is stap.parent and stap.has_focus and in_beeld(fout)
        await pilot.press("backspace")

        formulier.query_one("#reden", Input).focus()
        await typ(pilot, "Zwerfafval is het grootste punt van de avond")
        await pilot.press("ctrl+s")
        await wacht(pilot, lambda: isinstance(app.screen, VergaderScherm))
        assert app.bewaarder.wacht(10)
        vid = app.sessie.vergadering.id
    bewaard = Opslag(tmp_path / "db").vergadering("de-hoven-noord", vid)
    assert bewaard.reden_extra_acties == "Zwerfafval is het grootste punt van de avond"
    assert len(bewaard.acties) == 3


async def test_een_melding_bedekt_de_knoppen_van_een_formulier_niet(tmp_path: Path) -> None:
    app = maak_app(tmp_path / "db")
    # Meldingen tekent run_test alleen als men erom vraagt.
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await _fase2_met_twee_acties(pilot)
        formulier = await _stem_en_werk_uit(pilot)
        # De uitslag van de stemming staat als melding boven het formulier.
        assert any("Aangenomen" in m for m in meldingen(app))
        app.notify("Een tweede melding, lang genoeg voor twee regels op een smal scherm.",
                   timeout=60)
        await pilot.pause()
        await wacht(pilot, lambda: len(formulier.query(Toast)) >= 2)
        toasts = list(formulier.query(Toast))
        for knop in formulier.query(Button):
            assert in_beeld(knop), knop.id
            assert not any(t.region.overlaps(knop.region) for t in toasts)
        for veld in _velden(formulier):
            assert not any(t.region.overlaps(veld.region) for t in toasts), veld.id
        # Klikbaar: een klik op Annuleren komt bij de knop, niet bij een melding.
        await pilot.click("#annuleer")
        await wacht(pilot, lambda: isinstance(app.screen, VergaderScherm))
        assert any("Nog niet uitgewerkt" in m for m in meldingen(app))
