"""Een PDF van het verslag, met LibreOffice als dat er is; het mapje hangt er nooit van af.

Wie het verslag rondstuurt of op de website zet, wil vaak een PDF. LibreOffice maakt die
van het Word-document zelf, zodat de PDF precies is wat Word of LibreOffice laat zien.
Zonder LibreOffice (of als het omzetten mislukt) komt er geen PDF, en zegt de uitkomst van
de export dat in één zin: het mapje is er dan gewoon.

``VERGADERING_PDF=nee`` zet het uit (de tests doen dat: LibreOffice starten kost seconden).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from ..fouten import OpslagFout
from .veilig_schrijven import schrijf_atomisch

UIT = "VERGADERING_PDF"
WACHT_S = 180  # een lang verslag op een trage laptop: ruim, maar nooit eindeloos


def soffice() -> str | None:
    """Het programma van LibreOffice, of None als het er niet is of uitgezet is."""
    if os.environ.get(UIT, "").strip().lower() in ("nee", "0", "uit", "no", "false"):
        return None
    return next((p for p in map(shutil.which, ("soffice", "libreoffice")) if p), None)


def maak_pdf(docx: Path) -> tuple[Path | None, str | None]:
    """Zet ``docx`` om naar een PDF ernaast (zelfde naam, .pdf; atomisch geschreven).

    Geeft (pad, None), of (None, zin voor de gebruiker) als er geen PDF kwam. Gooit nooit:
    het mapje is ook zonder PDF af.
    """
    programma = soffice()
    if programma is None:
        if os.environ.get(UIT):
            return None, None  # bewust uitgezet: niets te melden
        return None, (f"Van {docx.name} is geen PDF gemaakt, want LibreOffice is hier niet "
                      "geïnstalleerd; installeer het om er voortaan een PDF bij te krijgen.")
    doel = docx.with_suffix(".pdf")
    try:
        # Een eigen, tijdelijk profiel: een LibreOffice dat al openstaat (of een tweede
        # export tegelijk) houdt het gewone profiel bezet, en dan zet soffice stil niets om.
        with tempfile.TemporaryDirectory(prefix="vergadering-pdf-") as tmp:
            werk = Path(tmp)
            klaar = subprocess.run(
                [programma, f"-env:UserInstallation={(werk / 'profiel').as_uri()}",
                 "--headless", "--norestore", "--convert-to", "pdf", "--outdir",
                 str(werk / "uit"), str(docx)],
                capture_output=True, timeout=WACHT_S, stdin=subprocess.DEVNULL, check=False,
            )
            gemaakt = werk / "uit" / f"{docx.stem}.pdf"
            if klaar.returncode != 0 or not gemaakt.is_file():
                return None, (f"Van {docx.name} is geen PDF gemaakt: LibreOffice kon het niet "
                              "omzetten; open het document zelf en bewaar het als PDF.")
            schrijf_atomisch(doel, gemaakt.read_bytes())
    except subprocess.TimeoutExpired:
        return None, (f"Van {docx.name} is geen PDF gemaakt: LibreOffice deed er langer dan "
                      f"{WACHT_S // 60} minuten over; open het document zelf en bewaar het als "
                      "PDF.")
    except (OSError, OpslagFout):
        return None, (f"Van {docx.name} is geen PDF gemaakt: LibreOffice kon niet starten of "
                      "de PDF kon niet bewaard worden; open het document zelf en bewaar het "
                      "als PDF.")
    return doel, None
