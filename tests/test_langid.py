"""Language detection: kk/ru/en accepted, Kyrgyz, Uzbek and others rejected by name.

All sentences below were written for this test in the style of government press releases.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from archive.extract.langid import UnsupportedLanguage, detect_language
from archive.read.text import split_front_matter

KK = [
    "Мемлекет басшысы Қасым-Жомарт Тоқаев Ақордада Түрікменстанның Сыртқы істер министрі Рашид Мередовты қабылдады.",
    "Тараптар екіжақты ынтымақтастықтың өзекті мәселелерін талқылады.",
    "Кездесу барысында сауда-экономикалық байланыстарды нығайтуға ерекше назар аударылды.",
    "Президент екі ел арасындағы тауар айналымы өткен жылы 15 пайызға өскенін атап өтті.",
    "«Біз көлік-логистика саласындағы бірлескен жобаларды қолдауға дайынбыз», – деді Мемлекет басшысы.",
    "Келіссөздер кеңейтілген құрамда жалғасты.",
    "Сапар аясында бірқатар құжатқа қол қойылды.",
    "Премьер-министр Олжас Бектенов Моңғолия Үкіметінің делегациясымен кездесті.",
    "Ол Қазақстан Орталық Азиядағы өңірлік интеграцияны жақтайтынын айтты.",
    "Екі министр халықаралық ұйымдар аясындағы өзара қолдауды жоғары бағалады.",
    "Бұл туралы Үкіметтің баспасөз қызметі хабарлады.",
    "Мемлекет басшысы Владимир Путинмен телефон арқылы сөйлесті.",
    "Астанада Қазақстан мен Қырғызстан арасындағы Жоғары мемлекетаралық кеңестің отырысы өтті. "
    "Садыр Жапаров пен Қасым-Жомарт Тоқаев су-энергетика саласындағы ынтымақтастықты талқылады. "
    "Тараптар 2030 жылға дейін өзара сауда көлемін 3 млрд долларға жеткізу міндетін қойды.",
    "Сыртқы істер министрі Мұрат Нұртілеу Еуропалық одақтың арнайы өкілімен кездесті.",
]

RU = [
    "Президент Казахстана Касым-Жомарт Токаев провел переговоры с Президентом Кыргызстана Садыром Жапаровым.",
    "Стороны обсудили вопросы торгово-экономического сотрудничества.",
    "Встреча прошла в Акорде.",
    "Глава государства принял министра иностранных дел Туркменистана Рашида Мередова.",
    "По словам Премьер-министра, товарооборот между странами в прошлом году вырос на 15%.",
    "В мероприятии приняли участие Мұрат Нұртілеу и Ерлан Қошанов.",
    "Мұхтар Тілеуберді провёл встречу с послом Японии в Астане.",
    "— Мы готовы развивать совместные проекты в энергетике, — сказал Олжас Бектенов.",
    "Переговоры продолжились в расширенном составе.",
    "Подписан ряд документов.",
    "Жақсылық Үмбетов встретился с делегацией Казахстана.",
    "Касым-Жомарт Токаев и Шавкат Мирзиёев обсудили ход реализации совместных проектов.",
    "Глава МИД Казахстана подчеркнул, что Астана выступает за укрепление роли ООН. "
    "Он также отметил, что объем взаимной торговли превысил 4 млрд долларов. "
    "Стороны договорились провести очередное заседание межправкомиссии в Ташкенте.",
    "Открытие бизнес-форума «Қазақстан – Ресей: жаңа мүмкіндіктер» состоится в Алматы.",
]

EN = [
    "President Kassym-Jomart Tokayev received the Foreign Minister of Turkmenistan Rashid Meredov at the Akorda.",
    "The sides discussed trade and economic cooperation.",
    "Talks continued in an expanded format.",
    "Bilateral trade grew by 15 percent last year, the President noted.",
    "Kazakhstan and Uzbekistan signed twelve agreements worth $1.2 billion.",
    "“We are ready to expand joint projects in energy,” Prime Minister Olzhas Bektenov said.",
    "Several documents were signed.",
    "According to the Kazakh leader, the two countries share a long history of friendship.",
    "Tokayev thanked Scholz for the warm welcome in Berlin.",
    "The meeting took place in Astana on 3 April 2024.",
    "The motto «Әділетті Қазақстан» was cited by the minister in his speech to the diplomatic corps.",
    "Foreign Minister Murat Nurtleu met with the Turkish Ambassador Ahmet Gün. The diplomats reviewed "
    "preparations for the upcoming visit of President Erdoğan to Astana.",
]

KY = [
    "Кыргыз Республикасынын Президенти Садыр Жапаров Казакстандын Президенти Касым-Жомарт Токаев менен телефон аркылуу сүйлөштү.",
    "Тараптар эки өлкөнүн ортосундагы соода-экономикалык кызматташтыкты талкуулашты.",
    "Жолугушуунун жыйынтыгында бир катар документтерге кол коюлду.",
    "Министрлер Кабинетинин Төрагасы Акылбек Жапаров Бишкекте казакстандык делегацияны кабыл алды.",
    "Президент эки өлкөнүн соода жүгүртүүсү былтыр 20 пайызга өскөнүн белгиледи.",
    "Биз Казакстан менен стратегиялык өнөктөштүктү мындан ары да чыңдоого даярбыз, деди ал.",
    "Сүйлөшүүлөр кеңейтилген курамда уланды.",
    "Тараптар суу-энергетика тармагындагы долбоорлорду ишке ашыруу маселелерин карашты.",
    "Кыргызстан менен Казакстандын ортосундагы чек ара маселелери толук чечилди.",
    "Жогорку Кеңештин Төрагасы Нурланбек Шакиев Астанада расмий иш сапары менен болду.",
    "Эки өлкөнүн лидерлери аймактык коопсуздук маселелерин да талкуулашты.",
    "Жылдын аягына чейин жаңы логистикалык борбор ишке киргизилет.",
]

UZ = [
    "Ўзбекистон Республикаси Президенти Шавкат Мирзиёев Қозоғистон Президенти Қосим-Жомарт Тоқаев билан телефон орқали мулоқот қилди.",
    "Томонлар икки мамлакат ўртасидаги савдо-иқтисодий ҳамкорликни муҳокама қилдилар.",
    "Учрашувда энергетика ва транспорт соҳаларидаги лойиҳаларга алоҳида эътибор қаратилди.",
    "Ўзаро савдо ҳажми ўтган йили 4,4 миллиард долларга етди.",
    "Бош вазир Абдулла Арипов қозоғистонлик ҳамкасби билан учрашди.",
    "Музокаралар якунида бир қатор ҳужжатлар имзоланди.",
    "Президент ташриф доирасида саноат корхоналарини бориб кўрди.",
    "Биз ҳамкорликни янада кенгайтиришга тайёрмиз, деди давлат раҳбари.",
    "Икки давлат раҳбарлари минтақавий хавфсизлик масалаларини ҳам кўриб чиқдилар.",
    "Тошкентда Ўзбекистон ва Қозоғистон ҳукуматлараро комиссиясининг навбатдаги йиғилиши бўлиб ўтди.",
    "Мулоқот дўстона руҳда ўтди.",
]

OTHER = [  # (text, expected code in the message)
    ("Oʻzbekiston Respublikasi Prezidenti Shavkat Mirziyoyev Qozogʻiston Prezidenti bilan uchrashdi.", "uz"),
    ("Tomonlar ikki davlat oʻrtasidagi savdo-iqtisodiy hamkorlikni muhokama qildi.", "uz"),
    ("Cumhurbaşkanı Recep Tayyip Erdoğan, Kazakistan Cumhurbaşkanı ile Ankara'da görüştü.", "tr"),
    ("İki ülke arasındaki ticaret hacmi geçen yıl yüzde 20 arttı.", "tr"),
    ("Bundeskanzler Olaf Scholz empfing den Präsidenten Kasachstans im Kanzleramt.", "de"),
    ("Die beiden Seiten unterzeichneten mehrere Abkommen über die Zusammenarbeit.", "de"),
    ("Le président français a reçu son homologue kazakh au palais de l'Élysée.", "fr"),
    ("Президент України провів переговори з президентом Казахстану у Києві.", "uk"),
    ("Қазақстан Президенті 中华人民共和国主席习近平会见哈萨克斯坦总统托卡耶夫。两国元首进行了会谈。", "zh"),
]


@pytest.mark.parametrize("text", KK)
def test_kazakh(text: str) -> None:
    assert detect_language(text) == "kk"


@pytest.mark.parametrize("text", RU)
def test_russian(text: str) -> None:
    assert detect_language(text) == "ru"


@pytest.mark.parametrize("text", EN)
def test_english(text: str) -> None:
    assert detect_language(text) == "en"


@pytest.mark.parametrize("text", KY)
def test_kyrgyz_rejected(text: str) -> None:
    with pytest.raises(UnsupportedLanguage, match=r"ky \(Kyrgyz\)"):
        detect_language(text)


@pytest.mark.parametrize("text", UZ)
def test_uzbek_cyrillic_rejected(text: str) -> None:
    with pytest.raises(UnsupportedLanguage, match=r"uz \(Uzbek\)"):
        detect_language(text)


@pytest.mark.parametrize(("text", "code"), OTHER)
def test_other_languages_rejected(text: str, code: str) -> None:
    with pytest.raises(UnsupportedLanguage) as err:
        detect_language(text)
    assert err.value.guess.startswith(code + " ")


def test_no_letters() -> None:
    with pytest.raises(UnsupportedLanguage):
        detect_language("2024 — 15 %, 3,5 $")


def test_unsupported_is_value_error() -> None:
    assert issubclass(UnsupportedLanguage, ValueError)


CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


@pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus not present")
def test_dev_corpus_all_correct() -> None:
    files = sorted(CORPUS.glob("*.txt"))
    assert files
    for path in files:
        _, body = split_front_matter(path.read_text(encoding="utf-8"))
        assert detect_language(body) == path.name[:2], path.name
        for para in (p for p in body.split("\n") if len(p) > 40):
            assert detect_language(para) == path.name[:2], (path.name, para[:60])
