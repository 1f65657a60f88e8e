"""Issue 8 point 2 from the command line, as real processes: a batch is prepared, resumed,
listed, confirmed as sent or abandoned; SIGKILLed at several moments it never leaves a letter
recorded as sent without its PDF, a rerun resumes it, and no case and recipient gets two
letters in it."""

from __future__ import annotations

import io
import json
import os
import selectors
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.integration.test_cli import PASS, run
from tests.integration.test_letters_out import one_line, probe

ASK = ("--template", "attendance_concern", "--ask", "contact_by=2030-01-10")


@pytest.fixture()
def profile(tmp_path: Path) -> Path:
    made = run(tmp_path, "demo", "--cases", "16", "--seed", "3", "--today", "2026-11-20")
    assert made.returncode == 0, made.stderr
    return tmp_path


@pytest.mark.slow
def test_a_batch_without_sent_by_stays_prepared_until_confirmed(profile: Path) -> None:
    before = probe(profile)
    out = profile / "batch.pdf"
    made = run(profile, "letters", "batch", *ASK, "--out", str(out))
    assert made.returncode == 0, made.stderr
    assert "NOT recorded as sent" in made.stdout and "batch-sent" in made.stdout
    now = probe(profile)
    assert now["letters"] == before["letters"] and now["letter_entries"] == before["letter_entries"]
    (batch,) = now["batches"]
    assert batch["state"] == "prepared"
    pages = sum(item["pages"] for item in now["batch_letters"])
    assert len(PdfReader(io.BytesIO(out.read_bytes())).pages) == pages
    listed = run(profile, "letters", "batches")
    assert listed.returncode == 0 and "prepared, not yet sent" in listed.stdout
    short = batch["id"][:8]
    assert short in listed.stdout
    as_json = run(profile, "letters", "batches", "--json")
    assert as_json.returncode == 0, as_json.stderr
    (row,) = json.loads(as_json.stdout)
    assert row["id"] == batch["id"] and row["state"] == "prepared" and row["sent"] == 0
    assert row["prepared"] == len(now["batch_letters"]) and row["selection"] == "every open case"
    # another batch of that template with other details is refused, naming this one
    other = run(profile, "letters", "batch", "--template", "attendance_concern", "--ask",
                "contact_by=2030-02-01", "--out", str(profile / "other.pdf"))  # fmt: skip
    assert other.returncode == 1
    line = one_line(other.stderr)
    assert short in line and "is unfinished" in line and f"batch-abandon {short}" in line
    sent = run(profile, "letters", "batch-sent", short, "--sent-by", "post")
    assert sent.returncode == 0, sent.stderr
    after = probe(profile)
    assert after["letters"] == before["letters"] + len(now["batch_letters"])
    assert after["batches"][0]["state"] == "sent"
    again = run(profile, "letters", "batch-sent", short, "--sent-by", "post")
    assert again.returncode == 1 and "nothing to confirm" in one_line(again.stderr)
    verify = run(profile, "verify")
    assert verify.returncode == 0, verify.stderr


@pytest.mark.slow
def test_an_abandoned_batch_keeps_its_letters_marked_never_sent(profile: Path) -> None:
    made = run(profile, "letters", "batch", *ASK, "--out", str(profile / "b.pdf"))
    assert made.returncode == 0, made.stderr
    short = probe(profile)["batches"][0]["id"][:8]
    gone = run(profile, "letters", "batch-abandon", short)
    assert gone.returncode == 0, gone.stderr
    assert "marked as never sent" in gone.stdout
    now = probe(profile)
    assert now["batches"][0]["state"] == "abandoned"
    assert {i["state"] for i in now["batch_letters"]} == {"abandoned"}
    assert now["sent_batch_letters"] == 0
    future = run(profile, "letters", "batch", *ASK, "--out", str(profile / "c.pdf"),
                 "--sent-by", "post", "--sent-on", "9999-12-31")  # fmt: skip
    assert future.returncode == 1 and "--sent-on" in one_line(future.stderr)
    assert len(probe(profile)["batches"]) == 1  # refused before a batch was started
    unknown = run(profile, "letters", "batch-abandon", "ffffffff")
    assert unknown.returncode == 1 and "no letter batch" in one_line(unknown.stderr)


