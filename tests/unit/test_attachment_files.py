"""Attachment files no row refers to (a kill between staging a blob and recording it) are
found and, once old enough, removed; a file a row refers to is never touched; a row whose
file has gone is reported. Real encrypted files in a real profile."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from officer_app.services.attachment_files import SAFE_AGE, census, tidy
from officer_app.services.profile import OpenProfile
from officer_app.store.models import Case

OLD = SAFE_AGE.total_seconds() + 60


def _age(path: Path, seconds: float) -> None:
    then = time.time() - seconds
    os.utime(path, (then, then))


def _case(profile: OpenProfile) -> str:
    return str(profile.store.read(lambda s: s.scalars(select(Case.id).limit(1)).one()))


def test_orphans_temporaries_and_missing_files_are_found(demo_profile: OpenProfile) -> None:
    case_id = _case(demo_profile)
    kept = demo_profile.attachments.add_bytes(case_id, b"a scan of the register", filename="a.pdf")
    lost = demo_profile.attachments.add_bytes(case_id, b"a photo of the door", filename="b.jpg")
    staged = demo_profile.attachments.stage_bytes(
        case_id, b"x" * 5000, filename="never.pdf", media_type="application/pdf"
    )  # its transaction never ran: a kill between the two steps
    folder = demo_profile.data_dir / "attachments"
    (folder / f"{lost.id}.oab").unlink()
    temporary = folder / f".{staged.id}.oab.4242.tmp"
    temporary.write_bytes(b"half a blob")
    stray_key = demo_profile.data_dir / ".key.json.4243.tmp"
    stray_key.write_bytes(b"{")

    found = census(demo_profile.store, demo_profile.data_dir)

    assert [o.path for o in found.orphans] == [staged.path]
    assert found.orphan_bytes == staged.path.stat().st_size > 5000  # ciphertext and tags
    assert sorted(t.path for t in found.temporary) == sorted([temporary, stray_key])
    assert [(m.attachment_id, m.case_reference) for m in found.missing] == [
        (lost.id, demo_profile.store.read(lambda s: s.get_one(Case, case_id).reference))
    ]
    assert found.blobs == 2  # kept and the orphan
    assert demo_profile.attachments.read(kept.id) == b"a scan of the register"


def test_tidy_removes_only_old_strays_and_never_a_recorded_file(
    demo_profile: OpenProfile,
) -> None:
    case_id = _case(demo_profile)
    kept = demo_profile.attachments.add_bytes(case_id, b"kept for court", filename="a.pdf")
    old = demo_profile.attachments.stage_bytes(
        case_id, b"old", filename="old.pdf", media_type="application/pdf"
    )
    young = demo_profile.attachments.stage_bytes(
        case_id, b"young", filename="young.pdf", media_type="application/pdf"
    )  # a live writer may be about to record it
    folder = demo_profile.data_dir / "attachments"
    temporary = folder / f".{old.id}.oab.99.tmp"
    temporary.write_bytes(b"half")
    for path in (old.path, temporary, folder / f"{kept.id}.oab"):
        _age(path, OLD)

    result = tidy(demo_profile.store, demo_profile.data_dir)

    assert sorted(r.path for r in result.removed) == sorted([old.path, temporary])
    assert [k.path for k in result.kept_young] == [young.path]
    assert not old.path.exists() and not temporary.exists() and young.path.exists()
    assert demo_profile.attachments.read(kept.id) == b"kept for court"  # old, but recorded
    again = census(demo_profile.store, demo_profile.data_dir)
    assert [o.path for o in again.orphans] == [young.path] and not again.temporary


def test_a_blob_recorded_after_it_was_staged_is_never_an_orphan(
    demo_profile: OpenProfile,
) -> None:
    case_id = _case(demo_profile)
    staged = demo_profile.attachments.stage_bytes(
        case_id, b"late", filename="late.pdf", media_type="application/pdf"
    )
    _age(staged.path, OLD)  # staged long ago, its transaction only now commits
    now = demo_profile.clock.now()
    demo_profile.store.write_wait(lambda s: staged.add_to(s, added_at=now))
    assert tidy(demo_profile.store, demo_profile.data_dir).removed == ()
    assert demo_profile.attachments.read(staged.id) == b"late"


def test_a_profile_without_an_attachments_folder_has_nothing_to_report(
    demo_profile: OpenProfile,
) -> None:
    folder = demo_profile.data_dir / "attachments"
    if folder.exists():
        for path in folder.iterdir():
            path.unlink()
        folder.rmdir()
    found = census(demo_profile.store, demo_profile.data_dir)
    assert found.orphans == found.temporary == found.missing == () and found.blobs == 0


def test_a_file_that_cannot_be_removed_is_named_and_the_rest_go_on(
    demo_profile: OpenProfile,
) -> None:
    case_id = _case(demo_profile)
    stuck, gone = (
        demo_profile.attachments.stage_bytes(
            case_id, name.encode(), filename=f"{name}.pdf", media_type="application/pdf"
        )
        for name in ("stuck", "gone")
    )
    for path in (stuck.path, gone.path):
        _age(path, OLD)
    # an immutable file: a real refusal even for root (as a file held open is on Windows)
    chattr = shutil.which("chattr")
    if chattr is None or subprocess.run([chattr, "+i", str(stuck.path)]).returncode != 0:
        pytest.skip("no immutable files here (chattr +i needs Linux and ext4 or the like)")
    try:
        result = tidy(demo_profile.store, demo_profile.data_dir)
    finally:
        subprocess.run([chattr, "-i", str(stuck.path)], check=True)
    assert [r.path for r in result.removed] == [gone.path]
    [(failed, why)] = result.failed
    assert failed.path == stuck.path and why == "Operation not permitted"
    assert stuck.path.exists() and not gone.path.exists()
