"""Een signaal toevoegen tijdens de vergadering."""

from __future__ import annotations

from datetime import date

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical

from vergadering.signaal import Signaal, lees_contact
from vergadering.tekst import een_regel

from .basis import (
    Formulier,
    Invoer,
    Keuzelijst,
    lees_getal,
    veld,
)


class SignaalFormulier(Formulier[dict]):
    """Snel een signaal toevoegen tijdens de vergadering."""

    titel = "Signaal toevoegen"
    knop = "Toevoegen"

    def __init__(self, themas: list[str]) -> None:
        super().__init__()
        self.themas = themas

    def velden(self) -> ComposeResult:
        yield from veld("Wat horen of zien bewoners? (kort en concreet)", Invoer("", id="tekst"))
        with Horizontal(classes="rij"):
            with Vertical():
                yield from veld("Aantal bewoners", Invoer("1", id="aantal", voorstel=True))
            with Vertical():
                yield from veld(
                    "Thema",
                    Keuzelijst([(een_regel(t), t) for t in self.themas], id="thema",
                           prompt="geen"),
                )
        yield from veld(
            "Contact (privé): naam; telefoon of e-mail",
            Invoer("", id="contact", placeholder="bijvoorbeeld: Ria Smit; 06-12345678"),
            hint="Blijft privé: nooit op de beamer, nooit in openbare stukken.",
        )

    def lees(self) -> dict:
        waarden = {
            "tekst": self.waarde("#tekst"),
            "aantal": lees_getal(self.waarde("#aantal"), "aantal bewoners", 1, 100_000),
            "thema": self.keuze("#thema") or "",
            "contact": lees_contact(self.waarde("#contact")),
        }
        # Dezelfde controle als bij het bewaren, zodat de dialoog openblijft bij een fout.
        Signaal("controle", "controle", datum=date.today(), **waarden)
        return waarden
