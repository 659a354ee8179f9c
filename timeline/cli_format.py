"""What the CLI's commands share: how a date argument is read and how a fact is shown on one line."""

from __future__ import annotations

import argparse
from datetime import date

from timeline.domain.facts import Fact


def iso_date(value: str) -> date:
    """An argparse type: YYYY-MM-DD, or a usage error that says so."""
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from None


def _valid_text(fact: Fact) -> str:
    valid = fact.valid
    if valid.start is None:
        return f"by {valid.known_by}"
    span = f"{valid.start}" + (f" .. {valid.end}" if valid.end else " ..")
    return f"{span} [{valid.precision.value}]"


def describe(fact: Fact) -> str:
    """Who, what, whom, where, how many, when, and on whose word."""
    parts = [fact.predicate, fact.actor.name]
    if fact.object is not None:
        parts.append(f"→ {fact.object.name}")
    if fact.role:
        parts.append(f"({fact.role})")
    if fact.participants:
        parts.append("with " + ", ".join(p.name for p in fact.participants))
    if fact.location is not None:
        parts.append(f"in {fact.location.name}")
    if fact.quantity is not None:
        parts.append(f"[{fact.quantity.text}]")
    parts.append(_valid_text(fact))
    if fact.modality.value != "asserted":
        parts.append(fact.modality.value)
    if fact.source.attribution:
        parts.append("— " + " → ".join(fact.source.attribution))
    return " ".join(parts)
