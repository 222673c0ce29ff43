"""Settings of the web app, read from ``SECONDCHANCE_*`` environment variables (docs/web.md lists them).

Defaults run a private instance on the loopback interface with the embedded SQLite database, so
``secondchance serve`` works on a fresh machine with nothing configured.
"""

from __future__ import annotations

import secrets

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Every knob of the web app; each field is the env var ``SECONDCHANCE_<NAME>``."""

    model_config = SettingsConfigDict(env_prefix="SECONDCHANCE_", extra="ignore")

    host: str = Field(default="127.0.0.1", description="Address `secondchance serve` listens on.")
    port: int = Field(default=8000, ge=1, le=65535, description="Port `secondchance serve` listens on.")
    workers: int = Field(
        default=1,
        ge=1,
        le=64,
        description=(
            "Worker processes of `secondchance serve`: more answer more people at once (about one per core). "
            "They share one secret key: SECONDCHANCE_SECRET_KEY, or a random one serve makes for them."
        ),
    )
    database_url: str = Field(
        default="",
        description=(
            "SQLAlchemy URL of the services directory, e.g. postgresql+psycopg://user@host/db. "
            "Empty: the embedded SQLite database with the bundled directory data."
        ),
    )
    secret_key: str = Field(
        default_factory=lambda: secrets.token_urlsafe(32),
        description=(
            "Key that signs CSRF tokens and the record interview's state. Empty or unset: a random key "
            "per process (interviews in progress are lost on restart). Set it when running several workers."
        ),
    )
    state_url: str = Field(
        default="",
        description=(
            "SQLAlchemy URL of the database that keeps interview steps for two hours (encrypted, per browser) so "
            "Back and reload work. Empty: a SQLite file in a temporary folder, shared by the `serve` workers."
        ),
    )
    max_body_bytes: int = Field(
        default=1_000_000, ge=1024, description="Largest request body accepted; larger requests get 413."
    )
    max_charges: int = Field(default=500, ge=1, description="Most charges one screening request may hold.")
    rate_limit_per_minute: int = Field(
        default=600,
        ge=0,
        description="Requests a minute one client address may send to the API and pages (0: no limit); over it, 429.",
    )
    rate_limit_burst: int = Field(default=120, ge=1, description="Requests one client may send at once.")
    request_seconds: float = Field(
        default=60,
        gt=0,
        description="Time budget of a request that screens or searches (API and pages); over it, 503 with Retry-After.",
    )
    body_timeout_seconds: float = Field(
        default=30, gt=0, description="Time a request body may take to arrive; a slower one gets 408."
    )
    allow_insecure_http: bool = Field(
        default=False,
        description="Let `secondchance serve` listen on a non-loopback address without HTTPS (records cross in clear).",
    )
    https: bool = Field(default=False, description="Set behind HTTPS: cookies get the Secure flag and HSTS is sent.")
    default_language: str = Field(
        default="en", pattern="^(en|es)$", description="Language when the browser asks for none."
    )
    log_level: str = Field(default="info", description="uvicorn log level; access logs never include query strings.")

    @field_validator("secret_key")
    @classmethod
    def _random_if_empty(cls, value: str) -> str:
        return value or secrets.token_urlsafe(32)
