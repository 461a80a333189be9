"""Het commandopalet (ctrl+p): de belangrijke handelingen, passend bij het scherm, in het
Nederlands (ook de zoekregel, de toetsuitleg en 'niets gevonden')."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.command import CommandList, CommandPalette, DiscoveryHit, Hit, Hits, Provider
from textual.widgets.option_list import Option

ZOEKREGEL = "Zoek een handeling…"
NIETS_GEVONDEN = "Geen handeling met die naam; probeer een ander woord."


class Commandos(Provider):
    """Vraagt de app welke handelingen er nu zijn (van de app en van het scherm)."""

    def _commandos(self) -> list[tuple]:
        return list(self.app.commandos(self.screen))  # type: ignore[attr-defined]

    async def discover(self) -> Hits:
        for naam, uitleg, doe in self._commandos():
            yield DiscoveryHit(naam, doe, help=uitleg)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for naam, uitleg, doe in self._commandos():
            score = matcher.match(naam)
            if score > 0:
                yield Hit(score, matcher.highlight(naam), doe, help=uitleg)


class Palet(CommandPalette):
    """Textuals commandopalet met Nederlandse woorden."""

    # Zelfde toetsen als het origineel; alleen de uitleg in de voetregel is anders.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "escape", "Sluiten"),
    ]

    def __init__(self) -> None:
        super().__init__(id="--command-palette", placeholder=ZOEKREGEL)

    def _start_no_matches_countdown(self, search_value: str) -> None:
        # Zoals het origineel, met een Nederlandse zin: na een korte pauze, alleen als er
        # echt gezocht werd.
        self._stop_no_matches_countdown()

        def niets() -> None:
            if not search_value:
                self._list_visible = False
                return
            self.query_one(CommandList).add_option(
                Option(Text(NIETS_GEVONDEN, style="not bold"), disabled=True,
                       id=self._NO_MATCHES))
            self._list_visible = True

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, niets)
