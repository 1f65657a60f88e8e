"""Field work in the synthetic caseload: structured records, visits, risk acknowledgements, plans.

``populate`` calls :func:`add_field_work` for the cases it has just added. For each case it adds
what an officer would have done on the new screens (schema 0003):

- an initial assessment on its form for every case that reached the assessment stage, mostly
  within the 20 working days, some later (so that the timescales show both);
- home visits on the home visit form for about a third of the cases (seen, no reply, refused,
  and rarely a family that appears to have moved, with the CME steps filled in), each visit to
  a flagged family with its risk acknowledgements and its planned, now done, visit;
- support plans (targets and actions) from the date the plan was agreed, one after the other at
  each six-weekly review, each review on the plan review form with the attendance typed in
  from the register; the case's next action follows the active plan;
- a CME referral or an EHE de-registration notice for about one case in a hundred (always one
  of each once there are 60 cases);
- visits planned for the coming days, some this week for the profile's own officer, including
  a visit in pairs to a family whose risk flag says so.

Everything about case ``i`` is drawn from generators seeded with ``(seed, kind, i)`` and from
rows that ``populate`` made deterministically for the same case, so topping up gives the same
rows as making the caseload at once. Records are signed and sealed onto the end of each case's
existing evidence chain. Case 0 (the benchmark's 300-entry court case) keeps its chronology as
it is; it gets plans and planned visits only.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import random
import re
import string
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import and_, bindparam, func, select, update
from sqlalchemy.orm import Session

from officer_app.clock import UK
from officer_app.demo import names, prose, terms
from officer_app.demo.common import NOT_POSSIBLE, PRESENT, bulk_insert, ordered_id, seeded, uk_time
from officer_app.demo.data import demo_data
from officer_app.demo.generator import (
    AdultPlan,
    ChildPlan,
    FamilyPlan,
    Person,
    Register,
    SchoolInfo,
    Team,
    child_plan,
    family_layout,
    family_plan,
    family_size,
    register_for,
    stage_for,
)
from officer_app.domain.evidence import GENESIS
from officer_app.domain.school_year import school_year_start
from officer_app.domain.stages import Stage
from officer_app.domain.working_days import add_working_days, is_working_day
from officer_app.forms import (
    FormDefinition,
    FormRegistry,
    clean,
    load_registry,
    validate,
)
from officer_app.services.builders import record_body, record_entry_type, record_title
from officer_app.store.evidence import seal_new_chain
from officer_app.store.models import (
    Case,
    ChronologyEntry,
    Plan,
    PlanAction,
    PlanTarget,
    RiskAcknowledgement,
    VisitPlan,
)
from officer_app.wording import day_month, long_date

_DATA = demo_data("field_work")

ONE_DAY = dt.timedelta(days=1)
CHUNK = 900  # ids per IN (...) query
# Kinds of ordered id (see generator.ordered_id: 1 marks, 2 chronology entries).
K_RECORD, K_PLAN, K_TARGET, K_ACTION, K_VISIT, K_ACK = 3, 4, 5, 6, 7, 8

FORM_IDS = ("home_visit", "initial_assessment", "plan_review", "cme_referral", "ehe_deregistration")
REVIEW_WEEKS = 6
ASSESSMENT_WORKING_DAYS = 20
LATE_ASSESSMENT = 0.2  # share of assessments completed after the 20 working days
VISITED_SHARE = 1 / 3  # share of cases with structured home visit records
SAFEGUARDING_SHARE = 0.02  # home visits that raise a safeguarding concern
PROFILE_VISITS_THIS_WEEK = 3  # the first this many of the profile officer's open cases
# Stages of an open case at which a visit may be planned, and how likely one is.
PLAN_VISIT_CHANCE: dict[Stage, float] = {
    Stage.ALLOCATED: 0.45,
    Stage.ASSESSMENT: 0.25,
    Stage.SUPPORT: 0.2,
    Stage.FORMAL: 0.2,
    Stage.LEGAL: 0.15,
    Stage.COURT: 0.08,
    Stage.MONITORING: 0.2,
}
STAGE_TITLES = {
    "Stage: Allocated": Stage.ALLOCATED,
    "Stage: Assessment": Stage.ASSESSMENT,
    "Stage: Plan and review": Stage.SUPPORT,
    "Stage: Formal intervention": Stage.FORMAL,
    "Stage: Legal intervention": Stage.LEGAL,
    "Stage: Court": Stage.COURT,
    "Stage: Post-court monitoring": Stage.MONITORING,
}
LEVEL_OF_NEED = {"low": "universal", "medium": "targeted", "high": "specialist"}
MOVED_REASON = "moved out of the local authority area"
EHE_REASON = "electively home educated"


# ------------------------------------------------------------------------------------ prose
Facts = dict[str, str]


@functools.lru_cache(maxsize=2048)
def _keys(template: str) -> tuple[str, ...]:
    return tuple(name for _, name, _, _ in string.Formatter().parse(template) if name)


def _fits(template: str, facts: Facts) -> bool:
    return all(facts.get(key) for key in _keys(template))


def _fill(template: str, facts: Facts) -> str:
    text = template.format(**facts)
    return text[:1].upper() + text[1:]


def _pick(rng: random.Random, pool: Sequence[str], facts: Facts) -> str:
    """One template from the pool that this case has every fact for, filled in."""
    usable = [t for t in pool if _fits(t, facts)] or [pool[0]]
    return _fill(rng.choice(usable), facts)


def _some(rng: random.Random, pool: Sequence[str], facts: Facts, low: int, high: int) -> str:
    usable = [t for t in pool if _fits(t, facts)]
    count = min(len(usable), rng.randint(low, high))
    return " ".join(_fill(t, facts) for t in rng.sample(usable, count))


@dataclass(frozen=True)
class Theme:
    """A reason for the absence, and everything the records say about it."""

    key: str
    concerns: tuple[str, ...]  # the assessment's concern questions it raises
    notes: dict[str, tuple[str, ...]]  # what was found, for each of those questions
    barriers: tuple[str, ...]
    voice: tuple[str, ...]  # the child's own words (primary age)
    voice_older: tuple[str, ...]  # (secondary age)
    parent: tuple[str, ...]  # the parent's account
    support: tuple[str, ...]  # support offered on a visit
    analysis: str
    targets: tuple[str, ...]  # targets that are not about the attendance figure
    actions: tuple[tuple[str, str], ...]  # (owner, action)
    referrals: tuple[str, ...] = ()


THEMES: dict[str, Theme] = {t["key"]: Theme(**t) for t in _DATA["THEMES"]}

GENERIC_VOICE: tuple[str, ...] = _DATA["GENERIC_VOICE"]
HOME_CONDITIONS: tuple[str, ...] = _DATA["HOME_CONDITIONS"]
CONCERNS: tuple[str, ...] = _DATA["CONCERNS"]
NOT_SEEN: tuple[str, ...] = _DATA["NOT_SEEN"]
NO_CARD_REASONS: tuple[str, ...] = _DATA["NO_CARD_REASONS"]
REFUSALS: tuple[str, ...] = _DATA["REFUSALS"]
MOVED_DETAILS: tuple[str, ...] = _DATA["MOVED_DETAILS"]
SAFEGUARDING: tuple[str, ...] = _DATA["SAFEGUARDING"]
CITIES: tuple[str, ...] = _DATA["CITIES"]
GPS: tuple[str, ...] = _DATA["GPS"]
LEVEL_REASONS: dict[str, str] = _DATA["LEVEL_REASONS"]
STRENGTHS: tuple[str, ...] = _DATA["STRENGTHS"]
SCHOOL_VIEWS: tuple[str, ...] = _DATA["SCHOOL_VIEWS"]
REVIEW_CHILD: dict[bool, tuple[str, ...]] = _DATA["REVIEW_CHILD"]
REVIEW_PARENT: dict[bool, tuple[str, ...]] = _DATA["REVIEW_PARENT"]
REVIEW_SCHOOL: dict[bool, tuple[str, ...]] = _DATA["REVIEW_SCHOOL"]
DECISION_REASONS: dict[str, str] = _DATA["DECISION_REASONS"]
ESCALATIONS = frozenset({"notice_to_improve", "legal_intervention"})
NOT_ENOUGH: str = _DATA["NOT_ENOUGH"]
VISIT_PURPOSES: dict[str, tuple[str, ...]] = _DATA["VISIT_PURPOSES"]  # by Stage


# ------------------------------------------------------------------------------- the cases
@dataclass(frozen=True)
class Markers:
    """What the generator's chronology already says about a case."""

    allocated: dt.date | None = None
    assessment: tuple[dt.date, str] | None = None  # (day, level of need as written)
    plan: dt.date | None = None
    stages: tuple[tuple[dt.date, Stage], ...] = ()


@dataclass
class CaseWork:
    index: int
    id: str
    reference: str
    stage: Stage
    referral: dt.date
    closed_on: dt.date | None
    closure_reason: str
    officer: Person
    child: ChildPlan
    family: FamilyPlan
    siblings: tuple[ChildPlan, ...]
    markers: Markers
    last_seq: int
    last_hash: str
    make_register: Callable[[], Register]  # the child's marks, made when first needed
    this_year: Facts  # names and pronouns for the prose, with this school year's school
    last_year: Facts  # ... and with last school year's
    people: list[tuple[str, str]]
    today: dt.date
    prefix: int
    facts: Facts = field(default_factory=dict)  # as of the record being written: see on()
    themes: tuple[Theme, ...] = ()
    entries: list[ChronologyEntry] = field(default_factory=list)
    counters: dict[int, int] = field(default_factory=dict)

    @functools.cached_property
    def register(self) -> Register:
        return self.make_register()

    def new_id(self, kind: int) -> str:
        """The next ordered id of this kind for the case (deterministic, ascending)."""
        seq = self.counters.get(kind, 0)
        self.counters[kind] = seq + 1
        return ordered_id(self.prefix, self.index, kind, seq)

    @property
    def end(self) -> dt.date:
        """The last day a record can be dated: the day before closure, or yesterday."""
        return self.closed_on - ONE_DAY if self.closed_on else self.today - ONE_DAY

    @property
    def is_open(self) -> bool:
        return self.closed_on is None

    @property
    def main_adult(self) -> AdultPlan:
        adults = self.family.adults
        return next((a for a in adults if a.lives_with_child), adults[0])

    @property
    def address(self) -> str:
        f = self.family
        return ", ".join(p for p in (f.address_line1, f.address_line2, f.town, f.postcode) if p)

    @property
    def older(self) -> bool:
        return self.child.year >= 7

    @property
    def year_start(self) -> dt.date:
        return school_year_start(self.today)

    def on(self, day: dt.date) -> Facts:
        """Write as of ``day``: last school year's school and year group before September."""
        self.facts = self.last_year if day < self.year_start else self.this_year
        return self.facts

    def school_on(self, day: dt.date) -> SchoolInfo:
        if day < self.year_start and self.child.previous_school is not None:
            return self.child.previous_school
        return self.child.school

    def year_on(self, day: dt.date) -> int:
        return max(0, self.child.year - 1) if day < self.year_start else self.child.year

    def stage_on(self, day: dt.date) -> Stage:
        stage = Stage.ALLOCATED
        for start, changed in self.markers.stages:
            if start <= day:
                stage = changed
        return stage

    def flags_on(self, day: dt.date) -> list[dict[str, Any]]:
        return [r for r in self.family.risks if r["raised_on"] <= day and r["active"]]


