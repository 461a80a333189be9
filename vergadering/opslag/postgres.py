"""De opslag op een gedeelde PostgreSQL-server: dezelfde façade als de map (facade.py).

Voor een gemeente met meerdere wijkverbanden, met laptops die tegelijk werken. Schermen,
opdrachtregel, export en beamer weten niet welke opslag ze gebruiken: ``open_opslag`` in
``opslag/__init__.py`` kiest op ``--db``. psycopg wordt alleen geladen als deze opslag gekozen
is (de map start zonder).

Tabellen (zie ``_TABELLEN``):

    vergadering_meta   schemaversie (dezelfde als de map: migratie.SCHEMA)
    documenten         elk document als JSON-tekst (omzetten.py), met wijkverband, soort,
                       kenmerk, vak (vakindeling.py), versienummer en status; tekst en geen
                       jsonb, want jsonb weigert \u0000 en losse surrogaten, en vijandige
                       tekst moet precies zo terugkomen als hij bewaard werd
    wijzigingen        één regel per bewaaractie, voor wie volgt (zie ``PostgresVolger``;
                       elke regel gaat samen met een NOTIFY)
    wijzigingsteller   het nummer van de laatste wijziging
    wijkverbandrollen  welke databaserol bij welk wijkverband hoort (row-level security)

Elke bewaaractie is één transactie in één rondgang naar de server (de functie
``vergadering_bewaar``): versiecontrole (``UPDATE … WHERE versie = …``), het document en de
regel in ``wijzigingen``; pas na de commit keert ze terug. Wie een
verouderde versie bewaart, krijgt ``GelijktijdigGewijzigd``, zoals bij de map.

Wie wat ziet, regelt de server zelf met row-level security: een rol leest en schrijft alleen
de rijen van de wijkverbanden waarvan hij lid is (via ``wijkverbandrollen``), de rol
``vergadering_gemeente`` leest alles. De eigenaar van de tabellen (de beheerder die
``vergadering database maak`` draaide) valt daar buiten, zoals PostgreSQL dat doet.
"""

from __future__ import annotations

import json
import os
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime
from operator import attrgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

import psycopg
from psycopg import errors, sql
from psycopg.conninfo import conninfo_to_dict, make_conninfo
from psycopg.types.json import Jsonb

from .. import ids
from ..fouten import (
    BeschadigdBestand,
    GelijktijdigGewijzigd,
    NietGevonden,
    NieuwereVersie,
    Onbereikbaar,
    OpslagFout,
)
from .gedeeld import OP_DATUM, Gedeeld
from .migratie import SCHEMA
from .offline import klasse
from .omzetten import naar_document, uit_document
from .vakindeling import SOORTEN, vaknaam
from .wijzigingen import ALLES, Wijziging

if TYPE_CHECKING:
    from ..actie import Actie
    from ..signaal import Signaal
    from ..vergadering import Vergadering
    from ..wijkverband import Wijkverband

T = TypeVar("T")
GEMEENTEROL = "vergadering_gemeente"
GEBRUIKERSROL = "vergadering_gebruiker"  # elke rol die de app gebruikt, is hier lid van
BEWAAR_WIJZIGINGEN = 50_000  # zoveel regels in ``wijzigingen`` blijven staan
# Hoe lang een verbinding mag duren voor de melding 'niet bereikbaar' (libpq wacht anders
# minuten): een buurthuis met slechte wifi moet snel horen wat er is. Om dezelfde reden
# merkt een open verbinding binnen ~4 s dat het netwerk weg is (keepalives, en een grens
# aan onbevestigd verstuurde gegevens), in plaats van na minuten TCP. Die grens telt alleen
# wat de andere kant niet op TCP-niveau bevestigt: een trage maar levende server (een
# belaste machine, een query die op een slot wacht) bevestigt meteen, en valt er dus niet
# onder (test_offline_postgres). De bewaarder wacht er niet op: een commit die niet in een
# beeldje past, staat al in het lokale journaal ("wordt bewaard").
VERBINDEN_BINNEN = 10
# Een nieuw signaalkenmerk: zoveel kandidaten in één vraag, en zo lang (seconden) blijven de
# vrije over als voorraad (zie PostgresOpslag.nieuw_signaal_id).
KANDIDATEN, VRIJ_HOUDBAAR = 8, 600.0
_NETWERK = {"keepalives": 1, "keepalives_idle": 5, "keepalives_interval": 2,
            "keepalives_count": 3, "tcp_user_timeout": 4_000}

