"""Participants on sentences we wrote in the genre of real press pages: shared and plural titles,
titles a state turns into its head, patronymics, name runs that must not swallow a place, an
institution or a headline, appositions, counterparts, and who of the people named took part."""
import pytest

from archive.extract.people import find_people
from archive.extract.pipeline import extract_article
from archive.read.text import RawArticle

# (lang, text, home, [(name, role, country)] in order of appearance)
PEOPLE = [
    # a plural title shared out over the states and the names after it
    ("ru", "Президенты Казахстана и Кыргызстана Касым-Жомарт Токаев и Садыр Жапаров обсудили транзит.", None,
     [("Касым-Жомарт Токаев", "head_of_state", "KZ"), ("Садыр Жапаров", "head_of_state", "KG")]),
    ("ru", "Главы Казахстана Касым-Жомарт Токаев и Туркменистана Сердар Бердымухамедов провели встречу.", None,
     [("Касым-Жомарт Токаев", "head_of_state", "KZ"), ("Сердар Бердымухамедов", "head_of_state", "TM")]),
    ("en", "Prime Ministers of Kazakhstan and Belarus Olzhas Bektenov and Roman Golovchenko met in Minsk.", None,
     [("Olzhas Bektenov", "head_of_government", "KZ"), ("Roman Golovchenko", "head_of_government", "BY")]),
    ("kk", "Қазақстан мен Қырғызстан Президенттері Қасым-Жомарт Тоқаев пен Садыр Жапаров кездесті.", "KZ",
     [("Қасым-Жомарт Тоқаев", "head_of_state", "KZ"), ("Садыр Жапаров", "head_of_state", "KG")]),
    # the chairman of a state is its head of state; a body's chairman is not
    ("ru", "Председатель КНР Си Цзиньпин прибыл в Астану.", None, [("Си Цзиньпин", "head_of_state", "CN")]),
    ("kk", "ҚХР Төрағасы Си Цзиньпин Астанаға келді.", "KZ", [("Си Цзиньпин", "head_of_state", "CN")]),
    # the place an official is posted to, after their state
    ("ru", "Аким принял Чрезвычайного и Полномочного посла Японии в Казахстане Такаси Огаву.", None,
     [("Такаси Огава", "ambassador", "JP")]),
    # a state whose name goes on in the locative is where the ambassador serves, not whose he is
    ("kk", "Қазақстан Республикасының Түркия Республикасындағы Елшісі Ерлан Сейітов сөз сөйледі.", "KZ",
     [("Ерлан Сейітов", "ambassador", "KZ")]),
    # an abbreviated state with its case ending after a hyphen
    ("kk", "Астанаға АҚШ-тың Мемлекеттік хатшысы Энтони Блинкен келді.", "KZ",
     [("Энтони Блинкен", "minister", "US")]),
    # a consul general is no ambassador
    ("kk", "Облыс әкімі Ресейдің Оралдағы бас консулы Андрей Соколовпен кездесті.", "KZ",
     [("Андрей Соколов", "other", "RU")]),
    # patronymics: inside a name, out of its form; alone with a given name they address a person
    ("kk", "Мемлекет басшысы Қасым-Жомарт Кемелұлы Тоқаев сөз сөйледі.", "KZ",
     [("Қасым-Жомарт Тоқаев", "head_of_state", "KZ")]),
    ("kk", "Облыс әкімі Нұрлан Сапаров қонақтарды қабылдады. Нұрлан Төлегенұлы жобаларды таныстырды.", "KZ",
     [("Нұрлан Сапаров", "regional_head", "KZ")]),
    ("ru", "Сергей Викторович Лавров прибыл в Бишкек.", None, [("Сергей Лавров", None, None)]),
    # names ending like a case suffix stay whole
    ("kk", "Облыс әкімі Дархан Сатыбалды Түркия елшісімен кездесті.", "KZ",
     [("Дархан Сатыбалды", "regional_head", "KZ")]),
    # a name run does not open with a place, a particle or a noun in another case
    ("ru", "По прибытии в Бишкек Александр Новак провел встречу.", None, [("Александр Новак", None, None)]),
    ("ru", "Также Ольга Петрова выступила на форуме.", None, [("Ольга Петрова", None, None)]),
    # … nor end in an institution's name or in initials without a surname
    ("kk", "Облыс әкімі Асхат Қайратов Башқұртстан Республикасының Басшысымен кездесті.", "KZ",
     [("Асхат Қайратов", "regional_head", "KZ")]),
    ("kk", "Мемлекет басшысы Марко С.П.А. компаниясының басшысын қабылдады.", "KZ", []),
    # a name something is named after, and a byline between slashes, are no people
    ("kk", "Делегация Ә. Бөкейханов атындағы университетке барды.", "KZ", []),
    ("ru", "АСТАНА. 5 мая. Агентство /Иван Сидоров/ - Министр Руслан Жаксылыков встретился с послом.", "KZ",
     [("Руслан Жаксылыков", "minister", "KZ")]),
    # an apposition after a name, with two offices and the state
    ("en", "Askar Zhumagaliyev, Deputy Prime Minister, Minister of Digital Development of Kazakhstan, "
           "opened the forum.", None,
     [("Askar Zhumagaliyev", "deputy_head_of_government", "KZ")]),
    # a counterpart holds the office of the official named before
    ("en", "Finnish Foreign Minister Elina Valtonen and her Kazakh counterpart, Murat Nurtleu, met in Helsinki.",
     None, [("Elina Valtonen", "minister", "FI"), ("Murat Nurtleu", "minister", "KZ")]),
    ("ru", "Премьер-министр Армении Никол Пашинян встретился со своим казахстанским коллегой Олжасом Бектеновым.",
     None, [("Никол Пашинян", "head_of_government", "AM"), ("Олжас Бектенов", "head_of_government", "KZ")]),
    # English Title Case headlines name no one; a demonym after a preposition still names the state
    ("en", "Kazakh President Hosts Gulf Leaders in Astana\nIn a call to Qatari Emir Tamim bin Hamad, the "
           "President discussed trade.", None, [("Tamim bin Hamad", "head_of_state", "QA")]),
    ("en", "Prime Minister Fumio Kishida of Japan spoke with the President.", None,
     [("Fumio Kishida", "head_of_government", "JP")]),
]


