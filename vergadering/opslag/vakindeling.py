"""In welk vak een document hoort: een maand signalen, een jaar acties, één vergadering.

Beide opslagen delen deze indeling: de map maakt er bestanden van, PostgreSQL een kolom. Zo
noemen de wijzigingen van beide hetzelfde vak, en leest een volger (de beamer, een tweede
venster) alleen dat vak opnieuw.
"""

from __future__ import annotations

SOORTEN = ("signalen", "acties", "vergaderingen")


def vaknaam(soort: str, doc_id: str) -> str:
    """De naam van het vak van document ``doc_id`` ('2026-11.json' voor signaal 2611-k3f9)."""
    if soort == "signalen":
        jjmm = doc_id.split("-", 1)[0]
        return f"20{jjmm[:2]}-{jjmm[2:4]}.json"
    if soort == "acties":
        return f"{doc_id.split('-', 1)[0]}.json"
    if soort == "vergaderingen":
        return f"{doc_id}.json"
    raise ValueError(soort)
