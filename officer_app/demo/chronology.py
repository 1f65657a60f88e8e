"""A demo case's chronology: each entry written from the case's facts in the officer's prose,
signed and sealed into the case's evidence chain, with the odd amendment."""

from __future__ import annotations

import bisect
import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from officer_app.clock import UK
from officer_app.demo import names, prose, terms
from officer_app.demo.common import (
    ONE_DAY,
    ordered_id,
    seeded,
    uk_time,
    weighted,
)
from officer_app.demo.families import ChildPlan, FamilyPlan
from officer_app.demo.registers import Register
from officer_app.demo.stage_plans import (
    AT_SCHOOL,
    CLOSED_FROM,
    FILLERS,
    OPEN_PATH,
    E,
    Event,
    mandatory_events,
    stage_phases,
)
from officer_app.demo.team import Person, SchoolInfo, Team
from officer_app.domain.chronology import EntryType
from officer_app.domain.closure import Figure, closure_entry_text
from officer_app.domain.school_year import school_year_start
from officer_app.domain.stages import Stage
from officer_app.services.builders import amendment_title
from officer_app.services.referral_rows import ReferralText
from officer_app.store.evidence import seal_new_chain
from officer_app.store.models import (
    ChronologyEntry,
)
from officer_app.wording import clock, day_month, long_date

if TYPE_CHECKING:
    from officer_app.demo.interviews import CaseInterview


# --------------------------------------------------------------------------------- cases
@dataclass
class CaseContext:
    index: int
    case_id: str
    child: ChildPlan
    family: FamilyPlan
    officer: Person
    team: Team
    stage: Stage
    referral_date: dt.date
    closed_on: dt.date | None
    closure_reason: str
    register: Register
    facts: dict[str, str]
    siblings: str
    id_prefix: int
    # a closed case: its reason as recorded and the attendance before and after
    closure: tuple[str, Figure, Figure] | None = None
    # The "Referral received" entry, as the referral service writes it (services.referral_rows)
    referral_text: ReferralText | None = None
    # The case's interview under caution, made with the service's builders (demo/interviews.py)
    interview: CaseInterview | None = None


def base_facts(
    child: ChildPlan,
    family: FamilyPlan,
    officer: Person,
    team: Team,
    rng: random.Random,
    siblings: str,
) -> dict[str, str]:
    he, his, him = ("he", "his", "him") if child.gender == "M" else ("she", "her", "her")
    main = next((a for a in family.adults if a.lives_with_child), family.adults[0])
    others = [a for a in family.adults if a is not main]
    other = others[0].title_name if others else f"{child.forename}'s grandad"
    second = rng.choice([p for p in team.officers if p.id != officer.id])
    staff = rng.sample(names.STAFF_NAMES, 2)
    language = next((a.language for a in family.adults if a.language != "English"), "English")
    address = family.address_line1 + (f", {family.address_line2}" if family.address_line2 else "")
    return {
        "c": child.forename,
        "cfull": f"{child.forename} {child.surname}",
        "he": he,
        "his": his,
        "him": him,
        "yr": child.year_label,
        **main.facts(),
        "o": other,
        "lang": language,
        "sib": siblings,
        "officer": officer.name,
        "initials": officer.initials,
        "sup": team.supervisor.name,
        "court_officer": team.court_officer.name,
        "second": second.name,
        "addr": address,
        "court": names.COURT_NAME,
        "staff_a": staff[0],
        "staff_b": staff[1],
    }


# The entries whose prose needs nothing but the facts.
_PLAIN_PROSE: dict[EntryType, Callable[[random.Random, prose.Facts], prose.Written]] = {
    E.REFERRAL: prose.referral,
    E.ALLOCATION: prose.allocation,
    E.HOME_VISIT: prose.home_visit,
    E.PHONE_CALL: prose.phone_call,
    E.SCHOOL_VISIT: prose.school_visit,
    E.EMAIL: prose.email,
    E.NOTE: prose.note,
    E.ASSESSMENT: prose.assessment,
    E.PLAN: prose.plan,
    E.REVIEW: prose.review,
    E.SAFEGUARDING: prose.safeguarding,
    E.ATTENDANCE: prose.attendance,
    E.INTERVIEW: prose.interview,
    E.STATEMENT: prose.statement,
}


