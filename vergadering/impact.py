"""Impact: de vier pijnen van een wijkverband in cijfers (issue 13).

Bereik (wie bereiken we), representativiteit (is het wijkverband een spiegel van de wijk),
doorwerking (worden signalen acties, en worden acties gereed) en terugkoppeling (horen
bewoners wat ermee gedaan is). Elk cijfer zegt over hoeveel het gaat (zijn ``n``); wat
onbekend is ("buurt onbekend") wordt geteld en getoond, nooit weggelaten.

Signalen, acties en vergaderingen komen als korte rijen uit een eigen lijstindex
('.lijst-impact-signalen' enz., zoals ``vergadering signalen --json`` de zijne heeft): de
historie van een actie en de top 5 van een vergadering staan niet in de lijsten, en
dertig jaar omzetten kost meer dan ze lezen. Zo rekent ``vergadering impact`` op dertig
jaar gegevens binnen twee keer het lezen van de bestanden. Tijd komt altijd van buiten
(``vandaag``).

Definities (ook in de README):
- een signaal hoort bij de periode op zijn datum, een actie op haar besluitdatum, een
  vergadering op haar datum;
- de trechter telt signalen die niet in een ander gebundeld zijn: in een top 5 → bij een
  actie → bij een actie die gereed is; elke stap is een deel van de vorige;
- signalen per 1.000 inwoners: per buurt met een naam, de signalen in de periode gedeeld
  door het inwonertal uit de instellingen (``Wijkverband.inwoners``), op één decimaal;
  zonder inwonertal "onbekend" (geen deling);
- een vergadering heeft een terugkoppeling als ze gesloten is met een datum voor de
  volgende update en een kanaal;
- een beloofde update is gedaan zodra er een nieuwe terugkoppeling is (de volgende gesloten
  vergadering met terugkoppeling), op tijd als dat op of vóór de beloofde datum was; een
  belofte waarvan de datum nog niet voorbij is, telt nog niet mee.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any, NamedTuple

from .fouten import OngeldigeInvoer
from .praktijkvormen import PRAKTIJKVORMEN
from .zinnen import aantal, getal

if TYPE_CHECKING:
    from .actie import Actie
    from .opslag.facade import Opslag
    from .signaal import Signaal
    from .vergadering import Vergadering
    from .wijkverband import Wijkverband

BUURT_ONBEKEND = "buurt onbekend"
THEMA_ONBEKEND = "thema onbekend"
GEEN_REDEN = "geen reden opgegeven"
STIL_MAANDEN = 6  # een buurt zonder signaal in zoveel maanden is een waarschuwing waard
TRECHTER = ("signalen", "in een top 5", "bij een actie", "actie gereed")
PIJNEN = ("bereik", "representativiteit", "doorwerking", "terugkoppeling")


# --- periode ---------------------------------------------------------------------------

class Periode(NamedTuple):
    """Van en tot en met (beide inbegrepen), met de naam zoals de gebruiker hem gaf."""

    naam: str
    van: date
    tot: date

    def bevat(self, d: date) -> bool:
        """Waar als ``d`` in de periode valt."""
        return self.van <= d <= self.tot

    @property
    def in_woorden(self) -> str:
        """'2026', 'het derde kwartaal van 2026', 'de laatste 12 maanden'."""
        if m := re.fullmatch(r"(\d+)m", self.naam):
            return f"de laatste {aantal(int(m[1]), 'maand', 'maanden')}"
        if m := re.fullmatch(r"(\d{4})-Q([1-4])", self.naam):
            rang = ("eerste", "tweede", "derde", "vierde")[int(m[2]) - 1]
            return f"het {rang} kwartaal van {m[1]}"
        return self.naam


def _maanden_terug(d: date, maanden: int) -> date:
    """De eerste dag van de maand ``maanden`` maanden vóór die van ``d``."""
    index = d.year * 12 + d.month - 1 - maanden
    return date(index // 12, index % 12 + 1, 1)


def periode(tekst: str | None, vandaag: date) -> Periode:
    """'12m' (standaard: deze maand en de elf ervoor, tot en met vandaag), '2026' of
    '2026-Q3'. Een onbekende vorm geeft een Nederlandse fout."""
    tekst = (tekst or "12m").strip()
    if m := re.fullmatch(r"(\d{1,3})m", tekst, re.IGNORECASE):
        n = int(m[1])
        if not 1 <= n <= 600:
            raise OngeldigeInvoer("Geef een aantal maanden van 1 tot en met 600, bijvoorbeeld 12m.")
        return Periode(f"{n}m", _maanden_terug(vandaag, n - 1), vandaag)
    if m := re.fullmatch(r"(\d{4})(?:-?[Qq]([1-4]))?", tekst):
        jaar = int(m[1])
        if not 1900 <= jaar <= 9999:
            raise OngeldigeInvoer(f"{jaar} is geen jaar waarin een wijkverband vergaderde.")
        if m[2]:
            k = int(m[2])
            van = date(jaar, 3 * k - 2, 1)
            tot = _maanden_terug(date(jaar, 3 * k, 1), -1) - timedelta(days=1)
            return Periode(f"{jaar}-Q{k}", van, tot)
        return Periode(str(jaar), date(jaar, 1, 1), date(jaar, 12, 31))
    raise OngeldigeInvoer(
        f"'{tekst[:20]}' is geen periode; geef een jaar (2026), een kwartaal (2026-Q3) of "
        "een aantal maanden (12m)."
    )


# --- invoer ----------------------------------------------------------------------------

class SignaalRij(NamedTuple):
    """Wat de maten van een signaal gebruiken (uit een lijstrij of een ``Signaal``)."""

    id: str
    datum: date
    vorm: str
    thema: str
    buurt: str
    aantal: int
    status: str


def signaalrijen(signalen: list[Signaal]) -> list[SignaalRij]:
    """``SignaalRij`` uit ``Signaal``-objecten (voor tests en wie ze al heeft)."""
    return [SignaalRij(s.id, s.datum, s.vorm, s.thema, s.buurt, s.aantal, s.status)
            for s in signalen]


class ActieRij(NamedTuple):
    """Wat de maten van een actie gebruiken; ``historie``: (datum, status) per wijziging."""

    id: str
    status: str
    besloten_op: date
    eerste_stap_datum: date | None
    checkmoment: date | None
    toelichting: str
    signalen: tuple[str, ...]
    historie: tuple[tuple[date, str], ...]


class VergaderingRij(NamedTuple):
    """Wat de maten van een vergadering gebruiken."""

    id: str
    datum: date
    gesloten: bool
    volgende_update: date | None
    kanaal: str
    top5: tuple[str, ...]


def actierijen(acties: list[Actie]) -> list[ActieRij]:
    """``ActieRij`` uit ``Actie``-objecten."""
    return [ActieRij(a.id, a.status, a.besloten_op, a.eerste_stap_datum, a.checkmoment,
                     a.laatste_toelichting(), tuple(a.signalen),
                     tuple((w.moment.date(), w.status) for w in a.historie)) for a in acties]


def vergaderingrijen(vergaderingen: list[Vergadering]) -> list[VergaderingRij]:
    """``VergaderingRij`` uit ``Vergadering``-objecten."""
    return [VergaderingRij(v.id, v.datum, v.gesloten, v.terugkoppeling.volgende_update,
                           v.terugkoppeling.kanaal, tuple(v.top5)) for v in vergaderingen]


class Gegevens(NamedTuple):
    """Alles van één wijkverband wat de maten nodig hebben."""

    wijkverband: Wijkverband
    signalen: list[SignaalRij]
    acties: list[ActieRij]
    vergaderingen: list[VergaderingRij]


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def _datum(iso: str | None) -> date | None:
    return date.fromisoformat(iso) if iso else None


def _actievak(acties: list[Actie]) -> list[list[Any]]:
    return [[r.id, r.status, r.besloten_op.isoformat(), _iso(r.eerste_stap_datum),
             _iso(r.checkmoment), r.toelichting, list(r.signalen),
             [[d.isoformat(), s] for d, s in r.historie]] for r in actierijen(acties)]


def _vergaderingvak(vergaderingen: list[Vergadering]) -> list[list[Any]]:
    return [[r.id, r.datum.isoformat(), r.gesloten, _iso(r.volgende_update), r.kanaal,
             list(r.top5)] for r in vergaderingrijen(vergaderingen)]


# Verandert wat een rij uit een object haalt, verander dan de vorm: een index met een
# andere vorm telt niet en wordt opnieuw gemaakt.
_VORM = "impact:1"


def _signaalvak(signalen: list[Signaal]) -> list[list[Any]]:
    return [[s.id, s.datum.isoformat(), s.vorm, s.thema, s.buurt, s.aantal, s.status]
            for s in signalen]


# Dezelfde rijen rechtstreeks uit de documenten van een vak, met de controles van de lijsten
# (``rauwe_rijen.py``: precies het type van elk veld, anders ``AndersLezen`` en dan via de
# objecten), zonder domeinobjecten: de eerste impact na een upgrade leest zo alle jaren
# zonder ze om te zetten. De kolommen komen uit de rijen van de lijsten (``lijsten.SLEUTELS``)
# en, wat die niet hebben, uit het al gecontroleerde document.


def _signalen_ruw(docs: list[Any]) -> list[list[Any]]:
    from .rauwe_rijen import signaalrijen

    # id, datum, vorm, thema, buurt, aantal, status
    return [[r[0], r[2], r[4], r[5], r[6], r[7], r[9]] for r in signaalrijen(docs)]


def _acties_ruw(docs: list[Any]) -> list[list[Any]]:
    from datetime import datetime

    from .rauwe_rijen import actierijen

    lees_moment = datetime.fromisoformat
    # id, status, besloten_op, eerste_stap_datum, checkmoment, toelichting, signalen, en
    # (dag, status) van elke statuswijziging (actierijen keek die al na).
    return [[r[0], r[9], r[12], r[7], r[8], r[10], r[14],
             [[lees_moment(h["moment"]).date().isoformat(), h["status"]]
              for h in doc.get("historie", [])]]
            for r, doc in zip(actierijen(docs), docs, strict=True)]


def _vergaderingen_ruw(docs: list[Any]) -> list[list[Any]]:
    from .rauwe_rijen import vergaderingrijen

    # id, datum, gesloten, volgende_update, kanaal, top5 (vergaderingrijen keek die na)
    return [[r[0], r[2], r[10], r[11], r[12], list(doc.get("top5", []))]
            for r, doc in zip(vergaderingrijen(docs), docs, strict=True)]


_VAK = {"signalen": _signaalvak, "acties": _actievak, "vergaderingen": _vergaderingvak}
_RUW = {"signalen": _signalen_ruw, "acties": _acties_ruw, "vergaderingen": _vergaderingen_ruw}


def lees(opslag: Opslag, wijkverband: Wijkverband, vandaag: date) -> Gegevens:
    """De gegevens van één wijkverband uit de opslag (vakken die niet veranderd zijn, uit
    een eigen lijstindex; zie opslag/lijstindex.py). ``vandaag`` telt hier niet mee (de
    rijen hangen er niet van af); hij staat erbij voor wie later iets nodig heeft."""
    wv = wijkverband.id
    sig, act, verg = (opslag.lijstrijen(soort, wv, _VAK[soort], _VORM, index=f"impact-{soort}",
                                        ruw=_RUW[soort])
                      for soort in ("signalen", "acties", "vergaderingen"))
    d, iso = _datum, date.fromisoformat
    return Gegevens(
        wijkverband, [SignaalRij(r[0], iso(r[1]), *r[2:]) for r in sig],
        [ActieRij(r[0], r[1], iso(r[2]), d(r[3]), d(r[4]), r[5], tuple(r[6]),
                  tuple((iso(h[0]), h[1]) for h in r[7])) for r in act],
        sorted((VergaderingRij(r[0], iso(r[1]), r[2], d(r[3]), r[4], tuple(r[5]))
                for r in verg), key=lambda v: (v.datum, v.id)),
    )


# --- uitkomst --------------------------------------------------------------------------

# De uitkomsten zijn NamedTuples, net als de rijen: vast na het rekenen, en negen dataclasses
# maken kostte bij elke `vergadering impact` ~3 ms, een tiende van de opdracht bij een jaar
# gegevens (issue 13, bench/impact.py).

class Aandeel(NamedTuple):
    """``aantal`` van ``n``; het percentage is leeg als er niets te tellen was."""

    aantal: int
    n: int

    @property
    def procent(self) -> float | None:
        """Het percentage, op één decimaal (leeg bij n = 0)."""
        return round(100 * self.aantal / self.n, 1) if self.n else None

    def tekst(self) -> str:
        """'9 van 10 (90%)' of '0 van 0'."""
        if not self.n:
            return "0 van 0"
        return f"{self.aantal} van {self.n} ({procent(self.procent)})"

    def als_json(self) -> dict[str, Any]:
        """{'aantal', 'n', 'procent'}."""
        return {"aantal": self.aantal, "n": self.n, "procent": self.procent}


class Mediaan(NamedTuple):
    """De mediaan in dagen over ``n`` gevallen (leeg als n = 0)."""

    dagen: float | None
    n: int

    @staticmethod
    def van(waarden: list[int]) -> Mediaan:
        """De mediaan van ``waarden`` (zoals ``statistics.median``; die module laden kost
        meer dan het rekenen)."""
        if not waarden:
            return Mediaan(None, 0)
        s, n = sorted(waarden), len(waarden)
        midden = s[n // 2] if n % 2 else (s[n // 2 - 1] + s[n // 2]) / 2
        return Mediaan(float(midden), n)

    def tekst(self) -> str:
        """'12 dagen (n = 8)' of 'geen gegevens'."""
        if self.dagen is None:
            return "geen gegevens"
        dagen = f"{self.dagen:g}".replace(".", ",")
        return f"{dagen} {'dag' if self.dagen == 1 else 'dagen'} (n = {self.n})"

    def als_json(self) -> dict[str, Any]:
        """{'dagen', 'n'}."""
        return {"dagen": self.dagen, "n": self.n}


class Bereik(NamedTuple):
    """Wie we bereiken: signalen en bewoners, per vorm, buurt, thema en maand."""

    signalen: int
    bewoners: int
    per_vorm: dict[str, int]
    per_buurt: dict[str, int]
    per_thema: dict[str, int]
    per_maand: list[tuple[str, int, int]]  # ('2026-03', signalen, bewoners)


class PerInwoners(NamedTuple):
    """De signalen van één buurt naast haar inwonertal (leeg als dat onbekend is)."""

    buurt: str
    signalen: int
    inwoners: int | None
    per_1000: float | None  # signalen per 1.000 inwoners, op één decimaal

    def tekst(self) -> str:
        """'5,2' of 'onbekend'."""
        return "onbekend" if self.per_1000 is None else f"{self.per_1000:g}".replace(".", ",")


def inwonercellen(p: PerInwoners | None) -> tuple[str, str]:
    """Inwoners en signalen per 1.000 inwoners van één buurt, voor een tabel ('–' voor de
    rij 'buurt onbekend', die geen buurt heeft)."""
    if p is None:
        return "–", "–"
    return "onbekend" if p.inwoners is None else getal(p.inwoners), p.tekst()


def per_1000_inwoners(signalen: int, inwoners: int | None) -> float | None:
    """Signalen per 1.000 inwoners op één decimaal; leeg zonder (bruikbaar) inwonertal."""
    return round(1000 * signalen / inwoners, 1) if inwoners else None


class Representativiteit(NamedTuple):
    """Spiegel van de wijk: welke buurten en thema's zwijgen, en hoe scheef het is."""

    n: int
    stille_buurten: list[str]
    stille_themas: list[str]
    aandeel_vorm: dict[str, Aandeel]
    grootste_buurt: str | None
    concentratie: Aandeel
    buurt_onbekend: Aandeel
    stil_laatste_maanden: list[str]  # buurten zonder signaal in de laatste STIL_MAANDEN
    # Per bekende buurt (ook die niet in de instellingen staan): signalen per 1.000 inwoners.
    per_inwoners: list[PerInwoners]


