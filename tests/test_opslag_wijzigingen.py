"""De wijzigingsmarkering: een ander proces ziet wat er bewaard is, en wat (issue 9)."""

from __future__ import annotations

import os

import pytest
from hulp_opslag import WV, cli, nieuwe_opslag, voeg_signaal_toe

from vergadering.fouten import GelijktijdigGewijzigd
from vergadering.opslag import Opslag
from vergadering.opslag import wijzigingen as w


def test_niets_veranderd_is_een_lege_lijst(tmp_path):
    nieuwe_opslag(tmp_path / "db")
    volger = Opslag(tmp_path / "db").volger()
    assert volger.nieuw() == []
    assert volger.nieuw() == []


def test_een_ander_object_ziet_welk_vak_veranderde(tmp_path):
    schrijver = nieuwe_opslag(tmp_path / "db")
    volger = Opslag(tmp_path / "db").volger()
    s = voeg_signaal_toe(schrijver, "Stoep kapot")
    nieuw = volger.nieuw()
    assert [(x.wijkverband, x.soort, x.vak) for x in nieuw] == [(WV, "signalen", "2026-11.json")]
    assert nieuw[0].schrijver == schrijver.schrijver
    assert volger.nieuw() == []  # één keer gemeld
    s.status = "geparkeerd"
    s.reden = "later"
    schrijver.bewaar_signaal(s)
    assert len(volger.nieuw()) == 1


def test_eigen_bewaaracties_worden_overgeslagen(tmp_path):
    opslag = nieuwe_opslag(tmp_path / "db")
    volger = opslag.volger()
    voeg_signaal_toe(opslag)
    assert volger.nieuw() == []
    ander = Opslag(tmp_path / "db")
    voeg_signaal_toe(ander, "Lantaarn stuk")
    assert [x.schrijver for x in volger.nieuw()] == [ander.schrijver]


def test_wijkverband_bewaren_meldt_de_wijkverbanden(tmp_path):
    opslag = nieuwe_opslag(tmp_path / "db")
    volger = Opslag(tmp_path / "db").volger()
    wv = opslag.wijkverband(WV)
    wv.naam = "De Hoven-Noord"
    opslag.bewaar_wijkverband(wv)
    assert [(x.wijkverband, x.soort) for x in volger.nieuw()] == [(w.ALLES, "wijkverbanden")]


def test_een_ander_proces_op_de_opdrachtregel_wordt_gezien(tmp_path):
    nieuwe_opslag(tmp_path / "db")
    volger = Opslag(tmp_path / "db").volger()
    uit = cli("signaal", "Bankje weg", "--wijkverband", "De Hoven", "--datum", "2026-11-20",
              "--db", str(tmp_path / "db"))
    assert uit.returncode == 0, uit.stderr
    assert [(x.wijkverband, x.soort) for x in volger.nieuw()] == [(WV, "signalen")]


def test_een_mislukte_bewaaractie_meldt_niets(tmp_path):
    opslag = nieuwe_opslag(tmp_path / "db")
    s = voeg_signaal_toe(opslag)
    volger = Opslag(tmp_path / "db").volger()
    oud = Opslag(tmp_path / "db").signaal(WV, s.id)
    s.reden, s.status = "nu", "geparkeerd"
    opslag.bewaar_signaal(s)
    assert len(volger.nieuw()) == 1
    oud.status, oud.reden = "afgehandeld", "klaar"
    with pytest.raises(GelijktijdigGewijzigd):  # verouderde versie: geweigerd
        Opslag(tmp_path / "db").bewaar_signaal(oud)
    assert volger.nieuw() == []


def test_vervangen_markering_betekent_alles_opnieuw_lezen(tmp_path, monkeypatch):
    monkeypatch.setattr(w, "GRENS", 200)
    opslag = nieuwe_opslag(tmp_path / "db")
    volger = Opslag(tmp_path / "db").volger()
    for i in range(6):  # ruim over de grens: het bestand begint opnieuw
        voeg_signaal_toe(opslag, f"Signaal {i}")
    assert volger.nieuw() is None
    assert os.path.getsize(tmp_path / "db" / w.NAAM) <= 200
    voeg_signaal_toe(opslag, "Daarna")
    assert len(volger.nieuw()) == 1


def test_halve_regel_wacht_tot_hij_af_is(tmp_path):
    opslag = nieuwe_opslag(tmp_path / "db")
    volger = Opslag(tmp_path / "db").volger()
    voeg_signaal_toe(opslag)
    with open(tmp_path / "db" / w.NAAM, "ab") as f:
        f.write(b"abc de-hoven sign")
    assert len(volger.nieuw()) == 1
    with open(tmp_path / "db" / w.NAAM, "ab") as f:
        f.write(b"alen 2026-10.json\n")
    assert [x.vak for x in volger.nieuw()] == ["2026-10.json"]


def test_herstel_meldt_dat_alles_veranderd_kan_zijn(tmp_path):
    opslag = nieuwe_opslag(tmp_path / "db")
    voeg_signaal_toe(opslag)
    kopie = opslag.maak_reservekopie()
    volger = Opslag(tmp_path / "db").volger()
    opslag.herstel(kopie.name)
    assert [(x.wijkverband, x.soort) for x in volger.nieuw()] == [(w.ALLES, w.ALLES)]


def test_markering_is_een_koppeling_wordt_niet_gevolgd(tmp_path):
    opslag = nieuwe_opslag(tmp_path / "db")
    doel = tmp_path / "elders.txt"
    doel.write_text("van iemand anders\n")
    (tmp_path / "db" / w.NAAM).unlink(missing_ok=True)
    (tmp_path / "db" / w.NAAM).symlink_to(doel)
    voeg_signaal_toe(opslag)  # bewaren lukt; de koppeling wordt niet beschreven
    assert doel.read_text() == "van iemand anders\n"
    assert opslag.signalen(WV)
