"""De agendapunten rond het cyclusblok: een gewoon punt (opening, rondvraag, sluiting, een
punt voor deze keer) en het vaststellen van het vorige verslag.

Elk punt heeft de klok van een fase (de voorzitter gaat verder met n) en zijn eigen notities
(o). Een punt houdt het sluiten nooit tegen: x sluit hier net als in fase 3, en alleen de
terugkoppeling kan dat weigeren.
"""

from __future__ import annotations

from collections.abc import Iterator

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Static, TextArea

from vergadering import agenda, datums
from vergadering.agendabeheer import agendabeheer
from vergadering.fouten import VergaderingFout

from .paneel import FasePaneel, cel, vul_tabel


def _gepland(seconden: int) -> str:
    if not seconden:
        return "geen vaste tijd"
    return "gepland 1 minuut" if seconden == 60 else f"gepland {seconden // 60} minuten"


class FasePunt(FasePaneel):
    """Een agendapunt buiten het cyclusblok: de titel, de tijd en de notities."""

    BINDINGS = [
        Binding("o", "screen.notities", "Notities"),
        Binding("a", "screen.punt_erbij", "Punt erbij"),
        Binding("x", "sluit", "Sluiten"),
    ]

    def compose(self) -> ComposeResult:
        yield Static("", id="punt-stand", classes="stand", markup=False)
        with VerticalScroll(id="punt-inhoud"):
            yield Static("", id="punt-notities", markup=False)
        yield Static("", id="punt-uitleg", classes="onderaan", markup=False)

    def focus_hoofd(self) -> None:
        self.query_one("#punt-inhoud").focus()

    def ververs(self) -> None:
        v = self.sessie.vergadering
        fase = v.fase
        if fase.cyclus:  # net gewisseld naar een fase van het cyclusblok
            return
        soort = " · alleen deze keer" if fase.soort == agenda.EXTRA_SOORT else ""
        self.query_one("#punt-stand", Static).update(
            f"Agendapunt: {fase.titel} · {_gepland(fase.gepland_s + fase.extra_s)}{soort}")
        notities = fase.notities.strip() or "Nog geen notities bij dit punt."
        self.query_one("#punt-notities", Static).update(notities)
        laatste = v.fase_index == len(v.fasen) - 1
        verder = "x: de vergadering sluiten" if laatste else "n: volgende punt"
        self.query_one("#punt-uitleg", Static).update(
            f"o: notities · a: een punt erbij voor deze keer · {verder}. Sluiten kan zodra "
            "de terugkoppeling compleet is.")

    def action_sluit(self) -> None:
        """Sluit de vergadering; alleen een onvolledige terugkoppeling houdt dat tegen."""
        from .fase_terugkoppelen import FaseTerugkoppelen

        self.screen.query_one(FaseTerugkoppelen).action_sluit()

    def commandos(self) -> Iterator[tuple[str, str, object]]:
        yield ("Vergadering sluiten", "x", self.action_sluit)


