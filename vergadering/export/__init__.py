"""Het mapje met Word-documenten van een vergadering: verslag, actielijst, terugkoppeling
(ook als platte tekst) en participatieafspraken.

Dit pakket laadt python-docx pas als er echt geschreven wordt, zodat het importeren ervan
(door de app of de opdrachtregel) niets kost bij het starten.

Voor de app (vanuit een thread-worker)::

    from vergadering.export import maak_mapje
    map_ = maak_mapje(opslag, wijkverband.id, vergadering.id)

``exporteer`` doet hetzelfde en geeft ook terug welke bestanden er kwamen en een zin voor
de gebruiker (bijvoorbeeld dat een bestaand mapje niet overschreven is).
"""

from __future__ import annotations

import sys
from datetime import date, datetime
from pathlib import Path

from ..fouten import NietGevonden, OngeldigeInvoer
from ..privacycheck import PrivacyOnbeslist
from .inhoud import kies_vergadering
from .mapje import DOCUMENTEN, Uitkomst, exporteer, standaard_basismap, veilige_naam

__all__ = [
    "DOCUMENTEN",
    "Uitkomst",
    "exporteer",
    "exporteer_vanaf_opdrachtregel",
    "maak_mapje",
    "standaard_basismap",
    "veilige_naam",
]


def maak_mapje(
    opslag,
    wijkverband_id: str,
    vergadering_id: str,
    doelmap: Path | None = None,
    alleen: str | None = None,
    vandaag: date | None = None,
    nu: datetime | None = None,
    privacy_akkoord: bool = False,
) -> Path:
    """Schrijf het mapje van een vergadering en geef de map terug.

    ``doelmap``: waar de mappen per wijkverband komen (standaard Documenten/Vergadering).
    ``alleen``: één document ('verslag', 'actielijst', 'terugkoppeling', 'afspraken').
    ``vandaag``: de datum waartegen achterstand gemeten wordt (standaard vandaag).
    ``nu``: het aanmaakmoment in de documenten (standaard nu).
    ``privacy_akkoord``: onbesliste vondsten van de privacycheck mogen blijven staan.
    Gooit een ``VergaderingFout`` met één Nederlandse zin als het niet lukt, en
    ``PrivacyOnbeslist`` (met de vondsten) zolang de privacycheck niet af is.
    """
    return exporteer(opslag, wijkverband_id, vergadering_id, doelmap, alleen, vandaag, nu,
                     privacy_akkoord).map


def _kies_wijkverband(opslag, naam: str | None):
    if naam:
        return opslag.wijkverband(naam)
    alle = opslag.wijkverbanden()
    if len(alle) == 1:
        return alle[0]
    if not alle:
        raise NietGevonden(
            f"Er is nog geen wijkverband in {opslag.plek}; maak er een in de app of probeer "
            "`vergadering demo`."
        )
    raise NietGevonden(
        "Er zijn meerdere wijkverbanden ("
        + ", ".join(w.naam for w in alle)
        + "); kies er een met --wijkverband NAAM."
    )


def exporteer_vanaf_opdrachtregel(opslag, args) -> int:
    """`vergadering export`: schrijf het mapje (of één document) en toon waar het staat.

    Op stdout komt alleen het pad (het mapje, of met --alleen de bestanden), zodat een
    script het kan gebruiken; een melding dat er uitgeweken is, komt op stderr.
    """
    wijkverband = _kies_wijkverband(opslag, getattr(args, "wijkverband", None))
    if getattr(args, "impact", False):
        return _impact(opslag, wijkverband, args)
    if getattr(args, "periode", None):
        raise OngeldigeInvoer("--periode hoort bij --impact; zet --impact erbij of laat "
                              "--periode weg.")
    vergadering = kies_vergadering(opslag, wijkverband, getattr(args, "vergadering", None))
    doelmap = Path(args.map).expanduser() if getattr(args, "map", None) else None
    try:
        uitkomst = exporteer(
            opslag, wijkverband.id, vergadering.id, doelmap, getattr(args, "alleen", None),
            privacy_akkoord=bool(getattr(args, "privacy_akkoord", False)),
        )
    except PrivacyOnbeslist as fout:
        return _onbeslist(fout)
    if getattr(args, "alleen", None):
        for pad in uitkomst.bestanden:
            print(pad.absolute())
    else:
        print(uitkomst.map.absolute())
    if uitkomst.andere_naam or uitkomst.opmerkingen:
        print(f"vergadering: {uitkomst.melding}", file=sys.stderr)
    return 0


def _onbeslist(fout: PrivacyOnbeslist) -> int:
    """De vondsten van de privacycheck op stderr, met wat te doen; code 1."""
    print(f"vergadering: {fout}", file=sys.stderr)
    for vondst in fout.vondsten:
        print(f"  - {vondst.in_woorden()}", file=sys.stderr)
    print("Kies per item behouden of maskeren in de app (ctrl+p, 'Mapje maken'; die keuzes "
          "gelden ook voor impact.docx), of exporteer na controle met --privacy-akkoord: dan "
          "blijven deze items staan.", file=sys.stderr)
    return 1


def _impact(opslag, wijkverband, args) -> int:
    """`vergadering export --impact`: het jaarverslag impact.docx (zie export/impact.py)."""
    from .impact import exporteer_impact

    if getattr(args, "alleen", None) or getattr(args, "vergadering", "laatste") != "laatste":
        raise OngeldigeInvoer("--impact maakt een eigen document over een periode; laat "
                              "--alleen en --vergadering weg.")
    doelmap = Path(args.map).expanduser() if getattr(args, "map", None) else None
    try:
        pad = exporteer_impact(opslag, wijkverband, args.periode, doelmap,
                               privacy_akkoord=bool(getattr(args, "privacy_akkoord", False)))
    except PrivacyOnbeslist as fout:
        return _onbeslist(fout)
    print(pad.absolute())
    return 0
