"""A recording fake of the central store's HTTP answers, built from the protocol's messages:
enough of a server to drive the sync client (the real one is tested end to end elsewhere)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from officer_app.sync import protocol
from officer_app.sync.transport import TransportError

NOW = "2026-11-20T10:30:00.000000+00:00"
LA = "la-1"


def user(user_id: str = "user-1") -> protocol.UserInfo:
    return protocol.UserInfo(
        user_id=user_id,
        name="Dana Officer",
        initials="DO",
        role="officer",
        la_id=LA,
        la_name="Demo LA",
        team="North",
    )


@dataclass
class FakeServer:
    scopes: list[str] = field(default_factory=lambda: [protocol.scope_of_la(LA)])
    changes: list[protocol.Change] = field(default_factory=list)
    versions: dict[tuple[str, str], int] = field(default_factory=dict)
    requests: list[tuple[str, Any]] = field(default_factory=list)
    # per mutation: a result to give instead of "applied"
    answer: Callable[[protocol.Mutation], protocol.MutationResult | None] = lambda m: None
    fail: dict[str, Any] = field(default_factory=dict)  # path -> status, or "down"
    enrol_credential: str = "cred-SECRET-0123456789abcdef"
    user_id: str = "user-1"

    def batches(self) -> list[list[protocol.Mutation]]:
        return [
            protocol.from_json(protocol.PushRequest, body).mutations
            for path, body in self.requests
            if path.endswith("/push")
        ]

    def get(self, path: str) -> tuple[int, Any]:  # pragma: no cover - unused by the client
        return 404, None

    def post(self, path: str, json: Any) -> tuple[int, Any]:
        self.requests.append((path, json))
        name = path.removeprefix(protocol.PREFIX)
        failing = self.fail.get(name)
        if failing == "down":
            raise TransportError("the central store could not be reached (ConnectError)")
        if failing is not None:
            return failing, {"code": "x", "message": "refused"}
        return 200, protocol.to_json(getattr(self, "_" + name.strip("/"))(json))

    def _enrol(self, body: Any) -> protocol.EnrolResponse:
        return protocol.EnrolResponse(
            device_id="device-1",
            credential=self.enrol_credential,
            user=user(self.user_id),
            server_time=NOW,
        )

    def _hello(self, body: Any) -> protocol.HelloResponse:
        held = protocol.from_json(protocol.HelloRequest, body).scopes
        return protocol.HelloResponse(
            server_time=NOW,
            protocol_range=[1, 1],
            user=user(self.user_id),
            device_id="device-1",
            scopes=list(self.scopes),
            scope_changes=protocol.ScopeChanges(
                added=[s for s in self.scopes if s not in held],
                removed=[s for s in held if s not in self.scopes],
            ),
            conflicts_open=0,
        )

    def _push(self, body: Any) -> protocol.PushResponse:
        results = []
        for mutation in protocol.from_json(protocol.PushRequest, body).mutations:
            given = self.answer(mutation)
            if given is None:
                key = (mutation.entity_type, mutation.entity_id)
                self.versions[key] = self.versions.get(key, 0) + 1
                given = protocol.MutationResult(
                    mutation.mutation_id, "applied", entity_version=self.versions[key]
                )
            results.append(given)
        return protocol.PushResponse(server_time=NOW, results=results)

    def _pull(self, body: Any) -> protocol.PullResponse:
        request = protocol.from_json(protocol.PullRequest, body)
        due = [
            c
            for c in sorted(self.changes, key=lambda c: (c.scope_id, c.seq))
            if c.scope_id in request.cursors and c.seq > request.cursors[c.scope_id]
        ]
        page = due[: request.limit]
        cursors = dict(request.cursors)
        for change in page:
            cursors[change.scope_id] = change.seq
        return protocol.PullResponse(
            server_time=NOW,
            changes=page,
            cursors=cursors,
            scope_changes=protocol.ScopeChanges(),
            has_more=len(due) > len(page),
        )
