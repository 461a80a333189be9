"""Dialogen (``ModalScreen[T]``): vragen, keuzes en formulieren.

Elk formulier werkt met het toetsenbord: enter gaat naar het volgende veld (en bewaart in
het laatste), ctrl+s bewaart, escape annuleert. Wat het domein weigert, blijft staan met de
reden eronder; de dialoog gaat pas dicht als de invoer klopt. Tekst van gebruikers wordt
nooit als opmaak gelezen.
"""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Callable, Iterable
from datetime import date, datetime, timedelta
from typing import Any, Generic, TypeVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import (
    Button,
    DataTable,
    Footer,
    Input,
    Label,
    OptionList,
    Select,
    SelectionList,
    Static,
    TextArea,
)
from textual.widgets.option_list import Option

from vergadering import datums
from vergadering.actie import (
    ACTIESTATUSSEN,
    Actie,
    standaard_checkmoment,
    standaard_eerste_stap,
    waarschuwingen,
)
from vergadering.fouten import OngeldigeInvoer, VergaderingFout
from vergadering.regels import voorstel_volgend_checkmoment
from vergadering.signaal import Signaal
from vergadering.stemming import KEUZES, Stemming
from vergadering.tekst import een_regel
from vergadering.terugkoppeling import Terugkoppeling
from vergadering.vergadering import AANWEZIGHEID, Vergadering
from vergadering.wijkverband import (
    MEERDERHEIDSREGELS,
    ROLLEN,
    STANDAARD_KANALEN,
    Agenda,
    Lid,
    Participatieafspraken,
    Wijkverband,
)

T = TypeVar("T")


def tekst(waarde: object) -> Text:
    """Tekst van een gebruiker, veilig om te tonen: één regel, geen opmaak."""
    return Text(een_regel(waarde))


def lees_getal(waarde: str, veld: str, laag: int, hoog: int) -> int:
    """Een heel getal tussen ``laag`` en ``hoog``, of een Nederlandse foutmelding."""
    schoon = waarde.strip()
    if not schoon.isdigit() or len(schoon) > 7:
        raise OngeldigeInvoer(f"Vul bij {veld} een heel getal in van {laag} tot en met {hoog}.")
    getal = int(schoon)
    if not laag <= getal <= hoog:
        raise OngeldigeInvoer(f"Vul bij {veld} een getal in van {laag} tot en met {hoog}.")
    return getal


def lees_datum(waarde: str, veld: str, vandaag: date) -> date:
    """Een datum zoals een mens hem typt (23-11-2026, +14, morgen)."""
    try:
        return datums.lees_datum(waarde, vandaag)
    except ValueError as fout:
        raise OngeldigeInvoer(f"{veld[:1].upper()}{veld[1:]}: {fout}") from None


def als_invoer(d: date | None) -> str:
    """Een datum zoals hij in een invoerveld staat: 23-11-2026."""
    return d.strftime("%d-%m-%Y") if d else ""


def lijst(tekst_: str) -> list[str]:
    """Een door komma's gescheiden lijst, zonder lege delen."""
    return [d.strip() for d in tekst_.split(",") if d.strip()]


class Invoer(Input):
    """Een invoerveld van één regel hoog: alles past op 80×24.

    ``voorstel=True`` (getallen, een voorgestelde tekst): bij binnenkomen staat de waarde
    geselecteerd, zodat typen het voorstel vervangt (niet '3' wordt '34'). Andere velden
    houden hun tekst: wie daar iets typt, wil aanvullen, niet per ongeluk alles wissen.
    """

    def __init__(self, value: str = "", *, id: str | None = None, voorstel: bool = False) -> None:
        super().__init__(value, id=id, compact=True, select_on_focus=voorstel)


class Keuzelijst(Select[Any]):
    """Een keuzelijst van één regel hoog."""

    def __init__(self, options: Iterable[tuple[Any, Any]], **kwargs: Any) -> None:
        super().__init__(options, compact=True, **kwargs)


# --- de basis ----------------------------------------------------------------------


