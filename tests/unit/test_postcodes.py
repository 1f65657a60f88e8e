"""The shape of a UK postcode (BS 7666; Royal Mail PAF): every outward form, and near misses."""

from __future__ import annotations

import pytest

from officer_app.domain.postcodes import normalise_postcode


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("M1 1AE", "M1 1AE"),
        ("m601nw", "M60 1NW"),
        ("CR2 6XH", "CR2 6XH"),
        ("DN55 1PT", "DN55 1PT"),
        ("W1A 1HQ", "W1A 1HQ"),
        (" ec1a  1bb ", "EC1A 1BB"),
        ("XT4 2BD", "XT4 2BD"),  # the demo's invented area has the real shape
        ("GIR 0AA", "GIR 0AA"),
    ],
)
def test_well_shaped_postcodes_are_kept_in_capitals_with_one_space(typed: str, kept: str) -> None:
    assert normalise_postcode(typed) == kept


@pytest.mark.parametrize("typed", ["", "XT4", "XT4 2B", "XT4 2BDX", "12345", "1T4 2BD", "GIR 1AA"])
def test_other_text_is_not_a_postcode(typed: str) -> None:
    assert normalise_postcode(typed) is None
