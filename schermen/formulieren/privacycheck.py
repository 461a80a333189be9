"""De privacycheck vóór het mapje: per item behouden of maskeren.

De lijst komt uit ``vergadering.privacycheck`` (de notulist ziet wat er gevonden is, waar, en
een stukje tekst eromheen). Toetsen: pijltjes lopen langs de items, ``b`` behoudt, ``m``
maskeert, ``a`` maskeert alles wat nog open staat, ctrl+s is klaar. Wat altijd weggaat
(contacten, telefoonnummers, e-mailadressen) staat erbij, zonder keuze.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from vergadering.fouten import OngeldigeInvoer
from vergadering.privacy import BEHOUDEN, MASKEREN
from vergadering.privacycheck import Vondst
from vergadering.tekst import een_regel

from .basis import Formulier

_MERK = {BEHOUDEN: "behouden", MASKEREN: "maskeren", None: "? kies  "}


class PrivacyCheck(Formulier[dict[str, str]]):
    """Loop de vondsten langs; geeft de keuzes terug (sleutel → behouden of maskeren)."""

    titel = "Privacycheck vóór het mapje"
    knop = "Klaar"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("b", "kies('behouden')", "Behouden"),
        Binding("m", "kies('maskeren')", "Maskeren"),
        Binding("a", "alles_maskeren", "Rest maskeren"),
    ]

    def __init__(self, vondsten: list[Vondst], keuzes: Mapping[str, str] | None = None) -> None:
        super().__init__()
        self.vondsten = vondsten
        bekend = dict(keuzes or {})
        self.keuzes: dict[str, str] = {
            v.sleutel: bekend[v.sleutel] for v in vondsten
            if not v.vast and bekend.get(v.sleutel) in (BEHOUDEN, MASKEREN)
        }

    def velden(self) -> ComposeResult:
        yield Static(
            "Dit lijkt op persoonsgegevens. Kies per item: b behouden, m maskeren (de zin "
            "zegt dan 'een bewoner'), a maskeert de rest.",
            classes="veld-hint", markup=False,
        )
        yield OptionList(*self._opties(), id="vondsten")
        yield Static("", id="vondst-zin", classes="veld-hint", markup=False)

    def on_mount(self) -> None:
        super().on_mount()
        lijst = self.query_one("#vondsten", OptionList)
        lijst.focus()
        if self.vondsten:
            lijst.highlighted = 0
        self._toon_zin()

    # --- de lijst ------------------------------------------------------------------------

    def _regel(self, vondst: Vondst) -> Text:
        if vondst.vast:
            merk, stijl = "altijd weg", "dim"
        else:
            keuze = self.keuzes.get(vondst.sleutel)
            merk, stijl = _MERK[keuze], "bold" if keuze is None else ""
        regel = Text()
        regel.append(f"{merk:<10} ", style=stijl)
        regel.append(f"{vondst.soortnaam}: ")
        regel.append(een_regel(vondst.tekst), style="bold")
        # Waar het staat, komt onder de lijst (bij het gemarkeerde item): één regel per item.
        return regel

    def _opties(self) -> list[Option]:
        return [Option(self._regel(v), id=str(i)) for i, v in enumerate(self.vondsten)]

    def _ververs(self) -> None:
        lijst = self.query_one("#vondsten", OptionList)
        plek = lijst.highlighted
        for i, vondst in enumerate(self.vondsten):
            lijst.replace_option_prompt_at_index(i, self._regel(vondst))
        lijst.highlighted = plek
        self._toon_zin()

    def _huidige(self) -> Vondst | None:
        plek = self.query_one("#vondsten", OptionList).highlighted
        return self.vondsten[plek] if plek is not None and plek < len(self.vondsten) else None

    def _toon_zin(self) -> None:
        vondst = self._huidige()
        tekst = ""
        if vondst is not None:
            keer = f" ({vondst.aantal} keer)" if vondst.aantal > 1 else ""
            tekst = f"{vondst.waar}{keer}: {vondst.zin}"
        self.query_one("#vondst-zin", Static).update(tekst)

    @on(OptionList.OptionHighlighted, "#vondsten")
    def _verplaatst(self) -> None:
        self._toon_zin()

    @on(OptionList.OptionSelected, "#vondsten")
    def _enter(self, event: OptionList.OptionSelected) -> None:
        # Enter wisselt de keuze van het item (behouden ↔ maskeren).
        event.stop()
        vondst = self._huidige()
        if vondst is not None and not vondst.vast:
            nu = self.keuzes.get(vondst.sleutel)
            self.action_kies(BEHOUDEN if nu == MASKEREN else MASKEREN)

    # --- kiezen --------------------------------------------------------------------------

    def action_kies(self, keuze: str) -> None:
        """Zet de keuze van het gemarkeerde item en ga naar het volgende."""
        vondst = self._huidige()
        if vondst is None:
            return
        if vondst.vast:
            self.toon_fout(f"Een {vondst.soortnaam} gaat altijd uit openbare stukken; daar "
                           "is niets te kiezen.")
            return
        self.toon_fout("")
        self.keuzes[vondst.sleutel] = keuze
        lijst = self.query_one("#vondsten", OptionList)
        self._ververs()
        if lijst.highlighted is not None and lijst.highlighted + 1 < len(self.vondsten):
            lijst.highlighted += 1

    def action_alles_maskeren(self) -> None:
        """Maskeer elk item waarover nog niet gekozen is."""
        for vondst in self.vondsten:
            if not vondst.vast:
                self.keuzes.setdefault(vondst.sleutel, MASKEREN)
        self.toon_fout("")
        self._ververs()

    def open_items(self) -> list[Vondst]:
        """De items zonder keuze."""
        return [v for v in self.vondsten if not v.vast and v.sleutel not in self.keuzes]

    def lees(self) -> dict[str, str]:
        open_ = self.open_items()
        if open_:
            n = len(open_)
            raise OngeldigeInvoer(
                f"Nog {n} {'item' if n == 1 else 'items'} zonder keuze; kies bij elk b "
                "(behouden) of m (maskeren), of a om de rest te maskeren."
            )
        return dict(self.keuzes)
