"""Attachments in the window (issue 11 point 8): an image and a PDF open (decrypted in memory),
thumbnails for both, names in full at the side tab's width, an audited export of the exact
bytes, and a damaged file said in one line."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QFileDialog
from sqlalchemy import select

from officer_app.gui.attachments_panel import AttachmentsPanel
from officer_app.gui.task_runner import TaskRunner
from officer_app.services.attachments import AttachmentInfo
from officer_app.services.profile import OpenProfile
from officer_app.store.models import AuditEvent, Case

LONG_NAME = "school-attendance-certificate-scanned-at-the-office-on-a-wet-tuesday-morning.png"


def _png(width: int = 640, height: int = 400) -> bytes:
    from PySide6.QtCore import QBuffer, QIODevice

    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#1f4e79"))
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    assert image.save(buffer, "PNG")
    return bytes(buffer.data().data())


def _pdf(pages: int) -> bytes:
    from reportlab.pdfgen.canvas import Canvas

    out = io.BytesIO()
    canvas = Canvas(out)
    for n in range(pages):
        canvas.drawString(72, 720, f"Synthetic page {n + 1}")
        canvas.showPage()
    canvas.save()
    return out.getvalue()


@pytest.fixture()
def runner(qtbot) -> Iterator[TaskRunner]:  # type: ignore[no-untyped-def]
    made = TaskRunner()
    yield made
    made.wait_idle()


@pytest.fixture()
def case_id(demo_profile: OpenProfile) -> str:
    return str(demo_profile.store.read(lambda s: s.scalar(select(Case.id).limit(1))))


def _panel(qtbot, profile: OpenProfile, case_id: str, runner: TaskRunner, count: int):  # type: ignore[no-untyped-def]
    panel = AttachmentsPanel(case_id, profile.attachments, runner)
    qtbot.addWidget(panel)
    panel.resize(360, 600)  # the case page's side tab
    panel.show()
    qtbot.waitUntil(lambda: panel.list.count() == count, timeout=10_000)
    return panel


def test_an_image_and_a_pdf_open_in_the_window(
    qtbot, demo_profile: OpenProfile, case_id: str, runner: TaskRunner
) -> None:  # type: ignore[no-untyped-def]
    service = demo_profile.attachments
    service.add_bytes(case_id, _png(2400, 1500), filename=LONG_NAME, media_type="image/png")
    service.add_bytes(case_id, _pdf(3), filename="letter.pdf", media_type="application/pdf")
    panel = _panel(qtbot, demo_profile, case_id, runner, 2)
    assert all(not panel.list.item(r).icon().isNull() for r in range(2))  # both pictured
    first = panel.list.item(0)
    assert first.text().startswith(LONG_NAME)  # the name in full, wrapped
    assert panel.list.visualItemRect(first).width() <= panel.list.viewport().width()
    assert not panel.list.horizontalScrollBar().isVisible()
    panel.grab().save("/tmp/h8-attachments-panel.png")

    panel.list.setCurrentRow(0)
    viewer = panel.open_selected()
    assert viewer is not None
    qtbot.waitUntil(lambda: viewer.image is not None, timeout=10_000)
    viewer.resize(900, 600)
    qtbot.wait(50)
    drawn = viewer.image.drawn_rect()
    assert drawn.width() <= viewer.image.width() and drawn.height() <= viewer.image.height()
    assert drawn.width() < 2400 and abs(drawn.width() / drawn.height() - 1.6) < 0.02  # scaled
    assert viewer.maximumWidth() <= 1366 and viewer.maximumHeight() <= 728
    viewer.grab().save("/tmp/h8-viewer-image.png")
    viewer.close()

    panel.list.setCurrentRow(1)
    pdf_viewer = panel.open_selected()
    assert pdf_viewer is not None
    qtbot.waitUntil(lambda: pdf_viewer.pages == 3, timeout=10_000)
    assert "3 pages" in pdf_viewer.ui.message.text()
    pdf_viewer.resize(900, 700)
    qtbot.wait(300)  # QPdfView draws its pages on a thread
    pdf_viewer.grab().save("/tmp/h8-viewer-pdf.png")
    # each viewing is in the audit log (domain.md: every access to a case is audited)
    viewed = demo_profile.store.read(
        lambda s: list(
            s.scalars(
                select(AuditEvent.detail).where(
                    AuditEvent.action == "open", AuditEvent.entity_type == "attachment"
                )
            )
        )
    )
    assert sorted(d["filename"] for d in viewed) == sorted([LONG_NAME, "letter.pdf"])
    # nothing in clear beside the encrypted blobs
    folder = demo_profile.data_dir / "attachments"
    assert {p.suffix for p in folder.iterdir()} == {".oab"}


def test_export_writes_the_exact_bytes_and_is_audited(
    qtbot, demo_profile: OpenProfile, case_id: str, runner: TaskRunner, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    content = _pdf(1)
    info: AttachmentInfo = demo_profile.attachments.add_bytes(
        case_id, content, filename="kept-copy.pdf", media_type="application/pdf"
    )
    panel = _panel(qtbot, demo_profile, case_id, runner, 1)
    panel.list.setCurrentRow(0)
    viewer = panel.open_selected()
    assert viewer is not None
    target = tmp_path / "out" / "copy.pdf"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    viewer.ui.export_button.click()
    qtbot.waitUntil(lambda: "Exported to" in viewer.ui.message.text(), timeout=10_000)
    assert target.read_bytes() == content
    events = demo_profile.store.read(
        lambda s: [
            (e.action, e.entity_type, e.entity_id, dict(e.detail))
            for e in s.scalars(
                select(AuditEvent).where(
                    AuditEvent.entity_id == info.id, AuditEvent.action == "export"
                )
            )
        ]
    )
    assert len(events) == 1
    action, kind, _id, detail = events[0]
    assert (action, kind) == ("export", "attachment")
    assert detail["filename"] == "kept-copy.pdf" and detail["target"] == str(target)
    assert detail["sha256"] == info.sha256


def test_an_export_that_cannot_be_written_records_nothing(
    demo_profile: OpenProfile, case_id: str, tmp_path: Path
) -> None:
    from officer_app.services.attachments import AttachmentRefused

    info = demo_profile.attachments.add_bytes(case_id, b"synthetic", filename="a.txt")
    with pytest.raises(AttachmentRefused, match="cannot be written"):
        demo_profile.attachments.export(info.id, tmp_path / "no-such-folder" / "a.txt")
    count = demo_profile.store.read(
        lambda s: len(
            list(
                s.scalars(
                    select(AuditEvent).where(
                        AuditEvent.entity_id == info.id, AuditEvent.action == "export"
                    )
                )
            )
        )
    )
    assert count == 0


def test_a_damaged_file_is_said_in_one_line(
    qtbot, demo_profile: OpenProfile, case_id: str, runner: TaskRunner
) -> None:  # type: ignore[no-untyped-def]
    info = demo_profile.attachments.add_bytes(
        case_id, _png(), filename="photo.png", media_type="image/png"
    )
    blob = demo_profile.data_dir / "attachments" / f"{info.id}.oab"
    damaged = bytearray(blob.read_bytes())
    damaged[len(damaged) // 2] ^= 0xFF
    blob.write_bytes(bytes(damaged))
    panel = _panel(qtbot, demo_profile, case_id, runner, 1)
    assert panel.list.item(0).icon().isNull()  # listed, without a picture
    viewer = panel.open_attachment(info)
    qtbot.waitUntil(lambda: "cannot be opened" in viewer.ui.message.text(), timeout=10_000)
    message = viewer.ui.message.text()
    assert "\n" not in message and "Traceback" not in message
    assert message == "photo.png cannot be opened: its encrypted file is damaged or altered"
    assert viewer.image is None


def test_another_type_says_it_cannot_be_shown_and_offers_export(
    qtbot, demo_profile: OpenProfile, case_id: str, runner: TaskRunner
) -> None:  # type: ignore[no-untyped-def]
    info = demo_profile.attachments.add_bytes(
        case_id, b"synthetic minutes", filename="minutes.docx", media_type="application/msword"
    )
    panel = _panel(qtbot, demo_profile, case_id, runner, 1)
    viewer = panel.open_attachment(info)
    qtbot.waitUntil(lambda: "cannot be shown here" in viewer.ui.message.text(), timeout=10_000)
    assert viewer.ui.export_button.isEnabled()