class Formulier(ModalScreen[T], Generic[T]):
    """Een dialoog met velden, een foutregel en de knoppen Bewaren en Annuleren."""

    CSS_PATH = ["vraag.tcss", "dialogen.tcss"]

    BINDINGS = [
        Binding("escape", "annuleer", "Annuleren"),
        Binding("ctrl+s", "bewaar", "Bewaren", priority=True),
    ]

    titel = ""
    knop = "Bewaren"

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialoog"):
            yield Static(self.titel, classes="dialoog-titel", markup=False)
            with VerticalScroll(classes="dialoog-velden", can_focus=False):
                yield from self.velden()
            yield Static("", classes="dialoog-fout", markup=False)
            with Horizontal(classes="dialoog-knoppen"):
                yield Button(f"{self.knop} (ctrl+s)", variant="primary", id="ok", compact=True)
                yield Button("Annuleren (esc)", id="annuleer", compact=True)
        yield Footer(compact=True)

    def velden(self) -> ComposeResult:
        """De velden van het formulier."""
        yield from ()

    def on_mount(self) -> None:
        # De focus op het eerste veld schuift soms een regel door: houd de kop in beeld.
        self.call_after_refresh(self._naar_boven)

    def _naar_boven(self) -> None:
        velden = self.query_one(".dialoog-velden", VerticalScroll)
        focus = self.focused
        if focus is None or focus.region.y - velden.region.y < velden.size.height - 2:
            velden.scroll_home(animate=False)

    def lees(self) -> T:
        """Lees de velden; gooi ``OngeldigeInvoer`` met de reden als iets niet klopt."""
        raise NotImplementedError

    def toon_fout(self, melding: str) -> None:
        """Zet een melding onder de velden (leeg maakt haar weg)."""
        self.query_one(".dialoog-fout", Static).update(melding)

    def action_bewaar(self) -> None:
        """Bewaar: lees de velden en sluit, of toon waarom het niet kan."""
        try:
            uitkomst = self.lees()
        except (VergaderingFout, ValueError) as fout:
            self.toon_fout(str(fout))
            return
        self.dismiss(uitkomst)

    def action_annuleer(self) -> None:
        """Sluit zonder iets te bewaren."""
        self.dismiss(None)

    @on(Button.Pressed, "#ok")
    def _ok(self) -> None:
        self.action_bewaar()

    @on(Button.Pressed, "#annuleer")
    def _annuleer(self) -> None:
        self.action_annuleer()

    @on(Input.Submitted)
    def _volgende_veld(self, event: Input.Submitted) -> None:
        event.stop()
        invoer = list(self.query(Input))
        if invoer and event.input is invoer[-1]:
            self.action_bewaar()
        else:
            self.focus_next()

    def waarde(self, selector: str) -> str:
        """De tekst van een invoerveld."""
        return self.query_one(selector, Input).value

    def keuze(self, selector: str) -> Any:
        """De waarde van een keuzelijst (None als er niets gekozen is)."""
        waarde = self.query_one(selector, Select).value
        return None if waarde is Select.NULL else waarde


def veld(label: str, widget: Any, hint: str = "") -> ComposeResult:
    """Een label, het veld en eventueel een korte uitleg eronder."""
    yield Label(label, classes="veld-label", markup=False)
    yield widget
    if hint:
        yield Static(hint, classes="veld-hint", markup=False)


# --- eenvoudige vragen -------------------------------------------------------------


class TekstVraag(Formulier[str]):
    """Vraag om één regel tekst (of een getal), met controle."""

    def __init__(
        self,
        titel: str,
        label: str,
        *,
        waarde: str = "",
        hint: str = "",
        controle: Callable[[str], object] | None = None,
        knop: str = "Bewaren",
    ) -> None:
        super().__init__()
        self.titel, self.label, self.begin, self.hint = titel, label, waarde, hint
        self.controle = controle
        self.knop = knop

    def velden(self) -> ComposeResult:
        yield from veld(self.label, Invoer(self.begin, id="vraag", voorstel=True), self.hint)

    def lees(self) -> str:
        waarde = self.waarde("#vraag")
        if self.controle is not None:
            self.controle(waarde)
        return waarde


class Keuze(ModalScreen[T | None], Generic[T]):
    """Kies één uit een lijst (enter kiest, escape annuleert)."""

    CSS_PATH = ["vraag.tcss", "dialogen.tcss"]

    BINDINGS = [Binding("escape", "annuleer", "Annuleren")]

    def __init__(self, titel: str, opties: Iterable[tuple[str, T]], uitleg: str = "") -> None:
        super().__init__()
        self.titel, self.uitleg = titel, uitleg
        self.opties = list(opties)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialoog"):
            yield Static(self.titel, classes="dialoog-titel", markup=False)
            if self.uitleg:
                yield Static(self.uitleg, classes="veld-hint", markup=False)
            yield OptionList(
                *(Option(tekst(label), id=str(i)) for i, (label, _) in enumerate(self.opties)),
                id="keuzes",
            )
            yield Static("enter kiest · esc annuleert", classes="veld-hint")
        yield Footer(compact=True)

    def action_annuleer(self) -> None:
        """Sluit zonder keuze."""
        self.dismiss(None)

    @on(OptionList.OptionSelected)
    def _gekozen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.opties[int(event.option.id or 0)][1])


class MeerdereKeuze(Formulier[list[str]]):
    """Kies een aantal uit een lijst (spatie vinkt aan), bijvoorbeeld bij gelijke stand."""

    def __init__(
        self, titel: str, uitleg: str, opties: list[tuple[str, str]], aantal: int
    ) -> None:
        super().__init__()
        self.titel, self.uitleg, self.opties, self.aantal = titel, uitleg, opties, aantal
        self.knop = "Kiezen"

    def velden(self) -> ComposeResult:
        yield Static(self.uitleg, classes="veld-hint", markup=False)
        yield SelectionList[str](*((tekst(label), waarde) for label, waarde in self.opties),
                                 id="meerdere")

    def lees(self) -> list[str]:
        gekozen = list(self.query_one("#meerdere", SelectionList).selected)
        if len(gekozen) != self.aantal:
            raise OngeldigeInvoer(
                f"Kies er precies {self.aantal} (met spatie); nu zijn het er {len(gekozen)}."
            )
        # In de volgorde van de lijst, niet van aanvinken.
        volgorde = [w for _, w in self.opties]
        return sorted(gekozen, key=volgorde.index)


