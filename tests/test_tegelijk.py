"""Vakken lezen met twee processen (vergadering/opslag/tegelijk.py): dezelfde uitkomst en
dezelfde fout als alleen, ook als het kind faalt of stopt."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from schermen_gegevens import maak_opslag

from vergadering import opdrachtregel
from vergadering.opslag import tegelijk

NAMEN = [f"vak{i:02}" for i in range(10)]


@pytest.fixture
def splitsen(request, monkeypatch) -> bool:
    """Splitsen mag, ook bij een paar vakken (anders pas vanaf DREMPEL).

    Geeft onwaar als de test al in een eigen proces gedraaid heeft (en geslaagd is): heeft
    een eerdere test in dit proces een thread laten lopen, dan weigert ``tegelijk`` terecht
    te forken (zie daar). Dan draait deze test in een vers pytest-proces, met alleen de
    hoofdthread, en slaat de test hier zijn eigen inhoud over."""
    if tegelijk._kernen() < 2 or not hasattr(os, "fork"):
        pytest.skip("deze machine heeft geen twee kernen of geen fork, dus er wordt niet "
                    "gesplitst")
    if threading.active_count() > 1 and not os.environ.get("TEGELIJK_APART"):
        r = subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
             request.node.nodeid], cwd=request.config.rootpath, capture_output=True,
            text=True, env={**os.environ, "TEGELIJK_APART": "1"}, timeout=300)
        assert r.returncode == 0, r.stdout[-3000:] + r.stderr[-2000:]
        assert "1 passed" in r.stdout and "skipped" not in r.stdout  # echt gedraaid
        return False
    monkeypatch.setattr(tegelijk, "toegestaan", True)
    monkeypatch.setattr(tegelijk, "DREMPEL", 2)
    _kinderen.clear()
    echt = os.fork

    def fork() -> int:
        pid = echt()
        if pid:
            _kinderen.append(pid)
        return pid

    monkeypatch.setattr(os, "fork", fork)
    return True


_kinderen: list[int] = []  # de kinderen van de test die nu loopt (zie splitsen)


def _werk(naam: str) -> list:
    return [naam.upper(), os.getpid()]


def _door_de_ouder(pids: list[int]) -> int:
    """Hoeveel namen vooraan de ouder deed; de rest moet het kind (één ander proces) gedaan
    hebben."""
    k = next((i for i, pid in enumerate(pids) if pid != os.getpid()), len(pids))
    assert len(set(pids[k:])) <= 1 and os.getpid() not in pids[k:]
    return k


def test_tweede_helft_in_een_kind_met_dezelfde_uitkomst(splitsen) -> None:
    if not splitsen:
        return  # al in een eigen proces gedraaid (zie splitsen)
    uit = tegelijk.per_vak(NAMEN, _werk)
    assert list(uit) == NAMEN
    assert [v[0] for v in uit.values()] == [n.upper() for n in NAMEN]
    # De ouder het eerste deel (iets meer dan de helft, zie DEEL_OUDER), het kind de rest.
    assert _door_de_ouder([v[1] for v in uit.values()]) == 6


def test_zonder_toestemming_of_met_threads_geen_kind(splitsen, monkeypatch) -> None:
    if not splitsen:
        return  # al in een eigen proces gedraaid (zie splitsen)
    stop = threading.Event()
    t = threading.Thread(target=stop.wait)
    t.start()
    try:
        assert {v[1] for v in tegelijk.per_vak(NAMEN, _werk).values()} == {os.getpid()}
    finally:
        stop.set()
        t.join()
    monkeypatch.setattr(tegelijk, "toegestaan", False)
    assert {v[1] for v in tegelijk.per_vak(NAMEN, _werk).values()} == {os.getpid()}


@pytest.mark.parametrize("kapot", [["vak02", "vak07"], ["vak07"], ["vak06", "vak08"]])
def test_de_eerste_fout_in_volgorde_zoals_alleen(splitsen, kapot: list[str]) -> None:
    if not splitsen:
        return  # al in een eigen proces gedraaid (zie splitsen)
    def werk(naam: str) -> list:
        if naam in kapot:
            raise ValueError(f"{naam} is beschadigd")
        return _werk(naam)

    with pytest.raises(ValueError, match=f"^{kapot[0]} is beschadigd$"):
        tegelijk.per_vak(NAMEN, werk)
    assert _geen_kinderen_over()


def test_een_kind_dat_stopt_of_onzin_stuurt_kost_niets(splitsen) -> None:
    if not splitsen:
        return  # al in een eigen proces gedraaid (zie splitsen)
    ouder = os.getpid()

    def stopt(naam: str) -> list:
        if naam == "vak07" and os.getpid() != ouder:
            os._exit(3)  # het kind valt weg midden in zijn werk
        return _werk(naam)

    uit = tegelijk.per_vak(NAMEN, stopt)
    assert [v[0] for v in uit.values()] == [n.upper() for n in NAMEN]
    assert uit["vak07"][1] == ouder  # overgedaan

    class Vreemd:  # marshal kan het niet bewaren
        pass

    uit = tegelijk.per_vak(NAMEN, lambda n: Vreemd() if os.getpid() != ouder else n)
    assert list(uit.values()) == NAMEN  # het kind kon niets sturen: alles zelf gedaan
    assert _geen_kinderen_over()


def _geen_kinderen_over() -> bool:
    """Waar als elk kind van deze test al opgeruimd is (geen zombie, niet meer bezig)."""
    assert _kinderen  # er is echt geforkt
    for pid in _kinderen:
        try:
            os.waitpid(pid, os.WNOHANG)
        except ChildProcessError:
            continue
        return False
    return True


def _lijsten(db: Path, capsys) -> list[tuple[int, str, str]]:
    uit = []
    for args in (["signalen"], ["acties", "--json"], ["vergaderingen"]):
        for pad in db.glob("*/.lijst-*"):
            pad.unlink()  # koud: elk vak wordt gelezen
        code = opdrachtregel.main([*args, "--db", str(db)])
        gelezen = capsys.readouterr()
        uit.append((code, gelezen.out, gelezen.err))
    return uit


def test_lijsten_met_twee_processen_byte_voor_byte_gelijk(tmp_path: Path, capsys,
                                                         splitsen, monkeypatch) -> None:
    if not splitsen:
        return  # al in een eigen proces gedraaid (zie splitsen)
    db = tmp_path / "db"
    maak_opslag(db)
    forks = []
    echt = os.fork
    monkeypatch.setattr(os, "fork", lambda: forks.append(1) or echt())
    samen = _lijsten(db, capsys)
    assert forks  # minstens de signalen (de andere soorten hebben hier maar één vak)
    monkeypatch.setattr(tegelijk, "toegestaan", False)
    assert _lijsten(db, capsys) == samen
    assert all(code == 0 for code, _, _ in samen)


def test_beschadigd_vak_zelfde_melding_als_alleen(tmp_path: Path, capsys, splitsen,
                                                  monkeypatch) -> None:
    if not splitsen:
        return  # al in een eigen proces gedraaid (zie splitsen)
    db = tmp_path / "db"
    maak_opslag(db)
    vakken = sorted(db.glob("*/signalen/*.json"))
    assert len(vakken) >= 2
    for i, vak in enumerate((vakken[-1], vakken[0])):  # één kapot vak, dan twee
        vak.write_bytes(vak.read_bytes()[:-20] + b"kapot")
        samen = _lijsten(db, capsys)[0]
        monkeypatch.setattr(tegelijk, "toegestaan", False)
        alleen = _lijsten(db, capsys)[0]
        monkeypatch.setattr(tegelijk, "toegestaan", True)
        assert samen == alleen  # dezelfde melding: van het eerste kapotte vak in volgorde
        assert samen[0] == 1 and "beschadigd" in samen[2]
        assert i or str(vak) in samen[2]


# --- in_twee: een werk in twee helften met één keer iets gezamenlijks halverwege ---------


def _deel(begin: int, eind: int) -> tuple[list[int], int]:
    getallen = list(range(begin, eind))
    return getallen, max(getallen, default=0)


def _af(getallen: list[int], grootste: int) -> list:
    return [[g * 10 + grootste for g in getallen], os.getpid()]


def test_in_twee_zelfde_uitkomst_en_het_kind_doet_de_tweede_helft(splitsen) -> None:
    if not splitsen:
        return  # al in een eigen proces gedraaid (zie splitsen)
    delen = tegelijk.in_twee(10, 2, _deel, max, _af)
    assert [d[0] for d in delen] == [[g * 10 + 9 for g in range(5)],
                                     [g * 10 + 9 for g in range(5, 10)]]
    assert delen[0][1] == os.getpid() != delen[1][1]
    alleen = tegelijk.in_twee(10, 11, _deel, max, _af)  # onder de drempel: alleen
    assert alleen[0][0] == delen[0][0] + delen[1][0] and alleen[0][1] == os.getpid()
    assert _geen_kinderen_over()


@pytest.mark.parametrize("waar", ["deel", "af"])
def test_in_twee_een_kind_dat_faalt_kost_niets(splitsen, waar: str) -> None:
    if not splitsen:
        return  # al in een eigen proces gedraaid (zie splitsen)
    ouder = os.getpid()

    def deel(begin: int, eind: int) -> tuple[list[int], int]:
        if waar == "deel" and os.getpid() != ouder:
            raise RuntimeError("kapot in het kind")
        return _deel(begin, eind)

    def af(getallen: list[int], grootste: int) -> list:
        if waar == "af" and os.getpid() != ouder:
            os._exit(5)  # weg na het gezamenlijke
        return _af(getallen, grootste)

    delen = tegelijk.in_twee(10, 2, deel, max, af)
    assert [d[0] for d in delen] == [[g * 10 + 9 for g in range(5)],
                                     [g * 10 + 9 for g in range(5, 10)]]
    assert {d[1] for d in delen} == {ouder}  # alles hier gedaan
    assert _geen_kinderen_over()


def test_in_twee_een_fout_hier_komt_door_en_laat_geen_kind_achter(splitsen) -> None:
    if not splitsen:
        return  # al in een eigen proces gedraaid (zie splitsen)
    ouder = os.getpid()

    def af(getallen: list[int], grootste: int) -> list:
        if os.getpid() == ouder:
            raise ValueError("kapot hier")
        return _af(getallen, grootste)

    with pytest.raises(ValueError, match="kapot hier"):
        tegelijk.in_twee(10, 2, _deel, max, af)
    assert _geen_kinderen_over()


def test_tabel_in_twee_processen_gelijk_aan_in_een_keer(splitsen, monkeypatch) -> None:
    if not splitsen:
        return  # al in een eigen proces gedraaid (zie splitsen)
    from vergadering import tabel

    teksten = ["kort", "een tekst die te lang is voor de kolom en dus afbreekt op woorden",
               "breed 漢字 schrift", "Ĳsselmeer — é", "eenwoorddatveeltelangisvoordekolom" * 3,
               ""]
    per_kolom = [[f"S{i:05}" for i in range(400)],
                 [teksten[i % len(teksten)] for i in range(400)],
                 [teksten[(i * 7) % len(teksten)] for i in range(400)]]
    per_kolom[0][399] = "S-langer-kenmerk"  # alleen in de tweede helft: een bredere kolom
    kolommen = [("Kenmerk", False), ("Signaal", True), ("Eigenaar", True)]
    monkeypatch.setattr(tabel, "RIJEN_TEGELIJK", 10)
    forks = []
    echt = os.fork
    monkeypatch.setattr(os, "fork", lambda: forks.append(1) or echt())

    def maak(breedte: int, onder: int | None) -> tuple[str, str]:
        return tabel.tabel_tekst_in_delen("Signalen (400)", kolommen, 400,
                                          lambda b, e: [k[b:e] for k in per_kolom], breedte,
                                          onder=onder)

    # Ook met de hoofdtekst onder de rij (onder=1): beide helften kiezen dat samen.
    for breedte in (120, 60, 20):
        for onder in (None, 1):
            samen = maak(breedte, onder)
            monkeypatch.setattr(tegelijk, "toegestaan", False)
            alleen = maak(breedte, onder)
            monkeypatch.setattr(tegelijk, "toegestaan", True)
            assert samen == alleen
    assert len(forks) == 6
    assert "Signaal" not in maak(60, 1)[0] and "Signaal" in maak(60, None)[0]


def test_het_kind_krijgt_de_helft_van_het_werk_en_alleen_bij_genoeg_werk(
        splitsen, monkeypatch) -> None:
    """Met de groottes van de vakken: het kind doet het laatste deel van het werk (niet van
    het aantal), en onder ``DREMPEL`` (geschat werk) komt er geen kind."""
    if not splitsen:
        return  # al in een eigen proces gedraaid (zie splitsen)
    groot = tegelijk.BYTES_PER_VAK * 19  # weegt als twintig kleine vakken
    uit = tegelijk.per_vak(NAMEN, _werk, [groot] + [0] * 9)
    assert list(uit) == NAMEN and _door_de_ouder([v[1] for v in uit.values()]) == 1
    uit = tegelijk.per_vak(NAMEN, _werk, [0] * 9 + [groot])
    assert _door_de_ouder([v[1] for v in uit.values()]) == 9  # het kind minstens één
    monkeypatch.setattr(tegelijk, "DREMPEL", 50)
    assert {v[1] for v in tegelijk.per_vak(NAMEN, _werk).values()} == {os.getpid()}
    assert {v[1] for v in tegelijk.per_vak(NAMEN, _werk, [0] * 10).values()} == {os.getpid()}
    uit = tegelijk.per_vak(NAMEN, _werk, [groot // 4] * 10)
    assert _door_de_ouder([v[1] for v in uit.values()]) == 6
    # Eén vak, hoe groot ook: niets te verdelen, dus geen kind.
    assert tegelijk.per_vak(["vak00"], _werk, [groot * 100])["vak00"][1] == os.getpid()
