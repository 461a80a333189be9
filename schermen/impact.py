"""Het impactscherm: de vier pijnen van een wijkverband (issue 13), met grafieken in de
terminal (textual-plotext) en bij elke grafiek dezelfde getallen in een tabel (voor wie de
kleuren niet ziet of een schermlezer gebruikt).

Licht gebouwd, want het moet binnen 0,3 s open (issue 13): geen TabbedContent, geen
DataTable en geen PlotextPlot-widget, maar één pijn tegelijk (toetsen 1–4, of klik op de
regel met de pijnen) als één Rich-groep in één Static: tekst, de grafiek (de plot van
textual-plotext, getekend op de breedte die Rich geeft) en Rich-tabellen. Het rekenen
(``vergadering.impact``) gebeurt in een werkdraad; cijfers die het startscherm al had staan
er meteen. Past op 80×24.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from rich import box
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.table import Table
from rich.text import Text
from textual import work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

# Plotext laden kost ~0,2 s; dit module wordt al in de werkdraad van het startscherm geladen
# (voor de impactregels), zodat het scherm daarna zonder die wachttijd opent.
from textual_plotext.plot import Plot

from vergadering.fouten import VergaderingFout, oorzaak
from vergadering.impact import inwonercellen, maten_doorwerking, procent
from vergadering.tekst import een_regel
from vergadering.zinnen import getal

if TYPE_CHECKING:
    from collections.abc import Iterator

    from vergadering.impact import Impact
    from vergadering.privacycheck import PrivacyOnbeslist
    from vergadering.wijkverband import Wijkverband

    from .app import VergaderingApp

PIJNEN = (("bereik", "Bereik"), ("representativiteit", "Spiegel van de wijk"),
          ("doorwerking", "Doorwerking"), ("terugkoppeling", "Terugkoppeling"))

GRAFIEKHOOGTE = 12


class Grafiek:
    """Een plot als Rich-renderable: getekend op de breedte die er is (ook na een andere
    terminalgrootte), zonder eigen widget. Kleuren uit het thema 'clear': de voorgrond en
    achtergrond van het scherm, de staven in een ANSI-kleur die het Textual-thema kiest."""

    def __init__(self, teken: Callable[[Plot], None]) -> None:
        self.teken = teken
        self._getekend: dict[int, Text] = {}  # per breedte: Textual vraagt vaak opnieuw

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        breedte = options.max_width
        if breedte not in self._getekend:
            plt = Plot()
            self.teken(plt)
            plt.theme("clear")
            plt.plotsize(breedte, GRAFIEKHOOGTE)
            self._getekend[breedte] = Text.from_ansi(plt.build(), no_wrap=True, end="")
        yield self._getekend[breedte]
        yield Text()  # een witregel tussen grafiek en tabel


def gehele_streepjes(hoogste: int, hoeveel: int = 5) -> tuple[list[int], list[str]]:
    """Plaatsen en labels voor een as met aantallen: hele getallen in ronde stappen (1, 2
    of 5 keer een macht van tien) met een punt per duizendtal. Zonder dit kiest plotext
    zelf streepjes als '12.5', met een Engelse decimale punt, voor iets dat je telt."""
    stap = 1
    while hoogste / stap > hoeveel:
        for factor in (2, 5 / 2, 2):  # 1 → 2 → 5 → 10 → 20 → 50 → …
            stap = round(stap * factor)
            if hoogste / stap <= hoeveel:
                break
    plaatsen = list(range(0, max(hoogste, 1) + stap, stap))
    return plaatsen, [getal(p) for p in plaatsen]


def periodes(vandaag: date) -> list[str]:
    """De periodes waar p doorheen loopt: de laatste 12 maanden, dit jaar, vorig jaar."""
    return ["12m", str(vandaag.year), str(vandaag.year - 1)]


def laad_stijl(app: App, scherm: Screen) -> None:
    """Zet de CSS-bestanden van ``scherm`` alvast in de stylesheet van de app.

    Staat het bestand er bij het pushen nog niet in, dan ontleedt Textual álle CSS opnieuw
    (zonder cache) en stijlt elk scherm opnieuw: ~40 ms bij het openen. Het in de app-CSS
    zetten kost juist bij het starten. Zo wordt alleen dit ene bestand ontleed.
    """
    stijlen = app.stylesheet
    for pad in scherm.css_path:
        if not stijlen.has_source(str(pad), ""):
            stijlen.add_source(Path(pad).read_text(encoding="utf-8"), read_from=(str(pad), ""))


def _tabel(kop: str, kolommen: tuple[str, ...], rijen: list[tuple]) -> Table:
    tabel = Table(*kolommen, title=kop, title_justify="left", title_style="bold",
                  box=box.ROUNDED, row_styles=["", "dim"] if len(rijen) > 3 else None)
    for rij in rijen or [("–",) * len(kolommen)]:
        tabel.add_row(*(Text(str(c)) for c in rij))  # Text: bewonerstekst is nooit markup
    return tabel


def _zin(tekst: str) -> Text:
    return Text(tekst + "\n")


def _kop(i: Impact) -> Text:
    """De periode in woorden en data, en de waarschuwingen."""
    p = i.periode
    kop = Text.assemble(
        (f"{p.in_woorden[0].upper()}{p.in_woorden[1:]}", "bold"),
        f" ({p.van:%d-%m-%Y} t/m {min(p.tot, i.vandaag):%d-%m-%Y}) · p: andere periode")
    for melding in i.meldingen:
        kop.append(f"\nLet op: {melding}.", style="bold")
    return kop


def _pijnregel(actief: str) -> str:
    """De regel met de vier pijnen; de gekozen vet en omgekeerd, elke pijn klikbaar."""
    delen = []
    for n, (sleutel, titel) in enumerate(PIJNEN, 1):
        stijl = "reverse bold" if sleutel == actief else "not bold"
        delen.append(f"[@click=screen.pijn('{sleutel}')][{stijl}]{n} {titel}[/][/]")
    return " │ ".join(delen)


class ImpactScherm(Screen[None]):
    """Bereik, spiegel van de wijk, doorwerking en terugkoppeling van één wijkverband."""

    CSS_PATH = "impact.tcss"
    BINDINGS = [
        Binding("escape", "terug", "Terug"),
        Binding("p", "periode", "Andere periode"),
        Binding("d", "jaarverslag", "Jaarverslag (docx)"),
        Binding("q", "terug", "Terug", show=False),
        *(Binding(str(n), f"pijn('{sleutel}')", titel, show=False)
          for n, (sleutel, titel) in enumerate(PIJNEN, 1)),
    ]

    def __init__(self, wijkverband: Wijkverband, cijfers: Impact | None = None) -> None:
        """``cijfers``: wat het startscherm al uitrekende (de laatste 12 maanden), of None."""
        super().__init__()
        self.wijkverband = wijkverband
        self.periode = "12m"
        self.pijn = PIJNEN[0][0]
        self._cijfers = cijfers
        self.impact: Impact | None = None  # de laatst getoonde cijfers (tests wachten hierop)
        self.tabellen: dict[str, Table] = {}  # de tabellen in beeld, op hun kop
        self.grafiek: Grafiek | None = None  # de grafiek in beeld, of None

    @property
    def vapp(self) -> VergaderingApp:
        """De app, met haar eigen type."""
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        yield Header(icon="◆")
        yield Static("Even geduld: de cijfers worden uitgerekend…", id="impact-kop",
                     markup=False)
        yield Static(_pijnregel(self.pijn), id="impact-pijnen")
        with VerticalScroll(id="impact-vak"):
            yield Static(id="impact-pijn")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = f"Impact — {een_regel(self.wijkverband.naam)}"
        self.query_one("#impact-vak").focus()
        # Zijn de cijfers er al (van het startscherm), dan staan ze er meteen.
        if self._cijfers is not None and self._cijfers.periode.naam == self.periode:
            self._toon(self._cijfers)
        else:
            self._reken(self.periode)

    @work(thread=True, exclusive=True, group="impact")
    def _reken(self, periode: str) -> None:
        from vergadering import impact

        vandaag = self.vapp.vandaag()
        try:
            with self.vapp.bewaarder.stil():
                gegevens = impact.lees(self.vapp.opslag, self.wijkverband, vandaag)
            uitkomst = impact.bereken(gegevens, impact.periode(periode, vandaag), vandaag)
        except VergaderingFout as fout:
            self.app.call_from_thread(self._toon_fout, str(fout))
            return
        self.app.call_from_thread(self._toon, uitkomst)

    def _toon_fout(self, melding: str) -> None:
        self.query_one("#impact-kop", Static).update(melding)
        self.notify(melding, severity="error", markup=False)

    def _toon(self, i: Impact) -> None:
        if not self.is_attached:
            return
        self.query_one("#impact-kop", Static).update(_kop(i))
        self.impact = i
        self._vul()

    def _vul(self) -> None:
        """Toon de gekozen pijn: tekst, grafiek en tabellen in één Static."""
        if self.impact is None:
            return
        maak = {"bereik": self._bereik, "representativiteit": self._spiegel,
                "doorwerking": self._doorwerking, "terugkoppeling": self._terugkoppeling}
        delen = maak[self.pijn](self.impact)
        self.tabellen = {str(t.title): t for t in delen if isinstance(t, Table)}
        self.grafiek = next((g for g in delen if isinstance(g, Grafiek)), None)
        # Een witregel na elke tabel: anders plakt de kop van de volgende eraan.
        self.query_one("#impact-pijn", Static).update(Group(*(
            x for deel in delen for x in ((deel, Text()) if isinstance(deel, Table) else (deel,)))))

    # --- per pijn ---------------------------------------------------------------------

    def _bereik(self, i: Impact) -> list[RenderableType]:
        b = i.bereik

        def teken(plt: Plot) -> None:
            plt.title("Signalen per maand")
            # Vaste plaatsen en labels (om de maand): zo kiest plotext niet zelf, en staat er
            # elke keer hetzelfde.
            plaatsen = list(range(1, len(b.per_maand) + 1))
            plt.bar(plaatsen, [n for _, n, _ in b.per_maand], marker="hd")
            stap = max(1, len(plaatsen) // 6)
            plt.xticks(plaatsen[::stap], [m[2:] for m, _, _ in b.per_maand][::stap])
            plt.yticks(*gehele_streepjes(max((n for _, n, _ in b.per_maand), default=0)))

        return [
            _zin(f"{b.signalen} signalen van naar schatting {b.bewoners} bewoners "
                 f"(n = {b.signalen})."), Grafiek(teken),
            _tabel("Per maand", ("Maand", "Signalen", "Bewoners"), b.per_maand),
             _tabel("Per praktijkvorm", ("Vorm", "Signalen"), list(b.per_vorm.items())),
             _tabel("Per buurt", ("Buurt", "Signalen"), list(b.per_buurt.items())),
             _tabel("Per thema", ("Thema", "Signalen"), list(b.per_thema.items()))]

    def _spiegel(self, i: Impact) -> list[RenderableType]:
        r, b = i.representativiteit, i.bereik
        inwoners = {p.buurt: p for p in r.per_inwoners}
        onder: list[RenderableType] = [
            _zin(f"Zonder signaal: {', '.join(r.stille_buurten) or 'geen buurt'}; thema's: "
                 f"{', '.join(r.stille_themas) or 'geen'}. Uit de grootste buurt "
                 f"({r.grootste_buurt or '–'}): {r.concentratie.tekst()}. Buurt onbekend: "
                 f"{r.buurt_onbekend.tekst()}."),
            _tabel("Aandeel per buurt",
                   ("Buurt", "Signalen", "Aandeel", "Inwoners", "Per 1.000 inwoners"),
                   [(k, n, procent(round(100 * n / r.n, 1) if r.n else None),
                     *inwonercellen(inwoners.get(k))) for k, n in b.per_buurt.items()])]
        if not any(p.inwoners for p in r.per_inwoners):
            onder.append(_zin("Vul bij de instellingen (i op het startscherm) het aantal "
                              "inwoners per buurt in, dan staat hier hoeveel signalen per "
                              "1.000 inwoners."))
        onder.append(_tabel("Aandeel per praktijkvorm", ("Vorm", "Signalen", "Aandeel"),
                            [(k, a.aantal, procent(a.procent))
                             for k, a in r.aandeel_vorm.items()]))
        return onder

    def _doorwerking(self, i: Impact) -> list[RenderableType]:
        d = i.doorwerking

        def teken(plt: Plot) -> None:
            plt.title(f"Trechter (n = {d.trechter[0][1].n})")
            # Van onder naar boven getekend: de eerste stap (alle signalen) bovenaan.
            stappen = d.trechter[::-1]
            plt.bar([naam for naam, _ in stappen], [a.aantal for _, a in stappen],
                    orientation="horizontal", marker="hd")
            plt.xticks(*gehele_streepjes(max((a.aantal for _, a in stappen), default=0)))

        return [
            Grafiek(teken),
            _tabel("Trechter", ("Stap", "Signalen", "Van alle"),
                   [(naam, a.aantal, procent(a.procent)) for naam, a in d.trechter]),
            _tabel("Looptijd en afspraken", ("Maat", "Waarde"), maten_doorwerking(d)),
            _tabel("Waarom vastgelopen of gestopt", ("Keer", "Reden"),
                   [(n, een_regel(reden)) for reden, n in d.redenen.items()])]

    def _terugkoppeling(self, i: Impact) -> list[RenderableType]:
        t = i.terugkoppeling
        return [
            _tabel("Terugkoppeling", ("Maat", "Waarde"), [
                ("Vergaderingen met terugkoppeling", t.met_terugkoppeling.tekst()),
                ("Beloofde updates op tijd", t.updates_op_tijd.tekst()),
                ("Beloofde updates te laat", t.updates_te_laat),
                ("Signaal tot terugkoppeling (mediaan)", t.signaal_tot_terugkoppeling.tekst()),
            ]),
            _tabel("Kanalen", ("Kanaal", "Keer"), list(t.kanalen.items()))]

    # --- handelingen ------------------------------------------------------------------

    def action_pijn(self, sleutel: str) -> None:
        """Toon een andere pijn (toetsen 1–4 of een klik op de regel met de pijnen)."""
        if sleutel == self.pijn or sleutel not in dict(PIJNEN):
            return
        self.pijn = sleutel
        self.query_one("#impact-pijnen", Static).update(_pijnregel(sleutel))
        self.query_one("#impact-vak", VerticalScroll).scroll_home(animate=False)
        self._vul()

    def action_terug(self) -> None:
        """Terug naar het startscherm."""
        self.dismiss()

    def action_periode(self) -> None:
        """De volgende periode: de laatste 12 maanden, dit jaar, vorig jaar."""
        lijst = periodes(self.vapp.vandaag())
        self.periode = lijst[(lijst.index(self.periode) + 1) % len(lijst)]
        self.query_one("#impact-kop", Static).update(
            "Even geduld: de cijfers worden uitgerekend…")
        self._reken(self.periode)

    def action_jaarverslag(self, keuzes: dict[str, str] | None = None) -> None:
        """Schrijf impact.docx over de getoonde periode, in een werkdraad. Eerst de
        privacycheck, zoals bij het mapje: is daar iets onbeslist, dan het scherm van de
        check; de keuzes komen bij de laatste vergadering (daar leest de export ze)."""
        wv, periode, vapp = self.wijkverband, self.periode, self.vapp
        doelmap = None
        if vapp.mapjes is not None:
            from vergadering.export.mapje import veilige_naam

            doelmap = vapp.mapjes / veilige_naam(wv.naam)

        def werk() -> None:
            from vergadering.export.impact import exporteer_impact
            from vergadering.privacycheck import PrivacyOnbeslist, bewaar_keuzes

            try:
                if keuzes:
                    laatste = max(vapp.opslag.vergaderingen(wv.id), default=None,
                                  key=lambda v: (v.datum, v.id))
                    if laatste is None:
                        raise VergaderingFout(
                            "Er is nog geen vergadering om de keuzes van de privacycheck bij "
                            "te bewaren; maak het jaarverslag met 'vergadering export --impact'.")
                    bewaar_keuzes(vapp.opslag, wv.id, laatste.id, keuzes)
                pad = exporteer_impact(vapp.opslag, wv, periode, doelmap, vandaag=vapp.vandaag())
            except PrivacyOnbeslist as fout:
                vapp.call_from_thread(self._privacycheck, fout)
            except VergaderingFout as fout:
                vapp.call_from_thread(self.notify, str(fout), severity="error", markup=False)
            except OSError as fout:
                vapp.call_from_thread(
                    self.notify, f"Het jaarverslag kon niet geschreven worden ({oorzaak(fout)}); "
                    "controleer de map en probeer het opnieuw met d.", severity="error",
                    markup=False)
            else:
                vapp.call_from_thread(self.notify, f"Het jaarverslag staat in {pad}.",
                                      markup=False, timeout=15)

        self.notify("Het jaarverslag (impact.docx) wordt gemaakt…", markup=False)
        self.run_worker(werk, thread=True, group="jaarverslag", name="jaarverslag")

    def _privacycheck(self, fout: PrivacyOnbeslist) -> None:
        from .formulieren.privacycheck import PrivacyCheck

        def klaar(keuzes: dict[str, str] | None) -> None:
            if keuzes is None:
                self.notify("Het jaarverslag is niet gemaakt: de privacycheck is niet "
                            "afgemaakt.", markup=False)
            else:
                self.action_jaarverslag(keuzes)

        self.app.push_screen(PrivacyCheck(fout.alle, fout.keuzes), klaar)

    def commandos(self) -> Iterator[tuple[str, str, object]]:
        """De handelingen van dit scherm voor het commandopalet."""
        yield ("Andere periode", "p: de laatste 12 maanden, dit jaar, vorig jaar",
               self.action_periode)
        yield ("Jaarverslag maken", "d: impact.docx over deze periode, na de privacycheck",
               self.action_jaarverslag)
        for n, (sleutel, titel) in enumerate(PIJNEN, 1):
            yield (titel, f"{n}: deze pijn tonen", lambda s=sleutel: self.action_pijn(s))
        yield ("Terug naar het startscherm", "escape", self.action_terug)


def startregels(vapp: VergaderingApp, wv: Wijkverband) -> tuple[Text, Impact]:
    """Per pijn één regel voor het startscherm (laatste 12 maanden), met 'let op' waar het
    knelt, en de cijfers zelf (voor het impactscherm). Rekent: vanuit een werkdraad."""
    from vergadering import impact

    vandaag = vapp.vandaag()
    with vapp.bewaarder.stil():
        gegevens = impact.lees(vapp.opslag, wv, vandaag)
    i = impact.bereken(gegevens, impact.periode("12m", vandaag), vandaag)
    uit = Text("Impact, laatste 12 maanden (m):", style="bold")
    for pijn, regel, waarschuwing in impact.startregels(i):
        uit.append(f"\n• {pijn[0].upper()}{pijn[1:]}: {regel}")
        if waarschuwing:
            uit.append(f" — let op: {waarschuwing}", style="bold")
    return uit, i
