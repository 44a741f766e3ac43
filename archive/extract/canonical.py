"""The canonical vocabulary (FORMAT.md, "Canonical vocabulary"): the meaning of topics, metrics and
periods in a form that is the same in every language.

- ``topic_codes``: the subjects a meeting addressed, from the signal words of the meeting's topics,
  of the statements made at it and of the sentences that report it (what the sides discussed,
  reviewed, agreed on or signed; not background or activities beside the talks); plus what the
  claims measure and who took part (shared tables);
- ``metric_code``: what a claim's number measures, from its metric, object and unit words (the
  clause the number stands in when those say nothing);
- ``resolve_period``: the claim's period as calendar months against the reference date (the
  meeting's date, else the publication date).

One mechanism for every language; the words come from `<lang>/data/canonical.yaml` (signal words
as word-start patterns, the period grammar) and the shared tables from `data/canonical.yaml`.
Every pattern runs over a short text (a topic, a clause, a period) or once over the body, so the
work stays linear in the text.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from archive.extract.lexicon import lexicon
from archive.extract.numbers import ClaimCue
from archive.extract.segment import Span
from archive.record import METRIC_CODES, TOPIC_CODES, Claim

FLAGS = re.IGNORECASE | re.UNICODE
SHARED = Path(__file__).resolve().parent / "data" / "canonical.yaml"
SAME = "same"          # a period that refers back ("бұл кезеңде", "за этот период"): the previous claim's
Month = tuple[int, int]  # (year, month)


@cache
def _shared() -> dict[str, Any]:
    import yaml

    with SHARED.open(encoding="utf-8") as fh:
        return yaml.safe_load(fh) or {}


def _alt(patterns: Iterable[str]) -> str:
    return "|".join(f"(?:{p})" for p in patterns)


def _longest_first(words: Iterable[str] | None) -> list[str]:
    return sorted(words or (), key=len, reverse=True)


def _which(m: re.Match[str], prefix: str) -> int:
    name = m.lastgroup or ""
    return int(name[len(prefix):]) if name.startswith(prefix) and name[len(prefix):].isdigit() else -1


@dataclass(frozen=True, slots=True)
class _PeriodRule:
    rxs: tuple[re.Pattern[str], ...]   # any of them (each may use the placeholders once)
    kind: str
    start: str | None     # a fixed start month ("since independence": 1991-12)

    def search(self, text: str) -> re.Match[str] | None:
        for rx in self.rxs:
            m = rx.search(text)
            if m:
                return m
        return None


@dataclass(frozen=True, slots=True)
class _Canon:
    """One language's compiled canonical grammar."""
    topics: re.Pattern[str] | None       # group t<i> signals the codes topic_names[i] (none: a phrase passed over)
    topic_names: tuple[tuple[str, ...], ...]
    agenda: re.Pattern[str] | None       # verbs of discussing, agreeing, signing
    passing: re.Pattern[str] | None      # background and activities beside the talks
    metric_rxs: tuple[re.Pattern[str], ...]   # the words of metric_rules[i]
    metric_rules: tuple[tuple[str, frozenset[str]], ...]   # code, the unit kinds it applies to
    periods: tuple[_PeriodRule, ...]
    this_year: re.Pattern[str] | None
    last_year: re.Pattern[str] | None
    next_year: re.Pattern[str] | None
    parts: tuple[_PeriodRule, ...]
    stock: re.Pattern[str] | None
    numbers: dict[str, int]
    months: tuple[tuple[int, re.Pattern[str]], ...]
    topic_index: _FirstLetters | None = None   # the topic alternatives by the letter they can start with


