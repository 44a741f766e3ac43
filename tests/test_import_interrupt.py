"""An import that is killed or interrupted leaves only whole articles: running it again completes the
archive to exactly what one uninterrupted import gives."""
from __future__ import annotations

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
