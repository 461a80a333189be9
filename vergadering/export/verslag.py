"""verslag.docx: het verslag van één vergadering, met de actielijst als tabel.

Het verslag mag leden en eigenaren noemen. Contactgegevens van bewoners (``Signaal.contact``)
komen er nooit in, en vrije tekst gaat door de maskeerder: een bewoner die in een notitie
bij naam genoemd wordt, staat er niet met naam in.
"""

from __future__ import annotations

import time
from pathlib import Path

from .. import datums
from ..agendaklok import AgendaKlok
from ..correctie import SOORTEN, versie_van_verslag
from ..regels import stippen_beschikbaar, stippen_gebruikt
from ..signaal import totaal
from ..volgende import in_woorden as volgende_in_woorden
from ..wijkverband import MEERDERHEIDSREGELS
from ..zinnen import aantal, met_label, zin, zonder_slot
from . import terugkoppeling, verslag_agenda
from .actielijst import actietabel
from .inhoud import FASETITELS, Inhoud


def _duur(seconden: float) -> str:
    """'12:05' (minuten:seconden)."""
    s = int(round(max(0.0, seconden)))
    return f"{s // 60}:{s % 60:02d}"


def _verschil(seconden: float) -> str:
    if abs(seconden) < 30:
        return "op tijd"
    return f"{_duur(abs(seconden))} {'langer' if seconden > 0 else 'korter'}"


def schrijf(inhoud: Inhoud, pad: Path) -> None:
    """Schrijf verslag.docx naar ``pad`` (atomisch)."""
    from .docx_hulp import Stuk

    v = inhoud.vergadering
    wv = inhoud.wijkverband
    m = inhoud.maskeer
    datum = datums.lang(v.datum)
    stuk = Stuk(
        f"Verslag {wv.naam} {datum}",
        wv.naam,
        inhoud.moment,
        onderwerp=f"Verslag van de vergadering van {datum}",
        kopregel=f"{wv.naam} — verslag van {datums.kort(v.datum)} · "
                 f"{verslag_agenda.kopmerk(v)}",
    )
    stuk.titel(f"Verslag {wv.naam}")
    stuk.ondertitel(f"Vergadering van {datum}")
    # Concept tot de volgende vergadering het vaststelt (zie agenda.stel_vast).
    for regel in verslag_agenda.merkregels(v):
        stuk.nadruk(regel)
    if versie_van_verslag(v) > 1:
        stuk.nadruk(f"Versie {versie_van_verslag(v)} van dit verslag: de vergadering is na het "
                    "sluiten heropend (zie Correcties).")
    verslag_agenda.schrijf_vaststelling(stuk, inhoud)

    _gegevens(stuk, inhoud)
    _agenda(stuk, inhoud)
    fase = {f.sleutel: f for f in v.fasen}

    stuk.kop(f"1. {FASETITELS['signalen']}")
    _top5(stuk, inhoud)
    _notities(stuk, inhoud, fase.get("signalen"))

    stuk.kop(f"2. {FASETITELS['acties']}")
    _stemmingen(stuk, inhoud)
    _aangenomen(stuk, inhoud)
    _geparkeerd(stuk, inhoud)
    _notities(stuk, inhoud, fase.get("acties"))

    stuk.kop(f"3. {FASETITELS['terugkoppelen']}")
    _statusupdates(stuk, inhoud)
    stuk.kop("De terugkoppeling aan bewoners", 2)
    blokken = terugkoppeling.blokken(inhoud, intern=True)
    terugkoppeling.schrijf_blokken(stuk, blokken, kopniveau=3)
    _notities(stuk, inhoud, fase.get("terugkoppelen"))

    verslag_agenda.schrijf_punten(stuk, inhoud)

    _correcties(stuk, inhoud)

    stuk.kop("Volgende vergadering")
    stuk.alinea(volgende_in_woorden(v) or "Nog niet vastgesteld.")

    stuk.liggende_sectie()
    stuk.kop("Actielijst")
    stuk.alinea(
        f"Alle open acties van {wv.naam}, en wat sinds de vorige vergadering klaar of gestopt "
        f"is. Stand van {datums.lang(inhoud.vandaag)}."
    )
    actietabel(stuk, inhoud, inhoud.actielijst())
    # Het logboek als bijlage: minuut voor minuut hoort het niet midden in het verslag.
    stuk.nieuwe_pagina()
    stuk.kop("Bijlage: logboek")
    if v.logboek:
        titels = verslag_agenda.fasetitels(v)
        stuk.tabel(
            ("Tijd", "Fase", "Wat er gebeurde"),
            [
                (datums.tijd(regel.moment), titels.get(regel.fase, regel.fase), m(regel.tekst))
                for regel in v.logboek
            ],
            (18, 55, 184),
        )
    else:
        stuk.alinea("Er staat niets in het logboek.")
    stuk.bewaar(pad)


