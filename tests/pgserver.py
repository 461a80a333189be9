"""Een echte PostgreSQL voor de tests en de meting: starten in een tijdelijke map, stoppen.

Zo gebruikt (``.ci/run`` doet dit; de tests doen het zelf als ``VERGADERING_PG`` ontbreekt)::

    eval "$(python tests/pgserver.py start)"    # zet VERGADERING_PG en VERGADERING_PG_MAP
    python tests/pgserver.py stop "$VERGADERING_PG_MAP"

Waarom zo (zie ONTWERP.md §4): ``initdb`` en ``pg_ctl`` weigeren root, dus als root draaien ze
met ``runuser -u postgres --`` in een map van postgres; het logboek van de server moet door
postgres te schrijven zijn, dus staat het in de datamap. De server luistert alleen op
127.0.0.1, op een vrije poort, met ``trust``: alleen voor tests, nooit voor echte gegevens.
Ontbreekt PostgreSQL en zijn we root met apt-get, dan wordt Debians pakket geïnstalleerd.
"""

from __future__ import annotations

import os
import shlex
import shutil
import socket
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

DATABASE = "vergadering_test"
_ALS_ROOT = os.name == "posix" and os.geteuid() == 0


@dataclass
class Server:
    """Een gestarte server: de tijdelijke map (om te stoppen) en de conninfo van een lege
    database waarin de tests schema's en rollen mogen maken."""

    map: Path
    conninfo: str


def _bindir() -> Path | None:
    """De map met initdb en pg_ctl: Debians nieuwste versie, anders wat op PATH staat."""
    debian = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"),
                    key=lambda p: int(p.parent.parent.name) if p.parent.parent.name.isdigit()
                    else 0)
    if debian:
        return debian[-1].parent
    gevonden = shutil.which("initdb")
    return Path(gevonden).parent if gevonden else None


def kan_starten() -> str | None:
    """None als hier een server gestart kan worden, anders de reden waarom niet."""
    if _bindir() is not None:
        return None
    if _ALS_ROOT and shutil.which("apt-get"):
        return None
    return ("PostgreSQL ontbreekt (geen initdb) en kan hier niet geïnstalleerd worden "
            "(geen root met apt-get); zet VERGADERING_PG op een lege testdatabase")


def _installeer() -> Path:
    """Installeer Debians postgresql (alleen als root met apt-get)."""
    omgeving = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    installeer = ["apt-get", "install", "-y", "-qq", "--no-install-recommends", "postgresql"]
    if subprocess.run(installeer, env=omgeving, capture_output=True).returncode != 0:
        subprocess.run(["apt-get", "update", "-qq"], env=omgeving, check=True,
                       capture_output=True)
        subprocess.run(installeer, env=omgeving, check=True, capture_output=True)
    bindir = _bindir()
    if bindir is None:
        raise RuntimeError("postgresql is geïnstalleerd, maar initdb is niet te vinden")
    return bindir


def _vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _als_postgres(args: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *args] if _ALS_ROOT else args


def _draai(args: list[str]) -> None:
    uit = subprocess.run(_als_postgres(args), capture_output=True, text=True)
    if uit.returncode != 0:
        raise RuntimeError(f"{shlex.join(args)} mislukte:\n{uit.stdout}\n{uit.stderr}")


def start() -> Server:
    """Start een server in een nieuwe tijdelijke map en maak de lege testdatabase."""
    bindir = _bindir()
    if bindir is None:
        reden = kan_starten()
        if reden:
            raise RuntimeError(reden)
        bindir = _installeer()
    map_ = Path(tempfile.mkdtemp(prefix="vergadering-pg-"))
    if _ALS_ROOT:
        shutil.chown(map_, "postgres", "postgres")
    data = map_ / "data"
    poort = _vrije_poort()
    _draai([str(bindir / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres",
            "-E", "UTF8", "--locale=C.UTF-8", "--no-instructions"])
    opties = f"-p {poort} -k {map_} -c listen_addresses=127.0.0.1 -c max_connections=200"
    # Voor herstart(): dezelfde poort en opties (de tests van een weggevallen server).
    (map_ / "opties").write_text(opties)
    try:
        _pg_ctl_start(bindir, data, opties)
        _draai([str(bindir / "createdb"), "-h", "127.0.0.1", "-p", str(poort), "-U", "postgres",
                DATABASE])
    except BaseException:
        stop(map_)
        raise
    return Server(map_, f"postgresql://postgres@127.0.0.1:{poort}/{DATABASE}")


def start_voor_tests() -> Server:
    """``start`` voor een pytest-fixture: kan het hier niet, dan slaat de test over met de
    reden; in CI (``CI`` gezet) is dat een fout."""
    import pytest  # alleen hier: dit bestand draait ook als los script

    reden = kan_starten()
    if reden:
        if os.environ.get("CI"):
            pytest.fail(reden)
        pytest.skip(reden)
    return start()


@contextmanager
def eigen_schema(conninfo: str) -> Iterator[str]:
    """Een conninfo naar een eigen, leeg schema in de database van ``conninfo`` (via
    search_path); het schema gaat aan het eind weer weg, met alles erin."""
    import psycopg
    from psycopg.conninfo import make_conninfo

    schema = f"t_{os.getpid()}_{os.urandom(4).hex()}"
    with psycopg.connect(conninfo, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    try:
        yield make_conninfo(conninfo, options=f"-c search_path={schema}")
    finally:
        with psycopg.connect(conninfo, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA "{schema}" CASCADE')


def _pg_ctl_start(bindir: Path, data: Path, opties: str) -> None:
    _draai([str(bindir / "pg_ctl"), "-D", str(data), "-l", str(data / "server.log"),
            "-o", opties, "-w", "-t", "60", "start"])


def pauzeer(map_: str | Path) -> None:
    """Stop de server in ``map_`` maar laat de gegevens staan (de wifi valt weg); verbindingen
    worden verbroken. ``herstart`` start hem weer op dezelfde poort."""
    bindir = _bindir()
    assert bindir is not None
    _draai([str(bindir / "pg_ctl"), "-D", str(Path(map_) / "data"), "-m", "fast", "-w",
            "-t", "60", "stop"])


def herstart(map_: str | Path) -> None:
    """Start een met ``pauzeer`` gestopte server weer, met dezelfde poort en opties."""
    bindir = _bindir()
    assert bindir is not None
    data = Path(map_) / "data"
    _pg_ctl_start(bindir, data, (Path(map_) / "opties").read_text())


def stop(map_: str | Path) -> None:
    """Stop de server in ``map_`` (als die draait) en haal de map weg."""
    map_ = Path(map_)
    data = map_ / "data"
    bindir = _bindir()
    if bindir is not None and (data / "postmaster.pid").exists():
        subprocess.run(_als_postgres([str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate",
                                      "-w", "stop"]), capture_output=True)
    if map_.name.startswith("vergadering-pg-"):
        shutil.rmtree(map_, ignore_errors=True)


def main(args: list[str]) -> int:
    """``start``: print de export-regels voor de shell; ``stop MAP``: stop die server."""
    if args[:1] == ["start"]:
        server = start()
        print(f"export VERGADERING_PG={shlex.quote(server.conninfo)}")
        print(f"export VERGADERING_PG_MAP={shlex.quote(str(server.map))}")
        return 0
    if args[:1] == ["stop"] and len(args) == 2:
        stop(args[1])
        return 0
    print("gebruik: pgserver.py start | stop MAP", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
