"""Eén reeks tests over beide opslagen: de map en PostgreSQL (issue 14).

Wat de schermen, de opdrachtregel, de export en de beamer van de façade verwachten, moet bij
beide gelden: bewaren en teruglezen, versieconflicten, lijsten en vakken, de samenvatting van
het startscherm, volgen wat een ander bewaarde, vijandige tekst, twee processen tegelijk en
`kill -9` midden in een bewerking. De PostgreSQL-kant draait tegen een echte server (zie
conftest: ``VERGADERING_PG`` of een eigen server) en slaat anders over met de reden.
"""

from __future__ import annotations

import os
import random
import select
import signal
import time
from datetime import date

import pytest

from vergadering.actie import Actie
from vergadering.bewaarder import Bewaarder
from vergadering.fouten import GelijktijdigGewijzigd, NietGevonden
from vergadering.opslag import open_opslag
from vergadering.opslag.lijstindex import AndersLezen
from vergadering.opslag.omzetten import naar_document
from vergadering.opslag.wijzigingen import ALLES
from vergadering.signaal import Contact, Signaal
from vergadering.vergadering import nieuwe_vergadering
from vergadering.wijkverband import Lid, Wijkverband

WV = "de-hoven"
NOV, OKT = date(2026, 11, 23), date(2026, 10, 5)


@pytest.fixture(params=["map", "postgres"])
def plek(request, tmp_path) -> str:
    """Waar een lege opslag komt: een map, of een eigen schema in de testdatabase (met de
    tabellen van ``vergadering database maak``)."""
    if request.param == "map":
        return str(tmp_path / "opslag")
    from vergadering.opslag.postgres import maak_schema

    db = request.getfixturevalue("postgres_db")
    maak_schema(db)
    return db


def _nieuw(plek: str):
    opslag = open_opslag(plek)
    opslag.bewaar_wijkverband(Wijkverband(
        id=WV, naam="De Hoven", leden=[Lid("l1", "Anja de Vries", "voorzitter"),
                                       Lid("l2", "Bram Jansen")]))
    return opslag


def _signaal(opslag, tekst: str = "Stoep kapot", datum: date = NOV, wv: str = WV,
             **velden) -> Signaal:
    s = Signaal(id=opslag.nieuw_signaal_id(wv, datum), wijkverband_id=wv, tekst=tekst,
                datum=datum, **velden)
    opslag.bewaar_signaal(s)
    return s


def _zonder_versie(obj) -> dict:
    doc = naar_document(obj)
    doc.pop("versie")
    return doc


# --- bewaren, lezen, versies ----------------------------------------------------------------


def test_bewaren_en_teruglezen_in_een_nieuw_object(plek):
    opslag = _nieuw(plek)
    s = _signaal(opslag, "Auto's rijden te hard", thema="verkeer", aantal=4)
    a = Actie(id="2026-1", wijkverband_id=WV, nummer=1, omschrijving="Schouw",
              eigenaar="Gemeente", besloten_op=NOV, signalen=[s.id])
    opslag.bewaar_actie(a)
    v = nieuwe_vergadering(opslag.wijkverband("de hoven"), "2026-11-23", NOV)
    opslag.bewaar_vergadering(v)

    ander = open_opslag(plek)
    (terug,) = ander.signalen(WV)
    assert _zonder_versie(terug) == _zonder_versie(s) and terug.versie == 1
    assert ander.signaal(WV, s.id).tekst == "Auto's rijden te hard"
    assert ander.acties(WV)[0].signalen == [s.id] and ander.actie(WV, "2026-1").nummer == 1
    assert ander.vergadering(WV, "2026-11-23").fasen[0].gepland_s == 300
    assert ander.onafgemaakte_vergadering(WV).id == "2026-11-23"
    assert ander.nieuw_vergadering_id(WV, NOV) == "2026-11-23-2"
    assert ander.nieuw_actie_id(WV, 2026) == ("2026-2", 2)
    assert ander.wijkverband_id("De Hoven") == WV and ander.nieuw_wijkverband_id("De Hoven") \
        == "de-hoven-2"
    s.tekst = "Auto's rijden echt te hard"
    opslag.bewaar_signaal(s)
    assert (s.versie, ander.signaal(WV, s.id).versie) == (2, 2)
    with pytest.raises(NietGevonden):
        ander.signaal(WV, "2611-zzzz")