_TABELLEN = f"""
CREATE TABLE IF NOT EXISTS vergadering_meta (
    sleutel text PRIMARY KEY,
    waarde jsonb NOT NULL
);
CREATE TABLE IF NOT EXISTS documenten (
    wijkverband text NOT NULL,
    soort text NOT NULL CHECK (soort IN ('wijkverbanden', 'signalen', 'acties',
                                         'vergaderingen')),
    id text NOT NULL,
    vak text NOT NULL,
    volgnr bigint GENERATED ALWAYS AS IDENTITY,
    versie integer NOT NULL,
    status text,
    doc text NOT NULL,
    PRIMARY KEY (wijkverband, soort, id)
);
CREATE INDEX IF NOT EXISTS documenten_per_vak ON documenten (wijkverband, soort, vak, volgnr);
CREATE TABLE IF NOT EXISTS wijzigingen (
    nr bigint PRIMARY KEY,
    schrijver text NOT NULL,
    wijkverband text NOT NULL,
    soort text NOT NULL,
    vak text NOT NULL
);
CREATE TABLE IF NOT EXISTS wijzigingsteller (
    een boolean PRIMARY KEY DEFAULT true CHECK (een),
    nr bigint NOT NULL,
    vanaf bigint NOT NULL DEFAULT 0  -- oudere regels zijn opgeruimd
);
INSERT INTO wijzigingsteller VALUES (true, 0, 0) ON CONFLICT DO NOTHING;
CREATE TABLE IF NOT EXISTS wijkverbandrollen (
    wijkverband text NOT NULL,
    rol text NOT NULL,
    PRIMARY KEY (wijkverband, rol)
);
CREATE OR REPLACE VIEW mijn_wijkverbanden AS
    SELECT r.wijkverband FROM wijkverbandrollen r JOIN pg_roles p ON p.rolname = r.rol
    WHERE pg_has_role(p.oid, 'MEMBER');
-- De wijziging voor wie volgt. Met de rechten van de eigenaar: een gebruiker kan de teller
-- en de lijst zo niet zelf verzetten (en daarmee andermans bewaren laten mislukken). De
-- teller houdt zijn rij vast tot de commit: zo komen de nummers in de volgorde van
-- committen, en slaat een volger nooit een wijziging over die later zichtbaar wordt.
-- In plpgsql: die bewaart de plannen van zijn vragen per verbinding (een sql-functie
-- plant ze bij elke aanroep opnieuw, ~0,1 ms per bewerking).
CREATE OR REPLACE FUNCTION vergadering_meld(p_wv text, p_soort text, p_vak text,
        p_schrijver text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
    v_nr bigint;
BEGIN
    UPDATE wijzigingsteller SET nr = nr + 1 RETURNING nr INTO v_nr;
    INSERT INTO wijzigingen VALUES (v_nr, p_schrijver, p_wv, p_soort, p_vak);
    -- Elke duizend wijzigingen de regels van meer dan {BEWAAR_WIJZIGINGEN} geleden weg; wie
    -- zo ver achter is, leest alles opnieuw (zie PostgresVolger).
    IF v_nr % 1000 = 0 AND v_nr > {BEWAAR_WIJZIGINGEN} THEN
        UPDATE wijzigingsteller SET vanaf = v_nr - {BEWAAR_WIJZIGINGEN};
        DELETE FROM wijzigingen WHERE nr <= v_nr - {BEWAAR_WIJZIGINGEN};
    END IF;
    -- Wie luistert, hoort het na de commit (zonder inhoud: wat er veranderde, leest hij
    -- zelf, onder row-level security).
    PERFORM pg_notify('vergadering_' || current_schema(), '');
END $$;
-- Eén bewaaractie in één rondgang naar de server (de verbinding staat op autocommit, dus dit
-- is één transactie): versiecontrole, het document en de wijziging voor wie volgt. Onwaar:
-- een ander bewaarde intussen een nieuwere versie. Met de rechten van wie aanroept, dus
-- onder row-level security.
CREATE OR REPLACE FUNCTION vergadering_bewaar(p_wv text, p_soort text, p_id text, p_vak text,
        p_versie integer, p_status text, p_doc text, p_schrijver text) RETURNS boolean
    LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    -- Een nieuw document (versie 0) meteen invoegen; bestaat het al, dan is het verouderd.
    IF p_versie > 0 THEN
        UPDATE documenten SET versie = p_versie + 1, status = p_status, doc = p_doc
            WHERE wijkverband = p_wv AND soort = p_soort AND vak = p_vak AND id = p_id
                AND versie = p_versie;
    END IF;
    IF p_versie = 0 OR NOT FOUND THEN
        INSERT INTO documenten (wijkverband, soort, id, vak, versie, status, doc)
            VALUES (p_wv, p_soort, p_id, p_vak, p_versie + 1, p_status, p_doc)
            ON CONFLICT DO NOTHING;
        IF NOT FOUND THEN
            RETURN false;
        END IF;
    END IF;
    PERFORM vergadering_meld(p_wv, p_soort, p_vak, p_schrijver);
    RETURN true;
END $$;
ALTER TABLE documenten ENABLE ROW LEVEL SECURITY;
ALTER TABLE wijzigingen ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS lezen ON documenten;
DROP POLICY IF EXISTS schrijven ON documenten;
DROP POLICY IF EXISTS wijzigen ON documenten;
DROP POLICY IF EXISTS lezen ON wijzigingen;
DROP POLICY IF EXISTS schrijven ON wijzigingen;
CREATE POLICY lezen ON documenten FOR SELECT USING (
    wijkverband IN (SELECT wijkverband FROM mijn_wijkverbanden)
    OR pg_has_role('{GEMEENTEROL}', 'MEMBER'));
CREATE POLICY schrijven ON documenten FOR INSERT WITH CHECK (
    wijkverband IN (SELECT wijkverband FROM mijn_wijkverbanden));
CREATE POLICY wijzigen ON documenten FOR UPDATE
    USING (wijkverband IN (SELECT wijkverband FROM mijn_wijkverbanden))
    WITH CHECK (wijkverband IN (SELECT wijkverband FROM mijn_wijkverbanden));
CREATE POLICY lezen ON wijzigingen FOR SELECT USING (
    wijkverband IN (SELECT wijkverband FROM mijn_wijkverbanden)
    OR pg_has_role('{GEMEENTEROL}', 'MEMBER'));
GRANT SELECT ON vergadering_meta, wijkverbandrollen, mijn_wijkverbanden TO {GEBRUIKERSROL};
GRANT SELECT, INSERT, UPDATE ON documenten TO {GEBRUIKERSROL};
GRANT SELECT ON wijzigingen, wijzigingsteller TO {GEBRUIKERSROL};
REVOKE INSERT ON wijzigingen FROM {GEBRUIKERSROL};
REVOKE UPDATE ON wijzigingsteller FROM {GEBRUIKERSROL};
REVOKE EXECUTE ON FUNCTION vergadering_meld FROM PUBLIC;
GRANT EXECUTE ON FUNCTION vergadering_meld, vergadering_bewaar TO {GEBRUIKERSROL};
"""

# Wat de AVG onthoudt (avg.py), per wijkverband en alleen voor zijn eigen leden (ook de
# gemeente ziet het niet): de dag waarop de bewaartermijn het laatst is toegepast, en de
# vingerafdrukken van namen die op verzoek gewist zijn.
_AVG_TABELLEN = f"""
CREATE TABLE IF NOT EXISTS avg_dagmerk (
    wijkverband text PRIMARY KEY,
    dag date NOT NULL
);
CREATE TABLE IF NOT EXISTS avg_vingerafdrukken (
    wijkverband text NOT NULL,
    afdruk text NOT NULL,
    PRIMARY KEY (wijkverband, afdruk)
);
ALTER TABLE avg_dagmerk ENABLE ROW LEVEL SECURITY;
ALTER TABLE avg_vingerafdrukken ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS eigen ON avg_dagmerk;
DROP POLICY IF EXISTS eigen ON avg_vingerafdrukken;
CREATE POLICY eigen ON avg_dagmerk
    USING (wijkverband IN (SELECT wijkverband FROM mijn_wijkverbanden))
    WITH CHECK (wijkverband IN (SELECT wijkverband FROM mijn_wijkverbanden));
CREATE POLICY eigen ON avg_vingerafdrukken
    USING (wijkverband IN (SELECT wijkverband FROM mijn_wijkverbanden))
    WITH CHECK (wijkverband IN (SELECT wijkverband FROM mijn_wijkverbanden));
GRANT SELECT, INSERT, UPDATE ON avg_dagmerk TO {GEBRUIKERSROL};
GRANT SELECT, INSERT ON avg_vingerafdrukken TO {GEBRUIKERSROL};
"""

# Van schemaversie n naar n+1 in de database (leeg zolang er maar één vorm is geweest).
MIGRATIES: dict[int, str] = {}


def toonbaar(db: str) -> str:
    """Het adres van de database zoals een melding het noemt: server, poort en database, of
    de service; nooit een wachtwoord."""
    try:
        delen = conninfo_to_dict(db)
    except psycopg.ProgrammingError:
        return "de opgegeven database"
    if delen.get("service") and not delen.get("host"):
        return f"service {delen['service']}"
    host = str(delen.get("host") or delen.get("hostaddr") or "deze computer")
    if host.startswith("/"):
        host = "deze computer"
    poort = f":{delen['port']}" if delen.get("port") else ""
    naam = f"/{delen['dbname']}" if delen.get("dbname") else ""
    return f"{host}{poort}{naam}"


def heeft_wachtwoord(db: str) -> bool:
    """Waar als het adres zelf een wachtwoord bevat ('postgresql://anja:geheim@…' of
    'password=…')."""
    from urllib.parse import parse_qsl, urlsplit

    try:
        if "://" not in db:
            return "password" in conninfo_to_dict(db)
        url = urlsplit(db.strip())
        return url.password is not None or any(k == "password" for k, _ in
                                               parse_qsl(url.query))
    except (ValueError, psycopg.Error):
        return False  # een onleesbaar adres: de melding komt bij het verbinden