class Notities(ModalScreen[str]):
    """De notities van de notulist bij een fase; elke wijziging wordt meteen bewaard."""

    CSS_PATH = ["vraag.tcss", "dialogen.tcss"]

    BINDINGS = [Binding("escape", "klaar", "Klaar"), Binding("ctrl+s", "klaar", "Klaar")]

    def __init__(self, titel: str, tekst_: str, bij_wijziging: Callable[[str], None]) -> None:
        super().__init__()
        self.titel, self.begin, self.bij_wijziging = titel, tekst_, bij_wijziging

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialoog breed"):
            yield Static(self.titel, classes="dialoog-titel", markup=False)
            yield TextArea(self.begin, id="notities", soft_wrap=True)
            yield Static("Wordt bewaard terwijl u typt · esc sluit", classes="veld-hint")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one(TextArea).focus()

    @on(TextArea.Changed)
    def _gewijzigd(self, event: TextArea.Changed) -> None:
        self.bij_wijziging(event.text_area.text)

    def action_klaar(self) -> None:
        """Sluit de notities."""
        self.dismiss(self.query_one(TextArea).text)


# --- wijkverband en vergadering ----------------------------------------------------


def _lid_regel(lid: Lid) -> str:
    delen = [lid.naam, lid.rol]
    if lid.organisatie:
        delen.append(lid.organisatie)
    regel = ", ".join(delen)
    return regel if lid.stemrecht else regel + ", geen stemrecht"


class WijkverbandFormulier(Formulier[Wijkverband]):
    """Een wijkverband maken of bijwerken: naam, leden met rol, partners, thema's."""

    knop = "Bewaren"

    def __init__(self, maak_id: Callable[[str], str], bestaand: Wijkverband | None = None):
        super().__init__()
        self.maak_id = maak_id
        self.bestaand = bestaand
        self.titel = "Wijkverband bewerken" if bestaand else "Nieuw wijkverband"

    def velden(self) -> ComposeResult:
        wv = self.bestaand
        yield from veld("Naam", Invoer(wv.naam if wv else "", id="naam"))
        yield from veld(
            "Leden (één per regel: naam, rol, organisatie)",
            TextArea("\n".join(_lid_regel(lid) for lid in wv.leden) if wv else "", id="leden"),
            "Rollen: " + ", ".join(ROLLEN) + ". Zet 'geen stemrecht' erachter voor wie niet "
            "meestemt.",
        )
        yield from veld(
            "Partners (met komma's)", Invoer(", ".join(wv.partners) if wv else "", id="partners")
        )
        yield from veld(
            "Thema's (met komma's)", Invoer(", ".join(wv.themas) if wv else "", id="themas")
        )
        yield from veld(
            "Kanalen voor terugkoppeling (met komma's)",
            Invoer(", ".join(wv.kanalen) if wv else "inloop, nieuwsbrief, website, buurtapp",
                  id="kanalen"),
        )
        yield Static(
            "Na het bewaren, op het startscherm: i voor tijd per fase, stippen, quorum en "
            "meerderheid; a voor de participatieafspraken.",
            classes="veld-hint", markup=False,
        )

    def _leden(self) -> list[Lid]:
        oud = {lid.naam.lower(): lid.id for lid in (self.bestaand.leden if self.bestaand else [])}
        leden: list[Lid] = []
        gebruikt: set[str] = set()
        regels_ = self.query_one("#leden", TextArea).text.splitlines()
        for nummer, regel in enumerate(regels_, 1):
            if not regel.strip():
                continue
            delen = [d.strip() for d in regel.split(",")]
            stemrecht = True
            if delen[-1].lower() == "geen stemrecht":
                stemrecht = False
                delen = delen[:-1]
            naam = delen[0]
            rol = delen[1].lower() if len(delen) > 1 and delen[1] else "bewoner"
            organisatie = ", ".join(delen[2:])
            if rol not in ROLLEN:
                raise OngeldigeInvoer(
                    f"Regel {nummer}: '{rol[:30]}' is geen rol; kies uit {', '.join(ROLLEN)}."
                )
            lid_id = oud.get(naam.lower()) or self.maak_id(naam)
            basis, n = lid_id, 1
            while lid_id in gebruikt:
                n += 1
                lid_id = f"{basis}-{n}"
            gebruikt.add(lid_id)
            try:
                leden.append(Lid(lid_id, naam, rol, organisatie, stemrecht))
            except OngeldigeInvoer as fout:
                raise OngeldigeInvoer(f"Regel {nummer}: {fout}") from None
        if not leden:
            raise OngeldigeInvoer("Zet minstens één lid in de lijst, één per regel.")
        return leden

    def lees(self) -> Wijkverband:
        naam = self.waarde("#naam")
        leden = self._leden()
        partners = lijst(self.waarde("#partners"))
        themas = lijst(self.waarde("#themas"))
        kanalen = lijst(self.waarde("#kanalen"))
        for naam_ in partners + themas + kanalen:
            if len(naam_) > 200:
                raise OngeldigeInvoer(
                    "Een partner, thema of kanaal mag hoogstens 200 tekens hebben."
                )
        if self.bestaand is not None:
            return dataclasses.replace(
                self.bestaand, naam=naam, leden=leden, partners=partners, themas=themas,
                kanalen=kanalen or self.bestaand.kanalen,
            )
        return Wijkverband("", naam, leden, partners, themas, kanalen=kanalen or
                           list(STANDAARD_KANALEN))


