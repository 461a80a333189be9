"""Vaste gegevens voor de schermtests: één wijkverband met signalen, een gesloten vorige
vergadering en twee lopende acties. Alles op vaste datums, zodat schermafdrukken gelijk
blijven."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from vergadering.actie import Actie
from vergadering.bewaarder import Bewaarder
from vergadering.opslag import Opslag
from vergadering.sessie import Sessie
from vergadering.signaal import Contact, Signaal
from vergadering.terugkoppeling import Terugkoppeling
from vergadering.vergadering import nieuwe_vergadering
from vergadering.wijkverband import Agenda, Lid, Wijkverband

if TYPE_CHECKING:
    from schermen.app import VergaderingApp

VANDAAG = date(2026, 11, 23)
BEGIN = datetime(2026, 11, 23, 19, 30).timestamp()
VORIGE = date(2026, 10, 12)

LEDEN = [
    Lid("anja", "Anja de Vries", "voorzitter"),
    Lid("bram", "Bram Jansen", "notulist"),
    Lid("fatima", "Fatima El Amrani", "bewoner"),
    Lid("kees", "Kees Bakker", "bewoner"),
    Lid("mehmet", "Mehmet Yilmaz", "gemeente", "Gemeente"),
    Lid("ingrid", "Ingrid Visser", "welzijn", "Welzijn Oost"),
]

SIGNALEN = [
    ("Te hard rijden op de Kastanjelaan", 4, "verkeer"),
    ("Zwerfafval bij het winkelcentrum", 3, "schoon"),
    ("Geen bankjes in het Veldje", 2, "groen"),
    ("Straatverlichting Bremstraat kapot", 2, "veilig"),
    ("Hardrijders Kastanjelaan 's avonds", 1, "verkeer"),
    ("Speeltuin Hovenplein verouderd", 3, "spelen"),
    ("Eenzaamheid onder ouderen in de flat", 2, "zorg"),
]


class Klok:
    """Een nepklok in seconden (zoals ``time.time``) voor de agendaklok en de app: staat
    stil tot een test hem verzet. (De opslag wil een datetime: zie ``hulp_opslag.Klok``.)"""

    def __init__(self, begin: float = BEGIN) -> None:
        self.nu = begin

    def __call__(self) -> float:
        return self.nu

    def verzet(self, seconden: float) -> None:
        """Laat de tijd verstrijken."""
        self.nu += seconden


def maak_opslag(map_: Path, *, geparkeerd: bool = True, sjabloon: bool = False) -> Opslag:
    """Een opslag met het wijkverband De Hoven-Noord en zijn geschiedenis. Zonder
    ``sjabloon`` is de agenda het cyclusblok alleen (de tests van de cyclus); met
    ``sjabloon`` het standaardsjabloon eromheen."""
    opslag = Opslag(map_, klok=lambda: datetime(2026, 11, 23, 19, 0))
    wv = Wijkverband(
        "de-hoven-noord",
        "De Hoven-Noord",
        leden=list(LEDEN),
        partners=["Woonstede", "Welzijn Oost", "Wijkagent Noord"],
        themas=["verkeer", "groen", "schoon", "veilig", "spelen", "zorg"],
        agenda=Agenda() if sjabloon else Agenda(voor=[], na=[]),
    )
    opslag.bewaar_wijkverband(wv)
    for i, (tekst, aantal, thema) in enumerate(SIGNALEN):
        signaal = Signaal(
            f"2611-s{i:03d}",
            wv.id,
            tekst,
            VANDAAG - timedelta(days=20 - i),
            vorm="A",
            thema=thema,
            aantal=aantal,
            contact=Contact("mevrouw Jansen", "06-12345678") if i == 0 else None,
        )
        opslag.bewaar_signaal(signaal)
    if geparkeerd:
        oud = Signaal("2610-park", wv.id, "Hondenpoep op het grasveld", VORIGE, aantal=2,
                      status="geparkeerd", reden="Eerst de gemeente vragen",
                      vergadering_id="2026-10-12")
        opslag.bewaar_signaal(oud)
    vorige = nieuwe_vergadering(wv, "2026-10-12", VORIGE, plaats="Buurthuis De Hoven")
    vorige.terugkoppeling = Terugkoppeling(
        gehoord="Verkeer en groen", gedaan="Twee acties", volgende_update=date(2026, 11, 30),
        kanaal="nieuwsbrief", eigenaar="Anja de Vries",
    )
    vorige.gesloten_op = datetime(2026, 10, 12, 21, 0)
    vorige.acties = ["2026-1", "2026-2"]
    opslag.bewaar_vergadering(vorige)
    for nummer, (omschrijving, eigenaar, status) in enumerate(
        [("Bloembakken op het Hovenplein", "Woonstede", "gepland"),
         ("Buurtschouw straatverlichting", "Mehmet Yilmaz (Gemeente)", "loopt")], 1
    ):
        opslag.bewaar_actie(Actie(
            f"2026-{nummer}", wv.id, nummer, omschrijving, eigenaar, VORIGE,
            eerste_stap="Afspraak maken", status=status, vergadering_id="2026-10-12",
        ))
    return opslag


def maak_database(map_: Path, conninfo: str) -> Any:
    """De vaste gegevens van ``maak_opslag`` in een PostgreSQL-database (tabellen erbij), via
    dezelfde weg als ``vergadering overzetten``; geeft de ``PostgresOpslag``."""
    from vergadering.opslag.overzetten import zet_over
    from vergadering.opslag.postgres import PostgresOpslag, maak_schema

    maak_schema(conninfo)
    doel = PostgresOpslag(conninfo)
    zet_over(maak_opslag(map_), doel)
    return doel


def maak_app(map_: Path, klok: Klok | None = None, *, sjabloon: bool = False,
             **opties: Any) -> VergaderingApp:
    """De app op een nieuwe opslag met de vaste gegevens (``maak_opslag``), op VANDAAG en met
    de nepklok (of een nieuwe). De app opent zelf een Opslag, zoals bij het opstarten."""
    from schermen.app import VergaderingApp  # pas hier: test_agendaklok laadt geen textual

    maak_opslag(map_, sjabloon=sjabloon)
    return VergaderingApp(Opslag(map_), klok=Klok() if klok is None else klok, vandaag=VANDAAG,
                          **opties)


def voorzitter(map_: Path, klok: Callable[[], float], *,
               plaats: str = "Buurthuis De Hoven") -> Sessie:
    """De app van de voorzitter zonder scherm, op een opslag van ``maak_opslag``: een eigen
    Opslag-object op dezelfde map (zoals een ander proces), met een nieuwe vergadering van
    VANDAAG waarin iedereen aanwezig is."""
    opslag = Opslag(map_)
    wv = opslag.wijkverband("de-hoven-noord")
    v = nieuwe_vergadering(wv, opslag.nieuw_vergadering_id(wv.id, VANDAAG), VANDAAG,
                           plaats=plaats)
    opslag.bewaar_vergadering(v)
    return Sessie(wv, v, opslag.signalen(wv.id), opslag.acties(wv.id), Bewaarder(opslag), klok)


def vrije_poort() -> int:
    """Een poort op 127.0.0.1 die nu vrij is (voor een server in een test of meting)."""
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
