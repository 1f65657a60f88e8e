"""Issue 8 point 2: a batch has an identity and a state. Its letters are prepared (kept, not
sent) until the officer confirms the post went out; a stopped batch resumes where it stopped
and never makes two letters for one case and recipient; other details are refused while it is
unfinished; abandoning keeps everything, marked as never sent."""

from __future__ import annotations

import datetime as dt
import io
from collections import Counter
from typing import Any

import pytest
from pypdf import PdfReader
from sqlalchemy import func, select

from officer_app.letters import AskRefused, LetterRefused
from officer_app.services import letter_batches
from officer_app.services.letter_batches import BatchRefused
from officer_app.store import evidence
from officer_app.store.models import BatchLetter, ChronologyEntry, Letter, LetterBatch

TODAY = dt.date(2026, 11, 20)  # the demo clock's day
ASKS = {"contact_by": "2026-11-27"}


def open_cases(profile: Any, count: int) -> list[str]:
    return [r.case_id for r in profile.caseload.list_cases() if r.status == "open"][:count]


def counts(profile: Any) -> tuple[int, int]:
    """Letters recorded as sent, and chronology entries of letters."""
    return profile.store.read(
        lambda s: (
            s.scalar(select(func.count()).select_from(Letter)),
            s.scalar(
                select(func.count())
                .select_from(ChronologyEntry)
                .where(ChronologyEntry.entry_type == "letter")
            ),
        )
    )


def finish(job: Any) -> Any:
    while True:
        try:
            next(job)
        except StopIteration as done:
            return done.value


def test_a_batch_prepares_letters_that_are_not_recorded_as_sent(demo_profile: Any) -> None:
    before = counts(demo_profile)
    batches = demo_profile.letters.batches
    cases = open_cases(demo_profile, 5)
    batch = batches.start("attendance_concern", cases, asks=ASKS, selection="five cases")
    result = finish(batch.run())
    assert result.batch.state == "prepared" and result.cases_done == 5
    assert len(result.letters) >= 1
    assert all(letter.state == "prepared" for letter in result.letters)
    assert counts(demo_profile) == before  # no Letter row, no signed entry: nothing "sent"
    reader = PdfReader(io.BytesIO(result.pdf))
    assert len(reader.pages) == result.pages == sum(letter.pages for letter in result.letters)
    waiting = batches.not_sent_for_case(result.letters[0].case_id)
    assert waiting and waiting[0].state_words == "prepared, not yet sent"


def test_a_stopped_batch_resumes_where_it_stopped_and_makes_no_second_letter(
    demo_profile: Any,
) -> None:
    batches = demo_profile.letters.batches
    cases = open_cases(demo_profile, 6)
    first = batches.start("attendance_concern", cases, asks=ASKS, selection="six cases")
    job = first.run()
    steps = [next(job), next(job), next(job)]  # two cases made; the third about to start
    assert [s.done for s in steps] == [0, 1, 2]
    job.close()  # what the task runner does on Cancel
    stopped = first.result(cancelled=True)
    assert stopped.cancelled and stopped.cases_done == 2 and stopped.batch.state == "preparing"
    # the same details again: the same batch, on from the third case, with the cases it had
    again = batches.start("attendance_concern", list(reversed(cases)), asks=ASKS,
                          selection="six cases")  # fmt: skip
    assert again.batch_id == first.batch_id and again.info.cases_done == 2
    assert again.case_ids == cases
    result = finish(again.run())
    assert result.cases_done == 6 and result.batch.state == "prepared"
    rows = demo_profile.store.read(
        lambda s: s.scalars(select(BatchLetter).where(BatchLetter.batch_id == first.batch_id)).all()
    )
    pairs = Counter((r.case_id, r.recipient_adult_id) for r in rows)
    assert pairs and max(pairs.values()) == 1
    # the PDF holds every letter of the batch, those made before the stop read back too
    assert {letter.id for letter in result.letters} == {r.id for r in rows}
    assert (
        result.pages == sum(r.pages for r in rows) == len(PdfReader(io.BytesIO(result.pdf)).pages)
    )
    # a case and recipient twice in one batch is refused by the database itself
    with pytest.raises(Exception, match="UNIQUE"):
        demo_profile.store.write_wait(
            lambda s: s.add(
                BatchLetter(batch_id=rows[0].batch_id, position=99, case_id=rows[0].case_id,
                            recipient_adult_id=rows[0].recipient_adult_id, sha256="0" * 64,
                            attachment_id=rows[0].attachment_id, created_at=rows[0].created_at)
            )
        )  # fmt: skip


def test_other_details_are_refused_while_the_batch_is_unfinished(demo_profile: Any) -> None:
    batches = demo_profile.letters.batches
    cases = open_cases(demo_profile, 3)
    first = batches.start("attendance_concern", cases, asks=ASKS, selection="every open case")
    with pytest.raises(BatchRefused) as refused:
        batches.start("attendance_concern", cases, asks={"contact_by": "2026-11-30"},
                      selection="every open case")  # fmt: skip
    said = str(refused.value)
    assert first.info.short_id in said and "is unfinished" in said
    assert f"batch-abandon {first.info.short_id}" in said and "batch-sent" in said
    with pytest.raises(BatchRefused, match="is unfinished"):
        batches.start("attendance_concern", cases, asks=ASKS, selection="the open cases at "
                      "stage x", dated=TODAY - dt.timedelta(days=1))  # fmt: skip
    # another template is not held up
    meeting = {"meeting_date": "2026-11-26", "meeting_time": "10:30", "meeting_place": "School"}
    other = batches.start("meeting_invitation", cases, selection="every open case", asks=meeting)
    assert other.batch_id != first.batch_id
    with pytest.raises(AskRefused):
        batches.start("attendance_concern", cases, asks={}, selection="x")
    for dated in (dt.date(1, 1, 1), TODAY - dt.timedelta(days=367), TODAY + dt.timedelta(days=1)):
        with pytest.raises(LetterRefused, match="cannot be dated"):
            batches.start("meeting_invitation", cases, asks=meeting, selection="y", dated=dated)
    year_ago = batches.start("outcome", cases, selection="z", dated=TODAY - dt.timedelta(days=366),
                             asks={"outcome_of": "the hearing", "outcome_date": "2025-11-12",
                                   "outcome": "A fine."})  # fmt: skip
    assert year_ago.info.dated == TODAY - dt.timedelta(days=366)
    with pytest.raises(LetterRefused, match="penalty-notice workflow"):
        batches.start("penalty_notice", cases, asks={}, selection="x")


