"""A synthetic corpus of seed-sized articles in Kazakh, Russian and English, written from our own
templates with varied officials, places, dates and numbers. Used by the benchmark scripts; nothing
here is copied from real articles."""
from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass

KK_MONTHS = ["қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек",
             "қазан", "қараша", "желтоқсан"]
RU_MONTHS = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
             "октября", "ноября", "декабря"]
EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
             "October", "November", "December"]

# (kk name, ru name, en name, kk country, ru country genitive, en country, kk city locative, ru city prepositional, en city)
FOREIGN = [
    ("Әли Асадов", "Али Асадов", "Ali Asadov", "Әзербайжан", "Азербайджана", "Azerbaijan", "Бакуде", "Баку", "Baku"),
    ("Роман Головченко", "Роман Головченко", "Roman Golovchenko", "Беларусь", "Беларуси", "Belarus", "Минскіде", "Минске", "Minsk"),
    ("Абдулла Арипов", "Абдулла Арипов", "Abdulla Aripov", "Өзбекстан", "Узбекистана", "Uzbekistan", "Ташкентте", "Ташкенте", "Tashkent"),
    ("Ақылбек Жапаров", "Акылбек Жапаров", "Akylbek Japarov", "Қырғызстан", "Киргизии", "Kyrgyzstan", "Бішкекте", "Бишкеке", "Bishkek"),
    ("Михаил Мишустин", "Михаил Мишустин", "Mikhail Mishustin", "Ресей", "России", "Russia", "Мәскеуде", "Москве", "Moscow"),
]
KZ = [("Олжас Бектенов", "Олжас Бектенов", "Olzhas Bektenov"),
      ("Әлихан Смайылов", "Алихан Смаилов", "Alikhan Smailov")]


@dataclass(frozen=True)
class SynthArticle:
    id: str
    language: str
    text: str           # with front matter


def _kk(r: random.Random, n: int) -> str:
    kz = r.choice(KZ)[0]
    f = r.choice(FOREIGN)
    day, month, year = r.randint(1, 28), r.randrange(12), r.randint(2019, 2025)
    a, b, c, d = r.randint(2, 40), r.randint(1, 90), r.randint(10, 900), r.randint(5, 120)
    surname = kz.split()[1]
    return f"""---
published: {year}-{month + 1:02d}-{day:02d}
outlet: Synth.kz
url: https://synth.example/kk/{n}
---
{year} жылғы {day} {KK_MONTHS[month]}да {f[6]} Қазақстан Премьер-министрі {kz} пен {f[3]} Үкіметінің басшысы {f[0]} кездесті. Тараптар сауда-экономикалық ынтымақтастық, көлік-логистика, энергетика және білім беру салаларындағы өзара іс-қимыл мәселелерін талқылады, деп хабарлайды Synth.kz Үкімет басшысының баспасөз қызметіне сілтеме жасап.
Үкімет басшысы {f[3]} Қазақстанның маңызды сауда серіктестерінің бірі екенін атап өтті. Өткен жылы тауар айналымы {a}%-ға артқан. Ал биылғы бірінші тоқсанда өзара сауда тағы {b} пайызға өсті.
«Біз бірлескен жобалар санын арттыруға мүдделіміз. Қазір екі ел арасында жалпы құны ${c} млн-нан асатын {d} жоба бар», деді Үкімет басшысы.
{surname}тың айтуынша, соңғы бес жылда инвестиция көлемі {b},{a} млрд долларға жуықтады.
Өз кезегінде {f[0]} {f[3]} тарапы өнеркәсіптік кооперацияны тереңдетуге дайын екенін жеткізді.
«Біздің кәсіпорындар жаңа өндірістер ашуға әзір. Бұл {c} мыңға жуық жұмыс орнын ашуға мүмкіндік береді», – деді ол.
"""


def _ru(r: random.Random, n: int) -> str:
    kz = r.choice(KZ)[1]
    f = r.choice(FOREIGN)
    day, month, year = r.randint(1, 28), r.randrange(12), r.randint(2019, 2025)
    a, b, c, d = r.randint(2, 40), r.randint(1, 90), r.randint(10, 900), r.randint(5, 120)
    return f"""---
published: {year}-{month + 1:02d}-{day:02d}
outlet: Synth.ru
url: https://synth.example/ru/{n}
---
{day} {RU_MONTHS[month]} {year} года в {f[7]} Премьер-министр Казахстана {kz} провёл переговоры с главой правительства {f[4]} {f[1]}.
Стороны обсудили торгово-экономическое сотрудничество, транспорт и логистику, энергетику и образование.
— Наши страны — надёжные партнёры. В прошлом году товарооборот вырос на {a}% и превысил {b},5 млрд долларов, — сказал {kz}.
По его словам, в республике действуют свыше {c} совместных предприятий.
{f[1]} отметил, что стороны реализуют {d} совместных проектов общей стоимостью около {c} млн долларов.
Стороны договорились провести следующее заседание межправительственной комиссии в {f[7]}, сообщает пресс-служба Премьер-министра.
"""