class Doorwerking(NamedTuple):
    """Van signaal naar actie naar gereed, en hoe lang dat duurt."""

    trechter: list[tuple[str, Aandeel]]
    signaal_tot_besluit: Mediaan
    besluit_tot_gereed: Mediaan
    acties: int
    vastgelopen: Aandeel
    gestopt: Aandeel
    redenen: dict[str, int]
    eerste_stap_op_tijd: Aandeel
    checkmoment_op_tijd: Aandeel


def maten_doorwerking(d: Doorwerking) -> list[tuple[str, str]]:
    """De looptijden en afspraken van doorwerking als (maat, waarde in woorden): dezelfde
    rijen op het impactscherm en in het jaarverslag."""
    return [
        ("Signaal tot besluit (mediaan)", d.signaal_tot_besluit.tekst()),
        ("Besluit tot gereed (mediaan)", d.besluit_tot_gereed.tekst()),
        ("Eerste stap op tijd", d.eerste_stap_op_tijd.tekst()),
        ("Checkmoment op tijd", d.checkmoment_op_tijd.tekst()),
        ("Vastgelopen", d.vastgelopen.tekst()),
        ("Gestopt", d.gestopt.tekst()),
    ]


class Terugkoppeling(NamedTuple):
    """Horen bewoners wat ermee gedaan is?"""

    met_terugkoppeling: Aandeel
    updates_op_tijd: Aandeel
    updates_te_laat: int
    signaal_tot_terugkoppeling: Mediaan
    kanalen: dict[str, int]


