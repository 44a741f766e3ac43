"""One claim, many sources; topic codes, metric codes and periods; one meeting across reports that
name one more minister — stored from hand-made records, on SQLite and PostgreSQL."""
from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator
from decimal import Decimal

import pytest
import sqlalchemy as sa

from archive import db as archive_db
from archive.read.text import RawArticle
from archive.record import ArticleRecord, Claim, Meeting, Participant
from archive.resolve import close_values, month_span, principals_agree, same_claim
from archive.store import Store, merge_persons

D = dt.date
SMAILOV = {"kk": "Әлихан Смайылов", "ru": "Алихан Смаилов", "en": "Alikhan Smailov"}
ARIPOV = {"kk": "Абдулла Арипов", "ru": "Абдулла Арипов", "en": "Abdulla Aripov"}
MINISTER = {"kk": "Серік Жұманғарин", "ru": "Серик Жумангарин", "en": "Serik Zhumangarin"}
METRIC = {"kk": "тауар айналымы", "ru": "товарооборот", "en": "trade turnover"}


def claim(lang: str, value: str, *, start: int = 10, unit: str | None = "USD", code: str | None = "trade",
          period: tuple[str | None, str | None] = ("2022-01", "2022-12"), speaker: str | None = None,
          **kw) -> Claim:
    return Claim(speaker=speaker if speaker is not None else SMAILOV[lang], value=Decimal(value), unit=unit,
                 object=None, metric=kw.pop("metric", METRIC[lang]), change=kw.pop("change", None),
                 qualifier=kw.pop("qualifier", None), period=kw.pop("period_text", "2022"), start=start,
                 end=start + 5, metric_code=code, period_start=period[0], period_end=period[1], **kw)


def participant(names: dict[str, str], lang: str, role: str | None, country: str | None) -> Participant:
    return Participant(name=names[lang], role=role, country=country)


def meeting(lang: str, *, minister: bool = False, codes: tuple[str, ...] = ("trade",),
            topics: tuple[str, ...] = (), date: str | None = "2023-04-14", kind: str = "meeting",
            aripov_role: str | None = "head_of_government", minister_role: str | None = "minister") -> Meeting:
    people = [participant(SMAILOV, lang, "head_of_government", "KZ"), participant(ARIPOV, lang, aripov_role, "UZ")]
    if minister:
        people.append(participant(MINISTER, lang, minister_role, "KZ"))
    return Meeting(kind=kind, date=date, city="Astana", participants=tuple(people), topics=topics,
                   topic_codes=codes)


def report(lang: str, n: int, claims: tuple[Claim, ...] = (), **kw) -> tuple[RawArticle, ArticleRecord]:
    url = f"https://news.example/{lang}/{n}"
    raw = RawArticle(id=url, body=f"Article {lang} {n}. " + "x" * 200, source=f"{lang}-{n}.txt", url=url,
                     published="2023-04-14", language=lang)
    rec = ArticleRecord(id=url, language=lang, published="2023-04-14", url=url,
                        meetings=(kw.pop("meeting", None) or meeting(lang, **kw),), claims=claims)
    return raw, rec


@pytest.fixture
def store(engine: sa.Engine) -> Iterator[Store]:
    s = Store(engine)
    yield s
    s.close()


def rows(engine: sa.Engine, sql: str, **params) -> list[tuple]:
    with engine.connect() as conn:
        return [tuple(r) for r in conn.execute(sa.text(sql), params)]


def sources(engine: sa.Engine) -> list[tuple]:
    """(claim value, unit, [(article url, start, metric as written)]) per claim, by value."""
    out = []
    for cid, value, unit in rows(engine, "SELECT id, value, unit FROM claims ORDER BY value, id"):
        out.append((Decimal(value).normalize(), unit, rows(engine,
                    'SELECT a.url, cs.start, cs.metric FROM claim_sources cs JOIN articles a ON a.id = cs.article_id '
                    "WHERE cs.claim_id = :c ORDER BY a.url", c=cid)))
    return out


THREE = {
    "kk": (claim("kk", "4600000000", start=40), claim("kk", "21", unit="%", start=60)),
    "ru": (claim("ru", "21", unit="%", start=30), claim("ru", "4600000000", start=50)),
    "en": (claim("en", "4.61e9", start=20), claim("en", "21", unit="%", start=25)),   # within 0.5 %
}


def store_three(store: Store, **kw) -> None:
    for n, lang in enumerate(("kk", "ru", "en"), 1):
        store.store(*report(lang, n, THREE[lang], **kw))


