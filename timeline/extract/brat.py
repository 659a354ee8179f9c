"""NEREL-style brat annotations: written from an extraction, read back from gold `.ann` files.

Entities are T lines (`T1<TAB>PERSON 0 5<TAB>text`, a split span as `s1 e1;s2 e2`), relations R lines
(`R1<TAB>WORKS_AS Arg1:T3 Arg2:T4`). Relations come from the facts: a holding gives WORKS_AS (person ->
title) and WORKPLACE (person -> organisation or country); an event fact gives an EVENT entity at its
trigger word with PARTICIPANT_IN, TAKES_PLACE_IN and POINT_IN_TIME. The events the span classifier finds
(`span_tagger`) become EVENT entities too, its quoted titles WORK_OF_ART entities, and the trained
relation classifier (`relations`) adds the relations it finds between the entities of a sentence and
across neighbouring sentences.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from timeline.domain.facts import EntityRef, EntityType, Fact
from timeline.extract.nerel_spans import (
    Span,
    extend,
    headed,
    learnt_mentions,
    parentheses_apart,
    retyped,
    widened,
    with_adjectives,
)
from timeline.extract.nlp import Sentence
from timeline.extract.relation_features import TYPE_OF, Mention
from timeline.extract.relations import relations
from timeline.extract.span_tagger import TaggedSpan, tag
from timeline.extract.title_forms import choose, readings
from timeline.extract.types import EntityMention, ExtractionResult, ReadError

_BRAT_TYPES = {
    EntityType.PERSON: "PERSON",
    EntityType.ORGANIZATION: "ORGANIZATION",
    EntityType.COUNTRY: "COUNTRY",
    EntityType.CITY: "CITY",
    EntityType.LOCATION: "LOCATION",
    EntityType.PROFESSION: "PROFESSION",
    EntityType.EVENT: "EVENT",
    EntityType.PRODUCT: "PRODUCT",
}


# NEREL marks meetings, visits, signings, appointments and attacks as EVENTs, but not sayings
# ("заявил") or deliveries: annotating those would only add false relations.
_NEREL_EVENTS = frozenset({"meeting", "visit", "signed", "appointed", "dismissed", "attack"})
_DATE = EntityRef(id="date", name="date", type=EntityType.OTHER)


@dataclass(frozen=True, slots=True)
class BratEntity:
    id: str
    type: str
    spans: tuple[tuple[int, int], ...]
    text: str

    @property
    def start(self) -> int:
        return self.spans[0][0]

    @property
    def end(self) -> int:
        return self.spans[-1][1]


@dataclass(frozen=True, slots=True)
class BratRelation:
    id: str
    type: str
    arg1: str
    arg2: str


@dataclass(frozen=True, slots=True)
class Annotations:
    entities: tuple[BratEntity, ...]
    relations: tuple[BratRelation, ...]

    def lines(self) -> list[str]:
        out = []
        for e in self.entities:
            spans = ";".join(f"{s} {t}" for s, t in e.spans)
            out.append(f"{e.id}\t{e.type} {spans}\t{e.text}")
        out += [f"{r.id}\t{r.type} Arg1:{r.arg1} Arg2:{r.arg2}" for r in self.relations]
        return out


def _nearest(mentions: list[tuple[str, EntityMention]], ref: EntityRef | None, to: int) -> str | None:
    found = [(abs(m.start - to), tid) for tid, m in mentions if ref is not None and m.entity.id == ref.id]
    return min(found)[1] if found else None


Tagged = list[tuple[str, EntityMention]]  # brat id and the mention it annotates


def _in_quote(fact: Fact, mentions: Tagged) -> Tagged:
    span = fact.source.span
    if span is None:
        return []
    return [(tid, m) for tid, m in mentions if span[0] <= m.start and m.end <= span[1]]


def _holding_relations(fact: Fact, mentions: Tagged) -> list[tuple[str, str, str]]:
    inside = _in_quote(fact, mentions)
    titles = [
        (tid, m)
        for tid, m in inside
        if m.entity.type is EntityType.PROFESSION
        and fact.role is not None
        and fact.role.startswith(m.entity.name)
    ]
    if not titles:
        return []
    title_id, title = titles[0]
    person = _nearest(inside, fact.actor, title.end)
    if person is None:
        return []
    out = [("WORKS_AS", person, title_id)]
    workplace = _nearest(inside, fact.object, title.end)
    if workplace is not None:
        out.append(("WORKPLACE", person, workplace))
    return out


def _event_relations(
    fact: Fact, event_id: str, at: int, mentions: Tagged, dates: Tagged
) -> list[tuple[str, str, str]]:
    """Who took part (PARTICIPANT_IN), where (TAKES_PLACE_IN) and when (POINT_IN_TIME) for one event."""
    inside = _in_quote(fact, mentions)
    out = []
    for ref in (fact.actor, fact.object, *fact.participants):
        participant = _nearest(inside, ref, at)
        if participant is not None:
            out.append(("PARTICIPANT_IN", participant, event_id))
    place = _nearest(inside, fact.location, at)
    if place is not None:
        out.append(("TAKES_PLACE_IN", event_id, place))
    when = [tid for tid, m in _in_quote(fact, dates) if fact.valid.text and m.text == fact.valid.text]
    if when:
        out.append(("POINT_IN_TIME", event_id, when[0]))
    return out


def _model_relations(
    text: str, entities: list[BratEntity], sentences: Sequence[Sentence]
) -> list[tuple[str, str, str]]:
    typed = [(e.id, Mention(kind, e.start, e.end)) for e in entities if (kind := TYPE_OF.get(e.type))]
    found = relations(text, [m for _, m in typed], sentences)
    return [(r.type, typed[r.arg1][0], typed[r.arg2][0]) for r in found]


def _nerel_spans(
    text: str,
    entities: list[BratEntity],
    professions: Sequence[TaggedSpan],
    sentences: Sequence[Sentence] = (),
) -> list[BratEntity]:
    """NEREL's learnt organisations and the classifier's titles added, titles and organisations stretched
    over their place."""
    count = len(entities)

    def new_id() -> str:
        nonlocal count
        count += 1
        return f"T{count}"

    titles = [(p.start, p.end) for p in professions]
    spans = [Span(e.id, e.type, e.start, e.end) for e in entities]
    spans = widened(retyped(text, parentheses_apart(text, spans, new_id), new_id), titles)
    spans += learnt_mentions(text, spans, new_id, titles)
    return [
        BratEntity(s.id, s.type, ((s.start, s.end),), text[s.start : s.end])
        for s in with_adjectives(headed(text, extend(text, spans, new_id), new_id), sentences)
    ]


def _title_readings(
    text: str, entities: list[BratEntity], triples: list[tuple[str, str, str]], sentences: Sequence[Sentence]
) -> tuple[list[BratEntity], list[tuple[str, str, str]]]:
    """Each title a relation holds, read as NEREL would span it (`title_forms.choose`): the relation
    moves to that reading, an entity of its own beside the title's first span."""
    by_id = {e.id: e for e in entities}
    spans = [Span(e.id, e.type, e.start, e.end) for e in entities]
    people = [s for s in spans if s.type == "PERSON"]
    at = {(e.type, e.start, e.end): e.id for e in entities}
    out = list(entities)
    number = max((int(e.id[1:]) for e in entities if e.id[1:].isdigit()), default=0)
    moved: dict[str, str] = {}
    for kind, arg1, arg2 in triples:
        title = by_id.get(arg2 if kind == "WORKS_AS" else arg1)
        if kind not in ("WORKS_AS", "WORKPLACE") or title is None or title.type != "PROFESSION":
            continue
        if title.id in moved:
            continue
        span = Span(title.id, title.type, title.start, title.end)
        best = choose(text, span, readings(text, span, sentences, people), spans)
        moved[title.id] = title.id
        if best is None or (best.start, best.end) == (title.start, title.end):
            continue
        key = ("PROFESSION", best.start, best.end)
        if key not in at:
            number += 1
            at[key] = f"T{number}"
            out.append(
                BratEntity(at[key], "PROFESSION", ((best.start, best.end),), text[best.start : best.end])
            )
        moved[title.id] = at[key]
    repointed = [
        (kind, moved.get(a, a) if kind == "WORKPLACE" else a, moved.get(b, b) if kind == "WORKS_AS" else b)
        for kind, a, b in triples
    ]
    return out, repointed