def _getal_of_tekst(waarde: str) -> object:
    """Een heel getal als dat kan; anders de tekst zelf, zodat het domein haar weigert met
    zijn eigen zin (zo is er één plek die zegt wat mag)."""
    schoon = waarde.strip()
    try:
        return int(schoon)
    except ValueError:
        return schoon


MEERDERHEID_NAMEN = {
    "gewoon": "gewone meerderheid",
    "volstrekt": "volstrekte meerderheid",
    "tweederde": "twee derde meerderheid",
}


class InstellingenFormulier(Formulier[Wijkverband]):
    """De afspraken over de vergadering: tijd per fase, stippen, acties, quorum, meerderheid."""

    knop = "Bewaren"

    def __init__(self, wijkverband: Wijkverband) -> None:
        super().__init__()
        self.wv = wijkverband
        self.titel = f"Instellingen van {een_regel(wijkverband.naam)}"

    def velden(self) -> ComposeResult:
        wv = self.wv
        yield Label("Minuten per fase van de agenda", classes="veld-label")
        with Horizontal(classes="rij"):
            for sleutel, label in (
                ("signalen", "1. Signalen"),
                ("acties", "2. Acties"),
                ("terugkoppelen", "3. Terugkoppelen"),
            ):
                with Vertical():
                    yield from veld(label, Invoer(str(getattr(wv.agenda, sleutel)), voorstel=True,
                                                  id=f"duur-{sleutel}"))
        with Horizontal(classes="rij"):
            with Vertical():
                yield from veld("Stippen per lid",
                                Invoer(str(wv.stippen_per_lid), id="stippen", voorstel=True))
            with Vertical():
                yield from veld("Acties per ronde (max.)",
                                Invoer(str(wv.max_acties), id="max-acties", voorstel=True))
            with Vertical():
                quorum = Invoer("" if wv.quorum is None else str(wv.quorum), id="quorum-aantal",
                                voorstel=True)
                quorum.placeholder = f"standaard: {self._standaard_quorum()}"
                yield from veld("Quorum (leden)", quorum)
        yield Static(
            f"Quorum leeg = standaard: meer dan de helft van wie stemrecht heeft (nu "
            f"{self._standaard_quorum()}).",
            classes="veld-hint", markup=False,
        )
        yield from veld(
            "Meerderheid bij stemmen",
            Keuzelijst(
                [(MEERDERHEID_NAMEN.get(r, r), r) for r in MEERDERHEIDSREGELS],
                id="meerderheid", allow_blank=False, value=wv.meerderheid,
            ),
        )
        yield Static(self._uitleg(wv.meerderheid), id="meerderheid-uitleg",
                     classes="veld-hint", markup=False)

    def _standaard_quorum(self) -> int:
        return len(self.wv.stemgerechtigden()) // 2 + 1

    @staticmethod
    def _uitleg(regel: object) -> str:
        return f"Aangenomen bij {MEERDERHEIDSREGELS.get(str(regel), '')}."

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#duur-signalen", Input).focus()

    @on(Select.Changed, "#meerderheid")
    def _andere_regel(self, event: Select.Changed) -> None:
        self.query_one("#meerderheid-uitleg", Static).update(self._uitleg(event.value))

    def lees(self) -> Wijkverband:
        agenda = Agenda(
            signalen=_getal_of_tekst(self.waarde("#duur-signalen")),  # type: ignore[arg-type]
            acties=_getal_of_tekst(self.waarde("#duur-acties")),  # type: ignore[arg-type]
            terugkoppelen=_getal_of_tekst(  # type: ignore[arg-type]
                self.waarde("#duur-terugkoppelen")
            ),
        )
        quorum = self.waarde("#quorum-aantal").strip()
        return dataclasses.replace(
            self.wv,
            agenda=agenda,
            stippen_per_lid=_getal_of_tekst(self.waarde("#stippen")),
            max_acties=_getal_of_tekst(self.waarde("#max-acties")),
            quorum=_getal_of_tekst(quorum) if quorum else None,
            meerderheid=self.keuze("#meerderheid") or self.wv.meerderheid,
        )


# Template 1, deel voor deel: (kop, [(veld, vraag)]).
AFSPRAKEN_DELEN: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    ("1. Wijkvraag en doelgroep", (
        ("wijkvraag", "Probleem of vraag (1 zin)"),
        ("doelgroep", "Voor wie speelt dit?"),
    )),
    ("2. Beoogde opbrengst voor inwoners", (
        ("gewenste_verandering", "Gewenste verandering (concreet)"),
        ("merkbaar_wanneer", "Wanneer is het verschil merkbaar?"),
    )),
    ("3. Vorm van participatie (ophalen)", (
        ("basisvorm", "Basisvorm (buurtgesprekken, micro-uitvraag, panel)"),
        ("waar_en_wanneer", "Waar en wanneer?"),
        ("organisator", "Wie organiseert?"),
    )),
    ("4. Doorwerking in het wijkverband", (
        ("agenderen_wanneer", "Wanneer agenderen?"),
        ("mandaat", "Wie besluit (mandaat)?"),
        ("vervolgacties", "Welke actie(s) volgen?"),
    )),
    ("5. Terugkoppeling aan inwoners (verplicht)", (
        ("terugkoppeling_wat", "Wat koppelen we terug?"),
        ("terugkoppeling_kanaal", "Via welk kanaal en wanneer?"),
        ("terugkoppeling_eigenaar", "Wie is eigenaar van de terugkoppeling?"),
    )),
)


