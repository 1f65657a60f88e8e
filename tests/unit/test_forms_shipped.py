"""The definitions shipped in forms/: all load cleanly and behave as the issue describes."""

from __future__ import annotations

import datetime as dt
from typing import Any

import jsonschema
import pytest

from officer_app import paths
from officer_app.forms import (
    FieldType,
    FormDefinition,
    FormRegistry,
    clean,
    load_registry,
    record_view,
    validate,
)
from officer_app.forms.loader import schema
from officer_app.forms.model import definition_from_dict

SHIPPED = [
    "cme_referral",
    "ehe_deregistration",
    "home_visit",
    "initial_assessment",
    "interview_opening",
    "plan_review",
]
TODAY = dt.date(2026, 11, 20)


@pytest.fixture(scope="module")
def registry() -> FormRegistry:
    return load_registry()


def test_every_shipped_definition_loads_with_no_problems(registry: FormRegistry) -> None:
    assert [str(p) for p in registry.problems] == []
    assert registry.unavailable == []
    assert registry.ids() == SHIPPED
    for form_id in SHIPPED:
        definition = registry.get(form_id)
        # home_visit v2 (issue 9, point 11: questioning without a caution), v3 and cme_referral
        # v2 (issue 11, point 10: times not after the signing, a school-age date of birth)
        # and every form v2 or above for the facts it prefills (issue 11, point 10); the
        # interview's opening checklist is new in issue 12
        assert definition.version == {"home_visit": 3, "interview_opening": 1}.get(form_id, 2)
        assert registry.get(form_id, definition.version) is definition
        assert registry.get(form_id, 1).version == 1
        assert definition.source.startswith(str(paths.shipped("forms")))


def test_the_forms_folder_is_found_through_the_shipped_accessor() -> None:
    assert (paths.shipped("forms") / "home_visit.yaml").is_file()
    assert (paths.shipped("forms") / "schema" / "form-definition.schema.json").is_file()


@pytest.mark.parametrize("form_id", SHIPPED)
def test_a_shipped_definition_round_trips_and_matches_the_schema(
    registry: FormRegistry, form_id: str
) -> None:
    definition = registry.get(form_id)
    document = definition.to_dict()
    jsonschema.Draft202012Validator(schema()).validate(document)
    again = definition_from_dict(document)
    assert again == definition
    assert again.fingerprint == definition.fingerprint


@pytest.mark.parametrize("form_id", SHIPPED)
def test_a_shipped_definition_has_help_and_no_empty_answers_pass(
    registry: FormRegistry, form_id: str
) -> None:
    definition = registry.get(form_id)
    assert len(definition.description) > 80
    assert sum(1 for f in definition.iter_fields() if f.help) >= 8
    assert validate(definition, {}), "an empty record should not be complete"


def test_between_them_the_shipped_forms_use_every_field_type(registry: FormRegistry) -> None:
    used = {f.type for d in registry.definitions() for f in d.iter_fields()}
    assert used == set(FieldType)


# -- the home visit -------------------------------------------------------------------------


def visit(**changes: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "visit_date": "2026-11-19",
        "visit_address": "12 Acacia Avenue, Anytown AN1 2BC",
        "visit_type": "unannounced",
        "arrival_time": "09:40",
        "departure_time": "10:25",
        "outcome": "seen",
        "present": ["mother", "child"],
        "child_seen": True,
        "child_spoken_to_alone": True,
        "child_voice": '"I don\'t like Mondays because of PE."',
        "parent_account": "Says he has had stomach aches on school mornings.",
        "actions": [{"action": "Meet the head of year", "action_by": "Officer"}],
        "safeguarding_concern": False,
    }
    base.update(changes)
    return {k: v for k, v in base.items() if v is not None}


def test_a_complete_home_visit_is_valid(registry: FormRegistry) -> None:
    form = registry.get("home_visit")
    assert validate(form, visit(), people={"mother", "child"}, today=TODAY) == []


def test_home_visit_departure_must_follow_arrival(registry: FormRegistry) -> None:
    form = registry.get("home_visit")
    found = validate(form, visit(departure_time="09:15"), today=TODAY)
    assert [e.field_id for e in found] == ["departure_time"]
    assert "(09:40)" in found[0].message


def test_no_reply_asks_about_the_calling_card(registry: FormRegistry) -> None:
    form = registry.get("home_visit")
    answers = visit(outcome="no_reply")
    assert not form.section_visible("visit_details", answers)
    assert [e.field_id for e in validate(form, clean(form, answers))] == ["calling_card_left"]
    answers["calling_card_left"] = False
    assert [e.field_id for e in validate(form, answers)] == ["calling_card_not_left_reason"]


def test_family_appears_to_have_moved_prompts_the_cme_steps(registry: FormRegistry) -> None:
    form = registry.get("home_visit")
    assert form.section("cme_steps").show_when is not None
    assert not form.section_visible("cme_steps", visit())
    answers = clean(form, visit(outcome="moved"))
    assert form.section_visible("cme_steps", answers)
    missing = {e.field_id for e in validate(form, answers)}
    assert missing == {"moved_signs", "new_address_known", "cme_referral_needed"}
    answers |= {
        "moved_signs": ["property_empty", "neighbours_said"],
        "moved_signs_detail": "Neighbour at number 14 says they left last month for Leeds.",
        "new_address_known": False,
        "cme_enquiries": ["school", "neighbours"],
        "cme_referral_needed": True,
    }
    assert validate(form, answers, today=TODAY) == []
    sections = [v.section.id for v in record_view(form, answers)]
    assert sections == ["visit", "outcome", "cme_steps", "safeguarding"]


