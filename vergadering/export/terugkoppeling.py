"""De terugkoppeling aan bewoners (template 3): openbaar, in gewone taal, zonder privégegevens.

De tekst wordt één keer opgebouwd als reeks blokken en dan drie keer geschreven: als Word-
document, als platte tekst (voor nieuwsbrief of buurtapp) en als eenvoudige HTML (voor de
website, zonder iets van buiten). Zo staat in alle drie precies hetzelfde. Elke tekst die
iemand typte, gaat door de maskeerder: geen namen, e-mailadressen of telefoonnummers van
bewoners.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal

from .. import datums
from ..fouten import OngeldigeInvoer
from ..regels import voorstel_terugkoppeling
from ..terugkoppeling import KOPJES, Terugkoppeling, actiezin
from ..zinnen import zonder_slot
from .inhoud import Inhoud

Soort = Literal["titel", "ondertitel", "kop", "alinea", "punt"]
# De kopjes van template 3, genummerd zoals in het sjabloon.
KOPPEN = tuple(f"{n}. {kop}" for n, kop in enumerate(KOPJES, start=1))
_OPSOMMINGSTEKENS = ("- ", "* ", "• ", "– ")


@dataclass(frozen=True)
class Blok:
    """Eén stuk tekst van de terugkoppeling."""

    soort: Soort
    tekst: str


def _regels(tekst: str) -> list[Blok]:
    """Vrije tekst als alinea's; regels die met een streepje beginnen worden een opsomming."""
    uit: list[Blok] = []
    for regel in tekst.splitlines():
        regel = regel.strip()
        if not regel:
            continue
        for teken in _OPSOMMINGSTEKENS:
            if regel.startswith(teken):
                inhoud = regel[len(teken):].strip()
                if inhoud:
                    uit.append(Blok("punt", inhoud))
                break
        else:
            uit.append(Blok("alinea", regel))
    return uit


def _voorstel(inhoud: Inhoud) -> Terugkoppeling:
    """Het voorstel uit de vergadering; lukt dat niet omdat de teksten samen te lang zijn
    voor één veld, dan met ingekorte teksten (een export mag daar niet op stuklopen)."""
    v, wv = inhoud.vergadering, inhoud.wijkverband
    try:
        return voorstel_terugkoppeling(v, inhoud.signalen, inhoud.acties, wv)
    except OngeldigeInvoer:
        pass
    signalen = [replace(s, tekst=_kort(s.tekst), reden=_kort(s.reden)) for s in inhoud.signalen]
    acties = [replace(a, omschrijving=_kort(a.omschrijving), terugkoppelzin=_kort(a.terugkoppelzin))
              for a in inhoud.acties]
    try:
        return voorstel_terugkoppeling(v, signalen, acties, wv)
    except OngeldigeInvoer:
        huidig = v.terugkoppeling
        return Terugkoppeling(volgende_update=huidig.volgende_update or v.volgende_vergadering,
                              kanaal=huidig.kanaal, eigenaar=huidig.eigenaar)


def _kort(tekst: str, lengte: int = 150) -> str:
    return tekst if len(tekst) <= lengte else tekst[: lengte - 1].rstrip() + "…"


