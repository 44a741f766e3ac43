"""Numeric claims: money, percentages, percentage points, multipliers, tonnes, counts.

One mechanism for every language; the words come from `<lang>/data/numbers.yaml` (separators,
scale words, units, word numerals, counted nouns, qualifiers, change words, metric and period
patterns, clause breaks). A claim is

    [currency prefix] number [scale word] [unit word] [case ending]
    e.g. "$20 млрд-қа", "4,4 млрд долларға", "19,6 млрд долларов", "$1.5 billion", "бес жоба"

with the span running from the prefix to the end of the scale or unit word (a glued case ending is
left out). Around it, the words before ("около", "more than", "вырос на") and after ("жуық",
"астам", "өсті") give the qualifier and the change; the nearest metric and period patterns in the
same clause give `metric` and `period`; the counted noun after a bare number gives `object`.

Not claims: dates and years (`archive.extract.dates`), numbers glued to names or words ("C5+1",
"Қамбар-Ата-1"), ordinals ("5-тармағы", "2-ші", "5th"), references ("№ 5", "article 3"), numbers of
years, months or days (periods), and word numerals that count nothing claim-worthy ("екі ел").
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal, InvalidOperation
from functools import cache
from itertools import accumulate, islice
from typing import Any

from archive.extract.dates import DateMention, find_dates
from archive.extract.lexicon import lexicon
from archive.extract.segment import HEADLINE_WORDS, LEAD_REACH, SENTENCE_END, Span
from archive.record import CLAIM_VALUE_LIMIT, Claim

FLAGS = re.IGNORECASE | re.UNICODE
HSPACE = r"[^\S\n]"
WORD = re.compile(r"[^\W\d_]+(?:[-‑][^\W\d_]+)*", re.U)
LINKERS = frozenset("-‑+/")
# Units that state a relative size: a change word may stand before them without a preposition.
RELATIVE_UNITS = frozenset({"%", "pp", "times"})
YEAR_LIKE = (Decimal(1900), Decimal(2100))
LEADING_ZERO = re.compile(r"0\d")
HAS_LETTER = re.compile(r"[^\W\d_]")
SENTENCE_BREAK = re.compile(r"[.!?…][»”\"']?\s+")
COMPOUND_GAP = re.compile(rf"{HSPACE}+")
METRIC_GAP = re.compile(rf"{HSPACE}*(?:[^\W\d_]+{HSPACE}+)?")
FAR_WORDS = 4      # words allowed between a verb of reaching and its "до" ("довести его до")
CHANGE_FAR_WORDS = 6  # … between a change verb and its preposition ("сократит путь грузов из Китая в Европу на")
PERIOD_PAST_COMMA = 500     # a period after the number and a comma belongs to what follows
WEAK_PERIOD = 20   # extra distance for a rate ("жылына") against a horizon ("2027 жылға қарай")
WINDOW = 80        # characters looked at before a number for qualifiers and change words
OBJECT_REACH = 160 # characters after a number in which its counted noun (≤ 4 words) is looked for
MAX_GROUPS = 5     # "1 000 000 000 000": longer runs of digit groups are lists of numbers
SCALED_GROUPS = 2  # "1 500 млрд": before a scale word, more groups are a list ("100 200 300 млрд")


def _alt(patterns: Sequence[str]) -> str:
    return "|".join(f"(?:{p})" for p in patterns)


def _groups(items: Sequence[dict[str, Any]], prefix: str) -> str:
    return "|".join(f"(?P<{prefix}{i}>{item['pattern']})" for i, item in enumerate(items))


def _which(m: re.Match[str], prefix: str) -> int:
    for name, value in m.groupdict().items():
        if value is not None and name.startswith(prefix) and name[len(prefix):].isdigit():
            return int(name[len(prefix):])
    return -1


@dataclass(frozen=True, slots=True)
class _Lang:
    """One language's compiled grammar."""
    digits: re.Pattern[str]
    words: re.Pattern[str] | None
    numerals: dict[str, Decimal]
    multipliers: re.Pattern[str] | None
    multiplier_values: tuple[Decimal, ...]
    word_min: Decimal
    thousands: str
    decimal: str
    prefixes: dict[str, str]
    scale: re.Pattern[str]
    scale_values: tuple[Decimal, ...]
    unit: re.Pattern[str]
    units: tuple[tuple[str, re.Pattern[str] | None], ...]
    number_suffixes: frozenset[str]
    approx_suffixes: frozenset[str]
    counted: re.Pattern[str] | None
    counted_lemmas: tuple[str, ...]
    time_noun: re.Pattern[str] | None
    blockers: re.Pattern[str] | None
    qual_before: tuple[tuple[re.Pattern[str], str], ...]
    qual_any: re.Pattern[str] | None      # any of qual_before: one search rules them all out
    qual_after: re.Pattern[str] | None
    qual_after_values: tuple[str, ...]
    up_to_cancel: re.Pattern[str] | None  # the verb may stand a few words before: "довести его до"
    up_to_cancel_after: re.Pattern[str] | None
    change_prep: re.Pattern[str] | None
    change_prep_required: bool
    change_before: tuple[tuple[re.Pattern[str], str], ...]
    change_any: re.Pattern[str] | None    # any word of change_before and change_before_far
    change_before_far: tuple[tuple[re.Pattern[str], str], ...]   # the verb a few words before its preposition
    change_after: tuple[tuple[re.Pattern[str], str], ...]
    change_direct: tuple[tuple[re.Pattern[str], str], ...]   # "прибавил 11%": no preposition needed
    comparatives: tuple[tuple[re.Pattern[str], str], ...]    # "больше на 4,8%": a change, no qualifier
    comparatives_after: tuple[tuple[re.Pattern[str], str], ...]  # "86 пайызға көп": after comparative_case
    comparative_case: re.Pattern[str] | None
    metrics: re.Pattern[str] | None
    count_metric: re.Pattern[str] | None
    metric_word_after: bool
    not_counted: re.Pattern[str] | None
    not_counted_below: Decimal            # "екі ел" is no claim, "отыздан астам мемлекет" is
    no_statistic: re.Pattern[str] | None  # "5 место", "3 секции": ranks and the parts of a programme
    periods: re.Pattern[str] | None       # one alternation; group k<i> is pattern i, p<i> its reported part
    period_canonical: tuple[str | None, ...]
    period_ignore: tuple[bool, ...]       # comparison bases ("өткен жылдың сәйкес кезеңі"): no period
    period_weak: tuple[bool, ...]         # rates ("жылына", "a week"): only when no other period is near
    period_end: re.Pattern[str] | None    # a period right before a number (peeled like a qualifier)
    ranges: re.Pattern[str]               # "100–" / "$2–" / "4 to" right before a number: a range start
    range_next: re.Pattern[str]           # "–5" / " to 5" right after a number: it starts a range
    range_not_after: re.Pattern[str] | None   # "from 4 to 5 percent": a level left, no range
    day_after: re.Pattern[str]            # " по 5" after a day: "с 1 по 5 июля"
    day_before: re.Pattern[str]           # "18 and " before a day: "April 18 and 19"
    rates: re.Pattern[str] | None         # "a week", "в неделю" after a number: a rate of a counted noun
    clause_break: re.Pattern[str] | None
    stopwords: frozenset[str]


