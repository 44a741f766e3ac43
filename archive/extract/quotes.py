"""Direct quotes and reported speech.

Direct quotes are words inside quotation marks («…», “…”, „…“, "…") or after a dialogue dash, with an
attribution: a verb of saying after the quote («…», деді X / “…,” X said), a colon before it
(X: «…» / X said: "…" / X said, "…"), or a layout that continues an attributed quote (split quotes, the
next sentence of a dialogue). Quotation marks around a name with no such attribution are not quotes.
The page's layout introduces quotes too: a transcript's speaker line ("Name: words.") and the
paragraphs after it — or after "X said:\n— …" — that speak in the first or second person
(`voice`); words without marks closed by a dash and an attribution ("…, — деді X."); a quotation
running over paragraphs or cut off with the page; a pulled quote signed by a name alone. Quoted
words inside a reported clause are a direct quote of its speaker; an institution's quotation is no
person's, but a person's statement it reports is found inside it. Headlines are page chrome.

Reported speech is found by three general mechanisms, each driven by the language's
`<lang>/data/speech.yaml`:

* frames: "по словам X, …", "according to X, …", "X-тың айтуынша, …" — the rest of the sentence;
* complementiser verbs: "X отметил, что …", "X said (that) …" — the clause after the verb, ending
  before the full stop or a coordinated verb; proposals and stated intentions ("предложил развивать
  …", "confirmed his intention to …") take their object;
* clause heads (head-final languages): "X … екенін атап өтті", "X … деп санайды" — the clause between
  the speaker (subject) and its head word;
* attributions around the clause: closing it ("…, X said.", "…, заявил X."), or a participle opening
  it ("Noting that …, X …").

Assessments with a noun object ("noted the high level of …", "отметил высокий уровень …",
"… деңгейін жоғары бағалады") are reported speech; joint ("X and Y"), collective and institutional
subjects name no speaker.

Each finding points at the mention that names the speaker (`cue`), or at a pronoun the module finds
itself, or has no cue when the text names nobody.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from archive.extract.lexicon import lexicon
from archive.extract.mentions import Mention
from archive.extract.segment import Span
from archive.extract.trace import active

__all__ = ["QuoteFinding", "find_quotes"]

FLAGS = re.I | re.U
PAIRS = {"«": "»", "“": "”", "„": "“", '"': '"', "‘": "’"}
CLOSING = {"»", "”", "“", '"', "’"}
DASHES = "—–-"
WORD = re.compile(r"[\w’'-]+", re.U)
END_PUNCT = ".!?…;"
MAX_ATTR_LEAD = 5      # words allowed before the verb of an attribution ("the Kazakh President said")
MAX_ATTR_WORDS = 14    # an attribution after a quote is short
MIN_BARE_QUOTE_WORDS = 3
MAX_NAME_LINE_CHARS = 120
MAX_LEAD_PHRASE = 80        # characters: a phrase set off by a comma before the subject   # "Name, title:" opening a transcript line


@dataclass(frozen=True, slots=True)
class QuoteFinding:
    start: int
    end: int
    direct: bool
    cue: Span | None
    sentence: Span
    rule: str = ""          # the rule that found it (archive extract --explain)


# ---------------------------------------------------------------------------------------- language data

def _alt(items: Sequence[str]) -> str:
    return "(?:" + "|".join(f"(?:{i})" for i in items) + ")" if items else "(?!)"


def _words(items: Sequence[str]) -> str:
    return r"(?<![\w-])" + _alt(items) + r"(?![\w-])"


_META = frozenset("\\[](){}*+?|.^$")


def _literal_prefix(fragment: str) -> str:
    """The literal text every match of a regex fragment starts with ("" when there is none)."""
    fragment = fragment.removeprefix(r"\b")
    out = []
    for ch in fragment:
        if ch in _META:
            break
        out.append(ch)
    return "".join(out).lower()


class Scan:
    """A pattern that starts with one of several word alternatives, found fast: candidate positions
    come from a literal search for each alternative's prefix (a full regex scan over the body is
    ~10x slower), and the pattern is then matched there at word starts."""

    def __init__(self, items: Sequence[str], tail: str = "", word_end: bool = True):
        prefixes = {_literal_prefix(i) for i in items}
        self.prefixes = tuple(sorted(p for p in prefixes if p))
        self.full_scan = "" in prefixes
        self.pattern = re.compile(_alt(items) + (r"(?![\w-])" if word_end else "") + tail, FLAGS)
        self.searcher = re.compile(r"(?<![\w-])" + self.pattern.pattern, FLAGS)

    def positions(self, low: str, cache: dict[str, list[int]] | None = None) -> list[int]:
        """Word-start positions of the prefixes in `low`; `cache` shares one search per prefix between
        scans of the same text (several scans start with the verbs of saying)."""
        found: set[int] = set()
        for p in self.prefixes:
            hit = cache.get(p) if cache is not None else None
            if hit is None:
                hit = []
                i = low.find(p)
                while i >= 0:
                    if i == 0 or not (low[i - 1].isalnum() or low[i - 1] in "_-"):
                        hit.append(i)
                    i = low.find(p, i + 1)
                if cache is not None:
                    cache[p] = hit
            found.update(hit)
        return sorted(found)


@dataclass(frozen=True)
class Grammar:
    say: re.Pattern[str]
    subject_pron: re.Pattern[str]
    poss_pron: re.Pattern[str]
    collective: re.Pattern[str]
    fillers: re.Pattern[str]
    prepositions: re.Pattern[str] | None
    passive: re.Pattern[str] | None
    org: re.Pattern[str] | None
    head_final: bool
    oblique: tuple[str, ...]
    frames: tuple[Scan, ...]
    frames_after: Scan | None
    inserted: Scan | None
    that_verbs: Scan | None
    bare_verbs: Scan | None
    participles: Scan | None
    object_verbs: Scan | None
    intent: Scan | None
    coordinator: re.Pattern[str] | None
    object_complementizer: re.Pattern[str] | None
    heads: re.Pattern[str] | None
    head_verbs: Scan | None
    object_head_verbs: re.Pattern[str] | None
    object_endings: tuple[str, ...]
    dep: Scan | None
    lead_converbs: re.Pattern[str] | None
    about_previous: re.Pattern[str] | None
    voice: re.Pattern[str] | None
    head_adverbs: re.Pattern[str] | None
    dative_verbs: re.Pattern[str] | None
    dative_endings: tuple[str, ...]
    conjunction: re.Pattern[str] | None
    object_stop: frozenset[str]
    relative: re.Pattern[str] | None
    trailing: tuple[re.Pattern[str], ...]
    lead_frames: re.Pattern[str] | None
    complementizer: re.Pattern[str] | None


@cache
def grammar(lang: str) -> Grammar:
    """The compiled speech grammar of one language (from `<lang>/data/speech.yaml`)."""
    d = lexicon(lang, "speech")
    r = d.get("reported") or {}
    say_items: list[str] = list(d["say_verbs"])
    say = _alt(say_items)

    def expand(items: Sequence[str] | None) -> list[str]:
        out: list[str] = []
        for i in items or ():
            out += say_items if i == "{say}" else [i.replace("{say}", say)]
        return out

    def opt(items: Sequence[str] | None) -> re.Pattern[str] | None:
        return re.compile(_words(expand(items)), FLAGS) if items else None

    def scan(items: Sequence[str] | None, tail: str = "", word_end: bool = True) -> Scan | None:
        return Scan(expand(items), tail, word_end) if items else None

    all_verbs = _alt(say_items + expand(r.get("that_verbs")) + expand(r.get("object_verbs"))
                     + list(r.get("intent_verbs") or []))
    gap = int(r.get("gap", 3))
    that = None
    if r.get("that_verbs") and r.get("complementizer"):
        that = scan(r["that_verbs"], rf"(?P<gap>(?:[ \t]+[^\s,.;:!?«»“”\"]+){{0,{gap}}}?)" + r["complementizer"])
    fillers = _words(d.get("fillers") or [])
    dep = None
    if r.get("dep_marker") and r.get("dep_verbs"):
        dep = scan([r["dep_marker"]], rf"(?:\s+{fillers})*\s+" + _words(r["dep_verbs"]))
    coord = re.compile(r["coordinator"].replace("{verbs}", all_verbs), FLAGS) if r.get("coordinator") else None
    about = re.compile(expand([r["about_previous"]])[0].lstrip("^"), FLAGS) if r.get("about_previous") else None
    stop = _words(r.get("bare_stop") or ["(?!)"])
    ins = r.get("inserted") or {}
    return Grammar(
        say=re.compile(_words(say_items), FLAGS),
        subject_pron=re.compile(_words(d.get("subject_pronouns") or []), FLAGS),
        poss_pron=re.compile(_words(d.get("possessive_pronouns") or []), FLAGS),
        collective=re.compile(r"\s*" + _words(d.get("collective_subjects") or []), FLAGS),
        fillers=re.compile(r"(?:[\s,]+|" + fillers + r")+", FLAGS),
        prepositions=re.compile(_words(d["prepositions"]) + r"\s*$", FLAGS) if d.get("prepositions") else None,
        passive=re.compile(_words(d["passive_markers"]) + r"\s*$", FLAGS) if d.get("passive_markers") else None,
        org=opt(d.get("org_words")),
        head_final=bool(d.get("head_final")),
        oblique=tuple(sorted(d.get("oblique_endings") or [], key=len, reverse=True)),
        frames=tuple(Scan(expand([f]), word_end=False) for f in r.get("frames") or []),
        frames_after=scan(r.get("frames_after_speaker"), r"\s*,\s*"),
        inserted=scan(ins.get("words"), expand([ins.get("tail", "")])[0]),
        that_verbs=that,
        bare_verbs=scan(r.get("bare_verbs"), r"[ \t]+(?!" + stop + r")(?=[\w$“\"«])"),
        participles=scan(r.get("participles"), r"[ \t]+(?!" + stop + r")(?=[\w$“\"«])"),
        object_verbs=scan(r.get("object_verbs"), r"[ \t]+(?=[\w“\"«])"),
        intent=scan(r.get("intent_verbs"), r"\s+(?=" + r["intent_object"] + ")") if r.get("intent_verbs") else None,
        coordinator=coord,
        object_complementizer=(re.compile(r["object_complementizer"], FLAGS)
                               if r.get("object_complementizer") else None),
        heads=re.compile(_words(r["heads"]), FLAGS) if r.get("heads") else None,
        head_verbs=scan(r.get("head_verbs")),
        object_head_verbs=opt(r.get("object_verbs")) if r.get("heads") else None,
        object_endings=tuple(r.get("object_endings") or ()),
        dep=dep,
        lead_converbs=re.compile(_words(r["lead_converbs"]) + r"\s*,", FLAGS) if r.get("lead_converbs") else None,
        about_previous=about,
        voice=re.compile(_words(d["voice"]), FLAGS) if d.get("voice") else None,
        head_adverbs=re.compile(_alt(r["head_adverbs"]), FLAGS) if r.get("head_adverbs") else None,
        dative_verbs=opt(r.get("dative_verbs")),
        dative_endings=tuple(r.get("dative_endings") or ()),
        # a lookahead: the attribution may start at any comma, also inside an earlier candidate's span
        trailing=tuple(re.compile("(?=(?P<all>" + t + "))", FLAGS) for t in expand(r.get("trailing"))),
        lead_frames=re.compile(_alt(expand(r["lead_frames"])), FLAGS) if r.get("lead_frames") else None,
        complementizer=re.compile(r["complementizer"], FLAGS) if r.get("complementizer") else None,
        relative=(re.compile(_words(d["relative_pronouns"]) + r"[\s,]*$", FLAGS)
                  if d.get("relative_pronouns") else None),
        object_stop=frozenset(w.lower() for w in r.get("object_stop") or ()),
        conjunction=(re.compile(r"\s+" + _words(d["subject_conjunctions"]) + r"\s+", FLAGS)
                     if d.get("subject_conjunctions") else None),
    )


# ---------------------------------------------------------------------------------------- helpers

@dataclass(slots=True)
class _Cand:
    """A possible speaker reference: a mention or a pronoun found here."""
    start: int
    end: int
    kind: str           # name | title | pronoun | possessive
    person: str | None = None


class _Ctx:
    def __init__(self, body: str, sentences: Sequence[Span], g: Grammar, mentions: Sequence[Mention]):
        self.body = body
        self.g = g
        self.sentences = list(sentences)
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self.masked = body
        self.low = ""
        self.taken: list[tuple[int, int]] = []    # sorted by start; add with take()
        self._taken_starts: list[int] = []
        self._taken_reach: list[int] = []           # max end over taken[:i + 1]
        self._sentence_starts = [s.start for s in self.sentences]
        self._mention_starts = [m.start for m in self.mentions]
        self.loose: list[tuple[int, int]] = []      # quotations with no attribution of their own
        self.inside: list[Span] = []                # words of institutions' quotations
        self.headlines: list[Span] = []
        self._positions: dict[int, list[int]] = {}
        self._prefix_positions: dict[str, list[int]] = {}

    def hits(self, scan: Scan | None, s: int, e: int) -> list[re.Match[str]]:
        """Matches of `scan` starting inside [s, e) of the masked body."""
        if scan is None:
            return []
        if scan.full_scan or len(self.low) != len(self.masked):
            return list(scan.searcher.finditer(self.masked, s, e))
        pos = self._positions.get(id(scan))
        if pos is None:
            pos = self._positions[id(scan)] = scan.positions(self.low, self._prefix_positions)
        out = []
        last = -1
        for p in pos[bisect_left(pos, s):bisect_left(pos, e)]:
            if p < last:
                continue
            m = scan.pattern.match(self.masked, p, e)
            if m:
                out.append(m)
                last = m.end()
        return out

    # -- speaker candidates
    def cands(self, start: int, end: int, subject: bool = True) -> list[_Cand]:
        out = [_Cand(m.start, m.end, m.kind, m.person) for m in self.mentions
               if m.start >= start and m.end <= end]
        seg = self.body[start:end]
        pats = [(self.g.subject_pron, "pronoun")] + ([] if subject else [(self.g.poss_pron, "possessive")])
        for pat, kind in pats:
            for m in pat.finditer(seg):
                s, e = start + m.start(), start + m.end()
                if not any(c.start <= s < c.end for c in out):
                    out.append(_Cand(s, e, kind))
        return sorted(out, key=lambda c: c.start)

    def mention_at(self, pos: int) -> bool:
        i = bisect_left(self._mention_starts, pos)
        return i < len(self.mentions) and self.mentions[i].start == pos

    def oblique(self, c: _Cand) -> bool:
        """Does the mention stand in a case that cannot be the subject?"""
        if c.kind in ("pronoun", "possessive"):
            return False
        text = self.body[c.start:c.end]
        words = WORD.findall(text)
        if not words:
            return False
        last = words[-1].lower()
        if c.person:
            p = WORD.findall(c.person)
            base = p[-1].lower() if p else ""
            if base and last.startswith(base[: max(3, len(base) - 1)]):
                return len(last) > len(base) and not last.startswith(base + "-")
        if self.g.head_final and self.g.oblique:
            return last.endswith(self.g.oblique)
        return False

    def object_first(self, c: _Cand) -> bool:
        """Does the mention open with a word in the object (accusative) case?"""
        first = WORD.match(self.body, c.start, c.end)
        word = first.group(0).lower() if first else ""
        return len(word) > 4 and bool(self.g.object_endings) and word.endswith(self.g.object_endings)

    def governed(self, c: _Cand, floor: int) -> bool:
        if not self.g.prepositions:
            return False
        return bool(self.g.prepositions.search(self.body[max(floor, c.start - 20):c.start]))

    def subject(self, start: int, end: int) -> tuple[Span | None, int] | None:
        """The speaker reference that is the subject of [start, end): (cue, end of its cluster).

        None when no subject is found; the cue is the name in a cluster of adjacent mentions
        ("ЕЭК Төрағасы Михаил Мясникович"), else its first member."""
        cands = [c for c in self.cands(start, end) if not self.oblique(c) and not self.governed(c, start)]
        if not cands:
            return None
        first = cands[0]
        cluster = [first]
        for c in cands[1:]:
            gap = self.body[cluster[-1].end:c.start]
            # a title does not follow a title ("Үкімет басшысы Мемлекет басшылары …" is a speaker and
            # the start of the clause), nor a name when it opens with an object ("… Нахайян
            # Қазақстанды … көшбасшы ретінде …")
            if c.kind == "title" and (cluster[-1].kind == "title" or self.object_first(c)):
                break
            if gap.strip(" \t,") == "" and c.kind != "pronoun" and "," not in gap:
                cluster.append(c)
            else:
                break
        cue = next((c for c in cluster if c.kind == "name"), cluster[0])
        return Span(cue.start, cue.end), cluster[-1].end

    def cue_in(self, start: int, end: int) -> Span | None:
        """The speaker named in an attribution segment or frame: its first mention or subject pronoun
        in text order ("сказал он Токаеву" → "он"), else a possessive ("по его словам" → "его")."""
        cands = [c for c in self.cands(start, end, subject=False)
                 if not self.governed(c, start) and not (c.kind != "possessive" and self.oblique(c))]
        cands = cands or self.cands(start, end, subject=False)
        pick = next((c for c in cands if c.kind != "possessive"), cands[0] if cands else None)
        if pick and pick.kind == "title":
            # prefer the name right next to a title ("Premier-ministr Olzhas Bektenov")
            for c in cands:
                if c.kind == "name" and 0 <= c.start - pick.end <= 2:
                    pick = c
                    break
        return Span(pick.start, pick.end) if pick else None

    def sentence_at(self, pos: int) -> Span:
        i = bisect_right(self._sentence_starts, pos) - 1
        if i >= 0 and pos < self.sentences[i].end:
            return self.sentences[i]
        return Span(pos, pos)

    def take(self, s: int, e: int) -> None:
        """Mark [s, e) as used by a record (kept sorted, with the running maximum of the ends)."""
        i = bisect_right(self._taken_starts, s)
        self._taken_starts.insert(i, s)
        self.taken.insert(i, (s, e))
        self._taken_reach[i:] = []
        reach = self._taken_reach[-1] if self._taken_reach else -1
        for _, end in self.taken[i:]:
            reach = max(reach, end)
            self._taken_reach.append(reach)

    def overlaps(self, s: int, e: int) -> bool:
        i = bisect_left(self._taken_starts, e)      # taken spans starting before e: [0, i)
        return i > 0 and self._taken_reach[i - 1] > s

    def mask(self, s: int, e: int) -> None:
        self.masked = self.masked[:s] + "\x00" * (e - s) + self.masked[e:]


def _skip_space(body: str, i: int, end: int) -> int:
    while i < end and body[i].isspace():
        i += 1
    return i


def _trim(body: str, s: int, e: int, comma: bool = True) -> tuple[int, int]:
    while s < e and body[s].isspace():
        s += 1
    while e > s and (body[e - 1].isspace() or (comma and body[e - 1] == ",")):
        e -= 1
    return s, e


def _trim_end(body: str, s: int, e: int) -> int:
    """End of a reported clause: before the full stop, trailing spaces and commas."""
    while e > s and (body[e - 1].isspace() or body[e - 1] in ",;:" + END_PUNCT):
        e -= 1
    return e


# ---------------------------------------------------------------------------------------- direct quotes

_MARK = re.compile("[«»“”„\"‘’]")


def _quote_regions(body: str, para: Span, frm: int | None = None) -> tuple[list[tuple[int, int]], int | None]:
    """Top-level (opening mark, closing mark) positions inside one paragraph (from `frm` on), and the
    top-level opening mark left open at the paragraph's end, if any."""
    out: list[tuple[int, int]] = []
    stack: list[str] = []
    start = -1
    for mm in _MARK.finditer(body, para.start if frm is None else frm, para.end):
        i = mm.start()
        ch = body[i]
        top = stack[-1] if stack else None
        if ch == "’" and (top != "‘" or body[i + 1:i + 2].isalpha()):
            continue            # an apostrophe (Kazakhstan’s), not a closing mark
        if ch == '"':
            if top == '"':
                stack.pop()
            elif i + 1 < para.end and not body[i + 1].isspace() and (i == para.start or not body[i - 1].isalnum()):
                stack.append('"')
            elif '"' in stack:
                while stack and stack[-1] != '"':
                    stack.pop()
                if stack:
                    stack.pop()
            else:
                continue
        elif top is not None and ch == PAIRS[top] and not (top == "„" and body[i - 1:i] == " "):
            stack.pop()
        elif ch in PAIRS and not (ch == "“" and top == "„"):
            stack.append(ch)
        elif ch in CLOSING and stack:
            stack.pop()
        else:
            continue
        if len(stack) == 1 and start < 0:
            start = i
        elif not stack and start >= 0:
            out.append((start, i))
            start = -1
    return out, (start if stack and start >= 0 else None)


