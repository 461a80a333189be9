"""Correcties: een stemming corrigeren en een gesloten vergadering heropenen, elk met een
reden die in het verslag komt."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.widgets import DataTable, Input, Select, Static

from vergadering.correctie import reden_van
from vergadering.fouten import OngeldigeInvoer
from vergadering.stemming import Stemming
from vergadering.tekst import een_regel

from .basis import Formulier, Invoer, Keuzelijst, veld
from .stemming import StemmingFormulier


@dataclass(frozen=True)
class GecorrigeerdeStemming:
    """De nieuwe telling (als gecontroleerde stemming) en de reden."""

    stemming: Stemming
    reden: str


class StemmingCorrectie(StemmingFormulier):
    """Een vastgelegde stemming opnieuw tellen: voorgevuld met de oude telling, met reden."""

    knop = "Correctie vastleggen"

    def __init__(self, maak, stemmers: list[tuple[str, str]], oud: Stemming,
                 signaal: str = "") -> None:
        super().__init__(maak, stemmers, oud.onderwerp, signaal)
        self.oud = oud
        self.titel = f"Stemming corrigeren (was {oud.telling()})"

    def velden(self) -> ComposeResult:
        # De reden bovenaan: op 80×24 valt wat onder de tabel per lid staat uit beeld.
        yield from veld("Waarom corrigeren? (komt in het verslag)", Invoer("", id="reden"))
        yield from super().velden()

    def on_mount(self) -> None:
        # Textual roept ook on_mount van StemmingFormulier aan (dat vult de tabel en zet de
        # focus op het voorstel): daarna pas de oude telling erin.
        self.call_after_refresh(self._vul_oud)

    def _vul_oud(self) -> None:
        oud = self.oud
        self.query_one("#voorstel", Input).disabled = True  # het voorstel blijft hetzelfde
        if oud.per_lid is not None:
            self.query_one("#wijze", Select).value = "per_lid"
            tabel = self.query_one("#perlid", DataTable)
            for lid_id, keuze in oud.per_lid.items():
                if lid_id in tabel.rows:
                    self.per_lid[lid_id] = keuze
                    tabel.update_cell(lid_id, tabel.ordered_columns[1].key, keuze)
        else:
            for naam in ("voor", "tegen", "onthouding"):
                self.query_one(f"#{naam}", Input).value = str(getattr(oud, naam))
        self.query_one("#voor" if oud.per_lid is None else "#perlid").focus()

    def lees(self) -> GecorrigeerdeStemming:  # type: ignore[override]
        stemming = self._maak()
        reden = reden_van(self.waarde("#reden"))
        if (stemming.voor, stemming.tegen, stemming.onthouding, stemming.per_lid) == (
                self.oud.voor, self.oud.tegen, self.oud.onthouding, self.oud.per_lid):
            raise OngeldigeInvoer("De telling is niet veranderd; pas de aantallen aan of "
                                  "annuleer met esc.")
        return GecorrigeerdeStemming(stemming, reden)


@dataclass(frozen=True)
class Heropening:
    """Wie heropent (een lid) en waarom."""

    wie: str
    reden: str


class HeropenFormulier(Formulier[Heropening]):
    """Een gesloten vergadering heropenen om iets recht te zetten."""

    knop = "Heropenen"

    def __init__(self, vergadering_tekst: str, leden: list[str], voorzitter: str) -> None:
        super().__init__()
        self.titel = f"Vergadering van {vergadering_tekst} heropenen"
        self.leden, self.voorzitter = leden, voorzitter

    def velden(self) -> ComposeResult:
        yield Static("Na het herstellen sluit u opnieuw (x in fase 3); er komt dan een nieuw "
                     "mapje naast het oude. Wie en waarom komen in het verslag.",
                     classes="veld-hint", markup=False)
        waarde = self.voorzitter if self.voorzitter in self.leden else Select.NULL
        yield from veld("Wie heropent?", Keuzelijst([(een_regel(n), n) for n in self.leden],
                                                    id="wie", prompt="kies", value=waarde))
        yield from veld("Waarom? (bijvoorbeeld: typfout in de plaats)", Invoer("", id="reden"))

    def on_mount(self) -> None:
        self.query_one("#reden", Input).focus()

    def lees(self) -> Heropening:
        wie = self.keuze("#wie") or ""
        if not wie:
            raise OngeldigeInvoer("Kies wie de vergadering heropent.")
        return Heropening(wie, reden_van(self.waarde("#reden")))
