"""The extraction pipeline: read → detect language → segment → extract → resolve within the article.

    record = extract_article(raw_article)

Every stage is a module with a small typed interface; this one only routes data between them:
people (names, titles) → quotes and reported speech (with their cues) → speakers resolved to people →
claims (speaker from the statement they sit in) → meeting setting → the FORMAT.md record.
"""
from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

from archive.extract.canonical import (
    agenda_sentences,
    canonical_claims,
    reference_month,
    report_sentences,
    topic_codes,
)
from archive.extract.dates import find_dates, page_date
from archive.extract.events import split_events
from archive.extract.langid import detect_language
from archive.extract.lexicon import lexicon
from archive.extract.meetings import dateline, find_setting
from archive.extract.mentions import Mention
from archive.extract.numbers import find_claims
from archive.extract.page import read_page
from archive.extract.people import (
    ORGANIZATION_ROLES,
    People,
    Person,
    find_people,
    resolve_title,
)
from archive.extract.places import find_countries
from archive.extract.quotes import QuoteFinding, find_quotes, grammar
from archive.extract.segment import Intervals, Span, index_at, paragraphs, sentences
from archive.extract.segment import lead as lead_of
from archive.extract.sources import find_sources, language_press, local_name, outlet_country, site
from archive.extract.trace import active, note
from archive.read.text import RawArticle
from archive.record import ArticleRecord, Claim, Meeting, Participant, Quote

SUPPORTED = ("kk", "ru", "en")


class UnsupportedArticle(ValueError):
    """The article's language is not one we extract."""


@dataclass(frozen=True, slots=True)
class Statement:
    """A quote or reported clause with its resolved speaker."""
    finding: QuoteFinding
    speaker: Person | None


@cache
def meeting_rx(lang: str, key: str) -> re.Pattern[str] | None:
    """Words that report a meeting ("кездесті", "переговоры", "met"; people.yaml `meeting_words`), or
    that make a sentence greet someone or plan a meeting (`aside_words`): prefixes, "=" for a whole
    word."""
    words = lexicon(lang, "people").get(key) or ()
    parts = [rf"\b{re.escape(w[1:])}\b" if w.startswith("=") else rf"\b{re.escape(w)}\w*" for w in words]
    return re.compile("|".join(parts), re.I) if parts else None


def possessor(written: str, lang: str) -> bool:
    """Is a written name in the case of a possessor ("Әлиевтің")? (people.yaml `possessor_endings`)"""
    ends = tuple(lexicon(lang, "people").get("possessor_endings") or ())
    return bool(ends) and written.lower().endswith(ends)


@cache
def absence_rx(lang: str) -> re.Pattern[str] | None:
    """Phrases saying someone did not take part ("did not take part", "не принял участия")."""
    words = lexicon(lang, "meetings").get("absent") or ()
    return re.compile("|".join(words), re.I) if words else None


def language_of(raw: RawArticle) -> str:
    lang = (raw.language or "").lower() or detect_language(raw.body)
    if lang not in SUPPORTED:
        raise UnsupportedArticle(f"unsupported language {lang!r} (supported: {', '.join(SUPPORTED)})")
    return lang


