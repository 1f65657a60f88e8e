"""Interviews under caution (PACE Codes C and E): the caution's words, the topics a plan
covers, and the record of the interview as a sequence of timed events with the rules it
keeps.

Sources (domain.md, "Interview under caution"; reference/legal-domain.md, section 6):
- s67(9) Police and Criminal Evidence Act 1984: an LA investigator must have regard to the
  Codes of Practice.
- Code C 10.1: a person suspected of an offence is cautioned before any question about it.
- Code C 10.5: the words of the caution (:data:`CAUTION`).
- Code C 10.8: after a break the person is made aware they remain under caution, and if
  there is any doubt the caution is given again in full (paragraph text not retrieved into
  the reference: to be confirmed against the current Code C).
- Code C 11.4: a significant statement made before the interview is put to the person at
  its start, and they are asked whether they confirm or deny it and wish to add anything.
- Code C 11.7-11.11: the record shows the place, the times it begins and ends, every break,
  everyone present; the person is invited to read it and sign it as correct or to say what
  they disagree with; a refusal to sign is recorded.
- Code C 3.22: at home, "free to leave" means free to ask the officers to leave.

The record's times are the moments the officer pressed the keys (24-hour clock, UK time),
kept in UTC so that an interview running past midnight, or across the change to or from
summer time, stays in order.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any

from officer_app.clock import uk_local

# PACE Code C, paragraph 10.5 (domain.md quotes it): given in these exact words.
CAUTION = (
    "You do not have to say anything. But it may harm your defence if you do not mention "
    "when questioned something which you later rely on in court. Anything you do say may be "
    "given in evidence."
)
# PACE Code C, paragraph 10.8: after a break, the person is made aware they remain under
# caution (the words an officer uses; the full caution is given again when in doubt).
REMINDER = "You are still under caution."


class Offence(StrEnum):
    """The offence considered (s444 Education Act 1996; domain.md, "Offences")."""

    S444_1 = "s444_1"  # the child fails to attend regularly (strict liability)
    S444_1A = "s444_1a"  # the parent knew and failed without reasonable justification

    @property
    def label(self) -> str:
        return {
            Offence.S444_1: "s444(1) Education Act 1996: failure to secure regular attendance",
            Offence.S444_1A: (
                "s444(1A) Education Act 1996: knowingly failing to secure regular attendance"
            ),
        }[self]


@dataclass(frozen=True)
class Topic:
    key: str
    label: str
    source: str  # the statutory provision it answers to ("" for the officer's own topics)


# One topic for each statutory defence and one for s447 (issue 12, point 1; domain.md,
# "Offences, defences and time limits"; the subsections as in reference/legal-domain.md 4.2).
STATUTORY_TOPICS: tuple[Topic, ...] = (
    Topic("leave", "Absence with leave granted by the school", "s444(3)(a) Education Act 1996"),
    Topic(
        "sickness",
        "Sickness or any unavoidable cause that prevented attendance",
        "s444(2A) Education Act 1996",
    ),
    Topic(
        "religious_observance",
        "Days set apart for religious observance by the parent's religious body",
        "s444(3)(c) Education Act 1996",
    ),
    Topic(
        "travel",
        "Travel arrangements: walking distance and the LA's duty to arrange travel",
        "s444(3A)-(3D) Education Act 1996",
    ),
    Topic(
        "travelling_trade",
        "A trade or business that requires the parent to travel (200 sessions if 6 or over)",
        "s444(6) Education Act 1996",
    ),
    Topic(
        "eso",
        "Whether an Education Supervision Order was considered",
        "s447 Education Act 1996",
    ),
)


class EventKind(StrEnum):
    START = "start"
    CAUTION = "caution"  # the caution in full (text: CAUTION); flag: understood
    REMINDER = "reminder"  # after a break: told they remain under caution (Code C 10.8)
    QUESTION = "question"  # reason: why it came before the caution (an override)
    ANSWER = "answer"
    STATEMENT = "statement"  # a significant statement put (text); response: the reply
    EXHIBIT = "exhibit"  # a document shown (ref: its label; text: what it is)
    NOTE = "note"  # anything else the record must show (someone arrived, a phone rang)
    BREAK_START = "break_start"  # reason: why
    BREAK_END = "break_end"
    END = "end"
    READ = "read"  # invited to read the record: by "self" (read it) or "read_to"
    ADDENDUM = "addendum"  # what the person disagrees with, in their words; never an edit
    SIGNATURE = "signature"  # by: interviewee | interviewer | second; flag: signed or refused

    @property
    def label(self) -> str:
        return _KIND_LABELS[self]


_KIND_LABELS = {
    EventKind.START: "Interview started",
    EventKind.CAUTION: "Caution",
    EventKind.REMINDER: "Reminded of the caution",
    EventKind.QUESTION: "Q",
    EventKind.ANSWER: "A",
    EventKind.STATEMENT: "Significant statement put",
    EventKind.EXHIBIT: "Document shown",
    EventKind.NOTE: "Note",
    EventKind.BREAK_START: "Break",
    EventKind.BREAK_END: "Resumed",
    EventKind.END: "Interview ended",
    EventKind.READ: "Record read",
    EventKind.ADDENDUM: "Disagreement (addendum)",
    EventKind.SIGNATURE: "Signature",
}

# What may be recorded once the interview has ended (the closing, Code C 11.11).
CLOSING_KINDS = frozenset({EventKind.READ, EventKind.ADDENDUM, EventKind.SIGNATURE})
SIGNERS = ("interviewee", "interviewer", "second")


class InterviewRefused(ValueError):
    """The record cannot take this event; the message says why, for the officer."""


class CautionRequired(InterviewRefused):
    """A question about the offence before the caution (Code C 10.1): give the caution, or
    record why the question comes first."""


@dataclass(frozen=True)
class Event:
    kind: EventKind
    at: dt.datetime  # aware; stored in UTC
    text: str = ""
    by: str = ""  # who: interviewer | second | interviewee | solicitor | interpreter | …
    flag: bool | None = None  # caution understood; signed (True) or refused (False)
    reason: str = ""  # a break's reason; why a question came before the caution
    response: str = ""  # the reply to a significant statement or to the caution
    ref: str = ""  # an exhibit's label; a significant statement's source entry

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "kind": self.kind.value,
            "at": self.at.astimezone(dt.UTC).isoformat(),
        }
        for name in ("text", "by", "reason", "response", "ref"):
            value = getattr(self, name)
            if value:
                out[name] = value
        if self.flag is not None:
            out["flag"] = self.flag
        return out

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Event:
        at = dt.datetime.fromisoformat(str(data["at"]))
        if at.tzinfo is None:
            raise ValueError("an interview event's time must carry its time zone")
        flag = data.get("flag")
        return cls(
            kind=EventKind(str(data["kind"])),
            at=at,
            text=str(data.get("text", "")),
            by=str(data.get("by", "")),
            flag=None if flag is None else bool(flag),
            reason=str(data.get("reason", "")),
            response=str(data.get("response", "")),
            ref=str(data.get("ref", "")),
        )


@dataclass
class InterviewRecord:
    """The events of one interview, in the order they happened, and the rules they keep.

    :meth:`add` refuses what the record cannot hold (with :class:`InterviewRefused`), so a
    record built only through it always reads in order and never questions before a caution
    without a recorded reason."""

    events: list[Event] = field(default_factory=list)

    # ------------------------------------------------------------------ state
    @property
    def started(self) -> bool:
        return bool(self.events) and self.events[0].kind is EventKind.START

    @property
    def start(self) -> dt.datetime | None:
        return self.events[0].at if self.started else None

    @property
    def ended(self) -> bool:
        return any(e.kind is EventKind.END for e in self.events)

    @property
    def end(self) -> dt.datetime | None:
        return next((e.at for e in self.events if e.kind is EventKind.END), None)

    @property
    def last_at(self) -> dt.datetime | None:
        return self.events[-1].at if self.events else None

    @property
    def in_break(self) -> bool:
        state = False
        for event in self.events:
            if event.kind is EventKind.BREAK_START:
                state = True
            elif event.kind is EventKind.BREAK_END:
                state = False
        return state

    @property
    def cautioned(self) -> bool:
        """Whether the person has been cautioned at all."""
        return any(e.kind is EventKind.CAUTION for e in self.events)

    @property
    def under_caution(self) -> bool:
        """Whether questions about the offence may be put now: cautioned, and since the last
        break told they remain under caution or cautioned again (Code C 10.1, 10.8)."""
        state = False
        for event in self.events:
            if event.kind is EventKind.CAUTION:
                state = True
            elif event.kind is EventKind.REMINDER:
                state = state or self.cautioned
            elif event.kind is EventKind.BREAK_END:
                state = False
        return state and not self.in_break

    def breaks(self) -> list[tuple[dt.datetime, dt.datetime | None, str]]:
        """(start, end or None while it lasts, reason) of every break."""
        out: list[tuple[dt.datetime, dt.datetime | None, str]] = []
        for event in self.events:
            if event.kind is EventKind.BREAK_START:
                out.append((event.at, None, event.reason))
            elif event.kind is EventKind.BREAK_END and out and out[-1][1] is None:
                begun, _, reason = out[-1]
                out[-1] = (begun, event.at, reason)
        return out

    def signature(self, signer: str) -> Event | None:
        return next(
            (e for e in self.events if e.kind is EventKind.SIGNATURE and e.by == signer), None
        )

    def count(self, kind: EventKind) -> int:
        return sum(1 for e in self.events if e.kind is kind)

    # ------------------------------------------------------------------ rules
    def check(self, event: Event) -> None:
        """Raise :class:`InterviewRefused` if ``event`` cannot come next."""
        last = self.last_at
        if last is not None and event.at < last:
            raise InterviewRefused(
                f"times only go forward: {clock_time(event.at)} is before the last entry "
                f"at {clock_time(last)}"
            )
        kind = event.kind
        if not self.started:
            if kind is not EventKind.START:
                raise InterviewRefused("start the interview first: its start time comes first")
            return
        if kind is EventKind.START:
            raise InterviewRefused("the interview has already started")
        if self.ended:
            if kind not in CLOSING_KINDS:
                raise InterviewRefused(
                    "the interview has ended: only its reading, disagreements and "
                    "signatures can follow"
                )
            self._check_closing(event)
            return
        if kind in CLOSING_KINDS:
            raise InterviewRefused("end the interview before the record is read and signed")
        if self.in_break and kind is not EventKind.BREAK_END:
            raise InterviewRefused("the interview is in a break: resume it first")
        if kind is EventKind.BREAK_END and not self.in_break:
            raise InterviewRefused("there is no break to end")
        if kind is EventKind.BREAK_START and not event.reason.strip():
            raise InterviewRefused("say why the interview is breaking")
        if kind is EventKind.CAUTION and event.flag is None:
            raise InterviewRefused("record whether the person said they understood the caution")
        if kind is EventKind.REMINDER and not self.cautioned:
            raise InterviewRefused("the person has not been cautioned yet: give the caution")
        about_offence = kind in (EventKind.QUESTION, EventKind.STATEMENT, EventKind.EXHIBIT)
        if about_offence and not self.under_caution and not event.reason.strip():
            raise CautionRequired(
                "the person has not been told since the break that they remain under "
                "caution: remind them or caution them again (PACE Code C 10.8), or record "
                "why this must come first"
                if self.cautioned
                else "no caution has been given: a question about the offence comes after "
                "the caution (PACE Code C 10.1); give it, or record why this must come "
                "first"
            )
        worded = (EventKind.QUESTION, EventKind.ANSWER, EventKind.NOTE, EventKind.STATEMENT)
        if kind in worded and not event.text.strip():
            raise InterviewRefused("there is nothing to record: type the words first")

    def _check_closing(self, event: Event) -> None:
        if event.kind is EventKind.READ:
            if event.by not in ("self", "read_to"):
                raise InterviewRefused("say whether the person read the record or had it read")
            return
        if not any(e.kind is EventKind.READ for e in self.events):
            raise InterviewRefused(
                "invite the person to read the record (or read it to them) first"
            )
        if event.kind is EventKind.ADDENDUM:
            if self.signature("interviewee") is not None:
                raise InterviewRefused("the person has already signed or refused")
            if not event.text.strip():
                raise InterviewRefused("write down what the person disagrees with")
            return
        # a signature
        if event.by not in SIGNERS:
            raise InterviewRefused(f"unknown signer {event.by!r}")
        if event.flag is None:
            raise InterviewRefused("record whether they signed or refused")
        if self.signature(event.by) is not None:
            raise InterviewRefused(f"the {event.by} has already signed")
        if event.by != "interviewee":
            if self.signature("interviewee") is None:
                raise InterviewRefused("the person interviewed signs (or refuses) first")
            if event.flag is False:
                raise InterviewRefused("an officer signs the record they made")

    def add(self, event: Event) -> Event:
        self.check(event)
        self.events.append(event)
        return event

    def missing_for_seal(self, *, second_officer: bool) -> list[str]:
        """What must still happen before the record can be sealed (empty when ready)."""
        missing: list[str] = []
        if not self.started:
            missing.append("the interview has not started")
        if not self.cautioned:
            missing.append("no caution was given")
        if not self.ended:
            missing.append("the interview has not ended")
        if not any(e.kind is EventKind.READ for e in self.events):
            missing.append("the person has not been invited to read the record")
        for signer in ("interviewee", "interviewer") + (("second",) if second_officer else ()):
            if self.signature(signer) is None:
                missing.append(f"no signature (or refusal) from the {_SIGNER_NAMES[signer]}")
        return missing

    # ------------------------------------------------------------------ storage
    def to_json(self) -> list[dict[str, Any]]:
        return [e.to_json() for e in self.events]

    @classmethod
    def from_json(cls, data: Iterable[Mapping[str, Any]]) -> InterviewRecord:
        """A stored record, re-checked event by event (a damaged draft is refused, never
        half-read)."""
        record = cls()
        for item in data:
            record.add(Event.from_json(item))
        return record


_SIGNER_NAMES = {
    "interviewee": "person interviewed",
    "interviewer": "interviewer",
    "second": "second officer",
}


class StampClock:
    """The times an interview's events are stamped with.

    Wall-clock time read once, then carried forward on a monotonic clock, so a clock that is
    changed (or corrected by the network) during the interview cannot make a later event
    read as earlier; never before ``floor`` (the last event of a record reopened after a
    crash)."""

    def __init__(
        self,
        wall: Callable[[], dt.datetime],
        monotonic: Callable[[], float],
        floor: dt.datetime | None = None,
    ) -> None:
        self._wall0 = wall()
        self._mono0 = monotonic()
        self._monotonic = monotonic
        self._floor = floor

    def now(self) -> dt.datetime:
        moment = self._wall0 + dt.timedelta(seconds=self._monotonic() - self._mono0)
        moment = moment.replace(microsecond=0)
        if self._floor is not None and moment < self._floor:
            return self._floor
        return moment

    def raise_floor(self, at: dt.datetime) -> None:
        if self._floor is None or at > self._floor:
            self._floor = at


def clock_time(at: dt.datetime, *, since: dt.datetime | None = None) -> str:
    """``HH:MM`` on the 24-hour clock, UK time; with the date when it is not the day of
    ``since`` (an interview that ran past midnight: ``00:05 on Fri 4 Dec 2026``)."""
    local = uk_local(at)
    text = f"{local:%H:%M}"
    if since is not None and uk_local(since).date() != local.date():
        text += f" on {local:%a} {local.day} {local:%b %Y}"
    return text


def offset_label(at: dt.datetime, start: dt.datetime) -> str:
    """The time into the recording, ``HH:MM:SS`` from its start (an audio summary)."""
    seconds = max(0, int((at - start).total_seconds()))
    return f"{seconds // 3600:02d}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"


def with_text(event: Event, text: str) -> Event:
    return replace(event, text=text)


@dataclass(frozen=True)
class PlanWarning:
    key: str
    message: str


def plan_warnings(
    *,
    interviewee_age: int | None,
    vulnerable: bool,
    interpreter_flagged: bool,
    interpreter_planned: bool,
    appropriate_adult_planned: bool,
    language: str = "",
) -> list[PlanWarning]:
    """What a plan lacks for the person it interviews: an interpreter for someone flagged as
    needing one (Code C 13), an appropriate adult for someone under 18 or vulnerable (Code C
    1.4-1.7, 11.15)."""
    out: list[PlanWarning] = []
    if interpreter_flagged and not interpreter_planned:
        lang = f" ({language})" if language and language.lower() != "english" else ""
        out.append(
            PlanWarning(
                "interpreter",
                f"The person is recorded as needing an interpreter{lang} and none is planned.",
            )
        )
    if not appropriate_adult_planned:
        if interviewee_age is not None and interviewee_age < 18:
            out.append(
                PlanWarning(
                    "appropriate_adult",
                    f"The person is {interviewee_age}: someone under 18 needs an appropriate "
                    "adult, and none is planned.",
                )
            )
        elif vulnerable:
            out.append(
                PlanWarning(
                    "appropriate_adult",
                    "The person is flagged as vulnerable: they need an appropriate adult, and "
                    "none is planned.",
                )
            )
    return out


def age_on(born: dt.date, day: dt.date) -> int:
    years = day.year - born.year
    if (day.month, day.day) < (born.month, born.day):
        years -= 1
    return years