class _FirstLetters:
    r"""A big alternation of topic signals, tried only with the alternatives that can start with the
    letter at hand (the first letters each alternative can take, read from its parsed pattern); one
    sub-pattern per letter, compiled when first needed. Same matches as the whole alternation with
    `(?<!\w)` in front, at a fraction of the cost: at each word start Python's engine would otherwise
    try every alternative in turn."""

    def __init__(self, alternatives: list[str], flags: int):
        from re import _parser

        self.flags = flags
        self.alternatives = alternatives
        self.by_letter: dict[str, list[int]] = {}
        self.anywhere: list[int] = []
        for k, alt in enumerate(alternatives):
            try:
                letters = _first_letters(list(_parser.parse(alt, flags)))
            except Exception:  # noqa: BLE001 - an alternative we cannot read is tried everywhere
                letters = None
            if letters is None:
                self.anywhere.append(k)
            else:
                for c in letters:
                    self.by_letter.setdefault(c, []).append(k)
        self._compiled: dict[str, re.Pattern[str] | None] = {}

    def pattern_for(self, letter: str) -> re.Pattern[str] | None:
        if letter not in self._compiled:
            ks = sorted({*self.by_letter.get(letter, ()), *self.anywhere})
            self._compiled[letter] = re.compile(
                "(?:" + "|".join(f"(?P<t{k}>{self.alternatives[k]})" for k in ks) + ")", self.flags) if ks else None
        return self._compiled[letter]


def _first_letters(nodes: list[Any]) -> set[str] | None:
    """The lower-cased characters a parsed pattern can start with, or None when it may start anywhere."""
    from re import _constants as K

    for op, av in nodes:
        if op is K.LITERAL:
            return {chr(av).lower()}
        if op is K.IN:
            out: set[str] = set()
            for iop, iav in av:
                if iop is K.LITERAL:
                    out.add(chr(iav).lower())
                elif iop is K.RANGE and iav[1] - iav[0] <= 200:
                    out.update(chr(c).lower() for c in range(iav[0], iav[1] + 1))
                else:
                    return None
            return out
        if op is K.BRANCH:
            out = set()
            for alt in av[1]:
                got = _first_letters(list(alt))
                if got is None:
                    return None
                out |= got
            return out
        if op is K.SUBPATTERN:
            return _first_letters(list(av[-1]))
        if op in (K.MAX_REPEAT, K.MIN_REPEAT):
            return _first_letters(list(av[2])) if av[0] >= 1 else None
        if op in (K.AT, K.ASSERT, K.ASSERT_NOT):
            continue
        return None
    return None


WORD_START = re.compile(r"(?<!\w)(?=\S)")


def _placeholders(pattern: str, month: str, number: str, ordinal: str) -> str:
    return (pattern.replace("{year2}", r"(?P<year2>(?:19|20)\d{2}|\d{2})")
            .replace("{year}", r"(?P<year>(?:19|20)\d{2})")
            .replace("{month2}", f"(?P<month2>{month})(?!\\w)").replace("{month}", f"(?P<month>{month})(?!\\w)")
            .replace("{n}", f"(?P<n>{number})").replace("{nth}", f"(?P<nth>{ordinal})"))


