"""Eén JSON-bestand, atomisch geschreven: tijdelijk bestand, fsync, os.replace, fsync van de map.

Een bestand wordt nooit ter plekke herschreven. Een lezer ziet dus altijd een oude of een
nieuwe versie, nooit een halve; en een reservekopie kan een harde koppeling zijn.
"""

from __future__ import annotations

import errno
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from ..fouten import BeschadigdBestand, OpslagFout

TIJDELIJK_ACHTERVOEGSEL = ".tmp"
MAP_MODUS = 0o700


def _schrijf_alles(fd: int, inhoud: bytes) -> None:
    """Schrijf alle bytes naar fd (los, zodat tests een volle schijf kunnen nabootsen)."""
    weergave = memoryview(inhoud)
    while weergave:
        n = os.write(fd, weergave)
        weergave = weergave[n:]


def fsync_map(map_: Path) -> None:
    """Leg de naamswijziging in een map vast; Windows kan een map niet openen, en hoeft niet."""
    if os.name == "nt":
        return
    fd = os.open(map_, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def vertaal_oserror(fout: OSError, pad: Path) -> OpslagFout:
    """Een OSError als één Nederlandse zin: wat er gebeurde en wat te doen."""
    if fout.errno in (errno.ENOSPC, errno.EDQUOT):
        return OpslagFout(
            f"De schijf is vol, dus de wijziging is niet opgeslagen in {pad.parent}; "
            "maak ruimte vrij en probeer het opnieuw."
        )
    if fout.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return OpslagFout(
            f"Er mag niet geschreven worden in {pad.parent}, dus de wijziging is niet "
            "opgeslagen; kies een map waar u mag schrijven (--db) of pas de rechten aan."
        )
    return OpslagFout(
        f"Opslaan in {pad} lukte niet ({fout.strerror or fout}); de vorige versie is bewaard, "
        "probeer het opnieuw."
    )


def maak_map(map_: Path) -> None:
    """Maak een map en wat erboven ontbreekt, alleen toegankelijk voor de gebruiker."""
    ontbrekend = []
    while not map_.exists():
        ontbrekend.append(map_)
        map_ = map_.parent
    for m in reversed(ontbrekend):
        m.mkdir(mode=MAP_MODUS, exist_ok=True)


def schrijf_atomisch(pad: Path, inhoud: bytes) -> None:
    """Schrijf ``inhoud`` zo dat na een crash het oude of het nieuwe bestand er staat."""
    map_ = pad.parent
    try:
        maak_map(map_)
        # mkstemp maakt het bestand met modus 0600: privégegevens blijven privé.
        fd, tijdelijk = tempfile.mkstemp(
            prefix=f".{pad.name}.", suffix=TIJDELIJK_ACHTERVOEGSEL, dir=map_
        )
    except OSError as fout:
        raise vertaal_oserror(fout, pad) from fout
    try:
        try:
            _schrijf_alles(fd, inhoud)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tijdelijk, pad)
    except OSError as fout:
        try:
            os.unlink(tijdelijk)
        except OSError:
            pass
        raise vertaal_oserror(fout, pad) from fout
    except BaseException:
        try:
            os.unlink(tijdelijk)
        except OSError:
            pass
        raise
    try:
        fsync_map(map_)
    except OSError as fout:
        raise vertaal_oserror(fout, pad) from fout


def lees_json(pad: Path) -> dict[str, Any] | None:
    """Lees een JSON-bestand van de opslag; None als het er niet is.

    Een leeg, afgekapt of ander onleesbaar bestand geeft ``BeschadigdBestand``: wij
    schrijven nooit een leeg bestand, dus leeg betekent kapot.
    """
    try:
        ruw = pad.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as fout:
        raise OpslagFout(
            f"{pad} kan niet gelezen worden ({fout.strerror or fout}); controleer de rechten."
        ) from fout
    try:
        if not ruw.strip():
            raise ValueError("leeg")
        data = json.loads(ruw.decode("utf-8"))
        if not isinstance(data, dict):
            raise ValueError("geen object")
    except ValueError as fout:
        raise BeschadigdBestand(f"Het bestand {pad} is beschadigd.") from fout
    return data


def naar_bytes(data: Any) -> bytes:
    """JSON als bytes. ensure_ascii: ook losse surrogaten en stuurtekens komen heel terug,
    onafhankelijk van de taalinstelling van de computer."""
    return json.dumps(data, ensure_ascii=True, separators=(",", ":")).encode("ascii")


Sleutel = tuple[int, int, int]


class AtomischeOpslag(Storage):
    """TinyDB-opslag die atomisch schrijft en gelezen inhoud onthoudt zolang het bestand
    niet vervangen is (vervangen geeft een nieuw inode, dus een andere sleutel)."""

    def __init__(self, pad: str | Path, geheugen: dict[Path, tuple[Sleutel, dict]] | None = None):
        self.pad = Path(pad)
        self._geheugen = geheugen if geheugen is not None else {}

    def _sleutel(self) -> Sleutel | None:
        try:
            st = os.stat(self.pad)
        except FileNotFoundError:
            return None
        return (st.st_ino, st.st_mtime_ns, st.st_size)

    def read(self) -> dict[str, Any] | None:
        sleutel = self._sleutel()
        if sleutel is None:
            self._geheugen.pop(self.pad, None)
            return None
        bewaard = self._geheugen.get(self.pad)
        if bewaard is not None and bewaard[0] == sleutel:
            return bewaard[1]
        data = lees_json(self.pad)
        if data is not None:
            self._geheugen[self.pad] = (sleutel, data)
        return data

    def write(self, data: dict[str, Any]) -> None:
        try:
            schrijf_atomisch(self.pad, naar_bytes(data))
        except BaseException:
            # TinyDB wijzigt de gelezen inhoud ter plekke: na een mislukte schrijfactie
            # klopt het geheugen niet meer met de schijf.
            self._geheugen.pop(self.pad, None)
            raise
        sleutel = self._sleutel()
        if sleutel is not None:
            self._geheugen[self.pad] = (sleutel, data)

    def close(self) -> None:
        pass