def test_one_claim_in_three_languages_is_one_claim_with_three_sources(store: Store, engine: sa.Engine) -> None:
    store_three(store)
    assert sources(engine) == [
        (Decimal(21), "%", [("https://news.example/en/3", 25, "trade turnover"),
                            ("https://news.example/kk/1", 60, "тауар айналымы"),
                            ("https://news.example/ru/2", 30, "товарооборот")]),
        (Decimal("4.6E+9"), "USD", [("https://news.example/en/3", 20, "trade turnover"),
                                    ("https://news.example/kk/1", 40, "тауар айналымы"),
                                    ("https://news.example/ru/2", 50, "товарооборот")])]
    assert rows(engine, "SELECT metric_code, period_start, period_end, source_count, languages FROM v_claims "
                        "ORDER BY claim_id") == [("trade", D(2022, 1, 1), D(2022, 12, 31), 3, "en,kk,ru")] * 2 \
        or rows(engine, "SELECT metric_code, period_start, period_end, source_count, languages FROM v_claims "
                        "ORDER BY claim_id") == [("trade", "2022-01-01", "2022-12-31", 3, "en,kk,ru")] * 2
    # the claim row keeps its first source's offsets and words
    assert rows(engine, "SELECT a.url, c.start, c.metric FROM claims c JOIN articles a ON a.id = c.article_id "
                        "ORDER BY c.id") == [("https://news.example/kk/1", 40, "тауар айналымы"),
                                             ("https://news.example/kk/1", 60, "тауар айналымы")]


@pytest.mark.parametrize("change", [
    {"value": "4.63e9"},                              # 0.65 % apart
    {"period": ("2023-01", "2023-12")},
    {"period": (None, "2022-12")},
    {"code": "exports"},
    {"code": None},
    {"unit": "KZT"},
    {"speaker": "Abdulla Aripov"},
])
def test_another_period_code_unit_speaker_or_value_is_another_claim(store: Store, engine: sa.Engine,
                                                                     change: dict) -> None:
    store.store(*report("kk", 1, (claim("kk", "4600000000"),)))
    change = dict(change)                     # the parameter is shared by both backends' runs
    value = change.pop("value", "4600000000")
    store.store(*report("en", 2, (claim("en", value, **change),)))
    assert [len(s) for _, _, s in sources(engine)] == [1, 1]


def test_claims_without_a_meeting_are_never_merged(store: Store, engine: sa.Engine) -> None:
    for n, lang in enumerate(("kk", "en"), 1):
        raw, rec = report(lang, n, (claim(lang, "5"),))
        store.store(raw, dataclasses.replace(rec, meetings=()))
    assert [len(s) for _, _, s in sources(engine)] == [1, 1]


def test_an_article_saying_a_number_twice_keeps_two_claims(store: Store, engine: sa.Engine) -> None:
    store.store(*report("kk", 1, (claim("kk", "5", start=10), claim("kk", "5", start=80))))
    store.store(*report("ru", 2, (claim("ru", "5", start=30),)))
    assert sources(engine) == [
        (Decimal(5), "USD", [("https://news.example/kk/1", 10, "тауар айналымы"),
                             ("https://news.example/ru/2", 30, "товарооборот")]),
        (Decimal(5), "USD", [("https://news.example/kk/1", 80, "тауар айналымы")])]


def snapshot(engine: sa.Engine) -> tuple:
    """The archive's claims, meetings and topic codes by article URL (ids change on --replace)."""
    claims = sorted((str(Decimal(v).normalize()), u, tuple(a for a, _, _ in s)) for v, u, s in sources(engine))
    meetings = rows(engine, "SELECT m.kind, m.date, (SELECT count(*) FROM meeting_participants mp WHERE "
                            "mp.meeting_id = m.id), (SELECT count(*) FROM meeting_articles ma WHERE "
                            "ma.meeting_id = m.id) FROM meetings m ORDER BY m.id")
    codes = rows(engine, "SELECT code FROM meeting_topic_codes ORDER BY code")
    topics = rows(engine, "SELECT t.base FROM meeting_topics mt JOIN topics t ON t.id = mt.topic_id "
                          "ORDER BY t.base")
    return claims, [tuple(str(x) for x in m) for m in meetings], codes, topics


