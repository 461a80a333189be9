"""De lijsten van de opdrachtregel: wat erin staat en hoeveel werk het kost."""

from __future__ import annotations

import json
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from vergadering import bundels, lijsten
from vergadering.signaal import Signaal, bundel
from vergadering.tekst import _WITRUIMTE, een_regel, xml_veilig

DAG = date(2026, 11, 2)


def _signalen(n: int) -> list[Signaal]:
    """``n`` signalen; elk tiende is een hoofdsignaal met de vier erna erin gebundeld."""
    alle = [Signaal(f"s{i}", "w", f"signaal {i}", DAG + timedelta(days=i % 300),
                    aantal=1 + i % 3) for i in range(n)]
    for i in range(0, n, 10):
        for j in range(i + 1, min(i + 5, n)):
            bundel(alle[i], alle[j])
    return alle


def test_signaalrijen_bouwt_de_bundels_een_keer_op_ook_bij_duizenden_signalen(monkeypatch):
    alle = _signalen(3000)
    opgebouwd = []
    echt = bundels.bundelkinderen
    monkeypatch.setattr(bundels, "bundelkinderen",
                        lambda lijst: opgebouwd.append(len(lijst)) or echt(lijst))
    rijen = lijsten.signaalrijen(alle)
    # Eén keer voor het wijkverband, uit alleen de gebundelde signalen; niet één keer per
    # signaal (dat was kwadratisch).
    assert opgebouwd == [sum(s.status == "gebundeld" for s in alle)]
    assert len(rijen) == 3000
    per_id = {r["id"]: r["aantal_met_bundel"] for r in rijen}
    assert per_id["s0"] == sum(s.aantal for s in alle[:5])
    assert per_id["s1"] == alle[1].aantal  # een gebundeld signaal telt alleen zichzelf


def test_aantal_met_bundel_telt_geneste_bundels_mee():
    # b zit in a, a (met b) zit in h; c zit direct in h; los staat los.
    h, a, b, c, los = (Signaal(i, "w", f"signaal {i}", DAG, aantal=n)
                       for i, n in (("h", 1), ("a", 2), ("b", 4), ("c", 8), ("los", 16)))
    bundel(a, b)
    bundel(h, a)
    bundel(h, c)
    rijen = lijsten.signaalrijen([h, a, b, c, los])
    assert {r["id"]: r["aantal_met_bundel"] for r in rijen} == {
        "h": 15, "a": 6, "b": 4, "c": 8, "los": 16}
    assert [r["gebundeld_in"] for r in rijen] == [None, "h", "a", "h", None]


def test_hetzelfde_kenmerk_in_twee_wijkverbanden_telt_elk_zijn_eigen_bundel():
    # Een kenmerk is alleen binnen een wijkverband uniek (het tienjarige bestand heeft er zo).
    noord = [Signaal("2611-abcd", "noord", "hoofd noord", DAG, aantal=2),
             Signaal("2611-efgh", "noord", "dubbel noord", DAG, aantal=3)]
    zuid = [Signaal("2611-abcd", "zuid", "hoofd zuid", DAG, aantal=5)]
    bundel(noord[0], noord[1])
    rijen = lijsten.signaalrijen(noord + zuid)
    assert [(r["wijkverband"], r["aantal_met_bundel"]) for r in rijen] == [
        ("noord", 5), ("noord", 3), ("zuid", 5)]


@settings(max_examples=500, deadline=None)
@given(st.text(st.characters(codec="utf-8") | st.sampled_from(" \t\n\x00\x1f\u2028\ud800"),
               max_size=30))
def test_een_regel_met_snelle_weg_geeft_hetzelfde_als_de_volledige(tekst):
    volledig = _WITRUIMTE.sub(" ", xml_veilig(tekst)).strip()
    assert een_regel(tekst) == volledig


_SCALAR = st.none() | st.booleans() | st.integers() | st.text(max_size=8)
_RIJ = st.dictionaries(st.text(max_size=6),
                       _SCALAR | st.lists(_SCALAR, max_size=3), max_size=5)


@settings(max_examples=300, deadline=None)
@given(st.lists(_RIJ, max_size=4))
def test_als_json_is_precies_json_dumps_met_inspringen(rijen):
    assert lijsten.als_json(rijen) == json.dumps(rijen, ensure_ascii=False, indent=2)


def test_als_json_laat_wat_niet_plat_is_aan_json_over():
    rijen = [{"a": 1.5, "b": [[1]], "c": {"d": None}}]
    assert lijsten.als_json(rijen) == json.dumps(rijen, ensure_ascii=False, indent=2)


def test_volgende_update_zonder_kanaal_zegt_geen_via():
    """Een open vergadering heeft nog geen kanaal: de kolom toont de datum of '—', geen
    losse 'via' (gevonden in een lijst na een net begonnen vergadering)."""
    assert lijsten._terugkoppeling(None, "") == "—"
    assert lijsten._terugkoppeling(None, None) == "—"
    assert lijsten._terugkoppeling("2026-12-03", "nieuwsbrief").endswith(" via nieuwsbrief")
    assert "via" not in lijsten._terugkoppeling("2026-12-03", "")
