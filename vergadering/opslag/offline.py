"""Het lokale journaal: bewaren op de laptop zolang de databaseserver niet bereikbaar is.

Valt de wifi weg midden in de vergadering, dan mag een bevestigde wijziging niet alleen in
het geheugen staan (een crash of een dichtgeklapte laptop en ze is weg). De ``Bewaarder``
schrijft haar dan hier: één regel per bewaaractie, met fsync, in een bestand per database in
de gebruikersmap (platformdirs). Zodra de server er weer is, speelt de bewaarder de regels in
volgorde af (samenvoegen zoals bij twee vensters); pas na een gelukte commit is een regel af.

Het bestand gebruikt de regels van het journaal van de map (bestand.py): elke regel een
controlegetal en een volledig JSON-document; een half geschreven laatste regel (een crash
vóór de fsync, dus nooit bevestigd) telt niet mee en wordt bij de volgende schrijfactie
weggehaald. Een regel heeft een volgnummer; 'af' is een eigen regel met dat nummer erachter
(toevoegen is één fsync, herschrijven zou er twee kosten). Is alles af, dan gaat het bestand
weg. Elke regel bewaart ook de basis (het document zoals het vóór deze wijziging was): zo
voegt het afspelen per regel samen, ook na een crash, en gaat een wijziging van een andere
laptop niet verloren.

De bestandsnaam is een hash van welke database het is (server, poort, database, gebruiker),
zonder wachtwoord: geen wachtwoord, geen servernaam op schijf in een naam, en één journaal
hoe het adres ook geschreven is (URL, sleutels of service). Een slot (filelock) laat twee
processen op dezelfde laptop (de app en de opdrachtregel) om de beurt schrijven.
"""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..fouten import BeschadigdBestand, OpslagFout
from .bestand import (
    NIET_VOLGEN,
    Record,
    fsync_map,
    journaalregel,
    lees_journaal_ruim,
    lees_journaalregels,
    maak_map,
    schrijf_atomisch,
    vertaal_oserror,
    voeg_regel_toe,
)

AF = "af"  # de 'tabel' van een regel die zegt dat regel nr bewaard is
SOORTEN = {"Wijkverband": "wijkverbanden", "Signaal": "signalen", "Actie": "acties",
           "Vergadering": "vergaderingen"}
GEEN_VERBINDING = "Geen verbinding met de database; alles wordt bewaard zodra die terug is."


@dataclass
class _Stand:
    """De inhoud van het bestand: regels, wat af is, bytes aan goede regels, volgend nr."""

    regels: list[Regel] = field(default_factory=list)
    af: set[int] = field(default_factory=set)
    tot: int = 0
    volgend: int = 1


@dataclass(frozen=True)
class Regel:
    """Eén bewaaractie die nog naar de server moet: het document (``mijn``) en de basis
    waarop het voortbouwt (None: een nieuw document, of onbekend)."""

    nr: int
    soort: str  # 'signalen', 'acties', 'vergaderingen', 'wijkverbanden'
    mijn: dict[str, Any]
    basis: dict[str, Any] | None


def klasse(soort: str) -> type:
    """De klasse van de documenten van een soort ('signalen' -> Signaal)."""
    from ..actie import Actie
    from ..signaal import Signaal
    from ..vergadering import Vergadering
    from ..wijkverband import Wijkverband

    klassen = {k.__name__: k for k in (Actie, Signaal, Vergadering, Wijkverband)}
    naam = next((n for n, s in SOORTEN.items() if s == soort), None)
    if naam is None:
        raise BeschadigdBestand(f"Het lokale journaal noemt een onbekende soort '{soort[:20]}'.")
    return klassen[naam]


def journaalmap() -> Path:
    """De map met lokale journalen (per gebruiker, naast de standaardopslag)."""
    from platformdirs import user_data_path

    return user_data_path("vergadering", appauthor=False) / "offline"


