"""De statusupdate van de eigenaar tussen de vergaderingen: status, één regel toelichting,
een datum en wie het doorgaf. Komt in de historie van de actie; fase 3 van de volgende
vergadering toont haar als al gedaan."""

from __future__ import annotations

import copy
from dataclasses import dataclass
from datetime import date, datetime

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Select, Static

from vergadering.actie import Actie
from vergadering.fouten import OngeldigeInvoer
from vergadering.statussen import ACTIESTATUSSEN
from vergadering.tekst import een_regel

from .basis import Formulier, Invoer, Keuzelijst, als_invoer, lees_datum, veld


@dataclass(frozen=True)
class StatusUpdate:
    """Wat de eigenaar doorgaf."""

    status: str
    toelichting: str
    datum: date
    door: str


class StatusUpdateFormulier(Formulier[StatusUpdate]):
    """Een statusupdate tussen de vergaderingen."""

    knop = "Update bewaren"

    def __init__(self, actie: Actie, vandaag: date) -> None:
        super().__init__()
        self.actie, self.vandaag = actie, vandaag
        self.titel = f"Update van actie {actie.nummer}: {een_regel(actie.omschrijving)[:48]}"

    def velden(self) -> ComposeResult:
        a = self.actie
        nu = f"Nu: {a.status}" + (f" ({een_regel(a.laatste_toelichting())})"
                                  if a.laatste_toelichting() else "")
        yield Static(f"Eigenaar: {een_regel(a.eigenaar)} · {nu}", classes="veld-hint",
                     markup=False)
        with Horizontal(classes="rij"):
            with Vertical():
                yield from veld("Status", Keuzelijst([(s, s) for s in ACTIESTATUSSEN],
                                                     id="status", value=a.status,
                                                     allow_blank=False))
            with Vertical():
                yield from veld("Datum", Invoer(als_invoer(self.vandaag), id="datum",
                                                voorstel=True))
        yield from veld("Toelichting (één regel)", Invoer("", id="toelichting"),
                        "Verplicht bij vastgelopen of gestopt: zeg waarom.")
        yield from veld("Doorgegeven door", Invoer(een_regel(a.eigenaar), id="door",
                                                   voorstel=True),
                        "Komt in fase 3 van de volgende vergadering: al gedaan, door wie en "
                        "wanneer.")

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#status", Select).focus()

    def lees(self) -> StatusUpdate:
        status = self.keuze("#status") or self.actie.status
        tekst = self.waarde("#datum").strip()
        if not tekst:
            raise OngeldigeInvoer("Vul de datum van de update in, bijvoorbeeld vandaag.")
        datum = lees_datum(tekst, "de datum", self.vandaag)
        if datum > self.vandaag:
            raise OngeldigeInvoer("De datum van de update ligt niet in de toekomst; kies "
                                  "vandaag of eerder.")
        uit = StatusUpdate(status, self.waarde("#toelichting"), datum, self.waarde("#door"))
        # Eerst op een kopie controleren, zodat het formulier bij een fout openblijft.
        copy.deepcopy(self.actie).zet_status(uit.status, uit.toelichting,
                                             datetime(2000, 1, 1), door=uit.door)
        return uit
