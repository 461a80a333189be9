"""Een lange lijst met een cursor die alleen de regels tekent die in beeld zijn.

Voor de ranglijst van de stippen: na tien jaar kunnen er duizend open signalen zijn, en elke
stip verandert de volgorde. Een ``DataTable`` bouwt dan bij elke toets zijn hele indeling
opnieuw op; deze lijst verschuift alleen een lijst met sleutels en tekent de twintig regels
die te zien zijn (Textual's regel-API), zodat een toets binnen één beeldje verwerkt is.

De lijst houdt zelf bij welke rij bovenaan staat (``boven``) in plaats van Textual te laten
schuiven: een schuifstap van Textual deelt het hele scherm opnieuw in, en met een cursor die
met zijn signaal naar boven springt en weer terug, schuift bijna elke stip.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Region
from textual.message import Message
from textual.strip import Strip
from textual.widget import Widget

from .opmaak import pas_precies

Cel = str | Text


class Ranglijst(Widget, can_focus=True):
    """Rijen met vaste kolommen, een kopregel die blijft staan en een cursor."""

    BINDINGS = [
        Binding("up", "omhoog", "Omhoog", show=False),
        Binding("down", "omlaag", "Omlaag", show=False),
        Binding("pageup", "pagina(-1)", show=False),
        Binding("pagedown", "pagina(1)", show=False),
        Binding("home", "naar(0)", show=False),
        Binding("end", "naar(-1)", show=False),
        Binding("enter", "kies", "Kies", show=False),
    ]

    COMPONENT_CLASSES = {"ranglijst--kop", "ranglijst--cursor", "ranglijst--even"}

    DEFAULT_CSS = """
    Ranglijst {
        /* Geen schuifbalk (die kost bij elke stap een milliseconde tekenen); waar de lijst
           staat, zegt de kopregel: 'rij 15–28 van 1080'. Het muiswiel werkt gewoon. */
        height: 1fr;
        background: $surface;
    }
    Ranglijst > .ranglijst--kop {
        text-style: bold;
        background: $panel;
    }
    Ranglijst > .ranglijst--cursor {
        background: $block-cursor-blurred-background;
    }
    Ranglijst:focus > .ranglijst--cursor {
        background: $block-cursor-background;
        color: $block-cursor-foreground;
        text-style: bold;
    }
    Ranglijst > .ranglijst--even {
        background: $surface-lighten-1 30%;
    }
    """

    class Gekozen(Message):
        """Enter (of een klik) op een rij."""

        def __init__(self, lijst: Ranglijst, sleutel: str) -> None:
            super().__init__()
            self.lijst, self.sleutel = lijst, sleutel

        @property
        def control(self) -> Ranglijst:
            """De lijst (voor ``@on(..., "#id")``)."""
            return self.lijst

    def __init__(
        self, kolommen: Sequence[tuple[str, int]], *, id: str | None = None
    ) -> None:
        super().__init__(id=id)
        self.kolommen = list(kolommen)  # (kop, breedte); breedte 0: de rest
        self._volgorde: list[str] = []
        self._cellen: dict[str, list[Cel]] = {}  # ook: welke sleutels er zijn
        self.cursor_row = 0
        self.boven = 0  # de rij die bovenaan in beeld staat
        self._stijlen: tuple[Style, Style, Style, Style] | None = None
        # Getekende rijen per (sleutel, soort rij, breedte): na een stip schuift het venster
        # vaak heen en weer over rijen die niet veranderd zijn.
        self._getekend: dict[tuple[str, int, int], Strip] = {}

    # --- gegevens ----------------------------------------------------------------------

    def vul(self, rijen: Iterable[tuple[str, Sequence[Cel]]]) -> None:
        """Alle rijen opnieuw; de cursor blijft op dezelfde sleutel als die er nog is."""
        bij = self.geselecteerd()
        self._cellen = {sleutel: list(cellen) for sleutel, cellen in rijen}
        self._getekend.clear()
        self._zet_volgorde(list(self._cellen), bij)
        self.refresh()  # andere cellen, ook waar de volgorde gelijk bleef

    def zet_volgorde(self, sleutels: list[str], cursor: str | None = None) -> None:
        """Een nieuwe volgorde van dezelfde rijen; de cursor gaat mee met zijn rij, of naar
        de rij met sleutel ``cursor``."""
        self._zet_volgorde(sleutels, cursor if cursor is not None else self.geselecteerd())

    def _zet_volgorde(self, sleutels: list[str], cursor: str | None) -> None:
        oud, oude_cursor, oude_y = self._volgorde, self.cursor_row, self.boven
        self._volgorde = sleutels
        # Geen index van alle sleutels per toets (duizend rijen): zoeken gaat in C.
        if cursor is not None and cursor in self._cellen:
            self.cursor_row = sleutels.index(cursor)
        self.cursor_row = max(0, min(self.cursor_row, len(sleutels) - 1))
        self._in_beeld()
        if self.boven != oude_y:
            self.refresh()
            return
        # Zelfde plek in de lijst: alleen de regels tekenen die een andere rij of de cursor
        # kregen (bij een stip meestal een handvol, niet het hele scherm).
        for index in range(oude_y, oude_y + self._zichtbaar):
            anders = (oud[index] if index < len(oud) else None) != (
                sleutels[index] if index < len(sleutels) else None
            )
            if anders or index in (oude_cursor, self.cursor_row):
                self._ververs_rij(index)

    def _ververs_rij(self, index: int) -> None:
        """Teken de rij op deze plek opnieuw (regel 0 is de kopregel)."""
        y = index - self.boven + 1
        if 1 <= y < self.size.height:
            self.refresh(Region(0, y, self.size.width, 1))

    def zet_cel(self, sleutel: str, kolom: int, waarde: Cel) -> None:
        """Wijzig één cel."""
        self._cellen[sleutel][kolom] = waarde
        for soort in range(3):
            self._getekend.pop((sleutel, soort, self.size.width), None)
        boven = self.boven
        in_beeld = self._volgorde[boven:boven + self._zichtbaar]
        if sleutel in in_beeld:
            self._ververs_rij(boven + in_beeld.index(sleutel))

    @property
    def row_count(self) -> int:
        """Het aantal rijen."""
        return len(self._volgorde)

    def get_row_index(self, sleutel: str) -> int:
        """De plek van de rij met deze sleutel (KeyError als die er niet is)."""
        try:
            return self._volgorde.index(sleutel)
        except ValueError:
            raise KeyError(sleutel) from None

    def get_row(self, sleutel: str) -> list[Cel]:
        """De cellen van een rij."""
        return list(self._cellen[sleutel])

    def sleutel_op(self, index: int) -> str:
        """De sleutel van de rij op deze plek."""
        return self._volgorde[index]

    def __contains__(self, sleutel: object) -> bool:
        return sleutel in self._cellen

    def geselecteerd(self) -> str | None:
        """De sleutel van de rij onder de cursor (None bij een lege lijst)."""
        if not self._volgorde:
            return None
        return self._volgorde[min(self.cursor_row, len(self._volgorde) - 1)]

    def move_cursor(self, *, row: int, animate: bool = False) -> None:
        """Zet de cursor op een rij."""
        oude_cursor, oude_y = self.cursor_row, self.boven
        self.cursor_row = max(0, min(row, len(self._volgorde) - 1))
        self._in_beeld()
        if self.boven != oude_y:
            self.refresh()
        else:
            self._ververs_rij(oude_cursor)
            self._ververs_rij(self.cursor_row)

    # --- bewegen -----------------------------------------------------------------------

    @property
    def _zichtbaar(self) -> int:
        return max(1, self.size.height - 1)

    def _in_beeld(self) -> None:
        """Zet ``boven`` zo dat de cursor in beeld is (zonder te tekenen)."""
        if self.cursor_row < self.boven:
            self.boven = self.cursor_row
        elif self.cursor_row >= self.boven + self._zichtbaar:
            self.boven = self.cursor_row - self._zichtbaar + 1
        self.boven = max(0, min(self.boven, len(self._volgorde) - self._zichtbaar))

    def _schuif(self, stap: int) -> None:
        """Schuif het venster (muiswiel); de cursor blijft op zijn rij."""
        boven = max(0, min(self.boven + stap, len(self._volgorde) - self._zichtbaar))
        if boven != self.boven:
            self.boven = boven
            self.refresh()

    def on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        event.stop()
        self._schuif(3)

    def on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        event.stop()
        self._schuif(-3)

    def action_omhoog(self) -> None:
        """Eén rij omhoog."""
        self.move_cursor(row=self.cursor_row - 1)

    def action_omlaag(self) -> None:
        """Eén rij omlaag."""
        self.move_cursor(row=self.cursor_row + 1)

    def action_pagina(self, richting: int) -> None:
        """Een scherm omhoog of omlaag."""
        self.move_cursor(row=self.cursor_row + richting * self._zichtbaar)

    def action_naar(self, rij: int) -> None:
        """Naar de eerste (0) of laatste (-1) rij."""
        self.move_cursor(row=rij if rij >= 0 else len(self._volgorde) - 1)

    def action_kies(self) -> None:
        """Meld de rij onder de cursor als gekozen."""
        sleutel = self.geselecteerd()
        if sleutel is not None:
            self.post_message(self.Gekozen(self, sleutel))

    def on_click(self, event: events.Click) -> None:
        rij = self.boven + event.y - 1
        if event.y >= 1 and 0 <= rij < len(self._volgorde):
            self.move_cursor(row=rij)

    def on_resize(self) -> None:
        self._getekend.clear()
        self._in_beeld()

    # --- tekenen -----------------------------------------------------------------------

    def _breedtes(self, totaal: int) -> list[int]:
        vast = sum(b for _, b in self.kolommen if b) + len(self.kolommen)
        return [b or max(1, totaal - vast) for _, b in self.kolommen]

    def kolombreedtes(self, totaal: int) -> list[int]:
        """De breedte van elke kolom in een lijst van ``totaal`` kolommen breed (de kolom
        met breedte 0 krijgt wat overblijft)."""
        return self._breedtes(totaal)

    def notify_style_update(self) -> None:
        self._stijlen = None
        self._getekend.clear()
        super().notify_style_update()

    def on_focus(self) -> None:
        self._stijlen = None
        self._getekend.clear()
        self.refresh()

    def on_blur(self) -> None:
        self._stijlen = None
        self._getekend.clear()
        self.refresh()

    def _stijl(self) -> tuple[Style, Style, Style, Style]:
        """Basis, kop, cursor en even rij; bewaard tot de stijl of de focus verandert."""
        if self._stijlen is None:
            basis = self.rich_style
            self._stijlen = (
                basis,
                self.get_component_rich_style("ranglijst--kop"),
                basis + self.get_component_rich_style("ranglijst--cursor"),
                basis + self.get_component_rich_style("ranglijst--even"),
            )
        return self._stijlen

    def positie(self) -> str:
        """Welke rijen in beeld staan, als de lijst niet in één keer past ('' als wel)."""
        totaal = len(self._volgorde)
        if totaal <= self._zichtbaar:
            return ""
        eerste = self.boven + 1
        return f"rij {eerste}–{min(totaal, eerste + self._zichtbaar - 1)} van {totaal}"

    def _kopregel(self, breedtes: list[int]) -> str:
        """De koppen; de positie in de lijst rechts in de breedste kolom."""
        koppen = []
        breedste = breedtes.index(max(breedtes))
        positie = self.positie()
        for i, ((kop, _), b) in enumerate(zip(self.kolommen, breedtes, strict=True)):
            if i == breedste and positie and cell_len(kop) + cell_len(positie) + 2 <= b:
                kop = kop + " " * (b - cell_len(kop) - cell_len(positie)) + positie
            koppen.append(" " + pas_precies(kop, b))
        return "".join(koppen)

    def render_line(self, y: int) -> Strip:
        breedte = self.size.width
        breedtes = self._breedtes(breedte)
        basis, kop, cursor, even = self._stijl()
        if y == 0:
            return Strip([Segment(pas_precies(self._kopregel(breedtes), breedte), kop)], breedte)
        index = self.boven + y - 1
        if not 0 <= index < len(self._volgorde):
            return Strip([Segment(" " * breedte, basis)], breedte)
        soort = 2 if index == self.cursor_row else index % 2
        sleutel = self._volgorde[index]
        bewaard = self._getekend.get((sleutel, soort, breedte))
        if bewaard is not None:
            return bewaard
        rijstijl = (basis, even, cursor)[soort]
        segmenten: list[Segment] = []
        for cel, b in zip(self._cellen[sleutel], breedtes, strict=True):
            if isinstance(cel, Text):
                inhoud, celstijl = cel.plain, cel.style
                if isinstance(celstijl, str):
                    celstijl = Style.parse(celstijl) if celstijl else Style()
            else:
                inhoud, celstijl = str(cel), Style()
            segmenten.append(Segment(" ", rijstijl))
            segmenten.append(Segment(pas_precies(inhoud, b), rijstijl + celstijl))
        strip = Strip(segmenten).adjust_cell_length(breedte, rijstijl)
        self._getekend[(sleutel, soort, breedte)] = strip
        return strip
