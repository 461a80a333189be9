"""actielijst.docx: alle open acties van het wijkverband, over de vergaderingen heen.

Plus wat sinds de vorige vergadering klaar of gestopt is, zodat te zien is wat er af is.
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
    stuk.bewaar(pad)


def actietabel(stuk, inhoud: Inhoud, acties: list[Actie]) -> None:
    """``acties`` (uit ``inhoud.actielijst()``) als tabel, ook in het verslag; achterstallige
    rijen vet."""
    if not acties:
        stuk.alinea("Er zijn geen open acties.")
        return
    rijen, vet = [], []
    for a in acties:
        rij, te_laat = inhoud.actierij(a)
        rijen.append(rij)
        vet.append(te_laat)
    stuk.tabel(ACTIEKOPPEN, rijen, ACTIEBREEDTES, vet=vet)