class _Speakers:
    """Resolves the cue of each statement to a person, keeping track of who spoke or acted last so
    that pronouns ("ол", "он", "he") and cue-less statements find their referent."""

    def __init__(self, people: People, lang: str, quoted: Intervals, sentences: list[Span]):
        self.sentences = sentences
        self.sentence_starts = [s.start for s in sentences]
        self.people = people
        self.lang = lang
        self.quoted = quoted
        self.starts = [m.start for m in people.mentions]
        self._actor: dict[int, Person | None] = {}      # sentence index -> its first actor
        self.titles = {t.span.start: t for t in people.titles}
        self._nearest: list[int | None] = []

    def person_of(self, mention: Mention) -> Person | None:
        if mention.kind == "name" and mention.person:
            return self.people.by_name(mention.person)
        if mention.kind == "title":
            title = self.titles.get(mention.start)
            return resolve_title(self.people, title, self.lang, mention.start) if title else None
        return None

    def at(self, cue: Span) -> Mention | None:
        """The name/title mention overlapping a cue span."""
        i = bisect.bisect_right(self.starts, cue.end) - 1
        while i >= 0:
            m = self.people.mentions[i]
            if m.end > cue.start:
                return m
            if m.end <= cue.start:
                break
            i -= 1
        return None

    def actor(self, i: int) -> Person | None:
        """The person sentence i first names outside quotations (usually its subject)."""
        if i not in self._actor:
            sent, found = self.sentences[i], None
            k = bisect.bisect_left(self.starts, sent.start)
            while k < len(self.starts) and self.starts[k] < sent.end:
                m = self.people.mentions[k]
                k += 1
                if self.quoted.contains(m.start, m.end):
                    continue
                found = self.person_of(m)
                if found:
                    break
            self._actor[i] = found
        return self._actor[i]

    def last_actor(self, before: int, statements: list[Statement]) -> Person | None:
        """The actor of the latest sentence before an offset that has one: its speaker if someone
        speaks in it, else the person it first names outside quotations (usually its subject).
        (``statements`` are in text order.)"""
        best: tuple[int, Person] | None = None
        for st in reversed(statements):
            if st.speaker and st.finding.sentence.start < before:
                best = (st.finding.sentence.start, st.speaker)
                break
        i = self.nearest_actor(bisect.bisect_left(self.sentence_starts, before) - 1)
        if i is not None and not (best is not None and best[0] >= self.sentences[i].start):
            return self.actor(i)
        return best[1] if best else None

    def nearest_actor(self, i: int) -> int | None:
        """The index of the latest sentence at or before i that has an actor (filled once, in order)."""
        while len(self._nearest) <= i:
            k = len(self._nearest)
            self._nearest.append(k if self.actor(k) else (self._nearest[k - 1] if k else None))
        return self._nearest[i] if i >= 0 else None


def resolve_statements(findings: list[QuoteFinding], people: People, lang: str,
                       quoted: Intervals, sentences: list[Span]) -> list[Statement]:
    sp = _Speakers(people, lang, quoted, sentences)
    out: list[Statement] = []
    for f in sorted(findings, key=lambda f: (f.sentence.start, f.start)):
        person: Person | None = None
        how = ""
        if f.cue is not None:
            mention = sp.at(f.cue)
            person = sp.person_of(mention) if mention else None
            how = f"the {mention.kind} in the cue" if person else ""
            if person is None and mention is None:
                # a pronoun, or a cue we could not tie to a mention: the last actor
                person = sp.last_actor(f.sentence.start, out)
                how = "a pronoun or bare cue: the last actor"
            elif person is None and mention is not None and mention.kind == "title":
                # a title standing alone that no one named holds ("the deputy PM noted …"): the person
                # the text is about, unless the title names another state
                title = sp.titles.get(mention.start)
                actor = sp.last_actor(f.sentence.start, out)
                if actor is not None and (title is None or title.country is None or actor.country in (None, title.country)):
                    person = actor
                    how = "a title nobody named holds: the person the text is about"
        else:
            prev = next((s for s in reversed(out) if s.finding.sentence.end <= f.sentence.start
                         or s.finding.sentence == f.sentence), None)
            person = prev.speaker if prev else sp.last_actor(f.sentence.start, out)
            how = "no cue: the previous statement's speaker" if prev else "no cue: the last actor"
        if active():
            field = f"{'quote' if f.direct else 'reported'} [{f.start}:{f.end}]"
            note(field, f"found by: {f.rule or 'statement'}", f.start, f.end)
            note(field, "cue" if f.cue else "no cue", f.cue.start if f.cue else None, f.cue.end if f.cue else None,
                 f"speaker {person.name if person else 'none'} ({how or 'unresolved'})")
        out.append(Statement(f, person))
    return out


