"""Een tabel als platte tekst, voor de lijsten van de opdrachtregel.

Dezelfde opmaak als de Rich-tabel die hier eerst stond (``box.SIMPLE_HEAD``: titel, kop,
een streep, rijen; korte kolommen zo breed als hun inhoud, tekstkolommen breken op woorden),
maar zonder Rich: die rekende per cel met opgemaakte tekstobjecten en kostte voor
twintigduizend signalen tien seconden, vijftig keer het lezen van de gegevens. Hier is het
een paar stringbewerkingen per cel.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from typing import NamedTuple

from .tekst import al_een_regel

_WOORD = re.compile(r"\s*\S+\s*")


def breedte(tekst: str) -> int:
    """Hoeveel kolommen ``tekst`` op het scherm inneemt (breed Aziatisch schrift telt dubbel,
    combinerende tekens niet)."""
    if tekst.isascii():
        return len(tekst)
    return sum(_tekenbreedte(t) for t in tekst)


def _tekenbreedte(teken: str) -> int:
    if unicodedata.combining(teken) or unicodedata.category(teken) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(teken) in ("W", "F") else 1


def _knip(tekst: str, n: int) -> tuple[str, str]:
    """``tekst`` gesplitst na hoogstens ``n`` kolommen (minstens één teken)."""
    if tekst.isascii():
        return tekst[:n], tekst[n:]
    gebruikt = 0
    for i, teken in enumerate(tekst):
        gebruikt += _tekenbreedte(teken)
        if gebruikt > n and i:
            return tekst[:i], tekst[i:]
    return tekst, ""


def al_een_regel_samen(samen: str) -> bool:
    """Waar als ``al_een_regel`` geldt voor elke tekst in ``samen`` (de teksten van een kolom
    met ``|`` ertussen, een zichtbaar teken); een ``| `` in een tekst zelf geeft onwaar, en
    dan gaat de kolom gewoon cel voor cel."""
    return al_een_regel(samen) and "| " not in samen and " |" not in samen


class EenRegel(list):
    """De cellen van een kolom waarvan al vaststaat dat ze samen ``al_een_regel_samen``
    zijn: de tabel kijkt dat dan niet nog eens na (bij dertig jaar signalen ~10 ms)."""


def _breek_eenvoudig(tekst: str, n: int) -> list[str] | None:
    """``breek`` voor het gewone geval: ASCII, woorden met één spatie ertussen, geen woord
    langer dan een regel (dan is de langste regel tot een woordeinde precies wat de
    algemene weg geeft). None als de tekst daar niet aan voldoet."""
    if not (tekst.isascii() and al_een_regel(tekst)):
        return None
    return _breek_netjes(tekst, n)


def _breek_netjes(tekst: str, n: int) -> list[str] | None:
    """``_breek_eenvoudig`` voor een tekst waarvan al vaststaat dat hij ASCII is en
    ``al_een_regel``."""
    regels = []
    while len(tekst) > n:
        spatie = tekst.rfind(" ", 0, n + 1)
        if spatie <= 0:
            return None  # een woord langer dan de regel: vouwen gaat langs de algemene weg
        regels.append(tekst[:spatie].ljust(n))
        tekst = tekst[spatie + 1:]
    regels.append(tekst.ljust(n))
    return regels


def breek(tekst: str, n: int) -> list[str]:
    """``tekst`` in regels van hoogstens ``n`` kolommen, op woorden; een woord dat langer is
    dan een regel wordt gevouwen. Elke regel is precies ``n`` breed (aangevuld met spaties)."""
    if n < 1:  # een kolom van niets: dan een teken per regel, niet eindeloos
        n = 1
    eenvoudig = _breek_eenvoudig(tekst, n)
    if eenvoudig is not None:
        return eenvoudig
    if breedte(tekst) <= n:
        return [_vul(tekst, n)]
    regels: list[str] = []
    regel, gebruikt = "", 0
    for woord in _WOORD.findall(tekst):
        kaal = breedte(woord.rstrip())
        if gebruikt + kaal <= n:
            regel += woord
            gebruikt += breedte(woord)
            continue
        if regel:
            regels.append(regel)
        regel = woord
        if kaal > n:  # past op geen enkele regel: vouwen (met de spatie erachter, als Rich)
            while breedte(regel) > n:
                stuk, regel = _knip(regel, n)
                regels.append(stuk)
        gebruikt = breedte(regel)
    regels.append(regel)
    return [_vul(r, n) for r in regels]


def _vul(regel: str, n: int) -> str:
    over = n - breedte(regel)
    if over >= 0:
        return regel + " " * over
    return _knip(regel.rstrip(), n)[0] if breedte(regel.rstrip()) > n else _vul(
        regel.rstrip(), n)


def _kolombreedtes(koppen: Sequence[str], breekbaar: Sequence[bool],
                   breedste_cel: Sequence[int], ruimte: int) -> list[int]:
    """De breedte van elke kolom (met een spatie aan weerszijden), samen hoogstens ``ruimte``:
    eerst de breedste tekstkolommen smaller, op het laatst alle kolommen evenredig."""
    breedtes = [min(max(breedte(kop), cel) + 2, ruimte)
                for kop, cel in zip(koppen, breedste_cel, strict=True)]
    vast = [b for b, breekt in zip(breedtes, breekbaar, strict=True) if not breekt]
    te_veel = sum(breedtes) - ruimte
    while te_veel > 0 and any(breekbaar):
        breedste = max(b for b, breekt in zip(breedtes, breekbaar, strict=True) if breekt)
        tweede = max((b for b, breekt in zip(breedtes, breekbaar, strict=True)
                      if breekt and b != breedste), default=0)
        if breedste == tweede:
            break
        aan_de_beurt = [breekt and b == breedste
                        for b, breekt in zip(breedtes, breekbaar, strict=True)]
        stap = min(te_veel, breedste - tweede)
        breedtes = _verminder(breedtes, aan_de_beurt, [stap] * len(breedtes), te_veel)
        te_veel = sum(breedtes) - ruimte
    if te_veel > 0:
        breedtes = _verminder(breedtes, [True] * len(breedtes), breedtes, te_veel)
        # Korte kolommen breken niet: die blijven zo breed als hun inhoud.
        vaste = iter(vast)
        breedtes = [b if breekt else max(b, next(vaste))
                    for b, breekt in zip(breedtes, breekbaar, strict=True)]
    return breedtes


def _verminder(breedtes: list[int], welke: list[bool], hoogstens: list[int],
               totaal: int) -> list[int]:
    """Haal ``totaal`` kolommen weg, eerlijk verdeeld over de kolommen in ``welke``, per
    kolom hoogstens ``hoogstens``."""
    delen = sum(welke)
    uit = []
    for b, doen, grens in zip(breedtes, welke, hoogstens, strict=True):
        if doen and delen:
            weg = min(grens, round(totaal / delen))
            uit.append(b - weg)
            totaal -= weg
            delen -= 1
        else:
            uit.append(b)
    return uit


def tabel_tekst(titel: str, kolommen: Sequence[tuple[str, bool]],
                per_kolom: Sequence[Sequence[str]], max_breedte: int) -> tuple[str, str]:
    """Een tabel als tekst: titel, witregel, kop, streep, rijen, witregel.

    ``kolommen``: per kolom de kop en of de tekst mag afbreken (korte kolommen niet).
    ``per_kolom``: per kolom de tekst van elke cel (op één regel), alle even lang; per
    kolom, want zo worden ze gemaakt en gemeten.

    Geeft de kop (titel tot en met de streep) en de rijen apart, elk met een regeleinde
    erachter: de streep is geen ASCII, en zonder hem blijven tienduizenden ASCII-rijen in
    het geheugen één byte per teken, ook bij het wegschrijven.
    """
    aantal = len(per_kolom[0]) if per_kolom else 0
    return tabel_tekst_in_delen(titel, kolommen, aantal,
                                lambda begin, eind: [k[begin:eind] for k in per_kolom],
                                max_breedte)


# Vanaf zoveel rijen maakt een tweede proces de helft van de tabel (zie tegelijk.in_twee):
# zestigduizend rijen opmaken kost ~250 ms, een fork een paar ms.
RIJEN_TEGELIJK = 5000


# Een tekstkolom die zo smal zou worden, gaat onder zijn rij (zie ``tabel_tekst_in_delen``).
SMAL = 30


def tabel_tekst_in_delen(titel: str, kolommen: Sequence[tuple[str, bool]], aantal: int,
                         cellen: Callable[[int, int], Sequence[Sequence[str]]],
                         max_breedte: int, onder: int | None = None) -> tuple[str, str]:
    """``tabel_tekst`` voor ``aantal`` rijen waarvan ``cellen(begin, eind)`` de cellen per
    kolom maakt (van die rijen): bij veel rijen maakt een tweede proces de tweede helft,
    cellen en al (``tegelijk.in_twee``); alleen de breedste cel per kolom gaat heen en weer.
    De uitkomst is dezelfde als in één keer.

    ``onder``: de kolom met de hoofdtekst (het signaal, de actie). Zou die smaller worden
    dan ``SMAL`` tekens terwijl er langere teksten in staan (een smalle terminal, of veel
    andere tekstkolommen), dan staat de tekst onder de rest van zijn rij, over de hele
    breedte, in plaats van in een smalle kolom van zes regels hoog."""
    from .opslag.tegelijk import in_twee

    koppen = [kop for kop, _ in kolommen]
    breekbaar = [breekt for _, breekt in kolommen]
    ruimte = max_breedte - len(kolommen) - 1
    rest = [k for k in range(len(koppen)) if k != onder]  # de kolommen van de rij zelf

    def deel(begin: int, eind: int) -> tuple[tuple[Sequence[Sequence[str]], _Maten], list[int]]:
        per_kolom = cellen(begin, eind)
        maten = _maten(per_kolom)
        return (per_kolom, maten), maten.breedste_cel

    def samen(breedste: list[list[int]]) -> list[int]:
        maxima = list(map(max, zip(*breedste, strict=True)))
        breedtes = _kolombreedtes(koppen, breekbaar, maxima, ruimte)
        if onder is None or len(koppen) < 2 or maxima[onder] <= breedtes[onder] - 2 \
                or breedtes[onder] - 2 >= SMAL:
            return breedtes  # (zonder andere kolommen is er geen rij om onder te staan)
        zonder = _kolombreedtes([koppen[k] for k in rest], [breekbaar[k] for k in rest],
                                [maxima[k] for k in rest], max_breedte - len(rest) - 1)
        if _onder_breedte(zonder, max_breedte) <= breedtes[onder] - 2:
            return breedtes  # eronder wordt het niet breder: gewoon in de kolom
        zonder.insert(onder, 0)  # breedte 0: deze kolom staat onder de rij
        return zonder

    def af(staat: tuple[Sequence[Sequence[str]], _Maten], breedtes: list[int]
           ) -> tuple[str, list[int]]:
        per_kolom, maten = staat
        if onder is None or breedtes[onder]:
            return _rijen_tekst(per_kolom, maten, [b - 2 for b in breedtes]), breedtes
        zonder = [breedtes[k] for k in rest]
        rijen = _rijen([per_kolom[k] for k in rest],
                       _Maten(*([m[k] for k in rest] for m in maten)),
                       [b - 2 for b in zonder])
        inspringen = " " * _inspringen(zonder)
        n = _onder_breedte(zonder, max_breedte)
        for i, tekst in enumerate(per_kolom[onder]):
            if tekst:
                rijen[i] += "".join(["\n" + inspringen + regel + "  "
                                     for regel in breek(tekst, n)])
        return ("\n".join(rijen) + "\n" if rijen else ""), breedtes

    delen = in_twee(aantal, RIJEN_TEGELIJK, deel, samen, af)
    breedtes = delen[0][1]
    if onder is not None and not breedtes[onder]:
        koppen, breedtes = [koppen[k] for k in rest], [breedtes[k] for k in rest]
    return _kop_en_rijen(titel, koppen, breedtes, "".join(t for t, _ in delen), max_breedte)


def _inspringen(breedtes: list[int]) -> int:
    """Waar de tekst onder een rij begint: waar de tweede kolom begint (onder de eerste
    staat niets, zodat de rijen goed te onderscheiden blijven)."""
    return breedtes[0] + 3 if len(breedtes) > 1 else 2


def _onder_breedte(breedtes: list[int], max_breedte: int) -> int:
    """Hoe breed de tekst onder een rij mag zijn: van ``_inspringen`` tot de rand."""
    return max(max_breedte - _inspringen(breedtes) - 2, 1)


class _Maten(NamedTuple):
    """Per kolom van een stel rijen: alle cellen achter elkaar (met '|'), of alles ASCII
    is, de langste cel (in tekens) en de breedste (in kolommen op het scherm)."""

    samen: list[str]
    ascii_: list[bool]
    langste: list[int]
    breedste_cel: list[int]


def _maten(per_kolom: Sequence[Sequence[str]]) -> _Maten:
    # Per kolom één keer (in C): alle cellen achter elkaar, om te zien of alles ASCII is.
    samen = ["|".join(teksten) for teksten in per_kolom]
    ascii_ = [s.isascii() for s in samen]
    langste = [max(map(len, teksten), default=0) for teksten in per_kolom]
    # Niet-ASCII: elke verschillende tekst één keer meten ('—' staat in duizenden rijen).
    breedste_cel = [n if a else max(map(breedte, set(teksten)), default=0)
                    for teksten, a, n in zip(per_kolom, ascii_, langste, strict=True)]
    return _Maten(samen, ascii_, langste, breedste_cel)


def _rijen_tekst(per_kolom: Sequence[Sequence[str]], maten: _Maten,
                 binnen: list[int]) -> str:
    """De rijen als tekst, elke rij (met zijn vervolgregels) met een regeleinde erachter;
    ``binnen``: de breedte van elke kolom zonder de spaties eromheen."""
    rijen = _rijen(per_kolom, maten, binnen)
    return "\n".join(rijen) + "\n" if rijen else ""


def _rijen(per_kolom: Sequence[Sequence[str]], maten: _Maten, binnen: list[int]) -> list[str]:
    """Elke rij als tekst, met zijn vervolgregels (zonder regeleinde erachter)."""
    # Een rij waarvan elke cel smal is (elk teken één kolom breed: ASCII, maar ook 'é' of
    # '—') en past, is één opmaak met vaste breedtes (in C). Een cel die te lang is (de
    # tekst van een signaal, de helft van de rijen) breekt vooraf: de eerste regel gaat
    # door dezelfde opmaak, de volgende regels komen erachter. Alleen rijen met breed
    # schrift of tekens zonder breedte gaan cel voor cel.
    ascii_, samen, langste = maten.ascii_, maten.samen, maten.langste
    sjabloon = "  " + "   ".join(f"%-{max(n, 0)}s" for n in binnen) + "  "
    apart: set[int] = set()
    te_lang: dict[int, list[int]] = {}  # kolom -> de rijen waarin die kolom niet past
    for k, (teksten, n) in enumerate(zip(per_kolom, binnen, strict=True)):
        if not ascii_[k]:
            # Per verschillende tekst één keer ('—' in elke rij): welke niet smal zijn.
            breed = {t for t in set(teksten) if not t.isascii()
                     and not all(_tekenbreedte(teken) == 1 for teken in set(t))}
            if breed:
                apart.update(i for i, t in enumerate(teksten) if t in breed)
        if langste[k] > n:  # bij smalle tekst is de lengte de breedte
            te_lang[k] = [i for i, t in enumerate(teksten) if len(t) > n]
    # Een rij waarin meer dan één cel te lang is, gaat regel voor regel (hieronder); het
    # gewone geval is één te lange cel, en dan is de rest van de vervolgregels leeg.
    meer = set()
    if len(te_lang) > 1:
        gezien: set[int] = set()
        for rijen_k in te_lang.values():
            meer.update(gezien.intersection(rijen_k))
            gezien.update(rijen_k)
    overslaan = apart | meer
    # Staat elke cel van een kolom al netjes op één regel (één controle in C), dan breekt
    # een ASCII-cel eenvoudig af (``_breek_netjes``).
    netjes = {k: binnen[k] > 0 and (type(per_kolom[k]) is EenRegel
                                    or al_een_regel_samen(samen[k])) for k in te_lang}

    def afgebroken(k: int, tekst: str) -> list[str]:
        if netjes[k] and tekst.isascii():
            return _breek_netjes(tekst, binnen[k]) or breek(tekst, binnen[k])
        return breek(tekst, binnen[k])

    vakken = [" " * max(n, 0) for n in binnen]
    kolom_voor_kolom = [list(teksten) for teksten in per_kolom]
    vervolg: dict[int, str] = {}
    for k, rijen_k in te_lang.items():
        kolom, n = kolom_voor_kolom[k], binnen[k]
        voor = "\n  " + "".join(v + "   " for v in vakken[:k])
        na = "".join("   " + v for v in vakken[k + 1:]) + "  "
        for i in rijen_k:
            if i in overslaan:
                continue
            tekst = kolom[i]
            if netjes[k] and tekst.isascii():  # meestal twee regels: bij de laatste spatie
                spatie = tekst.rfind(" ", 0, n + 1)
                if spatie > 0 and len(tekst) - spatie - 1 <= n:
                    kolom[i] = tekst[:spatie]
                    vervolg[i] = voor + tekst[spatie + 1:].ljust(n) + na
                    continue
            eerste, *verder = afgebroken(k, tekst)
            kolom[i] = eerste
            if verder:
                vervolg[i] = voor + (na + voor).join(verder) + na
    per_kolom_lang = {k: set(rijen_k) for k, rijen_k in te_lang.items()} if meer else {}
    for i in meer - apart:
        stukken: dict[int, list[str]] = {}
        for k, rijen_k in per_kolom_lang.items():
            if i in rijen_k:
                eerste, *stukken[k] = afgebroken(k, kolom_voor_kolom[k][i])
                kolom_voor_kolom[k][i] = eerste
        # De vervolgregels kolom voor kolom even hoog gemaakt (lege cellen), dan regel voor
        # regel door de opmaak.
        hoogte = max(map(len, stukken.values()))
        leeg = [""] * hoogte
        vervolg[i] = "".join([
            "\n" + sjabloon % regel for regel in zip(*[
                stukken[k] + leeg[len(stukken[k]):] if k in stukken else leeg
                for k in range(len(binnen))], strict=True)])
    rijen = list(map(sjabloon.__mod__, zip(*kolom_voor_kolom, strict=True)))
    for i, rest in vervolg.items():
        rijen[i] += rest
    for i in apart:
        rijen[i] = "\n".join(_rij([teksten[i] for teksten in per_kolom], binnen))
    return rijen


def _kop_en_rijen(titel: str, koppen: list[str], breedtes: list[int], rijen_tekst: str,
                  max_breedte: int) -> tuple[str, str]:
    """Kop (titel, witregel, koppen, streep) en rijen (met een witregel erachter), elk
    met een regeleinde erachter; te breed (alleen als de korte kolommen samen al te breed
    zijn) dan afgekapt op ``max_breedte``."""
    totaal = sum(breedtes) + len(koppen) + 1
    binnen = [b - 2 for b in breedtes]
    kop = breek(titel, totaal)
    kop.append(" " * totaal)
    kop += _rij(koppen, binnen)
    kop.append(" " + "─" * (totaal - 2) + " ")
    kop_tekst, rijen_tekst = "\n".join(kop) + "\n", rijen_tekst + " " * totaal + "\n"
    if totaal > max_breedte:
        kop_tekst, rijen_tekst = (
            "".join(_knip(r, max_breedte)[0] + "\n" for r in t[:-1].split("\n"))
            for t in (kop_tekst, rijen_tekst))
    return kop_tekst, rijen_tekst


def _rij(teksten: Sequence[str], binnen: Sequence[int]) -> list[str]:
    """De regels van één rij: cellen die niet passen breken af over meer regels."""
    stukken = [[t.ljust(n)] if t.isascii() and len(t) <= n else breek(t, n)
               for t, n in zip(teksten, binnen, strict=True)]
    hoogte = max(map(len, stukken))
    return ["  " + "   ".join(s[r] if r < len(s) else " " * n
                              for s, n in zip(stukken, binnen, strict=True)) + "  "
            for r in range(hoogte)]
