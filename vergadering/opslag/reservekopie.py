"""Reservekopieën van de hele opslag: een momentopname per keer, de nieuwste tien bewaard.

Een kopie is een echte kopie (geen koppeling naar het levende bestand), zodat wie een
bestand ter plekke beschadigt de kopie niet meeneemt. Wat sinds de vorige kopie niet
veranderde, wordt aan die vorige gekoppeld: kopieën worden nooit gewijzigd, dus dat is veilig.
"""

from __future__ import annotations

import os
import shutil
from datetime import datetime
from pathlib import Path

from ..fouten import BeschadigdBestand, OpslagFout
from .bestand import lees_json, maak_map, schrijf_atomisch

MAPNAAM = "reservekopie"
BEWAREN = 10
TIJDSTEMPEL = "%Y%m%d-%H%M%S"


def databestanden(opslagmap: Path) -> list[Path]:
    """Alle gegevensbestanden van de opslag (relatief), zonder reservekopieën en tijdelijke."""
    uit = []
    for pad in opslagmap.rglob("*.json"):
        relatief = pad.relative_to(opslagmap)
        if relatief.parts[0] == MAPNAAM or pad.name.startswith("."):
            continue
        uit.append(relatief)
    return sorted(uit)


def kopieen(opslagmap: Path) -> list[Path]:
    """De reservekopieën, nieuwste eerst."""
    map_ = opslagmap / MAPNAAM
    if not map_.is_dir():
        return []
    return sorted((p for p in map_.iterdir() if p.is_dir() and not p.name.startswith(".")),
                  reverse=True)


def moment_van(kopie: Path) -> datetime | None:
    """Het tijdstip van een reservekopie, uit haar naam."""
    try:
        return datetime.strptime(kopie.name[:15], TIJDSTEMPEL)
    except ValueError:
        return None


def maak(opslagmap: Path, nu: datetime) -> Path | None:
    """Maak een reservekopie (aanroepen met het schrijfslot in handen). None als er niets is."""
    bestanden = databestanden(opslagmap)
    if not bestanden:
        return None
    vorige = next(iter(kopieen(opslagmap)), None)
    naam = nu.strftime(TIJDSTEMPEL)
    doel = opslagmap / MAPNAAM / naam
    volgnummer = 1
    while doel.exists():
        volgnummer += 1
        doel = opslagmap / MAPNAAM / f"{naam}-{volgnummer}"
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
            if oud is not None and _zelfde(oud, st):
                try:
                    os.link(oud, nieuw)
                    continue
                except OSError:
                    pass
            try:
                lees_json(bron)
            except BeschadigdBestand:
                continue  # een beschadigd bestand hoort niet in een kopie
            shutil.copy2(bron, nieuw)
        os.replace(bezig, doel)
    except OSError as fout:
        shutil.rmtree(bezig, ignore_errors=True)
        raise OpslagFout(
            f"De reservekopie in {doel.parent} kon niet gemaakt worden ({fout.strerror or fout}); "
            "maak ruimte vrij of controleer de rechten."
        ) from fout
    for oud in kopieen(opslagmap)[BEWAREN:]:
        shutil.rmtree(oud, ignore_errors=True)
    return doel


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
        if not kandidaat.exists():
            continue
        try:
            lees_json(kandidaat)
        except (BeschadigdBestand, OpslagFout):
            continue
        return kopie
    return None


def zet_terug(opslagmap: Path, kopie: Path, alleen: Path | None = None) -> list[Path]:
    """Zet de bestanden van een reservekopie terug (met het schrijfslot in handen)."""
    teruggezet = []
    bronnen = [alleen] if alleen is not None else databestanden(kopie)
    for relatief in bronnen:
        bron = kopie / relatief
        if not bron.exists():
            raise OpslagFout(f"De reservekopie {kopie.name} bevat {relatief} niet.")
        schrijf_atomisch(opslagmap / relatief, bron.read_bytes())
        teruggezet.append(relatief)
    return teruggezet
