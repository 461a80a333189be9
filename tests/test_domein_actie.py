"""Acties: eigenaar, standaarddatums, waarschuwingen, status met historie, achterstand."""

from datetime import date, datetime, timedelta

import pytest

from vergadering.actie import (
    ACTIESTATUSSEN,
    Actie,
    standaard_checkmoment,
    standaard_eerste_stap,
    waarschuwingen,
)
from vergadering.fouten import OngeldigeInvoer

BESLUIT = date(2026, 11, 23)
MOMENT = datetime(2026, 11, 23, 20, 15)


def actie(**kw) -> Actie:
    basis = dict(
        id="2026-1", wijkverband_id="w", nummer=1, omschrijving="Bankjes bij het speelveld",
        eigenaar="Gemeente", besloten_op=BESLUIT, eerste_stap="Offerte vragen",
        terugkoppelzin="We zetten er twee bankjes neer.",
        verandering="Ouderen kunnen even uitrusten bij het speelveld.",
    )
    basis.update(kw)
    return Actie(**basis)


# --- invoer en standaarden -------------------------------------------------------------

@pytest.mark.parametrize("eigenaar", ["", "   ", None])
def test_een_actie_heeft_een_eigenaar_nodig(eigenaar):
    with pytest.raises(OngeldigeInvoer) as fout:
        actie(eigenaar=eigenaar)
    assert str(fout.value) == "Een actie heeft een eigenaar nodig."


def test_omschrijving_verplicht():
    with pytest.raises(OngeldigeInvoer, match="omschrijving van de actie"):
        actie(omschrijving=" ")


def test_eerste_stap_standaard_14_dagen_en_checkmoment_6_weken_na_besluit():
    a = actie()
    assert a.eerste_stap_datum == date(2026, 12, 7) == BESLUIT + timedelta(days=14)
    assert a.checkmoment == date(2027, 1, 4) == BESLUIT + timedelta(weeks=6)
    assert standaard_eerste_stap(BESLUIT) == a.eerste_stap_datum
    assert standaard_checkmoment(BESLUIT) == a.checkmoment


def test_opgegeven_datums_blijven_staan():
    a = actie(eerste_stap_datum=date(2026, 11, 30), checkmoment=date(2027, 1, 11))
    assert (a.eerste_stap_datum, a.checkmoment) == (date(2026, 11, 30), date(2027, 1, 11))


def test_datums_voor_het_besluit_geweigerd():
    with pytest.raises(OngeldigeInvoer, match="eerste stap kan niet vóór"):
        actie(eerste_stap_datum=BESLUIT - timedelta(days=1))
    with pytest.raises(OngeldigeInvoer, match="checkmoment kan niet vóór"):
        actie(checkmoment=BESLUIT - timedelta(days=1))


def test_datum_die_geen_datum_is_geweigerd():
    with pytest.raises(OngeldigeInvoer, match="datum"):
        actie(checkmoment="over zes weken")


@pytest.mark.parametrize("nummer", [0, -1, "1", 1.0, True])
def test_nummer_is_een_heel_getal_vanaf_1(nummer):
    with pytest.raises(OngeldigeInvoer, match="nummer"):
        actie(nummer=nummer)


def test_partners_worden_schoongemaakt():
    assert actie(partners=[" Woonstad ", "", "Welzijn"]).partners == ["Woonstad", "Welzijn"]


def test_onbekende_status_geweigerd():
    with pytest.raises(OngeldigeInvoer, match="geen status"):
        actie(status="bijna")


# --- waarschuwingen (zachte regels) ----------------------------------------------------

def test_geen_waarschuwingen_bij_de_standaard():
    assert waarschuwingen(actie()) == []


@pytest.mark.parametrize("weken", [6, 7, 8])
def test_checkmoment_binnen_6_tot_8_weken_is_goed(weken):
    a = actie(checkmoment=BESLUIT + timedelta(weeks=weken))
    assert not any("checkmoment" in w.lower() for w in waarschuwingen(a))


@pytest.mark.parametrize("dagen", [41, 57, 7, 120])
def test_checkmoment_buiten_6_tot_8_weken_geeft_waarschuwing(dagen):
    a = actie(checkmoment=BESLUIT + timedelta(days=dagen), eerste_stap_datum=BESLUIT)
    assert "Het checkmoment ligt niet tussen zes en acht weken na het besluit." in (
        waarschuwingen(a))


def test_eerste_stap_later_dan_twee_weken_geeft_waarschuwing():
    a = actie(eerste_stap_datum=BESLUIT + timedelta(days=15))
    assert "De eerste stap ligt verder dan twee weken na het besluit." in waarschuwingen(a)
    assert waarschuwingen(actie(eerste_stap_datum=BESLUIT + timedelta(days=14))) == []


def test_checkmoment_voor_eerste_stap_geeft_waarschuwing():
    a = actie(eerste_stap_datum=BESLUIT + timedelta(days=14), checkmoment=BESLUIT)
    assert "Het checkmoment ligt vóór de eerste stap." in waarschuwingen(a)


