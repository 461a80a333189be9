"""`vergadering export` als echt programma: uitgangscodes, uitvoer, nooit een traceback."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from test_export_gegevens import bouw_opslag

from vergadering.wijkverband import Wijkverband

_PROGRAMMA = Path(sys.executable).with_name("vergadering")


def vergadering(*args: str) -> subprocess.CompletedProcess[str]:
    opdracht = [str(_PROGRAMMA)] if _PROGRAMMA.exists() else [sys.executable, "-m", "vergadering"]
    omgeving = {k: v for k, v in os.environ.items() if k != "VERGADERING_DB"}
    return subprocess.run([*opdracht, *args], capture_output=True, text=True, env=omgeving,
                          timeout=120)


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    map_ = tmp_path_factory.mktemp("cli") / "db"
    bouw_opslag(map_)
    return map_


def _geen_traceback(uit: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in uit.stderr and "Traceback" not in uit.stdout


def test_export_schrijft_het_mapje_en_toont_het_pad(db, tmp_path):
    uit = vergadering("export", "--db", str(db), "--map", str(tmp_path / "uit"))
    assert uit.returncode == 0, uit.stderr
    map_ = Path(uit.stdout.strip())
    assert map_ == (tmp_path / "uit" / "Wijkverband Noord" / "2026-11-23").absolute()
    assert len(list(map_.iterdir())) == 7
    assert uit.stderr == ""
    # Nog een keer: een nieuw mapje ernaast, en dat wordt gezegd.
    nog = vergadering("export", "--db", str(db), "--map", str(tmp_path / "uit"))
    assert nog.returncode == 0
    assert Path(nog.stdout.strip()).name == "2026-11-23 (2)"
    assert "niet overschreven" in nog.stderr


def test_export_op_datum_en_alleen_een_document(db, tmp_path):
    uit = vergadering("export", "--db", str(db), "--map", str(tmp_path), "--wijkverband",
                      "wijkverband noord", "--vergadering", "12-10-2026", "--alleen",
                      "terugkoppeling")
    assert uit.returncode == 0, uit.stderr
    regels = uit.stdout.split("\n")[:3]
    assert [Path(r).name for r in regels] == ["terugkoppeling.docx", "terugkoppeling.txt",
                                              "terugkoppeling.html"]
    assert Path(regels[0]).parent.name == "2026-10-12"
    assert all(Path(r).exists() for r in regels)


@pytest.mark.parametrize(
    ("argumenten", "zin"),
    [
        (["--vergadering", "1-1-2020"], "heeft geen vergadering op woensdag 1 januari 2020"),
        (["--vergadering", "gisteren?"], "is geen datum of kenmerk van een vergadering"),
        (["--wijkverband", "Zuid"], "Er is geen wijkverband 'Zuid'"),
    ],
)
def test_fout_in_de_gegevens_geeft_code_1_en_een_zin(db, tmp_path, argumenten, zin):
    uit = vergadering("export", "--db", str(db), "--map", str(tmp_path), *argumenten)
    assert uit.returncode == 1
    assert uit.stderr.startswith("vergadering: ") and zin in uit.stderr
    assert uit.stderr.count("\n") == 1  # één zin
    assert uit.stdout == ""
    _geen_traceback(uit)
    assert not any(tmp_path.iterdir())


def test_meerdere_wijkverbanden_zonder_keuze_noemt_de_namen(tmp_path):
    db = tmp_path / "db"
    shutil.copytree(bouw_opslag(tmp_path / "bron").opslag.map, db)
    from vergadering.opslag import Opslag

    Opslag(db).bewaar_wijkverband(Wijkverband(id="zuid", naam="Wijkverband Zuid"))
    uit = vergadering("export", "--db", str(db), "--map", str(tmp_path / "uit"))
    assert uit.returncode == 1
    assert "Wijkverband Noord" in uit.stderr and "Wijkverband Zuid" in uit.stderr
    assert "--wijkverband" in uit.stderr
    # Zuid heeft nog geen vergaderingen: ook dat is een zin, geen traceback.
    zuid = vergadering("export", "--db", str(db), "--wijkverband", "Wijkverband Zuid",
                       "--map", str(tmp_path / "uit"))
    assert zuid.returncode == 1 and "nog geen vergaderingen" in zuid.stderr
    _geen_traceback(zuid)


def test_lege_opslag(tmp_path):
    uit = vergadering("export", "--db", str(tmp_path / "leeg"), "--map", str(tmp_path / "uit"))
    # De opdrachtregel (of de export) zegt in één zin dat er nog niets is.
    assert uit.returncode == 1 and uit.stderr.startswith("vergadering: ")
    assert "nog geen" in uit.stderr and uit.stderr.count("\n") == 1
    _geen_traceback(uit)


def test_verkeerd_gebruik_geeft_code_2(db, tmp_path):
    uit = vergadering("export", "--db", str(db), "--alleen", "notulen")
    assert uit.returncode == 2
    assert "notulen" in uit.stderr and "verslag" in uit.stderr
    _geen_traceback(uit)


def test_demo_van_begin_tot_eind_zonder_privegegevens(tmp_path):
    """De demo schrijven en exporteren zoals een gebruiker het doet; dan in elk openbaar
    bestand zoeken naar wat bewoners bij hun signalen achterlieten."""
    import zipfile

    from vergadering.opslag import Opslag

    db = tmp_path / "db"
    demo = vergadering("demo", "--geen-app", "--db", str(db))
    assert demo.returncode == 0, demo.stderr
    uit = vergadering("export", "--db", str(db), "--map", str(tmp_path / "uit"))
    assert uit.returncode == 0, uit.stderr
    map_ = Path(uit.stdout.strip())
    opslag = Opslag(db)
    contacten = [s.contact for s in opslag.signalen() if s.contact is not None]
    assert contacten, "de demo hoort signalen met contactgegevens te hebben"
    prive = {c.naam for c in contacten if c.naam} | {c.gegevens for c in contacten if c.gegevens}
    teksten = {n: (map_ / n).read_text("utf-8")
               for n in ("terugkoppeling.txt", "terugkoppeling.html")}
    for naam in ("terugkoppeling.docx", "verslag.docx", "actielijst.docx"):
        with zipfile.ZipFile(map_ / naam) as z:
            teksten[naam] = "".join(z.read(n).decode("utf-8") for n in z.namelist()
                                    if n.endswith(".xml"))
    for bestand, tekst in teksten.items():
        for waarde in prive:
            assert waarde not in tekst, (bestand, waarde)


def test_laatste_is_de_laatste_gesloten_vergadering(tmp_path):
    """Een vergadering die net begonnen is heeft nog geen terugkoppeling: 'laatste' kiest
    de laatst gesloten vergadering."""
    from datetime import date

    from vergadering.demo import schrijf_demo
    from vergadering.export.inhoud import kies_vergadering
    from vergadering.opslag import Opslag
    from vergadering.vergadering import nieuwe_vergadering

    opslag = Opslag(tmp_path / "opslag")
    wv = schrijf_demo(opslag, date(2026, 11, 23))
    gesloten = [v for v in opslag.vergaderingen(wv.id) if v.gesloten][-1]
    open_ = nieuwe_vergadering(wv, opslag.nieuw_vergadering_id(wv.id, date(2026, 11, 23)),
                               date(2026, 11, 23))
    opslag.bewaar_vergadering(open_)
    assert kies_vergadering(opslag, wv, "laatste").id == gesloten.id
    assert kies_vergadering(opslag, wv, open_.id).id == open_.id