def test_a_safeguarding_concern_asks_whether_when_and_to_whom(registry: FormRegistry) -> None:
    form = registry.get("home_visit")
    answers = visit(safeguarding_concern=True)
    assert {e.field_id for e in validate(form, answers)} == {
        "safeguarding_details",
        "referred_today",
    }
    answers |= {"safeguarding_details": "Bruise on the child's cheek.", "referred_today": True}
    assert {e.field_id for e in validate(form, answers)} == {
        "referred_to",
        "referred_to_name",
        "referral_date",
        "referral_time",
    }
    answers |= {"referred_today": False}
    assert {e.field_id for e in validate(form, answers)} == {"not_referred_reason"}


def test_a_child_not_seen_needs_a_reason_and_no_voice(registry: FormRegistry) -> None:
    form = registry.get("home_visit")
    answers = clean(form, visit(child_seen=False))
    assert "child_voice" not in answers
    assert [e.field_id for e in validate(form, answers)] == ["child_not_seen_reason"]


# -- the other forms ------------------------------------------------------------------------


def test_initial_assessment_covers_child_family_and_school(registry: FormRegistry) -> None:
    form = registry.get("initial_assessment")
    assert [s.id for s in form.sections] == [
        "about", "child", "family", "school", "barriers", "analysis", "plan",
    ]  # fmt: skip
    for field_id in (
        "child_health", "child_sen", "child_wellbeing", "child_bullying", "child_views",
        "family_parenting", "family_housing", "family_finances", "family_parental_health",
        "family_domestic_abuse", "family_substance_misuse", "siblings",
        "school_relationships", "school_curriculum", "school_transport", "school_transitions",
        "barriers", "barriers_detail", "analysis", "targets", "first_review_date",
    ):  # fmt: skip
        assert form.has_field(field_id), field_id
    need = form.field("level_of_need")
    assert [c.label for c in need.choices] == ["Universal", "Targeted", "Specialist"]
    # A concern makes the notes required; no concern does not.
    assert form.required("child_health_notes", {"child_health": "significant_concern"})
    assert not form.required("child_health_notes", {"child_health": "no_concern"})
    assert form.field("siblings").repeatable


def test_plan_review_has_progress_per_target_and_typed_attendance(registry: FormRegistry) -> None:
    form = registry.get("plan_review")
    targets = form.field("targets")
    assert targets.repeatable
    assert {f.id for f in targets.fields} >= {
        "target", "target_progress", "target_attendance_percent", "target_period_from",
        "target_period_to",
    }  # fmt: skip
    answers: dict[str, Any] = {
        "review_date": "2026-11-18",
        "review_format": "meeting_in_school",
        "participants": ["mother"],
        "attendance_from": "2026-10-05",
        "attendance_to": "2026-11-13",
        "attendance_percent": 91.4,
        "targets": [
            {
                "target": "Attendance of 90% or more",
                "target_progress": "achieved",
                "target_attendance_percent": 91.4,
                "target_period_from": "2026-10-05",
                "target_period_to": "2026-11-13",
                "target_next": "close",
            },
            {"target": "On time every day", "target_progress": "partly_achieved",
             "target_next": "continue"},
        ],
        "overall_progress": "improved",
        "child_views": "It's better now I sit with Sam.",
        "decision": "continue",
        "decision_reason": "Improving; keep going for another six weeks.",
        "next_review_date": "2026-12-30",
    }  # fmt: skip
    found = validate(form, answers, today=TODAY)
    assert [e.where for e in found] == ["targets[1].target_comments"]
    answers["targets"][1]["target_comments"] = "Late twice, both after the bus broke down."
    assert validate(form, answers, today=TODAY) == []
    closing = {**answers, "decision": "close_improved"}
    assert "next_review_date" not in clean(form, closing)


def test_cme_referral_is_a_plain_definition(registry: FormRegistry) -> None:
    form = registry.get("cme_referral")
    assert form.field("parents").repeatable
    assert form.field("child_upn").pattern is not None
    assert {c.value for c in form.field("parent_responsibility").choices} == {
        "yes",
        "no",
        "not_known",
    }


def test_ehe_deregistration_has_every_field_the_issue_lists(registry: FormRegistry) -> None:
    form = registry.get("ehe_deregistration")
    for field_id in (
        "child_name", "child_dob", "child_upn", "child_protection_plan", "family_religion",
        "first_language", "sen_stage", "address", "gp", "health_told", "other_circumstances",
    ):  # fmt: skip
        assert form.has_field(field_id), field_id
    parents = form.field("parents")
    assert parents.repeatable
    assert {f.id for f in parents.fields} >= {
        "parent_name", "parent_dob", "parent_address", "parental_responsibility",
    }  # fmt: skip
    for group in ("other_adults", "siblings", "other_agencies"):
        assert form.field(group).repeatable
    answers = {"child_protection_plan": "yes", "sen_stage": "ehcp", "health_told": True}
    for field_id in ("social_worker", "sen_detail", "health_told_detail"):
        assert form.required(field_id, answers)


def test_every_person_field_means_someone_on_the_case(registry: FormRegistry) -> None:
    people = [
        (d.id, f.id)
        for d in registry.definitions()
        for f in d.iter_fields()
        if f.type is FieldType.PERSON
    ]
    assert ("home_visit", "present") in people
    assert all(d in {"home_visit", "initial_assessment", "plan_review"} for d, _ in people)


def _count(definition: FormDefinition) -> int:
    return sum(1 for _ in definition.iter_fields())


def test_the_shipped_forms_are_substantial(registry: FormRegistry) -> None:
    counts = {d.id: _count(d) for d in registry.definitions()}
    assert all(n >= 20 for n in counts.values()), counts
