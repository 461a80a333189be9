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
