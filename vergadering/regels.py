"""De regels van de ronde: stippen en top 5, hoeveel acties, sluiten, wat meegaat."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from . import datumcontrole, datums
from .actie import Actie, standaard_checkmoment
from .fouten import OngeldigeInvoer
from .signaal import Signaal, totaal, totalen
from .stemming import Stemming
from .tekst import MAX_TEKST, invoer, kort
from .termijn import eigenaar_uit, kanaal_uit, termijn_dagen
from .terugkoppeling import Terugkoppeling, actiezin
from .vergadering import Score, Vergadering
from .wijkverband import Lid, Wijkverband
from .zinnen import aantal, kort_op_zin, met_nummers, opsomming, zin, zinnen, zonder_slot

if TYPE_CHECKING:
    from .agendaklok import AgendaKlok

TOP = 5


@dataclass
class Plek:
    """Een signaal in de ranglijst van de stippen."""

    signaal: Signaal
    stippen: int
    positie: int
    gelijk: bool  # deelt de positie met een ander signaal
    bewoners: int = 0  # aantal bewoners, gebundelde signalen meegeteld


def _niet_gesloten(vergadering: Vergadering) -> None:
    if vergadering.gesloten:
        raise OngeldigeInvoer(
            "Deze vergadering is al gesloten; dit kan alleen in een open vergadering."
        )


def aanwezige_stemmers(wijkverband: Wijkverband, vergadering: Vergadering) -> list[Lid]:
    """De aanwezige leden met stemrecht."""
    aanwezig = set(vergadering.aanwezigen())
    return [lid for lid in wijkverband.stemgerechtigden() if lid.id in aanwezig]


def stippen_beschikbaar(wijkverband: Wijkverband, vergadering: Vergadering) -> int:
    """Aanwezige stemgerechtigde leden maal het aantal stippen per lid."""
    return len(aanwezige_stemmers(wijkverband, vergadering)) * wijkverband.stippen_per_lid


def stippen_gebruikt(vergadering: Vergadering) -> int:
    """Hoeveel stippen er al verdeeld zijn."""
    return sum(vergadering.stippen.values())


def zet_stippen(
    wijkverband: Wijkverband, vergadering: Vergadering, signaal_id: str, aantal: int
) -> None:
    """Geef een signaal een aantal stippen; meer dan er te verdelen zijn kan niet."""
    _niet_gesloten(vergadering)
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

    Signalen met evenveel stippen delen een positie en krijgen ``gelijk`` (als ze stippen
    hebben): de voorzitter beslist dan. ``Plek.bewoners`` telt de gebundelde signalen mee.
    Lineair in het aantal signalen (plus sorteren): het scherm vraagt dit na elke stip.
    """
    bewoners = totalen(signalen)
    kandidaten = [s for s in signalen if s.open]
    kandidaten.sort(key=lambda s: (-stippen.get(s.id, 0), -bewoners[s.id], s.datum, s.id))
    per_aantal = Counter(stippen.get(s.id, 0) for s in kandidaten)
    plekken: list[Plek] = []
    for i, s in enumerate(kandidaten):
        n = stippen.get(s.id, 0)
        positie = plekken[-1].positie if plekken and plekken[-1].stippen == n else i + 1
        # Zonder stippen is er niets te beslissen: die signalen doen niet mee.
        plekken.append(Plek(s, n, positie, n > 0 and per_aantal[n] > 1, bewoners[s.id]))
    return plekken


def gelijk_op_de_grens(plekken: list[Plek], top: int = TOP) -> list[Plek]:
    """De signalen die met evenveel stippen op en net na de laatste topplek staan.

    Leeg als de grens duidelijk is; anders moet de voorzitter kiezen.
    """
    if len(plekken) <= top:
        return []
    grens = plekken[top - 1].stippen
    if grens == 0 or plekken[top].stippen != grens:
        return []  # bij 0 stippen is de top gewoon korter dan vijf
    return [p for p in plekken if p.stippen == grens]


def voorlopige_top5(plekken: list[Plek], top: int = TOP) -> list[str]:
    """De signalen die nu in de top staan: de eerste ``top`` met minstens één stip.

    Bij gelijke stand op de grens (zie ``gelijk_op_de_grens``) is dit een voorstel op
    volgorde van aantal bewoners; de voorzitter beslist.
    """
    return [p.signaal.id for p in plekken if p.stippen > 0][:top]


