"""Alembic's environment for the central store: its own version table, so it can share a
PostgreSQL database (or schema) with nothing else confused by it. Run through
:func:`officer_app.central.db.migrate`, which passes the connection in."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from officer_app.central.db import VERSION_TABLE
from officer_app.central.tables import metadata


def _run(connection: Connection) -> None:
    context.configure(connection=connection, target_metadata=metadata, version_table=VERSION_TABLE)
    with context.begin_transaction():
        context.run_migrations()


connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - the alembic command line, for autogenerate
    from sqlalchemy import create_engine

    url = context.config.get_main_option("sqlalchemy.url") or ""
    with create_engine(url).connect() as fresh:
        _run(fresh)
        fresh.commit()
else:
    _run(connection)
