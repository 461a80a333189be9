"""`vergadering beamer`: de projectie voor de zaal als eigen proces, alleen lezen.

De app van de voorzitter bewaart elke handeling meteen; deze app kijkt drie à vier keer per
seconde naar de wijzigingsmarkering van de opslag (``Opslag.volger``, één ``stat``) en leest
alleen als er voor dit wijkverband iets veranderde, en dan alleen die vakbestanden
(``vergadering.projectie.Meekijker``), in een draad: tekenen wacht nooit op de schijf.

De klok telt niet zelf: hij is een ``AgendaKlok`` over de opnieuw gelezen vergadering met de
echte tijd, dus hij loopt gelijk met die van de voorzitter, ook na een pauze, een minuut
erbij of een nieuwe fase. Het beeld zelf is hetzelfde als dat van ``b`` in de app
(``Beamerbeeld``): geen invoervelden, geen persoonsgegevens van bewoners.

Toetsen: q stopt, t wisselt het thema. Geen commandopalet (dat is Engels).
"""

from __future__ import annotations

import asyncio
import json
import os
import time
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import ClassVar

from textual import events
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Footer, Static

from vergadering import datums, regels
from vergadering.agendaklok import AgendaKlok
from vergadering.fouten import OpslagFout, VergaderingFout
from vergadering.opslag import Opslag
from vergadering.opslag.wijzigingen import Wijziging
from vergadering.projectie import Beeld, Meekijker
from vergadering.tekst import een_regel
from vergadering.vergadering import Vergadering

from .beamer import HORIZONTAAL, VERTICAAL, Beamerbeeld, BeamerInhoud
from .grote_cijfers import GroteCijfers
from .thema import THEMAKEUZE

# Zo vaak kijkt de beamer of er iets veranderde: een bewerking staat binnen een kwart seconde
# plus de leestijd op het scherm, en een stat per keer houdt de processor in rust.
KIJK_S = 0.25
# Kon de opslag niet gelezen worden, dan zo vaak opnieuw proberen (niet elke kwart seconde).
OPNIEUW_S = 2.0

# Met deze omgevingsvariabele schrijft de beamer na elk nieuw beeld zijn stand in dat bestand.
STAND_OMGEVING = "VERGADERING_BEAMER_STAND"

ONLEESBAAR = ("De gegevens van de vergadering zijn nu niet te lezen; de beamer probeert het "
              "steeds opnieuw, dus laat hem gewoon aan staan.")