@cache
def _continuers(lang: str) -> re.Pattern[str] | None:
    words = lexicon(lang, "speech").get("continuers") or ()
    return re.compile(r"\s*(?:" + "|".join(words) + r")(?![\w-])", re.I) if words else None


@cache
def _source_cues(lang: str) -> re.Pattern[str] | None:
    words = lexicon(lang, "numbers").get("source_cues") or ()
    return re.compile(r"(?<!\w)(?:" + "|".join(words) + r")(?!\w)", re.I) if words else None


def _claim_speakers(claims: list[Claim], statements: list[Statement], sents: list[Span], paras: list[Span],
                    people: People, quoted: Intervals, body: str = "", lang: str = "",
                    raw: str = "", chrome: Sequence[Span] = ()) -> list[Claim]:
    """A claim's speaker: the innermost statement it sits in; else the statement its sentence continues:
    the following sentences of the same paragraph that name no other actor, and a paragraph that opens
    with a word that carries the statement on ("In particular", "В частности", "Атап айтқанда") after
    a paragraph that ends in it. A sentence in someone's own voice (first or second person) outside any
    statement is no journalist's continuation: its claims have no speaker we know, nor have those of a
    sentence that cites its data ("По данным Бюро статистики, …") — unless its paragraph is signed: a pull quote whose next line (page chrome in `raw`) is only the name of a
    person the article names."""
    starts = [s.start for s in sents]
    by_sentence: dict[int, Statement] = {}
    for st in statements:
        for i in (index_at(sents, starts, st.finding.start), index_at(sents, starts, st.finding.sentence.start)):
            if i is not None and (sents[i].start <= st.finding.start < sents[i].end or sents[i] == st.finding.sentence):
                by_sentence.setdefault(i, st)
    mention_starts = [m.start for m in people.mentions]

    def has_actor(s: Span) -> bool:
        k = bisect.bisect_left(mention_starts, s.start)
        while k < len(mention_starts) and mention_starts[k] < s.end:
            m = people.mentions[k]
            if not quoted.contains(m.start, m.end):
                return True
            k += 1
        return False

    para_starts = [p.start for p in paras]

    def para_of(s: Span) -> int:
        k = bisect.bisect_right(para_starts, s.start) - 1
        return k if k >= 0 and s.start < paras[k].end else -1

    continuer = _continuers(lang) if lang else None
    voice = grammar(lang).voice if lang else None
    sourced = _source_cues(lang) if lang else None
    signed = _signed_paragraphs(raw, chrome, body, paras, para_starts, people) if raw and voice else {}
    carried: dict[int, Person | None] = {}
    current: Person | None = None
    current_para = -1
    for i, s in enumerate(sents):
        if para_of(s) != current_para:
            goes_on = continuer is not None and bool(continuer.match(body, s.start, s.end))
            current, current_para = (current if goes_on else None), para_of(s)
        if i in by_sentence:
            current = by_sentence[i].speaker
        elif current_para in signed and voice is not None and voice.search(body, s.start, s.end):
            current = signed[current_para]
        elif has_actor(s) or (voice is not None and voice.search(body, s.start, s.end)) \
                or (sourced is not None and sourced.search(body, s.start, s.end)):
            current = None                # someone else speaks, in their own voice, or data are cited
        carried[i] = current

    order = {id(st): n for n, st in enumerate(statements)}
    said = Intervals([Span(st.finding.start, st.finding.end) for st in statements])
    owners: dict[tuple[int, int], list[Statement]] = {}
    for st in statements:
        owners.setdefault((st.finding.start, st.finding.end), []).append(st)
    out = []
    for c in claims:
        speaker = None
        inside = [st for span in _all_containing(said, c.start, c.end)
                  for st in owners[(span.start, span.end)]]
        if inside:
            # the innermost statement: a person's words reported inside someone else's quotation
            st = min(inside, key=lambda st: (st.finding.end - st.finding.start, order[id(st)]))
            speaker = st.speaker
            lead_in = st.finding.sentence.start
            if sourced is not None and lead_in < st.finding.start \
                    and sourced.search(body, max(lead_in, st.finding.start - SOURCE_REACH), st.finding.start):
                speaker = None            # "According to official statistics, …": data cited, no one's words
        else:
            idx = index_at(sents, starts, c.start)
            speaker = carried.get(idx) if idx is not None else None
        out.append(replace(c, speaker=speaker.name if speaker else None))
    return out


