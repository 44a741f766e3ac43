"""People in an article: names, titles, their roles and countries, and the mentions that refer to them.

The mechanism is the same for every language; what differs comes from `<lang>/data/people.yaml`
(titles as word-prefix patterns with roles, conjunctions, where the state stands relative to the title)
and from the language's morphology module (`stems`, `nominative`, `nominative_phrase`,
`is_surname_like`).

A *person* is found where
- a title is followed by capitalised words ("Премьер-министрі Әлихан Смайылов", "President Emmanuel
  Macron", "Председатель Правительства Российской Федерации Михаил Мишустин"), or
- capitalised words end in a surname-shaped word ("Әлихан Смайыловтың", "Олжасом Бектеновым"), or
- a single word is the surname of a person already found ("Бектенов", "Tokayev's").
A title with no name after it ("Үкімет басшысы", "глава МИД России", "the President") is a title
mention; it is resolved to the person holding that role (and country) in the same article.
"""
from __future__ import annotations

import importlib
import re
from dataclasses import dataclass, field
from functools import cache
from types import ModuleType
from typing import Any

from archive.extract.lexicon import lexicon
from archive.extract.mentions import Mention
from archive.extract.segment import Span

WORD = re.compile(r"[^\W\d_]+(?:[-’'][^\W\d_]+)*(?:[’']s)?", re.U)
ORGANIZATION_ROLES = frozenset({"head_of_organization"})
ABBREV = re.compile(r"^[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]{2,5}$")


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str
    lower: str
    cap: bool            # starts with an upper-case letter


@dataclass(frozen=True, slots=True)
class TitleMatch:
    first: int           # token indices [first, last)
    last: int
    role: str
    start: int           # body offsets of the title words
    end: int


@dataclass(slots=True)
class Person:
    name: str                         # nominative, as the article writes it
    surname: str
    first: str | None
    position: str | None = None
    role: str | None = None
    country: str | None = None
    mentions: list[Mention] = field(default_factory=list)
    first_offset: int = 0


@dataclass(frozen=True, slots=True)
class TitleMention:
    span: Span
    role: str
    country: str | None
    position: str


@dataclass(slots=True)
class People:
    persons: list[Person]
    names: list[Mention]              # name mentions, resolved to a person
    titles: list[TitleMention]        # titles standing alone
    mentions: list[Mention]           # every name and title mention, ordered by offset

    def by_name(self, name: str) -> Person | None:
        return next((p for p in self.persons if p.name == name), None)


@cache
def morphology(lang: str) -> ModuleType:
    return importlib.import_module(f"archive.extract.{lang}.morph")


@cache
def _config(lang: str) -> dict[str, Any]:
    data = dict(lexicon(lang, "people"))
    titles = sorted(data["titles"], key=lambda t: -len(t["words"]))
    data["titles"] = [(tuple(t["words"]), t["role"]) for t in titles]
    data["by_first"] = {}
    for words, role in data["titles"]:
        data["by_first"].setdefault(words[0][:3], []).append((words, role))
    data["conjunctions"] = frozenset(data.get("conjunctions") or ())
    data["honorifics"] = frozenset(data.get("honorifics") or ())
    return data


def tokenize(body: str, start: int = 0, end: int | None = None) -> list[Token]:
    out = []
    for m in WORD.finditer(body, start, len(body) if end is None else end):
        t = m.group()
        out.append(Token(m.start(), m.end(), t, t.lower(), t[0].isupper()))
    return out


def _adjacent(body: str, a: Token, b: Token) -> bool:
    """Only spaces between two tokens (no punctuation, no line break)."""
    gap = body[a.end:b.start]
    return gap.isspace() and "\n" not in gap if gap else False


def _word_matches(token: str, word: str, cfg: dict[str, Any]) -> bool:
    if word.startswith("="):
        return token == word[1:]
    if not token.startswith(word) or len(token) - len(word) > cfg["max_suffix"]:
        return False
    return not any(token.startswith(p) and len(p) > len(word) for p in cfg["not_title_prefixes"])


def find_titles(body: str, tokens: list[Token], lang: str) -> list[TitleMatch]:
    cfg = _config(lang)
    found: list[TitleMatch] = []
    i = 0
    while i < len(tokens):
        match = None
        for words, role in cfg["by_first"].get(tokens[i].lower[:3], ()):
            n = len(words)
            if i + n > len(tokens):
                continue
            if all(_word_matches(tokens[i + k].lower, w, cfg) for k, w in enumerate(words)) and all(
                _adjacent(body, tokens[i + k], tokens[i + k + 1]) for k in range(n - 1)
            ):
                match = TitleMatch(i, i + n, role, tokens[i].start, tokens[i + n - 1].end)
                break
        if match:
            found.append(match)
            i = match.last
        else:
            i += 1
    return found