def test_reimport_and_replace_keep_one_claim_with_its_sources(engine: sa.Engine) -> None:
    reports = {lang: report(lang, n, THREE[lang], codes=codes, topics=topics) for n, (lang, codes, topics) in
               enumerate((("kk", ("trade",), ("энергетиканы",)), ("ru", ("transport", "bogus"), ("энергетику",)),
                          ("en", (), ("water resources",))), 1)}
    first = Store(engine)
    for raw, rec in reports.values():
        first.store(raw, rec)
    first.close()
    before = snapshot(engine)
    assert before[2] == [("trade",), ("transport",)]                     # unknown codes left out
    assert before[3] == [("water resources",), ("энергетика",)]          # kk and ru: one topic
    again = Store(engine)
    assert {again.store(*r).outcome.value for r in reports.values()} == {"skipped"}
    again.close()
    assert snapshot(engine) == before
    for order in (("kk", "ru", "en"), ("en", "kk", "ru")):
        replace = Store(engine, replace=True)
        for lang in order:             # the first source goes first: its claims move to the next one
            assert replace.store(*reports[lang]).outcome.value == "replaced"
            assert snapshot(engine)[0] == before[0]
        replace.close()
        assert snapshot(engine) == before


def test_replace_keeps_what_only_the_other_reports_named(engine: sa.Engine) -> None:
    """Topic codes, topics and participants read first from the replaced article but named by
    another report stay; those only the replaced article named go with it."""
    a = report("kk", 1, codes=("trade", "water"), topics=("сауда",))
    b = report("en", 2, codes=("trade",), topics=("trade",), minister=True)
    store = Store(engine)
    store.store(*a)
    store.store(*b)
    store.close()
    raw, rec = a
    changed = dataclasses.replace(rec, meetings=(meeting("kk", codes=("energy",), topics=()),))
    replace = Store(engine, replace=True)
    replace.store(raw, changed)
    replace.close()
    assert rows(engine, "SELECT code FROM meeting_topic_codes ORDER BY code") == [("energy",), ("trade",)]
    assert rows(engine, "SELECT count(*) FROM meeting_participants") == [(3,)]
    assert rows(engine, "SELECT count(*) FROM meetings") == [(1,)]


# -- periods and codes ------------------------------------------------------------------------------

@pytest.mark.parametrize(("start", "end", "expected"), [
    ("2022-01", "2022-12", (D(2022, 1, 1), D(2022, 12, 31))),
    ("2024-02", "2024-02", (D(2024, 2, 1), D(2024, 2, 29))),
    (None, "2025-12", (None, D(2025, 12, 31))),
    ("2005-01", None, (D(2005, 1, 1), None)),
    ("2023", "2023", (D(2023, 1, 1), D(2023, 12, 31))),
    ("2023-08", "2023-01", (None, None)),          # ends before it starts
    ("2023-13", "soon", (None, None)),
    (None, None, (None, None)),
])
def test_month_span(start: str | None, end: str | None, expected: tuple) -> None:
    assert month_span(start, end) == expected


def test_codes_and_periods_are_stored(store: Store, engine: sa.Engine) -> None:
    store.store(*report("kk", 1, (claim("kk", "5", code="not-a-code", period=("2023-08", "2023-01")),
                                  claim("kk", "6", code="exports", period=("2023-01", "2023-06")))))
    found = rows(engine, "SELECT metric_code, period_start, period_end FROM claims ORDER BY value")
    assert [(c, str(s) if s else None, str(e) if e else None) for c, s, e in found] == [
        (None, None, None), ("exports", "2023-01-01", "2023-06-30")]


def test_close_values_and_same_claim() -> None:
    assert close_values(Decimal("4600000000"), Decimal("4620000000"))           # 0.43 %
    assert not close_values(Decimal("4600000000"), Decimal("4630000000"))       # 0.65 %
    assert close_values(Decimal(0), Decimal(0)) and not close_values(Decimal(0), Decimal("0.001"))
    assert close_values(Decimal(-100), Decimal("-100.4"))
    a = claim("kk", "5")
    key = type("K", (), {"speaker_id": 1, "metric_code": "trade", "unit": "USD", "period_start": D(2022, 1, 1),
                         "period_end": D(2022, 12, 31), "value": Decimal(5)})
    other = type("K", (), {**{k: getattr(key, k) for k in ("speaker_id", "metric_code", "unit", "period_start",
                                                           "period_end")}, "value": Decimal("5.02")})
    assert same_claim(key, other) and a.value == 5


# -- meetings across reports ------------------------------------------------------------------------

def meeting_count(engine: sa.Engine) -> int:
    return rows(engine, "SELECT count(*) FROM meetings")[0][0]


@pytest.mark.parametrize("order", [(False, True), (True, False)])
def test_a_report_naming_one_more_minister_is_the_same_meeting(store: Store, engine: sa.Engine,
                                                               order: tuple[bool, bool]) -> None:
    for n, (lang, minister) in enumerate(zip(("kk", "ru"), order, strict=True), 1):
        store.store(*report(lang, n, minister=minister))
    assert meeting_count(engine) == 1
    assert rows(engine, "SELECT participant_count, article_count FROM v_meetings") == [(3, 2)]
    store.store(*report("en", 3))                    # the principals alone: still the same meeting
    store.store(*report("en", 4, minister=True))
    assert rows(engine, "SELECT participant_count, article_count FROM v_meetings") == [(3, 4)]