class Impact(NamedTuple):
    """De vier pijnen van één wijkverband over één periode."""

    wijkverband_id: str
    wijkverband: str
    periode: Periode
    vandaag: date
    bereik: Bereik
    representativiteit: Representativiteit
    doorwerking: Doorwerking
    terugkoppeling: Terugkoppeling
    meldingen: list[str]  # de waarschuwingen van ``startregels`` (zie ``met_meldingen``)


# --- rekenen ---------------------------------------------------------------------------

def _maanden(van: date, tot: date) -> list[str]:
    uit, d = [], date(van.year, van.month, 1)
    while d <= tot:
        uit.append(f"{d.year:04d}-{d.month:02d}")
        d = _maanden_terug(d, -1)
    return uit


def _tel(waarden: list[str], bekend: list[str], onbekend: str) -> dict[str, int]:
    """Per waarde hoe vaak: eerst de bekende (ook met 0), dan de rest op aantal, dan
    onbekend (ook met 0, zodat het altijd zichtbaar is)."""
    teller = Counter(w or onbekend for w in waarden)
    uit = {b: teller.pop(b, 0) for b in bekend}
    leeg = teller.pop(onbekend, 0)
    uit.update(sorted(teller.items(), key=lambda kv: (-kv[1], kv[0])))
    uit[onbekend] = leeg
    return uit


