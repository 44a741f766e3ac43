"""The reports on codes and periods (topics, claim-consistency, country pairs of undated meetings),
--plot, tables that fit the terminal and `archive report --help`, on both backends."""
from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
import sqlalchemy as sa
from click.testing import Result
from sqlalchemy.orm import Session
from test_lookup_data import build, jsonl

from archive import output
from archive.models import Claim, ClaimSource, Meeting, MeetingArticle, MeetingParticipant
from archive.reports import plot

Run = Callable[..., Result]
EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def more_trade_claims(session: Session) -> None:
    """KZ–RU trade claims besides claim 1 (Smailov, over 28 bn USD in 2023, at meeting 1)."""
    session.add_all([
        Claim(id=5, article_id=4, meeting_id=4, speaker_id=2, speaker_name="Михаил Мишустин",
              value=Decimal("28500000000"), unit="USD", metric="товарооборот", metric_code="trade",
              change="increase", period="2023", period_start=dt.date(2023, 1, 1),
              period_end=dt.date(2023, 12, 31), start=0, end=5),
        Claim(id=6, article_id=1, meeting_id=1, speaker_id=2, speaker_name="Михаил Мишустин",
              value=Decimal("28000000000"), unit="USD", metric="trade", metric_code="trade", change="increase",
              period="2023", period_start=dt.date(2023, 1, 1), period_end=dt.date(2023, 12, 31), start=20,
              end=25),
        Claim(id=7, article_id=1, meeting_id=1, speaker_id=1, speaker_name="Алихан Смаилов",
              value=Decimal("25000000000"), unit="USD", metric="товарооборот", metric_code="trade",
              period="в 2022 году", period_start=dt.date(2022, 1, 1), period_end=dt.date(2022, 12, 31),
              start=30, end=35),
    ])
    session.flush()
    session.add_all([ClaimSource(claim_id=5, article_id=4, start=0, end=5),
                     ClaimSource(claim_id=5, article_id=1, start=40, end=45),
                     ClaimSource(claim_id=6, article_id=1, start=20, end=25),
                     ClaimSource(claim_id=7, article_id=1, start=30, end=35)])
    session.commit()


@pytest.fixture
def run(run_cli: Run, session: Session) -> Run:
    build(session)
    more_trade_claims(session)
    return run_cli


def test_topics_report(run: Run) -> None:
    assert jsonl(run("report", "topics", "-f", "jsonl")) == [
        {"country_a": a, "country_b": b, "year": y, "topic_code": c, "meetings": n} for a, b, y, c, n in (
            ("CN", "KZ", 2024, "investment", 1), ("KZ", "RU", 2024, "trade", 2), ("KZ", "RU", 2024, "energy", 1),
            ("KZ", "RU", 2024, "integration", 1), ("KZ", "UZ", 2024, "integration", 1),
            ("KZ", "UZ", 2024, "trade", 1), ("RU", "UZ", 2024, "integration", 1), ("RU", "UZ", 2024, "trade", 1),
            ("KZ", "UZ", 2023, "trade", 1))]
    assert [(r["year"], r["topic_code"]) for r in jsonl(run("report", "topics", "--between", "UZ", "kz",
                                                            "-f", "jsonl"))] == [
        (2024, "integration"), (2024, "trade"), (2023, "trade")]
    assert [r["topic_code"] for r in jsonl(run("report", "topics", "--country", "CN", "-f", "jsonl"))] == [
        "investment"]


def test_claim_consistency_report(run: Run) -> None:
    rows = jsonl(run("report", "claim-consistency", "--metric", "trade", "--between", "KZ", "RU", "-f", "jsonl"))
    common = {"unit": "USD", "change": "increase", "period_start": "2023-01-01", "period_end": "2023-12-31",
              "period": "2023", "values_in_period": 2, "spread": 500000000, "spread_pct": 1.75}
    assert rows == [
        {"period_start": "2022-01-01", "period_end": "2022-12-31", "period": "в 2022 году", "unit": "USD",
         "change": None, "value": 25000000000, "speakers": "Әлихан Смайылов", "claims": 1, "sources": 1,
         "values_in_period": 1, "spread": 0, "spread_pct": 0},
        {**common, "value": 28000000000, "speakers": "Михаил Мишустин; Әлихан Смайылов", "claims": 2,
         "sources": 2},
        {**common, "value": 28500000000, "speakers": "Михаил Мишустин", "claims": 1, "sources": 2},
    ]
    only_2023 = jsonl(run("report", "claim-consistency", "--metric", "trade", "--between", "RU", "KZ",
                          "--period", "2023", "-f", "jsonl"))
    assert [r["value"] for r in only_2023] == [28000000000, 28500000000]
    table = run("report", "claim-consistency", "--metric", "trade", "--between", "KZ", "RU", "-f", "csv")
    assert table.stdout.splitlines()[0] == ("period_start,period_end,period,unit,change,value,speakers,claims,"
                                            "sources,values_in_period,spread,spread_pct")
    assert table.stdout.splitlines()[2].endswith(",2,2,2,500000000,1.75")