class AfsprakenFormulier(Formulier[Wijkverband]):
    """De participatieafspraken van het wijkverband (template 1), in de vijf delen."""

    knop = "Bewaren"

    def __init__(self, wijkverband: Wijkverband) -> None:
        super().__init__()
        self.wv = wijkverband
        self.titel = f"Participatieafspraken van {een_regel(wijkverband.naam)}"

    def velden(self) -> ComposeResult:
        afspraken = self.wv.afspraken
        for kop, vragen in AFSPRAKEN_DELEN:
            yield Static(kop, classes="veld-kop", markup=False)
            for naam, vraag in vragen:
                yield from veld(vraag, Invoer(getattr(afspraken, naam), id=f"afspraak-{naam}"))

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one(Input).focus()

    def lees(self) -> Wijkverband:
        waarden = {
            naam: self.waarde(f"#afspraak-{naam}")
            for _, vragen in AFSPRAKEN_DELEN
            for naam, _ in vragen
        }
        return dataclasses.replace(self.wv, afspraken=Participatieafspraken(**waarden))


class StartFormulier(Formulier[dict]):
    """Een nieuwe vergadering: datum, plaats, aanwezigheid, voorzitter, notulist, quorum."""

    knop = "Vergadering starten"
    BINDINGS = [
        Binding("a", "zet('aanwezig')", "Aanwezig"),
        Binding("f", "zet('afgemeld')", "Afgemeld"),
        Binding("w", "zet('afwezig')", "Afwezig"),
        Binding("space", "wissel", "Wissel", show=False),
    ]

    def __init__(self, wijkverband: Wijkverband, vandaag: date) -> None:
        super().__init__()
        self.wv = wijkverband
        self.vandaag = vandaag
        self.titel = f"Nieuwe vergadering van {een_regel(wijkverband.naam)}"
        self.aanwezigheid = {lid.id: "aanwezig" for lid in wijkverband.leden}

    def velden(self) -> ComposeResult:
        with Horizontal(classes="rij"):
            with Vertical():
                yield from veld("Datum", Invoer(als_invoer(self.vandaag), id="datum"))
            with Vertical():
                yield from veld("Plaats", Invoer("", id="plaats"))
        yield Label("Aanwezigheid (a aanwezig · f afgemeld · w afwezig)", classes="veld-label")
        tabel = DataTable(id="aanwezigheid", cursor_type="row", zebra_stripes=True)
        yield tabel
        yield Static("", id="quorum", markup=False)
        namen = [(een_regel(lid.naam), lid.naam) for lid in self.wv.leden]
        with Horizontal(classes="rij"):
            with Vertical():
                yield from veld("Voorzitter", Keuzelijst(namen, id="voorzitter", prompt="kies",
                                                    value=self._met_rol("voorzitter")))
            with Vertical():
                yield from veld("Notulist", Keuzelijst(namen, id="notulist", prompt="kies",
                                                  value=self._met_rol("notulist")))

    def _met_rol(self, rol: str) -> Any:
        lid = next((lid for lid in self.wv.leden if lid.rol == rol), None)
        return lid.naam if lid else Select.NULL

    def on_mount(self) -> None:
        tabel = self.query_one("#aanwezigheid", DataTable)
        tabel.add_columns("Naam", "Rol", "Aanwezigheid")
        for lid in self.wv.leden:
            rol = lid.rol if lid.stemrecht else f"{lid.rol} (geen stemrecht)"
            tabel.add_row(tekst(lid.naam), rol, self.aanwezigheid[lid.id], key=lid.id)
        self._toon_quorum()
        self.query_one("#datum", Input).focus()

    def _toon_quorum(self) -> None:
        stemmers = [lid for lid in self.wv.stemgerechtigden()
                    if self.aanwezigheid.get(lid.id) == "aanwezig"]
        nodig = self.wv.benodigd_quorum()
        oordeel = (
            "gehaald" if len(stemmers) >= nodig
            else "NIET gehaald: er kan niet besloten worden"
        )
        self.query_one("#quorum", Static).update(
            f"Quorum: {nodig} stemgerechtigden nodig, {len(stemmers)} aanwezig — {oordeel}. "
            f"Stippen te verdelen: {len(stemmers) * self.wv.stippen_per_lid}."
        )

    def action_zet(self, stand: str) -> None:
        """Zet de aanwezigheid van het lid onder de cursor."""
        tabel = self.query_one("#aanwezigheid", DataTable)
        if not tabel.row_count or self.focused is not tabel:
            return
        rij = tabel.coordinate_to_cell_key(tabel.cursor_coordinate).row_key
        lid_id = str(rij.value)
        self.aanwezigheid[lid_id] = stand
        tabel.update_cell(rij, tabel.ordered_columns[2].key, stand)
        self._toon_quorum()

    def action_wissel(self) -> None:
        """Spatie: de volgende stand (aanwezig, afgemeld, afwezig)."""
        tabel = self.query_one("#aanwezigheid", DataTable)
        if not tabel.row_count or self.focused is not tabel:
            return
        lid_id = str(tabel.coordinate_to_cell_key(tabel.cursor_coordinate).row_key.value)
        nu = AANWEZIGHEID.index(self.aanwezigheid[lid_id])
        self.action_zet(AANWEZIGHEID[(nu + 1) % len(AANWEZIGHEID)])

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # De letters zijn in de tekstvelden gewoon letters; in de tabel zetten ze aanwezigheid.
        if action in ("zet", "wissel"):
            return isinstance(self.focused, DataTable)
        return True

    def on_descendant_focus(self) -> None:
        self.refresh_bindings()

    def lees(self) -> dict:
        datum = lees_datum(self.waarde("#datum"), "de datum", self.vandaag)
        plaats = self.waarde("#plaats")
        if len(plaats.strip()) > 200:
            raise OngeldigeInvoer("De plaats mag hoogstens 200 tekens hebben.")
        return {
            "datum": datum,
            "plaats": plaats,
            "aanwezigheid": dict(self.aanwezigheid),
            "voorzitter": self.keuze("#voorzitter") or "",
            "notulist": self.keuze("#notulist") or "",
        }


