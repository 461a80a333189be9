"""De fasenklok en de agendabalk onder een nep-klok: normaal, waarschuwing, over tijd,
pauze, +1 minuut, fasewissel, herstart midden in een fase; en compact op 80×24."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len
from schermen_gegevens import Klok
from textual.app import App, ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Digits, Static

from schermen.klok import (
    Agendabalk,
    Agendaregel,
    FaseKlok,
    agenda_tekst,
    resterend_in_woorden,
)
from vergadering.agendaklok import AgendaKlok
from vergadering.opslag import Opslag
from vergadering.vergadering import Vergadering, nieuwe_vergadering
from vergadering.wijkverband import Agenda, Lid, Wijkverband


def _vergadering() -> tuple[Wijkverband, Vergadering]:
    wv = Wijkverband("horst", "Wijkraad De Horst", leden=[Lid("a", "Ans"), Lid("b", "Bert")],
                     agenda=Agenda(voor=[], na=[]))  # het cyclusblok alleen
    return wv, nieuwe_vergadering(wv, "2026-11-23", date(2026, 11, 23))


def scherm_tekst(app: App) -> str:
    """De tekst zoals hij nu op het (virtuele) scherm staat."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


class KlokApp(App):
    """Een bedieningsscherm in het klein: de klok en de agenda in een smal zijpaneel."""

    CSS = """
    #hoofd { width: 1fr; }
    #zij { width: 30; }
    """

    def __init__(self, klok: AgendaKlok) -> None:
        super().__init__()
        self.klok = klok

    def compose(self) -> ComposeResult:
        with Horizontal():
            yield Static("het werk van de fase", id="hoofd")
            with Vertical(id="zij"):
                yield FaseKlok(self.klok, id="klok")
                yield Agendabalk(self.klok, id="agenda")

    def ververs(self) -> None:
        """Zoals de echte app na elke handeling doet."""
        self.query_one(FaseKlok).ververs()
        self.query_one(Agendabalk).ververs()


def _woorden(app: App) -> str:
    return str(app.query_one("#klok .fase-woorden", Static).render())


def _cijfers(app: App) -> str:
    return app.query_one("#klok Digits", Digits).value


async def _ververs(pilot) -> None:
    """Ververs zoals de app na een handeling doet, en wacht tot het getekend is."""
    pilot.app.ververs()
    await pilot.pause()


@pytest.fixture
def opstelling():
    tijd = Klok()
    _, vergadering = _vergadering()
    klok = AgendaKlok(vergadering, klok=tijd)
    return tijd, klok, KlokApp(klok)


async def test_normaal_loopt_de_tijd_af(opstelling):
    tijd, klok, app = opstelling
    async with app.run_test(size=(80, 24)) as pilot:
        klok.start()
        tijd.verzet(1)
        await _ververs(pilot)
        fk = app.query_one(FaseKlok)
        assert _cijfers(app) == "04:59"
        assert _woorden(app) == "nog ruim 4 minuten"
        assert fk.has_class("-normaal")
        assert not fk.has_class("-waarschuwing") and not fk.has_class("-over")
        tekst = scherm_tekst(app)
        assert "Fase 1 · Top 5 signalen" in tekst
        assert "0:01/5:00" in tekst
        assert "Totaal 0:01 van 20:00" in tekst


async def test_waarschuwing_bij_een_minuut_in_woorden_en_klasse(opstelling):
    tijd, klok, app = opstelling
    async with app.run_test(size=(80, 24)) as pilot:
        klok.start()
        tijd.verzet(239)  # nog 61 s: nog geen waarschuwing
        await _ververs(pilot)
        assert app.query_one(FaseKlok).has_class("-normaal")
        assert "afronden" not in _woorden(app)

        tijd.verzet(1)  # precies 60 s
        await _ververs(pilot)
        fk = app.query_one(FaseKlok)
        assert _cijfers(app) == "01:00"
        assert _woorden(app) == "nog 1 minuut · afronden"
        assert fk.has_class("-waarschuwing") and not fk.has_class("-normaal")

        tijd.verzet(15)
        await _ververs(pilot)
        assert _woorden(app) == "nog 45 seconden · afronden"
        # Niet alleen een andere tint: de woorden zijn vet.
        woorden = app.query_one("#klok .fase-woorden", Static)
        assert woorden.styles.text_style.bold


