"""An import that is killed or interrupted leaves only whole articles: running it again completes the
archive to exactly what one uninterrupted import gives."""
from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import sqlalchemy as sa
from click.testing import CliRunner

from archive.cli import cli

sys.path.insert(0, str(Path(__file__).resolve().parent / "benchmarks"))
from synth import articles  # noqa: E402
from test_import_cli import counts  # noqa: E402  (every table of the archive)


def stored_rows(url: str) -> int:
    try:
        return counts(url)["articles"]
    except sa.exc.SQLAlchemyError:
        return 0


@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGINT])
def test_interrupted_import_leaves_whole_articles(database_url: str, tmp_path: Path, how: signal.Signals) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for a in articles(200, seed=5):
        (folder / f"{a.id}.txt").write_text(a.text, encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "archive", "--database", database_url, "import", "-q",
                             str(folder)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while stored_rows(database_url) < 10 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    proc.send_signal(how)
    _, err = proc.communicate(timeout=60)
    if how == signal.SIGINT:
        assert proc.returncode == 130 and "interrupted" in err, (proc.returncode, err)
    partial = counts(database_url)["articles"]
    # every stored article is whole: its meeting link, participants and quotes are all there
    engine = sa.create_engine(database_url, poolclass=sa.NullPool)
    with engine.connect() as conn:
        lacking = conn.scalar(sa.text(
            "SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM meeting_articles ma "
            "WHERE ma.article_id = a.id) OR NOT EXISTS (SELECT 1 FROM quotes q WHERE q.article_id = a.id)"))
    engine.dispose()
    assert lacking == 0

    again = CliRunner().invoke(cli, ["--database", database_url, "import", "-q", str(folder)])
    assert again.exit_code == 0, again.stderr
    assert again.stderr.strip() == f"imported {200 - partial}, skipped {partial}, failed 0"
    reference = f"sqlite:///{tmp_path / 'reference.sqlite'}"
    assert CliRunner().invoke(cli, ["--database", reference, "import", "-q", str(folder)]).exit_code == 0
    assert counts(database_url) == counts(reference)


def descendants(pid: int) -> set[int]:
    """Every process below ``pid`` (Linux /proc)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry.name))
    found, todo = set(), [pid]
    while todo:
        for child in children.get(todo.pop(), ()):
            if child not in found:
                found.add(child)
                todo.append(child)
    return found


def alive(pid: int) -> bool:
    try:
        state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux /proc")
@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGTERM])
def test_killing_a_parallel_import_leaves_no_process(tmp_path: Path, how: signal.Signals) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for a in articles(3000, seed=7):
        (folder / f"{a.id}.txt").write_text(a.text, encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'archive.sqlite'}"
    proc = subprocess.Popen([sys.executable, "-m", "archive", "--database", url, "import", "-q", "--jobs", "2",
                             str(folder)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    helpers: set[int] = set()
    while len(helpers) < 4 and proc.poll() is None and time.monotonic() < deadline:   # tracker, server, 2 workers
        time.sleep(0.05)
        helpers = descendants(proc.pid)
    assert len(helpers) >= 4, "the import ended before its workers could be seen"
    proc.send_signal(how)
    proc.communicate(timeout=60)
    deadline = time.monotonic() + 10
    while any(alive(p) for p in helpers) and time.monotonic() < deadline:
        time.sleep(0.1)
    left = [p for p in helpers if alive(p)]
    for p in left:                        # do not leave them to the next test either
        with contextlib.suppress(ProcessLookupError):
            os.kill(p, signal.SIGKILL)
    assert not left, f"processes left behind after {how.name}: {left}"