def _bereik(sig: list[SignaalRij], wv: Wijkverband, p: Periode, vandaag: date) -> Bereik:
    per_maand = {m: [0, 0] for m in _maanden(p.van, min(p.tot, vandaag))}
    for s in sig:
        vak = per_maand.get(f"{s.datum.year:04d}-{s.datum.month:02d}")
        if vak is not None:
            vak[0] += 1
            vak[1] += s.aantal
    return Bereik(
        signalen=len(sig),
        bewoners=sum(s.aantal for s in sig),
        per_vorm={v: sum(1 for s in sig if s.vorm == v) for v in PRAKTIJKVORMEN},
        per_buurt=_tel([s.buurt for s in sig], wv.buurten, BUURT_ONBEKEND),
        per_thema=_tel([s.thema for s in sig], wv.themas, THEMA_ONBEKEND),
        per_maand=[(m, n, b) for m, (n, b) in per_maand.items()],
    )


def _representativiteit(sig: list[SignaalRij], alle: list[SignaalRij], b: Bereik,
                        wv: Wijkverband, vandaag: date) -> Representativiteit:
    n = len(sig)
    bekend = {k: v for k, v in b.per_buurt.items() if k != BUURT_ONBEKEND}
    grootste = max(bekend, key=lambda k: bekend[k]) if any(bekend.values()) else None
    recent = _maanden_terug(vandaag, STIL_MAANDEN - 1)
    gehoord = {s.buurt for s in alle if recent <= s.datum <= vandaag}
    return Representativiteit(
        n=n,
        stille_buurten=[k for k in wv.buurten if not b.per_buurt.get(k)],
        stille_themas=[k for k in wv.themas if not b.per_thema.get(k)],
        aandeel_vorm={v: Aandeel(k, n) for v, k in b.per_vorm.items()},
        grootste_buurt=grootste,
        concentratie=Aandeel(bekend[grootste] if grootste else 0, n),
        buurt_onbekend=Aandeel(b.per_buurt[BUURT_ONBEKEND], n),
        stil_laatste_maanden=[k for k in wv.buurten if k not in gehoord],
        per_inwoners=[PerInwoners(k, n, wv.inwoners.get(k),
                                  per_1000_inwoners(n, wv.inwoners.get(k)))
                      for k, n in b.per_buurt.items() if k != BUURT_ONBEKEND],
    )


