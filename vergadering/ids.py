"""Korte, stabiele identificaties. Het deel vóór het streepje bepaalt het opslagvak."""

from __future__ import annotations

import os
import re
import unicodedata
from datetime import date

_ALFABET = "abcdefghjkmnpqrstuvwxyz23456789"  # geen 0/o, 1/l/i: goed voor te lezen en te typen


def willekeurig(n: int = 4) -> str:
    """n tekens uit een alfabet zonder verwarrende letters."""
    # os.urandom in plaats van secrets: zelfde bron, maar zonder import van hmac bij de start.
    return "".join(_ALFABET[b % len(_ALFABET)] for b in os.urandom(n))


def signaal_id(datum: date) -> str:
    """'2611-k3f9': jaar en maand van binnenkomst, dan vier willekeurige tekens."""
    return f"{datum:%y%m}-{willekeurig()}"


def actie_id(jaar: int, nummer: int) -> str:
    """'2026-17': het jaar van het besluit en het volgnummer binnen het wijkverband."""
    return f"{jaar}-{nummer}"


def slug(naam: str) -> str:
    """Een bestandsnaamveilige vorm van een naam: 'De Hoven-Noord' -> 'de-hoven-noord'."""
    genormaliseerd = unicodedata.normalize("NFKD", naam)
    ascii_tekst = genormaliseerd.encode("ascii", "ignore").decode("ascii").lower()
    s = re.sub(r"[^a-z0-9]+", "-", ascii_tekst).strip("-")
    return s[:40] or "wijkverband"