SOURCE_REACH = 120         # characters before a statement in which its source cue ("По данным …") stands
SIGNATURE_WORDS = (2, 4)   # a pull quote's signature line: a full name, no more


def _signed_paragraphs(raw: str, chrome: Sequence[Span], body: str, paras: list[Span], para_starts: list[int],
                       people: People) -> dict[int, Person]:
    """Paragraphs followed directly by a chrome line that is only the full name of a person the
    article names (a pull quote and its signature), by paragraph index."""
    from archive.names import person_key

    keys: dict[str, Person] = {}
    out: dict[int, Person] = {}
    for span in chrome:
        text = raw[span.start:span.end].strip()
        if not SIGNATURE_WORDS[0] <= len(text.split()) <= SIGNATURE_WORDS[1]:
            continue
        if not keys:
            keys = {person_key(p.name): p for p in people.persons if len(p.name.split()) >= 2}
        person = keys.get(person_key(text))
        k = bisect.bisect_right(para_starts, span.start) - 1
        if person is not None and k >= 0 and not body[paras[k].end:span.start].strip():
            out[k] = person
    return out


def _all_containing(iv: Intervals, start: int, end: int) -> list[Span]:
    out = []
    k = bisect.bisect_right(iv.starts, start) - 1
    while k >= 0 and iv.reach[k] >= end:
        if iv.spans[k].end >= end:
            out.append(iv.spans[k])
        k -= 1
    return out


