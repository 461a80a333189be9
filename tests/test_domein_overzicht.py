"""Het overzicht voor het startscherm."""

from datetime import date, datetime, timedelta

import pytest

from vergadering import regels
from vergadering.actie import Actie
from vergadering.opslag import Opslag
from vergadering.overzicht import (
    Vergaderkern,
    maak_overzicht,
    overzicht_uit_opslag,
    termijnen,
)
from vergadering.signaal import Signaal
from vergadering.terugkoppeling import Terugkoppeling
from vergadering.vergadering import Vergadering, nieuwe_vergadering
from vergadering.wijkverband import Lid, Wijkverband

VORIGE = date(2026, 10, 12)
VANDAAG = date(2026, 11, 20)


def wijkverband() -> Wijkverband:
    return Wijkverband("w", "De Hoven", leden=[Lid("a", "Anna", rol="voorzitter")])


def gesloten_vergadering(wv: Wijkverband, datum: date = VORIGE, vid: str = "v1") -> Vergadering:
    v = nieuwe_vergadering(wv, vid, datum)
    v.volgende_vergadering = date(2026, 11, 23)
    v.terugkoppeling = Terugkoppeling(gehoord="x", volgende_update=date(2026, 11, 30),
                                      kanaal="nieuwsbrief", eigenaar="Anna")
    regels.sluit(v, datetime.combine(datum, datetime.min.time()).replace(hour=21))
    return v


def signaal(sid: str, datum: date, **kw) -> Signaal:
    return Signaal(sid, kw.pop("wijkverband_id", "w"), f"Signaal {sid}", datum, **kw)


def actie(nummer: int, besloten: date, **kw) -> Actie:
    return Actie(f"2026-{nummer}", kw.pop("wijkverband_id", "w"), nummer, f"Actie {nummer}",
                 "Gemeente", besloten, **kw)


# --- termijnen -------------------------------------------------------------------------

def test_termijnen_komend_en_verstreken_vroegste_eerst():
    te_laat = actie(1, date(2026, 10, 12))           # stap 26 okt, check 23 nov
    komt = actie(2, date(2026, 11, 16))              # stap 30 nov, check 28 dec
    ver = actie(3, date(2026, 11, 19))               # stap 3 dec (binnen 14 dagen)
    klaar = actie(4, date(2026, 9, 1), status="gereed")
    uit = termijnen([te_laat, komt, ver, klaar], VANDAAG)
    assert [(t.actie.nummer, t.wat, t.dagen) for t in uit] == [
        (1, "eerste stap", -25),
        (1, "checkmoment", 3),
        (2, "eerste stap", 10),
        (3, "eerste stap", 13),
    ]
    assert uit[0].te_laat and not uit[1].te_laat


def test_eerste_stap_telt_niet_meer_als_de_actie_loopt():
    a = actie(1, date(2026, 10, 12), status="loopt")
    assert [(t.wat, t.dagen) for t in termijnen([a], VANDAAG)] == [("checkmoment", 3)]


def test_vooruit_instelbaar():
    a = actie(2, date(2026, 11, 16))
    assert termijnen([a], VANDAAG, vooruit=5) == []
    assert len(termijnen([a], VANDAAG, vooruit=60)) == 2


@pytest.mark.parametrize(
    ("dagen", "woorden"),
    [(-1, "eerste stap 1 dag te laat"), (-5, "eerste stap 5 dagen te laat"),
     (0, "eerste stap vandaag"), (1, "eerste stap morgen"), (4, "eerste stap over 4 dagen")],
)
def test_termijn_in_woorden(dagen, woorden):
    stap = VANDAAG + timedelta(days=dagen)
    a = actie(7, stap - timedelta(days=1), eerste_stap_datum=stap,
              checkmoment=stap + timedelta(weeks=8))
    (termijn,) = [t for t in termijnen([a], VANDAAG) if t.wat == "eerste stap"]
    assert termijn.in_woorden().startswith(f"Actie 7 (Actie 7): {woorden} (")


# --- overzicht -------------------------------------------------------------------------

def test_overzicht_na_een_vorige_vergadering():
    wv = wijkverband()
    vorige = gesloten_vergadering(wv)
    oudste = gesloten_vergadering(wv, date(2026, 9, 1), "v0")
    signalen = [
        signaal("oud-nieuw", date(2026, 10, 1)),                          # blijft liggen
        signaal("oud-park", date(2026, 10, 2), status="geparkeerd", reden="later"),
        signaal("zelfde-dag", VORIGE),                                     # al besproken
        signaal("nieuw1", date(2026, 10, 20)),
        signaal("nieuw2", date(2026, 11, 2), aantal=3),
        signaal("gekozen", date(2026, 11, 3), status="gekozen"),
        signaal("ander-wv", date(2026, 11, 3), wijkverband_id="elders"),
    ]
    acties = [actie(1, VORIGE), actie(2, date(2026, 9, 1), status="gereed"),
              actie(3, VORIGE, wijkverband_id="elders")]
    o = maak_overzicht(wv, signalen, acties, [vorige, oudste], VANDAAG)
    assert o.laatste_vergadering == Vergaderkern.van(vorige)
    assert o.laatste_vergadering.id == "v1" and o.laatste_vergadering.gesloten
    assert o.onafgemaakte_vergadering is None
    assert o.nieuwe_signalen == ["nieuw1", "nieuw2"]
    assert o.geparkeerd == 1
    assert [a.nummer for a in o.open_acties] == [1]
    assert [(t.actie.nummer, t.wat) for t in o.te_laat] == [(1, "eerste stap")]
    assert o.laatste_vergadering.terugkoppeling
    assert o.laatste_vergadering.kanaal == vorige.terugkoppeling.kanaal == "nieuwsbrief"
    assert o.volgende_update == date(2026, 11, 30) and not o.update_verstreken
    assert o.volgende_vergadering == date(2026, 11, 23)
    assert o.meldingen() == [
        "2 nieuwe signalen sinds de vergadering van maandag 12 oktober 2026.",
        "1 geparkeerd signaal komt weer aan bod.",
        "Er staat 1 actie nog open, waarvan 1 met iets dat te laat is.",
        "Actie 1 (Actie 1): eerste stap 25 dagen te laat (26 okt 2026).",
        "Actie 1 (Actie 1): checkmoment over 3 dagen (23 nov 2026).",
        "De volgende update is beloofd op maandag 30 november 2026 via nieuwsbrief.",
        "De volgende vergadering is op maandag 23 november 2026.",
    ]


