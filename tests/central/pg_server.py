"""A throwaway PostgreSQL server for the central store's tests: started from the PostgreSQL
binaries in a temporary folder (unix socket only, in that folder), stopped at the end of the
session even when a test fails (a finaliser and ``atexit``); a server left by a run that was
killed is stopped by the next run. Or the server named by ``OFFICER_TEST_PG_URL`` (a role that
may create roles and databases).

On it: an owner role that runs the migrations and the admin commands (``BYPASSRLS``, as the
central store's administrator needs), a login role for the service that is neither owner nor
superuser (a member of the migrations' ``central_service`` group, so row-level security
applies to it), and a migrated template database copied for each test."""

from __future__ import annotations

import atexit
import glob
import os
import shutil
import signal
import subprocess
import tempfile
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import psycopg
from sqlalchemy.engine import URL, make_url

from officer_app.central.db import open_database

ENV_URL = "OFFICER_TEST_PG_URL"
PREFIX = "officer-central-pg-"
OWNER, APP, PASSWORD = "central_owner", "central_app", "officer-test-only"
SERVICE_GROUP = "central_service"  # created by migration 0002
PORT = 5432  # a unix socket in our own folder: no port is shared with anything


class NoPostgres(RuntimeError):
    pass


def find_bindir() -> Path | None:
    """The folder holding ``initdb`` and ``postgres``: pg_config's, else the newest Debian one."""
    candidates: list[str] = []
    pg_config = shutil.which("pg_config")
    if pg_config:
        done = subprocess.run([pg_config, "--bindir"], capture_output=True, text=True)
        candidates.append(done.stdout.strip())
    versions = glob.glob("/usr/lib/postgresql/*/bin")
    candidates += sorted(versions, key=lambda p: int(Path(p).parent.name), reverse=True)
    for folder in candidates:
        if folder and (Path(folder) / "initdb").exists() and (Path(folder) / "postgres").exists():
            return Path(folder)
    return None


def _as_postgres() -> Callable[[], None] | None:
    """initdb refuses root: when we are root, run the server as the ``postgres`` user."""
    if os.geteuid() != 0:
        return None
    import pwd

    entry = pwd.getpwnam("postgres")

    def demote() -> None:
        os.setgid(entry.pw_gid)
        os.setuid(entry.pw_uid)

    return demote


def _chown_tree(path: Path) -> None:
    if os.geteuid() != 0:
        return
    import pwd

    entry = pwd.getpwnam("postgres")
    for folder, _dirs, files in os.walk(path):
        os.chown(folder, entry.pw_uid, entry.pw_gid)
        for name in files:
            os.chown(os.path.join(folder, name), entry.pw_uid, entry.pw_gid)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def stop_stale() -> None:
    """Stop servers whose test run died without stopping them, and remove their folders."""
    for folder in glob.glob(os.path.join(tempfile.gettempdir(), PREFIX + "*")):
        root = Path(folder)
        try:
            owner = int((root / "owner.pid").read_text())
        except (OSError, ValueError):
            owner = 0
        if owner and _alive(owner):
            continue
        pidfile = root / "data" / "postmaster.pid"
        try:
            server = int(pidfile.read_text().splitlines()[0])
            os.kill(server, signal.SIGQUIT)
        except (OSError, ValueError, IndexError):
            pass
        shutil.rmtree(root, ignore_errors=True)


@dataclass
class Cluster:
    """A PostgreSQL server we may create roles and databases on."""

    admin_url: URL  # a superuser's (or a role that creates roles and databases)
    process: subprocess.Popen[bytes] | None = None
    root: Path | None = None

    def url(self, user: str, database: str) -> str:
        password = PASSWORD if user in (OWNER, APP) else self.admin_url.password
        url = self.admin_url.set(
            drivername="postgresql+psycopg", username=user, password=password, database=database
        )
        return url.render_as_string(hide_password=False)

    def execute(self, *statements: str, database: str | None = None) -> None:
        url = self.admin_url.set(drivername="postgresql", database=database or "postgres")
        with psycopg.connect(url.render_as_string(hide_password=False), autocommit=True) as conn:
            for statement in statements:
                conn.execute(statement.encode())

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGQUIT)  # immediate shutdown: nothing to keep
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
        self.process = None
        if self.root is not None:
            shutil.rmtree(self.root, ignore_errors=True)
            self.root = None


def start_cluster() -> Cluster:
    """The server of ``OFFICER_TEST_PG_URL``, else one of our own."""
    if os.environ.get(ENV_URL):
        return Cluster(make_url(os.environ[ENV_URL]))
    bindir = find_bindir()
    if bindir is None:
        raise NoPostgres(
            "no PostgreSQL server binaries (initdb, postgres) were found: run `make test`, "
            f"which installs the `postgresql` package, or set {ENV_URL}"
        )
    stop_stale()
    root = Path(tempfile.mkdtemp(prefix=PREFIX))
    (root / "owner.pid").write_text(str(os.getpid()))
    data = root / "data"
    _chown_tree(root)
    demote = _as_postgres()
    subprocess.run(
        [str(bindir / "initdb"), "-D", str(data), "-U", "postgres", "--auth=trust",
         "-E", "UTF8", "--locale=C", "--no-sync"],
        check=True, capture_output=True, preexec_fn=demote,
    )  # fmt: skip
    log = open(root / "server.log", "wb")  # noqa: SIM115 - the server writes to it until stopped
    process = subprocess.Popen(
        [str(bindir / "postgres"), "-D", str(data), "-k", str(root), "-p", str(PORT),
         "-c", "listen_addresses=", "-c", "fsync=off", "-c", "synchronous_commit=off",
         "-c", "full_page_writes=off", "-c", "max_connections=200"],
        stdout=log, stderr=subprocess.STDOUT, preexec_fn=demote,
    )  # fmt: skip
    cluster = Cluster(
        URL.create("postgresql", username="postgres", query={"host": str(root)}, port=PORT),
        process,
        root,
    )
    atexit.register(cluster.stop)
    deadline = time.monotonic() + 30
    while True:
        try:
            cluster.execute("SELECT 1")
            break
        except psycopg.OperationalError:
            if process.poll() is not None or time.monotonic() > deadline:
                cluster.stop()
                raise NoPostgres("the test PostgreSQL server did not start") from None
            time.sleep(0.1)
    return cluster


def _ensure_role(name: str, options: str) -> str:
    return (
        f"DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{name}') THEN "
        f"CREATE ROLE {name} {options}; END IF; END $$"
    )


def prepare_template(cluster: Cluster) -> str:
    """The roles, and a database migrated by the owner, to copy for each test."""
    template = f"central_template_{uuid.uuid4().hex[:12]}"
    cluster.execute(
        _ensure_role(OWNER, f"LOGIN BYPASSRLS CREATEROLE PASSWORD '{PASSWORD}'"),
        _ensure_role(APP, f"LOGIN NOSUPERUSER NOBYPASSRLS PASSWORD '{PASSWORD}'"),
        f"CREATE DATABASE {template} OWNER {OWNER}",
    )
    open_database(cluster.url(OWNER, template)).dispose()
    cluster.execute(f"GRANT {SERVICE_GROUP} TO {APP}")
    return template


def fresh_database(cluster: Cluster, template: str) -> tuple[str, Callable[[], None]]:
    name = f"central_test_{uuid.uuid4().hex[:12]}"
    cluster.execute(f"CREATE DATABASE {name} TEMPLATE {template} OWNER {OWNER}")

    def drop() -> None:
        cluster.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")

    return name, drop
