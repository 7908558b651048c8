"""What the page asks of POST /v1/infomap and /v1/infomap/file (issue 13, part 4): the module
links at every level, the network's links, and any output format as the file's bytes."""

from __future__ import annotations

import math
import warnings
from pathlib import Path

import orjson
import pytest
from fastapi.testclient import TestClient

from shared_data import examples_dir
from app.main import create_app
from app.settings import Settings
from infomap_core import InfomapOptions, run_infomap
from infomap_core.formats import FORMATS, render
from infomap_core.io import parse_network
from tests.formats.official_parser import official_parse

EXAMPLES = examples_dir()
ROOT = Path(__file__).resolve().parents[2]
KARATE = (ROOT / "infomap_core" / "data" / "karate.net").read_bytes()
PAJEK_LINKS = (b'*Vertices 6\n1 "a"\n2 "b"\n3 "c"\n4 "d"\n5 "e"\n6 "f"\n'
               b"*Links\n1 2 1\n2 3 2\n3 1 1\n3 4 0.5\n4 5 1\n5 6 2\n6 4 1\n")

# Pajek *Vertices/*Arcs (directed), Pajek *Vertices/*Edges (weighted), a link list, Pajek *Links.
FILES = {
    "arcs": (EXAMPLES / "modular_wd.net").read_bytes(),
    "edges": (EXAMPLES / "modular_w.net").read_bytes(),
    "link-list": (EXAMPLES / "ninetriangles.edges").read_bytes(),
    "links": PAJEK_LINKS,
}


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    settings = Settings(max_sync_links=5000, warmup=False, data_dir=tmp_path_factory.mktemp("data"),
                        dask_workers=1, dask_processes=False)
    with TestClient(create_app(settings)) as c:
        yield c


def without_run_times(text: str) -> list[str]:
    """The lines of a file but its start time and duration (two runs of one request differ there)."""
    return [line for line in text.splitlines() if not line.startswith(("# started at ", "# completed in "))]


def _path(path: str) -> list[int]:
    return [0] if path == "root" else [int(p) for p in path.split(":")]


@pytest.mark.parametrize("two_level", [False, True], ids=["multilevel", "two-level"])
@pytest.mark.parametrize("name", list(FILES))
def test_module_links_are_what_the_official_parser_reads_in_the_ftree(client, name, two_level):
    """The JSON module links and the .ftree of the same request, read by the official parser
    (@mapequation/infomap-parser, strict), name the same modules, links and flows."""
    form = {"two_level": str(two_level).lower(), "include_module_links": "true", "directed": str(name == "arcs").lower()}
    answer = client.post("/v1/infomap/file", files={"file": (f"{name}.txt", FILES[name])}, data=form)
    assert answer.status_code == 200, answer.text
    answer = answer.json()
    ftree = client.post("/v1/infomap/file?format=ftree", files={"file": (f"{name}.txt", FILES[name])}, data=form)
    assert ftree.status_code == 200 and ftree.headers["content-type"] == "text/plain; charset=utf-8"
    parsed = official_parse([ftree.text], strict=True)[0]
    assert parsed["ok"], parsed
    official = parsed["result"]

    links = answer["module_links"]
    assert links["directed"] is official["directed"] is (name in ("arcs",))
    assert [_path(m["path"]) for m in links["modules"]] == [m["path"] for m in official["modules"]]
    assert len(links["modules"]) > 1
    for ours, theirs in zip(links["modules"], official["modules"]):
        assert (len(ours["links"]), ours["num_children"]) == (theirs["numEdges"], theirs["numChildren"])
        assert [tuple(r[:2]) for r in ours["links"]] == [(x["source"], x["target"]) for x in theirs["links"]]
        assert [r[2] for r in ours["links"]] == pytest.approx([x["flow"] for x in theirs["links"]], rel=1e-8)
        assert (ours["enter"], ours["exit"]) == pytest.approx((theirs["enterFlow"], theirs["exitFlow"]),
                                                               rel=1e-8, abs=1e-12)
    # The tree the paths name comes along, also for a two-level run.
    assert answer["tree"]["children"] and answer["num_modules"] == len(answer["tree"]["children"])
    top = links["modules"][0]
    assert top["path"] == "root" and top["num_children"] == answer["num_modules"]
    assert all(1 <= r[0] <= answer["num_modules"] and 1 <= r[1] <= answer["num_modules"] for r in top["links"])


