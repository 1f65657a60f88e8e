"""Screenshots of the window for the README: python -m bench.screenshots PROFILE_DIR PASSPHRASE.

Renders offscreen (or on Xvfb when DISPLAY is set) at 1366x768, a common council laptop.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from officer_app.gui.application import application, build_main_window
from officer_app.gui.case_page import CasePage

OUT = Path(__file__).resolve().parents[1] / "docs"


def settle(ms: int = 400) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def wait_for(predicate, timeout_ms: int = 20_000) -> None:  # type: ignore[no-untyped-def]
    waited = 0
    while not predicate() and waited < timeout_ms:
        settle(50)
        waited += 50
    if not predicate():
        raise SystemExit("timed out waiting for the window")


def main(profile_dir: str, passphrase: str) -> None:
    app = application()
    window = build_main_window(Path(profile_dir))
    window.resize(1366, 768)
    window.show()
    settle()
    window.grab().save(str(OUT / "screenshot-unlock.png"))
    window.unlock_page.passphrase.setText(passphrase)
    window.unlock_page.try_unlock()
    wait_for(lambda: window.caseload.model.rowCount() > 0)
    settle()
    window.grab().save(str(OUT / "screenshot-caseload.png"))
    rows = window.caseload.model.rows
    pick = next(
        (r for r in rows if r.has_risk and r.vulnerabilities and r.stage in ("legal", "court")),
        next((r for r in rows if r.has_risk), rows[0]),
    )
    page = window.open_case(pick.case_id)
    assert isinstance(page, CasePage)
    wait_for(lambda: page.detail is not None)
    page.note_text.setPlainText(
        f"Phoned mother at 09:10. She said {pick.child_forename} had a temperature overnight"
    )
    settle(600)
    window.grab().save(str(OUT / "screenshot-case.png"))
    page.note_text.clear()
    penalty_notices(window)
    print(f"screenshots written to {OUT}")
    window.close()
    QApplication.processEvents()
    app.quit()


def penalty_notices(window) -> None:  # type: ignore[no-untyped-def]
    """A case whose notices show the life of one: a first notice paid, a second, a third
    being considered (which the rules will refuse)."""
    profile = window.profile
    service = profile.penalty_notices
    best, best_score = None, -1
    for row in window.caseload.model.rows:
        if row.stage not in ("formal", "legal", "court", "monitoring"):
            continue
        notices = service.notices_for(row.case_id)
        score = len({n.status for n in notices}) + 2 * sum(n.issued_on is not None for n in notices)
        if score > best_score:
            best, best_score = row, score
    if best is None:
        return
    page = window.open_case(best.case_id)
    wait_for(lambda: page.detail is not None)
    page.views.setCurrentWidget(page.penalty_panel)
    wait_for(lambda: page.penalty_panel.loaded and page.penalty_panel.table.rowCount() > 0)
    issued = [n for n, x in enumerate(page.penalty_panel.notices) if x.issued_on is not None]
    if issued:
        page.penalty_panel.table.selectRow(issued[-1])
    settle(600)
    window.grab().save(str(OUT / "screenshot-penalty-notices.png"))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
