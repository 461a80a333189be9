"""De regels van de ronde: stippen en top 5, hoeveel acties, sluiten, wat meegaat."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from . import datums
from .actie import Actie
from .fouten import OngeldigeInvoer
from .signaal import Signaal, totaal
from .tekst import invoer
from .terugkoppeling import Terugkoppeling
from .vergadering import Vergadering
from .wijkverband import Wijkverband

TOP = 5


@dataclass
class Plek:
    """Een signaal in de ranglijst van de stippen."""

    signaal: Signaal
    stippen: int
    positie: int
    gelijk: bool  # deelt de positie met een ander signaal


def stippen_beschikbaar(wijkverband: Wijkverband, vergadering: Vergadering) -> int:
    """Aanwezige stemgerechtigde leden maal het aantal stippen per lid."""
    aanwezig = set(vergadering.aanwezigen())
    stemmers = [lid for lid in wijkverband.stemgerechtigden() if lid.id in aanwezig]
    return len(stemmers) * wijkverband.stippen_per_lid


def stippen_gebruikt(vergadering: Vergadering) -> int:
    """Hoeveel stippen er al verdeeld zijn."""
    return sum(vergadering.stippen.values())


def zet_stippen(
    wijkverband: Wijkverband, vergadering: Vergadering, signaal_id: str, aantal: int
) -> None:
    """Geef een signaal een aantal stippen; meer dan er te verdelen zijn kan niet."""
    if isinstance(aantal, bool) or not isinstance(aantal, int) or aantal < 0:
        raise OngeldigeInvoer("Het aantal stippen moet 0 of meer zijn.")
    beschikbaar = stippen_beschikbaar(wijkverband, vergadering)
    overig = stippen_gebruikt(vergadering) - vergadering.stippen.get(signaal_id, 0)
    if overig + aantal > beschikbaar:
        raise OngeldigeInvoer(
            f"Er zijn {beschikbaar} stippen te verdelen en er zijn er al {overig} gegeven; "
            f"dit signaal kan er hoogstens {beschikbaar - overig} krijgen."
        )
    if aantal:
        vergadering.stippen[signaal_id] = aantal
    else:
        vergadering.stippen.pop(signaal_id, None)


def ranglijst(signalen: list[Signaal], stippen: dict[str, int]) -> list[Plek]:
    """Open signalen (niet gebundeld) op volgorde van stippen, dan aantal bewoners, dan datum.

    Signalen met evenveel stippen delen een positie en krijgen ``gelijk``: de voorzitter
    beslist dan.
    """
    kandidaten = [s for s in signalen if s.open]
    kandidaten.sort(key=lambda s: (-stippen.get(s.id, 0), -totaal(s, signalen), s.datum, s.id))
    plekken: list[Plek] = []
    for i, s in enumerate(kandidaten):
        n = stippen.get(s.id, 0)
        positie = plekken[-1].positie if plekken and plekken[-1].stippen == n else i + 1
        plekken.append(Plek(s, n, positie, False))
    for plek in plekken:
        plek.gelijk = sum(1 for p in plekken if p.stippen == plek.stippen) > 1
    return plekken


def gelijk_op_de_grens(plekken: list[Plek], top: int = TOP) -> list[Plek]:
    """De signalen die met evenveel stippen op en net na de laatste topplek staan.

    Leeg als de grens duidelijk is; anders moet de voorzitter kiezen.
    """
    if len(plekken) <= top:
        return []
    grens = plekken[top - 1].stippen
    if plekken[top].stippen != grens:
        return []
    return [p for p in plekken if p.stippen == grens]


def leg_top5_vast(vergadering: Vergadering, signaal_ids: list[str], moment: datetime) -> None:
    """Leg de top 5 vast (ten hoogste vijf, zonder dubbelen)."""
    if not signaal_ids:
        raise OngeldigeInvoer("Kies minstens één signaal voor de top 5.")
    if len(signaal_ids) > TOP:
        raise OngeldigeInvoer(f"De top 5 heeft hoogstens {TOP} signalen; haal er een weg.")
    if len(set(signaal_ids)) != len(signaal_ids):
        raise OngeldigeInvoer("Een signaal staat twee keer in de top 5.")
    vergadering.top5 = list(signaal_ids)
    vergadering.log(moment, f"Top {len(signaal_ids)} vastgelegd.")


def volgorde_op_weging(vergadering: Vergadering) -> list[str]:
    """De top 5 op volgorde van haalbaarheid maal impact (hoogste eerst); ongewogen achteraan."""
    def sleutel(sid: str) -> tuple[int, int]:
        score = vergadering.scores.get(sid)
        return (-(score.totaal if score else 0), vergadering.top5.index(sid))

    return sorted(vergadering.top5, key=sleutel)


def neem_actie_aan(
    wijkverband: Wijkverband,
    vergadering: Vergadering,
    actie: Actie,
    moment: datetime,
    reden_extra: str = "",
) -> None:
    """Voeg een aangenomen actie toe aan de vergadering.

    Meer dan het maximum (standaard twee) mag alleen met een reden, die vastgelegd wordt:
    klein, herhaalbaar en zichtbaar.
    """
    if actie.id in vergadering.acties:
        return
    if len(vergadering.acties) >= wijkverband.max_acties:
        reden = invoer(reden_extra, "de reden", maximum=1000)
        if not reden:
            raise OngeldigeInvoer(
                f"Er zijn al {len(vergadering.acties)} acties aangenomen; meer dan "
                f"{wijkverband.max_acties} kan alleen met een reden. Typ waarom."
            )
        vergadering.reden_extra_acties = reden
        vergadering.log(moment, f"Extra actie aangenomen, reden: {reden}")
    actie.vergadering_id = vergadering.id
    vergadering.acties.append(actie.id)
    vergadering.log(
        moment,
        f"Actie {actie.nummer} aangenomen: {actie.omschrijving} (eigenaar {actie.eigenaar}, "
        f"eerste stap {datums.kort(actie.eerste_stap_datum)}).",
    )


def ontbreekt_voor_sluiten(vergadering: Vergadering, vandaag: date) -> list[str]:
    """Wat er nog moet gebeuren voordat de vergadering dicht kan."""
    return vergadering.terugkoppeling.ontbreekt(vandaag)


def sluit(vergadering: Vergadering, moment: datetime) -> None:
    """Sluit de vergadering; zonder terugkoppeling met datum, kanaal en eigenaar kan dat niet."""
    if vergadering.gesloten:
        return
    mist = ontbreekt_voor_sluiten(vergadering, moment.date())
    if mist:
        raise OngeldigeInvoer(
            "De vergadering kan nog niet dicht: de terugkoppeling mist "
            + _opsomming(mist)
            + "."
        )
    vergadering.gesloten_op = moment
    vergadering.log(moment, "Vergadering gesloten.")


def _opsomming(delen: list[str]) -> str:
    if len(delen) == 1:
        return delen[0]
    return ", ".join(delen[:-1]) + " en " + delen[-1]


def te_bespreken(signalen: list[Signaal]) -> list[Signaal]:
    """Wat meegaat naar de volgende vergadering: nieuwe en geparkeerde signalen."""
    return [s for s in signalen if s.open]


def lopende_acties(acties: list[Actie]) -> list[Actie]:
    """Open acties uit eerdere rondes, oudste eerst: hun status komt in fase 3 aan bod."""
    return sorted((a for a in acties if a.open), key=lambda a: a.nummer)


def voorstel_terugkoppeling(
    vergadering: Vergadering,
    signalen: list[Signaal],
    acties: list[Actie],
    wijkverband: Wijkverband,
) -> Terugkoppeling:
    """Een eerste versie van template 3, opgebouwd uit deze vergadering.

    Bevat alleen de tekst van signalen en acties, nooit contactgegevens van bewoners.
    """
    per_id = {s.id: s for s in signalen}
    gehoord = [
        f"- {per_id[sid].tekst} ({totaal(per_id[sid], signalen)} bewoners)"
        for sid in vergadering.top5
        if sid in per_id
    ]
    deze = [a for a in acties if a.id in vergadering.acties]
    gedaan = [
        f"- {a.omschrijving}: eerste stap {a.eerste_stap or 'wordt gepland'} vóór "
        f"{datums.kort(a.eerste_stap_datum)}, we kijken op {datums.kort(a.checkmoment)} "
        f"hoe het gaat."
        for a in deze
    ]
    gedaan += [
        f"- {a.omschrijving}: {a.status}"
        + (f" ({a.laatste_toelichting()})" if a.laatste_toelichting() else "")
        for a in acties
        if a.id not in vergadering.acties and a.id in vergadering.statusupdates
        and a.status in ("loopt", "gereed")
    ]
    lukt_niet = [
        f"- {s.tekst}: {s.reden}"
        for s in signalen
        if s.status == "geparkeerd" and s.vergadering_id == vergadering.id
    ]
    lukt_niet += [
        f"- {a.omschrijving}: {a.laatste_toelichting() or a.status}"
        for a in acties
        if a.status in ("vastgelopen", "gestopt") and a.id in vergadering.statusupdates
    ]
    huidig = vergadering.terugkoppeling
    return Terugkoppeling(
        gehoord="\n".join(gehoord),
        gedaan="\n".join(gedaan),
        lukt_niet="\n".join(lukt_niet),
        volgende_update=huidig.volgende_update or vergadering.volgende_vergadering,
        kanaal=huidig.kanaal or (wijkverband.kanalen[0] if wijkverband.kanalen else ""),
        eigenaar=huidig.eigenaar,
        contact=huidig.contact,
    )
