"""Het mapje van één vergadering: waar het komt, hoe het heet, en alles of niets erin.

``<basismap>/<wijkverband>/<datum>/`` met verslag.docx (en verslag.pdf als LibreOffice er
is), actielijst.docx, terugkoppeling.docx + .txt + .html, participatieafspraken.docx en
agenda.ics (de afspraken uit deze vergadering, voor de agenda van wie ze moet doen).

- Een bestaand mapje wordt nooit overschreven: dan komt er een nieuw naast
  ("2026-11-23 (2)"), en de uitkomst zegt dat.
- Het mapje wordt eerst gereserveerd (``mkdir`` lukt maar voor één), dan wordt elk
  document atomisch geschreven. Mislukt er onderweg iets, dan gaat wat deze export schreef
  weer weg: geen half mapje dat op een goed mapje lijkt.
- Met ``alleen`` komt één document in het mapje van de vergadering; bestaat het al, dan
  krijgt het nieuwe een eigen naam ("verslag (2).docx").
- De map van het wijkverband en het mapje zelf mogen geen symbolische koppeling zijn: er
  wordt niets geschreven op een plek waar de koppeling heen wijst.
"""

from __future__ import annotations

import errno
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from ..fouten import OngeldigeInvoer, OpslagFout, oorzaak
from .inhoud import Inhoud, verzamel

# Wat --alleen kiest, en welke bestanden dat zijn.
DOCUMENTEN: dict[str, tuple[str, ...]] = {
    "verslag": ("verslag.docx",),
    "actielijst": ("actielijst.docx",),
    "terugkoppeling": ("terugkoppeling.docx", "terugkoppeling.txt", "terugkoppeling.html"),
    "afspraken": ("participatieafspraken.docx",),
    "agenda": ("agenda.ics",),
}
MAX_POGINGEN = 1000

_VERBODEN = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]+')
_WINDOWS_GERESERVEERD = {
    "con", "prn", "aux", "nul",
    *(f"com{i}" for i in range(1, 10)),
    *(f"lpt{i}" for i in range(1, 10)),
}
_VERGADERING_ID = re.compile(r"^\d{4}-\d{2}-\d{2}(?:-\d{1,3})?$")


@dataclass
class Uitkomst:
    """Wat een export schreef."""

    map: Path
    bestanden: list[Path] = field(default_factory=list)
    bedoeld: Path | None = None  # de naam die bezet was, als er uitgeweken is
    # Wat goed ging maar het vermelden waard is (geen PDF, want geen LibreOffice).
    opmerkingen: list[str] = field(default_factory=list)

    @property
    def andere_naam(self) -> bool:
        """Waar als een bestaand mapje of document een nieuwe naam afdwong."""
        return self.bedoeld is not None

    @property
    def melding(self) -> str:
        """Waar het staat en of er uitgeweken is, met de opmerkingen erachter."""
        return " ".join([self._waar(), *self.opmerkingen])

    def _waar(self) -> str:
        if len(self.bestanden) == 1 or all(b.stem == self.bestanden[0].stem
                                           for b in self.bestanden):
            wat = self.bestanden[0].name if self.bestanden else "Het document"
            if self.bedoeld is not None:
                return (f"{self.bedoeld.name} bestond al en is niet overschreven; het nieuwe "
                        f"document staat in {self.bestanden[0]}.")
            return f"{wat} staat in {self.map}."
        if self.bedoeld is not None:
            return (f"Er stond al een mapje {self.bedoeld.name}; dat is niet overschreven, het "
                    f"nieuwe mapje is {self.map}.")
        return f"Het mapje staat in {self.map}."


def standaard_basismap() -> Path:
    """Waar mapjes standaard komen: de map Documenten van de gebruiker, dan 'Vergadering'."""
    from platformdirs import user_documents_path

    return user_documents_path() / "Vergadering"


def veilige_naam(naam: str, reserve: str = "wijkverband") -> str:
    """Een mapnaam die op Windows, macOS en Linux kan: geen / \\ : * ? " < > |, geen
    stuurtekens, geen punt of spatie aan het eind, geen gereserveerde naam (CON, NUL)."""
    from ..tekst import xml_veilig

    schoon = _VERBODEN.sub("-", xml_veilig(naam))
    schoon = re.sub(r"\s+", " ", schoon).strip().strip(".").strip()[:60].rstrip(". ")
    if not schoon or set(schoon) <= {"-", "."}:
        schoon = reserve
    if schoon.split(".")[0].lower() in _WINDOWS_GERESERVEERD:
        schoon = f"{schoon}_"
    return schoon


