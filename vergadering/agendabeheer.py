"""De agenda rond de cyclus tijdens de vergadering: een punt toevoegen en het vorige
verslag vaststellen, over een lopende ``Sessie``.

Elke handeling gaat via de regels in ``agenda``, komt in het logboek en wordt meteen
bewaard (de vorige vergadering ook, als haar verslag is vastgesteld). Geen Textual hier.
"""

from __future__ import annotations

import weakref

from . import agenda, datums
from .actie import Actie
from .fouten import OngeldigeInvoer, VergaderingFout
from .sessie import Sessie
from .tekst import kort
from .vergadering import Fase, Vergadering
from .zinnen import zin, zonder_slot

_NOG_NIET = object()


class Agendabeheer:
    """Agendapunten en het vorige verslag van de vergadering van één sessie."""

    def __init__(self, sessie: Sessie) -> None:
        self.sessie = sessie
        self._vorig: object = _NOG_NIET

    @property
    def vergadering(self) -> Vergadering:
        """De lopende vergadering."""
        return self.sessie.vergadering

    def voeg_punt_toe(self, titel: str, minuten: int) -> Fase:
        """Een agendapunt alleen voor deze vergadering (vóór de sluiting)."""
        fase, _ = agenda.voeg_punt_toe(self.vergadering, titel, minuten)
        self.sessie.log(f"Agendapunt toegevoegd: {kort(fase.titel)} ({minuten} min).")
        self.sessie.bewaar()
        return fase

    def haal_punt_weg(self, index: int) -> Fase:
        """Haal een punt dat nog moet komen van de agenda (zie ``agenda.haal_punt_weg``)."""
        fase = agenda.haal_punt_weg(self.vergadering, index)
        self.sessie.log(f"Agendapunt van de agenda gehaald: {kort(fase.titel)}.")
        self.sessie.bewaar()
        return fase

    def verplaats_punt(self, index: int, stap: int) -> int:
        """Schuif een punt dat nog moet komen één plek op of neer; geeft zijn nieuwe plek."""
        doel = agenda.verplaats_punt(self.vergadering, index, stap)
        fase = self.vergadering.fasen[doel]
        self.sessie.log(f"Agendapunt verschoven: {kort(fase.titel)} is nu punt {doel + 1}.")
        self.sessie.bewaar()
        return doel

    # --- het vorige verslag ------------------------------------------------------------

    def vorig(self) -> Vergadering | None:
        """De vorige gesloten vergadering (één keer gelezen), of None bij de eerste."""
        if self._vorig is _NOG_NIET:
            sessie = self.sessie
            with sessie.bewaarder.stil():
                alle = sessie.bewaarder.opslag.vergaderingen(sessie.wijkverband.id)
            gevonden = agenda.vorige(alle, self.vergadering)
            if gevonden is not None:
                # De basis om samen te voegen als een ander venster haar ook bewaart.
                sessie.bewaarder.onthoud(gevonden)
            self._vorig = gevonden
        return self._vorig  # type: ignore[return-value]

    def zet_correcties(self, tekst: str) -> None:
        """Bewaar de correcties op het vorige verslag die de zaal vraagt. Was het al
        vastgesteld in deze vergadering, dan gaan de correcties mee in de vaststelling.
        Bewaard terwijl de notulist typt; het logboek krijgt alleen de vaststelling."""
        agenda.zet_correcties(self.vergadering, tekst)
        vorig = self.vorig()
        if vorig is not None and vorig.vastgesteld_in == self.vergadering.id:
            agenda.stel_vast(self.vergadering, vorig, vorig.vastgesteld_op
                             or self.sessie.vandaag())
            self.sessie.bewaar(vorig)
        else:
            self.sessie.bewaar()

    def stel_vast(self) -> Vergadering:
        """Stel het vorige verslag vast (met de correcties); geeft die vergadering terug."""
        vorig = self.vorig()
        if vorig is None:
            raise OngeldigeInvoer(
                "Er is geen vorig verslag om vast te stellen; dit is de eerste vergadering."
            )
        agenda.stel_vast(self.vergadering, vorig, self.sessie.vandaag())
        met = " met correcties" if self.vergadering.correcties_vorig else " zonder correcties"
        self.sessie.log(f"Verslag van {datums.lang(vorig.datum)} vastgesteld{met}.")
        self.sessie.bewaar(vorig)
        return vorig

    def vastgesteld(self) -> bool:
        """Waar als het vorige verslag in deze vergadering is vastgesteld."""
        vorig = self.vorig()
        return vorig is not None and vorig.vastgesteld_in == self.vergadering.id

    def concept(self) -> list[str]:
        """Het concept van het vorige verslag in een paar regels: aanwezig, de top 5, de
        besluiten en de beloofde terugkoppeling (leeg zonder vorig verslag)."""
        vorig = self.vorig()
        if vorig is None:
            return []
        sessie = self.sessie
        regels = [f"Aanwezig: {len(vorig.aanwezigen())} leden."]
        if vorig.top5:
            bekend = {s.id: s for s in sessie.signalen}
            teksten = []
            for sid in vorig.top5:
                signaal = bekend.get(sid)
                if signaal is None:
                    try:
                        with sessie.bewaarder.stil():
                            signaal = sessie.bewaarder.opslag.signaal(sessie.wijkverband.id, sid)
                    except VergaderingFout:
                        continue  # niet meer te vinden: de rest van het concept telt
                teksten.append(kort(signaal.tekst, 40))
            regels.append(zin("Top 5: " + "; ".join(zonder_slot(t) for t in teksten)))
        besloten = [a for a in sessie.acties if a.id in vorig.acties]
        if besloten:
            regels.append(zin("Besloten: " + "; ".join(
                f"actie {a.nummer} ({zonder_slot(kort(a.omschrijving, 40))})"
                for a in besloten)))
        beloofd = vorig.terugkoppeling.volgende_update_tekst()
        if beloofd:
            regels.append(zin(f"Terugkoppeling beloofd: {beloofd}"))
        return regels

    def actielijst(self) -> list[Actie]:
        """De acties uit de vorige vergadering en wat daarvoor nog open staat: de actielijst
        die samen met het verslag wordt vastgesteld."""
        vorig = self.vorig()
        uit = [a for a in self.sessie.acties
               if a.vergadering_id != self.vergadering.id
               and (a.open or (vorig is not None and a.id in vorig.acties))]
        return sorted(uit, key=lambda a: a.nummer)


_PER_SESSIE: weakref.WeakKeyDictionary[Sessie, Agendabeheer] = weakref.WeakKeyDictionary()


def agendabeheer(sessie: Sessie) -> Agendabeheer:
    """Het agendabeheer van deze sessie (één per sessie, zodat het vorige verslag één keer
    gelezen wordt)."""
    beheer = _PER_SESSIE.get(sessie)
    if beheer is None:
        beheer = _PER_SESSIE[sessie] = Agendabeheer(sessie)
    return beheer
