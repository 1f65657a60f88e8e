"""The shipped code table (``resources/attendance/codes.csv``), read once."""

from __future__ import annotations

import csv
from functools import lru_cache

from officer_app.domain.attendance import CodeTable, load_codes
from officer_app.paths import shipped

CODES_FILE = ("attendance", "codes.csv")


@lru_cache(maxsize=1)
def shipped_codes() -> CodeTable:
    path = shipped("resources", *CODES_FILE)
    with path.open(encoding="utf-8", newline="") as handle:
        return load_codes(csv.DictReader(handle))