def _mapnaam_vergadering(inhoud: Inhoud) -> str:
    vid = inhoud.vergadering.id
    return vid if _VERGADERING_ID.match(vid) else inhoud.vergadering.datum.isoformat()


def _vertaal_map(fout: OSError, map_: Path) -> OpslagFout:
    if fout.errno in (errno.ENOSPC, errno.EDQUOT):
        return OpslagFout(
            f"De schijf is vol, dus het mapje {map_} kon niet gemaakt worden; maak ruimte vrij "
            "en probeer het opnieuw."
        )
    if fout.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return OpslagFout(
            f"Er mag geen mapje gemaakt worden in {map_.parent}; kies een andere map met --map "
            "of pas de rechten aan."
        )
    if fout.errno in (errno.ENOTDIR, errno.EEXIST):
        return OpslagFout(
            f"{map_.parent} is geen map (er staat een bestand met die naam); kies een andere "
            "map met --map."
        )
    return OpslagFout(
        f"Het mapje {map_} kon niet gemaakt worden ({oorzaak(fout)}); probeer het "
        "opnieuw of kies een andere map met --map."
    )


def _geen_koppeling(map_: Path) -> None:
    """Weiger een map die een symbolische koppeling is (het mapje zou elders belanden)."""
    if map_.is_symlink():
        raise OpslagFout(
            f"{map_} is een koppeling naar een andere plek, dus daar wordt niets geschreven; "
            "haal de koppeling weg of kies een andere map met --map."
        )


def _reserveer_map(basis: Path) -> tuple[Path, Path | None]:
    """Maak een nieuw, leeg mapje: ``basis``, of ``basis (2)`` enzovoort als dat al bestaat.

    Een bestaand maar leeg mapje mag gebruikt worden: daar valt niets te overschrijven.
    Geeft (map, de bezette naam of None).
    """
    try:
        basis.parent.mkdir(parents=True, exist_ok=True)
    except OSError as fout:
        raise _vertaal_map(fout, basis.parent) from fout
    _geen_koppeling(basis.parent)
    for n in range(1, MAX_POGINGEN + 1):
        kandidaat = basis if n == 1 else basis.with_name(f"{basis.name} ({n})")
        try:
            kandidaat.mkdir()
            return kandidaat, (basis if n > 1 else None)
        except FileExistsError:
            _geen_koppeling(kandidaat)
            if kandidaat.is_dir() and not any(kandidaat.iterdir()):
                return kandidaat, (basis if n > 1 else None)
        except OSError as fout:
            raise _vertaal_map(fout, kandidaat) from fout
    raise OpslagFout(
        f"Er staan al {MAX_POGINGEN} mapjes voor deze vergadering in {basis.parent}; ruim er "
        "een paar op en probeer het opnieuw."
    )


def _vrije_namen(map_: Path, namen: tuple[str, ...]) -> tuple[list[Path], Path | None]:
    """Bestandsnamen die nog niet bestaan: 'verslag.docx', anders 'verslag (2).docx'.

    Bij de terugkoppeling krijgen .docx, .txt en .html hetzelfde nummer.
    """
    for n in range(1, MAX_POGINGEN + 1):
        paden = [
            map_ / (naam if n == 1 else f"{Path(naam).stem} ({n}){Path(naam).suffix}")
            for naam in namen
        ]
        if not any(p.exists() for p in paden):
            return paden, (map_ / namen[0] if n > 1 else None)
    raise OpslagFout(
        f"Er staan al {MAX_POGINGEN} versies van {namen[0]} in {map_}; ruim er een paar op."
    )


def _schrijvers(inhoud: Inhoud) -> dict[str, Callable[[list[Path]], None]]:
    """Per document een functie die de gegeven bestanden schrijft."""
    from ..kalender import kalender_van_vergadering
    from . import actielijst, afspraken, terugkoppeling, verslag
    from .veilig_schrijven import schrijf_atomisch

    def tk(paden: list[Path]) -> None:
        blokken = terugkoppeling.blokken(inhoud)
        terugkoppeling.schrijf_docx(inhoud, blokken, paden[0])
        terugkoppeling.schrijf_txt(blokken, paden[1])
        terugkoppeling.schrijf_html(inhoud, blokken, paden[2])

    return {
        "verslag": lambda p: verslag.schrijf(inhoud, p[0]),
        "actielijst": lambda p: actielijst.schrijf(inhoud, p[0]),
        "terugkoppeling": tk,
        "afspraken": lambda p: afspraken.schrijf(inhoud, p[0]),
        "agenda": lambda p: schrijf_atomisch(p[0], kalender_van_vergadering(inhoud)),
    }


