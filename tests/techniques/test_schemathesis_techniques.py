"""schemathesis over the technique endpoints: no server errors, responses conform to the documented schema."""

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from tests.techniques._app import build_app

schema = schemathesis.openapi.from_asgi("/openapi.json", build_app())
CASES: dict[str, int] = {}
MIN_CASES = 300


@pytest.fixture(scope="module", autouse=True)
def enough_cases():
    yield
    total = sum(CASES.values())
    assert total >= MIN_CASES, f"only {total} generated cases: {CASES}"
    assert len(CASES) == 10 and min(CASES.values()) >= 30, CASES
    print(f"schemathesis: {total} cases", CASES)


@schema.parametrize()
@settings(max_examples=45, deadline=None, suppress_health_check=list(HealthCheck))
def test_technique_api_conforms_to_its_schema(case):
    CASES[case.operation.path] = CASES.get(case.operation.path, 0) + 1
    # Schema-valid bodies can still be invalid input (mismatched shapes, a rate missing for the mode,
    # unknown distribution parameters): those get a documented 422, so "valid data accepted" is not checked.
    # Every other check runs: no 5xx, documented status codes, content type and response schema.
    case.call_and_validate(excluded_checks=[positive_data_acceptance])
