"""De basis van elk formulier: ``Formulier`` (velden, foutregel, Bewaren en Annuleren),
eenvoudige vragen en keuzes, en het lezen van getallen, datums en lijsten.

Elk formulier werkt met het toetsenbord: enter gaat naar het volgende veld (en bewaart in
het laatste), ctrl+s bewaart, escape annuleert. Wat het domein weigert, blijft staan met de
reden eronder; de dialoog gaat pas dicht als de invoer klopt. Tekst van gebruikers wordt
nooit als opmaak gelezen.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from typing import Any, ClassVar, Generic, TypeVar

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import (
    Button,
    Footer,
    Input,
    Label,
    OptionList,
    Select,
    SelectionList,
    Static,
)
from textual.widgets._select import SelectCurrent, SelectOverlay
from textual.widgets.option_list import Option

from vergadering import datums
from vergadering.fouten import OngeldigeInvoer, VergaderingFout
from vergadering.tekst import een_regel, geplakt

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

    def __init__(self, value: str = "", *, id: str | None = None, voorstel: bool = False,
                 placeholder: str = "") -> None:
        super().__init__(value, id=id, compact=True, select_on_focus=voorstel,
                         placeholder=placeholder)

    def _on_paste(self, event: events.Paste) -> None:
        # Textual neemt alleen de eerste regel (de rest verdween zonder een woord) en laat
        # stuurtekens staan: hier alles, schoon, op één regel (en niet ook nog de weg van
        # Textual: Textual roept de handlers van elke klasse aan, tenzij prevent_default).
        event.stop()
        event.prevent_default()
        tekst = geplakt(event.text)
        if not tekst:
            return
        if self.selection.is_empty:
            self.insert_text_at_cursor(tekst)
        else:
            self.replace(tekst, *self.selection)


class Keuzemenu(SelectOverlay):
    """Het uitgeklapte menu van een keuzelijst, met Nederlandse toetsuitleg."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss", "Menu sluiten")]


class Keuzelijst(Select[Any]):
    """Een keuzelijst van één regel hoog."""

    def __init__(self, options: Iterable[tuple[Any, Any]], **kwargs: Any) -> None:
        super().__init__(options, compact=True, **kwargs)

    def compose(self) -> ComposeResult:
        # Zoals Select, met ons menu (Select zoekt het op als SelectOverlay).
        yield SelectCurrent(self.prompt)
        yield Keuzemenu(type_to_search=self._type_to_search).data_bind(compact=Select.compact)


class Formulier(ModalScreen[T], Generic[T]):
    """Een dialoog met velden, een foutregel en de knoppen Bewaren en Annuleren."""

    CSS_PATH = ["../vraag.tcss", "formulieren.tcss"]

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

    CSS_PATH = ["../vraag.tcss", "formulieren.tcss"]

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
