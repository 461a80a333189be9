"""De volgende vergadering vastleggen in deze: datum en eventueel tijd."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical

from vergadering import datumcontrole
from vergadering.volgende import lees_tijd

from .basis import Formulier, Invoer, als_invoer, lees_datum, veld
from .twijfel import BevestigTwijfels

# Zonder eerdere afspraak: zes weken, de gewone afstand tussen twee rondes.
STANDAARD_WEKEN = 6


@dataclass(frozen=True)
class VolgendeVergadering:
    """Datum en tijd ('19:30' of leeg) van de volgende vergadering."""

    datum: date
    tijd: str = ""


class VolgendeVergaderingFormulier(BevestigTwijfels, Formulier[VolgendeVergadering]):
    """Datum (en tijd) van de volgende vergadering; na deze, met een vraag als hij ver weg ligt."""

    titel = "Volgende vergadering"
    knop = "Vastleggen"

    def __init__(self, deze: date, huidig: date | None, tijd: str, vandaag: date) -> None:
        super().__init__()
        self.deze, self.huidig, self.tijd, self.vandaag = deze, huidig, tijd, vandaag

    def velden(self) -> ComposeResult:
        voorstel = self.huidig or self.deze + timedelta(weeks=STANDAARD_WEKEN)
        with Horizontal(classes="rij"):
            with Vertical():
                yield from veld("Datum", Invoer(als_invoer(voorstel), id="datum", voorstel=True))
            with Vertical():
                yield from veld("Tijd (mag leeg)", Invoer(self.tijd, id="tijd",
                                                          placeholder="19:30"))

    def lees(self) -> VolgendeVergadering:
        datum = lees_datum(self.waarde("#datum"), "de datum", self.vandaag)
        datumcontrole.volgende_vergadering(datum, self.deze)  # weigert wat niet kan
        return VolgendeVergadering(datum, lees_tijd(self.waarde("#tijd")))

    def twijfels(self, uitkomst: VolgendeVergadering) -> list[str]:
        return datumcontrole.volgende_vergadering(uitkomst.datum, self.deze)