def _opt(patterns: Sequence[str] | None, template: str) -> re.Pattern[str] | None:
    return re.compile(template.format(_alt(patterns)), FLAGS) if patterns else None


@cache
def _lang(lang: str) -> _Lang:
    d = lexicon(lang, "numbers")
    case = d.get("case_suffix") or ""
    thousands = "".join(d.get("thousands") or [" "])
    decimal = "".join(d.get("decimal") or ["."])
    th, dec = re.escape(thousands), re.escape(decimal)
    prefixes = {str(k): str(v) for k, v in (d.get("currency_prefixes") or {}).items()}
    pre = "|".join(re.escape(p) for p in sorted(prefixes, key=len, reverse=True))
    digits = re.compile(
        rf"(?<!\w)(?:(?P<cur>{pre}){HSPACE}?)?"
        # digit groups: at most MAX_GROUPS, and never followed by one more (then it is a list of numbers)
        # ("50, 000": a stray space after the separator before a group of zeros, as transcripts write it)
        rf"(?P<num>\d{{1,3}}(?:[{th}](?:{HSPACE}(?=000))?\d{{3}}){{1,{MAX_GROUPS - 1}}}(?:[{dec}]\d+)?(?!\d)"
        rf"(?![{th}]\d{{3}}(?!\d))"
        rf"|\d+(?:[{dec}]\d+)?)", FLAGS)
    numerals = {str(k).casefold(): Decimal(str(v)) for k, v in (d.get("numerals") or {}).items()}
    words = None
    if numerals:
        w = "|".join(re.escape(k) for k in sorted(numerals, key=len, reverse=True))
        ending = d.get("numeral_endings")
        ending = rf"(?P<end>{_alt(ending)})?" if ending else ""
        words = re.compile(rf"(?<!\w)(?=\w)(?:{w})(?:{HSPACE}+(?:{w}))*{ending}(?!\w)", FLAGS)
    scales, units = d.get("scales") or [], d.get("units") or []
    mult = d.get("multipliers") or []
    tail = rf"(?P<suf>{case})(?!\w)" if case else r"(?!\w)"
    counted = d.get("counted") or []
    qa = d.get("qualifiers_after") or []
    periods = d.get("periods") or []
    cb, ca = d.get("change_before") or {}, d.get("change_after") or {}
    joiners = rf"|{HSPACE}+(?:{_alt(d['range_words'])}){HSPACE}+" if d.get("range_words") else ""
    days = rf"|{HSPACE}+(?:{_alt(d['day_range_words'])}){HSPACE}+" if d.get("day_range_words") else ""
    return _Lang(
        digits=digits, words=words, numerals=numerals,
        multipliers=re.compile(rf"(?<!\w)(?=\w)(?:{_groups(mult, 'x')})(?!\w)", FLAGS) if mult else None,
        multiplier_values=tuple(Decimal(str(x["value"])) for x in mult),
        word_min=Decimal(str(d.get("word_min_value", 1.5))), thousands=thousands, decimal=decimal,
        prefixes=prefixes,
        scale=re.compile(rf"{HSPACE}*(?:{_groups(scales, 's')}){tail}", FLAGS),
        scale_values=tuple(Decimal(str(s["value"])) for s in scales),
        unit=re.compile(rf"{HSPACE}*(?:{_groups(units, 'u')}){tail}", FLAGS),
        units=tuple((str(u["unit"]), re.compile(u["context"], FLAGS) if u.get("context") else None)
                    for u in units),
        number_suffixes=frozenset(s.casefold() for s in d.get("number_suffixes") or ()),
        approx_suffixes=frozenset(s.casefold() for s in d.get("approx_suffixes") or ()),
        counted=re.compile(rf"(?:{_groups(counted, 'c')})(?!\w)", FLAGS) if counted else None,
        counted_lemmas=tuple(str(c.get("lemma") or "") for c in counted),
        time_noun=_opt(d.get("time_nouns"), r"{}(?!\w)"),
        blockers=_opt(d.get("blockers_before"), HSPACE.join(["(?<!\\w)(?:{})", "*$"])),
        qual_before=tuple((re.compile(rf"(?<!\w)(?:{q['pattern']}){HSPACE}*$", FLAGS), q["qualifier"])
                          for q in d.get("qualifiers_before") or ()),
        qual_any=_opt([q["pattern"] for q in d.get("qualifiers_before") or ()], rf"(?<!\w)(?:{{}}){HSPACE}*$"),
        qual_after=re.compile(rf"{HSPACE}*(?:{_groups(qa, 'q')})(?!\w)", FLAGS) if qa else None,
        qual_after_values=tuple(q["qualifier"] for q in qa),
        up_to_cancel=_opt(d.get("up_to_cancel"),
                          # words or a number between: "выросла с 4 до 5%"
                          "(?<!\\w)(?:{})" + rf"(?:{HSPACE}+(?:[^\W\d_]+|\d+(?:[.,]\d+)?)){{{{0,{FAR_WORDS - 1}}}}}{HSPACE}*$"),
        up_to_cancel_after=_opt(d.get("up_to_cancel_after"), HSPACE + r"*(?:{})(?!\w)"),
        change_prep=_opt(d.get("change_prepositions"), HSPACE.join(["(?<!\\w)(?:{})", "*$"])),
        change_prep_required=bool(d.get("change_preposition_required")),
        change_before=tuple((re.compile(rf"(?<!\w)(?:{_alt(p)}){HSPACE}*$", FLAGS), k)
                            for k, p in cb.items() if p),
        change_any=_opt([x for p in [*cb.values(), *(d.get("change_before_far") or {}).values()] for x in p or ()],
                        r"(?<!\w)(?:{})"),
        change_before_far=tuple(
            (re.compile(rf"(?<!\w)(?:{_alt(p)})(?:{HSPACE}+[^\W\d_]+){{1,{CHANGE_FAR_WORDS}}}{HSPACE}*$", FLAGS), k)
            for k, p in (d.get("change_before_far") or cb).items() if p),
        change_after=tuple((re.compile(rf"{HSPACE}*(?:{_alt(p)})(?!\w)", FLAGS), k)
                           for k, p in ca.items() if p),
        # one word each, matched against the last word before the number
        change_direct=tuple((re.compile(_alt(p), FLAGS), k) for k, p in (d.get("change_direct") or {}).items() if p),
        comparatives=tuple((re.compile(_alt(p), FLAGS), k)
                           for k, p in (d.get("change_comparatives") or {}).items() if p),
        comparatives_after=tuple((re.compile(rf"{HSPACE}*(?:{_alt(p)})(?!\w)", FLAGS), k)
                                 for k, p in (d.get("comparatives_after") or {}).items() if p),
        comparative_case=re.compile(d["comparative_case"], FLAGS) if d.get("comparative_case") else None,
        metrics=_opt(d.get("metrics"), r"(?<!\w)(?=\w)(?:{})(?!\w)"),
        count_metric=_opt(d.get("count_metrics"), r"(?:{})(?!\w)"),
        metric_word_after=bool(d.get("metric_word_after", True)),
        not_counted=_opt(d.get("not_counted"), r"(?:{})(?!\w)"),
        not_counted_below=Decimal(str(d.get("not_counted_below", 10))),
        no_statistic=_opt(d.get("no_statistic"), r"(?:{})(?!\w)"),
        periods=re.compile("(?<!\\w)(?=\\w)(?:" + "|".join(
            rf"(?P<k{i}>{p['pattern'].replace('(?P<p>', f'(?P<p{i}>')})"
            for i, p in enumerate(periods)) + ")(?!\\w)", FLAGS) if periods else None,
        period_canonical=tuple(p.get("canonical") for p in periods),
        period_ignore=tuple(bool(p.get("ignore")) for p in periods),
        period_weak=tuple(bool(p.get("weak")) for p in periods),
        period_end=re.compile("(?<!\\w)(?:" + _alt([p["pattern"].replace("(?P<p>", "(?:")
                                                         for p in periods if not p.get("ignore")])
                              + rf"){HSPACE}*$", FLAGS) if periods else None,
        ranges=re.compile(rf"(?<![\w.,])(?:(?P<cur>{pre}){HSPACE}?)?(?P<num>\d+(?:[{dec}]\d+)?)"
                          rf"(?:{HSPACE}*[-–—]{HSPACE}*{joiners})$", FLAGS),
        range_next=re.compile(rf"(?:{HSPACE}*[-–—]{HSPACE}*{joiners})\d", FLAGS),
        range_not_after=_opt(d.get("range_not_after"), rf"(?<!\w)(?:{{}}){HSPACE}+$"),
        day_after=re.compile(rf"{HSPACE}*(?:[-–—]{HSPACE}*{days})(?P<day>\d{{1,2}})(?!\d)", FLAGS),
        day_before=re.compile(rf"(?<![\d.,])(?P<day>\d{{1,2}}){HSPACE}*(?:[-–—]{HSPACE}*{days})$", FLAGS),
        rates=_opt(d.get("rates"), HSPACE + r"*(?:{})(?!\w)"),
        clause_break=_opt(d.get("clause_breaks"), "{}"),
        stopwords=frozenset(str(s).casefold() for s in d.get("stopwords") or ()),
    )


