"""What an interview's plan and sealed record hold, built the same way by the service and the
demo (pure: no session, no clock).

A sealed record of interview is a chronology entry of type ``interview`` whose ``answers``
are :func:`record_answers` (no ``form_id``: the record is not one form but a plan, the
opening checklist and the timed events) and whose ``body`` is :func:`record_text`, so the
chronology, the search and every export read it without knowing its shape.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from officer_app.domain.interview import (
    CAUTION,
    STATUTORY_TOPICS,
    Event,
    EventKind,
    InterviewRecord,
    Offence,
    clock_time,
)

RECORD_KIND = "interview_record"  # answers["kind"]: how an interview entry is recognised
DRAFT_KIND = "interview"  # the draft (local, autosaved) of the interview being conducted
OPENING_FORM = "interview_opening"

ROLE_LABELS = {
    "interviewer": "Interviewer",
    "second": "Second officer",
    "interviewee": "Person interviewed",
    "solicitor": "Solicitor",
    "interpreter": "Interpreter",
    "appropriate_adult": "Appropriate adult",
}


@dataclass(frozen=True)
class PlannedTopic:
    key: str
    label: str
    source: str = ""  # the statutory provision ("" for the officer's own)


@dataclass(frozen=True)
class PlannedStatement:
    """A significant statement to put at the start (Code C 11.4): one already on the case
    (``source_entry_id``: the signed visit record holding it) or one the officer adds."""

    text: str
    said_on: str = ""  # "YYYY-MM-DD HH:MM" as recorded, or ""
    source_entry_id: str = ""


@dataclass(frozen=True)
class PlannedDocument:
    """A document to show the person; it becomes an exhibit of the interviewer when the
    interview starts (``exhibit`` holds its label from then on)."""

    title: str
    attachment_id: str = ""
    entry_id: str = ""
    exhibit: str = ""


@dataclass(frozen=True)
class PlanInput:
    interviewee_id: str
    offence: Offence
    period_from: dt.date
    period_to: dt.date
    place_kind: str  # office | home
    place: str
    planned_for: dt.datetime | None
    second_officer_id: str | None
    recording: str = "written"  # written | audio
    topics: tuple[PlannedTopic, ...] = ()
    statements: tuple[PlannedStatement, ...] = ()
    documents: tuple[PlannedDocument, ...] = ()
    interpreter_language: str = ""  # "" when none is planned
    interpreter_name: str = ""
    appropriate_adult_name: str = ""  # "" when none is planned
    appropriate_adult_relationship: str = ""
    notes: str = ""

    @property
    def interpreter_planned(self) -> bool:
        return bool(self.interpreter_language.strip() or self.interpreter_name.strip())

    @property
    def appropriate_adult_planned(self) -> bool:
        return bool(self.appropriate_adult_name.strip())


def statutory_topics() -> tuple[PlannedTopic, ...]:
    return tuple(PlannedTopic(t.key, t.label, t.source) for t in STATUTORY_TOPICS)


def plan_json(plan: PlanInput) -> dict[str, Any]:
    """What the ``interview.plan`` column holds."""
    return {
        "topics": [{"key": t.key, "label": t.label, "source": t.source} for t in plan.topics],
        "statements": [
            {"text": s.text, "said_on": s.said_on, "source_entry_id": s.source_entry_id}
            for s in plan.statements
        ],
        "documents": [
            {
                "title": d.title,
                "attachment_id": d.attachment_id,
                "entry_id": d.entry_id,
                "exhibit": d.exhibit,
            }
            for d in plan.documents
        ],
        "interpreter": {"language": plan.interpreter_language, "name": plan.interpreter_name},
        "appropriate_adult": {
            "name": plan.appropriate_adult_name,
            "relationship": plan.appropriate_adult_relationship,
        },
        "notes": plan.notes,
    }


def topics_from(data: Mapping[str, Any]) -> tuple[PlannedTopic, ...]:
    return tuple(
        PlannedTopic(str(t.get("key", "")), str(t.get("label", "")), str(t.get("source", "")))
        for t in data.get("topics") or []
    )


def statements_from(data: Mapping[str, Any]) -> tuple[PlannedStatement, ...]:
    return tuple(
        PlannedStatement(
            str(s.get("text", "")), str(s.get("said_on", "")), str(s.get("source_entry_id", ""))
        )
        for s in data.get("statements") or []
    )


def documents_from(data: Mapping[str, Any]) -> tuple[PlannedDocument, ...]:
    return tuple(
        PlannedDocument(
            str(d.get("title", "")),
            str(d.get("attachment_id", "")),
            str(d.get("entry_id", "")),
            str(d.get("exhibit", "")),
        )
        for d in data.get("documents") or []
    )


@dataclass(frozen=True)
class Person:
    role: str  # a key of ROLE_LABELS
    name: str
    detail: str = ""  # a solicitor's firm, an interpreter's language, an adult's relationship

    def to_json(self) -> dict[str, str]:
        return {"role": self.role, "name": self.name, "detail": self.detail}


def present_from_opening(
    opening: Mapping[str, Any], *, interviewer: str, second: str, interviewee: str
) -> list[Person]:
    """Everyone present and their role, as the opening checklist records them."""
    people = [Person("interviewer", interviewer)]
    if second:
        people.append(Person("second", second))
    people.append(Person("interviewee", interviewee))
    if opening.get("legal_advice") == "solicitor_present":
        people.append(
            Person(
                "solicitor",
                str(opening.get("solicitor_name", "")),
                str(opening.get("solicitor_firm", "")),
            )
        )
    if opening.get("interpreter_present") is True:
        people.append(
            Person(
                "interpreter",
                str(opening.get("interpreter_name", "")),
                str(opening.get("interpreter_language", "")),
            )
        )
    if opening.get("appropriate_adult_present") is True:
        people.append(
            Person(
                "appropriate_adult",
                str(opening.get("appropriate_adult_name", "")),
                str(opening.get("appropriate_adult_relationship", "")),
            )
        )
    return people


@dataclass
class RecordFacts:
    """The facts of the interview a sealed record carries besides its events."""

    interview_id: str
    offence: Offence
    period_from: dt.date
    period_to: dt.date
    interviewee_id: str
    interviewee_name: str
    place_kind: str
    place: str
    present: list[Person]
    opening: dict[str, Any]
    opening_form_version: int
    topics: Sequence[PlannedTopic]
    topics_covered: Sequence[str]
    statements: Sequence[PlannedStatement]
    documents: Sequence[PlannedDocument]
    recording: str
    exhibit: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


def record_answers(facts: RecordFacts, record: InterviewRecord) -> dict[str, Any]:
    """The sealed record's ``answers``: everything the record of interview prints."""
    covered = set(facts.topics_covered)
    out: dict[str, Any] = {
        "kind": RECORD_KIND,
        "interview_id": facts.interview_id,
        "offence": facts.offence.value,
        "offence_label": facts.offence.label,
        "period_from": facts.period_from.isoformat(),
        "period_to": facts.period_to.isoformat(),
        "interviewee": {"id": facts.interviewee_id, "name": facts.interviewee_name},
        "place_kind": facts.place_kind,
        "place": facts.place,
        "present": [p.to_json() for p in facts.present],
        "opening": dict(facts.opening),
        "opening_form": {"id": OPENING_FORM, "version": facts.opening_form_version},
        "caution": CAUTION,
        "recording": facts.recording,
        "topics": [
            {"key": t.key, "label": t.label, "source": t.source, "covered": t.key in covered}
            for t in facts.topics
        ],
        "statements": [
            {"text": s.text, "said_on": s.said_on, "source_entry_id": s.source_entry_id}
            for s in facts.statements
        ],
        "documents": [{"title": d.title, "exhibit": d.exhibit} for d in facts.documents],
        "events": record.to_json(),
        "exhibit": facts.exhibit,
    }
    out.update(facts.extra)
    return out


