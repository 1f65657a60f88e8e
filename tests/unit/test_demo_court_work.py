"""The demo's witness statements and evidence packs (issue 13, point 5): after a top-up large
enough to reach cases at court, the Court tabs show statements in draft (two versions) and
signed, a school attendance lead's signed statement, and packs in draft, approved and served,
each made through the services as the case's officer in the days before the demo's today;
every pack kept on a case verifies and carries every exhibit its statements name; and a
top-up stopped part-way through them ends, when run again, with nothing made twice."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from officer_app.clock import UK, FixedClock
from officer_app.demo import court_work, topup
from officer_app.documents.pack_manifest import manifest_path
from officer_app.domain.interview import Offence
from officer_app.domain.statement import time_limit
from officer_app.services.pack_choices import APPROVER_ROLES
from officer_app.services.profile import OpenProfile, unlock_profile
from officer_app.store import evidence
from officer_app.store.models import Case, Interview, Officer, Statement, StatementVersion
from officer_app.store.writer import StoreWriter
from tests.conftest import DEMO_NOW, DEMO_TODAY, TEST_PASSPHRASE, MemoryKeyring, make_profile
from tests.integration.demo_counts_child import counts

CASES = 100  # seed 1 reaches cases at court and at legal intervention with interviews held


class Killed(BaseException):
    """Stands for SIGKILL between two transactions (real kills: test_demo_resume.py)."""


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, MemoryKeyring]:
    """A demo profile of CASES cases as a top-up leaves it once its notices and letters are
    replayed (the marker still set: the statements and packs are next), and a copy of it with
    the replay finished."""
    from officer_app.demo.letters import add_letters
    from officer_app.demo.penalty_notices import add_penalty_notices

    backend = MemoryKeyring()
    root = tmp_path_factory.mktemp("court-work")
    letters = root / "letters"
    opened = make_profile(letters, backend, 0, FixedClock(DEMO_NOW))

    def work(session: Any) -> Any:
        session.info["untracked"] = True
        return topup.populate_pending(session, cases=CASES, seed=1, today=DEMO_TODAY)[1]

    try:
        todo = opened.store.write_wait(work)
        assert todo is not None
        add_penalty_notices(opened, seed=1, today=DEMO_TODAY, indexes=todo.indexes)
        add_letters(opened, seed=1, today=DEMO_TODAY, indexes=todo.indexes)
    finally:
        opened.lock()
    done = root / "done"
    shutil.copytree(letters, done)
    replayed = _open(done, backend)
    try:
        topup.replay(replayed, todo)
    finally:
        replayed.lock()
    return letters, done, backend


def _open(folder: Path, backend: MemoryKeyring) -> OpenProfile:
    return unlock_profile(folder, TEST_PASSPHRASE, backend=backend, clock=FixedClock(DEMO_NOW))


@pytest.fixture()
def done(
    made: tuple[Path, Path, MemoryKeyring], tmp_path: Path, keyring_backend: MemoryKeyring
) -> Iterator[OpenProfile]:
    _pending, folder, backend = made
    keyring_backend.secrets.update(backend.secrets)
    copy = tmp_path / "done"
    shutil.copytree(folder, copy)
    opened = _open(copy, keyring_backend)
    yield opened
    opened.lock()


def _statements(opened: OpenProfile) -> list[tuple[str, Statement, int]]:
    def work(session: Any) -> list[tuple[str, Statement, int]]:
        rows = session.scalars(select(Statement).order_by(Statement.created_at)).all()
        return [
            (
                session.get(Case, row.case_id).reference,
                row,
                len(
                    session.scalars(
                        select(StatementVersion.id).where(StatementVersion.statement_id == row.id)
                    ).all()
                ),
            )
            for row in rows
        ]

    return opened.store.read(work)


def test_the_court_tabs_show_every_state_of_a_statement_and_a_pack(done: OpenProfile) -> None:
    made = _statements(done)
    officers = [(ref, row, n) for ref, row, n in made if row.witness_kind == "officer"]
    drafts = [(ref, n) for ref, row, n in officers if row.status == "draft"]
    signed = [(ref, row) for ref, row, _n in officers if row.status == "signed"]
    assert drafts and all(n == 2 for _ref, n in drafts)  # drafted, then one paragraph edited
    assert len(signed) >= 3
    for _ref, row in signed:
        info = done.statements.statement(row.id)
        versions = done.statements.versions(row.id)
        assert [v.number for v in versions] == [1, 2, 3]
        assert len(versions[1].paragraphs) == len(versions[0].paragraphs)
        changed = [
            n
            for n, (a, b) in enumerate(
                zip(versions[0].paragraphs, versions[1].paragraphs, strict=True)
            )
            if a != b
        ]
        assert len(changed) == 1  # one paragraph, as an officer edits
        assert info.officer_id == row.officer_id and info.signed_on is not None
        assert info.signed_on < DEMO_TODAY
        assert any(e.kind == "interview" for e in info.exhibits)  # the record of interview
    leads = [row for _ref, row, _n in made if row.witness_kind == "other"]
    assert leads and all(row.status == "signed" for row in leads)
    assert all(row.occupation.startswith("Attendance lead, ") for row in leads)

    def held(session: Any) -> list[tuple[Any, ...]]:  # the last interview held, by case
        return session.execute(
            select(Case.id, Case.stage, Interview.offence, Interview.period_from,
                   Interview.period_to, Interview.interviewee_id)
            .join(Interview, Interview.case_id == Case.id)
            .where(Interview.status == "completed")
            .order_by(Interview.created_at)
        ).all()  # fmt: skip

    interviews = {row[0]: row[1:] for row in done.store.read(held)}
    roles = dict(done.store.read(lambda s: s.execute(select(Officer.name, Officer.role)).all()))
    states = set()
    for case_id in interviews:
        for pack in done.packs.packs(case_id):
            states.add(pack.status)
            stage, offence, first, last, interviewee = interviews[case_id]
            assert pack.number == 1 and pack.offence == offence
            assert pack.defendant_ids == (interviewee,)  # the parent interviewed
            assert Offence(pack.offence) in (Offence.S444_1, Offence.S444_1A)
            assert (pack.period_from, pack.period_to) == (first, last)
            assert time_limit(pack.period_from, DEMO_TODAY).in_time  # s127 MCA 1980
            assert pack.built_at.astimezone(UK).date() < DEMO_TODAY
            if pack.status != "draft":
                assert roles[pack.approved_by] in APPROVER_ROLES
            if pack.status == "served":
                assert pack.served_on is not None and pack.served_on < DEMO_TODAY
                assert pack.approved_at is not None
                assert pack.served_on >= pack.approved_at.astimezone(UK).date()
                assert stage in ("court", "monitoring")
    assert states == {"draft", "approved", "served"}
    assert done.store.read(evidence.verify)[1] == []


def test_every_pack_kept_verifies_and_carries_its_statements_exhibits(
    done: OpenProfile, tmp_path: Path
) -> None:
    packs = [
        pack
        for case_id in {row.case_id for _ref, row, _n in _statements(done)}
        for pack in done.packs.packs(case_id)
    ]
    assert len(packs) >= 3
    for pack in packs:
        out = done.packs.save_copy(pack.id, tmp_path / f"{pack.reference.replace('/', '-')}.pdf")
        assert done.packs.verify_file(out) == []  # as `officer-app pack verify` checks it
        assert len(PdfReader(out).pages) == pack.pages
        manifest = json.loads(manifest_path(out).read_text("utf-8"))
        labels = {s["exhibit"] for s in manifest["sections"] if s["exhibit"]}
        signed = [s for s in done.statements.statements(pack.case_id) if s.signed]
        assert signed  # a pack is built once its officer's statement is signed
        for statement in signed:
            named = {e.label for e in statement.exhibits}
            assert named and named <= labels, (pack.reference, named - labels)
        titles = [s["title"] for s in manifest["sections"]]
        assert sum(t.startswith("Witness statement of ") for t in titles) == len(signed)


def _stopping(stop_at: int, real_submit: Any) -> Any:
    calls = 0

    def stopping(self: StoreWriter, work: Any) -> Any:
        nonlocal calls
        calls += 1
        if calls == stop_at:
            raise Killed  # this transaction and every later one never happen
        return real_submit(self, work)

    return stopping


def _letters_copy(
    made: tuple[Path, Path, MemoryKeyring], tmp_path: Path, backend: MemoryKeyring
) -> OpenProfile:
    letters, _done, template = made
    backend.secrets.update(template.secrets)
    folder = tmp_path / "letters"
    shutil.copytree(letters, folder)
    return _open(folder, backend)


def _court_writes(counted: dict[str, Any]) -> int:
    """The transactions the statements and packs took: one a saved version, one a pack built,
    approved or served."""
    steps = {"draft": 1, "approved": 2, "served": 3}
    return sum(int(row[-1]) for row in counted["statements"]) + sum(  # type: ignore[union-attr]
        steps[row[2]]
        for row in counted["packs"]  # type: ignore[union-attr]
    )


# among the first case's statements (after the draft is saved, before it is edited), between
# the school's statement and the pack, between building and approving, and at the last step
@pytest.mark.parametrize("stop_at", [2, 6, 9, -1])
def test_a_top_up_stopped_among_the_statements_and_packs_ends_with_none_twice(
    made: tuple[Path, Path, MemoryKeyring],
    done: OpenProfile,
    tmp_path: Path,
    keyring_backend: MemoryKeyring,
    monkeypatch: pytest.MonkeyPatch,
    stop_at: int,
) -> None:
    wanted = done.store.read(counts)
    assert wanted["statements"] and wanted["packs"] and not wanted["pending_top_up"]
    opened = _letters_copy(made, tmp_path, keyring_backend)
    try:
        todo = opened.store.read(topup.pending)
        assert todo is not None
        last = _court_writes(wanted)
        assert last > 9
        stop_at = last if stop_at == -1 else stop_at
        monkeypatch.setattr(StoreWriter, "submit", _stopping(stop_at, StoreWriter.submit))
        with pytest.raises(Killed):
            court_work.add_court_work(opened, seed=1, today=DEMO_TODAY, indexes=todo.indexes)
        monkeypatch.undo()
        halfway = opened.store.read(counts)
        assert halfway["pending_top_up"] and halfway != wanted
        topup.replay(opened, opened.store.read(topup.pending) or todo)  # as `demo` run again
        assert opened.store.read(counts) == wanted
        assert opened.store.read(evidence.verify)[1] == []
    finally:
        opened.lock()


def test_a_case_whose_pack_is_refused_is_passed_over_for_the_next(
    made: tuple[Path, Path, MemoryKeyring], tmp_path: Path, keyring_backend: MemoryKeyring
) -> None:
    from officer_app.store.models import Adult

    opened = _letters_copy(made, tmp_path, keyring_backend)
    try:
        order = court_work._ordered(1, court_work._candidates(opened, range(CASES), DEMO_TODAY))
        first = next(c for c in order if c.stage == "court")

        def no_longer_a_parent(session: Any) -> None:  # the pack names the interviewee
            session.get(Adult, first.interviewee_id).parental_responsibility = False

        opened.store.write_wait(no_longer_a_parent)
        made_now = court_work.add_court_work(opened, seed=1, today=DEMO_TODAY, indexes=range(CASES))
        assert made_now == len(order) - 1  # every other case, the refused one not counted
        assert opened.packs.packs(first.case_id) == []  # refused: no pack, and no crash
        assert opened.statements.statements(first.case_id)  # its statements stay, as made
        states = {pack.status for case in order for pack in opened.packs.packs(case.case_id)}
        assert states == {"draft", "approved", "served"}  # the next cases took its place
    finally:
        opened.lock()
