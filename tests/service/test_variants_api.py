"""The map-equation variants through the REST API: the request fields have the official's names,
and a given partition scores as the official scores it."""

import warnings

import infomap
import pytest

from service_client import small_service

NINE = [[3 * t + a, 3 * t + b] for t in range(9) for a, b in ((1, 2), (2, 3), (3, 1))] + [
    [3 * t + 3, (3 * t + 3) % 27 + 1] for t in range(9)]
META = {str(n): n % 3 for n in range(1, 28)}
PARTITION = {str(n): (n - 1) // 9 + 1 for n in range(1, 28)}


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    with small_service(tmp_path_factory.mktemp("data")) as c:
        yield c


def official_codelength(flags: str, meta: dict | None = None) -> float:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        im = infomap.Infomap(f"--silent --no-infomap --two-level {flags}")
        for a, b in NINE:
            im.add_link(a, b)
        for node, category in (meta or {}).items():
            im.set_meta_data(int(node), category)
        im.run(initial_partition={int(n): m for n, m in PARTITION.items()})
        return float(im.codelength)


@pytest.mark.parametrize("fields,flags", [
    ({"entropy_corrected": True}, "--entropy-corrected"),
    ({"entropy_corrected": True, "entropy_correction_strength": 0.5}, "--entropy-corrected "
                                                                      "--entropy-correction-strength 0.5"),
    ({"preferred_number_of_modules": 5}, "--preferred-number-of-modules 5"),
    ({"meta_data": META}, "META"),
    ({"meta_data": META, "meta_data_rate": 2.0, "meta_data_unweighted": True},
     "META --meta-data-rate 2 --meta-data-unweighted"),
], ids=["entropy", "entropy-strength", "preferred", "meta", "meta-unweighted-rate"])
def test_codelength_of_a_partition_with_a_variant_is_the_officials(client, fields, flags):
    response = client.post("/v1/codelength", json={"edges": NINE, "partition": PARTITION, **fields})
    assert response.status_code == 200, response.text
    meta = {int(n): c for n, c in META.items()} if "META" in flags else None
    expected = official_codelength(flags.replace("META", ""), meta)
    assert response.json()["codelength"] == pytest.approx(expected, rel=1e-9)
    plain = client.post("/v1/codelength", json={"edges": NINE, "partition": PARTITION}).json()["codelength"]
    assert abs(response.json()["codelength"] - plain) > 1e-3  # the field changed the objective


@pytest.mark.parametrize("fields,flags", [
    ({"variable_markov_time": True}, "--variable-markov-time"),
    ({"variable_markov_time": True, "variable_markov_damping": 0.3, "variable_markov_min_scale": 0.5},
     "--variable-markov-time --variable-markov-damping 0.3 --variable-markov-min-scale 0.5"),
], ids=["default", "damping-min-scale"])
def test_codelength_with_variable_markov_time_is_the_officials(client, fields, flags):
    """A star with a tail, every node a module of its own: the tail's links get twice the hub's
    Markov time."""
    edges = [[1, 2], [1, 3], [1, 4], [1, 5], [5, 6], [6, 7]]
    singletons = {str(n): n for n in range(1, 8)}
    response = client.post("/v1/codelength", json={"edges": edges, "partition": singletons, **fields})
    assert response.status_code == 200, response.text
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        im = infomap.Infomap(f"--silent --no-infomap --two-level {flags}")
        for a, b in edges:
            im.add_link(a, b)
        im.run(initial_partition={n: n for n in range(1, 8)})
    assert response.json()["codelength"] == pytest.approx(float(im.codelength), rel=1e-9)
    plain = client.post("/v1/codelength", json={"edges": edges, "partition": singletons}).json()["codelength"]
    assert response.json()["codelength"] > plain + 0.1


def test_infomap_with_variants_runs_and_reports_them(client):
    """The reported codelength is re-scored by the official after the test (tests/conftest.py)."""
    body = {"edges": NINE, "preferred_number_of_modules": 3, "meta_data": META, "meta_data_rate": 0.5,
            "num_trials": 3}
    response = client.post("/v1/infomap", json=body)
    assert response.status_code == 200, response.text
    from infomap_core import InfomapOptions, Network, run_infomap

    expected = run_infomap(Network.from_edges([tuple(e) for e in NINE]),
                           InfomapOptions(preferred_number_of_modules=3, meta_data_rate=0.5, num_trials=3),
                           meta_data={int(n): c for n, c in META.items()})
    assert response.json()["codelength"] == pytest.approx(expected.codelength, rel=1e-12)


@pytest.mark.parametrize("fields,field", [
    ({"meta_data": {"1": 1}}, "meta_data"),
    ({"meta_data": {"1": 1, "x": 2}}, "meta_data"),
    ({"entropy_corrected": True, "meta_data": META}, "entropy_corrected"),
    ({"entropy_correction_strength": -1.0}, "entropy_correction_strength"),
    ({"preferred_number_of_modules": -2}, "preferred_number_of_modules"),
    ({"meta_data_rate": -0.1}, "meta_data_rate"),
    ({"variable_markov_damping": 1.5}, "variable_markov_damping"),
    ({"variable_markov_min_scale": 0.0}, "variable_markov_min_scale"),
])
def test_bad_variant_fields_are_422_naming_them(client, fields, field):
    for path, extra in (("/v1/infomap", {}), ("/v1/codelength", {"partition": PARTITION})):
        response = client.post(path, json={"edges": NINE, **extra, **fields})
        assert response.status_code == 422, response.text
        assert field in response.json()["error"]["field"], response.text


def test_fast_hierarchical_solution_and_node_limit_fields(client):
    """``fast_hierarchical_solution`` (-F/-FF/-FFF) and ``node_limit`` give the engine's answers;
    node_limit keeps the nodes of id at most N in both endpoints."""
    from infomap_core import InfomapOptions, Network, compute_codelength, run_infomap

    network = Network.from_edges([tuple(e) for e in NINE])
    for fast in (1, 2, 3):
        response = client.post("/v1/infomap", json={"edges": NINE, "fast_hierarchical_solution": fast, "seed": 4})
        assert response.status_code == 200, response.text
        expected = run_infomap(network, InfomapOptions(fast_hierarchical_solution=fast, seed=4))
        assert (response.json()["codelength"], response.json()["num_levels"]) == (
            pytest.approx(expected.codelength, rel=1e-12), expected.num_levels)
    response = client.post("/v1/infomap", json={"edges": NINE, "node_limit": 9, "include_links": True})
    assert response.status_code == 200, response.text
    assert response.json()["num_nodes"] == 9 and sorted(map(int, response.json()["modules"])) == list(range(1, 10))
    links = response.json()["links"]
    assert max(links["source"] + links["target"]) <= 9 and len(links["source"]) == response.json()["num_links"]
    small = Network.from_edges([tuple(e) for e in NINE if max(e) <= 9])
    assert response.json()["codelength"] == pytest.approx(run_infomap(small).codelength, rel=1e-12)
    scored = client.post("/v1/codelength", json={"edges": NINE, "partition": PARTITION, "node_limit": 9})
    assert scored.status_code == 200, scored.text
    expected = compute_codelength(small, {int(n): m for n, m in PARTITION.items() if int(n) <= 9})
    assert scored.json()["codelength"] == pytest.approx(expected.codelength, rel=1e-12)


@pytest.mark.parametrize("body,field", [
    ({"fast_hierarchical_solution": 4}, "fast_hierarchical_solution"),
    ({"node_limit": -1}, "node_limit"),
    ({"edges": [["a", "b"], ["b", "c"]], "node_limit": 2}, "node_limit"),
])
def test_bad_search_and_input_fields_are_4xx_naming_them(client, body, field):
    response = client.post("/v1/infomap", json={"edges": NINE, **body})
    assert response.status_code in (400, 422), response.text
    assert field in response.json()["error"]["field"], response.text


def test_preferred_number_of_levels_fields(client):
    """The engine's tree for the preference (infomap_core.levels) and its penalty; the sync and job
    bodies take the fields, the codelength of a given tree has none (the preference chooses a tree,
    it does not score one)."""
    from infomap_core import InfomapOptions, Network, run_infomap

    network = Network.from_edges([tuple(e) for e in NINE])
    plain = run_infomap(network, seed=2)
    for levels, strength in ((2, 5.0), (plain.num_levels + 1, 5.0), (2, 0.0)):
        body = {"edges": NINE, "seed": 2, "preferred_number_of_levels": levels,
                "preferred_number_of_levels_strength": strength}
        response = client.post("/v1/infomap", json=body)
        assert response.status_code == 200, response.text
        expected = run_infomap(network, InfomapOptions(seed=2, preferred_number_of_levels=levels,
                                                       preferred_number_of_levels_strength=strength))
        got = response.json()
        assert (got["num_levels"], got["codelength"], got["level_penalty"]) == (
            expected.num_levels, pytest.approx(expected.codelength, rel=1e-12), expected.level_penalty)
        assert got["num_levels"] == (plain.num_levels if strength == 0 else levels)
    assert "level_penalty" not in client.post("/v1/infomap", json={"edges": NINE}).json()
    refused = client.post("/v1/codelength", json={"edges": NINE, "partition": PARTITION,
                                                  "preferred_number_of_levels": 2})
    assert refused.status_code == 422 and "preferred_number_of_levels" in refused.json()["error"]["field"]


@pytest.mark.parametrize("body,field", [
    ({"preferred_number_of_levels": -1}, "preferred_number_of_levels"),
    ({"preferred_number_of_levels": 1}, "preferred_number_of_levels"),
    ({"preferred_number_of_levels": 2.5}, "preferred_number_of_levels"),
    ({"preferred_number_of_levels": 33}, "preferred_number_of_levels"),
    ({"preferred_number_of_levels": 3, "two_level": True}, "preferred_number_of_levels"),
    ({"preferred_number_of_levels": 2, "preferred_number_of_levels_strength": -0.5},
     "preferred_number_of_levels_strength"),
    ({"preferred_number_of_levels": 2, "preferred_number_of_levels_strength": "big"},
     "preferred_number_of_levels_strength"),
])
def test_bad_preferred_number_of_levels_fields_are_4xx_naming_them(client, body, field):
    for path, extra in (("/v1/infomap", {}), ("/v1/jobs", {"kind": "infomap"})):
        response = client.post(path, json={"edges": NINE, **extra, **body})
        assert response.status_code in (400, 422), response.text
        assert field in response.json()["error"]["field"], response.text
