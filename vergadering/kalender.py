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
from typing import TYPE_CHECKING

from . import datums
from .statussen import OPEN_STATUSSEN
from .zinnen import zonder_slot

if TYPE_CHECKING:
    from icalendar import Calendar

    from .actie import Actie
    from .privacy import Maskeerder
    from .vergadering import Vergadering
    from .wijkverband import Wijkverband

DOMEIN = "vergadering.wijkverband"  # het deel na @ in elke UID
PRODID = "-//Vergadering//Wijkverband//NL"


def _uid(wijkverband_id: str, kenmerk: str, soort: str) -> str:
    return f"{wijkverband_id}-{kenmerk}-{soort}@{DOMEIN}"


def _hele_dag(kal: Calendar, uid: str, dag: date, titel: str, omschrijving: str,
              volgnummer: int, stempel: datetime, categorie: str) -> None:
    from icalendar import Event

    e = Event()
    e.add("uid", uid)
    e.add("dtstamp", stempel)
    e.add("dtstart", dag)
    e.add("dtend", dag + timedelta(days=1))
    e.add("summary", titel)
    if omschrijving:
        e.add("description", omschrijving)
    e.add("sequence", max(0, int(volgnummer)))
    e.add("categories", [categorie])
    e.add("transp", "TRANSPARENT")  # een hele dag 'eerste stap' maakt niemand bezet
    kal.add_component(e)


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
    volgende = laatste.volgende_vergadering
    if volgende and volgende >= vandaag and volgende not in al_gepland:
        # Van de vergadering die hem vaststelde: verschuift de datum, dan blijft de UID.
        _hele_dag(kal, _uid(wv.id, laatste.id, "volgende-vergadering"), volgende,
                  f"Vergadering {wv.naam}",
                  f"Vastgesteld in de vergadering van {datums.lang(laatste.datum)}.",
                  laatste.versie, stempel, "Vergadering")
    tk = laatste.terugkoppeling
    if tk.volgende_update:
        via = f" via {m(tk.kanaal)}" if tk.kanaal else ""
        _hele_dag(kal, _uid(wv.id, laatste.id, "volgende-update"), tk.volgende_update,
                  f"Update aan bewoners{via} ({wv.naam})",
                  f"Beloofd in de terugkoppeling na de vergadering van "
                  f"{datums.lang(laatste.datum)}.", laatste.versie, stempel, "Terugkoppeling")


def kalender(opslag, wijkverbanden: list[Wijkverband], vandaag: date,
             nu: datetime) -> bytes:
    """De .ics-inhoud voor deze wijkverbanden, zoals op ``vandaag`` (de open vergaderingen
    vanaf vandaag), met ``nu`` als DTSTAMP (omgerekend naar UTC)."""
    from icalendar import Calendar

    from .privacy import maskeerder_voor_wijkverband

    kal = Calendar()
    kal.add("prodid", PRODID)
    kal.add("version", "2.0")
    kal.add("calscale", "GREGORIAN")
    naam = wijkverbanden[0].naam if len(wijkverbanden) == 1 else "wijkverbanden"
    kal.add("x-wr-calname", f"Vergadering — {naam}")
    kal.add("x-wr-timezone", "Europe/Amsterdam")
    stempel = nu.astimezone(UTC).replace(microsecond=0)
    for wv in wijkverbanden:
        signalen = opslag.signalen(wv.id)
        acties = opslag.acties(wv.id)
        m = maskeerder_voor_wijkverband(wv, signalen, acties)
        _acties(kal, wv, acties, m, stempel)
        _vergaderingen(kal, wv, opslag.vergaderingen(wv.id), m, vandaag, stempel)
    return kal.to_ical()
