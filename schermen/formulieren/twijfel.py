"""Bevestiging bij ongewone invoer: een formulier dat ``twijfels`` geeft (zinnen met de
reden, zie ``vergadering.datumcontrole``), vraagt bij bewaren eerst of het zo klopt.

Een mixin vóór ``Formulier`` in de basisklassen: onmogelijke invoer blijft een fout onder de
velden (``lees``), ongewone invoer wordt een ja/nee-vraag. Bij 'nee' blijft het formulier
open met alles wat er getypt is.
"""

from __future__ import annotations

from typing import Any

from vergadering.fouten import VergaderingFout


class BevestigTwijfels:
    """Vraag bevestiging als ``twijfels(uitkomst)`` iets zegt; anders bewaren zoals altijd."""

    def twijfels(self, uitkomst: Any) -> list[str]:
        """Wat ongewoon is aan deze uitkomst, één zin per twijfel (leeg: niets te vragen)."""
        return []

    def sluit_met(self, uitkomst: Any) -> None:
        """De velden zijn gelezen (``Formulier`` deed dat, met de fouten bij hun veld): bij een
        twijfel eerst de vraag, anders meteen sluiten."""
        from ..bevestig import Bevestig

        try:
            twijfels = self.twijfels(uitkomst)
        except (VergaderingFout, ValueError) as fout:
            self.toon_fout(str(fout), getattr(fout, "veld", None))  # type: ignore[attr-defined]
            return
        if not twijfels:
            self.dismiss(uitkomst)  # type: ignore[attr-defined]
            return

        def antwoord(ja: bool | None) -> None:
            if ja:
                self.dismiss(uitkomst)  # type: ignore[attr-defined]
            else:
                self.toon_fout("Pas de datum aan, of bewaar opnieuw (ctrl+s) en kies "  # type: ignore[attr-defined]
                               "'Zo bewaren'.")

        self.app.push_screen(  # type: ignore[attr-defined]
            Bevestig(" ".join(twijfels) + " Klopt dit zo?", ja="Zo bewaren", nee="Aanpassen"),
            antwoord,
        )
