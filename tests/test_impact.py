"""Impact (issue 13): elke maat opnieuw uitgerekend uit de lijsten van de opdrachtregel
(`vergadering signalen/acties/vergaderingen --json`), op de demo en op gegenereerde gegevens,
en eigenschappen met hypothesis."""

from __future__ import annotations

import json
import statistics
import sys
from collections import Counter
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vergadering import impact, opdrachtregel
from vergadering.actie import Actie, StatusWijziging
from vergadering.demo import schrijf_demo
from vergadering.fouten import OngeldigeInvoer
from vergadering.opslag import Opslag
from vergadering.terugkoppeling import Terugkoppeling
from vergadering.vergadering import Vergadering
from vergadering.wijkverband import Wijkverband

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

VANDAAG = date(2026, 12, 6)


def _cli(capsys, *args: str) -> object:
    assert opdrachtregel.main(list(args)) == 0
    return json.loads(capsys.readouterr().out)


def _mediaan(waarden: list[int]) -> dict:
    return {"dagen": float(statistics.median(waarden)) if waarden else None, "n": len(waarden)}


def _aandeel(aantal: int, n: int) -> dict:
    return {"aantal": aantal, "n": n, "procent": round(100 * aantal / n, 1) if n else None}


def _herbereken(sig, act, verg, opslag: Opslag, wv: Wijkverband, van: date, tot: date,
                vandaag: date) -> dict:
    """De maten uit de lijsten, zo direct mogelijk; alleen de top 5 van een vergadering en de
    historie van een actie staan niet in de lijsten: die komen uit de opslag."""
    d = date.fromisoformat
    s = [r for r in sig if van <= d(r["datum"]) <= tot]
    eigen = [r for r in s if r["status"] != "gebundeld"]
    top5_datum: dict[str, list[date]] = {}
    for v in opslag.vergaderingen(wv.id):
        for sid in v.top5:
            top5_datum.setdefault(sid, []).append(v)
    per_sig: dict[str, list[dict]] = {}
    for a in act:
        for sid in a["signalen"]:
            per_sig.setdefault(sid, []).append(a)
    top5 = [r for r in eigen if r["id"] in top5_datum]
    actie = [r for r in top5 if r["id"] in per_sig]
    gereed = [r for r in actie if any(a["status"] == "gereed" for a in per_sig[r["id"]])]
    a_per = [a for a in act if van <= d(a["besloten_op"]) <= tot]
    historie = {a.id: a for a in opslag.acties(wv.id)}
    gereed_dagen, stap, check = [], [0, 0], [0, 0]
    for a in a_per:
        h = historie[a["id"]].historie
        besluit = d(a["besloten_op"])
        if a["status"] == "gereed":
            gereed_op = [w.moment.date() for w in h if w.status == "gereed"]
            gereed_dagen.append(max(0, ((gereed_op or [besluit])[-1] - besluit).days))
        gezet = next((w.moment.date() for w in h if w.status in ("loopt", "gereed")), None)
        if gezet or d(a["eerste_stap_datum"]) < vandaag:
            stap[1] += 1
            stap[0] += bool(gezet and gezet <= d(a["eerste_stap_datum"]))
        if d(a["checkmoment"]) < vandaag:
            check[1] += 1
            check[0] += any(besluit < w.moment.date() <= d(a["checkmoment"]) for w in h)
    met_tk = sorted((v for v in verg if v["gesloten"] and v["volgende_update"] and v["kanaal"]),
                    key=lambda v: v["datum"])
    gesloten = [v for v in verg if v["gesloten"] and van <= d(v["datum"]) <= tot]
    beloofd = [(i, v) for i, v in enumerate(met_tk) if van <= d(v["datum"]) <= tot
               and d(v["volgende_update"]) < vandaag]
    op_tijd = sum(1 for i, v in beloofd if any(
        v["datum"] < w["datum"] <= v["volgende_update"] for w in met_tk[i + 1:i + 2]))
    tk_datum = {v["id"]: d(v["datum"]) for v in met_tk}
    eerste = {sid: min(tk_datum[v.id] for v in vs if v.id in tk_datum)
              for sid, vs in top5_datum.items() if any(v.id in tk_datum for v in vs)}
    buurt = Counter(r["buurt"] or impact.BUURT_ONBEKEND for r in s)
    bekend = {b: n for b, n in buurt.items() if b != impact.BUURT_ONBEKEND}
    return {
        "signalen": len(s),
        "bewoners": sum(r["aantal"] for r in s),
        "per_vorm": dict(Counter(r["vorm"] for r in s)),
        "per_buurt": dict(buurt),
        "per_thema": dict(Counter(r["thema"] or impact.THEMA_ONBEKEND for r in s)),
        "per_maand": {m: n for m, n in Counter(r["datum"][:7] for r in s).items()},
        "stille_buurten": [b for b in wv.buurten if not buurt.get(b)],
        "concentratie": _aandeel(max(bekend.values(), default=0), len(s)),
        # Elke buurt met een naam: die van het wijkverband (ook met 0) en die van signalen.
        "per_1000_inwoners": {
            b: {"signalen": buurt.get(b, 0), "inwoners": wv.inwoners.get(b),
                "per_1000": round(buurt.get(b, 0) / wv.inwoners[b] * 1000, 1)
                if b in wv.inwoners else None}
            for b in [*wv.buurten, *bekend]},
        "buurt_onbekend": _aandeel(buurt.get(impact.BUURT_ONBEKEND, 0), len(s)),
        "trechter": [len(eigen), len(top5), len(actie), len(gereed)],
        "signaal_tot_besluit": _mediaan([
            max(0, (min(d(a["besloten_op"]) for a in per_sig[r["id"]]) - d(r["datum"])).days)
            for r in actie]),
        "besluit_tot_gereed": _mediaan(gereed_dagen),
        "vastgelopen": sum(a["status"] == "vastgelopen" for a in a_per),
        "gestopt": sum(a["status"] == "gestopt" for a in a_per),
        "redenen": dict(Counter(a["toelichting"] or impact.GEEN_REDEN for a in a_per
                                if a["status"] in ("vastgelopen", "gestopt"))),
        "eerste_stap_op_tijd": _aandeel(*stap),
        "checkmoment_op_tijd": _aandeel(*check),
        "met_terugkoppeling": _aandeel(
            sum(1 for v in gesloten if v["volgende_update"] and v["kanaal"]), len(gesloten)),
        "updates_op_tijd": _aandeel(op_tijd, len(beloofd)),
        "signaal_tot_terugkoppeling": _mediaan([
            max(0, (eerste[r["id"]] - d(r["datum"])).days) for r in eigen if r["id"] in eerste]),
        "kanalen": dict(Counter(v["kanaal"] for v in gesloten
                                if v["volgende_update"] and v["kanaal"])),
    }


