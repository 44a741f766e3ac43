"""Segmentation: sentences as exact body spans, never split inside a quotation."""
import pytest

from archive.extract.segment import paragraphs, sentences

CASES = [
    ("Тараптар келісті. Келесі кездесу Астанада өтеді.",
     ["Тараптар келісті.", "Келесі кездесу Астанада өтеді."]),
    ("«Біз дайынбыз. Жұмыс жалғасады», деді Премьер-министр. Кездесу аяқталды.",
     ["«Біз дайынбыз. Жұмыс жалғасады», деді Премьер-министр.", "Кездесу аяқталды."]),
    ("Объём составил 5 млрд. долларов. Стороны договорились.",
     ["Объём составил 5 млрд. долларов.", "Стороны договорились."]),
    ("Mr. Smith met the minister. “We agree. Fully,” he said.",
     ["Mr. Smith met the minister.", "“We agree. Fully,” he said."]),
    ("Trade grew by 5.5 percent. It was a record.", ["Trade grew by 5.5 percent.", "It was a record."]),
    ("Первый абзац.\nВторой абзац! Третье предложение?", ["Первый абзац.", "Второй абзац!", "Третье предложение?"]),
    ('He said: "We are ready. Truly." Then he left.', ['He said: "We are ready. Truly."', "Then he left."]),
]


@pytest.mark.parametrize(("body", "expected"), CASES)
def test_sentences(body: str, expected: list[str]) -> None:
    spans = sentences(body)
    assert [s.text(body) for s in spans] == expected
    for s in spans:
        assert body[s.start:s.end] == s.text(body)


def test_paragraphs_are_trimmed_lines() -> None:
    body = "  Бірінші жол.  \n\n Екінші жол.\n"
    assert [p.text(body) for p in paragraphs(body)] == ["Бірінші жол.", "Екінші жол."]


@pytest.mark.parametrize(("text", "expected"), [
    ("Aliyev met him.The head of state said so.", ["Aliyev met him.", "The head of state said so."]),
    ("Кездесу өтті.Тараптар сауданы талқылады.", ["Кездесу өтті.", "Тараптар сауданы талқылады."]),
    ("News.Az reports it.", ["News.Az reports it."]),                 # a site's name
    ("А.Смайылов келді.", ["А.Смайылов келді."]),                      # an initial
])
def test_sentences_glued_without_a_space(text: str, expected: list[str]) -> None:
    assert [text[s.start:s.end] for s in sentences(text)] == expected
