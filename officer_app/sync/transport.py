"""How the sync client reaches the central store: a small interface (``post`` and ``get``
of JSON, answering ``(status, parsed body)``) and its httpx implementation. A test gives the
client a fake of the server's answers, or the server app itself through
``fastapi.testclient.TestClient`` (an ``httpx.Client``, wrapped by :class:`HttpxTransport`).

Errors carry no request or response body: nothing of a case reaches a log or a message.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol

import httpx

from officer_app.sync import protocol

DEFAULT_TIMEOUT_S = 30.0


class Transport(Protocol):
    def post(self, path: str, json: Any) -> tuple[int, Any]: ...

    def get(self, path: str) -> tuple[int, Any]: ...


class TransportError(Exception):
    """The central store could not be reached, or its answer was not JSON."""


def sync_headers(credential: str | None, app_version: str, schema_version: str) -> dict[str, str]:
    """The headers of every sync request (anchors-sync.md §7.9)."""
    headers = {
        protocol.HEADER_PROTOCOL: str(protocol.PROTOCOL_VERSION),
        protocol.HEADER_APP_VERSION: app_version,
        protocol.HEADER_SCHEMA_VERSION: schema_version,
    }
    if credential:
        headers["Authorization"] = f"Bearer {credential}"
    return headers


class HttpxTransport:
    """:class:`Transport` over an ``httpx.Client`` (a real one, or a test's ``TestClient``);
    ``headers`` go with every request, on top of the client's own."""

    def __init__(self, client: httpx.Client, headers: Mapping[str, str] | None = None) -> None:
        self.client = client
        self.headers = dict(headers or {})

    @classmethod
    def connect(
        cls,
        base_url: str,
        credential: str | None,
        *,
        app_version: str,
        schema_version: str,
        timeout: float = DEFAULT_TIMEOUT_S,
    ) -> HttpxTransport:
        client = httpx.Client(base_url=base_url, timeout=timeout, follow_redirects=False)
        return cls(client, sync_headers(credential, app_version, schema_version))

    def post(self, path: str, json: Any) -> tuple[int, Any]:
        return self._answer(lambda: self.client.post(path, json=json, headers=self.headers))

    def get(self, path: str) -> tuple[int, Any]:
        return self._answer(lambda: self.client.get(path, headers=self.headers))

    def close(self) -> None:
        self.client.close()

    @staticmethod
    def _answer(send: Any) -> tuple[int, Any]:
        try:
            response = send()
        except httpx.HTTPError as exc:
            raise TransportError(
                f"the central store could not be reached ({type(exc).__name__})"
            ) from None
        if not response.content:
            return response.status_code, None
        try:
            return response.status_code, response.json()
        except ValueError:
            return response.status_code, None  # a proxy's HTML page, say: the status decides
