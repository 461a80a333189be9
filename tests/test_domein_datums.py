"""Nederlandse datums via Babel, datums lezen zoals mensen ze typen, tekstinvoer, kenmerken."""

from datetime import date, datetime, timedelta

import pytest

from vergadering import datums, ids
from vergadering.fouten import OngeldigeInvoer
from vergadering.tekst import een_regel, invoer, xml_veilig

VANDAAG = date(2026, 11, 23)


# --- schrijven -------------------------------------------------------------------------

def test_lange_datum_in_het_nederlands():
    assert datums.lang(date(2026, 11, 23)) == "maandag 23 november 2026"
    assert datums.lang(date(2027, 3, 1)) == "maandag 1 maart 2027"


def test_korte_datum_is_wat_babel_met_d_mmm_y_schrijft():
    from babel.dates import format_date

    dag = date(1999, 12, 25)
    while dag < date(2031, 1, 10):
        assert datums.kort(dag) == format_date(dag, format="d MMM y", locale="nl_NL"), dag
        dag += timedelta(days=13)


def test_korte_datum_en_tijd():
    assert datums.kort(date(2026, 3, 1)) == "1 mrt 2026"
    assert datums.datum_tijd(datetime(2026, 11, 23, 19, 30)) == "23 november 2026 om 19:30"
    assert datums.tijd(datetime(2026, 11, 23, 9, 5)) == "09:05"


@pytest.mark.parametrize(
    ("seconden", "tekst"),
    [
        (300, "05:00"),
        (299.2, "05:00"),  # naar boven: pas 04:59 als er echt een seconde af is
        (299.0, "04:59"),
        (0.3, "00:01"),
        (0, "00:00"),
        (-0.4, "+00:00"),
        (-1, "+00:01"),
        (-83, "+01:23"),
        (-83.9, "+01:23"),
        (-3600, "+60:00"),
        (6000, "100:00"),
    ],
)
def test_minuten_seconden(seconden, tekst):
    assert datums.minuten_seconden(seconden) == tekst


@pytest.mark.parametrize(
    ("seconden", "tekst"),
    [
        (245, "nog 4 minuten en 5 seconden"),
        (60, "nog 1 minuut"),
        (1, "nog 1 seconde"),
        (0, "de tijd is om"),
        (-0.5, "de tijd is om"),
        (-83, "1 minuut en 23 seconden over de tijd"),
        (-120, "2 minuten over de tijd"),
    ],
)
def test_resterend_in_woorden(seconden, tekst):
    assert datums.resterend_in_woorden(seconden) == tekst


# --- lezen -----------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("tekst", "verwacht"),
    [
        ("2026-12-07", date(2026, 12, 7)),
        ("2026/12/07", date(2026, 12, 7)),
        ("7-12-2026", date(2026, 12, 7)),
        ("07.12.2026", date(2026, 12, 7)),
        ("7/12/26", date(2026, 12, 7)),
        ("7-12", date(2026, 12, 7)),
        (" 7 december 2026 ", date(2026, 12, 7)),
        ("7 dec", date(2026, 12, 7)),
        ("7 mrt 2027", date(2027, 3, 7)),
        ("maandag 7 december 2026", date(2026, 12, 7)),
        ("Vandaag", VANDAAG),
        ("morgen", date(2026, 11, 24)),
        ("overmorgen", date(2026, 11, 25)),
        ("+14", date(2026, 12, 7)),
        ("+6w", date(2027, 1, 4)),
        ("+ 6 weken", date(2027, 1, 4)),
        ("+2 dagen", date(2026, 11, 25)),
    ],
)
def test_lees_datum(tekst, verwacht):
    assert datums.lees_datum(tekst, VANDAAG) == verwacht


@pytest.mark.parametrize(
    ("tekst", "vandaag", "verwacht"),
    [
        ("5-1", date(2026, 12, 20), date(2027, 1, 5)),        # plannen over de jaarwisseling
        ("5 januari", date(2026, 12, 20), date(2027, 1, 5)),
        ("20-12", date(2027, 1, 3), date(2026, 12, 20)),      # een signaal van vorige week
        ("29-2", date(2027, 6, 1), date(2028, 2, 29)),        # alleen in een schrikkeljaar
        ("23-11", VANDAAG, VANDAAG),
    ],
)
def test_datum_zonder_jaartal_is_de_dichtstbijzijnde(tekst, vandaag, verwacht):
    assert datums.lees_datum(tekst, vandaag) == verwacht


def test_lang_en_terug_lezen_geeft_dezelfde_datum():
    for d in (date(2026, 1, 1), date(2026, 5, 31), date(2027, 2, 28)):
        assert datums.lees_datum(datums.lang(d), VANDAAG) == d


@pytest.mark.parametrize("tekst", ["", "   "])
def test_lege_datum_vraagt_om_een_datum(tekst):
    with pytest.raises(OngeldigeInvoer) as fout:
        datums.lees_datum(tekst, VANDAAG)
    assert str(fout.value) == "Vul een datum in, bijvoorbeeld 23-11-2026."


