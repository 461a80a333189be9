"""Zinnen uit delen: één plek voor leestekens, enkelvoud en meervoud, en opsommingen.

Wat iemand typte, eindigt soms op een punt, een vraagteken, een dubbele punt of niets. Wie
daar zelf een punt of dubbele punt achter plakt, krijgt "uit.. De", "respijtzorg.: is bezig"
of "zijn.: Eerst". Hier worden zinnen en zinsdelen daarom altijd samengesteld uit delen
waarvan eerst het slot (de leestekens aan het eind) weggehaald is.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

# Leestekens die een zin of zinsdeel afsluiten. Een vraag- of uitroepteken houdt een zin
# (het is inhoud), maar een zinsdeel midden in een zin verliest het ook.
_SLOT = ".!?:;,"  # een beletselteken ('…', ingekort) hoort bij de inhoud
_BEHOUD_AAN_EIND = "?!"


def zonder_slot(tekst: str) -> str:
    """De tekst zonder witruimte en afsluitende leestekens aan het eind ('zijn.: ' → 'zijn').
    Een afsluitend haakje of aanhalingsteken blijft staan: dat hoort bij de inhoud."""
    return tekst.rstrip().rstrip(_SLOT).rstrip()


def met_hoofdletter(tekst: str) -> str:
    """De eerste letter als hoofdletter, de rest zoals hij is ('iPhone' blijft niet heel, maar
    'eikenstraat' wordt 'Eikenstraat'; 'de Wit' wordt 'De Wit' aan het begin van een zin)."""
    for i, teken in enumerate(tekst):
        if teken.isalpha():
            return tekst[:i] + teken.upper() + tekst[i + 1:]
        if not teken.isspace() and teken not in "\"'‘“(":
            return tekst
    return tekst


def zin(*delen: str, hoofdletter: bool = True) -> str:
    """Eén zin uit delen, met een spatie ertussen: elk deel zonder zijn slot, de zin met een
    hoofdletter en één punt aan het eind (of het vraag- of uitroepteken van het laatste deel).
    Lege delen vallen weg; zonder inhoud is de zin leeg."""
    gevuld = [d.strip() for d in delen if d and d.strip()]
    if not gevuld:
        return ""
    laatste = zonder_slot(gevuld[-1]) if gevuld[-1].rstrip()[-1:] not in _BEHOUD_AAN_EIND \
        else gevuld[-1].rstrip()
    slot = laatste[-1] if laatste and laatste[-1] in _BEHOUD_AAN_EIND else (
        "" if laatste.endswith("…") else ".")
    kern = " ".join(zonder_slot(d) for d in gevuld if zonder_slot(d))
    if not kern:
        return ""
    return (met_hoofdletter(kern) if hoofdletter else kern) + slot


def zinnen(*teksten: str) -> str:
    """Losse zinnen achter elkaar, elk met zijn eigen slot ('uit' + 'De…' → 'uit. De…')."""
    return " ".join(z for z in (zin(t) for t in teksten) if z)


def schoon_eind(tekst: str) -> str:
    """De tekst met één net slot: geen dubbele punt, puntkomma of komma aan het eind, en niet
    meer dan één punt ('zijn.:' → 'zijn.', 'uit..' → 'uit.')."""
    tekst = tekst.strip()
    while tekst and (tekst[-1] in ":;," or tekst.endswith("..")):
        tekst = tekst[:-1].rstrip()
    return tekst


def met_label(label: str, tekst: str) -> str:
    """'Label: tekst', zonder slot aan het label en met een net eind aan de tekst (zie
    ``schoon_eind``); een lege tekst geeft alleen het label."""
    kop = zonder_slot(label)
    tekst = schoon_eind(tekst or "")
    return f"{kop}: {tekst}" if tekst else kop


def opsomming(items: Iterable[str], voegwoord: str = "en") -> str:
    """'a', 'a en b', 'a, b en c' (elk item zonder slot; lege items vallen weg)."""
    schoon = [zonder_slot(i) for i in items if i and zonder_slot(i)]
    if len(schoon) <= 1:
        return "".join(schoon)
    return f"{', '.join(schoon[:-1])} {voegwoord} {schoon[-1]}"


def getal(n: int) -> str:
    """Een heel getal met een punt per duizendtal, zoals in het Nederlands ('2.350')."""
    return f"{n:_}".replace("_", ".")


def aantal(n: int, enkelvoud: str, meervoud: str) -> str:
    """'1 stip', '2 stippen', '0 stippen'."""
    return f"{n} {enkelvoud if n == 1 else meervoud}"


def met_nummers(woord_enkelvoud: str, woord_meervoud: str, nummers: Sequence[int | str],
                werkwoord_enkelvoud: str, werkwoord_meervoud: str) -> str:
    """'Actie 12 kreeg' of 'Acties 12 en 16 kregen': zelfstandig naamwoord en werkwoord in
    hetzelfde getal als de nummers."""
    getallen = [str(n) for n in nummers]
    if len(getallen) == 1:
        return f"{woord_enkelvoud} {getallen[0]} {werkwoord_enkelvoud}"
    return f"{woord_meervoud} {opsomming(getallen)} {werkwoord_meervoud}"


def kort_op_zin(tekst: str, maximum: int) -> str:
    """De tekst, en als hij langer is dan ``maximum`` tekens: afgebroken na de laatste hele
    zin die past, anders na het laatste hele woord met '…'. Nooit midden in een woord."""
    tekst = " ".join(tekst.split())
    if len(tekst) <= maximum:
        return tekst
    stuk = tekst[:maximum + 1]
    einde = max(stuk.rfind(". "), stuk.rfind("! "), stuk.rfind("? "))
    if einde >= maximum // 3:
        return stuk[:einde + 1]
    woord = stuk[:maximum].rfind(" ")
    kern = stuk[:woord] if woord > 0 else stuk[:maximum - 1]
    return zonder_slot(kern) + "…"
