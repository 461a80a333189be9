"""Signalen: invoer, parkeren, kiezen, bundelen en het totaal aantal bewoners."""

from datetime import date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vergadering.fouten import OngeldigeInvoer
from vergadering.signaal import (
    PRAKTIJKVORMEN,
    Contact,
    Signaal,
    bundel,
    gebundeld_onder,
    ontbundel,
    totaal,
    totalen,
)

DAG = date(2026, 11, 2)


def sig(sid: str = "s1", aantal: int = 1, **kw) -> Signaal:
    kw.setdefault("wijkverband_id", "w")
    return Signaal(sid, tekst=kw.pop("tekst", f"signaal {sid}"), datum=DAG, aantal=aantal, **kw)


# --- invoer ----------------------------------------------------------------------------

@pytest.mark.parametrize("tekst", ["", "   ", None])
def test_lege_tekst_wordt_geweigerd_met_nederlandse_zin(tekst):
    with pytest.raises(OngeldigeInvoer) as fout:
        Signaal("s", "w", tekst, DAG)
    assert str(fout.value) == "Vul de tekst van het signaal in; dat veld mag niet leeg zijn."


def test_tekst_wordt_getrimd_en_emoji_blijven():
    assert sig(tekst="  Te hard rijden 🚗  ").tekst == "Te hard rijden 🚗"


def test_te_lange_tekst_wordt_geweigerd():
    with pytest.raises(OngeldigeInvoer, match="10.001 tekens"):
        sig(tekst="x" * 10_001)
    assert len(sig(tekst="x" * 10_000).tekst) == 10_000


@pytest.mark.parametrize("vorm", ["A", "B", "C", "D", "overig"])
def test_praktijkvormen(vorm):
    assert sig(vorm=vorm).vorm == vorm
    assert vorm in PRAKTIJKVORMEN


def test_praktijkvorm_kleine_letters_worden_herkend():
    assert sig(vorm=" b ").vorm == "B"
    assert sig(vorm="Overig").vorm == "overig"


@pytest.mark.parametrize("vorm", ["E", "", "buurtgesprek", 1])
def test_onbekende_praktijkvorm_wordt_geweigerd(vorm):
    with pytest.raises(OngeldigeInvoer, match="geen praktijkvorm; kies A, B, C, D of overig"):
        sig(vorm=vorm)


@pytest.mark.parametrize("aantal", [1, 100_000])
def test_aantal_grenzen_mogen(aantal):
    assert sig(aantal=aantal).aantal == aantal


@pytest.mark.parametrize("aantal", [0, -3, 100_001])
def test_aantal_buiten_1_tot_100000_geweigerd(aantal):
    with pytest.raises(OngeldigeInvoer, match="tussen 1 en 100.000"):
        sig(aantal=aantal)


@pytest.mark.parametrize("aantal", [2.0, "3", True, None])
def test_aantal_alleen_hele_getallen(aantal):
    with pytest.raises(OngeldigeInvoer, match="heel getal"):
        sig(aantal=aantal)


def test_onbekende_status_geweigerd():
    with pytest.raises(OngeldigeInvoer, match="geen status van een signaal"):
        sig(status="weg")


def test_datum_verplicht_en_datetime_wordt_datum():
    with pytest.raises(OngeldigeInvoer, match="datum"):
        Signaal("s", "w", "tekst", "2026-11-02")
    assert Signaal("s", "w", "t", datetime(2026, 11, 2, 19, 30)).datum == DAG


def test_leeg_contact_wordt_weggelaten_ingevuld_contact_blijft():
    assert sig(contact=Contact(" ", "")).contact is None
    assert sig(contact=Contact("Mevr. Jansen", "06-12345678")).contact.naam == "Mevr. Jansen"


def test_open_is_nieuw_of_geparkeerd():
    assert sig(status="nieuw").open
    assert sig(status="geparkeerd", reden="later").open
    for status in ("gekozen", "gebundeld", "afgehandeld"):
        assert not sig(status=status).open


# --- parkeren, kiezen, afhandelen -----------------------------------------------------

def test_parkeren_vraagt_een_reden():
    s = sig()
    with pytest.raises(OngeldigeInvoer, match="reden om te parkeren"):
        s.parkeer("  ")
    assert s.status == "nieuw"
    s.parkeer("Eerst de gemeente vragen", "2026-11-23")
    assert (s.status, s.reden, s.vergadering_id) == (
        "geparkeerd", "Eerst de gemeente vragen", "2026-11-23")
    assert s.open  # een geparkeerd signaal komt terug


def test_kiezen_wist_de_parkeerreden():
    s = sig()
    s.parkeer("later")
    s.kies("v1")
    assert (s.status, s.reden, s.vergadering_id) == ("gekozen", "", "v1")
    assert not s.open


def test_gebundeld_signaal_kan_niet_gekozen_of_geparkeerd_worden():
    hoofd, dubbel = sig("h"), sig("d")
    bundel(hoofd, dubbel)
    with pytest.raises(OngeldigeInvoer, match="hoofdsignaal"):
        dubbel.kies("v1")
    with pytest.raises(OngeldigeInvoer, match="hoofdsignaal"):
        dubbel.parkeer("reden")
    assert dubbel.status == "gebundeld"


