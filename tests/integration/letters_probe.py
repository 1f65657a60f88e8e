"""Run as a child process by the letters tests: open a profile and print, as JSON, what it
holds of letters (the tests' only window into the encrypted database from outside)."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from officer_app.services import profile
from officer_app.store.models import ChronologyEntry, Letter


def main() -> None:
    opened = profile.unlock_profile(Path(sys.argv[1]), os.environ["OFFICER_APP_PASSPHRASE"])

    def work(session: Session) -> dict[str, object]:
        from officer_app.store.models import BatchLetter, LetterBatch

        batches = session.scalars(select(LetterBatch).order_by(LetterBatch.created_at)).all()
        items = session.scalars(select(BatchLetter)).all()
        return {
            "letters": session.scalar(select(func.count()).select_from(Letter)),
            "letter_entries": session.scalar(
                select(func.count())
                .select_from(ChronologyEntry)
                .where(ChronologyEntry.entry_type == "letter")
            ),
            "batches": [
                {"id": b.id, "state": b.state, "cases_done": b.cases_done, "cases": len(b.case_ids)}
                for b in batches
            ],
            "batch_letters": [
                {
                    "batch": i.batch_id,
                    "case": i.case_id,
                    "recipient": i.recipient_adult_id,
                    "state": i.state,
                    "pages": i.pages,
                    "letter": i.letter_id,
                }
                for i in items
            ],
            "sent_batch_letters": session.scalar(
                select(func.count()).select_from(Letter).where(Letter.batch_id.is_not(None))
            ),
        }

    def old_schema(session: Session) -> dict[str, object]:  # before the batches existed
        return {
            "letters": session.scalar(select(func.count()).select_from(Letter)),
            "letter_entries": session.scalar(
                select(func.count())
                .select_from(ChronologyEntry)
                .where(ChronologyEntry.entry_type == "letter")
            ),
        }

    try:
        try:
            found = opened.store.read(work)
        except ImportError:
            found = opened.store.read(old_schema)
        print(json.dumps(found))
    finally:
        opened.lock()


if __name__ == "__main__":
    main()
