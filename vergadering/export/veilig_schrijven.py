"""Documenten atomisch schrijven, met meldingen die over documenten gaan.

Het schrijven zelf is dat van de opslag (``opslag.bestand.schrijf_atomisch``: tijdelijk
bestand, fsync, ``os.replace``, fsync van de map); hier alleen wat voor een document anders
is: het mag door anderen gelezen worden, en een fout gaat over een document dat misschien in
Word open staat.
"""

from __future__ import annotations

import errno
from pathlib import Path

from ..fouten import OpslagFout, oorzaak
from ..opslag import bestand


def schrijf_atomisch(pad: Path, inhoud: bytes) -> None:
    """Schrijf een document zo dat er na een crash het oude of het nieuwe staat, nooit een
    half. Een document dat in een ander programma open staat (Word op Windows) laat zich
    niet vervangen: dan een duidelijke zin, en het tijdelijke bestand wordt opgeruimd."""
    bestand.schrijf_atomisch(pad, inhoud, modus=0o644, vertaal=_vertaal)


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
