"""End to end in Debian's Chromium: the page at / against the real app (issues 7 and 13).

The page parses no network and computes no flow: it uploads the file to POST
/v1/infomap/file, draws the server's tree, links and module links, and saves the server's
files byte for byte.
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path
from urllib.parse import urlparse

import orjson
import pytest

from shared_data import examples_dir
from infomap_core.formats import FORMATS

from .conftest import ROOT, open_page, screenshot

DATA = ROOT / "infomap_core" / "data"
EXAMPLES = examples_dir()
PAJEK_LINKS = ('*Vertices 6\n1 "a"\n2 "b"\n3 "c"\n4 "d"\n5 "e"\n6 "f"\n'
               "*Links\n1 2 1\n2 3 2\n3 1 1\n3 4 0.5\n4 5 1\n5 6 2\n6 4 1\n")


def form_of(**options) -> dict[str, str]:
    """The form the page sends (its defaults), with ``options`` (form fields are text)."""
    form = {"directed": "false", "two_level": "false", "num_trials": "1", "seed": "123", "markov_time": "1",
            "teleportation_probability": "0.15", "include_tree": "true", "include_module_links": "true",
            "include_links": "true"}
    form.update({k: str(v).lower() if isinstance(v, bool) else str(v) for k, v in options.items()})
    return form


def api_run(api, content: bytes, name: str = "network.net", fmt: str | None = None, headers=None, **options):
    answer = api.post("/v1/infomap/file" + (f"?format={fmt}" if fmt else ""), files={"file": (name, content)},
                      data=form_of(**options), headers=headers or {})
    assert answer.status_code == 200, answer.text
    return answer if fmt else answer.json()


def run_example(page, key: str, **options) -> None:
    page.select_option("#example", key)
    run_with(page, **options)


def run_with(page, **options) -> None:
    for field, value in options.items():
        if isinstance(value, bool):
            page.set_checked(f"#{field}", value)
        else:
            page.fill(f"#{field}", str(value))
    page.click("#run")
    # the first run on a fresh server compiles the engine in its worker process: slow on a busy machine
    page.wait_for_selector("#results:not([hidden])", timeout=180_000)
    page.wait_for_function("!document.querySelector('#run').disabled", timeout=180_000)


def download(page, selector: str) -> tuple[str, str]:
    with page.expect_download() as info:
        page.click(selector)
    d = info.value
    return d.suggested_filename, Path(d.path()).read_text()


def record_answers(page, pattern: str) -> dict[str, tuple[bytes, str]]:
    """What the server answers to the page's requests matching ``pattern``, recorded on the way:
    {url query: (body bytes, content type)}."""
    served = {}

    def record(route):
        answer = route.fetch()
        served[urlparse(route.request.url).query] = (answer.body(), answer.headers["content-type"])
        route.fulfill(response=answer)

    page.route(pattern, record)
    return served


def without_run_times(text: str) -> list[str]:
    """The lines of a file but its start time and duration (two runs of one request differ there)."""
    return [line for line in text.splitlines() if not line.startswith(("# started at ", "# completed in "))]


def test_karate_matches_the_api_expands_a_module_and_downloads_the_tree(page, server, api):
    open_page(page, server)
    run_example(page, "karate")

    expected = api_run(api, (DATA / "karate.net").read_bytes())
    shown = float(page.get_attribute("#codelength", "data-value"))
    assert shown == expected["codelength"]
    assert page.inner_text("#codelength") == f"{expected['codelength']:.6f}"
    assert page.inner_text("#one-level-codelength") == f"{expected['one_level_codelength']:.6f}"
    assert int(page.inner_text("#num-modules")) == expected["num_modules"] == 3
    assert int(page.inner_text("#num-levels")) == expected["num_levels"]
    assert page.inner_text("#num-nodes") == "34" and page.inner_text("#num-links") == "78"
    assert page.get_attribute("#run-info", "data-value") == "sync"
    assert any(urlparse(u).path == "/v1/infomap/file" for u in page.requests)

    # The drawings: every node and the server's 78 links (undirected: no arrowheads); one unit per top module.
    assert page.get_attribute("#network-canvas", "data-nodes") == "34"
    assert page.get_attribute("#network-canvas", "data-links") == "78"
    assert page.get_attribute("#network-canvas", "data-directed") == "false"
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


@pytest.mark.parametrize("example, directed", [("karate", False), ("lesmis", True)])
def test_every_download_is_the_servers_file_byte_for_byte(page, server, api, example, directed):
    """Each download button saves the bytes the server answered, untouched, under the network's name
    and the format's extension; those bytes are the server's file for the same form."""
    open_page(page, server)
    run_example(page, example, directed=directed)
    offered = page.locator("#downloads button").evaluate_all("bs => bs.map(b => b.id)")
    assert offered == [f"download-{f}" for f in FORMATS]
    content = (DATA / f"{example}.net").read_bytes()
    served = record_answers(page, "**/v1/infomap/file?format=*")
    for fmt, spec in FORMATS.items():
        with page.expect_download() as info:
            page.click(f"#download-{fmt}")
        body, media = served.pop(f"format={fmt}")
        saved = Path(info.value.path()).read_bytes()
        assert info.value.suggested_filename == f"{example}{spec.extension}"
        assert saved == body and len(saved) > 100, fmt
        assert media.startswith(spec.media_type)
        direct = api_run(api, content, f"{example}.net", fmt, directed=directed).content
        if fmt == "json":
            got, want = orjson.loads(saved), orjson.loads(direct)
            for d in (got, want):
                d["metadata"].pop("elapsed_seconds")
            assert got == want and got["module_links"] and got["tree"]
        else:
            assert without_run_times(saved.decode()) == without_run_times(direct.decode()), fmt
            assert "nan" not in saved.decode().lower().replace("infomap", "")
    assert not page.errors


@pytest.mark.parametrize("name, content, directed", [
    ("modular_wd.net", (EXAMPLES / "modular_wd.net").read_text(), True),  # Pajek *Vertices / *Arcs, weighted
    ("ninetriangles.edges", (EXAMPLES / "ninetriangles.edges").read_text(), False),  # a link list
    ("links.net", PAJEK_LINKS, True),  # Pajek *Links
], ids=["pajek-arcs", "link-list", "pajek-links"])
def test_an_uploaded_file_runs_on_the_server_and_shows_its_modules(page, server, api, tmp_path, name, content,
                                                                   directed):
    path = tmp_path / name
    path.write_text(content)
    open_page(page, server)
    page.set_input_files("#network-file", str(path))
    assert name in page.inner_text("#upload-note")
    with page.expect_request(lambda r: urlparse(r.url).path == "/v1/infomap/file") as sent:
        run_with(page, directed=directed, seed=5)
    assert sent.value.headers["content-type"].startswith("multipart/form-data")

    expected = api_run(api, path.read_bytes(), name, directed=directed, seed=5)
    assert float(page.get_attribute("#codelength", "data-value")) == expected["codelength"]
    assert int(page.inner_text("#num-modules")) == expected["num_modules"] >= 2
    assert int(page.inner_text("#num-nodes")) == expected["num_nodes"]
    rows = page.locator("#modules-table tbody tr.module").evaluate_all("rows => rows.map(r => r.dataset.path)")
    assert sorted(rows) == sorted(c["path"] for c in expected["tree"]["children"])

    # The links drawn are the server's, as wide as their weight, with arrowheads when directed.
    links = expected["links"]
    drawn = page.evaluate("window.mapeq.networkLinks()")
    assert sorted((d["source"], d["target"], d["weight"]) for d in drawn) == sorted(
        (str(s), str(t), w) for s, t, w in zip(links["source"], links["target"], links["weight"]) if s != t)
    assert page.get_attribute("#network-canvas", "data-directed") == str(links["directed"]).lower()
    assert links["directed"] is directed
    if len(set(links["weight"])) > 1:
        by_weight = sorted((d["weight"], d["width"]) for d in drawn)
        assert all(w0 < w1 for (a, w0), (b, w1) in itertools.pairwise(by_weight) if a < b)
    assert not page.errors


def _server_module_links(answer: dict, open_paths: list[str]) -> list[tuple[str, str, float]]:
    def child(path, rank):
        return str(rank) if path == "root" else f"{path}:{rank}"

    sections = {m["path"]: m["links"] for m in answer["module_links"]["modules"]}
    return sorted((child(p, a), child(p, b), f) for p in open_paths for a, b, f in sections[p])


@pytest.mark.parametrize("example, directed", [("karate", False), ("lesmis", True)])
def test_the_module_links_drawn_are_the_servers(page, server, api, example, directed):
    open_page(page, server)
    run_example(page, example, directed=directed)
    answer = api_run(api, (DATA / f"{example}.net").read_bytes(), directed=directed)

    def drawn():
        return sorted((d["source"], d["target"], d["flow"]) for d in page.evaluate("window.mapeq.moduleLinks()"))

    assert drawn() == _server_module_links(answer, ["root"])
    assert drawn(), "the top modules are linked"
    assert page.get_attribute("#module-canvas", "data-directed") == str(directed).lower()
    assert answer["module_links"]["directed"] is directed

    # Expand the module with the most links inside (and its ancestors): their sections are drawn as well.
    module = max((m for m in answer["module_links"]["modules"] if m["path"] != "root"), key=lambda m: len(m["links"]))
    parts = module["path"].split(":")
    opened = ["root"]
    for depth in range(1, len(parts) + 1):
        path = ":".join(parts[:depth])
        page.locator(f"#modules-table tbody tr[data-path='{path}'] button.expand").click()
        opened.append(path)
        assert drawn() == _server_module_links(answer, opened)
    assert len(module["links"]) > 0
    screenshot(page, f"web-modules-{example}.png")
    assert not page.errors


def test_lesmis_labels_do_not_overlap_and_hover_shows_any_node(page, server):
    open_page(page, server)
    run_example(page, "lesmis")
    page.wait_for_selector("#network-canvas[data-settled=true]", timeout=60_000)
    page.wait_for_timeout(200)
    labels = page.evaluate("window.mapeq.networkLabels()")
    assert 5 <= len(labels) <= 77
    for a, b in itertools.combinations(labels, 2):
        apart = a["x1"] <= b["x0"] or b["x1"] <= a["x0"] or a["y1"] <= b["y0"] or b["y1"] <= a["y0"]
        assert apart, (a, b)
    assert "Valjean" in {label["text"] for label in labels}, "the node with the most flow is labelled"

    # A node whose label did not fit: hovering it shows its label (first) and its tooltip.
    shown = {label["id"] for label in labels}
    leaves = page.evaluate("window.mapeq.state.run.tree.root.leaves.map(t => [String(t.node), t.name])")
    hidden = [(i, n) for i, n in leaves if i not in shown]
    if hidden:
        node_id, node_name = hidden[0]
        box = page.locator("#network-canvas").bounding_box()
        # the position is read again before each try: in about one run in three the first hover
        # missed (the canvas's view can still move after data-settled; cause not pinned down)
        hovered = ""
        for _ in range(5):
            x, y = page.evaluate(f"window.mapeq.networkPosition({node_id!r})")
            page.mouse.move(0, 0)
            page.mouse.move(box["x"] + x, box["y"] + y)
            page.wait_for_timeout(300)
            hovered = page.evaluate("document.querySelector('#network-canvas').dataset.hovered")
            if hovered == node_id:
                break
        assert hovered == node_id
        page.wait_for_timeout(100)
        after = page.evaluate("window.mapeq.networkLabels()")
        assert node_name in {label["text"] for label in after}
        assert node_name in page.inner_text("#network-tooltip")
    screenshot(page, "web-lesmis.png")


def test_api_errors_are_shown_next_to_their_field(page, server):
    open_page(page, server)
    # A negative weight: the server's reader refuses it (422, field "file"), shown under the network box.
    page.fill("#network-text", "1 2 1\n2 3 -2\n3 1 1\n")
    page.click("#run")
    error = page.locator("#error-edges")
    error.wait_for(state="visible", timeout=180_000)  # a fresh server's first request is slow
    page.wait_for_function("document.querySelector('#error-edges').textContent.includes('>= 0')")
    assert "line 2" in error.inner_text() and "weights must be >= 0" in error.inner_text()
    assert "invalid" in page.get_attribute("#network-text", "class")
    assert page.locator("#results").is_hidden()

    page.fill("#network-text", "1 2 1\n2 3 nan\n")
    page.click("#run")
    page.wait_for_function("document.querySelector('#error-edges').textContent.includes('finite')")
    assert "line 2" in error.inner_text()

    page.fill("#network-text", "  \n")
    page.click("#run")
    page.wait_for_function("document.querySelector('#error-edges').textContent.includes('paste a network')")

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
    with page.expect_request(lambda r: urlparse(r.url).path == "/v1/jobs/infomap/file"):
        run_example(page, "karate", num_trials=3, seed=7)
    assert page.get_attribute("#run-info", "data-value") == "job"
    bar = page.locator("#progress")
    assert bar.is_visible() and bar.get_attribute("data-status") == "succeeded"
    assert page.evaluate("document.querySelector('#progress').value") == 3
    expected = api_run(api, (DATA / "karate.net").read_bytes(), num_trials=3, seed=7)
    assert float(page.get_attribute("#codelength", "data-value")) == expected["codelength"]
    assert int(page.inner_text("#num-modules")) == expected["num_modules"]
    drawn = sorted((d["source"], d["target"], d["flow"]) for d in page.evaluate("window.mapeq.moduleLinks()"))
    assert drawn == _server_module_links(expected, ["root"])
    served = record_answers(page, "**/v1/jobs/*/result?format=*")
    name, tree = download(page, "#download-tree")
    assert tree.encode() == served["format=tree"][0] and name == "karate.tree"
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
    for path in ("/v1/cluster/vectors", "/v1/jobs", "/v1/jobs/{job_id}", "/v1/jobs/infomap/file"):
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


def test_the_page_has_no_network_parser_flow_or_format_writer():
    """Issue 13: one implementation, the server's. The sources that re-implemented it are gone."""
    src = ROOT / "web" / "src"
    assert not (src / "parse.js").exists() and not (src / "formats.js").exists()
    code = "\n".join(p.read_text() for p in src.glob("*.js") if p.name != "examples.generated.js")
    for word in ("pagerank", "dangling", "*vertices", "toexponential", "strengthnorm"):
        assert word not in code.lower(), word


