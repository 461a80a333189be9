"""De enige plek waar domeinobjecten en opgeslagen documenten in elkaar overgaan.

Generiek op basis van de typehints van de dataclasses: datums als ISO-tekst, geneste
dataclasses als objecten. Onbekende velden worden overgeslagen, ontbrekende krijgen hun
standaardwaarde, zodat een oudere of nieuwere versie van een document gelezen kan worden.

Inlezen gaat langs twee wegen met dezelfde uitkomst. De snelle weg (``_snel``) neemt een
document waarvan elk veld precies het type van zijn typehint heeft, en slaat de controle van
de tekstvelden over: die is gedaan toen het document bewaard werd, en tien jaar signalen
opnieuw controleren kostte meer dan ze lezen. De regels die geen tekstcontrole zijn (status,
aantallen, datums) draaien wel: de klasse geeft ze als ``_regels``. Past een document niet
precies (een oudere versie, een ``null`` waar tekst hoort, beschadiging), dan gaat het langs
de gewone weg: de constructor met alle controles, en bij een fout een melding die het veld
noemt.
"""

from __future__ import annotations

import copy
import dataclasses
import types
import typing
from collections.abc import Callable
from datetime import date, datetime
from functools import cache
from typing import Any, TypeVar

from ..fouten import BeschadigdBestand, OngeldigeInvoer
from ..tekst import kort

T = TypeVar("T")


_EENVOUDIG = (str, int, float, bool, type(None))


