"""De breedte wordt gebruikt (issue 10): op 120 kolommen knipte fase 1 signalen af op zo'n
45 tekens met 40 kolommen leeg. De lijsten van fase 1 en 2 geven een lange signaaltekst nu
de ruimte die er is, ook na het groter maken van het venster."""

from __future__ import annotations

from pathlib import Path

from schermen_gegevens import maak_app
from schermen_pilot import begin_vergadering, op_startscherm, wacht

from schermen.fase_signalen import SIGNAAL

LANG = ("Bewoners van de Kastanjelaan zien elke avond auto's veel te hard door de straat "
        "rijden, ook langs de school en het speeltuintje op de hoek")
TOP5 = ["2611-s000", "2611-s001", "2611-s002", "2611-s003", "2611-s005"]


def _fase1(app, sid: str) -> str:
    return str(app.screen.query_one("#ranglijst").get_row(sid)[SIGNAAL])


def _fase2(app, sid: str) -> str:
    tabel = app.screen.query_one("#top5")
    return str(tabel.get_row(sid)[1])


async def _lange_signaaltekst(pilot) -> str:
    app = pilot.app
    await begin_vergadering(pilot)
    sessie = app.sessie
    signaal = sessie.voeg_signaal_toe(LANG, aantal=4, thema="verkeer")
    app.screen.ververs()
    await pilot.pause()
    return signaal.id


async def test_fase1_en_2_gebruiken_de_breedte(tmp_path: Path) -> None:
    smal: dict[str, str] = {}
    for naam, grootte in (("smal", (80, 24)), ("breed", (120, 36))):
        app = maak_app(tmp_path / naam)
        async with app.run_test(size=grootte) as pilot:
            sid = await _lange_signaaltekst(pilot)
            tekst1 = _fase1(app, sid)
            app.sessie.leg_top5_vast([sid, *TOP5[:4]])
            await pilot.press("n")
            await pilot.pause()
            tekst2 = _fase2(app, sid)
        if naam == "smal":
            smal = {"fase1": tekst1, "fase2": tekst2}
            assert tekst1.endswith("…") and tekst2.endswith("…")
    # Op 120 kolommen loopt de tekst verder door dan op 80 (en nog steeds het begin).
    assert len(tekst1) >= len(smal["fase1"]) + 35 and LANG.startswith(tekst1.rstrip("…"))
    assert len(tekst2) >= len(smal["fase2"]) + 35 and LANG.startswith(tekst2.rstrip("…"))


async def test_breder_venster_en_notities_dicht(tmp_path: Path) -> None:
    app = maak_app(tmp_path / "db")
    async with app.run_test(size=(80, 24)) as pilot:
        sid = await _lange_signaaltekst(pilot)
        op_80 = _fase1(app, sid)
        await pilot.resize_terminal(120, 36)
        await wacht(pilot, lambda: len(_fase1(app, sid)) > len(op_80) + 30)
        # Notities open: de lijst wordt smaller en kort weer in; dicht: weer breed.
        breed = _fase1(app, sid)
        await pilot.press("o")
        await wacht(pilot, lambda: len(_fase1(app, sid)) < len(breed))
        await pilot.press("escape")
        await wacht(pilot, lambda: _fase1(app, sid) == breed)
        # Gebundeld: '(+1)' blijft zichtbaar aan het eind, ook op de volle breedte.
        app.sessie.bundel(sid, "2611-s004")
        app.screen.ververs()
        await pilot.pause()
        assert _fase1(app, sid).endswith("… (+1)")


async def test_startscherm_geeft_de_lijst_van_wijkverbanden_ruimte(tmp_path: Path) -> None:
    breedtes = []
    for naam, grootte in (("smal", (80, 24)), ("breed", (120, 36))):
        app = maak_app(tmp_path / naam)
        async with app.run_test(size=grootte) as pilot:
            await op_startscherm(pilot)
            lijst = app.screen.query_one("#wijkverbanden")
            breedtes.append(lijst.outer_size.width)
    assert breedtes == [28, 30]  # 80 kolommen: zoals altijd; 120: een kwart