def _gereed_op(a: ActieRij) -> date:
    """Wanneer de actie (voor het laatst) op gereed ging; zonder historie de besluitdatum."""
    for dag, status in reversed(a.historie):
        if status == "gereed":
            return dag
    return a.besloten_op


def _eerste_stap_gezet(a: ActieRij) -> date | None:
    for dag, status in a.historie:
        if status in ("loopt", "gereed"):
            return dag
    return None


def _doorwerking(sig: list[SignaalRij], acties: list[ActieRij], verg: list[VergaderingRij],
                 p: Periode, vandaag: date) -> Doorwerking:
    eigen = [s for s in sig if s.status != "gebundeld"]
    in_top5 = {sid for v in verg for sid in v.top5}
    per_signaal: dict[str, list[ActieRij]] = {}
    for a in acties:
        for sid in a.signalen:
            per_signaal.setdefault(sid, []).append(a)
    top5 = [s for s in eigen if s.id in in_top5]
    actie = [s for s in top5 if s.id in per_signaal]
    gereed = [s for s in actie if any(a.status == "gereed" for a in per_signaal[s.id])]
    n = len(eigen)
    besluit = [max(0, (min(a.besloten_op for a in per_signaal[s.id]) - s.datum).days)
               for s in actie]
    in_periode = [a for a in acties if p.bevat(a.besloten_op)]
    klaar = [max(0, (_gereed_op(a) - a.besloten_op).days)
             for a in in_periode if a.status == "gereed"]
    redenen = Counter((a.toelichting or GEEN_REDEN)
                      for a in in_periode if a.status in ("vastgelopen", "gestopt"))
    stap_n = stap_op_tijd = check_n = check_op_tijd = 0
    for a in in_periode:
        gezet = _eerste_stap_gezet(a)
        if gezet is not None or (a.eerste_stap_datum and a.eerste_stap_datum < vandaag):
            stap_n += 1
            stap_op_tijd += bool(gezet and a.eerste_stap_datum and gezet <= a.eerste_stap_datum)
        if a.checkmoment and a.checkmoment < vandaag:
            check_n += 1
            check_op_tijd += any(a.besloten_op < dag <= a.checkmoment
                                 for dag, _ in a.historie)
    m = len(in_periode)
    return Doorwerking(
        trechter=[(naam, Aandeel(len(groep), n))
                  for naam, groep in zip(TRECHTER, (eigen, top5, actie, gereed), strict=True)],
        signaal_tot_besluit=Mediaan.van(besluit),
        besluit_tot_gereed=Mediaan.van(klaar),
        acties=m,
        vastgelopen=Aandeel(sum(a.status == "vastgelopen" for a in in_periode), m),
        gestopt=Aandeel(sum(a.status == "gestopt" for a in in_periode), m),
        redenen=dict(sorted(redenen.items(), key=lambda kv: (-kv[1], kv[0]))),
        eerste_stap_op_tijd=Aandeel(stap_op_tijd, stap_n),
        checkmoment_op_tijd=Aandeel(check_op_tijd, check_n),
    )


