"""The referral dialog on a fresh profile: a school the profile does not hold is added by its
URN and name; a sibling's family (same surname or address) is offered, and choosing it puts
the new child in that family: one family, one worker (domain.md "The life of a case" 2)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QDialogButtonBox

from officer_app.gui.dates import qdate
from officer_app.gui.referral_dialog import ReferralDialog
from officer_app.gui.task_runner import TaskRunner
from officer_app.services.referrals import NewAdult, NewReferral
from officer_app.store.models import Child, Family
from tests.conftest import MemoryKeyring
from tests.ui.fresh_profile import fresh_profile


def test_a_sibling_is_offered_and_linked(  # type: ignore[no-untyped-def]
    qtbot: Any, tmp_path: Path, keyring_backend: MemoryKeyring, clock
) -> None:
    profile = fresh_profile(tmp_path / "profile", keyring_backend, clock)
    sister = profile.referrals.take_referral(
        NewReferral(
            forename="Mia",
            surname="Okafor",
            date_of_birth=dt.date(2013, 3, 9),
            reason="Attendance 82%",
            received=dt.date(2026, 11, 2),
            school="300001",
            school_name="Vale Secondary",
            school_phase="secondary",
            address_line1="9 Elm Court",
            postcode="XT3 9QQ",
            adults=(NewAdult("Ife", "Okafor"),),
        )
    )
    runner = TaskRunner()
    dialog = ReferralDialog(None, profile.referrals, runner)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.ui.school.completer() is not None, timeout=10_000)
    ui = dialog.ui
    qtbot.keyClicks(ui.school, "300001")
    assert not dialog.is_new_school()  # held since the sister's referral
    ui.school.clear()
    qtbot.keyClicks(ui.school, "300002")
    assert dialog.is_new_school()
    ui.school.clear()
    qtbot.keyClicks(ui.school, "Vale")
    assert not dialog.is_new_school()

    qtbot.keyClicks(ui.forename, "Tobi")
    qtbot.keyClicks(ui.surname, "Okafor")
    ui.surname.editingFinished.emit()  # the officer leaves the field
    qtbot.waitUntil(lambda: len(dialog.family_offers()) == 2, timeout=10_000)
    assert dialog.family_offers()[1] == (
        f"Same family as Mia Okafor ({sister.reference}), 9 Elm Court, XT3 9QQ"
    )
    ui.family_link.setCurrentIndex(1)
    assert not ui.postcode.isEnabled() and not ui.adults.isEnabled()
    dialog.grab().save("/tmp/fresh_referral_sibling.png")
    ui.dob.setDate(qdate(dt.date(2016, 7, 1)))
    qtbot.keyClicks(ui.reason, "Brother of Mia; attendance 85%")
    with qtbot.waitSignal(dialog.taken, timeout=10_000) as taken:
        ui.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert taken.args[0]
    families = profile.store.read(lambda s: {c.forename: c.family_id for c in s.query(Child).all()})
    assert families["Tobi"] == families["Mia"] == sister.family_id
    assert profile.store.read(lambda s: s.query(Family).count()) == 1
    runner.wait_idle()
    profile.lock()
