"""Nederlandse datums en tijden, geschreven door Babel (geen eigen maandnamen)."""

from __future__ import annotations

import math
import os
import re
from datetime import date, datetime, timedelta
from functools import cache
from typing import Any

from .fouten import OngeldigeInvoer

LOCALE = "nl_NL"

# Hoe ver een datum mag liggen die iemand typt: typfouten als 2206 vallen zo op.
_JAAR_MIN = 1900
_JAAR_MAX = 2200


def lang(d: date) -> str:
    """'maandag 23 november 2026'."""
    from babel.dates import format_date

    return format_date(d, format="full", locale=LOCALE)


def kort(d: date) -> str:
    """'23 nov 2026': Babels patroon ``d MMM y``, met de maandnamen van Babel.

    Niet via ``format_date`` per datum: een lijst van tien jaar heeft er duizenden, en
    ``babel.dates`` laden kost zelf al meer dan het hele jaar lezen.
    """
    return f"{d.day} {_korte_maanden()[d.month]} {d.year}"


# Babels afgekorte maandnamen, uit Babel of uit ``gebruik_bewaard`` (zie daar).
_maanden_kort: dict[int, str] | None = None


def _korte_maanden() -> dict[int, str]:
    """De afgekorte maandnamen waarmee Babel 'MMM' schrijft ('mrt', 'nov')."""
    global _maanden_kort
    if _maanden_kort is None:
        from babel import Locale

        _maanden_kort = dict(Locale.parse(LOCALE).months["format"]["abbreviated"])
    return _maanden_kort


def babelsleutel() -> list[Any] | None:
    """Welke Babel de datums schreef, zonder Babel te laden: pad en (tijdstip, grootte) van
    zijn Nederlandse gegevens. Wat uit Babel bewaard wordt, geldt alleen bij deze sleutel."""
    import importlib.util

    try:
        spec = importlib.util.find_spec("babel")
        if spec is None or spec.origin is None:
            return None
        nl = os.path.join(os.path.dirname(spec.origin), "locale-data", "nl.dat")
        st = os.stat(nl)
    except (ImportError, ValueError, OSError):
        return None
    return [nl, st.st_mtime_ns, st.st_size]


def te_bewaren() -> dict[str, Any]:
    """Babels maandnamen met de sleutel van Babel, om te bewaren (laadt Babel zo nodig)."""
    return {"babel": babelsleutel(),
            "maanden": {str(n): naam for n, naam in _korte_maanden().items()}}


def gebruik_bewaard(bewaard: Any) -> bool:
    """Neem Babels maandnamen over uit ``te_bewaren`` van eerder, als die van deze Babel zijn.

    Babel laden kost voor de maandnamen ~20–40 ms, meer dan een jaar lijst; zo gebeurt het één
    keer per Babel-versie. Onwaar (en niets overgenomen) bij een andere Babel of iets
    onleesbaars: dan komen ze gewoon uit Babel.
    """
    global _maanden_kort
    sleutel = babelsleutel()
    if sleutel is None or not isinstance(bewaard, dict) or bewaard.get("babel") != sleutel:
        return False
    maanden = bewaard.get("maanden")
    if (not isinstance(maanden, dict) or sorted(maanden) != sorted(map(str, range(1, 13)))
            or not all(isinstance(m, str) and m for m in maanden.values())):
        return False
    _maanden_kort = {int(n): m for n, m in maanden.items()}
    return True


def als_datum(waarde: object, wie: str) -> date:
    """``waarde`` als datum (van een datetime de dag); anders ``OngeldigeInvoer``."""
    if isinstance(waarde, datetime):
        return waarde.date()
    if not isinstance(waarde, date):
        raise OngeldigeInvoer(f"{wie} heeft een datum nodig, bijvoorbeeld 23-11-2026.")
    return waarde


def datum_tijd(moment: datetime) -> str:
    """'23 november 2026 om 19:30'."""
    from babel.dates import format_datetime

    return format_datetime(moment, format="d MMMM y 'om' HH:mm", locale=LOCALE)


def tijd(moment: datetime) -> str:
    """'19:30'."""
    return moment.strftime("%H:%M")


@cache
def _maanden() -> dict[str, int]:
    """Maandnamen (voluit en afgekort) zoals Babel ze voor het Nederlands kent."""
    from babel.dates import get_month_names

    namen: dict[str, int] = {}
    for breedte in ("wide", "abbreviated"):
        for nummer, naam in get_month_names(breedte, locale=LOCALE).items():
            namen[naam.lower().rstrip(".")] = nummer
    return namen


@cache
def _dagnamen() -> frozenset[str]:
    from babel.dates import get_day_names

    namen: set[str] = set()
    for breedte in ("wide", "abbreviated"):
        namen |= {n.lower().rstrip(".") for n in get_day_names(breedte, locale=LOCALE).values()}
    return frozenset(namen)


_RELATIEF = re.compile(r"^\+\s*(\d{1,5})\s*(d|dag|dagen|w|wk|week|weken)?$")


