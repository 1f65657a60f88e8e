"""An LA's settings: one TOML file, ``settings.toml`` in the profile folder (or ``--config``).

Everything has a default from domain.md, so the file is optional. A wrong setting is
refused with the file, the key and what is wrong; a misspelt key is an error too, so that a
typo never silently falls back to a default.

```toml
la_name = "Northam City Council — Attendance and Inclusion Service"
forms_folder = "C:/LA/officer-app/forms"     # the LA's own or overriding form definitions
idle_minutes = 5

[timescales]
first_contact_working_days = 5
initial_assessment_working_days = 20
review_interval_weeks = 6

[rag]
red_no_contact_days = 28
amber_no_contact_days = 14
amber_action_due_within_days = 5

[[attendance_bands]]            # replaces the default (Hackney) bands when given
at_or_below = 90
name = "Below 90%: targeted support"
actions = ["Letter to parents", "Meeting in school"]
```
"""

from __future__ import annotations

import dataclasses
import tomllib
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from officer_app.domain.attendance_bands import DEFAULT_BANDS, Band
from officer_app.domain.rag import RagPolicy
from officer_app.domain.working_days import Timescales

SETTINGS_FILE = "settings.toml"
DEFAULT_LA_NAME = "Attendance and Inclusion Service"


class ConfigError(ValueError):
    """The settings file is wrong; the message names the file, the key and the problem."""


@dataclass(frozen=True)
class Settings:
    la_name: str = DEFAULT_LA_NAME
    forms_folder: Path | None = None
    idle_minutes: float = 5.0
    timescales: Timescales = field(default_factory=Timescales)
    rag: RagPolicy = field(default_factory=RagPolicy)
    attendance_bands: tuple[Band, ...] = DEFAULT_BANDS


_TOP = {"la_name", "forms_folder", "idle_minutes", "timescales", "rag", "attendance_bands"}


def load_settings(path: Path | None) -> Settings:
    """The settings in ``path``; the defaults when it is None or does not exist."""
    if path is None or not path.exists():
        return Settings()
    try:
        raw = tomllib.loads(path.read_text("utf-8"))
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
    if "forms_folder" in raw:
        folder = Path(str(raw["forms_folder"])).expanduser()
        if not folder.is_absolute():
            folder = (path.parent / folder).resolve()
        if not folder.is_dir():
            raise ConfigError(f"{path}: forms_folder: {folder} is not a folder")
        values["forms_folder"] = folder
    if "idle_minutes" in raw:
        minutes = raw["idle_minutes"]
        if not isinstance(minutes, int | float) or not 1 <= minutes <= 60:
            raise ConfigError(f"{path}: idle_minutes: a number of minutes from 1 to 60")
        values["idle_minutes"] = float(minutes)
    for key, kind in (("timescales", Timescales), ("rag", RagPolicy)):
        if key in raw:
            table = raw[key]
            if not isinstance(table, dict):
                raise ConfigError(f"{path}: [{key}] must be a table")
            known = {f.name for f in dataclasses.fields(kind)}
            bad = sorted(set(table) - known)
            if bad:
                raise ConfigError(f"{path}: [{key}]: unknown setting(s): {', '.join(bad)}")
            for name, value in table.items():
                if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                    raise ConfigError(f"{path}: [{key}] {name}: a whole number of 1 or more")
            try:
                values[key] = kind(**table)
            except (TypeError, ValueError) as exc:
                raise ConfigError(f"{path}: [{key}]: {exc}") from exc
    if "attendance_bands" in raw:
        values["attendance_bands"] = _bands(path, raw["attendance_bands"])
    return Settings(**values)


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