def test_confirming_the_post_signs_every_letter_at_once(demo_profile: Any) -> None:
    before_sent, before_entries = counts(demo_profile)
    batches = demo_profile.letters.batches
    cases = open_cases(demo_profile, 4)
    made = finish(batches.start("attendance_concern", cases, asks=ASKS, selection="four").run())
    with pytest.raises(BatchRefused, match="in the future"):
        batches.confirm_sent(made.batch_id, sent_on=TODAY + dt.timedelta(days=1), method="post")
    with pytest.raises(BatchRefused, match="before their date"):
        batches.confirm_sent(made.batch_id, sent_on=TODAY - dt.timedelta(days=1), method="post")
    sent = batches.confirm_sent(made.batch_id, sent_on=TODAY, method="post")
    assert len(sent) == len(made.letters)
    assert counts(demo_profile) == (before_sent + len(sent), before_entries + len(sent))
    info = batches.info(made.batch_id)
    assert info.state == "sent" and info.sent == len(sent) and info.prepared == 0
    assert all(letter.state == "sent" for letter in batches.letters(made.batch_id))
    checked, breaks = demo_profile.store.read(evidence.verify)
    assert breaks == [] and checked >= len(sent)
    # each sending's entry names the copy kept, and the copy is the one prepared
    copy = demo_profile.letters.read_copy(sent[0].id)
    assert copy[:4] == b"%PDF"
    # the same batch again (a rerun after a crash) must not send everything twice
    with pytest.raises(BatchRefused, match="already sent"):
        batches.start("attendance_concern", cases, asks=ASKS, selection="four")
    again = batches.start("attendance_concern", cases, asks=ASKS, selection="four", again=True)
    assert again.batch_id != made.batch_id
    with pytest.raises(BatchRefused, match="nothing to confirm"):
        batches.confirm_sent(made.batch_id, sent_on=TODAY, method="post")


def test_confirming_is_all_or_nothing(demo_profile: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    before = counts(demo_profile)
    batches = demo_profile.letters.batches
    made = finish(
        batches.start("attendance_concern", open_cases(demo_profile, 6), asks=ASKS,
                      selection="six").run()
    )  # fmt: skip
    assert len(made.letters) >= 2
    real = letter_batches.sign_sending
    calls = []

    def fails_on_the_second(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        if len(calls) == 2:
            raise RuntimeError("the disk is full")
        return real(*args, **kwargs)

    monkeypatch.setattr(letter_batches, "sign_sending", fails_on_the_second)
    with pytest.raises(RuntimeError, match="disk is full"):
        batches.confirm_sent(made.batch_id, sent_on=TODAY, method="hand")
    assert counts(demo_profile) == before
    info = batches.info(made.batch_id)
    assert info.state == "prepared" and info.prepared == len(made.letters) and info.sent == 0


def test_abandoning_marks_the_letters_never_sent_and_keeps_them(demo_profile: Any) -> None:
    before = counts(demo_profile)
    batches = demo_profile.letters.batches
    cases = open_cases(demo_profile, 3)
    made = finish(batches.start("attendance_concern", cases, asks=ASKS, selection="three").run())
    marked = batches.abandon(made.batch_id)
    assert marked == len(made.letters) >= 1
    info = batches.info(made.batch_id)
    assert info.state == "abandoned" and info.abandoned == marked and info.prepared == 0
    assert counts(demo_profile) == before
    kept = demo_profile.store.read(
        lambda s: s.scalar(select(func.count()).select_from(BatchLetter)
                           .where(BatchLetter.batch_id == made.batch_id))
    )  # fmt: skip
    assert kept == marked  # nothing deleted
    assert batches.not_sent_for_case(made.letters[0].case_id) == []
    with pytest.raises(BatchRefused, match="cannot be abandoned"):
        batches.abandon(made.batch_id)
    with pytest.raises(BatchRefused, match="nothing to confirm"):
        batches.confirm_sent(made.batch_id, sent_on=TODAY, method="post")
    # and a new batch with the same details can now start
    fresh = batches.start("attendance_concern", cases, asks=ASKS, selection="three")
    assert fresh.batch_id != made.batch_id
    assert (
        demo_profile.store.read(lambda s: s.get_one(LetterBatch, fresh.batch_id).state)
        == "preparing"
    )


def test_a_batch_is_found_by_the_start_of_its_id(demo_profile: Any) -> None:
    batches = demo_profile.letters.batches
    made = batches.start("attendance_concern", open_cases(demo_profile, 1), asks=ASKS,
                         selection="one")  # fmt: skip
    assert batches.get(made.info.short_id).id == made.batch_id
    with pytest.raises(BatchRefused, match="no letter batch"):
        batches.get("ffffffff")
    with pytest.raises(BatchRefused, match="as listed"):
        batches.get("ab")
