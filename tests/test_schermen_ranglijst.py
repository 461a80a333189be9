"""De ranglijst tekent bij een stip of een cursorstap alleen de regels die veranderen; wat
de zaal ziet, moet dan toch precies hetzelfde zijn als wanneer alles opnieuw getekend wordt."""

from __future__ import annotations

import random
from datetime import timedelta
from pathlib import Path

from schermen_gegevens import VANDAAG, Klok, maak_app, maak_opslag
from schermen_pilot import begin_vergadering, op_startscherm, wacht

from schermen.app import VergaderingApp
from schermen.fase_signalen import StippenTabel
from schermen.sessie import Sessie
from vergadering.opslag import Opslag
from vergadering.signaal import Signaal


def _scherm(app: VergaderingApp) -> list[str]:
    """Het beeld zoals de compositor het nu heeft, met kleuren (de cursor is een kleur)."""
    return [
        "".join(f"{seg.text}\x00{seg.style}" for seg in strip)
        for strip in app.screen._compositor.render_strips()
    ]


async def _begin_bij_de_ranglijst(pilot) -> tuple[StippenTabel, Sessie, list[str]]:
    """Begin een vergadering; geef de stippentabel, de sessie en de rijen op volgorde."""
    await begin_vergadering(pilot)
    tabel = pilot.app.screen.query_one(StippenTabel)
    sessie = pilot.app.sessie
    assert sessie is not None
    return tabel, sessie, [tabel.sleutel_op(i) for i in range(tabel.row_count)]


async def test_gedeeltelijk_tekenen_geeft_hetzelfde_beeld_als_alles_tekenen(
    tmp_path: Path,
) -> None:
    opslag = maak_opslag(tmp_path / "db")
    for i in range(60):  # langer dan het scherm: er moet ook geschoven worden
        opslag.bewaar_signaal(Signaal(
            f"2611-x{i:03d}", "de-hoven-noord", f"Extra signaal nummer {i}",
            VANDAAG - timedelta(days=i % 9), aantal=1 + i % 4,
        ))
    app = VergaderingApp(Opslag(tmp_path / "db"), klok=Klok(), vandaag=VANDAAG)
    toetsen = ["right", "left", "down", "up", "pagedown", "pageup", "end", "home",
               "1", "2", "0", "3"]
    kans = random.Random(7)
    async with app.run_test(size=(80, 24)) as pilot:
        await begin_vergadering(pilot)
        tabel = app.screen.query_one(StippenTabel)
        tabel.focus()
        await pilot.pause()
        sessie = app.sessie
        assert sessie is not None
        # Geen schuifbalk: de kopregel zegt welke rijen in beeld staan.
        zichtbaar = tabel.size.height - 1
        kop = tabel.render_line(0).text
        assert f"rij 1–{zichtbaar} van {tabel.row_count}" in kop
        assert kop.startswith(" Plek")
        gezien = set()
        for stap in range(50):
            toets = kans.choice(toetsen)
            await pilot.press(toets)  # wacht tot de toets verwerkt en getekend is
            gedeeltelijk = _scherm(app)
            tabel.refresh()
            await pilot.pause()
            assert _scherm(app) == gedeeltelijk, f"stap {stap} ({toets}): een regel bleef oud"
            # De rij onder de cursor is die van de ranglijst op die plek.
            assert tabel.geselecteerd() == sessie.ranglijst_ids()[tabel.cursor_row]
            gezien.add((tabel.boven > 0, sum(sessie.vergadering.stippen.values())))
        eerste = tabel.boven + 1
        assert f"rij {eerste}–{eerste + zichtbaar - 1} van {tabel.row_count}" in (
            tabel.render_line(0).text
        )
        # De proef heeft echt geschoven en echt stippen gezet.
        assert any(geschoven for geschoven, _ in gezien)
        assert any(stippen for _, stippen in gezien)


async def test_gegevens_na_het_laden_buiten_de_garbage_collector(tmp_path: Path) -> None:
    """Jaren aan gegevens in het geheugen: na het laden bevroren, zodat een volledige ronde
    van de garbage collector ze niet meer naloopt (die liet het scherm tientallen ms hangen)."""
    import gc

    maak_opslag(tmp_path / "db")
    gc.unfreeze()
    try:
        app = VergaderingApp(Opslag(tmp_path / "db"), klok=Klok(), vandaag=VANDAAG)
        async with app.run_test(size=(80, 24)) as pilot:
            await op_startscherm(pilot)
            assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()


