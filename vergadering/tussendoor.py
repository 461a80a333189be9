"""Tussen de vergaderingen: signalen ophalen (toevoegen, bewerken, intrekken, bundelen) en de
acties opvolgen (wat elke eigenaar moet doen, en de statusupdate van de eigenaar).

De toepassingslaag voor het signalenscherm en het opvolgingsscherm, zoals ``Sessie`` dat is
voor de vergadering: geen Textual, elke wijziging via het domein en meteen via de
``Bewaarder`` op schijf. De lijst komt uit de lijstindex (``lijsten.lijst``): dertig jaar
signalen is één keer lezen; filteren en zoeken gebeurt daarna in het geheugen, en na een
wijziging wordt alleen de rij van dat signaal bijgewerkt (nooit de hele lijst opnieuw).

Intrekken zet een signaal op afgehandeld met de reden ("Ingetrokken: …"): het verdwijnt niet,
zodat terug te vinden is wat er binnenkwam en waarom het niet verder ging; heropenen kan.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time
from typing import TYPE_CHECKING, Any

from . import lijsten
from .fouten import OngeldigeInvoer
from .praktijkvormen import PRAKTIJKVORMEN
from .statussen import OPEN_STATUSSEN, SIGNAALSTATUSSEN

if TYPE_CHECKING:
    from .actie import Actie
    from .bewaarder import Bewaarder
    from .opslag import Opslag
    from .opslag.wijzigingen import Wijziging
    from .opvolging import Punt
    from .signaal import Contact, Signaal
    from .wijkverband import Wijkverband

# Zoveel gelijkende open signalen toont de bundelhint; onder deze score (0–100, rapidfuzz
# WRatio) lijkt het niet genoeg; korter dan dit typen zegt nog niets.
HINTS = 3
GELIJKENIS = 65
HINT_VANAF = 4
INGETROKKEN = "Ingetrokken"
SIGNAALVELDEN = ("tekst", "aantal", "thema", "vorm", "buurt", "datum", "contact")


@dataclass(frozen=True)
class SignaalRij:
    """Eén signaal in de lijst (zonder contactgegevens: alleen óf er contact is)."""

    id: str
    datum: date
    tekst: str
    vorm: str
    thema: str
    buurt: str
    aantal: int
    met_bundel: int
    status: str
    reden: str
    gebundeld_in: str | None
    heeft_contact: bool
    zoek: str = field(repr=False, compare=False, default="")

    @classmethod
    def uit_lijst(cls, r: list[Any]) -> SignaalRij:
        """Uit een rij van ``lijsten.lijst`` (kolommen zoals ``lijsten.SLEUTELS``)."""
        (id_, _, datum, tekst, vorm, thema, buurt, aantal, met_bundel, status, reden,
         gebundeld_in, _, contact) = r
        return cls(id_, date.fromisoformat(datum), tekst, vorm, thema, buurt, aantal,
                   met_bundel, status, reden, gebundeld_in, bool(contact),
                   _zoektekst(tekst, thema, buurt, reden))

    @classmethod
    def van(cls, s: Signaal, met_bundel: int) -> SignaalRij:
        """Uit een signaal (na een wijziging)."""
        return cls(s.id, s.datum, s.tekst, s.vorm, s.thema, s.buurt, s.aantal, met_bundel,
                   s.status, s.reden, s.gebundeld_in, s.contact is not None,
                   _zoektekst(s.tekst, s.thema, s.buurt, s.reden))

    @property
    def open(self) -> bool:
        """Nieuw of geparkeerd: kan nog aan bod komen (en bewerkt of ingetrokken worden)."""
        return self.status in ("nieuw", "geparkeerd")


# Woorden die in bijna elk signaal staan: zonder deze lijken 'afval bij de speeltuin' en
# 'de stoep in de Kastanjelaan' niet meer op elkaar omdat ze allebei 'de' en 'in' hebben.
STOPWOORDEN = frozenset(
    "aan al als bij dan dat de die door een en er het in is maar met naar niet nog of om "
    "ook op over s te tot uit van voor wel wordt worden zijn veel erg heel weer nu hier daar "
    "we ze wij zij je u ons onze hun".split())


def _voor_vergelijken(tekst: str) -> str:
    """Klein, zonder leestekens en zonder stopwoorden (rapidfuzz ``default_process`` eerst)."""
    from rapidfuzz import utils

    return " ".join(w for w in utils.default_process(tekst).split() if w not in STOPWOORDEN)


def _zoektekst(*delen: str) -> str:
    return " ".join(delen).casefold()


@dataclass(frozen=True)
class Filter:
    """Wat de lijst toont: leeg is alles."""

    status: str = ""
    vorm: str = ""
    thema: str = ""
    buurt: str = ""
    zoek: str = ""

    def past(self, r: SignaalRij, woorden: list[str]) -> bool:
        """Waar als de rij door dit filter komt (``woorden``: de zoekwoorden, klein)."""
        return ((not self.status or r.status == self.status)
                and (not self.vorm or r.vorm == self.vorm)
                and (not self.thema or r.thema == self.thema)
                and (not self.buurt or r.buurt == self.buurt)
                and all(w in r.zoek for w in woorden))


@dataclass(frozen=True)
class Gelijkend:
    """Een open signaal dat lijkt op wat er getypt wordt (de bundelhint)."""

    id: str
    tekst: str
    score: int
    bewoners: int


@dataclass(frozen=True)
class ActieRegel:
    """Een open actie in 'mijn acties': wat er te doen is en de laatste update tussendoor."""

    actie: Actie
    punten: list[Punt]


@dataclass(frozen=True)
class Eigenaar:
    """De acties (en beloofde updates aan bewoners) van één eigenaar."""

    naam: str
    acties: list[ActieRegel]
    updates: list[Punt]  # de beloofde update aan bewoners (zonder actie)


class Tussendoor:
    """Signalen en acties van één wijkverband tussen de vergaderingen."""

    def __init__(self, opslag: Opslag, bewaarder: Bewaarder, wijkverband: Wijkverband,
                 klok: Callable[[], float]) -> None:
        self.opslag = opslag
        self.bewaarder = bewaarder
        self.wijkverband = wijkverband
        self._klok = klok
        self.rijen: list[SignaalRij] = []  # nieuwste eerst
        self._plek: dict[str, int] = {}
        self._zoek: list[str] = []  # de zoektekst per rij, in dezelfde volgorde
        self._open: dict[str, str] | None = None  # id -> tekst, voor de bundelhint
        self.acties: list[Actie] = []

    # --- tijd ----------------------------------------------------------------------------

    def nu(self) -> datetime:
        """Het moment volgens de (ingespoten) klok."""
        return datetime.fromtimestamp(self._klok()).replace(microsecond=0)

    def vandaag(self) -> date:
        """De datum volgens de klok."""
        return self.nu().date()

    # --- de lijst ------------------------------------------------------------------------

    def lees_signalen(self, *, overnemen: bool = True) -> list[SignaalRij]:
        """Lees de lijst (uit de lijstindex). In een werkdraad met ``overnemen=False``, en dan
        ``neem_over`` in de hoofddraad: zo ziet een filter nooit een half bijgewerkte lijst."""
        with self.bewaarder.stil():
            ruw = lijsten.lijst(self.opslag, "signalen", self.wijkverband.id, self.vandaag())
        rijen = [SignaalRij.uit_lijst(r) for r in ruw]
        rijen.reverse()  # de opslag geeft oudste eerst; de lijst toont nieuwste eerst
        if overnemen:
            self.neem_over(rijen)
        return rijen

    def neem_over(self, rijen: list[SignaalRij]) -> None:
        """Gebruik deze (net gelezen) rijen als de lijst."""
        self._zet(rijen)

    def _zet(self, rijen: list[SignaalRij]) -> None:
        self.rijen = rijen
        self._plek = {r.id: i for i, r in enumerate(rijen)}
        self._zoek = [r.zoek for r in rijen]
        self._open = None

    def filter(self, f: Filter, hoogstens: int = 200) -> tuple[list[SignaalRij], int]:
        """De eerste ``hoogstens`` rijen die door het filter komen, en hoeveel het er zijn."""
        woorden = f.zoek.casefold().split()
        if not (woorden or f.status or f.vorm or f.thema or f.buurt):
            return self.rijen[:hoogstens], len(self.rijen)
        # Eerst per zoekwoord over de voorbewerkte teksten (een lijst-comprehensie: zo blijft
        # elke toets ook bij tienduizenden signalen een paar milliseconden), dan de keuzes.
        zoek = self._zoek
        plekken: range | list[int] = range(len(self.rijen))
        for w in woorden:
            plekken = [i for i in plekken if w in zoek[i]]
        rijen = [self.rijen[i] for i in plekken]
        if f.status or f.vorm or f.thema or f.buurt:
            rijen = [r for r in rijen if f.past(r, [])]
        return rijen[:hoogstens], len(rijen)

    def keuzes(self) -> dict[str, list[str]]:
        """Waarop gefilterd kan worden: statussen, praktijkvormen, thema's en buurten."""
        themas = {t for t in self.wijkverband.themas} | {r.thema for r in self.rijen}
        buurten = {r.buurt for r in self.rijen}
        return {
            "status": list(SIGNAALSTATUSSEN),
            "vorm": list(PRAKTIJKVORMEN),
            "thema": sorted((t for t in themas if t), key=str.casefold),
            "buurt": sorted((b for b in buurten if b), key=str.casefold),
        }

    def rij(self, signaal_id: str) -> SignaalRij | None:
        """De rij van een signaal (None als het niet in de lijst staat)."""
        i = self._plek.get(signaal_id)
        return None if i is None else self.rijen[i]

    def _werk_bij(self, s: Signaal, extra: int = 0) -> None:
        """Zet de rij van een gewijzigd (of nieuw) signaal in de lijst; ``extra`` telt bij
        de bewoners van de bundel (een net gebundeld signaal)."""
        oud = self.rij(s.id)
        bundel = (oud.met_bundel - oud.aantal) if oud else 0
        nieuw = SignaalRij.van(s, s.aantal + bundel + extra)
        hint = self._open
        if oud is not None and oud.datum == nieuw.datum:
            self.rijen[self._plek[s.id]] = nieuw
            self._zoek[self._plek[s.id]] = nieuw.zoek
        else:
            rijen = [r for r in self.rijen if r.id != s.id] + [nieuw]
            rijen.sort(key=lambda r: (r.datum, r.id), reverse=True)
            self._zet(rijen)
        if hint is not None:  # de bundelhint bijwerken, niet opnieuw opbouwen
            hint.pop(s.id, None)
            if nieuw.open:
                hint[s.id] = _voor_vergelijken(nieuw.tekst)
            self._open = hint

    # --- signalen ------------------------------------------------------------------------

    def signaal(self, signaal_id: str) -> Signaal:
        """Het signaal zoals het nu bewaard is (om te bewerken)."""
        with self.bewaarder.stil():
            s = self.opslag.signaal(self.wijkverband.id, signaal_id)
        self.bewaarder.onthoud(s)  # de basis als een ander het intussen bewaart
        return s

    def _maak(self, signaal_id: str, waarden: dict[str, Any]) -> Signaal:
        from .signaal import Signaal

        velden = {k: v for k, v in waarden.items() if k in SIGNAALVELDEN}
        velden.setdefault("datum", self.vandaag())
        return Signaal(signaal_id, self.wijkverband.id, **velden)

    def controleer(self, waarden: dict[str, Any]) -> None:
        """Gooi ``OngeldigeInvoer`` als deze waarden geen geldig signaal zijn (en of de
        datum niet in de toekomst ligt)."""
        s = self._maak("controle", waarden)
        if s.datum > self.vandaag():
            raise OngeldigeInvoer("De datum van een signaal ligt niet in de toekomst; kies "
                                  "vandaag of eerder.")

    def voeg_toe(self, waarden: dict[str, Any]) -> Signaal:
        """Een nieuw signaal (tekst, aantal, thema, vorm, buurt, datum, contact), bewaard."""
        self.controleer(waarden)
        datum = waarden.get("datum") or self.vandaag()
        with self.bewaarder.stil():
            signaal_id = self.opslag.nieuw_signaal_id(self.wijkverband.id, datum)
        s = self._maak(signaal_id, waarden)
        self.bewaarder.bewaar_of_meld(s)
        self._werk_bij(s)
        return s

    def bewerk(self, signaal_id: str, waarden: dict[str, Any]) -> Signaal:
        """Werk een open signaal bij met de waarden uit het formulier, bewaard."""
        self.controleer(waarden)
        s = self.signaal(signaal_id)
        _moet_open(s, "bewerkt")
        # Wat het formulier niet meestuurt (zoals een contact), blijft zoals het was.
        nieuw = self._maak(s.id, {**{k: getattr(s, k) for k in SIGNAALVELDEN}, **waarden})
        bijgewerkt = replace(s, **{k: getattr(nieuw, k) for k in SIGNAALVELDEN})
        self.bewaarder.bewaar_of_meld(bijgewerkt)
        self._werk_bij(bijgewerkt)
        return bijgewerkt

    def trek_in(self, signaal_id: str, reden: str) -> Signaal:
        """Trek een open signaal in: afgehandeld met de reden ('Ingetrokken: …'); het blijft
        in de lijst te vinden en kan heropend worden."""
        from .tekst import invoer

        uitleg = invoer(reden, "waarom het signaal ingetrokken wordt", verplicht=True,
                        maximum=900)
        s = self.signaal(signaal_id)
        _moet_open(s, "ingetrokken")
        s.handel_af(f"{INGETROKKEN}: {uitleg}")
        self.bewaarder.bewaar_of_meld(s)
        self._werk_bij(s)
        return s

    def heropen(self, signaal_id: str) -> Signaal:
        """Zet een ingetrokken (afgehandeld) signaal terug op nieuw."""
        s = self.signaal(signaal_id)
        if s.status != "afgehandeld":
            raise OngeldigeInvoer("Alleen een ingetrokken of afgehandeld signaal kan "
                                  "heropend worden.")
        s.heropen()
        self.bewaarder.bewaar_of_meld(s)
        self._werk_bij(s)
        return s

    def bundel(self, hoofd_id: str, dubbel_id: str) -> Signaal:
        """Bundel ``dubbel`` in ``hoofd`` (de domeinregel ``signaal.bundel``); beide bewaard.
        Geeft het hoofdsignaal terug."""
        from .signaal import bundel

        hoofd, dubbel = self.signaal(hoofd_id), self.signaal(dubbel_id)
        bundel(hoofd, dubbel)
        self.bewaarder.bewaar_of_meld(dubbel)
        oud = self.rij(dubbel.id)
        self._werk_bij(dubbel)
        self._werk_bij(hoofd, extra=oud.met_bundel if oud else dubbel.aantal)
        return hoofd

    # --- de bundelhint ---------------------------------------------------------------------

    def lijkend(self, tekst: str, zonder: str | None = None,
                hoogstens: int = HINTS) -> list[Gelijkend]:
        """De open signalen die het meest lijken op ``tekst`` (rapidfuzz), beste eerst."""
        from rapidfuzz import fuzz, process

        if len(tekst.strip()) < HINT_VANAF:
            return []
        if self._open is None:
            # Eén keer per lijst voorbewerkt (niet bij elke toets opnieuw).
            self._open = {r.id: _voor_vergelijken(r.tekst) for r in self.rijen if r.open}
        vraag = _voor_vergelijken(tekst)
        if not vraag:
            return []
        gevonden = process.extract(
            vraag, self._open, scorer=fuzz.WRatio, processor=None,
            limit=hoogstens + (1 if zonder else 0), score_cutoff=GELIJKENIS,
        )
        uit = []
        for _, score, sid in gevonden:
            if sid == zonder:
                continue
            r = self.rijen[self._plek[sid]]
            uit.append(Gelijkend(sid, r.tekst, round(score), r.met_bundel))
        return uit[:hoogstens]

    # --- opvolging -------------------------------------------------------------------------

    def lees_acties(self) -> list[Actie]:
        """Lees de acties van het wijkverband (mag in een werkdraad)."""
        with self.bewaarder.stil():
            self.acties = self.opslag.acties(self.wijkverband.id)
        return self.acties

    def per_eigenaar(self, eigenaar: str | None = None) -> list[Eigenaar]:
        """Elke open actie met wat er te doen is (``opvolging.opvolging``), per eigenaar op
        naam; ``eigenaar`` filtert op een deel van de naam. Leest de opslag (werkdraad)."""
        from .opvolging import ZONDER_EIGENAAR, opvolging

        with self.bewaarder.stil():
            te_doen = opvolging(self.opslag, [self.wijkverband], self.vandaag(), eigenaar)
        per_nummer: dict[int, list[Punt]] = {}
        updates: dict[str, list[Punt]] = {}
        for naam, punten in te_doen.items():
            for p in punten:
                if p.actie is None:
                    updates.setdefault(naam, []).append(p)
                else:
                    per_nummer.setdefault(p.actie, []).append(p)
        zoek = (eigenaar or "").strip().casefold()
        groepen: dict[str, list[ActieRegel]] = {}
        for a in self.lees_acties():
            naam = a.eigenaar or ZONDER_EIGENAAR
            if a.status not in OPEN_STATUSSEN or (zoek and zoek not in naam.casefold()):
                continue
            groepen.setdefault(naam, []).append(ActieRegel(a, per_nummer.get(a.nummer, [])))
        for naam in updates:
            groepen.setdefault(naam, [])
        uit = []
        for naam in sorted(groepen, key=str.casefold):
            # Eerst wat dringend is (vroegste datum), dan de rest op nummer.
            regels = sorted(groepen[naam], key=lambda r: (
                min((p.datum for p in r.punten), default=date.max), r.actie.nummer))
            uit.append(Eigenaar(naam, regels, updates.get(naam, [])))
        return uit

    def eigenaren(self) -> list[str]:
        """De eigenaren van open acties (na ``lees_acties`` of ``per_eigenaar``)."""
        return sorted({a.eigenaar for a in self.acties if a.status in OPEN_STATUSSEN},
                      key=str.casefold)

    def statusupdate(self, actie_id: str, status: str, toelichting: str, datum: date,
                     door: str) -> Actie:
        """De statusupdate van de eigenaar tussen de vergaderingen: in de historie van de
        actie (zonder vergadering), bewaard; fase 3 van de volgende vergadering toont haar
        als al gedaan, met wie en wanneer."""
        with self.bewaarder.stil():
            actie = self.opslag.actie(self.wijkverband.id, actie_id)
        self.bewaarder.onthoud(actie)
        vandaag = self.vandaag()
        if datum > vandaag:
            raise OngeldigeInvoer("De datum van de update ligt niet in de toekomst; kies "
                                  "vandaag of eerder.")
        vorige = actie.historie[-1].moment.date() if actie.historie else actie.besloten_op
        if datum < vorige:
            from . import datums

            raise OngeldigeInvoer(f"De datum ligt vóór de vorige statuswijziging "
                                  f"({datums.kort(vorige)}); kies die dag of later.")
        if not actie.open:
            raise OngeldigeInvoer(f"Actie {actie.nummer} is al {actie.status}; alleen een "
                                  "open actie krijgt een update.")
        # Vandaag: het echte tijdstip; een eerdere dag: het eind van die dag (na alles wat
        # die dag al in de historie stond, zodat de volgorde klopt).
        moment = self.nu() if datum == vandaag else datetime.combine(datum, time(23, 59))
        actie.zet_status(status, toelichting, moment, None, door=door)
        self.bewaarder.bewaar_of_meld(actie)
        self.acties = [actie if a.id == actie.id else a for a in self.acties]
        return actie


def raakt(wijzigingen: list[Wijziging] | None, wijkverband_id: str, soorten: set[str]) -> bool:
    """Waar als wat een ander proces bewaarde (``Volger.nieuw``; None: onbekend, dus
    misschien) dit wijkverband en een van deze soorten raakt."""
    from .opslag.wijzigingen import ALLES

    if wijzigingen is None:
        return True
    return any(w.wijkverband in (wijkverband_id, ALLES) and w.soort in (*soorten, ALLES)
               for w in wijzigingen)


def _moet_open(s: Signaal, wat: str) -> None:
    if not s.open:
        raise OngeldigeInvoer(
            f"Dit signaal is {s.status}; alleen een nieuw of geparkeerd signaal kan {wat} "
            "worden." + (" Heropen het eerst." if s.status == "afgehandeld" else ""))


def contact_als_tekst(contact: Contact | None) -> str:
    """Een contact zoals het in het contactveld getypt wordt: 'naam; telefoon of e-mail'."""
    if contact is None:
        return ""
    if contact.naam and contact.gegevens:
        return f"{contact.naam}; {contact.gegevens}"
    return contact.naam or contact.gegevens
