"""Het impactscherm: de vier pijnen van een wijkverband (issue 13), met grafieken in de
terminal (textual-plotext) en bij elke grafiek dezelfde getallen in een tabel (voor wie de
kleuren niet ziet of een schermlezer gebruikt).

Het rekenen (``vergadering.impact``) gebeurt in een werkdraad: het scherm staat er meteen,
met 'even geduld', en vult zich zodra de cijfers er zijn. Past op 80×24 (per pijn een tab).
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static, TabbedContent, TabPane

# Plotext laden kost ~0,2 s; dit module wordt al in de werkdraad van het startscherm geladen
# (voor de impactregels), zodat het scherm daarna zonder die wachttijd opent.
from textual_plotext import PlotextPlot

from vergadering.fouten import VergaderingFout
from vergadering.impact import inwonercellen
from vergadering.tekst import een_regel

if TYPE_CHECKING:
    from collections.abc import Iterator

    from textual.widget import Widget

    from vergadering.impact import Impact
    from vergadering.wijkverband import Wijkverband

    from .app import VergaderingApp

TABS = (("bereik", "Bereik"), ("representativiteit", "Spiegel van de wijk"),
        ("doorwerking", "Doorwerking"), ("terugkoppeling", "Terugkoppeling"))


def periodes(vandaag: date) -> list[str]:
    """De periodes waar p doorheen loopt: de laatste 12 maanden, dit jaar, vorig jaar."""
    return ["12m", str(vandaag.year), str(vandaag.year - 1)]


def _tabel(kop: str, kolommen: tuple[str, ...], rijen: list[tuple]) -> DataTable:
    tabel: DataTable = DataTable(cursor_type="row", zebra_stripes=True, classes="impact-tabel")
    tabel.border_title = kop
    tabel.add_columns(*kolommen)
    tabel.add_rows([tuple(str(c) for c in r) for r in rijen] or [("–",) * len(kolommen)])
    return tabel


def _procent(p: float | None) -> str:
    return "–" if p is None else f"{p:g}%".replace(".", ",")


def _kop(i: Impact) -> Text:
    """De periode in woorden en data, en de waarschuwingen."""
    p = i.periode
    kop = Text.assemble(
        (f"{p.in_woorden[0].upper()}{p.in_woorden[1:]}", "bold"),
        f" ({p.van:%d-%m-%Y} t/m {min(p.tot, i.vandaag):%d-%m-%Y}) · p: andere periode")
    for melding in i.meldingen:
        kop.append(f"\nLet op: {melding}.", style="bold")
    return kop


class ImpactScherm(Screen[None]):
    """Bereik, spiegel van de wijk, doorwerking en terugkoppeling van één wijkverband."""

    CSS_PATH = "impact.tcss"
    BINDINGS = [
        Binding("escape", "terug", "Terug"),
        Binding("p", "periode", "Andere periode"),
        Binding("q", "terug", "Terug", show=False),
    ]

    def __init__(self, wijkverband: Wijkverband, cijfers: Impact | None = None) -> None:
        """``cijfers``: wat het startscherm al uitrekende (de laatste 12 maanden), of None."""
        super().__init__()
        self.wijkverband = wijkverband
        self.periode = "12m"
        self._cijfers = cijfers
        self.impact: Impact | None = None  # de laatst getoonde cijfers (tests wachten hierop)
        self._gevuld: set[str] = set()  # de tabs die de cijfers van self.impact tonen

    @property
    def vapp(self) -> VergaderingApp:
        """De app, met haar eigen type."""
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        # Zijn de cijfers er al (van het startscherm), dan staan ze meteen in de eerste tab:
        # niet eerst een leeg scherm en dan nog een ronde opbouwen (sneller open).
        klaar = self._cijfers if self._cijfers is not None and \
            self._cijfers.periode.naam == self.periode else None
        yield Header(icon="◆")
        yield Static("Even geduld: de cijfers worden uitgerekend…" if klaar is None
                     else _kop(klaar), id="impact-kop", markup=False)
        with TabbedContent(id="impact-tabs"):
            for sleutel, titel in TABS:
                with TabPane(titel, id=f"tab-{sleutel}"), \
                        VerticalScroll(id=f"impact-{sleutel}", classes="impact-vak"):
                    if klaar is not None and sleutel == TABS[0][0]:
                        self._gevuld = {sleutel}
                        yield from self._bereik(klaar)
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = f"Impact — {een_regel(self.wijkverband.naam)}"
        if self._gevuld:
            self.impact = self._cijfers
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
        self._gevuld: set[str] = set()
        for vak in self.query(".impact-vak").results(VerticalScroll):
            vak.remove_children()
        # Alleen de zichtbare tab meteen: de andere pas als ze gekozen worden (sneller open).
        self._vul(self.query_one(TabbedContent).active.removeprefix("tab-"))

    def _vul(self, sleutel: str) -> None:
        if self.impact is None or sleutel in self._gevuld or sleutel not in dict(TABS):
            return
        self._gevuld.add(sleutel)
        maak = {"bereik": self._bereik, "representativiteit": self._spiegel,
                "doorwerking": self._doorwerking, "terugkoppeling": self._terugkoppeling}
        self.query_one(f"#impact-{sleutel}", VerticalScroll).mount_all(
            list(maak[sleutel](self.impact)))

    @on(TabbedContent.TabActivated)
    def _tab_gekozen(self, event: TabbedContent.TabActivated) -> None:
        self._vul(str(event.pane.id or "").removeprefix("tab-"))

    # --- per pijn ---------------------------------------------------------------------

    def _grafiek(self, titel: str) -> Widget:
        grafiek = PlotextPlot(classes="impact-grafiek")
        grafiek.plt.title(titel)
        return grafiek

    def _bereik(self, i: Impact) -> Iterator[Widget]:
        b = i.bereik
        yield Static(f"{b.signalen} signalen van naar schatting {b.bewoners} bewoners "
                     f"(n = {b.signalen}).", classes="impact-zin", markup=False)
        grafiek = self._grafiek("Signalen per maand")
        # Vaste plaatsen en labels (om de maand): zo kiest plotext niet zelf, en staat er
        # elke keer hetzelfde.
        plaatsen = list(range(1, len(b.per_maand) + 1))
        grafiek.plt.bar(plaatsen, [n for _, n, _ in b.per_maand], marker="hd")
        stap = max(1, len(plaatsen) // 6)
        grafiek.plt.xticks(plaatsen[::stap], [m[2:] for m, _, _ in b.per_maand][::stap])
        yield grafiek
        yield _tabel("Per maand", ("Maand", "Signalen", "Bewoners"), b.per_maand)
        yield _tabel("Per praktijkvorm", ("Vorm", "Signalen"), list(b.per_vorm.items()))
        yield _tabel("Per buurt", ("Buurt", "Signalen"), list(b.per_buurt.items()))
        yield _tabel("Per thema", ("Thema", "Signalen"), list(b.per_thema.items()))

    def _spiegel(self, i: Impact) -> Iterator[Widget]:
        r, b = i.representativiteit, i.bereik
        yield Static(
            f"Zonder signaal: {', '.join(r.stille_buurten) or 'geen buurt'}; thema's: "
            f"{', '.join(r.stille_themas) or 'geen'}. Uit de grootste buurt "
            f"({r.grootste_buurt or '–'}): {r.concentratie.tekst()}. Buurt onbekend: "
            f"{r.buurt_onbekend.tekst()}.", classes="impact-zin", markup=False)
        inwoners = {p.buurt: p for p in r.per_inwoners}
        yield _tabel("Aandeel per buurt",
                     ("Buurt", "Signalen", "Aandeel", "Inwoners", "Per 1.000 inwoners"),
                     [(k, n, _procent(round(100 * n / r.n, 1) if r.n else None),
                       *inwonercellen(inwoners.get(k))) for k, n in b.per_buurt.items()])
        if not any(p.inwoners for p in r.per_inwoners):
            yield Static("Vul bij de instellingen (i op het startscherm) het aantal inwoners "
                         "per buurt in, dan staat hier hoeveel signalen per 1.000 inwoners.",
                         classes="impact-zin", markup=False)
        yield _tabel("Aandeel per praktijkvorm", ("Vorm", "Signalen", "Aandeel"),
                     [(k, a.aantal, _procent(a.procent)) for k, a in r.aandeel_vorm.items()])

    def _doorwerking(self, i: Impact) -> Iterator[Widget]:
        d = i.doorwerking
        grafiek = self._grafiek(f"Trechter (n = {d.trechter[0][1].n})")
        # Van onder naar boven getekend: de eerste stap (alle signalen) bovenaan.
        stappen = d.trechter[::-1]
        grafiek.plt.bar([naam for naam, _ in stappen], [a.aantal for _, a in stappen],
                        orientation="horizontal", marker="hd")
        yield grafiek
        yield _tabel("Trechter", ("Stap", "Signalen", "Van alle"),
                     [(naam, a.aantal, _procent(a.procent)) for naam, a in d.trechter])
        yield _tabel("Looptijd en afspraken", ("Maat", "Waarde"), [
            ("Signaal tot besluit (mediaan)", d.signaal_tot_besluit.tekst()),
            ("Besluit tot gereed (mediaan)", d.besluit_tot_gereed.tekst()),
            ("Eerste stap op tijd", d.eerste_stap_op_tijd.tekst()),
            ("Checkmoment op tijd", d.checkmoment_op_tijd.tekst()),
            ("Vastgelopen", d.vastgelopen.tekst()),
            ("Gestopt", d.gestopt.tekst()),
        ])
        yield _tabel("Waarom vastgelopen of gestopt", ("Keer", "Reden"),
                     [(n, een_regel(reden)) for reden, n in d.redenen.items()])

    def _terugkoppeling(self, i: Impact) -> Iterator[Widget]:
        t = i.terugkoppeling
        yield _tabel("Terugkoppeling", ("Maat", "Waarde"), [
            ("Vergaderingen met terugkoppeling", t.met_terugkoppeling.tekst()),
            ("Beloofde updates op tijd", t.updates_op_tijd.tekst()),
            ("Beloofde updates te laat", t.updates_te_laat),
            ("Signaal tot terugkoppeling (mediaan)", t.signaal_tot_terugkoppeling.tekst()),
        ])
        yield _tabel("Kanalen", ("Kanaal", "Keer"), list(t.kanalen.items()))

    # --- handelingen ------------------------------------------------------------------

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

    def commandos(self) -> Iterator[tuple[str, str, object]]:
        """De handelingen van dit scherm voor het commandopalet."""
        yield ("Andere periode", "p: de laatste 12 maanden, dit jaar, vorig jaar",
               self.action_periode)
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
