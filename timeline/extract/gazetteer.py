"""Countries, big cities, leaders and positions that NER alone does not type or link.

Keys are lower-case nominative forms (what `span.normalize` and lemmas give). A capital is deliberately
not a country alias: "Пхеньян" names a city; only the fact rules read it as the state when it acts.
"""

from __future__ import annotations

from dataclasses import dataclass

from timeline.domain.ids import slugify
from timeline.extract.lexicon import learnt


@dataclass(frozen=True, slots=True)
class Country:
    iso: str
    name: str
    aliases: tuple[str, ...]
    adjectives: tuple[str, ...]
    capital: str | None = None


COUNTRIES: tuple[Country, ...] = (
    Country("ru", "Россия", ("рф", "российская федерация", "россия"), ("российский", "русский"), "moscow"),
    Country("kp", "КНДР", ("кндр", "северная корея", "корейская народно-демократическая республика"),
            ("северокорейский",), "pyongyang"),
    Country("kr", "Южная Корея", ("южная корея", "республика корея"), ("южнокорейский",), "seoul"),
    Country("ua", "Украина", ("украина",), ("украинский",), "kyiv"),
    Country("us", "США", ("сша", "соединенные штаты", "соединённые штаты", "соединенные штаты америки",
                          "америка"), ("американский",), "washington"),
    Country("cn", "Китай", ("китай", "кнр", "китайская народная республика"), ("китайский",), "beijing"),
    Country("by", "Беларусь", ("беларусь", "белоруссия", "республика беларусь"), ("белорусский",), "minsk"),
    Country("kz", "Казахстан", ("казахстан",), ("казахстанский",), "astana"),
    Country("uz", "Узбекистан", ("узбекистан",), ("узбекский",), "tashkent"),
    Country("kg", "Киргизия", ("киргизия", "кыргызстан"), ("киргизский",), "bishkek"),
    Country("tj", "Таджикистан", ("таджикистан",), ("таджикский",), "dushanbe"),
    Country("tm", "Туркмения", ("туркмения", "туркменистан"), ("туркменский",), "ashgabat"),
    Country("am", "Армения", ("армения",), ("армянский",), "yerevan"),
    Country("az", "Азербайджан", ("азербайджан",), ("азербайджанский",), "baku"),
    Country("ge", "Грузия", ("грузия",), ("грузинский",), "tbilisi"),
    Country("md", "Молдавия", ("молдавия", "молдова"), ("молдавский",), "chisinau"),
    Country("jp", "Япония", ("япония",), ("японский",), "tokyo"),
    Country("in", "Индия", ("индия",), ("индийский",), "new-delhi"),
    Country("ir", "Иран", ("иран",), ("иранский",), "tehran"),
    Country("iq", "Ирак", ("ирак",), ("иракский",), "baghdad"),
    Country("sy", "Сирия", ("сирия",), ("сирийский",), "damascus"),
    Country("tr", "Турция", ("турция",), ("турецкий",), "ankara"),
    Country("il", "Израиль", ("израиль",), ("израильский",), "jerusalem"),
    Country("ps", "Палестина", ("палестина",), ("палестинский",), None),
    Country("eg", "Египет", ("египет",), ("египетский",), "cairo"),
    Country("sa", "Саудовская Аравия", ("саудовская аравия",), ("саудовский",), "riyadh"),
    Country("af", "Афганистан", ("афганистан",), ("афганский",), "kabul"),
    Country("pk", "Пакистан", ("пакистан",), ("пакистанский",), "islamabad"),
    Country("de", "Германия", ("германия", "фрг"), ("немецкий", "германский"), "berlin"),
    Country("fr", "Франция", ("франция",), ("французский",), "paris"),
    Country("gb", "Великобритания", ("великобритания", "британия", "англия", "соединенное королевство"),
            ("британский", "английский"), "london"),
    Country("it", "Италия", ("италия",), ("итальянский",), "rome"),
    Country("es", "Испания", ("испания",), ("испанский",), "madrid"),
    Country("pl", "Польша", ("польша",), ("польский",), "warsaw"),
    Country("cz", "Чехия", ("чехия",), ("чешский",), "prague"),
    Country("hu", "Венгрия", ("венгрия",), ("венгерский",), "budapest"),
    Country("ro", "Румыния", ("румыния",), ("румынский",), "bucharest"),
    Country("bg", "Болгария", ("болгария",), ("болгарский",), "sofia"),
    Country("rs", "Сербия", ("сербия",), ("сербский",), "belgrade"),
    Country("fi", "Финляндия", ("финляндия",), ("финский", "финляндский"), "helsinki"),
    Country("se", "Швеция", ("швеция",), ("шведский",), "stockholm"),
    Country("no", "Норвегия", ("норвегия",), ("норвежский",), "oslo"),
    Country("ee", "Эстония", ("эстония",), ("эстонский",), "tallinn"),
    Country("lv", "Латвия", ("латвия",), ("латвийский",), "riga"),
    Country("lt", "Литва", ("литва",), ("литовский",), "vilnius"),
    Country("nl", "Нидерланды", ("нидерланды", "голландия"), ("нидерландский", "голландский"), "amsterdam"),
    Country("be", "Бельгия", ("бельгия",), ("бельгийский",), "brussels"),
    Country("ch", "Швейцария", ("швейцария",), ("швейцарский",), "bern"),
    Country("at", "Австрия", ("австрия",), ("австрийский",), "vienna"),
    Country("gr", "Греция", ("греция",), ("греческий",), "athens"),
    Country("ca", "Канада", ("канада",), ("канадский",), "ottawa"),
    Country("mx", "Мексика", ("мексика",), ("мексиканский",), "mexico-city"),
    Country("br", "Бразилия", ("бразилия",), ("бразильский",), "brasilia"),
    Country("ar", "Аргентина", ("аргентина",), ("аргентинский",), "buenos-aires"),
    Country("ve", "Венесуэла", ("венесуэла",), ("венесуэльский",), "caracas"),
    Country("cu", "Куба", ("куба",), ("кубинский",), "havana"),
    Country("pe", "Перу", ("перу",), ("перуанский",), "lima"),
    Country("au", "Австралия", ("австралия",), ("австралийский",), "canberra"),
    Country("vn", "Вьетнам", ("вьетнам",), ("вьетнамский",), "hanoi"),
    Country("mn", "Монголия", ("монголия",), ("монгольский",), "ulaanbaatar"),
    Country("za", "ЮАР", ("юар", "южно-африканская республика"), ("южноафриканский",), "pretoria"),
    Country("su", "СССР", ("ссср", "советский союз"), ("советский",), "moscow"),
    Country("ml", "Мали", ("мали",), ("малийский",), "bamako"),
    Country("zw", "Зимбабве", ("зимбабве",), ("зимбабвийский",), "harare"),
    Country("id", "Индонезия", ("индонезия",), ("индонезийский",), "jakarta"),
    Country("va", "Ватикан", ("ватикан",), ("ватиканский",), None),
    Country("dk", "Дания", ("дания",), ("датский",), "copenhagen"),
    Country("ie", "Ирландия", ("ирландия",), ("ирландский",), "dublin"),
    Country("pt", "Португалия", ("португалия",), ("португальский",), "lisbon"),
    Country("sk", "Словакия", ("словакия",), ("словацкий",), "bratislava"),
    Country("si", "Словения", ("словения",), ("словенский",), "ljubljana"),
    Country("hr", "Хорватия", ("хорватия",), ("хорватский",), "zagreb"),
    Country("ba", "Босния и Герцеговина", ("босния и герцеговина", "босния"), ("боснийский",), "sarajevo"),
    Country("me", "Черногория", ("черногория",), ("черногорский",), "podgorica"),
    Country("mk", "Северная Македония", ("северная македония", "македония"), ("македонский",), "skopje"),
    Country("al", "Албания", ("албания",), ("албанский",), "tirana"),
    Country("cy", "Кипр", ("кипр",), ("кипрский",), "nicosia"),
    Country("is", "Исландия", ("исландия",), ("исландский",), "reykjavik"),
    Country("lu", "Люксембург", ("люксембург",), ("люксембургский",), None),
    Country("kw", "Кувейт", ("кувейт",), ("кувейтский",), None),
    Country("ae", "ОАЭ", ("оаэ", "объединенные арабские эмираты", "объединённые арабские эмираты"),
            ("эмиратский",), "abu-dhabi"),
    Country("qa", "Катар", ("катар",), ("катарский",), "doha"),
    Country("jo", "Иордания", ("иордания",), ("иорданский",), "amman"),
    Country("lb", "Ливан", ("ливан",), ("ливанский",), "beirut"),
    Country("ye", "Йемен", ("йемен",), ("йеменский",), "sanaa"),
    Country("ly", "Ливия", ("ливия",), ("ливийский",), "tripoli"),
    Country("tn", "Тунис", ("тунис",), ("тунисский",), None),
    Country("dz", "Алжир", ("алжир",), ("алжирский",), None),
    Country("ma", "Марокко", ("марокко",), ("марокканский",), "rabat"),
    Country("sd", "Судан", ("судан",), ("суданский",), "khartoum"),
    Country("et", "Эфиопия", ("эфиопия",), ("эфиопский",), "addis-ababa"),
    Country("ng", "Нигерия", ("нигерия",), ("нигерийский",), "abuja"),
    Country("ke", "Кения", ("кения",), ("кенийский",), "nairobi"),
    Country("th", "Таиланд", ("таиланд", "тайланд"), ("тайский", "таиландский"), "bangkok"),
    Country("my", "Малайзия", ("малайзия",), ("малайзийский",), "kuala-lumpur"),
    Country("sg", "Сингапур", ("сингапур",), ("сингапурский",), None),
    Country("ph", "Филиппины", ("филиппины",), ("филиппинский",), "manila"),
    Country("bd", "Бангладеш", ("бангладеш",), ("бангладешский",), "dhaka"),
    Country("lk", "Шри-Ланка", ("шри-ланка",), ("шри-ланкийский",), "colombo"),
    Country("np", "Непал", ("непал",), ("непальский",), "kathmandu"),
    Country("mm", "Мьянма", ("мьянма", "бирма"), ("мьянманский",), None),
    Country("nz", "Новая Зеландия", ("новая зеландия",), ("новозеландский",), "wellington"),
    Country("cl", "Чили", ("чили",), ("чилийский",), "santiago"),
    Country("co", "Колумбия", ("колумбия",), ("колумбийский",), "bogota"),
    Country("ec", "Эквадор", ("эквадор",), ("эквадорский",), "quito"),
    Country("bo", "Боливия", ("боливия",), ("боливийский",), None),
    Country("uy", "Уругвай", ("уругвай",), ("уругвайский",), "montevideo"),
    Country("py", "Парагвай", ("парагвай",), ("парагвайский",), None),
    Country("ni", "Никарагуа", ("никарагуа",), ("никарагуанский",), None),
    Country("ht", "Гаити", ("гаити",), ("гаитянский",), None),
)  # fmt: skip

