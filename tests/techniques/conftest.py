"""Fixtures of the technique tests: an app with the technique routers, and a client for it."""

import pytest
from fastapi.testclient import TestClient

from tests.techniques._app import build_app


@pytest.fixture(scope="session")
def technique_app():
    return build_app()


@pytest.fixture(scope="session")
def client(technique_app):
    with TestClient(technique_app) as c:
        yield c


@pytest.fixture(scope="session")
def openapi(client):
    return client.get("/openapi.json").json()
