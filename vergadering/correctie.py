"""Correcties en de keuze op de grens: wat de voorzitter achteraf rechtzette, en waarom.

Een correctie (een bundel ongedaan maken, een stemming corrigeren, een gesloten vergadering
heropenen) komt met tijd en reden in ``Vergadering.correcties`` en in het logboek; het
verslag neemt ze over. De beschrijving noemt alleen wat er veranderde (signaaltekst,
telling), nooit gegevens van bewoners; het verslag maskeert vrije tekst nog eens.

Bij gelijke stippen op de grens van de top 5 kiest de voorzitter; ``Grenskeuze`` legt vast
wie gelijk stonden, wie gekozen werden en waarom.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from .fouten import OngeldigeInvoer
from .tekst import invoer, kort

if TYPE_CHECKING:
    from .signaal import Signaal
    from .stemming import Stemming
    from .vergadering import Vergadering
    from .wijkverband import Wijkverband

# Soorten correcties, met hoe ze in het verslag heten.
SOORTEN = {
    "bundel": "Bundel ongedaan gemaakt",
    "stemming": "Stemming gecorrigeerd",
    "heropend": "Vergadering heropend",
}


@dataclass
class Correctie:
    """Eén correctie: wanneer, wat, waarom en (bij heropenen) door wie."""

    moment: datetime
    soort: str
    wat: str
    reden: str
    wie: str = ""


@dataclass
class Grenskeuze:
    """De keuze van de voorzitter bij gelijke stippen op de grens van de top 5."""

    stippen: int
    gelijk: list[str] = field(default_factory=list)  # alle signalen die gelijk stonden
    gekozen: list[str] = field(default_factory=list)  # de signalen die de top 5 in gingen
    reden: str = ""


def reden_van(reden: str, wat: str = "waarom") -> str:
    """Een verplichte reden van één regel (hoogstens 300 tekens)."""
    schoon = invoer(reden, wat, maximum=300)
    if not schoon.strip():
        raise OngeldigeInvoer("Zeg kort waarom; dat komt in het verslag.")
    if "\n" in schoon or "\r" in schoon:
        raise OngeldigeInvoer("De reden is één regel; haal het regeleinde weg.")
    return schoon


def _open(vergadering: Vergadering) -> None:
    if vergadering.gesloten:
        raise OngeldigeInvoer(
            "Deze vergadering is gesloten; heropen haar eerst (op het startscherm met r)."
        )


def noteer(vergadering: Vergadering, moment: datetime, soort: str, wat: str, reden: str,
           wie: str = "") -> Correctie:
    """Zet een correctie in de vergadering en in het logboek."""
    correctie = Correctie(moment, soort, wat, reden, wie)
    vergadering.correcties.append(correctie)
    door = f" door {wie}" if wie else ""
    vergadering.log(moment, f"{SOORTEN.get(soort, 'Correctie')}{door}: {wat} Reden: {reden}")
    return correctie


def ontbundel(vergadering: Vergadering, dubbel: Signaal, hoofd: Signaal | None, reden: str,
              moment: datetime) -> Correctie:
    """Maak een bundel ongedaan: ``dubbel`` staat weer los (nieuw), met de reden erbij.

    De stippen blijven bij het hoofdsignaal: hoeveel ervan bij het dubbele hoorden, is na
    het bundelen niet meer te zeggen; de voorzitter zet ze zo nodig opnieuw.
    """
    from .signaal import ontbundel as maak_los

    _open(vergadering)
    schoon = reden_van(reden)
    maak_los(dubbel)
    dubbel.vergadering_id = None
    waar = f" uit '{kort(hoofd.tekst, 40)}'" if hoofd is not None else ""
    return noteer(vergadering, moment, "bundel",
                  f"'{kort(dubbel.tekst, 40)}'{waar} staat weer los.", schoon)


def corrigeer_stemming(
    vergadering: Vergadering,
    oud: Stemming,
    nieuw: Stemming,
    reden: str,
    moment: datetime,
) -> Correctie:
    """Vervang de telling van een vastgelegde stemming door ``nieuw`` (van
    ``regels.nieuwe_stemming``); de oude telling komt in de correctie.

    Werd er na de stemming een actie aangenomen en is de gecorrigeerde stemming niet meer
    aangenomen, dan wordt dat geweigerd: eerst de actie terugtrekken.
    """
    _open(vergadering)
    schoon = reden_van(reden)
    if oud not in vergadering.stemmingen:
        raise OngeldigeInvoer("Die stemming staat niet (meer) in deze vergadering.")
    if oud.actie_id and oud.actie_id in vergadering.acties and not nieuw.aangenomen:
        raise OngeldigeInvoer(
            "Na deze stemming is een actie aangenomen, en met de nieuwe telling is het voorstel "
            "niet aangenomen; trek eerst de actie terug (t) en corrigeer dan de stemming."
        )
    was = oud.telling()
    oud.voor, oud.tegen, oud.onthouding = nieuw.voor, nieuw.tegen, nieuw.onthouding
    oud.per_lid = dict(nieuw.per_lid) if nieuw.per_lid is not None else None
    oud.aanwezig, oud.quorum, oud.regel = nieuw.aanwezig, nieuw.quorum, nieuw.regel
    return noteer(vergadering, moment, "stemming",
                  f"Stemming over '{kort(oud.onderwerp, 40)}': was {was}, nu {oud.telling()} "
                  f"({oud.uitslag()})", schoon)


def heropen(vergadering: Vergadering, wijkverband: Wijkverband, wie: str, reden: str,
            moment: datetime) -> Correctie:
    """Heropen een gesloten vergadering om iets recht te zetten; wie en waarom worden
    vastgelegd. Na opnieuw sluiten komt er een nieuw mapje (het oude blijft staan)."""
    if not vergadering.gesloten:
        raise OngeldigeInvoer("Deze vergadering is niet gesloten; er is niets te heropenen.")
    naam = invoer(wie, "wie heropent", maximum=200)
    if not naam.strip():
        raise OngeldigeInvoer("Kies wie de vergadering heropent; dat komt in het verslag.")
    if naam not in {lid.naam for lid in wijkverband.leden}:
        raise OngeldigeInvoer(f"{kort(naam, 40)} is geen lid van {wijkverband.naam}; kies een "
                              "lid.")
    schoon = reden_van(reden)
    gesloten = vergadering.gesloten_op
    vergadering.gesloten_op = None
    from . import datums

    return noteer(vergadering, moment, "heropend",
                  f"Gesloten op {datums.datum_tijd(gesloten)}, nu heropend.", schoon, naam)


def versie_van_verslag(vergadering: Vergadering) -> int:
    """1 voor een vergadering die nooit heropend is; elke heropening telt er één bij."""
    return 1 + sum(1 for c in vergadering.correcties if c.soort == "heropend")


def leg_grens_vast(vergadering: Vergadering, gelijk: list[str], stippen: int,
                   gekozen: list[str], reden: str) -> Grenskeuze | None:
    """Leg vast wie de voorzitter op de grens koos (``gekozen``, uit ``gelijk``) en waarom;
    zonder gelijke stand gaat een eerdere grenskeuze weg (None)."""
    if not gelijk:
        vergadering.grenskeuze = None
        return None
    onbekend = [sid for sid in gekozen if sid not in gelijk]
    if onbekend:
        raise OngeldigeInvoer("Kies op de grens alleen uit de signalen die gelijk staan.")
    schoon = reden_van(reden, "waarom deze signalen")
    keuze = Grenskeuze(stippen, list(gelijk), list(gekozen), schoon)
    vergadering.grenskeuze = keuze
    return keuze
