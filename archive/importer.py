"""`archive import` orchestration: read → (skip duplicates) → extract, in parallel → store, one writer.

    summary = run_import(url, ["corpus/"], ImportOptions(jobs=2), Feedback(sys.stderr))

Articles stream through: reading is lazy, at most ``jobs × IN_FLIGHT_PER_JOB`` articles are being
extracted at once, and results are stored in input order by the main process (the only writer), each
in its own transaction. Memory stays flat however large the input.
"""
from __future__ import annotations

import collections
import multiprocessing
import os
import select
import signal
import sys
import threading
import time
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import IO

import sqlalchemy as sa

from archive import db as archive_db
from archive.read.sources import ReadFailure, ReadOptions, read_sources
from archive.read.text import RawArticle
from archive.record import ArticleRecord
from archive.resolve import CORRECTIONS
from archive.store import Outcome, Store, StoreError, replay_corrections

IN_FLIGHT_PER_JOB = 16
CHECK_BATCH = 32         # articles looked up in the archive at once before extraction


@dataclass(frozen=True)
class ImportOptions:
    jobs: int = 1
    replace: bool = False
    read: ReadOptions = field(default_factory=ReadOptions)


@dataclass
class ImportSummary:
    imported: int = 0
    replaced: int = 0          # included in ``imported``
    skipped: int = 0
    failed: int = 0

    @property
    def done(self) -> int:
        return self.imported + self.skipped + self.failed

    def line(self) -> str:
        return f"imported {self.imported}, skipped {self.skipped}, failed {self.failed}"


class Feedback:
    """Messages on stderr: one line per failed or skipped article, and a progress line on a TTY."""

    PREFIX = "archive import"

    def __init__(self, out: IO[str] | None = None, *, quiet: bool = False, progress: bool | None = None):
        self.out = out or sys.stderr
        self.quiet = quiet
        if progress is None:
            progress = not quiet and hasattr(self.out, "isatty") and self.out.isatty()
        self.progress = progress
        self.started = time.monotonic()
        self._last = 0.0
        self._shown = False

    def _clear(self) -> None:
        if self._shown:
            self.out.write("\r\033[K")
            self._shown = False

    def failure(self, where: str, reason: str) -> None:
        self._clear()
        self.out.write(f"{self.PREFIX}: {where}: {reason}\n")
        self.out.flush()

    def skipped(self, where: str, reason: str) -> None:
        if not self.quiet:
            self.failure(where, f"skipped: {reason}")

    def tick(self, summary: ImportSummary, force: bool = False) -> None:
        if not self.progress:
            return
        now = time.monotonic()
        if not force and now - self._last < 0.2:
            return
        self._last = now
        rate = summary.done / max(now - self.started, 1e-6)
        self.out.write(f"\r\033[K{self.PREFIX}: {summary.done} articles · {summary.line()} · {rate:.0f}/s")
        self.out.flush()
        self._shown = True

    def finish(self) -> None:
        self._clear()


AUTO_JOBS_ABOVE = 300      # articles: more than this and `--jobs` defaults to one process per core
JSONL_LINE_BYTES = 3000    # a rough article's size, to count the articles of a JSON Lines file


