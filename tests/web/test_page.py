"""End to end in Debian's Chromium: the page at / against the real app (issue 7)."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlparse

import pytest

from .conftest import ROOT, open_page, screenshot

DATA = ROOT / "infomap_core" / "data"


def pajek_edges(name: str) -> list[list]:
    """The *Edges lines of a bundled example, as the API's ``edges``."""
    edges, inside = [], False
    for line in (DATA / name).read_text().splitlines():
        line = line.strip()
        if line.startswith("*"):
            inside = line.lower().startswith(("*edges", "*arcs"))
            continue
        if inside and line and not line.startswith("#"):
            parts = line.split()
            edges.append([int(parts[0]), int(parts[1])] + ([float(parts[2])] if len(parts) > 2 else []))
    return edges


def run_example(page, key: str, **options) -> None:
    page.select_option("#example", key)
    for field, value in options.items():
        if isinstance(value, bool):
            page.set_checked(f"#{field}", value)
        else:
            page.fill(f"#{field}", str(value))
    page.click("#run")
    page.wait_for_selector("#results:not([hidden])")
    page.wait_for_function("!document.querySelector('#run').disabled")


def download(page, selector: str) -> tuple[str, str]:
    with page.expect_download() as info:
        page.click(selector)
    d = info.value
    return d.suggested_filename, Path(d.path()).read_text()


def wait_job(api, body: dict) -> str:
    job = api.post("/v1/jobs", json={"kind": "infomap", **body})
    assert job.status_code == 202, job.text
    job_id = job.json()["id"]
    for _ in range(600):
        status = api.get(f"/v1/jobs/{job_id}").json()["status"]
        if status in ("succeeded", "failed", "cancelled"):
            break
        import time

        time.sleep(0.05)
    assert status == "succeeded"
    return job_id


def test_karate_matches_the_api_expands_a_module_and_downloads_the_tree(page, server, api):
    open_page(page, server)
    run_example(page, "karate")

    expected = api.post("/v1/infomap", json={"edges": pajek_edges("karate.net"), "num_trials": 1, "seed": 123})
    assert expected.status_code == 200, expected.text
    expected = expected.json()
    shown = float(page.get_attribute("#codelength", "data-value"))
    assert shown == expected["codelength"]
    assert page.inner_text("#codelength") == f"{expected['codelength']:.6f}"
    assert page.inner_text("#one-level-codelength") == f"{expected['one_level_codelength']:.6f}"
    assert int(page.inner_text("#num-modules")) == expected["num_modules"] == 3
    assert int(page.inner_text("#num-levels")) == expected["num_levels"]
    assert page.inner_text("#num-nodes") == "34" and page.inner_text("#num-links") == "78"
    assert page.get_attribute("#run-info", "data-value") == "sync"

    # The drawings: every node, and one unit per top module.
    assert page.get_attribute("#network-canvas", "data-nodes") == "34"
    assert page.get_attribute("#module-canvas", "data-nodes") == "3"
    top = page.locator("#modules-table tbody tr.module")
    assert top.count() == 3

    # Expand the biggest module into its children: rows appear, the module network grows.
    first = page.locator("#modules-table tbody tr").first
    path = first.get_attribute("data-path")
    size = int(first.locator("td").nth(2).inner_text())
    first.locator("button.expand").click()
    children = page.locator(f"#modules-table tbody tr[data-path^='{path}:']")
    assert children.count() == size
    assert page.get_attribute("#module-canvas", "data-nodes") == str(3 - 1 + size)
    assert page.get_attribute(f"#modules-table tbody tr[data-path='{path}'] button.expand", "aria-expanded") == "true"

    # Sorting by size puts the largest module first, and by module id ascending.
    page.click("#modules-table th[data-sort='path']")
    paths = page.locator("#modules-table tbody tr.module").evaluate_all("rows => rows.map(r => r.dataset.path)")
    assert paths[:1] == ["1"] and page.get_attribute("#modules-table th[data-sort='path']", "aria-sort") == "ascending"

    name, tree = download(page, "#download-tree")
    assert name == "karate.tree"
    assert f"# codelength {expected['codelength']:.9g} bits" in tree.splitlines()
    rows = [line for line in tree.splitlines() if line and not line.startswith("#")]
    assert len(rows) == 34
    assert {int(r.split()[-1]) for r in rows} == set(range(1, 35))

    screenshot(page, "web-karate.png")
    assert not page.errors
    hosts = {urlparse(u).netloc for u in page.requests if urlparse(u).scheme in ("http", "https")}
    assert hosts == {urlparse(server).netloc}, "the page must load nothing but its own server"


