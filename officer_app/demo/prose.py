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


WORRIES = (
    "falling out with friends",
    "a supply teacher in maths",
    "being picked on at break time",
    "the noise in the canteen",
    "tests coming up",
    "leaving {his} mum on her own",
    "getting changed for PE",
    "the bus journey",
    "a group of older pupils on the way home",
    "not understanding the work in science",
    "being put in isolation",
    "a new seating plan",
    "reading aloud in class",
    "a teacher who shouted at {him}",
    "having no one to sit with",
)

# ------------------------------------------------------------------------------ referral
REFERRAL_TITLES = ("Referral received", "Referral from school", "New referral")
REFERRAL_BODY = (
    "Referral received from {school} ({staff}, attendance lead): {c} ({yr}) has attendance of "
    "{pct}% since {since}, {miss} sessions missed of which {unauth} unauthorised.",
    "{school} referred {c} ({yr}) for persistent absence: {pct}% attendance since {since} "
    "({miss} of {poss} sessions missed, {unauth} unauthorised).",
)
REFERRAL_TRIED = (
    "School has made first-day calls, sent two attendance letters and held an attendance "
    "meeting with {p}; an attendance plan was agreed but not kept to.",
    "School reports phone calls home most mornings, a home visit by the family support worker "
    "and an attendance meeting on {date}.",
    "Early help offered by school and declined by {p}; attendance plan in place since last term.",
    "School has tried a late gate pass, a meet-and-greet with the learning mentor and a "
    "part-time timetable review; no lasting improvement.",
    "Letters sent home; {p} attended one meeting and agreed to phone in each absence, which "
    "has not happened.",
)
REFERRAL_CONTEXT = (
    "Absences mostly on Mondays and Fridays.",
    "Most absences recorded as illness without medical evidence.",
    "Several unauthorised absences around half term.",
    "{c} is known to the SENCO; school reports anxiety about attending.",
    "Sibling {sib} also has low attendance.",
    "Punctuality also a concern: frequently arrives after the register closes.",
    "",
)


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
VISIT_OPEN_SEEN = (
    "Visited {addr} at {time}; {p} answered the door and invited me in.",
    "Planned home visit at {time}. {p} and {c} were at home.",
    "Called at the family home at {time} as arranged; {pfull} present throughout.",
    "Unannounced visit at {time}. {p} was getting ready to go out but agreed to talk.",
    "Home visit at {time} with {o} also present.",
    "Visited at {time}. {c} opened the door; {p} came down after a few minutes.",
)
VISIT_MIDDLE = (
    "{c} was seen and spoken to alone in the kitchen; {he} said {he} finds mornings hard and "
    "worries about {worry}.",
    "{p} reports {c} has been complaining of headaches and stomach aches on school mornings.",
    "Discussed the attendance figures: {pct}% since {since}, {unauth} sessions unauthorised.",
    "{p} accepted that the recent absences were not for illness.",
    "{p} said {c} stays up late on {his} phone and will not get up; agreed the phone stays "
    "downstairs overnight.",
    "House warm and tidy; {c} in pyjamas at {time} on a school day.",
    "{c} said {he} likes {his} form tutor but hates {worry}.",
    "{p} feels the school does not listen; offered to attend the next meeting with {pp_obj}.",
    "Spoke with {c} about what would help; {he} would like a quiet place to go at break.",
    "{p} disclosed money worries since losing hours at work; gave details of the Family Hub.",
    "Talked through the morning routine step by step; {p} is on an early shift three days a week.",
    "{p} is caring for a younger sibling who has been unwell; discussed childcare options.",
    "{c} showed me {his} timetable and said Tuesdays are the worst day because of {worry}.",
    "Interpreter ({lang}) on speaker phone for the whole visit.",
)
VISIT_CLOSE = (
    "Agreed that {o} will walk {c} to school for the next two weeks.",
    "Next visit booked for {nextdate}.",
    "Explained the legal position and the next steps if attendance does not improve.",
    "Left an attendance leaflet in {lang} and my contact card.",
    "Will speak to {staff} at {school} about a soft start in the mornings.",
    "{p} agreed to phone school before 08:45 on any day {c} is absent.",
    "Referral to the school nurse to be made with {p}'s consent.",
    "",
)
VISIT_NO_REPLY = (
    "Called at {addr} at {time}; no reply. {obs} Calling card left asking {p} to ring me.",
    "No reply at {time}. {obs} Calling card left through the letterbox.",
    "Visit at {time}: no answer at the door or on {p}'s mobile. {obs} Card left.",
    "Nobody home at {time}. {obs} Calling card left; will try again later in the week.",
)
OBSERVATIONS = (
    "Curtains drawn upstairs.",
    "A car on the drive.",
    "TV audible inside.",
    "Dog barking.",
    "No sign of anyone at home.",
    "Post piling up inside the door.",
    "Neighbour said the family were in earlier.",
    "Bins out, lights on in the kitchen.",
)
VISIT_REFUSED = (
    "{p} spoke to me on the doorstep at {time} but would not let me in; said {pp} had an "
    "appointment. {c} not seen.",
    "Visit at {time}: {p} came to the door and asked me to leave, saying school is picking on "
    "{c}. Gave my card and explained I would write.",
    "{o} answered at {time} and said {p} was asleep. Declined to let me in. Left a letter "
    "about the next attendance meeting.",
)


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
CALL_PARENT = (
    "Rang {p} at {time}. {pp_cap} said {c} was off with a cold today and would be back "
    "tomorrow; reminded {pp_obj} that school needs a call before 08:45.",
    "Call from {p}: {c} refusing to go in again this morning. Talked through the plan; {pp} "
    "will try the later start agreed with school.",
    "Rang {p} to arrange a home visit; agreed {nextdate} after school.",
    "No answer from {p}'s mobile at {time}; voicemail left asking for a call back.",
    "{p} rang back. Upset about the letter; explained why it was sent and what happens next.",
    "Call to {p} to check how the first week of the plan went; {pp} says {c} went in every "
    "day but was late twice.",
    "Spoke to {o}, who says {p} is in hospital for a few days; {c} staying with an aunt.",
    "Rang {p} at {time} after school reported {c} absent; {pp} said {c} had a migraine. Asked "
    "for a GP appointment to be made.",
    "Call from {p} at {time} to say {c} went in late after a row about {worry}.",
    "Rang {p} to remind {pp_obj} of the meeting at {school} on {nextdate}; {pp} will come.",
    "Called {p} at {time}: no reply; text sent with my number and the meeting date.",
    "{p} phoned to ask whether {c} can change school; explained in-year admissions and gave "
    "the number for the admissions team.",
    "Call to {p}: {c} at {pct}% since {since}; discussed what is getting in the way this week.",
)
CALL_PROF = (
    (
        "Call to school",
        "Call to {staff} ({staffrole}) at {school}: {c} in {n} days out of the last {m}.",
    ),
    (
        "Call from school",
        "Call from {staff} at {school}: {c} arrived at 10:20 today without a note.",
    ),
    (
        "Call with {profrole}",
        "Spoke to the {profrole} ({prof}) about {c}; agreed to share the "
        "attendance plan with {p}'s consent.",
    ),
    (
        "Call to {profrole}",
        "Call to the {profrole} ({prof}) to check whether {c}'s family is "
        "known; not currently open.",
    ),
    (
        "Call to SENCO",
        "Rang the SENCO at {school} about the support plan review date; it is on {nextdate}.",
    ),
    (
        "Call from {profrole}",
        "Call from the {profrole} ({prof}) asking for an update for the next multi-agency meeting.",
    ),
)


