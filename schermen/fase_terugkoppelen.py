"""Fase 3, Wat koppelen we terug?: status van lopende acties, de terugkoppeling, sluiten.

Elke open actie uit eerdere rondes krijgt een status met een toelichting van één regel (s).
De terugkoppeling (t) is voorgevuld uit deze vergadering en te bewerken. Sluiten (x) wordt
geweigerd zolang de terugkoppeling niet compleet is; de melding zegt wat er mist.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Static

from vergadering import datums
from vergadering.fouten import VergaderingFout
from vergadering.regels import termijn_volgens_afspraken
from vergadering.tekst import een_regel, kort
from vergadering.zinnen import opsomming

from .paneel import FasePaneel, cel, geselecteerd, vul_tabel

if TYPE_CHECKING:
    from vergadering.actie import StatusWijziging


class FaseTerugkoppelen(FasePaneel):
    """Fase 3: wat koppelen we terug?"""

    BINDINGS = [
        Binding("s", "status", "Status"),
        Binding("t", "terugkoppeling", "Terugkoppeling"),
        Binding("x", "sluit", "Sluiten"),
        Binding("d", "volgende_vergadering", "Volgende datum", show=False),
    ]

    def compose(self) -> ComposeResult:
        yield Static("", id="lopend-stand", classes="stand", markup=False)
        tabel = DataTable(id="lopend", cursor_type="row", zebra_stripes=True)
        tabel.add_column("Nr", key="nr", width=3)
        tabel.add_column("Actie", key="actie", width=24)
        tabel.add_column("Eigenaar", key="eigenaar", width=11)
        tabel.add_column("Status", key="status", width=13)
        tabel.add_column("Toelichting", key="toelichting", width=16)
        yield tabel
        yield Static("", id="terugkoppeling-stand", classes="onderaan", markup=False)

    @property
    def tabel(self) -> DataTable:
        """De lopende acties uit eerdere rondes."""
        return self.query_one("#lopend", DataTable)

    def ververs(self) -> None:
        sessie = self.sessie
        v = sessie.vergadering
        lopend = sessie.lopende_acties()
        rijen = []
        tussendoor: list[str] = []
        for a in lopend:
            bijgewerkt = a.id in v.statusupdates
            # Tussen de vergaderingen door de eigenaar bijgewerkt: al gedaan, met wie en wanneer.
            update = None if bijgewerkt else a.update_tussendoor()
            if update is not None:
                tussendoor.append(f"actie {a.nummer} ({al_gedaan(update, uitleg=False)})")
            rijen.append((
                a.id,
                (
                    str(a.nummer),
                    cel(a.omschrijving, 24),
                    cel(a.eigenaar, 11),
                    cel(("✓ " if bijgewerkt or update else "") + a.status,
                        stijl="bold" if bijgewerkt or update else ""),
                    cel(a.laatste_toelichting() if bijgewerkt else
                        al_gedaan(update) if update else "nog bijwerken", 16),
                ),
            ))
        vul_tabel(self.tabel, rijen)
        open_ = sum(1 for a in lopend if a.id not in v.statusupdates) - len(tussendoor)
        if lopend:
            # Wie en wanneer passen niet in de cel op 80 kolommen: hier voluit (tot drie).
            al = opsomming(tussendoor) if len(tussendoor) <= 3 else str(len(tussendoor))
            stand = (f"Lopende acties uit eerdere rondes: {len(lopend)}, "
                     + (f"tussendoor al bijgewerkt: {al}; " if tussendoor else "")
                     + f"nog bij te werken: {open_}. Status met s.")
        else:
            stand = "Er zijn geen lopende acties uit eerdere rondes."
        self.query_one("#lopend-stand", Static).update(stand)
        self.query_one("#terugkoppeling-stand", Static).update(self._terugkoppeling_in_woorden())

    def _terugkoppeling_in_woorden(self) -> str:
        t = self.sessie.vergadering.terugkoppeling
        mist = self.sessie.ontbreekt()
        if not (t.gehoord or t.gedaan or t.kanaal or t.volgende_update):
            return ("Terugkoppeling aan bewoners: nog niet opgesteld. Druk t; het voorstel "
                    "komt uit deze vergadering. " + self._volgende_in_woorden())
        regels = ["Terugkoppeling aan bewoners:"]
        if t.volgende_update:
            regels.append(
                f"volgende update {datums.kort(t.volgende_update)}"
                + (f" via {een_regel(t.kanaal)}" if t.kanaal else "")
                + (f", eigenaar {kort(t.eigenaar, 30)}" if t.eigenaar else "")
                + "."
            )
        regels.append(self._volgende_in_woorden())
        if mist:
            regels.append("Nog nodig om te sluiten: " + ", ".join(mist) + ".")
        else:
            regels.append("Compleet: de vergadering kan gesloten worden met x.")
        return " ".join(regels)

    def _volgende_in_woorden(self) -> str:
        v = self.sessie.vergadering
        if v.volgende_vergadering is None:
            return "Volgende vergadering: nog niet vastgesteld (d)."
        return (f"Volgende vergadering {datums.kort(v.volgende_vergadering)}"
                + (f" om {v.volgende_tijd}" if v.volgende_tijd else "") + ".")

    # --- handelingen ------------------------------------------------------------------

    def action_status(self) -> None:
        """Geef de geselecteerde lopende actie een nieuwe status met toelichting."""
        from .formulieren.actie import StatusFormulier

        actie_id = geselecteerd(self.tabel)
        if actie_id is None:
            self.notify("Er zijn geen lopende acties om bij te werken.", markup=False)
            return
        actie = self.sessie.actie(actie_id)

        def klaar(waarden: tuple[str, str, date | None] | None) -> None:
            if waarden is not None and self.probeer(
                lambda: self.sessie.zet_status(actie_id, *waarden)
            ):
                self.notify(f"Actie {actie.nummer}: {waarden[0]}.", markup=False, timeout=2)
                self.tabel.action_cursor_down()

        self.app.push_screen(StatusFormulier(actie, self.sessie.vandaag()), klaar)

    def action_terugkoppeling(self) -> None:
        """Stel de terugkoppeling aan bewoners op (voorgevuld uit deze vergadering)."""
        from .formulieren.terugkoppeling import TerugkoppelingFormulier

        sessie = self.sessie

        def klaar(terugkoppeling) -> None:
            if terugkoppeling is not None and self.probeer(
                lambda: sessie.bewaar_terugkoppeling(terugkoppeling)
            ):
                self.notify("Terugkoppeling bewaard.", markup=False, timeout=2)

        self.app.push_screen(
            TerugkoppelingFormulier(
                sessie.terugkoppeling_voorstel(),
                sessie.wijkverband.kanalen,
                sessie.wijkverband.eigenaren(),
                sessie.vandaag(),
                termijn_volgens_afspraken(sessie.wijkverband),
            ),
            klaar,
        )

    def action_volgende_vergadering(self) -> None:
        """Leg de datum (en tijd) van de volgende vergadering vast, voor verslag en
        terugkoppeling."""
        from .formulieren.volgende import VolgendeVergadering, VolgendeVergaderingFormulier

        v = self.sessie.vergadering

        def klaar(uit: VolgendeVergadering | None) -> None:
            if uit is not None and self.probeer(
                lambda: self.sessie.zet_volgende_vergadering(uit.datum, uit.tijd)
            ):
                self.notify(f"Volgende vergadering: {datums.lang(uit.datum)}"
                            + (f" om {uit.tijd}" if uit.tijd else "") + ".", markup=False)

        self.app.push_screen(
            VolgendeVergaderingFormulier(v.datum, v.volgende_vergadering, v.volgende_tijd,
                                         self.sessie.vandaag()),
            klaar,
        )

    def action_sluit(self) -> None:
        """Sluit de vergadering (geweigerd zonder volledige terugkoppeling)."""
        from .bevestig import Bevestig

        sessie = self.sessie
        mist = sessie.ontbreekt()
        if mist:
            try:
                sessie.sluit()
            except VergaderingFout as fout:
                self.notify(str(fout), title="Nog niet sluiten", severity="error",
                            markup=False, timeout=8)
                self.ververs()
                return
            self.app.vergadering_gesloten()  # type: ignore[attr-defined]
            return
        zorgen = sessie.waarschuwingen_voor_sluiten()
        vraag = "De vergadering sluiten? Daarna kan er niets meer aan veranderen."
        if zorgen:
            vraag = "Nog even kijken: " + " ".join(zorgen) + " Toch sluiten?"

        def antwoord(ja: bool | None) -> None:
            if not ja:
                return
            try:
                sessie.sluit()
            except VergaderingFout as fout:
                self.notify(str(fout), title="Nog niet sluiten", severity="error",
                            markup=False, timeout=8)
                return
            self.app.vergadering_gesloten()  # type: ignore[attr-defined]

        self.app.push_screen(Bevestig(vraag, ja="Sluiten", nee="Nog niet"), antwoord)

    def commandos(self) -> Iterator[tuple[str, str, object]]:
        yield ("Status van een lopende actie", "s", self.action_status)
        yield ("Terugkoppeling opstellen", "t", self.action_terugkoppeling)
        yield ("Volgende vergadering vastleggen", "d: datum en tijd, voor verslag en "
               "terugkoppeling", self.action_volgende_vergadering)
        yield ("Vergadering sluiten", "x", self.action_sluit)


def al_gedaan(update: StatusWijziging, uitleg: bool = True) -> str:
    """Een update tussen de vergaderingen in fase 3: '6 dec, Sandra Koster: toelichting'."""
    dag = datums.kort(update.moment.date()).rsplit(" ", 1)[0]  # zonder jaar: past in de cel
    wie = f", {een_regel(update.door)}" if update.door else ""
    toelichting = f": {een_regel(update.toelichting)}" if update.toelichting and uitleg else ""
    return f"{dag}{wie}{toelichting}"
