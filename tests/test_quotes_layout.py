"""Direct quotes that the page's layout introduces (sentences written for these tests): a speaker's
line in a transcript ("Name: words") and the paragraphs that go on in their voice, a dialogue line
after "X said:", words closed by a dash and an attribution without quotation marks, a quotation that
runs over paragraphs or is cut off with the page, "X said, “…”", a pulled quote signed by a name
alone; a headline "Name: words" and a press service's line are no quotes."""
from __future__ import annotations

import pytest
from test_quotes_common import run

EN = [("John Carter", "name"), ("Anna Berg", "name"), ("Tokayev", "name"), ("Emmanuel Macron", "name"),
      ("Antony Blinken", "name")]
RU = [("Михаил Мишустин", "name"), ("Мишустин", "name")]
KK = [("Ерлан Қошанов", "name"), ("Арман Жұмабаев", "name"), ("Үкімет басшысы", "title")]

CASES: list[tuple[str, str, list[tuple[str, bool, str | None]]]] = [
    # -- transcripts: a speaker's line, and paragraphs in the speaker's voice after it
    ("en", "From the transcript:\nJohn Carter: Good afternoon, colleagues. We are glad to host you.\n"
           "Our two ministries have worked closely this year.\nAnna Berg: Thank you, Mr Carter.\n"
           "We appreciate your hospitality.",
     [("Good afternoon, colleagues. We are glad to host you.", True, "John Carter"),
      ("Our two ministries have worked closely this year.", True, "John Carter"),
      ("Thank you, Mr Carter.", True, "Anna Berg"), ("We appreciate your hospitality.", True, "Anna Berg")]),
    # a speaker line the people stage does not know ends the previous speaker's words
    ("en", "John Carter: Welcome to London, we are glad to see you.\nPeter Olsen: Thank you for the invitation.",
     [("Welcome to London, we are glad to see you.", True, "John Carter")]),
    ("ru", "Михаил Мишустин: Уважаемые коллеги, рад вас приветствовать.\nНаши страны связывают давние отношения.",
     [("Уважаемые коллеги, рад вас приветствовать.", True, "Михаил Мишустин"),
      ("Наши страны связывают давние отношения.", True, "Михаил Мишустин")]),
    # a headline "Name: words" has no full stop
    ("en", "Tokayev: Kazakhstan will host the summit\nThe summit opens on Monday.", []),
    # -- a dialogue line after "X said:", and its paragraphs in the speaker's voice
    ("en", "Opening the talks, Tokayev said:\n- Dear friends, welcome to Astana.\n"
           "Our cooperation has grown in every sphere.\nThe talks then continued behind closed doors.",
     [("Dear friends, welcome to Astana.", True, "Tokayev"),
      ("Our cooperation has grown in every sphere.", True, "Tokayev")]),
    ("kk", "Ерлан Қошанов, Мәжіліс төрағасы:\n- 2024 жыл екі ел үшін маңызды болды. Біз ынтымақтастықты жалғастырамыз.",
     [("2024 жыл екі ел үшін маңызды болды. Біз ынтымақтастықты жалғастырамыз.", True, "Ерлан Қошанов")]),
    # -- words without quotation marks, closed by a dash and an attribution
    ("kk", "Келесі саммит Астанада өтеді. Біз оған жақсы дайындалып жатырмыз, — деді Үкімет басшысы.",
     [("Келесі саммит Астанада өтеді. Біз оған жақсы дайындалып жатырмыз", True, "Үкімет басшысы")]),
    ("ru", "Переговоры прошли в Астане, — сообщает пресс-служба Акорды.", []),
    # -- a quotation over two paragraphs, closed in the second
    ("kk", "«Біз ынтымақтастықты жалғастырамыз.\nЕкі ел арасындағы сауда артып келеді», деді Арман Жұмабаев.",
     [("Біз ынтымақтастықты жалғастырамыз.\nЕкі ел арасындағы сауда артып келеді", True, "Арман Жұмабаев")]),
    # the English way: each paragraph of the speech opens with a quotation mark
    ("en", "Tokayev said: \"Our trade has doubled in five years.\n\"We will build two new plants next year.\"",
     [("Our trade has doubled in five years.", True, "Tokayev"),
      ("We will build two new plants next year.", True, None)]),
    # cut off with the page
    ("en", "Tokayev spoke about energy.\n“We expect new projects in the energy sector next year. The first pla",
     [("We expect new projects in the energy sector next year. The first pla", True, None)]),
    # -- "X said, “…”"
    ("en", "Tokayev said, “Kazakhstan is open to investors.”", [("Kazakhstan is open to investors.", True, "Tokayev")]),
    # the subject of "said", not a person named in the clause before it
    ("en", "Speaking at a press conference with Tokayev, Emmanuel Macron said: “France supports the project.”",
     [("France supports the project.", True, "Emmanuel Macron")]),
    # -- a pulled quote signed by a name alone
    ("en", "We will double our trade within three years.\nAntony Blinken",
     [("We will double our trade within three years.", True, "Antony Blinken")]),
    ("en", "The talks lasted two hours.\nAntony Blinken", []),
]


@pytest.mark.parametrize(("lang", "body", "expected"), CASES, ids=[str(i) for i in range(len(CASES))])
def test_layout_quotes(lang: str, body: str, expected: list):
    surfaces = {"ru": RU, "kk": KK, "en": EN}[lang]
    assert run(body, lang, surfaces) == expected
