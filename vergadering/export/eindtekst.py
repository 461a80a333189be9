"""De eindtekst van de terugkoppeling: na het sluiten bewerkt de notulist de hele tekst zoals
bewoners hem lezen, en die wordt gepubliceerd (.docx, .txt, .html); de privacycheck loopt
erover (zie controle.py)."""

from __future__ import annotations

from datetime import date, datetime

from .inhoud import Inhoud


def _inhoud(opslag, wijkverband_id: str, vergadering_id: str, vandaag: date) -> Inhoud:
    from .inhoud import verzamel

    return verzamel(opslag, wijkverband_id, vergadering_id, vandaag, datetime.now().astimezone())


def _voorstel(inhoud: Inhoud) -> str:
    """De tekst uit de velden, zoals hij zonder eindtekst gepubliceerd wordt."""
    from .terugkoppeling import als_tekst, blokken

    tk = inhoud.vergadering.terugkoppeling
    eigen, tk.eindtekst = tk.eindtekst, ""
    try:
        return als_tekst(blokken(inhoud))
    finally:
        tk.eindtekst = eigen


def concept(opslag, wijkverband_id: str, vergadering_id: str, vandaag: date) -> str:
    """De tekst om te bewerken: de bewaarde eindtekst, of anders de tekst zoals hij nu
    gepubliceerd zou worden (met de privégegevens er al uit)."""
    inhoud = _inhoud(opslag, wijkverband_id, vergadering_id, vandaag)
    tk = inhoud.vergadering.terugkoppeling
    return tk.eindtekst if tk.eindtekst.strip() else _voorstel(inhoud)


def bewaar(opslag, wijkverband_id: str, vergadering_id: str, tekst: str,
           vandaag: date) -> bool:
    """Bewaar de bewerkte tekst bij de vergadering (in één keer). Een lege tekst, of precies
    het voorstel, betekent: weer de tekst uit de velden (die ook latere wijzigingen volgt).
    Geeft of er nu een eigen eindtekst staat."""
    inhoud = _inhoud(opslag, wijkverband_id, vergadering_id, vandaag)
    eigen = bool(tekst.strip()) and tekst.strip() != _voorstel(inhoud).strip()
    v = inhoud.vergadering
    v.terugkoppeling.eindtekst = tekst if eigen else ""
    v.terugkoppeling.__post_init__()  # de gewone controle (lengte, tekens)
    opslag.bewaar_vergadering(v)
    return eigen
