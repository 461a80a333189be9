"""De agenda van één vergadering rond het vaste cyclusblok: punten uit het sjabloon, een
punt alleen voor deze keer, en het vaststellen van het vorige verslag.

Alle punten staan als ``Fase`` in ``Vergadering.fasen``, in de volgorde van de agenda: de
agendaklok behandelt ze gelijk (waarschuwen, uitlopen, nooit vanzelf verder) en elk punt
heeft zijn eigen notities. Een fase van het cyclusblok heeft soort "" (zoals in bestanden
van vóór het sjabloon); een vergadering zonder punten eromheen is het cyclusblok alleen.
Sluiten hangt alleen af van de terugkoppeling (``regels.sluit``), nooit van deze punten.
"""

from __future__ import annotations

from datetime import date

from .agendapunt import Agendapunt, controleer_minuten
from .fouten import OngeldigeInvoer
from .tekst import invoer, kort
from .vergadering import Fase, Vergadering
from .wijkverband import Agenda

EXTRA_SOORT = "extra"


def fase_uit_punt(punt: Agendapunt, sleutel: str) -> Fase:
    """Een agendapunt van het sjabloon als fase van een vergadering."""
    return Fase(sleutel, punt.titel, punt.minuten * 60, soort=punt.soort)


def fasen_uit_sjabloon(agenda: Agenda, cyclus: list[Fase]) -> list[Fase]:
    """De hele agenda: de punten vóór, het cyclusblok ``cyclus``, de punten na."""
    uit: list[Fase] = []
    nummer = 0
    for punt in agenda.voor:
        nummer += 1
        uit.append(fase_uit_punt(punt, _sleutel(punt, nummer)))
    uit += cyclus
    for punt in agenda.na:
        nummer += 1
        uit.append(fase_uit_punt(punt, _sleutel(punt, nummer)))
    return uit


def _sleutel(punt: Agendapunt, nummer: int) -> str:
    return "verslag" if punt.soort == "verslag" else f"punt-{nummer}"


def index_van(vergadering: Vergadering, sleutel: str) -> int | None:
    """De plek van de fase met deze sleutel in de agenda (None als die er niet is)."""
    for i, fase in enumerate(vergadering.fasen):
        if fase.sleutel == sleutel:
            return i
    return None


def cyclusnummer(vergadering: Vergadering, index: int | None = None) -> int:
    """Het nummer van een fase binnen het cyclusblok (1–3); 0 voor een ander agendapunt.
    Zo blijft 'fase 2' de acties, ook met punten ervoor op de agenda."""
    fasen = vergadering.fasen
    index = vergadering.fase_index if index is None else index
    if not fasen[index].cyclus:
        return 0
    return sum(1 for f in fasen[: index + 1] if f.cyclus)


def waar(vergadering: Vergadering) -> str:
    """Waar de vergadering is, in woorden: 'fase 2: Top 1–2 acties' of 'agendapunt
    Rondvraag'."""
    nummer = cyclusnummer(vergadering)
    if nummer:
        return f"fase {nummer}: {vergadering.fase.titel}"
    return f"agendapunt {vergadering.fase.titel}"


def heeft_sjabloon(vergadering: Vergadering) -> bool:
    """Waar als de agenda meer heeft dan het cyclusblok."""
    return any(not f.cyclus for f in vergadering.fasen)


def voeg_punt_toe(vergadering: Vergadering, titel: str, minuten: int) -> tuple[Fase, int]:
    """Een agendapunt alleen voor deze vergadering, met titel en minuten; geeft het punt en
    zijn plek terug.

    Het komt vóór het laatste punt als dat geen fase van de cyclus is en nog moet komen (de
    sluiting), anders achteraan. De huidige fase blijft de huidige.
    """
    if vergadering.gesloten:
        raise OngeldigeInvoer("Deze vergadering is al gesloten; er kan geen punt meer bij.")
    titel = invoer(titel, "de titel van het agendapunt", verplicht=True, maximum=80)
    controleer_minuten(minuten, titel)
    if len(vergadering.fasen) >= 30:
        raise OngeldigeInvoer("De agenda heeft al 30 punten; er kan er geen meer bij.")
    bestaand = {f.sleutel for f in vergadering.fasen}
    n = 1
    while f"extra-{n}" in bestaand:
        n += 1
    fase = Fase(f"extra-{n}", titel, minuten * 60, soort=EXTRA_SOORT)
    fasen = vergadering.fasen
    laatste = len(fasen) - 1
    # Beide plekken liggen na de huidige fase: fase_index blijft kloppen.
    plek = laatste if not fasen[laatste].cyclus and laatste > vergadering.fase_index else (
        len(fasen))
    fasen.insert(plek, fase)
    return fase, plek


def _aan_te_passen(vergadering: Vergadering, index: int) -> Fase:
    """Het punt op plek ``index`` als het weg mag of mag verschuiven; anders een
    Nederlandse fout die zegt waarom niet."""
    if vergadering.gesloten:
        raise OngeldigeInvoer("Deze vergadering is al gesloten; de agenda ligt vast.")
    if not 0 <= index < len(vergadering.fasen):
        raise OngeldigeInvoer("Kies een punt van de agenda.")
    fase = vergadering.fasen[index]
    if fase.cyclus:
        raise OngeldigeInvoer(
            "De fasen van de cyclus (signalen, acties, terugkoppelen) blijven op hun plek; "
            "alleen de punten eromheen kunnen weg of verschuiven."
        )
    if index <= vergadering.fase_index:
        raise OngeldigeInvoer(
            f"'{kort(fase.titel)}' is al geweest of loopt nu; alleen een punt dat nog moet "
            "komen, kan weg of verschuiven."
        )
    return fase