MAX_QUOTE_PARAGRAPHS = 4    # a quotation left open runs on over at most this many paragraphs


def _open_quote_end(body: str, paragraphs: list[Span], pi: int, o: int) -> tuple[int, bool, int] | None:
    """Where a quotation opened at `o` in paragraph `pi` and left open there ends: (end, closed, index of
    the paragraph holding the end). It runs on when the opening mark starts the paragraph or a
    sentence: to the end of its paragraph when the next one opens a quotation again (the English
    convention for a speech over several paragraphs), else to its closing mark in a following
    paragraph, else — when the page is cut off and no mark follows — to the end of the text."""
    para = paragraphs[pi]
    if not re.search(r"(?:^|[.!?…:,])[ \t]*$", body[para.start:o]):
        return None
    if pi + 1 < len(paragraphs) and body[paragraphs[pi + 1].start] in PAIRS:
        return para.end, False, pi
    closer = PAIRS[body[o]]
    for k in range(pi + 1, min(len(paragraphs), pi + 1 + MAX_QUOTE_PARAGRAPHS)):
        nxt = paragraphs[k]
        for mm in _MARK.finditer(body, nxt.start, nxt.end):
            i, ch = mm.start(), mm.group(0)
            if ch == "’" and body[i + 1:i + 2].isalpha():
                continue
            opens = ch in PAIRS and (ch != '"' or i == nxt.start or not body[i - 1].isalnum()
                                     and body[i + 1:i + 2].strip() != "")
            if ch == closer and (ch != '"' or not opens):
                return i, True, k
            if opens or ch in CLOSING:
                return None         # another quotation, or a closing mark of another kind: no run-on
    if len(paragraphs) - pi - 1 <= MAX_QUOTE_PARAGRAPHS:
        return paragraphs[-1].end, False, len(paragraphs) - 1
    return None


