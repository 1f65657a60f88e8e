"""The demo's words, names and places: data files under ``resources/demo/``, read once.

Lists in the files become tuples here, so that the tables are as immutable as the code that
held them before.
"""

from __future__ import annotations

import functools
from typing import Any

import yaml  # type: ignore[import-untyped]

from officer_app.paths import shipped

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _frozen(value: Any) -> Any:
    if isinstance(value, list):
        return tuple(_frozen(item) for item in value)
    if isinstance(value, dict):
        return {key: _frozen(item) for key, item in value.items()}
    return value


@functools.cache
def demo_data(name: str) -> dict[str, Any]:
    """The tables in ``resources/demo/<name>.yaml``, by name."""
    path = shipped("resources", "demo", f"{name}.yaml")
    with path.open(encoding="utf-8") as handle:
        loaded = yaml.load(handle, Loader=_Loader)
    if not isinstance(loaded, dict):
        raise ValueError(f"{path}: expected a mapping of table names to tables")
    return {str(key): _frozen(table) for key, table in loaded.items()}
