"""The caseload: every case in the profile as rows with its RAG (domain/rag.py), and full-text
search across them."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from officer_app.clock import Clock, uk_local
from officer_app.domain import rag as rag_rules
from officer_app.domain.attendance import percentage
from officer_app.domain.attendance_bands import DEFAULT_BANDS, Band, band_for, severity_rank
from officer_app.domain.chronology import CONTACT_TYPES, EntryType
from officer_app.domain.penalty_notices import NoticeStatus, payment_dates
from officer_app.domain.stages import Stage
from officer_app.domain.time_limits import last_day_to_lay
from officer_app.domain.working_days import Timescales
from officer_app.services.dto import AttendanceBandInfo, CaseRow
from officer_app.store.database import Store
from officer_app.store.models import (
    Case,
    Child,
    ChildAttendanceYear,
    ChronologyEntry,
    Officer,
    OutboxMutation,
    PenaltyNotice,
    RiskFlag,
    School,
)

VULNERABILITY_LABELS: dict[str, str] = {
    "child_protection_plan": "Child protection plan",
    "looked_after": "Looked after",
    "ehcp": "EHCP",
    "sen_support": "SEN support",
    "young_carer": "Young carer",
    "eal": "EAL",
    "gypsy_roma_traveller": "Gypsy/Roma/Traveller",
}


def child_vulnerabilities(child: Child) -> tuple[str, ...]:
    found: list[str] = []
    if child.child_protection_plan:
        found.append(VULNERABILITY_LABELS["child_protection_plan"])
    if child.looked_after:
        found.append(VULNERABILITY_LABELS["looked_after"])
    if child.sen in ("ehcp", "sen_support"):
        found.append(VULNERABILITY_LABELS[child.sen])
    if child.young_carer:
        found.append(VULNERABILITY_LABELS["young_carer"])
    if child.eal:
        found.append(VULNERABILITY_LABELS["eal"])
    if child.gypsy_roma_traveller:
        found.append(VULNERABILITY_LABELS["gypsy_roma_traveller"])
    return tuple(found)


_TOKEN = re.compile(r"\w+", re.UNICODE)


def fts_query(user_text: str) -> str | None:
    """Turn what an officer typed into an FTS5 query: every word, as a prefix, must match.

    Single letters are left out: as prefixes they match nearly everything and cost a scan.
    """
    tokens = [t for t in _TOKEN.findall(user_text) if len(t) > 1]
    if not tokens:
        return None
    return " ".join(f'"{token}"*' for token in tokens)


class CaseloadService:
    def __init__(
        self,
        store: Store,
        clock: Clock,
        policy: rag_rules.RagPolicy | None = None,
        timescales: Timescales | None = None,
        *,
        bands: tuple[Band, ...] = DEFAULT_BANDS,
    ):
        self._store = store
        self._clock = clock
        self._policy = policy or rag_rules.RagPolicy()
        self._timescales = timescales or Timescales()
        self._bands = bands

    @property
    def policy(self) -> rag_rules.RagPolicy:
        return self._policy

    def list_cases(self) -> list[CaseRow]:
        return self._store.read(self._list)

    def row_for(self, case_id: str) -> CaseRow | None:
        """One case's caseload row (its RAG by the same rules as the list), or None."""
        rows = self._store.read(lambda session: self._list(session, case_id))
        return rows[0] if rows else None

    def _list(self, session: Session, only: str | None = None) -> list[CaseRow]:
        today = self._clock.today()
        policy = self._policy
        contact_query = (
            select(ChronologyEntry.case_id, func.max(ChronologyEntry.occurred_at))
            .where(ChronologyEntry.entry_type.in_([t.value for t in CONTACT_TYPES]))
            .group_by(ChronologyEntry.case_id)
        )
        if only is not None:
            contact_query = contact_query.where(ChronologyEntry.case_id == only)
        last_contact = dict(session.execute(contact_query).all())
        risky_families = set(
            session.scalars(select(RiskFlag.family_id).where(RiskFlag.active.is_(True)).distinct())
        )
        high_risk_families = set(
            session.scalars(
                select(RiskFlag.family_id)
                .where(RiskFlag.active.is_(True), RiskFlag.severity == "high")
                .distinct()
            )
        )
        assessed_query = (
            select(ChronologyEntry.case_id)
            .where(ChronologyEntry.entry_type == EntryType.ASSESSMENT.value)
            .distinct()
        )
        child_of_one: str | None = None
        if only is not None:  # one case (the case page): read only what is its own
            assessed_query = assessed_query.where(ChronologyEntry.case_id == only)
            child_of_one = session.scalar(select(Case.child_id).where(Case.id == only))
            if child_of_one is None:
                return []
        assessed_cases = set(session.scalars(assessed_query))
        safeguarding = _recent_safeguarding(
            session, today - dt.timedelta(days=policy.amber_safeguarding_days), only
        )
        notices = notice_deadlines(session, today, only)
        attendance = attendance_bands(session, today, self._bands, child_of_one)
        query = (
            select(
                Case.id,
                Case.reference,
                Case.stage,
                Case.status,
                Case.officer_id,
                Case.referral_date,
                Case.next_action,
                Case.next_action_due,
                Child,
                School.name,
                School.urn,
                Officer.name,
            )
            .join(Child, Child.id == Case.child_id)
            .outerjoin(School, School.id == Child.school_id)
            .outerjoin(Officer, Officer.id == Case.officer_id)
            .order_by(Case.reference)
        )
        if only is not None:
            query = query.where(Case.id == only)
        due = _DueDates(self._timescales)
        result: list[CaseRow] = []
        for (
            case_id,
            reference,
            stage_value,
            status,
            officer_id,
            referral_date,
            next_action,
            next_action_due,
            child,
            school_name,
            school_urn,
            officer_name,
        ) in session.execute(query).all():
            last = _as_date(last_contact.get(case_id))
            first_due, assessment_due = due.of(referral_date)
            band = attendance.get(child.id)
            lay_by, payment_ended = notices.get(case_id, (None, None))
            facts = rag_rules.RagFacts(
                stage=stage_value,
                attendance_pct=band.pct if band else None,
                child_protection_plan=bool(child.child_protection_plan),
                first_contact_due=first_due if last is None or last < referral_date else None,
                assessment_due=(
                    assessment_due
                    if case_id not in assessed_cases and stage_value in UNASSESSED_STAGES
                    else None
                ),
                safeguarding_on=safeguarding.get(case_id),
                lay_by=lay_by,
                payment_ended=payment_ended,
            )
            assessed = rag_rules.assess(
                today=today,
                closed=status == "closed",
                last_contact=last,
                opened=referral_date,
                next_action_due=next_action_due,
                high_risk=child.family_id in high_risk_families,
                policy=policy,
                facts=facts,
            )
            stage = Stage(stage_value)
            result.append(
                CaseRow(
                    case_id=case_id,
                    reference=reference,
                    child_forename=child.forename,
                    child_surname=child.surname,
                    child_date_of_birth=child.date_of_birth,
                    year_group=child.year_group,
                    school=school_name or "",
                    school_urn=school_urn or "",
                    stage=stage.value,
                    stage_label=stage.label,
                    status=status,
                    officer_id=officer_id or "",
                    officer=officer_name or "Unallocated",
                    last_contact=last,
                    days_since_contact=None if last is None else (today - last).days,
                    next_action=next_action,
                    next_action_due=next_action_due,
                    rag=assessed.rag.value,
                    rag_label=assessed.rag.label,
                    rag_reason=assessed.reason,
                    has_risk=child.family_id in risky_families,
                    vulnerabilities=child_vulnerabilities(child),
                    attendance=band,
                    rag_rule=assessed.rule,
                    rag_rule_text=assessed.explanation(policy),
                    rag_reasons=assessed.reasons,
                )
            )
        return result

    def search(self, user_text: str) -> set[str]:
        """Ids of the cases whose child, family, adults, reference or notes match every word."""
        query = fts_query(user_text)
        if query is None:
            return set()
        return self._store.read(lambda session: _search(session, query))

    def pending_changes(self) -> int:
        return self._store.read(
            lambda session: int(
                session.scalar(
                    select(func.count())
                    .select_from(OutboxMutation)
                    .where(OutboxMutation.state == "pending")
                )
                or 0
            )
        )


