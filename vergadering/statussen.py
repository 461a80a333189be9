"""De statussen van signalen en acties, en wat een open actie op een dag te laat maakt.

Los van ``signaal.py`` en ``actie.py``: de lijsten rekenen met alleen deze velden uit de
lijstindex, zonder de dataclasses te laden (een lijst van een jaar kost minder dan dat laden).
"""

from __future__ import annotations

from datetime import date

# nieuw: nog niet besproken; gekozen: in de top 5 en omgezet in een actie;
# geparkeerd: niet gekozen, met reden, komt terug; gebundeld: opgegaan in een ander signaal;
# afgehandeld: klaar (bijvoorbeeld opgelost buiten het wijkverband om).
SIGNAALSTATUSSEN = ("nieuw", "gekozen", "geparkeerd", "gebundeld", "afgehandeld")

ACTIESTATUSSEN = ("gepland", "loopt", "gereed", "vastgelopen", "gestopt")
OPEN_STATUSSEN = ("gepland", "loopt", "vastgelopen")


def achterstallig(status: str, eerste_stap_datum: date | None, checkmoment: date | None,
                  vandaag: date) -> list[str]:
    """Wat van een actie over tijd is, in woorden (de eerste stap en/of het checkmoment),
    uit alleen de velden die ertoe doen: zo rekenen de lijsten het uit rijen uit."""
    if status not in OPEN_STATUSSEN:
        return []
    te_laat = []
    if status == "gepland" and eerste_stap_datum and eerste_stap_datum < vandaag:
        te_laat.append("eerste stap te laat")
    if checkmoment and checkmoment < vandaag:
        te_laat.append("checkmoment verstreken")
    return te_laat