def _hash(tekst: str) -> str:
    return hashlib.sha256(tekst.encode("utf-8", "surrogatepass")).hexdigest()[:24] + ".journaal"


def naam_voor(db: str) -> str:
    """De bestandsnaam voor een database: een hash van welke database het is (server, poort,
    database, gebruiker; zie ``postgres.welke_database``), dus zonder wachtwoord, en één
    journaal voor een URL, sleutels en een service die naar dezelfde database wijzen."""
    from .postgres import welke_database

    try:
        return _hash(welke_database(db))
    except Exception:  # een onleesbaar adres opent geen database; dan de tekst zelf
        return _hash(db)


def _oude_naam(db: str) -> str | None:
    """De naam van vóór ``welke_database``: een hash van het adres zoals getypt."""
    from .postgres import zonder_wachtwoord

    try:
        return _hash(zonder_wachtwoord(db))
    except Exception:
        return None


def journaal_voor(opslag: Any) -> LokaalJournaal | None:
    """Het lokale journaal van een opslag op een server; None voor de map (die is lokaal).
    Een journaal onder de oude naam (een eerdere versie) gaat over naar de nieuwe: anders
    zou de app niet zien dat daar nog wijzigingen op de server wachten."""
    db = getattr(opslag, "db", None)
    if not isinstance(db, str):
        return None
    map_ = journaalmap()
    pad = map_ / naam_voor(db)
    oud = _oude_naam(db)
    if oud is not None and oud != pad.name and os.path.lexists(map_ / oud) \
            and not os.path.lexists(pad):
        try:
            os.rename(map_ / oud, pad)
            fsync_map(map_)
        except OSError:
            pad = map_ / oud  # dan het oude gewoon verder gebruiken: niets kwijt
    return LokaalJournaal(pad, getattr(opslag, "plek", ""))


