"""Enrolment's exchange with the central store: a one-time code for this device's credential
and its user (``POST /sync/v1/enrol``). Making the profile is the services' part
(services/sync_device.py)."""

from __future__ import annotations

import platform
from urllib.parse import urlsplit

from officer_app.sync import protocol
from officer_app.sync.client import call
from officer_app.sync.transport import Transport

LOOPBACK_HOSTS = frozenset({"localhost", "127.0.0.1", "::1"})


class InsecureServer(ValueError):
    """A server address that is not https (and not this machine)."""


def check_server_url(url: str, *, insecure: bool = False) -> str:
    """``url`` without a trailing slash; https only, except for this machine (loopback) or
    when ``insecure`` is given (a test server on the LA's own network, say)."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("https", "http") or not parts.hostname:
        raise InsecureServer(f"{url!r} is not a server address (https://host[:port])")
    loopback = parts.hostname in LOOPBACK_HOSTS or parts.hostname.startswith("127.")
    if parts.scheme == "http" and not (loopback or insecure):
        raise InsecureServer(
            f"{url!r} is not https: the credential and case data would travel in clear "
            "(--insecure to allow it on a trusted network)"
        )
    return url.strip().rstrip("/")


def device_name() -> str:
    return platform.node() or "desktop"


def request_enrolment(
    transport: Transport, code: str, *, name: str, app_version: str
) -> protocol.EnrolResponse:
    """Exchange the one-time ``code``; a SyncError (errors.py) if the server refuses it."""
    request = protocol.EnrolRequest(code=code.strip(), device_name=name, app_version=app_version)
    return call(transport, "/enrol", request, protocol.EnrolResponse)
