"""De praktijkvormen waarmee signalen opgehaald worden (de vier uit de werkplaats, plus overig).

Een eigen klein module: de opdrachtregel heeft ze voor elke opdracht nodig (de keuzes van
``--vorm``), en mag daarvoor niet de signalen zelf laden (dataclasses kosten ~7 ms).
"""

from __future__ import annotations

PRAKTIJKVORMEN = {
    "A": "buurtgesprekken",
    "B": "micro-uitvraag via professionals",
    "C": "wijkpanel en thema-sessies",
    "D": "ervaringsdeskundige",
    "overig": "anders opgehaald",
}
