"""An LA's settings: one TOML file, ``settings.toml`` in the profile folder (or ``--config``).

Everything has a default from domain.md, so the file is optional. A wrong setting is
refused with the file, the key and what is wrong; a misspelt key is an error too, so that a
typo never silently falls back to a default.

```toml
la_name = "Northam City Council — Attendance and Inclusion Service"
forms_folder = "C:/LA/officer-app/forms"     # the LA's own or overriding form definitions
letters_folder = "C:/LA/officer-app/letters" # the LA's own or overriding letter templates
idle_minutes = 5
other_code_set = "error"  # or "warning": a register code of the set not in force on its day

[timescales]
first_contact_working_days = 5
initial_assessment_working_days = 20
review_interval_weeks = 6

[rag]                           # red = act now (domain/rag.py has the rules and sources)
red_safeguarding_days = 7       # a safeguarding concern recorded this recently: red
amber_safeguarding_days = 28    # ... and amber until this many days after it
red_time_limit_days = 14        # the last day to lay an information (s127 MCA 1980) this
amber_time_limit_days = 42      #   close: red; this close (6 weeks, domain.md): amber
red_high_risk_no_contact_days = 14  # a high-risk flag or protection plan, no contact: red
severe_attendance_pct = 50      # attendance at or below: severe absence (absence >= 50%)
red_severe_no_contact_days = 10 # severe absence and no contact for this long: red
red_overdue_formal_days = 7     # a formal/legal/court next action late by more than: red
red_no_contact_days = 28        # no contact for this long: red (any case)
amber_no_contact_days = 14      # no contact for this long: amber (fewer than the red days)
amber_action_due_within_days = 3  # a next action due within this many days: amber

[notice_to_improve]             # the improvement period's range (domain/notice_to_improve.py)
min_school_weeks = 3
max_school_weeks = 6

[[attendance_bands]]            # replaces the default (Hackney) bands when given
at_or_below = 90
name = "Below 90%: targeted support"
actions = ["Letter to parents", "Meeting in school"]

[[closure_reasons]]             # replaces the default list when given (domain/closure.py)
key = "attendance_improved"     # stored on the closed case (closure code): keep it stable
label = "Attendance improved"   # what the officer picks from
[[closure_reasons]]
key = "other"
label = "Other (say what)"
needs_detail = true             # the officer must write the detail (default false)

[letterhead]                    # printed at the top of every letter and notice
name_lines = ["Northam City Council", "Attendance and Inclusion Service"]
address_lines = ["Civic Centre", "Market Square", "Northam", "XT1 1AB"]
phone = "0113 496 0142"
email = "attendance@northam-council.example"
website = "www.northam-council.example/attendance"
logo = "C:/LA/officer-app/logo.png"           # optional; PNG or JPEG
payment_instructions = "Pay online at … quoting the notice number."
officer_title = "Attendance and Inclusion Officer"
```

Without a ``[letterhead]`` table, letters carry the synthetic demo letterhead (Northam City
Council) and the letter dialog says so; a table given replaces the whole default, so every
key but ``logo`` and ``website`` must be set.
"""

from __future__ import annotations

import dataclasses
import tomllib
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from officer_app.domain.attendance_bands import DEFAULT_BANDS, Band
from officer_app.domain.closure import DEFAULT_CLOSURE_REASONS, ClosureReason, reason_problem
from officer_app.domain.notice_to_improve import ImprovementPeriod
from officer_app.domain.rag import RagPolicy
from officer_app.domain.working_days import Timescales

SETTINGS_FILE = "settings.toml"
DEFAULT_LA_NAME = "Attendance and Inclusion Service"
LOGO_SUFFIXES = (".png", ".jpg", ".jpeg")


class ConfigError(ValueError):
    """The settings file is wrong; the message names the file, the key and the problem."""


@dataclass(frozen=True)
class Letterhead:
    """What every letter and notice carries at its top, and how officers sign off."""

    name_lines: tuple[str, ...] = ("Northam City Council", "Attendance and Inclusion Service")
    address_lines: tuple[str, ...] = ("Civic Centre", "Market Square", "Northam", "XT1 1AB")
    phone: str = "0113 496 0142"
    email: str = "attendance@northam-council.example"
    website: str = "www.northam-council.example/attendance"
    logo: Path | None = None
    payment_instructions: str = (
        "Pay online at www.northam-council.example/pay (choose “Education penalty notice”), "
        "or by card on 0113 496 0199, Monday to Friday, 9am to 5pm. Do not send cash by post."
    )
    officer_title: str = "Attendance and Inclusion Officer"

    @property
    def authority(self) -> str:
        """The authority's name: the first name line."""
        return self.name_lines[0]

    @property
    def is_demo(self) -> bool:
        """True when no ``[letterhead]`` was set: the synthetic Northam letterhead."""
        return self == Letterhead()


