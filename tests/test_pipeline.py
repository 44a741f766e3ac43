"""End to end: an article we wrote → the extraction record (FORMAT.md shape), and speaker resolution."""
from decimal import Decimal
from pathlib import Path

import pytest

from archive.extract.pipeline import extract_article
from archive.read.text import article_from_text, read_text_file

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="module")
def baku():
    return extract_article(read_text_file(FIXTURES / "kk-baku-e2e.txt"))


def test_kk_meeting(baku) -> None:
    assert baku.language == "kk" and baku.published == "2024-06-20" and baku.outlet == "Test Agency"
    (m,) = baku.meetings
    assert (m.kind, m.date, m.city, m.country) == ("meeting", "2024-06-20", "Баку", "AZ")
    people = [(p.name, p.position, p.role, p.country) for p in m.participants]
    assert people == [
        ("Олжас Бектенов", "Премьер-министр", "head_of_government", "KZ"),
        ("Әли Асадов", "Премьер-министр", "head_of_government", "AZ"),
    ]
    assert "энергетика" in m.topics and "көлік-логистика" in m.topics


def test_kk_quotes_and_speakers(baku) -> None:
    body = read_text_file(FIXTURES / "kk-baku-e2e.txt").body
    got = [(q.speaker, q.direct, q.text[:25]) for q in baku.quotes]
    assert got == [
        ("Олжас Бектенов", False, "Әзербайжан Қазақстанның О"),   # "Үкімет басшысы … екенін атап өтті"
        ("Олжас Бектенов", False, "өткен жылы екі ел арасынд"),   # "Оның айтуынша, …"
        ("Олжас Бектенов", True, "Біз Каспий теңізі арқылы "),
        ("Әли Асадов", False, "Әзербайжан тарапы Орта дә"),
        ("Әли Асадов", True, "Қазақстанмен ынтымақтасты"),        # "– деді ол"
    ]
    for q in baku.quotes:
        assert body[q.start:q.end] == q.text


def test_kk_claims(baku) -> None:
    body = read_text_file(FIXTURES / "kk-baku-e2e.txt").body
    got = [(c.value, c.unit, c.qualifier, c.change, c.speaker, body[c.start:c.end]) for c in baku.claims]
    assert got == [
        (Decimal(15), "%", None, "increase", "Олжас Бектенов", "15 пайыз"),
        (Decimal(500_000_000), "USD", "approx", None, "Олжас Бектенов", "500 млн доллар"),
        (Decimal(2), "times", None, "increase", "Олжас Бектенов", "екі есе"),
        (Decimal(30), None, "over", None, "Олжас Бектенов", "30"),
        (Decimal(3), None, None, None, None, "үш"),               # journalist voice, new paragraph
    ]
    assert baku.claims[0].period == "өткен жыл" and baku.claims[1].metric == "тауар айналымы"


def test_record_shape(baku) -> None:
    d = baku.to_dict()
    assert list(d) == ["id", "language", "title", "published", "outlet", "via", "meetings", "quotes", "claims"]
    assert d["claims"][1]["value"] == 500000000 and isinstance(d["claims"][1]["value"], int)
    assert set(d["meetings"][0]["participants"][0]) == {"name", "position", "role", "country"}


SPEAKERS = [
    # a bare title in Kazakh press is the Kazakh official; "ол" is the last actor
    ("Премьер-министр Олжас Бектенов Қырғызстан Министрлер Кабинетінің Төрағасы Ақылбек Жапаровпен "
     "кездесті.\n«Біз дайынбыз», деді Үкімет басшысы.\nАқылбек Жапаров тараптың ниетін құптады.\n"
     "«Жұмысты жалғастырамыз», – деді ол.",
     ["Олжас Бектенов", "Ақылбек Жапаров"]),
    # a title with a country names the foreign official
    ("Қазақстан Президенті Қасым-Жомарт Тоқаев Өзбекстан Президенті Шавкат Мирзиёевпен телефон арқылы "
     "сөйлесті.\n«Сауда өсіп келеді», деді Өзбекстан Президенті.",
     ["Шавкат Мирзиёев"]),
    # Russian: inflected names, "по его словам" after the subject of the previous sentence
    ("Председатель Правительства России Михаил Мишустин встретился с Премьер-министром Казахстана "
     "Олжасом Бектеновым.\nОлжас Бектенов отметил, что проекты реализуются в срок. По его словам, "
     "товарооборот вырос на 5%.",
     ["Олжас Бектенов", "Олжас Бектенов"]),
    # English: "he" after a quote by the other side
    ("President Kassym-Jomart Tokayev met Prime Minister of Japan Fumio Kishida in Tokyo.\n"
     "“We value this partnership,” Kishida said.\nHe noted that Japanese companies were ready to invest.",
     ["Fumio Kishida", "Fumio Kishida"]),
]


PEOPLE = [
    # a title Kazakh readers know without "министр" ("Премьері"), a Chinese two-syllable name
    ("Премьер-министр Олжас Бектенов Бейжіңде Қытай Мемлекеттік кеңесінің Премьері Ли Цянмен кездесті.",
     [("Олжас Бектенов", "head_of_government", "KZ"), ("Ли Цян", "head_of_government", "CN")]),
    # the state inside the title's complement; an honorific before the name
    ("Министр энергетики Казахстана Алмасадам Саткалиев провел переговоры с министром энергетики "
     "Саудовской Аравии принцем Абдулазизом бин Салманом.",
     [("Алмасадам Саткалиев", "minister", "KZ"), ("Абдулазиз бин Салман", "minister", "SA")]),
    # the head of an institution is no head of state
    ("First Deputy Prime Minister Roman Sklyar met President of the European Bank for Reconstruction and "
     "Development (EBRD) Odile Renaud-Basso in Astana.",
     [("Roman Sklyar", "deputy_head_of_government", "KZ"), ("Odile Renaud-Basso", "head_of_organization", None)]),
    # "Ambassador of X to Y Name": the state represented is X
    ("Foreign Minister Murat Nurtleu received the Ambassador of the United Kingdom to Kazakhstan Kathy Leach.",
     [("Murat Nurtleu", "minister", "KZ"), ("Kathy Leach", "ambassador", "GB")]),
]


