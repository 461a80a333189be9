"""Signalen inlezen uit een spreadsheet (.xlsx) of een lijst (.csv), zoals professionals ze
bij een micro-uitvraag en buurtgesprekken verzamelen.

- Kolommen worden op hun Nederlandse kop herkend, in elke volgorde ("Signaal", "Datum",
  "Praktijkvorm", "Thema", "Buurt", "Aantal bewoners", "Contact"); alleen het signaal zelf is
  verplicht. Een onbekende kop wordt genoemd en overgeslagen.
- Eerst komt een voorbereiding: wat erbij komt, welke rijen niet kloppen (met rijnummer zoals
  de spreadsheet het toont, en de reden), hoeveel lege rijen er waren. Klopt er een rij niet,
  dan wordt niets toegevoegd: nooit een half ingelezen lijst.
- Het kenmerk van een ingelezen signaal volgt uit wijkverband, datum en tekst. Wie dezelfde
  lijst nog eens inleest (of een import na een onderbreking opnieuw start), krijgt geen
  dubbele signalen: wat er al is, wordt overgeslagen.
- Het contact is privé (``Signaal.contact``) en komt nergens in beeld.
"""

from __future__ import annotations

import csv
import hashlib
import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from . import datums
from .fouten import OngeldigeInvoer

# Per veld de koppen die we herkennen (kleine letters, zonder leestekens eromheen).
KOPPEN: dict[str, tuple[str, ...]] = {
    "tekst": ("signaal", "signalen", "tekst", "omschrijving", "melding", "wat horen we",
              "wat horen of zien we", "signaal uit de wijk"),
    "datum": ("datum", "datum signaal", "gemeld op", "wanneer", "datum binnengekomen"),
    "vorm": ("vorm", "praktijkvorm", "basisvorm", "opgehaald via"),
    "thema": ("thema", "onderwerp"),
    "buurt": ("buurt", "wijk", "locatie", "plek", "straat"),
    "aantal": ("aantal", "aantal bewoners", "bewoners", "hoeveel bewoners", "aantal mensen"),
    "contact": ("contact", "contactpersoon", "contactgegevens", "naam en contact",
                "contact (privé)", "contact prive"),
}
VERPLICHT = ("tekst",)
_ALFABET = "abcdefghjkmnpqrstuvwxyz23456789"


@dataclass
class Rijfout:
    """Een rij die niet klopt: het rijnummer zoals de spreadsheet het toont, en waarom."""

    rij: int
    reden: str

    def __str__(self) -> str:
        return f"Rij {self.rij}: {self.reden}"


@dataclass
class Voorbereiding:
    """Wat een import zou doen (zie ``bereid_voor``)."""

    signalen: list[Any] = field(default_factory=list)  # Signaal
    rijnummers: list[int] = field(default_factory=list)  # per signaal zijn rij in het bestand
    fouten: list[Rijfout] = field(default_factory=list)
    lege_rijen: int = 0
    al_bekend: int = 0
    kolommen: dict[str, str] = field(default_factory=dict)  # veld -> kop in het bestand
    overgeslagen_koppen: list[str] = field(default_factory=list)


def _kop(waarde: object) -> str:
    return " ".join(str(waarde or "").replace("\ufeff", "").strip(" :*").lower().split())


def _rijen(pad: Path) -> Iterator[list[object]]:
    """De rijen van het bestand als lijsten waarden (de eerste is de kop)."""
    soort = pad.suffix.lower()
    if soort in (".xlsx", ".xlsm"):
        try:
            from openpyxl import load_workbook
        except ImportError as fout:  # pragma: no cover - openpyxl hoort erbij
            raise OngeldigeInvoer("Voor .xlsx is openpyxl nodig; installeer het opnieuw.") from fout
        try:
            boek = load_workbook(pad, read_only=True, data_only=True)
        except Exception as fout:  # openpyxl gooit van alles bij een kapot bestand
            raise OngeldigeInvoer(
                f"{pad.name} is geen leesbaar Excel-bestand; bewaar het opnieuw als .xlsx of "
                "als .csv en probeer het nog eens.") from fout
        try:
            blad = boek.worksheets[0]
            for rij in blad.iter_rows(values_only=True):
                yield list(rij)
        finally:
            boek.close()
        return
    if soort in (".csv", ".txt"):
        ruw = pad.read_bytes()
        try:
            tekst = ruw.decode("utf-8-sig")
        except UnicodeDecodeError:
            tekst = ruw.decode("cp1252", errors="replace")  # Excel op Windows
        begin = tekst[:4096]
        try:
            scheiding = csv.Sniffer().sniff(begin, delimiters=";,\t").delimiter
        except csv.Error:
            # Nederlandse Excel schrijft ';', de rest van de wereld ','.
            scheiding = ";" if begin.count(";") > begin.count(",") else ","
        yield from csv.reader(io.StringIO(tekst), delimiter=scheiding)
        return
    raise OngeldigeInvoer(
        f"{pad.name} is geen .xlsx of .csv; bewaar de lijst in een van die vormen.")


def _leeg(rij: list[object]) -> bool:
    return all(w is None or not str(w).strip() for w in rij)


