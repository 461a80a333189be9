"""Het commando `vergadering`: de opdrachtregel, met de schermen als voorkant.

De opdrachtregel (``vergadering.opdrachtregel``) kent geen schermen; dit is het ene punt
waar die twee samenkomen. Textual wordt pas geladen als er echt een scherm opengaat, zodat
`vergadering signalen` er niet op wacht.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from vergadering import opdrachtregel

if TYPE_CHECKING:
    from vergadering.opslag import Opslag


class Schermen:
    """De voorkant in de terminal: de app voor voorzitter en notulist."""

    def app(self, opslag: Opslag) -> int:
        """Open de app op deze opslag; geeft de uitgangscode terug."""
        from .app import start_app

        return start_app(opslag)

    def beamer(self, opslag: Opslag, wijkverband_id: str | None, *, web: bool, host: str,
               poort: int) -> int:
        """Open de beamer (alleen kijken): in deze terminal, of met ``web`` in de browser."""
        if web:
            from .beamer_web import serveer

            map_ = getattr(opslag, "map", None)
            if map_ is None:
                # PostgreSQL: elke browser krijgt een beamer die het adres uit de omgeving
                # haalt, zodat een wachtwoord in het adres nooit in een opdrachtregel staat.
                import os

                from vergadering.opslag.facade import OMGEVINGSVARIABELE

                os.environ[OMGEVINGSVARIABELE] = opslag.db
            return serveer(map_, wijkverband_id, host=host, poort=poort)
        from .beamer_app import start_beamer

        return start_beamer(opslag, wijkverband_id)


def main(argv: Sequence[str] | None = None) -> int:
    """De opdrachtregel met de schermen; geeft de uitgangscode terug."""
    return opdrachtregel.main(argv, voorkant=Schermen())


def start() -> None:
    """Het startpunt van het commando `vergadering` (en `python -m schermen`)."""
    opdrachtregel.start(Schermen())
