"""`archive official | meetings | quotes | claims` on both backends, against tests/test_lookup_data.py."""
from __future__ import annotations

import json
from collections.abc import Callable

import pytest
import sqlalchemy as sa
from click.testing import Result
from sqlalchemy.orm import Session
from test_lookup_data import EVIL, build, jsonl

from archive import db as archive_db

Run = Callable[..., Result]


@pytest.fixture
def run(run_cli: Run, session: Session) -> Run:
    build(session)
    return run_cli




def ids(result: Result, column: str) -> list[int]:
    return [row[column] for row in jsonl(result)]


# -- official ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", [
    "Smailov", "smailov", "SMAILOV", "Смаилов", "Смайылов", "смайыловтың", "Смайыловқа", "Смаиловым",
    "Әлихан Смайылов", "Алихан Смаилов", "Alikhan Smailov", "Smailov Alikhan", "Smailof",
    "Смайылов Әлихан Асқарұлы", "Smailov's",
])
def test_official_finds_one_person_by_any_spelling(run: Run, name: str) -> None:
    rows = jsonl(run("official", name, "--format", "jsonl"))
    assert rows[0] == {"section": "person", "person_id": 1, "name": "Әлихан Смайылов", "name_latin": None}


def test_official_profile_sections_exact(run: Run) -> None:
    doc = json.loads(run("official", "Smailov", "--format", "json").stdout)
    assert doc["person"] == {"person_id": 1, "name": "Әлихан Смайылов", "name_latin": None}
    assert doc["names"] == [
        {"alias": "Alikhan Smailov", "script": "Latn", "language": "en"},
        {"alias": "Алихан Смаилов", "script": "Cyrl", "language": "ru"},
        {"alias": "Әлихан Смайылов", "script": "Cyrl", "language": "kk"},
    ]
    assert doc["positions"] == [{"position": "Prime Minister of Kazakhstan", "role": "head_of_government",
                                 "country": "KZ", "first_seen": "2023-11-02", "last_seen": "2024-10-01"}]
    assert [(m["meeting_id"], m["date"], m["kind"], m["counterparts"], m["city"], m["country"])
            for m in doc["meetings"]] == [
        (4, "2024-10-01", "session", f"Михаил Мишустин (RU); Abdulla Aripov (UZ); {EVIL}", "Yerevan", "AM"),
        (2, "2024-06-20", "meeting", "Li Qiang (CN)", "Бейжің", "CN"),
        (1, "2024-03-14", "talks", "Михаил Мишустин (RU)", "Астана", "KZ"),
        (3, "2023-11-02", "phone_call", "Abdulla Aripov (UZ)", None, None),
    ]
    assert doc["meetings"][2]["occasion"] == "Eurasian Intergovernmental Council"
    assert doc["meetings"][2]["sources"] == "https://example.kz/ru/eamk-2024"
    assert [q["quote_id"] for q in doc["quotes"]] == [5, 3, 1]          # direct quotes only
    assert [(c["claim_id"], c["value"], c["unit"]) for c in doc["claims"]] == [
        (2, 41000000000, "USD"), (1, 28000000000, "USD")]


def test_official_positions_fall_back_to_meetings(run: Run) -> None:
    doc = json.loads(run("official", "Мишустина", "-f", "json").stdout)
    assert doc["person"]["person_id"] == 2
    assert doc["positions"] == [
        {"position": "Председатель Правительства России", "role": "head_of_government", "country": "RU",
         "first_seen": "2024-03-14", "last_seen": "2024-03-14"},
        {"position": "Prime Minister", "role": "head_of_government", "country": "RU",
         "first_seen": "2024-10-01", "last_seen": "2024-10-01"},
    ]
    assert doc["quotes"] == []                       # his only quote is reported speech
    assert [c["value"] for c in doc["claims"]] == [12.5]


def test_official_since_until_limit(run: Run) -> None:
    doc = json.loads(run("official", "Smailov", "--since", "2024-01-01", "--until", "2024-06-30",
                         "--limit", "1", "-f", "json").stdout)
    assert [m["meeting_id"] for m in doc["meetings"]] == [2]
    assert [q["quote_id"] for q in doc["quotes"]] == [3]


def test_official_several_candidates_are_listed_not_guessed(run: Run) -> None:
    result = run("official", "Karin")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "'Karin' matches 2 persons:" in result.stderr
    assert "1. Ерлан Қарин (id 5)" in result.stderr and "2. Arman Karin (id 6)" in result.stderr
    assert "--id" in result.stderr
    by_id = jsonl(run("official", "--id", "6", "-f", "jsonl"))
    assert by_id[0]["name"] == "Arman Karin"


def test_official_unknown_name_fails_in_one_line(run: Run) -> None:
    result = run("official", "Nazarbayev")
    assert result.exit_code == 1
    assert result.stderr.strip() == "Error: no person matches 'Nazarbayev'"


