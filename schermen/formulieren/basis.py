"""De basis van elk formulier: ``Formulier`` (velden, foutregel, Bewaren en Annuleren),
eenvoudige vragen en keuzes, en het lezen van getallen, datums en lijsten.

Elk formulier werkt met het toetsenbord: enter gaat naar het volgende veld (en bewaart in
het laatste), ctrl+s bewaart, escape annuleert. Wat het domein weigert, blijft staan met de
reden onder het veld waar het om gaat (het formulier schuift ernaartoe en zet de focus erop);
de dialoog gaat pas dicht als de invoer klopt. Tekst van gebruikers wordt nooit als opmaak
gelezen.

Toetsen gaan nooit verloren of naar het verkeerde veld, ook niet als ze snel achter elkaar
komen ('5 enter 5 enter' in een terminal): enter en tab verplaatsen de focus meteen, in de
beurt van de app, en bewaren wacht tot elk veld de toetsen die al onderweg waren verwerkt heeft.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any, ClassVar, Generic, TypeVar

from rich.text import Text
from textual import events, on
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import (
    Button,
    Footer,
    Input,
    Label,
    OptionList,
    Select,
    SelectionList,
    Static,
    TextArea,
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


class VeldFout(OngeldigeInvoer):
    """Een geweigerde invoer die bij één veld hoort (``veld``: de selector, zoals '#aantal')."""

    def __init__(self, melding: str, veld: str) -> None:
        super().__init__(melding)
        self.veld = veld


@contextmanager
def bij_veld(selector: str) -> Iterator[None]:
    """Wat hierbinnen geweigerd wordt, hoort bij het veld ``selector``: de melding komt
    onder dat veld en de focus gaat erheen."""
    try:
        yield
    except VeldFout:
        raise
    except (VergaderingFout, ValueError) as fout:
        raise VeldFout(str(fout), selector) from None


class Veldwaarde(str):
    """De tekst van een invoerveld die weet uit welk veld hij komt (``Formulier.waarde``):
    zo zet ``lees_getal`` en ``lees_datum`` hun melding bij het juiste veld, in elk
    formulier, zonder dat dat formulier er iets voor hoeft te doen."""

    veld: str

    def __new__(cls, tekst: str, veld: str = "") -> Veldwaarde:  # zonder veld: voor copy
        uit = super().__new__(cls, tekst)
        uit.veld = veld
        return uit


def _fout(waarde: str, melding: str) -> OngeldigeInvoer:
    """De fout bij deze waarde: bij haar veld als ze uit een veld komt."""
    veld = getattr(waarde, "veld", None)
    return VeldFout(melding, veld) if veld else OngeldigeInvoer(melding)


def lees_getal(waarde: str, veld: str, laag: int, hoog: int) -> int:
    """Een heel getal tussen ``laag`` en ``hoog``, of een Nederlandse foutmelding."""
    schoon = waarde.strip()
    if not schoon.isdigit() or len(schoon) > 7:
        raise _fout(waarde, f"Vul bij {veld} een heel getal in van {laag} tot en met {hoog}.")
    getal = int(schoon)
    if not laag <= getal <= hoog:
        raise _fout(waarde, f"Vul bij {veld} een getal in van {laag} tot en met {hoog}.")
    return getal


def lees_datum(waarde: str, veld: str, vandaag: date) -> date:
    """Een datum zoals een mens hem typt (23-11-2026, +14, morgen)."""
    try:
        return datums.lees_datum(str(waarde), vandaag)
    except ValueError as fout:
        raise _fout(waarde, f"{veld[:1].upper()}{veld[1:]}: {fout}") from None


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

    async def _on_key(self, event: events.Key) -> None:
        # Textual voert de toetsen van een veld (backspace, pijltjes, ctrl+u) pas uit als de
        # toets via alle ouders bij de app is, maar zet een letter meteen in het veld: bij
        # snel typen ('backspace 3') kwam de 3 vóór het wissen. Hier, in het veld zelf, op
        # volgorde. (Voorrangstoetsen als enter en ctrl+s heeft de app dan al gehad.)
        if event.is_printable:
            return  # Input zet de letter erin
        for binding in self._bindings.key_to_bindings.get(event.key, ()):
            if not binding.priority and await self.app.run_action(binding.action, self):
                event.stop()
                event.prevent_default()
                return

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
        # Voorrang: de app voert ze uit voordat ze de volgende toets doorgeeft, zodat die
        # in het nieuwe veld landt (anders: '5 enter 5' wordt '55' in het eerste veld).
        Binding("enter", "enter", show=False, priority=True),
        Binding("tab", "veld(1)", show=False, priority=True),
        Binding("shift+tab", "veld(-1)", show=False, priority=True),
    ]

    titel = ""
    knop = "Bewaren"
    _bewaren_gepland = False
    # Het veld met een fout, de regel met de melding, en de waarde waar de fout over ging.
    _veldfout: tuple[Widget, Static, object] | None = None

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialoog"):
            yield Static(self.titel, classes="dialoog-titel", markup=False)
            with VerticalScroll(classes="dialoog-velden", can_focus=False):
                yield from self.velden()
            yield Static("", id="formulierfout", classes="dialoog-fout verborgen", markup=False)
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

    _vooraf = ""  # getypt voordat een veld de focus had (zie on_key)

    def on_key(self, event: events.Key) -> None:
        """Een notulist typt vaak meteen na de toets die het formulier opent ('a', dan de
        tekst). Wat binnenkomt voordat het eerste veld de focus heeft (zie
        ``VergaderingApp.on_event``), gaat alsnog naar dat veld, in dezelfde volgorde."""
        if self.focused is None and event.is_printable and event.character:
            self._vooraf += event.character
            event.stop()
            event.prevent_default()
            self.call_after_refresh(self._zet_vooraf)

    def _zet_vooraf(self) -> None:
        tekst, veld = self._vooraf, self.focused
        if not tekst or veld is None:
            return  # nog geen veld: bij de volgende ronde
        self._vooraf = ""
        if isinstance(veld, Input):
            veld.insert_text_at_cursor(tekst)
        elif isinstance(veld, TextArea):
            veld.insert(tekst)

    def _naar_boven(self) -> None:
        velden = self.query_one(".dialoog-velden", VerticalScroll)
        focus = self.focused
        if focus is None or focus.region.y - velden.region.y < velden.size.height - 2:
            velden.scroll_home(animate=False)

    def lees(self) -> T:
        """Lees de velden; gooi ``OngeldigeInvoer`` met de reden als iets niet klopt."""
        raise NotImplementedError

    def toon_fout(self, melding: str, veld: str | None = None) -> None:
        """Toon een melding onder het veld ``veld`` (schuif ernaartoe, zet de focus erop), of
        zonder veld onder de velden. Een lege melding maakt de vorige weg."""
        self._wis_veldfout()
        algemeen = self.query_one("#formulierfout", Static)
        widget = self.query_one(veld) if veld and melding else None
        algemeen.update("" if widget is not None else melding)
        algemeen.set_class(widget is not None or not melding, "verborgen")
        # Precies één '.dialoog-fout' in het formulier: de melding die nu staat.
        algemeen.set_class(widget is None, "dialoog-fout")
        if widget is None:
            return
        regel = self._foutregel(widget)
        regel.update(melding)
        regel.remove_class("verborgen")
        regel.add_class("dialoog-fout")
        self._veldfout = (widget, regel, getattr(widget, "value", None))
        widget.focus(scroll_visible=False)
        self.call_after_refresh(self._toon_veldfout, widget, regel)

    def _foutregel(self, widget: Widget) -> Static:
        """De (lege) foutregel direct onder het veld: ``veld`` zet er een klaar, anders
        komt er een bij."""
        ouder = widget.parent
        assert ouder is not None
        broers = list(ouder.children)
        volgende = broers[broers.index(widget) + 1] if widget is not broers[-1] else None
        if isinstance(volgende, Static) and volgende.has_class("veld-fout"):
            return volgende
        regel = Static("", classes="veld-fout verborgen", markup=False)
        ouder.mount(regel, after=widget)
        return regel

    def _toon_veldfout(self, widget: Widget, regel: Static) -> None:
        """Schuif het veld en zijn melding in beeld (na de nieuwe indeling)."""
        velden = self.query_one(".dialoog-velden", VerticalScroll)
        velden.scroll_to_widget(regel, animate=False)
        velden.scroll_to_widget(widget, animate=False)

    def _wis_veldfout(self) -> None:
        if self._veldfout is not None:
            regel = self._veldfout[1]
            regel.update("")
            regel.add_class("verborgen")
            regel.remove_class("dialoog-fout")
            self._veldfout = None

    @on(Input.Changed)
    @on(Select.Changed)
    def _veld_gewijzigd(self, event: Input.Changed | Select.Changed) -> None:
        # Wie het veld verbetert, hoeft de oude melding niet meer te zien. (Op de waarde,
        # niet op het bericht: een bericht van vóór de fout kan nog onderweg zijn.)
        fout = self._veldfout
        if fout is not None and event.control is fout[0] and event.value != fout[2]:
            self._wis_veldfout()

    def action_bewaar(self) -> None:
        """Bewaar: lees de velden en sluit, of toon waarom het niet kan. Eerst verwerkt elk
        veld de toetsen die al onderweg zijn (snel typen en dan ctrl+s)."""
        if self._bewaren_gepland:
            return
        self._bewaren_gepland = True
        self._na_invoer(self._bewaar_nu)

    def _bewaar_nu(self) -> None:
        self._bewaren_gepland = False
        if not self.is_active:  # al gesloten (escape kwam eerder)
            return
        try:
            uitkomst = self.lees()
        except VeldFout as fout:
            self.toon_fout(str(fout), fout.veld)
            return
        except (VergaderingFout, ValueError) as fout:
            self.toon_fout(str(fout))
            return
        self.sluit_met(uitkomst)

    def sluit_met(self, uitkomst: T) -> None:
        """Sluit met deze gecontroleerde uitkomst (een formulier kan eerst nog iets vragen,
        zoals ``BevestigTwijfels``)."""
        self.dismiss(uitkomst)

    def _na_invoer(self, doe: Callable[[], object]) -> None:
        """Roep ``doe`` aan als elk veld de toetsen in zijn wachtrij verwerkt heeft: een
        veld verwerkt zijn berichten op volgorde, dus een terugroep achteraan elke rij
        komt na die toetsen."""
        nog = [0]

        def klaar() -> None:
            nog[0] -= 1
            if nog[0] == 0:
                doe()

        for widget in [w for w in self.query(Widget) if w.can_focus]:
            nog[0] += 1
            if not widget.call_later(klaar):  # draait niet meer: niets te verwerken
                nog[0] -= 1
        if nog[0] == 0:
            doe()

    def action_enter(self) -> None:
        """Enter in een invoerveld: naar het volgende veld, in het laatste bewaren. Elders
        (een keuzelijst, een knop, een tabel) doet enter wat het daar doet."""
        focus = self.focused
        if not isinstance(focus, Input) or focus.screen is not self:
            raise SkipAction()
        invoer = [i for i in self.query(Input) if i.focusable]
        if invoer and focus is invoer[-1]:
            self.action_bewaar()
        else:
            self.focus_next()

    def action_veld(self, richting: int) -> None:
        """Tab en shift+tab: naar het volgende of vorige veld (niet in een open keuzemenu)."""
        if isinstance(self.focused, SelectOverlay):
            raise SkipAction()
        if richting > 0:
            self.focus_next()
        else:
            self.focus_previous()

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
        """De tekst van een invoerveld (een ``Veldwaarde``: een fout erin hoort bij dit veld)."""
        return Veldwaarde(self.query_one(selector, Input).value, selector)

    def keuze(self, selector: str) -> Any:
        """De waarde van een keuzelijst (None als er niets gekozen is)."""
        waarde = self.query_one(selector, Select).value
        return None if waarde is Select.NULL else waarde


def veld(label: str, widget: Any, hint: str = "") -> ComposeResult:
    """Een label, het veld en eventueel een korte uitleg eronder."""
    yield Label(label, classes="veld-label", markup=False)
    yield widget
    # Hier komt een fout over dit veld te staan (Formulier.toon_fout); tot dan onzichtbaar.
    yield Static("", classes="veld-fout verborgen", markup=False)
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
            with bij_veld("#vraag"):
                self.controle(waarde)
        return str(waarde)


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
            raise VeldFout(
                f"Kies er precies {self.aantal} (met spatie); nu zijn het er {len(gekozen)}.",
                "#meerdere",
            )
        # In de volgorde van de lijst, niet van aanvinken.
        volgorde = [w for _, w in self.opties]
        return sorted(gekozen, key=volgorde.index)
