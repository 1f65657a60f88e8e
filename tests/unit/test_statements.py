"""Witness statements through the service (issue 13 point 1): the officer's statement drafted
from the case in the order the issue gives, every document an exhibit (labels kept, new ones
continuing the officer's numbering), every saved version kept (the database refuses to change
one), signing fixing the exhibit rows and sealing the statement into the chain, and another
witness's statement typed in and produced in the same form."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select, text
from sqlalchemy.exc import DatabaseError

from officer_app.domain.interview import STATUTORY_TOPICS
from officer_app.services.exhibits import new_exhibit
from officer_app.services.profile import OpenProfile, unlock_profile
from officer_app.services.statements import (
    ExhibitRef,
    NoRegister,
    StatementConflict,
    StatementRefused,
)
from officer_app.store import evidence
from officer_app.store.models import Case, ChronologyEntry, Exhibit, Interview, Letter
from officer_app.wording import MONTHS
from tests.conftest import DEMO_NOW, TEST_PASSPHRASE, MemoryKeyring

REFERENCE = "ATT-2026-00011"  # a case at court: interviewed (exhibits TZ/1, TZ/2), letters sent
LABEL = re.compile(r"\b[A-Z]{1,4}/\d+\b")
DATED = re.compile(r"^On (\d{1,2}) (" + "|".join(MONTHS) + r") (\d{4})\b")


@pytest.fixture(scope="module")
def _with_letters(
    _demo_template: tuple[Path, MemoryKeyring], tmp_path_factory: pytest.TempPathFactory
) -> Path:
    """The demo profile with the real letters and penalty notices of the case replayed
    through the services (the template has none), locked again."""
    from officer_app.clock import FixedClock
    from officer_app.demo.letters import add_letters
    from officer_app.demo.penalty_notices import add_penalty_notices

    template, backend = _demo_template
    folder = tmp_path_factory.mktemp("statements") / "profile"
    shutil.copytree(template, folder)
    opened = unlock_profile(folder, TEST_PASSPHRASE, backend=backend, clock=FixedClock(DEMO_NOW))
    try:
        today = DEMO_NOW.date()
        add_penalty_notices(opened, seed=1, today=today, indexes=range(10, 11))
        add_letters(opened, seed=1, today=today, indexes=range(10, 11))
    finally:
        opened.lock()
    return folder


@pytest.fixture()
def profile(
    _with_letters: Path,
    _demo_template: tuple[Path, MemoryKeyring],
    keyring_backend: MemoryKeyring,
    tmp_path: Path,
) -> Iterator[OpenProfile]:
    from officer_app.clock import FixedClock

    keyring_backend.secrets.update(_demo_template[1].secrets)
    folder = tmp_path / "profile"
    shutil.copytree(_with_letters, folder)
    opened = unlock_profile(
        folder, TEST_PASSPHRASE, backend=keyring_backend, clock=FixedClock(DEMO_NOW)
    )
    yield opened
    opened.lock()


def _case(profile: OpenProfile, reference: str = REFERENCE) -> str:
    found = profile.store.read(
        lambda s: s.scalar(select(Case.id).where(Case.reference == reference))
    )
    assert found is not None
    return str(found)


def _day(paragraph: str) -> dt.date | None:
    match = DATED.match(paragraph)
    if match is None:
        return None
    return dt.date(int(match[3]), MONTHS.index(match[2]) + 1, int(match[1]))


def test_the_draft_tells_the_case_in_order_and_every_document_is_an_exhibit(
    profile: OpenProfile,
) -> None:
    case_id = _case(profile)
    draft = profile.statements.draft_for_officer(case_id)
    interview = profile.store.read(
        lambda s: s.scalar(select(Interview).where(Interview.case_id == case_id))
    )
    assert (draft.period_from, draft.period_to) == (interview.period_from, interview.period_to)
    assert draft.period_source == "interview plan"
    paras = draft.paragraphs
    assert draft.witness_name == profile.officer.name and draft.age_text == "over 18"
    assert paras[0].startswith(f"I am {profile.officer.name}.") and "attendance officer" in paras[0]
    assert "David Marin" in paras[1] and "registered pupil at" in paras[1]

    # the attendance, with the service's own figures, produced as the existing register exhibit
    from officer_app.services.attendance import Period

    figures = profile.attendance.load(
        case_id, Period("x", draft.period_from, draft.period_to)
    ).chosen.summary
    assert "exhibit TZ/1" in paras[2]
    assert f"could have attended {figures.possible} sessions" in paras[2]
    assert f"{figures.unauthorised} unauthorised" in paras[2]
    assert f"{figures.attendance_pct}%" in paras[2]

    # the interventions in date order, then the interview, then the statutory defences
    topics = len(STATUTORY_TOPICS)
    defences = paras[-topics:]
    assert [
        p.startswith(f"{t.label} ({t.source}).")
        for t, p in zip(STATUTORY_TOPICS, defences, strict=True)
    ] == [True] * topics
    interview_para = paras[-topics - 2]
    assert "under caution" in interview_para and "exhibit TZ/2" in interview_para
    interventions = paras[3 : -topics - 2]
    days = [_day(p) for p in interventions]
    assert None not in days and days == sorted(days)  # type: ignore[type-var]
    joined = " ".join(interventions)
    assert "home visit" in joined and "meeting" in joined and "plan to support" in joined
    assert "penalty notice" in joined and "Notice to Improve" in joined

    # each letter sent with a kept copy is an exhibit; every label used is listed, and back
    letters = profile.store.read(
        lambda s: list(s.scalars(select(Letter.id).where(Letter.case_id == case_id)))
    )
    assert letters and set(letters) <= {e.letter_id for e in draft.exhibits}
    used = {label for p in paras for label in LABEL.findall(p)}
    assert used == {e.label for e in draft.exhibits}
    kept = [e for e in draft.exhibits if not e.provisional]
    assert {e.label for e in kept} == {"TZ/1", "TZ/2"}
    new = [e.label for e in draft.exhibits if e.provisional]
    assert new == [f"DO/{n}" for n in range(1, len(new) + 1)]
    first_use = sorted(new, key=lambda label: next(i for i, p in enumerate(paras) if label in p))
    assert first_use == new  # numbered in the order the statement refers to them


def test_the_period_falls_back_to_the_last_70_days_and_needs_a_register(
    profile: OpenProfile,
) -> None:
    def quiet_case(session):  # type: ignore[no-untyped-def]
        from officer_app.store.models import PenaltyNotice

        for case in session.scalars(select(Case).order_by(Case.reference)):
            busy = session.scalar(select(Interview.id).where(Interview.case_id == case.id))
            busy = busy or session.scalar(
                select(PenaltyNotice.id).where(PenaltyNotice.case_id == case.id)
            )
            if not busy and case.status == "open":
                return case.id
        raise AssertionError("no quiet case")

    case_id = profile.store.read(quiet_case)
    draft = profile.statements.draft_for_officer(case_id)
    today = DEMO_NOW.date()
    assert (draft.period_from, draft.period_to) == (
        today - dt.timedelta(days=70),
        today - dt.timedelta(days=1),
    )
    with pytest.raises(NoRegister, match="no register is held"):
        profile.statements.draft_for_officer(
            case_id, period_from=dt.date(2019, 1, 7), period_to=dt.date(2019, 2, 1)
        )


def test_every_saved_version_is_kept_and_the_database_refuses_to_change_one(
    profile: OpenProfile,
) -> None:
    service = profile.statements
    case_id = _case(profile)
    draft = service.draft_for_officer(case_id)
    made = service.create(
        case_id,
        witness_kind="officer",
        witness_name=draft.witness_name,
        occupation=draft.occupation,
        age_text=draft.age_text,
        paragraphs=draft.paragraphs,
        exhibits=draft.exhibits,
    )
    assert (made.status, made.latest_version) == ("draft", 1)
    same = service.save_version(made.id, list(made.paragraphs), version=made.version)
    assert same.latest_version == 1 and same.version == made.version  # nothing changed
    edited = [*made.paragraphs[:-1], made.paragraphs[-1] + " I have nothing to add."]
    second = service.save_version(made.id, edited, version=made.version)
    assert second.latest_version == 2 and second.paragraphs[-1].endswith("nothing to add.")
    with pytest.raises(StatementConflict):
        service.save_version(made.id, ["stale"], version=made.version)
    versions = service.versions(made.id)
    assert [v.number for v in versions] == [1, 2]
    assert versions[0].paragraphs == draft.paragraphs and versions[0].sha256 != versions[1].sha256

    def tamper(statement: str) -> None:
        def work(session) -> None:  # type: ignore[no-untyped-def]
            session.execute(text(statement), {"id": made.id})

        profile.store.write_wait(work)

    with pytest.raises(DatabaseError, match="cannot be changed"):
        tamper("UPDATE statement_version SET paragraphs = '[]' WHERE statement_id = :id")
    with pytest.raises(DatabaseError, match="cannot be deleted"):
        tamper("DELETE FROM statement_version WHERE statement_id = :id")
    assert [v.paragraphs for v in service.versions(made.id)] == [v.paragraphs for v in versions]


def test_signing_fixes_the_labels_seals_the_statement_and_freezes_it(
    profile: OpenProfile,
) -> None:
    service = profile.statements
    case_id = _case(profile)
    draft = service.draft_for_officer(case_id)
    made = service.create(
        case_id,
        witness_kind="officer",
        witness_name=draft.witness_name,
        occupation=draft.occupation,
        age_text=draft.age_text,
        paragraphs=draft.paragraphs,
        exhibits=draft.exhibits,
    )
    # another exhibit of the officer's is produced meanwhile: DO/1 is taken, so every
    # provisional label moves on by one, in the text too
    profile.store.write_wait(
        lambda s: new_exhibit(s, case_id, profile.officer.id, "A photograph", DEMO_NOW)
    )
    signed = service.sign(made.id)
    assert signed.status == "signed" and signed.entry_id and signed.pages
    assert signed.latest_version == 2  # the version signed, with its page count
    moved = {f"DO/{n}": f"DO/{n + 1}" for n in range(1, 30)}
    expected = [moved.get(e.label, e.label) for e in draft.exhibits]
    assert [e.label for e in signed.exhibits] == expected
    assert not any(e.provisional for e in signed.exhibits)
    used = {label for p in signed.paragraphs for label in LABEL.findall(p)}
    assert used == set(expected)

    def rows(session):  # type: ignore[no-untyped-def]
        exhibits = {
            x.label: x for x in session.scalars(select(Exhibit).where(Exhibit.case_id == case_id))
        }
        entry = session.get(ChronologyEntry, signed.entry_id)
        return exhibits, entry, evidence.verify(session, only_case=case_id)

    exhibits, entry, (checked, breaks) = profile.store.read(rows)
    assert set(expected) <= set(exhibits) and exhibits["DO/1"].description == "A photograph"
    for ref in signed.exhibits:
        if ref.entry_id:
            assert exhibits[ref.label].entry_id == ref.entry_id
    assert entry.entry_type == "statement" and entry.content_hash and entry.signed_at
    answers = entry.answers
    assert answers["kind"] == "witness_statement" and answers["version"] == 2
    assert answers["paragraphs"] == list(signed.paragraphs)
    assert answers["pages"] == signed.pages
    assert [e["label"] for e in answers["exhibits"]] == expected
    assert checked > 0 and breaks == []

    data = service.statement_pdf_for_pack(made.id)
    assert hashlib.sha256(data).hexdigest() == answers["pdf_sha256"]
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) == signed.pages
    first = " ".join(reader.pages[0].extract_text().split())
    assert f"consisting of {signed.pages} page(s)" in first
    assert "Dated: 20 November 2026" in " ".join(reader.pages[-1].extract_text().split())

    with pytest.raises(StatementRefused, match="never edited"):
        service.save_version(made.id, ["changed"], version=signed.version)
    with pytest.raises(StatementRefused, match="already signed"):
        service.sign(made.id)
    # a later statement of the officer's numbers on after the labels now fixed
    again = service.draft_for_officer(case_id)
    assert {e.label for e in again.exhibits} == set(expected)
    assert not any(e.provisional for e in again.exhibits)


def test_another_witness_is_typed_in_and_produced_in_the_same_form(
    profile: OpenProfile, tmp_path: Path
) -> None:
    service = profile.statements
    case_id = _case(profile)
    made = service.create(
        case_id,
        witness_kind="other",
        witness_name="Grace  Fairclough",
        occupation="Attendance lead, Ashby Vale Grammar School",
        age_text="",
        paragraphs=[
            "I am the attendance lead at Ashby Vale Grammar School.",
            "",
            "I produce the school's register for David Marin as exhibit GF/1.",
        ],
        exhibits=[ExhibitRef("GF/1", "Attendance register, autumn term 2026")],
    )
    assert made.witness_name == "Grace Fairclough" and made.age_text == "over 18"
    assert made.officer_id is None and len(made.paragraphs) == 2
    signed = service.sign(made.id)
    assert signed.status == "signed" and [e.label for e in signed.exhibits] == ["GF/1"]
    labels = profile.store.read(
        lambda s: set(s.scalars(select(Exhibit.label).where(Exhibit.case_id == case_id)))
    )
    assert "GF/1" not in labels  # the exhibit table holds officers' exhibits only
    out = tmp_path / "fairclough.pdf"
    pages = service.export_pdf(made.id, out)
    text_ = " ".join(PdfReader(out).pages[0].extract_text().split())
    assert pages == signed.pages == 1
    assert "Statement of: Grace Fairclough" in text_
    assert "Occupation: Attendance lead, Ashby Vale Grammar School" in text_
    assert "GF/1" in text_ and "consisting of 1 page(s)" in text_
    assert service.statements(case_id)[-1].id == made.id
