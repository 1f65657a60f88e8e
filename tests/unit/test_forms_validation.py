"""Validating and cleaning answers in the core, and showing them as text."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from officer_app.forms import (
    FormDefinition,
    clean,
    format_answer,
    load_definition_file,
    record_view,
    validate,
)

DEFINITION: dict[str, Any] = {
    "id": "test_visit",
    "version": 1,
    "title": "Test visit",
    "description": "Every kind of field and rule.",
    "sections": [
        {
            "id": "visit",
            "title": "Visit",
            "fields": [
                {"id": "visit_date", "type": "date", "label": "Date", "required": True,
                 "not_in_future": True},
                {"id": "arrival", "type": "time", "label": "Arrival", "required": True},
                {"id": "departure", "type": "time", "label": "Departure", "required": True,
                 "after": "arrival"},
                {"id": "outcome", "type": "single_choice", "label": "Outcome", "required": True,
                 "choices": [{"value": "seen", "label": "Seen"},
                             {"value": "no_reply", "label": "No reply"},
                             {"value": "moved", "label": "Moved"}]},
                {"id": "card_left", "type": "yes_no", "label": "Card left?", "required": True,
                 "show_when": {"field": "outcome", "equals": "no_reply"}},
                {"id": "card_reason", "type": "short_text", "label": "Why no card",
                 "required": True, "show_when": {"field": "card_left", "equals": False}},
                {"id": "present", "type": "person", "multiple": True, "label": "Present"},
                {"id": "lead", "type": "person", "label": "Lead person"},
                {"id": "worries", "type": "multiple_choice", "label": "Worries",
                 "choices": [{"value": "health", "label": "Health"},
                             {"value": "bullying", "label": "Bullying"},
                             {"value": "other", "label": "Other"}]},
                {"id": "worries_other", "type": "long_text", "label": "Other worries",
                 "max_length": 20, "required": {"field": "worries", "equals": "other"}},
                {"id": "attendance", "type": "number", "label": "Attendance", "unit": "%",
                 "min": 0, "max": 100, "step": 0.1},
                {"id": "mood", "type": "scale", "label": "Mood", "min": 1, "max": 5,
                 "min_label": "Low", "max_label": "High"},
                {"id": "upn", "type": "short_text", "label": "UPN",
                 "pattern": "[A-Z][0-9]{11}[0-9A-Z]", "pattern_message": "Not a UPN."},
            ],
        },
        {
            "id": "moved_steps",
            "title": "Moved",
            "show_when": {"field": "outcome", "equals": "moved"},
            "fields": [
                {"id": "new_address", "type": "long_text", "label": "New address",
                 "required": True},
            ],
        },
        {
            "id": "family",
            "title": "Family",
            "fields": [
                {"id": "parents", "type": "group", "repeatable": True, "label": "Parents",
                 "item_label": "Parent", "required": True, "max_items": 3,
                 "fields": [
                     {"id": "parent_name", "type": "short_text", "label": "Name",
                      "required": True},
                     {"id": "has_pr", "type": "yes_no", "label": "PR?", "required": True},
                     {"id": "pr_reason", "type": "long_text", "label": "Why not",
                      "required": True, "show_when": {"field": "has_pr", "equals": False}},
                     {"id": "met", "type": "yes_no", "label": "Met on the visit?",
                      "show_when": {"field": "outcome", "equals": "seen"}},
                 ]},
            ],
        },
    ],
}  # fmt: skip

GOOD: dict[str, Any] = {
    "visit_date": "2026-11-19",
    "arrival": "09:30",
    "departure": "10:15",
    "outcome": "seen",
    "present": ["p-mother", "p-child"],
    "worries": ["health"],
    "attendance": 87.5,
    "mood": 3,
    "parents": [{"parent_name": "A Parent", "has_pr": True, "met": True}],
}
TODAY = dt.date(2026, 11, 20)
PEOPLE = {"p-mother", "p-child", "p-father"}


@pytest.fixture(scope="module")
def form(tmp_path_factory: pytest.TempPathFactory) -> FormDefinition:
    path = tmp_path_factory.mktemp("forms") / "test_visit.yaml"
    path.write_text(yaml.safe_dump(DEFINITION, sort_keys=False), encoding="utf-8")
    loaded, problems = load_definition_file(path)
    assert problems == [], [str(p) for p in problems]
    assert loaded is not None
    return loaded


def errors(form: FormDefinition, **changes: Any) -> dict[str, str]:
    answers = {k: v for k, v in ({**GOOD, **changes}).items() if v is not ...}
    return {e.where: e.message for e in validate(form, answers, people=PEOPLE, today=TODAY)}


def test_good_answers_have_no_errors(form: FormDefinition) -> None:
    assert errors(form) == {}


def test_required_fields(form: FormDefinition) -> None:
    found = errors(form, visit_date=..., outcome="   ")
    assert found == {
        "visit_date": "\u201cDate\u201d needs an answer.",
        "outcome": "\u201cOutcome\u201d needs an answer.",
    }


def test_a_hidden_required_field_is_not_required(form: FormDefinition) -> None:
    # card_left is required, but only shown for no reply; new_address only when moved.
    assert "card_left" not in errors(form)
    assert not form.visible("card_left", GOOD)
    assert not form.required("card_left", GOOD)
    assert not form.section_visible("moved_steps", GOOD)


def test_a_shown_required_field_is_required(form: FormDefinition) -> None:
    assert errors(form, outcome="no_reply") == {
        "card_left": "\u201cCard left?\u201d needs an answer."
    }
    assert errors(form, outcome="moved") == {
        "new_address": "\u201cNew address\u201d needs an answer."
    }
    assert form.required("card_left", {"outcome": "no_reply"})


def test_hiding_cascades(form: FormDefinition) -> None:
    answers = {"outcome": "no_reply", "card_left": False}
    assert form.visible("card_reason", answers)
    # Outcome changed: card_left is hidden, so card_reason (shown when card_left is false) too,
    # even though the stale answer card_left=False is still in the dict.
    answers["outcome"] = "seen"
    assert not form.visible("card_left", answers)
    assert not form.visible("card_reason", answers)
    assert "card_reason" not in errors(form, outcome="seen", card_left=False)


def test_conditional_required(form: FormDefinition) -> None:
    assert not form.required("worries_other", GOOD)
    assert errors(form, worries=["health", "other"]) == {
        "worries_other": "\u201cOther worries\u201d needs an answer."
    }
    assert errors(form, worries=["other"], worries_other="Young carer") == {}


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("19/11/2026", "is not a date (expected YYYY-MM-DD)"),
        ("2026-02-30", "is not a date"),
        ("20261119", "is not a date"),
        (20261119, "is not a date"),
        ("2026-11-21", "cannot be in the future"),
    ],
)
def test_dates(form: FormDefinition, value: Any, message: str) -> None:
    assert message in errors(form, visit_date=value)["visit_date"]


def test_a_date_in_the_future_is_only_checked_with_today(form: FormDefinition) -> None:
    answers = {**GOOD, "visit_date": "2030-01-01"}
    assert validate(form, answers) == []


@pytest.mark.parametrize("value", ["9:30", "24:00", "09:60", "0930", "09:30:00", 930])
def test_times_are_24_hour_hh_mm(form: FormDefinition, value: Any) -> None:
    assert "is not a time" in errors(form, arrival=value)["arrival"]


def test_midnight_and_one_minute_to(form: FormDefinition) -> None:
    assert errors(form, arrival="00:00", departure="23:59") == {}


@pytest.mark.parametrize("departure", ["09:30", "09:29", "08:00"])
def test_departure_must_be_after_arrival(form: FormDefinition, departure: str) -> None:
    assert errors(form, departure=departure) == {
        "departure": "\u201cDeparture\u201d must be after \u201cArrival\u201d (09:30)."
    }


def test_departure_is_only_compared_with_a_valid_arrival(form: FormDefinition) -> None:
    assert set(errors(form, arrival="half nine", departure="08:00")) == {"arrival"}


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("attendance", 100.5, "should be at most 100"),
        ("attendance", -1, "should be at least 0"),
        ("attendance", 87.55, "should go in steps of 0.1"),
        ("attendance", "87", "should be a number"),
        ("attendance", True, "should be a number"),
        ("attendance", float("nan"), "should be a number"),
        ("mood", 6, "should be at most 5"),
        ("mood", 2.5, "should be a whole number on the scale"),
        ("outcome", "visited", "'visited' is not one of the choices"),
        ("worries", "health", "should be a list of choices"),
        ("worries", ["health", "housing"], "'housing' not among the choices"),
        ("worries", ["health", "health"], "a choice is ticked twice"),
        ("present", ["p-mother", "p-stranger"], "names someone who is not on this case"),
        ("present", "p-mother", "should name people on the case"),
        ("lead", ["p-mother"], "should be a person"),
        ("upn", "123", "Not a UPN."),
        ("worries_other", "x" * 21, "at most 20 fit"),
        ("parents", {"parent_name": "A"}, "should be a list of entries"),
    ],
)
def test_types_and_ranges(form: FormDefinition, field: str, value: Any, message: str) -> None:
    found = errors(form, **{field: value})
    assert field in found, found
    assert message in found[field]


def test_yes_no_takes_a_boolean(form: FormDefinition) -> None:
    found = errors(form, outcome="no_reply", card_left="yes")
    assert found == {"card_left": "\u201cCard left?\u201d: should be yes or no."}


def test_valid_numbers(form: FormDefinition) -> None:
    assert errors(form, attendance=0, mood=5) == {}
    assert errors(form, attendance=100, mood=1) == {}
    assert errors(form, attendance=33.3) == {}
    assert errors(form, upn="A123456789012") == {}
    assert errors(form, upn="A12345678901B") == {}


def test_people_are_only_checked_when_known(form: FormDefinition) -> None:
    answers = {**GOOD, "present": ["someone"]}
    assert validate(form, answers, today=TODAY) == []


def test_repeating_group_items_are_checked_with_their_place(form: FormDefinition) -> None:
    parents = [
        {"parent_name": "A Parent", "has_pr": True},
        {"parent_name": "", "has_pr": False},
    ]
    found = validate(form, {**GOOD, "parents": parents}, people=PEOPLE, today=TODAY)
    assert [(e.field_id, e.path, e.where) for e in found] == [
        ("parent_name", ("parents", 1, "parent_name"), "parents[1].parent_name"),
        ("pr_reason", ("parents", 1, "pr_reason"), "parents[1].pr_reason"),
    ]
    assert str(found[0]) == "parents[1].parent_name: \u201cName\u201d needs an answer."


def test_a_required_repeating_group_needs_one_item(form: FormDefinition) -> None:
    assert errors(form, parents=[]) == {"parents": "\u201cParents\u201d: add at least one parent."}
    too_many = [{"parent_name": str(i), "has_pr": True} for i in range(4)]
    assert errors(form, parents=too_many) == {"parents": "\u201cParents\u201d: at most 3 allowed."}


def test_conditions_inside_a_group_see_the_item_and_the_top_level(form: FormDefinition) -> None:
    item = {"parent_name": "B", "has_pr": False, "pr_reason": "Step-parent"}
    assert form.visible("pr_reason", GOOD, [item])
    assert not form.visible("pr_reason", GOOD, [{"has_pr": True}])
    assert form.visible("met", GOOD, [item])
    assert not form.visible("met", {**GOOD, "outcome": "no_reply"}, [item])


def test_unknown_answers_are_reported(form: FormDefinition) -> None:
    found = errors(form, colour="blue", parents=[{"parent_name": "A", "has_pr": True, "x": 1}])
    assert found == {
        "colour": "is not a question on this form",
        "parents[0].x": "is not a question on this form",
    }


def test_clean_drops_hidden_and_unknown_answers(form: FormDefinition) -> None:
    answers = {
        **GOOD,
        "outcome": "no_reply",
        "card_left": True,
        "card_reason": "stale: card_left is now true",
        "new_address": "stale: only when moved",
        "colour": "blue",
        "parents": [{"parent_name": "A", "has_pr": True, "pr_reason": "stale", "met": True}],
    }
    cleaned = clean(form, answers)
    assert "card_reason" not in cleaned
    assert "new_address" not in cleaned
    assert "colour" not in cleaned
    assert cleaned["card_left"] is True
    assert cleaned["parents"] == [{"parent_name": "A", "has_pr": True}]
    assert validate(form, cleaned, people=PEOPLE, today=TODAY) == []
    assert answers["parents"][0]["pr_reason"] == "stale"  # the input is not changed
    assert clean(form, cleaned) == cleaned


def test_record_view_lists_visible_questions_with_their_answers(form: FormDefinition) -> None:
    names = {"p-mother": "Amy Smith (mother)", "p-child": "Ben Smith"}
    views = record_view(form, GOOD, person_name=names.__getitem__)
    assert [v.section.id for v in views] == ["visit", "family"]
    rows = {r.label: r.text for r in views[0].rows}
    assert rows["Date"] == "19 November 2026"
    assert rows["Outcome"] == "Seen"
    assert rows["Present"] == "Amy Smith (mother), Ben Smith"
    assert rows["Lead person"] is None  # unanswered, but shown
    assert rows["Attendance"] == "87.5%"
    assert rows["Mood"] == "3 (on a scale where 1 = Low, 5 = High)"
    assert "Card left?" not in rows
    family = [(r.label, r.text, r.depth, r.heading) for r in views[1].rows]
    assert family == [
        ("Parents", "", 0, True),
        ("Parent 1", "", 0, True),
        ("Name", "A Parent", 1, False),
        ("PR?", "Yes", 1, False),
        ("Met on the visit?", "Yes", 1, False),
    ]


def test_format_answer_keeps_a_value_the_definition_no_longer_knows(form: FormDefinition) -> None:
    assert format_answer(form.field("outcome"), "refused") == "refused"
    assert format_answer(form.field("worries"), ["other", "health"]) == "Health; Other"
    assert format_answer(form.field("card_left"), False) == "No"
    assert format_answer(form.field("visit_date"), None) == ""


def test_the_definition_round_trips_through_its_dict(form: FormDefinition, tmp_path: Path) -> None:
    path = tmp_path / "test_visit.json"
    path.write_text(json.dumps(form.to_dict()), encoding="utf-8")
    again, problems = load_definition_file(path)
    assert problems == []
    assert again == form
    assert again is not None and again.fingerprint == form.fingerprint