@pytest.mark.parametrize(("args", "message"), [
    (("claim-consistency", "--metric", "trade"), "needs --metric TEXT and --between XX YY"),
    (("claim-consistency", "--between", "KZ", "RU"), "needs --metric TEXT and --between XX YY"),
    (("claim-timeline", "--metric", "trade", "--period", "2023-14"), "--period"),
    (("country-pairs", "--plot", "pairs.pdf"), "must end in .png or .svg"),
])
def test_usage_errors(run: Run, args: tuple[str, ...], message: str) -> None:
    result = run("report", *args)
    assert result.exit_code == 2 and message in result.stderr, result.stderr


def test_claim_timeline_matches_the_code_and_takes_a_period_and_a_pair(run: Run) -> None:
    rows = jsonl(run("report", "claim-timeline", "--metric", "trade", "--between", "KZ", "RU", "-f", "jsonl"))
    assert [(r["date"], r["value"], r["metric"]) for r in rows] == [
        ("2024-03-14", 28000000000, "товарооборот"), ("2024-03-14", 28000000000, "trade"),
        ("2024-03-14", 25000000000, "товарооборот"), ("2024-10-01", 28500000000, "товарооборот")]
    rows = jsonl(run("report", "claim-timeline", "--metric", "trade", "--period", "2022", "-f", "jsonl"))
    assert [r["value"] for r in rows] == [25000000000]


def test_an_undated_meeting_counts_under_its_articles_year(run: Run, session: Session) -> None:
    session.add(Meeting(id=5, kind="meeting", date=None))
    session.flush()
    session.add_all([MeetingArticle(meeting_id=5, article_id=3),          # published 2023-11-02
                     MeetingParticipant(id=50, meeting_id=5, person_id=1, country="KZ"),
                     MeetingParticipant(id=51, meeting_id=5, person_id=3, country="CN")])
    session.commit()
    assert jsonl(run("report", "country-pairs", "--between", "CN", "KZ", "-f", "jsonl")) == [
        {"country_a": "CN", "country_b": "KZ", "year": 2024, "meetings": 1},
        {"country_a": "CN", "country_b": "KZ", "year": 2023, "meetings": 1}]


# -- the examples -----------------------------------------------------------------------------------

@pytest.fixture
def examples(run_cli: Run) -> Run:
    result = run_cli("import", "-q", str(EXAMPLES))
    assert result.exit_code == 0, result.output
    return run_cli


def test_trade_claims_between_kz_and_uz_come_from_all_three_languages(examples: Run) -> None:
    rows = jsonl(examples("claims", "--metric", "trade", "--between", "KZ", "UZ", "-f", "jsonl"))
    smailov = [r for r in rows if r["speaker"] == "Alikhan Smailov"]
    assert len(smailov) >= 2
    assert {(r["source_count"], r["languages"]) for r in smailov} == {(3, "en,kk,ru")}
    assert all(r["countries"] == "KZ,UZ" for r in rows)


def test_claim_consistency_on_the_examples_works(examples: Run) -> None:
    result = examples("report", "claim-consistency", "--metric", "trade", "--between", "KZ", "RU", "-f", "jsonl")
    assert result.exit_code == 0, result.output              # no KZ–RU meeting among the examples
    result = examples("report", "claim-consistency", "--metric", "trade", "--between", "KZ", "UZ", "-f", "jsonl")
    assert result.exit_code == 0 and jsonl(result), result.output


# -- pictures ---------------------------------------------------------------------------------------

