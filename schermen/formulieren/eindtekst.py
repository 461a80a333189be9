"""De eindtekst van de terugkoppeling bewerken: de hele tekst zoals bewoners hem lezen."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, Static, TextArea

from vergadering.tekst import een_regel


class EindtekstScherm(ModalScreen[str | None]):
    """Een tekstvak met de terugkoppeling zoals het mapje hem publiceert. ctrl+s bewaart
    (de tekst), esc laat alles zoals het was (None)."""

    DEFAULT_CSS = """
    EindtekstScherm { align: center middle; }
    EindtekstScherm > #eindtekst {
        width: 96%;
        height: 94%;
        border: round $accent;
        padding: 0 1;
        background: $surface;
    }
    EindtekstScherm .dialoog-titel { text-style: bold; color: $accent; }
    EindtekstScherm .veld-hint { color: $text-muted; text-style: italic; }
    EindtekstScherm TextArea { height: 1fr; }
    """

    BINDINGS = [
        Binding("ctrl+s", "bewaar", "Bewaren", priority=True),
        Binding("escape", "annuleer", "Annuleren"),
    ]

    def __init__(self, tekst: str, titel: str) -> None:
        super().__init__()
        self._tekst = tekst
        self._titel = titel

    def compose(self) -> ComposeResult:
        with Vertical(id="eindtekst"):
            yield Static(een_regel(self._titel), classes="dialoog-titel", markup=False)
            yield Static("Dit is precies wat bewoners lezen. Pas aan wat u wilt; de "
                         "privacycheck loopt over deze tekst voor het mapje gemaakt wordt. "
                         "Alles leeg maken = weer de tekst uit de vergadering.",
                         classes="veld-hint", markup=False)
            yield TextArea(self._tekst, id="tekst", soft_wrap=True)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#tekst", TextArea).focus()

    def action_bewaar(self) -> None:
        self.dismiss(self.query_one("#tekst", TextArea).text)

    def action_annuleer(self) -> None:
        self.dismiss(None)
