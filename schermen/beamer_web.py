"""De beamer in een browser: `vergadering beamer --web`.

textual-serve start per browser (een smart-tv, een tweede laptop, een tablet op de wifi van
het buurthuis) een eigen beamerproces, alleen-lezen: nooit de app van voorzitter en
notulist, dus niemand kan vanuit een browser in de vergadering typen.

Alles wat de pagina laadt, komt van deze server: de pagina (``web/beamer.html``, met het
lettertype uit het pakket van textual-serve in plaats van Google Fonts) en het script van
textual-serve. Er is in een buurthuis niet altijd internet.

Standaard luistert de server alleen op deze computer (127.0.0.1); ``--host 0.0.0.0`` is een
bewuste keuze, en dan zegt de opdracht welk adres de tv opent en dat iedereen op dat netwerk
het scherm kan zien.
"""

from __future__ import annotations

import errno
import ipaddress
import logging
import shlex
import socket
import sys
from pathlib import Path
from typing import Any

STANDAARD_POORT = 8000
LUISTER_LOKAAL = "127.0.0.1"
TITEL = "Vergadering – beamer"


def beamer_opdracht(map_: Path | None, wijkverband_id: str | None) -> str:
    """De opdracht die textual-serve per browser start: de alleen-lezen beamer (zonder
    ``map_``: de opslag uit $VERGADERING_DB, zoals een database)."""
    delen = [sys.executable, "-m", "schermen", "beamer"]
    if map_ is not None:
        delen += ["--db", str(map_)]
    if wijkverband_id:
        delen += ["--wijkverband", wijkverband_id]
    return shlex.join(delen)


def is_lokaal(host: str) -> bool:
    """Waar als alleen deze computer de server kan bereiken."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def adres_in_netwerk() -> str | None:
    """Het adres van deze computer in het lokale netwerk (voor de tv), zonder internet: een
    UDP-'verbinding' kiest alleen een route en verstuurt niets."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        try:
            s.connect(("10.255.255.255", 1))
            return s.getsockname()[0]
        except OSError:
            return None


def te_openen(host: str, poort: int) -> str:
    """Het adres om in de browser te openen."""
    if host in ("0.0.0.0", "::", ""):
        host = adres_in_netwerk() or "127.0.0.1"
    if ":" in host:
        host = f"[{host}]"
    return f"http://{host}:{poort}/"


def _server(opdracht: str, host: str, poort: int) -> Any:
    """Een textual-serve-server met onze pagina en Nederlandse meldingen."""
    import aiohttp_jinja2
    import textual_serve
    from aiohttp import web
    from textual_serve.server import Server

    statisch_pakket = Path(textual_serve.__file__).parent / "static"

    class BeamerServer(Server):
        def initialize_logging(self) -> None:
            # De logregels van textual-serve zijn Engels en voor ontwikkelaars; wat de
            # gebruiker moet weten, zegt serveer() zelf.
            logging.getLogger("textual-serve").setLevel(logging.CRITICAL)

        async def on_startup(self, app: web.Application) -> None:
            pass

        @aiohttp_jinja2.template("beamer.html")
        async def handle_index(self, request: web.Request) -> dict[str, Any]:
            # De adressen uit het verzoek zelf: een tv die 192.168.1.20 opent, moet de
            # websocket ook daar zoeken, niet op 0.0.0.0.
            basis = f"{request.scheme}://{request.host}"
            ws = ("wss" if request.scheme == "https" else "ws") + f"://{request.host}/ws"
            grootte = request.query.get("lettergrootte") or request.query.get("fontsize", "")
            return {
                "titel": TITEL,
                "statisch": f"{basis}/static/",
                "websocket": ws,
                "lettergrootte": int(grootte) if grootte.isdigit() and 6 <= int(grootte) <= 96
                else 16,
            }

    return BeamerServer(opdracht, host=host, port=poort, title=TITEL,
                        statics_path=statisch_pakket,
                        templates_path=Path(__file__).with_name("web"))


def serveer(map_: Path | None, wijkverband_id: str | None, *, host: str = LUISTER_LOKAAL,
            poort: int = STANDAARD_POORT) -> int:
    """Serveer de beamer tot ctrl+c; geeft de uitgangscode terug."""
    server = _server(beamer_opdracht(map_, wijkverband_id), host, poort)
    adres = te_openen(host, poort)
    print(f"De beamer staat klaar op {adres} ; open dat adres in de browser van de tv of "
          "tablet (ctrl+c stopt).", flush=True)
    if not is_lokaal(host):
        print("Let op: iedereen op dit netwerk kan dit scherm openen en de vergadering "
              "meekijken; persoonsgegevens van bewoners staan er nooit op.", flush=True)
    try:
        server.serve()
    except OSError as fout:
        if fout.errno == errno.EADDRINUSE:
            print(f"vergadering: poort {poort} is al in gebruik; kies een andere met --poort.",
                  file=sys.stderr)
        else:
            print(f"vergadering: de beamer kon niet op {host}:{poort} luisteren; kies met "
                  "--host en --poort een ander adres.", file=sys.stderr)
        return 1
    print("De beamer in de browser is gestopt.")
    return 0
