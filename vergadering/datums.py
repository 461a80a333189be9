"""Nederlandse datums en tijden, geschreven door Babel (geen eigen maandnamen)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

LOCALE = "nl_NL"


def lang(d: date) -> str:
    """'maandag 23 november 2026'."""
    from babel.dates import format_date

    return format_date(d, format="full", locale=LOCALE)


def kort(d: date) -> str:
    """'23 nov 2026'."""
    from babel.dates import format_date

    return format_date(d, format="d MMM y", locale=LOCALE)


def datum_tijd(moment: datetime) -> str:
    """'23 november 2026 om 19:30'."""
    from babel.dates import format_datetime

    return format_datetime(moment, format="d MMMM y 'om' HH:mm", locale=LOCALE)


def tijd(moment: datetime) -> str:
    """'19:30'."""
    return moment.strftime("%H:%M")


def lees_datum(tekst: str, vandaag: date | None = None) -> date:
    """Lees een datum zoals een mens hem typt.

    Accepteert ``2026-11-23``, ``23-11-2026``, ``23-11``, ``vandaag``, ``morgen``
    en ``+14`` (dagen vanaf vandaag). Gooit ``ValueError`` met een Nederlandse zin.
    """
    vandaag = vandaag or date.today()
    t = tekst.strip().lower()
    if not t:
        raise ValueError("Vul een datum in, bijvoorbeeld 23-11-2026.")
    if t == "vandaag":
        return vandaag
    if t == "morgen":
        return vandaag + timedelta(days=1)
    if t.startswith("+") and t[1:].isdigit():
        return vandaag + timedelta(days=int(t[1:]))
    try:
        if len(t) == 10 and t[4] == "-":
            return date.fromisoformat(t)
        delen = t.replace("/", "-").replace(".", "-").split("-")
        if len(delen) == 2:
            delen.append(str(vandaag.year))
        if len(delen) == 3 and all(p.isdigit() for p in delen):
            dag, maand, jaar = (int(p) for p in delen)
            if jaar < 100:
                jaar += 2000
            return date(jaar, maand, dag)
    except ValueError:
        pass
    raise ValueError(f"'{tekst.strip()[:40]}' is geen datum; typ bijvoorbeeld 23-11-2026.")


def minuten_seconden(seconden: float) -> str:
    """'05:00', of '+01:23' voor tijd over de planning heen (negatief resterend)."""
    teken = ""
    if seconden < 0:
        teken = "+"
        seconden = -seconden
    totaal = int(seconden + 0.999) if teken == "" else int(seconden)
    m, s = divmod(totaal, 60)
    return f"{teken}{m:02d}:{s:02d}"
