"""Het signalenscherm (l op het startscherm): signalen tussen de vergaderingen toevoegen,
bewerken en intrekken, met filters op status, praktijkvorm, thema en buurt, en zoeken.

De lijst wordt één keer gelezen (uit de lijstindex, in een werkdraad); filteren en zoeken
gebeurt in het geheugen en de tabel toont hoogstens ``TONEN`` rijen, zodat elke toets ook
na dertig jaar signalen vlot blijft. Na een wijziging verandert alleen die rij.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Input, Select, Static

from vergadering import datums
from vergadering.fouten import VergaderingFout
from vergadering.opslag.wijzigingen import Wijziging
from vergadering.tekst import een_regel, invoer, kort
from vergadering.tussendoor import Filter, SignaalRij, Tussendoor, raakt
from vergadering.zinnen import getal

from .formulieren.basis import Invoer, Keuzelijst
from .paneel import cel, geselecteerd

TONEN = 200
UITLEG_INTREKKEN = ("x trekt een open signaal in: het wordt afgehandeld met uw reden en "
                    "blijft in de lijst te vinden (h heropent).")


class SignalenScherm(Screen[None]):
    """Signalen van één wijkverband, tussen de vergaderingen."""

    CSS_PATH = "tussendoor.tcss"
    BINDINGS = [
        Binding("a", "toevoegen", "Toevoegen"),
        Binding("e", "bewerken", "Bewerken"),
        Binding("x", "intrekken", "Intrekken"),
        Binding("h", "heropenen", "Heropenen", show=False),  # staat in de uitleg erboven
        Binding("slash", "zoeken", "Zoeken", key_display="/"),
        Binding("f", "filter", "Filter"),
        Binding("escape", "terug", "Terug"),
    ]

    def __init__(self, tussendoor: Tussendoor) -> None:
        super().__init__()
        self.td = tussendoor
        self.geladen = False
        self.filter = Filter()
        self.getoond: list[SignaalRij] = []
        self._breed: bool | None = None
        self._voorstel: dict[str, Any] = {}  # vorm, buurt en datum van het vorige signaal

    def compose(self) -> ComposeResult:
        yield Header(icon="◆")
        with Horizontal(id="filters"):
            yield Invoer(id="zoek", placeholder="zoeken (/)")
            yield Keuzelijst([], id="f-status", prompt="status")
            yield Keuzelijst([], id="f-vorm", prompt="vorm")
            yield Keuzelijst([], id="f-thema", prompt="thema")
            yield Keuzelijst([], id="f-buurt", prompt="buurt")
        yield Static("Even geduld: de signalen worden gelezen…", id="stand", markup=False)
        yield DataTable(id="signalen", cursor_type="row", zebra_stripes=True)
        yield Static("", id="detail", markup=False)
        yield Footer(compact=True)

    @property
    def tabel(self) -> DataTable:
        """De tabel met signalen."""
        return self.query_one("#signalen", DataTable)

    def on_mount(self) -> None:
        self.sub_title = f"Signalen · {een_regel(self.td.wijkverband.naam)}"
        self.tabel.focus()
        self._lees()

    @work(thread=True, exclusive=True, group="lezen")
    def _lees(self) -> None:
        try:
            rijen = self.td.lees_signalen(overnemen=False)
        except VergaderingFout as fout:
            self.app.call_from_thread(self._leesfout, str(fout))
            return
        self.app.call_from_thread(self._gelezen, rijen)

    def volg_elders(self, wijzigingen: list[Wijziging] | None) -> None:
        """Een ander proces (de opdrachtregel, een import, een tweede venster) bewaarde iets:
        lees de lijst opnieuw als het signalen van dit wijkverband raakt."""
        if raakt(wijzigingen, self.td.wijkverband.id, {"signalen"}):
            self._lees()

    def _leesfout(self, melding: str) -> None:
        self.query_one("#stand", Static).update(melding)
        self.notify(melding, severity="error", markup=False)

    def _gelezen(self, rijen: list[SignaalRij]) -> None:
        self.td.neem_over(rijen)
        self.geladen = True
        self.refresh_bindings()  # a, e en x kunnen nu
        self._vul_keuzes()
        self.ververs()

    def _vul_keuzes(self) -> None:
        keuzes = self.td.keuzes()
        for naam, waarden in keuzes.items():
            select = self.query_one(f"#f-{naam}", Select)
            huidig = select.value
            select.set_options([(een_regel(w), w) for w in waarden])
            if huidig in waarden:
                select.value = huidig

    # --- tekenen -------------------------------------------------------------------------

    def on_resize(self) -> None:
        if self.geladen:
            self.ververs()

    def _kolommen(self) -> list[tuple[str, str, int]]:
        breed = self.size.width >= 110
        vast = [("datum", "Datum", 11), ("vorm", "Vorm", 6), ("thema", "Thema", 9),
                ("status", "Status", 11), ("aantal", "Bew.", 4)]
        if breed:
            vast.insert(3, ("buurt", "Buurt", 14))
            vast.append(("contact", "✉", 1))
        # De rest is voor de tekst: elke kolom heeft opvulling (2), de tabel een marge (2)
        # en een schuifbalk (2).
        tekst = max(16, self.size.width - sum(b + 2 for _, _, b in vast) - 2 - 2 - 2)
        return [vast[0], ("tekst", "Signaal", tekst), *vast[1:]]

    def ververs(self) -> None:
        """Filter en teken de tabel opnieuw (de cursor blijft op hetzelfde signaal)."""
        tabel = self.tabel
        cursor = geselecteerd(tabel)
        kolommen = self._kolommen()
        breed = len(kolommen) > 6
        if breed != self._breed or not tabel.columns:
            tabel.clear(columns=True)
            for sleutel, kop, b in kolommen:
                tabel.add_column(kop, key=sleutel, width=b)
            self._breed = breed
        else:
            tabel.clear()
        rijen, aantal = self.td.filter(self.filter, TONEN)
        self.getoond = rijen
        breedtes = {k: b for k, _, b in kolommen}
        for r in rijen:
            tabel.add_row(*self._cellen(r, breedtes, breed), key=r.id)
        if cursor is not None and cursor in tabel.rows:
            tabel.move_cursor(row=tabel.get_row_index(cursor), animate=False)
        self._stand(aantal)
        self._toon_detail()

    def _cellen(self, r: SignaalRij, b: dict[str, int], breed: bool) -> list[Any]:
        stijl = "" if r.open else "dim"
        cellen = [
            Text(datums.kort(r.datum), style=stijl),
            cel(r.tekst, b["tekst"], stijl),
            Text(r.vorm, style=stijl),
            cel(r.thema, b["thema"], stijl),
            Text(r.status, style=stijl),
            Text(str(r.met_bundel), style=stijl, justify="right"),
        ]
        if breed:
            cellen.insert(4, cel(r.buurt, b["buurt"], stijl))  # na het thema
            cellen.append(Text("✉" if r.heeft_contact else ""))
        return cellen

    def _stand(self, aantal: int) -> None:
        totaal = len(self.td.rijen)
        f = self.filter
        gefilterd = any((f.status, f.vorm, f.thema, f.buurt, f.zoek.strip()))
        if gefilterd:
            tekst = f"{aantal} van {getal(totaal)} signalen passen"
        else:
            open_ = sum(1 for r in self.td.rijen if r.open) if totaal < 50_000 else None
            tekst = f"{getal(totaal)} signalen" + (f", {getal(open_)} open" if open_ else "")
        if aantal > TONEN:
            tekst += f"; de nieuwste {TONEN} staan hier (zoek of filter voor de rest)"
        self.query_one("#stand", Static).update(tekst + ". a voegt toe. " + UITLEG_INTREKKEN)

    def _toon_detail(self) -> None:
        r = self._rij()
        detail = self.query_one("#detail", Static)
        if r is None:
            detail.update("Geen signalen die hier passen." if self.geladen else "")
            return
        delen = [een_regel(r.tekst)]
        if r.reden:
            delen.append(f"Reden: {een_regel(r.reden)}")
        if r.gebundeld_in:
            hoofd = self.td.rij(r.gebundeld_in)
            delen.append(f"Gebundeld in: {kort(hoofd.tekst, 50) if hoofd else r.gebundeld_in}")
        if r.met_bundel != r.aantal:
            delen.append(f"{r.met_bundel} bewoners met de bundel")
        if r.heeft_contact:
            delen.append("Contact bekend (privé)")
        detail.update(" · ".join(delen))

    def _rij(self) -> SignaalRij | None:
        sleutel = geselecteerd(self.tabel)
        return self.td.rij(sleutel) if sleutel else None

    @on(DataTable.RowHighlighted, "#signalen")
    def _gemarkeerd(self) -> None:
        self._toon_detail()

    # --- filteren en zoeken ----------------------------------------------------------------

    @on(Input.Changed, "#zoek")
    def _zoek(self, event: Input.Changed) -> None:
        self._zet_filter(zoek=event.value)

    @on(Input.Submitted, "#zoek")
    def _zoek_klaar(self) -> None:
        self.tabel.focus()

    @on(Select.Changed)
    def _filter_gekozen(self, event: Select.Changed) -> None:
        naam = (event.select.id or "").removeprefix("f-")
        if naam in ("status", "vorm", "thema", "buurt"):
            waarde = "" if event.value is Select.NULL else str(event.value)
            self._zet_filter(**{naam: waarde})

    def _zet_filter(self, **wat: str) -> None:
        from dataclasses import replace

        nieuw = replace(self.filter, **wat)
        if nieuw != self.filter:
            self.filter = nieuw
            if self.geladen:
                self.ververs()

    def action_zoeken(self) -> None:
        """Naar het zoekveld."""
        self.query_one("#zoek", Input).focus()

    def action_filter(self) -> None:
        """Naar de filters (status, vorm, thema, buurt)."""
        self.query_one("#f-status", Select).focus()

    def action_terug(self) -> None:
        """Uit een filter terug naar de lijst; uit de lijst terug naar het startscherm."""
        if self.focused is not self.tabel:
            self.tabel.focus()
            return
        self.dismiss(None)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("toevoegen", "bewerken", "intrekken", "heropenen"):
            return self.geladen
        return True

    # --- handelingen ---------------------------------------------------------------------

    def _formulier(self, waarden: dict[str, Any], bewerk: str | None) -> Any:
        from .formulieren.signaal_tussendoor import SignaalBewerken

        return SignaalBewerken(
            self.td.wijkverband.themas, self.td.vandaag(),
            lijkend=lambda tekst: self.td.lijkend(tekst, zonder=bewerk),
            controle=self.td.controleer, waarden=waarden, bewerk=bewerk)

    def action_toevoegen(self, waarden: dict[str, Any] | None = None) -> None:
        """Een nieuw signaal (met de bundelhint)."""

        def klaar(uit: dict[str, Any] | None) -> None:
            if uit is None:
                return
            bundel_met = uit.pop("bundel_met", None)
            try:
                s = self.td.voeg_toe(uit)
            except VergaderingFout as fout:
                # Niets verloren: het formulier gaat weer open met wat er getypt was.
                self.notify(str(fout), severity="error", markup=False)
                self.action_toevoegen(uit)
                return
            self._voorstel = {k: uit.get(k) for k in ("vorm", "buurt", "datum")}
            melding = f"Signaal toegevoegd: {kort(s.tekst, 50)}."
            if bundel_met:
                melding = self._bundel(bundel_met, s.id, melding)
            self._na_wijziging(s.id if not bundel_met else bundel_met)
            self.notify(melding, markup=False, timeout=3)

        self.app.push_screen(self._formulier(waarden or dict(self._voorstel), None), klaar)

    def _bundel(self, hoofd_id: str, dubbel_id: str, melding: str) -> str:
        try:
            hoofd = self.td.bundel(hoofd_id, dubbel_id)
        except VergaderingFout as fout:
            self.notify(f"Bewaard, maar bundelen lukte niet: {fout}", severity="error",
                        markup=False)
            return melding
        return f"Gebundeld in: {kort(hoofd.tekst, 50)} ({self.td.rij(hoofd_id).met_bundel} " \
               "bewoners)."

    def action_bewerken(self) -> None:
        """Bewerk het gemarkeerde (open) signaal."""
        r = self._rij()
        if r is None:
            return
        if not r.open:
            self.notify(f"Dit signaal is {r.status}; alleen een nieuw of geparkeerd signaal "
                        "kan bewerkt worden." + (" Heropen het eerst met h."
                                                 if r.status == "afgehandeld" else ""),
                        markup=False)
            return
        try:
            s = self.td.signaal(r.id)
        except VergaderingFout as fout:
            self.notify(str(fout), severity="error", markup=False)
            return
        begin = {k: getattr(s, k) for k in ("tekst", "aantal", "thema", "vorm", "buurt",
                                            "datum", "contact")}

        def klaar(uit: dict[str, Any] | None) -> None:
            if uit is None:
                return
            bundel_met = uit.pop("bundel_met", None)
            try:
                nieuw = self.td.bewerk(s.id, uit)
            except VergaderingFout as fout:
                self.notify(str(fout), severity="error", markup=False)
                return
            melding = f"Signaal bewaard: {kort(nieuw.tekst, 50)}."
            if bundel_met:
                melding = self._bundel(bundel_met, s.id, melding)
            self._na_wijziging(bundel_met or s.id)
            self.notify(melding, markup=False, timeout=3)

        self.app.push_screen(self._formulier(begin, s.id), klaar)

    @on(DataTable.RowSelected, "#signalen")
    def _gekozen(self) -> None:
        self.action_bewerken()

    def action_intrekken(self) -> None:
        """Trek het gemarkeerde signaal in: afgehandeld met een reden."""
        from .formulieren.basis import TekstVraag

        r = self._rij()
        if r is None:
            return
        if not r.open:
            self.notify(f"Dit signaal is al {r.status}; alleen een nieuw of geparkeerd "
                        "signaal kan ingetrokken worden.", markup=False)
            return

        def klaar(reden: str | None) -> None:
            if reden is None:
                return
            try:
                self.td.trek_in(r.id, reden)
            except VergaderingFout as fout:
                self.notify(str(fout), severity="error", markup=False)
                return
            self._na_wijziging(r.id)
            self.notify("Ingetrokken: het signaal is afgehandeld en blijft te vinden "
                        "(h heropent).", markup=False, timeout=3)

        self.app.push_screen(TekstVraag(
            f"Intrekken: {kort(r.tekst, 60)}", "Waarom intrekken?",
            hint="Het signaal wordt afgehandeld met deze reden; het verdwijnt niet en h "
                 "heropent het.",
            controle=lambda t: invoer(t, "waarom het signaal ingetrokken wordt",
                                      verplicht=True, maximum=900),
            knop="Intrekken"), klaar)

    def action_heropenen(self) -> None:
        """Zet een ingetrokken (afgehandeld) signaal terug op nieuw."""
        r = self._rij()
        if r is None:
            return
        try:
            self.td.heropen(r.id)
        except VergaderingFout as fout:
            self.notify(str(fout), severity="error", markup=False)
            return
        self._na_wijziging(r.id)
        self.notify("Heropend: het signaal is weer nieuw.", markup=False, timeout=3)

    def _na_wijziging(self, signaal_id: str) -> None:
        self._vul_keuzes()
        self.ververs()
        if signaal_id in self.tabel.rows:
            self.tabel.move_cursor(row=self.tabel.get_row_index(signaal_id), animate=False)
        self.tabel.focus()

    def commandos(self) -> list[tuple[str, str, object]]:
        """De handelingen van dit scherm voor het commandopalet."""
        return [
            ("Signaal toevoegen", "a: met de bundelhint", self.action_toevoegen),
            ("Signaal bewerken", "e of enter", self.action_bewerken),
            ("Signaal intrekken", "x: afgehandeld met reden, blijft te vinden",
             self.action_intrekken),
            ("Signaal heropenen", "h: een ingetrokken signaal weer nieuw",
             self.action_heropenen),
            ("Signalen zoeken", "/", self.action_zoeken),
            ("Signalen filteren", "f: status, praktijkvorm, thema, buurt", self.action_filter),
            ("Terug naar het startscherm", "esc", self.action_terug),
        ]


