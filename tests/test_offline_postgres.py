"""De databaseserver valt weg midden in de vergadering (issue 14: wifi in een buurthuis).

Een eigen PostgreSQL voor deze tests (tests/pgserver.py), want die wordt gestopt en weer
gestart (``pauzeer``/``herstart``) en dat mag de andere tests niet raken. Alleen de wifi van
déze laptop weg, terwijl een andere laptop gewoon bij de server kan: een ``Doorgang`` (een
TCP-doorgeefluik in de test) die doorgeknipt wordt.

Getoetst wordt wat moet gelden: elke bevestigde wijziging komt in de database (teruggelezen
met een eigen verbinding), een wijziging van een andere laptop gaat niet verloren
(samengevoegd, of de voorzitter kiest), de melding staat in beeld zolang het duurt, en na
kill -9 met een gevuld journaal komt alles alsnog aan. Gewacht wordt op voorwaarden, niet
op tijden.
"""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

import pgserver
import psycopg
import pytest
from hulp_opslag import totdat
from psycopg.conninfo import conninfo_to_dict, make_conninfo
from schermen_gegevens import VANDAAG, Klok, maak_database
from schermen_pilot import begin_vergadering, meldingen, naar_rij, wacht
from textual.widgets import Static

from vergadering.bewaarder import Bewaarder
from vergadering.opslag.offline import GEEN_VERBINDING, journaal_voor
from vergadering.opslag.postgres import _NETWERK, PostgresOpslag
from vergadering.signaal import Signaal

WV = "de-hoven-noord"
KASTANJE, ZWERFAFVAL, BANKJES = "2611-s000", "2611-s001", "2611-s002"
HIER = Path(__file__).resolve().parent  # schermen_pilot, ook voor het kind
WORTEL = HIER.parent
LANG = 3000  # × 0,02 s (× 5 marge): de werkdraad wacht hoogstens 8 s tussen twee pogingen


# --- een eigen server, en een doorgang die doorgeknipt kan worden ---------------------------


@pytest.fixture(scope="module")
def server():
    """Een eigen server voor deze module: deze tests stoppen hem."""
    s = pgserver.start_voor_tests()
    try:
        yield s
    finally:
        pgserver.stop(s.map)


def _draait(server) -> bool:
    return (server.map / "data" / "postmaster.pid").exists()


@contextmanager
def _zonder_server(server):
    """De server is weg (gestopt, gegevens blijven) tot het einde van het blok."""
    pgserver.pauzeer(server.map)
    try:
        yield
    finally:
        pgserver.herstart(server.map)


def _journaal_en_weg(opslag: PostgresOpslag, v, sleutel: str) -> None:
    """Zonder server: een app zet een stip (in het journaal) en stopt; het journaal blijft."""
    bewaarder = Bewaarder(opslag)
    bewaarder.onthoud(v)
    v.stippen[sleutel] = 2
    assert bewaarder.bewaar(v)
    bewaarder.stop()  # de app is weg


