"""De wijzigingsmarkering: elk proces ziet in microseconden óf er iets veranderd is, en wat.

Elke bewaaractie zet, nog onder het schrijfslot en pas ná de fsync van de wijziging zelf, één
regel achteraan ``.wijzigingen`` in de opslagmap::

    <schrijver> <wijkverband> <soort> <vak>

Een lezer (de app, de beamer) pollt twee tot vier keer per seconde: één ``stat`` van dat
bestand. Is het niet gegroeid, dan is er niets veranderd; anders leest hij alleen de nieuwe
bytes. Geen inotify of andere gebeurtenissen: een netwerkschijf geeft die niet door, een
groeiend bestand wel.

Het bestand is afgeleid, zoals de startindex: zonder fsync, en kwijt of vervangen betekent
hooguit 'lees alles opnieuw'. Wordt het groter dan ``GRENS``, dan zet de schrijver er (onder
het slot, atomisch) een leeg bestand voor in de plaats; een lezer ziet dan een ander
bestandsnummer en leest alles opnieuw.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from ..fouten import OpslagFout
from .bestand import NIET_VOLGEN, schrijf_atomisch

NAAM = ".wijzigingen"
GRENS = 64 * 1024  # ~1.500 bewaaracties; daarna begint het bestand opnieuw
ALLES = "*"  # een herstel: alles kan veranderd zijn


class Wijziging(NamedTuple):
    """Eén bewaaractie: welk wijkverband (``ALLES`` bij een herstel of voor de wijkverbanden
    zelf), welke soort ('signalen', 'acties', 'vergaderingen', 'wijkverbanden' of ``ALLES``)
    en welk vakbestand. Een NamedTuple, geen dataclass: zie ``bestand._Stand``."""

    schrijver: str
    wijkverband: str
    soort: str
    vak: str


def meld(map_: Path, schrijver: str, wijkverband: str, soort: str, vak: str) -> None:
    """Zet één regel achteraan de markering. Aanroepen met het schrijfslot in handen, na de
    wijziging zelf: wie de regel ziet, leest de nieuwe stand.

    Mislukt het (schijf vol, geen rechten), dan is de wijziging zelf toch bewaard; andere
    vensters zien haar dan pas bij de volgende gelukte regel.
    """
    pad = map_ / NAAM
    regel = f"{schrijver} {wijkverband} {soort} {vak}\n".encode()
    try:
        fd = os.open(pad, os.O_WRONLY | os.O_APPEND | os.O_CREAT | NIET_VOLGEN, 0o600)
        try:
            os.write(fd, regel)
            te_groot = os.fstat(fd).st_size > GRENS
        finally:
            os.close(fd)
        if te_groot:
            schrijf_atomisch(pad, b"")
    except (OSError, OpslagFout):
        pass  # afgeleid: de wijziging zelf staat al op schijf (zie boven)


class Volger:
    """Kijkt of een opslagmap veranderd is sinds de vorige keer; begint bij 'nu'.

    ``eigen``: de schrijver van dit proces; die regels slaat de volger over (wat het eigen
    venster bewaarde, staat al in beeld).
    """

    def __init__(self, map_: Path, eigen: str | None = None) -> None:
        self.pad = Path(map_) / NAAM
        self.eigen = eigen
        self._ino, self._tot = self._stand()

    def wek(self, callback: Callable[[], None]) -> None:
        """Niets: een map stuurt geen meldingen (een netwerkschijf ook niet); wie volgt, kijkt
        elke ronde (zie ``PostgresVolger.wek`` voor de database)."""

    def _stand(self) -> tuple[int | None, int]:
        try:
            st = os.lstat(self.pad)
        except OSError:
            return None, 0
        return st.st_ino, st.st_size

    def nieuw(self) -> list[Wijziging] | None:
        """Wat er sinds de vorige aanroep bewaard is, door andere schrijvers: een lege lijst als
        er niets veranderde, None als dat niet meer te zeggen is (de markering is vervangen of
        weg): lees dan alles opnieuw."""
        ino, grootte = self._stand()
        if ino == self._ino and grootte == self._tot:
            return []
        if self._ino is None and ino is not None:
            self._ino, self._tot = ino, 0  # de eerste bewaaractie maakte het bestand
        elif ino != self._ino or grootte < self._tot:
            # Vervangen (te groot geworden), weggehaald of nieuw: wat ertussen zat, is niet
            # meer te zien. Voortaan volgen vanaf het einde van dit bestand.
            self._ino, self._tot = ino, grootte
            return None
        try:
            fd = os.open(self.pad, os.O_RDONLY | NIET_VOLGEN)
        except OSError:
            self._ino, self._tot = None, 0
            return None
        with open(fd, "rb") as bestand:
            bestand.seek(self._tot)
            ruw = bestand.read(grootte - self._tot)
        # Alleen hele regels: een schrijver kan net halverwege zijn.
        heel = ruw[: ruw.rfind(b"\n") + 1]
        self._tot += len(heel)
        uit = []
        for regel in heel.decode("utf-8", "replace").splitlines():
            delen = regel.split(" ")
            if len(delen) != 4:
                return None  # niet van ons: alles opnieuw is altijd goed
            if delen[0] != self.eigen:
                uit.append(Wijziging(*delen))
        return uit
