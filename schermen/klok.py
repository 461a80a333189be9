"""De fasenklok en de agendabalk: altijd in beeld, leesbaar tot achter in de zaal.

De tijd komt altijd uit de ``AgendaKlok`` (deadline min nu); de interval-timer hier
tekent alleen opnieuw, hij telt niets af. Daardoor klopt de klok ook na een herstart,
een pauze of een haperende timer.
"""

from __future__ import annotations

import math
import weakref
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.css.query import NoMatches
from textual.geometry import Size
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Digits, Static

from vergadering.agenda import cyclusnummer
from vergadering.agendaklok import WAARSCHUWING_S, AgendaKlok
from vergadering.datums import minuten_seconden

from .grote_cijfers import GroteCijfers
from .opmaak import pas

# Vaak genoeg om elke seconde op tijd te tonen, zonder de processor wakker te houden.
VERVERS_S = 0.25

# De stijl staat in klok.tcss; als standaard-CSS van de widgets geladen, zodat ze overal
# werken zonder dat een scherm het bestand hoeft op te nemen.
_CSS = (Path(__file__).with_name("klok.tcss")).read_text(encoding="utf-8")

STANDEN = ("normaal", "waarschuwing", "over", "gepauzeerd", "wacht", "gesloten")


@dataclass(frozen=True)
class Klokbeeld:
    """Wat de fasenklok op een moment laat zien."""

    titel: str
    cijfers: str
    woorden: str
    stand: str  # een van STANDEN; wordt de CSS-klasse "-<stand>"
    loopt: bool


def _hele_seconden(rest: float) -> int:
    """Resterende seconden zoals de cijfers ze tonen (zelfde afronding als ``minuten_seconden``)."""
    return math.ceil(rest) if rest > 0 else 0


def _minuten_woord(n: int) -> str:
    return "1 minuut" if n == 1 else f"{n} minuten"


def resterend_in_woorden(rest: float) -> str:
    """De resterende tijd in woorden, voor wie de cijfers niet goed ziet.

    ``nog 5 minuten``, ``nog ruim 4 minuten``, ``nog 1 minuut · afronden``,
    ``nog 45 seconden · afronden``, ``+01:23 over tijd``.
    """
    if rest < 0:
        return f"{minuten_seconden(rest)} over tijd"
    sec = _hele_seconden(rest)
    if sec == 0:
        return "de tijd is om"
    if sec <= WAARSCHUWING_S:
        if sec == 60:
            return "nog 1 minuut · afronden"
        return f"nog {'1 seconde' if sec == 1 else f'{sec} seconden'} · afronden"
    minuten, over = divmod(sec, 60)
    if over == 0:
        return f"nog {_minuten_woord(minuten)}"
    return f"nog ruim {_minuten_woord(minuten)}"


def klokbeeld(klok: AgendaKlok) -> Klokbeeld:
    """Bereken wat de fasenklok toont; zuiver afgeleid uit de agendaklok."""
    vergadering = klok.vergadering
    if not vergadering.fasen:
        return Klokbeeld("Geen agenda", "--:--", "deze vergadering heeft geen fasen", "wacht",
                         False)
    titel = fasetitel(klok)
    rest = klok.resterend()
    cijfers = minuten_seconden(rest)
    woorden = resterend_in_woorden(rest)
    stand = klok.stand()
    if not klok.beschikbaar():
        # Een agendapunt zonder vaste tijd (de sluiting): de klok telt op, nooit 'over'.
        cijfers = minuten_seconden(klok.gebruikt())
        woorden, stand = "geen vaste tijd", "normaal"
    if vergadering.gesloten:
        return Klokbeeld(titel, cijfers, "vergadering gesloten", "gesloten", False)
    if not vergadering.gestart:
        return Klokbeeld(titel, cijfers, "nog niet begonnen", "wacht", False)
    if not klok.loopt:
        # Kort, zodat het in een smal zijpaneel op één regel past; de cijfers tonen de tijd.
        woorden = "gepauzeerd · over tijd" if rest < 0 else "gepauzeerd"
        return Klokbeeld(titel, cijfers, woorden, "gepauzeerd", False)
    return Klokbeeld(titel, cijfers, woorden, stand, True)


