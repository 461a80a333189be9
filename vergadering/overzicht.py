"""Het overzicht voor het startscherm: wat er speelt sinds de vorige vergadering.

Nieuwe en geparkeerde signalen, lopende acties, eerste stappen en checkmomenten die eraan
komen of verstreken zijn, en wat er de vorige keer aan bewoners is beloofd.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING, NamedTuple

from . import datums
from .zinnen import aantal, zonder_slot

if TYPE_CHECKING:
    # Alleen voor de typen: het startscherm laadt zo niet meer domeinmodules dan het omzetten
    # van acties en vergaderingen nodig heeft.
    from .actie import Actie
    from .opslag import Opslag
    from .signaal import Signaal
    from .vergadering import Vergadering
    from .wijkverband import Wijkverband

VOORUIT_DAGEN = 14
# Zoveel termijnen noemt het overzicht met naam (de recentste); na jaren staan er anders
# honderd regels 'checkmoment 10851 dagen te laat' in beeld, en die kosten ook tijd om te
# tekenen. De rest staat in ``vergadering acties``.
TERMIJNEN_IN_BEELD = 8


class Actiekern(NamedTuple):
    """Wat het overzicht van een open actie nodig heeft. Zo komt het overzicht bij het
    opstarten uit de startindex zonder de acties om te zetten (dat laadde bij dertig jaar
    de hele actiemodule en honderd acties, voor twee datums per actie)."""

    id: str
    nummer: int
    omschrijving: str
    status: str
    eerste_stap_datum: date | None
    checkmoment: date | None

    @property
    def open(self) -> bool:
        """Altijd waar: het overzicht houdt alleen open acties bij."""
        return True

    @classmethod
    def van(cls, actie: Actie) -> Actiekern:
        """De kern van een (open) actie."""
        return cls(actie.id, actie.nummer, actie.omschrijving, actie.status,
                   actie.eerste_stap_datum, actie.checkmoment)


class Vergaderkern(NamedTuple):
    """Wat het startscherm van een vergadering toont en nodig heeft: de datum, waar ze
    is, wie voorzat en wat er aan bewoners beloofd is. Zo komt het overzicht uit de
    startindex zonder een vergadering te lezen en om te zetten; wie verder gaat of heropent,
    leest de hele vergadering dan pas (aan de hand van ``id``)."""

    id: str
    datum: date
    gesloten: bool
    voorzitter: str
    waar: str
    """', fase 2 (Top 1–2 acties)', ', bij Rondvraag' of '' (nog geen fasen)."""
    terugkoppeling: bool
    """Of de vergadering een terugkoppeling heeft."""
    kanaal: str
    volgende_update: date | None
    volgende_vergadering: date | None

    @classmethod
    def van(cls, v: Vergadering) -> Vergaderkern:
        """De kern van een vergadering."""
        waar = ""
        if v.fasen:
            from .agenda import cyclusnummer

            nummer = cyclusnummer(v)
            waar = f", fase {nummer} ({v.fase.titel})" if nummer else f", bij {v.fase.titel}"
        tk = v.terugkoppeling
        return cls(v.id, v.datum, v.gesloten, v.voorzitter, waar, tk is not None,
                   tk.kanaal if tk else "", tk.volgende_update if tk else None,
                   v.volgende_vergadering)


@dataclass
class Termijn:
    """Een datum van een actie die eraan komt of verstreken is."""

    actie: Actie | Actiekern
    wat: str  # "eerste stap" of "checkmoment"
    datum: date
    dagen: int  # vanaf vandaag; negatief is verstreken

    @property
    def te_laat(self) -> bool:
        """Waar als de datum voorbij is."""
        return self.dagen < 0

    def in_woorden(self, kort: Callable[[date], str] = datums.kort) -> str:
        """'Actie 3 (Bankjes): eerste stap 5 dagen te laat (18 nov 2026).'"""
        if self.dagen < 0:
            wanneer = f"{aantal(-self.dagen, 'dag', 'dagen')} te laat"
        elif self.dagen == 0:
            wanneer = "vandaag"
        elif self.dagen == 1:
            wanneer = "morgen"
        else:
            wanneer = f"over {aantal(self.dagen, 'dag', 'dagen')}"
        # Zonder het slot van de omschrijving: niet "(… respijtzorg.): checkmoment".
        return (
            f"Actie {self.actie.nummer} ({zonder_slot(self.actie.omschrijving)}): {self.wat} "
            f"{wanneer} ({kort(self.datum)})."
        )


@dataclass
class Overzicht:
    """Wat de voorzitter bij het openen wil zien."""

    wijkverband: Wijkverband
    vandaag: date
    laatste_vergadering: Vergaderkern | None = None
    onafgemaakte_vergadering: Vergaderkern | None = None
    # Kenmerken (oudste eerst) en een aantal: het startscherm telt ze alleen, en zo hoeft het
    # niet elk signaal van jaren te lezen (zie ``overzicht_van``).
    nieuwe_signalen: list[str] = field(default_factory=list)
    geparkeerd: int = 0
    open_acties: list[Actiekern] = field(default_factory=list)
    termijnen: list[Termijn] = field(default_factory=list)
    # Datums zoals Babel ze schreef (lang, kort), uit de startindex: het startscherm hoeft
    # Babel dan niet te laden (~25 ms bij het opstarten). Wat ontbreekt, schrijft Babel.
    datumteksten: dict[str, tuple[str, str]] = field(default_factory=dict, repr=False)
    # Een databaserol die dit wijkverband alleen mag lezen (de gemeente): geen vergadering.
    alleen_lezen: bool = False

    def lang(self, d: date) -> str:
        """``datums.lang``, uit ``datumteksten`` als die de datum kent."""
        bekend = self.datumteksten.get(d.isoformat())
        return bekend[0] if bekend else datums.lang(d)

    def kort(self, d: date) -> str:
        """``datums.kort``, uit ``datumteksten`` als die de datum kent."""
        bekend = self.datumteksten.get(d.isoformat())
        return bekend[1] if bekend else datums.kort(d)

    def datums_nodig(self) -> set[date]:
        """De datums die ``meldingen`` (en de vraag om verder te gaan) uitschrijven."""
        nodig = {t.datum for t in self.termijnen[-TERMIJNEN_IN_BEELD:]}
        for v in (self.laatste_vergadering, self.onafgemaakte_vergadering):
            if v is not None:
                nodig.add(v.datum)
        nodig |= {d for d in (self.volgende_update, self.volgende_vergadering) if d is not None}
        return nodig

    @property
    def volgende_update(self) -> date | None:
        """De datum die bewoners de vorige keer beloofd is voor de volgende update."""
        v = self.laatste_vergadering
        return v.volgende_update if v else None

    @property
    def update_verstreken(self) -> bool:
        """Waar als de beloofde update-datum voorbij is."""
        return self.volgende_update is not None and self.volgende_update < self.vandaag

    @property
    def volgende_vergadering(self) -> date | None:
        """De datum van de volgende vergadering, als die bij de vorige is afgesproken."""
        v = self.laatste_vergadering
        return v.volgende_vergadering if v else None

    @property
    def te_laat(self) -> list[Termijn]:
        """Alleen de verstreken termijnen."""
        return [t for t in self.termijnen if t.te_laat]

    def meldingen(self) -> list[str]:
        """Het overzicht in korte Nederlandse zinnen, belangrijkste eerst."""
        uit: list[str] = []
        open_v = self.onafgemaakte_vergadering
        if open_v is not None:
            uit.append(
                f"De vergadering van {self.lang(open_v.datum)} is nog niet gesloten; "
                "ga daar verder."
            )
        laatste = self.laatste_vergadering
        n = len(self.nieuwe_signalen)
        if laatste is None:
            wacht = "wacht" if n == 1 else "wachten"
            uit.append(f"Nog geen vergadering gesloten; {_signalen(n).lower()} {wacht} op "
                       "bespreking.")
        else:
            uit.append(f"{_signalen(n, 'nieuw')} sinds de vergadering van "
                       f"{self.lang(laatste.datum)}.")
        geparkeerd = self.geparkeerd
        if geparkeerd:
            komt = "komt" if geparkeerd == 1 else "komen"
            uit.append(f"{_signalen(geparkeerd, 'geparkeerd')} {komt} weer aan bod.")
        if self.open_acties:
            te_laat = {t.actie.id for t in self.te_laat}
            zin = f"{_acties(len(self.open_acties))} nog open"
            if te_laat:
                zin += f", waarvan {len(te_laat)} met iets dat te laat is"
            uit.append(zin + ".")
        else:
            uit.append("Er staan geen acties open.")
        eerder = len(self.termijnen) - TERMIJNEN_IN_BEELD
        if eerder > 0:
            uit.append(f"Nog {eerder} eerdere termijnen zijn verstreken; `vergadering acties` "
                       "toont alle acties.")
        uit += [t.in_woorden(self.kort) for t in self.termijnen[-TERMIJNEN_IN_BEELD:]]
        if laatste is not None and laatste.terugkoppeling:
            via = f" via {laatste.kanaal}" if laatste.kanaal else ""
            if self.volgende_update is None:
                uit.append(f"De laatste terugkoppeling ging{via}; er is geen datum voor de "
                           "volgende update beloofd.")
            elif self.update_verstreken:
                uit.append(f"De volgende update was beloofd op {self.lang(self.volgende_update)}"
                           f"{via}; die datum is voorbij.")
            else:
                uit.append(f"De volgende update is beloofd op "
                           f"{self.lang(self.volgende_update)}{via}.")
        if self.volgende_vergadering is not None and self.volgende_vergadering >= self.vandaag:
            uit.append(f"De volgende vergadering is op {self.lang(self.volgende_vergadering)}.")
        return uit


def _signalen(n: int, soort: str = "") -> str:
    """'1 nieuw signaal', '2 nieuwe signalen', 'Geen nieuwe signalen'."""
    enkel = f" {soort}" if soort else ""
    meer = f" {soort}e" if soort else ""
    if n == 0:
        return f"Geen{meer} signalen"
    return f"1{enkel} signaal" if n == 1 else f"{n}{meer} signalen"


def _acties(n: int) -> str:
    return "Er staat 1 actie" if n == 1 else f"Er staan {n} acties"


def termijnen(acties: list[Actie] | list[Actiekern], vandaag: date,
              vooruit: int = VOORUIT_DAGEN) -> list[Termijn]:
    """Eerste stappen en checkmomenten van open acties die binnen ``vooruit`` dagen vallen
    of al voorbij zijn, vroegste eerst.

    Een eerste stap telt alleen zolang de actie nog gepland staat (zie ``Actie.achterstallig``).
    """
    grens = vandaag + timedelta(days=vooruit)
    uit: list[Termijn] = []
    for actie in acties:
        if not actie.open:
            continue
        stap = actie.eerste_stap_datum
        if actie.status == "gepland" and stap is not None and stap <= grens:
            uit.append(Termijn(actie, "eerste stap", stap, (stap - vandaag).days))
        check = actie.checkmoment
        if check is not None and check <= grens:
            uit.append(Termijn(actie, "checkmoment", check, (check - vandaag).days))
    return sorted(uit, key=lambda t: (t.datum, t.actie.nummer, t.wat))


def _overzicht(
    wijkverband: Wijkverband,
    vandaag: date,
    nieuw: list[tuple[str, str]],
    geparkeerd: int,
    open_acties: list[Actiekern],
    laatste: Vergaderkern | None,
    onafgemaakt: Vergaderkern | None,
    vooruit: int,
) -> Overzicht:
    """Het overzicht uit de signalen met status nieuw als (ISO-datum, kenmerk) en het aantal
    geparkeerde."""
    grens = laatste.datum.isoformat() if laatste is not None else ""
    open_acties = sorted(open_acties, key=lambda a: a.nummer)
    return Overzicht(
        wijkverband=wijkverband,
        vandaag=vandaag,
        laatste_vergadering=laatste,
        onafgemaakte_vergadering=onafgemaakt,
        nieuwe_signalen=[k for d, k in sorted(nieuw) if d > grens],
        geparkeerd=geparkeerd,
        open_acties=open_acties,
        termijnen=termijnen(open_acties, vandaag, vooruit),
    )


def maak_overzicht(
    wijkverband: Wijkverband,
    signalen: list[Signaal],
    acties: list[Actie],
    vergaderingen: list[Vergadering],
    vandaag: date,
    vooruit: int = VOORUIT_DAGEN,
) -> Overzicht:
    """Het overzicht van één wijkverband op ``vandaag``, uit gelezen lijsten.

    Nieuwe signalen zijn signalen met status nieuw van ná de datum van de laatste gesloten
    vergadering (alle nieuwe als er nog geen was); geparkeerde komen er los bij, ook oudere.
    """
    wv = wijkverband.id
    eigen = sorted(
        (v for v in vergaderingen if v.wijkverband_id == wv), key=lambda v: (v.datum, v.id)
    )
    gesloten = [v for v in eigen if v.gesloten]
    open_ = [v for v in eigen if not v.gesloten]
    eigen_signalen = [s for s in signalen if s.wijkverband_id == wv]
    return _overzicht(
        wijkverband,
        vandaag,
        [(s.datum.isoformat(), s.id) for s in eigen_signalen if s.status == "nieuw"],
        sum(s.status == "geparkeerd" for s in eigen_signalen),
        [Actiekern.van(a) for a in acties if a.wijkverband_id == wv and a.open],
        Vergaderkern.van(gesloten[-1]) if gesloten else None,
        Vergaderkern.van(open_[-1]) if open_ else None,
        vooruit,
    )


def overzicht_van(
    opslag: Opslag, wijkverband: Wijkverband, vandaag: date, vooruit: int = VOORUIT_DAGEN
) -> Overzicht:
    """Het overzicht van een wijkverband uit de opslag, zonder de jaren te lezen die niet
    veranderd zijn (``Opslag.samenvatting``); ook de vergaderingen komen als kern uit de
    index."""
    samen = opslag.samenvatting(wijkverband.id)
    vergaderingen = sorted(samen.vergaderingen, key=lambda v: (v.datum, v.id))
    gesloten = [v for v in vergaderingen if v.gesloten]
    open_ = [v for v in vergaderingen if not v.gesloten]
    overzicht = _overzicht(
        wijkverband,
        vandaag,
        samen.nieuwe_signalen,
        samen.geparkeerd,
        samen.open_acties,
        gesloten[-1] if gesloten else None,
        open_[-1] if open_ else None,
        vooruit,
    )
    bekend = samen.datumteksten
    nodig = {d.isoformat(): d for d in overzicht.datums_nodig()}
    overzicht.datumteksten = {
        iso: bekend.get(iso) or (datums.lang(d), datums.kort(d)) for iso, d in nodig.items()
    }
    if not nodig.keys() <= bekend.keys():
        # Babel één keer; de volgende starts komen ze uit de index.
        opslag.bewaar_datumteksten(wijkverband.id, overzicht.datumteksten)
    overzicht.alleen_lezen = not opslag.mag_schrijven(wijkverband.id)
    return overzicht


def overzicht_uit_opslag(
    opslag: Opslag, wijkverband: str, vandaag: date, vooruit: int = VOORUIT_DAGEN
) -> Overzicht:
    """Het overzicht van het wijkverband met deze naam of dit kenmerk, uit de opslag."""
    return overzicht_van(opslag, opslag.wijkverband(wijkverband), vandaag, vooruit)
