"""De opdrachtregel: `vergadering [opdracht] ...`.

Uitgangscodes: 0 gelukt, 1 een probleem met de gegevens (één Nederlandse zin op stderr),
2 verkeerd gebruik. Nooit een traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from . import __version__
from .fouten import VergaderingFout
from .signaal import PRAKTIJKVORMEN

OK, DATAPROBLEEM, VERKEERD_GEBRUIK = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    """argparse met Nederlandse foutmeldingen en uitgangscode 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        vertaald = (
            message.replace("the following arguments are required", "dit ontbreekt")
            .replace("unrecognized arguments", "onbekend")
            .replace("invalid choice", "ongeldige keuze")
            .replace("choose from", "kies uit")
            .replace("expected one argument", "hier hoort een waarde bij")
            .replace("invalid int value", "geen geheel getal")
            .replace("argument ", "")
        )
        self.exit(VERKEERD_GEBRUIK, f"{self.prog}: {vertaald}\nZie `{self.prog} --help`.\n")


def _db_optie(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--db",
        metavar="MAP",
        help="de map met de gegevens (standaard $VERGADERING_DB of de gebruikersmap)",
    )


def _wv_optie(p: argparse.ArgumentParser, verplicht: bool = False) -> None:
    p.add_argument(
        "--wijkverband", metavar="NAAM", required=verplicht, help="naam van het wijkverband"
    )


def _positief(tekst: str) -> int:
    try:
        n = int(tekst)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{tekst}' is geen geheel getal") from None
    if n < 1:
        raise argparse.ArgumentTypeError("het aantal moet 1 of meer zijn")
    return n


def maak_parser() -> argparse.ArgumentParser:
    """De parser voor alle opdrachten."""
    parser = _Parser(
        prog="vergadering",
        description="Vergaderen in het wijkverband: ophalen, kiezen, doen, terugkoppelen.",
    )
    parser.add_argument("--version", action="version", version=f"vergadering {__version__}")
    _db_optie(parser)
    sub = parser.add_subparsers(dest="opdracht", metavar="OPDRACHT", parser_class=_Parser)

    p = sub.add_parser("demo", help="maak de demogegevens en open de app erop")
    _db_optie(p)
    p.add_argument("--geen-app", action="store_true", help="alleen de gegevens schrijven")

    p = sub.add_parser("signaal", help="voeg een signaal toe en toon het kenmerk")
    p.add_argument("tekst", help="wat bewoners zeggen of zien, kort en concreet")
    _wv_optie(p, verplicht=True)
    p.add_argument("--vorm", choices=list(PRAKTIJKVORMEN), default="overig",
                   help="praktijkvorm: A buurtgesprek, B micro-uitvraag, C wijkpanel, "
                        "D ervaringsdeskundige, of overig")
    p.add_argument("--thema", default="", help="thema, bijvoorbeeld verkeer of groen")
    p.add_argument("--buurt", default="", help="de buurt of straat")
    p.add_argument("--aantal", type=_positief, default=1, help="aantal bewoners (standaard 1)")
    p.add_argument("--datum", default=None, help="datum van het signaal (standaard vandaag)")
    _db_optie(p)

    for naam, uitleg in (
        ("signalen", "toon de signalen"),
        ("acties", "toon de acties"),
        ("vergaderingen", "toon de vergaderingen"),
    ):
        p = sub.add_parser(naam, help=uitleg)
        _wv_optie(p)
        p.add_argument("--json", action="store_true", help="als JSON, voor scripts")
        _db_optie(p)

    p = sub.add_parser("export", help="schrijf het mapje met Word-documenten van een vergadering")
    _wv_optie(p)
    p.add_argument("--vergadering", default="laatste", metavar="DATUM|laatste")
    p.add_argument("--map", default=None, metavar="MAP", help="waar het mapje komt")
    p.add_argument("--alleen", choices=["verslag", "actielijst", "terugkoppeling", "afspraken"])
    _db_optie(p)

    p = sub.add_parser("reservekopie", help="toon de reservekopieën, of maak er nu een")
    p.add_argument("--nu", action="store_true", help="maak nu een reservekopie")
    _db_optie(p)

    p = sub.add_parser("herstel", help="zet een reservekopie terug")
    p.add_argument("kopie", help="de naam van de reservekopie (zie `vergadering reservekopie`)")
    p.add_argument("--bestand", default=None, help="alleen dit bestand terugzetten")
    _db_optie(p)
    return parser


