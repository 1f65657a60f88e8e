"""A 20-page witness statement as a PDF (issue 13): the s9 header, the declaration with its
real page count (laid out twice: with a guess, then with the count found), numbered
paragraphs and the exhibits; the target is under 0.5 s (median), the time an officer waits
for the statement to print.

Rendered from the document model alone (no profile): what is measured is the PDF, not the
store. ``python -m bench.statement_bench`` runs it on its own.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

PAGES = 20
PARAGRAPH = (
    "On 14 October 2026 I visited the family home at the time arranged. Ms Jones was present "
    "and Amelia was seen. We went through the register for the half term: Amelia had missed "
    "nine sessions, seven of them unauthorised, most on Mondays. Ms Jones said that Amelia "
    "had stomach aches on Monday mornings and that she had rung the school each time; the "
    "school's record shows no call on those days. I explained the support available and the "
    "next steps if attendance did not improve, and I left a copy of the plan agreed at the "
    "meeting on 2 October 2026."
)


def sample_document(paragraphs: int = 106) -> Any:
    """A signed statement of ``paragraphs`` paragraphs and 12 exhibits (106 make 20 pages)."""
    from officer_app.documents.statement_pdf import StatementDocument, StatementExhibit

    return StatementDocument(
        witness_name="Jo Smith",
        occupation="Attendance officer, Northam City Council",
        age_text="over 18",
        case_reference="ATT-2026-00123",
        paragraphs=tuple(PARAGRAPH for _ in range(paragraphs)),
        exhibits=tuple(
            StatementExhibit(f"JS/{n}", f"Letter sent to Ms Jones, number {n}")
            for n in range(1, 13)
        ),
        signed_on=dt.date(2026, 11, 20),
    )


def run_statement_benchmarks(
    median_ms: Callable[..., float], result: Callable[..., Any]
) -> list[Any]:
    from officer_app.documents.statement_pdf import render_statement_bytes

    document = sample_document()
    _, pages = render_statement_bytes(document)  # fonts loaded once
    ms = median_ms(lambda: render_statement_bytes(document), repeat=9)
    return [result(f"witness statement PDF ({pages} pages)", ms, "ms", "< 500", ms < 500)]


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

    for row in run_statement_benchmarks(_median_ms, lambda *a: a):
        print(row)
