"""Forms prefill what the case already knows (issue 11, point 10): the definition says which
field takes which fact; a draft's answer and a cleared field at signing are left alone."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import yaml

from officer_app.forms import load_definition_file, load_registry, prefill_fields, with_prefill
from officer_app.services.profile import OpenProfile

KNOWN = {
    "today": "2026-11-20",
    "now": "10:30",
    "family_address": "14 Alder Road\nNortham\nNM4 7QT",
    "child_name": "Maya Jones",
    "child_school": "Northam Academy",
    "child_dob": "2013-05-02",
}


def test_the_shipped_forms_say_what_they_prefill() -> None:
    registry = load_registry()
    assert prefill_fields(registry.get("home_visit")) == {
        "visit_date": "today",
        "visit_address": "family_address",
    }
    assert prefill_fields(registry.get("plan_review")) == {"review_date": "today"}
    assert prefill_fields(registry.get("initial_assessment")) == {"assessment_date": "today"}
    assert prefill_fields(registry.get("cme_referral"))["last_school"] == "child_school"


def test_blank_fields_take_the_fact_and_a_drafts_answer_is_kept() -> None:
    visit = load_registry().get("home_visit")
    opened = with_prefill(visit, {}, KNOWN)
    assert opened == {"visit_date": "2026-11-20", "visit_address": KNOWN["family_address"]}
    draft = {"visit_date": "2026-11-19", "visit_address": "  "}  # a blank answer is no answer
    assert with_prefill(visit, draft, KNOWN) == {
        "visit_date": "2026-11-19",
        "visit_address": KNOWN["family_address"],
    }
    # a fact the case does not know leaves the field blank
    assert "visit_address" not in with_prefill(visit, {}, {**KNOWN, "family_address": ""})


def test_a_prefill_of_the_wrong_type_is_named(tmp_path: Path) -> None:
    data: dict[str, Any] = {
        "id": "p",
        "version": 1,
        "title": "P",
        "description": "P.",
        "sections": [
            {
                "id": "s",
                "title": "S",
                "fields": [{"id": "when", "type": "time", "label": "When", "prefill": "today"}],
            }
        ],
    }
    path = tmp_path / "p.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    loaded, problems = load_definition_file(path)
    assert loaded is None
    assert [p.message for p in problems] == ["prefill 'today' is for a date field, not a time"]
    data["sections"][0]["fields"][0]["prefill"] = "tomorrow"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    loaded, problems = load_definition_file(path)
    assert loaded is None and "tomorrow" in problems[0].message


def test_the_service_knows_the_cases_facts(demo_profile: OpenProfile) -> None:
    fw = demo_profile.field_work
    row = demo_profile.caseload.list_cases()[0]
    known = fw.prefill_facts(row.case_id)
    assert known["today"] == "2026-11-20" and known["now"] == "10:30"  # GMT in November
    assert known["child_name"] == row.child_name
    assert known["family_address"].strip() and known["child_school"].strip()
    dt.date.fromisoformat(known["child_dob"])
