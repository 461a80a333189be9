"""De vraag bij een tegenstrijdige wijziging: welke waarde blijft staan, die van hier of die
van het andere venster? (De bewaarder voegt al het andere zelf samen; zie
vergadering/samenvoegen.py.) Er is altijd een keuze nodig: niets typen gaat verloren, dus er
is geen 'annuleren'."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Static

from vergadering.samenvoegen import HUN, MIJN


class KiesWaarde(ModalScreen[str]):
    """Kies tussen de waarde van hier (1) en die van het andere venster (2)."""

    CSS_PATH = "vraag.tcss"

    BINDINGS = [
        Binding("1", "kies('mijn')", "Van hier"),
        Binding("2", "kies('hun')", "Ander venster"),
    ]

    def __init__(self, vraag: str, mijn: str, hun: str) -> None:
        super().__init__()
        self.vraag, self.mijn, self.hun = vraag, mijn, hun

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialoog vraag"):
            yield Static(self.vraag, classes="dialoog-vraag", markup=False)
            yield Static(f"1. Hier: {self.mijn}", id="waarde-mijn", markup=False)
            yield Static(f"2. Ander venster: {self.hun}", id="waarde-hun", markup=False,
                         classes="dialoog-vraag")
            with Horizontal(classes="dialoog-knoppen"):
                yield Button("Van hier (1)", variant="primary", id=MIJN, compact=True)
                yield Button("Ander venster (2)", id=HUN, compact=True)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one(f"#{MIJN}", Button).focus()

    def action_kies(self, keuze: str) -> None:
        """Sluit met de keuze."""
        self.dismiss(keuze)

    @on(Button.Pressed)
    def _knop(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id)
