"""De afgeleide lijstindex (vergadering/opslag/lijstindex.py): de lijsten van de
opdrachtregel uit de rijen per vak, byte voor byte gelijk aan alles lezen, en nooit boven de
echte bestanden vertrouwd."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from schermen_gegevens import maak_opslag

from vergadering import lijsten, opdrachtregel
from vergadering.opslag import Opslag, lijstindex
from vergadering.signaal import Contact, Signaal

HOVEN = "de-hoven-noord"
LIJSTEN = [[soort, *wv, *js] for soort in ("signalen", "acties", "vergaderingen")
           for wv in ([], ["--wijkverband", HOVEN]) for js in ([], ["--json"])]


def _lijst(db: Path, capsys, *args: str) -> tuple[int, str, str]:
    code = opdrachtregel.main([*args, "--db", str(db)])
    uit = capsys.readouterr()
    return code, uit.out, uit.err


def _indexen(db: Path) -> list[Path]:
    return sorted(db.glob("*/.lijst-*"))


def _zonder_index(db: Path) -> None:
    for pad in _indexen(db):
        pad.unlink()


def _alles(db: Path, capsys) -> dict[str, str]:
    uit = {}
    for args in LIJSTEN:
        code, tekst, fout = _lijst(db, capsys, *args)
        assert code == 0, fout
        uit[" ".join(args)] = tekst
    return uit


def _objectrijen(opslag: Opslag, soort: str) -> list[dict]:
    """De rijen zoals vroeger: alle objecten lezen, omzetten en rijen maken."""
    alle = getattr(opslag, soort)(None)
    return {"signalen": lijsten.signaalrijen, "acties": lijsten.actierijen,
            "vergaderingen": lijsten.vergaderingrijen}[soort](alle)


def test_met_en_zonder_index_byte_voor_byte_gelijk(tmp_path: Path, capsys) -> None:
    db = tmp_path / "db"
    maak_opslag(db)
    koud = _alles(db, capsys)  # zonder index: alles gelezen, de index gemaakt
    assert [p.name for p in _indexen(db)] == [".lijst-acties", ".lijst-signalen",
                                              ".lijst-vergaderingen"]
    warm = _alles(db, capsys)
    assert warm == koud
    assert "Stoep" in warm["signalen"] or warm["signalen"].count("\n") > 5
    # En gelijk aan de rijen uit de objecten zelf (zoals vóór de index).
    opslag = Opslag(db)
    for soort in ("signalen", "acties", "vergaderingen"):
        assert lijsten.rijen_als_woordenboeken(soort, lijsten.lijst(opslag, soort)) == \
            _objectrijen(opslag, soort)


def test_uit_de_index_leest_geen_vak(tmp_path: Path, capsys, monkeypatch) -> None:
    db = tmp_path / "db"
    maak_opslag(db)
    _alles(db, capsys)
    gelezen = []
    monkeypatch.setattr(Opslag, "lees_vak", lambda self, *a: gelezen.append(a) or [])
    monkeypatch.setattr(Opslag, "lees_documenten", lambda self, *a: gelezen.append(a) or [])
    _alles(db, capsys)
    assert gelezen == []


def test_nieuw_signaal_wordt_gelezen_en_verschijnt(tmp_path: Path, capsys) -> None:
    db = tmp_path / "db"
    opslag = maak_opslag(db)
    code, voor, _ = _lijst(db, capsys, "signalen", "--json")
    assert code == 0 and "Nieuwe lantaarnpaal gevraagd" not in voor
    oud = opslag.signaal(HOVEN, "2611-s001")
    nieuw = Signaal(opslag.nieuw_signaal_id(HOVEN, date(2026, 11, 22)), HOVEN,
                    "Nieuwe lantaarnpaal gevraagd", date(2026, 11, 22), aantal=3)
    # Een ander proces schrijft (een nieuwe Opslag): een journaalregel in een bestaand vak.
    Opslag(db).bewaar_signaal(nieuw)
    code, na, _ = _lijst(db, capsys, "signalen", "--json")
    assert code == 0 and "Nieuwe lantaarnpaal gevraagd" in na
    _zonder_index(db)
    assert _lijst(db, capsys, "signalen", "--json")[1] == na
    # Een bundel over twee vakken: het aantal met bundel komt bij het lijsten, niet uit het vak.
    from vergadering.signaal import bundel

    bundel(oud, nieuw)
    Opslag(db).bewaar_signaal(nieuw)
    warm = _lijst(db, capsys, "signalen", "--json")[1]
    _zonder_index(db)
    assert _lijst(db, capsys, "signalen", "--json")[1] == warm
    rij = next(r for r in lijsten.signaalrijen(Opslag(db).signalen(HOVEN)) if r["id"] == oud.id)
    assert rij["aantal_met_bundel"] == oud.aantal + 3
    assert f'"aantal_met_bundel": {oud.aantal + 3}' in warm


def _beschadig_een_vak(db: Path) -> Path:
    vak = sorted((db / HOVEN / "signalen").glob("*.json"))[0]
    vak.write_bytes(vak.read_bytes()[:-40] + b"kapot")  # andere grootte: een andere sleutel
    return vak


def test_beschadigd_vak_geeft_dezelfde_melding_met_advies(tmp_path: Path, capsys) -> None:
    db = tmp_path / "db"
    maak_opslag(db)
    _alles(db, capsys)  # de index bestaat en kent het vak nog heel
    vak = _beschadig_een_vak(db)
    kapot = vak.read_bytes()
    for args in (["signalen"], ["signalen", "--json"], ["signalen", "--wijkverband", HOVEN]):
        code, uit, met_index = _lijst(db, capsys, *args)
        assert code == 1 and uit == ""
        _zonder_index(db)
        code, _, zonder_index = _lijst(db, capsys, *args)
        assert code == 1
        assert met_index == zonder_index
        assert "beschadigd" in met_index and str(vak) in met_index
        assert "vraag hulp" in met_index or "vergadering herstel" in met_index
        assert len(met_index.strip().splitlines()) == 1
    assert vak.read_bytes() == kapot  # niet aangeraakt


@pytest.mark.parametrize("inhoud", [
    b"",  # leeg
    b'{"versie": 1, "wijkverband"',  # afgekapt
    b"\x00\xff" * 50,  # geen tekst
    b'{"versie": 1, "wijkverband": "de-hoven-noord", "vorm": "x", "vakken": {}}',  # zonder
    # controlegetal (en een andere vorm), en een index zoals hij tot en met schema 4 was:
    b'{"versie":1,"wijkverband":"de-hoven-noord","vakken":{},"_controle":"00000000"}',
])
def test_beschadigde_index_telt_niet_en_wordt_opnieuw_gemaakt(tmp_path: Path, capsys,
                                                              inhoud: bytes) -> None:
    db = tmp_path / "db"
    maak_opslag(db)
    goed = _alles(db, capsys)
    pad = lijstindex.indexpad(Opslag(db), HOVEN, "signalen")
    pad.write_bytes(inhoud)
    assert _alles(db, capsys) == goed
    assert pad.read_bytes() != inhoud  # opnieuw gemaakt


def test_index_van_een_andere_python_of_afgekapt_telt_niet(tmp_path: Path, capsys) -> None:
    """De index staat in de vorm van ``marshal``, die per Python-versie kan verschillen: de
    versie staat in de kop, en een index van een andere Python wordt opnieuw gemaakt, net als
    een afgekapte (het controlegetal klopt dan niet)."""
    db = tmp_path / "db"
    maak_opslag(db)
    goed = _alles(db, capsys)
    pad = lijstindex.indexpad(Opslag(db), HOVEN, "signalen")
    echt = pad.read_bytes()
    kop = echt[:echt.index(b"\n") + 1]
    assert kop.startswith(b"vergadering-index %d.%d " % sys.version_info[:2])
    for inhoud in (echt.replace(kop, kop.replace(b"index %d.%d" % sys.version_info[:2],
                                                 b"index 3.99"), 1),
                   echt[:-10]):
        pad.write_bytes(inhoud)
        assert _alles(db, capsys) == goed
        assert pad.read_bytes() == echt  # opnieuw gemaakt, zoals eerst


def test_index_met_omgevallen_bit_of_van_een_ander_wijkverband_telt_niet(tmp_path: Path,
                                                                       capsys) -> None:
    db = tmp_path / "db"
    maak_opslag(db)
    goed = _alles(db, capsys)
    pad = lijstindex.indexpad(Opslag(db), HOVEN, "signalen")
    ruw = bytearray(pad.read_bytes())
    plek = ruw.index(b"Stoep") if b"Stoep" in ruw else len(ruw) // 2
    ruw[plek] ^= 0x01  # één bit: het controlegetal vangt het
    pad.write_bytes(bytes(ruw))
    assert _alles(db, capsys) == goed
    # Een geldige index, maar van een ander wijkverband (gekopieerd): telt niet.
    vreemd = lijstindex.indexpad(Opslag(db), "elders", "signalen")
    vreemd.parent.mkdir()
    opslag = Opslag(db)
    from vergadering.opslag.afgeleid import schrijf_index

    schrijf_index(vreemd, {"versie": lijstindex.VERSIE, "wijkverband": "elders",
                           "vorm": lijsten._VORM["signalen"], "vakken": {}}, met_controle=True)
    pad.write_bytes(vreemd.read_bytes())
    gelezen = []
    # Een vak wordt gelezen als documenten (de snelle weg) of als objecten (de terugvalweg).
    echt, echt_ruw = Opslag.lees_vak, Opslag.lees_documenten
    opslag.lees_vak = lambda *a: gelezen.append(a) or echt(opslag, *a)  # type: ignore[method-assign]
    opslag.lees_documenten = (  # type: ignore[method-assign]
        lambda *a: gelezen.append(a) or echt_ruw(opslag, *a))
    rijen = lijsten.lijst(opslag, "signalen", HOVEN)
    assert gelezen and len(rijen) == len(_objectrijen(opslag, "signalen"))
    assert _alles(db, capsys) == goed


def test_alleen_lezen_map_lijsten_werken_zonder_index(tmp_path: Path, capsys,
                                                      monkeypatch) -> None:
    db = tmp_path / "db"
    maak_opslag(db)
    verwacht = _alles(db, capsys)
    _zonder_index(db)
    # Root mag overal schrijven (chmod helpt in CI niet): elk schrijven onder db faalt.
    echt = os.open
    schrijven = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND

    def nep(pad, vlaggen, *args, **kwargs):
        if vlaggen & schrijven and str(db) in os.fsdecode(pad):
            raise OSError(errno.EROFS, os.strerror(errno.EROFS), pad)
        return echt(pad, vlaggen, *args, **kwargs)

    monkeypatch.setattr(os, "open", nep)
    assert _alles(db, capsys) == verwacht
    assert _indexen(db) == []


def test_geen_contactgegevens_in_de_index(tmp_path: Path, capsys) -> None:
    db = tmp_path / "db"
    opslag = maak_opslag(db)
    s = Signaal(opslag.nieuw_signaal_id(HOVEN, date(2026, 11, 21)), HOVEN, "Losse tegel",
                date(2026, 11, 21), contact=Contact("Truus Wijnbergen", "06-98765432"))
    opslag.bewaar_signaal(s)
    code, uit, _ = _lijst(db, capsys, "signalen", "--json")
    assert code == 0 and '"heeft_contact": true' in uit
    _alles(db, capsys)
    inhoud = b"".join(p.read_bytes() for p in _indexen(db))
    assert b"Losse tegel" in inhoud  # de index bestaat en heeft dit signaal
    for geheim in (b"Truus", b"Wijnbergen", b"98765432", b"mevrouw Jansen", b"12345678"):
        assert geheim not in inhoud


@pytest.mark.parametrize("stand", ["warm", "gewijzigd", "koud"])
@pytest.mark.parametrize("args", LIJSTEN, ids=" ".join)
def test_lijst_laadt_de_dataclasses_niet(tmp_path: Path, args: list[str], stand: str) -> None:
    """Een lijst zet niets om in domeinobjecten: uit de lijstindex (warm) niet, en ook niet
    na een gewijzigd vak of zonder index (koud), want dan komen de rijen rechtstreeks uit de
    documenten (rauwe_rijen.py). Dan hoeven de domeinklassen (en het ~7 ms dure
    ``dataclasses``) niet geladen te worden: de helft van een lijst van een jaar."""
    db = tmp_path / "db"
    maak_opslag(db)
    opdracht = [sys.executable, "-X", "importtime", "-m", "vergadering", *args, "--db", str(db)]
    voor = subprocess.run(opdracht, capture_output=True, check=True).stdout  # maakt de index
    if stand == "koud":
        _zonder_index(db)
    elif stand == "gewijzigd":
        vak = sorted(db.glob(f"*/{args[0]}/*.json"))[-1]
        st = vak.stat()  # een ander tijdstip: een andere sleutel, dus opnieuw gelezen
        os.utime(vak, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000))
    r = subprocess.run(opdracht, capture_output=True, text=True, check=True)
    assert r.stdout.encode() == voor
    geladen = {regel.rsplit("|", 1)[-1].strip() for regel in r.stderr.splitlines()}
    assert "vergadering.opdrachtregel" in geladen  # de meting zelf werkt
    # Warm leest geen vak; gewijzigd en koud wel, als documenten.
    assert ("vergadering.rauwe_rijen" in geladen) == (stand != "warm")
    assert not geladen & {"dataclasses", "vergadering.signaal", "vergadering.actie",
                          "vergadering.vergadering", "vergadering.wijkverband", "babel"}


def test_vak_in_een_keer_alleen_als_het_nog_precies_die_versie_is(tmp_path: Path) -> None:
    """``tabel_als_ongewijzigd`` (de snelle weg voor een lijst zonder index) geeft alleen
    documenten van precies de versie met de gegeven sleutel, zonder journaal; in elk ander
    geval None, zodat de façade leest (met journaal, en met de gewone melding)."""
    from vergadering.opslag.afgeleid import sleutel
    from vergadering.opslag.bestand import JOURNAAL, tabel_als_ongewijzigd, vakbytes

    vak = tmp_path / "2026-11.json"
    docs = {"1": {"id": "2611-a"}, "2": {"id": "2611-b"}}
    vak.write_bytes(vakbytes({"signalen": docs}))
    pad = str(vak)
    k = sleutel(pad)
    assert tabel_als_ongewijzigd(pad, "signalen", k, verplicht=True) == list(docs.values())
    assert tabel_als_ongewijzigd(pad, "acties", k, verplicht=True) is None  # andere tabel
    # Met een journaal met regels (volgens de sleutel): de gewone weg; een leeg journaal
    # (na samenvoegen) telt niet.
    assert tabel_als_ongewijzigd(pad, "signalen", [*k[:3], 1, 2, 3], verplicht=True) is None
    assert tabel_als_ongewijzigd(pad, "signalen", [*k[:3], 1, 2, 0], verplicht=True) == list(
        docs.values())
    # Een journaal dat sinds het plan regels kreeg (of hield), of een koppeling is: de
    # façade (die leest het journaal mee, of zegt wat er mis is).
    journaal = Path(pad + JOURNAAL)
    journaal.write_bytes(b"regel\n")
    assert tabel_als_ongewijzigd(pad, "signalen", k, verplicht=True) is None
    journaal.unlink()
    journaal.symlink_to(tmp_path / "nergens")
    assert tabel_als_ongewijzigd(pad, "signalen", k, verplicht=True) is None
    journaal.unlink()
    journaal.symlink_to(os.devnull)
    assert tabel_als_ongewijzigd(pad, "signalen", k, verplicht=True) is None
    journaal.unlink()
    journaal.write_bytes(b"")  # leeg, zoals na samenvoegen
    assert tabel_als_ongewijzigd(pad, "signalen", k, verplicht=True) == list(docs.values())
    journaal.unlink()
    # Intussen vervangen (andere inode), of met een ander tijdstip: niet deze versie.
    for anders in ([k[0] + 1, *k[1:]], [k[0], k[1] + 1, *k[2:]], [*k[:2], k[2] + 1, *k[3:]]):
        assert tabel_als_ongewijzigd(pad, "signalen", anders, verplicht=True) is None
    # Beschadigd (controlegetal), of zonder controlegetal waar dat verplicht is.
    vak.write_bytes(vak.read_bytes().replace(b"2611-a", b"2611-x"))
    assert tabel_als_ongewijzigd(pad, "signalen", sleutel(pad), verplicht=True) is None
    vak.write_bytes(b'{"signalen": {"1": {"id": "2611-a"}}}')
    assert tabel_als_ongewijzigd(pad, "signalen", sleutel(pad), verplicht=True) is None
    assert tabel_als_ongewijzigd(pad, "signalen", sleutel(pad), verplicht=False) == [
        {"id": "2611-a"}]
    # Een koppeling wordt niet gevolgd.
    koppeling = tmp_path / "koppeling.json"
    koppeling.symlink_to(vak)
    assert tabel_als_ongewijzigd(str(koppeling), "signalen", sleutel(pad),
                                 verplicht=False) is None


def test_lijst_zonder_index_ziet_een_vak_dat_na_het_plan_veranderde(
        tmp_path: Path, capsys, monkeypatch) -> None:
    """Verandert een vak tussen het plan (de sleutels) en het lezen, dan leest de lijst het
    via de façade: wat er nu staat, niet wat het plan zag; en de index onthoudt de oude
    sleutel, dus de volgende lijst leest het vak opnieuw."""
    db = tmp_path / "db"
    opslag = maak_opslag(db)
    opslag.maak_reservekopie()  # alle journalen samengevoegd: de snelle weg kan overal
    assert all(p.stat().st_size == 0 for p in db.glob("*/*/*.journaal"))
    echt = lijstindex._plan
    nieuw = Signaal(opslag.nieuw_signaal_id(HOVEN, date(2026, 11, 22)), HOVEN,
                    "Na het plan geschreven", date(2026, 11, 22))

    def plan_en_dan_schrijven(*args, **kwargs):
        plan = echt(*args, **kwargs)
        if args[1] == HOVEN:
            schrijver = Opslag(db)
            schrijver.bewaar_signaal(nieuw)
            schrijver.maak_reservekopie()  # samengevoegd: een nieuw vak, geen journaal
        return plan

    monkeypatch.setattr(lijstindex, "_plan", plan_en_dan_schrijven)
    code, uit, fout = _lijst(db, capsys, "signalen", "--json", "--wijkverband", HOVEN)
    assert code == 0, fout
    assert "Na het plan geschreven" in uit
    monkeypatch.setattr(lijstindex, "_plan", echt)
    assert _lijst(db, capsys, "signalen", "--json", "--wijkverband", HOVEN)[1] == uit


def test_lijst_zonder_index_volgt_geen_gekoppelde_map(tmp_path: Path, capsys) -> None:
    db = tmp_path / "db"
    maak_opslag(db)
    _zonder_index(db)
    elders = tmp_path / "elders"
    (db / HOVEN / "signalen").rename(elders)
    (db / HOVEN / "signalen").symlink_to(elders, target_is_directory=True)
    code, uit, fout = _lijst(db, capsys, "signalen", "--wijkverband", HOVEN)
    assert code == 1 and uit == ""
    assert "koppeling" in fout and len(fout.strip().splitlines()) == 1


def test_zonder_index_alleen_vakken_met_journaalregels_via_de_facade(
        tmp_path: Path, capsys, monkeypatch) -> None:
    """Koud leest de lijst een vak zonder journaalregels in één keer (de snelle weg), en
    alleen een vak met journaalregels via de façade (vak plus journaal); de uitkomst is
    dezelfde als warm."""
    db = tmp_path / "db"
    opslag = maak_opslag(db)
    opslag.maak_reservekopie()  # alle journalen samengevoegd
    warm = _lijst(db, capsys, "signalen", "--json")[1]
    via_facade: list[str] = []
    echt = Opslag._vak

    def vak(self, pad, naam):
        if pad.parent.name == "signalen":  # niet wijkverbanden.json
            via_facade.append(pad.name)
        return echt(self, pad, naam)

    monkeypatch.setattr(Opslag, "_vak", vak)
    _zonder_index(db)
    assert _lijst(db, capsys, "signalen", "--json")[1] == warm
    assert via_facade == []
    # Eén bewerking: één journaalregel in één vak; alleen dat vak gaat via de façade.
    nieuw = Signaal(Opslag(db).nieuw_signaal_id(HOVEN, date(2026, 11, 22)), HOVEN,
                    "Een journaalregel", date(2026, 11, 22))
    Opslag(db).bewaar_signaal(nieuw)
    met_journaal = [p.name[: -len(".journaal")] for p in db.glob("*/signalen/*.journaal")
                    if p.stat().st_size]
    assert len(met_journaal) == 1
    _zonder_index(db)
    via_facade.clear()
    code, uit, _ = _lijst(db, capsys, "signalen", "--json")
    assert code == 0 and "Een journaalregel" in uit
    assert via_facade == met_journaal


def test_lijst_zonder_index_meldt_een_journaal_dat_een_koppeling_is(tmp_path: Path,
                                                                    capsys) -> None:
    """Ook als de koppeling naar iets leegs wijst (het plan ziet dan een leeg journaal):
    dezelfde melding als elk ander lezen, niet stilletjes het vak zonder journaal."""
    db = tmp_path / "db"
    opslag = maak_opslag(db)
    opslag.maak_reservekopie()
    vak = sorted((db / HOVEN / "signalen").glob("*.json"))[-1]
    journaal = vak.with_name(vak.name + ".journaal")
    journaal.unlink(missing_ok=True)
    journaal.symlink_to(os.devnull)
    _zonder_index(db)
    code, uit, fout = _lijst(db, capsys, "signalen", "--wijkverband", HOVEN)
    assert code == 1 and uit == ""
    assert "koppeling" in fout and len(fout.strip().splitlines()) == 1
