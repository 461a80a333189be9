"""De agendaklok: resterende tijd per fase, afgeleid uit de klok, nooit afgeteld met tikken.

De klok is een parameter (seconden sinds 1970), zodat tests de tijd zelf bepalen en een
herstart midden in een fase de juiste tijd laat zien: de toestand staat in de ``Fase``-
objecten van de vergadering, die bij elke handeling opgeslagen worden.

Springt de systeemklok terug, dan gaat er geen gebruikte tijd verloren en wordt niets
negatief. Springt hij vooruit, dan telt die tijd als gebruikt: een laptop die even sliep
terwijl de vergadering doorging, is niet te onderscheiden van een klok die verzet werd,
en de voorzitter ziet de uitloop en beslist zelf (de klok gaat nooit vanzelf verder).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Literal

from . import datums
from .fouten import OngeldigeInvoer
from .vergadering import Fase, Vergadering

Klok = Callable[[], float]
Stand = Literal["normaal", "waarschuwing", "over"]

WAARSCHUWING_S = 60


class AgendaKlok:
    """Bedient de fasen van één vergadering: start, pauze, hervat, +1 minuut, volgende, vorige.

    De klok gaat nooit zelf door naar de volgende fase: dat beslist de voorzitter.
    """

    def __init__(self, vergadering: Vergadering, klok: Klok = time.time) -> None:
        self.vergadering = vergadering
        self._klok = klok
        self._laatst: float | None = None

    def _nu(self) -> float:
        """De klok, maar nooit achteruit: springt de systeemklok terug, dan schuift de
        lopende fase mee, zodat gebruikte tijd niet verdwijnt."""
        nu = float(self._klok())
        if self._laatst is not None and nu < self._laatst:
            sprong = self._laatst - nu
            for fase in self.vergadering.fasen:
                if fase.gestart_op is not None:
                    fase.gestart_op -= sprong
        for fase in self.vergadering.fasen:
            # Na een herstart met een klok die achterloopt op het bewaarde startmoment:
            # tel vanaf nu verder in plaats van stil te staan tot de klok is bijgelopen.
            if fase.gestart_op is not None and fase.gestart_op > nu:
                fase.gestart_op = nu
        self._laatst = nu
        return nu

    @property
    def fase(self) -> Fase:
        """De huidige fase."""
        return self.vergadering.fase

    @property
    def loopt(self) -> bool:
        """Waar als de klok van de huidige fase loopt."""
        return self.fase.gestart_op is not None

    def start(self) -> None:
        """Start de vergadering (en de klok van de eerste fase), als dat nog niet gebeurde."""
        if self.vergadering.gesloten:
            return
        self.vergadering.gestart = True
        if not self.loopt:
            self.fase.gestart_op = self._nu()

    def pauzeer(self) -> None:
        """Zet de klok stil; de gebruikte tijd blijft staan."""
        self._stop(self.fase)

    def hervat(self) -> None:
        """Laat de klok weer lopen."""
        if not self.loopt and not self.vergadering.gesloten:
            self.vergadering.gestart = True
            self.fase.gestart_op = self._nu()

    def pauze_of_hervat(self) -> bool:
        """Wissel tussen pauze en lopen; geeft terug of de klok nu loopt."""
        if self.loopt:
            self.pauzeer()
        else:
            self.hervat()
        return self.loopt

    def minuut_erbij(self, minuten: int = 1) -> None:
        """Geef de huidige fase extra tijd; een negatief aantal haalt extra tijd weer weg
        (nooit meer dan er bij gegeven was)."""
        if isinstance(minuten, bool) or not isinstance(minuten, int):
            raise OngeldigeInvoer("Geef de extra tijd in hele minuten.")
        self.fase.extra_s = max(0, self.fase.extra_s + 60 * minuten)

    def volgende(self) -> bool:
        """Ga naar de volgende fase; de klok loopt door als hij liep (en blijft stil als hij
        stil stond). False bij de laatste."""
        return self._naar(self.vergadering.fase_index + 1)

    def vorige(self) -> bool:
        """Ga terug naar de vorige fase; die telt verder vanaf de tijd die al gebruikt was."""
        return self._naar(self.vergadering.fase_index - 1)

    def _naar(self, index: int) -> bool:
        if not 0 <= index < len(self.vergadering.fasen):
            return False
        liep = self.loopt
        self._stop(self.fase)
        self.vergadering.fase_index = index
        if liep and not self.vergadering.gesloten:
            self.fase.gestart_op = self._nu()
        return True

    def stop_alles(self) -> None:
        """Zet alle klokken stil (bij het sluiten van de vergadering)."""
        for fase in self.vergadering.fasen:
            self._stop(fase)

    def _stop(self, fase: Fase) -> None:
        if fase.gestart_op is not None:
            fase.gebruikt_s += max(0.0, self._nu() - fase.gestart_op)
            fase.gestart_op = None

    def gebruikt(self, fase: Fase | None = None) -> float:
        """Gebruikte seconden van een fase (standaard de huidige)."""
        fase = fase or self.fase
        lopend = max(0.0, self._nu() - fase.gestart_op) if fase.gestart_op is not None else 0.0
        return fase.gebruikt_s + lopend

    def beschikbaar(self, fase: Fase | None = None) -> int:
        """Geplande plus extra seconden."""
        fase = fase or self.fase
        return fase.gepland_s + fase.extra_s

    def resterend(self, fase: Fase | None = None) -> float:
        """Resterende seconden; negatief als de fase uitloopt."""
        fase = fase or self.fase
        return self.beschikbaar(fase) - self.gebruikt(fase)

    def uitloop(self, fase: Fase | None = None) -> float:
        """Seconden over de tijd heen (0 als er nog tijd is)."""
        return max(0.0, -self.resterend(fase))

    def stand(self, fase: Fase | None = None) -> Stand:
        """'normaal', 'waarschuwing' (nog een minuut of minder) of 'over'."""
        rest = self.resterend(fase)
        if rest < 0:
            return "over"
        if rest <= WAARSCHUWING_S:
            return "waarschuwing"
        return "normaal"

    def weergave(self, fase: Fase | None = None) -> str:
        """De klok zoals op het scherm: '04:59', '+01:23'."""
        return datums.minuten_seconden(self.resterend(fase))

    def in_woorden(self, fase: Fase | None = None) -> str:
        """De klok in woorden: 'nog 1 minuut', '1 minuut en 23 seconden over de tijd'."""
        return datums.resterend_in_woorden(self.resterend(fase))

    def totaal_beschikbaar(self) -> int:
        """Geplande plus extra seconden van de hele agenda."""
        return sum(self.beschikbaar(f) for f in self.vergadering.fasen)

    def totaal_gepland(self) -> int:
        """Geplande seconden van de hele agenda (zonder extra minuten)."""
        return sum(f.gepland_s for f in self.vergadering.fasen)

    def totaal_gebruikt(self) -> float:
        """Gebruikte seconden van alle fasen samen."""
        return sum(self.gebruikt(f) for f in self.vergadering.fasen)

    def totaal_verschil(self) -> float:
        """Gebruikt min gepland over de hele agenda: positief is uitgelopen, negatief over."""
        return self.totaal_gebruikt() - self.totaal_gepland()