def _zonder_nullen(d: dict[str, int]) -> dict[str, int]:
    return {k: v for k, v in d.items() if v}


def _vergelijk(uit: dict, verwacht: dict) -> None:
    b, r, dw, t = (uit["bereik"], uit["representativiteit"], uit["doorwerking"],
                   uit["terugkoppeling"])
    assert b["signalen"] == b["n"] == verwacht["signalen"]
    assert b["bewoners"] == verwacht["bewoners"]
    for sleutel in ("per_vorm", "per_buurt", "per_thema"):
        assert _zonder_nullen(b[sleutel]["aantallen"]) == verwacht[sleutel], sleutel
        assert sum(b[sleutel]["aantallen"].values()) == b[sleutel]["n"] == b["n"]
    assert impact.BUURT_ONBEKEND in b["per_buurt"]["aantallen"]  # altijd zichtbaar
    assert {m["maand"]: m["signalen"] for m in b["per_maand"] if m["signalen"]} == \
        verwacht["per_maand"]
    assert r["stille_buurten"] == verwacht["stille_buurten"]
    assert r["concentratie"] == verwacht["concentratie"]
    assert r["buurt_onbekend"] == verwacht["buurt_onbekend"]
    assert r["per_1000_inwoners"] == verwacht["per_1000_inwoners"]
    assert [s["aantal"] for s in dw["trechter"]] == verwacht["trechter"]
    for sleutel in ("signaal_tot_besluit", "besluit_tot_gereed", "eerste_stap_op_tijd",
                    "checkmoment_op_tijd"):
        assert dw[sleutel] == verwacht[sleutel], sleutel
    assert dw["vastgelopen"]["aantal"] == verwacht["vastgelopen"]
    assert dw["gestopt"]["aantal"] == verwacht["gestopt"]
    assert dw["redenen"]["aantallen"] == verwacht["redenen"]
    for sleutel in ("met_terugkoppeling", "updates_op_tijd", "signaal_tot_terugkoppeling"):
        assert t[sleutel] == verwacht[sleutel], sleutel
    assert t["kanalen"]["aantallen"] == verwacht["kanalen"]


def _controleer_map(capsys, monkeypatch, map_: Path, vandaag: date, periodes: list[str]) -> None:
    monkeypatch.setattr(opdrachtregel, "_vandaag", lambda: vandaag)
    opslag = Opslag(map_)
    for wv in opslag.wijkverbanden():
        sig, act, verg = (_cli(capsys, soort, "--wijkverband", wv.id, "--json", "--db", str(map_))
                          for soort in ("signalen", "acties", "vergaderingen"))
        for naam in periodes:
            uit = _cli(capsys, "impact", "--wijkverband", wv.id, "--periode", naam, "--json",
                       "--db", str(map_))
            p = uit["periode"]
            verwacht = _herbereken(sig, act, verg, opslag, wv, date.fromisoformat(p["van"]),
                                   date.fromisoformat(p["tot"]), vandaag)
            _vergelijk(uit["wijkverbanden"][0], verwacht)


