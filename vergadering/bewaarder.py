"""Bewaren tijdens de vergadering: elke wijziging staat op schijf voordat het scherm haar toont.

Een bevestigde wijziging mag niet verloren gaan, ook niet bij een kill -9 een milliseconde
later; daarom schrijft ``bewaar`` meteen (een regel in het journaal en fsync: rond een
milliseconde, ruim binnen één beeldje). Mislukt het bewaren, dan blijft het object in het
geheugen staan en wordt het bij ``opnieuw()`` nog eens geschreven; er gaat niets verloren dat
getypt is.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from .fouten import VergaderingFout, oorzaak
from .opslag import Opslag

Sleutel = tuple[str, str, str]


def _sleutel(obj: Any) -> Sleutel:
    return (type(obj).__name__, getattr(obj, "wijkverband_id", ""), obj.id)


class Bewaarder:
    """Bewaart domeinobjecten meteen, één tegelijk, en onthoudt wat niet lukte.

    ``meld_fout`` en ``meld_gelukt`` worden aangeroepen in de draad die bewaart (de
    hoofddraad); de app zet ze toch via de lus door, zodat dat uit elke draad mag.
    """

    def __init__(
        self,
        opslag: Opslag,
        meld_fout: Callable[[str], None] = lambda _: None,
        meld_gelukt: Callable[[], None] = lambda: None,
    ) -> None:
        self.opslag = opslag
        self._meld_fout = meld_fout
        self._meld_gelukt = meld_gelukt
        # Schrijven kan uit de hoofddraad en uit een werkdraad (opnieuw proberen, lezen
        # met ``stil``): één tegelijk.
        self._schrijfslot = threading.RLock()
        self._mislukt: dict[Sleutel, Any] = {}
        self.laatste_fout = ""

    # --- bewaren ---------------------------------------------------------------------

    def bewaar(self, *objecten: Any) -> bool:
        """Schrijf de objecten nu naar schijf; True als alles bewaard is.

        Een fout wordt gemeld (``meld_fout``) en het object onthouden voor ``opnieuw()``.
        """
        gelukt = True
        for obj in objecten:
            sleutel = _sleutel(obj)
            try:
                with self._schrijfslot:
                    self._schrijf(obj)
            except VergaderingFout as fout:
                gelukt = self._mislukt_met(sleutel, obj, str(fout))
            except OSError as fout:
                # Wat de gebruiker dan kan doen (ctrl+s), zegt de app bij de melding.
                gelukt = self._mislukt_met(sleutel, obj, f"Opslaan lukte niet ({oorzaak(fout)}).")
            else:
                self._mislukt.pop(sleutel, None)
        if gelukt:
            self._meld_gelukt()
        return gelukt

    def opnieuw(self) -> int:
        """Schrijf alles wat niet bewaard kon worden opnieuw; geeft het aantal pogingen terug."""
        mislukt = list(self._mislukt.values())
        if mislukt:
            self.bewaar(*mislukt)
        return len(mislukt)

    @property
    def onopgeslagen(self) -> int:
        """Hoeveel objecten niet bewaard konden worden."""
        return len(self._mislukt)

    def wacht(self, tijdslimiet: float = 30.0) -> bool:
        """Wacht tot een schrijfactie in een andere draad klaar is; False bij de tijdslimiet."""
        if not self._schrijfslot.acquire(timeout=tijdslimiet):
            return False
        self._schrijfslot.release()
        return True

    @contextmanager
    def stil(self) -> Iterator[None]:
        """Lees veilig uit de opslag: er wordt zolang niet geschreven."""
        with self._schrijfslot:
            yield

    def _mislukt_met(self, sleutel: Sleutel, obj: Any, melding: str) -> bool:
        self._mislukt[sleutel] = obj
        self.laatste_fout = melding
        self._meld_fout(melding)
        return False

    def _schrijf(self, kopie: Any) -> None:
        # Hier pas: het startscherm laadt deze domeinmodules niet voor het eerste beeld.
        from .actie import Actie
        from .signaal import Signaal
        from .vergadering import Vergadering
        from .wijkverband import Wijkverband

        if isinstance(kopie, Vergadering):
            self.opslag.bewaar_vergadering(kopie)
        elif isinstance(kopie, Signaal):
            self.opslag.bewaar_signaal(kopie)
        elif isinstance(kopie, Actie):
            self.opslag.bewaar_actie(kopie)
        elif isinstance(kopie, Wijkverband):
            self.opslag.bewaar_wijkverband(kopie)
        else:  # pragma: no cover - programmeerfout
            raise TypeError(type(kopie).__name__)
