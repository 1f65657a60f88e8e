"""Unsigned entries (issue 11 point 6): listed, finished and signed, or discarded with a reason;
and the time a quick note's event happened."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from officer_app.clock import UK
from officer_app.services.case_file import NoteRefused
from officer_app.services.profile import OpenProfile
from officer_app.services.unsigned_entries import UnsignedEntryInfo
from officer_app.store import evidence
from officer_app.store.models import Case, ChronologyEntry, OutboxMutation


def _mine(profile: OpenProfile) -> UnsignedEntryInfo:
    found = profile.cases.unsigned.caseload()
    assert found, "the demo caseload has unsigned entries by its officer"
    return found[0]


def _referral(profile: OpenProfile, case_id: str) -> dt.date:
    return profile.store.read(lambda s: s.get_one(Case, case_id).referral_date)


def test_the_caseload_lists_only_the_officers_own_unsigned_entries(
    demo_profile: OpenProfile,
) -> None:
    mine = demo_profile.cases.unsigned.caseload()
    assert mine and all(e.mine for e in mine)
    assert all(e.case_reference and e.child_name for e in mine)
    everyone = demo_profile.store.read(
        lambda s: s.scalar(
            select(ChronologyEntry.id).where(ChronologyEntry.signed_at.is_(None)).limit(1)
        )
    )
    assert everyone is not None
    one_case = demo_profile.cases.unsigned.for_case(mine[0].case_id)
    assert mine[0].entry_id in {e.entry_id for e in one_case}


def test_finish_and_sign_seals_the_edited_entry_into_the_chain(
    demo_profile: OpenProfile, clock
) -> None:  # type: ignore[no-untyped-def]
    entry = _mine(demo_profile)
    when = clock.now() - dt.timedelta(hours=2)
    signed = demo_profile.cases.unsigned.finish_and_sign(
        entry.entry_id, "Call with Mum", "Mum says the bus was late all week.", when
    )
    assert signed.signed and signed.id == entry.entry_id
    assert signed.title == "Call with Mum" and signed.occurred_at == when
    assert signed.signed_at == clock.now()
    _checked, breaks = demo_profile.store.read(
        lambda s: evidence.verify(s, only_case=entry.case_id)
    )
    assert breaks == []
    assert entry.entry_id not in {e.entry_id for e in demo_profile.cases.unsigned.caseload()}
    with pytest.raises(NoteRefused, match="already signed"):
        demo_profile.cases.unsigned.finish_and_sign(entry.entry_id, "", "again", when)


def test_discard_removes_the_entry_and_signs_why(demo_profile: OpenProfile) -> None:
    entry = _mine(demo_profile)
    done = demo_profile.cases.unsigned.discard(entry.entry_id, "  written on the wrong case ")
    assert done.record.signed
    assert done.record.body.startswith("Unsigned entry discarded: ")
    assert done.record.body.endswith(" - written on the wrong case")
    gone = demo_profile.store.read(lambda s: s.get(ChronologyEntry, entry.entry_id))
    assert gone is None
    detail = demo_profile.cases.open_case(entry.case_id)
    assert any(e.title == "Unsigned entry discarded" for e in detail.entries)
    deleted = demo_profile.store.read(
        lambda s: s.scalar(
            select(OutboxMutation.op).where(OutboxMutation.entity_id == entry.entry_id)
        )
    )
    assert deleted == "delete"  # the removal goes to the central store like any change


def test_nothing_changes_without_a_reason_or_text(demo_profile: OpenProfile, clock) -> None:  # type: ignore[no-untyped-def]
    entry = _mine(demo_profile)
    with pytest.raises(NoteRefused, match=r"^reason: "):
        demo_profile.cases.unsigned.discard(entry.entry_id, "   ")
    with pytest.raises(NoteRefused, match=r"^text: "):
        demo_profile.cases.unsigned.finish_and_sign(entry.entry_id, "T", " ", clock.now())
    assert entry.entry_id in {e.entry_id for e in demo_profile.cases.unsigned.caseload()}


def test_only_the_author_may_finish_or_discard(demo_profile: OpenProfile, clock) -> None:  # type: ignore[no-untyped-def]
    theirs = demo_profile.store.read(
        lambda s: s.scalar(
            select(ChronologyEntry.id).where(
                ChronologyEntry.signed_at.is_(None),
                ChronologyEntry.author_id != demo_profile.officer.id,
            )
        )
    )
    if theirs is None:
        pytest.skip("every unsigned entry in this demo is the officer's own")
    with pytest.raises(NoteRefused, match="who wrote this entry, can discard it"):
        demo_profile.cases.unsigned.discard(theirs, "not mine")
    with pytest.raises(NoteRefused, match="who wrote this entry, can finish and sign it"):
        demo_profile.cases.unsigned.finish_and_sign(theirs, "", "text", clock.now())


def test_the_time_it_happened_is_refused_in_the_future(demo_profile: OpenProfile, clock) -> None:  # type: ignore[no-untyped-def]
    entry = _mine(demo_profile)
    later = clock.now() + dt.timedelta(minutes=1)
    with pytest.raises(NoteRefused, match="in the future"):
        demo_profile.cases.unsigned.finish_and_sign(entry.entry_id, "", "text", later)
    with pytest.raises(NoteRefused, match="in the future"):
        demo_profile.cases.sign_note(entry.case_id, "text", occurred_at=later)
    signed = demo_profile.cases.sign_note(entry.case_id, "text", occurred_at=clock.now())
    assert signed.occurred_at == clock.now()  # now itself is allowed


def test_the_time_it_happened_is_refused_before_the_referral(demo_profile: OpenProfile) -> None:
    entry = _mine(demo_profile)
    referral = _referral(demo_profile, entry.case_id)
    day_before = dt.datetime.combine(referral - dt.timedelta(days=1), dt.time(23, 59), tzinfo=UK)
    day_of = dt.datetime.combine(referral, dt.time(0, 0), tzinfo=UK)
    day_after = dt.datetime.combine(referral + dt.timedelta(days=1), dt.time(9), tzinfo=UK)
    with pytest.raises(NoteRefused, match="before the referral"):
        demo_profile.cases.sign_note(entry.case_id, "text", occurred_at=day_before)
    assert demo_profile.cases.sign_note(entry.case_id, "a", occurred_at=day_of).signed
    assert demo_profile.cases.sign_note(entry.case_id, "b", occurred_at=day_after).signed


def test_a_drafts_time_it_happened_is_kept(demo_profile: OpenProfile, clock) -> None:  # type: ignore[no-untyped-def]
    entry = _mine(demo_profile)
    when = clock.now() - dt.timedelta(hours=3)
    demo_profile.cases.save_draft(entry.case_id, "typing", occurred_at=when)
    draft = demo_profile.cases.open_case(entry.case_id).draft
    assert draft is not None and draft.occurred_at == when
    demo_profile.cases.save_draft(entry.case_id, "typing more")
    draft = demo_profile.cases.open_case(entry.case_id).draft
    assert draft is not None and draft.occurred_at is None  # following "now" again
