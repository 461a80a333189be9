"""Het wijkverband: naam en leden, de instellingen (agenda, meerderheid, quorum) en de
participatieafspraken."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import (
    Input,
    Label,
    Select,
    Static,
    TextArea,
)

from vergadering.fouten import OngeldigeInvoer
from vergadering.tekst import een_regel
from vergadering.wijkverband import (
    MEERDERHEIDSREGELS,
    ROLLEN,
    STANDAARD_KANALEN,
    Agenda,
    Lid,
    Participatieafspraken,
    Wijkverband,
    controleer_inwoners,
)

from .basis import (
    Formulier,
    Invoer,
    Keuzelijst,
    bij_veld,
    lijst,
    veld,
)


def _lid_regel(lid: Lid) -> str:
    delen = [lid.naam, lid.rol]
    if lid.organisatie:
        delen.append(lid.organisatie)
    regel = ", ".join(delen)
    return regel if lid.stemrecht else regel + ", geen stemrecht"


class WijkverbandFormulier(Formulier[Wijkverband]):
    """Een wijkverband maken of bijwerken: naam, leden met rol, partners, thema's."""

    knop = "Bewaren"

    def __init__(self, maak_id: Callable[[str], str], bestaand: Wijkverband | None = None):
        super().__init__()
        self.maak_id = maak_id
        self.bestaand = bestaand
        self.titel = "Wijkverband bewerken" if bestaand else "Nieuw wijkverband"

    def velden(self) -> ComposeResult:
        wv = self.bestaand
        yield from veld("Naam", Invoer(wv.naam if wv else "", id="naam"))
        yield from veld(
            "Leden (één per regel: naam, rol, organisatie)",
            TextArea("\n".join(_lid_regel(lid) for lid in wv.leden) if wv else "", id="leden"),
            "Rollen: " + ", ".join(ROLLEN) + ". Zet 'geen stemrecht' erachter voor wie niet "
            "meestemt.",
        )
        yield from veld(
            "Partners (met komma's)", Invoer(", ".join(wv.partners) if wv else "", id="partners")
        )
        yield from veld(
            "Thema's (met komma's)", Invoer(", ".join(wv.themas) if wv else "", id="themas")
        )
        yield from veld(
            "Kanalen voor terugkoppeling (met komma's)",
            Invoer(", ".join(wv.kanalen) if wv else "inloop, nieuwsbrief, website, buurtapp",
                  id="kanalen"),
        )
        yield Static(
            "Na het bewaren, op het startscherm: i voor tijd per fase, stippen, quorum, "
            "meerderheid en buurten met inwoners; a voor de participatieafspraken.",
            classes="veld-hint", markup=False,
        )

    def _leden(self) -> list[Lid]:
        oud = {lid.naam.lower(): lid.id for lid in (self.bestaand.leden if self.bestaand else [])}
        leden: list[Lid] = []
        gebruikt: set[str] = set()
        regels_ = self.query_one("#leden", TextArea).text.splitlines()
        for nummer, regel in enumerate(regels_, 1):
            if not regel.strip():
                continue
            delen = [d.strip() for d in regel.split(",")]
            stemrecht = True
            if delen[-1].lower() == "geen stemrecht":
                stemrecht = False
                delen = delen[:-1]
            naam = delen[0]
            rol = delen[1].lower() if len(delen) > 1 and delen[1] else "bewoner"
            organisatie = ", ".join(delen[2:])
            if rol not in ROLLEN:
                raise OngeldigeInvoer(
                    f"Regel {nummer}: '{rol[:30]}' is geen rol; kies uit {', '.join(ROLLEN)}."
                )
            lid_id = oud.get(naam.lower()) or self.maak_id(naam)
            basis, n = lid_id, 1
            while lid_id in gebruikt:
                n += 1
                lid_id = f"{basis}-{n}"
            gebruikt.add(lid_id)
            try:
                leden.append(Lid(lid_id, naam, rol, organisatie, stemrecht))
            except OngeldigeInvoer as fout:
                raise OngeldigeInvoer(f"Regel {nummer}: {fout}") from None
        if not leden:
            raise OngeldigeInvoer("Zet minstens één lid in de lijst, één per regel.")
        return leden

    def lees(self) -> Wijkverband:
        naam = self.waarde("#naam")
        leden = self._leden()
        partners = lijst(self.waarde("#partners"))
        themas = lijst(self.waarde("#themas"))
        kanalen = lijst(self.waarde("#kanalen"))
        for naam_ in partners + themas + kanalen:
            if len(naam_) > 200:
                raise OngeldigeInvoer(
                    "Een partner, thema of kanaal mag hoogstens 200 tekens hebben."
                )
        if self.bestaand is not None:
            return dataclasses.replace(
                self.bestaand, naam=naam, leden=leden, partners=partners, themas=themas,
                kanalen=kanalen or self.bestaand.kanalen,
            )
        return Wijkverband("", naam, leden, partners, themas, kanalen=kanalen or
                           list(STANDAARD_KANALEN))


