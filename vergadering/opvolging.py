"""Opvolging tussen de vergaderingen: wat elke eigenaar nu moet doen, en een herinnering in
gewone taal om zelf te versturen.

Per open actie: de eerste stap als die te laat is of binnen 7 dagen valt, het checkmoment als
het binnen 14 dagen valt of voorbij is. Per wijkverband: de beloofde update aan bewoners (uit
de terugkoppeling van de laatste gesloten vergadering) als die binnen 7 dagen valt of voorbij
is, voor de eigenaar van de terugkoppeling. Gegroepeerd per eigenaar ("mijn acties").

Wat iemand typte, gaat door de maskeerder: een herinnering wordt gemaild of geappt.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from . import datums
from .statussen import OPEN_STATUSSEN
from .zinnen import zonder_slot

if TYPE_CHECKING:
    from .actie import Actie
    from .privacy import Maskeerder
    from .vergadering import Vergadering
    from .wijkverband import Wijkverband

EERSTE_STAP_VOORUIT = 7
CHECKMOMENT_VOORUIT = 14
UPDATE_VOORUIT = 7
ZONDER_EIGENAAR = "(nog geen eigenaar)"


@dataclass(frozen=True)
class Punt:
    """Eén ding dat een eigenaar moet doen."""

    eigenaar: str
    wijkverband: str  # de naam
    soort: str  # "eerste stap", "checkmoment" of "update aan bewoners"
    datum: date
    dagen: int  # vanaf vandaag; negatief is voorbij
    actie: int | None  # het actienummer (None bij de update aan bewoners)
    wat: str  # de actie, of het kanaal van de update

    def wanneer(self) -> str:
        """'5 dagen te laat', 'vandaag', 'morgen', 'over 3 dagen'."""
        if self.dagen < 0:
            n = -self.dagen
            return f"{n} {'dag' if n == 1 else 'dagen'} te laat"
        if self.dagen == 0:
            return "vandaag"
        if self.dagen == 1:
            return "morgen"
        return f"over {self.dagen} dagen"

    def in_woorden(self) -> str:
        """Eén regel in gewone taal, met de datum voluit."""
        datum = datums.lang(self.datum)
        if self.actie is None:
            via = f" via {self.wat}" if self.wat else ""
            return (f"De beloofde update aan bewoners{via}: {self.wanneer()} "
                    f"({datum}).")
        return (f"Actie {self.actie} ({self.wat}): {self.soort} {self.wanneer()} "
                f"({datum}).")

    def als_json(self) -> dict[str, object]:
        """Voor ``vergadering opvolging --json``."""
        return {"eigenaar": self.eigenaar, "wijkverband": self.wijkverband,
                "soort": self.soort, "datum": self.datum.isoformat(), "dagen": self.dagen,
                "actie": self.actie, "wat": self.wat, "tekst": self.in_woorden()}


def _van_actie(wv: Wijkverband, a: Actie, m: Maskeerder, vandaag: date) -> list[Punt]:
    if a.status not in OPEN_STATUSSEN:
        return []
    wat = zonder_slot(m(a.omschrijving))
    uit = []
    stap = a.eerste_stap_datum
    if a.status == "gepland" and stap and (stap - vandaag).days <= EERSTE_STAP_VOORUIT:
        uit.append(Punt(a.eigenaar or ZONDER_EIGENAAR, wv.naam, "eerste stap", stap,
                        (stap - vandaag).days, a.nummer, wat))
    check = a.checkmoment
    if check and (check - vandaag).days <= CHECKMOMENT_VOORUIT:
        uit.append(Punt(a.eigenaar or ZONDER_EIGENAAR, wv.naam, "checkmoment", check,
                        (check - vandaag).days, a.nummer, wat))
    return uit


def _van_update(wv: Wijkverband, vergaderingen: list[Vergadering], m: Maskeerder,
                vandaag: date) -> list[Punt]:
    gesloten = [v for v in vergaderingen if v.gesloten]
    if not gesloten:
        return []
    tk = max(gesloten, key=lambda v: (v.datum, v.id)).terugkoppeling
    datum = tk.volgende_update
    if datum is None or (datum - vandaag).days > UPDATE_VOORUIT:
        return []
    # De eigenaar zelf niet maskeren: het is een lid of partner, en de herinnering is voor hem.
    return [Punt(tk.eigenaar.strip() or ZONDER_EIGENAAR, wv.naam, "update aan bewoners", datum,
                 (datum - vandaag).days, None, m(tk.kanaal))]


def opvolging(opslag, wijkverbanden: list[Wijkverband], vandaag: date,
              eigenaar: str | None = None) -> dict[str, list[Punt]]:
    """Per eigenaar (op naam) wat er te doen is, vroegste datum eerst. ``eigenaar`` filtert
    op een deel van de naam (hoofdletters tellen niet)."""
    from .privacy import maskeerder_voor_wijkverband

    punten: list[Punt] = []
    for wv in wijkverbanden:
        acties = opslag.acties(wv.id)
        m = maskeerder_voor_wijkverband(wv, opslag.signalen(wv.id), acties)
        for a in acties:
            punten += _van_actie(wv, a, m, vandaag)
        punten += _van_update(wv, opslag.vergaderingen(wv.id), m, vandaag)
    zoek = (eigenaar or "").strip().casefold()
    per: dict[str, list[Punt]] = {}
    for p in sorted(punten, key=lambda p: (p.datum, p.wijkverband, p.actie or 0, p.soort)):
        if zoek and zoek not in p.eigenaar.casefold():
            continue
        per.setdefault(p.eigenaar, []).append(p)
    return dict(sorted(per.items(), key=lambda kv: kv[0].casefold()))


def herinnering(eigenaar: str, punten: list[Punt]) -> str:
    """De herinnering voor één eigenaar: klaar om in een mail of app te plakken."""
    # 'Beste Tom Hendriks,' ook als de eigenaar 'Tom Hendriks (Gemeente, wijkregisseur)' is.
    naam = eigenaar.split(" (", 1)[0].strip() or eigenaar
    regels = [f"Beste {naam}," if eigenaar != ZONDER_EIGENAAR else "Beste allemaal,", ""]
    wijkverbanden = sorted({p.wijkverband for p in punten})
    for wv in wijkverbanden:
        eigen = [p for p in punten if p.wijkverband == wv]
        regels.append(f"Dit staat voor u klaar bij {wv}:" if eigenaar != ZONDER_EIGENAAR
                      else f"Voor deze punten bij {wv} is nog geen eigenaar:")
        regels += [f"- {p.in_woorden()}" for p in eigen]
        regels.append("")
    regels += [
        "Wilt u laten weten hoe het ervoor staat? Dan nemen we het mee in de volgende "
        "vergadering.",
        "",
        "Met vriendelijke groet,",
        " en ".join(wijkverbanden),
    ]
    return "\n".join(regels) + "\n"
