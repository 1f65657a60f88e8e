"""Print, as JSON, what a demo profile holds in the counts a top-up must get right.

Run as ``python -m tests.integration.demo_counts_child PROFILE`` with the passphrase in
``OFFICER_APP_PASSPHRASE`` (the key store comes from ``PYTHON_KEYRING_BACKEND``)."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from officer_app.demo.topup import PENDING_SETTING
from officer_app.services import profile
from officer_app.store.models import (
    Attachment,
    Case,
    ChronologyEntry,
    EvidencePack,
    Exhibit,
    Letter,
    OutboxMutation,
    PenaltyNotice,
    ProfileSetting,
    Statement,
    StatementVersion,
)


def counts(session: Session) -> dict[str, object]:
    def rows(query: object) -> list[list[object]]:
        return sorted([list(map(str, row)) for row in session.execute(query)])  # type: ignore[call-overload]

    return {
        "cases": session.scalar(select(func.count()).select_from(Case)),
        "entries": session.scalar(select(func.count()).select_from(ChronologyEntry)),
        "attachments": session.scalar(select(func.count()).select_from(Attachment)),
        "letters": rows(
            select(Case.reference, Letter.template_id, func.count())
            .join(Case, Case.id == Letter.case_id)
            .group_by(Case.reference, Letter.template_id)
        ),
        "notices": rows(
            select(Case.reference, PenaltyNotice.parent_id, PenaltyNotice.status).join(
                Case, Case.id == PenaltyNotice.case_id
            )
        ),
        "statements": rows(
            select(
                Case.reference,
                Statement.witness_kind,
                Statement.witness_name,
                Statement.status,
                func.count(StatementVersion.id),
            )
            .join(Case, Case.id == Statement.case_id)
            .join(StatementVersion, StatementVersion.statement_id == Statement.id)
            .group_by(Statement.id)
        ),
        "packs": rows(
            select(
                Case.reference,
                EvidencePack.number,
                EvidencePack.status,
                EvidencePack.pages,
                EvidencePack.served_on,
            ).join(Case, Case.id == EvidencePack.case_id)
        ),
        "exhibits": rows(
            select(Case.reference, Exhibit.label).join(Case, Case.id == Exhibit.case_id)
        ),
        # what waits to go to the central store: the profile's own officer, never the demo
        "pending_outbox": rows(
            select(OutboxMutation.entity_type, OutboxMutation.op).where(
                OutboxMutation.state == "pending"
            )
        ),
        "pending_top_up": session.get(ProfileSetting, PENDING_SETTING) is not None,
    }


def main() -> None:
    opened = profile.unlock_profile(Path(sys.argv[1]), os.environ["OFFICER_APP_PASSPHRASE"])
    try:
        print(json.dumps(opened.store.read(counts)))
    finally:
        opened.lock()


if __name__ == "__main__":
    main()
