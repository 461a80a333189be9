"""De afspraken van de cyclus als iCalendar (.ics): wat tussen de vergaderingen gebeurt, komt
in de agenda van wie het moet doen.

Erin staan de eerste stappen en checkmomenten van open acties (hele dagen), de volgende
vergadering en de beloofde datum van de volgende update aan bewoners.

- Elke afspraak heeft een vaste UID, afgeleid van de actie of vergadering en de soort datum:
  een agenda die het bestand twee keer inleest, krijgt geen dubbele afspraken, en een
  verschoven datum verplaatst de afspraak in plaats van er een naast te zetten.
- SEQUENCE is het versienummer van het document in de opslag: dat stijgt bij elke bewaarde
  wijziging, dus zeker als een datum verschuift.
- DTSTAMP is het moment van de export in UTC; tijden van de dag in Europe/Amsterdam.
- Wat iemand typte, gaat door de maskeerder (privacy.py): een agendabestand wordt gedeeld.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta
from datetime import time as dt_time
from typing import TYPE_CHECKING

from . import datums
from .statussen import OPEN_STATUSSEN
from .tekst import uitvoer_veilig as xml_veilig  # ook zonder terminal- en richtingstekens
from .zinnen import zonder_slot

if TYPE_CHECKING:
    from icalendar import Calendar

    from .actie import Actie
    from .privacy import Maskeerder
    from .vergadering import Vergadering
    from .wijkverband import Wijkverband

TIJDZONE = "Europe/Amsterdam"
DOMEIN = "vergadering.wijkverband"  # het deel na @ in elke UID
PRODID = "-//Vergadering//Wijkverband//NL"


def _uid(wijkverband_id: str, kenmerk: str, soort: str) -> str:
    return xml_veilig(f"{wijkverband_id}-{kenmerk}-{soort}@{DOMEIN}")


def _afspraak(kal: Calendar, uid: str, begin: date | datetime, eind: date | datetime,
              titel: str, omschrijving: str, volgnummer: int, stempel: datetime,
              categorie: str, *, vrij: bool = False) -> None:
    """Eén VEVENT; ``vrij``: de tijd blijft vrij in de agenda (TRANSP)."""
    from icalendar import Event

    e = Event()
    e.add("uid", uid)
    e.add("dtstamp", stempel)
    e.add("dtstart", begin)
    e.add("dtend", eind)
    e.add("summary", xml_veilig(titel))
    if omschrijving:
        e.add("description", xml_veilig(omschrijving))
    e.add("sequence", max(0, int(volgnummer)))
    e.add("categories", [categorie])
    if vrij:
        e.add("transp", "TRANSPARENT")
    kal.add_component(e)


def _hele_dag(kal: Calendar, uid: str, dag: date, titel: str, omschrijving: str,
              volgnummer: int, stempel: datetime, categorie: str) -> None:
    # Een hele dag 'eerste stap' maakt niemand bezet.
    _afspraak(kal, uid, dag, dag + timedelta(days=1), titel, omschrijving, volgnummer,
              stempel, categorie, vrij=True)


def _vergaderafspraak(kal: Calendar, uid: str, dag: date, tijd: str, titel: str,
                      omschrijving: str, volgnummer: int, stempel: datetime) -> None:
    """Een vergadering: met een tijd ('19:30') twee uur in Europe/Amsterdam, anders een hele
    dag."""
    if not tijd:
        _hele_dag(kal, uid, dag, titel, omschrijving, volgnummer, stempel, "Vergadering")
        return
    from zoneinfo import ZoneInfo

    uur, _, minuut = tijd.partition(":")
    begin = datetime.combine(dag, dt_time(int(uur), int(minuut or 0)),
                             tzinfo=ZoneInfo(TIJDZONE))
    _afspraak(kal, uid, begin, begin + timedelta(hours=2), titel, omschrijving, volgnummer,
              stempel, "Vergadering")


def _acties(kal: Calendar, wv: Wijkverband, acties: Iterable[Actie], m: Maskeerder,
            stempel: datetime) -> None:
    for a in acties:
        if a.status not in OPEN_STATUSSEN:
            continue
        wat = zonder_slot(m(a.omschrijving))  # een titel eindigt niet op een punt
        eigenaar = f"Eigenaar: {a.eigenaar}."
        if a.partners:
            eigenaar += f" Met: {', '.join(a.partners)}."
        if a.status == "gepland" and a.eerste_stap_datum:
            stap = m(a.eerste_stap) or "nog niet beschreven"
            _hele_dag(kal, _uid(wv.id, a.id, "eerste-stap"), a.eerste_stap_datum,
                      f"Eerste stap actie {a.nummer}: {wat}",
                      f"{wv.naam}. Eerste stap: {stap} {eigenaar}", a.versie, stempel,
                      "Eerste stap")
        if a.checkmoment:
            _hele_dag(kal, _uid(wv.id, a.id, "checkmoment"), a.checkmoment,
                      f"Checkmoment actie {a.nummer}: {wat}",
                      f"{wv.naam}. Kijken hoe het gaat. {eigenaar}", a.versie, stempel,
                      "Checkmoment")


def _vergaderingen(kal: Calendar, wv: Wijkverband, vergaderingen: list[Vergadering],
                   m: Maskeerder, vandaag: date, stempel: datetime) -> None:
    gesloten = [v for v in vergaderingen if v.gesloten]
    for v in vergaderingen:
        if not v.gesloten and v.datum >= vandaag:
            _hele_dag(kal, _uid(wv.id, v.id, "vergadering"), v.datum,
                      f"Vergadering {wv.naam}", m(v.plaats), v.versie, stempel, "Vergadering")
    if not gesloten:
        return
    laatste = max(gesloten, key=lambda v: (v.datum, v.id))
    al_gepland = {v.datum for v in vergaderingen if not v.gesloten}
    _vervolg(kal, wv, laatste, m, stempel, vanaf=vandaag, behalve=al_gepland)


def _vervolg(kal: Calendar, wv: Wijkverband, v: Vergadering, m: Maskeerder,
             stempel: datetime, vanaf: date | None = None,
             behalve: set[date] | frozenset[date] = frozenset()) -> None:
    """Wat vergadering ``v`` afsprak voor daarna: de volgende vergadering en de beloofde
    update aan bewoners (UID's van ``v``: verschuift een datum, dan blijft de afspraak)."""
    volgende = v.volgende_vergadering
    if volgende and (vanaf is None or volgende >= vanaf) and volgende not in behalve:
        _vergaderafspraak(kal, _uid(wv.id, v.id, "volgende-vergadering"), volgende,
                          getattr(v, "volgende_tijd", ""), f"Vergadering {wv.naam}",
                          f"Vastgesteld in de vergadering van {datums.lang(v.datum)}.",
                          v.versie, stempel)
    tk = v.terugkoppeling
    if tk.volgende_update:
        via = f" via {m(tk.kanaal)}" if tk.kanaal else ""
        _hele_dag(kal, _uid(wv.id, v.id, "volgende-update"), tk.volgende_update,
                  f"Update aan bewoners{via} ({wv.naam})",
                  f"Beloofd in de terugkoppeling na de vergadering van {datums.lang(v.datum)}.",
                  v.versie, stempel, "Terugkoppeling")


def _nieuwe_kalender(naam: str) -> Calendar:
    from icalendar import Calendar

    kal = Calendar()
    kal.add("prodid", PRODID)
    kal.add("version", "2.0")
    kal.add("calscale", "GREGORIAN")
    # Eén regel: een X-eigenschap wordt niet ge-escaped, en een regeleinde in de naam van het
    # wijkverband brak het hele bestand.
    kal.add("x-wr-calname", " ".join(xml_veilig(f"Vergadering — {naam}").split()))
    kal.add("x-wr-timezone", TIJDZONE)
    return kal


def kalender(opslag, wijkverbanden: list[Wijkverband], vandaag: date,
             nu: datetime) -> bytes:
    """De .ics-inhoud voor deze wijkverbanden, zoals op ``vandaag`` (de open vergaderingen
    vanaf vandaag), met ``nu`` als DTSTAMP (omgerekend naar UTC)."""
    from .privacy import maskeerder_voor_wijkverband

    kal = _nieuwe_kalender(wijkverbanden[0].naam if len(wijkverbanden) == 1
                           else "wijkverbanden")
    stempel = nu.astimezone(UTC).replace(microsecond=0)
    for wv in wijkverbanden:
        signalen = opslag.signalen(wv.id)
        acties = opslag.acties(wv.id)
        m = maskeerder_voor_wijkverband(wv, signalen, acties)
        _acties(kal, wv, acties, m, stempel)
        _vergaderingen(kal, wv, opslag.vergaderingen(wv.id), m, vandaag, stempel)
    return kal.to_ical()


def kalender_van_vergadering(inhoud) -> bytes:
    """agenda.ics in het mapje: de eerste stappen en checkmomenten van de acties uit deze
    vergadering, de volgende vergadering en de beloofde update (zelfde UID's als ``kalender``:
    wie beide inleest, krijgt niets dubbel)."""
    wv, v = inhoud.wijkverband, inhoud.vergadering
    kal = _nieuwe_kalender(wv.naam)
    stempel = inhoud.moment.astimezone(UTC).replace(microsecond=0)
    _acties(kal, wv, [a for a in inhoud.acties if a.vergadering_id == v.id], inhoud.maskeer,
            stempel)
    _vervolg(kal, wv, v, inhoud.maskeer, stempel)
    return kal.to_ical()
