"""Bewaren tijdens de vergadering: elke wijziging staat op schijf voordat het scherm haar toont.

Een bevestigde wijziging mag niet verloren gaan, ook niet bij een kill -9 een milliseconde
later; daarom schrijft ``bewaar`` meteen (een regel in het journaal en fsync: rond een
milliseconde, ruim binnen één beeldje). Mislukt het bewaren, dan blijft het object in het
geheugen staan en wordt het bij ``opnieuw()`` nog eens geschreven; er gaat niets verloren dat
getypt is.

Heeft een ander proces hetzelfde document intussen bewaard (``GelijktijdigGewijzigd``), dan
is opnieuw proberen zinloos: de bewaarder leest dan de bewaarde versie en voegt samen (zie
samenvoegen.py), met als basis het document zoals dit proces het het laatst las of bewaarde.
Alleen als beide kanten hetzelfde veld anders invulden, vraagt hij de voorzitter
(``meld_conflict``) welke waarde blijft; ``beslis`` bewaart dan de keuze.

Is de server van een database niet bereikbaar (``Onbereikbaar``: wifi weg in het buurthuis),
dan gaat de wijziging in het lokale journaal op de laptop (opslag/offline.py, met fsync) en
telt ze als bewaard; ``meld_offline`` zegt het de gebruiker. Zolang daar regels in staan, gaat
elke volgende wijziging er ook in (de volgorde blijft). Een werkdraad (``start_herstel``)
probeert het met een oplopende wachttijd opnieuw en speelt de regels in volgorde af, met
samenvoegen zoals hierboven; pas na de commit is een regel af. Is het journaal leeg, dan
meldt ``meld_afgespeeld`` het: de app leest dan opnieuw wat er nu in de database staat (daar
staat ook wat anderen intussen deden). Een object dat in het journaal stond, heeft in het
geheugen nog de oude versie; wordt het daarna bewaard, dan voegt de bewaarder samen met als
basis wat het laatst in het journaal ging, zodat er niets van een ander overschreven wordt.

Een stille val (de wifi weg zonder dat de server de verbinding sluit) merkt TCP pas na
seconden. Daarom wacht de hoofddraad bij een database (``beeldje``, de app) hoogstens één
beeldje op de commit, die in een eigen werkdraad loopt. Past hij daarin, dan is er niets te
zien. Zo niet, dan gaat de wijziging (zoals ze naar de server ging) meteen ook in het lokale
journaal en meldt ``meld_onderweg()`` dat ze nog bewaard wordt (de voorkant zegt het in
eigen woorden); volgende wijzigingen gaan achter haar het journaal in (de volgorde blijft).
Lukt de commit alsnog, dan is die regel af; anders blijft ze staan en wordt ze afgespeeld
zoals hierboven. Kwam de commit wel aan maar het antwoord niet, dan levert het afspelen
hetzelfde document op (samenvoegen: niets dubbel, geen vraag). Het afspelen wacht tot de
commit in de werkdraad klaar is, en de hoofddraad wacht nooit op een draad die met de server
praat (``_journaalslot`` is kort).
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from .fouten import GelijktijdigGewijzigd, Onbereikbaar, VergaderingFout, oorzaak
from .opslag import Opslag
from .samenvoegen import Conflict, Pad, neem_over, voeg_samen

Sleutel = tuple[str, str, str]


def _sleutel(obj: Any) -> Sleutel:
    return (type(obj).__name__, getattr(obj, "wijkverband_id", ""), obj.id)


@cache
def _bewaarmethode(soort: type) -> str:
    """De methode van de opslag die een object van deze klasse bewaart (één keer per klasse
    uitgezocht: dit gebeurt bij elke bewerking)."""
    # Hier pas: het startscherm laadt deze domeinmodules niet voor het eerste beeld.
    from .actie import Actie
    from .signaal import Signaal
    from .vergadering import Vergadering
    from .wijkverband import Wijkverband

    for klasse, methode in ((Vergadering, "bewaar_vergadering"), (Signaal, "bewaar_signaal"),
                            (Actie, "bewaar_actie"), (Wijkverband, "bewaar_wijkverband")):
        if issubclass(soort, klasse):
            return methode
    raise TypeError(soort.__name__)  # pragma: no cover - programmeerfout


def _zonder_versie(document: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in document.items() if k != "versie"}


# Zo vaak samenvoegen en opnieuw bewaren als een ander proces steeds net eerder is.
POGINGEN = 5
WACHT_OP_KEUZE = "een ander venster wijzigde hetzelfde; kies eerst welke waarde blijft"
# Opnieuw proberen na een weggevallen verbinding: eerst snel, dan steeds wat langer (geen
# drukke lus, en na een korte hapering is alles toch snel bewaard).
HERSTEL_EERST, HERSTEL_HOOGSTENS = 0.5, 8.0


class _Werkdraad:
    """Eén draad die opdrachten voor de database na elkaar uitvoert (de volgorde blijft).

    Geen ``ThreadPoolExecutor``: die wacht bij het afsluiten van Python tot een hangende
    commit opgeeft. Deze draad is een daemon: wat hij nog deed, staat in het lokale journaal."""

    def __init__(self) -> None:
        self._rij: queue.SimpleQueue[tuple[Future, Callable[..., Any], tuple]] = \
            queue.SimpleQueue()
        threading.Thread(target=self._loop, daemon=True, name="bewaren").start()

    def geef(self, doe: Callable[..., Any], *args: Any) -> Future:
        """Zet ``doe(*args)`` achteraan; de uitkomst (of fout) komt in de Future."""
        toekomst: Future = Future()
        self._rij.put((toekomst, doe, args))
        return toekomst

    def _loop(self) -> None:
        while True:
            toekomst, doe, args = self._rij.get()
            if not toekomst.set_running_or_notify_cancel():
                continue
            try:
                toekomst.set_result(doe(*args))
            except BaseException as fout:  # noqa: BLE001 - de aanroeper krijgt elke fout
                toekomst.set_exception(fout)


@dataclass
class Tegenstrijdig:
    """Een bewaaractie die op de voorzitter wacht: beide kanten veranderden hetzelfde veld.
    ``keuzes`` zijn de keuzes die al gemaakt zijn (een volgende vraag vult ze aan)."""

    obj: Any
    conflicten: list[Conflict]
    keuzes: dict[Pad, str] = field(default_factory=dict)
    regel: int | None = None  # een regel uit het lokale journaal (na een weggevallen server)


class Bewaarder:
    """Bewaart domeinobjecten meteen, één tegelijk, en onthoudt wat niet lukte.

    ``meld_fout`` en ``meld_gelukt`` worden aangeroepen in de draad die bewaart (de
    hoofddraad); ``meld_offline``, ``meld_afgespeeld`` en ``meld_conflict`` ook uit een
    werkdraad (afspelen, een commit die niet in een beeldje paste). De app zet ze allemaal via
    de lus door, zodat dat uit elke draad mag.
    """

    def __init__(
        self,
        opslag: Opslag,
        meld_fout: Callable[[str], None] = lambda _: None,
        meld_gelukt: Callable[[], None] = lambda: None,
        *,
        meld_conflict: Callable[[Tegenstrijdig], None] = lambda _: None,
        meld_samengevoegd: Callable[[list[Any]], None] = lambda _: None,
        meld_offline: Callable[[str], None] = lambda _: None,
        meld_afgespeeld: Callable[[], None] = lambda: None,
        meld_onderweg: Callable[[], None] = lambda: None,
        beeldje: float | None = None,
    ) -> None:
        """``beeldje``: hoe lang de aanroeper hoogstens op een commit naar een database wacht
        (None: tot hij klaar is, zoals de opdrachtregel; de map bewaart altijd meteen)."""
        from .opslag.offline import journaal_voor

        self.opslag = opslag
        self._meld_fout = meld_fout
        self._meld_gelukt = meld_gelukt
        self._meld_conflict = meld_conflict
        self._meld_samengevoegd = meld_samengevoegd
        # Per object het document zoals dit proces het het laatst las of bewaarde: de basis
        # om samen te voegen. Na elk bewaren gratis (de opslag geeft het document terug).
        self._basis: dict[Sleutel, dict[str, Any]] = {}
        self._wacht_op_keuze: dict[Sleutel, Tegenstrijdig] = {}
        # Schrijven kan uit de hoofddraad en uit een werkdraad (opnieuw proberen, lezen
        # met ``stil``): één tegelijk.
        self._schrijfslot = threading.RLock()
        self._mislukt: dict[Sleutel, Any] = {}
        self.laatste_fout = ""
        # Het lokale journaal (alleen bij een database) en wat erin wacht: per object het
        # object zelf en het laatst erin gezette document (de basis van de volgende regel).
        self.journaal = journaal_voor(opslag)
        self._meld_offline = meld_offline
        self._meld_afgespeeld = meld_afgespeeld
        self._in_journaal: dict[Sleutel, tuple[Any, dict[str, Any]]] = {}
        self._regelkeuzes: dict[int, dict[Pad, str]] = {}
        self._regelvraag: Tegenstrijdig | None = None
        self._offline = False
        self._wekker = threading.Event()
        self._stop = threading.Event()
        self._herstel: threading.Thread | None = None
        # Kort vast te houden (nooit tijdens een gesprek met de server): wat er in het lokale
        # journaal gaat en of de bewaarder offline is. De hoofddraad neemt alleen dit slot.
        self._journaalslot = threading.RLock()
        # De commit die niet in een beeldje paste (zijn regel in het journaal), en of er
        # geen loopt: het afspelen wacht daarop.
        self._beeldje = beeldje if self.journaal is not None else None
        self._meld_onderweg = meld_onderweg
        self._werkdraad: _Werkdraad | None = None
        self._onderweg: int | None = None
        self._vrij = threading.Event()
        self._vrij.set()
        # Per object de laatste regel die op de server kwam en het document dat daar nu staat;
        # na het afspelen: wat ``haal_versies_in`` in het geheugen kan bijwerken.
        self._op_server: dict[Sleutel, tuple[dict[str, Any], dict[str, Any]]] = {}
        self._in_te_halen: dict[Sleutel, tuple[Any, dict[str, Any], dict[str, Any]]] = {}

    # --- bewaren ---------------------------------------------------------------------

    def bewaar(self, *objecten: Any) -> bool:
        """Schrijf de objecten nu naar schijf; True als alles bewaard is.

        Een fout wordt gemeld (``meld_fout``) en het object onthouden voor ``opnieuw()``.
        """
        gelukt = True
        for obj in objecten:
            sleutel = _sleutel(obj)
            if self._offline:  # zonder het schrijfslot: het afspelen kan daar hangen
                gelukt = self._naar_journaal(sleutel, obj) and gelukt
                continue
            try:
                with self._schrijfslot:
                    if self._offline:
                        gelukt = self._naar_journaal(sleutel, obj) and gelukt
                        continue
                    document = self._schrijf_begrensd(sleutel, obj)
                    if document is not None:
                        self._basis[sleutel] = document
            except Onbereikbaar:
                gelukt = self._naar_journaal(sleutel, obj) and gelukt
                continue
            except GelijktijdigGewijzigd:
                gelukt = self._voeg_samen(sleutel, obj, {}) and gelukt
                continue
            except VergaderingFout as fout:
                gelukt = self._mislukt_met(sleutel, obj, str(fout))
            except OSError as fout:
                # Wat de gebruiker dan kan doen (ctrl+s), zegt de app bij de melding.
                gelukt = self._mislukt_met(sleutel, obj, f"Opslaan lukte niet ({oorzaak(fout)}).")
            else:
                self._mislukt.pop(sleutel, None)
        if gelukt:
            self._meld_gelukt()
        return gelukt

    def bewaar_of_meld(self, obj: Any) -> bool:
        """Bewaar één object nu, voor een formulier dat bij een fout opnieuw opengaat: een
        fout komt als ``VergaderingFout`` (niets onthouden), een wijziging elders wordt
        samengevoegd. False: de voorzitter moet eerst kiezen (``meld_conflict``)."""
        sleutel = _sleutel(obj)
        if self._offline:
            return self._naar_journaal(sleutel, obj)
        try:
            with self._schrijfslot:
                if self._offline:
                    return self._naar_journaal(sleutel, obj)
                document = self._schrijf_begrensd(sleutel, obj)
                if document is not None:
                    self._basis[sleutel] = document
        except Onbereikbaar:
            return self._naar_journaal(sleutel, obj)
        except GelijktijdigGewijzigd:
            return self._voeg_samen(sleutel, obj, {})
        except OSError as fout:
            raise VergaderingFout(f"Opslaan lukte niet ({oorzaak(fout)}).") from fout
        return True

    def opnieuw(self) -> int:
        """Schrijf alles wat niet bewaard kon worden opnieuw; geeft het aantal pogingen terug."""
        mislukt = list(self._mislukt.values())
        if mislukt:
            self.bewaar(*mislukt)
        return len(mislukt)

    # --- samenvoegen na een wijziging elders ----------------------------------------------

    def onthoud(self, obj: Any, document: dict[str, Any] | None = None) -> None:
        """Onthoud ``obj`` zoals het nu (net gelezen) op schijf staat: de basis om samen te
        voegen als een ander proces het intussen ook bewaart."""
        from .opslag.omzetten import naar_document

        self._basis[_sleutel(obj)] = document if document is not None else naar_document(obj)

    def onthoud_eerst(self, *objecten: Any) -> None:
        """Als ``onthoud``, maar alleen voor objecten waarvan deze versie nog niet onthouden
        is (vóór de eerste wijziging in dit proces: dat is wat er gelezen werd)."""
        for obj in objecten:
            basis = self._basis.get(_sleutel(obj))
            if basis is None or basis.get("versie") != obj.versie:
                self.onthoud(obj)

    def niet_opgeslagen(self, obj: Any) -> bool:
        """Waar als dit object wijzigingen heeft die (nog) niet in de opslag staan: niet
        bewaard, of alleen nog in het lokale journaal."""
        sleutel = _sleutel(obj)
        return sleutel in self._mislukt or sleutel in self._in_journaal

    @property
    def wacht_op_keuze(self) -> list[Tegenstrijdig]:
        """De bewaaracties die wachten tot de voorzitter kiest."""
        return list(self._wacht_op_keuze.values())

    def beslis(self, vraag: Tegenstrijdig, keuzes: dict[Pad, str]) -> bool:
        """Bewaar met de keuzes van de voorzitter (per pad ``MIJN`` of ``HUN``); True als het
        bewaard is. Nieuwe tegenstrijdigheden (intussen weer gewijzigd) worden opnieuw gemeld."""
        if vraag.regel is not None:
            # Een regel uit het lokale journaal: het afspelen gaat verder met deze keuzes.
            with self._schrijfslot:
                self._regelkeuzes[vraag.regel] = {**vraag.keuzes, **keuzes}
                if self._regelvraag is vraag:
                    self._regelvraag = None
            self._wekker.set()
            return True
        sleutel = _sleutel(vraag.obj)
        if self._wacht_op_keuze.get(sleutel) is vraag:
            del self._wacht_op_keuze[sleutel]
        gelukt = self._voeg_samen(sleutel, vraag.obj, {**vraag.keuzes, **keuzes})
        if gelukt and not self._mislukt:
            self._meld_gelukt()
        return gelukt

    def _voeg_samen(self, sleutel: Sleutel, obj: Any, keuzes: dict[Pad, str]) -> bool:
        """Lees wat een ander bewaarde, voeg het samen met ``obj`` en bewaar; bij een echte
        tegenstrijdigheid de vraag aan de voorzitter (één vraag tegelijk per object)."""
        from .opslag.omzetten import naar_document, uit_document

        if sleutel in self._wacht_op_keuze:
            # Er ligt al een vraag; ``beslis`` voegt straks samen met wat er dan staat.
            self._mislukt[sleutel] = obj
            return False
        try:
            with self._schrijfslot:
                for _ in range(POGINGEN):
                    hun = naar_document(self._lees(obj))
                    basis = self._basis.get(sleutel)
                    if basis is not None and basis.get("versie") != obj.versie:
                        # Niet de versie waarop dit object voortbouwt (een tweede kopie van
                        # hetzelfde document): zonder basis is elk verschil een vraag.
                        basis = None
                    uit = voeg_samen(basis, naar_document(obj), hun, keuzes)
                    if uit.conflicten:
                        vraag = Tegenstrijdig(obj, uit.conflicten, dict(keuzes))
                        self._wacht_op_keuze[sleutel] = vraag
                        self._mislukt[sleutel] = obj
                        self.laatste_fout = f"{WACHT_OP_KEUZE[0].upper()}{WACHT_OP_KEUZE[1:]}."
                        self._meld_conflict(vraag)
                        return False
                    neem_over(obj, uit_document(type(obj), uit.document))
                    # Wat nu op schijf staat, is de basis: ook als het bewaren hierna faalt.
                    self._basis[sleutel] = hun
                    try:
                        self._basis[sleutel] = self._schrijf(obj)
                    except GelijktijdigGewijzigd:
                        continue  # weer net een ander ertussen: nog eens
                    except Onbereikbaar:
                        return self._naar_journaal(sleutel, obj)
                    self._mislukt.pop(sleutel, None)
                    self._meld_samengevoegd([obj])
                    return True
        except VergaderingFout as fout:
            return self._mislukt_met(sleutel, obj, str(fout))
        except OSError as fout:
            return self._mislukt_met(sleutel, obj, f"Opslaan lukte niet ({oorzaak(fout)}).")
        return self._mislukt_met(
            sleutel, obj, "Een ander venster bewaart steeds net eerder; probeer het zo opnieuw."
        )

    def _lees(self, obj: Any) -> Any:
        """De bewaarde versie van ``obj``."""
        from .actie import Actie
        from .signaal import Signaal
        from .vergadering import Vergadering

        opslag = self.opslag
        if isinstance(obj, Vergadering):
            return opslag.vergadering(obj.wijkverband_id, obj.id)
        if isinstance(obj, Signaal):
            return opslag.signaal(obj.wijkverband_id, obj.id)
        if isinstance(obj, Actie):
            return opslag.actie(obj.wijkverband_id, obj.id)
        return opslag.wijkverband(obj.id)

    @property
    def onopgeslagen(self) -> int:
        """Hoeveel objecten niet bewaard konden worden."""
        return len(self._mislukt)

    def wacht(self, tijdslimiet: float = 30.0) -> bool:
        """Wacht tot een schrijfactie in een andere draad klaar is; False bij de tijdslimiet."""
        if not self._vrij.wait(tijdslimiet):
            return False
        if not self._schrijfslot.acquire(timeout=tijdslimiet):
            return False
        self._schrijfslot.release()
        return True

    @contextmanager
    def stil(self) -> Iterator[None]:
        """Lees veilig uit de opslag: er wordt zolang niet geschreven."""
        with self._schrijfslot:
            yield

    # --- het lokale journaal (de server is even weg) -------------------------------------

    @property
    def offline(self) -> bool:
        """Waar zolang wijzigingen in het lokale journaal gaan (de server was weg)."""
        return self._offline

    @property
    def onderweg(self) -> bool:
        """Waar zolang een commit loopt die niet in een beeldje paste (nog geen antwoord)."""
        return self._onderweg is not None

    def _naar_journaal(self, sleutel: Sleutel, obj: Any) -> bool:
        """Zet ``obj`` in het lokale journaal (duurzaam); True als dat lukte. Daarna gaat
        alles naar het journaal tot het afgespeeld is, en de werkdraad probeert het opnieuw."""
        from .opslag.offline import GEEN_VERBINDING
        from .opslag.omzetten import naar_document

        if self.journaal is None:  # pragma: no cover - alleen een database is onbereikbaar
            return self._mislukt_met(sleutel, obj,
                                     "De opslag is niet bereikbaar; probeer het zo opnieuw.")
        with self._journaalslot:
            mijn = naar_document(obj)
            try:
                self._zet_in_journaal(sleutel, obj, mijn)
            except VergaderingFout as fout:
                return self._mislukt_met(sleutel, obj, str(fout))
            nieuw = not self._offline
            self._offline = True
        if nieuw:
            self.laatste_fout = GEEN_VERBINDING
            self._meld_offline(GEEN_VERBINDING)
        self._zeg_waarschuwingen()
        self.start_herstel()
        return True

    def _zet_in_journaal(self, sleutel: Sleutel, obj: Any, mijn: dict[str, Any]) -> int:
        """Met het journaalslot in handen: zet ``mijn`` (het document van ``obj``) duurzaam
        in het lokale journaal, met zijn basis, en onthoud het; geeft het nummer van de
        regel. Lukt het niet, dan een ``VergaderingFout`` en is er niets onthouden."""
        from .opslag.offline import SOORTEN

        assert self.journaal is not None
        nr = self.journaal.schrijf(SOORTEN[type(obj).__name__], mijn,
                                   self._journaalbasis(sleutel, obj))
        self._in_journaal[sleutel] = (obj, mijn)
        self._mislukt.pop(sleutel, None)
        return nr

    def _journaalbasis(self, sleutel: Sleutel, obj: Any) -> dict[str, Any] | None:
        """De basis van een nieuwe regel: de vorige regel van dit object, of wat het laatst
        gelezen of bewaard is (als ``obj`` daarop voortbouwt)."""
        vorig = self._in_journaal.get(sleutel)
        if vorig is not None:
            return vorig[1]
        basis = self._basis.get(sleutel)
        if basis is not None and basis.get("versie") != obj.versie:
            return None  # niet de versie waarop dit object voortbouwt
        return basis

    # --- een commit die niet in een beeldje past (een stille val) ------------------------

    def _schrijf_begrensd(self, sleutel: Sleutel, obj: Any) -> dict[str, Any] | None:
        """Schrijf ``obj`` en geef het bewaarde document; None als de commit niet binnen een
        beeldje klaar was: dan staat de wijziging in het lokale journaal en loopt de commit
        door in de werkdraad. Fouten van de opslag komen als bij ``_schrijf``."""
        if self._beeldje is None:
            return self._schrijf(obj)
        from .opslag.omzetten import naar_document

        # Het document, niet het object: de hoofddraad verandert ``obj`` intussen misschien
        # al (een volgende stip), en een document is ook wat het journaal bewaart.
        mijn = naar_document(obj)
        toekomst = self._in_werkdraad(self._schrijf_document, obj, mijn)
        try:
            document = toekomst.result(timeout=self._beeldje)
        except TimeoutError:
            if self._onderweg_naar_journaal(sleutel, obj, mijn, toekomst):
                return None
            document = toekomst.result()  # ook het journaal lukte niet: dan toch wachten
        obj.versie = document["versie"]
        return document

    def _schrijf_document(self, obj: Any, mijn: dict[str, Any]) -> dict[str, Any]:
        """In de werkdraad: bewaar ``mijn`` (het document van ``obj`` zoals het aan de
        hoofddraad gegeven werd). Een wijkverband gaat als kopie via zijn eigen
        bewaarmethode (die controleert de naam); de rest meteen als document."""
        from .opslag.offline import SOORTEN, klasse

        soort = SOORTEN[type(obj).__name__]
        if soort == "wijkverbanden":
            from .opslag.omzetten import uit_document

            return self._schrijf(uit_document(klasse(soort), mijn))
        return self.opslag.bewaar_document(soort, mijn["wijkverband_id"], mijn)

    def _in_werkdraad(self, doe: Callable[..., Any], *args: Any) -> Future:
        if self._werkdraad is None:
            self._werkdraad = _Werkdraad()
        return self._werkdraad.geef(doe, *args)

    def _onderweg_naar_journaal(self, sleutel: Sleutel, obj: Any, mijn: dict[str, Any],
                                toekomst: Future) -> bool:
        """De commit loopt nog: zet de wijziging (zoals ze naar de server ging) in het lokale
        journaal, zodat ze bewaard is wat er ook gebeurt; False als dat niet lukte."""
        with self._journaalslot:
            try:
                nr = self._zet_in_journaal(sleutel, obj, mijn)
            except VergaderingFout:
                return False
            self._offline = True  # alles hierna achter deze regel in het journaal
            self._onderweg = nr
            self._vrij.clear()
        self._meld_onderweg()
        toekomst.add_done_callback(lambda t: self._na_onderweg(nr, sleutel, mijn, t))
        self.start_herstel()
        return True

    def _na_onderweg(self, nr: int, sleutel: Sleutel, mijn: dict[str, Any],
                     toekomst: Future) -> None:
        """De commit die niet in een beeldje paste, is klaar (in de werkdraad): gelukt, dan
        is zijn regel af; anders blijft die staan voor het afspelen."""
        assert self.journaal is not None
        fout = toekomst.exception()
        with self._journaalslot:
            if fout is None:
                self._op_server[sleutel] = (mijn, toekomst.result())
                try:
                    self.journaal.af(nr)
                except VergaderingFout:
                    pass  # de regel blijft; afspelen levert hetzelfde op (niets dubbel)
            self._onderweg = None
        if isinstance(fout, Onbereikbaar):
            from .opslag.offline import GEEN_VERBINDING

            self.laatste_fout = GEEN_VERBINDING
            self._meld_offline(GEEN_VERBINDING)
        self._vrij.set()
        self._wekker.set()

    def haal_versies_in(self) -> None:
        """Na het afspelen (in de draad die de objecten verandert, de hoofddraad): een object
        dat sindsdien niet veranderde en op de server precies zo staat, krijgt het
        versienummer van de server. Anders leek de eigen wijziging straks iets van een ander
        venster, en kostte het volgende bewaren een samenvoeging."""
        from .opslag.omzetten import naar_document

        with self._journaalslot:
            in_te_halen, self._in_te_halen = self._in_te_halen, {}
        for sleutel, (obj, laatst, op_server) in in_te_halen.items():
            if naar_document(obj) != laatst or _zonder_versie(op_server) != _zonder_versie(laatst):
                continue  # intussen weer gewijzigd, of samengevoegd met iets van elders
            obj.versie = op_server["versie"]
            self._basis[sleutel] = op_server

    def _zeg_waarschuwingen(self) -> None:
        """Wat het journaal te zeggen had (een beschadigd bestand dat gered is)."""
        while self.journaal is not None and self.journaal.waarschuwingen:
            self._meld_offline(self.journaal.waarschuwingen.pop(0))

    def journaal_van_vorige_keer(self) -> str | None:
        """Kijk of er nog een lokaal journaal ligt (de app of opdracht stopte terwijl de
        server weg was); zo ja, dan gaat alles eerst daarin tot het afgespeeld is. Geeft de
        zin voor de gebruiker, of None."""
        from .opslag.offline import melding_bij_start

        if self.journaal is None:
            return None
        melding = melding_bij_start(self.journaal)
        if melding is not None:
            with self._journaalslot:
                self._offline = True
        self._zeg_waarschuwingen()
        return melding

    def nieuw_signaal_id(self, wijkverband_id: str, datum: Any) -> str:
        """Een vrij kenmerk voor een nieuw signaal; zonder server een willekeurig kenmerk
        (vier tekens per maand: een botsing is zeldzaam, en wordt bij het afspelen een vraag)."""
        from . import ids

        if not self._offline:
            try:
                if self._beeldje is None:
                    with self._schrijfslot:
                        return self.opslag.nieuw_signaal_id(wijkverband_id, datum)
                # Na de bewaaracties die nog lopen, en niet langer dan een beeldje wachten.
                toekomst = self._in_werkdraad(self.opslag.nieuw_signaal_id, wijkverband_id,
                                              datum)
                return toekomst.result(timeout=self._beeldje)
            except (Onbereikbaar, TimeoutError):
                pass
        return ids.signaal_id(datum)

    def start_herstel(self) -> None:
        """Start (als dat nog niet gebeurde) de werkdraad die het journaal afspeelt zodra de
        server er weer is."""
        if self.journaal is None or self._stop.is_set():
            return
        # Het journaalslot: de werkdraad houdt het schrijfslot vast terwijl hij (misschien
        # zonder antwoord) met de server praat, en dit wordt uit de hoofddraad aangeroepen.
        with self._journaalslot:
            if self._herstel is not None and self._herstel.is_alive():
                return
            self._herstel = threading.Thread(target=self._herstel_lus, daemon=True,
                                             name="journaal-afspelen")
            self._herstel.start()

    def probeer_nu(self) -> None:
        """Laat de werkdraad nu opnieuw proberen (ctrl+s), niet pas na de wachttijd."""
        self._wekker.set()

    def stop(self) -> None:
        """Stop de werkdraad (bij het afsluiten); het journaal blijft voor de volgende keer."""
        self._stop.set()
        self._wekker.set()

    def _herstel_lus(self) -> None:
        wachttijd = HERSTEL_EERST
        while not self._stop.is_set():
            if not self._vrij.is_set():
                # Eerst de commit die nog loopt (zijn regel staat vooraan): wekt ons.
                self._wekker.wait()
                self._wekker.clear()
                continue
            if self.speel_af():
                with self._journaalslot:
                    if not self._offline:  # anders kwam er net weer iets in het journaal
                        self._herstel = None  # een volgende keer: een nieuwe draad
                        return
                continue
            if self._regelvraag is not None:
                self._wekker.wait()  # tot de voorzitter kiest (beslis) of stop
                wachttijd = HERSTEL_EERST
            elif self._wekker.wait(wachttijd):
                wachttijd = HERSTEL_EERST
            else:
                wachttijd = min(wachttijd * 2, HERSTEL_HOOGSTENS)
            self._wekker.clear()

    def speel_af(self) -> bool:
        """Speel het lokale journaal in volgorde af; True als het leeg is. Onbereikbaar, of
        een vraag aan de voorzitter: False (de regels blijven staan)."""
        journaal = self.journaal
        if journaal is None:
            return True
        vorig: dict[Sleutel, tuple[dict[str, Any], dict[str, Any]]] = {}
        afgespeeld = False
        while True:
            try:
                regels = journaal.regels()
            except VergaderingFout as fout:
                self._meld_afspeelfout(fout)
                return False
            self._zeg_waarschuwingen()
            if not regels:
                with self._journaalslot:
                    if journaal.regels():
                        continue  # net een nieuwe erbij
                    klaar = self._offline or afgespeeld
                    self._offline = False
                    for sleutel, (obj, laatst) in self._in_journaal.items():
                        self._basis[sleutel] = laatst  # de basis als het nu direct bewaart
                        op_server = self._op_server.get(sleutel)
                        if op_server is not None and op_server[0] == laatst:
                            self._in_te_halen[sleutel] = (obj, laatst, op_server[1])
                    self._in_journaal.clear()
                    self._op_server.clear()
                if klaar:
                    self.laatste_fout = ""
                    self._meld_afgespeeld()
                return True
            for regel in regels:
                try:
                    with self._schrijfslot:
                        if self._regelvraag is not None or self._stop.is_set():
                            return False
                        if not self._speel_regel(regel, vorig):
                            return False
                        journaal.af(regel.nr)
                        self._regelkeuzes.pop(regel.nr, None)
                        afgespeeld = True
                except Onbereikbaar:
                    return False
                except VergaderingFout as fout:
                    # Bijvoorbeeld geen rechten: de regel blijft (nooit stil weggooien).
                    self._meld_afspeelfout(fout)
                    return False

    def _meld_afspeelfout(self, fout: VergaderingFout) -> None:
        """Afspelen lukt niet om een andere reden dan de verbinding: zeg het (één keer per
        reden); de regels blijven in het journaal en de werkdraad probeert het opnieuw."""
        zin = (f"{str(fout).rstrip('.')}. Uw wijzigingen staan veilig op deze laptop en "
               "worden later opnieuw naar de database gestuurd.")
        if zin != self.laatste_fout:
            self.laatste_fout = zin
            self._meld_offline(zin)

    def _speel_regel(self, regel: Any,
                     vorig: dict[Sleutel, tuple[dict[str, Any], dict[str, Any]]]) -> bool:
        """Bewaar één regel van het journaal, samengevoegd met wat er nu staat; False als de
        voorzitter eerst moet kiezen. ``vorig``: per object de vorige afgespeelde regel en
        wat toen bewaard werd (dan hoeft het niet opnieuw gelezen te worden)."""
        from .opslag.offline import klasse
        from .opslag.omzetten import naar_document, uit_document

        cls = klasse(regel.soort)
        obj = uit_document(cls, regel.mijn)
        sleutel = _sleutel(obj)
        keuzes = self._regelkeuzes.get(regel.nr, {})
        hun: dict[str, Any] | None = None
        if sleutel in vorig and vorig[sleutel][0] == regel.basis:
            hun = vorig[sleutel][1]  # bouwt voort op wat net bewaard is
        for _ in range(POGINGEN):
            if hun is not None:
                uit = voeg_samen(regel.basis, regel.mijn, hun, keuzes)
                if uit.conflicten:
                    vraag = Tegenstrijdig(uit_document(cls, regel.mijn), uit.conflicten,
                                          dict(keuzes), regel=regel.nr)
                    self._regelvraag = vraag
                    self.laatste_fout = f"{WACHT_OP_KEUZE[0].upper()}{WACHT_OP_KEUZE[1:]}."
                    self._meld_conflict(vraag)
                    return False
                obj = uit_document(cls, uit.document)
            try:
                vorig[sleutel] = (regel.mijn, self._schrijf(obj))
                with self._journaalslot:
                    self._op_server[sleutel] = vorig[sleutel]
                return True
            except GelijktijdigGewijzigd:
                hun = naar_document(self._lees(obj))
        return False

    def _mislukt_met(self, sleutel: Sleutel, obj: Any, melding: str) -> bool:
        self._mislukt[sleutel] = obj
        self.laatste_fout = melding
        self._meld_fout(melding)
        return False

    def _schrijf(self, kopie: Any) -> dict[str, Any]:
        return getattr(self.opslag, _bewaarmethode(type(kopie)))(kopie)
