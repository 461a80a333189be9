"""Het lokale journaal zelf (opslag/offline.py), zonder server: volgorde, 'af', een half
geschreven laatste regel, een beschadigde regel middenin, en een naam zonder wachtwoord."""

from __future__ import annotations

from pathlib import Path

from vergadering.opslag.offline import LokaalJournaal, journaal_voor


def test_regels_in_volgorde_en_af_tot_het_bestand_weg_is(tmp_path: Path) -> None:
    pad = tmp_path / "j" / "x.journaal"
    journaal = LokaalJournaal(pad)
    assert journaal.regels() == []
    een = journaal.schrijf("signalen", {"id": "a"}, None)
    twee = journaal.schrijf("vergaderingen", {"id": "v", "versie": 3}, {"id": "v", "versie": 3})
    ander = LokaalJournaal(pad)  # een tweede proces leest hetzelfde
    assert [(r.soort, r.mijn["id"]) for r in ander.regels()] == [("signalen", "a"),
                                                                 ("vergaderingen", "v")]
    journaal.af(een)
    assert [r.nr for r in ander.regels()] == [twee]
    drie = ander.schrijf("acties", {"id": "c"}, None)
    assert [r.nr for r in journaal.regels()] == [twee, drie] and drie > twee
    journaal.af(twee)
    journaal.af(drie)
    assert not pad.exists() and journaal.regels() == []


def test_half_geschreven_laatste_regel_telt_niet_en_gaat_weg(tmp_path: Path) -> None:
    pad = tmp_path / "x.journaal"
    journaal = LokaalJournaal(pad)
    journaal.schrijf("signalen", {"id": "a"}, None)
    with open(pad, "ab") as f:
        f.write(b'1234abcd {"t":"signalen","k":"2","d":{"mij')  # crash vóór de fsync
    assert [r.mijn["id"] for r in LokaalJournaal(pad).regels()] == ["a"]
    LokaalJournaal(pad).schrijf("signalen", {"id": "b"}, None)
    assert [r.mijn["id"] for r in LokaalJournaal(pad).regels()] == ["a", "b"]
    assert b"mij\n" not in pad.read_bytes() and not list(tmp_path.glob("*beschadigd*"))


def test_beschadigde_regel_middenin_de_rest_gaat_door_het_bestand_blijft(tmp_path: Path) -> None:
    pad = tmp_path / "x.journaal"
    journaal = LokaalJournaal(pad)
    for naam in ("a", "b", "c"):
        journaal.schrijf("signalen", {"id": naam, "tekst": "x" * 20}, None)
    regels = pad.read_bytes().split(b"\n")
    regels[1] = regels[1].replace(b"xxxx", b"xyxx", 1)  # een omgevallen bit
    pad.write_bytes(b"\n".join(regels))
    gered = LokaalJournaal(pad)
    assert [r.mijn["id"] for r in gered.regels()] == ["a", "c"]
    (apart,) = tmp_path.glob("x.journaal.beschadigd-*")
    assert b"xyxx" in apart.read_bytes()  # niet weggegooid
    (zin,) = gered.waarschuwingen
    assert "1 regel(s) waren onleesbaar" in zin and str(apart) in zin
    gered.schrijf("signalen", {"id": "d"}, None)
    assert [r.mijn["id"] for r in LokaalJournaal(pad).regels()] == ["a", "c", "d"]


def test_journaal_heeft_geen_wachtwoord_in_de_naam(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))

    class Nep:
        db = "postgresql://anja:geheim123@db.gemeente.nl/wijk"
        plek = "db.gemeente.nl/wijk"

    pad = journaal_voor(Nep()).pad
    assert "geheim" not in str(pad) and "gemeente" not in str(pad)
    assert pad.parent.is_relative_to(tmp_path)
    Nep.db = "postgresql://anja:anders@db.gemeente.nl/wijk"
    assert journaal_voor(Nep()).pad == pad  # hetzelfde adres, ander wachtwoord: zelfde
    Nep.db = "postgresql://anja@db.gemeente.nl/andere"
    assert journaal_voor(Nep()).pad != pad


def test_de_map_heeft_geen_lokaal_journaal(tmp_path: Path) -> None:
    from vergadering.opslag import Opslag

    assert journaal_voor(Opslag(tmp_path / "opslag")) is None


def test_een_database_op_drie_manieren_geschreven_heeft_een_journaal(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    for sleutel in ("PGHOST", "PGPORT", "PGUSER", "PGDATABASE", "PGSERVICE", "PGSYSCONFDIR"):
        monkeypatch.delenv(sleutel, raising=False)
    servicebestand = tmp_path / "pg_service.conf"
    servicebestand.write_text("[wijk]\nhost=db.gemeente.nl\ndbname=wijk\nuser=anja\n"
                              "sslmode=verify-full\n", encoding="utf-8")
    monkeypatch.setenv("PGSERVICEFILE", str(servicebestand))

    class Nep:
        db = "postgresql://anja@db.gemeente.nl/wijk"
        plek = "db.gemeente.nl/wijk"

    pad = journaal_voor(Nep()).pad
    for adres in ("service=wijk", "host=db.gemeente.nl port=5432 dbname=wijk user=anja",
                  "postgresql://anja:geheim@db.gemeente.nl:5432/wijk?sslmode=require"):
        Nep.db = adres
        assert journaal_voor(Nep()).pad == pad, adres
    for ander in ("service=wijk user=bert", "postgresql://anja@db.gemeente.nl:5433/wijk",
                  "service=onbekend"):
        Nep.db = ander
        assert journaal_voor(Nep()).pad != pad, ander


def test_een_journaal_onder_de_oude_naam_gaat_mee(tmp_path, monkeypatch):
    """Een eerdere versie noemde het journaal naar het adres zoals getypt: wat daar nog op
    de server wacht, mag niet uit beeld raken."""
    import hashlib

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))

    class Nep:
        db = "postgresql://anja@db.gemeente.nl/wijk?sslmode=require"
        plek = "db.gemeente.nl/wijk"

    nieuw = journaal_voor(Nep()).pad
    oud = nieuw.with_name(hashlib.sha256(Nep.db.encode()).hexdigest()[:24] + ".journaal")
    assert oud != nieuw
    LokaalJournaal(oud).schrijf("signalen", {"id": "a"}, None)
    journaal = journaal_voor(Nep())
    assert journaal.pad == nieuw and not oud.exists()
    assert [r.mijn["id"] for r in journaal.regels()] == ["a"]
