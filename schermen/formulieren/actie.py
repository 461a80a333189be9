"""Een actie: eigenaar, partners, eerste stap en checkmoment; en later haar status."""

from __future__ import annotations

import copy
from datetime import date, datetime

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import (
    Input,
    Label,
    Select,
    Static,
)

from vergadering import datumcontrole
from vergadering.actie import (
    ACTIESTATUSSEN,
    OPEN_STATUSSEN,
    Actie,
    standaard_checkmoment,
    standaard_eerste_stap,
    waarschuwingen,
)
from vergadering.fouten import OngeldigeInvoer, VergaderingFout
from vergadering.regels import voorstel_volgend_checkmoment
from vergadering.tekst import een_regel, invoer

from .basis import (
    Formulier,
    Invoer,
    Keuzelijst,
    VeldFout,
    als_invoer,
    bij_veld,
    lees_datum,
    lijst,
    veld,
)
from .twijfel import BevestigTwijfels


class ActieFormulier(BevestigTwijfels, Formulier[dict]):
    """Een aangenomen actie uitwerken: eigenaar, partners, eerste stap, checkmoment,
    beoogde verandering, terugkoppelzin (template 2).

    Elk veld staat op 80×24 in beeld (twee acties werden aangenomen zonder dat iemand de
    velden voor bewoners zag): labels zonder witregel, eigenaar en partners naast elkaar,
    uitleg in het veld zelf in plaats van eronder."""

    knop = "Actie aannemen"

    def __init__(
        self,
        omschrijving: str,
        eigenaren: list[str],
        partners: list[str],
        vandaag: date,
        reden_nodig: bool,
        max_acties: int,
    ) -> None:
        super().__init__()
        self.omschrijving = omschrijving
        self.eigenaren = eigenaren
        self.partners = partners
        self.vandaag = vandaag
        self.reden_nodig = reden_nodig
        self.max_acties = max_acties
        self.titel = "Actie uitwerken"

    def velden(self) -> ComposeResult:
        yield from veld("Actie: wat gaan we doen? (klein, concreet en uitvoerbaar)",
                        Invoer(self.omschrijving, id="omschrijving", voorstel=True,
                               placeholder="wat gaan we doen?"))
        with Horizontal(classes="rij"):
            with Vertical():
                yield from veld("Eigenaar", Keuzelijst(
                    [(een_regel(e), e) for e in self.eigenaren], id="eigenaar",
                    prompt="kies een eigenaar"))
            with Vertical():
                voorbeeld = een_regel(self.partners[0]) if self.partners else ""
                yield from veld("Partners (met komma's)", Invoer(
                    "", id="partners", placeholder=f"bijv. {voorbeeld}" if voorbeeld else ""))
        yield from veld("Eerste stap (binnen 2 weken)", Invoer("", id="eerste_stap"))
        with Horizontal(classes="rij"):
            with Vertical():
                yield from veld("Datum eerste stap",
                                Invoer(als_invoer(standaard_eerste_stap(self.vandaag)),
                                      id="stapdatum"))
            with Vertical():
                yield from veld("Checkmoment (6–8 weken)",
                                Invoer(als_invoer(standaard_checkmoment(self.vandaag)),
                                      id="checkmoment"))
        yield Label("Voor bewoners", classes="veld-kop")
        yield from veld("Wat verandert er voor bewoners? (1 zin)", Invoer("", id="verandering"))
        yield from veld("Terugkoppeling aan bewoners (1 zin)", Invoer("", id="terugkoppelzin"))
        if self.reden_nodig:
            yield from veld(
                f"Reden voor meer dan {self.max_acties} acties (verplicht)",
                Invoer("", id="reden",
                       placeholder="klein, herhaalbaar en zichtbaar: waarom toch meer?"),
            )
        yield Static("", id="waarschuwingen", markup=False)

    def on_mount(self) -> None:
        # Met het veld voor de reden erbij is het krap op 80×24: geen witregel voor het kopje.
        self.set_class(self.reden_nodig, "krap")
        self._waarschuw()

    @on(Input.Changed)
    @on(Select.Changed)
    def _waarschuw(self) -> None:
        try:
            actie = self._actie()
        except (VergaderingFout, ValueError):
            self.query_one("#waarschuwingen", Static).update("")
            return
        zorgen = waarschuwingen(actie)
        self.query_one("#waarschuwingen", Static).update(
            "Let op: " + " ".join(zorgen) if zorgen else ""
        )

    def _actie(self) -> Actie:
        """De actie zoals ingevuld; een weigering hoort bij het veld waar het om gaat."""
        for selector, naam in _TEKSTVELDEN:
            with bij_veld(selector):
                invoer(self.waarde(selector), naam, verplicht=selector == "#omschrijving")
        if not self.keuze("#eigenaar"):
            raise VeldFout("Kies een eigenaar: wie zorgt dat het gebeurt?", "#eigenaar")
        with bij_veld("#partners"):
            for partner in lijst(self.waarde("#partners")):
                invoer(partner, "de naam van een partner", maximum=200)
        stapdatum = lees_datum(self.waarde("#stapdatum"), "de datum van de eerste stap",
                               self.vandaag)
        checkmoment = lees_datum(self.waarde("#checkmoment"), "het checkmoment", self.vandaag)
        try:
            return Actie(
                id="controle",
                wijkverband_id="controle",
                nummer=1,
                omschrijving=self.waarde("#omschrijving"),
                eigenaar=self.keuze("#eigenaar") or "",
                besloten_op=self.vandaag,
                eerste_stap=self.waarde("#eerste_stap"),
                eerste_stap_datum=stapdatum,
                checkmoment=checkmoment,
                verandering=self.waarde("#verandering"),
                terugkoppelzin=self.waarde("#terugkoppelzin"),
                partners=lijst(self.waarde("#partners")),
            )
        except VergaderingFout as fout:
            # Elk veld apart klopt: wat nu nog geweigerd wordt, gaat over de datums samen.
            raise VeldFout(str(fout), _datumveld(fout)) from None

    def twijfels(self, uitkomst: dict) -> list[str]:
        return datumcontrole.actiedatums(self.vandaag, uitkomst["eerste_stap_datum"],
                                         uitkomst["checkmoment"])

    def lees(self) -> dict:
        actie = self._actie()
        try:
            datumcontrole.actiedatums(actie.besloten_op, actie.eerste_stap_datum,
                                      actie.checkmoment)
        except VergaderingFout as fout:
            raise VeldFout(str(fout), _datumveld(fout)) from None
        reden = self.waarde("#reden").strip() if self.reden_nodig else ""
        if self.reden_nodig and not reden:
            raise VeldFout(
                f"Er zijn al {self.max_acties} acties aangenomen; typ waarom er een bij moet.",
                "#reden",
            )
        return {
            "omschrijving": actie.omschrijving,
            "eigenaar": actie.eigenaar,
            "partners": actie.partners,
            "eerste_stap": actie.eerste_stap,
            "eerste_stap_datum": actie.eerste_stap_datum,
            "checkmoment": actie.checkmoment,
            "verandering": actie.verandering,
            "terugkoppelzin": actie.terugkoppelzin,
            "reden_extra": reden,
        }


