"""Bewaren tijdens de vergadering: elke wijziging staat op schijf voordat het scherm haar toont.

Een bevestigde wijziging mag niet verloren gaan, ook niet bij een kill -9 een milliseconde
later; daarom schrijft ``bewaar`` meteen (een regel in het journaal en fsync: rond een
milliseconde, ruim binnen één beeldje). Mislukt het bewaren, dan blijft het object in het
geheugen staan en wordt het bij ``opnieuw()`` nog eens geschreven; er gaat niets verloren dat
getypt is.

Heeft een ander proces hetzelfde document intussen bewaard (``GelijktijdigGewijzigd``), dan
is opnieuw proberen zinloos: de bewaarder leest dan de bewaarde versie en voegt samen (zie
samenvoegen.py), met als basis het document zoals dit proces het het laatst las of bewaarde.
Alleen als beide kanten hetzelfde veld anders invulden, vraagt hij de voorzitter
(``meld_conflict``) welke waarde blijft; ``beslis`` bewaart dan de keuze.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from .fouten import GelijktijdigGewijzigd, VergaderingFout, oorzaak
from .opslag import Opslag
from .samenvoegen import Conflict, Pad, neem_over, voeg_samen

Sleutel = tuple[str, str, str]


def _sleutel(obj: Any) -> Sleutel:
    return (type(obj).__name__, getattr(obj, "wijkverband_id", ""), obj.id)


# Zo vaak samenvoegen en opnieuw bewaren als een ander proces steeds net eerder is.
POGINGEN = 5
WACHT_OP_KEUZE = "een ander venster wijzigde hetzelfde; kies eerst welke waarde blijft"


@dataclass
class Tegenstrijdig:
    """Een bewaaractie die op de voorzitter wacht: beide kanten veranderden hetzelfde veld.
    ``keuzes`` zijn de keuzes die al gemaakt zijn (een volgende vraag vult ze aan)."""

    obj: Any
    conflicten: list[Conflict]
    keuzes: dict[Pad, str] = field(default_factory=dict)


class Bewaarder:
    """Bewaart domeinobjecten meteen, één tegelijk, en onthoudt wat niet lukte.

    ``meld_fout`` en ``meld_gelukt`` worden aangeroepen in de draad die bewaart (de
    hoofddraad); de app zet ze toch via de lus door, zodat dat uit elke draad mag.
    """

    def __init__(
        self,
        opslag: Opslag,
        meld_fout: Callable[[str], None] = lambda _: None,
        meld_gelukt: Callable[[], None] = lambda: None,
        *,
        meld_conflict: Callable[[Tegenstrijdig], None] = lambda _: None,
        meld_samengevoegd: Callable[[list[Any]], None] = lambda _: None,
    ) -> None:
        self.opslag = opslag
        self._meld_fout = meld_fout
        self._meld_gelukt = meld_gelukt
        self._meld_conflict = meld_conflict
        self._meld_samengevoegd = meld_samengevoegd
        # Per object het document zoals dit proces het het laatst las of bewaarde: de basis
        # om samen te voegen. Na elk bewaren gratis (de opslag geeft het document terug).
        self._basis: dict[Sleutel, dict[str, Any]] = {}
        self._wacht_op_keuze: dict[Sleutel, Tegenstrijdig] = {}
        # Schrijven kan uit de hoofddraad en uit een werkdraad (opnieuw proberen, lezen
        # met ``stil``): één tegelijk.
        self._schrijfslot = threading.RLock()
        self._mislukt: dict[Sleutel, Any] = {}
        self.laatste_fout = ""

    # --- bewaren ---------------------------------------------------------------------

    def bewaar(self, *objecten: Any) -> bool:
        """Schrijf de objecten nu naar schijf; True als alles bewaard is.

        Een fout wordt gemeld (``meld_fout``) en het object onthouden voor ``opnieuw()``.
        """
        gelukt = True
        for obj in objecten:
            sleutel = _sleutel(obj)
            try:
                with self._schrijfslot:
                    self._basis[sleutel] = self._schrijf(obj)
            except GelijktijdigGewijzigd:
                gelukt = self._voeg_samen(sleutel, obj, {}) and gelukt
                continue
            except VergaderingFout as fout:
                gelukt = self._mislukt_met(sleutel, obj, str(fout))
            except OSError as fout:
                # Wat de gebruiker dan kan doen (ctrl+s), zegt de app bij de melding.
                gelukt = self._mislukt_met(sleutel, obj, f"Opslaan lukte niet ({oorzaak(fout)}).")
            else:
                self._mislukt.pop(sleutel, None)
        if gelukt:
            self._meld_gelukt()
        return gelukt

    def bewaar_of_meld(self, obj: Any) -> bool:
        """Bewaar één object nu, voor een formulier dat bij een fout opnieuw opengaat: een
        fout komt als ``VergaderingFout`` (niets onthouden), een wijziging elders wordt
        samengevoegd. False: de voorzitter moet eerst kiezen (``meld_conflict``)."""
        sleutel = _sleutel(obj)
        try:
            with self._schrijfslot:
                self._basis[sleutel] = self._schrijf(obj)
        except GelijktijdigGewijzigd:
            return self._voeg_samen(sleutel, obj, {})
        except OSError as fout:
            raise VergaderingFout(f"Opslaan lukte niet ({oorzaak(fout)}).") from fout
        return True

    def opnieuw(self) -> int:
        """Schrijf alles wat niet bewaard kon worden opnieuw; geeft het aantal pogingen terug."""
        mislukt = list(self._mislukt.values())
        if mislukt:
            self.bewaar(*mislukt)
        return len(mislukt)

    # --- samenvoegen na een wijziging elders ----------------------------------------------

    def onthoud(self, obj: Any, document: dict[str, Any] | None = None) -> None:
        """Onthoud ``obj`` zoals het nu (net gelezen) op schijf staat: de basis om samen te
        voegen als een ander proces het intussen ook bewaart."""
        from .opslag.omzetten import naar_document

        self._basis[_sleutel(obj)] = document if document is not None else naar_document(obj)

    def onthoud_eerst(self, *objecten: Any) -> None:
        """Als ``onthoud``, maar alleen voor objecten waarvan deze versie nog niet onthouden
        is (vóór de eerste wijziging in dit proces: dat is wat er gelezen werd)."""
        for obj in objecten:
            basis = self._basis.get(_sleutel(obj))
            if basis is None or basis.get("versie") != obj.versie:
                self.onthoud(obj)

    def niet_opgeslagen(self, obj: Any) -> bool:
        """Waar als dit object wijzigingen heeft die (nog) niet op schijf staan."""
        return _sleutel(obj) in self._mislukt

    @property
    def wacht_op_keuze(self) -> list[Tegenstrijdig]:
        """De bewaaracties die wachten tot de voorzitter kiest."""
        return list(self._wacht_op_keuze.values())

    def beslis(self, vraag: Tegenstrijdig, keuzes: dict[Pad, str]) -> bool:
        """Bewaar met de keuzes van de voorzitter (per pad ``MIJN`` of ``HUN``); True als het
        bewaard is. Nieuwe tegenstrijdigheden (intussen weer gewijzigd) worden opnieuw gemeld."""
        sleutel = _sleutel(vraag.obj)
        if self._wacht_op_keuze.get(sleutel) is vraag:
            del self._wacht_op_keuze[sleutel]
        gelukt = self._voeg_samen(sleutel, vraag.obj, {**vraag.keuzes, **keuzes})
        if gelukt and not self._mislukt:
            self._meld_gelukt()
        return gelukt

    def _voeg_samen(self, sleutel: Sleutel, obj: Any, keuzes: dict[Pad, str]) -> bool:
        """Lees wat een ander bewaarde, voeg het samen met ``obj`` en bewaar; bij een echte
        tegenstrijdigheid de vraag aan de voorzitter (één vraag tegelijk per object)."""
        from .opslag.omzetten import naar_document, uit_document

        if sleutel in self._wacht_op_keuze:
            # Er ligt al een vraag; ``beslis`` voegt straks samen met wat er dan staat.
            self._mislukt[sleutel] = obj
            return False
        try:
            with self._schrijfslot:
                for _ in range(POGINGEN):
                    hun = naar_document(self._lees(obj))
                    basis = self._basis.get(sleutel)
                    if basis is not None and basis.get("versie") != obj.versie:
                        # Niet de versie waarop dit object voortbouwt (een tweede kopie van
                        # hetzelfde document): zonder basis is elk verschil een vraag.
                        basis = None
                    uit = voeg_samen(basis, naar_document(obj), hun, keuzes)
                    if uit.conflicten:
                        vraag = Tegenstrijdig(obj, uit.conflicten, dict(keuzes))
                        self._wacht_op_keuze[sleutel] = vraag
                        self._mislukt[sleutel] = obj
                        self.laatste_fout = f"{WACHT_OP_KEUZE[0].upper()}{WACHT_OP_KEUZE[1:]}."
                        self._meld_conflict(vraag)
                        return False
                    neem_over(obj, uit_document(type(obj), uit.document))
                    # Wat nu op schijf staat, is de basis: ook als het bewaren hierna faalt.
                    self._basis[sleutel] = hun
                    try:
                        self._basis[sleutel] = self._schrijf(obj)
                    except GelijktijdigGewijzigd:
                        continue  # weer net een ander ertussen: nog eens
                    self._mislukt.pop(sleutel, None)
                    self._meld_samengevoegd([obj])
                    return True
        except VergaderingFout as fout:
            return self._mislukt_met(sleutel, obj, str(fout))
        except OSError as fout:
            return self._mislukt_met(sleutel, obj, f"Opslaan lukte niet ({oorzaak(fout)}).")
        return self._mislukt_met(
            sleutel, obj, "Een ander venster bewaart steeds net eerder; probeer het zo opnieuw."
        )

    def _lees(self, obj: Any) -> Any:
        """De bewaarde versie van ``obj``."""
        from .actie import Actie
        from .signaal import Signaal
        from .vergadering import Vergadering

        opslag = self.opslag
        if isinstance(obj, Vergadering):
            return opslag.vergadering(obj.wijkverband_id, obj.id)
        if isinstance(obj, Signaal):
            return opslag.signaal(obj.wijkverband_id, obj.id)
        if isinstance(obj, Actie):
            return opslag.actie(obj.wijkverband_id, obj.id)
        return opslag.wijkverband(obj.id)

    @property
    def onopgeslagen(self) -> int:
        """Hoeveel objecten niet bewaard konden worden."""
        return len(self._mislukt)

    def wacht(self, tijdslimiet: float = 30.0) -> bool:
        """Wacht tot een schrijfactie in een andere draad klaar is; False bij de tijdslimiet."""
        if not self._schrijfslot.acquire(timeout=tijdslimiet):
            return False
        self._schrijfslot.release()
        return True

    @contextmanager
    def stil(self) -> Iterator[None]:
        """Lees veilig uit de opslag: er wordt zolang niet geschreven."""
        with self._schrijfslot:
            yield

    def _mislukt_met(self, sleutel: Sleutel, obj: Any, melding: str) -> bool:
        self._mislukt[sleutel] = obj
        self.laatste_fout = melding
        self._meld_fout(melding)
        return False

    def _schrijf(self, kopie: Any) -> dict[str, Any]:
        # Hier pas: het startscherm laadt deze domeinmodules niet voor het eerste beeld.
        from .actie import Actie
        from .signaal import Signaal
        from .vergadering import Vergadering
        from .wijkverband import Wijkverband

        if isinstance(kopie, Vergadering):
            return self.opslag.bewaar_vergadering(kopie)
        if isinstance(kopie, Signaal):
            return self.opslag.bewaar_signaal(kopie)
        if isinstance(kopie, Actie):
            return self.opslag.bewaar_actie(kopie)
        if isinstance(kopie, Wijkverband):
            return self.opslag.bewaar_wijkverband(kopie)
        raise TypeError(type(kopie).__name__)  # pragma: no cover - programmeerfout
