"""Een afgeleide index per wijkverband: wat het startscherm nodig heeft, zonder jaren te lezen.

Het overzicht op het startscherm toont de open signalen (aantallen), de open acties en de
laatste en de onafgemaakte vergadering. Daarvoor tien tot dertig jaar aan vakken lezen en
omzetten kost seconden; alleen kijken of de vakken nog dezelfde zijn, kost milliseconden.

Per vak bewaart de index de sleutel van het vak zoals het gelezen werd (inode,
wijzigingstijdstip en grootte van het vak en van zijn journaal) met wat het overzicht eruit
nodig heeft:

- signalen: datum en kenmerk van elk nieuw signaal, en hoeveel er geparkeerd zijn (na
  dertig jaar duizenden, die het startscherm alleen telt);
- acties: van elke open actie wat het overzicht ervan toont (``overzicht.Actiekern``:
  nummer, omschrijving, status en de twee datums), zodat het opstarten geen actie omzet;
- vergaderingen: van elke vergadering wat het startscherm ervan toont
  (``overzicht.Vergaderkern``: datum, kenmerk, gesloten, waar ze is, de beloofde update),
  zodat het opstarten geen vergadering leest.

De index is afgeleid en wordt nooit boven de echte bestanden vertrouwd: een vak telt alleen
mee als zijn sleutel nu precies gelijk is; anders (of als de index ontbreekt, beschadigd
is of van een andere versie is) wordt dat vak via de façade gelezen, met dezelfde controle
en dezelfde melding met advies als elk ander lezen. De sleutel wordt vóór het lezen genomen:
verandert het vak intussen, dan klopt de sleutel de volgende keer niet en wordt het opnieuw
gelezen. Bijwerken is zo goed als het gaat (een alleen-lezen map of een volle schijf is
geen fout), atomisch, en zonder schrijfslot: twee processen schrijven elk een index die
klopt, de laatste wint.

Daarnaast onthoudt de index hoe Babel de datums van het overzicht schreef (``datumteksten``):
het laden van Babel en zijn Nederlandse gegevens kost bij het opstarten meer dan de hele
index. Die teksten horen bij de versie van Babel (de sleutel is het Nederlandse
gegevensbestand van Babel); een andere versie maakt ze opnieuw.

In de index staan geen contactgegevens van bewoners; hij staat (verborgen) in de map van
het wijkverband, buiten de reservekopieën.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..datums import babelsleutel as _babelsleutel
from ..fouten import BeschadigdBestand
from .afgeleid import lees_index, schrijf_index, sleutel, vakken

if TYPE_CHECKING:
    from ..overzicht import Actiekern, Vergaderkern
    from .facade import Opslag

NAAM = ".startindex"
VERSIE = 4
# De mappen van een wijkverband, in deze volgorde gelezen.
SOORTEN = ("vergaderingen", "acties", "signalen")


@dataclass
class Samenvatting:
    """Wat het startscherm van één wijkverband nodig heeft."""

    nieuwe_signalen: list[tuple[str, str]] = field(default_factory=list)
    """(datum als ISO-tekst, kenmerk) van elk signaal met status nieuw."""
    geparkeerd: int = 0
    """Hoeveel signalen geparkeerd zijn."""
    open_acties: list[Actiekern] = field(default_factory=list)
    vergaderingen: list[Vergaderkern] = field(default_factory=list)
    gelezen: int = 0
    """Hoeveel vakken er echt gelezen moesten worden (de rest kwam uit de index)."""
    datumteksten: dict[str, tuple[str, str]] = field(default_factory=dict)
    """Datum (ISO) -> (lang, kort), zoals Babel ze eerder schreef (zie boven)."""


def indexpad(opslag: Opslag, wijkverband_id: str) -> Path:
    """Waar de index van een wijkverband staat."""
    return opslag.map / wijkverband_id / NAAM


def _vat_samen(soort: str, objecten: list[Any]) -> Any:
    """Wat de index van één vak onthoudt (alleen JSON-waarden)."""
    if soort == "signalen":
        return {"n": [[s.datum.isoformat(), s.id] for s in objecten if s.status == "nieuw"],
                "g": sum(s.status == "geparkeerd" for s in objecten)}
    if soort == "acties":
        return [[a.id, a.nummer, a.omschrijving, a.status, _iso(a.eerste_stap_datum),
                 _iso(a.checkmoment)] for a in objecten if a.open]
    from ..overzicht import Vergaderkern

    return [[_iso(d) if isinstance(d, date) else d for d in Vergaderkern.van(v)]
            for v in objecten]


def _neem_op(samenvatting: Samenvatting, soort: str, inhoud: Any) -> None:
    """Voeg wat de index van één vak onthoudt toe; een fout in de vorm geeft een uitzondering
    (dan wordt het vak zelf gelezen)."""
    if soort == "signalen":
        nieuw = [(str(d), str(k)) for d, k in inhoud["n"]]
        geparkeerd = inhoud["g"]
        if type(geparkeerd) is not int or geparkeerd < 0:
            raise ValueError(geparkeerd)
        samenvatting.nieuwe_signalen += nieuw
        samenvatting.geparkeerd += geparkeerd
    elif soort == "acties":
        samenvatting.open_acties += [_actiekern(rij) for rij in inhoud]
    else:
        samenvatting.vergaderingen += [_vergaderkern(rij) for rij in inhoud]


def _iso(d: date | None) -> str | None:
    return None if d is None else d.isoformat()


def _datum(tekst: object) -> date | None:
    if tekst is None:
        return None
    if type(tekst) is not str:
        raise TypeError(tekst)
    return date.fromisoformat(tekst)


def _actiekern(rij: list[Any]) -> Actiekern:
    """Een actiekern uit de index; een rij van de verkeerde vorm geeft een uitzondering."""
    from ..overzicht import Actiekern

    kenmerk, nummer, omschrijving, status, stap, check = rij
    if not (type(kenmerk) is str and type(nummer) is int and type(omschrijving) is str
            and type(status) is str):
        raise TypeError(rij)
    return Actiekern(kenmerk, nummer, omschrijving, status, _datum(stap), _datum(check))


def _vergaderkern(rij: list[Any]) -> Vergaderkern:
    """Een vergaderkern uit de index; een rij van de verkeerde vorm geeft een uitzondering."""
    from ..overzicht import Vergaderkern

    kenmerk, datum, gesloten, voorzitter, waar, tk, kanaal, update, volgende = rij
    if not (type(kenmerk) is str and type(gesloten) is bool and type(voorzitter) is str
            and type(waar) is str and type(tk) is bool and type(kanaal) is str):
        raise TypeError(rij)
    d = _datum(datum)
    if d is None:
        raise TypeError(rij)
    return Vergaderkern(kenmerk, d, gesloten, voorzitter, waar, tk, kanaal, _datum(update),
                        _datum(volgende))


def _lees_index(pad: Path, wijkverband_id: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """De vakken en de datumteksten uit een bestaande index; leeg als die er niet is of niet
    te gebruiken is."""
    oud = lees_index(pad, VERSIE, wijkverband_id)
    if oud is None:
        return {}, {}
    datums = oud.get("datums")
    if not isinstance(datums, dict) or datums.get("babel") != _babelsleutel():
        datums = {}
    return oud["vakken"], datums


def _datumteksten(datums: dict[str, Any]) -> dict[str, tuple[str, str]]:
    teksten = datums.get("teksten")
    if not isinstance(teksten, dict):
        return {}
    return {
        d: (t[0], t[1]) for d, t in teksten.items()
        if isinstance(t, list) and len(t) == 2 and all(isinstance(x, str) for x in t)
    }


def _vakken(opslag: Opslag, wijkverband_id: str) -> Iterator[tuple[str, str, str, bool]]:
    """(soort, bestandsnaam, pad als tekst, journaal gezien) van elk vak van het
    wijkverband."""
    for soort in SOORTEN:
        for naam, vak, journaal in vakken(opslag, wijkverband_id, soort):
            yield soort, naam, vak, journaal


def samenvatting(opslag: Opslag, wijkverband_id: str) -> Samenvatting:
    """De samenvatting van een wijkverband: uit de index waar de vakken niet veranderd zijn,
    anders uit de vakken zelf (en dan wordt de index bijgewerkt).

    Een beschadigd vak geeft ``BeschadigdBestand`` met advies, net als elk ander lezen.
    """
    pad = indexpad(opslag, wijkverband_id)
    oud, datums = _lees_index(pad, wijkverband_id)
    nieuw: dict[str, Any] = {}
    uit = Samenvatting(datumteksten=_datumteksten(datums))
    for soort, bestand, vak, journaal in _vakken(opslag, wijkverband_id):
        huidig = sleutel(vak, journaal)  # vóór het lezen: zie de uitleg bovenaan
        if huidig is None:
            continue  # intussen weggehaald
        naam = f"{soort}/{bestand}"
        bekend = oud.get(naam)
        if isinstance(bekend, dict) and bekend.get("k") == huidig:
            try:
                _neem_op(uit, soort, bekend["s"])
            except (BeschadigdBestand, KeyError, TypeError, ValueError):
                pass  # de index zelf is beschadigd: lees het vak
            else:
                nieuw[naam] = bekend
                continue
        inhoud = _vat_samen(soort, opslag.lees_vak(wijkverband_id, soort, bestand))
        _neem_op(uit, soort, inhoud)
        nieuw[naam] = {"k": huidig, "s": inhoud}
        uit.gelezen += 1
    if uit.gelezen or nieuw.keys() != oud.keys():
        _schrijf(pad, wijkverband_id, nieuw, datums)
    return uit


def bewaar_datumteksten(
    opslag: Opslag, wijkverband_id: str, teksten: dict[str, tuple[str, str]]
) -> None:
    """Onthoud hoe Babel deze datums schreef (zo goed als het gaat, zoals de hele index)."""
    pad = indexpad(opslag, wijkverband_id)
    vakken, _ = _lees_index(pad, wijkverband_id)
    if vakken:  # zonder index eerst de vakken: die komen bij het volgende overzicht
        _schrijf(pad, wijkverband_id, vakken,
                 {"babel": _babelsleutel(), "teksten": {d: list(t) for d, t in teksten.items()}})


def _schrijf(pad: Path, wijkverband_id: str, vakken: dict[str, Any],
             datums: dict[str, Any]) -> None:
    """Zo goed als het gaat: de index is afgeleid en wordt de volgende keer opnieuw gemaakt."""
    schrijf_index(pad, {"versie": VERSIE, "wijkverband": wijkverband_id, "vakken": vakken,
                        "datums": datums})
