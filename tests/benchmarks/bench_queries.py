"""Query benchmark: `archive official NAME`, `archive meetings --with NAME` and `archive --help`,
timed as whole processes on a synthetic archive of 100,000 articles, on SQLite and PostgreSQL.

The archive is generated directly with bulk inserts (this measures queries, not the importer):
persons with aliases in three scripts, meetings with 2–4 participants, one to three articles per
meeting, quotes and claims. One official (Әлихан Смайылов) is in about 3% of the meetings, so his
profile and meeting list are the heavy case.

    .venv/bin/python tests/benchmarks/bench_queries.py [--articles 100000] [--backends sqlite,postgresql]

PostgreSQL: a database ``archive_bench`` is (re)created on $ARCHIVE_TEST_POSTGRES_URL's server
(default postgresql+psycopg://postgres@127.0.0.1:5432/test). Prints figures; asserts nothing.
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

import sqlalchemy as sa

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from archive import db as archive_db  # noqa: E402
from archive.models import Base  # noqa: E402
from archive.names import person_key, surname_key  # noqa: E402

ARCHIVE = str(Path(sys.executable).with_name("archive"))
COUNTRIES = ["KZ", "RU", "CN", "UZ", "KG", "BY", "AZ", "TR", "DE", "FR", "US", "JP", "KR", "IN", "AE", "GB"]
GIVEN = ["Алихан", "Марат", "Ерлан", "Асқар", "Дмитрий", "Сергей", "Олжас", "Бахыт", "Нурлан", "Ильяс",
         "Тимур", "Руслан", "Данияр", "Кайрат", "Айдар", "Михаил", "Роман", "Абдулла", "Акылбек", "Али"]
SURNAME_ROOTS = ["Сарсен", "Бекен", "Тұрсын", "Жұмабай", "Нұрлан", "Ахмет", "Садық", "Қасым", "Ерғали",
                 "Мұхтар", "Серік", "Болат", "Аман", "Дәурен", "Жанар", "Әділ", "Темір", "Қайрат", "Ораз", "Бақыт"]
SUFFIXES = ["ов", "ев", "ин", "бай", "ұлы"]
KINDS = ["meeting", "talks", "phone_call", "video_call", "visit", "summit", "session"]
STAR = "Әлихан Смайылов"


def _translit(name: str) -> str:
    from anyascii import anyascii
    return anyascii(name)


def generate(url: str, articles: int, seed: int = 7) -> dict[str, int]:
    """Fill a migrated archive at ``url``; the row counts."""
    rng = random.Random(seed)
    engine = archive_db.make_engine(url)
    t = {name: Base.metadata.tables[name] for name in Base.metadata.tables}
    n_persons = max(50, articles // 20)
    persons, aliases, positions = [], [], []
    alias_id = 0
    names: list[str] = []
    for pid in range(1, n_persons + 1):
        if pid == 1:
            name = STAR
        else:
            name = f"{rng.choice(GIVEN)} {rng.choice(SURNAME_ROOTS)}{rng.choice(SUFFIXES)}{pid}"
        names.append(name)
        persons.append({"id": pid, "name": name, "name_latin": _translit(name), "key": person_key(name),
                        "surname_key": surname_key(name), "created_at": dt.datetime.now(dt.UTC)})
        for text, script, lang in ((name, "Cyrl", "kk"), (_translit(name), "Latn", "en")):
            alias_id += 1
            aliases.append({"id": alias_id, "person_id": pid, "alias": text, "key": f"{lang}:{text.casefold()}",
                            "script": script, "language": lang})
        positions.append({"id": pid, "person_id": pid, "role": "minister", "country": rng.choice(COUNTRIES),
                          "position": "Minister", "key": f"minister|{pid}", "first_seen": dt.date(2020, 1, 1),
                          "last_seen": dt.date(2024, 12, 31)})
    home = {p["id"]: p["country"] for p in positions}
    home[1] = "KZ"
    meetings, links, participants, quotes, claims, arts = [], [], [], [], [], []
    mp_id = q_id = c_id = 0
    by_meeting: dict[int, list[int]] = {}
    n_meetings = int(articles / 1.4)
    day0 = dt.date(2015, 1, 1)
    for aid in range(1, articles + 1):
        published = day0 + dt.timedelta(days=rng.randrange(3650))
        arts.append({"id": aid, "url": f"https://example.org/a/{aid}", "content_sha256": f"{aid:064x}",
                     "language": rng.choice(["kk", "ru", "en"]), "title": f"Article {aid}", "published": published,
                     "body": "Synthetic body text. " * 10, "outlet_id": None, "via": None, "source": None,
                     "imported_at": dt.datetime.now(dt.UTC), "extractor_version": "bench"})
    for mid in range(1, n_meetings + 1):
        date = day0 + dt.timedelta(days=rng.randrange(3650))
        meetings.append({"id": mid, "kind": rng.choice(KINDS), "date": date, "city": "Астана",
                         "country": rng.choice(COUNTRIES), "occasion": rng.choice([None, "official visit",
                                                                                  "Eurasian Council"]),
                         "signature": None, "anchor_date": date})
        people = rng.sample(range(2, n_persons + 1), rng.randint(2, 4))
        if rng.random() < 0.03:
            people[0] = 1
        by_meeting[mid] = people
        for pid in people:
            mp_id += 1
            participants.append({"id": mp_id, "meeting_id": mid, "person_id": pid, "article_id": None,
                                 "name": names[pid - 1], "position": "Minister", "role": "minister",
                                 "country": home[pid]})
    for aid in range(1, articles + 1):
        mid = aid if aid <= n_meetings else rng.randrange(1, n_meetings + 1)
        links.append({"meeting_id": mid, "article_id": aid})
        speakers = by_meeting[mid]
        for _ in range(2):
            q_id += 1
            text = rng.choice(["Инвестициялық ынтымақтастық жаңа деңгейге шықты.",
                               "Товарооборот между нашими странами растёт.",
                               "We agreed to expand trade and transit."])
            pid = rng.choice(speakers)
            quotes.append({"id": q_id, "article_id": aid, "meeting_id": mid, "speaker_id": pid,
                           "speaker_name": names[pid - 1], "text": text, "direct": rng.random() < 0.6,
                           "language": "ru", "start": 0, "end": len(text)})
        if rng.random() < 0.7:
            c_id += 1
            pid = rng.choice(speakers)
            claims.append({"id": c_id, "article_id": aid, "meeting_id": mid, "speaker_id": pid,
                           "speaker_name": names[pid - 1], "value": Decimal(rng.randrange(1, 500)) * 10 ** 8,
                           "unit": "USD", "object": None, "metric": "trade turnover", "change": None,
                           "qualifier": None, "period": "2023", "period_start": None, "period_end": None,
                           "start": 0, "end": 10})
    with engine.begin() as conn:
        for table, rows in (("persons", persons), ("person_aliases", aliases), ("person_positions", positions),
                            ("articles", arts), ("meetings", meetings), ("meeting_articles", links),
                            ("meeting_participants", participants), ("quotes", quotes), ("claims", claims)):
            for i in range(0, len(rows), 5000):
                conn.execute(t[table].insert(), rows[i:i + 5000])
        if conn.dialect.name == "postgresql":
            for table in ("persons", "person_aliases", "person_positions", "articles", "meetings",
                          "meeting_participants", "quotes", "claims"):
                conn.execute(sa.text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                                     f"(SELECT max(id) FROM {table}))"))
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.exec_driver_sql("ANALYZE")
    engine.dispose()
    return {"articles": len(arts), "meetings": len(meetings), "participants": len(participants),
            "persons": len(persons), "quotes": len(quotes), "claims": len(claims)}


def timed(args: list[str], runs: int = 5) -> tuple[float, float, int]:
    """(median, max) wall seconds of the whole process, and its output lines."""
    times, lines = [], 0
    # as installed: byte code cached (a user's install writes __pycache__; CI shells may forbid it)
    env = {k: v for k, v in os.environ.items() if k not in ("ARCHIVE_DATABASE_URL", "PYTHONDONTWRITEBYTECODE")}
    for _ in range(runs):
        t0 = time.perf_counter()
        done = subprocess.run(args, capture_output=True, text=True, env=env)
        times.append(time.perf_counter() - t0)
        if done.returncode != 0:
            raise SystemExit(f"{' '.join(args)} failed: {done.stderr.strip()}")
        lines = len(done.stdout.splitlines())
    return statistics.median(times), max(times), lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument("--reuse", metavar="SQLITE_FILE",
                        help="time against an archive made by an earlier run (PostgreSQL: archive_bench as it is)")
    args = parser.parse_args()

    median, worst, _ = timed([ARCHIVE, "--help"])
    print(f"archive --help: median {median:.3f} s, max {worst:.3f} s")
    for backend in args.backends.split(","):
        if args.reuse:
            url = (f"sqlite:///{args.reuse}" if backend == "sqlite" else archive_db.normalise_url(
                os.environ.get("ARCHIVE_TEST_POSTGRES_URL") or "postgresql+psycopg://postgres@127.0.0.1:5432/test"
            ).set(database="archive_bench").render_as_string(hide_password=False))
            print(f"\n{backend}: reusing {archive_db.safe_url(url)}")
        elif backend == "sqlite":
            folder = tempfile.mkdtemp(prefix="archive-bench-")
            url = f"sqlite:///{folder}/bench.sqlite"
        else:
            server = archive_db.normalise_url(os.environ.get("ARCHIVE_TEST_POSTGRES_URL")
                                              or "postgresql+psycopg://postgres@127.0.0.1:5432/test")
            admin = sa.create_engine(server, isolation_level="AUTOCOMMIT", poolclass=sa.NullPool)
            with admin.connect() as conn:
                conn.exec_driver_sql('DROP DATABASE IF EXISTS "archive_bench" WITH (FORCE)')
                conn.exec_driver_sql('CREATE DATABASE "archive_bench"')
            admin.dispose()
            url = server.set(database="archive_bench").render_as_string(hide_password=False)
        if not args.reuse:
            archive_db.upgrade(url)
            t0 = time.perf_counter()
            counts = generate(url, args.articles)
            print(f"\n{backend}: generated {counts} in {time.perf_counter() - t0:.1f} s (at {archive_db.safe_url(url)})")
        for label, cmd in (
            ("official Smailov (table)", ["official", "Smailov", "-f", "table"]),
            ("official смайыловтың (jsonl)", ["official", "смайыловтың", "-f", "jsonl"]),
            ("official 'Әлихан Смайылов' (json)", ["official", STAR, "-f", "json"]),
            ("meetings --with Smailov (jsonl)", ["meetings", "--with", "Smailov", "-f", "jsonl"]),
            ("meetings --with Смаилов --country RU", ["meetings", "--with", "Смаилов", "--country", "RU",
                                                      "-f", "jsonl"]),
            ("quotes --search инвестиция --limit 50", ["quotes", "--search", "инвестиция", "--limit", "50"]),
        ):
            median, worst, lines = timed([ARCHIVE, "--database", url, *cmd])
            print(f"  {label:42} median {median:.3f} s, max {worst:.3f} s, {lines} lines")


if __name__ == "__main__":
    main()
