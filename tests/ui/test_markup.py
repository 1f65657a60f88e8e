"""User and file text reaches the window as the characters typed, never as markup (issue 8,
point 13): names, a school, a risk flag, a note, an LA's letter template and form labels.

Each widget's text is read back and rendered the way Qt would render it (its text format, or
Qt's own guess for tooltips and AutoText labels), then compared with what was typed.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QMessageBox, QRadioButton
from sqlalchemy import select

from officer_app.clock import FixedClock
from officer_app.forms.model import definition_from_dict
from officer_app.gui import markup
from officer_app.gui.case_page import CasePage
from officer_app.gui.chronology_model import EntryRole
from officer_app.gui.form_widget import FormWidget
from officer_app.gui.letter_dialog import AskForm, LetterChoices, LetterDialog
from officer_app.gui.risk_ack_dialog import RiskAcknowledgementDialog
from officer_app.gui.window import MainWindow
from officer_app.services.letters import AskInfo, RecipientInfo, TemplateInfo
from officer_app.services.profile import unlock_profile
from officer_app.store.models import Adult, Case, Child, Family, RiskFlag, School
from tests.conftest import TEST_PASSPHRASE, MemoryKeyring
from tests.ui.conftest import make_window, unlock

HOSTILE = "<b>x</b><img src=/etc/passwd>&amp;"
CHILD_FORENAME = f"Ada {HOSTILE}"
CHILD_SURNAME = "O'Brien & <i>Sons</i>"
ADULT = f"Kelly {HOSTILE}"
SCHOOL = f"Oak <u>Primary</u> {HOSTILE}"
CATEGORY = "<h1>Dog</h1>"
DESCRIPTION = f"Large dog {HOSTILE}\nsecond line <br> &lt;"


def rendered(text: str, fmt: Qt.TextFormat = Qt.TextFormat.AutoText) -> str:
    """What Qt shows for ``text`` in a widget of format ``fmt`` (AutoText: Qt's own guess, as
    for tooltips and message boxes)."""
    rich = fmt == Qt.TextFormat.RichText or (
        fmt == Qt.TextFormat.AutoText and GuiQt.mightBeRichText(text)
    )
    if not rich:
        return text
    document = QTextDocument()
    document.setHtml(text)
    return document.toPlainText().replace("\u00a0", " ")


def shown(label: QLabel) -> str:
    text = rendered(label.text(), label.textFormat())
    if label.buddy() is not None:  # a label with a buddy takes "&x" as its shortcut key
        text = re.sub("&(&?)", r"\1", text)
    return text


def _make_hostile(session) -> str:  # type: ignore[no-untyped-def]
    """Put hostile text in every field of one case with a risk flag; return the case id."""
    flag = session.scalars(
        select(RiskFlag).where(RiskFlag.active.is_(True), RiskFlag.family_id.is_not(None))
    ).first()
    assert flag is not None, "the demo caseload has risk flags"
    flag.category, flag.description, flag.severity = CATEGORY, DESCRIPTION, "high"
    family = session.get_one(Family, flag.family_id)
    adults = list(session.scalars(select(Adult).where(Adult.family_id == family.id)))
    assert adults
    for adult in adults:
        adult.forename, adult.surname = ADULT, "Smith"
    flag.adult_id = adults[0].id
    child = session.scalars(select(Child).where(Child.family_id == family.id)).first()
    assert child is not None and child.school_id is not None
    child.forename, child.surname = CHILD_FORENAME, CHILD_SURNAME
    session.get_one(School, child.school_id).name = SCHOOL
    case_id = session.scalar(select(Case.id).where(Case.child_id == child.id))
    assert case_id is not None
    return str(case_id)


@pytest.fixture()
def hostile(
    qtbot, demo_dir: Path, keyring_backend: MemoryKeyring, clock: FixedClock
) -> Iterator[tuple[MainWindow, CasePage]]:  # type: ignore[no-untyped-def]
    opened = unlock_profile(demo_dir, TEST_PASSPHRASE, backend=keyring_backend, clock=clock)
    try:
        case_id = opened.store.write_wait(_make_hostile)
    finally:
        opened.lock()
    window = make_window(qtbot, demo_dir, keyring_backend, clock)
    unlock(qtbot, window)
    page = window.open_case(case_id)
    assert isinstance(page, CasePage)
    qtbot.waitUntil(lambda: page.detail is not None, timeout=10_000)
    yield window, page
    window.close()
    window.runner.wait_idle()


def test_names_school_and_risk_flag_on_a_case_are_shown_literally(qtbot, hostile) -> None:  # type: ignore[no-untyped-def]
    window, page = hostile
    assert shown(page.name) == f"{CHILD_FORENAME} {CHILD_SURNAME}"
    assert SCHOOL in shown(page.facts)
    banner = shown(page.risk_banner)
    assert f"HIGH — {CATEGORY}: {DESCRIPTION}" in banner
    assert f"({ADULT} Smith)" in banner
    # the adults are on the People tab (the side panel that edits them), shown literally
    panel = page.people_panel
    assert panel is not None
    qtbot.waitUntil(lambda: panel.adults.count() > 0, timeout=10_000)
    people = [panel.adults.item(n).text() for n in range(panel.adults.count())]
    assert any(f"{ADULT} Smith" in text for text in people), people
    # the tab shows the surname's "&" as a character, not as a keyboard accelerator
    index = window.tabs.indexOf(page)
    assert window.tabs.tabText(index) == markup.no_accelerator(f"{CHILD_SURNAME}, {CHILD_FORENAME}")
    # no image was loaded from a path on disk anywhere in the header
    for label in (page.name, page.facts, page.risk_banner, page.case_line):
        assert "\ufffc" not in shown(label)


def test_the_risk_warnings_before_a_visit_are_shown_literally(qtbot, hostile) -> None:  # type: ignore[no-untyped-def]
    _window, page = hostile
    assert page.detail is not None
    dialog = RiskAcknowledgementDialog(page.detail.child.name, page.detail.risks)
    qtbot.addWidget(dialog)
    labels = {shown(label) for label in dialog.findChildren(QLabel)}
    assert any(f"before visiting {CHILD_FORENAME} {CHILD_SURNAME}'s home" in t for t in labels)
    assert any(f"{CATEGORY}\n{DESCRIPTION}\nAbout: {ADULT} Smith" in t for t in labels)


def test_a_note_and_its_title_are_shown_literally(qtbot, hostile) -> None:  # type: ignore[no-untyped-def]
    window, page = hostile
    body = f"Visited {HOSTILE}\n<script>alert(1)</script>"
    window.profile.cases.sign_note(page.case_id, body, title=f"Title {HOSTILE}")
    page.reload()
    qtbot.waitUntil(lambda: any(e.body == body for e in page.detail.entries), timeout=10_000)
    model = page.chronology
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data(EntryRole).body == body)
    page.tree.setCurrentIndex(model.index(row, 0))
    text = page.entry_text.toPlainText()
    assert f"Title {HOSTILE}" in text and body in text
    tip = model.index(row, 2).data(Qt.ItemDataRole.ToolTipRole)
    assert rendered(tip) == body


def test_a_letter_templates_title_description_and_asks_are_shown_literally(qtbot, hostile) -> None:  # type: ignore[no-untyped-def]
    window, page = hostile
    ask = AskInfo(name="when", label=f"Meet & greet {HOSTILE}", type="text", required=True,
                  help=f"Help {HOSTILE}")  # fmt: skip
    template = TemplateInfo(
        id="la_letter", version=1, title=f"Letter {HOSTILE}",
        description=f"Description {HOSTILE}", asks=(ask,),
    )  # fmt: skip
    choices = LetterChoices(
        templates=[template],
        recipients=[
            RecipientInfo("a", f"Ms {ADULT}", "mother", True, True, True),
            RecipientInfo("b", f"Mr {ADULT}", "father", False, False, False, f"why {HOSTILE}"),
        ],
        unavailable=[("broken", f"broken.yaml line 3: {HOSTILE}")],
        demo_letterhead=False,
    )
    dialog = LetterDialog(
        page.case_id, f"{CHILD_FORENAME}", window.profile.letters, window.runner, choices,
        today=dt.date(2026, 11, 20),
    )  # fmt: skip
    qtbot.addWidget(dialog)
    assert dialog.template.itemText(0) == f"Letter {HOSTILE}"  # a combo box is plain text
    assert shown(dialog.description) == f"Description {HOSTILE}"
    assert shown(dialog.not_offered) == f"Not offered: Mr {ADULT}: why {HOSTILE}"
    labels = [shown(label) for label in dialog.findChildren(QLabel)]
    assert f"Meet & greet {HOSTILE}" in labels  # the & shown, not taken as a shortcut
    assert f"Help {HOSTILE}" in labels
    assert any(f"broken.yaml line 3: {HOSTILE}" in t for t in labels)
    asks = dialog.findChild(AskForm)
    assert asks is not None
    assert rendered(asks.widgets["when"].toolTip()) == f"Help {HOSTILE}"


def test_form_labels_from_an_las_folder_are_shown_literally(qtbot) -> None:  # type: ignore[no-untyped-def]
    definition = definition_from_dict(
        {
            "id": "la_form",
            "version": 1,
            "title": f"Form {HOSTILE}",
            "description": "An LA's own form.",
            "sections": [
                {
                    "id": "main",
                    "title": f"Section {HOSTILE}",
                    "fields": [
                        {"id": "who", "type": "short_text", "label": f"Who {HOSTILE}",
                         "required": True, "help": f"Help {HOSTILE}"},
                        {"id": "how", "type": "single_choice", "label": "How",
                         "choices": [{"value": "a", "label": f"Phone & {HOSTILE}"},
                                     {"value": "b", "label": "Visit"}]},
                        {"id": "what", "type": "multiple_choice", "label": "What",
                         "choices": [{"value": "a", "label": f"Tea & {HOSTILE}"},
                                     {"value": "b", "label": "Coffee"}]},
                        {"id": "many", "type": "single_choice", "label": "Many",
                         "choices": [{"value": "c0", "label": "Zero", "help": f"Tip {HOSTILE}"}]
                         + [{"value": f"c{n}", "label": f"Choice {n}"} for n in range(1, 12)]},
                    ],
                }
            ],
        }
    )  # fmt: skip
    form = FormWidget(definition, people=[])
    qtbot.addWidget(form)
    form.show()
    labels = [shown(label) for label in form.findChildren(QLabel)]
    assert f"Section {HOSTILE}" in labels
    assert f"Who {HOSTILE} *" in labels  # a required question's star is the app's own markup
    assert f"Help {HOSTILE}" in labels
    buttons = [b.text() for b in form.findChildren(QRadioButton)]
    buttons += [b.text() for b in form.findChildren(QCheckBox)]
    assert markup.no_accelerator(f"Phone & {HOSTILE}") in buttons
    assert markup.no_accelerator(f"Tea & {HOSTILE}") in buttons
    tips = [
        rendered(combo.itemData(i, Qt.ItemDataRole.ToolTipRole))
        for combo in form.findChildren(QComboBox)
        for i in range(combo.count())
        if combo.itemData(i, Qt.ItemDataRole.ToolTipRole)
    ]
    assert tips == [f"Tip {HOSTILE}"]


def test_an_error_quoting_input_is_shown_literally_in_a_message_box(
    qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: said.append(a[2]))
    monkeypatch.setattr(QMessageBox, "information", lambda *a: said.append(a[2]))
    error = f"register.csv line 3: upn {HOSTILE!r}\n  and  more"
    markup.warn(None, "Nothing was imported", error)
    markup.inform(None, "Imported", HOSTILE)
    assert [rendered(text) for text in said] == [error, HOSTILE]


@pytest.mark.parametrize(
    "text", [HOSTILE, "a &amp; b", "&lt;b&gt;", "plain", "two\nlines", "  spaced  out  ", "<"]
)
def test_literal_is_shown_as_exactly_the_text_wherever_qt_guesses(text: str) -> None:
    assert rendered(markup.literal(text)) == text
    assert markup.literal("") == ""  # no tooltip at all


def test_plain_and_rich_labels_declare_their_format(qtbot) -> None:  # type: ignore[no-untyped-def]
    plain = markup.plain_label(HOSTILE)
    rich = markup.rich_label(markup.bold(HOSTILE) + "<br>" + markup.lines("a\nb"))
    for label in (plain, rich):
        qtbot.addWidget(label)
    assert plain.textFormat() == Qt.TextFormat.PlainText and shown(plain) == HOSTILE
    assert rich.textFormat() == Qt.TextFormat.RichText and shown(rich) == f"{HOSTILE}\na\nb"