def phone_call(rng: random.Random, facts: Facts) -> Written:
    if rng.random() < 0.6:
        title = rng.choice((f"Call to {facts['p']}", f"Call from {facts['p']}", "Phone call"))
        return Written(title, _pick(rng, CALL_PARENT, facts))
    n = rng.randint(2, 8)
    title, body = rng.choice(CALL_PROF)
    figures = {**facts, "n": str(n), "m": str(n + 2)}
    return Written(title.format(**figures), body.format(**figures))


# -------------------------------------------------------------------------- school visit
SCHOOL_VISIT = (
    "Visited {school} and went through the register with {staff} ({staffrole}): {pct}% "
    "since {since}, {unauth} sessions unauthorised.",
    "Met {staff} at {school}. {c} seen in school; {he} said things are a bit better since "
    "the move to a different maths set.",
    "Register check at {school}: {miss} sessions missed since {since}. Most absences on Mondays.",
    "Joint meeting in school with {staff} ({staffrole}) and {c}. {c} agreed a target of "
    "full weeks for the rest of the half term.",
    "Saw {c} in school at lunchtime with {staff}; {he} was chatty and said {he} wants to do "
    "better.",
    "Collected the register printout and the school's letters for the file from {staff}.",
)


def school_visit(rng: random.Random, facts: Facts) -> Written:
    parts = _some(rng, SCHOOL_VISIT, facts, 1, 2)
    return Written(rng.choice(("School visit", f"Visit to {facts['school']}")), _join(parts))


