"""The LA's threshold bands: the most serious band a figure falls in."""

from __future__ import annotations

from decimal import Decimal

from officer_app.domain.attendance_bands import DEFAULT_BANDS, Band, band_for


def test_each_default_band_and_its_edges() -> None:
    assert band_for(Decimal("96.0")) is None
    assert band_for(Decimal("95.0")) is DEFAULT_BANDS[0]  # "at or below"
    assert band_for(Decimal("90.1")) is DEFAULT_BANDS[0]
    assert band_for(Decimal("90.0")) is DEFAULT_BANDS[1]
    assert band_for(Decimal("84.9")) is DEFAULT_BANDS[2]
    assert band_for(Decimal("12.5")) is DEFAULT_BANDS[3]
    assert band_for(None) is None


def test_an_la_sets_its_own_bands() -> None:
    own = (Band(Decimal(92), "Below 92%", ("Call",)), Band(Decimal(75), "Below 75%", ()))
    assert band_for(Decimal("80"), own).name == "Below 92%"
    assert band_for(Decimal("75"), own).name == "Below 75%"


def test_band_words_put_persistent_absence_at_90_percent_attendance() -> None:
    # Persistent absence is 10% or more of sessions missed (DfE, since 2015/16): it begins at
    # 90% attendance. Issue 9 point 12: the 85% band called itself "persistent absence
    # territory" as if PA began there, and the 90% band did not mention it.
    for band in DEFAULT_BANDS:
        if band.at_or_below > Decimal(90):
            assert "persistent" not in band.name.lower(), band.name
        assert "territory" not in band.name
    assert [b.name for b in DEFAULT_BANDS[1:3]] == [
        "At or below 90% (a session missed every week): persistent absence",
        "At or below 85% (three sessions missed every two weeks): well into persistent absence",
    ]
