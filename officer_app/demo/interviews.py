"""Interviews under caution in the synthetic caseload (issue 12, point 7).

For the cases ``interview_cases`` names, the generator's free-text interview entry is replaced
by what the application itself would have made, built with the service's own builders
(``services.interview_rows``) and the record's rules (``domain.interview``):

- an ``Interview`` row with its plan (the statutory topics and the officer's own, the
  significant statements to put, the documents to show);
- for an interview held, the record of interview: timed events (the caution before any
  question, a break and the caution again, the statements put, the documents shown as
  exhibits, 10 to 40 questions and answers, the reading, any disagreement, the signatures or a
  refusal), sealed into the case's chain as the service seals it, and the interviewer's
  exhibits (``XX/n``: the documents shown, then the record), numbered per officer per case;
- for one deferred because the person asked for legal advice, the signed note
  ``services.interviews.defer`` writes (and, for the ``solicitor`` kind, the interview held
  later with a solicitor present);
- for one planned, the plan only, for a day in the coming fortnight, with the invitation
  letter moved to the days before (``demo/letters.py`` prefills it from the plan).

The words are in ``resources/demo/interviews.yaml``. Everything about case ``i`` is drawn from
``(seed, "interview", i)``, never from the chronology's own generator, so the rest of every
case is as it was. The records are re-checked event by event as they are built
(:meth:`InterviewRecord.add`), so a demo record always keeps PACE's order.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from officer_app.clock import UK
from officer_app.demo import interview_cases as kinds
from officer_app.demo.casework import shipped_forms
from officer_app.demo.chronology import school_on_day
from officer_app.demo.common import ONE_DAY, new_uuid, ordered_id, seeded, uk_time
from officer_app.demo.data import demo_data
from officer_app.demo.interview_exchanges import exchanges, weekday_after, weekday_before
from officer_app.demo.stage_plans import E
from officer_app.demo.stage_plans import Event as StoryEvent
from officer_app.domain.interview import CAUTION, Event, EventKind, InterviewRecord, Offence
from officer_app.domain.school_year import school_year_start
from officer_app.services.interview_rows import (
    OPENING_FORM,
    PlanInput,
    PlannedDocument,
    PlannedStatement,
    PlannedTopic,
    RecordFacts,
    plan_json,
    present_from_opening,
    record_answers,
    record_text,
    record_title,
    statutory_topics,
)
from officer_app.store.models import ChronologyEntry, Exhibit, Interview
from officer_app.wording import day_month, long_date

if TYPE_CHECKING:
    from officer_app.demo.chronology import CaseContext
    from officer_app.demo.families import AdultPlan
    from officer_app.demo.team import Person

_DATA = demo_data("interviews")
ENTRY_COLUMNS = tuple(c.key for c in ChronologyEntry.__table__.columns)
INTERVIEW_COLUMNS = tuple(c.key for c in Interview.__table__.columns)
EXHIBIT_COLUMNS = tuple(c.key for c in Exhibit.__table__.columns)
_ENTRY_SEQ = 5000  # ids of the interview entries, after the chronology's own (ordered_id)


class CaseInterview:
    """The interview of one demo case, made as its chronology is written."""

    def __init__(self, seed: int, kind: str, ctx: CaseContext, today: dt.date) -> None:
        self.kind = kind
        self.ctx = ctx
        self.today = today
        self.rng = rng = seeded(seed, "interview", ctx.index)
        self.id = new_uuid(rng)
        self.interviewee = _interviewee(ctx.family.adults, kind)
        self.interviewer: Person = ctx.officer
        others = [p for p in ctx.team.officers if p.id != ctx.officer.id]
        self.second: Person = next((p for p in others if p.name == ctx.facts["second"]), others[0])
        self.done = False
        self.letter_seen: dt.date | None = None  # the day the invitation letter went
        self.entries: list[ChronologyEntry] = []
        self.interviews: list[dict[str, Any]] = []
        self.exhibits: list[dict[str, Any]] = []
        self.next_action: tuple[str, dt.date] | None = None
        self._exhibit_number = 0
        # the plan's particulars
        self.home = kind not in (kinds.SOLICITOR, kinds.INTERPRETER) and rng.random() < 0.25
        self.offence = Offence.S444_1A if rng.random() < 0.7 else Offence.S444_1
        self.audio = kind == kinds.COMPLETED and rng.random() < 0.25
        self.stance = "open" if rng.random() < 0.6 else "guarded"
        adult = self.interviewee
        self.interpreter = rng.choice(_DATA["INTERPRETERS"]) if adult.interpreter_needed else ""
        self.appropriate_adult: Sequence[str] = (
            rng.choice(_DATA["APPROPRIATE_ADULTS"]) if adult.vulnerable else ()
        )
        self.solicitor: Sequence[str] = rng.choice(_DATA["SOLICITORS"])
        self.facts = dict(ctx.facts)
        self.facts.update(adult.facts())
        sib = ctx.facts.get("sib", "")
        self.facts.update(
            he_cap=ctx.facts["he"].capitalize(),
            sib_or_child=sib.split(" (")[0] if sib else "a younger child",
            their_solicitor=self.solicitor[0],
        )
        # a planned interview: its letter goes in the last days, for a day in the coming weeks
        self.letter_day = weekday_before(today - dt.timedelta(days=rng.randint(3, 8)))
        self.planned_day = weekday_after(self.letter_day + dt.timedelta(days=rng.randint(10, 16)))

    # ------------------------------------------------------------------ the chronology's hooks
    def letter_event(self, event: StoryEvent) -> StoryEvent:
        """The invitation letter of a planned interview goes in the days before the plan's."""
        if self.kind == kinds.PLANNED:
            event = replace(event, day=self.letter_day)
        self.letter_seen = self.letter_seen or event.day
        return event

    def on_interview(self, event: StoryEvent) -> list[ChronologyEntry] | None:
        """The entries that replace the generator's interview entry (None: keep it)."""
        if self.done:
            return None
        self.done = True
        day = weekday_before(min(event.day, self.today - dt.timedelta(days=3)))
        if self.kind == kinds.PLANNED:
            self._planned()
        elif self.kind == kinds.DEFERRED:
            self._deferred(day, final=True)
        else:
            self._held(day)
        return self.entries

    def finish(self) -> list[ChronologyEntry]:
        """After the chronology: the interview of a case whose story had none (planned or
        deferred only; an interview held needs its day in the story)."""
        if self.done:
            return []
        self.done = True
        if self.kind == kinds.PLANNED:
            self._planned()
        elif self.kind == kinds.DEFERRED:
            back = dt.timedelta(days=self.rng.randint(7, 20))
            self._deferred(weekday_before(self.today - back), final=True)
        return self.entries

    def entry_rows(self) -> list[dict[str, Any]]:
        """The sealed entries as rows (after the chronology has sealed the case's chain)."""
        return [{k: getattr(e, k) for k in ENTRY_COLUMNS} for e in self.entries]

    # ------------------------------------------------------------------ the plan
    def _on_day(self, day: dt.date) -> None:
        """The facts of ``day``: the register's figures up to it, the school."""
        since, possible, present, _ = self.ctx.register.figures(day)
        self.facts.update(
            since=long_date(since),
            date=day_month(day),
            day_long=long_date(day),
            pct=f"{100.0 * present / possible if possible else 100.0:.1f}",
            poss=str(possible),
            miss=str(possible - present),
            school=school_on_day(self.ctx.child, day, self.today).name,
        )

    def _plan(self, day: dt.date, planned_for: dt.datetime) -> PlanInput:
        rng, fill = self.rng, self._fill
        self._on_day(day)
        # the offence period: the last 10 to 15 weeks, within the school year once it has run
        # for 7 weeks (the register extract shown covers the same days)
        period_from = day - dt.timedelta(days=rng.randint(70, 105))
        year_start = school_year_start(day)
        if period_from < year_start and (day - year_start).days >= 49:
            period_from = year_start
        # it ends before the plan is made and the invitation goes (the letter's own rule)
        letter = self.letter_seen if self.kind != kinds.PLANNED else self.letter_day
        end = letter if letter is not None and letter < day else day
        period_to = end - dt.timedelta(days=rng.randint(3, 10))
        register = self.ctx.register
        lo = bisect.bisect_left(register.dates, period_from)
        hi = bisect.bisect_right(register.dates, period_to)
        possible = register.possible[hi] - register.possible[lo]
        present = register.present[hi] - register.present[lo]
        self.facts.update(
            period_from=long_date(period_from),
            period_to=long_date(period_to),
            period_pct=f"{100.0 * present / possible if possible else 100.0:.1f}",
            period_possible=str(possible),
            period_missed=str(possible - present),
        )
        own = rng.sample(_DATA["OFFICER_TOPICS"], rng.randint(1, 2))
        topics = statutory_topics() + tuple(PlannedTopic(k, fill(label)) for k, label in own)
        statements = tuple(
            PlannedStatement(
                fill(text),
                f"{day - dt.timedelta(days=rng.randint(20, 80)):%Y-%m-%d} "
                f"{rng.randint(9, 16):02d}:{rng.choice((5, 15, 20, 40, 50)):02d}",
            )
            for text in rng.sample(_DATA["STATEMENTS"], rng.randint(1, 2))
        )
        others = rng.sample(_DATA["DOCUMENTS"][1:], rng.randint(0, 2))
        documents = tuple(
            PlannedDocument(fill(title)) for title in (_DATA["DOCUMENTS"][0], *others)
        )
        place = fill(_DATA["HOME_PLACE"] if self.home else _DATA["OFFICE_PLACE"])
        return PlanInput(
            interviewee_id=self.interviewee.id,
            offence=self.offence,
            period_from=period_from,
            period_to=period_to,
            place_kind="home" if self.home else "office",
            place=place,
            planned_for=planned_for,
            second_officer_id=self.second.id,
            recording="audio" if self.audio else "written",
            topics=topics,
            statements=statements,
            documents=documents,
            interpreter_language=self.interviewee.language if self.interpreter else "",
            interpreter_name=self.interpreter,
            appropriate_adult_name=self.appropriate_adult[0] if self.appropriate_adult else "",
            appropriate_adult_relationship=(
                self.appropriate_adult[1] if self.appropriate_adult else ""
            ),
            notes=fill(rng.choice(_DATA["PLAN_NOTES"])),
        )

    def _fill(self, text: str, **more: str) -> str:
        return text.format(**self.facts, **more) if "{" in text else text

    def _appointment(self, day: dt.date) -> dt.datetime:
        return uk_time(day, self.rng.choice((570, 600, 630, 660, 780, 810, 840, 900)))

    def _add_interview(
        self,
        plan: PlanInput,
        *,
        status: str,
        created: dt.datetime,
        updated: dt.datetime,
        version: int,
        reason: str = "",
        record_id: str | None = None,
    ) -> None:
        row = {
            "id": self.id,
            "case_id": self.ctx.case_id,
            "interviewee_id": plan.interviewee_id,
            "offence": plan.offence.value,
            "period_from": plan.period_from,
            "period_to": plan.period_to,
            "place_kind": plan.place_kind,
            "place": plan.place,
            "planned_for": plan.planned_for,
            "interviewer_id": self.interviewer.id,
            "second_officer_id": plan.second_officer_id,
            "recording": plan.recording,
            "plan": plan_json(plan),
            "status": status,
            "status_reason": reason,
            "record_id": record_id,
            "created_at": created,
            "updated_at": updated,
            "version": version,
        }
        assert set(row) == set(INTERVIEW_COLUMNS)
        self.interviews.append(row)

    def _created(self, start: dt.datetime) -> dt.datetime:
        """When the plan was made: a fortnight or so before, and before its letter went."""
        created = start - dt.timedelta(days=self.rng.randint(10, 20))
        if self.letter_seen is not None and self.letter_seen < start.date():
            created = min(created, uk_time(self.letter_seen - ONE_DAY, self.rng.randint(540, 960)))
        return created

    def _exhibit(self, description: str, at: dt.datetime, entry_id: str | None = None) -> str:
        """The interviewer's next exhibit on the case (services.interviews._new_exhibit)."""
        self._exhibit_number += 1
        label = f"{self.interviewer.initials.upper()}/{self._exhibit_number}"
        self.exhibits.append(
            {
                "id": new_uuid(self.rng),
                "case_id": self.ctx.case_id,
                "producer_id": self.interviewer.id,
                "number": self._exhibit_number,
                "label": label,
                "description": description[:300],
                "entry_id": entry_id,
                "attachment_id": None,
                "produced_at": at,
            }
        )
        return label

    def _started(self, plan: PlanInput, at: dt.datetime) -> PlanInput:
        """As ``InterviewService.start``: the plan's documents become exhibits."""
        if all(d.exhibit for d in plan.documents):
            return plan
        shown = tuple(replace(d, exhibit=self._exhibit(d.title, at)) for d in plan.documents)
        return replace(plan, documents=shown)

    # ------------------------------------------------------------------ the kinds
    def _planned(self) -> None:
        at = self._appointment(self.planned_day)
        plan = self._plan(self.planned_day, at)
        created = uk_time(self.letter_day, self.rng.randint(540, 600))
        self._add_interview(plan, status="planned", created=created, updated=created, version=1)
        when = f"{self.planned_day:%a %d %b} at {at.astimezone(UK):%H:%M}"
        self.next_action = (
            self._fill("Interview {pfull} under caution (" + when + ")"),
            self.planned_day,
        )

    def _opening(self, plan: PlanInput, legal_advice: str) -> dict[str, Any]:
        rng = self.rng
        opening: dict[str, Any] = {
            "identities_confirmed": True,
            "identity_notes": rng.choice(_DATA["IDENTITY_NOTES"]),
            "place_kind": plan.place_kind,
            "told_not_under_arrest": True,
            "told_legal_advice": True,
            "legal_advice": legal_advice,
            "interpreter_present": bool(self.interpreter),
            "appropriate_adult_present": bool(self.appropriate_adult),
            "recording": plan.recording,
        }
        # PACE Code C 3.22: at home, free to ask the officers to leave
        opening["told_may_ask_to_leave" if self.home else "told_free_to_leave"] = True
        words = {
            "declined": _DATA["LEGAL_ADVICE_DECLINED"],
            "requested": _DATA["LEGAL_ADVICE_REQUESTED"],
        }.get(legal_advice, ("",))
        said = rng.choice(words)
        if said:
            opening["legal_advice_words"] = said
        if legal_advice == "solicitor_present":
            opening["solicitor_name"], opening["solicitor_firm"] = self.solicitor
        if self.interpreter:
            opening["interpreter_name"] = self.interpreter
            opening["interpreter_language"] = self.interviewee.language
        if self.appropriate_adult:
            name, relationship = self.appropriate_adult
            opening["appropriate_adult_name"] = name
            opening["appropriate_adult_relationship"] = relationship
        if plan.recording == "audio":
            serial = rng.randint(10000, 99999)
            opening["master_media"] = f"NM-{serial}-M"
            opening["working_media"] = f"NM-{serial}-W"
            opening["master_seal"] = f"S{rng.randint(100000, 999999)}"
        return opening

    def _facts(self, plan: PlanInput, opening: dict[str, Any]) -> RecordFacts:
        """As ``services.interviews._facts``."""
        name = self.interviewee.full_name
        return RecordFacts(
            interview_id=self.id,
            offence=plan.offence,
            period_from=plan.period_from,
            period_to=plan.period_to,
            interviewee_id=self.interviewee.id,
            interviewee_name=name,
            place_kind=str(opening.get("place_kind") or plan.place_kind),
            place=plan.place,
            present=present_from_opening(
                opening,
                interviewer=self.interviewer.name,
                second=self.second.name,
                interviewee=name,
            ),
            opening=dict(opening),
            opening_form_version=1,
            topics=plan.topics,
            topics_covered=(),
            statements=plan.statements,
            documents=plan.documents,
            recording=str(opening.get("recording") or plan.recording),
        )

    def _entry(
        self, start: dt.datetime, recorded: dt.datetime, title: str, body: str
    ) -> ChronologyEntry:
        author = self.interviewer.id
        entry = ChronologyEntry(
            id=ordered_id(self.ctx.id_prefix, self.ctx.index, 2, _ENTRY_SEQ + len(self.entries)),
            case_id=self.ctx.case_id,
            entry_type=E.INTERVIEW.value,
            occurred_at=start,
            recorded_at=recorded,
            author_id=author,
            title=title,
            body=body,
            amends_id=None,
            amend_reason="",
            form_id=None,
            form_version=None,
            answers=None,
            signed_at=recorded,
            signed_by=author,
            chain_seq=None,
            prev_hash=None,
            content_hash=None,
        )
        self.entries.append(entry)
        return entry

    def _deferred(self, day: dt.date, *, final: bool) -> PlanInput:
        """Stopped at the opening: the person asked for legal advice (Code C 6.1). The note is
        the one ``InterviewService.defer`` signs."""
        rng, fill = self.rng, self._fill
        start = self._appointment(day)
        plan = self._started(self._plan(day, start), start)
        opening = self._opening(plan, "requested")
        record = InterviewRecord()
        t = start
        record.add(Event(EventKind.START, t, by="interviewer"))
        t += dt.timedelta(seconds=rng.randint(180, 420))
        record.add(Event(EventKind.NOTE, t, fill(rng.choice(_DATA["DEFER_NOTES"]))))
        t += dt.timedelta(seconds=rng.randint(30, 120))
        record.add(Event(EventKind.END, t, by="interviewer"))
        reason = fill(rng.choice(_DATA["DEFER_REASONS"]))
        text = record_text(self._facts(plan, opening), record)
        recorded = t + dt.timedelta(minutes=rng.randint(2, 15))
        self._entry(
            start,
            recorded,
            record_title(self.interviewee.full_name, deferred=True),
            f"Deferred: {reason}\n{text}",
        )
        if final:
            created = self._created(start)
            self._add_interview(
                plan,
                status="deferred",
                created=created,
                updated=recorded,
                version=3,
                reason=reason,
            )
            follow = fill("Re-arrange the interview under caution with {pfull} (legal advice)")
            self.next_action = (follow, weekday_after(day + dt.timedelta(days=14)))
        return plan

    def _held(self, day: dt.date) -> None:
        rng = self.rng
        version = 3  # planned, started, sealed
        created: dt.datetime | None = None
        plan: PlanInput | None = None
        if self.kind == kinds.SOLICITOR:  # deferred for legal advice first
            first = weekday_before(day - dt.timedelta(days=rng.randint(10, 24)))
            plan = self._deferred(first, final=False)
            created = self._created(uk_time(first, 540))
            version = 6  # planned, started, deferred, planned again, started, sealed
        start = self._appointment(day)
        if plan is None:
            plan = self._plan(day, start)
        else:
            self._on_day(day)
            plan = replace(plan, planned_for=start)
        plan = self._started(plan, start)
        advice = "solicitor_present" if self.kind == kinds.SOLICITOR else "declined"
        opening = self._opening(plan, advice)
        record, covered = self._record(start, plan, advice == "solicitor_present")
        signed = (record.last_at or start) + dt.timedelta(minutes=rng.randint(3, 20))
        record_facts = self._facts(plan, opening)
        record_facts.opening_form_version = shipped_forms().get(OPENING_FORM).version
        record_facts.topics_covered = covered
        record_facts.exhibit = f"{self.interviewer.initials.upper()}/{self._exhibit_number + 1}"
        entry = self._entry(
            start,
            signed,
            record_title(self.interviewee.full_name),
            record_text(record_facts, record),
        )
        entry.answers = record_answers(record_facts, record)
        label = self._exhibit(
            f"Record of interview with {self.interviewee.full_name}", signed, entry.id
        )
        assert label == record_facts.exhibit
        self._add_interview(
            plan,
            status="completed",
            created=created or self._created(start),
            updated=signed,
            version=version,
            record_id=entry.id,
        )

    # ------------------------------------------------------------------ the record
    def _record(
        self, start: dt.datetime, plan: PlanInput, solicitor: bool
    ) -> tuple[InterviewRecord, list[str]]:
        rng, fill = self.rng, self._fill
        pace = 1.7 if self.interpreter else 1.0  # everything said twice
        record = InterviewRecord()
        clock = [start]

        def add(kind: EventKind, low: int, high: int, text: str = "", **rest: Any) -> None:
            clock[0] += dt.timedelta(seconds=int(rng.randint(low, high) * pace))
            record.add(Event(kind, clock[0], text, **rest))

        record.add(Event(EventKind.START, start, by="interviewer"))
        caution_replies = (
            _DATA["CAUTION_REPLIES_INTERPRETED"] if self.interpreter else _DATA["CAUTION_REPLIES"]
        )
        add(EventKind.CAUTION, 150, 360, CAUTION, flag=True, response=rng.choice(caution_replies))
        if self.interpreter:
            note = f"{self.interpreter} interpreted the caution, the questions and the answers "
            add(EventKind.NOTE, 10, 40, note + f"into and from {self.interviewee.language}.")
        if solicitor:
            prepared = fill(rng.choice(_DATA["PREPARED_STATEMENTS"]))
            add(EventKind.NOTE, 30, 90, f"{self.solicitor[0]} read a prepared statement: "
                f"\"{prepared}\"")  # fmt: skip
        for statement in plan.statements:
            reply = "No comment." if solicitor else rng.choice(_DATA["STATEMENT_REPLIES"])
            add(EventKind.STATEMENT, 40, 120, statement.text, response=reply)
        for document in plan.documents:
            add(EventKind.EXHIBIT, 30, 90, document.title, ref=document.exhibit)
        register = plan.documents[0].exhibit
        exchanges = self._exchanges(plan, register, solicitor)
        breaking = self.kind in (kinds.SOLICITOR, kinds.INTERPRETER, kinds.REFUSED) or (
            rng.random() < 0.5
        )
        pause_at = len(exchanges) // 2 + rng.randint(-2, 2) if breaking else -1
        for n, (question, answer) in enumerate(exchanges):
            if n == pause_at:
                reasons = [
                    r
                    for r in _DATA["BREAK_REASONS"]
                    if ("solicitor" not in r or solicitor)
                    and ("interpreter" not in r or self.interpreter)
                ]
                add(EventKind.BREAK_START, 20, 60, reason=fill(rng.choice(reasons)))
                add(EventKind.BREAK_END, 360, 1200)
                again = self.kind in (kinds.SOLICITOR, kinds.INTERPRETER) or rng.random() < 0.5
                if again:  # cautioned again in full (Code C 10.8)
                    add(EventKind.CAUTION, 20, 60, CAUTION, flag=True,
                        response=rng.choice(caution_replies))  # fmt: skip
                else:
                    add(EventKind.REMINDER, 20, 60, response=rng.choice(_DATA["REMINDER_REPLIES"]))
            add(EventKind.QUESTION, 40, 150, question)
            add(EventKind.ANSWER, 15, 110, answer)
        add(EventKind.END, 40, 120, by="interviewer")
        read_to = bool(self.interpreter) or rng.random() < 0.2
        add(EventKind.READ, 60, 180, by="read_to" if read_to else "self")
        refused = self.kind == kinds.REFUSED
        if refused or rng.random() < 0.08:
            add(EventKind.ADDENDUM, 240, 600, fill(rng.choice(_DATA["ADDENDA"])))
        if refused:
            add(EventKind.SIGNATURE, 30, 90, fill(rng.choice(_DATA["REFUSALS"])),
                by="interviewee", flag=False)  # fmt: skip
        else:
            add(EventKind.SIGNATURE, 240, 600, by="interviewee", flag=True)
        add(EventKind.SIGNATURE, 20, 60, by="interviewer", flag=True)
        add(EventKind.SIGNATURE, 20, 60, by="second", flag=True)
        return record, [t.key for t in plan.topics]

    def _exchanges(self, plan: PlanInput, register: str, solicitor: bool) -> list[tuple[str, str]]:
        """The questions and answers, in the order an officer would put them."""
        return exchanges(self.rng, self.stance, plan, register, solicitor, self._fill)


def _interviewee(adults: Sequence[AdultPlan], kind: str) -> AdultPlan:
    """The parent with parental responsibility living with the child (the one who needs an
    interpreter, for the interpreter's case), else the first with it."""
    parents = [a for a in adults if a.parental_responsibility] or list(adults)
    if kind == kinds.INTERPRETER:
        needing = [a for a in parents if a.interpreter_needed]
        if needing:
            return needing[0]
    return next((a for a in parents if a.lives_with_child), parents[0])


def case_interview(seed: int, ctx: CaseContext, today: dt.date) -> CaseInterview | None:
    """The interview case ``ctx`` holds, if ``interview_cases`` gives it one."""
    kind = kinds.interview_kind(seed, ctx.index)
    if kind is None or not ctx.family.adults:
        return None
    return CaseInterview(seed, kind, ctx, today)
