"""Het scherm van de privacycheck: met toetsen per item behouden of maskeren, op 80×24, en na
het sluiten van de vergadering vóór het mapje."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from schermen_gegevens import VANDAAG, maak_app
from schermen_pilot import begin_vergadering, meldingen, typ, wacht
from textual.app import App
from textual.widgets import OptionList

from schermen.bevestig import Bevestig
from schermen.formulieren.privacycheck import PrivacyCheck
from schermen.formulieren.signaal import SignaalFormulier
from schermen.start import StartScherm
from vergadering.opslag import Opslag
from vergadering.privacycheck import Vondst
from vergadering.terugkoppeling import Terugkoppeling

VONDSTEN = [
    Vondst("naam", "Pieter Zwanenburg", "signaal", "Pieter Zwanenburg meldt rommel."),
    Vondst("aanspreekvorm", "mevrouw Jansen", "notities bij fase 1", "mevrouw Jansen belde"),
    Vondst("adres", "Lindelaan 14", "reden bij een signaal", "rommel bij Lindelaan 14"),
    Vondst("telefoon", "06-12345678", "signaal", "bel 06-12345678"),
]


class _Proef(App[None]):
    def __init__(self, keuzes: dict[str, str] | None = None) -> None:
        super().__init__()
        self.uitkomst: dict[str, str] | None | str = "open"
        self.keuzes = keuzes

    def on_mount(self) -> None:
        def klaar(uitkomst: dict[str, str] | None) -> None:
            self.uitkomst = uitkomst

        self.push_screen(PrivacyCheck(VONDSTEN, self.keuzes), klaar)


async def test_per_item_behouden_of_maskeren_met_toetsen() -> None:
    app = _Proef()
    async with app.run_test(size=(80, 24)) as pilot:
        await wacht(pilot, lambda: isinstance(app.screen, PrivacyCheck))
        scherm = app.screen
        lijst = scherm.query_one("#vondsten", OptionList)
        assert lijst.has_focus and lijst.highlighted == 0
        # Alles past op 80×24: de lijst, de knoppen en de zin rond het item.
        for selector in ("#vondsten", "#vondst-zin", "#ok"):
            regio = scherm.query_one(selector).region
            assert regio.height >= 1 and regio.bottom <= 24, selector
        assert "Pieter Zwanenburg meldt" in str(scherm.query_one("#vondst-zin").render())
        # Klaar zonder keuzes kan niet: de reden staat onder de lijst.
        await pilot.press("ctrl+s")
        assert app.uitkomst == "open"
        assert "Nog 3 items zonder keuze" in str(scherm.query_one(".dialoog-fout").render())
        await pilot.press("b")  # Pieter Zwanenburg behouden; door naar het volgende
        assert lijst.highlighted == 1
        await pilot.press("m")  # mevrouw Jansen maskeren
        await pilot.press("down", "m")  # telefoonnummer: altijd weg, niets te kiezen
        assert "altijd uit openbare stukken" in str(scherm.query_one(".dialoog-fout").render())
        await pilot.press("up", "enter")  # enter: Lindelaan 14 op maskeren
        await pilot.press("ctrl+s")
        await wacht(pilot, lambda: app.uitkomst != "open")
    assert app.uitkomst == {
        "pieter zwanenburg": "behouden",
        "mevrouw jansen": "maskeren",
        "lindelaan 14": "maskeren",
    }


async def test_rest_maskeren_en_eerdere_keuzes_staan_er_al() -> None:
    app = _Proef({"pieter zwanenburg": "behouden"})
    async with app.run_test(size=(80, 24)) as pilot:
        await wacht(pilot, lambda: isinstance(app.screen, PrivacyCheck))
        await pilot.press("a", "ctrl+s")
        await wacht(pilot, lambda: app.uitkomst != "open")
    assert app.uitkomst == {
        "pieter zwanenburg": "behouden",
        "mevrouw jansen": "maskeren",
        "lindelaan 14": "maskeren",
    }


async def test_escape_maakt_geen_keuzes() -> None:
    app = _Proef()
    async with app.run_test(size=(80, 24)) as pilot:
        await wacht(pilot, lambda: isinstance(app.screen, PrivacyCheck))
        await pilot.press("m", "escape")
        await wacht(pilot, lambda: app.uitkomst != "open")
    assert app.uitkomst is None


async def test_privacycheck_voor_het_mapje_na_het_sluiten(tmp_path: Path) -> None:
    """Een signaal met een naam en een privécontact (via het formulier); na het sluiten komt
    de privacycheck vóór het mapje; de keuze staat bij de vergadering en in het mapje staat
    de naam niet."""
    app = maak_app(tmp_path / "db", mapjes=tmp_path / "mapjes")
    async with app.run_test(size=(80, 24)) as pilot:
        await begin_vergadering(pilot)
        sessie = app.sessie
        await pilot.press("a")  # signaal toevoegen
        await wacht(pilot, lambda: isinstance(app.screen, SignaalFormulier))
        assert any("nooit op de beamer" in str(hint.render())
                   for hint in app.screen.query(".veld-hint"))
        await typ(pilot, "Pieter Zwanenburg meldt rommel bij de Lindelaan")
        app.screen.query_one("#contact").focus()
        await typ(pilot, "Ria Smit; 06-11223344")
        await pilot.press("ctrl+s")
        await wacht(pilot, lambda: not isinstance(app.screen, SignaalFormulier))
        nieuw = sessie.signalen[-1]
        assert nieuw.contact is not None and nieuw.contact.naam == "Ria Smit"
        assert nieuw.contact.gegevens == "06-11223344"
        sessie.zet_stippen(nieuw.id, 1)
        sessie.bewaar_terugkoppeling(Terugkoppeling(
            gehoord="Pieter Zwanenburg meldt rommel; Ria Smit belde ook.",
            volgende_update=VANDAAG + timedelta(weeks=6), kanaal="nieuwsbrief",
            eigenaar="Anja de Vries"))
        await pilot.press("n", "n", "x")
        await wacht(pilot, lambda: isinstance(app.screen, Bevestig))
        await pilot.press("j")  # sluiten
        await wacht(pilot, lambda: app.sessie is None)
        await wacht(pilot, lambda: isinstance(app.screen, Bevestig))
        await pilot.press("j")  # het mapje maken
        await wacht(pilot, lambda: isinstance(app.screen, PrivacyCheck), keer=1500)
        check = app.screen
        teksten = [v.tekst for v in check.vondsten]
        assert "Pieter Zwanenburg" in teksten
        assert any(v.vast and "Ria Smit" in v.tekst for v in check.vondsten)
        await pilot.press("a", "ctrl+s")
        await wacht(pilot, lambda: any("Het mapje staat in" in m for m in meldingen(app)),
                    keer=1500)
        await wacht(pilot, lambda: isinstance(app.screen, StartScherm))
    v = Opslag(tmp_path / "db").vergadering(sessie.wijkverband.id, sessie.vergadering.id)
    assert v.privacykeuzes["pieter zwanenburg"] == "maskeren"
    txt = next((tmp_path / "mapjes").rglob("terugkoppeling.txt")).read_text(encoding="utf-8")
    assert "Zwanenburg" not in txt and "Ria" not in txt and "11223344" not in txt
    assert "Een bewoner meldt rommel" in txt


async def test_mapje_maken_via_het_palet_begint_met_de_privacycheck(tmp_path: Path) -> None:
    """Een gesloten vergadering met een geplante naam: ctrl+p 'Mapje maken' op het startscherm
    toont eerst de check (op 80×24); escape maakt geen mapje, daarna 'a' en ctrl+s wel."""
    from schermen_gegevens import Klok
    from schermen_pilot import op_startscherm
    from test_export_gegevens import VANDAAG as DAG
    from test_export_gegevens import bouw_opslag
    from textual.command import CommandPalette

    from schermen.app import VergaderingApp

    def plant(veld: str, standaard: str) -> str:
        return standaard + " Gemeld door Gerdien de Wit-Bakker." if veld == "signaal" \
            else standaard

    bouw_opslag(tmp_path / "db", plant)
    app = VergaderingApp(Opslag(tmp_path / "db"), klok=Klok(), vandaag=DAG,
                         mapjes=tmp_path / "mapjes")

    async def palet_mapje() -> None:
        await pilot.press("ctrl+p")
        await wacht(pilot, lambda: isinstance(app.screen, CommandPalette))
        await typ(pilot, "Mapje maken")
        await pilot.press("enter")
        await wacht(pilot, lambda: isinstance(app.screen, PrivacyCheck), keer=1500)

    async with app.run_test(size=(80, 24)) as pilot:
        await op_startscherm(pilot)
        await palet_mapje()
        assert any(v.tekst == "Gerdien de Wit-Bakker" for v in app.screen.vondsten)
        await pilot.press("escape")
        await wacht(pilot, lambda: any("niet gemaakt" in m for m in meldingen(app)))
        assert not (tmp_path / "mapjes").exists()
        await palet_mapje()
        await pilot.press("a", "ctrl+s")
        await wacht(pilot, lambda: any("Het mapje staat in" in m for m in meldingen(app)),
                    keer=1500)
    txt = next((tmp_path / "mapjes").rglob("terugkoppeling.txt")).read_text(encoding="utf-8")
    assert "Gerdien" not in txt and "Wit-Bakker" not in txt
    assert "Gemeld door een bewoner" in txt


async def test_tijdens_de_vergadering_volgt_de_beamer_de_keuzes(tmp_path: Path) -> None:
    """Onbeslist staat een naam nooit op de beamer; 'Privacycheck' in het palet en b
    (behouden) zet hem er wel op, en de keuze staat bij de vergadering."""
    from textual.command import CommandPalette

    from schermen.beamer import BeamerScherm, Faseinhoud

    app = maak_app(tmp_path / "db")
    async with app.run_test(size=(120, 36)) as pilot:
        await begin_vergadering(pilot)
        sessie = app.sessie
        signaal = sessie.voeg_signaal_toe("Pieter Zwanenburg meldt glas op het fietspad")
        sessie.zet_stippen(signaal.id, 3)

        def beamer() -> str:
            gevonden = app.screen.query(Faseinhoud)
            if not isinstance(app.screen, BeamerScherm) or not gevonden:
                return ""
            return "\n".join(r.plain for r in gevonden.first().regels(110, 30))

        app.action_beamer()
        await wacht(pilot, lambda: isinstance(app.screen, BeamerScherm))
        await wacht(pilot, lambda: "glas op het fietspad" in beamer())
        assert "Een bewoner meldt glas" in beamer() and "Zwanenburg" not in beamer()
        await pilot.press("b")  # terug naar het bedieningsscherm
        await wacht(pilot, lambda: not isinstance(app.screen, BeamerScherm))
        await pilot.press("ctrl+p")
        await wacht(pilot, lambda: isinstance(app.screen, CommandPalette))
        await typ(pilot, "Privacycheck")
        await pilot.press("enter")
        await wacht(pilot, lambda: isinstance(app.screen, PrivacyCheck), keer=1500)
        lijst = app.screen.query_one("#vondsten", OptionList)
        plek = next(i for i, v in enumerate(app.screen.vondsten)
                    if v.tekst == "Pieter Zwanenburg")
        lijst.highlighted = plek
        await pilot.press("b", "a", "ctrl+s")
        await wacht(pilot, lambda: sessie.vergadering.privacykeuzes.get("pieter zwanenburg")
                    == "behouden")
        app.action_beamer()
        await wacht(pilot, lambda: isinstance(app.screen, BeamerScherm))
        await wacht(pilot, lambda: "Pieter Zwanenburg meldt glas" in beamer())
    bewaard = Opslag(tmp_path / "db").vergadering(sessie.wijkverband.id, sessie.vergadering.id)
    assert bewaard.privacykeuzes["pieter zwanenburg"] == "behouden"
