"""Find a person by any spelling: script, case, word order, inflection, small misspellings.

Stages, cheapest first; the first stage that finds anyone wins (so "Smailov" never falls through to
a fuzzy guess when a surname matches):

1. exact keys: :func:`archive.names.person_key` of the query against ``persons.key`` and
   ``person_aliases.key`` (the alias key the importer stores), plus the alias text itself;
2. surname: :func:`archive.names.surname_key` of a one-word query against ``persons.surname_key``;
3. inflection: each word through the Kazakh/Russian/English ``morph.nominative`` (chosen by the
   letters of the word, not by a language flag), then stages 1–2 again ("смайыловтың", "Смаиловым");
4. fuzzy: rapidfuzz over every person key, confirmed by :func:`archive.names.name_similarity`.

Every user string reaches SQL as a bound parameter.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import sqlalchemy as sa

from archive.names import MATCH_THRESHOLD, name_similarity, person_key, surname_key

FUZZY_FLOOR = 75.0            # rapidfuzz pre-filter on keys (0..100), before name_similarity
_WORD = re.compile(r"[\w’'-]+")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
# letters that only Kazakh Cyrillic has: such a word is never run through Russian morphology
_KAZAKH_ONLY = re.compile(r"[әғқңөұүһіӘҒҚҢӨҰҮҺІ]")


@dataclass(frozen=True, slots=True)
class Candidate:
    """A person a query may mean."""
    id: int
    name: str
    stage: str            # alias | key | surname | inflection | fuzzy
    score: float          # 100 for exact stages
    position: str | None = None
    country: str | None = None
    meetings: int = 0


def _morph_modules(word: str) -> tuple[str, ...]:
    if not _CYRILLIC.search(word):
        return ("en",)
    return ("kk",) if _KAZAKH_ONLY.search(word) else ("kk", "ru")


@lru_cache(maxsize=1024)
def nominative_variants(query: str) -> tuple[str, ...]:
    """The query with each word put in the nominative by the matching languages' morphology."""
    import importlib

    words = _WORD.findall(query)
    if not words:
        return ()
    variants: list[str] = []
    for lang in dict.fromkeys(m for w in words for m in _morph_modules(w)):
        morph = importlib.import_module(f"archive.extract.{lang}.morph")
        phrase = " ".join(morph.nominative(w[:1].upper() + w[1:]) if lang in _morph_modules(w) else w
                          for w in words)
        if phrase.lower() != query.lower() and phrase not in variants:
            variants.append(phrase)
    return tuple(variants)


def _by_keys(conn: sa.Connection, names: Sequence[str]) -> list[int]:
    keys = sorted({person_key(n) for n in names} - {""})
    texts = sorted(set(names))
    if not keys:
        return []
    stmt = sa.text(
        "SELECT id FROM persons WHERE key IN :keys "
        "UNION SELECT person_id FROM person_aliases WHERE key IN :keys OR alias IN :texts "
        "OR key IN :texts"
    ).bindparams(sa.bindparam("keys", expanding=True), sa.bindparam("texts", expanding=True))
    return sorted(r[0] for r in conn.execute(stmt, {"keys": keys, "texts": texts}))


def _by_surname(conn: sa.Connection, names: Sequence[str]) -> list[int]:
    surnames = sorted({surname_key(n) for n in names if len(_WORD.findall(n)) == 1} - {""})
    if not surnames:
        return []
    ids: set[int] = set()
    for s in surnames:
        rows = conn.execute(sa.text(
            "SELECT id FROM persons WHERE surname_key = :s OR (surname_key IS NULL AND "
            "(key = :s OR key LIKE :head ESCAPE '!' OR key LIKE :tail ESCAPE '!' "
            "OR key LIKE :mid ESCAPE '!'))"),
            {"s": s, "head": _like(s) + " %", "tail": "% " + _like(s), "mid": "% " + _like(s) + " %"})
        ids.update(r[0] for r in rows)
    return sorted(ids)


def _like(text: str) -> str:
    return text.replace("!", "!!").replace("%", "!%").replace("_", "!_")


