"""What every part of the demo shares: seeded generators, ids, UK times, register code groups
and the fast bulk insert."""

from __future__ import annotations

import datetime as dt
import random
import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy import insert
from sqlalchemy.orm import Session

from officer_app.attendance.codes import shipped_codes
from officer_app.clock import UK

ONE_DAY = dt.timedelta(days=1)

_CURRENT_CODES = shipped_codes().by_set["2024"]  # the demo's registers are all under it
PRESENT = frozenset(
    code
    for code, info in _CURRENT_CODES.items()
    if info.category in ("present", "approved_activity")
)
UNAUTHORISED = frozenset(
    code for code, info in _CURRENT_CODES.items() if info.category == "unauthorised"
)
NOT_POSSIBLE = frozenset(
    code for code, info in _CURRENT_CODES.items() if not info.counted_in_possible
)


def seeded(seed: int, kind: str, index: int | str = "") -> random.Random:
    """The generator for one kind of thing about one case (or family, or letter…)."""
    return random.Random(f"{seed}:{kind}:{index}")


def new_uuid(source: random.Random) -> str:
    return str(uuid.UUID(int=source.getrandbits(128), version=4))


def weighted(source: random.Random, options: Sequence[tuple[Any, float]]) -> Any:
    total = sum(weight for _, weight in options)
    roll = source.random() * total
    for value, weight in options:
        roll -= weight
        if roll < 0:
            return value
    return options[-1][0]


def uk_time(day: dt.date, minutes: int) -> dt.datetime:
    """``minutes`` after midnight on ``day``, UK local time, as a UTC moment."""
    local = dt.datetime(day.year, day.month, day.day, minutes // 60, minutes % 60, tzinfo=UK)
    return local.astimezone(dt.UTC)


def ordered_id(prefix: int, index: int, kind: int, seq: int) -> str:
    """A deterministic id in UUID form (version 8, "custom") for high-volume rows: ids of one
    case ascend, and cases are written in index order, so every insert appends to the
    primary-key index instead of landing on a random page of it (much faster in SQLite)."""
    return (
        f"{prefix & 0xFFFFFFFF:08x}-{(index >> 12) & 0xFFFF:04x}-8{index & 0xFFF:03x}-"
        f"{0x8000 | (kind & 0xF) << 10 | (seq >> 48) & 0x3FF:04x}-{seq & 0xFFFFFFFFFFFF:012x}"
    )


def bulk_insert(session: Session, model: type[Any], rows: list[dict[str, Any]]) -> None:
    """A Core executemany on the session's connection (in its transaction): no ORM
    bookkeeping per row. Every row carries every column."""
    if rows:
        session.connection().execute(insert(model.__table__), rows)
