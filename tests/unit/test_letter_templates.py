"""Letter templates as data: every shipped one loads; each kind of mistake is refused with its
file, line and column; one broken template never takes the others down; an LA's folder
overrides and adds."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from officer_app.letters import (
    AskType,
    BlockKind,
    TemplateUnavailable,
    load_registry,
    load_template_file,
    load_templates,
)
from officer_app.letters.loader import shipped_folder

SHIPPED = {
    "attendance_concern",
    "meeting_invitation",
    "notice_to_improve",
    "penalty_notice_warning",
    "interview_invitation",
    "outcome",
    "penalty_notice",
}

GOOD = textwrap.dedent(
    """\
    ---
    id: reminder
    version: 2
    title: Reminder
    subject: "About {child.name}"
    asks:
      - {name: meet_on, label: Meeting date, type: date, not_in_past: true}
      - {name: note, label: A note, type: long_text, required: false}
    ---
    Dear parent of **{child.forename}**, we meet on {ask.meet_on.weekday} {ask.meet_on}.

    # What happens next

    - First item
      continued here
    - Second item with {{braces}}

    1. One
    2. Two

    | Date | {ask.meet_on} |
    | Place | Civic Centre |

    [if ask.note]
    {ask.note}
    [else]
    No note.
    [end]

    [new page]
    Last line \\
    after a break.
    """
)


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_every_shipped_template_loads_without_a_problem() -> None:
    registry = load_registry()
    assert registry.problems == []
    assert {t.id for t in registry.templates()} == SHIPPED
    notice = registry.get("penalty_notice")
    assert notice.needs_notice and notice.layout.value == "notice"
    assert not registry.get("notice_to_improve").needs_notice
    assert {a.name for a in registry.get("notice_to_improve").asks} == {
        "improvement_until",
        "improvement",
        "support",
    }


def test_a_good_template_is_parsed_into_blocks(tmp_path: Path) -> None:
    template, problems = load_template_file(write(tmp_path, "reminder.txt", GOOD))
    assert problems == []
    assert template is not None
    assert (template.id, template.version, template.title) == ("reminder", 2, "Reminder")
    assert [a.type for a in template.asks] == [AskType.DATE, AskType.LONG_TEXT]
    assert not template.asks[1].required and template.asks[0].not_in_past
    kinds = [b.kind for b in template.blocks]
    assert kinds == [
        BlockKind.PARAGRAPH,
        BlockKind.HEADING,
        BlockKind.BULLETS,
        BlockKind.NUMBERS,
        BlockKind.TABLE,
        BlockKind.PARAGRAPH,
        BlockKind.PARAGRAPH,
        BlockKind.PAGE_BREAK,
        BlockKind.PARAGRAPH,
    ]
    bullets = template.blocks[2]
    assert "".join(r.text for r in bullets.items[0]) == "First item continued here"
    assert "".join(r.text for r in bullets.items[1]) == "Second item with {braces}"
    first = template.blocks[0].items[0]
    assert [(r.text, r.bold, r.placeholder) for r in first[:3]] == [
        ("Dear parent of ", False, False),
        ("child.forename", True, True),
        (", we meet on ", False, False),
    ]
    assert (first[1].line, first[1].column) == (10, 18)  # where the placeholder is written
    conditional = template.blocks[5:7]
    assert [(b.when.name, b.when.present) for b in conditional if b.when] == [
        ("ask.note", True),
        ("ask.note", False),
    ]
    assert any(r.line_break for r in template.blocks[8].items[0])
    assert template.placeholders() >= {"child.name", "ask.meet_on.weekday", "ask.note"}


BROKEN = [
    # (what is wrong, the file's text, line, column, words in the message)
    ("no header", "Dear {child.forename}\n", 1, 1, "header between two lines"),
    ("header not closed", "---\nid: x\nversion: 1\ntitle: X\nbody\n", 1, 1, "not closed"),
    (
        "malformed YAML",
        "---\nid: x\nversion: 1\ntitle: [unclosed\n---\nBody.\n",
        5, None, "not valid YAML",
    ),
    ("missing title", "---\nid: x\nversion: 1\n---\nBody.\n", 2, 1, "missing 'title'"),
    ("unknown header key", "---\nid: x\nversion: 1\ntitle: X\ncolour: red\n---\nBody.\n", 5, 1,
     "unknown key 'colour'"),
    ("bad version", "---\nid: x\nversion: one\ntitle: X\n---\nBody.\n", 3, 10, "version"),
    ("yes unquoted", "---\nid: x\nversion: 1\ntitle: yes\n---\nBody.\n", 4, 8, "quote yes"),
    (
        "unknown placeholder",
        "---\nid: x\nversion: 1\ntitle: X\n---\nHello {child.firstname}.\n", 6, 7,
        "did you mean {child.forename}",
    ),
    (
        "undeclared ask",
        "---\nid: x\nversion: 1\ntitle: X\n---\nOn {ask.meeting_date}.\n", 6, 4,
        "does not declare",
    ),
    (
        "notice without the need",
        "---\nid: x\nversion: 1\ntitle: X\n---\nNotice {notice.number}.\n", 6, 8,
        "needs: [notice]",
    ),
    (
        "ask declared and never used",
        "---\nid: x\nversion: 1\ntitle: X\nasks:\n  - {name: when, label: When, type: date}\n"
        "---\nBody.\n", 6, 12, "never uses",
    ),
    (
        "unknown ask type",
        "---\nid: x\nversion: 1\ntitle: X\nasks:\n  - {name: n, label: N, type: number}\n"
        "---\n{ask.n}\n", 6, 31, "unknown ask type 'number'",
    ),
    (
        "ask type given as a list",
        "---\nid: x\nversion: 1\ntitle: X\nasks:\n  - {name: n, label: N, type: [a]}\n"
        "---\n{ask.n}\n", 6, 31, "unknown ask type ['a']",
    ),
    (
        "weekday of a text ask",
        "---\nid: x\nversion: 1\ntitle: X\nasks:\n  - {name: n, label: N, type: text}\n"
        "---\n{ask.n} {ask.n.weekday}\n", 8, 9, "only for a date ask",
    ),
    ("unclosed bold", "---\nid: x\nversion: 1\ntitle: X\n---\nThis is **bold.\n", 6, 9, "'**'"),
    ("single star", "---\nid: x\nversion: 1\ntitle: X\n---\nA * here.\n", 6, 3, "single '*'"),
    ("unclosed brace", "---\nid: x\nversion: 1\ntitle: X\n---\nHi {child.name\n", 6, 4, "'{'"),
    ("stray brace", "---\nid: x\nversion: 1\ntitle: X\n---\nHi }\n", 6, 4, "'}'"),
    ("two-level heading", "---\nid: x\nversion: 1\ntitle: X\n---\n## Sub\n", 6, 1, "heading"),
    ("star bullet", "---\nid: x\nversion: 1\ntitle: X\n---\n* item\n", 6, 1, "'- '"),
    ("three-cell row", "---\nid: x\nversion: 1\ntitle: X\n---\n| a | b | c |\n", 6, 1, "two cells"),
    ("if not closed", "---\nid: x\nversion: 1\ntitle: X\n---\n[if la.email]\nText\n", 6, 5,
     "not closed with [end]"),
    ("end without if", "---\nid: x\nversion: 1\ntitle: X\n---\nText\n[end]\n", 7, 1, "[end]"),
    ("unknown instruction", "---\nid: x\nversion: 1\ntitle: X\n---\n[when x]\n", 6, 1,
     "unknown instruction"),
    ("placeholder in the subject", "---\nid: x\nversion: 1\ntitle: X\nsubject: 'Re {kid.name}'\n"
     "---\nBody.\n", 5, 14, "unknown placeholder {kid.name}"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("what", "text", "line", "column", "says"), BROKEN, ids=[b[0] for b in BROKEN]
)
def test_each_kind_of_mistake_is_refused_with_file_line_and_column(
    tmp_path: Path, what: str, text: str, line: int, column: int | None, says: str
) -> None:
    path = write(tmp_path, "x.txt", text)
    template, problems = load_template_file(path)
    assert template is None, what
    assert problems, what
    found = [p for p in problems if says in p.message]
    assert found, [str(p) for p in problems]
    problem = found[0]
    assert problem.file == path
    assert problem.line == line, str(problem)
    if column is not None:
        assert problem.column == column, str(problem)
        assert str(problem).startswith(f"{path}:{line}:{column}: ")


def test_a_broken_template_is_unavailable_and_the_others_still_load(tmp_path: Path) -> None:
    write(tmp_path, "good.txt", GOOD)
    write(tmp_path, "bad.txt", "---\nid: bad\nversion: 1\ntitle: Bad\n---\n{nope}\n")
    registry = load_templates([tmp_path])
    assert [t.id for t in registry.templates()] == ["reminder"]
    assert registry.unavailable == ["bad"]
    assert [p.line for p in registry.problems_for("bad")] == [6]
    with pytest.raises(TemplateUnavailable, match=r"bad\.txt:6:1"):
        registry.get("bad")
    with pytest.raises(TemplateUnavailable, match="no letter template 'missing'"):
        registry.get("missing")


def test_a_duplicate_id_in_one_folder_is_refused(tmp_path: Path) -> None:
    write(tmp_path, "a_reminder.txt", GOOD)
    second = write(tmp_path, "b_reminder.txt", GOOD)
    registry = load_templates([tmp_path])
    assert registry.find("reminder") is not None
    assert registry.find("reminder").source.endswith("a_reminder.txt")  # type: ignore[union-attr]
    (problem,) = registry.problems
    assert problem.file == second and "already defines the letter 'reminder'" in problem.message
    assert (problem.line, problem.column) == (1, 1)


def test_an_la_folder_overrides_a_shipped_template_and_adds_new_ones(tmp_path: Path) -> None:
    la = tmp_path / "la"
    write(
        la,
        "our_concern.txt",
        "---\nid: attendance_concern\nversion: 7\ntitle: Our own concern letter\n---\n"
        "Our words about {child.forename}.\n",
    )
    write(la, "reminder.txt", GOOD)
    registry = load_registry(la)
    assert registry.problems == []
    concern = registry.get("attendance_concern")
    assert (concern.version, concern.title) == (7, "Our own concern letter")
    assert concern.source.startswith(str(la))
    assert "reminder" in registry and "meeting_invitation" in registry


def test_a_broken_la_override_makes_the_letter_unavailable_rather_than_the_shipped_one(
    tmp_path: Path,
) -> None:
    write(tmp_path, "concern.txt", "---\nid: attendance_concern\nversion: 2\ntitle: X\n---\n{x}\n")
    registry = load_registry(tmp_path)
    assert "attendance_concern" in registry.unavailable
    assert registry.find("attendance_concern") is None
    assert registry.find("meeting_invitation") is not None


def test_a_missing_la_folder_is_reported(tmp_path: Path) -> None:
    registry = load_registry(tmp_path / "nowhere")
    assert len(registry.templates()) == len(SHIPPED)
    (problem,) = registry.problems
    assert "letters folder not found" in problem.message


def test_notepad_files_with_a_byte_order_mark_and_windows_line_ends_load(tmp_path: Path) -> None:
    path = tmp_path / "reminder.txt"
    path.write_bytes(b"\xef\xbb\xbf" + GOOD.replace("\n", "\r\n").encode("utf-8"))
    template, problems = load_template_file(path)
    assert problems == [] and template is not None


def test_a_file_that_is_not_utf8_is_refused_with_how_to_fix_it(tmp_path: Path) -> None:
    path = tmp_path / "reminder.txt"
    path.write_bytes(GOOD.replace("Reminder", "Réminder").encode("cp1252"))
    template, problems = load_template_file(path)
    assert template is None and "UTF-8" in problems[0].message


def test_the_check_command_prints_every_problem_and_fails(tmp_path: Path) -> None:
    write(tmp_path, "bad.txt", "---\nid: bad\nversion: 1\ntitle: Bad\n---\n{child.nmae}\n")
    check = [sys.executable, "-m", "officer_app", "--data-dir", str(tmp_path / "none"), "letters"]
    out = subprocess.run(
        [*check, "check", str(tmp_path)], capture_output=True, text=True, timeout=60
    )
    assert out.returncode == 1
    assert f"{tmp_path / 'bad.txt'}:6:1: unknown placeholder {{child.nmae}}" in out.stderr
    assert "BROKEN bad" in out.stdout and "ok     notice_to_improve" in out.stdout
    clean = subprocess.run([*check, "check"], capture_output=True, text=True, timeout=60)
    assert clean.returncode == 0, clean.stderr
    assert str(shipped_folder()) in clean.stdout


ODD_VALUES = ("[a]", "{a: 1}", "3", "null", "true", "'   '")
HEADER_KEYS = ("id", "version", "title", "description", "recipient", "layout", "subject", "needs")


@pytest.mark.parametrize("key", HEADER_KEYS)
def test_any_odd_value_in_any_header_field_is_a_message_not_a_crash(
    tmp_path: Path, key: str
) -> None:
    base = {"id": "x", "version": "1", "title": "X"}
    for value in ODD_VALUES:
        header = {**base, key: value}
        text = "---\n" + "".join(f"{k}: {v}\n" for k, v in header.items()) + "---\nBody.\n"
        template, problems = load_template_file(write(tmp_path, "x.txt", text))
        assert template is not None or problems, f"{key}: {value}"
    for ask_key in ("name", "label", "type", "help"):
        for value in ODD_VALUES:
            ask = {"name": "n", "label": "N", "type": "text", ask_key: value}
            flow = ", ".join(f"{k}: {v}" for k, v in ask.items())
            text = f"---\nid: x\nversion: 1\ntitle: X\nasks:\n  - {{{flow}}}\n---\n{{ask.n}}\n"
            template, problems = load_template_file(write(tmp_path, "x.txt", text))
            assert template is not None or problems, f"asks {ask_key}: {value}"