@pytest.fixture(scope="module")
def demomap(tmp_path_factory: pytest.TempPathFactory) -> Path:
    map_ = tmp_path_factory.mktemp("impactdemo")
    schrijf_demo(Opslag(map_), VANDAAG)
    return map_


def test_de_demo_klopt_met_de_lijsten(demomap, capsys, monkeypatch):
    _controleer_map(capsys, monkeypatch, demomap, VANDAAG, ["12m", "2026", "2026-Q3", "2025"])


def test_gegenereerde_gegevens_kloppen_met_de_lijsten(tmp_path, capsys, monkeypatch):
    from bench.tienjaar import maak

    maak(tmp_path / "g", jaren=2, wijkverbanden=2, seed=7)
    vandaag = date.today()  # tienjaar.maak zet zijn tijdlijn op vandaag
    _controleer_map(capsys, monkeypatch, tmp_path / "g", vandaag, ["12m", "24m", "3m",
                                                                    str(vandaag.year)])


def test_de_demo_laat_iets_zien(demomap):
    """Een buurt die stil blijft, een actie die vastliep, een update die te laat kwam."""
    [i] = impact.impact(Opslag(demomap), VANDAAG)
    assert i.representativiteit.stille_buurten == ["Vlietzoom"]
    assert i.doorwerking.vastgelopen.aantal >= 1
    assert i.terugkoppeling.updates_te_laat >= 1
    assert "Vlietzoom: 0 signalen in 6 maanden" in i.meldingen
    regels = dict((p, (r, w)) for p, r, w in impact.startregels(i))
    assert list(regels) == list(impact.PIJNEN)
    assert regels["terugkoppeling"][1] == "2 beloofde updates te laat"


@pytest.mark.parametrize(("tekst", "van", "tot"), [
    (None, date(2026, 1, 1), VANDAAG),
    ("12m", date(2026, 1, 1), VANDAAG),
    ("6m", date(2026, 7, 1), VANDAAG),
    ("2025", date(2025, 1, 1), date(2025, 12, 31)),
    ("2026-Q3", date(2026, 7, 1), date(2026, 9, 30)),
    ("2026-q4", date(2026, 10, 1), date(2026, 12, 31)),
    ("2024-Q1", date(2024, 1, 1), date(2024, 3, 31)),
])
def test_periodes(tekst, van, tot):
    p = impact.periode(tekst, VANDAAG)
    assert (p.van, p.tot) == (van, tot)


@pytest.mark.parametrize("tekst", ["2026-Q5", "vorig jaar", "0m", "12", "-3m", "2026Q"])
def test_onbekende_periode_is_een_nederlandse_fout(tekst):
    with pytest.raises(OngeldigeInvoer, match="periode|maanden|jaar"):
        impact.periode(tekst, VANDAAG)


def test_opdrachtregel_fout_is_een_zin_met_code_1(demomap, capsys):
    assert opdrachtregel.main(["impact", "--periode", "gisteren", "--db", str(demomap)]) == 1
    fout = capsys.readouterr().err.strip()
    assert fout.count("\n") == 0 and "geen periode" in fout and "Traceback" not in fout
    assert opdrachtregel.main(["impact", "--wijkverband", "Nergens", "--db",
                               str(demomap)]) == 1
    assert "Nergens" in capsys.readouterr().err


def test_tekst_op_de_terminal(demomap, capsys, monkeypatch):
    monkeypatch.setattr(opdrachtregel, "_vandaag", lambda: VANDAAG)
    assert opdrachtregel.main(["impact", "--db", str(demomap)]) == 0
    uit = capsys.readouterr().out
    for kop in ("Bereik:", "Representativiteit (n = ", "Doorwerking", "Terugkoppeling",
                "buurt onbekend 0", "Let op: Vlietzoom: 0 signalen in 6 maanden."):
        assert kop in uit


# --- eigenschappen ---------------------------------------------------------------------

WV = Wijkverband(id="wv", naam="Wv", buurten=["Noord", "Zuid", "Oost"], themas=["groen"],
                 inwoners={"Noord": 1200, "Oost": 3})
_DAGEN = st.integers(min_value=-800, max_value=0).map(lambda n: VANDAAG + timedelta(days=n))