def _gegevens(stuk, inhoud: Inhoud) -> None:
    v = inhoud.vergadering
    m = inhoud.maskeer
    stuk.kop("Gegevens")
    stuk.alinea(inhoud.wijkverband.naam, label="Wijkverband:")
    stuk.alinea(datums.lang(v.datum), label="Datum:")
    stuk.alinea(m(v.plaats) or "niet ingevuld", label="Plaats:")
    stuk.alinea(inhoud.lidnaam(v.voorzitter) if v.voorzitter else "niet ingevuld",
                label="Voorzitter:")
    stuk.alinea(inhoud.lidnaam(v.notulist) if v.notulist else "niet ingevuld",
                label="Notulist:")
    for stand, label in (("aanwezig", "Aanwezig:"), ("afgemeld", "Afgemeld:"),
                         ("afwezig", "Afwezig zonder bericht:")):
        namen = inhoud.leden_met(stand)
        if namen or stand != "afwezig":
            stuk.alinea(", ".join(namen) or "niemand", label=label)
    if v.gasten:
        stuk.alinea(", ".join(m(g) for g in v.gasten), label="Gasten:")


def _agenda(stuk, inhoud: Inhoud) -> None:
    v = inhoud.vergadering
    stuk.kop("Agenda en tijd")
    if not v.fasen:
        stuk.alinea("Er is geen agenda vastgelegd.")
        return
    # Een fase die nog loopt (vergadering niet gesloten) telt door tot het moment van export.
    nu = inhoud.moment.timestamp() if inhoud.moment else time.time()
    klok = AgendaKlok(v, klok=lambda: nu)
    rijen = []
    for fase in v.fasen:
        gepland = fase.gepland_s + fase.extra_s
        gebruikt = klok.gebruikt(fase)
        erbij = f"+{fase.extra_s // 60} min" if fase.extra_s else "—"
        rijen.append((
            inhoud.maskeer(fase.titel),  # een punt rond de cyclus heeft vrije tekst
            _duur(fase.gepland_s),
            erbij,
            _duur(gebruikt) if gebruikt else "niet besproken",
            _verschil(gebruikt - gepland) if gebruikt else "—",
        ))
    stuk.tabel(("Agendapunt", "Gepland", "Erbij", "Gebruikt", "Verschil"), rijen,
               (62, 24, 24, 30, 30))


