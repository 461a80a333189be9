"""De opdrachtregel, zoals een script of een beheerder hem gebruikt: in een eigen proces.

Uitgangscodes 0/1/2, Nederlandse meldingen op stderr zonder traceback, JSON die te lezen
is en geen contactgegevens bevat, en een signaal dat na exit 0 echt op schijf staat
(gelezen met een nieuwe ``Opslag``). Een paar tests roepen ``main()`` in hetzelfde proces
aan, waar een subproces niet kan (de app openen, een onverwachte fout uitlokken).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from schermen import voorkant
from vergadering import __version__, opdrachtregel
from vergadering.demo import schrijf_demo
from vergadering.opslag import Opslag

WV = "Wijkverband De Hoven-Noord"
ENGELS = ("usage:", "options:", "show this help", "positional arguments", "subcommands",
          "error:", "default:", "required", "invalid", "expected", "unrecognized")


def vergadering(*args: str, env: dict[str, str] | None = None,
                timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """Draai `python -m vergadering ARGS` met een schone omgeving (geen VERGADERING_DB)."""
    omgeving = {k: v for k, v in os.environ.items()
                if k not in ("VERGADERING_DB", "VERGADERING_DEBUG")}
    omgeving.update(env or {})
    uit = subprocess.run(
        [sys.executable, "-m", "vergadering", *args],
        capture_output=True, env=omgeving, timeout=timeout,
        encoding="utf-8", errors="surrogateescape",
    )
    # Nooit een traceback of een onverwachte fout, wat er ook misgaat.
    assert "Traceback" not in uit.stderr, uit.stderr
    assert "onverwachts" not in uit.stderr, uit.stderr
    return uit


def een_zin(stderr: str, *, engels_verboden: bool = True) -> str:
    """De foutmelding: één regel, beginnend met 'vergadering', in het Nederlands."""
    regels = [r for r in stderr.splitlines() if r.strip()]
    assert len(regels) == 1, stderr
    assert regels[0].startswith("vergadering: "), stderr
    zonder_paden = " ".join(w for w in regels[0].lower().split() if "/" not in w)
    engels = ("error", "permission", "denied", "no such", "not a directory", "file exists")
    assert not (engels_verboden and any(w in zonder_paden for w in engels)), stderr
    return regels[0]


@pytest.fixture(scope="module")
def demomap(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Eén demo-opslag voor de tests die alleen lezen."""
    map_ = tmp_path_factory.mktemp("cli") / "demo"
    schrijf_demo(Opslag(map_), date.today())
    return map_


@pytest.fixture
def kopie(demomap: Path, tmp_path: Path) -> Path:
    """Een eigen kopie van de demo, voor tests die schrijven."""
    doel = tmp_path / "opslag"
    shutil.copytree(demomap, doel)
    return doel


# --- versie en hulp -----------------------------------------------------------------


def test_versie():
    uit = vergadering("--version")
    assert uit.returncode == 0
    assert uit.stdout.strip() == f"vergadering {__version__}"


def test_het_commando_zelf_werkt_ook():
    commando = Path(sys.executable).with_name("vergadering")
    if not commando.exists():
        pytest.skip("het commando `vergadering` is niet geïnstalleerd naast deze Python")
    uit = subprocess.run([str(commando), "--version"], capture_output=True, text=True,
                         timeout=60)
    assert uit.returncode == 0 and __version__ in uit.stdout


@pytest.mark.parametrize("opdracht", [
    [], ["demo"], ["signaal"], ["signalen"], ["acties"], ["vergaderingen"], ["export"],
    ["reservekopie"], ["herstel"],
])
def test_hulp_bij_elke_opdracht_in_het_nederlands(opdracht):
    uit = vergadering(*opdracht, "--help")
    assert uit.returncode == 0, uit.stderr
    assert uit.stdout.startswith("gebruik: vergadering"), uit.stdout[:80]
    assert "toon deze hulp en stop" in uit.stdout
    assert "--db MAP" in uit.stdout
    tekst = uit.stdout.lower()
    assert not [w for w in ENGELS if w in tekst], uit.stdout


def test_hulp_noemt_de_opties_van_signaal():
    uit = vergadering("signaal", "--help")
    for optie in ("--wijkverband NAAM", "--vorm", "--thema", "--buurt", "--aantal N",
                  "argumenten:", "opties:"):
        assert optie in uit.stdout


