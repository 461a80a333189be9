"""De privacycheck: wat in de openbare stukken van een vergadering op een persoonsgegeven lijkt.

Vóór het mapje geschreven wordt (of de terugkoppeling op de beamer komt), loopt de check alle
vrije tekst langs die in de documenten komt: signalen, redenen, notities, gasten, acties,
stemvoorstellen, de terugkoppeling. Hij noemt:

- wat altijd weggaat (``vast``): namen en gegevens van bekende contacten (``Signaal.contact``),
  telefoonnummers en e-mailadressen (in de contactregel alleen die van bewoners);
- wat erop lijkt, en waarover de notulist beslist (behouden of maskeren): aanspreekvormen
  ("mevrouw Jansen"), namen met hoofdletters die niet van het wijkverband zelf zijn, adressen
  met een huisnummer.

De keuzes staan bij de vergadering (``Vergadering.privacykeuzes``, sleutel → behouden of
maskeren); keuzes uit eerdere vergaderingen van het wijkverband gelden ook, zodat een oude
actie niet elke keer opnieuw gevraagd wordt. Zolang er iets onbeslist is, schrijft de export
niets (``PrivacyOnbeslist``); op de beamer gaat wat onbeslist is altijd weg.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from .fouten import GelijktijdigGewijzigd, OngeldigeInvoer, VergaderingFout
from .persoonsgegevens import normaliseer, sleutel, vind
from .privacy import (
    BEHOUDEN,
    MASKEREN,
    Maskeerder,
    emailadressen,
    maskeerder_voor_wijkverband,
    telefoonnummers,
)
from .tekst import een_regel

CONTACT, TELEFOON, EMAIL = "contact", "telefoon", "e-mail"
SOORTNAMEN = {
    CONTACT: "contact van een bewoner",
    TELEFOON: "telefoonnummer",
    EMAIL: "e-mailadres",
    "aanspreekvorm": "aanspreekvorm",
    "naam": "naam",
    "adres": "adres met huisnummer",
}
VAST = frozenset({CONTACT, TELEFOON, EMAIL})
KEUZES = (BEHOUDEN, MASKEREN)


@dataclass(frozen=True)
class Vondst:
    """Iets in een openbare tekst dat op een persoonsgegeven lijkt."""

    soort: str
    tekst: str  # zoals het er staat (genormaliseerd)
    waar: str  # in welk veld, voor de notulist ("signaal", "notities bij fase 1")
    zin: str  # een stukje tekst eromheen, op één regel
    aantal: int = 1  # hoe vaak het in alle teksten staat

    @property
    def sleutel(self) -> str:
        """Waaronder de keuze bewaard wordt (dezelfde tekst elders: dezelfde keuze)."""
        return sleutel(self.tekst)

    @property
    def vast(self) -> bool:
        """Waar als het altijd weggaat (contact, telefoonnummer, e-mailadres)."""
        return self.soort in VAST

    @property
    def soortnaam(self) -> str:
        """De soort in woorden."""
        return SOORTNAMEN.get(self.soort, self.soort)

    def in_woorden(self) -> str:
        """Eén regel voor een lijst: 'naam "Pieter Zwanenburg" (signaal)'."""
        return f'{self.soortnaam} "{een_regel(self.tekst)}" ({self.waar})'


class PrivacyOnbeslist(OngeldigeInvoer):
    """De export stopt: over deze vondsten heeft de notulist nog niet beslist."""

    def __init__(self, vondsten: list[Vondst], alle: list[Vondst] | None = None,
                 keuzes: Mapping[str, str] | None = None) -> None:
        self.vondsten = vondsten  # de onbesliste
        self.alle = alle if alle is not None else vondsten  # ook de besliste en de vaste
        self.keuzes = dict(keuzes or {})  # wat al gekozen was
        n = len(vondsten)
        wat = "mogelijk persoonsgegeven" if n == 1 else "mogelijke persoonsgegevens"
        super().__init__(
            f"De privacycheck vond {n} {wat} waarover nog niet beslist is, dus er is niets "
            "geschreven; kies per item behouden of maskeren en exporteer opnieuw."
        )


def _zin(tekst: str, begin: int, eind: int, breedte: int = 70) -> str:
    """Een stukje tekst rond een vondst, op één regel."""
    rand = max(10, (breedte - (eind - begin)) // 2)
    stuk = een_regel(tekst[max(0, begin - rand):eind + rand])
    voor = "…" if begin - rand > 0 else ""
    na = "…" if eind + rand < len(tekst) else ""
    return f"{voor}{stuk}{na}"


def vondsten_in(
    tekst: str, waar: str, maskeerder: Maskeerder, *, contactregel: bool = False
) -> list[Vondst]:
    """Alle vondsten in één tekst. In de ``contactregel`` mag het wijkverband een eigen adres
    of nummer zetten: daar telt een nummer of adres alleen als het van een bewoner is."""
    tekst = normaliseer(tekst)
    if not tekst.strip():
        return []
    uit: list[Vondst] = []
    bezet: list[tuple[int, int]] = []

    def voeg_toe(soort: str, begin: int, eind: int) -> None:
        if any(begin < e and b < eind for b, e in bezet):
            return
        bezet.append((begin, eind))
        uit.append(Vondst(soort, tekst[begin:eind], waar, _zin(tekst, begin, eind)))

    for adres in emailadressen(tekst):
        if not contactregel or adres.casefold() in maskeerder.bekende_emails:
            begin = tekst.find(adres)
            voeg_toe(EMAIL, begin, begin + len(adres))
    for nummer in telefoonnummers(tekst):
        if not contactregel or maskeerder.is_bekend_nummer(nummer):
            begin = tekst.find(nummer)
            eind = begin + len(nummer)
            if nummer.startswith("(") and ")" not in nummer:  # "(06-…" : het haakje hoort
                begin += 1                                    # bij de zin
            voeg_toe(TELEFOON, begin, eind)
    contacten = maskeerder.contact_plekken(tekst)
    for treffer in vind(tekst, maskeerder.bekend):
        # Een naam met een stuk van een bekend contact erin ("Henriëtte de Wit-Bakker" bij
        # contact "Henriëtte Oudshoorn") gaat als geheel altijd weg.
        raakt = any(treffer.begin < e and b < treffer.eind for b, e in contacten)
        voeg_toe(CONTACT if raakt else treffer.soort, treffer.begin, treffer.eind)
    for begin, eind in contacten:
        voeg_toe(CONTACT, begin, eind)
    return sorted(uit, key=lambda v: tekst.find(v.tekst))


def verzamel_vondsten(
    teksten: Iterable[tuple[str, str, bool]], maskeerder: Maskeerder
) -> list[Vondst]:
    """De vondsten in (waar, tekst, contactregel)-drietallen, elke sleutel één keer (bij de
    eerste plek), met het aantal keer dat hij voorkomt."""
    per_sleutel: dict[tuple[bool, str], Vondst] = {}
    for waar, tekst, contactregel in teksten:
        for vondst in vondsten_in(tekst, waar, maskeerder, contactregel=contactregel):
            k = (vondst.vast, vondst.sleutel)
            eerder = per_sleutel.get(k)
            if eerder is None:
                per_sleutel[k] = vondst
            else:
                per_sleutel[k] = Vondst(eerder.soort, eerder.tekst, eerder.waar, eerder.zin,
                                        eerder.aantal + 1)
    # Eerst wat een keuze vraagt, dan wat altijd weggaat.
    return sorted(per_sleutel.values(), key=lambda v: v.vast)


def onbeslist(vondsten: Iterable[Vondst], keuzes: Mapping[str, str]) -> list[Vondst]:
    """De vondsten die een keuze vragen en (nog) geen hebben."""
    return [v for v in vondsten if not v.vast and keuzes.get(v.sleutel) not in KEUZES]


def vereis_besluiten(alle: list[Vondst], keuzes: dict[str, str], akkoord: bool) -> None:
    """Vóór een openbaar stuk geschreven wordt: is er een vondst onbeslist, dan
    ``PrivacyOnbeslist``; met ``akkoord`` (na controle, ``--privacy-akkoord``) worden die
    vondsten in ``keuzes`` behouden (de maskeerder leest dezelfde keuzes)."""
    open_ = onbeslist(alle, keuzes)
    if open_ and akkoord:
        keuzes.update(dict.fromkeys((v.sleutel for v in open_), BEHOUDEN))
    elif open_:
        raise PrivacyOnbeslist(open_, alle, keuzes)


def maskeerder_voor_stukken(wijkverband, signalen: Iterable, acties: Iterable,
                            vergaderingen: Iterable, keuzes: Mapping[str, str]) -> Maskeerder:
    """De maskeerder voor de openbare stukken van een wijkverband, met de keuzes van de
    privacycheck. Plaatsen van vergaderingen en organisaties van leden zijn geen namen van
    bewoners."""
    bekend = ([v.plaats for v in vergaderingen]
              + [lid.organisatie for lid in wijkverband.leden])
    return maskeerder_voor_wijkverband(wijkverband, signalen, acties, keuzes, bekend)


def eigen_namen(wijkverband) -> list[str]:
    """Namen die het wijkverband zelf noemt (leden, organisaties, partners, buurten, kanalen):
    geen persoonsgegevens van bewoners."""
    return [
        wijkverband.naam,
        *(lid.naam for lid in wijkverband.leden),
        *(lid.organisatie for lid in wijkverband.leden),
        *wijkverband.eigenaren(),
        *wijkverband.partners,
        *wijkverband.buurten,
        *wijkverband.themas,
        *wijkverband.kanalen,
    ]


def alle_keuzes(vergaderingen: Iterable, deze) -> dict[str, str]:
    """De keuzes van de eerdere vergaderingen van het wijkverband en van deze (die gaan voor):
    wat vorige keer behouden of gemaskeerd werd, hoeft niet opnieuw."""
    keuzes: dict[str, str] = {}
    for v in sorted(vergaderingen, key=lambda v: (v.datum, v.id)):
        if (v.datum, v.id) < (deze.datum, deze.id):
            keuzes.update(v.privacykeuzes)
    keuzes.update(deze.privacykeuzes)
    return {k: w for k, w in keuzes.items() if w in KEUZES}


def bewaar_keuzes(opslag, wijkverband_id: str, vergadering_id: str,
                  keuzes: Mapping[str, str]) -> None:
    """Zet de keuzes bij de vergadering en bewaar die (ook als een ander venster de vergadering
    net bewaarde: dan opnieuw gelezen en opnieuw gezet)."""
    for waarde in keuzes.values():
        if waarde not in KEUZES:
            raise OngeldigeInvoer(f"'{str(waarde)[:20]}' is geen keuze; kies behouden of "
                                  "maskeren.")
    for _ in range(5):
        vergadering = opslag.vergadering(wijkverband_id, vergadering_id)
        vergadering.privacykeuzes.update(keuzes)
        try:
            opslag.bewaar_vergadering(vergadering)
            return
        except GelijktijdigGewijzigd:
            continue
    raise VergaderingFout(
        "De privacykeuzes konden niet bewaard worden omdat de vergadering steeds tegelijk "
        "elders gewijzigd werd; probeer het over een ogenblik opnieuw."
    )
