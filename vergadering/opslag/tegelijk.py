"""Veel vakken lezen met twee processen tegelijk: de eerste lijst zonder lijstindex (na een
upgrade of een herstel) leest tien tot dertig jaar vakken en maakt er rijen van.

Dat werk is Python, dus één kern tegelijk; een tweede thread helpt daarom niet, een tweede
proces wel. ``per_vak`` splitst de vakken in twee helften: een kindproces (``os.fork``)
doet de tweede helft en stuurt de rijen terug via een pijp (``marshal``, zoals de
lijstindex), terwijl dit proces de eerste helft doet.

Het kind is alleen een versnelling, nooit een tweede oordeel. Het leest alleen (lezen
schrijft nooit in de opslag) en schrijft niets naar de terminal. Wat het niet kon (een
beschadigd vak, een fout, een kind dat stopt), doet dit proces daarna zelf, in de gewone
volgorde. Zo geeft een beschadigd vak dezelfde melding als zonder kind: de eerste in de
volgorde van de vakken.

Alleen waar het veilig is: een programma dat dat zelf aanzet (de opdrachtregel, zie
``opdrachtregel.start``; niet de app en niet de tests, behalve die voor deze module), met
één thread (na een fork blijven sloten van andere threads dicht), op een systeem met fork
en met minstens twee kernen die het proces mag gebruiken.
"""

from __future__ import annotations

import marshal
import os
import sys
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")

# Aangezet door de opdrachtregel; daarbuiten (de app, andere programma's) nooit een fork.
toegestaan = False
# Onder zoveel vakken kost een fork (het geheugen van het proces afbeelden) meer dan hij
# scheelt: één vak is ~0,2 ms werk, een fork van een proces van 100 MB ~2 ms.
DREMPEL = 64


def _kernen() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def mag_splitsen(aantal: int) -> bool:
    """Waar als ``aantal`` vakken over twee processen verdeeld mogen worden."""
    threading = sys.modules.get("threading")  # niet geladen: dan is er één thread
    return (toegestaan and aantal >= DREMPEL and hasattr(os, "fork")
            and (threading is None or threading.active_count() == 1) and _kernen() >= 2)


def per_vak(namen: list[T], werk: Callable[[T], Any]) -> dict[T, Any]:
    """``werk(naam)`` voor elke naam, als woordenboek; de tweede helft in een kindproces als
    dat mag (``mag_splitsen``). Een fout komt zoals zonder kind: van de eerste naam (in
    volgorde) waarvoor ``werk`` faalt. ``werk`` geeft iets wat ``marshal`` kan bewaren."""
    if not mag_splitsen(len(namen)):
        return {naam: werk(naam) for naam in namen}
    midden = len(namen) // 2
    eerste, tweede = namen[:midden], namen[midden:]
    try:
        lezen, schrijven = os.pipe()
    except OSError:
        return {naam: werk(naam) for naam in namen}
    try:
        pid = os.fork()
    except OSError:  # geen geheugen of te veel processen: dan alleen
        os.close(lezen)
        os.close(schrijven)
        return {naam: werk(naam) for naam in namen}
    if pid == 0:
        _kind(tweede, werk, lezen, schrijven)  # komt nooit terug
    os.close(schrijven)
    van_kind: dict[Any, Any] = {}
    try:
        uit = {naam: werk(naam) for naam in eerste}
        van_kind = _ontvang(lezen)
    finally:
        os.close(lezen)
        if not van_kind:
            _stop(pid)  # een fout hier, of het kind gaf niets: niet op het kind wachten
        if not _goed_gestopt(pid):
            van_kind = {}
    for naam in tweede:
        uit[naam] = van_kind[naam] if naam in van_kind else werk(naam)
    return uit


def _kind(namen: list[T], werk: Callable[[T], Any], lezen: int, schrijven: int) -> None:
    """In het kindproces: ``werk`` voor de namen tot de eerste fout, het resultaat door de
    pijp, en dan meteen stoppen (zonder de opruimers en buffers van de ouder)."""
    code = 1
    try:
        os.close(lezen)
        uit = {}
        for naam in namen:
            try:
                uit[naam] = werk(naam)
            except Exception:  # noqa: BLE001 - de ouder doet dit vak zelf, met zijn melding
                break
        data = memoryview(marshal.dumps(uit, 2))
        while data:
            data = data[os.write(schrijven, data):]
        code = 0
    finally:
        os._exit(code)


def _ontvang(lezen: int) -> dict[Any, Any]:
    """Wat het kind stuurde; leeg als het niets (bruikbaars) stuurde."""
    delen = []
    while deel := os.read(lezen, 1 << 20):
        delen.append(deel)
    try:
        data = marshal.loads(b"".join(delen))
    except (ValueError, EOFError, TypeError):
        return {}
    return data if type(data) is dict else {}


def _stop(pid: int) -> None:
    try:
        os.kill(pid, 9)
    except ProcessLookupError:
        pass


def _goed_gestopt(pid: int) -> bool:
    """Wacht op het kind; waar als het gewoon klaar was (uitgangscode 0)."""
    try:
        _, status = os.waitpid(pid, 0)
    except ChildProcessError:
        return False
    return os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0