class BeamerApp(App[int]):
    """De beamer voor de zaal: volgt de open vergadering van één wijkverband."""

    TITLE = "Vergadering · beamer"
    # Volledige paden: ook een afgeleide klasse in een andere map (bench/beamer.py) vindt ze.
    CSS_PATH: ClassVar = [Path(__file__).with_name(n) for n in ("beamer.tcss", "beamer_app.tcss")]
    ENABLE_COMMAND_PALETTE = False
    HORIZONTAL_BREAKPOINTS: ClassVar[list[tuple[int, str]] | None] = HORIZONTAAL
    VERTICAL_BREAKPOINTS: ClassVar[list[tuple[int, str]] | None] = VERTICAAL
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Stoppen"),
        Binding("ctrl+q", "quit", "Stoppen", show=False, priority=True),
        Binding("t", "thema", "Thema"),
    ]

    def __init__(self, opslag: Opslag, wijkverband_id: str | None = None, *,
                 klok: Callable[[], float] = time.time, kijk_s: float = KIJK_S) -> None:
        super().__init__()
        self.opslag = opslag
        self.klok = klok
        self.kijk_s = kijk_s
        self.meekijker = Meekijker(opslag, wijkverband_id, self.vandaag)
        self.beeld: Beeld | None = None  # wat nu op het scherm staat
        self.fout: str | None = None  # de zin als de opslag niet te lezen is
        # De klok van de beamer; krijgt na elk lezen de nieuwe vergadering.
        self.agendaklok = AgendaKlok(Vergadering("", "", date(2000, 1, 1)), klok)
        self._volger = opslag.volger()
        self._te_lezen: list[Wijziging] | None = []
        self._iets_te_lezen = False
        self._bezig = False
        self._laatste_poging = 0.0
        self._te_klein: object | None = None
        for thema, _ in THEMAKEUZE:
            self.register_theme(thema)
        self.theme = THEMAKEUZE[0][0].name

    def vandaag(self) -> date:
        """De datum volgens de klok."""
        return datetime.fromtimestamp(self.klok()).date()

    # --- opbouw --------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with Vertical(id="wachtscherm"):
            yield Static("", id="wacht-naam", markup=False)
            yield GroteCijfers("", id="wacht-tijd")
            yield Static("", id="wacht-tekst", markup=False)
        yield Beamerbeeld(self.agendaklok, id="beeld")
        yield Static("", id="melding", markup=False)
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.query_one("#beeld").display = False
        self.query_one("#melding").display = False
        self._toon_wachten(None, "De beamer leest de vergadering.")
        self._vraag(None)
        self.set_interval(self.kijk_s, self._kijk)
        # Op een database meldt de server een wijziging meteen: dan niet op de ronde wachten.
        lus = asyncio.get_running_loop()
        self._volger.wek(lambda: lus.call_soon_threadsafe(self._kijk))

    # --- volgen --------------------------------------------------------------------

    def _kijk(self) -> None:
        """Drie à vier keer per seconde: is er iets veranderd? Plus de wandklok."""
        if self.query_one("#wachtscherm").display:
            self.query_one("#wacht-tijd", GroteCijfers).update(
                datetime.fromtimestamp(self.klok()).strftime("%H:%M"))
        try:
            nieuw = self._volger.nieuw()
        except OSError:
            nieuw = None
        if self.fout is not None and time.monotonic() - self._laatste_poging >= OPNIEUW_S:
            nieuw = None  # de vorige keer mislukt: af en toe alles opnieuw proberen
        if nieuw == [] or (nieuw is not None and not self.meekijker.relevant(nieuw)):
            return
        self._vraag(nieuw)

    def _vraag(self, wijzigingen: list[Wijziging] | None) -> None:
        """Onthoud wat gelezen moet worden en lees het (als er niet al gelezen wordt)."""
        if not self._iets_te_lezen:
            self._te_lezen = [] if wijzigingen is not None else None
        if self._te_lezen is not None:
            if wijzigingen is None:
                self._te_lezen = None
            else:
                self._te_lezen += wijzigingen
        self._iets_te_lezen = True
        if not self._bezig:
            self._bezig = True
            self.run_worker(self._lees(time.monotonic()), group="lezen")

    async def _lees(self, gezien: float) -> None:
        """Lees in een draad wat veranderde; teken daarna in de hoofddraad."""
        while self._iets_te_lezen:
            wijzigingen, self._te_lezen, self._iets_te_lezen = self._te_lezen, [], False
            self._laatste_poging = time.monotonic()
            try:
                beeld = await asyncio.to_thread(self.meekijker.opnieuw, wijzigingen)
            except (OpslagFout, OSError):
                self._toon_fout(ONLEESBAAR)
                continue
            except VergaderingFout as fout:  # bijvoorbeeld: welk wijkverband?
                self._toon_fout(str(fout))
                continue
            except Exception:  # de zaal ziet nooit een traceback
                self._toon_fout(ONLEESBAAR)
                continue
            self.fout = None
            self.toon(beeld)
            self.call_after_refresh(self.getekend, beeld, gezien)
            gezien = time.monotonic()
        self._bezig = False

    def getekend(self, beeld: Beeld, gezien: float) -> None:
        """Na het tekenen van een nieuw beeld; ``gezien`` is wanneer de wijziging opgemerkt
        werd (``time.monotonic``). Voor wie meekijkt zonder het scherm te kunnen lezen (de
        test in een browser tekent op een canvas; bench/beamer.py meet hier)."""
        pad = os.environ.get(STAND_OMGEVING)
        if pad:
            schrijf_stand(Path(pad), beeld, self.klok(), self.agendaklok)

    # --- tekenen -------------------------------------------------------------------

    def toon(self, beeld: Beeld) -> None:
        """Zet een nieuw beeld op het scherm."""
        self.beeld = beeld
        self.query_one("#melding").display = False
        if beeld.stand == "wacht" or beeld.vergadering is None:
            self._toon_wachten(beeld)
            return
        self.agendaklok.vergadering = beeld.vergadering
        inhoud = BeamerInhoud(beeld.wijkverband.naam, beeld.vergadering, beeld.signalen,
                              beeld.acties, beeld.wijkverband)
        self.query_one("#wachtscherm").display = False
        bb = self.query_one(Beamerbeeld)
        bb.display = True
        # Gesloten: de zaal ziet wat we terugkoppelen (fase 3, ook als er nog agendapunten
        # na kwamen).
        bb.toon(inhoud, _terugkoppelen(beeld.vergadering) if beeld.stand == "gesloten" else None)

    def _toon_wachten(self, beeld: Beeld | None, tekst: str | None = None) -> None:
        self.query_one(Beamerbeeld).display = False
        self.query_one("#wachtscherm").display = True
        naam = een_regel(beeld.wijkverband.naam) if beeld is not None else ""
        if tekst is None:
            tekst = "Wacht op de vergadering."
            assert beeld is not None
            v = beeld.vergadering
            if v is not None and v.datum == self.vandaag():
                tekst += " De voorzitter begint zo"
                tekst += f", in {een_regel(v.plaats)}." if v.plaats else "."
            elif beeld.volgende is not None:
                tekst += f" De volgende vergadering is op {datums.lang(beeld.volgende)}"
                tekst += f", in {een_regel(v.plaats)}." if v is not None and v.plaats else "."
        self.query_one("#wacht-naam", Static).update(naam)
        self.query_one("#wacht-tekst", Static).update(tekst)
        self.query_one("#wacht-tijd", GroteCijfers).update(
            datetime.fromtimestamp(self.klok()).strftime("%H:%M"))

    def _toon_fout(self, zin: str) -> None:
        """Een rustige zin; het laatste goede beeld blijft staan."""
        self.fout = zin
        if self.beeld is None:
            self._toon_wachten(None, zin)
            return
        melding = self.query_one("#melding", Static)
        melding.update(zin)
        melding.display = True

    # --- toetsen -------------------------------------------------------------------

    def action_thema(self) -> None:
        """Wissel tussen hoog contrast, donker en licht."""
        namen = [t.name for t, _ in THEMAKEUZE]
        i = (namen.index(self.theme) + 1) % len(namen) if self.theme in namen else 0
        self.theme = namen[i]
        self.notify(f"Thema: {THEMAKEUZE[i][1]}.", timeout=2, markup=False)

    def on_resize(self, event: events.Resize) -> None:
        """Te klein venster: een duidelijke melding in plaats van een kapotte indeling."""
        from .te_klein import TeKleinScherm, te_klein

        klein = te_klein(event.size)
        if klein and self._te_klein is None:
            self._te_klein = TeKleinScherm()
            self.push_screen(self._te_klein)  # type: ignore[arg-type]
        elif not klein and self._te_klein is not None:
            self._te_klein = None
            self.pop_screen()


