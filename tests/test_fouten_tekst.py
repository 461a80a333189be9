"""Vijandige tekst komt precies zo terug als hij bewaard werd: stuurtekens, losse surrogaten,
emoji, tekens voor rechts-naar-links, 10.000 tekens; ook in een proces met LANG=C."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

import pytest
from hulp_opslag import WV, cli, nieuwe_opslag
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vergadering.fouten import OngeldigeInvoer
from vergadering.opslag import Opslag
from vergadering.opslag.omzetten import naar_document
from vergadering.signaal import Contact, Signaal
from vergadering.tekst import MAX_TEKST, geplakt

LASTIG = [
    *(chr(c) for c in range(0x20)),  # alle stuurtekens, ook \x00
    "\x7f", "\x85", "\u2028", "\u2029",  # regeleinden die geen \n zijn
    "a\ud800a", "b\udbffb", "c\udc80c", "d\udfffd",  # losse surrogaten (zie onder: paren)
    "\u202e", "\u202b", "\u200f", "\u200e", "\u2066", "\u2069",  # rechts-naar-links
    "\ufeff", "\ufffe", "\uffff", "\u0301", "\u200d",
    "😀", "👩🏽‍⚕️", "🇳🇱", "ق", "ﷺ", "é", "ß", "\\", '"', "'", "{", "}", "\\u0000",
]
# Een hoog surrogaat direct gevolgd door een laag is in JSON (en in UTF-16) hetzelfde als
# het teken dat dat paar vormt; dat geval staat apart getest. Hier zetten we er iets tussen.
PAAR = re.compile("[\ud800-\udbff][\udc00-\udfff]")
TEKENS = st.one_of(st.characters(), st.characters(categories=["Cs"]), st.sampled_from(LASTIG))
TEKST = (
    st.lists(TEKENS, min_size=1, max_size=120)
    .map("".join)
    .map(lambda t: PAAR.sub(lambda m: m[0][0] + "|" + m[0][1], t))
    .filter(lambda t: t.strip())
)
LANG = "".join(LASTIG) * (MAX_TEKST // len("".join(LASTIG)) + 1)
LANG = "x" + LANG[: MAX_TEKST - 2] + "x"  # precies het maximum, niet te strippen aan de randen


def _signaal(opslag: Opslag, tekst: str, thema: str = "", naam: str = "") -> Signaal:
    return Signaal(
        id=opslag.nieuw_signaal_id(WV, date(2026, 11, 23)), wijkverband_id=WV, tekst=tekst,
        datum=date(2026, 11, 23), thema=thema[:200], buurt=thema[:200],
        contact=Contact(naam=naam, gegevens=tekst[:50]) if naam.strip() else None,
        extra={"vrij": tekst, tekst[:10]: [tekst]},
    )


def _zonder_versie(s: Signaal) -> dict:
    doc = naar_document(s)
    doc.pop("versie")
    return doc


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tekst=TEKST, thema=TEKST, naam=TEKST)
def test_vijandige_tekst_komt_precies_terug(tekst, thema, naam):
    with tempfile.TemporaryDirectory() as tmp:
        opslag = nieuwe_opslag(Path(tmp) / "db")
        s = _signaal(opslag, tekst, thema, naam)
        opslag.bewaar_signaal(s)
        terug = Opslag(Path(tmp) / "db").signaal(WV, s.id)  # van schijf, niet uit geheugen
        assert _zonder_versie(terug) == _zonder_versie(s)


def test_tienduizend_tekens_passen_precies_en_een_meer_niet(tmp_path):
    opslag = nieuwe_opslag(tmp_path / "db")
    assert len(LANG) == MAX_TEKST
    s = _signaal(opslag, LANG)
    opslag.bewaar_signaal(s)
    assert Opslag(tmp_path / "db").signaal(WV, s.id).tekst == LANG
    with pytest.raises(OngeldigeInvoer, match="hoogstens 10.000"):
        _signaal(opslag, LANG + "y")


KIND = r"""
import json, sys
from datetime import date
from pathlib import Path
from vergadering.opslag import Opslag
from vergadering.signaal import Signaal

map_, invoer, uitvoer = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
teksten = json.loads(invoer.read_bytes())
opslag = Opslag(map_)
ids = []
for tekst in teksten:
    s = Signaal(id=opslag.nieuw_signaal_id("de-hoven", date(2026, 11, 23)),
                wijkverband_id="de-hoven", tekst=tekst, datum=date(2026, 11, 23))
    opslag.bewaar_signaal(s)
    ids.append(s.id)
    print(s.id)  # naar een stdout in de taal van het systeem
