"""Who said it: the chain from a sentence's original source to the publisher.

Three levels, tracked sentence by sentence:

* the **reporter** chain of the whole document, from "Об этом сообщает X со ссылкой на Y" (Y -> X ->
  publisher, X dropped when it is the publisher). "Об этом" points back, so this chain also covers
  the sentences before it. Without one, the base chain is just the publisher.
* a **speaker** named in a sentence — "ЦТАК подтвердил", "В ЦТАК утверждается", "сказано в сообщении
  ЦТАК", "передает X" — goes in front of the reporter chain and stays for the following sentences
  until another speaker, a commentary aside ("Интересный момент, что ...": back to the reporter
  chain) or the publisher's own voice ("Напомним", "Отметим", "Как известно": just the publisher,
  and that stays too).
* a **local** source — "по данным Z", "по словам Z", "согласно Z", "как заявил Z" — holds for its
  sentence only: Z in front of the chain in force.

Names are in the nominative ("южнокорейская разведка"), quotes stripped, and a long name that the
text abbreviates ("Центральное телеграфное агентство Кореи (ЦТАК)") is given as the abbreviation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from timeline.extract import source_names, subjects

_REPORTER_VERB = r"(?:сообщает|сообщил[аио]?|передает|передаёт|передал[аио]?|пишет|написал[аио]?|информирует)"
_LINK = re.compile(
    rf"(?:(?P<verb>{_REPORTER_VERB})\s+(?P<x>[^,;:]{{1,60}}?)\s+)?со\s+ссылкой\s+на\s+", re.IGNORECASE
)
_MEDIA = r"(?:агентство|издание|газета|телеканал|радиостанция|портал|сайт|журнал|пресс-служба|телеграм-канал)"
# "Об этом сообщила полиция" names a source whatever its case; elsewhere the verb must be followed by a
# name ("..., сообщает ТАСС") so that "пишет музыку" is not a source.
_REPORTER = re.compile(
    rf"(?<!\w)(?:об\s+этом\s+{_REPORTER_VERB}\s+"
    rf"|(?:как\s+)?{_REPORTER_VERB}\s+(?=(?-i:[A-ZА-ЯЁ])|[\"«„]|{_MEDIA}\s))",
    re.IGNORECASE,
)
_LOCAL = re.compile(
    r"(?<!\w)(?:по\s+(?:данным|словам|информации|сведениям|оценкам|оценке|сообщению|мнению|заявлению)"
    r"|согласно(?:\s+(?:данным|информации|сведениям|сообщению|заявлению|оценкам))?)\s+",
    re.IGNORECASE,
)
_AS_SAID = re.compile(
    r"(?<!\w)как\s+(?:заявил[аио]?|сообщил[аио]?|отметил[аио]?|рассказал[аио]?|подчеркнул[аио]?"
    r"|уточнил[аио]?|утверждает|утверждают)\s+",
    re.IGNORECASE,
)
_IN_MESSAGE = re.compile(
    r"(?<!\w)(?:сказано|говорится|указано|отмечается|утверждается|сообщается|подчеркивается)\s+в\s+"
    r"(?:сообщении|заявлении|пресс-релизе|публикации|докладе|релизе|материале|статье|отч[её]те|коммюнике"
    r"|телеграм-канале|канале)\s+",
    re.IGNORECASE,
)
_IN_SOURCE = re.compile(
    r"(?<!\w)[Вв]о?\s+(?P<w>[\"«„]?[A-Za-zА-Яа-яЁё][^,.;:!?]{0,60}?)\s+"
    r"(?:утверждается|сообщается|заявили|заявляют|сообщили|сообщают|отмечают|отметили|утверждают|говорится"
    r"|подчеркнули|подтвердили|считают|уверены|опровергли|рассказали|уточнили)(?!\w)"
)
# "в эфире сообщили", "в ходе брифинга заявили": where or when it was said, not who said it.
_NOT_PLACES = frozenset(
    {"эфире", "ходе", "рамках", "результате", "интервью", "течение", "итоге", "частности"}
)
_DOCUMENT_NOUNS = frozenset(
    {"сообщении", "заявлении", "поздравлении", "обращении", "письме", "докладе", "публикации", "послании",
     "пресс-релизе", "отчете", "отчёте", "telegram-канале", "телеграм-канале", "коммюнике", "постановлении"}
)  # fmt: skip
# A speaker named in passing keeps the floor for this many following sentences.
_SPEAKER_CARRY = 2
_SPEECH_VERB = re.compile(
    r"(?<!\w)(?:подтвердил[аио]?|заявил[аио]?|сообщил[аио]?|опроверг(?:ла|ли|ло)?|утверждает|утверждают"
    r"|заявляет|заявляют|подчеркнул[аио]?|уточнил[аио]?|рассказал[аио]?|отметил[аио]?)(?!\w)"
)
_PUBLISHER_VOICE = re.compile(
    r"(?:^|\n)\s*(?:напомним|отметим|заметим|добавим|как\s+известно|как\s+сообщалось|ранее\s+сообщалось"
    r"|стоит\s+отметить|следует\s+отметить|также\s+напомним)(?!\w)",
    re.IGNORECASE,
)
_THEIR_WORDS = re.compile(
    r"(?<!\w)по\s+(?:его|её|ее|их)\s+(?:словам|мнению|данным|информации|оценке|оценкам)(?!\w)", re.IGNORECASE
)
_ABOUT_THIS = re.compile(r"(?<!\w)об\s+этом(?!\w)", re.IGNORECASE)
# A reporting line this close to the top ("..., сообщает ТАСС" in the lead) covers the whole text.
_LEAD_SENTENCES = 3
_ASIDE = re.compile(r"^\s*(?:интересный\s+момент|интересно,?\s+что|любопытно)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Attribution:
    """A sentence's chain, and whether its original source holds only for that sentence ("по данным")."""

    chain: tuple[str, ...]
    local: bool
    speaker: str | None = None


