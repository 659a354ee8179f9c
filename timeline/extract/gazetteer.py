"""Countries, big cities, leaders and positions that NER alone does not type or link.

Keys are lower-case nominative forms (what `span.normalize` and lemmas give). A capital is deliberately
not a country alias: "Пхеньян" names a city; only the fact rules read it as the state when it acts.
"""

from __future__ import annotations

from dataclasses import dataclass


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
)  # fmt: skip

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
}  # fmt: skip

# Heads of state the texts name without their country; a party to what they sign.
LEADERS: dict[str, str] = {
    "владимир путин": "ru", "путин": "ru", "дмитрий медведев": "ru", "ким чен ын": "kp",
    "владимир зеленский": "ua", "зеленский": "ua", "си цзиньпин": "cn", "дональд трамп": "us",
    "трамп": "us", "джо байден": "us", "байден": "us", "александр лукашенко": "by", "лукашенко": "by",
    "реджеп тайип эрдоган": "tr", "эрдоган": "tr", "нарендра моди": "in", "ли чжэ мён": "kr",
}  # fmt: skip

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


def country_by_iso(iso: str) -> Country:
    return _BY_ISO[iso]


def city_slug(name: str) -> str | None:
    return CITIES.get(name.lower())


def country_of_capital(city: str) -> Country | None:
    """The state a capital stands for when it acts ("Пхеньян направил ...")."""
    slug = CITIES.get(city.lower())
    return _CAPITALS.get(slug) if slug is not None else None


def country_of_leader(name: str) -> Country | None:
    iso = LEADERS.get(name.lower())
    return _BY_ISO[iso] if iso is not None else None