def _getal_of_tekst(waarde: str) -> object:
    """Een heel getal als dat kan; anders de tekst zelf, zodat het domein haar weigert met
    zijn eigen zin (zo is er één plek die zegt wat mag)."""
    schoon = waarde.strip()
    try:
        return int(schoon)
    except ValueError:
        return schoon


def buurten_als_tekst(wv: Wijkverband) -> str:
    """De buurten, één per regel, met hun inwonertal erachter als dat bekend is."""
    return "\n".join(f"{b}, {wv.inwoners[b]}" if b in wv.inwoners else b for b in wv.buurten)


_INWONERS = re.compile(r"\s*(\d{1,3}(?:[.\s]\d{3})+|\d+)\s*(?:inwoners)?\s*", re.IGNORECASE)


def buurten_uit_tekst(tekst: str) -> tuple[list[str], dict[str, int]]:
    """Buurten en inwonertallen uit regels als 'Molenhoek, 2400' of 'Molenhoek' (onbekend).

    Het getal staat na de laatste komma ('2.400' en '2400 inwoners' mogen ook). Staat daar
    geen cijfer, dan hoort de komma bij de naam ('Centrum, oost'); staat er iets met een
    cijfer dat geen aantal is ('ca. 2400'), dan zegt de fout welke regel."""
    buurten: list[str] = []
    inwoners: dict[str, int] = {}
    gezien: set[str] = set()
    for nummer, regel in enumerate(tekst.splitlines(), 1):
        naam, komma, rest = regel.rpartition(",")
        if not komma or not any(c.isdigit() for c in rest):
            naam, rest = regel, ""
        elif _INWONERS.fullmatch(naam.rpartition(",")[2]):  # '2400,5': een komma in het getal
            rest = naam.rpartition(",")[2] + "," + rest
        naam = naam.strip()
        if not naam:
            if rest.strip():
                raise OngeldigeInvoer(f"Regel {nummer}: zet de naam van de buurt vóór het "
                                      "aantal inwoners (Molenhoek, 2400).")
            continue
        if naam.casefold() in gezien:
            raise OngeldigeInvoer(f"Regel {nummer}: {naam[:40]} staat er al; zet elke buurt één "
                                  "keer in de lijst.")
        gezien.add(naam.casefold())
        buurten.append(naam)
        if rest:
            getal = _INWONERS.fullmatch(rest)
            if getal is None:
                raise OngeldigeInvoer(
                    f"Regel {nummer}: '{rest.strip()[:20]}' is geen aantal inwoners; schrijf "
                    "een heel getal (Molenhoek, 2400) of laat het weg."
                )
            inwoners[naam] = int(re.sub(r"\D", "", getal[1]))
    return buurten, inwoners


MEERDERHEID_NAMEN = {
    "gewoon": "gewone meerderheid",
    "volstrekt": "volstrekte meerderheid",
    "tweederde": "twee derde meerderheid",
}