def test_een_verouderde_versie_overschrijft_niets(plek):
    opslag = _nieuw(plek)
    s = _signaal(opslag)
    kopie_a = open_opslag(plek).signaal(WV, s.id)
    kopie_b = open_opslag(plek).signaal(WV, s.id)
    kopie_a.tekst = "van venster A"
    open_opslag(plek).bewaar_signaal(kopie_a)
    kopie_b.tekst = "van venster B"
    with pytest.raises(GelijktijdigGewijzigd, match="intussen gewijzigd"):
        opslag.bewaar_signaal(kopie_b)
    assert open_opslag(plek).signaal(WV, s.id).tekst == "van venster A"
    # Een 'nieuw' document met een kenmerk dat er al is, is ook verouderd.
    dubbel = Signaal(id=s.id, wijkverband_id=WV, tekst="dubbel", datum=NOV)
    with pytest.raises(GelijktijdigGewijzigd):
        opslag.bewaar_signaal(dubbel)
    assert open_opslag(plek).signaal(WV, s.id).versie == 2


def test_lijsten_vakken_en_rijen_op_dezelfde_volgorde(plek):
    opslag = _nieuw(plek)
    nov = [_signaal(opslag, f"november {i}") for i in range(3)]
    okt = _signaal(opslag, "oktober", datum=OKT)
    for n in (2, 1):
        opslag.bewaar_actie(Actie(id=f"2026-{n}", wijkverband_id=WV, nummer=n,
                                  omschrijving=f"actie {n}", eigenaar="Gemeente",
                                  besloten_op=NOV))
    ander = open_opslag(plek)
    assert [s.id for s in ander.signalen(WV)] == [okt.id, *sorted(s.id for s in nov)]
    assert [a.nummer for a in ander.acties()] == [1, 2]
    assert ander.vaknamen(WV, "signalen") == [("2026-10.json", False), ("2026-11.json", False)] \
        or [n for n, _ in ander.vaknamen(WV, "signalen")] == ["2026-10.json", "2026-11.json"]
    assert {s.id for s in ander.lees_vak(WV, "signalen", "2026-11.json")} == {s.id for s in nov}
    assert ander.heeft_vak(WV, "signalen", "2026-10.json")
    assert not ander.heeft_vak(WV, "signalen", "2026-09.json")
    rijen = ander.lijstrijen("signalen", WV, lambda objecten: [[o.id] for o in objecten],
                             "kenmerk")
    # Vak voor vak in de volgorde van de vakken; binnen een vak in de volgorde van bewaren.
    assert rijen == [[okt.id], *[[s.id] for s in nov]]
    assert ander.lijstrijen("signalen", None, lambda o: [[len(o)]], "aantal") == [[1], [3]]
    # Met ``ruw``: de rijen uit de documenten van elk vak; ``AndersLezen`` valt per vak terug
    # op de objecten.
    def ruw(docs: list) -> list:
        if any(d["tekst"] == "oktober" for d in docs):
            raise AndersLezen
        return [["document", d["id"]] for d in docs]

    assert ander.lijstrijen("signalen", WV, lambda objecten: [[o.id] for o in objecten],
                            "gemengd", ruw=ruw) == [[okt.id],
                                                    *[["document", s.id] for s in nov]]


def test_samenvatting_van_het_startscherm_klopt_met_de_lijsten(plek):
    opslag = _nieuw(plek)
    nieuw = _signaal(opslag, "nieuw")
    geparkeerd = _signaal(opslag, "geparkeerd", datum=OKT)
    geparkeerd.status = "geparkeerd"
    geparkeerd.reden_geparkeerd = "volgende keer"
    opslag.bewaar_signaal(geparkeerd)
    afgehandeld = _signaal(opslag, "afgehandeld")
    afgehandeld.status = "afgehandeld"
    opslag.bewaar_signaal(afgehandeld)
    opslag.bewaar_actie(Actie(id="2026-1", wijkverband_id=WV, nummer=1, omschrijving="open",
                              eigenaar="Gemeente", besloten_op=NOV))
    opslag.bewaar_actie(Actie(id="2026-2", wijkverband_id=WV, nummer=2, omschrijving="klaar",
                              eigenaar="Gemeente", besloten_op=NOV, status="gereed"))
    opslag.bewaar_vergadering(nieuwe_vergadering(opslag.wijkverband(WV), "2026-11-23", NOV))
    samen = open_opslag(plek).samenvatting(WV)
    assert samen.nieuwe_signalen == [(NOV.isoformat(), nieuw.id)]
    assert samen.geparkeerd == 1
    assert [a.id for a in samen.open_acties] == ["2026-1"]
    assert [(k.id, k.datum, k.gesloten) for k in samen.vergaderingen] == [
        ("2026-11-23", NOV, False)]


