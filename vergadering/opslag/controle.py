"""Is een bestand van de opslag gezond? Vorm, controlegetal én: elk document wordt weer zijn
dataclass.

Een vak dat valt op één van die punten is alleen-lezen tot het hersteld is: er wordt niets in
geschreven of samengevoegd, en een reservekopie neemt het niet over. Welk soort document in
welk bestand hoort, volgt uit het pad (zie de indeling in facade.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..fouten import BeschadigdBestand, OpslagFout, technisch
from .bestand import controleer_tinydb, lees_json

META = "opslag.json"
# tabel -> (map of bestandsnaam, woord in een melding)
_SOORTEN = {
    "wijkverbanden": "wijkverband",
    "signalen": "signaal",
    "acties": "actie",
    "vergadering": "vergadering",
}


def tabel_van(pad: Path) -> str | None:
    """De tabel die in dit vakbestand hoort (None: geen vak dat wij kennen)."""
    if pad.name == "wijkverbanden.json":
        return "wijkverbanden"
    soort = pad.parent.name
    if soort in ("signalen", "acties"):
        return soort
    if soort == "vergaderingen":
        return "vergadering"
    return None


def woord(tabel: str) -> str:
    """Het woord voor één document uit deze tabel ('signaal'), voor meldingen."""
    return _SOORTEN.get(tabel, "gegeven")


def benoem(tabel: str, doc: Any, anders: str = "") -> str:
    """'signaal 2611-ab12' voor een melding; zonder leesbaar kenmerk 'een signaal' plus
    ``anders``."""
    kenmerk = doc.get("id") if isinstance(doc, dict) else None
    if isinstance(kenmerk, str):
        return f"{woord(tabel)} {kenmerk[:30]}"
    return f"een {woord(tabel)}{anders}"


def onleesbaar(pad: Path, tabel: str, doc: Any, fout: Exception) -> BeschadigdBestand:
    """De melding voor een document dat niet zijn dataclass wordt: welk bestand, welk
    document en (uit de omzetting) welk veld; de technische oorzaak alleen bij DEBUG."""
    from .omzetten import reden

    waarom = reden(fout)
    return BeschadigdBestand(
        f"Het bestand {pad} is beschadigd ({benoem(tabel, doc)} is niet te lezen"
        f"{': ' + waarom if waarom else ''}{technisch(fout.__cause__ or fout)})."
    )


def klasse(tabel: str) -> type:
    """De dataclass van de documenten in deze tabel."""
    # Pas hier laden: het startscherm heeft eerst alleen de wijkverbanden nodig.
    if tabel == "signalen":
        from ..signaal import Signaal

        return Signaal
    if tabel == "acties":
        from ..actie import Actie

        return Actie
    if tabel == "vergadering":
        from ..vergadering import Vergadering

        return Vergadering
    from ..wijkverband import Wijkverband

    return Wijkverband


def document_fout(tabel: str, doc: Any) -> Exception | None:
    """Waarom dit document niet zijn dataclass wordt (None: het klopt)."""
    from .omzetten import uit_document

    if not isinstance(doc, dict):
        return ValueError("geen object")
    if not isinstance(doc.get("id"), str) or type(doc.get("versie", 0)) is not int:
        return ValueError("kenmerk of versie ontbreekt of is geen tekst/getal")
    try:
        uit_document(klasse(tabel), doc)
    except BeschadigdBestand as fout:
        return fout  # met .reden (welk veld) en de technische oorzaak als __cause__
    return None


def controleer_documenten(
    data: dict[str, Any], pad: Path, alleen: set[tuple[str, str]] | None = None
) -> None:
    """``BeschadigdBestand`` als het vak een vreemde tabel heeft of een document (of, met
    ``alleen``, één van die (tabel, nummer)-paren) niet zijn dataclass wordt."""
    tabel = tabel_van(pad)
    if tabel is None:
        return
    if set(data) != {tabel}:
        raise BeschadigdBestand(f"Het bestand {pad} is beschadigd (een onbekend deel erin).")
    docs = data[tabel]
    nummers = docs if alleen is None else [k for t, k in alleen if t == tabel]
    if alleen is not None and any(t != tabel for t, _ in alleen):
        raise BeschadigdBestand(f"Het bestand {pad} is beschadigd (een onbekend deel erin).")
    for nummer in nummers:
        doc = docs.get(nummer)
        fout = document_fout(tabel, doc)
        if fout is not None:
            raise onleesbaar(pad, tabel, doc, fout) from fout


def gezond_bestand(pad: Path, *, verplicht: bool = False) -> bool:
    """Waar als het bestand helemaal klopt: geen koppeling, controlegetal, vorm, en elk
    document wordt zijn dataclass (opslag.json: een schemanummer)."""
    try:
        data = lees_json(pad, verplicht=verplicht and pad.name != META)
        if data is None:
            return False
        if pad.name == META:
            return isinstance(data.get("schema"), int)
        controleer_tinydb(data, pad)
        controleer_documenten(data, pad)
    except (BeschadigdBestand, OpslagFout):
        return False
    return True