# --- fase 1 ------------------------------------------------------------------------


class SignaalFormulier(Formulier[dict]):
    """Snel een signaal toevoegen tijdens de vergadering."""

    titel = "Signaal toevoegen"
    knop = "Toevoegen"

    def __init__(self, themas: list[str]) -> None:
        super().__init__()
        self.themas = themas

    def velden(self) -> ComposeResult:
        yield from veld("Wat horen of zien bewoners? (kort en concreet)", Invoer("", id="tekst"))
        with Horizontal(classes="rij"):
            with Vertical():
                yield from veld("Aantal bewoners", Invoer("1", id="aantal", voorstel=True))
            with Vertical():
                yield from veld(
                    "Thema",
                    Keuzelijst([(een_regel(t), t) for t in self.themas], id="thema",
                           prompt="geen"),
                )

    def lees(self) -> dict:
        waarden = {
            "tekst": self.waarde("#tekst"),
            "aantal": lees_getal(self.waarde("#aantal"), "aantal bewoners", 1, 100_000),
            "thema": self.keuze("#thema") or "",
        }
        # Dezelfde controle als bij het bewaren, zodat de dialoog openblijft bij een fout.
        Signaal("controle", "controle", datum=date.today(), **waarden)
        return waarden


# --- fase 2 ------------------------------------------------------------------------


class WegingFormulier(Formulier[tuple[int, int]]):
    """Haalbaarheid en impact van een topsignaal, elk 1–5."""

    knop = "Wegen"

    def __init__(self, signaaltekst: str, haalbaarheid: int = 3, impact: int = 3) -> None:
        super().__init__()
        self.titel = f"Wegen: {een_regel(signaaltekst)[:60]}"
        self.h, self.i = haalbaarheid, impact

    def velden(self) -> ComposeResult:
        with Horizontal(classes="rij"):
            with Vertical():
                yield from veld("Haalbaarheid (1–5)",
                                Invoer(str(self.h), id="haalbaarheid", voorstel=True))
            with Vertical():
                yield from veld("Impact (1–5)", Invoer(str(self.i), id="impact", voorstel=True))
        yield Static("5 is het best: goed te doen, veel verschil voor bewoners.",
                     classes="veld-hint")

    def lees(self) -> tuple[int, int]:
        return (
            lees_getal(self.waarde("#haalbaarheid"), "haalbaarheid", 1, 5),
            lees_getal(self.waarde("#impact"), "impact", 1, 5),
        )


