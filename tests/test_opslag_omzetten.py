"""Inlezen van opgeslagen documenten: de snelle weg geeft hetzelfde als de constructor, en
een document dat niet te lezen is geeft één Nederlandse zin die het veld noemt. Schrijven:
``naar_document`` per klasse uitgeschreven geeft hetzelfde als de algemene regel."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from hulp_opslag import WV, nieuwe_opslag, voeg_signaal_toe

from vergadering.actie import Actie, StatusWijziging
from vergadering.demo import schrijf_demo
from vergadering.fouten import BeschadigdBestand
from vergadering.opslag import Opslag, omzetten
from vergadering.opslag.omzetten import naar_document, uit_document
from vergadering.signaal import Contact, Signaal
from vergadering.terugkoppeling import Terugkoppeling
from vergadering.vergadering import Vergadering

ENGELS = ("fromisoformat", "argument", "missing", "positional", "must be", "object",
          "NoneType", "Error", "__init__")
DAG = date(2026, 11, 2)


def _signaal(**velden) -> dict:
    s = Signaal("2611-ab12", "w", "Stoep kapot", DAG, vorm="A", aantal=3,
                contact=Contact("Anja", "06-12345678"))
    return {**naar_document(s), **velden}


def _fout(cls: type, document: dict) -> str:
    with pytest.raises(BeschadigdBestand) as fout:
        uit_document(cls, document)
    zin = str(fout.value)
    assert not any(w in zin for w in ENGELS), zin
    assert zin.endswith(".") and ". " not in zin, zin  # één zin
    return zin


def test_de_snelle_weg_geeft_hetzelfde_als_de_constructor_op_de_demo(tmp_path):
    opslag = Opslag(tmp_path / "demo")
    schrijf_demo(opslag, date(2026, 11, 23))
    for soort, naam, cls in (("signalen", "signalen", Signaal), ("acties", "acties", Actie),
                             ("vergaderingen", "vergadering", Vergadering)):
        vakken = [v for wv in opslag.wijkverbanden()
                  for v in opslag._vakken(opslag.map / wv.id / soort)]
        documenten = [d for v in vakken for d in opslag._vak(v, naam)[1].values()]
        assert documenten, soort
        for document in documenten:
            snel = omzetten._snel(cls)(document)
            assert snel == omzetten._gewoon(cls, document)
            assert naar_document(snel) == document  # niets verloren of veranderd


def test_de_snelle_weg_deelt_geen_lijsten_met_het_document():
    document = naar_document(Actie("2026-1", "w", 1, "Schouw", "Anja", DAG,
                                   partners=["Gemeente"], signalen=["2611-ab12"]))
    actie = uit_document(Actie, document)
    actie.partners.append("Welzijn")
    actie.historie.append(StatusWijziging(datetime(2026, 11, 3, 20), "loopt"))
    assert document["partners"] == ["Gemeente"] and document["historie"] == []


def test_de_regels_gelden_ook_langs_de_snelle_weg():
    # Geen tekstcontrole, wel de regels van het domein: een onbekende status is beschadiging.
    zin = _fout(Signaal, _signaal(status="weg"))
    assert zin.startswith("Een opgeslagen signaal (2611-ab12) is niet te lezen: 'weg' is geen")
    assert uit_document(Signaal, _signaal(vorm="a")).vorm == "A"  # en wat ze rechtzetten


def test_oudere_documenten_lezen_nog_via_de_constructor():
    # null waar nu tekst hoort, een ontbrekend veld met standaardwaarde: zoals voorheen.
    s = uit_document(Signaal, {k: v for k, v in _signaal(thema=None).items() if k != "buurt"})
    assert (s.thema, s.buurt, s.aantal) == ("", "", 3)


def test_verkeerd_type_noemt_soort_kenmerk_en_veld_in_het_nederlands():
    zin = _fout(Signaal, _signaal(datum=20261101))
    assert zin == ("Een opgeslagen signaal (2611-ab12) is niet te lezen: het veld 'datum' "
                   "heeft een verkeerde waarde.")


@pytest.mark.parametrize("veld, waarde", [
    ("datum", "1 november"), ("contact", "Anja"), ("partners", "Gemeente"),
    ("historie", [{"moment": "gisteren", "status": "loopt"}]),
])
def test_elk_verkeerd_veld_wordt_genoemd(veld, waarde):
    document = naar_document(Actie("2026-1", "w", 1, "Schouw", "Anja", DAG))
    if veld in ("datum", "contact"):
        document, cls = _signaal(**{veld: waarde}), Signaal
    else:
        document[veld], cls = waarde, Actie
    genoemd = "historie.moment" if veld == "historie" else veld
    assert f"het veld '{genoemd}' heeft een verkeerde waarde." in _fout(cls, document)


def test_geneste_velden_worden_met_hun_pad_genoemd():
    v = Vergadering("2026-11-23", "w", DAG, terugkoppeling=Terugkoppeling(kanaal="inloop"))
    document = naar_document(v)
    document["terugkoppeling"]["volgende_update"] = 5
    zin = _fout(Vergadering, document)
    assert zin == ("Een opgeslagen vergadering (2026-11-23) is niet te lezen: het veld "
                   "'terugkoppeling.volgende_update' heeft een verkeerde waarde.")


def test_ontbrekende_velden_worden_in_het_nederlands_genoemd():
    zin = _fout(Signaal, {"id": "2611-ab12"})
    assert zin == ("Een opgeslagen signaal (2611-ab12) is niet te lezen: de velden "
                   "'wijkverband_id', 'tekst' en 'datum' ontbreken.")
    zin = _fout(Signaal, {k: v for k, v in _signaal().items() if k != "tekst"})
    assert zin.endswith("het veld 'tekst' ontbreekt.")


@pytest.mark.parametrize("aantal, zin", [
    (0, "het aantal bewoners moet tussen 1 en 100.000 liggen."),
    ("drie", "het aantal bewoners moet een heel getal zijn."),
])
def test_een_regel_van_het_domein_wordt_een_zin(aantal, zin):
    assert _fout(Signaal, _signaal(aantal=aantal)) == (
        f"Een opgeslagen signaal (2611-ab12) is niet te lezen: {zin}")


def test_geen_document_of_geen_kenmerk():
    assert _fout(Signaal, ["geen", "object"]).endswith(
        "zonder kenmerk is niet te lezen: het heeft niet de vorm van een opgeslagen document.")


def _cli(map_, *args: str, debug: bool = False) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("VERGADERING_DEBUG",
                                                            "VERGADERING_DB")}
    if debug:
        env["VERGADERING_DEBUG"] = "1"
    return subprocess.run([sys.executable, "-m", "vergadering", *args, "--db", str(map_)],
                          capture_output=True, text=True, encoding="utf-8", env=env,
                          timeout=60)


def test_opdrachtregel_zegt_het_in_een_zin_en_de_oorzaak_alleen_met_debug(tmp_path):
    opslag = nieuwe_opslag(tmp_path / "db")
    s = voeg_signaal_toe(opslag, "Stoep kapot")
    s.datum = 20261101  # zo komt het in de opslag, zoals een hand die het bestand bewerkte
    opslag.bewaar_signaal(s)
    r = _cli(tmp_path / "db", "signalen", "--json")
    assert r.returncode == 1 and r.stdout == ""
    (regel,) = r.stderr.splitlines()
    # Het bestand, welk signaal en welk veld, in één zin (de opslag voegt het advies toe).
    assert regel.startswith("vergadering: Het bestand ") and regel.endswith(".")
    assert (f"(signaal {s.id} is niet te lezen: het veld 'datum' heeft een verkeerde "
            "waarde)") in regel
    assert not any(w in regel for w in ENGELS), regel
    debug = _cli(tmp_path / "db", "signalen", "--json", debug=True)
    assert debug.returncode == 1
    assert "het veld 'datum'" in debug.stderr and "fromisoformat" in debug.stderr
    assert WV in s.wijkverband_id


# --- naar_document: de uitgeschreven weg ---------------------------------------------------


def _algemeen(obj):
    """De regel van naar_document zonder uitgeschreven weg: veld voor veld, waarde voor waarde."""
    import dataclasses

    if type(obj) in (str, int, float, bool, type(None)):
        return obj
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: _algemeen(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, (datetime, date)):
        return obj.isoformat()
    if isinstance(obj, dict):
        return {str(k): _algemeen(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [_algemeen(v) for v in obj]
    return obj


class _Tekst(str):
    """Een tekst die niet precies een str is (zoals een StrEnum)."""


def test_naar_document_per_klasse_geeft_hetzelfde_als_de_algemene_regel():
    v = Vergadering("2026-11-23", WV, DAG, plaats="Buurthuis")
    v.log(datetime(2026, 11, 23, 19, 30), "Begonnen.")
    # Gelijke tijdstippen die anders geschreven worden: met tijdzone, en zonder.
    v.log(datetime(2026, 11, 23, 12, 0, tzinfo=timezone(timedelta(hours=1))), "Eén uur.")
    v.log(datetime(2026, 11, 23, 11, 0, tzinfo=UTC), "UTC.")
    v.log(datetime(2026, 11, 23, 11, 0), "Zonder tijdzone.")
    v.log(datetime(2026, 11, 23, 11, 0, fold=1), "Fold.")
    v.stippen["2611-ab12"] = 3
    # Waarden die niet precies hun typehint volgen, gaan langs de algemene regel.
    v.gasten = ("Piet", _Tekst("Klaas"))  # type: ignore[assignment]
    v.stippen[7] = 2.5  # type: ignore[index]
    v.plaats = None  # type: ignore[assignment]
    v.gesloten_op = date(2026, 11, 24)  # type: ignore[assignment]
    v.fase_index = True
    v.voorzitter = DAG  # type: ignore[assignment]
    v.notulist = ["Anja", DAG]  # type: ignore[assignment]
    v.vastgesteld_op = (DAG,)  # type: ignore[assignment]
    v.logboek.append(datetime(2026, 11, 23, 20, 0))  # type: ignore[arg-type]
    s = Signaal("2611-ab12", WV, "Stoep kapot", DAG, contact=Contact("Anja", "06"))
    s.datum = datetime(2026, 11, 2, 8, 15)  # type: ignore[assignment]
    a = Actie("2026-1", WV, 1, "Stoep melden", "Anja", DAG)
    a.historie.append(StatusWijziging(datetime(2026, 11, 3, 9, 0), "open", "loopt"))
    for obj in (v, s, a, Terugkoppeling(gehoord="x"), Contact(), v):  # v twee keer
        nieuw, oud = naar_document(obj), _algemeen(obj)
        assert nieuw == oud
        assert repr(nieuw) == repr(oud)  # ook de volgorde en de typen (True blijft True)
