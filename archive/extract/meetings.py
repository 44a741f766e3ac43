"""The meeting an article reports: kind, date, place, occasion and topics.

Language knowledge comes from `<lang>/data/meetings.yaml`: event words and the kinds they signal,
whether the main predicate stands last (Kazakh, verb-final) or first (Russian, English), the words
around a framework event ("X аясында", "в рамках X", "on the sidelines of X") and how topic lists are
introduced ("Тараптар … мәселелерін талқылады", "Стороны обсудили …", "The sides discussed …").
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

from archive.extract import linear
from archive.extract.dates import DateMention
from archive.extract.lexicon import lexicon
from archive.extract.people import Token, morphology, tokenize
from archive.extract.places import Place
from archive.extract.segment import Intervals, Span, lead
from archive.extract.trace import note

_LIST_END = re.compile(r";|(?<=[^\W\d_A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]{2})[.!?]\s+(?=[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ])")
DATELINE = re.compile(r"\A\s*([^\W\d_][^\W\d_ -]*(?:[ -][^\W\d_]+)?)\s*,"
                      r"(?:\s*[^\W\d_][^\W\d_ -]*,)?\s*(?=\d|[^\W\d_]+\s+\d)", re.U)


@dataclass(frozen=True, slots=True)
class Setting:
    kind: str
    date: str | None
    city: str | None
    country: str | None
    occasion: str | None
    topics: tuple[str, ...]


@cache
def _config(lang: str) -> dict[str, Any]:
    data = dict(lexicon(lang, "meetings"))
    data["kinds"] = [(tuple(k["words"]), k["kind"]) for k in data["kinds"]]
    data["kinds_by_first"] = {}
    for words, kind in data["kinds"]:
        data["kinds_by_first"].setdefault(words[0][:3], []).append((words, kind))
    data["remote"] = frozenset(data.get("remote") or ())
    data["context_kinds"] = frozenset(data.get("context_kinds") or ())
    data["occasion_stop"] = frozenset(data.get("occasion_stop") or ())
    data["verb_like"] = tuple(data.get("verb_like") or ())
    data["occasion_visit_kinds"] = tuple(data.get("occasion_visit_kinds") or ())
    data["topic_strip"] = frozenset(data.get("topic_strip") or ())
    data["topic_strip_tail"] = frozenset(data.get("topic_strip_tail") or data["topic_strip"])
    data["topic_head_endings"] = tuple(data.get("topic_head_endings") or ())
    data["topic_passive"] = tuple(data.get("topic_passive") or ())
    data["topic_passive_aux"] = frozenset(data.get("topic_passive_aux") or ())
    data["topic_frame_endings"] = tuple(data.get("topic_frame_endings") or ())
    data["topic_frame_prepositions"] = frozenset(data.get("topic_frame_prepositions") or ())
    opener = data.get("topic_passive_opener")
    data["topic_passive_opener_rx"] = re.compile(opener, re.I) if opener else None
    verbs = data.get("topic_verbs") or ()
    data["topic_verb_rx"] = re.compile("|".join(re.escape(v) for v in verbs), re.I) if verbs else None
    data["topic_lead_rx"] = re.compile(data["topic_lead"], re.I) if data.get("topic_lead") else None
    data["topic_drop_rx"] = re.compile(data["topic_drop"], re.I) if data.get("topic_drop") else None
    data["city_phrase_rx"] = [linear.compile(p) for p in data.get("city_phrases") or ()]
    data["occasion_phrase_rx"] = [linear.compile(p) for p in data.get("occasion_phrases") or ()]
    data["topic_phrase_rx"] = [(linear.compile(p, re.I), True) for p in data.get("topic_phrases") or ()]
    data["topic_phrase_rx"] += [(linear.compile(p, re.I), False) for p in data.get("topic_terms") or ()]
    data["topic_phrase_stop"] = frozenset(data.get("topic_phrase_stop") or ())
    data["topic_phrase_stop_endings"] = tuple(data.get("topic_phrase_stop_endings") or ())
    background = data.get("topic_background")
    data["topic_background_rx"] = re.compile(background, re.I) if background else None
    data["topic_phrase_stop_before"] = frozenset(data.get("topic_phrase_stop_before") or ())
    return data


def _kind_hits(tokens: list[Token], cfg: dict[str, Any]) -> list[tuple[int, str]]:
    hits = []
    by_first = cfg["kinds_by_first"]
    i = 0
    while i < len(tokens):
        for words, kind in by_first.get(tokens[i].lower[:3], ()):
            n = len(words)
            if i + n <= len(tokens) and all(tokens[i + k].lower.startswith(w) for k, w in enumerate(words)):
                if kind != "none":            # "принял участие": words that look like an event but are not
                    hits.append((i, kind))
                i += n - 1
                break
        i += 1
    return hits


def dateline(body: str, lang: str, dates: list[DateMention]) -> tuple[str | None, DateMention | None]:
    """"Москва, 5 октября 2023 года." / "АСТАНА, 12 марта." at the very start: (place word, its date)."""
    m = DATELINE.match(body)
    if not m:
        return None, None
    d = next((d for d in dates if d.start == m.end()), None)
    if d is None or (d.date is None and not body[m.end():m.end() + 1].isdigit()):
        return None, None
    rest = body[d.end:d.end + 3]
    if not rest.lstrip(" ").startswith((".", "—", "–", "-", "\n")):
        return None, None
    return m.group(1), d


def _place_in(body: str, tokens: list[Token], lang: str):
    from archive.extract.people import _config as people_config
    from archive.extract.places import place

    institutions = people_config(lang)["non_name_words"]
    window = _config(lang).get("place_in_name_window", 0)
    cfg = _config(lang)
    regions = tuple(cfg.get("region_words") or ()) or ("\0",)

    for i, tok in enumerate(tokens):
        if not tok.cap or len(tok.text) == 1 or (len(tok.text) == 2 and not tok.text.isupper()):
            continue                      # "В Минске": a preposition is no part of the place
        for n in (3, 2, 1):
            if i + n > len(tokens):
                continue
            phrase = " ".join(t.text for t in tokens[i:i + n])
            after = []
            for t in tokens[i + n:i + n + window]:
                if len(t.text) <= 2:
                    break                 # a preposition: the phrase ended
                after.append(t)
            last = tokens[i + n - 1].text
            if any(t.lower.startswith(institutions) for t in after) and morphology(lang).nominative(last) == last:
                continue                  # "Шанхай ынтымақтастық ұйымы": a place inside an institution's name
            if cfg.get("place_attributive") and i + n < len(tokens) and not tokens[i + n].cap \
                    and not tokens[i + n].lower.startswith(regions) and morphology(lang).nominative(last) == last:
                continue                  # "Мәскеу күндері", "Астрахан қазақтары": a place naming a thing
            if any(k < len(tokens) and tokens[k].lower.startswith(regions) and _names_region_only(tokens, i, k, cfg)
                   for k in (i + 1, i + n)):
                continue                  # "Астрахан облысының губернаторы": a region, not where they met
            p = place(phrase, lang)
            if p is not None and p.kind == "city" and not phrase.isupper():
                # the city as this article spells it ("Абу-Дабидегі" → "Абу-Даби"), in the nominative
                written = morphology(lang).nominative_phrase([t.text for t in tokens[i:i + n]], (p.name,))
                return replace(p, name=" ".join(written))
            if p is not None and p.kind in ("city", "landmark"):
                return p
    return None


def _names_region_only(tokens: list[Token], i: int, j: int, cfg: dict[str, Any]) -> bool:
    """A city's name before a region word (tokens[j]) names only the region when the region word is
    in the genitive (a governor, a delegation of the region) or no preposition of place precedes."""
    genitive = tuple(cfg.get("region_genitive_endings") or ())
    if genitive:
        return tokens[j].lower.endswith(genitive)
    preps = frozenset(cfg.get("place_prepositions") or ())
    return not any(tokens[k].lower in preps for k in range(max(0, i - 2), i))   # "in (the) X region"


def _until_stop(words: list[str], cfg: dict[str, Any]) -> list[str]:
    """The words of an occasion up to a word that starts something else ("… совета под
    председательством X", "… summit chaired by X")."""
    stops = cfg["occasion_stop"]
    for k, w in enumerate(words):
        if k and w.lower() in stops:
            return words[:k]
    return words


def _inflected_place(word: str, lang: str) -> bool:
    """A place in a case form ("Алматыда"): where something happens, not the start of a name."""
    return _is_place(word, lang) and morphology(lang).nominative(word) != word


def _is_place(word: str, lang: str) -> bool:
    from archive.extract.places import place

    return place(word, lang) is not None


def _normal_phrase(words: list[str], lang: str, cfg: dict[str, Any]) -> str:
    """An occasion's words with its head in the nominative ("государственного визита" →
    "государственный визит", "Совета глав правительств" → "Совет глав правительств")."""
    try:
        morph = morphology(lang)
        if cfg.get("predicate") == "last":
            words = [*words[:-1], morph.nominative(words[-1])]
        else:
            words = morph.nominative_phrase(words, ())
    except Exception:  # morphology must never lose an occasion
        pass
    return " ".join(words).strip(" «»\"")


def _visit_phrase(tokens: list[Token], cfg: dict[str, Any], lang: str) -> str | None:
    """"ресми сапармен" → "ресми сапар", "state visit": a visit word with the adjectives before it."""
    for i, kind in _kind_hits(tokens, cfg):
        if kind in cfg["context_kinds"]:
            j = i
            if i == 0 or not tokens[i - 1].lower.startswith(cfg["occasion_visit_kinds"]):
                continue              # a working visit is context, an official or state visit an occasion
            while j > 0 and i - j < 2 and not tokens[j - 1].cap and len(tokens[j - 1].text) > 3 \
                    and tokens[j - 1].lower not in cfg["occasion_stop"] and not tokens[j - 1].lower.endswith(cfg["verb_like"]):
                j -= 1
            if j < i:
                return _normal_phrase([t.text for t in tokens[j:i + 1]], lang, cfg)
    return None


def _occasion(body: str, sent: Span, tokens: list[Token], kind_idx: int | None, kind: str,
              lang: str, cfg: dict[str, Any], lead: Span) -> str | None:
    text = body[lead.start:lead.end]
    lead_tokens = tokenize(body, lead.start, lead.end)
    token_starts = [t.start for t in lead_tokens]
    # "X аясында", "X-ке қатысу үшін": the framework event before a postposition
    for word in cfg.get("occasion_after") or ():
        for m in re.finditer(r"(?<!\w)" + re.escape(word) + r"(?!\w)", text, re.I):
            i = bisect.bisect_left(token_starts, lead.start + m.start())
            i = i if i < len(lead_tokens) else None
            if not i:
                continue
            j = i
            while j > 0 and i - j < 10 and body[lead_tokens[j - 1].end:lead_tokens[j].start].isspace():
                j -= 1
            while j < i and (not lead_tokens[j].cap or _inflected_place(lead_tokens[j].text, lang)):
                j += 1
            if j < i:
                phrase = lead_tokens[j:i]
                visit = _visit_phrase(phrase, cfg, lang)
                return visit or _normal_phrase([t.text for t in phrase], lang, cfg)
    # "в рамках X", "на “полях” X", "as part of (his participation in) X"
    skip = frozenset(cfg.get("occasion_skip") or ())
    for phrase in cfg.get("occasion_before") or ():
        words_rx = r"[\s“”\"«»]+".join(re.escape(w) for w in phrase.split())
        m = re.search(r"(?<!\w)" + words_rx + r"[“”\"«»]?\s+([^,.;:]+)", text, re.I)
        if m:
            found = m.group(1).split()
            while found and found[0].casefold() in skip:
                found = found[1:]          # "his participation in the …": the event follows
            words = _until_stop(found[:9], cfg)
            visit = _visit_phrase(tokenize(" ".join(words)), cfg, lang)
            return visit or " ".join(words).strip(" «»\"") or None
    # a meeting held during a visit: the visit is its occasion
    if kind not in cfg["context_kinds"] and kind not in cfg["remote"]:
        visit = _visit_phrase(tokenize(body, sent.start, sent.end), cfg, lang)
        if visit:
            return visit
    if kind_idx is not None and kind in cfg.get("occasion_of_kinds", ()):
        # "a ministerial meeting of the C5+1 platform", "заседание Евразийского межправительственного совета"
        last = kind_idx
        hit_at = {i for i, _ in _kind_hits(tokens, cfg)}
        while last + 1 in hit_at:
            last += 1
        rest = body[tokens[last].end:sent.end]
        for link in cfg.get("occasion_after_kind") or ():
            m = re.match(r"\s+" + (re.escape(link) + r"\s+" if link else "") + r"([^\W\d_][^,.;:()]*|[A-Z0-9][^\s,.;:()]*[^,.;:()]*)", rest)
            if m and (link or m.group(1)[:1].isupper()):
                words = _until_stop(m.group(1).split()[:6], cfg)
                return _normal_phrase(words, lang, cfg) or None
    if kind_idx is not None and kind in cfg.get("occasion_of_kinds", ()):
        ev = tokens[kind_idx]
        if ev.cap and ev.start > sent.start:
            # a named event: "Консультативная встреча глав государств Центральной Азии"
            m = re.match(r"[^,.;:()]+", body[ev.start:sent.end])
            return m.group().strip() if m else None
        if ev.cap and ev.start == sent.start:
            return None
        # "X-тің отырысы": the capitalised genitive phrase before the event word
        j = kind_idx
        while j > 0 and kind_idx - j < 5 and body[tokens[j - 1].end:tokens[j].start].isspace():
            j -= 1
        while j < kind_idx and (not tokens[j].cap or _is_place(tokens[j].text, lang)):
            j += 1
        if j < kind_idx and tokens[j].cap:
            words = [t.text for t in tokens[j:kind_idx]]
            if len(words) >= 2:
                try:
                    words = morphology(lang).nominative_phrase(words, ())
                except Exception:
                    pass
                return " ".join(words)
    return None


def _topics(body: str, sentences: list[Span], lang: str, cfg: dict[str, Any],
            quoted: Intervals) -> tuple[str, ...]:
    """Topics from every sentence (outside quotations) whose predicate is a verb of discussing:
    the list between the subject and the closing noun ("Тараптар X, Y және Z мәселелерін талқылады")
    in verb-final languages, the object after the verb in the others ("The sides discussed X, Y and Z")."""
    subjects = tuple(cfg.get("topic_subjects") or ())
    closers = tuple(cfg.get("topic_closers") or ())
    verb_last = cfg.get("predicate") == "last"
    out: list[str] = []
    verb_rx = cfg["topic_verb_rx"]
    for sent in sentences:
        if quoted.contains(sent.start, sent.end) or _background(body, sent, cfg):
            continue
        if verb_rx is not None and not verb_rx.search(body, sent.start, sent.end):
            continue
        tokens = [t for t in tokenize(body, sent.start, sent.end)
                  if not quoted.contains(t.start, t.start + 1)]
        m = next((m for m in verb_rx.finditer(body, sent.start, sent.end)
                  if (m.start() == 0 or not body[m.start() - 1].isalnum())
                  and not quoted.contains(m.start(), m.start() + 1)), None) if verb_rx else None
        if m is None:
            continue
        # the verb token; a verb of several words ("focused on") ends at the match
        vi = next((i for i, t in enumerate(tokens) if t.end > m.start()), None)
        if vi is None:
            continue
        while vi + 1 < len(tokens) and tokens[vi + 1].start < m.end():
            vi += 1
        if verb_last:
            si = next((i for i in range(vi - 1, -1, -1) if tokens[i].lower.startswith(subjects)), None)
            if si is None:
                # no subject word: the list follows the counterpart ("X губернаторымен …") or a clause
                # ("кездесу өткізіп, …")
                si = _boundary(body, tokens, vi, cfg)
            start = tokens[si].end if si is not None else None
            if si is None and body[m.start():m.end() + 12].lower().startswith(cfg["topic_passive"]):
                # a passive ("X, Y мәселелері талқыланды") has no subject: the list follows the frame
                # of the sentence ("Кездесуде", "Әңгіме барысында"), else opens the sentence
                spheres = tuple(cfg.get("topic_sphere_words") or ())
                si = next((i for i in range(min(vi, 6)) if tokens[i].lower.endswith(cfg["topic_frame_endings"])
                           and not tokens[i].lower.startswith(spheres)), None)
                start = tokens[si].end if si is not None else sent.start
            if start is None:
                continue
            ci = next((i for i in range(vi - 1, -1, -1) if tokens[i].lower.startswith(closers)), None)
            end = tokens[ci].start if ci is not None and tokens[ci].start >= start else tokens[vi].start
        else:
            start = tokens[vi].end
            end = sent.end
            aux = re.search(r"(\w+)\s*$", body[sent.start:m.start()])
            if aux and aux.group(1).lower() in cfg["topic_passive_aux"]:
                after = body[tokens[vi].end:sent.end].strip(" ,.;:")
                if not after or after.split(maxsplit=1)[0].lower() in cfg["topic_frame_prepositions"]:
                    # "X, Y and Z were discussed at the meeting": the list is the subject (after the
                    # clause that opens it: "…, at which X and Y were considered"); else it follows
                    # the verb ("в ходе встречи были обсуждены вопросы X")
                    start, end = sent.start, sent.start + aux.start(1)
                    opener = cfg["topic_passive_opener_rx"]
                    if opener is not None:
                        start = max((o.end() for o in opener.finditer(body, start, end)), default=start)
            # a list ends at a semicolon or a full stop inside a quotation ("… повестки. В Беларусь …")
            stop = _LIST_END.search(body, start, end)
            if stop is not None:
                end = stop.start()
        span = body[start:end]
        if quoted.overlaps(start, end):
            continue
        for item in _split_list(span.strip(" ,.;"), lang, cfg):
            if item.casefold() not in {o.casefold() for o in out}:
                out.append(item)
    return tuple(_with_phrases(body, sentences, cfg, quoted, out))


def _background(body: str, sent: Span, cfg: dict[str, Any]) -> bool:
    """A sentence of background ("Ранее …", "Айта кетейік, …", "Earlier, …", `topic_background`)
    names no topic of the meeting."""
    rx = cfg["topic_background_rx"]
    return rx is not None and rx.match(body[sent.start:min(sent.end, sent.start + 60)].lstrip(" \n\t-–—«\"")) is not None


def _boundary(body: str, tokens: list[Token], vi: int, cfg: dict[str, Any]) -> int | None:
    """The last token before the verb that closes what precedes a verb-final list: a word in the
    comitative ("губернаторымен", `topic_boundary_endings`) or a converb before a comma ("өткізіп,",
    `topic_clause_endings`)."""
    ends = tuple(cfg.get("topic_boundary_endings") or ())
    clause = tuple(cfg.get("topic_clause_endings") or ())
    for i in range(vi - 1, -1, -1):
        w = tokens[i].lower
        if ends and w.endswith(ends) and len(w) > 4 and w not in ends:
            return i
        if clause and w.endswith(clause) and body[tokens[i].end:tokens[i].end + 1] == ",":
            return i
    return None


def _stems(text: str) -> frozenset[str]:
    return frozenset(w[:6] for w in re.findall(r"[^\W\d_]+", text.casefold()))


def _with_phrases(body: str, sentences: list[Span], cfg: dict[str, Any], quoted: Intervals,
                  topics: list[str]) -> list[str]:
    """The discussed topics, then the spheres of cooperation (`topic_phrases`, unless opened by a word
    of `topic_phrase_stop`) and the fixed topic terms (`topic_terms`) named anywhere outside quotations,
    each once whatever its case form."""
    seen = {_stems(t) for t in topics}
    out = list(topics)
    for sent in sentences:
        if quoted.contains(sent.start, sent.end) or _background(body, sent, cfg):
            continue
        text = body[sent.start:sent.end]
        for rx, checked in cfg["topic_phrase_rx"]:
            for m in rx.finditer(text):
                if quoted.contains(sent.start + m.start(1), sent.start + m.end(1)):
                    continue
                item = m.group(1).strip()
                first = item.split()[0].casefold()
                # a modifier before it counts as well (`topic_phrase_stop_before`): "тесного практического
                # взаимодействия"
                before = re.search(r"([^\W\d_][\w-]*)\s+$", text[max(0, m.start(1) - 40):m.start(1)])
                key = _stems(item)
                if checked and (first in cfg["topic_phrase_stop"] or first.endswith(cfg["topic_phrase_stop_endings"])
                                or before is not None and before.group(1).casefold() in cfg["topic_phrase_stop_before"]) \
                        or not key or any(key <= k for k in seen):
                    continue
                seen.add(key)
                out.append(item)
    return out


def _split_list(span: str, lang: str, cfg: dict[str, Any]) -> list[str]:
    seps = [s for s in cfg.get("topic_separators") or () if s]
    pattern = "|".join(re.escape(s) for s in sorted(seps, key=len, reverse=True))
    if cfg["topic_verb_rx"] is not None:
        # a second verb of discussing starts a new list ("reviewed X and discussed Y, Z")
        pattern = (pattern + "|" if pattern else "") + r"\b\w*(?:" + cfg["topic_verb_rx"].pattern + r")\w*"
    parts = _join_parts(re.split(f"({pattern})", span, flags=re.I), cfg, lang) if pattern else [span]
    lead = cfg["topic_lead_rx"]
    drop = cfg["topic_drop_rx"]
    if lead:
        for _ in range(3):      # frames stack: "a number of topical issues of cooperation in …"
            parts = [lead.sub("", p.strip(" ,.;")) for p in parts]
    parts = [p for p in parts if not (drop and drop.search(p.strip(" ,.;")))]
    strip = cfg["topic_strip"]
    cut = tuple(cfg.get("topic_cut") or ())
    spheres = tuple(cfg.get("topic_sphere_words") or ())
    generic = tuple(cfg.get("topic_generic") or ())
    pieces: list[list[str]] = []
    for part in parts:
        words = part.split()
        for k, w in enumerate(words):
            if k and w.lower().startswith(cut):
                words = words[:k]
                break
        for k, w in enumerate(words):
            if k and w.lower().startswith(spheres):
                # a sphere word ends the spheres it names and may open another topic ("өнеркәсіп
                # салаларында бірлескен жобаларды іске асыру" → "өнеркәсіп", "бірлескен жобалар")
                rest = words[k + 1:]
                words = words[:k]
                if any(r.lower().strip(",.") not in strip and r.lower().strip(",.") not in cfg["topic_phrase_stop"]
                       and not r.lower().startswith(generic) for r in rest):
                    pieces.append(words)
                    words = rest
                break
        pieces.append(words)
    out: list[str] = []
    for words in pieces:
        while words and words[0].lower().strip(",.") in strip \
                and not (any(w[:1].isupper() for w in words[1:])
                         and all(w[:1].isupper() or w.lower() in strip for w in words[1:])):
            # "сотрудничества России и Казахстана" keeps its head: names alone are no topic
            words.pop(0)
        tail = cfg["topic_strip_tail"]
        while words and words[-1].lower().strip(",.") in tail:
            words.pop()
        if len(words) > cfg.get("topic_max_words", 12) or not words:
            continue
        if words[-1].islower() and words[-1].endswith(cfg["topic_head_endings"]):
            # the head noun of a verb-final language's phrase carries the case: back to its base form
            words[-1] = morphology(lang).nominative(words[-1])
        item = " ".join(words).strip(" ,.;\"")
        if item.count("«") != item.count("»"):
            item = item.replace("«", "").replace("»", "")     # a mark cut off by the split
        elif item.startswith("«") and item.endswith("»") and item.count("«") == 1:
            item = item[1:-1]
        if item and len(item) > 2 and item not in out:
            out.append(item)
    return out


def _event_named(body: str, lead_para: Span, cfg: dict[str, Any]) -> str | None:
    """A framework event the lead names where the meeting took place ("… XXI өңіраралық ынтымақтастық
    форумында": an event in the locative): `occasion_phrases`, RE2 patterns whose first group is it."""
    for rx in cfg["occasion_phrase_rx"]:
        m = rx.search(body[lead_para.start:lead_para.end])
        if m:
            return " ".join(m.group(1).split())
    return None


def _join_parts(pieces: list[str], cfg: dict[str, Any], lang: str) -> list[str]:
    """Rejoin the pieces of a split list (items at even indices, separators between) that name one
    topic: conjuncts sharing a possessor ("серіктестігі мен одақтастығының жағдайы", `topic_genitive_endings`
    after a conjunction), a bare adjective sharing the next one's head ("региональной и международной
    повестки", `topic_adjective_endings`; with `topic_adjective_alone` only a one-word item or one
    before another adjective: "strengthening cultural and humanitarian ties"), two names ("России и
    Узбекистана") and places in a case form that go with the item before ("в Кокшетау, Семее и …").
    Where adjectives and nouns share their endings (Kazakh -лық), only a pair that opens the list is
    one topic ("өңірлік және халықаралық күн тәртібі", `topic_pair_adjective_endings`), and a lone
    possessed noun after a conjunction shares the possessor before it ("қатынастардың ахуалы мен келешегі")."""
    conj = {c.strip().casefold() for c in cfg.get("topic_conjunctions") or ()}
    genitive = tuple(cfg.get("topic_genitive_endings") or ())
    possessed = tuple(cfg.get("topic_possessed_endings") or ())
    adjective = tuple(cfg.get("topic_adjective_endings") or ())
    pair = tuple(cfg.get("topic_pair_adjective_endings") or ())
    nouns = frozenset(cfg.get("topic_pair_adjective_not") or ())
    strip = cfg["topic_strip"]
    alone = bool(cfg.get("topic_adjective_alone"))
    out, opened = [pieces[0]], [True]      # opened: the item is the list's first or follows no comma
    for k in range(1, len(pieces) - 1, 2):
        sep, part = pieces[k], pieces[k + 1]
        prev, words = out[-1].split(), part.split()
        is_conj = sep.strip().casefold() in conj
        bare = [w for w in prev if w.lower() not in strip]
        join = bool(prev and words) and (
            is_conj and bool(genitive) and prev[-1].lower().endswith(possessed)
            and any(len(w) > 5 and w.lower().endswith(genitive) for w in words)
            or is_conj and bool(genitive) and len(words) == 1 and words[0].lower().endswith(possessed)
            and any(len(w) > 5 and w.lower().endswith(genitive) for w in prev[:-1])
            or is_conj and bool(pair) and opened[-1] and len(bare) == 1 and len(words) > 1
            and bare[0].lower().endswith(pair) and bare[0].lower() not in nouns
            or bool(adjective) and prev[-1].lower().endswith(adjective) and len(prev[-1]) > 4
            and (not alone or len(prev) == 1 or words[0].lower().endswith(adjective))
            or is_conj and len(words) == 1 and words[0][:1].isupper() and prev[-1][:1].isupper()
            or all(w[:1].isupper() for w in words)
            and any(_inflected_place(w.strip(",.«»"), lang) for w in (prev[-1], *words)))
        if join:
            out[-1] += sep + part
        else:
            out.append(part)
            opened.append(bool(sep.strip(" ,")))
    return out


def _names_an_event(occasion: str, cfg: dict[str, Any]) -> bool:
    """An occasion is an event named in more than one word, one of them an event word, or a format
    named by its acronym ("C5+1", "ШЫҰ"); a bare "Сапар" or "his participation" is none."""
    if len(occasion.split()) == 1:
        return any(c.isdigit() for c in occasion) or sum(c.isupper() for c in occasion) >= 2
    heads = tuple(cfg.get("occasion_heads") or ())
    words = [w.casefold() for w in re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*", occasion)]
    return not heads or any(w.startswith(heads) for w in words)


def _where_country(body: str, lead_para: Span, lang: str, cfg: dict[str, Any]) -> tuple[int, int, str] | None:
    """The first state the lead names as where something happens or where someone goes ("Өзбекстанда
    болды", "прибыл в Узбекистан", "arrived in Uzbekistan"): a case ending of place (`where_endings`)
    or a preposition of place (`place_prepositions`) before it."""
    from archive.extract.places import find_countries

    endings = tuple(cfg.get("where_endings") or ())
    preps = frozenset(cfg.get("place_prepositions") or ())
    for s, e, cc in find_countries(body, lang, lead_para.start, lead_para.end):
        word = body[s:e].split()[-1].lower()
        before = body[max(lead_para.start, s - 12):s].split()
        if (endings and word.endswith(endings) and morphology(lang).nominative(body[s:e].split()[-1]).lower() != word) \
                or (before and before[-1].lower() in preps):
            return s, e, cc
    return None


def _named_city(body: str, lead_para: Span, lang: str, cfg: dict[str, Any]) -> Place | None:
    """A place the lead says is a city ("Тяньцзинь шаһарында", "в городе Гянджа", "the city of Tianjin"),
    known to the gazetteer or not (then its country is unknown): `city_phrases`, RE2 patterns whose
    group `c` (the first) is the city's name."""
    from archive.extract.places import place as lookup

    for rx in cfg["city_phrase_rx"]:
        m = rx.search(body[lead_para.start:lead_para.end])
        if m:
            name = m.group(1)
            known = lookup(name, lang)
            if known is not None and known.kind == "city":
                return known
            base = morphology(lang).nominative(name)
            return Place(base, None, "city")
    return None


def sentence_kind(body: str, sent: Span, lang: str) -> str | None:
    """The kind of event a sentence names (a remote kind first, then the main one), else None."""
    cfg = _config(lang)
    hits = _kind_hits(tokenize(body, sent.start, sent.end), cfg)
    remote = [k for _, k in hits if k in cfg["remote"]]
    if remote:
        return remote[0]
    main = [k for _, k in hits if k not in cfg["context_kinds"]]
    if not main:
        return None
    return main[-1] if cfg.get("predicate") == "last" else main[0]


def _next_end(paragraphs: list[Span], lead_para: Span, count: int = 1) -> int:
    """The end of the `count`-th paragraph after the lead (as far as there are any)."""
    after = [p.end for p in paragraphs if p.start >= lead_para.end][:count]
    return after[-1] if after else lead_para.end


def find_setting(body: str, paragraphs: list[Span], sentences: list[Span], lang: str,
                 dates: list[DateMention], published: str | None, quoted: list[Span] = ()) -> Setting:
    """Kind, date, place, occasion and topics of the article's (main) meeting."""
    cfg = _config(lang)
    lead_para = lead(body, paragraphs)
    lead_sents = [s for s in sentences if s.start < lead_para.end] or sentences[:1]
    place_word, line_date = dateline(body, lang, dates)

    kind, kind_idx, kind_sent, kind_tokens = "meeting", None, lead_sents[0] if lead_sents else None, []
    # a call is a call wherever the first paragraphs say so ("… talked on the phone" after the lead)
    after = [s for s in sentences if lead_para.end <= s.start < _next_end(paragraphs, lead_para)]
    for sent in lead_sents + [s for s in after if any(h[1] in cfg["remote"] for h in
                                                      _kind_hits(tokenize(body, s.start, s.end), cfg))]:
        toks = tokenize(body, sent.start, sent.end)
        hits = _kind_hits(toks, cfg)
        remote = [h for h in hits if h[1] in cfg["remote"]]
        if remote:
            kind_idx, kind = remote[0]
            kind_sent, kind_tokens = sent, toks
            break
        if hits and kind_idx is None:
            # a visit frames the meeting ("рабочим визитом, встретился") unless it is the only event
            main = [h for h in hits if h[1] not in cfg["context_kinds"]] or hits
            kind_idx, kind = main[-1] if cfg.get("predicate") == "last" else main[0]
            kind_sent, kind_tokens = sent, toks
    if kind_idx is None:
        # the lead names no event ("… тепло приветствовал в Акорде …"): the first the next paragraphs name
        for sent in [s for s in sentences if lead_para.end <= s.start < _next_end(paragraphs, lead_para, 2)]:
            toks = tokenize(body, sent.start, sent.end)
            main = [h for h in _kind_hits(toks, cfg) if h[1] not in cfg["context_kinds"]]
            if main:
                kind_idx, kind = main[0]
                kind_sent, kind_tokens = sent, toks
                break
    if kind_idx is None and lead_sents:
        kind_tokens = tokenize(body, lead_sents[0].start, lead_sents[0].end)
    if kind_idx is not None:
        note("meeting.kind", "the event word of the lead (remote kinds first; a visit frames another event)",
             kind_tokens[kind_idx].start, kind_tokens[kind_idx].end, kind)
    else:
        note("meeting.kind", "no event word: a meeting", lead_para.start, min(lead_para.end, lead_para.start + 80))

    in_lead = [d for d in dates if d.date and d.start < lead_para.end and d is not line_date]
    # a written date beats a relative word in the same lead ("Прибывший накануне …, 24 мая принял участие")
    hit = next((d for d in in_lead if not d.relative), None) or next(iter(in_lead), None)
    date = hit.date if hit else None
    if hit:
        note("meeting.date", "a relative word against the publication date" if hit.relative
             else "a date written in the lead", hit.start, hit.end, hit.date)
    if date is None and len(paragraphs) > 1:
        # "Кездесу 2024 жылғы 22 ақпанда … өтті": the second paragraph dates the meeting it names
        second = paragraphs[1]
        for d in dates:
            if d.date and second.start <= d.start < second.end and d is not line_date:
                sent = next((s for s in sentences if s.start <= d.start < s.end), None)
                if sent is not None and _kind_hits(tokenize(body, sent.start, sent.end), cfg):
                    date = d.date
                    note("meeting.date", "a date in the second paragraph's event sentence", d.start, d.end, d.date)
                    break

    city = country = None
    if kind not in cfg["remote"]:
        p = None
        from archive.extract.places import place as lookup

        if place_word:
            p = lookup(place_word, lang)
        named = _named_city(body, lead_para, lang, cfg)
        if named is not None and (p is None or named.name != p.name):
            p = named                         # "тарихи Тяньцзинь шаһарында": said to be the city
        if p is None:
            p = _place_in(body, tokenize(body, lead_para.start, lead_para.end), lang)
        if p is not None:
            city, country = p.name, p.country
            note("meeting.place", "the dateline's place" if place_word and p.name == getattr(lookup(place_word, lang), "name", None)
                 else "said to be a city" if named is not None and p is named else "a place the lead names",
                 lead_para.start, min(lead_para.end, lead_para.start + 80), f"{city}, {country}")
        else:
            where = _where_country(body, lead_para, lang, cfg)
            if where is not None:
                country = where[2]
                note("meeting.country", "a state the lead says it happened in or went to (no city named)",
                     where[0], where[1], country)
    else:
        note("meeting.place", "a call has no place")

    occasion = None
    if kind_sent is not None:
        occasion = _occasion(body, kind_sent, kind_tokens, kind_idx, kind, lang, cfg, lead_para)
        if occasion is not None and not _names_an_event(occasion, cfg):
            occasion = None                   # "his participation", a title, a bare "Сапар": no event
    if occasion is not None:
        note("meeting.occasion", "a framework event (X аясында, в рамках X, a visit, the body of a session)",
             detail=occasion)
    if occasion is None and kind not in cfg["remote"]:
        occasion = _event_named(body, lead_para, cfg)
        if occasion:
            note("meeting.occasion", "an event named where the meeting took place (occasion_phrases)", detail=occasion)
    topics = _topics(body, sentences, lang, cfg, Intervals(list(quoted)))
    if topics:
        note("meeting.topics", "discussed lists and spheres of cooperation (topic_* keys)", detail="; ".join(topics))
    return Setting(kind, date, city, country, occasion, topics)
