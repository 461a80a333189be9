"""De toepassingslaag: een lopende vergadering in het geheugen, de bron van waarheid voor
elke voorkant (de vergaderschermen, de opdrachtregel, de beamer).

Elke handeling gaat via de regels van het domein, komt (waar het verslag erom vraagt) met
tijd in het logboek, en wordt meteen aan de ``Bewaarder`` gegeven. De schermen roepen deze
methoden aan en tekenen daarna zichzelf opnieuw; ze lezen tijdens de vergadering nooit uit
de opslag. Geen Textual hier: dit is ook zonder terminal te testen.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime

from . import ids, regels
from .actie import OPEN_STATUSSEN, Actie
from .agenda import waar
from .agendaklok import AgendaKlok
from .bewaarder import Bewaarder
from .correctie import leg_grens_vast, reden_van
from .datumcontrole import actiedatums
from .fouten import OngeldigeInvoer
from .opslag.wijzigingen import ALLES, Wijziging
from .samenvoegen import neem_over
from .signaal import Contact, Signaal, bundel, totaal
from .signaal import totalen as alle_totalen
from .stemming import Stemming
from .tekst import kort
from .terugkoppeling import Terugkoppeling
from .vergadering import Vergadering
from .volgende import in_woorden as volgende_in_woorden
from .volgende import zet_volgende_vergadering as regels_volgende_vergadering
from .wijkverband import Lid, Wijkverband
from .zinnen import aantal, zin, zinnen, zonder_slot


def relevante_signalen(alle: list[Signaal], vergadering_id: str) -> list[Signaal]:
    """De signalen die in deze vergadering meedoen: open signalen, wat daarin gebundeld is,
    en wat in deze vergadering gekozen of geparkeerd werd. Jaren geschiedenis blijven buiten
    beeld, zodat de ranglijst bij elke stip snel blijft."""
    mee = {s.id for s in alle if s.open or s.vergadering_id == vergadering_id}
    return [s for s in alle if s.id in mee or s.gebundeld_in in mee]


@dataclass
class Elders:
    """Wat andere processen bewaarden, gelezen voor een sessie (``Sessie.lees_elders``, mag in
    een werkdraad); ``Sessie.pas_toe`` neemt het over in de hoofddraad."""

    signalen: list[Signaal] = field(default_factory=list)
    acties: list[Actie] = field(default_factory=list)
    vergadering: Vergadering | None = None
    wijkverband: Wijkverband | None = None


@dataclass
class Bijgewerkt:
    """Wat ``Sessie.pas_toe`` veranderde, om te tekenen en kort te melden."""

    nieuwe_signalen: list[Signaal] = field(default_factory=list)
    signalen: list[Signaal] = field(default_factory=list)
    acties: list[Actie] = field(default_factory=list)
    vergadering: bool = False

    def __bool__(self) -> bool:
        return bool(self.nieuwe_signalen or self.signalen or self.acties or self.vergadering)

    def melding(self) -> str:
        """Eén zin voor de operator: wat er elders veranderde (leeg als er niets te melden is)."""
        if len(self.nieuwe_signalen) == 1:
            return (f"Nieuw signaal binnengekomen: {kort(self.nieuwe_signalen[0].tekst, 60)}; "
                    "het staat in de lijst.")
        if self.nieuwe_signalen:
            return (f"{len(self.nieuwe_signalen)} nieuwe signalen binnengekomen; ze staan in "
                    "de lijst.")
        if len(self.acties) == 1 and not self.vergadering:
            a = self.acties[0]
            return f"Actie {a.nummer} is elders bijgewerkt: nu {a.status}."
        if self.vergadering:
            return "De vergadering is in een ander venster gewijzigd; u ziet nu de nieuwe stand."
        if self:
            return "Elders bijgewerkt; u ziet nu de nieuwe stand."
        return ""


class Sessie:
    """De vergadering die nu loopt, met haar wijkverband, signalen, acties en klok."""

    def __init__(
        self,
        wijkverband: Wijkverband,
        vergadering: Vergadering,
        signalen: list[Signaal],
        acties: list[Actie],
        bewaarder: Bewaarder,
        klok: Callable[[], float],
    ) -> None:
        self.wijkverband = wijkverband
        self.vergadering = vergadering
        self.signalen = relevante_signalen(signalen, vergadering.id)
        self.acties = list(acties)
        self.bewaarder = bewaarder
        self._klok = klok
        self.agendaklok = AgendaKlok(vergadering, klok)
        self._structuur = 0
        self._cache: tuple[list[Signaal], dict[str, int], dict[str, int]] | None = None
        self._volgorde: list[Signaal] | None = None
        self._ids: list[str] = []  # de kenmerken in dezelfde volgorde als _volgorde
        self._sleutels: dict[str, tuple] = {}
        self._per_id: dict[str, Signaal] = {}  # opzoeken per kenmerk (bij elke stip eraf)
        # Open acties van eerdere rondes zoals ze bij het begin van de vergadering waren:
        # een actie die nu 'gereed' wordt, blijft in de lijst van fase 3 staan.
        self._lopend_bij_start = {
            a.id for a in self.acties if a.open and a.vergadering_id != vergadering.id
        }
        if vergadering.versie:
            # Zoals gelezen: de basis als een ander venster dezelfde vergadering bewaart.
            bewaarder.onthoud(vergadering)

    # --- tijd, logboek en bewaren ----------------------------------------------------

    def nu(self) -> datetime:
        """Het moment volgens de (ingespoten) klok."""
        return datetime.fromtimestamp(self._klok()).replace(microsecond=0)

    def vandaag(self) -> date:
        """De datum volgens de klok."""
        return self.nu().date()

    def log(self, tekst: str) -> None:
        """Schrijf een regel in het logboek van de notulist."""
        self.vergadering.log(self.nu(), tekst)

    def bewaar(self, *objecten: object) -> None:
        """Bewaar de vergadering (en andere gewijzigde objecten) meteen."""
        self.bewaarder.bewaar(*objecten, self.vergadering)

    def signaal(self, signaal_id: str) -> Signaal:
        """Het signaal met dit kenmerk."""
        s = self._per_id.get(signaal_id)
        if s is None or len(self._per_id) != len(self.signalen):
            # Nieuw signaal erbij (of nog niet opgezocht): de lijst is de bron.
            self._per_id = {s.id: s for s in self.signalen}
            s = self._per_id.get(signaal_id)
        if s is None:
            raise OngeldigeInvoer("Dat signaal is er niet meer; kies een ander.")
        return s

    def actie(self, actie_id: str) -> Actie:
        """De actie met dit kenmerk."""
        for a in self.acties:
            if a.id == actie_id:
                return a
        raise OngeldigeInvoer("Die actie is er niet meer; kies een andere.")

    # --- de klok ---------------------------------------------------------------------

    def start(self) -> None:
        """Begin de vergadering: de klok van de eerste fase loopt."""
        if not self.vergadering.gestart:
            self.agendaklok.start()
            self.log("Vergadering geopend.")
            self.bewaar()

    def pauze_of_hervat(self) -> bool:
        """Pauzeer of hervat de klok; geeft terug of hij nu loopt."""
        loopt = self.agendaklok.pauze_of_hervat()
        self.log("Klok loopt weer." if loopt else "Klok gepauzeerd.")
        self.bewaar()
        return loopt

    def minuut_erbij(self) -> None:
        """Eén minuut extra voor de huidige fase."""
        self.agendaklok.minuut_erbij()
        self.log(f"Eén minuut extra voor '{self.vergadering.fase.titel}'.")
        self.bewaar()

    def naar_fase(self, stap: int) -> bool:
        """Eén fase verder (1) of terug (-1); False als dat niet kan."""
        gelukt = self.agendaklok.volgende() if stap > 0 else self.agendaklok.vorige()
        if gelukt:
            self.log(f"Naar {waar(self.vergadering)}.")
            self.bewaar()
        return gelukt

    def notities(self, fase_index: int, tekst: str) -> None:
        """Bewaar de notities van de notulist bij een fase."""
        self.vergadering.fasen[fase_index].notities = tekst
        self.bewaar()

    # --- fase 1: signalen en stippen -------------------------------------------------

    @property
    def structuur(self) -> int:
        """Telt op bij elke wijziging in welke signalen open of gebundeld zijn; schermen
        die alleen stippen bijwerken, weten zo wanneer ze alles opnieuw moeten opbouwen."""
        return self._structuur

    def _gewijzigd(self) -> None:
        self._structuur += 1
        self._cache = None
        self._volgorde = None

    def _open_en_totalen(self) -> tuple[list[Signaal], dict[str, int], dict[str, int]]:
        """Open signalen, hun aantal bewoners (met bundels) en het aantal direct gebundelde
        signalen; bewaard tot de structuur verandert."""
        if self._cache is None:
            gebundeld = [s for s in self.signalen if s.status == "gebundeld"]
            open_ = [s for s in self.signalen if s.open]
            totalen = alle_totalen(self.signalen)
            direct: dict[str, int] = {}
            for s in gebundeld:
                if s.gebundeld_in:
                    direct[s.gebundeld_in] = direct.get(s.gebundeld_in, 0) + 1
            self._cache = (open_, totalen, direct)
        return self._cache

    def bewoners(self, signaal_id: str) -> int:
        """Het aantal bewoners achter een open signaal, bundels meegeteld."""
        return self._open_en_totalen()[1].get(signaal_id) or totaal(
            self.signaal(signaal_id), self.signalen
        )

    def gebundeld_aantal(self, signaal_id: str) -> int:
        """Hoeveel signalen direct in dit signaal gebundeld zijn."""
        return self._open_en_totalen()[2].get(signaal_id, 0)

    def _sleutel(self, s: Signaal) -> tuple:
        """De volgorde van ``regels.ranglijst``: stippen, bewoners, datum, kenmerk."""
        totalen = self._open_en_totalen()[1]
        return (-self.vergadering.stippen.get(s.id, 0), -totalen[s.id], s.datum, s.id)

    def _gesorteerd(self) -> list[Signaal]:
        if self._volgorde is None:
            open_ = self._open_en_totalen()[0]
            self._volgorde = sorted(open_, key=self._sleutel)
            self._ids = [s.id for s in self._volgorde]
            self._sleutels = {s.id: self._sleutel(s) for s in self._volgorde}
        return self._volgorde

    def _verschuif(self, signaal_id: str) -> None:
        """Zet één signaal op zijn nieuwe plek na een stip (zoeken in plaats van sorteren)."""
        if self._volgorde is None or signaal_id not in self._sleutels:
            self._volgorde = None
            return
        lijst, sleutels = self._volgorde, self._sleutels
        oud = bisect_left(lijst, sleutels[signaal_id], key=lambda s: sleutels[s.id])
        signaal = lijst.pop(oud)
        self._ids.pop(oud)
        sleutels[signaal_id] = self._sleutel(signaal)
        nieuw = bisect_left(lijst, sleutels[signaal_id], key=lambda s: sleutels[s.id])
        lijst.insert(nieuw, signaal)
        self._ids.insert(nieuw, signaal_id)

    def ranglijst_ids(self) -> list[str]:
        """De kenmerken van de open signalen in de volgorde van de ranglijst (een kopie)."""
        self._gesorteerd()
        return self._ids.copy()

    def plekken(self, alleen_met_stippen: bool = False) -> list[regels.Plek]:
        """De ranglijst van de open signalen op stippen.

        Dezelfde volgorde en gelijke stand als ``regels.ranglijst`` (een test houdt dat
        zo), maar met de aantallen bewoners uit het geheugen en een volgorde die per stip
        alleen het gewijzigde signaal verschuift: bij elke stip moet dit binnen een
        beeldje klaar zijn, ook met duizend open signalen.
        """
        volgorde = self._gesorteerd()
        stippen = self.vergadering.stippen
        per_aantal = Counter(n for sid, n in stippen.items() if sid in self._sleutels)
        plekken: list[regels.Plek] = []
        vorige_n, positie = None, 0
        for i, s in enumerate(volgorde):
            n = stippen.get(s.id, 0)
            if not n and alleen_met_stippen:
                break  # de signalen met stippen staan vooraan
            if n != vorige_n:
                vorige_n, positie = n, i + 1
            plekken.append(regels.Plek(s, n, positie, n > 0 and per_aantal[n] > 1))
        return plekken

    def stippen_beschikbaar(self) -> int:
        """Aanwezige stemgerechtigden maal stippen per lid."""
        return regels.stippen_beschikbaar(self.wijkverband, self.vergadering)

    def stippen_gebruikt(self) -> int:
        """Hoeveel stippen al verdeeld zijn."""
        return regels.stippen_gebruikt(self.vergadering)

    def zet_stippen(self, signaal_id: str, aantal: int) -> None:
        """Geef een signaal een aantal stippen (niet meer dan er te verdelen zijn); bewaard
        voordat dit terugkeert."""
        regels.zet_stippen(self.wijkverband, self.vergadering, signaal_id, aantal)
        self._verschuif(signaal_id)
        self.bewaar()

    def voeg_signaal_toe(self, tekst: str, aantal: int = 1, thema: str = "",
                         contact: Contact | None = None) -> Signaal:
        """Een signaal dat tijdens de vergadering binnenkomt; ``contact`` is privé."""
        datum = self.vandaag()
        # Controleer de invoer vóór de opslag gelezen wordt.
        Signaal("controle", self.wijkverband.id, tekst, datum, thema=thema, aantal=aantal)
        signaal_id = self.bewaarder.nieuw_signaal_id(self.wijkverband.id, datum)
        signaal = Signaal(
            signaal_id, self.wijkverband.id, tekst, datum, thema=thema, aantal=aantal,
            contact=contact,
        )
        self.signalen.append(signaal)
        self._gewijzigd()
        self.log(f"Signaal toegevoegd: {kort(signaal.tekst)}")
        self.bewaar(signaal)
        return signaal

    def bundel(self, hoofd_id: str, dubbel_id: str) -> None:
        """Bundel een dubbel signaal in een hoofdsignaal; zijn stippen gaan mee."""
        hoofd, dubbel = self.signaal(hoofd_id), self.signaal(dubbel_id)
        self.bewaarder.onthoud_eerst(hoofd, dubbel)
        bundel(hoofd, dubbel)
        self._gewijzigd()
        stippen = self.vergadering.stippen
        if dubbel_id in stippen:
            stippen[hoofd_id] = stippen.get(hoofd_id, 0) + stippen.pop(dubbel_id)
        if dubbel_id in self.vergadering.top5:
            self.vergadering.top5.remove(dubbel_id)
        self.log(f"Gebundeld: '{kort(dubbel.tekst, 40)}' in '{kort(hoofd.tekst, 40)}'.")
        self.bewaar(dubbel)

    def voorstel_top5(
        self, plekken: list[regels.Plek] | None = None
    ) -> tuple[list[str], list[regels.Plek]]:
        """De top 5 volgens de stippen, en de signalen die op de grens gelijk staan.

        Alleen signalen met stippen tellen mee. Staan er signalen gelijk op de grens, dan
        zijn de eerste ids de zekere plekken en kiest de voorzitter de rest uit de tweede lijst.
        """
        if plekken is None:  # een lege lijst is ook een antwoord: nog geen stippen
            plekken = self.plekken(alleen_met_stippen=True)
        plekken = [p for p in plekken if p.stippen > 0]
        gelijk = regels.gelijk_op_de_grens(plekken)
        if not gelijk:
            return [p.signaal.id for p in plekken[: regels.TOP]], []
        zeker = [p.signaal.id for p in plekken if p.stippen > gelijk[0].stippen]
        return zeker, gelijk

    def leg_top5_vast(self, signaal_ids: list[str], grensreden: str = "") -> None:
        """Leg de top 5 vast, met de stippen in het logboek. Staan er signalen gelijk op de
        grens, dan legt de voorzitter ook vast wie hij koos en waarom (``grensreden``)."""
        gelijk = self.voorstel_top5()[1]
        if gelijk:
            grensreden = reden_van(grensreden, "waarom deze signalen")  # vóór er iets verandert
        regels.leg_top5_vast(self.vergadering, signaal_ids, self.nu())
        self._leg_grens_vast(signaal_ids, gelijk, grensreden)
        for plek, sid in enumerate(signaal_ids, 1):
            s = self.signaal(sid)
            self.log(
                f"Top {plek}: {zonder_slot(kort(s.tekst))} "
                f"({aantal(self.vergadering.stippen.get(sid, 0), 'stip', 'stippen')})."
            )
        self.bewaar()

    def _leg_grens_vast(self, signaal_ids: list[str], gelijk: list[regels.Plek],
                        reden: str) -> None:
        ids = [p.signaal.id for p in gelijk]
        gekozen = [sid for sid in signaal_ids if sid in ids]
        keuze = leg_grens_vast(self.vergadering, ids, gelijk[0].stippen if gelijk else 0,
                               gekozen, reden)
        if keuze is not None:
            namen = "; ".join(kort(self.signaal(sid).tekst, 40) for sid in gekozen) or "geen"
            self.log(f"Gelijk op de grens ({len(ids)} signalen met "
                     f"{aantal(keuze.stippen, 'stip', 'stippen')}); gekozen: {namen}. "
                     f"{zin('Reden: ' + keuze.reden)}")

    def zet_volgende_vergadering(self, datum: date, tijd: str = "") -> None:
        """Leg de datum (en eventueel de tijd) van de volgende vergadering vast; zie
        ``datumcontrole.volgende_vergadering`` voor wat geweigerd wordt."""
        regels_volgende_vergadering(self.vergadering, datum, tijd)
        self.log(f"Volgende vergadering: {volgende_in_woorden(self.vergadering)}.")
        self.bewaar()

    # --- fase 2: wegen, stemmen, aannemen, parkeren ----------------------------------

    def weeg(self, signaal_id: str, haalbaarheid: int, impact: int) -> None:
        """Weeg een topsignaal op haalbaarheid en impact (1–5)."""
        regels.zet_score(self.vergadering, signaal_id, haalbaarheid, impact)
        self.log(
            f"Gewogen: {kort(self.signaal(signaal_id).tekst, 40)}: haalbaarheid "
            f"{haalbaarheid}, impact {impact}."
        )
        self.bewaar()

    def volgorde(self) -> list[str]:
        """De top 5 op volgorde van weging."""
        return regels.volgorde_op_weging(self.vergadering)

    def aanwezige_stemmers(self) -> list[Lid]:
        """De aanwezige leden met stemrecht."""
        return regels.aanwezige_stemmers(self.wijkverband, self.vergadering)

    def nieuwe_stemming(
        self,
        onderwerp: str,
        signaal_id: str | None,
        *,
        voor: int = 0,
        tegen: int = 0,
        onthouding: int = 0,
        per_lid: dict[str, str] | None = None,
    ) -> Stemming:
        """Een stemming (nog niet vastgelegd) over een voorstel; de domeinregels controleren
        het quorum, de meerderheidsregel en wie er mag stemmen."""
        return regels.nieuwe_stemming(
            self.wijkverband,
            self.vergadering,
            onderwerp,
            self.nu(),
            voor=voor,
            tegen=tegen,
            onthouding=onthouding,
            per_lid=per_lid,
            signaal_id=signaal_id,
        )

    def leg_stemming_vast(self, stemming: Stemming) -> None:
        """Leg een stemming met uitslag vast."""
        stemming.moment = self.nu()
        regels.leg_stemming_vast(self.vergadering, stemming, stemming.moment)
        self.bewaar()

    def laatste_stemming(self, signaal_id: str) -> Stemming | None:
        """De laatste stemming over een voorstel bij dit signaal."""
        for stemming in reversed(self.vergadering.stemmingen):
            if stemming.signaal_id == signaal_id:
                return stemming
        return None

    def acties_van_deze_ronde(self) -> list[Actie]:
        """De acties die in deze vergadering zijn aangenomen."""
        return [a for a in self.acties if a.id in self.vergadering.acties]

    def actie_bij_signaal(self, signaal_id: str) -> Actie | None:
        """De actie die in deze vergadering bij dit signaal is aangenomen."""
        return next(
            (a for a in self.acties_van_deze_ronde() if signaal_id in a.signalen), None
        )

    def reden_nodig(self) -> bool:
        """Waar als een volgende actie alleen met een reden aangenomen kan worden."""
        return len(self.vergadering.acties) >= self.wijkverband.max_acties

    def neem_aan(
        self,
        signaal_id: str | None,
        omschrijving: str,
        eigenaar: str,
        *,
        partners: list[str] | None = None,
        eerste_stap: str = "",
        eerste_stap_datum: date | None = None,
        checkmoment: date | None = None,
        verandering: str = "",
        terugkoppelzin: str = "",
        reden_extra: str = "",
        stemming: Stemming | None = None,
    ) -> Actie:
        """Neem een actie aan (hoogstens twee per ronde, meer alleen met een reden)."""
        besloten = self.vandaag()
        nummer = max((a.nummer for a in self.acties), default=0) + 1
        actie = Actie(
            id=ids.actie_id(besloten.year, nummer),
            wijkverband_id=self.wijkverband.id,
            nummer=nummer,
            omschrijving=omschrijving,
            eigenaar=eigenaar,
            besloten_op=besloten,
            eerste_stap=eerste_stap,
            eerste_stap_datum=eerste_stap_datum,
            checkmoment=checkmoment,
            verandering=verandering,
            terugkoppelzin=terugkoppelzin,
            partners=list(partners or []),
            signalen=[signaal_id] if signaal_id else [],
        )
        # Besluit ≤ eerste stap ≤ checkmoment (de twijfels vroeg het formulier al).
        actiedatums(actie.besloten_op, actie.eerste_stap_datum, actie.checkmoment)
        if any(a.id == actie.id for a in self.acties):  # pragma: no cover - nummer is vrij
            raise OngeldigeInvoer("Dit actienummer bestaat al; probeer het opnieuw.")
        if signaal_id:
            self.bewaarder.onthoud_eerst(self.signaal(signaal_id))
        regels.neem_actie_aan(
            self.wijkverband, self.vergadering, actie, self.nu(), reden_extra, self.signalen
        )
        if stemming is not None:
            stemming.actie_id = actie.id
        self.acties.append(actie)
        gewijzigd: list[object] = [actie]
        if signaal_id:
            # neem_actie_aan zette het bronsignaal op gekozen.
            self._gewijzigd()
            gewijzigd.append(self.signaal(signaal_id))
        self.bewaar(*gewijzigd)
        return actie

    def trek_terug(self, actie_id: str) -> Actie:
        """Trek een in deze vergadering aangenomen actie terug (een vergissing).

        De actie telt niet meer mee voor het maximum, haar bronsignaal komt terug in de lijst
        en ze wordt gestopt, zodat ze in een volgende vergadering niet als lopend terugkomt.
        """
        actie = self.actie(actie_id)
        bronnen = [s for s in self.signalen if s.id in actie.signalen]
        self.bewaarder.onthoud_eerst(actie, *bronnen)
        regels.trek_actie_terug(self.vergadering, actie, self.nu(), self.signalen)
        actie.zet_status(
            "gestopt", "Teruggetrokken in de vergadering waarin ze werd aangenomen.",
            self.nu(), self.vergadering.id,
        )
        self._gewijzigd()
        self.bewaar(actie, *bronnen)
        return actie

    def parkeer(self, signaal_id: str, reden: str) -> None:
        """Parkeer een signaal met een reden; het komt de volgende ronde terug."""
        signaal = self.signaal(signaal_id)
        if signaal.status == "gekozen":
            raise OngeldigeInvoer(
                "Van dit signaal is al een actie gemaakt; het kan niet geparkeerd worden."
            )
        if signaal.status == "gebundeld":
            raise OngeldigeInvoer("Dit signaal is gebundeld; parkeer het hoofdsignaal.")
        self.bewaarder.onthoud_eerst(signaal)
        signaal.parkeer(reden, self.vergadering.id)
        self._gewijzigd()
        self.log(zinnen(f"Geparkeerd: {kort(signaal.tekst)}",
                        f"Reden: {kort(signaal.reden, 200)}"))
        self.bewaar(signaal)

    def parkeer_niet_gekozen(self, reden: str) -> list[Signaal]:
        """Parkeer de topsignalen zonder actie in één keer, met één reden (een eigen reden
        uit deze vergadering blijft staan)."""
        self.bewaarder.onthoud_eerst(*(self.signaal(sid) for sid in self.vergadering.top5))
        rest = regels.parkeer_niet_gekozen(self.vergadering, self.signalen, reden, self.nu())
        if rest:
            self._gewijzigd()
            self.bewaar(*rest)
        return rest

    def niet_gekozen_top5(self) -> list[Signaal]:
        """Topsignalen zonder actie die in deze ronde nog niet geparkeerd zijn."""
        uit = []
        for sid in self.vergadering.top5:
            s = self.signaal(sid)
            al_geparkeerd = s.status == "geparkeerd" and s.vergadering_id == self.vergadering.id
            if s.open and not al_geparkeerd:
                uit.append(s)
        return uit

    # --- fase 3: status van lopende acties, terugkoppeling, sluiten ------------------

    def lopende_acties(self) -> list[Actie]:
        """Acties uit eerdere rondes die bij het begin van deze vergadering open stonden."""
        return [a for a in self.acties if a.id in self._lopend_bij_start]

    def zet_status(
        self, actie_id: str, status: str, toelichting: str, checkmoment: date | None = None
    ) -> None:
        """Werk de status van een lopende actie bij, met een toelichting van één regel en
        (voor een actie die doorloopt) het volgende checkmoment."""
        actie = self.actie(actie_id)
        self.bewaarder.onthoud_eerst(actie)
        volgend = checkmoment if status in OPEN_STATUSSEN else None
        regels.werk_status_bij(self.vergadering, actie, status, toelichting, self.nu(), volgend)
        self.bewaar(actie)

    def terugkoppeling_voorstel(self) -> Terugkoppeling:
        """De terugkoppeling om te bewerken: de bewaarde, aangevuld met een voorstel uit deze
        vergadering waar nog niets staat."""
        huidig = self.vergadering.terugkoppeling
        voorstel = regels.voorstel_terugkoppeling(
            self.vergadering, self.signalen, self.acties, self.wijkverband, self.vandaag()
        )
        return Terugkoppeling(
            gehoord=huidig.gehoord or voorstel.gehoord,
            gedaan=huidig.gedaan or voorstel.gedaan,
            lukt_niet=huidig.lukt_niet or voorstel.lukt_niet,
            volgende_update=huidig.volgende_update or voorstel.volgende_update,
            kanaal=huidig.kanaal or voorstel.kanaal,
            eigenaar=huidig.eigenaar or voorstel.eigenaar,
            contact=huidig.contact or voorstel.contact,
        )

    def bewaar_terugkoppeling(self, terugkoppeling: Terugkoppeling) -> None:
        """Leg de terugkoppeling vast."""
        self.vergadering.terugkoppeling = terugkoppeling
        self.log("Terugkoppeling aan bewoners bijgewerkt.")
        self.bewaar()

    def zet_privacykeuzes(self, keuzes: dict[str, str]) -> None:
        """De keuzes van de privacycheck (per vondst behouden of maskeren); de beamer en het
        mapje volgen ze."""
        from .privacycheck import KEUZES

        if any(k not in KEUZES for k in keuzes.values()):
            raise OngeldigeInvoer("Kies bij de privacycheck per item behouden of maskeren.")
        self.vergadering.privacykeuzes.update(keuzes)
        self.bewaar()

    def ontbreekt(self) -> list[str]:
        """Wat er nog mist om de vergadering te sluiten."""
        return regels.ontbreekt_voor_sluiten(self.vergadering, self.vandaag())

    def sluit(self) -> None:
        """Sluit de vergadering; zonder volledige terugkoppeling wordt dat geweigerd."""
        regels.sluit(self.vergadering, self.nu(), self.agendaklok)
        self.bewaar()

    def waarschuwingen_voor_sluiten(self) -> list[str]:
        """Wat de voorzitter nog zou willen doen (houdt het sluiten niet tegen)."""
        return regels.waarschuwingen_voor_sluiten(self.vergadering, self.signalen, self.acties)

    # --- wat andere processen bewaarden ----------------------------------------------

    def lees_elders(self, wijzigingen: list[Wijziging] | None) -> Elders | None:
        """Lees wat andere processen bewaarden (``Opslag.volger().nieuw()``; None: alles
        opnieuw) voor zover het deze vergadering raakt; None als niets haar raakt.

        Leest alleen de vakken die genoemd zijn (een maand signalen, een jaar acties) en mag
        in een werkdraad: het verandert niets aan de sessie (zie ``pas_toe``).
        """
        wv = self.wijkverband.id
        if wijzigingen is None:
            vakken: dict[str, set[str]] | None = None
        else:
            vakken = {}
            for w in wijzigingen:
                if w.wijkverband not in (wv, ALLES):
                    continue
                if w.soort == ALLES:
                    vakken = None
                    break
                vakken.setdefault(w.soort, set()).add(w.vak)
            if vakken == {}:
                return None
        opslag = self.bewaarder.opslag
        elders = Elders()
        eigen_vak = f"{self.vergadering.id}.json"
        with self.bewaarder.stil():
            if vakken is None:
                elders.signalen = opslag.signalen(wv)
                elders.acties = opslag.acties(wv)
            else:
                for vak in sorted(vakken.get("signalen", ())):
                    elders.signalen += opslag.lees_vak(wv, "signalen", vak)
                for vak in sorted(vakken.get("acties", ())):
                    elders.acties += opslag.lees_vak(wv, "acties", vak)
            if vakken is None or eigen_vak in vakken.get("vergaderingen", ()):
                elders.vergadering = opslag.vergadering(wv, self.vergadering.id)
            if vakken is None or "wijkverbanden" in vakken:
                elders.wijkverband = opslag.wijkverband(wv)
        return elders

    def pas_toe(self, elders: Elders | None) -> Bijgewerkt:
        """Neem over wat ``lees_elders`` las: nieuwe signalen die meedoen komen in de lijst,
        wat elders een nieuwere versie kreeg, wordt bijgewerkt (in hetzelfde object, zodat
        klok en schermen het meteen zien). Heeft dit proces zelf nog iets niet bewaard, dan
        voegt de bewaarder samen in plaats van het te overschrijven. Vanuit de hoofddraad."""
        uit = Bijgewerkt()
        if elders is None:
            return uit
        bewaarder = self.bewaarder
        bekend = {s.id: s for s in self.signalen}
        for s in elders.signalen:
            eigen = bekend.get(s.id)
            if eigen is None:
                if s.open or s.vergadering_id == self.vergadering.id or s.gebundeld_in in bekend:
                    self.signalen.append(s)
                    bekend[s.id] = s
                    bewaarder.onthoud(s)
                    uit.nieuwe_signalen.append(s)
            elif self._neem_over(eigen, s):
                uit.signalen.append(eigen)
        acties = {a.id: a for a in self.acties}
        for a in elders.acties:
            eigen_actie = acties.get(a.id)
            if eigen_actie is None:
                self.acties.append(a)  # aangenomen in een ander venster: telt mee voor nummers
                bewaarder.onthoud(a)
                uit.acties.append(a)
            elif self._neem_over(eigen_actie, a):
                uit.acties.append(eigen_actie)
        if elders.vergadering is not None:
            uit.vergadering = self._neem_over(self.vergadering, elders.vergadering)
        if elders.wijkverband is not None:
            self._neem_over(self.wijkverband, elders.wijkverband)
        if uit.nieuwe_signalen or uit.signalen:
            self._gewijzigd()
        elif uit.vergadering:
            # Alleen stippen of top 5 anders: opnieuw sorteren is genoeg; het scherm werkt
            # dan alleen de veranderde rijen bij (bij duizend signalen scheelt dat een
            # volledige opbouw van de lijst).
            self._volgorde = None
        return uit

    def _neem_over(self, eigen: object, bewaard: object) -> bool:
        """Werk ``eigen`` bij tot de bewaarde versie als die nieuwer is; True als er iets
        veranderde."""
        if bewaard.versie <= eigen.versie:  # type: ignore[attr-defined]
            return False  # dit proces bewaarde zelf al die versie (of een latere)
        if self.bewaarder.niet_opgeslagen(eigen):
            # Eigen wijzigingen wachten nog: samenvoegen (en zo nodig de voorzitter vragen).
            self.bewaarder.bewaar(eigen)
            return True
        neem_over(eigen, bewaard)
        self.bewaarder.onthoud(eigen)
        return True

    def elders_samengevoegd(self) -> None:
        """De bewaarder voegde een wijziging van elders samen in een object van deze sessie:
        ranglijst en tellingen opnieuw opbouwen."""
        self._gewijzigd()