def _attr_after(ctx: _Ctx, close: int, limit: int, punct: bool) -> tuple[int, int, re.Match[str]] | None:
    """An attribution segment right after a closing mark / comma: (start, end, verb match).

    `punct`: the quoted words end in punctuation (“…,” X said), which links them to what follows."""
    body, g = ctx.body, ctx.g
    m = re.match(r"[ \t]*(,)?[ \t]*([—–-])?[ \t]*", body[close:limit])
    assert m is not None
    sep = bool(m.group(1) or m.group(2))
    s = close + m.end()
    e = s
    while e < limit and body[e] not in END_PUNCT + "«“„\"" and not (
            body[e] in DASHES and body[e - 1] == " " and body[e + 1:e + 2] == " "):
        e += 1
    seg = body[s:e]
    v = g.say.search(seg)
    if v:
        comma = seg.find(",", v.end())
        if comma >= 0:      # “…,” X said, adding that … — what follows the comma is not attribution
            e = s + comma
            seg = seg[:comma]
    if not v or len(WORD.findall(seg[: v.start()])) > MAX_ATTR_LEAD or len(WORD.findall(seg)) > MAX_ATTR_WORDS:
        return None
    if not sep and v.start() > 0 and not punct:
        return None
    return s, e, v


def _last(pattern: re.Pattern[str], text: str, s: int, e: int) -> re.Match[str] | None:
    found = None
    for found in pattern.finditer(text, s, e):  # noqa: B007 - the last match is wanted
        pass
    return found