def without_run_times(text: str) -> list[str]:
    """The lines of a file but its start time and duration (two runs of one request differ there)."""
    return [line for line in text.splitlines() if not line.startswith(("# started at ", "# completed in "))]


@pytest.mark.parametrize("example, directed", [("karate", False), ("lesmis", True)])
def test_downloads_after_a_sync_run_are_the_servers_files(page, server, api, example, directed):
    """After a synchronous run every download is the file the server renders for the same request
    (the page submits it as a job on the first download): one renderer, the official headers, no NaN."""
    open_page(page, server)
    run_example(page, example, directed=directed)
    job_id = wait_job(api, {"edges": pajek_edges(f"{example}.net"), "directed": directed, "num_trials": 1,
                            "seed": 123, "nodes": [{"id": i + 1, "name": n} for i, n in enumerate(_names(example))]})
    for fmt, ext in [("tree", "tree"), ("clu", "clu"), ("csv", "csv"), ("newick", "nwk"), ("ftree", "ftree")]:
        name, text = download(page, f"#download-{fmt}")
        assert name == f"{example}.{ext}"
        server_text = api.get(f"/v1/jobs/{job_id}/result", params={"format": fmt}).text
        assert without_run_times(text) == without_run_times(server_text), fmt
        assert "nan" not in text.lower()
    _, data = download(page, "#download-json")
    assert '"codelength"' in data
    assert not page.errors


def _names(example: str) -> list[str]:
    names, inside = [], False
    for line in (DATA / f"{example}.net").read_text().splitlines():
        if line.startswith("*"):
            inside = line.lower().startswith("*vertices")
            continue
        if inside and line.strip():
            names.append(re.search(r'"([^"]*)"', line).group(1))
    return names


def test_api_errors_are_shown_next_to_their_field(page, server):
    open_page(page, server)
    # A negative weight: the API refuses it (422, field "edges"), shown under the network box.
    page.fill("#network-text", "1 2 1\n2 3 -2\n3 1 1\n")
    page.click("#run")
    error = page.locator("#error-edges")
    error.wait_for(state="visible")
    page.wait_for_function("document.querySelector('#error-edges').textContent.includes('>= 0')")
    assert "weights must be >= 0" in error.inner_text()
    assert "invalid" in page.get_attribute("#network-text", "class")
    assert page.locator("#results").is_hidden()

    # NaN cannot travel in JSON: the page names the line, under the same field.
    page.fill("#network-text", "1 2 1\n2 3 nan\n")
    page.click("#run")
    page.wait_for_function("document.querySelector('#error-edges').textContent.includes('line 2')")
    assert "not a finite number" in error.inner_text()

    # An option the API refuses: the message sits under that option, the network error is gone.
    page.fill("#network-text", "1 2\n2 3\n3 1\n")
    page.fill("#markov_time", "0")
    page.click("#run")
    page.wait_for_function("document.querySelector('#error-markov_time').textContent.length > 0")
    assert "greater than 0" in page.inner_text("#error-markov_time")
    assert page.inner_text("#error-edges") == ""
    screenshot(page, "web-validation-error.png")

    page.fill("#markov_time", "1")
    page.fill("#num_trials", "many")
    page.click("#run")
    page.wait_for_function("document.querySelector('#error-num_trials').textContent.length > 0")
    assert "integer" in page.inner_text("#error-num_trials")
    assert not page.errors