@dataclass
class Output:
    """Rows for the bulk inserts, in the order they must be written."""

    entries: list[dict[str, Any]] = field(default_factory=list)
    plans: list[dict[str, Any]] = field(default_factory=list)
    targets: list[dict[str, Any]] = field(default_factory=list)
    actions: list[dict[str, Any]] = field(default_factory=list)
    visits: list[dict[str, Any]] = field(default_factory=list)
    acks: list[dict[str, Any]] = field(default_factory=list)
    next_actions: list[dict[str, Any]] = field(default_factory=list)


class DemoRecordInvalid(ValueError):
    """A generated record does not pass its own form's validation (a bug in this module)."""


@functools.lru_cache(maxsize=1)
def _shipped_forms() -> FormRegistry:
    return load_registry()


class Forms:
    """The shipped forms the records are made on, and whether to validate every record (or
    only the first of each form: enough to catch a form that has changed under the demo)."""

    def __init__(self, registry: FormRegistry, today: dt.date, check: bool) -> None:
        self.by_id = {form_id: registry.get(form_id) for form_id in FORM_IDS}
        self.today = today
        self.check = check
        self.checked: set[str] = set()

    def __getitem__(self, form_id: str) -> FormDefinition:
        return self.by_id[form_id]

    def wants_check(self, form_id: str) -> bool:
        first = form_id not in self.checked
        self.checked.add(form_id)
        return self.check or first


# ----------------------------------------------------------------------------- dates, times
def _working_on_or_after(day: dt.date) -> dt.date:
    while not is_working_day(day):
        day += ONE_DAY
    return day


def _working_on_or_before(day: dt.date) -> dt.date:
    while not is_working_day(day):
        day -= ONE_DAY
    return day


def _school_day_on_or_after(day: dt.date) -> dt.date:
    """The next day the school is open and the service works (a meeting in school)."""
    for _ in range(80):
        if terms.is_session_day(day) and is_working_day(day):
            return day
        day += ONE_DAY
    return _working_on_or_after(day)


def _day_between(rng: random.Random, first: dt.date, last: dt.date) -> dt.date:
    """A working day from ``first`` to ``last`` (``last`` if there is none)."""
    if last <= first:
        return _working_on_or_before(last) if last < first else last
    day = first + dt.timedelta(days=rng.randint(0, (last - first).days))
    for candidate in (_working_on_or_before(day), _working_on_or_after(day)):
        if first <= candidate <= last:
            return candidate
    return day


def _hhmm(minute: int) -> str:
    return f"{minute // 60:02d}:{minute % 60:02d}"


# ------------------------------------------------------------------------------ attendance
@dataclass(frozen=True)
class Figures:
    first: dt.date
    last: dt.date
    possible: int
    present: int
    unauthorised: int
    pattern: str

    @property
    def percent(self) -> float:
        return round(100.0 * self.present / self.possible, 1) if self.possible else 100.0


def _figures(register: Register, first: dt.date, last: dt.date) -> Figures:
    """The register from ``first`` to ``last`` inclusive, with a sentence on its pattern."""
    lo = bisect.bisect_left(register.dates, first)
    hi = bisect.bisect_right(register.dates, last)
    possible = register.possible[hi] - register.possible[lo]
    present = register.present[hi] - register.present[lo]
    unauthorised = register.unauthorised[hi] - register.unauthorised[lo]
    absent_days = [0] * 5
    late = ill = holiday = 0
    for day, _, code, _ in register.marks[lo:hi]:
        if code in NOT_POSSIBLE:
            continue
        if code in ("L", "U"):
            late += 1
        if code in PRESENT:
            continue
        absent_days[day.weekday()] += 1
        ill += code == "I"
        holiday += code == "G"
    absent = possible - present
    parts: list[str] = []
    if absent >= 6 and absent_days[0] + absent_days[4] > 0.55 * absent:
        parts.append("Most absence falls on Mondays and Fridays.")
    if holiday >= 6:
        parts.append(f"A term-time holiday of {holiday // 2} days (code G).")
    if absent >= 4 and ill > 0.5 * absent:
        parts.append("Most absence is put down to illness (code I).")
    elif absent >= 4 and unauthorised > 0.5 * absent:
        parts.append("Much of the absence is unexplained and recorded as unauthorised.")
    if late >= 5:
        parts.append(f"{late} late marks in the period.")
    if not parts:
        parts.append(
            "Absence is spread across the week with no clear pattern."
            if absent >= 4
            else "Very little absence in the period."
        )
    return Figures(first, last, possible, present, unauthorised, " ".join(parts))


def _at_referral(case: CaseWork) -> Figures:
    since, *_ = case.register.figures(case.referral)
    return _figures(case.register, since, case.referral - ONE_DAY)


# -------------------------------------------------------------------------------- records
def _record(
    case: CaseWork,
    forms: Forms,
    form_id: str,
    answers: dict[str, Any],
    *,
    occurred: dt.datetime,
    recorded: dt.datetime,
    author: str,
    rng: random.Random,
) -> ChronologyEntry:
    """A signed structured record (sealed later, with the case's other new records)."""
    definition = forms[form_id]
    kept = clean(definition, answers)
    if forms.wants_check(form_id):
        errors = validate(definition, kept, people=[p for p, _ in case.people], today=forms.today)
        if errors:
            raise DemoRecordInvalid(
                f"{case.reference} {form_id}: " + "; ".join(str(e) for e in errors)
            )
    entry = ChronologyEntry(
        id=case.new_id(K_RECORD),
        case_id=case.id,
        entry_type=record_entry_type(form_id).value,
        occurred_at=occurred,
        recorded_at=recorded,
        author_id=author,
        title=record_title(definition, kept),
        body=record_body(definition, kept, case.people),
        amends_id=None,
        amend_reason="",
        form_id=definition.id,
        form_version=definition.version,
        answers=kept,
        signed_at=recorded + dt.timedelta(minutes=rng.randint(2, 40)),
        signed_by=author,
    )
    case.entries.append(entry)
    return entry


# ------------------------------------------------------------------------------ the story
THEME_FOCUS: dict[str, str] = _DATA["THEME_FOCUS"]
CONCERN_FIELDS: tuple[str, ...] = _DATA["CONCERN_FIELDS"]
SENSITIVE_FIELDS = frozenset({"family_domestic_abuse", "family_substance_misuse"})
GENERIC_ACTIONS: tuple[tuple[str, str], ...] = _DATA["GENERIC_ACTIONS"]
AGENCIES: tuple[tuple[str, str], ...] = _DATA["AGENCIES"]
TARGET_COMMENTS: tuple[str, ...] = _DATA["TARGET_COMMENTS"]
YEAR_VALUES = ("reception", *(f"year_{n}" for n in range(1, 12)))


def _themes(case: CaseWork, rng: random.Random) -> tuple[Theme, ...]:
    """One to three reasons for the absence, fitting what is known about the child and family."""
    child = case.child
    chosen: list[str] = []
    if child.young_carer:
        chosen.append("young_carer")
    if child.sen != "none" and rng.random() < 0.7:
        chosen.append("sen")
    categories = {r["category"] for r in case.family.risks}
    if "Domestic abuse" in categories and rng.random() < 0.6:
        chosen.append("domestic_abuse")
    if "Substance misuse" in categories and rng.random() < 0.7:
        chosen.append("substance")
    weights: list[tuple[str, float]] = [
        ("anxiety", 3.0),
        ("illness", 3.0),
        ("routines", 3.0 if child.year >= 5 else 1.5),
        ("finances", 1.5),
        ("housing", 1.0),
        ("bullying", 1.5 if child.year >= 3 else 0.4),
        ("transition", 2.0 if child.year in (7, 8) else 0.3),
        ("attitude", 1.5 if child.year <= 6 else 0.5),
        ("young_carer", 0.5),
        ("exploitation", 0.25 if child.year >= 8 else 0.0),
    ]
    wanted = max(len(chosen), rng.choice((1, 2, 2, 3)))
    while len(chosen) < wanted:
        options = [(k, w) for k, w in weights if k not in chosen and w > 0]
        total = sum(w for _, w in options)
        roll = rng.random() * total
        for key, weight in options:
            roll -= weight
            if roll < 0:
                chosen.append(key)
                break
        else:
            chosen.append(options[-1][0])
    return tuple(THEMES[k] for k in chosen[:3])


