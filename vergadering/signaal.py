"""Signalen uit de wijk: wat bewoners zeggen of zien."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from .bundels import bundelaantallen, bundelkinderen, onder
from .datums import als_datum
from .fouten import OngeldigeInvoer
from .praktijkvormen import PRAKTIJKVORMEN
from .statussen import SIGNAALSTATUSSEN
from .tekst import invoer


@dataclass
class Contact:
    """Privé: wie het signaal gaf en hoe die te bereiken is. Komt nooit in openbare stukken."""

    naam: str = ""
    gegevens: str = ""

    def leeg(self) -> bool:
        """Waar als er niets is ingevuld."""
        return not (self.naam.strip() or self.gegevens.strip())


def lees_contact(tekst: str) -> Contact | None:
    """Een getypte contactregel, "naam; telefoon of e-mail", als ``Contact`` (None als hij
    leeg is). Zonder ';' is het een naam, of gegevens als er een @ of cijfers in staan."""
    tekst = invoer(tekst, "het contact", maximum=500)
    if not tekst:
        return None
    if ";" in tekst:
        naam, gegevens = (deel.strip() for deel in tekst.split(";", 1))
    elif "@" in tekst or sum(c.isdigit() for c in tekst) >= 6:
        naam, gegevens = "", tekst
    else:
        naam, gegevens = tekst, ""
    invoer(naam, "de naam van het contact", maximum=200)
    contact = Contact(naam, gegevens)
    return None if contact.leeg() else contact


@dataclass
class Signaal:
    """Een kort signaal uit de wijk."""

    id: str
    wijkverband_id: str
    tekst: str
    datum: date
    vorm: str = "overig"
    thema: str = ""
    buurt: str = ""
    aantal: int = 1
    contact: Contact | None = None
    status: str = "nieuw"
    reden: str = ""
    gebundeld_in: str | None = None
    vergadering_id: str | None = None
    versie: int = 0
    extra: dict = field(default_factory=dict)
    # Wat er met het signaal zelf gebeurde dat niet in een vergadering staat, één regel per
    # keer ("06-12-2026: Contactgegevens geanonimiseerd volgens de bewaartermijn.").
    historie: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.tekst = invoer(self.tekst, "de tekst van het signaal", verplicht=True)
        self.thema = invoer(self.thema, "het thema", maximum=200)
        self.buurt = invoer(self.buurt, "de buurt", maximum=200)
        self.reden = invoer(self.reden, "de reden", maximum=1000)
        self._regels()

    def _regels(self) -> None:
        """Alles behalve de tekstvelden: dit geldt ook bij het inlezen uit de opslag, waar de
        tekst al gecontroleerd is toen hij bewaard werd (zie ``omzetten``)."""
        self.datum = als_datum(self.datum, "Een signaal")
        if self.vorm not in PRAKTIJKVORMEN:
            self.vorm = _vorm(self.vorm)
        if self.vorm not in PRAKTIJKVORMEN:
            raise OngeldigeInvoer(
                f"'{str(self.vorm)[:20]}' is geen praktijkvorm; kies A, B, C, D of overig."
            )
        if isinstance(self.aantal, bool) or not isinstance(self.aantal, int):
            raise OngeldigeInvoer("Het aantal bewoners moet een heel getal zijn.")
        if not 1 <= self.aantal <= 100_000:
            raise OngeldigeInvoer("Het aantal bewoners moet tussen 1 en 100.000 liggen.")
        if self.status not in SIGNAALSTATUSSEN:
            raise OngeldigeInvoer(
                f"'{str(self.status)[:20]}' is geen status van een signaal; kies uit "
                f"{', '.join(SIGNAALSTATUSSEN)}."
            )
        if self.contact is not None and self.contact.leeg():
            self.contact = None

    @property
    def open(self) -> bool:
        """Waar als het signaal nog aan bod kan komen (nieuw of geparkeerd)."""
        return self.status in ("nieuw", "geparkeerd")

    def parkeer(self, reden: str, vergadering_id: str | None = None) -> None:
        """Parkeer het signaal met een reden; het komt in de volgende ronde terug."""
        if self.status in ("gebundeld", "afgehandeld"):
            raise OngeldigeInvoer(_al_weg(self, "geparkeerd"))
        self.reden = invoer(reden, "de reden om te parkeren", verplicht=True, maximum=1000)
        self.status = "geparkeerd"
        self.vergadering_id = vergadering_id

    def kies(self, vergadering_id: str) -> None:
        """Markeer het signaal als gekozen: er komt een actie van."""
        if self.status in ("gebundeld", "afgehandeld"):
            raise OngeldigeInvoer(_al_weg(self, "gekozen"))
        self.status = "gekozen"
        self.reden = ""
        self.vergadering_id = vergadering_id

    def handel_af(self, reden: str, vergadering_id: str | None = None) -> None:
        """Zet het signaal op afgehandeld (bijvoorbeeld buiten het wijkverband om opgelost)."""
        if self.status == "gebundeld":
            raise OngeldigeInvoer(_al_weg(self, "afgehandeld"))
        self.reden = invoer(reden, "waarom het signaal klaar is", verplicht=True, maximum=1000)
        self.status = "afgehandeld"
        self.vergadering_id = vergadering_id

    def heropen(self) -> None:
        """Zet een gekozen, geparkeerd of afgehandeld signaal terug op nieuw."""
        if self.status == "gebundeld":
            raise OngeldigeInvoer("Dit signaal is gebundeld; ontbundel het eerst.")
        self.status = "nieuw"
        self.reden = ""


def _vorm(vorm: object) -> object:
    """'a' wordt 'A', 'Overig' wordt 'overig', 'Buurtgesprekken' en 'A — buurtgesprekken'
    worden 'A' (zo staat het in een spreadsheet); de rest blijft zoals het is (en wordt
    getoetst)."""
    if isinstance(vorm, str):
        schoon = " ".join(vorm.split())
        if schoon.upper() in ("A", "B", "C", "D"):
            return schoon.upper()
        if schoon.lower() in ("overig", "anders", "anders opgehaald"):
            return "overig"
        for sleutel, naam in PRAKTIJKVORMEN.items():
            if schoon.casefold() in (naam.casefold(), f"{sleutel} — {naam}".casefold(),
                                     f"{sleutel} - {naam}".casefold(),
                                     f"{sleutel}. {naam}".casefold()):
                return sleutel
    return vorm


def _al_weg(signaal: Signaal, wat: str) -> str:
    if signaal.status == "gebundeld":
        return f"Dit signaal is gebundeld in een ander; dat hoofdsignaal kan {wat} worden."
    return f"Dit signaal is al afgehandeld; heropen het eerst als het toch {wat} moet worden."


def bundel(hoofd: Signaal, dubbel: Signaal) -> None:
    """Bundel een dubbel signaal in het hoofdsignaal; de aantallen tellen op (zie ``totaal``).

    Signalen die al in ``dubbel`` gebundeld waren, blijven daaronder hangen en tellen via
    ``dubbel`` mee in het hoofdsignaal; ontbundelen geeft die groep weer terug.
    """
    if hoofd.id == dubbel.id:
        raise OngeldigeInvoer("Een signaal kan niet met zichzelf gebundeld worden.")
    if hoofd.wijkverband_id != dubbel.wijkverband_id:
        raise OngeldigeInvoer("Signalen van verschillende wijkverbanden kunnen niet samen.")
    if hoofd.status == "gebundeld":
        raise OngeldigeInvoer(
            "Bundel in het hoofdsignaal, niet in een signaal dat al gebundeld is."
        )
    if not dubbel.open:
        raise OngeldigeInvoer("Alleen een nieuw of geparkeerd signaal kan gebundeld worden.")
    dubbel.status = "gebundeld"
    dubbel.gebundeld_in = hoofd.id
    dubbel.reden = ""


def ontbundel(dubbel: Signaal) -> None:
    """Maak een bundeling ongedaan: het signaal staat weer los."""
    if dubbel.status != "gebundeld":
        raise OngeldigeInvoer("Dit signaal is niet gebundeld.")
    dubbel.status = "nieuw"
    dubbel.gebundeld_in = None


def gebundeld_onder(
    hoofd: Signaal, alle: list[Signaal], kinderen: dict[str, list[Signaal]] | None = None
) -> list[Signaal]:
    """De signalen die (direct of via een ander) in ``hoofd`` gebundeld zijn."""
    if kinderen is None:
        kinderen = bundelkinderen(alle)
    return onder(hoofd.id, kinderen)


def totaal(hoofd: Signaal, alle: list[Signaal]) -> int:
    """Het aantal bewoners achter een signaal, inclusief de signalen die erin gebundeld zijn."""
    return hoofd.aantal + sum(s.aantal for s in gebundeld_onder(hoofd, alle))


def totalen(alle: list[Signaal], *, alleen_open: bool = True) -> dict[str, int]:
    """``totaal`` voor elk open signaal (of met ``alleen_open=False`` voor elk signaal)
    tegelijk, in één keer door de lijst: na tien jaar staan er duizend open en twintigduizend
    signalen in totaal, en ``totaal`` per signaal bouwt de bundels telkens opnieuw op."""
    extra = bundelaantallen(alle)
    return {s.id: s.aantal + extra.get(s.id, 0) for s in alle if not alleen_open or s.open}