def leg_top5_vast(
    vergadering: Vergadering,
    signaal_ids: list[str],
    moment: datetime,
    signalen: list[Signaal] | None = None,
) -> None:
    """Leg de top 5 vast (ten hoogste vijf, zonder dubbelen).

    Met ``signalen`` erbij wordt ook gecontroleerd dat elk signaal bestaat en nog open is
    (niet gebundeld, gekozen of afgehandeld in een eerdere ronde).
    """
    _niet_gesloten(vergadering)
    if not signaal_ids:
        raise OngeldigeInvoer("Kies minstens één signaal voor de top 5.")
    if len(signaal_ids) > TOP:
        raise OngeldigeInvoer(f"De top 5 heeft hoogstens {TOP} signalen; haal er een weg.")
    if len(set(signaal_ids)) != len(signaal_ids):
        raise OngeldigeInvoer("Een signaal staat twee keer in de top 5.")
    if signalen is not None:
        per_id = {s.id: s for s in signalen}
        for sid in signaal_ids:
            signaal = per_id.get(sid)
            if signaal is None:
                raise OngeldigeInvoer(f"Signaal '{str(sid)[:30]}' bestaat niet.")
            eerder_gekozen = signaal.status == "gekozen" and signaal.vergadering_id not in (
                None, vergadering.id)
            if signaal.status in ("gebundeld", "afgehandeld") or eerder_gekozen:
                raise OngeldigeInvoer(
                    f"Signaal '{sid}' is {signaal.status} en kan niet in de top 5."
                )
    vergadering.top5 = list(signaal_ids)
    vergadering.log(moment, f"Top {len(signaal_ids)} vastgelegd.")


def zet_score(
    vergadering: Vergadering, signaal_id: str, haalbaarheid: int, impact: int
) -> Score:
    """Weeg een signaal uit de top 5 op haalbaarheid en impact (elk 1–5)."""
    _niet_gesloten(vergadering)
    if signaal_id not in vergadering.top5:
        raise OngeldigeInvoer("Alleen signalen uit de top 5 worden gewogen.")
    score = Score(haalbaarheid, impact)
    vergadering.scores[signaal_id] = score
    return score


def volgorde_op_weging(vergadering: Vergadering) -> list[str]:
    """De top 5 op volgorde van haalbaarheid maal impact (hoogste eerst); ongewogen achteraan."""
    def sleutel(sid: str) -> tuple[int, int]:
        score = vergadering.scores.get(sid)
        return (-(score.totaal if score else 0), vergadering.top5.index(sid))

    return sorted(vergadering.top5, key=sleutel)


def controleer_stemmers(
    wijkverband: Wijkverband, vergadering: Vergadering, per_lid: dict[str, str]
) -> None:
    """Elk lid dat bij naam stemt, moet bestaan, stemrecht hebben en aanwezig zijn."""
    aanwezig = {lid.id for lid in aanwezige_stemmers(wijkverband, vergadering)}
    for lid_id in per_lid:
        lid = wijkverband.lid(lid_id)
        if lid is None:
            raise OngeldigeInvoer(f"'{str(lid_id)[:30]}' is geen lid van {wijkverband.naam}.")
        if not lid.stemrecht:
            raise OngeldigeInvoer(f"{lid.naam} heeft geen stemrecht; haal die stem weg.")
        if lid_id not in aanwezig:
            raise OngeldigeInvoer(
                f"{lid.naam} is niet aanwezig en kan niet meestemmen; zet {lid.naam} "
                "eerst op aanwezig of haal de stem weg."
            )


def nieuwe_stemming(
    wijkverband: Wijkverband,
    vergadering: Vergadering,
    onderwerp: str,
    moment: datetime,
    *,
    voor: int = 0,
    tegen: int = 0,
    onthouding: int = 0,
    per_lid: dict[str, str] | None = None,
    actie_id: str | None = None,
    signaal_id: str | None = None,
) -> Stemming:
    """Een gecontroleerde stemming (nog niet vastgelegd), met quorum en meerderheidsregel
    van het wijkverband en het aantal aanwezige stemgerechtigden van deze vergadering.

    Bij stemmen per lid moet elk genoemd lid bestaan, stemrecht hebben en aanwezig zijn;
    meer stemmen dan aanwezige stemgerechtigden wordt geweigerd.
    """
    _niet_gesloten(vergadering)
    if per_lid is not None:
        controleer_stemmers(wijkverband, vergadering, per_lid)
    return Stemming(
        id=f"{vergadering.id}-s{len(vergadering.stemmingen) + 1}",
        onderwerp=onderwerp,
        moment=moment,
        aanwezig=len(aanwezige_stemmers(wijkverband, vergadering)),
        quorum=wijkverband.benodigd_quorum(),
        regel=wijkverband.meerderheid,
        voor=voor,
        tegen=tegen,
        onthouding=onthouding,
        per_lid=dict(per_lid) if per_lid is not None else None,
        actie_id=actie_id,
        signaal_id=signaal_id,
    )


