"""Wat er in het mapje komt: de gegevens van één vergadering, eenmaal gelezen, en de regels
die alle documenten delen (welke acties op de actielijst, hoe een naam heet, wat privé is).

Geen python-docx hier: de tekstversie van de terugkoppeling en de tests gebruiken dit ook.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from .. import datums
from ..actie import Actie
from ..fouten import NietGevonden
from ..privacy import Maskeerder
from ..privacycheck import alle_keuzes, maskeerder_voor_stukken
from ..signaal import Signaal
from ..vergadering import FASEN, Vergadering
from ..wijkverband import Wijkverband

FASETITELS = dict(FASEN)

ACTIEKOPPEN = (
    "Nr",
    "Actie",
    "Eigenaar en partners",
    "Eerste stap",
    "Checkmoment",
    "Status",
    "Besloten op",
)
# Breedtes in mm op een liggende A4 met 2 cm marge (257 mm). Eigenaar en partners samen: een
# smalle kolom alleen voor partners liep tot zeven regels per actie.
ACTIEBREEDTES = (9, 60, 51, 40, 30, 42, 25)


@dataclass
class Inhoud:
    """Alles wat de documenten van één vergadering nodig hebben."""

    wijkverband: Wijkverband
    vergadering: Vergadering
    signalen: list[Signaal]
    acties: list[Actie]
    vergaderingen: list[Vergadering]
    vandaag: date
    moment: datetime
    maskeer: Maskeerder = field(init=False)
    # De keuzes van de privacycheck (eerdere vergaderingen en deze); de maskeerder leest ze.
    keuzes: dict[str, str] = field(init=False)

    def __post_init__(self) -> None:
        self._signaal = {s.id: s for s in self.signalen}
        self._actie = {a.id: a for a in self.acties}
        self._vergaderdatum = {v.id: v.datum for v in self.vergaderingen}
        wv = self.wijkverband
        self.keuzes = alle_keuzes(self.vergaderingen, self.vergadering)
        self.maskeer = maskeerder_voor_stukken(wv, self.signalen, self.acties,
                                               self.vergaderingen, self.keuzes)

    # --- opzoeken ------------------------------------------------------------------------

    def signaal(self, signaal_id: str) -> Signaal | None:
        """Het signaal met dit kenmerk, of None."""
        return self._signaal.get(signaal_id)

    def actie(self, actie_id: str) -> Actie | None:
        """De actie met dit kenmerk, of None."""
        return self._actie.get(actie_id)

    def lidnaam(self, lid_id_of_naam: str) -> str:
        """De naam van een lid (met organisatie); een los getypte naam blijft zoals hij is."""
        lid = self.wijkverband.lid(lid_id_of_naam) or next(
            (lid for lid in self.wijkverband.leden if lid.naam == lid_id_of_naam), None
        )
        return lid.weergave if lid is not None else lid_id_of_naam

    def leden_met(self, stand: str) -> list[str]:
        """De namen van de leden met deze aanwezigheid (aanwezig, afgemeld, afwezig)."""
        return [
            self.lidnaam(lid_id)
            for lid_id, s in self.vergadering.aanwezigheid.items()
            if s == stand
        ]

    def vorige_vergadering(self) -> Vergadering | None:
        """De vergadering vóór deze (op datum), of None bij de eerste."""
        eerder = [
            v for v in self.vergaderingen
            if (v.datum, v.id) < (self.vergadering.datum, self.vergadering.id)
        ]
        return eerder[-1] if eerder else None

    def besloten_in(self, actie: Actie) -> date:
        """De datum van de vergadering waarin de actie besloten is."""
        return self._vergaderdatum.get(actie.vergadering_id or "", actie.besloten_op)

    # --- de actielijst ---------------------------------------------------------------------

    def actielijst(self) -> list[Actie]:
        """Alle open acties van het wijkverband, plus wat sinds de vorige vergadering klaar
        of gestopt is. Acties van latere vergaderingen vallen weg bij een oude vergadering."""
        vorige = self.vorige_vergadering()
        grens = vorige.datum if vorige else date.min
        uit = []
        for actie in self.acties:
            if actie.besloten_op > self.vergadering.datum:
                continue
            if actie.open or _afgerond_op(actie) > grens:
                uit.append(actie)
        return sorted(uit, key=lambda a: a.nummer)

    def actierij(self, actie: Actie) -> tuple[list[str], bool]:
        """Eén rij van de actietabel, en of de actie achterstallig is."""
        m = self.maskeer
        eerste = m(actie.eerste_stap) or "nog niet beschreven"
        if actie.eerste_stap_datum:
            eerste += f"\nvóór {datums.kort(actie.eerste_stap_datum)}"
        status = actie.status.capitalize()
        # De notitie die bij het aannemen vanzelf in de historie komt, zegt niets nieuws.
        toelichting = "" if len(actie.historie) <= 1 and actie.status == "gepland" else m(
            actie.laatste_toelichting())
        if toelichting:
            status += f": {toelichting}"
        te_laat = actie.achterstallig(self.vandaag)
        if te_laat:
            status = f"ACHTERSTALLIG ({', '.join(te_laat)}). {status}"
        wie = actie.eigenaar
        if actie.partners:
            wie += "\nmet " + ", ".join(actie.partners)
        rij = [
            str(actie.nummer),
            m(actie.omschrijving),
            wie,
            eerste,
            datums.kort(actie.checkmoment) if actie.checkmoment else "—",
            status,
            datums.kort(self.besloten_in(actie)),
        ]
        return rij, bool(te_laat)


def _afgerond_op(actie: Actie) -> date:
    """Wanneer een afgeronde actie gereed of gestopt werd (het besluit als dat niet bekend is)."""
    for wijziging in reversed(actie.historie):
        if wijziging.status == actie.status:
            return wijziging.moment.date()
    return actie.besloten_op


def verzamel(
    opslag, wijkverband_id: str, vergadering_id: str, vandaag: date, moment: datetime
) -> Inhoud:
    """Lees alles van één vergadering uit de opslag."""
    wijkverband = opslag.wijkverband(wijkverband_id)
    vergadering = opslag.vergadering(wijkverband.id, vergadering_id)
    return Inhoud(
        wijkverband=wijkverband,
        vergadering=vergadering,
        signalen=opslag.signalen(wijkverband.id),
        acties=opslag.acties(wijkverband.id),
        vergaderingen=opslag.vergaderingen(wijkverband.id),
        vandaag=vandaag,
        moment=moment,
    )


def kies_vergadering(opslag, wijkverband: Wijkverband, keuze: str | None) -> Vergadering:
    """De vergadering bij 'laatste', een kenmerk (2026-11-23-2) of een datum (23-11-2026)."""
    alle = opslag.vergaderingen(wijkverband.id)
    if not alle:
        raise NietGevonden(
            f"{wijkverband.naam} heeft nog geen vergaderingen, dus er is niets te exporteren."
        )
    keuze = (keuze or "laatste").strip()
    if keuze.lower() in ("laatste", ""):
        # De laatste gesloten vergadering: een vergadering die nog loopt (of net begonnen
        # is) heeft nog geen terugkoppeling. Alleen als er geen gesloten is, de laatste.
        gesloten = [v for v in alle if v.gesloten]
        return (gesloten or alle)[-1]
    for v in alle:
        if v.id == keuze:
            return v
    try:
        datum = datums.lees_datum(keuze)
    except ValueError as fout:
        raise NietGevonden(
            f"'{keuze[:40]}' is geen datum of kenmerk van een vergadering; typ bijvoorbeeld "
            "--vergadering laatste of --vergadering 23-11-2026."
        ) from fout
    op_datum = [v for v in alle if v.datum == datum]
    if len(op_datum) == 1:
        return op_datum[0]
    if op_datum:
        raise NietGevonden(
            f"Op {datums.lang(datum)} waren {len(op_datum)} vergaderingen; kies er een met "
            f"--vergadering {' of '.join(v.id for v in op_datum)}."
        )
    bekend = ", ".join(v.datum.isoformat() for v in alle[-5:])
    raise NietGevonden(
        f"{wijkverband.naam} heeft geen vergadering op {datums.lang(datum)}; de laatste zijn: "
        f"{bekend}."
    )