# Relational adjectives of cities ("московского суда") that NEREL marks as the city.
CITY_ADJECTIVES: dict[str, str] = {
    "московский": "москва", "лондонский": "лондон", "петербургский": "санкт-петербург",
    "парижский": "париж", "берлинский": "берлин", "киевский": "киев", "пекинский": "пекин",
    "вашингтонский": "вашингтон", "нью-йоркский": "нью-йорк", "ереванский": "ереван",
    "минский": "минск", "токийский": "токио", "римский": "рим", "венский": "вена",
}  # fmt: skip

# Russian names of cities whose slug should be the familiar English one, not a transliteration.
CITIES: dict[str, str] = {
    "москва": "moscow", "пхеньян": "pyongyang", "сеул": "seoul", "киев": "kyiv", "вашингтон": "washington",
    "пекин": "beijing", "минск": "minsk", "астана": "astana", "ташкент": "tashkent", "бишкек": "bishkek",
    "душанбе": "dushanbe", "ашхабад": "ashgabat", "ереван": "yerevan", "баку": "baku", "тбилиси": "tbilisi",
    "кишинев": "chisinau", "кишинёв": "chisinau", "токио": "tokyo", "нью-дели": "new-delhi",
    "тегеран": "tehran", "багдад": "baghdad", "дамаск": "damascus", "анкара": "ankara",
    "стамбул": "istanbul", "иерусалим": "jerusalem", "тель-авив": "tel-aviv", "каир": "cairo",
    "эр-рияд": "riyadh", "кабул": "kabul", "исламабад": "islamabad", "берлин": "berlin", "париж": "paris",
    "лондон": "london", "рим": "rome", "мадрид": "madrid", "варшава": "warsaw", "прага": "prague",
    "будапешт": "budapest", "бухарест": "bucharest", "софия": "sofia", "белград": "belgrade",
    "хельсинки": "helsinki", "стокгольм": "stockholm", "осло": "oslo", "таллин": "tallinn",
    "рига": "riga", "вильнюс": "vilnius", "амстердам": "amsterdam", "брюссель": "brussels",
    "берн": "bern", "женева": "geneva", "вена": "vienna", "афины": "athens", "оттава": "ottawa",
    "мехико": "mexico-city", "бразилиа": "brasilia", "буэнос-айрес": "buenos-aires", "каракас": "caracas",
    "гавана": "havana", "лима": "lima", "канберра": "canberra", "ханой": "hanoi",
    "улан-батор": "ulaanbaatar", "претория": "pretoria", "нью-йорк": "new-york",
    "санкт-петербург": "saint-petersburg", "петербург": "saint-petersburg", "новосибирск": "novosibirsk",
    "екатеринбург": "yekaterinburg", "казань": "kazan", "нижний новгород": "nizhny-novgorod",
    "владивосток": "vladivostok", "сочи": "sochi", "курск": "kursk", "белгород": "belgorod",
    "харьков": "kharkiv", "одесса": "odesa", "львов": "lviv", "донецк": "donetsk", "луганск": "luhansk",
    "лос-анджелес": "los-angeles", "шанхай": "shanghai", "гонконг": "hong-kong", "дубай": "dubai",
    "уфа": "ufa", "красноярск": "krasnoyarsk", "барнаул": "barnaul", "омск": "omsk", "томск": "tomsk",
    "самара": "samara", "челябинск": "chelyabinsk", "пермь": "perm", "воронеж": "voronezh",
    "волгоград": "volgograd", "ростов-на-дону": "rostov-on-don", "краснодар": "krasnodar",
    "саратов": "saratov", "тюмень": "tyumen", "иркутск": "irkutsk", "хабаровск": "khabarovsk",
    "калининград": "kaliningrad", "мурманск": "murmansk", "архангельск": "arkhangelsk",
    "ярославль": "yaroslavl", "тула": "tula", "севастополь": "sevastopol", "симферополь": "simferopol",
    "грозный": "grozny", "махачкала": "makhachkala", "якутск": "yakutsk", "норильск": "norilsk",
    "сан-франциско": "san-francisco", "чикаго": "chicago", "бостон": "boston", "майами": "miami",
    "хьюстон": "houston", "лас-вегас": "las-vegas", "торонто": "toronto", "монреаль": "montreal",
    "ванкувер": "vancouver", "сидней": "sydney", "мельбурн": "melbourne", "барселона": "barcelona",
    "милан": "milan", "неаполь": "naples", "венеция": "venice", "флоренция": "florence",
    "мюнхен": "munich", "гамбург": "hamburg", "франкфурт": "frankfurt", "кельн": "cologne",
    "марсель": "marseille", "лион": "lyon", "ницца": "nice", "манчестер": "manchester",
    "ливерпуль": "liverpool", "эдинбург": "edinburgh", "глазго": "glasgow", "дублин": "dublin",
    "копенгаген": "copenhagen", "лиссабон": "lisbon", "братислава": "bratislava", "загреб": "zagreb",
    "сараево": "sarajevo", "джакарта": "jakarta", "бангкок": "bangkok", "манила": "manila",
    "сингапур": "singapore", "куала-лумпур": "kuala-lumpur", "мумбаи": "mumbai", "дели": "delhi",
    "карачи": "karachi", "доха": "doha", "абу-даби": "abu-dhabi", "бейрут": "beirut", "амман": "amman",
    "хартум": "khartoum", "найроби": "nairobi", "лагос": "lagos", "абуджа": "abuja", "хараре": "harare",
    "бамако": "bamako", "йоханнесбург": "johannesburg", "кейптаун": "cape-town", "рио-де-жанейро": "rio",
    "сан-паулу": "sao-paulo", "богота": "bogota", "сантьяго": "santiago", "монтевидео": "montevideo",
    "кито": "quito", "гуанчжоу": "guangzhou", "шэньчжэнь": "shenzhen", "ухань": "wuhan",
    "осака": "osaka", "киото": "kyoto", "пусан": "busan", "вонсан": "wonsan", "алма-ата": "almaty",
    "алматы": "almaty", "самарканд": "samarkand", "гюмри": "gyumri", "батуми": "batumi",
    "гродно": "grodno", "брест": "brest", "гомель": "gomel", "витебск": "vitebsk", "могилев": "mogilev",
    "днепр": "dnipro", "запорожье": "zaporizhzhia", "херсон": "kherson", "мариуполь": "mariupol",
    "николаев": "mykolaiv", "сумы": "sumy", "чернигов": "chernihiv", "полтава": "poltava",
    "ватикан": "vatican",
}  # fmt: skip

