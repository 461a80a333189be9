"""De ja/nee-vraag (``Bevestig``), in een eigen lichte module: het startscherm stelt hem
vlak na het opstarten ('verder met de open vergadering?'), en dan moeten niet eerst alle
formulieren met hun widgets geladen worden (dat liet het scherm zo'n 60 ms hangen)."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Static


class Bevestig(ModalScreen[bool]):
    """Een ja/nee-vraag; j of enter is ja, n of escape is nee."""

    CSS_PATH = "vraag.tcss"  # klein: de formulierstijlen pas bij het eerste formulier
    # Via Textual zelf, niet in on_mount: deze vraag komt vlak na het opstarten, en wie dan
    # meteen stopt, sloot de app terwijl de knoppen er nog niet waren (een traceback).
    AUTO_FOCUS = "#ja"

    BINDINGS = [
        Binding("j", "antwoord(True)", "Ja"),
        Binding("n", "antwoord(False)", "Nee"),
        Binding("escape", "antwoord(False)", "Nee", show=False),
    ]

    def __init__(self, vraag: str, ja: str = "Ja", nee: str = "Nee") -> None:
        super().__init__()
        self.vraag, self.ja, self.nee = vraag, ja, nee

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialoog vraag"):
            yield Static(self.vraag, classes="dialoog-vraag", markup=False)
            with Horizontal(classes="dialoog-knoppen"):
                yield Button(f"{self.ja} (j)", variant="primary", id="ja", compact=True)
                yield Button(f"{self.nee} (n)", id="nee", compact=True)
        yield Footer(compact=True)

    def action_antwoord(self, ja: bool) -> None:
        """Sluit met het antwoord."""
        self.dismiss(ja)

    @on(Button.Pressed)
    def _knop(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "ja")