# De tekstvelden van een actie en hun naam in een melding (zoals Actie ze controleert).
_TEKSTVELDEN = (
    ("#omschrijving", "de omschrijving van de actie"),
    ("#eerste_stap", "de eerste stap"),
    ("#verandering", "de beoogde verandering"),
    ("#terugkoppelzin", "de terugkoppelzin"),
)


def _datumveld(fout: Exception) -> str:
    """Bij welke datum een weigering over de datums samen hoort: het checkmoment als dat
    genoemd wordt (het hangt af van de eerste stap), anders de eerste stap."""
    return "#checkmoment" if "checkmoment" in str(fout).lower() else "#stapdatum"


class StatusFormulier(BevestigTwijfels, Formulier[tuple[str, str, date | None]]):
    """De nieuwe status van een lopende actie, met een toelichting van één regel en het
    volgende checkmoment (voorgesteld: het huidige als dat nog komt, anders +6 weken)."""

    knop = "Status bewaren"

    def __init__(self, actie: Actie, vandaag: date) -> None:
        super().__init__()
        self.actie = actie
        self.vandaag = vandaag
        self.titel = f"Status van actie {actie.nummer}: {een_regel(actie.omschrijving)[:50]}"

    def velden(self) -> ComposeResult:
        yield Static(
            f"Eigenaar: {een_regel(self.actie.eigenaar)} · nu: {self.actie.status}"
            + (f" ({een_regel(self.actie.laatste_toelichting())})"
               if self.actie.laatste_toelichting() else ""),
            classes="veld-hint", markup=False,
        )
        voorstel = voorstel_volgend_checkmoment(self.actie, self.vandaag)
        yield from veld(
            "Volgend checkmoment", Invoer(als_invoer(voorstel), id="checkmoment"),
            f"Nu: {als_invoer(self.actie.checkmoment) or 'geen'}; leeg laten houdt het zo.",
        )
        yield from veld("Status", Keuzelijst([(s, s) for s in ACTIESTATUSSEN], id="status",
                                         value=self.actie.status, allow_blank=False))
        yield from veld("Toelichting (één regel)", Invoer("", id="toelichting"),
                        "Verplicht bij vastgelopen of gestopt: zeg waarom.")

    def on_mount(self) -> None:
        self.query_one("#status", Select).focus()

    def lees(self) -> tuple[str, str, date | None]:
        status = self.keuze("#status") or self.actie.status
        toelichting = self.waarde("#toelichting")
        tekst = self.waarde("#checkmoment").strip()
        checkmoment = lees_datum(tekst, "het checkmoment", self.vandaag) if tekst else None
        if checkmoment is not None and status in OPEN_STATUSSEN:
            datumcontrole.volgend_checkmoment(checkmoment, self.vandaag,
                                              self.actie.eerste_stap_datum)
        elif checkmoment is not None and checkmoment < self.vandaag:
            raise OngeldigeInvoer(
                "Het volgende checkmoment ligt in het verleden; kies een datum vanaf vandaag."
            )
        # Eerst op een kopie controleren, zodat een geweigerde invoer niets verandert.
        proef = copy.deepcopy(self.actie)
        proef.zet_status(status, toelichting, datetime(2000, 1, 1))
        return status, toelichting, checkmoment

    def twijfels(self, uitkomst: tuple[str, str, date | None]) -> list[str]:
        status, _, checkmoment = uitkomst
        if checkmoment is None or status not in OPEN_STATUSSEN:
            return []
        return datumcontrole.volgend_checkmoment(checkmoment, self.vandaag,
                                                 self.actie.eerste_stap_datum)