# Leaders the texts name without their country (a party to what they sign), by canonical name, with
# the bare surnames news use for them.
LEADERS: dict[str, tuple[str, tuple[str, ...]]] = {
    "Владимир Путин": ("ru", ("путин",)), "Дмитрий Медведев": ("ru", ("медведев",)),
    "Михаил Мишустин": ("ru", ("мишустин",)), "Сергей Лавров": ("ru", ("лавров",)),
    "Ким Чен Ын": ("kp", ()), "Владимир Зеленский": ("ua", ("зеленский",)), "Си Цзиньпин": ("cn", ()),
    "Дональд Трамп": ("us", ("трамп",)), "Джо Байден": ("us", ("байден",)),
    "Александр Лукашенко": ("by", ("лукашенко",)), "Реджеп Тайип Эрдоган": ("tr", ("эрдоган",)),
    "Нарендра Моди": ("in", ("моди",)), "Ли Чжэ Мён": ("kr", ()), "Эммануэль Макрон": ("fr", ("макрон",)),
    "Олаф Шольц": ("de", ("шольц",)), "Касым-Жомарт Токаев": ("kz", ("токаев",)),
}  # fmt: skip
_LEADER_BY_NAME: dict[str, tuple[str, str]] = {}
for _name, (_iso, _surnames) in LEADERS.items():
    for _key in (_name.lower(), *_surnames):
        _LEADER_BY_NAME[_key] = (_iso, _name)