def fasetitel(klok: AgendaKlok) -> str:
    """'Fase 2 · Top 1–2 acties' voor het cyclusblok, anders de titel van het punt."""
    nummer = cyclusnummer(klok.vergadering, klok.vergadering.fase_index)
    return f"Fase {nummer} · {klok.fase.titel}" if nummer else klok.fase.titel


# Per scherm één timer voor al zijn klokwidgets: dan komen klok en agenda in hetzelfde
# beeld. Met een timer per widget tekende Textual twee keer per seconde, en een toets vlak
# na zo'n beeld wacht tot het volgende beeldje (tot 16,7 ms).
# Zwakke verwijzingen: een widget verwijst naar zijn scherm, dat mag niet blijven hangen.
_KLOKKEN: weakref.WeakKeyDictionary[Screen, weakref.WeakSet[_Klokwidget]] = (
    weakref.WeakKeyDictionary()
)


def _ververs_alle(klokken: weakref.WeakSet[_Klokwidget]) -> None:
    for klok in list(klokken):
        klok.ververs()


class _Klokwidget(Widget):
    """Wat klok en agendabalk delen: de agendaklok, de stijl uit klok.tcss, en een timer
    (één per scherm) die alleen opnieuw tekent (``ververs``) als er iets te zien veranderd
    is."""

    DEFAULT_CSS = _CSS
    SCOPED_CSS = False

    def __init__(
        self, klok: AgendaKlok, *, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.klok = klok

    def on_mount(self) -> None:
        self.ververs()
        scherm = self.screen
        klokken = _KLOKKEN.get(scherm)
        if klokken is None:
            klokken = _KLOKKEN[scherm] = weakref.WeakSet()
            scherm.set_interval(VERVERS_S, lambda: _ververs_alle(klokken))
        klokken.add(self)

    def on_unmount(self) -> None:
        for klokken in _KLOKKEN.values():
            klokken.discard(self)

    def ververs(self) -> None:
        """Teken opnieuw als er iets veranderd is; de tijd komt uit de agendaklok."""
        raise NotImplementedError


class FaseKlok(_Klokwidget):
    """De klok van de huidige fase: grote cijfers, de fase, en de stand in woorden.

    Klassen ``-normaal``, ``-waarschuwing``, ``-over``, ``-gepauzeerd``, ``-wacht`` en
    ``-gesloten`` volgen de stand; met de klasse ``groot`` staat alles gecentreerd (beamer).
    """

    def __init__(
        self, klok: AgendaKlok, *, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(klok, id=id, classes=classes)
        self._beeld: Klokbeeld | None = None

    def compose(self) -> ComposeResult:
        yield Static("", classes="fase-titel", markup=False)
        # Op de beamer (``groot``) eigen blokletters van minstens zeven regels op een groot
        # scherm; de drie regels van ``Digits`` zijn daar te klein.
        if self.has_class("groot"):
            yield GroteCijfers("", classes="fase-cijfers")
        else:
            yield Digits("", classes="fase-cijfers")
        yield Static("", classes="fase-woorden", markup=False)

    @property
    def beeld(self) -> Klokbeeld | None:
        """Wat nu getoond wordt (handig in tests)."""
        return self._beeld

    def ververs(self) -> None:
        """Teken opnieuw als er iets veranderd is; de tijd komt uit de agendaklok."""
        beeld = klokbeeld(self.klok)
        vorig = self._beeld
        if beeld == vorig:
            return
        try:
            titel = self.query_one(".fase-titel", Static)
            digits = cast("Digits | GroteCijfers", self.query_one(".fase-cijfers"))
            woorden = self.query_one(".fase-woorden", Static)
        except NoMatches:  # nog niet opgebouwd of al weg: niets te tekenen
            return
        self._beeld = beeld
        # Titel en woorden staan op één regel van vaste breedte (klok.tcss): een nieuwe
        # tekst hoeft het scherm niet opnieuw in te delen. Dat scheelt elke seconde een
        # volledige opmaakronde van het bedieningsscherm (met een grote ranglijst erop).
        if vorig is None or vorig.titel != beeld.titel:
            titel.update(beeld.titel, layout=False)
        if vorig is None or vorig.cijfers != beeld.cijfers:
            digits.update(beeld.cijfers)
        if vorig is None or vorig.woorden != beeld.woorden:
            woorden.update(beeld.woorden, layout=False)
        if vorig is None or vorig.stand != beeld.stand:
            # Eén klasse eraf en één erbij, met één stijlronde.
            if vorig is not None:
                self.remove_class(f"-{vorig.stand}", update=False)
            self.add_class(f"-{beeld.stand}")


def _mmss(seconden: float) -> str:
    """'3:12' of '10:00': compacter dan de klok, voor de agendaregels."""
    totaal = max(0, int(seconden))
    m, s = divmod(totaal, 60)
    return f"{m}:{s:02d}"


@dataclass(frozen=True)
class Agendaregel:
    """Eén fase in de agendabalk."""

    nummer: int
    titel: str
    gebruikt: int
    beschikbaar: int
    huidig: bool
    klaar: bool

    @property
    def over(self) -> int:
        """Seconden over de beschikbare tijd heen (0 voor een punt zonder vaste tijd)."""
        if not self.beschikbaar:
            return 0
        return max(0, self.gebruikt - self.beschikbaar)


def agendaregels(
    klok: AgendaKlok, hoogstens: int | None = None
) -> tuple[list[Agendaregel], int, int]:
    """De regels van de agenda plus totaal gebruikt en totaal gepland (in hele seconden).

    Een fase van het cyclusblok heeft haar nummer (1–3), een ander agendapunt nummer 0. Met
    ``hoogstens`` een venster van zoveel regels rond het huidige punt (één ervoor).
    """
    vergadering = klok.vergadering
    regels = [
        Agendaregel(
            nummer=cyclusnummer(vergadering, i),
            titel=fase.titel,
            gebruikt=int(klok.gebruikt(fase)),
            beschikbaar=klok.beschikbaar(fase),
            huidig=i == vergadering.fase_index and not vergadering.gesloten,
            klaar=i < vergadering.fase_index or vergadering.gesloten,
        )
        for i, fase in enumerate(vergadering.fasen)
    ]
    if hoogstens is not None and len(regels) > hoogstens:
        huidig = len(regels) - 1 if vergadering.gesloten else vergadering.fase_index
        begin = min(max(0, huidig - 1), len(regels) - hoogstens)
        regels = regels[begin: begin + hoogstens]
    return regels, int(klok.totaal_gebruikt()), klok.totaal_gepland()


# Vanaf deze breedte krijgt elke fase een voortgangsbalk (beamer, breed zijpaneel).
BALK_VANAF = 56


class Agendabalk(_Klokwidget):
    """De drie fasen met geplande en gebruikte tijd, de huidige gemarkeerd, en het totaal.

    Past zich aan de breedte aan: smal (zijpaneel op 80×24) alleen tijden, breed ook balken.
    """

    def __init__(
        self, klok: AgendaKlok, *, id: str | None = None, classes: str | None = None,
        hoogstens: int | None = None,
    ) -> None:
        super().__init__(klok, id=id, classes=classes)
        self._sleutel: tuple | None = None
        # Zoveel agendapunten in beeld (een venster rond het huidige), zodat een lange
        # agenda de fase eronder niet wegduwt; None: allemaal.
        self.hoogstens = hoogstens

    def ververs(self) -> None:
        """Teken opnieuw als een getoonde seconde of de huidige fase veranderd is."""
        regels, gebruikt, gepland = agendaregels(self.klok, self.hoogstens)
        sleutel = (tuple(regels), gebruikt, gepland)
        if sleutel != self._sleutel:
            self._sleutel = sleutel
            self.refresh()

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        aantal = len(self.klok.vergadering.fasen)
        return min(aantal, self.hoogstens or aantal) + 1

    def render(self) -> Text:
        regels, gebruikt, gepland = agendaregels(self.klok, self.hoogstens)
        self._sleutel = (tuple(regels), gebruikt, gepland)
        return agenda_tekst(regels, gebruikt, gepland, self.content_size.width)


def _tijden(regels: list[Agendaregel], streep: str) -> list[str]:
    """'3:12/5:00' per fase, de schuine strepen onder elkaar."""
    gebruikt_b = max((len(_mmss(r.gebruikt)) for r in regels), default=0)
    beschikbaar_b = max((len(_mmss(r.beschikbaar)) for r in regels), default=0)
    # Een punt zonder vaste tijd (de sluiting): een streep in plaats van 0:00.
    return [
        f"{_mmss(r.gebruikt).rjust(gebruikt_b)}{streep}"
        f"{(_mmss(r.beschikbaar) if r.beschikbaar else '–').ljust(beschikbaar_b)}"
        for r in regels
    ]


def agenda_tekst(regels: list[Agendaregel], gebruikt: int, gepland: int, breedte: int) -> Text:
    """De agenda als tekst van hoogstens ``breedte`` kolommen (regels worden nooit afgebroken).

    Smal: marker, nummer, titel (of de korte naam als de titels niet passen) en de tijden in
    een vaste kolom. Breed: ook een voortgangsbalk per fase en de uitloop in woorden.
    """
    breedte = max(breedte, 10)
    uit = Text(no_wrap=True, overflow="ellipsis", end="")
    titelbreedte = max((cell_len(r.titel) for r in regels), default=0)
    # Breed als er na titel, tijden en uitloop nog een balk van minstens 4 kolommen past.
    tijden = _tijden(regels, " / ")
    overs = [f"+{_mmss(r.over)} over" if r.over else "" for r in regels]
    kolom = min(titelbreedte, breedte // 3)
    rechtsbreedte = max((len(t) for t in tijden), default=0) + 2 + max(
        (len(o) for o in overs), default=0)
    balkbreedte = breedte - len("▶ 1. ") - kolom - 2 - 2 - rechtsbreedte
    breed = breedte >= BALK_VANAF and balkbreedte >= 4
    if not breed:
        tijden = _tijden(regels, "/")
    tijdbreedte = max((len(t) for t in tijden), default=0)
    for regel, tijd, over in zip(regels, tijden, overs, strict=True):
        merk = "▶" if regel.huidig else ("✓" if regel.klaar else " ")
        stijl = "bold" if regel.huidig else ("" if regel.klaar else "dim")
        if breed:
            kop = f"{merk} {regel.nummer}. " if regel.nummer else f"{merk} •  "
            titel = pas(regel.titel, kolom).ljust(kolom)
            deel = min(1.0, regel.gebruikt / regel.beschikbaar) if regel.beschikbaar else 0.0
            vol = round(deel * balkbreedte)
            uit.append(kop + titel + "  ", style=stijl)
            uit.append("━" * vol, style="bold")
            uit.append("─" * (balkbreedte - vol), style="dim")
            uit.append(f"  {tijd}  {over}".rstrip(), style=stijl)
        else:
            kop = f"{merk}{regel.nummer or '•'} "
            ruimte = breedte - cell_len(kop) - tijdbreedte - 1
            titel = regel.titel if titelbreedte <= ruimte else _kort(regel.titel)
            regeltekst = kop + pas(titel, ruimte).ljust(max(ruimte, 0)) + " "
            uit.append(pas(regeltekst + tijd, breedte), style=stijl)
        uit.append("\n")
    totaal = f"Totaal {_mmss(gebruikt)} van {_mmss(gepland)}"
    if gebruikt > gepland:
        # Uitgelopen: in woorden én als omgekeerd blok, niet alleen met kleur.
        totaal += f", {_mmss(gebruikt - gepland)} uitgelopen"
        uit.append(pas(totaal, breedte), style="bold reverse")
    else:
        uit.append(pas(totaal, breedte), style="bold")
    return uit


_KORT = {"Top 5 signalen": "Signalen", "Top 1–2 acties": "Acties",
         "Wat koppelen we terug?": "Terugkoppelen"}


def _kort(titel: str) -> str:
    """Een korte naam voor een fase, voor een smal paneel."""
    return _KORT.get(titel, titel)