def zonder_wachtwoord(db: str) -> str:
    """Het adres zonder wachtwoord (libpq-sleutels), om te tonen of te herhalen."""
    from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

    if "://" not in db:
        delen = {k: v for k, v in conninfo_to_dict(db).items() if k != "password"}
        return make_conninfo("", **delen)
    url = urlsplit(db.strip())
    netloc = url.netloc
    if "@" in netloc:
        wie, _, waar = netloc.rpartition("@")
        netloc = f"{wie.split(':', 1)[0]}@{waar}"
    vraag = urlencode([(k, v) for k, v in parse_qsl(url.query) if k != "password"])
    return urlunsplit((url.scheme, netloc, url.path, vraag, url.fragment))


# Wat samen zegt wélke database het is; de rest (sslmode, time-outs, wachtwoord) niet.
_WELKE = ("host", "hostaddr", "port", "dbname", "user")
_OMGEVING = {"host": "PGHOST", "hostaddr": "PGHOSTADDR", "port": "PGPORT",
             "dbname": "PGDATABASE", "user": "PGUSER"}


def _servicebestanden() -> list[Path]:
    """Waar libpq een service zoekt, in zijn volgorde: het eigen bestand van de gebruiker
    (PGSERVICEFILE of ~/.pg_service.conf), dan dat van het systeem (PGSYSCONFDIR)."""
    eigen = os.environ.get("PGSERVICEFILE") or str(Path.home() / ".pg_service.conf")
    uit = [Path(eigen)]
    if os.environ.get("PGSYSCONFDIR"):
        uit.append(Path(os.environ["PGSYSCONFDIR"]) / "pg_service.conf")
    uit.append(Path("/etc/postgresql-common/pg_service.conf"))  # Debians vaste plek
    return uit


def _uit_service(naam: str) -> dict[str, str]:
    """De sleutels van een service uit het eerste servicebestand dat hem kent (leeg als
    geen bestand hem kent of een bestand niet te lezen is)."""
    from configparser import ConfigParser, Error

    for pad in _servicebestanden():
        lezer = ConfigParser(interpolation=None)
        try:
            if not lezer.read(pad, encoding="utf-8") or not lezer.has_section(naam):
                continue
        except (Error, OSError, UnicodeDecodeError):
            continue
        return dict(lezer.items(naam))
    return {}


def herstel_weigeren(db: str) -> NoReturn:
    """Een reservekopie terugzetten in een database doet de beheerder, niet dit programma:
    ``OpslagFout`` met die zin (zonder verbinding te maken)."""
    raise OpslagFout(
        f"De gegevens staan in de database op {toonbaar(db)}; een reservekopie daarvan zet "
        "de beheerder van de database terug, niet dit programma."
    )


def welke_database(db: str) -> str:
    """Eén vaste schrijfwijze voor de database achter een adres, zonder wachtwoord: een URL,
    sleutels of een service die naar dezelfde server, poort, database en gebruiker wijzen,
    geven dezelfde tekst (zo horen ze bij één lokaal journaal). Wat ontbreekt, vult dit aan
    zoals libpq: uit de service, de omgeving (PGHOST…) en de vaste waarden."""
    import getpass

    delen = {k: str(v) for k, v in conninfo_to_dict(db).items() if v is not None}
    service = delen.pop("service", None) or os.environ.get("PGSERVICE")
    uit_service = _uit_service(service) if service else {}  # de servicebestanden één keer
    for k, v in uit_service.items():
        delen.setdefault(k, v)
    welke = {k: delen.get(k) or os.environ.get(_OMGEVING[k], "") for k in _WELKE}
    if not (welke["host"] or welke["hostaddr"]) and service and not uit_service:
        welke["service"] = service  # onbekende service: dan alleen zijn naam
    try:
        gebruiker = getpass.getuser()
    except (KeyError, OSError):
        gebruiker = ""
    welke["port"] = welke["port"] or "5432"
    welke["user"] = welke["user"] or gebruiker
    welke["dbname"] = welke["dbname"] or welke["user"]
    return make_conninfo("", **{k: v for k, v in sorted(welke.items()) if v})


def _onbereikbaar(db: str) -> Onbereikbaar:
    return Onbereikbaar(
        f"De database op {toonbaar(db)} is niet bereikbaar; controleer de verbinding of "
        "vraag uw beheerder."
    )


def _geweigerd(db: str) -> OpslagFout:
    return OpslagFout(
        f"De database op {toonbaar(db)} weigerde dit; probeer het opnieuw of vraag uw "
        "beheerder (er is niets veranderd)."
    )


def verbind(db: str, *, autocommit: bool = True) -> psycopg.Connection:
    """Een verbinding met de database; elke fout wordt één Nederlandse zin zonder
    wachtwoord. Het wachtwoord komt uit het libpq-wachtwoordbestand of het servicebestand,
    nooit van de opdrachtregel (zie README)."""
    try:
        conninfo_to_dict(db)
    except psycopg.ProgrammingError as fout:
        raise OpslagFout(
            "Het databaseadres bij --db is niet te lezen; schrijf het als "
            "postgresql://server/database of service=naam."
        ) from fout
    try:
        return psycopg.connect(db, autocommit=autocommit, connect_timeout=VERBINDEN_BINNEN,
                               application_name="vergadering", **_NETWERK)
    except psycopg.OperationalError as fout:
        tekst = str(fout)
        if "password authentication failed" in tekst or "no password supplied" in tekst:
            raise OpslagFout(
                f"De database op {toonbaar(db)} weigert de aanmelding; controleer gebruiker en "
                "wachtwoord in uw wachtwoordbestand (pgpass) of vraag uw beheerder."
            ) from fout
        if "definition of service" in tekst:
            raise OpslagFout(
                f"De {toonbaar(db)} staat niet in uw servicebestand (pg_service.conf); "
                "controleer de naam of vraag uw beheerder."
            ) from fout
        if "does not exist" in tekst:
            raise OpslagFout(
                f"De database op {toonbaar(db)} bestaat niet of u hebt er geen toegang toe; "
                "vraag uw beheerder."
            ) from fout
        raise _onbereikbaar(db) from fout


def _meta(uitvoerder: psycopg.Connection | psycopg.Cursor) -> int | None:
    """De schemaversie in de database; None als de tabellen er nog niet zijn. Zonder fout
    als ze ontbreken (to_regclass): ook binnen een transactie, die een fout zou afbreken."""
    if uitvoerder.execute("SELECT to_regclass('vergadering_meta')").fetchone()[0] is None:
        return None
    rij = uitvoerder.execute(
        "SELECT waarde FROM vergadering_meta WHERE sleutel = 'schema'").fetchone()
    return rij[0] if rij is not None and isinstance(rij[0], int) else None


def _weiger_nieuwer(versie: int | None, db: str) -> None:
    if versie is not None and versie > SCHEMA:
        raise NieuwereVersie(
            f"De database op {toonbaar(db)} is gemaakt met een nieuwere versie van "
            f"Vergadering (schema {versie}, dit programma kent {SCHEMA}); werk het programma "
            "bij. De gegevens zijn niet aangeraakt."
        )


def _maak_rol(cur: psycopg.Cursor, rol: str) -> None:
    """Een groepsrol (zonder aanmelden), als die er nog niet is."""
    if cur.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (rol,)).fetchone() is None:
        cur.execute(sql.SQL("CREATE ROLE {} NOLOGIN").format(sql.Identifier(rol)))