async def test_cijfers_lopen_de_lijst_af_en_pijltjes_blijven_bij_het_signaal(
    tmp_path: Path,
) -> None:
    """De voorzitter leest de flap van boven naar beneden en tikt per signaal een cijfer:
    na elk cijfer staat de cursor op het signaal dat eronder stond, ook al schoof het
    signaal met zijn stippen omhoog. → en ← blijven bij hetzelfde signaal."""
    app = maak_app(tmp_path / "db")
    async with app.run_test(size=(80, 24)) as pilot:
        tabel, sessie, volgorde = await _begin_bij_de_ranglijst(pilot)
        assert tabel.has_focus
        # Van onder naar boven tikken zou niets laten schuiven; begin op de derde rij, zodat
        # het eerste signaal omhoog schuift en de rest eronder blijft.
        await pilot.press("down", "down")
        await pilot.press("2", "0", "3", "1")
        stippen = sessie.vergadering.stippen
        assert stippen == {volgorde[2]: 2, volgorde[4]: 3, volgorde[5]: 1}
        assert tabel.geselecteerd() == volgorde[6]
        # Hetzelfde getal nog eens (hier 0): niets bewaard, wel door.
        await pilot.press("0")
        assert tabel.geselecteerd() == volgorde[7]
        # → en ← blijven bij het signaal, ook als het schuift.
        await pilot.press("right", "right", "right", "right")
        assert stippen[volgorde[7]] == 4
        assert tabel.geselecteerd() == volgorde[7]
        assert tabel.cursor_row == 0  # bovenaan de ranglijst, met de meeste stippen
        # Alle stippen op: een cijfer erboven wordt geweigerd, en de cursor blijft staan.
        beschikbaar = sessie.stippen_beschikbaar()
        for _ in range(beschikbaar - sum(stippen.values())):
            await pilot.press("right")
        assert sum(stippen.values()) == beschikbaar
        await pilot.press("down")
        voor, stand = tabel.geselecteerd(), dict(stippen)
        assert stand.get(voor, 0) < 9
        await pilot.press("9")
        assert tabel.geselecteerd() == voor
        assert stippen == stand


async def test_snel_getikte_cijfers_gaan_elk_naar_hun_eigen_signaal(tmp_path: Path) -> None:
    """Toetsen die sneller komen dan het scherm tekent (een snelle typist, een volle
    toetsenbuffer): elke toets ziet de cursor waar de vorige hem liet."""
    from textual import events

    app = maak_app(tmp_path / "db")
    async with app.run_test(size=(80, 24)) as pilot:
        tabel, sessie, volgorde = await _begin_bij_de_ranglijst(pilot)
        # Alle toetsen in één keer in de rij, zonder tussendoor te wachten.
        for toets in "3210":
            app.post_message(events.Key(toets, toets))
        app.post_message(events.Key("right", None))
        app.post_message(events.Key("right", None))
        await pilot.pause()
        await wacht(pilot, lambda: sum(sessie.vergadering.stippen.values()) == 8)
        assert sessie.vergadering.stippen == {
            volgorde[0]: 3, volgorde[1]: 2, volgorde[2]: 1, volgorde[4]: 2,
        }


async def test_enter_vraagt_een_groter_getal_en_gaat_daarna_door(tmp_path: Path) -> None:
    from schermen.dialogen import TekstVraag

    app = maak_app(tmp_path / "db")
    async with app.run_test(size=(80, 24)) as pilot:
        tabel, sessie, volgorde = await _begin_bij_de_ranglijst(pilot)
        await pilot.press("down", "enter")
        await wacht(pilot, lambda: isinstance(app.screen, TekstVraag))
        await pilot.press("1", "2", "enter")  # het voorstel (0) staat geselecteerd
        await wacht(pilot, lambda: not isinstance(app.screen, TekstVraag))
        assert sessie.vergadering.stippen == {volgorde[1]: 12}
        assert tabel.sleutel_op(0) == volgorde[1]
        assert tabel.geselecteerd() == volgorde[2]