@pytest.fixture
def db(server, tmp_path, monkeypatch):
    """Een eigen schema met de vaste gegevens van de schermtests; het lokale journaal in een
    eigen map (platformdirs volgt XDG_DATA_HOME, ook in een kindproces)."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "gebruiker"))
    with pgserver.eigen_schema(server.conninfo) as conninfo:
        maak_database(tmp_path / "bron", conninfo).sluit()
        yield conninfo
        if not _draait(server):  # anders is het schema niet weg te halen
            pgserver.herstart(server.map)


class Doorgang:
    """Een TCP-doorgang naar de server, die de test kan doorknippen (de wifi van één laptop):
    open verbindingen breken af, nieuwe worden meteen weer gesloten.

    Of stil laten vallen (``stil``): er komt niets meer door, in geen van beide richtingen,
    maar geen verbinding gaat dicht (geen RST: een zwart gat, zoals wifi die wegvalt). Wat
    onderweg was, blijft hangen en komt na ``herstel`` alsnog aan, zoals TCP het opnieuw
    zou sturen. ``zonder_antwoord``: de vragen komen aan, de antwoorden vallen weg."""

    def __init__(self, conninfo: str) -> None:
        delen = conninfo_to_dict(conninfo)
        self.doel = (str(delen["host"]), int(delen["port"]))
        self.doel_db = conninfo  # de server zelf, buiten de doorgang om
        self.luister = socket.create_server(("127.0.0.1", 0))
        self.conninfo = make_conninfo(conninfo, port=str(self.luister.getsockname()[1]))
        self.open = True
        self.antwoorden_weg = False
        self._door = threading.Event()  # gewist: een zwart gat
        self._door.set()
        self._verbindingen: list[socket.socket] = []
        self.aanvaard = 0  # hoeveel verbindingen de doorgang doorliet
        threading.Thread(target=self._aanvaard, daemon=True).start()

    def _aanvaard(self) -> None:
        while True:
            try:
                klant, _ = self.luister.accept()
            except OSError:
                return
            if not self.open:
                klant.close()
                continue
            try:
                server = socket.create_connection(self.doel)
            except OSError:
                klant.close()
                continue
            self._verbindingen += [klant, server]
            self.aanvaard += 1
            for van, naar, terug in ((klant, server, False), (server, klant, True)):
                threading.Thread(target=self._pomp, args=(van, naar, terug),
                                 daemon=True).start()

    def _pomp(self, van: socket.socket, naar: socket.socket, terug: bool) -> None:
        try:
            while data := van.recv(65536):
                self._door.wait()  # in het zwarte gat blijft het hier hangen
                if terug and self.antwoorden_weg:
                    continue
                naar.sendall(data)
        except OSError:
            pass
        for s in (van, naar):
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    def stil(self) -> None:
        """Een stille val: niets komt meer door, niets gaat dicht."""
        self._door.clear()

    def zonder_antwoord(self) -> None:
        """Wat de laptop stuurt, komt aan (de commit gebeurt); het antwoord raakt zoek."""
        self.antwoorden_weg = True

    def knip(self) -> None:
        self.open = False
        for s in self._verbindingen:
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
        self._verbindingen.clear()
        self._door.set()  # wat in het gat hing, merkt nu dat de verbinding weg is

    def herstel(self) -> None:
        self.open = True
        self.antwoorden_weg = False
        self._door.set()

    def sluit(self) -> None:
        self.knip()
        self.luister.close()


@pytest.fixture
def doorgang(db):
    d = Doorgang(db)
    yield d
    d.sluit()


def _vergadering(db: str):
    return PostgresOpslag(db).onafgemaakte_vergadering(WV)


def _nieuwe_vergadering(db: str):
    """Een open vergadering in de database, zoals de app die begint."""
    from vergadering.vergadering import nieuwe_vergadering

    opslag = PostgresOpslag(db)
    wv = opslag.wijkverband(WV)
    v = nieuwe_vergadering(wv, opslag.nieuw_vergadering_id(WV, VANDAAG), VANDAAG,
                           aanwezigheid={lid.id: "aanwezig" for lid in wv.leden})
    opslag.bewaar_vergadering(v)
    return opslag, v


# --- de bewaarder --------------------------------------------------------------------------


def _binnen(doe) -> object:
    """Doe het in een eigen draad en geef de uitkomst; faalt als het blijft hangen (het gat
    blijft open tot de test het dicht doet: dit toetst wachten, geen snelheid)."""
    uit: list[object] = []
    draad = threading.Thread(target=lambda: uit.append(doe()), daemon=True)
    draad.start()
    draad.join(60)
    assert not draad.is_alive(), "bleef hangen op de server"
    return uit[0]


def _stille_bewaarder(db: str, via: str | None = None):
    """Een bewaarder zoals de app hem heeft (hoogstens een beeldje wachten), over ``via``
    (een doorgang) of rechtstreeks; en wat hij meldt."""
    _, v = _nieuwe_vergadering(db)
    opslag = PostgresOpslag(via or db)
    v = opslag.vergadering(WV, v.id)
    gemeld: dict[str, list] = {"onderweg": [], "offline": [], "conflict": []}
    # meld_onderweg: één keer per commit die niet in een beeldje past
    afgespeeld = threading.Event()
    bewaarder = Bewaarder(opslag, meld_offline=gemeld["offline"].append,
                          meld_conflict=gemeld["conflict"].append,
                          meld_onderweg=lambda: gemeld["onderweg"].append("onderweg"),
                          meld_afgespeeld=afgespeeld.set, beeldje=0.05)
    bewaarder.onthoud(v)
    return bewaarder, v, gemeld, afgespeeld


def test_stille_val_de_bewaarder_wacht_niet_en_houdt_de_volgorde(db, doorgang):
    bewaarder, v, gemeld, afgespeeld = _stille_bewaarder(db, doorgang.conninfo)
    doorgang.stil()
    try:
        v.stippen[KASTANJE] = 2
        assert _binnen(lambda: bewaarder.bewaar(v))  # de commit hangt, de bewaarder niet
        assert bewaarder.onderweg and gemeld["onderweg"] == ["onderweg"]
        v.stippen[KASTANJE] = 3
        v.stippen[ZWERFAFVAL] = 1
        assert _binnen(lambda: bewaarder.bewaar(v))
        # Elke getoonde stand staat duurzaam in het journaal, in volgorde; op de server nog
        # niets, en niets werd als bewaard gemeld.
        assert [r.mijn["stippen"] for r in bewaarder.journaal.regels()] == [
            {KASTANJE: 2}, {KASTANJE: 3, ZWERFAFVAL: 1}]
        assert _vergadering(doorgang.doel_db).stippen == {}
        assert bewaarder.onderweg and not afgespeeld.is_set() and not gemeld["offline"]
    finally:
        doorgang.herstel()
    assert afgespeeld.wait(60), "het journaal werd niet afgespeeld"
    # De hangende commit kwam eerst aan, de tweede erachter: geen vraag, de laatste stand.
    assert not gemeld["conflict"] and not gemeld["offline"]
    assert _vergadering(doorgang.doel_db).stippen == {KASTANJE: 3, ZWERFAFVAL: 1}
    assert not bewaarder.offline and not bewaarder.journaal.pad.exists()


def test_commit_kwam_aan_het_antwoord_niet_niets_dubbel(db, doorgang):
    bewaarder, v, gemeld, afgespeeld = _stille_bewaarder(db, doorgang.conninfo)
    doorgang.zonder_antwoord()
    try:
        v.stippen[KASTANJE] = 2
        v.log(datetime(2026, 11, 23, 19, 40), "Stippen voor de kastanje")
        assert _binnen(lambda: bewaarder.bewaar(v))
        assert bewaarder.onderweg
        # De commit staat op de server, maar de laptop hoort het nooit ...
        totdat(lambda: _vergadering(doorgang.doel_db).stippen == {KASTANJE: 2})
        doorgang.knip()  # ... tot TCP de verbinding opgeeft
        totdat(lambda: gemeld["offline"] == [GEEN_VERBINDING])
        assert len(bewaarder.journaal) == 1  # dus blijft de regel staan
    finally:
        doorgang.herstel()
    bewaarder.probeer_nu()
    assert afgespeeld.wait(60), "het journaal werd niet afgespeeld"
    assert not gemeld["conflict"]  # hetzelfde document nog eens: geen vraag
    bewaard = _vergadering(doorgang.doel_db)
    assert bewaard.stippen == {KASTANJE: 2}
    assert [r.tekst for r in bewaard.logboek].count("Stippen voor de kastanje") == 1
    assert not bewaarder.journaal.pad.exists()



def test_afspelen_dat_hangt_houdt_het_bewaren_niet_op(db, doorgang):
    """Geen verbinding; dan komt het netwerk 'terug' maar stil: het afspelen wacht op een
    server die niet antwoordt (met het schrijfslot in handen). Een stip erbij gaat toch
    meteen het journaal in."""
    bewaarder, v, gemeld, afgespeeld = _stille_bewaarder(db, doorgang.conninfo)
    doorgang.knip()
    v.stippen[KASTANJE] = 1
    assert bewaarder.bewaar(v) and bewaarder.offline
    doorgang.stil()
    # Vóór het openen geteld: de werkdraad probeert het ook uit zichzelf opnieuw.
    eerder = doorgang.aanvaard
    doorgang.open = True  # verbinden lukt, maar er komt niets door
    try:
        bewaarder.probeer_nu()
        totdat(lambda: doorgang.aanvaard > eerder)  # het afspelen hangt nu
        v.stippen[KASTANJE] = 2
        assert _binnen(lambda: bewaarder.bewaar(v))
        # Het afspelen hing nog steeds (het slot is nog niet vrij): er werd niet op gewacht.
        assert not bewaarder._schrijfslot.acquire(blocking=False)
        assert len(bewaarder.journaal) == 2
    finally:
        doorgang.herstel()
    assert afgespeeld.wait(60), "het journaal werd niet afgespeeld"
    assert _vergadering(db).stippen == {KASTANJE: 2} and not gemeld["conflict"]


def test_trage_maar_levende_server_gaat_niet_offline(db):
    """Een commit die lang op de server wacht (hier op een slot van een ander, zoals een
    belaste machine): 'wordt bewaard', maar nooit 'geen verbinding', ook niet na de grens
    waarop TCP een stille val opgeeft; daarna gewoon bewaard."""
    bewaarder, v, gemeld, afgespeeld = _stille_bewaarder(db)
    with psycopg.connect(db) as ander:  # een open transactie houdt de rij vast
        ander.execute("SELECT 1 FROM documenten WHERE soort = 'vergaderingen' AND id = %s "
                      "FOR UPDATE", (v.id,))
        v.stippen[KASTANJE] = 2
        assert _binnen(lambda: bewaarder.bewaar(v))
        assert bewaarder.onderweg and gemeld["onderweg"] == ["onderweg"]
        time.sleep(_NETWERK["tcp_user_timeout"] / 1000 + 1)  # minstens zo lang
        assert bewaarder.onderweg and not gemeld["offline"]
    assert afgespeeld.wait(60), "de commit kwam niet aan"
    assert not gemeld["offline"] and not gemeld["conflict"]
    assert _vergadering(db).stippen == {KASTANJE: 2}
    assert not bewaarder.journaal.pad.exists()


def test_server_weg_dan_journaal_en_afspelen_als_hij_terug_is(server, db):
    opslag, v = _nieuwe_vergadering(db)
    meldingen_: list[str] = []
    afgespeeld = threading.Event()
    bewaarder = Bewaarder(opslag, meld_offline=meldingen_.append,
                          meld_afgespeeld=afgespeeld.set)
    bewaarder.onthoud(v)
    with _zonder_server(server):
        v.stippen[KASTANJE] = 2
        assert bewaarder.bewaar(v)  # bevestigd: in het lokale journaal, met fsync
        assert bewaarder.offline and meldingen_ == [GEEN_VERBINDING]
        nieuw = Signaal(bewaarder.nieuw_signaal_id(WV, VANDAAG), WV, "Losse stoeptegels",
                        VANDAAG)
        assert bewaarder.bewaar(nieuw, v)
        v.stippen[KASTANJE] = 3  # nog eens hetzelfde veld: de laatste waarde telt
        v.stippen[nieuw.id] = 1
        assert bewaarder.bewaar(v)
        assert len(bewaarder.journaal) == 4 and bewaarder.onopgeslagen == 0
        assert bewaarder.niet_opgeslagen(v)  # een ander venster overschrijft het niet
        assert meldingen_ == [GEEN_VERBINDING]  # één keer gezegd
    assert afgespeeld.wait(60), "het journaal werd niet afgespeeld"
    assert not bewaarder.offline and not bewaarder.journaal.pad.exists()
    bewaard = _vergadering(db)
    assert bewaard.stippen[KASTANJE] == 3 and bewaard.stippen[nieuw.id] == 1
    assert PostgresOpslag(db).signaal(WV, nieuw.id).tekst == "Losse stoeptegels"
    # Daarna gewoon verder: direct naar de server (de versie in het geheugen liep achter).
    v.stippen[ZWERFAFVAL] = 1
    assert bewaarder.bewaar(v) and not bewaarder.offline
    assert _vergadering(db).stippen == {KASTANJE: 3, nieuw.id: 1, ZWERFAFVAL: 1}


def test_andere_laptop_wijzigde_intussen_hetzelfde_samengevoegd(db, doorgang):
    """Alleen deze laptop is de verbinding kwijt; de andere bewaart dezelfde vergadering. Bij
    het afspelen gaat beider werk mee, zonder vraag."""
    _, v = _nieuwe_vergadering(db)
    hier = PostgresOpslag(doorgang.conninfo)
    v = hier.onafgemaakte_vergadering(WV)
    vragen: list = []
    bewaarder = Bewaarder(hier, meld_conflict=vragen.append)
    bewaarder.onthoud(v)
    doorgang.knip()
    v.stippen[KASTANJE] = 3
    v.fasen[0].notities = "Van deze laptop"
    assert bewaarder.bewaar(v) and bewaarder.offline
    daar = PostgresOpslag(db)
    w = daar.onafgemaakte_vergadering(WV)
    w.stippen[ZWERFAFVAL] = 2
    daar.bewaar_vergadering(w)
    doorgang.herstel()
    bewaarder.probeer_nu()
    totdat(lambda: not bewaarder.offline)
    assert not bewaarder.offline and not vragen
    bewaard = _vergadering(db)
    assert bewaard.stippen == {KASTANJE: 3, ZWERFAFVAL: 2}
    assert bewaard.fasen[0].notities == "Van deze laptop"


def test_tegenstrijdig_na_de_verbinding_de_voorzitter_kiest(db, doorgang):
    from vergadering.samenvoegen import MIJN

    _nieuwe_vergadering(db)
    hier = PostgresOpslag(doorgang.conninfo)
    v = hier.onafgemaakte_vergadering(WV)
    vragen: list = []
    gevraagd = threading.Event()
    bewaarder = Bewaarder(hier, meld_conflict=lambda vraag: (vragen.append(vraag),
                                                             gevraagd.set()))
    bewaarder.onthoud(v)
    doorgang.knip()
    v.stippen[KASTANJE] = 2
    v.stippen[BANKJES] = 1
    assert bewaarder.bewaar(v)
    daar = PostgresOpslag(db)
    w = daar.onafgemaakte_vergadering(WV)
    w.stippen[KASTANJE] = 4
    daar.bewaar_vergadering(w)
    doorgang.herstel()
    bewaarder.probeer_nu()
    assert gevraagd.wait(60)
    (vraag,) = vragen
    assert [c.pad for c in vraag.conflicten] == [("stippen", KASTANJE)]
    assert len(bewaarder.journaal) == 1  # blijft staan tot er gekozen is
    assert _vergadering(db).stippen == {KASTANJE: 4}
    assert bewaarder.beslis(vraag, {("stippen", KASTANJE): MIJN})
    totdat(lambda: not bewaarder.offline)
    assert _vergadering(db).stippen == {KASTANJE: 2, BANKJES: 1}
    assert not bewaarder.journaal.pad.exists()


def test_journaal_van_een_vorige_keer_nooit_weggegooid(server, db):
    """Een vorige keer bleef het journaal liggen (de app stopte zonder server). Zonder server
    hoort de gebruiker het; met server speelt ``speel_af`` het af, ook in een nieuw proces."""
    opslag, v = _nieuwe_vergadering(db)
    with _zonder_server(server):
        _journaal_en_weg(opslag, v, KASTANJE)
        later = Bewaarder(opslag)
        melding = later.journaal_van_vorige_keer()
        assert melding is not None and "1 wijziging(en)" in melding
        assert later.offline and not later.speel_af()  # nog geen server: blijft liggen
        assert len(later.journaal) == 1
    assert later.speel_af() and _vergadering(db).stippen == {KASTANJE: 2}
    assert journaal_voor(opslag).regels() == []


# --- de opdrachtregel ----------------------------------------------------------------------


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "vergadering", *args], capture_output=True,
                          text=True, timeout=120, cwd=WORTEL,
                          env={**os.environ, "PYTHONPATH": str(WORTEL)})


def test_opdrachtregel_zonder_server_weigert_en_er_gebeurt_niets(server, db):
    """Zonder server kan `vergadering signaal` het wijkverband niet eens opzoeken: een
    heldere weigering (code 1, één zin), niets half, geen journaal."""
    with _zonder_server(server):
        uit = _cli("signaal", "Kapotte lantaarn", "--wijkverband", "De Hoven-Noord",
                   "--db", db)
    assert uit.returncode == 1 and uit.stdout == ""
    assert "niet bereikbaar" in uit.stderr and "Traceback" not in uit.stderr
    assert len(uit.stderr.strip().splitlines()) == 1
    assert all(s.tekst != "Kapotte lantaarn" for s in PostgresOpslag(db).signalen(WV))
    assert journaal_voor(PostgresOpslag(db)).regels() == []


def test_opdrachtregel_speelt_een_liggend_journaal_eerst_af(server, db):
    """De app stopte zonder server met een gevuld journaal; de eerstvolgende opdracht op die
    database (met server) zet het er eerst in, en zegt dat."""
    opslag, v = _nieuwe_vergadering(db)
    with _zonder_server(server):
        _journaal_en_weg(opslag, v, ZWERFAFVAL)
        uit = _cli("signalen", "--wijkverband", "De Hoven-Noord", "--db", db)
        assert uit.returncode == 1 and "niet bereikbaar" in uit.stderr
        assert len(journaal_voor(opslag).regels()) == 1  # niet weggegooid
    uit = _cli("signaal", "Kapotte lantaarn", "--wijkverband", "De Hoven-Noord", "--db", db)
    assert uit.returncode == 0, uit.stderr
    assert "1 wijziging(en) die op deze laptop wachtten" in uit.stderr
    assert _vergadering(db).stippen == {ZWERFAFVAL: 2}
    assert any(s.tekst == "Kapotte lantaarn" for s in PostgresOpslag(db).signalen(WV))
    assert journaal_voor(opslag).regels() == [] and not journaal_voor(opslag).pad.exists()


# --- de app -------------------------------------------------------------------------------


def _in_tabel(tabel, sleutel: str) -> bool:
    try:
        tabel.get_row_index(sleutel)
    except Exception:
        return False
    return True


def _kop(app) -> str:
    return str(app.screen.query_one("#klokhulp", Static).render())


async def test_server_weg_midden_in_de_vergadering_de_app_gaat_door(server, db):
    from schermen.app import VergaderingApp
    from schermen.formulieren.signaal import SignaalFormulier

    app = VergaderingApp(PostgresOpslag(db), klok=Klok(), vandaag=VANDAAG)
    async with app.run_test(size=(100, 30)) as pilot:
        await begin_vergadering(pilot)
        tabel = app.screen.query_one("#ranglijst")
        await asyncio.to_thread(pgserver.pauzeer, server.map)
        try:
            await naar_rij(pilot, tabel, KASTANJE)
            await pilot.press("3")
            await wacht(pilot, lambda: app.sessie.vergadering.stippen.get(KASTANJE) == 3)
            await wacht(pilot, lambda: "GEEN VERBINDING" in _kop(app), LANG)
            assert any("Geen verbinding" in m for m in meldingen(app))
            await naar_rij(pilot, tabel, ZWERFAFVAL)
            await pilot.press("2")
            await pilot.press("a")  # een signaal erbij, zonder server
            await wacht(pilot, lambda: isinstance(app.screen, SignaalFormulier))
            await pilot.press(*"Losse stoeptegels Bremstraat")
            await pilot.press("ctrl+s")
            await wacht(pilot, lambda: not isinstance(app.screen, SignaalFormulier))
            nieuw = app.sessie.signalen[-1]
            assert nieuw.tekst == "Losse stoeptegels Bremstraat"
            await wacht(pilot, lambda: _in_tabel(tabel, nieuw.id))
            assert app.sessie.vergadering.stippen.get(ZWERFAFVAL) == 2
            assert "GEEN VERBINDING" in _kop(app)  # zolang het duurt
            await pilot.press("ctrl+s")  # probeert het nu, en zegt dat er nog niets is
            assert any("Nog geen verbinding" in m for m in meldingen(app))
            assert "GEEN VERBINDING" in _kop(app)
            assert app.bewaarder.onopgeslagen == 0 and len(app.bewaarder.journaal) >= 3
        finally:
            await asyncio.to_thread(pgserver.herstart, server.map)
        await wacht(pilot, lambda: not app.bewaarder.offline, LANG)
        await wacht(pilot, lambda: "GEEN VERBINDING" not in _kop(app), LANG)
        assert any("verbinding is terug" in m for m in meldingen(app))
        # En verder, direct op de server.
        await naar_rij(pilot, tabel, BANKJES)
        await pilot.press("1")
        await wacht(pilot, lambda: app.sessie.vergadering.stippen.get(BANKJES) == 1)
        assert app.bewaarder.wacht(10) and app.bewaarder.onopgeslagen == 0
    bewaard = _vergadering(db)
    assert bewaard.stippen == {KASTANJE: 3, ZWERFAFVAL: 2, BANKJES: 1}
    assert PostgresOpslag(db).signaal(WV, nieuw.id).tekst == "Losse stoeptegels Bremstraat"
    assert not app.bewaarder.journaal.pad.exists()


@pytest.mark.parametrize("afloop", ["terug", "tcp_geeft_op"])
async def test_stille_val_midden_in_de_vergadering_het_scherm_blijft_reageren(
        db, doorgang, afloop):
    """De wifi valt stil weg (geen RST): de commit van een stip krijgt geen antwoord. Het
    scherm wacht daar niet op: de volgende toetsen worden verwerkt terwijl het gat duurt,
    de kop zegt "wordt bewaard", en na herstel staat alles in volgorde op de server. Of TCP
    geeft het eerst op (de verbinding breekt): dan GEEN VERBINDING, en na herstel ook alles."""
    from schermen.app import GEEN_VERBINDING_KOP, WORDT_BEWAARD_KOP, VergaderingApp
    from schermen.formulieren.signaal import SignaalFormulier

    app = VergaderingApp(PostgresOpslag(doorgang.conninfo), klok=Klok(), vandaag=VANDAAG)
    async with app.run_test(size=(100, 30)) as pilot:
        await begin_vergadering(pilot)
        tabel = app.screen.query_one("#ranglijst")
        doorgang.stil()
        try:
            await naar_rij(pilot, tabel, KASTANJE)
            await pilot.press("3")
            await wacht(pilot, lambda: WORDT_BEWAARD_KOP in _kop(app))
            # De commit hangt nog; toetsen gaan gewoon door.
            await naar_rij(pilot, tabel, ZWERFAFVAL)
            await pilot.press("2")
            await wacht(pilot, lambda: app.sessie.vergadering.stippen.get(ZWERFAFVAL) == 2)
            await pilot.press("a")  # een signaal erbij: het kenmerk wacht niet op de server
            await wacht(pilot, lambda: isinstance(app.screen, SignaalFormulier))
            await pilot.press(*"Losse stoeptegels Bremstraat")
            await pilot.press("ctrl+s")
            await wacht(pilot, lambda: not isinstance(app.screen, SignaalFormulier))
            nieuw = app.sessie.signalen[-1]
            await wacht(pilot, lambda: _in_tabel(tabel, nieuw.id))
            await naar_rij(pilot, tabel, BANKJES)
            await pilot.press("1")
            await wacht(pilot, lambda: app.sessie.vergadering.stippen.get(BANKJES) == 1)
            assert app.bewaarder.onderweg  # het gat is er nog: nog steeds geen antwoord
            # Niets wordt als bewaard getoond wat niet bewaard is: de kop zegt het nog, en
            # wat op het scherm staat, staat duurzaam in het journaal (op de server niets).
            assert WORDT_BEWAARD_KOP in _kop(app)
            laatste = [r.mijn for r in app.bewaarder.journaal.regels()
                       if r.soort == "vergaderingen"][-1]
            assert laatste["stippen"] == app.sessie.vergadering.stippen
            assert not _vergadering(doorgang.doel_db).stippen
            if afloop == "tcp_geeft_op":
                doorgang.knip()
                await wacht(pilot, lambda: GEEN_VERBINDING_KOP in _kop(app), LANG)
                assert not app.bewaarder.onderweg and app.bewaarder.offline
        finally:
            doorgang.herstel()
        app.bewaarder.probeer_nu()
        await wacht(pilot, lambda: not app.bewaarder.offline, LANG)
        await wacht(pilot, lambda: not _kop(app).startswith(("Wordt", "GEEN")), LANG)
        if afloop == "terug":
            assert any("Bewaard in de database" in m for m in meldingen(app))
            assert not any("Geen verbinding" in m for m in meldingen(app))
        else:
            assert any("verbinding is terug" in m for m in meldingen(app))
        # Het eigen werk is niet 'in een ander venster gewijzigd': het geheugen heeft de
        # versie van de server (na het opnieuw lezen dat op het afspelen volgt).
        await wacht(pilot, lambda: app._te_volgen == [] and not app._volgen_bezig)
        assert not any("ander venster" in m for m in meldingen(app))
        assert app.sessie.vergadering.versie == _vergadering(doorgang.doel_db).versie
    assert _vergadering(doorgang.doel_db).stippen == {KASTANJE: 3, ZWERFAFVAL: 2, BANKJES: 1}
    bewaard = PostgresOpslag(doorgang.doel_db).signaal(WV, nieuw.id)
    assert bewaard.tekst == "Losse stoeptegels Bremstraat"
    assert not app.bewaarder.journaal.pad.exists()


async def test_andere_laptop_intussen_tegenstrijdig_de_voorzitter_kiest(db, doorgang):
    """Deze laptop is de wifi kwijt; een andere laptop zet intussen andere stippen op
    hetzelfde signaal en een notitie. Na de verbinding: de notitie gaat mee, voor de stippen
    kiest de voorzitter (hier: de eigen waarde)."""
    from schermen.app import VergaderingApp
    from schermen.kies_waarde import KiesWaarde
    from schermen.vergaderscherm import VergaderScherm

    app = VergaderingApp(PostgresOpslag(doorgang.conninfo), klok=Klok(), vandaag=VANDAAG)
    async with app.run_test(size=(100, 30)) as pilot:
        await begin_vergadering(pilot)
        tabel = app.screen.query_one("#ranglijst")
        doorgang.knip()
        await naar_rij(pilot, tabel, KASTANJE)
        await pilot.press("2")
        await wacht(pilot, lambda: app.bewaarder.offline, LANG)
        await wacht(pilot, lambda: "GEEN VERBINDING" in _kop(app))
        code = (
            "import sys\nfrom vergadering.opslag.postgres import PostgresOpslag\n"
            f"o = PostgresOpslag(sys.argv[1]); v = o.onafgemaakte_vergadering({WV!r})\n"
            f"v.stippen[{KASTANJE!r}] = 4\nv.fasen[0].notities = 'Van de andere laptop'\n"
            "o.bewaar_vergadering(v)\n"
        )
        uit = await asyncio.to_thread(subprocess.run, [sys.executable, "-c", code, db],
                                      capture_output=True, text=True, timeout=60,
                                      cwd=WORTEL, env={**os.environ, "PYTHONPATH": str(WORTEL)})
        assert uit.returncode == 0, uit.stderr
        doorgang.herstel()
        await wacht(pilot, lambda: isinstance(app.screen, KiesWaarde), LANG)
        await pilot.press("1")  # hier: 2
        await wacht(pilot, lambda: isinstance(app.screen, VergaderScherm))
        await wacht(pilot, lambda: not app.bewaarder.offline, LANG)
        await wacht(pilot, lambda: app.sessie.vergadering.fasen[0].notities
                    == "Van de andere laptop", LANG)
        assert app.sessie.vergadering.stippen[KASTANJE] == 2
    bewaard = _vergadering(db)
    assert bewaard.stippen[KASTANJE] == 2
    assert bewaard.fasen[0].notities == "Van de andere laptop"


KIND = r"""
import asyncio, sys
from vergadering.opslag.postgres import PostgresOpslag
from schermen.app import VergaderingApp
from schermen_pilot import begin_vergadering, wacht

