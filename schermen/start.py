"""Het startscherm: kies of maak een wijkverband, zie wat er wacht, begin of hervat.

Bij het opstarten heeft de app de wijkverbanden en het overzicht van het eerste al in een
eigen draad gelezen (``VergaderingApp.startgegevens``, uit de afgeleide index: milliseconden);
is dat er bij het eerste beeld nog niet, dan komt het zodra het klaar is. Een ander
wijkverband kiezen leest zijn overzicht in een achtergronddraad.
"""

from __future__ import annotations

import asyncio
import contextvars
from collections.abc import Callable, Iterator
from concurrent.futures import Future, wait
from contextlib import suppress
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from vergadering.fouten import VergaderingFout
from vergadering.tekst import een_regel

if TYPE_CHECKING:
    from datetime import date

    from vergadering.opslag.wijzigingen import Wijziging
    from vergadering.overzicht import Overzicht, Vergaderkern
    from vergadering.tussendoor import Tussendoor
    from vergadering.wijkverband import Wijkverband

    from .app import Startgegevens, VergaderingApp


# Hoe lang het startscherm bij het opstarten op het overzicht wacht voordat het zonder tekent.
WACHT_OP_OVERZICHT = 0.25


ALLEEN_LEZEN = ("Alleen lezen: uw databaserol mag dit wijkverband bekijken maar niet "
                "wijzigen; vraag de beheerder om toegang (vergadering database rol) als u hier "
                "vergadert.")


class Voetregel(Footer):
    """De Footer, die alleen opnieuw opgebouwd wordt als er iets anders te tonen is.

    Textual bouwt de Footer opnieuw op na elke melding dat de toetsen veranderd kunnen zijn
    (focus, schermstapel, ``refresh_bindings``); bij het opstarten komen er vier vlak na
    elkaar, met elk een opbouw en een beeld, terwijl er maar één keer iets verandert.

    Compact, met één spatie vóór elke toets: zo past alles wat er staat op 80 kolommen.
    """

    DEFAULT_CSS = """
    Voetregel FooterKey.-compact .footer-key--key {
        padding: 0 0 0 1;
    }
    """

    _gepland = False
    _getoond: tuple | None = None

    def _inhoud(self) -> tuple:
        return tuple(
            (b.key, b.description, aan)
            for _, b, aan, _ in self.screen.active_bindings.values() if b.show
        )

    def bindings_changed(self, screen: Screen) -> None:
        if self._gepland or (
            self._getoond is not None and screen is self.screen
            and self._inhoud() == self._getoond
        ):
            self._bindings_ready = True
            return
        super().bindings_changed(screen)
        # Footer plant de opbouw alleen als de app de focus heeft en dit zijn scherm is.
        self._gepland = bool(self.app.app_focus and self.is_attached and screen is self.screen)

    def compose(self) -> ComposeResult:
        self._gepland = False
        self._getoond = self._inhoud() if self._bindings_ready else None
        yield from super().compose()


