"""Thema's met hoog contrast voor de beamer.

Een beamer in een verlichte zaal kan geen zwart maken: donkere achtergronden worden grijs
en de letters verbleken. Daarom is het standaard beamerthema zwart op wit; voor een
donkere zaal is er een variant wit op zwart. Waarschuwing en "over tijd" zijn donker
genoeg om als tekst op wit te lezen, en verschillen op het scherm ook in woorden en
tekststijl (zie klok.tcss), niet alleen in kleur.

De app registreert ``THEMAS``; de beamer zet ``BEAMER_THEMA`` aan zolang hij in beeld is.
"""

from __future__ import annotations

from textual.theme import Theme

BEAMER_THEMA = Theme(
    name="vergadering-beamer",
    primary="#00307A",
    secondary="#00307A",
    accent="#00307A",
    warning="#7A4300",
    error="#A8001C",
    success="#005C25",
    foreground="#000000",
    background="#FFFFFF",
    surface="#FFFFFF",
    panel="#E4E4E4",
    dark=False,
    variables={
        # Volle tekstkleur in plaats van de gebruikelijke 87%: maximaal contrast.
        "text": "auto 100%",
        "text-muted": "auto 65%",
        "footer-key-foreground": "#00307A",
        "footer-foreground": "#000000",
        "footer-description-foreground": "#000000",
    },
)

BEAMER_THEMA_DONKER = Theme(
    name="vergadering-beamer-donker",
    primary="#FFE14D",
    secondary="#FFE14D",
    accent="#FFE14D",
    warning="#FFC233",
    error="#FF5C5C",
    success="#5CE68A",
    foreground="#FFFFFF",
    background="#000000",
    surface="#000000",
    panel="#262626",
    dark=True,
    variables={
        "text": "auto 100%",
        "text-muted": "auto 65%",
        "footer-key-foreground": "#FFE14D",
        "footer-foreground": "#FFFFFF",
        "footer-description-foreground": "#FFFFFF",
    },
)

THEMAS: list[Theme] = [BEAMER_THEMA, BEAMER_THEMA_DONKER]

# Licht maar zachter dan het hoog-contrastthema: donkergrijs op gebroken wit, voor een
# scherm of tv die fel genoeg is (minder verblindend in een donkere zaal dan puur wit).
BEAMER_THEMA_LICHT = Theme(
    name="vergadering-beamer-licht",
    primary="#1F4E79",
    secondary="#1F4E79",
    accent="#1F4E79",
    warning="#8A4B00",
    error="#A8001C",
    success="#1E6B35",
    foreground="#1A1A1A",
    background="#F4F1EA",
    surface="#F4F1EA",
    panel="#E2DED5",
    dark=False,
    variables={
        "text": "auto 95%",
        "text-muted": "auto 60%",
        "footer-key-foreground": "#1F4E79",
        "footer-foreground": "#1A1A1A",
        "footer-description-foreground": "#1A1A1A",
    },
)

# De volgorde waarin `t` op de aparte beamer wisselt, met de naam die de zaal ziet.
THEMAKEUZE: list[tuple[Theme, str]] = [
    (BEAMER_THEMA, "hoog contrast"),
    (BEAMER_THEMA_DONKER, "donker"),
    (BEAMER_THEMA_LICHT, "licht"),
]
