"""Acties: wat het wijkverband doet, met eigenaar, eerste stap en checkmoment."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from .fouten import OngeldigeInvoer
from .statussen import ACTIESTATUSSEN, OPEN_STATUSSEN, achterstallig
from .tekst import invoer

EERSTE_STAP_DAGEN = 14
CHECKMOMENT_WEKEN = 6
CHECKMOMENT_MIN_WEKEN = 6
CHECKMOMENT_MAX_WEKEN = 8

# Hoe een status in gewone taal klinkt, voor bewoners en op het scherm.
STATUS_IN_WOORDEN = {
    "gepland": "staat gepland",
    "loopt": "is bezig",
    "gereed": "is klaar",
    "vastgelopen": "zit vast",
    "gestopt": "is gestopt",
}


@dataclass
class StatusWijziging:
    """Eén regel in de geschiedenis van een actie."""

    moment: datetime
    status: str
    toelichting: str = ""
    vergadering_id: str | None = None
    door: str = ""  # wie de status doorgaf (bij een update tussen de vergaderingen)


@dataclass
class Actie:
    """Een actie van het wijkverband (template 2)."""

    id: str
    wijkverband_id: str
    nummer: int
    omschrijving: str
    eigenaar: str
    besloten_op: date
    eerste_stap: str = ""
    eerste_stap_datum: date | None = None
    checkmoment: date | None = None
    verandering: str = ""
    terugkoppelzin: str = ""
    partners: list[str] = field(default_factory=list)
    signalen: list[str] = field(default_factory=list)
    vergadering_id: str | None = None
    status: str = "gepland"
    historie: list[StatusWijziging] = field(default_factory=list)
    versie: int = 0

    def __post_init__(self) -> None:
        self.omschrijving = invoer(
            self.omschrijving, "de omschrijving van de actie", verplicht=True
        )
        if not str(self.eigenaar or "").strip():
            raise OngeldigeInvoer("Een actie heeft een eigenaar nodig.")
        self.eigenaar = invoer(self.eigenaar, "de eigenaar", maximum=200)
        self.eerste_stap = invoer(self.eerste_stap, "de eerste stap")
        self.verandering = invoer(self.verandering, "de beoogde verandering")
        self.terugkoppelzin = invoer(self.terugkoppelzin, "de terugkoppelzin")
        # Elke partner één keer ('Woonstede, woonstede ' is één partner), in getypte volgorde.
        partners: dict[str, str] = {}
        for p in self.partners:
            naam = invoer(p, "de naam van een partner", maximum=200)
            if naam:
                partners.setdefault(naam.casefold(), naam)
        partners.pop(self.eigenaar.casefold(), None)  # de eigenaar is geen partner van zichzelf
        self.partners = list(partners.values())
        self._regels()

    def _regels(self) -> None:
        """Alles behalve de tekstvelden: dit geldt ook bij het inlezen uit de opslag, waar de
        tekst al gecontroleerd is toen hij bewaard werd (zie ``omzetten``)."""
        if isinstance(self.nummer, bool) or not isinstance(self.nummer, int) or self.nummer < 1:
            raise OngeldigeInvoer("Het nummer van een actie is een heel getal vanaf 1.")
        for veld in ("besloten_op", "eerste_stap_datum", "checkmoment"):
            waarde = getattr(self, veld)
            if isinstance(waarde, datetime):
                setattr(self, veld, waarde.date())
            elif waarde is not None and not isinstance(waarde, date):
                raise OngeldigeInvoer("Geef een datum op, bijvoorbeeld 23-11-2026.")
        if self.besloten_op is None:
            raise OngeldigeInvoer("Een actie heeft een datum van besluit nodig.")
        if self.eerste_stap_datum is None:
            self.eerste_stap_datum = standaard_eerste_stap(self.besloten_op)
        if self.checkmoment is None:
            self.checkmoment = standaard_checkmoment(self.besloten_op)
        if self.eerste_stap_datum < self.besloten_op:
            raise OngeldigeInvoer("De eerste stap kan niet vóór het besluit liggen.")
        if self.checkmoment < self.besloten_op:
            raise OngeldigeInvoer("Het checkmoment kan niet vóór het besluit liggen.")
        if self.status not in ACTIESTATUSSEN:
            raise OngeldigeInvoer(
                f"'{str(self.status)[:20]}' is geen status; kies uit {', '.join(ACTIESTATUSSEN)}."
            )

    @property
    def status_in_woorden(self) -> str:
        """De status in gewone taal: 'is bezig', 'zit vast', ..."""
        return STATUS_IN_WOORDEN[self.status]

    @property
    def open(self) -> bool:
        """Waar zolang de actie niet gereed of gestopt is."""
        return self.status in OPEN_STATUSSEN

    def laatste_toelichting(self) -> str:
        """De toelichting bij de laatste statuswijziging (of leeg)."""
        return self.historie[-1].toelichting if self.historie else ""

    def zet_status(
        self,
        status: str,
        toelichting: str,
        moment: datetime,
        vergadering_id: str | None = None,
        door: str = "",
    ) -> None:
        """Wijzig de status met een toelichting van één regel; de wijziging komt in de historie.
        ``vergadering_id`` None: tussen de vergaderingen, doorgegeven ``door`` iemand."""
        if status not in ACTIESTATUSSEN:
            raise OngeldigeInvoer(
                f"'{str(status)[:20]}' is geen status; kies uit {', '.join(ACTIESTATUSSEN)}."
            )
        uitleg = invoer(toelichting, "een toelichting van één regel", maximum=500)
        if "\n" in uitleg or "\r" in uitleg:
            raise OngeldigeInvoer("De toelichting is één regel; haal het regeleinde weg.")
        if status in ("vastgelopen", "gestopt") and not uitleg:
            raise OngeldigeInvoer(f"Zeg in één regel waarom de actie {status} is.")
        wie = invoer(door, "wie de status doorgaf", maximum=200)
        self.status = status
        self.historie.append(StatusWijziging(moment, status, uitleg, vergadering_id, wie))

    def update_tussendoor(self) -> StatusWijziging | None:
        """De laatste statuswijziging als die tussen de vergaderingen kwam (niet in een
        vergadering): fase 3 toont haar als al gedaan. None als er daarna al vergaderd is."""
        if self.historie and self.historie[-1].vergadering_id is None:
            return self.historie[-1]
        return None

    def sinds(self) -> datetime | None:
        """Wanneer de huidige status inging (None als er nog geen wijziging is geweest)."""
        return self.historie[-1].moment if self.historie else None

    def achterstallig(self, vandaag: date) -> list[str]:
        """Wat over tijd is, in woorden: de eerste stap en/of het checkmoment."""
        return achterstallig(self.status, self.eerste_stap_datum, self.checkmoment, vandaag)


def standaard_eerste_stap(besluit: date) -> date:
    """De eerste stap valt binnen twee weken: standaard 14 dagen na het besluit."""
    return besluit + timedelta(days=EERSTE_STAP_DAGEN)


def standaard_checkmoment(besluit: date) -> date:
    """Het checkmoment ligt standaard zes weken na het besluit."""
    return besluit + timedelta(weeks=CHECKMOMENT_WEKEN)


def waarschuwingen(actie: Actie) -> list[str]:
    """Zachte regels: wat afwijkt van de afspraak, zonder het te weigeren."""
    uit: list[str] = []
    if actie.eerste_stap_datum and (actie.eerste_stap_datum - actie.besloten_op).days > 14:
        uit.append("De eerste stap ligt verder dan twee weken na het besluit.")
    # De regel van zes tot acht weken geldt voor het eerste checkmoment; na een bespreking
    # in een latere vergadering spreekt men het volgende af.
    besproken = any(h.vergadering_id not in (None, actie.vergadering_id) for h in actie.historie)
    if actie.checkmoment and not besproken:
        dagen = (actie.checkmoment - actie.besloten_op).days
        if not CHECKMOMENT_MIN_WEKEN * 7 <= dagen <= CHECKMOMENT_MAX_WEKEN * 7:
            uit.append("Het checkmoment ligt niet tussen zes en acht weken na het besluit.")
    stap, check = actie.eerste_stap_datum, actie.checkmoment
    if stap and check and check < stap:
        uit.append("Het checkmoment ligt vóór de eerste stap.")
    if not actie.eerste_stap:
        uit.append("De eerste stap is nog niet beschreven.")
    if not actie.verandering:
        uit.append("De beoogde verandering voor bewoners ontbreekt nog.")
    if not actie.terugkoppelzin:
        uit.append("De terugkoppelzin voor bewoners ontbreekt nog.")
    return uit
