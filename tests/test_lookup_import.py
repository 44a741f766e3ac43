"""End to end: `archive import` a few examples/ articles, then look an official up (both backends)."""
from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
Run = Callable[..., Result]


@pytest.fixture
def run(run_cli: Run) -> Run:
    files = [str(EXAMPLES / f"{lang}-smailov-aripov.txt") for lang in ("kk", "ru", "en")]
    result = run_cli("import", "-q", *files)
    assert result.exit_code == 0, result.output
    return run_cli


@pytest.mark.parametrize("name", ["Smailov", "Смаилов", "смайыловтың", "Әлихан Смайылов", "ALIKHAN SMAILOV"])
def test_imported_official_is_found_by_any_spelling(run: Run, name: str) -> None:
    result = run("official", name, "-f", "json")
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert {a["alias"] for a in doc["names"]} >= {"Alikhan Smailov", "Алихан Смаилов", "Әлихан Смайылов"}
    assert [m["date"] for m in doc["meetings"]] == ["2023-04-14"]          # three reports, one meeting
    assert doc["meetings"][0]["counterparts"] in ("Abdulla Aripov (UZ)", "Абдулла Арипов (UZ)")
    assert len(doc["meetings"][0]["sources"].split()) == 3
    assert doc["quotes"] and all(q["direct"] for q in doc["quotes"])


def test_imported_meetings_and_search(run: Run) -> None:
    rows = [json.loads(x) for x in run("meetings", "--with", "Арипов", "--with", "Smailov", "-f", "jsonl")
            .stdout.splitlines()]
    assert [(r["date"], r["countries"]) for r in rows] == [("2023-04-14", "KZ,UZ")]
    found = run("quotes", "--search", "сауда", "-f", "jsonl").stdout.splitlines()
    assert found and all(json.loads(x)["language"] == "kk" for x in found)


def test_each_of_smailovs_claims_at_the_meeting_is_one_claim_with_three_sources(run: Run) -> None:
    rows = [json.loads(x) for x in run("sql", "SELECT claim_id, value, unit, source_count, languages "
                                       "FROM v_claims WHERE countries = 'KZ,UZ' ORDER BY claim_id",
                                       "-f", "jsonl").stdout.splitlines()]
    assert len(rows) >= 3
    assert {(r["source_count"], r["languages"]) for r in rows} == {(3, "en,kk,ru")}
    values = [(r["value"], r["unit"]) for r in rows]
    assert len(values) == len(set(values))