def test_afhandelen_met_reden_en_heropenen():
    s = sig()
    with pytest.raises(OngeldigeInvoer):
        s.handel_af("")
    s.handel_af("De gemeente heeft de lamp al vervangen.")
    assert s.status == "afgehandeld" and not s.open
    with pytest.raises(OngeldigeInvoer, match="afgehandeld"):
        s.kies("v1")
    s.heropen()
    assert (s.status, s.reden) == ("nieuw", "")


# --- bundelen --------------------------------------------------------------------------

def test_bundelen_telt_de_bewoners_op():
    hoofd, a, b, los = sig("h", 3), sig("a", 2), sig("b", 5), sig("x", 7)
    alle = [hoofd, a, b, los]
    bundel(hoofd, a)
    bundel(hoofd, b)
    assert (a.status, a.gebundeld_in) == ("gebundeld", "h")
    assert totaal(hoofd, alle) == 10
    assert totaal(los, alle) == 7
    # Het totaal van alle open signalen is gelijk aan het totaal van alle bewoners.
    assert sum(totaal(s, alle) for s in alle if s.open) == sum(s.aantal for s in alle)


def test_ontbundelen_zet_het_signaal_weer_los():
    hoofd, a = sig("h", 3), sig("a", 2)
    bundel(hoofd, a)
    ontbundel(a)
    assert (a.status, a.gebundeld_in) == ("nieuw", None)
    assert totaal(hoofd, [hoofd, a]) == 3
    with pytest.raises(OngeldigeInvoer, match="niet gebundeld"):
        ontbundel(a)


def test_niet_met_zichzelf_bundelen():
    s = sig("h")
    with pytest.raises(OngeldigeInvoer, match="met zichzelf"):
        bundel(s, s)


def test_niet_bundelen_in_een_gebundeld_signaal():
    hoofd, a, b = sig("h"), sig("a"), sig("b")
    bundel(hoofd, a)
    with pytest.raises(OngeldigeInvoer, match="al gebundeld"):
        bundel(a, b)
    assert b.status == "nieuw"


def test_alleen_open_signalen_kunnen_gebundeld_worden():
    hoofd, gekozen = sig("h"), sig("g", status="gekozen")
    with pytest.raises(OngeldigeInvoer, match="nieuw of geparkeerd"):
        bundel(hoofd, gekozen)


def test_niet_bundelen_over_wijkverbanden_heen():
    with pytest.raises(OngeldigeInvoer, match="verschillende wijkverbanden"):
        bundel(sig("h"), sig("a", wijkverband_id="ander"))


def test_een_hoofdsignaal_met_bundel_bundelen_houdt_de_telling_kloppend():
    # b zit in a; daarna gaat a (met b) in h: h telt alles, en ontbundelen van a geeft
    # de groep a+b terug.
    h, a, b = sig("h", 1), sig("a", 2), sig("b", 4)
    alle = [h, a, b]
    bundel(a, b)
    bundel(h, a)
    assert totaal(h, alle) == 7
    assert {s.id for s in gebundeld_onder(h, alle)} == {"a", "b"}
    ontbundel(a)
    assert totaal(h, alle) == 1
    assert totaal(a, alle) == 6


def test_kring_in_beschadigde_gegevens_hangt_niet():
    a = sig("a", 1, status="gebundeld", gebundeld_in="b")
    b = sig("b", 2, status="gebundeld", gebundeld_in="a")
    assert totaal(a, [a, b]) == 3


def test_parkeerreden_verdwijnt_bij_bundelen():
    h, a = sig("h"), sig("a")
    a.parkeer("later")
    bundel(h, a)
    assert a.reden == ""


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.integers(min_value=1, max_value=50), min_size=2, max_size=8),
    st.lists(st.tuples(st.booleans(), st.integers(0, 7), st.integers(0, 7)), max_size=40),
)
def test_bundelen_en_ontbundelen_verliest_of_verdubbelt_nooit_bewoners(aantallen, stappen):
    alle = [sig(f"s{i}", n) for i, n in enumerate(aantallen)]
    for is_bundel, i, j in stappen:
        hoofd, dubbel = alle[i % len(alle)], alle[j % len(alle)]
        try:
            if is_bundel:
                bundel(hoofd, dubbel)
            else:
                ontbundel(dubbel)
        except OngeldigeInvoer:
            pass  # geweigerd is prima; de telling moet dan nog steeds kloppen
        wortels = [s for s in alle if s.status != "gebundeld"]
        assert sum(totaal(s, alle) for s in wortels) == sum(aantallen)
        # De lijst in één keer geeft per signaal hetzelfde als totaal() per signaal.
        assert totalen(alle, alleen_open=False) == {s.id: totaal(s, alle) for s in alle}
        for s in alle:
            assert (s.status == "gebundeld") == (s.gebundeld_in is not None)
