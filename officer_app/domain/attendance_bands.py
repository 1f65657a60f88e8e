"""An LA's attendance threshold bands and the actions each suggests (configurable).

The default follows the Hackney bands from the seed strategies: at or below 95%, 90%, 85%
and 80%, each with the steps the strategy expects at that level.

Persistent absence is missing 10% or more of possible sessions (DfE definition since
2015/16, "Working together to improve school attendance" and the absence statistics): that
is attendance at or below 90%, so the 90% band is where persistent absence begins and the
85% band is already well inside it. The band names say so in those words.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class Band:
    at_or_below: Decimal
    name: str
    actions: tuple[str, ...]


DEFAULT_BANDS: tuple[Band, ...] = (
    Band(
        Decimal(95),
        "At or below 95% (a session missed every two weeks)",
        (
            "First-day call home for every absence",
            "Letter asking for an explanation of every session missed",
            "Consult the school's attendance officer",
        ),
    ),
    Band(
        Decimal(90),
        "At or below 90% (a session missed every week): persistent absence",
        (
            "Letter pointing out the fall in attendance and the school's target",
            "Weekly contact with the parent",
            "Consult the school's attendance officer",
        ),
    ),
    Band(
        Decimal(85),
        "At or below 85% (three sessions missed every two weeks): well into persistent absence",
        (
            "Head teacher involved; meeting with the parent and the attendance lead",
            "Agree rapid improvement over the next half term; consider a parenting contract",
            "Consider referral to the attendance service",
        ),
    ),
    Band(
        Decimal(80),
        "At or below 80% (a day a week missed): complex or high risk",
        ("Refer to the attendance service and meet to plan action",),
    ),
)


def band_for(attendance_pct: Decimal | None, bands: Sequence[Band] = DEFAULT_BANDS) -> Band | None:
    """The most serious band the percentage falls in, or None when above them all."""
    if attendance_pct is None:
        return None
    found: Band | None = None
    for band in sorted(bands, key=lambda b: b.at_or_below, reverse=True):
        if attendance_pct <= band.at_or_below:
            found = band
    return found


def severity_rank(band: Band, bands: Sequence[Band] = DEFAULT_BANDS) -> int:
    """0 for the most serious band (the lowest percentage), 1 for the next, and so on."""
    return sorted(b.at_or_below for b in bands).index(band.at_or_below)