def _participants(body: str, people: People, statements: list[Statement], quoted: Intervals,
                  lead: Span, sents: list[Span], lang: str) -> list[Person]:
    """People who took part: named outside quotations, and in the lead paragraph, or as a speaker, or
    with a title and at least once in their base form outside anyone's words (as a subject). Someone
    greeted or mentioned in an oblique case ("сәлем жолдап X-ке", "в присутствии министра X-а") or
    inside a statement ("Sklyar recalled that President X …") is not a participant."""
    speakers = {id(st.speaker) for st in statements if st.speaker}
    said = Intervals([Span(st.finding.start, st.finding.end) for st in statements])
    absent = absence_rx(lang)
    starts = [s.start for s in sents]
    absent_in: dict[int, bool] = {}

    def says_absent(i: int) -> bool:
        if i not in absent_in:
            absent_in[i] = bool(absent.search(body, sents[i].start, sents[i].end)) if absent else False
        return absent_in[i]

    meeting, aside = meeting_rx(lang, "meeting_words"), meeting_rx(lang, "aside_words")
    kinds_in: dict[int, tuple[bool, bool]] = {}

    def sentence_kind(i: int | None) -> tuple[bool, bool]:
        """(reports the meeting, only greets someone or plans a meeting) for sentence i"""
        if i is None:
            return False, False
        if i not in kinds_in:
            s = sents[i]
            kinds_in[i] = (bool(meeting and meeting.search(body, s.start, s.end)),
                           bool(aside and aside.search(body, s.start, s.end)))
        return kinds_in[i]

    owners_count = bool(lexicon(lang, "people").get("possessor_with_office"))
    chosen = []
    for p in people.persons:
        outside = [m for m in p.mentions if not quoted.contains(m.start, m.end)]
        if not outside:
            continue
        if absent is not None and id(p) not in speakers and any(
                says_absent(i) for i in {index_at(sents, starts, m.start) for m in outside} - {None}):
            continue                      # "X … did not take part in the talks"
        # in the lead, a name only in the genitive of a thing ("Гейдар Әлиевтің 100 жылдығы", "Абай
        # Құнанбайұлының ескерткіші") names no one who is there, unless they hold an office
        in_lead = any(lead.start <= m.start < lead.end
                      and ((p.role and owners_count) or not possessor(body[m.start:m.end], lang))
                      and not sentence_kind(index_at(sents, starts, m.start))[1] for m in outside)
        as_subject = any(re.split(r"[\s.]+", body[m.start:m.end])[-1] == p.surname
                         and not said.contains(m.start, m.end) and m.start not in p.oblique for m in outside)
        # an official (an office or a state: "Leo Varadkar (Ireland)") named in a sentence that reports
        # the meeting ("… губернаторы Андрей Никитинмен кездесті", "X (Ireland) … were also present")
        at_meeting = (p.role is not None or p.country is not None) and any(
            not said.contains(m.start, m.end) and not possessor(body[m.start:m.end], lang)
            and sentence_kind(index_at(sents, starts, m.start)) == (True, False) for m in outside)
        if p.bystander:
            continue                      # a spokesperson reports the meeting
        if in_lead or id(p) in speakers or (p.role and as_subject) or at_meeting:
            chosen.append(p)
            if active():
                why = ("named in the lead" if in_lead else "a speaker" if id(p) in speakers
                       else "the subject of a sentence, with an office" if p.role and as_subject
                       else "named in a sentence that reports the meeting")
                m = outside[0]
                note(f"participant {p.name}", f"takes part: {why}", m.start, m.end,
                     f"{p.role or 'no role'}, {p.country or 'no state'}" + (" (the home country's, by default)"
                                                                          if p.country_default else ""))
        elif active() and outside:
            note(f"not a participant: {p.name}", "named only in passing or in an oblique case",
                 outside[0].start, outside[0].end)
    return sorted(chosen, key=lambda p: p.first_offset)


REMOTE_KINDS = ("phone_call", "video_call")
MAX_SOURCE_WORDS = 8    # a longer "outlet" is a sentence fragment, not a name


def article_source(raw: RawArticle, body: str, sents: list[Span], lang: str) -> tuple[str | None, str | None, str | None]:
    """(outlet, via, home country) of an article.

    The outlet is the front matter's (or the HTML page's site name), else the site the URL names,
    else whoever the text says reports it ("деп хабарлайды X", a headline dateline "АСТАНА.
    KAZINFORM"); `via` is the source the text cites. The home country — whose officials the text names
    without their state — comes from the outlet (a known outlet, the URL's country domain), else from
    the sources the text names (a known agency, a press service of a named state), else from the
    language's press; without evidence it is None (then `text_home` may still find one)."""
    reporter, cited = (x if x and len(x.split()) <= MAX_SOURCE_WORDS else None
                       for x in find_sources(body, sents, lang))
    site_name, site_country = site(raw.url)
    site_name = local_name(site_name, lang)   # a known site as the article's language names it (ТАСС)
    outlet, via = raw.outlet or site_name, cited
    note("outlet", "the metadata's outlet" if raw.outlet else "the site the URL names" if site_name
         else "the reporter the text names" if reporter else "the source the text cites" if cited else "none",
         detail=str(outlet or reporter or cited))
    if outlet is None:
        # without metadata the reporter named in the text is the outlet; else the source it cites
        outlet, via = (reporter, cited) if reporter else (cited, None)
    elif reporter and not cited and reporter.casefold() not in outlet.casefold():
        via = reporter
    evidence = [("the metadata's outlet", outlet_country(raw.outlet)), ("the URL's site", site_country),
                ("a known outlet", outlet_country(outlet)), ("the reporter the text names", _source_country(reporter, lang)),
                ("the source the text cites", _source_country(cited, lang)), ("the language's press", language_press(lang))]
    why, home = next(((w, c) for w, c in evidence if c), ("no evidence", None))
    note("home country", why, detail=str(home))
    return outlet, via, home