def test_official_table_and_csv(run: Run) -> None:
    table = run("official", "Li Qiang", "-f", "table").stdout
    assert table.startswith("Li Qiang (id 3)\n")
    assert "Meetings (1)" in table and "Әлихан Смайылов (KZ)" in table
    csv_text = run("official", "Ли Цян", "-f", "csv").stdout
    assert csv_text.startswith("# person\nperson_id,name,name_latin\n3,Li Qiang,\n")
    assert "# meetings\nmeeting_id,date,kind,counterparts,city,country,occasion,sources\n" \
           "2,2024-06-20,meeting,Әлихан Смайылов (KZ),Бейжің,CN,ресми сапар,https://example.kz/kk/beijing-2024\n" \
           in csv_text


# -- meetings ---------------------------------------------------------------------------------------

@pytest.mark.parametrize(("args", "expected"), [
    ((), [4, 2, 1, 3]),
    (("--with", "Smailov"), [4, 2, 1, 3]),
    (("--with", "Смаилов", "--with", "Mishustin"), [4, 1]),
    (("--with", "Мишустиным", "--with", "Арипов"), [4]),
    (("--with", "Li Qiang", "--with", "Mishustin"), []),
    (("--country", "uz"), [4, 3]),
    (("--between", "KZ", "CN"), [2]),
    (("--between", "RU", "UZ"), [4]),
    (("--kind", "phone_call"), [3]),
    (("--since", "2024-01-01", "--until", "2024-06-30"), [2, 1]),
    (("--occasion", "intergovernmental"), [4, 1]),
    (("--occasion", "РЕСМИ"), [2]),
    (("--occasion", "100%_"), []),
    (("--limit", "2"), [4, 2]),
])
def test_meetings_filters(run: Run, args: tuple[str, ...], expected: list[int]) -> None:
    result = run("meetings", *args, "-f", "jsonl")
    assert ids(result, "meeting_id") == expected
    if not expected:
        assert result.stderr.strip() == "no meetings match"


def test_meetings_exact_row(run: Run) -> None:
    assert jsonl(run("meetings", "--between", "KZ", "CN", "-f", "jsonl")) == [{
        "meeting_id": 2, "date": "2024-06-20", "kind": "meeting",
        "participants": "Әлихан Смайылов (KZ); Li Qiang (CN)", "countries": "CN,KZ", "city": "Бейжің",
        "country": "CN", "occasion": "ресми сапар", "sources": "https://example.kz/kk/beijing-2024"}]


def test_meetings_with_an_ambiguous_name_lists_candidates(run: Run) -> None:
    result = run("meetings", "--with", "Karin")
    assert result.exit_code == 1 and "matches 2 persons" in result.stderr


# -- quotes -----------------------------------------------------------------------------------------

@pytest.mark.parametrize(("args", "expected"), [
    ((), [5, 3, 1, 2, 4]),
    (("--by", "Смайылов"), [5, 3, 1]),
    (("--by", "Mishustin"), [2]),
    (("--direct",), [5, 3, 1, 4]),
    (("--reported",), [2]),
    (("--search", "инвестиция"), [5, 3, 1]),         # инвестиций, инвестициялық, Инвестиции
    (("--search", "ИНВЕСТИЦИЙ"), [5, 3, 1]),
    (("--search", "ынтымақтастық"), [3]),
    (("--search", "энергетика"), [2]),
    (("--search", "trade 2030"), [4]),
    (("--search", "trade energy"), []),
    (("--search", "Смайылов"), [5, 3, 1]),           # the speaker as written is indexed too
    (("--search", '"); DROP TABLE quotes; -- NEAR( *'), []),
    (("--by", "Smailov", "--search", "инвестиции", "--since", "2024-06-01"), [5, 3]),
    (("--until", "2023-12-31"), [4]),
])
def test_quotes_filters_and_search(run: Run, args: tuple[str, ...], expected: list[int]) -> None:
    assert ids(run("quotes", *args, "-f", "jsonl"), "quote_id") == expected


def test_quotes_exact_row(run: Run) -> None:
    assert jsonl(run("quotes", "--reported", "-f", "jsonl")) == [{
        "quote_id": 2, "date": "2024-03-14", "speaker": "Михаил Мишустин", "direct": False,
        "text": "Россия готова расширять сотрудничество в энергетике.", "language": "ru",
        "countries": "KZ,RU", "source": "https://example.kz/ru/eamk-2024"}]


def test_search_index_follows_edits_and_deletes(run: Run, engine: sa.Engine) -> None:
    with engine.begin() as conn:
        conn.execute(sa.text("UPDATE quotes SET text = :t WHERE id = 4"), {"t": "Сауда көлемі екі есе өседі."})
        conn.execute(sa.text("DELETE FROM quotes WHERE id = 2"))
    assert ids(run("quotes", "--search", "trade", "-f", "jsonl"), "quote_id") == []
    assert ids(run("quotes", "--search", "сауда", "-f", "jsonl"), "quote_id") == [4]
    assert ids(run("quotes", "--search", "энергетике", "-f", "jsonl"), "quote_id") == []


