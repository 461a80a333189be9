"""Het tienjarige gegevensbestand van issue 2, snel aangemaakt.

5 wijkverbanden × 10 vergaderingen per jaar × 10 jaar, per vergadering ongeveer 40 signalen
en 2 acties. Het resultaat is een gewone opslagmap in precies het formaat van de façade
(``vergadering.opslag.Opslag``), zodat benchmarks en tests er de app of de opdrachtregel op
kunnen loslaten.

Snel omdat elk vakbestand één keer in zijn geheel geschreven wordt (documenten gemaakt met
``omzetten.naar_document``, geschreven met ``bestand.schrijf_atomisch`` in het bestandsformaat
van TinyDB), in plaats van één façade-aanroep per document.

Gebruik vanuit code (de handtekening blijft gelijk, andere benchmarks gebruiken haar)::

    from bench.tienjaar import maak
    maak(Path("/tmp/tienjaar"), jaren=10, wijkverbanden=5, seed=1)

of vanaf de opdrachtregel: ``.venv/bin/python bench/tienjaar.py MAP [--jaren 10]``.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import defaultdict
from datetime import date, datetime, timedelta
from datetime import time as dagtijd
from pathlib import Path
from typing import Any

from vergadering.actie import Actie, StatusWijziging
from vergadering.ids import slug
from vergadering.opslag.bestand import schrijf_atomisch, vakbytes
from vergadering.opslag.migratie import SCHEMA
from vergadering.opslag.omzetten import naar_document
from vergadering.signaal import Contact, Signaal
from vergadering.stemming import Stemming
from vergadering.terugkoppeling import Terugkoppeling
from vergadering.vergadering import FASEN, Fase, LogRegel, Score, Vergadering
from vergadering.wijkverband import Agenda, Lid, Participatieafspraken, Wijkverband

VERGADERINGEN_PER_JAAR = 10
SIGNALEN_PER_VERGADERING = 40
ACTIES_PER_VERGADERING = 2
GEEN_VERGADERING = (7, 8)  # zomerreces: juli en augustus
ALFABET = "abcdefghjkmnpqrstuvwxyz23456789"

WIJKEN = [
    ("De Hoven-Noord", ["Hovenplein", "Kastanjelaan", "Bremstraat", "Het Veldje"]),
    ("Molenwijk", ["Molenstraat", "Korenbloemhof", "Zeilmakerspad", "Windas"]),
    ("Vogelbuurt", ["Merelstraat", "Spreeuwenhof", "Kievitlaan", "Reigerpark"]),
    ("Schepenbuurt", ["Schepenhof", "Burgemeesterslaan", "Raadhuisplein", "Gildestraat"]),
    ("Het Lage Veld", ["Polderweg", "Slootkant", "Dijkje", "Boerderijpad"]),
    ("Oosterkwartier", ["Zonnewijzer", "Oostsingel", "Havenkade", "Lichtstraat"]),
    ("Bloemenhoek", ["Tulpstraat", "Irishof", "Rozenpad", "Dahliaplein"]),
]
VOORNAMEN = ["Anja", "Bram", "Fatima", "Kees", "Mehmet", "Ingrid", "Yusuf", "Sanne", "Rik",
             "Noor", "Joost", "Esra", "Wim", "Lotte", "Hamid", "Marieke", "Dewi", "Gerrit"]
ACHTERNAMEN = ["de Vries", "Jansen", "El Amrani", "Bakker", "Yilmaz", "Visser", "Smit",
               "Mulder", "de Boer", "Bouzid", "Meijer", "van Dijk", "Kaya", "Hendriks"]
PARTNERS = ["Gemeente, team Wijkzaken", "Stichting Welzijn Samen", "Woonstichting Thuis",
            "Politie, wijkagent", "Buurtsportcoach", "Bibliotheek", "Jongerenwerk"]
THEMAS = ["verkeer", "groen", "afval", "veiligheid", "spelen", "eenzaamheid", "wonen",
          "parkeren", "overlast", "toegankelijkheid"]
KLACHTEN = {
    "verkeer": ["Auto's rijden veel te hard door de {straat}, vooral 's avonds.",
                "De oversteek bij de {straat} is gevaarlijk voor schoolkinderen.",
                "Fietsers rijden op de stoep in de {straat}."],
    "groen": ["Het grasveld aan de {straat} wordt te weinig gemaaid.",
              "Bewoners willen een geveltuin in de {straat}, maar weten niet hoe.",
              "De bomen aan de {straat} hangen over de weg en nemen licht weg."],
    "afval": ["Rond de containers in de {straat} ligt steeds zwerfvuil.",
              "Grofvuil blijft dagen liggen op de hoek van de {straat}.",
              "De ondergrondse container in de {straat} zit vaak vol."],
    "veiligheid": ["Het is 's avonds donker in het pad achter de {straat}.",
                   "Er wordt ingebroken in schuurtjes aan de {straat}.",
                   "Jongeren voelen zich niet veilig bij het tunneltje aan de {straat}."],
    "spelen": ["Het speeltuintje aan de {straat} is kapot en onveilig.",
               "Er is geen plek voor grotere kinderen om te voetballen bij de {straat}.",
               "Ouders vragen om een bankje bij de speelplek in de {straat}."],
    "eenzaamheid": ["Oudere bewoners in de {straat} zien weinig mensen.",
                    "Nieuwe bewoners in de {straat} kennen niemand in de buurt.",
                    "Er is behoefte aan een koffieochtend in de {straat}."],
    "wonen": ["Schimmel in de flats aan de {straat} wordt niet opgelost.",
              "De portiekverlichting in de {straat} is al weken stuk.",
              "Huurders aan de {straat} horen niets over de renovatie."],
    "parkeren": ["Busjes parkeren op de stoep in de {straat}.",
                 "Te weinig laadpalen in de {straat}.",
                 "Bezoekers parkeren de hele dag voor de deur in de {straat}."],
    "overlast": ["Geluidsoverlast van scooters in de {straat} na middernacht.",
                 "Hondenpoep op het grasveld bij de {straat}.",
                 "Hangjongeren bij het winkelcentrum aan de {straat}."],
    "toegankelijkheid": ["De stoep in de {straat} is te smal voor een rollator.",
                         "De bushalte bij de {straat} heeft geen bankje.",
                         "Scootmobielen kunnen niet over de drempel bij de {straat}."],
}
ACTIEVORMEN = [
    ("Schouw met bewoners en gemeente langs de {straat}", "Datum prikken met bewoners"),
    ("Buurtbijeenkomst over {thema} in de {straat}", "Uitnodiging rondbrengen"),
    ("Melding bij de gemeente over {thema} in de {straat} en opvolgen",
     "Melding doen en nummer delen"),
    ("Proef van drie maanden voor {thema} in de {straat}", "Afspraak met de partner maken"),
    ("Opruimactie met bewoners in de {straat}", "Materiaal regelen bij de gemeente"),
]
REDENEN_PARKEREN = ["Eerst meer bewoners horen.", "Ligt bij de gemeente, wij volgen het.",
                    "Past niet in deze ronde; komt in het najaar terug.",
                    "Geen eigenaar gevonden.", "Loopt al via de woningcorporatie."]
KANALEN = ["inloop", "nieuwsbrief", "website", "buurtapp"]
EINDSTATUSSEN = [("gereed", 70), ("gestopt", 12), ("vastgelopen", 6), ("loopt", 12)]


def _naam(rnd: random.Random) -> str:
    return f"{rnd.choice(VOORNAMEN)} {rnd.choice(ACHTERNAMEN)}"


def _wijkverband(nummer: int, rnd: random.Random) -> tuple[Wijkverband, list[str]]:
    if nummer < len(WIJKEN):
        naam, straten = WIJKEN[nummer]
    else:
        naam, straten = f"Wijk {nummer + 1}", [f"Straat {nummer + 1}-{i}" for i in range(4)]
    rollen = ["voorzitter", "notulist", "bewoner", "bewoner", "bewoner", "bewoner",
              "ervaringsdeskundige", "gemeente", "welzijn", "woningcorporatie", "wijkagent"]
    organisaties = {"gemeente": "Gemeente", "welzijn": "Stichting Welzijn Samen",
                    "woningcorporatie": "Woonstichting Thuis", "wijkagent": "Politie"}
    leden = [
        Lid(id=f"lid-{i + 1:02d}", naam=_naam(rnd), rol=rol,
            organisatie=organisaties.get(rol, ""), stemrecht=rol not in organisaties)
        for i, rol in enumerate(rollen)
    ]
    wv = Wijkverband(
        id=slug(naam),
        naam=f"Wijkraad {naam}" if nummer >= len(WIJKEN) else naam,
        leden=leden,
        partners=rnd.sample(PARTNERS, 4),
        themas=rnd.sample(THEMAS, 6),
        buurten=list(straten),
        # Vaste inwonertallen (geen trekking: de rest van de gegevens blijft gelijk); de
        # laatste buurt zonder, zodat ook 'onbekend' voorkomt.
        inwoners={s: 800 + 350 * i for i, s in enumerate(straten[:-1])},
        kanalen=list(KANALEN),
        agenda=Agenda(signalen=5, acties=10, terugkoppelen=5),
        afspraken=Participatieafspraken(
            wijkvraag=f"Hoe maken we {naam} samen veiliger en prettiger?",
            doelgroep="Alle bewoners, met extra aandacht voor ouderen en jongeren.",
            gewenste_verandering="Bewoners merken binnen een half jaar verschil op straat.",
            basisvorm="A buurtgesprekken, aangevuld met B micro-uitvraag",
            waar_en_wanneer="Elke tweede dinsdag van de maand in het buurthuis",
            organisator="Stichting Welzijn Samen",
            mandaat="Het wijkverband adviseert; de gemeente beslist over budget.",
            terugkoppeling_kanaal="nieuwsbrief en inloop",
            terugkoppeling_eigenaar=leden[1].naam,
        ),
        versie=1,
    )
    return wv, list(straten)


def _vergaderdata(tot: date, aantal: int, dag: int) -> list[date]:
    """De laatste ``aantal`` vergaderdata tot en met ``tot``, oudste eerst."""
    data: list[date] = []
    jaar, maand = tot.year, tot.month
    while len(data) < aantal:
        if maand not in GEEN_VERGADERING:
            d = date(jaar, maand, dag)
            if d <= tot:
                data.append(d)
        maand -= 1
        if maand == 0:
            jaar, maand = jaar - 1, 12
    return data[::-1]


def _signaal_id(datum: date, rnd: random.Random, bezet: set[str]) -> str:
    while True:
        kandidaat = f"{datum:%y%m}-" + "".join(rnd.choice(ALFABET) for _ in range(4))
        if kandidaat not in bezet:
            bezet.add(kandidaat)
            return kandidaat


def _moment(d: date, uur: int, minuut: int) -> datetime:
    return datetime.combine(d, dagtijd(uur, minuut))


class _Bouwer:
    """Maakt de documenten van één wijkverband en verdeelt ze over de vakbestanden."""

    def __init__(self, wv: Wijkverband, straten: list[str], rnd: random.Random) -> None:
        self.wv = wv
        self.straten = straten
        self.rnd = rnd
        self.signalen: dict[str, list[dict[str, Any]]] = defaultdict(list)  # '2026-11' -> docs
        self.acties: dict[int, list[Actie]] = defaultdict(list)  # jaar -> acties
        self.vergaderingen: dict[str, dict[str, Any]] = {}
        self.bezet: set[str] = set()
        self.open_acties: list[Actie] = []
        self.nummer = 0

    def _signalen(self, van: date, tot: date, vergadering_id: str, open_: bool) -> list[Signaal]:
        rnd = self.rnd
        dagen = max((tot - van).days, 1)
        uit = []
        for _ in range(SIGNALEN_PER_VERGADERING + rnd.randint(-6, 6)):
            datum = van + timedelta(days=rnd.randrange(dagen))
            thema = rnd.choice(self.wv.themas)
            straat = rnd.choice(self.straten)
            contact = None
            if rnd.random() < 0.2:
                contact = Contact(naam=_naam(rnd), gegevens=f"06-{rnd.randrange(10**8):08d}")
            uit.append(Signaal(
                id=_signaal_id(datum, rnd, self.bezet),
                wijkverband_id=self.wv.id,
                tekst=rnd.choice(KLACHTEN[thema]).format(straat=straat),
                datum=datum,
                vorm=rnd.choice("AAABBCDO").replace("O", "overig"),
                thema=thema,
                buurt=straat,
                aantal=rnd.choice([1, 1, 1, 2, 3, 5, 8, 12]),
                contact=contact,
                versie=1,
            ))
        uit.sort(key=lambda s: (s.datum, s.id))
        if open_:
            return uit
        # Wat er in een afgeronde ronde met de signalen gebeurde.
        for s in uit:
            s.status = rnd.choice(["afgehandeld", "afgehandeld", "geparkeerd", "afgehandeld"])
            s.vergadering_id = vergadering_id
            if s.status == "geparkeerd":
                s.reden = rnd.choice(REDENEN_PARKEREN)
        for dubbel in uit[-4:]:
            dubbel.status, dubbel.gebundeld_in, dubbel.reden = "gebundeld", uit[0].id, ""
        return uit

    def _actie(self, vergadering: Vergadering, signaal: Signaal, tot: date) -> Actie:
        rnd = self.rnd
        self.nummer += 1
        vorm, stap = rnd.choice(ACTIEVORMEN)
        besluit = vergadering.datum
        actie = Actie(
            id=f"{besluit.year}-{self.nummer}",
            wijkverband_id=self.wv.id,
            nummer=self.nummer,
            omschrijving=vorm.format(straat=signaal.buurt, thema=signaal.thema),
            eigenaar=rnd.choice(self.wv.eigenaren()),
            besloten_op=besluit,
            eerste_stap=stap,
            verandering=f"Bewoners van de {signaal.buurt} merken minder last van {signaal.thema}.",
            terugkoppelzin=f"We pakken {signaal.thema} in de {signaal.buurt} aan; "
                           "in de nieuwsbrief leest u hoe het gaat.",
            partners=rnd.sample(self.wv.partners, 2),
            signalen=[signaal.id],
            vergadering_id=vergadering.id,
            historie=[StatusWijziging(_moment(besluit, 21, 10), "gepland", "Aangenomen.",
                                      vergadering.id)],
            versie=1,
        )
        oud = (tot - besluit).days
        if oud > 180:
            waarden, gewichten = zip(*EINDSTATUSSEN, strict=True)
            eind = rnd.choices(waarden, gewichten)[0]
            actie.historie.append(StatusWijziging(
                _moment(besluit + timedelta(days=35), 21, 5), "loopt", "Eerste stap gezet."))
            if eind != "loopt":
                actie.historie.append(StatusWijziging(
                    _moment(besluit + timedelta(days=rnd.randint(60, 150)), 21, 5), eind,
                    {"gereed": "Klaar, bewoners zijn tevreden.",
                     "gestopt": "Geen budget gevonden bij de gemeente.",
                     "vastgelopen": "Wacht op toestemming van de eigenaar van de grond."}[eind]))
            actie.status = eind
        elif oud > 40:
            # Een deel blijft hangen: de eerste stap is nog niet gezet (te laat), of het loopt vast.
            eind = rnd.choices(["loopt", "gepland", "vastgelopen"], [7, 2, 1])[0]
            if eind != "gepland":
                actie.historie.append(StatusWijziging(
                    _moment(besluit + timedelta(days=35), 21, 5), eind,
                    "Eerste stap gezet." if eind == "loopt" else "Wacht op de gemeente."))
            actie.status = eind
        return actie

    def vergadering(self, datum: date, vorige: date, volgende: date | None, tot: date) -> None:
        rnd, wv = self.rnd, self.wv
        vid = datum.isoformat()
        open_ = volgende is None
        signalen = self._signalen(vorige + timedelta(days=1), datum + timedelta(days=1), vid,
                                  open_)
        aanwezigheid = {lid.id: rnd.choices(["aanwezig", "afgemeld", "afwezig"], [8, 2, 1])[0]
                        for lid in wv.leden}
        fasen = [Fase(sleutel, titel, getattr(wv.agenda, sleutel) * 60)
                 for sleutel, titel in FASEN]
        v = Vergadering(
            id=vid, wijkverband_id=wv.id, datum=datum, plaats=f"Buurthuis {self.straten[0]}",
            aanwezigheid=aanwezigheid, voorzitter=wv.leden[0].naam, notulist=wv.leden[1].naam,
            fasen=fasen, versie=1,
        )
        if not open_:
            self._rond_af(v, signalen, volgende, tot)
        for s in signalen:
            self.signalen[f"20{s.id[:2]}-{s.id[2:4]}"].append(naar_document(s))
        self.vergaderingen[vid] = naar_document(v)

    def _rond_af(self, v: Vergadering, signalen: list[Signaal], volgende: date,
                 tot: date) -> None:
        """Een gesloten vergadering met stippen, top 5, stemmingen, acties en terugkoppeling."""
        rnd, wv = self.rnd, self.wv
        begin = _moment(v.datum, 19, 30)
        v.gestart = True
        v.fase_index = len(v.fasen) - 1
        for f in v.fasen:
            f.gebruikt_s = float(f.gepland_s + rnd.randint(-60, 150))
        kandidaten = [s for s in signalen if s.status != "gebundeld"]
        top = rnd.sample(kandidaten, 5)
        aanwezig = len([i for i in v.aanwezigen() if wv.lid(i) and wv.lid(i).stemrecht])
        for plek, s in enumerate(top):
            v.stippen[s.id] = 9 - plek
            v.scores[s.id] = Score(rnd.randint(2, 5), rnd.randint(2, 5))
        for s in rnd.sample(kandidaten, 6):
            v.stippen.setdefault(s.id, rnd.randint(1, 2))
        v.top5 = [s.id for s in top]
        v.log(begin, "Vergadering geopend.")
        v.log(begin + timedelta(minutes=6), f"Top 5 vastgelegd na {sum(v.stippen.values())} "
                                            "stippen.")
        for plek, s in enumerate(top):
            if plek < ACTIES_PER_VERGADERING:
                s.status, s.reden = "gekozen", ""
                actie = self._actie(v, s, tot)
                voor = rnd.randint(aanwezig // 2 + 1, max(aanwezig, aanwezig // 2 + 1))
                v.stemmingen.append(Stemming(
                    id=f"st-{plek + 1}", onderwerp=actie.omschrijving,
                    moment=begin + timedelta(minutes=10 + plek * 4),
                    aanwezig=max(aanwezig, voor), quorum=wv.benodigd_quorum(),
                    voor=voor, tegen=0, onthouding=max(aanwezig, voor) - voor,
                    actie_id=actie.id, signaal_id=s.id))
                v.acties.append(actie.id)
                v.log(begin + timedelta(minutes=11 + plek * 4),
                      f"Actie {actie.nummer} aangenomen: {actie.omschrijving}.")
                self.acties[actie.besloten_op.year].append(actie)  # later als document
                self.open_acties.append(actie)
            else:
                s.status, s.reden = "geparkeerd", rnd.choice(REDENEN_PARKEREN)
        v.statusupdates = [a.id for a in self.open_acties if a.vergadering_id != v.id][-4:]
        self.open_acties = [a for a in self.open_acties if a.status in ("gepland", "loopt")][-6:]
        eigenaar = wv.leden[1].naam
        v.terugkoppeling = Terugkoppeling(
            gehoord="\n".join(f"- {s.tekst}" for s in top),
            gedaan="\n".join(f"- {a}" for a in v.acties),
            lukt_niet="- " + rnd.choice(REDENEN_PARKEREN),
            volgende_update=volgende,
            kanaal=rnd.choice(wv.kanalen),
            eigenaar=eigenaar,
            contact="Kom langs op de inloop of mail het wijkverband.",
        )
        v.volgende_vergadering = volgende
        v.log(begin + timedelta(minutes=24), "Terugkoppeling vastgesteld.")
        v.gesloten_op = begin + timedelta(minutes=25)
        v.logboek.append(LogRegel(v.gesloten_op, "terugkoppelen", "Vergadering gesloten."))

    def documenten(self) -> dict[Path, tuple[str, list[dict[str, Any]]]]:
        """Relatief pad -> (tabelnaam, documenten) voor elk vakbestand."""
        uit: dict[Path, tuple[str, list[dict[str, Any]]]] = {}
        basis = Path(self.wv.id)
        for maand, docs in self.signalen.items():
            uit[basis / "signalen" / f"{maand}.json"] = ("signalen", docs)
        for jaar, acties in self.acties.items():
            uit[basis / "acties" / f"{jaar}.json"] = (
                "acties", [naar_document(a) for a in acties])
        for vid, doc in self.vergaderingen.items():
            uit[basis / "vergaderingen" / f"{vid}.json"] = ("vergadering", [doc])
        return uit


def _tinydb(tabel: str, docs: list[dict[str, Any]]) -> bytes:
    """Het bestandsformaat van TinyDB: {"tabel": {"1": doc, "2": doc, ...}}."""
    return vakbytes({tabel: {str(i): doc for i, doc in enumerate(docs, start=1)}})


def maak(map_: Path, jaren: int = 10, wijkverbanden: int = 5, seed: int = 1) -> None:
    """Schrijf een opslag met ``jaren`` jaar geschiedenis van ``wijkverbanden`` wijkverbanden.

    Elk wijkverband vergadert tien keer per jaar (niet in juli en augustus); de laatste
    vergadering ligt op of vóór vandaag en is nog open, alle eerdere zijn gesloten met een
    terugkoppeling. ``map_`` mag nog niet bestaan of moet leeg zijn.
    """
    map_ = Path(map_)
    if map_.exists() and any(map_.iterdir()):
        raise FileExistsError(f"{map_} is niet leeg; kies een nieuwe map voor het testbestand.")
    rnd = random.Random(seed)
    tot = date.today()
    bestanden: dict[Path, bytes] = {}
    wvs = []
    for n in range(wijkverbanden):
        wv, straten = _wijkverband(n, rnd)
        wvs.append(wv)
        bouwer = _Bouwer(wv, straten, rnd)
        data = _vergaderdata(tot, jaren * VERGADERINGEN_PER_JAAR, 8 + 3 * n % 20)
        vorige = data[0] - timedelta(days=35)
        for i, d in enumerate(data):
            volgende = data[i + 1] if i + 1 < len(data) else None
            bouwer.vergadering(d, vorige, volgende, tot)
            vorige = d
        for relatief, (tabel, docs) in bouwer.documenten().items():
            bestanden[relatief] = _tinydb(tabel, docs)
    bestanden[Path("wijkverbanden.json")] = _tinydb(
        "wijkverbanden", [naar_document(w) for w in wvs])
    bestanden[Path("opslag.json")] = vakbytes(
        {"schema": SCHEMA, "programma": "vergadering",
         "gemaakt": datetime.now().isoformat(timespec="seconds")})
    # opslag.json als laatste: pas dan is het een opslag.
    for relatief in sorted(bestanden, key=lambda p: p.name == "opslag.json"):
        schrijf_atomisch(map_ / relatief, bestanden[relatief])


def tellingen(map_: Path) -> dict[str, int]:
    """Hoeveel wijkverbanden, vergaderingen, signalen en acties de façade leest."""
    from vergadering.opslag import Opslag

    opslag = Opslag(map_)
    return {
        "wijkverbanden": len(opslag.wijkverbanden()),
        "vergaderingen": len(opslag.vergaderingen()),
        "signalen": len(opslag.signalen()),
        "acties": len(opslag.acties()),
    }


def main(argv: list[str] | None = None) -> int:
    """Maak het gegevensbestand en toon wat de façade ervan terugleest."""
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("map", type=Path)
    p.add_argument("--jaren", type=int, default=10)
    p.add_argument("--wijkverbanden", type=int, default=5)
    p.add_argument("--seed", type=int, default=1)
    args = p.parse_args(argv)
    begin = time.perf_counter()
    maak(args.map, args.jaren, args.wijkverbanden, args.seed)
    klaar = time.perf_counter() - begin
    telling = tellingen(args.map)
    print(f"{args.map}: {telling} in {klaar:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