@st.composite
def _gegevens(draw) -> impact.Gegevens:
    n = draw(st.integers(0, 25))
    signalen = [impact.SignaalRij(
        f"s{i}", draw(_DAGEN), draw(st.sampled_from(["A", "B", "C", "D", "overig"])),
        draw(st.sampled_from(["", "groen", "afval"])),
        draw(st.sampled_from(["", "Noord", "Zuid", "Elders"])), draw(st.integers(1, 50)),
        draw(st.sampled_from(["nieuw", "gekozen", "geparkeerd", "gebundeld", "afgehandeld"])))
        for i in range(n)]
    ids = [s.id for s in signalen]
    acties = []
    for i in range(draw(st.integers(0, 6))):
        besluit = draw(_DAGEN)
        status = draw(st.sampled_from(["gepland", "loopt", "gereed", "vastgelopen", "gestopt"]))
        a = Actie(f"a{i}", "wv", i + 1, "Iets doen", "Ans", besluit,
                  signalen=draw(st.lists(st.sampled_from(ids), max_size=2)) if ids else [],
                  status=status)
        a.historie = [StatusWijziging(datetime.combine(besluit, datetime.min.time())
                                      + timedelta(days=draw(st.integers(0, 90))), status, "x")]
        acties.append(a)
    vergaderingen = []
    for i in range(draw(st.integers(0, 6))):
        dag = draw(_DAGEN)
        v = Vergadering(f"v{i}", "wv", dag, top5=draw(st.lists(st.sampled_from(ids), max_size=5))
                        if ids else [])
        if draw(st.booleans()):
            v.gesloten_op = datetime.combine(dag, datetime.min.time())
            v.terugkoppeling = Terugkoppeling(
                volgende_update=dag + timedelta(days=draw(st.integers(1, 60))),
                kanaal=draw(st.sampled_from(["", "nieuwsbrief", "inloop"])))
        vergaderingen.append(v)
    return impact.Gegevens(WV, signalen, impact.actierijen(acties),
                           impact.vergaderingrijen(sorted(vergaderingen, key=lambda v: v.datum)))


def _aandelen(i: impact.Impact) -> list[impact.Aandeel]:
    d, r, t = i.doorwerking, i.representativiteit, i.terugkoppeling
    return [*(a for _, a in d.trechter), *r.aandeel_vorm.values(), r.concentratie,
            r.buurt_onbekend, d.vastgelopen, d.gestopt, d.eerste_stap_op_tijd,
            d.checkmoment_op_tijd, t.met_terugkoppeling, t.updates_op_tijd]


_INSTELLING = settings(max_examples=60, deadline=None,
                       suppress_health_check=[HealthCheck.too_slow])


@_INSTELLING
@given(_gegevens(), st.sampled_from(["12m", "3m", "2026", "2025-Q4", "2026-Q2"]))
def test_trechter_stijgt_nooit_en_percentages_liggen_tussen_0_en_100(g, naam):
    i = impact.bereken(g, impact.periode(naam, VANDAAG), VANDAAG)
    stappen = [a.aantal for _, a in i.doorwerking.trechter]
    assert stappen == sorted(stappen, reverse=True)
    for a in _aandelen(i):
        assert 0 <= a.aantal <= a.n
        assert a.procent is None or 0 <= a.procent <= 100
    b = i.bereik
    assert sum(b.per_buurt.values()) == sum(b.per_vorm.values()) == b.signalen
    assert sum(n for _, n, _ in b.per_maand) == b.signalen
    # Per 1.000 inwoners: alleen met een inwonertal, nooit negatief; samen met 'buurt
    # onbekend' zijn het alle signalen.
    per = i.representativiteit.per_inwoners
    assert sum(p.signalen for p in per) + b.per_buurt[impact.BUURT_ONBEKEND] == b.signalen
    for p in per:
        assert (p.per_1000 is None) == (p.inwoners is None)
        assert p.per_1000 is None or p.per_1000 >= 0
    json.dumps(impact.als_json(i))  # alles is JSON


@_INSTELLING
@given(_gegevens(), _DAGEN, st.integers(1, 100), st.sampled_from(["", "Noord", "Oost"]))
def test_een_signaal_erbij_verlaagt_het_bereik_nooit(g, dag, aantal, buurt):
    p = impact.periode("24m", VANDAAG)
    voor = impact.bereken(g, p, VANDAAG).bereik
    g.signalen.append(impact.SignaalRij("nieuw", dag, "A", "groen", buurt, aantal, "nieuw"))
    na = impact.bereken(g, p, VANDAAG).bereik
    assert na.signalen >= voor.signalen and na.bewoners >= voor.bewoners
    assert all(na.per_buurt.get(k, 0) >= n for k, n in voor.per_buurt.items())
    assert all(n2 >= n1 for (_, n1, _), (_, n2, _) in zip(voor.per_maand, na.per_maand,
                                                          strict=True))
