"""Wat beide opslagen (de map in facade.py en de database in postgres.py) op dezelfde manier
doen: een wijkverband op naam vinden, nieuwe kenmerken en actienummers kiezen, de
onafgemaakte vergadering. Alleen in termen van de lees- en bestaat-methodes van de opslag
zelf, zodat een regel op één plek staat en beide opslagen hem volgen."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from operator import attrgetter
from typing import TYPE_CHECKING

from .. import ids
from ..fouten import NietGevonden, OngeldigeInvoer

if TYPE_CHECKING:
    from ..actie import Actie
    from ..vergadering import Vergadering
    from ..wijkverband import Wijkverband

# Oudste eerst, bij gelijke datum op kenmerk; attrgetter in plaats van een lambda (dertig
# jaar signalen: zestigduizend aanroepen minder).
OP_DATUM = attrgetter("datum", "id")


def zoek_wijkverband(naam_of_id: str, paren: list[tuple[str, str]]) -> int:
    """De plaats in ``paren`` (kenmerk, naam) van het wijkverband met deze naam of dit
    kenmerk; anders ``NietGevonden`` met de bekende namen."""
    zoek = naam_of_id.strip().lower()
    for i, (wv_id, naam) in enumerate(paren):
        if wv_id == zoek or naam.lower() == zoek:
            return i
    # 'De Hoven-Noord' voor 'Wijkverband De Hoven-Noord': zo noemt men het in de zaal.
    # Alleen als dat precies één wijkverband aanwijst.
    zonder = [i for i, (_, naam) in enumerate(paren)
              if _zonder_soortwoord(naam) == _zonder_soortwoord(zoek)]
    if len(zonder) == 1:
        return zonder[0]
    bekend = ", ".join(naam for _, naam in paren) or "nog geen"
    raise NietGevonden(
        f"Er is geen wijkverband '{naam_of_id.strip()[:60]}'; bekend zijn: {bekend}."
    )


def _zonder_soortwoord(naam: str) -> str:
    """Een naam zonder 'wijkverband' of 'wijkraad' ervoor, in kleine letters."""
    kern = naam.strip().lower()
    for woord in ("wijkverband ", "wijkraad "):
        if kern.startswith(woord):
            return kern[len(woord):].strip()
    return kern


def vrij_kenmerk(basis: str, bezet: Callable[[str], bool]) -> str:
    """``basis``, of ``basis-2``, ``basis-3`` … zolang ``bezet(kandidaat)`` waar is."""
    kandidaat, n = basis, 1
    while bezet(kandidaat):
        n += 1
        kandidaat = f"{basis}-{n}"
    return kandidaat


class Gedeeld:
    """De regels die niet van de opslag afhangen; een opslag levert ``wijkverbanden``,
    ``acties``, ``vergaderingen``, ``_heeft_wijkverband`` en ``_heeft_vergadering``."""

    # Door elke opslag zelf geleverd (hier alleen voor de typen).
    if TYPE_CHECKING:
        def wijkverbanden(self) -> list[Wijkverband]: ...
        def acties(self, wijkverband_id: str | None = None) -> list[Actie]: ...
        def vergaderingen(self, wijkverband_id: str | None = None) -> list[Vergadering]: ...
        def _heeft_wijkverband(self, wijkverband_id: str) -> bool: ...
        def _heeft_vergadering(self, wijkverband_id: str, vergadering_id: str) -> bool: ...

    def mag_schrijven(self, wijkverband_id: str) -> bool:
        """Waar als wie deze opslag gebruikt, dit wijkverband mag wijzigen. Een map op de
        eigen laptop: ja (lukt schrijven toch niet, dan zegt het bewaren waarom)."""
        return True

    def wijkverband(self, naam_of_id: str) -> Wijkverband:
        """Het wijkverband met deze naam of dit kenmerk (hoofdletters tellen niet)."""
        alle = self.wijkverbanden()
        return alle[zoek_wijkverband(naam_of_id, [(w.id, w.naam) for w in alle])]

    def nieuw_wijkverband_id(self, naam: str) -> str:
        """Een vrij kenmerk voor een nieuw wijkverband, afgeleid van de naam."""
        return vrij_kenmerk(ids.slug(naam), self._heeft_wijkverband)

    def _controleer_nieuwe_naam(self, wijkverband: Wijkverband) -> None:
        """Een nieuw wijkverband mag niet heten als een ander (hoofdletters tellen niet)."""
        if wijkverband.versie == 0:
            for ander in self.wijkverbanden():
                if ander.id != wijkverband.id and ander.naam.lower() == wijkverband.naam.lower():
                    raise OngeldigeInvoer(
                        f"Er is al een wijkverband '{ander.naam}'; kies een andere naam."
                    )

    def volgend_actienummer(self, wijkverband_id: str) -> int:
        """Het eerstvolgende actienummer binnen het wijkverband."""
        return max((a.nummer for a in self.acties(wijkverband_id)), default=0) + 1

    def nieuw_actie_id(self, wijkverband_id: str, jaar: int) -> tuple[str, int]:
        """Kenmerk en nummer voor een nieuwe actie."""
        nummer = self.volgend_actienummer(wijkverband_id)
        return ids.actie_id(jaar, nummer), nummer

    def nieuw_vergadering_id(self, wijkverband_id: str, datum: date) -> str:
        """'2026-11-23', of '2026-11-23-2' als er die dag al een was."""
        return vrij_kenmerk(datum.isoformat(),
                            lambda k: self._heeft_vergadering(wijkverband_id, k))

    def na_grote_lading(self) -> None:
        """Na een grote lading (overzetten): wat de opslag dan bijwerkt; de map niets."""

    def onafgemaakte_vergadering(self, wijkverband_id: str) -> Vergadering | None:
        """De laatste vergadering die nog niet gesloten is, om verder te gaan."""
        open_ = [v for v in self.vergaderingen(wijkverband_id) if not v.gesloten]
        return open_[-1] if open_ else None
