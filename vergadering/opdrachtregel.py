"""De opdrachtregel: `vergadering [opdracht] ...`.

Uitgangscodes: 0 gelukt, 1 een probleem met de gegevens (één Nederlandse zin op stderr),
2 verkeerd gebruik. Nooit een traceback: ook een onverwachte fout wordt één zin (met
VERGADERING_DEBUG=1 komt de traceback wel, voor wie het probleem zoekt).

argparse haalt zijn eigen woorden ("usage:", "options", foutmeldingen) op via gettext,
met de module-naam ``argparse._``. Zolang onze parser iets maakt, ontleedt of toont, zetten
we daar tijdelijk een Nederlandse vertaling neer (``_in_het_nederlands``); daarbuiten blijft
argparse onaangeroerd.
"""

from __future__ import annotations

import argparse
import errno
import json
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from . import __version__
from .fouten import DEBUG, OngeldigeInvoer, OpslagFout, VergaderingFout
from .praktijkvormen import PRAKTIJKVORMEN

if TYPE_CHECKING:
    from .opslag import Opslag

OK, DATAPROBLEEM, VERKEERD_GEBRUIK = 0, 1, 2
MAX_AANTAL = 100_000

# --- argparse in het Nederlands ----------------------------------------------------

_VERTALING = {
    "usage: ": "gebruik: ",
    "positional arguments": "argumenten",
    "options": "opties",
    "optional arguments": "opties",
    "subcommands": "opdrachten",
    "show this help message and exit": "toon deze hulp en stop",
    "argument %(argument_name)s: %(message)s": "%(argument_name)s: %(message)s",
    "%(prog)s: error: %(message)s\n": "%(prog)s: fout: %(message)s\n",
    "unrecognized arguments: %s": "dit is onbekend: %s",
    "the following arguments are required: %s": "dit ontbreekt nog: %s",
    "one of the arguments %s is required": "een van deze is nodig: %s",
    "expected one argument": "hier hoort een waarde bij",
    "expected at most one argument": "hier hoort hoogstens één waarde bij",
    "expected at least one argument": "hier hoort minstens één waarde bij",
    "expected %s argument": "hier hoort %s waarde bij",
    "expected %s arguments": "hier horen %s waarden bij",
    "invalid choice: %(value)r (choose from %(choices)s)":
        "%(value)r kan niet; kies uit %(choices)s",
    "invalid %(type)s value: %(value)r": "%(value)r is geen geldige waarde",
    "ambiguous option: %(option)s could match %(matches)s":
        "%(option)s is niet duidelijk; bedoelt u %(matches)s?",
    "not allowed with argument %s": "kan niet samen met %s",
    "ignored explicit argument %r": "hier hoort geen waarde bij: %r",
    "unexpected option string: %s": "onverwachte optie: %s",
    "unknown parser %(parser_name)r (choices: %(choices)s)":
        "onbekende opdracht %(parser_name)r (kies uit %(choices)s)",
    "can't open '%(filename)s': %(error)s": "'%(filename)s' kan niet geopend worden: %(error)s",
}


def _vertaal(tekst: str) -> str:
    return _VERTALING.get(tekst, tekst)


def _vertaal_meervoud(enkelvoud: str, meervoud: str, n: int) -> str:
    return _vertaal(enkelvoud if n == 1 else meervoud)


@contextmanager
def _in_het_nederlands() -> Iterator[None]:
    """Laat argparse even Nederlands spreken (en zet daarna terug wat er stond)."""
    oud = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._ = _vertaal  # type: ignore[attr-defined]
    argparse.ngettext = _vertaal_meervoud  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = oud  # type: ignore[attr-defined]


def _terminalbreedte() -> int:
    """``shutil.get_terminal_size().columns``, met dezelfde regels ($COLUMNS, anders de
    terminal van stdout, anders 80), zonder shutil te laden."""
    try:
        kolommen = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        kolommen = 0
    if kolommen <= 0:
        try:
            kolommen = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            kolommen = 0
        kolommen = kolommen or 80
    return kolommen


class _Opmaak(argparse.RawDescriptionHelpFormatter):
    """De opmaak van de hulp, zo breed als argparse hem kiest. argparse maakt er een bij elk
    argument dat erbij komt, ook als er nooit hulp getoond wordt, en laadt daarvoor shutil
    (met bz2 en lzma): ~2,5 ms bij elke opdracht, een tiende van een korte lijst."""

    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24,
                 width: int | None = None) -> None:
        if width is None:
            width = _terminalbreedte() - 2  # zoals argparse zelf
        super().__init__(prog, indent_increment, max_help_position, width)


class _Parser(argparse.ArgumentParser):
    """argparse in het Nederlands, met uitgangscode 2 en een verwijzing naar --help."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Opmaak)
        with _in_het_nederlands():
            super().__init__(*args, **kwargs)

    def parse_args(self, args=None, namespace=None):  # type: ignore[override]
        with _in_het_nederlands():
            return super().parse_args(args, namespace)

    def parse_known_args(self, args=None, namespace=None):  # type: ignore[override]
        with _in_het_nederlands():
            return super().parse_known_args(args, namespace)

    def format_usage(self) -> str:
        with _in_het_nederlands():
            return super().format_usage()

    def format_help(self) -> str:
        with _in_het_nederlands():
            return super().format_help()

    def add_subparsers(self, **kwargs: Any):  # type: ignore[override]
        with _in_het_nederlands():
            return super().add_subparsers(**kwargs)

    def error(self, message: str) -> None:  # type: ignore[override]
        with _in_het_nederlands():
            tekst = _vertaal("%(prog)s: error: %(message)s\n") % {
                "prog": self.prog, "message": message}
        self.exit(VERKEERD_GEBRUIK, f"{tekst}Zie `{self.prog} --help`.\n")


# --- soorten waarden ---------------------------------------------------------------


def _tekst(waarde: str) -> str:
    """Tekst van de opdrachtregel, ook als de taalinstelling geen UTF-8 is.

    Onder een ASCII-instelling (LANG=C zonder UTF-8-modus) komen de bytes van 'é' of een
    emoji binnen als losse surrogaten; zijn die bytes geldige UTF-8, dan lezen we ze zo.
    """
    try:
        return os.fsencode(waarde).decode("utf-8")
    except UnicodeError:
        return waarde


def _map(waarde: str) -> str:
    if not waarde.strip():
        raise argparse.ArgumentTypeError("geef een map op, bijvoorbeeld --db mijn-opslag")
    return _tekst(waarde)


def _contact(waarde: str):
    """"naam; telefoon of e-mail" als privécontact (zonder ';' alleen een naam, of alleen
    gegevens als het een nummer of adres is)."""
    from .signaal import lees_contact

    try:
        return lees_contact(_tekst(waarde))
    except ValueError as fout:
        raise argparse.ArgumentTypeError(str(fout)) from fout


def _aantal(waarde: str) -> int:
    try:
        n = int(waarde.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"'{waarde[:20]}' is geen geheel getal; typ bijvoorbeeld --aantal 3"
        ) from None
    if not 1 <= n <= MAX_AANTAL:
        raise argparse.ArgumentTypeError(
            f"het aantal bewoners moet tussen 1 en {MAX_AANTAL:,} liggen".replace(",", ".")
        )
    return n


def _poort(waarde: str) -> int:
    try:
        n = int(waarde.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"'{waarde[:20]}' is geen poortnummer; typ bijvoorbeeld --poort 8000"
        ) from None
    if not 1 <= n <= 65535:
        raise argparse.ArgumentTypeError("een poort ligt tussen 1 en 65535, bijvoorbeeld 8000")
    return n


def _vorm(waarde: str) -> str:
    """A, B, C, D of overig; hoofdletters tellen niet."""
    for vorm in PRAKTIJKVORMEN:
        if waarde.strip().lower() == vorm.lower():
            return vorm
    return waarde  # argparse meldt dan welke keuzes er zijn


def _datum(waarde: str) -> date:
    from .datums import lees_datum

    try:
        return lees_datum(_tekst(waarde))
    except ValueError as fout:
        raise argparse.ArgumentTypeError(str(fout)) from None


# --- de parser ---------------------------------------------------------------------


def _db_optie(p: argparse.ArgumentParser, *, hoofd: bool = False) -> None:
    # Bij de opdrachten staat de standaard op SUPPRESS: anders zou een niet-gegeven --db
    # achter de opdracht een --db vóór de opdracht overschrijven met None.
    p.add_argument(
        "--db",
        metavar="MAP",
        type=_map,
        default=None if hoofd else argparse.SUPPRESS,
        help="de map met de gegevens, of een PostgreSQL-database (postgresql://server/db of "
             "service=naam) (anders $VERGADERING_DB, anders de gebruikersmap)",
    )


def _wv_optie(p: argparse.ArgumentParser, verplicht: bool = False) -> None:
    p.add_argument(
        "--wijkverband", metavar="NAAM", type=_tekst, required=verplicht,
        help="naam (of kenmerk) van het wijkverband; hoofdletters tellen niet",
    )


_VOORBEELDEN = {
    "database": """\
