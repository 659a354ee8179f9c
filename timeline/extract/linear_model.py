"""The small numpy models shipped in the package: a weight table and a threshold per label."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt


@dataclass(frozen=True, slots=True)
class LinearModel:
    weights: npt.NDArray[np.float32]
    thresholds: dict[str, float]


def load_linear_model(path: Path, dimensions: int, labels: str) -> LinearModel:
    """A model saved by an eval trainer; one trained for other features is refused, not misread."""
    with np.load(path) as saved:
        if int(saved["dimensions"][0]) != dimensions:
            raise ValueError(f"{path} was trained with other features; retrain it")
        thresholds = {str(k): float(t) for k, t in zip(saved[labels], saved["thresholds"], strict=True)}
        return LinearModel(saved["weights"].astype(np.float32), thresholds)
