"""Van toets tot beeld: een stip erbij in fase 1, op de tienjarige gegevens.

In één proces draait de echte app (``VergaderingApp``) headless via ``run_test`` op een
kopie van de tienjarige opslagmap, op 80×24. Een vergadering van het eerste wijkverband
wordt begonnen met dezelfde methode die het startdialoog aanroept
(``VergaderingApp.begin_vergadering``, iedereen aanwezig); dan staat fase 1 open met de
ranglijst van alle open signalen.

Gemeten wordt, per toets, van het moment dat de toets wordt aangeboden
(``pilot.press``) tot het moment dat het scherm met de nieuwe stand naar de terminal wordt
geschreven (``App._display`` met de gewijzigde vergadering). Tussen twee toetsen zit een
korte pauze, zoals bij een voorzitter die stippen intikt (en zodat de tekentimer van
Textual, die hoogstens 60 keer per seconde tekent, niet de wachtrij vormt).

- ``→`` zet een stip erbij op de geselecteerde rij (het getal dat telt, doel p95 < 16,7 ms);
- ``←`` haalt hem weer weg (ter vergelijking);
- ``↓`` gaat naar de volgende rij (niet gemeten), zodat steeds een ander signaal schuift.

Daarnaast, voor wie wil weten waar de tijd zit: wanneer de stand verwerkt was (de stip in
de vergadering) en wanneer het paneel zijn tabel opnieuw gevuld had (vóór het tekenen);
de rest tot het beeld is Textual die de opmaak berekent en de tabel tekent.

Elke stip wordt ook echt bewaard (journaalregel + fsync, vóór het beeld), zoals in een
vergadering.

Ter vergelijking, in dezelfde run en op dezelfde manier gemeten: een kale Textual-app
(Header, Digits, Footer) waarin → het getal op de Digits één ophoogt. Dat is wat Textual
op deze machine minimaal nodig heeft van toets tot beeld; het verschil is van ons.

Uitgangscode 0 als het doel gehaald is, anders 1.

Gebruik::

    .venv/bin/python bench/toets.py                  # maakt de tienjarige map in /tmp
    .venv/bin/python bench/toets.py --map /tmp/tienjaar --toetsen 300 --profiel
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

WORTEL = Path(__file__).resolve().parent.parent
if str(WORTEL) not in sys.path:
    sys.path.insert(0, str(WORTEL))

FRAME_MS = 1000 / 60
PAUZE_S = 0.05  # tussen twee toetsen: een vlotte voorzitter, geen toetsenbordherhaling


def _percentiel(waarden: list[float], p: float) -> float:
    geordend = sorted(waarden)
    if not geordend:
        return float("nan")
    k = (len(geordend) - 1) * p / 100
    onder = int(k)
    boven = min(onder + 1, len(geordend) - 1)
    return geordend[onder] + (geordend[boven] - geordend[onder]) * (k - onder)


async def _meet(map_: Path, toetsen: int, profiel: bool) -> dict[str, list[float]]:
    from schermen.app import VergaderingApp
    from schermen.fase_signalen import StippenTabel
    from schermen.start import StartScherm
    from vergadering.opslag import Opslag

    app = VergaderingApp(Opslag(map_), vandaag=date.today())
    echte_display = app._display
    # Elk moment dat er getekend wordt, met de stand van de stippen op dat moment.
    getekend: list[tuple[float, int]] = []

    def display(screen, update):  # type: ignore[no-untyped-def]
        sessie = app.sessie
        stand = sum(sessie.vergadering.stippen.values()) if sessie is not None else -1
        getekend.append((time.perf_counter(), stand))
        return echte_display(screen, update)

    app._display = display  # type: ignore[method-assign]

    uitslag: dict[str, list[float]] = {"erbij": [], "eraf": [], "verwerkt": [], "ververst": []}
    async with app.run_test(size=(80, 24)) as pilot:
        # Wacht tot het startscherm zijn overzicht uit tien jaar gegevens heeft.
        start = next(s for s in app.screen_stack if isinstance(s, StartScherm))
        while start.overzicht is None:
            await pilot.pause(0.01)
        await pilot.pause(0.1)
        for _ in range(10):  # bijvoorbeeld 'verder met de open vergadering?': nee
            if app.screen is start:
                break
            await pilot.press("escape")
            await pilot.pause(0.05)
        wv = start.gekozen
        assert wv is not None
        namen = {lid.rol: lid.naam for lid in wv.leden}
        app.begin_vergadering(wv, {
            "datum": date.today(),
            "plaats": "Buurthuis",
            "aanwezigheid": {lid.id: "aanwezig" for lid in wv.leden},
            "voorzitter": namen.get("voorzitter", ""),
            "notulist": namen.get("notulist", ""),
        })
        await pilot.pause()
        tabel = app.screen.query_one(StippenTabel)
        tabel.focus()
        await pilot.pause(0.2)
        sessie = app.sessie
        assert sessie is not None
        print(f"Fase 1 van {wv.naam}: {tabel.row_count} open signalen in de ranglijst, "
              f"{sessie.stippen_beschikbaar()} stippen te verdelen.", file=sys.stderr)

        verwerkt_op: list[float] = []
        echte_zet = sessie.zet_stippen

        def zet_stippen(*args: object, **kwargs: object) -> None:
            echte_zet(*args, **kwargs)
            verwerkt_op.append(time.perf_counter())

        sessie.zet_stippen = zet_stippen  # type: ignore[method-assign]

        # En wanneer het paneel zijn tabel opnieuw gevuld heeft (vóór het tekenen).
        from schermen.fase_signalen import FaseSignalen

        paneel = app.screen.query_one(FaseSignalen)
        echte_ververs = paneel.ververs
        ververst_op: list[float] = []

        def ververs() -> None:
            echte_ververs()
            ververst_op.append(time.perf_counter())

        paneel.ververs = ververs  # type: ignore[method-assign]

        profiler = None
        if profiel:
            import cProfile

            profiler = cProfile.Profile()

        async def druk(toets: str, verwacht: int) -> float:
            """Tijd van de toets tot het eerste beeld met ``verwacht`` stippen in totaal."""
            getekend.clear()
            verwerkt_op.clear()
            ververst_op.clear()
            begin = time.perf_counter()
            await pilot.press(toets)
            while True:
                klaar = next((t for t, stand in getekend if stand == verwacht), None)
                if klaar is not None:
                    break
                if time.perf_counter() - begin > 5:
                    raise SystemExit(f"Na '{toets}' kwam er geen nieuw beeld; stopt.")
                await asyncio.sleep(0.0005)
            if verwerkt_op:
                uitslag["verwerkt"].append((verwerkt_op[0] - begin) * 1000)
            if ververst_op:
                uitslag["ververst"].append((ververst_op[0] - begin) * 1000)
            return (klaar - begin) * 1000

        await asyncio.sleep(PAUZE_S)
        if profiler is not None:
            profiler.enable()
        for i in range(toetsen):
            totaal = sum(sessie.vergadering.stippen.values())
            uitslag["erbij"].append(await druk("right", totaal + 1))
            await asyncio.sleep(PAUZE_S)
            uitslag["eraf"].append(await druk("left", totaal))
            await asyncio.sleep(PAUZE_S)
            if i % 3 == 2:
                await pilot.press("down")
                await asyncio.sleep(PAUZE_S)
        if profiler is not None:
            profiler.disable()
            import pstats

            print("\nProfiel van de toetsen (cumulatief, de duurste 35):", file=sys.stderr)
            pstats.Stats(profiler, stream=sys.stderr).sort_stats("cumulative").print_stats(35)
        app.bewaarder.wacht()
    return uitslag


async def _meet_kaal(toetsen: int) -> list[float]:
    """Dezelfde meting op een kale Textual-app: → hoogt een getal op de Digits op."""
    from textual.app import App, ComposeResult
    from textual.binding import Binding
    from textual.widgets import Digits, Footer, Header

    class Kaal(App[None]):
        BINDINGS = [Binding("right", "op", "Op")]
        stand = 0

        def compose(self) -> ComposeResult:
            yield Header()
            yield Digits("0")
            yield Footer()

        def action_op(self) -> None:
            self.stand += 1
            self.query_one(Digits).update(str(self.stand))

    app = Kaal()
    echte_display = app._display
    getekend: list[tuple[float, int]] = []

    def display(screen, update):  # type: ignore[no-untyped-def]
        getekend.append((time.perf_counter(), app.stand))
        return echte_display(screen, update)

    app._display = display  # type: ignore[method-assign]
    tijden: list[float] = []
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause(0.2)
        for _ in range(toetsen):
            getekend.clear()
            verwacht = app.stand + 1
            begin = time.perf_counter()
            await pilot.press("right")
            while not any(stand == verwacht for _, stand in getekend):
                if time.perf_counter() - begin > 5:
                    raise SystemExit("De kale app tekende niet opnieuw; stopt.")
                await asyncio.sleep(0.0005)
            klaar = next(t for t, stand in getekend if stand == verwacht)
            tijden.append((klaar - begin) * 1000)
            await asyncio.sleep(PAUZE_S)
    return tijden


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--toetsen", type=int, default=200, help="aantal stippen erbij (200)")
    parser.add_argument("--map", type=Path, default=None,
                        help="een bestaande tienjarige opslagmap (wordt niet gewijzigd)")
    parser.add_argument("--profiel", action="store_true", help="cProfile over de toetsen")
    args = parser.parse_args(argv)

    werk = Path(tempfile.mkdtemp(prefix="vergadering-toets-"))
    try:
        bron = args.map
        if bron is None or not (bron / "opslag.json").exists():
            from bench.tienjaar import maak

            bron = bron or werk / "bron"
            print(f"Tienjarige gegevens maken in {bron} …", file=sys.stderr)
            maak(bron, jaren=10, wijkverbanden=5, seed=1)
        map_ = werk / "opslag"
        shutil.copytree(bron, map_)  # de bench begint een vergadering: niet in de bron
        uitslag = asyncio.run(_meet(map_, args.toetsen, args.profiel))
        uitslag["kaal"] = asyncio.run(_meet_kaal(args.toetsen))
    finally:
        shutil.rmtree(werk, ignore_errors=True)

    print(f"\nVan toets tot beeld in fase 1 (80×24, tienjarige gegevens), {args.toetsen} keer:")
    print(f"{'':28} {'p50':>8} {'p95':>8} {'max':>8}")
    for naam, sleutel in (("stip erbij (→), tot beeld", "erbij"),
                          ("stip eraf (←), tot beeld", "eraf"),
                          ("  waarvan: stand verwerkt", "verwerkt"),
                          ("  waarvan: tabel gevuld", "ververst"),
                          ("kale Textual-app, → tot beeld", "kaal")):
        w = uitslag[sleutel]
        print(f"{naam:28} {statistics.median(w):>6.1f}ms {_percentiel(w, 95):>6.1f}ms "
              f"{max(w):>6.1f}ms")
    p95 = _percentiel(uitslag["erbij"], 95)
    kaal = _percentiel(uitslag["kaal"], 95)
    print(f"\nVerhouding bij p95, stip erbij tegen de kale app: {p95 / kaal:.2f}× "
          f"(p50: {statistics.median(uitslag['erbij']) / statistics.median(uitslag['kaal']):.2f}×)")
    oordeel = "gehaald" if p95 < FRAME_MS else "NIET gehaald"
    print(f"\nDoel: een stip erbij binnen één beeld van 60 Hz ({FRAME_MS:.1f} ms) bij p95: "
          f"{p95:.1f} ms — {oordeel}.")
    return 0 if p95 < FRAME_MS else 1


if __name__ == "__main__":
    raise SystemExit(main())