def is_interview_record(answers: Mapping[str, Any] | None) -> bool:
    return bool(answers) and (answers or {}).get("kind") == RECORD_KIND


def record_title(interviewee_name: str, *, deferred: bool = False) -> str:
    if deferred:
        return f"Interview under caution deferred: {interviewee_name}"[:200]
    return f"Interview under caution: {interviewee_name}"[:200]


def event_line(event: Event, start: dt.datetime | None) -> str:
    """One event as the record reads it: ``14:02 Q: Why was …``."""
    when = clock_time(event.at, since=start)
    kind = event.kind
    if kind is EventKind.QUESTION:
        line = f"{when} Q: {event.text}"
        if event.reason:
            line += f" [asked before the caution because: {event.reason}]"
        return line
    if kind is EventKind.ANSWER:
        return f"{when} A: {event.text}"
    if kind is EventKind.CAUTION:
        understood = "said they understood" if event.flag else "did not say they understood"
        reply = f" Reply: {event.response}" if event.response else ""
        return f'{when} Cautioned: "{CAUTION}" The person {understood}.{reply}'
    if kind is EventKind.REMINDER:
        return f"{when} Reminded that they remain under caution."
    if kind is EventKind.STATEMENT:
        return f'{when} Significant statement put: "{event.text}" Reply: {event.response}'
    if kind is EventKind.EXHIBIT:
        return f"{when} Shown exhibit {event.ref}: {event.text}"
    if kind is EventKind.BREAK_START:
        return f"{when} Break: {event.reason}"
    if kind is EventKind.BREAK_END:
        return f"{when} Interview resumed."
    if kind is EventKind.READ:
        how = "read the record" if event.by == "self" else "had the record read to them"
        return f"{when} Invited to read the record: {how}."
    if kind is EventKind.ADDENDUM:
        return f"{when} Disagreement recorded (addendum): {event.text}"
    if kind is EventKind.SIGNATURE:
        who = ROLE_LABELS.get(event.by, event.by)
        if event.flag:
            return f"{when} {who} signed the record."
        said = f" They said: {event.text}" if event.text else ""
        return f"{when} {who} refused to sign.{said}"
    return f"{when} {kind.label}: {event.text}".rstrip(": ")


def record_text(facts: RecordFacts, record: InterviewRecord) -> str:
    """The record as plain text: the chronology's body and the search's text."""
    lines = [
        f"Offence considered: {facts.offence.label}",
        f"Period: {facts.period_from:%d/%m/%Y} to {facts.period_to:%d/%m/%Y}",
        f"Place: {facts.place}",
        "Present: "
        + "; ".join(
            f"{p.name} ({ROLE_LABELS.get(p.role, p.role)}{', ' + p.detail if p.detail else ''})"
            for p in facts.present
        ),
    ]
    start = record.start
    lines += [event_line(e, start) for e in record.events]
    if facts.exhibit:
        lines.append(f"Exhibit {facts.exhibit}")
    return "\n".join(lines)
