"""A small archive of our own press-release facts, inserted through the ORM (no importer), shared
by the lookup, report, sql and output tests. The sentences are written for these tests."""
from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

from click.testing import Result
from sqlalchemy.orm import Session

from archive.models import (
    Article,
    Claim,
    ClaimSource,
    Meeting,
    MeetingArticle,
    MeetingParticipant,
    MeetingTopicCode,
    Person,
    PersonAlias,
    PersonPosition,
    Quote,
)
from archive.names import person_key, surname_key

EVIL = "Robert'); DROP TABLE persons;-- \"O'Neil\""

# id: (display name, aliases (text, script, language))
PERSONS: dict[int, tuple[str, tuple[tuple[str, str, str], ...]]] = {
    1: ("Әлихан Смайылов", (("Әлихан Смайылов", "Cyrl", "kk"), ("Алихан Смаилов", "Cyrl", "ru"),
                            ("Alikhan Smailov", "Latn", "en"))),
    2: ("Михаил Мишустин", (("Михаил Мишустин", "Cyrl", "ru"), ("Mikhail Mishustin", "Latn", "en"))),
    3: ("Li Qiang", (("Li Qiang", "Latn", "en"), ("Ли Цян", "Cyrl", "ru"))),
    4: ("Abdulla Aripov", (("Abdulla Aripov", "Latn", "en"), ("Абдулла Арипов", "Cyrl", "ru"))),
    5: ("Ерлан Қарин", (("Ерлан Қарин", "Cyrl", "kk"),)),
    6: ("Arman Karin", (("Arman Karin", "Latn", "en"),)),
    7: (EVIL, ((EVIL, "Latn", "en"),)),
}

ARTICLES = {
    1: ("ru", dt.date(2024, 3, 14), "https://example.kz/ru/eamk-2024",
        "Алихан Смаилов и Михаил Мишустин провели переговоры в Астане."),
    2: ("kk", dt.date(2024, 6, 21), "https://example.kz/kk/beijing-2024",
        "Әлихан Смайылов Бейжіңде Ли Цянмен кездесті."),
    3: ("en", dt.date(2023, 11, 2), "https://example.kz/en/call-2023",
        "Alikhan Smailov and Abdulla Aripov held a phone call."),
    4: ("en", dt.date(2024, 10, 1), "https://example.kz/en/eaic-yerevan",
        "The heads of government met in Yerevan."),
}

# id: (kind, date, city, country, occasion, [(person, country, position, role)], [articles])
MEETINGS = {
    1: ("talks", dt.date(2024, 3, 14), "Астана", "KZ", "Eurasian Intergovernmental Council",
        [(1, "KZ", "Премьер-министр Казахстана", "head_of_government"),
         (2, "RU", "Председатель Правительства России", "head_of_government")], [1]),
    2: ("meeting", dt.date(2024, 6, 20), "Бейжің", "CN", "ресми сапар",
        [(1, "KZ", "Премьер-Министр", "head_of_government"), (3, "CN", "Премьер", "head_of_government")], [2]),
    3: ("phone_call", dt.date(2023, 11, 2), None, None, None,
        [(1, "KZ", "Prime Minister", "head_of_government"), (4, "UZ", "Prime Minister", "head_of_government")],
        [3]),
    4: ("session", dt.date(2024, 10, 1), "Yerevan", "AM", "Eurasian Intergovernmental Council meeting",
        [(1, "KZ", "Prime Minister", "head_of_government"), (2, "RU", "Prime Minister", "head_of_government"),
         (4, "UZ", "Prime Minister", "head_of_government"), (7, None, None, None)], [4]),
}

# meeting id: topic codes (FORMAT.md), read from the meeting's first article
MEETING_CODES = {1: ("trade", "energy"), 2: ("investment",), 3: ("trade",), 4: ("integration", "trade")}

# id: (article, meeting, speaker, text, direct, language)
QUOTES = {
    1: (1, 1, 1, "Товарооборот между нашими странами растёт, мы видим новые возможности для инвестиций.",
        True, "ru"),
    2: (1, 1, 2, "Россия готова расширять сотрудничество в энергетике.", False, "ru"),
    3: (2, 2, 1, "Қытаймен инвестициялық ынтымақтастық жаңа деңгейге шықты.", True, "kk"),
    4: (3, 3, 4, "We agreed to double the volume of trade by 2030.", True, "en"),
    5: (4, 4, 1, "Инвестиции в промышленность остаются нашим приоритетом.", True, "ru"),
}

