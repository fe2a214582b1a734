"""Shared fixtures, each set up once per test session: the spaCy pipeline, and a real
PostgreSQL server for the store and web tests.

The server is started from the PostgreSQL binaries (``initdb``, ``pg_ctl``, on PATH or under
/usr/lib/postgresql/*/bin) in a temporary directory, listening on 127.0.0.1 only (TCP, and a
Unix socket in that directory); tests make a fresh schema on it each
(``PostgresServer.empty_schema_url``). PostgreSQL refuses to run as root, so as root the
server runs as an unprivileged user (``postgres`` or ``nobody``, created when neither
exists). Without the binaries or the driver the tests that ask for it are skipped, with the
reason.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    import psycopg

REPO = Path(__file__).resolve().parents[1]
SHARED_DATA = REPO.parent / "shared" / "data"


@pytest.fixture(scope="session")
def nlp():
    from dateline import nlp as dateline_nlp

    return dateline_nlp.load()


@pytest.fixture(scope="session")
def extract(nlp):
    """``dateline.extract`` with the model already loaded."""
    import dateline

    return dateline.extract


# -- PostgreSQL ----------------------------------------------------------------------------

#: The only address the server listens on: its superuser needs no password, so nothing
#: beyond this machine may reach it.
LOOPBACK = "127.0.0.1"
SERVER_USER_CANDIDATES = ("postgres", "nobody")
CREATED_USER = "dateline-pg"
SUPERUSER = "dateline"


@dataclass(frozen=True)
class PostgresServer:
    host: str
    port: int
    user: str
    database: str

    def connect(self, database: str) -> psycopg.Connection[tuple[object, ...]]:
        import psycopg

        return psycopg.connect(
            host=self.host, port=self.port, user=self.user, dbname=database, autocommit=True
        )

    def empty_schema_url(self, schema: str) -> str:
        """A URL whose tables land in a new, empty schema: as good as a fresh database for
        the store, and ten times quicker to make than CREATE DATABASE."""
        with self.connect(self.database) as connection:
            # The name comes from a counter in this file, never from outside input.
            connection.execute(f'CREATE SCHEMA "{schema}"')
        return (
            f"postgresql+psycopg://{self.user}@{self.host}:{self.port}/{self.database}"
            f"?options=-csearch_path%3D{schema}"
        )


def _major_version(bin_dir: Path) -> int:
    version = bin_dir.parent.name  # /usr/lib/postgresql/<version>/bin
    return int(version) if version.isdigit() else 0


def find_postgres_bin() -> Path | None:
    """The directory holding initdb and pg_ctl (on PATH, else the newest Debian-style
    install), or None."""
    on_path = shutil.which("initdb")
    if on_path and shutil.which("pg_ctl"):
        return Path(on_path).resolve().parent
    installed = [Path(p) for p in glob.glob("/usr/lib/postgresql/*/bin")]
    for bin_dir in sorted(installed, key=_major_version, reverse=True):
        if (bin_dir / "initdb").exists() and (bin_dir / "pg_ctl").exists():
            return bin_dir
    return None


def _server_user() -> str | None:
    """The unprivileged user to run the server as, or None when we are not root."""
    if os.geteuid() != 0:
        return None
    for name in SERVER_USER_CANDIDATES:
        try:
            pwd.getpwnam(name)
            return name
        except KeyError:
            continue
    subprocess.run(
        ["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin",
         CREATED_USER],
        check=True, capture_output=True,
    )
    return CREATED_USER


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((LOOPBACK, 0))
        return int(probe.getsockname()[1])


def _run_as(user: str | None, command: list[str]) -> subprocess.CompletedProcess[str]:
    if user is not None:
        command = ["runuser", "-u", user, "--", *command]
    return subprocess.run(command, check=True, capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    pytest.importorskip("psycopg", reason="the PostgreSQL driver: pip install 'dateline[postgres]'")
    bin_dir = find_postgres_bin()
    if bin_dir is None:
        pytest.skip(
            "PostgreSQL binaries (initdb, pg_ctl) not found on PATH or under "
            "/usr/lib/postgresql/*/bin; install the 'postgresql' package to run these tests"
        )
    user = _server_user()
    # Under /tmp, not pytest's tmp_path: that is private to root and the server user must
    # reach its data directory.
    base = Path(tempfile.mkdtemp(prefix="dateline-pg-"))
    data, sockets, log = base / "data", base / "sockets", base / "server.log"
    sockets.mkdir()
    if user is not None:
        record = pwd.getpwnam(user)
        for path in (base, sockets):
            os.chown(path, record.pw_uid, record.pw_gid)
    port = _free_port()
    try:
        _run_as(user, [
            str(bin_dir / "initdb"), "-D", str(data), "-U", SUPERUSER, "--auth=trust",
            "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync",
        ])
        # fsync off: these clusters live for one test session; a killed client (the
        # crash test) is still rolled back by the server, which is what we test.
        options = (
            f"-h {LOOPBACK} -p {port} -k {sockets} -c fsync=off -c full_page_writes=off "
            "-c synchronous_commit=off"
        )
        _run_as(user, [
            str(bin_dir / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(log), "-w",
            "start",
        ])
    except subprocess.CalledProcessError as error:
        server_log = log.read_text() if log.exists() else ""
        shutil.rmtree(base, ignore_errors=True)
        pytest.fail(
            f"could not start PostgreSQL from {bin_dir}: {error.stderr or error.stdout}\n"
            f"{server_log}"
        )
    server = PostgresServer(host=LOOPBACK, port=port, user=SUPERUSER, database="dateline")
    try:
        with server.connect("postgres") as connection:
            connection.execute(f'CREATE DATABASE "{server.database}"')
        yield server
    finally:
        _run_as(user, [str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"])
        shutil.rmtree(base, ignore_errors=True)