def _make_facts(
    child: ChildPlan,
    family: FamilyPlan,
    officer: Person,
    siblings: Sequence[ChildPlan],
    rng: random.Random,
) -> tuple[Facts, Facts]:
    """The case's facts for the prose: as of this school year, and as of the last one."""
    male = child.gender == "M"
    main = next((a for a in family.adults if a.lives_with_child), family.adults[0])
    others = [a for a in family.adults if a is not main and a.lives_with_child]
    staff = rng.choice(names.STAFF_NAMES)
    staffrole = rng.choice(
        (
            "attendance lead",
            "pastoral manager",
            "head of year",
            "family support worker",
            "deputy head",
        )
    )
    if child.year <= 6:
        staffrole = rng.choice(
            ("attendance lead", "family support worker", "deputy head", "class teacher")
        )
    facts: Facts = {
        "c": child.forename,
        "cfull": f"{child.forename} {child.surname}",
        "he": "he" if male else "she",
        "He": "He" if male else "She",
        "his": "his" if male else "her",
        "His": "His" if male else "Her",
        "him": "him" if male else "her",
        "yr": child.year_label,
        "p": main.title_name,
        "pfull": main.full_name,
        "pp": "he" if main.sex == "M" else "she",
        "pp_cap": "He" if main.sex == "M" else "She",
        "pp_obj": "him" if main.sex == "M" else "her",
        "pp_pos": "his" if main.sex == "M" else "her",
        "o": others[0].title_name if others else "",
        "sib": siblings[0].forename if siblings else "",
        "lang": family.language if family.language != "English" else "",
        "school": child.school.name,
        "staff": staff,
        "staffrole": staffrole,
        "officer": officer.name,
    }
    facts["worry"] = rng.choice(prose.WORRIES).format(**facts)
    earlier = dict(facts)
    if child.year > 0:
        earlier["yr"] = "Reception" if child.year == 1 else f"Year {child.year - 1}"
    previous = child.previous_school or child.school
    if previous.id != child.school.id:
        earlier["school"] = previous.name
        earlier["staff"] = rng.choice([n for n in names.STAFF_NAMES if n != staff])
    return facts, earlier


def _school_of(child: ChildPlan, day: dt.date, year_start: dt.date) -> SchoolInfo:
    if day < year_start and child.previous_school is not None:
        return child.previous_school
    return child.school


def _voice(case: CaseWork, rng: random.Random, themes: Sequence[Theme] = ()) -> str:
    pool = [q for t in (themes or case.themes) for q in (t.voice_older if case.older else t.voice)]
    return _pick(rng, pool or list(GENERIC_VOICE), case.facts)


def _owner_name(case: CaseWork, owner: str, description: str) -> str:
    if owner == "officer":
        return case.officer.name
    if owner == "school":
        return f"{case.facts['staff']}, {case.facts['staffrole']}"[:120]
    if owner == "parent":
        return case.facts["p"]
    return next(
        (name for key, name in AGENCIES if key.lower() in description.lower()), "Early Help"
    )


# ------------------------------------------------------------------------------------ plans
@dataclass
class TargetSpec:
    description: str
    pct: float | None
    owner: str
    support: str


@dataclass
class ActionSpec:
    description: str
    owner: str
    owner_name: str
    due: dt.date
    done: dt.date | None = None


@dataclass
class Period:
    """One support plan, from the day it was agreed to the review that ended it (if any)."""

    id: str
    agreed: dt.date
    review_on: dt.date
    targets: list[TargetSpec]
    actions: list[ActionSpec]
    summary: str
    held: dt.date | None = None  # the review that ended it
    figures: Figures | None = None
    baseline: float = 0.0
    decision: str = ""


def _attendance_target(baseline: float) -> float:
    if baseline < 60:
        return 75.0
    if baseline < 75:
        return 85.0
    if baseline < 88:
        return 90.0
    return 95.0


def _target_text(pct: float) -> str:
    return f"Attendance of at least {pct:g}% over the next {REVIEW_WEEKS} weeks"


def _targets(case: CaseWork, rng: random.Random, pct: float) -> list[TargetSpec]:
    facts = case.facts
    who = f"{facts['p']} and {facts['c']}"
    first = TargetSpec(_target_text(pct), pct, who, "")
    targets = [first]
    theme = case.themes[0]
    if rng.random() < 0.6:
        text = _pick(rng, theme.targets, facts)
        owner, action = theme.actions[0]
        targets.append(TargetSpec(text, None, _owner_name(case, owner, action), ""))
    return targets


def _actions(
    case: CaseWork, rng: random.Random, agreed: dt.date, review_on: dt.date
) -> list[ActionSpec]:
    facts = case.facts
    pool = [a for t in case.themes for a in t.actions] + list(GENERIC_ACTIONS)
    unique = list(dict.fromkeys(pool))
    wanted = rng.randint(2, 4)
    chosen = unique[:1] + rng.sample(unique[1:], min(len(unique) - 1, wanted - 1))
    first = agreed + dt.timedelta(days=3)
    last = review_on - ONE_DAY
    window = [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]
    window = [d for d in window if is_working_day(d)]
    days = sorted(rng.sample(window, min(len(window), len(chosen))))  # distinct due dates
    actions: list[ActionSpec] = []
    for (owner, template), due in zip(chosen, days, strict=False):
        text = _fill(template, facts)[:300]
        actions.append(ActionSpec(text, owner, _owner_name(case, owner, text), due))
    return actions


def _support_text(case: CaseWork, actions: Sequence[ActionSpec]) -> str:
    labels = {
        "officer": "Attendance officer",
        "school": "School",
        "parent": case.facts["p"],
        "agency": "Other services",
    }
    return "; ".join(f"{labels[a.owner]}: {a.description}" for a in actions[:3]) or (
        "Support as agreed at the meeting"
    )


def _summary(case: CaseWork, first: bool, held: dt.date | None, decision: str) -> str:
    focus = ", ".join(_fill(THEME_FOCUS[t.key], case.facts) for t in case.themes)
    if first:
        return _fill(
            "Agreed with {p} and {c} at {school} after the initial assessment. "
            f"Focus: {focus}.",
            case.facts,
        )
    when = long_date(held) if held else "the last review"
    if decision == "continue":
        return f"Continued at the review on {when} with the same targets. Focus: {focus}."
    return f"Revised at the review on {when}. Focus: {focus}."


def _plan_periods(case: CaseWork, rng: random.Random) -> list[Period]:
    """The support plans of a case that reached the support stage, each reviewed after six
    weeks (some reviews a little late, a few much later) until today or the closure."""
    start = case.markers.plan
    if start is None:
        return []
    periods: list[Period] = []
    agreed = start
    case.on(agreed)
    baseline = _figures(case.register, case.register.figures(agreed)[0], agreed - ONE_DAY).percent
    targets = _targets(case, rng, _attendance_target(baseline))
    decision = ""
    held: dt.date | None = None
    for _ in range(40):
        review_on = _school_day_on_or_after(agreed + dt.timedelta(weeks=REVIEW_WEEKS))
        case.on(agreed)
        period = Period(
            id=case.new_id(K_PLAN),
            agreed=agreed,
            review_on=review_on,
            targets=targets,
            actions=_actions(case, rng, agreed, review_on),
            summary=_summary(case, not periods, held, decision),
            baseline=baseline,
        )
        periods.append(period)
        roll = rng.random()
        delay = 0 if roll < 0.65 else rng.randint(1, 4) if roll < 0.93 else rng.randint(8, 20)
        held = _school_day_on_or_after(review_on + dt.timedelta(days=delay))
        due_lately = review_on < case.today <= review_on + dt.timedelta(days=21)
        if case.is_open and due_lately and rng.random() < 0.2:
            held = case.today  # not held yet: the review is overdue
        if held > case.end:
            break
        figures = _figures(case.register, agreed, held - ONE_DAY)
        decision = _decision(case, rng, held, figures.percent - baseline)
        period.held, period.figures, period.decision = held, figures, decision
        targets = _next_targets(case, rng, targets, figures, decision)
        agreed, baseline = held, figures.percent
    if not case.is_open:
        _closing_review(case, rng, periods[-1])
    return periods


def _decision(case: CaseWork, rng: random.Random, held: dt.date, progress: float) -> str:
    soon = held + dt.timedelta(days=35)
    for start, stage in case.markers.stages:
        if held < start <= soon and stage == Stage.FORMAL:
            return "notice_to_improve"
        if held < start <= soon and stage == Stage.LEGAL:
            return "legal_intervention"
    if progress >= 1.5:
        return "continue" if rng.random() < 0.6 else "revise"
    roll = rng.random()
    if case.stage_on(held) == Stage.SUPPORT and roll < 0.25:
        return "attendance_contract" if roll < 0.15 else "parenting_contract"
    return "revise"


def _next_targets(
    case: CaseWork,
    rng: random.Random,
    targets: list[TargetSpec],
    figures: Figures,
    decision: str,
) -> list[TargetSpec]:
    if decision != "revise":
        return targets
    revised: list[TargetSpec] = []
    for target in targets:
        if target.pct is None:
            if rng.random() < 0.5:
                continue  # met or dropped
            revised.append(target)
            continue
        pct = target.pct
        if figures.percent >= pct:
            pct = min(95.0, pct + 5)
        elif figures.percent < pct - 15:
            pct = max(70.0, pct - 5)
        revised.append(TargetSpec(_target_text(pct), pct, target.owner, target.support))
    if len(revised) < 2 and rng.random() < 0.5:
        theme = rng.choice(case.themes)
        owner, action = theme.actions[-1]
        text = _pick(rng, theme.targets, case.facts)
        if text not in {t.description for t in revised}:
            revised.append(TargetSpec(text, None, _owner_name(case, owner, action), ""))
    return revised


def _closing_review(case: CaseWork, rng: random.Random, period: Period) -> None:
    """A closed case's last plan ends at the closure, with a closing review where it makes
    sense (attendance improved, or the monitoring after court came to an end)."""
    reason = case.closure_reason.lower()
    if "improved" in reason:
        decision = "close_improved"
    elif "monitoring period ended" in reason:
        decision = "close_other"
    else:
        return
    if period.held is not None or case.closed_on is None:
        return
    first = max(period.agreed + dt.timedelta(days=21), case.closed_on - dt.timedelta(days=12))
    if first > case.end:
        return
    held = _day_between(rng, first, case.end)
    if held <= period.agreed + dt.timedelta(days=7):
        return
    figures = _figures(case.register, period.agreed, held - ONE_DAY)
    if decision == "close_improved" and figures.percent < max(90.0, period.baseline):
        return  # the register does not bear it out: the plan just ends with the case
    period.held, period.figures, period.decision = held, figures, decision


def _complete_actions(case: CaseWork, rng: random.Random, periods: Sequence[Period]) -> None:
    for period in periods:
        active = period.held is None and case.is_open and period is periods[-1]
        ended_by = period.held or (case.closed_on if not case.is_open else None)
        for action in period.actions:
            if active:
                if action.due < case.today and rng.random() < 0.7:
                    early = action.due - dt.timedelta(days=rng.randint(0, 4))
                    action.done = max(period.agreed, min(early, case.today - ONE_DAY))
            elif ended_by is not None and rng.random() < 0.8:
                done = action.due + dt.timedelta(days=rng.randint(-4, 3))
                action.done = max(period.agreed, min(done, ended_by, case.today - ONE_DAY))


