"""Invoervelden zoals een notulist ze gebruikt: in een getalveld vervangt een cijfer het
voorstel, in een tekstveld vult typen aan."""

from __future__ import annotations

from textual.app import App
from textual.widgets import Input

from schermen.formulieren.basis import TekstVraag
from schermen.formulieren.stemming import WegingFormulier


class _Houder(App[None]):
    """Een lege app die één dialoog opent en de uitkomst bewaart."""

    def __init__(self, dialoog) -> None:
        super().__init__()
        self.dialoog = dialoog
        self.uitkomst: object = "niets"

    def on_mount(self) -> None:
        self.push_screen(self.dialoog, lambda w: setattr(self, "uitkomst", w))


async def test_getallen_vervangen_het_voorstel_met_enter_naar_het_volgende_veld() -> None:
    app = _Houder(WegingFormulier("Te hard rijden op de Kastanjelaan", 3, 3))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("4", "enter", "5", "enter")  # enter in het laatste veld bewaart
        await pilot.pause()
    assert app.uitkomst == (4, 5)


async def test_tekstvraag_met_voorstel_wordt_vervangen_door_wat_getypt_wordt() -> None:
    app = _Houder(TekstVraag("Stippen", "Aantal stippen", waarde="2"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("1", "2", "enter")
        await pilot.pause()
    assert app.uitkomst == "12"


async def test_plakken_neemt_alle_regels_en_laat_stuurtekens_weg():
    """Textual nam alleen de eerste regel van wat geplakt werd; bel en escape kwamen mee."""
    from textual import events

    uitkomst: list[str] = []

    class Proef(App):
        def on_mount(self) -> None:
            self.push_screen(TekstVraag("Signaal", "Wat speelt er?"), uitkomst.append)

    app = Proef()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        veld = app.screen.query_one(Input)
        veld.post_message(events.Paste("Stoep kapot\r\nbij de\x07 school\tin\x1b[31m de wijk"))
        await pilot.pause()
        assert veld.value == "Stoep kapot bij de school in[31m de wijk"
        await pilot.press("enter")
    assert uitkomst == ["Stoep kapot bij de school in[31m de wijk"]