PLOTTED = [("country-pairs",), ("topics",), ("most-quoted",), ("counterparts", "--person", "Smailov"),
           ("claim-timeline", "--metric", "trade"),
           ("claim-consistency", "--metric", "trade", "--between", "KZ", "RU")]


@pytest.mark.parametrize("args", PLOTTED)
@pytest.mark.parametrize("suffix", ["png", "svg"])
def test_plot_draws_each_report(run: Run, tmp_path: Path, args: tuple[str, ...], suffix: str) -> None:
    pytest.importorskip("matplotlib", reason="--plot needs the optional extra: pip install '.[plot]'")
    path = tmp_path / f"report.{suffix}"
    result = run("report", *args, "--plot", str(path))
    assert result.exit_code == 0, result.output
    assert result.stdout == "" and f"drawn to {path}" in result.stderr
    head = path.read_bytes()[:200]
    assert head.startswith(b"\x89PNG") if suffix == "png" else b"<svg" in path.read_bytes()[:2000]


def test_plot_without_matplotlib_says_how_to_install_it(run: Run, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    for name in [m for m in sys.modules if m == "matplotlib" or m.startswith("matplotlib.")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "matplotlib", None)        # import matplotlib fails
    result = run("report", "country-pairs", "--plot", str(tmp_path / "pairs.png"))
    assert result.exit_code == 1
    assert "--plot needs matplotlib" in result.stderr and "pip install 'archive[plot]'" in result.stderr
    assert not (tmp_path / "pairs.png").exists()


def test_plot_of_nothing_draws_nothing(run: Run, tmp_path: Path) -> None:
    result = run("report", "claim-timeline", "--metric", "inflation", "--plot", str(tmp_path / "x.png"))
    assert result.exit_code == 0 and "no rows, nothing drawn" in result.stderr
    assert not (tmp_path / "x.png").exists()


def test_plot_data_without_matplotlib() -> None:
    pairs = [{"country_a": "KZ", "country_b": "RU", "year": 2024, "meetings": 2},
             {"country_a": "CN", "country_b": "KZ", "year": 2024, "meetings": 1},
             {"country_a": "KZ", "country_b": "RU", "year": 2023, "meetings": 3},
             {"country_a": "KZ", "country_b": "UZ", "year": None, "meetings": 1}]
    assert plot.year_bars(pairs) == (["2023", "2024", "undated"],
                                     {"KZ–RU": [3, 2, 0], "CN–KZ": [0, 1, 0], "KZ–UZ": [0, 0, 1]})
    assert plot.year_bars(pairs, top=1) == (["2023", "2024", "undated"], {"KZ–RU": [3, 2, 0], "other": [0, 1, 1]})
    topics = [{"country_a": "KZ", "country_b": "RU", "year": 2024, "topic_code": "trade", "meetings": 2},
              {"country_a": "KZ", "country_b": "RU", "year": 2023, "topic_code": "trade", "meetings": 1},
              {"country_a": "KZ", "country_b": "UZ", "year": 2024, "topic_code": "water", "meetings": 1}]
    assert plot.topic_bars(topics) == (["trade", "water"], {"KZ–RU": [3, 0], "KZ–UZ": [0, 1]})
    claims = [{"date": "2024-03-14", "value": Decimal("28e9"), "unit": "USD", "speaker": "A",
               "period_start": "2023-01-01", "period_end": "2023-12-31"},
              {"date": "2024-03-14", "value": 10, "unit": "USD", "speaker": "B", "period_start": None,
               "period_end": "2030-12-31"},
              {"date": "2024-03-14", "value": 21, "unit": "%", "change": "increase", "speaker": "A"},
              {"date": None, "value": 5, "unit": "t", "speaker": "C"}]
    D = dt.date
    assert plot.timeline(claims) == {
        "USD": {"A": [(D(2023, 12, 31), 28e9, D(2023, 1, 1), D(2023, 12, 31))],
                "B": [(D(2030, 12, 31), 10.0, None, None)]},
        "% (increase)": {"A": [(D(2024, 3, 14), 21.0, None, None)]}}
    assert plot.ranking([{"speaker": "A", "quotes": 3}, {"speaker": "B", "quotes": 1}], "speaker", "quotes",
                        top=1) == [("A", 3)]
    with pytest.raises(ValueError, match="png or .svg"):
        plot.figure_format("x.jpg")


# -- tables on a terminal ---------------------------------------------------------------------------

def test_tables_fit_the_terminal_and_wide_shows_everything(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(output, "terminal_width", lambda stream: 70)
    narrow = run("meetings", "-f", "table").stdout.splitlines()
    assert narrow and max(len(line) for line in narrow) <= 70
    assert any("…" in line for line in narrow)
    wide = run("meetings", "-f", "table", "--wide").stdout.splitlines()
    assert max(len(line) for line in wide) > 70 and "https://example.kz/kk/beijing-2024" in "\n".join(wide)
    assert not any("…" in line for line in wide)
    assert len(narrow) == len(wide)
    profile = run("official", "Smailov", "-f", "table").stdout
    meetings = profile[profile.index("Meetings ("):profile.index("Quotes (")].splitlines()
    assert max(len(line) for line in meetings) <= 70 and "…" in "".join(meetings)
    # 17 columns cannot fit 70 characters: empty ones go, then the last ones, named on stderr
    result = run("claims", "-f", "table")
    claims = result.stdout.splitlines()
    assert max(len(line) for line in claims) <= 70
    assert claims[0].split()[:4] == ["claim_id", "date", "speaker", "value"]
    assert "2024-06-20" in result.stdout and "41000000000" in result.stdout        # never cut
    assert "column(s) left out to fit the terminal: " in result.stderr and "source" in result.stderr
    assert "object" not in result.stderr                                          # empty: no loss
    monkeypatch.setattr(output, "terminal_width", lambda stream: None)      # not a terminal: cut at 80
    piped = run("quotes", "-f", "table").stdout.splitlines()
    assert max(len(line) for line in piped) > 70
    assert all(len(cell) <= output.TABLE_CELL_MAX for line in piped for cell in line.split("  "))


def test_report_help_lists_one_report_per_line(run_cli: Run) -> None:
    text = run_cli("report", "--help").stdout
    lines = text[text.index("Reports:"):].splitlines()[1:]
    names = [line.split()[0] for line in lines if line.strip()]
    assert names == ["country-pairs", "topics", "most-quoted", "claim-timeline", "claim-consistency",
                     "counterparts"]
    assert all(len(line) <= 80 for line in text.splitlines())


@pytest.mark.parametrize(("widths", "total", "expected"), [
    ([10, 40, 5], 80, [10, 40, 5]),
    ([10, 40, 5], 40, [10, 21, 5]),
    ([30, 30], 40, [19, 19]),
    ([9, 9, 9], 10, [8, 8, 8]),            # never below the floor: the line stays too long
    ([3, 50], 20, [3, 15]),
])
def test_fit_widths(widths: list[int], total: int, expected: list[int]) -> None:
    assert output.fit_widths(widths, total) == expected


def test_fit_table_leaves_out_empty_then_last_columns_and_never_cuts_numbers() -> None:
    columns = ["id", "name", "empty", "value", "note"]
    cells = [["1", "Әлихан Смайылов", "", "4600000000", "a long note " * 3]]
    assert output.fit_table(columns, cells, 200) == ([0, 1, 2, 3, 4], [2, 15, 5, 10, 36])
    assert output.fit_table(columns, cells, 40) == ([0, 1, 3, 4], [2, 11, 10, 11])
    assert output.fit_table(columns, cells, 30) == ([0, 1, 3], [2, 14, 10])
    assert output.fit_table(columns, cells, 5) == ([0], [2])


def test_render_fits_cells_and_headers() -> None:
    import io

    out = io.StringIO()
    output.render([{"name": "Әлихан Смайылов", "text": "x" * 100}], ["name", "text"], "table", out, width=30)
    lines = out.getvalue().splitlines()
    assert max(len(line) for line in lines) <= 30
    assert lines[2] == "Әлихан Смайыл…  xxxxxxxxxxxxx…"
    assert lines[0] == "name" + " " * 12 + "text"


def test_views_of_codes_are_readable_with_sql(run: Run, engine: sa.Engine) -> None:
    for view in ("v_topic_pairs", "v_meeting_topics", "v_claim_sources"):
        result = run("sql", f"SELECT * FROM {view}", "-f", "json")
        assert result.exit_code == 0, result.output
        assert json.loads(result.stdout)
