"""Het wijkverband: leden, partners, thema's, kanalen en de afspraken over de agenda."""

from __future__ import annotations

from dataclasses import dataclass, field

from .fouten import OngeldigeInvoer
from .tekst import invoer

ROLLEN = (
    "voorzitter",
    "notulist",
    "bewoner",
    "ervaringsdeskundige",
    "gemeente",
    "welzijn",
    "woningcorporatie",
    "wijkagent",
    "overig",
)

MEERDERHEIDSREGELS = {
    "gewoon": "meer stemmen voor dan tegen",
    "volstrekt": "meer dan de helft van alle uitgebrachte stemmen, onthoudingen meegeteld",
    "tweederde": "minstens twee derde van de stemmen voor of tegen is voor",
}

STANDAARD_KANALEN = ["inloop", "nieuwsbrief", "website", "buurtapp"]


@dataclass
class Lid:
    """Een lid van het wijkverband: bewoner of professional."""

    id: str
    naam: str
    rol: str = "bewoner"
    organisatie: str = ""
    stemrecht: bool = True

    def __post_init__(self) -> None:
        self.naam = invoer(self.naam, "de naam van het lid", verplicht=True, maximum=200)
        if self.rol not in ROLLEN:
            raise OngeldigeInvoer(
                f"'{self.rol[:30]}' is geen rol; kies uit {', '.join(ROLLEN)}."
            )


@dataclass
class Agenda:
    """Geplande minuten per fase; per wijkverband in te stellen."""

    signalen: int = 5
    acties: int = 10
    terugkoppelen: int = 5

    def __post_init__(self) -> None:
        for naam in ("signalen", "acties", "terugkoppelen"):
            waarde = getattr(self, naam)
            if not isinstance(waarde, int) or not 1 <= waarde <= 120:
                raise OngeldigeInvoer(
                    f"De duur van '{naam}' moet tussen 1 en 120 minuten liggen."
                )


@dataclass
class Participatieafspraken:
    """Template 1: de participatieafspraken van het wijkverband."""

    wijkvraag: str = ""
    doelgroep: str = ""
    gewenste_verandering: str = ""
    merkbaar_wanneer: str = ""
    basisvorm: str = ""
    waar_en_wanneer: str = ""
    organisator: str = ""
    agenderen_wanneer: str = ""
    mandaat: str = ""
    vervolgacties: str = ""
    terugkoppeling_wat: str = ""
    terugkoppeling_kanaal: str = ""
    terugkoppeling_eigenaar: str = ""


@dataclass
class Wijkverband:
    """Een wijkverband (wijkraad): bewoners en professionals die samen de cyclus draaien."""

    id: str
    naam: str
    leden: list[Lid] = field(default_factory=list)
    partners: list[str] = field(default_factory=list)
    themas: list[str] = field(default_factory=list)
    buurten: list[str] = field(default_factory=list)
    kanalen: list[str] = field(default_factory=lambda: list(STANDAARD_KANALEN))
    agenda: Agenda = field(default_factory=Agenda)
    stippen_per_lid: int = 3
    max_acties: int = 2
    quorum: int | None = None
    meerderheid: str = "gewoon"
    afspraken: Participatieafspraken = field(default_factory=Participatieafspraken)
    versie: int = 0

    def __post_init__(self) -> None:
        self.naam = invoer(self.naam, "de naam van het wijkverband", verplicht=True, maximum=200)
        if not 1 <= self.stippen_per_lid <= 20:
            raise OngeldigeInvoer("Het aantal stippen per lid moet tussen 1 en 20 liggen.")
        if not 1 <= self.max_acties <= 10:
            raise OngeldigeInvoer("Het aantal acties per ronde moet tussen 1 en 10 liggen.")
        if self.meerderheid not in MEERDERHEIDSREGELS:
            raise OngeldigeInvoer(
                f"'{self.meerderheid}' is geen meerderheidsregel; kies uit "
                f"{', '.join(MEERDERHEIDSREGELS)}."
            )
        ids = [lid.id for lid in self.leden]
        if len(ids) != len(set(ids)):
            raise OngeldigeInvoer("Twee leden hebben hetzelfde kenmerk; geef elk lid een eigen.")

    def lid(self, lid_id: str) -> Lid | None:
        """Het lid met dit kenmerk, of None."""
        return next((lid for lid in self.leden if lid.id == lid_id), None)

    def stemgerechtigden(self) -> list[Lid]:
        """De leden met stemrecht."""
        return [lid for lid in self.leden if lid.stemrecht]

    def benodigd_quorum(self) -> int:
        """Hoeveel stemgerechtigde leden aanwezig moeten zijn om te besluiten.

        Standaard meer dan de helft van de stemgerechtigden.
        """
        if self.quorum is not None:
            return self.quorum
        return len(self.stemgerechtigden()) // 2 + 1

    def eigenaren(self) -> list[str]:
        """Wie eigenaar van een actie kan zijn: leden (met organisatie) en partners."""
        namen = [
            f"{lid.naam} ({lid.organisatie})" if lid.organisatie else lid.naam
            for lid in self.leden
        ]
        return namen + [p for p in self.partners if p not in namen]