def blokken(inhoud: Inhoud, *, intern: bool = False) -> list[Blok]:
    """De hele terugkoppeling, blok voor blok, met de privégegevens er al uit.

    ``intern`` (voor het verslag) zet ook de eigenaar van de terugkoppeling erbij; in het
    openbare stuk staat die niet, net als op het scherm (``Terugkoppeling.onderdelen``).
    """
    v = inhoud.vergadering
    wv = inhoud.wijkverband
    m = inhoud.maskeer
    tk = v.terugkoppeling
    if tk.eindtekst.strip():
        # De notulist bewerkte de hele tekst na het sluiten: die wordt gepubliceerd. De
        # regels van de eigen contactregel houden hun (openbare) adres, zoals hieronder.
        uit = uit_tekst("\n".join(m(regel, openbare_contactregel=contact)
                                   for regel, contact in eindregels(tk)))
        if intern and tk.eigenaar:
            uit.append(Blok("alinea", "Eigenaar van de terugkoppeling: " + m(tk.eigenaar)))
        return uit
    # Wat in de vergadering niet ingevuld is, vullen we aan met het voorstel uit de
    # vergadering zelf (alleen tekst van signalen en acties, nooit contactgegevens).
    voorstel = _voorstel(inhoud)

    uit = [
        Blok("titel", "Terugkoppeling aan bewoners"),
        Blok("ondertitel", f"{wv.naam} — na de vergadering van {datums.lang(v.datum)}"),
        Blok(
            "alinea",
            "Wat is er gebeurd met wat u ons vertelde? Dat leest u hier in het kort.",
        ),
        Blok("kop", KOPPEN[0]),
    ]
    gehoord = _regels(m(tk.gehoord or voorstel.gehoord))
    uit += gehoord or [Blok("alinea", "Er kwamen deze ronde geen nieuwe signalen binnen.")]

    uit.append(Blok("kop", KOPPEN[1]))
    gedaan_tekst = m(tk.gedaan or voorstel.gedaan)
    gedaan = _regels(gedaan_tekst)
    # Elke actie één keer: wat, wie en wanneer staan al in het voorstel. Typte de notulist
    # zelf een tekst die een actie niet noemt, dan komt alleen die actie er als punt bij.
    planning = [Blok("punt", actiezin(actie, m)) for actie in
                (inhoud.actie(i) for i in v.acties)
                if actie is not None and not _genoemd(actie, gedaan_tekst, m)]
    if planning:
        gedaan += [Blok("alinea", "En verder:" if gedaan else "Dit gaan we doen:"), *planning]
    uit += gedaan or [Blok("alinea", "Deze ronde hebben we geen nieuwe actie gekozen.")]

    uit.append(Blok("kop", KOPPEN[2]))
    lukt_niet = _regels(m(tk.lukt_niet or voorstel.lukt_niet))
    uit += lukt_niet or [Blok("alinea", "Deze keer is hier niets te melden.")]

    uit.append(Blok("kop", KOPPEN[3]))
    volgende = tk.volgende_update or voorstel.volgende_update
    kanaal = m(tk.kanaal or voorstel.kanaal)
    uit.append(Blok("alinea", update_zin(volgende, kanaal)))
    eigenaar = tk.eigenaar or voorstel.eigenaar
    if intern and eigenaar:
        uit.append(Blok("alinea", "Eigenaar van de terugkoppeling: " + m(eigenaar)))

    uit.append(Blok("kop", KOPPEN[4]))
    # In de contactregel zet het wijkverband bewust een eigen adres of nummer; adressen en
    # nummers die van bewoners bekend zijn, gaan er ook hier uit.
    contact = _regels(m(tk.contact, openbare_contactregel=True))
    uit += contact or [
        Blok(
            "alinea",
            "Wilt u reageren of meedoen? Laat het ons weten"
            # Alleen een kanaalnaam ('buurtapp') past in deze zin, geen hele afspraak.
            + (f" via de {kanaal}" if kanaal and len(kanaal) <= 40 and "." not in kanaal
               else "")
            + " of kom naar de volgende vergadering.",
        )
    ]
    if v.volgende_vergadering:
        from ..volgende import in_woorden

        uit.append(Blok("alinea", f"De volgende vergadering is op {in_woorden(v)}."))
    return uit


def _genoemd(actie, tekst: str, m) -> bool:
    """Noemt de (getypte) tekst deze actie al? Op de omschrijving of de terugkoppelzin, ook
    in andere woorden (rapidfuzz): dan niet nog eens."""
    from rapidfuzz import fuzz

    laag = tekst.casefold()
    for naam in (m(actie.omschrijving), m(actie.terugkoppelzin)):
        kern = zonder_slot(naam).casefold()
        if kern and (kern in laag or fuzz.partial_ratio(kern, laag) >= 80):
            return True
    return False


# Hoe je een kanaal in een zin zet: 'in de nieuwsbrief', 'op de website'.
_VOORZETSEL = {"nieuwsbrief": "in de", "buurtkrant": "in de", "wijkkrant": "in de",
               "krant": "in de", "buurtapp": "in de", "app": "in de", "website": "op de",
               "inloop": "bij de", "facebook": "op", "instagram": "op", "whatsapp": "via"}


def update_zin(datum, kanaal: str) -> str:
    """'De volgende update staat op donderdag 3 december 2026 in de nieuwsbrief.'"""
    kanaal = zonder_slot(kanaal or "")
    woord = kanaal.casefold()
    if not kanaal:
        waar = ""
    elif woord in _VOORZETSEL:
        waar = f" {_VOORZETSEL[woord]} {woord}"
    else:
        waar = f" via {kanaal}"
    if datum is None:
        return f"De volgende update volgt nog; we laten het u weten{waar or ''}."
    return f"De volgende update staat op {datums.lang(datum)}{waar}."


def eindregels(tk: Terugkoppeling) -> list[tuple[str, bool]]:
    """De regels van de eindtekst, met per regel of het de eigen contactregel van het
    wijkverband is (daar mag zijn eigen adres of nummer blijven staan)."""
    eigen = {r.strip() for r in tk.contact.splitlines() if r.strip()}
    return [(r, r.strip().removeprefix("- ") in eigen) for r in tk.eindtekst.splitlines()]


def uit_tekst(tekst: str) -> list[Blok]:
    """Het omgekeerde van ``als_tekst``: een (bewerkte) platte tekst weer als blokken. Een
    regel met '====' eronder is de titel, met '----' eronder een kop; de regel direct onder
    de titel de ondertitel; '- ' een opsomming; de rest alinea's."""
    regels = tekst.splitlines()
    uit: list[Blok] = []
    i = 0
    while i < len(regels):
        regel = regels[i].strip()
        onder = regels[i + 1].strip() if i + 1 < len(regels) else ""
        if regel and onder and set(onder) == {"="}:
            uit.append(Blok("titel", regel))
            i += 2
            if i < len(regels) and regels[i].strip():
                uit.append(Blok("ondertitel", regels[i].strip()))
                i += 1
            continue
        if regel and onder and set(onder) == {"-"}:
            uit.append(Blok("kop", regel))
            i += 2
            continue
        if regel:
            uit += _regels(regel)
        i += 1
    return uit


