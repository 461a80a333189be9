"""Bundels van signalen: welke signalen (direct of via een ander) in een signaal opgingen.

Werkt op alles met ``id``, ``status``, ``gebundeld_in`` en ``aantal``: signalen, of rijen uit
de lijstindex (dan zonder de dataclasses te laden).
"""

from __future__ import annotations

from typing import Any, Protocol, TypeVar


class Bundelbaar(Protocol):
    """Wat de bundelrekening van een signaal gebruikt."""

    @property
    def id(self) -> str: ...
    @property
    def status(self) -> str: ...
    @property
    def gebundeld_in(self) -> str | None: ...
    @property
    def aantal(self) -> int: ...


S = TypeVar("S", bound=Bundelbaar)


def bundelkinderen(alle: list[S]) -> dict[str, list[S]]:
    """Per kenmerk: de signalen die er direct in gebundeld zijn."""
    kinderen: dict[str, list[S]] = {}
    for s in alle:
        if s.status == "gebundeld" and s.gebundeld_in:
            kinderen.setdefault(s.gebundeld_in, []).append(s)
    return kinderen


def onder(hoofd_id: str, kinderen: dict[str, list[S]]) -> list[S]:
    """De signalen die (direct of via een ander) in ``hoofd_id`` gebundeld zijn."""
    uit: list[S] = []
    gezien = {hoofd_id}  # beschermt tegen een kring in beschadigde gegevens
    rij = [hoofd_id]
    while rij:
        for kind in kinderen.get(rij.pop(0), []):
            if kind.id not in gezien:
                gezien.add(kind.id)
                uit.append(kind)
                rij.append(kind.id)
    return uit


def bundelaantallen(alle: list[Any]) -> dict[str, int]:
    """Per kenmerk van een signaal waarin andere gebundeld zijn (direct of via een ander):
    hoeveel bewoners die andere samen hebben. Een signaal dat er niet in staat, telt alleen
    zichzelf. Alleen de gebundelde signalen tellen hier, dus ``alle`` mag ook alleen die
    bevatten (zo hoeft een lijst van dertig jaar niet elk signaal langs)."""
    kinderen = bundelkinderen(alle)
    return {hoofd_id: sum(k.aantal for k in onder(hoofd_id, kinderen)) for hoofd_id in kinderen}
