"""Meeting topics as written, on sentences we wrote: where a list of discussed subjects starts and
ends, how it splits into topics, and which words around an item are no part of it."""
from __future__ import annotations

import pytest

from archive.extract.pipeline import extract_article
from archive.read.text import article_from_text

LISTS = [
    # a Kazakh passive with no frame word: the list opens the sentence
    ("kk", "Көлік, энергетика және су ресурстары мәселелері талқыланды.", ["Көлік", "энергетика", "су ресурстары"]),
    # no subject word: the list follows the counterpart in the comitative, or a converb and its comma
    ("kk", "Әкім Жапония елшісімен туризм және білім беру мәселелерін талқылады.", ["туризм", "білім беру"]),
    ("kk", "Министр елшімен кездесу өткізіп, цифрландыру және ғылым сұрақтарын талқылады.", ["цифрландыру", "ғылым"]),
    # a sphere word ends the spheres; what follows it is a topic of its own …
    ("kk", "Кездесуде туризм, мәдениет салаларында бірлескен жобаларды іске асыру мәселелері қаралды.",
     ["туризм", "мәдениет", "бірлескен жобалар"]),
    # … unless it only says "cooperation"
    ("kk", "Тараптар туризм және мәдениет салаларындағы екіжақты ынтымақтастықты дамыту мәселелерін талқылады.",
     ["туризм", "мәдениет"]),
    # two conjuncts with one possessor are one topic; "басқа да" is no topic
    ("kk", "Президенттер екі ел серіктестігі мен одақтастығының қазіргі жағдайын талқылады.",
     ["екі ел серіктестігі мен одақтастығы"]),
    ("kk", "Тараптар энергетика және басқа да мәселелерді талқылады.", ["энергетика"]),
    ("kk", "Тараптар екіжақты қарым-қатынастардың ахуалы мен келешегін талқылады.",
     ["екіжақты қарым-қатынастардың ахуалы"]),
    # a pair of adjectives opening the list shares its head; a pair of nouns does not
    ("kk", "Тараптар өңірлік және халықаралық күн тәртібіндегі мәселелерді талқылады.",
     ["өңірлік және халықаралық күн тәртібі"]),
    ("kk", "Тараптар денсаулық және білім беру мәселелерін талқылады.", ["денсаулық", "білім беру"]),
    # talking about, exchanging views on
    ("kk", "Тараптар Ауғанстандағы жағдай мен су ресурстары төңірегінде пікір алмасты.",
     ["Ауғанстандағы жағдай", "су ресурстары"]),
    ("ru", "Речь шла о развитии туризма, модернизации сельского хозяйства и строительстве дорог.",
     ["развитии туризма", "модернизации сельского хозяйства", "строительстве дорог"]),
    # a Russian passive: the list follows the verb unless only a frame does
    ("ru", "В ходе встречи были обсуждены вопросы энергетики и транспорта.", ["энергетики", "транспорта"]),
    ("ru", "Энергетика и транспорт были обсуждены на встрече.", ["Энергетика", "транспорт"]),
    # adjectives share the next head; names stay with theirs; places in a case form go with the item before
    ("ru", "Стороны обсудили вопросы региональной и международной повестки.",
     ["региональной и международной повестки"]),
    ("ru", "Стороны обсудили перспективы сотрудничества России и Казахстана.", ["сотрудничества России и Казахстана"]),
    ("ru", "Стороны обсудили строительство школ в Астане, Алматы и Шымкенте.",
     ["строительство школ в Астане, Алматы и Шымкенте"]),
    # an attribution after the list, "многие другие", a head at the end: no topic, no topic, kept
    ("ru", "Стороны обсудили торговлю и энергетику, - отмечается в сообщении.", ["торговлю", "энергетику"]),
    ("ru", "Стороны обсудили энергетику, образование и многие другие.", ["энергетику", "образование"]),
    ("ru", "Стороны рассмотрели перспективы межгосударственного сотрудничества.",
     ["межгосударственного сотрудничества"]),
    ("en", "The leaders discussed trade, energy, etc.", ["trade", "energy"]),
    ("en", "During the visit, the minister held discussions with his counterpart.", []),
    # an English passive after a relative opener
    ("en", "He met the Speaker, at which issues of inter-parliamentary ties and transit were discussed.",
     ["inter-parliamentary ties", "transit"]),
    ("en", "The sides discussed strengthening cultural and humanitarian ties.",
     ["strengthening cultural and humanitarian ties"]),
    # a list ends at a semicolon
    ("en", "They discussed the bilateral trading relationship; the minister confirmed his support.",
     ["bilateral trading relationship"]),
]


@pytest.mark.parametrize(("lang", "text", "topics"), LISTS)
def test_discussed_lists(lang: str, text: str, topics: list[str]) -> None:
    (m,) = extract_article(article_from_text(text, "t", defaults={"language": lang})).meetings
    assert list(m.topics) == topics


@pytest.mark.parametrize(("lang", "text", "topics"), [
    # a sphere of cooperation is no topic when a modifier says how good or close the ties are, or a verb opens it
    ("ru", "Стороны отметили тесное практическое взаимодействие ведомств.", []),
    ("en", "The sides noted their strong ties and fruitful partnership.", []),
    ("en", "The leaders also discussed cooperation within the Organisation of Turkic States.",
     ["Organisation of Turkic States"]),
    ("kk", "Тараптар арасында ынтымақтастық орнады.", []),
    # background names no topic of the meeting
    ("ru", "Министры встретились в Астане. К слову, товарооборот двух стран вырос.", []),
    ("en", "The ministers met in Astana. Earlier, the sides discussed energy and transit.", []),
])
def test_spheres_named_in_passing(lang: str, text: str, topics: list[str]) -> None:
    (m,) = extract_article(article_from_text(text, "t", defaults={"language": lang})).meetings
    assert list(m.topics) == topics