def test_the_committed_bundle_was_built_from_the_committed_sources():
    """app/static/app.js names the sha256 of web/src and package-lock.json it was built from (web/scripts/build.mjs)."""
    import hashlib

    web = ROOT / "web"
    digest = hashlib.sha256()
    for rel in sorted(f"src/{p.name}" for p in (web / "src").iterdir()) + ["package-lock.json"]:
        digest.update(rel.encode() + b"\0" + (web / rel).read_bytes() + b"\0")
    first_line = (ROOT / "app" / "static" / "app.js").read_text().splitlines()[0]
    assert first_line.endswith(f"(sources sha256 {digest.hexdigest()})"), (
        "app/static/app.js is stale: cd web && npm ci && npm run build")


def _physical_links(answer: dict) -> list[tuple[str, str, float]]:
    """The server's state links by the (physical node, top module) unit of each end, weights summed."""
    unit = {k: f"{s['physical_id']}@{s['module']}" for k, s in answer["states"].items()}
    summed: dict[tuple[str, str], float] = {}
    links = answer["links"]
    for s, t, w in zip(links["source"], links["target"], links["weight"]):
        a, b = unit[str(s)], unit[str(t)]
        if a != b:
            summed[(a, b)] = summed.get((a, b), 0.0) + w
    return sorted((a, b, pytest.approx(w, rel=1e-12)) for (a, b), w in summed.items())


