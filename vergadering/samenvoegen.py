"""Twee vensters, één document: een driewegsamenvoeging per veld.

Bewaart een ander proces hetzelfde document eerder, dan weigert de opslag de verouderde versie
(``GelijktijdigGewijzigd``). In plaats van de gebruiker de schuld te geven, voegt de
``Bewaarder`` samen: *basis* is het document zoals dit proces het het laatst las of bewaarde,
*mijn* het object in het geheugen, *hun* wat nu op schijf staat.

- Wat maar één kant veranderde, gaat stil mee.
- Lijsten waar alleen iets achteraan bij kwam (logboek, stemmingen, statusupdates) krijgen
  beide aanvullingen; een lijst van kenmerken (aangenomen acties, partners) wordt als
  verzameling samengevoegd; de fasen per fase.
- Zetten beide kanten hetzelfde veld op een andere waarde, dan is dat een ``Conflict``: de
  voorzitter kiest (``keuzes``). De top 5 en de klok van een fase zijn elk één geheel: half de
  ene en half de andere stand zou niemand bedoeld hebben.

Alles werkt op documenten (``omzetten.naar_document``), zonder Textual en zonder schijf; de
invoer wordt nooit veranderd (een basisdocument kan ook in het geheugen van de opslag staan).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from .tekst import kort

Pad = tuple[str | int, ...]
MIJN, HUN = "mijn", "hun"
_WEG = object()  # een sleutel die aan een kant niet (meer) bestaat

# Velden die als één geheel gelden: volgorde telt, of samen één stand.
HEEL = frozenset({"top5", "grenskeuze"})  # de keuze op de grens hoort bij één top 5
# De klok van een fase: de gebruikte tijd en sinds wanneer ze loopt horen bij elkaar.
KLOK = ("gebruikt_s", "gestart_op")
KLOK_VELD = "klok"  # zo heet dat geheel in een pad: ("fasen", 0, "klok")


@dataclass(frozen=True)
class Conflict:
    """Beide kanten zetten hetzelfde veld op een andere waarde."""

    pad: Pad
    basis: Any
    mijn: Any
    hun: Any


@dataclass
class Samenvoeging:
    """Het samengevoegde document, en wat de voorzitter nog moet kiezen."""

    document: dict[str, Any]
    conflicten: list[Conflict] = field(default_factory=list)


def voeg_samen(
    basis: Mapping[str, Any] | None,
    mijn: Mapping[str, Any],
    hun: Mapping[str, Any],
    keuzes: Mapping[Pad, str] | None = None,
) -> Samenvoeging:
    """Voeg twee versies van een document samen tegen hun gemeenschappelijke basis.

    ``keuzes`` zegt per pad van een eerder conflict welke kant staat (``MIJN`` of ``HUN``).
    Zonder basis (onbekend wat dit proces las) is elk verschil een conflict. Het versienummer
    komt van ``hun``: met dat nummer lukt het bewaren daarna.
    """
    uit = Samenvoeging({})
    keuzes = dict(keuzes or {})
    uit.document = _dict(basis if basis is not None else {}, mijn, hun, (), keuzes, uit,
                         basis is None)
    if "versie" in hun:
        uit.document["versie"] = hun["versie"]
    return uit


def _kies(pad: Pad, basis: Any, mijn: Any, hun: Any, keuzes: Mapping[Pad, str],
          uit: Samenvoeging) -> Any:
    """Een echt conflict: de keuze van de voorzitter, of (nog) zijn eigen waarde + een vraag."""
    keuze = keuzes.get(pad)
    if keuze == HUN:
        return hun
    if keuze != MIJN:
        uit.conflicten.append(Conflict(pad, basis, mijn, hun))
    return mijn


def _waarde(basis: Any, mijn: Any, hun: Any, pad: Pad, keuzes: Mapping[Pad, str],
            uit: Samenvoeging, blind: bool) -> Any:
    if mijn == hun:
        return mijn
    if not blind:
        if mijn == basis:
            return hun
        if hun == basis:
            return mijn
    naam = pad[-1] if pad else ""
    if naam not in HEEL:
        if isinstance(mijn, dict) and isinstance(hun, dict):
            return _dict(basis if isinstance(basis, dict) else {}, mijn, hun, pad, keuzes, uit,
                         blind or not isinstance(basis, dict))
        if isinstance(mijn, list) and isinstance(hun, list) and not blind \
                and isinstance(basis, list):
            samen = _lijst(basis, mijn, hun, pad, keuzes, uit)
            if samen is not _WEG:
                return samen
    return _kies(pad, basis, mijn, hun, keuzes, uit)


def _dict(basis: Mapping[str, Any], mijn: Mapping[str, Any], hun: Mapping[str, Any], pad: Pad,
          keuzes: Mapping[Pad, str], uit: Samenvoeging, blind: bool) -> dict[str, Any]:
    sleutels = list(hun) + [k for k in mijn if k not in hun]
    samen: dict[str, Any] = {}
    if all(k in d for k in KLOK for d in (mijn, hun)):
        # De klok van een fase als één geheel (zie KLOK).
        drie = [tuple(d.get(k) for k in KLOK) if d else None for d in (basis, mijn, hun)]
        klok = _waarde(drie[0], drie[1], drie[2], (*pad, KLOK_VELD), keuzes, uit, blind)
        samen.update(zip(KLOK, klok, strict=True))
        sleutels = [k for k in sleutels if k not in KLOK]
    for k in sleutels:
        if k == "versie":
            samen[k] = hun.get(k, mijn.get(k))
            continue
        waarde = _waarde(basis.get(k, _WEG), mijn.get(k, _WEG), hun.get(k, _WEG), (*pad, k),
                         keuzes, uit, blind)
        if waarde is not _WEG:
            samen[k] = waarde
    return samen


def _lijst(basis: list, mijn: list, hun: list, pad: Pad, keuzes: Mapping[Pad, str],
           uit: Samenvoeging) -> Any:
    """Twee gewijzigde lijsten samen, of ``_WEG`` als dat niet zonder vraag kan."""
    n = len(basis)
    if mijn[:n] == basis and hun[:n] == basis:
        # Alleen iets achteraan (logboek, stemmingen): beide aanvullingen, op tijd.
        erbij_hun = hun[n:]
        erbij = erbij_hun + [x for x in mijn[n:] if x not in erbij_hun]
        if all(isinstance(x, dict) and isinstance(x.get("moment"), str) for x in erbij):
            erbij.sort(key=lambda x: x["moment"])
        return basis + erbij
    if all(isinstance(x, (str, int)) for x in [*basis, *mijn, *hun]):
        # Een lijst van kenmerken: als verzameling (wat de een weghaalde, blijft weg).
        weg = set(basis) - set(mijn)
        samen = [x for x in hun if x not in weg]
        return samen + [x for x in mijn if x not in basis and x not in samen]
    if len(mijn) == len(hun) == n and all(isinstance(x, dict) for x in [*mijn, *hun]) \
            and _zelfde_volgorde(basis, mijn, hun):
        # Evenveel onderdelen in dezelfde volgorde (de fasen van de agenda): per onderdeel.
        return [_waarde(b, m, h, (*pad, i), keuzes, uit, False)
                for i, (b, m, h) in enumerate(zip(basis, mijn, hun, strict=True))]
    if _met_sleutel(basis) and _met_sleutel(mijn) and _met_sleutel(hun):
        # Agendapunten: een kant voegde een punt toe, haalde er een weg of verschoof er een
        # (agenda.py).
        return _op_sleutel(basis, mijn, hun, pad, keuzes, uit)
    return _WEG


def _zelfde_volgorde(basis: list, mijn: list, hun: list) -> bool:
    """Waar als geen kant onderdelen met een sleutel verschoof: dan is samenvoegen per plek
    goed. Verschoof er een (een agendapunt omhoog), dan per sleutel, anders kwamen de
    notities van het ene punt bij het andere."""
    if not (_met_sleutel(basis) and _met_sleutel(mijn) and _met_sleutel(hun)):
        return True
    return ([x["sleutel"] for x in basis] == [x["sleutel"] for x in mijn]
            == [x["sleutel"] for x in hun])


def _met_sleutel(lijst: list) -> bool:
    """Waar voor een lijst onderdelen met elk een eigen 'sleutel' (de fasen van de agenda)."""
    sleutels = [x.get("sleutel") if isinstance(x, dict) else None for x in lijst]
    return None not in sleutels and len(set(sleutels)) == len(sleutels)


def _op_sleutel(basis: list, mijn: list, hun: list, pad: Pad, keuzes: Mapping[Pad, str],
                uit: Samenvoeging) -> list:
    """Twee lijsten onderdelen met een sleutel samen: de volgorde van de kant die punten
    verschoof (van ``hun`` als geen of beide), wat alleen de andere kant toevoegde na zijn
    voorganger, wat een kant weghaalde blijft weg, en per sleutel die beide hebben veld voor
    veld."""
    b = {x["sleutel"]: x for x in basis}
    m = {x["sleutel"]: x for x in mijn}
    h = {x["sleutel"]: x for x in hun}
    weg = (set(b) - set(m)) | (set(b) - set(h))
    # De volgorde van hun, tenzij alleen mijn kant punten verschoof: dan die van mij. Wat de
    # andere kant toevoegde, komt na zijn voorganger daar.
    eerst, ander = (m, h) if _verschoof(m, b) and not _verschoof(h, b) else (h, m)
    volgorde = [k for k in eerst if k not in weg]
    vorige: str | None = None
    for k in ander:
        if k not in eerst and k not in b:
            plek = volgorde.index(vorige) + 1 if vorige in volgorde else len(volgorde)
            volgorde.insert(plek, k)
        vorige = k
    samen = []
    for i, k in enumerate(volgorde):
        if k in m and k in h:
            samen.append(_waarde(b.get(k, {}), m[k], h[k], (*pad, i), keuzes, uit,
                                 k not in b))
        else:
            samen.append(m.get(k) or h[k])
    return samen


def _verschoof(kant: dict[str, Any], basis: dict[str, Any]) -> bool:
    """Waar als ``kant`` de sleutels die ook in ``basis`` staan in een andere volgorde heeft."""
    return [k for k in kant if k in basis] != [k for k in basis if k in kant]


def neem_over(obj: Any, nieuw: Any) -> None:
    """Zet de velden van ``nieuw`` in ``obj`` (zelfde dataclass): wie ``obj`` vasthoudt (de
    sessie, de klok, een scherm), ziet meteen de samengevoegde of elders bewaarde stand."""
    for veld in dataclasses.fields(obj):
        setattr(obj, veld.name, getattr(nieuw, veld.name))


# --- in woorden, voor de vraag aan de voorzitter ---------------------------------------

_VELDEN = {
    "plaats": "de plaats",
    "voorzitter": "de voorzitter",
    "notulist": "de notulist",
    "fase_index": "de fase waarin de vergadering is",
    "gestart": "of de vergadering begonnen is",
    "gesloten_op": "het sluiten van de vergadering",
    "top5": "de top 5",
    "reden_extra_acties": "de reden voor een extra actie",
    "volgende_vergadering": "de datum van de volgende vergadering",
    "volgende_tijd": "de tijd van de volgende vergadering",
    "grenskeuze": "de keuze op de grens van de top 5",
    "correcties_vorig": "de correcties op het vorige verslag",
    "vorig_vastgesteld": "het vaststellen van het vorige verslag",
    "vastgesteld_op": "de datum waarop het verslag is vastgesteld",
    "vastgestelde_correcties": "de correcties bij het vaststellen",
    "titel": "de titel van het agendapunt",
    "notities": "de notities",
    "extra_s": "de extra tijd",
    "status": "de status",
    "reden": "de reden",
    "tekst": "de tekst",
    "thema": "het thema",
    "buurt": "de buurt",
    "aantal": "het aantal bewoners",
    "omschrijving": "de omschrijving",
    "eigenaar": "de eigenaar",
    "eerste_stap": "de eerste stap",
    "eerste_stap_datum": "de datum van de eerste stap",
    "checkmoment": "het checkmoment",
    "verandering": "de beoogde verandering",
    "terugkoppelzin": "de terugkoppelzin",
    "gehoord": "wat we hoorden",
    "gedaan": "wat we doen",
    "lukt_niet": "wat (nog) niet lukt",
    "volgende_update": "de volgende update",
    "kanaal": "het kanaal",
    "naam": "de naam",
}
# Gegevens van bewoners: nooit in beeld, ook niet in deze vraag.
PRIVE = frozenset({"contact"})


def veld_in_woorden(pad: Pad, signaaltekst: Callable[[str], str] = lambda s: s) -> str:
    """Het veld van een conflict in gewone taal ('de notities bij fase 1');
    ``signaaltekst`` geeft bij een signaalkenmerk een korte omschrijving."""
    if not pad:
        return "het geheel"
    kop, rest = pad[0], pad[1:]
    if kop == "fasen" and rest and isinstance(rest[0], int):
        fase = f"fase {rest[0] + 1}"
        if len(rest) == 2 and rest[1] == KLOK_VELD:
            return f"de klok van {fase}"
        return f"{_VELDEN.get(str(rest[-1]), 'de gegevens')} bij {fase}" if len(rest) > 1 \
            else f"{fase}"
    if kop == "stippen" and rest:
        return f"de stippen van '{signaaltekst(str(rest[0]))}'"
    if kop == "scores" and rest:
        return f"de weging van '{signaaltekst(str(rest[0]))}'"
    if kop == "aanwezigheid" and rest:
        return f"de aanwezigheid van {rest[0]}"
    if kop == "terugkoppeling" and rest:
        return f"de terugkoppeling ({_VELDEN.get(str(rest[-1]), str(rest[-1]))})"
    if kop in PRIVE:
        return "het contact van de melder"
    if kop == "privacykeuzes":  # de sleutel is zelf een mogelijk persoonsgegeven: niet tonen
        return "een keuze in de privacycheck"
    laatste = str(pad[-1]) if not isinstance(pad[-1], int) else str(kop)
    return _VELDEN.get(laatste, laatste.replace("_", " "))


def waarde_in_woorden(pad: Pad, waarde: Any) -> str:
    """Een waarde uit een conflict, kort en zonder gegevens van bewoners."""
    if any(deel in PRIVE for deel in pad):
        return "(niet getoond: gegevens van een bewoner)"
    if pad and pad[-1] == KLOK_VELD and isinstance(waarde, (tuple, list)):
        gebruikt, gestart = waarde
        minuten, seconden = divmod(int(gebruikt or 0), 60)
        stand = "loopt" if gestart is not None else "staat stil"
        return f"{minuten:02d}:{seconden:02d} gebruikt, {stand}"
    if waarde is _WEG or waarde is None or waarde == "" or waarde == [] or waarde == {}:
        return "(leeg)"
    if isinstance(waarde, bool):
        return "ja" if waarde else "nee"
    if isinstance(waarde, (date, datetime)):
        return waarde.isoformat()
    if isinstance(waarde, list):
        return kort(", ".join(waarde_in_woorden(pad, w) for w in waarde), 200)
    if isinstance(waarde, dict):
        delen = [f"{k}: {waarde_in_woorden((*pad, k), v)}" for k, v in waarde.items()
                 if k not in PRIVE and v not in (None, "", [], {})]
        return kort("; ".join(delen), 200) or "(leeg)"
    from .privacy import maskeer  # vrije tekst kan namen en nummers van bewoners bevatten

    return kort(maskeer(str(waarde)), 200)


_SOORTEN = {
    "Vergadering": "de vergadering",
    "Signaal": "een signaal",
    "Actie": "een actie",
    "Wijkverband": "het wijkverband",
}


def vraag_in_woorden(
    obj: Any, conflict: Conflict, signaaltekst: Callable[[str], str] = lambda s: s
) -> tuple[str, str, str]:
    """De vraag aan de voorzitter bij een conflict, met de waarde van hier en die van het
    andere venster, in gewone taal en zonder gegevens van bewoners. ``signaaltekst`` geeft
    de tekst van een signaal (voor 'de stippen van …'); die wordt ook gemaskeerd."""
    from .privacy import maskeer

    wat = _SOORTEN.get(type(obj).__name__, "dit")
    if type(obj).__name__ == "Actie":
        wat = f"actie {getattr(obj, 'nummer', '')}"
    veld = veld_in_woorden(conflict.pad, lambda sid: kort(maskeer(signaaltekst(sid)), 40))
    zin = (f"Een ander venster heeft {veld} in {wat} tegelijk anders ingevuld. "
           "Welke waarde blijft staan?")
    return (zin, waarde_in_woorden(conflict.pad, conflict.mijn),
            waarde_in_woorden(conflict.pad, conflict.hun))