def test_someone_who_did_not_take_part_is_no_participant() -> None:
    text = ("President Kassym-Jomart Tokayev met President of the European Council Charles Michel in Astana. "
            "Uzbek President Shavkat Mirziyoyev, who also arrived in Astana, did not take part in the talks.")
    (m,) = extract_article(article_from_text(text, "t")).meetings
    assert [p.name for p in m.participants] == ["Kassym-Jomart Tokayev", "Charles Michel"]


def test_session_place_and_occasion() -> None:
    text = ("В Минске состоялось заседание Евразийского межправительственного совета под председательством "
            "Премьер-министра Беларуси Романа Головченко.")
    (m,) = extract_article(article_from_text(text, "t")).meetings
    assert (m.kind, m.city, m.country, m.occasion) == ("session", "Минск", "BY", "Евразийский межправительственный совет")


@pytest.mark.parametrize(("text", "expected"), PEOPLE)
def test_participants(text: str, expected: list) -> None:
    (m,) = extract_article(article_from_text(text, "t")).meetings
    assert [(p.name, p.role, p.country) for p in m.participants] == expected


@pytest.mark.parametrize(("text", "speakers"), SPEAKERS)
def test_speaker_resolution(text: str, speakers: list[str]) -> None:
    rec = extract_article(article_from_text(text, "t"))
    assert [q.speaker for q in rec.quotes] == speakers


def test_unsupported_language_is_refused() -> None:
    kyrgyz = ("Кыргыз Республикасынын Президенти Садыр Жапаров бүгүн Бишкекте чет элдик инвесторлор менен "
              "жолугушту жана экономикалык кызматташтыкты талкуулады.")
    with pytest.raises(ValueError, match="ky"):
        extract_article(article_from_text(kyrgyz, "ky"))


TOPICS = [
    ("Тараптар сауда, энергетика және көлік-логистика мәселелерін талқылады.",
     ["сауда", "энергетика", "көлік-логистика"]),
    # a passive has no subject: the list follows the sentence's frame
    ("Кездесуде инвестиция, «жасыл» энергетика және білім беру мәселелері қарастырылды.",
     ["инвестиция", "«жасыл» энергетика", "білім беру"]),
    ("Стороны обсудили сотрудничество в сфере энергетики, транспорт и образование.",
     ["энергетики", "транспорт", "образование"]),
    ("The presidents focused on trade, critical minerals and digital technologies.",
     ["trade", "critical minerals", "digital technologies"]),
    # an English passive: the list is the subject
    ("Grain exports, rail tariffs and water sharing were discussed at the meeting.",
     ["Grain exports", "rail tariffs", "water sharing"]),
]


@pytest.mark.parametrize(("text", "topics"), TOPICS)
def test_topics(text: str, topics: list[str]) -> None:
    (m,) = extract_article(article_from_text(text, "t")).meetings
    assert list(m.topics) == topics


@pytest.mark.parametrize(("text", "outlet", "via"), [
    ("АСТАНА. KAZINFORM – Премьер-министр Олжас Бектенов Жапония елшісімен кездесті.", "Kazinform", None),
    ("Тараптар сауданы талқылады, деп хабарлады облыс әкімдігінің баспасөз қызметі.",
     "облыс әкімдігінің баспасөз қызметі", None),
    ("Стороны обсудили торговлю, сообщает Kazinform со ссылкой на пресс-службу Акорды.",
     "Kazinform", "пресс-служба Акорды"),
    ("The sides discussed trade, Kazinform reports, citing the press service of the Prime Minister.",
     "Kazinform", "the press service of the Prime Minister"),
])
def test_outlet_and_via(text: str, outlet: str, via: str | None) -> None:
    rec = extract_article(article_from_text(text, "t"))
    assert (rec.outlet, rec.via) == (outlet, via)


@pytest.mark.parametrize(("url", "language", "outlet"), [
    ("https://aqtobegazeti.kz/?p=1", "kk", "Ақтөбе газеті"),   # a Kazakh paper by its Kazakh name
    ("https://kz.otyrar.kz/2015/12/x", "kk", "Отырар TV"),
    ("https://4esnok.by/novosti/x", "ru", "Чеснок"),           # a Russian-language one by its Russian name
    ("https://atr.kz/zhanalyqtar/x", "en", "Atyrau gazeti"),   # elsewhere by its usual name
])
def test_outlet_by_site_in_the_article_language(url: str, language: str, outlet: str) -> None:
    text = f"---\nurl: {url}\nlanguage: {language}\n---\nТараптар сауданы талқылады.\n"
    assert extract_article(article_from_text(text, "t")).outlet == outlet


def test_paper_named_after_a_region_is_no_outlet_in_text() -> None:
    from archive.extract.sources import canonical_outlet, outlet_country, usual_name

    assert outlet_country("Атырау") is None and usual_name("АТЫРАУ") == "АТЫРАУ"
    assert outlet_country("«Атырау» газеті") == "KZ"
    assert canonical_outlet("Атырау газеті") == canonical_outlet("Atyrau gazeti") == "Atyrau gazeti"