def test_a_job_shows_progress_and_downloads_from_the_server(page, server, api):
    open_page(page, server)
    page.select_option("#run-mode", "job")
    run_example(page, "karate", num_trials=3, seed=7)
    assert page.get_attribute("#run-info", "data-value") == "job"
    bar = page.locator("#progress")
    assert bar.is_visible() and bar.get_attribute("data-status") == "succeeded"
    assert page.evaluate("document.querySelector('#progress').value") == 3
    expected = api.post("/v1/infomap", json={"edges": pajek_edges("karate.net"), "num_trials": 3, "seed": 7}).json()
    assert float(page.get_attribute("#codelength", "data-value")) == expected["codelength"]
    assert int(page.inner_text("#num-modules")) == expected["num_modules"]
    href = page.get_attribute("#download-tree", "href")
    assert re.fullmatch(r"/v1/jobs/[^/]+/result\?format=tree", href)
    _, tree = download(page, "#download-tree")
    assert f"# codelength {expected['codelength']:.9g} bits" in tree
    assert len([r for r in tree.splitlines() if r and not r.startswith("#")]) == 34


def test_two_level_and_the_other_examples(page, server):
    open_page(page, server)
    page.check("#two-level")
    run_example(page, "twotriangles")
    assert page.inner_text("#codelength") == "2.320730"
    assert page.inner_text("#num-modules") == "2"
    _, tree = download(page, "#download-tree")
    rows = [r.split() for r in tree.splitlines() if r and not r.startswith("#")]
    assert sorted(r[2] for r in rows) == ['"A"', '"B"', '"C"', '"D"', '"E"', '"F"']
    assert len({r[0].split(":")[0] for r in rows}) == 2
    run_example(page, "lesmis")
    assert page.inner_text("#num-nodes") == "77"
    assert int(page.get_attribute("#network-canvas", "data-nodes")) == 77


def test_vector_tab_lists_clusters(page, server):
    open_page(page, server)
    page.click("#tab-vectors-button")
    page.click("#vectors-example")
    page.click("#vectors-run")
    page.wait_for_selector("#vectors-results:not([hidden])")
    clusters = page.locator("#clusters li.cluster").evaluate_all(
        "cs => cs.map(c => [...c.querySelectorAll('ol.members li')].map(li => li.textContent).sort())")
    assert sorted(clusters) == [["bus", "car", "truck"], ["cat", "kitten", "lion"]]
    page.fill("#min_similarity", "2")
    page.click("#vectors-run")
    page.wait_for_function("document.querySelector('#tab-vectors .field-error[data-for=min_similarity]')"
                           ".textContent.length > 0")
    screenshot(page, "web-vectors.png")


def test_missing_endpoints_are_reported_from_the_openapi_document(page, server, api):
    spec = api.get("/openapi.json").json()
    for path in ("/v1/cluster/vectors", "/v1/jobs", "/v1/jobs/{job_id}"):
        spec["paths"].pop(path, None)
    page.route("**/openapi.json", lambda route: route.fulfill(json=spec))
    open_page(page, server)
    page.click("#tab-vectors-button")
    assert page.locator("#vectors-unavailable").is_visible()
    assert "not available on this server" in page.inner_text("#vectors-unavailable")
    assert page.locator("#vectors-form").is_hidden()
    assert page.locator("#run-mode option[value=job]").is_disabled()


def test_the_page_and_its_assets_are_served_without_a_cdn(api):
    page = api.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert re.findall(r'(?:src|href)="(https?:)?//', page.text) == []
    script = api.get("/static/app.js")
    assert script.status_code == 200 and "javascript" in script.headers["content-type"]
    assert api.get("/static/style.css").status_code == 200
    missing = api.get("/static/../main.py")
    assert missing.status_code == 404
    assert api.get("/static/%2e%2e/settings.py").status_code == 404
    assert api.get("/static/nope.js").json()["error"]["code"] == "not_found"


def test_the_committed_bundle_was_built_from_the_committed_sources():
    """app/static/app.js names the sha256 of web/src and package-lock.json it was built from (web/scripts/build.mjs)."""
    import hashlib

    web = ROOT / "web"
    digest = hashlib.sha256()
    for rel in sorted(f"src/{p.name}" for p in (web / "src").iterdir()) + ["package-lock.json"]:
        digest.update(rel.encode() + b"\0" + (web / rel).read_bytes() + b"\0")
    first_line = (ROOT / "app" / "static" / "app.js").read_text().splitlines()[0]
    assert first_line.endswith(f"(sources sha256 {digest.hexdigest()})"), (
        "app/static is stale: cd web && npm ci && npm run build")
