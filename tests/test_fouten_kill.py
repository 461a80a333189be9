"""Fouten van buitenaf: `kill -9` van een schrijver op willekeurige momenten, en twee
schrijvers (plus een lezer) tegelijk.

Een schrijver meldt een kenmerk pas als ``bewaar_*`` terugkwam: dat is een bevestigde
bewerking. Na elke `kill -9` moet de opslag openen en moet elke bevestigde bewerking er zijn.
Het doden gebeurt met een echte SIGKILL op een echt proces (fork, zodat 60 rondes een paar
seconden duren in plaats van een minuut interpreter-opstarten), plus een paar rondes met de
echte opdrachtregel in een vers proces.
"""

from __future__ import annotations

import os
import random
import select
import signal
import subprocess
import sys
import time
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from hulp_opslag import WV, nieuwe_opslag, tijdelijke_bestanden

from vergadering.opslag import Opslag
from vergadering.signaal import Signaal

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="fork en SIGKILL: alleen POSIX")

KILLS = 60
# Hoeveel bevestigde bewerkingen een schrijver doet voordat hij gedood wordt (plus een
# willekeurig stukje): 0 raakt opstarten en de reservekopie.
VOORSPRONG = (0, 0, 1, 3, 10, 30, 80)
WACHTTIJD = 120.0
MAANDEN = (date(2026, 10, 5), date(2026, 11, 23))


class SprongKlok:
    """Begint een uur na de vorige schrijver: zo maakt elke schrijver bij zijn eerste
    bewerking een reservekopie, en wordt er ook tijdens het maken van kopieën gedood."""

    def __init__(self, begin: datetime) -> None:
        self.nu = begin

    def __call__(self) -> datetime:
        self.nu += timedelta(seconds=1)
        return self.nu


def _schrijver(map_: Path, uit: int, ronde: int) -> None:
    """Draait in het kind: bewerkingen tot het gedood wordt; meldt elke bevestigde."""
    rnd = random.Random(ronde)
    opslag = Opslag(map_, klok=SprongKlok(datetime(2026, 11, 23) + timedelta(hours=ronde)))
    eigen: list[Signaal] = []
    n = 0
    while True:
        n += 1
        if eigen and n % 3 == 0:
            s = rnd.choice(eigen)
            s.tekst = f"bijgewerkt {s.versie + 1}"
            opslag.bewaar_signaal(s)
            os.write(uit, f"u {s.id} {s.versie}\n".encode())
        else:
            datum = MAANDEN[n % 2]
            s = Signaal(id=opslag.nieuw_signaal_id(WV, datum), wijkverband_id=WV,
                        tekst=f"ronde {ronde} nummer {n} " + "x" * rnd.randrange(400),
                        datum=datum)
            opslag.bewaar_signaal(s)
            eigen.append(s)
            os.write(uit, f"n {s.id} {s.versie}\n".encode())


def _start_schrijver(map_: Path, ronde: int) -> tuple[int, int]:
    lees, schrijf = os.pipe()
    pid = os.fork()
    if pid == 0:  # het kind
        os.close(lees)
        try:
            _schrijver(map_, schrijf, ronde)
        finally:
            os._exit(1)
    os.close(schrijf)
    return pid, lees


def _wacht_op_bevestigingen(lees: int, aantal: int, pid: int) -> bytes:
    """Lees tot de schrijver ``aantal`` bewerkingen bevestigd heeft (0: meteen terug).

    Zo hangt het moment van doden af van hoe ver de schrijver is, niet van de klok: op een
    drukke machine wacht de test langer, maar raakt hij dezelfde soorten momenten.
    """
    gelezen = b""
    deadline = time.monotonic() + WACHTTIJD
    while gelezen.count(b"\n") < aantal:
        over = deadline - time.monotonic()
        assert over > 0, f"de schrijver bevestigde in {WACHTTIJD} s geen {aantal} bewerkingen"
        klaar, _, _ = select.select([lees], [], [], over)
        if not klaar:
            continue
        deel = os.read(lees, 65536)
        if not deel:  # de schrijver stopte vanzelf: dat is een fout, geen traagheid
            _, status = os.waitpid(pid, 0)
            raise AssertionError(f"de schrijver stopte voortijdig (status {status})")
        gelezen += deel
    return gelezen


def _lees_alles(fd: int, begin: bytes = b"") -> str:
    delen = [begin]
    while deel := os.read(fd, 65536):
        delen.append(deel)
    os.close(fd)
    return b"".join(delen).decode()


def _bevestigd(uitvoer: str, bevestigd: dict[str, int]) -> int:
    """Verwerk de meldingen (een halve laatste regel telt niet: die is niet bevestigd)."""
    n = 0
    for regel in uitvoer.split("\n")[:-1]:
        _, sid, versie = regel.split()
        bevestigd[sid] = max(bevestigd.get(sid, 0), int(versie))
        n += 1
    return n


def _controleer(map_: Path, bevestigd: dict[str, int]) -> None:
    opslag = Opslag(map_)
    gevonden = {s.id: s for s in opslag.signalen(WV)}  # opent zonder fout
    ontbreekt = set(bevestigd) - set(gevonden)
    assert not ontbreekt, f"bevestigde signalen kwijt: {sorted(ontbreekt)[:5]}"
    achter = {sid: (gevonden[sid].versie, v) for sid, v in bevestigd.items()
              if gevonden[sid].versie < v}
    assert not achter, f"bevestigde wijzigingen kwijt: {achter}"
    for s in gevonden.values():
        if s.versie > 1:
            assert s.tekst == f"bijgewerkt {s.versie}"


