"""De rijen van de lijsten rechtstreeks uit de documenten (vergadering/rauwe_rijen.py): altijd
gelijk aan de rijen uit de domeinobjecten, en nooit een document aangenomen dat de objecten
weigeren (dan leest de lijst het vak via de objecten, met de melding met advies)."""

from __future__ import annotations

import copy
import dataclasses
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schermen_gegevens import maak_opslag

from vergadering import impact, lijsten, rauwe_rijen
from vergadering import vergadering as vergadering_module
from vergadering.actie import Actie, StatusWijziging
from vergadering.demo import schrijf_demo
from vergadering.fouten import BeschadigdBestand
from vergadering.opslag import Opslag
from vergadering.opslag.controle import klasse
from vergadering.opslag.lijstindex import AndersLezen
from vergadering.opslag.omzetten import naar_document, uit_document
from vergadering.signaal import Contact, Signaal
from vergadering.terugkoppeling import Terugkoppeling
from vergadering.vergadering import Vergadering

SOORTEN = ("signalen", "acties", "vergaderingen")
TABEL = {"signalen": "signalen", "acties": "acties", "vergaderingen": "vergadering"}
RUW = {"signalen": rauwe_rijen.signaalrijen, "acties": rauwe_rijen.actierijen,
       "vergaderingen": rauwe_rijen.vergaderingrijen}
# Per gebruiker van de snelle weg: (uit de documenten, uit de objecten). De impact neemt
# haar kolommen uit de rijen van de lijsten en uit het nagekeken document.
WEGEN = {"lijst": (RUW, lijsten._VAK), "impact": (impact._RUW, impact._VAK)}
# De delen van een vergadering waarvan de lijst alleen de soort (lijst, woordenboek)
# controleert, niet de binnenkant (zie de uitleg bovenaan rauwe_rijen.py).
ALLEEN_DE_SOORT = {"fasen", "scores", "stemmingen", "logboek", "grenskeuze", "correcties"}


def _namen(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls))


def test_de_velden_zijn_die_van_de_dataclasses() -> None:
    """Komt er een veld bij een klasse, dan moet rauwe_rijen het ook controleren."""
    assert rauwe_rijen.SIGNAALVELDEN == _namen(Signaal)
    assert rauwe_rijen.ACTIEVELDEN == _namen(Actie)
    assert rauwe_rijen.VERGADERINGVELDEN == _namen(Vergadering)
    assert rauwe_rijen.TERUGKOPPELINGVELDEN == _namen(Terugkoppeling)
    assert rauwe_rijen.STATUSWIJZIGINGVELDEN == _namen(StatusWijziging)
    assert rauwe_rijen.AANWEZIGHEID == vergadering_module.AANWEZIGHEID
    assert _namen(Contact) == ("naam", "gegevens")


def _uit_objecten(soort: str, docs: list[Any], weg: str = "lijst") -> list[list[Any]] | None:
    """De rijen zoals de lijst (of de impact) ze uit de objecten maakt; None als de objecten
    weigeren."""
    try:
        objecten = [uit_document(klasse(TABEL[soort]), copy.deepcopy(d)) for d in docs]
        return WEGEN[weg][1][soort](objecten)
    except (BeschadigdBestand, AttributeError, TypeError, ValueError):
        return None


def _ruw(soort: str, docs: list[Any], weg: str = "lijst") -> list[list[Any]] | None:
    voor = copy.deepcopy(docs)
    try:
        return WEGEN[weg][0][soort](docs)
    except AndersLezen:
        return None
    finally:
        assert docs == voor  # de documenten (ook in het geheugen van het vak) onaangeroerd


def _vergelijk(soort: str, docs: list[Any], *, binnenkant: bool = True,
               weg: str = "lijst") -> bool:
    """Neemt de snelle weg de documenten aan, dan geven de objecten dezelfde rijen (en
    weigeren ze niet). ``binnenkant=False``: de binnenkant van een deel dat de lijst niet
    toont is veranderd; dan mag de snelle weg aannemen wat de objecten weigeren."""
    ruw = _ruw(soort, docs, weg)
    if ruw is None:
        return False
    obj = _uit_objecten(soort, docs, weg)
    if obj is None:
        assert not binnenkant, (soort, docs)
        return True
    assert json.dumps(ruw) == json.dumps(obj), (soort, docs)
    return True


