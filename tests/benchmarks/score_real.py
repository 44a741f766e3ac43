"""Score the extractor on the real-article development set (tests/real/), when its texts are present.

    .venv/bin/python tests/benchmarks/score_real.py --texts DIR [--blind | --all] [--lang kk] [--by-article]

The texts are real pages and are not in the repository: tests/real/manifest.jsonl says, for each
article id, its URL and the `search` query (corpus `pages`) and rank that found it; DIR holds them as
<id>.txt (front matter with the url, then the page text exactly as the search gave it). Missing texts
are listed with what re-creates them; the present ones are extracted and scored with
../shared/eval/score.py against tests/real/gold.jsonl, per language.

By default only the development part is scored; the blind third (manifest "blind": true) is kept for
a final measurement (--blind), --all scores both.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
REAL = ROOT / "tests" / "real"
ROWS = (("overall", "overall"), ("participants", "participants.f1"), ("meeting", "meeting.mean"),
        ("outlet", "outlet.accuracy"), ("direct e2e", "direct_quotes.e2e_f1"),
        ("reported e2e", "reported_speech.e2e_f1"), ("claims e2e", "claims.e2e_f1"), ("topics", "topics.f1"),
        ("topic codes", "topic_codes.f1"), ("canonical", "canonical"))


def load(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def pick(summary: dict, dotted: str) -> float | None:
    v: object = summary
    for part in dotted.split("."):
        v = v.get(part) if isinstance(v, dict) else None
    return v if isinstance(v, (int, float)) else None


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--texts", type=Path, default=os.environ.get("ARCHIVE_REAL_TEXTS"),
                    help="folder of <id>.txt (default: $ARCHIVE_REAL_TEXTS)")
    part = ap.add_mutually_exclusive_group()
    part.add_argument("--blind", action="store_true", help="score the blind third only")
    part.add_argument("--all", action="store_true", help="score every article")
    ap.add_argument("--lang", choices=("kk", "ru", "en"))
    ap.add_argument("--by-article", action="store_true", help="also print score.py's per-article list")
    ap.add_argument("--score", type=Path, default=ROOT.parent / "shared" / "eval" / "score.py")
    args = ap.parse_args()
    if args.texts is None:
        ap.error("give --texts DIR (or set ARCHIVE_REAL_TEXTS): the real texts are not in the repository")
    manifest = [m for m in load(REAL / "manifest.jsonl")
                if (args.all or m["blind"] == args.blind) and (args.lang is None or m["language"] == args.lang)]
    missing = [m for m in manifest if not (args.texts / f"{m['id']}.txt").exists()]
    for m in missing:
        print(f"missing {m['id']}: {m['url']}  (search corpus 'pages', query {m['query']!r}, rank {m['rank']})",
              file=sys.stderr)
    present = [m for m in manifest if m not in missing]
    if missing:
        print(f"{len(missing)} of {len(manifest)} texts missing in {args.texts}; scoring the {len(present)} present",
              file=sys.stderr)
    if not present:
        return 1

    sys.path.insert(0, str(ROOT))
    from archive.extract.pipeline import extract_article
    from archive.read.sources import ReadFailure, ReadOptions, read_path

    ids = {m["id"] for m in present}
    with tempfile.TemporaryDirectory() as tmp:
        pred_path, gold_path = Path(tmp) / "pred.jsonl", Path(tmp) / "gold.jsonl"
        with pred_path.open("w", encoding="utf-8") as out:
            for m in present:
                for raw in read_path(args.texts / f"{m['id']}.txt", ReadOptions()):
                    if isinstance(raw, ReadFailure):
                        print(f"{m['id']}: {raw.reason}", file=sys.stderr)
                        continue
                    try:
                        out.write(json.dumps(extract_article(raw).to_dict(), ensure_ascii=False) + "\n")
                    except Exception as error:  # noqa: BLE001 - a failure scores as an empty prediction
                        print(f"{m['id']}: extraction failed: {error}", file=sys.stderr)
        gold_path.write_text("".join(json.dumps(g, ensure_ascii=False) + "\n"
                                     for g in load(REAL / "gold.jsonl") if g["id"] in ids), encoding="utf-8")
        langs = [args.lang] if args.lang else sorted({m["language"] for m in present}, key="kk ru en".index)
        table = {}
        for lang in langs:
            run = subprocess.run([sys.executable, str(args.score), str(gold_path), str(pred_path), "--json",
                                  "--lang", lang, *(["--by-article"] if args.by_article else [])],
                                 capture_output=True, text=True, check=True)
            table[lang] = json.loads(run.stdout)
            if args.by_article:
                for aid, found in table[lang].get("by_article", {}).items():
                    for item in found:
                        print(f"{aid}  {item['component']:<16} {item['kind']:<8} {item['item']}")
    which = "blind third" if args.blind else "all" if args.all else "development part"
    print(f"real articles, {which}: " + ", ".join(f"{lang} {table[lang]['articles']}" for lang in langs))
    print(f"{'':16}" + "".join(f"{lang:>8}" for lang in langs))
    for label, key in ROWS:
        cells = [pick(table[lang], key) for lang in langs]
        print(f"{label:16}" + "".join(f"{v:8.3f}" if v is not None else f"{'-':>8}" for v in cells))
    return 0


if __name__ == "__main__":
    sys.exit(main())
