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


class GelijktijdigGewijzigd(OpslagFout):
    """Iemand anders heeft hetzelfde gegeven intussen gewijzigd."""


class NietGevonden(VergaderingFout, LookupError):
    """Een gevraagd wijkverband, signaal, actie of vergadering bestaat niet."""