def _vakken(opslag: Opslag):
    for soort in SOORTEN:
        for wv, _ in opslag._wijkverbandnamen():
            for naam, _ in opslag.vaknamen(wv, soort):
                yield soort, opslag.lees_documenten(wv, soort, naam)


@pytest.fixture(scope="module")
def gegevens(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """De demo, de testgegevens van de schermen en twee jaar gegenereerde geschiedenis."""
    from bench.tienjaar import maak

    basis = tmp_path_factory.mktemp("rauw")
    schrijf_demo(Opslag(basis / "demo"), date(2026, 11, 23))
    maak_opslag(basis / "schermen", sjabloon=True)
    maak(basis / "tienjaar", jaren=2, wijkverbanden=2, seed=3)
    return [basis / "demo", basis / "schermen", basis / "tienjaar"]


@pytest.mark.parametrize("weg", WEGEN)
def test_gelijk_aan_de_objecten_op_de_demo_en_de_gegenereerde_gegevens(gegevens,
                                                                      weg: str) -> None:
    for map_ in gegevens:
        aangenomen = {soort: 0 for soort in SOORTEN}
        for soort, docs in _vakken(Opslag(map_)):
            assert _vergelijk(soort, docs, weg=weg), (map_.name, soort)  # gewoon: snel
            aangenomen[soort] += 1
        assert all(aangenomen.values()), (map_.name, aangenomen)


def _voorbeelden(gegevens: list[Path]) -> dict[str, list[dict[str, Any]]]:
    uit: dict[str, list[dict[str, Any]]] = {soort: [] for soort in SOORTEN}
    for map_ in gegevens:
        for soort, docs in _vakken(Opslag(map_)):
            uit[soort] += docs
    # Met contact, met een historie van statuswijzigingen, gesloten met terugkoppeling.
    assert any(d.get("contact") for d in uit["signalen"])
    assert any(d.get("historie") for d in uit["acties"])
    assert any(d.get("gesloten_op") for d in uit["vergaderingen"])
    return uit


# Waarden die een veld kan krijgen: van elk type, en de randen van de regels.
VREEMD = [None, 0, 1, -1, 100_000, 100_001, True, False, 1.5, "", " ", "x", "A", "a", "overig",
          "nieuw", "gebundeld", "gepland", "gereed", "aanwezig", "2026-11-23", "20261123",
          "2026-W48-1", "2026-13-01", "2026-11-23T19:30:00", "1999-01-01", "9999-12-31",
          [], ["x"], [1], [None], [{}], {}, {"naam": "x"}, {"naam": 1}, {"x": 1},
          {"naam": " ", "gegevens": "\t"}, {"moment": "2026-11-23T19:00:00", "status": "loopt"},
          {"a": "aanwezig"}, {"a": "ziek"}, {"a": -1}, {"a": 2}, {"a": True}]


def _genest(soort: str) -> dict[str, tuple[str, ...]]:
    """De geneste objecten die de snelle weg helemaal controleert, met hun velden."""
    return {"signalen": {"contact": ("naam", "gegevens")},
            "acties": {"historie": rauwe_rijen.STATUSWIJZIGINGVELDEN},
            "vergaderingen": {"terugkoppeling": rauwe_rijen.TERUGKOPPELINGVELDEN}}[soort]


@pytest.mark.parametrize("weg", WEGEN)
@pytest.mark.parametrize("soort", SOORTEN)
def test_elk_veld_anders_nooit_aangenomen_wat_de_objecten_weigeren(gegevens, soort,
                                                                  weg: str) -> None:
    """Elk veld (ook van de geneste objecten die de rij gebruikt) weg of met een vreemde
    waarde: de snelle weg neemt het alleen aan als de objecten dezelfde rij geven."""
    voorbeelden = _voorbeelden(gegevens)[soort]
    basis = [d for d in voorbeelden if all(d.get(k) for k in _genest(soort))][:3] \
        or voorbeelden[:3]
    velden = {"signalen": rauwe_rijen.SIGNAALVELDEN, "acties": rauwe_rijen.ACTIEVELDEN,
              "vergaderingen": rauwe_rijen.VERGADERINGVELDEN}[soort]
    aangenomen = geweigerd = 0
    for doc in basis:
        for veld in velden:
            for waarde in [_WEG, *VREEMD]:
                nieuw = copy.deepcopy(doc)
                if waarde is _WEG:
                    del nieuw[veld]
                else:
                    nieuw[veld] = copy.deepcopy(waarde)
                binnenkant = soort != "vergaderingen" or veld not in ALLEEN_DE_SOORT
                if _vergelijk(soort, [nieuw], binnenkant=binnenkant, weg=weg):
                    aangenomen += 1
                else:
                    geweigerd += 1
        for veld, binnen in _genest(soort).items():
            for naam in binnen:
                for waarde in [_WEG, *VREEMD]:
                    nieuw = copy.deepcopy(doc)
                    deel = nieuw[veld][-1] if veld == "historie" else nieuw[veld]
                    if waarde is _WEG:
                        deel.pop(naam, None)
                    else:
                        deel[naam] = copy.deepcopy(waarde)
                    _vergelijk(soort, [nieuw], weg=weg)
    assert aangenomen and geweigerd  # beide kanten getoetst
    assert _ruw(soort, ["geen document"], weg) is None and _ruw(soort, [None], weg) is None


_WEG = object()


TEKST = st.text(st.characters(codec="utf-8"), max_size=60) | st.sampled_from(
    ["", " ", "\n", "\x00", "\u202e", "'; DROP TABLE", "| x |", "\r\n\t", "é" * 300])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tekst=TEKST, ander=TEKST, lijst=st.lists(TEKST, max_size=4),
       aantal=st.integers(min_value=-2, max_value=100_002))
