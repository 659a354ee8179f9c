"""Adds the relation classifier's relations to predicted brat annotations (`run_eval --relation-model`)."""

from __future__ import annotations

from eval.nerel import BratAnnotations, BratRelation
from timeline.extract.relation_features import TYPE_OF, Mention
from timeline.extract.relations import relations


def with_model_relations(text: str, annotations: BratAnnotations, replace: bool = False) -> BratAnnotations:
    """The predicted entities, related by the model; `replace` drops the converter's own relations."""
    ids: list[str] = []
    mentions: list[Mention] = []
    for entity in annotations.entities:
        kind = TYPE_OF.get(entity.type)
        if kind is not None:
            ids.append(entity.id)
            mentions.append(Mention(kind, entity.spans[0][0], entity.spans[-1][1]))
    kept = [] if replace else list(annotations.relations)
    seen = {(r.type, r.arg1, r.arg2) for r in kept}
    for found in relations(text, mentions):
        key = (found.type, ids[found.arg1], ids[found.arg2])
        if key not in seen:
            seen.add(key)
            kept.append(BratRelation(f"R{len(kept) + 1000}", *key))
    return BratAnnotations(annotations.entities, tuple(kept))