def _en(r: random.Random, n: int) -> str:
    kz = r.choice(KZ)[2]
    f = r.choice(FOREIGN)
    day, month, year = r.randint(1, 28), r.randrange(12), r.randint(2019, 2025)
    a, b, c, d = r.randint(2, 40), r.randint(1, 90), r.randint(10, 900), r.randint(5, 120)
    surname = kz.split()[1]
    return f"""---
published: {year}-{month + 1:02d}-{day:02d}
outlet: Synth News
url: https://synth.example/en/{n}
---
Prime Minister {kz} held talks with Prime Minister of {f[5]} {f[2]} in {f[8]} on {day} {EN_MONTHS[month]} {year}.

The sides discussed trade, transport and logistics, energy and education.

“Our trade grew by {a} percent last year and exceeded ${b} billion. We want to build on this,” {surname} said.

According to him, more than {c} companies with joint capital operate in both countries.

{f[2]} noted that the two countries were implementing {d} joint projects worth about ${c} million.
"""


WRITERS = {"kk": _kk, "ru": _ru, "en": _en}

# Further paragraphs in the same genre, appended by ``articles(..., seed_sized=True)`` until an
# article is about as long as the shared seed corpus (~2,700 characters).
MORE = {
    "kk": [
        "Кездесу барысында тараптар ауыл шаруашылығы өнімдерін экспорттау мәселесіне ерекше назар аударды. "
        "Биыл {a} мың тонна астық жөнелтілді, бұл өткен жылғы көрсеткіштен {b} пайызға көп.",
        "Сонымен қатар цифрландыру және жасанды интеллект саласындағы бірлескен жобалар талқыланды. "
        "Мамандардың бағалауынша, IT-қызметтер экспорты {c} млн долларға жетуі мүмкін.",
        "Тараптар туризм мен мәдени алмасуды дамыту жөніндегі жол картасын бекітуге келісті. "
        "Былтыр екі ел арасында {d} мыңнан астам турист сапар шеккен.",
        "«Біз көлік дәліздерін дамытуға басымдық береміз. Жүк тасымалы көлемі {a} миллион тоннаға "
        "жетеді деп күтеміз», – деді Үкімет басшысы.",
        "Кездесу соңында энергетика, су шаруашылығы және білім беру салаларындағы {b} құжатқа қол қойылды.",
    ],
    "ru": [
        "Особое внимание стороны уделили экспорту сельскохозяйственной продукции. В этом году отгружено "
        "{a} тыс. тонн зерна, что на {b}% больше, чем годом ранее.",
        "Также обсуждались совместные проекты в области цифровизации и искусственного интеллекта. По оценкам "
        "экспертов, экспорт IT-услуг может достичь {c} млн долларов.",
        "Стороны договорились утвердить дорожную карту по развитию туризма и культурного обмена. В прошлом "
        "году между странами совершили поездки более {d} тыс. туристов.",
        "— Приоритетом остается развитие транспортных коридоров. Мы ожидаем, что объем грузоперевозок "
        "достигнет {a} млн тонн, — подчеркнул глава Правительства.",
        "По итогам встречи подписаны {b} документов в сферах энергетики, водного хозяйства и образования.",
    ],
    "en": [
        "The sides paid particular attention to agricultural exports. This year {a} thousand tonnes of grain "
        "were shipped, {b} percent more than a year earlier.",
        "They also discussed joint projects in digitalisation and artificial intelligence. Experts estimate "
        "that exports of IT services could reach ${c} million.",
        "The parties agreed to approve a roadmap for tourism and cultural exchange. Last year more than {d} "
        "thousand tourists travelled between the two countries.",
        "“Transport corridors remain our priority. We expect cargo traffic to reach {a} million tonnes,” "
        "the head of government said.",
        "Following the meeting, {b} documents were signed on energy, water management and education.",
    ],
}
SEED_SIZE = 2700


def _grow(r: random.Random, lang: str, text: str) -> str:
    """Append paragraphs from MORE (cycling, with fresh numbers) until the text is seed-sized."""
    extra, i, start = [], 0, r.randrange(len(MORE[lang]))
    while len(text) + sum(len(x) + 1 for x in extra) < SEED_SIZE:
        template = MORE[lang][(start + i) % len(MORE[lang])]
        extra.append(template.format(a=r.randint(2, 90), b=r.randint(2, 40), c=r.randint(10, 900),
                                     d=r.randint(5, 300)))
        i += 1
    return text + "\n".join(extra) + "\n"


def articles(count: int, languages: tuple[str, ...] = ("kk", "ru", "en"), seed: int = 7,
             seed_sized: bool = False) -> Iterator[SynthArticle]:
    """`count` articles cycling through the languages; deterministic for a seed. ``seed_sized``
    lengthens each to about the seed corpus's article length (~2,700 characters)."""
    r = random.Random(seed)
    for n in range(count):
        lang = languages[n % len(languages)]
        text = WRITERS[lang](r, n)
        if seed_sized:
            text = _grow(r, lang, text)
        yield SynthArticle(f"synth-{lang}-{n:06d}", lang, text)
