"""Reported-speech frames, proposals and clause boundaries in all three languages (sentences written
for these tests): inserted frames ("…, по его словам, …") make the whole sentence the record, a frame
inside a later clause heads only what follows it, possessive names before view/words, Kazakh frames
after the speaker, objects of proposal verbs, participles that start a second record, and speaker
clusters that stop before a second title."""
from __future__ import annotations

import pytest
from test_quotes_common import run

RU = [("Арман Жумабаев", "name"), ("Армана Жумабаева", "name"), ("Жумабаев", "name"), ("Министр", "title"), ("министр", "title"),
      ("Посол Франции", "title"), ("Посол", "title")]
KK = [("Арман Жұмабаев", "name"), ("Жұмабаевтың", "name"), ("Министр", "title"), ("Вице-министр", "title"),
      ("Елші", "title"), ("Мемлекет басшылары", "title"), ("Үкімет басшысы", "title"), ("әкім", "title"),
      ("Облыс әкімі", "title"), ("Қазақстанды өңірдегі сенімді әріптес", "title")]
EN = [("Hiroshi Nakamura", "name"), ("Nakamura", "name"), ("Suzuki’s", "name"), ("the Minister", "title"), ("The Minister", "title"),
      ("Tokayev", "name")]

CASES: list[tuple[str, str, list[tuple[str, bool, str | None]]]] = [
    # -- Russian: inserted frames, whole sentence
    ("ru", "Программа модернизации, по его словам, рассчитана до 2030 года.",
     [("Программа модернизации, по его словам, рассчитана до 2030 года", False, "его")]),
    ("ru", "Объём взаимных инвестиций, по её данным, вырос на треть.",
     [("Объём взаимных инвестиций, по её данным, вырос на треть", False, "её")]),
    ("ru", "Для реализации проекта, отметил он, понадобится около трёх лет.",
     [("Для реализации проекта, отметил он, понадобится около трёх лет", False, "он")]),
    ("ru", "Новый терминал, подчеркнул Арман Жумабаев, заработает весной.",
     [("Новый терминал, подчеркнул Арман Жумабаев, заработает весной", False, "Арман Жумабаев")]),
    # fillers before a frame are no part of the sentence: the frame opens it
    ("ru", "Кроме того, по словам министра Армана Жумабаева, строительство начнётся летом.",
     [("строительство начнётся летом", False, "Армана Жумабаева")]),
    # a frame inside a later clause heads only what follows it
    ("ru", "Министр посетил новый завод в Павлодаре, где, как отметил Жумабаев, работают 800 человек.",
     [("работают 800 человек", False, "Жумабаев")]),
    # "по данным статистики" names no speaker: no record
    ("ru", "Товарооборот, по данным статистики, вырос на 5%.", []),
    # a parenthesis with no speaker is no frame
    ("ru", "Проект, отметим, важен для региона.", []),
    ("ru", "Посол Франции заверила, что Париж поддерживает новые инициативы.",
     [("Париж поддерживает новые инициативы", False, "Посол Франции")]),
    ("ru", "Министр сообщил, что план утверждён, добавив, что финансирование откроется в мае.",
     [("план утверждён", False, "Министр"), ("финансирование откроется в мае", False, "Министр")]),
    # -- English
    ("en", "In Nakamura’s view, the new route will cut delivery times by a third.",
     [("the new route will cut delivery times by a third", False, "Nakamura")]),
    ("en", "In Tokayev's words, the region needs more investment in water infrastructure.",
     [("the region needs more investment in water infrastructure", False, "Tokayev")]),
    ("en", "In Suzuki’s assessment, the plant will reach full capacity within two years.",
     [("the plant will reach full capacity within two years", False, "Suzuki’s")]),
    ("en", "The new terminal, he noted, will open in the spring.",
     [("The new terminal, he noted, will open in the spring", False, "he")]),
    ("en", "Hiroshi Nakamura said that exports had doubled, adding that two plants would open next year.",
     [("exports had doubled", False, "Hiroshi Nakamura"), ("two plants would open next year", False, "Hiroshi Nakamura")]),
    ("en", "The Minister proposed that the two agencies set up a joint working group.",
     [("the two agencies set up a joint working group", False, "The Minister")]),
    ("en", "The Minister noted that tariffs were falling and that the border crossings worked around the clock.",
     [("tariffs were falling and that the border crossings worked around the clock", False, "The Minister")]),
    # -- Kazakh
    ("kk", "Министрдің сөзіне қарағанда, биыл астық экспорты 10 млн тоннаға жетеді.",
     [("биыл астық экспорты 10 млн тоннаға жетеді", False, None)]),
    ("kk", "Жұмабаевтың дерегінше, өңірде 40-тан астам кәсіпорын жұмыс істейді.",
     [("өңірде 40-тан астам кәсіпорын жұмыс істейді", False, "Жұмабаевтың")]),
    ("kk", "Вице-министр өз кезегінде логистикалық орталық салуды ұсынды.",
     [("логистикалық орталық салуды", False, "Вице-министр")]),
    ("kk", "Арман Жұмабаев өз тарапынан жаңа зауыт келесі жылы іске қосылатынын жеткізді.",
     [("жаңа зауыт келесі жылы іске қосылатынын", False, "Арман Жұмабаев")]),
    ("kk", "Үкімет басшысы Мемлекет басшылары қабылдаған шешімдер толық орындалатынын атап өтті.",
     [("Мемлекет басшылары қабылдаған шешімдер толық орындалатынын", False, "Үкімет басшысы")]),
    ("kk", "Арман Жұмабаев Қазақстанды өңірдегі сенімді әріптес ретінде бағалайтынын айтты.",
     [("Қазақстанды өңірдегі сенімді әріптес ретінде бағалайтынын", False, "Арман Жұмабаев")]),
    # a verb of proposing with no object clause before it gives no record
    ("kk", "Кездесу соңында әкім ұсынды.", []),
]


@pytest.mark.parametrize(("lang", "body", "expected"), CASES, ids=[str(i) for i in range(len(CASES))])
def test_frames_and_clauses(lang: str, body: str, expected: list):
    surfaces = {"ru": RU, "kk": KK, "en": EN}[lang]
    assert run(body, lang, surfaces) == expected
