"""Property-based requests from the OpenAPI schema: no 500, and every answer matches what the schema says.

Bounded to a few hundred cases (MAX_EXAMPLES per operation) so it fits in `make test`. The live SSE stream
is left out: without `limit` it never ends, which a generated request cannot know. The positive-data check
is left out only where rules the schema cannot state make a schema-valid request rightly answer 400: a
cursor this API handed out, the seed format's header line, a fact in the conventions' shape, a statement
that is valid SQL, a recorded-time cut that is not in the future. Everywhere else a request the schema
allows must be accepted (2xx, or 404 for an unknown id).
"""

from __future__ import annotations

from typing import Any

import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from api.app import create_app
from api.settings import Settings
from tests import api_support
from timeline import service

MAX_EXAMPLES = 25

app = create_app(Settings(auth=True))
schema = schemathesis.openapi.from_asgi("/schema/openapi.json", app).exclude(path="/api/v1/events/stream")

RULES_BEYOND_THE_SCHEMA = {
    ("GET", "/api/v1/documents"),
    ("POST", "/api/v1/documents"),
    ("POST", "/api/v1/events"),
    ("POST", "/api/v1/facts/{fact_id}/corrections"),
    ("POST", "/api/v1/sql"),
}

keys = api_support.keys  # fixtures shared by the API tests


@schema.parametrize()
@settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
    ],
)
def test_no_server_errors_and_no_schema_violations(case: Any, keys: dict[str, str]) -> None:
    beyond_the_schema = (case.method, case.path) in RULES_BEYOND_THE_SCHEMA or (
        case.path == "/api/v1/state" and "known_at" in (case.query or {})
    )
    case.call_and_validate(
        headers={"Authorization": f"Bearer {keys['admin']}"},
        excluded_checks=[positive_data_acceptance] if beyond_the_schema else [],
    )


def test_the_schema_documents_every_route() -> None:
    paths = set(schema.raw_schema["paths"])
    assert {"/api/v1/documents", "/api/v1/state", "/api/v1/sql", "/api/v1/events", "/api/v1/ready"} <= paths
    assert service.KEY_SCOPES == ("read", "write", "admin")
    bodies = schema.raw_schema["components"]["schemas"]
    assert bodies["ReasonIn"]["additionalProperties"] is False  # msgspec refuses unknown fields
    assert "additionalProperties" not in bodies["EventsIn"]