voorbeelden (als beheerder van de database):
  vergadering database maak --db postgresql://db.gemeente.nl/vergadering
  vergadering database rol anja --wijkverband "De Hoven-Noord" --db service=wijk
  vergadering database rol gemeente_katwijk --gemeente --db service=wijk

Het wachtwoord hoort in het wachtwoordbestand van libpq (~/.pgpass, op Windows
%APPDATA%\\postgresql\\pgpass.conf) of in een service (~/.pg_service.conf), nooit op de
opdrachtregel.""",
    "hoofd": """\
voorbeelden:
  vergadering demo --db demo-opslag        demogegevens maken en de app openen
  vergadering --db demo-opslag             de app openen op een map
  vergadering signalen --json              alle signalen als JSON

De map met gegevens kiest u met --db MAP (vóór of na de opdracht) of met de
omgevingsvariabele VERGADERING_DB; een gedeelde PostgreSQL-database met
--db postgresql://server/database of --db service=naam. Uitgangscodes: 0 gelukt, 1 probleem met de
gegevens, 2 verkeerd gebruik.""",
    "demo": """\
De demo is een verzonnen wijkverband (De Hoven-Noord) met een jaar geschiedenis tot
vandaag. Hij wordt alleen in een lege of nieuwe map geschreven, nooit over gegevens heen.

voorbeeld:
  vergadering demo --db demo-opslag --geen-app""",
    "signaal": """\
Het kenmerk van het nieuwe signaal komt op het scherm; de uitgangscode is pas 0 als het
signaal op schijf staat.

voorbeeld:
  vergadering signaal "Auto's rijden te hard in de Kastanjelaan" \\
      --wijkverband "Wijkverband De Hoven-Noord" --vorm A --thema verkeer --aantal 4""",
    "agenda": """\
Zonder --wijkverband komen alle wijkverbanden erin. Lees het bestand in uw agenda in (of
abonneer erop); na een nieuwe export en opnieuw inlezen schuiven verplaatste datums mee.

voorbeeld:
  vergadering agenda --ics hoven-noord.ics --wijkverband "De Hoven-Noord" """,
    "import": """\
Klopt er een rij niet, dan wordt niets toegevoegd en staat er welke rij en waarom. Een lijst
die nog eens ingelezen wordt, geeft geen dubbele signalen.

voorbeeld:
  vergadering import signalen uitvraag-november.xlsx --wijkverband "De Hoven-Noord"
  vergadering import signalen uitvraag-november.xlsx --wijkverband "De Hoven-Noord" --ja""",
    "avg": """\
Contactgegevens bij een signaal worden ook vanzelf geanonimiseerd: één keer per dag als de app
of een opdracht die iets bewaart de opslag opent, en na elk herstel. De termijn (standaard
365 dagen, minimaal 30) staat per wijkverband in de instellingen.

voorbeelden:
  vergadering avg                                  wat er zou gebeuren
  vergadering avg --uitvoeren
  vergadering avg --persoon "Henriëtte de Wit"     inzage
  vergadering avg --persoon "Henriëtte de Wit" --verwijder""",
    "opvolging": """\
Zonder --wijkverband komen alle wijkverbanden erin. `vergadering herinneringen --map MAP`
schrijft dezelfde punten als één bericht per eigenaar.

voorbeelden:
  vergadering opvolging --eigenaar "Wilma"
  vergadering opvolging --json""",
    "beamer": """\
Zonder --wijkverband kiest de beamer het enige wijkverband, of het enige met een vergadering
die nog niet gesloten is. Stoppen met q, ander thema met t.

voorbeelden:
  vergadering beamer --wijkverband "Wijkverband De Hoven-Noord"
  vergadering beamer --web --poort 8000""",
    "impact": """\
Zonder --wijkverband komen alle wijkverbanden erin. Elk cijfer zegt over hoeveel het gaat
(n); het JSON-schema staat in de README.

voorbeelden:
  vergadering impact --wijkverband "De Hoven-Noord"
  vergadering impact --periode 2026-Q3 --json""",
    "lijst": """\
Contactgegevens van bewoners staan nooit in deze lijst, ook niet in de JSON.

