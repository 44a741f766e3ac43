"""The meeting setting on articles we wrote: kind, date, place, occasion."""
import pytest

from archive.extract.pipeline import extract_article
from archive.read.text import article_from_text

CASES = [
    # remote kinds win; a phone call has no place
    ("kk", "2024-05-10", "Мемлекет басшысы Қасым-Жомарт Тоқаев бүгін Әзірбайжан Президенті Ильхам Әлиевпен "
     "телефон арқылы сөйлесті.", ("phone_call", "2024-05-10", None, None)),
    # a year-less Kazakh date takes the year of publication; a landmark stands for its city
    ("kk", "2024-11-02", "2 қарашада Ақордада Мемлекет басшысы Қасым-Жомарт Тоқаев Моңғолия Президенті "
     "Ухнаагийн Хурэлсухпен келіссөздер жүргізді.", ("talks", "2024-11-02", "Астана", "KZ")),
    # a working visit frames the meeting held during it
    ("kk", None, "Бейжіңге жұмыс сапарымен барған Сыртқы істер министрі Мұрат Нұртілеу Қытай Сыртқы істер "
     "министрі Ван Имен кездесті.", ("meeting", None, "Бейжің", "CN")),
    # Russian: "в понедельник" counts back from the publication date; a visit is the kind when alone
    ("ru", "2024-06-05", "В понедельник Премьер-министр Олжас Бектенов прибыл с официальным визитом в Ташкент.",
     ("visit", "2024-06-03", "Ташкент", "UZ")),
    ("ru", None, "Министр иностранных дел Мурат Нуртлеу провел переговоры с Министром иностранных дел "
     "Германии Анналеной Бербок в режиме видеоконференции.", ("video_call", None, None, None)),
    # English dateline: it dates the article, not the meeting
    ("en", None, "ASTANA, 12 June 2024. President Kassym-Jomart Tokayev met President of Turkmenistan "
     "Serdar Berdimuhamedov at the Akorda.", ("meeting", None, "Astana", "KZ")),
]


@pytest.mark.parametrize(("lang", "published", "text", "expected"), CASES)
def test_setting(lang: str, published: str | None, text: str, expected: tuple) -> None:
    raw = article_from_text(text, "t", defaults={"language": lang, "published": published})
    (m,) = extract_article(raw).meetings
    assert (m.kind, m.date, m.city, m.country) == expected


def test_occasion_of_an_official_visit() -> None:
    text = ("Корея Республикасына ресми сапармен барған Мәжіліс Төрағасы Ерлан Қошанов Сеулде Ұлттық "
            "ассамблеяның Төрағасы У Вон Сикпен келіссөздер жүргізді.")
    (m,) = extract_article(article_from_text(text, "t")).meetings
    assert (m.kind, m.occasion, m.city) == ("talks", "ресми сапар", "Сеул")


@pytest.mark.parametrize(("lang", "text", "topic"), [
    ("kk", "Тараптар энергетика саласындағы ынтымақтастықты дамытуға келісті.", "энергетика"),
    ("kk", "Кездесуде сауда-экономикалық ынтымақтастыққа ерекше мән берілді.", "сауда-экономикалық ынтымақтастыққа"),
    ("ru", "Министры договорились укреплять торгово-экономическое сотрудничество.", "торгово-экономическое сотрудничество"),
    ("ru", "Речь шла о сотрудничестве в сфере энергетики и транспорта.", "энергетики"),
    ("en", "The ministers agreed to expand defence cooperation.", "defence cooperation"),
    ("en", "They welcomed growing cooperation in the field of renewable energy.", "renewable energy"),
])
def test_spheres_of_cooperation_are_topics(lang: str, text: str, topic: str) -> None:
    (meeting,) = extract_article(article_from_text(text, "t", defaults={"language": lang})).meetings
    assert topic in meeting.topics


@pytest.mark.parametrize(("lang", "text"), [
    ("kk", "Екі ел арасындағы ынтымақтастық жайлы айтылды."),          # "between": a place, no sphere
    ("en", "The leaders pledged to strengthen bilateral ties."),          # a verb, no sphere
    ("kk", "«Біз энергетика саласындағы ынтымақтастықты дамытамыз», – деді ол."),   # inside a quotation
])
def test_no_sphere_no_topic(lang: str, text: str) -> None:
    (meeting,) = extract_article(article_from_text(text, "t", defaults={"language": lang})).meetings
    assert meeting.topics == ()


@pytest.mark.parametrize(("lang", "text", "city"), [
    ("kk", "Премьер-министр Астрахан облысының губернаторы Игорь Бабушкинмен кездесті.", None),
    ("kk", "Қытай делегациясы Ақтөбе облысына келіп, облыс әкімімен кездесті.", "Ақтөбе"),
    ("en", "The Prime Minister met the Governor of the Astrakhan region Igor Babushkin.", None),
])
def test_a_region_of_a_title_is_no_meeting_place(lang: str, text: str, city: str | None) -> None:
    (meeting,) = extract_article(article_from_text(text, "t", defaults={"language": lang})).meetings
    assert meeting.city == city


@pytest.mark.parametrize(("lang", "text", "city"), [
    ("kk", "Мемлекет басшысы тарихи Тяньцзинь шаһарында Қытай Төрағасымен кездесті.", "Тяньцзинь"),
    ("kk", "«Мәскеу күндері» аясында делегациялар кездесті.", None),            # a place naming a thing
    ("en", "The talks were held in the city of Ganja on Monday.", "Ganja"),
])
def test_a_place_said_to_be_a_city(lang: str, text: str, city: str | None) -> None:
    (meeting,) = extract_article(article_from_text(text, "t", defaults={"language": lang})).meetings
    assert meeting.city == city


def test_the_event_named_after_a_lead_without_one() -> None:
    text = ("Президент тепло приветствовал в Акорде Председателя КНР.\n"
            "Глава государства отметил высокий уровень взаимодействия.\n"
            "В ходе переговоров был обсужден широкий спектр вопросов.")
    (meeting,) = extract_article(article_from_text(text, "t", defaults={"language": "ru"})).meetings
    assert meeting.kind == "talks"


@pytest.mark.parametrize(("lang", "text", "place"), [
    # a city in the genitive before an office names the office, not the place
    ("kk", "Шымкент қаласының әкімі Ғабидолла Әбдірахымов Өзбекстанда болды.", (None, "UZ")),
    # with no city named, a state the lead says it happened in or went to
    ("kk", "Облыс делегациясы Өзбекстанда болды. Облыс әкімі Жансейіт Түймебаев кездесулер өткізді.", (None, "UZ")),
    ("ru", "Делегация Казахстана прибыла в Узбекистан. Аким Ерлан Нысанбаев провел встречи.", (None, "UZ")),
    ("en", "A Kazakh delegation arrived in Uzbekistan. Akim Yerlan Nyssanbayev held meetings.", (None, "UZ")),
])
def test_where_with_no_city(lang: str, text: str, place: tuple) -> None:
    (meeting,) = extract_article(article_from_text(text, "t", defaults={"language": lang})).meetings
    assert (meeting.city, meeting.country) == place