async def test_over_tijd_telt_door_in_woorden_en_als_blok(opstelling):
    tijd, klok, app = opstelling
    async with app.run_test(size=(80, 24)) as pilot:
        klok.start()
        tijd.verzet(5 * 60 + 83)
        await _ververs(pilot)
        fk = app.query_one(FaseKlok)
        assert _cijfers(app) == "+01:23"
        assert _woorden(app) == "+01:23 over tijd"
        assert fk.has_class("-over") and not fk.has_class("-waarschuwing")
        # Kleurenblind-veilig: een gekleurd blok met vette letters, anders dan waarschuwing.
        woorden = app.query_one("#klok .fase-woorden", Static)
        assert woorden.styles.text_style.bold
        assert woorden.styles.background.a > 0
        assert woorden.styles.background != app.screen.styles.background
        tekst = scherm_tekst(app)
        assert "6:23/5:00" in tekst
        # De klok gaat nooit zelf door naar de volgende fase.
        tijd.verzet(600)
        await _ververs(pilot)
        assert klok.vergadering.fase_index == 0
        assert _cijfers(app) == "+11:23"


async def test_pauze_zet_de_tijd_stil(opstelling):
    tijd, klok, app = opstelling
    async with app.run_test(size=(80, 24)) as pilot:
        klok.start()
        tijd.verzet(100)
        klok.pauzeer()
        await _ververs(pilot)
        assert _cijfers(app) == "03:20"
        assert _woorden(app) == "gepauzeerd"
        assert app.query_one(FaseKlok).has_class("-gepauzeerd")
        tijd.verzet(500)  # de tijd gaat door, de klok niet
        await _ververs(pilot)
        assert _cijfers(app) == "03:20"
        klok.hervat()
        tijd.verzet(20)
        await _ververs(pilot)
        assert _cijfers(app) == "03:00"
        assert _woorden(app) == "nog 3 minuten"
        assert not app.query_one(FaseKlok).has_class("-gepauzeerd")


async def test_pauze_over_tijd_zegt_dat_ook(opstelling):
    tijd, klok, app = opstelling
    async with app.run_test(size=(80, 24)) as pilot:
        klok.start()
        tijd.verzet(400)
        klok.pauzeer()
        await _ververs(pilot)
        assert _woorden(app) == "gepauzeerd · over tijd"
        assert _cijfers(app) == "+01:40"


async def test_een_minuut_erbij(opstelling):
    tijd, klok, app = opstelling
    async with app.run_test(size=(80, 24)) as pilot:
        klok.start()
        tijd.verzet(5 * 60 + 30)
        await _ververs(pilot)
        assert app.query_one(FaseKlok).has_class("-over")
        klok.minuut_erbij()
        await _ververs(pilot)
        assert _cijfers(app) == "00:30"
        assert app.query_one(FaseKlok).has_class("-waarschuwing")
        assert "5:30/6:00" in scherm_tekst(app)  # de agenda telt de extra minuut mee
        klok.minuut_erbij()
        await _ververs(pilot)
        assert _cijfers(app) == "01:30"
        assert app.query_one(FaseKlok).has_class("-normaal")


async def test_fasewissel_en_terug(opstelling):
    tijd, klok, app = opstelling
    async with app.run_test(size=(80, 24)) as pilot:
        klok.start()
        tijd.verzet(200)
        klok.volgende()
        tijd.verzet(30)
        await _ververs(pilot)
        titel = str(app.query_one("#klok .fase-titel", Static).render())
        assert titel == "Fase 2 · Top 1–2 acties"
        assert _cijfers(app) == "09:30"
        tekst = scherm_tekst(app)
        assert "✓1" in tekst and "▶2" in tekst  # fase 1 klaar, fase 2 huidig
        assert "3:20/5:00" in tekst and "0:30/10:00" in tekst
        assert "Totaal 3:50 van 20:00" in tekst
        klok.vorige()
        tijd.verzet(10)
        await _ververs(pilot)
        assert _cijfers(app) == "01:30"  # telt verder vanaf de gebruikte tijd
        assert "▶1" in scherm_tekst(app)