# ------------------------------------------------------------------------------ meeting
MEETINGS = (
    (
        "Attendance meeting",
        "Attendance meeting at {school} with {p}, {staff} ({staffrole}) "
        "and me. Attendance {pct}% since {since}. Barriers discussed: {worry}.",
    ),
    (
        "Team around the family meeting",
        "TAF meeting with {p}, {staff}, the {profrole} and me. "
        "Actions agreed for school, family and services; next TAF on {nextdate}.",
    ),
    (
        "Attendance contract meeting",
        "Attendance contract discussed and signed by {p} and "
        "{school}. Target: at least 95% over the next six weeks, review {nextdate}.",
    ),
    (
        "Parenting contract meeting",
        "Parenting contract (s19 ASBA 2003) agreed with {p}: "
        "{c} in school every day by 08:40; service to fund a bus pass for the term.",
    ),
    (
        "Core group meeting",
        "Core group for the child protection plan: attendance reported as "
        "{pct}%. Social worker will raise at the next review conference.",
    ),
    (
        "Meeting with family",
        "Met {p} and {c} at the Family Hub. {c} said {he} would rather go "
        "to {school} than stay at home, but mornings are hard because of {worry}.",
    ),
)


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
EMAILS = (
    (
        "Email from school",
        "Email from {staff} at {school}: {c} absent again today, no call "
        "from home. Weekly figure now {pct}%.",
    ),
    (
        "Email to SENCO",
        "Emailed the SENCO at {school} asking for {c}'s support plan and the "
        "notes of the review on {date}.",
    ),
    (
        "Email from Early Help",
        "Early Help confirmed the family support worker will start visits on {nextdate}.",
    ),
    (
        "Email to school",
        "Emailed {staff} to ask that {c} be given a pass to leave lessons "
        "five minutes early to avoid the corridor crush.",
    ),
    (
        "Email from school",
        "{staff} sent {c}'s register extract ({pct}% since {since}) and "
        "copies of the school's letters for the file.",
    ),
    (
        "Email to {profrole}",
        "Sent the {profrole} ({prof}) a summary of the plan and asked "
        "whether {c} can be seen before the next review.",
    ),
    (
        "Email from school",
        "{school} reports {c} in full days all week and on time every "
        "morning; praised in assembly on {date}.",
    ),
    (
        "Email from school",
        "{staff} ({staffrole}) writes that {c} was in {n} of {m} sessions "
        "this week and left at lunchtime on {date}.",
    ),
    (
        "Email to {p}",
        "Emailed {p} the date of the next meeting ({nextdate}) and a copy of the "
        "attendance figures: {pct}% since {since}.",
    ),
    (
        "Email from {profrole}",
        "The {profrole} ({prof}) has seen {c} and will write to "
        "{school} with advice before {nextdate}.",
    ),
    (
        "Email to school",
        "Asked {staff} for {c}'s timetable and the names of the adults {he} trusts in school.",
    ),
)


def email(rng: random.Random, facts: Facts) -> Written:
    title, body = rng.choice(EMAILS)
    m = rng.randint(6, 10)
    figures = {**facts, "n": str(rng.randint(2, m)), "m": str(m)}
    return Written(title.format(**figures), body.format(**figures))