def test_overzicht_zonder_vergaderingen():
    wv = wijkverband()
    o = maak_overzicht(wv, [signaal("s", date(2026, 1, 1))], [], [], VANDAAG)
    assert o.laatste_vergadering is None
    assert o.volgende_update is None
    assert o.nieuwe_signalen == ["s"]
    assert o.meldingen() == [
        "Nog geen vergadering gesloten; 1 signaal wacht op bespreking.",
        "Er staan geen acties open.",
    ]


def test_meldingen_enkelvoud_en_meervoud():
    wv = wijkverband()
    vorige = gesloten_vergadering(wv)
    geen = maak_overzicht(wv, [], [], [vorige], VANDAAG).meldingen()
    assert geen[0] == "Geen nieuwe signalen sinds de vergadering van maandag 12 oktober 2026."
    een = [signaal("n", date(2026, 11, 1)),
           signaal("p1", date(2026, 9, 1), status="geparkeerd", reden="x"),
           signaal("p2", date(2026, 9, 2), status="geparkeerd", reden="x")]
    meldingen = maak_overzicht(wv, een, [], [vorige], VANDAAG).meldingen()
    assert meldingen[:2] == [
        "1 nieuw signaal sinds de vergadering van maandag 12 oktober 2026.",
        "2 geparkeerde signalen komen weer aan bod.",
    ]
    leeg = maak_overzicht(wv, [], [], [], VANDAAG).meldingen()
    assert leeg[0] == "Nog geen vergadering gesloten; geen signalen wachten op bespreking."


def test_onafgemaakte_vergadering_en_verstreken_update():
    wv = wijkverband()
    vorige = gesloten_vergadering(wv)
    open_ = nieuwe_vergadering(wv, "v2", date(2026, 12, 7))
    o = maak_overzicht(wv, [], [], [open_, vorige], date(2026, 12, 8))
    assert o.onafgemaakte_vergadering == Vergaderkern.van(open_)
    assert not o.onafgemaakte_vergadering.gesloten
    # de open vergadering telt niet als laatste
    assert o.laatste_vergadering == Vergaderkern.van(vorige)
    assert o.update_verstreken
    meldingen = o.meldingen()
    assert meldingen[0] == ("De vergadering van maandag 7 december 2026 is nog niet gesloten; "
                            "ga daar verder.")
    assert ("De volgende update was beloofd op maandag 30 november 2026 via nieuwsbrief; die "
            "datum is voorbij.") in meldingen
    assert not any("volgende vergadering is op" in m for m in meldingen)  # 23 nov is voorbij


def test_overzicht_uit_opslag(tmp_path):
    opslag = Opslag(tmp_path / "opslag")
    wv = wijkverband()
    opslag.bewaar_wijkverband(wv)
    opslag.bewaar_vergadering(gesloten_vergadering(wv))
    opslag.bewaar_signaal(signaal("2611-abcd", date(2026, 11, 2)))
    opslag.bewaar_actie(actie(1, VORIGE))
    o = overzicht_uit_opslag(opslag, "de hoven", VANDAAG)
    assert o.nieuwe_signalen == ["2611-abcd"]
    assert [a.nummer for a in o.open_acties] == [1]
    assert o.volgende_update == date(2026, 11, 30)


def test_overzicht_noemt_alleen_de_recentste_termijnen():
    """Na jaren staan er tientallen verstreken termijnen: het overzicht noemt de recentste
    met naam en telt de rest."""
    from vergadering.overzicht import TERMIJNEN_IN_BEELD

    wv = wijkverband()
    acties = [actie(n, date(2020, 1, 1) + timedelta(days=30 * n), status="loopt")
              for n in range(1, 21)]
    meldingen = maak_overzicht(wv, [], acties, [], VANDAAG).meldingen()
    regels = [m for m in meldingen if m.startswith("Actie ")]
    assert len(regels) == TERMIJNEN_IN_BEELD
    assert regels[-1].startswith("Actie 20 ")  # de recentste staan er
    assert f"Nog {20 - TERMIJNEN_IN_BEELD} eerdere termijnen zijn verstreken" in " ".join(
        meldingen)