@dataclass(slots=True)
class _Number:
    start: int            # span start (currency prefix included)
    num_end: int          # end of the digits or numeral words
    value: Decimal
    unit: str | None
    word: bool            # written in words
    adverb: bool = False  # a multiplier word that is itself the change ("вдвое", "double")
    tail: int = 0         # end of a case ending glued to the last numeral word ("отыздан"), else 0


def _digits_value(L: _Lang, text: str) -> Decimal | None:
    text = "".join(text.split())
    for ch in L.thousands:
        text = text.replace(ch, "")
    for ch in L.decimal:
        text = text.replace(ch, ".")
    try:
        return Decimal(text)
    except InvalidOperation:
        return None


def _words_value(L: _Lang, text: str) -> Decimal:
    """Value of a word-numeral sequence: "екі жүз елу" 250, "екі жарым" 2.5, "he thousand" …"""
    total, cur = Decimal(0), Decimal(0)
    for w in text.split():
        v = L.numerals.get(w.casefold(), Decimal(0))
        if v == 100:
            cur = (cur or 1) * v
        elif v >= 1000:
            total += (cur or 1) * v
            cur = Decimal(0)
        else:
            cur += v
    return total + cur


def _candidates(L: _Lang, body: str) -> list[_Number]:
    out = []
    for m in L.digits.finditer(body):
        groups = _split_groups(L, m)
        if len(groups) > SCALED_GROUPS and body[groups[-1][0]:groups[-1][1]].isdigit() \
                and L.scale.match(body, m.end()):
            # a list of numbers, the last with a scale word: each group is a number of its own
            for a, b in groups:
                out.append(_Number(a, b, Decimal(body[a:b]), None, False))
            continue
        value = _digits_value(L, m["num"])
        if value is not None and not LEADING_ZERO.match(m["num"]):      # "000", "05": no number of its own
            cur = m["cur"]
            out.append(_Number(m.start(), m.end(), value, L.prefixes.get(cur) if cur else None, False))
    if L.words:
        for m in L.words.finditer(body):
            ending = m.groupdict().get("end")
            stop = m.start("end") if ending else m.end()
            out.append(_Number(m.start(), stop, _words_value(L, body[m.start():stop]), None, True,
                               tail=m.end() if ending else 0))
    if L.multipliers:
        for m in L.multipliers.finditer(body):
            out.append(_Number(m.start(), m.end(), L.multiplier_values[_which(m, "x")], "times", False, True))
    out.sort(key=lambda n: n.start)
    return out


