"""De terugkoppeling aan bewoners (template 3)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from . import datums
from .fouten import OngeldigeInvoer
from .tekst import invoer
from .zinnen import met_hoofdletter, zonder_slot

if TYPE_CHECKING:
    from .actie import Actie

# De kopjes van template 3, in de volgorde van het sjabloon.
KOPJES = (
    "Dit hoorden we in de wijk",
    "Dit hebben we gedaan / gaan we doen",
    "Dit lukt (nog) niet — en waarom",
    "Volgende update",
    "Contact / meedoen",
)


@dataclass
class Terugkoppeling:
    """Template 3, in gewone taal: wat we hoorden, wat we doen, wat (nog) niet lukt,
    wanneer en hoe de volgende update komt, en hoe bewoners kunnen reageren of meedoen."""

    gehoord: str = ""
    gedaan: str = ""
    lukt_niet: str = ""
    volgende_update: date | None = None
    kanaal: str = ""
    eigenaar: str = ""
    contact: str = ""
    # De hele tekst zoals de notulist hem na het sluiten nog bewerkte (leeg: de tekst uit de
    # velden hierboven). Dit is wat bewoners lezen; de privacycheck loopt erover.
    eindtekst: str = ""

    def __post_init__(self) -> None:
        for veld in ("gehoord", "gedaan", "lukt_niet", "contact"):
            setattr(self, veld, invoer(getattr(self, veld), veld.replace("_", " ")))
        self.eindtekst = invoer(self.eindtekst, "de eindtekst", maximum=30_000)
        self.kanaal = invoer(self.kanaal, "het kanaal", maximum=200)
        self.eigenaar = invoer(self.eigenaar, "de eigenaar", maximum=200)
        self._regels()

    def _regels(self) -> None:
        """Alles behalve de tekstvelden: dit geldt ook bij het inlezen uit de opslag, waar de
        tekst al gecontroleerd is toen hij bewaard werd (zie ``omzetten``)."""
        if self.volgende_update is not None and not isinstance(self.volgende_update, date):
            raise OngeldigeInvoer("Geef de volgende update een datum, bijvoorbeeld 23-11-2026.")

    def volgende_update_tekst(self) -> str:
        """'maandag 4 januari 2027 via de nieuwsbrief' (of wat ervan bekend is)."""
        from . import datums

        delen = []
        if self.volgende_update is not None:
            delen.append(datums.lang(self.volgende_update))
        if self.kanaal:
            delen.append(f"via {self.kanaal}")
        return " ".join(delen)

    def onderdelen(self) -> list[tuple[str, str]]:
        """De vijf delen van template 3 als (kopje, tekst), voor scherm en document.

        Het eigenaarschap is voor intern gebruik en staat er daarom niet in.
        """
        return list(
            zip(
                KOPJES,
                (self.gehoord, self.gedaan, self.lukt_niet, self.volgende_update_tekst(),
                 self.contact),
                strict=True,
            )
        )

    def ontbreekt(self, vandaag: date | None = None) -> list[str]:
        """Wat nog ingevuld moet worden voordat de vergadering gesloten kan worden."""
        mist = []
        if not (self.gehoord or self.gedaan):
            mist.append("wat we hoorden of wat we doen")
        if self.volgende_update is None:
            mist.append("de datum van de volgende update")
        elif vandaag is not None and self.volgende_update < vandaag:
            mist.append("een datum voor de volgende update die nog moet komen")
        if not self.kanaal:
            mist.append("het kanaal")
        if not self.eigenaar:
            mist.append("de eigenaar van de terugkoppeling")
        return mist


def actiezin(actie: Actie, m: Callable[[str], str] = str) -> str:
    """Eén actie in één zin voor bewoners: wat (de terugkoppelzin als die er is), wie en
    wanneer, met de datums voluit ('… Tom Hendriks zet de eerste stap vóór dinsdag 1
    december 2026; op dinsdag 29 december 2026 kijken we hoe het gaat.')."""
    wat = zonder_slot(m(actie.terugkoppelzin) or m(actie.omschrijving))
    wie = actie.eigenaar.split(" (", 1)[0].strip()
    delen = [wat + "."]
    if actie.eerste_stap_datum:
        stap = datums.lang(actie.eerste_stap_datum)
        delen.append(f"{wie} zet de eerste stap vóór {stap}" if wie
                     else f"De eerste stap volgt vóór {stap}")
        if actie.checkmoment:
            delen[-1] += f"; op {datums.lang(actie.checkmoment)} kijken we hoe het gaat"
        delen[-1] += "."
    return met_hoofdletter(" ".join(delen))
