"""Reported statements beyond "X said that …" (sentences written for these tests): assessments with a
noun object, participles of saying after a comma, attributions that close the sentence, participle
frames that open it, the subject after a phrase set off by a comma, joint and collective subjects,
quoted words inside a reported clause, a person's statement inside an institution's quotation, and the
Kazakh dative clause heads."""
from __future__ import annotations

import pytest
from test_quotes_common import run

EN = [("Tokayev", "name"), ("Antony Blinken", "name"), ("Blinken", "name"), ("Xi", "name"),
      ("Emmanuel Macron", "name"), ("Macron", "name"), ("the President", "title"), ("The President", "title")]
RU = [("Арман Жумабаев", "name"), ("Жумабаев", "name"), ("Токаев", "name"), ("Михаил Мишустин", "name"), ("Мишустина", "name"),
      ("Мишустин", "name"), ("Глава государства", "title"), ("Премьер-министр", "title")]
KK = [("Арман Жұмабаев", "name"), ("Нұрлан Сейітов", "name"), ("Мемлекет басшысы", "title"),
      ("Мәжіліс төрағасы", "title"), ("Елші", "title")]

CASES: list[tuple[str, str, list[tuple[str, bool, str | None]]]] = [
    # -- assessments with a noun object
    ("en", "Tokayev noted the high level of political dialogue between the two countries.",
     [("the high level of political dialogue between the two countries", False, "Tokayev")]),
    ("en", "Blinken highlighted the importance of the new transport corridor and proposed a joint study.",
     [("the importance of the new transport corridor", False, "Blinken"), ("a joint study", False, "Blinken")]),
    ("en", "Tokayev held talks with Macron, stressing the need to expand trade in agricultural goods.",
     [("the need to expand trade in agricultural goods", False, "Tokayev")]),
    # without the comma a participle describes an act
    ("en", "Tokayev spoke with several leaders today underlining the country's strong ties in the region.", []),
    # courtesies are no statements
    ("en", "The President reiterated his invitation to Macron to visit Astana.", []),
    ("ru", "Глава государства отметил высокий уровень взаимодействия в рамках ШОС.",
     [("высокий уровень взаимодействия в рамках ШОС", False, "Глава государства")]),
    ("ru", "Мишустин обратил внимание на важность развития транспортных коридоров.",
     [("важность развития транспортных коридоров", False, "Мишустин")]),
    # "отметил Токаев": the subject follows the verb, no object here
    ("ru", "Как и прежде отметил Токаев в Астане.", []),
    ("kk", "Мәжіліс төрағасы екі ел арасындағы ынтымақтастық деңгейін жоғары бағалады.",
     [("екі ел арасындағы ынтымақтастық деңгейін", False, "Мәжіліс төрағасы")]),
    ("kk", "Корей компаниясының басшысы кездесуде мынаны айтты.", []),
    # -- attributions that close the sentence
    ("en", "Trade between the two countries will reach five billion dollars by 2030, Xi said.",
     [("Trade between the two countries will reach five billion dollars by 2030", False, "Xi")]),
    ("en", "We will increase our trade with the region to ten billion dollars, Antony Blinken has said on Monday.",
     [("We will increase our trade with the region to ten billion dollars", False, "Antony Blinken")]),
    ("en", "The two sides should deepen cooperation in energy, he said, stressing the role of private investors.",
     [("The two sides should deepen cooperation in energy", False, "he"),
      ("the role of private investors", False, "he")]),
    # an introduction of a quotation is no attribution of what precedes it
    ("en", "Speaking to reporters after the talks, Tokayev said, “We agreed on a new road map.”",
     [("We agreed on a new road map.", True, "Tokayev")]),
    # a verb that takes a clause is no closing attribution
    ("en", "During the visit, Tokayev said on Tuesday that the plant would open soon.",
     [("the plant would open soon", False, "Tokayev")]),
    ("ru", "Россия заинтересована в укреплении связей со странами СНГ, заявил Михаил Мишустин.",
     [("Россия заинтересована в укреплении связей со странами СНГ", False, "Михаил Мишустин")]),
    ("ru", "Переговоры прошли в конструктивном ключе, сообщает пресс-служба Акорды.", []),
    # -- participle frames that open the sentence
    ("en", "Noting that trade had doubled in three years, the President called for new joint projects.",
     [("trade had doubled in three years", False, "the President"), ("new joint projects", False, "the President")]),
    ("ru", "Отметив, что товарооборот вырос на треть, Мишустин предложил расширить список проектов.",
     [("товарооборот вырос на треть", False, "Мишустин"), ("расширить список проектов", False, "Мишустин")]),
    # -- the subject after a phrase set off by a comma
    ("en", "Talking to Emmanuel Macron, Tokayev reiterated the close ties between the two countries.",
     [("the close ties between the two countries", False, "Tokayev")]),
    ("en", "Meanwhile, in a call with Macron, the premier underscored the historical relations between the nations.",
     [("the historical relations between the nations", False, None)]),
    # -- joint and collective subjects name no single speaker
    ("en", "Tokayev and the President of France reaffirmed their commitment to the Paris Agreement.", []),
    ("kk", "Арман Жұмабаев пен Нұрлан Сейітов екі ел арасындағы сауда қарқынын жоғары бағалады.", []),
    ("kk", "Баспасөз қызметінің хабарлауынша, кездесу барысында тараптар ынтымақтастықтың оң динамикасын атап өтті.", []),
    # -- quoted words inside a reported clause are a direct quote of the same speaker
    ("ru", "По словам Мишустина, товарооборот двух стран «вырос до рекордных значений».",
     [("товарооборот двух стран «вырос до рекордных значений»", False, "Мишустина"),
      ("вырос до рекордных значений", True, "Мишустина")]),
    ("en", "Tokayev said the new plant would make the region “a hub for green energy.”",
     [("the new plant would make the region “a hub for green energy.”", False, "Tokayev"),
      ("a hub for green energy.", True, "Tokayev")]),
    # a name in quotation marks is no quote
    ("ru", "Токаев отметил, что форум «Казахстан — Италия» стал традиционным.",
     [("форум «Казахстан — Италия» стал традиционным", False, "Токаев")]),
    # -- a person's statement inside an institution's quotation
    ("ru", "«Токаев подчеркнул, что проект будет завершён в срок», — говорится в сообщении пресс-службы.",
     [("проект будет завершён в срок", False, "Токаев")]),
    # -- Kazakh: dative clause heads, manner words between the head and its verb
    ("kk", "Мәжіліс төрағасы парламентаралық байланыстар одан әрі дами беретініне сенім білдірді.",
     [("парламентаралық байланыстар одан әрі дами беретініне", False, "Мәжіліс төрағасы")]),
    ("kk", "Мемлекет басшысы екі ел арасындағы қатынастар қарқынды дамып жатқанын зор ризашылықпен атап өтті.",
     [("екі ел арасындағы қатынастар қарқынды дамып жатқанын", False, "Мемлекет басшысы")]),
    ("kk", "Елші Ұлы Жібек жолының бүгінгі маңызына назар аударды.",
     [("Ұлы Жібек жолының бүгінгі маңызына", False, "Елші")]),
    # a plain dative is attention paid, not words
    ("kk", "Делегация өңірдегі ірі кәсіпорындарға ерекше назар аударды.", []),
    # -- an assessment of something named
    ("en", "Tokayev also praised the new bridge, describing it as a symbol of friendship between the nations.",
     [("a symbol of friendship between the nations", False, "Tokayev")]),
    # -- a relative pronoun standing for the subject
    ("en", "Energy was also discussed with Emmanuel Macron who said that the two grids would be linked.",
     [("the two grids would be linked", False, "Emmanuel Macron")]),
    # -- a headline is page chrome, a line wrapped inside a sentence is not
    ("ru", "Мишустин отметил интерес России к проектам СНГ\nМОСКВА, 12 декабря. Заседание прошло в Кремле.", []),
    ("ru", "Мишустин отметил высокий уровень\nвзаимодействия стран СНГ.",
     [("высокий уровень", False, "Мишустин")]),
]


@pytest.mark.parametrize(("lang", "body", "expected"), CASES, ids=[str(i) for i in range(len(CASES))])
def test_statements(lang: str, body: str, expected: list):
    surfaces = {"ru": RU, "kk": KK, "en": EN}[lang]
    assert run(body, lang, surfaces) == expected
