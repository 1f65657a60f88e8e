"""``officer-app central demo``: a demo LA whose users can enrol at once and whose devices
receive exactly their own cases (issue 14, point 2)."""

from __future__ import annotations

import contextlib
import io
import json

import pytest
from fastapi.testclient import TestClient

from officer_app.central.app import create_app
from officer_app.central.db import open_database
from officer_app.cli import main
from officer_app.sync import protocol as p

HEADERS = {p.HEADER_PROTOCOL: str(p.PROTOCOL_VERSION), p.HEADER_APP_VERSION: "1.0"}
CASES = 14


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, dict]:  # type: ignore[type-arg]
    url = f"sqlite:///{tmp_path_factory.mktemp('central') / 'central.db'}"
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(["central", "--db", url, "demo", "--cases", str(CASES), "--json"])
    assert code == 0
    return url, json.loads(out.getvalue())


def test_the_demo_la_has_a_team_each_with_a_fresh_code_and_the_caseload_allocated(demo) -> None:  # type: ignore[no-untyped-def]
    _url, made = demo
    users = made["users"]
    roles = [u["role"] for u in users]
    assert roles.count("officer") >= 2 and "supervisor" in roles and "court_officer" in roles
    codes = [u["code"] for u in users]
    assert all(len(c) >= 10 for c in codes) and len(set(codes)) == len(codes)
    held = [ref for u in users for ref in u["cases"]]
    assert len(held) == CASES and len(set(held)) == CASES  # every case allocated, once
    assert made["rows"] > CASES * 10  # the whole record of each case, not just its index row


def test_an_officer_enrols_with_the_code_and_pulls_exactly_their_own_cases(demo) -> None:  # type: ignore[no-untyped-def]
    url, made = demo
    officer = max(
        (u for u in made["users"] if u["role"] == "officer"), key=lambda u: len(u["cases"])
    )
    others = {ref for u in made["users"] if u is not officer for ref in u["cases"]}
    database = open_database(url)
    try:
        with TestClient(create_app(database), base_url="https://testserver") as client:
            body = {"code": officer["code"], "device_name": "laptop", "app_version": "1.0"}
            enrolled = client.post(f"{p.PREFIX}/enrol", json=body, headers=HEADERS)
            assert enrolled.status_code == 200, enrolled.text
            auth = {**HEADERS, "Authorization": f"Bearer {enrolled.json()['credential']}"}
            hello = client.post(f"{p.PREFIX}/hello", json={"scopes": {}}, headers=auth).json()
            case_scopes = [s for s in hello["scopes"] if s.startswith("case:")]
            assert len(case_scopes) == len(officer["cases"])
            pulled = client.post(
                f"{p.PREFIX}/pull",
                json={"cursors": dict.fromkeys(hello["scopes"], 0), "limit": p.MAX_PULL_LIMIT},
                headers=auth,
            ).json()
            refs = {
                c["fields"]["reference"]
                for c in pulled["changes"]
                if c["entity_type"] == "case_file"
            }
            assert refs == set(officer["cases"]) and not refs & others
            again = client.post(f"{p.PREFIX}/enrol", json=body, headers=HEADERS)
            assert again.status_code == 400  # the code worked once
    finally:
        database.dispose()
