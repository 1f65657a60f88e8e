"""`officer-app verify` after tampering done behind the application's back, through the real
key (issue 8, point 7): every kind is named, one line each, exit 3; and `verify --head`
checks a head printed on a document."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.integration.test_cli import PASS, run

# Prints the first case's head as REFERENCE:LINK:HASH, then (with "tamper") cuts the last
# link of the first case, removes the second case's chain, edits an audit row and drops a
# trigger, all as raw SQL on the engine (no application session).
SCRIPT = f"""
import sys
from pathlib import Path
from sqlalchemy import text
from officer_app.services.profile import unlock_profile
p = unlock_profile(Path(sys.argv[1]), {PASS!r})
with p.store.engine.connect() as conn:
    heads = conn.execute(text(
        "SELECT c.reference, h.last_seq, h.last_hash, c.id FROM chain_head h "
        "JOIN case_file c ON c.id = h.case_id ORDER BY c.reference")).all()
print(f"{{heads[0][0]}}:{{heads[0][1]}}:{{heads[0][2]}}")
print(heads[1][0])
if sys.argv[2] == "tamper":
    raw = p.store.engine.raw_connection()  # as an SQLCipher shell would: no foreign keys
    cur = raw.cursor()
    cur.execute("PRAGMA foreign_keys = OFF")
    cur.execute("BEGIN")
    cur.execute("DROP TRIGGER chronology_signed_no_delete")
    cur.execute("DROP TRIGGER audit_no_update")
    cur.execute("DELETE FROM chronology_entry WHERE case_id = ? AND chain_seq = ?",
                (heads[0][3], heads[0][1]))
    cur.execute("DELETE FROM chronology_entry WHERE case_id = ?", (heads[1][3],))
    cur.execute("UPDATE audit_event SET actor = 'someone else' WHERE seq = 1")
    cur.execute("COMMIT")
    raw.close()
p.lock()
"""


def _script(tmp: Path, mode: str) -> list[str]:
    out = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(tmp / "profile"), mode],
        capture_output=True,
        text=True,
        timeout=120,
        env={
            **os.environ,
            "PYTHON_KEYRING_BACKEND": "keyrings.alt.file.PlaintextKeyring",
            "XDG_DATA_HOME": str(tmp / "xdg"),
        },
    )
    assert out.returncode == 0, out.stderr
    return out.stdout.split()


@pytest.mark.slow
def test_verify_names_every_kind_of_tampering_and_a_printed_head_checks(tmp_path: Path) -> None:
    made = run(tmp_path, "demo", "--cases", "3", "--today", "2026-11-20")
    assert made.returncode == 0, made.stderr
    clean = run(tmp_path, "verify")
    assert clean.returncode == 0, clean.stderr
    assert "every head matches and every immutability trigger is as shipped" in clean.stdout
    assert "profile head: SHA-256 " in clean.stdout

    code, _second = _script(tmp_path, "look")
    reference, link, digest = code.split(":")
    printed = f"{reference}:{link}:{digest[:16]}…"  # as the footer prints it
    ok = run(tmp_path, "verify", "--head", printed)
    assert ok.returncode == 0, ok.stderr
    assert "is in its evidence chain unchanged, and the chain is intact" in ok.stdout
    mistyped = run(tmp_path, "verify", "--head", f"{reference}:{link}")
    assert mistyped.returncode == 1 and mistyped.stderr.count("\n") == 1
    assert "REFERENCE:LINK:SHA256" in mistyped.stderr

    _code, second = _script(tmp_path, "tamper")
    out = run(tmp_path, "verify")
    assert out.returncode == 3
    assert "Traceback" not in out.stderr
    broken = [line.removeprefix("BROKEN: ") for line in out.stderr.splitlines()]
    assert (
        f"case {reference}: entries missing at the end of the chain: links {link} to {link} "
        f"(its head is at link {link})"
    ) in broken
    assert any(
        line.startswith(f"case {second}: missing chain: its head is at link ") for line in broken
    )
    assert "audit log, link 1: changed after it was written" in broken
    assert "immutability trigger chronology_signed_no_delete: missing" in broken
    assert "immutability trigger audit_no_update: missing" in broken
    gone = run(tmp_path, "verify", "--head", printed)
    assert gone.returncode == 3
    assert f"link {link} is not in its evidence chain" in gone.stderr
