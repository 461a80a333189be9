"""Vakken lezen met twee processen (vergadering/opslag/tegelijk.py): dezelfde uitkomst en
dezelfde fout als alleen, ook als het kind faalt of stopt."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest
from schermen_gegevens import maak_opslag

from vergadering import opdrachtregel
from vergadering.opslag import tegelijk

NAMEN = [f"vak{i:02}" for i in range(10)]


@pytest.fixture
def splitsen(monkeypatch):
    """Splitsen mag, ook bij een paar vakken (anders pas vanaf DREMPEL)."""
    monkeypatch.setattr(tegelijk, "toegestaan", True)
    monkeypatch.setattr(tegelijk, "DREMPEL", 2)
    if tegelijk._kernen() < 2 or not hasattr(os, "fork"):
        pytest.skip("deze machine heeft geen twee kernen of geen fork, dus er wordt niet "
                    "gesplitst")


def _werk(naam: str) -> list:
    return [naam.upper(), os.getpid()]


def test_tweede_helft_in_een_kind_met_dezelfde_uitkomst(splitsen) -> None:
    uit = tegelijk.per_vak(NAMEN, _werk)
    assert list(uit) == NAMEN
    assert [v[0] for v in uit.values()] == [n.upper() for n in NAMEN]
    pids = [v[1] for v in uit.values()]
    assert pids[:5] == [os.getpid()] * 5
    assert os.getpid() not in pids[5:]  # door het kind gedaan


def test_zonder_toestemming_of_met_threads_geen_kind(splitsen, monkeypatch) -> None:
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
    def werk(naam: str) -> list:
        if naam in kapot:
            raise ValueError(f"{naam} is beschadigd")
        return _werk(naam)

    with pytest.raises(ValueError, match=f"^{kapot[0]} is beschadigd$"):
        tegelijk.per_vak(NAMEN, werk)
    assert _geen_kinderen_over()


def test_een_kind_dat_stopt_of_onzin_stuurt_kost_niets(splitsen) -> None:
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
    try:
        os.waitpid(-1, os.WNOHANG)
    except ChildProcessError:
        return True
    return False


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