# ------------------------------------------------------------------------------- letter
LETTERS = (
    (
        "Letter: home visit missed",
        "Letter sent to {p} after no reply at the home visit, "
        "offering a new appointment on {nextdate}.",
    ),
    (
        "Letter: attendance concern",
        "Letter to {p} setting out {c}'s attendance ({pct}% since "
        "{since}) and inviting {pp_obj} to an attendance meeting.",
    ),
    (
        "Letter: meeting invitation",
        "Invitation to an attendance meeting at {school} on "
        "{nextdate}, sent to {p} and {o} by post and email.",
    ),
    (
        "Letter: plan summary",
        "Copy of the attendance support plan sent to {p} in English and {lang}.",
    ),
    (
        "Letter: attendance update",
        "Letter to {p} confirming improvement to {pct}% and the date of the next review.",
    ),
)
FORMAL_LETTERS = (
    (
        "Letter: Notice to Improve",
        "Notice to Improve sent to {pfull}: attendance must be at "
        "least 95% with no unauthorised absence for the next 6 school weeks. Support offered: "
        "Early Help, a soft start at school and a review visit.",
    ),
    (
        "Letter: parenting contract",
        "Parenting contract sent to {p} for signature with a stamped addressed envelope.",
    ),
    (
        "Letter: warning of legal action",
        "Letter warning {pfull} that the local authority is "
        "considering legal action under s444 Education Act 1996 if attendance does not improve.",
    ),
)
LEGAL_LETTERS = (
    (
        "Letter: invitation to interview",
        "Letter inviting {pfull} to an interview under "
        "caution at the Civic Centre on {nextdate}; right to free legal advice explained.",
    ),
    (
        "Letter: penalty notice reminder",
        "Reminder that the penalty notice is unpaid; the "
        "28-day period ends on {nextdate}, after which the case may go to prosecution.",
    ),
    (
        "Letter: decision to prosecute",
        "Letter to {pfull} confirming that the case has been "
        "referred for prosecution under s444(1) Education Act 1996.",
    ),
)


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
NOTES = (
    "Checked the attendance portal: {c} absent Monday and Tuesday, no reason given.",
    "{p} left a voicemail saying {c} has a hospital appointment on {nextdate}; asked school to "
    "record it as M once a letter is shown.",
    "Case reviewed on file: {c} at {pct}% since {since}. Plan targets partly met; will raise "
    "at supervision.",
    "Information from school: {c} has been on a reduced timetable since {date}.",
    "Translation of the plan into {lang} requested from the interpreting service.",
    "Updated the chronology summary for {c}'s review meeting on {nextdate}.",
    "{c}'s older cousin collected {him} from school at lunchtime; school have asked for "
    "a list of people allowed to collect.",
    "Noted that {p}'s mobile number has changed; details updated on the contact sheet.",
    "Consent form for information sharing signed by {p} on {date} and scanned to file.",
    "Bus pass application made for {c} for the rest of the term.",
    "Checked the register: {unauth} unauthorised sessions since {since}, {miss} missed in all.",
    "GP surgery confirmed {c} was seen on {date}; letter to follow for school.",
    "Uniform grant application completed with {p} for {c}'s new blazer and shoes.",
    "{c} has started a lunchtime club at {school}; {he} asked for it to be noted.",
    "Text from {p}: {c} in school today, on time.",
    "Reminder set to check {c}'s attendance after the next two weeks.",
    "Referral form for the young carers' service completed with {p}'s consent.",
    "Spoke to the duty worker at the Family Hub on {date}: food bank voucher issued for {p}.",
)


def note(rng: random.Random, facts: Facts) -> Written:
    return Written(rng.choice(("Case note", "Note", "File note")), _pick(rng, NOTES, facts))