def heeft_terugkoppeling(v: VergaderingRij) -> bool:
    """Gesloten met een datum voor de volgende update en een kanaal."""
    return v.gesloten and v.volgende_update is not None and bool(v.kanaal)


def _terugkoppeling(sig: list[SignaalRij], verg: list[VergaderingRij], p: Periode,
                    vandaag: date) -> Terugkoppeling:
    gesloten = [v for v in verg if v.gesloten and p.bevat(v.datum)]
    met = [v for v in gesloten if heeft_terugkoppeling(v)]
    alle_met = sorted((v for v in verg if heeft_terugkoppeling(v)), key=lambda v: v.datum)
    beloofd = gedaan = 0
    for i, v in enumerate(alle_met):
        belofte = v.volgende_update
        if not p.bevat(v.datum) or belofte is None or belofte >= vandaag:
            continue
        beloofd += 1
        volgende = next((w for w in alle_met[i + 1:] if w.datum > v.datum), None)
        gedaan += volgende is not None and volgende.datum <= belofte
    eerste: dict[str, date] = {}
    for v in alle_met:
        for sid in v.top5:
            if sid not in eerste or v.datum < eerste[sid]:
                eerste[sid] = v.datum
    dagen = [max(0, (eerste[s.id] - s.datum).days) for s in sig
             if s.status != "gebundeld" and s.id in eerste]
    kanalen = Counter(v.kanaal for v in met)
    return Terugkoppeling(
        met_terugkoppeling=Aandeel(len(met), len(gesloten)),
        updates_op_tijd=Aandeel(gedaan, beloofd),
        updates_te_laat=beloofd - gedaan,
        signaal_tot_terugkoppeling=Mediaan.van(dagen),
        kanalen=dict(sorted(kanalen.items(), key=lambda kv: (-kv[1], kv[0]))),
    )


def bereken(g: Gegevens, p: Periode, vandaag: date) -> Impact:
    """De vier pijnen van ``g.wijkverband`` over ``p``."""
    sig = [s for s in g.signalen if p.bevat(s.datum)]
    b = _bereik(sig, g.wijkverband, p, vandaag)
    return met_meldingen(Impact(
        wijkverband_id=g.wijkverband.id,
        wijkverband=g.wijkverband.naam,
        periode=p,
        vandaag=vandaag,
        bereik=b,
        representativiteit=_representativiteit(sig, g.signalen, b, g.wijkverband, vandaag),
        doorwerking=_doorwerking(sig, g.acties, g.vergaderingen, p, vandaag),
        terugkoppeling=_terugkoppeling(sig, g.vergaderingen, p, vandaag),
        meldingen=[],
    ))


def met_meldingen(i: Impact) -> Impact:
    """``i`` met de waarschuwingen uit zijn eigen cijfers (``startregels``)."""
    return i._replace(meldingen=[w for _, _, w in startregels(i) if w])


