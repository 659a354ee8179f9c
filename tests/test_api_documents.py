"""Documents over HTTP: JSON ingest, read back with facts, filtered and paged lists."""

from __future__ import annotations

from typing import Any

from litestar.testing import TestClient

from tests import api_support
from tests.api_support import API, bearer

client, keys = api_support.client, api_support.keys  # fixtures shared by the API tests

TEXTS = [
    ("2025-11-01", "ТАСС", "Министр обороны КНДР Но Гван Чоль встретился с делегацией в Пхеньяне 1 ноября."),
    ("2025-11-02", "РБК-Украина", "Виктор Горемыкин прибыл в Пхеньян 2 ноября."),
    ("2025-11-03", "РБК-Украина", "Посол России в КНДР Александр Мацегора посетил Вонсан 3 ноября."),
    ("2025-11-04", "РБК-Украина", "Ким Чен Ын заявил о поддержке России 4 ноября."),
]


def _post_all(client: TestClient[Any], secret: str) -> list[dict[str, Any]]:
    made = []
    for published, publisher, text in TEXTS:
        body = {"text": text, "published_at": published, "publisher": publisher, "title": text[:20]}
        answer = client.post(f"{API}/documents", json=body, headers=bearer(secret))
        assert answer.status_code == 201, answer.text
        made.append(answer.json())
    return made


def test_json_documents_are_stored_with_their_fields(client: TestClient[Any], keys: dict[str, str]) -> None:
    made = _post_all(client, keys["write"])
    assert len({m["document_id"] for m in made}) == len(TEXTS)
    first = client.get(f"{API}/documents/{made[0]['document_id']}", headers=bearer(keys["read"])).json()
    assert first["text"] == TEXTS[0][2] and first["publisher"] == "ТАСС"
    assert first["published_at"] == "2025-11-01"
    assert all(f["source"]["document_id"] == made[0]["document_id"] for f in first["facts"])


def test_pages_cover_every_document_once_newest_first(client: TestClient[Any], keys: dict[str, str]) -> None:
    made = _post_all(client, keys["write"])
    read = bearer(keys["read"])
    seen: list[str] = []
    cursor = ""
    while True:
        query = "limit=3" + (f"&cursor={cursor}" if cursor else "")
        page = client.get(f"{API}/documents?{query}", headers=read).json()
        seen += [d["document_id"] for d in page["documents"]]
        if not page["next_cursor"]:
            break
        cursor = page["next_cursor"]
    assert seen == [m["document_id"] for m in reversed(made)]


def test_filters_by_publisher_and_date(client: TestClient[Any], keys: dict[str, str]) -> None:
    made = _post_all(client, keys["write"])
    read = bearer(keys["read"])
    rbc = client.get(f"{API}/documents?publisher=РБК-Украина", headers=read).json()["documents"]
    assert {d["document_id"] for d in rbc} == {m["document_id"] for m in made[1:]}
    since = client.get(f"{API}/documents?since=2025-11-03", headers=read).json()["documents"]
    assert {d["published_at"] for d in since} == {"2025-11-03", "2025-11-04"}
