"""Settings: which database the archive lives in."""
from __future__ import annotations

import os
from pathlib import Path

ENV_DATABASE_URL = "ARCHIVE_DATABASE_URL"


def data_dir() -> Path:
    """Per-user data folder: $XDG_DATA_HOME/archive, else ~/.local/share/archive
    (%LOCALAPPDATA%\\archive on Windows)."""
    if os.name == "nt" and os.environ.get("LOCALAPPDATA"):
        return Path(os.environ["LOCALAPPDATA"]) / "archive"
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "archive"


def default_database_url() -> str:
    return f"sqlite:///{data_dir() / 'archive.sqlite'}"


def database_url(explicit: str | None = None) -> str:
    """--database, else $ARCHIVE_DATABASE_URL, else the per-user SQLite file."""
    return explicit or os.environ.get(ENV_DATABASE_URL) or default_database_url()
