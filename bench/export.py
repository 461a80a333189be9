"""Wat kost het mapje? De actielijst van 1.000 acties naast een kale python-docx-tabel, en
het verslag van één vergadering.

Eén opdracht: ``.venv/bin/python bench/export.py`` (``--herhalingen N``, standaard 5).

- *actielijst, 1.000 acties*: ``vergadering.export.actielijst.schrijf`` op gegevens in het
  geheugen: maskeerder opbouwen, rijen maken (Babel-datums, achterstand in woorden, privacy),
  opmaak, taal, eigenschappen, paginanummers, herhalende kopregel, atomisch bewaren.
- *kale python-docx, zelfde tabel*: ``Document()``, ``add_table``, dezelfde 1.000 rijen
  (vooraf als tekst klaargezet), gevuld zoals het project dat doet: ``add_row()`` en per cel
  één alinea met één run als XML. (``cell.text`` is twee keer zo traag en maakte de
  verhouding mooier dan hij is; ``table.cell(r, c)`` zou minuten kosten.)

  Beide in dezelfde lus, om en om, zodat ruis op de machine beide even hard raakt; wat telt
  is de verhouding (doel: hoogstens 1,5×).
- *verslag, één vergadering*: ``verslag.schrijf`` voor een vergadering met 8 leden, 12
  signalen, top 5, drie stemmingen, twee acties, 30 eerdere acties en een logboek (doel:
  onder 0,5 s), warm; en koud in een vers proces, inclusief het laden van python-docx.
- *het hele mapje*: alle zes bestanden voor dezelfde vergadering (ter informatie), zonder de
  PDF van het verslag: die maakt LibreOffice, en dat meet deze bank niet.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from vergadering.actie import Actie  # noqa: E402
from vergadering.signaal import Contact, Signaal  # noqa: E402
from vergadering.stemming import Stemming  # noqa: E402
from vergadering.terugkoppeling import Terugkoppeling  # noqa: E402
from vergadering.vergadering import LogRegel, nieuwe_vergadering  # noqa: E402
from vergadering.wijkverband import Lid, Participatieafspraken, Wijkverband  # noqa: E402

VANDAAG = date(2026, 11, 23)
NU = datetime(2026, 11, 23, 21, 0).astimezone()


def gegevens(aantal_acties: int, vandaag: date = VANDAAG):
    """Een wijkverband met één vergadering en ``aantal_acties`` (open) acties."""
    from vergadering.export.inhoud import Inhoud

    leden = [Lid(f"l{i}", f"Lid Nummer{i}", "bewoner") for i in range(1, 9)]
    wv = Wijkverband("wv", "Wijkverband Bench", leden=leden, partners=["Welzijn Oost"],
                     afspraken=Participatieafspraken(wijkvraag="Veiliger oversteken"))
    v = nieuwe_vergadering(wv, vandaag.isoformat(), vandaag, plaats="Buurthuis",
                           voorzitter="l1", notulist="l2")
    signalen = [
        Signaal(f"2611-s{i:03d}", wv.id, f"Signaal {i}: de stoep bij nummer {i} is kapot",
                vandaag - timedelta(days=i), vorm="A",
                contact=Contact(f"Bewoner Achternaam{i}", f"bewoner{i}@voorbeeld.nl")
                if i % 3 == 0 else None)
        for i in range(12)
    ]
    v.stippen = {s.id: 5 - i for i, s in enumerate(signalen[:5])}
    v.top5 = [s.id for s in signalen[:5]]
    acties = []
    for n in range(1, aantal_acties + 1):
        besloten = vandaag - timedelta(days=(n * 7) % 120)
        a = Actie(f"2026-{n}", wv.id, n, f"Actie {n}: zorg dat signaal {n % 12} opgelost wordt",
                  eigenaar=f"Lid Nummer{n % 8 + 1}", besloten_op=besloten,
                  eerste_stap="Bellen met de gemeente", partners=["Welzijn Oost"],
                  vergadering_id=v.id if n > aantal_acties - 2 else None)
        if n % 4 == 0:
            a.zet_status("loopt", "Offerte aangevraagd", NU - timedelta(days=3), v.id)
            v.statusupdates.append(a.id)
        acties.append(a)
    v.acties = [a.id for a in acties[-2:]]
    for i, a in enumerate(acties[-2:]):
        v.stemmingen.append(Stemming(f"st{i}", a.omschrijving, NU, aanwezig=8, quorum=5,
                                     voor=6, tegen=1, onthouding=1, actie_id=a.id))
    v.stemmingen.append(Stemming("st9", "Nog een voorstel", NU, aanwezig=8, quorum=5,
                                 voor=2, tegen=5, onthouding=1))
    signalen[6].parkeer("Te groot voor deze ronde", v.id)
    v.logboek = [LogRegel(NU - timedelta(minutes=60 - i), "acties", f"Logregel {i}")
                 for i in range(20)]
    v.terugkoppeling = Terugkoppeling(gehoord="- Stoepen", gedaan="- Bellen",
                                      volgende_update=vandaag + timedelta(days=21),
                                      kanaal="nieuwsbrief", eigenaar="Lid Nummer3")
    for f in v.fasen:
        f.gebruikt_s = f.gepland_s + 20
    v.gesloten_op = NU
    return Inhoud(wv, v, signalen, acties, [v], vandaag, NU)


def kale_tabel(koppen: tuple[str, ...], rijen: list[list[str]], pad: Path) -> None:
    """Het anker: een kaal document met dezelfde tabel, gevuld zoals het project hem vult
    (een rij toevoegen en in elke cel één alinea met één run als XML zetten; een regeleinde
    als w:br), maar zonder opmaak, taal, privacy, datums of atomisch bewaren. Via
    ``cell.text`` zou het anker trager zijn dan nodig, en de verhouding mooier dan hij is."""
    from docx import Document
    from docx.oxml import OxmlElement

    def vul(tc, tekst: str) -> None:
        p = OxmlElement("w:p")
        r = OxmlElement("w:r")
        for i, regel in enumerate(tekst.split("\n")):
            if i:
                r.append(OxmlElement("w:br"))
            t = OxmlElement("w:t")
            t.text = regel
            r.append(t)
        p.append(r)
        for oud in tc.p_lst:
            tc.remove(oud)
        tc.append(p)

    doc = Document()
    tabel = doc.add_table(rows=1, cols=len(koppen))
    for tc, kop in zip(tabel.rows[0]._tr.tc_lst, koppen, strict=True):
        vul(tc, kop)
    for rij in rijen:
        for tc, waarde in zip(tabel.add_row()._tr.tc_lst, rij, strict=True):
            vul(tc, waarde)
    doc.save(str(pad))


def meet(functie: Callable[[], object]) -> float:
    begin = time.perf_counter()
    functie()
    return time.perf_counter() - begin


def koud_verslag(map_: Path) -> float:
    """Een vers proces: python-docx laden, gegevens maken (buiten de meting), verslag schrijven."""
    code = (
        "import sys, time\n"
        f"sys.path.insert(0, {str(Path(__file__).resolve().parent)!r})\n"
        "from export import gegevens\n"
        "inhoud = gegevens(30)\n"
        "begin = time.perf_counter()\n"
        "from vergadering.export import verslag\n"
        f"verslag.schrijf(inhoud, __import__('pathlib').Path({str(map_ / 'koud.docx')!r}))\n"
        "print(time.perf_counter() - begin)\n"
    )
    uit = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    return float(uit.stdout.strip())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--herhalingen", type=int, default=5)
    args = parser.parse_args(argv)
    os.environ["VERGADERING_PDF"] = "nee"  # zie de uitleg bovenaan: geen LibreOffice

    from vergadering.export import actielijst, verslag
    from vergadering.export.inhoud import ACTIEKOPPEN
    from vergadering.export.mapje import schrijf_mapje

    groot = gegevens(1000)
    rijen = [groot.actierij(a)[0] for a in groot.actielijst()]
    assert len(rijen) == 1000, len(rijen)
    klein = gegevens(30)

    tijden: dict[str, list[float]] = {k: [] for k in
                                      ("actielijst", "kaal", "verslag", "mapje", "koud")}
    with tempfile.TemporaryDirectory() as tmp:
        map_ = Path(tmp)
        # Opwarmen: imports en caches (Babel, python-docx-sjabloon) buiten de meting.
        actielijst.schrijf(gegevens(10), map_ / "warm.docx")
        kale_tabel(ACTIEKOPPEN, rijen[:10], map_ / "warm-kaal.docx")
        for i in range(args.herhalingen):
            # Om en om, de volgorde wisselt per ronde.
            paren = [
                ("actielijst", lambda: actielijst.schrijf(
                    gegevens_opnieuw(groot), map_ / "actielijst.docx")),
                ("kaal", lambda: kale_tabel(ACTIEKOPPEN, rijen, map_ / "kaal.docx")),
            ]
            for naam, functie in (paren if i % 2 == 0 else paren[::-1]):
                tijden[naam].append(meet(functie))
            tijden["verslag"].append(meet(lambda: verslag.schrijf(klein, map_ / "verslag.docx")))
            doel = map_ / f"mapje{i}"
            tijden["mapje"].append(meet(lambda d=doel: schrijf_mapje(klein, d)))
        for _ in range(min(3, args.herhalingen)):
            tijden["koud"].append(koud_verslag(map_))

    med = {k: statistics.median(v) for k, v in tijden.items()}
    verhouding = med["actielijst"] / med["kaal"]
    print(f"Export ({args.herhalingen} herhalingen, mediaan; min–max)")
    print(f"{'meting':<44} {'mediaan':>9} {'min':>8} {'max':>8}  doel")
    regels = [
        ("actielijst.docx, 1.000 acties", "actielijst", ""),
        ("kale python-docx, zelfde tabel (anker)", "kaal", ""),
        ("verslag.docx, één vergadering (warm)", "verslag", "< 0,5 s"),
        ("verslag.docx, vers proces incl. import", "koud", ""),
        ("hele mapje, 6 bestanden zonder PDF (warm)", "mapje", ""),
    ]
    for titel, sleutel, doel in regels:
        v = tijden[sleutel]
        print(f"{titel:<44} {med[sleutel]:>8.3f}s {min(v):>7.3f}s {max(v):>7.3f}s  {doel}")
    oordeel = "gehaald" if verhouding <= 1.5 else "NIET gehaald"
    print(f"{'verhouding actielijst / kaal':<44} {verhouding:>8.2f}×{'':>19}  ≤ 1,5× ({oordeel})")
    verslag_oordeel = "gehaald" if med["verslag"] < 0.5 else "NIET gehaald"
    print(f"verslag onder 0,5 s: {verslag_oordeel}")
    return 0


def gegevens_opnieuw(inhoud):
    """Dezelfde gegevens, maar de maskeerder en opzoektabellen opnieuw opgebouwd (zoals bij
    een echte export, die alles vers uit de opslag leest)."""
    from vergadering.export.inhoud import Inhoud

    return Inhoud(inhoud.wijkverband, inhoud.vergadering, inhoud.signalen, inhoud.acties,
                  inhoud.vergaderingen, inhoud.vandaag, inhoud.moment)


if __name__ == "__main__":
    sys.exit(main())
