"""De Textual-app voor voorzitter en notulist.

De app houdt de lopende vergadering (``Sessie``) en de ``Bewaarder`` vast en bedient de klok:
pauze, +1 minuut, volgende en vorige fase zijn acties van de app, zodat ze op het
vergaderscherm en op de beamer dezelfde toetsen hebben.

Opstarten: zodra de app draait (``on_load``, vóór het eerste scherm) leest een eigen draad
de wijkverbanden en het overzicht van het eerste, uit de afgeleide index
(``Opslag.samenvatting``): milliseconden in plaats van jaren geschiedenis, zodat het
startscherm meestal meteen met gegevens getekend wordt. Wat een vergadering nodig heeft,
wordt pas gelezen als het gebruikt wordt (s of h), in een achtergronddraad.

Andere processen (de opdrachtregel, een tweede venster): de app kijkt ``VOLG_INTERVAL`` keer
per seconde naar de wijzigingsmarkering (``Opslag.volger``). Alleen als er iets veranderde,
leest een werkdraad wat het raakt (``Sessie.lees_elders``) en neemt de hoofddraad het over
(``Sessie.pas_toe``). Bewaarde een ander hetzelfde document eerder, dan voegt de bewaarder
samen; alleen bij een echte tegenstrijdigheid kiest de voorzitter (``KiesWaarde``).
"""

from __future__ import annotations

import asyncio
import gc
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from dataclasses import dataclass
from datetime import date, datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual import events
from textual.app import App
from textual.binding import Binding
from textual.screen import Screen

from vergadering.bewaarder import Bewaarder, Tegenstrijdig
from vergadering.fouten import VergaderingFout, oorzaak
from vergadering.opslag import Opslag

if TYPE_CHECKING:
    from vergadering.actie import Actie
    from vergadering.opslag.wijzigingen import Volger, Wijziging
    from vergadering.overzicht import Overzicht
    from vergadering.sessie import Sessie
    from vergadering.signaal import Signaal
    from vergadering.wijkverband import Wijkverband


@dataclass
class Gegevens:
    """Wat een vergadering van één wijkverband nodig heeft, één keer gelezen: de signalen
    (de sessie houdt de open signalen en wat erin gebundeld is) en de acties (nummers,
    lopende acties). Eerdere vergaderingen zijn niet nodig: het startscherm kent de laatste
    en de onafgemaakte uit zijn overzicht."""

    signalen: list[Signaal]
    acties: list[Actie]


@dataclass
class Startgegevens:
    """Wat het startscherm bij het opstarten nodig heeft, in een eigen draad gelezen.

    ``fout``: de wijkverbanden konden niet gelezen worden. ``overzicht_fout``: het overzicht
    van het eerste wijkverband niet (bijvoorbeeld een beschadigd vak, met advies)."""

    wijkverbanden: list[Wijkverband]
    fout: str | None = None
    overzicht: tuple[Overzicht, list[str]] | None = None
    overzicht_fout: str | None = None


Commando = tuple[str, str, Callable[[], Any]]
# Zo vaak kijkt de app of een ander proces iets bewaarde (één stat van de markering; het
# echte werk alleen als er iets veranderde): 2–4 keer per seconde werkt ook op een netwerkschijf.
VOLG_INTERVAL = 0.3
# In de kop zolang de server weg is (de melding zelf verdwijnt na een paar seconden).
GEEN_VERBINDING_KOP = "GEEN VERBINDING — wordt bewaard zodra die terug is"
WORDT_BEWAARD_KOP = "Wordt bewaard… (de database antwoordt nog niet)"
# Zo lang wacht een toets hoogstens op de commit naar een database: wat een mens nog als
# meteen ziet. Een commit over het netwerk (4–9 ms) past er ruim in; duurt hij langer (een
# stille val van de wifi), dan gaat de vergadering door en zegt de kop "wordt bewaard".
BEELDJE = 0.1


def in_draad(werk: Callable[[], Any], naam: str) -> Future:
    """Doe ``werk`` in een eigen (daemon)draad; de uitkomst of de fout komt in de Future."""
    toekomst: Future = Future()

    def doe() -> None:
        try:
            toekomst.set_result(werk())
        except BaseException as fout:  # ook een programmeerfout hoort bij wie wacht
            toekomst.set_exception(fout)

    threading.Thread(target=doe, name=naam, daemon=True).start()
    return toekomst


def _commandos() -> type:
    """Het commandopalet pas laden als het geopend wordt (scheelt bij het opstarten)."""
    from .commandos import Commandos

    return Commandos