def _next_action(period: Period) -> tuple[str, dt.date]:
    """As FieldWorkService's ``_refresh_next_action``: the earliest open action, or the review."""
    pending = sorted((a for a in period.actions if a.done is None), key=lambda a: a.due)
    if pending and pending[0].due <= period.review_on:
        return pending[0].description[:200], pending[0].due
    return "Review the plan", period.review_on


def _plan_rows(case: CaseWork, periods: Sequence[Period], out: Output) -> None:
    for n, period in enumerate(periods):
        active = case.is_open and n == len(periods) - 1 and period.held is None
        out.plans.append(
            {
                "id": period.id,
                "case_id": case.id,
                "agreed_on": period.agreed,
                "review_on": period.review_on,
                "status": "active" if active else "ended",
                "summary": period.summary,
                "version": 1,
            }
        )
        for position, target in enumerate(period.targets):
            out.targets.append(
                {
                    "id": case.new_id(K_TARGET),
                    "plan_id": period.id,
                    "description": target.description[:300],
                    "attendance_pct": target.pct,
                    "over_weeks": REVIEW_WEEKS if target.pct is not None else None,
                    "position": position,
                }
            )
        for action in period.actions:
            out.actions.append(
                {
                    "id": case.new_id(K_ACTION),
                    "plan_id": period.id,
                    "description": action.description,
                    "owner": action.owner,
                    "owner_name": action.owner_name,
                    "due_on": action.due,
                    "done_on": action.done,
                    "version": 1,
                }
            )
        if active:
            text, due = _next_action(period)
            out.next_actions.append({"b_id": case.id, "b_text": text, "b_due": due})


def _review_record(
    case: CaseWork, forms: Forms, rng: random.Random, period: Period, next_review: dt.date | None
) -> None:
    assert period.held is not None and period.figures is not None
    facts = case.on(period.held)
    held, figures = period.held, period.figures
    progress = figures.percent - period.baseline
    better = progress >= 1.5
    overall = (
        "much_improved"
        if progress >= 5
        else "improved"
        if better
        else "no_change"
        if progress >= -1.5
        else "worse"
    )
    child_there = rng.random() < 0.7
    participants = [case.main_adult.id] + ([case.child.id] if child_there else [])
    fmt = rng.choices(("meeting_in_school", "home_visit", "video_or_phone"), (7, 2, 1))[0]
    to = terms.previous_session_day(held - ONE_DAY)
    if to <= period.agreed:
        to = held - ONE_DAY
    closing = period.decision.startswith("close")
    rows: list[dict[str, Any]] = []
    for target in period.targets:
        row: dict[str, Any] = {"target": target.description[:500]}
        if target.pct is not None:
            met = figures.percent >= target.pct
            near = figures.percent >= target.pct - 5 or progress > 2
            row["target_progress"] = (
                "achieved" if met else "partly_achieved" if near else "not_achieved"
            )
            row["target_attendance_percent"] = figures.percent
            row["target_period_from"] = period.agreed.isoformat()
            row["target_period_to"] = to.isoformat()
        else:
            row["target_progress"] = rng.choice(
                ("achieved", "partly_achieved") if better else ("partly_achieved", "not_achieved")
            )
        if row["target_progress"] != "achieved":
            row["target_comments"] = _pick(rng, TARGET_COMMENTS, facts)
        row["target_next"] = (
            "close"
            if closing or (row["target_progress"] == "achieved" and target.pct is None)
            else "revise"
            if period.decision == "revise" and row["target_progress"] != "achieved"
            else "continue"
        )
        rows.append(row)
    if child_there:
        child_views = f"{facts['c']} said: {_pick(rng, REVIEW_CHILD[better], facts)}"
    else:
        child_views = _fill(
            "{c} did not want to come to the meeting; {staff} spoke to {him} the day before "
            "and {he} said: ",
            facts,
        ) + _pick(rng, REVIEW_CHILD[better], facts)
    answers: dict[str, Any] = {
        "review_date": held.isoformat(),
        "review_format": fmt,
        "participants": participants,
        "attendance_from": period.agreed.isoformat(),
        "attendance_to": to.isoformat(),
        "attendance_percent": figures.percent,
        "unauthorised_sessions": figures.unauthorised,
        "baseline_percent": round(period.baseline, 1),
        "attendance_pattern": figures.pattern,
        "targets": rows,
        "overall_progress": overall,
        "child_views": child_views,
        "parent_views": _pick(rng, REVIEW_PARENT[better], facts),
        "school_views": _pick(rng, REVIEW_SCHOOL[better], facts),
        "decision": period.decision,
        "decision_reason": _fill(
            (NOT_ENOUGH if better and period.decision in ESCALATIONS else "")
            + DECISION_REASONS[period.decision],
            facts,
        ),
    }
    if fmt != "video_or_phone" or rng.random() < 0.5:
        answers["other_participants"] = f"{facts['staff']}, {facts['staffrole']}, {facts['school']}"
    if not closing and next_review is not None:
        answers["next_review_date"] = next_review.isoformat()
    minute = rng.randrange(540, 900, 5)
    occurred = uk_time(held, minute)
    _record(
        case,
        forms,
        "plan_review",
        answers,
        occurred=occurred,
        recorded=occurred + dt.timedelta(minutes=rng.randint(50, 240)),
        author=case.officer.id,
        rng=rng,
    )


# ------------------------------------------------------------------------------ assessment
def _assessment_day(
    case: CaseWork, rng: random.Random, plan_start: dt.date | None
) -> dt.date | None:
    allocated = case.markers.allocated or case.referral
    lower = _working_on_or_after(max(allocated, case.referral) + ONE_DAY)
    upper = case.end
    if plan_start is not None:  # assessed before the plan was agreed
        upper = min(upper, max(lower, plan_start - ONE_DAY))
    if upper < lower:
        return None
    deadline = add_working_days(case.referral, ASSESSMENT_WORKING_DAYS)
    late = rng.random() < LATE_ASSESSMENT
    if late and deadline < upper:
        written = case.markers.assessment[0] if case.markers.assessment else None
        if written is not None and deadline < written <= upper:
            return written  # the day the generator's assessment note was written
        first = add_working_days(deadline, 2)
        return _day_between(rng, min(first, upper), min(upper, deadline + dt.timedelta(days=45)))
    first = max(lower, add_working_days(case.referral, 8))
    return _day_between(rng, min(first, upper), min(deadline, upper))


def _concern_answers(case: CaseWork, rng: random.Random, level: str) -> dict[str, Any]:
    answers: dict[str, Any] = {}
    raised: dict[str, list[str]] = {}
    for n, theme in enumerate(case.themes):
        for fid in theme.concerns:
            note = _pick(rng, theme.notes.get(fid, ("See the analysis below.",)), case.facts)
            raised.setdefault(fid, []).append(note)
            if n == 0 and fid == theme.concerns[0] and level == "specialist":
                answers[fid] = "significant_concern"
    for fid in CONCERN_FIELDS:
        if fid in raised:
            answers.setdefault(fid, "some_concern")
            answers[f"{fid}_notes"] = " ".join(raised[fid])
        else:
            unknown = 0.2 if fid in SENSITIVE_FIELDS else 0.05
            answers[fid] = "not_known" if rng.random() < unknown else "no_concern"
    sen = {"none": "none", "sen_support": "sen_support", "ehcp": "ehcp"}[case.child.sen]
    answers["child_sen"] = sen
    if sen == "sen_support":
        answers["child_sen_notes"] = _fill(
            "On the SEN register for {his} learning needs; the support plan was last reviewed "
            "in the spring. {p} does not feel it is making a difference.",
            case.facts,
        )
    elif sen == "ehcp":
        answers["child_sen_notes"] = _fill(
            "EHCP in place; the annual review is due and not all of the provision in section F "
            "is happening. The SENCO agrees the placement is under strain.",
            case.facts,
        )
    return answers


def _child_views(case: CaseWork, rng: random.Random, how: str) -> str:
    facts = case.facts
    quote, wish = _voice(case, rng), _pick(rng, GENERIC_VOICE, facts)
    if how == "not_gathered":
        return _fill(
            "{c} did not want to talk to me about school and I did not press {him}. {p} and "
            "{staff} have shared what {he} has said to them; I will try again at the review.",
            facts,
        )
    if how == "through_others":
        return _fill("{c} did not want to meet me; {staff} asked {him} on my behalf. ", facts) + (
            f"{facts['c']} said: {quote}"
        )
    opening = {
        "alone": "Spoken to alone at home. {c} said: ",
        "with_parent": "Spoken to with {p} in the room. {c} said: ",
        "in_school": "Seen in school in a quiet room with {staff} nearby. {c} said: ",
    }[how]
    after = " Asked what would help, {he} said: " if rng.random() < 0.7 else None
    text = _fill(opening, facts) + quote
    if after:
        text += _fill(after, facts) + wish
    if how == "with_parent" and rng.random() < 0.5:
        text += _fill(" {He} looked at {p} before answering some of the questions.", facts)
    return text