def test_vijandige_tekst_geeft_dezelfde_rij(tekst: str, ander: str, lijst: list[str],
                                           aantal: int) -> None:
    s = naar_document(Signaal("2611-aaaa", "wv", "x", date(2026, 11, 23)))
    s.update(tekst=tekst, thema=ander, buurt=tekst, reden=ander, historie=lijst,
             contact={"naam": "Truus Wijnbergen", "gegevens": "06-98765432"}, aantal=aantal)
    assert _vergelijk("signalen", [s]) == (1 <= aantal <= 100_000)
    if 1 <= aantal <= 100_000 and "Wijnbergen" not in tekst + ander:
        rij = json.dumps(rauwe_rijen.signaalrijen([s]), ensure_ascii=False)
        assert "Wijnbergen" not in rij and "98765432" not in rij  # alleen óf er contact is
        assert rauwe_rijen.signaalrijen([s])[0][-1] is True
    a = naar_document(Actie("2026-1", "wv", 1, "x", "y", date(2026, 11, 23)))
    a.update(omschrijving=tekst, eigenaar=ander, eerste_stap=tekst, partners=lijst,
             signalen=lijst, historie=[{"moment": "2026-11-23T19:00:00", "status": "loopt",
                                        "toelichting": tekst}])
    assert _vergelijk("acties", [a])
    v = naar_document(Vergadering("2026-11-23", "wv", date(2026, 11, 23)))
    v.update(plaats=tekst, voorzitter=ander, notulist=tekst, top5=lijst, acties=lijst,
             aanwezigheid={t: "aanwezig" for t in lijst})
    v["terugkoppeling"].update(kanaal=tekst, gehoord=ander)
    assert _vergelijk("vergaderingen", [v])


def test_een_vak_dat_de_snelle_weg_niet_neemt_geeft_dezelfde_lijst(tmp_path: Path,
                                                                   capsys) -> None:
    """Een praktijkvorm 'a' (de klasse maakt er 'A' van) en een actie zonder checkmoment (de
    klasse vult het aan): dan leest de lijst dat vak via de objecten, met dezelfde rij."""
    from vergadering import opdrachtregel
    from vergadering.opslag.bestand import uit_vakbytes, vakbytes

    db = tmp_path / "db"
    opslag = maak_opslag(db)
    wv = "de-hoven-noord"
    for soort, tabel, veld, waarde in (("signalen", "signalen", "vorm", "a"),
                                      ("acties", "acties", "checkmoment", None)):
        vak = sorted((db / wv / soort).glob("*.json"))[0]
        data = uit_vakbytes(vak.read_bytes(), vak)
        doc = next(iter(data[tabel].values()))
        doc[veld] = waarde
        vak.write_bytes(vakbytes(data))
        assert _ruw(soort, opslag.lees_documenten(wv, soort, vak.name)) is None
        opdrachtregel.main([soort, "--json", "--db", str(db)])
        uit = json.loads(capsys.readouterr().out)
        objecten = getattr(Opslag(db), soort)()
        assert uit == {"signalen": lijsten.signaalrijen,
                       "acties": lijsten.actierijen}[soort](objecten)
        rij = next(r for r in uit if r["id"] == doc["id"])
        if soort == "signalen":
            assert rij["vorm"] == "A"
        else:
            assert rij["checkmoment"] is not None