def leg_stemming_vast(vergadering: Vergadering, stemming: Stemming, moment: datetime) -> None:
    """Zet een stemming in de vergadering, met de uitslag in het logboek."""
    _niet_gesloten(vergadering)
    vergadering.stemmingen.append(stemming)
    vergadering.log(moment, f"Stemming over {zonder_slot(stemming.onderwerp)}: "
                            f"{stemming.uitslag()}")


def houd_stemming(
    wijkverband: Wijkverband,
    vergadering: Vergadering,
    onderwerp: str,
    moment: datetime,
    **stemmen: Any,
) -> Stemming:
    """``nieuwe_stemming`` en ``leg_stemming_vast`` in één keer (zelfde trefwoorden als
    ``nieuwe_stemming``); geeft de stemming terug."""
    stemming = nieuwe_stemming(wijkverband, vergadering, onderwerp, moment, **stemmen)
    leg_stemming_vast(vergadering, stemming, moment)
    return stemming


def laatste_stemming(vergadering: Vergadering, actie_id: str) -> Stemming | None:
    """De laatste stemming over deze actie in deze vergadering, of None."""
    over = [s for s in vergadering.stemmingen if s.actie_id == actie_id]
    return over[-1] if over else None


def neem_actie_aan(
    wijkverband: Wijkverband,
    vergadering: Vergadering,
    actie: Actie,
    moment: datetime,
    reden_extra: str = "",
    signalen: list[Signaal] | None = None,
) -> None:
    """Voeg een aangenomen actie toe aan de vergadering.

    Meer dan het maximum (standaard twee) mag alleen met een reden, die vastgelegd wordt:
    klein, herhaalbaar en zichtbaar. Is er over de actie gestemd, dan moet de laatste
    stemming aangenomen zijn. Met ``signalen`` erbij worden de bronsignalen van de actie
    op gekozen gezet.
    """
    if actie.id in vergadering.acties:
        return
    _niet_gesloten(vergadering)
    if actie.wijkverband_id != wijkverband.id:
        raise OngeldigeInvoer("Deze actie hoort bij een ander wijkverband.")
    stemming = laatste_stemming(vergadering, actie.id)
    if stemming is not None and not stemming.aangenomen:
        raise OngeldigeInvoer(
            f"De stemming over deze actie is niet aangenomen ({stemming.uitslag()}); "
            "stem opnieuw of kies een andere actie."
        )
    bronnen: list[Signaal] = []
    if signalen is not None:
        per_id = {s.id: s for s in signalen}
        bronnen = [per_id[sid] for sid in actie.signalen if sid in per_id]
        vast = [s for s in bronnen if s.status in ("gebundeld", "afgehandeld")]
        if vast:
            raise OngeldigeInvoer(
                f"Signaal '{vast[0].id}' is {vast[0].status}; kies het hoofdsignaal als bron."
            )
    if len(vergadering.acties) >= wijkverband.max_acties:
        reden = invoer(reden_extra, "de reden", maximum=1000)
        if not reden:
            raise OngeldigeInvoer(
                f"Er zijn al {len(vergadering.acties)} acties aangenomen; meer dan "
                f"{wijkverband.max_acties} kan alleen met een reden. Typ waarom."
            )
        vergadering.reden_extra_acties = reden
        vergadering.log(moment, zin(f"Extra actie aangenomen, reden: {zonder_slot(reden)}"))
    actie.vergadering_id = vergadering.id
    vergadering.acties.append(actie.id)
    for signaal in bronnen:
        signaal.kies(vergadering.id)
    vergadering.log(
        moment,
        f"Actie {actie.nummer} aangenomen: {zonder_slot(actie.omschrijving)} (eigenaar "
        f"{actie.eigenaar}, eerste stap {datums.kort(actie.eerste_stap_datum)}).",
    )