def _country(text: str, lang: str) -> str | None:
    from archive.extract.places import country_code

    return country_code(text, lang)


def _modifier_country(body: str, tokens: list[Token], title: TitleMatch, lang: str,
                      title_idx: set[int]) -> tuple[str | None, int]:
    """The state named right before the title ("Ресей Үкіметінің Төрағасы", "ҚР Премьер-министрі",
    "Kazakh Foreign Minister"), and the token index where the whole position phrase starts."""
    cfg = _config(lang)
    loc = tuple(cfg.get("locative_endings") or ())
    first = title.first
    k = title.first - 1
    found: str | None = None
    steps = 0
    while k >= 0 and steps < 5 and _adjacent(body, tokens[k], tokens[k + 1]):
        tok = tokens[k]
        if k in title_idx or tok.lower in cfg["conjunctions"]:
            break
        if not (tok.cap or ABBREV.match(tok.text)) and found is None and steps >= 2:
            break
        if tok.lower.endswith(loc) and loc:
            k -= 1
            steps += 1
            continue
        cc = _country(tok.text, lang)
        if cc is None and k > 0 and _adjacent(body, tokens[k - 1], tok):
            cc = _country(f"{tokens[k - 1].text} {tok.text}", lang)
            if cc is None and k > 1 and _adjacent(body, tokens[k - 2], tokens[k - 1]):
                cc = _country(f"{tokens[k - 2].text} {tokens[k - 1].text} {tok.text}", lang)
        if cc:
            found = found or cc
            first = k
            break
        if not tok.cap:
            break
        k -= 1
        steps += 1
    return found, first


def _following_country(body: str, tokens: list[Token], title: TitleMatch, lang: str) -> tuple[str | None, int]:
    """The state named right after the title in the genitive ("Президент Узбекистана", "President of
    France", "Премьер-министром Республики Казахстан"); returns (ISO, first token after it)."""
    j = title.last
    if j >= len(tokens) or not _adjacent(body, tokens[j - 1], tokens[j]):
        return None, j
    skip = 0
    if tokens[j].lower in ("of", "the"):
        skip = 1
        if j + 1 < len(tokens) and tokens[j + 1].lower == "the":
            skip = 2
    for n in (4, 3, 2, 1):
        a, b = j + skip, j + skip + n
        if b > len(tokens) or not all(_adjacent(body, tokens[x], tokens[x + 1]) for x in range(j - 1, b - 1)):
            continue
        if not all(tokens[x].cap or ABBREV.match(tokens[x].text) for x in range(a, b)):
            continue
        cc = _country(" ".join(t.text for t in tokens[a:b]), lang)
        if cc:
            return cc, b
    return None, j


def _name_tokens(body: str, tokens: list[Token], j: int, lang: str, title_idx: set[int]) -> int:
    """How many capitalised name tokens start at index j (0 if none)."""
    cfg = _config(lang)
    n = 0
    while j + n < len(tokens) and n < 4:
        tok = tokens[j + n]
        if n and not _adjacent(body, tokens[j + n - 1], tok):
            break
        if not tok.cap or (j + n) in title_idx or ABBREV.match(tok.text):
            break
        if tok.lower.rstrip(".") in cfg["honorifics"]:
            break
        if n >= 1 and _country(tok.text, lang):
            break
        n += 1
    return n


def _split_name(words: list[str], lang: str, known: set[str]) -> tuple[str, str | None, str]:
    morph = morphology(lang)
    base = morph.nominative_phrase(words, known)
    surname = base[-1]
    first = base[0] if len(base) > 1 else None
    return " ".join(base), first, surname


def _position_text(body: str, tokens: list[Token], first: int, last: int, lang: str) -> str:
    words = [t.text for t in tokens[first:last]]
    try:
        words = morphology(lang).nominative_phrase(words, ())
    except Exception:  # morphology must never lose a position
        pass
    return " ".join(words)


def _same_person(a: Person, surname: str, first: str | None) -> bool:
    if a.surname != surname:
        return False
    return first is None or a.first is None or a.first[:1] == first[:1]


