"""De export tegen vijandige tekst, mislukt bewaren en een mapje dat er al is."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
import tempfile
from datetime import datetime
from pathlib import Path

import pytest
from docx import Document
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from test_export_gegevens import VANDAAG, bouw_opslag

from vergadering.export import exporteer, maak_mapje, veilig_schrijven, veilige_naam
from vergadering.fouten import OpslagFout, VergaderingFout

NU = datetime(2026, 11, 23, 21, 0).astimezone()
DOCX = ("verslag.docx", "actielijst.docx", "terugkoppeling.docx", "participatieafspraken.docx")

# --- vijandige tekst in elk veld ------------------------------------------------------------

_LASTIG = st.sampled_from(
    list("\x00\x01\x08\x0b\x0c\x1b\x7f\ud800\udbff\udc00\udfff\ufffe\uffff\u202e\u200f\u200b")
    + ["😀", "👩‍👩‍👧", "שלום", "مرحبا", "\r\n", "\t", "<w:t>", "&amp;", "]]>", "%s{0}", "\\"]
)
_TEKST = st.lists(st.characters(exclude_categories=()) | _LASTIG, max_size=40).map("".join)
_LANG = st.sampled_from(["é" * 9_000, "lang woord " * 800, "\u202e" * 5_000 + "einde"])
# Hoeveel tekens een veld hoogstens mag hebben (de domeinregels weigeren meer).
_MAXIMUM = {"lid": 200, "org": 200, "wijkverband": 200, "partner": 200, "eigenaar": 200,
            "plaats": 200, "toelichting": 500, "reden": 1000}


def _veld(data):
    def tekst(veld: str, standaard: str) -> str:
        waarde = data.draw(st.one_of(_TEKST, _TEKST, _TEKST, _LANG), label=veld)
        waarde = waarde[: _MAXIMUM.get(veld, 9_500)]
        if veld == "toelichting":
            waarde = waarde.replace("\n", " ").replace("\r", " ")
        # Verplichte velden mogen niet leeg zijn (dat weigert het domein terecht).
        return waarde if waarde.strip() else waarde + "x"
    return tekst


@settings(max_examples=15, deadline=None, phases=[Phase.explicit, Phase.reuse, Phase.generate],
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=st.data())
def test_willekeurige_tekst_in_elk_veld_exporteert_en_opent_weer(data):
    with tempfile.TemporaryDirectory() as tmp:
        g = bouw_opslag(Path(tmp) / "db", tekst=_veld(data))
        # Willekeurige tekst kan op een naam lijken: de privacycheck is hier niet het punt.
        u = exporteer(g.opslag, g.wijkverband.id, g.vergadering_id, Path(tmp) / "uit",
                      vandaag=VANDAAG, nu=NU, privacy_akkoord=True)
        for naam in DOCX:
            doc = Document(u.map / naam)
            assert doc.paragraphs, naam
            assert doc.core_properties.author is not None
        tekst = (u.map / "terugkoppeling.txt").read_text(encoding="utf-8")
        assert "1. Dit hoorden we in de wijk" in tekst
        # Het mapje staat binnen de gekozen map, wat de naam van het wijkverband ook is.
        assert Path(tmp, "uit") in u.map.parents


@pytest.mark.parametrize(
    ("naam", "verwacht"),
    [
        ("Wijkverband Noord", "Wijkverband Noord"),
        ("a/b\\c:d*e?f\"g<h>i|j", "a-b-c-d-e-f-g-h-i-j"),
        ("  punt aan het eind...  ", "punt aan het eind"),
        ("CON", "CON_"),
        ("nul.txt", "nul.txt_"),
        ("..", "wijkverband"),
        ("\x00\x01", "wijkverband"),
        ("x" * 100, "x" * 60),
    ],
)
def test_veilige_mapnaam(naam, verwacht):
    assert veilige_naam(naam) == verwacht


# --- atomisch bewaren ----------------------------------------------------------------------


def _goed_bestand(pad: Path) -> bytes:
    veilig_schrijven.schrijf_atomisch(pad, b"goede versie")
    return pad.read_bytes()


def test_volle_schijf_halverwege_laat_het_goede_bestand_staan(tmp_path, monkeypatch):
    pad = tmp_path / "verslag.docx"
    goed = _goed_bestand(pad)
    echte_write = os.write

    def halve_write(fd, data):
        echte_write(fd, bytes(data[: len(data) // 2]))
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "write", halve_write)
    with pytest.raises(OpslagFout, match="De schijf is vol"):
        veilig_schrijven.schrijf_atomisch(pad, b"nieuwe versie die niet past" * 100)
    assert pad.read_bytes() == goed
    assert [p.name for p in tmp_path.iterdir()] == ["verslag.docx"]  # geen .tmp over


def test_document_open_in_ander_programma(tmp_path, monkeypatch):
    pad = tmp_path / "verslag.docx"
    goed = _goed_bestand(pad)

    def geweigerd(bron, doel):
        raise PermissionError(errno.EACCES, "Permission denied", str(doel))

    monkeypatch.setattr(os, "replace", geweigerd)
    with pytest.raises(OpslagFout, match="nog geopend in een ander programma"):
        veilig_schrijven.schrijf_atomisch(pad, b"nieuw")
    assert pad.read_bytes() == goed
    assert [p.name for p in tmp_path.iterdir()] == ["verslag.docx"]


def test_crash_tijdens_python_docx_save_raakt_het_doel_niet(tmp_path, monkeypatch):
    from vergadering.export.docx_hulp import Stuk

    pad = tmp_path / "verslag.docx"
    goed = _goed_bestand(pad)
    stuk = Stuk("Titel", "Auteur", NU)
    stuk.alinea("tekst")

    def kapot(self, bestand):
        bestand.write(b"PK half")
        raise RuntimeError("stroom uitgevallen")

    monkeypatch.setattr(type(stuk.doc), "save", kapot)
    with pytest.raises(RuntimeError):
        stuk.bewaar(pad)
    assert pad.read_bytes() == goed
    assert [p.name for p in tmp_path.iterdir()] == ["verslag.docx"]


def test_mislukte_export_laat_geen_half_mapje_achter(tmp_path, monkeypatch):
    g = bouw_opslag(tmp_path / "db")
    eerste = maak_mapje(g.opslag, g.wijkverband.id, g.vergadering_id, tmp_path / "uit",
                        vandaag=VANDAAG, nu=NU)
    voor = {p.name: p.read_bytes() for p in eerste.iterdir()}
    from vergadering.export import afspraken

    def mis(inhoud, pad):
        raise OpslagFout("De schijf is vol; maak ruimte vrij en probeer het opnieuw.")

    monkeypatch.setattr(afspraken, "schrijf", mis)
    with pytest.raises(VergaderingFout):
        maak_mapje(g.opslag, g.wijkverband.id, g.vergadering_id, tmp_path / "uit",
                   vandaag=VANDAAG, nu=NU)
    # Het tweede mapje is weer weg; het eerste is onaangeroerd.
    assert [p.name for p in eerste.parent.iterdir()] == ["2026-11-23"]
    assert {p.name: p.read_bytes() for p in eerste.iterdir()} == voor


# --- een mapje dat er al is ------------------------------------------------------------------


def test_bestaand_mapje_wordt_niet_overschreven(tmp_path):
    g = bouw_opslag(tmp_path / "db")
    eerste = exporteer(g.opslag, g.wijkverband.id, g.vergadering_id, tmp_path / "uit",
                       vandaag=VANDAAG, nu=NU)
    (eerste.map / "verslag.docx").write_bytes(b"door de notulist bijgewerkt")
    tweede = exporteer(g.opslag, g.wijkverband.id, g.vergadering_id, tmp_path / "uit",
                       vandaag=VANDAAG, nu=NU)
    derde = exporteer(g.opslag, g.wijkverband.id, g.vergadering_id, tmp_path / "uit",
                      vandaag=VANDAAG, nu=NU)
    assert (eerste.map / "verslag.docx").read_bytes() == b"door de notulist bijgewerkt"
    assert tweede.map.name == "2026-11-23 (2)" and derde.map.name == "2026-11-23 (3)"
    assert not eerste.andere_naam and tweede.andere_naam
    assert "niet overschreven" in tweede.melding and str(tweede.map) in tweede.melding
    assert len(list(tweede.map.iterdir())) == 7


def test_leeg_bestaand_mapje_wordt_gebruikt(tmp_path):
    g = bouw_opslag(tmp_path / "db")
    leeg = tmp_path / "uit" / "Wijkverband Noord" / "2026-11-23"
    leeg.mkdir(parents=True)
    u = exporteer(g.opslag, g.wijkverband.id, g.vergadering_id, tmp_path / "uit",
                  vandaag=VANDAAG, nu=NU)
    assert u.map == leeg and not u.andere_naam


def test_alleen_een_document_krijgt_een_eigen_naam_naast_het_oude(tmp_path):
    g = bouw_opslag(tmp_path / "db")
    eerste = exporteer(g.opslag, g.wijkverband.id, g.vergadering_id, tmp_path / "uit",
                       alleen="terugkoppeling", vandaag=VANDAAG, nu=NU)
    oud = eerste.bestanden[0].read_bytes()
    tweede = exporteer(g.opslag, g.wijkverband.id, g.vergadering_id, tmp_path / "uit",
                       alleen="terugkoppeling", vandaag=VANDAAG, nu=NU)
    assert [p.name for p in tweede.bestanden] == [
        "terugkoppeling (2).docx", "terugkoppeling (2).txt", "terugkoppeling (2).html"]
    assert eerste.bestanden[0].read_bytes() == oud
    assert tweede.andere_naam and "niet overschreven" in tweede.melding


def test_geen_schrijfrechten_geeft_een_zin(tmp_path, monkeypatch):
    g = bouw_opslag(tmp_path / "db")
    echte_mkdir = Path.mkdir

    def geweigerd(self, *args, **kwargs):
        if "uit" in self.parts:  # alleen de exportmap; de opslag mag gewoon
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return echte_mkdir(self, *args, **kwargs)

    monkeypatch.setattr(Path, "mkdir", geweigerd)
    with pytest.raises(OpslagFout, match="Er mag geen mapje gemaakt worden"):
        maak_mapje(g.opslag, g.wijkverband.id, g.vergadering_id, tmp_path / "uit",
                   vandaag=VANDAAG, nu=NU)


def test_map_is_een_bestand_geeft_een_zin(tmp_path):
    g = bouw_opslag(tmp_path / "db")
    bestand = tmp_path / "uit"
    bestand.write_text("geen map")
    with pytest.raises(OpslagFout, match="is geen map"):
        maak_mapje(g.opslag, g.wijkverband.id, g.vergadering_id, bestand,
                   vandaag=VANDAAG, nu=NU)


def test_onbekend_document_bij_alleen(tmp_path):
    g = bouw_opslag(tmp_path / "db")
    with pytest.raises(VergaderingFout, match="geen document"):
        maak_mapje(g.opslag, g.wijkverband.id, g.vergadering_id, tmp_path, alleen="notulen")


# --- de PDF van het verslag: erbij als het kan, nooit een reden dat de export mislukt ---------


def _nep_soffice(map_: Path, script: str) -> None:
    map_.mkdir(exist_ok=True)
    pad = map_ / "soffice"
    pad.write_text("#!/bin/sh\n" + script)
    pad.chmod(0o755)


def test_zonder_libreoffice_is_het_mapje_af_en_zegt_de_uitkomst_het(tmp_path, monkeypatch):
    monkeypatch.delenv("VERGADERING_PDF")
    monkeypatch.setenv("PATH", str(tmp_path / "leeg"))
    g = bouw_opslag(tmp_path / "db")
    u = exporteer(g.opslag, g.wijkverband.id, g.vergadering_id, tmp_path / "uit",
                  vandaag=VANDAAG, nu=NU)
    assert (u.map / "verslag.docx").exists() and not (u.map / "verslag.pdf").exists()
    assert "geen PDF" in u.melding and "LibreOffice is hier niet geïnstalleerd" in u.melding
    assert u.melding.startswith("Het mapje staat in")


@pytest.mark.parametrize("script", ["exit 3\n", "sleep 5\n", "echo kapot >&2\nexit 0\n"],
                         ids=["foutcode", "te-traag", "geen-pdf"])
def test_een_mislukte_pdf_laat_het_mapje_heel(tmp_path, monkeypatch, script):
    from vergadering.export import pdf

    monkeypatch.delenv("VERGADERING_PDF")
    _nep_soffice(tmp_path / "bin", script)
    monkeypatch.setenv("PATH", str(tmp_path / "bin") + ":/usr/bin:/bin")
    monkeypatch.setattr(pdf, "WACHT_S", 1)
    g = bouw_opslag(tmp_path / "db")
    u = exporteer(g.opslag, g.wijkverband.id, g.vergadering_id, tmp_path / "uit",
                  vandaag=VANDAAG, nu=NU)
    assert {p.name for p in u.map.iterdir()} >= {"verslag.docx", "terugkoppeling.html"}
    assert not (u.map / "verslag.pdf").exists()
    assert "Van verslag.docx is geen PDF gemaakt" in u.melding
    assert "Traceback" not in u.melding and "Error" not in u.melding


def test_de_opdrachtregel_meldt_het_ontbreken_van_de_pdf_op_stderr(tmp_path):
    g = bouw_opslag(tmp_path / "db")
    omgeving = {k: v for k, v in os.environ.items() if k != "VERGADERING_PDF"}
    omgeving["PATH"] = str(Path(sys.executable).parent)  # python wel, LibreOffice niet
    uit = subprocess.run(
        [sys.executable, "-m", "vergadering", "export", "--db", str(g.opslag.map), "--map",
         str(tmp_path / "uit")], capture_output=True, text=True, env=omgeving, check=False)
    assert uit.returncode == 0, uit.stderr
    assert Path(uit.stdout.strip()).is_dir()
    assert "geen PDF" in uit.stderr and "Traceback" not in uit.stderr
