"""Inwoners per buurt (issue 13): optioneel in de instellingen van het wijkverband, met
controle in het Nederlands; oude documenten zonder het veld lezen gewoon; en de maat
'signalen per 1.000 inwoners' zonder deling door nul."""

from __future__ import annotations

from datetime import date

import pytest

from schermen.formulieren.wijkverband import buurten_als_tekst, buurten_uit_tekst
from vergadering import impact
from vergadering.fouten import BeschadigdBestand, OngeldigeInvoer
from vergadering.opslag import Opslag
from vergadering.opslag.omzetten import naar_document, uit_document
from vergadering.wijkverband import Wijkverband

BUURTEN = ["Molenhoek", "Vlietzoom", "Centrum, oost"]


def _wv(**velden) -> Wijkverband:
    return Wijkverband("wv", "Wv", buurten=list(BUURTEN), **velden)


def test_zonder_inwoners_is_alles_onbekend():
    assert _wv().inwoners == {}


def test_inwoners_krijgen_de_schrijfwijze_en_volgorde_van_de_buurten():
    wv = _wv(inwoners={"centrum, OOST": 800, "molenhoek": 2400})
    assert wv.inwoners == {"Molenhoek": 2400, "Centrum, oost": 800}


@pytest.mark.parametrize(("inwoners", "stuk"), [
    ({"Zuid": 100}, "'Zuid', maar dat is geen buurt van het wijkverband"),
    ({"Molenhoek": 0}, "Het aantal inwoners van Molenhoek moet een heel getal van 1 tot "
                       "1.000.000 zijn"),
    ({"Molenhoek": -5}, "Het aantal inwoners van Molenhoek"),
    ({"Molenhoek": 1_000_001}, "Het aantal inwoners van Molenhoek"),
    ({"Molenhoek": 2.5}, "Het aantal inwoners van Molenhoek"),
    ({"Molenhoek": True}, "Het aantal inwoners van Molenhoek"),
    ({"Molenhoek": "2400"}, "Het aantal inwoners van Molenhoek"),
    ({"Molenhoek": 1, "MOLENHOEK": 2}, "Molenhoek heeft twee inwonertallen"),
    (["Molenhoek", 3], "Het inwonertal per buurt is een lijst van buurt en aantal."),
])
def test_verkeerde_inwoners_worden_geweigerd_met_een_zin(inwoners, stuk):
    with pytest.raises(OngeldigeInvoer) as fout:
        _wv(inwoners=inwoners)
    assert stuk in str(fout.value)
    assert str(fout.value).endswith(".") and "Error" not in str(fout.value)


def test_bewaren_en_teruglezen(tmp_path):
    opslag = Opslag(tmp_path / "db")
    opslag.bewaar_wijkverband(_wv(inwoners={"Molenhoek": 2400}))
    assert Opslag(tmp_path / "db").wijkverband("wv").inwoners == {"Molenhoek": 2400}


def test_een_oud_document_zonder_het_veld_leest_gewoon():
    document = naar_document(_wv(inwoners={"Molenhoek": 2400}))
    del document["inwoners"]
    assert uit_document(Wijkverband, document).inwoners == {}


@pytest.mark.parametrize("inwoners", [{"Molenhoek": "veel"}, {"Nergens": 3}, "2400"])
def test_een_beschadigd_inwonertal_geeft_een_zin_die_het_wijkverband_noemt(inwoners):
    document = {**naar_document(_wv()), "inwoners": inwoners}
    with pytest.raises(BeschadigdBestand) as fout:
        uit_document(Wijkverband, document)
    zin = str(fout.value)
    assert zin.startswith("Een opgeslagen wijkverband (wv) is niet te lezen:"), zin
    assert "Error" not in zin and "dict" not in zin


# --- het formulier: buurten met inwoners als tekst -------------------------------------

@pytest.mark.parametrize(("tekst", "buurten", "inwoners"), [
    ("", [], {}),
    ("Molenhoek, 2400\nVlietzoom", ["Molenhoek", "Vlietzoom"], {"Molenhoek": 2400}),
    ("  Molenhoek ,  2.400 \n\n", ["Molenhoek"], {"Molenhoek": 2400}),
    ("Molenhoek, 2 400 inwoners", ["Molenhoek"], {"Molenhoek": 2400}),
    ("Centrum, oost\nCentrum, west, 900", ["Centrum, oost", "Centrum, west"],
     {"Centrum, west": 900}),
])
def test_buurten_uit_tekst(tekst, buurten, inwoners):
    assert buurten_uit_tekst(tekst) == (buurten, inwoners)


@pytest.mark.parametrize(("tekst", "stuk"), [
    ("Molenhoek, ca. 2400", "Regel 1: 'ca. 2400' is geen aantal inwoners"),
    ("Molenhoek\nVlietzoom, 2400,5", "Regel 2: '2400,5' is geen"),
    ("Molenhoek\n, 2400", "Regel 2: zet de naam van de buurt vóór het aantal inwoners"),
    ("Molenhoek, 1\nmolenhoek, 2", "Regel 2: molenhoek staat er al"),
])
def test_buurten_uit_tekst_noemt_de_regel(tekst, stuk):
    with pytest.raises(OngeldigeInvoer, match=stuk):
        buurten_uit_tekst(tekst)


def test_tekst_en_terug_is_hetzelfde():
    wv = _wv(inwoners={"Molenhoek": 2400, "Centrum, oost": 800})
    assert buurten_uit_tekst(buurten_als_tekst(wv)) == (wv.buurten, wv.inwoners)


# --- de maat ---------------------------------------------------------------------------

VANDAAG = date(2026, 12, 6)


def _signaal(i: int, buurt: str) -> impact.SignaalRij:
    return impact.SignaalRij(f"s{i}", VANDAAG, "A", "", buurt, 1, "nieuw")


def test_per_1000_inwoners_en_onbekend_zonder_deling_door_nul():
    wv = _wv(inwoners={"Molenhoek": 2400, "Vlietzoom": 950})
    signalen = [_signaal(i, b) for i, b in enumerate(
        ["Molenhoek"] * 12 + ["Centrum, oost"] * 3 + ["Elders", ""])]
    i = impact.bereken(impact.Gegevens(wv, signalen, [], []), impact.periode("12m", VANDAAG),
                       VANDAAG)
    per = {p.buurt: p for p in i.representativiteit.per_inwoners}
    assert list(per) == ["Molenhoek", "Vlietzoom", "Centrum, oost", "Elders"]
    assert per["Molenhoek"] == impact.PerInwoners("Molenhoek", 12, 2400, 5.0)
    assert per["Vlietzoom"].per_1000 == 0.0 and per["Vlietzoom"].tekst() == "0"
    assert per["Centrum, oost"].per_1000 is None and per["Centrum, oost"].tekst() == "onbekend"
    assert impact.inwonercellen(per["Molenhoek"]) == ("2.400", "5")
    assert impact.inwonercellen(per["Elders"]) == ("onbekend", "onbekend")
    json = impact.als_json(i)["representativiteit"]["per_1000_inwoners"]
    assert json["Molenhoek"] == {"signalen": 12, "inwoners": 2400, "per_1000": 5.0}
    assert json["Elders"] == {"signalen": 1, "inwoners": None, "per_1000": None}
    assert impact.BUURT_ONBEKEND not in json
    assert "per 1.000 inwoners: Molenhoek 5 · Vlietzoom 0 · Centrum, oost onbekend" in \
        impact.in_tekst(i)
