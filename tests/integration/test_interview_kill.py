"""The words an officer is typing into an interview's record survive a SIGKILL, but for the
last few seconds (issue 12, point 3: "a killed process loses at most 5 s").

The child (interview_kill_child.py) types into the real InterviewWindow's input box; after
about 4 s of typing the test kills it, opens the profile itself and finds the words in the
interview's draft (``InterviewService.progress(...).pending``). The harness (reading the
child's lines, when a kept text was typed) is the form autosave kill test's.
"""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import pytest

from officer_app.clock import FixedClock
from officer_app.domain.interview import CAUTION, Event, EventKind, InterviewRecord
from officer_app.services.profile import unlock_profile
from tests.conftest import DEMO_NOW, TEST_PASSPHRASE, make_profile
from tests.integration.interview_kill_child import BURST_CHARS, TEXT
from tests.integration.test_form_autosave_crash import (
    START_TIMEOUT_S,
    TOLERANCE_S,
    _Lines,
    _typed_at,
)

ROOT = Path(__file__).resolve().parents[2]
TYPE_FOR_S = 4.0
LOSS_LIMIT_S = 5.0
OPENING = {
    "identities_confirmed": True,
    "place_kind": "office",
    "told_not_under_arrest": True,
    "told_free_to_leave": True,
    "told_legal_advice": True,
    "legal_advice": "declined",
    "interpreter_present": False,
    "appropriate_adult_present": False,
    "recording": "written",
}


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="POSIX only")
def test_sigkill_while_typing_an_answer_loses_at_most_five_seconds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from keyrings.alt.file import PlaintextKeyring

    xdg = tmp_path / "xdg"
    monkeypatch.setenv("XDG_DATA_HOME", str(xdg))
    backend, clock, data_dir = PlaintextKeyring(), FixedClock(DEMO_NOW), tmp_path / "profile"
    opened = make_profile(data_dir, backend, 3, clock)
    service = opened.interviews
    case_id = next(c.case_id for c in opened.caseload.list_cases() if service.candidates(c.case_id))
    plan = replace(service.default_plan(case_id), place="Civic Centre, Northam")
    info = service.start(service.plan(case_id, plan).id)
    at = DEMO_NOW - dt.timedelta(minutes=5)
    record = InterviewRecord([Event(EventKind.START, at)])
    record.add(Event(EventKind.CAUTION, at + dt.timedelta(minutes=1), CAUTION, flag=True))
    record.add(Event(EventKind.QUESTION, at + dt.timedelta(minutes=2), "Who takes her?"))
    service.save_progress(info.id, OPENING, record, [])
    opened.lock()

    errors = (tmp_path / "child-stderr.txt").open("w")
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.integration.interview_kill_child", str(data_dir), info.id],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=errors,
        text=True,
        env={
            **os.environ,
            "PYTHONPATH": str(ROOT),
            "QT_QPA_PLATFORM": "offscreen",
            "PYTHON_KEYRING_BACKEND": "keyrings.alt.file.PlaintextKeyring",
            "XDG_DATA_HOME": str(xdg),
            "OFFICER_APP_PASSPHRASE": TEST_PASSPHRASE,
        },
    )
    lines = _Lines(child)
    try:
        if lines.typing(START_TIMEOUT_S):
            time.sleep(TYPE_FOR_S)
    finally:
        child.send_signal(signal.SIGKILL)
        killed_at = time.monotonic()
        child.wait(timeout=30)
        errors.close()
    died = (tmp_path / "child-stderr.txt").read_text()
    assert child.returncode == -signal.SIGKILL, f"the child died by itself: {died}"
    bursts = lines.finish()
    assert len(bursts) >= 20, f"the child typed too little: {len(bursts)} bursts; {died}"
    typed = bursts[-1][1]

    opened = unlock_profile(data_dir, TEST_PASSPHRASE, backend=backend, clock=clock)
    try:
        progress = opened.interviews.progress(info.id)
    finally:
        opened.lock()
    kept = progress.pending
    assert progress.record.events == record.events  # the record itself untouched
    assert kept and TEXT.startswith(kept), kept
    assert len(kept) <= len(typed) + BURST_CHARS
    lost_s = killed_at - _typed_at(bursts, kept)
    assert lost_s <= LOSS_LIMIT_S + TOLERANCE_S, (
        f"{lost_s:.2f} s of typing lost ({len(typed) - len(kept)} of {len(typed)} characters)"
    )
    print(f"typed {len(typed)} characters; kept {len(kept)}; {lost_s:.2f} s lost")