class VergaderingApp(App[None]):
    """Vergadering: de app voor voorzitter en notulist."""

    TITLE = "Vergadering"
    CSS_PATH: ClassVar = ["app.tcss"]
    # Alleen onze eigen handelingen: die van Textual zelf (Theme, Quit, Keys, Screenshot,
    # Maximize) zijn Engels; stoppen staat bij de onze.
    COMMANDS = {_commandos}
    # De kloktoetsen staan op het vergaderscherm in de hulpregel onder de agenda (altijd in
    # beeld); de Footer houdt op 80 kolommen zo de ruimte voor de toetsen van de fase.
    BINDINGS = [
        Binding("space", "pauze", "Pauze", key_display="spatie", show=False),
        Binding("plus", "minuut_erbij", "Minuut", key_display="+", show=False),
        Binding("n", "volgende_fase", "Volgende", show=False),
        Binding("v", "vorige_fase", "Vorige", show=False),
        Binding("b", "beamer", "Beamer", show=False),
        Binding("ctrl+s", "opnieuw_opslaan", "Opslaan", show=False),
        # Zelf, in het Nederlands: anders zet Textual 'palette' in de voetregel.
        Binding("ctrl+p", "command_palette", "Meer", show=False, priority=True,
                tooltip="Zoek een handeling op naam"),
    ]
    KLOKACTIES = ("pauze", "minuut_erbij", "volgende_fase", "vorige_fase", "beamer")

    def __init__(
        self,
        opslag: Opslag,
        *,
        klok: Callable[[], float] = time.time,
        vandaag: date | None = None,
        mapjes: Path | None = None,
        avg: bool = False,
    ) -> None:
        super().__init__()
        self.opslag = opslag
        self.mapjes = mapjes  # waar mapjes komen (None: Documenten/Vergadering)
        self._avg = avg  # de bewaartermijn (avg.dagelijks) na het opstarten toepassen
        self.klok = klok
        self._vandaag = vandaag
        self.bewaarder = Bewaarder(
            opslag, self._meld_opslagfout, self._meld_opgeslagen,
            meld_conflict=self._meld_conflict, meld_samengevoegd=self._meld_samengevoegd,
            meld_offline=self._meld_offline, meld_afgespeeld=self._meld_afgespeeld,
            meld_onderweg=self._meld_onderweg, beeldje=BEELDJE,
        )
        self._volger: Volger | None = None
        # Wat de volger zag en nog verwerkt moet worden ([]: niets; None: alles opnieuw), en of
        # er al een leesdraad bezig is (dan wacht het volgende tot die klaar is).
        self._te_volgen: list[Wijziging] | None = []
        self._volgen_bezig = False
        self._vragen: list[Tegenstrijdig] = []  # tegenstrijdigheden die op de voorzitter wachten
        self.sessie: Sessie | None = None
        self.gegevens: dict[str, Gegevens] = {}
        self._laden: dict[str, Future] = {}  # wat een vergadering nodig heeft, bezig
        self.startgegevens: Future | None = None
        self._te_klein: Any = None
        self._lus: asyncio.AbstractEventLoop | None = None
        self._registreer_themas()

    # --- toetsen ---------------------------------------------------------------------

    async def on_event(self, event: events.Event) -> None:
        """Een toets die binnenkwam terwijl het vorige scherm nog vooraan stond, maar pas
        terugkomt nadat een ander scherm geopend is ('a' en meteen de tekst erachteraan),
        gaat naar het nieuwe scherm in plaats van daar een toets van de app te zijn (een
        spatie pauzeerde dan de klok en de tekst was weg)."""
        if isinstance(event, events.Key):
            if not event.is_forwarded:
                event._vergadering_scherm = self.screen  # type: ignore[attr-defined]
            else:
                scherm = getattr(event, "_vergadering_scherm", None)
                if scherm is not None and scherm is not self.screen:
                    event.stop()
                    doel = self.screen.focused or self.screen
                    nieuw = events.Key(event.key, event.character)
                    nieuw._vergadering_scherm = self.screen  # type: ignore[attr-defined]
                    # _forward_event: zo weet de app dat deze toets al doorgegeven is.
                    doel._forward_event(nieuw)
                    return
        await super().on_event(event)

    # --- tijd ------------------------------------------------------------------------

    def vandaag(self) -> date:
        """De datum van vandaag (vast in tests)."""
        return self._vandaag or datetime.fromtimestamp(self.klok()).date()

    # --- opstarten -------------------------------------------------------------------

    def _registreer_themas(self) -> None:
        from . import thema

        for t in thema.THEMAS:
            self.register_theme(t)

    def get_default_screen(self) -> Screen:
        """Het startscherm is het onderste scherm: één scherm minder om op te bouwen."""
        from .start import StartScherm

        return StartScherm()

    def on_load(self) -> None:
        # Zo vroeg als kan (de app draait, het eerste scherm wordt nog opgebouwd): lees wat
        # het startscherm laat zien. Niet in __init__: tot run() mag de opslag nog veranderen.
        # Alles wat tot nu toe geladen is (Textual en onze modules, honderdduizenden objecten)
        # blijft: buiten de garbage collector, anders loopt een volledige ronde die vlak na
        # het opstarten allemaal na (13–37 ms stilstand vlak voor het beeld met gegevens).
        gc.freeze()
        self._lus = asyncio.get_running_loop()
        # De volger vóór het lezen: wat daarna elders bewaard wordt, komt zo zeker in beeld.
        self._volger = self.opslag.volger()
        self.startgegevens = in_draad(self._lees_start, "startgegevens")

    def on_mount(self) -> None:
        self._lus = asyncio.get_running_loop()
        if self._volger is None:
            self._volger = self.opslag.volger()
        self.set_interval(VOLG_INTERVAL, self._kijk_elders, name="volgen")
        # Op een database meldt de server een wijziging meteen: dan niet op de ronde wachten.
        self._volger.wek(lambda: self._vanuit_draad(self._kijk_elders))
        # Ligt er nog een lokaal journaal van een vorige keer (de server was weg): zeggen,
        # en afspelen zodra de server er is.
        vorige_keer = self.bewaarder.journaal_van_vorige_keer()
        if vorige_keer is not None:
            self._toon_offline(vorige_keer)
            self.bewaarder.start_herstel()
        self._controleer_grootte(self.size.width, self.size.height)
        if self._avg:
            self.run_worker(self._avg_dagelijks, thread=True, group="avg", name="avg",
                            exit_on_error=False)

    def _avg_dagelijks(self) -> None:
        """De bewaartermijn van contactgegevens (één keer per dag, zie vergadering/avg.py),
        pas als het overzicht gelezen en doorgegeven is: bij dertig jaar leest dat alle
        signalen (~1,7 s), en het opstarten mag daar niet op wachten. Met een eigen Opslag,
        zoals een ander proces: wat het verandert, komt via de volger binnen."""
        from vergadering import avg

        if self.startgegevens is not None:
            self.startgegevens.result()
        self.call_from_thread(lambda: None)  # de lus heeft het overzicht verwerkt
        avg.dagelijks(self.opslag.apart(), self.vandaag())

    # --- gegevens ---------------------------------------------------------------------

    def _lees_start(self) -> Startgegevens:
        """De wijkverbanden en het overzicht van het eerste (op naam), zoals het startscherm
        begint. Draait in een eigen draad."""
        try:
            with self.bewaarder.stil():
                wijkverbanden = self.opslag.wijkverbanden()
        except VergaderingFout as fout:
            return Startgegevens([], fout=str(fout))
        start = Startgegevens(wijkverbanden)
        if wijkverbanden:
            try:
                start.overzicht = self.lees_overzicht(wijkverbanden[0])
            except VergaderingFout as fout:
                start.overzicht_fout = str(fout)
        return start

    def lees_overzicht(self, wijkverband: Wijkverband) -> tuple[Overzicht, list[str]]:
        """Het overzicht van een wijkverband en zijn regels tekst (zie ``overzicht_van``:
        alleen wat veranderd is, wordt gelezen). Mag vanuit een achtergronddraad."""
        from vergadering.overzicht import overzicht_van

        with self.bewaarder.stil():
            overzicht = overzicht_van(self.opslag, wijkverband, self.vandaag())
        return overzicht, overzicht.meldingen()

    def laad_vooraf(self, wijkverband_id: str) -> Future:
        """Begin in een achtergronddraad te lezen wat een vergadering van dit wijkverband
        nodig heeft (bij s: terwijl het formulier open staat); ``laad`` haalt het op."""
        bezig = self._laden.get(wijkverband_id)
        if bezig is None or (bezig.done() and bezig.exception() is not None):
            bezig = self._laden[wijkverband_id] = in_draad(
                lambda: self._lees_gegevens(wijkverband_id), "vergadergegevens"
            )
        return bezig

    def vergeet_vooraf(self, wijkverband_id: str) -> None:
        """Wat ``laad_vooraf`` las, is niet meer nodig (het formulier werd gesloten): later
        opnieuw lezen, dan is het niet verouderd."""
        self._laden.pop(wijkverband_id, None)

    def _lees_gegevens(self, wijkverband_id: str) -> Gegevens:
        with self.bewaarder.stil():
            return Gegevens(
                self.opslag.signalen(wijkverband_id), self.opslag.acties(wijkverband_id)
            )

    def laad(self, wijkverband_id: str, opnieuw: bool = False) -> Gegevens:
        """De signalen en acties van een wijkverband: wat ``laad_vooraf`` las
        (erop wachtend als dat nog bezig is), anders uit het geheugen of nu gelezen. Vanuit
        de hoofddraad."""
        bezig = self._laden.pop(wijkverband_id, None)
        if bezig is not None:
            gegevens = bezig.result()  # een leesfout komt hier als VergaderingFout
        elif opnieuw or wijkverband_id not in self.gegevens:
            gegevens = self._lees_gegevens(wijkverband_id)
        else:
            return self.gegevens[wijkverband_id]
        self.gegevens[wijkverband_id] = gegevens
        return gegevens

    def bevries_gegevens(self) -> None:
        """Haal wat nu in het geheugen staat (jaren aan signalen, acties, vergaderingen) uit
        de rondes van de garbage collector: die liep anders elke paar honderd toetsen al
        die objecten na, 40 tot 85 ms waarin het scherm niet reageert. Wat zonder kringen
        vrijkomt, ruimt Python gewoon op; dit kost niets (geen extra ronde)."""
        gc.freeze()

    # --- de vergadering --------------------------------------------------------------

    def begin_vergadering(self, wijkverband: Wijkverband, keuzes: dict) -> None:
        """Maak een nieuwe vergadering, start de klok en open het vergaderscherm."""
        from vergadering.sessie import Sessie
        from vergadering.vergadering import nieuwe_vergadering

        gegevens = self.laad(wijkverband.id)
        with self.bewaarder.stil():
            vergadering_id = self.opslag.nieuw_vergadering_id(wijkverband.id, keuzes["datum"])
        vergadering = nieuwe_vergadering(
            wijkverband,
            vergadering_id,
            keuzes["datum"],
            plaats=keuzes["plaats"],
            aanwezigheid=keuzes["aanwezigheid"],
            voorzitter=keuzes["voorzitter"],
            notulist=keuzes["notulist"],
        )
        sessie = Sessie(
            wijkverband, vergadering, gegevens.signalen, gegevens.acties, self.bewaarder,
            self.klok,
        )
        sessie.start()
        self.notify("De vergadering is begonnen; de klok loopt.", markup=False)
        self._open(sessie)

    def hervat_vergadering(self, wijkverband: Wijkverband, vergadering_id: str) -> None:
        """Ga verder met een onafgemaakte vergadering, in dezelfde fase, met de juiste tijd."""
        from vergadering.agenda import waar
        from vergadering.sessie import Sessie

        gegevens = self.laad(wijkverband.id)
        with self.bewaarder.stil():
            vergadering = self.opslag.vergadering(wijkverband.id, vergadering_id)
        sessie = Sessie(
            wijkverband, vergadering, gegevens.signalen, gegevens.acties, self.bewaarder,
            self.klok,
        )
        sessie.log("Vergadering hervat.")
        sessie.bewaar()
        self.notify(
            f"Verder met de vergadering in {waar(vergadering)}.",
            markup=False,
        )
        self._open(sessie)

    def heropen_vergadering(self, wijkverband: Wijkverband, vergadering_id: str, wie: str,
                            reden: str) -> None:
        """Heropen een gesloten vergadering (zie ``Correcties.heropen``) en open haar, in de
        laatste fase; opnieuw sluiten geeft een nieuw mapje naast het oude."""
        from vergadering.correcties import Correcties
        from vergadering.sessie import Sessie

        gegevens = self.laad(wijkverband.id)
        with self.bewaarder.stil():
            vergadering = self.opslag.vergadering(wijkverband.id, vergadering_id)
        sessie = Sessie(
            wijkverband, vergadering, gegevens.signalen, gegevens.acties, self.bewaarder,
            self.klok,
        )
        Correcties(sessie).heropen(wie, reden)
        self.notify("De vergadering is heropend. Herstel wat nodig is en sluit opnieuw met x "
                    "in fase 3; dan komt er een nieuw mapje.", markup=False, timeout=8)
        self._open(sessie)

    def _open(self, sessie: Sessie) -> None:
        from .vergaderscherm import VergaderScherm

        self.sessie = sessie
        self.push_screen(VergaderScherm(sessie))
        self.refresh_bindings()
        self.bevries_gegevens()

    def vergadering_gesloten(self) -> None:
        """Na het sluiten: terug naar het startscherm, en het mapje aanbieden."""
        sessie = self.sessie
        if sessie is None:
            return
        self.sessie = None
        self.gegevens.pop(sessie.wijkverband.id, None)
        from .vergaderscherm import VergaderScherm

        while self._op_stapel(VergaderScherm):
            self.pop_screen()
        self.refresh_bindings()
        start = self.screen
        if hasattr(start, "vernieuw"):
            start.vernieuw()
        self.bied_mapje_aan(sessie.wijkverband.id, sessie.vergadering.id)

    def _op_stapel(self, soort: type) -> bool:
        return any(isinstance(s, soort) for s in self.screen_stack)

    def bied_mapje_aan(self, wijkverband_id: str, vergadering_id: str) -> None:
        """Bied aan het mapje (verslag, actielijst, terugkoppeling, afspraken) te maken."""
        try:
            from vergadering.export import maak_mapje  # noqa: F401
        except ImportError:
            self.notify("De vergadering is gesloten en bewaard.", markup=False)
            return
        from .bevestig import Bevestig

        def antwoord(ja: bool | None) -> None:
            if ja:
                self.maak_mapje(wijkverband_id, vergadering_id)

        self.push_screen(
            Bevestig("De vergadering is gesloten en bewaard. Nu het mapje maken met verslag, "
                     "actielijst, terugkoppeling en participatieafspraken?"),
            antwoord,
        )

    def maak_mapje(self, wijkverband_id: str, vergadering_id: str,
                   keuzes: dict[str, str] | None = None) -> None:
        """Maak het mapje in een achtergronddraad; meld waar het staat. Is de privacycheck
        niet af, dan eerst het scherm daarvan (``keuzes``: wat de notulist daar koos)."""

        def werk() -> None:
            from vergadering.export import exporteer
            from vergadering.privacycheck import PrivacyOnbeslist, bewaar_keuzes

            # Wijzigingen staan al op schijf (bewaren gebeurt vóór het tonen).
            try:
                if keuzes:
                    bewaar_keuzes(self.opslag, wijkverband_id, vergadering_id, keuzes)
                uitkomst = exporteer(
                    self.opslag, wijkverband_id, vergadering_id, doelmap=self.mapjes,
                    vandaag=self.vandaag(),
                )
            except PrivacyOnbeslist as fout:
                self.call_from_thread(self.privacycheck, wijkverband_id, vergadering_id, fout)
            except VergaderingFout as fout:
                self.call_from_thread(self.notify, str(fout), severity="error", markup=False)
            except OSError as fout:
                self.call_from_thread(
                    self.notify,
                    f"Het mapje kon niet gemaakt worden ({oorzaak(fout)}); controleer "
                    "de map en probeer het opnieuw met ctrl+p, 'Mapje maken'.",
                    severity="error",
                    markup=False,
                )
            else:
                self.call_from_thread(self.notify, uitkomst.melding, markup=False, timeout=15)

        self.notify("Het mapje wordt gemaakt…", markup=False)
        self.run_worker(werk, thread=True, group="mapje", name="mapje")

    def action_privacycheck(self) -> None:
        """De privacycheck tijdens de vergadering: de keuzes gelden meteen op de beamer (wat
        onbeslist is, staat daar nooit) en straks in het mapje."""
        sessie = self.sessie
        if sessie is None:
            return
        from .formulieren.privacycheck import PrivacyCheck

        def klaar(keuzes: dict[str, str] | None) -> None:
            if keuzes and self.sessie is sessie:
                try:
                    sessie.zet_privacykeuzes(keuzes)
                except VergaderingFout as fout:
                    self.notify(str(fout), severity="error", markup=False)
                    return
                self._ververs()
                self.notify("De keuzes van de privacycheck zijn bewaard.", markup=False)

        def toon(vondsten: list, keuzes: dict[str, str]) -> None:
            if not vondsten:
                self.notify("De privacycheck vond niets dat op persoonsgegevens lijkt.",
                            markup=False)
                return
            self.push_screen(PrivacyCheck(vondsten, keuzes), klaar)

        def werk() -> None:
            from vergadering.export.controle import privacycheck

            try:
                vondsten, keuzes = privacycheck(self.opslag, sessie.wijkverband.id,
                                                sessie.vergadering.id)
            except VergaderingFout as fout:
                self.call_from_thread(self.notify, str(fout), severity="error", markup=False)
            else:
                self.call_from_thread(toon, vondsten, keuzes)

        self.run_worker(werk, thread=True, group="privacycheck", name="privacycheck")

    def privacycheck(self, wijkverband_id: str, vergadering_id: str, fout: Any) -> None:
        """Het scherm van de privacycheck; na 'Klaar' worden de keuzes bewaard en komt het
        mapje alsnog (``fout``: de ``PrivacyOnbeslist`` van de export)."""
        from .formulieren.privacycheck import PrivacyCheck

        def klaar(keuzes: dict[str, str] | None) -> None:
            if keuzes is None:
                self.notify("Het mapje is niet gemaakt: de privacycheck is niet afgemaakt.",
                            markup=False)
                return
            self.maak_mapje(wijkverband_id, vergadering_id, keuzes)

        self.push_screen(PrivacyCheck(fout.alle, fout.keuzes), klaar)

    # --- de klok en de beamer: acties van de app ---------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in self.KLOKACTIES:
            return self.sessie is not None and not self.sessie.vergadering.gesloten
        return True

    def _ververs(self) -> None:
        """Teken het actieve scherm (en het vergaderscherm eronder) opnieuw."""
        from .vergaderscherm import VergaderScherm

        for scherm in self.screen_stack:
            if isinstance(scherm, VergaderScherm) and scherm is not self.screen:
                scherm.ververs()
        ververs = getattr(self.screen, "ververs", None)
        if callable(ververs):
            ververs()

    def _klokhandeling(self, doe: Callable[[Sessie], object]) -> tuple[bool, object]:
        """Voer een klokhandeling uit op de lopende vergadering en teken opnieuw;
        geeft (gedaan, uitkomst) terug."""
        if self.sessie is None or self.sessie.vergadering.gesloten:
            return False, None
        try:
            uitkomst = doe(self.sessie)
        except VergaderingFout as fout:
            self.notify(str(fout), severity="error", markup=False)
            return False, None
        self._ververs()
        return True, uitkomst

    def action_pauze(self) -> None:
        """Pauzeer de klok, of laat hem weer lopen."""
        gedaan, loopt = self._klokhandeling(lambda s: s.pauze_of_hervat())
        if gedaan:
            self.notify("De klok loopt weer." if loopt else "De klok staat stil.",
                        markup=False, timeout=2)

    def action_minuut_erbij(self) -> None:
        """Eén minuut extra voor deze fase."""
        gedaan, _ = self._klokhandeling(lambda s: s.minuut_erbij())
        if gedaan:
            self.notify("Eén minuut erbij.", markup=False, timeout=2)

    def action_volgende_fase(self) -> None:
        """Naar de volgende fase (alleen als de voorzitter dat kiest)."""
        gedaan, gelukt = self._klokhandeling(lambda s: s.naar_fase(1))
        if gedaan and not gelukt:
            self.notify("Dit is de laatste fase; sluit de vergadering met x.", markup=False)

    def action_vorige_fase(self) -> None:
        """Terug naar de vorige fase; die telt verder vanaf de tijd die al gebruikt was."""
        gedaan, gelukt = self._klokhandeling(lambda s: s.naar_fase(-1))
        if gedaan and not gelukt:
            self.notify("Dit is de eerste fase.", markup=False)

    def action_beamer(self) -> None:
        """Wissel naar de beamerweergave voor de zaal."""
        if self.sessie is None:
            return
        from .beamer import BeamerInhoud, BeamerScherm

        sessie = self.sessie

        def inhoud() -> BeamerInhoud:
            return BeamerInhoud(
                wijkverband_naam=sessie.wijkverband.naam,
                vergadering=sessie.vergadering,
                signalen=sessie.signalen,
                acties=sessie.acties,
                wijkverband=sessie.wijkverband,
            )

        if isinstance(self.screen, BeamerScherm):
            self.screen.dismiss()
            return
        self.push_screen(BeamerScherm(inhoud, sessie.agendaklok))

    # --- wat andere processen bewaren -------------------------------------------------

    def _kijk_elders(self) -> None:
        """Kijk (één stat) of een ander proces iets bewaarde; zo ja, verwerk het."""
        if self._volger is None:
            return
        nieuw = self._volger.nieuw()
        if nieuw == [] and self._te_volgen == []:
            return
        if nieuw is None or self._te_volgen is None:
            self._te_volgen = None
        else:
            self._te_volgen = self._te_volgen + nieuw
        if not self._volgen_bezig:
            self._verwerk_elders()

    def _verwerk_elders(self) -> None:
        """Verwerk wat de volger zag: verouderde gegevens vergeten, en het scherm bijwerken
        (het lezen in een werkdraad, het overnemen in de hoofddraad)."""
        wijzigingen, self._te_volgen = self._te_volgen, []
        self._vergeet_gegevens(wijzigingen)
        sessie = self.sessie
        if sessie is None or sessie.vergadering.gesloten:
            from .start import StartScherm

            start = self.screen_stack[0] if self.screen_stack else None
            if isinstance(start, StartScherm):
                start.volg(wijzigingen)
            for scherm in self.screen_stack[1:]:  # signalen en opvolging (tussendoor)
                volg = getattr(scherm, "volg_elders", None)
                if callable(volg):
                    volg(wijzigingen)
            return
        from .start import na_afloop

        self._volgen_bezig = True
        toekomst = in_draad(lambda: sessie.lees_elders(wijzigingen), "volgen")
        na_afloop(toekomst, partial(self._elders_gelezen, sessie))

    def _elders_gelezen(self, sessie: Sessie, klaar: Future) -> None:
        self._volgen_bezig = False
        try:
            elders = klaar.result()
        except VergaderingFout as fout:
            # Bijvoorbeeld een vak dat net beschadigd raakte: het eigen werk gaat gewoon door.
            self.notify(str(fout), severity="warning", markup=False)
            elders = None
        except OSError:
            elders = None  # even niet te lezen: de volgende wijziging probeert het weer
        if sessie is self.sessie and elders is not None:
            bijgewerkt = sessie.pas_toe(elders)
            if bijgewerkt:
                self._ververs()
                melding = bijgewerkt.melding()
                if melding:
                    self.notify(melding, markup=False, timeout=5)
        if self._te_volgen != []:
            self._verwerk_elders()  # intussen kwam er meer

    def _vergeet_gegevens(self, wijzigingen: list[Wijziging] | None) -> None:
        """Wat voor een volgende vergadering gelezen was, is na een wijziging elders verouderd:
        opnieuw lezen (een vooraf gestart lezen begint opnieuw)."""
        geraakt = {w.wijkverband for w in wijzigingen or ()}
        for wv in list(self.gegevens) + list(self._laden):
            if wijzigingen is None or wv in geraakt or "*" in geraakt:
                self.gegevens.pop(wv, None)
                if self._laden.pop(wv, None) is not None:
                    self.laad_vooraf(wv)

    def _vernieuw_start(self) -> None:
        """Het startscherm opnieuw (na een samengevoegd of gekozen wijkverband)."""
        from .start import StartScherm

        start = self.screen_stack[0] if self.screen_stack else None
        if isinstance(start, StartScherm):
            start.volg(None)

    def _meld_samengevoegd(self, objecten: list[Any]) -> None:
        self._vanuit_draad(self._toon_samengevoegd)

    def _toon_samengevoegd(self) -> None:
        if self.sessie is not None:
            self.sessie.elders_samengevoegd()
            self._ververs()
        else:
            self._vernieuw_start()
        self.notify(
            "Een ander venster wijzigde hetzelfde; beide wijzigingen zijn samengevoegd en "
            "bewaard.",
            markup=False,
            timeout=4,
        )

    def _meld_conflict(self, vraag: Tegenstrijdig) -> None:
        self._vanuit_draad(self._vraag_voorzitter, vraag)

    def _vraag_voorzitter(self, vraag: Tegenstrijdig) -> None:
        """Vraag per tegenstrijdig veld welke waarde blijft (één vraag tegelijk), en bewaar
        daarna met die keuzes."""
        self._vragen.append(vraag)
        if len(self._vragen) == 1:
            self._volgende_vraag({})

    def _volgende_vraag(self, keuzes: dict) -> None:
        from vergadering.samenvoegen import vraag_in_woorden

        from .kies_waarde import KiesWaarde

        vraag = self._vragen[0]
        open_ = [c for c in vraag.conflicten if c.pad not in keuzes]
        if not open_:
            self._vragen.pop(0)
            self.bewaarder.beslis(vraag, keuzes)
            if self.sessie is not None:
                self.sessie.elders_samengevoegd()
                self._ververs()
            else:
                self._vernieuw_start()
            if self._vragen:
                self._volgende_vraag({})
            return
        conflict = open_[0]
        zin, mijn, hun = vraag_in_woorden(vraag.obj, conflict, self._signaaltekst)

        def gekozen(keuze: str | None) -> None:
            from vergadering.samenvoegen import MIJN

            self._volgende_vraag({**keuzes, conflict.pad: keuze or MIJN})

        self.push_screen(KiesWaarde(zin, mijn, hun), gekozen)

    def _signaaltekst(self, signaal_id: str) -> str:
        """Een korte omschrijving van een signaal voor een vraag (zonder gegevens van
        bewoners: zie ``vraag_in_woorden``)."""
        if self.sessie is not None:
            from vergadering.privacy import maskeerder_voor

            try:
                signaal = self.sessie.signaal(signaal_id)
            except VergaderingFout:
                return signaal_id
            return maskeerder_voor([signaal])(signaal.tekst)
        return signaal_id

    # --- bewaren en fouten -----------------------------------------------------------

    def _vanuit_draad(self, doe: Callable[..., object], *args: object) -> None:
        """Laat de hoofddraad iets doen, zonder erop te wachten; werkt vanuit elke draad
        (de bewaarder meldt uit de hoofddraad en uit een werkdraad)."""
        lus = self._lus
        if lus is not None and not lus.is_closed():
            lus.call_soon_threadsafe(self._als_app, doe, *args)

    def _als_app(self, doe: Callable[..., object], *args: object) -> None:
        # Vanuit een werkdraad (het afspelen van het lokale journaal) kent de lus deze app
        # niet als de actieve: een scherm openen (KiesWaarde) zou dan mislukken.
        from textual._context import active_app

        active_app.set(self)
        doe(*args)

    def _meld_opslagfout(self, melding: str) -> None:
        self._vanuit_draad(self._toon_opslagfout, melding)

    def _toon_opslagfout(self, melding: str) -> None:
        self.notify(
            melding + " Alles staat nog in het geheugen; ctrl+s probeert het opnieuw.",
            title="Niet opgeslagen",
            severity="error",
            markup=False,
            timeout=10,
        )
        self.sub_title = "NIET OPGESLAGEN — ctrl+s"

    def _meld_offline(self, melding: str) -> None:
        self._vanuit_draad(self._toon_offline, melding)

    def _toon_offline(self, melding: str) -> None:
        """De server is weg (of het afspelen lukt nog niet): de vergadering gaat door, alles
        staat in het lokale journaal. De kop zegt het zolang het duurt."""
        self.notify(melding, title="Geen verbinding", severity="warning", markup=False,
                    timeout=10)
        self.sub_title = GEEN_VERBINDING_KOP

    def _meld_onderweg(self) -> None:
        self._vanuit_draad(self._toon_onderweg)

    def _toon_onderweg(self) -> None:
        """Een commit past niet in een beeldje (de database antwoordt niet meteen): de
        wijziging staat al veilig op deze laptop; de kop zegt dat ze nog bewaard wordt."""
        if self.sub_title != GEEN_VERBINDING_KOP:
            self.sub_title = WORDT_BEWAARD_KOP

    def _meld_afgespeeld(self) -> None:
        self._vanuit_draad(self._toon_afgespeeld)

    def _toon_afgespeeld(self) -> None:
        """Het lokale journaal staat in de database: zeggen, en alles opnieuw lezen (daar
        staan nu ook de wijzigingen die anderen intussen deden, samengevoegd)."""
        self.bewaarder.haal_versies_in()
        if self.sub_title == WORDT_BEWAARD_KOP:
            # Alleen even geen antwoord: nu staat het er.
            self.sub_title = ""
            self.notify("Bewaard in de database.", markup=False, timeout=3)
        else:
            if self.sub_title == GEEN_VERBINDING_KOP:
                self.sub_title = ""
            self.notify("De verbinding is terug; alle wijzigingen staan nu in de database.",
                        markup=False, timeout=6)
        self._te_volgen = None  # de volgende keer kijken (_kijk_elders) leest alles opnieuw

    def on_unmount(self) -> None:
        self.bewaarder.stop()

    def _meld_opgeslagen(self) -> None:
        while self.opslag.waarschuwingen:  # bijvoorbeeld: de schijf is bijna vol
            zin = self.opslag.waarschuwingen.pop(0)
            self._vanuit_draad(partial(self.notify, zin, title="Let op", severity="warning",
                                       markup=False, timeout=15))
        if (self.sub_title and self.bewaarder.onopgeslagen == 0
                and not self.bewaarder.offline):
            self._vanuit_draad(setattr, self, "sub_title", "")

    def action_opnieuw_opslaan(self) -> None:
        """Probeer alles wat niet bewaard kon worden opnieuw (en bewaar de vergadering)."""
        if self._vragen:
            self.notify("Kies eerst welke waarde blijft staan; daarna wordt alles bewaard.",
                        markup=False)
            return
        if self.bewaarder.onderweg:
            self.notify("De database antwoordt nog niet; uw wijzigingen staan veilig op deze "
                        "laptop en worden bewaard zodra ze antwoordt.", markup=False)
            return
        if self.bewaarder.offline:
            self.bewaarder.probeer_nu()
            self.notify("Nog geen verbinding met de database; alles staat veilig op deze laptop "
                        "en wordt bewaard zodra die terug is.", markup=False)
            return
        aantal = self.bewaarder.opnieuw()
        if self.sessie is not None:
            self.sessie.bewaar()
        if not self.bewaarder.onopgeslagen:  # anders is de fout al gemeld
            self.sub_title = ""
            self.notify(
                f"Opgeslagen ({aantal} wijziging(en) alsnog)." if aantal
                else "Alles is opgeslagen.",
                markup=False,
            )

    async def action_quit(self) -> None:
        """Afsluiten; eerst wachten tot alles bewaard is, en waarschuwen als dat niet lukte."""
        if not self.bewaarder.onderweg:
            # Loopt er een commit zonder antwoord, dan niet wachten: die wijziging staat al
            # in het lokale journaal (en wordt de volgende keer afgespeeld).
            self.bewaarder.wacht(10)
        if self.bewaarder.onopgeslagen:
            from .bevestig import Bevestig

            def antwoord(toch: bool | None) -> None:
                if toch:
                    self.exit()

            self.push_screen(
                Bevestig(
                    f"{self.bewaarder.onopgeslagen} wijziging(en) konden niet opgeslagen worden "
                    f"({self.bewaarder.laatste_fout}) Toch afsluiten? Dan gaan ze verloren.",
                    ja="Toch afsluiten",
                    nee="Terug",
                ),
                antwoord,
            )
            return
        self.exit()

    # --- venster te klein ------------------------------------------------------------

    def on_resize(self, event: events.Resize) -> None:
        self._controleer_grootte(event.size.width, event.size.height)

    def _controleer_grootte(self, breedte: int, hoogte: int) -> None:
        from .te_klein import MIN_BREEDTE, MIN_HOOGTE, TeKleinScherm

        te_klein = breedte < MIN_BREEDTE or hoogte < MIN_HOOGTE
        if te_klein and self._te_klein is None:
            self._te_klein = TeKleinScherm()
            self.push_screen(self._te_klein)
        elif not te_klein and self._te_klein is not None:
            scherm, self._te_klein = self._te_klein, None
            if self.screen is scherm:
                self.pop_screen()
            elif scherm in self.screen_stack:
                scherm.dismiss()

    # --- commandopalet ---------------------------------------------------------------

    def commandos(self, scherm: Any) -> Iterator[Commando]:
        """De commando's voor het palet: die van de app en die van het scherm."""
        if self.sessie is not None and not self.sessie.vergadering.gesloten:
            yield ("Klok pauzeren of hervatten", "spatie", self.action_pauze)
            yield ("Eén minuut erbij", "+", self.action_minuut_erbij)
            yield ("Volgende fase", "n", self.action_volgende_fase)
            yield ("Vorige fase", "v", self.action_vorige_fase)
            yield ("Beamer aan of uit", "b: de weergave voor de zaal", self.action_beamer)
        if self.sessie is not None:
            yield ("Privacycheck", "namen, adressen en nummers in de stukken nalopen: behouden "
                   "of maskeren (ook voor de beamer)", self.action_privacycheck)
        yield ("Opnieuw opslaan", "ctrl+s: wat niet opgeslagen kon worden nog eens",
               self.action_opnieuw_opslaan)
        extra = getattr(scherm, "commandos", None)
        if callable(extra):
            yield from extra()
        yield ("Stoppen", "ctrl+q: de app sluiten; wat bevestigd is, staat opgeslagen",
               self.action_quit)

    def action_command_palette(self) -> None:
        """Open het commandopalet (in het Nederlands)."""
        from .commandos import Palet

        if self.use_command_palette and not Palet.is_open(self):
            self.push_screen(Palet())


def start_app(opslag: Opslag) -> int:
    """Start de app op deze opslag; geeft de uitgangscode terug."""
    app = VergaderingApp(opslag, avg=True)
    app.run()
    if not app.bewaarder.onderweg:  # anders staat het al in het lokale journaal
        app.bewaarder.wacht(30)
    if app.bewaarder.offline and app.bewaarder.journaal is not None:
        import sys

        from vergadering.opslag.offline import melding_bij_start

        zin = melding_bij_start(app.bewaarder.journaal)
        if zin:
            print(f"vergadering: {zin}", file=sys.stderr)
    return 0 if not app.bewaarder.onopgeslagen else 1
