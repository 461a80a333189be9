"""Het wijkverband: leden, rollen, stippen, acties per ronde, meerderheid en quorum."""

import pytest

from vergadering.fouten import OngeldigeInvoer, VergaderingFout
from vergadering.wijkverband import (
    MEERDERHEIDSREGELS,
    STANDAARD_KANALEN,
    Agenda,
    Lid,
    Participatieafspraken,
    Wijkverband,
)


def leden(n: int, zonder_stemrecht: int = 0) -> list[Lid]:
    uit = [Lid(f"l{i}", f"Lid {i}") for i in range(n)]
    uit += [Lid(f"g{i}", f"Gast {i}", rol="gemeente", stemrecht=False)
            for i in range(zonder_stemrecht)]
    return uit


# --- Lid -------------------------------------------------------------------------------

def test_lid_naam_wordt_schoongemaakt_en_is_verplicht():
    assert Lid("a", "  Fatima  ").naam == "Fatima"
    with pytest.raises(OngeldigeInvoer, match="naam van het lid"):
        Lid("a", "   ")


def test_lid_heeft_een_kenmerk_nodig():
    with pytest.raises(OngeldigeInvoer, match="kenmerk"):
        Lid("", "Fatima")


@pytest.mark.parametrize("rol", ["voorzitter", "bewoner", "wijkagent", "overig"])
def test_bekende_rollen_worden_aanvaard(rol):
    assert Lid("a", "Kees", rol=rol).rol == rol


def test_onbekende_rol_wordt_geweigerd_met_de_keuzes():
    with pytest.raises(OngeldigeInvoer) as fout:
        Lid("a", "Kees", rol="koning")
    assert "'koning' is geen rol" in str(fout.value)
    assert "voorzitter" in str(fout.value)


def test_stemrecht_is_ja_of_nee():
    with pytest.raises(OngeldigeInvoer):
        Lid("a", "Kees", stemrecht="ja")


def test_weergave_toont_organisatie():
    assert Lid("a", "Kees", organisatie="Woonstad").weergave == "Kees (Woonstad)"
    assert Lid("a", "Kees").weergave == "Kees"


# --- Agenda ----------------------------------------------------------------------------

def test_agenda_standaard_is_5_10_5_minuten():
    agenda = Agenda()
    assert (agenda.signalen, agenda.acties, agenda.terugkoppelen) == (5, 10, 5)


@pytest.mark.parametrize("waarde", [0, 121, -5, 2.5, True, "5"])
def test_agenda_weigert_rare_duur(waarde):
    with pytest.raises(OngeldigeInvoer, match="tussen 1 en 120 minuten"):
        Agenda(signalen=waarde)


# --- Wijkverband -----------------------------------------------------------------------

def test_wijkverband_standaardwaarden():
    wv = Wijkverband("w", "De Hoven")
    assert wv.stippen_per_lid == 3
    assert wv.max_acties == 2
    assert wv.meerderheid == "gewoon"
    assert wv.kanalen == STANDAARD_KANALEN
    assert wv.kanalen is not STANDAARD_KANALEN  # geen gedeelde lijst tussen wijkverbanden


def test_wijkverband_naam_verplicht_en_niet_te_lang():
    with pytest.raises(OngeldigeInvoer, match="naam van het wijkverband"):
        Wijkverband("w", " ")
    with pytest.raises(OngeldigeInvoer, match="hoogstens 200"):
        Wijkverband("w", "x" * 201)


@pytest.mark.parametrize("stippen", [0, 21, -1, 2.0, True])
def test_stippen_per_lid_tussen_1_en_20(stippen):
    with pytest.raises(OngeldigeInvoer, match="stippen per lid"):
        Wijkverband("w", "W", stippen_per_lid=stippen)


@pytest.mark.parametrize("stippen", [1, 20])
def test_stippen_per_lid_grenzen_mogen(stippen):
    assert Wijkverband("w", "W", stippen_per_lid=stippen).stippen_per_lid == stippen


@pytest.mark.parametrize("maximum", [0, 11, "2", None])
def test_max_acties_tussen_1_en_10(maximum):
    with pytest.raises(OngeldigeInvoer, match="acties per ronde"):
        Wijkverband("w", "W", max_acties=maximum)


def test_meerderheidsregels():
    for regel in MEERDERHEIDSREGELS:
        assert Wijkverband("w", "W", meerderheid=regel).meerderheid == regel
    with pytest.raises(OngeldigeInvoer, match="geen meerderheidsregel"):
        Wijkverband("w", "W", meerderheid="unaniem")


def test_dubbele_lidkenmerken_worden_geweigerd():
    with pytest.raises(OngeldigeInvoer, match="hetzelfde kenmerk"):
        Wijkverband("w", "W", leden=[Lid("a", "Een"), Lid("a", "Twee")])


