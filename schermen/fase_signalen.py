"""Fase 1, Top 5 signalen: open signalen, snel toevoegen, bundelen, stippen, de top 5.

De voorzitter zet de stippen met het toetsenbord op de geselecteerde rij: een cijfer zet het
aantal, → en ← tellen er één bij of af, enter vraagt om een groter getal. De ranglijst
schuift direct mee; alleen het vergaderbestand wordt bewaard (op de achtergrond).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Static

from vergadering.tekst import kort
from vergadering.zinnen import aantal

from .paneel import FasePaneel, cel, parkeer_met_reden
from .ranglijst import Ranglijst

# Kolommen: (kop, breedte); de signaaltekst krijgt wat overblijft.
KOLOMMEN = [("Plek", 4), ("Stippen", 7), ("Bew.", 4), ("Signaal", 0), ("Stand", 10)]
PLEK, STIPPEN, BEWONERS, SIGNAAL, STAND = range(5)
# De signaaltekst wordt vooraf ingekort tot de breedte van haar kolom, zodat '(+2)' voor
# gebundelde signalen zichtbaar blijft; zolang de breedte nog niet bekend is, tot deze.
SIGNAALTEKST = 46


class StippenTabel(Ranglijst):
    """De ranglijst; pijltjes en cijfers zetten stippen in plaats van de cursor te bewegen."""

    BINDINGS = [
        Binding("right", "stip(1)", "Stip ±", key_display="→←"),
        Binding("left", "stip(-1)", "Stip eraf", show=False),
        *(Binding(str(n), f"zet({n})", f"{n} stippen", show=False) for n in range(10)),
    ]

    def __init__(
        self,
        kolommen: list[tuple[str, int]],
        bij_stip: Callable[[str, int, bool, str | None], None],
        *,
        id: str | None = None,
    ) -> None:
        super().__init__(kolommen, id=id)
        # Meteen afhandelen, binnen dezelfde toets (geen bericht dat later langskomt): bij
        # snel tikken moet de volgende toets de cursor al op zijn nieuwe plek vinden.
        self.bij_stip = bij_stip

    def volgende_sleutel(self) -> str | None:
        """De rij onder de cursor (None op de laatste rij)."""
        if self.cursor_row + 1 >= self.row_count:
            return None
        return self.sleutel_op(self.cursor_row + 1)

    def action_stip(self, stap: int) -> None:
        """Eén stip erbij of eraf; de cursor gaat mee met het signaal, zodat een volgende
        → hetzelfde signaal nog een stip geeft."""
        sleutel = self.geselecteerd()
        if sleutel is not None:
            self.bij_stip(sleutel, stap, True, None)

    def action_zet(self, aantal: int) -> None:
        """Zet het aantal stippen (0–9) en ga door naar het signaal dat eronder stond: zo
        loopt de voorzitter met cijfers de lijst af, ook al schuift de ranglijst."""
        sleutel = self.geselecteerd()
        if sleutel is not None:
            self.bij_stip(sleutel, aantal, False, self.volgende_sleutel())


class FaseSignalen(FasePaneel):
    """Fase 1: de signalen, de stippen en de top 5."""

    BINDINGS = [
        Binding("a", "toevoegen", "Nieuw"),
        Binding("u", "bundel", "Bundel"),
        Binding("f", "top5", "Top 5"),
        Binding("p", "parkeer", "Parkeer", show=False),
        Binding("z", "ontbundel", "Bundel los", show=False),
    ]

    def compose(self) -> ComposeResult:
        yield Static("", id="stippen-stand", classes="stand", markup=False)
        yield StippenTabel(KOLOMMEN, self._stip, id="ranglijst")
        yield Static(
            "Cijfer: aantal stippen, en door · → ←: één erbij/eraf · enter: groter getal",
            classes="uitleg",
        )

    @property
    def tabel(self) -> StippenTabel:
        """De ranglijst."""
        return self.query_one(StippenTabel)

    def __init__(self, sessie, *, id: str | None = None) -> None:
        super().__init__(sessie, id=id)
        self._structuur = -1
        self._getoond: dict[str, tuple[str, str, str]] = {}
        self._met_stippen: set[str] = set()
        self._cursor_naar: str | None = None  # na een cijfer: de rij die eronder stond
        self._tekstbreedte = SIGNAALTEKST  # waar de signaalteksten op ingekort zijn

    def focus_hoofd(self) -> None:
        self.tabel.focus()

    def _korte_cellen(self, plek, top5: set[str]) -> tuple[str, str, str]:
        s = plek.signaal
        return (_plek(plek), str(plek.stippen), "★ top 5" if s.id in top5 else s.status)

    def ververs(self) -> None:
        sessie = self.sessie
        top5 = set(sessie.vergadering.top5)
        if sessie.structuur != self._structuur:
            plekken = sessie.plekken()
            self._bouw_op(plekken, top5)
            aantal = len(plekken)
        else:
            # Per stip: alleen de signalen met stippen en de nieuwe volgorde.
            plekken = sessie.plekken(alleen_met_stippen=True)
            self._werk_bij(plekken, top5)
            aantal = self.tabel.row_count
        self._toon_stand(plekken, aantal)

    def _signaalbreedte(self, breedte: int) -> int:
        """Hoeveel tekens de signaalkolom heeft in een lijst van ``breedte`` kolommen."""
        return self.tabel.kolombreedtes(breedte)[SIGNAAL] if breedte else SIGNAALTEKST

    def on_resize(self) -> None:
        # Breder of smaller (ander venster, notities open of dicht): de teksten opnieuw
        # inkorten op de nieuwe kolom. Alleen bij een andere breedte, nooit per stip.
        if self._signaalbreedte(self.size.width) != self._tekstbreedte:
            self._structuur = -1
            self.ververs()

    def _bouw_op(self, plekken: list, top5: set[str]) -> None:
        """Alles opnieuw: bij een nieuw, gebundeld of geparkeerd signaal."""
        sessie = self.sessie
        rijen = []
        self._getoond.clear()
        # De lijst is even breed als het paneel (de lijst zelf heeft misschien nog geen maat).
        self._tekstbreedte = breedte = self._signaalbreedte(self.size.width)
        for plek in plekken:
            s = plek.signaal
            n_bundel = sessie.gebundeld_aantal(s.id)
            bundel = f" (+{n_bundel})" if n_bundel else ""
            korte = self._korte_cellen(plek, top5)
            self._getoond[s.id] = korte
            rijen.append((s.id, (
                korte[0],
                cel(korte[1], stijl="bold" if plek.stippen else "dim"),
                str(sessie.bewoners(s.id)),
                cel(kort(s.tekst, max(1, breedte - len(bundel))) + bundel),
                cel(korte[2], stijl="bold" if s.id in top5 else ""),
            )))
        self.tabel.vul(rijen)
        self._structuur = sessie.structuur
        self._met_stippen = {p.signaal.id for p in plekken if p.stippen}

    def _werk_bij(self, plekken: list, top5: set[str]) -> None:
        """Alleen stippen of top 5 veranderd: de gewijzigde cellen bijwerken en de rijen
        in de nieuwe volgorde zetten, zonder de lijst opnieuw op te bouwen (snel genoeg
        voor elke toetsaanslag, ook met duizend signalen).

        Alleen signalen met stippen (nu of net nog) kunnen er anders uitzien; de rest toont
        altijd '–' en 0.
        """
        met_stippen: set[str] = set()
        for plek in plekken:
            if not plek.stippen:
                break  # de ranglijst begint met alle signalen die stippen hebben
            met_stippen.add(plek.signaal.id)
            self._toon_cellen(plek.signaal.id, self._korte_cellen(plek, top5), top5)
        for sid in self._met_stippen - met_stippen:
            status = self.sessie.signaal(sid).status
            self._toon_cellen(sid, ("–", "0", "★ top 5" if sid in top5 else status), top5)
        self._met_stippen = met_stippen
        self.tabel.zet_volgorde(self.sessie.ranglijst_ids(), cursor=self._cursor_naar)

    def _toon_cellen(self, sid: str, nieuw: tuple[str, str, str], top5: set[str]) -> None:
        oud = self._getoond.get(sid)
        if nieuw == oud:
            return
        self._getoond[sid] = nieuw
        tabel = self.tabel
        if oud is None or oud[0] != nieuw[0]:
            tabel.zet_cel(sid, PLEK, nieuw[0])
        if oud is None or oud[1] != nieuw[1]:
            tabel.zet_cel(sid, STIPPEN, cel(nieuw[1], stijl="bold" if nieuw[1] != "0" else "dim"))
        if oud is None or oud[2] != nieuw[2]:
            tabel.zet_cel(sid, STAND, cel(nieuw[2], stijl="bold" if sid in top5 else ""))

    def _toon_stand(self, plekken: list, aantal: int) -> None:
        """De stand van de stippen en de top 5 (``plekken``: minstens alle met stippen)."""
        sessie = self.sessie
        beschikbaar, gebruikt = sessie.stippen_beschikbaar(), sessie.stippen_gebruikt()
        regels = [
            f"Stippen: {gebruikt} van {beschikbaar} gegeven, nog {beschikbaar - gebruikt} · "
            f"{aantal} signalen"
        ]
        _, gelijk = sessie.voorstel_top5(plekken)
        if sessie.vergadering.top5:
            regels.append(f"Top {len(sessie.vergadering.top5)} vastgelegd (f legt opnieuw vast)."
                          " Verder met n.")
        elif gelijk:
            regels.append(
                f"Gelijk op de grens: {len(gelijk)} signalen met "
                f"{_stippen(gelijk[0].stippen)}; met f kiest de voorzitter."
            )
        else:
            regels.append("Verdeel de stippen; leg daarna met f de top 5 vast.")
        # Altijd twee regels (vaste hoogte): geen nieuwe indeling van het scherm nodig.
        self.query_one("#stippen-stand", Static).update("\n".join(regels), layout=False)

    # --- stippen ----------------------------------------------------------------------

    def _stip(
        self, signaal_id: str, aantal: int, relatief: bool, daarna: str | None
    ) -> None:
        """Zet of wijzig de stippen van een signaal; ``daarna``: de rij waar de cursor heen
        gaat (None: hij blijft bij dit signaal)."""
        huidig = self.sessie.vergadering.stippen.get(signaal_id, 0)
        nieuw = huidig + aantal if relatief else aantal
        if nieuw < 0:
            return
        if nieuw == huidig:
            if daarna is not None and daarna in self.tabel:  # hetzelfde getal: gewoon door
                self.tabel.move_cursor(row=self.tabel.get_row_index(daarna))
            return
        # Bewaard (journaalregel + fsync, rond een milliseconde) voordat het beeld de stip
        # toont: wat de zaal ziet, staat op schijf.
        self._cursor_naar = daarna
        try:
            self.probeer(lambda: self.sessie.zet_stippen(signaal_id, nieuw))
        finally:
            self._cursor_naar = None

    @on(Ranglijst.Gekozen, "#ranglijst")
    def _typ_stippen(self, event: Ranglijst.Gekozen) -> None:
        from .formulieren.basis import TekstVraag, lees_getal

        sid = event.sleutel
        signaal = self.sessie.signaal(sid)
        huidig = self.sessie.vergadering.stippen.get(sid, 0)
        # Wat dit signaal nog kan krijgen: zo blijft de dialoog open bij een te groot getal.
        maximum = self.sessie.stippen_beschikbaar() - self.sessie.stippen_gebruikt() + huidig

        daarna = self.tabel.volgende_sleutel()  # net als bij een cijfer: daarna door

        def gekozen(waarde: str | None) -> None:
            if waarde is not None:  # al gecontroleerd door de dialoog
                self._stip(sid, lees_getal(waarde, "het aantal stippen", 0, maximum), False,
                           daarna)

        self.app.push_screen(
            TekstVraag(
                f"Stippen voor: {kort(signaal.tekst, 60)}",
                "Aantal stippen",
                waarde=str(huidig),
                hint=f"Dit signaal kan er hoogstens {maximum} krijgen.",
                controle=lambda w: lees_getal(w, "het aantal stippen", 0, maximum),
            ),
            gekozen,
        )

    # --- signalen ---------------------------------------------------------------------

    def action_toevoegen(self) -> None:
        """Voeg snel een signaal toe."""
        from .formulieren.signaal import SignaalFormulier

        def klaar(waarden: dict | None) -> None:
            if waarden is None:
                return
            nieuw: list = []
            if self.probeer(lambda: nieuw.append(self.sessie.voeg_signaal_toe(**waarden))):
                self.tabel.move_cursor(row=self.tabel.get_row_index(nieuw[0].id))
                self.notify("Signaal toegevoegd.", markup=False, timeout=2)

        self.app.push_screen(SignaalFormulier(self.sessie.wijkverband.themas), klaar)

    def action_bundel(self) -> None:
        """Bundel het geselecteerde signaal in een ander (dubbel signaal)."""
        from .formulieren.basis import Keuze

        dubbel_id = self.tabel.geselecteerd()
        if dubbel_id is None:
            return
        dubbel = self.sessie.signaal(dubbel_id)
        opties = [
            (kort(p.signaal.tekst, 60), p.signaal.id)
            for p in self.sessie.plekken()
            if p.signaal.id != dubbel_id
        ]
        if not opties:
            self.notify("Er is geen ander signaal om mee te bundelen.", markup=False)
            return

        def gekozen(hoofd_id: str | None) -> None:
            if hoofd_id is not None and self.probeer(
                lambda: self.sessie.bundel(hoofd_id, dubbel_id)
            ):
                self.notify("Gebundeld; de aantallen tellen op.", markup=False, timeout=2)

        self.app.push_screen(
            Keuze(f"Bundel '{kort(dubbel.tekst, 40)}' in:", opties,
                  "Kies het signaal waar dit een dubbel van is."),
            gekozen,
        )

    def action_parkeer(self) -> None:
        """Parkeer het geselecteerde signaal met een reden."""
        parkeer_met_reden(self, self.tabel.geselecteerd())

    def action_ontbundel(self) -> None:
        """Maak een bundel ongedaan: een signaal dat in het geselecteerde gebundeld is, staat
        weer los (met een reden, voor het verslag)."""
        from vergadering.correcties import Correcties

        from .formulieren.basis import Keuze

        hoofd_id = self.tabel.geselecteerd()
        if hoofd_id is None:
            return
        correcties = Correcties(self.sessie)
        kinderen = correcties.gebundeld_in(hoofd_id)
        if not kinderen:
            self.notify("In dit signaal is niets gebundeld; kies een signaal met (+1) of meer.",
                        markup=False)
            return
        if len(kinderen) == 1:
            self._vraag_ontbundelreden(correcties, kinderen[0].id)
            return
        self.app.push_screen(
            Keuze("Welk signaal weer los?",
                  [(kort(k.tekst, 60), k.id) for k in kinderen],
                  "Kies het signaal dat geen dubbel bleek te zijn."),
            lambda sid: sid is not None and self._vraag_ontbundelreden(correcties, sid),
        )

    def _vraag_ontbundelreden(self, correcties, dubbel_id: str) -> None:
        from vergadering.correctie import reden_van

        from .formulieren.basis import TekstVraag

        dubbel = self.sessie.signaal(dubbel_id)

        def gekozen(reden: str | None) -> None:
            if reden is not None and self.probeer(
                lambda: correcties.ontbundel(dubbel_id, reden)
            ):
                self.tabel.move_cursor(row=self.tabel.get_row_index(dubbel_id))
                self.notify("Het signaal staat weer los; de stippen bleven bij het "
                            "hoofdsignaal.", markup=False, timeout=4)

        self.app.push_screen(
            TekstVraag(f"Bundel ongedaan maken: {kort(dubbel.tekst, 50)}",
                       "Waarom? (komt in het verslag)", controle=reden_van,
                       knop="Weer los"),
            gekozen,
        )

    def action_top5(self) -> None:
        """Leg de top 5 vast; bij gelijke stand op de grens kiest de voorzitter, met reden."""
        from .formulieren.grens import GekozenOpDeGrens, GrensKeuze

        zeker, gelijk = self.sessie.voorstel_top5()
        if not zeker and not gelijk:
            self.notify("Verdeel eerst de stippen (cijfer of → op een signaal).", markup=False)
            return
        if not gelijk:
            if self.probeer(lambda: self.sessie.leg_top5_vast(zeker)):
                self.notify(f"Top {len(zeker)} vastgelegd.", markup=False)
            return
        nodig = 5 - len(zeker)

        def gekozen(keuze: GekozenOpDeGrens | None) -> None:
            if keuze is not None and self.probeer(
                lambda: self.sessie.leg_top5_vast(zeker + keuze.gekozen, keuze.reden)
            ):
                self.notify(f"Top {len(zeker) + len(keuze.gekozen)} vastgelegd, met de keuze "
                            "op de grens.", markup=False)

        self.app.push_screen(
            GrensKeuze(
                f"Deze signalen hebben elk {_stippen(gelijk[0].stippen)}. Kies er {nodig} voor "
                "de top 5 (spatie vinkt aan) en zeg kort waarom; ctrl+s legt vast.",
                [(f"{kort(p.signaal.tekst, 50)} ({self.sessie.bewoners(p.signaal.id)} "
                  "bewoners)", p.signaal.id) for p in gelijk],
                nodig,
            ),
            gekozen,
        )

    def commandos(self) -> Iterator[tuple[str, str, object]]:
        yield ("Signaal toevoegen", "a", self.action_toevoegen)
        yield ("Signaal bundelen", "u: het geselecteerde in een ander", self.action_bundel)
        yield ("Top 5 vastleggen", "f", self.action_top5)
        yield ("Signaal parkeren", "p", self.action_parkeer)
        yield ("Bundel ongedaan maken", "z: een gebundeld signaal weer los, met reden",
               self.action_ontbundel)


def _stippen(n: int) -> str:
    return aantal(n, "stip", "stippen")


def _plek(plek) -> str:
    """'3', '=3' bij gelijke stand, '–' zonder stippen."""
    if not plek.stippen:
        return "–"
    return f"={plek.positie}" if plek.gelijk else str(plek.positie)