def _split_groups(L: _Lang, m: re.Match[str]) -> list[tuple[int, int]]:
    """The spans of the digit groups of a number matched with thousands separators."""
    spans, start = [], m.start("num")
    for i, ch in enumerate(m["num"]):
        if ch in L.thousands:
            spans.append((start, m.start("num") + i))
            start = m.start("num") + i + 1
    spans.append((start, m.end("num")))
    return spans


def _strip_before(L: _Lang, text: str) -> tuple[str, str | None, bool, str | None]:
    """Peel qualifiers, change prepositions and one period ("в ближайшие пять лет") off the end of
    `text` (the words before a number); a comparative before the preposition ("больше на") is the
    change it names and ends the peeling."""
    qualifier, prep, period = None, False, False
    if not HAS_LETTER.search(text):
        return text, None, False, None            # every qualifier, preposition and period has a word
    for _ in range(5):
        if prep and L.comparatives:
            at = _last_word(text)
            for rx, kind in L.comparatives:
                if rx.fullmatch(text, at, len(text.rstrip())):
                    return text[:at], qualifier, prep, kind
        for rx, q in L.qual_before if L.qual_any and L.qual_any.search(text) else ():
            m = rx.search(text)
            if m:
                # "не менее чем до 3 млн": the qualifier before "до" says more than "до"
                qualifier = qualifier if qualifier and qualifier != "up_to" else q
                text = text[:m.start()]
                break
        else:
            m = L.change_prep.search(text) if L.change_prep else None
            if m:
                prep = True
                text = text[:m.start()]
                continue
            m = L.period_end.search(text) if L.period_end and not period else None
            if not m or m.start() == m.end():
                break
            period = True
            text = text[:m.start()]
    return text, qualifier, prep, None


NOUN_BREAK = re.compile(r"[,.;:()«»\"“”]")
QUOTE_OPENERS = "«“„\""
QUOTE_CLOSERS = "»”“\""
NAME_REACH = 32      # characters: a quoted name this short around a number ("«100 нақты қадам»")
NAME_WORDS = 4


def _in_name(body: str, sent: Span, start: int) -> bool:
    """Whether the number at `start` stands inside a short quoted name (at most NAME_WORDS words)."""
    a = max(sent.start, start - NAME_REACH)
    before = body[a:start]
    k = max(before.rfind(ch) for ch in QUOTE_OPENERS)
    if k < 0 or any(ch in before[k + 1:] for ch in "»”") \
            or (before[k] == '"' and k > 0 and not before[k - 1].isspace()):
        return False
    after = body[start:min(sent.end, start + NAME_REACH)]
    j = min((i for i in (after.find(ch) for ch in QUOTE_CLOSERS) if i > 0), default=-1)
    return j > 0 and len((before[k + 1:] + after[:j]).split()) <= NAME_WORDS


