"""brat output for the seed and reading NEREL's gold `.ann` files."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from timeline.extract.brat import parse_ann, read_ann, to_brat
from timeline.extract.nerel_spans import Span
from timeline.extract.pipeline import extract
from timeline.extract.readers import read_path
from timeline.extract.title_forms import choose, readings
from timeline.extract.types import Document, ReadError

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEED = SHARED / "seeds" / "000_36549a97ad93da46.txt"
NEREL_DEV = SHARED / "corpora" / "nerel" / "dev"


def test_seed_annotations_point_at_their_text_and_link_holders_to_titles() -> None:
    (document,) = read_path(SEED)
    annotations = parse_ann(to_brat(extract(document)))
    by_id = {e.id: e for e in annotations.entities}
    for entity in annotations.entities:
        assert document.text[entity.start : entity.end] == entity.text
    works_as = {
        (by_id[r.arg1].text, by_id[r.arg2].text) for r in annotations.relations if r.type == "WORKS_AS"
    }
    workplace = {
        (by_id[r.arg1].text, by_id[r.arg2].text) for r in annotations.relations if r.type == "WORKPLACE"
    }
    # NEREL's title spans take the country that follows them ("министра обороны Израиля").
    assert ("Виктор Горемыкин", "заместитель министра обороны России") in works_as
    # ... and a title a relation holds is read through its complements, as NEREL spans "посол ... в ...".
    assert ("Александр Мацегора", "посол России в КНДР") in works_as
    assert ("Но Гван Чоль", "КНДР") in workplace
    assert {"DATE", "PERSON", "COUNTRY", "CITY", "PROFESSION", "ORGANIZATION"} <= {
        e.type for e in annotations.entities
    }
    assert any(e.type == "DATE" and e.text == "6 ноября" for e in annotations.entities)
    about_events = {(r.type, by_id[r.arg1].text, by_id[r.arg2].text) for r in annotations.relations}
    assert ("TAKES_PLACE_IN", "Встреча", "Пхеньяне") in about_events
    assert ("POINT_IN_TIME", "Встреча", "6 ноября") in about_events
    assert ("PARTICIPANT_IN", "Владимир Путин", "подписали") in about_events
    assert ("POINT_IN_TIME", "подписали", "в июне 2024 года") in about_events


def test_gold_nerel_file_reads_with_nested_and_split_spans() -> None:
    files = sorted(NEREL_DEV.glob("*.ann"))
    total_entities = total_relations = split = 0
    for path in files:
        gold = read_ann(path)
        text = path.with_suffix(".txt").read_text(encoding="utf-8")
        ids = {e.id for e in gold.entities}
        for entity in gold.entities:
            pieces = [text[s:e] for s, e in entity.spans]
            assert " ".join(pieces) == entity.text or "".join(pieces) == entity.text
            split += len(entity.spans) > 1
        assert all(r.arg1 in ids and r.arg2 in ids for r in gold.relations)
        total_entities += len(gold.entities)
        total_relations += len(gold.relations)
    # The NEREL README's counts for dev.
    assert (len(files), total_entities, total_relations) == (94, 5590, 4012)
    assert split == 7  # dev's discontinuous entities ("s1 e1;s2 e2"), each read as one entity


def test_malformed_ann_line_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.ann"
    path.write_text("T1\tPERSON 0 5\tОбама\nT2\tCITY x y\tМосква\n", encoding="utf-8")
    with pytest.raises(ReadError, match=f"{path}:2"):
        read_ann(path)


def test_a_title_is_offered_in_its_readings_and_the_one_nerel_would_span_is_chosen() -> None:
    text = "Глава исполкома «Единой России» Андрей Воробьев заявил, что первым заместителем стал Иванов."
    result = extract(Document(text, date(2015, 1, 1)))
    spans = [Span(str(n), "PERSON", m.start, m.end) for n, m in enumerate(result.mentions)]
    title = Span("t", "PROFESSION", 0, len("Глава"))
    found = {text[r.start : r.end] for r in readings(text, title, result.sentences, spans)}
    assert {"Глава", "Глава исполкома «Единой России»"} <= found
    assert "Глава исполкома «Единой России» Андрей" not in found
    deputy = Span("d", "PROFESSION", text.index("заместителем"), text.index(" стал"))
    found = {text[r.start : r.end] for r in readings(text, deputy, result.sentences, spans)}
    assert "первым заместителем" in found
    chosen = choose(text, title, readings(text, title, result.sentences, spans), spans)
    # With or without the closing quote: NEREL has both.
    assert chosen is not None and text[chosen.start : chosen.end].startswith("Глава исполкома «Единой России")
