"""Every printed record, letter and notice register states the chain head it was made from,
and ``check_mark`` tells whether a printed head is still in its chain unchanged."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select, text

from officer_app.domain.evidence import EvidenceMark
from officer_app.services.profile import OpenProfile
from officer_app.services.verification import check_mark, parse_mark
from officer_app.store import evidence
from officer_app.store.models import Case, ChainHead, EvidenceHead
from tests.unit.test_field_work import NO_REPLY, _cases
from tests.unit.test_letters_service import ASKS


def _flat(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def _head(profile: OpenProfile, case_id: str) -> EvidenceMark:
    mark = profile.store.read(lambda s: evidence.chain_mark(s, case_id))
    assert mark is not None
    return mark


def test_a_printed_record_states_its_cases_chain_head_which_checks_out(
    demo_profile: OpenProfile, tmp_path: Path
) -> None:
    fw = demo_profile.field_work
    _, case_id = _cases(demo_profile)
    entry = fw.sign_record(case_id, fw.definition("home_visit"), NO_REPLY)
    out = tmp_path / "record.pdf"
    fw.export_record_pdf(entry.id, out)
    head = _head(demo_profile, case_id)
    assert head.sha256 == entry.content_hash  # the record is the chain's last link
    reference = demo_profile.store.read(lambda s: s.get_one(Case, case_id).reference)
    assert f"Evidence chain {reference} at link {head.link}, SHA-256 {head.sha256[:16]}" in _flat(
        out.read_bytes()
    )
    assert check_mark(demo_profile.store, head.check_code()).ok


def test_a_letter_states_the_chain_head_it_was_made_from(demo_profile: OpenProfile) -> None:
    letters = demo_profile.letters
    for row in demo_profile.caseload.list_cases():
        people = [r for r in letters.recipients(row.case_id) if r.can_receive]
        if row.status == "open" and people:
            break
    else:
        raise AssertionError("no demo case has a parent to write to")
    rendered = letters.render(
        row.case_id, "meeting_invitation", recipient_id=people[0].id,
        asks=ASKS["meeting_invitation"],
    )  # fmt: skip
    head = _head(demo_profile, row.case_id)
    assert head.line() in _flat(rendered.pdf)


def test_the_notice_register_states_the_profile_head(demo_profile: OpenProfile) -> None:
    service = demo_profile.penalty_notices
    stored = demo_profile.store.read(lambda s: s.get_one(EvidenceHead, 1))
    line = (
        f"Evidence head of the profile: {stored.chains} chains, {stored.entries} signed "
        f"entries, SHA-256 {stored.profile_hash[:16]}"
    )
    assert line in _flat(service.register_document("pdf"))
    rows = list(csv.reader(io.StringIO(service.register_document("csv").decode("utf-8-sig"))))
    assert rows[0][-1] == "evidence_head" and rows[0][0] == "number"
    assert all(row[-1] == line for row in rows[1:])


def test_a_head_that_is_not_in_the_chain_as_printed_does_not_check_out(
    demo_profile: OpenProfile,
) -> None:
    case_id = demo_profile.store.read(lambda s: s.scalar(select(ChainHead.case_id).limit(1)))
    head = _head(demo_profile, case_id)
    other = "0" * 16 if not head.sha256.startswith("0" * 16) else "1" * 16
    wrong = check_mark(demo_profile.store, f"{head.reference}:{head.link}:{other}")
    assert not wrong.ok and "the chain has changed" in wrong.message
    beyond = check_mark(demo_profile.store, f"{head.reference}:{head.link + 5}:{head.sha256}")
    assert not beyond.ok and f"link {head.link + 5} is not in its evidence chain" in beyond.message
    nobody = check_mark(demo_profile.store, f"ATT-1999-99999:1:{head.sha256}")
    assert not nobody.ok and "no such case" in nobody.message

    # the link itself unchanged, but an earlier one rewritten behind the triggers' back
    def tamper(session):  # type: ignore[no-untyped-def]
        session.execute(text("DROP TRIGGER chronology_signed_no_update"))
        session.execute(
            text(
                "UPDATE chronology_entry SET body = 'rewritten' "
                + "WHERE case_id = :c AND chain_seq = 1"
            ),
            {"c": case_id},
        )

    demo_profile.store.write_wait(tamper)
    broken = check_mark(demo_profile.store, head.check_code())
    assert not broken.ok and "the chain is broken: link 1: content changed" in broken.message


@pytest.mark.parametrize(
    "code",
    ["ATT-2026-00001", "ATT-2026-00001:x:abcdefabcdef", "ATT-2026-00001:0:abcdefabcdef",
     "ATT-2026-00001:3:abc", "ATT-2026-00001:3:zzzzzzzzzzzzzz", ":3:abcdefabcdef"],
)  # fmt: skip
def test_a_mistyped_head_is_named_in_one_line(code: str) -> None:
    with pytest.raises(ValueError, match="--head") as caught:
        parse_mark(code)
    assert "\n" not in str(caught.value)


def test_a_printed_head_with_its_ellipsis_is_accepted() -> None:
    assert parse_mark("ATT-2026-00012:41:5F3C2A9E01B4C7D8…") == (
        "ATT-2026-00012", 41, "5f3c2a9e01b4c7d8",
    )  # fmt: skip


def test_every_row_of_the_register_csv_states_the_profile_head() -> None:
    import datetime as dt

    from officer_app.services.notice_register import RegisterRow, register_csv

    day = dt.date(2026, 11, 2)
    row = RegisterRow(
        number="PN-2026-XX-0001", issued_on=day, case_reference="ATT-2026-00001",
        parent_name="A Parent", parent_address="1 Road", child_name="A Child",
        child_date_of_birth=dt.date(2015, 1, 1), school="Oakfield", grounds="unauthorised",
        offence_from=day, offence_to=day, unauthorised_sessions=10, ordinal=1, amount_21=80,
        amount_28=160, served_by="post", received_on=day, authorised_by="A Supervisor",
        copy_sha256="ab" * 32, copy_sent_on=day, status="issued", paid_on=None,
        amount_paid=None, withdrawn_on=None, withdrawn_reason="", prosecuted=False,
        prosecution_on=None, prosecution_note="",
    )  # fmt: skip
    mark = EvidenceMark("", 1234, "5f3c" * 16, chains=12)
    data = register_csv([row, row], evidence=mark).decode("utf-8-sig")
    read = list(csv.DictReader(io.StringIO(data)))
    assert [r["number"] for r in read] == ["PN-2026-XX-0001"] * 2
    assert {r["evidence_head"] for r in read} == {
        "Evidence head of the profile: 12 chains, 1234 signed entries, SHA-256 5f3c5f3c5f3c5f3c"
    }