def _terugkoppelen(vergadering: Vergadering) -> int:
    """De plek van de terugkoppeling in de agenda (de laatste fase als die er niet is)."""
    from vergadering.agenda import index_van

    plek = index_van(vergadering, "terugkoppelen")
    return len(vergadering.fasen) - 1 if plek is None else plek


def schrijf_stand(pad: Path, beeld: Beeld, nu: float, agendaklok: AgendaKlok) -> None:
    """Wat er in beeld staat, als JSON: het scherm ('wacht', 'vergadering', 'gesloten'), de
    versie en fase van de vergadering, de klok (resterende seconden op tijdstip ``nu``) en de
    ranglijst als kenmerken van signalen (nooit tekst of persoonsgegevens)."""
    v = beeld.vergadering
    stand = {
        "scherm": beeld.stand,
        "versie": v.versie if v is not None else None,
        "fase": v.fase_index if v is not None else None,
        "tijd": nu,
        "resterend_s": agendaklok.resterend() if v is not None else None,
        "ranglijst": [p.signaal.id for p in regels.ranglijst(beeld.signalen, v.stippen)]
        if v is not None else [],
    }
    tijdelijk = pad.with_name(pad.name + ".tmp")
    try:
        tijdelijk.write_text(json.dumps(stand), encoding="utf-8")
        os.replace(tijdelijk, pad)
    except OSError:
        pass  # alleen voor wie meekijkt; de beamer zelf gaat door


def start_beamer(opslag: Opslag, wijkverband_id: str | None) -> int:
    """Start de beamer in deze terminal; geeft de uitgangscode terug."""
    app = BeamerApp(opslag, wijkverband_id)
    app.run()
    return app.return_code or 0
