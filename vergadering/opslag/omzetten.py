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


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _omzetten(tp: Any, waarde: Any) -> Any:
    if waarde is None:
        return None
    oorsprong = typing.get_origin(tp)
    if oorsprong in (typing.Union, types.UnionType):
        echte = [a for a in typing.get_args(tp) if a is not type(None)]
        return _omzetten(echte[0], waarde) if len(echte) == 1 else waarde
    if oorsprong is list:
        (element,) = typing.get_args(tp) or (Any,)
        return [_omzetten(element, v) for v in waarde]
    if oorsprong is dict:
        _, element = typing.get_args(tp) or (Any, Any)
        return {k: _omzetten(element, v) for k, v in waarde.items()}
    if tp is datetime:
        return datetime.fromisoformat(waarde)
    if tp is date:
        return date.fromisoformat(waarde)
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return uit_document(tp, waarde)
    if isinstance(waarde, (dict, list)):
        # Een vrij veld (zoals ``extra: dict``): een eigen kopie, anders deelt het object zijn
        # inhoud met het geheugen van de opslag, en komt een wijziging die nooit bewaard werd
        # toch op schijf zodra iets anders in hetzelfde vak bewaard wordt.
        return copy.deepcopy(waarde) if waarde else type(waarde)()
    return waarde


def uit_document(cls: type[T], document: dict[str, Any]) -> T:
    """Een opgeslagen document terug als dataclass van type ``cls``."""
    try:
        hints = _hints(cls)
        velden = {
            f.name: _omzetten(hints[f.name], document[f.name])
            for f in dataclasses.fields(cls)
            if f.name in document
        }
        return cls(**velden)
    except (OngeldigeInvoer, TypeError, ValueError, KeyError, AttributeError) as fout:
        kenmerk = document.get("id", "?") if isinstance(document, dict) else "?"
        raise BeschadigdBestand(
            f"Een opgeslagen {cls.__name__.lower()} ({kenmerk}) is niet te lezen: {fout}"
        ) from fout