voorbeeld:
  vergadering {naam} --wijkverband "Wijkverband De Hoven-Noord" --json""",
}


class _Overslaan:
    """Staat in voor de parser van een opdracht die niet gegeven is: wat erbij komt, gaat
    nergens heen (zie ``maak_parser``)."""

    def __getattr__(self, naam: str) -> Callable[..., _Overslaan]:
        return lambda *args, **kwargs: self


class _AlleenDeze:
    """De subparsers, maar alleen de opdracht ``naam`` wordt echt gemaakt."""

    def __init__(self, sub: Any, naam: str) -> None:
        self.sub, self.naam = sub, naam

    def add_parser(self, naam: str, **kwargs: Any) -> Any:
        return self.sub.add_parser(naam, **kwargs) if naam == self.naam else _Overslaan()


def _opdracht_in(argv: Sequence[str]) -> str | None:
    """De opdracht in ``argv`` (het eerste woord dat geen optie is, na de waarde van een
    --db ervoor), of None."""
    slaan = False
    for woord in argv:
        if slaan:
            slaan = False
        elif woord == "--db":
            slaan = True
        elif not woord.startswith("-"):
            return woord
    return None


def maak_parser(opdracht: str | None = None) -> argparse.ArgumentParser:
    """De parser voor alle opdrachten; met ``opdracht`` alleen die van die opdracht (de rest
    maken kost bij een korte opdracht zo'n 2 ms, en niemand ziet hem: de hulp van het hele
    programma komt alleen zonder opdracht)."""
    parser = _Parser(
        prog="vergadering",
        description="Vergaderen in het wijkverband: ophalen, kiezen, doen, terugkoppelen. "
                    "Zonder opdracht opent de app.",
        epilog=_VOORBEELDEN["hoofd"],
    )
    parser.add_argument("--version", action="version", version=f"vergadering {__version__}",
                        help="toon het versienummer en stop")
    _db_optie(parser, hoofd=True)
    sub = parser.add_subparsers(dest="opdracht", metavar="OPDRACHT", parser_class=_Parser,
                                title="opdrachten")
    if opdracht is not None:
        sub = _AlleenDeze(sub, opdracht)

    p = sub.add_parser("demo", help="maak de demogegevens en open de app erop",
                       description="Maak de demogegevens en open de app erop.",
                       epilog=_VOORBEELDEN["demo"])
    p.add_argument("--geen-app", action="store_true",
                   help="alleen de gegevens schrijven, de app niet openen")
    _db_optie(p)

    p = sub.add_parser("signaal", help="voeg een signaal toe en toon het kenmerk",
                       description="Voeg een signaal uit de wijk toe.",
                       epilog=_VOORBEELDEN["signaal"])
    p.add_argument("tekst", type=_tekst, help="wat bewoners zeggen of zien, kort en concreet")
    _wv_optie(p, verplicht=True)
    p.add_argument("--vorm", type=_vorm, choices=list(PRAKTIJKVORMEN), default="overig",
                   help="hoe het is opgehaald: A buurtgesprek, B micro-uitvraag, C wijkpanel, "
                        "D ervaringsdeskundige, of overig (standaard)")
    p.add_argument("--thema", type=_tekst, default="", metavar="THEMA",
                   help="thema, bijvoorbeeld verkeer of groen")
    p.add_argument("--buurt", type=_tekst, default="", metavar="BUURT",
                   help="de buurt of straat")
    p.add_argument("--aantal", type=_aantal, default=1, metavar="N",
                   help="hoeveel bewoners dit zeggen (standaard 1)")
    p.add_argument("--datum", type=_datum, default=None, metavar="DATUM",
                   help="wanneer het binnenkwam, bijvoorbeeld 23-11-2026 (standaard vandaag)")
    p.add_argument("--contact", type=_contact, default=None, metavar='"NAAM; GEGEVENS"',
                   help="privé: wie het signaal gaf en hoe die te bereiken is (telefoon of "
                        "e-mail), bijvoorbeeld \"Ria Smit; 06-12345678\". Dit komt nooit op de "
                        "beamer of in openbare stukken")
    _db_optie(p)

    for naam, uitleg in (
        ("signalen", "toon de signalen"),
        ("acties", "toon de acties, met wat te laat is"),
        ("vergaderingen", "toon de vergaderingen"),
    ):
        p = sub.add_parser(naam, help=uitleg, description=uitleg[0].upper() + uitleg[1:] + ".",
                           epilog=_VOORBEELDEN["lijst"].format(naam=naam))
        _wv_optie(p)
        p.add_argument("--json", action="store_true",
                       help="als JSON (UTF-8), voor scripts, in plaats van een tabel")
        _db_optie(p)

    p = sub.add_parser("export", help="schrijf het mapje met de documenten van een vergadering",
                       description="Schrijf het mapje met verslag, actielijst, terugkoppeling "
                                   "en participatieafspraken van een vergadering.")
    _wv_optie(p)
    p.add_argument("--vergadering", default="laatste", type=_tekst, metavar="DATUM|laatste",
                   help="welke vergadering (standaard de laatste)")
    p.add_argument("--map", default=None, type=_map, metavar="MAP",
                   help="waar het mapje komt")
    p.add_argument("--alleen",
                   choices=["verslag", "actielijst", "terugkoppeling", "afspraken", "agenda"],
                   help="maak alleen dit document")
    p.add_argument("--privacy-akkoord", action="store_true",
                   help="na controle: de onbesliste items van de privacycheck (namen, "
                        "aanspreekvormen, adressen die op persoonsgegevens lijken) blijven in "
                        "de documenten staan. Zonder deze optie noemt de export ze en stopt hij "
                        "(code 1). Contacten van bewoners, telefoonnummers en e-mailadressen "
                        "gaan er altijd uit")
    p.add_argument("--impact", action="store_true",
                   help="schrijf in plaats van het mapje het jaarverslag impact.docx: bereik, "
                        "spiegel van de wijk, doorwerking en terugkoppeling")
    p.add_argument("--periode", default=None, type=_tekst, metavar="2026|2026-Q3|12m",
                   help="met --impact: over welke periode (standaard de laatste 12 maanden)")
    _db_optie(p)

    p = sub.add_parser("beamer", help="toon de vergadering op een tweede scherm of in een browser",
                       description="Toon de open vergadering van een wijkverband voor de zaal: "
                                   "alleen kijken, geen invoer, geen gegevens van bewoners. De "
                                   "beamer volgt wat de voorzitter in de app doet.",
                       epilog=_VOORBEELDEN["beamer"])
    _wv_optie(p)
    p.add_argument("--web", action="store_true",
                   help="in een browser tonen in plaats van in deze terminal")
    p.add_argument("--host", default="127.0.0.1", type=_tekst, metavar="HOST",
                   help="met --web: het adres waarop de beamer luistert (standaard 127.0.0.1, "
                        "alleen deze computer; 0.0.0.0 is het hele netwerk)")
    p.add_argument("--poort", default=8000, type=_poort, metavar="N",
                   help="met --web: de poort (standaard 8000)")
    _db_optie(p)

    p = sub.add_parser("agenda", help="zet eerste stappen, checkmomenten en vergaderingen in "
                                      "een agendabestand (.ics)",
                       description="Schrijf een iCalendar-bestand met de eerste stappen en "
                                   "checkmomenten van open acties, de volgende vergaderingen "
                                   "en de beloofde updates aan bewoners. Opnieuw inlezen "
                                   "geeft geen dubbele afspraken.",
                       epilog=_VOORBEELDEN["agenda"])
    p.add_argument("--ics", required=True, type=_tekst, metavar="BESTAND",
                   help="het bestand om te schrijven (bijvoorbeeld wijkverband.ics)")
    _wv_optie(p)
    _db_optie(p)

    p = sub.add_parser("import", help="lees signalen in uit een spreadsheet (.xlsx) of .csv",
                       description="Lees signalen in uit een spreadsheet (.xlsx) of een lijst "
                                   "(.csv). De kolommen worden op hun kop herkend: Signaal "
                                   "(verplicht), Datum, Praktijkvorm, Thema, Buurt, Aantal "
                                   "bewoners, Contact (privé: 'naam; telefoon of e-mail'). "
                                   "Zonder --ja ziet u eerst wat erbij komt.",
                       epilog=_VOORBEELDEN["import"])
    p.add_argument("soort", choices=["signalen"], help="wat er ingelezen wordt")
    p.add_argument("bestand", type=_tekst, metavar="BESTAND", help="het .xlsx- of .csv-bestand")
    _wv_optie(p, verplicht=True)
    p.add_argument("--ja", action="store_true",
                   help="voeg ze echt toe (zonder --ja: alleen laten zien wat erbij komt)")
    _db_optie(p)

    p = sub.add_parser("opvolging", help="wat elke eigenaar nu moet doen (mijn acties)",
                       description="Toon per eigenaar wat er te doen is: eerste stappen die te "
                                   "laat zijn of binnen 7 dagen vallen, checkmomenten binnen 14 "
                                   "dagen of voorbij, en een beloofde update aan bewoners die "
                                   "eraan komt of voorbij is.",
                       epilog=_VOORBEELDEN["opvolging"])
    p.add_argument("--eigenaar", type=_tekst, metavar="NAAM",
                   help="alleen de punten van deze eigenaar (een deel van de naam is genoeg)")
    _wv_optie(p)
    p.add_argument("--json", action="store_true", help="als JSON (UTF-8)")
    _db_optie(p)

    p = sub.add_parser("herinneringen", help="schrijf per eigenaar een herinnering om te versturen",
                       description="Schrijf per eigenaar één tekstbestand met wat er te doen is, "
                                   "in gewone taal, klaar om in een mail of app te plakken. Er "
                                   "wordt niets verstuurd.")
    p.add_argument("--map", required=True, type=_map, metavar="MAP",
                   help="waar de herinneringen komen (een bestaande herinnering voor dezelfde "
                        "eigenaar wordt vervangen)")
    _wv_optie(p)
    _db_optie(p)

    p = sub.add_parser("avg", help="bewaartermijn van contactgegevens, inzage en verwijderen "
                                   "op verzoek",
                       description="Zonder meer: toon welke contactgegevens van bewoners over "
                                   "hun bewaartermijn zijn (en welke reservekopieën), en voer "
                                   "het uit met --uitvoeren. Met --persoon: alles wat over "
                                   "iemand bewaard is (inzage), en met --verwijder weghalen.",
                       epilog=_VOORBEELDEN["avg"])
    p.add_argument("--uitvoeren", action="store_true",
                   help="anonimiseer wat over de bewaartermijn is (zonder: alleen tonen)")
    p.add_argument("--persoon", type=_tekst, metavar="NAAM",
                   help="toon alles wat over deze persoon bewaard is")
    p.add_argument("--verwijder", action="store_true",
                   help="met --persoon: haal het weg (ook uit oudere reservekopieën)")
    p.add_argument("--json", action="store_true", help="met --persoon: als JSON (UTF-8)")
    _db_optie(p)

    p = sub.add_parser("impact", help="bereik, spiegel van de wijk, doorwerking en "
                                      "terugkoppeling in cijfers",
                       description="Toon de vier pijnen in cijfers: bereik van bewoners, "
                                   "representativiteit, doorwerking in acties en "
                                   "terugkoppeling, over een periode.",
                       epilog=_VOORBEELDEN["impact"])
    _wv_optie(p)
    p.add_argument("--periode", default="12m", type=_tekst, metavar="2026|2026-Q3|12m",
                   help="een jaar, een kwartaal of de laatste maanden (standaard 12m)")
    p.add_argument("--json", action="store_true", help="als JSON (UTF-8), voor scripts")
    _db_optie(p)

    p = sub.add_parser("reservekopie", help="toon de reservekopieën, of maak er nu een",
                       description="Toon de reservekopieën van de gegevens, of maak er nu een.")
    p.add_argument("--nu", action="store_true", help="maak nu een reservekopie")
    _db_optie(p)

    p = sub.add_parser("herstel", help="zet een reservekopie terug",
                       description="Zet een reservekopie terug (eerst wordt de huidige stand "
                                   "zelf bewaard).")
    p.add_argument("kopie", type=_tekst,
                   help="de naam van de reservekopie (zie `vergadering reservekopie`)")
    p.add_argument("--bestand", default=None, type=_tekst, metavar="PAD",
                   help="alleen dit bestand terugzetten")
    _db_optie(p)

    p = sub.add_parser("overzetten", help="alles van een map naar de database, of terug",
                       description="Zet alle gegevens over van een map naar een "
                                   "PostgreSQL-database of terug (ook als reservekopie op een "
                                   "USB-stick). Telt eerst, kopieert, en vergelijkt daarna elk "
                                   "document; de bron blijft zoals hij is. Nog eens draaien "
                                   "voegt niets dubbel toe.")
    p.add_argument("--van", required=True, type=_map, metavar="MAP|DB",
                   help="waar de gegevens nu staan (een map of postgresql://…)")
    p.add_argument("--naar", required=True, type=_map, metavar="MAP|DB",
                   help="waar ze heen gaan (een lege of nieuwe map, of een database)")

    p = sub.add_parser("database", help="de gedeelde PostgreSQL-database beheren",
                       description="Maak of werk de tabellen van Vergadering bij in een "
                                   "PostgreSQL-database, of geef een databaserol toegang.",
                       epilog=_VOORBEELDEN["database"])
    handelingen = p.add_subparsers(dest="handeling", metavar="HANDELING", required=True)
    q = handelingen.add_parser("maak", help="maak de tabellen of werk ze bij (mag vaker)")
    _db_optie(q)
    q = handelingen.add_parser("rol", help="geef een databaserol toegang tot een wijkverband "
                                           "of (gemeente) tot alles om te lezen")
    q.add_argument("lid", type=_tekst, help="de databaserol (die zich aanmeldt)")
    q.add_argument("--wijkverband", metavar="NAAM", type=_tekst, default=None,
                   help="lezen en schrijven in dit wijkverband")
    q.add_argument("--gemeente", action="store_true", help="alle wijkverbanden lezen")
    _db_optie(q)
    _db_optie(p)
    return parser


# --- de map met gegevens -----------------------------------------------------------


def _gekozen_map(args: argparse.Namespace) -> Path:
    from .opslag import standaard_map

    return Path(args.db).expanduser() if args.db else standaard_map()


def _gekozen_database(args: argparse.Namespace) -> str | None:
    """Het PostgreSQL-adres van ``--db`` of ``VERGADERING_DB``; None als dat een map is."""
    from .opslag import is_database
    from .opslag.facade import OMGEVINGSVARIABELE

    db = args.db or os.environ.get(OMGEVINGSVARIABELE) or ""
    if not is_database(db):
        return None
    from .opslag.postgres import heeft_wachtwoord

    if args.db and heeft_wachtwoord(db):
        # Wat op de opdrachtregel staat, ziet elke gebruiker van deze computer (ps) en komt
        # in de geschiedenis van de shell: zeg het, eenmalig, en ga door.
        print("Let op: er staat een wachtwoord in --db; dat is voor andere gebruikers van "
              "deze computer te zien. Zet het in het wachtwoordbestand van libpq (~/.pgpass) "
              "of gebruik een service (--db service=…).", file=sys.stderr)
    return db


def _controleer_map(pad: Path) -> None:
    """Een Nederlandse zin vóórdat de opslag iets probeert: bestand, geen rechten."""
    bestaand = pad
    while not bestaand.exists() and bestaand != bestaand.parent:
        bestaand = bestaand.parent
    if not bestaand.is_dir():
        if bestaand == pad:
            raise OpslagFout(
                f"{pad} is een bestand, geen map; geef met --db een map op voor de gegevens."
            )
        raise OpslagFout(
            f"{pad} kan geen map worden, want {bestaand} is een bestand; "
            "kies met --db een andere map."
        )
    if bestaand == pad and not os.access(pad, os.R_OK | os.X_OK):
        raise OpslagFout(
            f"U hebt geen leesrechten op de map {pad}; pas de rechten aan of kies met --db "
            "een andere map."
        )


# De opslag van deze opdracht: main() toont daarna haar waarschuwingen (schijf bijna vol).
_geopend: list[Any] = []


def _vandaag() -> date:
    """De datum van vandaag (tests zetten hem vast)."""
    return date.today()


def _opslag(args: argparse.Namespace, *, moet_bestaan: bool = False, avg: bool = False,
            afspelen: bool = True):
    """De opslag van ``--db``; met ``avg`` wordt (één keer per dag) de bewaartermijn van
    contactgegevens toegepast (zie avg.py). Lijsten en de beamer doen dat niet: die lezen
    alleen, en moeten snel zijn; de app doet het zelf na het opstarten. Bij een database
    wordt eerst een lokaal journaal van een vorige keer afgespeeld (``afspelen``; de app doet
    dat zelf, met de voorzitter erbij als er iets te kiezen is)."""
    from .opslag import Opslag

    database = _gekozen_database(args)
    if database is not None:
        from .opslag.postgres import PostgresOpslag

        opslag: Any = PostgresOpslag(database)
        _geopend.append(opslag)
        if afspelen:
            _speel_journaal_af(opslag)
        if avg:
            from . import avg as avg_

            avg_.dagelijks(opslag, _vandaag())
        return opslag
    pad = _gekozen_map(args)
    _controleer_map(pad)
    if moet_bestaan and not pad.exists():
        raise OpslagFout(
            f"In {pad} staan nog geen gegevens; maak ze met `vergadering demo --db {pad}`, "
            "of kies met --db de map waar ze wel staan."
        )
    opslag = Opslag(pad)
    _geopend.append(opslag)
    if avg and pad.exists():
        from . import avg as avg_

        avg_.dagelijks(opslag, _vandaag())
    return opslag


def _speel_journaal_af(opslag: Any) -> None:
    """Ligt er op deze laptop nog een lokaal journaal voor deze database (de server was weg
    toen de app of een opdracht bewaarde), speel het dan nu af; lukt dat niet helemaal, dan
    blijft het liggen en zegt een zin waarom. Nooit stil weggooien."""
    from .bewaarder import Bewaarder

    vragen: list[Any] = []
    bewaarder = Bewaarder(opslag, meld_conflict=vragen.append, meld_offline=_zeg)
    if bewaarder.journaal is None or bewaarder.journaal_van_vorige_keer() is None:
        return
    aantal = len(bewaarder.journaal)
    if bewaarder.speel_af():
        _zeg(f"{aantal} wijziging(en) die op deze laptop wachtten (de database was niet "
             "bereikbaar), staan nu in de database.")
        return
    rest = len(bewaarder.journaal)
    if vragen:
        _zeg(f"{rest} wijziging(en) op deze laptop wachten op een keuze: op een andere laptop "
             "is hetzelfde anders ingevuld; open de app, dan vraagt die welke waarde blijft.")
    elif not bewaarder.laatste_fout:  # anders zei meld_offline de reden al
        _zeg(f"{rest} wijziging(en) op deze laptop konden nog niet in de database gezet "
             "worden (de verbinding viel weg); ze blijven bewaard en worden bij een volgende "
             "keer opnieuw geprobeerd.")


# --- de opdrachten -----------------------------------------------------------------


class Voorkant(Protocol):
    """Wat de opdrachtregel op een scherm opent. De schermen geven hun eigen voorkant mee
    aan ``main`` (zie ``schermen.voorkant``): deze laag kent geen schermen."""

    def app(self, opslag: Opslag) -> int:
        """Open de app voor voorzitter en notulist; geeft de uitgangscode terug."""
        ...

    def beamer(self, opslag: Opslag, wijkverband_id: str | None, *, web: bool, host: str,
               poort: int) -> int:
        """Open de beamer (alleen kijken) voor dit wijkverband, in de terminal of met
        ``web`` in de browser op ``host``:``poort``; geeft de uitgangscode terug."""
        ...


def _open_app(args: argparse.Namespace, opslag: Opslag) -> int:
    return _voorkant(args).app(opslag)


def _voorkant(args: argparse.Namespace) -> Voorkant:
    voorkant: Voorkant | None = args.voorkant
    if voorkant is None:
        raise VergaderingFout(
            "deze opdracht opent een scherm, en dat hoort bij het commando `vergadering` (of "
            "`python -m schermen`); `python -m vergadering` kent alleen de opdrachten zonder "
            "scherm."
        )
    return voorkant


def _app(args: argparse.Namespace) -> int:
    # De app past de bewaartermijn zelf toe, na het opstarten (zie schermen/app.py).
    return _open_app(args, _opslag(args, afspelen=False))


def _beamer(args: argparse.Namespace) -> int:
    from .projectie import kies_wijkverband

    voorkant = _voorkant(args)
    opslag = _opslag(args, moet_bestaan=True)
    wv = kies_wijkverband(opslag, args.wijkverband)
    return voorkant.beamer(opslag, wv.id, web=args.web, host=args.host, poort=args.poort)


def _demo(args: argparse.Namespace) -> int:
    from .demo import schrijf_demo

    opslag = _opslag(args)
    wv = schrijf_demo(opslag, date.today())
    print(f"Demogegevens van {wv.naam} geschreven in {opslag.plek}.")
    if args.geen_app:
        print(f"Open de app erop met: vergadering --db {_db_voor_zin(opslag)}")
        return OK
    return _open_app(args, opslag)


def _db_voor_zin(opslag: Any) -> str:
    """Wat achter --db hoort in een zin: de map, of het databaseadres zonder wachtwoord."""
    import shlex

    # Uit de geopende opslag, niet opnieuw uit --db: dat zei de waarschuwing over een
    # wachtwoord erin dan een tweede keer.
    if isinstance(getattr(opslag, "db", None), str):
        from .opslag.postgres import zonder_wachtwoord

        return shlex.quote(zonder_wachtwoord(opslag.db))
    return shlex.quote(str(opslag.map))


def _database(args: argparse.Namespace) -> int:
    database = _gekozen_database(args)
    if database is None:
        raise OngeldigeInvoer(
            "`vergadering database` werkt op een PostgreSQL-database; geef die met --db "
            "postgresql://server/database of --db service=naam."
        )
    from .opslag import postgres

    if args.handeling == "maak":
        print(postgres.maak_schema(database))
        return OK
    if args.gemeente == (args.wijkverband is not None):
        raise OngeldigeInvoer("Kies --wijkverband NAAM of --gemeente (één van de twee).")
    wv = None
    if args.wijkverband is not None:
        wv = postgres.PostgresOpslag(database).wijkverband(args.wijkverband).id
    print(postgres.ken_rol_toe(database, args.lid, wv))
    return OK


def _open_plek(plek: str) -> Any:
    """Een opslag op een map of een database (voor overzetten: twee tegelijk)."""
    from .opslag import is_database, open_opslag

    if is_database(plek):
        return open_opslag(plek)
    pad = Path(plek).expanduser()
    _controleer_map(pad)
    return open_opslag(pad)


def _overzetten(args: argparse.Namespace) -> int:
    from .opslag import overzetten

    van, naar = _open_plek(args.van), _open_plek(args.naar)
    if van.plek == naar.plek and type(van) is type(naar):
        raise OngeldigeInvoer("--van en --naar wijzen naar dezelfde plek; kies een ander doel.")
    overzetten.controleer_bron(van)
    telling = overzetten.tel(van)
    print(f"In {van.plek}: {overzetten.telling_in_woorden(telling)}.")
    with _balk(sum(telling.values()), f"naar {naar.plek}") as voortgang:
        uit = overzetten.zet_over(van, naar, voortgang)
    for regel in overzetten.in_zinnen(uit, naar.plek):
        print(regel)
    return DATAPROBLEEM if uit.anders else OK


@contextmanager
def _balk(totaal: int, wat: str) -> Iterator[Callable[[int, int], None]]:
    """Een voortgangsbalk (Rich) op stderr bij veel werk, alleen op een terminal: dertig
    jaar overzetten mag er niet uitzien als een programma dat hangt."""
    if not sys.stderr.isatty() or totaal < 2_000:
        yield lambda gedaan, totaal: None
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as balk:
        taak = balk.add_task(wat, total=totaal)
        yield lambda gedaan, totaal: balk.update(taak, completed=gedaan)


def _signaal(args: argparse.Namespace) -> int:
    from .signaal import Signaal

    opslag = _opslag(args, moet_bestaan=True, avg=True)
    wv = opslag.wijkverband(args.wijkverband)
    datum = args.datum or date.today()
    signaal = Signaal(
        id=opslag.nieuw_signaal_id(wv.id, datum),
        wijkverband_id=wv.id,
        tekst=args.tekst,
        datum=datum,
        vorm=args.vorm,
        thema=args.thema,
        buurt=args.buurt,
        aantal=args.aantal,
        contact=args.contact,
    )
    opslag.bewaar_signaal(signaal)  # keert pas terug als het signaal op schijf staat
    print(signaal.id)
    return OK


def _schrijf_json(gegevens: Any, tekst: str | None = None) -> None:
    """JSON als UTF-8, welke taalinstelling er ook is. Tekst met losse surrogaten (kan in
    opgeslagen invoer zitten) is geen UTF-8: dan met \\u-codes, ook geldige JSON.
    ``tekst``: de JSON van ``gegevens`` als die al gemaakt is (``gegevens`` mag dan een
    functie zijn die ze geeft, alleen nodig in dat zeldzame geval)."""
    if tekst is None:
        from .lijsten import als_json

        tekst = als_json(gegevens)
    try:
        ruw = (tekst + "\n").encode("utf-8")
    except UnicodeEncodeError:
        if callable(gegevens):
            gegevens = gegevens()
        ruw = (json.dumps(gegevens, ensure_ascii=True, indent=2) + "\n").encode("ascii")
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:  # bijvoorbeeld een StringIO in een test
        sys.stdout.write(ruw.decode("utf-8"))
        return
    sys.stdout.flush()
    buffer.write(ruw)
    buffer.flush()


@contextmanager
def _zonder_kringopruimer() -> Iterator[None]:
    """Een korte opdracht die alleen leest: de kringopruimer uit. Een lijst of de impact maakt
    tienduizenden objecten zonder kringverwijzingen; de opruimer liep daar steeds opnieuw
    overheen (een kwart van de tijd van een lijst bij dertig jaar)."""
    import gc

    aan = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if aan:
            # Wat nu nog leeft (de gelezen documenten in de opslag, de rijen) gaat zonder
            # doorzoeken naar de oudste generatie: anders doorzocht de eerste ronde na het
            # aanzetten ze allemaal (dertig jaar signalen: ~50 ms), voor niets.
            gc.freeze()
            gc.unfreeze()
            gc.enable()


def _lijst(args: argparse.Namespace) -> int:
    from . import lijsten

    with _zonder_kringopruimer():
        opslag = _opslag(args, moet_bestaan=True)
        wv_id = opslag.wijkverband_id(args.wijkverband) if args.wijkverband else None
        # Vakken die niet veranderd zijn, komen uit de lijstindex (opslag/lijstindex.py).
        soort = args.opdracht
        rijen = lijsten.lijst(opslag, soort, wv_id)
        if args.json:
            _schrijf_json(lambda: lijsten.rijen_als_woordenboeken(soort, rijen),
                          lijsten.lijst_als_json(soort, rijen))
        else:
            if rijen:
                opslag.laad_maandnamen()
            lijsten.toon_tabel(soort, rijen)
        if _na_afloop is not None:
            _na_afloop.append((opslag, rijen))  # zie start()
    return OK


def _export(args: argparse.Namespace) -> int:
    from .export import exporteer_vanaf_opdrachtregel

    return exporteer_vanaf_opdrachtregel(_opslag(args, moet_bestaan=True, avg=True), args)


def _agenda(args: argparse.Namespace) -> int:
    from datetime import datetime

    from .export.veilig_schrijven import schrijf_atomisch
    from .kalender import kalender

    opslag = _opslag(args, moet_bestaan=True, avg=True)
    wvs = [opslag.wijkverband(args.wijkverband)] if args.wijkverband else opslag.wijkverbanden()
    doel = Path(args.ics).expanduser()
    if doel.is_dir():
        raise OngeldigeInvoer(f"{doel} is een map; geef een bestandsnaam, bijvoorbeeld "
                              "--ics wijkverband.ics.")
    if doel.is_symlink():
        raise OngeldigeInvoer(f"{doel} is een koppeling naar een andere plek, dus daar wordt "
                              "niets geschreven; kies een andere bestandsnaam.")
    nu = datetime.now().astimezone()
    schrijf_atomisch(doel, kalender(opslag, wvs, nu.date(), nu))
    print(doel.absolute())
    return OK


def _import(args: argparse.Namespace) -> int:
    from .importeren import bereid_voor
    from .tabel import tabel_tekst
    from .tekst import een_regel, kort

    opslag = _opslag(args, moet_bestaan=True, avg=True)
    wv = opslag.wijkverband(args.wijkverband)
    pad = Path(args.bestand).expanduser()
    if not pad.is_file():
        raise OngeldigeInvoer(f"{pad} bestaat niet of is geen bestand; controleer de naam.")
    bestaand = {s.id: s.tekst for s in opslag.signalen(wv.id)}
    with _voortgang(pad) as voortgang:
        voor = bereid_voor(pad, wv.id, bestaand, date.today(), voortgang)
    if voor.overgeslagen_koppen:
        _zeg("deze kolommen worden niet ingelezen: "
             + ", ".join(k[:30] for k in voor.overgeslagen_koppen) + ".")
    if voor.fouten:
        for fout in voor.fouten[:50]:
            print(fout, file=sys.stderr)
        if len(voor.fouten) > 50:
            print(f"… en nog {len(voor.fouten) - 50} rijen.", file=sys.stderr)
        _zeg(f"er is niets toegevoegd: {len(voor.fouten)} "
             f"{'rij klopt' if len(voor.fouten) == 1 else 'rijen kloppen'} niet; verbeter "
             f"{'die' if len(voor.fouten) == 1 else 'ze'} in {pad.name} en probeer het opnieuw.")
        return DATAPROBLEEM
    extra = []
    if voor.al_bekend:
        extra.append(f"{voor.al_bekend} al eerder ingelezen")
    if voor.lege_rijen:
        extra.append(f"{voor.lege_rijen} lege {'rij' if voor.lege_rijen == 1 else 'rijen'}")
    erbij = f" ({', '.join(extra)} overgeslagen)" if extra else ""
    n = len(voor.signalen)
    if not args.ja:
        eerste = list(zip(voor.rijnummers[:10], voor.signalen[:10], strict=True))
        if eerste:
            import shutil

            per_kolom = [[str(r) for r, _ in eerste], [s.datum.isoformat() for _, s in eerste],
                         [s.vorm for _, s in eerste], [s.thema for _, s in eerste],
                         [s.buurt for _, s in eerste], [str(s.aantal) for _, s in eerste],
                         ["ja" if s.contact else "" for _, s in eerste],
                         [kort(een_regel(s.tekst), 80) for _, s in eerste]]
            kop, rijen = tabel_tekst(
                f"De eerste {len(eerste)} van {n}" if n > len(eerste) else "Wat erbij komt",
                [("rij", False), ("datum", False), ("vorm", False), ("thema", True),
                 ("buurt", True), ("aantal", False), ("contact", False), ("signaal", True)],
                per_kolom, shutil.get_terminal_size((100, 24)).columns)
            sys.stdout.write(kop + rijen)
        print(f"{n} {'signaal' if n == 1 else 'signalen'} klaar om toe te voegen aan "
              f"{wv.naam}{erbij}. Voeg ze toe met --ja.")
        return OK
    toegevoegd = opslag.bewaar_nieuwe_signalen(voor.signalen)
    print(f"{toegevoegd} {'signaal' if toegevoegd == 1 else 'signalen'} toegevoegd aan "
          f"{wv.naam}{erbij}.")
    return OK


@contextmanager
def _voortgang(pad: Path) -> Iterator[Callable[[int], None] | None]:
    """Een voortgangsbalk (Rich) op stderr bij een lang bestand, alleen op een terminal."""
    if not sys.stderr.isatty() or pad.stat().st_size < 200_000:
        yield None
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as balk:
        taak = balk.add_task(f"{pad.name} lezen", total=None)
        yield lambda n: balk.update(taak, completed=n, description=f"{pad.name}: rij {n}")


def _opvolging(args: argparse.Namespace) -> int:
    from .opvolging import opvolging

    opslag = _opslag(args, moet_bestaan=True, avg=True)
    wvs = [opslag.wijkverband(args.wijkverband)] if args.wijkverband else opslag.wijkverbanden()
    per = opvolging(opslag, wvs, date.today(), args.eigenaar)
    if args.json:
        _schrijf_json([p.als_json() for punten in per.values() for p in punten])
        return OK
    if not per:
        wie = f" voor '{args.eigenaar}'" if args.eigenaar else ""
        print(f"Er staat nu niets klaar{wie}: geen eerste stap of checkmoment die eraan komt "
              "of te laat is, en geen beloofde update.")
    for eigenaar, punten in per.items():
        print(eigenaar)
        for p in punten:
            print(f"  - {p.in_woorden()}")
    return OK


def _impact(args: argparse.Namespace) -> int:
    with _zonder_kringopruimer():
        from . import impact

        opslag = _opslag(args, moet_bestaan=True)
        vandaag = _vandaag()
        periode = impact.periode(args.periode, vandaag)
        uitkomsten = impact.impact(opslag, vandaag, periode.naam, args.wijkverband)
        if args.json:
            gegevens = impact.alles_als_json(uitkomsten, periode, vandaag)
            _schrijf_json(gegevens, json.dumps(gegevens, ensure_ascii=False, indent=2))
        else:
            print("\n\n".join(impact.in_tekst(i) for i in uitkomsten))
        if _na_afloop is not None:
            _na_afloop.append((opslag, uitkomsten))  # zie start()
    return OK


def _herinneringen(args: argparse.Namespace) -> int:
    from .export.mapje import veilige_naam
    from .export.veilig_schrijven import schrijf_atomisch
    from .opvolging import herinnering, opvolging

    opslag = _opslag(args, moet_bestaan=True, avg=True)
    wvs = [opslag.wijkverband(args.wijkverband)] if args.wijkverband else opslag.wijkverbanden()
    per = opvolging(opslag, wvs, date.today())
    map_ = Path(args.map).expanduser()
    if map_.is_symlink():
        raise OngeldigeInvoer(f"{map_} is een koppeling naar een andere plek, dus daar wordt "
                              "niets geschreven; kies een andere map met --map.")
    if not per:
        print("Er staat nu niets klaar, dus er zijn geen herinneringen geschreven.")
        return OK
    try:
        map_.mkdir(parents=True, exist_ok=True)
    except OSError as fout:
        raise OngeldigeInvoer(f"De map {map_} kon niet gemaakt worden; kies een andere map "
                              "met --map.") from fout
    for eigenaar, punten in per.items():
        pad = map_ / f"herinnering {veilige_naam(eigenaar, 'zonder eigenaar')}.txt"
        schrijf_atomisch(pad, herinnering(eigenaar, punten).encode("utf-8"))
        print(pad.absolute())
    return OK


def _avg(args: argparse.Namespace) -> int:
    from datetime import datetime

    from . import avg
    from .tekst import een_regel

    opslag = _opslag(args, moet_bestaan=True)
    nu = datetime.combine(_vandaag(), datetime.now().time())
    if args.persoon is None:
        if args.verwijder or args.json:
            raise OngeldigeInvoer("--verwijder en --json horen bij --persoon NAAM; zeg van wie.")
        gedaan, kopieen = avg.toepassen(opslag, nu.date(), uitvoeren=args.uitvoeren)
        print(avg.als_tekst(gedaan, kopieen, args.uitvoeren))
        return OK
    if len(args.persoon.strip()) < 3:
        raise OngeldigeInvoer("Geef de naam van de persoon, minstens drie tekens.")
    vondsten = avg.inzage(opslag, args.persoon)
    if args.verwijder:
        gewijzigd, weg = avg.verwijder(opslag, args.persoon, nu.date())
        print(f"{gewijzigd} {'plek' if gewijzigd == 1 else 'plekken'} bijgewerkt: de gegevens "
              "van deze persoon zijn weggehaald"
              + (f", en {len(weg)} oudere reservekopieën waarin ze nog stonden" if weg else "")
              + ". Een herstel brengt ze niet terug.")
        return OK
    if args.json:
        _schrijf_json([v.als_json() for v in vondsten])
        return OK
    if not vondsten:
        print(f"Over '{args.persoon.strip()}' is niets bewaard.")
    for v in vondsten:
        print(f"{v.wijkverband} · {v.soort} {v.kenmerk} · {v.veld}: {een_regel(v.tekst)}")
    return OK


def _reservekopie(args: argparse.Namespace) -> int:
    opslag = _opslag(args, moet_bestaan=True)
    if args.nu:
        kopie = opslag.maak_reservekopie()
        print(kopie if kopie else "Er zijn nog geen gegevens om te bewaren.")
        return OK
    kopieen = opslag.reservekopieen()
    if not kopieen:
        print(f"Er zijn nog geen reservekopieën in {opslag.plek}.")
    for kopie in kopieen:
        print(kopie.name)
    return OK


def _herstel(args: argparse.Namespace) -> int:
    from .opslag import Opslag

    database = _gekozen_database(args)
    if database is not None:
        # Weigert met een zin, zonder eerst verbinding te maken of een lokaal journaal af te
        # spelen: een database zet de beheerder terug, niet dit programma.
        from .opslag.postgres import herstel_weigeren

        herstel_weigeren(database)
    pad = _gekozen_map(args)
    _controleer_map(pad)
    # Zonder controle van opslag.json: juist dat bestand kan het beschadigde zijn.
    opslag = Opslag(pad, controleer=False)
    # De zin zegt ook welke latere bewerkingen terugkwamen en wat niet kon (en waar dat staat).
    print(opslag.herstel(args.kopie, args.bestand).melding)
    _avg_na_herstel(opslag)
    return OK


def _avg_na_herstel(opslag: Opslag) -> None:
    """Een oude kopie brengt geen gewist contact terug: bewaartermijn en verwijderingen op
    verzoek opnieuw toepassen (zie avg.py)."""
    from . import avg

    try:
        gedaan, _ = avg.toepassen(opslag, _vandaag())
        avg.herhaal_verwijderingen(opslag, _vandaag())
    except VergaderingFout as fout:
        _zeg(f"de AVG-regels konden na het herstel niet opnieuw worden toegepast ({fout}); "
             "draai `vergadering avg --uitvoeren`.")
        return
    if gedaan:
        print(f"Van {len(gedaan)} {'signaal' if len(gedaan) == 1 else 'signalen'} zijn de "
              "contactgegevens opnieuw geanonimiseerd (bewaartermijn).")


OPDRACHTEN: dict[str | None, Callable[[argparse.Namespace], int]] = {
    None: _app,
    "demo": _demo,
    "signaal": _signaal,
    "signalen": _lijst,
    "acties": _lijst,
    "vergaderingen": _lijst,
    "export": _export,
    "agenda": _agenda,
    "avg": _avg,
    "import": _import,
    "opvolging": _opvolging,
    "herinneringen": _herinneringen,
    "impact": _impact,
    "beamer": _beamer,
    "reservekopie": _reservekopie,
    "herstel": _herstel,
    "database": _database,
    "overzetten": _overzetten,
}


# --- fouten als één zin ------------------------------------------------------------

_OS_FOUTEN = {
    errno.EACCES: "u hebt er geen rechten op; pas de rechten aan of kies met --db een andere map",
    errno.EPERM: "u hebt er geen rechten op; pas de rechten aan of kies met --db een andere map",
    errno.EROFS: "het staat op een schijf waarop niet geschreven mag worden; kies met --db "
                 "een andere map",
    errno.ENOSPC: "de schijf is vol; maak ruimte vrij en probeer het opnieuw",
    errno.ENOENT: "het bestaat niet (meer); controleer de map en probeer het opnieuw",
    errno.ENOTDIR: "een deel van het pad is een bestand in plaats van een map; kies met --db "
                   "een andere map",
    errno.EISDIR: "het is een map waar een bestand verwacht werd; kies met --db een andere map",
    errno.ENAMETOOLONG: "de naam is te lang; kies met --db een kortere",
    errno.ELOOP: "de koppelingen in het pad lopen in een kringetje; kies met --db een andere map",
}


def oserror_zin(fout: OSError) -> str:
    """Een OSError als één Nederlandse zin (zonder de Engelse tekst van het systeem)."""
    waar = fout.filename or "een bestand"
    uitleg = _OS_FOUTEN.get(fout.errno or 0)
    if uitleg is None:
        code = errno.errorcode.get(fout.errno or 0, "onbekend")
        uitleg = f"foutcode {code}; controleer de map en probeer het opnieuw"
    return f"{waar} kon niet gebruikt worden: {uitleg}."


def _zeg(zin: str) -> None:
    if sys.stderr is None:  # ook stderr gesloten (2>&-): dan blijft alleen de uitgangscode
        return
    try:
        print(f"vergadering: {zin}", file=sys.stderr)
    except (OSError, ValueError):  # stderr zelf kapot: de uitgangscode zegt het
        pass


def _zet_uitvoer() -> None:
    """Onder LANG=C (ASCII) of met losse surrogaten in opgeslagen tekst: liever \\U0001f600
    op het scherm dan een traceback."""
    for stroom in (sys.stdout, sys.stderr):
        if hasattr(stroom, "reconfigure"):
            try:
                stroom.reconfigure(errors="backslashreplace")
            except (ValueError, OSError):  # pragma: no cover - gesloten stroom
                pass


def _toon_waarschuwingen() -> None:
    """Wat de opslag onderweg meldde (de schijf is bijna vol), één keer, op stderr."""
    while _geopend:
        opslag = _geopend.pop()
        for zin in opslag.waarschuwingen:
            _zeg(zin)
        opslag.waarschuwingen.clear()


def _uitvoer_dicht() -> bool:
    """Waar als stdout gesloten is (`>&-`): Python maakt er dan None van."""
    uit = sys.stdout
    if uit is None or getattr(uit, "closed", False):
        return True
    try:
        fd = uit.fileno()
    except (OSError, ValueError, AttributeError):
        return False  # geen bestand maar bijvoorbeeld een StringIO in een test: wel open
    try:
        os.fstat(fd)
    except OSError:
        return True
    return False


def main(argv: Sequence[str] | None = None, voorkant: Voorkant | None = None) -> int:
    """Het startpunt van `vergadering`; geeft de uitgangscode terug.

    ``voorkant`` opent de schermen (de app); zonder voorkant werken alleen de opdrachten
    zonder scherm.
    """
    _zet_uitvoer()
    woorden = sys.argv[1:] if argv is None else list(argv)
    opdracht = _opdracht_in(woorden)
    args = maak_parser(opdracht if opdracht in OPDRACHTEN else None).parse_args(woorden)
    # (verkeerd gebruik: SystemExit(2), --help: 0)
    args.voorkant = voorkant
    if _uitvoer_dicht():
        # Vóór er iets gebeurt: anders kreeg het eerste geopende gegevensbestand nummer 1,
        # het nummer van stdout, en ging de bevestiging (het kenmerk) nergens heen.
        _zeg("de uitvoer is gesloten, dus er is niets gedaan; start de opdracht opnieuw met "
             "een open uitvoer, bijvoorbeeld met > lijst.txt erachter.")
        return DATAPROBLEEM
    try:
        return OPDRACHTEN[args.opdracht](args)
    except VergaderingFout as fout:
        _zeg(str(fout))
        if os.environ.get(DEBUG) and fout.__cause__ is not None:
            # Voor wie het probleem zoekt: de technische oorzaak achter de zin.
            import traceback

            traceback.print_exception(fout.__cause__, file=sys.stderr)
    except KeyboardInterrupt:
        _zeg("afgebroken; wat al bevestigd was, staat opgeslagen.")
    except BrokenPipeError:
        # De lezer (bijvoorbeeld `head`) is gestopt. Python niet laten klagen bij het
        # afsluiten (dan wil het stdout nog eens legen).
        _zeg("de uitvoer werd niet verder gelezen, dus niet alles is getoond; wat al "
             "bevestigd was, staat opgeslagen.")
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        except (OSError, ValueError):  # pragma: no cover
            pass
    except OSError as fout:
        _zeg(oserror_zin(fout))
    except Exception as fout:
        if os.environ.get(DEBUG):
            raise
        _zeg(
            f"er ging iets onverwachts mis ({type(fout).__name__}); wat al bevestigd was "
            f"staat opgeslagen, dus meld dit en draai de opdracht met {DEBUG}=1 voor de details."
        )
    finally:
        # Ook na een fout: anders blijven ze hangen voor een volgende main() in dit proces.
        _toon_waarschuwingen()
    return DATAPROBLEEM


# Gezet door start(): wat een lijst gelezen en gemaakt heeft, blijft tot het einde van het
# proces staan (None: main() draait in een ander programma, zoals de tests).
_na_afloop: list[object] | None = None


def start(voorkant: Voorkant | None = None) -> None:
    """Het commando `vergadering` (met de schermen als ``voorkant``, zie schermen.voorkant)
    en `python -m vergadering`: ``main()``, dan stoppen.

    Na een lijst stopt het proces zonder alles wat het las één voor één op te ruimen: dertig
    jaar signalen zijn honderdduizenden objecten (~100 ms, een tiende van de lijst), en het
    besturingssysteem geeft dat geheugen in één keer terug. De uitvoer is dan al geschreven
    (een lijst schrijft niets in de opslag dan, atomisch, ``.babelnamen``); lukt het legen
    van stdout niet, dan stopt Python gewoon, met zijn eigen afhandeling.
    """
    global _na_afloop
    from .opslag import tegelijk

    # Een eigen proces: veel vakken lezen en een lange tabel mogen met twee (tegelijk.py);
    # VERGADERING_TEGELIJK=0 zet dat uit (om te meten, of op een machine met één kern).
    tegelijk.toegestaan = os.environ.get("VERGADERING_TEGELIJK") != "0"
    _na_afloop = []
    code = main(voorkant=voorkant)
    if _na_afloop:
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        except (OSError, ValueError, AttributeError):
            sys.exit(code)
        os._exit(code)
    sys.exit(code)


if __name__ == "__main__":
    start()