def lees_datum(tekst: str, vandaag: date | None = None) -> date:
    """Lees een datum zoals een mens hem typt.

    Accepteert ``2026-11-23``, ``23-11-2026``, ``23/11/26``, ``23-11`` (de dichtstbijzijnde),
    ``23 november 2026``, ``maandag 23 nov``, ``vandaag``, ``morgen``, ``overmorgen``,
    ``+14`` (dagen) en ``+6w`` (weken) vanaf vandaag. Gooit ``OngeldigeInvoer`` (een
    ``ValueError``) met een Nederlandse zin.
    """
    vandaag = vandaag or date.today()
    t = str(tekst).strip().lower()
    if not t:
        raise OngeldigeInvoer("Vul een datum in, bijvoorbeeld 23-11-2026.")
    vast = {"vandaag": 0, "morgen": 1, "overmorgen": 2}
    if t in vast:
        return vandaag + timedelta(days=vast[t])
    relatief = _RELATIEF.match(t)
    if relatief:
        n = int(relatief.group(1))
        weken = (relatief.group(2) or "d")[0] == "w"
        try:
            uitkomst = vandaag + timedelta(days=n * 7 if weken else n)
        except OverflowError:
            uitkomst = None
        if uitkomst is None or uitkomst.year > _JAAR_MAX:
            raise OngeldigeInvoer(
                f"'{tekst.strip()[:40]}' ligt te ver weg; kies een datum binnen een paar jaar."
            )
        return uitkomst
    gelezen = _lees_cijfers(t, vandaag) or _lees_met_maandnaam(t, vandaag)
    if gelezen is not None:
        if not _JAAR_MIN <= gelezen.year <= _JAAR_MAX:
            raise OngeldigeInvoer(
                f"'{tekst.strip()[:40]}' valt in het jaar {gelezen.year}; controleer het jaartal."
            )
        return gelezen
    raise OngeldigeInvoer(
        f"'{tekst.strip()[:40]}' is geen datum; typ bijvoorbeeld 23-11-2026."
    )


def _maak(jaar: int, maand: int, dag: int) -> date | None:
    if jaar < 100:
        jaar += 2000
    try:
        return date(jaar, maand, dag)
    except ValueError:
        return None


def _zonder_jaar(maand: int, dag: int, vandaag: date) -> date | None:
    """Een datum zonder jaartal: de dichtstbijzijnde bij vandaag. Zo is '5-1' in december
    de komende januari en '20-12' begin januari de afgelopen december."""
    kandidaten = [
        d for d in (_maak(vandaag.year + j, maand, dag) for j in (-1, 0, 1)) if d is not None
    ]
    if not kandidaten:
        return None
    return min(kandidaten, key=lambda d: (abs((d - vandaag).days), d < vandaag))


def _lees_cijfers(t: str, vandaag: date) -> date | None:
    """'2026-11-23', '2026/11/23', '23-11-2026', '23.11.26', '23/11'."""
    delen = re.split(r"[-/.]", t)
    if not all(d.isdigit() for d in delen) or len(delen) not in (2, 3):
        return None
    getallen = [int(d) for d in delen]
    if len(delen) == 2:
        dag, maand = getallen
        return _zonder_jaar(maand, dag, vandaag)
    if len(delen[0]) == 4:
        jaar, maand, dag = getallen
    else:
        dag, maand, jaar = getallen
    return _maak(jaar, maand, dag)


def _lees_met_maandnaam(t: str, vandaag: date) -> date | None:
    """'23 november 2026', 'ma 23 nov', 'maandag 23 november 2026' (de uitvoer van ``lang``)."""
    woorden = [w.rstrip(".,") for w in t.replace(",", " ").split()]
    if woorden and woorden[0] in _dagnamen():
        woorden = woorden[1:]
    if len(woorden) not in (2, 3) or not woorden[0].isdigit():
        return None
    maand = _maanden().get(woorden[1])
    if maand is None:
        return None
    if len(woorden) == 2:
        return _zonder_jaar(maand, int(woorden[0]), vandaag)
    if not woorden[2].isdigit():
        return None
    return _maak(int(woorden[2]), maand, int(woorden[0]))


def minuten_seconden(seconden: float) -> str:
    """'05:00', of '+01:23' voor tijd over de planning heen (negatief resterend).

    Resterende tijd wordt naar boven afgerond (zoals een kookwekker: '00:01' tot het
    echt op is), uitloop naar beneden ('+00:00' in de eerste seconde erover).
    """
    if seconden < 0:
        m, s = divmod(math.floor(-seconden), 60)
        return f"+{m:02d}:{s:02d}"
    m, s = divmod(math.ceil(seconden), 60)
    return f"{m:02d}:{s:02d}"


def _duur(seconden: int) -> str:
    m, s = divmod(seconden, 60)
    delen = []
    if m:
        delen.append("1 minuut" if m == 1 else f"{m} minuten")
    if s or not m:
        delen.append("1 seconde" if s == 1 else f"{s} seconden")
    return " en ".join(delen)


def resterend_in_woorden(seconden: float) -> str:
    """De klok in woorden, voor wie kleur niet ziet: 'nog 4 minuten en 5 seconden',
    'de tijd is om', '1 minuut en 23 seconden over de tijd'."""
    if seconden < 0:
        over = math.floor(-seconden)
        if over == 0:
            return "de tijd is om"
        return f"{_duur(over)} over de tijd"
    rest = math.ceil(seconden)
    if rest == 0:
        return "de tijd is om"
    return f"nog {_duur(rest)}"