def _canonical(name: str, aliases: dict[str, str]) -> str:
    cleaned = source_names.proper_part(" ".join(name.strip(" \"«»„“”'").split()))
    return aliases.get(cleaned.lower().replace("ё", "е"), aliases.get(cleaned.lower(), cleaned))


def _same(a: str, b: str) -> bool:
    return a.casefold().replace("ё", "е") == b.casefold().replace("ё", "е")


def _prepend(source: str | None, chain: tuple[str, ...]) -> tuple[str, ...]:
    if not source or any(_same(source, link) for link in chain):
        return chain
    return (source, *chain)


@dataclass(frozen=True, slots=True)
class _Reporting:
    reporter: str | None
    original: str | None
    about_this: bool  # "Об этом сообщает ...": it reports what came before, i.e. the document


def _reporting(sentence: str, aliases: dict[str, str]) -> _Reporting | None:
    """ "сообщает X со ссылкой на Y" or "Об этом сообщает X"; None when the sentence reports nothing."""
    link = _LINK.search(sentence)
    if link is not None:
        original = source_names.phrase_after(sentence, link.end(), "accs")
        reporter = source_names.phrase_after(sentence, link.start("x"), "nomn") if link["x"] else None
        return _Reporting(
            _canonical(reporter, aliases) if reporter else None,
            _canonical(original, aliases) if original else None,
            _ABOUT_THIS.search(sentence[: link.end()]) is not None,
        )
    reporter_match = _REPORTER.search(sentence)
    if reporter_match is not None:
        reporter = source_names.phrase_after(sentence, reporter_match.end(), "nomn")
        if reporter:
            about_this = _ABOUT_THIS.match(reporter_match[0]) is not None
            return _Reporting(_canonical(reporter, aliases), None, about_this)
    return None


def _reporter_chain(reporting: _Reporting, publisher: str | None) -> tuple[str, ...]:
    chain: tuple[str, ...] = (publisher,) if publisher else ()
    chain = _prepend(reporting.reporter, chain)
    return _prepend(reporting.original, chain)


