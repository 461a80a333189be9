"""De lijsten van de opdrachtregel naast een script dat alleen de bestanden leest (issue 8).

Doel: elke lijst (``signalen``, ``acties``, ``vergaderingen``; alle wijkverbanden en één;
tabel en ``--json``) kost hoogstens 2× het anker, bij 1, 10 en 30 jaar gegevens. Het anker
is een gewoon Python-script met dezelfde interpreter, als eigen proces: het leest dezelfde
bestanden (opslag.json, wijkverbanden.json en de vakbestanden van die soort) met
``json.loads``, en schrijft ze bij ``--json`` weer uit met ``json.dumps`` (ingesprongen,
zoals de opdrachtregel). Project en anker draaien om en om in dezelfde run, als nieuw proces
met stdout naar een bestand, zoals een gebruiker ``vergadering signalen --json > lijst.json``
typt.

Het project draait per lijst in drie standen: warm (de lijstindex is er, het gewone geval:
de gebruiker lijst nog eens), koud (zonder lijstindex, zoals de eerste lijst na een upgrade)
en na één gewijzigd vak (één nieuw signaal sinds de vorige lijst). Zie
``vergadering/opslag/lijstindex.py``.

Gebruik::

    .venv/bin/python bench/lijsten.py                      # 1, 10 en 30 jaar, 15 keer
    .venv/bin/python bench/lijsten.py --jaren 10 --herhalingen 9

De gegevens (``bench/tienjaar.py``) worden één keer gemaakt en bewaard in
``/tmp/vergadering-bench/<jaren>j`` (30 jaar maken kost ~25 s, vooral fsync). Het doel geldt
voor alle drie de standen: uitgangscode 0 als elke verhouding ≤ 2 is, anders 1.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.tienjaar import maak  # noqa: E402
from vergadering.opslag.migratie import SCHEMA  # noqa: E402

CACHE = Path("/tmp/vergadering-bench")
DOEL = 2.0
SOORTEN = ("signalen", "acties", "vergaderingen")
WIJKVERBAND = "molenwijk"  # één van de vijf, voor de lijsten met --wijkverband

# Het anker: lezen wat de opdracht leest, en bij --json weer uitschrijven. Een vakbestand
# is {tabel: {nummer: document}} (met eventueel een controlegetal ernaast).
ANKER = """\
import json, sys
from pathlib import Path
map_, soort, wv, uit = Path(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4] == "json"
docs = []
for pad in [map_ / "opslag.json", map_ / "wijkverbanden.json",
            *sorted(map_.glob(f"{wv}/{soort}/*.json"))]:
    for tabel in json.loads(pad.read_bytes()).values():
        if isinstance(tabel, dict):
            docs.extend(tabel.values())
if uit:
    sys.stdout.write(json.dumps(docs, ensure_ascii=False, indent=2) + "\\n")