@pytest.mark.parametrize("name, directed", [("arcs", True), ("edges", False)])
def test_links_are_the_network_the_official_package_reads(client, tmp_path, name, directed):
    import infomap

    answer = client.post("/v1/infomap/file", files={"file": ("net.net", FILES[name])},
                         data={"include_links": "true", "directed": str(directed).lower()})
    assert answer.status_code == 200, answer.text
    links = answer.json()["links"]
    assert links["directed"] is directed
    path = tmp_path / "net.net"
    path.write_bytes(FILES[name])
    im = infomap.Infomap(silent=True, directed=directed)
    im.read_file(str(path))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        official = sorted((s, t, w) for s, t, w in im.links)
    ours = sorted(zip(links["source"], links["target"], links["weight"]))
    if not directed:  # one row per pair, either way round
        ours = sorted((min(s, t), max(s, t), w) for s, t, w in ours)
        official = sorted((min(s, t), max(s, t), w) for s, t, w in official)
    assert ours == official


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_every_format_is_the_file_the_renderer_writes(client, fmt):
    """?format= answers with the bytes of infomap_core.formats (the command line's and a job's
    files), for the JSON body and the file upload alike; json is the JSON answer as a file."""
    options = {"num_trials": 2, "seed": 7, "markov_time": 0.8}
    json_form = client.post(f"/v1/infomap?format={fmt}", json={
        "edges": [[int(s), int(t), float(w)] for s, t, w in (line.split() for line in FILES["link-list"].decode()
                                                              .splitlines() if line and not line.startswith("#"))],
        **options})
    file_form = client.post(f"/v1/infomap/file?format={fmt}", files={"file": ("x.edges", FILES["link-list"])},
                            data={k: str(v) for k, v in options.items()})
    network = parse_network(FILES["link-list"].decode())
    expected = render(run_infomap(network, InfomapOptions(**options)), fmt)
    plain = client.post("/v1/infomap/file", files={"file": ("x.edges", FILES["link-list"])},
                        data={k: str(v) for k, v in options.items()}).json()
    for answer in (json_form, file_form):
        assert answer.status_code == 200, answer.text
        media = FORMATS[fmt].media_type
        assert answer.headers["content-type"] == (media if fmt == "json" else f"{media}; charset=utf-8")
        assert answer.headers["content-disposition"] == f'attachment; filename="infomap{FORMATS[fmt].extension}"'
        if fmt == "json":
            got = orjson.loads(answer.content)
            for d in (got, plain):
                d["metadata"].pop("elapsed_seconds", None)
            assert got == plain
            assert got["codelength"] == pytest.approx(orjson.loads(expected)["codelength"], rel=1e-12)
        else:
            assert without_run_times(answer.content.decode()) == without_run_times(expected)
    if fmt == "tree":
        assert "# codelength" in json_form.text and math.isfinite(float(json_form.text.split("# codelength ")[1]
                                                                         .split()[0]))


def test_a_file_run_takes_every_option_and_names_bad_ones(client):
    files = {"file": ("karate.net", KARATE)}
    plain = client.post("/v1/infomap/file", files=files).json()
    slow = client.post("/v1/infomap/file", files=files, data={"markov_time": "2", "flow_model": "undirdir",
                                                              "teleportation_probability": "0.3"})
    assert slow.status_code == 200, slow.text
    assert slow.json()["codelength"] != plain["codelength"]
    for data, field in [({"markov_time": "0"}, "markov_time"), ({"flow_model": "sideways"}, "flow_model"),
                        ({"include_links": "perhaps"}, "include_links"), ({"colour": "red"}, "colour")]:
        error = client.post("/v1/infomap/file", files=files, data=data)
        assert error.status_code == 422 and error.json()["error"]["field"] == field, error.text
    bad = client.post("/v1/infomap?format=png", json={"edges": [[1, 2]]})
    assert bad.status_code == 422 and bad.json()["error"]["field"] == "format"