def maak_schema(db: str) -> str:
    """Maak de tabellen, rollen en regels van Vergadering in de database, of werk ze bij
    (``vergadering database maak``). Mag vaker: wat er al is, blijft. Weigert een nieuwer
    schema (``NieuwereVersie``). Geeft de zin voor de gebruiker."""
    with verbind(db) as conn:
        versie = _meta(conn)
        _weiger_nieuwer(versie, db)
        try:
            with conn.transaction(), conn.cursor() as cur:
                # Eén beheerder tegelijk: twee keer tegelijk 'maak' wacht op elkaar.
                cur.execute("SELECT pg_advisory_xact_lock(hashtext('vergadering maak'))")
                versie = _meta(cur)
                _weiger_nieuwer(versie, db)
                _maak_rol(cur, GEBRUIKERSROL)
                _maak_rol(cur, GEMEENTEROL)
                cur.execute(sql.SQL("GRANT {} TO {}").format(
                    sql.Identifier(GEBRUIKERSROL), sql.Identifier(GEMEENTEROL)))
                for oud in range(versie or SCHEMA, SCHEMA):
                    cur.execute(MIGRATIES[oud])
                cur.execute(_TABELLEN)
                zonder_avg = cur.execute(
                    "SELECT to_regclass('avg_vingerafdrukken') IS NULL").fetchone()[0]
                cur.execute(_AVG_TABELLEN)
                schema = cur.execute("SELECT current_schema()").fetchone()[0]
                cur.execute(sql.SQL("GRANT USAGE ON SCHEMA {} TO {}").format(
                    sql.Identifier(schema), sql.Identifier(GEBRUIKERSROL)))
                cur.execute(
                    "INSERT INTO vergadering_meta VALUES ('schema', %s) ON CONFLICT (sleutel) "
                    "DO UPDATE SET waarde = EXCLUDED.waarde", (Jsonb(SCHEMA),))
        except errors.InsufficientPrivilege as fout:
            raise OpslagFout(
                f"U mag in de database op {toonbaar(db)} geen tabellen of rollen maken; laat "
                "`vergadering database maak` draaien door de beheerder van de database."
            ) from fout
        except psycopg.Error as fout:
            raise _geweigerd(db) from fout
    if versie is None:
        return f"De tabellen van Vergadering zijn gemaakt in {toonbaar(db)} (schema {SCHEMA})."
    if versie < SCHEMA:
        return f"De database op {toonbaar(db)} is bijgewerkt van schema {versie} naar {SCHEMA}."
    if zonder_avg:
        return (f"De database op {toonbaar(db)} is bijgewerkt: de tabellen voor de AVG "
                f"(bewaartermijn en verwijderen op verzoek) zijn erbij (schema {SCHEMA}).")
    return f"De database op {toonbaar(db)} was al bij (schema {SCHEMA}); er is niets veranderd."


def wijkverbandrol(wijkverband_id: str) -> str:
    """De groepsrol van een wijkverband: 'vergadering_wv_<kenmerk>' (hooguit 63 tekens)."""
    return f"vergadering_wv_{wijkverband_id}"[:63]


def ken_rol_toe(db: str, lid: str, wijkverband_id: str | None) -> str:
    """Geef databaserol ``lid`` toegang tot één wijkverband (lezen en schrijven), of met
    ``wijkverband_id=None`` de gemeenterol (alles lezen). Maakt de groepsrol van het
    wijkverband zo nodig. Geeft de zin voor de gebruiker."""
    with verbind(db) as conn:
        _weiger_nieuwer(_meta(conn), db)
        try:
            with conn.transaction(), conn.cursor() as cur:
                if cur.execute("SELECT 1 FROM pg_roles WHERE rolname = %s",
                               (lid,)).fetchone() is None:
                    raise NietGevonden(
                        f"Er is geen databaserol '{lid[:60]}'; laat de beheerder hem eerst "
                        "maken (CREATE ROLE … LOGIN)."
                    )
                if _meta(cur) is None:
                    raise OpslagFout(
                        f"De database op {toonbaar(db)} heeft nog geen tabellen van "
                        f"Vergadering; maak ze eerst met `vergadering database maak`."
                    )
                if wijkverband_id is None:
                    groep = GEMEENTEROL
                else:
                    groep = wijkverbandrol(wijkverband_id)
                    _maak_rol(cur, groep)
                    cur.execute(sql.SQL("GRANT {} TO {}").format(
                        sql.Identifier(GEBRUIKERSROL), sql.Identifier(groep)))
                    cur.execute("INSERT INTO wijkverbandrollen VALUES (%s, %s) "
                                "ON CONFLICT DO NOTHING", (wijkverband_id, groep))
                cur.execute(sql.SQL("GRANT {} TO {}").format(
                    sql.Identifier(groep), sql.Identifier(lid)))
        except errors.InsufficientPrivilege as fout:
            raise OpslagFout(
                "U mag in deze database geen rollen toekennen; laat dit doen door de beheerder "
                "van de database."
            ) from fout
        except psycopg.Error as fout:
            raise _geweigerd(db) from fout
    if wijkverband_id is None:
        return f"De rol {lid} leest nu alle wijkverbanden (gemeente)."
    return f"De rol {lid} leest en schrijft nu wijkverband {wijkverband_id}."


# --- de opslag ---------------------------------------------------------------------------


def _vak(soort: str, doc_id: str) -> str:
    """Het vak van een document (vakindeling.py); een wijkverband is zijn eigen vak."""
    return doc_id if soort == "wijkverbanden" else vaknaam(soort, doc_id)


# Eén keer gemaakt (json.dumps met opties maakt er elke keer een); zonder controle op
# kringen: een document uit naar_document heeft er geen (die zou dan al niet eindigen).
_JSON = json.JSONEncoder(ensure_ascii=True, separators=(",", ":"), check_circular=False)


def _tekst(document: dict[str, Any]) -> str:
    """Een document als JSON in ASCII: \u0000 en losse surrogaten blijven zo bewaard."""
    return _JSON.encode(document)


def _lees(tekst: str) -> Any:
    """Een document uit de database; onleesbare JSON wordt een document dat omzetten.py
    weigert met een melding (zoals een beschadigd vak)."""
    try:
        return json.loads(tekst)
    except (ValueError, TypeError):
        return None


def _status(document: dict[str, Any]) -> str | None:
    """De status van een signaal of actie, als kolom: het startscherm telt zo alleen de
    nieuwe en geparkeerde signalen zonder de rest te lezen."""
    status = document.get("status")
    return status if isinstance(status, str) else None

_WOORD = {"wijkverbanden": "wijkverband", "signalen": "signaal", "acties": "actie",
          "vergaderingen": "vergadering"}