def haal_punt_weg(vergadering: Vergadering, index: int) -> Fase:
    """Haal een agendapunt dat nog moet komen van de agenda (niet een fase van de cyclus,
    niet het vaststellen van het vorige verslag, niet een punt met notities of gebruikte
    tijd); geeft het weggehaalde punt terug."""
    fase = _aan_te_passen(vergadering, index)
    if fase.soort == "verslag":
        raise OngeldigeInvoer(
            "Het vaststellen van het vorige verslag blijft op de agenda; sla het deze keer "
            "over met n als het niet lukt."
        )
    if fase.notities.strip() or fase.gebruikt_s > 0 or fase.gestart_op is not None:
        raise OngeldigeInvoer(
            f"Bij '{kort(fase.titel)}' staan al notities of is al tijd gebruikt, dus het "
            "blijft op de agenda; sla het over met n."
        )
    del vergadering.fasen[index]
    return fase


def verplaats_punt(vergadering: Vergadering, index: int, stap: int) -> int:
    """Schuif een agendapunt dat nog moet komen één plek op (``stap`` -1) of neer (+1),
    nooit vóór het punt dat nu loopt; geeft zijn nieuwe plek. De fasen van de cyclus
    houden hun onderlinge volgorde (alleen de punten eromheen schuiven)."""
    fase = _aan_te_passen(vergadering, index)
    if stap not in (-1, 1):
        raise OngeldigeInvoer("Een punt schuift één plek tegelijk.")
    doel = index + stap
    if doel <= vergadering.fase_index:
        raise OngeldigeInvoer(
            f"'{kort(fase.titel)}' kan niet vóór het punt dat nu loopt; het staat al zo "
            "vroeg als kan."
        )
    if doel >= len(vergadering.fasen):
        raise OngeldigeInvoer(f"'{kort(fase.titel)}' staat al onderaan de agenda.")
    fasen = vergadering.fasen
    fasen[index], fasen[doel] = fasen[doel], fasen[index]
    return doel


# --- het vorige verslag ----------------------------------------------------------------


def vorige(vergaderingen: list[Vergadering], vergadering: Vergadering) -> Vergadering | None:
    """De laatste gesloten vergadering vóór deze (op datum en kenmerk): haar verslag wordt
    vastgesteld. None bij de eerste vergadering."""
    eerder = [
        v for v in vergaderingen
        if v.wijkverband_id == vergadering.wijkverband_id and v.id != vergadering.id
        and v.gesloten and (v.datum, v.id) < (vergadering.datum, vergadering.id)
    ]
    return max(eerder, key=lambda v: (v.datum, v.id)) if eerder else None


def zet_correcties(vergadering: Vergadering, correcties: str) -> None:
    """De correcties op het vorige verslag zoals de zaal ze vraagt (nog niet vastgesteld)."""
    if vergadering.gesloten:
        raise OngeldigeInvoer("Deze vergadering is al gesloten; dit kan alleen in een open "
                              "vergadering.")
    vergadering.correcties_vorig = invoer(correcties, "de correcties", maximum=4000)


def stel_vast(vergadering: Vergadering, vorig: Vergadering, datum: date) -> None:
    """Stel het verslag van ``vorig`` vast in ``vergadering``, met de correcties die deze
    vergadering heeft. Nog eens vaststellen in dezelfde vergadering werkt de correcties bij;
    een verslag dat in een andere vergadering al is vastgesteld, blijft zoals het is."""
    if vergadering.gesloten:
        raise OngeldigeInvoer("Deze vergadering is al gesloten; dit kan alleen in een open "
                              "vergadering.")
    if not vorig.gesloten:
        raise OngeldigeInvoer(
            "Die vergadering is nog niet gesloten; een verslag wordt pas vastgesteld als de "
            "vergadering dicht is."
        )
    if vorig.vastgesteld_in and vorig.vastgesteld_in != vergadering.id:
        raise OngeldigeInvoer(
            f"Dat verslag is al vastgesteld op {_lang(vorig.vastgesteld_op)}; het blijft zo."
        )
    vorig.vastgesteld_op = datum
    vorig.vastgesteld_in = vergadering.id
    vorig.vastgestelde_correcties = vergadering.correcties_vorig
    vergadering.vorig_vastgesteld = vorig.id


def _lang(datum: date | None) -> str:
    from .datums import lang

    return lang(datum) if datum else "een eerdere vergadering"


def merk(vergadering: Vergadering) -> str:
    """Wat boven het verslag staat: 'Concept' tot het is vastgesteld, daarna
    'Vastgesteld op 23 november 2026'."""
    if vergadering.vastgesteld_op is None:
        return "Concept"
    return f"Vastgesteld op {_lang(vergadering.vastgesteld_op)}"