@pytest.mark.parametrize(("lang", "text", "home", "expected"), PEOPLE)
def test_people_on_press_pages(lang: str, text: str, home: str | None, expected: list) -> None:
    people = find_people(text, lang, home)
    got = [(p.name, p.role, p.country) for p in sorted(people.persons, key=lambda p: p.first_offset)]
    assert got == expected


# (lang, body, participants' names) for a whole article
ARTICLES = [
    # the counterpart named in the comitative in the lead sentence after a headline and a date line
    ("kk", "Бектенов губернатормен кездесті\n\n12 Қазан, 10:15\n\nҚазақстан Премьер-министрі Олжас Бектенов "
           "Ресей Федерациясы Омбы облысының губернаторы Виталий Хоценкомен кездесті.\n\nТараптар "
           "ынтымақтастықты талқылады.",
     ["Олжас Бектенов", "Виталий Хоценко"]),
    # an official named in a later sentence that reports a meeting takes part
    ("kk", "Сенат Төрағасы Мәулен Әшімбаев Мәскеуге жұмыс сапарымен барды.\n\nСапар барысында ол Ресей "
           "Федерация Кеңесінің Төрағасы Валентина Матвиенкомен кездесті.",
     ["Мәулен Әшімбаев", "Валентина Матвиенко"]),
    # … unless the sentence only plans it or greets someone
    ("kk", "Сыртқы істер министрі Мұрат Нұртілеу Бакуге келді.\n\nСапар аясында Әзербайжан Сыртқы істер "
           "министрі Джейхун Байрамовпен кездесу жоспарлануда. Министр Президент Ильхам Әлиевтің "
           "сәлемін жеткізді.",
     ["Мұрат Нұртілеу"]),
    # in the lead, a name in the genitive of a thing names no one who is there
    ("kk", "Мәжіліс Төрағасы Ерлан Қошанов Абай Құнанбайұлының ескерткішіне гүл қойды.",
     ["Ерлан Қошанов"]),
    # a spokesperson reports the meeting
    ("ru", "Министр иностранных дел Казахстана Мурат Нуртлеу встретился с послом Японии Такаси Огавой. "
           "Как сообщил пресс-секретарь МИД Айбек Смадьяров, стороны обсудили инвестиции.",
     ["Мурат Нуртлеу", "Такаси Огава"]),
    ("en", "Foreign Minister Murat Nurtleu held talks with his Omani counterpart Badr Albusaidi.\n\nThe sides "
           "discussed the anniversary of the President of Kazakhstan Kassym-Jomart Tokayev's visit.",
     ["Murat Nurtleu", "Badr Albusaidi"]),
    # leaders listed with their states in brackets, in a sentence that says they were there
    ("en", "Prime Minister Charles Michel hosted a dinner in Brussels.\n\nLeo Varadkar (Ireland) and Mark Rutte "
           "(the Netherlands) were also present.",
     ["Charles Michel", "Leo Varadkar", "Mark Rutte"]),
]


@pytest.mark.parametrize(("lang", "body", "expected"), ARTICLES)
def test_participants_of_an_article(lang: str, body: str, expected: list) -> None:
    record = extract_article(RawArticle(id="t", body=body, language=lang))
    assert [p.name for p in record.meetings[0].participants] == expected


def test_a_given_name_that_declines_like_an_adjective_is_a_name() -> None:
    """'Абдуллой', 'Мустафой': the instrumental of a given name in -а ends like an adjective."""
    from archive.extract.people import find_people

    text = "Премьер-министр Олжас Бектенов встретился с Премьер-министром Узбекистана Абдуллой Ариповым."
    got = [(p.name, p.role, p.country) for p in find_people(text, "ru", "KZ").persons]
    assert got == [("Олжас Бектенов", "head_of_government", "KZ"), ("Абдулла Арипов", "head_of_government", "UZ")]
