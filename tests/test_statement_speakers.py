"""Speakers of statements and claims across sentences and paragraphs (articles written for these
tests): a title no named person holds goes to the person the text is about; a claim inside a person's
statement that another quotes is that person's; a paragraph opening with "In particular" carries the
statement on; a sentence in someone's own voice is no journalist's continuation, unless a line with a
person's name signs it (a pull quote)."""
from __future__ import annotations

import pytest

from archive.extract.pipeline import extract_article
from archive.read.text import article_from_text

QUOTE_SPEAKERS = [
    # "the minister" resolves to no holder of that role: the deputy PM the text is about
    ("en", "Kazakh Deputy Prime Minister Serik Zhumangarin held talks with business leaders in Baku.\n"
           "The minister said that exports to Azerbaijan had doubled over two years.",
     ["Serik Zhumangarin"]),
    # a press secretary quotes the President: both statements, each with its speaker
    ("ru", "Президент Казахстана Касым-Жомарт Токаев провел переговоры в Ашхабаде.\n"
           "«Глава государства подчеркнул, что товарооборот вырос на 10%», — сообщил пресс-секретарь "
           "Президента Руслан Желдыбай.",
     ["Руслан Желдыбай", "Касым-Жомарт Токаев"]),
]

CLAIM_SPEAKERS = [
    ("ru", "Президент Казахстана Касым-Жомарт Токаев провел переговоры в Ашхабаде.\n"
           "«Глава государства подчеркнул, что товарооборот вырос на 10%», — сообщил пресс-секретарь "
           "Президента Руслан Желдыбай.",
     ["Касым-Жомарт Токаев"]),
    # "In particular" carries Tokayev's statement into the next paragraph; a background paragraph does not
    ("en", "President Kassym-Jomart Tokayev met President of Uzbekistan Shavkat Mirziyoyev in Tashkent.\n"
           "Tokayev said that Uzbekistan remained a key trading partner of Kazakhstan.\n"
           "In particular, bilateral trade reached $5 billion last year.\n"
           "Kazakhstan's trade with China reached $40 billion last year.",
     ["Kassym-Jomart Tokayev", None]),
    # a sentence in the first person after a reported statement is someone else's unmarked words
    ("kk", "Облыс әкімі Нұрлыбек Нәлібаев ресейлік делегацияны қабылдады.\n"
           "Нұрлыбек Нәлібаев Ресей өңір үшін басты серіктес екенін атап өтті. Біздің облыстың сыртқы "
           "сауда көлеміндегі Ресейдің үлесі 60 пайызды құрайды.",
     [None]),
    # a sentence that cites where its figures come from goes on with no one's statement
    ("ru", "Премьер-министр Казахстана Олжас Бектенов встретился с министром экономики Узбекистана "
           "Жамшидом Кучкаровым.\n"
           "Олжас Бектенов отметил, что стороны расширяют сотрудничество. Товарооборот вырос на 8%. "
           "По данным Бюро национальной статистики, экспорт составил 2,1 млрд долларов. "
           "Импорт достиг 1,4 млрд долларов.",
     ["Олжас Бектенов", None, None]),
    ("en", "Deputy Prime Minister Serik Zhumangarin met Azerbaijani Minister of Economy Mikayil Jabbarov.\n"
           "Zhumangarin said that the sides were expanding cooperation. Trade grew by 15 percent. "
           "According to official statistics, Kazakh exports to Azerbaijan reached $300 million.",
     ["Serik Zhumangarin", None]),
    ("kk", "Премьер-министр Олжас Бектенов Әзербайжан Премьер-министрі Әли Асадовпен кездесті.\n"
           "Олжас Бектенов екі ел ынтымақтастығы кеңейіп келе жатқанын атап өтті. Тауар айналымы 20 пайызға өсті. "
           "Ұлттық статистика бюросының деректеріне сәйкес, экспорт 300 млн долларға жетті.",
     ["Олжас Бектенов", None]),
    # a pull quote signed by a line with a person's name is that person's; a first-person paragraph
    # with no signature stays without a speaker
    ("en", "Prime Minister of Kazakhstan Olzhas Bektenov met Prime Minister of Kyrgyzstan Adylbek Kasymaliev.\n\n"
           "Adylbek Kasymaliev noted that the sides are ready to expand cooperation.\n\n"
           "We intend to bring our trade to $5 billion within three years.\n\n"
           "Olzhas Bektenov\n\n"
           "The sides also discussed water issues. We will build 12 new reservoirs.\n\n"
           "The talks ended with a joint press conference.",
     ["Olzhas Bektenov", None]),
]


@pytest.mark.parametrize(("lang", "text", "speakers"), QUOTE_SPEAKERS)
def test_quote_speakers(lang: str, text: str, speakers: list) -> None:
    rec = extract_article(article_from_text(text, "t", defaults={"language": lang}))
    assert [q.speaker for q in rec.quotes] == speakers


@pytest.mark.parametrize(("lang", "text", "speakers"), CLAIM_SPEAKERS)
def test_claim_speakers(lang: str, text: str, speakers: list) -> None:
    rec = extract_article(article_from_text(text, "t", defaults={"language": lang}))
    assert [c.speaker for c in rec.claims] == speakers