# Longest first, so "заместитель министра обороны" wins over "министр".
POSITIONS: tuple[str, ...] = tuple(
    sorted(
        {
            "заместитель министра обороны", "министр обороны", "министр иностранных дел",
            "заместитель министра иностранных дел", "министр внутренних дел", "министр финансов",
            "министр", "заместитель министра", "замминистра", "посол", "чрезвычайный и полномочный посол",
            "президент", "вице-президент", "премьер-министр", "премьер", "вице-премьер", "глава",
            "глава государства", "глава правительства", "глава мид", "директор", "генеральный директор",
            "председатель", "заместитель председателя", "председатель правительства", "губернатор",
            "мэр", "спикер", "канцлер", "король", "лидер", "генеральный секретарь", "генсек",
            "командующий", "главнокомандующий", "начальник генерального штаба", "начальник генштаба",
            "пресс-секретарь", "секретарь совета безопасности", "депутат", "сенатор", "советник",
            "руководитель", "глава минобороны", "верховный главнокомандующий",
            "официальный представитель", "представитель", "прокурор", "генеральный прокурор", "судья",
            "посланник", "атташе", "консул", "генеральный консул", "полковник", "генерал",
            "генерал-лейтенант", "генерал-полковник", "генерал армии", "маршал",
            "госсекретарь", "государственный секретарь", "вице-канцлер", "королева", "принц", "принцесса",
            "кронпринц", "император", "императрица", "монарх", "папа римский", "кардинал", "патриарх",
            "муфтий", "митрополит", "журналист", "корреспондент", "редактор", "главный редактор", "писатель",
            "поэт", "артист", "актер", "актёр", "актриса", "певец", "певица", "музыкант", "композитор",
            "пианист", "дирижер", "дирижёр", "режиссер", "режиссёр", "продюсер", "художник", "дизайнер",
            "рэпер", "блогер", "политик", "политолог", "дипломат", "чиновник", "юрист", "адвокат",
            "нотариус", "следователь", "полицейский", "детектив", "врач", "доктор", "хирург", "медсестра",
            "профессор", "академик", "ученый", "учёный", "исследователь", "инженер", "конструктор",
            "изобретатель", "экономист", "аналитик", "эксперт", "бизнесмен", "предприниматель",
            "миллиардер", "банкир", "менеджер", "основатель", "сооснователь", "владелец", "совладелец",
            "тренер", "главный тренер", "спортсмен", "футболист", "хоккеист", "теннисист", "боксер",
            "боксёр", "шахматист", "капитан", "майор", "подполковник", "лейтенант", "сержант", "адмирал",
            "вице-адмирал", "контр-адмирал", "исполнительный директор",
            "финансовый директор", "технический директор", "президент компании", "управляющий",
            "управляющий директор", "управляющий партнер", "управляющий партнёр",
            "член правления", "председатель правления", "председатель совета директоров", "омбудсмен",
            "уполномоченный по правам человека", "министр здравоохранения", "министр юстиции",
            "министр экономики", "министр энергетики", "министр образования", "министр культуры",
            "вице-мэр", "градоначальник", "председатель госдумы",
            "спикер парламента", "конгрессмен", "биограф", "историк", "философ",
        },
        key=lambda p: (-len(p.split()), -len(p)),
    )
)  # fmt: skip