class StemmingFormulier(Formulier[Stemming]):
    """Een voorstel in stemming: aantallen, of één stem per aanwezig lid.

    De uitslag (met meerderheid en quorum) staat er live onder.
    """

    knop = "Stemming vastleggen"
    BINDINGS = [
        Binding("v", "stem('voor')", "Voor"),
        Binding("t", "stem('tegen')", "Tegen"),
        Binding("o", "stem('onthouding')", "Onthouding"),
        Binding("x", "stem('')", "Geen stem"),
    ]

    def __init__(
        self,
        maak: Callable[..., Stemming],
        stemmers: list[tuple[str, str]],
        voorstel: str,
    ) -> None:
        super().__init__()
        self.maak = maak
        self.stemmers = stemmers  # (lid_id, naam)
        self.voorstel = voorstel
        self.per_lid: dict[str, str] = {}
        self.titel = "Stemming over een voorstel"

    def velden(self) -> ComposeResult:
        yield from veld("Voorstel (de actie in één zin)", Invoer(self.voorstel, id="voorstel"))
        yield from veld(
            "Stemwijze",
            Keuzelijst([("Aantallen tellen", "aantallen"), ("Per lid, bij naam", "per_lid")],
                   id="wijze", value="aantallen", allow_blank=False),
        )
        with Horizontal(classes="rij", id="aantallen"):
            for keuze in KEUZES:
                with Vertical():
                    yield from veld(keuze.capitalize(), Invoer("0", id=keuze, voorstel=True))
        yield DataTable(id="perlid", cursor_type="row", classes="verborgen")
        yield Static("", id="uitslag", markup=False)

    def on_mount(self) -> None:
        tabel = self.query_one("#perlid", DataTable)
        tabel.add_column("Lid")
        tabel.add_column("Stem", width=12)
        for lid_id, naam in self.stemmers:
            tabel.add_row(tekst(naam), "—", key=lid_id)
        self.query_one("#voorstel", Input).focus()
        self._toon_uitslag()

    @property
    def per_naam(self) -> bool:
        """Waar als er per lid gestemd wordt."""
        return self.query_one("#wijze", Select).value == "per_lid"

    @on(Select.Changed, "#wijze")
    def _wijze(self) -> None:
        self.query_one("#aantallen").set_class(self.per_naam, "verborgen")
        self.query_one("#perlid").set_class(not self.per_naam, "verborgen")
        self._toon_uitslag()

    @on(Input.Changed)
    def _telling(self) -> None:
        self._toon_uitslag()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "stem":
            return isinstance(self.focused, DataTable)
        return True

    def on_descendant_focus(self) -> None:
        self.refresh_bindings()

    def action_stem(self, keuze: str) -> None:
        """Zet de stem van het lid onder de cursor en ga naar het volgende lid."""
        tabel = self.query_one("#perlid", DataTable)
        if not tabel.row_count:
            return
        rij = tabel.coordinate_to_cell_key(tabel.cursor_coordinate).row_key
        if keuze:
            self.per_lid[str(rij.value)] = keuze
        else:
            self.per_lid.pop(str(rij.value), None)
        tabel.update_cell(rij, tabel.ordered_columns[1].key, keuze or "—")
        tabel.action_cursor_down()
        self._toon_uitslag()

    def _maak(self) -> Stemming:
        voorstel = self.waarde("#voorstel")
        if self.per_naam:
            return self.maak(voorstel, per_lid=dict(self.per_lid))
        return self.maak(
            voorstel,
            voor=lees_getal(self.waarde("#voor"), "voor", 0, 10_000),
            tegen=lees_getal(self.waarde("#tegen"), "tegen", 0, 10_000),
            onthouding=lees_getal(self.waarde("#onthouding"), "onthouding", 0, 10_000),
        )

    def _toon_uitslag(self) -> None:
        uitslag = self.query_one("#uitslag", Static)
        try:
            stemming = self._maak()
        except (VergaderingFout, ValueError) as fout:
            uitslag.update(f"Uitslag: nog niet te bepalen. {fout}")
            uitslag.set_class(False, "aangenomen")
            return
        uitslag.update(
            f"Uitslag: {stemming.uitslag()} Aanwezig met stemrecht: {stemming.aanwezig}, "
            f"quorum {stemming.quorum}."
        )
        uitslag.set_class(stemming.aangenomen, "aangenomen")

    def lees(self) -> Stemming:
        return self._maak()