# --- verkeerd gebruik: 2 ------------------------------------------------------------


@pytest.mark.parametrize("args, verwacht", [
    (["onzin"], "'onzin' kan niet; kies uit"),
    (["signaal", "tekst"], "dit ontbreekt nog: --wijkverband"),
    (["signaal", "--wijkverband", WV], "dit ontbreekt nog: tekst"),
    (["signaal", "x", "--wijkverband", WV, "--aantal", "drie"], "'drie' is geen geheel getal"),
    (["signaal", "x", "--wijkverband", WV, "--aantal", "0"], "tussen 1 en 100.000"),
    (["signaal", "x", "--wijkverband", WV, "--aantal", "-4"], "tussen 1 en 100.000"),
    (["signaal", "x", "--wijkverband", WV, "--aantal", "100001"], "tussen 1 en 100.000"),
    (["signaal", "x", "--wijkverband", WV, "--aantal"], "hier hoort een waarde bij"),
    (["signaal", "x", "--wijkverband", WV, "--vorm", "E"], "'E' kan niet; kies uit"),
    (["signaal", "x", "--wijkverband", WV, "--datum", "gisteren?"], "geen datum"),
    (["signalen", "--kleur"], "dit is onbekend: --kleur"),
    (["acties", "--json", "extra"], "dit is onbekend: extra"),
    (["--db", "", "signalen"], "geef een map op"),
])
def test_verkeerd_gebruik_geeft_2_en_een_nederlandse_uitleg(args, verwacht, kopie):
    voor = len(Opslag(kopie).signalen())
    uit = vergadering(*args, "--db", str(kopie)) if "--db" not in args else vergadering(*args)
    assert uit.returncode == 2, (uit.stdout, uit.stderr)
    assert verwacht in uit.stderr, uit.stderr
    assert "Zie `vergadering" in uit.stderr and "--help`" in uit.stderr
    assert not [w for w in ENGELS if w in uit.stderr.lower()], uit.stderr
    assert uit.stdout == ""
    assert len(Opslag(kopie).signalen()) == voor  # niets geschreven


# --- signaal toevoegen --------------------------------------------------------------


def test_signaal_staat_op_schijf_als_het_kenmerk_getoond_wordt(kopie):
    uit = vergadering("signaal", "Stoep in de Eikenstraat ligt open", "--wijkverband",
                      "wijkverband de hoven-noord", "--vorm", "b", "--thema", "wonen",
                      "--buurt", "Kastanjebuurt", "--aantal", "4", "--db", str(kopie))
    assert uit.returncode == 0, uit.stderr
    kenmerk = uit.stdout.strip()
    assert uit.stderr == ""
    opslag = Opslag(kopie)  # nieuw, niets uit het geheugen van het proces
    wv = opslag.wijkverband(WV)
    s = opslag.signaal(wv.id, kenmerk)
    assert (s.tekst, s.vorm, s.thema, s.buurt, s.aantal, s.status, s.datum) == (
        "Stoep in de Eikenstraat ligt open", "B", "wonen", "Kastanjebuurt", 4, "nieuw",
        date.today())
    assert s.contact is None


def test_db_voor_de_opdracht_en_de_omgevingsvariabele_werken_ook(kopie, tmp_path):
    leeg = tmp_path / "leeg"
    leeg.mkdir()
    voor = vergadering("--db", str(kopie), "signaal", "Via --db vooraan", "--wijkverband", WV)
    assert voor.returncode == 0, voor.stderr
    via_env = vergadering("signaal", "Via de omgeving", "--wijkverband", WV,
                          env={"VERGADERING_DB": str(kopie)})
    assert via_env.returncode == 0, via_env.stderr
    # --db gaat voor de omgevingsvariabele.
    beide = vergadering("signalen", "--json", "--db", str(kopie),
                        env={"VERGADERING_DB": str(leeg)})
    assert beide.returncode == 0
    teksten = {r["tekst"] for r in json.loads(beide.stdout)}
    assert {"Via --db vooraan", "Via de omgeving"} <= teksten
    opslag = Opslag(kopie)
    assert {s.id for s in opslag.signalen()} >= {voor.stdout.strip(), via_env.stdout.strip()}


