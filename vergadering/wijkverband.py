"""Het wijkverband: leden, partners, thema's, kanalen en de afspraken over de agenda."""

from __future__ import annotations

from dataclasses import dataclass, field

from .agendapunt import Agendapunt, controleer_punten, standaard_na, standaard_voor
from .fouten import OngeldigeInvoer
from .tekst import invoer
from .zinnen import getal

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


def _heel_getal(waarde: object) -> bool:
    """Waar voor een echt geheel getal (True/False tellen niet als getal)."""
    return isinstance(waarde, int) and not isinstance(waarde, bool)


def _lijst(waarden: list[str], veld: str) -> list[str]:
    """Een lijst namen schoon: witruimte eraf, lege en dubbele weg (hoofdletters tellen niet)."""
    uit: list[str] = []
    gezien: set[str] = set()
    for waarde in waarden:
        schoon = invoer(waarde, veld, maximum=200)
        if schoon and schoon.lower() not in gezien:
            gezien.add(schoon.lower())
            uit.append(schoon)
    return uit


MAX_INWONERS = 1_000_000


def controleer_inwoners(waarden: object, buurten: list[str]) -> dict[str, int]:
    """Inwoners per buurt, gecontroleerd; de sleutel krijgt de schrijfwijze uit ``buurten``
    (hoofdletters tellen niet), in de volgorde van ``buurten``. Een fout is één Nederlandse
    zin die de buurt noemt."""
    if not isinstance(waarden, dict):
        raise OngeldigeInvoer("Het inwonertal per buurt is een lijst van buurt en aantal.")
    per_buurt = {b.casefold(): b for b in buurten}
    uit: dict[str, int] = {}
    for buurt, aantal in waarden.items():
        naam = per_buurt.get(str(buurt).strip().casefold())
        if naam is None:
            raise OngeldigeInvoer(
                f"Er is een inwonertal voor '{str(buurt)[:40]}', maar dat is geen buurt van het "
                "wijkverband; zet de buurt erbij of haal het inwonertal weg."
            )
        if not _heel_getal(aantal) or not 1 <= aantal <= MAX_INWONERS:
            raise OngeldigeInvoer(
                f"Het aantal inwoners van {naam} moet een heel getal van 1 tot "
                f"{getal(MAX_INWONERS)} zijn; laat het leeg als je het niet weet."
            )
        if naam in uit:
            raise OngeldigeInvoer(f"{naam} heeft twee inwonertallen; geef er één.")
        uit[naam] = aantal
    return {b: uit[b] for b in buurten if b in uit}


@dataclass
class Lid:
    """Een lid van het wijkverband: bewoner of professional."""

    id: str
    naam: str
    rol: str = "bewoner"
    organisatie: str = ""
    stemrecht: bool = True

    def __post_init__(self) -> None:
        if not str(self.id or "").strip():
            raise OngeldigeInvoer("Een lid heeft een kenmerk nodig.")
        self.naam = invoer(self.naam, "de naam van het lid", verplicht=True, maximum=200)
        self.organisatie = invoer(self.organisatie, "de organisatie", maximum=200)
        if self.rol not in ROLLEN:
            raise OngeldigeInvoer(
                f"'{str(self.rol)[:30]}' is geen rol; kies uit {', '.join(ROLLEN)}."
            )
        if not isinstance(self.stemrecht, bool):
            raise OngeldigeInvoer("Stemrecht is ja of nee.")

    @property
    def weergave(self) -> str:
        """'Naam (organisatie)', of alleen de naam."""
        return f"{self.naam} ({self.organisatie})" if self.organisatie else self.naam