@cache
def _canon(lang: str) -> _Canon:
    try:
        d = lexicon(lang, "canonical") or {}
    except FileNotFoundError:       # a language without canonical words: codes stay empty
        d = {}
    # compounds ("су-энергетика": water and energy) and one code's words; at one place the phrases to
    # pass over are tried first, then the longest pattern, so that a phrase wins over the word it
    # starts with ("азық-түлік қауіпсіздігі", "Межпарламентская Ассамблея СНГ")
    signals = [(w, tuple(c["codes"])) for c in d.get("topic_compounds") or () for w in c.get("words") or ()]
    signals += [(w, (code,)) for code, ws in (d.get("topics") or {}).items() for w in ws or ()]
    unknown = sorted({code for _, codes in signals for code in codes if code not in TOPIC_CODES})
    if unknown:
        raise ValueError(f"{lang}/data/canonical.yaml: unknown topic codes {unknown}")
    ordered = [(w, ()) for w in _longest_first(d.get("topic_ignore"))]
    ordered += sorted(signals, key=lambda item: len(item[0]), reverse=True)
    topic_rx = re.compile(rf"(?<!\w)(?:{'|'.join(f'(?P<t{k}>{w})' for k, (w, _) in enumerate(ordered))})",
                          FLAGS) if signals else None
    rules = [(r["code"], list(r.get("words") or ()), frozenset(r.get("units") or ())) for r in d.get("metrics") or ()]
    bad = [code for code, _, _ in rules if code not in METRIC_CODES]
    if bad:
        raise ValueError(f"{lang}/data/canonical.yaml: unknown metric codes {bad}")

    dates = lexicon(lang, "dates") or {}
    month_forms = {int(k): list(v) for k, v in (dates.get("months") or {}).items()}
    month = _alt(f for forms in month_forms.values() for f in forms) or "(?!)"
    numerals = {str(k).casefold(): int(v) for k, v in ((lexicon(lang, "numbers") or {}).get("numerals") or {}).items()
                if float(v) == int(v) and 1 <= int(v) <= 100}
    numerals.update({str(k).casefold(): int(v) for k, v in (d.get("numbers") or {}).items()})
    ordinals = {str(k).casefold(): int(v) for k, v in (d.get("ordinals") or {}).items()}
    number = _alt([r"\d{1,3}", *(re.escape(w) for w in sorted(numerals, key=len, reverse=True))])
    ordinal = _alt([re.escape(w) for w in sorted(ordinals, key=len, reverse=True)] or ["(?!)"])

    def rule(item: dict[str, Any]) -> _PeriodRule:
        patterns = item["pattern"] if isinstance(item["pattern"], list) else [item["pattern"]]
        rxs = tuple(re.compile(rf"(?<!\w)(?:{_placeholders(p, month, number, ordinal)})", FLAGS) for p in patterns)
        return _PeriodRule(rxs, str(item["kind"]), item.get("start"))

    def words(key: str) -> re.Pattern[str] | None:
        items = d.get(key) or ()
        return re.compile(rf"(?<!\w)(?:{_alt(items)})", FLAGS) if items else None

    return _Canon(
        topics=topic_rx, topic_names=tuple(codes for _, codes in ordered),
        agenda=words("agenda"), passing=words("passing"),
        metric_rxs=tuple(re.compile(rf"(?<!\w)(?:{_alt(w)})", FLAGS) for _, w, _ in rules),
        metric_rules=tuple((code, units) for code, _, units in rules),
        periods=tuple(rule(p) for p in d.get("periods") or ()),
        this_year=words("this_year"), last_year=words("last_year"), next_year=words("next_year"),
        parts=tuple(rule(p) for p in d.get("period_parts") or ()),
        stock=words("stock"),
        numbers={**numerals, **ordinals},
        months=tuple((n, re.compile(_alt(forms), FLAGS)) for n, forms in month_forms.items()),
        topic_index=_FirstLetters([w for w, _ in ordered], FLAGS) if signals else None,
    )


# ------------------------------------------------------------------ topic codes

def _signals(C: _Canon, text: str, start: int = 0, end: int | None = None) -> set[str]:
    """The topic codes signalled in text[start:end] (what `C.topics.finditer` finds, faster)."""
    found: set[str] = set()
    if C.topic_index is None:
        return found
    end = len(text) if end is None else end
    pos = start
    for w in WORD_START.finditer(text, start, end):
        p = w.start()
        if p < pos:
            continue
        rx = C.topic_index.pattern_for(text[p].lower())
        m = rx.match(text, p, end) if rx is not None else None
        if m is None:
            continue
        i = _which(m, "t")
        if i >= 0:
            found.update(C.topic_names[i])
        pos = max(m.end(), p + 1)
    return found


def agenda_sentences(body: str, sentences: Sequence[Span], lang: str) -> list[Span]:
    """The sentences that say the sides discussed, reviewed, agreed on or signed something."""
    C = _canon(lang)
    if C.agenda is None or not sentences:
        return []
    starts = [s.start for s in sentences]
    out: list[Span] = []
    for m in C.agenda.finditer(body):
        i = bisect.bisect_right(starts, m.start()) - 1
        if i >= 0 and m.start() < sentences[i].end and (not out or out[-1] != sentences[i]):
            out.append(sentences[i])
    return out


