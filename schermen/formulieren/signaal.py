"""Een signaal toevoegen tijdens de vergadering."""

from __future__ import annotations

from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, Static

from vergadering.signaal import Signaal, lees_contact
from vergadering.tekst import een_regel

from .basis import (
    Formulier,
    Invoer,
    Keuzelijst,
    bij_veld,
    lees_getal,
    veld,
)

# Een signaal is 'kort en concreet': boven zoveel tekens een vriendelijke hint (geen weigering).
KORT = 280
# Vanaf hier telt de hint mee, zodat de grens niet als verrassing komt.
TELLEN_VANAF = 200


def lengtehint(lengte: int) -> str:
    """De hint onder de signaaltekst bij deze lengte."""
    if lengte > KORT:
        return (f"{lengte} tekens: lang voor een signaal. Kan het korter? Bewaren kan ook zo.")
    if lengte >= TELLEN_VANAF:
        return f"{lengte} van zo'n {KORT} tekens: kort en concreet."
    return f"Kort en concreet: zo'n {KORT} tekens is genoeg."


class SignaalFormulier(Formulier[dict]):
    """Snel een signaal toevoegen tijdens de vergadering."""

    titel = "Signaal toevoegen"
    knop = "Toevoegen"

    def __init__(self, themas: list[str]) -> None:
        super().__init__()
        self.themas = themas

    def velden(self) -> ComposeResult:
        yield from veld("Wat horen of zien bewoners? (kort en concreet)", Invoer("", id="tekst"))
        yield Static(lengtehint(0), id="lengte", classes="veld-hint", markup=False)
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

    @on(Input.Changed, "#tekst")
    def _lengte(self, event: Input.Changed) -> None:
        lengte = len(event.value.strip())
        hint = self.query_one("#lengte", Static)
        hint.update(lengtehint(lengte))
        hint.set_class(lengte > KORT, "lang")

    def lees(self) -> dict:
        waarden = {
            "tekst": str(self.waarde("#tekst")),
            "aantal": lees_getal(self.waarde("#aantal"), "aantal bewoners", 1, 100_000),
            "thema": self.keuze("#thema") or "",
            "contact": lees_contact(self.waarde("#contact")),
        }
        # Dezelfde controle als bij het bewaren, zodat de dialoog openblijft bij een fout;
        # wat de controle weigert, gaat over de tekst (aantal en thema zijn al goed).
        with bij_veld("#tekst"):
            Signaal("controle", "controle", datum=date.today(), **waarden)
        return waarden
