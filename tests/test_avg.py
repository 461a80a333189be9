"""De AVG (vergadering/avg.py, `vergadering avg`): bewaartermijn van contactgegevens met een
vaste 'vandaag', inzage en verwijderen op verzoek, en een herstel dat niets terugbrengt."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from test_export_gegevens import BEWONERS, VANDAAG, bouw_opslag

from vergadering import avg, opdrachtregel
from vergadering.actie import Actie
from vergadering.opslag import Opslag
from vergadering.signaal import Contact, Signaal

LATER = VANDAAG + timedelta(days=400)


def _met_contact(g) -> list[Signaal]:
    return [s for s in g.opslag.signalen(g.wijkverband.id) if s.contact is not None]


def test_wanneer_een_signaal_gesloten_is():
    wv = "w"
    def sig(i, status="nieuw", **k):
        return Signaal(i, wv, f"signaal {i}", date(2025, 1, 1), status=status, **k)
    gekozen, half, geparkeerd, gebundeld, nieuw = (
        sig("a", "gekozen"), sig("b", "gekozen"), sig("c", "geparkeerd", vergadering_id="v1"),
        sig("d", "gebundeld", gebundeld_in="a"), sig("e"))
    klaar = Actie("2025-1", wv, 1, "x", "Kees", date(2025, 2, 1), signalen=["a", "b"])
    klaar.zet_status("gereed", "af", datetime(2025, 5, 1, 20))
    loopt = Actie("2025-2", wv, 2, "y", "Kees", date(2025, 2, 1), signalen=["b"])
    from vergadering.vergadering import nieuwe_vergadering
    from vergadering.wijkverband import Wijkverband

    v1 = nieuwe_vergadering(Wijkverband(wv, "W"), "v1", date(2025, 3, 3))
    uit = avg.gesloten_sinds([gekozen, half, geparkeerd, gebundeld, nieuw], [klaar, loopt], [v1])
    assert uit == {"a": date(2025, 5, 1),  # de actie is gereed
                   "c": date(2025, 3, 3),  # geparkeerd in die vergadering
                   "d": date(2025, 5, 1)}  # gebundeld in a: zoals a
    # b: één actie loopt nog; e: nieuw, dus open


def test_na_de_termijn_is_het_contact_weg_met_een_regel_in_de_historie(tmp_path):
    g = bouw_opslag(tmp_path / "db")
    voor = {s.id: s.contact for s in _met_contact(g)}
    assert voor
    gezien, kopieen = avg.toepassen(g.opslag, LATER, uitvoeren=False)
    assert gezien and {s.id: s.contact for s in _met_contact(g)} == voor  # alleen getoond
    gedaan, _ = avg.toepassen(g.opslag, LATER)
    assert [a.signaal for a in gedaan] == [a.signaal for a in gezien]
    na = {s.id: s for s in g.opslag.signalen(g.wijkverband.id)}
    for a in gedaan:
        assert na[a.signaal].contact is None
        assert na[a.signaal].historie == [
            f"{LATER:%d-%m-%Y}: Contactgegevens geanonimiseerd volgens de bewaartermijn."]
        assert (LATER - a.gesloten_op).days >= 365
    # Wat nog open is (nieuw), houdt zijn contact.
    for sid, contact in voor.items():
        if na[sid].status == "nieuw":
            assert na[sid].contact == contact
    assert not avg.toepassen(g.opslag, LATER)[0]  # een tweede keer: niets meer


def test_een_kortere_termijn_per_wijkverband_maar_nooit_onder_dertig_dagen(tmp_path):
    g = bouw_opslag(tmp_path / "db")
    wv = g.opslag.wijkverband(g.wijkverband.id)
    with pytest.raises(ValueError, match="tussen 30 en 3650 dagen"):
        wv.bewaartermijn_dagen = 10
        wv.__post_init__()
    wv.bewaartermijn_dagen = 30
    g.opslag.bewaar_wijkverband(wv)
    assert not avg.toepassen(g.opslag, VANDAAG + timedelta(days=29), uitvoeren=False)[0]
    assert avg.toepassen(g.opslag, VANDAAG + timedelta(days=31), uitvoeren=False)[0]


def test_reservekopieen_van_voor_de_termijn_gaan_weg(tmp_path):
    g = bouw_opslag(tmp_path / "db")
    kopie = g.opslag.maak_reservekopie()
    oud = kopie.with_name("20240101-120000")
    oud.mkdir()
    (oud / "opslag.json").write_text("{}")
    gepland = avg.toepassen(g.opslag, VANDAAG, uitvoeren=False)[1]
    assert gepland == ["20240101-120000"] and oud.exists()
    assert avg.toepassen(g.opslag, VANDAAG)[1] == ["20240101-120000"]
    assert not oud.exists() and kopie.exists()
    assert not list(kopie.parent.glob(".weg-*"))


def test_dagelijks_een_keer_per_dag(tmp_path, monkeypatch):
    g = bouw_opslag(tmp_path / "db")
    keer = []
    echt = avg.toepassen
    monkeypatch.setattr(avg, "toepassen", lambda o, d, **k: keer.append(d) or echt(o, d, **k))
    avg.dagelijks(g.opslag, LATER)
    avg.dagelijks(g.opslag, LATER)
    avg.dagelijks(g.opslag, LATER + timedelta(days=1))
    assert keer == [LATER, LATER + timedelta(days=1)]
    assert not avg.toepassen(g.opslag, LATER, uitvoeren=False)[0]  # het is gedaan


def test_een_opdracht_die_bewaart_past_de_termijn_toe_een_lijst_niet(tmp_path, monkeypatch,
                                                                       capsys):
    g = bouw_opslag(tmp_path / "db")
    monkeypatch.setattr(opdrachtregel, "_vandaag", lambda: LATER)
    db = str(g.opslag.map)
    assert opdrachtregel.main(["signalen", "--db", db]) == 0
    assert not (Path(db) / avg.DAGMERK).exists()
    assert opdrachtregel.main(["opvolging", "--db", db]) == 0
    assert (Path(db) / avg.DAGMERK).exists()
    assert not avg.toepassen(Opslag(db), LATER, uitvoeren=False)[0]  # het is gedaan


def test_herstel_brengt_geen_geanonimiseerd_contact_terug(tmp_path, monkeypatch, capsys):
    g = bouw_opslag(tmp_path / "db")
    kopie = g.opslag.maak_reservekopie()  # nog met alle contacten, en jonger dan de termijn
    precies = VANDAAG + timedelta(days=365)  # wat op de vergaderdag sloot, is nu over tijd
    assert avg.toepassen(g.opslag, precies)[0]
    assert kopie.exists()
    monkeypatch.setattr(opdrachtregel, "_vandaag", lambda: precies)
    assert opdrachtregel.main(["herstel", kopie.name, "--db", str(g.opslag.map)]) == 0
    assert "opnieuw geanonimiseerd" in capsys.readouterr().out
    assert not avg.toepassen(Opslag(g.opslag.map), precies, uitvoeren=False)[0]


def _alle_bytes(map_: Path) -> bytes:
    return b"\n".join(p.read_bytes() for p in map_.rglob("*") if p.is_file())


def _staat_erin(tekst: str, ruw: bytes) -> bool:
    """Zoals hij geschreven is, of als JSON met \\u-codes."""
    return tekst.encode() in ruw or json.dumps(tekst)[1:-1].encode() in ruw


def test_inzage_en_verwijderen_op_verzoek_ook_uit_reservekopieen(tmp_path, monkeypatch):
    g = bouw_opslag(tmp_path / "db")
    naam = BEWONERS[0]  # contact bij een signaal en ook genoemd in tekst en notities
    vondsten = avg.inzage(g.opslag, naam)
    velden = {(v.soort, v.veld) for v in vondsten}
    assert ("signaal", "contact") in velden and ("signaal", "tekst") in velden
    assert ("vergadering", "notities") in velden
    oude_kopie = g.opslag.maak_reservekopie()
    assert _staat_erin(naam, _alle_bytes(g.opslag.map))
    gewijzigd, weg = avg.verwijder(g.opslag, naam, VANDAAG)
    assert gewijzigd >= 2 and oude_kopie.name in weg
    assert avg.inzage(g.opslag, naam) == []
    # Nergens meer: niet in de gegevens, niet in de reservekopieën, niet in de vingerafdruk.
    for deel in naam.split():
        assert not _staat_erin(deel, _alle_bytes(g.opslag.map)), deel
    assert len(g.opslag.reservekopieen()) == 1
    signalen = g.opslag.signalen(g.wijkverband.id)
    assert any("(melder: een bewoner)" in s.tekst for s in signalen)  # de naam in de tekst
    signaal = next(s for s in signalen if s.historie and "op verzoek" in s.historie[-1])
    assert signaal.historie[-1] == "23-11-2026: Gegevens van een bewoner verwijderd op verzoek."
    # Komt de naam terug (een herstel van een kopie van elders), dan wist het opnieuw.
    signaal.contact = Contact(naam, "06-99999999")
    g.opslag.bewaar_signaal(signaal)
    assert avg.herhaal_verwijderingen(g.opslag, VANDAAG) == 1
    assert avg.inzage(g.opslag, naam) == []


def test_opdrachtregel_avg(tmp_path, monkeypatch, capsys):
    g = bouw_opslag(tmp_path / "db")
    db = str(g.opslag.map)
    monkeypatch.setattr(opdrachtregel, "_vandaag", lambda: LATER)
    assert opdrachtregel.main(["avg", "--db", db]) == 0
    uit = capsys.readouterr().out
    assert "worden geanonimiseerd" in uit and "vergadering avg --uitvoeren" in uit
    assert _met_contact(g) and any(s.status != "nieuw" for s in _met_contact(g))
    assert opdrachtregel.main(["avg", "--uitvoeren", "--db", db]) == 0
    assert "zijn geanonimiseerd" in capsys.readouterr().out
    assert opdrachtregel.main(["avg", "--persoon", BEWONERS[1], "--json", "--db", db]) == 0
    assert BEWONERS[1] in capsys.readouterr().out
    assert opdrachtregel.main(["avg", "--persoon", BEWONERS[1], "--verwijder", "--db", db]) == 0
    assert "Een herstel brengt ze niet terug" in capsys.readouterr().out
    assert opdrachtregel.main(["avg", "--persoon", BEWONERS[1], "--db", db]) == 0
    assert "niets bewaard" in capsys.readouterr().out
    assert opdrachtregel.main(["avg", "--verwijder", "--db", db]) == 1
    assert "horen bij --persoon" in capsys.readouterr().err


async def test_de_app_past_de_termijn_toe_na_het_opstarten(tmp_path):
    """De app (zoals `vergadering` haar opent) wacht niet op de bewaartermijn: die loopt in
    een werkdraad nadat het overzicht er staat, met een eigen Opslag."""
    from schermen_gegevens import Klok
    from schermen_pilot import op_startscherm, wacht

    from schermen.app import VergaderingApp

    g = bouw_opslag(tmp_path / "db")
    assert avg.toepassen(g.opslag, LATER, uitvoeren=False)[0]
    app = VergaderingApp(Opslag(tmp_path / "db"), klok=Klok(), vandaag=LATER, avg=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await op_startscherm(pilot)
        await wacht(pilot, lambda: (tmp_path / "db" / avg.DAGMERK).exists())
    assert not avg.toepassen(Opslag(tmp_path / "db"), LATER, uitvoeren=False)[0]