def _colon_before(ctx: _Ctx, sent: Span, open_: int) -> tuple[int, int] | None:
    """X: «…» / X said: "…" — the segment before the colon, if it names a speaker or a verb."""
    body = ctx.body
    j = open_
    while j > sent.start and body[j - 1].isspace():
        j -= 1
    if j <= sent.start or body[j - 1] not in ":,":
        return None
    s = sent.start
    seg_start = max(s, body.rfind(".", s, j - 1) + 1, body.rfind("»", s, j - 1) + 1)
    if body[j - 1] == ",":
        # X said, "…": a comma introduces the quote only right after a verb of saying
        verb = _last(ctx.g.say, body, seg_start, j - 1)
        if verb is None or body[verb.end():j - 1].strip():
            return None
    return seg_start, j - 1


def _colon_subject(ctx: _Ctx, s: int, e: int) -> Span | None:
    """The speaker of an introduction before a colon: the subject of its verb of saying, which follows
    any clause set off by a comma ("Addressing the press with X, Y said:"), else the subject of the whole."""
    verb = _last(ctx.g.say, ctx.body, s, e)
    if verb is not None:
        comma = ctx.body.rfind(",", s, verb.start())
        if comma >= 0:
            sub = ctx.subject(comma + 1, verb.start())
            if sub:
                return sub[0]
    sub = ctx.subject(s, e)
    return sub[0] if sub else None


def _split_parts(ctx: _Ctx, s: int, e: int, dialogue: bool = False) -> list[tuple[int, int, tuple[int, int, re.Match[str]] | None]]:
    """Cut a quote at inner attributions ("…, – деді ол. – …"): parts with the attribution after each."""
    body = ctx.body
    parts = []
    pos = s
    for m in re.finditer(r"([,.!?…])[ \t]*[—–-][ \t]+", body[s:e]):
        a_start = s + m.start()
        if a_start < pos:
            continue
        attr = _attr_after(ctx, a_start + 1, e, True)
        if not attr:
            continue
        # the attribution is followed by a dash that resumes the quote, or ends the dialogue line
        rest = re.match(r"[ \t]*[.,:]?[ \t]*[—–-][ \t]+", body[attr[1]:e])
        if not rest:
            tail = body[attr[1]:e]
            # the line ends with the attribution, or with a clause hanging on it ("…, — сказал X,
            # обращаясь к коллеге.")
            if dialogue and (tail.strip(" \t" + END_PUNCT) == "" or re.fullmatch(r"\s*,[^—–«»“”\"]*", tail)):
                keep = body[a_start] in "!?…"
                parts.append((pos, a_start + (1 if keep else 0), attr))
                return parts
            continue
        keep = body[a_start] in "!?…"
        parts.append((pos, a_start + (1 if keep else 0), attr))
        pos = attr[1] + rest.end()
    parts.append((pos, e, None))
    return parts


def _in_voice(ctx: _Ctx, s: int, e: int) -> bool:
    """Do the words speak in the first or second person (the voice of someone speaking)?"""
    return bool(ctx.g.voice and ctx.g.voice.search(ctx.body, s, e))


def _name_line(ctx: _Ctx, para: Span) -> tuple[Span, int] | None:
    """A transcript's speaker line, "Name: words" / "Name, title: words": (cue, start of the words).
    The line opens with a person, a colon follows within a few words, and the words end a sentence (a
    headline "Name: words" has no full stop)."""
    body = ctx.body
    colon = body.find(":", para.start, min(para.end, para.start + MAX_NAME_LINE_CHARS))
    if colon < 0 or body[para.end - 1] not in END_PUNCT:
        return None
    i = bisect_left(ctx._mention_starts, para.start)
    if i >= len(ctx.mentions) or ctx.mentions[i].start != para.start or ctx.mentions[i].end > colon:
        return None
    words = _skip_space(body, colon + 1, para.end)
    if words >= para.end or body[words] in PAIRS or body[words] in DASHES:
        return None
    if len(WORD.findall(body[para.start:colon])) > MAX_ATTR_WORDS or not body[words].isalnum():
        return None
    cue = ctx.cue_in(para.start, colon)
    return (cue, words) if cue else None


def _line_shape(body: str, para: Span) -> bool:
    """Does the paragraph open like a speaker line, a few capitalised words and a colon ("Kokhir
    Rasulzoda: …"), whether or not the people stage knows the name?"""
    colon = body.find(":", para.start, min(para.end, para.start + MAX_NAME_LINE_CHARS))
    if colon < 0:
        return False
    head = body[para.start:colon].split(",")[0].split()
    return 0 < len(head) <= 4 and all(w[:1].isupper() for w in head)


def _alone_name(ctx: _Ctx, para: Span) -> Span | None:
    """A paragraph that is only a person's name (with a title): the signature of a pulled quote."""
    i = bisect_left(ctx._mention_starts, para.start)
    if i >= len(ctx.mentions) or ctx.mentions[i].start != para.start:
        return None
    pos = para.start
    while i < len(ctx.mentions) and ctx.mentions[i].start <= pos + 2:
        pos = max(pos, ctx.mentions[i].end)
        i += 1
    if ctx.body[pos:para.end].strip(" \t,.") != "":
        return None
    return ctx.cue_in(para.start, para.end)


MAX_HEADLINE_WORDS = 20


