"""Zinnen uit delen (vergadering/zinnen.py): nooit '..', '.:', '. (' of '1 stippen',
wat de getypte tekst ook als slot heeft."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from vergadering.zinnen import (
    aantal,
    kort_op_zin,
    met_label,
    met_nummers,
    opsomming,
    zin,
    zinnen,
    zonder_slot,
)

# Wat iemand typt: een stuk tekst, en dan een slot dat ertoe doet.
_kern = st.text(st.characters(whitelist_categories=("Ll", "Lu", "Nd"), whitelist_characters=" -'"),
                min_size=1, max_size=30).filter(lambda t: any(c.isalnum() for c in t))
getypt = st.builds(lambda k, s: k + s, _kern,
                   st.sampled_from(["", ".", "?", "!", ":", "..", ".:", " ", ". ", "…", ";"]))
_FOUT = re.compile(r"\.\.|[.!?]:|[.:;]\.|\. \(|,\.|:\s*:|\s[.,:;]")


@given(st.lists(getypt, min_size=1, max_size=4))
def test_een_zin_heeft_nooit_dubbele_of_botsende_leestekens(delen):
    uit = zin(*delen)
    assert not _FOUT.search(uit), uit
    assert uit[-1] in ".?!…"
    assert uit.count(".") <= sum(d.count(".") for d in delen) + 1


@given(st.lists(getypt, min_size=1, max_size=4))
def test_zinnen_achter_elkaar_elk_met_een_slot(teksten):
    uit = zinnen(*teksten)
    assert not _FOUT.search(uit), uit
    assert len(re.findall(r"[.?!…](?: |$)", uit)) >= len(teksten)


@given(getypt, getypt)
def test_label_en_tekst_zonder_dubbele_dubbele_punt(label, tekst):
    uit = met_label(label, tekst)
    assert "::" not in uit.replace(" ", "") and ".:" not in uit and "?:" not in uit
    assert uit.startswith(zonder_slot(label))


def test_de_gevonden_gebreken():
    assert zinnen("Het werd gedaan.", "De rest volgt") == "Het werd gedaan. De rest volgt."
    assert zin("respijtzorg.", "is bezig") == "Respijtzorg is bezig."
    assert met_label("Status:", "loopt.:") == "Status: loopt."
    assert met_label("Via", "nieuwsbrief") == "Via: nieuwsbrief"
    assert zin("Is het veilig?") == "Is het veilig?"
    assert zin("") == "" and zinnen("", " ") == ""


def test_getal_en_opsomming():
    assert aantal(1, "stip", "stippen") == "1 stip"
    assert aantal(0, "stip", "stippen") == "0 stippen"
    assert aantal(3, "ander", "anderen") == "3 anderen"
    assert opsomming([]) == "" and opsomming(["a."]) == "a"
    assert opsomming(["a", "b."]) == "a en b"
    assert opsomming(["a", "b", "c"], "of") == "a, b of c"
    assert met_nummers("Actie", "Acties", [12], "kreeg", "kregen") == "Actie 12 kreeg"
    assert met_nummers("Actie", "Acties", [12, 16, 20], "kreeg", "kregen") == (
        "Acties 12, 16 en 20 kregen")


def test_kort_op_een_zin_of_een_woord():
    lang = "Eerste zin is kort. Tweede zin is een stuk langer en loopt door. Derde."
    assert kort_op_zin(lang, 200) == lang
    assert kort_op_zin(lang, 50) == "Eerste zin is kort."
    assert kort_op_zin("een heel lang woord zonder punt erin", 20) == "een heel lang woord…"
    assert kort_op_zin("x" * 30, 10) == "x" * 9 + "…"


@given(st.text(min_size=0, max_size=400), st.integers(min_value=5, max_value=300))
def test_kort_op_zin_past_altijd(tekst, maximum):
    uit = kort_op_zin(tekst, maximum)
    assert len(uit) <= maximum
    schoon = " ".join(tekst.split())
    assert uit == schoon or uit.endswith(("…", ".", "!", "?"))