def schrijf_mapje(
    inhoud: Inhoud, basismap: Path, alleen: str | None = None
) -> Uitkomst:
    """Schrijf de documenten van ``inhoud`` in ``basismap/<wijkverband>/<datum>/``."""
    if alleen is not None and alleen not in DOCUMENTEN:
        raise OngeldigeInvoer(
            f"'{str(alleen)[:30]}' is geen document; kies uit {', '.join(DOCUMENTEN)}."
        )
    wv_map = Path(basismap).expanduser() / veilige_naam(inhoud.wijkverband.naam,
                                                        inhoud.wijkverband.id)
    doelnaam = wv_map / _mapnaam_vergadering(inhoud)
    schrijvers = _schrijvers(inhoud)

    if alleen is not None:
        _geen_koppeling(wv_map)
        _geen_koppeling(doelnaam)
        try:
            doelnaam.mkdir(parents=True, exist_ok=True)
        except OSError as fout:
            raise _vertaal_map(fout, doelnaam) from fout
        _geen_koppeling(wv_map)
        _geen_koppeling(doelnaam)
        paden, bezet = _vrije_namen(doelnaam, DOCUMENTEN[alleen])
        _schrijf_of_ruim_op(lambda: schrijvers[alleen](paden), paden, None)
        uitkomst = Uitkomst(doelnaam, paden, bezet)
        if alleen == "verslag":
            _met_pdf(uitkomst, paden[0])
        return uitkomst

    map_, bezet = _reserveer_map(doelnaam)
    alle: list[Path] = []
    uitkomst = Uitkomst(map_, alle, bezet)

    def schrijf_alles() -> None:
        for soort, namen in DOCUMENTEN.items():
            paden = [map_ / naam for naam in namen]
            alle.extend(paden)
            schrijvers[soort](paden)

    # Ook een leeg mapje dat al bestond, mag na een fout weer weg: er stond niets in.
    _schrijf_of_ruim_op(schrijf_alles, alle, map_)
    _met_pdf(uitkomst, map_ / "verslag.docx")
    return uitkomst


def _met_pdf(uitkomst: Uitkomst, verslag: Path) -> None:
    """Een PDF van het verslag erbij als LibreOffice er is; anders een opmerking. Nooit een
    fout: het mapje is al af (zie pdf.py)."""
    from .pdf import maak_pdf

    pdf, opmerking = maak_pdf(verslag)
    if pdf is not None:
        uitkomst.bestanden.append(pdf)
    if opmerking:
        uitkomst.opmerkingen.append(opmerking)


def _schrijf_of_ruim_op(schrijf: Callable[[], None], paden: list[Path], map_: Path | None):
    """Schrijf; gaat het mis, haal dan weg wat deze export schreef (en het lege mapje)."""
    try:
        schrijf()
    except BaseException:
        for pad in paden:
            try:
                pad.unlink()
            except OSError:
                pass
        if map_ is not None:
            try:
                map_.rmdir()  # alleen als het leeg is: van een ander blijft alles staan
            except OSError:
                pass
        raise


def exporteer(
    opslag,
    wijkverband_id: str,
    vergadering_id: str,
    doelmap: Path | None = None,
    alleen: str | None = None,
    vandaag: date | None = None,
    nu: datetime | None = None,
    privacy_akkoord: bool = False,
) -> Uitkomst:
    """Lees de vergadering uit de opslag en schrijf het mapje; geeft de uitkomst terug.

    Eerst de privacycheck (``controleer_privacy``): zolang een vondst onbeslist is, wordt er
    niets geschreven, behalve met ``privacy_akkoord``."""
    vandaag = vandaag or date.today()
    nu = nu or datetime.now().astimezone()
    inhoud = verzamel(opslag, wijkverband_id, vergadering_id, vandaag, nu)
    controleer_privacy(inhoud, privacy_akkoord)
    return schrijf_mapje(inhoud, Path(doelmap) if doelmap else standaard_basismap(), alleen)


def controleer_privacy(inhoud: Inhoud, akkoord: bool = False) -> None:
    """De privacycheck vóór er iets geschreven wordt: is er een vondst onbeslist, dan
    ``PrivacyOnbeslist``; met ``akkoord`` (na controle) blijven die vondsten staan."""
    from ..privacycheck import vereis_besluiten
    from .controle import controleer

    vereis_besluiten(controleer(inhoud), inhoud.keuzes, akkoord)
