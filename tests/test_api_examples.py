"""The OpenAPI examples (api/examples.py) are documentation that is tested.

Every operation has them; each matches the schema it illustrates; and on a database holding the seed, the
read examples give the documented status and answers of the documented shape.
"""

from __future__ import annotations

from typing import Any

import jsonschema_rs
import pytest
from litestar.serialization import decode_json, encode_json
from litestar.testing import TestClient

from api.app import create_app
from api.examples import DOCUMENT_ID, EXAMPLES, FACT_ID
from api.settings import Settings
from tests import api_support
from tests.api_support import API, bearer
from tests.seed_facts import SEED_PATH

client, keys = api_support.client, api_support.keys  # fixtures shared by the API tests

# As /schema/openapi.json serves it: Litestar's encoder turns the problem examples into JSON too.
OPENAPI = decode_json(encode_json(create_app(Settings()).openapi_schema.to_schema()))
OPERATIONS = [
    (method.upper(), path, operation)
    for path, item in OPENAPI["paths"].items()
    for method, operation in item.items()
    if method in ("get", "post")
]


def _valid(schema: dict[str, Any], value: Any) -> list[str]:
    validator = jsonschema_rs.Draft202012Validator({**schema, "components": OPENAPI["components"]})
    return [e.message for e in validator.iter_errors(value)]


@pytest.mark.parametrize(
    ("method", "path", "operation"), OPERATIONS, ids=[f"{m} {p}" for m, p, _ in OPERATIONS]
)
def test_every_operation_has_examples_that_match_its_schema(method: str, path: str, operation: Any) -> None:
    found = EXAMPLES[(method, path)]
    answer = operation["responses"][str(found.status)]
    for media in answer["content"].values():
        assert "seed" in media["examples"]
        if media["schema"].get("type") != "string":
            assert _valid(media["schema"], found.response) == []
    body = operation.get("requestBody", {}).get("content", {}).get("application/json")
    if body is not None:
        assert found.request is not None, "a JSON body needs an example"
        assert _valid(body["schema"], found.request) == []
    for parameter in operation.get("parameters", []):
        if parameter["in"] == "path":
            assert parameter["name"] in found.parameters, "every path parameter needs an example"
        if parameter["name"] in found.parameters:
            assert _valid(parameter["schema"], found.parameters[parameter["name"]]) == []


def _url(path: str, parameters: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    query = dict(parameters)
    for name in list(query):
        if "{" + name + "}" in path:
            path = path.replace("{" + name + "}", str(query.pop(name)))
    return path, query


def _same_shape(documented: Any, real: Any) -> None:
    if isinstance(documented, dict):
        assert isinstance(real, dict) and set(documented) == set(real)
    elif isinstance(documented, list) and documented:
        assert isinstance(real, list) and real, "the example shows items; the seed's answer has some too"
        _same_shape(documented[0], real[0])


def test_on_the_seed_the_examples_answer_as_documented(client: TestClient[Any], keys: dict[str, str]) -> None:
    admin = bearer(keys["admin"])
    seeded = client.post(
        f"{API}/documents", content=SEED_PATH.read_bytes(), headers=admin | {"Content-Type": "text/plain"}
    )
    assert seeded.json()["document_id"] == DOCUMENT_ID
    assert FACT_ID in {f["fact_id"] for f in seeded.json()["facts"]}
    for (method, path), found in EXAMPLES.items():
        if method != "GET" or path.endswith("/stream"):
            continue
        url, query = _url(path, found.parameters)
        answer = client.get(url, params=query, headers=admin)
        assert answer.status_code == found.status, (path, answer.text)
        _same_shape(found.response, answer.json())
    sql = EXAMPLES[("POST", "/api/v1/sql")]
    answer = client.post(f"{API}/sql", json=sql.request, headers=admin)
    assert answer.status_code == 200 and answer.json()["columns"] == sql.response["columns"]
    for path in ("/api/v1/facts/{fact_id}/corrections", "/api/v1/facts/{fact_id}/retractions"):
        url, _ = _url(path, EXAMPLES[("POST", path)].parameters)
        changed = client.post(url, json=EXAMPLES[("POST", path)].request, headers=admin)
        assert changed.status_code == 201, changed.text
        _same_shape(EXAMPLES[("POST", path)].response, changed.json())