def impact(opslag: Opslag, vandaag: date, periode_tekst: str | None = None,
           wijkverband: str | None = None) -> list[Impact]:
    """De impact van één wijkverband (op naam of kenmerk) of van alle, over de periode."""
    p = periode(periode_tekst, vandaag)
    wvs = [opslag.wijkverband(wijkverband)] if wijkverband else opslag.wijkverbanden()
    return [bereken(lees(opslag, wv, vandaag), p, vandaag) for wv in wvs]


# --- in woorden ------------------------------------------------------------------------

def procent(p: float | None) -> str:
    """'12,5%' (Nederlandse komma), of '–' als er geen noemer was."""
    if p is None:
        return "–"
    return f"{p:g}%".replace(".", ",")


def startregels(i: Impact) -> list[tuple[str, str, str]]:
    """Per pijn (naam, één regel, waarschuwing of leeg): voor het startscherm."""
    b, r, d, t = i.bereik, i.representativiteit, i.doorwerking, i.terugkoppeling
    stil = r.stil_laatste_maanden
    waarschuwing_bereik = (f"{stil[0]}: 0 signalen in {STIL_MAANDEN} maanden" if len(stil) == 1
                           else f"{len(stil)} buurten zonder signaal in {STIL_MAANDEN} maanden"
                           if stil else "")
    concentratie = r.concentratie.procent
    waarschuwing_spiegel = ""
    if r.buurt_onbekend.procent is not None and r.buurt_onbekend.procent >= 25:
        waarschuwing_spiegel = f"bij {procent(r.buurt_onbekend.procent)} is de buurt onbekend"
    elif concentratie is not None and concentratie >= 50 and len(i.bereik.per_buurt) > 2:
        waarschuwing_spiegel = f"{procent(concentratie)} komt uit {r.grootste_buurt}"
    vast = d.vastgelopen.aantal
    trechter = d.trechter
    return [
        ("bereik", f"{aantal(b.signalen, 'signaal', 'signalen')} van "
                   f"{aantal(b.bewoners, 'bewoner', 'bewoners')}", waarschuwing_bereik),
        ("representativiteit",
         f"{procent(concentratie)} uit de grootste buurt ({r.grootste_buurt})"
         if r.grootste_buurt else f"van geen van de {aantal(r.n, 'signaal', 'signalen')} "
                                  "is de buurt bekend", waarschuwing_spiegel),
        ("doorwerking", f"{trechter[2][1].aantal} van {trechter[0][1].n} signalen "
                        f"{'werd' if trechter[2][1].aantal == 1 else 'werden'} een actie, "
                        f"{trechter[3][1].aantal} gereed",
         f"{aantal(vast, 'actie', 'acties')} vastgelopen" if vast else ""),
        ("terugkoppeling", f"{t.met_terugkoppeling.tekst()} vergaderingen met terugkoppeling",
         f"{aantal(t.updates_te_laat, 'beloofde update', 'beloofde updates')} te laat"
         if t.updates_te_laat else ""),
    ]


def _rij(d: dict[str, int]) -> str:
    return " · ".join(f"{k} {v}" for k, v in d.items()) or "–"


def in_tekst(i: Impact) -> str:
    """De impact als tekst voor de terminal: per pijn een kop en een paar regels."""
    b, r, d, t = i.bereik, i.representativiteit, i.doorwerking, i.terugkoppeling
    p = i.periode
    regels = [
        f"{i.wijkverband} — {p.in_woorden} ({p.van:%d-%m-%Y} t/m {min(p.tot, i.vandaag):%d-%m-%Y})",
        "",
        f"Bereik: {aantal(b.signalen, 'signaal', 'signalen')} van "
        f"{aantal(b.bewoners, 'bewoner', 'bewoners')}",
        f"  per vorm:  {_rij(b.per_vorm)}",
        f"  per buurt: {_rij(b.per_buurt)}",
        f"  per thema: {_rij(b.per_thema)}",
        f"  per maand: {' · '.join(f'{m} {n}' for m, n, _ in b.per_maand) or '–'}",
        f"Representativiteit (n = {r.n})",
        f"  buurten zonder signaal: {', '.join(r.stille_buurten) or 'geen'}",
        f"  thema's zonder signaal: {', '.join(r.stille_themas) or 'geen'}",
        f"  grootste buurt: {r.grootste_buurt or '–'}, {r.concentratie.tekst()}",
        f"  buurt onbekend: {r.buurt_onbekend.tekst()}",
        "  per 1.000 inwoners: " + (" · ".join(f"{p.buurt} {p.tekst()}" for p in r.per_inwoners)
                                    or "–"),
        "Doorwerking",
        "  trechter: " + " → ".join(f"{naam} {a.aantal}" for naam, a in d.trechter)
        + f" (n = {d.trechter[0][1].n})",
        f"  signaal tot besluit: {d.signaal_tot_besluit.tekst()}",
        f"  besluit tot gereed: {d.besluit_tot_gereed.tekst()}",
        f"  van {aantal(d.acties, 'actie', 'acties')}: vastgelopen {d.vastgelopen.tekst()}, "
        f"gestopt {d.gestopt.tekst()}",
        *(f"    {n}× {reden}" for reden, n in d.redenen.items()),
        f"  eerste stap op tijd: {d.eerste_stap_op_tijd.tekst()}",
        f"  checkmoment op tijd: {d.checkmoment_op_tijd.tekst()}",
        "Terugkoppeling",
        f"  vergaderingen met terugkoppeling: {t.met_terugkoppeling.tekst()}",
        f"  beloofde updates op tijd: {t.updates_op_tijd.tekst()}",
        f"  signaal tot terugkoppeling: {t.signaal_tot_terugkoppeling.tekst()}",
        f"  kanalen: {_rij(t.kanalen)}",
    ]
    regels += [f"Let op: {m}." for m in i.meldingen]
    return "\n".join(regels)


