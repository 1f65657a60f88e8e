"""Child process for the SIGKILL test: writes batches of signed notes until it is killed."""

from __future__ import annotations

import sys
from pathlib import Path

from officer_app.store.database import Store
from tests.unit.store_helpers import seed_case, signed_note

BATCH = 50


def main(path: str, key_hex: str) -> None:
    store = Store.open(Path(path), bytes.fromhex(key_hex), actor="child", create=True)
    case_id, officer_id = store.write_wait(lambda s: seed_case(s))
    batch = 0
    while True:

        def work(session, b=batch):  # type: ignore[no-untyped-def]
            for i in range(BATCH):
                signed_note(session, case_id, officer_id, f"batch {b} note {i} " + "x" * 400)

        store.write_wait(work)
        batch += 1
        print(f"committed {batch * BATCH}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
