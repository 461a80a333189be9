"""Privacy in openbare stukken: e-mailadressen, telefoonnummers en namen van bewoners eruit.

Wie een signaal geeft, laat soms een naam en contactgegevens achter (``Signaal.contact``).
Die zijn privé. Ze mogen niet in een openbaar stuk komen, ook niet via de vrije tekst die
een notulist typte ("mevrouw Jansen van nummer 12 belde"). De ``Maskeerder`` vervangt in
elke tekst:

- e-mailadressen;
- Nederlandse telefoonnummers (06-12345678, +31 6 1234 5678, 070-1234567, 0031 ...) en
  andere internationale nummers (+32 ...);
- de namen (en delen daarvan) en contactgegevens van alle bekende contacten in de signalen
  van het wijkverband.

Een naam wordt als naam herkend: de hele naam in elke schrijfwijze, een deel ervan alleen
met een hoofdletter ("Kees de Groot" maakt van "een groot gat" niets, van "Groot belde" wel).
Namen die het stuk wel mag noemen (leden, eigenaren, partners) kunnen als geheel behouden
worden: een bewoner "Jan" maakt van het lid "Jan de Boer" dan geen "een bewoner de Boer".

Een naam wordt niet vervangen door een etiket maar herschreven: "Pieter Zwanenburg meldt"
wordt "Een bewoner meldt", "mevrouw Jansen belde" wordt "een bewoner belde". Een adres
verliest zijn huisnummer ("Lindelaan 14" wordt "de Lindelaan").

Eerst wordt de tekst genormaliseerd (``persoonsgegevens.normaliseer``): NFKC, zonder
opmaaktekens, richtingstekens en terminalcodes, zodat "06\u200b12345678" of volle-breedte
cijfers ook als telefoonnummer herkend worden.

Met ``besluiten`` (de keuzes van de notulist bij de privacycheck, ``privacycheck``) haalt de
maskeerder ook weg wat op een persoonsgegeven lijkt (aanspreekvormen, namen met hoofdletters,
adressen met huisnummer), behalve wat de notulist wilde behouden.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from .persoonsgegevens import (
    AANSPREEKVORM,
    ADRES,
    bekende_woorden,
    normaliseer,
    sleutel,
    straat_van,
    vind,
)
from .tekst import xml_veilig

NAAM = "een bewoner"  # zo staat een weggehaalde naam in de zin (met hoofdletter aan het begin)
GEZIN = "een gezin"
BEHOUDEN, MASKEREN = "behouden", "maskeren"
EMAIL = "[e-mailadres weggelaten]"
TELEFOON = "[telefoonnummer weggelaten]"
GEGEVENS = "[contactgegevens weggelaten]"

_ADRESTEKEN = r"[\w.!#$%&'*+/=?^`{|}~-]"
# Alleen beginnen waar een adres kan beginnen (niet midden in een woord): anders kost een
# lange tekst zonder @ kwadratisch veel tijd.
_EMAIL = re.compile(rf"(?<!{_ADRESTEKEN}){_ADRESTEKEN}+@[\w-]+(?:\.[\w-]+)+")

# Tussen de cijfers van een nummer: spatie, streepje, punt, schuine streep of haakjes.
_SCHEIDING = r"[ \t\u00a0.\-/()]{0,3}"
_SPATIE = r"[ \t\u00a0.\-]*"
# Het nummer mag niet doorlopen in nog een cijfer (anders is het een datum of iets anders
# en raakten we alleen een stuk kwijt); spaties erachter mogen wel.
_EINDE = r"(?![.\-/:]?\d)"
_TELEFOON = re.compile(
    # +31 6 12345678, +31 (0)70 1234567, 0031-6-12345678: 31 en dan negen cijfers.
    rf"(?:\+|\b00){_SPATIE}31{_SPATIE}(?:\(0\){_SPATIE})?\d(?:{_SCHEIDING}\d){{8}}{_EINDE}"
    # Elk ander internationaal nummer: + en dan 8 tot 15 cijfers.
    rf"|\+\d(?:{_SCHEIDING}\d){{7,14}}{_EINDE}"
    # Nationaal: 0 en dan precies negen cijfers (06-12345678, 070 123 45 67, (010) 1234567).
    rf"|(?<!\d)\(?0(?:{_SCHEIDING}\d){{9}}{_EINDE}"
)
# Informatienummers (0800, 0900, 0906, 0909) zijn geen persoonsgegevens.
_INFONUMMER = re.compile(r"^0(?:800|90[069])")

_WOORD = re.compile(r"\w+")
# Straten die "het" krijgen als het huisnummer weggaat ("het Kerkplein").
_HET_STRAAT = ("plein", "park", "pad", "erf", "hof", "veld", "plantsoen")
_ADRESVORM = "\x00adres"  # vervanging van een bekend adres: de straat zonder huisnummer
# Een aanspreekvorm vlak voor een weggehaalde naam gaat mee weg: "mevrouw Jansen" → "een bewoner".
_AANSPREEKVORM_ERVOOR = re.compile(
    r"(?i:(?<!\w)(?:de\s+)?(?:mevrouw|mevr\.?|mw\.?|meneer|mijnheer|dhr\.?|heer|familie|fam\.?))"
    r"\s+(?:[A-Z]\.\s*)*$"
)
# Wat vlak voor een zinsbegin staat: een punt (of ?, !) met witruimte, of een nieuwe regel,
# eventueel met een opsommingsteken. Na een dubbele punt gaat het Nederlands klein verder
# ("melder: een bewoner").
_ZINSBEGIN = re.compile(r"(?:[.!?]\s+|(?:\n|\A)\s*(?:[-*•–]\s+)?)\Z")
_ONGELDIG_TUSSEN_CIJFERS = re.compile(
    r"(?<=\d)[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]+(?=\d)"
)
# Combinerende tekens (accenten na NFKD), zodat "Henriëtte" en "Henriette" gelijk zijn.
_ACCENTEN = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
# Wat tussen twee woorden van één naam mag staan: "Anne-Marie", "O'Brien", "J. de Vries".
_TUSSEN_NAAMDELEN = re.compile(r"[\s\-'’.]{1,4}")

# Woorden die in een naamveld staan maar zelf geen naam zijn, en tussenvoegsels: die
# worden niet los weggehaald (de hele naam wel).
_GEEN_NAAM = frozenset(
    """
    de den der des van het te ter ten in op bij en of la le les du da di dos das del della
    von vom zu zum aan uit voor met naar over onder bis
    mevrouw meneer mevr mw mr mrs dhr heer fam familie buurman buurvrouw bewoner bewoonster
    bewoners via nr nummer huisnummer anoniem onbekend niet wil geen naam tel telefoon mail
    email e-mail jr sr
    """.split()
)
_KORTSTE_LOSSE_NAAM = 3
_LANGSTE_NAAMSTUK = 5  # langere stukken van een naam: alleen de hele naam
# Maanden zoals ze in een datum staan ("4 jan 2027"): daar is "jan" geen Jan.
_MAANDEN = frozenset(
    """
    januari februari maart april mei juni juli augustus september oktober november december
    jan feb mrt apr jun jul aug sep sept okt nov dec
    """.split()
)


def _sleutel(woord: str) -> str:
    """Vergelijkingsvorm van een woord: kleine letters, zonder accenten."""
    if woord.isascii():
        return woord.lower()
    return _ACCENTEN.sub("", unicodedata.normalize("NFKD", woord.casefold()))


def _woorden(tekst: str) -> tuple[str, ...]:
    return tuple(_sleutel(w) for w in _WOORD.findall(tekst))


def _cijfers(tekst: str) -> str:
    """Alleen de cijfers, met een Nederlands nummer in nationale vorm (06..., 070...)."""
    cijfers = re.sub(r"\D", "", tekst.replace("(0)", ""))
    if tekst.lstrip().startswith("+31"):
        return "0" + cijfers[2:]
    if cijfers.startswith("0031"):
        return "0" + cijfers[4:]
    return cijfers


def _met_schone_vorm(teksten: Iterable[str]) -> list[str]:
    """Elke tekst zoals hij is, zonder de tekens die XML niet kan bevatten, en genormaliseerd
    (zoals de tekst die gemaskeerd wordt)."""
    uit: list[str] = []
    for tekst in teksten:
        tekst = "" if tekst is None else str(tekst)
        uit.append(tekst)
        for schoon in (xml_veilig(tekst), xml_veilig(normaliseer(tekst))):
            if schoon not in uit:
                uit.append(schoon)
    return uit


def _zinsbegin(tekst: str, positie: int) -> bool:
    """Waar als op ``positie`` een zin (of een opsommingsregel) begint."""
    if positie <= 0:
        return True
    ervoor = tekst[:positie] if positie <= 40 else "x" + tekst[positie - 40:positie]
    return bool(_ZINSBEGIN.search(ervoor))


def _met_hoofdletter(vervanging: str, zinsbegin: bool) -> str:
    return vervanging[:1].upper() + vervanging[1:] if zinsbegin else vervanging


def emailadressen(tekst: str) -> list[str]:
    """De e-mailadressen in een tekst."""
    return _EMAIL.findall(tekst)


def telefoonnummers(tekst: str) -> list[str]:
    """De telefoonnummers in een tekst (zoals ze er staan)."""
    return [m.group(0) for m in _TELEFOON.finditer(tekst) if not _is_infonummer(m.group(0))]


def _is_infonummer(nummer: str) -> bool:
    return bool(_INFONUMMER.match(_cijfers(nummer)))


@dataclass(frozen=True)
class _Naam:
    woorden: tuple[str, ...]
    vervanging: str | None  # None: behouden zoals het er staat
    heel: bool = True  # de hele naam (elke schrijfwijze); een deel alleen met hoofdletter


class Maskeerder:
    """Haalt privégegevens uit tekst; roep hem aan als functie: ``maskeer(tekst)``.

    ``namen``: privénamen (van contacten van signalen), heel en in delen weggehaald.
    ``gegevens``: privé contactgegevens (adres, e-mail, nummer), als geheel weggehaald.
    ``behouden``: namen die het stuk mag noemen; als geheel blijven ze staan.
    ``besluiten``: de keuzes van de privacycheck (sleutel → behouden of maskeren); met
    besluiten wordt ook weggehaald wat op een persoonsgegeven lijkt, tenzij behouden.
    ``bekend``: meer namen van het wijkverband zelf (plaatsen), geen persoonsgegeven.
    """

    def __init__(
        self,
        namen: Iterable[str] = (),
        gegevens: Iterable[str] = (),
        behouden: Iterable[str] = (),
        besluiten: Mapping[str, str] | None = None,
        bekend: Iterable[str] = (),
    ) -> None:
        behouden = list(behouden)
        self.besluiten = besluiten
        self.bekend = bekende_woorden([*behouden, *bekend])
        self._per_eerste: dict[str, list[_Naam]] = {}
        self.bekende_emails: set[str] = set()
        self.bekende_nummers: set[str] = set()
        privé_zinnen: set[tuple[str, ...]] = set()
        hele: set[tuple[str, ...]] = set()
        losse: set[str] = set()
        for naam in _met_schone_vorm(namen):
            woorden = _woorden(naam)
            if woorden:
                privé_zinnen.add(woorden)
                hele.add(woorden)
            for i, w in enumerate(woorden):
                if len(w) >= _KORTSTE_LOSSE_NAAM and w not in _GEEN_NAAM and not w.isdigit():
                    losse.add(w)
                # Stukken van de naam als geheel: "de Vries", "Anne-Marie", "Jan de".
                for lengte in range(2, min(len(woorden) - i, _LANGSTE_NAAMSTUK) + 1):
                    privé_zinnen.add(woorden[i:i + lengte])
            self._onthoud_gegevens(naam)
        gegevens_zinnen: set[tuple[str, ...]] = set()
        adressen: set[tuple[str, ...]] = set()
        for stuk in _met_schone_vorm(gegevens):
            self._onthoud_gegevens(stuk)
            # "06-12345678 · mail@x.nl · Lindelaan 14": elk deel apart.
            for deel in re.split(r"[,;\n\r|·•]+|\s[-–/]\s", stuk):
                woorden = _woorden(deel)
                if woorden and (len(woorden) > 1 or len(woorden[0]) >= _KORTSTE_LOSSE_NAAM):
                    gegevens_zinnen.add(woorden)
                    if any(t.soort == ADRES for t in vind(normaliseer(deel))):
                        adressen.add(woorden)
        for w in losse:
            privé_zinnen.add((w,))
        behouden_zinnen = {_woorden(n) for n in behouden} - {()}
        for zin in privé_zinnen:
            self._voeg_toe(_Naam(zin, NAAM, heel=zin in hele))
        for zin in gegevens_zinnen - privé_zinnen:
            self._voeg_toe(_Naam(zin, _ADRESVORM if zin in adressen else GEGEVENS))
        for zin in behouden_zinnen - privé_zinnen - gegevens_zinnen:
            self._voeg_toe(_Naam(zin, None))
        for kandidaten in self._per_eerste.values():
            # De langste naam eerst: "Jan de Vries" gaat voor "Jan".
            kandidaten.sort(key=lambda n: -len(n.woorden))

    def _voeg_toe(self, naam: _Naam) -> None:
        self._per_eerste.setdefault(naam.woorden[0], []).append(naam)

    def _onthoud_gegevens(self, tekst: str) -> None:
        self.bekende_emails.update(e.casefold() for e in emailadressen(tekst))
        self.bekende_nummers.update(_cijfers(n) for n in telefoonnummers(tekst))

    def is_bekend_nummer(self, nummer: str) -> bool:
        """Waar als dit nummer van een bewoner bekend is (uit een contact of een signaal)."""
        return _cijfers(nummer) in self.bekende_nummers

    def leer_uit_tekst(self, tekst: str) -> None:
        """Onthoud de e-mailadressen en nummers die bewoners in een signaal schreven, zodat ze
        ook in een contactregel (waar openbare adressen mogen staan) weggehaald worden."""
        self._onthoud_gegevens(tekst)

    def __call__(self, tekst: str, *, openbare_contactregel: bool = False) -> str:
        """De tekst zonder privégegevens.

        Met ``openbare_contactregel`` blijven e-mailadressen en nummers staan die niet van
        een bewoner bekend zijn: daar zet het wijkverband bewust zijn eigen adres neer.
        """
        if not tekst:
            return ""
        # Eerst normaliseren (NFKC, opmaak-, richtingstekens en terminalcodes weg), dan de
        # tekens weg die XML niet kan bevatten: zo kan ook een naam of nummer die pas na het
        # weghalen ontstaat ("Ja\x00n", "06\u200b12345678") niet ongezien blijven.
        # Tussen twee cijfers wordt zo'n teken een spatie: anders plakt "0\x1f06…" aan
        # elkaar tot een langer getal dat geen telefoonnummer lijkt, maar het wel bevat.
        tekst = _ONGELDIG_TUSSEN_CIJFERS.sub(" ", normaliseer(tekst))
        tekst = xml_veilig(tekst)
        tekst = _EMAIL.sub(lambda m: self._email(m.group(0), openbare_contactregel), tekst)
        tekst = _TELEFOON.sub(lambda m: self._nummer(m, openbare_contactregel), tekst)
        if self.besluiten is not None:
            tekst = self._vondsten(tekst)
        if self._per_eerste:
            tekst = self._namen(tekst)
        return tekst

    def _vondsten(self, tekst: str) -> str:
        """Haal weg wat op een persoonsgegeven lijkt, behalve wat de notulist behield."""
        besluiten = self.besluiten or {}
        uit: list[str] = []
        positie = 0
        contacten: list[tuple[int, int]] | None = None  # pas opzoeken als het nodig is
        for treffer in vind(tekst, self.bekend):
            if besluiten.get(sleutel(treffer.tekst)) == BEHOUDEN:
                if contacten is None:
                    contacten = self.contact_plekken(tekst)
                # Behouden, tenzij er een stuk van een bekend contact in staat.
                if not any(treffer.begin < e and b < treffer.eind for b, e in contacten):
                    continue
            uit.append(tekst[positie:treffer.begin])
            uit.append(self._herschreven(tekst, treffer.begin, treffer.tekst, treffer.soort))
            positie = treffer.eind
        uit.append(tekst[positie:])
        return "".join(uit)

    @staticmethod
    def _herschreven(tekst: str, begin: int, gevonden: str, soort: str) -> str:
        """Wat er in de zin komt in plaats van ``gevonden``."""
        if soort == ADRES:
            ervoor = tekst[max(0, begin - 4):begin].casefold()
            straat = straat_van(gevonden)
            if ervoor.endswith((" de ", " het ")) or ervoor in ("de ", "het "):
                return straat
            # "het Kerkplein", "de Lindelaan"
            lidwoord = "het" if straat.casefold().endswith(_HET_STRAAT) else "de"
            return _met_hoofdletter(f"{lidwoord} {straat}", _zinsbegin(tekst, begin))
        if soort == AANSPREEKVORM and re.search(r"(?i)\bfam", gevonden):
            return _met_hoofdletter(GEZIN, _zinsbegin(tekst, begin))
        return _met_hoofdletter(NAAM, _zinsbegin(tekst, begin))

    def _email(self, adres: str, openbaar: bool) -> str:
        if openbaar and adres.casefold() not in self.bekende_emails:
            return adres
        return EMAIL

    def _nummer(self, m: re.Match[str], openbaar: bool) -> str:
        nummer = m.group(0)
        if _is_infonummer(nummer):
            return nummer
        if openbaar and _cijfers(nummer) not in self.bekende_nummers:
            return nummer
        # De haakjes om een nummer horen bij de zin: "(06-12345678)" houdt zijn "(" en ")".
        voor = "(" if nummer.startswith("(") and ")" not in nummer[:5] else ""
        na = ")" if nummer.endswith(")") and nummer.count("(") < nummer.count(")") else ""
        return voor + TELEFOON + na

    def _treffers(self, tekst: str) -> list[tuple[int, int, _Naam]]:
        """Waar bekende namen en gegevens in de tekst staan (begin, eind, naam)."""
        woorden = list(_WOORD.finditer(tekst))
        sleutels = [_sleutel(m.group(0)) for m in woorden]
        uit: list[tuple[int, int, _Naam]] = []
        i = 0
        while i < len(woorden):
            kandidaten = self._per_eerste.get(sleutels[i])
            gevonden = None
            if kandidaten and not self._in_datum(woorden, sleutels, i):
                gevonden = next(
                    (n for n in kandidaten if self._past(tekst, woorden, sleutels, i, n.woorden)
                     and (n.heel or self._als_naam(woorden, i, n.woorden))),
                    None,
                )
            if gevonden is None:
                i += 1
                continue
            laatste = woorden[i + len(gevonden.woorden) - 1]
            uit.append((woorden[i].start(), laatste.end(), gevonden))
            i += len(gevonden.woorden)
        return uit

    def contact_plekken(self, tekst: str) -> list[tuple[int, int]]:
        """Waar namen en gegevens van bekende contacten in een (genormaliseerde) tekst staan."""
        if not self._per_eerste:
            return []
        return [(b, e) for b, e, naam in self._treffers(tekst) if naam.vervanging is not None]

    def _namen(self, tekst: str) -> str:
        uit: list[str] = []
        positie = 0
        for begin, eind, gevonden in self._treffers(tekst):
            if gevonden.vervanging is None:
                continue
            ervoor = tekst[positie:begin]
            vervanging = gevonden.vervanging
            if vervanging == _ADRESVORM:
                vervanging = self._herschreven(tekst, begin, tekst[begin:eind], ADRES)
            elif vervanging == NAAM:
                titel = _AANSPREEKVORM_ERVOOR.search(ervoor)
                if titel:  # "mevrouw Jansen" wordt "een bewoner", niet "mevrouw een bewoner"
                    ervoor = ervoor[:titel.start()]
                    begin = positie + titel.start()
                vervanging = _met_hoofdletter(NAAM, _zinsbegin(tekst, begin))
            uit.append(ervoor)
            uit.append(vervanging)
            positie = eind
        uit.append(tekst[positie:])
        return "".join(uit)

    @staticmethod
    def _als_naam(woorden: list[re.Match[str]], i: int, zin: tuple[str, ...]) -> bool:
        """Een deel van een naam telt alleen als naam met hoofdletters: "Groot", niet "groot"
        (tussenvoegsels mogen klein: "de Groot")."""
        return all(
            woorden[i + k].group(0)[:1].isupper()
            for k, w in enumerate(zin) if w not in _GEEN_NAAM and not w.isdigit()
        )

    @staticmethod
    def _in_datum(woorden: list[re.Match[str]], sleutels: list[str], i: int) -> bool:
        """Waar als dit woord een maand in een datum is: een dagnummer ervoor of een jaar
        erna ("4 jan", "jan 2027")."""
        if sleutels[i] not in _MAANDEN:
            return False
        ervoor = sleutels[i - 1] if i > 0 else ""
        erna = sleutels[i + 1] if i + 1 < len(sleutels) else ""
        return (ervoor.isdigit() and len(ervoor) <= 2) or (erna.isdigit() and len(erna) == 4)

    @staticmethod
    def _past(
        tekst: str,
        woorden: list[re.Match[str]],
        sleutels: list[str],
        i: int,
        zin: tuple[str, ...],
    ) -> bool:
        if i + len(zin) > len(woorden):
            return False
        for k in range(1, len(zin)):
            if sleutels[i + k] != zin[k]:
                return False
            tussen = tekst[woorden[i + k - 1].end():woorden[i + k].start()]
            if not _TUSSEN_NAAMDELEN.fullmatch(tussen):
                return False
        return True


def maskeer(tekst: str, namen: Iterable[str] = ()) -> str:
    """E-mailadressen, telefoonnummers en deze namen uit een tekst halen."""
    return Maskeerder(namen)(tekst)


def maskeerder_voor(
    signalen: Iterable,
    behouden: Iterable[str] = (),
    besluiten: Mapping[str, str] | None = None,
    bekend: Iterable[str] = (),
) -> Maskeerder:
    """Een Maskeerder met de contacten van deze signalen (``Signaal.contact``) als privé.

    Ook adressen en nummers die bewoners in de tekst van een signaal zetten, worden
    onthouden, zodat ze nergens openbaar terugkomen.
    """
    namen: list[str] = []
    gegevens: list[str] = []
    teksten: list[str] = []
    for signaal in signalen:
        contact = getattr(signaal, "contact", None)
        if contact is not None:
            namen.append(contact.naam)
            gegevens.append(contact.gegevens)
        teksten.append(signaal.tekst)
    behouden_lijst = list(behouden)
    privé = {_woorden(n) for n in namen}
    maskeerder = Maskeerder(
        namen,
        gegevens,
        # Wie als contact bij een signaal staat, is in een openbaar stuk privé, ook als
        # die ook lid is; het verslag kiest zelf of het leden wil behouden.
        [b for b in behouden_lijst if _woorden(b) not in privé],
        besluiten,
        bekend,
    )
    for tekst in teksten:
        maskeerder.leer_uit_tekst(tekst)
    return maskeerder


def maskeerder_voor_wijkverband(
    wijkverband,
    signalen: Iterable,
    acties: Iterable,
    besluiten: Mapping[str, str] | None = None,
    bekend: Iterable[str] = (),
) -> Maskeerder:
    """De Maskeerder voor de stukken van een wijkverband: de contacten van zijn signalen
    privé; leden, eigenaren, partners, buurten, thema's en kanalen mogen genoemd worden.

    ``besluiten`` en ``bekend``: zie ``Maskeerder`` (de privacycheck van het mapje)."""
    acties = list(acties)
    wv = wijkverband
    behouden = (
        [lid.naam for lid in wv.leden]
        + wv.eigenaren()
        + wv.partners
        + [a.eigenaar for a in acties]
        + [p for a in acties for p in a.partners]
        + [wv.naam, *wv.buurten, *wv.themas, *wv.kanalen]
    )
    return maskeerder_voor(signalen, behouden, besluiten, bekend)
