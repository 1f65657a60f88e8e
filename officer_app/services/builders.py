"""What a chronology row says, built the same way by the services and by the demo.

Pure: no session, no files, no clock. The services sign and seal the rows they build one at a
time; the demo builds thousands with the same functions and writes them with bulk inserts.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from officer_app.domain.chronology import EntryType
from officer_app.forms import FormDefinition, record_view

TITLE_LENGTH = 200  # the column's width

# What kind of chronology entry each shipped form makes; an LA's own forms are notes.
FORM_ENTRY_TYPES: dict[str, EntryType] = {
    "home_visit": EntryType.HOME_VISIT,
    "initial_assessment": EntryType.ASSESSMENT,
    "plan_review": EntryType.REVIEW,
    "cme_referral": EntryType.NOTE,
    "ehe_deregistration": EntryType.NOTE,
}


def record_entry_type(form_id: str) -> EntryType:
    """The chronology entry type of a record on this form (a note for any other form)."""
    return FORM_ENTRY_TYPES.get(form_id, EntryType.NOTE)


def record_title(definition: FormDefinition, answers: dict[str, Any]) -> str:
    """The form's title; a home visit's says how it went ("Home visit: Seen")."""
    if definition.id == "home_visit" and definition.has_field("outcome"):
        outcome = answers.get("outcome")
        if isinstance(outcome, str):
            label = definition.field("outcome").choice_label(outcome)
            return f"{definition.title}: {label}"[:TITLE_LENGTH]
    return definition.title[:TITLE_LENGTH]


def record_body(
    definition: FormDefinition, answers: dict[str, Any], people: Sequence[tuple[str, str]]
) -> str:
    """The record's answers as text, one "Label: answer" line each; ``people`` are the case's
    (id, name) pairs, for the answers that name a person."""
    names = dict(people)
    sections = record_view(definition, answers, person_name=lambda pid: names.get(pid, pid))
    return "\n".join(
        f"{row.label}: {row.text}" for view in sections for row in view.rows if row.text
    )


def amendment_title(original_title: str) -> str:
    """The title of a correction of the entry titled ``original_title``."""
    return f"Amendment: {original_title}"[:TITLE_LENGTH]
