"""Kinds of chronology entry: the spine of every case."""

from __future__ import annotations

from enum import StrEnum


class EntryType(StrEnum):
    REFERRAL = "referral"
    ALLOCATION = "allocation"
    HOME_VISIT = "home_visit"
    PHONE_CALL = "phone_call"
    SCHOOL_VISIT = "school_visit"
    MEETING = "meeting"
    EMAIL = "email"
    LETTER = "letter"
    NOTE = "note"
    ASSESSMENT = "assessment"
    PLAN = "plan"
    REVIEW = "review"
    SAFEGUARDING = "safeguarding"
    ATTENDANCE = "attendance"
    PENALTY_NOTICE = "penalty_notice"
    INTERVIEW = "interview"
    STATEMENT = "statement"
    COURT = "court"
    SUPERVISION = "supervision"
    STAGE_CHANGE = "stage_change"
    CLOSURE = "closure"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()


# Entries that count as contact with the child or family (days since last contact).
CONTACT_TYPES: frozenset[EntryType] = frozenset(
    {EntryType.HOME_VISIT, EntryType.PHONE_CALL, EntryType.MEETING, EntryType.INTERVIEW}
)
