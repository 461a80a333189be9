"""De demo: één verzonnen wijkverband met een jaar geschiedenis, tot en met vandaag.

De inhoud (namen, signalen, acties, terugkoppelingen) staat als gewone tekst in
``data/demo_wijkverband.json``. Dit bestand zet die inhoud op een tijdlijn die eindigt op
``vandaag``: ongeveer elke vijf à zes weken een vergadering op dinsdagavond, de laatste
twee à drie weken geleden. Wat er in een vergadering gebeurt, gaat via de regels van het
domein (stippen, top 5, stemmen, hoogstens twee acties, sluiten met terugkoppeling), zodat
de demo zich houdt aan dezelfde regels als de app. Het toeval (datums binnen een periode,
kenmerken, gebruikte tijd) komt uit een vast zaad: dezelfde dag geeft dezelfde demo.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from importlib import resources
from itertools import pairwise
from pathlib import Path
from typing import Any

from . import ids, regels
from .actie import Actie
from .fouten import OngeldigeInvoer, VergaderingFout
from .opslag import Opslag
from .opslag.reservekopie import MAPNAAM as RESERVEKOPIEMAP
from .signaal import Contact, Signaal, bundel
from .stemming import Stemming
from .terugkoppeling import Terugkoppeling
from .vergadering import Score, Vergadering, nieuwe_vergadering, standaard_fasen
from .wijkverband import Agenda, Lid, Participatieafspraken, Wijkverband
from .zinnen import zinnen

BESTAND = "demo_wijkverband.json"
ZAAD = 20261123
LAATSTE_VERGADERING_DAGEN = 16  # de laatste vergadering ligt minstens zoveel dagen terug
VERGADERDAG = 1  # dinsdag
BEGINTIJD = time(19, 30)

Tijdstip = Callable[[int, float], datetime]  # (fase, deel van de fase) -> moment

# Wat in een lege of nieuwe opslagmap al mag staan: het metabestand van een opslag zonder
# gegevens, en verborgen bestanden zoals het schrijfslot.
_TOEGESTAAN_IN_LEGE_MAP = {"opslag.json", RESERVEKOPIEMAP}


@dataclass
class DemoGegevens:
    """Alles wat de demo schrijft, nog in het geheugen."""

    wijkverband: Wijkverband
    signalen: list[Signaal] = field(default_factory=list)
    acties: list[Actie] = field(default_factory=list)
    vergaderingen: list[Vergadering] = field(default_factory=list)


class DemoFout(ValueError):
    """De demo-inhoud klopt niet (een fout van wie het JSON-bestand schreef)."""


# --- de inhoud ---------------------------------------------------------------------


def _kandidaten() -> list[Path]:
    """Waar het inhoudsbestand kan staan.

    Eerst de kopie in het pakket (bij een gewone installatie meegeleverd als package-data;
    in een checkout een koppeling naar ``data/``), dan ``data/`` naast het pakket.
    """
    uit: list[Path] = []
    try:
        uit.append(Path(str(resources.files("vergadering") / "demo_data" / BESTAND)))
    except (ModuleNotFoundError, TypeError):  # pragma: no cover - zonder bestandssysteem
        pass
    uit.append(Path(__file__).resolve().parent.parent / "data" / BESTAND)
    return uit


def demo_inhoud() -> dict[str, Any]:
    """De inhoud van de demo, gelezen uit ``demo_wijkverband.json``."""
    for pad in _kandidaten():
        try:
            inhoud = json.loads(pad.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            # Ontbreekt, of (Windows zonder symbolische koppelingen) alleen een verwijzing.
            continue
        if isinstance(inhoud, dict) and "wijkverband" in inhoud:
            return inhoud
    raise VergaderingFout(
        f"De demogegevens ({BESTAND}) zijn niet gevonden bij het programma; "
        "installeer Vergadering opnieuw."
    )


# --- de tijdlijn -------------------------------------------------------------------


def vergaderdata(vandaag: date, aantal: int, rng: random.Random) -> list[date]:
    """De data van ``aantal`` vergaderingen (oudste eerst), om de vijf of zes weken op
    dinsdag; de laatste ligt 16 tot en met 22 dagen vóór vandaag."""
    laatste = vandaag - timedelta(days=LAATSTE_VERGADERING_DAGEN)
    while laatste.weekday() != VERGADERDAG:
        laatste -= timedelta(days=1)
    data = [laatste]
    for _ in range(aantal - 1):
        data.append(data[-1] - timedelta(weeks=rng.choice((5, 6))))
    return data[::-1]


def _moment(dag: date, rng: random.Random) -> datetime:
    """Een tijdstip overdag, voor wat tussen twee vergaderingen gebeurt."""
    return datetime.combine(dag, time(rng.randint(9, 16), rng.choice((0, 15, 30, 45))))


# --- de bouwer ---------------------------------------------------------------------


class _Bouwer:
    """Speelt de rondes uit het inhoudsbestand na, met de regels van het domein."""

    def __init__(self, inhoud: dict[str, Any], vandaag: date) -> None:
        self.inhoud = inhoud
        self.vandaag = vandaag
        self.rng = random.Random(ZAAD)
        self.wv = self._wijkverband(inhoud["wijkverband"])
        self.signalen: dict[str, Signaal] = {}  # sleutel -> signaal
        self.acties: list[Actie] = []
        self.vergaderingen: list[Vergadering] = []
        self.bezet: set[str] = set()
        # (index van de vergadering) -> [(actie, gebeurtenis)] voor statusupdates later
        self.gepland: dict[int, list[tuple[Actie, dict[str, Any]]]] = {}

    # --- wijkverband en verwijzingen ---

    @staticmethod
    def _wijkverband(wv: dict[str, Any]) -> Wijkverband:
        return Wijkverband(
            id=ids.slug(wv["naam"]),
            naam=wv["naam"],
            leden=[Lid(**lid) for lid in wv["leden"]],
            partners=list(wv["partners"]),
            themas=list(wv["themas"]),
            buurten=list(wv["buurten"]),
            inwoners=dict(wv.get("inwoners", {})),
            kanalen=list(wv["kanalen"]),
            agenda=Agenda(**wv["agenda"]),
            stippen_per_lid=wv["stippen_per_lid"],
            max_acties=wv["max_acties"],
            meerderheid=wv["meerderheid"],
            afspraken=Participatieafspraken(**wv["afspraken"]),
        )

    def _wie(self, verwijzing: str) -> str:
        """Een lid (kenmerk) of partner (naam) zoals het als eigenaar of partner staat."""
        lid = self.wv.lid(verwijzing)
        if lid is not None:
            return f"{lid.naam} ({lid.organisatie})" if lid.organisatie else lid.naam
        if verwijzing in self.wv.partners:
            return verwijzing
        raise DemoFout(f"'{verwijzing}' is geen lid of partner van het wijkverband.")

    def _signaal(self, sleutel: str) -> Signaal:
        try:
            return self.signalen[sleutel]
        except KeyError:
            raise DemoFout(f"Onbekend signaal '{sleutel}'.") from None

    def _nieuw_signaal_id(self, datum: date) -> str:
        # Zelfde vorm als ids.signaal_id, maar uit het vaste zaad: herhaalbaar.
        while True:
            kandidaat = f"{datum:%y%m}-" + "".join(
                self.rng.choice(ids._ALFABET) for _ in range(4)
            )
            if kandidaat not in self.bezet:
                self.bezet.add(kandidaat)
                return kandidaat

    def _maak_signalen(self, specs: list[dict[str, Any]], van: date, tot: date) -> None:
        """Signalen binnengekomen tussen ``van`` en ``tot`` (beide meegerekend)."""
        dagen = (tot - van).days
        for spec in specs:
            if spec["sleutel"] in self.signalen:
                raise DemoFout(f"Signaal '{spec['sleutel']}' staat er twee keer in.")
            datum = van + timedelta(days=self.rng.randint(0, dagen))
            contact = Contact(**spec["contact"]) if spec.get("contact") else None
            self.signalen[spec["sleutel"]] = Signaal(
                id=self._nieuw_signaal_id(datum),
                wijkverband_id=self.wv.id,
                tekst=spec["tekst"],
                datum=datum,
                vorm=spec["vorm"],
                thema=spec.get("thema", ""),
                buurt=spec.get("buurt", ""),
                aantal=spec.get("aantal", 1),
                contact=contact,
            )

    # --- het geheel ---

    def bouw(self) -> DemoGegevens:
        rondes = self.inhoud["rondes"]
        data = vergaderdata(self.vandaag, len(rondes), self.rng)
        for i, (ronde, datum) in enumerate(zip(rondes, data, strict=True)):
            vorige = data[i - 1] if i else datum - timedelta(weeks=5)
            volgende = data[i + 1] if i + 1 < len(data) else datum + timedelta(weeks=6)
            self._maak_signalen(ronde["signalen"], vorige + timedelta(days=1),
                                datum - timedelta(days=1))
            self._vergadering(i, ronde, datum, volgende)
        over = [i for i in self.gepland if i >= len(rondes)]
        if over:
            raise DemoFout("Een actie heeft een statusupdate na de laatste vergadering.")
        self._maak_signalen(self.inhoud.get("sinds_laatste_vergadering", []),
                            data[-1] + timedelta(days=1), self.vandaag)
        # Elk verslag is vastgesteld in de vergadering erna; dat van de laatste is nog een
        # concept (de volgende vergadering in de demo stelt het vast).
        for eerder, later in pairwise(self.vergaderingen):
            eerder.vastgesteld_op, eerder.vastgesteld_in = later.datum, later.id
            later.vorig_vastgesteld = eerder.id
        return DemoGegevens(
            wijkverband=self.wv,
            signalen=sorted(self.signalen.values(), key=lambda s: (s.datum, s.id)),
            acties=self.acties,
            vergaderingen=self.vergaderingen,
        )

    # --- één vergadering ---

    def _vergadering(self, index: int, ronde: dict[str, Any], datum: date,
                     volgende: date) -> None:
        wv, rng = self.wv, self.rng
        aanwezigheid = {lid.id: "aanwezig" for lid in wv.leden}
        for stand in ("afgemeld", "afwezig"):
            for lid_id in ronde.get(stand, []):
                if lid_id not in aanwezigheid:
                    raise DemoFout(f"'{lid_id}' is geen lid.")
                aanwezigheid[lid_id] = stand
        notulist = wv.lid(ronde.get("notulist", "joost"))
        voorzitter = next(lid for lid in wv.leden if lid.rol == "voorzitter")
        plaatsen = self.inhoud["plaatsen"]
        v = nieuwe_vergadering(
            wv,
            datum.isoformat(),
            datum,
            plaats=plaatsen[ronde.get("plaats", "buurthuis")],
            aanwezigheid=aanwezigheid,
            voorzitter=voorzitter.naam,
            notulist=notulist.naam if notulist else "",
        )
        # De geschiedenis is van vóór het agendasjabloon: alleen het cyclusblok (zo laat de
        # demo ook zien dat zulke vergaderingen gelezen blijven). Een nieuwe vergadering in
        # de demo krijgt het sjabloon van het wijkverband.
        v.fasen = standaard_fasen(wv.agenda)
        v.gasten = list(ronde.get("gasten", []))
        v.volgende_vergadering = volgende

        # De klok: gebruikte tijd per fase, en een extra minuut waar het uitliep.
        start = datetime.combine(datum, BEGINTIJD) + timedelta(minutes=rng.randint(0, 4))
        grenzen = [start]
        for fase in v.fasen:
            fase.gebruikt_s = float(fase.gepland_s + rng.randint(-50, 140))
            if fase.gebruikt_s > fase.gepland_s + 45:
                fase.extra_s = 60
            grenzen.append(grenzen[-1] + timedelta(seconds=fase.gebruikt_s))
        notities = ronde.get("notities", {})
        for fase in v.fasen:
            fase.notities = notities.get(fase.sleutel, "")
        v.gestart = True

        def tijdstip(fase: int, deel: float) -> datetime:
            return grenzen[fase] + (grenzen[fase + 1] - grenzen[fase]) * deel

        stemmers = [lid.id for lid in wv.stemgerechtigden() if lid.id in v.aanwezigen()]
        v.fase_index = 0
        v.log(start, f"Vergadering geopend: {len(v.aanwezigen())} van de {len(wv.leden)} "
                     f"leden aanwezig, {len(stemmers)} met stemrecht.")
        self._fase_signalen(v, ronde, tijdstip)
        v.fase_index = 1
        self._fase_acties(v, ronde, stemmers, tijdstip)
        v.fase_index = 2
        self._fase_terugkoppelen(index, v, ronde, tijdstip)
        regels.sluit(v, grenzen[-1] + timedelta(minutes=rng.randint(1, 3)))
        self.vergaderingen.append(v)

    def _fase_signalen(self, v: Vergadering, ronde: dict[str, Any], tijdstip: Tijdstip) -> None:
        for sleutel, reden in ronde.get("afgehandeld", {}).items():
            s = self._signaal(sleutel)
            s.status, s.reden, s.vergadering_id = "afgehandeld", reden, v.id
            v.log(tijdstip(0, 0.1), f"Afgehandeld: {s.tekst} ({reden})")
        for dubbel, hoofd in ronde.get("bundels", {}).items():
            bundel(self._signaal(hoofd), self._signaal(dubbel))
            v.log(tijdstip(0, 0.2), f"Gebundeld: '{self._signaal(dubbel).tekst}' hoort bij "
                                    f"'{self._signaal(hoofd).tekst}'.")
        for sleutel, n in ronde["stippen"].items():
            s = self._signaal(sleutel)
            if not s.open:
                raise DemoFout(f"Signaal '{sleutel}' krijgt stippen maar is niet open.")
            regels.zet_stippen(self.wv, v, s.id, n)
        v.log(tijdstip(0, 0.6), f"{regels.stippen_gebruikt(v)} van de "
                                f"{regels.stippen_beschikbaar(self.wv, v)} stippen verdeeld.")
        top = [self._signaal(k) for k in ronde["top5"]]
        rest = [s for s in self.signalen.values() if s.open and s not in top]
        laagste = min(v.stippen.get(s.id, 0) for s in top)
        if any(v.stippen.get(s.id, 0) > laagste for s in rest):
            raise DemoFout(f"De top 5 van {v.datum} volgt de stippen niet.")
        regels.leg_top5_vast(v, [s.id for s in top], tijdstip(0, 0.9))

    def _fase_acties(self, v: Vergadering, ronde: dict[str, Any], stemmers: list[str],
                     tijdstip: Tijdstip) -> None:
        wv = self.wv
        for sleutel, (haalbaarheid, impact) in ronde["scores"].items():
            v.scores[self._signaal(sleutel).id] = Score(haalbaarheid, impact)
        specs = ronde["stemmingen"]
        for n, spec in enumerate(specs, start=1):
            moment = tijdstip(1, n / (len(specs) + 1))
            s = self._signaal(spec["signaal"])
            if "per_lid" in spec:
                per_lid = dict.fromkeys(stemmers, "voor")
                for keuze in ("tegen", "onthouding"):
                    for lid_id in spec["per_lid"].get(keuze, []):
                        if lid_id not in per_lid:
                            raise DemoFout(f"'{lid_id}' stemt maar is niet aanwezig.")
                        per_lid[lid_id] = keuze
                telling: dict[str, Any] = {"per_lid": per_lid}
            else:
                voor, tegen, onthouding = spec["telling"]
                telling = {"voor": voor, "tegen": tegen, "onthouding": onthouding}
            stemming = Stemming(
                id=f"{v.id}-{n}", onderwerp=spec["onderwerp"], moment=moment,
                aanwezig=len(stemmers), quorum=wv.benodigd_quorum(), regel=wv.meerderheid,
                signaal_id=s.id, **telling,
            )
            v.stemmingen.append(stemming)
            v.log(moment, f"Stemming over '{stemming.onderwerp}': {stemming.uitslag()}")
            if stemming.aangenomen != ("actie" in spec):
                raise DemoFout(f"Stemming '{spec['onderwerp']}': uitslag en actie kloppen niet.")
            if stemming.aangenomen:
                actie = self._actie(v, spec["actie"], s, moment)
                regels.neem_actie_aan(wv, v, actie, moment, ronde.get("reden_extra_acties", ""))
                stemming.actie_id = actie.id
                s.kies(v.id)
        for sleutel, reden in ronde.get("geparkeerd", {}).items():
            s = self._signaal(sleutel)
            s.parkeer(reden, v.id)
            v.log(tijdstip(1, 0.95), zinnen(f"Geparkeerd: {s.tekst}", f"Reden: {reden}"))
        for sid in v.top5:
            if not any(s.id == sid and s.status in ("gekozen", "geparkeerd")
                       and s.vergadering_id == v.id for s in self.signalen.values()):
                raise DemoFout(f"Signaal {sid} uit de top 5 van {v.datum} is niet gekozen "
                               "en niet geparkeerd.")
        # Wat deze ronde binnenkwam en niet in de top 5 stond, gaat mee naar de volgende.
        nieuw = [s for s in self.signalen.values() if s.status == "nieuw"]
        for s in nieuw:
            s.parkeer(self.inhoud["reden_niet_in_top5"], v.id)
        if nieuw:
            v.log(tijdstip(1, 0.97), f"{len(nieuw)} signaal/signalen buiten de top 5 gaan mee "
                                     "naar de volgende ronde.")

    def _actie(self, v: Vergadering, spec: dict[str, Any], signaal: Signaal,
               moment: datetime) -> Actie:
        nummer = len(self.acties) + 1
        besluit = v.datum
        extra: dict[str, Any] = {}
        if "eerste_stap_na_dagen" in spec:
            extra["eerste_stap_datum"] = besluit + timedelta(days=spec["eerste_stap_na_dagen"])
        if "checkmoment_na_weken" in spec:
            extra["checkmoment"] = besluit + timedelta(weeks=spec["checkmoment_na_weken"])
        actie = Actie(
            id=ids.actie_id(besluit.year, nummer),
            wijkverband_id=self.wv.id,
            nummer=nummer,
            omschrijving=spec["omschrijving"],
            eigenaar=self._wie(spec["eigenaar"]),
            besloten_op=besluit,
            eerste_stap=spec["eerste_stap"],
            verandering=spec["verandering"],
            terugkoppelzin=spec["terugkoppelzin"],
            partners=[self._wie(p) for p in spec.get("partners", [])],
            signalen=[signaal.id],
            **extra,
        )
        actie.zet_status("gepland", "Besloten in de vergadering.", moment, v.id)
        index = len(self.vergaderingen)
        grens = v.volgende_vergadering or besluit + timedelta(weeks=6)
        for gebeurtenis in spec.get("verloop", []):
            if "ronde" in gebeurtenis:
                self.gepland.setdefault(index + gebeurtenis["ronde"], []).append(
                    (actie, gebeurtenis))
                continue
            dag = besluit + timedelta(days=gebeurtenis["na_dagen"])
            if not besluit < dag < min(grens, self.vandaag + timedelta(days=1)):
                raise DemoFout(f"Actie {nummer}: 'na_dagen' valt niet vóór de volgende "
                               "vergadering.")
            actie.zet_status(gebeurtenis["status"], gebeurtenis["toelichting"],
                             _moment(dag, self.rng))
        self.acties.append(actie)
        return actie

    def _fase_terugkoppelen(self, index: int, v: Vergadering, ronde: dict[str, Any],
                            tijdstip: Tijdstip) -> None:
        gepland = {id(a): g for a, g in self.gepland.pop(index, [])}
        eerder = [a for a in self.acties if a.vergadering_id != v.id]
        for a in eerder:
            if id(a) in gepland and not a.open:
                raise DemoFout(f"Actie {a.nummer} is al {a.status} maar krijgt nog een update.")
        te_bespreken = [a for a in eerder if a.open]
        for n, a in enumerate(te_bespreken, start=1):
            moment = tijdstip(2, 0.6 * n / (len(te_bespreken) + 1))
            g = gepland.get(id(a)) or {
                "status": a.status,
                "toelichting": self.inhoud["standaard_toelichting"][a.status],
            }
            # Zoals in de vergadering: na een verstreken checkmoment spreekt men een nieuw af;
            # voor een vastgelopen actie nog niet (eerst moet ze weer lopen).
            volgend = (regels.voorstel_volgend_checkmoment(a, moment.date())
                       if g["status"] == "loopt" else None)
            regels.werk_status_bij(v, a, g["status"], g["toelichting"], moment, volgend)
        spec = ronde["terugkoppeling"]
        if spec["kanaal"] not in self.wv.kanalen:
            raise DemoFout(f"Kanaal '{spec['kanaal']}' hoort niet bij het wijkverband.")
        v.terugkoppeling = Terugkoppeling(
            gehoord=spec["gehoord"],
            gedaan=spec["gedaan"],
            lukt_niet=spec["lukt_niet"],
            volgende_update=v.datum + timedelta(days=spec.get("update_na_dagen", 14)),
            kanaal=spec["kanaal"],
            eigenaar=self._wie(spec["eigenaar"]),
            contact=self.inhoud["contact_terugkoppeling"],
        )
        v.log(tijdstip(2, 0.9), f"Terugkoppeling vastgesteld: via {spec['kanaal']}, "
                                f"eigenaar {v.terugkoppeling.eigenaar}.")


def bouw_demo(vandaag: date, inhoud: dict[str, Any] | None = None) -> DemoGegevens:
    """De demo in het geheugen, op een tijdlijn die eindigt op ``vandaag`` (niets op schijf)."""
    return _Bouwer(inhoud if inhoud is not None else demo_inhoud(), vandaag).bouw()


# --- schrijven ---------------------------------------------------------------------


def _staat_iets_in(map_: Path) -> bool:
    """Waar als de map gegevens of andere bestanden bevat (verborgen bestanden en een
    opslag zonder gegevens tellen niet)."""
    if not map_.is_dir():
        return False
    return any(
        not p.name.startswith(".") and p.name not in _TOEGESTAAN_IN_LEGE_MAP
        for p in map_.iterdir()
    )


def _weiger_als_bezet(map_: Path) -> None:
    if not _staat_iets_in(map_):
        return
    if (map_ / "wijkverbanden.json").exists():
        raise OngeldigeInvoer(
            f"In {map_} staan al gegevens en de demo schrijft daar niet overheen; "
            "kies met --db een andere, nog lege map."
        )
    raise OngeldigeInvoer(
        f"De map {map_} is niet leeg en de demo schrijft alleen in een lege of nieuwe map; "
        "kies er een met --db."
    )


def schrijf_demo(opslag: Opslag, vandaag: date) -> Wijkverband:
    """Schrijf het demowijkverband met een jaar geschiedenis tot ``vandaag`` in de opslag.

    Weigert (``OngeldigeInvoer``) als de map al gegevens of andere bestanden bevat: de demo
    schrijft nooit over iets heen. Geeft het nieuwe wijkverband terug.
    """
    map_ = getattr(opslag, "map", None)  # None: een database (één transactie, hieronder)
    # Eerst kijken, dan pas het slot pakken: het slot maakt de map en ruimt er op.
    if map_ is not None:
        _weiger_als_bezet(map_)
    demo = bouw_demo(vandaag)
    with opslag.schrijven():
        if map_ is not None:
            _weiger_als_bezet(map_)  # nogmaals, nu niemand anders tegelijk schrijft
        elif opslag.wijkverbanden():
            raise OngeldigeInvoer(
                f"In de database op {opslag.plek} staan al wijkverbanden en de demo schrijft "
                "daar niet tussen; kies een lege database."
            )
        opslag.bewaar_wijkverband(demo.wijkverband)
        for s in demo.signalen:
            opslag.bewaar_signaal(s)
        for a in demo.acties:
            opslag.bewaar_actie(a)
        for v in demo.vergaderingen:
            opslag.bewaar_vergadering(v)
    # De eerste reservekopie kwam na het eerste schrijven (alleen het wijkverband); zonder
    # deze zou er het eerste half uur geen kopie van de signalen en acties zijn.
    opslag.maak_reservekopie()
    return demo.wijkverband
