"""`vergadering/` is gewoon Python: geen enkele module mag Textual of schermen laden."""

import pkgutil
import subprocess
import sys

import vergadering


def _modules() -> list[str]:
    return sorted(
        m.name for m in pkgutil.walk_packages(vergadering.__path__, prefix="vergadering.")
        if not m.name.endswith("__main__")
    )


def test_er_zijn_modules_om_te_controleren():
    assert "vergadering.opslag.facade" in _modules()


def test_geen_module_van_vergadering_laadt_textual():
    code = (
        "import importlib, sys\n"
        f"for naam in {_modules()!r}:\n"
        "    importlib.import_module(naam)\n"
        "    fout = [m for m in sys.modules\n"
        "            if m == 'textual' or m.startswith(('textual.', 'schermen'))]\n"
        "    assert not fout, (naam, fout[:3])\n"
        "print('ok')\n"
    )
    uit = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert uit.returncode == 0, uit.stderr
    assert uit.stdout.strip() == "ok"


def test_ook_geen_uitgestelde_import_van_schermen_of_textual():
    """Ook niet binnen een functie (zoals de opdrachtregel ooit de app opende): de schermen
    geven hun voorkant mee aan de opdrachtregel, niet andersom."""
    import ast
    from pathlib import Path

    fout = []
    for pad in Path(vergadering.__file__).parent.rglob("*.py"):
        for knoop in ast.walk(ast.parse(pad.read_text(encoding="utf-8"))):
            namen = []
            if isinstance(knoop, ast.Import):
                namen = [a.name for a in knoop.names]
            elif isinstance(knoop, ast.ImportFrom) and knoop.level == 0:
                namen = [knoop.module or ""]
            fout += [(pad.name, n) for n in namen
                     if n.split(".")[0] in ("schermen", "textual", "textual_serve")]
    assert fout == []


def test_python_m_vergadering_zonder_scherm_zegt_waar_de_app_is(tmp_path):
    uit = subprocess.run([sys.executable, "-m", "vergadering", "--db", str(tmp_path / "leeg")],
                         capture_output=True, text=True, stdin=subprocess.DEVNULL)
    assert uit.returncode == 1
    assert uit.stderr.count("\n") == 1 and "commando `vergadering`" in uit.stderr
    assert "Traceback" not in uit.stderr
