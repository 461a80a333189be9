"""Reservekopieën van de hele opslag: een momentopname per keer, de nieuwste tien bewaard.

Een kopie is een echte kopie (geen koppeling naar het levende bestand), zodat wie een
bestand ter plekke beschadigt de kopie niet meeneemt. Wat sinds de vorige kopie niet
veranderde, wordt aan die vorige gekoppeld: kopieën worden nooit gewijzigd, dus dat is veilig.

Een kopie bevat alleen gezonde bestanden (controlegetal, vorm, en elk document wordt zijn
dataclass: zie controle.py). Is een bestand op het moment van kopiëren beschadigd, dan neemt
de kopie de laatste goede versie uit de vorige kopie over: zo schuift die goede versie mee en
valt ze niet na tien kopieën weg.

Terugzetten verliest geen bevestigde bewerking: was het levende bestand of zijn journaal
beschadigd, dan gaan beide apart (``<naam>.beschadigd-<tijdstip>``) en komt wat er nog gezond
in stond en nieuwer is dan de kopie (per kenmerk en versie) terug in het teruggezette vak.
Wat niet terug kan, wordt genoemd.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

from ..fouten import BeschadigdBestand, OpslagFout, oorzaak
from .bestand import (
    NIET_VOLGEN,
    fsync_map,
    journaalpad,
    lees_journaal_ruim,
    lees_journaalregels,
    maak_map,
    schrijf_atomisch,
    uit_vakbytes,
    vakbytes,
    zonder_controlegetal,
)
from .controle import META, benoem, document_fout, gezond_bestand, tabel_van

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


def verwijder(opslagmap: Path, weg: list[Path]) -> None:
    """Haal deze reservekopieën weg (aanroepen met het schrijfslot in handen). Eerst krijgt
    elke kopie een verborgen naam: een afgebroken verwijdering laat zo geen halve kopie
    staan die er als een goede uitziet (``ruim_halve_op`` ruimt de rest op)."""
    import shutil

    for kopie in weg:
        verborgen = kopie.with_name(f".weg-{kopie.name}")
        os.rename(kopie, verborgen)
        shutil.rmtree(verborgen, ignore_errors=True)


def ruim_halve_op(opslagmap: Path) -> None:
    """Een kopie die halverwege werd afgebroken (naam met een punt ervoor) weghalen."""
    import shutil  # pas bij een reservekopie: niet bij het starten

    map_ = opslagmap / MAPNAAM
    if not map_.is_dir():
        return
    for p in map_.iterdir():
        if p.name.startswith(".") and p.is_dir():
            shutil.rmtree(p, ignore_errors=True)


def _leesbaar(pad: Path, verplicht: bool = False) -> bool:
    """Waar als het bestand helemaal gezond is (zie ``controle.gezond_bestand``)."""
    return gezond_bestand(pad, verplicht=verplicht)


def _fsync_bestand(pad: Path) -> None:
    fd = os.open(pad, os.O_RDONLY | NIET_VOLGEN)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def maak(opslagmap: Path, nu: datetime, *, verplicht: bool = False) -> Path | None:
    """Maak een reservekopie (aanroepen met het schrijfslot in handen). None als er niets is.

    ``verplicht``: een levend vak zonder controlegetal is beschadigd (schema 2 en later)."""
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
                st = bron.lstat()
            except FileNotFoundError:
                continue
            if oud is not None and _zelfde(oud, st) and _koppel(oud, nieuw):
                continue
            if _leesbaar(bron, verplicht):
                shutil.copy2(bron, nieuw)
                # Een kopie die na een stroomstoring leeg blijkt, is geen kopie.
                _fsync_bestand(nieuw)
            elif oud is not None and oud.exists():
                _koppel(oud, nieuw)  # de laatste goede versie schuift mee
        if bezig.is_dir():
            for map_, _, _ in os.walk(bezig):
                fsync_map(Path(map_))
        os.replace(bezig, doel)
        fsync_map(doel.parent)
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
        o = oud.lstat()
    except OSError:
        return False
    return o.st_size == st.st_size and o.st_mtime_ns == st.st_mtime_ns


def goede_kopie_van(opslagmap: Path, relatief: Path) -> Path | None:
    """De nieuwste reservekopie met een gezonde versie van dit bestand (volledig
    nagekeken: de melding mag nooit een kopie noemen die de schade al bevat)."""
    for kopie in kopieen(opslagmap):
        kandidaat = kopie / relatief
        if kandidaat.exists() and _leesbaar(kandidaat):
            return kopie
    return None


class Terugzetting:
    """Wat ``zet_terug`` deed, met de zin voor de gebruiker. (Geen dataclass: de façade laadt
    dit module ook voor een lijst, zie ``bestand._Stand``.)"""

    def __init__(self, kopie: str) -> None:
        self.kopie = kopie
        self.bestanden: list[Path] = []
        # latere bewerkingen die uit het journaal of het oude vak terugkwamen
        self.weer_erbij = 0
        self.niet_terug: list[str] = []  # 'signaal 2611-ab12'
        self.apart: list[Path] = []

    @property
    def melding(self) -> str:
        """Eén zin: wat teruggezet is, wat weer terugkwam en wat niet (en waar dat staat)."""
        n = len(self.bestanden)
        zin = f"{n} bestand{'' if n == 1 else 'en'} teruggezet uit {self.kopie}"
        if self.weer_erbij:
            zin += (f"; {self.weer_erbij} latere bewerking"
                    f"{' is' if self.weer_erbij == 1 else 'en zijn'} er weer bijgezet")
        waar = ", ".join(str(p) for p in self.apart)
        if self.niet_terug:
            m = len(self.niet_terug)
            welke = ", ".join(self.niet_terug[:5]) + (", …" if m > 5 else "")
            zin += (f"; {m} bewerking{' kon' if m == 1 else 'en konden'} niet terug ({welke}), "
                    f"die staan nog in {waar}: voer ze opnieuw in of vraag hulp")
        elif len(self.apart) == 1:
            zin += f"; het beschadigde bestand staat apart in {waar}"
        elif self.apart:
            zin += f"; de beschadigde bestanden staan apart in {waar}"
        return zin + "."


def zet_terug(
    opslagmap: Path,
    kopie: Path,
    alleen: Path | None = None,
    nu: datetime | None = None,
    *,
    verplicht: bool = False,
) -> Terugzetting:
    """Zet de bestanden van een reservekopie terug (met het schrijfslot in handen).

    Eerst wordt alles gecontroleerd, dan pas geschreven: een beschadigde kopie zet niets
    half terug. Was het levende bestand of zijn journaal beschadigd (``verplicht``: ook een
    vak zonder controlegetal), dan gaan beide apart en komen de gezonde documenten die
    nieuwer zijn dan de kopie terug (zie de moduletekst).
    """
    bronnen = [alleen] if alleen is not None else databestanden(kopie)
    inhoud: dict[Path, dict[str, Any]] = {}
    for relatief in bronnen:
        bron = kopie / relatief
        if not bron.is_file():
            raise OpslagFout(f"De reservekopie {kopie.name} bevat {relatief} niet.")
        if not _leesbaar(bron):
            raise BeschadigdBestand(
                f"In de reservekopie {kopie.name} is {relatief.as_posix()} zelf beschadigd; "
                "kies een oudere kopie (`vergadering reservekopie` toont ze)."
            )
        inhoud[relatief] = uit_vakbytes(bron.read_bytes(), bron)
        for map_ in relatief.parents:
            if (opslagmap / map_).is_symlink():
                raise OpslagFout(
                    f"De map {opslagmap / map_} is een koppeling naar een andere plek en wordt "
                    "niet gevolgd; haal die koppeling weg en probeer het opnieuw."
                )
    stempel = (nu or datetime.now()).strftime(TIJDSTEMPEL)
    uitkomst = Terugzetting(kopie.name)
    for relatief, data in inhoud.items():
        levend = opslagmap / relatief
        journaal = journaalpad(levend)
        levend_ziek = os.path.lexists(levend) and not _leesbaar(levend, verplicht)
        journaal_ziek = os.path.lexists(journaal) and not _journaal_leesbaar(journaal)
        tabel = tabel_van(levend)
        if (levend_ziek or journaal_ziek) and tabel is not None and relatief.name != META:
            # Alles wat na de kopie bevestigd werd, staat in het oude vak of het journaal.
            for pad in (levend, journaal):
                if os.path.lexists(pad):
                    uitkomst.apart.append(_zet_apart(pad, stempel))
            _red(data, tabel, levend, journaal, uitkomst)
            schrijf_atomisch(levend, vakbytes(data))
            _weg(journaal)
        else:
            if levend_ziek:
                uitkomst.apart.append(_zet_apart(levend, stempel))
            if journaal_ziek:
                uitkomst.apart.append(_zet_apart(journaal, stempel))
                _weg(journaal)
            # Een gezond journaal blijft: het bevat hele documenten die na de kopie bewaard
            # werden en niet samengevoegd konden worden; die komen zo terug.
            schrijf_atomisch(levend, vakbytes(data))
        uitkomst.bestanden.append(relatief)
    return uitkomst


def _red(data: dict[str, Any], tabel: str, levend: Path, journaal: Path,
         uitkomst: Terugzetting) -> None:
    """Zet in ``data`` (uit de kopie) elk gezond document uit het oude vak en het journaal dat
    nieuwer is dan wat de kopie heeft; noteer wat niet kon."""
    docs: dict[str, dict[str, Any]] = data.setdefault(tabel, {})
    op_kenmerk = {d.get("id"): k for k, d in docs.items()}
    teruggekomen: set[str] = set()

    def neem(doc: Any) -> None:
        kenmerk = doc.get("id") if isinstance(doc, dict) else None
        versie = doc.get("versie", 0) if isinstance(doc, dict) else 0
        nummer = op_kenmerk.get(kenmerk)
        if (nummer is not None and type(versie) is int
                and docs[nummer].get("versie", 0) >= versie):
            return  # de kopie heeft deze versie al (of een nieuwere)
        if document_fout(tabel, doc) is not None:
            uitkomst.niet_terug.append(benoem(tabel, doc, " zonder leesbaar kenmerk"))
            return
        if nummer is None:
            nummer = str(max(map(int, docs), default=0) + 1)
            op_kenmerk[kenmerk] = nummer
        docs[nummer] = doc
        teruggekomen.add(kenmerk)

    gered = _documenten_uit_kapot_vak(levend, tabel)
    if gered is None:
        # Niets meer uit te halen: wat na de kopie in het vak kwam, staat alleen nog in het
        # apart gezette bestand. Dat zeggen, in plaats van te doen alsof er niets was.
        uitkomst.niet_terug.append(f"wat na de kopie in {levend.name} kwam (niet meer te lezen)")
    for doc in gered or []:
        neem(doc)
    if os.path.lexists(journaal) and not journaal.is_symlink():
        try:
            goed, kapot = lees_journaal_ruim(journaal.read_bytes())
        except OSError:
            goed, kapot = [], []
        for t, _, doc in goed:
            if t == tabel:
                neem(doc)
            else:
                uitkomst.niet_terug.append(f"een bewerking in een onbekend deel ({t[:20]})")
        for regel in kapot:
            uitkomst.niet_terug.append(_beschrijf_kapotte_regel(regel, tabel))
    uitkomst.weer_erbij += len(teruggekomen)


def _documenten_uit_kapot_vak(pad: Path, tabel: str) -> list[Any] | None:
    """De documenten die nog uit een beschadigd vak te halen zijn (het controlegetal mag
    niet kloppen: elk document wordt daarna nog apart nagekeken). None: er was een vak, maar
    er is niets meer uit te lezen."""
    if pad.is_symlink() or not os.path.lexists(pad):
        return []  # een koppeling is niet van ons; daar staat niets van de opslag in
    try:
        ruw = pad.read_bytes()
        try:
            data = uit_vakbytes(ruw, pad)
        except BeschadigdBestand:
            data = zonder_controlegetal(ruw)
        tabel_docs = data.get(tabel) if isinstance(data, dict) else None
    except (OSError, ValueError):
        return None
    return list(tabel_docs.values()) if isinstance(tabel_docs, dict) else None


def _beschrijf_kapotte_regel(regel: bytes, tabel: str) -> str:
    """'signaal 2611-ab12' als dat nog uit een kapotte journaalregel te lezen is."""
    try:
        doc = json.loads(regel[9:].decode("ascii", "replace"))["d"]
    except (ValueError, KeyError, TypeError, IndexError):
        doc = None
    return benoem(tabel, doc, " (onleesbare regel in het journaal)")


def _weg(pad: Path) -> None:
    """Haal een journaal weg (alles eruit staat nu in het vak of apart)."""
    try:
        pad.unlink()
    except FileNotFoundError:
        return
    fsync_map(pad.parent)


def _zet_apart(pad: Path, stempel: str) -> Path:
    """Bewaar een beschadigd bestand ernaast, voor wie wil uitzoeken wat er misging. Een
    koppeling wordt niet gevolgd: die krijgt zelf de andere naam."""
    apart = pad.with_name(f"{pad.name}.beschadigd-{stempel}")
    if pad.is_symlink():
        os.replace(pad, apart)
        return apart
    if not apart.exists():
        schrijf_atomisch(apart, pad.read_bytes())
    return apart


def _journaal_leesbaar(pad: Path) -> bool:
    """Waar als elke regel van het journaal gezond is (controlegetal, vorm en dataclass)."""
    if pad.is_symlink():
        return False
    try:
        records, _ = lees_journaalregels(pad.read_bytes(), pad)
    except (BeschadigdBestand, OSError):
        return False
    tabel = tabel_van(pad.with_name(pad.name.removesuffix(".journaal")))
    return tabel is None or all(t == tabel and document_fout(t, d) is None
                                for t, _, d in records)
