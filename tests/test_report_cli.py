"""`archive report NAME` and the views it reads, on both backends, with exact rows."""
from __future__ import annotations

from collections.abc import Callable

import pytest
import sqlalchemy as sa
from click.testing import Result
from sqlalchemy.orm import Session
from test_lookup_data import EVIL, build, jsonl

Run = Callable[..., Result]


@pytest.fixture
def run(run_cli: Run, session: Session) -> Run:
    build(session)
    return run_cli




@pytest.mark.parametrize(("args", "expected"), [
    (("country-pairs",), [
        {"country_a": "KZ", "country_b": "RU", "year": 2024, "meetings": 2},
        {"country_a": "CN", "country_b": "KZ", "year": 2024, "meetings": 1},
        {"country_a": "KZ", "country_b": "UZ", "year": 2024, "meetings": 1},
        {"country_a": "RU", "country_b": "UZ", "year": 2024, "meetings": 1},
        {"country_a": "KZ", "country_b": "UZ", "year": 2023, "meetings": 1},
    ]),
    (("country-pairs", "--country", "uz", "--since", "2024-01-01"), [
        {"country_a": "KZ", "country_b": "UZ", "year": 2024, "meetings": 1},
        {"country_a": "RU", "country_b": "UZ", "year": 2024, "meetings": 1},
    ]),
    (("most-quoted",), [
        {"speaker_id": 1, "speaker": "Әлихан Смайылов", "quotes": 3, "direct": 3, "reported": 0},
        {"speaker_id": 4, "speaker": "Abdulla Aripov", "quotes": 1, "direct": 1, "reported": 0},
        {"speaker_id": 2, "speaker": "Михаил Мишустин", "quotes": 1, "direct": 0, "reported": 1},
    ]),
    (("most-quoted", "--limit", "1"), [
        {"speaker_id": 1, "speaker": "Әлихан Смайылов", "quotes": 3, "direct": 3, "reported": 0},
    ]),
    (("claim-timeline", "--metric", "Trade Turnover"), [
        {"date": "2023-11-02", "value": 10000000000, "unit": "USD", "qualifier": "up_to", "change": None,
         "metric": "trade turnover", "period": "by 2030", "speaker": "Abdulla Aripov",
         "source": "https://example.kz/en/call-2023", "metric_code": "trade", "period_start": None,
         "period_end": "2030-12-31", "source_count": 1},
        {"date": "2024-06-20", "value": 41000000000, "unit": "USD", "qualifier": "approx", "change": None,
         "metric": "trade turnover", "period": "2023", "speaker": "Әлихан Смайылов",
         "source": "https://example.kz/kk/beijing-2024", "metric_code": "trade", "period_start": "2023-01-01",
         "period_end": "2023-12-31", "source_count": 1},
    ]),
    (("counterparts", "--person", "Смайылова"), [
        {"country": "RU", "country_name": "Russia", "meetings": 2, "first": "2024-03-14", "last": "2024-10-01"},
        {"country": "UZ", "country_name": "Uzbekistan", "meetings": 2, "first": "2023-11-02",
         "last": "2024-10-01"},
        {"country": "CN", "country_name": "China", "meetings": 1, "first": "2024-06-20", "last": "2024-06-20"},
    ]),
    (("counterparts", "--person", "Li Qiang"), [
        {"country": "KZ", "country_name": "Kazakhstan", "meetings": 1, "first": "2024-06-20",
         "last": "2024-06-20"},
    ]),
])
def test_reports_exact_rows(run: Run, args: tuple[str, ...], expected: list[dict]) -> None:
    assert jsonl(run("report", *args, "-f", "jsonl")) == expected


def test_report_table_format(run: Run) -> None:
    assert run("report", "most-quoted", "-f", "table").stdout == (
        "speaker_id  speaker          quotes  direct  reported\n"
        "----------  ---------------  ------  ------  --------\n"
        "1           Әлихан Смайылов  3       3       0\n"
        "4           Abdulla Aripov   1       1       0\n"
        "2           Михаил Мишустин  1       0       1\n")


