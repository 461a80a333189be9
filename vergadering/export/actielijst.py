"""actielijst.docx: alle open acties van het wijkverband, over de vergaderingen heen.

Plus, in een eigen groep, wat sinds de vorige vergadering klaar of gestopt is, zodat te zien
is wat er af is. Daarna voor elke actie die in deze vergadering besloten is het blad van
template 2 (van signaal naar actie): het signaal, de beoogde verandering voor bewoners, de
actie met eigenaar en partners, de eerste stap, het checkmoment en de terugkoppelzin.
Achterstand staat er in woorden ("ACHTERSTALLIG (eerste stap te laat)"), niet alleen in
opmaak: ook wie het zwart-wit afdrukt of een schermlezer gebruikt, ziet het.
"""

from __future__ import annotations

from pathlib import Path

from .. import datums
from ..actie import Actie
from .inhoud import ACTIEBREEDTES, ACTIEKOPPEN, Inhoud


def schrijf(inhoud: Inhoud, pad: Path) -> None:
    """Schrijf actielijst.docx naar ``pad`` (atomisch)."""
    from .docx_hulp import Stuk

    wv = inhoud.wijkverband
    v = inhoud.vergadering
    stuk = Stuk(
        f"Actielijst {wv.naam}",
        wv.naam,
        inhoud.moment,
        onderwerp=f"Na de vergadering van {datums.lang(v.datum)}",
        kopregel=f"{wv.naam} — actielijst, stand van {datums.kort(inhoud.vandaag)}",
        liggend=True,
    )
    stuk.titel(f"Actielijst {wv.naam}")
    stuk.ondertitel(
        f"Na de vergadering van {datums.lang(v.datum)} — stand van {datums.lang(inhoud.vandaag)}"
    )
    acties = inhoud.actielijst()
    open_ = sum(1 for a in acties if a.open)
    te_laat = sum(1 for a in acties if a.achterstallig(inhoud.vandaag))
    samenvatting = f"{open_} open {'actie' if open_ == 1 else 'acties'}"
    if len(acties) > open_:
        samenvatting += f", {len(acties) - open_} sinds de vorige vergadering afgerond of gestopt"
    if te_laat:
        samenvatting += f"; {te_laat} achterstallig"
    stuk.alinea(samenvatting + ".")
    actietabel(stuk, inhoud, acties)
    for actie in acties:
        if actie.vergadering_id == v.id:
            _actieblad(stuk, inhoud, actie)
    stuk.bewaar(pad)


# De punten van template 2, in zijn volgorde (het zevende, de terugkoppeling, als laatste).
TEMPLATE_2 = (
    "1. Signaal uit de wijk",
    "2. Beoogde opbrengst voor inwoners",
    "3. Actie van het hechte wijkverband",
    "4. Eigenaarschap en partners",
    "5. Eerste stap (binnen 2 weken)",
    "6. Checkmoment / evaluatie",
    "7. Terugkoppeling aan inwoners (1 zin)",
)


def _actieblad(stuk, inhoud: Inhoud, actie: Actie) -> None:
    """Template 2 voor één nieuwe actie, op een eigen pagina."""
    m = inhoud.maskeer
    stuk.nieuwe_pagina()
    stuk.kop(f"Van signaal naar actie: actie {actie.nummer}")
    signalen = [s for s in map(inhoud.signaal, actie.signalen) if s is not None]
    nog_niet = "Nog niet ingevuld."
    eerste = m(actie.eerste_stap) or nog_niet
    if actie.eerste_stap_datum:
        # "…verspreiden, vóór dinsdag 1 december 2026." (niet "…verspreiden. (vóór …)")
        eerste = (f"{eerste.rstrip().rstrip('.!?:;,').rstrip()}, vóór "
                  f"{datums.lang(actie.eerste_stap_datum)}.")
    partners = ", ".join(actie.partners) or "geen"
    waarden = (
        " ".join(m(s.tekst) for s in signalen) or "Geen signaal gekoppeld.",
        m(actie.verandering) or nog_niet,
        m(actie.omschrijving),
        f"Eigenaar: {actie.eigenaar}. Partners: {partners}.",
        eerste,
        datums.lang(actie.checkmoment) if actie.checkmoment else nog_niet,
        m(actie.terugkoppelzin) or nog_niet,
    )
    for kop, waarde in zip(TEMPLATE_2, waarden, strict=True):
        stuk.alinea(waarde, label=kop)


def actietabel(stuk, inhoud: Inhoud, acties: list[Actie]) -> None:
    """``acties`` (uit ``inhoud.actielijst()``) als tabel, ook in het verslag: eerst de open,
    dan in een eigen groep wat sinds de vorige vergadering klaar of gestopt is; achterstallige
    rijen vet."""
    open_ = [a for a in acties if a.open]
    af = [a for a in acties if not a.open]
    if not open_:
        stuk.alinea("Er zijn geen open acties.")
    else:
        _tabel(stuk, inhoud, open_)
    if af:
        stuk.nadruk("Afgerond of gestopt sinds de vorige vergadering")
        _tabel(stuk, inhoud, af)


def _tabel(stuk, inhoud: Inhoud, acties: list[Actie]) -> None:
    rijen, vet = [], []
    for a in acties:
        rij, te_laat = inhoud.actierij(a)
        rijen.append(rij)
        vet.append(te_laat)
    stuk.tabel(ACTIEKOPPEN, rijen, ACTIEBREEDTES, vet=vet)