def auto_jobs(paths: list[str] | tuple[str, ...], read: ReadOptions) -> int:
    """One extracting process per core when the input holds more than AUTO_JOBS_ABOVE articles (files,
    JSON Lines estimated by size), else 1. Standard input counts as one article."""
    from pathlib import Path

    from archive.read.sources import expand

    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    if cores < 2:
        return 1
    count = 0
    for item in expand(paths, read.glob):
        if isinstance(item, Path):
            try:
                count += max(1, item.stat().st_size // JSONL_LINE_BYTES) if item.suffix.lower() == ".jsonl" else 1
            except OSError:
                count += 1
        else:
            count += 1
        if count > AUTO_JOBS_ABOVE:
            return cores
    return 1


def ensure_schema(url: str) -> None:
    """Create or upgrade the archive's schema when it is not at the newest revision."""
    head = archive_db.head()
    if archive_db.current(url) == head:
        return
    try:
        archive_db.upgrade(url)
    except archive_db.DatabaseError:
        if archive_db.current(url) != head:     # another importer may have just done it
            raise


def _worker_init(parent: int) -> None:
    """In each worker: Ctrl-C and SIGTERM are the main process's to handle, and the worker ends as
    soon as the main process is gone, however it ended (even SIGKILL), so that neither the workers
    nor the forkserver and resource tracker they keep alive are left behind."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    threading.Thread(target=_exit_with, args=(parent,), name="archive-parent-watch", daemon=True).start()


def _exit_with(parent: int) -> None:
    try:
        fd = os.pidfd_open(parent)
    except (AttributeError, OSError):
        fd = None
    if fd is not None:
        select.select([fd], [], [])       # readable once the process has ended
    else:
        while True:
            time.sleep(0.5)
            try:
                os.kill(parent, 0)
            except ProcessLookupError:
                break
            except PermissionError:
                continue
    os._exit(1)


def extract(raw: RawArticle) -> tuple[ArticleRecord | None, str | None]:
    """(record, None) or (None, reason): runs in worker processes."""
    from archive.extract.langid import UnsupportedLanguage
    from archive.extract.pipeline import UnsupportedArticle, extract_article

    try:
        return extract_article(raw), None
    except (UnsupportedArticle, UnsupportedLanguage) as e:
        return None, str(e)
    except ValueError as e:
        return None, f"cannot extract: {e}"
    except Exception as e:  # noqa: BLE001 - one bad article must not stop the import
        return None, f"extraction failed: {type(e).__name__}: {e}"


class _Run:
    def __init__(self, store: Store, options: ImportOptions, feedback: Feedback):
        self.store = store
        self.options = options
        self.feedback = feedback
        self.summary = ImportSummary()

    def fail(self, where: str, reason: str) -> None:
        self.summary.failed += 1
        self.feedback.failure(where, reason)

    def new_articles(self, raws: list[RawArticle]) -> list[RawArticle]:
        """Those of ``raws`` not in the archive yet (the others are counted as skipped)."""
        if self.options.replace:
            return raws
        out = []
        for raw, known in zip(raws, self.store.known(raws), strict=True):
            if known:
                self.summary.skipped += 1
                self.feedback.skipped(raw.source, "already in the archive")
                self.feedback.tick(self.summary)
            else:
                out.append(raw)
        return out

    def finish(self, raw: RawArticle, record: ArticleRecord | None, error: str | None) -> None:
        if record is None:
            self.fail(raw.source, error or "cannot extract")
            return
        try:
            result = self.store.store(raw, record)
        except (StoreError, sa.exc.SQLAlchemyError) as e:
            self.fail(raw.source, f"not stored: {archive_db.friendly(e) if not isinstance(e, StoreError) else e}")
            return
        if result.outcome is Outcome.SKIPPED:
            self.summary.skipped += 1
            self.feedback.skipped(raw.source, "already in the archive")
        else:
            self.summary.imported += 1
            self.summary.replaced += result.outcome is Outcome.REPLACED
        self.feedback.tick(self.summary)


class _DeferredInterrupt:
    """Turns SIGINT and SIGTERM into a request the import loop honours between articles (main thread
    only); the workers are shut down on the way out."""

    SIGNALS = (signal.SIGINT, signal.SIGTERM)

    def __init__(self) -> None:
        self.requested = False
        self._previous: dict[int, object] = {}
        if threading.current_thread() is threading.main_thread():
            self._previous = {sig: signal.signal(sig, self._handle) for sig in self.SIGNALS}

    def _handle(self, signum: int, frame: object) -> None:
        if self.requested:                # a second Ctrl-C: stop at once
            raise KeyboardInterrupt
        self.requested = True

    def restore(self) -> None:
        for sig, previous in self._previous.items():
            signal.signal(sig, previous)  # type: ignore[arg-type]
        self._previous = {}


def run_import(url: str, paths: list[str] | tuple[str, ...], options: ImportOptions | None = None,
               feedback: Feedback | None = None, stdin: IO[bytes] | None = None) -> ImportSummary:
    """Import every article under ``paths`` into the archive at ``url``; returns the counts.

    Raises :class:`archive.db.DatabaseError` when the database cannot be used at all, and
    ``KeyboardInterrupt`` (after rolling back the article being stored) when interrupted."""
    options = options or ImportOptions()
    feedback = feedback or Feedback(quiet=True)
    ensure_schema(url)
    pool = None
    if options.jobs > 1:
        if "forkserver" in multiprocessing.get_all_start_methods():
            # workers fork from a server that has the extractor loaded: they share its memory
            context = multiprocessing.get_context("forkserver")
            context.set_forkserver_preload(["archive.extract.pipeline"])
        else:
            context = multiprocessing.get_context("spawn")
        pool = ProcessPoolExecutor(options.jobs, mp_context=context, initializer=_worker_init,
                                   initargs=(os.getpid(),))
    engine = archive_db.make_engine(url)
    store = Store(engine, replace=options.replace)
    run = _Run(store, options, feedback)
    # Ctrl-C is taken between articles, never inside one's transaction: a KeyboardInterrupt raised
    # in the middle of a database call could leave the connection unusable for the rollback.
    stop = _DeferredInterrupt()

    def checkpoint() -> None:
        if stop.requested:
            raise KeyboardInterrupt
    try:
        with archive_db.translate_errors(url):
            pending: collections.deque[tuple[RawArticle, Future]] = collections.deque()
            limit = max(1, options.jobs) * IN_FLIGHT_PER_JOB

            def process(batch: list[RawArticle]) -> None:
                for raw in run.new_articles(batch):
                    checkpoint()
                    if pool is None:
                        run.finish(raw, *extract(raw))
                        continue
                    pending.append((raw, pool.submit(extract, raw)))
                    while len(pending) >= limit:
                        done, future = pending.popleft()
                        run.finish(done, *future.result())
                        checkpoint()

            batch: list[RawArticle] = []
            for item in read_sources(paths, options.read, stdin):
                if isinstance(item, ReadFailure):
                    run.fail(item.where, item.reason)
                    continue
                batch.append(item)
                if len(batch) >= CHECK_BATCH:
                    process(batch)
                    batch = []
            process(batch)
            while pending:
                checkpoint()
                raw, future = pending.popleft()
                run.finish(raw, *future.result())
            checkpoint()
            conn = store._connection()
            with conn.begin():
                if conn.scalar(sa.select(sa.func.count()).select_from(CORRECTIONS)):
                    replay_corrections(conn)
    finally:
        stop.restore()
        feedback.finish()
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)
        store.close()
        engine.dispose()
    return run.summary
