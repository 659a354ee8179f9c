"""The read-only page at `/`: served without a key, and asks the same /state endpoint the API documents."""

from __future__ import annotations

from typing import Any

from litestar.testing import TestClient

from tests import api_support

client = api_support.client  # fixture shared by the API tests


def test_the_page_offers_a_date_and_an_entity_and_reads_state(client: TestClient[Any]) -> None:
    answer = client.get("/")
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("text/html")
    page = answer.text
    for control in ('id="as_of"', 'id="entity"', 'id="known_at"', 'id="key"'):
        assert control in page
    assert "/api/v1/state?" in page and "/api/v1/entities?q=" in page
    # the page only reads: it never sends a write
    assert "POST" not in page and "method:" not in page


def test_the_interactive_schema_page_is_served(client: TestClient[Any]) -> None:
    assert client.get("/schema").status_code == 200
    assert client.get("/schema/openapi.json").json()["info"]["title"] == "timeline"
