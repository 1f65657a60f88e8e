"""The record of interview under caution as a PDF (issue 12): 300 questions and answers,
with a break and a re-caution, significant statements, documents shown and the closing;
the target is under 0.5 s (median), the time an officer waits for the record to print.

Rendered from the document model alone (no profile): what is measured is the PDF, not the
store. ``python -m bench.interview_pdf_bench`` runs it on its own.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

QUESTIONS = 300


def sample_document(questions: int = QUESTIONS) -> Any:
    """A sealed written record of interview of ``questions`` questions and answers."""
    from officer_app.documents.interview_pdf import InterviewDocument
    from officer_app.domain.interview import CAUTION, Event, EventKind, InterviewRecord

    start = dt.datetime(2026, 11, 20, 10, 0, tzinfo=dt.UTC)
    seconds = iter(range(0, 10**6, 20))

    def at() -> dt.datetime:
        return start + dt.timedelta(seconds=next(seconds))

    record = InterviewRecord()
    record.add(Event(EventKind.START, at()))
    record.add(Event(EventKind.CAUTION, at(), CAUTION, flag=True, response="Yes."))
    record.add(
        Event(EventKind.STATEMENT, at(), "I keep her off on Mondays.", response="I said that.")
    )
    record.add(Event(EventKind.EXHIBIT, at(), "Attendance register extract", ref="JS/1"))
    for n in range(1, questions + 1):
        if n == questions // 2:
            record.add(Event(EventKind.BREAK_START, at(), reason="comfort break"))
            record.add(Event(EventKind.BREAK_END, at()))
            record.add(Event(EventKind.CAUTION, at(), CAUTION, flag=True))
        record.add(
            Event(
                EventKind.QUESTION,
                at(),
                f"Question {n}: can you tell me why Amelia was absent on the morning of "
                "Monday 12 October, and whether the school was told?",
            )
        )
        record.add(
            Event(
                EventKind.ANSWER,
                at(),
                f"Answer {n}: she had a stomach ache again and I rang the office at about "
                "half past eight; I left a message because nobody answered.",
            )
        )
    record.add(Event(EventKind.END, at()))
    record.add(Event(EventKind.READ, at(), by="self"))
    record.add(Event(EventKind.ADDENDUM, at(), "I rang at 08:30, not 09:30."))
    record.add(Event(EventKind.SIGNATURE, at(), by="interviewee", flag=True))
    record.add(Event(EventKind.SIGNATURE, at(), by="interviewer", flag=True))
    answers = {
        "kind": "interview_record",
        "offence": "s444_1a",
        "offence_label": "s444(1A) Education Act 1996: knowingly failing to secure regular "
        "attendance",
        "period_from": "2026-09-07",
        "period_to": "2026-11-13",
        "interviewee": {"id": "a1", "name": "Sarah Jones"},
        "place_kind": "office",
        "place": "Civic Centre, Northam",
        "present": [
            {"role": "interviewer", "name": "Jo Smith", "detail": ""},
            {"role": "interviewee", "name": "Sarah Jones", "detail": ""},
        ],
        "opening": {
            "identities_confirmed": True,
            "place_kind": "office",
            "told_not_under_arrest": True,
            "told_free_to_leave": True,
            "told_legal_advice": True,
            "legal_advice": "declined",
            "interpreter_present": False,
            "appropriate_adult_present": False,
            "recording": "written",
        },
        "caution": CAUTION,
        "recording": "written",
        "topics": [{"key": "sickness", "label": "Sickness", "source": "s444(2A)", "covered": True}],
        "statements": [{"text": "I keep her off on Mondays.", "said_on": "2026-10-02 09:40"}],
        "documents": [{"title": "Attendance register extract", "exhibit": "JS/1"}],
        "events": record.to_json(),
        "exhibit": "JS/2",
    }
    return InterviewDocument(
        case_reference="ATT-2026-00123",
        child_name="Amelia Jones",
        child_dob=dt.date(2014, 3, 3),
        school="Hillside Academy",
        interviewer="Jo Smith",
        occurred_at=start,
        recorded_at=start + dt.timedelta(hours=3),
        signed_at=start + dt.timedelta(hours=3),
        signed_by="Jo Smith",
        content_hash="3f9a0c7be21d4e58a6b0c1d2e3f405162738495a6b7c8d9e0f1a2b3c4d5e6f70",
        exhibit="JS/2",
        answers=answers,
    )


def run_interview_pdf_benchmarks(
    median_ms: Callable[..., float], result: Callable[..., Any]
) -> list[Any]:
    from officer_app.documents.interview_pdf import render_interview_bytes

    document = sample_document()
    printed = dt.datetime(2026, 11, 20, 14, 0, tzinfo=dt.UTC)
    _, pages = render_interview_bytes(document, printed_at=printed)  # fonts loaded once
    ms = median_ms(lambda: render_interview_bytes(document, printed_at=printed), repeat=9)
    return [
        result(
            f"record of interview PDF, {QUESTIONS} questions and answers ({pages} pages)",
            ms,
            "ms",
            "< 500",
            ms < 500,
        )
    ]


if __name__ == "__main__":
    import statistics
    import time

    def _median_ms(fn: Callable[[], object], repeat: int = 9, warmup: int = 1) -> float:
        for _ in range(warmup):
            fn()
        times = []
        for _ in range(repeat):
            started = time.perf_counter()
            fn()
            times.append((time.perf_counter() - started) * 1000)
        return statistics.median(times)

    for row in run_interview_pdf_benchmarks(_median_ms, lambda *a: a):
        print(row)
