"""A profile made as a new officer makes it: no demo, no school, no case (issue 11 "Done when")."""

from __future__ import annotations

from pathlib import Path

from officer_app.clock import FixedClock
from officer_app.security.keys import FAST_TEST_KDF
from officer_app.services.profile import OpenProfile, create_profile
from tests.conftest import TEST_PASSPHRASE, MemoryKeyring

OFFICER = "Jordan Fresh"


def fresh_profile(folder: Path, backend: MemoryKeyring, clock: FixedClock) -> OpenProfile:
    """An empty, unlocked profile in ``folder`` (lock it to hand it to the window)."""
    return create_profile(
        folder,
        TEST_PASSPHRASE,
        officer_name=OFFICER,
        officer_initials="JF",
        kdf=FAST_TEST_KDF,
        backend=backend,
        clock=clock,
    )
