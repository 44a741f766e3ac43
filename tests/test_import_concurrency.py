"""Two `archive import` processes on one database with overlapping inputs: no duplicate persons,
outlets, meetings or articles, and nothing lost (compared with one sequential import)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import sqlalchemy as sa
from click.testing import CliRunner

from archive.cli import cli

sys.path.insert(0, str(Path(__file__).resolve().parent / "benchmarks"))
from synth import articles  # noqa: E402

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
TABLES = ("articles", "outlets", "persons", "person_aliases", "person_positions", "meetings",
          "meeting_articles", "meeting_participants", "quotes", "claims", "topics", "claim_sources",
          "meeting_topic_codes")
COUNT, OVERLAP = 120, 60


def counts(url: str) -> dict[str, int]:
    engine = sa.create_engine(url, poolclass=sa.NullPool)
    try:
        with engine.connect() as conn:
            out = {t: conn.scalar(sa.text(f"SELECT count(*) FROM {t}")) for t in TABLES}
            for table, cols in (("persons", "key"), ("outlets", "key"), ("articles", "content_sha256"),
                                ("meetings", "signature, anchor_date")):
                out[f"duplicate {table}"] = conn.scalar(sa.text(
                    f"SELECT count(*) FROM (SELECT {cols} FROM {table} GROUP BY {cols} HAVING count(*) > 1) d"))
            return out
    finally:
        engine.dispose()


GIVEN = ("Levan", "Irakli", "Nodar", "Zurab", "Giorgi", "Tamaz", "Davit", "Otar")
ROOTS = ("Berdal", "Kvirik", "Sandukel", "Mamulash", "Tsereteb", "Gorgadz", "Lomidan", "Japaridel",
         "Chkhotu", "Zhvanib", "Mchedlur", "Abashid", "Kobakh", "Natsvlish", "Pirtskhal", "Okroshid",
         "Dolidz", "Gvaramb", "Shengel", "Tabukash")
RACES = 40


def name(i: int) -> tuple[str, str]:
    """A made-up official: a new person for every i, so that both importers create it at once."""
    return GIVEN[i % len(GIVEN)], ROOTS[i % len(ROOTS)] + ("ov" if i < len(ROOTS) else "enko")


def racing(side: str) -> dict[str, str]:
    """The same meeting with a new official, told in other words by each side's article."""
    out = {}
    for i in range(RACES):
        given, surname = name(i)
        day = 1 + i % 27
        if side == "left":
            text = (f"On March {day}, 2024, Foreign Minister of Kazakhstan Murat Nurtleu met with Foreign "
                    f"Minister of Georgia {given} {surname} in Astana. The ministers discussed transit.\n")
        else:
            text = (f"ASTANA, March {day}, 2024. Foreign Minister of Georgia {given} {surname} held talks with "
                    f"Foreign Minister of Kazakhstan Murat Nurtleu. They discussed trade and transport.\n")
        out[f"a-race-{i:03d}"] = f"---\npublished: 2024-03-{day:02d}\noutlet: Race {side}\n---\n{text}"
    return out


def write(folder: Path, items: list, extra: dict[str, str]) -> Path:
    folder.mkdir()
    for stem, text in extra.items():
        (folder / f"{stem}.txt").write_text(text, encoding="utf-8")
    for a in items:
        (folder / f"{a.id}.txt").write_text(a.text, encoding="utf-8")
    return folder


def test_two_importers_at_once(database_url: str, tmp_path: Path) -> None:
    synth = list(articles(COUNT + OVERLAP, seed=11))
    half = (COUNT + OVERLAP) // 2
    left = write(tmp_path / "left", synth[:half + OVERLAP // 2], racing("left"))
    right = write(tmp_path / "right", synth[half - OVERLAP // 2:], racing("right"))
    cmd = [sys.executable, "-m", "archive", "--database", database_url, "import", "-q"]
    procs = [subprocess.Popen([*cmd, str(EXAMPLES), str(folder)], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for folder in (left, right)]
    outputs = [p.communicate(timeout=300) for p in procs]
    for p, (_, err) in zip(procs, outputs, strict=True):
        assert p.returncode == 0, err
    summaries = [err.strip().splitlines()[-1] for _, err in outputs]
    imported = sum(int(s.split()[1].rstrip(",")) for s in summaries)
    skipped = sum(int(s.split()[3].rstrip(",")) for s in summaries)
    assert imported == len(synth) + 6 + 2 * RACES, summaries
    assert skipped == OVERLAP + 6, summaries

    together = counts(database_url)
    assert all(together[f"duplicate {t}"] == 0 for t in ("persons", "outlets", "articles", "meetings"))
    engine = sa.create_engine(database_url, poolclass=sa.NullPool)
    with engine.connect() as conn:   # each raced official is one person, each raced meeting one meeting
        for i in range(RACES):
            spelling = " ".join(name(i))
            persons = conn.scalars(sa.text("SELECT DISTINCT person_id FROM person_aliases WHERE alias = :a"),
                                   {"a": spelling}).all()
            meetings = conn.scalar(sa.text("SELECT count(DISTINCT meeting_id) FROM meeting_participants "
                                           "WHERE person_id = :p"), {"p": persons[0]}) if persons else 0
            assert (len(persons), meetings) == (1, 1), spelling
    engine.dispose()

    reference = f"sqlite:///{tmp_path / 'sequential.sqlite'}"
    result = CliRunner().invoke(cli, ["--database", reference, "import", "-q", str(EXAMPLES),
                                      str(left), str(right)])
    assert result.exit_code == 0, result.stderr
    sequential = counts(reference)
    # Claims that several reports share are stored once when their values agree within 0.5 %: a chain
    # of close values (100, 100.4, 100.8) merges differently in another order, so the number of
    # merged claims may differ slightly between two orders of import; every other count, and the
    # claims' sources (one row per claim an article reports), may not.
    assert {k: v for k, v in together.items() if k != "claims"} == \
        {k: v for k, v in sequential.items() if k != "claims"}
    assert abs(together["claims"] - sequential["claims"]) <= max(2, sequential["claims"] // 100)