app = VergaderingApp(PostgresOpslag(sys.argv[1]))

async def piloot(pilot):
    await begin_vergadering(pilot)  # wacht op elk scherm (en geeft het op, dan stopt het kind)
    print("BEGONNEN", flush=True)
    sys.stdin.readline()  # de test stopt nu de server
    await pilot.press("3", "down", "2", "down", "1")
    await wacht(pilot, lambda: len(app.bewaarder.journaal) >= 3)
    print("IN-JOURNAAL", flush=True)
    await asyncio.sleep(120)

app.run(headless=True, size=(80, 24), auto_pilot=piloot)
"""


async def test_kill_9_met_gevuld_journaal_daarna_komt_alles_aan(server, db, tmp_path):
    """De app wordt hard gestopt terwijl het journaal gevuld is (de server is weg). Opnieuw
    starten met de server terug: alles komt in de database."""
    from schermen.app import VergaderingApp

    omgeving = {**os.environ, "PYTHONPATH": os.pathsep.join((str(WORTEL), str(HIER)))}
    kind = subprocess.Popen([sys.executable, "-c", KIND, db], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True, cwd=WORTEL, env=omgeving)
    try:
        assert (await asyncio.to_thread(kind.stdout.readline)).strip() == "BEGONNEN"
        await asyncio.to_thread(pgserver.pauzeer, server.map)
        kind.stdin.write("\n")
        kind.stdin.flush()
        assert (await asyncio.to_thread(kind.stdout.readline)).strip() == "IN-JOURNAAL"
        os.kill(kind.pid, signal.SIGKILL)
        kind.wait(30)
    finally:
        if kind.poll() is None:
            kind.kill()
        if not _draait(server):
            await asyncio.to_thread(pgserver.herstart, server.map)
    opslag = PostgresOpslag(db)
    voor = opslag.onafgemaakte_vergadering(WV)
    assert not voor.stippen  # nog niet in de database: alleen in het journaal
    journaal = journaal_voor(opslag)
    assert len(journaal.regels()) >= 3
    app = VergaderingApp(opslag, klok=Klok(), vandaag=VANDAAG)
    async with app.run_test(size=(100, 30)) as pilot:
        await wacht(pilot, lambda: not journaal.pad.exists(), LANG)
        assert any("op deze laptop die nog niet in de database" in m for m in meldingen(app))
        # Na het afspelen leest het startscherm alles opnieuw: laat dat (en de impactregels,
        # in een eigen draad) afmaken vóór de app sluit.
        await wacht(pilot, lambda: "GEEN VERBINDING" not in app.sub_title, LANG)
        await wacht(pilot, lambda: app._te_volgen == [], LANG)  # het opnieuw lezen is begonnen
        start = app.screen_stack[0]  # er kan een vraag bovenop staan (hervatten?)
        await wacht(pilot, lambda: start.overzicht is not None
                    and start.impactregels is not None, LANG)
        await wacht(pilot, lambda: all(not w.is_running for w in app.workers), LANG)
    bewaard = _vergadering(db)
    assert sorted(bewaard.stippen.values(), reverse=True) == [3, 2, 1]
