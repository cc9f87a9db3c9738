"""Property-based requests generated from the OpenAPI schema: no answer is ever a 5xx."""

from __future__ import annotations

from datetime import timedelta

import pytest
import schemathesis
from conftest import PASSWORD, FakeClock
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error

from contactdesk.server.app import create_app
from contactdesk.server.settings import LoginLimits, ServerSettings
from contactdesk.sync_protocol import PROTOCOL_HEADER, PROTOCOL_VERSION

# Generous limits: generated wrong-password logins must not lock the test's own admin out.
OPEN_LIMITS = LoginLimits(per_user=10**6, per_address=10**6)
# Logging out or changing the password would only turn later requests into 401s.
SKIPPED_PATHS = ("/auth/logout", "/auth/password")
EXAMPLES_PER_OPERATION = 5


@pytest.mark.slow
def test_no_generated_request_gets_a_server_error(database_url: str) -> None:
    app = create_app(ServerSettings(database_url, timedelta(hours=1), OPEN_LIMITS, FakeClock()))
    with TestClient(app, headers={PROTOCOL_HEADER: str(PROTOCOL_VERSION)}) as client:
        token = client.post("/auth/login", json={"username": "ada", "password": PASSWORD})
        headers = {
            PROTOCOL_HEADER: str(PROTOCOL_VERSION),
            "Authorization": f"Bearer {token.json()['token']}",
        }
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    operations = [
        result.ok()
        for result in schema.get_all_operations()
        if result.ok().path not in SKIPPED_PATHS
    ]
    assert len(operations) > 20
    statuses: list[int] = []
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=EXAMPLES_PER_OPERATION,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def no_server_error(case: schemathesis.Case) -> None:
            response = case.call_and_validate(headers=headers, checks=[not_a_server_error])
            statuses.append(response.status_code)

        no_server_error()
    # The run reached the services, not only the validation in front of them.
    assert len(statuses) > len(operations) and {200, 422} <= set(statuses)
