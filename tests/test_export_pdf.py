"""Opent LibreOffice de documenten echt? Omzetten naar PDF en de pagina's tellen.

Als root installeert het testcommando LibreOffice zelf (libreoffice-writer-nogui); elders
wordt de test overgeslagen als het er niet is, met die reden erbij.
"""

from __future__ import annotations

import os
import re
import subprocess
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from hulp_programmas import programma
from test_export_gegevens import VANDAAG, bouw_opslag

from vergadering.actie import Actie
from vergadering.export import maak_mapje
from vergadering.export.afspraken import ONDERDELEN

SOFFICE, _REDEN = programma(("soffice", "libreoffice"), "libreoffice-writer-nogui")
pytestmark = pytest.mark.skipif(SOFFICE is None, reason=_REDEN)
NU = datetime(2026, 11, 23, 21, 0).astimezone()


def naar_pdf(bestanden: list[Path], uit: Path, profiel: Path) -> dict[str, int]:
    """Zet om met een eigen LibreOffice-profiel; geeft per document het aantal pagina's."""
    opdracht = [
        SOFFICE, f"-env:UserInstallation={profiel.as_uri()}", "--headless", "--norestore",
        "--convert-to", "pdf", "--outdir", str(uit), *map(str, bestanden),
    ]
    klaar = subprocess.run(opdracht, capture_output=True, text=True, timeout=300)
    assert klaar.returncode == 0, klaar.stderr
    paginas = {}
    for bestand in bestanden:
        pdf = uit / f"{bestand.stem}.pdf"
        assert pdf.exists(), f"{bestand.name} is niet omgezet: {klaar.stdout} {klaar.stderr}"
        inhoud = pdf.read_bytes()
        assert inhoud.startswith(b"%PDF")
        paginas[bestand.name] = len(re.findall(rb"/Type\s*/Page[^s]", inhoud))
    return paginas


def test_alle_documenten_worden_pdf_met_het_verwachte_aantal_paginas(tmp_path):
    g = bouw_opslag(tmp_path / "db")
    map_ = maak_mapje(g.opslag, g.wijkverband.id, g.vergadering_id, tmp_path / "uit",
                      vandaag=VANDAAG, nu=NU)
    paginas = naar_pdf(sorted(map_.glob("*.docx")), tmp_path / "pdf", tmp_path / "profiel")
    assert paginas["terugkoppeling.docx"] == 1
    assert paginas["participatieafspraken.docx"] == 1
    # De tabel op één pagina, dan per actie uit deze vergadering het blad van template 2.
    nieuw = [a for a in g.opslag.acties(g.wijkverband.id) if a.vergadering_id == g.vergadering_id]
    assert nieuw
    assert paginas["actielijst.docx"] == 1 + len(nieuw)
    # Verslag: staand, met aan het eind de actielijst op een eigen, liggende pagina.
    assert 3 <= paginas["verslag.docx"] <= 6


def test_lange_actielijst_loopt_over_meer_paginas(tmp_path):
    g = bouw_opslag(tmp_path / "db")
    for i in range(120):
        aid, nr = g.opslag.nieuw_actie_id(g.wijkverband.id, 2026)
        g.opslag.bewaar_actie(Actie(
            aid, g.wijkverband.id, nr, f"Actie nummer {nr} met een korte omschrijving",
            "Gemeente", date(2026, 11, 23) - timedelta(days=i % 30),
            eerste_stap="Bellen", partners=["Welzijn Oost"],
        ))
    map_ = maak_mapje(g.opslag, g.wijkverband.id, g.vergadering_id, tmp_path / "uit",
                      alleen="actielijst", vandaag=VANDAAG, nu=NU)
    paginas = naar_pdf([map_ / "actielijst.docx"], tmp_path / "pdf", tmp_path / "profiel")
    # 124 rijen van twee regels op liggend A4: ruim meer dan één pagina, niet absurd veel.
    assert 4 <= paginas["actielijst.docx"] <= 20


def test_het_mapje_krijgt_een_pdf_van_het_verslag(tmp_path, monkeypatch):
    """Met LibreOffice erbij komt verslag.pdf in het mapje, met evenveel pagina's als het
    Word-document in LibreOffice heeft."""
    from vergadering.export import exporteer

    monkeypatch.delenv("VERGADERING_PDF")
    monkeypatch.setenv("PATH", f"{Path(SOFFICE).parent}:{os.environ['PATH']}")
    g = bouw_opslag(tmp_path / "db")
    u = exporteer(g.opslag, g.wijkverband.id, g.vergadering_id, tmp_path / "uit",
                  vandaag=VANDAAG, nu=NU)
    pdf = u.map / "verslag.pdf"
    assert pdf in u.bestanden and not u.opmerkingen
    inhoud = pdf.read_bytes()
    assert inhoud.startswith(b"%PDF")
    assert 3 <= len(re.findall(rb"/Type\s*/Page[^s]", inhoud)) <= 6
    assert not list(u.map.glob(".*")), "geen tijdelijke bestanden achtergebleven"


def test_participatieafspraken_van_gewone_lengte_passen_op_een_pagina(tmp_path):
    """Template 1 is één A4: de afspraken van het demowijkverband (gewone lengte, elk veld
    ingevuld) passen erop."""
    from vergadering.demo import schrijf_demo
    from vergadering.export import exporteer
    from vergadering.opslag import Opslag

    opslag = Opslag(tmp_path / "db")
    wv = schrijf_demo(opslag, VANDAAG)
    assert all(str(getattr(wv.afspraken, veld) or "").strip()
               for _, vragen in ONDERDELEN for _, veld in vragen)
    vergadering = opslag.vergaderingen(wv.id)[-1]
    u = exporteer(opslag, wv.id, vergadering.id, tmp_path / "uit", alleen="afspraken")
    paginas = naar_pdf(u.bestanden, tmp_path / "pdf", tmp_path / "profiel")
    assert paginas == {"participatieafspraken.docx": 1}