def build_annotations(result: ExtractionResult, model: bool = True) -> Annotations:
    """Entities and relations; `model=False` leaves out the classifier's relations (its trainer needs
    the entities alone)."""
    entities: list[BratEntity] = []

    def add(kind: str, start: int, end: int, text: str) -> str:
        tid = f"T{len(entities) + 1}"
        entities.append(BratEntity(tid, kind, ((start, end),), text))
        return tid

    tagged: Tagged = []
    for mention in result.mentions:
        kind = _BRAT_TYPES.get(mention.entity.type)
        if kind is not None:
            tagged.append((add(kind, mention.start, mention.end, mention.text), mention))
    dates: Tagged = []
    for time in result.times:
        as_mention = EntityMention(time.start, time.end, time.text, _DATE)
        dates.append((add("DATE", time.start, time.end, time.text), as_mention))
    triples: list[tuple[str, str, str]] = []
    facts = {f.fact_id: f for f in result.facts}
    for fact in result.facts:
        if fact.predicate == "holds_position":
            triples += _holding_relations(fact, tagged)
    text = result.document.text
    classified = tag(text)
    wider = [(s.start, s.end) for s in classified if s.type == "EVENT"]
    events: dict[tuple[int, int], str] = {}  # one EVENT per word, however many facts it triggered
    for trigger in result.triggers:
        if facts[trigger.fact_id].predicate not in _NEREL_EVENTS:
            continue
        # The classifier's reading may be wider than the trigger word: "официальным визитом".
        where = next(
            (w for w in wider if w[0] <= trigger.start and trigger.end <= w[1]), (trigger.start, trigger.end)
        )
        event_id = events.get(where) or events.setdefault(where, add("EVENT", *where, text[slice(*where)]))
        triples += _event_relations(facts[trigger.fact_id], event_id, trigger.start, tagged, dates)
    for event in (s for s in classified if s.type == "EVENT"):
        if not any(s < event.end and event.start < e for s, e in events):
            events[(event.start, event.end)] = add(
                "EVENT", event.start, event.end, text[event.start : event.end]
            )
    for title in (s for s in classified if s.type == "WORK_OF_ART"):
        add("WORK_OF_ART", title.start, title.end, text[title.start : title.end])
    professions = [s for s in classified if s.type == "PROFESSION"]
    entities = _nerel_spans(text, entities, professions, result.sentences)
    if model:
        triples += _model_relations(text, entities, result.sentences)
        entities, triples = _title_readings(text, entities, triples, result.sentences)
    kept = {e.id for e in entities}
    unique = [t for t in dict.fromkeys(triples) if t[1] in kept and t[2] in kept]
    relations_ = tuple(BratRelation(f"R{n}", *triple) for n, triple in enumerate(unique, start=1))
    return Annotations(tuple(entities), relations_)


