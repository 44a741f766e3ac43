"""Compare extract_claims and find_dates with the dev-corpus gold (not a test; run by hand).

Usage: .venv/bin/python tests/benchmarks/claims_vs_gold.py [-v] [CORPUS_DIR]
Per language: precision/recall of claims matched on value (within 0.5 %) and unit, then how many of
the matched also have qualifier, change and span right; object/metric/period accuracy (stem overlap
as in score.py); meeting-date accuracy of the first full date mention; time per article.
"""
from __future__ import annotations

import json
import sys
import time
from collections import defaultdict
from pathlib import Path

from archive.extract.dates import find_dates
from archive.extract.numbers import extract_claims
from archive.extract.segment import sentences
from archive.read.text import read_text_file


def stems(s):
    import re
    s = (s or "").casefold().replace("ё", "е")
    return {t[:6] for t in re.findall(r"\w+", s)}


def overlap_ok(g, p):
    if not g and not p:
        return True
    a, b = stems(g), stems(p)
    return bool(a and b) and len(a & b) / min(len(a), len(b)) >= 0.5


def main() -> None:
    verbose = "-v" in sys.argv
    args = [a for a in sys.argv[1:] if a != "-v"]
    corpus = Path(args[0] if args else "/work/shared/corpus")
    golds = [json.loads(line) for line in (corpus / "gold.jsonl").open(encoding="utf-8")]
    for lang in ("kk", "ru", "en"):       # compile the grammars before timing
        extract_claims("1", sentences("1"), lang)
    t = defaultdict(lambda: defaultdict(int))
    elapsed, n_articles = 0.0, 0
    for g in golds:
        lang = g["language"]
        art = read_text_file(corpus / f"{g['id']}.txt")
        body, pub = art.body, art.published
        t0 = time.perf_counter()
        sents = sentences(body)
        preds = extract_claims(body, sents, lang, pub)
        dates = find_dates(body, lang, pub)
        elapsed += time.perf_counter() - t0
        n_articles += 1
        T = t[lang]
        T["gold"] += len(g["claims"])
        T["pred"] += len(preds)
        used = set()
        for gc in g["claims"]:
            hit = None
            for j, p in enumerate(preds):
                if j in used or p.unit != gc["unit"]:
                    continue
                a, b = float(p.value), float(gc["value"])
                if abs(a - b) <= 0.005 * max(abs(a), abs(b)) and (hit is None or abs(p.start - gc["start"]) <
                                                                  abs(preds[hit].start - gc["start"])):
                    hit = j
            if hit is None:
                if verbose:
                    print(f"  MISS {g['id']}: {body[gc['start']:gc['end']]!r} {gc['value']} {gc['unit']}")
                continue
            used.add(hit)
            p = preds[hit]
            T["tp"] += 1
            full = p.qualifier == gc["qualifier"] and p.change == gc["change"]
            T["vuqc"] += full
            T["span"] += (p.start, p.end) == (gc["start"], gc["end"])
            for f in ("object", "metric", "period"):
                ok = overlap_ok(gc[f], getattr(p, f))
                T[f] += ok
                if verbose and not ok:
                    print(f"  {f:7} {g['id']}: {body[p.start:p.end]!r} pred={getattr(p, f)!r} gold={gc[f]!r}")
            if verbose and (not full or (p.start, p.end) != (gc["start"], gc["end"])):
                print(f"  WRONG {g['id']}: {body[p.start:p.end]!r} q={p.qualifier}/{gc['qualifier']} "
                      f"c={p.change}/{gc['change']} span={body[p.start:p.end]!r}/{body[gc['start']:gc['end']]!r}")
        if verbose:
            for j, p in enumerate(preds):
                if j not in used:
                    print(f"  EXTRA {g['id']}: {body[p.start:p.end]!r} {p.value} {p.unit} ctx="
                          f"{body[max(0, p.start - 30):p.end + 30]!r}")
        gold_date = g["meetings"][0]["date"] if g["meetings"] else None
        full = [d for d in dates if d.date and not d.relative]
        pred_date = full[0].date if full else None
        T["dates"] += 1
        T["date_ok"] += pred_date == gold_date
        if verbose and pred_date != gold_date:
            print(f"  DATE {g['id']}: pred={pred_date} gold={gold_date}")
    print(f"{'lang':4} {'gold':>4} {'pred':>4} {'P(v+u)':>7} {'R(v+u)':>7} {'P(all)':>7} {'R(all)':>7} "
          f"{'span':>5} {'object':>6} {'metric':>6} {'period':>6} {'dates':>6}")
    for lang, T in t.items():
        P = T["tp"] / T["pred"] if T["pred"] else 0
        R = T["tp"] / T["gold"] if T["gold"] else 0
        P2 = T["vuqc"] / T["pred"] if T["pred"] else 0
        R2 = T["vuqc"] / T["gold"] if T["gold"] else 0
        tp = T["tp"] or 1
        print(f"{lang:4} {T['gold']:4} {T['pred']:4} {P:7.2f} {R:7.2f} {P2:7.2f} {R2:7.2f} "
              f"{T['span'] / tp:5.2f} {T['object'] / tp:6.2f} {T['metric'] / tp:6.2f} {T['period'] / tp:6.2f} "
              f"{T['date_ok']}/{T['dates']}")
    print(f"{elapsed / n_articles * 1000:.2f} ms per article (claims + dates, incl. segmentation)")


if __name__ == "__main__":
    main()
