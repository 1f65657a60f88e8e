"""Why a sync round stopped, each with a message safe to show (no case data, no credential)."""

from __future__ import annotations

from typing import Any


class SyncError(Exception):
    """A sync round could not finish; what it did before stopping is kept."""


class SyncUnreachable(SyncError):
    """No answer, or a 5xx: anything sent stays in the outbox (inflight) for the next round."""


class SyncUnauthorised(SyncError):
    """401: the server does not know this device's credential, or it was revoked."""

    def __init__(self, message: str, *, revoked: bool = False) -> None:
        super().__init__(message)
        self.revoked = revoked


class SyncUpgradeRequired(SyncError):
    """426: this version of the app is too old for the central store; the outbox is kept."""


class SyncRefused(SyncError):
    """Any other refusal of a whole request (400, 403, 409, 413, 422, 429)."""

    def __init__(self, message: str, *, status: int, code: str = "") -> None:
        super().__init__(message)
        self.status = status
        self.code = code


def error_code(body: Any) -> tuple[str, str]:
    """``(code, message)`` of an error answer, whichever way the server wraps its
    ``ErrorInfo`` (bare, under ``error``, or under FastAPI's ``detail``); ``("", "")``."""
    for candidate in (body, *(body.get(k) for k in ("error", "detail") if isinstance(body, dict))):
        if isinstance(candidate, dict) and isinstance(candidate.get("code"), str):
            message = candidate.get("message")
            return candidate["code"], message if isinstance(message, str) else ""
    return "", ""
