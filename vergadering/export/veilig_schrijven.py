"""Een bestand atomisch schrijven: tijdelijk bestand ernaast, fsync, ``os.replace``.

Apart van python-docx, zodat ook de tekstversie van de terugkoppeling het kan zonder
dat er iets zwaars geladen wordt.
"""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path

from ..fouten import OpslagFout, oorzaak

TIJDELIJK_ACHTERVOEGSEL = ".tmp"


def schrijf_atomisch(pad: Path, inhoud: bytes) -> None:
    """Schrijf een bestand zo dat er na een crash het oude of het nieuwe staat, nooit een half.

    Een document dat in een ander programma open staat (Word op Windows) laat zich niet
    vervangen: dan een duidelijke zin, en het tijdelijke bestand wordt opgeruimd.
    """
    map_ = pad.parent
    try:
        fd, tijdelijk = tempfile.mkstemp(
            prefix=f".{pad.name}.", suffix=TIJDELIJK_ACHTERVOEGSEL, dir=map_
        )
    except OSError as fout:
        raise _vertaal(fout, pad) from fout
    try:
        try:
            weergave = memoryview(inhoud)
            while weergave:
                weergave = weergave[os.write(fd, weergave):]
            os.fsync(fd)
        finally:
            os.close(fd)
        if os.name != "nt":
            # mkstemp maakt 0600; een document om te delen mag gewoon leesbaar zijn.
            os.chmod(tijdelijk, 0o644)
        os.replace(tijdelijk, pad)
    except BaseException as fout:
        try:
            os.unlink(tijdelijk)
        except OSError:
            pass
        if isinstance(fout, OSError):
            raise _vertaal(fout, pad) from fout
        raise


def _vertaal(fout: OSError, pad: Path) -> OpslagFout:
    if fout.errno in (errno.ENOSPC, errno.EDQUOT):
        return OpslagFout(
            f"De schijf is vol, dus {pad.name} is niet geschreven in {pad.parent}; "
            "maak ruimte vrij en probeer het opnieuw."
        )
    if isinstance(fout, PermissionError) and pad.exists():
        return OpslagFout(
            f"{pad.name} in {pad.parent} is nog geopend in een ander programma of mag niet "
            "overschreven worden; sluit het document en probeer het opnieuw."
        )
    if fout.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return OpslagFout(
            f"Er mag niet geschreven worden in {pad.parent}; kies een andere map met --map "
            "of pas de rechten aan."
        )
    return OpslagFout(
        f"{pad.name} kon niet geschreven worden in {pad.parent} ({oorzaak(fout)}); "
        "probeer het opnieuw."
    )