def naar_document(obj: Any) -> Any:
    """Een dataclass (met alles erin) als JSON-geschikte waarden."""
    soort = type(obj)
    if soort in _EENVOUDIG:
        return obj
    schrijf = _schrijver(soort)
    if schrijf is not None:
        return schrijf(obj)
    if isinstance(obj, (datetime, date)):
        return obj.isoformat()
    if isinstance(obj, dict):
        return {str(k): naar_document(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [naar_document(v) for v in obj]
    return obj


class _Onthouden(dict):
    """``maak(sleutel)`` voor elke sleutel één keer (begrensd): opzoeken kost minder dan
    ``isoformat`` of ``fromisoformat`` opnieuw."""

    def __init__(self, maak: Callable[[Any], Any]) -> None:
        super().__init__()
        self._maak = maak

    def __missing__(self, sleutel: Any) -> Any:
        if len(self) >= 100_000:  # een begrenzing voor een proces dat lang loopt
            self.clear()
        waarde = self[sleutel] = self._maak(sleutel)
        return waarde


# Tijdstip (zonder tijdzone) -> ISO-tekst: bij elke stip wordt de hele vergadering bewaard,
# met vijftig logregels waarvan er maar één nieuw is. Zonder tijdzone is gelijk ook gelijk
# geschreven (``fold`` telt bij beide niet); met tijdzone niet (12:00+01:00 is 11:00+00:00),
# die staan er niet in.
_tijden = _Onthouden(datetime.isoformat)

# Typehints die ``_schrijver`` uitschrijft: precies dit type blijft zoals het is.
_ZELF = {str: "str", int: "int", float: "float", bool: "bool"}
_bezig: set[type] = set()


@cache
def _schrijver(cls: type) -> Callable[[Any], dict[str, Any]] | None:
    """``naar_document`` voor een dataclass, per klasse uitgeschreven (zoals ``_snel`` voor
    de andere kant); None voor wat geen dataclass is.

    Dit loopt bij elke bewerking over het hele document (een vergadering: vijftig
    logregels met elk een tijdstip), dus één uitdrukking per veld volgens zijn typehint in
    plaats van een aanroep per waarde. Elke waarde die niet precies het type van haar hint
    heeft, gaat langs ``naar_document``: de uitkomst is dezelfde als zonder deze weg.
    """
    if not (isinstance(cls, type) and dataclasses.is_dataclass(cls)):
        return None
    velden = dataclasses.fields(cls)
    try:
        hints = typing.get_type_hints(cls)
    except Exception:  # noqa: BLE001 - een hint die niet op te lossen is: de algemene weg
        hints = {}
    naamruimte: dict[str, Any] = {"_nd": naar_document, "date": date, "datetime": datetime,
                                  "_tijden": _tijden}
    _bezig.add(cls)
    try:
        delen = [f"{f.name!r}: {_uitdrukking(hints.get(f.name, Any), f'w{i}', naamruimte, 0)}"
                 for i, f in enumerate(velden)]
    finally:
        _bezig.discard(cls)
    code = ["def schrijf(o):",
            *(f"    w{i} = o.{f.name}" for i, f in enumerate(velden)),
            "    return {" + ", ".join(delen) + "}"]
    exec("\n".join(code), naamruimte)  # noqa: S102 - eigen code, alleen veldnamen erin
    return naamruimte["schrijf"]


def _uitdrukking(tp: Any, w: str, naamruimte: dict[str, Any], diepte: int) -> str:
    """De uitdrukking die waarde ``w`` (met typehint ``tp``) omzet zoals ``naar_document``."""
    anders = f"_nd({w})"
    if tp in _ZELF:
        return f"({w} if type({w}) is {_ZELF[tp]} else {anders})"
    if tp is datetime:
        # Een tijdstip zonder tijdzone uit het geheugen van geschreven tijdstippen (zie
        # ``_tijden``); met tijdzone zoals het is.
        return (f"(_tijden[{w}] if type({w}) is datetime and {w}.tzinfo is None else "
                f"{w}.isoformat() if type({w}) is datetime else {anders})")
    if tp is date:
        return f"({w}.isoformat() if type({w}) is date else {anders})"
    oorsprong = typing.get_origin(tp)
    if oorsprong in (typing.Union, types.UnionType):
        echte = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(echte) == 1:
            return f"(None if {w} is None else {_uitdrukking(echte[0], w, naamruimte, diepte)})"
        return anders
    v, k = f"v{diepte}", f"k{diepte}"
    if oorsprong is list:
        (element,) = typing.get_args(tp) or (Any,)
        binnen = _uitdrukking(element, v, naamruimte, diepte + 1)
        return f"([{binnen} for {v} in {w}] if type({w}) is list else {anders})"
    if oorsprong is dict:
        _, element = typing.get_args(tp) or (Any, Any)
        binnen = _uitdrukking(element, v, naamruimte, diepte + 1)
        return (f"({{str({k}): {binnen} for {k}, {v} in {w}.items()}} "
                f"if type({w}) is dict else {anders})")
    if isinstance(tp, type) and dataclasses.is_dataclass(tp) and tp not in _bezig:
        naam = f"_schrijf{len(naamruimte)}"
        naamruimte[naam], naamruimte[f"{naam}_t"] = _schrijver(tp), tp
        return f"({naam}({w}) if type({w}) is {naam}_t else {anders})"
    return anders


Omzetter = Callable[[Any], Any]
_MIST = object()


class _Anders(Exception):
    """Het document past niet precies op de snelle weg: lees het langs de gewone weg."""


class _VeldFout(Exception):
    """Een veld (``veld``, met punten voor geneste velden) is niet te lezen."""

    def __init__(self, veld: str, reden: str = "waarde", oorzaak: BaseException | None = None,
                 zin: str = "") -> None:
        super().__init__(veld, reden)
        self.veld, self.reden, self.oorzaak, self.zin = veld, reden, oorzaak, zin

    def binnen(self, naam: str) -> _VeldFout:
        """Dezelfde fout, gezien vanuit het document dat veld ``naam`` bevat."""
        return _VeldFout(f"{naam}.{self.veld}" if self.veld else naam, self.reden,
                         self.oorzaak, self.zin)


def _vrij(waarde: Any) -> Any:
    """Een waarde zonder eigen type (tekst, getal, of een vrij veld zoals ``extra: dict``).

    Een lijst of woordenboek krijgt een eigen kopie, anders deelt het object zijn inhoud met
    het geheugen van de opslag, en komt een wijziging die nooit bewaard werd toch op schijf
    zodra iets anders in hetzelfde vak bewaard wordt.
    """
    if isinstance(waarde, (dict, list)):
        return copy.deepcopy(waarde) if waarde else type(waarde)()
    return waarde


def _zonder_none(omzetter: Omzetter) -> Omzetter:
    """None blijft None, op elk niveau."""
    return lambda waarde: None if waarde is None else omzetter(waarde)


def _soort(waarde: Any, soort: type) -> Any:
    """``waarde`` als die van ``soort`` is; anders een fout (een tekst is geen lijst)."""
    if not isinstance(waarde, soort):
        raise TypeError(f"{soort.__name__} verwacht")
    return waarde


@cache
def _omzetter(tp: Any) -> Omzetter:
    """De omzetting langs de gewone weg voor één typehint, één keer per type uitgezocht."""
    oorsprong = typing.get_origin(tp)
    if oorsprong in (typing.Union, types.UnionType):
        echte = [a for a in typing.get_args(tp) if a is not type(None)]
        return _omzetter(echte[0]) if len(echte) == 1 else _zonder_none(lambda w: w)
    if oorsprong is list:
        (element,) = typing.get_args(tp) or (Any,)
        omzet = _omzetter(element)
        return _zonder_none(lambda w: [omzet(v) for v in _soort(w, list)])
    if oorsprong is dict:
        _, element = typing.get_args(tp) or (Any, Any)
        omzet = _omzetter(element)
        return _zonder_none(lambda w: {k: omzet(v) for k, v in _soort(w, dict).items()})
    if tp is datetime:
        return _zonder_none(datetime.fromisoformat)
    if tp is date:
        return _zonder_none(date.fromisoformat)
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return _zonder_none(lambda w: _gewoon(tp, w))
    return _zonder_none(_vrij)


@cache
def _velden(cls: type) -> tuple[tuple[str, Omzetter], ...]:
    """Per veld van de dataclass: naam en omzetting langs de gewone weg."""
    hints = typing.get_type_hints(cls)
    return tuple((f.name, _omzetter(hints[f.name])) for f in dataclasses.fields(cls))


@cache
def _verplicht(cls: type) -> tuple[str, ...]:
    """De velden zonder standaardwaarde."""
    return tuple(
        f.name for f in dataclasses.fields(cls)
        if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
    )


def _gewoon(cls: type[T], document: Any) -> T:
    """De gewone weg: omzetten en de constructor met alle controles; een fout noemt het veld."""
    if not isinstance(document, dict):
        raise _VeldFout("", "vorm")
    velden = {}
    for naam, omzet in _velden(cls):
        if naam in document:
            try:
                velden[naam] = omzet(document[naam])
            except _VeldFout as fout:
                raise fout.binnen(naam) from None
            except (OngeldigeInvoer, TypeError, ValueError, KeyError, AttributeError) as fout:
                raise _VeldFout(naam, oorzaak=fout) from None
    mist = [naam for naam in _verplicht(cls) if naam not in document]
    if mist:
        raise _VeldFout(mist[0], "ontbreekt", zin=_ontbreekt(mist))
    try:
        return cls(**velden)
    except OngeldigeInvoer as fout:
        # Een regel van het domein: de zin zegt zelf wat er niet klopt.
        raise _VeldFout("", "regel", fout, str(fout)) from None
    except (TypeError, ValueError, KeyError, AttributeError) as fout:
        raise _VeldFout("", oorzaak=fout) from None


def _ontbreekt(namen: list[str]) -> str:
    genoemd = [f"'{n}'" for n in namen]
    if len(genoemd) == 1:
        return f"het veld {genoemd[0]} ontbreekt"
    return f"de velden {', '.join(genoemd[:-1])} en {genoemd[-1]} ontbreken"


# --- de snelle weg ---------------------------------------------------------------------


def _vertrouwd(cls: type) -> bool:
    """Mag ``cls`` zonder constructor gemaakt worden? Alleen als de klasse niets controleert,
    of haar controles buiten de tekstvelden als ``_regels`` aanbiedt."""
    return hasattr(cls, "_regels") or not hasattr(cls, "__post_init__")


def _precies(soort: type) -> Omzetter:
    def controleer(waarde: Any) -> Any:
        if type(waarde) is not soort:
            raise _Anders
        return waarde

    return controleer


def _getal(waarde: Any) -> Any:
    if type(waarde) is not float and type(waarde) is not int:
        raise _Anders
    return waarde


def _iso(soort: type[date]) -> Omzetter:
    def lees(waarde: Any) -> Any:
        if type(waarde) is not str:
            raise _Anders
        return soort.fromisoformat(waarde)

    return lees


@cache
def _snelle_omzetter(tp: Any) -> Omzetter:
    """De omzetting langs de snelle weg: alleen precies het verwachte type, anders ``_Anders``."""
    oorsprong = typing.get_origin(tp)
    if oorsprong in (typing.Union, types.UnionType):
        echte = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(echte) != 1:
            return _vrij
        omzet = _snelle_omzetter(echte[0])
        return lambda w: None if w is None else omzet(w)
    if oorsprong is list:
        (element,) = typing.get_args(tp) or (Any,)
        if element is str:
            def teksten(w: Any) -> list[str]:
                if type(w) is not list or not all(type(v) is str for v in w):
                    raise _Anders
                return list(w)

            return teksten
        omzet = _snelle_omzetter(element)
        lijst = _precies(list)
        return lambda w: [omzet(v) for v in lijst(w)]
    if oorsprong is dict:
        _, element = typing.get_args(tp) or (Any, Any)
        omzet = _snelle_omzetter(element)
        woordenboek = _precies(dict)
        return lambda w: {k: omzet(v) for k, v in woordenboek(w).items()}
    if tp in _PRECIES:  # str, int, bool
        return _precies(tp)
    if tp is float:
        return _getal
    if tp is datetime or tp is date:
        return _iso(tp)
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return _snelle_weg(tp) or (lambda w: _gewoon(tp, w))
    return _vrij


def _standaard(f: dataclasses.Field) -> Any:
    if f.default is not dataclasses.MISSING:
        waarde = f.default
        return lambda: waarde
    if f.default_factory is not dataclasses.MISSING:
        return f.default_factory
    return _MIST


# Typehints die ``_snel`` uitschrijft in plaats van een omzetter aan te roepen: precies dit
# type (tekst en getallen), of ISO-tekst voor een datum.
_PRECIES = {str: "str", int: "int", bool: "bool"}
_ISO = (date, datetime)


def _uitgeschreven(tp: Any, w: str) -> list[str] | None:
    """De regels code die ``_snelle_omzetter(tp)`` doen voor waarde ``w``, zonder aanroep;
    None als er een omzetter nodig is."""
    if tp in _PRECIES:
        return [f"if type({w}) is not {_PRECIES[tp]}: raise _Anders"]
    if tp in _ISO:
        # Een datum uit het geheugen van gelezen dagen; een tijdstip is bijna altijd uniek.
        lees = f"_dagen[{w}]" if tp is date else f"datetime.fromisoformat({w})"
        return [f"if type({w}) is not str: raise _Anders", f"{w} = {lees}"]
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        echte = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(echte) == 1:
            binnen = _uitgeschreven(echte[0], w)
            if binnen is not None:  # anders (een genest object) de omzetter van het geheel
                return [f"if {w} is not None:", *("    " + r for r in binnen)]
        return None
    if _snelle_omzetter(tp) is _vrij:  # alleen een lijst of woordenboek kost een kopie
        return [f"if isinstance({w}, (dict, list)): {w} = _vrij({w}) if {w} else type({w})()"]
    return None


# ISO-tekst -> ``date``: dertig jaar signalen hebben zestigduizend datums maar elf duizend
# verschillende dagen, en zo delen ze ook hetzelfde object.
_dagen = _Onthouden(date.fromisoformat)


@cache
def _snel(cls: type[T]) -> Callable[[Any], T]:
    """Maak een ``cls`` uit een document zonder constructor; ``_Anders`` als iets niet past.

    De functie wordt per klasse uitgeschreven (zoals ``dataclasses`` zijn ``__init__``
    maakt), één regel per veld: een lus over de velden kostte voor dertig jaar signalen
    (zestigduizend documenten, vijftien velden) meer dan het lezen van de JSON.

    Het gewone geval, een document zoals ``naar_document`` het schrijft (alle velden, op
    volgorde), gaat in één keer: de waarden in één uitpakking, het object een kopie van het
    document met alleen de omgezette velden vervangen. Anders veld voor veld, met de
    standaardwaarde voor wat ontbreekt.
    """
    hints = typing.get_type_hints(cls)
    regels = getattr(cls, "_regels", None)
    velden = dataclasses.fields(cls)
    naamruimte: dict[str, Any] = {"_Anders": _Anders, "_MIST": _MIST, "nieuw": object.__new__,
                                  "cls": cls, "regels": regels, "date": date,
                                  "datetime": datetime, "_vrij": _vrij, "_dagen": _dagen,
                                  "NAMEN": tuple(f.name for f in velden)}
    namen = [f"w{i}" for i in range(len(velden))]
    precies = ["    if tuple(document) == NAMEN:",
               f"        {', '.join(namen)}{',' if len(namen) == 1 else ''} = document.values()"]
    los = ["    else:", "        get = document.get"]
    omzet_alles, vervang = [], []
    for i, f in enumerate(velden):
        w = namen[i]
        standaard = _standaard(f)
        naamruimte[f"standaard{i}"] = standaard
        omzetten = _uitgeschreven(hints[f.name], w)
        if omzetten is None:
            naamruimte[f"omzet{i}"] = _snelle_omzetter(hints[f.name])
            omzetten = [f"{w} = omzet{i}({w})"]
        los += [f"        {w} = get({f.name!r}, _MIST)",
                f"        if {w} is _MIST:",
                "            raise _Anders" if standaard is _MIST
                else f"            {w} = standaard{i}()",
                "        else:",
                *("            " + r for r in omzetten)]
        precies += ["        " + r for r in omzetten]
        # Alleen een veld dat omgezet wordt (niet alleen gecontroleerd) krijgt in de kopie
        # een nieuwe waarde.
        if any(f"{w} = " in r for r in omzetten):
            vervang.append(f"        d[{f.name!r}] = {w}")
        omzet_alles.append(f"{f.name!r}: {w}")
    code = ["def maak(document):",
            "    if type(document) is not dict: raise _Anders",
            *precies,
            "        d = document.copy()",
            *vervang,
            *los,
            "        d = {" + ", ".join(omzet_alles) + "}",
            "    obj = nieuw(cls)",
            "    obj.__dict__ = d",
            *(["    regels(obj)"] if regels is not None else []),
            "    return obj"]
    exec("\n".join(code), naamruimte)  # noqa: S102 - eigen code, alleen veldnamen erin
    return naamruimte["maak"]


@cache
def _snelle_weg(cls: type[T]) -> Callable[[Any], T] | None:
    """``_snel(cls)`` als de klasse die weg mag; één opzoeking per document."""
    return _snel(cls) if _vertrouwd(cls) else None


def uit_document(cls: type[T], document: dict[str, Any]) -> T:
    """Een opgeslagen document terug als dataclass van type ``cls``.

    Een document dat niet te lezen is geeft ``BeschadigdBestand`` met één Nederlandse zin:
    welk soort, welk kenmerk en welk veld (de technische oorzaak hangt eraan als
    ``__cause__``, voor VERGADERING_DEBUG=1).
    """
    snel = _snelle_weg(cls)
    if snel is not None:
        try:
            return snel(document)
        except Exception:  # noqa: BLE001 - elke afwijking: de gewone weg zoekt uit wat
            pass
    try:
        return _gewoon(cls, document)
    except _VeldFout as fout:
        wat = cls.__name__.lower()
        kenmerk = document.get("id") if isinstance(document, dict) else None
        wie = f"({kort(kenmerk, 40)})" if kenmerk not in (None, "") else "zonder kenmerk"
        waarom = _reden(fout)
        melding = BeschadigdBestand(f"Een opgeslagen {wat} {wie} is niet te lezen: {waarom}.")
        melding.reden = waarom  # type: ignore[attr-defined]
        raise melding from fout.oorzaak


def reden(fout: BaseException) -> str:
    """Waarom een document niet te lezen is, in het Nederlands ('het veld 'datum' heeft een
    verkeerde waarde'), voor een melding die zelf zegt welk bestand; leeg als dat onbekend is."""
    return getattr(fout, "reden", "")


def _reden(fout: _VeldFout) -> str:
    if fout.reden in ("ontbreekt", "regel"):
        reden = fout.zin.rstrip(".")
        reden = reden[:1].lower() + reden[1:]
    elif fout.reden == "vorm" and not fout.veld:
        reden = "het heeft niet de vorm van een opgeslagen document"
    elif fout.veld:
        reden = f"het veld '{fout.veld}' heeft een verkeerde waarde"
    else:
        reden = "een van de velden heeft een verkeerde waarde"
    return reden
