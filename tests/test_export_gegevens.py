"""Gegevens voor de exporttests: een wijkverband met twee vergaderingen, via de Opslag-façade.

De andere test_export*-modules importeren ``bouw_opslag`` hieruit. De tests onderaan
controleren dat de gegevens zelf kloppen, zodat een fout in de export niet verward wordt
met een fout in de testgegevens.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from vergadering import regels
from vergadering.actie import Actie
from vergadering.fouten import OngeldigeInvoer
from vergadering.opslag import Opslag
from vergadering.signaal import Contact, Signaal
from vergadering.stemming import Stemming
from vergadering.terugkoppeling import Terugkoppeling
from vergadering.vergadering import nieuwe_vergadering
from vergadering.wijkverband import Agenda, Lid, Participatieafspraken, Wijkverband

VANDAAG = date(2026, 11, 23)
VORIGE = date(2026, 10, 12)
# Privégegevens van bewoners: mogen nooit in de openbare terugkoppeling komen.
BEWONERS = ("Henriëtte Oudshoorn", "Jan-Willem Ravesteijn", "mevrouw Kwakernaak")
EMAILS = ("henriette.oudshoorn@voorbeeld.nl", "jw.ravesteijn@posteo.de")
TELEFOONS = ("06-12345678", "+31 6 8765 4321", "070-3456789")


@dataclass
class Gegevens:
    """Wat de tests van de gebouwde opslag willen weten."""

    opslag: Opslag
    wijkverband: Wijkverband
    vorige_id: str
    vergadering_id: str
    acties: dict[str, Actie]


def _moment(d: date, uur: int, minuut: int = 0) -> datetime:
    return datetime(d.year, d.month, d.day, uur, minuut)


def bouw_opslag(map_: Path, tekst=lambda veld, standaard: standaard) -> Gegevens:
    """Bouw een opslag met een volledig doorlopen vergadering en een eerdere.

    ``tekst(veld, standaard)`` mag elke vrije tekst vervangen (voor de hypothesis-test).
    """
    t = tekst
    opslag = Opslag(map_, klok=lambda: _moment(VANDAAG, 21))
    leden = [
        Lid("l1", t("lid", "Fatima Yilmaz"), "voorzitter"),
        Lid("l2", t("lid", "Kees Brouwer"), "notulist"),
        Lid("l3", t("lid", "Anouk de Graaf"), "gemeente", organisatie=t("org", "Gemeente")),
        Lid("l4", t("lid", "Ruud Hermans"), "welzijn", organisatie=t("org", "Welzijn Oost")),
        Lid("l5", t("lid", "Sanne Visser"), "bewoner"),
        Lid("l6", t("lid", "Bram Koster"), "wijkagent", organisatie="Politie"),
    ]
    wv = Wijkverband(
        id="noord",
        naam=t("wijkverband", "Wijkverband Noord"),
        leden=leden,
        partners=[t("partner", "Woonstichting Haag")],
        themas=["verkeer", "groen"],
        buurten=["Bloemenbuurt"],
        agenda=Agenda(voor=[], na=[]),  # het cyclusblok alleen; het sjabloon: test_agenda*
        afspraken=Participatieafspraken(
            wijkvraag=t("afspraak", "Hoe maken we de Bloemenbuurt veiliger voor kinderen?"),
            doelgroep=t("afspraak", "Ouders en kinderen van de basisschool"),
            gewenste_verandering=t("afspraak", "Minder hard rijden bij de school"),
            merkbaar_wanneer=t("afspraak", "Binnen drie maanden"),
            basisvorm="A",
            waar_en_wanneer=t("afspraak", "Op het schoolplein, elke eerste maandag"),
            organisator=t("afspraak", "Welzijn Oost"),
            agenderen_wanneer=t("afspraak", "Elke zes weken"),
            mandaat=t("afspraak", "Het wijkverband, binnen het wijkbudget"),
            vervolgacties=t("afspraak", "Eén of twee kleine acties per ronde"),
            terugkoppeling_wat=t("afspraak", "Wat we hoorden en wat we doen"),
            terugkoppeling_kanaal=t("afspraak", "Nieuwsbrief en buurtapp, binnen een week"),
            terugkoppeling_eigenaar=t("afspraak", "Anouk de Graaf"),
        ),
    )
    opslag.bewaar_wijkverband(wv)

    def signaal(tekst_: str, d: date, contact: Contact | None = None, aantal: int = 1):
        s = Signaal(
            id=opslag.nieuw_signaal_id(wv.id, d),
            wijkverband_id=wv.id,
            tekst=t("signaal", tekst_),
            datum=d,
            vorm="A",
            thema="verkeer",
            aantal=aantal,
            contact=contact,
        )
        opslag.bewaar_signaal(s)
        return s

    # --- de vorige vergadering, met één actie die nu nog loopt en één die klaar is ---------
    vorige = nieuwe_vergadering(wv, opslag.nieuw_vergadering_id(wv.id, VORIGE), VORIGE,
                                plaats="Buurthuis", voorzitter="l1", notulist="l2")
    oud = [signaal("Bankje in het park is kapot", VORIGE - timedelta(days=10)),
           signaal("Te weinig fietsenrekken bij de bieb", VORIGE - timedelta(days=9))]
    acties: dict[str, Actie] = {}
    for i, s in enumerate(oud):
        aid, nr = opslag.nieuw_actie_id(wv.id, VORIGE.year)
        actie = Actie(aid, wv.id, nr, t("actie", f"Oude actie {nr}: {s.tekst[:30]}"),
                      eigenaar=t("eigenaar", "Gemeente"), besloten_op=VORIGE,
                      eerste_stap=t("actie", "Melding doen"), signalen=[s.id])
        regels.neem_actie_aan(wv, vorige, actie, _moment(VORIGE, 19, 30 + i))
        s.kies(vorige.id)
        opslag.bewaar_signaal(s)
        opslag.bewaar_actie(actie)
        acties[aid] = actie
    vorige.terugkoppeling = Terugkoppeling(gehoord="Bankje", volgende_update=VANDAAG,
                                           kanaal="nieuwsbrief", eigenaar="Anouk de Graaf")
    regels.sluit(vorige, _moment(VORIGE, 21))
    opslag.bewaar_vergadering(vorige)

    # --- deze vergadering --------------------------------------------------------------------
    nieuw = [
        signaal("Auto's rijden te hard in de Tulpstraat", VANDAAG - timedelta(days=20),
                Contact(BEWONERS[0], f"{EMAILS[0]}, {TELEFOONS[0]}"), aantal=4),
        signaal(f"Zwerfafval bij het winkelcentrum, bel {TELEFOONS[1]}",
                VANDAAG - timedelta(days=18), Contact(BEWONERS[1], EMAILS[1])),
        signaal("Geen plek voor jongeren om te sporten", VANDAAG - timedelta(days=15),
                Contact(BEWONERS[2], f"Dorpsstraat 12, {TELEFOONS[2]}")),
        signaal(f"Lantaarnpaal bij de school doet het niet (melder: {BEWONERS[0]})",
                VANDAAG - timedelta(days=12)),
        signaal("Hondenpoep op het grasveld", VANDAAG - timedelta(days=8)),
        signaal("Onduidelijke bushalte na de werkzaamheden", VANDAAG - timedelta(days=5)),
    ]
    v = nieuwe_vergadering(
        wv, opslag.nieuw_vergadering_id(wv.id, VANDAAG), VANDAAG,
        plaats=t("plaats", "Buurthuis De Tulp"), voorzitter="l1", notulist="l2",
        aanwezigheid={"l1": "aanwezig", "l2": "aanwezig", "l3": "aanwezig", "l4": "aanwezig",
                      "l5": "afgemeld", "l6": "afwezig"},
    )
    v.gasten = [t("gast", "Student van de hogeschool")]
    v.gestart = True
    v.fasen[0].gebruikt_s = 312.0
    v.fasen[1].gebruikt_s = 540.0
    v.fasen[1].extra_s = 60
    v.fasen[2].gebruikt_s = 300.0
    v.fasen[0].notities = t("notitie", f"{BEWONERS[0]} belde ook nog op {TELEFOONS[0]}.")
    v.fasen[1].notities = t("notitie", "Gemeente kijkt naar drempels.")
    v.fasen[2].notities = t("notitie", f"Mail naar {EMAILS[1]} voor een reactie.")
    for s, n in zip(nieuw[:5], (5, 3, 2, 1, 1), strict=True):
        regels.zet_stippen(wv, v, s.id, n)
    regels.leg_top5_vast(v, [s.id for s in nieuw[:5]], _moment(VANDAAG, 19, 6))
    from vergadering.vergadering import Score

    v.scores[nieuw[0].id] = Score(4, 5)
    v.scores[nieuw[1].id] = Score(5, 3)
    v.fase_index = 1
    aanwezig = len(v.aanwezigen())
    for i, s in enumerate(nieuw[:2]):
        aid, nr = opslag.nieuw_actie_id(wv.id, VANDAAG.year)
        actie = Actie(
            aid, wv.id, nr, t("actie", f"Actie tegen: {s.tekst[:40]}"),
            eigenaar=t("eigenaar", "Anouk de Graaf (Gemeente)" if i == 0 else "Ruud Hermans"),
            besloten_op=VANDAAG,
            eerste_stap=t("actie", "Verkeersmeting aanvragen" if i == 0 else "Prikactie plannen"),
            partners=[t("partner", "Woonstichting Haag")],
            verandering=t("actie", "Kinderen steken veiliger over"),
            terugkoppelzin=t("actie", "We meten eerst hoe hard er gereden wordt."),
            signalen=[s.id],
        )
        v.stemmingen.append(Stemming(
            id=f"st{i}", onderwerp=actie.omschrijving, moment=_moment(VANDAAG, 19, 10 + i),
            aanwezig=aanwezig, quorum=wv.benodigd_quorum(), regel=wv.meerderheid,
            voor=3, tegen=1 - i, onthouding=i, actie_id=aid,
        ))
        regels.neem_actie_aan(wv, v, actie, _moment(VANDAAG, 19, 12 + i))
        s.kies(v.id)
        opslag.bewaar_signaal(s)
        opslag.bewaar_actie(actie)
        acties[aid] = actie
    v.stemmingen.append(Stemming(
        id="st9", onderwerp=t("stemming", "Sportveldje aanleggen"),
        moment=_moment(VANDAAG, 19, 15), aanwezig=aanwezig, quorum=wv.benodigd_quorum(),
        per_lid={"l1": "tegen", "l2": "voor", "l3": "tegen", "l4": "onthouding"},
    ))
    nieuw[2].parkeer(t("reden", "Te groot voor deze ronde; eerst met de gemeente praten"),
                     v.id)
    opslag.bewaar_signaal(nieuw[2])
    v.fase_index = 2
    oud_loopt, oud_klaar = list(acties.values())[:2]
    oud_loopt.zet_status("loopt", t("toelichting", "Offerte is aangevraagd"),
                         _moment(VANDAAG, 19, 20), v.id)
    oud_klaar.zet_status("gereed", t("toelichting", "Er staan tien nieuwe rekken"),
                         _moment(VANDAAG, 19, 21), v.id)
    v.statusupdates = [oud_loopt.id, oud_klaar.id]
    opslag.bewaar_actie(oud_loopt)
    opslag.bewaar_actie(oud_klaar)
    v.log(_moment(VANDAAG, 19, 22), t("log", f"{BEWONERS[1]} wil graag meedoen."))
    signalen = opslag.signalen(wv.id)
    try:
        v.terugkoppeling = regels.voorstel_terugkoppeling(v, signalen, list(acties.values()), wv)
    except OngeldigeInvoer:
        # Heel lange signalen passen samen niet in één veld; typ dan zelf iets korters.
        v.terugkoppeling = Terugkoppeling(gehoord=t("tk", "Veel"), gedaan=t("tk", "Veel"),
                                          lukt_niet=t("tk", "Niets"), kanaal="nieuwsbrief")
    v.terugkoppeling.eigenaar = t("eigenaar", "Anouk de Graaf")
    v.terugkoppeling.contact = t(
        "tk", "Mail wijkverband.noord@gemeente.example of kom naar de inloop."
    )
    v.terugkoppeling.volgende_update = VANDAAG + timedelta(days=21)
    v.volgende_vergadering = VANDAAG + timedelta(weeks=6)
    regels.sluit(v, _moment(VANDAAG, 20, 45))
    opslag.bewaar_vergadering(v)
    return Gegevens(opslag, wv, vorige.id, v.id, acties)


# --- de gegevens zelf ---------------------------------------------------------------------


def test_gegevens_zijn_compleet(tmp_path):
    g = bouw_opslag(tmp_path / "db")
    v = g.opslag.vergadering(g.wijkverband.id, g.vergadering_id)
    assert v.gesloten and len(v.top5) == 5 and len(v.acties) == 2
    assert len(v.stemmingen) == 3 and len(v.statusupdates) == 2
    acties = g.opslag.acties(g.wijkverband.id)
    assert [a.status for a in acties] == ["loopt", "gereed", "gepland", "gepland"]
    contacten = [s.contact for s in g.opslag.signalen(g.wijkverband.id) if s.contact]
    assert [c.naam for c in contacten] == list(BEWONERS)
