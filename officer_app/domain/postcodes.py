"""The shape of a UK postcode (pure; no look-up of whether the postcode exists).

A postcode is an outward code (area letters, district digit, optional letter or digit) and
an inward code (sector digit and two unit letters): ``XT4 2BD``, ``SW1A 1AA``, ``M1 1AE``.
Source: the format in BS 7666-3 and the Royal Mail Programmers' Guide to the Postcode
Address File (PAF), which the government's own validation (GOV.UK "Bulk Data Transfer:
additional validation for CAS", postcode pattern) follows. Only the shape is checked: a
well-shaped postcode may still not exist, and the demo's ``XT`` area is invented on purpose.
"""

from __future__ import annotations

import re

# Outward: A9, A99, AA9, AA99, A9A, AA9A; inward: 9AA. GIR 0AA is the one historic exception.
_SHAPE = re.compile(r"^(?:[A-Z]{1,2}[0-9][A-Z0-9]?|GIR) ?[0-9][A-Z]{2}$")


def normalise_postcode(text: str) -> str | None:
    """The postcode in capitals with one space before its inward code, or None when the text
    is not the shape of a UK postcode (``" xt4  2bd "`` gives ``"XT4 2BD"``)."""
    squeezed = "".join(text.split()).upper()
    if not _SHAPE.match(squeezed) or (squeezed.startswith("GIR") and squeezed != "GIR0AA"):
        return None
    return f"{squeezed[:-3]} {squeezed[-3:]}"