@dataclass(frozen=True)
class Settings:
    la_name: str = DEFAULT_LA_NAME
    forms_folder: Path | None = None
    letters_folder: Path | None = None
    idle_minutes: float = 5.0
    timescales: Timescales = field(default_factory=Timescales)
    rag: RagPolicy = field(default_factory=RagPolicy)
    notice_to_improve: ImprovementPeriod = field(default_factory=ImprovementPeriod)
    attendance_bands: tuple[Band, ...] = DEFAULT_BANDS
    letterhead: Letterhead = field(default_factory=Letterhead)
    # A register mark whose code is of the set not in force on its day (issue 9, point 10):
    # "error" (the default) refuses the file; "warning" keeps it as given, with a warning.
    other_code_set: str = "error"
    # Why a case is closed (issue 11, point 3): the officer picks one; its key is stored.
    closure_reasons: tuple[ClosureReason, ...] = DEFAULT_CLOSURE_REASONS

    @property
    def accept_other_code_set(self) -> bool:
        return self.other_code_set == "warning"


_TOP = {
    "la_name",
    "forms_folder",
    "letters_folder",
    "idle_minutes",
    "timescales",
    "rag",
    "notice_to_improve",
    "attendance_bands",
    "letterhead",
    "other_code_set",
    "closure_reasons",
}

OTHER_CODE_SET = ("error", "warning")


MAX_SETTINGS_BYTES = 256 * 1024