def report_sentences(body: str, sentences: Sequence[Span], lang: str) -> list[Span]:
    """The sentences that report the meeting: all but background (a recall of earlier events) and
    activities beside the talks (a tour of sites, flowers laid)."""
    C = _canon(lang)
    if C.passing is None:
        return list(sentences)
    starts = [s.start for s in sentences]
    skip: set[int] = set()
    for m in C.passing.finditer(body):
        i = bisect.bisect_right(starts, m.start()) - 1
        if i >= 0 and m.start() < sentences[i].end:
            skip.add(i)
    return [s for i, s in enumerate(sentences) if i not in skip]


def _merged(spans: Iterable[Span]) -> list[Span]:
    out: list[Span] = []
    for s in sorted(spans, key=lambda s: (s.start, s.end)):
        if out and s.start <= out[-1].end:
            if s.end > out[-1].end:
                out[-1] = Span(out[-1].start, s.end)
        else:
            out.append(s)
    return out


def topic_codes(body: str, lang: str, *, topics: Sequence[str] = (), occasion: str | None = None,
                kind: str | None = None, spans: Iterable[Span] = (), claims: Sequence[Claim] = (),
                roles: Iterable[str | None] = ()) -> tuple[str, ...]:
    """The meeting's topic codes (in TOPIC_CODES order): signal words in its topics as written, in
    `spans` of the body (statements, sentences that report the meeting), in the occasion when it is a
    sitting of that framework; the subjects the claims measure; and the roles of the participants."""
    C = _canon(lang)
    shared = _shared()
    found: set[str] = set()
    for t in topics:
        found |= _signals(C, t)
    if occasion and kind in (shared.get("occasion_kinds") or ()):
        found |= _signals(C, occasion)
    for s in _merged(spans):
        found |= _signals(C, body, s.start, s.end)
    by_metric = shared.get("metric_topics") or {}
    found |= {by_metric[c.metric_code] for c in claims if c.metric_code in by_metric}
    by_role = shared.get("role_topics") or {}
    found |= {by_role[r] for r in roles if r in by_role}
    return tuple(code for code in TOPIC_CODES if code in found)


# ------------------------------------------------------------------ metric codes

def _unit_kind(unit: str | None) -> str:
    if unit is None:
        return "count"
    if unit in ("%", "pp", "times"):
        return "ratio"
    if len(unit) == 3 and unit.isascii() and unit.isalpha() and unit.isupper():
        return "money"
    return "measure"


def _applies(C: _Canon, i: int, kind: str) -> bool:
    units = C.metric_rules[i][1]
    return not units or kind in units


class _Hits:
    """The rule words of one span of the body, sorted, for "nearest before / after" in log time."""

    def __init__(self, C: _Canon, body: str, span: Span):
        found = sorted((m.start(), m.end(), i) for i, rx in enumerate(C.metric_rxs)
                       for m in rx.finditer(body, span.start, span.end))
        self.starts = [a for a, _, _ in found]
        self.ends = [b for _, b, _ in found]
        self.rules = [i for _, _, i in found]
        self.C = C

    def before(self, pos: int, kind: str) -> int | None:
        """The last applicable rule whose words end at or before `pos` (at a few hits' distance)."""
        k = bisect.bisect_right(self.ends, pos) - 1
        while k >= 0:
            if _applies(self.C, self.rules[k], kind):
                return self.rules[k]
            k -= 1
        return None

    def after(self, pos: int, kind: str) -> int | None:
        k = bisect.bisect_left(self.starts, pos)
        while k < len(self.starts):
            if _applies(self.C, self.rules[k], kind):
                return self.rules[k]
            k += 1
        return None


