"""De Textual-app. (Voorlopig: een startscherm; de vergaderschermen volgen.)"""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, Static

from vergadering.opslag import Opslag


class VergaderingApp(App):
    """Vergadering: de app voor voorzitter en notulist."""

    TITLE = "Vergadering"

    def __init__(self, opslag: Opslag) -> None:
        super().__init__()
        self.opslag = opslag

    def compose(self) -> ComposeResult:
        yield Header()
        namen = ", ".join(w.naam for w in self.opslag.wijkverbanden()) or "nog geen"
        yield Static(f"Wijkverbanden: {namen}")
        yield Footer()


def start_app(opslag: Opslag) -> int:
    """Start de app op deze opslag; geeft de uitgangscode terug."""
    VergaderingApp(opslag).run()
    return 0
