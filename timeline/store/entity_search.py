"""Finding entities by any part of a name or alias, and describing one as known now."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, func, literal, or_, select, union

from timeline.store.schema import entities, entity_aliases, entity_merges


@dataclass(frozen=True, slots=True)
class EntityRecord:
    id: str
    name: str
    type: str
    aliases: tuple[str, ...]
    merged_from: tuple[str, ...]


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def search_ids(conn: Connection, query: str, limit: int) -> list[str]:
    """Ids of registered entities whose id, name or an alias contains `query` (case-insensitive)."""
    pattern = "%" + _escape_like(query.strip().lower()) + "%"
    by_name = select(entities.c.entity_id.label("id")).where(
        or_(
            func.lower(entities.c.name).like(pattern, escape="\\"),
            func.lower(entities.c.entity_id).like(pattern, escape="\\"),
        )
    )
    by_alias = select(entity_aliases.c.entity_id.label("id")).where(
        func.lower(entity_aliases.c.alias).like(pattern, escape="\\")
    )
    found = union(by_name, by_alias).subquery()
    rows = conn.execute(select(found.c.id).order_by(found.c.id).limit(limit)).scalars()
    return [str(r) for r in rows]


def describe(conn: Connection, entity_id: str) -> EntityRecord | None:
    """The latest registered name and type, every alias, and the ids merged into this one."""
    latest = conn.execute(
        select(entities.c.name, entities.c.type)
        .where(entities.c.entity_id == entity_id)
        .order_by(entities.c.position.desc())
        .limit(1)
    ).first()
    if latest is None:
        return None
    aliases = conn.execute(
        select(entity_aliases.c.alias)
        .where(entity_aliases.c.entity_id == entity_id)
        .distinct()
        .order_by(entity_aliases.c.alias)
    ).scalars()
    merged = conn.execute(
        select(entity_merges.c.merged_id)
        .where(entity_merges.c.into_id == literal(entity_id))
        .order_by(entity_merges.c.merged_id)
    ).scalars()
    return EntityRecord(entity_id, latest.name, latest.type, tuple(aliases), tuple(merged))
