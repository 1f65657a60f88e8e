"""``officer-app demo`` killed with SIGKILL part-way through a top-up, then run again: the
profile ends as if the top-up had never been interrupted. Real processes, real kills."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

PASS = "a long demo passphrase"
TODAY = "2026-11-20"  # tests/conftest.py DEMO_TODAY
ROOT = Path(__file__).resolve().parents[2]


def _env(xdg: Path) -> dict[str, str]:
    return {
        **os.environ,
        "PYTHON_KEYRING_BACKEND": "keyrings.alt.file.PlaintextKeyring",
        "XDG_DATA_HOME": str(xdg),  # one key store for every copy of the profile
        "OFFICER_APP_PASSPHRASE": PASS,
    }


def _cli(folder: Path, xdg: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "officer_app", "--data-dir", str(folder), *args],
        capture_output=True,
        text=True,
        env=_env(xdg),
        stdin=subprocess.DEVNULL,
        timeout=600,
    )


def _demo(folder: Path, xdg: Path, cases: int, seed: int = 7) -> subprocess.CompletedProcess[str]:
    return _cli(folder, xdg, "demo", "--cases", str(cases), "--seed", str(seed), "--today", TODAY)


def _counts(folder: Path, xdg: Path) -> dict[str, object]:
    out = subprocess.run(
        [sys.executable, "-m", "tests.integration.demo_counts_child", str(folder)],
        capture_output=True,
        text=True,
        env=_env(xdg),
        cwd=ROOT,
        timeout=300,
    )
    assert out.returncode == 0, out.stderr
    counted: dict[str, object] = json.loads(out.stdout)
    return counted


BASE, TOP_UP = 15, 40
COURT_BASE, COURT_TOP_UP = 5, 30  # seed 1: the top-up reaches case 10, at court


def _made(
    tmp: Path, base_cases: int, top_up: int, seed: int
) -> tuple[Path, Path, dict[str, object]]:
    xdg, base = tmp / "xdg", tmp / "base"
    assert _demo(base, xdg, base_cases, seed).returncode == 0
    shutil.copytree(base, tmp / "reference")
    done = _demo(tmp / "reference", xdg, top_up, seed)
    assert done.returncode == 0, done.stderr
    wanted = _counts(tmp / "reference", xdg)
    assert wanted["cases"] == top_up and wanted["notices"] and wanted["letters"]
    assert wanted["pending_outbox"] == [["officer", "create"]]  # made with the profile
    assert wanted["pending_top_up"] is False
    return base, xdg, wanted


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, dict[str, object]]:
    """A profile of BASE cases, and the counts of that profile topped up to TOP_UP cases
    without interruption."""
    return _made(tmp_path_factory.mktemp("resume"), BASE, TOP_UP, 7)


@pytest.fixture(scope="module")
def made_court(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, dict[str, object]]:
    """The same for a top-up (seed 1) that makes witness statements and evidence packs."""
    made = _made(tmp_path_factory.mktemp("resume-court"), COURT_BASE, COURT_TOP_UP, 1)
    assert made[2]["statements"] and made[2]["packs"]
    return made


def _kill_and_rerun(
    made: tuple[Path, Path, dict[str, object]],
    folder: Path,
    part: str,
    after: float,
    cases: tuple[int, int, int],
) -> None:
    """Run the top-up, SIGKILL it ``after`` seconds into ``part``, run it again: it ends with
    the counts of the top-up never interrupted, and every chain verifies."""
    base, xdg, wanted = made
    base_cases, top_up, seed = cases
    shutil.copytree(base, folder)
    child = subprocess.Popen(
        [sys.executable, "-m", "officer_app", "--data-dir", str(folder), "demo",
         "--cases", str(top_up), "--seed", str(seed), "--today", TODAY],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env=_env(xdg),
    )  # fmt: skip
    assert child.stderr is not None
    try:
        for line in child.stderr:
            if part in line:
                time.sleep(after)
                break
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL, "the top-up ended before it was killed"
    killed = _counts(folder, xdg)
    if part == "writing the cases":  # the cases are one transaction: none, or all
        assert killed["cases"] == base_cases and killed["pending_top_up"] is False
    else:
        assert killed["cases"] == top_up and killed["pending_top_up"] is True
        assert killed != wanted

    rerun = _demo(folder, xdg, top_up, seed)
    assert rerun.returncode == 0, rerun.stderr
    if part != "writing the cases":
        assert "finishing the demo top-up that was interrupted" in rerun.stderr
        assert f"cases {base_cases + 1} to {top_up}" in rerun.stderr
    assert _counts(folder, xdg) == wanted
    checked = _cli(folder, xdg, "verify")
    assert checked.returncode == 0, checked.stderr
    assert "every chain is intact" in checked.stdout
    assert "Traceback" not in rerun.stderr + checked.stderr


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="POSIX only")
@pytest.mark.parametrize(
    ("part", "after"),
    [
        ("writing the cases", 0.5),
        ("replaying the penalty notices", 0.4),
        ("sending the letters", 0.6),
    ],
)
def test_a_top_up_killed_part_way_is_completed_by_the_next_run(
    made: tuple[Path, Path, dict[str, object]], tmp_path: Path, part: str, after: float
) -> None:
    _kill_and_rerun(made, tmp_path / "profile", part, after, (BASE, TOP_UP, 7))


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="POSIX only")
def test_a_top_up_killed_among_its_statements_and_packs_is_completed_by_the_next_run(
    made_court: tuple[Path, Path, dict[str, object]], tmp_path: Path
) -> None:
    # the part takes about a second here (a pack built, approved and served, three
    # statements): killed a third of the way in
    _kill_and_rerun(
        made_court,
        tmp_path / "profile",
        "making the witness statements and evidence packs",
        0.3,
        (COURT_BASE, COURT_TOP_UP, 1),
    )


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (("--today", "0001-01-01"), "--today: 0001-01-01 is before 2025-09-01"),
        (("--today", "9999-12-31"), "--today: 9999-12-31 is more than a year ahead"),
        (("--cases", "-5"), "--cases: -5 is below zero"),
        (("--cases", str(10**9)), "--cases: 1000000000 is more than a demo holds"),
        (("--seed", "-1"), "--seed: give a whole number from 0 to 2147483647"),
    ],
)
def test_a_demo_out_of_range_is_one_line_and_creates_nothing(
    tmp_path: Path, args: tuple[str, ...], says: str
) -> None:
    request = {"--cases": "3", "--seed": "1", "--today": TODAY}
    request.update(dict(zip(args[::2], args[1::2], strict=True)))
    out = _cli(
        tmp_path / "profile", tmp_path / "xdg", "demo", *[x for kv in request.items() for x in kv]
    )
    assert out.returncode == 1
    assert out.stdout == ""
    [line] = out.stderr.splitlines()  # one line, no traceback
    assert line.startswith(f"officer-app: {says}")
    assert not (tmp_path / "profile").exists()


@pytest.mark.slow
@pytest.mark.parametrize("when", ["earliest", "latest"])
def test_a_demo_at_either_end_of_the_range_is_made_and_verifies(tmp_path: Path, when: str) -> None:
    from officer_app.clock import SystemClock
    from officer_app.demo.topup import EARLIEST_TODAY, LATEST_AHEAD

    day = EARLIEST_TODAY if when == "earliest" else SystemClock().today() + LATEST_AHEAD
    folder, xdg = tmp_path / "profile", tmp_path / "xdg"
    out = _cli(folder, xdg, "demo", "--cases", "25", "--today", day.isoformat())
    assert out.returncode == 0, out.stderr
    assert "25 cases in the profile" in out.stdout
    checked = _cli(folder, xdg, "verify")
    assert checked.returncode == 0, checked.stderr