def _write(
    rng: random.Random, ctx: CaseContext, event: Event, facts: dict[str, str]
) -> prose.Written:
    t = event.entry_type
    plain = _PLAIN_PROSE.get(t)
    if plain is not None:
        written = plain(rng, facts)  # drawn even when replaced: the rest of the story stays
        if t == E.REFERRAL and ctx.referral_text is not None:
            return prose.Written(ctx.referral_text.title, ctx.referral_text.body)
        return written
    if t == E.MEETING:
        if event.variant == "contract":
            return prose.Written(
                "Attendance contract meeting",
                f"Attendance contract agreed with {facts['p']} at {facts['school']}: "
                f"{facts['c']} to attend every day and arrive by 08:40; school to provide a "
                f"morning check-in. Review on {facts['nextdate']}.",
            )
        return prose.meeting(rng, facts)
    if t == E.LETTER:
        if event.variant == "nti":
            title, body = prose.FORMAL_LETTERS[0]
            return prose.Written(title, body.format(**facts))
        if event.variant == "interview":
            title, body = prose.LEGAL_LETTERS[0]
            return prose.Written(title, body.format(**facts))
        return prose.letter(rng, facts, event.phase.value)
    if t == E.PENALTY_NOTICE:
        return prose.penalty_notice(rng, facts, issued=event.variant == "issued")
    if t == E.COURT:
        return prose.court(rng, facts, event.variant)
    if t == E.SUPERVISION:
        if event.variant == "nti":
            body = prose.SUPERVISION[prose.SUPERVISION_NTI].format(**facts)
            return prose.Written("Supervision", body)
        if event.variant == "legal":
            body = prose.SUPERVISION[prose.SUPERVISION_LEGAL].format(**facts)
            return prose.Written("Supervision", body)
        return prose.supervision(rng, facts, event.phase.value)
    if t == E.STAGE_CHANGE:
        old, new = event.variant.split(">")
        return prose.stage_change(rng, facts, old, new)
    if t == E.CLOSURE and ctx.closure is not None:
        # the service's own wording (services/case_stages.py closes through the same builder)
        return prose.Written(*closure_entry_text(event.phase, *ctx.closure))
    return prose.note(rng, facts)


def chronology_rows(
    seed: int, ctx: CaseContext, today: dt.date, target: int
) -> list[dict[str, Any]]:
    rng = seeded(seed, "chronology", ctx.index)
    horizon = today - ONE_DAY
    end = ctx.closed_on or horizon
    if ctx.stage == Stage.CLOSED:
        reached: Stage = weighted(rng, CLOSED_FROM)
        path = OPEN_PATH[: OPEN_PATH.index(reached) + 1]
        if reached == Stage.MONITORING:
            path = OPEN_PATH  # through court to monitoring
    else:
        path = OPEN_PATH[: OPEN_PATH.index(ctx.stage) + 1]
    phases = stage_phases(rng, path, ctx.referral_date, end)
    events = mandatory_events(
        rng, phases, ctx.stage if ctx.stage != Stage.CLOSED else path[-1], ctx.closed_on
    )
    amend = len(events) + 3 < target and rng.random() < (0.04 if ctx.index else 1.0)
    mandatory = len(events)
    fillers = max(0, target - mandatory)
    allocated_day = phases[1][1] if len(phases) > 1 else None
    working = terms.weekdays(ctx.referral_date, end) or [ctx.referral_date]
    filler_phases = [p for p in phases if p[0] != Stage.REFERRAL] or phases
    lengths = [(p[2] - p[1]).days + 1 for p in filler_phases]
    for _ in range(fillers):
        stage, first, last = rng.choices(filler_phases, weights=lengths)[0]
        lo = bisect.bisect_left(working, first)
        hi = bisect.bisect_right(working, last)
        day = working[rng.randrange(lo, hi)] if hi > lo else first
        earliest = 600 if day in (allocated_day, ctx.referral_date) else 510
        entry_type: EntryType = weighted(rng, FILLERS[stage])
        if entry_type in AT_SCHOOL and not terms.is_session_day(day):
            entry_type = weighted(rng, [f for f in FILLERS[stage] if f[0] not in AT_SCHOOL])
        events.append(Event(day, rng.randint(earliest, 955), entry_type, stage, "filler"))
    events.sort(key=lambda e: (e.day, e.minute, e.entry_type != E.REFERRAL))

    facts_base = ctx.facts
    staff = (facts_base["staff_a"], "attendance lead"), (facts_base["staff_b"], None)
    rows: list[ChronologyEntry] = []
    filler_rows: list[int] = []
    signed_before = uk_time(today - dt.timedelta(days=2), 0)
    interview = ctx.interview
    for event in events:
        if interview is not None and event.entry_type == E.LETTER and event.variant == "interview":
            event = interview.letter_event(event)
        occurred = uk_time(event.day, event.minute)
        since, possible, present, unauth = ctx.register.figures(event.day)
        pct = 100.0 * present / possible if possible else 100.0
        staff_name, staff_role = staff[rng.random() < 0.4]
        profrole, prof = prose.professional(rng)
        facts = dict(facts_base)
        facts.update(
            time=f"{event.minute // 60:02d}:{event.minute % 60:02d}",
            end=f"{(event.minute + 50) // 60:02d}:{(event.minute + 50) % 60:02d}",
            date=day_month(event.day),
            nextdate=day_month(event.day + dt.timedelta(days=rng.randint(7, 21))),
            since=long_date(since),
            pct=f"{pct:.1f}",
            poss=str(possible),
            miss=str(possible - present),
            unauth=str(unauth),
            staff=staff_name,
            staffrole=staff_role or rng.choice(names.SCHOOL_STAFF_ROLES),
            profrole=profrole,
            prof=prof,
            school=school_on_day(ctx.child, event.day, today).name,
            interp=f" and a {facts_base['lang']} interpreter"
            if facts_base["lang"] != "English"
            else "",
        )
        facts["worry"] = prose.worry(rng, facts)
        written = _write(rng, ctx, event, facts)
        author = ctx.team.supervisor.id if event.entry_type == E.SUPERVISION else ctx.officer.id
        delay = rng.randint(10, 150) if event.entry_type == E.HOME_VISIT else rng.randint(1, 25)
        recorded = occurred + dt.timedelta(minutes=delay)
        signed = occurred < signed_before
        if event.variant == "filler":
            filler_rows.append(len(rows))
        rows.append(
            ChronologyEntry(
                id=ordered_id(ctx.id_prefix, ctx.index, 2, len(rows)),
                case_id=ctx.case_id,
                entry_type=event.entry_type.value,
                occurred_at=occurred,
                recorded_at=recorded,
                author_id=author,
                title=written.title[:200],
                body=written.body,
                amends_id=None,
                amend_reason="",
                signed_at=recorded + dt.timedelta(minutes=rng.randint(1, 30)) if signed else None,
                signed_by=author if signed else None,
                chain_seq=None,
                prev_hash=None,
                content_hash=None,
            )
        )
        if interview is not None and event.entry_type == E.INTERVIEW:
            made = interview.on_interview(event)  # the structured record replaces the prose
            if made is not None:
                rows.pop()
                rows += made
    if interview is not None:
        rows += interview.finish()
    if amend:
        _add_amendment(rng, ctx, rows, filler_rows, end, signed_before)
    rows.sort(key=lambda r: r.occurred_at)
    signed_rows = sorted(
        (r for r in rows if r.signed_at is not None), key=lambda r: r.signed_at or r.occurred_at
    )
    seal_new_chain(signed_rows)
    structured = {id(r) for r in interview.entries} if interview is not None else set()
    return [
        {
            "id": r.id,
            "case_id": r.case_id,
            "entry_type": r.entry_type,
            "occurred_at": r.occurred_at,
            "recorded_at": r.recorded_at,
            "author_id": r.author_id,
            "title": r.title,
            "body": r.body,
            "amends_id": r.amends_id,
            "amend_reason": r.amend_reason,
            "signed_at": r.signed_at,
            "signed_by": r.signed_by,
            "chain_seq": r.chain_seq,
            "prev_hash": r.prev_hash,
            "content_hash": r.content_hash,
        }
        for r in rows
        if id(r) not in structured  # written with their answers by the interview (entry_rows)
    ]


