"""Stemmingen: tellen, per lid, meerderheidsregels, quorum en de uitslag in woorden."""

from datetime import date, datetime

import pytest

from vergadering import regels
from vergadering.fouten import OngeldigeInvoer
from vergadering.stemming import Stemming
from vergadering.vergadering import nieuwe_vergadering
from vergadering.wijkverband import Lid, Wijkverband

MOMENT = datetime(2026, 11, 23, 20, 0)


def stemming(voor=0, tegen=0, onthouding=0, *, aanwezig=7, quorum=4, regel="gewoon", **kw):
    return Stemming("s1", "Bankjes plaatsen", MOMENT, aanwezig, quorum, regel,
                    voor, tegen, onthouding, **kw)


# --- tellen ----------------------------------------------------------------------------

def test_aantallen_en_uitgebracht():
    s = stemming(4, 2, 1)
    assert (s.voor, s.tegen, s.onthouding, s.uitgebracht) == (4, 2, 1, 7)


def test_per_lid_bepaalt_de_aantallen():
    s = stemming(per_lid={"a": "voor", "b": "voor", "c": "tegen", "d": "onthouding"},
                 voor=99)  # opgegeven aantallen wijken voor de stemmen per lid
    assert (s.voor, s.tegen, s.onthouding) == (2, 1, 1)


def test_onbekende_keuze_per_lid_geweigerd():
    with pytest.raises(OngeldigeInvoer, match="'misschien' is geen stem"):
        stemming(per_lid={"a": "misschien"})


@pytest.mark.parametrize("veld", ["voor", "tegen", "onthouding"])
@pytest.mark.parametrize("waarde", [-1, 1.5, "2", True])
def test_aantallen_zijn_hele_getallen_van_0_of_meer(veld, waarde):
    with pytest.raises(OngeldigeInvoer, match=f"'{veld}' moet 0 of meer"):
        stemming(**{veld: waarde})


def test_meer_stemmen_dan_aanwezigen_geweigerd():
    with pytest.raises(OngeldigeInvoer) as fout:
        stemming(5, 2, 1, aanwezig=7)
    assert str(fout.value) == (
        "Er zijn 8 stemmen geteld, maar er zijn maar 7 stemgerechtigden aanwezig; tel opnieuw.")
    assert stemming(5, 1, 1, aanwezig=7).uitgebracht == 7


def test_onderwerp_verplicht_en_regel_bekend():
    with pytest.raises(OngeldigeInvoer, match="waarover gestemd wordt"):
        Stemming("s", " ", MOMENT, 3, 2)
    with pytest.raises(OngeldigeInvoer, match="geen meerderheidsregel"):
        stemming(regel="unaniem")


def test_aanwezig_en_quorum_niet_negatief():
    with pytest.raises(OngeldigeInvoer, match="aanwezige"):
        stemming(aanwezig=-1)
    with pytest.raises(OngeldigeInvoer, match="quorum"):
        stemming(quorum=-1)


# --- gewone meerderheid ---------------------------------------------------------------

def test_gewoon_meer_voor_dan_tegen():
    assert stemming(3, 2, 2).aangenomen
    assert stemming(1, 0, 6).aangenomen  # onthoudingen tellen niet mee


def test_gewoon_staken_is_verworpen():
    s = stemming(3, 3, 1)
    assert s.staken and not s.aangenomen
    assert s.uitslag() == "Verworpen: de stemmen staken (3 voor, 3 tegen, 1 onthouding)."


def test_iedereen_onthoudt_zich():
    s = stemming(0, 0, 5)
    assert not s.aangenomen and not s.staken
    assert s.uitslag() == "Verworpen: iedereen onthield zich (0 voor, 0 tegen, 5 onthouding)."


def test_niemand_stemde():
    assert stemming().uitslag() == "Verworpen: er is niet gestemd."


def test_gewoon_verworpen():
    assert stemming(2, 3).uitslag() == (
        "Verworpen: geen meerderheid (2 voor, 3 tegen, 0 onthouding).")


# --- volstrekte meerderheid -----------------------------------------------------------

def test_volstrekt_meer_dan_de_helft_van_alle_stemmen_met_onthoudingen():
    assert stemming(4, 1, 2, regel="volstrekt").aangenomen  # 4 van 7
    s = stemming(3, 1, 2, regel="volstrekt")  # 3 van 6: precies de helft is niet genoeg
    assert not s.aangenomen
    assert s.uitslag() == (
        "Verworpen: geen volstrekte meerderheid (3 voor, 1 tegen, 2 onthouding).")


def test_volstrekt_alles_onthouding():
    assert not stemming(0, 0, 3, regel="volstrekt").aangenomen


# --- twee derde ------------------------------------------------------------------------

def test_tweederde_precies_twee_derde_is_genoeg():
    assert stemming(4, 2, 1, regel="tweederde").aangenomen  # 4 van 6 = 2/3
    assert not stemming(3, 2, 0, regel="tweederde").aangenomen  # 3 van 5 < 2/3
    assert stemming(2, 0, 5, regel="tweederde").aangenomen  # onthoudingen tellen niet