class InstellingenFormulier(Formulier[Wijkverband]):
    """De afspraken over de vergadering: tijd per fase, stippen, acties, quorum, meerderheid,
    en hoe lang contactgegevens van bewoners bewaard blijven."""

    knop = "Bewaren"

    def __init__(self, wijkverband: Wijkverband) -> None:
        super().__init__()
        self.wv = wijkverband
        self.titel = f"Instellingen van {een_regel(wijkverband.naam)}"

    def velden(self) -> ComposeResult:
        wv = self.wv
        yield Label("Minuten per fase van de agenda", classes="veld-label")
        with Horizontal(classes="rij"):
            for sleutel, label in (
                ("signalen", "1. Signalen"),
                ("acties", "2. Acties"),
                ("terugkoppelen", "3. Terugkoppelen"),
            ):
                with Vertical():
                    yield from veld(label, Invoer(str(getattr(wv.agenda, sleutel)), voorstel=True,
                                                  id=f"duur-{sleutel}"))
        with Horizontal(classes="rij"):
            with Vertical():
                yield from veld("Stippen per lid",
                                Invoer(str(wv.stippen_per_lid), id="stippen", voorstel=True))
            with Vertical():
                yield from veld("Acties per ronde (max.)",
                                Invoer(str(wv.max_acties), id="max-acties", voorstel=True))
            with Vertical():
                quorum = Invoer("" if wv.quorum is None else str(wv.quorum), id="quorum-aantal",
                                voorstel=True)
                quorum.placeholder = f"standaard: {self._standaard_quorum()}"
                yield from veld("Quorum (leden)", quorum)
        yield Static(
            f"Quorum leeg = standaard: meer dan de helft van wie stemrecht heeft (nu "
            f"{self._standaard_quorum()}).",
            classes="veld-hint", markup=False,
        )
        yield from veld(
            "Meerderheid bij stemmen",
            Keuzelijst(
                [(MEERDERHEID_NAMEN.get(r, r), r) for r in MEERDERHEIDSREGELS],
                id="meerderheid", allow_blank=False, value=wv.meerderheid,
            ),
        )
        yield Static(self._uitleg(wv.meerderheid), id="meerderheid-uitleg",
                     classes="veld-hint", markup=False)
        yield from veld("Bewaartermijn contactgegevens (dagen)",
                        Invoer(str(wv.bewaartermijn_dagen), id="bewaartermijn", voorstel=True))
        yield Static("Zoveel dagen nadat een signaal gesloten is, gaan de contactgegevens van de "
                     "bewoner weg (AVG; minimaal 30, standaard 365).", classes="veld-hint",
                     markup=False)
        yield from veld(
            "Buurten (één per regel; inwoners erachter als je dat weet)",
            TextArea(buurten_als_tekst(wv), id="buurten"),
            "Bijvoorbeeld: Molenhoek, 2400. Met het aantal inwoners toont Impact (m) hoeveel "
            "signalen per 1.000 inwoners uit elke buurt komen; zonder getal staat er 'onbekend'.",
        )

    def _standaard_quorum(self) -> int:
        return len(self.wv.stemgerechtigden()) // 2 + 1

    @staticmethod
    def _uitleg(regel: object) -> str:
        return f"Aangenomen bij {MEERDERHEIDSREGELS.get(str(regel), '')}."

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#duur-signalen", Input).focus()

    @on(Select.Changed, "#meerderheid")
    def _andere_regel(self, event: Select.Changed) -> None:
        self.query_one("#meerderheid-uitleg", Static).update(self._uitleg(event.value))

    def lees(self) -> Wijkverband:
        agenda = Agenda(
            voor=self.wv.agenda.voor, na=self.wv.agenda.na,  # het sjabloon blijft (g)
            signalen=_getal_of_tekst(self.waarde("#duur-signalen")),  # type: ignore[arg-type]
            acties=_getal_of_tekst(self.waarde("#duur-acties")),  # type: ignore[arg-type]
            terugkoppelen=_getal_of_tekst(  # type: ignore[arg-type]
                self.waarde("#duur-terugkoppelen")
            ),
        )
        quorum = self.waarde("#quorum-aantal").strip()
        return dataclasses.replace(
            self.wv,
            agenda=agenda,
            stippen_per_lid=_getal_of_tekst(self.waarde("#stippen")),
            max_acties=_getal_of_tekst(self.waarde("#max-acties")),
            quorum=_getal_of_tekst(quorum) if quorum else None,
            meerderheid=self.keuze("#meerderheid") or self.wv.meerderheid,
            bewaartermijn_dagen=_getal_of_tekst(self.waarde("#bewaartermijn")),
            **self._buurten(),
        )

    def _buurten(self) -> dict[str, object]:
        with bij_veld("#buurten"):
            buurten, inwoners = buurten_uit_tekst(self.query_one("#buurten", TextArea).text)
            return {"buurten": buurten, "inwoners": controleer_inwoners(inwoners, buurten)}


# Template 1, deel voor deel: (kop, [(veld, vraag)]).


AFSPRAKEN_DELEN: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    ("1. Wijkvraag en doelgroep", (
        ("wijkvraag", "Probleem of vraag (1 zin)"),
        ("doelgroep", "Voor wie speelt dit?"),
    )),
    ("2. Beoogde opbrengst voor inwoners", (
        ("gewenste_verandering", "Gewenste verandering (concreet)"),
        ("merkbaar_wanneer", "Wanneer is het verschil merkbaar?"),
    )),
    ("3. Vorm van participatie (ophalen)", (
        ("basisvorm", "Basisvorm (buurtgesprekken, micro-uitvraag, panel)"),
        ("waar_en_wanneer", "Waar en wanneer?"),
        ("organisator", "Wie organiseert?"),
    )),
    ("4. Doorwerking in het wijkverband", (
        ("agenderen_wanneer", "Wanneer agenderen?"),
        ("mandaat", "Wie besluit (mandaat)?"),
        ("vervolgacties", "Welke actie(s) volgen?"),
    )),
    ("5. Terugkoppeling aan inwoners (verplicht)", (
        ("terugkoppeling_wat", "Wat koppelen we terug?"),
        ("terugkoppeling_kanaal", "Via welk kanaal en wanneer?"),
        ("terugkoppeling_eigenaar", "Wie is eigenaar van de terugkoppeling?"),
    )),
)


class AfsprakenFormulier(Formulier[Wijkverband]):
    """De participatieafspraken van het wijkverband (template 1), in de vijf delen."""

    knop = "Bewaren"

    def __init__(self, wijkverband: Wijkverband) -> None:
        super().__init__()
        self.wv = wijkverband
        self.titel = f"Participatieafspraken van {een_regel(wijkverband.naam)}"

    def velden(self) -> ComposeResult:
        afspraken = self.wv.afspraken
        for kop, vragen in AFSPRAKEN_DELEN:
            yield Static(kop, classes="veld-kop", markup=False)
            for naam, vraag in vragen:
                yield from veld(vraag, Invoer(getattr(afspraken, naam), id=f"afspraak-{naam}"))

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one(Input).focus()

    def lees(self) -> Wijkverband:
        waarden = {
            naam: self.waarde(f"#afspraak-{naam}")
            for _, vragen in AFSPRAKEN_DELEN
            for naam, _ in vragen
        }
        return dataclasses.replace(self.wv, afspraken=Participatieafspraken(**waarden))
