"""Wat de aparte beamer (``vergadering beamer``) toont, gelezen uit de opslag.

De beamer is een eigen proces: hij heeft geen ``Sessie``, hij volgt wat de app van de
voorzitter bewaart. Deze module kiest het wijkverband, leest de vergadering met haar signalen
en acties, en weet na een wijziging (``Opslag.volger``) wat er opnieuw gelezen moet worden:
per vakbestand, zodat een stip alleen het ene bestand van de vergadering kost en niet jaren
geschiedenis. Geen Textual hier; het scherm staat in ``schermen/beamer_app.py``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

from .actie import Actie
from .fouten import OngeldigeInvoer
from .opslag import Opslag
from .opslag.wijzigingen import ALLES, Wijziging
from .sessie import relevante_signalen
from .signaal import Signaal
from .vergadering import Vergadering
from .wijkverband import Wijkverband

Stand = Literal["wacht", "vergadering", "gesloten"]
SOORTEN = ("signalen", "acties", "vergaderingen")


def kies_wijkverband(opslag: Opslag, naam: str | None = None) -> Wijkverband:
    """Het wijkverband voor de beamer: het genoemde, anders het enige, anders het enige met
    een vergadering die nog niet gesloten is. Lukt dat niet, dan één zin met de namen."""
    if naam:
        return opslag.wijkverband(naam)
    alle = opslag.wijkverbanden()
    if not alle:
        raise OngeldigeInvoer(
            f"In {opslag.plek} staat nog geen wijkverband; maak er een in de app en start de "
            "beamer daarna opnieuw."
        )
    if len(alle) == 1:
        return alle[0]
    open_ = [wv for wv in alle if opslag.onafgemaakte_vergadering(wv.id) is not None]
    if len(open_) == 1:
        return open_[0]
    keuze = open_ or alle
    namen = ", ".join(f"'{wv.naam}'" for wv in keuze)
    raise OngeldigeInvoer(
        f"Kies welk wijkverband de beamer toont, met --wijkverband NAAM: {namen}."
    )


@dataclass
class Beeld:
    """Wat de beamer nu moet tonen.

    ``wacht``: nog geen vergadering die begonnen is (``vergadering`` is dan de geplande, als
    die er al is); ``vergadering``: de lopende vergadering; ``gesloten``: de vergadering is
    net gesloten, de zaal ziet de terugkoppeling.
    """

    stand: Stand
    wijkverband: Wijkverband
    vergadering: Vergadering | None = None
    signalen: list[Signaal] = field(default_factory=list)
    acties: list[Actie] = field(default_factory=list)
    volgende: date | None = None  # de datum van de volgende vergadering, als die bekend is


class Meekijker:
    """Leest wat de beamer toont en houdt per vakbestand bij wat er al gelezen is.

    ``lees()`` de eerste keer: alles van het wijkverband. Daarna ``opnieuw(wijzigingen)``
    met wat de volger meldde: alleen de genoemde vakken van dit wijkverband (None: alles).
    ``vandaag`` bepaalt of een gesloten vergadering nog op het scherm hoort (dezelfde dag).
    """

    def __init__(self, opslag: Opslag, wijkverband_id: str | None,
                 vandaag: Callable[[], date]) -> None:
        self.opslag = opslag
        self.wijkverband_id = wijkverband_id
        self.vandaag = vandaag
        self.wijkverband: Wijkverband | None = None
        # soort -> vaknaam -> objecten uit dat vak
        self._vakken: dict[str, dict[str, list[Any]]] = {}
        self._gevolgd: str | None = None  # de vergadering die de zaal zag beginnen
        # Signalen en acties zoals de beamer ze krijgt, tot er een vak van die soort
        # verandert: na een stip blijft het dezelfde lijst (het masker van de beamer hoeft
        # dan niet opnieuw, en jaren signalen worden niet opnieuw gefilterd).
        self._klaar: dict[tuple[str, str | None], list[Any]] = {}
        # Wat de vorige keer niet te lezen was: alles (een onderbroken ``lees()``, dan is de
        # rest half) of één vak. Dat wordt eerst opnieuw gelezen, anders gaf een latere
        # wijziging elders een beeld zonder dat vak (de zaal zag 'wacht' in plaats van het
        # laatste goede beeld met de melding).
        self._volledig = False
        self._mislukt: set[tuple[str, str]] = set()

    # --- wat opnieuw moet ----------------------------------------------------------

    def relevant(self, wijzigingen: Iterable[Wijziging] | None) -> bool:
        """Waar als een van deze wijzigingen de beamer aangaat (None: dat is niet te zeggen)."""
        if wijzigingen is None:
            return True
        return any(w.wijkverband in (ALLES, self.wijkverband_id) for w in wijzigingen)

    def opnieuw(self, wijzigingen: Iterable[Wijziging] | None) -> Beeld:
        """Lees wat volgens de wijzigingen veranderd is, en geef het nieuwe beeld."""
        if wijzigingen is None or self.wijkverband is None or not self._volledig:
            return self.lees()
        for soort, naam in sorted(self._mislukt):
            self._lees_vak(soort, naam)
        for w in wijzigingen:
            if w.soort == ALLES or (w.wijkverband == ALLES and w.soort != "wijkverbanden"):
                return self.lees()
            if w.soort == "wijkverbanden":
                self._lees_wijkverband()
            elif w.wijkverband == self.wijkverband_id and w.soort in SOORTEN:
                self._lees_vak(w.soort, w.vak)
        return self.beeld()

    # --- lezen ---------------------------------------------------------------------

    def lees(self) -> Beeld:
        """Lees alles van het wijkverband opnieuw."""
        self._volledig = False
        self._lees_wijkverband()
        assert self.wijkverband_id is not None
        self._vakken = {}
        self._klaar = {}
        self._mislukt = set()
        for soort in SOORTEN:
            self._vakken[soort] = {}
            for naam, _ in self.opslag.vaknamen(self.wijkverband_id, soort):
                self._lees_vak(soort, naam)
        self._volledig = True
        return self.beeld()

    def _lees_wijkverband(self) -> None:
        if self.wijkverband_id is None:
            self.wijkverband = kies_wijkverband(self.opslag)
            self.wijkverband_id = self.wijkverband.id
        else:
            self.wijkverband = self.opslag.wijkverband(self.wijkverband_id)

    def _lees_vak(self, soort: str, naam: str) -> None:
        assert self.wijkverband_id is not None
        vakken = self._vakken.setdefault(soort, {})
        self._klaar = {k: v for k, v in self._klaar.items() if k[0] != soort}
        if not self.opslag.heeft_vak(self.wijkverband_id, soort, naam):
            vakken.pop(naam, None)
            self._mislukt.discard((soort, naam))
            return
        try:
            vakken[naam] = self.opslag.lees_vak(self.wijkverband_id, soort, naam)
        except Exception:
            self._mislukt.add((soort, naam))
            raise
        self._mislukt.discard((soort, naam))

    def _alle(self, soort: str) -> list[Any]:
        return [obj for naam in sorted(self._vakken.get(soort, {}))
                for obj in self._vakken[soort][naam]]

    # --- het beeld -----------------------------------------------------------------

    def beeld(self) -> Beeld:
        """Het beeld uit wat nu gelezen is."""
        wv = self.wijkverband
        assert wv is not None
        vergaderingen = sorted(self._alle("vergaderingen"), key=lambda v: (v.datum, v.id))
        open_ = [v for v in vergaderingen if not v.gesloten]
        gesloten = [v for v in vergaderingen if v.gesloten]
        laatste = max(gesloten, key=lambda v: (v.gesloten_op, v.datum, v.id), default=None)
        volgende = laatste.volgende_vergadering if laatste is not None else None
        if open_:
            v = open_[-1]
            if not v.gestart:
                return Beeld("wacht", wv, v, volgende=v.datum)
            self._gevolgd = v.id
            return self._met_inhoud("vergadering", wv, v)
        if laatste is not None and (
            laatste.id == self._gevolgd
            or laatste.gesloten_op is not None and laatste.gesloten_op.date() == self.vandaag()
        ):
            return self._met_inhoud("gesloten", wv, laatste)
        if volgende is not None and volgende < self.vandaag():
            volgende = None  # voorbij: niet meer als 'volgende' tonen
        return Beeld("wacht", wv, None, volgende=volgende)

    def _met_inhoud(self, stand: Stand, wv: Wijkverband, v: Vergadering) -> Beeld:
        signalen = self._klaar.get(("signalen", v.id))
        if signalen is None:
            # Dezelfde volgorde als ``Opslag.signalen`` (die de app van de voorzitter las):
            # bij gelijke stippen dezelfde ranglijst.
            alle = sorted(self._alle("signalen"), key=lambda s: (s.datum, s.id))
            signalen = self._klaar[("signalen", v.id)] = relevante_signalen(alle, v.id)
        acties = self._klaar.get(("acties", None))
        if acties is None:
            acties = self._klaar[("acties", None)] = sorted(self._alle("acties"),
                                                             key=lambda a: a.nummer)
        return Beeld(stand, wv, v, signalen, acties)
