"""report.json and report.md: the same numbers, for machines and for people."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from eval.fre_score import FreScores
from eval.nerel_score import NerelScores, micro
from eval.prf import Counts

_TITLES = {
    "entities_exact": "Entities, exact span + type",
    "entities_lenient": "Entities, overlapping span + type",
    "relations_exact": "Relations, type + both argument spans exact",
    "relations_lenient": "Relations, type + both argument spans overlapping",
    "facts_strict": "Facts, strict (every argument matches)",
    "facts_soft": "Facts, soft (weighted share of matched arguments, official-style)",
}


def _table_json(table: dict[str, Counts]) -> dict[str, Any]:
    return {"per_type": {k: v.as_dict() for k, v in table.items()}, "micro": micro(table).as_dict()}


def as_json(nerel: NerelScores, fre: FreScores, meta: dict[str, Any]) -> dict[str, Any]:
    return {
        **meta,
        "nerel_dev": {name: _table_json(table) for name, table in nerel.tables().items()},
        "factrueval_devset": {name: _table_json(table) for name, table in fre.tables().items()},
    }


def _cell(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


def _row(name: str, counts: Counts) -> str:
    tp = f"{counts.tp:g}" if counts.tp == int(counts.tp) else f"{counts.tp:.2f}"
    cells = [name, str(counts.n_gold), str(counts.n_pred), tp]
    cells += [_cell(counts.precision), _cell(counts.recall), _cell(counts.f1)]
    return "| " + " | ".join(cells) + " |"


def _table_md(title: str, table: dict[str, Counts]) -> list[str]:
    lines = [
        f"### {title}",
        "",
        "| type | gold | pred | TP | P | R | F1 |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    lines += [_row(name, counts) for name, counts in table.items()]
    lines += [_row("**micro**", micro(table)), ""]
    return lines


def as_markdown(nerel: NerelScores, fre: FreScores, meta: dict[str, Any], rules: str) -> str:
    speed = meta["speed"]
    lines = [
        "# Extractor evaluation",
        "",
        f"- predictor: `{meta['predictor']}` ({meta['predictor_note']})",
        f"- commit `{meta['commit']}`; finished at {meta['finished_at']}",
        f"- documents: NEREL dev {meta['documents']['nerel_dev']}, "
        f"FactRuEval devset {meta['documents']['factrueval_devset']}"
        + (f" (limited to the first {meta['limit']} of each)" if meta["limit"] is not None else ""),
        f"- speed (one single-threaded process, model loading excluded): "
        f"{speed['documents_per_second']:.2f} documents/s, {speed['kb_per_second']:.1f} KB/s "
        f"({speed['documents']} documents, {speed['kb']:.1f} KB in {speed['seconds']:.2f} s wall, "
        f"{speed['cpu_seconds']:.2f} s CPU, i.e. {speed['documents_per_cpu_second']:.2f} documents and "
        f"{speed['kb_per_cpu_second']:.1f} KB per CPU second); "
        f"model loading {speed['warm_up_seconds']:.2f} s; peak RSS {speed['peak_rss_mb']:.0f} MB",
        f"- documents the extractor failed on: {len(meta['errors'])}",
        "",
        "## NEREL dev",
        "",
    ]
    for name, table in nerel.tables().items():
        lines += _table_md(_TITLES[name], table)
    lines += ["## FactRuEval-2016 devset", ""]
    for name, table in fre.tables().items():
        lines += _table_md(_TITLES[name], table)
    outcomes = meta.get("occupation_outcomes") or {}
    if outcomes:
        lines += ["### What became of each gold Occupation", "", "| outcome | gold facts |", "|---|---:|"]
        lines += [f"| {outcome} | {count} |" for outcome, count in outcomes.items()]
        lines += ["", "(An imperfect fact may be counted under both position and where.)", ""]
    lines += ["## How facts are matched", "", rules.strip(), ""]
    if meta["errors"]:
        lines += ["## Failures", ""] + [f"- `{error}`" for error in meta["errors"]] + [""]
    return "\n".join(lines)


def write(out_dir: Path, data: dict[str, Any], markdown: str) -> tuple[Path, Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    json_path, md_path = out_dir / "report.json", out_dir / "report.md"
    json_path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    md_path.write_text(markdown, encoding="utf-8")
    return json_path, md_path
