"""Datums tegen elkaar: wat onmogelijk is, wordt geweigerd; wat ongewoon is, wordt gevraagd.

Elke controle hier kijkt naar de datums waarvan een datum afhangt: bij een actie het besluit,
de eerste stap en het checkmoment (besluit ≤ eerste stap ≤ checkmoment), bij een vergadering
de vorige vergadering van het wijkverband en de volgende. Onmogelijk (een checkmoment vóór de
eerste stap, een vergadering vóór de vorige) geeft ``OngeldigeInvoer`` met een zin die zegt
wat te doen. Mogelijk maar ongewoon (ver in het verleden of de toekomst, buiten de
afspraken) geeft een lijst *twijfels*: één Nederlandse zin per twijfel, met de reden, zodat
het scherm om bevestiging kan vragen.

Dit geldt bij het invullen, niet bij het inlezen: oude gegevens die hier niet aan voldoen,
blijven leesbaar.
"""

from __future__ import annotations

from datetime import date

from .actie import CHECKMOMENT_MAX_WEKEN, CHECKMOMENT_MIN_WEKEN, EERSTE_STAP_DAGEN
from .fouten import OngeldigeInvoer
from .zinnen import aantal

# Een vergadering wordt op de dag zelf gestart (of kort erna ingevoerd).
VERGADERING_VERLEDEN_DAGEN = 7
VERGADERING_TOEKOMST_DAGEN = 1
# Verder weg dan dit is een volgende vergadering of update ongewoon (een typfout in het jaar).
VOLGENDE_VERGADERING_DAGEN = 183
VOLGENDE_UPDATE_DAGEN = 92
VOLGEND_CHECKMOMENT_DAGEN = 183


def _weken_of_dagen(n: int) -> str:
    """'3 dagen', of '5 weken' bij hele weken vanaf twee weken."""
    if n >= 14 and n % 7 == 0:
        return f"{n // 7} weken"
    return aantal(n, "dag", "dagen")


def actiedatums(besloten_op: date, eerste_stap: date | None,
                checkmoment: date | None) -> list[str]:
    """Controleer besluit ≤ eerste stap ≤ checkmoment; geeft de twijfels terug.

    Ongewoon: een eerste stap later dan twee weken na het besluit, een checkmoment buiten
    zes tot acht weken na het besluit.
    """
    if eerste_stap is not None and eerste_stap < besloten_op:
        raise OngeldigeInvoer(
            "De eerste stap ligt vóór het besluit; kies een datum vanaf vandaag."
        )
    if checkmoment is not None and checkmoment < besloten_op:
        raise OngeldigeInvoer(
            "Het checkmoment ligt vóór het besluit; kies een datum na de eerste stap."
        )
    if eerste_stap is not None and checkmoment is not None and checkmoment < eerste_stap:
        raise OngeldigeInvoer(
            "Het checkmoment ligt vóór de eerste stap; kies een checkmoment na de eerste stap "
            "of een vroegere eerste stap."
        )
    twijfels: list[str] = []
    if eerste_stap is not None:
        dagen = (eerste_stap - besloten_op).days
        if dagen > EERSTE_STAP_DAGEN:
            twijfels.append(
                f"De eerste stap ligt {_weken_of_dagen(dagen)} na het besluit, terwijl de "
                "afspraak is: binnen twee weken."
            )
    if checkmoment is not None:
        dagen = (checkmoment - besloten_op).days
        if not CHECKMOMENT_MIN_WEKEN * 7 <= dagen <= CHECKMOMENT_MAX_WEKEN * 7:
            twijfels.append(
                f"Het checkmoment ligt {_weken_of_dagen(dagen)} na het besluit, terwijl dat "
                "gewoonlijk zes tot acht weken is."
            )
    return twijfels


def volgend_checkmoment(checkmoment: date, vandaag: date,
                        eerste_stap: date | None = None) -> list[str]:
    """Het volgende checkmoment bij een statusupdate: niet in het verleden, niet vóór de
    eerste stap; ongewoon als het meer dan een half jaar weg ligt."""
    if checkmoment < vandaag:
        raise OngeldigeInvoer(
            "Het volgende checkmoment ligt in het verleden; kies een datum vanaf vandaag."
        )
    if eerste_stap is not None and checkmoment < eerste_stap:
        raise OngeldigeInvoer(
            "Het volgende checkmoment ligt vóór de eerste stap van deze actie; kies een datum "
            "na de eerste stap."
        )
    dagen = (checkmoment - vandaag).days
    if dagen > VOLGEND_CHECKMOMENT_DAGEN:
        return [f"Het volgende checkmoment ligt {_weken_of_dagen(dagen)} vooruit, meer dan een "
                "half jaar; klopt het jaartal?"]
    return []


def vergaderdatum(datum: date, vandaag: date, vorige: date | None = None) -> list[str]:
    """Een nieuwe vergadering: niet vóór de vorige vergadering van het wijkverband.

    Ongewoon: meer dan een week terug, of in de toekomst (een vergadering begint nu).
    """
    if vorige is not None and datum < vorige:
        from . import datums

        raise OngeldigeInvoer(
            f"Deze datum ligt vóór de vorige vergadering ({datums.lang(vorige)}); kies een "
            "datum vanaf die dag."
        )
    twijfels: list[str] = []
    if vorige is not None and datum == vorige:
        twijfels.append("Op deze dag was al een vergadering; dit wordt een tweede op dezelfde "
                        "dag.")
    dagen = (datum - vandaag).days
    if dagen < -VERGADERING_VERLEDEN_DAGEN:
        twijfels.append(
            f"De datum ligt {_weken_of_dagen(-dagen)} in het verleden, terwijl een vergadering "
            "gewoonlijk op de dag zelf begint."
        )
    elif dagen > VERGADERING_TOEKOMST_DAGEN:
        twijfels.append(
            f"De datum ligt {_weken_of_dagen(dagen)} in de toekomst, terwijl de klok van de "
            "vergadering nu gaat lopen."
        )
    return twijfels


def volgende_vergadering(volgende: date, datum: date) -> list[str]:
    """De volgende vergadering ligt na deze; ongewoon als dat meer dan een half jaar is."""
    if volgende <= datum:
        raise OngeldigeInvoer(
            "De volgende vergadering moet na deze vergadering liggen; kies een latere datum."
        )
    dagen = (volgende - datum).days
    if dagen > VOLGENDE_VERGADERING_DAGEN:
        return [f"De volgende vergadering ligt {_weken_of_dagen(dagen)} na deze, meer dan een "
                "half jaar; klopt het jaartal?"]
    return []


def volgende_update(update: date, vandaag: date, termijn_dagen: int | None = None) -> list[str]:
    """De volgende update aan bewoners: niet in het verleden; ongewoon als hij verder weg ligt
    dan de termijn uit de participatieafspraken, of (zonder termijn) dan drie maanden."""
    if update < vandaag:
        raise OngeldigeInvoer("De volgende update moet nog komen; kies een datum vanaf vandaag.")
    dagen = (update - vandaag).days
    if termijn_dagen is not None and dagen > termijn_dagen:
        return [f"De volgende update ligt {_weken_of_dagen(dagen)} vooruit, terwijl de "
                f"participatieafspraken {_weken_of_dagen(termijn_dagen)} noemen."]
    if termijn_dagen is None and dagen > VOLGENDE_UPDATE_DAGEN:
        return [f"De volgende update ligt {_weken_of_dagen(dagen)} vooruit, meer dan drie "
                "maanden; bewoners haken dan af."]
    return []