class StartScherm(Screen[None]):
    """Kies een wijkverband en begin (of hervat) een vergadering."""

    BINDINGS = [
        Binding("s", "start", "Starten"),
        Binding("h", "hervat", "Hervatten"),
        # Wat minder vaak nodig is, staat onder ctrl+p (Meer): zo past de regel op 80
        # kolommen, ook met Hervatten erbij. Zonder wijkverband zegt het scherm zelf 'druk n'.
        Binding("n", "nieuw", "Nieuw", show=False),
        Binding("e", "bewerk", "Bewerken", show=False),
        Binding("q", "app.quit", "Stoppen"),  # hoe je stopt, moet altijd te zien zijn
        # Tussen de vergaderingen: signalen ophalen en de acties opvolgen.
        Binding("l", "signalen", "Signalen"),
        Binding("o", "opvolging", "Opvolging"),
        Binding("i", "instellingen", "Instellingen", show=False),
        Binding("a", "afspraken", "Afspraken", show=False),
        Binding("g", "agenda", "Agenda", show=False),
        Binding("r", "heropen", "Heropenen", show=False),
        Binding("t", "eindtekst", "Eindtekst", show=False),
        Binding("m", "impact", "Impact"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.wijkverbanden: list[Wijkverband] = []
        self.gekozen: Wijkverband | None = None
        self.overzicht: Overzicht | None = None
        # Waarom het overzicht van het gekozen wijkverband niet gelezen kon worden (dan
        # helpt wachten niet: s zegt dit opnieuw in plaats van 'even geduld').
        self.leesfout: str | None = None
        self._aangeboden: set[str] = set()
        self._verouderd = False  # elders gewijzigd terwijl een ander scherm erboven stond
        self.impactregels: Text | None = None  # per pijn een regel, na het overzicht
        self._impact_van: str | None = None  # van welk wijkverband de impactregels zijn
        self._impactcijfers: object = None  # en de cijfers erachter (voor het impactscherm)
        self._overzichttekst = ""  # het overzicht waar de impactregels bij horen

    @property
    def vapp(self) -> VergaderingApp:
        """De app, met haar eigen type."""
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        # Weinig widgets: dit scherm moet er bij het opstarten snel staan.
        yield Header(icon="◆")
        with Horizontal(id="start"):
            lijst = OptionList(id="wijkverbanden")
            lijst.border_title = "Wijkverbanden"
            yield lijst
            with VerticalScroll(id="start-rechts"):
                yield Static("", id="overzicht", markup=False)
        yield Voetregel(compact=True)

    def on_mount(self) -> None:
        start = self.vapp.startgegevens
        if start is None:  # de app is zonder on_load gestart
            self.vernieuw()
            return
        # Uit de index kost het overzicht milliseconden: even wachten (dan heeft de leesdraad
        # de processor voor zich alleen) geeft meteen een eerste beeld mét gegevens, in plaats
        # van een leeg beeld en een tweede opbouw. Duurt het langer (de eerste keer wordt de
        # index gemaakt), dan komt het overzicht zodra het klaar is.
        wait([start], timeout=WACHT_OP_OVERZICHT)
        if start.done():
            self._begin(start)
        else:
            self._toon_tekst("Vergadering", "Even geduld: de gegevens worden gelezen…")
            na_afloop(start, self._begin)

    def on_screen_resume(self) -> None:
        if self._verouderd:
            self._verouderd = False
            self.volg(None)

    def _begin(self, klaar: Future) -> None:
        """Toon wat de app bij het opstarten las (zie ``VergaderingApp._lees_start``)."""
        if not self.is_attached:
            return
        start: Startgegevens = klaar.result()
        if start.fout is not None:
            self._toon_leesfout(start.fout)
            return
        self._vul(start.wijkverbanden, None, overzicht=start.overzicht or start.overzicht_fout)

    # --- de lijst en het overzicht ----------------------------------------------------

    def vernieuw(self, kies_id: str | None = None) -> None:
        """Lees de wijkverbanden opnieuw en toon het overzicht van het gekozen."""
        kies_id = kies_id or (self.gekozen.id if self.gekozen else None)
        try:
            wijkverbanden = self.vapp.opslag.wijkverbanden()
        except VergaderingFout as fout:
            self._toon_leesfout(str(fout))
            return
        self._vul(wijkverbanden, kies_id)

    def volg(self, wijzigingen: list[Wijziging] | None) -> None:
        """Een ander proces bewaarde iets (zie ``VergaderingApp._kijk_elders``; None: kan
        alles zijn): de lijst opnieuw als de wijkverbanden veranderden, anders het overzicht
        van het gekozen wijkverband als dat geraakt is (in een werkdraad, zonder 'even
        geduld': het oude overzicht blijft staan tot het nieuwe er is)."""
        if not self.is_attached:
            return
        if self.app.screen is not self:
            # Een formulier of vraag staat erboven: bijwerken zodra dit scherm terug is.
            self._verouderd = True
            return
        soorten = {w.soort for w in wijzigingen or ()}
        geraakt = {w.wijkverband for w in wijzigingen or ()}
        if wijzigingen is None or soorten & {"wijkverbanden", "*"} or not self.wijkverbanden:
            self.vernieuw()
        elif self.gekozen is not None and (self.gekozen.id in geraakt or "*" in geraakt):
            self._laad_overzicht(self.gekozen)

    def _toon_leesfout(self, melding: str) -> None:
        self.wijkverbanden = []
        self._toon_tekst("De gegevens konden niet gelezen worden", melding)
        self.notify(melding, severity="error", markup=False)

    def _vul(
        self,
        wijkverbanden: list[Wijkverband],
        kies_id: str | None,
        overzicht: tuple[Overzicht, list[str]] | str | None = None,
    ) -> None:
        """Zet de wijkverbanden in de lijst en kies er een; ``overzicht`` (of de melding
        waarom het niet lukte) is al gelezen voor het eerste wijkverband."""
        self.wijkverbanden = wijkverbanden
        lijst = self.query_one("#wijkverbanden", OptionList)
        lijst.clear_options()
        lijst.add_options(Option(Text(een_regel(wv.naam)), id=wv.id) for wv in wijkverbanden)
        if not wijkverbanden:
            self.gekozen = None
            self._toon_tekst(
                "Welkom",
                "Er is nog geen wijkverband. Druk n om er een te maken: naam, leden met hun "
                "rol, partners en thema's.",
            )
            self.refresh_bindings()
            return
        index = next((i for i, wv in enumerate(wijkverbanden) if wv.id == kies_id), 0)
        wv = wijkverbanden[index]
        # Eerst gekozen, dan pas markeren: het bericht van de markering kiest dan niet nog eens.
        self.gekozen = wv
        lijst.highlighted = index
        lijst.focus()
        if isinstance(overzicht, tuple):
            self._toon_overzicht(wv, *overzicht)
        elif isinstance(overzicht, str):
            self._toon_fout(wv, overzicht)
        else:
            self._kies(wv)

    @on(OptionList.OptionHighlighted, "#wijkverbanden")
    def _gemarkeerd(self, event: OptionList.OptionHighlighted) -> None:
        wv = next((w for w in self.wijkverbanden if w.id == event.option.id), None)
        if wv is not None and (self.gekozen is None or wv.id != self.gekozen.id):
            self._kies(wv)

    @on(OptionList.OptionSelected, "#wijkverbanden")
    def _gekozen(self) -> None:
        self.action_start()

    def _kies(self, wv: Wijkverband) -> None:
        self.gekozen = wv
        self.overzicht = None
        self.leesfout = None
        self._toon_tekst(een_regel(wv.naam), "Even geduld: het overzicht wordt gelezen…")
        self.refresh_bindings()
        self._laad_overzicht(wv)

    @work(thread=True, exclusive=True, group="overzicht")
    def _laad_overzicht(self, wv: Wijkverband) -> None:
        try:
            overzicht, regels = self.vapp.lees_overzicht(wv)
        except VergaderingFout as fout:
            self.app.call_from_thread(self._toon_fout, wv, str(fout))
            return
        self.app.call_from_thread(self._toon_overzicht, wv, overzicht, regels)

    def _toon_fout(self, wv: Wijkverband, melding: str) -> None:
        if self.gekozen is not None and self.gekozen.id == wv.id:
            self.leesfout = melding
            self._toon_tekst(een_regel(wv.naam), melding)
            self.notify(melding, severity="error", markup=False)
            self.refresh_bindings()

    def _toon_overzicht(self, wv: Wijkverband, overzicht: Overzicht, regels: list[str]) -> None:
        if self.gekozen is None or self.gekozen.id != wv.id:
            return  # intussen een ander wijkverband gekozen
        self.overzicht = overzicht
        aanwezig = ", ".join(f"{een_regel(lid.naam)} ({lid.rol})" for lid in wv.leden[:12])
        if len(wv.leden) > 12:
            meer = len(wv.leden) - 12
            aanwezig += f" en nog {meer} {'lid' if meer == 1 else 'leden'}"
        if overzicht.alleen_lezen:
            tekst = f"{ALLEEN_LEZEN}\n\n"
        elif overzicht.onafgemaakte_vergadering is not None:
            tekst = "Druk h om verder te gaan met de onafgemaakte vergadering.\n\n"
        else:
            tekst = "Druk s om een vergadering te starten.\n\n"
        tekst += "\n".join(f"• {een_regel(r)}" for r in regels)
        tekst += f"\n\nLeden: {aanwezig}."
        if wv.partners:
            tekst += f"\nPartners: {', '.join(een_regel(p) for p in wv.partners)}."
        if wv.themas:
            tekst += f"\nThema's: {', '.join(een_regel(t) for t in wv.themas)}."
        self._toon_tekst(een_regel(wv.naam), tekst)
        self.refresh_bindings()
        # De impactregels pas na het eerste beeld en in een werkdraad: het startscherm
        # start even snel als zonder (zie bench/start.py). Tot de nieuwe er zijn, blijven
        # die van dit wijkverband staan (geen knipperen na elke bewerking).
        self._overzichttekst = tekst
        if self._impact_van != wv.id:
            self.impactregels = None
        elif self.impactregels:
            self._toon_impact(wv, tekst, self.impactregels)
        self.call_after_refresh(self._laad_impact, wv, tekst)
        open_v = overzicht.onafgemaakte_vergadering
        if open_v is not None and wv.id not in self._aangeboden:
            self._aangeboden.add(wv.id)
            # Eerst het overzicht in beeld, dan de vraag erover.
            self.call_after_refresh(self._bied_hervatten_aan, wv)

    def _toon_tekst(self, kop: str, tekst: str | Text) -> None:
        # Tijdens het opnieuw opbouwen van het scherm (een wijkverband van elders kwam erbij)
        # is het overzicht er even niet; het nieuwe overzicht krijgt dan zijn eigen tekst.
        for overzicht in self.query("#overzicht").results(Static):
            overzicht.update(Text.assemble((kop, "bold"), "\n", tekst))

    @work(thread=True, exclusive=True, group="impact")
    def _laad_impact(self, wv: Wijkverband, tekst: str) -> None:
        from .impact import startregels

        try:
            regels, cijfers = startregels(self.vapp, wv)
        except VergaderingFout:
            regels, cijfers = Text(), None  # het overzicht zegt al wat er mis is
        self.app.call_from_thread(self._toon_impact, wv, tekst, regels, cijfers)

    def _toon_impact(self, wv: Wijkverband, tekst: str, regels: Text,
                     cijfers: object = None) -> None:
        if (not self.is_attached or self.gekozen is None or self.gekozen.id != wv.id
                or tekst != self._overzichttekst):
            return  # intussen een ander wijkverband, een nieuwer overzicht, of de app stopt
        if cijfers is not None:
            self._impactcijfers = cijfers
        self.impactregels, self._impact_van = regels, wv.id
        if not regels:
            return
        # Onder 'Druk s …', boven de rest: op 80×24 in beeld zonder te scrollen.
        eerst, _, rest = tekst.partition("\n\n")
        self._toon_tekst(een_regel(wv.naam), Text.assemble(eerst, "\n\n", regels, "\n\n", rest))

    def action_impact(self) -> None:
        """Open het impactscherm van het gekozen wijkverband."""
        if self.gekozen is not None:
            from .impact import ImpactScherm, laad_stijl

            cijfers = self._impactcijfers if self._impact_van == self.gekozen.id else None
            scherm = ImpactScherm(self.gekozen, cijfers)  # type: ignore[arg-type]
            laad_stijl(self.app, scherm)  # niet alle CSS opnieuw bij het openen (issue 13)
            self.app.push_screen(scherm)

    # --- handelingen ------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("start", "bewerk", "instellingen", "afspraken", "signalen", "opvolging",
                      "impact"):
            return self.gekozen is not None
        if action == "hervat":
            o = self.overzicht
            return o is not None and o.onafgemaakte_vergadering is not None
        if action == "heropen":
            return self._te_heropenen() is not None
        return True

    def _bied_hervatten_aan(self, wv: Wijkverband, *, of_nieuw: bool = False) -> None:
        """Vraag of de onafgemaakte vergadering verder gaat; met ``of_nieuw`` (na s) is nee:
        toch een nieuwe beginnen."""
        from .bevestig import Bevestig

        if self.overzicht is None or self.overzicht.onafgemaakte_vergadering is None:
            return  # intussen een ander wijkverband gekozen
        open_v = self.overzicht.onafgemaakte_vergadering

        def antwoord(ja: bool | None) -> None:
            if ja:
                self._met_gegevens(wv, lambda: self.vapp.hervat_vergadering(wv, open_v.id))
            elif of_nieuw:
                self._vraag_start(wv)

        vraag = (f"De vergadering van {vergadering_in_woorden(open_v, self.overzicht.lang)} "
                 "is nog niet gesloten. ")
        self.app.push_screen(
            Bevestig(
                vraag + ("Daar verder gaan, of toch een nieuwe beginnen?" if of_nieuw
                         else "Daar verder gaan?"),
                ja="Verder gaan",
                nee="Nieuwe beginnen" if of_nieuw else "Nog niet",
            ),
            antwoord,
        )

    def _met_gegevens(self, wv: Wijkverband, doe: Callable[[], object]) -> None:
        """Doe ``doe`` (een vergadering beginnen of hervatten) zodra gelezen is wat de
        vergadering nodig heeft; dat lezen gebeurt in een achtergronddraad, zodat het scherm
        niet blijft hangen. Een leesfout wordt gemeld."""
        toekomst = self.vapp.laad_vooraf(wv.id)

        def klaar(_: Future) -> None:
            try:
                doe()
            except VergaderingFout as fout:
                self.notify(str(fout), severity="error", markup=False)

        if toekomst.done():
            klaar(toekomst)
        else:
            self.notify("Even geduld: de vergadering wordt gelezen…", markup=False, timeout=3)
            na_afloop(toekomst, klaar)

    def _alleen_lezen(self) -> bool:
        """Waar (en zegt het) als de databaserol dit wijkverband alleen mag lezen: dan geen
        vergadering die niets kan bewaren, en geen formulier dat vergeefs ingevuld wordt."""
        if self.overzicht is not None and self.overzicht.alleen_lezen:
            self.notify(ALLEEN_LEZEN, severity="warning", markup=False)
            return True
        return False

    def action_hervat(self) -> None:
        """Ga verder met de onafgemaakte vergadering."""
        if self.gekozen is None or self.overzicht is None or self._alleen_lezen():
            return
        open_v = self.overzicht.onafgemaakte_vergadering
        if open_v is not None:
            wv = self.gekozen
            self._met_gegevens(wv, lambda: self.vapp.hervat_vergadering(wv, open_v.id))

    def _te_heropenen(self) -> Vergaderkern | None:
        """De laatste gesloten vergadering, als er geen onafgemaakte is: alleen die mag
        heropend worden (een eerdere zou de volgende ronde in de war brengen)."""
        o = self.overzicht
        if o is None or o.onafgemaakte_vergadering is not None:
            return None
        return o.laatste_vergadering

    def action_heropen(self) -> None:
        """Heropen de laatste gesloten vergadering om iets recht te zetten (wie en waarom
        komen in het verslag)."""
        from .formulieren.correctie import HeropenFormulier, Heropening

        if self._alleen_lezen():
            return
        wv, v = self.gekozen, self._te_heropenen()
        if wv is None or v is None:
            self.notify("Er is geen gesloten vergadering om te heropenen (of er loopt er nog "
                        "een: ga daar verder met h).", markup=False)
            return

        def gekozen(uit: Heropening | None) -> None:
            if uit is not None:
                self._met_gegevens(
                    wv, lambda: self.vapp.heropen_vergadering(wv, v.id, uit.wie, uit.reden))

        self.app.push_screen(
            HeropenFormulier(self.overzicht.lang(v.datum),  # type: ignore[union-attr]
                             [lid.naam for lid in wv.leden], v.voorzitter),
            gekozen,
        )

    def _tussendoor(self, scherm: Callable[[Tussendoor], Screen[None]]) -> None:
        """Open een scherm voor tussen de vergaderingen; daarna het overzicht opnieuw (er
        kunnen signalen of updates bij zijn gekomen)."""
        from vergadering.tussendoor import Tussendoor

        wv = self.gekozen
        if wv is None:
            return
        vapp = self.vapp

        def terug(_: None) -> None:
            vapp.gegevens.pop(wv.id, None)  # wat een vergadering las, is verouderd
            if self.gekozen is not None and self.gekozen.id == wv.id:
                self._laad_overzicht(wv)

        self.app.push_screen(scherm(Tussendoor(vapp.opslag, vapp.bewaarder, wv, vapp.klok)),
                             terug)

    def action_signalen(self) -> None:
        """Signalen tussen de vergaderingen: toevoegen, bewerken, intrekken, zoeken."""
        from .signalen import SignalenScherm

        self._tussendoor(SignalenScherm)

    def action_opvolging(self) -> None:
        """Mijn acties: wat elke eigenaar moet doen, en de statusupdate tussendoor."""
        from .opvolging import OpvolgingScherm

        self._tussendoor(OpvolgingScherm)

    def action_start(self) -> None:
        """Start een nieuwe vergadering (of bied de onafgemaakte aan)."""
        wv = self.gekozen
        if wv is None:
            return
        if self.overzicht is None:
            if self.leesfout is not None:
                self.notify(self.leesfout, severity="error", markup=False)
            else:
                self.notify("Even geduld: de gegevens worden nog gelezen.", markup=False)
            return
        if self._alleen_lezen():
            return
        if self.overzicht.onafgemaakte_vergadering is not None:
            self._bied_hervatten_aan(wv, of_nieuw=True)
            return
        self._vraag_start(wv)

    def _vraag_start(self, wv: Wijkverband) -> None:
        from .formulieren.vergadering import StartFormulier

        self.vapp.laad_vooraf(wv.id)  # terwijl het formulier open staat
        def gekozen(keuzes: dict | None) -> None:
            if keuzes is None:
                self.vapp.vergeet_vooraf(wv.id)
                return
            self._met_gegevens(wv, lambda: self.vapp.begin_vergadering(wv, keuzes))

        self.app.push_screen(StartFormulier(wv, self.vapp.vandaag(), self._vorige_datum()),
                             gekozen)

    def _vorige_datum(self) -> date | None:
        """De datum van de laatste vergadering van het gekozen wijkverband (gesloten of niet):
        een nieuwe kan daar niet vóór liggen."""
        o = self.overzicht
        if o is None:
            return None
        datums_ = [v.datum for v in (o.laatste_vergadering, o.onafgemaakte_vergadering)
                   if v is not None]
        return max(datums_, default=None)

    def action_nieuw(self) -> None:
        """Maak een nieuw wijkverband."""
        self._bewerk(None)

    def action_bewerk(self) -> None:
        """Werk het gekozen wijkverband bij."""
        if self.gekozen is not None and not self._alleen_lezen():
            self._bewerk(self.gekozen)

    def _formulier_en_bewaar(
        self,
        maak: Callable[[Wijkverband | None], Screen[Wijkverband | None]],
        begin: Wijkverband | None,
        na_bewaren: Callable[[Wijkverband], None],
        nieuw: bool = False,
    ) -> None:
        """Open een formulier voor een wijkverband en bewaar wat eruit komt. Mislukt het
        bewaren, dan gaat het formulier opnieuw open met wat er getypt was: niets verloren."""
        import dataclasses

        def klaar(wv: Wijkverband | None) -> None:
            if wv is None:
                return
            try:
                if nieuw:
                    wv = dataclasses.replace(
                        wv, id=self.vapp.opslag.nieuw_wijkverband_id(wv.naam)
                    )
                # Intussen elders gewijzigd: samenvoegen (of de voorzitter laten kiezen).
                if not self.vapp.bewaarder.bewaar_of_meld(wv):
                    return
            except VergaderingFout as fout:
                self.notify(str(fout), severity="error", markup=False)
                self.app.push_screen(maak(wv), klaar)
                return
            na_bewaren(wv)
            self.vernieuw(kies_id=wv.id)

        if begin is not None:
            self.vapp.bewaarder.onthoud(begin)  # de basis als een ander het intussen bewaart
        self.app.push_screen(maak(begin), klaar)

    def _bewerk(self, bestaand: Wijkverband | None) -> None:
        from vergadering import ids

        from .formulieren.wijkverband import WijkverbandFormulier

        def na(wv: Wijkverband) -> None:
            self.notify(f"Wijkverband {een_regel(wv.naam)} is bewaard.", markup=False)

        self._formulier_en_bewaar(lambda wv: WijkverbandFormulier(ids.slug, wv), bestaand, na,
                                  nieuw=bestaand is None)

    def action_instellingen(self) -> None:
        """Stel de vergadering van het gekozen wijkverband in: tijd per fase, stippen, acties,
        quorum en meerderheid."""
        if self.gekozen is None or self._alleen_lezen():
            return
        from .formulieren.wijkverband import InstellingenFormulier

        def na(wv: Wijkverband) -> None:
            self.notify(f"Instellingen van {een_regel(wv.naam)} zijn bewaard.", markup=False)
            # Mag wel, maar dan valt er nooit een besluit: zeg het meteen.
            for waarschuwing in wv.waarschuwingen():
                if waarschuwing.startswith("Het quorum"):
                    self.notify(waarschuwing, severity="warning", markup=False)

        self._formulier_en_bewaar(InstellingenFormulier, self.gekozen, na)

    def action_afspraken(self) -> None:
        """Leg de participatieafspraken (template 1) van het gekozen wijkverband vast."""
        if self.gekozen is None or self._alleen_lezen():
            return
        from .formulieren.wijkverband import AfsprakenFormulier

        def na(wv: Wijkverband) -> None:
            melding = "De participatieafspraken zijn bewaard."
            ontbreekt = wv.afspraken.ontbreekt()
            if ontbreekt:
                # Mag, maar deel 5 is verplicht: zeg wat er nog mist.
                melding += f" Nog leeg bij de terugkoppeling: {', '.join(ontbreekt)}."
            self.notify(melding, severity="warning" if ontbreekt else "information",
                        markup=False)

        self._formulier_en_bewaar(AfsprakenFormulier, self.gekozen, na)

    def action_agenda(self) -> None:
        """Stel het agendasjabloon in: de punten vóór en na het cyclusblok."""
        if self.gekozen is None:
            return
        from .formulieren.agenda import AgendaFormulier

        def na(wv: Wijkverband) -> None:
            self.notify(f"De agenda van {een_regel(wv.naam)} is bewaard; de volgende "
                        "vergadering gebruikt haar.", markup=False)

        self._formulier_en_bewaar(AgendaFormulier, self.gekozen, na)

    def action_mapje(self) -> None:
        """Het mapje van de laatste gesloten vergadering; eerst de privacycheck als die nog
        niet af is."""
        from vergadering.export.inhoud import kies_vergadering

        if self.gekozen is None:
            return
        try:
            vergadering = kies_vergadering(self.vapp.opslag, self.gekozen, "laatste")
        except VergaderingFout as fout:
            self.notify(str(fout), severity="error", markup=False)
            return
        self.vapp.maak_mapje(self.gekozen.id, vergadering.id)

    def action_eindtekst(self) -> None:
        """De terugkoppeling van de laatste gesloten vergadering als hele tekst bewerken; die
        tekst publiceert het mapje (na de privacycheck)."""
        from vergadering import datums
        from vergadering.export import eindtekst
        from vergadering.export.inhoud import kies_vergadering

        from .formulieren.eindtekst import EindtekstScherm

        if self.gekozen is None or self._alleen_lezen():
            return
        opslag, wv = self.vapp.opslag, self.gekozen
        try:
            vergadering = kies_vergadering(opslag, wv, "laatste")
            tekst = eindtekst.concept(opslag, wv.id, vergadering.id, self.vapp.vandaag())
        except VergaderingFout as fout:
            self.notify(str(fout), severity="error", markup=False)
            return

        def klaar(nieuw: str | None) -> None:
            if nieuw is None:
                return
            try:
                eigen = eindtekst.bewaar(opslag, wv.id, vergadering.id, nieuw,
                                         self.vapp.vandaag())
            except VergaderingFout as fout:
                self.notify(str(fout), severity="error", markup=False)
                return
            self.notify("De eindtekst is bewaard: het mapje publiceert precies deze tekst, na "
                        "de privacycheck." if eigen else "De terugkoppeling volgt weer de "
                        "tekst uit de vergadering.", markup=False)

        self.app.push_screen(EindtekstScherm(
            tekst, f"Terugkoppeling na de vergadering van {datums.lang(vergadering.datum)}"),
            klaar)

    def commandos(self) -> Iterator[tuple[str, str, object]]:
        """De handelingen van dit scherm voor het commandopalet."""
        if self.gekozen is not None:
            yield ("Agenda van de vergadering", "g: punten vóór en na de cyclus",
                   self.action_agenda)
            yield ("Vergadering starten", "s", self.action_start)
            yield ("Wijkverband bewerken", "e", self.action_bewerk)
            yield ("Instellingen van de vergadering", "i: tijd per fase, stippen, quorum",
                   self.action_instellingen)
            yield ("Participatieafspraken", "a: template 1", self.action_afspraken)
            yield ("Mapje maken", "verslag, actielijst en terugkoppeling van de laatste "
                   "vergadering, na de privacycheck", self.action_mapje)
            yield ("Eindtekst van de terugkoppeling", "t: de hele tekst voor bewoners "
                   "bewerken voor het mapje", self.action_eindtekst)
            yield ("Impact: bereik, spiegel, doorwerking, terugkoppeling", "m: de vier pijnen "
                   "in cijfers", self.action_impact)
        if self.overzicht is not None and self.overzicht.onafgemaakte_vergadering is not None:
            yield ("Onafgemaakte vergadering hervatten", "h", self.action_hervat)
        if self._te_heropenen() is not None:
            yield ("Gesloten vergadering heropenen", "r: een fout herstellen; wie en waarom "
                   "komen in het verslag", self.action_heropen)
        if self.gekozen is not None:  # tussen de vergaderingen
            yield ("Signalen", "l: toevoegen, bewerken, intrekken, zoeken; de bundelhint",
                   self.action_signalen)
            yield ("Opvolging: mijn acties", "o: wat elke eigenaar moet doen; statusupdate",
                   self.action_opvolging)
        yield ("Nieuw wijkverband", "n", self.action_nieuw)


def na_afloop(toekomst: Future, doe: Callable[[Future], object]) -> None:
    """Roep ``doe(toekomst)`` aan in de hoofddraad (met de context van de app: actieve app en
    scherm) zodra het werk in een andere draad klaar is. Vanuit de hoofddraad aanroepen."""
    lus, context = asyncio.get_running_loop(), contextvars.copy_context()

    def klaar(_: Future) -> None:
        with suppress(RuntimeError):  # de app is intussen gesloten
            lus.call_soon_threadsafe(doe, toekomst, context=context)

    toekomst.add_done_callback(klaar)


def vergadering_in_woorden(v: Vergaderkern, lang: Callable[[date], str] | None = None) -> str:
    """'maandag 23 november 2026, fase 2 (Top 1–2 acties)'; ``lang`` schrijft de datum
    (standaard ``datums.lang``; het overzicht kent de tekst al, zie ``Overzicht.lang``)."""
    if lang is None:
        from vergadering import datums

        lang = datums.lang
    return f"{lang(v.datum)}{v.waar}"