async def test_nog_niet_begonnen_en_gesloten(opstelling):
    tijd, klok, app = opstelling
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert _cijfers(app) == "05:00"
        assert _woorden(app) == "nog niet begonnen"
        assert app.query_one(FaseKlok).has_class("-wacht")
        klok.start()
        tijd.verzet(30)
        klok.stop_alles()
        klok.vergadering.gesloten_op = datetime(2026, 11, 23, 20, 0)
        await _ververs(pilot)
        assert _woorden(app) == "vergadering gesloten"
        assert app.query_one(FaseKlok).has_class("-gesloten")


async def test_klok_tekent_zichzelf_opnieuw_zonder_ververs(opstelling):
    """De interval-timer tekent opnieuw; de tijd zelf komt uit de (nep-)klok."""
    tijd, klok, app = opstelling
    async with app.run_test(size=(80, 24)) as pilot:
        klok.start()
        await pilot.pause()
        assert _cijfers(app) == "05:00"
        tijd.verzet(65)
        for _ in range(100):  # wacht op de timer (hoogstens ~5 s op een drukke machine)
            await pilot.pause(0.05)
            if _cijfers(app) == "03:55":
                break
        assert _cijfers(app) == "03:55"
        assert "1:05/5:00" in scherm_tekst(app)


async def test_elke_seconde_tekenen_deelt_het_scherm_niet_opnieuw_in(opstelling, monkeypatch):
    """Over tijd veranderen cijfers en woorden elke seconde; dat mag geen volledige
    opmaakronde van het scherm kosten (met een grote ranglijst ernaast is die duur)."""
    from textual.screen import Screen

    tijd, klok, app = opstelling
    async with app.run_test(size=(80, 24)) as pilot:
        klok.start()
        tijd.verzet(5 * 60 + 83)
        await _ververs(pilot)
        indelingen = []
        echte = Screen._refresh_layout

        def tel(self, *args, **kwargs):
            indelingen.append(1)
            return echte(self, *args, **kwargs)

        monkeypatch.setattr(Screen, "_refresh_layout", tel)
        for _ in range(5):
            tijd.verzet(1)
            await _ververs(pilot)
        assert _cijfers(app) == "+01:28"
        assert _woorden(app) == "+01:28 over tijd"
        assert indelingen == []


async def test_herstart_midden_in_een_fase(tmp_path):
    """Bewaard, de app dicht, weer open: dezelfde fase en de klok klopt."""
    tijd = Klok()
    wv, vergadering = _vergadering()
    opslag = Opslag(tmp_path / "db")
    opslag.bewaar_wijkverband(wv)
    klok = AgendaKlok(vergadering, klok=tijd)
    klok.start()
    tijd.verzet(200)
    klok.volgende()
    tijd.verzet(90)
    opslag.bewaar_vergadering(vergadering)

    tijd.verzet(30)  # de laptop start opnieuw op; de klok liep door
    terug = Opslag(tmp_path / "db").vergadering(wv.id, vergadering.id)
    app = KlokApp(AgendaKlok(terug, klok=tijd))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "Fase 2" in str(app.query_one("#klok .fase-titel", Static).render())
        assert _cijfers(app) == "08:00"  # 10:00 min 90 s min 30 s
        assert "3:20/5:00" in scherm_tekst(app)


async def test_compact_in_een_smal_paneel_op_80x24(opstelling):
    tijd, klok, app = opstelling
    async with app.run_test(size=(80, 24)) as pilot:
        klok.start()
        tijd.verzet(5 * 60 + 83)
        klok.volgende()
        klok.volgende()
        await _ververs(pilot)
        fk = app.query_one(FaseKlok)
        agenda = app.query_one(Agendabalk)
        # Titel, drie rijen cijfers, één regel woorden; de agenda drie fasen plus totaal.
        assert fk.region.height == 5
        assert agenda.region.height == 4
        assert fk.region.bottom <= agenda.region.y
        assert agenda.region.bottom <= 24
        tekst = scherm_tekst(app)
        assert "Fase 3 · Wat koppelen we" in tekst  # afgekapt, niet afgebroken
        assert "Terugkoppelen" in tekst  # de korte naam past, de lange niet