def _top5(stuk, inhoud: Inhoud) -> None:
    v = inhoud.vergadering
    m = inhoud.maskeer
    gebruikt = stippen_gebruikt(v)
    beschikbaar = stippen_beschikbaar(inhoud.wijkverband, v)
    stuk.alinea(f"Er zijn {gebruikt} van de {beschikbaar} stippen verdeeld.")
    if not v.top5:
        stuk.alinea("Er is geen top 5 vastgelegd.")
        return
    rijen = []
    for plek, signaal_id in enumerate(v.top5, start=1):
        s = inhoud.signaal(signaal_id)
        score = v.scores.get(signaal_id)
        weging = (
            f"{score.haalbaarheid} × {score.impact} = {score.totaal}" if score else "—"
        )
        rijen.append((
            str(plek),
            m(s.tekst) if s else "(signaal niet meer gevonden)",
            str(v.stippen.get(signaal_id, 0)),
            str(totaal(s, inhoud.signalen)) if s else "—",
            weging,
        ))
    stuk.tabel(("Plek", "Signaal", "Stippen", "Bewoners", "Haalbaarheid × impact"), rijen,
               (12, 84, 18, 22, 34))
    _grenskeuze(stuk, inhoud)
    buiten = [
        (sid, n) for sid, n in sorted(v.stippen.items(), key=lambda x: -x[1])
        if sid not in v.top5 and n
    ]
    if buiten:
        stuk.alinea("Ook stippen, maar niet in de top 5:")
        stuk.opsomming([
            met_label(m(inhoud.signaal(sid).tekst) if inhoud.signaal(sid) else sid,
                      aantal(n, "stip", "stippen"))
            for sid, n in buiten
        ])


def _stemmingen(stuk, inhoud: Inhoud) -> None:
    v = inhoud.vergadering
    m = inhoud.maskeer
    stuk.kop("Stemmingen", 2)
    if not v.stemmingen:
        stuk.alinea("Er is niet gestemd.")
        return
    rijen = []
    for st in v.stemmingen:
        quorum = "gehaald" if st.quorum_gehaald else "niet gehaald"
        rijen.append((
            m(st.onderwerp),
            str(st.voor),
            str(st.tegen),
            str(st.onthouding),
            f"{st.aanwezig} aanwezig, quorum {st.quorum}: {quorum}",
            m(st.uitslag()),
        ))
    stuk.tabel(("Voorstel", "Voor", "Tegen", "Onthouding", "Quorum", "Uitslag"), rijen,
               (50, 12, 14, 24, 32, 38))
    regels = sorted({st.regel for st in v.stemmingen})
    for regel in regels:
        # "Meerderheid (gewoon): meer stemmen voor dan tegen." (niet "Meerderheid: gewoon: …")
        stuk.alinea(zin(MEERDERHEIDSREGELS.get(regel, regel), hoofdletter=False),
                    label=f"Meerderheid ({regel}):")
    for st in v.stemmingen:
        if st.per_lid:
            per_keuze = {
                keuze: [inhoud.lidnaam(lid) for lid, k in st.per_lid.items() if k == keuze]
                for keuze in ("voor", "tegen", "onthouding")
            }
            stuk.alinea(
                "; ".join(f"{k}: {', '.join(n) or 'niemand'}" for k, n in per_keuze.items()),
                label=f"Hoofdelijk over '{m(st.onderwerp)}':",
            )


def _aangenomen(stuk, inhoud: Inhoud) -> None:
    v = inhoud.vergadering
    m = inhoud.maskeer
    stuk.kop("Aangenomen acties", 2)
    acties = [a for a in (inhoud.actie(i) for i in v.acties) if a is not None]
    if not acties:
        stuk.alinea("Er is deze ronde geen actie aangenomen.")
    if v.reden_extra_acties:
        stuk.alinea(m(v.reden_extra_acties),
                    label=f"Meer dan {inhoud.wijkverband.max_acties} acties, omdat:")
    for a in acties:
        stuk.kop(f"Actie {a.nummer}: {m(a.omschrijving)}", 3)
        stuk.alinea(a.eigenaar, label="Eigenaar:")
        stuk.alinea(", ".join(a.partners) or "geen", label="Partners:")
        eerste = m(a.eerste_stap) or "nog niet beschreven"
        stuk.alinea(f"{zonder_slot(eerste)} (vóór {datums.lang(a.eerste_stap_datum)}).",
                    label="Eerste stap:")
        stuk.alinea(datums.lang(a.checkmoment) if a.checkmoment else "—", label="Checkmoment:")
        if a.verandering:
            stuk.alinea(m(a.verandering), label="Wat bewoners merken:")
        if a.terugkoppelzin:
            stuk.alinea(m(a.terugkoppelzin), label="Terugkoppeling (één zin):")
        signalen = [inhoud.signaal(s) for s in a.signalen]
        if any(signalen):
            stuk.alinea("; ".join(m(s.tekst) for s in signalen if s), label="Uit het signaal:")


