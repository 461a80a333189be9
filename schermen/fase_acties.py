"""Fase 2, Top 1–2 acties: wegen, stemmen, aannemen met eigenaar en data, parkeren.

Op elk topsignaal: w weegt (haalbaarheid en impact), s brengt een voorstel in stemming
(aantallen of per lid, met meerderheid en quorum), na een aangenomen stemming werkt e de
actie uit, p parkeert met een reden, r parkeert de rest van de top 5 in één keer.

De volgorde op het scherm blijft staan terwijl de voorzitter de lijst afloopt en weegt (een
lijst die na elke weging onder de cursor verschuift, laat een signaal overslaan); g zet
haar op de volgorde van de weging.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Static

from vergadering import datums
from vergadering.actie import Actie
from vergadering.stemming import Stemming
from vergadering.tekst import een_regel, kort

from .paneel import FasePaneel, cel, controleer_reden, geselecteerd, parkeer_met_reden, vul_tabel

UITKOMST = 24
SIGNAAL_MIN = 16  # smaller (notities open op 80 kolommen): de tabel schuift opzij
# Alles behalve de signaalkolom: de andere kolommen, twee spaties per kolom, de schuifbalk
# en één kolom speling (op 80 kolommen: 34, zoals altijd).
VAST = 2 + 1 + 1 + 3 + UITKOMST + 6 * 2 + 3


class FaseActies(FasePaneel):
    """Fase 2: van de top 5 naar één of twee acties."""

    BINDINGS = [
        Binding("w", "weeg", "Wegen"),
        Binding("s", "stem", "Stemmen"),
        Binding("e", "uitwerken", "Uitwerken"),
        Binding("p", "parkeer", "Parkeer"),
        Binding("t", "trek_terug", "Terugtrekken"),
        Binding("r", "parkeer_rest", "Rest parkeren", show=False),
        Binding("c", "corrigeer_stemming", "Stemming corrigeren", show=False),
        # Niet in de voetregel (die is op 80 kolommen vol): de standregel noemt g als de
        # weging een andere volgorde geeft.
        Binding("g", "orden", "Op weging", show=False),
    ]

    # De volgorde zoals ze nu op het scherm staat (None: die van de weging).
    _getoond: list[str] | None = None

    # De breedte van de signaalkolom: wat overblijft naast de vaste kolommen (elke kolom
    # heeft links en rechts een spatie); 34 op 80 kolommen.
    _signaalbreedte = 34

    def compose(self) -> ComposeResult:
        yield Static("", id="acties-stand", classes="stand", markup=False)
        tabel = DataTable(id="top5", cursor_type="row", zebra_stripes=True)
        self._zet_kolommen(tabel)
        yield tabel
        yield Static("", id="acties-lijst", classes="onderaan", markup=False)

    def _zet_kolommen(self, tabel: DataTable) -> None:
        tabel.add_column("#", key="plek", width=2)
        tabel.add_column("Signaal", key="signaal", width=self._signaalbreedte)
        tabel.add_column("H", key="h", width=1)
        tabel.add_column("I", key="i", width=1)
        tabel.add_column("H×I", key="hi", width=3)
        tabel.add_column("Uitkomst", key="uitkomst", width=UITKOMST)

    def on_resize(self) -> None:
        # Een breder venster (of notities dicht): de signalen krijgen de ruimte.
        breedte = max(SIGNAAL_MIN, self.size.width - VAST)
        if self.size.width and breedte != self._signaalbreedte:
            self._signaalbreedte = breedte
            self.tabel.clear(columns=True)
            self._zet_kolommen(self.tabel)
            self.ververs()

    @property
    def tabel(self) -> DataTable:
        """De top 5 op volgorde van weging."""
        return self.query_one("#top5", DataTable)

    def _uitkomst(self, signaal_id: str) -> str:
        sessie = self.sessie
        actie = sessie.actie_bij_signaal(signaal_id)
        if actie is not None:
            return f"actie {actie.nummer}: {een_regel(actie.eigenaar)}"
        signaal = sessie.signaal(signaal_id)
        if signaal.status == "geparkeerd" and signaal.vergadering_id == sessie.vergadering.id:
            return "geparkeerd"
        stemming = sessie.laatste_stemming(signaal_id)
        if stemming is None:
            return ""
        telling = f"{stemming.voor}-{stemming.tegen}-{stemming.onthouding}"
        if stemming.aangenomen:
            return f"aangenomen {telling} · e"
        if not stemming.quorum_gehaald:
            return "geen quorum"
        return f"verworpen {telling}"

    def ververs(self) -> None:
        sessie = self.sessie
        v = sessie.vergadering
        plek = {sid: i for i, sid in enumerate(v.top5, 1)}
        op_weging = sessie.volgorde()
        if self._getoond is None or set(self._getoond) != set(op_weging):
            self._getoond = op_weging  # nieuw, of de top 5 veranderde: de weging telt
        rijen = []
        for sid in self._getoond:
            signaal = sessie.signaal(sid)
            score = v.scores.get(sid)
            rijen.append((
                sid,
                (
                    str(plek[sid]),
                    cel(signaal.tekst, self._signaalbreedte),
                    str(score.haalbaarheid) if score else "·",
                    str(score.impact) if score else "·",
                    str(score.totaal) if score else "·",
                    cel(self._uitkomst(sid), 24),
                ),
            ))
        vul_tabel(self.tabel, rijen)
        deze = sessie.acties_van_deze_ronde()
        if not v.top5:
            stand = ("Er is nog geen top 5: ga terug naar fase 1 (v) en leg hem vast met f.")
        else:
            stand = (
                f"Acties aangenomen: {len(deze)} van hoogstens {sessie.wijkverband.max_acties}. "
                "Weeg (w), stem (s), werk uit (e) of parkeer (p)."
            )
            if self._getoond != op_weging:
                stand += " De weging gaf een andere volgorde: g zet de lijst zo."
        self.query_one("#acties-stand", Static).update(stand)
        regels = [
            f"Actie {a.nummer}: {kort(a.omschrijving, 34)} · {kort(a.eigenaar, 18)} · "
            f"1e stap {datums.kort(a.eerste_stap_datum)} · check {datums.kort(a.checkmoment)}"
            for a in deze
        ]
        if v.reden_extra_acties:
            regels.append(f"Reden voor extra actie: {kort(v.reden_extra_acties, 60)}")
        if v.stemmingen:
            laatste = v.stemmingen[-1]
            regels.append(f"Laatste stemming: {kort(laatste.onderwerp, 30)}: {laatste.uitslag()}")
        self.query_one("#acties-lijst", Static).update("\n".join(regels))

    # --- handelingen ------------------------------------------------------------------

    def _gekozen(self) -> str | None:
        sid = geselecteerd(self.tabel)
        if sid is None:
            self.notify("Er is nog geen top 5; leg die eerst vast in fase 1.", markup=False)
        return sid

    def action_orden(self) -> None:
        """Zet de lijst op de volgorde van de weging (de cursor blijft op zijn signaal)."""
        self._getoond = None
        self.ververs()

    def action_weeg(self) -> None:
        """Weeg het geselecteerde topsignaal op haalbaarheid en impact."""
        from .formulieren.stemming import WegingFormulier

        sid = self._gekozen()
        if sid is None:
            return
        score = self.sessie.vergadering.scores.get(sid)

        def klaar(waarden: tuple[int, int] | None) -> None:
            if waarden is not None:
                self.probeer(lambda: self.sessie.weeg(sid, *waarden))

        self.app.push_screen(
            WegingFormulier(
                self.sessie.signaal(sid).tekst,
                score.haalbaarheid if score else 3,
                score.impact if score else 3,
            ),
            klaar,
        )

    def action_stem(self) -> None:
        """Breng een voorstel bij het geselecteerde signaal in stemming."""
        from .formulieren.stemming import StemmingFormulier

        sid = self._gekozen()
        if sid is None:
            return
        if self.sessie.actie_bij_signaal(sid) is not None:
            self.notify("Bij dit signaal is al een actie aangenomen.", markup=False)
            return
        stemmers = [(lid.id, lid.naam) for lid in self.sessie.aanwezige_stemmers()]
        signaal = self.sessie.signaal(sid)
        vorige = self.sessie.laatste_stemming(sid)

        def klaar(stemming: Stemming | None) -> None:
            if stemming is None:
                return
            if not self.probeer(lambda: self.sessie.leg_stemming_vast(stemming)):
                return
            ernst = "information" if stemming.aangenomen else "warning"
            self.notify(stemming.uitslag(), severity=ernst, markup=False)
            if stemming.aangenomen:
                self._werk_uit(sid, stemming)

        self.app.push_screen(
            StemmingFormulier(
                partial(self.sessie.nieuwe_stemming, signaal_id=sid),
                stemmers,
                vorige.onderwerp if vorige else "",
                een_regel(signaal.tekst),
            ),
            klaar,
        )

    def action_corrigeer_stemming(self) -> None:
        """Corrigeer de laatste vastgelegde stemming bij het geselecteerde signaal (opnieuw
        geteld), met een reden voor het verslag."""
        from vergadering.correcties import Correcties

        from .formulieren.correctie import GecorrigeerdeStemming, StemmingCorrectie

        sid = self._gekozen()
        if sid is None:
            return
        oud = self.sessie.laatste_stemming(sid)
        if oud is None:
            self.notify("Over dit signaal is nog niet gestemd; er is niets te corrigeren.",
                        markup=False)
            return
        stemmers = [(lid.id, lid.naam) for lid in self.sessie.aanwezige_stemmers()]

        def klaar(uit: GecorrigeerdeStemming | None) -> None:
            if uit is None:
                return
            st = uit.stemming
            if self.probeer(lambda: Correcties(self.sessie).corrigeer_stemming(
                oud.id, uit.reden, voor=st.voor, tegen=st.tegen, onthouding=st.onthouding,
                per_lid=st.per_lid,
            )):
                self.notify(f"Stemming gecorrigeerd: {oud.uitslag()}", markup=False)

        self.app.push_screen(
            StemmingCorrectie(partial(self.sessie.nieuwe_stemming, signaal_id=sid), stemmers,
                              oud, een_regel(self.sessie.signaal(sid).tekst)),
            klaar,
        )

    def action_uitwerken(self) -> None:
        """Werk de actie uit na een aangenomen stemming."""
        sid = self._gekozen()
        if sid is None:
            return
        if self.sessie.actie_bij_signaal(sid) is not None:
            self.notify("Deze actie is al uitgewerkt en aangenomen.", markup=False)
            return
        stemming = self.sessie.laatste_stemming(sid)
        if stemming is None or not stemming.aangenomen:
            self.notify("Breng eerst een voorstel in stemming (s); pas na een aangenomen "
                        "stemming wordt het een actie.", markup=False)
            return
        self._werk_uit(sid, stemming)

    def _werk_uit(self, sid: str, stemming: Stemming) -> None:
        from .formulieren.actie import ActieFormulier

        sessie = self.sessie

        def klaar(waarden: dict | None) -> None:
            if waarden is None:
                self.notify("Nog niet uitgewerkt; dat kan later met e.", markup=False)
                return
            gemaakt: list = []
            if self.probeer(lambda: gemaakt.append(
                sessie.neem_aan(sid, stemming=stemming, **waarden)
            )):
                actie = gemaakt[0]
                self.notify(
                    f"Actie {actie.nummer} aangenomen; eigenaar {een_regel(actie.eigenaar)}.",
                    markup=False,
                )

        self.app.push_screen(
            ActieFormulier(
                stemming.onderwerp,
                sessie.wijkverband.eigenaren(),
                sessie.wijkverband.partners,
                sessie.vandaag(),
                sessie.reden_nodig(),
                sessie.wijkverband.max_acties,
            ),
            klaar,
        )

    def action_trek_terug(self) -> None:
        """Trek een aangenomen actie van deze vergadering terug, na bevestiging.

        Staat de cursor op een signaal met een actie, dan die; anders kiest men uit de lijst
        van aangenomen acties."""
        from .formulieren.basis import Keuze

        deze = self.sessie.acties_van_deze_ronde()
        if not deze:
            self.notify("In deze vergadering is nog geen actie aangenomen.", markup=False)
            return
        sid = geselecteerd(self.tabel)
        actie = self.sessie.actie_bij_signaal(sid) if sid is not None else None
        if actie is not None:
            self._bevestig_terugtrekken(actie)
            return

        def gekozen(actie_id: str | None) -> None:
            if actie_id is not None:
                self._bevestig_terugtrekken(self.sessie.actie(actie_id))

        self.app.push_screen(
            Keuze(
                "Welke actie terugtrekken?",
                ((f"Actie {a.nummer}: {kort(a.omschrijving, 50)}", a.id) for a in deze),
            ),
            gekozen,
        )

    def _bevestig_terugtrekken(self, actie: Actie) -> None:
        from .bevestig import Bevestig

        def antwoord(ja: bool | None) -> None:
            if ja and self.probeer(lambda: self.sessie.trek_terug(actie.id)):
                self.notify(f"Actie {actie.nummer} is teruggetrokken.", markup=False)

        self.app.push_screen(
            Bevestig(
                f"Actie {actie.nummer} ({kort(actie.omschrijving, 60)}) terugtrekken? Ze telt "
                f"dan niet meer mee voor het maximum van "
                f"{self.sessie.wijkverband.max_acties} en het signaal komt terug in de lijst.",
                ja="Terugtrekken",
                nee="Laten staan",
            ),
            antwoord,
        )

    def action_parkeer(self) -> None:
        """Parkeer het geselecteerde topsignaal met een reden."""
        parkeer_met_reden(self, self._gekozen())

    def action_parkeer_rest(self) -> None:
        """Parkeer de topsignalen zonder actie in één keer, met één reden."""
        from .formulieren.basis import TekstVraag

        rest = self.sessie.niet_gekozen_top5()
        if not rest:
            self.notify("Alle topsignalen hebben een actie of zijn geparkeerd.", markup=False)
            return

        def gekozen(reden: str | None) -> None:
            if reden is None:
                return
            if self.probeer(lambda: self.sessie.parkeer_niet_gekozen(reden)):
                self.notify(f"{len(rest)} signalen geparkeerd.", markup=False)

        self.app.push_screen(
            TekstVraag(
                f"{len(rest)} topsignalen zonder actie parkeren",
                "Waarom nu niet? (komt in de terugkoppeling)",
                waarde="Niet gekozen deze ronde; het komt de volgende keer terug.",
                controle=controleer_reden,
                knop="Parkeren",
            ),
            gekozen,
        )

    def commandos(self) -> Iterator[tuple[str, str, object]]:
        yield ("Signaal wegen", "w: haalbaarheid en impact", self.action_weeg)
        yield ("Stemmen over een voorstel", "s", self.action_stem)
        yield ("Actie uitwerken", "e: eigenaar, eerste stap, checkmoment", self.action_uitwerken)
        yield ("Signaal parkeren", "p", self.action_parkeer)
        yield ("Actie terugtrekken", "t: een vergissing ongedaan maken", self.action_trek_terug)
        yield ("Rest van de top 5 parkeren", "r", self.action_parkeer_rest)
        yield ("Stemming corrigeren", "c: opnieuw geteld, met reden",
               self.action_corrigeer_stemming)
        yield ("Op volgorde van weging zetten", "g", self.action_orden)
