"""`archive extract` on every input kind, with per-article errors that never stop the others."""
import json
from pathlib import Path

from click.testing import CliRunner

from archive.cli import cli

FIXTURES = Path(__file__).parent / "fixtures"
EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def test_json_records_for_files_and_json_lines(tmp_path: Path) -> None:
    lines = tmp_path / "feed.jsonl"
    text = "President Kassym-Jomart Tokayev met Prime Minister of Japan Fumio Kishida in Tokyo."
    lines.write_text(json.dumps({"id": "tokyo", "published": "2024-01-01", "text": text}) + "\n"
                     + json.dumps({"id": "tokyo-kz", "url": "https://www.inform.kz/en/tokyo", "text": text}) + "\n",
                     encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(FIXTURES / "kk-baku-e2e.txt"), str(lines), "--json"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.output.splitlines()]
    assert [r["id"] for r in records] == ["kk-baku-e2e", "tokyo", "tokyo-kz"]
    # no outlet and nothing in the text says whose President: no state; a Kazakh site's President is Kazakh
    assert [p["country"] for p in records[1]["meetings"][0]["participants"]] == [None, "JP"]
    assert [p["country"] for p in records[2]["meetings"][0]["participants"]] == ["KZ", "JP"]
    assert records[2]["outlet"] == "Kazinform"


def test_stdin_and_summary() -> None:
    text = (FIXTURES / "kk-baku-e2e.txt").read_text(encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", "-"], input=text)
    assert result.exit_code == 0
    assert "participant: Әли Асадов | Премьер-министр | head_of_government | AZ" in result.output


def test_bad_articles_are_reported_and_the_rest_extracted(tmp_path: Path) -> None:
    (tmp_path / "a-good.txt").write_text((FIXTURES / "kk-baku-e2e.txt").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "b-cp1251.txt").write_bytes("Премьер-министр кездесті.".encode("cp1251"))
    (tmp_path / "c-kyrgyz.txt").write_text(
        "Кыргыз Республикасынын Президенти Садыр Жапаров бүгүн Бишкекте чет элдик инвесторлор менен "
        "жолугушту жана экономикалык кызматташтыкты талкуулады.", encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(tmp_path), "--json"])
    assert result.exit_code == 1
    assert [json.loads(x)["id"] for x in result.stdout.splitlines()] == ["a-good"]
    assert "b-cp1251.txt: not UTF-8" in result.stderr and "c-kyrgyz.txt" in result.stderr


def test_explain_names_the_rule_behind_each_field(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["extract", "--explain", str(FIXTURES / "kk-baku-e2e.txt")])
    assert result.exit_code == 0, result.output
    explained = result.output.split("explain:\n", 1)[1]
    for field in ("outlet", "home country", "participant Әли Асадов", "person Әли Асадов"):
        assert f"  {field}" in explained, field
    assert "found by: quotation marks" in explained and "→ speaker" in explained
    assert "takes part:" in explained


def test_explain_on_every_example_and_corpus_article() -> None:
    corpus = Path(__file__).resolve().parents[2] / "shared" / "corpus"
    paths = [str(EXAMPLES)] + ([str(corpus)] if corpus.is_dir() else [])
    result = CliRunner().invoke(cli, ["extract", "--explain", "--glob", "*.txt", *paths])
    assert result.exit_code == 0, result.output
    assert result.output.count("explain:") == result.output.count("== ")