def _assessment_record(
    case: CaseWork, forms: Forms, rng: random.Random, periods: Sequence[Period]
) -> dt.date | None:
    """Record the initial assessment; returns the day the plan is to start."""
    plan_start = periods[0].agreed if periods else None
    day = _assessment_day(case, rng, plan_start)
    if day is None:
        return None
    facts = case.on(day)
    written_level = case.markers.assessment[1] if case.markers.assessment else ""
    level = LEVEL_OF_NEED.get(written_level) or (
        "specialist"
        if any(t.key in ("exploitation", "domestic_abuse") for t in case.themes)
        else "targeted"
    )
    how = rng.choices(
        ("alone", "with_parent", "in_school", "through_others", "not_gathered"),
        (35, 25, 30, 7, 3),
    )[0]
    contributors = [case.main_adult.id]
    if how in ("alone", "with_parent", "in_school"):
        contributors.insert(0, case.child.id)
    others = [a for a in case.family.adults if a.lives_with_child and a.id != case.main_adult.id]
    if others and rng.random() < 0.4:
        contributors.append(others[0].id)
    at_referral = _at_referral(case)
    missed = at_referral.possible - at_referral.present
    profrole, prof = prose.professional(rng)
    answers: dict[str, Any] = {
        "assessment_date": day.isoformat(),
        "contributors": contributors,
        "other_contributors": f"{facts['staff']}, {facts['staffrole']}, {facts['school']}"
        + (f"; {prof}, {profrole}" if rng.random() < 0.4 else ""),
        "attendance_at_referral": (
            f"{at_referral.percent:.1f}% from {long_date(at_referral.first)} to "
            f"{long_date(at_referral.last)}: {missed} of {at_referral.possible} possible sessions "
            f"missed, {at_referral.unauthorised} of them unauthorised. {at_referral.pattern}"
        ),
        **_concern_answers(case, rng, level),
        "child_views": _child_views(case, rng, how),
        "child_views_how": how,
        "family_strengths": _some(rng, STRENGTHS, facts, 1, 2),
        "school_view": _pick(rng, SCHOOL_VIEWS, facts),
        "barriers": list(dict.fromkeys(b for t in case.themes for b in t.barriers)),
        "barriers_detail": " ".join(_fill(t.analysis, facts) for t in case.themes[1:])
        or _pick(rng, case.themes[0].parent, facts),
        "analysis": _fill(case.themes[0].analysis, facts)
        + _fill(
            f" Attendance was {at_referral.percent:.1f}% at referral. {{c}} says {{he}} wants "
            "things to be easier, and the family has engaged with the assessment. If nothing "
            "changes, {c} will fall further behind and the absence will become harder to "
            "reverse.",
            facts,
        ),
        "level_of_need": level,
        "level_of_need_reason": LEVEL_REASONS[level],
        "information_sharing": rng.random() < 0.9,
    }
    if how in ("alone", "with_parent", "in_school") and rng.random() < 0.85:
        answers["child_school_rating"] = rng.choice((1, 2, 2, 3, 3, 3, 4, 5))
    if case.siblings:
        answers["siblings"] = [
            {
                "sibling_name": f"{s.forename} {s.surname}",
                "sibling_school": _school_of(s, day, case.year_start).name,
                "sibling_notes": "Also open to the attendance service",
            }
            for s in case.siblings
        ]
    if periods:
        plan_start, first_review = periods[0].agreed, periods[0].review_on
        target_specs, actions = periods[0].targets, periods[0].actions
    else:
        plan_start = _working_on_or_after(day + dt.timedelta(days=rng.randint(1, 7)))
        if case.is_open:  # assessed, and the plan meeting is booked
            plan_start = max(plan_start, add_working_days(case.today, rng.randint(1, 10)))
        first_review = _school_day_on_or_after(plan_start + dt.timedelta(weeks=REVIEW_WEEKS))
        target_specs = _targets(case, rng, _attendance_target(at_referral.percent))
        actions = _actions(case, rng, plan_start, first_review)
    answers["targets"] = [
        {
            "target": t.description[:500],
            "target_support": _support_text(case, actions),
            "target_owner": t.owner[:120],
            "target_date": first_review.isoformat(),
        }
        for t in target_specs
    ]
    referrals = list(dict.fromkeys(r for t in case.themes for r in t.referrals))
    if referrals:
        answers["referrals"] = referrals
    answers["plan_start"] = plan_start.isoformat()
    answers["first_review_date"] = first_review.isoformat()
    view = rng.choices(
        ("agreed", "agreed_with_reservations", "not_agreed", "not_yet_discussed"), (70, 20, 5, 5)
    )[0]
    answers["family_view_of_plan"] = view
    if view == "agreed_with_reservations":
        answers["family_comments"] = _fill(
            "{p} agreed but worries that the school will not keep to its side of the plan.", facts
        )
    elif view == "not_agreed":
        answers["family_comments"] = _fill(
            "{p} does not accept that the absence is a problem and did not agree the targets.",
            facts,
        )
    minute = rng.randrange(560, 900, 5)
    occurred = uk_time(day, minute)
    _record(
        case,
        forms,
        "initial_assessment",
        answers,
        occurred=occurred,
        recorded=occurred + dt.timedelta(minutes=rng.randint(60, 280)),
        author=case.officer.id,
        rng=rng,
    )
    return plan_start


# ------------------------------------------------------------------------------ home visits
def _shown(case: CaseWork, flag: dict[str, Any]) -> dict[str, Any]:
    """A risk flag as the acknowledgement dialog showed it (FieldWorkService's RiskInfo)."""
    adults = {a.id: a.full_name for a in case.family.adults}
    return {
        "category": flag["category"],
        "severity": flag["severity"],
        "description": flag["description"],
        "two_officers_required": flag["two_officers_required"],
        "about": adults.get(flag["adult_id"] or "", "Address"),
    }


def _in_school(case: CaseWork, day: dt.date) -> bool:
    """Whether the register has the child present at school on ``day``."""
    register = case.register
    lo = bisect.bisect_left(register.dates, day)
    hi = bisect.bisect_right(register.dates, day)
    return hi > lo and all(code in PRESENT for _, _, code, _ in register.marks[lo:hi])


def _visit_days(case: CaseWork, rng: random.Random, special: str) -> tuple[list[dt.date], bool]:
    """The days of the case's recorded home visits, and whether the last found the family
    gone."""
    start = _working_on_or_after((case.markers.allocated or case.referral) + ONE_DAY)
    end = case.end
    if start > end:
        return [], False
    moved = special in ("cme", "moved")
    if not (moved or case.family.risks or rng.random() < VISITED_SHARE):
        return [], False
    count = rng.choices((1, 2, 3), (5, 3, 2))[0]
    if moved:
        if special == "cme":
            first, last = add_working_days(case.today, -12), add_working_days(case.today, -4)
        else:
            assert case.closed_on is not None
            first = case.closed_on - dt.timedelta(days=25)
            last = case.closed_on - dt.timedelta(days=6)
        final = _day_between(rng, max(start, first), max(start, min(end, last)))
        earlier = {_day_between(rng, start, final - ONE_DAY) for _ in range(count - 1)}
        return [*sorted(d for d in earlier if start <= d < final), final], True
    days = {_day_between(rng, start, end) for _ in range(count)}
    if case.is_open and rng.random() < 0.5:
        days.add(_day_between(rng, max(start, end - dt.timedelta(days=25)), end))
    return sorted(d for d in days if start <= d <= end)[:3], False


def _home_visits(
    case: CaseWork, forms: Forms, rng: random.Random, team: Team, out: Output, special: str
) -> dt.date | None:
    """Record the case's home visits; returns the day of a visit that found the family gone
    and needs a CME referral, if there was one."""
    days, moved = _visit_days(case, rng, special)
    cme_from: dt.date | None = None
    for n, day in enumerate(days):
        if moved and n == len(days) - 1:
            outcome = "moved"
        else:
            outcome = rng.choices(("seen", "no_reply", "refused"), (58, 28, 14))[0]
        if _visit(case, forms, rng, team, out, day, outcome, special):
            cme_from = day
    return cme_from


def _visit(
    case: CaseWork,
    forms: Forms,
    rng: random.Random,
    team: Team,
    out: Output,
    day: dt.date,
    outcome: str,
    special: str,
) -> bool:
    facts = case.on(day)
    flags = case.flags_on(day)
    second = None
    if any(f["two_officers_required"] for f in flags):
        second = rng.choice([p for p in team.officers if p.id != case.officer.id])
    # A child seen at home on a school day was not in school that day.
    after_school = outcome == "seen" and _in_school(case, day)
    arrival = rng.randrange(940, 1030, 5) if after_school else rng.randrange(555, 950, 5)
    length = {"seen": (30, 80), "no_reply": (4, 12), "refused": (5, 20), "moved": (15, 35)}
    departure = arrival + rng.randint(*length[outcome])
    kind = "planned" if rng.random() < 0.6 else "unannounced"
    if outcome == "seen" and rng.random() < 0.1:
        kind = "joint"
    answers: dict[str, Any] = {
        "visit_date": day.isoformat(),
        "visit_address": case.address,
        "visit_type": kind,
        "arrival_time": _hhmm(arrival),
        "departure_time": _hhmm(departure),
        "outcome": outcome,
        "safeguarding_concern": False,
        # the form's fact of the case (issue 9, point 11): the app sets it the same way
        "legal_action": case.stage_on(day) in (Stage.LEGAL, Stage.COURT),
    }
    if kind == "joint":
        role, name = prose.professional(rng)
        answers["other_professionals"] = f"{name}, {role}"
    needs_cme = False
    if outcome == "seen":
        _seen(case, rng, answers, day, second)
        if rng.random() < SAFEGUARDING_SHARE / 0.58:
            _safeguarding(case, rng, answers, day, departure)
    elif outcome == "no_reply":
        card = rng.random() < 0.9
        answers["calling_card_left"] = card
        if not card:
            answers["calling_card_not_left_reason"] = rng.choice(NO_CARD_REASONS)
        if rng.random() < 0.8:
            answers["signs_at_address"] = " ".join(rng.sample(prose.OBSERVATIONS, 2))
    elif outcome == "refused":
        answers["refusal_account"] = _pick(rng, REFUSALS, facts)
        if rng.random() < 0.3:
            answers["signs_at_address"] = rng.choice(prose.OBSERVATIONS)
    else:
        needs_cme = _moved(case, rng, answers, day, special)
    occurred = uk_time(day, arrival)
    recorded = uk_time(day, min(departure + rng.randint(20, 150), 19 * 60 + 30))
    entry = _record(
        case,
        forms,
        "home_visit",
        answers,
        occurred=occurred,
        recorded=recorded,
        author=case.officer.id,
        rng=rng,
    )
    if flags or rng.random() < 0.6:
        plan_id = case.new_id(K_VISIT)
        out.visits.append(
            {
                "id": plan_id,
                "case_id": case.id,
                "planned_for": uk_time(day, arrival - arrival % 15),
                "address": case.address,
                "purpose": _pick(rng, VISIT_PURPOSES[case.stage_on(day)], facts),
                "officer_id": case.officer.id,
                "second_officer_id": second.id if second else None,
                "status": "done",
                "record_id": entry.id,
                "version": 1,
            }
        )
        if flags:
            shown = [_shown(case, f) for f in flags]
            for officer in [case.officer] + ([second] if second else []):
                out.acks.append(
                    {
                        "id": case.new_id(K_ACK),
                        "case_id": case.id,
                        "visit_plan_id": plan_id,
                        "officer_id": officer.id,
                        "acknowledged_at": uk_time(day, arrival - rng.randint(10, 90)),
                        "flags": shown,
                    }
                )
    return needs_cme


