"""Eén vergadering: één ronde van de cyclus, met drie getimede fasen."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from .correctie import Correctie, Grenskeuze
from .datums import als_datum
from .fouten import OngeldigeInvoer
from .stemming import Stemming
from .tekst import invoer
from .terugkoppeling import Terugkoppeling
from .wijkverband import Agenda, Wijkverband

FASEN = (
    ("signalen", "Top 5 signalen"),
    ("acties", "Top 1–2 acties"),
    ("terugkoppelen", "Wat koppelen we terug?"),
)
AANWEZIGHEID = ("aanwezig", "afgemeld", "afwezig")


@dataclass
class Fase:
    """Een agendapunt met geplande en gebruikte tijd.

    De gebruikte tijd is ``gebruikt_s`` plus, als de klok loopt, de tijd sinds
    ``gestart_op`` (seconden sinds 1970, zodat het een herstart overleeft).
    """

    sleutel: str
    titel: str
    gepland_s: int
    extra_s: int = 0
    gebruikt_s: float = 0.0
    gestart_op: float | None = None
    notities: str = ""
    # "" voor een fase van het cyclusblok (ook in een bestand van vóór het agendasjabloon),
    # anders de soort agendapunt eromheen: "punt", "verslag" of "extra" (alleen deze keer).
    soort: str = ""

    @property
    def cyclus(self) -> bool:
        """Waar voor een fase van het cyclusblok (signalen, acties, terugkoppelen)."""
        return not self.soort


@dataclass
class Score:
    """Weging van een topsignaal: haalbaarheid en impact, elk 1–5."""

    haalbaarheid: int = 3
    impact: int = 3

    def __post_init__(self) -> None:
        self._regels()

    def _regels(self) -> None:
        """De controle, ook bij het inlezen uit de opslag (zie ``omzetten``)."""
        for naam in ("haalbaarheid", "impact"):
            waarde = getattr(self, naam)
            if isinstance(waarde, bool) or not isinstance(waarde, int) or not 1 <= waarde <= 5:
                raise OngeldigeInvoer(f"Geef {naam} een cijfer van 1 tot en met 5.")

    @property
    def totaal(self) -> int:
        """Haalbaarheid maal impact: hoger is beter."""
        return self.haalbaarheid * self.impact


@dataclass
class LogRegel:
    """Wat er gebeurde, wanneer, in welke fase: voor het verslag."""

    moment: datetime
    fase: str
    tekst: str


@dataclass
class Vergadering:
    """Een vergadering van een wijkverband."""

    id: str
    wijkverband_id: str
    datum: date
    plaats: str = ""
    aanwezigheid: dict[str, str] = field(default_factory=dict)
    gasten: list[str] = field(default_factory=list)
    voorzitter: str = ""
    notulist: str = ""
    fasen: list[Fase] = field(default_factory=list)
    fase_index: int = 0
    gestart: bool = False
    gesloten_op: datetime | None = None
    stippen: dict[str, int] = field(default_factory=dict)
    top5: list[str] = field(default_factory=list)
    scores: dict[str, Score] = field(default_factory=dict)
    stemmingen: list[Stemming] = field(default_factory=list)
    acties: list[str] = field(default_factory=list)
    reden_extra_acties: str = ""
    statusupdates: list[str] = field(default_factory=list)
    logboek: list[LogRegel] = field(default_factory=list)
    terugkoppeling: Terugkoppeling = field(default_factory=Terugkoppeling)
    # Het vaststellen van het vorige verslag (zie ``agenda``): in deze vergadering de
    # correcties uit de zaal en welke vergadering is vastgesteld; in de vastgestelde
    # vergadering wanneer, waar en met welke correcties.
    correcties_vorig: str = ""
    vorig_vastgesteld: str = ""
    vastgesteld_op: date | None = None
    vastgesteld_in: str = ""
    vastgestelde_correcties: str = ""
    # De keuzes van de privacycheck: per vondst (``persoonsgegevens.sleutel``) "behouden" of
    # "maskeren" (zie ``privacycheck``).
    privacykeuzes: dict[str, str] = field(default_factory=dict)
    volgende_vergadering: date | None = None
    # Toegevoegd in sessie 5 (issue 10); oude bestanden lezen met de standaardwaarden.
    volgende_tijd: str = ""  # '19:30', of leeg
    grenskeuze: Grenskeuze | None = None
    correcties: list[Correctie] = field(default_factory=list)
    versie: int = 0

    def __post_init__(self) -> None:
        self.plaats = invoer(self.plaats, "de plaats", maximum=200)
        self.voorzitter = invoer(self.voorzitter, "de voorzitter", maximum=200)
        self.notulist = invoer(self.notulist, "de notulist", maximum=200)
        self._regels()

    def _regels(self) -> None:
        """Alles behalve de tekstvelden: dit geldt ook bij het inlezen uit de opslag, waar de
        tekst al gecontroleerd is toen hij bewaard werd (zie ``omzetten``)."""
        self.datum = als_datum(self.datum, "Een vergadering")
        for stand in self.aanwezigheid.values():
            _controleer_stand(stand)
        if not self.fasen:
            # Elke vergadering heeft de vaste agenda; zonder opgave de standaardduur.
            self.fasen = standaard_fasen(Agenda())
        if not 0 <= self.fase_index < len(self.fasen):
            raise OngeldigeInvoer(
                f"Fase {self.fase_index + 1} bestaat niet; deze vergadering heeft er "
                f"{len(self.fasen)}."
            )
        for n in self.stippen.values():
            if isinstance(n, bool) or not isinstance(n, int) or n < 0:
                raise OngeldigeInvoer("Het aantal stippen moet 0 of meer zijn.")

    @property
    def gesloten(self) -> bool:
        """Waar als de vergadering gesloten is."""
        return self.gesloten_op is not None

    @property
    def fase(self) -> Fase:
        """De huidige fase."""
        return self.fasen[self.fase_index]

    def aanwezigen(self) -> list[str]:
        """De kenmerken van de aanwezige leden."""
        return [lid_id for lid_id, stand in self.aanwezigheid.items() if stand == "aanwezig"]

    def zet_aanwezigheid(self, wijkverband: Wijkverband, lid_id: str, stand: str) -> None:
        """Zet een lid op aanwezig, afgemeld of afwezig (alleen leden van het wijkverband)."""
        _controleer_stand(stand)
        if wijkverband.lid(lid_id) is None:
            raise OngeldigeInvoer(f"'{str(lid_id)[:30]}' is geen lid van {wijkverband.naam}.")
        self.aanwezigheid[lid_id] = stand

    def log(self, moment: datetime, tekst: str) -> None:
        """Schrijf een regel in het logboek van de notulist."""
        fase = self.fasen[self.fase_index].sleutel if self.fasen else ""
        self.logboek.append(LogRegel(moment, fase, tekst))


def standaard_fasen(agenda: Agenda) -> list[Fase]:
    """De drie fasen van de vaste agenda, met de geplande duur uit ``agenda``."""
    return [Fase(sleutel, titel, getattr(agenda, sleutel) * 60) for sleutel, titel in FASEN]


def agenda_fasen(agenda: Agenda) -> list[Fase]:
    """De hele agenda uit het sjabloon: de punten vóór, het cyclusblok, de punten na."""
    from .agenda import fasen_uit_sjabloon  # agenda.py gebruikt Fase uit deze module

    return fasen_uit_sjabloon(agenda, standaard_fasen(agenda))


def _controleer_stand(stand: object) -> None:
    if stand not in AANWEZIGHEID:
        raise OngeldigeInvoer(
            f"'{str(stand)[:20]}' is geen aanwezigheid; kies aanwezig, afgemeld of afwezig."
        )


def nieuwe_vergadering(
    wijkverband: Wijkverband,
    vergadering_id: str,
    datum: date,
    plaats: str = "",
    aanwezigheid: dict[str, str] | None = None,
    voorzitter: str = "",
    notulist: str = "",
) -> Vergadering:
    """Een nieuwe vergadering met de agenda uit het sjabloon van het wijkverband: de punten
    eromheen en de drie fasen met hun duur.

    Zonder opgegeven aanwezigheid staat iedereen op aanwezig; zonder voorzitter of notulist
    wordt het lid met die rol voorgesteld.
    """
    fasen = agenda_fasen(wijkverband.agenda)
    onbekend = [i for i in (aanwezigheid or {}) if wijkverband.lid(i) is None]
    if onbekend:
        raise OngeldigeInvoer(f"'{onbekend[0][:30]}' is geen lid van {wijkverband.naam}.")
    return Vergadering(
        id=vergadering_id,
        wijkverband_id=wijkverband.id,
        datum=datum,
        plaats=plaats,
        aanwezigheid=dict(aanwezigheid or {lid.id: "aanwezig" for lid in wijkverband.leden}),
        voorzitter=voorzitter or _met_rol(wijkverband, "voorzitter"),
        notulist=notulist or _met_rol(wijkverband, "notulist"),
        fasen=fasen,
    )


def _met_rol(wijkverband: Wijkverband, rol: str) -> str:
    leden = wijkverband.met_rol(rol)
    return leden[0].naam if leden else ""
