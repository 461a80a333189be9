"""Kiezen in fase 2: haalbaarheid en impact wegen, en stemmen."""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import (
    DataTable,
    Input,
    Select,
    Static,
)

from vergadering.fouten import OngeldigeInvoer, VergaderingFout
from vergadering.stemming import KEUZES, Stemming
from vergadering.tekst import een_regel, kort

from .basis import (
    Formulier,
    Invoer,
    Keuzelijst,
    lees_getal,
    tekst,
    veld,
)


class WegingFormulier(Formulier[tuple[int, int]]):
    """Haalbaarheid en impact van een topsignaal, elk 1–5."""

    knop = "Wegen"

    def __init__(self, signaaltekst: str, haalbaarheid: int = 3, impact: int = 3) -> None:
        super().__init__()
        self.titel = f"Wegen: {een_regel(signaaltekst)[:60]}"
        self.h, self.i = haalbaarheid, impact

    def velden(self) -> ComposeResult:
        with Horizontal(classes="rij"):
            with Vertical():
                yield from veld("Haalbaarheid (1–5)",
                                Invoer(str(self.h), id="haalbaarheid", voorstel=True))
            with Vertical():
                yield from veld("Impact (1–5)", Invoer(str(self.i), id="impact", voorstel=True))
        yield Static("5 is het best: goed te doen, veel verschil voor bewoners.",
                     classes="veld-hint")

    def lees(self) -> tuple[int, int]:
        return (
            lees_getal(self.waarde("#haalbaarheid"), "haalbaarheid", 1, 5),
            lees_getal(self.waarde("#impact"), "impact", 1, 5),
        )


class StemmingFormulier(Formulier[Stemming]):
    """Een voorstel in stemming: aantallen, of één stem per aanwezig lid.

    De uitslag (met meerderheid en quorum) staat er live onder.
    """

    knop = "Stemming vastleggen"
    BINDINGS = [
        Binding("v", "stem('voor')", "Voor"),
        Binding("t", "stem('tegen')", "Tegen"),
        Binding("o", "stem('onthouding')", "Onthouding"),
        Binding("x", "stem('')", "Geen stem"),
    ]

    def __init__(
        self,
        maak: Callable[..., Stemming],
        stemmers: list[tuple[str, str]],
        voorstel: str,
        signaal: str = "",
    ) -> None:
        super().__init__()
        self.maak = maak
        self.stemmers = stemmers  # (lid_id, naam)
        self.voorstel = voorstel
        self.signaal = signaal  # waar het over gaat; zelf nog geen actie
        self.per_lid: dict[str, str] = {}
        self.titel = "Stemming over een voorstel"

    def velden(self) -> ComposeResult:
        if self.signaal:
            yield Static(f"Signaal: {kort(self.signaal, 160)}", classes="veld-hint",
                         markup=False)
        # Leeg, of een eerder voorstel dat bij de eerste toets wordt vervangen: de klacht
        # zelf wordt nooit stilzwijgend de actie (dan stond in het verslag het probleem).
        yield from veld("Voorstel: wat gaan we doen? (één zin)",
                        Invoer(self.voorstel, id="voorstel", voorstel=True,
                               placeholder="wat gaan we doen?"))
        yield from veld(
            "Stemwijze",
            Keuzelijst([("Aantallen tellen", "aantallen"), ("Per lid, bij naam", "per_lid")],
                   id="wijze", value="aantallen", allow_blank=False),
        )
        with Horizontal(classes="rij", id="aantallen"):
            for keuze in KEUZES:
                with Vertical():
                    yield from veld(keuze.capitalize(), Invoer("0", id=keuze, voorstel=True))
        yield DataTable(id="perlid", cursor_type="row", classes="verborgen")
        yield Static("", id="uitslag", markup=False)

    def on_mount(self) -> None:
        tabel = self.query_one("#perlid", DataTable)
        tabel.add_column("Lid")
        tabel.add_column("Stem", width=12)
        for lid_id, naam in self.stemmers:
            tabel.add_row(tekst(naam), "—", key=lid_id)
        self.query_one("#voorstel", Input).focus()
        self._toon_uitslag()

    @property
    def per_naam(self) -> bool:
        """Waar als er per lid gestemd wordt."""
        return self.query_one("#wijze", Select).value == "per_lid"

    @on(Select.Changed, "#wijze")
    def _wijze(self) -> None:
        self.query_one("#aantallen").set_class(self.per_naam, "verborgen")
        self.query_one("#perlid").set_class(not self.per_naam, "verborgen")
        self._toon_uitslag()

    @on(Input.Changed)
    def _telling(self) -> None:
        self._toon_uitslag()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "stem":
            return isinstance(self.focused, DataTable)
        return True

    def on_descendant_focus(self) -> None:
        self.refresh_bindings()

    def action_stem(self, keuze: str) -> None:
        """Zet de stem van het lid onder de cursor en ga naar het volgende lid."""
        tabel = self.query_one("#perlid", DataTable)
        if not tabel.row_count:
            return
        rij = tabel.coordinate_to_cell_key(tabel.cursor_coordinate).row_key
        if keuze:
            self.per_lid[str(rij.value)] = keuze
        else:
            self.per_lid.pop(str(rij.value), None)
        tabel.update_cell(rij, tabel.ordered_columns[1].key, keuze or "—")
        tabel.action_cursor_down()
        self._toon_uitslag()

    def _maak(self) -> Stemming:
        voorstel = self.waarde("#voorstel")
        if not voorstel.strip():
            raise OngeldigeInvoer(
                "Typ het voorstel: wat gaan we doen? Het signaal zelf is nog geen actie."
            )
        if self.per_naam:
            return self.maak(voorstel, per_lid=dict(self.per_lid))
        return self.maak(
            voorstel,
            voor=lees_getal(self.waarde("#voor"), "voor", 0, 10_000),
            tegen=lees_getal(self.waarde("#tegen"), "tegen", 0, 10_000),
            onthouding=lees_getal(self.waarde("#onthouding"), "onthouding", 0, 10_000),
        )

    def _toon_uitslag(self) -> None:
        uitslag = self.query_one("#uitslag", Static)
        try:
            stemming = self._maak()
        except (VergaderingFout, ValueError) as fout:
            uitslag.update(f"Uitslag: nog niet te bepalen. {fout}")
            uitslag.set_class(False, "aangenomen")
            return
        uitslag.update(
            f"Uitslag: {stemming.uitslag()} Aanwezig met stemrecht: {stemming.aanwezig}, "
            f"quorum {stemming.quorum}."
        )
        uitslag.set_class(stemming.aangenomen, "aangenomen")

    def lees(self) -> Stemming:
        return self._maak()