def _seen(
    case: CaseWork,
    rng: random.Random,
    answers: dict[str, Any],
    day: dt.date,
    second: Person | None,
) -> None:
    facts = case.facts
    main = case.main_adult
    child_seen = rng.random() < 0.85
    present = ([case.child.id] if child_seen else []) + [main.id]
    for adult in case.family.adults:
        if adult.id != main.id and adult.lives_with_child and rng.random() < 0.3:
            present.append(adult.id)
    answers["present"] = present
    others: list[str] = []
    if main.interpreter_needed:
        others.append(f"Interpreter ({main.language}) by telephone, Northam Interpreting Service")
    if second is not None:
        others.append(f"{second.name}, attendance officer (this address is visited in pairs)")
    if others:
        answers["others_present"] = "; ".join(others)
    answers["child_seen"] = child_seen
    if child_seen:
        alone = rng.random() < 0.45
        answers["child_spoken_to_alone"] = alone
        opening = (
            "Spoken to alone in the kitchen while {p} made a drink. {c} said: "
            if alone
            else "Spoken to with {p} present; {pp} did not want to leave the room. {c} said: "
        )
        answers["child_voice"] = _fill(opening, facts) + _voice(case, rng)
    else:
        answers["child_not_seen_reason"] = _pick(rng, NOT_SEEN, facts)
    if answers.get("legal_action"):
        # heading for legal action: no questions about the absence without a caution; what a
        # parent says unprompted is kept as a significant statement (issue 9, point 11)
        if rng.random() < 0.4:
            answers["significant_statements"] = [_significant(case, rng, answers, second)]
    else:
        answers["parent_account"] = _pick(rng, [p for t in case.themes for p in t.parent], facts)
    if rng.random() < 0.7:
        answers["home_conditions"] = _pick(rng, HOME_CONDITIONS, facts)
    if rng.random() < 0.8:
        answers["support_offered"] = _pick(rng, [s for t in case.themes for s in t.support], facts)
    if rng.random() < 0.6:
        pool = list(dict.fromkeys(a for t in case.themes for a in t.actions))
        items = []
        for owner, text in rng.sample(pool, min(len(pool), rng.randint(1, 2))):
            action = _fill(text, facts)
            item: dict[str, Any] = {
                "action": action[:300],
                "action_by": _owner_name(case, owner, action)[:120],
            }
            if rng.random() < 0.8:
                item["action_due"] = _working_on_or_after(
                    day + dt.timedelta(days=rng.randint(3, 14))
                ).isoformat()
            items.append(item)
        answers["actions"] = items
    if rng.random() < 0.15:
        answers["concerns"] = _pick(rng, CONCERNS, facts)


UNPROMPTED: tuple[str, ...] = _DATA["UNPROMPTED"]


def _significant(
    case: CaseWork, rng: random.Random, answers: dict[str, Any], second: Person | None
) -> dict[str, Any]:
    """An unprompted remark about the offence, written down word for word at the visit."""
    arrival = answers["arrival_time"]
    minutes = int(arrival[:2]) * 60 + int(arrival[3:]) + rng.randint(3, 20)
    heard = case.officer.name + (f" and {second.name}" if second is not None else "")
    asked = rng.random() < 0.8
    item: dict[str, Any] = {
        "statement": _fill(rng.choice(UNPROMPTED), case.facts),
        "statement_by": case.main_adult.id,
        "statement_time": f"{minutes // 60:02d}:{minutes % 60:02d}",
        "statement_heard_by": heard,
        "statement_asked_to_sign": asked,
    }
    if asked:
        item["statement_signed"] = rng.random() < 0.6
        if not item["statement_signed"]:
            item["statement_sign_response"] = "Read it and said they would not sign anything."
    else:
        item["statement_sign_response"] = "Left before it could be written down in full."
    return item


def _safeguarding(
    case: CaseWork, rng: random.Random, answers: dict[str, Any], day: dt.date, departure: int
) -> None:
    facts = case.facts
    to = rng.choice(("school_dsl", "service_dsl", "social_care"))
    who = {
        "school_dsl": f"{facts['staff']}, designated safeguarding lead, {facts['school']}",
        "service_dsl": f"{names.SUPERVISOR_NAME}, the service's designated safeguarding lead",
        "social_care": "Duty social worker, Northam Children's Services front door",
    }[to]
    answers.update(
        safeguarding_concern=True,
        safeguarding_details=_pick(rng, SAFEGUARDING, facts)
        + " I explained to "
        + facts["p"]
        + " that I would have to share what I had seen and heard.",
        referred_today=True,
        referred_to=to,
        referred_to_name=who[:200],
        referral_date=day.isoformat(),
        referral_time=_hhmm(min(departure + rng.randint(10, 50), 23 * 60)),
    )
    if to == "social_care":
        answers["referral_reference"] = f"FD-{day.year}-{rng.randint(10000, 99999)}"


def _moved(
    case: CaseWork, rng: random.Random, answers: dict[str, Any], day: dt.date, special: str
) -> bool:
    facts = case.facts
    city = rng.choice(CITIES)
    signs = rng.sample(
        [
            "property_empty",
            "to_let_or_for_sale",
            "post_piling_up",
            "new_occupants",
            "neighbours_said",
            "landlord_said",
        ],
        rng.randint(1, 3),
    )
    detail = _pick(
        rng,
        MOVED_DETAILS,
        {
            **facts,
            "n": str(rng.randint(1, 120)),
            "city": city,
            "day": day_month(day - dt.timedelta(days=rng.randint(7, 20))),
        },
    )
    known = special == "moved" and rng.random() < 0.35
    answers.update(moved_signs=signs, moved_signs_detail=detail, new_address_known=known)
    enquiries = ["school", "neighbours", "housing"]
    if case.siblings:
        enquiries.insert(1, "siblings_schools")
    if rng.random() < 0.6:
        enquiries += ["health", "lost_pupils"]
    answers["cme_enquiries"] = enquiries
    if known:
        answers["new_address"] = (
            f"{rng.randint(1, 140)} {rng.choice(names.STREETS)}, {city}: given by a relative on "
            "the phone and confirmed by the new area's admissions team."
        )
        answers["cme_referral_needed"] = False
        answers["cme_referral_not_needed_reason"] = _fill(
            f"{city}'s school admissions team confirmed by email that {{c}} has a school place "
            "there and has started. School informed; case to be transferred and closed.",
            facts,
        )
        return False
    answers["cme_referral_needed"] = True
    return True


# ----------------------------------------------------------------------- CME and EHE notices
def _last_attended(case: CaseWork, before: dt.date) -> dt.date | None:
    register = case.register
    for n in range(bisect.bisect_left(register.dates, before) - 1, -1, -1):
        day, _, code, _ = register.marks[n]
        if code in PRESENT:
            return day
    return None


def _email(name: str) -> str:
    local = ".".join(re.sub(r"[^a-z]", "", part) for part in name.lower().split())
    return f"{local}@{names.EMAIL_DOMAIN}"


def _vulnerabilities(child: ChildPlan) -> list[str]:
    found = [
        value
        for value, flag in (
            ("cp_plan", child.child_protection_plan),
            ("looked_after", child.looked_after),
            ("sen_support", child.sen == "sen_support"),
            ("ehcp", child.sen == "ehcp"),
            ("young_carer", child.young_carer),
            ("grt", child.gypsy_roma_traveller),
            ("eal", child.eal),
        )
        if flag
    ]
    return found or ["none_known"]


def _cme_record(case: CaseWork, forms: Forms, rng: random.Random, visited: dt.date) -> dt.date:
    """Refer a child whose family has gone to the CME team; returns the day of the referral."""
    child = case.child
    day = max(visited, min(case.end, add_working_days(visited, rng.randint(1, 3))))
    facts = case.on(day)
    last = _last_attended(case, visited)
    vulnerable = _vulnerabilities(child)
    answers: dict[str, Any] = {
        "referral_date": day.isoformat(),
        "referrer_name": case.officer.name,
        "referrer_role": "Attendance officer",
        "referrer_organisation": names.TEAM_NAME,
        "referrer_phone": f"01632 960{rng.randrange(1000):03d}",
        "referrer_email": _email(case.officer.name),
        "child_name": facts["cfull"],
        "child_dob": child.date_of_birth.isoformat(),
        "child_sex": "male" if child.gender == "M" else "female",
        "child_upn": child.upn,
        "child_year_group": YEAR_VALUES[case.year_on(day)],
        "last_known_address": case.address,
        "first_language": case.family.language,
        "parents": [
            {
                "parent_name": a.full_name,
                "parent_relationship": a.relationship,
                "parent_responsibility": "yes" if a.parental_responsibility else "no",
                "parent_phone": a.phone,
                **({} if a.lives_with_child else {"parent_address": "Not known"}),
            }
            for a in case.family.adults
        ],
        "reason": "moved_away",
        "last_school": case.school_on(day).name,
        "removed_from_roll": False,
        "whereabouts": _fill(
            "Not known. The home visit on {when} found the property empty; a neighbour thought "
            "the family may have gone to relatives in another city. No forwarding address.",
            {**facts, "when": long_date(visited)},
        ),
        "enquiries": ["phoned_parents", "home_visit", "emergency_contacts", "s2s"]
        + (["siblings_schools"] if case.siblings else []),
        "home_visit_date": visited.isoformat(),
        "enquiries_detail": _fill(
            f"{day_month(visited)}: home visit, no one at the address (see the home visit record). "
            f"{day_month(day)}: rang {{p}}'s mobile, number unobtainable; {{school}} has had no "
            "contact from the family and the emergency contacts are not answering; no new "
            "school found on the school-to-school system.",
            facts,
        ),
        "vulnerabilities": vulnerable,
        "safeguarding_concern": child.child_protection_plan,
    }
    if last is not None:
        answers["last_attended"] = last.isoformat()
    absent = [a for a in case.family.adults if not a.lives_with_child]
    if absent:
        answers["other_addresses"] = (
            f"Possibly with {absent[0].full_name} ({absent[0].relationship}); address not known."
        )
    if {"cp_plan", "looked_after"} & set(vulnerable):
        answers["social_worker"] = "Adebola Johnson, Northam Children's Services"
    if child.child_protection_plan:
        answers.update(
            safeguarding_details="Subject of a child protection plan; whereabouts not known.",
            social_care_told=True,
            police_told=rng.random() < 0.5,
        )
    minute = rng.randrange(570, 960, 5)
    occurred = uk_time(day, minute)
    _record(
        case,
        forms,
        "cme_referral",
        answers,
        occurred=occurred,
        recorded=occurred + dt.timedelta(minutes=rng.randint(5, 40)),
        author=case.officer.id,
        rng=rng,
    )
    return day