@pytest.mark.parametrize(("args", "message"), [
    (("claim-timeline",), "needs --metric"),
    (("counterparts",), "needs --person"),
    (("no-such-report",), "Invalid value for 'NAME'"),
])
def test_report_usage_errors(run: Run, args: tuple[str, ...], message: str) -> None:
    result = run("report", *args)
    assert result.exit_code == 2 and message in result.stderr


def test_report_empty_result_note(run: Run) -> None:
    result = run("report", "claim-timeline", "--metric", "inflation", "-f", "jsonl")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "report claim-timeline: no rows\n")


def test_report_help_lists_reports(run_cli: Run) -> None:
    text = run_cli("report", "--help").stdout
    for name in ("country-pairs", "most-quoted", "claim-timeline", "counterparts"):
        assert name in text


# -- the views themselves ---------------------------------------------------------------------------

def test_views_have_the_documented_columns_and_rows(run: Run, engine: sa.Engine) -> None:
    expected_columns = {
        "v_participation": ["meeting_id", "date", "year", "kind", "person_id", "person", "name_as_written",
                            "position", "role", "country", "country_name", "city", "meeting_country",
                            "occasion", "article_id"],
        "v_meetings": ["meeting_id", "date", "year", "kind", "city", "country", "occasion",
                       "participant_count", "participants", "countries", "article_count", "sources",
                       "topic_codes", "topics"],
        "v_quotes": ["quote_id", "speaker_id", "speaker", "speaker_as_written", "direct", "text", "language",
                     "published", "article_id", "source", "meeting_id", "meeting_date", "countries"],
        "v_claims": ["claim_id", "speaker_id", "speaker", "value", "unit", "object", "metric", "metric_code",
                     "change", "qualifier", "period", "period_start", "period_end", "published", "article_id",
                     "source", "meeting_id", "meeting_date", "countries", "source_count", "languages"],
        "v_country_pairs": ["country_a", "country_b", "year", "meetings"],
        "v_claim_sources": ["claim_id", "article_id", "language", "published", "source", "outlet",
                            "speaker_as_written", "metric", "object", "period", "start", "end", "speaker_id",
                            "speaker", "value", "unit", "metric_code", "period_start", "period_end",
                            "meeting_id"],
        "v_meeting_topics": ["meeting_id", "date", "year", "kind", "topic_code", "countries", "article_count"],
        "v_topic_pairs": ["country_a", "country_b", "year", "topic_code", "meetings"],
    }
    counts = {"v_participation": 10, "v_meetings": 4, "v_quotes": 5, "v_claims": 4, "v_country_pairs": 5,
              "v_claim_sources": 4, "v_meeting_topics": 6, "v_topic_pairs": 9}
    with engine.connect() as conn:
        for view, columns in expected_columns.items():
            result = conn.execute(sa.text(f"SELECT * FROM {view}"))
            assert list(result.keys()) == columns, view
            assert len(result.all()) == counts[view], view
        row = conn.execute(sa.text("SELECT * FROM v_meetings WHERE meeting_id = 4")).mappings().one()
        assert dict(row) | {"date": str(row["date"])} == {
            "meeting_id": 4, "date": "2024-10-01", "year": 2024, "kind": "session", "city": "Yerevan",
            "country": "AM", "occasion": "Eurasian Intergovernmental Council meeting", "participant_count": 4,
            "participants": f"Әлихан Смайылов (KZ); Михаил Мишустин (RU); Abdulla Aripov (UZ); {EVIL}",
            "countries": "KZ,RU,UZ", "article_count": 1, "sources": "https://example.kz/en/eaic-yerevan",
            "topic_codes": "integration,trade", "topics": None}
        assert conn.execute(sa.text("SELECT direct, speaker_as_written FROM v_quotes WHERE quote_id = 2")
                            ).one() == (0, "Михаил Мишустин")
