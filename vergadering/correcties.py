"""Correcties op een lopende (of heropende) vergadering, als toepassing bovenop ``Sessie``.

Elke methode is één handeling van de voorzitter: controleren (``correctie``, ``regels``),
vastleggen met tijd van de ingespoten klok en reden, en meteen bewaren via de bewaarder van
de sessie. Geen Textual hier.
"""

from __future__ import annotations

from .correctie import Correctie, corrigeer_stemming, heropen, ontbundel
from .fouten import OngeldigeInvoer
from .sessie import Sessie
from .signaal import Signaal
from .stemming import Stemming


class Correcties:
    """De correcties van één sessie."""

    def __init__(self, sessie: Sessie) -> None:
        self.sessie = sessie

    # --- bundels ----------------------------------------------------------------------

    def gebundeld_in(self, hoofd_id: str) -> list[Signaal]:
        """De signalen die direct in dit signaal gebundeld zijn (om los te maken)."""
        return [s for s in self.sessie.signalen
                if s.status == "gebundeld" and s.gebundeld_in == hoofd_id]

    def ontbundel(self, dubbel_id: str, reden: str) -> Correctie:
        """Maak de bundel van ``dubbel_id`` ongedaan: het signaal staat weer los in de lijst."""
        sessie = self.sessie
        dubbel = sessie.signaal(dubbel_id)
        if dubbel.status != "gebundeld":
            raise OngeldigeInvoer("Dit signaal is niet gebundeld; er is niets los te maken.")
        hoofd = next((s for s in sessie.signalen if s.id == dubbel.gebundeld_in), None)
        sessie.bewaarder.onthoud_eerst(dubbel)
        correctie = ontbundel(sessie.vergadering, dubbel, hoofd, reden, sessie.nu())
        sessie.elders_samengevoegd()  # de ranglijst en de tellingen opnieuw opbouwen
        sessie.bewaar(dubbel)
        return correctie

    # --- stemmingen -------------------------------------------------------------------

    def stemming(self, stemming_id: str) -> Stemming:
        """De vastgelegde stemming met dit kenmerk."""
        for st in self.sessie.vergadering.stemmingen:
            if st.id == stemming_id:
                return st
        raise OngeldigeInvoer("Die stemming is er niet meer; kies een andere.")

    def corrigeer_stemming(
        self,
        stemming_id: str,
        reden: str,
        *,
        voor: int = 0,
        tegen: int = 0,
        onthouding: int = 0,
        per_lid: dict[str, str] | None = None,
    ) -> Correctie:
        """Corrigeer de telling van een vastgelegde stemming (zelfde regels als stemmen:
        quorum, meerderheid, wie mag stemmen); de oude telling en de reden worden gelogd."""
        sessie = self.sessie
        oud = self.stemming(stemming_id)
        nieuw = sessie.nieuwe_stemming(oud.onderwerp, oud.signaal_id, voor=voor, tegen=tegen,
                                       onthouding=onthouding, per_lid=per_lid)
        correctie = corrigeer_stemming(sessie.vergadering, oud, nieuw, reden, sessie.nu())
        sessie.bewaar()
        return correctie

    # --- heropenen --------------------------------------------------------------------

    def heropen(self, wie: str, reden: str) -> Correctie:
        """Heropen de (gesloten) vergadering van deze sessie; wie en waarom komen in het
        verslag. Opnieuw sluiten gaat zoals altijd (met terugkoppeling) en geeft een nieuw
        mapje naast het oude."""
        sessie = self.sessie
        correctie = heropen(sessie.vergadering, sessie.wijkverband, wie, reden, sessie.nu())
        sessie.bewaar()
        return correctie