class FaseVerslag(FasePaneel):
    """Het vorige verslag vaststellen: het concept met de actielijst, de correcties uit de
    zaal in een tekstvak onderaan (c; bewaard terwijl u typt, esc terug) en vaststellen (f)."""

    BINDINGS = [
        Binding("c", "correcties", "Correcties"),
        Binding("f", "vaststellen", "Vaststellen"),
        Binding("o", "screen.notities", "Notities", show=False),
        Binding("x", "sluit", "Sluiten", show=False),
        Binding("escape", "terug", "Terug naar de lijst", show=False),
    ]
    DEFAULT_CSS = """
    FaseVerslag > #correcties-vak { height: 3; border: none; padding: 0 1; }
    FaseVerslag > #correcties-vak:focus { background: $primary 15%; }
    """

    def compose(self) -> ComposeResult:
        yield Static("", id="verslag-stand", classes="stand", markup=False)
        yield Static("", id="verslag-concept", classes="uitleg", markup=False)
        tabel = DataTable(id="vorige-acties", cursor_type="row", zebra_stripes=True)
        tabel.add_column("Nr", key="nr", width=3)
        tabel.add_column("Actie", key="actie", width=30)
        tabel.add_column("Eigenaar", key="eigenaar", width=14)
        tabel.add_column("Status", key="status", width=10)
        yield tabel
        yield Static("", id="verslag-correcties", classes="onderaan", markup=False)
        yield TextArea("", id="correcties-vak", soft_wrap=True)

    @property
    def beheer(self):
        """Het agendabeheer van de sessie."""
        return agendabeheer(self.sessie)

    def ververs(self) -> None:
        if self.sessie.vergadering.fase.soort != "verslag":
            return
        beheer = self.beheer
        stand = self.query_one("#verslag-stand", Static)
        correcties = self.query_one("#verslag-correcties", Static)
        try:
            vorig = beheer.vorig()
        except VergaderingFout as fout:  # de vorige vergadering is niet te lezen
            stand.update(f"{fout} Ga verder met n; de vergadering loopt gewoon door.")
            self.query_one("#verslag-concept", Static).update("")
            correcties.update("")
            self.correctievak.display = False
            return
        if vorig is None:
            stand.update("Er is geen vorig verslag: dit is de eerste vergadering. "
                         "Ga verder met n.")
            self.query_one("#verslag-concept", Static).update("")
            vul_tabel(self.tabel, [])
            correcties.update("")
            self.correctievak.display = False
            return
        merk = agenda.merk(vorig)
        stand.update(f"Verslag van {datums.lang(vorig.datum)} · {merk}")
        self.query_one("#verslag-concept", Static).update(
            " ".join(beheer.concept()) + " De actielijst:")
        vul_tabel(self.tabel, [
            (a.id, (str(a.nummer), cel(a.omschrijving, 30), cel(a.eigenaar, 14),
                    cel(a.status, 10)))
            for a in beheer.actielijst()
        ])
        if beheer.vastgesteld():
            correcties.update(f"{merk}. Correcties uit de zaal (c: typen, esc: terug):")
        else:
            correcties.update("Correcties uit de zaal (c: typen, esc: terug), daarna f: "
                              "vaststellen.")
        vak = self.correctievak
        vak.display = True
        gevraagd = self.sessie.vergadering.correcties_vorig
        if vak.text != gevraagd and not vak.has_focus:  # niet onder de vingers vandaan
            vak.load_text(gevraagd)

    @property
    def tabel(self) -> DataTable:
        """De actielijst van de vorige keer."""
        return self.query_one("#vorige-acties", DataTable)

    @property
    def correctievak(self) -> TextArea:
        """Het tekstvak met de correcties uit de zaal."""
        return self.query_one("#correcties-vak", TextArea)

    def action_correcties(self) -> None:
        """Naar het tekstvak met de correcties (bewaard terwijl u typt)."""
        if not self.correctievak.display:
            self.notify("Er is geen vorig verslag om te corrigeren.", markup=False)
            return
        self.correctievak.focus()

    def action_terug(self) -> None:
        """Van de correcties terug naar de actielijst."""
        self.tabel.focus()

    @on(TextArea.Changed, "#correcties-vak")
    def _correcties_gewijzigd(self, event: TextArea.Changed) -> None:
        event.stop()
        tekst = event.text_area.text
        if tekst == self.sessie.vergadering.correcties_vorig:
            return  # geladen, niet getypt
        try:
            self.beheer.zet_correcties(tekst)
        except VergaderingFout as fout:
            self.notify(str(fout), severity="error", markup=False)

    def action_vaststellen(self) -> None:
        """Stel het vorige verslag vast, met de correcties."""
        beheer = self.beheer
        if self.probeer(beheer.stel_vast):
            vorig = beheer.vorig()
            assert vorig is not None
            self.notify(f"Verslag van {datums.lang(vorig.datum)} vastgesteld.", markup=False,
                        timeout=3)

    def action_sluit(self) -> None:
        """Sluit de vergadering (alleen de terugkoppeling houdt dat tegen)."""
        from .fase_terugkoppelen import FaseTerugkoppelen

        self.screen.query_one(FaseTerugkoppelen).action_sluit()

    def commandos(self) -> Iterator[tuple[str, str, object]]:
        yield ("Correcties op het vorige verslag", "c", self.action_correcties)
        yield ("Vorig verslag vaststellen", "f", self.action_vaststellen)