def _headlines(body: str, paragraphs: list[Span]) -> list[Span]:
    """Paragraphs that are headlines (page chrome, never a statement): short, without a full stop, and
    followed by a paragraph that starts afresh (a line wrapped inside a sentence goes on in lower case)."""
    out = []
    for k in range(len(paragraphs) - 1):
        para, nxt = paragraphs[k], paragraphs[k + 1]
        last, first = body[para.end - 1], body[nxt.start]
        if (last in END_PUNCT or last in CLOSING or last in ":,;" or body[para.start] in PAIRS
                or body[para.start] in DASHES):
            continue
        if not (first.isupper() or first.isdigit() or first in PAIRS or first in DASHES):
            continue
        if len(WORD.findall(body[para.start:para.end])) <= MAX_HEADLINE_WORDS:
            out.append(para)
    return out


def _direct(ctx: _Ctx, paragraphs: list[Span]) -> list[QuoteFinding]:
    body, g = ctx.body, ctx.g
    out: list[QuoteFinding] = []
    prev_dialogue = False
    # the speaker whose words may go on in the next paragraph (after "X said:\n— …", "Name: …")
    speaking: tuple[Span | None, Span] | None = None
    resume: int | None = None        # a quotation run on from an earlier paragraph ends before this offset
    headlines = {p.start for p in ctx.headlines}
    for pi, para in enumerate(paragraphs):
        last_attr: tuple[int, Span | None, Span] | None = None   # (end of attribution, cue, sentence)
        if resume is not None and resume >= para.end:
            continue
        if para.start in headlines and resume is None:
            speaking = None
            continue
        frm = resume if resume is not None and resume > para.start else None
        resume = None
        text = body[para.start:para.end]
        regions, left_open = _quote_regions(body, para, frm)
        marks = bool(regions) or left_open is not None
        # -- dialogue line
        lead = re.match(r"[—–-][ \t]+", text)
        if lead and frm is None:
            parts = _split_parts(ctx, para.start + lead.end(), para.end, dialogue=True)
            intro = paragraphs[pi - 1] if pi else None
            colon = intro is not None and body[intro.end - 1] == ":"
            first = body[para.start + lead.end():para.end]
            looks_spoken = (first[:1].isupper() or first[:1].isdigit()) and not first.rstrip().endswith(";")
            if parts[0][2] is not None or ((colon or prev_dialogue) and looks_spoken):
                cue = None
                if colon and intro is not None:
                    cue = ctx.cue_in(intro.start, intro.end)
                records = []
                for ps, pe, attr in parts:
                    if attr is not None:
                        cue = ctx.cue_in(attr[0], attr[1])
                    records.append((ps, pe, attr))
                att_sent = next((ctx.sentence_at(a[0]) for _, _, a in records if a), ctx.sentence_at(para.start))
                for ps, pe, attr in records:
                    ts, te = _trim(body, ps, pe)
                    if te > ts:
                        out.append(QuoteFinding(ts, te, True, cue, att_sent, rule="dialogue line"))
                    ctx.take(ps, attr[1] if attr else pe)
                ctx.mask(para.start, para.end)
                prev_dialogue = True
                speaking = (cue, att_sent) if colon and all(a is None for _, _, a in records) else None
                continue
        prev_dialogue = False
        if frm is None and not lead and not marks:
            # -- a transcript's speaker line: "Name: words."
            named = _name_line(ctx, para)
            if named:
                cue, words = named
                sent = ctx.sentence_at(words)
                ts, te = _trim(body, words, para.end)
                out.append(QuoteFinding(ts, te, True, cue, sent, rule="transcript speaker line"))
                ctx.take(para.start, para.end)
                ctx.mask(para.start, para.end)
                speaking = (cue, sent)
                continue
            # -- the speaker's words go on in a paragraph of their own, in their voice
            if speaking is not None and _in_voice(ctx, para.start, para.end) and not _line_shape(body, para):
                ts, te = _trim(body, para.start, para.end)
                out.append(QuoteFinding(ts, te, True, speaking[0], speaking[1], rule="speaker's voice goes on"))
                ctx.take(para.start, para.end)
                ctx.mask(para.start, para.end)
                continue
            # -- words without quotation marks ended by a dash and an attribution: "…, — деді X."
            parts = _split_parts(ctx, para.start, para.end, dialogue=True)
            if parts[0][2] is not None:
                attr = parts[0][2]
                cue = ctx.cue_in(attr[0], attr[1])
                if cue is not None and not _is_org(ctx, attr[0], attr[1]):
                    att_sent = ctx.sentence_at(attr[0])
                    for ps, pe, a in parts:
                        ts, te = _trim(body, ps, pe)
                        if te > ts:
                            out.append(QuoteFinding(ts, te, True, ctx.cue_in(a[0], a[1]) if a else cue, att_sent, rule="words closed by a dash and an attribution"))
                    ctx.take(para.start, para.end)
                    ctx.mask(para.start, para.end)
                    speaking = None
                    continue
            # -- a pulled quote signed by the next paragraph: "words in the speaker's voice.\nName"
            if pi + 1 < len(paragraphs) and _in_voice(ctx, para.start, para.end):
                cue = _alone_name(ctx, paragraphs[pi + 1])
                if cue is not None:
                    ts, te = _trim(body, para.start, para.end)
                    out.append(QuoteFinding(ts, te, True, cue, ctx.sentence_at(para.start), rule="pulled quote signed by a name"))
                    ctx.take(para.start, para.end)
                    ctx.mask(para.start, para.end)
                    speaking = None
                    continue
        speaking = None
        # -- quotation marks
        spans = [(o, c, True, para.end) for o, c in regions]
        if left_open is not None:
            run_on = _open_quote_end(body, paragraphs, pi, left_open)
            if run_on is not None:
                end, closed, k = run_on
                spans.append((left_open, end, closed, paragraphs[k].end))
                if k > pi:
                    resume = end + 1 if closed else paragraphs[k].end
        for o, c, closed, para_end in spans:
            sent = ctx.sentence_at(o)
            inner_s, inner_e = o + 1, c
            parts = _split_parts(ctx, inner_s, inner_e)
            after = None
            if closed:
                limit = max(sent.end, c + 1)
                if limit <= c + 1:
                    # the segmenter may end a sentence at "!»" / "?”": the attribution is then the next one
                    nxt = ctx.sentence_at(_skip_space(body, c + 1, para_end))
                    limit = max(limit, nxt.end)
                after = _attr_after(ctx, c + 1, limit, body[c - 1] in ",.!?…")
            colon = None if after else _colon_before(ctx, sent, o)
            cue: Span | None = None
            att_sent = sent
            if after:
                cue = ctx.cue_in(after[0], after[1])
                att_sent = ctx.sentence_at(after[0]) if after[0] >= sent.end else sent
            elif colon:
                sub = _colon_subject(ctx, colon[0], colon[1])
                cue = sub if sub else ctx.cue_in(colon[0], colon[1])
                if not sub and not cue and not g.say.search(body[colon[0]:colon[1]]):
                    colon = None
            inner_attr = next((a for _, _, a in parts if a), None)
            if inner_attr and not (after or colon):
                cue = ctx.cue_in(inner_attr[0], inner_attr[1])
            continued = False
            if not (after or colon or inner_attr) and last_attr is not None:
                between = body[last_attr[0]:o]
                continued = between.strip(" \t,.:;") == ""
                if continued:
                    cue, att_sent = last_attr[1], last_attr[2]
            tail = body[c + 1:sent.end] if closed and c < sent.end else ""
            whole = (not (after or colon or inner_attr or continued)
                     and body[sent.start:o].strip() == "" and tail.strip(" .!?…") == ""
                     and len(WORD.findall(body[inner_s:inner_e])) >= MIN_BARE_QUOTE_WORDS)
            if not (after or colon or inner_attr or continued or whole):
                ctx.loose.append((inner_s, inner_e))
                continue
            if after and cue is None and not inner_attr and _is_org(ctx, after[0], after[1]):
                # an institution's words ("«…», — говорится в сообщении пресс-службы"): no person's
                # quote, but a person's statement it reports is found inside (find_quotes)
                ctx.inside.append(Span(inner_s, inner_e))
                ctx.take(o, after[1])
                ctx.mask(o, after[1])
                continue
            if whole and pi and body[paragraphs[pi - 1].end - 1] == ":" and body[para.start:o].strip() == "":
                intro = paragraphs[pi - 1]
                cue = ctx.cue_in(intro.start, intro.end)     # X былай деді:\n«…»
            for ps, pe, attr in parts:
                pcue = ctx.cue_in(attr[0], attr[1]) if attr else cue
                if attr is None and inner_attr is not None and not after:
                    pcue = cue
                ts, te = _trim(body, ps, pe)
                if te > ts:
                    out.append(QuoteFinding(ts, te, True, pcue, att_sent, rule="quotation marks"))
            end = after[1] if after else c + 1 if closed else c
            ctx.take(o, end)
            ctx.mask(o, end)
            if after:
                last_attr = (after[1], cue, att_sent)
            elif colon or inner_attr or continued:
                last_attr = (end, cue, att_sent)
    return out


