"""Het vergaderscherm: klok en agenda bovenaan, daaronder de huidige fase.

De drie fasen staan in een ``ContentSwitcher``; de app wisselt van fase (ook vanaf de
beamer) en roept daarna ``ververs()`` aan. Elke fase is een eigen paneel in een eigen
module; dit scherm houdt alleen het kader en wat voor elke fase geldt (de notities). De
agendapunten rond het cyclusblok delen twee panelen (``fase_punt``): een gewoon punt en het
vaststellen van het vorige verslag.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import ContentSwitcher, Footer, Static

from vergadering.agenda import cyclusnummer
from vergadering.sessie import Sessie
from vergadering.vergadering import Fase

from .fase_acties import FaseActies
from .fase_punt import FasePunt, FaseVerslag
from .fase_signalen import FaseSignalen
from .fase_terugkoppelen import FaseTerugkoppelen
from .klok import Agendabalk, FaseKlok
from .paneel import FasePaneel

FASE_IDS = ("fase-signalen", "fase-acties", "fase-terugkoppelen")
_CYCLUS_IDS = dict(zip(("signalen", "acties", "terugkoppelen"), FASE_IDS, strict=True))
# Zoveel agendapunten staan boven de fase (een venster rond het huidige): zo blijft de
# klokbalk even hoog als met alleen het cyclusblok, en past alles op 80×24.
AGENDA_REGELS = 3
KLOKHULP = "spatie pauze, + min, n/v fase, b beamer"


def paneel_id(fase: Fase) -> str:
    """Het paneel dat bij een fase of agendapunt hoort."""
    if fase.cyclus:
        return _CYCLUS_IDS.get(fase.sleutel, "fase-punt")
    return "fase-verslag" if fase.soort == "verslag" else "fase-punt"


class VergaderScherm(Screen[None]):
    """Het bedieningsscherm van voorzitter en notulist tijdens de vergadering."""

    CSS_PATH = "vergaderscherm.tcss"

    BINDINGS = [
        Binding("o", "notities", "Notities"),
        Binding("l", "logboek", "Logboek", show=False),
        Binding("i", "punt_erbij", "Punt erbij", show=False),
        Binding("A", "agenda_aanpassen", "Agenda", show=False),
    ]

    def __init__(self, sessie: Sessie) -> None:
        super().__init__()
        self.sessie = sessie
        self._getoonde_fase = -1

    def compose(self) -> ComposeResult:
        klok = self.sessie.agendaklok
        with Horizontal(id="klokbalk"):
            yield FaseKlok(klok, id="faseklok")
            with Vertical(id="agendakolom"):
                yield Agendabalk(klok, id="agendabalk", hoogstens=AGENDA_REGELS)
                yield Static(KLOKHULP, id="klokhulp")
        # Het werkvlak: de fase, en rechts ervan de notities als die open zijn.
        with Horizontal(id="werkvlak"), ContentSwitcher(
            initial=paneel_id(self.sessie.vergadering.fase), id="fasen"
        ):
            yield FaseSignalen(self.sessie, id=FASE_IDS[0])
            yield FaseActies(self.sessie, id=FASE_IDS[1])
            yield FaseTerugkoppelen(self.sessie, id=FASE_IDS[2])
            yield FasePunt(self.sessie, id="fase-punt")
            yield FaseVerslag(self.sessie, id="fase-verslag")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.ververs()
        # Wat de app in haar kop zet (geen verbinding, niet opgeslagen), staat hier zolang het
        # duurt: dit scherm heeft geen kopregel, en de klokbalk is altijd in beeld.
        self.watch(self.app, "sub_title", self._toon_kop)

    def _toon_kop(self, kop: str) -> None:
        hulp = self.query_one("#klokhulp", Static)
        hulp.update(kop or KLOKHULP)
        hulp.set_class(bool(kop), "waarschuwing")

    @property
    def paneel(self) -> FasePaneel:
        """Het paneel van de huidige fase."""
        return self.query_one(f"#{paneel_id(self.sessie.vergadering.fase)}", FasePaneel)

    def ververs(self) -> None:
        """Teken klok, agenda en de huidige fase opnieuw (na een handeling of fasewissel)."""
        index = self.sessie.vergadering.fase_index
        self.query_one(FaseKlok).ververs()
        self.query_one(Agendabalk).ververs()
        wisselaar = self.query_one("#fasen", ContentSwitcher)
        if wisselaar.current != paneel_id(self.sessie.vergadering.fase):
            wisselaar.current = paneel_id(self.sessie.vergadering.fase)
        paneel = self.paneel
        paneel.ververs()
        if index != self._getoonde_fase:
            self._getoonde_fase = index
            paneel.focus_hoofd()
            self._notities_bij_fase()
        self.refresh_bindings()

    def on_screen_resume(self) -> None:
        # Terug van de beamer of een dialoog: de fase kan intussen gewisseld zijn.
        self.ververs()

    def action_notities(self) -> None:
        """Open de notities van de notulist bij deze fase, naast de fase (de klok blijft in
        beeld); staan ze al open, dan gaat de focus erheen."""
        from .formulieren.notities import NotitiePaneel

        gevonden = self.query(NotitiePaneel)
        if not gevonden:  # de eerste keer: het paneel zet zelf de focus in het tekstvak
            self.query_one("#werkvlak").mount(NotitiePaneel(*self._notities(), id="notitiepaneel"))
            return
        paneel = gevonden.first()
        paneel.display = True
        self._notities_bij_fase()
        paneel.tekstvak.focus()

    def _notities(self) -> tuple[str, str, Callable[[str], None]]:
        """Titel, tekst en bewaarfunctie van de notities bij de huidige fase."""
        index = self.sessie.vergadering.fase_index
        fase = self.sessie.vergadering.fasen[index]
        nummer = cyclusnummer(self.sessie.vergadering, index)
        waar = f"fase {nummer}: {fase.titel}" if nummer else fase.titel
        return (f"Notities bij {waar}", fase.notities, partial(self.sessie.notities, index))

    def _notities_bij_fase(self) -> None:
        """Na een fasewissel tonen open notities die van de nieuwe fase."""
        for paneel in self.query("#notitiepaneel"):
            if paneel.display:
                paneel.toon(*self._notities())  # type: ignore[attr-defined]

    def on_notitie_paneel_gesloten(self) -> None:
        self.query_one("#notitiepaneel").display = False
        self.paneel.focus_hoofd()
        self.paneel.ververs()  # een agendapunt toont zijn notities ook in het paneel zelf

    def action_punt_erbij(self) -> None:
        """Zet een agendapunt op de agenda, alleen voor deze vergadering."""
        from vergadering.agendabeheer import agendabeheer

        from .formulieren.agenda import AgendapuntFormulier, NieuwPunt

        def klaar(punt: NieuwPunt | None) -> None:
            if punt is None:
                return
            if self.paneel.probeer(
                lambda: agendabeheer(self.sessie).voeg_punt_toe(punt.titel, punt.minuten)
            ):
                self.notify(f"'{punt.titel}' staat op de agenda ({punt.minuten} min).",
                            markup=False, timeout=3)
                self.ververs()

        self.app.push_screen(AgendapuntFormulier(), klaar)

    def action_agenda_aanpassen(self) -> None:
        """Haal een punt dat nog moet komen van de agenda, of schuif het op of neer."""
        from .agenda_aanpassen import AgendaAanpassen

        self.app.push_screen(AgendaAanpassen(self.sessie), lambda _: self.ververs())

    def action_logboek(self) -> None:
        """Toon het logboek van deze vergadering."""
        from .formulieren.notities import Logboek

        self.app.push_screen(Logboek(self.sessie.vergadering))

    def commandos(self) -> Iterator[tuple[str, str, object]]:
        """Handelingen van dit scherm en de huidige fase voor het commandopalet."""
        yield ("Notities bij deze fase", "o", self.action_notities)
        yield ("Logboek tonen", "l", self.action_logboek)
        yield ("Agendapunt erbij (alleen deze keer)", "i", self.action_punt_erbij)
        yield ("Agenda aanpassen: een punt weghalen of verschuiven", "A",
               self.action_agenda_aanpassen)
        yield from self.paneel.commandos()
