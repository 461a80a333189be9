"""Eén vakbestand op schijf: een atomisch geschreven JSON-bestand plus een journaal.

Het vakbestand (``2026-11.json``, in het bestandsformaat van TinyDB) wordt nooit ter plekke
herschreven: tijdelijk bestand, fsync, ``os.replace``, fsync van de map. Een lezer ziet dus
altijd een oude of een nieuwe versie, nooit een halve.

Eén bewerking tijdens de vergadering herschrijft het vak niet, maar voegt één regel toe aan
het journaal ernaast (``2026-11.json.journaal``) en doet fsync: dat is één schrijfactie op
schijf, net als een commit van SQLite in WAL-modus, in plaats van twee (bestand en map).
Elke regel is een volledig document met een controlegetal::

    <crc32 in hex> {"t": "signalen", "k": "17", "d": {...het document...}}

Lezen is het vak plus de regels van het journaal, in volgorde; een regel vervangt het
document met hetzelfde nummer, dus nog eens toepassen verandert niets. Is het journaal groot
genoeg, dan wordt alles samen weer één vakbestand (atomisch) en het journaal leeg gemaakt.
Wie daartussen wordt afgebroken, verliest niets: de regels staan al in het nieuwe vak en
nog eens toepassen is onschadelijk. Een half geschreven laatste regel (het proces werd
gestopt voordat de bewerking bevestigd was) wordt overgeslagen en bij de volgende schrijfactie
weggehaald; een onleesbare regel middenin betekent een beschadigd bestand.

Elk vakbestand (en ``opslag.json``) eindigt met een controlegetal, zoals de regels van het
journaal, zodat een omgevallen bit opvalt voordat het in een reservekopie belandt. Het
bestand blijft geldige JSON::

    {"signalen":{"1":{...}},"_controle":"1a2b3c4d"}

met als controlegetal crc32 over de bytes vóór ``,"_controle"`` (de staart heeft een vaste
lengte). ``vakbytes`` maakt zulke bytes, ``uit_vakbytes`` leest ze. Bestanden, journalen en
het slot worden geopend zonder een symbolische koppeling te volgen: niets buiten de opslag
wordt gelezen of beschreven.
"""

from __future__ import annotations

import errno
import json
import os
import time
import zlib
from collections.abc import Callable
from itertools import repeat
from pathlib import Path
from stat import S_ISREG
from typing import Any

from ..fouten import BeschadigdBestand, OpslagFout, oorzaak

TIJDELIJK_ACHTERVOEGSEL = ".tmp"
Sleutel = tuple[int, int, int]
MAP_MODUS = 0o700
# Openen zonder een symbolische koppeling te volgen (Windows kent de vlag niet; daar maakt
# een gewone gebruiker ook geen koppelingen).
NIET_VOLGEN = getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
CONTROLE = "_controle"
_STAART_BEGIN = b',"_controle":"'
_STAART = len(_STAART_BEGIN) + 10  # acht hexcijfers, '"' en '}'
_HEX = frozenset(b"0123456789abcdef")


def _schrijf_alles(fd: int, inhoud: bytes) -> None:
    """Schrijf alle bytes naar fd (los, zodat tests een volle schijf kunnen nabootsen)."""
    weergave = memoryview(inhoud)
    while weergave:
        n = os.write(fd, weergave)
        weergave = weergave[n:]


_vorig_tijdstip = 0


def _uniek_tijdstip() -> int:
    """Nanoseconden sinds 1970, in dit proces strikt oplopend, met willekeurige laatste cijfers
    zodat twee processen vrijwel nooit hetzelfde tijdstip kiezen."""
    global _vorig_tijdstip
    nu = max(time.time_ns() // 1_000_000 * 1_000_000 + int.from_bytes(os.urandom(3)) % 1_000_000,
             _vorig_tijdstip + 1)
    _vorig_tijdstip = nu
    return nu


