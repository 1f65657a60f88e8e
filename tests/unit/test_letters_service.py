"""Letters on a real demo profile: every shipped template rendered and read back with pypdf,
recorded as sent (encrypted copy, Letter row, signed chronology entry) all or nothing, read
back for reprinting. Batches: tests/unit/test_letter_batches.py."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import re
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from sqlalchemy import func, select

from officer_app.letters import AskRefused, LetterRefused, MissingValues, long_date
from officer_app.services.attendance import Period, school_year_start
from officer_app.services.letters import NoticeFacts, RenderedLetter
from officer_app.store import evidence
from officer_app.store.models import Attachment, AuditEvent, ChronologyEntry, Letter

TODAY = dt.date(2026, 11, 20)  # the demo clock's day

ASKS: dict[str, dict[str, str]] = {
    "attendance_concern": {"contact_by": "2026-11-27"},
    "meeting_invitation": {
        "meeting_date": "2026-11-26",
        "meeting_time": "10:30",
        "meeting_place": "Northam Academy, main reception",
    },
    "notice_to_improve": {
        "improvement_until": "2027-01-15",
        "improvement": "No unauthorised absence in the improvement period.",
        "support": "A morning check-in with the school's learning mentor.",
    },
    "penalty_notice_warning": {
        "reason": "Unauthorised absence continued after the Notice to Improve.",
        "respond_by": "2026-11-27",
    },
    "interview_invitation": {
        "offence_from": "2026-09-03",
        "offence_to": "2026-11-13",
        "interview_date": "2026-12-03",
        "interview_time": "14:00",
        "interview_place": "Civic Centre, Market Square, Northam",
        "reply_by": "2026-11-27",
    },
    "outcome": {
        "outcome_of": "the hearing at Northam Magistrates' Court",
        "outcome_date": "2026-11-12",
        "outcome": "The court fined you £220.",
    },
}
NOTICE = NoticeFacts(
    number="PN-2026-0042",
    issued_on=dt.date(2026, 11, 20),
    received_on=dt.date(2026, 11, 24),
    ordinal=1,
    amount_21=80,
    pay_by_21=dt.date(2026, 12, 15),
    amount_28=160,
    pay_by_28=dt.date(2026, 12, 22),
    window_from=dt.date(2026, 9, 7),
    window_to=dt.date(2026, 11, 15),
    unauthorised=14,
)


def pdf_text(data: bytes) -> tuple[str, int]:
    reader = PdfReader(io.BytesIO(data))
    text = "\n".join(page.extract_text() for page in reader.pages)
    return " ".join(text.split()), len(reader.pages)


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture()
def letter_case(demo_profile: Any) -> tuple[str, Any]:
    """A case whose child has unauthorised absence this year and a parent who can be written to."""
    letters = demo_profile.letters
    for row in demo_profile.caseload.list_cases():
        if row.status != "open":
            continue
        people = [r for r in letters.recipients(row.case_id) if r.can_receive]
        if not people:
            continue
        try:
            letters.render(
                row.case_id, "notice_to_improve", recipient_id=people[0].id,
                asks=ASKS["notice_to_improve"],
            )  # fmt: skip
        except MissingValues:
            continue
        return row.case_id, people[0]
    raise AssertionError("no demo case has unauthorised absence and a parent to write to")


def test_every_shipped_template_renders_with_every_placeholder_filled(
    demo_profile: Any, letter_case: tuple[str, Any]
) -> None:
    case_id, person = letter_case
    letters = demo_profile.letters
    detail = demo_profile.cases.open_case(case_id)
    view = demo_profile.attendance.for_case(case_id)
    last = min(view.last_mark, TODAY - dt.timedelta(days=1))  # type: ignore[type-var]
    year = demo_profile.attendance.for_case(
        case_id, Period("check", school_year_start(TODAY), last)
    ).periods[-1][1]
    assert {t.id for t in letters.templates()} == set(ASKS)  # the notice is not offered
    for template_id in [*ASKS, "penalty_notice"]:
        made = letters.render(
            case_id,
            template_id,
            recipient_id=person.id,
            asks=ASKS.get(template_id, {}),
            notice=NOTICE if template_id == "penalty_notice" else None,
        )
        text, pages = pdf_text(made.pdf)
        assert pages == made.pages >= 1, template_id
        assert "{" not in text and "}" not in text, template_id
        assert detail.child.forename in text, template_id
        assert detail.reference in text, template_id
        assert person.name in text, template_id  # the address block in the window
        assert "PRIVATE AND CONFIDENTIAL" in text
        assert long_date(TODAY) in text  # the letter's date
        if template_id != "penalty_notice":
            assert "Yours sincerely" in text and demo_profile.officer.name in text
        if template_id in ("attendance_concern", "meeting_invitation", "notice_to_improve"):
            assert f"{year.attendance_pct}%" in text, template_id
            assert f"{long_date(school_year_start(TODAY))} to {long_date(last)}" in text
        if pages > 1:
            assert f"Page 1 of {pages}" in text and f"Page {pages} of {pages}" in text
        assert made.sha256 == hashlib.sha256(made.pdf).hexdigest()
        for word in ("{", "}"):
            assert word not in made.text
    nti = letters.render(
        case_id, "notice_to_improve", recipient_id=person.id, asks=ASKS["notice_to_improve"]
    )
    nti_text = flat(nti.text)
    threshold = re.search(r"had (\d+) sessions of unauthorised absence between (.+?) and (.+?)\.",
                          nti_text)  # fmt: skip
    assert threshold is not None
    assert "15 January 2027" in nti_text and "morning check-in" in nti_text
    notice_text, _pages = pdf_text(
        letters.render(
            case_id, "penalty_notice", recipient_id=person.id, asks={}, notice=NOTICE
        ).pdf
    )
    expected = (
        "PN-2026-0042", "£80", "15 December 2026", "£160", "22 December 2026",
        "7 September 2026 to 15 November 2026", "14 sessions", "section 444A",
        "discharge your liability", "no right of appeal", "Do not send cash",
    )  # fmt: skip
    for words in expected:
        assert words in notice_text, words


def test_a_second_notice_has_no_reduced_amount_and_a_mapping_notice_works(
    demo_profile: Any, letter_case: tuple[str, Any]
) -> None:
    case_id, person = letter_case
    second = {
        "number": "PN-2026-0043", "issued_on": "2026-11-20", "received_on": "2026-11-24",
        "ordinal": "second", "amount_21": "", "amount_28": "£160", "pay_by_21": "",
        "pay_by_28": "2026-12-22", "window_from": "2026-09-07", "window_to": "2026-11-15",
        "unauthorised": "12",
    }  # fmt: skip
    made = demo_profile.letters.render(
        case_id, "penalty_notice", recipient_id=person.id, asks={}, notice=second
    )
    text, _pages = pdf_text(made.pdf)
    assert "£80" not in text and "within 21 days" not in text
    assert "Pay £160 by 22 December 2026 (within 28 days)" in text
    assert "second penalty notice" in text and "no reduced amount" in text
    with pytest.raises(LetterRefused, match="needs the penalty notice"):
        demo_profile.letters.render(case_id, "penalty_notice", recipient_id=person.id, asks={})
    with pytest.raises(LetterRefused, match="lack: number"):
        demo_profile.letters.render(
            case_id, "penalty_notice", recipient_id=person.id, asks={},
            notice={**second, "number": ""},
        )  # fmt: skip


def test_the_same_inputs_give_the_same_bytes(
    demo_profile: Any, letter_case: tuple[str, Any]
) -> None:
    case_id, person = letter_case

    def make() -> RenderedLetter:
        return demo_profile.letters.render(
            case_id, "meeting_invitation", recipient_id=person.id,
            asks=ASKS["meeting_invitation"],
        )  # fmt: skip

    assert make().pdf == make().pdf


@pytest.mark.parametrize(
    ("template_id", "asks", "ask", "says"),
    [
        ("meeting_invitation", {"meeting_time": "10:30", "meeting_place": "School"},
         "meeting_date", "Date of the meeting (meeting_date): this is needed"),
        ("meeting_invitation", {**ASKS["meeting_invitation"], "meeting_date": "26/11/2026"},
         "meeting_date", "is not a date"),
        ("meeting_invitation", {**ASKS["meeting_invitation"], "meeting_date": "2026-11-19"},
         "meeting_date", "before the letter's date"),
        ("meeting_invitation", {**ASKS["meeting_invitation"], "meeting_time": "25:00"},
         "meeting_time", "not a time"),
        ("meeting_invitation", {**ASKS["meeting_invitation"], "meeting_place": "a\nb"},
         "meeting_place", "one line only"),
        ("outcome", {**ASKS["outcome"], "outcome_date": "2026-12-01"}, "outcome_date",
         "after the letter's date"),
        ("attendance_concern", {"contact_by": "2026-11-27", "contactby": "x"}, "contactby",
         "has no ask 'contactby'"),
    ],
)  # fmt: skip
def test_missing_or_wrong_asks_are_refused_with_which_ask(
    demo_profile: Any,
    letter_case: tuple[str, Any],
    template_id: str,
    asks: dict[str, str],
    ask: str,
    says: str,
) -> None:
    case_id, person = letter_case
    with pytest.raises(AskRefused) as refused:
        demo_profile.letters.render(case_id, template_id, recipient_id=person.id, asks=asks)
    assert refused.value.ask == ask
    assert says in str(refused.value)


def test_a_letter_without_a_figure_it_prints_is_refused_naming_it(
    demo_profile: Any, letter_case: tuple[str, Any]
) -> None:
    case_id, person = letter_case
    with pytest.raises(MissingValues) as refused:  # no marks before 1 September
        demo_profile.letters.render(
            case_id, "attendance_concern", recipient_id=person.id,
            asks={"contact_by": "2026-09-10"}, dated=dt.date(2026, 9, 1),
        )  # fmt: skip
    assert refused.value.missing[0].placeholder.startswith("attendance.")
    assert "no attendance marks" in str(refused.value)


def test_recipients_are_parents_with_responsibility_at_the_family_address(
    demo_profile: Any,
) -> None:
    letters = demo_profile.letters
    seen_refusal = False
    for row in demo_profile.caseload.list_cases():
        for person in letters.recipients(row.case_id):
            if person.can_receive:
                assert person.parental_responsibility and person.lives_with_child
            else:
                seen_refusal = True
                assert person.reason
                with pytest.raises(LetterRefused, match="no letter can go to"):
                    letters.render(
                        row.case_id, "attendance_concern", recipient_id=person.id,
                        asks={"contact_by": "2026-11-27"},
                    )  # fmt: skip
    assert seen_refusal  # the demo has step-parents without parental responsibility


def test_record_sent_keeps_the_encrypted_copy_the_row_and_a_signed_entry(
    demo_profile: Any, letter_case: tuple[str, Any]
) -> None:
    case_id, person = letter_case
    letters = demo_profile.letters
    detail = demo_profile.cases.open_case(case_id)
    made = letters.render(
        case_id, "notice_to_improve", recipient_id=person.id, asks=ASKS["notice_to_improve"]
    )
    info = letters.record_sent(case_id, made, sent_on=TODAY, method="post")
    assert (info.title, info.method, info.sent_on, info.pages) == (
        "Notice to Improve", "post", TODAY, made.pages,
    )  # fmt: skip
    assert info.sha256 == made.sha256

    blob = demo_profile.data_dir / "attachments" / f"{info.attachment_id}.oab"
    stored = blob.read_bytes()
    for clear in (detail.child.surname, detail.child.forename, person.name, "%PDF"):
        assert clear.encode("utf-8") not in stored  # encrypted: nothing in clear
    assert letters.read_copy(info.id) == made.pdf  # the copy is what was previewed

    def check(session: Any) -> None:
        row = session.get(Letter, info.id)
        assert row is not None and row.recipient_adult_id == person.id
        entry = session.get(ChronologyEntry, row.entry_id)
        assert entry.entry_type == "letter" and entry.title == "Notice to Improve"
        assert entry.signed_at is not None and entry.content_hash
        assert entry.body.startswith(f"Sent by post to {person.name} on 20 November 2026.")
        assert f"SHA-256 of the copy kept: {hashlib.sha256(stored_plain).hexdigest()}" in entry.body
        assert "15 January 2027" in entry.body  # the letter's text follows
        attachment = session.get(Attachment, row.attachment_id)
        assert attachment.entry_id == entry.id and attachment.media_type == "application/pdf"
        actions = session.scalars(
            select(AuditEvent.action).where(AuditEvent.entity_id == row.id)
        ).all()
        assert "create" in actions and "sign" in actions
        assert evidence.verify(session)[1] == []  # the chain still verifies

    stored_plain = letters.read_copy(info.id)
    demo_profile.store.read(check)
    assert [x.id for x in letters.letters_for(case_id)] == [info.id]
    assert letters.letter_for_entry(info.entry_id) == info  # type: ignore[arg-type]


def test_recording_is_all_or_nothing(demo_profile: Any, letter_case: tuple[str, Any]) -> None:
    case_id, person = letter_case
    letters = demo_profile.letters
    made = letters.render(
        case_id, "attendance_concern", recipient_id=person.id, asks=ASKS["attendance_concern"]
    )
    folder: Path = demo_profile.data_dir / "attachments"
    before = set(folder.glob("*")) if folder.exists() else set()

    def counts(session: Any) -> tuple[int, int, int]:
        return (
            session.scalar(select(func.count()).select_from(Letter)),
            session.scalar(select(func.count()).select_from(Attachment)),
            session.scalar(
                select(func.count())
                .select_from(ChronologyEntry)
                .where(ChronologyEntry.case_id == case_id)
            ),
        )

    start = demo_profile.store.read(counts)

    def fail(_session: Any, _info: Any) -> None:
        raise RuntimeError("the notice could not be linked")

    with pytest.raises(RuntimeError, match="could not be linked"):
        letters.record_sent(case_id, made, sent_on=TODAY, method="hand", extra=fail)
    assert demo_profile.store.read(counts) == start
    assert (set(folder.glob("*")) if folder.exists() else set()) == before  # no blob left

    with pytest.raises(LetterRefused, match="not one of post, hand, email"):
        letters.record_sent(case_id, made, sent_on=TODAY, method="fax")
    with pytest.raises(LetterRefused, match="in the future"):
        letters.record_sent(case_id, made, sent_on=TODAY + dt.timedelta(days=1), method="post")
    with pytest.raises(LetterRefused, match="before its date"):
        letters.record_sent(case_id, made, sent_on=TODAY - dt.timedelta(days=1), method="post")
    assert demo_profile.store.read(counts) == start

    seen: list[str] = []
    info = letters.record_sent(
        case_id, made, sent_on=TODAY, method="email", extra=lambda _s, i: seen.append(i.id)
    )
    assert seen == [info.id]


def test_a_reprint_and_a_save_come_from_the_stored_copy_and_are_audited(
    demo_profile: Any, letter_case: tuple[str, Any], tmp_path: Path
) -> None:
    case_id, person = letter_case
    letters = demo_profile.letters
    made = letters.render(case_id, "outcome", recipient_id=person.id, asks=ASKS["outcome"])
    info = letters.record_sent(case_id, made, sent_on=TODAY, method="hand")
    assert letters.print_copy(info.id) == made.pdf
    out = tmp_path / "copy.pdf"
    assert letters.export_copy(info.id, out) == made.pages
    assert out.read_bytes() == made.pdf
    actions = demo_profile.store.read(
        lambda s: s.scalars(select(AuditEvent.action).where(AuditEvent.entity_id == info.id)).all()
    )
    assert "print" in actions and "export" in actions
