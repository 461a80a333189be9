"""Het jaarverslag impact.docx (issue 13): per pijn een grafiek, een tabel en twee zinnen in
gewone taal, geschreven uit de cijfers. Dit is wat een wijkverband één keer per jaar aan de
gemeente en de bewoners laat zien.

matplotlib wordt pas geladen als deze export draait (het kost een halve seconde); de
grafieken worden PNG's in het geheugen.

Het is een openbaar stuk, dus het gaat door dezelfde privacycheck als het mapje: alle vrije
tekst die erin komt (buurten en thema's zoals ze bij signalen getypt zijn, redenen van
acties, kanalen; ``openbare_teksten``) wordt nagelopen, en zolang iets wat op een
persoonsgegeven lijkt onbeslist is, wordt er niets geschreven (behalve met
``privacy_akkoord``). Daarna gaat alles door de maskeerder (``gemaskeerd``), ook de labels van
de grafieken: contactgegevens van bewoners komen nooit in dit stuk.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from datetime import date, datetime
from pathlib import Path

from .. import datums
from ..impact import (
    BUURT_ONBEKEND,
    GEEN_REDEN,
    THEMA_ONBEKEND,
    Impact,
    PerInwoners,
    impact,
    inwonercellen,
    maten_doorwerking,
    met_meldingen,
    periode,
    procent,
)
from ..praktijkvormen import PRAKTIJKVORMEN
from ..zinnen import aantal, opsomming, zin


def _vanaf(i: Impact) -> str:
    p = i.periode
    return p.naam if p.naam.isdigit() else p.in_woorden


# --- zinnen ----------------------------------------------------------------------------

def zinnen_bereik(i: Impact) -> list[str]:
    """Twee zinnen over het bereik ('In 2026 kwamen 212 signalen binnen …')."""
    b, r = i.bereik, i.representativiteit
    meeste = ""
    if b.signalen:
        vorm = max(b.per_vorm, key=lambda v: b.per_vorm[v])
        meeste = (f"; de meeste ({procent(r.aandeel_vorm[vorm].procent)}) via "
                  f"{PRAKTIJKVORMEN[vorm]}")
    eerste = zin(f"In {_vanaf(i)} kwam{'en' if b.signalen != 1 else ''} "
                 f"{aantal(b.signalen, 'signaal', 'signalen')} binnen van naar schatting "
                 f"{aantal(b.bewoners, 'bewoner', 'bewoners')}{meeste}")
    stil = r.stille_buurten
    tweede = (zin(f"Uit {opsomming(stil)} kwam niets") if stil
              else zin("Uit elke buurt van het wijkverband kwam minstens één signaal"))
    return [eerste, tweede]


def zinnen_spiegel(i: Impact) -> list[str]:
    """Twee zinnen over de representativiteit."""
    r = i.representativiteit
    if r.grootste_buurt:
        eerste = zin(f"De grootste buurt, {r.grootste_buurt}, gaf "
                     f"{procent(r.concentratie.procent)} van de signalen")
    else:
        eerste = zin("Van geen enkel signaal is de buurt bekend")
    onbekend = r.buurt_onbekend.aantal
    themas = r.stille_themas
    tweede = zin(
        f"Bij {aantal(onbekend, 'signaal', 'signalen')} is de buurt onbekend" if onbekend
        else "Van elk signaal is de buurt bekend",
        f"; over {opsomming(themas)} kwam geen signaal" if themas else "")
    return [eerste, tweede.replace(" ;", ";")]


def zin_inwoners(i: Impact) -> str:
    """Eén zin over de signalen per 1.000 inwoners, of leeg als dat van minder dan twee
    buurten bekend is."""
    bekend = [p for p in i.representativiteit.per_inwoners if p.per_1000 is not None]
    if len(bekend) < 2:
        return ""
    hoog = max(bekend, key=lambda p: p.per_1000 or 0)
    laag = min(bekend, key=lambda p: p.per_1000 or 0)
    return zin(f"Naar het aantal inwoners gerekend kwamen de meeste signalen uit {hoog.buurt} "
               f"({hoog.tekst()} per 1.000 inwoners) en de minste uit {laag.buurt} "
               f"({laag.tekst()})")


def zinnen_doorwerking(i: Impact) -> list[str]:
    """Twee zinnen over de doorwerking."""
    d = i.doorwerking
    n, top5, actie, gereed = (a.aantal for _, a in d.trechter)
    eerste = zin(f"Van de {aantal(n, 'signaal', 'signalen')} kwamen er {top5} in een top 5, "
                 f"werden er {actie} een actie en is bij {gereed} de actie gereed")
    duur, vast = d.besluit_tot_gereed, d.vastgelopen.aantal
    tweede = zin(
        f"Van besluit tot gereed duurde het meestal {duur.tekst()}" if duur.dagen is not None
        else "Er is nog geen actie gereed",
        f"; {aantal(vast, 'actie', 'acties')} liep{'en' if vast != 1 else ''} vast en "
        f"{d.gestopt.aantal} {'is' if d.gestopt.aantal == 1 else 'zijn'} gestopt")
    return [eerste, tweede.replace(" ;", ";")]


def zinnen_terugkoppeling(i: Impact) -> list[str]:
    """Twee zinnen over de terugkoppeling."""
    t = i.terugkoppeling
    m = t.met_terugkoppeling
    vergaderingen = aantal(m.n, "gesloten vergadering", "gesloten vergaderingen")
    eerste = zin(f"{m.aantal} van de {vergaderingen} eindigde{'n' if m.aantal != 1 else ''} "
                 "met een terugkoppeling aan bewoners")
    u = t.updates_op_tijd
    if u.n:
        tweede = zin(f"{u.aantal} van de {aantal(u.n, 'beloofde update', 'beloofde updates')} "
                     f"kwam{'en' if u.aantal != 1 else ''} op tijd",
                     f"; het meest via {next(iter(t.kanalen))}" if t.kanalen else "")
    else:
        tweede = zin("Er was nog geen beloofde update waarvan de datum voorbij is")
    return [eerste, tweede.replace(" ;", ";")]


# --- grafieken -------------------------------------------------------------------------

def _grafiek(titel: str, labels: Sequence[str], waarden: Sequence[float], *,
             liggend: bool = False) -> bytes:
    """Een staafgrafiek als PNG (matplotlib zonder scherm)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(6.3, 2.6), dpi=150)
    try:
        if liggend:
            ax.barh(list(labels)[::-1], list(waarden)[::-1], color="#1f3a5f")
        else:
            ax.bar(list(labels), list(waarden), color="#1f3a5f")
            ax.tick_params(axis="x", labelrotation=45, labelsize=7)
        ax.set_title(titel, fontsize=10)
        ax.spines[["top", "right"]].set_visible(False)
        fig.tight_layout()
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png")
        return buffer.getvalue()
    finally:
        plt.close(fig)


