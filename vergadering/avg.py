"""De AVG zonder dat iemand eraan hoeft te denken: contactgegevens van bewoners niet langer
bewaren dan nodig, en inzage en verwijdering op verzoek.

**Bewaartermijn.** Het contact bij een signaal (``Signaal.contact``) wordt geanonimiseerd
zodra het signaal een bewaartermijn lang (standaard 365 dagen, zoals het landelijke systeem
Signalen van gemeenten; per wijkverband in te stellen, nooit korter dan 30) gesloten is:

- gekozen, en elke actie die eruit kwam is gereed of gestopt (vanaf die datum);
- geparkeerd of afgehandeld en niet meer opgepakt (vanaf de vergadering waarin dat gebeurde);
- gebundeld in een signaal dat gesloten is (vanaf de datum van dat signaal).

Elke anonimisering laat een regel achter in de historie van het signaal. Reservekopieën van
vóór de termijn gaan weg. Het gebeurt één keer per dag als de app of een opdracht die iets
bewaart de opslag opent (``dagelijks``), met ``vergadering avg`` (eerst zien, dan
``--uitvoeren``), en na elke ``herstel``: een oude kopie brengt zo geen contact terug.

**Rechten van de bewoner.** ``inzage`` vindt alles over een persoon (het contact, en de naam
in vrije tekst); ``verwijder`` haalt het weg (het contact leeg, de naam in tekst wordt "een
bewoner"), schrijft een regel in de historie zonder de naam, onthoudt alleen een
onomkeerbare vingerafdruk van de naam (zodat een herstel hem opnieuw wist), maakt een nieuwe
reservekopie en haalt de oudere weg: daarin stond de persoon nog.
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from . import datums
from .statussen import OPEN_STATUSSEN

if TYPE_CHECKING:
    from .actie import Actie
    from .signaal import Signaal
    from .vergadering import Vergadering

BEWAARTERMIJN = 365
MINIMUM = 30
NOTITIE = "Contactgegevens geanonimiseerd volgens de bewaartermijn"
OP_VERZOEK = "Gegevens van een bewoner verwijderd op verzoek"
# In de map: de datum waarop de bewaartermijn het laatst is toegepast (de database heeft er
# een tabel voor, zie opslag/postgres.py).
DAGMERK = ".avg-dag"
# In de map: vingerafdrukken van namen die gewist moeten blijven; verborgen, dus niet in een
# reservekopie en ook niet weg na een herstel.
VINGERAFDRUKKEN = ".avg-verwijderd"


# --- de bewaartermijn --------------------------------------------------------------------


def _afgerond_op(actie: Actie) -> date:
    for wijziging in reversed(actie.historie):
        if wijziging.status == actie.status:
            return wijziging.moment.date()
    return actie.besloten_op


def gesloten_sinds(signalen: list[Signaal], acties: list[Actie],
                   vergaderingen: list[Vergadering]) -> dict[str, date]:
    """Per kenmerk van een gesloten signaal de datum waarop het gesloten werd (open
    signalen staan er niet in)."""
    datum_van = {v.id: v.datum for v in vergaderingen}
    per_signaal: dict[str, list[Actie]] = {}
    for a in acties:
        for sid in a.signalen:
            per_signaal.setdefault(sid, []).append(a)
    uit: dict[str, date] = {}
    for s in signalen:
        if s.status == "gekozen":
            eigen = per_signaal.get(s.id, [])
            if eigen and all(a.status not in OPEN_STATUSSEN for a in eigen):
                uit[s.id] = max(_afgerond_op(a) for a in eigen)
        elif s.status in ("geparkeerd", "afgehandeld"):
            uit[s.id] = datum_van.get(s.vergadering_id or "", s.datum)
    per_id = {s.id: s for s in signalen}
    for s in signalen:
        if s.status != "gebundeld":
            continue
        hoofd, gezien = s, {s.id}
        while hoofd.status == "gebundeld" and hoofd.gebundeld_in in per_id:
            hoofd = per_id[hoofd.gebundeld_in]
            if hoofd.id in gezien:  # een kring in beschadigde gegevens
                break
            gezien.add(hoofd.id)
        if hoofd.id in uit:
            uit[s.id] = uit[hoofd.id]
    return uit


@dataclass(frozen=True)
class Anonimisering:
    """Een signaal waarvan het contact weg moet (of weg is)."""

    wijkverband: str  # de naam
    signaal: str  # het kenmerk
    gesloten_op: date


def _regel(vandaag: date, tekst: str) -> str:
    return f"{vandaag:%d-%m-%Y}: {tekst}."


def toepassen(opslag, vandaag: date, uitvoeren: bool = True,
              wijkverbanden: list[str] | None = None) -> tuple[list[Anonimisering], list[str]]:
    """De bewaartermijn voor elk wijkverband (of alleen deze kenmerken): welke contacten weg
    moeten en welke reservekopieën; met ``uitvoeren`` gebeurt het ook. Geeft
    (anonimiseringen, kopieën)."""
    uit: list[Anonimisering] = []
    kortste = None
    for wv in opslag.wijkverbanden():
        if wijkverbanden is not None and wv.id not in wijkverbanden:
            continue
        termijn = max(MINIMUM, int(getattr(wv, "bewaartermijn_dagen", BEWAARTERMIJN)))
        kortste = termijn if kortste is None else min(kortste, termijn)
        signalen = opslag.signalen(wv.id)
        met_contact = [s for s in signalen if s.contact is not None]
        if not met_contact:
            continue
        gesloten = gesloten_sinds(signalen, opslag.acties(wv.id), opslag.vergaderingen(wv.id))
        for s in met_contact:
            sinds = gesloten.get(s.id)
            if sinds is not None and (vandaag - sinds).days >= termijn:
                uit.append(Anonimisering(wv.naam, s.id, sinds))
                if uitvoeren:
                    s.contact = None
                    s.historie.append(_regel(vandaag, NOTITIE))
                    opslag.bewaar_signaal(s)
    kopieen: list[str] = []
    if kortste is not None:
        grens = datetime.combine(vandaag - timedelta(days=kortste), time())
        if uitvoeren:
            kopieen = opslag.verwijder_reservekopieen(grens)
        else:
            from .opslag.reservekopie import moment_van

            kopieen = [k.name for k in opslag.reservekopieen()
                       if (m := moment_van(k)) is not None and m < grens]
    return uit, kopieen


def dagelijks(opslag, vandaag: date) -> list[Anonimisering]:
    """``toepassen``, hoogstens één keer per dag per wijkverband (de opslag onthoudt de dag:
    ``avg_nog_te_doen`` en ``bewaar_avg_merk``), en wat op verzoek gewist is opnieuw wissen.
    Een fout hier (een beschadigd vak, een volle schijf, een server die weg is) houdt het
    openen niet tegen: morgen opnieuw, en ``vergadering avg`` zegt wat er misgaat."""
    from .fouten import VergaderingFout

    try:
        te_doen = opslag.avg_nog_te_doen(vandaag)
        if not te_doen:
            return []
        gedaan, _ = toepassen(opslag, vandaag, wijkverbanden=te_doen)
        herhaal_verwijderingen(opslag, vandaag)
        opslag.bewaar_avg_merk(vandaag, te_doen)
    except (VergaderingFout, OSError):
        return []
    return gedaan


# --- inzage en verwijderen op verzoek ------------------------------------------------------


def _sleutel(tekst: str) -> str:
    """Vergelijkingsvorm van een naam: kleine letters, zonder accenten en dubbele spaties."""
    zonder = unicodedata.normalize("NFKD", tekst.casefold())
    zonder = "".join(c for c in zonder if not unicodedata.combining(c))
    return " ".join(zonder.split())


def vingerafdruk(naam: str) -> str:
    """Een onomkeerbare vingerafdruk van een naam (zo staat de naam zelf nergens meer)."""
    return hashlib.sha256(("vergadering-avg\n" + _sleutel(naam)).encode()).hexdigest()


@dataclass(frozen=True)
class Vondst:
    """Eén plek waar iets over de persoon staat."""

    wijkverband: str
    soort: str  # "signaal", "actie", "vergadering"
    kenmerk: str
    veld: str  # "contact", "tekst", "notities", ...
    tekst: str

    def als_json(self) -> dict[str, str]:
        """Voor ``vergadering avg --persoon NAAM --json``."""
        return {"wijkverband": self.wijkverband, "soort": self.soort, "kenmerk": self.kenmerk,
                "veld": self.veld, "tekst": self.tekst}


def _noemt(tekst: str, naam: str) -> bool:
    return bool(tekst) and _sleutel(naam) in _sleutel(tekst)


def _vrije_velden(soort: str, obj: Any) -> list[tuple[str, str, Any, str]]:
    """(veld, tekst, houder, attribuut) van de vrije tekst in een object."""
    if soort == "signaal":
        return [(v, getattr(obj, v), obj, v) for v in ("tekst", "reden", "thema", "buurt")]
    if soort == "actie":
        uit = [(v, getattr(obj, v), obj, v)
               for v in ("omschrijving", "eerste_stap", "verandering", "terugkoppelzin")]
        uit += [("toelichting", h.toelichting, h, "toelichting") for h in obj.historie]
        return uit
    uit = [("gasten", g, (obj.gasten, i), None) for i, g in enumerate(obj.gasten)]
    uit += [("notities", f.notities, f, "notities") for f in obj.fasen]
    uit += [("logboek", r.tekst, r, "tekst") for r in obj.logboek]
    uit += [("stemming", st.onderwerp, st, "onderwerp") for st in obj.stemmingen]
    tk = obj.terugkoppeling
    uit += [(f"terugkoppeling ({v})", getattr(tk, v), tk, v)
            for v in ("gehoord", "gedaan", "lukt_niet", "contact")]
    uit += [(v.replace("_", " "), getattr(obj, v), obj, v)
            for v in ("reden_extra_acties", "correcties_vorig", "vastgestelde_correcties")]
    uit += [(f"correctie ({v})", getattr(c, v), c, v)
            for c in obj.correcties for v in ("wat", "reden")]
    if obj.grenskeuze is not None:
        uit.append(("keuze op de grens", obj.grenskeuze.reden, obj.grenskeuze, "reden"))
    return uit


def _objecten(opslag) -> list[tuple[Any, str, Any]]:
    uit = []
    for wv in opslag.wijkverbanden():
        uit += [(wv, "signaal", s) for s in opslag.signalen(wv.id)]
        uit += [(wv, "actie", a) for a in opslag.acties(wv.id)]
        uit += [(wv, "vergadering", v) for v in opslag.vergaderingen(wv.id)]
    return uit


def inzage(opslag, naam: str) -> list[Vondst]:
    """Alles wat over ``naam`` bewaard is: een contact met die naam (of met die gegevens), en
    elke vrije tekst waarin de naam staat."""
    naam = naam.strip()
    uit: list[Vondst] = []
    for wv, soort, obj in _objecten(opslag):
        contact = getattr(obj, "contact", None) if soort == "signaal" else None
        if contact is not None and (_noemt(contact.naam, naam) or _noemt(contact.gegevens, naam)):
            uit.append(Vondst(wv.naam, soort, obj.id, "contact",
                              "; ".join(t for t in (contact.naam, contact.gegevens) if t)))
        for veld, tekst, _, _ in _vrije_velden(soort, obj):
            if _noemt(tekst or "", naam):
                uit.append(Vondst(wv.naam, soort, obj.id, veld, tekst))
    return uit


def _wis_uit(tekst: str, naam: str) -> str:
    from .privacy import Maskeerder

    return Maskeerder([naam])(tekst)  # de naam wordt "een bewoner"


def _wis(opslag, namen: list[str], vandaag: date) -> int:
    """Haal deze namen overal weg; geeft het aantal gewijzigde signalen, acties en
    vergaderingen."""
    gewijzigd = 0
    for _wv, soort, obj in _objecten(opslag):
        veranderd = False
        for naam in namen:
            contact = getattr(obj, "contact", None) if soort == "signaal" else None
            if contact is not None and (_noemt(contact.naam, naam)
                                        or _noemt(contact.gegevens, naam)):
                obj.contact = None
                veranderd = True
            for _, tekst, houder, attribuut in _vrije_velden(soort, obj):
                if not _noemt(tekst or "", naam):
                    continue
                nieuw = _wis_uit(tekst, naam)
                if attribuut is None:  # een gast: (lijst, plek)
                    lijst, plek = houder
                    lijst[plek] = nieuw
                else:
                    setattr(houder, attribuut, nieuw)
                veranderd = True
        if not veranderd:
            continue
        if soort == "signaal":
            obj.historie.append(_regel(vandaag, OP_VERZOEK))
            opslag.bewaar_signaal(obj)
        elif soort == "actie":
            opslag.bewaar_actie(obj)
        else:
            opslag.bewaar_vergadering(obj)
        gewijzigd += 1
    return gewijzigd


def verwijder(opslag, naam: str, vandaag: date) -> tuple[int, list[str]]:
    """Wis ``naam`` overal (zie ``inzage``), onthoud zijn vingerafdruk (eerst: mislukt het
    wissen halverwege, dan wist de volgende dag de rest), maak een nieuwe reservekopie en
    haal de oudere weg. Geeft (aantal gewijzigd, weggehaalde kopieën)."""
    naam = naam.strip()
    opslag.bewaar_avg_afdruk(vingerafdruk(naam), [wv.id for wv in opslag.wijkverbanden()])
    gewijzigd = _wis(opslag, [naam], vandaag)
    kopie = opslag.maak_reservekopie()
    return gewijzigd, opslag.verwijder_reservekopieen(behalve=kopie)


def herhaal_verwijderingen(opslag, vandaag: date) -> int:
    """Na een herstel: wis opnieuw wat op verzoek gewist was. Alleen de vingerafdrukken zijn
    bekend, dus elk contact wordt ermee vergeleken, en gevonden namen ook in de tekst."""
    afdrukken = set(opslag.lees_avg_afdrukken())
    if not afdrukken:
        return 0
    namen: set[str] = set()
    for wv in opslag.wijkverbanden():
        for s in opslag.signalen(wv.id):
            if s.contact is not None and vingerafdruk(s.contact.naam) in afdrukken:
                namen.add(s.contact.naam)
    return _wis(opslag, sorted(namen), vandaag) if namen else 0


def als_tekst(gedaan: list[Anonimisering], kopieen: list[str], uitgevoerd: bool) -> str:
    """Wat ``vergadering avg`` zegt."""
    if not gedaan and not kopieen:
        return "Er is niets te doen: geen contactgegevens of reservekopieën over hun termijn."
    regels = []
    werkwoord = "zijn geanonimiseerd" if uitgevoerd else "worden geanonimiseerd"
    if gedaan:
        regels.append(f"Contactgegevens van {len(gedaan)} "
                      f"{'signaal' if len(gedaan) == 1 else 'signalen'} {werkwoord}:")
        regels += [f"  {a.wijkverband}: signaal {a.signaal} (gesloten op "
                   f"{datums.lang(a.gesloten_op)})" for a in gedaan]
    if kopieen:
        regels.append(f"{len(kopieen)} {'reservekopie' if len(kopieen) == 1 else 'reservekopieën'}"
                      f" van vóór de bewaartermijn {'zijn' if uitgevoerd else 'worden'} "
                      f"weggehaald: {', '.join(kopieen)}")
    if not uitgevoerd:
        regels.append("Doe het met: vergadering avg --uitvoeren")
    return "\n".join(regels)


def als_json(vondsten: list[Vondst]) -> str:
    """De inzage als JSON."""
    return json.dumps([v.als_json() for v in vondsten], ensure_ascii=False, indent=2)