def test_kill_9_op_willekeurige_momenten_verliest_geen_bevestigde_bewerking(tmp_path):
    map_ = tmp_path / "db"
    nieuwe_opslag(map_)
    bevestigd: dict[str, int] = {}
    rnd = random.Random(20261123)
    for ronde in range(KILLS):
        pid, lees = _start_schrijver(map_, ronde)
        # Eerst wachten tot de schrijver zover is (0: opstarten, opruimen, reservekopie;
        # meer: midden in het journaal en het samenvoegen na 64 regels per vak), dan een
        # willekeurig stukje verder doden.
        begin = _wacht_op_bevestigingen(lees, rnd.choice(VOORSPRONG), pid)
        time.sleep(rnd.uniform(0.0, 0.02))
        os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
        assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL
        _bevestigd(_lees_alles(lees, begin), bevestigd)
        _controleer(map_, bevestigd)
    # Wat telt: geen bevestigde bewerking kwijt (hierboven na elke ronde), niet hoeveel er
    # in een tijdvak pasten. Dat er genoeg geschreven is om vakken na 64 regels samen te
    # voegen, volgt uit VOORSPRONG (elke ronde wacht op zoveel bevestigingen), niet uit de
    # drukte: daar hoeft niets op gecontroleerd te worden.
    # Na afloop: een gewone schrijfactie ruimt resten op en alles is er nog.
    opslag = Opslag(map_)
    s = Signaal(id=opslag.nieuw_signaal_id(WV, MAANDEN[1]), wijkverband_id=WV, tekst="na afloop",
                datum=MAANDEN[1])
    opslag.bewaar_signaal(s)
    assert tijdelijke_bestanden(map_) == []
    _controleer(map_, bevestigd)
    assert len(opslag.reservekopieen()) == 10


CLI_LUS = """
import sys
from vergadering.opdrachtregel import main
n = 0
while True:
    n += 1
    main(["signaal", f"via de opdrachtregel {n}", "--wijkverband", "De Hoven",
          "--datum", "23-11-2026", "--db", sys.argv[1]])
"""


def test_kill_9_van_de_opdrachtregel_in_een_vers_proces(tmp_path):
    map_ = tmp_path / "db"
    nieuwe_opslag(map_)
    bevestigd: dict[str, int] = {}
    rnd = random.Random(4)
    for ronde in range(4):
        proces = subprocess.Popen([sys.executable, "-u", "-c", CLI_LUS, str(map_)],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        # Opstarten duurt (op een drukke machine langer): wachten tot er bevestigd wordt.
        begin = _wacht_op_bevestigingen(proces.stdout.fileno(), 1 + ronde, proces.pid)
        time.sleep(rnd.uniform(0.0, 0.05))
        proces.send_signal(signal.SIGKILL)
        uit, fout = proces.communicate()
        assert proces.returncode == -signal.SIGKILL, fout.decode()
        for regel in (begin + uit).decode().split("\n")[:-1]:
            bevestigd[regel.strip()] = 1
        _controleer(map_, bevestigd)


def _lezer(map_: Path, stop: Path) -> None:
    """Leest steeds opnieuw terwijl anderen schrijven; elke fout is een mislukking."""
    opslag = Opslag(map_)
    while not stop.exists():
        opslag.signalen(WV)


def test_twee_schrijvers_tegelijk_verliezen_niets_en_een_lezer_ziet_nooit_iets_halfs(tmp_path):
    map_ = tmp_path / "db"
    nieuwe_opslag(map_)
    stop = tmp_path / "stop"
    per_schrijver = 80
    kinderen = []
    for nummer in range(2):
        lees, schrijf = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(lees)
            code = 1
            try:
                opslag = Opslag(map_, wachttijd=30)
                for i in range(per_schrijver):
                    s = Signaal(id=opslag.nieuw_signaal_id(WV, MAANDEN[1]), wijkverband_id=WV,
                                tekst=f"schrijver {nummer} signaal {i}", datum=MAANDEN[1])
                    opslag.bewaar_signaal(s)
                    os.write(schrijf, f"n {s.id} 1\n".encode())
                code = 0
            finally:
                os._exit(code)
        os.close(schrijf)
        kinderen.append((pid, lees))
    lezer = os.fork()
    if lezer == 0:
        code = 1
        try:
            _lezer(map_, stop)
            code = 0
        finally:
            os._exit(code)
    bevestigd: dict[str, int] = {}
    for pid, lees in kinderen:
        _bevestigd(_lees_alles(lees), bevestigd)
        _, status = os.waitpid(pid, 0)
        assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0
    stop.touch()
    _, status = os.waitpid(lezer, 0)
    assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0, "de lezer struikelde"
    assert len(bevestigd) == 2 * per_schrijver
    _controleer(map_, bevestigd)
    teksten = sorted(s.tekst for s in Opslag(map_).signalen(WV))
    assert len(teksten) == len(set(teksten)) == 2 * per_schrijver