def _env(tmp: Path) -> dict[str, str]:
    return {**os.environ, "PYTHON_KEYRING_BACKEND": "keyrings.alt.file.PlaintextKeyring",
            "XDG_DATA_HOME": str(tmp / "xdg"), "OFFICER_APP_PASSPHRASE": PASS}  # fmt: skip


def _run_and_kill(tmp: Path, out: Path, when: int | str) -> int | None:
    """Start the batch; SIGKILL it once its progress shows ``when`` cases done ("end": when
    it starts putting the letters together). Returns its exit code if it ended first."""
    child = subprocess.Popen(
        [sys.executable, "-m", "officer_app", "--data-dir", str(tmp / "profile"), "letters",
         "batch", *ASK, "--out", str(out), "--sent-by", "post"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=_env(tmp),
        stdin=subprocess.DEVNULL,
    )  # fmt: skip
    assert child.stderr is not None
    selector = selectors.DefaultSelector()
    selector.register(child.stderr, selectors.EVENT_READ)
    seen = b""
    deadline = time.monotonic() + 240
    try:
        while time.monotonic() < deadline:
            if child.poll() is not None:
                return child.returncode
            if not selector.select(timeout=0.05):
                continue
            chunk = os.read(child.stderr.fileno(), 4096)
            if not chunk:
                continue
            seen += chunk
            last = seen.rsplit(b"\r", 1)[-1].decode(errors="replace")
            if " cases," not in last:
                continue
            done, total = (int(x) for x in last.split("%", 1)[1].split(" cases")[0].split("/"))
            if (when == "end" and done == total) or (isinstance(when, int) and done >= when):
                child.send_signal(signal.SIGKILL)
                child.wait(timeout=30)
                return None
        raise AssertionError(f"the batch never reached {when}: {seen[-400:]!r}")
    finally:
        selector.close()
        child.stderr.close()
        if child.poll() is None:
            child.kill()
            child.wait()


def _check(tmp: Path, out: Path) -> dict[str, object]:
    """What must hold after any kill: no letter of the batch recorded as sent unless the PDF
    holding every one of them exists; one unfinished batch at most; no case and recipient
    twice in a batch."""
    now = probe(tmp)
    items = now["batch_letters"]
    pairs = Counter((i["batch"], i["case"], i["recipient"]) for i in items)
    assert not pairs or max(pairs.values()) == 1
    assert len([b for b in now["batches"] if b["state"] in ("preparing", "prepared")]) <= 1
    if now["sent_batch_letters"]:
        assert out.exists(), "letters recorded as sent with no PDF"
        sent = [i for i in items if i["state"] == "sent"]
        pages = len(PdfReader(io.BytesIO(out.read_bytes())).pages)
        assert pages == sum(i["pages"] for i in sent)
    else:
        assert all(i["state"] == "prepared" for i in items)
    return now


@pytest.mark.slow
def test_a_killed_batch_never_leaves_a_letter_sent_without_its_pdf_and_resumes(
    profile: Path,
) -> None:
    out = profile / "letters.pdf"
    before = probe(profile)
    finished = False
    for when in (0, 2, 6, "end"):
        code = _run_and_kill(profile, out, when)
        now = _check(profile, out)
        if code is not None:
            assert when == "end" and code == 0  # only the last moment may come too late
            finished = True
            break
        assert len(now["batches"]) == 1  # every rerun resumed the same batch
        assert now["sent_batch_letters"] == 0  # killed before the end: nothing sent yet
    if not finished:
        last = run(profile, "letters", "batch", *ASK, "--out", str(out), "--sent-by", "post")
        assert last.returncode == 0, last.stderr
        assert "recorded as sent by post" in last.stdout
    now = _check(profile, out)
    (batch,) = now["batches"]
    assert batch["state"] == "sent" and batch["cases_done"] == batch["cases"]
    items = now["batch_letters"]
    assert items and all(i["state"] == "sent" for i in items)
    assert now["letters"] == before["letters"] + len(items)
    pages = len(PdfReader(io.BytesIO(out.read_bytes())).pages)
    assert pages == sum(i["pages"] for i in items)  # the final PDF holds them all
    # run once more, as an officer unsure it worked would: nothing is sent twice
    rerun = run(profile, "letters", "batch", *ASK, "--out", str(out), "--sent-by", "post")
    assert rerun.returncode == 1 and "already sent" in one_line(rerun.stderr)
    assert probe(profile)["letters"] == now["letters"]
    verify = run(profile, "verify")
    assert verify.returncode == 0, verify.stderr