# ---------------------------------------------------------------------------------------- reported speech

def _clause_end(ctx: _Ctx, s: int, limit: int) -> int:
    """End of a rest-of-sentence clause: before a coordinated verb or the full stop."""
    e = limit
    if ctx.g.coordinator:
        m = ctx.g.coordinator.search(ctx.masked, s, limit)
        if m:
            e = m.start()
    cut = ctx.masked.find("\x00", s, e)
    if cut >= 0:
        e = cut
    return _trim_end(ctx.body, s, e)


def _skip_fillers(ctx: _Ctx, pos: int, limit: int) -> int:
    m = ctx.g.fillers.match(ctx.body, pos, limit)
    return m.end() if m else pos


def _collective(ctx: _Ctx, sent: Span, upto: int) -> bool:
    """Is the subject of the sentence collective ("the sides", "тараптар")? It opens the sentence, after
    fillers, or the clause after a first phrase set off by a comma ("Баспасөз қызметінің хабарлауынша,
    кездесу барысында тараптар …")."""
    start = _skip_fillers(ctx, sent.start, upto)
    if ctx.g.collective.match(ctx.body, start, upto):
        return True
    comma = ctx.body.find(",", start, min(upto, start + MAX_LEAD_PHRASE))
    return comma >= 0 and bool(ctx.g.collective.match(ctx.body, _skip_fillers(ctx, comma + 1, upto), upto))


def _coordinated(ctx: _Ctx, end: int, limit: int) -> bool:
    """Is the subject ending at `end` one of two joined by a conjunction ("X пен Y", "X и Y", "X and Y")?"""
    m = ctx.g.conjunction.match(ctx.body, end, limit) if ctx.g.conjunction else None
    if not m:
        return False
    i = bisect_left(ctx._mention_starts, m.end())
    if i >= len(ctx.mentions) or ctx.mentions[i].start >= limit:
        return False
    # the second subject opens within a few words ("X and Foreign Secretary Y")
    return len(WORD.findall(ctx.body[m.end():ctx.mentions[i].start])) <= 3


def _is_org(ctx: _Ctx, s: int, e: int) -> bool:
    return bool(ctx.g.org and ctx.g.org.search(ctx.body, s, e))


def _add(ctx: _Ctx, out: list[QuoteFinding], s: int, e: int, cue: Span | None, sent: Span) -> bool:
    s, e = _trim(ctx.body, s, e)
    e = _trim_end(ctx.body, s, e)
    if e - s < 3 or len(WORD.findall(ctx.body[s:e])) < 2 or ctx.overlaps(s, e) or "\x00" in ctx.masked[s:e]:
        return False
    out.append(QuoteFinding(s, e, False, cue, sent, _caller_rule() if active() else ""))
    ctx.take(s, e)
    return True


_RULES = {"_frames": "speech frame (X-тың айтуынша, по словам X, according to X)",
          "_trailing": "attribution closing the sentence (…, X said)",
          "_lead_frame": "frame opening the sentence (Noting that …, X)",
          "_svo": "verb of saying with its clause after it (X said that …)",
          "_sov": "clause before a verb of saying (… деп атап өтті)"}


def _caller_rule() -> str:
    import sys

    name = sys._getframe(2).f_code.co_name
    return _RULES.get(name, name.strip("_").replace("_", " "))


def _speaker_before(ctx: _Ctx, sent: Span, verb: int) -> tuple[Span | None, bool]:
    """(cue, ok) for a verb of saying at `verb`: ok is False when the subject is collective/an org.

    The subject follows a phrase set off by a comma before the verb ("Talking to X, Y reiterated …");
    words there that name nobody we know ("…, the premier underscored") leave the cue to the context."""
    if ctx.g.relative:
        rel = ctx.g.relative.search(ctx.body, max(sent.start, verb - 20), verb)
        if rel:
            # "… X who said that …": the person named right before the relative pronoun
            before = [c for c in ctx.cands(max(sent.start, rel.start() - 80), rel.start())
                      if c.kind in ("name", "title")]
            if before:
                return Span(before[-1].start, before[-1].end), True
    comma = ctx.body.rfind(",", sent.start, verb)
    if comma >= 0:
        near = ctx.subject(comma + 1, verb)
        if near and not _is_org(ctx, near[1], verb) and not _coordinated(ctx, near[1], verb):
            return near[0], True
        lead = ctx.body[comma + 1:verb]
        if WORD.search(lead) and not ctx.g.fillers.fullmatch(lead) and not _is_org(ctx, comma + 1, verb):
            if _collective(ctx, Span(comma + 1, verb), verb):
                return None, False
            return None, True
    sub = ctx.subject(sent.start, verb)
    if sub:
        if _is_org(ctx, sub[1], min(verb, sub[1] + 40)) or _coordinated(ctx, sub[1], verb):
            return None, False
        return sub[0], True
    if _collective(ctx, sent, verb) or _is_org(ctx, sent.start, verb):
        return None, False
    return None, True


def _inserted(ctx: _Ctx, sent: Span, at: int) -> bool:
    """Does a frame at `at` stand as a parenthesis inside its sentence ("…, по его словам, …")? It does
    when a comma precedes it and words other than fillers come before that comma."""
    j = at
    while j > sent.start and ctx.body[j - 1].isspace():
        j -= 1
    if j <= sent.start or ctx.body[j - 1] != ",":
        return False
    lead = _skip_fillers(ctx, sent.start, j - 1)
    # "…, где, как отметил X, …": inside a later clause the frame heads only what follows it
    return lead < j - 1 and "," not in ctx.body[lead:j - 1]