def _names_noun(rx: re.Pattern[str] | None, body: str, pos: int, limit: int) -> bool:
    """Whether one of the first three words after `pos` (no punctuation before it) matches `rx`."""
    if rx is None:
        return False
    for w in islice(WORD.finditer(body, pos, min(limit, pos + OBJECT_REACH)), 3):
        if NOUN_BREAK.search(body, pos, w.start()):
            return False
        if rx.match(body, w.start(), limit):
            return True
    return False


def _last_word(text: str) -> int:
    """Where the word of letters that ends `text` (trailing spaces aside) starts."""
    i = len(text.rstrip())
    while i > 0 and text[i - 1].isalpha():
        i -= 1
    return i


def _object(L: _Lang, body: str, pos: int, limit: int) -> tuple[str | None, str | None]:
    """(object with its head as lemma, object as written) for the counted noun after `pos`."""
    words = list(islice(WORD.finditer(body, pos, min(limit, pos + OBJECT_REACH)), 4))
    if not words or body[pos:words[0].start()].strip(" \u00a0\u202f"):
        return None, None
    if L.counted:
        for w in words[:3]:
            m = L.counted.match(body, w.start(), limit)
            if m:
                between = body[pos:w.start()]
                if any(ch in between for ch in ",.;:()«»\"“”") or any(ch.isdigit() for ch in between):
                    break                         # another number counts it: "10, 20 and 30 projects"
                lemma = L.counted_lemmas[_which(m, "c")] or m.group()
                first = words[0].start()
                return (body[first:w.start()] + lemma).strip(), body[first:m.end()]
    return None, None


def _object_before(L: _Lang, body: str, a: int, b: int) -> str | None:
    """The lemma of the last counted noun in body[a:b] ("the number of flights … to six a week")."""
    last = None
    if L.counted:
        for m in L.counted.finditer(body, a, b):
            if m.start() == 0 or not body[m.start() - 1].isalnum():
                last = m
    return (L.counted_lemmas[_which(last, "c")] or last.group()) if last else None


def _fallback_word(L: _Lang, body: str, pos: int, limit: int) -> str | None:
    for w in WORD.finditer(body, pos, min(limit, pos + 60)):
        if w.group().casefold() not in L.stopwords:
            return w.group()
        if w.start() - pos > 30:
            break
    return None


@dataclass(frozen=True, slots=True)
class _Hit:
    start: int
    end: int
    text: str
    weak: bool = False
    full: str = ""        # the whole match (a period's reported part may leave out "к", "since" …)


@dataclass(frozen=True, slots=True)
class ClaimCue:
    """What a claim's canonical fields are read from (archive.extract.canonical): the whole words of
    the period the claim took, the clause the number stands in, and the sentence before it in the same
    paragraph (what "this figure", "оның көлемі" refer to), if any."""
    period: str | None
    clause: Span
    before: Span | None = None


@dataclass(slots=True)
class _Sentence:
    """A sentence; its clause breaks and each clause's metric and period matches are found once,
    when first needed."""
    span: Span
    breaks: list[tuple[int, int]] | None = None
    full_stops: list[int] = field(default_factory=list)    # ends of the sentence breaks inside it
    hits: dict[tuple[int, int], tuple[list[_Hit], list[_Hit]]] = field(default_factory=dict)
    # unit and clause of the last scaled amount ("5 млрд долларов …, и … довести его до 10 млрд")
    scaled_unit: tuple[str, tuple[int, int]] | None = None
    cue: ClaimCue | None = None     # of the last claim made in the sentence
    periods: list[_Hit] | None = None   # every period of the sentence, found when first needed
    period_ends: list[int] = field(default_factory=list)


def _metrics(L: _Lang, body: str, a: int, b: int) -> list[_Hit]:
    out: list[_Hit] = []
    if L.metrics:
        for m in L.metrics.finditer(body, a, b):
            if out and METRIC_GAP.fullmatch(body, out[-1].end, m.start()):
                # "тікелей инвестиция" + "көлемі", "доля" + "несырьевого" + "экспорта"
                prev = out.pop()
                out.append(_Hit(prev.start, m.end(), body[prev.start:m.end()]))
            else:
                out.append(_Hit(m.start(), m.end(), m.group()))
    return out


def _periods(L: _Lang, body: str, a: int, b: int) -> list[_Hit]:
    out: list[_Hit] = []
    if L.periods:
        for m in L.periods.finditer(body, a, b):
            i = int(m.lastgroup[1:]) if m.lastgroup else 0
            if L.period_ignore[i]:
                continue
            inner = m.group(f"p{i}") if f"p{i}" in L.periods.groupindex else None
            out.append(_Hit(m.start(), m.end(), L.period_canonical[i] or inner or m.group(), L.period_weak[i],
                            m.group()))
    return out


def _clause(L: _Lang, body: str, s: _Sentence, start: int, end: int) -> tuple[int, int]:
    """The clause of the sentence around [start, end)."""
    span = s.span
    if s.breaks is None:
        breaks = [(m.start(), m.end()) for m in SENTENCE_BREAK.finditer(body, span.start, span.end)]
        s.full_stops = [be for _, be in breaks]
        if L.clause_break:
            breaks += [(m.start(), m.end()) for m in L.clause_break.finditer(body, span.start, span.end)]
        s.breaks = sorted(breaks)
    cs, ce = span.start, span.end
    for bs, be in s.breaks:
        if be <= start:
            cs = be
        elif bs >= end:
            ce = bs
            break
    return cs, ce


