"""The closure rules: the LA's reasons, the figures' periods and bounds (domain/closure.py)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from officer_app.config import ConfigError, load_settings
from officer_app.domain.closure import (
    BEFORE_MIN_POSSIBLE,
    DEFAULT_CLOSURE_REASONS,
    ClosureReason,
    after_period,
    before_period,
    closure_text,
    percent_problem,
)
from officer_app.domain.stages import Stage, moved_to, stage_entry_text


def test_the_default_reasons_are_those_of_the_issue_with_stable_keys() -> None:
    keys = [r.key for r in DEFAULT_CLOSURE_REASONS]
    assert keys == [
        "attendance_improved",
        "moved_out_of_area",
        "home_education",
        "cme_referral",
        "prosecution_concluded",
        "end_of_compulsory_age",
        "transferred",
        "other",
    ]
    assert [r.key for r in DEFAULT_CLOSURE_REASONS if r.needs_detail] == ["other"]
    assert load_settings(None).closure_reasons == DEFAULT_CLOSURE_REASONS


def test_an_la_replaces_the_list(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text(
        '[[closure_reasons]]\nkey = "improved"\nlabel = "Improved"\n'
        '[[closure_reasons]]\nkey = "other"\nlabel = "Other"\nneeds_detail = true\n'
    )
    assert load_settings(path).closure_reasons == (
        ClosureReason("improved", "Improved"),
        ClosureReason("other", "Other", needs_detail=True),
    )


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ("closure_reasons = []", "give one table per reason"),
        ('[[closure_reasons]]\nkey = "Bad Key"\nlabel = "x"', "key 'Bad Key': lower-case"),
        ('[[closure_reasons]]\nkey = "a"\nlabel = "  "', "key 'a': give a label"),
        ('[[closure_reasons]]\nkey = "a"\nlabel = "x"\nwhy = 1', "keys are key, label"),
        ('[[closure_reasons]]\nkey = "a"\nlabel = "x"\nneeds_detail = 1', "true or false"),
        (f'[[closure_reasons]]\nkey = "{"a" * 41}"\nlabel = "x"', "at most 40"),
        (
            '[[closure_reasons]]\nkey = "a"\nlabel = "x"\n[[closure_reasons]]\nkey = "a"\n'
            'label = "y"',
            "number 2: key 'a' is given twice",
        ),
    ],
)
def test_a_wrong_list_is_refused_naming_the_reason(tmp_path: Path, toml: str, message: str) -> None:
    path = tmp_path / "settings.toml"
    path.write_text(toml)
    with pytest.raises(ConfigError, match="closure_reasons") as refused:
        load_settings(path)
    assert message in str(refused.value)


@pytest.mark.parametrize(
    ("value", "ok"),
    [(-0.1, False), (0.0, True), (0.1, True), (99.9, True), (100.0, True), (100.1, False)],
)
def test_a_percentage_is_from_0_to_100(value: float, ok: bool) -> None:
    assert (percent_problem(value, "attendance after") is None) is ok


def test_before_is_the_school_year_to_the_day_before_the_referral() -> None:
    referral = dt.date(2026, 1, 15)
    assert before_period(referral, lambda a, b: 200) == (dt.date(2025, 9, 1), dt.date(2026, 1, 14))


@pytest.mark.parametrize(
    ("held", "first"),
    [
        (BEFORE_MIN_POSSIBLE - 1, dt.date(2025, 9, 1)),  # too few: the year before as well
        (BEFORE_MIN_POSSIBLE, dt.date(2026, 9, 1)),
        (BEFORE_MIN_POSSIBLE + 1, dt.date(2026, 9, 1)),
    ],
)
def test_early_in_the_year_the_previous_year_counts_too(held: int, first: dt.date) -> None:
    assert before_period(dt.date(2026, 9, 20), lambda a, b: held)[0] == first


@pytest.mark.parametrize(
    ("referral", "first"),
    [
        (dt.date(2026, 8, 31), dt.date(2025, 9, 1)),  # the day before 1 September
        (dt.date(2026, 9, 1), dt.date(2025, 9, 1)),  # 1 September: last year's, to 31 August
        (dt.date(2026, 9, 2), dt.date(2026, 9, 1)),  # the day after
    ],
)
def test_the_school_year_boundary(referral: dt.date, first: dt.date) -> None:
    assert before_period(referral, lambda a, b: 100)[0] == first


def test_after_runs_from_the_referral_to_closure_both_included() -> None:
    referral = dt.date(2026, 3, 2)
    assert after_period(referral, dt.date(2026, 7, 1)) == (referral, dt.date(2026, 7, 1))
    assert after_period(referral, referral) == (referral, referral)


def test_the_reason_as_recorded() -> None:
    improved, *_, other = DEFAULT_CLOSURE_REASONS
    assert closure_text(improved, "") == "Attendance improved"
    assert closure_text(improved, " 96%  all term ") == "Attendance improved: 96% all term"
    assert closure_text(other, "Emigrated") == "Emigrated"


def test_stage_entries_are_written_and_read_back_one_way() -> None:
    title, body = stage_entry_text(Stage.SUPPORT, Stage.LEGAL, " x  y ", authorised_by="Sam")
    assert title == "Stage: Plan and review to Legal intervention"
    assert body == f"{title} - x y\nAuthorised by Sam (supervisor)."
    for before in Stage:
        for after in Stage:
            assert moved_to(stage_entry_text(before, after, "r")[0]) is after
    assert moved_to("Stage: Plan and review") is None
    assert moved_to("Case closed") is None