def attendance_bands(
    session: Session, today: dt.date, bands: Sequence[Band], child_id: str | None = None
) -> dict[str, AttendanceBandInfo]:
    """Each child's figure this school year (to the latest mark held) and its LA band, from
    the kept totals; one child's when ``child_id`` is given."""
    year = today.year if today.month >= 9 else today.year - 1
    query = select(
        ChildAttendanceYear.child_id,
        ChildAttendanceYear.possible,
        ChildAttendanceYear.attending,
        ChildAttendanceYear.first_mark,
        ChildAttendanceYear.last_mark,
    ).where(ChildAttendanceYear.school_year == year)
    if child_id is not None:
        query = query.where(ChildAttendanceYear.child_id == child_id)
    found: dict[str, AttendanceBandInfo] = {}
    for child, possible, attending, first, last in session.execute(query):
        if first is None or last is None:
            continue  # a row is only made from marks, so it always has both
        pct = percentage(attending, possible)
        band = band_for(pct, bands)
        found[child] = AttendanceBandInfo(
            pct=pct,
            first=first,
            last=last,
            possible=possible,
            band=band.name if band else "",
            band_rank=severity_rank(band, bands) if band else None,
            band_limit=band.at_or_below if band else None,
            actions=band.actions if band else (),
        )
    return found