class PostgresOpslag(Gedeeld):
    """Alle gegevens in één PostgreSQL-database (voor zover de rol ze mag zien)."""

    def __init__(self, db: str, *, klok: Any = datetime.now, **_: Any) -> None:
        """Verbind met ``db`` (een libpq-adres) en controleer het schema. ``klok`` en andere
        opties van de map worden aanvaard, zodat beide opslagen op dezelfde manier open gaan."""
        self.db = db
        self.plek = toonbaar(db)
        self._klok = klok
        self.waarschuwingen: list[str] = []
        self.schrijver = f"{os.getpid():x}.{os.urandom(3).hex()}"
        # Eén verbinding per opslag; de app leest ook in werkdraden: één tegelijk.
        self._slot = threading.RLock()
        self._conn: psycopg.Connection | None = None
        self._in_schrijven = 0
        # Getoetste vrije signaalkenmerken per (wijkverband, maand): zie nieuw_signaal_id.
        self._vrije_ids: dict[tuple[str, str], tuple[float, list[str]]] = {}
        with self._verbinding() as conn:
            versie = _meta(conn)
        _weiger_nieuwer(versie, db)
        if versie is None:
            raise OpslagFout(
                f"De database op {self.plek} heeft nog geen tabellen van Vergadering; laat de "
                f"beheerder ze maken met `vergadering database maak --db …`."
            )

    # --- verbinding ----------------------------------------------------------------------

    @contextmanager
    def _verbinding(self) -> Iterator[psycopg.Connection]:
        """De verbinding, met het slot in handen; een verbroken verbinding wordt de volgende
        keer opnieuw gemaakt, en elke fout van de server wordt één Nederlandse zin."""
        with self._slot:
            if self._conn is None or self._conn.closed:
                self._conn = verbind(self.db)
            try:
                yield self._conn
            except psycopg.OperationalError as fout:
                # Ook een server die stopt of nog opstart is (even) niet bereikbaar: dan
                # bewaart de bewaarder lokaal (opslag/offline.py) in plaats van te weigeren.
                if (self._conn.broken or self._conn.closed
                        or isinstance(fout, (errors.AdminShutdown, errors.CannotConnectNow))):
                    self._conn.close()
                    self._conn = None
                    raise _onbereikbaar(self.db) from fout
                raise OpslagFout(
                    f"De database op {self.plek} weigerde dit; probeer het opnieuw of vraag "
                    "uw beheerder (uw wijziging is niet bewaard)."
                ) from fout
            except errors.InsufficientPrivilege as fout:
                raise OpslagFout(
                    "U hebt geen rechten voor dit wijkverband in de database; vraag uw "
                    "beheerder om toegang (uw wijziging is niet bewaard)."
                ) from fout
            except errors.UndefinedTable as fout:
                raise OpslagFout(
                    f"De database op {self.plek} heeft geen tabellen van Vergadering (meer); "
                    "laat de beheerder `vergadering database maak` draaien."
                ) from fout
            except psycopg.Error as fout:
                raise OpslagFout(
                    f"De database op {self.plek} weigerde dit; probeer het opnieuw of vraag "
                    "uw beheerder (uw wijziging is niet bewaard)."
                ) from fout

    def sluit(self) -> None:
        """Sluit de verbinding (een volgende bewerking maakt een nieuwe)."""
        with self._slot:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    def apart(self) -> PostgresOpslag:
        """Een eigen opslag op dezelfde database, voor een werkdraad of ander proces."""
        return PostgresOpslag(self.db, klok=self._klok)

    def bestaat(self) -> bool:
        """Waar: de tabellen bestaan (anders opende deze opslag niet)."""
        return True

    @contextmanager
    def schrijven(self) -> Iterator[None]:
        """Alles hierbinnen is één transactie: samen bewaard bij het einde, of niets."""
        with self._verbinding() as conn, conn.transaction():
            self._in_schrijven += 1
            try:
                yield
            finally:
                self._in_schrijven -= 1

    # --- lezen -------------------------------------------------------------------------

    def _documenten(self, soort: str, wijkverband_id: str | None = None,
                    vak: str | None = None, statussen: tuple[str, ...] | None = None
                    ) -> list[tuple[str, Any]]:
        """(vak, document) van één soort, per vak in de volgorde van bewaren; met
        ``statussen`` alleen de documenten met een van die statussen."""
        vraag = "SELECT vak, doc FROM documenten WHERE soort = %s"
        args: list[Any] = [soort]
        if wijkverband_id is not None:
            vraag += " AND wijkverband = %s"
            args.append(wijkverband_id)
        if vak is not None:
            vraag += " AND vak = %s"
            args.append(vak)
        if statussen is not None:
            vraag += " AND status = ANY(%s)"
            args.append(list(statussen))
        vraag += " ORDER BY wijkverband, vak, volgnr"
        with self._verbinding() as conn:
            rijen = conn.execute(vraag, args).fetchall()  # type: ignore[arg-type]
        return [(vak, _lees(doc)) for vak, doc in rijen]

    def _per_vak(self, soort: str, wijkverband_id: str,
                 statussen: tuple[str, ...] | None = None) -> list[list[Any]]:
        """De documenten van één soort in één wijkverband, een lijst per vak."""
        per_vak: dict[str, list[Any]] = {}
        for vak, doc in self._documenten(soort, wijkverband_id, statussen=statussen):
            per_vak.setdefault(vak, []).append(doc)
        return list(per_vak.values())

    def _objecten(self, soort: str, docs: list[Any]) -> list[Any]:
        cls = klasse(soort)
        uit = []
        for doc in docs:
            try:
                uit.append(uit_document(cls, doc))
            except BeschadigdBestand as fout:
                raise BeschadigdBestand(
                    f"{str(fout).rstrip('.')} (in de database op {self.plek}); vraag uw "
                    "beheerder om het te herstellen."
                ) from fout
        return uit

    def _alle(self, soort: str, wijkverband_id: str | None) -> list[Any]:
        return self._objecten(soort, [d for _, d in self._documenten(soort, wijkverband_id)])

    def wijkverbanden(self) -> list[Wijkverband]:
        """Alle wijkverbanden die deze rol mag zien, op naam."""
        return sorted(self._alle("wijkverbanden", None), key=lambda w: w.naam.lower())

    def mag_schrijven(self, wijkverband_id: str) -> bool:
        """Waar als deze rol het wijkverband mag wijzigen: lid van een van zijn rollen, of
        eigenaar van de tabellen (of superuser), die row-level security niet tegenhoudt. De
        gemeenterol leest alles maar schrijft niets."""
        with self._verbinding() as conn:
            rij = conn.execute(
                "SELECT EXISTS (SELECT 1 FROM mijn_wijkverbanden WHERE wijkverband = %s) "
                "OR pg_has_role(c.relowner, 'USAGE') OR r.rolsuper OR r.rolbypassrls "
                "FROM pg_class c, pg_roles r "
                "WHERE c.oid = 'documenten'::regclass AND r.rolname = current_user",
                (wijkverband_id,)).fetchone()
        return bool(rij and rij[0])

    def wijkverband_id(self, naam_of_id: str) -> str:
        """Het kenmerk van het wijkverband met deze naam of dit kenmerk."""
        return self.wijkverband(naam_of_id).id

    def _wijkverband_ids(self) -> list[str]:
        return [w.id for w in self.wijkverbanden()]

    def _heeft_wijkverband(self, wijkverband_id: str) -> bool:
        return self._bestaat("wijkverbanden", wijkverband_id, wijkverband_id)

    def _heeft_vergadering(self, wijkverband_id: str, vergadering_id: str) -> bool:
        return self._bestaat("vergaderingen", wijkverband_id, vergadering_id)

    # Elke vraag naar één document noemt ook zijn vak: zo is elke index goed (ook vóór de
    # server statistieken heeft, en anders zocht hij door alle signalen van het wijkverband).

    def _bestaat(self, soort: str, wijkverband_id: str, doc_id: str) -> bool:
        with self._verbinding() as conn:
            return conn.execute(
                "SELECT 1 FROM documenten WHERE wijkverband = %s AND soort = %s AND vak = %s "
                "AND id = %s", (wijkverband_id, soort, _vak(soort, doc_id), doc_id)
            ).fetchone() is not None

    def _een(self, soort: str, wijkverband_id: str, doc_id: str) -> Any:
        with self._verbinding() as conn:
            rij = conn.execute(
                "SELECT doc FROM documenten WHERE wijkverband = %s AND soort = %s AND vak = %s "
                "AND id = %s", (wijkverband_id, soort, _vak(soort, doc_id), doc_id)).fetchone()
        if rij is None:
            raise NietGevonden(f"Er is geen {_WOORD[soort]} '{doc_id[:30]}'.")
        return self._objecten(soort, [_lees(rij[0])])[0]

    def signalen(self, wijkverband_id: str | None = None) -> list[Signaal]:
        """De signalen van één wijkverband (of van alle), oudste eerst."""
        return sorted(self._alle("signalen", wijkverband_id), key=OP_DATUM)

    def signaal(self, wijkverband_id: str, signaal_id: str) -> Signaal:
        """Eén signaal."""
        return self._een("signalen", wijkverband_id, signaal_id)

    def nieuw_signaal_id(self, wijkverband_id: str, datum: date) -> str:
        """Een vrij kenmerk voor een nieuw signaal.

        Eén vraag aan de server toetst ``KANDIDATEN`` kenmerken tegelijk; de vrije die over
        zijn, geeft deze opslag daarna zonder vraag uit (elk één keer), zolang ze niet ouder
        zijn dan ``VRIJ_HOUDBAAR``: een signaal toevoegen is dan één rondgang in plaats van
        twee. Dat een ander proces intussen toevallig hetzelfde kenmerk koos (vier tekens
        per maand: één op de 923.521 per signaal), kan ook tussen toetsen en bewaren van een
        enkel kenmerk; bewaren overschrijft dan niets (zie ``vergadering_bewaar``)."""
        sleutel = (wijkverband_id, f"{datum:%y%m}")
        with self._slot:
            voorraad = self._vrije_ids.get(sleutel)
            if voorraad and voorraad[1] and time.monotonic() - voorraad[0] < VRIJ_HOUDBAAR:
                return voorraad[1].pop()
            while True:
                kandidaten = list(dict.fromkeys(ids.signaal_id(datum)
                                                for _ in range(KANDIDATEN)))
                with self._verbinding() as conn:
                    bezet = {i for (i,) in conn.execute(
                        "SELECT id FROM documenten WHERE wijkverband = %s AND soort = "
                        "'signalen' AND vak = %s AND id = ANY(%s)",
                        (wijkverband_id, vaknaam("signalen", kandidaten[0]), kandidaten))}
                vrij = [k for k in kandidaten if k not in bezet]
                if vrij:
                    kandidaat = vrij.pop()
                    self._vrije_ids[sleutel] = (time.monotonic(), vrij)
                    return kandidaat

    def acties(self, wijkverband_id: str | None = None) -> list[Actie]:
        """De acties van één wijkverband (of van alle), op nummer."""
        return sorted(self._alle("acties", wijkverband_id),
                      key=attrgetter("wijkverband_id", "nummer"))

    def actie(self, wijkverband_id: str, actie_id: str) -> Actie:
        """Eén actie."""
        return self._een("acties", wijkverband_id, actie_id)

    def vergaderingen(self, wijkverband_id: str | None = None) -> list[Vergadering]:
        """De vergaderingen van één wijkverband (of van alle), oudste eerst."""
        return sorted(self._alle("vergaderingen", wijkverband_id), key=OP_DATUM)

    def vergadering(self, wijkverband_id: str, vergadering_id: str) -> Vergadering:
        """Eén vergadering."""
        return self._een("vergaderingen", wijkverband_id, vergadering_id)

    # --- vakken (voor de beamer, een tweede venster en de lijsten) ----------------------

    def vaknamen(self, wijkverband_id: str, soort: str) -> list[tuple[str, bool]]:
        """De vakken van één soort op volgorde (zie vakindeling.py), zonder journaal."""
        if soort not in SOORTEN:
            raise ValueError(soort)
        with self._verbinding() as conn:
            rijen = conn.execute(
                "SELECT DISTINCT vak FROM documenten WHERE wijkverband = %s AND soort = %s "
                "ORDER BY vak", (wijkverband_id, soort)).fetchall()
        return [(vak, False) for (vak,) in rijen]

    def heeft_vak(self, wijkverband_id: str, soort: str, naam: str) -> bool:
        """Waar als er in dit vak iets bewaard is."""
        with self._verbinding() as conn:
            return conn.execute(
                "SELECT 1 FROM documenten WHERE wijkverband = %s AND soort = %s AND vak = %s "
                "LIMIT 1", (wijkverband_id, soort, naam)).fetchone() is not None

    def lees_vak(self, wijkverband_id: str, soort: str, naam: str) -> list[Any]:
        """De objecten uit één vak."""
        return self._objecten(soort, [d for _, d in
                                      self._documenten(soort, wijkverband_id, naam)])

    def lijstrijen(self, soort: str, wijkverband_id: str | None,
                   maak: Callable[[list[Any]], list[list[Any]]], vorm: str,
                   index: str | None = None,
                   ruw: Callable[[list[Any]], list[list[Any]]] | None = None
                   ) -> list[list[Any]]:
        """De rijen van een lijst, vak voor vak (zoals ``Opslag.lijstrijen``, ook met
        ``ruw``); zonder afgeleide index: de server leest snel genoeg, en een index in de
        database zou voor elke rol apart moeten kloppen."""
        from .lijstindex import AndersLezen

        wvs = [wijkverband_id] if wijkverband_id else self._wijkverband_ids()
        uit: list[list[Any]] = []
        for wv in wvs:
            for docs in self._per_vak(soort, wv):
                if ruw is not None:
                    try:
                        uit += ruw(docs)
                        continue
                    except AndersLezen:
                        pass
                uit += maak(self._objecten(soort, docs))
        return uit

    def samenvatting(self, wijkverband_id: str) -> Any:
        """Wat het startscherm van een wijkverband nodig heeft (``index.Samenvatting``), vak
        voor vak samengevat zoals de startindex dat doet. Van de signalen alleen de nieuwe en
        geparkeerde, van de acties alleen de open: de rest telt het overzicht niet, en
        hoeft dan niet over de lijn."""
        from ..statussen import OPEN_STATUSSEN
        from .index import Samenvatting, _neem_op, _vat_samen

        alleen = {"signalen": ("nieuw", "geparkeerd"), "acties": OPEN_STATUSSEN}
        uit = Samenvatting()
        for soort in ("vergaderingen", "acties", "signalen"):
            for docs in self._per_vak(soort, wijkverband_id, alleen.get(soort)):
                _neem_op(uit, soort, _vat_samen(soort, self._objecten(soort, docs)))
                uit.gelezen += 1
        return uit

    def bewaar_datumteksten(self, wijkverband_id: str, teksten: dict[str, tuple[str, str]]
                            ) -> None:
        """Niets: de map onthoudt Babels datumteksten in haar startindex; hier niet nodig."""

    def laad_maandnamen(self) -> None:
        """Babels maandnamen voor de lijsten, rechtstreeks uit Babel."""
        from .. import datums

        datums.te_bewaren()

    # --- bewaren -------------------------------------------------------------------------

    def _bewaar(self, soort: str, wijkverband_id: str, obj: Any) -> dict[str, Any]:
        """Bewaar één object in één transactie, met controle op het versienummer; geeft het
        bewaarde document terug (de basis om later samen te voegen)."""
        document = self.bewaar_document(soort, wijkverband_id, naar_document(obj))
        obj.versie = document["versie"]
        return document

    def bewaar_document(self, soort: str, wijkverband_id: str, document: dict[str, Any]
                        ) -> dict[str, Any]:
        """Bewaar een object dat al een document is (``naar_document``), zoals ``_bewaar``;
        geeft het bewaarde document (een nieuw woordenboek, met het nieuwe versienummer).
        Voor de werkdraad van de bewaarder: die krijgt het document in plaats van een kopie
        van het object, dat de hoofddraad intussen verder verandert."""
        document = {**document}  # het versienummer niet in dat van de aanroeper
        versie = document.get("versie", 0)
        document["versie"] = versie + 1
        doc_id = document["id"]
        vak = _vak(soort, doc_id)
        with self._verbinding() as conn:
            (gelukt,) = conn.execute(
                "SELECT vergadering_bewaar(%s, %s, %s, %s, %s, %s, %s, %s)",
                (wijkverband_id, soort, doc_id, vak, versie, _status(document),
                 _tekst(document), self.schrijver)).fetchone()
        if not gelukt:
            raise GelijktijdigGewijzigd(
                f"Iemand anders heeft {_WOORD[soort]} {doc_id} intussen gewijzigd; "
                "open het opnieuw en doe uw wijziging nog eens."
            )
        return document

    def _meld(self, cur: psycopg.Cursor, wijkverband_id: str, soort: str, vak: str) -> None:
        """De wijziging voor wie volgt, in dezelfde transactie (zoals vergadering_bewaar)."""
        cur.execute("SELECT vergadering_meld(%s, %s, %s, %s)",
                    (wijkverband_id, soort, vak, self.schrijver))

    def bewaar_wijkverband(self, wijkverband: Wijkverband) -> dict[str, Any]:
        """Bewaar een (nieuw of gewijzigd) wijkverband."""
        self._controleer_nieuwe_naam(wijkverband)
        return self._bewaar("wijkverbanden", wijkverband.id, wijkverband)

    def bewaar_signaal(self, signaal: Signaal) -> dict[str, Any]:
        """Bewaar een (nieuw of gewijzigd) signaal."""
        return self._bewaar("signalen", signaal.wijkverband_id, signaal)

    def bewaar_actie(self, actie: Actie) -> dict[str, Any]:
        """Bewaar een (nieuwe of gewijzigde) actie."""
        return self._bewaar("acties", actie.wijkverband_id, actie)

    def bewaar_vergadering(self, vergadering: Vergadering) -> dict[str, Any]:
        """Bewaar een (nieuwe of gewijzigde) vergadering."""
        return self._bewaar("vergaderingen", vergadering.wijkverband_id, vergadering)

    def bewaar_nieuwe_signalen(self, signalen: list[Signaal]) -> int:
        """Bewaar veel nieuwe signalen in één transactie (een import); een kenmerk dat er al
        is, wordt overgeslagen. Geeft het aantal toegevoegde signalen."""
        toegevoegd: list[Signaal] = []
        with self._verbinding() as conn, conn.transaction(), conn.cursor() as cur:
            vakken: set[tuple[str, str]] = set()
            for s in signalen:
                document = naar_document(s)
                document["versie"] = s.versie + 1
                vak = vaknaam("signalen", s.id)
                cur.execute(
                    "INSERT INTO documenten (wijkverband, soort, id, vak, versie, status, doc) "
                    "VALUES (%s, 'signalen', %s, %s, %s, %s, %s) ON CONFLICT DO NOTHING",
                    (s.wijkverband_id, s.id, vak, s.versie + 1, _status(document),
                     _tekst(document)))
                if cur.rowcount:
                    toegevoegd.append(s)
                    vakken.add((s.wijkverband_id, vak))
            for wv, vak in sorted(vakken):
                self._meld(cur, wv, "signalen", vak)
        for s in toegevoegd:
            s.versie += 1
        return len(toegevoegd)

    def na_grote_lading(self) -> None:
        """Laat de server zijn statistieken bijwerken (ANALYZE). Zonder die kiest hij tot
        autovacuum langskomt (na een minuut of later) voor één document een index die een
        heel vak doorloopt: ~2,5 ms per bewerking in plaats van een tiende daarvan. Mag de rol
        dat niet (alleen de eigenaar van de tabellen), dan zegt de server alleen een
        waarschuwing en doet autovacuum het later."""
        with self._verbinding() as conn:
            conn.execute("ANALYZE documenten, wijzigingen")

    # --- volgen ------------------------------------------------------------------------

    def volger(self) -> PostgresVolger:
        """Een volger van wat andere processen vanaf nu bewaren (zie ``PostgresVolger``)."""
        return PostgresVolger(self.db, self.schrijver)

    # --- reservekopieën: die maakt de beheerder van de server --------------------------

    def maak_reservekopie(self) -> Path | None:
        """Niets: van een database maakt de beheerder de reservekopieën (pg_dump)."""
        return None

    def reservekopieen(self) -> list[Path]:
        """Geen: zie ``maak_reservekopie``."""
        return []

    def verwijder_reservekopieen(self, ouder_dan: datetime | None = None,
                                 behalve: Path | None = None) -> list[str]:
        """Geen: zie ``maak_reservekopie``."""
        return []

    def herstel(self, naam: str, bestand: str | None = None) -> Any:
        """Weigert: een database zet de beheerder zelf terug."""
        herstel_weigeren(self.db)


    # --- wat de AVG onthoudt (avg.py) --------------------------------------------------
    # Een database van vóór deze tabellen (nog geen `vergadering database maak` gedraaid):
    # dan elke start de termijn toepassen zoals eerst, en verwijderen op verzoek zegt wat
    # de beheerder moet doen.

    def avg_nog_te_doen(self, vandaag: date) -> list[str]:
        """De wijkverbanden (kenmerken) waarvan deze rol lid is en waarvoor de bewaartermijn
        vandaag nog niet is toegepast. De gemeente (alleen lezen) past hem niet toe; de
        eigenaar van de tabellen (buiten row-level security) voor alle wijkverbanden."""
        vraag = ("SELECT d.wijkverband FROM documenten d WHERE d.soort = 'wijkverbanden' "
                 "AND (NOT row_security_active('documenten') "
                 "     OR d.wijkverband IN (SELECT wijkverband FROM mijn_wijkverbanden)) ")
        with self._verbinding() as conn:
            try:
                rijen = conn.execute(
                    vraag + "AND NOT EXISTS (SELECT 1 FROM avg_dagmerk m WHERE "
                    "m.wijkverband = d.wijkverband AND m.dag = %s) ORDER BY 1",
                    (vandaag,)).fetchall()
            except errors.UndefinedTable:
                rijen = conn.execute(vraag + "ORDER BY 1").fetchall()
        return [wv for (wv,) in rijen]

    def bewaar_avg_merk(self, vandaag: date, wijkverband_ids: list[str]) -> None:
        """Onthoud per wijkverband dat de bewaartermijn vandaag is toegepast."""
        with self._verbinding() as conn:
            try:
                conn.execute(
                    "INSERT INTO avg_dagmerk SELECT unnest(%s::text[]), %s "
                    "ON CONFLICT (wijkverband) DO UPDATE SET dag = EXCLUDED.dag",
                    (wijkverband_ids, vandaag))
            except errors.UndefinedTable:
                pass  # zie hierboven: dan morgen (of bij de volgende start) opnieuw

    def lees_avg_afdrukken(self) -> list[str]:
        """De vingerafdrukken van namen die in de eigen wijkverbanden op verzoek gewist zijn."""
        with self._verbinding() as conn:
            try:
                rijen = conn.execute(
                    "SELECT DISTINCT afdruk FROM avg_vingerafdrukken ORDER BY 1").fetchall()
            except errors.UndefinedTable:
                return []
        return [afdruk for (afdruk,) in rijen]

    def bewaar_avg_afdruk(self, afdruk: str, wijkverband_ids: list[str]) -> None:
        """Onthoud een vingerafdruk bij elk van deze wijkverbanden (waar de naam gewist is)."""
        with self._verbinding() as conn:
            try:
                conn.execute(
                    "INSERT INTO avg_vingerafdrukken SELECT unnest(%s::text[]), %s "
                    "ON CONFLICT DO NOTHING", (wijkverband_ids, afdruk))
            except errors.UndefinedTable as fout:
                raise OpslagFout(
                    f"De database op {self.plek} kan nog niet onthouden wie op verzoek gewist "
                    "is; laat de beheerder `vergadering database maak` draaien en probeer het "
                    "dan opnieuw (er is niets gewist)."
                ) from fout