def test_a_job_answers_with_the_same_module_links_and_links(client):
    import time

    body = {"edges": [[1, 2], [2, 3], [3, 1], [3, 4], [4, 5], [5, 6], [6, 4], [1, 4, 0.5]], "directed": True,
            "include_module_links": True, "include_links": True, "seed": 3}
    sync = client.post("/v1/infomap", json=body).json()
    job = client.post("/v1/jobs", json={"kind": "infomap", **body})
    assert job.status_code == 202, job.text
    for _ in range(1200):
        status = client.get(f"/v1/jobs/{job.json()['id']}").json()["status"]
        if status in ("succeeded", "failed", "cancelled"):
            break
        time.sleep(0.05)
    assert status == "succeeded"
    result = client.get(f"/v1/jobs/{job.json()['id']}/result").json()
    assert result["module_links"] == sync["module_links"] and result["module_links"]["directed"] is True
    assert result["links"] == sync["links"]
    assert sorted(zip(result["links"]["source"], result["links"]["target"], result["links"]["weight"])) == sorted(
        (s, t, float(w[0]) if w else 1.0) for s, t, *w in body["edges"])


def _wait(client, job_id: str) -> str:
    import time

    for _ in range(1200):
        status = client.get(f"/v1/jobs/{job_id}").json()["status"]
        if status in ("succeeded", "failed", "cancelled"):
            return status
        time.sleep(0.05)
    return status


@pytest.mark.parametrize("name", list(FILES))
def test_a_file_job_answers_as_the_file_endpoint(client, name):
    """POST /v1/jobs/infomap/file takes the form of /v1/infomap/file; its result (JSON and files)
    is the synchronous answer to the same form."""
    form = {"num_trials": "2", "seed": "11", "directed": str(name == "arcs").lower(), "include_module_links": "true",
            "include_links": "true", "markov_time": "0.9"}
    files = {"file": (f"{name}.txt", FILES[name])}
    sync = client.post("/v1/infomap/file", files=files, data=form).json()
    job = client.post("/v1/jobs/infomap/file", files=files, data=form)
    assert job.status_code == 202 and job.headers["location"] == f"/v1/jobs/{job.json()['id']}", job.text
    assert job.json()["progress"]["total"] == 2
    assert _wait(client, job.json()["id"]) == "succeeded"
    result = client.get(f"/v1/jobs/{job.json()['id']}/result").json()
    for key in ("codelength", "modules", "tree", "module_links", "links", "trial_codelengths"):
        assert result[key] == sync[key], key
    tree = client.get(f"/v1/jobs/{job.json()['id']}/result", params={"format": "ftree"}).text
    direct = client.post("/v1/infomap/file?format=ftree", files=files, data=form).text
    assert without_run_times(tree) == without_run_times(direct)


def test_a_file_job_names_the_bad_field(client):
    """The file is read on the worker: a bad line fails the job, naming the file and the line."""
    bad = client.post("/v1/jobs/infomap/file", files={"file": ("x.txt", b"1 2 -1\n")})
    assert bad.status_code == 202
    assert _wait(client, bad.json()["id"]) == "failed"
    assert client.get(f"/v1/jobs/{bad.json()['id']}").json()["error"].startswith("file: line 1: ")
    bad = client.post("/v1/jobs/infomap/file", files={"file": ("x.txt", b"1 2\n")}, data={"num_trials": "0"})
    assert bad.status_code == 422 and bad.json()["error"]["field"] == "num_trials"


@pytest.mark.parametrize("name", ["app.service.extras", "app.service.networks"])
def test_docstring_examples(name):
    import doctest
    import importlib

    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0 and result.failed == 0
