"""A regular (non-editable) install carries every migration: setup.cfg's data_files must list them."""
import configparser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_every_migration_is_installed() -> None:
    cfg = configparser.ConfigParser()
    cfg.read(ROOT / "setup.cfg", encoding="utf-8")
    listed = {f.strip() for value in cfg["options.data_files"].values() for f in value.replace("\n", ",").split(",") if f.strip()}
    on_disk = {f"alembic/versions/{p.name}" for p in (ROOT / "alembic" / "versions").glob("*.py")}
    assert on_disk <= listed, f"add to setup.cfg [options.data_files]: {sorted(on_disk - listed)}"
    assert {"alembic/env.py", "alembic/script.py.mako"} <= listed