def trek_actie_terug(
    vergadering: Vergadering,
    actie: Actie,
    moment: datetime,
    signalen: list[Signaal] | None = None,
) -> None:
    """Maak het aannemen van een actie ongedaan (een vergissing in deze vergadering).

    Met ``signalen`` erbij gaan de bronsignalen die in deze vergadering gekozen werden
    terug naar nieuw.
    """
    _niet_gesloten(vergadering)
    if actie.id not in vergadering.acties:
        raise OngeldigeInvoer("Deze actie is in deze vergadering niet aangenomen.")
    vergadering.acties.remove(actie.id)
    actie.vergadering_id = None
    for signaal in signalen or []:
        if (
            signaal.id in actie.signalen
            and signaal.status == "gekozen"
            and signaal.vergadering_id == vergadering.id
        ):
            signaal.heropen()
    vergadering.log(moment, zin(f"Actie {actie.nummer} teruggetrokken: {actie.omschrijving}"))


def parkeer_niet_gekozen(
    vergadering: Vergadering, signalen: list[Signaal], reden: str, moment: datetime
) -> list[Signaal]:
    """Parkeer de signalen uit de top 5 die niet gekozen zijn, met één reden.

    Geeft de geparkeerde signalen terug (die moeten daarna bewaard worden).
    """
    _niet_gesloten(vergadering)
    schoon = invoer(reden, "de reden om te parkeren", verplicht=True, maximum=1000)
    per_id = {s.id: s for s in signalen}
    geparkeerd: list[Signaal] = []
    for sid in vergadering.top5:
        signaal = per_id.get(sid)
        al_geparkeerd = (
            signaal is not None
            and signaal.status == "geparkeerd"
            and signaal.vergadering_id == vergadering.id
        )
        # Wat in deze vergadering al met een eigen reden geparkeerd is, houdt die reden.
        if signaal is not None and signaal.open and not al_geparkeerd:
            signaal.parkeer(schoon, vergadering.id)
            geparkeerd.append(signaal)
    for signaal in geparkeerd:
        vergadering.log(moment, zinnen(f"Geparkeerd: {kort(signaal.tekst)}",
                                       f"Reden: {kort(schoon, 200)}"))
    return geparkeerd


def werk_status_bij(
    vergadering: Vergadering,
    actie: Actie,
    status: str,
    toelichting: str,
    moment: datetime,
    volgend_checkmoment: date | None = None,
) -> None:
    """Fase 3: de nieuwe status van een lopende actie, met een toelichting van één regel.

    Komt in de historie van de actie, in de lijst bijgewerkte acties en in het logboek.
    Na een check spreekt het wijkverband het volgende checkmoment af
    (``volgend_checkmoment``); dat ligt niet in het verleden.
    """
    _niet_gesloten(vergadering)
    if volgend_checkmoment is not None:  # de waarschuwingen zijn voor het formulier
        datumcontrole.volgend_checkmoment(volgend_checkmoment, moment.date(),
                                          actie.eerste_stap_datum)
    actie.zet_status(status, toelichting, moment, vergadering.id)
    if actie.id not in vergadering.statusupdates:
        vergadering.statusupdates.append(actie.id)
    uitleg = f": {actie.laatste_toelichting()}" if actie.laatste_toelichting() else ""
    vergadering.log(moment, zin(f"Actie {actie.nummer} {actie.status_in_woorden}{uitleg}"))
    if volgend_checkmoment is not None and volgend_checkmoment != actie.checkmoment:
        actie.checkmoment = volgend_checkmoment
        vergadering.log(
            moment, f"Actie {actie.nummer}: volgend checkmoment {datums.kort(volgend_checkmoment)}."
        )


def voorstel_volgend_checkmoment(actie: Actie, vandaag: date) -> date | None:
    """Het checkmoment om voor te stellen bij een statusupdate: het huidige als dat nog komt,
    anders (ook als het vandaag is: dan is dit de check) zes weken vanaf vandaag."""
    if not actie.open:
        return actie.checkmoment
    if actie.checkmoment is not None and actie.checkmoment > vandaag:
        return actie.checkmoment
    return standaard_checkmoment(vandaag)


def ontbreekt_voor_sluiten(vergadering: Vergadering, vandaag: date) -> list[str]:
    """Wat er nog moet gebeuren voordat de vergadering dicht kan."""
    return vergadering.terugkoppeling.ontbreekt(vandaag)