# --- privacy --------------------------------------------------------------------------

_VAST = frozenset({BUURT_ONBEKEND, THEMA_ONBEKEND, GEEN_REDEN})  # eigen woorden, geen invoer


def openbare_teksten(i: Impact) -> list[tuple[str, str, bool]]:
    """Alle vrije tekst die in impact.docx komt, als (waar, tekst, contactregel) voor de
    privacycheck. Stille buurten, de grootste buurt en de buurten per 1.000 inwoners zijn
    buurten uit ``per_buurt``; de rest zijn getallen en eigen zinnen."""
    b, d, t = i.bereik, i.doorwerking, i.terugkoppeling
    uit = [("naam van het wijkverband", i.wijkverband, False)]
    uit += [("buurt bij een signaal", k, False) for k in b.per_buurt if k not in _VAST]
    uit += [("thema bij een signaal", k, False) for k in b.per_thema if k not in _VAST]
    uit += [("reden bij een actie die vastliep of stopte", k, False)
            for k in d.redenen if k not in _VAST]
    uit += [("kanaal van een terugkoppeling", k, False) for k in t.kanalen]
    return uit


def gemaskeerd(i: Impact, masker: Callable[[str], str]) -> Impact:
    """Een kopie van ``i`` waarin elke vrije tekst door ``masker`` is gegaan. Worden twee
    namen hetzelfde ('[naam weggelaten]'), dan tellen hun aantallen samen."""
    def m(tekst: str) -> str:
        return tekst if tekst in _VAST else masker(tekst)

    def tel(d: dict[str, int]) -> dict[str, int]:
        uit: dict[str, int] = {}
        for k, n in d.items():
            uit[m(k)] = uit.get(m(k), 0) + n
        return uit

    per_inwoners: dict[str, PerInwoners] = {}
    for p in i.representativiteit.per_inwoners:
        naam, eerder = m(p.buurt), per_inwoners.get(m(p.buurt))
        if eerder is None:
            per_inwoners[naam] = p._replace(buurt=naam)
        else:  # samengevoegd: een weggelaten naam is geen buurt met een inwonertal
            per_inwoners[naam] = PerInwoners(naam, eerder.signalen + p.signalen, None, None)
    r = i.representativiteit
    return met_meldingen(i._replace(
        wijkverband=m(i.wijkverband),
        bereik=i.bereik._replace(per_buurt=tel(i.bereik.per_buurt),
                                 per_thema=tel(i.bereik.per_thema)),
        representativiteit=r._replace(
            stille_buurten=[m(k) for k in r.stille_buurten],
            stille_themas=[m(k) for k in r.stille_themas],
            grootste_buurt=m(r.grootste_buurt) if r.grootste_buurt else None,
            stil_laatste_maanden=[m(k) for k in r.stil_laatste_maanden],
            per_inwoners=list(per_inwoners.values())),
        doorwerking=i.doorwerking._replace(redenen=tel(i.doorwerking.redenen)),
        terugkoppeling=i.terugkoppeling._replace(kanalen=tel(i.terugkoppeling.kanalen)),
    ))


