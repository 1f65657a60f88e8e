"""What the demo's field work is built on: a case as the field work sees it (CaseWork), the
forms, the words (resources/demo/field_work.yaml) and how they are filled in, working days,
the register's figures for a period, and the signed structured record."""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import random
import string
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from officer_app.demo import names, prose, terms
from officer_app.demo.common import NOT_POSSIBLE, PRESENT, ordered_id
from officer_app.demo.data import demo_data
from officer_app.demo.families import AdultPlan, ChildPlan, FamilyPlan
from officer_app.demo.registers import Register
from officer_app.demo.team import Person, SchoolInfo
from officer_app.domain.school_year import school_year_start
from officer_app.domain.stages import Stage
from officer_app.domain.working_days import is_working_day
from officer_app.forms import (
    FormDefinition,
    FormRegistry,
    clean,
    load_registry,
    validate,
)
from officer_app.services.builders import record_body, record_entry_type, record_title
from officer_app.store.models import (
    ChronologyEntry,
)

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


def fill(template: str, facts: Facts) -> str:
    text = template.format(**facts)
    return text[:1].upper() + text[1:]


def pick(rng: random.Random, pool: Sequence[str], facts: Facts) -> str:
    """One template from the pool that this case has every fact for, filled in."""
    usable = [t for t in pool if _fits(t, facts)] or [pool[0]]
    return fill(rng.choice(usable), facts)


def fill_some(rng: random.Random, pool: Sequence[str], facts: Facts, low: int, high: int) -> str:
    usable = [t for t in pool if _fits(t, facts)]
    count = min(len(usable), rng.randint(low, high))
    return " ".join(fill(t, facts) for t in rng.sample(usable, count))


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
def shipped_forms() -> FormRegistry:
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
def working_on_or_after(day: dt.date) -> dt.date:
    while not is_working_day(day):
        day += ONE_DAY
    return day


def _working_on_or_before(day: dt.date) -> dt.date:
    while not is_working_day(day):
        day -= ONE_DAY
    return day


def school_day_on_or_after(day: dt.date) -> dt.date:
    """The next day the school is open and the service works (a meeting in school)."""
    for _ in range(80):
        if terms.is_session_day(day) and is_working_day(day):
            return day
        day += ONE_DAY
    return working_on_or_after(day)


def day_between(rng: random.Random, first: dt.date, last: dt.date) -> dt.date:
    """A working day from ``first`` to ``last`` (``last`` if there is none)."""
    if last <= first:
        return _working_on_or_before(last) if last < first else last
    day = first + dt.timedelta(days=rng.randint(0, (last - first).days))
    for candidate in (_working_on_or_before(day), working_on_or_after(day)):
        if first <= candidate <= last:
            return candidate
    return day


def hhmm(minute: int) -> str:
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


def figures_between(register: Register, first: dt.date, last: dt.date) -> Figures:
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


def figures_at_referral(case: CaseWork) -> Figures:
    since, *_ = case.register.figures(case.referral)
    return figures_between(case.register, since, case.referral - ONE_DAY)


# -------------------------------------------------------------------------------- records
def signed_record(
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
    signed_at = recorded + dt.timedelta(minutes=rng.randint(2, 40))
    if forms.wants_check(form_id):
        people = [p for p, _ in case.people]
        errors = validate(definition, kept, people=people, today=forms.today, now=signed_at)
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
        signed_at=signed_at,
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


def themes_of(case: CaseWork, rng: random.Random) -> tuple[Theme, ...]:
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


def make_facts(
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
        **main.facts(),
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


def school_of(child: ChildPlan, day: dt.date, year_start: dt.date) -> SchoolInfo:
    if day < year_start and child.previous_school is not None:
        return child.previous_school
    return child.school


def voice_of(case: CaseWork, rng: random.Random, themes: Sequence[Theme] = ()) -> str:
    pool = [q for t in (themes or case.themes) for q in (t.voice_older if case.older else t.voice)]
    return pick(rng, pool or list(GENERIC_VOICE), case.facts)


def owner_name_of(case: CaseWork, owner: str, description: str) -> str:
    if owner == "officer":
        return case.officer.name
    if owner == "school":
        return f"{case.facts['staff']}, {case.facts['staffrole']}"[:120]
    if owner == "parent":
        return case.facts["p"]
    return next(
        (name for key, name in AGENCIES if key.lower() in description.lower()), "Early Help"
    )


UNPROMPTED: tuple[str, ...] = _DATA["UNPROMPTED"]


EHE_REASONS: dict[str, str] = _DATA["EHE_REASONS"]
