"""Lijsten voor de opdrachtregel: rijen (ook als JSON) en een Rich-tabel.

Contactgegevens van bewoners komen hier nooit in: alleen óf er een contact is.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from datetime import date
from operator import itemgetter
from typing import TYPE_CHECKING, Any, NamedTuple

from . import datums
from .bundels import bundelaantallen
from .tabel import EenRegel, al_een_regel_samen, tabel_tekst_in_delen
from .tekst import een_regel

if TYPE_CHECKING:
    from .actie import Actie
    from .opslag.facade import Opslag
    from .signaal import Signaal
    from .vergadering import Vergadering

Rij = dict[str, Any]


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


# De kolommen van een rij, in de volgorde van de JSON. Een rij is binnen dit module een lijst
# in deze volgorde (zo bewaart de lijstindex ze ook: zonder herhaalde veldnamen); pas de JSON
# en ``rijen_als_woordenboeken`` maken er woordenboeken van.
SLEUTELS: dict[str, tuple[str, ...]] = {
    "signalen": ("id", "wijkverband", "datum", "tekst", "vorm", "thema", "buurt", "aantal",
                 "aantal_met_bundel", "status", "reden", "gebundeld_in", "vergadering",
                 "heeft_contact"),
    "acties": ("id", "wijkverband", "nummer", "omschrijving", "eigenaar", "partners",
               "eerste_stap", "eerste_stap_datum", "checkmoment", "status", "toelichting",
               "te_laat", "besloten_op", "vergadering", "signalen"),
    "vergaderingen": ("id", "wijkverband", "datum", "plaats", "voorzitter", "notulist",
                      "aanwezig", "top5", "stemmingen", "acties", "gesloten",
                      "volgende_update", "kanaal"),
}
# Wat een vak zelf niet weet, staat in de rij van een vak eerst voorlopig en wordt bij het
# lijsten ingevuld (``_maak_af``): aantal_met_bundel (bundels uit andere maanden; voorlopig
# het eigen aantal) en te_laat (hangt af van vandaag; voorlopig leeg).
_AANTAL, _MET_BUNDEL, _SSTATUS, _GEBUNDELD_IN = 7, 8, 9, 11
_EERSTE_STAP_DATUM, _CHECKMOMENT, _ASTATUS, _TE_LAAT = 7, 8, 9, 11
# Verandert wat een rij uit een object haalt, verhoog dan het getal: een lijstindex met een
# andere vorm telt niet en wordt opnieuw gemaakt.
_VORM = {soort: f"1:{','.join(sleutels)}" for soort, sleutels in SLEUTELS.items()}


def _signaalvak(alle: list[Signaal]) -> list[list[Any]]:
    return [
        [s.id, s.wijkverband_id, s.datum.isoformat(), s.tekst, s.vorm, s.thema, s.buurt,
         s.aantal, s.aantal, s.status, s.reden, s.gebundeld_in, s.vergadering_id,
         s.contact is not None]
        for s in alle
    ]


def _actievak(alle: list[Actie]) -> list[list[Any]]:
    return [
        [a.id, a.wijkverband_id, a.nummer, a.omschrijving, a.eigenaar, list(a.partners),
         a.eerste_stap, _iso(a.eerste_stap_datum), _iso(a.checkmoment), a.status,
         a.laatste_toelichting(), [], a.besloten_op.isoformat(), a.vergadering_id,
         list(a.signalen)]
        for a in alle
    ]


def _vergaderingvak(alle: list[Vergadering]) -> list[list[Any]]:
    return [
        [v.id, v.wijkverband_id, v.datum.isoformat(), v.plaats, v.voorzitter, v.notulist,
         len(v.aanwezigen()), len(v.top5), len(v.stemmingen), len(v.acties), v.gesloten,
         _iso(v.terugkoppeling.volgende_update), v.terugkoppeling.kanaal]
        for v in alle
    ]


class _Gebundeld(NamedTuple):
    """Wat ``bundelaantallen`` van een gebundeld signaal gebruikt, uit een rij."""

    id: str
    status: str
    gebundeld_in: str | None
    aantal: int


def _signalen_af(rijen: list[list[Any]], vandaag: date) -> None:
    # De bundels in één keer per wijkverband, uit alleen de gebundelde signalen: totaal()
    # per signaal bouwt ze telkens opnieuw op (kwadratisch; tien jaar duurde zo minuten).
    # Per wijkverband, want een kenmerk is alleen binnen een wijkverband uniek, en bundelen
    # gaat nooit daarbuiten.
    gebundeld: dict[str, list[_Gebundeld]] = {}
    for r in [r for r in rijen if r[_SSTATUS] == "gebundeld"]:
        gebundeld.setdefault(r[1], []).append(
            _Gebundeld(r[0], r[_SSTATUS], r[_GEBUNDELD_IN], r[_AANTAL]))
    extra = {wv: bij for wv, groep in gebundeld.items()
             if (bij := bundelaantallen(groep))}  # type: ignore[arg-type]
    if not extra:
        return
    # Alleen de rijen met een kenmerk dat een bundel heeft, en dan nagaan of het wijkverband
    # klopt (hetzelfde kenmerk kan in een ander wijkverband staan).
    koppen = set().union(*extra.values())
    for r in rijen:
        if r[0] in koppen:
            bij = extra.get(r[1])
            if bij and r[0] in bij:
                r[_MET_BUNDEL] = r[_AANTAL] + bij[r[0]]


def _acties_af(rijen: list[list[Any]], vandaag: date) -> None:
    from .statussen import OPEN_STATUSSEN, achterstallig

    for r in rijen:
        status = r[_ASTATUS]
        r[_TE_LAAT] = [] if status not in OPEN_STATUSSEN else achterstallig(
            status, _datum(r[_EERSTE_STAP_DATUM]), _datum(r[_CHECKMOMENT]), vandaag)


def _datum(iso: str | None) -> date | None:
    return date.fromisoformat(iso) if iso else None


def _vergaderingen_af(rijen: list[list[Any]], vandaag: date) -> None:
    pass  # alles in de rij van een vergadering komt uit haar eigen vak


_VAK: dict[str, Callable[[list[Any]], list[list[Any]]]] = {
    "signalen": _signaalvak, "acties": _actievak, "vergaderingen": _vergaderingvak}
_AF: dict[str, Callable[[list[list[Any]], date], None]] = {
    "signalen": _signalen_af, "acties": _acties_af, "vergaderingen": _vergaderingen_af}


def _ruw(naam: str) -> Callable[[list[Any]], list[list[Any]]]:
    """``rauwe_rijen.<naam>``, pas geladen als er een vak gelezen wordt (niet uit de index)."""

    def maak(docs: list[Any]) -> list[list[Any]]:
        from . import rauwe_rijen

        return getattr(rauwe_rijen, naam)(docs)

    return maak


# Dezelfde rijen als _VAK, rechtstreeks uit de documenten van een vak (zie rauwe_rijen.py).
_RUW = {"signalen": _ruw("signaalrijen"), "acties": _ruw("actierijen"),
        "vergaderingen": _ruw("vergaderingrijen")}
# Dezelfde volgorde als de opslag (datum en kenmerk; acties op wijkverband en nummer), als
# ISO-tekst (sorteert als de datum); sorteren is stabiel, en de rijen komen in dezelfde
# volgorde binnen als de objecten. Een ISO-datum is altijd tien tekens, dus datum plus
# kenmerk als één tekst sorteert precies als het paar (en twee keer zo snel: tekst
# vergelijken is goedkoper dan een tuple).
_VOLGORDE: dict[str, Callable[[list[Any]], Any]] = {
    "signalen": lambda r: r[2] + r[0], "acties": itemgetter(1, 2),
    "vergaderingen": lambda r: r[2] + r[0]}


def lijst(opslag: Opslag, soort: str, wijkverband_id: str | None = None,
          vandaag: date | None = None) -> list[list[Any]]:
    """De rijen van een lijst ('signalen', 'acties', 'vergaderingen') als lijsten in de
    volgorde van ``SLEUTELS[soort]``, gesorteerd zoals de opslag: vakken die niet veranderd
    zijn uit de lijstindex (zie opslag/lijstindex.py), de rest gelezen en gecontroleerd
    (rechtstreeks uit de documenten als dat kan, zie rauwe_rijen.py)."""
    rijen = opslag.lijstrijen(soort, wijkverband_id, _VAK[soort], _VORM[soort],
                              ruw=_RUW[soort])
    rijen.sort(key=_VOLGORDE[soort])
    _AF[soort](rijen, vandaag or date.today())
    return rijen


def rijen_als_woordenboeken(soort: str, rijen: list[list[Any]]) -> list[Rij]:
    """De rijen als woordenboeken (zoals de JSON ze toont)."""
    sleutels = SLEUTELS[soort]
    return [dict(zip(sleutels, r, strict=True)) for r in rijen]


def _rijen(soort: str, alle: list[Any], vandaag: date | None) -> list[Rij]:
    rijen = _VAK[soort](alle)
    _AF[soort](rijen, vandaag or date.today())
    return rijen_als_woordenboeken(soort, rijen)


def signaalrijen(alle: list[Signaal], vandaag: date | None = None) -> list[Rij]:
    """Eén rij per signaal (uit ``Opslag.signalen``), zonder contactgegevens."""
    return _rijen("signalen", alle, vandaag)


def actierijen(alle: list[Actie], vandaag: date | None = None) -> list[Rij]:
    """Eén rij per actie (uit ``Opslag.acties``), met wat er op ``vandaag`` te laat is."""
    return _rijen("acties", alle, vandaag)


def vergaderingrijen(alle: list[Vergadering], vandaag: date | None = None) -> list[Rij]:
    """Eén rij per vergadering (uit ``Opslag.vergaderingen``)."""
    return _rijen("vergaderingen", alle, vandaag)


def als_json(rijen: list[Rij]) -> str:
    """De rijen als JSON, precies zoals ``json.dumps(rijen, ensure_ascii=False, indent=2)``.

    Met inspringen gebruikt de json-module zijn trage Python-encoder (voor twintigduizend
    signalen een derde van de hele opdracht); rijen zijn plat (tekst, getallen, ja/nee,
    lijsten daarvan), dus hier schrijft de C-encoder elke waarde en zetten wij de regels
    eromheen. Iets anders in een rij gaat gewoon via ``json.dumps``.
    """
    try:
        delen = [
            "  {\n" + ",\n".join(f"    {_tekst(k)}: {_waarde(v)}" for k, v in rij.items())
            + "\n  }" if rij else "  {}"
            for rij in rijen
        ]
    except _NietPlat:
        return json.dumps(rijen, ensure_ascii=False, indent=2)
    return "[\n" + ",\n".join(delen) + "\n]" if delen else "[]"


def lijst_als_json(soort: str, rijen: list[list[Any]]) -> str:
    """De rijen uit ``lijst`` als JSON, precies zoals ``als_json`` van hun woordenboeken,
    zonder die woordenboeken te maken (de veldnamen één keer gecodeerd)."""
    koppen = [f"    {_tekst(k)}: " for k in SLEUTELS[soort]]
    try:
        delen = ["  {\n" + ",\n".join([k + _waarde(v) for k, v in zip(koppen, rij, strict=True)])
                 + "\n  }" for rij in rijen]
    except _NietPlat:
        return json.dumps(rijen_als_woordenboeken(soort, rijen), ensure_ascii=False, indent=2)
    return "[\n" + ",\n".join(delen) + "\n]" if delen else "[]"


class _NietPlat(Exception):
    """Een waarde die ``als_json`` niet zelf schrijft."""


_tekst = json.encoder.encode_basestring  # zonder ensure_ascii, zoals json.dumps hierboven
_VAST = {True: "true", False: "false", None: "null"}


def _waarde(v: Any) -> str:
    soort = type(v)
    if soort is str:
        return _tekst(v)
    if soort is int:
        return int.__repr__(v)
    if soort is bool or v is None:
        return _VAST[v]
    if soort is list:
        if not v:
            return "[]"
        return "[\n" + ",\n".join("      " + _enkel(x) for x in v) + "\n    ]"
    raise _NietPlat


def _enkel(v: Any) -> str:
    if type(v) is list:  # een lijst in een lijst: laat dat aan json over
        raise _NietPlat
    return _waarde(v)


_KOLOMMEN: dict[str, list[tuple[str, str]]] = {
    "signalen": [("id", "Kenmerk"), ("datum", "Datum"), ("tekst", "Signaal"), ("vorm", "Vorm"),
                 ("aantal_met_bundel", "Aantal"), ("status", "Status")],
    "acties": [("nummer", "Nr"), ("omschrijving", "Actie"), ("eigenaar", "Eigenaar"),
               ("eerste_stap_datum", "Eerste stap"), ("checkmoment", "Checkmoment"),
               ("status", "Status"), ("te_laat", "Let op")],
    "vergaderingen": [("datum", "Datum"), ("plaats", "Plaats"), ("aanwezig", "Aanwezig"),
                      ("acties", "Acties"), ("terugkoppeling", "Volgende update"),
                      ("gesloten", "Gesloten")],
}
_DATUMS = ("datum", "eerste_stap_datum", "checkmoment", "volgende_update")
# De tekst waar een rij om draait: wordt die kolom te smal, dan staat hij onder de rij
# (zie tabel.tabel_tekst_in_delen).
_HOOFDTEKST = {"tekst", "omschrijving"}
# Korte kolommen breken niet af, zodat de tekstkolommen de ruimte krijgen.
_KORT = {"id", "nummer", "vorm", "status", "aantal_met_bundel", "aanwezig", "acties",
         "gesloten", *_DATUMS}
_BIJZONDER = {"eigenaar", "plaats", *_DATUMS}
# Zonder terminal (doorgestuurd naar een bestand of ander programma) een vaste breedte: een
# bredere tabel is dan beter leesbaar dan een smalle met afgebroken woorden.
BREEDTE_ZONDER_TERMINAL = 120


class _Datums(dict):
    """'2026-11-23' -> '23 nov 2026' (``datums.kort``), elke datum één keer: tien jaar heeft
    er 3.650, tegen twintigduizend cellen."""

    def __missing__(self, iso: str) -> str:
        tekst = self[iso] = datums.kort(date.fromisoformat(iso))
        return tekst


_KORTE_DATUMS = _Datums()


def cel(sleutel: str, waarde: Any) -> str:
    """De tekst in één tabelcel: Nederlandse datums, ja/nee, één regel zonder stuurtekens."""
    if type(waarde) is str and sleutel not in _BIJZONDER:  # het gewone geval eerst
        return een_regel(waarde)[:200]
    if type(waarde) is int:
        return str(waarde)
    if waarde is None or waarde == []:
        return "—"
    if isinstance(waarde, bool):
        return "ja" if waarde else "nee"
    if sleutel in _DATUMS and isinstance(waarde, str):
        return _KORTE_DATUMS[waarde]
    if sleutel == "eigenaar" and isinstance(waarde, str):
        waarde = waarde.split(" (")[0]  # 'Tom Hendriks'; de organisatie staat in de JSON
    if sleutel == "plaats" and isinstance(waarde, str):
        waarde = waarde.split(",")[0]  # 'Buurthuis De Kastanje', zonder adres
    if isinstance(waarde, list):
        waarde = ", ".join(str(w) for w in waarde)
    return een_regel(waarde)[:200]


def _terugkoppeling(datum: Any, kanaal: Any) -> str:
    """De kolom 'Volgende update': datum en kanaal samen."""
    datum = cel("volgende_update", datum)
    kanaal = cel("kanaal", kanaal)
    return datum if kanaal in ("—", "") else f"{datum} via {kanaal}"


def _kolom(sleutel: str, waarden: list[Any]) -> list[str]:
    """De cellen van één kolom: ``cel`` voor elke waarde, met het gewone geval per kolom in
    één keer (een lijst van tien jaar heeft honderdduizend cellen)."""
    if sleutel in _DATUMS:
        try:
            return list(map(_KORTE_DATUMS.__getitem__, waarden))
        except (TypeError, ValueError):  # geen datum (None, '—'): cel voor cel
            pass
    else:
        teksten = _teksten(sleutel, waarden)
        if teksten is not None:
            if type(teksten) is EenRegel:
                return teksten
            if al_een_regel_samen("|".join(teksten)) and max(map(len, teksten), default=0) <= 200:
                return EenRegel(teksten)
    return [cel(sleutel, w) for w in waarden]


# Van een naam of plaats alleen het deel vóór de toelichting (zie ``cel``).
_VOOR = {"eigenaar": " (", "plaats": ","}


def _teksten(sleutel: str, waarden: list[Any]) -> list[str] | None:
    """De cellen van een kolom zoals ``cel`` ze maakt, in het gewone geval: alles tekst,
    alles getal of alles een lijst; nog niet nagegaan of elke cel op één regel staat (behalve
    bij getallen: ``EenRegel``). None als de kolom iets anders heeft: dan cel voor cel."""
    try:
        "|".join(waarden)  # de snelste controle dat alles tekst is
    except TypeError:
        soorten = set(map(type, waarden))
        if soorten == {int}:
            return EenRegel(map(str, waarden))
        if soorten == {list}:
            return [", ".join(map(str, w)) if w else "—" for w in waarden]
        return None
    if sleutel in _VOOR:
        teken = _VOOR[sleutel]
        return [w.split(teken, 1)[0] for w in waarden]
    return None if sleutel in _BIJZONDER else waarden


def toon_tabel(soort: str, rijen: list[list[Any]]) -> None:
    """Toon de rijen (uit ``lijst``) als tabel op stdout, zo breed als de terminal (anders
    120 tekens)."""
    if sys.stdout.isatty():
        import shutil  # alleen op een terminal: shutil laadt ook bz2 en lzma (~2 ms)

        breedte = shutil.get_terminal_size((BREEDTE_ZONDER_TERMINAL, 24)).columns
    else:
        breedte = BREEDTE_ZONDER_TERMINAL
    if not rijen:
        sys.stdout.write(f"Geen {soort} gevonden.\n")
        return
    kolommen = _KOLOMMEN[soort]
    plek = {k: i for i, k in enumerate(SLEUTELS[soort])}
    sleutels = [k for k, _ in kolommen if k != "terugkoppeling"]
    if any(k == "terugkoppeling" for k, _ in kolommen):
        sleutels += ["volgende_update", "kanaal"]

    def cellen(begin: int, eind: int) -> list[list[str]]:
        if begin >= eind:
            return [[] for _ in kolommen]
        # Eén keer langs de rijen voor alle kolommen (itemgetter en zip in C).
        haal = itemgetter(*(plek[k] for k in sleutels), plek[sleutels[0]])  # altijd een tuple
        waarden = dict(zip(sleutels, zip(*map(haal, rijen[begin:eind]), strict=True),
                           strict=False))
        return [_kolom(k, list(waarden[k])) if k != "terugkoppeling"
                else list(map(_terugkoppeling, waarden["volgende_update"], waarden["kanaal"]))
                for k, _ in kolommen]

    # Bij een lange lijst maakt een tweede proces de helft van de tabel (tabel.py).
    kop_tekst, rijen_tekst = tabel_tekst_in_delen(
        f"{soort.capitalize()} ({len(rijen)})",
        [(kop, sleutel not in _KORT) for sleutel, kop in kolommen], len(rijen), cellen,
        breedte, onder=next((i for i, (k, _) in enumerate(kolommen) if k in _HOOFDTEKST),
                            None))
    sys.stdout.write(kop_tekst)
    sys.stdout.write(rijen_tekst)
