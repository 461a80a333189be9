"""De sessie zonder scherm: de snelle ranglijst is dezelfde als die van de regels, en de
bewaarder bewaart in volgorde, ook als er fouten tussen zitten."""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

import pytest
from schermen_gegevens import VANDAAG, Klok, maak_opslag

from vergadering import regels
from vergadering.bewaarder import Bewaarder
from vergadering.fouten import OngeldigeInvoer
from vergadering.opslag import Opslag
from vergadering.samenvoegen import HUN, MIJN
from vergadering.sessie import Sessie
from vergadering.signaal import Signaal, bundel
from vergadering.vergadering import nieuwe_vergadering
from vergadering.wijkverband import Lid, Wijkverband


def _plekken(plekken: list[regels.Plek]) -> list[tuple]:
    return [(p.signaal.id, p.stippen, p.positie, p.gelijk) for p in plekken]


def test_snelle_ranglijst_is_die_van_de_regels(tmp_path: Path) -> None:
    kans = random.Random(7)
    wv = Wijkverband("w", "W", leden=[Lid(f"l{i}", f"Lid {i}") for i in range(20)],
                     stippen_per_lid=20)
    signalen = [
        Signaal(f"2611-{i:04d}", "w", f"Signaal {i}", date(2026, 1, 1) + timedelta(days=i % 40),
                aantal=kans.randint(1, 5), status=kans.choice(["nieuw", "nieuw", "geparkeerd",
                                                                "afgehandeld"]))
        for i in range(300)
    ]
    open_ = [s for s in signalen if s.open]
    for dubbel in open_[100:160]:  # bundels, ook bundels van bundels
        hoofd = kans.choice(open_[:100])
        if hoofd.status != "gebundeld":
            bundel(hoofd, dubbel)
    v = nieuwe_vergadering(wv, "v", VANDAAG)
    sessie = Sessie(wv, v, signalen, [], Bewaarder(Opslag(tmp_path / "db")), Klok())
    sessie.bewaarder.bewaar = lambda *a: None  # alleen rekenen
    kandidaten = [p.signaal.id for p in sessie.plekken()]
    for _ in range(200):
        sid = kans.choice(kandidaten)
        n = kans.randint(0, 6)
        try:
            sessie.zet_stippen(sid, n)
        except OngeldigeInvoer:  # op: niet meer dan er te verdelen zijn
            continue
        assert _plekken(sessie.plekken()) == _plekken(regels.ranglijst(signalen, v.stippen))
    assert any(p.gelijk for p in sessie.plekken())


def test_bewaarder_houdt_de_laatste_versie_en_meldt_fouten(tmp_path: Path) -> None:
    opslag = maak_opslag(tmp_path / "db")
    fouten: list[str] = []
    bewaarder = Bewaarder(opslag, fouten.append)
    wv = opslag.wijkverband("de-hoven-noord")
    v = nieuwe_vergadering(wv, "2026-11-23", VANDAAG)
    for n in range(30):
        v.stippen["x"] = n
        bewaarder.bewaar(v)
    assert bewaarder.wacht(10)
    assert opslag.vergadering(wv.id, v.id).stippen == {"x": 29}
    # Een object dat niet bewaard kan worden, blijft staan tot opnieuw().
    oud = opslag.vergadering(wv.id, v.id)
    v.stippen["x"] = 30
    bewaarder.bewaar(v)
    assert bewaarder.wacht(10)
    oud.plaats = "ergens"
    bewaarder.bewaar(oud)  # verouderd versienummer: iemand anders was eerder
    assert bewaarder.wacht(10)
    # Geen basis voor deze kopie: elk verschil is een vraag aan de voorzitter, geen fout
    # met een advies dat niet kan werken.
    assert bewaarder.onopgeslagen == 1 and not fouten
    (vraag,) = bewaarder.wacht_op_keuze
    assert {c.pad for c in vraag.conflicten} == {("plaats",), ("stippen", "x")}
    assert bewaarder.beslis(vraag, {("plaats",): MIJN, ("stippen", "x"): HUN})
    assert bewaarder.onopgeslagen == 0
    bewaard = opslag.vergadering(wv.id, v.id)
    assert (bewaard.plaats, bewaard.stippen) == ("ergens", {"x": 30})


def test_derde_actie_alleen_met_reden(tmp_path: Path) -> None:
    opslag = maak_opslag(tmp_path / "db")
    wv = opslag.wijkverband("de-hoven-noord")
    v = nieuwe_vergadering(wv, "2026-11-23", VANDAAG)
    sessie = Sessie(wv, v, opslag.signalen(wv.id), opslag.acties(wv.id),
                    Bewaarder(opslag), Klok())
    top = ["2611-s000", "2611-s001", "2611-s002"]
    for sid in top:
        sessie.zet_stippen(sid, 1)
    sessie.leg_top5_vast(top)
    for sid in top[:2]:
        sessie.neem_aan(sid, f"Actie voor {sid}", "Woonstede")
    assert sessie.reden_nodig()
    with pytest.raises(OngeldigeInvoer, match="alleen met een reden"):
        sessie.neem_aan(top[2], "Nog een actie", "Woonstede")
    assert len(v.acties) == 2 and sessie.signaal(top[2]).status == "nieuw"
    actie = sessie.neem_aan(top[2], "Nog een actie", "Woonstede",
                            reden_extra="De gemeente betaalt, het kost ons niets")
    assert len(v.acties) == 3 and actie.nummer == 5
    assert v.reden_extra_acties.startswith("De gemeente betaalt")
    assert any("Extra actie aangenomen" in r.tekst for r in v.logboek)
    assert sessie.bewaarder.wacht(10)
    assert len(Opslag(tmp_path / "db").vergadering(wv.id, v.id).acties) == 3
