"""Dates and times that cannot be true (issue 11, point 10): times after the signing, an end
before its start, a date of birth of no child of compulsory school age; and the forms check
that an LA's definition uses these rules properly."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml

from officer_app.forms import load_definition_file, load_registry, validate
from officer_app.forms.model import definition_from_dict

UTC = dt.UTC


def form(*fields: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": "dates",
        "version": 1,
        "title": "Dates",
        "description": "Date rules.",
        "sections": [{"id": "main", "title": "Main", "fields": list(fields)}],
    }


RULES = definition_from_dict(
    form(
        {"id": "day", "type": "date", "label": "Date of visit", "not_in_future": True},
        {"id": "arrived", "type": "time", "label": "Arrival", "on_date": "day",
         "not_in_future": True},
        {"id": "left", "type": "time", "label": "Departure", "after": "arrived",
         "on_date": "day", "not_in_future": True},
        {"id": "period_from", "type": "date", "label": "Period from"},
        {"id": "period_to", "type": "date", "label": "Period to", "not_before": "period_from"},
        {"id": "referred", "type": "date", "label": "Date of referral"},
        {"id": "born", "type": "date", "label": "Date of birth", "school_age_on": "referred"},
    )
)  # fmt: skip


def problems(answers: dict[str, Any], now: dt.datetime | None = None) -> dict[str, str]:
    return {e.field_id: e.message for e in validate(RULES, answers, now=now)}


# 14:05 in London on 3 June 2026 (BST): 13:05 UTC
SIGNED = dt.datetime(2026, 6, 3, 13, 5, tzinfo=UTC)


def test_a_time_on_the_signing_day_cannot_be_after_the_signing() -> None:
    on_the_day = {"day": "2026-06-03"}
    assert problems({**on_the_day, "arrived": "14:04"}, SIGNED) == {}
    assert problems({**on_the_day, "arrived": "14:05"}, SIGNED) == {}
    refused = problems({**on_the_day, "arrived": "14:06"}, SIGNED)
    assert refused["arrived"] == (
        "\u201cArrival\u201d: 14:06 on 03/06/2026 is later than now (14:05); "
        "a record cannot hold a time after it is signed."
    )
    # the day before, any time is possible
    assert problems({"day": "2026-06-02", "arrived": "23:59"}, SIGNED) == {}
    # and the day after is refused as a date
    assert set(problems({"day": "2026-06-04", "arrived": "09:00"}, SIGNED)) == {"day"}


def test_greenwich_time_in_winter() -> None:
    winter = dt.datetime(2026, 11, 20, 10, 30, tzinfo=UTC)  # 10:30 GMT
    assert problems({"day": "2026-11-20", "arrived": "10:30"}, winter) == {}
    assert "arrived" in problems({"day": "2026-11-20", "arrived": "10:31"}, winter)


def test_without_the_signing_moment_times_are_not_checked() -> None:
    assert problems({"day": "2026-06-03", "arrived": "23:00"}) == {}


def test_departure_before_or_at_arrival_is_refused() -> None:
    day = {"day": "2026-06-02", "arrived": "10:00"}
    assert "left" in problems({**day, "left": "09:59"}, SIGNED)
    assert problems({**day, "left": "10:00"}, SIGNED)["left"] == (
        "\u201cDeparture\u201d must be after \u201cArrival\u201d (10:00)."
    )
    assert problems({**day, "left": "10:01"}, SIGNED) == {}


def test_an_end_cannot_be_before_its_start_but_may_be_the_same_day() -> None:
    start = {"period_from": "2026-03-10"}
    assert problems({**start, "period_to": "2026-03-09"})["period_to"] == (
        "\u201cPeriod to\u201d cannot be before \u201cPeriod from\u201d (10/03/2026)."
    )
    assert problems({**start, "period_to": "2026-03-10"}) == {}
    assert problems({**start, "period_to": "2026-03-11"}) == {}


def test_a_date_of_birth_of_no_child_of_compulsory_school_age_is_refused() -> None:
    # born 1 April 2020: of compulsory school age from 31 August 2025 (s8 EA 1996)
    born = {"born": "2020-04-01"}
    message = problems({**born, "referred": "2025-08-30"})["born"]
    assert "not of compulsory school age until 31 August 2025" in message
    assert "\u201cDate of referral\u201d" in message
    assert problems({**born, "referred": "2025-08-31"}) == {}
    assert problems({**born, "referred": "2025-09-01"}) == {}
    assert "stopped" in problems({"born": "2005-01-01", "referred": "2025-09-01"})["born"]


def test_the_shipped_forms_use_the_rules() -> None:
    registry = load_registry()
    visit = registry.get("home_visit")
    answers = {"visit_date": "2026-11-20", "arrival_time": "10:31", "departure_time": "10:40"}
    now = dt.datetime(2026, 11, 20, 10, 30, tzinfo=UTC)
    found = {e.field_id for e in validate(visit, answers, now=now)}
    assert {"arrival_time", "departure_time"} <= found
    cme = registry.get("cme_referral")
    found = {
        e.field_id
        for e in validate(cme, {"referral_date": "2026-11-20", "child_dob": "2023-01-01"})
    }
    assert "child_dob" in found


def write(tmp_path: Path, data: dict[str, Any]) -> Path:
    path = tmp_path / "dates.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("fields", "place", "message"),
    [
        (
            [{"id": "t", "type": "time", "label": "T", "not_in_future": True}],
            "fields[0].not_in_future",
            "a time that is not_in_future needs 'on_date': the date field it is on",
        ),
        (
            [{"id": "a", "type": "time", "label": "A"},
             {"id": "t", "type": "time", "label": "T", "on_date": "a"}],
            "fields[1].on_date",
            "'on_date' compares a time with 'a', a time field (it needs a date field)",
        ),
        (
            [{"id": "b", "type": "date", "label": "B", "not_before": "c"},
             {"id": "c", "type": "date", "label": "C"}],
            "fields[0].not_before",
            "'not_before' rule on field 'c', which comes later in the form",
        ),
        (
            [{"id": "n", "type": "number", "label": "N"},
             {"id": "b", "type": "date", "label": "B", "school_age_on": "n"}],
            "fields[1].school_age_on",
            "'school_age_on' compares a date with 'n', a number field",
        ),
        (
            [{"id": "d", "type": "date", "label": "D"},
             {"id": "b", "type": "date", "label": "B", "on_date": "d"}],
            "fields[1].on_date",
            "'on_date' does not apply to a date field",
        ),
    ],
)  # fmt: skip
def test_a_broken_rule_is_named_with_its_place(
    tmp_path: Path, fields: list[dict[str, Any]], place: str, message: str
) -> None:
    loaded, found = load_definition_file(write(tmp_path, form(*fields)))
    assert loaded is None
    text = [str(p) for p in found]
    assert any(place in t and message in t for t in text), text


def test_the_command_line_checks_an_authoritys_rules(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from officer_app.cli import main

    la = tmp_path / "la"
    la.mkdir()
    write(la, form({"id": "t", "type": "time", "label": "T", "not_in_future": True}))
    check = ["--data-dir", str(tmp_path / "none"), "forms", "check", str(la)]
    assert main(check) == 1
    out, err = capsys.readouterr()
    assert "BROKEN dates: unavailable" in out
    assert "dates.yaml:" in err and "needs 'on_date'" in err