def _opslag(args: argparse.Namespace):
    from .opslag import Opslag, standaard_map

    return Opslag(Path(args.db) if args.db else standaard_map())


def _open_app(opslag) -> int:
    from schermen.app import start_app

    return start_app(opslag)


def _app(args: argparse.Namespace) -> int:
    return _open_app(_opslag(args))


def _demo(args: argparse.Namespace) -> int:
    from .demo import schrijf_demo

    opslag = _opslag(args)
    schrijf_demo(opslag, date.today())
    print(f"Demogegevens geschreven in {opslag.map}")
    return OK if args.geen_app else _open_app(opslag)


def _signaal(args: argparse.Namespace) -> int:
    from .datums import lees_datum
    from .fouten import OngeldigeInvoer
    from .signaal import Signaal

    opslag = _opslag(args)
    wv = opslag.wijkverband(args.wijkverband)
    try:
        datum = lees_datum(args.datum) if args.datum else date.today()
    except ValueError as fout:
        raise OngeldigeInvoer(str(fout)) from None
    signaal = Signaal(
        id=opslag.nieuw_signaal_id(wv.id, datum),
        wijkverband_id=wv.id,
        tekst=args.tekst,
        datum=datum,
        vorm=args.vorm,
        thema=args.thema,
        buurt=args.buurt,
        aantal=args.aantal,
    )
    opslag.bewaar_signaal(signaal)
    print(signaal.id)
    return OK


def _lijst(args: argparse.Namespace) -> int:
    from . import lijsten

    opslag = _opslag(args)
    wv_id = opslag.wijkverband(args.wijkverband).id if args.wijkverband else None
    rijen = lijsten.RIJEN[args.opdracht](opslag, wv_id)
    if args.json:
        # ensure_ascii: geldige JSON voor elke tekst (ook losse surrogaten) en elke taalinstelling.
        json.dump(rijen, sys.stdout, ensure_ascii=True, indent=2)
        sys.stdout.write("\n")
    else:
        lijsten.toon_tabel(args.opdracht, rijen)
    return OK


def _export(args: argparse.Namespace) -> int:
    from .export import exporteer_vanaf_opdrachtregel

    return exporteer_vanaf_opdrachtregel(_opslag(args), args)


def _reservekopie(args: argparse.Namespace) -> int:
    opslag = _opslag(args)
    if args.nu:
        kopie = opslag.maak_reservekopie()
        print(kopie if kopie else "Er zijn nog geen gegevens om te bewaren.")
        return OK
    kopieen = opslag.reservekopieen()
    if not kopieen:
        print(f"Er zijn nog geen reservekopieën in {opslag.map}.")
    for kopie in kopieen:
        print(kopie.name)
    return OK


def _herstel(args: argparse.Namespace) -> int:
    from .opslag import Opslag, standaard_map

    # Zonder controle van opslag.json: juist dat bestand kan het beschadigde zijn.
    opslag = Opslag(Path(args.db) if args.db else standaard_map(), controleer=False)
    teruggezet = opslag.herstel(args.kopie, args.bestand)
    print(f"{len(teruggezet)} bestand(en) teruggezet uit {args.kopie}.")
    return OK


OPDRACHTEN: dict[str | None, Callable[[argparse.Namespace], int]] = {
    None: _app,
    "demo": _demo,
    "signaal": _signaal,
    "signalen": _lijst,
    "acties": _lijst,
    "vergaderingen": _lijst,
    "export": _export,
    "reservekopie": _reservekopie,
    "herstel": _herstel,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Het startpunt van `vergadering`; geeft de uitgangscode terug."""
    for stroom in (sys.stdout, sys.stderr):
        # Onder LANG=C (ASCII) of met losse surrogaten in opgeslagen tekst: liever \U0001f600
        # op het scherm dan een traceback.
        if hasattr(stroom, "reconfigure"):
            stroom.reconfigure(errors="backslashreplace")
    args = maak_parser().parse_args(argv)
    try:
        return OPDRACHTEN[args.opdracht](args)
    except VergaderingFout as fout:
        print(f"vergadering: {fout}", file=sys.stderr)
        return DATAPROBLEEM
    except KeyboardInterrupt:
        print("vergadering: afgebroken.", file=sys.stderr)
        return DATAPROBLEEM
    except OSError as fout:
        print(
            f"vergadering: {fout.filename or 'een bestand'} kon niet gebruikt worden "
            f"({fout.strerror or fout}); controleer de map en de rechten.",
            file=sys.stderr,
        )
        return DATAPROBLEEM


if __name__ == "__main__":
    sys.exit(main())
