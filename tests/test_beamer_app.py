"""`vergadering beamer`: de aparte beamer volgt een vergadering die via de toepassingslaag
loopt (een ``Sessie`` met een ``Bewaarder`` op een ander ``Opslag``-object van dezelfde map,
zoals de app van de voorzitter in een ander proces).

Tijd: één nepklok voor voorzitter en beamer, zodat de klokken te vergelijken zijn. Wachten
gebeurt op een voorwaarde met een ruime tijdslimiet, nooit op een vaste tijd.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date, timedelta

from schermen_gegevens import VANDAAG, Klok, maak_opslag, voorzitter
from test_beamer import scherm_tekst

from schermen.beamer import Faseinhoud
from schermen.beamer_app import BeamerApp
from schermen.grote_cijfers import GroteCijfers
from schermen.klok import FaseKlok
from vergadering.opslag import Opslag
from vergadering.signaal import Contact, Signaal
from vergadering.terugkoppeling import Terugkoppeling

WV = "de-hoven-noord"
# Gegevens van bewoners: mogen nooit op de beamer (zie maak_opslag en _met_privé).
PRIVÉ = ["Jansen", "06-12345678", "Piet Post", "06-98765432", "piet@voorbeeld.nl"]


def _met_privé(opslag: Opslag) -> None:
    """Een signaal met naam en telefoon van een bewoner, ook in de tekst zelf."""
    opslag.bewaar_signaal(Signaal(
        "2611-priv", WV, "Piet Post (06-98765432) zegt: de stoep bij nummer 4 is kapot",
        VANDAAG - timedelta(days=3), aantal=2,
        contact=Contact("Piet Post", "06-98765432, piet@voorbeeld.nl"),
    ))


async def wacht_tot(pilot, voorwaarde: Callable[[], bool], tijd: float = 10.0) -> bool:
    """Wacht (ruim) tot de voorwaarde geldt; geeft terug of dat lukte."""
    eind = time.monotonic() + tijd
    while time.monotonic() < eind:
        if voorwaarde():
            return True
        await pilot.pause(0.05)
    return voorwaarde()


def _klok(app: BeamerApp) -> FaseKlok:
    return app.query_one("#beamer-klok", FaseKlok)


def _stand(app: BeamerApp) -> str | None:
    return app.beeld.stand if app.beeld is not None else None


def _geen_privé(tekst: str) -> None:
    for woord in PRIVÉ:
        assert woord not in tekst, woord


async def test_wacht_op_de_vergadering_met_naam_en_volgende_datum(tmp_path):
    maak_opslag(tmp_path / "db")  # de vorige vergadering noemt geen volgende
    opslag = Opslag(tmp_path / "db")
    vorige = opslag.vergadering(WV, "2026-10-12")
    vorige.volgende_vergadering = date(2026, 12, 14)
    opslag.bewaar_vergadering(vorige)
    app = BeamerApp(Opslag(tmp_path / "db"), WV, klok=Klok())
    async with app.run_test(size=(120, 36)) as pilot:
        assert await wacht_tot(pilot, lambda: _stand(app) == "wacht")
        await pilot.pause()
        tekst = scherm_tekst(app)
        assert "De Hoven-Noord" in tekst
        assert "Wacht op de vergadering." in tekst
        assert "maandag 14 december 2026" in tekst
        assert not app.query_one("#beeld").display


async def test_volgt_de_vergadering_van_de_voorzitter(tmp_path):
    maak_opslag(tmp_path / "db")
    _met_privé(Opslag(tmp_path / "db"))
    tijd = Klok()
    app = BeamerApp(Opslag(tmp_path / "db"), WV, klok=tijd)
    async with app.run_test(size=(160, 45)) as pilot:
        assert await wacht_tot(pilot, lambda: _stand(app) == "wacht")
        sessie = voorzitter(tmp_path / "db", tijd)
        # Een vergadering die nog niet begon: de zaal wacht, en weet waar.
        assert await wacht_tot(pilot, lambda: app.beeld.vergadering is not None)
        await pilot.pause()
        assert "De voorzitter begint zo, in Buurthuis De Hoven." in scherm_tekst(app)

        sessie.start()
        assert await wacht_tot(pilot, lambda: _stand(app) == "vergadering")
        await pilot.pause()
        tekst = scherm_tekst(app)
        assert "Signalen op tafel" in tekst
        _geen_privé(tekst)

        # Een stip verandert de ranglijst.
        sessie.zet_stippen("2611-s003", 3)
        assert await wacht_tot(
            pilot, lambda: app.beeld.vergadering.stippen.get("2611-s003") == 3)
        await pilot.pause()
        regels_ = scherm_tekst(app).splitlines()
        eerste = next(r for r in regels_ if r.strip().startswith("1 "))
        assert "Straatverlichting Bremstraat kapot" in eerste and "3" in eerste
        sessie.zet_stippen("2611-s005", 4)
        assert await wacht_tot(
            pilot, lambda: app.beeld.vergadering.stippen.get("2611-s005") == 4)
        await pilot.pause()
        regels_ = scherm_tekst(app).splitlines()
        eerste = next(r for r in regels_ if r.strip().startswith("1 "))
        assert "Speeltuin Hovenplein verouderd" in eerste
        _geen_privé(scherm_tekst(app))

        # Een andere fase verschijnt.
        sessie.naar_fase(1)
        assert await wacht_tot(pilot, lambda: app.beeld.vergadering.fase_index == 1)
        await pilot.pause()
        tekst = scherm_tekst(app)
        assert "Fase 2 · Top 1–2 acties" in tekst
        assert "Aangenomen acties" in tekst
        _geen_privé(tekst)


async def test_klok_loopt_gelijk_met_die_van_de_voorzitter(tmp_path):
    maak_opslag(tmp_path / "db")
    tijd = Klok()
    app = BeamerApp(Opslag(tmp_path / "db"), WV, klok=tijd)
    async with app.run_test(size=(160, 45)) as pilot:
        sessie = voorzitter(tmp_path / "db", tijd)
        sessie.start()
        assert await wacht_tot(pilot, lambda: _stand(app) == "vergadering")

        async def gelijk() -> None:
            # Eerst gelezen (de versie van de voorzitter), dan dezelfde tijd tot op de seconde.
            assert await wacht_tot(
                pilot, lambda: app.beeld.vergadering.versie == sessie.vergadering.versie)
            assert abs(app.agendaklok.resterend() - sessie.agendaklok.resterend()) < 1
            assert await wacht_tot(
                pilot, lambda: _klok(app).beeld is not None
                and _klok(app).beeld.cijfers == sessie.agendaklok.weergave())

        tijd.verzet(95)
        await gelijk()
        sessie.pauze_of_hervat()  # pauze
        await gelijk()
        assert _klok(app).beeld.stand == "gepauzeerd"
        tijd.verzet(40)  # de pauze telt niet mee, op geen van beide klokken
        await gelijk()
        sessie.pauze_of_hervat()  # verder
        tijd.verzet(10)
        sessie.minuut_erbij()
        await gelijk()
        assert sessie.agendaklok.weergave() == "04:15"  # 5:00 - 1:45 + 1:00
        tijd.verzet(20)
        sessie.naar_fase(1)
        tijd.verzet(7)
        await gelijk()
        assert _klok(app).beeld.titel.startswith("Fase 2")
        assert sessie.agendaklok.weergave() == "09:53"


async def test_na_het_sluiten_de_terugkoppeling(tmp_path):
    maak_opslag(tmp_path / "db")
    _met_privé(Opslag(tmp_path / "db"))
    tijd = Klok()
    app = BeamerApp(Opslag(tmp_path / "db"), WV, klok=tijd)
    async with app.run_test(size=(160, 45)) as pilot:
        sessie = voorzitter(tmp_path / "db", tijd)
        sessie.start()
        assert await wacht_tot(pilot, lambda: _stand(app) == "vergadering")
        sessie.bewaar_terugkoppeling(Terugkoppeling(
            gehoord="- Hardrijders op de Kastanjelaan\n- Piet Post belde over de stoep",
            gedaan="- De wijkagent controleert twee avonden.",
            lukt_niet="- Bankjes: eerst geld zoeken.",
            volgende_update=date(2026, 12, 21), kanaal="nieuwsbrief",
            eigenaar="Anja de Vries", contact="Mail wijkraad@hoven.nl",
        ))
        sessie.sluit()
        assert await wacht_tot(pilot, lambda: _stand(app) == "gesloten")
        await pilot.pause()
        tekst = scherm_tekst(app)
        assert "gesloten" in tekst
        assert "Wat we hoorden" in tekst and "Hardrijders op de Kastanjelaan" in tekst
        assert "De wijkagent controleert twee avonden." in tekst
        assert "maandag 21 december 2026" in tekst
        _geen_privé(tekst)


async def test_klok_minstens_zeven_regels_op_160x45(tmp_path):
    maak_opslag(tmp_path / "db")
    tijd = Klok()
    app = BeamerApp(Opslag(tmp_path / "db"), WV, klok=tijd)
    async with app.run_test(size=(160, 45)) as pilot:
        voorzitter(tmp_path / "db", tijd).start()
        assert await wacht_tot(pilot, lambda: _stand(app) == "vergadering")
        await pilot.pause()
        cijfers = app.query_one("#beamer-klok GroteCijfers", GroteCijfers)
        assert cijfers.region.height >= 7
        # Blokken over minstens zeven regels van het scherm (niet alleen lege ruimte).
        regels_ = scherm_tekst(app).splitlines()
        y = cijfers.region.y
        assert sum("█" in r for r in regels_[y: y + cijfers.region.height]) >= 7
        # Een groter venster: grotere cijfers.
        await pilot.resize_terminal(240, 90)
        await pilot.pause()
        assert cijfers.region.height >= 14


async def test_alle_aangenomen_acties_in_beeld_ook_als_ze_niet_passen(tmp_path, monkeypatch):
    import schermen.beamer as beamer_module

    # De test bladert zelf; het bladeren op de echte klok zou ertussendoor lopen.
    monkeypatch.setattr(beamer_module, "BLADER_S", 1e6)
    maak_opslag(tmp_path / "db")
    tijd = Klok()
    app = BeamerApp(Opslag(tmp_path / "db"), WV, klok=tijd)
    async with app.run_test(size=(80, 24)) as pilot:
        sessie = voorzitter(tmp_path / "db", tijd)
        sessie.start()
        top = [f"2611-s00{i}" for i in range(5)]
        for i, sid in enumerate(top):
            sessie.zet_stippen(sid, 5 - i)
        sessie.leg_top5_vast(top)
        sessie.naar_fase(1)
        titels = [f"Actie nummer {n} voor de wijk" for n in range(1, 8)]
        for titel in titels:
            sessie.neem_aan(None, titel, "Woonstede",
                            reden_extra="Klein werk, de partners doen het samen")
        assert await wacht_tot(pilot, lambda: _stand(app) == "vergadering"
                               and len(app.beeld.vergadering.acties) == len(titels))
        inhoud = app.query_one(Faseinhoud)
        # Wachten op het beeld, niet op één pauze: op een drukke machine tekent het later.
        assert await wacht_tot(pilot, lambda: inhoud.bladzijden > 1
                               and "bladzijde 1 van" in scherm_tekst(app))
        gezien = ""
        for blad in range(inhoud.bladzijden):
            inhoud.blad = blad
            inhoud.refresh()
            label = f"bladzijde {blad + 1} van {inhoud.bladzijden}"
            # Bladert hij intussen zelf verder, dan komt deze bladzijde weer langs.
            assert await wacht_tot(pilot, lambda label=label: label in scherm_tekst(app),
                                   tijd=60)
            gezien += scherm_tekst(app)
        for titel in titels:
            assert titel in gezien, titel
        assert "bladzijde 1 van" in gezien


async def test_alleen_q_en_t_geen_invoer_en_geen_palet(tmp_path):
    from textual.widgets import Input

    maak_opslag(tmp_path / "db")
    app = BeamerApp(Opslag(tmp_path / "db"), WV, klok=Klok())
    async with app.run_test(size=(120, 36)) as pilot:
        assert await wacht_tot(pilot, lambda: _stand(app) == "wacht")
        assert not app.query(Input)
        begin = app.theme
        namen = set()
        for _ in range(3):
            await pilot.press("t")
            namen.add(app.theme)
        assert app.theme == begin and len(namen) == 3
        await pilot.press("ctrl+p")  # geen (Engels) commandopalet
        assert len(app.screen_stack) == 1
        await pilot.press("q")
    assert app.return_code in (0, None)


async def test_beschadigde_opslag_een_rustige_zin_en_daarna_weer_verder(tmp_path):
    maak_opslag(tmp_path / "db")
    tijd = Klok()
    app = BeamerApp(Opslag(tmp_path / "db"), WV, klok=tijd)
    async with app.run_test(size=(120, 36)) as pilot:
        sessie = voorzitter(tmp_path / "db", tijd)
        sessie.start()
        assert await wacht_tot(pilot, lambda: _stand(app) == "vergadering")
        pad = tmp_path / "db" / WV / "vergaderingen" / f"{sessie.vergadering.id}.json"
        goed = pad.read_bytes()
        pad.write_bytes(b"{kapot")
        Opslag(tmp_path / "db").bewaar_signaal(Signaal(
            "2611-nieuw", WV, "Nieuw signaal", VANDAAG))  # een wijziging om op te merken
        app.meekijker._vakken.pop("vergaderingen", None)  # forceer: alles opnieuw lezen
        app._vraag(None)
        assert await wacht_tot(pilot, lambda: app.fout is not None)
        # Wachten op het beeld, niet op een vaste pauze: op een drukke machine tekent het later.
        assert await wacht_tot(pilot, lambda: "niet te lezen" in scherm_tekst(app))
        tekst = scherm_tekst(app)
        assert "Traceback" not in tekst
        assert "Fase 1" in tekst  # het laatste goede beeld blijft staan
        pad.write_bytes(goed)
        assert await wacht_tot(pilot, lambda: app.fout is None, tijd=15)
        assert await wacht_tot(pilot, lambda: "niet te lezen" not in scherm_tekst(app))


async def test_te_klein_venster_een_melding(tmp_path):
    from schermen.te_klein import TeKleinScherm

    maak_opslag(tmp_path / "db")
    app = BeamerApp(Opslag(tmp_path / "db"), WV, klok=Klok())
    async with app.run_test(size=(60, 20)) as pilot:
        assert await wacht_tot(pilot, lambda: isinstance(app.screen, TeKleinScherm))
        await pilot.resize_terminal(100, 30)
        assert await wacht_tot(pilot, lambda: not isinstance(app.screen, TeKleinScherm))
        assert await wacht_tot(pilot, lambda: _stand(app) == "wacht")


def test_een_beschadigd_vak_blijft_gemeld_ook_na_een_wijziging_elders(tmp_path):
    """Na een lezing die op een beschadigd vak stuitte, geeft een latere wijziging in een
    ander vak geen beeld zonder dat vak ('wacht' in plaats van de vergadering): eerst wordt
    het beschadigde opnieuw gelezen, en zolang het beschadigd is, blijft de melding."""
    import pytest

    from vergadering.fouten import VergaderingFout
    from vergadering.opslag.wijzigingen import Wijziging
    from vergadering.projectie import Meekijker

    maak_opslag(tmp_path / "db")
    sessie = voorzitter(tmp_path / "db", Klok())
    sessie.start()
    meekijker = Meekijker(Opslag(tmp_path / "db"), WV, lambda: VANDAAG)
    assert meekijker.lees().stand == "vergadering"
    pad = tmp_path / "db" / WV / "vergaderingen" / f"{sessie.vergadering.id}.json"
    goed = pad.read_bytes()
    pad.write_bytes(b"{kapot")
    signaal = Signaal("2611-elders", WV, "Van elders", VANDAAG)
    Opslag(tmp_path / "db").bewaar_signaal(signaal)
    elders = [Wijziging("ander", WV, "signalen", "2611")]
    with pytest.raises(VergaderingFout):
        meekijker.opnieuw(None)  # alles: het vergadervak is stuk
    with pytest.raises(VergaderingFout):
        meekijker.opnieuw(elders)  # een wijziging elders: nog steeds stuk, geen half beeld
    pad.write_bytes(goed)
    beeld = meekijker.opnieuw(elders)
    assert beeld.stand == "vergadering" and "Van elders" in {s.tekst for s in beeld.signalen}
