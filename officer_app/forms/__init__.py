"""The forms engine: declarative form definitions, loaded, checked and validated in the core.

The definitions live in the top-level ``forms/`` folder (YAML or JSON, checked against
``forms/schema/form-definition.schema.json``); an LA adds or overrides forms from a folder
named in its configuration. One definition drives three things: the Qt form (``gui/``), the
validation of a record's answers (here) and the PDF of the record (``documents/``).

- :mod:`.model`: the frozen in-memory definition (``FormDefinition``, ``Section``, ``Field``,
  ``Choice``, the conditions), with ``definition.field(id)``, ``definition.visible(field,
  answers)`` and ``definition.required(field, answers)``.
- :mod:`.loader`: ``load_definitions(folders) -> FormRegistry``; a broken file is refused with
  its file, place, line and reason (``registry.problems``) and its form listed in
  ``registry.unavailable``, and the rest still loads. Every version seen is kept:
  ``registry.get(form_id)`` is the current one, ``registry.get(form_id, version)`` the one a
  record was made with.
- :mod:`.validation`: ``validate(definition, answers) -> list[FieldError]`` and
  ``clean(definition, answers)`` (drops the answers to hidden questions).
- :mod:`.display`: ``record_view(definition, answers)``, the answers as text for the PDF.

Nothing here imports Qt.
"""

from __future__ import annotations

from officer_app.forms.case_facts import (
    case_fact_fields,
    prefill_fields,
    with_case_facts,
    with_prefill,
)
from officer_app.forms.display import AnswerRow, SectionView, format_answer, record_view
from officer_app.forms.loader import (
    DefinitionProblem,
    FormRegistry,
    FormUnavailable,
    load_definition_file,
    load_definitions,
    load_registry,
)
from officer_app.forms.model import (
    AllOf,
    AnyOf,
    Choice,
    Condition,
    Equals,
    Field,
    FieldType,
    FormDefinition,
    In,
    IsSet,
    Not,
    Section,
    is_answered,
)
from officer_app.forms.validation import FieldError, clean, validate

__all__ = [
    "AllOf",
    "AnswerRow",
    "AnyOf",
    "Choice",
    "Condition",
    "DefinitionProblem",
    "Equals",
    "Field",
    "FieldError",
    "FieldType",
    "FormDefinition",
    "FormRegistry",
    "FormUnavailable",
    "In",
    "IsSet",
    "Not",
    "Section",
    "SectionView",
    "case_fact_fields",
    "clean",
    "format_answer",
    "is_answered",
    "load_definition_file",
    "load_definitions",
    "load_registry",
    "prefill_fields",
    "record_view",
    "validate",
    "with_case_facts",
    "with_prefill",
]