# ---------------------------------------------------------------------------- assessment
NEEDS = ("low", "medium", "medium", "high")
CHILD_FACTORS = (
    "anxiety about {worry}",
    "low mood and poor sleep",
    "undiagnosed learning needs",
    "friendship difficulties",
    "headaches not yet seen by the GP",
    "bullying online",
    "{his} caring role at home",
)
FAMILY_FACTORS = (
    "{p}'s own health",
    "overcrowded housing",
    "debt and benefit sanctions",
    "shift work making mornings hard",
    "a recent bereavement",
    "domestic abuse in the past",
    "{p}'s own poor experience of school",
)
SCHOOL_FACTORS = (
    "transition to {school}",
    "no trusted adult in school",
    "the journey to school",
    "a timetable change",
    "exclusions last year",
)


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
SAFEGUARDING = (
    "{c} said {he} had been left alone overnight at the weekend. Discussed with the DSL at "
    "{school} and referred to the front door (MASH) the same day.",
    "Bruise seen on {c}'s forearm; {c} said {he} fell off a bike. Information shared with the "
    "DSL and the social worker.",
    "{p} disclosed that {o} had been violent last week. Advice given; referral to the domestic "
    "abuse service with consent; MASH informed.",
    "Concern about the state of the home (no food in the house, no heating). Discussed with "
    "{sup}; referral to Children's Social Care made.",
)


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


COURT_EVENTS = (
    (
        "Court: information laid",
        "Information laid at {court} under s444(1) for the period "
        "{since} to {date}. First hearing listed for {nextdate}.",
    ),
    (
        "Court: hearing adjourned",
        "Hearing at {court} adjourned to {nextdate} at the request of {p}'s solicitor.",
    ),
    (
        "Court: outcome",
        "{pfull} pleaded guilty at {court} under s444(1). Fined £{fine}, costs "
        "£{costs}; parenting order made for 12 months.",
    ),
    (
        "Court: outcome",
        "{pfull} found guilty in absence under the Single Justice Procedure. "
        "Fine £{fine}, victim surcharge and costs £{costs}.",
    ),
    (
        "Court: hearing",
        "Attended {court} with {court_officer}. Case proved; conditional "
        "discharge for 12 months and costs £{costs}.",
    ),
    (
        "Court: pre-trial review",
        "Pre-trial review at {court}: the defence does not dispute the "
        "register; ESO considered and recorded; trial date {nextdate}.",
    ),
)


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


SUPERVISION = (
    "{c} discussed in supervision with {sup} ({pct}% since {since}). Decision: continue the "
    "support plan for another six weeks, then review.",
    "Supervision with {sup}: drift noted on {c}'s case since the last review. Decision: joint "
    "visit within two weeks.",
    "Supervision with {sup}. {c} at {pct}% with {unauth} unauthorised sessions; support offered "
    "and not taken up. Education Supervision Order considered (s447) and not pursued because "
    "the family would not engage. Legal intervention authorised.",
    "Discussed {c} in supervision with {sup}: {miss} sessions missed since {since}. Notice to "
    "Improve authorised.",
    "Supervision with {sup}. Evidence pack checklist for {c} reviewed; witness statement to be "
    "finalised by {nextdate}.",
    "Supervision: {sup} agreed to close {c}'s case once attendance is above 95% for a half "
    "term (now {pct}%).",
    "Supervision with {sup}: {c}'s attendance {pct}% since {since}. Decision: ask {school} for "
    "a part-time timetable review and revisit in a fortnight.",
    "Supervision with {sup}: risk assessment for the home visits reviewed; visits in pairs "
    "until the next supervision.",
    "Fortnightly supervision with {sup}. {c} seen twice since last time; plan on track. No change.",
    "Supervision with {sup}: consider a referral to Early Help for {p}; decision by {nextdate}.",
)

SUPERVISION_NTI = 3
SUPERVISION_LEGAL = 2
# Which routine supervision notes fit which stage (the decisions to authorise a Notice to
# Improve or legal action are written where the case moves on, not at random).
SUPERVISION_BY_STAGE: dict[str, tuple[int, ...]] = {
    "allocated": (1, 7, 8, 9),
    "assessment": (1, 7, 8, 9),
    "support": (0, 1, 5, 6, 7, 8, 9),
    "formal": (0, 1, 6, 7, 8, 9),
    "legal": (1, 4, 7, 8),
    "court": (4, 7, 8),
    "monitoring": (5, 6, 7, 8),
}


