"""De beamer: wat de zaal ziet. Grote klok, de fase, de agenda en de inhoud van de fase.

Rustig en groot, zonder invoervelden en zonder persoonsgegevens van bewoners: contact-
gegevens van een signaal (``Signaal.contact``) worden nooit getoond, en e-mailadressen,
telefoonnummers en namen van die contacten worden uit vrije tekst gehaald
(``vergadering.privacy``) voordat iets op het scherm komt.

De inhoud wordt per fase als blokken tekst opgebouwd en pas bij het tekenen op de breedte
en hoogte van het venster gezet: op 80×24 past zo toch het belangrijkste, op een groot
scherm staat alles er ruim.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer, Static

from vergadering import datums, regels
from vergadering.actie import Actie
from vergadering.agendaklok import AgendaKlok
from vergadering.fouten import VergaderingFout
from vergadering.privacy import maskeerder_voor
from vergadering.privacycheck import eigen_namen
from vergadering.signaal import Signaal
from vergadering.stemming import Stemming
from vergadering.tekst import een_regel, zonder_stuurcodes
from vergadering.terugkoppeling import Terugkoppeling
from vergadering.vergadering import Vergadering
from vergadering.wijkverband import Wijkverband
from vergadering.zinnen import aantal

from .klok import Agendabalk, FaseKlok
from .opmaak import pas
from .thema import BEAMER_THEMA, THEMAS


@dataclass
class BeamerInhoud:
    """Alles wat de beamer toont, zoals de app het nu heeft."""

    wijkverband_naam: str
    vergadering: Vergadering
    signalen: list[Signaal]
    acties: list[Actie]
    # Voor de privacycheck: namen van het wijkverband zelf zijn geen persoonsgegevens.
    wijkverband: Wijkverband | None = None


# --- privacy ----------------------------------------------------------------------------

class _Masker:
    """Maskeert vrije tekst voor de zaal met ``vergadering.privacy``: e-mailadressen,
    telefoonnummers en de namen en gegevens van bekende contacten van signalen eruit."""

    def __init__(self, signalen: Iterable[Signaal], behouden: Iterable[str],
                 keuzes: dict[str, str] | None = None, bekend: Iterable[str] = ()) -> None:
        # Met de keuzes van de privacycheck: wat onbeslist is, gaat altijd weg.
        self._m = maskeerder_voor(list(signalen), behouden=list(behouden),
                                  besluiten=dict(keuzes or {}), bekend=list(bekend))
        # Elke keer tekenen (ook bij een andere venstergrootte) maskeert dezelfde teksten.
        self._onthouden: dict[tuple[str, bool], str] = {}

    def __call__(self, tekst: str, *, openbaar: bool = False) -> str:
        sleutel = (tekst, openbaar)
        if sleutel not in self._onthouden:
            self._onthouden[sleutel] = self._m(tekst, openbare_contactregel=openbaar)
        return self._onthouden[sleutel]


# --- opmaak -----------------------------------------------------------------------------


def _hak(woord: str, breedte: int) -> tuple[str, str]:
    """Splits een te lang woord: het deel dat in ``breedte`` kolommen past, en de rest."""
    kolommen = 0
    for i, teken in enumerate(woord):
        kolommen += cell_len(teken)
        if kolommen > breedte:
            return woord[: max(i, 1)], woord[max(i, 1):]
    return woord, ""


def _ombreken(tekst: str, breedte: int, inspring: int = 0) -> list[str]:
    """Breek tekst af op woorden, gemeten in schermkolommen (dus ook met emoji goed).

    Vervolgregels springen ``inspring`` kolommen in (voor opsommingen).
    """
    breedte = max(breedte, 8)
    uit: list[str] = []
    regel = ""
    # Alleen op gewone spaties: een harde spatie (in datums) houdt woorden bij elkaar.
    for woord in (w for w in tekst.split(" ") if w):
        ruimte = breedte - (inspring if uit else 0)
        kandidaat = f"{regel} {woord}" if regel else woord
        if cell_len(kandidaat) <= ruimte:
            regel = kandidaat
            continue
        if regel:
            uit.append(regel)
            regel = ""
        while cell_len(woord) > breedte - inspring:  # één heel lang woord: hakken
            stuk, woord = _hak(woord, breedte - inspring)
            uit.append(stuk)
        regel = woord
    if regel:
        uit.append(regel)
    return [(" " * inspring if i else "") + r for i, r in enumerate(uit)]


Item = list[Text]  # één item van een lijst: één of meer schermregels


@dataclass
class Blok:
    """Een kop met items; de laatste items kunnen wegvallen als het scherm te laag is."""

    kop: str
    items: list[Item] = field(default_factory=list)
    leeg: str = ""  # wat er staat als er geen items zijn
    ruim: bool = False  # bij genoeg ruimte een witregel tussen de items
    voorrang: int = 0  # bij te weinig ruimte wordt eerst het blok met de laagste ingekort
    verborgen: int = 0  # items die niet eens opgebouwd zijn (passen toch nooit)
    # Nooit inkorten (de aangenomen acties: de zaal moet ze allemaal zien); past het dan niet,
    # dan bladert de inhoud vanzelf (``Faseinhoud``).
    alles: bool = False


def schik(blokken: list[Blok], breedte: int, hoogte: int) -> Text:
    """Zet de blokken in ``hoogte`` regels (zie ``schik_regels``); wat daar niet in past,
    valt weg."""
    tekst = Text("\n", no_wrap=True, overflow="ellipsis", end="").join(
        schik_regels(blokken, breedte, hoogte)[: max(hoogte, 1)])
    tekst.no_wrap = True
    return tekst


def schik_regels(blokken: list[Blok], breedte: int, hoogte: int) -> list[Text]:
    """Zet de blokken in ``hoogte`` regels.

    Is er ruimte over, dan krijgen lijsten (``ruim``) een witregel tussen de items: beter
    leesbaar van achter in de zaal. Is er te weinig, dan vervalt eerst de witregel tussen
    blokken, dan worden blokken ingekort (laagste ``voorrang`` eerst, dan de langste) tot er
    "… en nog N" staat (N items); zo houdt elk blok zijn kop en minstens één item. Blokken
    met ``alles`` worden nooit ingekort: dan kunnen het meer dan ``hoogte`` regels worden.
    """
    hoogte = max(hoogte, 1)
    inhoud = [b.items or [[Text(b.leeg, style="italic")]] for b in blokken]
    toon = [len(items) for items in inhoud]

    def meer(i: int) -> int:
        return len(inhoud[i]) - toon[i] + blokken[i].verborgen

    def regels_van(i: int) -> int:
        n = sum(len(item) for item in inhoud[i][: toon[i]])
        return n + (1 if meer(i) else 0)

    def nodig(tussen: bool) -> int:
        n = sum(1 + regels_van(i) for i in range(len(blokken)))
        return n + (len(blokken) - 1 if tussen else 0)

    tussen = nodig(True) <= hoogte
    extra = sum(len(b.items) for b in blokken if b.ruim)
    ruim = tussen and not any(b.verborgen for b in blokken) and nodig(True) + extra <= hoogte
    while nodig(tussen) > hoogte:
        kandidaten = [i for i in range(len(blokken)) if toon[i] > 1 and not blokken[i].alles]
        if not kandidaten:
            break
        toon[min(kandidaten, key=lambda i: (blokken[i].voorrang, -regels_van(i)))] -= 1
    uit: list[Text] = []
    for b, items in enumerate(inhoud):
        if b and tussen:
            uit.append(Text(""))
        uit.append(Text(pas(blokken[b].kop, breedte), style="bold underline"))
        for item in items[: toon[b]]:
            if ruim and blokken[b].ruim and blokken[b].items:
                uit.append(Text(""))
            uit.extend(item)
        if meer(b):
            uit.append(Text(pas(f"  … en nog {meer(b)}", breedte), style="italic"))
    return uit


def _balk(n: int, hoogste: int, breedte: int) -> str:
    """Een balk voor n stippen; de hoogste vult de hele breedte."""
    if hoogste <= 0 or n <= 0:
        return ""
    return "█" * max(1, round(n / hoogste * breedte))


def _stippen_woord(n: int) -> str:
    return aantal(n, "stip", "stippen")


# --- de drie fasen --------------------------------------------------------------------


@dataclass
class Voorbereid:
    """Wat per nieuwe inhoud één keer berekend wordt, los van de grootte van het venster."""

    inhoud: BeamerInhoud
    masker: _Masker
    _plekken: list[regels.Plek] | None = None

    @property
    def plekken(self) -> list[regels.Plek]:
        """De ranglijst van de open signalen; pas als een fase erom vraagt (fase 3 niet),
        en dan één keer."""
        if self._plekken is None:
            self._plekken = regels.ranglijst(self.inhoud.signalen, self.inhoud.vergadering.stippen)
        return self._plekken

    def tekst(self, signaal: Signaal) -> str:
        """De tekst van een signaal zoals de zaal hem ziet: gemaskeerd, op één regel."""
        return een_regel(self.masker(signaal.tekst))


def blokken_signalen(vb: Voorbereid, breedte: int, hoogte: int) -> list[Blok]:
    """Fase 1: de ranglijst van de stippen als balken; gelijke plekken gemarkeerd.

    Alleen de rijen die op het scherm kunnen staan worden opgebouwd (``hoogte``); de rest
    telt mee in "… en nog N".
    """
    vergadering = vb.inhoud.vergadering
    plekken = vb.plekken
    verdeeld = regels.stippen_gebruikt(vergadering)
    met = [p for p in plekken if p.stippen > 0]
    zichtbaar_met = met[:hoogte]
    zonder = [p for p in plekken if p.stippen == 0][: max(0, hoogte - len(zichtbaar_met))]
    verborgen = len(plekken) - len(zichtbaar_met) - len(zonder)
    hoogste = max((p.stippen for p in met), default=0)
    # Kolommen: plek (4) · tekst · balk met aantal · "gelijk". De tekst krijgt de ruimte.
    balkbreedte = max(3, min(40, breedte // 5))
    staart = len(" 99  gelijk")
    langste = max((cell_len(vb.tekst(p.signaal)) for p in zichtbaar_met), default=0)
    tekstbreedte = max(12, min(langste, breedte - 4 - 2 - balkbreedte - staart))
    # Vet: de vastgelegde top 5, of zolang die er niet is de voorlopige (plek 1 t/m 5).
    top = set(vergadering.top5) or {p.signaal.id for p in met if p.positie <= regels.TOP}
    rijen: list[Item] = []
    for plek in zichtbaar_met:
        merk = f"{plek.positie}{'=' if plek.gelijk else ''}".rjust(3) + " "
        tekst = pas(vb.tekst(plek.signaal), tekstbreedte).ljust(tekstbreedte)
        rij = Text()
        rij.append(merk, style="bold")
        rij.append(tekst, style="bold" if plek.signaal.id in top else "")
        rij.append("  ")
        rij.append(_balk(plek.stippen, hoogste, balkbreedte))
        rij.append(f" {plek.stippen}", style="bold")
        if plek.gelijk:
            rij.append("  gelijk", style="italic")
        rijen.append([rij])
    for plek in zonder:
        bewoners = plek.bewoners
        achter = f"  {bewoners} bewoners" if bewoners > 1 else ""
        tekst = pas(vb.tekst(plek.signaal), breedte - 4 - len(achter))
        rij = Text("  · " + tekst)
        rij.append(achter, style="dim")
        rijen.append([rij])
    if vergadering.top5:
        kop = f"De top {len(vergadering.top5)} staat vast · {_stippen_woord(verdeeld)} verdeeld"
    elif met:
        kop = f"Ranglijst van de stippen · {_stippen_woord(verdeeld)} verdeeld"
    else:
        kop = "Signalen op tafel · nog geen stippen verdeeld"
    blokken = [Blok(kop, rijen, leeg="Er zijn geen open signalen.", ruim=True,
                    verborgen=verborgen)]
    grens = regels.gelijk_op_de_grens(met) if len(met) > regels.TOP else []
    if grens and not vergadering.top5:
        blokken.append(Blok(
            "Gelijk op de grens van de top 5",
            [[Text(pas(f"{len(grens)} signalen hebben {_stippen_woord(grens[0].stippen)}: "
                        "de voorzitter kiest.", breedte))]],
        ))
    return blokken


def blokken_acties(vb: Voorbereid, breedte: int, hoogte: int) -> list[Blok]:
    """Fase 2: de top 5 met weging, de uitslagen van de stemmingen, de aangenomen acties."""
    inhoud, masker = vb.inhoud, vb.masker
    vergadering = inhoud.vergadering
    per_id = {s.id: s for s in inhoud.signalen}
    if vergadering.top5:
        volgorde = regels.volgorde_op_weging(vergadering)
        kop = "Top 5, gewogen op haalbaarheid en impact"
    else:
        volgorde = [p.signaal.id for p in vb.plekken[: regels.TOP]]
        kop = "Top 5 (nog niet vastgelegd)"
    weging: list[Item] = []
    # De tekstkolom zo breed als de langste tekst (hoogstens wat er is): de weging staat
    # dan direct ernaast, ook op een breed scherm.
    teksten = {sid: vb.tekst(per_id[sid]) for sid in volgorde if sid in per_id}
    langste = max((cell_len(t) for t in teksten.values()), default=0)
    for i, sid in enumerate(volgorde, start=1):
        signaal = per_id.get(sid)
        if signaal is None:
            continue
        score = vergadering.scores.get(sid)
        rechts = (
            f"haalbaar {score.haalbaarheid} · impact {score.impact} · samen {score.totaal}"
            if score else "nog niet gewogen"
        )
        ruimte = min(breedte - 4 - 34 - 2, langste)
        rij = Text()
        rij.append(f"{i}.".rjust(3) + " ", style="bold")
        if ruimte >= 12:
            rij.append(pas(teksten[sid], ruimte).ljust(ruimte) + "  ")
            rij.append(rechts, style="" if score else "italic")
        else:  # smal: alleen de tekst en het totaal
            kort = f"{score.totaal}" if score else "–"
            rij.append(pas(teksten[sid], breedte - 8).ljust(breedte - 8))
            rij.append(kort.rjust(4))
        weging.append([rij])

    stemmingen: list[Item] = []
    smal = breedte < 100
    for stemming in vergadering.stemmingen:
        # Een vinkje of kruis én de uitslag in woorden: niet alleen een teken of kleur.
        merk, stijl = ("✓ ", "bold") if stemming.aangenomen else ("✗ ", "")
        onderwerp = een_regel(masker(stemming.onderwerp))
        if smal:  # één regel: onderwerp (zo nodig afgekapt) en de uitslag kort
            uitslag = _uitslag_kort(stemming)
            ruimte = max(breedte - 2 - 2 - len(uitslag), 10)
            regel = Text()
            regel.append(merk, style="bold")
            regel.append(pas(f"{onderwerp}: {uitslag}", breedte - 2) if ruimte <= 10 else
                         pas(onderwerp, ruimte) + ": " + uitslag, style=stijl)
            stemmingen.append([regel])
            continue
        item: Item = []
        for i, deel in enumerate(_ombreken(f"{onderwerp}: {stemming.uitslag()}", breedte - 2)):
            regel = Text()
            regel.append(merk if i == 0 else "  ", style="bold")
            regel.append(deel, style=stijl)
            item.append(regel)
        stemmingen.append(item)

    acties_per_id = {a.id: a for a in inhoud.acties}
    aangenomen: list[Item] = []
    for aid in vergadering.acties:
        actie = acties_per_id.get(aid)
        if actie is None:
            continue
        titel = f"Actie {actie.nummer}: {een_regel(masker(actie.omschrijving))}"
        # Harde spaties houden een datum bij elkaar als de regel moet afbreken.
        datum1 = datums.kort(actie.eerste_stap_datum).replace(" ", "\u00a0")
        datum2 = datums.kort(actie.checkmoment).replace(" ", "\u00a0")
        eigenaar = een_regel(zonder_stuurcodes(actie.eigenaar))
        planning = (f"eigenaar {eigenaar} · eerste stap vóór {datum1} · "
                    f"checkmoment {datum2}")
        if smal:
            planning = (f"eigenaar {eigenaar} · eerste stap {datum1} · "
                        f"check {datum2}")
        aangenomen.append(
            [Text(pas(titel, breedte), style="bold")]
            + [Text("  " + r) for r in _ombreken(planning, breedte - 2)]
        )
    # Bij weinig ruimte gaan de aangenomen acties voor, dan de uitslagen, dan de weging.
    return [
        Blok(kop, weging, leeg="Nog geen top 5.", ruim=True, voorrang=0),
        Blok("Stemmingen", stemmingen, leeg="Er is nog niet gestemd.", ruim=True, voorrang=1),
        Blok("Aangenomen acties", aangenomen, leeg="Nog geen actie aangenomen.", ruim=True,
             voorrang=2, alles=True),
    ]


def _uitslag_kort(stemming: Stemming) -> str:
    """'aangenomen, 5 voor, 1 tegen' (onthoudingen alleen als die er zijn)."""
    if not stemming.quorum_gehaald:
        return "geen besluit, geen quorum"
    telling = f"{stemming.voor} voor, {stemming.tegen} tegen"
    if stemming.onthouding:
        telling += f", {stemming.onthouding} onth."
    return f"{'aangenomen' if stemming.aangenomen else 'verworpen'}, {telling}"


def _terugkoppeling(inhoud: BeamerInhoud) -> tuple[Terugkoppeling, bool]:
    """De terugkoppeling zoals vastgelegd, of een voorstel uit deze vergadering."""
    eigen = inhoud.vergadering.terugkoppeling
    if eigen.gehoord or eigen.gedaan or eigen.lukt_niet:
        return eigen, False
    # Voor het voorstel is alleen het kanaal van het wijkverband nodig; dat kent de beamer
    # niet, dus geen standaardkanaal invullen: een leeg kanaal is eerlijker dan een gok.
    wijkverband = Wijkverband(inhoud.vergadering.wijkverband_id,
                              inhoud.wijkverband_naam or "wijkverband", kanalen=[])
    voorstel = regels.voorstel_terugkoppeling(
        inhoud.vergadering, inhoud.signalen, inhoud.acties, wijkverband
    )
    return voorstel, True


def blokken_terugkoppeling(vb: Voorbereid, breedte: int, hoogte: int) -> list[Blok]:
    """Fase 3: de terugkoppeling aan bewoners (template 3)."""
    masker = vb.masker
    tk, voorstel = _terugkoppeling(vb.inhoud)

    def alinea(tekst: str) -> list[Item]:
        uit: list[Item] = []
        for regel in masker(tekst).splitlines():
            regel = een_regel(regel)
            if not regel:
                continue
            inspring = 2 if regel.startswith(("- ", "• ")) else 0
            uit.append([Text(r) for r in _ombreken(regel, breedte, inspring)])
        return uit

    blokken = [
        Blok("Wat we hoorden", alinea(tk.gehoord), leeg="Nog niet ingevuld."),
        Blok("Wat we doen", alinea(tk.gedaan), leeg="Nog niet ingevuld."),
        Blok("Wat (nog) niet lukt, en waarom", alinea(tk.lukt_niet), leeg="Niets."),
    ]
    vervolg: list[Item] = []
    if tk.volgende_update:
        zin = f"De volgende update komt op {datums.lang(tk.volgende_update)}"
        if tk.kanaal:
            zin += f" via {een_regel(masker(tk.kanaal))}"
        vervolg.append([Text(r) for r in _ombreken(zin + ".", breedte)])
    elif tk.kanaal:
        vervolg.append([Text(pas(f"Via {een_regel(masker(tk.kanaal))}.", breedte))])
    if tk.eigenaar:
        vervolg.append([Text(pas(f"Wie zorgt ervoor: {een_regel(masker(tk.eigenaar))}.",
                                 breedte))])
    if tk.contact:
        # De contactregel is bewust openbaar (het adres van het wijkverband); gegevens die
        # van een bewoner bekend zijn, gaan er toch uit.
        zin = f"Reageren of meedoen: {een_regel(masker(tk.contact, openbaar=True))}"
        vervolg.append([Text(r) for r in _ombreken(zin, breedte)])
    blokken.append(Blok("Hoe het verder gaat", vervolg,
                        leeg="Datum, kanaal en eigenaar volgen nog."))
    if voorstel:
        blokken[0].kop = "Voorstel · " + blokken[0].kop
    return blokken


FASE_BLOKKEN = (blokken_signalen, blokken_acties, blokken_terugkoppeling)
_PER_SLEUTEL = dict(zip(("signalen", "acties", "terugkoppelen"), FASE_BLOKKEN, strict=True))


def blokken_van(vergadering: Vergadering, index: int) -> Callable[..., list[Blok]]:
    """Wat de beamer toont bij de fase of het agendapunt op plek ``index``."""
    fasen = vergadering.fasen
    fase = fasen[min(max(index, 0), len(fasen) - 1)]
    if fase.cyclus and fase.sleutel in _PER_SLEUTEL:
        return _PER_SLEUTEL[fase.sleutel]
    from .beamer_agenda import blokken_agenda  # pas bij een agenda rond de cyclus

    return blokken_agenda


# Zo lang blijft een bladzijde staan als de inhoud niet op het scherm past: rustig genoeg
# om een actie te lezen, kort genoeg om de hele lijst binnen een halve minuut te zien.
BLADER_S = 6.0


class Faseinhoud(Widget):
    """De inhoud van de huidige fase, passend gemaakt op de ruimte die er is.

    Past wat nooit ingekort mag worden (de aangenomen acties) niet op het scherm, dan bladert
    de inhoud elke ``BLADER_S`` seconden een bladzijde verder, met onderaan welke bladzijde
    het is: nooit "… en nog 2" voor een aangenomen actie.
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.fase_index = 0
        self._vb: Voorbereid | None = None
        self._masker: _Masker | None = None
        self._masker_sleutel: tuple | None = None
        self._getekend: dict[tuple[int, int], list[Text]] = {}
        self.blad = 0  # telt door; de bladzijde is blad modulo het aantal
        self.bladzijden = 1  # bij het laatste tekenen

    def on_mount(self) -> None:
        self.set_interval(BLADER_S, self.blader)

    def blader(self) -> None:
        """Eén bladzijde verder (alleen als de inhoud niet past)."""
        if self.bladzijden > 1:
            self.blad += 1
            self.refresh()

    @property
    def inhoud(self) -> BeamerInhoud | None:
        """De inhoud die nu getoond wordt."""
        return self._vb.inhoud if self._vb is not None else None

    def zet(self, inhoud: BeamerInhoud, fase_index: int) -> None:
        """Nieuwe inhoud: ranglijst één keer berekenen; tekenen gebeurt pas in ``render``."""
        eigenaren = tuple(
            a.eigenaar for a in inhoud.acties if a.id in set(inhoud.vergadering.acties)
        )
        # Het masker (namen en gegevens van alle contacten) alleen opnieuw als er signalen
        # bij kwamen of de eigenaren veranderden, niet na elke stip.
        keuzes = inhoud.vergadering.privacykeuzes
        wv = inhoud.wijkverband
        sleutel = (id(inhoud.signalen), len(inhoud.signalen), eigenaren,
                   tuple(sorted(keuzes.items())), id(wv))
        if self._masker is None or sleutel != self._masker_sleutel:
            bekend = [inhoud.wijkverband_naam, inhoud.vergadering.plaats]
            if wv is not None:
                bekend += eigen_namen(wv)
            self._masker = _Masker(inhoud.signalen, eigenaren, keuzes, bekend)
            self._masker_sleutel = sleutel
        self._vb = Voorbereid(inhoud, self._masker)
        self.fase_index = fase_index
        self._getekend.clear()
        self.refresh()

    def regels(self, breedte: int, hoogte: int) -> list[Text]:
        """Alle regels van de fase bij deze maat (meer dan ``hoogte`` als er gebladerd wordt)."""
        if self._vb is None:
            return []
        if (breedte, hoogte) not in self._getekend:
            maak = blokken_van(self._vb.inhoud.vergadering, self.fase_index)
            blokken = maak(self._vb, max(breedte, 20), max(hoogte, 1))
            self._getekend[(breedte, hoogte)] = schik_regels(blokken, breedte, hoogte)
        return self._getekend[(breedte, hoogte)]

    def render(self) -> Text:
        breedte, hoogte = self.content_size.width, max(self.content_size.height, 1)
        regels = self.regels(breedte, hoogte)
        if len(regels) > hoogte and hoogte >= 3:
            per = hoogte - 1  # de onderste regel zegt welke bladzijde het is
            self.bladzijden = -(-len(regels) // per)
            nummer = self.blad % self.bladzijden
            regels = regels[nummer * per: (nummer + 1) * per]
            regels += [Text("") for _ in range(per - len(regels))]
            regels.append(Text(pas(
                f"bladzijde {nummer + 1} van {self.bladzijden} · bladert vanzelf verder",
                breedte), style="italic"))
        else:
            self.bladzijden = 1
            regels = regels[:hoogte]
        tekst = Text("\n", no_wrap=True, overflow="ellipsis", end="").join(regels)
        tekst.no_wrap = True
        return tekst


# Smal en breed, laag en hoog: het beamerscherm van de app en dat van ``vergadering beamer``
# delen de indeling (beamer.tcss).
HORIZONTAAL: list[tuple[int, str]] = [(0, "-smal"), (120, "-breed")]
VERTICAAL: list[tuple[int, str]] = [(0, "-laag"), (36, "-hoog")]


# Zoveel agendapunten in beeld op een lage beamer (een venster rond het huidige).
AGENDA_LAAG = 4


class Beamerbeeld(Vertical):
    """Wat de zaal ziet: een kop, de grote klok met de agenda, de inhoud van de fase.

    Eén beeld voor beide beamers: het beamerscherm in de app (``b``) en de aparte beamer
    (``vergadering beamer``). De klok is de ``AgendaKlok`` die de eigenaar meegeeft; die mag
    daarna een andere (opnieuw gelezen) vergadering krijgen.
    """

    def __init__(self, klok: AgendaKlok, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.klok = klok

    def compose(self) -> ComposeResult:
        yield Static("", id="beamer-kop", markup=False)
        with Horizontal(id="beamer-boven"):
            yield FaseKlok(self.klok, id="beamer-klok", classes="groot")
            yield Agendabalk(self.klok, id="beamer-agenda", hoogstens=AGENDA_LAAG)
        yield Faseinhoud(id="beamer-inhoud")

    def on_resize(self) -> None:
        # Laag scherm: een venster van de agenda (de inhoud houdt ruimte); hoog: alles.
        agenda = self.query_one(Agendabalk)
        hoogstens = None if self.size.height >= 36 else AGENDA_LAAG
        if agenda.hoogstens != hoogstens:
            agenda.hoogstens = hoogstens
            agenda.refresh(layout=True)

    def toon(self, inhoud: BeamerInhoud, fase_index: int | None = None) -> None:
        """Teken de inhoud; ``fase_index`` kiest een andere fase dan die van de klok (na
        het sluiten: de terugkoppeling)."""
        vergadering = inhoud.vergadering
        kop = een_regel(zonder_stuurcodes(inhoud.wijkverband_naam))
        kop += f" · {datums.lang(vergadering.datum)}"
        if vergadering.gesloten:
            kop += " · gesloten"
        self.query_one("#beamer-kop", Static).update(kop)
        index = self.klok.vergadering.fase_index if fase_index is None else fase_index
        self.query_one(Faseinhoud).zet(inhoud, index)
        self.query_one(FaseKlok).ververs()
        self.query_one(Agendabalk).ververs()


class BeamerScherm(Screen[None]):
    """De projectie voor de zaal. ``b`` of Escape gaat terug naar het bedieningsscherm."""

    CSS_PATH = "beamer.tcss"
    HORIZONTAL_BREAKPOINTS: ClassVar[list[tuple[int, str]] | None] = HORIZONTAAL
    VERTICAL_BREAKPOINTS: ClassVar[list[tuple[int, str]] | None] = VERTICAAL
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("b", "terug", "Terug"),
        Binding("escape", "terug", "Terug", show=False),
        Binding("space", "app.pauze", "Pauze/verder"),
        Binding("plus", "app.minuut_erbij", "minuut erbij"),
        Binding("n", "app.volgende_fase", "Volgende fase"),
        Binding("v", "app.vorige_fase", "Vorige fase"),
    ]

    # Het thema dat de voorzitter op de beamer koos (via het commandopalet), voor de
    # volgende keer; standaard het hoog-contrastthema.
    gekozen_thema: ClassVar[str] = BEAMER_THEMA.name

    def __init__(self, haal_inhoud: Callable[[], BeamerInhoud], klok: AgendaKlok) -> None:
        super().__init__()
        self.haal_inhoud = haal_inhoud
        self.klok = klok
        self._vorig_thema: str | None = None

    def compose(self) -> ComposeResult:
        yield Beamerbeeld(self.klok)
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.ververs()

    def ververs(self) -> None:
        """Lees de inhoud opnieuw en teken alles opnieuw (na elke handeling van de app)."""
        try:
            inhoud = self.haal_inhoud()
        except VergaderingFout as fout:
            # De vorige inhoud blijft staan; de voorzitter ziet wat er mis is.
            self.notify(str(fout), severity="error")
            return
        self.query_one(Beamerbeeld).toon(inhoud)

    # --- thema: hoog contrast zolang de beamer in beeld is ----------------------------

    def on_screen_resume(self) -> None:
        app = self.app
        beschikbaar = app.available_themes
        for thema in THEMAS:
            if thema.name not in beschikbaar:
                app.register_theme(thema)
        if app.theme not in {t.name for t in THEMAS}:
            self._vorig_thema = app.theme
        if app.theme != self.gekozen_thema:
            app.theme = self.gekozen_thema

    def on_screen_suspend(self) -> None:
        self._herstel_thema()

    def on_unmount(self) -> None:
        self._herstel_thema()

    def _herstel_thema(self) -> None:
        if self._vorig_thema is None:
            return
        app = self.app
        if app.theme in {t.name for t in THEMAS}:
            BeamerScherm.gekozen_thema = app.theme
        if app.theme != self._vorig_thema:
            app.theme = self._vorig_thema
        self._vorig_thema = None

    def action_terug(self) -> None:
        """Terug naar het bedieningsscherm."""
        self.dismiss(None)
