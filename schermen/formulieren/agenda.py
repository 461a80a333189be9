"""De agenda rond het cyclusblok: het sjabloon van het wijkverband en een punt voor één
vergadering."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Static, TextArea

from vergadering.agendapunt import als_regels, controleer_minuten, uit_regels
from vergadering.tekst import een_regel, invoer
from vergadering.wijkverband import Agenda, Wijkverband

from .basis import Formulier, Invoer, lees_getal, veld


@dataclass(frozen=True)
class NieuwPunt:
    """Een agendapunt voor deze vergadering."""

    titel: str
    minuten: int


class AgendapuntFormulier(Formulier[NieuwPunt]):
    """Een punt alleen voor deze vergadering: titel en minuten."""

    titel = "Agendapunt erbij (alleen deze keer)"
    knop = "Toevoegen"
    # Eigen stijl hier (niet in formulieren.tcss): alleen deze twee formulieren gebruiken haar.
    DEFAULT_CSS = """
    AgendapuntFormulier .rij > Vertical.breed { width: 4fr; }
    """

    def velden(self) -> ComposeResult:
        with Horizontal(classes="rij"):
            with Vertical(classes="breed"):
                yield from veld("Titel van het punt", Invoer("", id="punt-titel"))
            with Vertical():
                yield from veld("Minuten", Invoer("5", id="punt-minuten", voorstel=True))
        yield Static(
            "Het punt komt vóór de sluiting (is die al bezig: erna), met een eigen klok en "
            "eigen notities. Het houdt het sluiten niet tegen.",
            classes="veld-hint", markup=False,
        )

    def lees(self) -> NieuwPunt:
        titel = invoer(self.waarde("#punt-titel"), "de titel van het agendapunt",
                       verplicht=True, maximum=80)
        minuten = lees_getal(self.waarde("#punt-minuten"), "minuten", 1, 120)
        controleer_minuten(minuten, titel)
        return NieuwPunt(titel, minuten)


class AgendaFormulier(Formulier[Wijkverband]):
    """Het agendasjabloon: punten vóór en na het vaste cyclusblok, één per regel."""

    knop = "Bewaren"
    DEFAULT_CSS = """
    AgendaFormulier .dialoog TextArea { height: 5; }
    """

    def __init__(self, wijkverband: Wijkverband) -> None:
        super().__init__()
        self.wv = wijkverband
        self.titel = f"Agenda van {een_regel(wijkverband.naam)}"

    def velden(self) -> ComposeResult:
        a = self.wv.agenda
        yield from veld("Vóór het cyclusblok (één punt per regel: titel, minuten)",
                        TextArea(als_regels(a.voor), id="agenda-voor", soft_wrap=False))
        yield Static(
            f"Cyclusblok (vast): signalen {a.signalen} → acties {a.acties} → terugkoppelen "
            f"{a.terugkoppelen} min. De duur staat onder i (instellingen).",
            classes="veld-kop", markup=False,
        )
        yield from veld("Na het cyclusblok", TextArea(als_regels(a.na), id="agenda-na",
                                                      soft_wrap=False),
                        "Een titel met 'verslag' erin is het vaststellen van het vorige "
                        "verslag. Minuten 0: geen vaste tijd (de sluiting).")

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#agenda-voor", TextArea).focus()

    def lees(self) -> Wijkverband:
        voor = uit_regels(self.query_one("#agenda-voor", TextArea).text, "Vóór het cyclusblok")
        na = uit_regels(self.query_one("#agenda-na", TextArea).text, "Na het cyclusblok",
                        verslag_mag=not any(p.soort == "verslag" for p in voor))
        agenda = Agenda(**{**dataclasses.asdict(self.wv.agenda), "voor": voor, "na": na})
        return dataclasses.replace(self.wv, agenda=agenda)
