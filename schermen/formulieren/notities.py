"""Voor de notulist: de notities bij een fase (een paneel naast de fase) en het logboek van
de vergadering."""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import (
    Footer,
    Static,
    TextArea,
)

from vergadering import datums
from vergadering.tekst import een_regel
from vergadering.vergadering import Vergadering


class NotitiePaneel(Vertical):
    """De notities van de notulist bij een fase, als paneel náást de fase: de klok en de
    agenda blijven in beeld (ook op de beamer, als het bedieningsscherm geprojecteerd
    wordt). Elke wijziging wordt meteen bewaard; escape sluit het paneel."""

    DEFAULT_CSS = """
    NotitiePaneel {
        width: 36%;
        min-width: 28;
        height: 1fr;
        border-left: vkey $panel;
        padding: 0 1;
    }
    NotitiePaneel > .paneel-titel {
        text-style: bold;
        color: $accent;
    }
    NotitiePaneel > TextArea {
        height: 1fr;
        border: none;
        padding: 0 1;
        background: $boost;
    }
    NotitiePaneel > TextArea:focus {
        border: none;
        background: $primary 15%;
    }
    NotitiePaneel > .veld-hint {
        color: $text-muted;
        text-style: italic;
    }
    """

    BINDINGS = [Binding("escape", "sluit", "Notities sluiten")]

    class Gesloten(Message):
        """Escape in de notities: het paneel gaat dicht."""

    def __init__(self, titel: str, tekst_: str, bij_wijziging: Callable[[str], None],
                 *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.titel, self.begin, self.bij_wijziging = titel, tekst_, bij_wijziging
        self._geladen = tekst_  # wat er bewaard staat: tonen is nog geen wijziging

    def compose(self) -> ComposeResult:
        yield Static(self.titel, classes="paneel-titel", markup=False)
        yield TextArea(self.begin, id="notities", soft_wrap=True)
        yield Static("Wordt bewaard terwijl u typt · esc sluit", classes="veld-hint")

    def on_mount(self) -> None:
        self.tekstvak.focus()

    @property
    def tekstvak(self) -> TextArea:
        """Het tekstvak met de notities."""
        return self.query_one(TextArea)

    def toon(self, titel: str, tekst_: str, bij_wijziging: Callable[[str], None]) -> None:
        """Toon de notities van een andere fase (na een fasewissel)."""
        self.titel, self.bij_wijziging = titel, bij_wijziging
        self.query_one(".paneel-titel", Static).update(titel)
        self._geladen = tekst_
        if self.tekstvak.text != tekst_:
            self.tekstvak.load_text(tekst_)

    @on(TextArea.Changed)
    def _gewijzigd(self, event: TextArea.Changed) -> None:
        event.stop()
        tekst_ = event.text_area.text
        if tekst_ != self._geladen:
            self._geladen = tekst_
            self.bij_wijziging(tekst_)

    def action_sluit(self) -> None:
        """Sluit de notities (ze zijn al bewaard)."""
        self.post_message(self.Gesloten())


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
