"""Wat in vrije tekst op een persoonsgegeven lijkt: aanspreekvormen, namen en adressen.

Geen zekerheid, wel een lijst om na te lopen (``privacycheck``): "mevrouw Jansen", "de familie
El Amrani", "Pieter Zwanenburg", "Lindelaan 14". Twee woorden met een hoofdletter zijn pas een
naam als ze niet van het wijkverband zelf zijn (leden, partners, buurten, plaatsen: ``bekend``),
geen straat en geen gewoon zinsbegin ("De Eikenstraat", "In Oosterlinde").

Alles werkt op genormaliseerde tekst (``normaliseer``): NFKC (volle-breedtecijfers worden
gewone cijfers) en zonder opmaaktekens (zero-width space, zachte afbreekstreep, RLM), want
die maken van "06\\u200b12345678" iets wat geen telefoonnummer lijkt maar het wel is.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from .tekst import zonder_stuurcodes

AANSPREEKVORM, NAAM, ADRES = "aanspreekvorm", "naam", "adres"

# Straatnamen eindigen bijna altijd op een van deze woorden ("Eikenstraat", "Lindelaan").
STRAATDELEN = (
    "straat", "laan", "weg", "plein", "pad", "hof", "kade", "gracht", "singel", "dreef",
    "dijk", "steeg", "park", "plantsoen", "markt", "erf", "baan", "ring", "allee", "boulevard",
    "veld", "hage", "hoek", "wal", "burcht", "haven", "dam", "straatje", "laantje", "zijde",
)
_STRAAT = "|".join(sorted(STRAATDELEN, key=len, reverse=True))

_VORM = (r"(?:de\s+)?(?:mevrouw|mevr\.?|mw\.?|meneer|mijnheer|dhr\.?|heer|familie|fam\.?)")
_TUSSEN = (r"(?:van|de|der|den|het|ter|ten|te|'t|’t|la|le|du|da|di|von|el|al|bin|ben)")
_HOOFD = r"[^\W\d_a-zß-ÿ][\w'’]*(?:-[^\W\d_][\w'’]*)*"
# "mevrouw Jansen", "dhr. J. de Vries", "de familie El Amrani", "meneer Van Dam".
_AANSPREEK = re.compile(
    rf"(?<![\w])(?i:{_VORM})[ \t\u00a0]+(?:[A-Z]\.[ \t\u00a0]*)*"
    rf"(?:(?i:{_TUSSEN})[ \t\u00a0]+)*{_HOOFD}(?:[ \t\u00a0]+{_HOOFD})?"
)
# "Lindelaan 14", "Eikenstraat 3a", "Kerkplein 2-4": een straat met een huisnummer.
_ADRES = re.compile(
    rf"(?<![\w])(?P<straat>{_HOOFD}(?:{_STRAAT}))[ \t\u00a0]+"
    r"(?P<nummer>\d{1,5}(?:[ \t\u00a0]?[a-zA-Z](?![\w]))?(?:[ \t\u00a0]*[-/][ \t\u00a0]*\d{1,5})?)"
    r"(?!\w)(?![,.]\d)"
)
# Een grove, lineaire voorselectie voor ``_namenparen``: het tweede woord van een paar begint
# na een spatie met een (mogelijke) hoofdletter. Liever te ruim (ook "é") dan een paar missen.
_MOGELIJK_PAAR = re.compile(r"[ \t\u00a0][^\W\d_a-z]")
_WOORD = re.compile(r"[^\W\d_][\w'’]*(?:-[^\W\d_][\w'’]*)*")
_TUSSENWOORDEN = frozenset(
    # Geen "in" en "op": "Ouders in het Beekkwartier" is geen naam.
    "van de der den het ter ten te 't ’t la le du da di von el al bin ben".split()
)
# Woorden met een hoofdletter die een zin (of kop) beginnen, geen naam zijn.
_GEWOON = frozenset(
    """
    de het een in op bij van aan voor na met om tot uit over onder door naar tegen sinds
    vanaf tijdens zonder na ik jij je u hij zij ze wij we jullie men er hier daar dit dat
    deze die wat wie waar wanneer hoe waarom welke ook en of maar want dus als toen omdat
    nu dan nog al wel niet geen elke iedere alle veel weinig meer minder sommige andere
    gisteren vandaag morgen vorige volgende deze ja nee graag dank bedankt beste hallo
    maandag dinsdag woensdag donderdag vrijdag zaterdag zondag
    januari februari maart april mei juni juli augustus september oktober november december
    actie acties signaal signalen bewoners bewoner buurt wijk gemeente stichting
    volgens namens via dankzij ondanks zoals behalve binnen buiten langs rond rondom
    vooral verder daarnaast bovendien eerst daarna nadat hoewel zodra zolang terwijl
    misschien waarschijnlijk helaas gelukkig natuurlijk echt vaak soms altijd nooit
    vanochtend vanmiddag vanavond vannacht afgelopen laatst onlangs binnenkort straks
    iemand niemand iedereen alles niets veel buren buurman buurvrouw buurtbewoners
    bewoonster kinderen ouders jongeren ouderen mensen gezinnen samen zowel beide
    wij onze ons mijn zijn haar hun uw jouw meldt melden zegt zeggen vraagt vragen
    let zie bel mail stuur kom graag svp ps nb nieuw nieuwe oud oude grote kleine
    """.split()
)


def normaliseer(tekst: object) -> str:
    """NFKC, zonder terminalcodes, richtingstekens en andere opmaaktekens (categorie Cf)."""
    s = zonder_stuurcodes(tekst)
    if s.isascii():
        return s
    return unicodedata.normalize("NFC", "".join(_teken(c) for c in s))


@functools.lru_cache(maxsize=4096)
def _teken(c: str) -> str:
    """NFKC van één teken; opmaaktekens weg. Een teken dat geen cijfer is maar wel cijfers
    zou worden ("¼" → "1⁄4", "²" → "2") blijft: anders plakt het aan een nummer vast."""
    if c.isascii():
        return c
    if unicodedata.category(c) == "Cf":
        return ""
    vorm = unicodedata.normalize("NFKC", c)
    if unicodedata.category(c) != "Nd" and any(t.isdigit() for t in vorm):
        return c
    return "".join(t for t in vorm if unicodedata.category(t) != "Cf")


def sleutel(tekst: str) -> str:
    """De vergelijkingsvorm van een vondst: genormaliseerd, één spatie, kleine letters."""
    return " ".join(normaliseer(tekst).split()).casefold()


@dataclass(frozen=True)
class Treffer:
    """Een stuk tekst dat op een persoonsgegeven lijkt."""

    begin: int
    eind: int
    soort: str
    tekst: str


_HEEL = "\x00"  # voor een hele bekende naam in ``bekend`` (naast de losse woorden)


def bekende_woorden(namen: Iterable[str]) -> frozenset[str]:
    """De woorden (kleine letters) van namen die het wijkverband zelf noemt, en elke naam als
    geheel (met ``_HEEL`` ervoor): een paar is pas bekend als het in één naam staat."""
    uit: set[str] = set()
    for naam in namen:
        tekst = normaliseer(naam or "")
        uit.update(re.findall(r"\d+", tekst))  # huisnummers van bekende adressen (het buurthuis)
        woorden = [w.casefold() for w in _WOORD.findall(tekst)]
        uit.update(woorden)
        if woorden:
            uit.add(_HEEL + " ".join(woorden))
    return frozenset(uit)


def _in_een_bekende_naam(woorden: list[str], bekend: frozenset[str]) -> bool:
    """Waar als deze woorden achter elkaar in één naam van het wijkverband staan ("Henk
    Brouwer", "Basisschool De Regenboog"); "Henk Jansen" uit twee leden is onbekend."""
    zin = " " + " ".join(w.casefold() for w in woorden) + " "
    return any(naam.startswith(_HEEL) and zin in f" {naam[1:]} " for naam in bekend)


def _is_straat(woord: str) -> bool:
    w = woord.casefold()
    return any(w.endswith(deel) and len(w) > len(deel) for deel in STRAATDELEN) or w in STRAATDELEN


def _hoofdletter(woord: str) -> bool:
    return woord[:1].isupper()


def _namenparen(tekst: str, bekend: frozenset[str]) -> list[Treffer]:
    """Twee of drie woorden met een hoofdletter, eventueel met tussenvoegsels ertussen."""
    if not _MOGELIJK_PAAR.search(tekst):
        return []  # snel: nergens een hoofdletter na een spatie
    woorden = list(_WOORD.finditer(tekst))
    uit: list[Treffer] = []
    i = 0
    while i < len(woorden):
        eerste = woorden[i]
        if not _hoofdletter(eerste.group(0)) or eerste.group(0).casefold() in _GEWOON:
            i += 1
            continue
        delen = [i]
        j = i + 1
        while j < len(woorden) and len(delen) < 6:
            tussen = tekst[woorden[j - 1].end():woorden[j].start()]
            if not re.fullmatch(r"[ \t\u00a0]{1,2}", tussen):
                break
            woord = woorden[j].group(0)
            if _hoofdletter(woord) and woord.casefold() not in _GEWOON:
                delen.append(j)
                j += 1
            elif woord.casefold() in _TUSSENWOORDEN or (
                _hoofdletter(woord) and woord.casefold() in _TUSSENWOORDEN
            ):
                j += 1  # tussenvoegsel: alleen als er weer een naamdeel volgt
            else:
                break
        # Het laatste deel is een naamdeel (geen tussenvoegsel).
        while j > i + 1 and woorden[j - 1].group(0).casefold() in _TUSSENWOORDEN \
                and j - 1 not in delen:
            j -= 1
        hoofdwoorden = [woorden[k].group(0) for k in delen if k < j]
        if len(hoofdwoorden) < 2:
            i += 1
            continue
        laatste_k = max(k for k in delen if k < j)
        alle_woorden = [woorden[k].group(0) for k in range(i, laatste_k + 1)]
        if _in_een_bekende_naam(alle_woorden, bekend) or any(_is_straat(w) for w in hoofdwoorden):
            i = j
            continue
        laatste = woorden[laatste_k]
        uit.append(Treffer(eerste.start(), laatste.end(), NAAM,
                           tekst[eerste.start():laatste.end()]))
        i = j
    return uit


def vind(tekst: str, bekend: frozenset[str] = frozenset()) -> list[Treffer]:
    """Aanspreekvormen, namen en adressen in ``tekst`` (al genormaliseerd), zonder overlap.

    ``bekend``: woorden van namen van het wijkverband zelf (``bekende_woorden``).
    """
    if not tekst:
        return []
    treffers: list[Treffer] = []
    for m in _AANSPREEK.finditer(tekst):
        gevonden = m.group(0)
        laatste = gevonden.split()[-1]
        if laatste.casefold() in _GEWOON:  # "mevrouw Jansen Vandaag": het laatste woord niet
            gevonden = gevonden[: gevonden.rstrip().rfind(laatste)].rstrip()
        # Ook "meneer Brouwer" terwijl er een lid Henk Brouwer is: Jansen en Brouwer zijn
        # gewone achternamen, dus de notulist beslist.
        treffers.append(Treffer(m.start(), m.start() + len(gevonden), AANSPREEKVORM, gevonden))
    for m in _ADRES.finditer(tekst):
        cijfers = re.match(r"\d+", m.group("nummer"))
        if m.group("straat").casefold() in bekend and cijfers and cijfers.group(0) in bekend:
            continue  # het adres van het buurthuis of een partner
        treffers.append(Treffer(m.start(), m.end(), ADRES, m.group(0)))
    treffers += _namenparen(tekst, bekend)
    treffers.sort(key=lambda t: (t.begin, -(t.eind - t.begin)))
    zonder_overlap: list[Treffer] = []
    for t in treffers:
        if zonder_overlap and t.begin < zonder_overlap[-1].eind:
            continue
        zonder_overlap.append(t)
    return zonder_overlap


def straat_van(adres: str) -> str:
    """De straat van een adres ("Lindelaan 14" → "Lindelaan")."""
    m = _ADRES.search(adres)
    return m.group("straat") if m else adres
