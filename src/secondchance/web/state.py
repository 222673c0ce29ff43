"""Interview states kept on the server for a short while, so every step is a page Back and reload can reach.

Why on the server and not in a cookie: each step must stay reachable with Back, so each step's state
is kept (an immutable snapshot per step), and an uploaded record can be far larger than the 4 KB a
cookie holds. Why it is still private:

- the URL holds only a random 128-bit reference (``/check/<ref>``), never an answer;
- the table keeps a hash of the reference and the snapshot encrypted (AES-GCM) with a key derived from
  the server's secret *and* the browser's own ``sc_csrf`` cookie (random, HttpOnly, gone when the
  browser closes): the database alone, the access log alone, or the URL in another browser reads nothing;
- every row expires ``STATE_SECONDS`` after it was last read or written, and expired rows are deleted
  on every write.

The database is its own (``SECONDCHANCE_STATE_URL``), not the services directory's, so the directory
account need not be able to write person data. Unset: a SQLite file in a temporary folder, which
``serve`` shares between its workers (any worker can answer any step).
"""

from __future__ import annotations

import atexit
import hashlib
import hmac
import json
import os
import secrets
import shutil
import tempfile
import time
import zlib
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy import Column, Float, LargeBinary, MetaData, Table, Text, create_engine, delete, event, select, update
from sqlalchemy.engine import Engine

#: How long an interview is kept after its last use (the person can still press Back after a break).
STATE_SECONDS = 2 * 3600
#: The shape of a reference in a URL: 32 hex digits (128 random bits).
REF_LENGTH = 32

metadata = MetaData()
interview_state = Table(
    "interview_state",
    metadata,
    Column("ref_hash", Text, primary_key=True),
    Column("expires", Float, nullable=False, index=True),
    Column("data", LargeBinary, nullable=False),
)

_folders: list[str] = []


def remove_state_folders() -> None:
    """Delete the default state databases' folders (a serve worker's shutdown: atexit misses SIGTERM)."""
    while _folders:
        shutil.rmtree(_folders.pop(), ignore_errors=True)


def shared_sqlite_url() -> str:
    """A SQLite file in a fresh temporary folder (removed at exit): the default, shared by ``serve`` workers."""
    folder = tempfile.mkdtemp(prefix="secondchance-state-")
    os.chmod(folder, 0o700)
    if not _folders:
        atexit.register(remove_state_folders)
    _folders.append(folder)
    return f"sqlite:///{Path(folder) / 'states.db'}"


def valid_ref(ref: str) -> bool:
    return len(ref) == REF_LENGTH and all(c in "0123456789abcdef" for c in ref)


class StateStore:
    """Snapshots of interview states under random references, readable only by the browser that wrote them."""

    def __init__(self, url: str, secret: str, seconds: float = STATE_SECONDS) -> None:
        self.secret = secret.encode()
        self.seconds = seconds
        self.engine = self._engine(url or shared_sqlite_url())
        metadata.create_all(self.engine)

    @staticmethod
    def _engine(url: str) -> Engine:
        if url.startswith("sqlite"):
            engine = create_engine(url, connect_args={"timeout": 15, "check_same_thread": False})

            @event.listens_for(engine, "connect")
            def _pragmas(dbapi_connection: Any, _record: Any) -> None:
                cursor = dbapi_connection.cursor()
                cursor.execute("PRAGMA journal_mode=WAL")
                cursor.execute("PRAGMA busy_timeout=15000")
                cursor.close()

            return engine
        return create_engine(url, pool_pre_ping=True)

    def _hash(self, ref: str) -> str:
        return hmac.new(self.secret, b"ref\0" + ref.encode(), hashlib.sha256).hexdigest()

    def _cipher(self, browser: str) -> AESGCM:
        return AESGCM(hmac.new(self.secret, b"state\0" + browser.encode(), hashlib.sha256).digest())

    def put(self, browser: str, snapshot: dict[str, Any]) -> str:
        """Keep ``snapshot`` for this browser; return its new reference."""
        ref = secrets.token_hex(REF_LENGTH // 2)
        self._write(browser, ref, snapshot, insert=True)
        return ref

    def replace(self, browser: str, ref: str, snapshot: dict[str, Any]) -> None:
        """Change a snapshot in place (what was typed on its page, the ZIP given on the services page)."""
        self._write(browser, ref, snapshot, insert=False)

    def _write(self, browser: str, ref: str, snapshot: dict[str, Any], insert: bool) -> None:
        nonce = secrets.token_bytes(12)
        plain = zlib.compress(json.dumps(snapshot, separators=(",", ":")).encode())
        data = nonce + self._cipher(browser).encrypt(nonce, plain, ref.encode())
        now = time.time()
        with self.engine.begin() as conn:
            conn.execute(delete(interview_state).where(interview_state.c.expires < now))
            values = {"expires": now + self.seconds, "data": data}
            if insert:
                conn.execute(interview_state.insert().values(ref_hash=self._hash(ref), **values))
            else:
                conn.execute(
                    update(interview_state).where(interview_state.c.ref_hash == self._hash(ref)).values(**values)
                )

    def get(self, browser: str, ref: str) -> dict[str, Any] | None:
        """The snapshot, or None if unknown, expired, or written by another browser."""
        if not browser or not valid_ref(ref):
            return None
        now = time.time()
        key = self._hash(ref)
        with self.engine.begin() as conn:
            row = conn.execute(
                select(interview_state.c.data).where(
                    interview_state.c.ref_hash == key, interview_state.c.expires >= now
                )
            ).first()
            if row is None:
                return None
            conn.execute(
                update(interview_state).where(interview_state.c.ref_hash == key).values(expires=now + self.seconds)
            )
        data = bytes(row[0])
        try:
            plain = self._cipher(browser).decrypt(data[:12], data[12:], ref.encode())
            snapshot = json.loads(zlib.decompress(plain))
        except (InvalidTag, zlib.error, ValueError):
            return None
        return snapshot if isinstance(snapshot, dict) else None

    def count(self) -> int:
        """Rows kept (tests: expiry and privacy)."""
        with self.engine.connect() as conn:
            return len(conn.execute(select(interview_state.c.ref_hash)).all())
