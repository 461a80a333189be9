"""De enige plek waar domeinobjecten en opgeslagen documenten in elkaar overgaan.

Generiek op basis van de typehints van de dataclasses: datums als ISO-tekst, geneste
dataclasses als objecten. Onbekende velden worden overgeslagen, ontbrekende krijgen hun
standaardwaarde, zodat een oudere of nieuwere versie van een document gelezen kan worden.
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

T = TypeVar("T")


_EENVOUDIG = (str, int, float, bool, type(None))


@cache
def _veldnamen(cls: type) -> tuple[str, ...] | None:
    """De veldnamen van een dataclass (None voor andere typen), één keer per type uitgezocht:
    dit loopt bij elke bewerking over de hele vergadering, dus het moet vlot."""
    if dataclasses.is_dataclass(cls):
        return tuple(f.name for f in dataclasses.fields(cls))
    return None


def naar_document(obj: Any) -> Any:
    """Een dataclass (met alles erin) als JSON-geschikte waarden."""
    soort = type(obj)
    if soort in _EENVOUDIG:
        return obj
    namen = _veldnamen(soort)
    if namen is not None:
        return {naam: naar_document(getattr(obj, naam)) for naam in namen}
    if isinstance(obj, (datetime, date)):
        return obj.isoformat()
    if isinstance(obj, dict):
        return {str(k): naar_document(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [naar_document(v) for v in obj]
    return obj


Omzetter = Callable[[Any], Any]


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


@cache
def _omzetter(tp: Any) -> Omzetter:
    """De omzetting voor één typehint, één keer per type uitgezocht: jaren aan signalen
    lezen betekent tienduizenden objecten, en de typehints per waarde uitpluizen kostte het
    grootste deel van die tijd."""
    oorsprong = typing.get_origin(tp)
    if oorsprong in (typing.Union, types.UnionType):
        echte = [a for a in typing.get_args(tp) if a is not type(None)]
        return _omzetter(echte[0]) if len(echte) == 1 else _zonder_none(lambda w: w)
    if oorsprong is list:
        (element,) = typing.get_args(tp) or (Any,)
        omzet = _omzetter(element)
        return _zonder_none(lambda w: [omzet(v) for v in w])
    if oorsprong is dict:
        _, element = typing.get_args(tp) or (Any, Any)
        omzet = _omzetter(element)
        return _zonder_none(lambda w: {k: omzet(v) for k, v in w.items()})
    if tp is datetime:
        return _zonder_none(datetime.fromisoformat)
    if tp is date:
        return _zonder_none(date.fromisoformat)
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return _zonder_none(lambda w: uit_document(tp, w))
    return _zonder_none(_vrij)


@cache
def _velden(cls: type) -> tuple[tuple[str, Omzetter], ...]:
    """Per veld van de dataclass: naam en omzetting."""
    hints = typing.get_type_hints(cls)
    return tuple((f.name, _omzetter(hints[f.name])) for f in dataclasses.fields(cls))


def uit_document(cls: type[T], document: dict[str, Any]) -> T:
    """Een opgeslagen document terug als dataclass van type ``cls``."""
    try:
        velden = {
            naam: omzet(document[naam]) for naam, omzet in _velden(cls) if naam in document
        }
        return cls(**velden)
    except (OngeldigeInvoer, TypeError, ValueError, KeyError, AttributeError) as fout:
        kenmerk = document.get("id", "?") if isinstance(document, dict) else "?"
        raise BeschadigdBestand(
            f"Een opgeslagen {cls.__name__.lower()} ({kenmerk}) is niet te lezen: {fout}"
        ) from fout
