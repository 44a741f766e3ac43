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

import bisect
import importlib
import re
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from types import ModuleType
from typing import Any

from archive.extract.lexicon import lexicon
from archive.extract.mentions import Mention
from archive.extract.places import country_code, find_regions, place
from archive.extract.segment import Intervals, Span
from archive.extract.trace import active, note

WORD = re.compile(r"(?:[A-Z]\.){2,}|[^\W\d_]+(?:[-’'][^\W\d_]+)*(?:[’']s)?", re.U)
ORGANIZATION_ROLES = frozenset({"head_of_organization"})
STATE_ROLES = frozenset({"head_of_state", "head_of_government", "other"})
REGIONAL_ROLES = frozenset({"regional_head"})
PRESIDING_ROLES = frozenset({"head_of_state", "other"})   # "president"/"chairman": of a state or of a company
COUNTERPART = "counterpart"     # "his Kazakh counterpart", "белорусским коллегой": the office of the other side
ABBREV = re.compile(r"^(?:[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]{2,5}|(?:[A-Z]\.){2,})$")


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
    descriptor: bool = False   # describes an office ("Мемлекет басшысы") rather than naming it
    country: str | None = None  # a country adjective inside the title ("глава российского правительства")
    alt_role: str | None = None  # the second office of two joined titles ("вице-премьер – министр")
    state_role: str | None = None  # the role when a state stands right by the title ("Председатель КНР")
    bystander: bool = False    # an office that reports a meeting rather than takes part (a spokesperson)
    needs_state: bool = False  # a title only with a state right by it ("глава Кыргызстана")


@dataclass(slots=True)
class Person:
    name: str                         # nominative, as the article writes it
    surname: str
    first: str | None
    position: str | None = None
    role: str | None = None
    country: str | None = None
    mentions: list[Mention] = field(default_factory=list)
    roles: set[str] = field(default_factory=set)     # every office the article gives them
    country_default: bool = False                    # country is the home-country default, not read
    titles: list[str] = field(default_factory=list)  # positions attached to their name, as written
    oblique: set[int] = field(default_factory=set)   # starts of name mentions in an oblique case
    descriptor_only: bool = False                    # introduced only by a descriptor ("Мемлекет басшысы")
    bystander: bool = False                          # named only as a spokesperson
    first_offset: int = 0


@dataclass(frozen=True, slots=True)
class TitleMention:
    span: Span
    role: str
    country: str | None
    position: str
    descriptor: bool = False
    plural: bool = False        # "Президенты", "басшылары": many people, none of them alone
    bystander: bool = False


Positions = dict[int, list[tuple[bool, str, str, str | None]]]   # id(person) -> (descriptor, text, role, country)


@dataclass(slots=True)
class People:
    persons: list[Person]
    names: list[Mention]              # name mentions, resolved to a person
    titles: list[TitleMention]        # titles standing alone
    mentions: list[Mention]           # every name and title mention, ordered by offset
    home: str | None = None           # the country of the article's press (see pipeline.home_country)

    def by_name(self, name: str) -> Person | None:
        return next((p for p in self.persons if p.name == name), None)


@cache
def morphology(lang: str) -> ModuleType:
    return importlib.import_module(f"archive.extract.{lang}.morph")


@cache
def _config(lang: str) -> dict[str, Any]:
    data = dict(lexicon(lang, "people"))
    titles = sorted(data["titles"], key=lambda t: -len(t["words"]))
    data["titles"] = [(tuple(t["words"]), t["role"], bool(t.get("descriptor")), t.get("state_role"),
                       bool(t.get("bystander")), bool(t.get("needs_state"))) for t in titles]
    data["by_first"] = {}
    # every word of a title as the data writes it: a one-word title's base form is one of these
    data["title_words"] = frozenset(w.lstrip("=").casefold() for entry in data["titles"] for w in entry[0])
    for entry in data["titles"]:
        data["by_first"].setdefault(entry[0][0].lstrip("=")[:3], []).append(entry)
    data["non_name_endings"] = tuple(data.get("non_name_endings") or ())
    data["conjunctions"] = frozenset(data.get("conjunctions") or ())
    data["honorifics"] = frozenset(data.get("honorifics") or ())
    data["honorific_prefixes"] = tuple(h for h in data["honorifics"] if len(h) > 3)
    data["modifier_stop_endings"] = tuple(data.get("modifier_stop_endings") or ())
    data["modifier_not_after"] = frozenset(data.get("modifier_not_after") or ())
    data["oblique_after"] = frozenset(data.get("oblique_after") or ())
    data["name_particles"] = frozenset(data.get("name_particles") or ())
    data["title_joiners"] = frozenset(data.get("title_joiners") or ())
    data["bridge_words"] = frozenset(data.get("bridge_words") or ())
    data["name_script"] = re.compile(data["name_script"]) if data.get("name_script") else None
    data["non_name_words"] = tuple(w.lower() for w in data.get("non_name_words") or ())
    data["bridge_stop"] = frozenset(data.get("bridge_stop") or ())
    data["verb_endings"] = tuple(data.get("verb_endings") or ())
    data["not_title_after"] = frozenset(data.get("not_title_after") or ())
    data["one_letter_words"] = frozenset(data.get("one_letter_words") or ())
    data["family_names_first"] = frozenset(data.get("family_names_first") or ())
    data["posting_after_state"] = frozenset(data.get("posting_after_state") or ())
    data["name_not_before"] = frozenset(data.get("name_not_before") or ())
    data["patronymic_endings"] = tuple(data.get("patronymic_endings") or ())
    data["articles"] = frozenset(data.get("articles") or ())
    return data


TOKEN_CACHE = 4                      # bodies whose tokens are kept (stages tokenize the same texts)
_last_tokens: list[tuple[str, tuple[list, list[int]]]] = []    # (text, (tokens, their starts)), newest first