def test_onbekend_wijkverband_geeft_1(kopie):
    uit = vergadering("signaal", "x", "--wijkverband", "Nergenshuizen", "--db", str(kopie))
    assert uit.returncode == 1
    zin = een_zin(uit.stderr)
    assert "geen wijkverband 'Nergenshuizen'" in zin and WV in zin
    lijst = vergadering("acties", "--wijkverband", "Nergenshuizen", "--db", str(kopie))
    assert lijst.returncode == 1 and "Nergenshuizen" in een_zin(lijst.stderr)


def test_te_lange_tekst_wordt_geweigerd_met_1(kopie):
    uit = vergadering("signaal", "a" * 10_001, "--wijkverband", WV, "--db", str(kopie))
    assert uit.returncode == 1
    assert "hoogstens 10.000" in een_zin(uit.stderr)


@pytest.mark.parametrize("omgeving", [
    {"LANG": "C", "LC_ALL": "C"},
    # Echt ASCII: geen UTF-8-modus en geen omzetting naar C.UTF-8.
    {"LANG": "C", "LC_ALL": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"},
])
def test_vijandige_tekst_komt_heel_terug_onder_lang_c(kopie, omgeving):
    tekst = ("Stuurtekens \x01\x07\x1b[31m rood [/red] [bold]vet, emoji 🚲👵🏽, "
             "rechts-naar-links \u202eטקסט עברי\u202c en العربية, nul-breedte \u200b, "
             + "lang " * 1900 + "einde")
    assert 9_000 < len(tekst) <= 10_000
    uit = vergadering("signaal", tekst, "--wijkverband", WV, "--thema", "vérkeer 🚗",
                      "--db", str(kopie), env=omgeving)
    assert uit.returncode == 0, uit.stderr
    s = Opslag(kopie).signaal(Opslag(kopie).wijkverband(WV).id, uit.stdout.strip())
    assert s.tekst == tekst and s.thema == "vérkeer 🚗"
    # Terug via JSON (UTF-8, ook onder LANG=C) en als tabel (zonder te vallen).
    lijst = vergadering("signalen", "--json", "--db", str(kopie), env=omgeving)
    assert lijst.returncode == 0, lijst.stderr
    rijen = json.loads(lijst.stdout.encode("utf-8", "surrogateescape").decode("utf-8"))
    assert tekst in {r["tekst"] for r in rijen}
    tabel = vergadering("signalen", "--db", str(kopie), env=omgeving)
    assert tabel.returncode == 0, tabel.stderr
    assert "\x1b[31m" not in tabel.stdout and "Stuurtekens" in tabel.stdout


# --- lijsten ------------------------------------------------------------------------


def _contacten(map_: Path) -> list[str]:
    stukken = []
    for s in Opslag(map_).signalen():
        if s.contact:
            stukken += [s.contact.naam, s.contact.gegevens]
            stukken += [deel for deel in s.contact.gegevens.replace("·", " ").split() if
                        len(deel) > 4]
    assert len(stukken) > 10
    return stukken


@pytest.mark.parametrize("soort", ["signalen", "acties", "vergaderingen"])
def test_json_is_te_lezen_volledig_en_zonder_contactgegevens(demomap, soort):
    uit = vergadering(soort, "--json", "--wijkverband", WV, "--db", str(demomap))
    assert uit.returncode == 0, uit.stderr
    rijen = json.loads(uit.stdout)
    opslag = Opslag(demomap)
    assert [r["id"] for r in rijen] == [x.id for x in getattr(opslag, soort)()]
    for stuk in _contacten(demomap):
        assert stuk not in uit.stdout
    assert "contact" not in {k for r in rijen for k in r} - {"heeft_contact"}


def test_json_laat_alle_statussen_en_wat_te_laat_is_zien(demomap):
    acties = json.loads(vergadering("acties", "--json", "--db", str(demomap)).stdout)
    assert {r["status"] for r in acties} == {"gepland", "loopt", "gereed", "vastgelopen",
                                             "gestopt"}
    te_laat = {w for r in acties for w in r["te_laat"]}
    assert te_laat == {"eerste stap te laat", "checkmoment verstreken"}
    signalen = json.loads(vergadering("signalen", "--json", "--db", str(demomap)).stdout)
    assert {r["vorm"] for r in signalen} == {"A", "B", "C", "D", "overig"}
    assert any(r["heeft_contact"] for r in signalen)
    vergaderingen = json.loads(vergadering("vergaderingen", "--json", "--db",
                                           str(demomap)).stdout)
    assert len(vergaderingen) == 10 and all(r["gesloten"] for r in vergaderingen)


@pytest.mark.parametrize("soort, kop", [
    ("signalen", "Signalen ("), ("acties", "Acties (21)"), ("vergaderingen", "Vergaderingen (10)"),
])
def test_tabel_in_het_nederlands_zonder_contactgegevens(demomap, soort, kop):
    uit = vergadering(soort, "--db", str(demomap))
    assert uit.returncode == 0, uit.stderr
    assert kop in uit.stdout
    for stuk in _contacten(demomap):
        assert stuk not in uit.stdout
    if soort == "vergaderingen":
        assert "Buurthuis De Kastanje" in uit.stdout and " nov " in uit.stdout + " nov "


def test_lege_map_geeft_een_lege_lijst(tmp_path):
    uit = vergadering("signalen", "--json", "--db", str(tmp_path))
    assert uit.returncode == 0 and json.loads(uit.stdout) == []
    tabel = vergadering("acties", "--db", str(tmp_path))
    assert tabel.returncode == 0 and "Geen acties gevonden." in tabel.stdout


# --- de map met gegevens ------------------------------------------------------------


def test_map_die_niet_bestaat_geeft_1_voor_lijsten(tmp_path):
    uit = vergadering("signalen", "--db", str(tmp_path / "tikfout"))
    assert uit.returncode == 1
    assert "staan nog geen gegevens" in een_zin(uit.stderr)
    assert not (tmp_path / "tikfout").exists()


def test_map_die_een_bestand_is_geeft_1(tmp_path):
    bestand = tmp_path / "gegevens.txt"
    bestand.write_text("niet van ons", encoding="utf-8")
    for args in (["signalen"], ["demo", "--geen-app"], ["signaal", "x", "--wijkverband", WV]):
        uit = vergadering(*args, "--db", str(bestand))
        assert uit.returncode == 1, args
        assert "is een bestand, geen map" in een_zin(uit.stderr)
    assert bestand.read_text(encoding="utf-8") == "niet van ons"


def test_map_binnen_een_bestand_geeft_1(tmp_path):
    bestand = tmp_path / "gegevens.txt"
    bestand.write_text("x", encoding="utf-8")
    uit = vergadering("demo", "--geen-app", "--db", str(bestand / "opslag"))
    assert uit.returncode == 1
    assert "is een bestand" in een_zin(uit.stderr)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0,
                    reason="rechten afnemen werkt niet voor root (zie de test hieronder)")