def metric_code(claim: Claim, lang: str, body: str = "", clause: Span | None = None,
                before: Span | None = None, cache: dict[Span, _Hits] | None = None) -> str:
    """What the claim's number measures (METRIC_CODES): the first rule whose words its metric or
    object names; else the rule named nearest before the number in its clause; else the last one
    the sentence `before` names ("оның көлемі", "this figure"); else the nearest after the number in
    its clause; else "other". (`cache`: the rule words of spans already read.)"""
    C = _canon(lang)
    kind = _unit_kind(claim.unit)
    own = " | ".join(t for t in (claim.metric, claim.object) if t)
    if own:
        for i, rx in enumerate(C.metric_rxs):
            if _applies(C, i, kind) and rx.search(own):
                return C.metric_rules[i][0]
    if clause is None:
        return "other"
    cache = {} if cache is None else cache

    def hits(span: Span) -> _Hits:
        if span not in cache:
            cache[span] = _Hits(C, body, span)
        return cache[span]

    i = hits(clause).before(claim.start, kind)
    if i is None and before is not None:
        i = hits(before).before(before.end, kind)
    if i is None:
        i = hits(clause).after(claim.end, kind)
    return C.metric_rules[i][0] if i is not None else "other"


# ------------------------------------------------------------------ periods

def reference_month(*dates: str | None) -> Month | None:
    """The first of the ISO dates given, as (year, month)."""
    for d in dates:
        if d and len(d) >= 7 and d[:4].isdigit() and d[5:7].isdigit():
            return int(d[:4]), int(d[5:7])
    return None


def _fmt(m: Month | None) -> str | None:
    return f"{m[0]:04d}-{m[1]:02d}" if m else None


def _shift(m: Month, months: int) -> Month:
    k = m[0] * 12 + m[1] - 1 + months
    return k // 12, k % 12 + 1


def _count(C: _Canon, m: re.Match[str], name: str) -> int | None:
    if name not in m.re.groupindex or m.group(name) is None:
        return None
    word = m.group(name).casefold()
    return int(word) if word.isdigit() else C.numbers.get(word)


def _month(C: _Canon, m: re.Match[str], name: str) -> int | None:
    if name not in m.re.groupindex or m.group(name) is None:
        return None
    return next((n for n, rx in C.months if rx.fullmatch(m.group(name))), None)


def _year(m: re.Match[str], name: str = "year") -> int | None:
    if name not in m.re.groupindex or m.group(name) is None:
        return None
    y = m.group(name)
    if len(y) == 2 and "year" in m.re.groupindex and m.group("year"):
        return int(m.group("year")[:2] + y)
    return int(y)


def _anchor_year(C: _Canon, text: str, ref: Month | None) -> tuple[int | None, bool]:
    """The calendar year a period text names: written, this year, last year, next year (relative
    ones need `ref`); and whether any was named."""
    m = re.search(r"(?<!\d)((?:19|20)\d{2})(?!\d)", text)
    if m:
        return int(m.group(1)), True
    for rx, delta in ((C.last_year, -1), (C.next_year, 1), (C.this_year, 0)):
        if rx is not None and rx.search(text):
            return (ref[0] + delta if ref else None), True
    return None, False