_BY_NAME: dict[str, Country] = {}
_BY_ADJECTIVE: dict[str, Country] = {}
_BY_ISO: dict[str, Country] = {}
_CAPITALS: dict[str, Country] = {}
for _c in COUNTRIES:
    _BY_ISO[_c.iso] = _c
    _BY_NAME[_c.name.lower()] = _c
    for _alias in _c.aliases:
        _BY_NAME[_alias] = _c
    for _adjective in _c.adjectives:
        _BY_ADJECTIVE[_adjective] = _c
    if _c.capital is not None and _c.capital not in _CAPITALS:
        _CAPITALS[_c.capital] = _c


def country_named(name: str) -> Country | None:
    """The country a nominative name or alias names ("РФ", "Северная Корея")."""
    return _BY_NAME.get(" ".join(name.lower().replace("ё", "е").split())) or _BY_NAME.get(name.lower())


def country_of_adjective(lemma: str) -> Country | None:
    """The country a relational adjective points to ("северокорейский" -> КНДР)."""
    return _BY_ADJECTIVE.get(lemma.lower())


def city_of_adjective(lemma: str) -> str | None:
    """The city a relational adjective points to ("московского" -> "москва")."""
    return CITY_ADJECTIVES.get(lemma.lower())


def country_by_iso(iso: str) -> Country:
    return _BY_ISO[iso]


