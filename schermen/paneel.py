"""Wat de drie fasepanelen delen: de sessie, een tabel die met het toetsenbord werkt,
foutmeldingen als één Nederlandse zin, en parkeren met een reden (fase 1 en 2)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from rich.text import Text
from textual.containers import Vertical
from textual.widgets import DataTable
from textual.widgets.data_table import CellDoesNotExist, RowDoesNotExist

from vergadering.fouten import VergaderingFout
from vergadering.sessie import Sessie
from vergadering.tekst import invoer, kort

Rij = tuple[str, tuple[Any, ...]]


class FasePaneel(Vertical):
    """De basis van een fasepaneel."""

    def __init__(self, sessie: Sessie, *, id: str | None = None) -> None:
        super().__init__(id=id, classes="fase")
        self.sessie = sessie

    def ververs(self) -> None:
        """Teken de inhoud opnieuw vanuit de sessie."""

    def focus_hoofd(self) -> None:
        """Zet de focus op de hoofdtabel van het paneel."""
        tabellen = list(self.query(DataTable))
        if tabellen:
            tabellen[0].focus()

    def commandos(self) -> Iterator[tuple[str, str, object]]:
        """De handelingen van dit paneel voor het commandopalet."""
        yield from ()

    def probeer(self, doe: Callable[[], object]) -> bool:
        """Voer een handeling uit; een geweigerde invoer wordt gemeld, niets crasht."""
        try:
            doe()
        except VergaderingFout as fout:
            self.notify(str(fout), severity="error", markup=False)
            return False
        self.ververs()
        return True


def vul_tabel(tabel: DataTable, rijen: Iterable[Rij], cursor: str | None = None) -> None:
    """Vul een tabel opnieuw en zet de cursor terug op dezelfde rij (op sleutel)."""
    if cursor is None and tabel.row_count:
        cursor = geselecteerd(tabel)
    tabel.clear()
    for sleutel, cellen in rijen:
        tabel.add_row(*cellen, key=sleutel)
    if cursor is not None:
        try:
            tabel.move_cursor(row=tabel.get_row_index(cursor), animate=False)
        except RowDoesNotExist:  # de rij is verdwenen; de cursor blijft waar hij is
            pass


def geselecteerd(tabel: DataTable) -> str | None:
    """De sleutel van de rij onder de cursor (None bij een lege tabel)."""
    if not tabel.row_count:
        return None
    try:
        rij = tabel.coordinate_to_cell_key(tabel.cursor_coordinate).row_key
    except CellDoesNotExist:  # cursor buiten de tabel
        return None
    return str(rij.value)


def cel(tekst: object, breedte: int | None = None, stijl: str = "") -> Text:
    """Een tabelcel met tekst van een gebruiker: één regel, afgekapt, nooit opmaak."""
    inhoud = kort(str(tekst), breedte) if breedte else kort(str(tekst), 10_000)
    return Text(inhoud, style=stijl)


def parkeer_met_reden(paneel: FasePaneel, signaal_id: str | None) -> None:
    """Vraag een reden en parkeer het signaal (gedeeld door fase 1 en 2)."""
    from .formulieren.basis import TekstVraag

    if signaal_id is None:
        return
    signaal = paneel.sessie.signaal(signaal_id)

    def gekozen(reden: str | None) -> None:
        if reden is not None and paneel.probeer(lambda: paneel.sessie.parkeer(signaal_id, reden)):
            paneel.notify("Geparkeerd; het komt de volgende ronde terug.", markup=False, timeout=2)

    paneel.app.push_screen(
        TekstVraag(
            f"Parkeren: {kort(signaal.tekst, 60)}",
            "Waarom nu niet? (komt in de terugkoppeling)",
            hint="Bijvoorbeeld: eerst de uitkomst van actie 3 afwachten.",
            controle=controleer_reden,
            knop="Parkeren",
        ),
        gekozen,
    )


def controleer_reden(reden: str) -> None:
    """Een reden om te parkeren: verplicht, hoogstens 1000 tekens."""
    invoer(reden, "de reden om te parkeren", verplicht=True, maximum=1000)
