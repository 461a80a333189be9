"""De tabel van de lijsten: dezelfde opmaak als de Rich-tabel die er eerst stond."""

from __future__ import annotations

import io

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from vergadering.tabel import breek, tabel_tekst

WOORD = st.text("abcdefghijklmnopqrstuvwxyz0123456789.,'-", min_size=1, max_size=14)
CEL = st.lists(WOORD, min_size=1, max_size=12).map(" ".join)


def _rich(titel: str, kolommen, cellen, breedte: int) -> list[str]:
    """Zo tekende de opdrachtregel de tabel eerst (met Rich, zonder terminal)."""
    from rich import box
    from rich.console import Console
    from rich.table import Table

    uit = io.StringIO()
    console = Console(file=uit, width=breedte)
    tabel = Table(title=titel, box=box.SIMPLE_HEAD, title_justify="left")
    for i, (kop, breekt) in enumerate(kolommen):
        if breekt:
            tabel.add_column(kop, overflow="fold", ratio=1)
        else:
            tabel.add_column(kop, no_wrap=True,
                             min_width=max(len(kop), *(len(rij[i]) for rij in cellen)))
    for rij in cellen:
        tabel.add_row(*rij)
    console.print(tabel)
    return uit.getvalue().splitlines()


@settings(max_examples=150, deadline=None)
@given(st.data(), st.integers(60, 160))
def test_zelfde_opmaak_als_rich(data, breedte):
    kolommen = data.draw(st.lists(st.tuples(WOORD, st.booleans()), min_size=1, max_size=5))
    korte = st.text("abcdefghij0123456789 ", min_size=1, max_size=11).map(
        lambda t: t.strip() or "—")
    cellen = data.draw(st.lists(
        st.tuples(*(CEL if breekt else korte for _, breekt in kolommen)).map(list),
        min_size=1, max_size=8))
    # Zoals bij de lijsten passen de korte kolommen ruim; waar ze dat niet doen, laat Rich
    # hele kolommen weg en houden wij ze (daar vergelijken we niet).
    kort = sum(max(len(k), *(len(r[i]) for r in cellen)) + 3
               for i, (k, breekt) in enumerate(kolommen) if not breekt)
    assume(kort + 20 * sum(b for _, b in kolommen) < breedte)
    assert "".join(tabel_tekst("Signalen (3)", kolommen, list(zip(*cellen, strict=True)),
                               breedte)).splitlines() == _rich(
        "Signalen (3)", kolommen, cellen, breedte)


def test_breek_op_woorden_en_vouw_lange_woorden():
    assert breek("een twee drie", 8) == ["een twee", "drie    "]
    assert breek("abcdefghij kort", 4) == ["abcd", "efgh", "ij  ", "kort"]
    assert breek("breed 漢字漢字", 6) == ["breed ", "漢字漢", "字    "]


def test_rijen_die_passen_afbreken_of_breed_schrift_hebben_door_elkaar():
    # Elk soort rij langs zijn eigen weg (past, één cel te lang, twee cellen te lang,
    # smal niet-ASCII, breed schrift): samen precies wat Rich tekende.
    kolommen = [("Kenmerk", False), ("Signaal", True), ("Toelichting", True), ("Vorm", False)]
    lang = "De stoep in de Zeilmakerspad is te smal voor een rollator en een kinderwagen"
    cellen = [
        ["1611-aaaa", "Kort signaal.", "—", "A"],
        ["1611-bbbb", lang, "—", "B"],
        ["1611-cccc", lang, lang + " samen", "C"],
        ["1611-dddd", "Café op de hoek van de Kastanjelaan is te luid na middernacht, zeggen "
                      "bewoners", "—", "D"],
        ["1611-eeee", "Ook kort.", "Nog een toelichting die net niet past", "overig"],
        ["1611-ffff", "Bewoners van 漢字 komen niet naar de inloop in het buurthuis", "—", "A"],
        ["1611-gggg", "—", "—", "B"],
    ]
    for breedte in (70, 90, 120):
        assert "".join(tabel_tekst("Signalen (5)", kolommen,
                                   list(zip(*cellen, strict=True)), breedte)).splitlines() \
            == _rich("Signalen (5)", kolommen, cellen, breedte), breedte
