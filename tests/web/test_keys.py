"""The page with API keys on (MAPEQ_API_KEYS): refused without the key, working with it,
job results downloaded with it."""

from __future__ import annotations

import httpx
import pytest

from tests.service.servers import running

from .conftest import open_page
from .test_page import DATA, api_run, download, record_answers, run_example

KEY = "page-key-0123456789"


@pytest.fixture(scope="module")
def keyed_server(tmp_path_factory):
    env = {"MAPEQ_API_KEYS": KEY, "MAPEQ_WORK_PROCESSES": "1"}
    with running(env, tmp_path_factory.mktemp("keyed-web")) as server:
        yield server.base


def test_the_page_works_with_keys_on(page, keyed_server):
    open_page(page, keyed_server)
    page.select_option("#example", "karate")
    page.click("#run")
    page.wait_for_selector("#error-general.shown", timeout=60_000)
    assert "API key" in page.inner_text("#error-general")

    page.fill("#api-key", KEY)
    page.dispatch_event("#api-key", "change")
    run_example(page, "karate", num_trials=2, seed=7)
    with httpx.Client(base_url=keyed_server, timeout=120) as api:
        expected = api_run(api, (DATA / "karate.net").read_bytes(), headers={"X-API-Key": KEY}, num_trials=2, seed=7)
    assert float(page.get_attribute("#codelength", "data-value")) == pytest.approx(expected["codelength"], abs=1e-9)
    # a synchronous run's download is posted with the key
    served = record_answers(page, "**/v1/infomap/file?format=*")
    _, clu = download(page, "#download-clu")
    assert clu.encode() == served["format=clu"][0] and len(clu.splitlines()) > 34

    page.select_option("#run-mode", "job")
    run_example(page, "karate", num_trials=3, seed=7)
    assert page.get_attribute("#progress", "data-status") == "succeeded"
    _, tree = download(page, "#download-tree")
    assert "# codelength" in tree and len([r for r in tree.splitlines() if r and not r.startswith("#")]) == 34
    # the key stays in the browser for the next visit
    open_page(page, keyed_server)
    assert page.input_value("#api-key") == KEY
