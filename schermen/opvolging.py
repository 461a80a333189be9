"""Het opvolgingsscherm, "mijn acties" (o op het startscherm): elke open actie met wat er te
doen is (uit ``vergadering.opvolging``), per eigenaar, met een filter op eigenaar. Van hieruit
geeft de eigenaar tussen de vergaderingen een statusupdate door (s of enter); fase 3 van de
volgende vergadering toont die als al gedaan."""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Select, Static

from vergadering import datums
from vergadering.actie import Actie
from vergadering.fouten import VergaderingFout
from vergadering.opslag.wijzigingen import Wijziging
from vergadering.opvolging import Punt
from vergadering.tekst import een_regel, kort
from vergadering.tussendoor import ActieRegel, Eigenaar, Tussendoor, raakt

from .formulieren.basis import Keuzelijst
from .paneel import cel, geselecteerd

EIGENAAR = "eigenaar:"


class OpvolgingScherm(Screen[None]):
    """Mijn acties: open acties per eigenaar, met wat er te doen is."""

    CSS_PATH = "tussendoor.tcss"
    BINDINGS = [
        Binding("s", "update", "Statusupdate"),
        Binding("f", "filter", "Eigenaar kiezen"),
        Binding("escape", "terug", "Terug"),
    ]

    def __init__(self, tussendoor: Tussendoor) -> None:
        super().__init__()
        self.td = tussendoor
        self.geladen = False
        self.eigenaar: str | None = None
        self.groepen: list[Eigenaar] = []
        self._acties: dict[str, Actie] = {}

    def compose(self) -> ComposeResult:
        yield Header(icon="◆")
        with Horizontal(id="filters"):
            yield Static("Eigenaar:", id="f-label", markup=False)
            yield Keuzelijst([], id="f-eigenaar", prompt="alle eigenaren")
        yield Static("Even geduld: de acties worden gelezen…", id="stand", markup=False)
        yield DataTable(id="acties", cursor_type="row", zebra_stripes=True)
        yield Static("", id="detail", markup=False)
        yield Footer(compact=True)

    @property
    def tabel(self) -> DataTable:
        """De tabel met acties per eigenaar."""
        return self.query_one("#acties", DataTable)

    def on_mount(self) -> None:
        self.sub_title = f"Opvolging · {een_regel(self.td.wijkverband.naam)}"
        self.tabel.focus()
        self._lees()

    @work(thread=True, exclusive=True, group="lezen")
    def _lees(self) -> None:
        try:
            groepen = self.td.per_eigenaar(self.eigenaar)
        except VergaderingFout as fout:
            self.app.call_from_thread(self._leesfout, str(fout))
            return
        self.app.call_from_thread(self._gelezen, groepen)

    def volg_elders(self, wijzigingen: list[Wijziging] | None) -> None:
        """Een ander proces bewaarde iets: opnieuw lezen als het dit wijkverband raakt."""
        if raakt(wijzigingen, self.td.wijkverband.id, {"acties", "vergaderingen"}):
            self._lees()

    def _leesfout(self, melding: str) -> None:
        self.query_one("#stand", Static).update(melding)
        self.notify(melding, severity="error", markup=False)

    def _gelezen(self, groepen: list[Eigenaar]) -> None:
        self.groepen = groepen
        self.geladen = True
        select = self.query_one("#f-eigenaar", Select)
        if self.eigenaar is None:
            select.set_options([(een_regel(n), n) for n in self.td.eigenaren()])
        self.ververs()

    # --- tekenen -------------------------------------------------------------------------

    def on_resize(self) -> None:
        if self.geladen:
            self.ververs()

    def ververs(self) -> None:
        """Teken de tabel opnieuw uit de gelezen groepen."""
        tabel = self.tabel
        cursor = geselecteerd(tabel)
        breed = self.size.width >= 110
        # Opvulling per kolom (2), marge (2) en schuifbalk (2); de actie (met de naam van
        # de eigenaar erboven) krijgt de helft van wat er over is.
        rest = self.size.width - 11 - 2 * (4 if breed else 3) - 4
        update_b = 30 if breed else 0
        rest -= update_b
        actie_b = max(20, rest // 2)
        te_doen_b = max(12, rest - actie_b)
        tabel.clear(columns=True)
        tabel.add_column("Actie", key="actie", width=actie_b)
        tabel.add_column("Status", key="status", width=11)
        tabel.add_column("Te doen", key="te_doen", width=te_doen_b)
        if breed:
            tabel.add_column("Laatste update tussendoor", key="update", width=update_b)
        leeg = [Text("")] * (3 if breed else 2)
        self._acties = {}
        acties = 0
        for g in self.groepen:
            tabel.add_row(Text(kort(een_regel(g.naam), actie_b), style="bold"), *leeg,
                          key=EIGENAAR + g.naam)
            for p in g.updates:
                tabel.add_row(_ingesprongen(f"Update aan bewoners via {p.wat}" if p.wat
                                            else "Update aan bewoners", actie_b),
                              Text(""), _te_doen([p], te_doen_b, alleen_wanneer=True),
                              *leeg[2:], key=f"update:{g.naam}:{p.datum}")
            for r in g.acties:
                acties += 1
                self._acties[r.actie.id] = r.actie
                # Een regel per punt: op 80 kolommen past er één naast de actie.
                tabel.add_row(*self._cellen(r, actie_b, te_doen_b, update_b), key=r.actie.id,
                              height=max(1, len(r.punten)))
        if cursor is not None and cursor in tabel.rows:
            tabel.move_cursor(row=tabel.get_row_index(cursor), animate=False)
        elif self._acties:
            tabel.move_cursor(row=tabel.get_row_index(next(iter(self._acties))), animate=False)
        updates = sum(len(g.updates) for g in self.groepen)
        if acties or updates:
            n = len(self.groepen)
            stand = (f"{acties} open {'actie' if acties == 1 else 'acties'}"
                     + (f" en {updates} beloofde {'update' if updates == 1 else 'updates'}"
                        if updates else "")
                     + f" bij {n} {'eigenaar' if n == 1 else 'eigenaren'}. s geeft een "
                     "statusupdate door (komt in fase 3 van de volgende vergadering).")
        else:
            stand = "Geen open acties" + (" voor deze eigenaar." if self.eigenaar else ".")
        self.query_one("#stand", Static).update(stand)
        self._toon_detail()

    def _cellen(self, r: ActieRegel, actie_b: int, te_doen_b: int, update_b: int) -> list:
        a = r.actie
        cellen = [_ingesprongen(f"{a.nummer}  {a.omschrijving}", actie_b), Text(a.status),
                  _te_doen(r.punten, te_doen_b)]
        if update_b:
            cellen.append(cel(_update(a), update_b))
        return cellen

    def _toon_detail(self) -> None:
        actie = self._actie()
        detail = self.query_one("#detail", Static)
        if actie is None:
            detail.update("" if self._acties or not self.geladen else
                          "Niets op te volgen.")
            return
        delen = [f"Actie {actie.nummer} van {een_regel(actie.eigenaar)}"]
        if actie.eerste_stap_datum:
            delen.append(f"eerste stap {datums.kort(actie.eerste_stap_datum)}")
        if actie.checkmoment:
            delen.append(f"checkmoment {datums.kort(actie.checkmoment)}")
        laatste = _update(actie)
        # De tweede regel: de laatste update tussendoor, anders wat de actie is.
        tweede = (f"Laatste update: {laatste}" if laatste
                  else een_regel(actie.omschrijving))
        detail.update(Text(" · ".join(delen) + "\n" + tweede))

    def _actie(self) -> Actie | None:
        sleutel = geselecteerd(self.tabel)
        return self._acties.get(sleutel) if sleutel else None

    @on(DataTable.RowHighlighted, "#acties")
    def _gemarkeerd(self) -> None:
        self._toon_detail()

    @on(DataTable.RowSelected, "#acties")
    def _gekozen(self) -> None:
        self.action_update()

    @on(Select.Changed, "#f-eigenaar")
    def _eigenaar_gekozen(self, event: Select.Changed) -> None:
        eigenaar = None if event.value is Select.NULL else str(event.value)
        if eigenaar != self.eigenaar:
            self.eigenaar = eigenaar
            self._lees()

    # --- handelingen ---------------------------------------------------------------------

    def action_filter(self) -> None:
        """Naar de keuze van de eigenaar."""
        self.query_one("#f-eigenaar", Select).focus()

    def action_terug(self) -> None:
        """Uit de keuze terug naar de lijst; uit de lijst terug naar het startscherm."""
        if self.focused is not self.tabel:
            self.tabel.focus()
            return
        self.dismiss(None)

    def action_update(self) -> None:
        """De statusupdate van de eigenaar voor de gemarkeerde actie."""
        from .formulieren.statusupdate import StatusUpdate, StatusUpdateFormulier

        actie = self._actie()
        if actie is None:
            self.notify("Kies eerst een actie (pijltjes); een eigenaar of een update aan "
                        "bewoners krijgt geen status.", markup=False)
            return

        def klaar(uit: StatusUpdate | None) -> None:
            if uit is None:
                return
            try:
                nieuw = self.td.statusupdate(actie.id, uit.status, uit.toelichting, uit.datum,
                                             uit.door)
            except VergaderingFout as fout:
                self.notify(str(fout), severity="error", markup=False)
                return
            self.notify(f"Actie {nieuw.nummer}: {nieuw.status}. Bewaard; het staat in fase 3 "
                        "van de volgende vergadering.", markup=False, timeout=4)
            self._lees()

        self.app.push_screen(StatusUpdateFormulier(actie, self.td.vandaag()), klaar)

    def commandos(self) -> list[tuple[str, str, object]]:
        """De handelingen van dit scherm voor het commandopalet."""
        return [
            ("Statusupdate van de eigenaar", "s of enter: status, toelichting en datum",
             self.action_update),
            ("Eigenaar kiezen", "f: alleen de acties van één eigenaar", self.action_filter),
            ("Terug naar het startscherm", "esc", self.action_terug),
        ]


def _ingesprongen(tekst: str, breedte: int) -> Text:
    """Een regel onder de naam van de eigenaar: twee spaties in, één regel, geen opmaak."""
    return Text("  " + kort(een_regel(tekst), breedte - 2))


def _te_doen(punten: list[Punt], breedte: int, alleen_wanneer: bool = False) -> Text:
    """Wat er te doen is, een regel per punt ('eerste stap 3 dagen te laat'); rood wat te
    laat is."""
    if not punten:
        return Text("niets dringends", style="dim")
    uit = Text()
    for i, p in enumerate(punten):
        regel = p.wanneer() if alleen_wanneer else f"{p.soort} {p.wanneer()}"
        uit.append(("\n" if i else "") + kort(regel, breedte),
                   style="bold red" if p.dagen < 0 else "")
    return uit


def _update(actie: Actie) -> str:
    """De laatste update tussendoor, datum voorop (past zo ook in een smalle kolom):
    '22 nov 2026, Woonstede: loopt (Bakken besteld)'."""
    w = actie.update_tussendoor()
    if w is None:
        return ""
    door = f", {een_regel(w.door)}" if w.door else ""
    uitleg = f" ({een_regel(w.toelichting)})" if w.toelichting else ""
    return f"{datums.kort(w.moment.date())}{door}: {w.status}{uitleg}"
