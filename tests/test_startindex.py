"""De afgeleide startindex (vergadering/opslag/index.py): het overzicht van het startscherm
zonder jaren te lezen, en nooit boven de echte bestanden vertrouwd."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from hulp_opslag import WV, Klok, nieuwe_opslag, voeg_signaal_toe
from schermen_gegevens import VANDAAG, maak_opslag

from vergadering.fouten import BeschadigdBestand, OpslagFout
from vergadering.opslag import Opslag, afgeleid, index
from vergadering.overzicht import Actiekern, maak_overzicht, overzicht_van

HOVEN = "de-hoven-noord"


def _volledig(opslag: Opslag, wv_id: str, vandaag: date = VANDAAG):
    """Het overzicht zoals vroeger: alles lezen."""
    wv = opslag.wijkverband(wv_id)
    return maak_overzicht(wv, opslag.signalen(wv_id), opslag.acties(wv_id),
                          opslag.vergaderingen(wv_id), vandaag)


def _zelfde(a, b) -> None:
    assert a.meldingen() == b.meldingen()
    assert a.nieuwe_signalen == b.nieuwe_signalen
    assert a.geparkeerd == b.geparkeerd
    # De kernen uit de index zijn gelijk aan die uit de echte acties en vergaderingen.
    assert a.open_acties == b.open_acties
    assert a.laatste_vergadering == b.laatste_vergadering
    assert a.onafgemaakte_vergadering == b.onafgemaakte_vergadering


def test_tweede_keer_komt_alles_uit_de_index(tmp_path: Path) -> None:
    opslag = maak_opslag(tmp_path / "db")
    eerste = opslag.samenvatting(HOVEN)
    assert eerste.gelezen > 0  # nog geen index: alles gelezen
    assert index.indexpad(opslag, HOVEN).is_file()
    # Een ander proces (een nieuwe Opslag: niets in het geheugen) leest niets meer.
    tweede = Opslag(tmp_path / "db").samenvatting(HOVEN)
    assert tweede.gelezen == 0
    assert sorted(tweede.nieuwe_signalen) == sorted(eerste.nieuwe_signalen)
    assert tweede.geparkeerd == eerste.geparkeerd == 1
    _zelfde(overzicht_van(Opslag(tmp_path / "db"), opslag.wijkverband(HOVEN), VANDAAG),
            _volledig(opslag, HOVEN))


def test_verouderd_na_schrijven_door_een_andere_opslag(tmp_path: Path) -> None:
    """Een journaalregel of een nieuw vak van een ander proces: alleen dat vak wordt opnieuw
    gelezen, en het overzicht klopt met alles lezen."""
    db = tmp_path / "db"
    maak_opslag(db)
    lezer = Opslag(db)
    wv = lezer.wijkverband(HOVEN)
    voor = overzicht_van(lezer, wv, VANDAAG)

    ander = Opslag(db, klok=lambda: datetime(2026, 11, 23, 19, 0))
    from vergadering.signaal import Signaal

    # In een bestaand vak (journaalregel: het vak zelf blijft gelijk) en in een nieuw vak.
    ander.bewaar_signaal(Signaal("2611-nieuw", HOVEN, "Losliggende tegels", date(2026, 11, 20)))
    ander.bewaar_signaal(Signaal("2612-later", HOVEN, "Kapotte lamp", date(2026, 12, 1)))
    actie = next(a for a in ander.acties(HOVEN) if a.nummer == 2)
    actie.zet_status("gereed", "De lampen branden weer", datetime(2026, 11, 22, 10, 0))
    ander.bewaar_actie(actie)

    # Alleen het veranderde en het nieuwe signaalvak en het actievak worden gelezen.
    assert Opslag(db).samenvatting(HOVEN).gelezen == 3
    assert Opslag(db).samenvatting(HOVEN).gelezen == 0
    na = overzicht_van(lezer, wv, VANDAAG)
    _zelfde(na, _volledig(Opslag(db), HOVEN))
    assert len(na.nieuwe_signalen) == len(voor.nieuwe_signalen) + 2
    assert [a.nummer for a in na.open_acties] == [1]


def test_weggehaald_vak_telt_niet_meer_mee(tmp_path: Path) -> None:
    db = tmp_path / "db"
    opslag = maak_opslag(db)
    opslag.samenvatting(HOVEN)
    assert Opslag(db).samenvatting(HOVEN).geparkeerd == 1  # 2610-park
    for pad in (db / HOVEN / "signalen").glob("2026-10.json*"):
        pad.unlink()
    na = Opslag(db).samenvatting(HOVEN)
    assert na.geparkeerd == 0 and len(na.nieuwe_signalen) == 7


@pytest.mark.parametrize("inhoud", [
    b"",
    b"{niet af",
    b"[1, 2, 3]",
    b'{"versie": 99, "wijkverband": "de-hoven-noord", "vakken": {}}',
    b'{"versie": 1, "wijkverband": "ander", "vakken": {}}',
])
def test_beschadigde_index_wordt_genegeerd_en_opnieuw_gemaakt(tmp_path: Path,
                                                              inhoud: bytes) -> None:
    db = tmp_path / "db"
    opslag = maak_opslag(db)
    opslag.samenvatting(HOVEN)
    pad = index.indexpad(opslag, HOVEN)
    pad.write_bytes(inhoud)
    verse = Opslag(db)
    _zelfde(overzicht_van(verse, verse.wijkverband(HOVEN), VANDAAG), _volledig(verse, HOVEN))
    assert Opslag(db).samenvatting(HOVEN).gelezen == 0  # en hij is weer goed geschreven


def test_onzin_in_een_vak_van_de_index_leest_dat_vak(tmp_path: Path) -> None:
    """Klopt de sleutel maar is de inhoud van de index kapot, dan telt het vak zelf."""
    import json

    db = tmp_path / "db"
    opslag = maak_opslag(db)
    opslag.samenvatting(HOVEN)
    pad = index.indexpad(opslag, HOVEN)
    data = json.loads(pad.read_bytes())
    for naam, vak in data["vakken"].items():
        if naam.startswith("acties/"):
            vak["s"] = [{"id": 3}]  # geen actie
        elif naam.startswith("signalen/"):
            vak["s"] = "kapot"
    pad.write_text(json.dumps(data))
    verse = Opslag(db)
    assert verse.samenvatting(HOVEN).gelezen > 0
    _zelfde(overzicht_van(verse, verse.wijkverband(HOVEN), VANDAAG), _volledig(verse, HOVEN))


def test_beschadigd_vak_geeft_nog_steeds_de_melding_met_advies(tmp_path: Path) -> None:
    klok = Klok()
    db = tmp_path / "db"
    opslag = nieuwe_opslag(db, klok=klok)
    voeg_signaal_toe(opslag, "Eerste")
    klok.verder(hours=1)
    opslag.maak_reservekopie()
    opslag.samenvatting(WV)  # de index kent het vak nu
    vak = next((db / WV / "signalen").glob("*.json"))
    vak.write_bytes(b'{"signalen": {"1": ')  # afgekapt
    with pytest.raises(BeschadigdBestand) as fout:
        overzicht_van(Opslag(db), opslag.wijkverband(WV), date(2026, 11, 24))
    melding = str(fout.value)
    assert "beschadigd" in melding and "vergadering herstel" in melding
    assert f"--bestand {WV}/signalen/{vak.name}" in melding


def test_verkeerd_type_in_een_vak_geeft_de_melding(tmp_path: Path) -> None:
    """Geldige JSON met een veld van het verkeerde type: de index vertrouwt het vak niet
    omdat het veranderde, en het lezen van het vak meldt het."""
    import json

    db = tmp_path / "db"
    opslag = nieuwe_opslag(db)
    voeg_signaal_toe(opslag, "Eerste")
    opslag.maak_reservekopie()  # journaal in het vak
    opslag.samenvatting(WV)
    vak = next((db / WV / "signalen").glob("*.json"))
    data = json.loads(vak.read_bytes())
    data["signalen"]["1"]["datum"] = 20261101
    vak.write_text(json.dumps(data))
    with pytest.raises(BeschadigdBestand):
        Opslag(db).samenvatting(WV)


def test_index_bevat_geen_contactgegevens(tmp_path: Path) -> None:
    opslag = maak_opslag(tmp_path / "db")  # signaal 0 heeft een contact
    opslag.samenvatting(HOVEN)
    inhoud = index.indexpad(opslag, HOVEN).read_bytes()
    assert b"Jansen" not in inhoud and b"06-12345678" not in inhoud


def test_index_niet_in_reservekopie_en_geen_databestand(tmp_path: Path) -> None:
    from vergadering.opslag import reservekopie

    db = tmp_path / "db"
    opslag = maak_opslag(db)
    opslag.samenvatting(HOVEN)
    assert not any(p.name == index.NAAM for p in reservekopie.databestanden(db))
    kopie = opslag.maak_reservekopie()
    assert kopie is not None and not list(kopie.rglob(index.NAAM))


def test_schrijven_van_de_index_mag_mislukken(tmp_path: Path, monkeypatch) -> None:
    db = tmp_path / "db"
    maak_opslag(db)

    def vol(*_a, **_k):
        raise OpslagFout("De schijf is vol.")

    monkeypatch.setattr(afgeleid, "schrijf_atomisch", vol)  # de gedeelde schrijfhulp
    verse = Opslag(db)
    _zelfde(overzicht_van(verse, verse.wijkverband(HOVEN), VANDAAG), _volledig(verse, HOVEN))
    assert not index.indexpad(verse, HOVEN).exists()


def test_lege_opslag_en_wijkverband_zonder_map(tmp_path: Path) -> None:
    opslag = nieuwe_opslag(tmp_path / "db")
    leeg = opslag.samenvatting(WV)
    assert leeg.nieuwe_signalen == [] and leeg.open_acties == [] and leeg.vergaderingen == []
    assert leeg.geparkeerd == 0
    assert not (tmp_path / "db" / WV).exists()  # lezen maakt geen mappen


def test_gelijk_aan_alles_lezen_op_een_jaar_gegevens(tmp_path: Path) -> None:
    from bench.tienjaar import maak

    db = tmp_path / "jaar"
    maak(db, jaren=1, wijkverbanden=2, seed=3)
    vandaag = date.today()
    for wv in Opslag(db).wijkverbanden():
        _zelfde(overzicht_van(Opslag(db), wv, vandaag), _volledig(Opslag(db), wv.id, vandaag))
        _zelfde(overzicht_van(Opslag(db), wv, vandaag), _volledig(Opslag(db), wv.id, vandaag))


def test_open_acties_komen_uit_de_index_zoals_ze_zijn(tmp_path: Path) -> None:
    """Uit de index (tweede keer) dezelfde kern als uit de acties zelf: nummer, omschrijving,
    status en beide datums."""
    opslag = maak_opslag(tmp_path / "db")
    eerst = opslag.samenvatting(HOVEN)
    assert eerst.gelezen
    uit_index = Opslag(tmp_path / "db").samenvatting(HOVEN)
    assert uit_index.gelezen == 0
    echt = sorted(Actiekern.van(a) for a in opslag.acties(HOVEN) if a.open)
    assert sorted(uit_index.open_acties) == sorted(eerst.open_acties) == echt
    assert sorted(a.nummer for a in echt) == [1, 2]


def test_een_beschadigde_actieregel_in_de_index_leest_het_vak(tmp_path: Path) -> None:
    from vergadering.opslag.afgeleid import schrijf_index
    from vergadering.opslag.bestand import lees_json

    opslag = maak_opslag(tmp_path / "db")
    echt = sorted(opslag.samenvatting(HOVEN).open_acties)
    pad = tmp_path / "db" / HOVEN / ".startindex"
    index = lees_json(pad)
    for naam, vak in index["vakken"].items():
        if naam.startswith("acties/"):
            vak["s"][0][1] = "een"  # nummer als tekst: de sleutel klopt nog, de vorm niet
    schrijf_index(pad, index)
    opnieuw = Opslag(tmp_path / "db").samenvatting(HOVEN)
    assert opnieuw.gelezen >= 1
    assert sorted(opnieuw.open_acties) == echt


def test_tweede_start_laadt_babel_niet(tmp_path: Path) -> None:
    """De datums van het overzicht staan na de eerste keer in de index: een volgende start
    schrijft dezelfde zinnen zonder Babel te laden."""
    import subprocess
    import sys

    db = tmp_path / "db"
    opslag = maak_opslag(db)
    verwacht = _volledig(opslag, HOVEN).meldingen()
    assert overzicht_van(Opslag(db), opslag.wijkverband(HOVEN), VANDAAG).meldingen() == verwacht
    code = (
        "import sys, json\n"
        "from datetime import date\n"
        "from vergadering.opslag import Opslag\n"
        "from vergadering.overzicht import overzicht_van\n"
        f"o = Opslag({str(db)!r})\n"
        f"m = overzicht_van(o, o.wijkverband({HOVEN!r}), date(2026, 11, 23)).meldingen()\n"
        "print(json.dumps([m, 'babel' in sys.modules]))\n"
    )
    uit = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    import json

    meldingen, babel_geladen = json.loads(uit.stdout)
    assert meldingen == verwacht
    assert not babel_geladen


def test_datumteksten_van_een_andere_babel_worden_opnieuw_gemaakt(tmp_path: Path,
                                                                 monkeypatch) -> None:
    db = tmp_path / "db"
    opslag = maak_opslag(db)
    overzicht_van(Opslag(db), opslag.wijkverband(HOVEN), VANDAAG)
    assert Opslag(db).samenvatting(HOVEN).datumteksten
    monkeypatch.setattr(index, "_babelsleutel", lambda: ["andere babel", 1, 2])
    assert Opslag(db).samenvatting(HOVEN).datumteksten == {}
    _zelfde(overzicht_van(Opslag(db), opslag.wijkverband(HOVEN), VANDAAG),
            _volledig(opslag, HOVEN))
    assert Opslag(db).samenvatting(HOVEN).datumteksten  # met de nieuwe sleutel bewaard