def als_tekst(blokken_: list[Blok]) -> str:
    """De platte tekst: kopjes onderstreept, opsommingen met een streepje."""
    regels: list[str] = []
    for blok in blokken_:
        if blok.soort == "titel":
            regels += [blok.tekst, "=" * len(blok.tekst)]
        elif blok.soort == "kop":
            regels += ["", blok.tekst, "-" * len(blok.tekst)]
        elif blok.soort == "punt":
            regels.append(f"- {blok.tekst}")
        else:
            regels.append(blok.tekst)
    return "\n".join(regels) + "\n"


def schrijf_docx(inhoud: Inhoud, blokken_: list[Blok], pad: Path) -> None:
    """terugkoppeling.docx."""
    from .docx_hulp import Stuk

    v = inhoud.vergadering
    stuk = Stuk(
        f"Terugkoppeling aan bewoners — {inhoud.wijkverband.naam}",
        inhoud.wijkverband.naam,
        inhoud.moment,
        onderwerp=f"Na de vergadering van {datums.lang(v.datum)}",
        kopregel=f"{inhoud.wijkverband.naam} — terugkoppeling aan bewoners",
    )
    schrijf_blokken(stuk, blokken_, kopniveau=1)
    stuk.bewaar(pad)


def schrijf_blokken(stuk, blokken_: list[Blok], kopniveau: int = 1) -> None:
    """Blokken in een Word-document (ook gebruikt voor het verslag, een niveau lager)."""
    for blok in blokken_:
        if blok.soort == "titel":
            if kopniveau == 1:
                stuk.titel(blok.tekst)
        elif blok.soort == "ondertitel":
            if kopniveau == 1:
                stuk.ondertitel(blok.tekst)
        elif blok.soort == "kop":
            stuk.kop(blok.tekst, kopniveau)
        elif blok.soort == "punt":
            stuk.opsomming([blok.tekst])
        else:
            stuk.alinea(blok.tekst)


def als_html(blokken_: list[Blok], titel: str) -> str:
    """Eén toegankelijke HTML-pagina: taal nl, koppen als h1/h2, opsommingen als lijst, een
    beetje opmaak in de pagina zelf en niets van buiten (geen lettertypen, scripts of
    plaatjes), zodat een website of nieuwsbrief hem zo kan overnemen."""
    from html import escape

    from ..tekst import uitvoer_veilig

    def e(tekst: str) -> str:
        # Ook hier geen terminalcodes of richtingstekens (zie ``uitvoer_veilig``).
        return escape(uitvoer_veilig(tekst), quote=True)

    delen: list[str] = []
    in_lijst = False
    for blok in blokken_:
        if blok.soort == "punt" and not in_lijst:
            delen.append("<ul>")
            in_lijst = True
        elif blok.soort != "punt" and in_lijst:
            delen.append("</ul>")
            in_lijst = False
        tag = {"titel": "h1", "kop": "h2", "punt": "li", "ondertitel": "p class=\"sub\""}.get(
            blok.soort, "p")
        delen.append(f"<{tag}>{e(blok.tekst)}</{tag.split()[0]}>")
    if in_lijst:
        delen.append("</ul>")
    return (
        "<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        f"<title>{e(titel)}</title>\n"
        "<style>body{font-family:sans-serif;line-height:1.5;max-width:40em;margin:1em auto;"
        "padding:0 1em;color:#1a1a1a;background:#fff}h1{font-size:1.6em}h2{font-size:1.25em;"
        "margin-top:1.5em}.sub{color:#444}</style>\n</head>\n<body>\n<main>\n"
        + "\n".join(delen) + "\n</main>\n</body>\n</html>\n"
    )


def schrijf_html(inhoud: Inhoud, blokken_: list[Blok], pad: Path) -> None:
    """terugkoppeling.html (UTF-8), atomisch."""
    from .veilig_schrijven import schrijf_atomisch

    titel = f"Terugkoppeling aan bewoners — {inhoud.wijkverband.naam}"
    schrijf_atomisch(pad, als_html(blokken_, titel).encode("utf-8"))


def schrijf_txt(blokken_: list[Blok], pad: Path) -> None:
    """terugkoppeling.txt (UTF-8), atomisch."""
    from ..tekst import uitvoer_veilig
    from .veilig_schrijven import schrijf_atomisch

    # Dezelfde tekens als in het Word-document: stuurtekens, terminalcodes, richtingstekens
    # en losse surrogaten eruit.
    schrijf_atomisch(pad, uitvoer_veilig(als_tekst(blokken_)).encode("utf-8"))
