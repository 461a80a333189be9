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


# Waarden zoals een lijst ze in een kolom kan hebben: het gewone geval en alles wat ``cel``
# anders doet (regeleinden, stuurtekens, een toelichting tussen haakjes, te lang, getallen,
# ja/nee, niets, lijsten).
_TEKST = st.text(st.sampled_from("ab (,é—漢\n\t\x1b|"), max_size=12) | st.text(
    "ab ", min_size=195, max_size=210)
_WAARDE = (_TEKST | st.integers(-5, 10**6) | st.booleans() | st.none()
           | st.lists(_TEKST | st.integers(0, 9), max_size=3))


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(["id", "tekst", "eigenaar", "plaats", "te_laat", "aantal_met_bundel",
                        "gesloten", "status"]),
       st.lists(_WAARDE, min_size=1, max_size=6) | st.lists(_TEKST, min_size=1, max_size=6)
       | st.lists(st.lists(_TEKST, max_size=3), min_size=1, max_size=6))
def test_kolom_in_een_keer_geeft_wat_cel_voor_cel_geeft(sleutel, waarden):
    """De snelle weg per kolom (``_kolom``) maakt precies de cellen van ``cel``; staat hij
    er als ``EenRegel``, dan geldt ``al_een_regel_samen`` ook echt (de tabel kijkt dat dan
    niet meer na)."""
    from vergadering.lijsten import _kolom, cel
    from vergadering.tabel import EenRegel, al_een_regel_samen

    uit = _kolom(sleutel, list(waarden))
    assert list(uit) == [cel(sleutel, w) for w in waarden]
    if type(uit) is EenRegel:
        assert al_een_regel_samen("|".join(uit))


def test_een_kolom_als_eenregel_geeft_dezelfde_tabel():
    """Een kolom die al als ``EenRegel`` komt, breekt precies als dezelfde kolom zonder."""
    from vergadering.tabel import EenRegel, tabel_tekst_in_delen

    kolommen = [("Kenmerk", False), ("Signaal", True), ("Eigenaar", True)]
    lang = "De stoep in de Zeilmakerspad is te smal voor een rollator en een kinderwagen"
    per_kolom = [[f"1611-{i:04}" for i in range(6)],
                 [lang, "Kort.", lang + " en nog veel meer tekst erachter", "—", lang, "x"],
                 ["Tom Hendriks", "Fatima El Amrani-van der Berg", "—", "Ans", "Ans", "Bo"]]
    for breedte in (50, 70, 120):
        gewoon = tabel_tekst_in_delen("Signalen (6)", kolommen, 6,
                                      lambda b, e: [k[b:e] for k in per_kolom], breedte)
        gemerkt = tabel_tekst_in_delen("Signalen (6)", kolommen, 6,
                                       lambda b, e: [EenRegel(k[b:e]) for k in per_kolom],
                                       breedte)
        assert gemerkt == gewoon
        assert "rollator" in "".join(gewoon)


def _onder_tabel(breedte: int, onder: int | None = 1, rijen: int = 3) -> list[str]:
    from vergadering.tabel import tabel_tekst_in_delen

    lang = ("Ouderen in de flat aan het Beekplein komen weinig buiten en kennen hun buren "
            "niet; de lift is vaak kapot")
    per_kolom = [[f"2611-{i:04}" for i in range(rijen)],
                 [lang if i % 2 == 0 else "Kort." for i in range(rijen)],
                 ["overig"] * rijen, [str(i + 2) for i in range(rijen)],
                 ["afgehandeld"] * rijen]
    kolommen = [("Kenmerk", False), ("Signaal", True), ("Vorm", False), ("Aantal", False),
                ("Status", False)]
    kop, tekst = tabel_tekst_in_delen("Signalen (3)", kolommen, rijen,
                                      lambda b, e: [k[b:e] for k in per_kolom], breedte,
                                      onder=onder)
    return (kop + tekst).splitlines()


def test_een_te_smalle_hoofdtekst_staat_onder_zijn_rij():
    """Op een smalle terminal staat de tekst van een signaal onder de rest van de rij, over
    de hele breedte, in plaats van in een kolom van een paar tekens."""
    regels = _onder_tabel(70)
    assert all(len(r) <= 70 for r in regels)
    kop = next(r for r in regels if "Kenmerk" in r)
    assert "Signaal" not in kop and "Status" in kop
    rij = next(i for i, r in enumerate(regels) if r.strip().startswith("2611-0000"))
    assert "afgehandeld" in regels[rij]
    # De tekst begint onder de tweede kolom, helemaal, op woorden afgebroken.
    inspringen = kop.index("Vorm")
    onder = []
    for r in regels[rij + 1:]:
        if r.strip().startswith("2611-0001"):
            break
        assert r[:inspringen].strip() == ""
        onder.append(r.strip())
    assert " ".join(onder) == ("Ouderen in de flat aan het Beekplein komen weinig buiten en "
                               "kennen hun buren niet; de lift is vaak kapot")
    assert len(onder) == 2  # in een kolom van de oude vorm waren het er zes


def test_breed_genoeg_dan_de_gewone_tabel():
    """Krijgt de hoofdtekst genoeg ruimte, dan verandert er niets (dezelfde tabel als zonder
    ``onder``, zoals Rich hem tekende)."""
    assert _onder_tabel(120) == _onder_tabel(120, onder=None)
    assert any("Signaal" in r for r in _onder_tabel(120))
    assert _onder_tabel(70) != _onder_tabel(70, onder=None)
    # Alleen de tekstkolom: geen rij om onder te staan, dus gewoon de kolom.
    from vergadering.tabel import tabel_tekst_in_delen

    lang = ["een tekst die veel langer is dan de smalle terminal breed is " * 2]
    alleen = tabel_tekst_in_delen("Signalen (1)", [("Signaal", True)], 1,
                                  lambda b, e: [lang[b:e]], 24, onder=0)
    assert alleen == tabel_tekst_in_delen("Signalen (1)", [("Signaal", True)], 1,
                                          lambda b, e: [lang[b:e]], 24)
