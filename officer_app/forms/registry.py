"""Every form definition that loaded, by id and version, and what was refused.

Built by :func:`officer_app.forms.loader.load_definitions`; the window and the services ask
it for the definition of a new record (``get(form_id)``) or the one an old record was made
with (``get(form_id, version)``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from officer_app.forms.model import FormDefinition
from officer_app.la_yaml import where


@dataclass(frozen=True)
class DefinitionProblem:
    """Why a definition file was refused: the file, the place in it (``sections[2].fields[4].type``,
    counting from 0) with its line where known (counting from 1), and what is wrong."""

    file: Path
    place: str
    message: str
    line: int | None = None
    form_id: str | None = None

    def __str__(self) -> str:
        at = where(self.file, self.line)
        return f"{at}: {self.place}: {self.message}" if self.place else f"{at}: {self.message}"


class FormUnavailable(LookupError):
    """The form asked for cannot be used: it does not exist or its definition is broken."""

    def __init__(self, form_id: str, message: str) -> None:
        super().__init__(message)
        self.form_id = form_id


@dataclass
class FormRegistry:
    """Every form definition that loaded, by id and version, and what was refused.

    ``get(form_id)`` is the current definition, for a new record; ``get(form_id, version)`` the
    one a record was made with. ``unavailable`` lists the forms that cannot be used for new
    records because their current file is broken (older versions that loaded still resolve).
    """

    problems: list[DefinitionProblem] = field(default_factory=list)
    _current: dict[str, FormDefinition] = field(default_factory=dict)
    _versions: dict[str, dict[int, list[FormDefinition]]] = field(default_factory=dict)
    _broken: dict[str, list[DefinitionProblem]] = field(default_factory=dict)

    @property
    def unavailable(self) -> list[str]:
        """Ids of forms whose current definition was refused (sorted)."""
        return sorted(self._broken)

    def problems_for(self, form_id: str) -> list[DefinitionProblem]:
        return [p for p in self.problems if p.form_id == form_id]

    def __contains__(self, form_id: object) -> bool:
        return form_id in self._current

    def ids(self) -> list[str]:
        """Ids of the forms available for new records (sorted)."""
        return sorted(self._current)

    def definitions(self) -> list[FormDefinition]:
        """The current definition of every available form, by title (for a menu)."""
        return sorted(self._current.values(), key=lambda d: (d.title.casefold(), d.id))

    def versions(self, form_id: str) -> list[int]:
        """Every version of a form that loaded (sorted)."""
        return sorted(self._versions.get(form_id, {}))

    def find(
        self, form_id: str, version: int | None = None, fingerprint: str | None = None
    ) -> FormDefinition | None:
        """Like :meth:`get`, but None instead of an exception."""
        if version is None:
            current = self._current.get(form_id)
            if current is None or (fingerprint and current.fingerprint != fingerprint):
                return None
            return current
        candidates = self._versions.get(form_id, {}).get(version, [])
        if fingerprint:
            candidates = [d for d in candidates if d.fingerprint == fingerprint]
        return candidates[-1] if candidates else None

    def get(
        self, form_id: str, version: int | None = None, fingerprint: str | None = None
    ) -> FormDefinition:
        """The current definition (``version=None``) or a given version. Where two folders hold
        the same id and version, the later folder's wins unless ``fingerprint`` (stored with the
        record) says which. Raises :class:`FormUnavailable` with a message for the officer."""
        found = self.find(form_id, version, fingerprint)
        if found is not None:
            return found
        if version is None and form_id in self._broken:
            detail = "; ".join(str(p) for p in self._broken[form_id][:3])
            raise FormUnavailable(
                form_id, f"The form {form_id!r} is unavailable: its definition is broken ({detail})"
            )
        wanted = form_id if version is None else f"{form_id} version {version}"
        raise FormUnavailable(form_id, f"There is no form {wanted!r}.")

    # -- building (by the loader) ------------------------------------------------------------

    def keep(self, definition: FormDefinition) -> None:
        """Keep a version that loaded, for the records made with it."""
        self._versions.setdefault(definition.id, {}).setdefault(definition.version, []).append(
            definition
        )

    def make_current(self, definition: FormDefinition) -> None:
        """``definition`` is the form for new records (kept too); an earlier refusal goes."""
        self.keep(definition)
        self._current[definition.id] = definition
        self._broken.pop(definition.id, None)

    def refuse(self, form_id: str, problems: list[DefinitionProblem]) -> None:
        """The current file of ``form_id`` is broken: no new records with an earlier one."""
        self._current.pop(form_id, None)
        self._broken[form_id] = problems
