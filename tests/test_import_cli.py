"""`archive import` end to end on both backends: every input format, duplicates, bad input, --replace
with corrections, a new database, atomic articles."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
import sqlalchemy as sa
from click.testing import CliRunner

from archive.cli import cli

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
TABLES = ("articles", "outlets", "persons", "person_aliases", "person_positions", "meetings",
          "meeting_articles", "meeting_participants", "topics", "meeting_topics", "quotes", "claims", "claim_sources",
          "meeting_topic_codes")

KK_TEXT = ("2024 жылғы 3 шілдеде Астанада Қазақстан Республикасының Сыртқы істер министрі Мұрат Нұртілеу "
           "Түркия Республикасының Сыртқы істер министрі Хакан Фиданмен кездесті. Тараптар сауда, көлік "
           "және энергетика салаларындағы ынтымақтастықты талқылады.\n"
           "«Біз екі ел арасындағы тауар айналымын 10 млрд долларға жеткізуге ниеттіміз», – деді Мұрат Нұртілеу.\n")
RU_TEXT = ("5 июля 2024 года в Анкаре Министр иностранных дел Казахстана Мурат Нуртлеу провел переговоры с "
           "Министром иностранных дел Турции Хаканом Фиданом. Стороны обсудили транзит и энергетику.\n"
           "«Казахстан заинтересован в расширении Среднего коридора», – сказал Мурат Нуртлеу.\n")
EN_TEXT = ("On July 8, 2024, Foreign Minister of Kazakhstan Murat Nurtleu met with Foreign Minister of Turkey "
           "Hakan Fidan in Astana. The ministers discussed trade and transport.\n"
           "\"We will double the capacity of the Middle Corridor,\" Murat Nurtleu said.\n")
HTML_PAGE = """<!DOCTYPE html><html><head><title>Ministers meet | Example Wire</title>
<meta property="og:site_name" content="Example Wire">
<meta property="article:published_time" content="2024-07-08T10:00:00Z">
<link rel="canonical" href="https://wire.example/2024/07/08/ministers"></head>
<body><nav>Home | World | Business</nav><article><h1>Ministers meet</h1>
{paragraphs}</article><footer>Copyright Example Wire</footer></body></html>"""


def counts(url: str) -> dict[str, int]:
    engine = sa.create_engine(url, poolclass=sa.NullPool)
    try:
        with engine.connect() as conn:
            return {t: conn.scalar(sa.text(f"SELECT count(*) FROM {t}")) for t in TABLES}
    finally:
        engine.dispose()


def query(url: str, sql: str, **params) -> list[tuple]:
    engine = sa.create_engine(url, poolclass=sa.NullPool)
    try:
        with engine.connect() as conn:
            return [tuple(r) for r in conn.execute(sa.text(sql), params)]
    finally:
        engine.dispose()


def article(text: str, **meta: str) -> str:
    front = "".join(f"{k}: {v}\n" for k, v in meta.items())
    return f"---\n{front}---\n{text}" if meta else text


def test_examples_import_once_and_again_gives_the_same_rows(run_cli, database_url: str) -> None:
    first = run_cli("import", str(EXAMPLES))
    assert first.exit_code == 0, first.stderr
    assert first.stderr.strip().splitlines()[-1] == "imported 6, skipped 0, failed 0"
    once = counts(database_url)
    assert once["articles"] == 6 and once["persons"] >= 5
    again = run_cli("import", "--quiet", str(EXAMPLES))
    assert again.exit_code == 0
    assert again.stderr.strip() == "imported 0, skipped 6, failed 0"
    assert counts(database_url) == once


def test_one_official_carries_every_spelling(run_cli, database_url: str) -> None:
    assert run_cli("import", "-q", str(EXAMPLES)).exit_code == 0
    rows = query(database_url, "SELECT p.id, a.alias, a.language FROM persons p JOIN person_aliases a "
                 "ON a.person_id = p.id WHERE p.key = 'alihan smailov'")
    assert {r[0] for r in rows} and len({r[0] for r in rows}) == 1
    assert {(r[1], r[2]) for r in rows} >= {("Әлихан Смайылов", "kk"), ("Алихан Смаилов", "ru"),
                                             ("Alikhan Smailov", "en")}
    pid = rows[0][0]
    # positions over time: first and last dates seen across the articles
    positions = query(database_url, "SELECT role, country, first_seen, last_seen FROM person_positions "
                      "WHERE person_id = :p", p=pid)
    assert [(r[0], r[1], str(r[2]), str(r[3])) for r in positions] == [
        ("head_of_government", "KZ", "2023-04-14", "2023-06-08")]
    # the same meeting in three languages is one meeting linked to three articles
    linked = query(database_url, "SELECT m.id, count(*) FROM meetings m JOIN meeting_articles ma "
                   "ON ma.meeting_id = m.id JOIN meeting_participants mp ON mp.meeting_id = m.id "
                   "AND mp.person_id = :p GROUP BY m.id ORDER BY count(*) DESC", p=pid)
    assert linked[0][1] == 3


def test_every_input_format(run_cli, database_url: str, tmp_path: Path) -> None:
    (tmp_path / "kk.txt").write_text(article(KK_TEXT, published="2024-07-03", outlet="Example KZ",
                                             url="https://x.example/kk"), encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "ru.md").write_text(RU_TEXT, encoding="utf-8")
    paragraphs = "".join(f"<p>{p}</p>" for p in EN_TEXT.strip().split("\n"))
    (tmp_path / "en.html").write_text(HTML_PAGE.format(paragraphs=paragraphs), encoding="utf-8")
    (tmp_path / "feed.jsonl").write_text(
        json.dumps({"body": EN_TEXT.replace("July 8", "July 9"), "url": "https://x.example/j1",
                    "published": "2024-07-09", "outlet": "Feed", "language": "en"}) + "\n\n"
        + json.dumps({"text": RU_TEXT.replace("5 июля", "6 июля")}, ensure_ascii=False) + "\n",
        encoding="utf-8")
    result = run_cli("import", "--published", "2024-07-05", str(tmp_path))
    assert result.exit_code == 0, result.stderr
    assert result.stderr.strip().endswith("imported 5, skipped 0, failed 0")
    stdin = run_cli("import", "--outlet", "Piped", "-", input=article(KK_TEXT.replace("3 шілдеде", "4 шілдеде")))
    assert stdin.exit_code == 0, stdin.stderr
    rows = dict(query(database_url, "SELECT a.source, o.name FROM articles a LEFT JOIN outlets o "
                      "ON o.id = a.outlet_id"))
    assert rows == {
        str(tmp_path / "kk.txt"): "Example KZ", str(tmp_path / "sub" / "ru.md"): None,
        str(tmp_path / "en.html"): "Example Wire", f"{tmp_path / 'feed.jsonl'}:1": "Feed",
        f"{tmp_path / 'feed.jsonl'}:3": None, "-": "Piped"}
    published = dict(query(database_url, "SELECT source, CAST(published AS TEXT) FROM articles"))
    assert published[str(tmp_path / "sub" / "ru.md")] == "2024-07-05"       # from --published
    assert published[str(tmp_path / "kk.txt")] == "2024-07-03"              # the file's own wins
    assert query(database_url, "SELECT url FROM articles WHERE source = :s", s=str(tmp_path / "en.html")) == [
        ("https://wire.example/2024/07/08/ministers",)]
    # every row keeps its offsets and the extractor version
    body, start, end, text = query(database_url, "SELECT a.body, q.start, q.\"end\", q.text FROM quotes q "
                                   "JOIN articles a ON a.id = q.article_id ORDER BY q.id LIMIT 1")[0]
    assert body[start:end] == text
    assert {v for (v,) in query(database_url, "SELECT DISTINCT extractor_version FROM articles")} != {None}


BAD_INPUTS = [
    # name, bytes, extra args, expected reason
    ("cp1251.txt", RU_TEXT.encode("cp1251"), (), "cp1251"),
    ("utf16.txt", KK_TEXT.encode("utf-16"), (), "UTF-16"),
    ("empty.txt", b"", (), "empty"),
    ("binary.txt", bytes(range(256)) * 8, (), "binary"),
    ("big.txt", (RU_TEXT * 40).encode(), ("--max-bytes", "4000"), "larger than --max-bytes"),
    ("front.txt", b"---\ntitle: [unclosed\n---\n" + RU_TEXT.encode(), (), "malformed front matter"),
    ("german.txt", article("Der Premierminister traf sich heute mit dem Botschafter.", language="de").encode(),
     (), "unsupported language"),
    ("lines.jsonl", b'{"text": "broken\n', (), "malformed JSON line"),
]


@pytest.mark.parametrize(("name", "data", "args", "reason"), BAD_INPUTS, ids=[b[0] for b in BAD_INPUTS])
def test_bad_input_is_one_line_and_the_rest_imports(run_cli, database_url: str, tmp_path: Path,
                                                   name: str, data: bytes, args: tuple, reason: str) -> None:
    (tmp_path / "good.txt").write_text(RU_TEXT, encoding="utf-8")
    (tmp_path / name).write_bytes(data)
    result = run_cli("import", *args, str(tmp_path))
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    where = str(tmp_path / name) + (":1" if name.endswith(".jsonl") else "")
    errors = [line for line in lines if line.startswith(f"archive import: {where}: ")]
    assert len(errors) == 1 and reason in errors[0], lines
    assert lines[-1] == "imported 1, skipped 0, failed 1"
    assert counts(database_url)["articles"] == 1


def test_unreadable_path(run_cli, tmp_path: Path) -> None:
    result = run_cli("import", str(tmp_path / "missing.txt"))
    assert result.exit_code == 1
    assert f"archive import: {tmp_path / 'missing.txt'}: cannot read" in result.stderr
    assert result.stderr.strip().endswith("imported 0, skipped 0, failed 1")


def test_duplicates_by_url_or_content_are_skipped(run_cli, database_url: str, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(article(RU_TEXT, url="https://x.example/1"), encoding="utf-8")
    (tmp_path / "b.txt").write_text(RU_TEXT, encoding="utf-8")                        # same text
    (tmp_path / "c.txt").write_text(article(EN_TEXT, url="https://x.example/1"), encoding="utf-8")  # same URL
    result = run_cli("import", str(tmp_path))
    assert result.exit_code == 0
    assert result.stderr.strip().splitlines()[-1] == "imported 1, skipped 2, failed 0"
    assert f"{tmp_path / 'b.txt'}: skipped: already in the archive" in result.stderr


def test_parallel_jobs_store_the_same_rows(run_cli, database_url: str) -> None:
    result = run_cli("import", "--jobs", "2", "-q", str(EXAMPLES))
    assert result.exit_code == 0, result.stderr
    assert result.stderr.strip() == "imported 6, skipped 0, failed 0"
    assert counts(database_url)["articles"] == 6
    assert len(query(database_url, "SELECT id FROM persons WHERE key = 'alihan smailov'")) == 1


def test_replace_re_extracts_and_corrections_survive(run_cli, database_url: str) -> None:
    assert run_cli("import", "-q", str(EXAMPLES)).exit_code == 0
    before = counts(database_url)
    old_ids = {i for (i,) in query(database_url, "SELECT id FROM articles")}
    assert run_cli("person", "merge", "Роман Головченко", "Abdulla Aripov").exit_code == 0
    assert run_cli("person", "rename", "Smailov", "Smailov Alikhan Askaruly").exit_code == 0
    removed = run_cli("person", "alias", "remove", "Smailov", "Алихан Смаилов")
    assert removed.exit_code == 0, removed.stderr

    result = run_cli("import", "--replace", "-q", str(EXAMPLES))
    assert result.exit_code == 0, result.stderr
    assert result.stderr.strip() == "imported 6, skipped 0, failed 0"
    after = counts(database_url)
    assert after["articles"] == 6 and not old_ids & {i for (i,) in query(database_url, "SELECT id FROM articles")}
    assert after["quotes"] == before["quotes"] and after["claim_sources"] == before["claim_sources"]
    # "Алихан Смаилов" is no longer Smailov: what he said in Russian is no longer Smailov's claims
    split = query(database_url, "SELECT count(*) FROM claims c JOIN person_aliases a ON a.person_id = c.speaker_id "
                  "WHERE a.alias = 'Алихан Смаилов'")[0][0]
    assert split == 5 and after["claims"] == before["claims"] + split
    # the merge holds: Golovchenko's spelling still belongs to Aripov, no Golovchenko person came back
    assert query(database_url, "SELECT p.name FROM person_aliases a JOIN persons p ON p.id = a.person_id "
                 "WHERE a.alias = 'Роман Головченко'") == [("Abdulla Aripov",)]
    assert query(database_url, "SELECT count(*) FROM persons WHERE name = 'Роман Головченко'") == [(0,)]
    # the rename holds, and the removed spelling is no longer Smailov's
    owners = query(database_url, "SELECT p.name FROM person_aliases a JOIN persons p ON p.id = a.person_id "
                   "WHERE a.alias IN ('Әлихан Смайылов', 'Алихан Смаилов') ORDER BY a.alias")
    assert owners[0] != ("Smailov Alikhan Askaruly",) and owners[1] == ("Smailov Alikhan Askaruly",)
    # nothing orphaned: every meeting is reported by an article
    assert query(database_url, "SELECT count(*) FROM meetings m WHERE NOT EXISTS (SELECT 1 FROM "
                 "meeting_articles ma WHERE ma.meeting_id = m.id)") == [(0,)]


def test_new_database_gets_its_schema(empty_database_url: str) -> None:
    result = CliRunner().invoke(cli, ["--database", empty_database_url, "import", "-q",
                                      str(EXAMPLES / "en-tokayev-scholz.txt")])
    assert result.exit_code == 0, result.stderr
    assert counts(empty_database_url)["articles"] == 1


def test_a_failing_article_leaves_nothing_behind(database_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from archive import db as archive_db
    from archive.extract.pipeline import extract_article
    from archive.read.sources import ReadOptions, read_path
    from archive.resolve import Resolver
    from archive.store import Store

    [good] = list(read_path(EXAMPLES / "en-tokayev-scholz.txt", ReadOptions()))
    [bad] = list(read_path(EXAMPLES / "ru-tokayev-mirziyoyev.txt", ReadOptions()))
    engine = archive_db.make_engine(database_url)
    store = Store(engine)
    try:
        store.store(good, extract_article(good))
        before = counts(database_url)

        def boom(*args, **kwargs):
            raise RuntimeError("disk on fire")

        monkeypatch.setattr(Resolver, "meeting", boom)
        with pytest.raises(RuntimeError):
            store.store(bad, extract_article(bad))
        assert counts(database_url) == before
        monkeypatch.undo()
        assert store.store(bad, extract_article(bad)).outcome.value == "imported"
        assert counts(database_url)["articles"] == 2
    finally:
        store.close()
        engine.dispose()


def test_a_value_the_database_cannot_hold_fails_one_article_only(database_url: str, tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """An out-of-range claim reaching the store (the extractor leaves such values out) is one failed
    article with its reason; the next article is stored."""
    import dataclasses
    from decimal import Decimal

    from archive import importer

    (tmp_path / "a.txt").write_text(RU_TEXT, encoding="utf-8")
    (tmp_path / "b.txt").write_text(EN_TEXT, encoding="utf-8")
    real = importer.extract

    def huge(raw):
        record, error = real(raw)
        if raw.source.endswith("a.txt"):
            claim = record.claims[0] if record.claims else None
            big = dataclasses.replace(claim, value=Decimal(10) ** 25) if claim else None
            assert big is not None
            record = dataclasses.replace(record, claims=(big,))
        return record, error

    (tmp_path / "a.txt").write_text(RU_TEXT + "Товарооборот вырос на 5%.\n", encoding="utf-8")
    monkeypatch.setattr(importer, "extract", huge)
    result = CliRunner().invoke(cli, ["--database", database_url, "import", str(tmp_path)])
    assert result.exit_code == 1
    assert "a.txt: not stored: claim value" in result.stderr and "out of range" in result.stderr
    assert "imported 1, skipped 0, failed 1" in result.stderr
    assert counts(database_url)["articles"] == 1


def test_a_database_error_in_bulk_rows_fails_one_article_only(database_url: str, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """A row the database refuses (here: a claim qualifier outside the CHECK vocabulary, past every
    extractor check) is reported for its article; the run goes on."""
    import dataclasses

    from archive import importer

    (tmp_path / "a.txt").write_text(RU_TEXT + "Товарооборот вырос на 5%.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(EN_TEXT, encoding="utf-8")
    real = importer.extract

    def bad(raw):
        record, error = real(raw)
        if raw.source.endswith("a.txt"):
            record = dataclasses.replace(record, claims=tuple(
                dataclasses.replace(c, qualifier="bogus") for c in record.claims))
        return record, error

    monkeypatch.setattr(importer, "extract", bad)
    result = CliRunner().invoke(cli, ["--database", database_url, "import", str(tmp_path)])
    assert result.exit_code == 1, result.output
    assert "a.txt: not stored:" in result.stderr and "Traceback" not in result.output
    assert "imported 1, skipped 0, failed 1" in result.stderr
    assert counts(database_url)["articles"] == 1


def test_jobs_default_to_the_cores_for_a_large_input(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    from archive import importer
    from archive.read.sources import ReadOptions

    monkeypatch.setattr(os, "sched_getaffinity", lambda _pid: {0, 1, 2, 3}, raising=False)
    small, large = tmp_path / "small", tmp_path / "large"
    for folder, n in ((small, 5), (large, importer.AUTO_JOBS_ABOVE + 1)):
        folder.mkdir()
        for i in range(n):
            (folder / f"a{i}.txt").write_text(EN_TEXT + f"\n{i}.", encoding="utf-8")
    assert importer.auto_jobs([str(small)], ReadOptions()) == 1
    assert importer.auto_jobs([str(large)], ReadOptions()) == 4
    (tmp_path / "feed.jsonl").write_bytes(b"x" * importer.JSONL_LINE_BYTES * (importer.AUTO_JOBS_ABOVE + 5))
    assert importer.auto_jobs([str(tmp_path / "feed.jsonl")], ReadOptions()) == 4
    assert importer.auto_jobs(["-"], ReadOptions()) == 1
