"""Het impactscherm en de impactregels op het startscherm (issue 13), met Pilot."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console
from schermen_gegevens import VANDAAG, maak_app
from schermen_pilot import op_startscherm, wacht
from textual.widgets import Static
from textual_plotext.plot import Plot

from schermen.impact import Grafiek, ImpactScherm, gehele_streepjes
from schermen.start import StartScherm
from vergadering import impact
from vergadering.opslag import Opslag


def _cellen(scherm: ImpactScherm, kop: str) -> list[list[str]]:
    kolommen = [[str(c) for c in k.cells] for k in scherm.tabellen[kop].columns]
    return [list(rij) for rij in zip(*kolommen, strict=True)]


async def test_startscherm_toont_een_regel_per_pijn(tmp_path: Path):
    app = maak_app(tmp_path / "db")
    async with app.run_test(size=(80, 24)) as pilot:
        await op_startscherm(pilot)
        regels = str(app.screen.impactregels)
        for pijn in ("Bereik:", "Representativiteit:", "Doorwerking:", "Terugkoppeling:"):
            assert pijn in regels
        # Acht signalen van 19 bewoners in de testgegevens, alle zonder buurt.
        assert "Bereik: 8 signalen van 19 bewoners" in regels
        assert "let op: bij 100% is de buurt onbekend" in regels
        overzicht = str(app.screen.query_one("#overzicht", Static).render())
        assert "Impact, laatste 12 maanden (m):" in overzicht


async def test_impactscherm_met_toets_m_en_cijfers_in_tabellen(tmp_path: Path):
    app = maak_app(tmp_path / "db")
    async with app.run_test(size=(80, 24)) as pilot:
        await op_startscherm(pilot)
        await pilot.press("m")
        await wacht(pilot, lambda: isinstance(app.screen, ImpactScherm) and app.screen.impact)
        scherm = app.screen
        [verwacht] = impact.impact(Opslag(tmp_path / "db"), VANDAAG, "12m", "de-hoven-noord")
        # Elke grafiek heeft zijn getallen ook in een tabel.
        per_maand = _cellen(scherm, "Per maand")
        assert ["buurt onbekend", "8"] in _cellen(scherm, "Per buurt")
        assert [[m, str(n), str(b)] for m, n, b in verwacht.bereik.per_maand] == per_maand
        assert scherm.grafiek is not None  # de grafiek, met zijn getallen in 'Per maand'
        # Eén pijn tegelijk: de doorwerking pas met toets 3.
        assert "Trechter" not in scherm.tabellen
        await pilot.press("3")
        assert "Per maand" not in scherm.tabellen
        trechter = _cellen(scherm, "Trechter")
        assert [int(r[1]) for r in trechter] == [a.aantal for _, a in verwacht.doorwerking.trechter]

        # Andere periode: dit jaar.
        await pilot.press("p")
        await wacht(pilot, lambda: scherm.impact.periode.naam == "2026")
        assert scherm.pijn == "doorwerking"  # de gekozen pijn blijft staan
        await pilot.press("4")
        assert "Kanalen" in scherm.tabellen
        assert scherm.grafiek is None  # de terugkoppeling heeft geen grafiek
        # Ook met de muis: een klik op '2 Spiegel van de wijk' in de regel met de pijnen.
        regel = str(scherm.query_one("#impact-pijnen", Static).render())
        await pilot.click("#impact-pijnen", offset=(1 + regel.index("Spiegel"), 0))
        await wacht(pilot, lambda: scherm.pijn == "representativiteit")
        assert "Aandeel per buurt" in scherm.tabellen
        await pilot.press("escape")
        await wacht(pilot, lambda: isinstance(app.screen, StartScherm))


async def test_impactscherm_via_het_commandopalet(tmp_path: Path):
    app = maak_app(tmp_path / "db")
    async with app.run_test(size=(80, 24)) as pilot:
        await op_startscherm(pilot)
        namen = [naam for naam, _, _ in app.commandos(app.screen)]
        assert any(naam.startswith("Impact") for naam in namen)
        await pilot.press("ctrl+p")
        await pilot.press(*"impact")
        await pilot.press("enter")
        await wacht(pilot, lambda: isinstance(app.screen, ImpactScherm))


async def test_impactstijl_niet_bij_het_starten_en_openen_zonder_alles_te_herlezen(
        tmp_path: Path, monkeypatch):
    # impact.tcss bij het starten laden maakt de start trager (issue 8); bij het openen
    # alle CSS opnieuw ontleden maakt m trager (issue 13). Beide mogen niet.
    app = maak_app(tmp_path / "db")
    async with app.run_test(size=(80, 24)) as pilot:
        await op_startscherm(pilot)
        pad = str(Path(ImpactScherm.__module__.replace(".", "/")).with_suffix(".tcss"))
        assert not [bron for bron, _ in app.stylesheet.source if bron.endswith(pad)]
        herlezen = []
        monkeypatch.setattr(app.stylesheet, "reparse", lambda: herlezen.append(1))
        await pilot.press("m")
        await wacht(pilot, lambda: isinstance(app.screen, ImpactScherm) and app.screen.impact)
        assert not herlezen
        assert [bron for bron, _ in app.stylesheet.source if bron.endswith(pad)]
        # De stijl werkt: de kop staat niet tegen de rand.
        assert app.screen.query_one("#impact-kop").styles.padding.left == 1


async def test_jaarverslag_met_d_na_de_privacycheck(tmp_path: Path):
    # Zoals het mapje: eerst de privacycheck; escape maakt niets, maskeren maakt het verslag
    # zonder de naam, en de keuze staat bij de laatste vergadering.
    from datetime import UTC, date, datetime

    from schermen_gegevens import Klok
    from schermen_pilot import meldingen
    from test_export_impact import VANDAAG as DAG
    from test_export_impact import _tekst, _wijkverband_met_persoonsgegevens

    from schermen.app import VergaderingApp
    from schermen.formulieren.privacycheck import PrivacyCheck
    from vergadering.vergadering import Vergadering

    opslag = _wijkverband_met_persoonsgegevens(tmp_path / "db",
                                               "Mevrouw Jansen van nummer 3 wil het niet")
    vergadering = Vergadering("v1", "wv", date(2026, 11, 3))
    vergadering.gesloten_op = datetime(2026, 11, 3, 21, 30, tzinfo=UTC)
    opslag.bewaar_vergadering(vergadering)
    app = VergaderingApp(Opslag(tmp_path / "db"), klok=Klok(), vandaag=DAG,
                         mapjes=tmp_path / "mapjes")
    async with app.run_test(size=(80, 24)) as pilot:
        await op_startscherm(pilot)
        await pilot.press("m")
        await wacht(pilot, lambda: isinstance(app.screen, ImpactScherm) and app.screen.impact)
        await pilot.press("d")
        await wacht(pilot, lambda: isinstance(app.screen, PrivacyCheck), keer=1500)
        assert [v.tekst for v in app.screen.vondsten if not v.vast] == ["Mevrouw Jansen"]
        await pilot.press("escape")
        await wacht(pilot, lambda: any("niet gemaakt" in m for m in meldingen(app)))
        assert not (tmp_path / "mapjes").exists()
        await pilot.press("d")
        await wacht(pilot, lambda: isinstance(app.screen, PrivacyCheck), keer=1500)
        await pilot.press("a", "ctrl+s")
        await wacht(pilot, lambda: any("Het jaarverslag staat in" in m for m in meldingen(app)),
                    keer=1500)
        assert isinstance(app.screen, ImpactScherm)
    [pad] = (tmp_path / "mapjes").rglob("impact.docx")
    _, tekst = _tekst(pad)
    assert "Jansen" not in tekst and "van nummer 3 wil het niet" in tekst
    assert "06-12345678" not in tekst
    assert Opslag(tmp_path / "db").vergadering("wv", "v1").privacykeuzes


def test_aantallen_op_de_as_zijn_hele_getallen_in_ronde_stappen():
    for hoogste in (0, 1, 7, 12, 99, 1234, 99_999):
        plaatsen, labels = gehele_streepjes(hoogste)
        stap = plaatsen[1] - plaatsen[0]
        assert plaatsen[0] == 0 and plaatsen[-1] >= hoogste and len(plaatsen) <= 7
        assert all(b - a == stap for a, b in zip(plaatsen, plaatsen[1:], strict=False))
        assert str(stap).lstrip("125").strip("0") == ""  # 1, 2 of 5 keer een macht van 10
        assert all("," not in t for t in labels)
    assert gehele_streepjes(25_000)[1][1:3] == ["5.000", "10.000"]


def test_grafiek_zonder_decimale_punt_op_de_as():
    def teken(plt: Plot) -> None:
        waarden = [3, 7, 1, 0, 12, 5]
        plt.bar(list(range(1, 7)), waarden, marker="hd")
        plt.yticks(*gehele_streepjes(max(waarden)))

    console = Console(width=60, color_system=None)
    with console.capture() as uit:
        console.print(Grafiek(teken))
    as_ = [regel.split("┤")[0].strip() for regel in uit.get().splitlines() if "┤" in regel]
    assert as_ and all(label.isdigit() for label in as_), as_