def test_ontbrekende_eerste_stap_en_terugkoppelzin_geven_waarschuwing():
    uit = waarschuwingen(actie(eerste_stap="", terugkoppelzin="", verandering=""))
    assert "De eerste stap is nog niet beschreven." in uit
    assert "De beoogde verandering voor bewoners ontbreekt nog." in uit
    assert "De terugkoppelzin voor bewoners ontbreekt nog." in uit


# --- status en historie ----------------------------------------------------------------

def test_statuswijziging_komt_met_datum_in_de_historie():
    a = actie()
    a.zet_status("loopt", "Offerte is binnen", MOMENT, "v1")
    a.zet_status("gereed", "", MOMENT + timedelta(weeks=6), "v2")
    assert a.status == "gereed"
    assert [(h.status, h.toelichting, h.vergadering_id) for h in a.historie] == [
        ("loopt", "Offerte is binnen", "v1"), ("gereed", "", "v2")]
    assert a.historie[0].moment == MOMENT
    assert a.sinds() == MOMENT + timedelta(weeks=6)
    assert a.laatste_toelichting() == ""


@pytest.mark.parametrize("status", ["vastgelopen", "gestopt"])
def test_vastgelopen_en_gestopt_vragen_een_toelichting(status):
    a = actie()
    with pytest.raises(OngeldigeInvoer, match=f"waarom de actie {status} is"):
        a.zet_status(status, "  ", MOMENT)
    assert a.status == "gepland" and a.historie == []
    a.zet_status(status, "Geen budget dit jaar", MOMENT)
    assert a.laatste_toelichting() == "Geen budget dit jaar"


def test_toelichting_is_een_regel():
    with pytest.raises(OngeldigeInvoer, match="één regel"):
        actie().zet_status("loopt", "regel een\nregel twee", MOMENT)


def test_onbekende_nieuwe_status_geweigerd_en_niets_veranderd():
    a = actie()
    with pytest.raises(OngeldigeInvoer, match="kies uit"):
        a.zet_status("klaar", "", MOMENT)
    assert a.status == "gepland" and a.historie == []


def test_open_statussen():
    open_ = {s for s in ACTIESTATUSSEN if actie(status=s).open}
    assert open_ == {"gepland", "loopt", "vastgelopen"}


def test_status_in_woorden():
    a = actie()
    assert a.status_in_woorden == "staat gepland"
    a.zet_status("vastgelopen", "wacht op vergunning", MOMENT)
    assert a.status_in_woorden == "zit vast"


# --- achterstallig ---------------------------------------------------------------------

def test_niets_achterstallig_op_tijd():
    assert actie().achterstallig(date(2026, 12, 7)) == []


def test_eerste_stap_te_laat_alleen_zolang_gepland():
    a = actie()
    assert a.achterstallig(date(2026, 12, 8)) == ["eerste stap te laat"]
    a.zet_status("loopt", "begonnen", MOMENT)
    assert a.achterstallig(date(2026, 12, 8)) == []


def test_checkmoment_verstreken():
    a = actie()
    assert a.achterstallig(date(2027, 1, 5)) == ["eerste stap te laat", "checkmoment verstreken"]
    a.zet_status("loopt", "bezig", MOMENT)
    assert a.achterstallig(date(2027, 1, 5)) == ["checkmoment verstreken"]


def test_afgeronde_actie_is_nooit_achterstallig():
    a = actie()
    a.zet_status("gereed", "", MOMENT)
    assert a.achterstallig(date(2030, 1, 1)) == []


def test_zes_tot_acht_weken_geldt_alleen_voor_het_eerste_checkmoment():
    from datetime import date, datetime

    from vergadering.actie import Actie, waarschuwingen

    actie = Actie(id="2026-1", wijkverband_id="wv", nummer=1, omschrijving="Drempels",
                  eigenaar="Gemeente", besloten_op=date(2026, 9, 1), eerste_stap="Bellen",
                  verandering="Rustiger", terugkoppelzin="We bellen", vergadering_id="v1")
    actie.zet_status("gepland", "Besloten", datetime(2026, 9, 1), "v1")
    actie.checkmoment = date(2027, 1, 4)  # veel later dan acht weken
    assert any("zes en acht weken" in w for w in waarschuwingen(actie))
    actie.zet_status("loopt", "Offerte binnen", datetime(2026, 11, 23), "v2")
    assert not any("zes en acht weken" in w for w in waarschuwingen(actie))


def test_partners_komen_elk_een_keer():
    a = Actie("2026-1", "w", 1, "Bankjes terug", "Gemeente", date(2026, 11, 23),
              partners=["Woonstede", " woonstede ", "Welzijn Oost", "WOONSTEDE", ""])
    assert a.partners == ["Woonstede", "Welzijn Oost"]