def _clause_hits(L: _Lang, body: str, s: _Sentence, clause: tuple[int, int]) -> tuple[list[_Hit], list[_Hit]]:
    hits = s.hits.get(clause)
    if hits is None:
        hits = s.hits[clause] = (_metrics(L, body, *clause), _periods(L, body, *clause))
    return hits


def _metric(L: _Lang, body: str, s: _Sentence, clause: tuple[int, int], start: int, end: int,
            count: bool) -> str | None:
    before = after = None
    for h in _clause_hits(L, body, s, clause)[0]:
        if h.start < end and start < h.end:
            continue
        if h.end <= start:
            if not count or h.start >= start - 40:
                before = h
        elif after is None:
            after = h
    if count:
        return before.text if before else None
    best = before or after
    if best is None and clause[0] > s.span.start:      # the subject of an earlier clause
        earlier = _metrics(L, body, s.span.start, clause[0])
        best = earlier[-1] if earlier else None
    return best.text if best else None


OPENING_MARKS = " \t\n\"«“„—–-"


def _period(L: _Lang, body: str, s: _Sentence, clause: tuple[int, int], start: int, end: int,
            counted: bool = False) -> _Hit | None:
    best: tuple[int, _Hit] | None = None
    metrics, periods = _clause_hits(L, body, s, clause)
    for h in periods:
        if h.start < end and start < h.end:
            continue
        dist = (start - h.end) if h.end <= start else 2 * (h.start - end)
        dist += WEAK_PERIOD if h.weak else 0
        if h.start >= end and "," in body[end:h.start]:
            dist += PERIOD_PAST_COMMA     # "X 3 есе өсіп, былтыр 10 пайызға": "былтыр" is the second number's

        if best is None or dist < best[0]:
            best = (dist, h)
    if best is None and not counted and clause[0] > s.span.start:
        # a clause that names no period of its own takes the one named last before it in the sentence
        # (not for a count: what it counts is there now), when it goes on about the subject of an
        # earlier clause ("…, что … больше на 4,8%": no measure of its own) or the period opens the
        # sentence ("To date, X …, and Y …")
        if s.periods is None:
            s.periods = _periods(L, body, s.span.start, s.span.end)
            s.period_ends = [h.end for h in s.periods]
        k = bisect_right(s.period_ends, clause[0]) - 1
        j = bisect_right(s.full_stops, clause[0]) - 1
        opening = s.full_stops[j] if j >= 0 else s.span.start    # … within the same sentence
        while k >= 0 and s.periods[k].weak:
            k -= 1
        if k < 0 or s.periods[k].start < opening:
            return None
        h = s.periods[k]
        if not metrics or not body[opening:h.start].strip(OPENING_MARKS):
            return h
        return None
    return best[1] if best else None


def _same_amount(L: _Lang, body: str, s: _Sentence, start: int, end: int) -> bool:
    """Whether a bare scaled number measures what the sentence's last scaled amount did: it is in the
    same clause, or its own clause names no other metric ("…, ал халқының саны 170 миллион")."""
    assert s.scaled_unit is not None
    clause = _clause(L, body, s, start, end)
    return clause == s.scaled_unit[1] or not _clause_hits(L, body, s, clause)[0]


