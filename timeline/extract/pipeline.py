"""One document in, its entities and dated, sourced facts out. Pure: no database, no network."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from timeline.domain.facts import EntityRef, Fact, FactKind
from timeline.domain.ids import content_hash, document_id_for
from timeline.extract.attribution import attribution_chains
from timeline.extract.clause import Clause
from timeline.extract.dates import find_time_expressions
from timeline.extract.entities import find_entities
from timeline.extract.facts import DocumentContext, Draft, Rule, build_facts, run_rules
from timeline.extract.nlp import analyse
from timeline.extract.quantities import find_quantities
from timeline.extract.readers import header_length
from timeline.extract.rules_deals import deals
from timeline.extract.rules_events import acknowledgements, attacks, signings, statements, supplies, visits
from timeline.extract.rules_meeting import meetings
from timeline.extract.rules_ownership import ownerships
from timeline.extract.rules_roles import appointments, holds_position, memberships
from timeline.extract.rules_states import labour, presences
from timeline.extract.types import (
    Document,
    EntityMention,
    ExtractionResult,
    FactTrigger,
    QuantityMention,
    TimeMention,
)

Located = TypeVar("Located", TimeMention, QuantityMention, EntityMention)

RULES: tuple[Rule, ...] = (
    meetings,
    holds_position,
    appointments,
    memberships,
    visits,
    signings,
    acknowledgements,
    supplies,
    statements,
    attacks,
    presences,
    labour,
    ownerships,
    deals,
)


def _inside(start: int, end: int, items: Sequence[Located]) -> tuple[Located, ...]:
    return tuple(x for x in items if start <= x.start and x.end <= end)


def clauses_of(
    document: Document, start: int = 0
) -> tuple[list[Clause], list[EntityMention], list[TimeMention]]:
    text = document.text
    analysis = analyse(text, start)
    mentions = find_entities(analysis)
    times = [t for t in find_time_expressions(text, document.published_at) if t.start >= start]
    quantities = [q for q in find_quantities(text) if q.start >= start]
    sentences = analysis.sentences
    chains = attribution_chains([text[s.start : s.end] for s in sentences], document.publisher)
    clauses = [
        Clause(
            sentence=s,
            text=text[s.start : s.end],
            mentions=_inside(s.start, s.end, mentions),
            times=_inside(s.start, s.end, times),
            quantities=_inside(s.start, s.end, quantities),
            chain=tuple(chain),
        )
        for s, chain in zip(sentences, chains, strict=True)
    ]
    return clauses, mentions, times


def _trigger(fact: Fact, draft: Draft, text: str) -> FactTrigger:
    token = draft.clause.tokens[draft.trigger]
    return FactTrigger(fact.fact_id, token.start, token.end, text[token.start : token.end])


def extract(document: Document) -> ExtractionResult:
    text = document.text
    hash_hex = content_hash(text)
    clauses, mentions, times = clauses_of(document, header_length(text))
    context = DocumentContext(document_id_for(hash_hex), document.published_at, text)
    built = build_facts(run_rules(RULES, clauses), context)
    facts = [fact for fact, _ in built]
    triggers = tuple(_trigger(fact, draft, text) for fact, draft in built if fact.kind is FactKind.EVENT)
    entities: dict[str, EntityRef] = {m.entity.id: m.entity for m in mentions}
    for fact in facts:
        for ref in fact.entities():
            entities.setdefault(ref.id, ref)
    return ExtractionResult(
        document=document,
        content_hash=hash_hex,
        entities=tuple(entities.values()),
        mentions=tuple(mentions),
        facts=tuple(facts),
        times=tuple(times),
        triggers=triggers,
        sentences=tuple(clause.sentence for clause in clauses),
    )
