"""An LA's YAML cannot hang the app: anchors, aliases, deep nesting and big files are refused
with the file and line, and only that form or letter becomes unavailable (issue 8, point 9)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from officer_app import paths
from officer_app.forms.loader import load_definition_file, load_definitions
from officer_app.letters.loader import load_template_file, load_templates
from officer_app.letters.loader import shipped_folder as letters_folder


def forms_folder() -> Path:
    return paths.shipped("forms")


def billion_laughs(levels: int = 6) -> str:
    """9 ** levels strings from a few hundred bytes. Six levels (half a million) take
    about 1.5 s to load without the guard, so a test fails rather than hangs; the real
    billion (nine levels) is tried in a separate process with a memory limit."""
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for n in range(1, levels):
        refs = ", ".join([f"*a{n - 1}"] * 9)
        lines.append(f"a{n}: &a{n} [{refs}]")
    return "\n".join(lines) + "\n"


_CHILD = """
import sys, time
from pathlib import Path
from officer_app.forms.loader import load_definition_file
from officer_app.letters.loader import load_template_file
form, letter = Path(sys.argv[1]), Path(sys.argv[2])
started = time.perf_counter()
assert load_definition_file(form)[0] is None and load_template_file(letter)[0] is None
print(time.perf_counter() - started)
"""


def _limit_memory() -> None:  # pragma: no cover - runs in the child
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))


def test_the_real_billion_laughs_is_refused_in_well_under_a_second(tmp_path: Path) -> None:
    form = tmp_path / "visit.yaml"
    form.write_text("id: visit\nversion: 1\n" + billion_laughs(9), "utf-8")
    letter = tmp_path / "invite.txt"
    letter.write_text("---\nid: invite\nversion: 1\n" + billion_laughs(9) + "---\nBody.\n")
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, str(form), str(letter)],
        capture_output=True, text=True, timeout=30, env=dict(os.environ),
        preexec_fn=_limit_memory if sys.platform != "win32" else None,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-300:]
    assert float(done.stdout) < 0.5


def test_a_billion_laughs_form_is_refused_in_well_under_a_second(tmp_path: Path) -> None:
    path = tmp_path / "visit.yaml"
    path.write_text("id: visit\nversion: 1\n" + billion_laughs(), "utf-8")
    started = time.perf_counter()
    definition, problems = load_definition_file(path)
    assert time.perf_counter() - started < 0.5
    assert definition is None
    assert [(p.line, p.form_id) for p in problems] == [(3, "visit")]
    assert "anchors and aliases" in problems[0].message
    assert str(path) in str(problems[0])


def test_a_billion_laughs_letter_header_is_refused_in_well_under_a_second(tmp_path: Path) -> None:
    path = tmp_path / "invite.txt"
    path.write_text("---\nid: invite\nversion: 1\n" + billion_laughs() + "---\nBody.\n", "utf-8")
    started = time.perf_counter()
    template, problems = load_template_file(path)
    assert time.perf_counter() - started < 0.5
    assert template is None
    assert [(p.line, p.column) for p in problems] == [(4, 5)]  # the first anchor, &a0
    assert "anchors and aliases" in problems[0].message


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("id: x\nchoices: &c [a, b]\nother: *c\n", 2),  # one harmless anchor is refused too
        ("id: x\nlabel: *nowhere\n", 2),  # an alias alone
    ],
)
def test_any_anchor_or_alias_is_refused_with_its_line(tmp_path: Path, text: str, line: int) -> None:
    path = tmp_path / "x.yaml"
    path.write_text(text, "utf-8")
    problems = load_definition_file(path)[1]
    assert [p.line for p in problems] == [line]


def test_deep_nesting_is_refused_not_a_recursion_error(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_text("id: " + "[" * 500 + "]" * 500 + "\n", "utf-8")
    problems = load_definition_file(path)[1]
    assert len(problems) == 1 and "nested more than" in problems[0].message
    assert problems[0].line == 1


def test_a_file_over_256_kb_is_refused_before_it_is_parsed(tmp_path: Path) -> None:
    from officer_app import la_yaml

    form = tmp_path / "x.yaml"
    form.write_text("id: x\nhelp: " + "x" * la_yaml.MAX_BYTES + "\n", "utf-8")
    problems = load_definition_file(form)[1]
    assert len(problems) == 1 and "over 256 kB" in problems[0].message
    letter = tmp_path / "x.txt"
    letter.write_text("---\nid: x\n---\n" + "Body. " * 50_000, "utf-8")
    refused = load_template_file(letter)[1]
    assert len(refused) == 1 and "over 256 kB" in refused[0].message


def test_only_the_bad_form_is_unavailable_the_rest_load(tmp_path: Path) -> None:
    la = tmp_path / "la_forms"
    la.mkdir()
    (la / "home_visit.yaml").write_text("id: home_visit\nversion: 9\n" + billion_laughs())
    registry = load_definitions([forms_folder(), la])
    assert "home_visit" in registry.unavailable
    shipped = {p.stem for p in forms_folder().glob("*.yaml")}
    assert set(registry.ids()) >= shipped - {"home_visit"}


def test_only_the_bad_letter_is_unavailable_the_rest_load(tmp_path: Path) -> None:
    la = tmp_path / "la_letters"
    shutil.copytree(letters_folder(), la)
    victim = sorted(la.glob("*.txt"))[0]
    victim.write_text(f"---\nid: {victim.stem}\nversion: 2\n{billion_laughs()}---\nBody.\n")
    registry = load_templates([la])
    assert registry.unavailable == [victim.stem]
    assert len(registry.templates()) == len(list(la.glob("*.txt"))) - 1


def test_the_shipped_forms_and_letters_use_no_anchor(tmp_path: Path) -> None:
    # an LA copies a shipped file to adapt it: the copy must load under the same rule
    from officer_app import la_yaml

    for folder in (forms_folder(), letters_folder()):
        for file in sorted(folder.iterdir()):
            if file.suffix in (".yaml", ".yml", ".txt"):
                text = file.read_text("utf-8")
                if file.suffix == ".txt":
                    text = text.split("---")[1]
                la_yaml.compose(text)  # raises YamlProblem on an anchor or alias


def test_locate_gives_every_key_and_item_its_line_and_column_from_where_the_text_starts() -> None:
    from officer_app import la_yaml

    located = la_yaml.locate("id: x\nasks:\n  - name: a\n    label: 'A'\nid: y\n", first_line=2)
    assert located is not None
    assert located.data == {"id": "y", "asks": [{"name": "a", "label": "A"}]}
    assert located.keys[("asks", 0, "label")] == (5, 5)
    assert located.values[("asks", 0, "label")] == (5, 12, "'")
    assert located.values[("asks", 0)] == (4, 5, "")
    assert located.at(("asks", 0, "label")) == (5, 12)
    assert located.at(("asks", 0, "label"), key=True) == (5, 5)
    assert located.at(("asks", 0, "help")) == (4, 5)  # the nearest parent
    assert located.line(("asks", 0, "name")) == 4
    assert located.duplicates == [(("id",), 6, 1)]
    assert la_yaml.locate("# nothing\n") is None


def test_a_problem_in_the_text_is_placed_on_the_files_line() -> None:
    from officer_app import la_yaml

    with pytest.raises(la_yaml.YamlProblem) as raised:
        la_yaml.locate("id: x\nbad: *a\n", first_line=2)
    assert raised.value.line == 3 and raised.value.column == 6


def test_the_words_of_a_message() -> None:
    from officer_app import la_yaml

    assert la_yaml.where(Path("f.yaml")) == "f.yaml"
    assert la_yaml.where(Path("f.yaml"), 3) == "f.yaml:3"
    assert la_yaml.where(Path("f.txt"), 3, 7) == "f.txt:3:7"
    assert la_yaml.place_of(("sections", 2, "fields", 4, "type")) == "sections[2].fields[4].type"
    assert la_yaml.describe(True) == "true (in YAML, quote yes, no, on and off)"
    assert la_yaml.describe(3) == "the number 3"
    assert la_yaml.describe({1}) == "a set ({1}; quote it)"
    assert la_yaml.describe({1}, other=lambda v: "odd") == "odd"
    assert la_yaml.wrong_type("text", "a list") == "expected text, found a list"
    assert la_yaml.missing_key("id") == "missing 'id'"
    assert la_yaml.unknown_key("x") == "unknown key 'x'"
    assert la_yaml.unknown_key("x", "the keys are a, b") == "unknown key 'x' (the keys are a, b)"
    assert la_yaml.bad_choice("z", ["a", "b"]) == "'z' is not one of: a, b"
