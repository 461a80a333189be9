"""Voor de notulist: de notities bij een fase en het logboek van de vergadering."""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import (
    Footer,
    Static,
    TextArea,
)

from vergadering import datums
from vergadering.tekst import een_regel
from vergadering.vergadering import Vergadering


class Notities(ModalScreen[str]):
    """De notities van de notulist bij een fase; elke wijziging wordt meteen bewaard."""

    CSS_PATH = ["../vraag.tcss", "formulieren.tcss"]

    BINDINGS = [Binding("escape", "klaar", "Klaar"), Binding("ctrl+s", "klaar", "Klaar")]

    def __init__(self, titel: str, tekst_: str, bij_wijziging: Callable[[str], None]) -> None:
        super().__init__()
        self.titel, self.begin, self.bij_wijziging = titel, tekst_, bij_wijziging

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialoog breed"):
            yield Static(self.titel, classes="dialoog-titel", markup=False)
            yield TextArea(self.begin, id="notities", soft_wrap=True)
            yield Static("Wordt bewaard terwijl u typt · esc sluit", classes="veld-hint")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one(TextArea).focus()

    @on(TextArea.Changed)
    def _gewijzigd(self, event: TextArea.Changed) -> None:
        self.bij_wijziging(event.text_area.text)

    def action_klaar(self) -> None:
        """Sluit de notities."""
        self.dismiss(self.query_one(TextArea).text)


class Logboek(ModalScreen[None]):
    """Het logboek van de vergadering: wat er gebeurde en wanneer (alleen lezen)."""

    CSS_PATH = ["../vraag.tcss", "formulieren.tcss"]

    BINDINGS = [Binding("escape", "sluit", "Sluiten"), Binding("l", "sluit", "Sluiten")]

    def __init__(self, vergadering: Vergadering) -> None:
        super().__init__()
        self.vergadering = vergadering

    def compose(self) -> ComposeResult:
        regels = [
            f"{datums.tijd(r.moment)}  {een_regel(r.tekst)}" for r in self.vergadering.logboek
        ] or ["Nog niets gebeurd."]
        with Vertical(classes="dialoog breed"):
            yield Static("Logboek van de vergadering", classes="dialoog-titel")
            with VerticalScroll(id="logboek"):
                yield Static("\n".join(regels), markup=False)
            yield Static("esc sluit", classes="veld-hint")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        scroll = self.query_one("#logboek", VerticalScroll)
        scroll.focus()
        scroll.scroll_end(animate=False)

    def action_sluit(self) -> None:
        """Sluit het logboek."""
        self.dismiss(None)
