"""The shipped code table: both sets, as domain.md lists them."""

from __future__ import annotations

import pytest

from officer_app.attendance.codes import shipped_codes
from officer_app.domain.attendance import CodeTableError, load_codes


@pytest.mark.parametrize(
    ("code", "category", "code_set"),
    [
        ("/", "present", "2024"),
        ("\\", "present", "2024"),
        ("L", "present", "2024"),
        ("K", "approved_activity", "2024"),
        ("B", "approved_activity", "2024"),
        ("C1", "authorised", "2024"),
        ("C2", "authorised", "2024"),
        ("J1", "authorised", "2024"),
        ("I", "authorised", "2024"),
        ("G", "unauthorised", "2024"),
        ("N", "unauthorised", "2024"),
        ("O", "unauthorised", "2024"),
        ("U", "unauthorised", "2024"),
        ("D", "not_counted", "2024"),
        ("Q", "not_counted", "2024"),
        ("Y1", "not_counted", "2024"),
        ("Y7", "not_counted", "2024"),
        ("X", "not_counted", "2024"),
        ("Z", "not_counted", "2024"),
        ("#", "not_counted", "2024"),
        ("-", "no_mark", "2024"),
        ("F", "authorised", "2006"),
        ("H", "authorised", "2006"),
        ("J", "approved_activity", "2006"),
        ("Y", "not_counted", "2006"),
    ],
)
def test_code_categories(code: str, category: str, code_set: str) -> None:
    info = shipped_codes().lookup(code)
    assert info is not None
    assert (info.category, info.code_set) == (category, code_set)
    assert info.counted_in_possible == (
        category in {"present", "approved_activity", "authorised", "unauthorised"}
    )


def test_unknown_codes_are_unknown() -> None:
    for code in ("Y8", "n", "A", "", "//", "C3"):
        assert shipped_codes().lookup(code) is None


def test_every_y_code_of_2024() -> None:
    assert {f"Y{i}" for i in range(1, 8)} <= shipped_codes().codes()


def _row(**kw: str) -> dict[str, str]:
    row = {
        "code": "N",
        "meaning": "x",
        "category": "unauthorised",
        "counted_in_possible": "true",
        "code_set": "2024",
    }
    row.update(kw)
    return row


def test_load_codes_rejects_a_wrong_table() -> None:
    ok_2006 = _row(code_set="2006")
    with pytest.raises(CodeTableError, match="counted_in_possible"):
        load_codes([_row(counted_in_possible="false"), ok_2006])
    with pytest.raises(CodeTableError, match="twice"):
        load_codes([_row(), _row(), ok_2006])
    with pytest.raises(CodeTableError, match="one or two"):
        load_codes([_row(code="ABC"), ok_2006])
    with pytest.raises(CodeTableError, match="category"):
        load_codes([_row(category="absent"), ok_2006])
    with pytest.raises(CodeTableError, match="2006"):
        load_codes([_row()])