@dataclass
class Agenda:
    """Het agendasjabloon: geplande minuten per fase van het cyclusblok, en de punten vóór
    en na dat blok (zie ``agendapunt``); per wijkverband in te stellen."""

    signalen: int = 5
    acties: int = 10
    terugkoppelen: int = 5
    voor: list[Agendapunt] = field(default_factory=standaard_voor)
    na: list[Agendapunt] = field(default_factory=standaard_na)

    def __post_init__(self) -> None:
        for naam in ("signalen", "acties", "terugkoppelen"):
            waarde = getattr(self, naam)
            if not _heel_getal(waarde) or not 1 <= waarde <= 120:
                raise OngeldigeInvoer(
                    f"De duur van '{naam}' moet tussen 1 en 120 minuten liggen."
                )
        controleer_punten(self.voor, self.na)


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

    def __post_init__(self) -> None:
        for veld in self.__dataclass_fields__:
            setattr(self, veld, invoer(getattr(self, veld), veld.replace("_", " ")))

    def ontbreekt(self) -> list[str]:
        """Wat van deel 5 (terugkoppeling aan inwoners, verplicht in template 1) nog leeg is."""
        delen = (
            (self.terugkoppeling_wat, "wat we terugkoppelen"),
            (self.terugkoppeling_kanaal, "via welk kanaal en wanneer"),
            (self.terugkoppeling_eigenaar, "wie eigenaar is van de terugkoppeling"),
        )
        return [naam for waarde, naam in delen if not waarde]


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
    # Na hoeveel dagen een gesloten signaal zijn contactgegevens kwijtraakt (zie avg.py).
    bewaartermijn_dagen: int = 365
    # Inwoners per buurt (buurtnaam zoals in ``buurten``), voor zover bekend: voor de
    # signalen per 1.000 inwoners bij impact. Een buurt zonder getal is "onbekend".
    inwoners: dict[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # Het kenmerk mag nog leeg zijn: de opslag geeft een nieuw wijkverband er een.
        self.naam = invoer(self.naam, "de naam van het wijkverband", verplicht=True, maximum=200)
        if not _heel_getal(self.stippen_per_lid) or not 1 <= self.stippen_per_lid <= 20:
            raise OngeldigeInvoer("Het aantal stippen per lid moet tussen 1 en 20 liggen.")
        if not _heel_getal(self.max_acties) or not 1 <= self.max_acties <= 10:
            raise OngeldigeInvoer("Het aantal acties per ronde moet tussen 1 en 10 liggen.")
        if self.quorum is not None and (
            not _heel_getal(self.quorum) or not 1 <= self.quorum <= 1000
        ):
            raise OngeldigeInvoer(
                "Het quorum is een aantal leden van 1 of meer; laat het leeg voor "
                "'meer dan de helft'."
            )
        if not _heel_getal(self.bewaartermijn_dagen) or not 30 <= self.bewaartermijn_dagen <= 3650:
            raise OngeldigeInvoer(
                "De bewaartermijn voor contactgegevens ligt tussen 30 en 3650 dagen; de AVG "
                "vraagt niet langer te bewaren dan nodig (standaard 365)."
            )
        self.partners = _lijst(self.partners, "de naam van een partner")
        self.themas = _lijst(self.themas, "een thema")
        self.buurten = _lijst(self.buurten, "een buurt")
        self.kanalen = _lijst(self.kanalen, "een kanaal")
        self.inwoners = controleer_inwoners(self.inwoners, self.buurten)
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

    def voeg_lid_toe(self, lid: Lid) -> None:
        """Voeg een lid toe; een kenmerk dat al bestaat wordt geweigerd."""
        if self.lid(lid.id) is not None:
            raise OngeldigeInvoer(
                f"Er is al een lid met kenmerk '{lid.id[:30]}'; geef het nieuwe lid een eigen."
            )
        self.leden.append(lid)

    def nieuw_lid_id(self, naam: str) -> str:
        """Een vrij kenmerk voor een nieuw lid, afgeleid van de naam ('jan-de-vries-2')."""
        from .ids import slug

        basis = slug(naam) if naam.strip() else "lid"
        if basis == "wijkverband":  # slug geeft dit terug voor een naam zonder letters
            basis = "lid"
        kandidaat, n = basis, 1
        while self.lid(kandidaat) is not None:
            n += 1
            kandidaat = f"{basis}-{n}"
        return kandidaat

    def met_rol(self, rol: str) -> list[Lid]:
        """De leden met deze rol (bijvoorbeeld 'voorzitter'), in volgorde van de ledenlijst."""
        return [lid for lid in self.leden if lid.rol == rol]

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
        """Wie eigenaar van een actie kan zijn: leden (met organisatie) en partnerorganisaties,
        elk één keer (hoofdletters tellen niet: 'Woonstede' en 'woonstede' zijn één)."""
        uit: dict[str, str] = {}
        for naam in [lid.weergave for lid in self.leden] + self.partners:
            uit.setdefault(naam.casefold(), naam)
        return list(uit.values())

    def waarschuwingen(self) -> list[str]:
        """Wat niet klopt maar wel mag (om te tonen bij het instellen), in gewone taal."""
        uit: list[str] = []
        stemmers = len(self.stemgerechtigden())
        if not self.leden:
            uit.append("Het wijkverband heeft nog geen leden.")
        elif stemmers == 0:
            uit.append("Geen enkel lid heeft stemrecht; er kan niet gestemd worden.")
        if self.quorum is not None and self.leden and self.quorum > stemmers:
            uit.append(
                f"Het quorum ({self.quorum}) is groter dan het aantal leden met stemrecht "
                f"({stemmers}); zo kan nooit een besluit vallen."
            )
        if self.leden and not self.met_rol("voorzitter"):
            uit.append("Niemand heeft de rol voorzitter.")
        if not self.kanalen:
            uit.append("Er is geen kanaal voor de terugkoppeling aan bewoners.")
        return uit