def _datum(waarde: object, vandaag: date) -> date:
    if isinstance(waarde, datetime):
        return waarde.date()
    if isinstance(waarde, date):
        return waarde
    if waarde is None or not str(waarde).strip():
        return vandaag
    return datums.lees_datum(str(waarde), vandaag)


def _aantal(waarde: object) -> int:
    if waarde is None or not str(waarde).strip():
        return 1
    if isinstance(waarde, float) and waarde.is_integer():
        return int(waarde)
    if isinstance(waarde, int) and not isinstance(waarde, bool):
        return waarde
    tekst = str(waarde).strip()
    if not tekst.isdigit():
        raise OngeldigeInvoer(f"'{tekst[:20]}' is geen aantal bewoners; vul een heel getal in.")
    return int(tekst)


def _contact(waarde: object):
    from .signaal import Contact

    tekst = str(waarde or "").strip()
    if not tekst:
        return None
    naam, _, gegevens = tekst.partition(";")
    return Contact(naam.strip(), gegevens.strip())


def _kenmerk(wijkverband_id: str, datum: date, tekst: str, keer: int, lengte: int = 6) -> str:
    """Een vast kenmerk uit wat het signaal is: dezelfde rij opnieuw ingelezen krijgt hetzelfde
    kenmerk (geen dubbele signalen). ``keer`` onderscheidt twee gelijke rijen in één bestand."""
    sleutel = f"{wijkverband_id}\n{datum.isoformat()}\n{tekst}\n{keer}".encode()
    getal = int.from_bytes(hashlib.blake2b(sleutel, digest_size=8).digest(), "big")
    n = len(_ALFABET)
    tekens = [_ALFABET[(getal // n**i) % n] for i in range(lengte)]
    return f"{datum:%y%m}-{''.join(tekens)}"


def bereid_voor(pad: Path, wijkverband_id: str, bestaand: dict[str, str], vandaag: date,
                voortgang: Callable[[int], None] | None = None) -> Voorbereiding:
    """Lees het bestand en maak de signalen, zonder iets te bewaren.

    ``bestaand``: kenmerk -> tekst van de signalen die het wijkverband al heeft (om dubbele
    over te slaan). ``voortgang`` krijgt na elke 500 rijen het aantal gelezen rijen.
    """
    from .signaal import Signaal

    uit = Voorbereiding()
    rijen = _rijen(pad)
    kop = next(rijen, None)
    while kop is not None and _leeg(kop):
        kop = next(rijen, None)
    if kop is None:
        raise OngeldigeInvoer(f"{pad.name} is leeg; er staat geen kopregel en geen signaal in.")
    bekend = {k: veld for veld, koppen in KOPPEN.items() for k in koppen}
    plek: dict[str, int] = {}
    for i, waarde in enumerate(kop):
        naam = _kop(waarde)
        veld = bekend.get(naam)
        if veld and veld not in plek:
            plek[veld] = i
            uit.kolommen[veld] = str(waarde).strip()
        elif naam:
            uit.overgeslagen_koppen.append(str(waarde).strip())
    ontbreekt = [v for v in VERPLICHT if v not in plek]
    if ontbreekt:
        raise OngeldigeInvoer(
            f"{pad.name} heeft geen kolom met het signaal; geef de kolom met de tekst de kop "
            "'Signaal' (andere kolommen: Datum, Praktijkvorm, Thema, Buurt, Aantal bewoners, "
            "Contact).")
    gezien: dict[str, int] = {}
    kopnummer = 1
    for nummer, rij in enumerate(rijen, start=kopnummer + 1):
        if voortgang is not None and nummer % 500 == 0:
            voortgang(nummer)
        if _leeg(rij):
            uit.lege_rijen += 1
            continue

        def waarde(veld: str, rij: list[object] = rij) -> object:
            i = plek.get(veld)
            return rij[i] if i is not None and i < len(rij) else None

        try:
            tekst = str(waarde("tekst") or "").strip()
            datum = _datum(waarde("datum"), vandaag)
            sleutel = f"{datum.isoformat()}\n{tekst}"
            keer = gezien.get(sleutel, 0)
            gezien[sleutel] = keer + 1
            kenmerk = _kenmerk(wijkverband_id, datum, tekst, keer)
            if kenmerk in bestaand and bestaand[kenmerk] != tekst:
                kenmerk = _kenmerk(wijkverband_id, datum, tekst, keer, lengte=10)
            signaal = Signaal(
                kenmerk, wijkverband_id, tekst, datum,
                vorm=str(waarde("vorm") or "").strip() or "overig",
                thema=str(waarde("thema") or "").strip(),
                buurt=str(waarde("buurt") or "").strip(),
                aantal=_aantal(waarde("aantal")),
                contact=_contact(waarde("contact")),
            )
        except OngeldigeInvoer as fout:
            uit.fouten.append(Rijfout(nummer, str(fout)))
            continue
        if kenmerk in bestaand:
            uit.al_bekend += 1
            continue
        uit.signalen.append(signaal)
        uit.rijnummers.append(nummer)
    return uit