# -- claims -----------------------------------------------------------------------------------------

@pytest.mark.parametrize(("args", "expected"), [
    ((), [2, 1, 4, 3]),
    (("--by", "Smailov"), [2, 1]),
    (("--metric", "TRADE"), [2, 1, 3]),                 # the code, whatever the words
    (("--metric", "trade turnover"), [2, 3]),           # the words
    (("--metric", "товарооборот"), [1]),
    (("--metric", "invest"), [4]),
    (("--unit", "%"), [4]),
    (("--unit", "USD", "--country", "uz"), [3]),
    (("--country", "RU"), [1, 4]),
    (("--between", "ru", "KZ"), [1, 4]),
    (("--between", "KZ", "UZ"), [3]),
    (("--between", "RU", "UZ"), []),
    (("--metric", "trade", "--between", "KZ", "RU"), [1]),
    (("--period", "2023"), [2, 1, 4]),
    (("--period", "2023-06"), [2, 1, 4]),
    (("--period", "2030"), [3]),                        # "by 2030": its last month
    (("--period", "2024..2029"), []),
    (("--period", "2022..2030-01"), [2, 1, 4]),
    (("--since", "2024-06-01"), [2]),
    (("--metric", "' OR 1=1 --"), []),
    (("--metric", "%"), []),
])
def test_claims_filters(run: Run, args: tuple[str, ...], expected: list[int]) -> None:
    assert ids(run("claims", *args, "-f", "jsonl"), "claim_id") == expected


@pytest.mark.parametrize("period", ["2023-13", "23", "2024..2023", "last year"])
def test_claims_period_must_be_a_year_month_or_range(run: Run, period: str) -> None:
    result = run("claims", "--period", period)
    assert result.exit_code == 2 and "--period" in result.stderr


def test_claims_exact_rows(run: Run) -> None:
    assert jsonl(run("claims", "--by", "Aripov", "-f", "jsonl")) == [{
        "claim_id": 3, "date": "2023-11-02", "speaker": "Abdulla Aripov", "value": 10000000000, "unit": "USD",
        "qualifier": "up_to", "change": None, "metric": "trade turnover", "metric_code": "trade", "object": None,
        "period": "by 2030", "period_start": None, "period_end": "2030-12-31", "countries": "KZ,UZ",
        "source_count": 1, "languages": "en", "source": "https://example.kz/en/call-2023"}]
    assert run("claims", "--unit", "%", "-f", "csv").stdout == (
        "claim_id,date,speaker,value,unit,qualifier,change,metric,metric_code,object,period,period_start,"
        "period_end,countries,source_count,languages,source\n"
        "4,2024-03-14,Михаил Мишустин,12.5,%,,increase,рост инвестиций,investment,,2023,2023-01-01,2023-12-31,"
        "\"KZ,RU\",1,ru,https://example.kz/ru/eamk-2024\n")


# -- user input stays data --------------------------------------------------------------------------

@pytest.mark.parametrize("name", [EVIL, "Robert'); DROP TABLE persons;--", "x' OR '1'='1", "%", "_"])
def test_names_with_quotes_and_sql_are_only_data(run: Run, engine: sa.Engine, name: str) -> None:
    result = run("official", name, "-f", "jsonl")
    if name == EVIL:
        assert jsonl(result)[0]["person_id"] == 7
    else:
        assert result.exit_code == 1 and "no person matches" in result.stderr
    assert ids(run("meetings", "--with", EVIL, "-f", "jsonl"), "meeting_id") == [4]
    with engine.connect() as conn:
        assert conn.scalar(sa.text("SELECT count(*) FROM persons")) == 7


def test_empty_result_exits_zero_with_a_note(run: Run) -> None:
    for fmt, out in (("jsonl", ""), ("json", "[]\n"), ("table", ""),
                     ("csv", "claim_id,date,speaker,value,unit,qualifier,change,metric,metric_code,object,"
                             "period,period_start,period_end,countries,source_count,languages,source\n")):
        result = run("claims", "--unit", "XYZ", "-f", fmt)
        assert result.exit_code == 0
        assert result.stdout == out
        assert result.stderr == "no claims match\n"


def test_database_errors_are_one_line(tmp_path) -> None:
    from click.testing import CliRunner

    from archive.cli import cli

    url = f"sqlite:///{tmp_path / 'empty.sqlite'}"
    archive_db.make_engine(url).dispose()
    result = CliRunner().invoke(cli, ["--database", url, "meetings"])
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: database error") and len(result.stderr.splitlines()) == 1
