"""End-to-end import throughput and peak memory (not collected by the test run).

    .venv/bin/python tests/benchmarks/bench_import.py [--count 10000] [--jobs 2]
                                                      [--backend sqlite|postgresql|both]

Writes a synthetic corpus of seed-sized articles (kk, ru, en; ~2,700 characters each) as files, one
at a time, then runs `archive import --jobs N -q FOLDER` as a separate process on a new database
and reports articles per second and the peak memory of the importer and its workers (PSS summed
over the process tree, sampled every 0.1 s; RSS summed too, which counts shared pages once per
process). A second run over the same folder measures
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


def tree_memory(pid: int) -> tuple[int, int]:
    """(RSS, PSS) in bytes of a process and all its descendants. PSS shares the pages that forked
    workers have in common among them, so its sum is the memory the tree really uses."""
    rss, pss, stack = 0, 0, [pid]
    while stack:
        p = stack.pop()
        try:
            with open(f"/proc/{p}/smaps_rollup") as f:
                for line in f:
                    if line.startswith("Rss:"):
                        rss += int(line.split()[1]) * 1024
                    elif line.startswith("Pss:"):
                        pss += int(line.split()[1]) * 1024
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as f:
                    stack.extend(int(c) for c in f.read().split())
        except (FileNotFoundError, ProcessLookupError):
            continue
    return rss, pss


def run(url: str, folder: Path, jobs: int) -> tuple[float, tuple[int, int], str]:
    cmd = [sys.executable, "-m", "archive", "--database", url, "import", "-q", "--jobs", str(jobs), str(folder)]
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    peak_rss = peak_pss = 0
    while proc.poll() is None:
        rss, pss = tree_memory(proc.pid)
        peak_rss, peak_pss = max(peak_rss, rss), max(peak_pss, pss)
        time.sleep(0.1)
    elapsed = time.perf_counter() - t0
    err = proc.stderr.read() if proc.stderr else ""
    if proc.returncode != 0:
        raise SystemExit(f"import failed ({proc.returncode}):\n{err[-2000:]}")
    return elapsed, (peak_rss, peak_pss), err.strip().splitlines()[-1]


def counts(url: str) -> str:
    engine = sa.create_engine(url, poolclass=sa.NullPool)
    with engine.connect() as conn:
        out = ", ".join(f"{t} {conn.scalar(sa.text(f'SELECT count(*) FROM {t}'))}" for t in TABLES)
    engine.dispose()
    return out


def bench(name: str, url: str, folder: Path, count: int, jobs: int) -> None:
    for label in ("import ", "again  "):     # the second run skips every article
        elapsed, (rss, pss), summary = run(url, folder, jobs)
        print(f"{name:10s} {label} {count} articles, --jobs {jobs}: {elapsed:6.1f} s  "
              f"{count / elapsed:6.1f} articles/s  peak memory {pss / 2**20:4.0f} MB PSS "
              f"({rss / 2**20:4.0f} MB RSS summed)  [{summary}]")
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
