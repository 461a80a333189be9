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
from vergadering.opslag import Opslag
from vergadering.sessie import Sessie
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
            tabel._getekend.clear()  # de vergelijking: echt alles vers getekend
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
    van de garbage collector ze niet meer naloopt (die liet het scherm tientallen ms hangen).
    Het startscherm leest ze niet meer (de startindex); de vergadering wel."""
    import gc

    maak_opslag(tmp_path / "db")
    gc.unfreeze()
    try:
        app = VergaderingApp(Opslag(tmp_path / "db"), klok=Klok(), vandaag=VANDAAG)
        async with app.run_test(size=(80, 24)) as pilot:
            await op_startscherm(pilot)
            await begin_vergadering(pilot)
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
    from schermen.formulieren.basis import TekstVraag

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


async def test_twintig_cijfers_in_een_keer_landen_elk_op_hun_signaal_en_staan_op_schijf(
    tmp_path: Path,
) -> None:
    """Twintig cijfers die tegelijk binnenkomen (sneller dan het scherm tekent, zoals 20
    toetsen per seconde op een drukke laptop): elk landt op zijn eigen signaal, alle twintig
    staan op schijf, en geen enkel beeld toont een stip die nog niet op schijf stond."""
    from textual import events

    opslag = maak_opslag(tmp_path / "db")
    wv = next(w for w in opslag.wijkverbanden() if w.id == "de-hoven-noord")
    wv.stippen_per_lid = 20  # genoeg stippen voor twintig cijfers
    opslag.bewaar_wijkverband(wv)
    for i in range(25):  # meer signalen dan cijfers, en langer dan het scherm
        opslag.bewaar_signaal(Signaal(
            f"2611-x{i:03d}", wv.id, f"Extra signaal nummer {i}",
            VANDAAG - timedelta(days=i % 9), aantal=1,
        ))
    app = VergaderingApp(Opslag(tmp_path / "db"), klok=Klok(), vandaag=VANDAAG)
    async with app.run_test(size=(80, 24)) as pilot:
        tabel, sessie, volgorde = await _begin_bij_de_ranglijst(pilot)
        assert tabel.has_focus
        vergadering = sessie.vergadering
        getoond_niet_bewaard: list[dict[str, int]] = []
        echte_display = app._display

        def display(screen, update):  # type: ignore[no-untyped-def]
            # Wat het scherm nu laat zien, komt uit de vergadering in het geheugen.
            op_schijf = Opslag(tmp_path / "db").vergadering(wv.id, vergadering.id).stippen
            if op_schijf != vergadering.stippen:
                getoond_niet_bewaard.append(dict(vergadering.stippen))
            return echte_display(screen, update)

        app._display = display  # type: ignore[method-assign]
        cijfers = "12312312312312312312"
        for cijfer in cijfers:  # alle twintig in de rij voordat er één verwerkt is
            app.post_message(events.Key(cijfer, cijfer))
        verwacht = {volgorde[i]: int(c) for i, c in enumerate(cijfers)}
        await wacht(pilot, lambda: vergadering.stippen == verwacht)
        await pilot.pause()
        assert tabel.geselecteerd() == volgorde[len(cijfers)]
        assert not getoond_niet_bewaard, "een beeld toonde stippen die niet op schijf stonden"
        # Alles op schijf, ook voor wie de map daarna opent (een kill -9 hierna verliest niets).
        assert Opslag(tmp_path / "db").vergadering(wv.id, vergadering.id).stippen == verwacht


async def test_muiswiel_schuift_het_venster_en_laat_de_cursor_staan(tmp_path: Path) -> None:
    """De lijst schuift zelf (geen schuifstap van Textual): het muiswiel verschuift de rijen
    in beeld, de cursor blijft op zijn signaal, en een pijltje haalt hem weer in beeld."""
    from textual import events

    opslag = maak_opslag(tmp_path / "db")
    for i in range(40):
        opslag.bewaar_signaal(Signaal(
            f"2611-x{i:03d}", "de-hoven-noord", f"Extra signaal nummer {i}",
            VANDAAG - timedelta(days=i % 9), aantal=1,
        ))
    app = VergaderingApp(Opslag(tmp_path / "db"), klok=Klok(), vandaag=VANDAAG)
    async with app.run_test(size=(80, 24)) as pilot:
        tabel, _, volgorde = await _begin_bij_de_ranglijst(pilot)
        for _ in range(2):
            tabel.post_message(events.MouseScrollDown(tabel, 1, 3, 0, 1, 0, False, False, False))
        await pilot.pause()
        assert tabel.boven == 6
        assert tabel.geselecteerd() == volgorde[0]
        gedeeltelijk = _scherm(app)
        tabel.refresh()
        await pilot.pause()
        assert _scherm(app) == gedeeltelijk
        assert tabel.render_line(1).text.strip().startswith("–")  # rij 7 staat bovenaan
        assert "rij 7–" in tabel.render_line(0).text
        await pilot.press("down")
        assert tabel.boven == 1 and tabel.geselecteerd() == volgorde[1]


async def test_bewaarde_rijen_volgen_een_ander_thema_en_de_focus(tmp_path: Path) -> None:
    """De lijst bewaart getekende rijen; na een ander thema of focus elders mag geen rij in
    de oude kleuren blijven staan (zelfde beeld als wanneer alles vers getekend wordt)."""
    app = maak_app(tmp_path / "db")
    async with app.run_test(size=(80, 24)) as pilot:
        tabel, _, _ = await _begin_bij_de_ranglijst(pilot)
        tabel.focus()
        await pilot.press("down", "right")
        voor = _scherm(app)

        async def vers() -> list[str]:
            tabel._getekend.clear()
            tabel.refresh()
            await pilot.pause()
            return _scherm(app)

        app.theme = "textual-light" if app.theme != "textual-light" else "textual-dark"
        await pilot.pause()
        na_thema = _scherm(app)
        assert na_thema != voor
        assert await vers() == na_thema
        tabel.blur()
        await pilot.pause()
        zonder_focus = _scherm(app)
        assert await vers() == zonder_focus
