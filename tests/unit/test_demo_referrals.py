"""The demo's cases open as a referral taken in the window does (issue 11, "The demo"): each
chronology starts with its signed "Referral received" entry, built by the service's builder."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from officer_app.store.models import Case, ChronologyEntry
from officer_app.wording import long_date


def test_every_demo_case_starts_with_its_referral_received_entry(demo_profile: Any) -> None:
    def work(session: Any) -> list[tuple[Case, list[ChronologyEntry]]]:
        cases = list(session.scalars(select(Case)))
        return [
            (
                case,
                list(
                    session.scalars(
                        select(ChronologyEntry)
                        .where(ChronologyEntry.case_id == case.id)
                        .order_by(ChronologyEntry.occurred_at)
                    )
                ),
            )
            for case in cases
        ]

    found = demo_profile.store.read(work)
    assert len(found) == 30
    for case, entries in found:
        first = entries[0]
        assert (first.entry_type, first.title) == ("referral", "Referral received"), case.reference
        assert first.body.startswith(
            f"Referral received from {case.referral_source} on {long_date(case.referral_date)}."
        )
        assert case.referral_reason in first.body
        assert first.signed_at is not None
        assert sum(e.entry_type == "referral" for e in entries) == 1