def _frames(ctx: _Ctx, sent: Span, out: list[QuoteFinding]) -> None:
    """Frames before the reported clause; a frame inserted as a parenthesis makes the whole sentence
    the record ("Новая стратегия, по его словам, предусматривает …")."""
    g, body = ctx.g, ctx.body
    for scan in g.frames:
        for m in ctx.hits(scan, sent.start, sent.end):
            spans = [(m.start(k), m.end(k)) for k in ("who", "who2") if k in m.re.groupindex and m.group(k)]
            cue = None
            for ws, we in spans:
                cue = ctx.cue_in(ws, we)
                if cue:
                    break
            if spans and not cue and _is_org(ctx, spans[0][0], spans[-1][1]):
                continue
            start = _skip_fillers(ctx, sent.start, m.start()) if _inserted(ctx, sent, m.start()) else m.end()
            _add(ctx, out, start, _clause_end(ctx, m.end(), sent.end), cue, sent)
    for m in ctx.hits(g.inserted, sent.start, sent.end):
        if not _inserted(ctx, sent, m.start()):
            continue
        if g.participles and g.participles.pattern.match(ctx.masked, m.end(), sent.end):
            continue        # "…, he said, stressing …": the attribution closes the clause (_trailing)
        who = (m.start("who"), m.end("who")) if "who" in m.re.groupindex else (m.start(), m.end())
        cue = ctx.cue_in(*who)
        if cue is None:
            continue
        _add(ctx, out, _skip_fillers(ctx, sent.start, m.start()), _clause_end(ctx, m.end(), sent.end), cue, sent)
    if g.frames_after:
        for m in ctx.hits(g.frames_after, sent.start, sent.end):
            j = m.start()
            while j > sent.start and body[j - 1].isspace():
                j -= 1
            cands = [c for c in ctx.cands(sent.start, j, subject=False) if c.end >= j - 1]
            cue = Span(cands[-1].start, cands[-1].end) if cands else None
            _add(ctx, out, m.end(), _clause_end(ctx, m.end(), sent.end), cue, sent)


def _name_shaped(text: str) -> bool:
    """One to three capitalised words: a person the people stage may not know ("Xi")."""
    words = text.split()
    return 0 < len(words) <= 3 and all(w[:1].isupper() for w in words)


def _trailing(ctx: _Ctx, sent: Span, out: list[QuoteFinding]) -> None:
    """"<clause>, X said." / "<clause>, заявил X.": an attribution after the reported clause closes the
    sentence (only a circumstance may follow the verb, no complementiser)."""
    g, body = ctx.g, ctx.body
    best: tuple[int, Span | None, int] | None = None
    for pat in g.trailing:
        for m in pat.finditer(ctx.masked, sent.start, sent.end):
            end = m.end("all")
            if g.complementizer and g.complementizer.search(ctx.masked, end, sent.end):
                continue
            if re.match(r"[\s,:]*\x00", ctx.masked[end:min(sent.end, end + 4)]):
                continue        # the verb introduces a quotation ("X said, “…”")
            ws, we = m.start("who"), m.end("who")
            if _is_org(ctx, ws, we):
                continue
            if any(h.start() < end and h.end() < sent.end
                   for scan in (g.bare_verbs, g.object_verbs) for h in ctx.hits(scan, we, sent.end)):
                continue        # the verb has an object of its own ("In order to …, X stressed on the need …")
            cue = ctx.cue_in(ws, we)
            if cue is not None and len(WORD.findall(body[ws:cue.start])) > MAX_ATTR_LEAD - 2:
                continue        # the speaker opens the attribution ("…, X, Deputy Prime Minister, said")
            named = cue is not None or _name_shaped(body[ws:we])
            # the latest verb; of the attributions ending at it, the one opening first ("…, X, Deputy
            # Prime Minister, Minister of Trade, said")
            if named and (best is None or (end, -m.start()) > (best[2], -best[0])):
                best = (m.start(), cue, end)
    if best is None:
        return
    start = _skip_fillers(ctx, sent.start, best[0])
    if len(WORD.findall(body[start:best[0]])) >= MIN_BARE_QUOTE_WORDS:
        _add(ctx, out, start, best[0], best[1], sent)


def _lead_frame(ctx: _Ctx, sent: Span, out: list[QuoteFinding]) -> None:
    """"Noting that <clause>, X stressed …": a participle of saying opens the sentence; its clause ends at
    the comma before the subject of the main verb."""
    g = ctx.g
    if g.lead_frames is None:
        return
    m = g.lead_frames.match(ctx.masked, _skip_fillers(ctx, sent.start, sent.end), sent.end)
    if not m:
        return
    for c in ctx.cands(m.end(), sent.end):
        if c.kind == "possessive":
            continue
        lead = re.search(r",\s*(?:\w+\s+)?$", ctx.body[max(m.end(), c.start - 30):c.start])
        if lead:
            comma = c.start - len(lead.group(0))
            _add(ctx, out, m.end(), comma, Span(c.start, c.end), sent)
            return


def _svo(ctx: _Ctx, sent: Span, out: list[QuoteFinding]) -> None:
    g, body = ctx.g, ctx.body
    found: list[tuple[int, int, int]] = []     # (verb start, text start, kind)
    for kind, scan in enumerate((g.that_verbs, g.bare_verbs, g.object_verbs, g.intent)):
        found += [(m.start(), m.end(), kind) for m in ctx.hits(scan, sent.start, sent.end)]
    # a participle of saying with its object continues the sentence after a comma ("…, stressing the need …")
    found += [(m.start(), m.end(), 1) for m in ctx.hits(g.participles, sent.start, sent.end)
              if body[max(sent.start, m.start() - 3):m.start()].rstrip().endswith(",")]
    found.sort()
    cue: Span | None = None
    have_subject = False
    for verb, ts, kind in found:
        if ctx.overlaps(verb, ts + 1) or any(abs(verb - v) < 2 for v, _, _ in found if v < verb):
            continue        # (a record already starts at the clause: "Noting that …, X …")
        if g.passive and g.passive.search(body, max(sent.start, verb - 12), verb):
            continue
        if not have_subject:
            # the subject follows any record this sentence opened with ("Noting that …, X stressed …")
            floor = sent.start
            for q in reversed(out):
                if q.sentence != sent:
                    break
                if q.end <= verb:
                    floor = max(floor, q.end)
            cue, ok = _speaker_before(ctx, Span(floor, sent.end) if floor > sent.start else sent, verb)
            if not ok:
                continue
            have_subject = True
        if kind == 1 and ctx.mention_at(ts):
            continue        # the subject follows the verb ("отметил Токаев"): no object here
        if kind == 2 and g.object_complementizer:
            # "proposed that the parties launch …": the complementiser is no part of the proposal
            c = g.object_complementizer.match(body, ts, sent.end)
            ts = c.end() if c else ts
        _add(ctx, out, ts, _clause_end(ctx, ts, sent.end), cue, sent)


def _clause_start(ctx: _Ctx, sent: Span, head: int, floor: int) -> tuple[int, Span | None, bool]:
    """Start of a head-final reported clause ending at `head`: after the subject and fillers, and after
    the speaker's own converb clause ("келіссөздерді ашып, …")."""
    g = ctx.g
    cue: Span | None = None
    ok = True
    if floor > sent.start:
        start = floor
    else:
        sub = ctx.subject(sent.start, head)
        if sub and sub[1] <= head:
            cue = sub[0]
            start = sub[1]
            if _is_org(ctx, sub[1], min(head, sub[1] + 40)) or _coordinated(ctx, sub[1], head):
                ok = False
        else:
            start = sent.start
            if _collective(ctx, sent, head) or _is_org(ctx, sent.start, head):
                ok = False
    start = _skip_fillers(ctx, start, head)
    if g.lead_converbs:
        for m in g.lead_converbs.finditer(ctx.masked, start, head):
            start = _skip_fillers(ctx, m.end(), head)
    return start, cue, ok