def fsync_map(map_: Path) -> None:
    """Leg de naamswijziging in een map vast; Windows kan een map niet openen, en hoeft niet."""
    if os.name == "nt":
        return
    fd = os.open(map_, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def vertaal_oserror(fout: OSError, pad: Path) -> OpslagFout:
    """Een OSError als één Nederlandse zin: wat er gebeurde en wat te doen."""
    if fout.errno in (errno.ENOSPC, errno.EDQUOT):
        return OpslagFout(
            f"De schijf is vol, dus de wijziging is niet opgeslagen in {pad.parent}; "
            "maak ruimte vrij en probeer het opnieuw."
        )
    if fout.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return OpslagFout(
            f"Er mag niet geschreven worden in {pad.parent}, dus de wijziging is niet "
            "opgeslagen; kies een map waar u mag schrijven (--db) of pas de rechten aan."
        )
    return OpslagFout(
        f"Opslaan in {pad} lukte niet ({oorzaak(fout)}); de vorige versie is bewaard, "
        "probeer het opnieuw."
    )


def schijf_vol(fout: BaseException | None) -> bool:
    """Waar als een fout (of haar oorzaak) een volle schijf of een volle quota is."""
    while fout is not None:
        if isinstance(fout, OSError) and fout.errno in (errno.ENOSPC, errno.EDQUOT):
            return True
        fout = fout.__cause__
    return False


def maak_map(map_: Path) -> None:
    """Maak een map en wat erboven ontbreekt, alleen toegankelijk voor de gebruiker."""
    ontbrekend = []
    while not map_.exists():
        ontbrekend.append(map_)
        map_ = map_.parent
    for m in reversed(ontbrekend):
        m.mkdir(mode=MAP_MODUS, exist_ok=True)


Vertaler = Callable[[OSError, Path], OpslagFout]


def _nieuw_tijdelijk(map_: Path, naam: str) -> tuple[int, str]:
    """Een nieuw, leeg tijdelijk bestand naast ``naam`` (zoals ``tempfile.mkstemp``: een
    willekeurige naam, alleen als hij nog niet bestaat, modus 0600 zodat privégegevens
    privé blijven), zonder ``tempfile`` te laden (~3 ms: dat laadt ook random en shutil)."""
    for _ in range(100):
        tijdelijk = os.path.join(map_, f".{naam}.{os.urandom(6).hex()}{TIJDELIJK_ACHTERVOEGSEL}")
        try:
            fd = os.open(tijdelijk, os.O_RDWR | os.O_CREAT | os.O_EXCL | NIET_VOLGEN, 0o600)
        except FileExistsError:
            continue
        return fd, tijdelijk
    raise FileExistsError(errno.EEXIST, "geen vrije tijdelijke naam", str(map_))


def schrijf_atomisch(
    pad: Path,
    inhoud: bytes,
    *,
    modus: int = 0o600,
    vertaal: Vertaler = vertaal_oserror,
    duurzaam: bool = True,
) -> None:
    """Schrijf ``inhoud`` zo dat na een crash het oude of het nieuwe bestand er staat.

    ``modus``: de rechten van het bestand (standaard alleen voor de gebruiker; een document
    om te delen krijgt 0644). ``vertaal`` maakt van een OSError de zin die past bij wat er
    geschreven werd (de opslag zegt iets anders dan een Word-document).
    ``duurzaam=False``: zonder fsync, alleen voor een afgeleid bestand met controlegetal
    (zoals de lijstindex): na een crash is het oud, nieuw of zichtbaar kapot, en wordt het
    opnieuw gemaakt.
    """
    map_ = pad.parent
    try:
        maak_map(map_)
        fd, tijdelijk = _nieuw_tijdelijk(map_, pad.name)
    except OSError as fout:
        raise vertaal(fout, pad) from fout
    try:
        try:
            _schrijf_alles(fd, inhoud)
            if duurzaam:
                os.fsync(fd)
        finally:
            os.close(fd)
        # Een eigen, uniek wijzigingstijdstip: het geheugen van AtomischeOpslag herkent een
        # bestand aan (inode, tijdstip, grootte). Het tijdstip van het bestandssysteem loopt in
        # stapjes van milliseconden en een vrijgekomen inode wordt hergebruikt; zonder dit kan
        # een vervanging met dezelfde grootte onopgemerkt blijven.
        uniek = _uniek_tijdstip()
        os.utime(tijdelijk, ns=(uniek, uniek))
        if modus != 0o600 and os.name != "nt":
            os.chmod(tijdelijk, modus)
        os.replace(tijdelijk, pad)
    except OSError as fout:
        try:
            os.unlink(tijdelijk)
        except OSError:
            pass
        raise vertaal(fout, pad) from fout
    except BaseException:
        try:
            os.unlink(tijdelijk)
        except OSError:
            pass
        raise
    if not duurzaam:
        return
    try:
        fsync_map(map_)
    except OSError as fout:
        raise vertaal(fout, pad) from fout


def is_koppeling(fout: OSError) -> bool:
    """Waar als openen mislukte omdat het pad een symbolische koppeling is (O_NOFOLLOW)."""
    return fout.errno in (errno.ELOOP, getattr(errno, "EMLINK", -1), getattr(errno, "EFTYPE", -1))


def koppeling_fout(pad: Path) -> BeschadigdBestand:
    """De melding voor een koppeling op een plek waar de opslag een eigen bestand verwacht."""
    return BeschadigdBestand(
        f"Het bestand {pad} is een koppeling naar een andere plek (die wordt niet gevolgd)."
    )


def voeg_regel_toe(pad: Path, regel: bytes, tot: int, *, nieuw: bool,
                   melding: Path) -> os.stat_result:
    """Zet ``regel`` duurzaam op plek ``tot`` van het journaal ``pad``: een halve staart van
    een afgebroken proces gaat eerst weg, dan schrijven en fsync; mislukt dat, dan wordt de
    regel weer weggehaald (niets half laten staan). ``nieuw``: het bestand bestond nog niet,
    dus ook de map fsyncen. Een koppeling wordt niet gevolgd. Fouten noemen ``melding``.
    Geeft de stat van het journaal vóór het schrijven (bestandsnummer)."""
    try:
        fd = os.open(pad, os.O_WRONLY | os.O_CREAT | NIET_VOLGEN, 0o600)
    except OSError as fout:
        if is_koppeling(fout):
            raise koppeling_fout(pad) from fout
        raise vertaal_oserror(fout, melding) from fout
    try:
        try:
            st = os.fstat(fd)
            if st.st_size != tot:
                os.ftruncate(fd, tot)
            os.lseek(fd, tot, os.SEEK_SET)
            _schrijf_alles(fd, regel)
            os.fsync(fd)
        except OSError as fout:
            try:
                os.ftruncate(fd, tot)
            except OSError:
                pass
            raise vertaal_oserror(fout, melding) from fout
    finally:
        os.close(fd)
    if nieuw:
        try:
            fsync_map(pad.parent)
        except OSError as fout:
            raise vertaal_oserror(fout, melding) from fout
    return st


def _lees_met_sleutel(pad: Path) -> tuple[Sleutel, bytes] | None:
    """De inhoud van een bestand met de sleutel van precies die versie (fstat op hetzelfde
    open bestand, zodat sleutel en inhoud bij elkaar horen); None als het er niet is.
    Een symbolische koppeling wordt niet gevolgd: dat geeft ``BeschadigdBestand``."""
    try:
        fd = os.open(pad, os.O_RDONLY | NIET_VOLGEN)
    except FileNotFoundError:
        return None
    except OSError as fout:
        if is_koppeling(fout):
            raise koppeling_fout(pad) from fout
        raise OpslagFout(
            f"{pad} kan niet gelezen worden ({oorzaak(fout)}); controleer de rechten."
        ) from fout
    try:
        st = os.fstat(fd)
        delen = []
        while True:
            deel = os.read(fd, max(st.st_size, 65536))
            if not deel:
                break
            delen.append(deel)
    except OSError as fout:
        raise OpslagFout(
            f"{pad} kan niet gelezen worden ({oorzaak(fout)}); controleer de schijf."
        ) from fout
    finally:
        os.close(fd)
    return (st.st_ino, st.st_mtime_ns, st.st_size), b"".join(delen)


def tabel_als_ongewijzigd(pad: str, tabel: str, verwacht: list[int], *, verplicht: bool
                          ) -> list[Any] | None:
    """De documenten van ``tabel`` in het vak ``pad`` (als tekst) in één keer, als het nog
    precies de versie met sleutel ``verwacht`` is (inode, tijdstip, grootte; zie
    ``afgeleid.sleutel``) en er geen journaal met regels naast stond; anders, en bij elke
    fout of beschadiging, None: dan leest de façade het vak, met journaal en met de gewone
    melding.

    Voor een lange lijst zonder lijstindex (honderden vakken): zonder ``Path``, geheugen en
    geopend journaal scheelt dat een derde van het lezen van een vak. Een koppeling wordt ook
    hier niet gevolgd; de mappen erboven controleert de façade.

    Waarom dit een echte stand is: eerst blijkt het journaal leeg (of er niet), daarna is
    het geopende vak nog precies de versie die het plan al vóór dat moment zag; het pad wees
    al die tijd naar dit vak, dus toen het journaal leeg bleek, was dit vak de hele inhoud.
    (Samenvoegen en herstellen vervangen het vak; een journaal dat daarna regels heeft of
    houdt, ziet deze weg en laat het aan de façade.) Een journaal dat een koppeling is,
    gaat ook via de façade: die zegt wat er mis is.
    """
    if verwacht[5]:
        return None  # een journaal met regels: de gewone weg (na samenvoegen is het leeg)
    try:
        journaal = os.lstat(pad + JOURNAAL)
    except FileNotFoundError:
        pass
    except OSError:
        return None
    else:
        if journaal.st_size or not S_ISREG(journaal.st_mode):
            return None
    try:
        fd = os.open(pad, os.O_RDONLY | NIET_VOLGEN)
    except OSError:
        return None
    try:
        st = os.fstat(fd)
        if [st.st_ino, st.st_mtime_ns, st.st_size] != verwacht[:3]:
            return None
        ruw = os.read(fd, st.st_size + 1)
    except OSError:
        return None
    finally:
        os.close(fd)
    if len(ruw) != st.st_size:
        return None
    try:
        data = uit_vakbytes(ruw, pad, verplicht=verplicht)
        controleer_tinydb(data, pad)
    except BeschadigdBestand:
        return None
    documenten = data.get(tabel)
    return list(documenten.values()) if type(documenten) is dict else None


def uit_vakbytes(ruw: bytes, pad: Path | str, *, verplicht: bool = False) -> dict[str, Any]:
    """Het object uit de bytes van een vakbestand (of opslag.json), na het controlegetal;
    ``pad`` alleen voor de melding.

    Een controlegetal dat niet klopt, of een ``_controle`` zonder geldige staart, is
    beschadiging. ``verplicht``: ook een bestand zónder controlegetal is beschadigd (in een
    opslag van schema 2 en later schrijven wij er altijd een).
    """
    staart = ruw[-_STAART:]
    try:
        if not ruw.strip():
            raise ValueError("leeg")
        if staart.startswith(_STAART_BEGIN) and staart.endswith(b'"}'):
            cijfers = staart[len(_STAART_BEGIN):-2]
            if not set(cijfers) <= _HEX or int(cijfers, 16) != zlib.crc32(ruw[:-_STAART]):
                raise BeschadigdBestand(
                    f"Het bestand {pad} is beschadigd (het controlegetal klopt niet)."
                )
            data = json.loads(ruw.decode("utf-8"))  # één keer decoderen, zonder kopie
            if isinstance(data, dict):
                data.pop(CONTROLE, None)
        else:
            data = json.loads(ruw.decode("utf-8"))
            if isinstance(data, dict) and CONTROLE in data:
                raise ValueError("controlegetal zonder geldige staart")
            if verplicht:
                raise BeschadigdBestand(
                    f"Het bestand {pad} is beschadigd of niet van Vergadering (het "
                    "controlegetal ontbreekt)."
                )
        if not isinstance(data, dict):
            raise ValueError("geen object")
    except ValueError as fout:
        raise BeschadigdBestand(f"Het bestand {pad} is beschadigd.") from fout
    return data


def zonder_controlegetal(ruw: bytes) -> Any:
    """De JSON van een vak waarvan het controlegetal niet klopt, om er gezonde documenten uit
    te redden (elk wordt daarna apart nagekeken); ``ValueError`` als ook dat niet lukt."""
    return json.loads(ruw[: ruw.rfind(_STAART_BEGIN)] + b"}")


def lees_json(pad: Path, *, verplicht: bool = False) -> dict[str, Any] | None:
    """Lees een vakbestand of opslag.json; None als het er niet is.

    Een leeg, afgekapt of ander onleesbaar bestand, een controlegetal dat niet klopt of een
    symbolische koppeling geeft ``BeschadigdBestand``: wij schrijven nooit een leeg bestand,
    dus leeg betekent kapot.
    """
    gelezen = _lees_met_sleutel(pad)
    return None if gelezen is None else uit_vakbytes(gelezen[1], pad, verplicht=verplicht)


def naar_bytes(data: Any) -> bytes:
    """JSON als bytes. ensure_ascii: ook losse surrogaten en stuurtekens komen heel terug,
    onafhankelijk van de taalinstelling van de computer."""
    return json.dumps(data, ensure_ascii=True, separators=(",", ":")).encode("ascii")


def vakbytes(data: dict[str, Any]) -> bytes:
    """De bytes van een vakbestand of opslag.json: JSON met het controlegetal als laatste
    sleutel (zie boven). De enige manier waarop zulke bestanden gemaakt worden."""
    if not data:
        raise ValueError("een vakbestand is nooit leeg")
    romp = naar_bytes(data)[:-1]
    return romp + b'%s%08x"}' % (_STAART_BEGIN, zlib.crc32(romp))


def controleer_tinydb(data: dict[str, Any], pad: Path | str) -> None:
    """Een vakbestand is {tabel: {nummer: document}}; al het andere is beschadigd (dan zou
    TinyDB er verderop over struikelen, of stilletjes een deel overslaan). Een vak zonder
    tabel schrijven wij nooit: dat is leeggemaakt. ``pad`` alleen voor de melding."""
    if not data:
        raise BeschadigdBestand(f"Het bestand {pad} is beschadigd (het is leeg).")
    for tabel in data.values():
        # map in plaats van een generator: dit loopt bij elk gelezen vak over elk document.
        if not isinstance(tabel, dict) or not (
            all(map(isinstance, tabel.values(), repeat(dict)))
            and all(map(str.isdigit, tabel))
        ):
            raise BeschadigdBestand(f"Het bestand {pad} is beschadigd.")


# --- het journaal ----------------------------------------------------------------------

JOURNAAL = ".journaal"
# Wanneer het journaal weer in het vak opgaat: na zoveel regels, of als het groter is dan
# het vak zelf (en dan minstens zoveel bytes). Eens per zoveel bewerkingen kost een
# bewerking dan wat een volledige, atomische schrijfactie kost.
SAMENVOEGEN_NA_REGELS = 64
SAMENVOEGEN_NA_BYTES = 512 * 1024

Record = tuple[str, str, dict[str, Any]]


def journaalpad(pad: Path) -> Path:
    """Het journaal naast een vakbestand: ``2026-11.json`` -> ``2026-11.json.journaal``."""
    return pad.with_name(pad.name + JOURNAAL)


def journaalregel(tabel: str, doc_id: str, doc: dict[str, Any]) -> bytes:
    """Eén regel voor het journaal, met controlegetal en regeleinde."""
    inhoud = naar_bytes({"t": tabel, "k": doc_id, "d": doc})
    return b"%08x " % zlib.crc32(inhoud) + inhoud + b"\n"


def lees_journaalregels(ruw: bytes, pad: Path) -> tuple[list[Record], int]:
    """De bevestigde regels uit (een deel van) een journaal, en hoeveel bytes die beslaan.

    Een onleesbare laatste regel is een schrijfactie die nooit bevestigd werd en telt niet
    mee; een onleesbare regel met goede regels erna is beschadiging, en een regel met een
    kloppend controlegetal maar een verkeerde vorm ook (die is wel zo geschreven).
    """
    records: list[Record] = []
    positie = 0
    while positie < len(ruw):
        einde = ruw.find(b"\n", positie)
        regel = ruw[positie:] if einde < 0 else ruw[positie:einde]
        record = None if einde < 0 else _ontleed_regel(regel)
        if record is _VERKEERDE_VORM:
            raise BeschadigdBestand(f"Het bestand {pad} is beschadigd.")
        if record is None:
            volgende = len(ruw) if einde < 0 else einde + 1
            if ruw[volgende:].strip():
                raise BeschadigdBestand(f"Het bestand {pad} is beschadigd.")
            break  # half geschreven staart: nooit bevestigd
        records.append(record)
        positie = einde + 1
    return records, positie


_VERKEERDE_VORM: Any = ("", "", {})  # controlegetal klopt, vorm niet: beschadigd


def _ontleed_regel(regel: bytes) -> Record | None:
    """Eén regel: het record, None (controlegetal klopt niet: half geschreven of kapot) of
    ``_VERKEERDE_VORM``."""
    if len(regel) < 10 or regel[8:9] != b" ":
        return None
    inhoud = regel[9:]
    try:
        if int(regel[:8], 16) != zlib.crc32(inhoud):
            return None
        r = json.loads(inhoud.decode("ascii"))
    except ValueError:
        return _VERKEERDE_VORM
    if (not isinstance(r, dict) or not isinstance(r.get("t"), str)
            or not isinstance(r.get("k"), str) or not r["k"].isdigit()
            or not isinstance(r.get("d"), dict)):
        return _VERKEERDE_VORM
    return r["t"], r["k"], r["d"]


def lees_journaal_ruim(ruw: bytes) -> tuple[list[Record], list[bytes]]:
    """Voor het herstellen: alle goede regels van een journaal, ook die na een kapotte
    regel, plus de regels die niet te gebruiken zijn. Een laatste regel zonder regeleinde
    werd nooit bevestigd en telt niet mee."""
    goed: list[Record] = []
    kapot: list[bytes] = []
    *regels, staart = ruw.split(b"\n")
    del staart  # zonder regeleinde: nooit bevestigd
    for regel in regels:
        record = _ontleed_regel(regel)
        if record is None or record is _VERKEERDE_VORM:
            if regel.strip():
                kapot.append(regel)
        else:
            goed.append(record)
    return goed, kapot


class _Stand:
    """Wat het geheugen weet van één vak: de gelezen versie en hoe ver het journaal is.

    Een gewone klasse, geen dataclass: ``dataclasses`` laden kost ~7 ms, meer dan de helft van
    een lijst van een jaar (die dit module nodig heeft, de dataclasses van het domein niet).
    """

    __slots__ = ("basis", "data", "journaal_ino", "journaal_tot", "regels", "gezond", "nagaan",
                 "samenvoegen_vanaf")

    def __init__(self, basis: Sleutel, data: dict[str, Any], journaal_ino: int | None = None,
                 *, gezond: bool = False) -> None:
        self.basis = basis
        self.data = data
        self.journaal_ino = journaal_ino
        self.journaal_tot = 0  # bytes aan bevestigde regels
        self.regels = 0
        # Gezondheid voor het schrijven: is het gelezen vak helemaal nagekeken (elk document
        # wordt zijn dataclass), en welke documenten uit het journaal moeten nog. Zo kost een
        # bewerking geen nieuwe controle van de hele maand.
        self.gezond = gezond
        self.nagaan: set[tuple[str, str]] = set()
        # Na een volle schijf bij het samenvoegen: pas na zoveel regels opnieuw proberen.
        self.samenvoegen_vanaf = 0


class _Opnieuw(Exception):
    """Het journaal hoort niet meer bij het gelezen vak: opnieuw beginnen."""


class AtomischeOpslag:
    """De opslag van één vakbestand: atomisch schrijven, bewerkingen via het journaal,
    en gelezen inhoud in het geheugen zolang vak en journaal niet veranderd zijn.

    Met de vorm van een TinyDB-``Storage`` (``read``, ``write``, ``close``) en het
    bestandsformaat van TinyDB, maar zonder ervan af te leiden: niets opent een vak via
    TinyDB (de façade leest het formaat zelf), en ``tinydb`` laden kostte elke opdracht en
    elke start ~2 ms.

    Het geheugen herkent een versie aan (inode, wijzigingstijdstip, grootte): een vak wordt
    alleen vervangen (nieuwe sleutel), een journaal groeit alleen (andere grootte) tot het
    samen met het vak opnieuw begint.
    """

    def __init__(
        self,
        pad: str | Path,
        geheugen: dict[Path, Any] | None = None,
        *,
        verplicht: bool = True,
        bij_volle_schijf: Callable[[], None] | None = None,
    ):
        """``verplicht``: een vak zonder controlegetal is beschadigd (schema 2 en later).
        ``bij_volle_schijf`` wordt aangeroepen als samenvoegen niet paste en de bewerking
        daarom in het journaal bleef."""
        self.pad = Path(pad)
        self.journaal = journaalpad(self.pad)
        self._geheugen = geheugen if geheugen is not None else {}
        self._net_gelezen: _Stand | None = None  # voor voeg_toe, zie daar
        self._verplicht = verplicht
        self._bij_volle_schijf = bij_volle_schijf

    def _sleutel(self) -> Sleutel | None:
        try:
            st = os.lstat(self.pad)  # een koppeling zelf, niet waar ze heen wijst
        except FileNotFoundError:
            return None
        return (st.st_ino, st.st_mtime_ns, st.st_size)

    def read(self) -> dict[str, Any] | None:
        """Vak plus journaal; None als het vak niet bestaat."""
        stand = self._net_gelezen = self._stand()
        return None if stand is None else stand.data

    def _stand(self) -> _Stand | None:
        for _ in range(20):
            sleutel = self._sleutel()
            if sleutel is None:
                self._geheugen.pop(self.pad, None)
                return None
            stand = self._geheugen.get(self.pad)
            if stand is None or stand.basis != sleutel:
                gelezen = _lees_met_sleutel(self.pad)
                if gelezen is None:
                    continue
                data = uit_vakbytes(gelezen[1], self.pad, verplicht=self._verplicht)
                controleer_tinydb(data, self.pad)
                stand = _Stand(gelezen[0], data)
            try:
                self._volg_journaal(stand)
            except _Opnieuw:
                self._geheugen.pop(self.pad, None)
                continue
            # Is het vak intussen vervangen (samengevoegd door een ander proces), dan kan het
            # gelezen journaal al leeg gemaakt zijn: opnieuw.
            if self._sleutel() == stand.basis:
                self._geheugen[self.pad] = stand
                return stand
            self._geheugen.pop(self.pad, None)
        raise OpslagFout(
            f"{self.pad} verandert steeds terwijl het gelezen wordt; probeer het zo opnieuw."
        )

    def _volg_journaal(self, stand: _Stand) -> None:
        """Pas de nieuwe regels van het journaal toe op ``stand``."""
        try:
            fd = os.open(self.journaal, os.O_RDONLY | NIET_VOLGEN)
        except FileNotFoundError:
            if stand.journaal_tot:
                raise _Opnieuw() from None
            stand.journaal_ino = None
            return
        except OSError as fout:
            if is_koppeling(fout):
                raise koppeling_fout(self.journaal) from fout
            raise OpslagFout(
                f"{self.journaal} kan niet gelezen worden ({oorzaak(fout)}); "
                "controleer de rechten."
            ) from fout
        try:
            st = os.fstat(fd)
            if stand.journaal_ino not in (None, st.st_ino) or st.st_size < stand.journaal_tot:
                if stand.journaal_tot:
                    raise _Opnieuw()
            stand.journaal_ino = st.st_ino
            if st.st_size == stand.journaal_tot:
                return
            os.lseek(fd, stand.journaal_tot, os.SEEK_SET)
            delen = []
            while deel := os.read(fd, 1 << 20):
                delen.append(deel)
        finally:
            os.close(fd)
        # Eerst nagaan of het vak nog hetzelfde is: is het intussen samengevoegd, dan is dit
        # journaal leeg gemaakt en misschien opnieuw gegroeid, en begint ons stuk midden in
        # een regel.
        if self._sleutel() != stand.basis:
            raise _Opnieuw()
        records, lengte = lees_journaalregels(b"".join(delen), self.journaal)
        for tabel, doc_id, doc in records:
            stand.data.setdefault(tabel, {})[doc_id] = doc
            if stand.gezond:
                stand.nagaan.add((tabel, doc_id))
        stand.journaal_tot += lengte
        stand.regels += len(records)

    def controleer_gezond(self, stand: _Stand | None = None) -> None:
        """``BeschadigdBestand`` als een document van het vak (met journaal) niet zijn
        dataclass wordt: dan wordt er niets in geschreven of samengevoegd. Eén keer per
        gelezen versie; van het journaal alleen wat er sindsdien bij kwam."""
        stand = stand if stand is not None else self._stand()
        if stand is None or (stand.gezond and not stand.nagaan):
            return  # het gewone geval bij een bewerking: al nagekeken
        from .controle import controleer_documenten

        if not stand.gezond:
            controleer_documenten(stand.data, self.pad)
            stand.gezond = True
        elif stand.nagaan:
            controleer_documenten(stand.data, self.pad, stand.nagaan)
        stand.nagaan.clear()

    def write(self, data: dict[str, Any], *, gezond: bool = False) -> None:
        """Schrijf het hele vak opnieuw (atomisch) en maak het journaal leeg.

        ``gezond``: de aanroeper weet dat elk document klopt (nagekeken of net gemaakt)."""
        self._net_gelezen = None
        try:
            schrijf_atomisch(self.pad, vakbytes(data))
        except BaseException:
            # TinyDB wijzigt de gelezen inhoud ter plekke: na een mislukte schrijfactie
            # klopt het geheugen niet meer met de schijf.
            self._geheugen.pop(self.pad, None)
            raise
        ino = self._maak_journaal_leeg()
        sleutel = self._sleutel()
        if sleutel is not None and ino is not False:
            self._geheugen[self.pad] = _Stand(sleutel, data, ino, gezond=gezond)
        else:
            self._geheugen.pop(self.pad, None)

    def _maak_journaal_leeg(self) -> int | None | bool:
        """Na het samenvoegen: journaal leeg (de regels staan nu in het vak). Lukt dat niet,
        dan is er niets verloren: de regels nog eens toepassen verandert niets."""
        try:
            fd = os.open(self.journaal, os.O_WRONLY | NIET_VOLGEN)
        except FileNotFoundError:
            return None
        except OSError:
            return False
        try:
            if os.fstat(fd).st_size:
                os.ftruncate(fd, 0)
                os.fsync(fd)
            return os.fstat(fd).st_ino
        except OSError:
            return False
        finally:
            os.close(fd)

    def voeg_toe(self, tabel: str, doc_id: str, doc: dict[str, Any]) -> None:
        """Zet één document (nieuw of vervangen) duurzaam weg: één regel in het journaal en
        fsync. Aanroepen met het schrijfslot in handen.

        Deed dit object vlak ervoor read() onder hetzelfde slot (zoals ``Opslag`` bij elke
        bewaaractie), dan bouwt dit daarop voort: onder het slot verandert niemand het vak, dus
        hoeven vak en journaal niet nog eens nagekeken te worden.
        """
        stand, self._net_gelezen = self._net_gelezen, None
        if stand is None or self._geheugen.get(self.pad) is not stand:
            stand = self._stand()
        if stand is None:
            self.write({tabel: {doc_id: doc}}, gezond=True)
            return
        # Een beschadigd vak blijft alleen-lezen tot het hersteld is: niets erbij, niets
        # samenvoegen (dan zou de schade in het nieuwe vak en de reservekopieën komen).
        self.controleer_gezond(stand)
        regel = journaalregel(tabel, doc_id, doc)
        if stand.regels >= stand.samenvoegen_vanaf and (
                stand.regels >= SAMENVOEGEN_NA_REGELS
                or stand.journaal_tot + len(regel) > max(SAMENVOEGEN_NA_BYTES, stand.basis[2])):
            data = {naam: dict(docs) for naam, docs in stand.data.items()}
            data.setdefault(tabel, {})[doc_id] = doc
            try:
                self.write(data, gezond=True)
                return
            except OpslagFout as fout:
                if not schijf_vol(fout):
                    raise
            # Het hele vak past niet meer, één regel misschien wel: het vak op schijf is
            # onveranderd, dus de stand klopt nog.
            self._geheugen[self.pad] = stand
            stand.samenvoegen_vanaf = stand.regels + SAMENVOEGEN_NA_REGELS
            if self._bij_volle_schijf is not None:
                self._bij_volle_schijf()
        try:
            ino = voeg_regel_toe(self.journaal, regel, stand.journaal_tot,
                                 nieuw=stand.journaal_ino is None, melding=self.pad).st_ino
        except OpslagFout:
            self._geheugen.pop(self.pad, None)
            raise
        stand.data.setdefault(tabel, {})[doc_id] = doc
        stand.nagaan.discard((tabel, doc_id))  # net gemaakt uit een dataclass: klopt
        stand.journaal_ino = ino
        stand.journaal_tot += len(regel)
        stand.regels += 1

    def voeg_veel_toe(self, tabel: str, docs: dict[str, dict[str, Any]]) -> None:
        """Zet veel nieuwe documenten tegelijk weg (een import): het hele vak in één keer
        atomisch opnieuw, met wat het journaal al had. Dan staan ze er allemaal of geen van
        alle, met één fsync in plaats van één per document. Aanroepen met het schrijfslot in
        handen; een beschadigd vak weigert, zoals bij ``voeg_toe``."""
        if not docs:
            return
        stand = self._stand()
        if stand is None:
            self.write({tabel: dict(docs)}, gezond=True)
            return
        self.controleer_gezond(stand)
        data = {naam: dict(bestaand) for naam, bestaand in stand.data.items()}
        data.setdefault(tabel, {}).update(docs)
        self.write(data, gezond=True)

    def voeg_samen(self) -> bool:
        """Zet het journaal in het vak (als er iets in staat); waar als dat gebeurde."""
        stand = self._stand()
        if stand is None or not stand.journaal_tot:
            if stand is not None and stand.journaal_ino is not None:
                self._maak_journaal_leeg()  # alleen een half geschreven staart
            return False
        self.controleer_gezond(stand)
        self.write(stand.data, gezond=True)
        return True

    def close(self) -> None:
        """Niets te sluiten: elk bestand wordt per bewerking geopend en gesloten."""