def waarschuwingen_voor_sluiten(
    vergadering: Vergadering, signalen: list[Signaal], acties: list[Actie]
) -> list[str]:
    """Wat de voorzitter nog zou willen doen, zonder dat het sluiten tegenhoudt.

    Lopende acties uit eerdere rondes zonder statusupdate, signalen uit de top 5 die
    nog niet gekozen of geparkeerd zijn, en aangenomen acties zonder eerste stap of
    terugkoppelzin.
    """
    uit: list[str] = []
    zonder_update = [
        a for a in lopende_acties(acties, vergadering)
        if a.id not in vergadering.statusupdates and a.update_tussendoor() is None
    ]
    if zonder_update:
        uit.append(zin(met_nummers("Actie", "Acties", [a.nummer for a in zonder_update],
                                   "kreeg", "kregen"), "geen statusupdate"))
    per_id = {s.id: s for s in signalen}
    open_in_top = [
        sid for sid in vergadering.top5 if sid in per_id and per_id[sid].status == "nieuw"
    ]
    if open_in_top:
        een = len(open_in_top) == 1
        uit.append(
            f"{aantal(len(open_in_top), 'signaal', 'signalen')} uit de top 5 "
            f"{'is' if een else 'zijn'} niet gekozen en niet geparkeerd; "
            f"{'het komt' if een else 'ze komen'} de volgende keer terug zonder reden."
        )
    if vergadering.volgende_vergadering is None:
        uit.append("De volgende vergadering is nog niet vastgesteld (d); het verslag zegt dan "
                   "'nog niet vastgesteld'.")
    for actie in acties:
        if actie.id in vergadering.acties:
            if not actie.eerste_stap:
                uit.append(f"Actie {actie.nummer} heeft nog geen beschreven eerste stap.")
            if not actie.terugkoppelzin:
                uit.append(f"Actie {actie.nummer} heeft nog geen terugkoppelzin voor bewoners.")
    return uit


def sluit(
    vergadering: Vergadering, moment: datetime, klok: AgendaKlok | None = None
) -> None:
    """Sluit de vergadering; zonder terugkoppeling met datum, kanaal en eigenaar kan dat niet.

    De klok van de fasen wordt stilgezet: met ``klok`` erbij via die klok, anders op
    ``moment``.
    """
    if vergadering.gesloten:
        return
    mist = ontbreekt_voor_sluiten(vergadering, moment.date())
    if mist:
        raise OngeldigeInvoer(
            "De vergadering kan nog niet dicht: de terugkoppeling mist "
            + opsomming(mist)
            + "."
        )
    if klok is None:
        from .agendaklok import AgendaKlok

        klok = AgendaKlok(vergadering, klok=moment.timestamp)
    klok.stop_alles()
    vergadering.gesloten_op = moment
    vergadering.log(moment, "Vergadering gesloten.")


def te_bespreken(signalen: list[Signaal]) -> list[Signaal]:
    """Wat meegaat naar de volgende vergadering: nieuwe en geparkeerde signalen."""
    return [s for s in signalen if s.open]


def lopende_acties(
    acties: list[Actie], vergadering: Vergadering | None = None
) -> list[Actie]:
    """Open acties uit eerdere rondes, oudste eerst: hun status komt in fase 3 aan bod.

    Met ``vergadering`` erbij blijven de acties weg die in die vergadering zelf zijn
    aangenomen.
    """
    eigen = set(vergadering.acties) if vergadering is not None else set()
    return sorted((a for a in acties if a.open and a.id not in eigen), key=lambda a: a.nummer)