class LokaalJournaal:
    """De regels die nog naar de server moeten, duurzaam op de laptop."""

    def __init__(self, pad: Path, plek: str = "") -> None:
        self.pad = pad
        self.plek = plek  # de database, voor meldingen
        self._slot: Any = None
        self.waarschuwingen: list[str] = []  # bijvoorbeeld: een beschadigd journaal gered
        # Wat het bestand bevat, bij (inode, grootte, tijdstip): het afspelen leest zo niet
        # bij elke regel het hele bestand opnieuw. Een ander proces verandert het stempel.
        self._stand: tuple[tuple[int, int, int], _Stand] | None = None

    @contextmanager
    def _op_slot(self) -> Iterator[None]:
        from filelock import FileLock

        try:
            maak_map(self.pad.parent)
        except OSError as fout:
            raise vertaal_oserror(fout, self.pad) from fout
        if self._slot is None:
            self._slot = FileLock(self.pad.with_name(self.pad.name + ".slot"), timeout=30)
        with self._slot:
            yield

    def _lees(self) -> _Stand:
        """Wat er in het bestand staat (aan te roepen met het slot in handen)."""
        try:
            fd = os.open(self.pad, os.O_RDONLY | NIET_VOLGEN)
        except FileNotFoundError:
            self._stand = None
            return _Stand()
        except OSError as fout:
            raise vertaal_oserror(fout, self.pad) from fout
        try:
            with os.fdopen(fd, "rb") as f:
                st = os.fstat(f.fileno())
                stempel = (st.st_ino, st.st_size, st.st_mtime_ns)
                if self._stand is not None and self._stand[0] == stempel:
                    return self._stand[1]
                ruw = f.read()
        except OSError as fout:
            raise vertaal_oserror(fout, self.pad) from fout
        try:
            records, tot = lees_journaalregels(ruw, self.pad)
        except BeschadigdBestand:
            records, tot = self._red(ruw), None
        stand = _Stand(tot=tot or 0)
        for tabel, nr, doc in records:
            stand.volgend = max(stand.volgend, int(nr) + 1)
            if tabel == AF:
                stand.af.add(int(nr))
            else:
                stand.regels.append(
                    Regel(int(nr), tabel, doc.get("mijn") or {}, doc.get("basis")))
        if tot is None:  # gered: het bestand is nu een ander
            self._stand = None
            stand.tot = self.pad.stat().st_size
            return stand
        self._stand = (stempel, stand)
        return stand

    def _red(self, ruw: bytes) -> list[Record]:
        """Een beschadigde regel middenin (een omgevallen bit, een kapotte schijf): de goede
        regels gaan verder in een nieuw journaal, het beschadigde bestand blijft ernaast
        staan (nooit stil weggooien), en ``waarschuwingen`` zegt het."""
        goed, kapot = lees_journaal_ruim(ruw)
        apart = self.pad.with_name(f"{self.pad.name}.beschadigd-{time.strftime('%Y%m%d-%H%M%S')}")
        try:
            os.replace(self.pad, apart)
            schrijf_atomisch(self.pad, b"".join(journaalregel(*r) for r in goed))
        except OSError as fout:
            raise vertaal_oserror(fout, self.pad) from fout
        self.waarschuwingen.append(
            f"Het lokale journaal was beschadigd: {len(kapot)} regel(s) waren onleesbaar en "
            f"staan apart in {apart}; de andere {len(goed)} worden gewoon bewaard.")
        return goed

    def regels(self) -> list[Regel]:
        """De regels die nog niet bewaard zijn, in volgorde."""
        if not os.path.lexists(self.pad):  # het gewone geval: niets, en geen slot nodig
            return []
        with self._op_slot():
            stand = self._lees()
            return [r for r in stand.regels if r.nr not in stand.af]

    def __len__(self) -> int:
        return len(self.regels())

    def _voeg_toe(self, regel: bytes, stand: _Stand) -> None:
        """Zet één regel achter de goede regels (een halve staart eerst weg) en fsync."""
        self._stand = None  # pas weer geldig als alles gelukt is
        voeg_regel_toe(self.pad, regel, stand.tot, nieuw=not self.pad.exists(),
                       melding=self.pad)
        st = os.stat(self.pad)
        stand.tot += len(regel)
        self._stand = ((st.st_ino, st.st_size, st.st_mtime_ns), stand)

    def schrijf(self, soort: str, mijn: dict[str, Any], basis: dict[str, Any] | None) -> int:
        """Zet een bewaaractie duurzaam in het journaal; geeft haar nummer. Een fout is een
        ``OpslagFout`` (bijvoorbeeld een volle schijf): dan staat er niets."""
        with self._op_slot():
            stand = self._lees()
            nr = stand.volgend
            self._voeg_toe(journaalregel(soort, str(nr), {"mijn": mijn, "basis": basis}), stand)
            stand.regels.append(Regel(nr, soort, mijn, basis))
            stand.volgend = nr + 1
        return nr

    def af(self, nr: int) -> None:
        """Regel ``nr`` staat op de server; is alles af, dan gaat het bestand weg."""
        with self._op_slot():
            stand = self._lees()
            if all(r.nr in stand.af or r.nr == nr for r in stand.regels):
                self._stand = None
                try:
                    os.unlink(self.pad)
                    fsync_map(self.pad.parent)
                except FileNotFoundError:
                    pass
                except OSError as fout:
                    raise vertaal_oserror(fout, self.pad) from fout
                return
            self._voeg_toe(journaalregel(AF, str(nr), {}), stand)
            stand.af.add(nr)


def melding_bij_start(journaal: LokaalJournaal) -> str | None:
    """De zin als er van een vorige keer nog wijzigingen in het journaal liggen."""
    try:
        aantal = len(journaal)
    except OpslagFout as fout:
        return str(fout)
    if not aantal:
        return None
    return (f"Er liggen nog {aantal} wijziging(en) op deze laptop die nog niet in de database "
            f"staan ({journaal.pad}); ze worden daar bewaard zodra die bereikbaar is.")
