"""The read-only page at `/`: pick a date and an entity, see the state and events (plain HTML and JS)."""

from __future__ import annotations

from pathlib import Path

from litestar import MediaType, get

_PAGE = (Path(__file__).resolve().parents[1] / "ui.html").read_text(encoding="utf-8")


@get("/", media_type=MediaType.HTML, include_in_schema=False, opt={"scope": "public"})
async def ui_page() -> str:
    return _PAGE
