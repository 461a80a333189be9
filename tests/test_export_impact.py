"""Het jaarverslag impact.docx (issue 13): per pijn een grafiek, een tabel en twee zinnen."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, date, datetime
from pathlib import Path

import docx
import pytest

from vergadering import impact, opdrachtregel
from vergadering.demo import schrijf_demo
from vergadering.export import impact as verslag
from vergadering.opslag import Opslag
from vergadering.wijkverband import Wijkverband

VANDAAG = date(2026, 12, 6)
NU = datetime(2026, 12, 6, 10, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def demomap(tmp_path_factory: pytest.TempPathFactory) -> Path:
    map_ = tmp_path_factory.mktemp("impactexport")
    schrijf_demo(Opslag(map_), VANDAAG)
    return map_


def _tekst(pad: Path) -> tuple[docx.document.Document, str]:
    d = docx.Document(str(pad))
    delen = [p.text for p in d.paragraphs]
    delen += [c.text for t in d.tables for r in t.rows for c in r.cells]
    return d, "\n".join(delen)


def test_vier_pijnen_met_grafiek_tabel_en_zinnen_uit_de_cijfers(demomap, tmp_path):
    opslag = Opslag(demomap)
    [wv] = opslag.wijkverbanden()
    pad = verslag.exporteer_impact(opslag, wv, "2026", tmp_path, VANDAAG, NU)
    assert pad == tmp_path / "impact.docx"
    d, tekst = _tekst(pad)
    koppen = [p.text for p in d.paragraphs if p.style.name == "Heading 1"]
    assert koppen == ["Bereik van bewoners", "Spiegel van de wijk", "Doorwerking in acties",
                      "Terugkoppeling: wat is ermee gedaan?"]
    assert len(d.inline_shapes) == 4
    assert len(d.tables) >= 4
    [i] = impact.impact(opslag, VANDAAG, "2026")
    b = i.bereik
    assert (f"In 2026 kwamen {b.signalen} signalen binnen van naar schatting {b.bewoners} "
            "bewoners;") in tekst
    assert "Uit Vlietzoom kwam niets." in tekst
    n, top5, actie, gereed = (a.aantal for _, a in i.doorwerking.trechter)
    assert (f"Van de {n} signalen kwamen er {top5} in een top 5, werden er {actie} een actie "
            f"en is bij {gereed} de actie gereed.") in tekst
    u = i.terugkoppeling.updates_op_tijd
    assert f"{u.aantal} van de {u.n} beloofde updates kwamen op tijd" in tekst
    # Twee zinnen per pijn, elk met een punt erachter en zonder dubbele leestekens.
    for maak in (verslag.zinnen_bereik, verslag.zinnen_spiegel, verslag.zinnen_doorwerking,
                 verslag.zinnen_terugkoppeling):
        zinnen = maak(i)
        assert len(zinnen) == 2
        for z in zinnen:
            assert z.endswith(".") and ".." not in z and " ;" not in z
            assert z[0].isupper() or z[0].isdigit()


def test_signalen_per_1000_inwoners_in_tabel_en_zin(demomap, tmp_path):
    opslag = Opslag(demomap)
    [wv] = opslag.wijkverbanden()
    assert wv.inwoners and set(wv.buurten) - set(wv.inwoners)  # bekend en onbekend
    d, tekst = _tekst(verslag.exporteer_impact(opslag, wv, "2026", tmp_path, VANDAAG, NU))
    [i] = impact.impact(opslag, VANDAAG, "2026")
    tabel = next(t for t in d.tables if t.rows[0].cells[-1].text == "Per 1.000 inwoners")
    rijen = {r.cells[0].text: [c.text for c in r.cells[1:]] for r in tabel.rows[1:]}
    for p in i.representativiteit.per_inwoners:
        _, inwoners, per_1000 = rijen[p.buurt][1:]
        if p.inwoners is None:
            assert (inwoners, per_1000) == ("onbekend", "onbekend")
        else:
            # Uit de getallen in de tabel zelf nagerekend.
            n = int(rijen[p.buurt][0])
            assert int(inwoners.replace(".", "")) == p.inwoners
            assert float(per_1000.replace(",", ".")) == round(1000 * n / p.inwoners, 1)
    assert rijen[impact.BUURT_ONBEKEND][2:] == ["–", "–"]
    assert verslag.zin_inwoners(i) in tekst
    assert verslag.zin_inwoners(i).startswith("Naar het aantal inwoners gerekend kwamen de "
                                              "meeste signalen uit ")


def test_zonder_inwoners_geen_kolom_en_geen_zin(tmp_path):
    wv = Wijkverband(id="w", naam="W", buurten=["Noord", "Zuid"])
    sig = [impact.SignaalRij("s1", VANDAAG, "A", "", "Noord", 2, "nieuw")]
    i = impact.bereken(impact.Gegevens(wv, sig, [], []), impact.periode("12m", VANDAAG),
                       VANDAAG)
    verslag.schrijf(i, tmp_path / "impact.docx", NU)
    d, tekst = _tekst(tmp_path / "impact.docx")
    assert "inwoners" not in " ".join(c.text for t in d.tables for c in t.rows[0].cells)
    assert verslag.zin_inwoners(i) == "" and "Naar het aantal inwoners" not in tekst


def test_geen_contactgegevens_van_bewoners(demomap, tmp_path):
    opslag = Opslag(demomap)
    [wv] = opslag.wijkverbanden()
    _, tekst = _tekst(verslag.exporteer_impact(opslag, wv, "12m", tmp_path, VANDAAG, NU))
    contacten = [s.contact for s in opslag.signalen(wv.id) if s.contact]
    assert contacten
    for c in contacten:
        for deel in (c.naam, c.gegevens):
            assert not deel or deel not in tekst


def test_leeg_wijkverband_geeft_een_leesbaar_verslag(tmp_path):
    wv = Wijkverband(id="leeg", naam="Leeg", buurten=["Noord"])
    i = impact.bereken(impact.Gegevens(wv, [], [], []), impact.periode("12m", VANDAAG),
                       VANDAAG)
    verslag.schrijf(i, tmp_path / "impact.docx", NU)
    _, tekst = _tekst(tmp_path / "impact.docx")
    assert "In de laatste 12 maanden kwamen 0 signalen binnen van naar schatting 0 bewoners." \
        in tekst
    assert "Er is nog geen actie gereed" in tekst


def test_opdrachtregel(demomap, tmp_path, capsys):
    assert opdrachtregel.main(["export", "--impact", "--periode", "2026-Q3", "--map",
                               str(tmp_path), "--db", str(demomap)]) == 0
    assert capsys.readouterr().out.strip() == str((tmp_path / "impact.docx").absolute())
    for args in (["export", "--periode", "2026"], ["export", "--impact", "--alleen", "verslag"],
                 ["export", "--impact", "--periode", "Q3"]):
        assert opdrachtregel.main([*args, "--map", str(tmp_path), "--db", str(demomap)]) == 1
        fout = capsys.readouterr().err.strip()
        assert fout.count("\n") == 0 and "Traceback" not in fout


def test_matplotlib_pas_bij_deze_export():
    code = ("import sys, vergadering.opdrachtregel, vergadering.impact, vergadering.export, "
            "vergadering.export.impact, schermen.impact; "
            "assert 'matplotlib' not in sys.modules, 'matplotlib geladen'")
    subprocess.run([sys.executable, "-c", code], check=True)


# --- privacycheck (zoals het mapje) ------------------------------------------------------

def _wijkverband_met_persoonsgegevens(map_: Path, reden: str) -> Opslag:
    """Een bewoner met contact; zijn naam, nummer en adres getypt in een signaaltekst, een
    buurtnaam, een thema en de reden van een vastgelopen actie."""
    from vergadering.actie import Actie, StatusWijziging
    from vergadering.signaal import Contact, Signaal

    opslag = Opslag(map_)
    opslag.bewaar_wijkverband(Wijkverband(id="wv", naam="De Hoven", buurten=["Molenhoek"],
                                          inwoners={"Molenhoek": 1200}))
    dag = date(2026, 10, 5)
    contact = Contact("Pieter Zwanenburg", "06-12345678 · Lindelaan 14")
    signalen = [
        Signaal(opslag.nieuw_signaal_id("wv", dag), "wv",
                "Bel Pieter Zwanenburg op 06-12345678 over de kapotte stoep", dag,
                vorm="A", buurt="Lindelaan 14 bij Pieter Zwanenburg", contact=contact),
        Signaal(opslag.nieuw_signaal_id("wv", dag), "wv", "Te hard gereden", dag, vorm="B",
                buurt="Molenhoek", thema="zwanenburg@voorbeeld.example"),
    ]
    for s in signalen:
        opslag.bewaar_signaal(s)
    actie = Actie("a1", "wv", 1, "Stoep laten maken", "Gemeente", dag,
                  signalen=[signalen[0].id], status="vastgelopen")
    actie.historie = [StatusWijziging(datetime(2026, 10, 20, 12), "vastgelopen", reden)]
    opslag.bewaar_actie(actie)
    return opslag


PRIVÉ = ("Pieter", "Zwanenburg", "06-12345678", "Lindelaan 14", "zwanenburg@")


def test_persoonsgegevens_uit_signaal_buurt_thema_en_reden_komen_er_niet_in(
        tmp_path, monkeypatch):
    opslag = _wijkverband_met_persoonsgegevens(
        tmp_path / "db", "Pieter Zwanenburg (06-12345678) wil niet meer meedoen")
    wv = opslag.wijkverband("wv")
    # Wat er in de grafieken komt (plaatjes: de tekst van het document ziet ze niet).
    labels: list[str] = []
    echt = verslag._grafiek
    monkeypatch.setattr(verslag, "_grafiek", lambda titel, namen, waarden, **k: (
        labels.extend([titel, *namen]), echt(titel, namen, waarden, **k))[1])
    # Alleen vaste vondsten (contact, nummer, e-mail): geen keuze nodig, ze gaan er altijd uit.
    pad = verslag.exporteer_impact(opslag, wv, "2026", tmp_path / "uit", VANDAAG, NU)
    _, tekst = _tekst(pad)
    assert "Molenhoek" in tekst and "wil niet meer meedoen" in tekst
    for privé in PRIVÉ:
        assert privé not in tekst, privé
        assert not any(privé in label for label in labels), privé
    assert any("Molenhoek" in label for label in labels)


def test_onbesliste_vondst_stopt_de_export_zoals_bij_het_mapje(tmp_path, capsys):
    from vergadering.privacycheck import PrivacyOnbeslist

    opslag = _wijkverband_met_persoonsgegevens(tmp_path / "db",
                                               "Mevrouw Jansen van nummer 3 wil het niet")
    wv = opslag.wijkverband("wv")
    with pytest.raises(PrivacyOnbeslist) as fout:
        verslag.exporteer_impact(opslag, wv, "2026", tmp_path / "uit", VANDAAG, NU)
    assert [v.tekst for v in fout.value.vondsten] == ["Mevrouw Jansen"]
    assert not (tmp_path / "uit" / "impact.docx").exists()

    # Op de opdrachtregel: code 1, de vondst en wat te doen op stderr, niets geschreven.
    args = ["export", "--impact", "--periode", "2026", "--map", str(tmp_path / "uit"),
            "--db", str(tmp_path / "db")]
    assert opdrachtregel.main(args) == 1
    fout_tekst = capsys.readouterr().err
    assert 'aanspreekvorm "Mevrouw Jansen" (reden bij een actie' in fout_tekst
    assert "--privacy-akkoord" in fout_tekst and "Traceback" not in fout_tekst
    assert not (tmp_path / "uit" / "impact.docx").exists()

    # Na controle: --privacy-akkoord laat het onbesliste staan, de vaste vondsten niet.
    assert opdrachtregel.main([*args, "--privacy-akkoord"]) == 0
    _, tekst = _tekst(tmp_path / "uit" / "impact.docx")
    assert "Mevrouw Jansen" in tekst
    assert not any(privé in tekst for privé in PRIVÉ)


def test_keuze_maskeren_uit_een_vergadering_geldt_ook_hier(tmp_path):
    from vergadering.persoonsgegevens import sleutel
    from vergadering.privacy import MASKEREN
    from vergadering.vergadering import Vergadering

    opslag = _wijkverband_met_persoonsgegevens(tmp_path / "db",
                                               "Mevrouw Jansen van nummer 3 wil het niet")
    v = Vergadering("v1", "wv", date(2026, 11, 3))
    v.privacykeuzes = {sleutel("Mevrouw Jansen"): MASKEREN}
    opslag.bewaar_vergadering(v)
    wv = opslag.wijkverband("wv")
    _, tekst = _tekst(verslag.exporteer_impact(opslag, wv, "2026", tmp_path, VANDAAG, NU))
    assert "Jansen" not in tekst and "van nummer 3 wil het niet" in tekst
