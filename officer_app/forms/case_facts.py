"""Answers that are facts of the case (``from_case``), set by the app, never typed.

A yes/no field with ``from_case: legal_action`` is answered from the case, so that the form's
own conditions (``show_when``, ``required``) can follow it: the home visit form uses it to warn
about questioning without a caution and to make the parent's account optional on a case that
is heading for legal action (issue 9, point 11).

A field with ``prefill: <fact>`` (:data:`~officer_app.forms.model.PREFILL_FACTS`) starts with
what the case already knows (today's date, the family's address, the child's school) when the
form opens; unlike a fact of the case it is only a starting point, the officer's to change,
and a draft's own answer is kept (issue 11, point 10).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from officer_app.forms.model import FormDefinition, is_answered


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


def prefill_fields(definition: FormDefinition) -> dict[str, str]:
    """{field id: fact} for every field of ``definition`` that starts with a known fact (top
    level only: an entry of a repeating group starts blank)."""
    return {
        f.id: f.prefill
        for section in definition.sections
        for f in section.fields
        if f.prefill is not None
    }


def with_prefill(
    definition: FormDefinition, answers: Mapping[str, Any], known: Mapping[str, str]
) -> dict[str, Any]:
    """A copy of ``answers`` with each blank ``prefill`` field given what the case knows
    (``known``: fact to value, dates ``YYYY-MM-DD``, times ``HH:MM``); an answer already there
    (a draft's) and a fact not known are left alone. Call it when the form opens, never when
    the record is signed: a field the officer cleared stays cleared."""
    out = dict(answers)
    for field_id, fact in prefill_fields(definition).items():
        value = known.get(fact, "")
        if value and not is_answered(out.get(field_id)):
            out[field_id] = value
    return out