def _claim(L: _Lang, body: str, n: _Number, s: _Sentence, prev_end: int) -> tuple[Claim | None, int]:
    """The claim made by the number `n` (its cue in ``s.cue``), or None; and where scanning may go on."""
    start, pos = n.start, n.num_end
    sent = s.span
    value, unit = n.value, n.unit
    prev = body[start - 1] if start else ""
    range_start = None
    if not n.word:
        r = L.ranges.search(body, max(sent.start, start - 24), start)
        low = _digits_value(L, r["num"]) if r else None
        if r and low is not None and low < value and not (
                L.range_not_after and L.range_not_after.search(body, max(sent.start, r.start() - 12), r.start())):
            range_start = r                       # "100–105 млн", "$2–3 billion": one claim, upper bound
            start, prev = r.start(), ""
            if r["cur"]:
                unit = unit or L.prefixes.get(r["cur"])
        if prev in LINKERS and start >= 2 and body[start - 2].isalnum():
            return None, pos                      # "Ата-1", "5+1"
        if prev in ".,:" and start >= 2 and body[start - 2].isdigit():
            return None, pos                      # "10:30", the decimals of a number already read
        if L.blockers and L.blockers.search(body, max(sent.start, start - 20), start):
            return None, pos
        nxt = body[pos:pos + 2]
        if len(nxt) == 2 and nxt[0] in ":+/" and nxt[1].isdigit():
            return None, pos                      # times, "5+1", fractions
    suffix = ""
    end = pos
    if n.tail:
        suffix, pos = body[pos:n.tail], n.tail    # "отыздан": the ending of the numeral word itself
    if not n.word and body[pos:pos + 1] in "-‑" and body[pos + 1:pos + 2].isalpha() \
            and not L.unit.match(body, pos):              # "1.6-fold" is a unit
        m = WORD.match(body, pos + 1)
        word = m.group().casefold() if m else ""
        if word not in L.number_suffixes:
            return None, pos                      # ordinal or name: "5-тармағы", "2-ші"
        suffix = word
        pos = m.end() if m else pos
    has_scale = False
    if not suffix:
        m = L.scale.match(body, pos)
        if m:
            scale = L.scale_values[_which(m, "s")]
            value *= scale
            has_scale = True
            suffix = (m.groupdict().get("suf") or "")
            end = m.end() - len(suffix)
            pos = m.end()
            while not suffix:                     # "1 млрд 200 млн": one amount
                gap = COMPOUND_GAP.match(body, pos)
                m2 = L.digits.match(body, gap.end()) if gap else None
                m3 = L.scale.match(body, m2.end()) if m2 and not m2["cur"] else None
                if not (m2 and m3) or L.scale_values[_which(m3, "s")] >= scale:
                    break
                part = _digits_value(L, m2["num"])
                if part is None:
                    break
                scale = L.scale_values[_which(m3, "s")]
                value += part * scale
                suffix = (m3.groupdict().get("suf") or "")
                end = m3.end() - len(suffix)
                pos = m3.end()
        if not suffix:
            m = L.unit.match(body, pos)
            if m:
                u, ctx = L.units[_which(m, "u")]
                if ctx is None or ctx.search(body, max(sent.start, start - 40), min(sent.end, m.end() + 40)):
                    unit = unit or u
                    suffix = (m.groupdict().get("suf") or "")
                    end = m.end() - len(suffix)
                    pos = m.end()
    if not n.word and not suffix and end == n.num_end and body[end:end + 1].isalpha():
        return None, pos                          # glued to a word: "5G", "5th"
    if unit is None and not has_scale and _in_name(body, sent, start):
        return None, pos                          # a count in a short quoted name: «100 нақты қадам»
    qualifier = "approx" if suffix.lstrip("-‑").casefold() in L.approx_suffixes and suffix else None
    if not suffix and not has_scale and end == n.num_end and L.range_next.match(body, end):
        return None, pos                          # a range start ("3–5%", "$2–3 bn") is no claim of its own
    after_pos = pos
    level = False
    compared = None
    if suffix and L.comparative_case and L.comparative_case.fullmatch(suffix):
        for rx, kind in L.comparatives_after:     # "86 пайызға көп": more by 86%, a change
            m = rx.match(body, after_pos, sent.end)
            if m:
                compared, after_pos = kind, m.end()
                break
    # qualifiers after ("жуық", "астам", "or more")
    m = L.qual_after.match(body, after_pos, sent.end) if L.qual_after and not compared else None
    if m:
        qualifier = qualifier or L.qual_after_values[_which(m, "q")]
        after_pos = m.end()
        if qualifier == "up_to" and L.up_to_cancel_after and L.up_to_cancel_after.match(body, after_pos):
            qualifier, level = None, True         # "15 млрд долларға дейін артады": a level reached
    elif n.tail:
        return None, pos                          # "үштен бірі": an inflected numeral stands alone only before "астам"
    obj, obj_text = (None, None)
    rate_obj = few = False
    if unit is None:
        obj, obj_text = _object(L, body, after_pos, sent.end)
        nxt = WORD.search(body, after_pos, min(sent.end, after_pos + OBJECT_REACH))
        if L.time_noun and nxt and not body[after_pos:nxt.start()].strip() \
                and L.time_noun.fullmatch(nxt.group()) \
                and not (L.counted and L.counted.match(body, nxt.start(), sent.end)):
            return None, pos                      # "17 жылда", "үш жылда өндіріс", "five years": a period
        if obj is None and has_scale and s.scaled_unit and _same_amount(L, body, s, start, end):
            unit = s.scaled_unit[0]               # "5 млрд долларов … довести до 10 млрд": same unit
        elif n.word and obj is None:
            rate = L.rates.match(body, after_pos, sent.end) if L.rates else None
            obj = _object_before(L, body, _clause(L, body, s, start, end)[0], start) if rate else None
            rate_obj = obj is not None
            if obj is None:
                return None, pos                  # "six a week" counts the flights named before
        # "5 место", "3 секции": a rank or a part of a programme; "екі ел", "5 мемлекетке сапары": a
        # handful of states — unless a qualifier makes either a statistic ("отыздан астам мемлекет")
        few = obj is None and not has_scale and _names_noun(L.no_statistic, body, after_pos, sent.end)
        if not few and L.not_counted and value < L.not_counted_below:
            head = obj.split()[-1] if obj else None
            few = bool(nxt and L.not_counted.match(nxt.group()) or head and L.not_counted.match(head))
        if not n.word and not has_scale and YEAR_LIKE[0] <= value <= YEAR_LIKE[1] \
                and value == value.to_integral_value() \
                and (obj is None or any(w.casefold() in L.stopwords for w in (obj_text or "").split()[:-1])):
            # a year, unless it counts a noun ("2000 жаңа жұмыс орны"; not "Стратегии 2050 и программы")
            return None, pos
    if range_start is not None and qualifier is None:
        qualifier = "up_to"
    if n.word and value < L.word_min:
        return None, pos
    # qualifiers and change words before
    rest, q_before, prep, comparative = _strip_before(L, body[max(sent.start, start - WINDOW):start])
    if q_before == "up_to" and L.up_to_cancel and L.up_to_cancel.search(rest):
        q_before = None                           # "довести до 50%": a level reached
    qualifier = q_before or qualifier
    if few and qualifier is None:
        return None, pos
    change = comparative or compared
    prep = prep or n.adverb
    at = _last_word(rest) if change is None and L.change_direct else -1
    for rx, kind in L.change_direct if at >= 0 else ():
        if rx.fullmatch(rest, at, len(rest.rstrip())):     # "прибавил 11%": a verb that takes the number
            change = kind
            break
    if change is None and (prep or not L.change_prep_required) and L.change_any and L.change_any.search(rest):
        for rx, kind in L.change_before:
            if rx.search(rest) and (prep or unit in RELATIVE_UNITS):
                change = kind
                break
        else:
            if prep:                              # "снизить потери электроэнергии на 15–20%"
                for rx, kind in L.change_before_far:
                    if rx.search(rest):
                        change = kind
                        break
    if change is None and not level:
        for rx, kind in L.change_after:
            if rx.match(body, after_pos, sent.end):
                change = kind
                break
    if change is None and n.adverb:
        change = "increase"                       # "double", "вдвое": a multiple is growth unless told
    clause = _clause(L, body, s, start, end)
    if rate_obj:
        metric = _metric(L, body, s, clause, start, end, False)
    elif unit is None and obj is not None:
        metric = _metric(L, body, s, clause, max(start, prev_end), end, True)
        if metric is None or (L.count_metric and not L.count_metric.match(metric)):
            metric = obj_text
    else:
        metric = _metric(L, body, s, clause, start, end, False)
        if metric is None and L.metric_word_after:
            metric = _fallback_word(L, body, after_pos, clause[1])
    hit = _period(L, body, s, clause, start, end, unit is None and obj is not None)
    period = hit.text if hit else None
    if abs(value) >= CLAIM_VALUE_LIMIT:
        return None, max(pos, end)                # no statistic is this large, and no column holds it
    if value == value.to_integral_value():
        value = value.quantize(Decimal(1))
    if has_scale and unit is not None:
        s.scaled_unit = (unit, clause)
    claim = Claim(speaker=None, value=value, unit=unit, object=obj if unit is None else None,
                  metric=metric, change=change, qualifier=qualifier, period=period, start=start, end=end)
    s.cue = ClaimCue(hit.full if hit else None, Span(*clause))
    return claim, max(pos, end)


