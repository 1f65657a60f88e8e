"""What the profile keeps about its sync (``profile_setting`` rows): the central store's
address, this device's and its user's ids, the user's LA and role, and when the last round
succeeded. The device credential is never here: only in the OS key store (credentials.py)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from officer_app.store.models import ProfileSetting
from officer_app.store.sync_models import (
    DEVICE_ID_SETTING,
    LA_ID_SETTING,
    LAST_SYNC_SETTING,
    ROLE_SETTING,
    SERVER_URL_SETTING,
    USER_ID_SETTING,
)

KEYS = {
    "server_url": SERVER_URL_SETTING,
    "device_id": DEVICE_ID_SETTING,
    "user_id": USER_ID_SETTING,
    "la_id": LA_ID_SETTING,
    "role": ROLE_SETTING,
    "last_success": LAST_SYNC_SETTING,
}


@dataclass(frozen=True)
class SyncSettings:
    server_url: str = ""
    device_id: str = ""
    user_id: str = ""
    la_id: str = ""
    role: str = ""
    last_success: str = ""  # the server's time at the end of the last successful round

    @property
    def enrolled(self) -> bool:
        return bool(self.server_url and self.device_id)


def read_settings(session: Session) -> SyncSettings:
    stored = dict(
        session.execute(
            select(ProfileSetting.key, ProfileSetting.value).where(
                ProfileSetting.key.in_(KEYS.values())
            )
        ).all()
    )
    return SyncSettings(**{name: stored.get(key, "") for name, key in KEYS.items()})


def write_settings(session: Session, **values: str) -> None:
    """Set some of :class:`SyncSettings`' fields (by their names)."""
    for name, value in values.items():
        key = KEYS[name]
        row = session.get(ProfileSetting, key)
        if row is None:
            session.add(ProfileSetting(key=key, value=value))
        else:
            row.value = value