def supervision(rng: random.Random, facts: Facts, stage: str = "support") -> Written:
    fitting = SUPERVISION_BY_STAGE.get(stage, SUPERVISION_BY_STAGE["support"])
    return Written("Supervision", SUPERVISION[rng.choice(fitting)].format(**facts))


STAGE_REASONS = {
    "assessment": "initial contact made, assessment under way",
    "support": "assessment complete, support plan agreed",
    "formal": "support plan not working; formal intervention authorised",
    "legal": "Notice to Improve period ended without improvement; legal action authorised",
    "court": "information laid at court",
    "monitoring": "court outcome received; post-court monitoring",
}


def stage_change(rng: random.Random, facts: Facts, old: str, new: str) -> Written:
    labels = {
        "referral": "Referral",
        "allocated": "Allocated",
        "assessment": "Assessment",
        "support": "Plan and review",
        "formal": "Formal intervention",
        "legal": "Legal intervention",
        "court": "Court",
        "monitoring": "Post-court monitoring",
    }
    tail = rng.choice(
        (
            f" Attendance {facts['pct']}% since {facts['since']}.",
            f" {facts['unauth']} unauthorised sessions since {facts['since']}.",
            f" Agreed with {facts['sup']}.",
            f" {facts['p']} informed by phone.",
            "",
        )
    )
    return Written(
        f"Stage: {labels[new]}",
        f"{facts['c']}'s case moved from {labels[old]} to {labels[new]}: "
        f"{STAGE_REASONS.get(new, 'see notes')}.{tail}",
    )


CLOSURE_REASONS = (
    "Attendance improved and sustained above 95% for a half term",
    "Family moved out of the local authority area; case transferred",
    "Child now electively home educated; referred to the EHE team",
    "Child on roll at an independent school out of area",
    "Court outcome complete; monitoring period ended",
    "Attendance improved to 93% with the support plan",
    "Child reached the end of compulsory school age",
)


def closure(rng: random.Random, facts: Facts, reason: str) -> Written:
    return Written(
        "Case closed",
        f"Case closed: {reason}. Final attendance {facts['pct']}% "
        f"since {facts['since']}. Closure letter sent to {facts['p']} and "
        f"{facts['school']}.",
    )


AMEND_REASONS = (
    "Time of {what} recorded wrongly; correct time {time}",
    "Wrong sibling named in the note; it was {c}",
    "Interpreter's language recorded wrongly",
    "Person present recorded wrongly; it was {o}, not {p}",
    "Phone number noted wrongly; corrected on the contact sheet",
)


def amendment_reason(rng: random.Random, facts: Facts) -> str:
    return _pick(rng, AMEND_REASONS, facts)


NEXT_ACTIONS = {
    "referral": ("Screen referral and allocate", "Check school's evidence of early help"),
    "allocated": (
        "Initial home visit",
        "Phone parent to arrange home visit",
        "Check risk flags and book joint visit",
    ),
    "assessment": (
        "Complete initial assessment",
        "Home visit to see {c} alone",
        "Get SENCO's views for the assessment",
    ),
    "support": (
        "Plan review meeting at school",
        "Check attendance after half term",
        "Home visit: follow up morning routine",
        "Chase GP letter about headaches",
    ),
    "formal": (
        "Review Notice to Improve period",
        "Attendance contract review",
        "Parenting contract meeting",
    ),
    "legal": (
        "Interview under caution",
        "Prepare case for legal panel",
        "Check penalty notice payment",
    ),
    "court": ("Prepare evidence pack", "Court hearing", "Serve witness statement"),
    "monitoring": ("Monitoring visit", "Check attendance for parenting order review"),
}


def next_action(rng: random.Random, stage: str, facts: Facts) -> str:
    return _pick(rng, NEXT_ACTIONS[stage], facts)


def worry(rng: random.Random, facts: Facts) -> str:
    return _pick(rng, WORRIES, facts)


def professional(rng: random.Random) -> tuple[str, str]:
    return rng.choice(names.PROFESSIONALS)