"""


def _schema(map_: Path) -> int | None:
    try:
        return json.loads((map_ / "opslag.json").read_bytes()).get("schema")
    except (OSError, ValueError):
        return None


def gegevens(jaren: int, cache: Path = CACHE) -> Path:
    """De opslagmap met ``jaren`` jaar (uit de cache, of nu gemaakt).

    Een map van een andere schemaversie (gemaakt door een andere tak) blijft staan; dan
    komt er een eigen map naast.
    """
    map_ = cache / f"{jaren}j"
    if map_.exists() and _schema(map_) not in (None, SCHEMA):
        map_ = cache / f"{jaren}j-schema{SCHEMA}"
    if _schema(map_) == SCHEMA:  # opslag.json komt als laatste: dan is hij af
        return map_
    if map_.exists():
        raise SystemExit(f"{map_} is half gemaakt; haal hem weg en probeer opnieuw.")
    begin = time.perf_counter()
    maak(map_, jaren=jaren, wijkverbanden=5, seed=1)
    print(f"{map_} gemaakt in {time.perf_counter() - begin:.1f} s", flush=True)
    return map_


def _opdrachten(map_: Path) -> list[tuple[str, str, str | None, list[str], list[str]]]:
    """(naam, soort, wijkverband, opdracht van het project, opdracht van het anker) voor
    elke lijst."""
    uit = []
    for soort in SOORTEN:
        for wv in (None, WIJKVERBAND):
            for json_ in (False, True):
                naam = " ".join([soort, *(["--wijkverband"] if wv else []),
                                 *(["--json"] if json_ else [])])
                project = [sys.executable, "-m", "vergadering", soort,
                           *(["--wijkverband", wv] if wv else []),
                           *(["--json"] if json_ else []), "--db", str(map_)]
                anker = [sys.executable, "-c", ANKER, str(map_), soort, wv or "*",
                         "json" if json_ else "tabel"]
                uit.append((naam, soort, wv, project, anker))
    return uit


def _zonder_lijstindex(map_: Path, soort: str, wv: str | None) -> None:
    """Koud: de lijstindex van deze lijst weg, zoals bij de eerste lijst na een upgrade."""
    for pad in map_.glob(f"{wv or '*'}/.lijst-{soort}"):
        pad.unlink()


def _verander_een_vak(map_: Path, soort: str) -> None:
    """Na één nieuw signaal (of een andere bewerking): het nieuwste vak van die soort in
    ``WIJKVERBAND`` krijgt een ander tijdstip, dus een andere sleutel, en wordt opnieuw
    gelezen. Zo verandert de inhoud van de bewaarde gegevens niet (andere metingen delen ze);
    de kosten zijn die van één gewijzigd vak: lezen, controleren, de index herschrijven."""
    vak = sorted((map_ / WIJKVERBAND / soort).glob("*.json"))[-1]
    st = vak.stat()
    os.utime(vak, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000))


# Zonder VERGADERING_DEBUG of VERGADERING_DB van wie meet, en mét .pyc-bestanden: een
# geïnstalleerd programma heeft die (pip maakt ze bij het installeren). Deze machines zetten
# PYTHONDONTWRITEBYTECODE=1; dan vertaalt elk proces alle modules opnieuw (~30 ms), iets
# wat het anker, dat alleen de standaardbibliotheek laadt, niet merkt.
_OMGEVING = {k: v for k, v in os.environ.items()
             if not k.startswith("VERGADERING_") and k != "PYTHONDONTWRITEBYTECODE"}


def _duur(opdracht: list[str], uitvoer: Path) -> float:
    with uitvoer.open("wb") as f:
        begin = time.perf_counter()
        r = subprocess.run(opdracht, stdout=f, stderr=subprocess.PIPE, check=False,
                           env=_OMGEVING)
        duur = time.perf_counter() - begin
    if r.returncode != 0:
        raise SystemExit(f"{' '.join(opdracht[:6])} gaf {r.returncode}: "
                         f"{r.stderr.decode(errors='replace')}")
    return duur


# Per lijst drie standen van het project: warm (de lijstindex is er: het gewone geval, de
# gebruiker lijst nog eens), koud (geen lijstindex: de eerste lijst
# na een upgrade) en na één gewijzigd vak (één nieuw signaal sinds de vorige lijst).
STANDEN = ("warm", "koud", "gewijzigd")


def meet(jaren: list[int], herhalingen: int, cache: Path) -> list[dict]:
    """Elke lijst bij elke grootte, anker en project (warm, koud, na één gewijzigd vak)
    om en om; de medianen."""
    uitvoer = cache / "uitvoer.txt"
    rijen = []
    for j in jaren:
        map_ = gegevens(j, cache)
        opdrachten = _opdrachten(map_)
        tijden: dict[str, dict[str, list[float]]] = {
            naam: {stand: [] for stand in ("anker", *STANDEN)} for naam, *_ in opdrachten}
        for _, _, _, project, anker in opdrachten:  # opwarmen: paginacache, lijstindex
            _duur(project, uitvoer)
            _duur(anker, uitvoer)
        for _ in range(herhalingen):
            for naam, soort, wv, project, anker in opdrachten:
                t = tijden[naam]
                t["anker"].append(_duur(anker, uitvoer))
                t["warm"].append(_duur(project, uitvoer))
                _zonder_lijstindex(map_, soort, wv)
                t["koud"].append(_duur(project, uitvoer))
                _verander_een_vak(map_, soort)
                t["gewijzigd"].append(_duur(project, uitvoer))
        for naam, *_ in opdrachten:
            m = {stand: statistics.median(t) for stand, t in tijden[naam].items()}
            rijen.append({"opdracht": naam, "jaren": j, "project": m["warm"],
                          "anker": m["anker"], "verhouding": m["warm"] / m["anker"],
                          "koud": m["koud"], "gewijzigd": m["gewijzigd"]})
        print(f"{j} jaar gemeten", file=sys.stderr, flush=True)
    uitvoer.unlink(missing_ok=True)
    return rijen


def tabel(rijen: list[dict]) -> str:
    """De uitkomst als tekst: per lijst en grootte, daarna de helling."""
    regels = [f"{'opdracht':36} {'grootte':>7} {'anker s':>8} {'warm s':>8} {'×':>6} "
              f"{'koud s':>8} {'×':>6} {'1 vak s':>8} {'×':>6}", "-" * 101]
    for r in sorted(rijen, key=lambda r: (r["jaren"], r["opdracht"])):
        a = r["anker"]
        regels.append(f"{r['opdracht']:36} {r['jaren']:>5} j {a:8.3f} {r['project']:8.3f} "
                      f"{r['verhouding']:5.2f}× {r['koud']:8.3f} {r['koud'] / a:5.2f}× "
                      f"{r['gewijzigd']:8.3f} {r['gewijzigd'] / a:5.2f}×")
    jaren = sorted({r["jaren"] for r in rijen})
    if len(jaren) > 1:
        regels += ["", "Helling: hoeveel keer duurder dan bij "
                   f"{jaren[0]} jaar (project / anker)", "-" * 73]
        per = {(r["opdracht"], r["jaren"]): r for r in rijen}
        for naam in sorted({r["opdracht"] for r in rijen}):
            basis = per[naam, jaren[0]]
            stukken = [f"{j} j: {per[naam, j]['project'] / basis['project']:5.1f} / "
                       f"{per[naam, j]['anker'] / basis['anker']:5.1f}" for j in jaren[1:]]
            regels.append(f"{naam:36} " + "   ".join(stukken))
    return "\n".join(regels)


def main(argv: list[str] | None = None) -> int:
    """Meet, toon de tabel; 0 als elke verhouding ≤ 2 (warm, koud en na één gewijzigd vak)."""
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--jaren", type=int, nargs="+", default=[1, 10, 30])
    # 15: deze machines hebben uitschieters van een paar seconden; met 7 herhalingen
    # verschoof de mediaan van één lijst daardoor soms 20% (zie bench/README.md).
    p.add_argument("--herhalingen", type=int, default=15)
    p.add_argument("--cache", type=Path, default=CACHE)
    args = p.parse_args(argv)
    rijen = meet(args.jaren, args.herhalingen, args.cache)
    print(tabel(rijen))
    # (verhouding, stand, opdracht, jaren) van elke meting; de hoogste telt.
    alle = [(r[sleutel] / r["anker"], stand, r["opdracht"], r["jaren"])
            for r in rijen for stand, sleutel in (("warm", "project"), ("koud", "koud"),
                                                  ("na één vak", "gewijzigd"))]
    slechtste = max(alle)
    gehaald = slechtste[0] <= DOEL
    per_stand = ", ".join(f"{stand} {max(a[0] for a in alle if a[1] == stand):.2f}×"
                          for stand in ("warm", "koud", "na één vak"))
    print(f"\nDoel {'gehaald' if gehaald else 'NIET gehaald'}: hoogste verhouding {per_stand} "
          f"(hoogste: {slechtste[2]}, {slechtste[3]} jaar, {slechtste[1]}).")
    return 0 if gehaald else 1


if __name__ == "__main__":
    sys.exit(main())
