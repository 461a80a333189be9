"""De beamer in een browser: van een stip in proces A tot het nieuwe beeld in Chromium.

Proces A (deze meting) is de voorzitter: een ``Sessie`` op een eigen ``Opslag`` die N keer
een stip zet (om en om 1 en 2 stippen op één signaal), met een willekeurige pauze van
0,3–0,7 s ertussen. Proces B is `vergadering beamer --web`: textual-serve met per browser een
beamer-proces. Chromium (Debians pakket, via Playwright) heeft de pagina open.

Per stip drie momenten op de wandklok (Python en Chromium op dezelfde machine):

- *beamer*: de beamer schreef zijn stand met de nieuwe versie (VERGADERING_BEAMER_STAND, na
  het tekenen; dit is het anker: hetzelfde beeld als op een beamer in de terminal);
- *browser*: het eerste websocketbericht dat Chromium daarna ontvangt (het beeld onderweg
  naar het canvas).

Doel uit issue 9: de ranglijst in de browser verandert binnen 1 s. Uitgangscode 0 als p95 van
*browser* ≤ 1 s.

Gebruik::

    .venv/bin/python bench/beamer_web.py                 # 60 stippen, bij 1, 10 en 30 jaar
    .venv/bin/python bench/beamer_web.py --jaren 10 --aantal 100
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

DOEL_S = 1.0


def _versie(pad: Path) -> int | None:
    try:
        return json.loads(pad.read_text(encoding="utf-8")).get("versie")
    except (OSError, ValueError):
        return None


def meet(map_: Path, aantal: int, seed: int = 1) -> tuple[list[float], list[float]]:
    """Geeft per stip (seconden) op een kopie van ``map_``: tot het beeld van de beamer, tot
    het bericht in de browser."""
    from playwright.sync_api import sync_playwright
    from schermen_gegevens import vrije_poort

    from bench.beamer import lopende_sessie

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        raise SystemExit("Chromium ontbreekt; installeer het Debian-pakket chromium.")
    werk = Path(tempfile.mkdtemp(prefix="beamer-web-"))
    shutil.copytree(map_, werk / "db")
    sessie = lopende_sessie(werk / "db")
    wv = sessie.wijkverband.id
    stand = werk / "stand.json"
    poort = vrije_poort()
    server = subprocess.Popen(
        [sys.executable, "-m", "schermen", "beamer", "--web", "--poort", str(poort),
         "--db", str(werk / "db"), "--wijkverband", wv],
        env={**os.environ, "VERGADERING_BEAMER_STAND": str(stand)},
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
    beamer, browser = [], []
    try:
        while True:  # tot de server luistert
            try:
                socket.create_connection(("127.0.0.1", poort), timeout=1).close()
                break
            except OSError:
                if server.poll() is not None:
                    raise SystemExit("De beamerserver stopte meteen; draai de opdracht zelf "
                                     "om te zien waarom.") from None
                time.sleep(0.05)
        with sync_playwright() as pw:
            b = pw.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
            pagina = b.new_page(viewport={"width": 1600, "height": 900})
            # Het moment van aankomst noteert de pagina zelf (Date.now, de wandklok): de
            # gebeurtenissen van Playwright komen pas bij zijn volgende aanroep binnen.
            pagina.add_init_script(_OPNEMER)
            pagina.goto(f"http://127.0.0.1:{poort}/")
            pagina.wait_for_selector("body.-first-byte", timeout=30_000)
            kans = random.Random(seed)
            doel = sessie.plekken()[-1].signaal.id
            while _versie(stand) != sessie.vergadering.versie:
                pagina.wait_for_timeout(50)
            for i in range(aantal):
                pagina.wait_for_timeout(kans.uniform(300, 700))
                t0 = time.time()
                sessie.zet_stippen(doel, 1 + i % 2)
                versie = sessie.vergadering.versie
                while _versie(stand) != versie:
                    time.sleep(0.002)
                t1 = time.time()
                # Het eerste beeld dat daarna de browser bereikt (ook de klok tikt elke
                # seconde: dat is hooguit eerder, nooit later dan het nieuwe beeld).
                t2 = None
                while t2 is None:
                    aankomsten = pagina.evaluate("window.__aankomst")
                    t2 = next((t / 1000 for t in aankomsten if t / 1000 >= t1), None)
                    if t2 is None:
                        time.sleep(0.005)
                beamer.append(t1 - t0)
                browser.append(t2 - t0)
            b.close()
    finally:
        server.terminate()
        server.wait(20)
        shutil.rmtree(werk, ignore_errors=True)
    return beamer, browser


_OPNEMER = """
(() => {
  window.__aankomst = [];
  const Echt = window.WebSocket;
  window.WebSocket = function (...args) {
    const ws = new Echt(...args);
    ws.addEventListener("message", () => window.__aankomst.push(Date.now()));
    return ws;
  };
  window.WebSocket.prototype = Echt.prototype;
})();
"""


def _p95(waarden: list[float]) -> float:
    return sorted(waarden)[max(0, round(0.95 * len(waarden)) - 1)]


def main(argv: list[str] | None = None) -> int:
    """Meet en druk de tabel af; 0 als het doel gehaald is."""
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--jaren", type=int, nargs="+", default=[1, 10, 30])
    p.add_argument("--aantal", type=int, default=60, help="aantal stippen per grootte")
    args = p.parse_args(argv)
    from bench.start import gegevensmap

    print(f"{'grootte':<8} {'moment':<42} {'mediaan ms':>10} {'p95 ms':>8}")
    print("-" * 71)
    gehaald = True
    for jaren in args.jaren:
        beamer, browser = meet(gegevensmap(jaren), args.aantal)
        extra = [b - a for a, b in zip(beamer, browser, strict=True)]
        for naam, w in (("beamer heeft het nieuwe beeld (anker)", beamer),
                        ("bericht met dat beeld in Chromium", browser),
                        ("  waarvan websocket naar de browser", extra)):
            print(f"{jaren:>2} jaar  {naam:<42} {statistics.median(w) * 1000:>10.0f} "
                  f"{_p95(w) * 1000:>8.0f}")
        gehaald &= _p95(browser) <= DOEL_S
    print(f"\nDoel: de browser heeft het nieuwe beeld binnen {DOEL_S:.0f} s (p95): "
          f"{'gehaald' if gehaald else 'NIET gehaald'}.")
    return 0 if gehaald else 1


if __name__ == "__main__":
    sys.exit(main())
