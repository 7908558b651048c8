"""schemathesis over the app's own OpenAPI schema: no server errors, no schema violations."""

import pytest
import schemathesis
from schemathesis.specs.openapi.checks import negative_data_rejection, positive_data_acceptance
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, settings

from app.main import create_app
from app.settings import Settings

# Requests run in the API process (work_processes=0): the schema is the same; the worker-process
# path is exercised by the hostile catalog and tests/service/test_hardening.py.
_app = create_app(Settings(warmup=False, dask_workers=1, dask_processes=False, max_sync_links=2000, work_processes=0,
                           max_body_bytes=1_000_000, data_dir=__import__("tempfile").mkdtemp(prefix="mapeq-st-")))
_client = TestClient(_app)
schema = schemathesis.openapi.from_asgi("/openapi.json", _app)
CASES = {"count": 0}


@pytest.fixture(scope="module", autouse=True)
def running_app():
    with _client:
        yield
    assert CASES["count"] >= 1000, f"only {CASES['count']} generated cases"


@schema.parametrize()
@settings(max_examples=250, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_conforms_to_its_schema(case):
    CASES["count"] += 1
    # Schema-valid bodies may still be invalid networks (NaN weights, two network forms,
    # ragged matrices): those get a documented 422, so "valid data accepted" is not checked.
    excluded = [positive_data_acceptance]
    if case.operation.path in ("/v1/infomap/file", "/v1/jobs/infomap/file", "/v1/cluster/vectors/file"):
        # multipart cannot carry the non-string values of negative cases: they arrive as
        # absent fields, which have defaults, so such a request is valid by the time it lands.
        excluded.append(negative_data_rejection)
    case.call_and_validate(excluded_checks=excluded)