def _fuzzy(conn: sa.Connection, query: str) -> list[tuple[int, float]]:
    from rapidfuzz import fuzz, process

    rows = conn.execute(sa.text("SELECT id, name, key FROM persons")).all()
    if not rows:
        return []
    qkey = person_key(query)
    hits = process.extract(qkey, [r.key for r in rows], scorer=fuzz.WRatio,
                           score_cutoff=FUZZY_FLOOR, limit=25)
    scored = []
    for _key, _score, i in hits:
        score = name_similarity(query, rows[i].name)
        if score >= MATCH_THRESHOLD:
            scored.append((rows[i].id, score))
    return sorted(scored, key=lambda t: (-t[1], t[0]))


def find_persons(conn: sa.Connection, query: str) -> list[Candidate]:
    """Every person ``query`` may name, best first (empty when none)."""
    query = " ".join(query.split())
    if not query:
        return []
    found: list[tuple[int, float]] = []
    stage = ""
    for stage, names in (("key", [query]), ("inflection", None)):
        if names is None:
            names = list(nominative_variants(query))
            if not names:
                break
        ids = _by_keys(conn, names)
        if not ids:
            ids = _by_surname(conn, names)
            stage = "surname" if ids and stage == "key" else stage
        if ids:
            found = [(i, 100.0) for i in ids]
            break
    if not found:
        found = _fuzzy(conn, query)
        stage = "fuzzy"
    return describe(conn, found, stage)


def describe(conn: sa.Connection, found: Sequence[tuple[int, float]], stage: str) -> list[Candidate]:
    """Candidates with their latest position, country and meeting count (for a numbered list)."""
    if not found:
        return []
    ids = [i for i, _ in found]
    stmt = sa.text(
        "SELECT p.id, p.name, "
        "(SELECT count(*) FROM meeting_participants mp WHERE mp.person_id = p.id) AS meetings "
        "FROM persons p WHERE p.id IN :ids").bindparams(sa.bindparam("ids", expanding=True))
    info = {r.id: r for r in conn.execute(stmt, {"ids": ids})}
    pos_stmt = sa.text(
        "SELECT person_id, position, country FROM person_positions WHERE person_id IN :ids "
        "ORDER BY person_id, last_seen DESC, id DESC").bindparams(sa.bindparam("ids", expanding=True))
    positions: dict[int, tuple[str | None, str | None]] = {}
    for r in conn.execute(pos_stmt, {"ids": ids}):
        positions.setdefault(r.person_id, (r.position, r.country))
    missing = [i for i in ids if i not in positions]
    if missing:
        mp_stmt = sa.text(
            "SELECT mp.person_id, mp.position, mp.country FROM meeting_participants mp "
            "JOIN meetings m ON m.id = mp.meeting_id WHERE mp.person_id IN :ids "
            "ORDER BY mp.person_id, m.date DESC, mp.id DESC").bindparams(sa.bindparam("ids", expanding=True))
        for r in conn.execute(mp_stmt, {"ids": missing}):
            positions.setdefault(r.person_id, (r.position, r.country))
    out = []
    for i, score in found:
        if i in info:
            position, country = positions.get(i, (None, None))
            out.append(Candidate(i, info[i].name, stage, score, position, country, info[i].meetings))
    return sorted(out, key=lambda c: (-c.score, -c.meetings, c.id))


class Ambiguous(Exception):
    """A name matched several persons; ``candidates`` lists them."""

    def __init__(self, query: str, candidates: list[Candidate]) -> None:
        super().__init__(f"{query!r} matches {len(candidates)} persons")
        self.query = query
        self.candidates = candidates


class NotFound(Exception):
    """No person matches the name."""


def resolve(conn: sa.Connection, query: str) -> Candidate:
    """Exactly one person, else :class:`NotFound` or :class:`Ambiguous` (never a guess)."""
    candidates = find_persons(conn, query)
    if not candidates:
        raise NotFound(f"no person matches {query!r}")
    if len(candidates) > 1:
        raise Ambiguous(query, candidates)
    return candidates[0]
