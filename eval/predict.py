"""What the harness scores: the real extractor, or the gold annotations themselves (a harness self-check)."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from datetime import date
from typing import Any, Protocol

from eval import fre_predict
from eval.factrueval import FreDocument
from eval.fre_score import PredFact, gold_as_predictions
from eval.nerel import BratAnnotations, BratDocument, parse_ann
from timeline.extract.types import Document, ExtractionResult


class Predictor(Protocol):
    name: str
    note: str

    def warm_up(self) -> None: ...

    def nerel(self, document: BratDocument) -> BratAnnotations: ...

    def factrueval(self, document: FreDocument) -> list[PredFact]: ...


class GoldPredictor:
    """Answers with the gold annotations: every score must come out 1.0, which checks the harness."""

    name = "gold"
    note = "gold annotations scored against themselves: a check of the harness, not of the extractor"

    def warm_up(self) -> None:
        return None

    def nerel(self, document: BratDocument) -> BratAnnotations:
        return document.gold

    def factrueval(self, document: FreDocument) -> list[PredFact]:
        return gold_as_predictions(document.facts)


def _as_annotations(converted: Any) -> BratAnnotations:
    """The brat converter's answer, as text (`.ann` lines) or as lines."""
    if isinstance(converted, BratAnnotations):
        return converted
    if isinstance(converted, str):
        return parse_ann(converted)
    return parse_ann("\n".join(str(line) for line in converted))


class ExtractorUnavailable(RuntimeError):
    """The extractor or its brat converter cannot be imported."""


# NEREL and FactRuEval carry no publication dates, and the extractor drops facts it cannot place in time
# without one. Any fixed date will do: the scores look at spans and arguments, never at resolved dates.
ANCHOR_DATE = date(2015, 1, 1)


class ExtractorPredictor:
    """`timeline.extract.pipeline.extract`, and `timeline.extract.brat` for NEREL-style annotations."""

    name = "extractor"
    note = f"timeline.extract.pipeline.extract; undated corpus documents are given the date {ANCHOR_DATE}"

    def __init__(self, anchor: date = ANCHOR_DATE, relation_model: bool = False) -> None:
        try:
            pipeline = importlib.import_module("timeline.extract.pipeline")
            brat = importlib.import_module("timeline.extract.brat")
        except ImportError as exc:
            raise ExtractorUnavailable(f"the extractor cannot be imported: {exc}") from exc
        self._extract: Callable[[Document], ExtractionResult] = pipeline.extract
        self._to_brat: Callable[[ExtractionResult], Any] = brat.to_brat
        self._anchor = anchor
        self._relation_model = relation_model
        if relation_model:
            self.name = "extractor+relation-model"
            self.note += "; NEREL relations also from timeline.extract.relations (the trained classifier)"

    def _run(self, text: str, origin: str) -> ExtractionResult:
        return self._extract(Document(text=text, published_at=self._anchor, origin=origin))

    def warm_up(self) -> None:
        # Models load on the first call; the speed figures are for documents, not for loading.
        self._run("Президент России Владимир Путин встретился в Москве с министром.", "warm-up")

    def nerel(self, document: BratDocument) -> BratAnnotations:
        annotations = _as_annotations(self._to_brat(self._run(document.text, str(document.path))))
        if self._relation_model:
            # Imported here: the model file is optional until someone has trained it.
            from eval.model_relations import with_model_relations

            annotations = with_model_relations(document.text, annotations)
        return annotations

    def factrueval(self, document: FreDocument) -> list[PredFact]:
        return fre_predict.predictions(self._run(document.text, str(document.path)))