def test_onleesbare_map_geeft_1(kopie):
    kopie.chmod(0)
    try:
        uit = vergadering("signalen", "--db", str(kopie))
    finally:
        kopie.chmod(0o700)
    assert uit.returncode == 1
    assert "geen leesrechten" in een_zin(uit.stderr)


def test_onleesbare_map_geeft_1_ook_nagebootst(kopie, monkeypatch, capsys):
    """Als root mag alles; daarom ook zonder echte rechten: os.access zegt nee."""
    echt = os.access
    monkeypatch.setattr(opdrachtregel.os, "access",
                        lambda pad, modus: False if Path(pad) == kopie else echt(pad, modus))
    assert opdrachtregel.main(["signalen", "--db", str(kopie)]) == 1
    assert "geen leesrechten op de map" in een_zin(capsys.readouterr().err)


@pytest.mark.parametrize("fout, verwacht", [
    (PermissionError(13, "Permission denied"), "geen rechten"),
    (OSError(28, "No space left on device"), "de schijf is vol"),
    (OSError(30, "Read-only file system"), "niet geschreven mag worden"),
    (OSError(5, "Input/output error"), "foutcode EIO"),
])
def test_oserror_wordt_een_nederlandse_zin_zonder_engels(fout, verwacht, kopie, monkeypatch,
                                                         capsys):
    fout.filename = str(kopie / "wijkverbanden.json")

    def weigert(*args, **kwargs):
        raise fout

    monkeypatch.setattr(opdrachtregel, "_opslag", weigert)
    assert opdrachtregel.main(["signalen", "--db", str(kopie)]) == 1
    zin = een_zin(capsys.readouterr().err)
    assert verwacht in zin and str(kopie / "wijkverbanden.json") in zin
    assert fout.strerror not in zin


def test_beschadigd_bestand_geeft_1_en_blijft_staan(kopie):
    pad = kopie / "wijkverbanden.json"
    pad.write_bytes(b'{"wijkverbanden": {"1": {"naam": ')
    uit = vergadering("signalen", "--db", str(kopie))
    assert uit.returncode == 1
    assert "beschadigd" in een_zin(uit.stderr)
    assert pad.read_bytes() == b'{"wijkverbanden": {"1": {"naam": '


