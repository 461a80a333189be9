"""De privacycheck op het mapje: welke vrije tekst van deze vergadering in de documenten komt.

Alles wat de documenten door ``Inhoud.maskeer`` halen, staat hier als (waar, tekst): zo noemt
de check precies wat openbaar (of in het verslag) kan komen. De terugkoppeling telt mee zoals
ze geschreven wordt: de eigen tekst van de vergadering, of anders het voorstel.
"""

from __future__ import annotations

from ..privacycheck import Vondst, onbeslist, verzamel_vondsten
from .inhoud import Inhoud

Tekst = tuple[str, str, bool]  # waar, tekst, contactregel


def openbare_teksten(inhoud: Inhoud) -> list[Tekst]:
    """Alle vrije tekst die in het mapje van deze vergadering komt."""
    from .terugkoppeling import _voorstel

    v = inhoud.vergadering
    uit: list[Tekst] = []

    def voeg(waar: str, tekst: object, contactregel: bool = False) -> None:
        if tekst and str(tekst).strip():
            uit.append((waar, str(tekst), contactregel))

    tk = v.terugkoppeling
    if tk.eindtekst.strip():
        # Wat de notulist na het sluiten bewerkte, is wat bewoners lezen.
        from .terugkoppeling import eindregels

        for regel, contact in eindregels(tk):
            voeg("terugkoppeling, eindtekst", regel, contact)
        voeg("terugkoppeling, de eigenaar", tk.eigenaar)
    else:
        voorstel = _voorstel(inhoud)
        for veld, label in (("gehoord", "wat we hoorden"), ("gedaan", "wat we doen"),
                            ("lukt_niet", "wat (nog) niet lukt"), ("kanaal", "het kanaal"),
                            ("eigenaar", "de eigenaar")):
            voeg(f"terugkoppeling, {label}", getattr(tk, veld) or getattr(voorstel, veld))
        voeg("terugkoppeling, contactregel", tk.contact, True)
    voeg("plaats", v.plaats)
    for gast in v.gasten:
        voeg("gasten", gast)
    signaal_ids = list(dict.fromkeys([*v.top5, *v.stippen]))
    acties = [a for a in (inhoud.actie(i) for i in dict.fromkeys(
        [*v.acties, *v.statusupdates])) if a is not None]
    for actie in acties:
        signaal_ids += actie.signalen
    signaal_ids += [s.id for s in inhoud.signalen
                    if s.status == "geparkeerd" and s.vergadering_id == v.id]
    for sid in dict.fromkeys(signaal_ids):
        signaal = inhoud.signaal(sid)
        if signaal is not None:
            voeg("signaal", signaal.tekst)
            voeg("reden bij een signaal (parkeerreden)", signaal.reden)
    for stemming in v.stemmingen:
        voeg("stemvoorstel", stemming.onderwerp)
    voeg("reden voor een extra actie", v.reden_extra_acties)
    for actie in {a.id: a for a in [*acties, *inhoud.actielijst()]}.values():
        n = actie.nummer
        voeg(f"actie {n}", actie.omschrijving)
        voeg(f"eerste stap van actie {n}", actie.eerste_stap)
        voeg(f"verandering bij actie {n}", actie.verandering)
        voeg(f"terugkoppelzin van actie {n}", actie.terugkoppelzin)
        for wijziging in actie.historie:
            voeg(f"toelichting bij actie {n}", wijziging.toelichting)
    for fase in v.fasen:
        voeg("agendapunt", fase.titel)  # een punt rond de cyclus is vrije tekst
        voeg(f"notities bij {fase.titel}", fase.notities)
    grens = getattr(v, "grenskeuze", None)
    if grens is not None:
        voeg("reden bij de keuze op de grens", grens.reden)
    for correctie in getattr(v, "correcties", []):
        voeg("correctie", correctie.wat)
        voeg("reden van een correctie", correctie.reden)
    voeg("correcties op het vorige verslag", getattr(v, "correcties_vorig", ""))
    voeg("vastgestelde correcties", getattr(v, "vastgestelde_correcties", ""))
    for regel in v.logboek:
        voeg("logboek", regel.tekst)
    afspraken = inhoud.wijkverband.afspraken
    for veld in vars(afspraken):
        voeg("participatieafspraken", getattr(afspraken, veld))
    return uit


def controleer(inhoud: Inhoud) -> list[Vondst]:
    """Alle vondsten van de privacycheck in het mapje van deze vergadering."""
    return verzamel_vondsten(openbare_teksten(inhoud), inhoud.maskeer)


def onbesliste(inhoud: Inhoud) -> list[Vondst]:
    """De vondsten waarover nog beslist moet worden."""
    return onbeslist(controleer(inhoud), inhoud.keuzes)


def privacycheck(opslag, wijkverband_id: str, vergadering_id: str
                 ) -> tuple[list[Vondst], dict[str, str]]:
    """De vondsten in het mapje van een vergadering en de keuzes die er al zijn (voor het
    scherm van de privacycheck)."""
    from datetime import date, datetime

    from .inhoud import verzamel

    inhoud = verzamel(opslag, wijkverband_id, vergadering_id, date.today(),
                      datetime.now().astimezone())
    return controleer(inhoud), dict(inhoud.keuzes)
