"""Opslag: TinyDB achter één façade, met atomisch schrijven, een schrijfslot en reservekopieën."""

from .facade import Opslag, standaard_map

__all__ = ["Opslag", "standaard_map"]
