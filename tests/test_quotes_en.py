"""English direct quotes and reported speech (sentences written for these tests)."""
from __future__ import annotations

import pytest
from test_quotes_common import run

NAMES = [("Tokayev", "name"), ("Antony Blinken", "name"), ("Blinken", "name"), ("Emmanuel Macron", "name"),
         ("the President", "title"), ("The President", "title"), ("the Prime Minister", "title"),
         ("the Minister", "title"), ("Tayyip Erdogan", "name")]

CASES = [
    # "stressed on", "outlined", "expressed that"; a fronted purpose clause is no statement
    ("To support the transit corridor, Tayyip Erdogan stressed on the need to open two new rail crossings.",
     [("the need to open two new rail crossings", False, "Tayyip Erdogan")]),
    ("Emmanuel Macron in turn outlined plans for joint uranium projects.",
     [("plans for joint uranium projects", False, "Emmanuel Macron")]),
    ("Antony Blinken expressed that the upcoming summit is the most important event of the year.",
     [("the upcoming summit is the most important event of the year", False, "Antony Blinken")]),
    ("“We welcome German investors in every sector of our economy,” Tokayev said.",
     [("We welcome German investors in every sector of our economy", True, "Tokayev")]),
    ("\"Trade has doubled in three years,\" the Minister noted. \"We expect further growth.\"",
     [("Trade has doubled in three years", True, "the Minister"), ("We expect further growth.", True, "the Minister")]),
    ("Antony Blinken said: “The partnership with Central Asia is strong.”",
     [("The partnership with Central Asia is strong.", True, "Antony Blinken")]),
    ("“Our doors are open,” said the President, “and we are ready to talk.”",
     [("Our doors are open", True, "the President"), ("and we are ready to talk.", True, "the President")]),
    ("According to the Prime Minister, exports to the region grew by 9 percent.",
     [("exports to the region grew by 9 percent", False, "the Prime Minister")]),
    ("Tokayev said that Kazakhstan supported the initiative and called for closer cooperation in logistics.",
     [("Kazakhstan supported the initiative", False, "Tokayev"),
      ("closer cooperation in logistics", False, "Tokayev")]),
    ("He also stressed that transit volumes had risen sharply.", [("transit volumes had risen sharply", False, "He")]),
    ("Emmanuel Macron said the two countries would work together on energy.",
     [("the two countries would work together on energy", False, "Emmanuel Macron")]),
    ("She confirmed her readiness to visit Astana next year.",
     [("her readiness to visit Astana next year", False, "She")]),
    ("In his view, the region needs a common energy market.",
     [("the region needs a common energy market", False, "his")]),
    ("Meeting with Tayyip Erdogan, Tokayev noted that both economies were growing.",
     [("both economies were growing", False, "Tokayev")]),
    ("Blinken told reporters that the programme would be extended.",
     [("the programme would be extended", False, "Blinken")]),
    ("“Kazakhstan’s economy is growing,” Tokayev said, adding that exports had reached a record.",
     [("Kazakhstan’s economy is growing", True, "Tokayev"), ("exports had reached a record", False, "Tokayev")]),
    ("‘Kazakhstan’s role in the region is growing,’ he said.",
     [("Kazakhstan’s role in the region is growing", True, "he")]),
    # not quotes
    ("It was noted that the sides signed five agreements.", []),
    ("The leaders noted that relations were developing dynamically.", []),
    ("The President thanked his counterpart for the invitation.", []),
    ("The delegation visited the “Astana Hub” technology park.", []),
    ("The two leaders discussed the situation in Afghanistan.", []),
    ("Blinken said in a statement.", []),
    ("Kazakhstan — the largest economy of the region — hosted the summit.", []),
]


@pytest.mark.parametrize(("body", "expected"), CASES, ids=[str(i) for i in range(len(CASES))])
def test_en(body: str, expected: list):
    assert run(body, "en", NAMES) == expected
