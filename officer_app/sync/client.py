"""One sync round against the central store: ``hello`` (version gate, the scopes allowed
now), ``push`` (the outbox), the purge of scopes taken away (purge.py: after their changes
were pushed), ``pull`` (each allowed scope from its cursor), the attachments' files
(blobs.py; their failures are reported, never raised), then the round's report. A revoked
device (401 ``device_revoked``) purges everything it holds before the error is raised. See
push.py and pull.py for what each half guarantees; anchors-sync.md §7.11.

A network error or a 5xx stops the round with :class:`SyncUnreachable` (what was sent stays
inflight; pages already applied stay applied); 401 is :class:`SyncUnauthorised`; 426 is
:class:`SyncUpgradeRequired`, before anything of the outbox is changed for the batch.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from typing import Any, TypeVar

import httpx
from sqlalchemy import select, update
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from officer_app.domain.evidence import EvidenceTampered
from officer_app.store.database import Store
from officer_app.store.errors import StoreError
from officer_app.store.models import OutboxMutation, SyncConflict, SyncScope
from officer_app.sync import protocol
from officer_app.sync.blobs import BlobFiles, BlobSync, blob_transport
from officer_app.sync.errors import (
    SyncError,
    SyncRefused,
    SyncUnauthorised,
    SyncUnreachable,
    SyncUpgradeRequired,
    error_code,
)
from officer_app.sync.pull import PageApplier, PullTally
from officer_app.sync.purge import PurgeResult, purge_everything, purge_scopes
from officer_app.sync.push import PushTally, mark_inflight, next_batch, record_results
from officer_app.sync.settings import write_settings
from officer_app.sync.transport import HttpxTransport, Transport, TransportError

T = TypeVar("T")

UPDATE_THE_APP = (
    "this version of officer-app is too old for the central store: update the app "
    "(your changes are kept and will be sent after the update)"
)


@dataclass
class SyncReport:
    """What one round did (plain values: printed by the CLI, shown by the window)."""

    pushed: int = 0
    applied: int = 0
    duplicates: int = 0
    conflicts: int = 0  # of this device's mutations, answered "conflict"
    rejected: int = 0
    held: int = 0  # waiting behind an open conflict on the same row
    pulled: int = 0  # changes received
    pulled_applied: int = 0
    deleted: int = 0
    conflicts_stored: int = 0  # conflicts received or found while pulling
    conflicts_open: int = 0
    purged: int = 0  # rows removed with a scope taken away, or all on a revoked device
    purge_postponed: list[str] = field(default_factory=list)  # unpushed work kept them here
    purge_error: str = ""  # the purge could not run (nothing was removed): tried next round
    scopes_added: list[str] = field(default_factory=list)
    scopes_removed: list[str] = field(default_factory=list)
    server_time: str = ""
    files_uploaded: int = 0  # attachments' files sent (blobs.py); never holds the round up
    files_downloaded: int = 0
    files_waiting: int = 0  # rows whose file the central store has not got yet: next round
    file_failures: list[str] = field(default_factory=list)  # one line each: next round

    def as_json(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


def call(transport: Transport, path: str, request: Any, answer: type[T]) -> T:
    """POST ``request`` to ``PREFIX + path`` and read the answer as ``answer``."""
    try:
        status, body = transport.post(protocol.PREFIX + path, protocol.to_json(request))
    except TransportError as exc:
        raise SyncUnreachable(str(exc)) from None
    if 200 <= status < 300:
        try:
            return protocol.from_json(answer, body)
        except protocol.ProtocolError as exc:
            raise SyncRefused(
                f"the central store's answer to {path} was not understood ({exc})", status=status
            ) from None
    raise refusal(status, body, path)


def refusal(status: int, body: Any, path: str) -> SyncError:
    code, _ = error_code(body)
    if status == 401:
        revoked = code == protocol.DEVICE_REVOKED
        why = (
            "this device was revoked" if revoked else "the central store does not know this device"
        )
        return SyncUnauthorised(f"{why} (401): enrol it again", revoked=revoked)
    if status == 426:
        return SyncUpgradeRequired(UPDATE_THE_APP)
    if status >= 500:
        return SyncUnreachable(f"the central store failed to answer {path} ({status}); try later")
    return SyncRefused(
        f"the central store refused {path} ({status}{', ' + code if code else ''})",
        status=status,
        code=code,
    )


class SyncClient:
    """Runs sync rounds for one open store. ``transport``: a :class:`Transport`, or an
    ``httpx.Client`` (a test's ``TestClient``), used with ``headers`` on every request."""

    def __init__(
        self,
        store: Store,
        transport: Transport | httpx.Client,
        *,
        headers: dict[str, str] | None = None,
        batch_size: int = protocol.MAX_PUSH_MUTATIONS,
        pull_limit: int = 1000,
        files: BlobFiles | None = None,
    ) -> None:
        self.store = store
        self.transport: Transport = (
            HttpxTransport(transport, headers) if isinstance(transport, httpx.Client) else transport
        )
        self.batch_size = min(batch_size, protocol.MAX_PUSH_MUTATIONS)
        self.pull_limit = min(pull_limit, protocol.MAX_PULL_LIMIT)
        self.files = files  # None: the attachments' files are not moved (blobs.py)

    def run(self) -> SyncReport:
        """One round: hello, push, pull. On a :class:`SyncError`, its ``report`` attribute
        holds what the round had done before it stopped."""
        report = SyncReport()
        try:
            hello = self.hello()
            report.scopes_added = list(hello.scope_changes.added)
            report.scopes_removed = list(hello.scope_changes.removed)
            report.server_time = hello.server_time
            self._remember(hello)
            self.push(report, hello.user.la_id)
            self._purge(report, purge_scopes, self._taken_away(hello))
            self.pull(report, hello.scopes, hello.user.user_id)
        except SyncUnauthorised as exc:
            if exc.revoked:  # the device is revoked: everything it holds goes (§7.8)
                self._purge(report, lambda store, _scopes: purge_everything(store), set())
            exc.report = report  # type: ignore[attr-defined]
            raise
        except SyncError as exc:
            exc.report = report  # type: ignore[attr-defined]
            raise
        raw = blob_transport(self.transport)
        if self.files is not None and raw is not None:
            moved = BlobSync(self.store, raw, self.files).run()
            report.files_uploaded, report.files_downloaded = moved.uploaded, moved.downloaded
            report.files_waiting, report.file_failures = moved.waiting, moved.failed
        report.conflicts_open = self.store.read(
            lambda s: len(
                s.scalars(select(SyncConflict).where(SyncConflict.status == "open")).all()
            )
        )
        self.store.write_wait(lambda s: write_settings(s, last_success=report.server_time))
        return report

    def hello(self) -> protocol.HelloResponse:
        cursors = self.store.read(
            lambda s: {row.scope_id: row.cursor for row in s.scalars(select(SyncScope))}
        )
        return call(
            self.transport, "/hello", protocol.HelloRequest(scopes=cursors), protocol.HelloResponse
        )

    def _remember(self, hello: protocol.HelloResponse) -> None:
        user = hello.user
        self.store.write_wait(
            lambda s: write_settings(
                s, device_id=hello.device_id, user_id=user.user_id, la_id=user.la_id, role=user.role
            )
        )

    # --- purge -----------------------------------------------------------------------------
    def _taken_away(self, hello: protocol.HelloResponse) -> set[str]:
        """Scopes to purge: reported removed, or held here and no longer allowed (a purge
        postponed by a round is tried again by the next)."""
        held = set(self.store.read(lambda s: list(s.scalars(select(SyncScope.scope_id)))))
        return set(hello.scope_changes.removed) | (held - set(hello.scopes))

    def _purge(
        self,
        report: SyncReport,
        purge: Callable[[Store, set[str]], PurgeResult],
        scopes: set[str],
    ) -> None:
        """Run a purge after the push; a purge that fails removes nothing (one transaction)
        and is reported, and the next round tries again."""
        try:
            result = purge(self.store, scopes)
        except (EvidenceTampered, StoreError, SQLAlchemyError) as exc:
            report.purge_error = f"the purge could not run ({type(exc).__name__}): nothing removed"
            return
        report.purged += result.rows
        report.purge_postponed = sorted(set(report.purge_postponed) | set(result.postponed))

    # --- push ------------------------------------------------------------------------------
    def push(self, report: SyncReport, la_id: str) -> PushTally:
        tally = PushTally()
        try:
            while True:
                batch = self.store.read(
                    lambda s: [r.device_seq for r in next_batch(s, tally, self.batch_size)]
                )
                if not batch:
                    break
                sent = self.store.write_wait(partial(mark_inflight, batch_ids=batch, la_id=la_id))
                try:
                    answer = call(
                        self.transport,
                        "/push",
                        protocol.PushRequest(mutations=sent),
                        protocol.PushResponse,
                    )
                except SyncUpgradeRequired:
                    self.store.write_wait(partial(_back_to_pending, device_seqs=batch))
                    raise
                except SyncError:
                    tally.attempted.update(m.mutation_id for m in sent)  # stay inflight
                    raise
                results = answer.results
                self.store.write_wait(
                    partial(record_results, sent=sent, results=results, tally=tally)
                )
                report.server_time = answer.server_time or report.server_time
        finally:
            for name in ("pushed", "applied", "duplicates", "conflicts", "rejected", "held"):
                setattr(report, name, getattr(tally, name))
        return tally

    # --- pull ------------------------------------------------------------------------------
    def pull(self, report: SyncReport, scopes: list[str], user_id: str) -> None:
        now = self.store.clock.now()
        scopes = list(dict.fromkeys(scopes))

        def held(session: Session) -> dict[str, int]:
            cursors = {row.scope_id: row.cursor for row in session.scalars(select(SyncScope))}
            for scope in scopes:
                if scope not in cursors:
                    session.add(SyncScope(scope_id=scope, cursor=0, added_at=now))
            return {scope: cursors.get(scope, 0) for scope in scopes}

        held_now = self.store.write_wait(held)
        # The LA's reference rows (schools, officers) first, to the end of their log: every
        # case's rows refer to them, and a page of case rows must never arrive before them.
        reference = {k: v for k, v in held_now.items() if k.startswith("la:")}
        cases = {k: v for k, v in held_now.items() if not k.startswith("la:")}
        for cursors in (reference, cases):
            self._pull_scopes(report, cursors, user_id, now)

    def _pull_scopes(
        self, report: SyncReport, cursors: dict[str, int], user_id: str, now: dt.datetime
    ) -> None:
        while cursors:
            request = protocol.PullRequest(cursors=dict(cursors), limit=self.pull_limit)
            page = call(self.transport, "/pull", request, protocol.PullResponse)
            tally = self.store.write_wait(partial(_apply_page, page=page, user_id=user_id, now=now))
            _add(report, tally, page)
            before = dict(cursors)
            cursors.update({k: v for k, v in page.cursors.items() if k in cursors})
            if not page.has_more or (cursors == before and not page.changes):
                break


def _add(report: SyncReport, tally: PullTally, page: protocol.PullResponse) -> None:
    report.pulled += tally.pulled
    report.pulled_applied += tally.applied
    report.deleted += tally.deleted
    report.conflicts_stored += tally.conflicts
    report.server_time = page.server_time or report.server_time
    for scope in page.scope_changes.added:
        if scope not in report.scopes_added:
            report.scopes_added.append(scope)
    for scope in page.scope_changes.removed:
        if scope not in report.scopes_removed:
            report.scopes_removed.append(scope)


def _apply_page(
    session: Session, *, page: protocol.PullResponse, user_id: str, now: dt.datetime
) -> PullTally:
    return PageApplier(session, user_id, now).apply(page)


def _back_to_pending(session: Session, *, device_seqs: list[int]) -> None:
    """426 on a push: the batch goes back as it was, as if never sent."""
    session.execute(
        update(OutboxMutation)
        .where(OutboxMutation.device_seq.in_(device_seqs))
        .values(state="pending", attempts=OutboxMutation.attempts - 1)
    )