def load_settings(path: Path | None) -> Settings:
    """The settings in ``path``; the defaults when it is None or does not exist."""
    try:
        if path is None or not path.exists():
            return Settings()
        if not path.is_file():  # a folder, /dev/zero: never read without end
            raise ConfigError(f"{path}: not a settings file")
    except OSError as exc:  # a name too long for the file system, say
        raise ConfigError(f"{path}: cannot be read: {exc.strerror or exc}") from exc
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_SETTINGS_BYTES + 1)
        if len(data) > MAX_SETTINGS_BYTES:
            raise ConfigError(f"{path}: over {MAX_SETTINGS_BYTES // 1024} kB: not a settings file")
        raw = tomllib.loads(data.decode("utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot be read: {exc}") from exc
    unknown = sorted(set(raw) - _TOP)
    if unknown:
        raise ConfigError(f"{path}: unknown setting(s): {', '.join(unknown)}")
    values: dict[str, Any] = {}
    if "la_name" in raw:
        if not isinstance(raw["la_name"], str) or not raw["la_name"].strip():
            raise ConfigError(f"{path}: la_name: give the service's name as text")
        values["la_name"] = raw["la_name"].strip()
    for key in ("forms_folder", "letters_folder"):
        if key in raw:
            folder = _path(path, key, raw[key])
            if not folder.is_dir():
                raise ConfigError(f"{path}: {key}: {folder} is not a folder")
            values[key] = folder
    if "idle_minutes" in raw:
        minutes = raw["idle_minutes"]
        if not isinstance(minutes, int | float) or not 1 <= minutes <= 60:
            raise ConfigError(f"{path}: idle_minutes: a number of minutes from 1 to 60")
        values["idle_minutes"] = float(minutes)
    kinds: tuple[tuple[str, type[Any]], ...] = (
        ("timescales", Timescales), ("rag", RagPolicy), ("notice_to_improve", ImprovementPeriod)
    )  # fmt: skip
    for key, kind in kinds:
        if key in raw:
            table = _table(f"{path}: [{key}]", raw[key], kind)
            for name, value in table.items():
                if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                    raise ConfigError(f"{path}: [{key}] {name}: a whole number of 1 or more")
            try:
                values[key] = kind(**table)
            except (TypeError, ValueError) as exc:
                raise ConfigError(f"{path}: [{key}]: {exc}") from exc
    if "other_code_set" in raw:
        if raw["other_code_set"] not in OTHER_CODE_SET:
            raise ConfigError(f'{path}: other_code_set: "error" or "warning"')
        values["other_code_set"] = raw["other_code_set"]
    if "attendance_bands" in raw:
        values["attendance_bands"] = _bands(path, raw["attendance_bands"])
    if "letterhead" in raw:
        values["letterhead"] = _letterhead(path, raw["letterhead"])
    if "closure_reasons" in raw:
        values["closure_reasons"] = _closure_reasons(path, raw["closure_reasons"])
    return Settings(**values)


def _table(where: str, raw: object, kind: type[Any]) -> dict[str, Any]:
    """A settings table whose keys are all fields of the dataclass ``kind``."""
    if not isinstance(raw, dict):
        raise ConfigError(f"{where} must be a table")
    known = {f.name for f in dataclasses.fields(kind)}
    bad = sorted(set(raw) - known)
    if bad:
        raise ConfigError(f"{where}: unknown setting(s): {', '.join(bad)}")
    return raw


def _path(path: Path, key: str, raw: object) -> Path:
    """A path setting: ``~`` expanded, relative to the settings file's folder."""
    if not isinstance(raw, str) or not raw.strip():
        raise ConfigError(f"{path}: {key}: give a path as text")
    given = Path(raw.strip()).expanduser()
    return given if given.is_absolute() else (path.parent / given).resolve()


_LETTERHEAD_TEXT = ("phone", "email", "website", "payment_instructions", "officer_title")
_LETTERHEAD_REQUIRED = ("name_lines", "address_lines", "phone", "email", "payment_instructions",
                        "officer_title")  # fmt: skip


def _letterhead(path: Path, raw: object) -> Letterhead:
    where = f"{path}: [letterhead]"
    raw = _table(where, raw, Letterhead)
    missing = [key for key in _LETTERHEAD_REQUIRED if key not in raw]
    if missing:
        raise ConfigError(
            f"{where}: missing {', '.join(missing)} (a [letterhead] replaces the whole default)"
        )
    values: dict[str, Any] = {}
    for key, most in (("name_lines", 3), ("address_lines", 6)):
        lines = raw[key]
        if (
            not isinstance(lines, list)
            or not lines
            or not all(isinstance(line, str) and line.strip() for line in lines)
        ):
            raise ConfigError(f'{where} {key}: a list of lines of text, such as ["…", "…"]')
        if len(lines) > most:
            raise ConfigError(f"{where} {key}: at most {most} lines")
        if any(len(line) > 80 for line in lines):
            raise ConfigError(f"{where} {key}: a line of at most 80 characters")
        values[key] = tuple(line.strip() for line in lines)
    for key in _LETTERHEAD_TEXT:
        if key not in raw:
            continue
        value = raw[key]
        if not isinstance(value, str) or (key in _LETTERHEAD_REQUIRED and not value.strip()):
            raise ConfigError(f"{where} {key}: give it as text")
        limit = 600 if key == "payment_instructions" else 120
        if len(value) > limit:
            raise ConfigError(f"{where} {key}: at most {limit} characters")
        values[key] = " ".join(value.split())
    if "@" not in values["email"] or " " in values["email"]:
        raise ConfigError(f"{where} email: {values['email']!r} is not an email address")
    if "website" not in raw:
        values["website"] = ""
    if "logo" in raw:
        logo = _path(path, "[letterhead] logo", raw["logo"])
        if logo.suffix.lower() not in LOGO_SUFFIXES:
            raise ConfigError(f"{where} logo: {logo.name}: a PNG or JPEG image")
        if not logo.is_file():
            raise ConfigError(f"{where} logo: {logo} is not a file")
        values["logo"] = logo
    return Letterhead(**values)


def _bands(path: Path, raw: object) -> tuple[Band, ...]:
    if not isinstance(raw, list) or not raw:
        raise ConfigError(f"{path}: [[attendance_bands]]: give one table per band")
    bands = []
    for n, table in enumerate(raw, start=1):
        where = f"{path}: [[attendance_bands]] number {n}"
        if not isinstance(table, dict) or set(table) - {"at_or_below", "name", "actions"}:
            raise ConfigError(f"{where}: keys are at_or_below, name and actions")
        limit = table.get("at_or_below")
        if not isinstance(limit, int | float) or isinstance(limit, bool) or not 0 < limit <= 100:
            raise ConfigError(f"{where}: at_or_below: a percentage from 0 to 100")
        name = table.get("name")
        if not isinstance(name, str) or not name.strip():
            raise ConfigError(f"{where}: name: give the band's name as text")
        actions = table.get("actions", [])
        if not isinstance(actions, list) or not all(isinstance(a, str) for a in actions):
            raise ConfigError(f"{where}: actions: a list of texts")
        bands.append(Band(Decimal(str(limit)), name.strip(), tuple(actions)))
    return tuple(bands)


def _closure_reasons(path: Path, raw: object) -> tuple[ClosureReason, ...]:
    """``[[closure_reasons]]``: a table per reason with key, label and optional needs_detail."""
    if not isinstance(raw, list) or not raw:
        raise ConfigError(f"{path}: [[closure_reasons]]: give one table per reason")
    reasons: list[ClosureReason] = []
    for n, table in enumerate(raw, start=1):
        where = f"{path}: [[closure_reasons]] number {n}"
        if not isinstance(table, dict) or set(table) - {"key", "label", "needs_detail"}:
            raise ConfigError(f"{where}: keys are key, label and needs_detail")
        key, label = table.get("key"), table.get("label")
        needs = table.get("needs_detail", False)
        if not isinstance(key, str) or not isinstance(label, str):
            raise ConfigError(f"{where}: key and label: give each as text")
        if not isinstance(needs, bool):
            raise ConfigError(f"{where}: needs_detail: true or false")
        reason = ClosureReason(key.strip(), " ".join(label.split()), needs)
        problem = reason_problem(reason)
        if problem is not None:
            raise ConfigError(f"{where}: {problem}")
        if any(r.key == reason.key for r in reasons):
            raise ConfigError(f"{where}: key {reason.key!r} is given twice")
        reasons.append(reason)
    return tuple(reasons)