def test_veel_nieuwe_signalen_tegelijk_en_nog_eens_voegt_niets_dubbel_toe(plek):
    opslag = _nieuw(plek)
    signalen = [Signaal(id=f"2611-a{i:03d}", wijkverband_id=WV, tekst=f"import {i}", datum=NOV)
                for i in range(50)]
    assert opslag.bewaar_nieuwe_signalen(signalen) == 50
    opnieuw = [Signaal(id=s.id, wijkverband_id=WV, tekst="anders", datum=NOV) for s in signalen]
    assert open_opslag(plek).bewaar_nieuwe_signalen(opnieuw) == 0
    terug = open_opslag(plek).signalen(WV)
    assert len(terug) == 50 and {s.tekst for s in terug} == {f"import {i}" for i in range(50)}


# --- volgen -------------------------------------------------------------------------------


def test_een_ander_object_ziet_welk_vak_veranderde_maar_niet_zijn_eigen(plek):
    opslag = _nieuw(plek)
    volger = opslag.volger()
    assert volger.nieuw() == []
    _signaal(opslag)  # eigen bewaaractie: staat al in beeld
    assert volger.nieuw() == []
    ander = open_opslag(plek)
    _signaal(ander, datum=OKT)
    ander.bewaar_wijkverband(ander.wijkverband(WV))
    gezien = volger.nieuw()
    assert [(w.wijkverband, w.soort, w.vak) for w in gezien] == [
        (WV, "signalen", "2026-10.json"), (ALLES, "wijkverbanden", gezien[1].vak)]
    assert volger.nieuw() == []


# --- vijandige tekst --------------------------------------------------------------------


def test_vijandige_tekst_komt_precies_terug(plek):
    from test_fouten_tekst import LANG, LASTIG

    opslag = _nieuw(plek)
    alles = "".join(LASTIG)
    sql = "'); DROP TABLE documenten; -- \\x00 $$ %s %(x)s"
    bewaard = [
        _signaal(opslag, f"x{alles}x", thema=sql, buurt=alles[:200],
                 contact=Contact(naam=alles[:50], gegevens=sql), extra={alles: [alles, sql]}),
        _signaal(opslag, LANG),
        _signaal(opslag, f"x{''.join(reversed(LASTIG))}x"),
    ]
    terug = {s.id: s for s in open_opslag(plek).signalen(WV)}
    for s in bewaard:
        assert _zonder_versie(terug[s.id]) == _zonder_versie(s)


# --- twee processen, kill -9 --------------------------------------------------------------


def _kind(doe) -> tuple[int, int]:
    """Start ``doe(schrijf_fd)`` in een kindproces (fork); geeft pid en leeskant."""
    lees, schrijf = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(lees)
        code = 1
        try:
            doe(schrijf)
            code = 0
        except BaseException:
            import traceback

            traceback.print_exc()  # zichtbaar in de uitvoer van pytest als de test faalt
        finally:
            os._exit(code)
    os.close(schrijf)
    return pid, lees


def _lees_alles(fd: int, begin: bytes = b"") -> list[str]:
    delen = [begin]
    while deel := os.read(fd, 65536):
        delen.append(deel)
    os.close(fd)
    return b"".join(delen).decode().split("\n")[:-1]  # een halve laatste regel telt niet