# Cities NEREL train marks (by lemma) in at least this share of their occurrences; the share was chosen
# on train's held-out tenth (eval/learn_lexicon.py).
_LEARNT_CITY_SHARE = 0.3
_ADJECTIVE_ENDINGS = ("ский", "цкий")


def _learnt_city(name: str) -> bool:
    """A city only the NEREL lexicon knows ("Рязань", "Кембридж"); relational adjectives are left to
    CITY_ADJECTIVES, which knows the city they point to."""
    lemmas = tuple(name.lower().replace("ё", "е").split())
    if not lemmas or lemmas[-1].endswith(_ADJECTIVE_ENDINGS):
        return False
    return lemmas in learnt("CITY", _LEARNT_CITY_SHARE, 1)


def city_slug(name: str) -> str | None:
    known = CITIES.get(name.lower())
    if known is None and _learnt_city(name):
        return slugify(name)
    return known


def country_of_capital(city: str) -> Country | None:
    """The state a capital stands for when it acts ("Пхеньян направил ...")."""
    slug = CITIES.get(city.lower())
    return _CAPITALS.get(slug) if slug is not None else None


def leader_named(name: str) -> str | None:
    """The canonical name of a leader named in full or by surname ("Путин" -> "Владимир Путин")."""
    found = _LEADER_BY_NAME.get(name.lower())
    return found[1] if found is not None else None


def country_of_leader(name: str) -> Country | None:
    found = _LEADER_BY_NAME.get(name.lower())
    return _BY_ISO[found[0]] if found is not None else None