def extract_claims(body: str, sentences: Sequence[Span], lang: str,
                   published: str | None = None, dates: Sequence[DateMention] | None = None) -> list[Claim]:
    """Numeric claims in `body`, in text order (speaker None: attribution fills it later).
    `dates` are the body's date mentions when the caller has them already."""
    return [claim for claim, _ in find_claims(body, sentences, lang, published, dates)]


def find_claims(body: str, sentences: Sequence[Span], lang: str, published: str | None = None,
                dates: Sequence[DateMention] | None = None) -> list[tuple[Claim, ClaimCue]]:
    """Numeric claims in text order, each with the cue its canonical fields are read from."""
    L = _lang(lang)
    if dates is None:
        dates = find_dates(body, lang, published)
    blocked = sorted((d.start, d.end) for d in dates)
    blocked_starts = [b[0] for b in blocked]
    reach = list(accumulate((b[1] for b in blocked), max))

    def is_blocked(a: int, b: int) -> bool:       # a date overlaps [a, b)
        k = bisect_right(blocked_starts, b - 1) - 1
        return k >= 0 and reach[k] > a
    sents = sorted(sentences, key=lambda s: s.start)
    starts = [s.start for s in sents]
    claims: list[tuple[Claim, ClaimCue]] = []
    # the headline repeats a figure of the text, or gives one the text lost: page chrome either way
    covered = prev_end = _headline_end(body)
    cache: dict[int, _Sentence] = {}
    for n in _candidates(L, body):
        if n.start < covered or is_blocked(n.start, n.num_end):
            continue
        i = bisect_right(starts, n.start) - 1
        span = sents[i] if i >= 0 and sents[i].end > n.start else _line(body, n.start)
        sent = cache.get(span.start)
        if sent is None:
            sent = cache[span.start] = _Sentence(span)
        claim, covered_to = _claim(L, body, n, sent, prev_end)
        if claim is not None and claim.unit is None and claim.value <= 31 and not n.word:
            # a day of a range of dates ("с 1 по 5 июля", "April 18 and 19"): the other day is a date
            m = L.day_after.match(body, n.num_end, span.end)
            k = L.day_before.search(body, max(span.start, n.start - 16), n.start)
            if m and is_blocked(m.start("day"), m.end("day")) or k and is_blocked(k.start("day"), k.end("day")):
                claim = None
        if claim is not None:
            cue = sent.cue or ClaimCue(None, span)
            if i > 0 and sents[i] is span and "\n" not in body[sents[i - 1].end:span.start]:
                cue = replace(cue, before=sents[i - 1])
            claims.append((claim, cue))
            covered = covered_to
            prev_end = claim.end
    return claims


HEADLINE_OPENERS = "«“„\"—–-"


def _headline_end(body: str) -> int:
    """Where the headline lines at the top of the page end (0 if there are none): the lines before the
    first one that ends a sentence, each short, ending in no sentence mark, colon or comma and opening
    no quotation or dialogue line; only when a line that ends a sentence follows within LEAD_REACH."""
    end, pos = 0, 0
    for _ in range(LEAD_REACH):
        m = NOT_SPACE.search(body, pos)
        if m is None:
            return 0
        pos = body.find("\n", m.start())
        pos = len(body) if pos < 0 else pos
        line = body[m.start():pos].strip()
        if SENTENCE_END.search(line[-3:]) or line[-1] in ":;," or len(line.split()) > HEADLINE_WORDS:
            return end
        if line[0] in HEADLINE_OPENERS:
            return 0
        end = pos
    return 0


NOT_SPACE = re.compile(r"\S")


def _line(body: str, pos: int) -> Span:
    s = body.rfind("\n", 0, pos) + 1
    e = body.find("\n", pos)
    return Span(s, len(body) if e < 0 else e)
