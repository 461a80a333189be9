"""participatieafspraken.docx: template 1, de participatieafspraken van het wijkverband."""

from __future__ import annotations

from pathlib import Path

from .. import datums
from ..signaal import PRAKTIJKVORMEN
from .inhoud import Inhoud

LEEG = "Nog niet ingevuld."

# (kop, [(vraag, veld)]) in de volgorde van template 1.
ONDERDELEN: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    ("1. Wijkvraag en doelgroep", (
        ("Probleem of vraag (1 zin)", "wijkvraag"),
        ("Voor wie speelt dit?", "doelgroep"),
    )),
    ("2. Beoogde opbrengst voor inwoners", (
        ("Gewenste verandering (concreet)", "gewenste_verandering"),
        ("Wanneer is het verschil merkbaar?", "merkbaar_wanneer"),
    )),
    ("3. Vorm van participatie (ophalen)", (
        ("Basisvorm", "basisvorm"),
        ("Waar en wanneer?", "waar_en_wanneer"),
        ("Wie organiseert?", "organisator"),
    )),
    ("4. Doorwerking in het hechte wijkverband", (
        ("Wanneer agenderen we?", "agenderen_wanneer"),
        ("Wie besluit (mandaat)?", "mandaat"),
        ("Welke actie(s) volgen?", "vervolgacties"),
    )),
    ("5. Terugkoppeling aan inwoners (verplicht)", (
        ("Wat koppelen we terug?", "terugkoppeling_wat"),
        ("Via welk kanaal en wanneer?", "terugkoppeling_kanaal"),
        ("Wie is eigenaar van de terugkoppeling?", "terugkoppeling_eigenaar"),
    )),
)


def _basisvorm(waarde: str) -> str:
    """Een praktijkvorm als letter (A–D) uitgeschreven: 'A — buurtgesprekken'."""
    sleutel = waarde.strip()
    if sleutel.upper() in PRAKTIJKVORMEN:
        return f"{sleutel.upper()} — {PRAKTIJKVORMEN[sleutel.upper()]}"
    return waarde


def schrijf(inhoud: Inhoud, pad: Path) -> None:
    """Schrijf participatieafspraken.docx naar ``pad`` (atomisch)."""
    from .docx_hulp import Stuk

    wv = inhoud.wijkverband
    m = inhoud.maskeer
    afspraken = wv.afspraken
    stuk = Stuk(
        f"Participatieafspraken {wv.naam}",
        wv.naam,
        inhoud.moment,
        onderwerp="Participatieafspraken in het hechte wijkverband (template 1)",
        kopregel=f"{wv.naam} — participatieafspraken",
    )
    stuk.compact()  # template 1 is één pagina, ook met afspraken van gewone lengte
    stuk.titel("Participatieafspraken")
    stuk.ondertitel(f"{wv.naam} — stand van {datums.lang(inhoud.vandaag)}")
    stuk.alinea(
        "Doel: de participatieaanpak kort en werkbaar vastleggen: thema, vorm, doorwerking "
        "en terugkoppeling."
    )
    for kop, vragen in ONDERDELEN:
        stuk.kop(kop)
        for vraag, veld in vragen:
            waarde = str(getattr(afspraken, veld, "") or "")
            if veld == "basisvorm":
                waarde = _basisvorm(waarde)
            stuk.alinea(m(waarde) or LEEG, label=f"{vraag}")
    stuk.bewaar(pad)