def resolve_period(text: str | None, ref: Month | None, lang: str, *,
                   stock: bool = False) -> tuple[str | None, str | None] | str:
    """A period's words as (start, end) months "YYYY-MM" (FORMAT.md rules), or SAME when it refers
    back to the period of the claim before. `stock`: no period, but the clause says "at present"."""
    if not text:
        return (None, _fmt(ref)) if stock else (None, None)
    C = _canon(lang)
    for r in C.periods:
        m = r.search(text)
        if m is None:
            continue
        if r.kind == "none":
            return None, None
        if r.kind == "same":
            return SAME
        if r.kind == "stock":
            return None, _fmt(ref)
        if r.kind == "since":
            y, mo = _year(m), _month(C, m, "month")
            start = r.start or (f"{y:04d}-{mo or 1:02d}" if y else None)
            return start, _fmt(ref)
        if r.kind == "year_start":         # "since the start of the year": this year unless one is named
            y, named = _anchor_year(C, text, ref)
            y = y if named else (ref[0] if ref else None)
            return (f"{y:04d}-01" if y else None), _fmt(ref)
        if r.kind == "year_end":           # "by the end of 2023": a target when ahead, else that year
            y = _year(m)
            if y is None:
                continue
            return (None if ref and y > ref[0] else f"{y:04d}-01"), f"{y:04d}-12"
        if r.kind == "by":                 # a target: "by 2030", "2030 жылға қарай", "by the end of the year"
            y = _year(m)
            if y is None:
                y, named = _anchor_year(C, text, ref)
                y = y if named else (ref[0] if ref else None)
            return None, (f"{y:04d}-12" if y else None)
        if r.kind == "last_years":
            n = _count(C, m, "n") or 1
            return (f"{ref[0] - n:04d}-01" if ref else None), _fmt(ref)
        if r.kind == "last_months":
            n = _count(C, m, "n") or 1
            return (_fmt(_shift(ref, -n)) if ref else None), _fmt(ref)
        if r.kind == "next_years":         # "in a year", "алдағы бес жылда": a target that far ahead
            n = _count(C, m, "n") or 1
            return None, (_fmt(_shift(ref, 12 * n)) if ref else None)
        if r.kind == "years":              # "2024–2025 годы"
            y1, y2 = _year(m), _year(m, "year2")
            if y1 and y2:
                return f"{y1:04d}-01", f"{y2:04d}-12"
    # a calendar period: a year (written or relative) and a part of it
    year, named = _anchor_year(C, text, ref)
    span: tuple[int, int] | None = None
    for r in C.parts:
        m = r.search(text)
        if m is None:
            continue
        n = _count(C, m, "n") if r.kind in ("months", "quarters") else _count(C, m, "nth")
        if r.kind == "months" and n and 1 <= n <= 12:
            span = (1, n)
        elif r.kind == "quarters" and n and 1 <= n <= 4:
            span = (1, 3 * n)
        elif r.kind == "quarter" and n and 1 <= n <= 4:
            span = (3 * n - 2, 3 * n)
        elif r.kind == "half" and n and 1 <= n <= 2:
            span = (6 * n - 5, 6 * n)
        elif r.kind == "month_range":
            a, b = _month(C, m, "month"), _month(C, m, "month2")
            span = (a, b) if a and b and a <= b else None
        elif r.kind == "month":
            a = _month(C, m, "month")
            span = (a, a) if a else None
        if span:
            break
    if not named and span is None:
        return None, None
    if year is None:
        if named or ref is None:
            return None, None              # "last year" with nothing to count from
        year = ref[0]                      # "девять месяцев", "январь — август": this year
    a, b = span or (1, 12)
    return f"{year:04d}-{a:02d}", f"{year:04d}-{b:02d}"


def canonical_claims(claims: Sequence[Claim], cues: Sequence[ClaimCue], body: str, lang: str,
                     ref: Month | None) -> list[Claim]:
    """Claims with metric_code, period_start and period_end filled (claims and cues in text order)."""
    from dataclasses import replace

    C = _canon(lang)
    out: list[Claim] = []
    last: tuple[str | None, str | None] = (None, None)
    cache: dict[Span, _Hits] = {}
    stocks: dict[Span, bool] = {}
    for claim, cue in zip(claims, cues, strict=True):
        if cue.clause not in stocks:
            stocks[cue.clause] = C.stock is not None and C.stock.search(body, cue.clause.start, cue.clause.end) is not None
        stock = cue.period is None and stocks[cue.clause]
        span = resolve_period(cue.period, ref, lang, stock=stock)
        if span == SAME:
            span = last
        assert not isinstance(span, str)
        if span != (None, None):
            last = span
        out.append(replace(claim, metric_code=metric_code(claim, lang, body, cue.clause, cue.before, cache),
                           period_start=span[0], period_end=span[1]))
    return out