# --- JSON ------------------------------------------------------------------------------

def _telling(d: dict[str, int], n: int) -> dict[str, Any]:
    return {"n": n, "aantallen": d}


def als_json(i: Impact) -> dict[str, Any]:
    """De impact als woordenboek voor ``vergadering impact --json`` (schema in de README)."""
    b, r, d, t = i.bereik, i.representativiteit, i.doorwerking, i.terugkoppeling
    return {
        "wijkverband": {"id": i.wijkverband_id, "naam": i.wijkverband},
        "bereik": {
            "n": b.signalen,
            "signalen": b.signalen,
            "bewoners": b.bewoners,
            "per_vorm": _telling(b.per_vorm, b.signalen),
            "per_buurt": _telling(b.per_buurt, b.signalen),
            "per_thema": _telling(b.per_thema, b.signalen),
            "per_maand": [{"maand": m, "signalen": n, "bewoners": w} for m, n, w in b.per_maand],
        },
        "representativiteit": {
            "n": r.n,
            "stille_buurten": r.stille_buurten,
            "stille_themas": r.stille_themas,
            "aandeel_vorm": {v: a.als_json() for v, a in r.aandeel_vorm.items()},
            "grootste_buurt": r.grootste_buurt,
            "concentratie": r.concentratie.als_json(),
            "buurt_onbekend": r.buurt_onbekend.als_json(),
            f"stil_laatste_{STIL_MAANDEN}_maanden": r.stil_laatste_maanden,
            "per_1000_inwoners": {p.buurt: {"signalen": p.signalen, "inwoners": p.inwoners,
                                            "per_1000": p.per_1000} for p in r.per_inwoners},
        },
        "doorwerking": {
            "trechter": [{"stap": naam, **a.als_json()} for naam, a in d.trechter],
            "signaal_tot_besluit": d.signaal_tot_besluit.als_json(),
            "besluit_tot_gereed": d.besluit_tot_gereed.als_json(),
            "acties": d.acties,
            "vastgelopen": d.vastgelopen.als_json(),
            "gestopt": d.gestopt.als_json(),
            "redenen": _telling(d.redenen, d.vastgelopen.aantal + d.gestopt.aantal),
            "eerste_stap_op_tijd": d.eerste_stap_op_tijd.als_json(),
            "checkmoment_op_tijd": d.checkmoment_op_tijd.als_json(),
        },
        "terugkoppeling": {
            "met_terugkoppeling": t.met_terugkoppeling.als_json(),
            "updates_op_tijd": t.updates_op_tijd.als_json(),
            "updates_te_laat": t.updates_te_laat,
            "signaal_tot_terugkoppeling": t.signaal_tot_terugkoppeling.als_json(),
            "kanalen": _telling(t.kanalen, t.met_terugkoppeling.aantal),
        },
        "meldingen": i.meldingen,
    }


def alles_als_json(uitkomsten: list[Impact], p: Periode, vandaag: date) -> dict[str, Any]:
    """De uitvoer van ``vergadering impact --json``: periode, vandaag en per wijkverband."""
    return {
        "schema": 1,
        "vandaag": vandaag.isoformat(),
        "periode": {"naam": p.naam, "van": p.van.isoformat(), "tot": p.tot.isoformat()},
        "wijkverbanden": [als_json(i) for i in uitkomsten],
    }
