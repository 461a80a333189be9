"""Lijsten voor de opdrachtregel: rijen (ook als JSON) en een Rich-tabel.

Contactgegevens van bewoners komen hier nooit in: alleen óf er een contact is.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from datetime import date
from operator import itemgetter
from typing import TYPE_CHECKING, Any

from . import datums
from .signaal import bundelaantallen
from .tabel import tabel_tekst
from .tekst import al_een_regel, een_regel

if TYPE_CHECKING:
    from .actie import Actie
    from .signaal import Signaal
    from .vergadering import Vergadering

Rij = dict[str, Any]


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def signaalrijen(alle: list[Signaal], vandaag: date | None = None) -> list[Rij]:
    """Eén rij per signaal (uit ``Opslag.signalen``), zonder contactgegevens."""
    # De bundels in één keer per wijkverband, uit alleen de gebundelde signalen: totaal()
    # per signaal bouwt ze telkens opnieuw op (kwadratisch; tien jaar duurde zo minuten).
    # Per wijkverband, want een kenmerk is alleen binnen een wijkverband uniek, en bundelen
    # gaat nooit daarbuiten.
    gebundeld: dict[str, list[Signaal]] = {}
    for s in alle:
        if s.status == "gebundeld":
            gebundeld.setdefault(s.wijkverband_id, []).append(s)
    extra = {wv: bundelaantallen(groep) for wv, groep in gebundeld.items()}
    geen: dict[str, int] = {}
    return [
        {
            "id": s.id,
            "wijkverband": s.wijkverband_id,
            "datum": s.datum.isoformat(),
            "tekst": s.tekst,
            "vorm": s.vorm,
            "thema": s.thema,
            "buurt": s.buurt,
            "aantal": s.aantal,
            "aantal_met_bundel": s.aantal + extra.get(s.wijkverband_id, geen).get(s.id, 0),
            "status": s.status,
            "reden": s.reden,
            "gebundeld_in": s.gebundeld_in,
            "vergadering": s.vergadering_id,
            "heeft_contact": s.contact is not None,
        }
        for s in alle
    ]


def actierijen(alle: list[Actie], vandaag: date | None = None) -> list[Rij]:
    """Eén rij per actie (uit ``Opslag.acties``), met wat er op ``vandaag`` te laat is."""
    vandaag = vandaag or date.today()
    return [
        {
            "id": a.id,
            "wijkverband": a.wijkverband_id,
            "nummer": a.nummer,
            "omschrijving": a.omschrijving,
            "eigenaar": a.eigenaar,
            "partners": list(a.partners),
            "eerste_stap": a.eerste_stap,
            "eerste_stap_datum": _iso(a.eerste_stap_datum),
            "checkmoment": _iso(a.checkmoment),
            "status": a.status,
            "toelichting": a.laatste_toelichting(),
            "te_laat": a.achterstallig(vandaag),
            "besloten_op": a.besloten_op.isoformat(),
            "vergadering": a.vergadering_id,
            "signalen": list(a.signalen),
        }
        for a in alle
    ]


def vergaderingrijen(alle: list[Vergadering], vandaag: date | None = None) -> list[Rij]:
    """Eén rij per vergadering (uit ``Opslag.vergaderingen``)."""
    return [
        {
            "id": v.id,
            "wijkverband": v.wijkverband_id,
            "datum": v.datum.isoformat(),
            "plaats": v.plaats,
            "voorzitter": v.voorzitter,
            "notulist": v.notulist,
            "aanwezig": len(v.aanwezigen()),
            "top5": len(v.top5),
            "stemmingen": len(v.stemmingen),
            "acties": len(v.acties),
            "gesloten": v.gesloten,
            "volgende_update": _iso(v.terugkoppeling.volgende_update),
            "kanaal": v.terugkoppeling.kanaal,
        }
        for v in alle
    ]


def als_json(rijen: list[Rij]) -> str:
    """De rijen als JSON, precies zoals ``json.dumps(rijen, ensure_ascii=False, indent=2)``.

    Met inspringen gebruikt de json-module zijn trage Python-encoder (voor twintigduizend
    signalen een derde van de hele opdracht); rijen zijn plat (tekst, getallen, ja/nee,
    lijsten daarvan), dus hier schrijft de C-encoder elke waarde en zetten wij de regels
    eromheen. Iets anders in een rij gaat gewoon via ``json.dumps``.
    """
    try:
        delen = [
            "  {\n" + ",\n".join(f"    {_tekst(k)}: {_waarde(v)}" for k, v in rij.items())
            + "\n  }" if rij else "  {}"
            for rij in rijen
        ]
    except _NietPlat:
        return json.dumps(rijen, ensure_ascii=False, indent=2)
    return "[\n" + ",\n".join(delen) + "\n]" if delen else "[]"


class _NietPlat(Exception):
    """Een waarde die ``als_json`` niet zelf schrijft."""


_tekst = json.encoder.encode_basestring  # zonder ensure_ascii, zoals json.dumps hierboven
_VAST = {True: "true", False: "false", None: "null"}


def _waarde(v: Any) -> str:
    soort = type(v)
    if soort is str:
        return _tekst(v)
    if soort is int:
        return int.__repr__(v)
    if soort is bool or v is None:
        return _VAST[v]
    if soort is list:
        if not v:
            return "[]"
        return "[\n" + ",\n".join("      " + _enkel(x) for x in v) + "\n    ]"
    raise _NietPlat


def _enkel(v: Any) -> str:
    if type(v) is list:  # een lijst in een lijst: laat dat aan json over
        raise _NietPlat
    return _waarde(v)


# Per lijst de rijen uit wat de opslag-methode met dezelfde naam geeft.
RIJEN: dict[str, Callable[..., list[Rij]]] = {
    "signalen": signaalrijen,
    "acties": actierijen,
    "vergaderingen": vergaderingrijen,
}

_KOLOMMEN: dict[str, list[tuple[str, str]]] = {
    "signalen": [("id", "Kenmerk"), ("datum", "Datum"), ("tekst", "Signaal"), ("vorm", "Vorm"),
                 ("aantal_met_bundel", "Aantal"), ("status", "Status")],
    "acties": [("nummer", "Nr"), ("omschrijving", "Actie"), ("eigenaar", "Eigenaar"),
               ("eerste_stap_datum", "Eerste stap"), ("checkmoment", "Checkmoment"),
               ("status", "Status"), ("te_laat", "Let op")],
    "vergaderingen": [("datum", "Datum"), ("plaats", "Plaats"), ("aanwezig", "Aanwezig"),
                      ("acties", "Acties"), ("terugkoppeling", "Volgende update"),
                      ("gesloten", "Gesloten")],
}
_DATUMS = ("datum", "eerste_stap_datum", "checkmoment", "volgende_update")
# Korte kolommen breken niet af, zodat de tekstkolommen de ruimte krijgen.
_KORT = {"id", "nummer", "vorm", "status", "aantal_met_bundel", "aanwezig", "acties",
         "gesloten", *_DATUMS}
_BIJZONDER = {"eigenaar", "plaats", *_DATUMS}
# Zonder terminal (doorgestuurd naar een bestand of ander programma) een vaste breedte: een
# bredere tabel is dan beter leesbaar dan een smalle met afgebroken woorden.
BREEDTE_ZONDER_TERMINAL = 120


class _Datums(dict):
    """'2026-11-23' -> '23 nov 2026' (``datums.kort``), elke datum één keer: tien jaar heeft
    er 3.650, tegen twintigduizend cellen."""

    def __missing__(self, iso: str) -> str:
        tekst = self[iso] = datums.kort(date.fromisoformat(iso))
        return tekst


_KORTE_DATUMS = _Datums()


def cel(sleutel: str, waarde: Any) -> str:
    """De tekst in één tabelcel: Nederlandse datums, ja/nee, één regel zonder stuurtekens."""
    if type(waarde) is str and sleutel not in _BIJZONDER:  # het gewone geval eerst
        return een_regel(waarde)[:200]
    if type(waarde) is int:
        return str(waarde)
    if waarde is None or waarde == []:
        return "—"
    if isinstance(waarde, bool):
        return "ja" if waarde else "nee"
    if sleutel in _DATUMS and isinstance(waarde, str):
        return _KORTE_DATUMS[waarde]
    if sleutel == "eigenaar" and isinstance(waarde, str):
        waarde = waarde.split(" (")[0]  # 'Tom Hendriks'; de organisatie staat in de JSON
    if sleutel == "plaats" and isinstance(waarde, str):
        waarde = waarde.split(",")[0]  # 'Buurthuis De Kastanje', zonder adres
    if isinstance(waarde, list):
        waarde = ", ".join(str(w) for w in waarde)
    return een_regel(waarde)[:200]


def _terugkoppeling(rij: Rij) -> str:
    """De kolom 'Volgende update': datum en kanaal samen."""
    datum = cel("volgende_update", rij.get("volgende_update"))
    kanaal = cel("kanaal", rij.get("kanaal"))
    return datum if kanaal in ("—", "") else f"{datum} via {kanaal}"


def _kolom(sleutel: str, waarden: list[Any]) -> list[str]:
    """De cellen van één kolom: ``cel`` voor elke waarde, met het gewone geval per kolom in
    één keer (een lijst van tien jaar heeft honderdduizend cellen)."""
    if sleutel in _DATUMS:
        try:
            return list(map(_KORTE_DATUMS.__getitem__, waarden))
        except (TypeError, ValueError):  # geen datum (None, '—'): cel voor cel
            pass
    elif sleutel not in _BIJZONDER:
        try:
            samen = "|".join(waarden)  # ook de controle dat alles tekst is
        except TypeError:
            if set(map(type, waarden)) == {int}:
                return list(map(str, waarden))
        else:
            if _al_een_regel(samen) and max(map(len, waarden), default=0) <= 200:
                return waarden
    return [cel(sleutel, w) for w in waarden]


def _al_een_regel(samen: str) -> bool:
    """Waar als ``een_regel`` elke tekst in ``samen`` (de teksten van een kolom met ``|``
    ertussen, een zichtbaar teken) ongemoeid laat; een ``| `` in een tekst zelf geeft
    onwaar, en dan gaat de kolom gewoon cel voor cel."""
    return al_een_regel(samen) and "| " not in samen and " |" not in samen


def toon_tabel(soort: str, rijen: list[Rij]) -> None:
    """Toon de rijen als tabel op stdout, zo breed als de terminal (anders 120 tekens)."""
    if sys.stdout.isatty():
        import shutil  # alleen op een terminal: shutil laadt ook bz2 en lzma (~2 ms)

        breedte = shutil.get_terminal_size((BREEDTE_ZONDER_TERMINAL, 24)).columns
    else:
        breedte = BREEDTE_ZONDER_TERMINAL
    if not rijen:
        sys.stdout.write(f"Geen {soort} gevonden.\n")
        return
    kolommen = _KOLOMMEN[soort]
    sleutels = [k for k, _ in kolommen if k != "terugkoppeling"]
    # Eén keer langs de rijen voor alle kolommen (itemgetter en zip in C).
    haal = itemgetter(*sleutels, *sleutels[:1])  # minstens twee: dan altijd een tuple
    waarden = dict(zip(sleutels, zip(*map(haal, rijen), strict=True), strict=False))
    per_kolom = [_kolom(k, list(waarden[k])) if k != "terugkoppeling"
                 else [_terugkoppeling(rij) for rij in rijen] for k, _ in kolommen]
    kop_tekst, rijen_tekst = tabel_tekst(
        f"{soort.capitalize()} ({len(rijen)})",
        [(kop, sleutel not in _KORT) for sleutel, kop in kolommen], per_kolom, breedte)
    sys.stdout.write(kop_tekst)
    sys.stdout.write(rijen_tekst)