EHE_REASONS: dict[str, str] = _DATA["EHE_REASONS"]


def _ehe_record(case: CaseWork, forms: Forms, rng: random.Random, special: str) -> dt.date | None:
    """Log the school's EHE de-registration notice; returns the day it came in."""
    child, family = case.child, case.family
    start = _working_on_or_after(case.referral + ONE_DAY)
    if special == "ehe":
        day = _day_between(rng, max(start, add_working_days(case.today, -8)), case.end)
    else:
        assert case.closed_on is not None
        first = case.closed_on - dt.timedelta(days=20)
        day = _day_between(rng, max(start, first), case.closed_on - dt.timedelta(days=6))
    if day < start or day > case.end:
        return None
    notice = max(start, add_working_days(day, -rng.randint(1, 4)))
    facts = case.on(notice)
    school = case.school_on(notice)
    removal = add_working_days(notice, rng.randint(0, 2))
    reasons = list(dict.fromkeys(EHE_REASONS[t.key] for t in case.themes if t.key in EHE_REASONS))
    if rng.random() < 0.5:
        reasons.append("attendance")
    reasons = reasons or ["dissatisfied_with_school"]
    since = school_year_start(notice)
    attendance = _figures(case.register, since, notice - ONE_DAY)
    parents = [
        a
        for a in family.adults
        if a.parental_responsibility or a.relationship in ("mother", "father")
    ]
    household = [a for a in family.adults if a not in parents and a.lives_with_child]
    gap = {"grandmother": 50, "grandfather": 52}

    def born(years: int) -> str:
        return dt.date(
            child.date_of_birth.year - years - rng.randint(0, 8),
            rng.randint(1, 12),
            rng.randint(1, 28),
        ).isoformat()

    answers: dict[str, Any] = {
        "school_name": school.name,
        "school_urn": school.urn,
        "parent_notice_date": notice.isoformat(),
        "removal_date": removal.isoformat(),
        "special_school": school.phase == "special",
        "reasons_given": reasons,
        "reasons_detail": _fill(
            "{p} wrote that {c} has been unhappy at school for a long time and that the family "
            "feels {he} will learn better at home for now.",
            facts,
        ),
        "school_met_parent": rng.random() < 0.6,
        "child_name": facts["cfull"],
        "child_dob": child.date_of_birth.isoformat(),
        "child_upn": child.upn,
        "child_year_group": YEAR_VALUES[case.year_on(notice)],
        "address": case.address,
        "child_protection_plan": "yes" if child.child_protection_plan else "no",
        "first_language": family.language,
        "sen_stage": child.sen,
        "attendance_percent": attendance.percent,
        "parents": [
            {
                "parent_name": a.full_name,
                "parent_relationship": a.relationship,
                "parent_dob": born(gap.get(a.relationship, 24)),
                **({} if a.lives_with_child else {"parent_address": "Not known to the school"}),
                "parental_responsibility": "yes" if a.parental_responsibility else "no",
                "parent_phone": a.phone,
                **(
                    {
                        "parent_email": f"{re.sub(r'[^a-z]', '', a.forename.lower())}."
                        f"{re.sub(r'[^a-z]', '', a.surname.lower())}{rng.randint(1, 99)}"
                        "@example.co.uk"
                    }
                    if rng.random() < 0.6
                    else {}
                ),
            }
            for a in parents or family.adults[:1]
        ],
        "gp": rng.choice(GPS),
        "health_told": rng.random() < 0.7,
        "other_circumstances": _fill(
            "{c} was open to the attendance service at the time of the notice. The school is "
            "worried that home education has been chosen to avoid further action on attendance.",
            facts,
        ),
        "safeguarding_concern": False,
        "completed_by_name": facts["staff"],
        "completed_by_role": rng.choice(("Headteacher", "Attendance lead", "Deputy head")),
        "completed_date": day.isoformat(),
    }
    if household:
        answers["other_adults"] = [
            {
                "adult_name": a.full_name,
                "adult_relationship": a.relationship,
                "adult_dob": born(gap.get(a.relationship, 26)),
            }
            for a in household
        ]
    siblings = [
        {
            "sibling_name": f"{s.forename} {s.surname}",
            "sibling_dob": s.date_of_birth.isoformat(),
            "sibling_school": _school_of(s, notice, case.year_start).name,
            "sibling_lives_with_child": True,
        }
        for s in case.siblings
    ]
    if not siblings:  # a brother or sister not yet at school
        girl = rng.random() < 0.5
        name = rng.choice(family.heritage.girls if girl else family.heritage.boys)
        siblings.append(
            {
                "sibling_name": f"{name} {family.surname}",
                "sibling_dob": (case.today - dt.timedelta(days=rng.randint(400, 1400))).isoformat(),
                "sibling_school": "Not of school age",
                "sibling_lives_with_child": True,
            }
        )
    answers["siblings"] = siblings
    if answers["health_told"]:
        answers["health_told_detail"] = f"School nursing team told by email on {long_date(notice)}"
    if child.child_protection_plan:
        answers["social_worker"] = "Adebola Johnson, Northam Children's Services"
    if child.sen != "none":
        answers["sen_detail"] = _fill(
            "{c} has support for {his} learning needs; the SENCO has shared the current plan "
            "with {p}.",
            facts,
        )
    agencies = [
        {"agency": agency, "agency_contact": contact, "agency_told": True}
        for key, agency, contact in (
            ("anxiety", "CAMHS", "Dr Owen Tierney"),
            ("young_carer", "Northam Young Carers", "Family worker"),
            ("sen", "Educational Psychology Service", "Duty psychologist"),
        )
        if any(t.key == key for t in case.themes)
    ]
    if agencies:
        answers["other_agencies"] = agencies
    minute = rng.randrange(570, 960, 5)
    occurred = uk_time(day, minute)
    _record(
        case,
        forms,
        "ehe_deregistration",
        answers,
        occurred=occurred,
        recorded=occurred + dt.timedelta(minutes=rng.randint(5, 60)),
        author=case.officer.id,
        rng=rng,
    )
    return day


# --------------------------------------------------------------------------- planned visits
def _this_week(today: dt.date) -> list[dt.date]:
    days = [today + dt.timedelta(days=n) for n in range(7 - today.weekday())]
    working = [d for d in days if is_working_day(d)]
    if working:
        return working
    monday = today + dt.timedelta(days=7 - today.weekday())
    return [d for d in (monday + dt.timedelta(days=n) for n in range(5)) if is_working_day(d)]


def _planned_visits(
    case: CaseWork,
    rng: random.Random,
    team: Team,
    out: Output,
    profile_rank: int | None,
    pair_rank: int | None,
) -> None:
    """Visits in the diary from today on (and now and then one that was cancelled)."""
    stage = case.stage
    if not case.is_open or stage not in PLAN_VISIT_CHANCE:
        return
    today = case.today
    facts = case.on(today)
    profile = team.officers[0]
    second: Person | None = None
    minute = 585 + 30 * (case.index * 7 % 12)  # a quarter to or past the hour, by case
    if pair_rank is not None:
        day = (
            rng.choice(_this_week(today))
            if pair_rank == 0
            else add_working_days(today, rng.randint(1, 8))
        )
        others = [p for p in team.officers if p.id != case.officer.id]
        if case.officer.id != profile.id and (pair_rank == 0 or rng.random() < 0.4):
            second = profile
        else:
            second = rng.choice([p for p in others if p.id != profile.id] or others)
        if pair_rank == 0:
            minute = 14 * 60
    elif profile_rank is not None and profile_rank < PROFILE_VISITS_THIS_WEEK:
        day = rng.choice(_this_week(today))
        minute = 570 + 90 * profile_rank  # 09:30, 11:00, 12:30: the diary has no clashes
    elif rng.random() < PLAN_VISIT_CHANCE[stage]:
        day = add_working_days(today, rng.randint(0, 10)) if rng.random() < 0.9 else today
        day = _working_on_or_after(day)
    else:
        day = None
    if day is not None:
        purpose = _pick(rng, VISIT_PURPOSES[stage], facts)
        if second is not None:
            purpose += " (joint visit: the risk flag says visits are made in pairs)"
        out.visits.append(
            {
                "id": case.new_id(K_VISIT),
                "case_id": case.id,
                "planned_for": uk_time(day, minute),
                "address": case.address,
                "purpose": purpose[:300],
                "officer_id": case.officer.id,
                "second_officer_id": second.id if second else None,
                "status": "planned",
                "record_id": None,
                "version": 1,
            }
        )
    if rng.random() < 0.06:
        start = _working_on_or_after((case.markers.allocated or case.referral) + ONE_DAY)
        past = _day_between(rng, max(start, today - dt.timedelta(days=20)), today - ONE_DAY)
        if start <= past < today:
            out.visits.append(
                {
                    "id": case.new_id(K_VISIT),
                    "case_id": case.id,
                    "planned_for": uk_time(past, rng.randrange(570, 945, 15)),
                    "address": case.address,
                    "purpose": _pick(rng, VISIT_PURPOSES[case.stage_on(past)], facts)[:300],
                    "officer_id": case.officer.id,
                    "second_officer_id": None,
                    "status": "cancelled",
                    "record_id": None,
                    "version": 1,
                }
            )


# ---------------------------------------------------------------------------- the caseload
def designated(seed: int) -> dict[int, str]:
    """Case indexes below 60 that always get a CME referral ("cme") and an EHE notice
    ("ehe"), so that every caseload of 60 cases or more shows both forms in use."""
    layout = family_layout(seed, 60)
    start = seeded(seed, "fw-designated").randrange(3, 30)
    found: dict[int, str] = {}
    for kind, sizes in (("cme", (1,)), ("ehe", (2, 3))):
        for relaxed in (False, True):
            hit = next(
                (
                    j
                    for j in range(start, 60)
                    if j not in found
                    and stage_for(seed, j) in (Stage.ALLOCATED, Stage.ASSESSMENT)
                    and (relaxed or family_size(seed, layout[j][0]) in sizes)
                ),
                None,
            )
            if hit is not None:
                found[hit] = kind
                break
    return found


