#!/usr/bin/env python3
"""Check gold records against their texts: shape, vocabularies, offsets.

Usage: python check_gold.py GOLD.jsonl TEXTS_DIR
Body of a text = the file minus a leading front-matter block (--- ... ---) and the newline after it.
Every quote/claim must satisfy body[start:end] == text (quotes) / the number's own text (claims).
"""
import json
import re
import sys
from pathlib import Path

KINDS = {"meeting", "talks", "phone_call", "video_call", "visit", "summit", "session"}
ROLES = {"head_of_state", "head_of_government", "deputy_head_of_government", "minister", "deputy_minister",
         "ambassador", "head_of_organization", "legislator", "regional_head", "other"}
QUAL = {None, "approx", "over", "under", "up_to"}
CHANGE = {None, "increase", "decrease"}
TOPICS = set("political trade investment industry energy mining transport agriculture water finance digital "
             "science education health culture tourism environment security migration regional international "
             "integration".split())
METRICS = set("trade exports imports investment project_count project_value enterprise_count jobs document_count "
              "gdp production freight funding people_count water other".split())
FRONT = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.S)
YM = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def body_of(path):
    t = path.read_text(encoding="utf-8")
    m = FRONT.match(t)
    return t[m.end():] if m else t


def main():
    gold = Path(sys.argv[1])
    texts = Path(sys.argv[2])
    errors = 0
    def err(aid, msg):
        nonlocal errors
        errors += 1
        print(f"{aid}: {msg}")
    for n, line in enumerate(gold.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            r = json.loads(line)
        except ValueError as e:
            err(f"line {n}", f"bad JSON: {e}")
            continue
        aid = r.get("id")
        f = texts / f"{aid}.txt"
        if not f.exists():
            err(aid, f"no text {f}")
            continue
        body = body_of(f)
        for k in ("id", "language", "title", "published", "outlet", "via", "meetings", "quotes", "claims"):
            if k not in r:
                err(aid, f"missing key {k}")
        if r.get("language") not in ("kk", "ru", "en"):
            err(aid, "language must be kk/ru/en")
        if r.get("published") is not None and not DATE.match(str(r["published"])):
            err(aid, "published must be YYYY-MM-DD or null")
        for i, m in enumerate(r.get("meetings") or []):
            w = f"meetings[{i}]"
            if m.get("kind") not in KINDS:
                err(aid, f"{w}.kind {m.get('kind')!r}")
            if m.get("date") is not None and not DATE.match(str(m["date"])):
                err(aid, f"{w}.date {m.get('date')!r}")
            if m.get("country") is not None and not re.match(r"^[A-Z]{2}$", str(m["country"])):
                err(aid, f"{w}.country {m.get('country')!r}")
            for k in ("city", "occasion", "participants", "topics", "topic_codes"):
                if k not in m:
                    err(aid, f"{w} missing {k}")
            for c in m.get("topic_codes") or []:
                if c not in TOPICS:
                    err(aid, f"{w}.topic_codes bad code {c!r}")
            for j, p in enumerate(m.get("participants") or []):
                if not p.get("name"):
                    err(aid, f"{w}.participants[{j}] no name")
                if p.get("role") not in ROLES:
                    err(aid, f"{w}.participants[{j}].role {p.get('role')!r}")
                if p.get("country") is not None and not re.match(r"^[A-Z]{2}$", str(p["country"])):
                    err(aid, f"{w}.participants[{j}].country {p.get('country')!r}")
        for i, q in enumerate(r.get("quotes") or []):
            s, e = q.get("start"), q.get("end")
            if not isinstance(s, int) or not isinstance(e, int) or body[s:e] != q.get("text"):
                hint = body.find(q.get("text") or "\0")
                err(aid, f"quotes[{i}] offsets {s}:{e} do not give its text (str.find gives {hint})")
            if not isinstance(q.get("direct"), bool):
                err(aid, f"quotes[{i}].direct must be true/false")
        for i, c in enumerate(r.get("claims") or []):
            s, e = c.get("start"), c.get("end")
            if not isinstance(s, int) or not isinstance(e, int) or not (0 <= s < e <= len(body)):
                err(aid, f"claims[{i}] bad offsets {s}:{e}")
            elif not re.search(r"\d|[^\W\d_]", body[s:e]):
                err(aid, f"claims[{i}] span {body[s:e]!r} has no number")
            v = c.get("value")
            if not isinstance(v, (int, float)) or isinstance(v, bool):
                err(aid, f"claims[{i}].value must be a number")
            if c.get("qualifier") not in QUAL:
                err(aid, f"claims[{i}].qualifier {c.get('qualifier')!r}")
            if c.get("change") not in CHANGE:
                err(aid, f"claims[{i}].change {c.get('change')!r}")
            if c.get("metric_code") is not None and c.get("metric_code") not in METRICS:
                err(aid, f"claims[{i}].metric_code {c.get('metric_code')!r}")
            for k in ("period_start", "period_end"):
                if k not in c:
                    err(aid, f"claims[{i}] missing {k}")
                elif c[k] is not None and not YM.match(str(c[k])):
                    err(aid, f"claims[{i}].{k} {c[k]!r} must be YYYY-MM or null")
            for k in ("speaker", "unit", "object", "metric", "period", "metric_code"):
                if k not in c:
                    err(aid, f"claims[{i}] missing {k}")
    print(f"{errors} problem(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