def test_quorum_standaard_meer_dan_de_helft_van_de_stemgerechtigden():
    # 4 stemgerechtigden: meer dan de helft is 3; leden zonder stemrecht tellen niet mee.
    assert Wijkverband("w", "W", leden=leden(4, zonder_stemrecht=3)).benodigd_quorum() == 3
    assert Wijkverband("w", "W", leden=leden(5)).benodigd_quorum() == 3
    assert Wijkverband("w", "W", leden=leden(1)).benodigd_quorum() == 1


def test_expliciet_quorum_gaat_voor():
    assert Wijkverband("w", "W", leden=leden(10), quorum=4).benodigd_quorum() == 4


@pytest.mark.parametrize("quorum", [0, -1, 2.5, True])
def test_quorum_moet_een_positief_getal_zijn(quorum):
    with pytest.raises(OngeldigeInvoer, match="quorum"):
        Wijkverband("w", "W", quorum=quorum)


def test_stemgerechtigden_en_lid_opzoeken():
    wv = Wijkverband("w", "W", leden=leden(2, zonder_stemrecht=1))
    assert [lid.id for lid in wv.stemgerechtigden()] == ["l0", "l1"]
    assert wv.lid("g0").naam == "Gast 0"
    assert wv.lid("bestaat-niet") is None


def test_eigenaren_zijn_leden_met_organisatie_en_partners_zonder_dubbelen():
    wv = Wijkverband(
        "w", "W",
        leden=[Lid("a", "Anna"), Lid("b", "Bram", rol="welzijn", organisatie="Welzijn Oost")],
        partners=["Gemeente", "Anna", "Woonstad"],
    )
    assert wv.eigenaren() == ["Anna", "Bram (Welzijn Oost)", "Gemeente", "Woonstad"]


def test_lijsten_worden_schoongemaakt():
    wv = Wijkverband("w", "W", partners=[" Gemeente ", "", "gemeente", "Woonstad"],
                     kanalen=["inloop", "Inloop", "  "])
    assert wv.partners == ["Gemeente", "Woonstad"]
    assert wv.kanalen == ["inloop"]


def test_voeg_lid_toe_weigert_bestaand_kenmerk():
    wv = Wijkverband("w", "W", leden=leden(1))
    wv.voeg_lid_toe(Lid("nieuw", "Nieuw"))
    assert wv.lid("nieuw") is not None
    with pytest.raises(OngeldigeInvoer, match="al een lid"):
        wv.voeg_lid_toe(Lid("l0", "Dubbel"))


def test_nieuw_lid_id_is_vrij_en_leesbaar():
    wv = Wijkverband("w", "W", leden=[Lid("jan-de-vries", "Jan de Vries")])
    assert wv.nieuw_lid_id("Jan de Vries") == "jan-de-vries-2"
    assert wv.nieuw_lid_id("Zoë Öztürk") == "zoe-ozturk"
    assert wv.nieuw_lid_id("!!!") == "lid"


def test_met_rol():
    wv = Wijkverband("w", "W", leden=[Lid("a", "A", rol="voorzitter"), Lid("b", "B")])
    assert [lid.id for lid in wv.met_rol("voorzitter")] == ["a"]


def test_waarschuwingen_bij_quorum_dat_nooit_gehaald_kan_worden():
    wv = Wijkverband("w", "W", leden=leden(3), quorum=5)
    tekst = " ".join(wv.waarschuwingen())
    assert "quorum (5) is groter" in tekst
    assert "voorzitter" in tekst


def test_geen_waarschuwingen_bij_een_gewoon_wijkverband():
    wv = Wijkverband("w", "W", leden=[Lid("v", "Vera", rol="voorzitter"), *leden(3)])
    assert wv.waarschuwingen() == []


def test_fouten_zijn_vergaderingfouten_met_een_zin():
    with pytest.raises(VergaderingFout) as fout:
        Wijkverband("w", "W", stippen_per_lid=99)
    assert str(fout.value).endswith(".")


def test_participatieafspraken_terugkoppeling_is_verplicht_deel():
    leeg = Participatieafspraken(wijkvraag="  Te hard rijden  ")
    assert leeg.wijkvraag == "Te hard rijden"
    assert leeg.ontbreekt() == [
        "wat we terugkoppelen", "via welk kanaal en wanneer",
        "wie eigenaar is van de terugkoppeling"]
    vol = Participatieafspraken(terugkoppeling_wat="Status acties",
                                terugkoppeling_kanaal="nieuwsbrief, elke 6 weken",
                                terugkoppeling_eigenaar="Anna")
    assert vol.ontbreekt() == []
    with pytest.raises(OngeldigeInvoer, match="hoogstens"):
        Participatieafspraken(mandaat="x" * 10_001)
