"""De façade: de enige toegang tot de opgeslagen gegevens.

Indeling van de opslagmap (klein per bestand, zodat een bewerking tijdens de vergadering
nooit jaren geschiedenis herschrijft):

    opslag.json                          schemaversie
    wijkverbanden.json                   alle wijkverbanden (klein)
    <wijkverband>/signalen/2026-11.json  signalen per maand van binnenkomst
    <wijkverband>/acties/2026.json       acties per jaar van besluit
    <wijkverband>/vergaderingen/<id>.json één vergadering per bestand
    <elk vak>.journaal                   bewerkingen sinds het vak laatst herschreven werd
    (elk vak en opslag.json eindigt met een controlegetal: zie bestand.py)
    reservekopie/<tijdstip>/...          de nieuwste tien momentopnamen

Elke bewaar-functie keert pas terug als de wijziging op schijf staat: één regel in het
journaal van het vak plus fsync (zie bestand.py), zodat een bewerking niet meer kost dan
een paar keer een SQLite-commit, ook bij tien jaar geschiedenis. Schrijven gebeurt
met een slot over processen heen; lezen kan altijd, want bestanden worden alleen atomisch
vervangen. Elk document heeft een versienummer: wie een verouderde versie bewaart, krijgt
een melding in plaats van andermans wijziging te overschrijven.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime, timedelta
from operator import attrgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from .. import ids
from ..fouten import (
    BeschadigdBestand,
    BezetDoorAnder,
    GelijktijdigGewijzigd,
    NietGevonden,
    NieuwereVersie,
    OngeldigeInvoer,
    OpslagFout,
    VergaderingFout,
    oorzaak,
)
from . import reservekopie, wijzigingen
from .bestand import (
    JOURNAAL,
    NIET_VOLGEN,
    TIJDELIJK_ACHTERVOEGSEL,
    AtomischeOpslag,
    is_koppeling,
    lees_json,
    maak_map,
    naar_bytes,
    schijf_vol,
    schrijf_atomisch,
    tabel_als_ongewijzigd,
    vakbytes,
    vertaal_oserror,
)
from .controle import klasse, onleesbaar
from .gedeeld import OP_DATUM, Gedeeld, zoek_wijkverband
from .migratie import MIGRATIES, SCHEMA, controlegetal_verplicht
from .vakindeling import vaknaam

if TYPE_CHECKING:
    from filelock import FileLock

    # Signalen, acties en vergaderingen pas laden als ze gelezen worden: het startscherm
    # heeft eerst alleen de wijkverbanden nodig.
    from ..actie import Actie
    from ..signaal import Signaal
    from ..vergadering import Vergadering
    from ..wijkverband import Wijkverband

OMGEVINGSVARIABELE = "VERGADERING_DB"
KOPIE_NA = timedelta(minutes=30)
T = TypeVar("T")
SCHIJF_BIJNA_VOL = (
    "Let op: de schijf is bijna vol; uw wijzigingen worden nog bewaard, maar maak ruimte vrij "
    "voordat dat niet meer lukt."
)
_gemeld: set[str] = set()  # waarschuwingen die dit proces al gaf (één keer is genoeg)
BABELNAMEN = ".babelnamen"  # Babels maandnamen voor de lijsten (afgeleid, zie laad_maandnamen)


def _relatief_databestand(bestand: str) -> Path:
    """Een bestand binnen de opslag, zoals in de melding genoemd ('opslag.json',
    'wijk/signalen/2026-11.json'); niets daarbuiten en geen reservekopie zelf."""
    relatief = Path(bestand.replace("\\", "/"))
    if (
        relatief.is_absolute()
        or not relatief.parts
        or ".." in relatief.parts
        or relatief.parts[0] == reservekopie.MAPNAAM
        or relatief.suffix != ".json"
    ):
        raise OngeldigeInvoer(
            f"'{bestand[:60]}' is geen bestand van de opslag; gebruik de naam uit de melding, "
            "zoals opslag.json of wijk/signalen/2026-11.json."
        )
    return relatief


def standaard_map() -> Path:
    """Waar de gegevens staan: $VERGADERING_DB, anders de gebruikersmap van het systeem."""
    gekozen = os.environ.get(OMGEVINGSVARIABELE)
    if gekozen:
        return Path(gekozen).expanduser()
    from platformdirs import user_data_path

    return user_data_path("vergadering", appauthor=False) / "opslag"


class Opslag(Gedeeld):
    """Alle gegevens van één opslagmap."""

    def __init__(
        self,
        map_: str | Path,
        *,
        wachttijd: float = 5.0,
        klok: Any = datetime.now,
        controleer: bool = True,
    ) -> None:
        """Open de opslag in ``map_`` (die hoeft nog niet te bestaan).

        ``wachttijd``: hoeveel seconden een schrijfactie wacht als een ander proces schrijft.
        ``controleer=False`` slaat de controle van opslag.json over; alleen voor herstellen,
        want dan mag juist dat bestand beschadigd zijn.
        """
        self.map = Path(map_).expanduser()
        self.plek = str(self.map)  # waar de gegevens staan, voor meldingen (zoals PostgreSQL)
        self.wachttijd = wachttijd
        self._klok = klok
        self._geheugen: dict[Path, Any] = {}
        self._slot: FileLock | None = None
        self._slotdiepte = 0
        self._eerste_schrijf_gedaan = False
        self._volgende_kopie: datetime | None = None
        self._kopie_na_schrijven = False
        # Zinnen die een voorkant (opdrachtregel, app) na een bewerking kan tonen; wie ze
        # toont, haalt ze weg.
        self.waarschuwingen: list[str] = []
        self._mappen_goed: set[Path] = set()  # mappen in de opslag die geen koppeling zijn
        self._snelle_mappen: dict[tuple[str, str], str] = {}  # zie lees_documenten
        # Wie er schreef, in de wijzigingsmarkering: zo slaat dit venster zijn eigen
        # bewaaracties over als het kijkt wat anderen veranderden.
        self.schrijver = f"{os.getpid():x}.{os.urandom(3).hex()}"
        # Een vak zonder controlegetal is beschadigd, behalve in een opslag van vóór schema 2
        # (die nog bijgewerkt wordt bij de eerste schrijfactie).
        self._verplicht = False
        if self.map.exists() and not self.map.is_dir():
            raise OpslagFout(
                f"{self.map} is een bestand, geen map; geef met --db een map op voor de gegevens."
            )
        if controleer:
            self._verplicht = controlegetal_verplicht(self._controleer_schema())

    def apart(self) -> Opslag:
        """Een eigen opslag op dezelfde map, voor een werkdraad (zoals een ander proces)."""
        return Opslag(self.map, wachttijd=self.wachttijd, klok=self._klok)

    def sluit(self) -> None:
        """Niets: een map houdt niets open (zoals ``PostgresOpslag.sluit``)."""

    # --- metabestand en schema -------------------------------------------------------

    @property
    def _metapad(self) -> Path:
        return self.map / "opslag.json"

    def bestaat(self) -> bool:
        """Waar als hier al een opslag staat."""
        return self._metapad.exists()

    def _lees_meta(self) -> dict[str, Any] | None:
        try:
            return lees_json(self._metapad)
        except BeschadigdBestand as fout:
            raise self._met_advies(fout, self._metapad) from fout

    def _geen_opslag(self) -> OpslagFout:
        return OpslagFout(
            f"{self.map} is geen opslag van Vergadering; kies met --db een lege map of de map "
            "van uw gegevens."
        )

    def _controleer_schema(self) -> dict[str, Any] | None:
        """Lees opslag.json en weiger een beschadigd of nieuwer schema; geeft de inhoud terug.

        Een map zonder opslag.json mag alleen leeg zijn (een nieuwe opslag): een andere map
        (/proc, een map met andermans bestanden) wordt nooit als opslag gelezen of beschreven.
        """
        meta = self._lees_meta()
        if meta is None:
            try:
                vreemd = any(not naam.startswith(".") for naam in os.listdir(self.map))
            except OSError:
                vreemd = False  # bestaat niet (nieuw), of de melding komt bij het gebruik
            if vreemd:
                raise self._geen_opslag()
            return None
        if meta.get("programma", "vergadering") != "vergadering":
            raise self._geen_opslag()
        versie = meta.get("schema")
        if not isinstance(versie, int):
            raise self._met_advies(BeschadigdBestand(f"Het bestand {self._metapad} is beschadigd."),
                                   self._metapad)
        if versie > SCHEMA:
            raise NieuwereVersie(
                f"De gegevens in {self.map} zijn gemaakt met een nieuwere versie van Vergadering "
                f"(schema {versie}, dit programma kent {SCHEMA}); werk het programma bij. "
                "De gegevens zijn niet aangeraakt."
            )
        return meta

    def _migreer(self) -> None:
        """Breng de opslag naar het huidige schema (met het slot in handen).

        Opnieuw gecontroleerd onder het slot: intussen kan een nieuwere versie van het
        programma de opslag bijgewerkt hebben, en die mag deze versie niet terugzetten.
        """
        meta = self._controleer_schema()
        # Zonder opslag.json is de map leeg (anders weigert _controleer_schema): een nieuwe.
        versie = SCHEMA if meta is None else meta["schema"]
        if versie < SCHEMA:
            # Eerst een reservekopie van de oude stand, dan pas bijwerken.
            self._reservekopie(self._klok())
        while versie < SCHEMA:
            MIGRATIES[versie](self.map)
            versie += 1
        if meta is None or meta.get("schema") != SCHEMA:
            nieuw = {"schema": SCHEMA, "programma": "vergadering"}
            if meta:
                nieuw = {**meta, **nieuw}
            else:
                nieuw["gemaakt"] = self._klok().isoformat(timespec="seconds")
            schrijf_atomisch(self._metapad, vakbytes(nieuw))
        self._verplicht = True

    # --- schrijfslot, reservekopie, opruimen ----------------------------------------

    @contextmanager
    def schrijven(self) -> Iterator[None]:
        """Houd het schrijfslot vast; bij de eerste keer: opruimen, migreren, reservekopie."""
        with self._schrijfslot():
            if not self._eerste_schrijf_gedaan:
                self._ruim_tijdelijke_op()
                self._migreer()
                # Een opslag zonder gegevens: een kopie vooraf bevat niets, dus komt de eerste
                # kopie ná deze schrijfactie (anders een half uur lang geen kopie van iets).
                self._kopie_na_schrijven = not self._wijkverbandenpad.exists()
                if not self._kopie_na_schrijven:
                    self._misschien_reservekopie()
                self._eerste_schrijf_gedaan = True
            elif self._volgende_kopie is not None and self._klok() >= self._volgende_kopie:
                self._misschien_reservekopie()  # wie lang open blijft, krijgt ook nieuwe kopieën
            yield
            if self._kopie_na_schrijven:
                nu = self._klok()
                try:
                    self._reservekopie(nu)
                except OpslagFout:
                    return  # het schrijven zelf lukte; de volgende schrijfactie probeert het weer
                self._kopie_na_schrijven = False
                self._volgende_kopie = nu + KOPIE_NA

    @contextmanager
    def _schrijfslot(self) -> Iterator[None]:
        """Alleen het slot over processen heen (herintreedbaar binnen dit object)."""
        if self._slotdiepte:
            self._slotdiepte += 1
            try:
                yield
            finally:
                self._slotdiepte -= 1
            return
        try:
            maak_map(self.map)
        except OSError as fout:
            raise vertaal_oserror(fout, self.map / "opslag.json") from fout
        # filelock pas hier: lezen (de start van de app) heeft geen slot nodig.
        from filelock import FileLock, Timeout

        slotpad = self.map / ".schrijfslot"
        # filelock opent het slot met O_TRUNC en volgt een koppeling: eerst zelf openen
        # zonder te volgen, zodat een koppeling geweigerd wordt en haar doel heel blijft.
        try:
            os.close(os.open(slotpad, os.O_RDWR | os.O_CREAT | NIET_VOLGEN, 0o600))
        except OSError as fout:
            if is_koppeling(fout):
                raise OpslagFout(
                    f"{slotpad} is een koppeling naar een andere plek en wordt niet gevolgd; "
                    "haal die koppeling weg, dan kan er weer bewaard worden (er is niets "
                    "veranderd)."
                ) from fout
            raise vertaal_oserror(fout, slotpad) from fout
        if self._slot is None:
            self._slot = FileLock(slotpad, timeout=self.wachttijd, thread_local=False)
        try:
            self._slot.acquire()
        except Timeout as fout:
            raise BezetDoorAnder(
                f"Een ander venster of programma schrijft nu in {self.map}; wacht even en "
                "probeer het opnieuw (uw wijziging is nog niet opgeslagen)."
            ) from fout
        except OSError as fout:
            raise vertaal_oserror(fout, self.map / ".schrijfslot") from fout
        self._slotdiepte = 1
        try:
            yield
        finally:
            self._slotdiepte = 0
            self._slot.release()

    def _ruim_tijdelijke_op(self) -> None:
        """Tijdelijke bestanden en halve reservekopieën van een afgebroken schrijfactie
        weghalen (onder het slot maakt niemand anders er een)."""
        for pad in reservekopie.alle_bestanden(self.map):
            if pad.name.startswith(".") and pad.name.endswith(TIJDELIJK_ACHTERVOEGSEL):
                try:
                    pad.unlink()
                except OSError:
                    pass
        reservekopie.ruim_halve_op(self.map)

    def _misschien_reservekopie(self) -> None:
        laatste = next(iter(reservekopie.kopieen(self.map)), None)
        moment = reservekopie.moment_van(laatste) if laatste else None
        nu = self._klok()
        if moment is None or nu - moment >= KOPIE_NA or nu < moment:
            try:
                self._reservekopie(nu)
            except OpslagFout as fout:
                # Past de kopie niet meer op de schijf, dan mag de bewerking zelf (één regel
                # in het journaal) nog wel: zeggen dat de schijf bijna vol is, later opnieuw.
                if not schijf_vol(fout):
                    raise
                self._waarschuw_schijf_vol()
            moment = nu
        self._volgende_kopie = moment + KOPIE_NA

    def _reservekopie(self, nu: datetime) -> Path | None:
        """Journalen samenvoegen, dan een momentopname (met het slot in handen)."""
        self._voeg_journalen_samen()
        return reservekopie.maak(self.map, nu, verplicht=self._verplicht)

    def _voeg_journalen_samen(self) -> None:
        """Zet elk journaal in zijn vak, zodat een kopie (die alleen vakken bevat) alles heeft.
        Een beschadigd vak of journaal blijft zoals het is."""
        for pad in list(reservekopie.alle_bestanden(self.map)):
            if not pad.name.endswith(JOURNAAL) or pad.name.startswith("."):
                continue
            vak = pad.with_name(pad.name[: -len(JOURNAAL)])
            try:
                if pad.lstat().st_size:
                    self._vakopslag(vak).voeg_samen()
            except (BeschadigdBestand, FileNotFoundError):
                continue  # beschadigd blijft alleen-lezen tot het hersteld is

    def maak_reservekopie(self) -> Path | None:
        """Maak nu een reservekopie; geeft haar map terug (None als er nog niets is)."""
        with self.schrijven():
            return self._reservekopie(self._klok())

    def verwijder_reservekopieen(self, ouder_dan: datetime | None = None,
                                 behalve: Path | None = None) -> list[str]:
        """Haal reservekopieën weg (de AVG): die van vóór ``ouder_dan`` (langer dan de
        bewaartermijn; een kopie zonder leesbaar tijdstip blijft staan), of zonder
        ``ouder_dan`` alle behalve ``behalve`` (na wissen op verzoek stond de persoon in elke
        oudere kopie). Geeft hun namen."""
        with self.schrijven():
            alle = reservekopie.kopieen(self.map)
            if ouder_dan is None:
                weg = [k for k in alle if behalve is None or k.name != behalve.name]
            else:
                weg = [k for k in alle
                       if (m := reservekopie.moment_van(k)) is not None and m < ouder_dan]
            try:
                reservekopie.verwijder(self.map, weg)
            except OSError as fout:
                raise vertaal_oserror(fout, self.map / reservekopie.MAPNAAM) from fout
        return [k.name for k in weg]

    def reservekopieen(self) -> list[Path]:
        """De reservekopieën, nieuwste eerst."""
        return reservekopie.kopieen(self.map)

    # --- wat de AVG onthoudt (avg.py): in verborgen bestanden, niet in een reservekopie ---

    def avg_nog_te_doen(self, vandaag: date) -> list[str]:
        """De wijkverbanden (kenmerken) waarvoor de bewaartermijn vandaag nog niet is
        toegepast. De map onthoudt één dag voor alle wijkverbanden erin (``avg.DAGMERK``); is
        dat vandaag, dan wordt verder niets gelezen (dit gebeurt bij elke start)."""
        from ..avg import DAGMERK

        try:
            if (lees_json(self.map / DAGMERK) or {}).get("dag") == vandaag.isoformat():
                return []
        except (VergaderingFout, OSError):
            pass  # een onleesbaar dagmerk: opnieuw toepassen kan altijd
        if not (self.map / "wijkverbanden.json").exists():
            return []
        return [w.id for w in self.wijkverbanden()]

    def bewaar_avg_merk(self, vandaag: date, wijkverband_ids: list[str]) -> None:
        """Onthoud dat de bewaartermijn vandaag is toegepast (voor de hele map)."""
        from ..avg import DAGMERK

        schrijf_atomisch(self.map / DAGMERK, naar_bytes({"dag": vandaag.isoformat()}))

    def lees_avg_afdrukken(self) -> list[str]:
        """De vingerafdrukken van namen die op verzoek gewist zijn (``avg.vingerafdruk``)."""
        from ..avg import VINGERAFDRUKKEN

        try:
            data = lees_json(self.map / VINGERAFDRUKKEN) or {}
        except (VergaderingFout, OSError):
            data = {}  # onleesbaar: opnieuw beginnen (de namen zelf zijn al gewist)
        return [a for a in data.get("namen", []) if isinstance(a, str)]

    def bewaar_avg_afdruk(self, afdruk: str, wijkverband_ids: list[str]) -> None:
        """Onthoud een vingerafdruk (voor de hele map; een herstel laat het bestand staan)."""
        from ..avg import VINGERAFDRUKKEN

        afdrukken = self.lees_avg_afdrukken()
        if afdruk in afdrukken:
            return
        schrijf_atomisch(self.map / VINGERAFDRUKKEN, naar_bytes({
            "namen": [*afdrukken, afdruk],
            "uitleg": ("Vingerafdrukken van namen die op verzoek gewist zijn; na een herstel "
                       "worden ze opnieuw gewist.")}))

    def herstel(self, naam: str, bestand: str | None = None) -> reservekopie.Terugzetting:
        """Zet een reservekopie terug (alles, of één bestand); eerst wordt de huidige stand
        zelf bewaard, zodat herstellen terug te draaien is. ``.melding`` van de uitkomst is de
        zin voor de gebruiker.

        Werkt ook als opslag.json beschadigd is (open de opslag dan met ``controleer=False``).
        Een beschadigd bestand dat vervangen wordt, blijft ernaast bewaard als
        ``<naam>.beschadigd-<tijdstip>``, voor wie wil uitzoeken wat er misging; wat daarin en
        in het journaal gezond is en nieuwer dan de kopie, komt terug (zie reservekopie.py).
        """
        kopie = self.map / reservekopie.MAPNAAM / naam
        if not naam or "/" in naam or "\\" in naam or naam.startswith(".") or not kopie.is_dir():
            raise NietGevonden(
                f"Er is geen reservekopie '{naam[:40]}'; `vergadering reservekopie` toont "
                "welke er zijn."
            )
        alleen = _relatief_databestand(bestand) if bestand else None
        if alleen is not None and not (kopie / alleen).is_file():
            raise NietGevonden(
                f"De reservekopie {naam} bevat {alleen.as_posix()} niet; kies een andere kopie."
            )
        with self._schrijfslot():
            self._verplicht = self._schema_verplicht()
            self._ruim_tijdelijke_op()
            nu = self._klok()
            self._reservekopie(nu)
            terug = reservekopie.zet_terug(self.map, kopie, alleen, nu,
                                           verplicht=self._verplicht)
            wijzigingen.meld(self.map, self.schrijver, wijzigingen.ALLES, wijzigingen.ALLES,
                             alleen.as_posix() if alleen else wijzigingen.ALLES)
        self._geheugen.clear()
        self._eerste_schrijf_gedaan = False  # een oude kopie wordt straks bijgewerkt
        return terug

    def _schema_verplicht(self) -> bool:
        """Of de levende vakken een controlegetal moeten hebben (ook als deze opslag zonder
        controle geopend werd, zoals bij herstellen)."""
        try:
            meta = lees_json(self._metapad)
        except BeschadigdBestand:
            return False
        return controlegetal_verplicht(meta)

    def _waarschuw_schijf_vol(self) -> None:
        if SCHIJF_BIJNA_VOL not in _gemeld:
            _gemeld.add(SCHIJF_BIJNA_VOL)
            self.waarschuwingen.append(SCHIJF_BIJNA_VOL)

    def _vakopslag(self, pad: Path) -> AtomischeOpslag:
        """De opslag van één vakbestand, met het geheugen van deze opslag. Een map onderweg
        die een symbolische koppeling is, wordt niet gevolgd (één keer per map nagekeken)."""
        self._geen_koppelingen(pad.parent)
        return AtomischeOpslag(pad, self._geheugen, verplicht=self._verplicht,
                               bij_volle_schijf=self._waarschuw_schijf_vol)

    def _geen_koppelingen(self, map_: Path) -> None:
        """``OpslagFout`` als ``map_`` of een map erboven (binnen de opslag) een symbolische
        koppeling is; één keer per map nagekeken."""
        while map_ not in self._mappen_goed and map_ != self.map and self.map in map_.parents:
            if map_.is_symlink():
                raise OpslagFout(
                    f"De map {map_} is een koppeling naar een andere plek en wordt niet "
                    "gevolgd; haal die koppeling weg (de gegevens zijn niet aangeraakt)."
                )
            if map_.is_dir():
                self._mappen_goed.add(map_)
            map_ = map_.parent

    def _met_advies(self, fout: BeschadigdBestand, pad: Path) -> BeschadigdBestand:
        """Vul de melding aan met wat de gebruiker kan doen."""
        if pad.name.endswith(JOURNAAL):
            # Een kopie bevat het vak zelf (samengevoegd); herstellen gaat via het vak.
            pad = pad.with_name(pad.name[: -len(JOURNAAL)])
        try:
            relatief = pad.relative_to(self.map)
        except ValueError:
            relatief = pad
        kopie = reservekopie.goede_kopie_van(self.map, relatief)
        if kopie is not None:
            advies = (
                f"en is niet aangeraakt; zet de reservekopie van {kopie.name} terug met "
                f"`vergadering herstel {kopie.name} --bestand {relatief.as_posix()}"
                f"{self._db_optie()}`."
            )
        else:
            advies = (
                "en is niet aangeraakt; er is geen reservekopie van dit bestand, "
                "dus vraag hulp voordat u verder werkt."
            )
        # Eén zin: wat er is (de melding zonder punt), dat het niet aangeraakt is, en wat te doen.
        return BeschadigdBestand(f"{str(fout).rstrip('.')} {advies}")

    def _db_optie(self) -> str:
        """' --db MAP' als deze opslag niet de standaardmap is (voor meldingen)."""
        try:
            if self.map.resolve() == standaard_map().resolve():
                return ""
        except (OSError, RuntimeError):
            pass
        import shlex  # alleen voor een melding: niet bij het starten

        return f" --db {shlex.quote(str(self.map))}"

    # --- algemene lees- en schrijfhulp -----------------------------------------------

    def _vak(self, pad: Path, naam: str) -> tuple[AtomischeOpslag, dict[str, dict]]:
        """De opslag van een vakbestand plus de inhoud van tabel ``naam`` ({nummer: document};
        leeg als het vak er niet is). Een beschadigd vak geeft een melding met advies.

        De inhoud komt uit het geheugen zolang vak en journaal niet veranderd zijn; zo kost
        een bewerking geen zoektocht met Query-objecten door het hele vak.
        """
        opslag = self._vakopslag(pad)
        try:
            ruw = opslag.read()
            if ruw is not None and naam not in ruw:
                # Wij schrijven nooit een vakbestand zonder zijn tabel: dan is het leeg gemaakt.
                raise BeschadigdBestand(f"Het bestand {pad} is beschadigd (het is leeg).")
        except BeschadigdBestand as fout:
            raise self._met_advies(fout, pad) from fout
        return opslag, ({} if ruw is None else ruw[naam])

    def _ids(self, pad: Path, naam: str) -> set[str]:
        """De kenmerken in een vakbestand."""
        return {d.get("id") for d in self._vak(pad, naam)[1].values()}

    def _bewaar(self, pad: Path, naam: str, obj: Any, wat: str) -> dict[str, Any]:
        """Bewaar één domeinobject in een vakbestand, met controle op het versienummer; geeft
        het bewaarde document terug (de basis om later samen te voegen, zie samenvoegen.py).
        Niet veranderen: het kan ook in het geheugen van het vak staan."""
        from .omzetten import naar_document

        document = naar_document(obj)
        versie = document.get("versie", 0)
        with self.schrijven():
            opslag, ruw = self._vak(pad, naam)
            doc_id = next((k for k, d in ruw.items() if d.get("id") == document["id"]), None)
            bestaand = None if doc_id is None else ruw[doc_id]
            if bestaand is not None and bestaand.get("versie", 0) != versie:
                raise GelijktijdigGewijzigd(
                    f"Iemand anders heeft {wat} {document['id']} intussen gewijzigd; "
                    "open het opnieuw en doe uw wijziging nog eens."
                )
            document["versie"] = versie + 1
            if doc_id is None:
                doc_id = str(max(map(int, ruw), default=0) + 1)
            # Eén regel in het journaal, niet het hele vak opnieuw: zie bestand.py. Een vak
            # waarvan een document niet te lezen is, weigert (alleen-lezen tot herstel).
            try:
                opslag.voeg_toe(naam, doc_id, document)
            except BeschadigdBestand as fout:
                raise self._met_advies(fout, pad) from fout
            self._meld_wijziging(pad)
        obj.versie = versie + 1
        return document

    def _meld_wijziging(self, pad: Path) -> None:
        """Zet de bewaaractie in de wijzigingsmarkering, voor andere vensters en de beamer."""
        if pad == self._wijkverbandenpad:
            wv, soort = wijzigingen.ALLES, "wijkverbanden"
        else:
            wv, soort = pad.parent.parent.name, pad.parent.name
        wijzigingen.meld(self.map, self.schrijver, wv, soort, pad.name)

    def volger(self) -> wijzigingen.Volger:
        """Een volger van wat andere processen (en andere ``Opslag``-objecten) vanaf nu
        bewaren: ``.nieuw()`` zegt het in microseconden (zie wijzigingen.py)."""
        return wijzigingen.Volger(self.map, self.schrijver)

    def _vakken(self, map_: Path) -> list[Path]:
        if not map_.is_dir():
            return []
        return sorted(p for p in map_.glob("*.json") if not p.name.startswith("."))

    def _lees_objecten(self, cls: type[T], vakken: list[Path], naam: str) -> list[T]:
        # Pas hier: omzetten laadt dataclasses (~7 ms), en een lijst uit de lijstindex zet
        # niets om.
        from .omzetten import uit_document

        uit: list[T] = []
        for vak in vakken:
            # Rechtstreeks uit het vak (in het bestandsformaat van TinyDB): nog eens lezen via
            # een TinyDB-tabel gaf dezelfde documenten, voor een tweede controle van vak en
            # journaal per bestand.
            for doc in self._vak(vak, naam)[1].values():
                try:
                    uit.append(uit_document(cls, doc))
                except BeschadigdBestand as fout:
                    raise self._met_advies(onleesbaar(vak, naam, doc, fout), vak) from fout
        return uit

    # --- wijkverbanden ---------------------------------------------------------------

    @property
    def _wijkverbandenpad(self) -> Path:
        return self.map / "wijkverbanden.json"

    def wijkverbanden(self) -> list[Wijkverband]:
        """Alle wijkverbanden, op naam."""
        from ..wijkverband import Wijkverband

        alle = self._lees_objecten(Wijkverband, [self._wijkverbandenpad], "wijkverbanden")
        return sorted(alle, key=lambda w: w.naam.lower())

    def wijkverband_id(self, naam_of_id: str) -> str:
        """Het kenmerk van het wijkverband met deze naam of dit kenmerk, zoals ``wijkverband``
        het vindt, zonder de wijkverbanden om te zetten (een lijst heeft alleen dit nodig)."""
        paren = self._wijkverbandnamen()
        return paren[zoek_wijkverband(naam_of_id, paren)][0]

    def _wijkverbandnamen(self) -> list[tuple[str, str]]:
        """(kenmerk, naam) van elk wijkverband, op naam, rechtstreeks uit de documenten.
        Klopt een document daarvoor niet, dan via ``wijkverbanden``: dat geeft de melding."""
        docs = list(self._vak(self._wijkverbandenpad, "wijkverbanden")[1].values())
        paren = [(d.get("id"), d.get("naam")) for d in docs if isinstance(d, dict)]
        if len(paren) != len(docs) or not all(
                isinstance(i, str) and isinstance(n, str) for i, n in paren):
            paren = [(w.id, w.naam) for w in self.wijkverbanden()]
        return sorted(paren, key=lambda p: p[1].lower())

    def _heeft_wijkverband(self, wijkverband_id: str) -> bool:
        return any(i == wijkverband_id for i, _ in self._wijkverbandnamen())

    def bewaar_wijkverband(self, wijkverband: Wijkverband) -> dict[str, Any]:
        """Bewaar een (nieuw of gewijzigd) wijkverband."""
        self._controleer_nieuwe_naam(wijkverband)
        return self._bewaar(self._wijkverbandenpad, "wijkverbanden", wijkverband, "wijkverband")

    # --- signalen --------------------------------------------------------------------

    def _signaalvak(self, signaal_id: str, wijkverband_id: str) -> Path:
        return self.map / wijkverband_id / "signalen" / vaknaam("signalen", signaal_id)

    def nieuw_signaal_id(self, wijkverband_id: str, datum: date) -> str:
        """Een vrij kenmerk voor een nieuw signaal."""
        while True:
            kandidaat = ids.signaal_id(datum)
            if kandidaat not in self._ids(self._signaalvak(kandidaat, wijkverband_id), "signalen"):
                return kandidaat

    def signalen(self, wijkverband_id: str | None = None) -> list[Signaal]:
        """De signalen van één wijkverband (of van alle), oudste eerst."""
        wvs = [wijkverband_id] if wijkverband_id else [i for i, _ in self._wijkverbandnamen()]
        from ..signaal import Signaal

        uit: list[Signaal] = []
        for wv in wvs:
            uit += self._lees_objecten(Signaal, self._vakken(self.map / wv / "signalen"),
                                       "signalen")
        return sorted(uit, key=OP_DATUM)

    def signaal(self, wijkverband_id: str, signaal_id: str) -> Signaal:
        """Eén signaal."""
        from ..signaal import Signaal

        vak = self._signaalvak(signaal_id, wijkverband_id)
        for s in self._lees_objecten(Signaal, [vak] if vak.exists() else [], "signalen"):
            if s.id == signaal_id:
                return s
        raise NietGevonden(f"Er is geen signaal '{signaal_id[:30]}'.")

    def bewaar_signaal(self, signaal: Signaal) -> dict[str, Any]:
        """Bewaar een (nieuw of gewijzigd) signaal."""
        return self._bewaar(self._signaalvak(signaal.id, signaal.wijkverband_id), "signalen",
                            signaal, "signaal")

    def bewaar_nieuwe_signalen(self, signalen: list[Signaal]) -> int:
        """Bewaar veel nieuwe signalen tegelijk (een import): per vak in één keer, met één
        fsync. Een signaal waarvan het kenmerk er al is, wordt overgeslagen (zo voegt een
        import die na een onderbreking opnieuw draait niets dubbel toe). Geeft het aantal
        toegevoegde signalen."""
        from .omzetten import naar_document

        # Eerst op (wijkverband, maand), dan één pad per vak: een pad per signaal maken kost
        # bij tienduizend signalen een vijfde seconde.
        per_maand: dict[tuple[str, str], list[Signaal]] = {}
        for s in signalen:
            per_maand.setdefault((s.wijkverband_id, s.id.split("-", 1)[0]), []).append(s)
        per_vak = {self._signaalvak(groep[0].id, wv): groep
                   for (wv, _), groep in per_maand.items()}
        toegevoegd = 0
        with self.schrijven():
            for pad, groep in per_vak.items():
                opslag, ruw = self._vak(pad, "signalen")
                bekend = {d.get("id") for d in ruw.values()}
                volgend = max(map(int, ruw), default=0)
                nieuw: dict[str, dict[str, Any]] = {}
                for s in groep:
                    if s.id in bekend:
                        continue
                    bekend.add(s.id)
                    document = naar_document(s)
                    document["versie"] = s.versie + 1
                    volgend += 1
                    nieuw[str(volgend)] = document
                try:
                    opslag.voeg_veel_toe("signalen", nieuw)
                except BeschadigdBestand as fout:
                    raise self._met_advies(fout, pad) from fout
                if nieuw:
                    self._meld_wijziging(pad)
                erbij = {d["id"] for d in nieuw.values()}
                for s in groep:
                    if s.id in erbij:
                        s.versie += 1
                toegevoegd += len(nieuw)
        return toegevoegd

    # --- acties ----------------------------------------------------------------------

    def _actievak(self, actie_id: str, wijkverband_id: str) -> Path:
        return self.map / wijkverband_id / "acties" / vaknaam("acties", actie_id)

    def acties(self, wijkverband_id: str | None = None) -> list[Actie]:
        """De acties van één wijkverband (of van alle), op nummer."""
        wvs = [wijkverband_id] if wijkverband_id else [i for i, _ in self._wijkverbandnamen()]
        from ..actie import Actie

        uit: list[Actie] = []
        for wv in wvs:
            uit += self._lees_objecten(Actie, self._vakken(self.map / wv / "acties"), "acties")
        return sorted(uit, key=attrgetter("wijkverband_id", "nummer"))

    def bewaar_actie(self, actie: Actie) -> dict[str, Any]:
        """Bewaar een (nieuwe of gewijzigde) actie."""
        return self._bewaar(self._actievak(actie.id, actie.wijkverband_id), "acties", actie,
                            "actie")

    def actie(self, wijkverband_id: str, actie_id: str) -> Actie:
        """Eén actie."""
        from ..actie import Actie

        vak = self._actievak(actie_id, wijkverband_id)
        for a in self._lees_objecten(Actie, [vak] if vak.exists() else [], "acties"):
            if a.id == actie_id:
                return a
        raise NietGevonden(f"Er is geen actie '{actie_id[:30]}'.")

    # --- vergaderingen ---------------------------------------------------------------

    def _vergaderingpad(self, wijkverband_id: str, vergadering_id: str) -> Path:
        return self.map / wijkverband_id / "vergaderingen" / vaknaam("vergaderingen",
                                                                    vergadering_id)

    def vergaderingen(self, wijkverband_id: str | None = None) -> list[Vergadering]:
        """De vergaderingen van één wijkverband (of van alle), oudste eerst."""
        wvs = [wijkverband_id] if wijkverband_id else [i for i, _ in self._wijkverbandnamen()]
        from ..vergadering import Vergadering

        uit: list[Vergadering] = []
        for wv in wvs:
            uit += self._lees_objecten(
                Vergadering, self._vakken(self.map / wv / "vergaderingen"), "vergadering"
            )
        return sorted(uit, key=OP_DATUM)

    def vergadering(self, wijkverband_id: str, vergadering_id: str) -> Vergadering:
        """Eén vergadering."""
        pad = self._vergaderingpad(wijkverband_id, vergadering_id)
        from ..vergadering import Vergadering

        gevonden = self._lees_objecten(Vergadering, [pad] if pad.exists() else [], "vergadering")
        if not gevonden:
            raise NietGevonden(f"Er is geen vergadering '{vergadering_id[:30]}'.")
        return gevonden[0]

    def _heeft_vergadering(self, wijkverband_id: str, vergadering_id: str) -> bool:
        return self._vergaderingpad(wijkverband_id, vergadering_id).exists()

    def bewaar_vergadering(self, vergadering: Vergadering) -> dict[str, Any]:
        """Bewaar een (nieuwe of gewijzigde) vergadering."""
        return self._bewaar(
            self._vergaderingpad(vergadering.wijkverband_id, vergadering.id),
            "vergadering",
            vergadering,
            "vergadering",
        )

    # === Lezen voor het startscherm =====================================================
    # Alleen lezende toegangen voor de afgeleide index (index.py): het startscherm leest zo
    # alleen de vakken die veranderd zijn, en elk vak gaat via dezelfde controle als hierboven.

    _TABELLEN = {"signalen": "signalen", "acties": "acties", "vergaderingen": "vergadering"}

    def vakmap(self, wijkverband_id: str, soort: str) -> Path:
        """De map met vakbestanden van één soort ('signalen', 'acties' of 'vergaderingen')."""
        if soort not in self._TABELLEN:
            raise ValueError(soort)
        return self.map / wijkverband_id / soort

    def vaknamen(self, wijkverband_id: str, soort: str) -> list[tuple[str, bool]]:
        """De namen van de vakbestanden in ``vakmap`` op volgorde (dezelfde als ``_vakken``),
        elk met of er een journaal naast staat. Eén keer de map lezen, zonder glob en
        Path-objecten: dit gebeurt bij elke start voor honderden bestanden."""
        map_ = self.vakmap(wijkverband_id, soort)
        try:
            with os.scandir(map_) as inhoud:
                namen = {e.name for e in inhoud if not e.name.startswith(".")}
        except (FileNotFoundError, NotADirectoryError):
            return []
        except OSError as fout:
            raise OpslagFout(
                f"{map_} kan niet gelezen worden ({oorzaak(fout)}); controleer de rechten."
            ) from fout
        return sorted((naam, naam + JOURNAAL in namen) for naam in namen
                      if naam.endswith(".json"))

    def heeft_vak(self, wijkverband_id: str, soort: str, naam: str) -> bool:
        """Waar als het vak (een naam uit ``vaknamen``) bestaat."""
        return (self.vakmap(wijkverband_id, soort) / naam).exists()

    def lees_vak(self, wijkverband_id: str, soort: str, naam: str) -> list[Any]:
        """De objecten uit één vakbestand (een naam uit ``vaknamen``); een beschadigd vak
        geeft de melding met advies, zoals elk ander lezen."""
        tabel = self._TABELLEN[soort]
        pad = self.vakmap(wijkverband_id, soort) / naam
        return self._lees_objecten(klasse(tabel), [pad], tabel)

    def lees_documenten(self, wijkverband_id: str, soort: str, naam: str,
                        sleutel: list[int] | None = None) -> list[Any]:
        """De opgeslagen documenten van één vakbestand (vak plus journaal, gecontroleerd op
        controlegetal en vorm, nog niet omgezet), in de volgorde van ``lees_vak``; een
        beschadigd vak geeft de melding met advies. Niet veranderen: ze staan ook in het
        geheugen van het vak.

        ``sleutel``: de sleutel van het vak zoals net gezien (``afgeleid.sleutel``). Is het
        vak nog precies dat, zonder journaal, dan in één keer en buiten het geheugen van de
        façade om (``bestand.tabel_als_ongewijzigd``; voor lange lijsten)."""
        tabel = self._TABELLEN[soort]
        if sleutel is not None:
            map_ = self._snelle_mappen.get((wijkverband_id, soort))
            if map_ is None:
                vakmap = self.vakmap(wijkverband_id, soort)
                self._geen_koppelingen(vakmap)
                map_ = str(vakmap)
                if vakmap in self._mappen_goed:  # nagekeken en er: onthouden
                    self._snelle_mappen[wijkverband_id, soort] = map_
            docs = tabel_als_ongewijzigd(os.path.join(map_, naam), tabel, sleutel,
                                         verplicht=self._verplicht)
            if docs is not None:
                return docs
        return list(self._vak(self.vakmap(wijkverband_id, soort) / naam, tabel)[1].values())

    def samenvatting(self, wijkverband_id: str) -> Any:
        """Wat het startscherm van een wijkverband nodig heeft (``index.Samenvatting``):
        open signalen, open acties en de vergaderingen op een rij, zonder de geschiedenis te
        lezen die niet veranderd is."""
        from .index import samenvatting

        return samenvatting(self, wijkverband_id)

    def bewaar_datumteksten(self, wijkverband_id: str, teksten: dict[str, tuple[str, str]]
                            ) -> None:
        """Onthoud in de startindex hoe Babel de datums van het overzicht schreef."""
        from .index import bewaar_datumteksten

        bewaar_datumteksten(self, wijkverband_id, teksten)

    def lijstrijen(self, soort: str, wijkverband_id: str | None,
                   maak: Callable[[list[Any]], list[list[Any]]], vorm: str,
                   index: str | None = None,
                   ruw: Callable[[list[Any]], list[list[Any]]] | None = None
                   ) -> list[list[Any]]:
        """De rijen van een lijst ('signalen', 'acties' of 'vergaderingen') van één
        wijkverband (of van alle, op naam), vak voor vak in de volgorde van ``signalen()``
        enz. (nog niet gesorteerd): uit de lijstindex waar een vak niet veranderd is, anders
        ``ruw(documenten van het vak)`` of ``maak(objecten van het vak)``. ``index``: een
        eigen lijstindex naast die van de lijst, voor rijen met andere kolommen (zoals die
        van impact.py). Zie lijstindex.py."""
        from .lijstindex import rijen

        wvs = [wijkverband_id] if wijkverband_id else [i for i, _ in self._wijkverbandnamen()]
        return rijen(self, wvs, soort, maak, vorm, index, ruw)

    def laad_maandnamen(self) -> None:
        """Babels maandnamen voor de datumkolommen van een lijst: uit de opslagmap als ze van
        deze Babel zijn (Babel laden kost meer dan een jaar lijst), anders uit Babel en dan
        daar bewaard. Afgeleid en verborgen, zoals de startindex: een map waarin niet
        geschreven mag worden, is geen fout."""
        from .. import datums

        pad = self.map / BABELNAMEN
        try:
            bewaard = lees_json(pad)
        except OpslagFout:
            bewaard = None
        if datums.gebruik_bewaard(bewaard):
            return
        try:
            schrijf_atomisch(pad, naar_bytes(datums.te_bewaren()))
        except (OpslagFout, OSError):
            pass

    # === einde: lezen voor het startscherm ================================================