def to_brat(result: ExtractionResult) -> str:
    """The `.ann` text for an extraction (offsets index `result.document.text`)."""
    lines = build_annotations(result).lines()
    return "\n".join(lines) + ("\n" if lines else "")


def write_ann(result: ExtractionResult, path: str | Path) -> Path:
    path = Path(path)
    path.write_text(to_brat(result), encoding="utf-8")
    return path


def parse_ann(text: str, origin: str = "<ann>") -> Annotations:
    """T and R lines; other lines (N links, notes) are skipped."""
    entities: list[BratEntity] = []
    relations: list[BratRelation] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line[0] not in "TR":
            continue
        fields = line.rstrip("\t").split("\t")
        try:
            kind, _, rest = fields[1].partition(" ")
            if line[0] == "T":
                spans = tuple((int(a), int(b)) for a, b in (part.split() for part in rest.split(";")))
                entities.append(BratEntity(fields[0], kind, spans, fields[2] if len(fields) > 2 else ""))
            else:
                args = dict(arg.split(":", 1) for arg in rest.split())
                relations.append(BratRelation(fields[0], kind, args["Arg1"], args["Arg2"]))
        except (IndexError, KeyError, ValueError) as exc:
            raise ReadError(f"{origin}:{number}: malformed brat line {line!r}") from exc
    return Annotations(tuple(entities), tuple(relations))


def read_ann(path: str | Path) -> Annotations:
    """Gold annotations from a NEREL `.ann` file."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ReadError(f"{path}: cannot read brat annotations ({exc})") from exc
    return parse_ann(text, str(path))
