"""The extractor's facts in FactRuEval's terms: holds_position is Occupation (actor = Who, role = Position,
object = Where), and so is a person's member_of (Position "член"); meeting is Meeting, signed is Deal,
owns is Ownership."""

from __future__ import annotations

from collections import defaultdict

from eval.fre_score import PredArg, PredFact
from eval.lemmas import lemmas, word_spans
from eval.names import plain_name
from timeline.domain.facts import EntityRef, EntityType, Fact
from timeline.extract.types import ExtractionResult

FACT_TYPE_OF = {"holds_position": "occupation", "meeting": "meeting", "signed": "deal", "owns": "ownership"}
# FactRuEval's Deal and Meeting participants are people, organisations and states, never the treaty itself.
_PARTY_TYPES = frozenset(
    {EntityType.PERSON, EntityType.ORGANIZATION, EntityType.COUNTRY, EntityType.CITY, EntityType.LOCATION}
)


class _Context:
    def __init__(self, result: ExtractionResult) -> None:
        self.text = result.document.text
        self.spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for mention in result.mentions:
            self.spans[mention.entity.id].append((mention.start, mention.end))

    def entity(self, role: str, ref: EntityRef) -> PredArg:
        return PredArg(role, frozenset({plain_name(ref.name)}), tuple(sorted(self.spans[ref.id])), ref.name)

    def position(self, fact: Fact, role: str) -> PredArg:
        """Where the title is written: words of the fact's sentence sharing the title's head lemma."""
        head = lemmas(role)[:1]
        start, end = fact.source.span if fact.source.span else (0, len(self.text))
        # "Экс-премьера Пакистана": a former holder's title is written with the prefix the role drops.
        found = tuple(
            (s, e)
            for s, e, lemma in word_spans(self.text, start, end)
            if (lemma.removeprefix("экс-"),) == head
        )
        return PredArg("position", frozenset({plain_name(role)}), found, role)


def _qualifiers(fact: Fact) -> tuple[str, ...]:
    return (str(fact.modality), str(fact.valid.start), str(fact.valid.end))


def _parties(fact: Fact) -> list[EntityRef]:
    seen: dict[str, EntityRef] = {}
    for ref in (fact.actor, fact.object, *fact.participants):
        if ref is not None and ref.type in _PARTY_TYPES:
            seen.setdefault(ref.id, ref)
    return list(seen.values())


def _convert(fact: Fact, context: _Context) -> PredFact | None:
    # An appointment to a named office opens a holding, which answers derive (the extractor adds none).
    type_ = "occupation" if fact.predicate == "appointed" and fact.role else FACT_TYPE_OF.get(fact.predicate)
    role = fact.role
    if fact.predicate == "member_of" and fact.actor.type is EntityType.PERSON:
        # FactRuEval annotates "член Общественной палаты" as an Occupation whose Position is "член".
        type_, role = "occupation", fact.role or "член"
    if type_ == "occupation":
        args = [context.entity("who", fact.actor)]
        if role:
            args.append(context.position(fact, role))
        if fact.object is not None:
            args.append(context.entity("where", fact.object))
    elif type_ == "ownership":
        args = [context.entity("owner", fact.actor)]
        if fact.object is not None:
            args.append(context.entity("property", fact.object))
    elif type_ in ("meeting", "deal"):
        args = [context.entity("participant", ref) for ref in _parties(fact)]
    else:
        return None
    return PredFact(type_, tuple(args), _qualifiers(fact))


def predictions(result: ExtractionResult) -> list[PredFact]:
    context = _Context(result)
    return [p for fact in result.facts if (p := _convert(fact, context)) is not None]
