"""Een vergadering beginnen: datum, plaats, wie er is, voorzitter en notulist."""

from __future__ import annotations

from datetime import date
from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import (
    DataTable,
    Input,
    Label,
    Select,
    Static,
)

from vergadering import datumcontrole
from vergadering.fouten import OngeldigeInvoer
from vergadering.tekst import een_regel
from vergadering.vergadering import AANWEZIGHEID
from vergadering.wijkverband import (
    Wijkverband,
)

from .basis import (
    Formulier,
    Invoer,
    Keuzelijst,
    als_invoer,
    lees_datum,
    tekst,
    veld,
)
from .twijfel import BevestigTwijfels


class StartFormulier(BevestigTwijfels, Formulier[dict]):
    """Een nieuwe vergadering: datum, plaats, aanwezigheid, voorzitter, notulist, quorum."""

    knop = "Vergadering starten"
    BINDINGS = [
        Binding("a", "zet('aanwezig')", "Aanwezig"),
        Binding("f", "zet('afgemeld')", "Afgemeld"),
        Binding("w", "zet('afwezig')", "Afwezig"),
        Binding("space", "wissel", "Wissel", show=False),
    ]

    def __init__(self, wijkverband: Wijkverband, vandaag: date,
                 vorige: date | None = None) -> None:
        super().__init__()
        self.wv = wijkverband
        self.vandaag = vandaag
        self.vorige = vorige  # de datum van de vorige vergadering van dit wijkverband
        self.titel = f"Nieuwe vergadering van {een_regel(wijkverband.naam)}"
        self.aanwezigheid = {lid.id: "aanwezig" for lid in wijkverband.leden}

    def velden(self) -> ComposeResult:
        with Horizontal(classes="rij"):
            with Vertical():
                yield from veld("Datum", Invoer(als_invoer(self.vandaag), id="datum"))
            with Vertical():
                yield from veld("Plaats", Invoer("", id="plaats"))
        yield Label("Aanwezigheid (a aanwezig · f afgemeld · w afwezig)", classes="veld-label")
        tabel = DataTable(id="aanwezigheid", cursor_type="row", zebra_stripes=True)
        yield tabel
        yield Static("", id="quorum", markup=False)
        namen = [(een_regel(lid.naam), lid.naam) for lid in self.wv.leden]
        with Horizontal(classes="rij"):
            with Vertical():
                yield from veld("Voorzitter", Keuzelijst(namen, id="voorzitter", prompt="kies",
                                                    value=self._met_rol("voorzitter")))
            with Vertical():
                yield from veld("Notulist", Keuzelijst(namen, id="notulist", prompt="kies",
                                                  value=self._met_rol("notulist")))

    def _met_rol(self, rol: str) -> Any:
        lid = next((lid for lid in self.wv.leden if lid.rol == rol), None)
        return lid.naam if lid else Select.NULL

    def on_mount(self) -> None:
        tabel = self.query_one("#aanwezigheid", DataTable)
        tabel.add_columns("Naam", "Rol", "Aanwezigheid")
        for lid in self.wv.leden:
            rol = lid.rol if lid.stemrecht else f"{lid.rol} (geen stemrecht)"
            tabel.add_row(tekst(lid.naam), rol, self.aanwezigheid[lid.id], key=lid.id)
        self._toon_quorum()
        self.query_one("#datum", Input).focus()

    def _toon_quorum(self) -> None:
        stemmers = [lid for lid in self.wv.stemgerechtigden()
                    if self.aanwezigheid.get(lid.id) == "aanwezig"]
        nodig = self.wv.benodigd_quorum()
        oordeel = (
            "gehaald" if len(stemmers) >= nodig
            else "NIET gehaald: er kan niet besloten worden"
        )
        self.query_one("#quorum", Static).update(
            f"Quorum: {nodig} stemgerechtigden nodig, {len(stemmers)} aanwezig — {oordeel}. "
            f"Stippen te verdelen: {len(stemmers) * self.wv.stippen_per_lid}."
        )

    def action_zet(self, stand: str) -> None:
        """Zet de aanwezigheid van het lid onder de cursor."""
        tabel = self.query_one("#aanwezigheid", DataTable)
        if not tabel.row_count or self.focused is not tabel:
            return
        rij = tabel.coordinate_to_cell_key(tabel.cursor_coordinate).row_key
        lid_id = str(rij.value)
        self.aanwezigheid[lid_id] = stand
        tabel.update_cell(rij, tabel.ordered_columns[2].key, stand)
        self._toon_quorum()

    def action_wissel(self) -> None:
        """Spatie: de volgende stand (aanwezig, afgemeld, afwezig)."""
        tabel = self.query_one("#aanwezigheid", DataTable)
        if not tabel.row_count or self.focused is not tabel:
            return
        lid_id = str(tabel.coordinate_to_cell_key(tabel.cursor_coordinate).row_key.value)
        nu = AANWEZIGHEID.index(self.aanwezigheid[lid_id])
        self.action_zet(AANWEZIGHEID[(nu + 1) % len(AANWEZIGHEID)])

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # De letters zijn in de tekstvelden gewoon letters; in de tabel zetten ze aanwezigheid.
        if action in ("zet", "wissel"):
            return isinstance(self.focused, DataTable)
        return True

    def on_descendant_focus(self) -> None:
        self.refresh_bindings()

    def twijfels(self, uitkomst: dict) -> list[str]:
        return datumcontrole.vergaderdatum(uitkomst["datum"], self.vandaag, self.vorige)

    def lees(self) -> dict:
        datum = lees_datum(self.waarde("#datum"), "de datum", self.vandaag)
        datumcontrole.vergaderdatum(datum, self.vandaag, self.vorige)  # niet vóór de vorige
        plaats = self.waarde("#plaats")
        if len(plaats.strip()) > 200:
            raise OngeldigeInvoer("De plaats mag hoogstens 200 tekens hebben.")
        return {
            "datum": datum,
            "plaats": plaats,
            "aanwezigheid": dict(self.aanwezigheid),
            "voorzitter": self.keuze("#voorzitter") or "",
            "notulist": self.keuze("#notulist") or "",
        }
