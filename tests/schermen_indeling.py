"""Hulp voor tests van de indeling: staat een widget echt in beeld (niet onder de vouw,
niet onder een melding of een ander scherm)?"""

from __future__ import annotations

from textual.widget import Widget


def in_beeld(widget: Widget) -> bool:
    """Waar als het hele widget op het scherm staat en bovenaan zijn eerste en laatste
    kolom niet door iets anders bedekt worden (een melding, de rand van een schuifvak)."""
    scherm = widget.screen
    gebied = widget.region
    if not gebied.area or not scherm.region.contains_region(gebied):
        return False
    punten = {(gebied.x, gebied.y), (gebied.right - 1, gebied.y),
              (gebied.x, gebied.bottom - 1), (gebied.right - 1, gebied.bottom - 1)}
    for x, y in punten:
        gevonden, _ = widget.app.get_widget_at(x, y)
        if gevonden is not widget and widget not in gevonden.ancestors:
            return False
    return True


def getoonde_fout(formulier) -> Widget | None:
    """De foutmelding die een formulier nu toont (onder een veld of onder de velden), of
    None als er geen staat."""
    fouten = [f for f in formulier.query(".dialoog-fout") if f.display and str(f.render())]
    assert len(fouten) <= 1, "hoogstens één melding tegelijk"
    return fouten[0] if fouten else None
