"""Stemmen over een kandidaat-actie: voor, tegen, onthouding; meerderheid en quorum."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from .fouten import OngeldigeInvoer
from .tekst import invoer
from .wijkverband import MEERDERHEIDSREGELS

KEUZES = ("voor", "tegen", "onthouding")


def _telling(waarde: object) -> bool:
    return isinstance(waarde, int) and not isinstance(waarde, bool) and waarde >= 0


@dataclass
class Stemming:
    """Eén stemming over een voorstel.

    Ofwel aantallen (``voor``/``tegen``/``onthouding``), ofwel per lid (``per_lid``:
    lid-id -> keuze); in het tweede geval volgen de aantallen daaruit.
    """

    id: str
    onderwerp: str
    moment: datetime
    aanwezig: int
    quorum: int
    regel: str = "gewoon"
    voor: int = 0
    tegen: int = 0
    onthouding: int = 0
    per_lid: dict[str, str] | None = None
    actie_id: str | None = None
    signaal_id: str | None = None
    extra: dict = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.onderwerp = invoer(self.onderwerp, "waarover gestemd wordt", verplicht=True)
        self._regels()

    def _regels(self) -> None:
        """Alles behalve het onderwerp: dit geldt ook bij het inlezen uit de opslag, waar de
        tekst al gecontroleerd is toen hij bewaard werd (zie ``omzetten``)."""
        if self.regel not in MEERDERHEIDSREGELS:
            raise OngeldigeInvoer(
                f"'{str(self.regel)[:20]}' is geen meerderheidsregel; kies uit "
                f"{', '.join(MEERDERHEIDSREGELS)}."
            )
        if not _telling(self.aanwezig):
            raise OngeldigeInvoer("Het aantal aanwezige stemgerechtigden moet 0 of meer zijn.")
        if not _telling(self.quorum):
            raise OngeldigeInvoer("Het quorum moet 0 of meer zijn.")
        if self.per_lid is not None:
            for keuze in self.per_lid.values():
                if keuze not in KEUZES:
                    raise OngeldigeInvoer(
                        f"'{str(keuze)[:20]}' is geen stem; kies voor, tegen of onthouding."
                    )
            self.voor = sum(1 for k in self.per_lid.values() if k == "voor")
            self.tegen = sum(1 for k in self.per_lid.values() if k == "tegen")
            self.onthouding = sum(1 for k in self.per_lid.values() if k == "onthouding")
        for naam in KEUZES:
            waarde = getattr(self, naam)
            if not _telling(waarde):
                raise OngeldigeInvoer(f"Het aantal stemmen '{naam}' moet 0 of meer zijn.")
        if self.uitgebracht > self.aanwezig:
            raise OngeldigeInvoer(
                f"Er zijn {self.uitgebracht} stemmen geteld, maar er zijn maar "
                f"{self.aanwezig} stemgerechtigden aanwezig; tel opnieuw."
            )

    @property
    def uitgebracht(self) -> int:
        """Alle stemmen, onthoudingen meegeteld."""
        return self.voor + self.tegen + self.onthouding

    @property
    def quorum_gehaald(self) -> bool:
        """Waar als genoeg stemgerechtigden aanwezig zijn."""
        return self.aanwezig >= self.quorum

    @property
    def meerderheid_gehaald(self) -> bool:
        """Waar als de meerderheidsregel van het wijkverband gehaald is."""
        if self.regel == "volstrekt":
            return self.voor * 2 > self.uitgebracht
        if self.regel == "tweederde":
            geldig = self.voor + self.tegen
            return geldig > 0 and self.voor * 3 >= geldig * 2
        return self.voor > self.tegen

    @property
    def aangenomen(self) -> bool:
        """Waar als het voorstel is aangenomen: quorum en meerderheid gehaald."""
        return self.quorum_gehaald and self.meerderheid_gehaald

    @property
    def staken(self) -> bool:
        """Waar als er evenveel stemmen voor als tegen zijn (en er wel gestemd is)."""
        return self.voor == self.tegen and self.voor > 0

    def telling(self) -> str:
        """'3 voor, 1 tegen, 0 onthouding'."""
        return f"{self.voor} voor, {self.tegen} tegen, {self.onthouding} onthouding"

    def uitslag(self) -> str:
        """De uitslag in woorden, met de reden als het niet doorgaat."""
        if not self.quorum_gehaald:
            return (
                f"Geen besluit: er zijn {self.aanwezig} stemgerechtigden aanwezig, "
                f"het quorum is {self.quorum}."
            )
        telling = self.telling()
        if self.meerderheid_gehaald:
            return f"Aangenomen ({telling})."
        if self.uitgebracht == 0:
            return "Verworpen: er is niet gestemd."
        if self.voor == 0 and self.tegen == 0:
            return f"Verworpen: iedereen onthield zich ({telling})."
        if self.staken and self.regel == "gewoon":
            return f"Verworpen: de stemmen staken ({telling})."
        return f"Verworpen: geen {_REGELWOORD[self.regel]} ({telling})."


_REGELWOORD = {
    "gewoon": "meerderheid",
    "volstrekt": "volstrekte meerderheid",
    "tweederde": "twee derde meerderheid",
}