def _sov(ctx: _Ctx, sent: Span, out: list[QuoteFinding]) -> None:
    g, body, masked = ctx.g, ctx.body, ctx.masked
    if not (g.heads and g.head_verbs):
        return
    ends: list[tuple[int, int]] = []    # (clause end, verb end)
    fill = g.fillers
    for v in ctx.hits(g.head_verbs, sent.start, sent.end):
        # the word before the verb (fillers skipped backwards) must be a clause head
        j = v.start()
        while True:
            while j > sent.start and body[j - 1].isspace():
                j -= 1
            w = re.search(r"[\w-]+$", body[sent.start:j])
            if not w:
                break
            word_start = sent.start + w.start()
            fm = fill.match(body, word_start, j)
            if fm and fm.end() == j and body[word_start:j].strip():
                j = word_start
                continue
            if g.head_adverbs and g.head_adverbs.fullmatch(body, word_start, j):
                j = word_start
                continue
            break
        head_end = -1
        for h in g.heads.finditer(masked, max(sent.start, j - 40), j):
            if h.end() == j:
                head_end = h.end()
        if head_end < 0 and g.object_head_verbs and g.object_head_verbs.match(masked, v.start()):
            w = re.search(r"[\w-]+$", body[sent.start:j])
            if (w and w.group(0).lower().endswith(g.object_endings) and len(w.group(0)) > 3
                    and w.group(0).lower() not in g.object_stop):
                head_end = sent.start + w.end()
        if head_end < 0 and g.dative_verbs and g.dative_verbs.match(masked, v.start()):
            w = re.search(r"[\w-]+$", body[sent.start:j])
            if w and w.group(0).lower().endswith(g.dative_endings) and len(w.group(0)) > 4:
                head_end = sent.start + w.end()
        if head_end >= 0:
            ends.append((head_end, v.end()))
    ends += [(len(body[:m.start()].rstrip()), m.end()) for m in ctx.hits(g.dep, sent.start, sent.end)]
    ends.sort()
    floor = sent.start
    subject: Span | None = None
    for head_end, verb_end in ends:
        if ctx.overlaps(head_end - 1, head_end):
            floor = verb_end
            continue
        start, cue, ok = _clause_start(ctx, sent, head_end, floor)
        if floor > sent.start:
            cue = subject       # a later clause of the same sentence keeps the speaker
        subject = cue
        if ok and start < head_end:
            _add(ctx, out, start, head_end, cue, sent)
        nxt = re.match(r"\s*,?\s*", body[verb_end:sent.end])
        floor = verb_end + (nxt.end() if nxt else 0)
        if not ok:
            break


def _about_previous(ctx: _Ctx, idx: int, out: list[QuoteFinding]) -> None:
    g = ctx.g
    if not g.about_previous or idx == 0:
        return
    sent = ctx.sentences[idx]
    m = g.about_previous.match(ctx.body, sent.start, sent.end)
    if not m:
        return
    ws, we = m.start("who"), m.end("who")
    if _is_org(ctx, ws, we):
        return
    cue = ctx.cue_in(ws, we)
    if cue is None:
        return
    prev = ctx.sentences[idx - 1]
    _add(ctx, out, prev.start, prev.end, cue, sent)


def find_quotes(body: str, sentences: Sequence[Span], lang: str,
                mentions: Sequence[Mention]) -> list[QuoteFinding]:
    """Direct quotes and reported speech in one article body, in text order."""
    from archive.extract.segment import paragraphs

    g = grammar(lang)
    ctx = _Ctx(body, sentences, g, mentions)
    paras = paragraphs(body)
    ctx.headlines = _headlines(body, paras)
    for h in ctx.headlines:
        ctx.take(h.start, h.end)        # page chrome: no statement here
    found = _direct(ctx, paras)
    ctx.low = ctx.masked.lower()
    reported: list[QuoteFinding] = []
    for sent in ctx.sentences:
        if "\x00" * max(1, sent.end - sent.start) == ctx.masked[sent.start:sent.end]:
            continue
        _frames(ctx, sent, reported)
        _lead_frame(ctx, sent, reported)
        _trailing(ctx, sent, reported)
        _svo(ctx, sent, reported)
        _sov(ctx, sent, reported)
    for i in range(len(ctx.sentences)):
        _about_previous(ctx, i, reported)
    reported.sort(key=lambda q: q.start)
    found += _fragments(ctx, reported)
    reported += _reported_inside(ctx, found, mentions)
    return sorted(found + reported, key=lambda q: (q.start, q.end))


def _fragments(ctx: _Ctx, reported: list[QuoteFinding]) -> list[QuoteFinding]:
    """Words in quotation marks inside a reported statement (X said the talks were “historic”) are a
    direct quote of the same speaker. (`reported` is sorted by start and its records do not overlap.)"""
    starts = [q.start for q in reported]
    out = []
    for s, e in ctx.loose:
        i = bisect_right(starts, s) - 1
        if i >= 0 and reported[i].end >= e - 1:
            ts, te = _trim(ctx.body, s, e)
            # a name in quotation marks («Қарашығанақ Петролеум Оперейтинг», «Казахстан — Италия») is
            # capitalised; quoted words of a speaker go on the reported clause in lower case
            if len(WORD.findall(ctx.body[ts:te])) >= 2 and ctx.body[ts:te][:1].islower():
                out.append(QuoteFinding(ts, te, True, reported[i].cue, reported[i].sentence, rule="quoted words inside a reported clause"))
    return out


def _reported_inside(ctx: _Ctx, direct: list[QuoteFinding], mentions: Sequence[Mention]) -> list[QuoteFinding]:
    """Statements a quotation reports of someone it names ("«Зухуров подчеркнул, что …», — отметил
    пресс-секретарь"): reported speech found inside the quoted words, when its speaker is named there."""
    spans = sorted([Span(q.start, q.end) for q in direct] + ctx.inside, key=lambda sp: sp.start)
    if not spans:
        return []
    body = ctx.body
    pieces, pos = [], 0
    for sp in spans:
        if sp.start < pos:
            continue
        pieces += ["\x00" * (sp.start - pos), body[sp.start:sp.end]]
        pos = sp.end
    pieces.append("\x00" * (len(body) - pos))
    starts = ctx._sentence_starts
    clipped = []
    for sp in spans:
        i = max(0, bisect_right(starts, sp.start) - 1)
        while i < len(ctx.sentences) and ctx.sentences[i].start < sp.end:
            sent = ctx.sentences[i]
            s, e = max(sent.start, sp.start), min(sent.end, sp.end)
            if e > s:
                clipped.append(Span(s, e))
            i += 1
    inner = _Ctx(body, clipped, ctx.g, mentions)
    inner.masked = "".join(pieces)
    inner.low = inner.masked.lower()
    found: list[QuoteFinding] = []
    for sent in clipped:
        _frames(inner, sent, found)
        _svo(inner, sent, found)
        _sov(inner, sent, found)
    return [QuoteFinding(f.start, f.end, False, f.cue, ctx.sentence_at(f.start), f.rule) for f in found
            if f.cue is not None and f.cue.start >= f.sentence.start]
