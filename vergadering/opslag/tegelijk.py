"""Werk van een lange lijst met twee processen tegelijk: de eerste lijst zonder lijstindex
(na een upgrade of een herstel) leest tien tot dertig jaar vakken en maakt er rijen van, en
een tabel van tienduizenden rijen opmaken kost bijna evenveel als al die vakken lezen.

Dat werk is Python, dus één kern tegelijk; een tweede thread helpt daarom niet, een tweede
proces wel. ``per_vak`` splitst de vakken in twee delen (naar het geschatte werk): een
kindproces (``os.fork``) doet het laatste deel en stuurt de rijen terug via een pijp
(``marshal``, zoals de lijstindex), terwijl dit proces het eerste deel doet. ``in_twee``
doet hetzelfde in twee helften voor werk dat halverwege één keer iets van beide helften
nodig heeft (de kolombreedtes van de tabel).

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
# Een kind loont pas bij genoeg werk: de fork, het wachten op het kind en de rijen
# overdragen kosten samen ~5 ms. Het werk geschat in 'vakken': een vak kost ~30 µs om te
# openen en na te kijken, en elke ~3 kB inhoud (json, rijen) nog eens zoveel. Vanaf 500
# (~15 ms werk) wint het kind. Gemeten (cold, bench/lijsten.py): dertig jaar acties (155
# jaarvakken, 3 MB, ~1.150) ging met kind van ~105 naar ~95 ms; alleen op het aantal vakken
# (vroeger vanaf 300) kregen die grote vakken geen kind.
DREMPEL = 500
BYTES_PER_VAK = 3000
DEEL_OUDER = 55  # procent van het werk (zie per_vak)


def _kernen() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def _gewichten(aantal: int, groottes: list[int] | None) -> list[int]:
    """Het geschatte werk per vak (zie ``DREMPEL``)."""
    if groottes is None:
        return [1] * aantal
    return [1 + g // BYTES_PER_VAK for g in groottes]


def per_vak(namen: list[T], werk: Callable[[T], Any], groottes: list[int] | None = None
            ) -> dict[T, Any]:
    """``werk(naam)`` voor elke naam, als woordenboek; het laatste deel in een kindproces als
    er genoeg werk is (``DREMPEL``) en het mag (zie ``_mag``). ``groottes``: de grootte van
    elk vak in bytes (het werk groeit mee; het kind krijgt zijn deel van het werk, niet van
    het aantal vakken: ``DEEL_OUDER``). Een fout komt zoals zonder kind: van de eerste naam
    (in volgorde) waarvoor ``werk`` faalt. ``werk`` geeft iets wat ``marshal`` kan bewaren."""
    gewichten = _gewichten(len(namen), groottes)
    totaal = sum(gewichten)
    kind = _fork(1) if len(namen) > 1 and _mag(totaal, DREMPEL) else None
    if kind is None:
        return {naam: werk(naam) for naam in namen}
    pid, (lezen, schrijven), _ = kind
    # De ouder het eerste deel van het werk, het kind de rest (minstens één). Het kind moet
    # zijn rijen daarna nog inpakken (~een kwart van zijn werk) voordat de ouder ze kan
    # uitpakken: zo zijn beide tegelijk klaar met hun deel plus inpakken.
    midden, opgeteld = 0, 0
    while midden < len(namen) - 1 and opgeteld * 100 < totaal * DEEL_OUDER:
        opgeteld += gewichten[midden]
        midden += 1
    eerste, tweede = namen[:midden], namen[midden:]
    if pid == 0:
        _kind(tweede, werk, schrijven)  # komt nooit terug
    van_kind: dict[Any, Any] = {}
    try:
        uit = {naam: werk(naam) for naam in eerste}
        bericht = _bericht(lezen)
        if bericht is not None and type(bericht[0]) is dict:
            van_kind = bericht[0]
    finally:
        os.close(lezen)
        if not van_kind:
            _stop(pid)  # een fout hier, of het kind gaf niets: niet op het kind wachten
        if not _goed_gestopt(pid):
            van_kind = {}
    for naam in tweede:
        uit[naam] = van_kind[naam] if naam in van_kind else werk(naam)
    return uit


def _kind(namen: list[T], werk: Callable[[T], Any], schrijven: int) -> None:
    """In het kindproces: ``werk`` voor de namen tot de eerste fout, het resultaat door de
    pijp, en dan meteen stoppen (zonder de opruimers en buffers van de ouder)."""
    code = 1
    try:
        uit = {}
        for naam in namen:
            try:
                uit[naam] = werk(naam)
            except Exception:  # noqa: BLE001 - de ouder doet dit vak zelf, met zijn melding
                break
        if _stuur(schrijven, uit):
            code = 0
    finally:
        os._exit(code)


def _fork(pijpen: int) -> tuple[int, tuple[int, int], tuple[int, int] | None] | None:
    """Een kindproces met één pijp naar de ouder (en met ``pijpen=2`` ook één terug):
    (pid, (lezen, schrijven) kind naar ouder, (lezen, schrijven) ouder naar kind of None).
    In elk proces zijn de uiteinden die het niet gebruikt al dicht. None als er geen pijp
    of proces bij kan (geen geheugen, te veel processen): dan alles alleen."""
    fds: list[int] = []
    try:
        for _ in range(pijpen):
            fds += os.pipe()
        pid = os.fork()
    except OSError:
        for fd in fds:
            os.close(fd)
        return None
    naar_ouder = (fds[0], fds[1])
    naar_kind = (fds[2], fds[3]) if pijpen == 2 else None
    # De ouder leest van het kind en schrijft naar het kind; het kind andersom.
    os.close(naar_ouder[0 if pid == 0 else 1])
    if naar_kind is not None:
        os.close(naar_kind[1 if pid == 0 else 0])
    return pid, naar_ouder, naar_kind


def _stop(pid: int) -> None:
    import signal  # alleen als een kind faalt: niet bij elke opdracht laden

    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def _goed_gestopt(pid: int) -> bool:
    """Wacht op het kind; waar als het gewoon klaar was (uitgangscode 0)."""
    try:
        _, status = os.waitpid(pid, 0)
    except ChildProcessError:
        return False
    return os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0


def in_twee(aantal: int, drempel: int, deel: Callable[[int, int], tuple[Any, Any]],
            samen: Callable[[list[Any]], Any], af: Callable[[Any, Any], Any]) -> list[Any]:
    """Werk op ``aantal`` dingen (rijen) in twee helften dat halverwege één keer iets van
    beide helften nodig heeft (zoals de breedste cel van elke kolom van een tabel):

    ``deel(begin, eind)`` geeft (staat, maat) van een helft; ``samen([maat, ...])`` maakt
    daar het gezamenlijke van (voor beide helften hetzelfde); ``af(staat, gezamenlijk)``
    maakt een helft af. Geeft de uitkomsten van ``af`` op volgorde. De tweede helft in een
    kindproces als dat mag (vanaf ``drempel`` dingen); kan het kind het niet (een fout, het
    valt weg), dan doet dit proces die helft daarna zelf. Maat, gezamenlijk en uitkomst van
    ``af`` zijn dingen die ``marshal`` kan bewaren."""
    kind = _fork(2) if _mag(aantal, drempel) else None
    if kind is None:
        staat, maat = deel(0, aantal)
        return [af(staat, samen([maat]))]
    pid, (lezen, naar_ouder), naar_kind = kind
    assert naar_kind is not None
    midden = aantal // 2
    if pid == 0:
        _kind_in_twee(midden, aantal, deel, af, naar_ouder, naar_kind[0])  # nooit terug
    schrijven = naar_kind[1]
    tweede: tuple[Any] | None = None
    try:
        staat, maat = deel(0, midden)
        van_kind = _bericht(lezen)
        if van_kind is not None:
            gezamenlijk = samen([maat, van_kind[0]])
            if _stuur(schrijven, gezamenlijk):
                eerste = af(staat, gezamenlijk)
                tweede = _bericht(lezen)
        if tweede is None:  # het kind kon het niet: die helft hier
            staat_2, maat_2 = deel(midden, aantal)
            gezamenlijk = samen([maat, maat_2])
            return [af(staat, gezamenlijk), af(staat_2, gezamenlijk)]
    finally:
        os.close(lezen)
        os.close(schrijven)
        if tweede is None:
            _stop(pid)  # een fout hier, of het kind faalde: niet op zijn werk wachten
        gestopt = _goed_gestopt(pid)
    if not gestopt:  # wat het kind stuurde, telt alleen als het gewoon klaar was
        staat_2, _ = deel(midden, aantal)
        return [eerste, af(staat_2, gezamenlijk)]
    return [eerste, tweede[0]]


def _mag(aantal: int, drempel: int) -> bool:
    threading = sys.modules.get("threading")  # niet geladen: dan is er één thread
    return (toegestaan and aantal >= drempel and hasattr(os, "fork")
            and (threading is None or threading.active_count() == 1) and _kernen() >= 2)


def _kind_in_twee(begin: int, eind: int, deel: Callable[[int, int], tuple[Any, Any]],
                  af: Callable[[Any, Any], Any], schrijven: int, lezen: int) -> None:
    """In het kindproces van ``in_twee``: deel, maat naar de ouder, het gezamenlijke terug,
    af, de uitkomst naar de ouder, en dan meteen stoppen."""
    code = 1
    try:
        staat, maat = deel(begin, eind)
        if _stuur(schrijven, maat):
            gezamenlijk = _bericht(lezen)
            if gezamenlijk is not None and _stuur(schrijven, af(staat, gezamenlijk[0])):
                code = 0
    finally:
        os._exit(code)


def _stuur(fd: int, waarde: Any) -> bool:
    """Eén bericht door een pijp: lengte (8 bytes) en ``marshal``; onwaar als het niet lukt
    (de andere kant is weg, of de waarde kan niet bewaard worden)."""
    try:
        data = marshal.dumps(waarde, 2)
        rest = memoryview(len(data).to_bytes(8, "little") + data)
        while rest:
            rest = rest[os.write(fd, rest):]
    except (OSError, ValueError):
        return False
    return True


def _bericht(fd: int) -> tuple[Any] | None:
    """Het volgende bericht van ``_stuur`` (als tuple van één), of None als de andere kant
    stopte of iets onleesbaars stuurde."""
    try:
        kop = _lees_precies(fd, 8)
        if kop is None:
            return None
        data = _lees_precies(fd, int.from_bytes(kop, "little"))
        if data is None:
            return None
        return (marshal.loads(data),)
    except (OSError, ValueError, EOFError, TypeError):
        return None


def _lees_precies(fd: int, n: int) -> bytes | None:
    delen, over = [], n
    while over:
        deel = os.read(fd, min(over, 1 << 20))
        if not deel:
            return None
        delen.append(deel)
        over -= len(deel)
    return b"".join(delen)
