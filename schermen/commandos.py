"""Het commandopalet (ctrl+p): de belangrijke handelingen, passend bij het scherm."""

from __future__ import annotations

from textual.command import DiscoveryHit, Hit, Hits, Provider


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
