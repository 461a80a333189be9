"""Het agendasjabloon van een wijkverband: punten vóór en na het vaste cyclusblok.

Het cyclusblok zelf (signalen → acties → terugkoppelen, met de minuten uit ``Agenda``) staat
altijd in het midden en is niet weg te halen; alleen de punten eromheen zijn vrij. Dit
module is gewone data zonder verwijzingen naar de vergadering, zodat ``wijkverband`` het kan
gebruiken; wat een vergadering ermee doet staat in ``agenda``.
"""

from __future__ import annotations

from dataclasses import dataclass

from .fouten import OngeldigeInvoer
from .tekst import invoer

# Wat een agendapunt kan zijn: een gewoon punt, of het vaststellen van het vorige verslag.
SOORTEN = ("punt", "verslag")
MAX_MINUTEN = 120
MAX_PUNTEN = 12  # vóór of na het cyclusblok; meer is geen agenda meer maar een lijst


@dataclass
class Agendapunt:
    """Eén punt van het sjabloon: titel en geplande minuten (0: geen vaste tijd)."""

    titel: str
    minuten: int = 5
    soort: str = "punt"

    def __post_init__(self) -> None:
        self.titel = invoer(self.titel, "de titel van een agendapunt", verplicht=True,
                            maximum=80)
        if self.soort not in SOORTEN:
            raise OngeldigeInvoer(
                f"'{str(self.soort)[:20]}' is geen soort agendapunt; kies punt of verslag."
            )
        controleer_minuten(self.minuten, self.titel, minimum=0)


def controleer_minuten(minuten: object, titel: str, minimum: int = 1) -> None:
    """Een duur in hele minuten tussen ``minimum`` en 120, anders één zin met de titel."""
    if (isinstance(minuten, bool) or not isinstance(minuten, int)
            or not minimum <= minuten <= MAX_MINUTEN):
        raise OngeldigeInvoer(
            f"De duur van '{str(titel)[:40]}' moet tussen {minimum} en {MAX_MINUTEN} "
            "minuten liggen."
        )


def standaard_voor() -> list[Agendapunt]:
    """De punten vóór het cyclusblok in het standaardsjabloon."""
    return [
        Agendapunt("Opening en mededelingen", 5),
        Agendapunt("Verslag en actielijst vorige keer vaststellen", 5, "verslag"),
    ]


def standaard_na() -> list[Agendapunt]:
    """De punten na het cyclusblok in het standaardsjabloon."""
    return [Agendapunt("Rondvraag", 5), Agendapunt("Sluiting", 0)]


def controleer_punten(voor: list[Agendapunt], na: list[Agendapunt]) -> None:
    """Het sjabloon als geheel: niet te lang, en hoogstens één keer het vorige verslag."""
    for punten, waar in ((voor, "vóór"), (na, "na")):
        if len(punten) > MAX_PUNTEN:
            raise OngeldigeInvoer(
                f"Zet hoogstens {MAX_PUNTEN} punten {waar} het cyclusblok."
            )
    if sum(1 for p in [*voor, *na] if p.soort == "verslag") > 1:
        raise OngeldigeInvoer("Het vorige verslag kan maar één keer op de agenda staan.")


def als_regels(punten: list[Agendapunt]) -> str:
    """Het sjabloon als tekst, één punt per regel: 'Opening en mededelingen, 5'."""
    return "\n".join(f"{p.titel}, {p.minuten}" for p in punten)


VERSLAG_WOORD = "verslag"


def uit_regels(tekst: str, waar: str, verslag_mag: bool = True) -> list[Agendapunt]:
    """Lees punten uit tekst (één per regel: titel, minuten). Een titel met 'verslag' erin
    wordt het vaststellen van het vorige verslag, als er nog geen is. Geeft een zin met het
    regelnummer bij een fout."""
    punten: list[Agendapunt] = []
    for nummer, regel in enumerate(tekst.splitlines(), 1):
        if not regel.strip():
            continue
        titel, komma, rest = regel.rpartition(",")
        if not komma:
            titel, rest = regel, ""
        titel, rest = titel.strip(), rest.strip()
        if rest and not rest.isdigit():
            raise OngeldigeInvoer(
                f"{waar}, regel {nummer}: zet achter de komma het aantal minuten "
                "(bijvoorbeeld 'Rondvraag, 5')."
            )
        minuten = int(rest) if rest else 0
        soort = "punt"
        if verslag_mag and VERSLAG_WOORD in titel.lower():
            soort, verslag_mag = "verslag", False
        try:
            punten.append(Agendapunt(titel, minuten, soort))
        except OngeldigeInvoer as fout:
            raise OngeldigeInvoer(f"{waar}, regel {nummer}: {fout}") from None
    return punten