# --- het document ----------------------------------------------------------------------

def schrijf(i: Impact, pad: Path, nu: datetime) -> None:
    """Schrijf impact.docx naar ``pad`` (atomisch), zoals ``i`` het zegt: maskeren gebeurt
    vooraf (``gemaskeerd``)."""
    from docx.shared import Mm

    from .docx_hulp import Stuk

    p = i.periode
    van_tot = f"{datums.kort(p.van)} t/m {datums.kort(min(p.tot, i.vandaag))}"
    stuk = Stuk(f"Impact {i.wijkverband} {p.naam}", i.wijkverband, nu,
                onderwerp=f"Bereik, spiegel van de wijk, doorwerking en terugkoppeling, {van_tot}",
                kopregel=f"{i.wijkverband} — impact {p.in_woorden}")
    stuk.titel(f"Impact van {i.wijkverband}")
    stuk.ondertitel(f"{p.in_woorden[0].upper()}{p.in_woorden[1:]} ({van_tot}) — "
                    f"stand van {datums.lang(i.vandaag)}")
    stuk.alinea("Vier vragen: wie bereiken we, is het wijkverband een spiegel van de wijk, "
                "worden signalen acties, en horen bewoners wat ermee gedaan is? Bij elk "
                "cijfer staat over hoeveel het gaat (n).")

    def grafiek(png: bytes) -> None:
        stuk.doc.add_picture(io.BytesIO(png), width=Mm(160))

    b, r, d, t = i.bereik, i.representativiteit, i.doorwerking, i.terugkoppeling
    stuk.kop("Bereik van bewoners")
    for z in zinnen_bereik(i):
        stuk.alinea(z)
    grafiek(_grafiek("Signalen per maand", [m for m, _, _ in b.per_maand],
                     [n for _, n, _ in b.per_maand]))
    stuk.tabel(("Praktijkvorm", "Signalen", "Aandeel"),
               [(f"{v} — {PRAKTIJKVORMEN[v]}", str(n), procent(r.aandeel_vorm[v].procent))
                for v, n in b.per_vorm.items()], (90, 30, 30))
    stuk.tabel(("Maand", "Signalen", "Bewoners"),
               [(m, str(n), str(w)) for m, n, w in b.per_maand], (50, 30, 30))

    stuk.kop("Spiegel van de wijk")
    for z in zinnen_spiegel(i):
        stuk.alinea(z)
    grafiek(_grafiek("Signalen per buurt", list(b.per_buurt), list(b.per_buurt.values()),
                     liggend=True))
    if z := zin_inwoners(i):
        stuk.alinea(z)
    aandelen = [(k, str(n), procent(round(100 * n / r.n, 1) if r.n else None))
                for k, n in b.per_buurt.items()]
    if any(p.inwoners for p in r.per_inwoners):
        inwoners = {p.buurt: p for p in r.per_inwoners}
        stuk.tabel(("Buurt", "Signalen", "Aandeel", "Inwoners", "Per 1.000 inwoners"),
                   [(*rij, *inwonercellen(inwoners.get(rij[0]))) for rij in aandelen],
                   (55, 25, 25, 25, 30))
    else:
        stuk.tabel(("Buurt", "Signalen", "Aandeel"), aandelen, (90, 30, 30))
    stuk.tabel(("Thema", "Signalen"), [(k, str(n)) for k, n in b.per_thema.items()], (90, 30))

    stuk.kop("Doorwerking in acties")
    for z in zinnen_doorwerking(i):
        stuk.alinea(z)
    grafiek(_grafiek(f"Van signaal tot actie gereed (n = {d.trechter[0][1].n})",
                     [naam for naam, _ in d.trechter], [a.aantal for _, a in d.trechter],
                     liggend=True))
    stuk.tabel(("Maat", "Waarde"), [
        *((f"Trechter: {naam}", a.tekst()) for naam, a in d.trechter),
        *maten_doorwerking(d),
    ], (90, 60))
    if d.redenen:
        stuk.tabel(("Waarom vastgelopen of gestopt", "Keer"),
                   [(reden, str(n)) for reden, n in d.redenen.items()], (130, 20))

    stuk.kop("Terugkoppeling: wat is ermee gedaan?")
    for z in zinnen_terugkoppeling(i):
        stuk.alinea(z)
    u = t.updates_op_tijd
    grafiek(_grafiek("Beloofde updates", ["op tijd", "te laat"], [u.aantal, t.updates_te_laat]))
    stuk.tabel(("Maat", "Waarde"), [
        ("Vergaderingen met terugkoppeling", t.met_terugkoppeling.tekst()),
        ("Beloofde updates op tijd", u.tekst()),
        ("Signaal tot terugkoppeling (mediaan)", t.signaal_tot_terugkoppeling.tekst()),
        *((f"Kanaal: {k}", str(n)) for k, n in t.kanalen.items()),
    ], (90, 60))
    stuk.bewaar(pad)


