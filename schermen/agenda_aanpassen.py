"""De agenda aanpassen tijdens de vergadering: een punt dat nog moet komen weghalen of een
plek op of neer schuiven, of er een punt bij zetten. De regels (wat mag en waarom niet)
staan in ``vergadering.agenda``; dit scherm toont de agenda en meldt wat er gebeurde."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from vergadering.agenda import index_van
from vergadering.agendabeheer import agendabeheer
from vergadering.fouten import VergaderingFout
from vergadering.sessie import Sessie
from vergadering.tekst import een_regel


class AgendaAanpassen(ModalScreen[None]):
    """De agenda van de lopende vergadering, met weghalen en verschuiven."""

    CSS_PATH = ["vraag.tcss", "formulieren/formulieren.tcss"]
    DEFAULT_CSS = """
    AgendaAanpassen #agenda-punten { height: auto; max-height: 18; border: none; }
    """

    BINDINGS = [
        Binding("d", "weg", "Weghalen"),
        Binding("delete", "weg", "Weghalen", show=False),
        Binding("[", "schuif(-1)", "Omhoog", key_display="["),
        Binding("]", "schuif(1)", "Omlaag", key_display="]"),
        Binding("shift+up", "schuif(-1)", "Omhoog", show=False),
        Binding("shift+down", "schuif(1)", "Omlaag", show=False),
        Binding("a", "erbij", "Punt erbij"),
        Binding("escape", "sluit", "Klaar"),
    ]

    def __init__(self, sessie: Sessie) -> None:
        super().__init__()
        self.sessie = sessie

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialoog"):
            yield Static("Agenda aanpassen", classes="dialoog-titel")
            yield OptionList(id="agenda-punten")
            yield Static(
                "Alleen punten die nog moeten komen kunnen weg (d) of een plek op en neer "
                "([ en ]); de fasen van de cyclus blijven. a zet er een punt bij, esc is klaar.",
                classes="veld-hint", markup=False,
            )
        yield Footer(compact=True)

    def on_mount(self) -> None:
        v = self.sessie.vergadering
        self._vul(min(v.fase_index + 1, len(v.fasen) - 1))
        self.query_one(OptionList).focus()

    def _vul(self, kies: int) -> None:
        """Zet de agenda in de lijst en markeer punt ``kies``."""
        v = self.sessie.vergadering
        lijst = self.query_one(OptionList)
        lijst.clear_options()
        for i, fase in enumerate(v.fasen):
            teken = "✓" if i < v.fase_index else "▶" if i == v.fase_index else " "
            minuten = f"{fase.gepland_s // 60} min" if fase.gepland_s else "geen vaste tijd"
            soort = " · cyclus" if fase.cyclus else ""
            regel = Text(f"{teken} {i + 1:>2}. {een_regel(fase.titel)}")
            regel.append(f"  ({minuten}{soort})", style="dim")
            lijst.add_option(Option(regel, id=fase.sleutel))
        lijst.highlighted = max(0, min(kies, len(v.fasen) - 1))

    def _gekozen(self) -> int | None:
        return self.query_one(OptionList).highlighted

    def action_weg(self) -> None:
        """Haal het gemarkeerde punt van de agenda."""
        index = self._gekozen()
        if index is None:
            return
        try:
            fase = agendabeheer(self.sessie).haal_punt_weg(index)
        except VergaderingFout as fout:
            self.notify(str(fout), severity="warning", markup=False)
            return
        self._vul(index)
        self.notify(f"'{een_regel(fase.titel)}' is van de agenda gehaald.", markup=False,
                    timeout=3)

    def action_schuif(self, stap: int) -> None:
        """Schuif het gemarkeerde punt één plek op (-1) of neer (+1)."""
        index = self._gekozen()
        if index is None:
            return
        try:
            doel = agendabeheer(self.sessie).verplaats_punt(index, stap)
        except VergaderingFout as fout:
            self.notify(str(fout), severity="warning", markup=False)
            return
        self._vul(doel)

    def action_erbij(self) -> None:
        """Zet een punt op de agenda (alleen deze keer)."""
        from .formulieren.agenda import AgendapuntFormulier, NieuwPunt

        def klaar(punt: NieuwPunt | None) -> None:
            if punt is None:
                return
            try:
                fase = agendabeheer(self.sessie).voeg_punt_toe(punt.titel, punt.minuten)
            except VergaderingFout as fout:
                self.notify(str(fout), severity="error", markup=False)
                return
            self._vul(index_van(self.sessie.vergadering, fase.sleutel) or 0)

        self.app.push_screen(AgendapuntFormulier(), klaar)

    def action_sluit(self) -> None:
        """Klaar: terug naar de vergadering."""
        self.dismiss(None)