def tokenize(body: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Word tokens of body[start:end] (the whole body is tokenized once and sliced)."""
    hit = next((k for k, (text, _) in enumerate(_last_tokens) if text is body), None)
    if hit is None:
        toks = []
        for m in WORD.finditer(body):
            t = m.group()
            toks.append(Token(m.start(), m.end(), t, t.lower(), t[0].isupper()))
        _last_tokens.insert(0, (body, (toks, [t.start for t in toks])))
        del _last_tokens[TOKEN_CACHE:]
        hit = 0
    toks, starts = _last_tokens[hit][1]
    if start == 0 and end is None:
        return toks
    a = bisect.bisect_left(starts, start)
    b = len(toks) if end is None else bisect.bisect_left(starts, end)
    while b > a and toks[b - 1].end > (len(body) if end is None else end):
        b -= 1
    return toks[a:b]


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


def _match_title(body: str, tokens: list[Token], i: int, words: tuple[str, ...], lang: str,
                 cfg: dict[str, Any]) -> tuple[int, str | None] | None:
    """Match title words from token i; a country adjective may stand between two of them ("глава
    российского правительства", "head of the Kazakh government"). Returns (end index, that country)."""
    k, j, country = 0, i, None
    while k < len(words):
        if j >= len(tokens) or (k and not _adjacent(body, tokens[j - 1], tokens[j])):
            return None
        if _word_matches(tokens[j].lower, words[k], cfg):
            k, j = k + 1, j + 1
            continue
        if k and country is None and (not tokens[j].cap or cfg.get("title_country_capital")):
            cc = _country(tokens[j].text, lang)
            if cc:
                country, j = cc, j + 1
                continue
        return None
    return j, country


def find_titles(body: str, tokens: list[Token], lang: str) -> list[TitleMatch]:
    cfg = _config(lang)
    found: list[TitleMatch] = []
    i = 0
    while i < len(tokens):
        match = None
        if i and tokens[i - 1].lower in cfg["not_title_after"] and _adjacent(body, tokens[i - 1], tokens[i]):
            i += 1                        # "во главе с …": an idiom, no title
            continue
        for words, role, descriptor, state_role, bystander, needs_state in cfg["by_first"].get(tokens[i].lower[:3], ()):
            hit = _match_title(body, tokens, i, words, lang, cfg)
            if hit:
                end, country = hit
                match = TitleMatch(i, end, role, tokens[i].start, tokens[end - 1].end, descriptor, country,
                                   state_role=state_role, bystander=bystander, needs_state=needs_state)
                break
        if match:
            prev = found[-1] if found else None
            if prev is not None and prev.bystander and prev.last == match.first \
                    and _adjacent(body, tokens[prev.last - 1], tokens[match.first]):
                # "пресс-секретарь Президента X": the office a spokesperson speaks for is no title of X
                found[-1] = replace(prev, last=match.last, end=match.end)
            else:
                found.append(match)
            i = match.last
        else:
            i += 1
    return found


def _country(text: str, lang: str) -> str | None:
    cc = country_code(text, lang)
    if cc is None and "-" in text:
        head, _, _ = text.partition("-")
        if ABBREV.match(head):
            cc = country_code(head, lang)     # a case ending after an abbreviation: "АҚШ-тың", "ҚХР-дың"
    return cc


@lru_cache(maxsize=1 << 16)
def _place(text: str, lang: str) -> bool:
    """A city, landmark or region ("Ставрополья"): no part of a person's name."""
    p = place(text, lang)
    if p is not None and p.kind in ("city", "landmark"):
        return True
    found = find_regions(text, lang)
    return len(found) == 1 and found[0][0] == 0 and found[0][1] >= len(text.rstrip(".,"))


def _modifier_country(body: str, tokens: list[Token], title: TitleMatch, lang: str,
                      title_idx: set[int]) -> tuple[str | None, int]:
    """The state named before the title ("Ресей Үкіметінің Төрағасы", "ҚР Премьер-министрі", "Kazakh
    Foreign Minister", "Өзбекстан Республикасының Инвестициялар, өнеркәсіп және сауда министрі"), and
    the token index where the whole position phrase starts. A country word in another case ("in X",
    "to X") is not the official's state."""
    cfg = _config(lang)
    loc = tuple(cfg.get("locative_endings") or ())
    lower_ok = cfg.get("modifier_lowercase")
    morph = morphology(lang)
    k = title.first - 1
    steps = 0
    gap_rx = r"[\s,]*" if lower_ok else r"[ \t]*"     # only a complement in Kazakh holds commas
    located = -1                          # a locative word ("Республикасындағы") at this index
    while k >= 0 and steps < 8 and re.fullmatch(gap_rx, body[tokens[k].end:tokens[k + 1].start]):
        tok = tokens[k]
        if k in title_idx:
            break
        if loc and tok.lower.endswith(loc):
            located = k
            k, steps = k - 1, steps + 1
            continue
        if tok.lower.endswith(cfg["modifier_stop_endings"]):
            break                         # a participle or converb: the title's complement ended
        skip_to = None
        for n in (3, 2, 1):
            a = k - n + 1
            if a < 0 or not all(_adjacent(body, tokens[x], tokens[x + 1]) for x in range(a, k)):
                continue
            if n > 1 and not tokens[a].cap:
                continue                      # a state's name starts with a capital
            cc = _country(" ".join(t.text for t in tokens[a:k + 1]), lang)
            if cc and a and tokens[a - 1].lower in cfg["modifier_not_after"] \
                    and not tokens[k].lower.endswith(("'s", "’s")) \
                    and place(" ".join(x.text for x in tokens[a:k + 1]), lang) is not None:
                # "с визитом в Индии заместитель …": where, not whose (a demonym is never where:
                # "a phone call to Turkish President X")
                return None, title.first
            if cc:
                # "Өзбекстан Республикасындағы": the state's name goes on in the locative: where, not whose
                inside_place = located == k + 1 and _country(
                    " ".join(x.text for x in tokens[a:k + 2]), lang) == cc
                if _modifier_case(tok.text, cfg, morph) and not inside_place:
                    return cc, a
                skip_to = a               # a country in another case ("Корея Республикасына"): not it
                break
        if skip_to is not None:
            k, steps = skip_to - 1, steps + (k - skip_to) + 1
            continue
        if not (tok.cap or ABBREV.match(tok.text)) and not (lower_ok and steps < 6):
            break
        k, steps = k - 1, steps + 1
    return None, title.first


REGION_WORDS = 4       # tokens before a regional title that may name its region ("Омбы облысының")


def _regional(body: str, tokens: list[Token], t: TitleMatch, j: int, lang: str,
              country: str | None) -> tuple[TitleMatch, str | None]:
    """A title with no state named: a regional head's state from the region or city of their office;
    the head of a region's government or republic ("ШҰАА үкіметінің басшысы", "Татарстан Республикасының
    Президенті") heads a region, not a state."""
    if country:
        return t, country
    if t.role in REGIONAL_ROLES:
        return t, _region_state(body, tokens, t, j, lang)
    if t.role in ("head_of_state", "head_of_government"):
        cc = _region_state(body, tokens, t, j, lang, cities=False)
        if cc:
            return replace(t, role="regional_head"), cc
    return t, None


def _region_state(body: str, tokens: list[Token], t: TitleMatch, j: int, lang: str,
                  cities: bool = True) -> str | None:
    """The state of the region or city of an office, when no state is named: before the title ("Омбы
    облысының губернаторы", "Омский губернатор") or in its complement before the name ("губернатор
    Амурской области Василий Орлов", "Governor of Omsk Region X")."""
    cfg = _config(lang)
    morph = morphology(lang)
    k = t.first
    while k > 0 and t.first - k < REGION_WORDS and not re.search(r"[,.;:!?\n«»\"]", body[tokens[k - 1].end:tokens[k].start]):
        k -= 1
    before = [(s, e, cc) for s, e, cc in find_regions(body, lang, tokens[k].start, t.start, cities)
              if _modifier_case(body[s:e].split()[-1], cfg, morph)]
    if before:
        return before[-1][2]
    if j > t.last:
        after = find_regions(body, lang, t.end, tokens[j - 1].end, cities)
        if after:
            return after[0][2]
    return None


def _modifier_case(word: str, cfg: dict[str, Any], morph: ModuleType) -> bool:
    """Is a country word in a case that can modify a title (nominative or genitive)?"""
    endings = cfg.get("modifier_endings")
    if not endings:
        return True
    return morph.nominative(word) == word or word.lower().endswith(tuple(endings))


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
    for n in (5, 4, 3, 2, 1):
        a, b = j + skip, j + skip + n
        if b > len(tokens) or not all(_adjacent(body, tokens[x], tokens[x + 1]) for x in range(j - 1, b - 1)):
            continue
        if not (tokens[a].cap or ABBREV.match(tokens[a].text)) or not tokens[b - 1].cap:
            continue
        cc = _country(" ".join(t.text for t in tokens[a:b]), lang)
        if cc:
            return cc, _after_posting(body, tokens, b, lang)
    if title.role in REGIONAL_ROLES or title.role in ("head_of_state", "head_of_government"):
        # "Governor of Xinjiang Erkin Tuniyaz", "Mayor of Moscow X", "Президент Татарстана X": the region
        # or city of the office (a state office of a region is a regional one: _regional)
        for n in (3, 2, 1):
            a, b = j + skip, j + skip + n
            if b > len(tokens) or not all(tokens[x].cap for x in range(a, b)) \
                    or not all(_adjacent(body, tokens[x], tokens[x + 1]) for x in range(j - 1, b - 1)):
                continue
            found = find_regions(body, lang, tokens[a].start, tokens[b - 1].end, title.role in REGIONAL_ROLES)
            if len(found) == 1 and found[0][:2] == (tokens[a].start, tokens[b - 1].end):
                return found[0][2], b
    return None, j


def _after_posting(body: str, tokens: list[Token], b: int, lang: str) -> int:
    """Past the place an official is posted to, after their state ("посол России в Таджикистане Юрий
    Попов", "Посла Турецкой Республики в Кыргызской Республике г-ном …"): the first token after it."""
    posting = _config(lang)["posting_after_state"]
    if b + 1 >= len(tokens) or tokens[b].lower not in posting or not _adjacent(body, tokens[b - 1], tokens[b]):
        return b
    for n in (3, 2, 1):
        a, e = b + 1, b + 1 + n
        if e > len(tokens) or not all(_adjacent(body, tokens[x], tokens[x + 1]) for x in range(b, e - 1)):
            continue
        if not (tokens[a].cap or ABBREV.match(tokens[a].text)):
            continue
        phrase = " ".join(t.text for t in tokens[a:e])
        if _country(phrase, lang) or _place(phrase, lang):
            return e
    return b


def plural_title(tokens: list[Token], t: TitleMatch, lang: str) -> bool:
    """Is a title's head word plural ("Президенты", "басшылары", "Ministers")? The head is the last
    word, or the one the language's `title_head` picks ("Министр иностранных дел")."""
    morph = morphology(lang)
    fn = getattr(morph, "is_plural", None)
    if fn is None:
        return False
    words = [x.text for x in tokens[t.first:t.last]]
    head = getattr(morph, "title_head", lambda w: len(w) - 1)(words)
    return bool(fn(words[head]))


def singular_position(body: str, tokens: list[Token], t: TitleMatch, lang: str) -> str:
    """The position of one of the people a plural title names ("Президенты" → "Президент")."""
    words = _position_text(body, tokens, t.first, t.last, lang).split()
    morph = morphology(lang)
    fn = getattr(morph, "singular", None)
    if fn and words:
        head = getattr(morph, "title_head", lambda w: len(w) - 1)(words)
        words[head] = fn(words[head])
    return " ".join(words)


def _states_before(body: str, tokens: list[Token], first: int, lang: str) -> list[str]:
    """States joined before a plural title ("Қазақстан мен Ресей Президенттері"), in text order."""
    conj = _config(lang)["conjunctions"]
    out: list[str] = []
    k = first - 1
    while k >= 0 and len(out) < 8:
        hit = None
        for n in (3, 2, 1):
            a = k - n + 1
            if a < 0 or not (tokens[a].cap or ABBREV.match(tokens[a].text)):
                continue
            if not all(_adjacent(body, tokens[x], tokens[x + 1]) for x in range(a, k + 1) if x + 1 <= k):
                continue
            cc = _country(" ".join(x.text for x in tokens[a:k + 1]), lang)
            if cc:
                hit = (cc, a)
                break
        if hit is None or (k + 1 < len(tokens) and not re.fullmatch(r"\s*,?\s*", body[tokens[k].end:tokens[k + 1].start])):
            break
        out.insert(0, hit[0])
        k = hit[1] - 1
        if k >= 0 and tokens[k].lower in conj:
            k -= 1
        elif k >= 0 and body[tokens[k].end:tokens[k + 1].start].strip() != ",":
            break
    return out


def _distributed(body: str, tokens: list[Token], t: TitleMatch, j: int, lang: str,
                 title_idx: set[int], plural: bool = True) -> list[tuple[int, int, str | None]]:
    """The people a plural title names, each with their state: "Президенты России и Узбекистана
    Владимир Путин и Шавкат Мирзиёев", "Главы Кыргызстана Сооронбай Жээнбеков и России Владимир
    Путин", "Foreign Ministers of Kazakhstan and China Murat Nurtleu and Wang Yi", "Қазақстан мен Ресей
    Президенттері Қасым-Жомарт Тоқаев пен Владимир Путин". (name start, its length, state) per person;
    [] unless the states and the names pair up."""
    cfg = _config(lang)
    conj = cfg["conjunctions"]
    states = _states_before(body, tokens, t.first, lang)
    items: list[tuple[str, Any, int]] = []
    k = t.last
    while k < len(tokens) and tokens[k].lower in ("of", "the") and _adjacent(body, tokens[k - 1], tokens[k]):
        k += 1
    while k < len(tokens) and len(items) < 12:
        gap = body[tokens[k - 1].end:tokens[k].start]
        if not re.fullmatch(r"[ \t]*,?[ \t]*", gap):
            break
        joined = "," in gap
        if items and tokens[k].lower in conj and k + 1 < len(tokens) and _adjacent(body, tokens[k], tokens[k + 1]):
            k, joined = k + 1, True
            if tokens[k].lower == "of" and k + 1 < len(tokens):
                k += 1
        hit = None
        for n in (3, 2, 1):
            if k + n <= len(tokens) and (tokens[k].cap or ABBREV.match(tokens[k].text)) \
                    and all(_adjacent(body, tokens[x], tokens[x + 1]) for x in range(k, k + n - 1)):
                cc = _country(" ".join(x.text for x in tokens[k:k + n]), lang)
                if cc:
                    hit = ("c", cc, n)
                    break
        if hit is None and tokens[k].cap:
            n = _name_tokens(body, tokens, k, lang, title_idx)
            hit = ("n", k, n) if n else None
        # items of one kind are joined by a comma or a conjunction; a name follows its state directly
        if hit is None or (items and not joined and not (items[-1][0] == "c" and hit[0] == "n")):
            break
        items.append(hit)
        k += hit[2]
    kinds = "".join(x[0] for x in items)
    names = [(x[1], x[2]) for x in items if x[0] == "n"]
    if len(names) < 2 or (not plural and kinds != "cn" * len(names)):
        return []                         # (a title in the singular is shared only pair by pair)
    if kinds in ("c" * len(names) + "n" * len(names), "cn" * len(names)) and not states:
        codes = [x[1] for x in items if x[0] == "c"]       # states then names, or pair by pair
    elif kinds == "n" * len(names) and len(states) == len(names):
        codes = states
    elif kinds == "n" * len(names):
        codes = [None] * len(names)         # "the Presidents Kassym-Jomart Tokayev and Vladimir Putin"
    else:
        return []
    return [(a, n, cc) for (a, n), cc in zip(names, codes, strict=True)]


def _title_case_lines(body: str, tokens: list[Token], lang: str) -> Intervals | None:
    """Short lines in Title Case that end no sentence ("Kazakhstan’s Foreign Minister Conducts Productive
    Visit to Armenia"): headlines, whose capitals say nothing about names (people.yaml
    `title_case_headlines`)."""
    if not _config(lang).get("title_case_headlines"):
        return None
    spans: list[Span] = []

    def close(first: int, last: int) -> None:
        line = tokens[first:last]
        long = [x for x in line if len(x.text) >= 4]
        end = body.find("\n", line[-1].end)
        tail = body[line[-1].end:end if end >= 0 else len(body)].strip()
        if len(line) <= 16 and len(long) >= 3 and sum(x.cap for x in long) * 5 >= len(long) * 4 \
                and not tail.endswith((".", "!", "?", ":")):
            spans.append(Span(line[0].start, line[-1].end))

    first = 0
    for k in range(1, len(tokens)):
        if "\n" in body[tokens[k - 1].end:tokens[k].start]:
            close(first, k)
            first = k
    if tokens:
        close(first, len(tokens))
    return Intervals(spans)


BRACKETED_STATE = re.compile(r"[ \t]?\(((?:the )?[^\W\d_][^()\n]{1,38})\)")   # "(Ireland)", "(the Netherlands)"
MIN_SPEAKER_LINES = 2      # a transcript gives the floor to two speakers at least


def _speaker_lines(body: str, tokens: list[Token]) -> set[int]:
    """Tokens opening a transcript's speaker lines ("Kokhir Rasulzoda: Thank you, Mr Mishustin."): a
    line opens with two to four capitalised words and a colon, and words that end a sentence follow.
    Only when the page has two such lines at least (a transcript): its labels are names, whether or
    not their words look like one."""
    starts: list[int] = []
    k = 0
    while k < len(tokens):
        tok = tokens[k]
        if tok.cap and (tok.start == 0 or body[tok.start - 1] == "\n"):
            n = 0
            while k + n < len(tokens) and n < 4 and tokens[k + n].cap \
                    and (n == 0 or body[tokens[k + n - 1].end:tokens[k + n].start] == " "):
                n += 1
            after = tokens[k + n - 1].end
            line_end = body.find("\n", after)
            line_end = len(body) if line_end < 0 else line_end
            if n >= 2 and body.startswith(": ", after) \
                    and body[after + 2:line_end].rstrip()[-1:] in (".", "!", "?", "»", "”", '"'):
                starts.append(k)
        k += 1
    return set(starts) if len(starts) >= MIN_SPEAKER_LINES else set()


def _opens_name(body: str, tokens: list[Token], i: int, n: int, lang: str) -> bool:
    """Can the capitalised run tokens[i:i+n] start with its first word? Not when that word is a state
    or a place ("Минск Александр Гусев", "Приамурье Рустам Исмаилов"), or a word that agrees in case
    with no other of the run ("Азии Серджио Гором", "Также Валентина")."""
    first = tokens[i].text
    if _country(first, lang) or _place(first, lang):
        return False
    if body[tokens[i].start - 1:tokens[i].start] == "/" and body[tokens[i + n - 1].end:tokens[i + n - 1].end + 1] == "/":
        return False                      # a reporter's byline: "ҚазАқпарат /Владимир Добровольский/"
    agrees = getattr(morphology(lang), "agrees", None)
    return agrees is None or agrees(first, tokens[i + n - 1].text)


def _trim_run(body: str, tokens: list[Token], i: int, n: int, lang: str) -> int:
    """The length of a name run; 0 when the run names what something is named after ("Ш. Уәлиханов
    атындағы")."""
    cfg = _config(lang)
    e = i + n
    if e < len(tokens) and _adjacent(body, tokens[e - 1], tokens[e]):
        nxt = tokens[e].lower
        if nxt in cfg["name_not_before"]:
            return 0
    return n


def _initial(body: str, a: Token, b: Token) -> bool:
    """"А. Смайылов", "Ж.Бейсенбаев": an initial and the surname after it."""
    return len(a.text) == 1 and a.cap and re.fullmatch(r"\.\s?", body[a.end:b.start]) is not None


def _name_tokens(body: str, tokens: list[Token], j: int, lang: str, title_idx: set[int]) -> int:
    """How many capitalised name tokens start at index j (0 if none)."""
    cfg = _config(lang)
    n = 0
    while j + n < len(tokens) and n < 6:
        tok = tokens[j + n]
        if n and not _adjacent(body, tokens[j + n - 1], tok) and not _initial(body, tokens[j + n - 1], tok):
            break
        if n and tok.lower in cfg["name_particles"] and j + n + 1 < len(tokens) \
                and tokens[j + n + 1].cap and _adjacent(body, tok, tokens[j + n + 1]):
            n += 1          # "Тамим бин Хамад Әл Тани", "Ursula von der Leyen"
            continue
        if not tok.cap or (j + n) in title_idx or ABBREV.match(tok.text):
            break
        if n == 0 and tok.lower in cfg["one_letter_words"] and body[tok.end:tok.end + 1] != ".":
            break           # a one-letter preposition opening a sentence ("С Сергеем Лавровым …"), no initial
        if tok.lower.rstrip(".") in cfg["honorifics"] or tok.lower.startswith(cfg["non_name_words"]):
            break
        if n >= 1 and (_country(tok.text, lang) or _place(tok.text, lang)):
            break
        n += 1
    if n >= 2 and j + n < len(tokens) and _adjacent(body, tokens[j + n - 1], tokens[j + n]) \
            and tokens[j + n].lower.startswith(cfg["non_name_words"]) and n >= 3 \
            and not morphology(lang).is_surname_like(tokens[j + n - 1].text):
        n -= 1         # the last word opens an institution's name ("… Сатыбалды Татарстан Республикасының")
    k = n
    while k > 1 and len(tokens[j + k - 1].text) == 1 and body[tokens[j + k - 1].end:tokens[j + k - 1].end + 1] == ".":
        k -= 1
    if k < n and not morphology(lang).is_surname_like(tokens[j + k - 1].text):
        n = k          # initials end a name only after its surname ("Шыкмаматов А.Н.", not "Эни С.П.А.")
    return n


def _split_name(words: list[str], lang: str, known: set[str]) -> tuple[str, str | None, str]:
    morph = morphology(lang)
    base = morph.nominative_phrase(words, known)
    surname = base[-1]
    first = base[0] if len(base) > 1 else None
    return " ".join(base), first, surname


def _position_text(body: str, tokens: list[Token], first: int, last: int, lang: str) -> str:
    """The title as written, in the nominative. A one-word Kazakh title loses the possessive that
    ties it to the state outside it ("Қазақстан Премьер-министрі" → "Премьер-министр"); a compound
    keeps it ("Үкімет Төрағасы")."""
    words = [t.text for t in tokens[first:last]]
    try:
        morph = morphology(lang)
        if _config(lang).get("title_head") == "last":
            # only the last word of a Kazakh title carries the case; the rest stays as written
            words[-1] = morph.nominative(words[-1])
        else:
            words = morph.nominative_phrase(words, ())
        if len(words) == 1 and _config(lang).get("single_title_base"):
            # the stem the title list knows ("Премьер-министрі" → "Премьер-министр", "Раисы" → "Раис"); a
            # title whose own last letters look like an ending stays whole ("Елбасы")
            known = _config(lang)["title_words"]
            stems = morph.stems(words[0])
            words = [next((x for x in stems if x.casefold() in known), None)
                     or (words[0] if words[0].casefold() in known else stems[0])]
    except Exception:  # morphology must never lose a position
        pass
    return " ".join(words)


def _after_complement(body: str, tokens: list[Token], j: int, lang: str, title_idx: set[int],
                      morph: ModuleType, known_surnames: set[str]) -> tuple[int, int] | None:
    """The name after a title's complement in the same clause: "аким Мангистауской области Нурдаулет
    Килыбай", "President of the European Bank for Reconstruction and Development (EBRD) Odile
    Renaud-Basso", "генерального директора Госкорпорации «Росатом» Алексея Лихачёва". The complement may
    hold capitalised words and the language's linking words; a verb or a preposition ends the search."""
    cfg = _config(lang)
    if not cfg.get("bridge"):
        return None
    lower_ok = cfg.get("bridge_lowercase")
    links, stops, verb_ends = cfg["bridge_words"], cfg["bridge_stop"], cfg["verb_endings"]
    for k in range(j, min(j + 13, len(tokens))):
        gap = body[tokens[k - 1].end:tokens[k].start]
        listed = gap.strip() == "," and tokens[k - 1].cap and tokens[k].cap and cfg.get("bridge_commas")
        if (re.search(r"[,.;:!?\n]", gap) and not listed) or k in title_idx:
            return None
        tok = tokens[k]
        if tok.cap and k > j:
            n = _name_tokens(body, tokens, k, lang, title_idx)
            # a run with a state after it is an institution of that state ("Маджлиси Оли Таджикистана")
            of_state = k + n < len(tokens) and _adjacent(body, tokens[k + n - 1], tokens[k + n]) \
                and _country(tokens[k + n].text, lang) is not None
            if n >= 2 and not of_state and _opens_name(body, tokens, k, n, lang):
                words = [t.text for t in tokens[k:k + n]]
                n = _split_run(words, morph, (), cfg["patronymic_endings"])
                base = morph.nominative_phrase(words[:n], ())
                if n >= 2 and _plausible(words[:n], base, lang, morph, known_surnames):
                    return k, n
        if tok.cap or tok.lower in links or tok.lower.startswith(cfg["honorific_prefixes"]):
            continue
        if not lower_ok or tok.lower in stops or (len(tok.lower) > 4 and tok.lower.endswith(verb_ends)):
            return None                   # ("дел" in "иностранных дел" is no verb)
    return None


def _join_coordinated_titles(body: str, tokens: list[Token], pending: list, cfg: dict[str, Any]) -> list:
    """"Катар Премьер-министрі әрі Сыртқы істер министрі шейх X", "вице-премьер – министр иностранных
    дел X": two titles joined by a conjunction or a dash belong to the one name after the second;
    the first gives the role (the higher office) and the state when the second has none."""
    joiners = cfg["title_joiners"]
    out = list(pending)
    k = 0
    while k + 1 < len(out):
        t, j, n, country, position, pos_first = out[k]
        t2, j2, n2, country2, position2, pos_first2 = out[k + 1]
        gap_tokens = tokens[t.last:t2.first]
        gap = body[t.end:t2.start]
        joined = n == 0 or j <= t2.first
        dash = re.match(r"\s*[–—-]\s", gap)
        linked = bool(gap_tokens) and gap_tokens[0].lower in joiners
        # "Премьер-министрдің орынбасары – Ұлттық экономика министрі X": after a dash (or a joining
        # word) the second title may carry its own complement
        if joined and (dash or linked) and len(gap_tokens) <= 4 and not re.search(r"[,.;:!?]", gap):
            merged = TitleMatch(t.first, t2.last, t.role, t.start, t2.end, t.descriptor and t2.descriptor,
                                t.country or t2.country, t2.role)
            text = body[t.start:t2.start] + position2
            out[k:k + 2] = [(merged, j2, n2, country or country2, text, pos_first)]
            continue
        k += 1
    return out


def _country_in(tokens: list[Token], a: int, b: int, lang: str) -> str | None:
    for k in range(a, b):
        for n in (3, 2, 1):
            if k + n <= b and tokens[k].cap:
                cc = _country(" ".join(t.text for t in tokens[k:k + n]), lang)
                if cc:
                    return cc
    return None


def _words_base(tokens: list[Token], j: int, n: int, morph: ModuleType) -> tuple[list[str], list[str]]:
    words = [t.text for t in tokens[j:j + n]] or [""]
    return words, morph.nominative_phrase(words, ()) if n else [""]


def _skey(surname: str) -> str:
    from archive.names import surname_key

    return surname_key(surname) or surname.casefold()


def _better_name(new: str, old: str) -> bool:
    """More words wins; then the shorter form (the nominative carries no case ending)."""
    a, b = new.split(), old.split()
    return (len(a), -len(new)) > (len(b), -len(old))


def _plausible(words: list[str], base: list[str], lang: str, morph: ModuleType, surnames: set[str],
               after_title: bool = False) -> bool:
    """Do these capitalised words look like a person's name (not a country, region or adjective)?"""
    cfg = _config(lang)
    endings = cfg["non_name_endings"]
    if any(_country(w, lang) for w in words) or _country(" ".join(words), lang):
        return False
    if cfg["name_script"] and not all(cfg["name_script"].match(w) for w in words):
        return False
    if any(w.lower().endswith(endings) and not _known_name(morph, w) for w in words[:-1]) if endings else False:
        return False                      # an adjective ("Азиатского банка") — not "Абдуллой Ариповым"
    last = base[-1]
    if len(words) == 1:
        if endings and words[0].lower().endswith(endings) and _skey(last) not in surnames:
            return False                  # "президентом Азиатского банка": an adjective
        if after_title and len(words[0]) >= 3 and not words[0].isupper() \
                and not words[0].lower().startswith(cfg["non_name_words"]) and not _place(words[0], lang):
            return True                   # "Pope Francis", "Prime Minister Modi"
        return morph.is_surname_like(last) or _skey(last) in surnames
    # two or more capitalised words, none a state or an institution, the first no adjective: a name
    # (a foreign surname may end like an adjective in an oblique case: "Масацугу Асакавой")
    return True


def _known_name(morph: ModuleType, word: str) -> bool:
    """The morphology reads the word as a person's name (a given name in an oblique case)."""
    check = getattr(morph, "is_known_name", None)
    return bool(check and check(word))


def _split_run(words: list[str], morph: ModuleType, known: set[str] = frozenset(),
               patronymics: tuple[str, ...] = ()) -> int:
    """Length of the first name in a run of capitalised words: up to the first surname-shaped word
    ("Олжас Бектенов Садыр Жапаровпен" → 2), or before a word that starts another known person's
    name ("Дэниел Розенблюм Қасым-Жомарт Тоқаевқа" → 2), else the whole run. A patronymic before a
    surname is no end ("Қасым-Жомарт Кемелұлы Тоқаев", "Сергей Викторович Лавров")."""
    for k in range(1, len(words)):
        if k >= 2 and words[k] in known:
            return k
        if morph.is_surname_like(morph.nominative(words[k])) and k + 1 < len(words):
            if k == 1 and _is_patronymic(words[k], patronymics) \
                    and morph.is_surname_like(morph.nominative(words[k + 1])):
                continue
            return k + 1
    return len(words)


def _is_patronymic(word: str, patronymics: tuple[str, ...]) -> bool:
    lower = word.lower()
    return any(lower.endswith(e) and len(lower) >= len(e) + 3 for e in patronymics) if patronymics else False


def _merge_patronymic_persons(persons: list[Person], refs: list, positions: Positions,
                              patronymics: tuple[str, ...]) -> list[Person]:
    """"Ғабидолла Рахматоллаұлы", "Шавкат Миромонович": a given name with a patronymic is the person
    of that given name the article names in full (the form of address of an official)."""
    if not patronymics:
        return persons
    by_first: dict[str, list[Person]] = {}
    for p in persons:
        if p.first and not _is_patronymic(p.surname, patronymics):
            by_first.setdefault(p.first.casefold(), []).append(p)
    into: dict[int, Person] = {}
    for p in persons:
        # (with a title of their own it is a surname: "Төрағасы Михаил Мясникович")
        if p.first and len(p.name.split()) == 2 and _is_patronymic(p.surname, patronymics) and not p.titles:
            same = by_first.get(p.first.casefold(), [])
            if len(same) == 1:
                into[id(p)] = same[0]
    if not into:
        return persons
    for k, (s, e, q) in enumerate(refs):
        if id(q) in into:
            refs[k] = (s, e, into[id(q)])
    for p in persons:
        target = into.get(id(p))
        if target is None:
            continue
        positions.setdefault(id(target), []).extend(positions.pop(id(p), []))
        target.roles |= p.roles
        target.titles += p.titles
        target.oblique |= p.oblique
        target.country = target.country or p.country
        target.first_offset = min(target.first_offset, p.first_offset)
    return [p for p in persons if id(p) not in into]


def find_people(body: str, lang: str, home: str | None = None) -> People:
    """All persons of an article and every name or title mention of them. `home`: the country of the
    article's press, whose officials a text names without their state ("Премьер-министр")."""
    cfg = _config(lang)
    morph = morphology(lang)
    tokens = tokenize(body)
    titles = find_titles(body, tokens, lang)
    title_idx = {i for t in titles for i in range(t.first, t.last)}
    persons: list[Person] = []
    refs: list[tuple[int, int, Person]] = []      # name mentions: (start, end, person)
    title_mentions: list[TitleMention] = []
    used: set[int] = set(title_idx)
    known: set[str] = set()      # every word of the names found: helps the morphology
    firsts: set[str] = set()     # first names: a run of names splits before one
    skeys: dict[str, list[Person]] = {}
    positions: Positions = {}

    def add_person(a: int, b: int, base: list[str], title: TitleMatch | None, position: str | None,
                   country: str | None) -> Person:
        if len(base) == b - a:            # initials keep their dot: "А. Смайылов" (but "Ван И" stays)
            base = [w + "." if len(w) == 1 and body[tokens[a + k].end:tokens[a + k].end + 1] == "." else w
                    for k, w in enumerate(base)]
        if len(base) == 3 and _is_patronymic(base[1], cfg["patronymic_endings"]):
            base = [base[0], base[2]]     # "Сергей Викторович Лавров": the name is given name and surname
        name = " ".join(base)
        first = base[0] if len(base) > 1 else None
        surname = base[-1]
        key = _skey(surname)
        person = next((p for p in skeys.get(key, ()) if first is None or p.first is None
                       or p.first[:1].casefold() == first[:1].casefold()), None)
        if person is None:
            person = Person(name, surname, first, first_offset=tokens[a].start)
            persons.append(person)
            skeys.setdefault(key, []).append(person)
        elif _better_name(name, person.name):
            person.name, person.first, person.surname = name, first, surname
        if title is not None:
            positions.setdefault(id(person), []).append((title.descriptor, position or "", title.role, country))
            person.roles.update(r for r in (title.role, title.alt_role) if r)
            person.descriptor_only = (title.descriptor if not person.titles else person.descriptor_only and title.descriptor)
            person.titles.append(position or "")
            # a spokesperson reports the meeting; they take part only through another office
            person.bystander = title.bystander and (len(person.titles) == 1 or person.bystander)
        if country and not person.country:
            person.country = country
        known.update(base)
        if first:
            firsts.add(first)
        refs.append((tokens[a].start, tokens[b - 1].end, person))
        used.update(range(a, b))
        if title is not None:
            head = tokens[title.last - 1].text
            if morph.nominative(head) != head:
                # "приветствие Главы государства X": the title's case is the name's; not a subject
                person.oblique.add(tokens[a].start)
        # "the state visit of Chinese President X": a preposition before the phrase makes it oblique
        k = (title.first if title is not None else a) - 1
        while k >= 0 and (tokens[k].cap or tokens[k].lower in cfg["articles"]) \
                and k >= (title.first if title is not None else a) - 3 and _adjacent(body, tokens[k], tokens[k + 1]):
            k -= 1                        # over "Chinese", "Kazakh", "the" … before the title
        if k >= 0 and tokens[k].lower in cfg["oblique_after"] and _adjacent(body, tokens[k], tokens[k + 1]):
            person.oblique.add(tokens[a].start)
        return person

    # 1. title + name ("Премьер-министрі Әлихан Смайылов", "President of France Emmanuel Macron")
    pending: list[tuple[TitleMatch, int, int, str | None, str, int]] = []
    for t in titles:
        before_country, pos_first = _modifier_country(body, tokens, t, lang, title_idx)
        after_country, j = (None, t.last)
        if cfg.get("country_after_title"):
            after_country, j = _following_country(body, tokens, t, lang)
            if after_country and j > t.last and t.role in ("head_of_state", "head_of_government") \
                    and find_regions(body, lang, tokens[t.last].start, tokens[j - 1].end, cities=False):
                t = replace(t, role="regional_head")      # "Президент Татарстана": a region's head
        if j < len(tokens) and tokens[j].lower.rstrip(".") in cfg["honorifics"]:
            j += 1
        adjacent = j < len(tokens) and _adjacent(body, tokens[j - 1], tokens[j])
        if not adjacent and j < len(tokens) and (t.role == COUNTERPART or cfg.get("title_comma_name")) \
                and re.fullmatch(r" ?, ", body[tokens[j - 1].end:tokens[j].start]):
            adjacent = True               # "his Uzbek counterpart, Name Surname,"
        n = _name_tokens(body, tokens, j, lang, title_idx) if adjacent else 0
        country = t.country or after_country or before_country
        if t.role == COUNTERPART and not country and t.first and _adjacent(body, tokens[t.first - 1], tokens[t.first]):
            country = _country(tokens[t.first - 1].text, lang)    # "белорусским коллегой"
        if t.state_role and (after_country or (before_country and _country(
                " ".join(x.text for x in tokens[pos_first:t.first]), lang) == before_country)):
            t = replace(t, role=t.state_role)         # "Председатель КНР", "глава Кыргызстана"
        elif t.needs_state and not (t.last < len(tokens) and _adjacent(body, tokens[t.last - 1], tokens[t.last])
                                    and (tokens[t.last].cap or ABBREV.match(tokens[t.last].text))):
            continue                      # "глава" with neither a state nor a body after it
        is_plural = plural_title(tokens, t, lang)
        shared = _distributed(body, tokens, t, j, lang, title_idx, is_plural)
        if shared and not is_plural:
            # "Главы Кыргызстана Сооронбай Жээнбеков и России Владимир Путин": the title (maybe a
            # genitive singular in form) is shared by the pairs of state and name after it
            for a, n_, cc in shared[1:]:
                words = [tokens[x].text for x in range(a, a + n_)]
                base = morph.nominative_phrase(words, known)
                if _plausible(words, base, lang, morph, skeys.keys()):
                    add_person(a, a + n_, base, t, _position_text(body, tokens, t.first, t.last, lang), cc)
        if is_plural:
            # "Президенты России и Узбекистана Владимир Путин и Шавкат Мирзиёев": one title, many people
            for a, n_, cc in shared:
                words = [tokens[x].text for x in range(a, a + n_)]
                base = morph.nominative_phrase(words, known)
                if _plausible(words, base, lang, morph, skeys.keys()):
                    add_person(a, a + n_, base, t, singular_position(body, tokens, t, lang), cc)
            title_mentions.append(TitleMention(Span(tokens[pos_first].start, t.end), t.role, country,
                                               _position_text(body, tokens, t.first, t.last, lang),
                                               t.descriptor, plural=True))
            continue
        if t.role in PRESIDING_ROLES and not after_country:
            # "the EBRD President", "компаниясының президенті", "президент АБР": the head of an institution
            near = []
            if t.first and _adjacent(body, tokens[t.first - 1], tokens[t.first]):
                in_state = any(_country(" ".join(x.text for x in tokens[t.first - n:t.first]), lang)
                               for n in (1, 2, 3) if t.first - n >= 0)     # "Қазақстан Республикасының"
                in_state = in_state or bool(t.first >= 2 and find_regions(     # "Татарстан Республикасының"
                    body, lang, tokens[t.first - 2].start, tokens[t.first - 1].end, cities=False))
                if not in_state:
                    near.append(tokens[t.first - 1])
            following = tokens[t.last:t.last + 6]
            if t.last < len(tokens) and _adjacent(body, tokens[t.last - 1], tokens[t.last]) \
                    and not any(_country(x.text, lang) for x in following):
                near.append(tokens[t.last])       # (the President of a state's council is no company head)
            if any(ABBREV.match(x.text) or x.lower.startswith(cfg["non_name_words"]) for x in near):
                t = replace(t, role="head_of_organization")
        position = _position_text(body, tokens, t.first, t.last, lang)
        if n < 2 or not _plausible(*_words_base(tokens, j, n, morph), lang, morph, skeys.keys()):
            # the title's complement (an organisation, a region) stands between it and the name
            bridged = _after_complement(body, tokens, j, lang, title_idx, morph, skeys.keys())
            if bridged and t.role in STATE_ROLES and not country and any(
                    tok.lower.startswith(cfg["non_name_words"]) for tok in tokens[j:bridged[0]]):
                # "President of the European Bank …": the head of an institution, not of a state
                t = replace(t, role="head_of_organization")
            if bridged and not country:
                # the complement may name the state ("министром энергетики Саудовской Аравии принцем X")
                country = _country_in(tokens, j, bridged[0], lang)
            if bridged:
                j, n = bridged
                k = j
                while k - 1 > t.last and tokens[k - 1].lower in cfg["honorifics"]:
                    k -= 1        # "… Саудовской Аравии принцем X": the honorific is no part of the office
                position = (_position_text(body, tokens, t.first, t.last, lang)
                            + body[t.end:tokens[k - 1].end if k > t.last else t.end].rstrip())
        pending.append((t, j, n, country, position, pos_first))
    regional = []
    for t, j, n, country, position, pos_first in pending:
        t, country = _regional(body, tokens, t, j, lang, country)
        regional.append((t, j, n, country, position, pos_first))
    pending = regional
    pending = _join_coordinated_titles(body, tokens, pending, cfg)
    headline = _title_case_lines(body, tokens, lang)
    nameless: dict[int, tuple[TitleMatch, str | None, str, int]] = {}   # phrase start -> title, for appositions
    # full names first, so that a lone surname after a title ("Chancellor Scholz") can find its person
    for t, j, n, country, position, pos_first in sorted(pending, key=lambda x: x[2] < 2):
        if n and headline and headline.contains(tokens[j].start, tokens[j].end):
            n = 0                         # "Foreign Minister Conducts Productive Visit": a headline's words
        if n:
            words = [tokens[x].text for x in range(j, j + n)]
            n = _split_run(words, morph, firsts, cfg["patronymic_endings"])
            words = words[:n]
            base = morph.nominative_phrase(words, known)
            # one word right before another title opens that title's complement ("Энергетика министрі")
            lone_before_title = n == 1 and j + 1 in title_idx
            if not lone_before_title and _plausible(words, base, lang, morph, skeys.keys(), after_title=not t.descriptor):
                if not country and cfg.get("country_after_title") and j + n + 1 < len(tokens) \
                        and tokens[j + n].lower == "of" and _adjacent(body, tokens[j + n - 1], tokens[j + n]):
                    # "Prime Minister Key of New Zealand": the state after the name
                    country, _ = _following_country(body, tokens, replace(t, last=j + n), lang)
                add_person(j, j + n, base, t, position, country)
                continue
        nameless[pos_first] = (t, country, position, len(title_mentions))
        title_mentions.append(
            TitleMention(Span(tokens[pos_first].start, t.end), t.role, country, position, t.descriptor))

    # 2. names without a title: capitalised runs ending in a surname-shaped word, or opening with a
    # given name ("Александра Богомаза и Сергей Лавров")
    given = getattr(morph, "is_given_name", None)
    speakers = _speaker_lines(body, tokens)
    speakers_len = {k: next(n for n in range(4, 0, -1) if k + n <= len(tokens)
                            and body.startswith(":", tokens[k + n - 1].end)) for k in speakers}
    i = 0
    while i < len(tokens):
        if i in used or not tokens[i].cap:
            i += 1
            continue
        n = _name_tokens(body, tokens, i, lang, used)
        if n >= 2 and i not in speakers and not _opens_name(body, tokens, i, n, lang):
            i += 1                        # "в Приамурье Рустам Исмаилов": the place is no part of it
            continue
        n = _trim_run(body, tokens, i, n, lang)
        if n >= 2 and headline and headline.contains(tokens[i].start, tokens[i].end):
            n = 0
        if n >= 2:
            words = [tokens[x].text for x in range(i, i + n)]
            n = _split_run(words, morph, firsts, cfg["patronymic_endings"])
            words = words[:n]
            base = morph.nominative_phrase(words, known)
            # "Murat Nurtleu, Deputy Prime Minister and Minister of Foreign Affairs of Kazakhstan, …"
            apposed = nameless.get(i + n) if i + n < len(tokens) and re.fullmatch(
                r" ?, ?", body[tokens[i + n - 1].end:tokens[i + n].start]) else None
            # "Leo Varadkar (Ireland)": a state in brackets after the words makes them a person of it
            bracket = BRACKETED_STATE.match(body, tokens[i + n - 1].end)
            bracket_cc = _country(bracket.group(1), lang) if bracket else None
            shaped = morph.is_surname_like(base[-1]) or (n == 2 and given is not None and given(words[0])) \
                or (i in speakers and n == speakers_len.get(i)) or bracket_cc is not None \
                or (n == 2 and words[0] in cfg["family_names_first"] and len(words[1]) >= 2)
            if n >= 2 and (shaped or apposed) and _plausible(words, base, lang, morph, skeys.keys()):
                if apposed:
                    t, country, position, k = apposed
                    # the apposition runs to its closing comma: maybe a second office and the state
                    e = t.last
                    while e < len(tokens) and e < t.last + 16:
                        gap = body[tokens[e - 1].end:tokens[e].start]
                        if re.fullmatch(r" ?, ?", gap) and e in nameless:
                            title_mentions[nameless[e][3]] = None    # a second office of theirs
                        elif re.search(r"[,.;:!?\n]", gap):
                            break
                        e += 1
                    if e > t.last:
                        position = body[tokens[i + n].start:tokens[e - 1].end]
                        country = country or _country_in(tokens, t.last, e, lang)
                    add_person(i, i + n, base, t, position, country)
                    title_mentions[k] = None      # the title is this person's
                else:
                    add_person(i, i + n, base, None, None, bracket_cc)
                i += n
                continue
        i += 1
    title_mentions = [x for x in title_mentions if x is not None]

    # 3. single known surnames, in any case form ("Бектеновке", "Tokayev’s", "Токаева")
    heads = {p.surname[:3].casefold() for p in persons} | {p.first[:3].casefold() for p in persons if p.first}
    by_prefix: dict[str, list[Person]] = {}       # surname's first four letters -> persons, in order
    by_first: dict[str, list[Person]] = {}
    for p in persons:
        by_prefix.setdefault(p.surname[:4].casefold(), []).append(p)
        for f in {p.first, p.name.split()[0]} - {None}:
            by_first.setdefault(f, []).append(p)
    last_ref: dict[int, list[int]] = {}           # person -> starts of its mentions, sorted
    for s_, _, p in sorted(refs, key=lambda r: r[0]):
        last_ref.setdefault(id(p), []).append(s_)
    for i, tok in enumerate(tokens):
        if i in used or not tok.cap or not any(tok.lower[:k] in heads for k in (1, 2, 3)):
            continue                      # cheap test first: no known name starts like this word
        key = _skey(morph.nominative(tok.text, known))
        candidates = skeys.get(key)
        if not candidates and len(tok.text) >= 4:
            # a case form the morphology did not undo ("Асакавой" / "Асакава"): the same first letters
            # (every test below implies the same first four)
            candidates = [p for p in by_prefix.get(tok.lower[:4], ())
                          if (len(p.surname) >= 5 and abs(len(p.surname) - len(tok.text)) <= 3
                              and p.surname[:5].casefold() == tok.lower[:5])
                          or (len(p.surname) >= 4 and tok.lower.startswith(p.surname.casefold())
                              and len(tok.text) - len(p.surname) <= 2)
                          or (len(tok.text) >= 4 and p.surname.casefold().startswith(tok.lower)
                              and len(p.surname) - len(tok.text) <= 3)] or None
        if not candidates and i and tokens[i - 1].lower.rstrip(".") in cfg["honorifics"]:
            # "Шейх Тамимнің айтуынша": an honorific with the first name
            candidates = by_first.get(morph.nominative(tok.text, known)) or None
        if not candidates:
            continue
        # the most recently named of several namesakes
        person, latest = candidates[-1], -1
        for c in candidates:
            starts = last_ref.get(id(c), ())
            k = bisect.bisect_left(starts, tok.start)
            if k and starts[k - 1] >= latest:
                person, latest = c, starts[k - 1]
        if tok.text != person.surname and morph.nominative(tok.text, known) == tok.text and (
                (tok.text.startswith(person.surname) and len(tok.text) - len(person.surname) <= 2)
                or (person.surname.startswith(tok.text) and person.name.endswith(person.surname))):
            # the surname came from a case form the morphology undid wrongly ("Шмидті" → "Шмид",
            # "Гоялом" kept); a bare mention of it is the word itself
            person.name = person.name[: len(person.name) - len(person.surname)] + tok.text
            person.surname = tok.text
        start = tok.start
        if i and i - 1 not in used and person.first and tokens[i - 1].cap and _adjacent(body, tokens[i - 1], tok) \
                and tokens[i - 1].lower[:4] == person.first[:4].casefold():
            start = tokens[i - 1].start      # the first name too ("Масацугу Асакава")
            used.add(i - 1)
        refs.append((start, tok.end, person))
        bisect.insort(last_ref.setdefault(id(person), []), start)
        used.add(i)

    persons = _merge_patronymic_persons(persons, refs, positions, cfg["patronymic_endings"])
    refs.sort(key=lambda r: r[0])
    if cfg.get("initial_is_nominative"):
        # a full name opening a sentence is its subject, in the nominative: the best written form
        for s_, e_, p in refs:
            written = body[s_:e_]
            before = body[max(0, s_ - 40):s_].rstrip(" \t—–-")
            opens = not before or before.endswith(("\n", ".", "!", "?", ".»", "!»", "?»"))
            if opens and len(written.split()) >= 2 and written != p.name \
                    and len(written.split()) == len(p.name.split()) \
                    and " ".join(morph.nominative_phrase(written.split(), ())) != p.name:
                # (unless the name already is this form's nominative: "Сергеем Лебедевым была
                # представлена …" opens a passive sentence in the instrumental)
                p.name, p.surname, p.first = written, written.split()[-1], written.split()[0]
    by_person: dict[int, list[Mention]] = {}
    for s_, e_, q in refs:
        by_person.setdefault(id(q), []).append(Mention(s_, e_, "name", q.name))
    for p in persons:
        p.mentions = by_person.get(id(p), [])
        p.first_offset = p.mentions[0].start if p.mentions else p.first_offset
    names = [Mention(s, e, "name", p.name) for s, e, p in refs]
    people = People(persons, names, title_mentions, [], home)
    _assign_positions(people, positions, lang)
    people.mentions = sorted(
        [*names, *(Mention(t.span.start, t.span.end, "title") for t in title_mentions)], key=lambda m: m.start)
    if active():
        for p in persons:
            first = p.mentions[0] if p.mentions else None
            seen = positions.get(id(p)) or []
            note(f"person {p.name}", "a name" + (" with its office" if seen else ""),
                 first.start if first else None, first.end if first else None,
                 f"position «{p.position or '-'}», role {p.role or '-'}, state {p.country or '-'}"
                 + (" (the home country's: named without a state)" if p.country_default else
                    " (from the office's words)" if p.country and any(c for *_, c in seen) else ""))
    return people


def _assign_positions(people: People, positions: Positions, lang: str) -> None:
    """Roles and countries from the titles attached to names; then standalone titles resolved to
    people; a person's position is the first title that names an office rather than describing one
    ("Президент" over "Мемлекет басшысы")."""
    cfg = _config(lang)
    for p in people.persons:
        seen = positions.get(id(p))
        if seen:
            p.role = seen[0][2]
            p.country = p.country or next((c for *_, c in seen if c), None)
    _fill_countries(people.persons, people.titles, cfg, people.home)
    for t in people.titles:
        if t.plural:
            continue
        p = resolve_title(people, t, lang, t.span.start)
        if p is None and (t.country is None or t.country == people.home):
            # "Қасым-Жомарт Тоқаев … сөйлесті. Мемлекет басшысы …": a title nobody holds yet names the
            # latest person introduced without one
            before = [m for m in people.names if m.end <= t.span.start]
            roleless = [people.by_name(m.person or "") for m in before]
            p = next((q for q in reversed(roleless) if q is not None and q.role is None), None)
            if p is not None:
                p.roles.add(t.role)
        if p is not None:
            positions.setdefault(id(p), []).append((t.descriptor, t.position, t.role, t.country))
            if p.role is None:
                p.role = t.role
            p.roles.add(t.role)
            if t.country and (p.country is None or p.country_default):
                p.country, p.country_default = t.country, False
    for p in people.persons:
        seen = positions.get(id(p))
        if seen:
            best = min(range(len(seen)), key=lambda k: (seen[k][0], k))
            p.position = seen[best][1]
    _counterparts(people)


def _counterparts(people: People) -> None:
    """"X and his Uzbek counterpart, Y": a counterpart holds the office of the
    official named before them."""
    latest: Person | None = None
    for m in people.names:
        p = people.by_name(m.person or "")
        if p is None:
            continue
        if p.role == COUNTERPART and latest is not None and latest is not p:
            p.role, p.position = latest.role, latest.position
            p.roles.add(latest.role or COUNTERPART)
        elif p.role and p.role != COUNTERPART:
            latest = p
    for p in people.persons:
        if p.role == COUNTERPART:
            p.role = None


def _fill_countries(persons: list[Person], titles: list[TitleMention], cfg: dict[str, Any],
                    home: str | None) -> None:
    """A title mention with a country and a role held by one person lends that person its country;
    an official of a state with no state named, in a language whose press has a home country (Kazakh:
    "Премьер-министр Олжас Бектенов"), is that country's."""
    for t in titles:
        if not t.country:
            continue
        holders = [p for p in persons if t.role in p.roles and p.country in (None, t.country)]
        # (an office of another name is another person: "the Irish Taoiseach" is not the Prime Minister)
        if len(holders) == 1 and holders[0].country is None \
                and (not holders[0].titles or _title_overlap(t.position, holders[0].titles) or t.descriptor
                     or t.role not in STATE_ROLES):
            holders[0].country = t.country
    if not home:
        return
    bare = [p for p in persons if p.country is None and p.role and p.role not in ORGANIZATION_ROLES]
    if cfg.get("home_for_bare_titles") == "first":
        # one side of the meeting is the home country's official: the first one named without a state
        bare = bare[:1] if all(p.country != home for p in persons) else []
    for p in bare:
        p.country, p.country_default = home, True


def _title_overlap(position: str, titles: list[str]) -> int:
    """Words (by their first five letters) a standalone title shares with a person's titles."""
    def stems(text: str) -> set[str]:
        return {w.casefold()[:5] for w in re.findall(r"\w+", text) if len(w) > 2}
    mine = stems(position)
    return max((len(mine & stems(t)) for t in titles), default=0)


def resolve_title(people: People, title: TitleMention, lang: str, before: int | None = None) -> Person | None:
    """The person a title standing alone refers to: same role and country; a bare title in a language
    with a home country (Kazakh press: "Үкімет басшысы" = the Kazakh PM) means that country's holder."""
    if title.plural:
        return None                       # "the Presidents": many people, none of them alone
    same_role = [p for p in people.persons if title.role in p.roles or p.role == title.role]
    named = all(p.titles for p in same_role) and not any(p.descriptor_only for p in same_role)
    if len(same_role) > 1 and not title.country and not title.descriptor and (len(title.position.split()) > 1 or named):
        # the holder whose own title shares the most words with this one ("Ассамблея Төрағасы" is the
        # chairman of the Assembly, not of the Mazhilis; "губернатор" is the governor, not the akim)
        scored = sorted(((_title_overlap(title.position, p.titles), k) for k, p in enumerate(same_role)), reverse=True)
        if scored[0][0] > scored[1][0]:
            return same_role[scored[0][1]]
    if title.country:
        hit = [p for p in same_role if p.country == title.country]
        if hit:
            return hit[0]
        # a holder whose state the text has not named yet (or only by default)
        open_ = [p for p in same_role if p.country is None or p.country_default]
        if len(open_) == 1 and open_[0].titles and not title.descriptor and title.role in STATE_ROLES \
                and not _title_overlap(title.position, open_[0].titles):
            return None                   # an office of another name: "the Irish Taoiseach" is no Prime Minister
        return open_[0] if len(open_) == 1 else None
    home = people.home
    if home:
        hit = [p for p in same_role if p.country == home]
        if hit:
            return hit[0]
    if len(same_role) == 1:
        return same_role[0]
    if same_role:
        # no state to tell them apart: the holder the article is about, the first it names (news
        # write from their principal's side: "… met Prime Minister Y. The Prime Minister (X) said")
        return min(same_role, key=lambda p: p.first_offset)
    return None