def test_schade_binnen_een_deel_dat_de_lijst_niet_toont_weigert_schrijven_en_kopie(
        tmp_path: Path, capsys) -> None:
    """De grens van de snelle weg (zie rauwe_rijen.py): een fase van een vergadering zonder
    verplicht veld laat de lijst staan, maar de vergadering lezen, erin schrijven en haar in
    een reservekopie nemen weigeren het vak, met de melding met advies."""
    from vergadering import opdrachtregel
    from vergadering.opslag.bestand import uit_vakbytes, vakbytes
    from vergadering.opslag.controle import gezond_bestand

    db = tmp_path / "db"
    opslag = maak_opslag(db)
    vak = sorted((db / "de-hoven-noord" / "vergaderingen").glob("*.json"))[0]
    data = uit_vakbytes(vak.read_bytes(), vak)
    doc = next(iter(data["vergadering"].values()))
    del doc["fasen"][0]["sleutel"]  # een verplicht veld van een fase
    vak.write_bytes(vakbytes(data))
    assert opdrachtregel.main(["vergaderingen", "--json", "--db", str(db)]) == 0
    assert doc["id"] in capsys.readouterr().out
    assert not gezond_bestand(vak, verplicht=True)  # geen reservekopie neemt het over
    with pytest.raises(BeschadigdBestand, match="beschadigd"):
        Opslag(db).vergadering("de-hoven-noord", doc["id"])
    zelfde = Vergadering(doc["id"], "de-hoven-noord", date.fromisoformat(doc["datum"]),
                         versie=doc["versie"])
    for schrijver in (opslag, Opslag(db)):  # met en zonder het vak in het geheugen
        with pytest.raises(BeschadigdBestand, match="beschadigd.*niet aangeraakt"):
            schrijver.bewaar_vergadering(zelfde)
    assert uit_vakbytes(vak.read_bytes(), vak) == data  # niet aangeraakt


def test_postgresql_geeft_dezelfde_rijen_uit_de_documenten(tmp_path: Path, postgres_db,
                                                           monkeypatch) -> None:
    """De PostgreSQL-opslag maakt de rijen ook rechtstreeks uit de documenten: dezelfde
    lijsten als de map en als de objecten, zonder terug te vallen."""
    from vergadering.opslag.overzetten import zet_over
    from vergadering.opslag.postgres import PostgresOpslag, maak_schema

    bron = tmp_path / "map"
    schrijf_demo(Opslag(bron), date(2026, 11, 23))
    maak_schema(postgres_db)
    zet_over(Opslag(bron), PostgresOpslag(postgres_db))
    pg = PostgresOpslag(postgres_db)
    vandaag = date(2026, 11, 23)
    verwacht = {soort: lijsten.lijst(Opslag(bron), soort, vandaag=vandaag) for soort in SOORTEN}
    teruggevallen = []
    echt = PostgresOpslag._objecten
    monkeypatch.setattr(PostgresOpslag, "_objecten",
                        lambda self, soort, docs: (soort in SOORTEN and teruggevallen.append(
                            soort)) or echt(self, soort, docs))
    for soort in SOORTEN:
        rijen = lijsten.lijst(pg, soort, vandaag=vandaag)
        assert rijen == verwacht[soort]
        assert lijsten.rijen_als_woordenboeken(soort, rijen) == {
            "signalen": lijsten.signaalrijen, "acties": lijsten.actierijen,
            "vergaderingen": lijsten.vergaderingrijen}[soort](
                getattr(Opslag(bron), soort)(), vandaag)
    assert teruggevallen == []