def _wacht_op(fd: int, aantal: int, pid: int, binnen: float = 120.0) -> bytes:
    """Lees tot het kind ``aantal`` regels meldde: het moment van doden hangt af van hoe ver
    het is, niet van de klok."""
    gelezen = b""
    eind = time.monotonic() + binnen
    while gelezen.count(b"\n") < aantal:
        over = eind - time.monotonic()
        assert over > 0, f"het kind meldde in {binnen} s geen {aantal} regels"
        if select.select([fd], [], [], over)[0]:
            deel = os.read(fd, 65536)
            if not deel:
                raise AssertionError(f"het kind stopte voortijdig ({os.waitpid(pid, 0)})")
            gelezen += deel
    return gelezen


pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="fork en SIGKILL: alleen POSIX")


def test_twee_laptops_tegelijk_signalen_en_stippen_niets_kwijt(plek):
    """Twee processen voegen elk signalen toe en zetten er stippen op in dezelfde
    vergadering; de bewaarder voegt samen als de ander net eerder was."""
    opslag = _nieuw(plek)
    opslag.bewaar_vergadering(nieuwe_vergadering(opslag.wijkverband(WV), "2026-11-23", NOV))
    per_laptop = 25

    def laptop(uit: int) -> None:
        eigen = open_opslag(plek)
        bewaarder = Bewaarder(eigen)
        v = eigen.vergadering(WV, "2026-11-23")
        bewaarder.onthoud(v)
        for i in range(per_laptop):
            s = Signaal(id=eigen.nieuw_signaal_id(WV, NOV), wijkverband_id=WV,
                        tekst=f"laptop {os.getpid()} signaal {i}", datum=NOV)
            assert bewaarder.bewaar(s)
            v.stippen[s.id] = i + 1
            while not bewaarder.bewaar(v):
                assert not bewaarder.wacht_op_keuze, bewaarder.laatste_fout
            os.write(uit, f"{s.id} {i + 1}\n".encode())

    kinderen = [_kind(laptop) for _ in range(2)]
    bevestigd: dict[str, int] = {}
    for pid, lees in kinderen:
        for regel in _lees_alles(lees):
            sid, stippen = regel.split()
            bevestigd[sid] = int(stippen)
        _, status = os.waitpid(pid, 0)
        assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0
    assert len(bevestigd) == 2 * per_laptop
    terug = open_opslag(plek)
    assert {s.id for s in terug.signalen(WV)} == set(bevestigd)
    assert terug.vergadering(WV, "2026-11-23").stippen == bevestigd


def test_kill_9_midden_in_bewerkingen_verliest_geen_bevestigde(plek):
    opslag = _nieuw(plek)
    bevestigd: dict[str, int] = {}
    rnd = random.Random(1411)

    def schrijver(uit: int) -> None:
        eigen = open_opslag(plek)
        mijn: list[Signaal] = []
        n = 0
        while True:
            n += 1
            if mijn and n % 3 == 0:
                s = rnd.choice(mijn)
                s.tekst = f"bijgewerkt {s.versie + 1}"
                eigen.bewaar_signaal(s)
            else:
                s = _signaal(eigen, f"nummer {n} " + "x" * rnd.randrange(400),
                             datum=(NOV, OKT)[n % 2])
                mijn.append(s)
            os.write(uit, f"{s.id} {s.versie}\n".encode())

    for ronde in range(12):
        pid, lees = _kind(schrijver)
        begin = _wacht_op(lees, rnd.choice((0, 1, 3, 10, 30)), pid)
        time.sleep(rnd.uniform(0.0, 0.02))
        os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
        assert os.WIFSIGNALED(status), f"ronde {ronde}: het kind stopte zelf"
        for regel in _lees_alles(lees, begin):
            sid, versie = regel.split()
            bevestigd[sid] = max(bevestigd.get(sid, 0), int(versie))
        gevonden = {s.id: s for s in open_opslag(plek).signalen(WV)}
        assert not set(bevestigd) - set(gevonden), f"ronde {ronde}: bevestigde signalen kwijt"
        assert all(gevonden[sid].versie >= v for sid, v in bevestigd.items())
    # Na afloop bewaart een gewoon proces meteen weer (geen slot of transactie blijft hangen).
    na = _signaal(opslag, "na afloop")
    assert open_opslag(plek).signaal(WV, na.id).tekst == "na afloop"
