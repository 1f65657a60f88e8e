"""The encrypted store. Importing it installs the guard that keeps case stages to the rules."""

from officer_app.store import stage_guard as _stage_guard  # noqa: F401  (registers a listener)