def _chunks(items: Sequence[str]) -> Iterable[Sequence[str]]:
    for n in range(0, len(items), CHUNK):
        yield items[n : n + CHUNK]


def _load_markers(session: Session, case_ids: Sequence[str]) -> dict[str, Markers]:
    found: dict[str, dict[str, Any]] = {}
    kinds = ("allocation", "assessment", "plan", "stage_change")
    level = re.compile(r"Level of need: (\w+)")
    for chunk in _chunks(case_ids):
        rows = session.execute(
            select(
                ChronologyEntry.case_id,
                ChronologyEntry.entry_type,
                ChronologyEntry.occurred_at,
                ChronologyEntry.title,
                ChronologyEntry.body,
            ).where(ChronologyEntry.case_id.in_(chunk), ChronologyEntry.entry_type.in_(kinds))
        )
        for case_id, kind, occurred, title, body in rows:
            day = occurred.astimezone(UK).date()
            marks = found.setdefault(case_id, {"stages": []})
            if kind == "allocation":
                marks["allocated"] = min(day, marks.get("allocated", day))
            elif kind == "assessment":
                match = level.search(body or "")
                marks["assessment"] = (day, match.group(1) if match else "")
            elif kind == "plan":
                marks["plan"] = min(day, marks.get("plan", day))
            elif title in STAGE_TITLES:
                marks["stages"].append((day, STAGE_TITLES[title]))
    return {
        case_id: Markers(
            allocated=m.get("allocated"),
            assessment=m.get("assessment"),
            plan=m.get("plan"),
            stages=tuple(sorted(m["stages"])),
        )
        for case_id, m in found.items()
    }


def _load_links(session: Session, case_ids: Sequence[str]) -> dict[str, tuple[int, str]]:
    """The last link of each case's evidence chain: (chain_seq, content_hash)."""
    links: dict[str, tuple[int, str]] = {}
    entry = ChronologyEntry
    for chunk in _chunks(case_ids):
        last = (
            select(entry.case_id, func.max(entry.chain_seq).label("seq"))
            .where(entry.case_id.in_(chunk), entry.chain_seq.is_not(None))
            .group_by(entry.case_id)
            .subquery()
        )
        rows = session.execute(
            select(entry.case_id, entry.chain_seq, entry.content_hash).join(
                last, and_(last.c.case_id == entry.case_id, last.c.seq == entry.chain_seq)
            )
        )
        for case_id, seq, content in rows:
            links[case_id] = (int(seq or 0), str(content))
    return links


ENTRY_COLUMNS = tuple(c.key for c in ChronologyEntry.__table__.columns)


def add_field_work(
    session: Session,
    *,
    seed: int,
    today: dt.date,
    team: Team,
    schools: Sequence[SchoolInfo],
    indexes: range,
    forms: FormRegistry | None = None,
    check: bool = False,
) -> None:
    """Add the field work of the demo cases ``indexes`` (just written by ``populate``).

    Records are validated against their forms before they are signed (one that fails raises
    :class:`DemoRecordInvalid`): every record with ``check``, else the first of each form
    (validating all of them would add about a tenth to the time this takes)."""
    if not indexes:
        return
    definitions = Forms(forms or _shipped_forms(), today, check)
    layout = family_layout(seed, indexes.stop + 2)  # brothers and sisters of the last cases
    where = {place: index for index, place in enumerate(layout)}
    families: dict[int, FamilyPlan] = {}
    children: dict[int, ChildPlan] = {}

    def family_of(index: int) -> FamilyPlan:
        number = layout[index][0]
        if number not in families:
            families[number] = family_plan(seed, number, family_size(seed, number), schools, today)
        return families[number]

    def child_of(index: int) -> ChildPlan:
        if index not in children:
            children[index] = child_plan(
                seed, index, family_of(index), layout[index][1], schools, today
            )
        return children[index]

    special = designated(seed)
    profile_rank: dict[int, int] = {}
    pair_rank: dict[int, int] = {}
    counts = [0, 0]
    for j in range(indexes.stop):  # ranks over the whole caseload: top-up safe
        if stage_for(seed, j) not in PLAN_VISIT_CHANCE or j in special:
            continue
        family = family_of(j)
        if any(r["two_officers_required"] for r in family.risks):
            pair_rank[j], counts[1] = counts[1], counts[1] + 1
        elif family.officer == 0:
            profile_rank[j], counts[0] = counts[0], counts[0] + 1

    by_child = {child_of(i).id: i for i in indexes}
    rows: dict[int, Any] = {}
    for chunk in _chunks(list(by_child)):
        for row in session.execute(
            select(
                Case.id,
                Case.reference,
                Case.child_id,
                Case.officer_id,
                Case.stage,
                Case.referral_date,
                Case.closed_on,
                Case.closure_reason,
            ).where(Case.child_id.in_(chunk))
        ):
            rows[by_child[row.child_id]] = row
    case_ids = [rows[i].id for i in sorted(rows)]
    markers = _load_markers(session, case_ids)
    links = _load_links(session, case_ids)
    officers = {p.id: p for p in (*team.officers, team.supervisor, team.court_officer)}
    current_start = school_year_start(today)
    days = terms.register_days(dt.date(current_start.year - 1, 9, 1), today - ONE_DAY)
    id_prefix = seeded(seed, "ids").getrandbits(32)

    out = Output()
    for index in sorted(rows):
        row = rows[index]
        child, family = child_of(index), family_of(index)
        place = layout[index]
        siblings = tuple(
            child_of(where[(place[0], pos)])
            for pos in range(len(family.members))
            if pos != place[1] and (place[0], pos) in where
        )
        officer = officers.get(row.officer_id) or team.officers[family.officer]
        seq, last_hash = links.get(row.id, (0, GENESIS))
        facts = _make_facts(child, family, officer, siblings, seeded(seed, "fw-facts", index))
        case = CaseWork(
            index=index,
            id=row.id,
            reference=row.reference,
            stage=Stage(row.stage),
            referral=row.referral_date,
            closed_on=row.closed_on,
            closure_reason=row.closure_reason or "",
            officer=officer,
            child=child,
            family=family,
            siblings=siblings,
            markers=markers.get(row.id, Markers()),
            last_seq=seq,
            last_hash=last_hash,
            make_register=functools.partial(
                register_for, seed, child, days, current_start, row.referral_date
            ),
            this_year=facts[0],
            last_year=facts[1],
            people=[(child.id, f"{child.forename} {child.surname} (child)")]
            + [(a.id, f"{a.forename} {a.surname} ({a.relationship})") for a in family.adults],
            today=today,
            prefix=id_prefix,
        )
        case.themes = _themes(case, seeded(seed, "fw-themes", index))
        case.on(today)
        _case_field_work(
            case,
            definitions,
            team,
            out,
            seed,
            special.get(index, ""),
            profile_rank.get(index),
            pair_rank.get(index),
        )
    _write(session, out)


def _case_field_work(
    case: CaseWork,
    forms: Forms,
    team: Team,
    out: Output,
    seed: int,
    special: str,
    profile_rank: int | None,
    pair_rank: int | None,
) -> None:
    index = case.index
    reason = case.closure_reason.lower()
    if not case.is_open and MOVED_REASON in reason:
        special = "moved"
    elif (
        not case.is_open and EHE_REASON in reason and seeded(seed, "fw-ehe?", index).random() < 0.6
    ):
        special = "ehe_closed"  # the school's notice is on file for most of them
    plans_rng = seeded(seed, "fw-plans", index)
    periods = _plan_periods(case, plans_rng)
    _complete_actions(case, plans_rng, periods)
    next_action: tuple[str, dt.date] | None = None
    if index != 0:  # case 0 keeps its 300 entries (the benchmark's long chronology)
        if case.markers.assessment is not None or case.markers.plan is not None:
            start = _assessment_record(case, forms, seeded(seed, "fw-assessment", index), periods)
            if start is not None and case.is_open and not periods:
                text = _fill("Agree the support plan with {p} and {school}", case.on(start))
                next_action = (text, start)
        reviews_rng = seeded(seed, "fw-reviews", index)
        for n, period in enumerate(periods):
            if period.held is not None:
                following = periods[n + 1].review_on if n + 1 < len(periods) else None
                _review_record(case, forms, reviews_rng, period, following)
        visits_rng = seeded(seed, "fw-visits", index)
        gone = _home_visits(case, forms, visits_rng, team, out, special)
        if gone is not None:
            referred = _cme_record(case, forms, seeded(seed, "fw-cme", index), gone)
            follow_up = _fill("Ask the CME team whether {c} has been found", case.facts)
            next_action = (follow_up, add_working_days(referred, 10))
        if special in ("ehe", "ehe_closed"):
            noticed = _ehe_record(case, forms, seeded(seed, "fw-ehe", index), special)
            if noticed is not None:
                follow_up = _fill("Check the EHE team has contacted {p}", case.facts)
                next_action = (follow_up, add_working_days(noticed, 5))
    if next_action is not None and case.is_open and not periods:
        text, due = next_action
        out.next_actions.append({"b_id": case.id, "b_text": text[:200], "b_due": due})
    _plan_rows(case, periods, out)
    _planned_visits(case, seeded(seed, "fw-planned", index), team, out, profile_rank, pair_rank)
    if case.entries:
        case.entries.sort(key=lambda e: (e.signed_at, e.id))
        seal_new_chain(case.entries, after_seq=case.last_seq, after_hash=case.last_hash)
        out.entries += [{k: getattr(e, k) for k in ENTRY_COLUMNS} for e in case.entries]


def _write(session: Session, out: Output) -> None:
    for model, rows in (
        (ChronologyEntry, out.entries),
        (Plan, out.plans),
        (PlanTarget, out.targets),
        (PlanAction, out.actions),
        (VisitPlan, out.visits),
        (RiskAcknowledgement, out.acks),
    ):
        bulk_insert(session, model, rows)
    if out.next_actions:
        session.connection().execute(
            update(Case)
            .where(Case.id == bindparam("b_id"))
            .values(next_action=bindparam("b_text"), next_action_due=bindparam("b_due")),
            out.next_actions,
        )
