"""``officer-app enrol``, ``sync`` and ``conflicts list`` over real HTTP (httpx) to a local
server that answers like the central store (the recording fake behind http.server)."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from officer_app.cli.app import main
from officer_app.sync import protocol
from officer_app.sync.transport import TransportError
from tests.conftest import TEST_PASSPHRASE, MemoryKeyring
from tests.sync.fake_server import FakeServer


@pytest.fixture()
def central() -> Iterator[tuple[str, FakeServer, list[dict[str, str]]]]:
    fake = FakeServer()
    seen_headers: list[dict[str, str]] = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            seen_headers.append(dict(self.headers))
            try:
                status, answer = fake.post(self.path, body)
            except TransportError:  # "down": the connection closes without an answer
                self.close_connection = True
                return
            data = json.dumps(answer).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", fake, seen_headers
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture()
def env(monkeypatch: pytest.MonkeyPatch, keyring_backend: MemoryKeyring) -> MemoryKeyring:
    monkeypatch.setenv("OFFICER_APP_PASSPHRASE", TEST_PASSPHRASE)
    return keyring_backend


def test_enrol_then_sync_then_conflicts_from_the_command_line(
    tmp_path: Path, central: tuple[str, FakeServer, list[dict[str, str]]], env: MemoryKeyring,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    url, fake, headers = central
    data_dir = str(tmp_path / "profile")
    assert main(["--data-dir", data_dir, "enrol", "--server", url, "--code", "C-1"]) == 0
    out = capsys.readouterr().out
    assert "enrolled" in out and "pulled 0" in out
    assert "Authorization" not in headers[0]  # the code alone, before there is a credential
    assert headers[1]["Authorization"] == f"Bearer {fake.enrol_credential}"
    assert headers[1][protocol.HEADER_PROTOCOL] == str(protocol.PROTOCOL_VERSION)
    info = protocol.ConflictInfo(
        conflict_id="c-9", scope_id="la:la-1", kind="field", entity_type="officer",
        entity_id="user-1", field="team", server_value="South", server_user="user-2",
        server_at="2026-11-20T09:00:00+00:00", client_value="North", client_user="user-1",
        client_at="2026-11-20T09:30:00+00:00", mutation_id="m-1", status="open",
    )  # fmt: skip
    fake.changes = [
        protocol.Change("la:la-1", 1, "officer", "user-1", 2, "conflict", {"team": "South"}, info)
    ]
    assert main(["--data-dir", data_dir, "sync", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["pulled"] == 1 and report["conflicts_open"] == 1
    assert main(["--data-dir", data_dir, "conflicts", "list", "--json"]) == 0
    (listed,) = json.loads(capsys.readouterr().out)
    assert (listed["server_value"], listed["client_value"]) == ("South", "North")
    assert (listed["server_user"], listed["client_at"]) == ("user-2", info.client_at)
    assert main(["--data-dir", data_dir, "conflicts", "list"]) == 0
    assert "South" in capsys.readouterr().out
    # the server down, then refusing the device: one line each, non-zero
    fake.fail["/hello"] = "down"
    assert main(["--data-dir", data_dir, "sync"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "could not be reached" in err
    fake.fail["/hello"] = 401
    assert main(["--data-dir", data_dir, "sync"]) == 2
    assert "enrol it again" in capsys.readouterr().err
    fake.fail["/hello"] = 426
    assert main(["--data-dir", data_dir, "sync"]) == 2
    assert "update the app" in capsys.readouterr().err


def test_a_plain_http_server_elsewhere_is_refused(
    tmp_path: Path, env: MemoryKeyring, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["--data-dir", str(tmp_path / "p"), "enrol", "--server", "http://central.example.org"]
    assert main([*args, "--code", "C"]) == 1
    assert "not https" in capsys.readouterr().err
    assert not (tmp_path / "p" / "key.json").exists()


def test_sync_on_a_profile_never_enrolled_says_so(
    demo_dir: Path, env: MemoryKeyring, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--data-dir", str(demo_dir), "sync"]) == 2
    assert "not enrolled" in capsys.readouterr().err