def _source_country(name: str | None, lang: str) -> str | None:
    """The country of a source the text names: a known outlet, or the one state its name holds
    ("пресс-служба МИД РК"). (A dateline's city is no evidence: reports are filed from abroad.)"""
    if not name:
        return None
    codes = {code for _, _, code in find_countries(name, lang)}
    return outlet_country(name) or (codes.pop() if len(codes) == 1 else None)


def text_home(body: str, lang: str, people: People) -> str | None:
    """The home country the text itself gives when nothing else does: the state it names most often,
    leaving out the states of the officials it names with their state (a Pakistani report of the
    Turkish President's visit names Pakistan, and Turkey as his). None on a tie. (A city is no
    evidence: it is where someone went.)"""
    named = {p.country for p in people.persons if p.country}
    counts = Counter(code for _, _, code in find_countries(body, lang) if code not in named)
    top = counts.most_common(2)
    return top[0][0] if top and (len(top) == 1 or top[0][1] > top[1][1]) else None


@dataclass(slots=True)
class _Read:
    """An article as read: the page text the stages work on, its segments, dates and publication date."""
    body: str
    paras: list[Span]
    sents: list[Span]
    dates: list
    published: str | None
    chrome: list[Span]


def _read(raw: RawArticle, lang: str) -> _Read:
    # the page as read: chrome blanked, wrapped lines joined (same offsets as the stored body)
    page = read_page(raw.body, lang)
    body = page.text
    dates = find_dates(body, lang, raw.published)
    published = raw.published
    if published is None:
        # a dateline ("Москва, 5 октября 2023 года."), else a date line of the page, else the page's
        # URL (…/2023/06/09/…) dates the article; "сегодня" counts from it
        _, line_date = dateline(body, lang, dates)
        if line_date is not None and line_date.date:
            published = line_date.date
            note("published", "a dateline", line_date.start, line_date.end, published)
        else:
            published = page.date or page_date(body, raw.url)
            if published and not page.date:
                note("published", "the date in the URL", detail=published)
        if published is not None:
            dates = find_dates(body, lang, published)
    else:
        note("published", "the metadata", detail=published)
    return _Read(body, paragraphs(body), sentences(body), dates, published, page.chrome)


def _settle_countries(persons: list[Person], setting_country: str | None, home: str | None) -> None:
    """Two holders of one office from the home country by default: the second is the other side; the
    host of a meeting abroad represents the country it is in (without a home country: when nobody
    else represents it)."""
    held: set[tuple[str | None, str | None]] = set()
    for p in persons:
        if p.country_default and (p.role, p.country) in held:
            p.country, p.country_default = None, False
        held.add((p.role, p.country))
    represented = {p.country for p in persons if p.country}
    for p in persons:
        if p.country is None and p.role not in ORGANIZATION_ROLES and setting_country \
                and (setting_country != home if home else setting_country not in represented):
            p.country = setting_country
            note(f"participant {p.name}", "state: the host of a meeting abroad represents its country",
                 detail=setting_country)


def _participants_of(persons: tuple[Person, ...] | list[Person]) -> tuple[Participant, ...]:
    from archive.names import person_key

    return tuple(Participant(p.name, p.position, p.role, p.country, person_key(p.name)) for p in persons)