@pytest.mark.parametrize("tekst", ["31-02-2026", "gisteren misschien", "32 december", "13/13",
                                   "2026-13-01", "1 smarch 2026", "12-11-10-9"])
def test_onzin_geeft_een_nederlandse_zin(tekst):
    with pytest.raises(OngeldigeInvoer) as fout:
        datums.lees_datum(tekst, VANDAAG)
    assert str(fout.value) == f"'{tekst}' is geen datum; typ bijvoorbeeld 23-11-2026."


def test_fout_is_ook_een_valueerror():
    # De opdrachtregel vangt ValueError; dat moet blijven werken.
    with pytest.raises(ValueError):
        datums.lees_datum("geen", VANDAAG)


def test_onwaarschijnlijk_jaartal_en_te_ver_weg():
    with pytest.raises(OngeldigeInvoer, match="controleer het jaartal"):
        datums.lees_datum("1-1-2606", VANDAAG)
    with pytest.raises(OngeldigeInvoer, match="te ver weg"):
        datums.lees_datum("+99999w", VANDAAG)


def test_lange_onzin_wordt_ingekort_in_de_melding():
    with pytest.raises(OngeldigeInvoer) as fout:
        datums.lees_datum("x" * 500, VANDAAG)
    assert len(str(fout.value)) < 100


# --- tekst -----------------------------------------------------------------------------

def test_invoer_trimt_en_accepteert_leeg_als_niet_verplicht():
    assert invoer("  hallo ", "het veld") == "hallo"
    assert invoer(None, "het veld") == ""


def test_invoer_verplicht():
    with pytest.raises(OngeldigeInvoer) as fout:
        invoer(" ", "de naam", verplicht=True)
    assert str(fout.value) == "Vul de naam in; dat veld mag niet leeg zijn."


def test_invoer_maximum_met_nederlandse_getallen():
    assert invoer("x" * 10_000, "de tekst") == "x" * 10_000
    with pytest.raises(OngeldigeInvoer) as fout:
        invoer("x" * 10_001, "de tekst")
    assert str(fout.value) == "De tekst is 10.001 tekens lang; het mag er hoogstens 10.000 hebben."
    with pytest.raises(OngeldigeInvoer, match="hoogstens 5 hebben"):
        invoer("abcdef", "de code", maximum=5)


def test_invoer_bewaart_vreemde_tekens_zoals_getypt():
    vijandig = "\u202eRTL\x07 🚲 עברית"
    assert invoer(vijandig, "de tekst") == vijandig


def test_xml_veilig_en_een_regel():
    assert xml_veilig("a\x00b\x0bc\ud800d\ufffe") == "abcd"
    assert xml_veilig(None) == ""
    assert een_regel("  twee\nregels\t en \x07bel ") == "twee regels en bel"


# --- kenmerken -------------------------------------------------------------------------

def test_signaal_id_begint_met_jaar_en_maand_en_is_leesbaar():
    sid = ids.signaal_id(date(2026, 11, 23))
    voor, na = sid.split("-")
    assert voor == "2611" and len(na) == 4
    assert not set(na) & set("01lio")


def test_actie_id_en_slug():
    assert ids.actie_id(2026, 17) == "2026-17"
    assert ids.slug("De Hoven-Noord") == "de-hoven-noord"
    assert ids.slug("Café Zuid / Oost") == "cafe-zuid-oost"
    assert ids.slug("???") == "wijkverband"
    assert len(ids.slug("x" * 100)) == 40


def test_bewaarde_maandnamen_alleen_van_dezelfde_babel(monkeypatch):
    bewaard = datums.te_bewaren()
    assert bewaard["maanden"]["3"] == "mrt"
    # Een andere Babel (of een bestand van iets anders): niet overnemen.
    nep = {**bewaard, "maanden": {**bewaard["maanden"], "3": "XXX"}}
    assert not datums.gebruik_bewaard({**nep, "babel": ["ander", 1, 2]})
    assert not datums.gebruik_bewaard({**bewaard, "maanden": {"1": "jan"}})
    assert not datums.gebruik_bewaard("onzin")
    assert datums.kort(date(2026, 3, 1)) == "1 mrt 2026"
    # Van deze Babel: dan komen de namen uit het bewaarde (zonder Babel te laden).
    monkeypatch.setattr(datums, "_maanden_kort", None)
    assert datums.gebruik_bewaard(nep)
    assert datums.kort(date(2026, 3, 1)) == "1 XXX 2026"


def test_lijst_bewaart_de_maandnamen_in_de_opslagmap(tmp_path, monkeypatch):
    from vergadering.opslag import Opslag, facade

    monkeypatch.setattr(datums, "_maanden_kort", None)
    Opslag(tmp_path).laad_maandnamen()
    assert (tmp_path / facade.BABELNAMEN).exists()
    monkeypatch.setattr(datums, "_maanden_kort", None)
    monkeypatch.setattr(datums, "te_bewaren", lambda: (_ for _ in ()).throw(AssertionError))
    Opslag(tmp_path).laad_maandnamen()  # nu uit het bestand, zonder Babel
    assert datums.kort(date(2026, 11, 23)) == "23 nov 2026"
