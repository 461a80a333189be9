"""De rijen van de lijsten rechtstreeks uit de opgeslagen documenten van een vak, zonder
domeinobjecten (issue 8).

Een vak dat veranderd is, of elk vak als er nog geen lijstindex is, werd gelezen als
``Signaal``, ``Actie`` of ``Vergadering`` en pas daarna een rij; voor één gewijzigd vak kostte
het laden van die klassen (met ``dataclasses``) en het maken van hun omzetters meer dan de
rest van de lijst. Hier wordt een rij gemaakt uit het document zelf, met dezelfde controles
als het inlezen van een object (``opslag/omzetten.py``: precies het type van elk veld, plus
de ``_regels`` van de klasse) voor alles wat de rij gebruikt en voor elk veld op het bovenste
niveau.

Dit is alleen een snelle weg, nooit een tweede oordeel: past een document niet precies in
het gewone geval (een veld van een verkeerd type, een waarde die de klasse zou bijwerken,
zoals een praktijkvorm 'a' of een actie zonder checkmoment), dan geeft de functie
``AndersLezen`` en leest de lijst dat vak via de domeinobjecten, met dezelfde rij of dezelfde
melding met advies als altijd. ``tests/test_rauwe_rijen.py`` bewaakt dat: elke rij van hier is
gelijk aan die uit de objecten, en een document dat de objecten weigeren, wordt hier niet
aangenomen. Uitzondering (daar bewust niet in gekeken): de binnenkant van delen van een
vergadering die de lijst niet toont (fasen, scores, stemmingen, logboek, grenskeuze,
correcties); alleen hun soort (lijst, woordenboek) wordt gecontroleerd. Een vak met zo'n
beschadiging wordt bij schrijven, samenvoegen en de reservekopie wel geweigerd (zie
``opslag/controle.py``), en de app meldt het bij het openen van die vergadering.

Contactgegevens van bewoners komen nooit in een rij: alleen óf er contact is.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from .opslag.lijstindex import AndersLezen
from .praktijkvormen import PRAKTIJKVORMEN
from .statussen import ACTIESTATUSSEN, SIGNAALSTATUSSEN

AANWEZIGHEID = ("aanwezig", "afgemeld", "afwezig")  # zoals vergadering.AANWEZIGHEID (getoetst)

# De velden van elk document op het bovenste niveau, zoals de dataclass ze noemt (getoetst):
# een veld dat erbij komt, moet hier ook gecontroleerd worden.
SIGNAALVELDEN = ("id", "wijkverband_id", "tekst", "datum", "vorm", "thema", "buurt", "aantal",
                 "contact", "status", "reden", "gebundeld_in", "vergadering_id", "versie",
                 "extra", "historie")
ACTIEVELDEN = ("id", "wijkverband_id", "nummer", "omschrijving", "eigenaar", "besloten_op",
               "eerste_stap", "eerste_stap_datum", "checkmoment", "verandering",
               "terugkoppelzin", "partners", "signalen", "vergadering_id", "status",
               "historie", "versie")
VERGADERINGVELDEN = ("id", "wijkverband_id", "datum", "plaats", "aanwezigheid", "gasten",
                     "voorzitter", "notulist", "fasen", "fase_index", "gestart",
                     "gesloten_op", "stippen", "top5", "scores", "stemmingen", "acties",
                     "reden_extra_acties", "statusupdates", "logboek", "terugkoppeling",
                     "correcties_vorig", "vorig_vastgesteld", "vastgesteld_op",
                     "vastgesteld_in", "vastgestelde_correcties", "privacykeuzes",
                     "volgende_vergadering", "volgende_tijd", "grenskeuze", "correcties",
                     "versie")
TERUGKOPPELINGVELDEN = ("gehoord", "gedaan", "lukt_niet", "volgende_update", "kanaal",
                        "eigenaar", "contact", "eindtekst")
STATUSWIJZIGINGVELDEN = ("moment", "status", "toelichting", "vergadering_id", "door")



class _Dagen(dict):
    """ISO-tekst -> dezelfde datum zoals ``date.isoformat`` hem schrijft ('20261101' wordt
    '2026-11-01', net als via een ``date``); elke tekst één keer."""

    def __missing__(self, iso: str) -> str:
        try:
            dag = date.fromisoformat(iso).isoformat()
        except (TypeError, ValueError):
            raise AndersLezen from None
        if len(self) < 100_000:
            self[iso] = dag
        return dag


_dagen = _Dagen()


def _dag(waarde: Any) -> str:
    """Een datum (ISO-tekst) als ISO-tekst zoals de rij hem toont."""
    if type(waarde) is not str:
        raise AndersLezen
    return _dagen[waarde]


def _dag_of_niets(waarde: Any) -> str | None:
    return None if waarde is None else _dag(waarde)


def _tijdstip(waarde: Any) -> None:
    """Een tijdstip (ISO-tekst) dat ``datetime.fromisoformat`` leest."""
    if type(waarde) is not str:
        raise AndersLezen
    try:
        datetime.fromisoformat(waarde)
    except ValueError:
        raise AndersLezen from None


def _teksten(*waarden: Any) -> None:
    for w in waarden:
        if type(w) is not str:
            raise AndersLezen


def _tekst_of_niets(*waarden: Any) -> None:
    for w in waarden:
        if w is not None and type(w) is not str:
            raise AndersLezen


def _tekstlijst(waarde: Any) -> list[str]:
    if type(waarde) is not list or not all(type(v) is str for v in waarde):
        raise AndersLezen
    return waarde


def _getal(waarde: Any) -> int:
    if type(waarde) is not int:
        raise AndersLezen
    return waarde


def _soort(waarde: Any, soort: type) -> Any:
    if type(waarde) is not soort:
        raise AndersLezen
    return waarde


def _object(waarde: Any) -> dict[str, Any]:
    """Een genest object (een dataclass in een veld): een woordenboek."""
    return _soort(waarde, dict)


# --- signalen --------------------------------------------------------------------------


def signaalrijen(docs: list[Any]) -> list[list[Any]]:
    """De rijen van ``lijsten.SLEUTELS['signalen']`` (met het voorlopige aantal met bundel)
    uit de documenten van één vak; ``AndersLezen`` als een document niet het gewone geval is."""
    uit = []
    vormen, statussen = PRAKTIJKVORMEN, SIGNAALSTATUSSEN
    for doc in docs:
        if type(doc) is not dict:
            raise AndersLezen
        get = doc.get
        id_, wv, tekst, datum = get("id"), get("wijkverband_id"), get("tekst"), get("datum")
        vorm, thema, buurt = get("vorm", "overig"), get("thema", ""), get("buurt", "")
        aantal, contact, status = get("aantal", 1), get("contact"), get("status", "nieuw")
        reden, gebundeld_in = get("reden", ""), get("gebundeld_in")
        vergadering_id, versie = get("vergadering_id"), get("versie", 0)
        historie, extra = get("historie", []), get("extra", {})
        if (type(id_) is not str or type(wv) is not str or type(tekst) is not str
                or type(thema) is not str or type(buurt) is not str or type(reden) is not str
                or type(vorm) is not str or vorm not in vormen
                or type(status) is not str or status not in statussen
                or type(aantal) is not int or not 1 <= aantal <= 100_000
                or type(versie) is not int or type(extra) is not dict):
            raise AndersLezen
        if gebundeld_in is not None and type(gebundeld_in) is not str:
            raise AndersLezen
        if vergadering_id is not None and type(vergadering_id) is not str:
            raise AndersLezen
        if type(historie) is not list or historie and not all(type(v) is str for v in historie):
            raise AndersLezen
        if contact is None:
            heeft_contact = False
        else:
            if type(contact) is not dict:
                raise AndersLezen
            naam, gegevens = contact.get("naam", ""), contact.get("gegevens", "")
            if type(naam) is not str or type(gegevens) is not str:
                raise AndersLezen
            heeft_contact = bool(naam.strip() or gegevens.strip())  # Contact.leeg
        uit.append([id_, wv, _dag(datum), tekst, vorm, thema, buurt, aantal, aantal, status,
                    reden, gebundeld_in, vergadering_id, heeft_contact])
    return uit


# --- acties ----------------------------------------------------------------------------


def _laatste_toelichting(historie: Any) -> str:
    """``Actie.laatste_toelichting`` na de controle van elke statuswijziging (``_tijdstip``
    en ``_teksten`` hier uitgeschreven: een actie van jaren heeft tientallen wijzigingen)."""
    _soort(historie, list)
    toelichting = ""
    lees = datetime.fromisoformat
    for h in historie:
        if type(h) is not dict:
            raise AndersLezen
        get = h.get
        moment, status, toelichting, door, vergadering_id = (
            get("moment"), get("status"), get("toelichting", ""), get("door", ""),
            get("vergadering_id"))
        if (type(moment) is not str or type(status) is not str or type(toelichting) is not str
                or type(door) is not str
                or vergadering_id is not None and type(vergadering_id) is not str):
            raise AndersLezen
        try:
            lees(moment)
        except ValueError:
            raise AndersLezen from None
    return toelichting


def actierijen(docs: list[Any]) -> list[list[Any]]:
    """De rijen van ``lijsten.SLEUTELS['acties']`` (te laat nog leeg) uit de documenten van
    één vak; ``AndersLezen`` als een document niet het gewone geval is."""
    uit = []
    for doc in docs:
        get = _object(doc).get
        nummer = _getal(get("nummer"))
        if nummer < 1:
            raise AndersLezen
        id_, wv, omschrijving, eigenaar = (get("id"), get("wijkverband_id"),
                                           get("omschrijving"), get("eigenaar"))
        eerste_stap, status = get("eerste_stap", ""), get("status", "gepland")
        _teksten(id_, wv, omschrijving, eigenaar, eerste_stap, get("verandering", ""),
                 get("terugkoppelzin", ""), status)
        if status not in ACTIESTATUSSEN:
            raise AndersLezen
        # Zonder eerste stap of checkmoment vult de klasse ze aan: dan via het object.
        besloten_op, eerste_stap_datum, checkmoment = (
            _dag(get("besloten_op")), _dag(get("eerste_stap_datum")), _dag(get("checkmoment")))
        if eerste_stap_datum < besloten_op or checkmoment < besloten_op:  # ISO: als datums
            raise AndersLezen
        vergadering_id = get("vergadering_id")
        _tekst_of_niets(vergadering_id)
        _getal(get("versie", 0))
        partners, signalen = _tekstlijst(get("partners", [])), _tekstlijst(get("signalen", []))
        toelichting = _laatste_toelichting(get("historie", []))
        uit.append([id_, wv, nummer, omschrijving, eigenaar, list(partners), eerste_stap,
                    eerste_stap_datum, checkmoment, status, toelichting, [], besloten_op,
                    vergadering_id, list(signalen)])
    return uit


# --- vergaderingen ---------------------------------------------------------------------


def _woordenboek(waarde: Any, soort: type) -> dict[str, Any]:
    if type(waarde) is not dict or not all(type(v) is soort for v in waarde.values()):
        raise AndersLezen
    return waarde


def _terugkoppeling(tk: Any) -> tuple[str | None, str]:
    """(volgende update, kanaal) na de controle van de hele terugkoppeling."""
    get = _object(tk).get
    _teksten(*(get(naam, "") for naam in TERUGKOPPELINGVELDEN if naam != "volgende_update"))
    return _dag_of_niets(get("volgende_update")), get("kanaal", "")


def vergaderingrijen(docs: list[Any]) -> list[list[Any]]:
    """De rijen van ``lijsten.SLEUTELS['vergaderingen']`` uit de documenten van één vak;
    ``AndersLezen`` als een document niet het gewone geval is."""
    uit = []
    for doc in docs:
        get = _object(doc).get
        id_, wv, plaats, voorzitter, notulist = (get("id"), get("wijkverband_id"),
                                                 get("plaats", ""), get("voorzitter", ""),
                                                 get("notulist", ""))
        _teksten(id_, wv, plaats, voorzitter, notulist, get("reden_extra_acties", ""),
                 get("correcties_vorig", ""), get("vorig_vastgesteld", ""),
                 get("vastgesteld_in", ""), get("vastgestelde_correcties", ""),
                 get("volgende_tijd", ""))
        datum = _dag(get("datum"))
        aanwezigheid = _woordenboek(get("aanwezigheid", {}), str)
        if not all(stand in AANWEZIGHEID for stand in aanwezigheid.values()):
            raise AndersLezen
        # Zonder fasen krijgt de klasse de standaardagenda: dan via het object.
        fasen = _soort(get("fasen"), list)
        fase_index = _getal(get("fase_index", 0))
        if not fasen or not 0 <= fase_index < len(fasen):
            raise AndersLezen
        _soort(get("gestart", False), bool)
        gesloten_op = get("gesloten_op")
        if gesloten_op is not None:
            _tijdstip(gesloten_op)
        stippen = _woordenboek(get("stippen", {}), int)
        if any(n < 0 for n in stippen.values()):
            raise AndersLezen
        top5, acties = _tekstlijst(get("top5", [])), _tekstlijst(get("acties", []))
        for naam in ("gasten", "statusupdates"):
            _tekstlijst(get(naam, []))
        _woordenboek(get("privacykeuzes", {}), str)
        stemmingen = _soort(get("stemmingen", []), list)
        _soort(get("scores", {}), dict)
        _soort(get("logboek", []), list)
        _soort(get("correcties", []), list)
        if get("grenskeuze") is not None:
            _object(get("grenskeuze"))
        _dag_of_niets(get("vastgesteld_op"))
        _dag_of_niets(get("volgende_vergadering"))
        _getal(get("versie", 0))
        volgende_update, kanaal = _terugkoppeling(get("terugkoppeling", {}))
        aanwezig = sum(1 for stand in aanwezigheid.values() if stand == "aanwezig")
        uit.append([id_, wv, datum, plaats, voorzitter, notulist, aanwezig, len(top5),
                    len(stemmingen), len(acties), gesloten_op is not None, volgende_update,
                    kanaal])
    return uit