def _passend(regels: list[str], maximum: int = MAX_TEKST) -> str:
    """Regels onder elkaar, ingekort tot het veld ze kan bevatten: een voorstel mag nooit
    geweigerd worden omdat de signalen lang zijn; de voorzitter kort verder in."""
    per_regel = max(80, maximum // max(1, len(regels)) - 1)
    korter = [r if len(r) <= per_regel else r[: per_regel - 1] + "…" for r in regels]
    return "\n".join(korter)[:maximum]


def voorstel_terugkoppeling(
    vergadering: Vergadering,
    signalen: list[Signaal],
    acties: list[Actie],
    wijkverband: Wijkverband,
    vandaag: date | None = None,
) -> Terugkoppeling:
    """Een eerste versie van template 3, opgebouwd uit deze vergadering.

    De volgende update: de termijn uit de participatieafspraken vanaf de vergadering (of vanaf
    ``vandaag`` als die later is: een vergadering die later hervat wordt), anders de volgende
    vergadering.

    Bevat alleen de tekst van signalen en acties, nooit contactgegevens van bewoners.
    Kanaal en eigenaar komen uit wat al is ingevuld, anders uit de participatieafspraken,
    anders (het kanaal) het eerste kanaal van het wijkverband.
    """
    per_id = {s.id: s for s in signalen}
    # Een lang signaal ingekort op een hele zin (nooit midden in een woord, nooit na 2.000
    # tekens); elke actie één keer: wat, wie en wanneer (``actiezin``).
    gehoord = [
        f"- {zonder_slot(kort_op_zin(per_id[sid].tekst, 200))} "
        f"({_bewoners(totaal(per_id[sid], signalen))})"
        for sid in vergadering.top5
        if sid in per_id
    ]
    gedaan = [f"- {actiezin(a)}" for a in acties if a.id in vergadering.acties]
    gedaan += [
        f"- {_stand_in_woorden(a)}"
        for a in acties
        if a.id not in vergadering.acties and a.id in vergadering.statusupdates
        and a.status in ("gepland", "loopt", "gereed")
    ]
    # Geparkeerde signalen met dezelfde reden samen onder die reden, niet de reden drie keer.
    per_reden: dict[str, list[str]] = {}
    for s in signalen:
        if s.status == "geparkeerd" and s.vergadering_id == vergadering.id:
            per_reden.setdefault(zonder_slot(s.reden), []).append(
                zonder_slot(kort_op_zin(s.tekst, 160)))
    lukt_niet = [
        f"- {teksten[0]}: {zin(reden, hoofdletter=False)}" if len(teksten) == 1
        else f"- {zin(reden)} Dat geldt voor: {'; '.join(teksten)}."
        for reden, teksten in per_reden.items()
    ]
    lukt_niet += [
        f"- {_stand_in_woorden(a)}"
        for a in acties
        if a.status in ("vastgelopen", "gestopt") and a.id in vergadering.statusupdates
    ]
    huidig = vergadering.terugkoppeling
    afspraken = wijkverband.afspraken
    return Terugkoppeling(
        gehoord=_passend(gehoord),
        gedaan=_passend(gedaan),
        lukt_niet=_passend(lukt_niet),
        volgende_update=huidig.volgende_update or volgende_update_volgens_afspraken(
            wijkverband, max(vergadering.datum, vandaag or vergadering.datum))
        or vergadering.volgende_vergadering,
        kanaal=huidig.kanaal
        or kanaal_uit(afspraken.terugkoppeling_kanaal, wijkverband.kanalen)
        or (wijkverband.kanalen[0] if wijkverband.kanalen else ""),
        eigenaar=huidig.eigenaar or eigenaar_uit(afspraken.terugkoppeling_eigenaar,
                                                 [lid.naam for lid in wijkverband.leden]),
        contact=huidig.contact,
    )


def _stand_in_woorden(actie: Actie) -> str:
    """'Een buurtmoestuin aan de Beekstraat is bezig: de eerste bakken staan.'"""
    toelichting = zonder_slot(actie.laatste_toelichting())
    return (f"{zonder_slot(actie.omschrijving)} {actie.status_in_woorden}"
            + (f": {toelichting}" if toelichting else "") + ".")


def termijn_volgens_afspraken(wijkverband: Wijkverband) -> int | None:
    """De termijn (dagen) voor de volgende update uit de participatieafspraken: eerst uit
    'via welk kanaal en wanneer', dan uit 'wat we terugkoppelen'; None zonder termijn."""
    a = wijkverband.afspraken
    for tekst in (a.terugkoppeling_kanaal, a.terugkoppeling_wat):
        dagen = termijn_dagen(tekst)
        if dagen is not None:
            return dagen
    return None


def volgende_update_volgens_afspraken(wijkverband: Wijkverband, vanaf: date) -> date | None:
    """``vanaf`` plus de termijn uit de participatieafspraken (None zonder termijn)."""
    dagen = termijn_volgens_afspraken(wijkverband)
    return vanaf + timedelta(days=dagen) if dagen is not None else None


def _bewoners(n: int) -> str:
    return "1 bewoner" if n == 1 else f"{n} bewoners"