# --- demo ---------------------------------------------------------------------------


def test_demo_schrijft_een_nieuwe_map_en_weigert_daarna(tmp_path):
    map_ = tmp_path / "nieuw" / "demo"
    uit = vergadering("demo", "--geen-app", "--db", str(map_))
    assert uit.returncode == 0, uit.stderr
    assert str(map_) in uit.stdout
    opslag = Opslag(map_)
    assert [w.naam for w in opslag.wijkverbanden()] == [WV]
    voor = {p: p.read_bytes() for p in map_.rglob("*") if p.is_file()}
    nogmaals = vergadering("demo", "--geen-app", "--db", str(map_))
    assert nogmaals.returncode == 1
    zin = een_zin(nogmaals.stderr)
    assert "al gegevens" in zin and "--db" in zin
    assert {p: p.read_bytes() for p in map_.rglob("*") if p.is_file()} == voor


def test_twee_keer_tegelijk_demo_geeft_een_demo_en_een_weigering(tmp_path):
    map_ = tmp_path / "samen"
    omgeving = {k: v for k, v in os.environ.items() if k != "VERGADERING_DB"}
    processen = [
        subprocess.Popen([sys.executable, "-m", "vergadering", "demo", "--geen-app", "--db",
                          str(map_)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         text=True, env=omgeving)
        for _ in range(2)
    ]
    uitkomsten = sorted((p.wait(timeout=120), p.stderr.read()) for p in processen)
    for p in processen:
        p.stdout.close()
        p.stderr.close()
    assert [code for code, _ in uitkomsten] == [0, 1], uitkomsten
    # De tweede ziet de gegevens van de eerste, of (als die lang bezig is) het slot.
    zin = een_zin(uitkomsten[1][1])
    assert "al gegevens" in zin or "schrijft nu" in zin
    opslag = Opslag(map_)
    assert len(opslag.wijkverbanden()) == 1
    assert len(opslag.vergaderingen()) == 10


def test_demo_in_een_map_met_andere_bestanden_raakt_niets_aan(tmp_path):
    (tmp_path / "foto.jpg").write_bytes(b"\xff\xd8")
    uit = vergadering("demo", "--geen-app", "--db", str(tmp_path))
    assert uit.returncode == 1
    assert "geen opslag van Vergadering; kies met --db een lege map" in een_zin(uit.stderr)
    assert [p.name for p in tmp_path.iterdir()] == ["foto.jpg"]


# --- in hetzelfde proces: de app, onverwachte fouten ---------------------------------


@pytest.fixture
def nep_app(monkeypatch):
    """Vervang het openen van de app door een noteerder."""
    geopend = []
    import schermen.app

    monkeypatch.setattr(schermen.app, "start_app", lambda opslag: geopend.append(opslag) or 0)
    monkeypatch.delenv("VERGADERING_DB", raising=False)
    return geopend


def test_zonder_opdracht_opent_de_app_op_de_gekozen_map(nep_app, kopie, tmp_path,
                                                         monkeypatch):
    assert voorkant.main(["--db", str(kopie)]) == 0
    leeg = tmp_path / "leeg"  # een nieuwe map; tmp_path zelf bevat de kopie: geen opslag
    monkeypatch.setenv("VERGADERING_DB", str(leeg))
    assert voorkant.main([]) == 0
    assert [o.map for o in nep_app] == [kopie, leeg]


def test_app_op_een_bestand_of_onleesbare_map_opent_niet(nep_app, tmp_path, monkeypatch,
                                                          capsys):
    bestand = tmp_path / "bestand"
    bestand.write_text("x", encoding="utf-8")
    assert voorkant.main(["--db", str(bestand)]) == 1
    assert "is een bestand, geen map" in een_zin(capsys.readouterr().err)
    monkeypatch.setattr(opdrachtregel.os, "access", lambda pad, modus: False)
    assert voorkant.main(["--db", str(tmp_path)]) == 1
    assert "geen leesrechten" in een_zin(capsys.readouterr().err)
    assert nep_app == []


def test_db_voor_de_opdracht_wordt_niet_overschreven(nep_app, kopie, tmp_path):
    ander = tmp_path / "demo-ander"
    assert voorkant.main(["--db", str(ander), "demo"]) == 0
    assert [o.map for o in nep_app] == [ander]  # demo geschreven en de app erop geopend
    assert Opslag(ander).wijkverband(WV)
    args = opdrachtregel.maak_parser().parse_args(["--db", "voor", "signalen"])
    assert args.db == "voor"
    args = opdrachtregel.maak_parser().parse_args(["--db", "voor", "signalen", "--db", "na"])
    assert args.db == "na"  # wat achter de opdracht staat, wint
    assert opdrachtregel.maak_parser().parse_args(["signalen"]).db is None


@pytest.mark.parametrize("argv", [
    ["impact", "--json", "--wijkverband", "Noord", "--periode", "2026"],
    ["--db", "impact", "signalen", "--json"],  # 'impact' is hier de map
    ["--db=voor", "export", "--impact", "--privacy-akkoord", "--db", "na"],
    ["signaal", "Stoep kapot", "--wijkverband", "x", "--buurt", "Molenhoek", "--aantal", "3"],
    ["agenda", "--wijkverband", "x", "--ics", "a.ics"],
])
def test_de_parser_van_alleen_de_opdracht_leest_hetzelfde(argv):
    """main() maakt alleen de parser van de gegeven opdracht (sneller); die leest precies
    wat de parser van alle opdrachten leest."""
    opdracht = opdrachtregel._opdracht_in(argv)
    assert opdracht in opdrachtregel.OPDRACHTEN
    alleen = opdrachtregel.maak_parser(opdracht).parse_args(argv)
    assert vars(alleen) == vars(opdrachtregel.maak_parser().parse_args(argv))


def test_hulp_zonder_opdracht_noemt_alle_opdrachten(capsys):
    with pytest.raises(SystemExit) as stop:
        opdrachtregel.main(["--help"])
    assert stop.value.code == 0
    hulp = capsys.readouterr().out
    for opdracht in ("demo", "signalen", "export", "impact", "herstel"):
        assert f"    {opdracht} " in hulp or f"    {opdracht}\n" in hulp, opdracht


def test_onverwachte_fout_is_een_zin_en_met_debug_een_traceback(monkeypatch, capsys):
    def kapot(args):
        raise RuntimeError("stuk")

    monkeypatch.setitem(opdrachtregel.OPDRACHTEN, "signalen", kapot)
    monkeypatch.delenv("VERGADERING_DEBUG", raising=False)
    assert opdrachtregel.main(["signalen"]) == 1
    zin = een_zin(capsys.readouterr().err, engels_verboden=False)  # de naam van de fout
    assert "onverwachts" in zin and "RuntimeError" in zin and "VERGADERING_DEBUG=1" in zin
    monkeypatch.setenv("VERGADERING_DEBUG", "1")
    with pytest.raises(RuntimeError, match="stuk"):
        opdrachtregel.main(["signalen"])


def test_argparse_blijft_buiten_onze_parser_engels():
    import argparse

    opdrachtregel.maak_parser().format_help()
    assert argparse.ArgumentParser(prog="x").format_usage().startswith("usage: x")


def test_een_lijst_laat_de_garbage_collector_staan_zoals_hij_stond(demomap, capsys):
    """De lijst zet de kringopruimer even uit; daarna staat hij weer aan, en blijft er niets
    bevroren (het gelezene gaat alleen naar de oudste generatie)."""
    import gc

    gc.unfreeze()
    assert gc.isenabled()
    assert opdrachtregel.main(["signalen", "--db", str(demomap)]) == 0
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0
    gc.disable()
    try:
        assert opdrachtregel.main(["acties", "--db", str(demomap)]) == 0
        assert not gc.isenabled()  # wie hem zelf uit had, houdt hem uit
    finally:
        gc.enable()
    assert "Signalen (" in capsys.readouterr().out


def test_wijkverband_zoals_het_in_de_zaal_heet(kopie):
    """'De Hoven-Noord' is genoeg voor 'Wijkverband De Hoven-Noord' (een nieuwe gebruiker
    typte dat en kreeg 'Er is geen wijkverband')."""
    kort = WV.removeprefix("Wijkverband ")
    uit = vergadering("signaal", "via de korte naam", "--wijkverband", kort, "--db", str(kopie))
    assert uit.returncode == 0, uit.stderr
    assert uit.stdout.strip() in {s.id for s in Opslag(kopie).signalen()}
