"""A throwaway PostgreSQL server for tests and benchmarks: initdb in a temp dir, start, stop, delete.

PostgreSQL refuses to run as root, so as root the cluster belongs to the ``postgres`` user
(created by Debian's package) and its commands run through ``runuser``. Durability is
switched off (fsync, full-page writes): the data is thrown away anyway.
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path


class NoPostgres(RuntimeError):
    """PostgreSQL cannot be started here; the message says why (tests skip with it)."""


def _bindir() -> Path:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    if initdb:
        return Path(initdb).parent
    raise NoPostgres("PostgreSQL is not installed (run `bash scripts/install-system-deps.sh` as root)")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@dataclass
class TempPostgres:
    root: Path
    port: int
    bindir: Path
    as_user: list[str]

    @property
    def url(self) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"

    def _run(self, *args: str) -> None:
        result = subprocess.run([*self.as_user, *args], capture_output=True, text=True, timeout=120)
        if result.returncode != 0:
            log = (self.root / "log").read_text() if (self.root / "log").exists() else ""
            raise NoPostgres(f"{Path(args[0]).name} failed: {result.stderr.strip()} {log[-500:]}")

    @classmethod
    def start(cls) -> TempPostgres:
        bindir = _bindir()
        root = Path(tempfile.mkdtemp(prefix="secondchance-pg-"))
        as_user: list[str] = []
        if os.geteuid() == 0:
            try:
                shutil.chown(root, "postgres", "postgres")
            except (LookupError, PermissionError) as error:
                raise NoPostgres(f"running as root and cannot hand a directory to the postgres user: {error}") from None
            as_user = ["runuser", "-u", "postgres", "--"]
        server = cls(root, _free_port(), bindir, as_user)
        try:
            server._run(
                str(bindir / "initdb"),
                "-D",
                str(root / "data"),
                "-U",
                "postgres",
                "--auth=trust",
                "-E",
                "UTF8",
                "--locale=C",
                "--no-sync",
            )
            options = (
                f"-p {server.port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off"
                " -c synchronous_commit=off -c full_page_writes=off -c shared_buffers=256MB"
            )
            server._run(
                str(bindir / "pg_ctl"),
                "-D",
                str(root / "data"),
                "-l",
                str(root / "log"),
                "-o",
                options,
                "-w",
                "-t",
                "60",
                "start",
            )
        except (NoPostgres, OSError, subprocess.TimeoutExpired) as error:
            shutil.rmtree(root, ignore_errors=True)
            raise NoPostgres(str(error)) from None
        return server

    def stop(self) -> None:
        with contextlib.suppress(NoPostgres, OSError, subprocess.TimeoutExpired):
            self._run(str(self.bindir / "pg_ctl"), "-D", str(self.root / "data"), "-m", "immediate", "-w", "stop")
        shutil.rmtree(self.root, ignore_errors=True)

    def fresh_database(self, name: str) -> str:
        """Create an empty database and return its URL."""
        from sqlalchemy import create_engine

        engine = create_engine(self.url, isolation_level="AUTOCOMMIT")
        with engine.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}"')
            conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
        engine.dispose()
        return self.url.rsplit("/", 1)[0] + f"/{name}"