def test_tweederde_zonder_stemmen_voor_of_tegen():
    s = stemming(0, 0, 4, regel="tweederde")
    assert not s.aangenomen
    assert "iedereen onthield zich" in s.uitslag()


def test_tweederde_verworpen_tekst():
    assert stemming(3, 2, regel="tweederde").uitslag() == (
        "Verworpen: geen twee derde meerderheid (3 voor, 2 tegen, 0 onthouding).")


# --- quorum ----------------------------------------------------------------------------

def test_zonder_quorum_geen_besluit_ook_bij_unaniem_voor():
    s = stemming(3, 0, 0, aanwezig=3, quorum=4)
    assert s.meerderheid_gehaald and not s.quorum_gehaald and not s.aangenomen
    assert s.uitslag() == "Geen besluit: er zijn 3 stemgerechtigden aanwezig, het quorum is 4."


def test_quorum_precies_gehaald():
    s = stemming(3, 1, 0, aanwezig=4, quorum=4)
    assert s.quorum_gehaald and s.aangenomen
    assert s.uitslag() == "Aangenomen (3 voor, 1 tegen, 0 onthouding)."


# --- via de regels: aanwezigheid van het wijkverband ---------------------------------

@pytest.fixture
def wv() -> Wijkverband:
    return Wijkverband(
        "w", "De Hoven",
        leden=[Lid("a", "Anna", rol="voorzitter"), Lid("b", "Bram"), Lid("c", "Cem"),
               Lid("d", "Dirk"), Lid("e", "Eva", rol="gemeente", stemrecht=False)],
    )


def test_stemming_via_regels_telt_alleen_aanwezige_stemgerechtigden(wv):
    v = nieuwe_vergadering(wv, "v1", date(2026, 11, 23),
                           aanwezigheid={"a": "aanwezig", "b": "aanwezig", "c": "aanwezig",
                                         "d": "afgemeld", "e": "aanwezig"})
    s = regels.houd_stemming(wv, v, "Bankjes", MOMENT, voor=2, tegen=1)
    assert (s.aanwezig, s.quorum, s.regel) == (3, 3, "gewoon")
    assert s.aangenomen
    assert v.stemmingen == [s]
    assert "Aangenomen (2 voor, 1 tegen, 0 onthouding)." in v.logboek[-1].tekst
    with pytest.raises(OngeldigeInvoer, match="maar 3 stemgerechtigden"):
        regels.houd_stemming(wv, v, "Bankjes", MOMENT, voor=4)
    assert len(v.stemmingen) == 1


def test_stemming_per_lid_alleen_voor_aanwezige_stemgerechtigde_leden(wv):
    v = nieuwe_vergadering(wv, "v1", date(2026, 11, 23),
                           aanwezigheid={"a": "aanwezig", "b": "aanwezig", "c": "aanwezig",
                                         "d": "afgemeld", "e": "aanwezig"})
    with pytest.raises(OngeldigeInvoer, match="Dirk is niet aanwezig"):
        regels.houd_stemming(wv, v, "Bankjes", MOMENT, per_lid={"a": "voor", "d": "voor"})
    with pytest.raises(OngeldigeInvoer, match="Eva heeft geen stemrecht"):
        regels.houd_stemming(wv, v, "Bankjes", MOMENT, per_lid={"e": "voor"})
    with pytest.raises(OngeldigeInvoer, match="'zz' is geen lid van De Hoven"):
        regels.houd_stemming(wv, v, "Bankjes", MOMENT, per_lid={"zz": "voor"})
    assert v.stemmingen == []
    s = regels.houd_stemming(wv, v, "Bankjes", MOMENT,
                             per_lid={"a": "voor", "b": "tegen", "c": "onthouding"})
    assert (s.voor, s.tegen, s.onthouding) == (1, 1, 1)
    assert s.uitslag().startswith("Verworpen: de stemmen staken")


def test_regels_gebruiken_quorum_en_meerderheid_van_het_wijkverband(wv):
    wv.quorum = 4
    wv.meerderheid = "tweederde"
    v = nieuwe_vergadering(wv, "v1", date(2026, 11, 23))
    s = regels.nieuwe_stemming(wv, v, "Bankjes", MOMENT, voor=2, tegen=1)
    assert (s.aanwezig, s.quorum, s.regel) == (4, 4, "tweederde")
    assert s.aangenomen
    assert v.stemmingen == []  # nieuwe_stemming legt nog niets vast
    regels.leg_stemming_vast(v, s, MOMENT)
    assert v.stemmingen == [s]


def test_te_weinig_aanwezig_voor_quorum(wv):
    v = nieuwe_vergadering(wv, "v1", date(2026, 11, 23),
                           aanwezigheid={"a": "aanwezig", "b": "aanwezig", "c": "afwezig",
                                         "d": "afgemeld"})
    s = regels.houd_stemming(wv, v, "Bankjes", MOMENT, voor=2)
    assert not s.aangenomen
    assert s.uitslag() == "Geen besluit: er zijn 2 stemgerechtigden aanwezig, het quorum is 3."
