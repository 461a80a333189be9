"""Een signaal tussen de vergaderingen: het signaalformulier (``SignaalFormulier``) met
praktijkvorm, buurt en datum erbij, voor toevoegen en bewerken, en de bundelhint.

De bundelhint: terwijl de tekst getypt wordt, staan de meest gelijkende open signalen onder
het tekstveld; ctrl+b (of enter in die lijst) bundelt het signaal met het gemarkeerde.
Het zoeken zelf doet de toepassingslaag (``Tussendoor.lijkend``): dit formulier krijgt
alleen een functie mee, geen opslag.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, OptionList, Select, Static
from textual.widgets.option_list import Option

from vergadering.praktijkvormen import PRAKTIJKVORMEN
from vergadering.tekst import een_regel, kort

from .basis import Invoer, Keuzelijst, als_invoer, lees_datum, veld
from .signaal import SignaalFormulier

if TYPE_CHECKING:
    from vergadering.tussendoor import Gelijkend

GEEN_HINT = "Nog geen gelijkend open signaal."


class SignaalBewerken(SignaalFormulier):
    """Een signaal toevoegen of bewerken tussen de vergaderingen, met de bundelhint.

    Geeft de waarden terug (zoals ``SignaalFormulier``, plus ``vorm``, ``buurt`` en
    ``datum``) en ``bundel_met``: het kenmerk van het signaal om mee te bundelen, of None.
    """

    CSS_PATH = [*SignaalFormulier.CSS_PATH, "tussendoor.tcss"]
    BINDINGS = [Binding("ctrl+b", "bundel", "Bundelen", priority=True)]

    def __init__(self, themas: list[str], vandaag: date, *,
                 lijkend: Callable[[str], list[Gelijkend]],
                 controle: Callable[[dict[str, Any]], None],
                 waarden: dict[str, Any] | None = None, bewerk: str | None = None) -> None:
        """``waarden``: wat er al staat (bij bewerken het signaal, bij toevoegen een voorstel
        of wat er getypt was); ``bewerk``: het kenmerk van het signaal dat bewerkt wordt."""
        self.begin = waarden or {}
        themas = list(themas)
        thema = self.begin.get("thema") or ""
        if thema and thema not in themas:
            themas.append(thema)  # een oud thema blijft te kiezen
        super().__init__(themas)
        self.vandaag, self.lijkend, self.controle = vandaag, lijkend, controle
        self.bewerkt = bewerk
        self.hints: list[Gelijkend] = []
        self._bundel_met: str | None = None
        if bewerk is not None:
            self.titel, self.knop = "Signaal bewerken", "Bewaren"

    def velden(self) -> ComposeResult:
        yield from super().velden()
        b = self.begin
        with Horizontal(classes="rij"):
            with Vertical():
                yield from veld("Praktijkvorm", Keuzelijst(
                    [(f"{k} {v}" if k != "overig" else v, k) for k, v in PRAKTIJKVORMEN.items()],
                    id="vorm", value=b.get("vorm") or "overig", allow_blank=False))
            with Vertical():
                yield from veld("Buurt", Invoer(b.get("buurt", ""), id="buurt"))
            with Vertical():
                yield from veld("Datum", Invoer(als_invoer(b.get("datum") or self.vandaag),
                                                id="datum"))

    def on_mount(self) -> None:
        super().on_mount()
        # De hint direct onder het tekstveld (en de lengtehint, als die er is).
        tekst = self.query_one("#tekst", Input)
        onder: Any = tekst
        for w in self.query("#lengte"):
            onder = w
        hint = Vertical(
            Static(GEEN_HINT, id="hint-kop", classes="veld-hint", markup=False),
            OptionList(id="hints", classes="verborgen"),
            id="bundelhint",
        )
        assert onder.parent is not None
        onder.parent.mount(hint, after=onder)
        b = self.begin
        if b.get("tekst"):
            tekst.value = b["tekst"]
        if b.get("aantal"):
            self.query_one("#aantal", Input).value = str(b["aantal"])
        if b.get("thema"):
            self.query_one("#thema", Select).value = b["thema"]
        for contact in self.query("#contact").results(Input):
            # Het privé-contactveld van het signaalformulier: terug zoals het getypt wordt.
            from vergadering.tussendoor import contact_als_tekst

            contact.value = contact_als_tekst(b.get("contact"))

    @on(Input.Changed, "#tekst")
    def _zoek_gelijkend(self, event: Input.Changed) -> None:
        # Geen event.stop(): de lengtehint luistert ook.
        self.hints = self.lijkend(event.value)  # zonder het bewerkte zelf: zie het scherm
        lijst = self.query_one("#hints", OptionList)
        lijst.clear_options()
        lijst.add_options(
            Option(Text(f"{kort(een_regel(h.tekst), 56)} ({h.bewoners} bew.)"), id=h.id)
            for h in self.hints)
        lijst.set_class(not self.hints, "verborgen")
        if self.hints:
            lijst.highlighted = 0
        kop = ("Lijkt op (ctrl+b bundelt met het gemarkeerde; tab en pijltjes kiezen):"
               if self.hints else GEEN_HINT)
        self.query_one("#hint-kop", Static).update(kop)

    @on(OptionList.OptionSelected, "#hints")
    def _hint_gekozen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_bundel()

    def action_bundel(self) -> None:
        """Bewaar het signaal en bundel het met het gemarkeerde gelijkende signaal."""
        lijst = self.query_one("#hints", OptionList)
        if not self.hints or lijst.highlighted is None:
            self.toon_fout("Er lijkt geen open signaal op deze tekst; bewaar het als nieuw "
                           "signaal (ctrl+s).")
            return
        # Bewaren gebeurt pas als de velden hun toetsen verwerkt hebben: ``lees`` neemt de
        # keuze dan mee (en vergeet haar, ook als de invoer nog niet klopt).
        self._bundel_met = self.hints[lijst.highlighted].id
        self.action_bewaar()

    def lees(self) -> dict:
        bundel_met, self._bundel_met = self._bundel_met, None
        waarden = super().lees()
        waarden["vorm"] = self.keuze("#vorm") or "overig"
        waarden["buurt"] = self.waarde("#buurt")
        tekst = self.waarde("#datum").strip()
        waarden["datum"] = lees_datum(tekst, "de datum", self.vandaag) if tekst \
            else self.vandaag
        self.controle(waarden)
        waarden["bundel_met"] = bundel_met
        return waarden
