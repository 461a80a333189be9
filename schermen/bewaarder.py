"""Bewaren tijdens de vergadering: elke wijziging gaat meteen naar schijf, zonder het scherm
op te houden.

Een wijziging wordt in de hoofddraad gekopieerd (zodat de kopie niet halverwege verandert)
en door één achtergronddraad via de façade bewaard, op volgorde van aanbieden. Twee
wijzigingen van hetzelfde object vóór het bewaren worden samengevoegd: alleen de nieuwste
telt. Mislukt het bewaren, dan blijft het object in het geheugen staan en wordt het bij
``opnieuw()`` nog eens aangeboden; er gaat niets verloren dat getypt is.
"""

from __future__ import annotations

import copy
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from vergadering.actie import Actie
from vergadering.fouten import VergaderingFout
from vergadering.opslag import Opslag
from vergadering.signaal import Signaal
from vergadering.vergadering import Vergadering
from vergadering.wijkverband import Wijkverband

Sleutel = tuple[str, str, str]


def _sleutel(obj: Any) -> Sleutel:
    return (type(obj).__name__, getattr(obj, "wijkverband_id", ""), obj.id)


class Bewaarder:
    """Bewaart domeinobjecten op de achtergrond, één tegelijk, in volgorde.

    ``meld_fout`` en ``meld_gelukt`` worden vanuit de achtergronddraad aangeroepen; de app
    geeft ze door aan de hoofddraad.
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
        self._voorwaarde = threading.Condition()
        self._schrijfslot = threading.Lock()
        self._wachtrij: dict[Sleutel, tuple[Any, Any]] = {}
        self._mislukt: dict[Sleutel, Any] = {}
        self._bezig = 0
        self._draait = False
        self.laatste_fout = ""

    # --- aanbieden -------------------------------------------------------------------

    def bewaar(self, *objecten: Any) -> None:
        """Bied objecten aan om te bewaren; keert meteen terug."""
        with self._voorwaarde:
            for obj in objecten:
                sleutel = _sleutel(obj)
                # Opnieuw aanbieden zet het object achteraan: de volgorde blijft die van
                # de laatste wijziging.
                self._wachtrij.pop(sleutel, None)
                self._wachtrij[sleutel] = (obj, copy.deepcopy(obj))
                self._mislukt.pop(sleutel, None)
            if not self._draait:
                # De vlag staat onder hetzelfde slot als de lege-rij-controle van de draad,
                # dus een aanbieding kan nooit tussen wal en schip vallen.
                self._draait = True
                threading.Thread(target=self._lus, name="bewaarder", daemon=True).start()
            self._voorwaarde.notify_all()

    def opnieuw(self) -> int:
        """Bied alles wat niet bewaard kon worden opnieuw aan; geeft het aantal terug."""
        with self._voorwaarde:
            mislukt = list(self._mislukt.values())
        if mislukt:
            self.bewaar(*mislukt)
        return len(mislukt)

    @property
    def onopgeslagen(self) -> int:
        """Hoeveel objecten niet bewaard konden worden."""
        with self._voorwaarde:
            return len(self._mislukt)

    def wacht(self, tijdslimiet: float = 30.0) -> bool:
        """Wacht tot alles wat aangeboden is geprobeerd is; False bij de tijdslimiet."""
        with self._voorwaarde:
            return self._voorwaarde.wait_for(
                lambda: not self._wachtrij and not self._bezig, timeout=tijdslimiet
            )

    @contextmanager
    def stil(self) -> Iterator[None]:
        """Lees veilig uit de opslag: de achtergronddraad schrijft zolang niet."""
        with self._schrijfslot:
            yield

    # --- de achtergronddraad ---------------------------------------------------------

    def _lus(self) -> None:
        while True:
            with self._voorwaarde:
                if not self._wachtrij:
                    self._draait = False
                    self._voorwaarde.notify_all()
                    return
                sleutel = next(iter(self._wachtrij))
                origineel, kopie = self._wachtrij.pop(sleutel)
                self._bezig += 1
            try:
                with self._schrijfslot:
                    self._schrijf(origineel, kopie)
            except VergaderingFout as fout:
                self._mislukt_met(sleutel, origineel, str(fout))
            except OSError as fout:
                self._mislukt_met(
                    sleutel,
                    origineel,
                    f"Opslaan lukte niet ({fout.strerror or fout}); uw wijziging staat nog "
                    "in het geheugen, probeer het opnieuw met ctrl+s.",
                )
            except Exception as fout:  # noqa: BLE001 - de draad mag nooit stil sterven
                self._mislukt_met(
                    sleutel, origineel, f"Opslaan lukte niet ({type(fout).__name__}); "
                    "uw wijziging staat nog in het geheugen, probeer het opnieuw met ctrl+s."
                )
            else:
                self._meld_gelukt()
            finally:
                with self._voorwaarde:
                    self._bezig -= 1
                    self._voorwaarde.notify_all()

    def _mislukt_met(self, sleutel: Sleutel, origineel: Any, melding: str) -> None:
        with self._voorwaarde:
            # Alleen als er intussen geen nieuwere versie is aangeboden.
            if sleutel not in self._wachtrij:
                self._mislukt[sleutel] = origineel
        self.laatste_fout = melding
        self._meld_fout(melding)

    def _schrijf(self, origineel: Any, kopie: Any) -> None:
        # Het versienummer loopt via het origineel: alleen deze draad verhoogt het.
        kopie.versie = origineel.versie
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
        origineel.versie = kopie.versie