def exporteer_impact(opslag, wijkverband, periode_tekst: str | None, doelmap: Path | None,
                     vandaag: date | None = None, nu: datetime | None = None,
                     privacy_akkoord: bool = False) -> Path:
    """Schrijf impact.docx van één wijkverband over de periode; geeft het pad terug.

    Zonder ``doelmap`` komt het in de map van het wijkverband onder de standaardmap
    (Documenten/Vergadering/<wijkverband>/impact.docx); een vorig verslag wordt vervangen.
    Eerst de privacycheck: de keuzes (behouden of maskeren) uit de vergaderingen van het
    wijkverband gelden; is er iets onbeslist, dan ``PrivacyOnbeslist`` en wordt er niets
    geschreven, behalve met ``privacy_akkoord`` (dan blijft het onbesliste staan).
    """
    from ..privacycheck import (
        alle_keuzes,
        maskeerder_voor_stukken,
        vereis_besluiten,
        verzamel_vondsten,
    )
    from .mapje import standaard_basismap, veilige_naam

    vandaag = vandaag or date.today()
    nu = nu or datetime.now().astimezone()
    p = periode(periode_tekst, vandaag)
    [uitkomst] = impact(opslag, vandaag, p.naam, wijkverband.id)
    vergaderingen = opslag.vergaderingen(wijkverband.id)
    laatste = max(vergaderingen, key=lambda v: (v.datum, v.id), default=None)
    keuzes = alle_keuzes(vergaderingen, laatste) if laatste is not None else {}
    masker = maskeerder_voor_stukken(wijkverband, opslag.signalen(wijkverband.id),
                                     opslag.acties(wijkverband.id), vergaderingen, keuzes)
    vereis_besluiten(verzamel_vondsten(openbare_teksten(uitkomst), masker), keuzes,
                     privacy_akkoord)
    map_ = Path(doelmap) if doelmap else standaard_basismap() / veilige_naam(wijkverband.naam)
    map_.mkdir(parents=True, exist_ok=True)
    pad = map_ / "impact.docx"
    schrijf(gemaskeerd(uitkomst, masker), pad, nu)
    return pad