def _geparkeerd(stuk, inhoud: Inhoud) -> None:
    v = inhoud.vergadering
    m = inhoud.maskeer
    stuk.kop("Geparkeerde signalen", 2)
    geparkeerd = [
        s for s in inhoud.signalen if s.status == "geparkeerd" and s.vergadering_id == v.id
    ]
    if not geparkeerd:
        stuk.alinea("Er is deze ronde geen signaal geparkeerd.")
        return
    stuk.tabel(("Signaal", "Reden"), [(m(s.tekst), m(s.reden)) for s in geparkeerd], (95, 75))


def _statusupdates(stuk, inhoud: Inhoud) -> None:
    v = inhoud.vergadering
    m = inhoud.maskeer
    stuk.kop("Stand van eerdere acties", 2)
    rijen = []
    for actie_id in v.statusupdates:
        a = inhoud.actie(actie_id)
        if a is None:
            continue
        wijzigingen = [w for w in a.historie if w.vergadering_id == v.id] or a.historie[-1:]
        stand = "; ".join(
            w.status.capitalize() + (f": {zonder_slot(m(w.toelichting))}" if w.toelichting
                                     else "")
            for w in wijzigingen
        ) or a.status.capitalize()
        rijen.append((str(a.nummer), m(a.omschrijving), a.eigenaar, stand))
    if not rijen:
        stuk.alinea("Er zijn geen eerdere acties bijgewerkt.")
        return
    stuk.tabel(("Nr", "Actie", "Eigenaar", "Stand"), rijen, (12, 70, 38, 50))


def _notities(stuk, inhoud: Inhoud, fase) -> None:
    if fase is None or not fase.notities.strip():
        return
    stuk.kop("Notities", 3)
    for regel in inhoud.maskeer(fase.notities).splitlines():
        if regel.strip():
            stuk.alinea(regel)


def _signaalnaam(inhoud: Inhoud, signaal_id: str) -> str:
    s = inhoud.signaal(signaal_id)
    return inhoud.maskeer(s.tekst) if s else "(signaal niet meer gevonden)"


def _grenskeuze(stuk, inhoud: Inhoud) -> None:
    """Wie de voorzitter op de grens koos bij gelijke stippen, en waarom."""
    keuze = inhoud.vergadering.grenskeuze
    if keuze is None or not keuze.gelijk:
        return
    stuk.alinea(
        f"{len(keuze.gelijk)} signalen stonden gelijk op de grens met elk {keuze.stippen} "
        f"{'stip' if keuze.stippen == 1 else 'stippen'}; de voorzitter koos:",
        label="Gelijke stand:",
    )
    stuk.opsomming([
        f"{_signaalnaam(inhoud, sid)}: {'gekozen' if sid in keuze.gekozen else 'niet gekozen'}"
        for sid in keuze.gelijk
    ])
    stuk.alinea(inhoud.maskeer(keuze.reden) or "geen reden opgegeven", label="Waarom:")


def _correcties(stuk, inhoud: Inhoud) -> None:
    """Wat er na het vastleggen rechtgezet is: tijd, wat, reden (en wie heropende)."""
    v = inhoud.vergadering
    if not v.correcties:
        return
    m = inhoud.maskeer
    stuk.kop("Correcties")
    stuk.tabel(
        ("Wanneer", "Wat", "Reden"),
        [
            (datums.datum_tijd(c.moment),
             f"{SOORTEN.get(c.soort, 'Correctie')}"
             + (f" door {inhoud.lidnaam(c.wie)}" if c.wie else "") + f": {m(c.wat)}",
             m(c.reden))
            for c in v.correcties
        ],
        (40, 80, 50),
    )
