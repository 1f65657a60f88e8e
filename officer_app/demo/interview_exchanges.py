"""The words of a demo interview: the questions and answers an officer and a parent would
exchange (phrases from ``resources/demo/interviews.yaml``), and the working days around an
appointment."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from typing import Any

from officer_app.demo.common import ONE_DAY
from officer_app.demo.data import demo_data
from officer_app.domain.working_days import is_working_day
from officer_app.services.interview_rows import PlanInput

_DATA = demo_data("interviews")
MIN_QA, MAX_QA = 10, 40


def weekday_before(day: dt.date) -> dt.date:
    """``day``, or the working day before it."""
    while not is_working_day(day):
        day -= ONE_DAY
    return day


def weekday_after(day: dt.date) -> dt.date:
    """``day``, or the working day after it."""
    while not is_working_day(day):
        day += ONE_DAY
    return day


def exchanges(
    rng: random.Random,
    stance: str,
    plan: PlanInput,
    register: str,
    solicitor: bool,
    fill: Callable[..., str],
) -> list[tuple[str, str]]:
    """The questions and answers, in the order an officer would put them: openings, the
    register, each planned topic's questions, follow-ups for a talkative parent, the close;
    mostly "no comment" with a solicitor present."""
    items: list[dict[str, Any]] = []
    items += rng.sample(_DATA["OPENING"], rng.randint(1, 2))
    items += _DATA["GENERAL"][:1]
    items += rng.sample(_DATA["REGISTER"], rng.randint(1, 2))
    for topic in plan.topics:
        pool = _DATA["TOPICS"].get(topic.key, ())
        if pool:
            items += rng.sample(pool, rng.randint(1, len(pool)))
    items += rng.sample(_DATA["GENERAL"][1:], rng.randint(0, 2))
    with_follow_ups: list[dict[str, Any]] = []
    for item in items:
        with_follow_ups.append(item)
        if stance == "open" and rng.random() < 0.3:
            with_follow_ups.append(rng.choice(_DATA["FOLLOW_UPS"]))
    items = with_follow_ups + list(_DATA["CLOSING"])
    items = items[: MAX_QA - 1] + items[-1:] if len(items) > MAX_QA else items
    while len(items) < MIN_QA:
        items.insert(-1, rng.choice(_DATA["GENERAL"][1:]))
    out: list[tuple[str, str]] = []
    for n, item in enumerate(items):
        question = fill(item["q"], register_ref=register)
        if solicitor and n >= 2 and rng.random() < 0.7:
            answer = rng.choice(_DATA["NO_COMMENT"])
        else:
            answer = fill(rng.choice(item.get(stance) or item["open"]))
        out.append((question, answer))
    return out