def find_people(body: str, lang: str, excluded: list[Span] | None = None) -> People:
    """All persons and person mentions of an article. Mentions inside `excluded` spans (direct quotes)
    are kept as mentions but give no title/role information to the person."""
    cfg = _config(lang)
    morph = morphology(lang)
    tokens = tokenize(body)
    titles = find_titles(body, tokens, lang)
    title_idx = {i for t in titles for i in range(t.first, t.last)}
    persons: list[Person] = []
    names: list[Mention] = []
    title_mentions: list[TitleMention] = []
    used: set[int] = set(title_idx)
    known: set[str] = set()

    def add_person(words_first: int, words_last: int, position: str | None, role: str | None,
                   country: str | None) -> None:
        words = [tokens[x].text for x in range(words_first, words_last)]
        name, first, surname = _split_name(words, lang, known)
        person = next((p for p in persons if _same_person(p, surname, first)), None)
        if person is None:
            person = Person(name, surname, first, first_offset=tokens[words_first].start)
            persons.append(person)
        elif first and not person.first:
            person.name, person.first = name, first
        if role and not person.role:
            person.role, person.position = role, position
        if country and not person.country:
            person.country = country
        known.add(surname)
        if first:
            known.add(first)
        span = Mention(tokens[words_first].start, tokens[words_last - 1].end, "name", person.name)
        names.append(span)
        used.update(range(words_first, words_last))

    # 1. title + name
    for t in titles:
        before_country, pos_first = _modifier_country(body, tokens, t, lang, title_idx)
        after_country, j = (None, t.last)
        if cfg.get("country_after_title"):
            after_country, j = _following_country(body, tokens, t, lang)
        if j < len(tokens) and tokens[j].lower.rstrip(".") in cfg["honorifics"]:
            j += 1
        adjacent = j < len(tokens) and _adjacent(body, tokens[j - 1], tokens[j])
        n = _name_tokens(body, tokens, j, lang, title_idx) if adjacent else 0
        country = before_country or after_country
        position = _position_text(body, tokens, t.first, t.last, lang)
        if n:
            add_person(j, j + n, position, t.role, country)
        else:
            title_mentions.append(TitleMention(Span(tokens[pos_first].start, t.end), t.role, country, position))

    # 2. names without a title: capitalised runs ending in a surname-shaped word
    i = 0
    while i < len(tokens):
        if i in used or not tokens[i].cap:
            i += 1
            continue
        n = _name_tokens(body, tokens, i, lang, used)
        if n >= 2:
            words = [tokens[x].text for x in range(i, i + n)]
            base = morph.nominative_phrase(words, known)
            if morph.is_surname_like(base[-1]) and not _country(words[-1], lang):
                add_person(i, i + n, None, None, None)
                i += n
                continue
        i += 1

    # 3. single known surnames (any case form)
    surnames = {p.surname for p in persons}
    for i, tok in enumerate(tokens):
        if i in used or not tok.cap:
            continue
        base = morph.nominative(tok.text, surnames)
        if base in surnames:
            candidates = [p for p in persons if p.surname == base]
            # the most recently named of several namesakes
            before = [m for m in names if m.start < tok.start and m.person in {p.name for p in candidates}]
            person = next((p for p in persons if before and p.name == before[-1].person), candidates[-1])
            names.append(Mention(tok.start, tok.end, "name", person.name))
            used.add(i)

    names.sort(key=lambda m: m.start)
    for p in persons:
        p.mentions = [m for m in names if m.person == p.name]
        p.first_offset = p.mentions[0].start if p.mentions else p.first_offset
    mentions = sorted(
        [*names, *(Mention(t.span.start, t.span.end, "title") for t in title_mentions)],
        key=lambda m: m.start,
    )
    _fill_countries(persons, title_mentions, cfg)
    return People(persons, names, title_mentions, mentions)


def _fill_countries(persons: list[Person], titles: list[TitleMention], cfg: dict[str, Any]) -> None:
    """A title mention with a country and a role held by one person lends that person its country;
    an official of a state with no state named, in a language whose press has a home country (Kazakh:
    "Премьер-министр Олжас Бектенов"), is that country's."""
    for t in titles:
        if not t.country:
            continue
        holders = [p for p in persons if p.role == t.role and p.country in (None, t.country)]
        if len(holders) == 1 and holders[0].country is None:
            holders[0].country = t.country
    home = cfg.get("home_country")
    for p in persons:
        if p.country is None and home and p.role and p.role not in ORGANIZATION_ROLES:
            p.country = home


def resolve_title(people: People, title: TitleMention, lang: str, before: int | None = None) -> Person | None:
    """The person a title standing alone refers to: same role and country; a bare title in a language
    with a home country (Kazakh press: "Үкімет басшысы" = the Kazakh PM) means that country's holder."""
    cfg = _config(lang)
    same_role = [p for p in people.persons if p.role == title.role]
    if title.country:
        hit = [p for p in same_role if p.country == title.country]
        if hit:
            return hit[0]
        return same_role[0] if len(same_role) == 1 and same_role[0].country is None else None
    home = cfg.get("home_country")
    if home:
        hit = [p for p in same_role if p.country == home]
        if hit:
            return hit[0]
    if len(same_role) == 1:
        return same_role[0]
    if same_role:
        # the holder mentioned most recently before this title
        recent = [m for m in people.names if before is not None and m.start < before
                  and m.person in {p.name for p in same_role}]
        if recent:
            return people.by_name(recent[-1].person or "")
        return same_role[0]
    return None