class _DueDates:
    """Working-day due dates per referral date, computed once per date for the whole list."""

    def __init__(self, timescales: Timescales) -> None:
        self._timescales = timescales
        self._known: dict[dt.date, tuple[dt.date, dt.date]] = {}

    def of(self, referral: dt.date) -> tuple[dt.date, dt.date]:
        found = self._known.get(referral)
        if found is None:
            found = (
                self._timescales.first_contact_due(referral),
                self._timescales.initial_assessment_due(referral),
            )
            self._known[referral] = found
        return found


# Before an assessment is expected to be on the file; later stages were reached through one.
UNASSESSED_STAGES = frozenset({Stage.REFERRAL.value, Stage.ALLOCATED.value, Stage.ASSESSMENT.value})

# Penalty notices that can still lead to a prosecution for their offence period.
_LIVE_NOTICES = (NoticeStatus.ISSUED.value, NoticeStatus.UNPAID.value)


def notice_deadlines(
    session: Session, today: dt.date, only: str | None = None
) -> dict[str, tuple[dt.date | None, dt.date | None]]:
    """Per case with a live penalty notice (issued or unpaid, not prosecuted): the earliest
    last day to lay an information for a notice's offence period (s127 Magistrates' Courts
    Act 1980, domain/time_limits.py), and the end of the paying period of an issued notice
    whose period has ended with no payment or non-payment recorded (SI 2024/210 reg 4)."""
    found: dict[str, tuple[dt.date | None, dt.date | None]] = {}
    # only the window's first day from the evidence kept with the notice, not the whole of it
    query = select(
        PenaltyNotice.case_id,
        PenaltyNotice.status,
        PenaltyNotice.received_on,
        PenaltyNotice.amount_21,
        func.json_extract(PenaltyNotice.evidence, "$.window_from"),
    ).where(PenaltyNotice.status.in_(_LIVE_NOTICES), PenaltyNotice.prosecution_on.is_(None))
    if only is not None:
        query = query.where(PenaltyNotice.case_id == only)
    for case_id, status, received_on, amount_21, start in session.execute(query):
        lay_by, ended = found.get(case_id, (None, None))
        if start:
            day = last_day_to_lay(dt.date.fromisoformat(str(start)))
            lay_by = day if lay_by is None else min(lay_by, day)
        if status == NoticeStatus.ISSUED.value and received_on is not None:
            full_by = payment_dates(received_on, amount_21).full_by
            if full_by < today:
                ended = full_by if ended is None else min(ended, full_by)
        found[case_id] = (lay_by, ended)
    return found


_SAFEGUARDING_SQL = text(
    """
    SELECT case_id, max(occurred_at) FROM chronology_entry
    WHERE entry_type IN ('safeguarding', 'home_visit') AND occurred_at >= :since
      AND (entry_type = 'safeguarding'
           OR (form_id IS NOT NULL AND json_extract(answers, '$.safeguarding_concern') = 1))
    GROUP BY case_id
    """
)


_SAFEGUARDING_ONE_SQL = text(
    """
    SELECT case_id, max(occurred_at) FROM chronology_entry
    WHERE case_id = :case_id AND entry_type IN ('safeguarding', 'home_visit')
      AND occurred_at >= :since
      AND (entry_type = 'safeguarding'
           OR (form_id IS NOT NULL AND json_extract(answers, '$.safeguarding_concern') = 1))
    GROUP BY case_id
    """
)


def _recent_safeguarding(
    session: Session, since: dt.date, only: str | None = None
) -> dict[str, dt.date]:
    """Cases with a safeguarding concern recorded since ``since``, and its latest date (one
    case's when ``only`` is given)."""
    start = dt.datetime.combine(since, dt.time.min, tzinfo=dt.UTC).isoformat(
        timespec="microseconds"
    )
    found: dict[str, dt.date] = {}
    sql, params = _SAFEGUARDING_SQL, {"since": start}
    if only is not None:
        sql, params = _SAFEGUARDING_ONE_SQL, {"since": start, "case_id": only}
    for case_id, at in session.execute(sql, params):
        day = _as_date(at)
        if day is not None:
            found[str(case_id)] = day
    return found


_SEARCH_SQL = text(
    """
    WITH hits AS (SELECT kind, ref FROM search_index WHERE search_index MATCH :q)
    SELECT c.id FROM case_file c JOIN child ch ON ch.id = c.child_id
    WHERE c.id IN (SELECT ref FROM hits WHERE kind IN ('case', 'entry'))
       OR c.child_id IN (SELECT ref FROM hits WHERE kind = 'child')
       OR ch.family_id IN (SELECT ref FROM hits WHERE kind IN ('adult', 'family'))
    """
)


def _search(session: Session, query: str) -> set[str]:
    return {str(row[0]) for row in session.execute(_SEARCH_SQL, {"q": query})}


def _as_date(value: object) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, str):  # aggregates come back as stored text
        value = dt.datetime.fromisoformat(value)
    if isinstance(value, dt.datetime):
        return uk_local(value).date()
    if isinstance(value, dt.date):
        return value
    raise TypeError(f"unexpected date value {value!r}")