@pytest.mark.parametrize("example", ["multilayer_intra", "states", "multilayer", "multilayer_intra_inter"])
def test_higher_order_examples_show_overlapping_physical_nodes(page, server, api, example):
    """The official's state and multilayer examples run from the example list; the network view draws
    each physical node once in every top module holding it, sized by the server's flow there, and the
    overlap table lists the nodes in more than one module with those flows (a pie each)."""
    open_page(page, server)
    run_example(page, example, num_trials=5)
    expected = api_run(api, (DATA / f"{example}.net").read_bytes(), f"{example}.net", num_trials=5)
    assert float(page.get_attribute("#codelength", "data-value")) == expected["codelength"]
    physical = expected["physical_modules"]
    assert page.get_attribute("#network-canvas", "data-level") == "physical"
    assert int(page.get_attribute("#network-canvas", "data-nodes")) == sum(len(ms) for ms in physical.values())
    # the modules named are the tree's top modules: every state's module is its leaf's top path
    leaves = {}

    def walk(t):
        for c in t.get("children", []):
            walk(c) if "children" in c else leaves.setdefault(str(c["node"]), int(c["path"].split(":")[0]))

    walk(expected["tree"])
    assert {k: s["module"] for k, s in expected["states"].items()} == leaves
    drawn = page.evaluate("window.mapeq.networkLinks()")
    assert sorted((d["source"], d["target"], d["weight"]) for d in drawn) == _physical_links(expected)
    assert page.locator("#overlap").is_visible()
    rows = page.locator("#overlap-table tbody tr").evaluate_all(
        "rows => rows.map(r => [r.dataset.physical, [...r.querySelectorAll('.membership')]"
        ".map(m => [Number(m.dataset.module), Number(m.dataset.flow)])])")
    shared = {pid: [[m["module"], m["flow"]] for m in ms] for pid, ms in physical.items() if len(ms) > 1}
    assert dict(rows) == shared
    assert page.locator("#overlap-table .pie").count() == len(shared)
    if example == "multilayer_intra":
        assert "1" in shared  # node i: a module in each layer, as the official finds
        screenshot(page, "web-multilayer.png")
    assert not page.errors


def test_bipartite_example_runs_without_overlap(page, server, api):
    open_page(page, server)
    run_example(page, "bipartite")
    expected = api_run(api, (DATA / "bipartite.net").read_bytes(), "bipartite.net")
    assert float(page.get_attribute("#codelength", "data-value")) == expected["codelength"]
    assert page.inner_text("#num-nodes") == "5"
    assert page.get_attribute("#network-canvas", "data-level") == "nodes"
    assert page.locator("#overlap").is_hidden()
    assert not page.errors