def _add_amendment(
    rng: random.Random,
    ctx: CaseContext,
    rows: list[ChronologyEntry],
    filler_rows: list[int],
    end: dt.date,
    signed_before: dt.datetime,
) -> None:
    """Add a signed correction of an earlier signed visit or call, in the place of one filler
    entry (so the case keeps its number of entries)."""
    latest = min(uk_time(end, 0), signed_before) - dt.timedelta(days=5)
    candidates = [
        r
        for r in rows
        if r.entry_type in (E.HOME_VISIT.value, E.PHONE_CALL.value)
        and r.signed_at is not None
        and r.occurred_at < latest
    ]
    if not candidates:
        return
    original = rng.choice(candidates)
    spare = [n for n in filler_rows if rows[n] is not original]
    if not spare:
        return
    del rows[rng.choice(spare)]
    day = original.occurred_at.astimezone(UK).date() + dt.timedelta(days=rng.randint(1, 3))
    while day.weekday() >= 5:
        day += ONE_DAY
    minute = rng.randint(540, 955)
    occurred = uk_time(day, minute)
    recorded = occurred + dt.timedelta(minutes=rng.randint(1, 10))
    facts = dict(ctx.facts)
    original_local = original.occurred_at.astimezone(UK)
    corrected = original_local + dt.timedelta(minutes=rng.choice((-40, -25, 20, 35, 50)))
    facts.update(
        time=clock(corrected),
        date=day_month(original_local.date()),
        what="visit" if original.entry_type == E.HOME_VISIT.value else "call",
    )
    reason = prose.amendment_reason(rng, facts)
    author = ctx.officer.id
    rows.append(
        ChronologyEntry(
            id=ordered_id(ctx.id_prefix, ctx.index, 2, 1000 + len(rows)),
            case_id=ctx.case_id,
            entry_type=original.entry_type,
            occurred_at=occurred,
            recorded_at=recorded,
            author_id=author,
            title=amendment_title(original.title),
            body=f"Correction to the entry of {day_month(original_local.date())}: {reason}. "
            "The original entry stands as recorded.",
            amends_id=original.id,
            amend_reason=reason,
            signed_at=recorded + dt.timedelta(minutes=rng.randint(1, 20)),
            signed_by=author,
            chain_seq=None,
            prev_hash=None,
            content_hash=None,
        )
    )


def school_on_day(child: ChildPlan, day: dt.date, today: dt.date) -> SchoolInfo:
    if day < school_year_start(today) and child.previous_school:
        return child.previous_school
    return child.school
