"""FormWidget: the shipped form definitions, filled in through the widgets as an officer would."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from officer_app.forms import FormDefinition, FormRegistry, load_registry, validate
from officer_app.forms.model import definition_from_dict
from officer_app.gui.form_fields import (
    CheckEditor,
    ComboEditor,
    DateEditor,
    LineEditor,
    NumberEditor,
    RadioEditor,
    TextEditor,
    TimeEditor,
)
from officer_app.gui.form_widget import FormWidget, RepeatingGroup

TODAY = dt.date(2026, 11, 20)
PEOPLE = [
    ("p-child", "Jordan Smith (child)"),
    ("p-mum", "Kelly Smith (mother)"),
    ("p-dad", "Dean Smith (father)"),
]


@pytest.fixture(scope="module")
def registry() -> FormRegistry:
    return load_registry()


@pytest.fixture()
def make(qtbot, registry: FormRegistry) -> Callable[..., FormWidget]:  # type: ignore[no-untyped-def]
    def build(form_id: str, **kwargs: Any) -> FormWidget:
        kwargs.setdefault("people", PEOPLE)
        form = FormWidget(registry.get(form_id), **kwargs)
        qtbot.addWidget(form)
        form.resize(1000, 700)
        form.show()
        qtbot.waitExposed(form)
        return form

    return build


# -- driving the widgets ---------------------------------------------------------------------


def settle() -> None:
    """Let pending layouts happen (one level a round), as they would before a click."""
    for _ in range(6):
        QApplication.processEvents()


def click(qtbot, button: QAbstractButton) -> None:  # type: ignore[no-untyped-def]
    settle()
    assert button.isVisible(), f"{button.text()!r} is not on screen"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def choose(qtbot, form: FormWidget, *path: str | int, value: Any) -> None:  # type: ignore[no-untyped-def]
    editor = form.editor(*path)
    assert isinstance(editor, RadioEditor)
    click(qtbot, editor.buttons[value])


def tick(qtbot, form: FormWidget, *path: str | int, values: list[str]) -> None:  # type: ignore[no-untyped-def]
    editor = form.editor(*path)
    assert isinstance(editor, CheckEditor)
    for value in values:
        click(qtbot, editor.boxes[value])


def type_text(qtbot, form: FormWidget, *path: str | int, text: str) -> None:  # type: ignore[no-untyped-def]
    editor = form.editor(*path)
    if isinstance(editor, LineEditor):
        target: QWidget = editor.line_edit
    else:
        assert isinstance(editor, TextEditor)
        target = editor.text_edit
    settle()
    qtbot.mouseClick(target, Qt.MouseButton.LeftButton)
    lines = text.split("\n")
    for index, line in enumerate(lines):
        qtbot.keyClicks(target, line)
        if index < len(lines) - 1:
            qtbot.keyClick(target, Qt.Key.Key_Return)


def type_date(qtbot, form: FormWidget, *path: str | int, digits: str) -> None:  # type: ignore[no-untyped-def]
    editor = form.editor(*path)
    assert isinstance(editor, DateEditor)
    settle()
    qtbot.mouseClick(editor.date_edit, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(editor.date_edit, digits)


def type_time(qtbot, form: FormWidget, *path: str | int, digits: str) -> None:  # type: ignore[no-untyped-def]
    editor = form.editor(*path)
    assert isinstance(editor, TimeEditor)
    settle()
    qtbot.mouseClick(editor.time_edit, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(editor.time_edit, digits)


def shown(form: FormWidget, *path: str | int) -> bool:
    row = form.row(*path)
    assert row.shown == row.widget.isVisible(), f"{path}: state and screen disagree"
    return row.shown


def section_shown(form: FormWidget, section_id: str) -> bool:
    view = next(v for v in form.sections if v.section.id == section_id)
    assert view.shown == view.frame.isVisible()
    return view.shown


def error_text(form: FormWidget, *path: str | int) -> str | None:
    row = form.row(*path)
    if row.error is None:
        assert row.error_label is None or not row.error_label.isVisible()
        return None
    assert row.error_label is not None and row.error_label.isVisible()
    assert row.error_label.text() == row.error
    return row.error


def next_tab_stop(widget: QWidget) -> QWidget:
    """Where Tab goes from this input (skipping its own parts, e.g. a spin box's line edit)."""
    current = widget.nextInFocusChain()
    while current is not None and current is not widget:
        if (
            not widget.isAncestorOf(current)
            and current.focusPolicy() & Qt.FocusPolicy.TabFocus
            and current.isVisible()
            and current.isEnabled()
        ):
            return current
        current = current.nextInFocusChain()
    raise AssertionError("no other tab stop")


# -- a whole home visit ------------------------------------------------------------------------


def fill_seen_visit(qtbot, form: FormWidget) -> None:  # type: ignore[no-untyped-def]
    type_date(qtbot, form, "visit_date", digits="19112026")
    type_text(qtbot, form, "visit_address", text="12 Acacia Road\nLeeds LS6 2AB")
    choose(qtbot, form, "visit_type", value="joint")
    type_text(qtbot, form, "other_professionals", text="Ms R Patel, Family Support Worker")
    type_time(qtbot, form, "arrival_time", digits="0940")
    type_time(qtbot, form, "departure_time", digits="1025")
    choose(qtbot, form, "outcome", value="seen")
    tick(qtbot, form, "present", values=["p-mum", "p-child"])
    choose(qtbot, form, "child_seen", value=True)
    choose(qtbot, form, "child_spoken_to_alone", value=False)
    type_text(qtbot, form, "child_voice", text='"I don\'t like maths." Looked at mum first.')
    type_text(qtbot, form, "parent_account", text="He has stomach aches on Monday mornings.")
    group = form.editor("actions")
    assert isinstance(group, RepeatingGroup)
    click(qtbot, group.add_button)
    type_text(qtbot, form, "actions", 0, "action", text="Call the school about maths support")
    type_text(qtbot, form, "actions", 0, "action_by", text="Officer")
    date_edit = form.editor("actions", 0, "action_due")
    assert isinstance(date_edit, DateEditor)
    date_edit.date_edit.setDate(QDate(2026, 11, 27))  # as if picked from the calendar
    choose(qtbot, form, "safeguarding_concern", value=False)


SEEN_VISIT = {
    "visit_date": "2026-11-19",
    "visit_address": "12 Acacia Road\nLeeds LS6 2AB",
    "visit_type": "joint",
    "other_professionals": "Ms R Patel, Family Support Worker",
    "arrival_time": "09:40",
    "departure_time": "10:25",
    "outcome": "seen",
    "present": ["p-child", "p-mum"],  # in the order shown, not the order ticked
    "child_seen": True,
    "child_spoken_to_alone": False,
    "child_voice": '"I don\'t like maths." Looked at mum first.',
    "parent_account": "He has stomach aches on Monday mornings.",
    "actions": [
        {
            "action": "Call the school about maths support",
            "action_by": "Officer",
            "action_due": "2026-11-27",
        }
    ],
    "safeguarding_concern": False,
}


def test_a_complete_home_visit_filled_in_through_the_widgets(qtbot, make) -> None:  # type: ignore[no-untyped-def]
    form = make("home_visit")
    changes: list[None] = []
    form.changed.connect(lambda: changes.append(None))

    fill_seen_visit(qtbot, form)

    assert form.answers() == SEEN_VISIT
    assert form.validate(TODAY) == []
    assert changes, "every edit emits changed"
    assert not any(row.error for row in form.all_rows())


def test_no_reply_asks_about_the_calling_card_and_hides_the_seen_child_questions(  # type: ignore[no-untyped-def]
    qtbot, make
) -> None:
    form = make("home_visit")
    assert not shown(form, "calling_card_left")
    assert not section_shown(form, "visit_details")

    choose(qtbot, form, "outcome", value="seen")
    assert section_shown(form, "visit_details")
    choose(qtbot, form, "child_seen", value=True)
    type_text(qtbot, form, "child_voice", text="Said school is boring.")
    assert shown(form, "child_voice")
    assert not shown(form, "calling_card_left")

    choose(qtbot, form, "outcome", value="no_reply")
    assert shown(form, "calling_card_left")
    assert shown(form, "signs_at_address")
    assert not shown(form, "calling_card_not_left_reason")
    assert not section_shown(form, "visit_details")
    for seen_only in ("present", "child_seen", "child_voice", "parent_account", "actions"):
        assert not shown(form, seen_only), seen_only
    assert not shown(form, "refusal_account")

    choose(qtbot, form, "calling_card_left", value=False)
    assert shown(form, "calling_card_not_left_reason")
    assert form.row("calling_card_not_left_reason").required

    answers = form.answers()
    assert answers == {"outcome": "no_reply", "calling_card_left": False}
    # Hidden, not forgotten: going back to "seen" brings the child's voice back.
    choose(qtbot, form, "outcome", value="seen")
    assert form.answers()["child_voice"] == "Said school is boring."
    assert "calling_card_left" not in form.answers()


def test_family_appears_to_have_moved_reveals_the_cme_steps(qtbot, make) -> None:  # type: ignore[no-untyped-def]
    form = make("home_visit")
    assert not section_shown(form, "cme_steps")

    choose(qtbot, form, "outcome", value="moved")
    assert section_shown(form, "cme_steps")
    assert not section_shown(form, "visit_details")
    for step in ("moved_signs", "moved_signs_detail", "new_address_known", "cme_enquiries"):
        assert shown(form, step), step
    assert not shown(form, "new_address")
    assert not shown(form, "cme_referral_not_needed_reason")

    # "Details" is required only for some signs: the star follows the ticks.
    assert not form.row("moved_signs_detail").required
    tick(qtbot, form, "moved_signs", values=["post_piling_up"])
    assert not form.row("moved_signs_detail").required
    tick(qtbot, form, "moved_signs", values=["neighbours_said"])
    assert form.row("moved_signs_detail").required
    assert "*" in form.row("moved_signs_detail").label.text()

    choose(qtbot, form, "new_address_known", value=True)
    assert shown(form, "new_address")
    choose(qtbot, form, "cme_referral_needed", value=False)
    assert shown(form, "cme_referral_not_needed_reason")
    choose(qtbot, form, "cme_referral_needed", value=True)
    assert not shown(form, "cme_referral_not_needed_reason")

    choose(qtbot, form, "outcome", value="refused")
    assert not section_shown(form, "cme_steps")
    assert "moved_signs" not in form.answers()


def test_required_markers_and_inline_errors_appear_and_clear(qtbot, make) -> None:  # type: ignore[no-untyped-def]
    form = make("home_visit")
    date_row = form.row("visit_date")
    assert date_row.required and "*" in date_row.label.text()
    assert form.row("other_professionals").required is False  # hidden until a joint visit

    choose(qtbot, form, "visit_type", value="joint")
    assert form.row("other_professionals").required
    assert "*" in form.row("other_professionals").label.text()

    errors = form.validate(TODAY)
    assert ("visit_date",) in [e.path for e in errors]
    assert error_text(form, "visit_date") == "An answer is needed."
    assert error_text(form, "other_professionals") == "An answer is needed."
    assert error_text(form, "outcome") == "An answer is needed."
    assert error_text(form, "visit_type") is None  # answered
    # The first problem is scrolled to and has the focus.
    editor = form.editor("visit_date")
    assert isinstance(editor, DateEditor)
    assert editor.date_edit.hasFocus()

    type_date(qtbot, form, "visit_date", digits="19112026")
    assert error_text(form, "visit_date") is None  # gone as soon as it is answered
    type_text(qtbot, form, "other_professionals", text="Ms R Patel")
    assert error_text(form, "other_professionals") is None
    assert error_text(form, "outcome") == "An answer is needed."  # still wanted

    # A future date is refused on validate.
    editor.date_edit.setDate(QDate(2026, 12, 1))
    form.validate(TODAY)
    assert error_text(form, "visit_date") == "Cannot be in the future."


def test_arrival_after_departure_is_reported_on_the_departure_field(qtbot, make) -> None:  # type: ignore[no-untyped-def]
    form = make("home_visit")
    type_time(qtbot, form, "arrival_time", digits="1040")
    type_time(qtbot, form, "departure_time", digits="0930")

    errors = form.validate(TODAY)
    assert [e.path for e in errors if e.field_id in ("arrival_time", "departure_time")] == [
        ("departure_time",)
    ]
    message = error_text(form, "departure_time")
    assert message is not None and message.startswith("Must be after")
    assert "10:40" in message
    assert error_text(form, "arrival_time") is None

    # Putting the arrival right clears the departure's message after a short pause.
    arrival = form.editor("arrival_time")
    assert isinstance(arrival, TimeEditor)
    arrival.clear()
    type_time(qtbot, form, "arrival_time", digits="0900")
    qtbot.waitUntil(lambda: error_text(form, "departure_time") is None, timeout=3000)
    assert error_text(form, "outcome") == "An answer is needed."  # the rest stay


def test_set_answers_round_trips(qtbot, make) -> None:  # type: ignore[no-untyped-def]
    form = make("home_visit")
    changes: list[None] = []
    form.changed.connect(lambda: changes.append(None))
    record = dict(SEEN_VISIT) | {
        "others_present": "Interpreter (Polish), Mr J Nowak",
        "actions": [
            {"action": "Call the school", "action_by": "Officer", "action_due": "2026-11-27"},
            {"action": "Bring uniform grant form", "action_by": "Officer"},
        ],
        "safeguarding_concern": True,
        "safeguarding_details": "Bruise on the left forearm; said he fell off his bike.",
        "referred_today": True,
        "referred_to": "school_dsl",
        "referred_to_name": "Mrs K Hughes, DSL, Hillside Academy",
        "referral_date": "2026-11-19",
        "referral_time": "00:00",
    }

    form.set_answers(record)
    assert form.answers() == record
    assert changes == [], "set_answers is not an edit"
    group = form.editor("actions")
    assert isinstance(group, RepeatingGroup)
    assert [item.title.text() for item in group.items] == ["Action 1", "Action 2"]

    # Made with answers: the same.
    again = make("home_visit", answers=record)
    assert again.answers() == record

    # Emptied: nothing left, no entries, dates and times "Not set" again.
    form.set_answers({})
    assert form.answers() == {}
    assert group.items == []
    date_editor = form.editor("visit_date")
    assert isinstance(date_editor, DateEditor)
    assert date_editor.date_edit.text() == "Not set"

    # A stored answer naming someone since taken off the case is shown and kept.
    form.set_answers({"outcome": "seen", "present": ["p-gran", "p-mum"]})
    assert form.answers() == {"outcome": "seen", "present": ["p-mum", "p-gran"]}


def test_a_repeatable_group_adds_and_removes_entries(qtbot, make) -> None:  # type: ignore[no-untyped-def]
    form = make("home_visit")
    choose(qtbot, form, "outcome", value="seen")
    group = form.editor("actions")
    assert isinstance(group, RepeatingGroup)
    assert group.items == [] and group.add_button.text() == "Add an action"
    assert "actions" not in form.answers()

    click(qtbot, group.add_button)
    assert group.add_button.text() == "Add another action"
    click(qtbot, group.add_button)
    assert [item.title.text() for item in group.items] == ["Action 1", "Action 2"]
    type_text(qtbot, form, "actions", 0, "action", text="First")
    type_text(qtbot, form, "actions", 1, "action", text="Second")
    type_text(qtbot, form, "actions", 1, "action_by", text="Mum")
    assert form.answers()["actions"] == [
        {"action": "First"},
        {"action": "Second", "action_by": "Mum"},
    ]

    # Tab goes through the entries in order, then to "Add another action".
    support = form.editor("support_offered")
    assert isinstance(support, TextEditor)
    assert next_tab_stop(support.text_edit) is group.items[0].remove_button
    last_of_second = group.items[1].rows["action_due"].editor
    assert isinstance(last_of_second, DateEditor)
    assert next_tab_stop(last_of_second.date_edit) is group.add_button

    # Errors inside an entry are shown on that entry's question.
    form.validate(TODAY)
    assert error_text(form, "actions", 0, "action_by") == "An answer is needed."
    assert error_text(form, "actions", 1, "action_by") is None

    click(qtbot, group.items[0].remove_button)
    assert [item.title.text() for item in group.items] == ["Action 1"]
    assert form.answers()["actions"] == [{"action": "Second", "action_by": "Mum"}]
    click(qtbot, group.items[0].remove_button)
    assert group.items == [] and "actions" not in form.answers()
    assert group.add_button.text() == "Add an action"


def test_read_only_mode_disables_input(qtbot, make) -> None:  # type: ignore[no-untyped-def]
    form = make("home_visit", answers=SEEN_VISIT, read_only=True)
    assert form.read_only
    address = form.editor("visit_address")
    assert isinstance(address, TextEditor)
    assert address.text_edit.isReadOnly()
    qtbot.keyClicks(address.text_edit, "XYZ")
    outcome = form.editor("outcome")
    assert isinstance(outcome, RadioEditor)
    assert not outcome.buttons["refused"].isEnabled()
    qtbot.mouseClick(outcome.buttons["refused"], Qt.MouseButton.LeftButton)
    assert not outcome.clear_button.isVisible()
    present = form.editor("present")
    assert isinstance(present, CheckEditor)
    assert not present.boxes["p-dad"].isEnabled()
    arrival = form.editor("arrival_time")
    assert isinstance(arrival, TimeEditor)
    assert arrival.time_edit.isReadOnly()
    group = form.editor("actions")
    assert isinstance(group, RepeatingGroup)
    assert not group.add_button.isVisible()
    assert not group.items[0].remove_button.isVisible()
    assert form.answers() == SEEN_VISIT

    form.set_read_only(False)
    assert outcome.buttons["refused"].isEnabled() and group.add_button.isVisible()
    assert not address.text_edit.isReadOnly()


def test_keystrokes_are_cheap_no_validation_while_typing(qtbot, make, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    form = make("home_visit")
    calls: list[FormDefinition] = []
    real = validate

    def counting(definition: FormDefinition, *args: Any, **kwargs: Any) -> Any:
        calls.append(definition)
        return real(definition, *args, **kwargs)

    monkeypatch.setattr("officer_app.gui.form_widget.validate", counting)
    changes: list[None] = []
    form.changed.connect(lambda: changes.append(None))
    type_text(qtbot, form, "visit_address", text="12 Acacia Road")
    assert len(changes) == len("12 Acacia Road")
    assert calls == []
    # Even after validate() has shown messages, typing only schedules one re-check.
    form.validate(TODAY)
    calls.clear()
    type_text(qtbot, form, "visit_address", text=", Leeds")
    assert calls == []
    qtbot.waitUntil(lambda: len(calls) == 1, timeout=3000)


def test_dates_times_and_numbers_have_a_not_set_state(qtbot, make) -> None:  # type: ignore[no-untyped-def]
    form = make("initial_assessment")
    date_editor = form.editor("assessment_date")
    assert isinstance(date_editor, DateEditor)
    assert date_editor.date_edit.text() == "Not set"
    assert "assessment_date" not in form.answers()
    date_editor.date_edit.setDate(QDate(2026, 11, 18))
    assert form.answers()["assessment_date"] == "2026-11-18"
    assert date_editor.clear_button.isVisible()
    click(qtbot, date_editor.clear_button)
    assert "assessment_date" not in form.answers()

    siblings = form.editor("siblings")
    assert isinstance(siblings, RepeatingGroup)
    click(qtbot, siblings.add_button)
    attendance = form.editor("siblings", 0, "sibling_attendance")
    assert isinstance(attendance, NumberEditor)
    assert attendance.spin.text() == "Not set"
    settle()
    qtbot.mouseClick(attendance.spin, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(attendance.spin, "87.5")
    assert form.answers()["siblings"] == [{"sibling_attendance": 87.5}]
    click(qtbot, attendance.clear_button)
    assert form.answers()["siblings"] == [{}]

    choose(qtbot, form, "child_school_rating", value=4)
    assert form.answers()["child_school_rating"] == 4
    rating = form.editor("child_school_rating")
    assert isinstance(rating, RadioEditor)
    click(qtbot, rating.clear_button)
    assert "child_school_rating" not in form.answers()


def test_accessible_names_are_the_labels(make) -> None:  # type: ignore[no-untyped-def]
    form = make("home_visit")
    address = form.editor("visit_address")
    assert isinstance(address, TextEditor)
    assert address.text_edit.accessibleName() == "Address visited"
    visit_type = form.editor("visit_type")
    assert isinstance(visit_type, RadioEditor)
    assert visit_type.widget.accessibleName() == "Type of visit"
    assert visit_type.buttons["joint"].accessibleName().startswith("Type of visit: ")
    assert address.text_edit.accessibleDescription().startswith("Required.")


def test_validate_scrolls_to_the_first_problem(qtbot, make) -> None:  # type: ignore[no-untyped-def]
    form = make("initial_assessment")
    bar = form.scroll_area.verticalScrollBar()
    bar.setValue(bar.maximum())
    settle()
    errors = form.validate(TODAY)
    assert errors[0].path == ("assessment_date",)
    settle()
    row = form.row("assessment_date")
    viewport = form.scroll_area.viewport()
    top_left = row.widget.mapTo(viewport, row.widget.rect().topLeft())
    assert top_left.y() >= 0 and top_left.y() + row.widget.height() <= viewport.height()
    editor = form.editor("assessment_date")
    assert isinstance(editor, DateEditor) and editor.date_edit.hasFocus()


def test_enter_moves_on_and_never_presses_the_dialog_button(qtbot, registry) -> None:  # type: ignore[no-untyped-def]
    dialog = QDialog()
    qtbot.addWidget(dialog)
    form = FormWidget(registry.get("home_visit"), people=PEOPLE)
    sign = QPushButton("Sign record")
    sign.setDefault(True)
    pressed: list[bool] = []
    sign.clicked.connect(lambda: pressed.append(True))
    layout = QVBoxLayout(dialog)
    layout.addWidget(form)
    layout.addWidget(sign)
    dialog.resize(1000, 700)
    dialog.show()
    qtbot.waitExposed(dialog)
    choose(qtbot, form, "visit_type", value="joint")
    type_text(qtbot, form, "other_professionals", text="Ms R Patel")
    line = form.editor("other_professionals")
    assert isinstance(line, LineEditor)
    qtbot.keyClick(line.line_edit, Qt.Key.Key_Return)
    arrival = form.editor("arrival_time")
    assert isinstance(arrival, TimeEditor)
    assert arrival.time_edit.hasFocus()
    qtbot.keyClick(arrival.time_edit, Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)
    assert pressed == []
    assert form.answers()["other_professionals"] == "Ms R Patel"


SIX_CHOICES = [{"value": f"c{n}", "label": f"Choice {n}"} for n in range(1, 7)]


def versioned(version: int, fields: list[dict[str, Any]]) -> FormDefinition:
    return definition_from_dict(
        {
            "id": "contact",
            "version": version,
            "title": "Contact",
            "description": "A made-up form.",
            "sections": [{"id": "main", "title": "Main", "fields": fields}],
        }
    )


def test_other_field_kinds_and_an_older_version_of_a_form(qtbot, make) -> None:  # type: ignore[no-untyped-def]
    v1 = versioned(
        1,
        [
            {"id": "who", "type": "person", "label": "Who was spoken to", "required": True},
            {"id": "how", "type": "single_choice", "label": "How", "choices": SIX_CHOICES},
            {"id": "calls", "type": "number", "label": "Calls made", "min": 0, "step": 1},
            {
                "id": "school",
                "type": "group",
                "label": "The school",
                "fields": [
                    {"id": "school_name", "type": "short_text", "label": "Name"},
                    {
                        "id": "school_contact",
                        "type": "short_text",
                        "label": "Contact",
                        "show_when": {"field": "school_name", "is_set": True},
                    },
                ],
            },
        ],
    )
    v2 = versioned(2, [{"id": "summary", "type": "long_text", "label": "Summary"}])
    form = FormWidget(v1, people=PEOPLE, answers={"who": "p-mum", "how": "c6"})
    qtbot.addWidget(form)
    form.show()
    assert form.definition is v1
    assert form.answers() == {"who": "p-mum", "how": "c6"}
    who = form.editor("who")
    assert isinstance(who, ComboEditor)
    assert [who.combo.itemText(i) for i in range(who.combo.count())] == ["", *dict(PEOPLE).values()]
    who.combo.setCurrentIndex(3)
    how = form.editor("how")
    assert isinstance(how, ComboEditor) and how.combo.currentText() == "Choice 6"
    calls = form.editor("calls")
    assert isinstance(calls, NumberEditor)
    settle()
    qtbot.mouseClick(calls.spin, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(calls.spin, "3")
    assert not shown(form, "school", "school_contact")
    type_text(qtbot, form, "school", "school_name", text="Hillside Academy")
    assert shown(form, "school", "school_contact")
    answers = form.answers()
    assert answers == {
        "who": "p-dad",
        "how": "c6",
        "calls": 3,
        "school": {"school_name": "Hillside Academy"},
    }
    assert isinstance(answers["calls"], int)

    # The record was made with version 1; the current version has other questions.
    newer = FormWidget(v2, people=PEOPLE)
    qtbot.addWidget(newer)
    assert list(newer.rows) == ["summary"]
    assert list(form.rows) == ["who", "how", "calls", "school"]


def test_building_initial_assessment_is_quick(qtbot, registry: FormRegistry) -> None:  # type: ignore[no-untyped-def]
    definition = registry.get("initial_assessment")
    assert sum(1 for _ in definition.iter_fields()) >= 59
    qtbot.addWidget(FormWidget(definition, people=PEOPLE))  # warm up (imports, fonts)
    builds: list[float] = []
    shows: list[float] = []
    for _ in range(5):
        start = time.perf_counter()
        form = FormWidget(definition, people=PEOPLE)
        builds.append(time.perf_counter() - start)
        qtbot.addWidget(form)
        form.resize(1000, 700)
        start = time.perf_counter()
        form.show()
        qtbot.waitExposed(form)
        shows.append(time.perf_counter() - start)
        form.close()
    best = min(builds)
    print(
        f"\ninitial_assessment: build {best * 1000:.0f} ms (best of 5; median "
        f"{sorted(builds)[2] * 1000:.0f} ms), first show {sorted(shows)[2] * 1000:.0f} ms"
    )
    assert best < 1.0, f"building took {best * 1000:.0f} ms"