def test_claims_of_reports_with_and_without_the_minister_are_one(store: Store, engine: sa.Engine) -> None:
    store.store(*report("kk", 1, (claim("kk", "5"),), minister=True))
    store.store(*report("en", 2, (claim("en", "5"),)))
    assert [len(s) for _, _, s in sources(engine)] == [2]


@pytest.mark.parametrize(("kw", "same"), [
    ({"minister": True}, True),
    ({"minister": True, "minister_role": "head_of_government"}, False),     # an extra principal
    ({"minister": True, "minister_role": None}, False),                     # nobody knows who he is
    ({"minister": True, "kind": "phone_call"}, False),
    ({"minister": True, "date": "2023-04-20"}, False),
    ({"minister": True, "aripov_role": None}, True),     # Aripov's role is known from the first report
])
def test_when_reports_differing_by_one_person_are_one_meeting(store: Store, engine: sa.Engine, kw: dict,
                                                              same: bool) -> None:
    store.store(*report("kk", 1))
    raw, rec = report("ru", 2, **kw)
    if "date" in kw:
        raw, rec = dataclasses.replace(raw, published=kw["date"]), dataclasses.replace(rec, published=kw["date"])
    store.store(raw, rec)
    assert meeting_count(engine) == (1 if same else 2)


def test_an_unknown_role_may_come_from_the_persons_positions(store: Store, engine: sa.Engine) -> None:
    raw, rec = report("en", 9, minister=True, date="2023-01-10")
    store.store(dataclasses.replace(raw, published="2023-01-10"), dataclasses.replace(rec, published="2023-01-10"))
    store.store(*report("kk", 1))
    store.store(*report("ru", 2, minister=True, minister_role=None))
    assert meeting_count(engine) == 2                  # January's and April's; April's reported twice


@pytest.mark.parametrize(("ours", "theirs", "agree"), [
    ({1: "head_of_government", 2: "head_of_government"}, {1: None, 2: None, 3: "minister"}, True),
    ({1: "head_of_government", 2: "head_of_government"}, {1: None, 2: None, 3: "head_of_government"}, False),
    ({1: "head_of_government", 2: "head_of_government"}, {1: None, 2: None, 3: None}, False),
    ({1: "head_of_government", 2: "head_of_government"}, {1: None, 3: "minister"}, False),   # 2 against 3
    ({1: "head_of_government", 2: "head_of_government"}, {1: None, 2: None, 3: "deputy_minister"}, True),
    ({1: "head_of_state", 2: "head_of_state"}, {1: None, 2: None, 3: "head_of_government"}, True),
    ({1: "minister", 2: "minister"}, {1: None, 2: None, 3: "ambassador"}, True),
    ({1: "minister", 2: "minister"}, {1: None, 2: None, 3: "minister"}, False),
    ({1: "head_of_state", 2: "head_of_state", 4: "minister"}, {1: None, 2: None, 3: "minister"}, False),
    ({1: "head_of_state"}, {1: None, 3: "minister"}, False),          # one shared person is too few
])
def test_principals_agree(ours: dict, theirs: dict, agree: bool) -> None:
    roles = {1: "head_of_government", 2: "head_of_government"}
    assert principals_agree(ours, theirs, roles.get) is agree


def test_merging_two_persons_merges_their_claims(store: Store, engine: sa.Engine) -> None:
    store.store(*report("kk", 1, (claim("kk", "5"),)))
    store.store(*report("en", 2, (claim("en", "5", speaker="Askar Mamin"),)))
    assert [len(s) for _, _, s in sources(engine)] == [1, 1]
    ids = rows(engine, "SELECT DISTINCT speaker_id FROM claims ORDER BY 1")
    with engine.begin() as conn:
        merge_persons(conn, ids[1][0], ids[0][0])
    assert [len(s) for _, _, s in sources(engine)] == [2]


def test_every_new_table_is_empty_of_orphans_after_deleting_an_article(store: Store, engine: sa.Engine) -> None:
    store_three(store)
    with engine.begin() as conn:
        conn.execute(sa.text("DELETE FROM articles WHERE url LIKE '%/ru/%'"))
    assert rows(engine, "SELECT count(*) FROM claim_sources cs WHERE NOT EXISTS "
                        "(SELECT 1 FROM articles a WHERE a.id = cs.article_id)") == [(0,)]


def test_database_url_fixture_is_fresh(database_url: str) -> None:
    assert archive_db.current(database_url) == archive_db.head()