def test_woorden_voor_de_zaal():
    assert resterend_in_woorden(300) == "nog 5 minuten"
    assert resterend_in_woorden(299.2) == "nog 5 minuten"  # zoals de cijfers: 05:00
    assert resterend_in_woorden(298.5) == "nog ruim 4 minuten"  # 04:59
    assert resterend_in_woorden(61) == "nog ruim 1 minuut"
    assert resterend_in_woorden(60) == "nog 1 minuut · afronden"
    assert resterend_in_woorden(59.5) == "nog 1 minuut · afronden"  # 01:00
    assert resterend_in_woorden(1) == "nog 1 seconde · afronden"
    assert resterend_in_woorden(0) == "de tijd is om"
    assert resterend_in_woorden(-83) == "+01:23 over tijd"
    assert resterend_in_woorden(-3600) == "+60:00 over tijd"


def _regels(gebruikt: list[int], beschikbaar: list[int], huidig: int) -> list[Agendaregel]:
    titels = ["Top 5 signalen", "Top 1–2 acties", "Wat koppelen we terug?"]
    return [
        Agendaregel(i + 1, titels[i], gebruikt[i], beschikbaar[i], i == huidig, i < huidig)
        for i in range(3)
    ]


@given(
    breedte=st.integers(min_value=1, max_value=220),
    gebruikt=st.lists(st.integers(min_value=0, max_value=20_000), min_size=3, max_size=3),
    extra=st.lists(st.integers(min_value=0, max_value=60 * 60), min_size=3, max_size=3),
    huidig=st.integers(min_value=0, max_value=2),
)
def test_agenda_past_altijd_in_de_breedte(breedte, gebruikt, extra, huidig):
    beschikbaar = [300 + extra[0], 600 + extra[1], 300 + extra[2]]
    tekst = agenda_tekst(_regels(gebruikt, beschikbaar, huidig), sum(gebruikt), 1200, breedte)
    regels = tekst.plain.split("\n")
    assert len(regels) == 4
    assert all(cell_len(r) <= max(breedte, 10) for r in regels)
    assert regels[huidig].startswith("▶")


def test_agenda_uitgelopen_in_woorden():
    regels = _regels([400, 700, 0], [300, 600, 300], 2)
    smal = agenda_tekst(regels, 1100, 1200, 28).plain
    assert "Totaal 18:20 van 20:00" in smal
    breed = agenda_tekst(_regels([400, 900, 100], [300, 600, 300], 2), 1400, 1200, 100).plain
    assert "+1:40 over" in breed and "+5:00 over" in breed
    assert "3:20 uitgelopen" in breed


async def test_klok_en_agenda_komen_in_hetzelfde_beeld(opstelling):
    """Eén timer per scherm ververst klok en agenda samen: één beeld per seconde in plaats
    van twee (een toets vlak na een beeld wacht tot het volgende beeldje). Geen beeld toont
    de nieuwe seconde in de klok en de oude in de agenda."""
    from schermen_pilot import wacht

    tijd, klok, app = opstelling
    async with app.run_test(size=(80, 24)) as pilot:
        klok.start()
        await _ververs(pilot)
        agenda = app.query_one(Agendabalk)
        assert not app.query_one(FaseKlok)._timers and not agenda._timers
        beelden: list[tuple[str, str]] = []
        echte_display = app._display

        def display(screen, update):  # type: ignore[no-untyped-def]
            beelden.append((_cijfers(app), agenda._sleutel))  # getekend, niet herberekend
            return echte_display(screen, update)

        app._display = display  # type: ignore[method-assign]
        voor = (_cijfers(app), agenda._sleutel)
        tijd.verzet(61)  # de klok en de gebruikte tijd in de agenda veranderen allebei
        await wacht(pilot, lambda: beelden and beelden[-1][0] != voor[0])
        for cijfers, tekst in beelden:
            assert (cijfers == voor[0]) == (tekst == voor[1]), "klok en agenda los getekend"