alle = {s.id: s.tekst for s in Opslag(map_).signalen("de-hoven")}
uitvoer.write_bytes(json.dumps({"eigen": [alle[i] for i in ids], "alle": alle}).encode("ascii"))
"""

OMGEVINGEN = {
    # LANG=C zoals op een kale server; Python zet dan zelf UTF-8-modus aan.
    "LANG=C": {"LANG": "C", "LC_ALL": "C"},
    # En echt ASCII: UTF-8-modus en locale-omzetting uitgezet.
    "LANG=C ascii": {"LANG": "C", "LC_ALL": "C", "PYTHONUTF8": "0",
                     "PYTHONCOERCECLOCALE": "0"},
}


def _omgeving(extra: dict[str, str]) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("LC_", "PYTHONIOENCODING", "PYTHONUTF8", "LANG"))}
    env.update(extra)
    return env


@pytest.mark.parametrize("naam", list(OMGEVINGEN))
@settings(max_examples=3, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(teksten=st.lists(TEKST, min_size=3, max_size=15))
def test_onder_lang_c_heen_en_terug_tussen_processen(tmp_path_factory, naam, teksten):
    tmp = tmp_path_factory.mktemp("lang")
    map_ = tmp / "db"
    opslag = nieuwe_opslag(map_)
    van_ouder = _signaal(opslag, "".join(LASTIG))
    opslag.bewaar_signaal(van_ouder)
    teksten = [*teksten, LANG, "".join(reversed(LASTIG))]
    verwacht = [Signaal(id="x", wijkverband_id=WV, tekst=t, datum=date(2026, 11, 23)).tekst
                for t in teksten]
    (tmp / "in.json").write_bytes(json.dumps(teksten).encode("ascii"))
    r = subprocess.run(
        [sys.executable, "-c", KIND, str(map_), str(tmp / "in.json"), str(tmp / "uit.json")],
        capture_output=True, env=_omgeving(OMGEVINGEN[naam]), timeout=60,
    )
    assert r.returncode == 0, r.stderr.decode("ascii", "replace")
    uit = json.loads((tmp / "uit.json").read_bytes())
    assert uit["eigen"] == verwacht  # het kind schreef en las zijn eigen tekst terug
    assert uit["alle"][van_ouder.id] == van_ouder.tekst  # en las die van de ouder
    hier = {s.id: s.tekst for s in Opslag(map_).signalen(WV)}
    assert [hier[i] for i in r.stdout.decode("ascii").split()] == verwacht  # en andersom


@pytest.mark.parametrize("naam", list(OMGEVINGEN))
def test_opdrachtregel_onder_lang_c_geeft_geldige_json_en_geen_traceback(tmp_path, naam):
    map_ = tmp_path / "db"
    opslag = nieuwe_opslag(map_)
    s = _signaal(opslag, "".join(LASTIG))
    opslag.bewaar_signaal(s)
    env = _omgeving(OMGEVINGEN[naam])
    r = cli("signalen", "--json", "--db", str(map_), env=env)
    assert r.returncode == 0, r.stderr
    (rij,) = json.loads(r.stdout)
    assert rij["tekst"] == s.tekst
    r = cli("signalen", "--db", str(map_), env=env)  # de tabel voor mensen
    assert r.returncode == 0 and "Traceback" not in r.stderr
    if naam == "LANG=C":
        # Argumenten komen in UTF-8-modus heel binnen: emoji en rechts-naar-links.
        tekst = "Stoep \u202ekapot\u202c 😀 bij de moskee ق"
        r = cli("signaal", tekst, "--wijkverband", "De Hoven", "--db", str(map_), env=env)
        assert r.returncode == 0, r.stderr
        assert Opslag(map_).signaal(WV, r.stdout.strip()).tekst == tekst


def test_los_hoog_en_laag_surrogaat_naast_elkaar_komen_terug_als_het_teken_dat_ze_vormen(
        tmp_path):
    """JSON kent geen verschil tussen het paar \\ud83d\\ude00 en het teken 😀; een lezer krijgt
    dus het teken. Zo'n paar ontstaat alleen uit kapotte decodering (surrogateescape maakt
    alleen lage surrogaten), dus we leggen dit gedrag vast in plaats van het te verbergen."""
    opslag = nieuwe_opslag(tmp_path / "db")
    s = _signaal(opslag, "lach \ud83d\ude00 en los \ud83d")
    opslag.bewaar_signaal(s)
    assert Opslag(tmp_path / "db").signaal(WV, s.id).tekst == "lach 😀 en los \ud83d"


def test_geplakt_wordt_een_schone_regel():
    assert geplakt("een\r\ntwee\n\tdrie") == "een twee drie"
    assert geplakt("bel\x07 escape\x1b en \x9bC1 \x7f") == "bel escape en C1 "
    assert geplakt("🐝 中文 ‮ [bold]") == "🐝 中文 ‮ [bold]"  # alleen stuurtekens gaan weg
