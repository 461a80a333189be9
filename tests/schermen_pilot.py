"""Hulp voor Pilot-tests van de schermen: wachten, en met het toetsenbord naar een rij of
keuze lopen (geen muis, geen directe aanroepen)."""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot
from textual.widgets import DataTable, OptionList, Select
from textual.widgets._select import SelectOverlay


async def wacht(pilot: Pilot, voorwaarde, keer: int = 300) -> None:
    """Wacht (met korte pauzes) tot de voorwaarde waar is; faal pas na ruim een halve minuut.

    ``keer`` is het aantal pauzes van 20 ms op een rustige machine; op een drukke machine
    (CI met andere processen) duurt alles langer, dus er komt een ruime marge bij: een test
    mag alleen falen als het nooit gebeurt, niet als het even duurt."""
    for _ in range(max(keer, 1) * 5):
        if voorwaarde():
            return
        await pilot.pause(0.02)
    raise AssertionError("de voorwaarde werd niet waar")


async def naar_rij(pilot: Pilot, tabel: DataTable, sleutel: str) -> None:
    """Loop met pijltjes naar de rij met deze sleutel."""
    doel = tabel.get_row_index(sleutel)
    for _ in range(tabel.row_count + 2):
        if tabel.cursor_row == doel:
            return
        await pilot.press("down" if tabel.cursor_row < doel else "up")
    assert tabel.cursor_row == doel


async def naar_optie(pilot: Pilot, lijst: OptionList, voorwaarde) -> None:
    """Loop met pijltjes naar de eerste optie waarvoor de voorwaarde geldt."""
    doel = next(i for i in range(lijst.option_count) if voorwaarde(lijst.get_option_at_index(i)))
    for _ in range(lijst.option_count + 2):
        if lijst.highlighted == doel:
            return
        await pilot.press("down" if (lijst.highlighted or 0) < doel else "up")
    assert lijst.highlighted == doel


async def kies(pilot: Pilot, select: Select, waarde: Any) -> None:
    """Open een (gefocuste) keuzelijst met enter, loop naar de waarde, kies met enter."""
    assert select.has_focus, "de keuzelijst heeft geen focus"
    await pilot.press("enter")
    overlay = select.query_one(SelectOverlay)
    index = next(i for i, (_, w) in enumerate(select._options) if w == waarde)
    for _ in range(len(select._options) + 2):
        if overlay.highlighted == index:
            break
        await pilot.press("down" if (overlay.highlighted or 0) < index else "up")
    await pilot.press("enter")
    assert select.value == waarde


async def typ(pilot: Pilot, tekst: str) -> None:
    """Typ tekst teken voor teken."""
    await pilot.press(*tekst)


async def wis(pilot: Pilot) -> None:
    """Wis het invoerveld (ctrl+u: alles links van de cursor, die aan het eind staat)."""
    await pilot.press("end", "ctrl+u")


async def plak(pilot: Pilot, tekst: str) -> None:
    """Plak tekst in het veld met de focus, zoals een terminal dat doet (voor lange teksten
    en tekens die geen toets zijn, zoals emoji)."""
    from textual import events

    focus = pilot.app.focused
    assert focus is not None
    focus.post_message(events.Paste(tekst))
    await pilot.pause()


def meldingen(app) -> list[str]:
    """De teksten van de meldingen (notify) die de app toonde."""
    return [n.message for n in app._notifications]


async def op_startscherm(pilot: Pilot) -> None:
    """Wacht tot het startscherm er staat met het overzicht van het wijkverband geladen."""
    from schermen.start import StartScherm

    app = pilot.app
    await wacht(pilot, lambda: isinstance(app.screen, StartScherm) and app.screen.overzicht)
    # De impactregels komen na het overzicht (issue 13): wacht ook daarop, dan hangt de
    # afdruk niet af van welke draad eerst klaar is.
    scherm = app.screen  # er kan intussen een vraag bovenop komen (hervatten?)
    await wacht(pilot, lambda: scherm.impactregels is not None)


async def begin_vergadering(pilot: Pilot) -> None:
    """Vanaf het startscherm: een vergadering beginnen met wat het formulier voorstelt."""
    from schermen.formulieren.vergadering import StartFormulier
    from schermen.vergaderscherm import VergaderScherm

    app = pilot.app
    await op_startscherm(pilot)
    await pilot.press("s")
    await wacht(pilot, lambda: isinstance(app.screen, StartFormulier))
    await pilot.press("ctrl+s")
    await wacht(pilot, lambda: isinstance(app.screen, VergaderScherm))
