"""De volgende vergadering, vastgelegd in deze: datum en eventueel tijd, in woorden voor het
verslag en de terugkoppeling."""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

from .datumcontrole import volgende_vergadering as controleer
from .fouten import OngeldigeInvoer

if TYPE_CHECKING:
    from .vergadering import Vergadering

_TIJD = re.compile(r"^(\d{1,2})[:.u]?(\d{2})?$")


def lees_tijd(tekst: str) -> str:
    """'19:30', '1930', '19.30', '19u30' of '19' wordt '19:30' / '19:00'; leeg blijft leeg."""
    t = str(tekst or "").strip().lower().replace(" ", "")
    if not t:
        return ""
    m = _TIJD.match(t)
    if m:
        uur, minuut = int(m.group(1)), int(m.group(2) or 0)
        if uur <= 23 and minuut <= 59:
            return f"{uur:02d}:{minuut:02d}"
    raise OngeldigeInvoer(f"'{t[:10]}' is geen tijd; typ bijvoorbeeld 19:30, of laat het leeg.")


def zet_volgende_vergadering(vergadering: Vergadering, datum: date, tijd: str = "") -> list[str]:
    """Zet de volgende vergadering (na deze, zie ``datumcontrole``); geeft de twijfels terug."""
    if vergadering.gesloten:
        raise OngeldigeInvoer("Deze vergadering is al gesloten; heropen haar eerst.")
    twijfels = controleer(datum, vergadering.datum)
    vergadering.volgende_tijd = lees_tijd(tijd)
    vergadering.volgende_vergadering = datum
    return twijfels


def in_woorden(vergadering: Vergadering) -> str:
    """'dinsdag 5 januari 2027 om 19:30' (of zonder tijd); leeg als er geen datum is."""
    if vergadering.volgende_vergadering is None:
        return ""
    from . import datums

    tekst = datums.lang(vergadering.volgende_vergadering)
    tijd = getattr(vergadering, "volgende_tijd", "")
    return f"{tekst} om {tijd}" if tijd else tekst
