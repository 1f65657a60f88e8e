"""Fixtures of the sync tests: the demo profile's store with its outbox settled."""

from __future__ import annotations

import pytest
from sqlalchemy import update

from officer_app.store.database import Store
from officer_app.store.models import OutboxMutation


def settle(store: Store) -> None:
    """Mark every pending outbox row as synced, as if the profile had been synced."""
    store.write_wait(
        lambda s: s.execute(
            update(OutboxMutation).where(OutboxMutation.state == "pending").values(state="synced")
        )
    )


@pytest.fixture()
def store(demo_profile) -> Store:  # type: ignore[no-untyped-def]
    """The demo profile's store, its outbox settled (the profile's own officer is created
    tracked, the demo's cases untracked)."""
    settle(demo_profile.store)
    store: Store = demo_profile.store
    return store