def _meetings(r: _Read, lang: str, setting: Any, persons: list[Person], people: People, statements: list[Statement],
              quoted: Intervals, claims: list[Claim], home: str | None) -> tuple[tuple[Meeting, ...], list[Claim]]:
    """The main meeting and the later events, with the canonical codes; the claims with theirs."""
    # several events: the main meeting, then each later event with someone new (archive.extract.events)
    events = split_events(r.body, r.sents, persons, people, quoted, lang)
    for k, e in enumerate(events[1:], 2):
        note(f"meeting {k}", "a later event with someone new (events.split_events)",
             detail=f"{e.kind or 'same kind'}: " + ", ".join(p.name for p in e.persons))
    main_persons = list(events[0].persons)
    kind = setting.kind
    if kind == "meeting" and len({p.country for p in main_persons if p.country}) >= 3:
        # officials of three or more states: a multilateral sitting; of heads of state, a summit
        heads = sum(p.role == "head_of_state" for p in main_persons)
        kind = "summit" if heads >= 3 and heads * 2 > len(main_persons) else "session"
    country = setting.country
    if country is None and kind not in REMOTE_KINDS and home and any(p.country == home for p in persons):
        # no place named, an official of the article's own country takes part: it is held at home
        # (a trip abroad names where it goes)
        country = home
        note("meeting.country", "no place named, an official of the home country takes part: at home",
             detail=home)
    # topic codes: the statements made at the meeting and the sentences that report it
    spans = [*(Span(st.finding.start, st.finding.end) for st in statements),
             *agenda_sentences(r.body, r.sents, lang), *report_sentences(r.body, r.sents, lang)]
    codes = topic_codes(r.body, lang, topics=setting.topics, occasion=setting.occasion, kind=kind, spans=spans,
                        claims=claims, roles=[p.role for p in persons])
    main = Meeting(kind, setting.date, setting.city, country, setting.occasion,
                   _participants_of(main_persons), setting.topics, codes)
    # a later event happens on the same trip and day unless it is a call; it has no topics of its own
    later = tuple(
        Meeting(e.kind or kind, setting.date, *((None, None) if (e.kind or kind) in REMOTE_KINDS
                                                 else (setting.city, country)),
                setting.occasion, _participants_of(e.persons))
        for e in events[1:])
    return (main, *later), claims


def extract_article(raw: RawArticle) -> ArticleRecord:
    lang = language_of(raw)
    r = _read(raw, lang)
    outlet, via, home = article_source(raw, r.body, r.sents, lang)
    people = find_people(r.body, lang, home)
    if home is None and (home := text_home(r.body, lang, people)):
        note("home country", "the state the text names most (no outlet evidence)", detail=home)
        people = find_people(r.body, lang, home)
    # quotation marks first, so that people named only inside a quote are not taken as participants
    findings = find_quotes(r.body, r.sents, lang, people.mentions)
    quoted = Intervals([Span(f.start, f.end) for f in findings if f.direct])
    statements = resolve_statements(findings, people, lang, quoted, r.sents)
    persons = _participants(r.body, people, statements, quoted, lead_of(r.body, r.paras), r.sents, lang)

    found = find_claims(r.body, r.sents, lang, r.published, r.dates)
    claims = _claim_speakers([c for c, _ in found], statements, r.sents, r.paras, people, quoted, r.body, lang,
                             raw.body, r.chrome)
    setting = find_setting(r.body, r.paras, r.sents, lang, r.dates, r.published, quoted.spans)
    _settle_countries(persons, setting.country, home)
    # the canonical vocabulary: metric codes and periods against the meeting's date, else the article's
    claims = canonical_claims(claims, [cue for _, cue in found], r.body, lang,
                              reference_month(setting.date, r.published))
    meetings, claims = _meetings(r, lang, setting, persons, people, statements, quoted, claims, home)
    quotes = tuple(
        Quote(st.speaker.name if st.speaker else None, r.body[st.finding.start:st.finding.end],
              st.finding.direct, st.finding.start, st.finding.end)
        for st in sorted(statements, key=lambda s: s.finding.start)
    )
    return ArticleRecord(
        id=raw.id, language=lang, title=raw.title, published=r.published, outlet=outlet, via=via,
        url=raw.url, meetings=meetings, quotes=quotes, claims=tuple(claims),
    )