# id: (article, meeting, speaker, value, unit, metric, change, qualifier, period)
CLAIMS = {
    1: (1, 1, 1, Decimal("28000000000"), "USD", "товарооборот", "increase", "over", "2023"),
    2: (2, 2, 1, Decimal("41000000000"), "USD", "trade turnover", None, "approx", "2023"),
    3: (3, 3, 4, Decimal("10000000000"), "USD", "trade turnover", None, "up_to", "by 2030"),
    4: (1, 1, 2, Decimal("12.5"), "%", "рост инвестиций", "increase", None, "2023"),
}
# id: (metric code, period start, period end), FORMAT.md's canonical vocabulary
CLAIM_CODES = {
    1: ("trade", dt.date(2023, 1, 1), dt.date(2023, 12, 31)),
    2: ("trade", dt.date(2023, 1, 1), dt.date(2023, 12, 31)),
    3: ("trade", None, dt.date(2030, 12, 31)),
    4: ("investment", dt.date(2023, 1, 1), dt.date(2023, 12, 31)),
}


def build(session: Session) -> None:
    """Insert the archive above, with fixed ids."""
    for pid, (name, _aliases) in PERSONS.items():
        session.add(Person(id=pid, name=name, key=person_key(name), surname_key=surname_key(name)))
    session.flush()
    alias_id = 0
    for pid, (_, aliases) in PERSONS.items():
        for text, script, lang in aliases:
            alias_id += 1
            session.add(PersonAlias(id=alias_id, person_id=pid, alias=text, key=f"{lang}:{text.casefold()}",
                                    script=script, language=lang))
    session.add(PersonPosition(id=1, person_id=1, role="head_of_government", country="KZ",
                               position="Prime Minister of Kazakhstan", first_seen=dt.date(2023, 11, 2),
                               last_seen=dt.date(2024, 10, 1)))
    for aid, (lang, published, url, body) in ARTICLES.items():
        session.add(Article(id=aid, url=url, content_sha256=f"{aid:064d}", language=lang, title=None,
                            published=published, body=body, extractor_version="test"))
    session.flush()
    mp_id = 0
    for mid, (kind, date, city, country, occasion, people, articles) in MEETINGS.items():
        session.add(Meeting(id=mid, kind=kind, date=date, city=city, country=country, occasion=occasion))
        session.flush()
        for pid, pcountry, position, role in people:
            mp_id += 1
            session.add(MeetingParticipant(id=mp_id, meeting_id=mid, person_id=pid, article_id=articles[0],
                                           name=PERSONS[pid][0], position=position, role=role,
                                           country=pcountry))
        for aid in articles:
            session.add(MeetingArticle(meeting_id=mid, article_id=aid))
        for code in MEETING_CODES[mid]:
            session.add(MeetingTopicCode(meeting_id=mid, code=code, article_id=articles[0]))
    session.flush()
    for qid, (aid, mid, pid, text, direct, lang) in QUOTES.items():
        session.add(Quote(id=qid, article_id=aid, meeting_id=mid, speaker_id=pid, speaker_name=PERSONS[pid][0],
                          text=text, direct=direct, language=lang, start=0, end=len(text)))
    for cid, (aid, mid, pid, value, unit, metric, change, qualifier, period) in CLAIMS.items():
        code, period_start, period_end = CLAIM_CODES[cid]
        session.add(Claim(id=cid, article_id=aid, meeting_id=mid, speaker_id=pid, speaker_name=PERSONS[pid][0],
                          value=value, unit=unit, metric=metric, change=change, qualifier=qualifier,
                          period=period, start=0, end=10, metric_code=code, period_start=period_start,
                          period_end=period_end))
    session.flush()
    for cid, (aid, _mid, pid, _value, _unit, metric, _change, _qualifier, period) in CLAIMS.items():
        session.add(ClaimSource(claim_id=cid, article_id=aid, start=0, end=10, speaker_name=PERSONS[pid][0],
                                metric=metric, period=period))
    session.commit()


def jsonl(result: Result) -> list[dict]:
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]
