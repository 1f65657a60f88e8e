"""The store: the encrypted engine, the one writer, and read sessions."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path
from typing import TypeVar

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from officer_app.clock import Clock, SystemClock
from officer_app.store import heads, migrate, tracking
from officer_app.store.engine import classify, for_writing, open_engine
from officer_app.store.writer import StoreWriter

T = TypeVar("T")

DB_FILENAME = "caseload.db"


class Store:
    """Owns the engine of one profile. Writes go through :meth:`write`; reads through
    :meth:`read`, each in a session that lives for that one unit of work."""

    def __init__(self, engine: Engine, path: Path, *, clock: Clock, actor: str) -> None:
        self.engine = engine
        self.path = path
        self.clock = clock
        self.actor = actor
        self.schema_version = migrate.HEAD
        self._factory = sessionmaker(engine, expire_on_commit=False)
        self._write_factory = sessionmaker(for_writing(engine), expire_on_commit=False)
        self.writer = StoreWriter(self._write_session, translate=self._translate)
        self.migration_backup: Path | None = None

    @classmethod
    def open(
        cls,
        path: Path,
        key: bytes,
        *,
        clock: Clock | None = None,
        actor: str = "system",
        create: bool = False,
    ) -> Store:
        """Open the encrypted file at ``path`` (made only when ``create``) and migrate it."""
        engine = open_engine(path, key, create=create)
        try:
            backup = migrate.upgrade(engine, path)
        except BaseException as exc:
            engine.dispose()
            known = classify(exc, path)
            if known is not None:
                raise known from None
            raise
        store = cls(engine, path, clock=clock or SystemClock(), actor=actor)
        store.migration_backup = backup
        return store

    def _write_session(self) -> Session:
        session = self._write_factory()
        session.info.update(
            actor=self.actor,
            clock=self.clock,
            **{tracking.SCHEMA_VERSION_KEY: self.schema_version},
        )
        tracking.install(session)
        heads.install(session)  # after tracking: the audit events it adds are chained too
        return session

    def write(self, work: Callable[[Session], T]) -> Future[T]:
        return self.writer.submit(work)

    def write_wait(self, work: Callable[[Session], T]) -> T:
        return self.writer.run(work)

    def read(self, work: Callable[[Session], T]) -> T:
        """Run a read on the caller's thread (a worker's, never the GUI's)."""
        try:
            with self._factory() as session:
                return work(session)  # closing the session ends its read transaction
        except DBAPIError as exc:
            known = self._translate(exc)
            if known is exc:
                raise
            raise known from None

    def _translate(self, exc: BaseException) -> BaseException:
        """A damaged, unreadable or unwritable file as a :class:`StoreError` that names the
        file and the remedy (and carries no SQL parameters); any other error unchanged."""
        known = classify(exc, self.path) if isinstance(exc, DBAPIError) else None
        return known if known is not None else exc

    def close(self) -> None:
        self.writer.close()
        self.engine.dispose()
