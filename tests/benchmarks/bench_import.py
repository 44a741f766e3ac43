"""End-to-end import throughput and peak memory (not collected by the test run).

    .venv/bin/python tests/benchmarks/bench_import.py [--count 10000] [--jobs 2]
                                                      [--backend sqlite|postgresql|both]

Writes a synthetic corpus of seed-sized articles (kk, ru, en; ~2,700 characters each) as files, one
at a time, then runs `archive import --jobs N -q FOLDER` as a separate process on a new database
and reports articles per second and the peak resident memory of the importer and its workers
(summed over the process tree, sampled every 0.1 s). A second run over the same folder measures
the skip path. Targets: ≥ 150 articles/s into SQLite, ≥ 100/s into PostgreSQL, < 300 MB.
PostgreSQL comes from $ARCHIVE_TEST_POSTGRES_URL (default postgresql+psycopg://postgres@127.0.0.1:5432/test);
a throwaway database is created on that server and dropped afterwards.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import sqlalchemy as sa

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synth import articles  # noqa: E402

TABLES = ("articles", "persons", "person_aliases", "meetings", "meeting_participants", "quotes", "claims")


def tree_rss(pid: int) -> int:
    """Resident memory (bytes) of a process and all its descendants."""
    total, stack = 0, [pid]
    while stack:
        p = stack.pop()
        try:
            with open(f"/proc/{p}/status") as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1]) * 1024
                        break
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as f:
                    stack.extend(int(c) for c in f.read().split())
        except (FileNotFoundError, ProcessLookupError):
            continue
    return total


def run(url: str, folder: Path, jobs: int) -> tuple[float, int, str]:
    cmd = [sys.executable, "-m", "archive", "--database", url, "import", "-q", "--jobs", str(jobs), str(folder)]
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    peak = 0
    while proc.poll() is None:
        peak = max(peak, tree_rss(proc.pid))
        time.sleep(0.1)
    elapsed = time.perf_counter() - t0
    err = proc.stderr.read() if proc.stderr else ""
    if proc.returncode != 0:
        raise SystemExit(f"import failed ({proc.returncode}):\n{err[-2000:]}")
    return elapsed, peak, err.strip().splitlines()[-1]


def counts(url: str) -> str:
    engine = sa.create_engine(url, poolclass=sa.NullPool)
    with engine.connect() as conn:
        out = ", ".join(f"{t} {conn.scalar(sa.text(f'SELECT count(*) FROM {t}'))}" for t in TABLES)
    engine.dispose()
    return out


def bench(name: str, url: str, folder: Path, count: int, jobs: int) -> None:
    elapsed, peak, summary = run(url, folder, jobs)
    print(f"{name:10s} import  {count} articles, --jobs {jobs}: {elapsed:6.1f} s  "
          f"{count / elapsed:6.1f} articles/s  peak RSS {peak / 2**20:5.0f} MB  [{summary}]")
    elapsed, peak, summary = run(url, folder, jobs)
    print(f"{name:10s} again   (all skipped):          {elapsed:6.1f} s  "
          f"{count / elapsed:6.1f} articles/s  peak RSS {peak / 2**20:5.0f} MB  [{summary}]")
    print(f"{name:10s} rows    {counts(url)}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--count", type=int, default=10000)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--backend", choices=("sqlite", "postgresql", "both"), default="both")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-import-") as tmp:
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        size = 0
        for a in articles(args.count, seed=1, seed_sized=True):
            (folder / f"{a.id}.txt").write_text(a.text, encoding="utf-8")
            size += len(a.text)
        print(f"corpus: {args.count} articles, mean {size // args.count} characters")
        if args.backend in ("sqlite", "both"):
            bench("sqlite", f"sqlite:///{Path(tmp) / 'bench.sqlite'}", folder, args.count, args.jobs)
        if args.backend in ("postgresql", "both"):
            server = sa.make_url(os.environ.get("ARCHIVE_TEST_POSTGRES_URL")
                                 or "postgresql+psycopg://postgres@127.0.0.1:5432/test")
            name = f"archive_bench_{uuid.uuid4().hex[:8]}"
            admin = sa.create_engine(server, isolation_level="AUTOCOMMIT", poolclass=sa.NullPool)
            with admin.connect() as conn:
                conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
            try:
                url = server.set(database=name).render_as_string(hide_password=False)
                bench("postgresql", url, folder, args.count, args.jobs)
            finally:
                with admin.connect() as conn:
                    conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
                admin.dispose()


if __name__ == "__main__":
    main()
