"""Fouten die een gebruiker te zien krijgt: altijd één Nederlandse zin."""

from __future__ import annotations


class VergaderingFout(Exception):
    """Basis voor elke fout met een boodschap voor de gebruiker.

    ``str(fout)`` is de zin die de gebruiker ziet: wat er gebeurde en wat te doen.
    """


class OngeldigeInvoer(VergaderingFout, ValueError):
    """Een regel van het domein is geschonden (de invoer is geweigerd)."""


class OpslagFout(VergaderingFout):
    """De gegevens konden niet gelezen of geschreven worden."""


class BeschadigdBestand(OpslagFout):
    """Een bestand in de opslag is onleesbaar; het wordt niet overschreven."""


class NieuwereVersie(OpslagFout):
    """De opslag is gemaakt door een nieuwere versie van het programma."""


class BezetDoorAnder(OpslagFout):
    """Een ander proces schrijft op dit moment in de opslag."""


class Onbereikbaar(OpslagFout):
    """De server van de opslag is (even) niet te bereiken; er is niets bewaard."""


class GelijktijdigGewijzigd(OpslagFout):
    """Iemand anders heeft hetzelfde gegeven intussen gewijzigd."""


class NietGevonden(VergaderingFout, LookupError):
    """Een gevraagd wijkverband, signaal, actie of vergadering bestaat niet."""


_OORZAKEN = {
    "EACCES": "geen toegang",
    "EPERM": "geen toestemming",
    "EROFS": "de schijf is alleen-lezen",
    "ENOSPC": "de schijf is vol",
    "EDQUOT": "de schijfruimte is op",
    "ENOENT": "het bestaat niet (meer)",
    "ENOTDIR": "een deel van het pad is geen map",
    "EISDIR": "het is een map",
    "ENAMETOOLONG": "de naam is te lang",
    "EBUSY": "het is in gebruik",
    "EIO": "de schijf gaf een leesfout",
    "EMFILE": "er staan te veel bestanden open",
}


def oorzaak(fout: OSError) -> str:
    """De oorzaak van een OSError in een paar Nederlandse woorden, zonder de Engelse
    systeemtekst (die past niet in een Nederlandse zin)."""
    import errno

    code = errno.errorcode.get(fout.errno or 0, "")
    if getattr(fout, "winerror", None) == 32:  # Windows: in gebruik door een ander programma
        return "het is geopend in een ander programma"
    return _OORZAKEN.get(code, f"systeemfout {code or fout.errno or 'onbekend'}")


DEBUG = "VERGADERING_DEBUG"


def technisch(fout: BaseException | None) -> str:
    """De technische oorzaak tussen haakjes, alleen met VERGADERING_DEBUG=1 (voor wie het
    probleem zoekt); anders niets, want de Engelse tekst van Python hoort niet in een
    Nederlandse zin."""
    import os

    if fout is None or not os.environ.get(DEBUG):
        return ""
    return f" (technisch: {type(fout).__name__}: {fout})"
