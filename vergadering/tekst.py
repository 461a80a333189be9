"""Tekst van gebruikers: controleren bij invoer, schoonmaken bij uitvoer.

Opslag bewaart wat iemand typte (ook stuurtekens en emoji); pas waar tekst een
document of scherm in gaat, halen we weg wat daar niet kan staan.
"""

from __future__ import annotations

import re

from .fouten import OngeldigeInvoer

MAX_TEKST = 10_000

# Tekens die XML (en dus Word) niet kan bevatten: stuurtekens, losse surrogaten, FFFE/FFFF.
_XML_ONGELDIG = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_WITRUIMTE = re.compile(r"\s+")
# Stuurtekens (C0 behalve tab en regeleinde, DEL en C1): in een plakbuffer nooit bedoeld.
_STUURTEKEN = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_REGELEINDE = re.compile(r"[ \t]*(?:\r\n|\r|\n|\t)[ \t]*")


def invoer(tekst: object, veld: str, *, verplicht: bool = False, maximum: int = MAX_TEKST) -> str:
    """Controleer een ingevuld veld en geef het terug zoals getypt (zonder witruimte eromheen).

    Gooit ``OngeldigeInvoer`` met een Nederlandse zin als het veld verplicht en leeg is,
    of langer dan ``maximum`` tekens.
    """
    s = "" if tekst is None else str(tekst).strip()
    if verplicht and not s:
        raise OngeldigeInvoer(f"Vul {veld} in; dat veld mag niet leeg zijn.")
    if len(s) > maximum:
        raise OngeldigeInvoer(
            f"{veld[:1].upper()}{veld[1:]} is {len(s):,} tekens lang; het mag er hoogstens "
            f"{maximum:,} hebben.".replace(",", ".")
        )
    return s


def geplakt(tekst: str) -> str:
    """Geplakte tekst voor een veld van één regel: stuurtekens (een bel, een escape) weg,
    regeleinden en tabs worden een spatie. Zo komt alles wat geplakt werd in het veld, niet
    alleen de eerste regel, en niets wat niemand kan zien."""
    return _REGELEINDE.sub(" ", _STUURTEKEN.sub("", tekst))


def xml_veilig(tekst: object) -> str:
    """Tekst zonder de tekens die XML niet kan bevatten (voor Word-documenten)."""
    return _XML_ONGELDIG.sub("", "" if tekst is None else str(tekst))


# Terminalcodes: een volledige escapereeks (CSI "\x1b[31m", OSC "\x1b]0;titel\x07", of een
# losse ESC met één teken), en wat van een CSI-reeks overblijft als de ESC al weg is ("[31m").
_ESCAPEREEKS = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-Z\\-_]"
    r"|\x9b[0-?]*[ -/]*[@-~]"
)
_RESTCODE = re.compile(r"\[(?:\d{1,3}(?:;\d{1,3})*)?m|\[\d{1,3}(?:;\d{1,3})*[ABCDHJKfG]")
# Tekens die de richting van tekst omdraaien of isoleren (LRE, RLE, PDF, LRO, RLO, LRI, RLI,
# FSI, PDI, LRM, RLM, ALM): in een openbaar stuk kunnen ze een plaatsnaam omkeren.
_RICHTING = re.compile(r"[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")


def zonder_stuurcodes(tekst: object) -> str:
    """Tekst zonder terminalcodes ("\\x1b[31m", ook een achtergebleven "[31m") en zonder
    richtingstekens (U+202E en dergelijke): voor alles wat openbaar wordt."""
    s = "" if tekst is None else str(tekst)
    if "\x1b" in s or "\x9b" in s:
        s = _ESCAPEREEKS.sub("", s)
    if "[" in s:
        s = _RESTCODE.sub("", s)
    return _RICHTING.sub("", s)


def uitvoer_veilig(tekst: object) -> str:
    """``zonder_stuurcodes`` en dan ``xml_veilig``: voor Word-documenten en platte tekst."""
    return xml_veilig(zonder_stuurcodes(tekst))


def al_een_regel(tekst: str) -> bool:
    """Waar als ``een_regel`` deze tekst ongemoeid laat: isprintable() is onwaar voor elk
    stuurteken, surrogaat en elke andere witruimte dan de spatie."""
    return (tekst.isprintable() and "  " not in tekst
            and tekst[:1] != " " and tekst[-1:] != " ")


def een_regel(tekst: object) -> str:
    """Alles op één regel, stuurtekens weg: voor namen en titels op het scherm."""
    if type(tekst) is str and al_een_regel(tekst):  # het gewone geval, snel
        return tekst
    return _WITRUIMTE.sub(" ", xml_veilig(tekst)).strip()


def kort(tekst: object, n: int = 60) -> str:
    """Eén regel, hoogstens ``n`` tekens (met … als er is afgekapt): voor logregels en
    meldingen."""
    regel = een_regel(tekst)
    return regel if len(regel) <= n else regel[: n - 1] + "…"
