"""Systeemfouten in Nederlandse woorden: geen Engelse systeemtekst in een Nederlandse zin."""

import errno

import pytest

from vergadering.fouten import oorzaak
from vergadering.opslag.bestand import vertaal_oserror


@pytest.mark.parametrize(
    ("code", "verwacht"),
    [(errno.EACCES, "geen toegang"), (errno.ENOSPC, "de schijf is vol"),
     (errno.EROFS, "alleen-lezen"), (errno.EIO, "leesfout")],
)
def test_oorzaak_is_nederlands(code, verwacht):
    fout = OSError(code, "English system text")
    assert verwacht in oorzaak(fout)
    assert "English" not in oorzaak(fout)


def test_onbekende_fout_noemt_de_code_maar_geen_engelse_tekst():
    fout = OSError(errno.EXDEV, "Invalid cross-device link")
    assert "EXDEV" in oorzaak(fout)
    assert "Invalid" not in oorzaak(fout)


def test_opslagmelding_bevat_geen_engelse_systeemtekst(tmp_path):
    melding = str(vertaal_oserror(OSError(errno.EXDEV, "Invalid cross-device link"),
                                  tmp_path / "x.json"))
    assert "Invalid" not in melding
    assert "EXDEV" in melding
