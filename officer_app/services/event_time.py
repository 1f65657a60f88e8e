"""When an event on a case happened: the time an officer gives for a note or a finished entry.

A contemporaneous note is made at the time of the event or as soon as possible after it
(CPIA 1996 Code of Practice, "Recording of information", to which LA investigators must have
regard, para 1.1; shared/reference/legal-domain.md section 7; domain.md "Evidence and
disclosure"), so a note written up later carries when the event happened as well as when
it was signed. The time is the officer's to give, within two limits that keep it possible:

- not in the future: nothing can have happened after the moment it is signed;
- not before the case's referral (domain.md "The life of a case", step 1: the case begins
  with the referral): what the school did earlier is part of the referral, not an event
  of the case. domain.md does not say this in so many words; it is the brief's rule (issue 11).

Both are compared as officers read them: the referral is a UK date, the time a UK time.
"""

from __future__ import annotations

import datetime as dt

from officer_app.clock import uk_local
from officer_app.wording import short_date, short_datetime


def event_time_refusal(
    occurred_at: dt.datetime, *, now: dt.datetime, referral_date: dt.date
) -> str | None:
    """Why ``occurred_at`` cannot be when the event happened (one line), or None if it can."""
    if occurred_at.tzinfo is None:
        return "the time the event happened needs its time zone"
    if occurred_at > now:
        return (
            f"the time it happened ({short_datetime(occurred_at)}) is in the future: "
            "give a time up to now"
        )
    if uk_local(occurred_at).date() < referral_date:
        return (
            f"the time it happened ({short_datetime(occurred_at)}) is before the referral "
            f"on {short_date(referral_date)}"
        )
    return None