def _local_source(sentence: str, aliases: dict[str, str]) -> str | None:
    for pattern, case in ((_LOCAL, "gent"), (_AS_SAID, "nomn")):
        m = pattern.search(sentence)
        if m is not None:
            case_ = "datv" if m[0].lower().strip() == "согласно" else case
            name = source_names.phrase_after(sentence, m.end(), case_)
            if name:
                return _canonical(name, aliases)
    return None


def _speaker(sentence: str, aliases: dict[str, str]) -> str | None:
    m = _IN_MESSAGE.search(sentence)
    if m is not None:
        name = source_names.phrase_after(sentence, m.end(), "gent")
        if name:
            return _canonical(name, aliases)
    m = _IN_SOURCE.search(sentence)
    if m is not None and m["w"].split()[0].lower() not in _NOT_PLACES:
        first = m["w"].split()[0].lower()
        if first in _DOCUMENT_NOUNS:  # "В поздравлении президента России говорится"
            name = source_names.phrase_after(sentence, m.start("w") + len(first), "gent")
        else:
            name = source_names.phrase_after(sentence, m.start("w"), "loct", strict=True)
        if name:
            return _canonical(name, aliases)
    for verb in _SPEECH_VERB.finditer(sentence):
        if _AS_SAID.search(sentence[max(verb.start() - 4, 0) : verb.end() + 1]):
            continue  # "как заявил X" is a local source, read by _local_source
        name = subjects.subject_before(sentence, verb.start(), verb[0])
        if name is None:  # "Об этом 22 июля сообщил секретариат", "— заявил музыкант"
            name = subjects.subject_after(sentence, verb.end(), verb[0])
        if name:
            return _canonical(name, aliases)
    return None


def _document_reporting(reportings: list[_Reporting | None]) -> _Reporting | None:
    """The reporting that covers the whole text: "Об этом сообщает ..." or one in the lead."""
    covering = [
        r for i, r in enumerate(reportings) if r is not None and (r.about_this or i < _LEAD_SENTENCES)
    ]
    with_original = [r for r in covering if r.original is not None]
    chosen = with_original or covering
    return chosen[0] if chosen else None


def attribute_sentences(sentences: list[str], publisher: str | None) -> list[Attribution]:
    """Per sentence: the chain from the original source to the publisher, and whether it is local."""
    aliases = source_names.aliases("\n".join(sentences))
    reportings = [_reporting(s, aliases) for s in sentences]
    document = _document_reporting(reportings)
    if publisher is None and document is not None:
        publisher = document.reporter
    own: tuple[str, ...] = (publisher,) if publisher else ()
    document_chain = _reporter_chain(document, publisher) if document else own
    base = document_chain
    carried: tuple[str, ...] | None = None
    speaker: str | None = None
    age = 0
    result: list[Attribution] = []
    for sentence, reporting in zip(sentences, reportings, strict=True):
        age += 1
        if _PUBLISHER_VOICE.search(sentence):
            base, carried = own, None
        elif _ASIDE.search(sentence):
            base, carried = document_chain, None
        elif age > _SPEAKER_CARRY:
            carried = None
        if reporting is not None:
            chain = _reporter_chain(reporting, publisher)
            if reporting is document:
                base, carried = chain, None
            else:
                carried, age = chain, 0
        elif (named := _speaker(sentence, aliases)) is not None:
            carried, speaker, age = _prepend(named, base), named, 0
        current = carried or base
        local = _local_source(sentence, aliases)
        if local is None and speaker is not None and _THEIR_WORDS.search(sentence):
            local = speaker  # "По её словам, ..." goes back to the last one named as speaking
        result.append(Attribution(_prepend(local, current), local is not None, speaker if carried else None))
    return result


def attribution_chains(sentences: list[str], publisher: str | None) -> list[tuple[str, ...]]:
    """The chain for each sentence, from the original source to the publisher."""
    return [a.chain for a in attribute_sentences(sentences, publisher)]
