"""Case-note prose for the synthetic chronology: short titles, bodies of one to four sentences.

Bodies are assembled from pools of sentences filled in with the case's own names, school and
attendance figures, so that no two cases read alike and full-text search has real words to
find. The style is that of an attendance officer's contemporaneous notes.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass

from officer_app.demo import names
from officer_app.demo.data import demo_data
from officer_app.domain.stages import Stage, stage_entry_text

_DATA = demo_data("prose")

Facts = dict[str, str]


@dataclass(frozen=True)
class Written:
    title: str
    body: str


def _usable(pool: Sequence[str], facts: Facts) -> list[str]:
    """The sentences that make sense for this family (no "translated into English")."""
    if facts.get("lang", "English") != "English":
        return list(pool)
    return [text for text in pool if "{lang}" not in text] or list(pool)


def _pick(rng: random.Random, pool: Sequence[str], facts: Facts) -> str:
    return rng.choice(_usable(pool, facts)).format(**facts)


def _some(rng: random.Random, pool: Sequence[str], facts: Facts, low: int, high: int) -> list[str]:
    usable = _usable(pool, facts)
    count = min(len(usable), rng.randint(low, high))
    return [text.format(**facts) for text in rng.sample(usable, count)]


def _join(parts: Sequence[str]) -> str:
    return " ".join(part for part in parts if part)


WORRIES: tuple[str, ...] = _DATA["WORRIES"]

# ------------------------------------------------------------------------------ referral
REFERRAL_TITLES: tuple[str, ...] = _DATA["REFERRAL_TITLES"]
REFERRAL_BODY: tuple[str, ...] = _DATA["REFERRAL_BODY"]
REFERRAL_TRIED: tuple[str, ...] = _DATA["REFERRAL_TRIED"]
REFERRAL_CONTEXT: tuple[str, ...] = _DATA["REFERRAL_CONTEXT"]


def referral(rng: random.Random, facts: Facts) -> Written:
    body = [_pick(rng, REFERRAL_BODY, facts), _pick(rng, REFERRAL_TRIED, facts)]
    context = [c for c in REFERRAL_CONTEXT if facts["sib"] or "{sib}" not in c]
    body.append(_pick(rng, context, facts))
    return Written(rng.choice(REFERRAL_TITLES), _join(body))


def referral_reason(rng: random.Random, facts: Facts) -> str:
    return _join(
        [
            f"Attendance {facts['pct']}% since {facts['since']} ({facts['miss']} of "
            f"{facts['poss']} sessions missed, {facts['unauth']} unauthorised).",
            _pick(rng, REFERRAL_TRIED, facts),
        ]
    )


# ---------------------------------------------------------------------------- allocation
def allocation(rng: random.Random, facts: Facts) -> Written:
    body = rng.choice(
        (
            "{c}'s case allocated to {officer} by {sup} at the weekly allocation meeting. "
            "Initial contact to be made within 5 working days.",
            "Case allocated to {officer}. Referral from {school} screened: early intervention "
            "evidenced; threshold met for the service ({pct}% since {since}).",
            "Allocated to {officer} by {sup}; {officer} will work with the whole family, so "
            "one family, one worker.",
            "Allocated to {officer}. Initial visit to {addr} to be arranged; check for risk "
            "flags on the address before visiting.",
            "Allocated to {officer} on {date}. {p} to be contacted by phone first; letter to "
            "follow if no answer.",
        )
    ).format(**facts)
    return Written("Case allocated", body)


# ---------------------------------------------------------------------------- home visit
VISIT_OPEN_SEEN: tuple[str, ...] = _DATA["VISIT_OPEN_SEEN"]
VISIT_MIDDLE: tuple[str, ...] = _DATA["VISIT_MIDDLE"]
VISIT_CLOSE: tuple[str, ...] = _DATA["VISIT_CLOSE"]
VISIT_NO_REPLY: tuple[str, ...] = _DATA["VISIT_NO_REPLY"]
OBSERVATIONS: tuple[str, ...] = _DATA["OBSERVATIONS"]
VISIT_REFUSED: tuple[str, ...] = _DATA["VISIT_REFUSED"]


def home_visit(rng: random.Random, facts: Facts) -> Written:
    roll = rng.random()
    if roll < 0.28:
        body = _pick(rng, VISIT_NO_REPLY, {**facts, "obs": rng.choice(OBSERVATIONS)})
        return Written(rng.choice(("Home visit – no reply", "Home visit: no reply")), body)
    if roll < 0.36:
        return Written("Home visit – refused entry", _pick(rng, VISIT_REFUSED, facts))
    parts = [_pick(rng, VISIT_OPEN_SEEN, facts)]
    parts += _some(rng, VISIT_MIDDLE, facts, 1, 2)
    parts.append(_pick(rng, VISIT_CLOSE, facts))
    title = rng.choice(("Home visit", "Home visit – child seen", "Planned home visit"))
    return Written(title, _join(parts))


# ---------------------------------------------------------------------------- phone call
CALL_PARENT: tuple[str, ...] = _DATA["CALL_PARENT"]
CALL_PROF: tuple[tuple[str, str], ...] = _DATA["CALL_PROF"]


def phone_call(rng: random.Random, facts: Facts) -> Written:
    if rng.random() < 0.6:
        title = rng.choice((f"Call to {facts['p']}", f"Call from {facts['p']}", "Phone call"))
        return Written(title, _pick(rng, CALL_PARENT, facts))
    n = rng.randint(2, 8)
    title, body = rng.choice(CALL_PROF)
    figures = {**facts, "n": str(n), "m": str(n + 2)}
    return Written(title.format(**figures), body.format(**figures))


# -------------------------------------------------------------------------- school visit
SCHOOL_VISIT: tuple[str, ...] = _DATA["SCHOOL_VISIT"]


def school_visit(rng: random.Random, facts: Facts) -> Written:
    parts = _some(rng, SCHOOL_VISIT, facts, 1, 2)
    return Written(rng.choice(("School visit", f"Visit to {facts['school']}")), _join(parts))


# ------------------------------------------------------------------------------ meeting
MEETINGS: tuple[tuple[str, str], ...] = _DATA["MEETINGS"]


def meeting(rng: random.Random, facts: Facts) -> Written:
    title, body = rng.choice(MEETINGS)
    extra = rng.choice(
        (
            "",
            "Interpreter ({lang}) present." if facts["lang"] != "English" else "",
            "{c}'s views recorded in {his} own words on the plan.",
            "Minutes to follow from school.",
        )
    )
    return Written(title, _join([body.format(**facts), extra.format(**facts)]))


# -------------------------------------------------------------------------------- email
EMAILS: tuple[tuple[str, str], ...] = _DATA["EMAILS"]


def email(rng: random.Random, facts: Facts) -> Written:
    title, body = rng.choice(EMAILS)
    m = rng.randint(6, 10)
    figures = {**facts, "n": str(rng.randint(2, m)), "m": str(m)}
    return Written(title.format(**figures), body.format(**figures))


# ------------------------------------------------------------------------------- letter
LETTERS: tuple[tuple[str, str], ...] = _DATA["LETTERS"]
FORMAL_LETTERS: tuple[tuple[str, str], ...] = _DATA["FORMAL_LETTERS"]
LEGAL_LETTERS: tuple[tuple[str, str], ...] = _DATA["LEGAL_LETTERS"]


def letter(rng: random.Random, facts: Facts, stage: str) -> Written:
    pool: Sequence[tuple[str, str]] = LETTERS
    if stage == "formal" and rng.random() < 0.5:
        pool = FORMAL_LETTERS
    elif stage in ("legal", "court") and rng.random() < 0.5:
        pool = LEGAL_LETTERS
    english = facts["lang"] == "English"
    title, body = rng.choice([x for x in pool if not english or "{lang}" not in x[1]])
    return Written(title, body.format(**facts))


# --------------------------------------------------------------------------------- note
NOTES: tuple[str, ...] = _DATA["NOTES"]


def note(rng: random.Random, facts: Facts) -> Written:
    return Written(rng.choice(("Case note", "Note", "File note")), _pick(rng, NOTES, facts))


# ---------------------------------------------------------------------------- assessment
NEEDS: tuple[str, ...] = _DATA["NEEDS"]
CHILD_FACTORS: tuple[str, ...] = _DATA["CHILD_FACTORS"]
FAMILY_FACTORS: tuple[str, ...] = _DATA["FAMILY_FACTORS"]
SCHOOL_FACTORS: tuple[str, ...] = _DATA["SCHOOL_FACTORS"]


def assessment(rng: random.Random, facts: Facts) -> Written:
    need = rng.choice(NEEDS)
    body = (
        f"Initial assessment completed with {facts['p']} and {facts['c']}. "
        f"Child: {_pick(rng, CHILD_FACTORS, facts)}. Family: {_pick(rng, FAMILY_FACTORS, facts)}."
        f" School: {_pick(rng, SCHOOL_FACTORS, facts)}. Level of need: {need}."
    )
    return Written("Initial assessment", body)


def plan(rng: random.Random, facts: Facts) -> Written:
    targets = rng.sample(
        [
            f"{facts['c']} in school by 08:40 every day",
            "attendance above 90% by the next review",
            "no unauthorised absence",
            f"{facts['p']} to phone school before 08:45 on any absence",
            "weekly check-in with the learning mentor",
            "GP appointment about the headaches",
            "referral to the school nurse",
            "Early Help assessment with the family",
        ],
        3,
    )
    body = (
        f"Attendance support plan agreed with {facts['p']}, {facts['c']} and {facts['school']}: "
        + "; ".join(targets)
        + f". Review on {facts['nextdate']}."
    )
    return Written("Support plan agreed", body)


def review(rng: random.Random, facts: Facts) -> Written:
    verdict = rng.choice(
        (
            "Some improvement but not yet sustained; plan continues.",
            "Targets not met; discussed moving to formal intervention.",
            "Targets met; {c} proud of {his} certificate.",
            "Attendance dipped after half term; new target agreed with {c}.",
            "{p} did not attend; review held with school and rescheduled for the family.",
        )
    ).format(**facts)
    body = (
        f"Plan review with {facts['p']} and {facts['staff']}: attendance {facts['pct']}% since "
        f"{facts['since']} ({facts['unauth']} unauthorised sessions). {verdict}"
    )
    return Written("Plan review", body)


# -------------------------------------------------------------------------- safeguarding
SAFEGUARDING: tuple[str, ...] = _DATA["SAFEGUARDING"]


def safeguarding(rng: random.Random, facts: Facts) -> Written:
    return Written("Safeguarding concern", _pick(rng, SAFEGUARDING, facts))


def attendance(rng: random.Random, facts: Facts) -> Written:
    body = rng.choice(
        (
            "Attendance {pct}% since {since} ({miss} of {poss} sessions missed, {unauth} "
            "unauthorised).",
            "Register update from {school}: {pct}% since {since}; {unauth} unauthorised sessions.",
            "Weekly attendance check: {pct}% since {since}. {miss} sessions missed in all.",
        )
    ).format(**facts)
    return Written(rng.choice(("Attendance update", "Register check")), body)


# ------------------------------------------------------------------------- legal stages
def penalty_notice(rng: random.Random, facts: Facts, *, issued: bool = False) -> Written:
    if not issued:
        return Written(
            "Penalty notice paid",
            f"Payment of £80 received for the penalty notice issued to {facts['pfull']}.",
        )
    body = (
        f"Penalty notice issued to {facts['pfull']} for {facts['unauth']} sessions of "
        f"unauthorised absence in the last 10 school weeks. £80 if paid within 21 days, "
        f"£160 within 28 days. Copy to file."
    )
    return Written("Penalty notice issued", body)


def interview(rng: random.Random, facts: Facts) -> Written:
    start = facts["time"]
    body = (
        f"Interview under caution with {facts['pfull']} at the Civic Centre, {start} to "
        f"{facts['end']}. Present: {facts['officer']} (interviewer), {facts['second']} (second "
        f"officer){facts['interp']}. {facts['p']} was told {facts['pp']} was not under arrest, "
        "was free to leave and was entitled to free and independent legal advice; "
        + rng.choice(
            (
                "declined advice.",
                "asked for a solicitor; duty solicitor joined by phone.",
                "declined advice and asked to continue.",
            )
        )
        + " Caution given before any question about the offence. "
        + rng.choice(
            (
                f"{facts['p']} said {facts['c']} is ill a lot but has not seen the GP.",
                f"{facts['p']} accepted {facts['pp']} could have done more to get "
                f"{facts['c']} to school.",
                f"{facts['p']} made no comment to most questions.",
            )
        )
        + " Record read and signed as correct."
    )
    return Written("Interview under caution", body)


def statement(rng: random.Random, facts: Facts) -> Written:
    pages = rng.randint(5, 11)
    exhibits = rng.randint(4, 12)
    ini = facts["initials"]
    body = (
        f"Section 9 witness statement of {facts['officer']} signed ({pages} pages). Exhibits "
        f"{ini}/1 to {ini}/{exhibits}: register extract, head teacher's certificate, letters "
        f"and visit records."
    )
    return Written("Witness statement", body)


COURT_EVENTS: tuple[tuple[str, str], ...] = _DATA["COURT_EVENTS"]


def court(rng: random.Random, facts: Facts, variant: str = "") -> Written:
    """``variant``: "laid" (the information laid), "outcome", or any hearing."""
    if variant == "laid":
        title, body = COURT_EVENTS[0]
    elif variant == "outcome":
        title, body = rng.choice(COURT_EVENTS[2:5])
    else:
        title, body = rng.choice((COURT_EVENTS[1], COURT_EVENTS[5]))
    figures = {
        "fine": str(rng.choice((120, 180, 220, 300, 440))),
        "costs": str(rng.choice((75, 110, 150, 250))),
    }
    return Written(title, body.format(**facts, **figures))


SUPERVISION: tuple[str, ...] = _DATA["SUPERVISION"]

SUPERVISION_NTI = 3
SUPERVISION_LEGAL = 2
# Which routine supervision notes fit which stage (the decisions to authorise a Notice to
# Improve or legal action are written where the case moves on, not at random).
SUPERVISION_BY_STAGE: dict[str, tuple[int, ...]] = _DATA["SUPERVISION_BY_STAGE"]


def supervision(rng: random.Random, facts: Facts, stage: str = "support") -> Written:
    fitting = SUPERVISION_BY_STAGE.get(stage, SUPERVISION_BY_STAGE["support"])
    return Written("Supervision", SUPERVISION[rng.choice(fitting)].format(**facts))


STAGE_REASONS: dict[str, str] = _DATA["STAGE_REASONS"]


def stage_change(rng: random.Random, facts: Facts, old: str, new: str) -> Written:
    """A stage change in the service's own words (domain/stages.py: "Stage: X to Y - reason"),
    the reason in the officer's."""
    tail = rng.choice(
        (
            f" Attendance {facts['pct']}% since {facts['since']}.",
            f" {facts['unauth']} unauthorised sessions since {facts['since']}.",
            f" Agreed with {facts['sup']}.",
            f" {facts['p']} informed by phone.",
            "",
        )
    )
    reason = f"{STAGE_REASONS.get(new, 'see notes')}.{tail}"
    title, body = stage_entry_text(Stage(old), Stage(new), reason[:1].upper() + reason[1:])
    return Written(title, body)


# (key, detail): the key one of domain/closure.py's default closure reasons
CLOSURE_REASONS: tuple[tuple[str, str], ...] = tuple(
    (str(key), str(detail)) for key, detail in _DATA["CLOSURE_REASONS"]
)


AMEND_REASONS: tuple[str, ...] = _DATA["AMEND_REASONS"]


def amendment_reason(rng: random.Random, facts: Facts) -> str:
    return _pick(rng, AMEND_REASONS, facts)


NEXT_ACTIONS: dict[str, tuple[str, ...]] = _DATA["NEXT_ACTIONS"]


def next_action(rng: random.Random, stage: str, facts: Facts) -> str:
    return _pick(rng, NEXT_ACTIONS[stage], facts)


def worry(rng: random.Random, facts: Facts) -> str:
    return _pick(rng, WORRIES, facts)


def professional(rng: random.Random) -> tuple[str, str]:
    return rng.choice(names.PROFESSIONALS)
