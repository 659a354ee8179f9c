"""From rule findings (drafts) to domain facts: valid time, modality, source and stable ids."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date

from timeline.domain.facts import EntityRef, Fact, FactKind, Modality, Quantity, Source, kind_of
from timeline.domain.ids import fact_id_for
from timeline.domain.time import Precision, ValidTime
from timeline.extract.clause import Clause
from timeline.extract.modality import detect_modality
from timeline.extract.types import TimeMention

EXTRACTOR = "ru-rules/1"


@dataclass(frozen=True, slots=True)
class Draft:
    """What a rule found in one sentence, before time, modality and source are settled."""

    predicate: str
    actor: EntityRef
    clause: Clause
    trigger: int  # token index of the word that made the rule fire
    object: EntityRef | None = None
    participants: tuple[EntityRef, ...] = ()
    role: str | None = None
    location: EntityRef | None = None
    quantity: Quantity | None = None
    time: TimeMention | None = None
    present: bool = False  # a state the text describes as holding now: it starts on the document date
    modality: Modality | None = None  # set only where the rule itself knows better than the cue words
    confidence: float = 0.8
    # A state the text says is over ("бывший министр"): these words; it ended by the document date.
    ended: str | None = None


Rule = Callable[[Sequence[Clause]], list[Draft]]


@dataclass(frozen=True, slots=True)
class DocumentContext:
    document_id: str
    published_at: date | None
    text: str


def _valid(draft: Draft, published: date | None, known_by: date | None) -> ValidTime | None:
    if draft.ended is not None:
        # Over by the document date, begun and ended the text does not say when: no as-of date can be
        # shown to fall inside it, so the interval is empty at that date, and the log keeps the holding.
        if published is None:
            return None
        return ValidTime(None, published, Precision.DAY, draft.ended, known_by=published)
    if draft.time is not None and draft.time.valid.start is not None:
        return draft.time.valid
    if draft.present and published is not None:
        return ValidTime(published, None, Precision.DAY, draft.time.text if draft.time else "")
    anchor = known_by or published
    if anchor is None:
        # Without any date, the fact cannot be placed in time at all; the domain refuses such facts.
        return None
    text = draft.time.text if draft.time is not None else ""
    return ValidTime(None, None, Precision.DAY, text, known_by=anchor)


def _modality(draft: Draft) -> Modality:
    if draft.modality is not None:
        return draft.modality
    sentence = draft.clause.sentence
    token = sentence.tokens[draft.trigger]
    # The chain already says who told it; "reported" is for a sentence that hedges on its own source
    # ("по данным разведки"), which detect_modality reads from the words themselves.
    return detect_modality(draft.clause.text, token.start - sentence.start, token.end - sentence.start, False)


def to_fact(draft: Draft, context: DocumentContext, known_by: date | None = None) -> Fact | None:
    valid = _valid(draft, context.published_at, known_by)
    if valid is None:
        return None
    sentence = draft.clause.sentence
    span = (sentence.start, sentence.end)
    source = Source(
        document_id=context.document_id,
        published_at=context.published_at,
        attribution=draft.clause.chain,
        quote=context.text[span[0] : span[1]],
        span=span,
    )
    fact_id = fact_id_for(
        context.document_id,
        draft.predicate,
        span,
        draft.actor.id,
        draft.object.id if draft.object else "",
        draft.role or "",
        draft.quantity.value if draft.quantity else "",
        draft.location.id if draft.location else "",
    )
    return Fact(
        fact_id=fact_id,
        predicate=draft.predicate,
        actor=draft.actor,
        object=draft.object,
        participants=draft.participants,
        role=draft.role,
        location=draft.location,
        quantity=draft.quantity,
        valid=valid,
        modality=_modality(draft),
        source=source,
        confidence=draft.confidence,
        extractor=EXTRACTOR,
    )


def _first_dated_event(person: EntityRef, events: list[Fact]) -> ValidTime | None:
    dated = [
        f.valid
        for f in events
        if f.valid.start is not None and f.valid.precision is Precision.DAY and person in f.entities()
    ]
    return min(dated, key=lambda v: v.effective_start) if dated else None


def build_facts(drafts: list[Draft], context: DocumentContext) -> list[tuple[Fact, Draft]]:
    """Each fact with the draft it came from (for its trigger word), once per fact id.

    Events come first: an undated holding is known from the first dated event its holder took part in.
    """
    events = [d for d in drafts if kind_of(d.predicate) is FactKind.EVENT]
    states = [d for d in drafts if kind_of(d.predicate) is FactKind.STATE]
    built = [(f, d) for d in events if (f := to_fact(d, context)) is not None]
    event_facts = [f for f, _ in built]
    for draft in states:
        seen_at = None
        if (
            draft.time is None
            and not draft.present
            and draft.ended is None
            and draft.predicate == "holds_position"
        ):
            seen_at = _first_dated_event(draft.actor, event_facts)
        if seen_at is not None and seen_at.start is not None:
            fact = to_fact(draft, context, known_by=seen_at.start)
            if fact is not None:
                fact = replace(fact, valid=replace(fact.valid, text=seen_at.text))
        else:
            fact = to_fact(draft, context)
        if fact is not None:
            built.append((fact, draft))
    seen: set[str] = set()
    unique = []
    for fact, draft in built:
        if fact.fact_id not in seen:
            seen.add(fact.fact_id)
            unique.append((fact, draft))
    return unique


def run_rules(rules: Sequence[Rule], clauses: Sequence[Clause]) -> list[Draft]:
    return [draft for rule in rules for draft in rule(clauses)]
