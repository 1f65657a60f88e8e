"""Answers that are facts of the case (``from_case``), set by the app, never typed.

A yes/no field with ``from_case: legal_action`` is answered from the case, so that the form's
own conditions (``show_when``, ``required``) can follow it: the home visit form uses it to warn
about questioning without a caution and to make the parent's account optional on a case that
is heading for legal action (issue 9, point 11).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from officer_app.forms.model import FormDefinition


def case_fact_fields(definition: FormDefinition) -> dict[str, str]:
    """{field id: fact} for every field of ``definition`` answered from the case."""
    return {
        f.id: f.from_case
        for section in definition.sections
        for f in section.fields
        if f.from_case is not None
    }


def with_case_facts(
    definition: FormDefinition, answers: Mapping[str, Any], facts: Mapping[str, bool]
) -> dict[str, Any]:
    """A copy of ``answers`` with every ``from_case`` field set from ``facts`` (a fact not
    given is False): whatever was typed or kept in a draft for it is replaced."""
    out = dict(answers)
    for field_id, fact in case_fact_fields(definition).items():
        out[field_id] = bool(facts.get(fact, False))
    return out