class PostgresVolger:
    """Kijkt of er sinds de vorige keer iets bewaard is, zonder de server te vragen: elke
    bewaaractie stuurt in haar transactie een NOTIFY, en deze volger LISTENt op een eigen
    verbinding. ``nieuw()`` kijkt alleen of er een melding binnenkwam (microseconden, geen
    vraag aan de server); alleen dan leest hij de nieuwe regels uit ``wijzigingen``.

    Een eigen verbinding: volgen wacht nooit op een lange lezing van de app. Is de server
    even weg, dan is er niets nieuws; na het opnieuw verbinden leest hij één keer wat er
    intussen gebeurde (meldingen van toen zijn verloren, de regels niet).
    """

    _gesloten = False

    def __init__(self, db: str, eigen: str | None = None) -> None:
        self.db = db
        self.eigen = eigen
        self._conn: psycopg.Connection | None = None
        self._verbinden: threading.Thread | None = None
        self._kijken = True  # na (opnieuw) verbinden één keer lezen, ook zonder melding
        self._tot: int | None = None
        # Gezet als ``nieuw()`` de binnengekomen meldingen gelezen heeft (zie ``wek``).
        self._gelezen = threading.Event()
        self._verbind(wacht=False)  # niet wachten: dit gebeurt in de hoofddraad
        # Tot waar gezien; None: (nog) niet te zeggen, de eerste keer dat het wel kan is
        # het 'lees alles opnieuw'.
        self._tot = self._teller()

    def _verbinding(self) -> psycopg.Connection | None:
        """De verbinding, of None zolang die er niet is. Opnieuw verbinden gebeurt in een
        draad: volgen gebeurt in de hoofddraad van de app, en die mag niet seconden wachten
        op een server die weg is."""
        if self._conn is not None and not self._conn.closed:
            return self._conn
        if self._verbinden is None or not self._verbinden.is_alive():
            self._verbinden = threading.Thread(target=self._verbind, daemon=True,
                                               name="volger-verbinden")
            self._verbinden.start()
        return None

    def _verbind(self, wacht: bool = True) -> None:
        """Verbind en luister (eerst luisteren, dan pas de teller lezen: zo valt er niets
        tussen). ``wacht``: na een mislukte poging even wachten (in de draad)."""
        try:
            conn = verbind(self.db)
            schema = conn.execute("SELECT current_schema()").fetchone()[0]
            conn.execute(sql.SQL("LISTEN {}").format(sql.Identifier(f"vergadering_{schema}")))
        except (OpslagFout, psycopg.Error):
            if wacht:
                time.sleep(2)  # niet vaker dan eens per paar seconden proberen
            return
        self._kijken = True
        self._conn = conn

    def _teller(self) -> int | None:
        """Het nummer van de laatste wijziging; None als dat niet te zeggen is. Liggen de
        regels vanaf ``_tot`` niet meer allemaal in de tabel (opgeruimd), dan geldt deze
        volger als net begonnen: alles opnieuw lezen."""
        conn = self._verbinding()
        if conn is None:
            return None
        try:
            rij = conn.execute("SELECT nr, vanaf FROM wijzigingsteller").fetchone()
        except psycopg.Error:
            conn.close()
            return None
        if rij is None:
            return None
        if self._tot is not None and self._tot < rij[1]:
            self._tot = None
        return rij[0]

    def nieuw(self) -> list[Wijziging] | None:
        """Wat anderen sinds de vorige aanroep bewaarden ([]: niets); None: lees alles
        opnieuw (de database werd teruggezet)."""
        conn = self._verbinding()
        if conn is None:
            return []
        try:
            gemeld = sum(1 for _ in conn.notifies(timeout=0))  # alleen wat er al binnen is
        except psycopg.Error:
            conn.close()
            return []
        finally:
            self._gelezen.set()
        if not gemeld and not self._kijken:
            return []
        self._kijken = False
        nu = self._teller()
        if nu is None or nu == self._tot:
            return []
        if self._tot is None or nu < self._tot:
            self._tot = nu
            return None
        conn = self._verbinding()
        if conn is None:
            return []
        try:
            rijen = conn.execute(
                "SELECT schrijver, wijkverband, soort, vak FROM wijzigingen "
                "WHERE nr > %s AND nr <= %s ORDER BY nr", (self._tot, nu)).fetchall()
        except psycopg.Error:
            conn.close()
            return []
        self._tot = nu
        # De wijkverbanden zelf horen bij ALLES, zoals bij de map (Wijziging).
        return [Wijziging(schrijver, ALLES if soort == "wijkverbanden" else wv, soort, vak)
                for schrijver, wv, soort, vak in rijen if schrijver != self.eigen]

    def wek(self, callback: Callable[[], None]) -> None:
        """Roep ``callback`` aan (vanuit een eigen draad) zodra er een melding binnenkomt,
        zodat wie volgt meteen ``nieuw()`` kan vragen in plaats van op zijn volgende ronde te
        wachten: van een bewerking op de ene laptop tot het beeld op de andere scheelt dat
        gemiddeld een halve kijkronde. De draad kijkt alleen of de verbinding iets te lezen
        heeft (select), leest niets zelf, en wacht daarna tot ``nieuw()`` gelezen heeft."""
        import select

        def wachter() -> None:
            while not self._gesloten:
                conn = self._conn
                if conn is None or conn.closed:
                    time.sleep(0.5)  # opnieuw verbinden gebeurt bij de volgende nieuw()
                    continue
                try:
                    klaar, _, _ = select.select([conn.fileno()], [], [], 5.0)
                except (OSError, ValueError, psycopg.Error):
                    time.sleep(0.5)  # de verbinding ging net dicht
                    continue
                if klaar and not self._gesloten:
                    self._gelezen.clear()
                    callback()
                    # Tot de melding gelezen is, blijft de verbinding 'leesbaar': niet
                    # opnieuw wekken (hooguit na een tijd, als nieuw() niet kwam).
                    self._gelezen.wait(2.0)

        threading.Thread(target=wachter, daemon=True, name="volger-wekker").start()

    def sluit(self) -> None:
        """Sluit de eigen verbinding (en laat de wekker stoppen)."""
        self._gesloten = True
        if self._conn is not None:
            self._conn.close()
            self._conn = None
