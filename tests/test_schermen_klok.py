"""De klok in de app, met een nepklok: waarschuwing, uitloop, +1 minuut, pauze, nooit
vanzelf verder, en na een herstart midden in een fase dezelfde fase met de juiste tijd."""

from __future__ import annotations

from pathlib import Path

from schermen_gegevens import VANDAAG, Klok, maak_app
from schermen_pilot import begin_vergadering, wacht

from schermen.app import VergaderingApp
from schermen.bevestig import Bevestig
from schermen.klok import FaseKlok
from schermen.vergaderscherm import VergaderScherm
from vergadering.opslag import Opslag


def _klokbeeld(app: VergaderingApp):
    klok = app.screen.query_one(FaseKlok)
    klok.ververs()
    return klok.beeld


async def test_waarschuwing_uitloop_minuut_en_pauze(tmp_path: Path) -> None:
    klok = Klok()
    app = maak_app(tmp_path / "db", klok)
    async with app.run_test(size=(80, 24)) as pilot:
        await begin_vergadering(pilot)
        v = app.sessie.vergadering
        beeld = _klokbeeld(app)
        assert beeld.cijfers == "05:00" and beeld.stand == "normaal"

        klok.verzet(4 * 60 + 10)  # nog 50 seconden: waarschuwen
        beeld = _klokbeeld(app)
        assert beeld.stand == "waarschuwing" and "afronden" in beeld.woorden
        assert app.screen.query_one(FaseKlok).has_class("-waarschuwing")

        klok.verzet(73)  # 23 seconden over tijd, in woorden én cijfers
        beeld = _klokbeeld(app)
        assert beeld.stand == "over" and beeld.cijfers == "+00:23"
        assert "+00:23 over tijd" in beeld.woorden

        await pilot.press("plus")  # +1 minuut: weer 37 seconden over
        assert v.fasen[0].extra_s == 60
        beeld = _klokbeeld(app)
        assert beeld.cijfers == "00:37" and beeld.stand == "waarschuwing"

        await pilot.press("space")  # pauze: de tijd staat stil
        assert not app.sessie.agendaklok.loopt
        klok.verzet(500)
        beeld = _klokbeeld(app)
        assert beeld.cijfers == "00:37" and beeld.stand == "gepauzeerd"
        await pilot.press("space")  # hervat
        klok.verzet(20)
        assert _klokbeeld(app).cijfers == "00:17"

        klok.verzet(3600)  # de klok gaat nooit vanzelf naar de volgende fase
        await pilot.pause(0.3)
        assert v.fase_index == 0 and _klokbeeld(app).cijfers == "+59:43"
        assert app.bewaarder.wacht(10)

    # Pauze, hervatten en de extra minuut staan in het bewaarde bestand en het logboek.
    bewaard = Opslag(tmp_path / "db").vergadering("de-hoven-noord", v.id)
    assert bewaard.fasen[0].extra_s == 60
    log = [r.tekst for r in bewaard.logboek]
    assert "Klok gepauzeerd." in log and "Klok loopt weer." in log
    assert any("Eén minuut extra" in r for r in log)


async def test_herstart_midden_in_een_fase(tmp_path: Path) -> None:
    """De app stopt midden in fase 2; bij het opnieuw openen wordt de vergadering
    aangeboden en loopt de klok verder met de tijd die intussen verstreken is."""
    klok = Klok()
    app = maak_app(tmp_path / "db", klok)
    async with app.run_test(size=(80, 24)) as pilot:
        await begin_vergadering(pilot)
        klok.verzet(200)
        await pilot.press("n")  # naar fase 2 na 200 s
        klok.verzet(150)  # 150 s in fase 2
        vergadering_id = app.sessie.vergadering.id
        assert app.sessie.vergadering.fase_index == 1
        assert app.bewaarder.wacht(10)
        # Geen nette afsluiting: het proces 'sterft' hier; wat er staat, staat op schijf.

    klok.verzet(30)  # een halve minuut om de laptop opnieuw op te starten
    app = VergaderingApp(Opslag(tmp_path / "db"), klok=klok, vandaag=VANDAAG)
    async with app.run_test(size=(80, 24)) as pilot:
        await wacht(pilot, lambda: isinstance(app.screen, Bevestig))
        assert "nog niet gesloten" in app.screen.vraag
        await pilot.press("j")
        await wacht(pilot, lambda: isinstance(app.screen, VergaderScherm))
        sessie = app.sessie
        assert sessie.vergadering.id == vergadering_id
        assert sessie.vergadering.fase_index == 1
        assert sessie.agendaklok.gebruikt(sessie.vergadering.fasen[0]) == 200
        assert sessie.agendaklok.gebruikt() == 180  # 150 + 30: de klok liep door
        beeld = _klokbeeld(app)
        assert beeld.titel.startswith("Fase 2") and beeld.cijfers == "07:00"
        assert app.screen.query_one("#fasen").current == "fase-acties"
