"""De terugkoppeling aan bewoners: wat, wanneer, via welk kanaal en wie."""

from __future__ import annotations

from datetime import date, timedelta

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import (
    Select,
    TextArea,
)

from vergadering import datumcontrole
from vergadering.tekst import een_regel
from vergadering.terugkoppeling import Terugkoppeling

from .basis import (
    Formulier,
    Invoer,
    Keuzelijst,
    als_invoer,
    lees_datum,
    veld,
)
from .twijfel import BevestigTwijfels


class TerugkoppelingFormulier(BevestigTwijfels, Formulier[Terugkoppeling]):
    """De terugkoppeling aan bewoners (template 3), voorgevuld uit deze vergadering."""

    knop = "Terugkoppeling bewaren"
    titel = "Terugkoppeling aan bewoners"

    def __init__(
        self,
        voorstel: Terugkoppeling,
        kanalen: list[str],
        eigenaren: list[str],
        vandaag: date,
        termijn_dagen: int | None = None,
    ) -> None:
        super().__init__()
        self.voorstel = voorstel
        self.kanalen = kanalen
        self.eigenaren = eigenaren
        self.vandaag = vandaag
        self.termijn_dagen = termijn_dagen  # uit de participatieafspraken (None: geen)

    def velden(self) -> ComposeResult:
        t = self.voorstel
        yield from veld("1. Dit hoorden we in de wijk", TextArea(t.gehoord, id="gehoord",
                                                                soft_wrap=True))
        yield from veld("2. Dit doen we (met planning)", TextArea(t.gedaan, id="gedaan",
                                                                 soft_wrap=True))
        yield from veld("3. Dit lukt (nog) niet, en waarom", TextArea(t.lukt_niet, id="lukt_niet",
                                                                      soft_wrap=True))
        standaard = t.volgende_update or self.vandaag + timedelta(weeks=6)
        with Horizontal(classes="rij"):
            with Vertical():
                yield from veld("4. Volgende update op", Invoer(als_invoer(standaard), id="update"))
            with Vertical():
                kanalen = list(dict.fromkeys(self.kanalen + ([t.kanaal] if t.kanaal else [])))
                yield from veld("via kanaal", Keuzelijst([(een_regel(k), k) for k in kanalen],
                                                     id="kanaal", prompt="kies",
                                                     value=t.kanaal or Select.NULL))
        eigenaren = list(dict.fromkeys(self.eigenaren + ([t.eigenaar] if t.eigenaar else [])))
        yield from veld("Eigenaar van de terugkoppeling",
                        Keuzelijst([(een_regel(e), e) for e in eigenaren], id="eigenaar",
                               prompt="kies", value=t.eigenaar or Select.NULL))
        yield from veld("5. Reageren of meedoen: waar en hoe?", Invoer(t.contact, id="contact"))

    def on_mount(self) -> None:
        self.query_one("#gehoord", TextArea).focus()

    def twijfels(self, uitkomst: Terugkoppeling) -> list[str]:
        if uitkomst.volgende_update is None:
            return []
        return datumcontrole.volgende_update(uitkomst.volgende_update, self.vandaag,
                                             self.termijn_dagen)

    def lees(self) -> Terugkoppeling:
        update = lees_datum(self.waarde("#update"), "de datum van de volgende update",
                            self.vandaag)
        datumcontrole.volgende_update(update, self.vandaag)  # weigert een datum die geweest is
        return Terugkoppeling(
            gehoord=self.query_one("#gehoord", TextArea).text,
            gedaan=self.query_one("#gedaan", TextArea).text,
            lukt_niet=self.query_one("#lukt_niet", TextArea).text,
            volgende_update=update,
            kanaal=self.keuze("#kanaal") or "",
            eigenaar=self.keuze("#eigenaar") or "",
            contact=self.waarde("#contact"),
        )
