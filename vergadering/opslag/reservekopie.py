"""Reservekopieën van de hele opslag: een momentopname per keer, de nieuwste tien bewaard.

Een kopie is een echte kopie (geen koppeling naar het levende bestand), zodat wie een
bestand ter plekke beschadigt de kopie niet meeneemt. Wat sinds de vorige kopie niet
veranderde, wordt aan die vorige gekoppeld: kopieën worden nooit gewijzigd, dus dat is veilig.

Een kopie bevat alleen leesbare bestanden. Is een bestand op het moment van kopiëren
beschadigd, dan neemt de kopie de laatste goede versie uit de vorige kopie over: zo schuift
die goede versie mee en valt ze niet na tien kopieën weg.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from ..fouten import BeschadigdBestand, OpslagFout, oorzaak
from .bestand import (
    controleer_tinydb,
    journaalpad,
    lees_journaalregels,
    lees_json,
    maak_map,
    schrijf_atomisch,
)

MAPNAAM = "reservekopie"
BEWAREN = 10
TIJDSTEMPEL = "%Y%m%d-%H%M%S"


def alle_bestanden(opslagmap: Path) -> Iterator[Path]:
    """Elk bestand van de opslag buiten de reservekopieën (die worden niet doorzocht: tien
    kopieën van jaren geschiedenis is veel werk voor niets)."""
    for map_, mappen, bestanden in os.walk(opslagmap):
        if Path(map_) == opslagmap and MAPNAAM in mappen:
            mappen.remove(MAPNAAM)
        for naam in bestanden:
            yield Path(map_) / naam


def databestanden(opslagmap: Path) -> list[Path]:
    """Alle gegevensbestanden van de opslag (relatief), zonder reservekopieën en tijdelijke."""
    return sorted(
        pad.relative_to(opslagmap)
        for pad in alle_bestanden(opslagmap)
        if pad.suffix == ".json" and not pad.name.startswith(".")
    )


def _volgorde(kopie: Path) -> tuple[str, int]:
    """'20261123-194500-3' sorteert na '-2' en na '-10' niet ervoor."""
    tijd, _, nummer = kopie.name[:15], kopie.name[15:16], kopie.name[16:]
    return tijd, int(nummer) if nummer.isdigit() else 1


def kopieen(opslagmap: Path) -> list[Path]:
    """De reservekopieën, nieuwste eerst."""
    map_ = opslagmap / MAPNAAM
    if not map_.is_dir():
        return []
    return sorted((p for p in map_.iterdir() if p.is_dir() and not p.name.startswith(".")),
                  key=_volgorde, reverse=True)


def moment_van(kopie: Path) -> datetime | None:
    """Het tijdstip van een reservekopie, uit haar naam."""
    try:
        return datetime.strptime(kopie.name[:15], TIJDSTEMPEL)
    except ValueError:
        return None


def ruim_halve_op(opslagmap: Path) -> None:
    """Een kopie die halverwege werd afgebroken (naam met een punt ervoor) weghalen."""
    import shutil  # pas bij een reservekopie: niet bij het starten

    map_ = opslagmap / MAPNAAM
    if not map_.is_dir():
        return
    for p in map_.iterdir():
        if p.name.startswith(".") and p.is_dir():
            shutil.rmtree(p, ignore_errors=True)


def _leesbaar(pad: Path) -> bool:
    """Waar als het bestand te gebruiken is: geldige JSON, en de vorm die hoort bij opslag.json
    (een schemanummer) of bij een vak (tabellen met documenten)."""
    try:
        data = lees_json(pad)
        if data is None:
            return False
        if pad.name == "opslag.json":
            return isinstance(data.get("schema"), int)
        controleer_tinydb(data, pad)
    except (BeschadigdBestand, OpslagFout):
        return False
    return True


def maak(opslagmap: Path, nu: datetime) -> Path | None:
    """Maak een reservekopie (aanroepen met het schrijfslot in handen). None als er niets is."""
    import shutil  # pas bij een reservekopie: niet bij het starten

    bestanden = databestanden(opslagmap)
    if not bestanden:
        return None
    alle = kopieen(opslagmap)
    vorige = alle[0] if alle else None
    # De naam sorteert altijd als nieuwste: ook als de klok terugliep, en nooit een naam
    # die na het opruimen van de oudste vrijkwam (die zou meteen weer de oudste zijn).
    naam = nu.strftime(TIJDSTEMPEL)
    if vorige is not None and _volgorde(vorige)[0] > naam:
        naam = _volgorde(vorige)[0]
    volgnummer = max((_volgorde(k)[1] for k in alle if k.name[:15] == naam), default=0) + 1
    doel = opslagmap / MAPNAAM / (naam if volgnummer == 1 else f"{naam}-{volgnummer}")
    # Eerst onder een verborgen naam; pas als alles er is, krijgt de kopie haar echte naam.
    bezig = doel.with_name("." + doel.name)
    try:
        for relatief in bestanden:
            bron = opslagmap / relatief
            nieuw = bezig / relatief
            maak_map(nieuw.parent)
            oud = vorige / relatief if vorige else None
            try:
                st = bron.stat()
            except FileNotFoundError:
                continue
            if oud is not None and _zelfde(oud, st) and _koppel(oud, nieuw):
                continue
            if _leesbaar(bron):
                shutil.copy2(bron, nieuw)
            elif oud is not None and oud.exists():
                _koppel(oud, nieuw)  # de laatste goede versie schuift mee
        os.replace(bezig, doel)
    except OSError as fout:
        shutil.rmtree(bezig, ignore_errors=True)
        raise OpslagFout(
            f"De reservekopie in {doel.parent} kon niet gemaakt worden ({oorzaak(fout)}); "
            "maak ruimte vrij of controleer de rechten."
        ) from fout
    for oud in kopieen(opslagmap)[BEWAREN:]:
        shutil.rmtree(oud, ignore_errors=True)
    return doel


def _koppel(oud: Path, nieuw: Path) -> bool:
    """Een harde koppeling tussen twee kopieën; kan dat niet (bijvoorbeeld FAT), dan kopiëren."""
    import shutil  # pas bij een reservekopie: niet bij het starten

    try:
        os.link(oud, nieuw)
    except OSError:
        try:
            shutil.copy2(oud, nieuw)
        except OSError:
            return False
    return True


def _zelfde(oud: Path, st: os.stat_result) -> bool:
    try:
        o = oud.stat()
    except OSError:
        return False
    return o.st_size == st.st_size and o.st_mtime_ns == st.st_mtime_ns


def goede_kopie_van(opslagmap: Path, relatief: Path) -> Path | None:
    """De nieuwste reservekopie met een leesbare versie van dit bestand."""
    for kopie in kopieen(opslagmap):
        kandidaat = kopie / relatief
        if kandidaat.exists() and _leesbaar(kandidaat):
            return kopie
    return None


def zet_terug(
    opslagmap: Path, kopie: Path, alleen: Path | None = None, nu: datetime | None = None
) -> list[Path]:
    """Zet de bestanden van een reservekopie terug (met het schrijfslot in handen).

    Eerst wordt alles gecontroleerd, dan pas geschreven: een beschadigde kopie zet niets
    half terug. Een onleesbaar levend bestand blijft ernaast staan als
    ``<naam>.beschadigd-<tijdstip>``.
    """
    bronnen = [alleen] if alleen is not None else databestanden(kopie)
    inhoud: dict[Path, bytes] = {}
    for relatief in bronnen:
        bron = kopie / relatief
        if not bron.is_file():
            raise OpslagFout(f"De reservekopie {kopie.name} bevat {relatief} niet.")
        if not _leesbaar(bron):
            raise BeschadigdBestand(
                f"In de reservekopie {kopie.name} is {relatief.as_posix()} zelf beschadigd; "
                "kies een oudere kopie (`vergadering reservekopie` toont ze)."
            )
        inhoud[relatief] = bron.read_bytes()
    stempel = (nu or datetime.now()).strftime(TIJDSTEMPEL)
    for relatief, ruw in inhoud.items():
        levend = opslagmap / relatief
        if levend.exists() and not _leesbaar(levend):
            _zet_apart(levend, stempel)
        journaal = journaalpad(levend)
        if journaal.exists() and not _journaal_leesbaar(journaal):
            _zet_apart(journaal, stempel)
            journaal.unlink()
        # Een leesbaar journaal blijft: het bevat hele documenten die na de kopie bewaard
        # werden (het vak was beschadigd, dus niet samengevoegd); die komen zo terug.
        schrijf_atomisch(levend, ruw)
    return list(inhoud)


def _zet_apart(pad: Path, stempel: str) -> None:
    """Bewaar een beschadigd bestand ernaast, voor wie wil uitzoeken wat er misging."""
    apart = pad.with_name(f"{pad.name}.beschadigd-{stempel}")
    if not apart.exists():
        schrijf_atomisch(apart, pad.read_bytes())


def _journaal_leesbaar(pad: Path) -> bool:
    try:
        lees_journaalregels(pad.read_bytes(), pad)
    except (BeschadigdBestand, OSError):
        return False
    return True
