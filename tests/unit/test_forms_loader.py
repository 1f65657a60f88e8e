"""Loading definitions: broken files refused with file, place and line; the rest still load;
LA folders override and add; every version stays resolvable."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path
from typing import Any

import pytest
import yaml

from officer_app.forms import (
    DefinitionProblem,
    FieldType,
    FormUnavailable,
    load_definition_file,
    load_definitions,
)
from officer_app.forms.loader import schema

VISIT = textwrap.dedent(
    """\
    id: visit
    version: 1
    title: Visit
    description: A small visit form.
    sections:
      - id: main
        title: Main
        fields:
          - id: outcome
            type: single_choice
            label: Outcome
            required: true
            choices:
              - {value: seen, label: Seen}
              - {value: no_reply, label: No reply}
          - id: card_left
            type: yes_no
            label: Calling card left?
            show_when: {field: outcome, equals: no_reply}
            required: true
    """
)


def definition(form_id: str = "visit", version: int = 1, **extra: Any) -> dict[str, Any]:
    fields = extra.pop(
        "fields",
        [
            {"id": "name", "type": "short_text", "label": "Name", "required": True},
            {"id": "notes", "type": "long_text", "label": "Notes"},
        ],
    )
    return {
        "id": form_id,
        "version": version,
        "title": extra.pop("title", form_id.replace("_", " ").title()),
        "description": "A test form.",
        "sections": [{"id": "main", "title": "Main", "fields": fields}],
        **extra,
    }


def write(folder: Path, name: str, content: str | dict[str, Any]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    if isinstance(content, dict):
        if name.endswith(".json"):
            content = json.dumps(content, indent=2)
        else:
            content = yaml.safe_dump(content, sort_keys=False)
    path.write_text(content, encoding="utf-8")
    return path


def only_problem(path: Path) -> DefinitionProblem:
    loaded, problems = load_definition_file(path)
    assert loaded is None
    assert len(problems) == 1, [str(p) for p in problems]
    assert problems[0].file == path
    return problems[0]


# -- a good file ----------------------------------------------------------------------------


def test_a_good_file_loads_into_the_model(tmp_path: Path) -> None:
    path = write(tmp_path, "visit.yaml", VISIT)
    loaded, problems = load_definition_file(path)
    assert problems == []
    assert loaded is not None
    assert loaded.key == ("visit", 1)
    outcome = loaded.field("outcome")
    assert outcome.type is FieldType.SINGLE_CHOICE
    assert [c.value for c in outcome.choices] == ["seen", "no_reply"]
    assert outcome.choice_label("no_reply") == "No reply"
    assert loaded.section_of("card_left").id == "main"
    assert len(loaded.fingerprint) == 64


def test_json_definitions_load_too(tmp_path: Path) -> None:
    path = write(tmp_path, "visit.json", definition())
    loaded, problems = load_definition_file(path)
    assert problems == [] and loaded is not None


# -- broken files: each refused with file, place and line -----------------------------------


def test_unknown_field_type(tmp_path: Path) -> None:
    path = write(tmp_path, "visit.yaml", VISIT.replace("type: yes_no", "type: dropdown"))
    problem = only_problem(path)
    assert problem.place == "sections[0].fields[1].type"
    assert problem.line == 17
    assert "unknown field type 'dropdown'" in problem.message
    assert str(problem) == (f"{path}:17: sections[0].fields[1].type: {problem.message}")


def test_duplicate_field_id(tmp_path: Path) -> None:
    path = write(tmp_path, "visit.yaml", VISIT.replace("id: card_left", "id: outcome"))
    problem = only_problem(path)
    assert problem.place == "sections[0].fields[1].id"
    assert problem.line == 16
    assert problem.message == "duplicate field id 'outcome' (first used at sections[0].fields[0])"


def test_duplicate_field_id_across_sections_and_groups(tmp_path: Path) -> None:
    data = definition(
        fields=[
            {"id": "name", "type": "short_text", "label": "Name"},
            {
                "id": "parents",
                "type": "group",
                "repeatable": True,
                "label": "Parents",
                "fields": [{"id": "name", "type": "short_text", "label": "Name"}],
            },
        ]
    )
    data["sections"].append(
        {"id": "more", "title": "More", "fields": [{"id": "parents", "type": "date", "label": "D"}]}
    )
    loaded, problems = load_definition_file(write(tmp_path, "visit.yaml", data))
    assert loaded is None
    assert [(p.place, p.message.split(" (")[0]) for p in problems] == [
        ("sections[0].fields[1].fields[0].id", "duplicate field id 'name'"),
        ("sections[1].fields[0].id", "duplicate field id 'parents'"),
    ]


def test_condition_on_a_missing_field(tmp_path: Path) -> None:
    path = write(tmp_path, "visit.yaml", VISIT.replace("{field: outcome,", "{field: outcme,"))
    problem = only_problem(path)
    assert problem.place == "sections[0].fields[1].show_when.field"
    assert problem.line == 19
    assert problem.message == "condition on unknown field 'outcme'"


def test_condition_on_a_later_field(tmp_path: Path) -> None:
    data = definition(
        fields=[
            {
                "id": "a",
                "type": "yes_no",
                "label": "A",
                "show_when": {"field": "b", "equals": True},
            },
            {"id": "b", "type": "yes_no", "label": "B"},
        ]
    )
    problem = only_problem(write(tmp_path, "visit.yaml", data))
    assert problem.place == "sections[0].fields[0].show_when.field"
    assert "comes later in the form" in problem.message


def test_condition_on_the_field_itself_and_inside_all(tmp_path: Path) -> None:
    data = definition(
        fields=[
            {
                "id": "a",
                "type": "yes_no",
                "label": "A",
                "required": {"all": [{"field": "a", "is_set": True}]},
            }
        ]
    )
    problem = only_problem(write(tmp_path, "visit.yaml", data))
    assert problem.place == "sections[0].fields[0].required.all[0].field"
    assert problem.message == "condition on the field itself"


def test_condition_into_a_repeating_group_from_outside(tmp_path: Path) -> None:
    data = definition(
        fields=[
            {
                "id": "siblings",
                "type": "group",
                "repeatable": True,
                "label": "Siblings",
                "fields": [{"id": "at_school", "type": "yes_no", "label": "At school?"}],
            },
            {
                "id": "why",
                "type": "long_text",
                "label": "Why",
                "show_when": {"field": "at_school", "equals": False},
            },
        ]
    )
    problem = only_problem(write(tmp_path, "visit.yaml", data))
    assert problem.place == "sections[0].fields[1].show_when.field"
    assert "inside group 'siblings'" in problem.message


def test_condition_value_not_among_the_choices(tmp_path: Path) -> None:
    path = write(tmp_path, "visit.yaml", VISIT.replace("equals: no_reply", "equals: no_answer"))
    problem = only_problem(path)
    assert problem.place == "sections[0].fields[1].show_when.equals"
    assert problem.message == "'no_answer' is not one of the choices of 'outcome' (seen, no_reply)"


def test_condition_on_a_yes_no_field_needs_a_boolean(tmp_path: Path) -> None:
    data = definition(
        fields=[
            {"id": "a", "type": "yes_no", "label": "A"},
            {
                "id": "b",
                "type": "long_text",
                "label": "B",
                "show_when": {"field": "a", "in": ["y"]},
            },
        ]
    )
    problem = only_problem(write(tmp_path, "visit.yaml", data))
    assert problem.place == "sections[0].fields[1].show_when.in[0]"
    assert "compare it with true or false" in problem.message


def test_missing_choices(tmp_path: Path) -> None:
    text = VISIT.replace(
        "        choices:\n"
        "          - {value: seen, label: Seen}\n"
        "          - {value: no_reply, label: No reply}\n",
        "",
    )
    problem = only_problem(write(tmp_path, "visit.yaml", text))
    assert problem.place == "sections[0].fields[0]"
    assert problem.line == 9
    assert problem.message.startswith("a single_choice field needs 'choices'")


def test_duplicate_choice_values(tmp_path: Path) -> None:
    path = write(tmp_path, "visit.yaml", VISIT.replace("value: no_reply", "value: seen"))
    problems = load_definition_file(path)[1]
    assert problems[0].place == "sections[0].fields[0].choices[1].value"
    assert problems[0].message == "duplicate choice value 'seen'"


def test_bad_yaml_syntax(tmp_path: Path) -> None:
    path = write(tmp_path, "visit.yaml", VISIT.replace("title: Visit", "title: [Visit"))
    problem = only_problem(path)
    assert problem.place == ""
    assert problem.message.startswith("not valid YAML")
    assert problem.line is not None
    assert problem.form_id == "visit"


def test_bad_json_syntax(tmp_path: Path) -> None:
    path = write(tmp_path, "visit.json", '{"id": "visit",\n "version": 1,,\n}')
    problem = only_problem(path)
    assert problem.message.startswith("not valid JSON")
    assert problem.line == 2


def test_an_empty_file(tmp_path: Path) -> None:
    problem = only_problem(write(tmp_path, "visit.yaml", "# nothing yet\n"))
    assert problem.message == "the file is empty"


@pytest.mark.parametrize(
    ("change", "place", "message"),
    [
        ({"version": 0}, "version", "must be at least 1, found 0"),
        ({"version": "1"}, "version", "expected a whole number, found the text '1'"),
        ({"id": "Home Visit"}, "id", "'Home Visit' is not a valid id"),
        ({"colour": "blue"}, "colour", "unknown key 'colour'"),
        ({"description": None}, "description", "expected text, found nothing"),
        ({"sections": []}, "sections", "needs at least one entry"),
    ],
)
def test_schema_violations(
    tmp_path: Path, change: dict[str, Any], place: str, message: str
) -> None:
    data = definition() | change
    problem = only_problem(write(tmp_path, "visit.yaml", data))
    assert problem.place == place
    assert problem.message.startswith(message)


def test_schema_violations_inside_a_field(tmp_path: Path) -> None:
    text = VISIT.replace(
        "        label: Calling card left?\n",
        "        label: Calling card left?\n        max_length: 10\n        colour: red\n",
    ).replace("required: true\n", "required: 'yes'\n", 1)
    loaded, problems = load_definition_file(write(tmp_path, "visit.yaml", text))
    assert loaded is None
    assert [(p.place, p.line, p.message) for p in problems] == [
        (
            "sections[0].fields[0].required",
            12,
            "expected true, false or a condition, found the text 'yes'",
        ),
        ("sections[0].fields[1].max_length", 19, "'max_length' does not apply to a yes_no field"),
        ("sections[0].fields[1].colour", 20, "unknown key 'colour'"),
    ]


def test_an_unquoted_yes_as_a_choice_value_is_explained(tmp_path: Path) -> None:
    problem = only_problem(
        write(tmp_path, "visit.yaml", VISIT.replace("value: seen", "value: yes"))
    )
    assert problem.place == "sections[0].fields[0].choices[0].value"
    assert "quote yes, no" in problem.message


def test_a_malformed_condition(tmp_path: Path) -> None:
    text = VISIT.replace("{field: outcome, equals: no_reply}", "{field: outcome, is: no_reply}")
    problems = load_definition_file(write(tmp_path, "visit.yaml", text))[1]
    assert problems
    assert all(p.place.startswith("sections[0].fields[1].show_when") for p in problems)
    assert any("unknown key 'is'" in p.message for p in problems)


def test_duplicate_yaml_keys_are_refused(tmp_path: Path) -> None:
    text = VISIT.replace("label: Outcome\n", "label: Outcome\n        label: Result\n")
    problem = only_problem(write(tmp_path, "visit.yaml", text))
    assert problem.place == "sections[0].fields[0].label"
    assert problem.line == 12
    assert "duplicate key 'label'" in problem.message


def test_the_file_name_must_match_the_id(tmp_path: Path) -> None:
    problem = only_problem(write(tmp_path, "home_visit.yaml", VISIT))
    assert problem.place == "id"
    assert "does not match the file name" in problem.message


def test_after_must_name_an_earlier_field_of_the_same_type(tmp_path: Path) -> None:
    data = definition(
        fields=[
            {"id": "day", "type": "date", "label": "Day"},
            {"id": "leave", "type": "time", "label": "Left", "after": "day"},
        ]
    )
    problem = only_problem(write(tmp_path, "visit.yaml", data))
    assert problem.place == "sections[0].fields[1].after"
    assert "a time with 'day', a date field" in problem.message


# -- folders, overrides and versions --------------------------------------------------------


def test_a_broken_file_does_not_stop_the_others(tmp_path: Path) -> None:
    write(tmp_path, "visit.yaml", VISIT.replace("type: yes_no", "type: dropdown"))
    write(tmp_path, "referral.yaml", definition("referral"))
    write(tmp_path, "notes.yaml", "id: notes\nversion: [")
    (tmp_path / "README.md").write_text("not a definition")
    registry = load_definitions([tmp_path])
    assert registry.ids() == ["referral"]
    assert registry.unavailable == ["notes", "visit"]
    assert {p.file.name for p in registry.problems} == {"visit.yaml", "notes.yaml"}
    assert [p.form_id for p in registry.problems_for("visit")] == ["visit"]
    with pytest.raises(FormUnavailable, match=r"'visit' is unavailable.*dropdown"):
        registry.get("visit")
    assert registry.find("visit") is None
    with pytest.raises(FormUnavailable, match="no form 'nothing'"):
        registry.get("nothing")


def test_a_missing_la_folder_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    write(tmp_path / "shipped", "visit.yaml", VISIT)
    registry = load_definitions([tmp_path / "shipped", tmp_path / "la"])
    assert registry.ids() == ["visit"]
    assert registry.unavailable == []
    assert [p.message for p in registry.problems] == [
        "forms folder not found (check the configuration)"
    ]


def test_an_la_folder_overrides_a_shipped_form_and_adds_one(tmp_path: Path) -> None:
    shipped, la = tmp_path / "shipped", tmp_path / "la"
    write(shipped, "visit.yaml", VISIT)
    write(shipped, "referral.yaml", definition("referral"))
    write(la, "visit.yaml", definition("visit", 2, title="Our visit"))
    write(la, "ehe_review.yaml", definition("ehe_review", title="EHE annual review"))
    registry = load_definitions([shipped, la])
    assert registry.problems == []
    assert registry.ids() == ["ehe_review", "referral", "visit"]
    assert registry.get("visit").title == "Our visit"
    assert registry.get("visit").version == 2
    assert registry.get("visit", 1).title == "Visit"  # the shipped one, for old records
    assert registry.versions("visit") == [1, 2]
    assert [d.title for d in registry.definitions()] == [
        "EHE annual review",
        "Our visit",
        "Referral",
    ]


def test_an_la_override_wins_even_with_a_lower_version(tmp_path: Path) -> None:
    shipped, la = tmp_path / "shipped", tmp_path / "la"
    write(shipped, "visit.yaml", definition("visit", 3))
    write(la, "visit.yaml", definition("visit", 1, title="Ours"))
    registry = load_definitions([shipped, la])
    assert registry.get("visit").title == "Ours"
    assert registry.get("visit", 3).version == 3


def test_a_broken_la_override_makes_the_form_unavailable(tmp_path: Path) -> None:
    shipped, la = tmp_path / "shipped", tmp_path / "la"
    write(shipped, "visit.yaml", VISIT)
    write(la, "visit.yaml", VISIT.replace("type: yes_no", "type: checkbox"))
    registry = load_definitions([shipped, la])
    assert registry.unavailable == ["visit"]
    assert "visit" not in registry
    # Records made with the shipped version still render.
    assert registry.get("visit", 1).title == "Visit"


def test_an_la_folder_can_repair_a_broken_shipped_form(tmp_path: Path) -> None:
    shipped, la = tmp_path / "shipped", tmp_path / "la"
    write(shipped, "visit.yaml", "id: visit\nversion: [")
    write(la, "visit.yaml", VISIT)
    registry = load_definitions([shipped, la])
    assert registry.unavailable == []
    assert registry.get("visit").version == 1
    assert len(registry.problems) == 1


def test_a_record_made_with_version_1_still_resolves_after_version_2(tmp_path: Path) -> None:
    shipped = tmp_path / "shipped"
    write(shipped, "visit.yaml", VISIT)
    first = load_definitions([shipped]).get("visit")

    # Version 2 renames a choice and drops a field; version 1 moves to archive/.
    (shipped / "visit.yaml").rename(shipped / "x.tmp")
    (shipped / "archive").mkdir()
    (shipped / "x.tmp").rename(shipped / "archive" / "visit.v1.yaml")
    v2 = VISIT.replace("version: 1", "version: 2").replace("label: No reply", "label: Nobody in")
    write(shipped, "visit.yaml", v2)
    registry = load_definitions([shipped])

    assert registry.problems == []
    assert registry.get("visit").version == 2
    assert registry.get("visit").field("outcome").choice_label("no_reply") == "Nobody in"
    old = registry.get("visit", 1)
    assert old == first
    assert old.fingerprint == first.fingerprint
    assert old.field("outcome").choice_label("no_reply") == "No reply"
    assert registry.versions("visit") == [1, 2]


def test_an_la_version_2_keeps_the_shipped_version_1(tmp_path: Path) -> None:
    shipped, la = tmp_path / "shipped", tmp_path / "la"
    write(shipped, "visit.yaml", VISIT)
    changed = VISIT.replace("version: 1", "version: 2").replace(
        "type: yes_no", "type: single_choice\n        choices: [{value: left, label: Left}]"
    )
    changed = changed.replace("        required: true\n", "", 1)  # outcome no longer required
    write(la, "visit.yaml", changed)
    registry = load_definitions([shipped, la])
    assert registry.problems == []
    assert registry.get("visit").field("card_left").type is FieldType.SINGLE_CHOICE
    assert registry.get("visit", 1).field("card_left").type is FieldType.YES_NO
    assert registry.get("visit", 1).field("outcome").required
    assert not registry.get("visit").field("outcome").required


def test_the_same_version_in_two_folders_is_told_apart_by_fingerprint(tmp_path: Path) -> None:
    shipped, la = tmp_path / "shipped", tmp_path / "la"
    write(shipped, "visit.yaml", VISIT)
    write(la, "visit.yaml", VISIT.replace("title: Visit", "title: Local visit"))
    registry = load_definitions([shipped, la])
    shipped_one = load_definition_file(shipped / "visit.yaml")[0]
    assert shipped_one is not None
    assert registry.get("visit", 1).title == "Local visit"
    assert registry.get("visit", 1, fingerprint=shipped_one.fingerprint).title == "Visit"


def test_archive_files_are_named_with_their_version(tmp_path: Path) -> None:
    write(tmp_path, "visit.yaml", definition("visit", 2))
    write(tmp_path / "archive", "visit.yaml", definition("visit", 1))
    write(tmp_path / "archive", "visit.v3.yaml", definition("visit", 1))
    registry = load_definitions([tmp_path])
    assert registry.versions("visit") == [2]
    messages = sorted(p.message for p in registry.problems)
    assert len(messages) == 2
    assert "named <id>.v<version>" in messages[0]
    assert "version 1 does not match the file name (.v3)" in messages[1]
    assert registry.unavailable == []  # the current file is fine


def test_two_files_in_one_folder_for_the_same_form(tmp_path: Path) -> None:
    write(tmp_path, "visit.yaml", VISIT)
    write(tmp_path, "visit.json", definition("visit", 2))
    registry = load_definitions([tmp_path])
    assert registry.unavailable == ["visit"]
    assert "also defines 'visit'" in registry.problems[0].message


def test_the_schema_is_draft_2020_12_and_lists_every_field_type() -> None:
    published = schema()
    assert published["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert published["$defs"]["field"]["properties"]["type"]["enum"] == [t.value for t in FieldType]


def test_the_published_schema_itself_refuses_keys_that_do_not_apply() -> None:
    # The loader applies this rule in Python for speed; editors and other tools use the schema.
    import jsonschema

    validator = jsonschema.Draft202012Validator(schema())
    good = definition(fields=[{"id": "a", "type": "yes_no", "label": "A"}])
    bad = definition(fields=[{"id": "a", "type": "yes_no", "label": "A", "max_length": 3}])
    assert validator.is_valid(good)
    assert not validator.is_valid(bad)


def test_the_command_line_check(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from officer_app.cli import main

    check = ["--data-dir", str(tmp_path / "none"), "forms", "check"]
    assert main(check) == 0
    assert "ok    home_visit v3" in capsys.readouterr().out
    write(tmp_path, "visit.yaml", VISIT.replace("type: yes_no", "type: dropdown"))
    assert main([*check, str(tmp_path)]) == 1
    out, err = capsys.readouterr()
    assert "BROKEN visit: unavailable" in out
    assert f"{tmp_path / 'visit.yaml'}:17: sections[0].fields[1].type: unknown field type" in err