class ActieFormulier(Formulier[dict]):
    """Een aangenomen actie uitwerken: eigenaar, partners, eerste stap, checkmoment,
    beoogde verandering, terugkoppelzin (template 2)."""

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
        yield from veld("Actie (klein, concreet en uitvoerbaar)",
                        Invoer(self.omschrijving, id="omschrijving"))
        yield from veld("Eigenaar", Keuzelijst([(een_regel(e), e) for e in self.eigenaren],
                                           id="eigenaar", prompt="kies een eigenaar"))
        yield from veld("Partners (met komma's)", Invoer("", id="partners"),
                        "Bijvoorbeeld: " + ", ".join(een_regel(p) for p in self.partners[:4])
                        if self.partners else "")
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
        yield from veld("Wat verandert er voor bewoners? (1 zin)", Invoer("", id="verandering"))
        yield from veld("Terugkoppeling aan bewoners (1 zin)", Invoer("", id="terugkoppelzin"))
        if self.reden_nodig:
            yield from veld(
                f"Reden voor meer dan {self.max_acties} acties (verplicht)",
                Invoer("", id="reden"),
                "Klein, herhaalbaar en zichtbaar: meer acties alleen met een goede reden.",
            )
        yield Static("", id="waarschuwingen", markup=False)

    def on_mount(self) -> None:
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
        return Actie(
            id="controle",
            wijkverband_id="controle",
            nummer=1,
            omschrijving=self.waarde("#omschrijving"),
            eigenaar=self.keuze("#eigenaar") or "",
            besloten_op=self.vandaag,
            eerste_stap=self.waarde("#eerste_stap"),
            eerste_stap_datum=lees_datum(self.waarde("#stapdatum"), "de datum van de eerste stap",
                                         self.vandaag),
            checkmoment=lees_datum(self.waarde("#checkmoment"), "het checkmoment",
                                   self.vandaag),
            verandering=self.waarde("#verandering"),
            terugkoppelzin=self.waarde("#terugkoppelzin"),
            partners=lijst(self.waarde("#partners")),
        )

    def lees(self) -> dict:
        actie = self._actie()
        reden = self.waarde("#reden").strip() if self.reden_nodig else ""
        if self.reden_nodig and not reden:
            raise OngeldigeInvoer(
                f"Er zijn al {self.max_acties} acties aangenomen; typ waarom er een bij moet."
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


# --- fase 3 ------------------------------------------------------------------------


class StatusFormulier(Formulier[tuple[str, str, date | None]]):
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
        if checkmoment is not None and checkmoment < self.vandaag:
            raise OngeldigeInvoer(
                "Het volgende checkmoment ligt in het verleden; kies een datum vanaf vandaag."
            )
        # Eerst op een kopie controleren, zodat een geweigerde invoer niets verandert.
        proef = copy.deepcopy(self.actie)
        proef.zet_status(status, toelichting, datetime(2000, 1, 1))
        return status, toelichting, checkmoment


class TerugkoppelingFormulier(Formulier[Terugkoppeling]):
    """De terugkoppeling aan bewoners (template 3), voorgevuld uit deze vergadering."""

    knop = "Terugkoppeling bewaren"
    titel = "Terugkoppeling aan bewoners"

    def __init__(
        self,
        voorstel: Terugkoppeling,
        kanalen: list[str],
        eigenaren: list[str],
        vandaag: date,
    ) -> None:
        super().__init__()
        self.voorstel = voorstel
        self.kanalen = kanalen
        self.eigenaren = eigenaren
        self.vandaag = vandaag

    def velden(self) -> ComposeResult:
        t = self.voorstel
        yield from veld("1. Dit hoorden we in de wijk", TextArea(t.gehoord, id="gehoord",
                                                                soft_wrap=True))
        yield from veld("2. Dit doen we (met planning)", TextArea(t.gedaan, id="gedaan",
                                                                 soft_wrap=True))
        yield from veld("3. Dit lukt (nog) niet, en waarom", TextArea(t.lukt_niet, id="lukt_niet",
                                                                      soft_wrap=True))
        standaard = t.volgende_update or self.vandaag + timedelta(weeks=6)
        with Horizontal(classes="rij"):
            with Vertical():
                yield from veld("4. Volgende update op", Invoer(als_invoer(standaard), id="update"))
            with Vertical():
                kanalen = list(dict.fromkeys(self.kanalen + ([t.kanaal] if t.kanaal else [])))
                yield from veld("via kanaal", Keuzelijst([(een_regel(k), k) for k in kanalen],
                                                     id="kanaal", prompt="kies",
                                                     value=t.kanaal or Select.NULL))
        eigenaren = list(dict.fromkeys(self.eigenaren + ([t.eigenaar] if t.eigenaar else [])))
        yield from veld("Eigenaar van de terugkoppeling",
                        Keuzelijst([(een_regel(e), e) for e in eigenaren], id="eigenaar",
                               prompt="kies", value=t.eigenaar or Select.NULL))
        yield from veld("5. Reageren of meedoen: waar en hoe?", Invoer(t.contact, id="contact"))

    def on_mount(self) -> None:
        self.query_one("#gehoord", TextArea).focus()

    def lees(self) -> Terugkoppeling:
        update = lees_datum(self.waarde("#update"), "de datum van de volgende update",
                            self.vandaag)
        if update < self.vandaag:
            raise OngeldigeInvoer(
                "De volgende update moet nog komen; kies een datum vanaf vandaag."
            )
        return Terugkoppeling(
            gehoord=self.query_one("#gehoord", TextArea).text,
            gedaan=self.query_one("#gedaan", TextArea).text,
            lukt_niet=self.query_one("#lukt_niet", TextArea).text,
            volgende_update=update,
            kanaal=self.keuze("#kanaal") or "",
            eigenaar=self.keuze("#eigenaar") or "",
            contact=self.waarde("#contact"),
        )


class Logboek(ModalScreen[None]):
    """Het logboek van de vergadering: wat er gebeurde en wanneer (alleen lezen)."""

    CSS_PATH = ["vraag.tcss", "dialogen.tcss"]

    BINDINGS = [Binding("escape", "sluit", "Sluiten"), Binding("l", "sluit", "Sluiten")]

    def __init__(self, vergadering: Vergadering) -> None:
        super().__init__()
        self.vergadering = vergadering

    def compose(self) -> ComposeResult:
        regels = [
            f"{datums.tijd(r.moment)}  {een_regel(r.tekst)}" for r in self.vergadering.logboek
        ] or ["Nog niets gebeurd."]
        with Vertical(classes="dialoog breed"):
            yield Static("Logboek van de vergadering", classes="dialoog-titel")
            with VerticalScroll(id="logboek"):
                yield Static("\n".join(regels), markup=False)
            yield Static("esc sluit", classes="veld-hint")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        scroll = self.query_one("#logboek", VerticalScroll)
        scroll.focus()
        scroll.scroll_end(animate=False)

    def action_sluit(self) -> None:
        """Sluit het logboek."""
        self.dismiss(None)
