"""Vector clustering at scale: kNN libraries side by side, end-to-end runs, quality against exact kNN.

``python -m bench.vectors libraries --n 50000``   exact, faiss IVF-Flat as the service runs it (nprobe
                                                 calibrated to recall 0.95), faiss HNSW (1 and 2 build
                                                 threads) and pynndescent on the same vectors: seconds,
                                                 recall@40 (``--library`` for one of them)
``python -m bench.vectors cluster --n 200000``    end to end as the file route runs it: .npy bytes ->
                                                 vectors -> kNN graph -> InfoMap -> payload
``python -m bench.vectors nmi --n 50000``         NMI against the planted clusters, exact vs approximate
``python -m bench.vectors job --n 1000000``       as a job: the .npy body POSTed to /v1/jobs (the app in
                                                 this process, its Dask workers in their own), progress
                                                 polled every 2 s until the result

Every measurement runs in its own fresh process, one after the other (never two at once), and
appends a JSON line to ``bench/results/vectors.jsonl``. Data (``planted_vectors``): ``n`` float32
vectors of dimension 128 around ``n / 200`` random centres (standard normal), each plus normal noise of
standard deviation ``noise`` per coordinate, seed 1; ``--real`` uses the 32,000 x 256 token embeddings
that the wordllama wheel ships instead.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

RESULTS = Path(__file__).resolve().parent / "results" / "vectors.jsonl"
K = 40


def planted_vectors(n: int, d: int = 128, noise: float = 2.4, seed: int = 1) -> tuple[np.ndarray, np.ndarray]:
    """``n`` float32 vectors around ``n // 200`` centres and the planted centre of each."""
    rng = np.random.default_rng(seed)
    centres = rng.normal(size=(max(2, n // 200), d)).astype(np.float32)
    truth = rng.integers(centres.shape[0], size=n)
    x = centres[truth]
    x += noise * rng.standard_normal(size=(n, d), dtype=np.float32)
    return x, truth


def real_vectors() -> tuple[np.ndarray, None]:
    from tests.service.test_vectors import wordllama_embeddings

    return wordllama_embeddings(32000), None


def nmi(a: np.ndarray, b: np.ndarray) -> float:
    """Normalized mutual information (arithmetic mean of the entropies), from the contingency table."""
    _, a = np.unique(a, return_inverse=True)
    _, b = np.unique(b, return_inverse=True)
    n = a.size
    pairs, counts = np.unique(a.astype(np.int64) * (b.max() + 1) + b, return_counts=True)
    pa, pb = np.bincount(a) / n, np.bincount(b) / n
    pab = counts / n
    mi = np.sum(pab * np.log(pab / (pa[pairs // (b.max() + 1)] * pb[pairs % (b.max() + 1)])))
    ha, hb = -np.sum(pa * np.log(pa)), -np.sum(pb * np.log(pb))
    return float(mi / ((ha + hb) / 2)) if ha + hb > 0 else 1.0


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _record(row: dict) -> None:
    row.update(load_average=os.getloadavg(), cpus=os.cpu_count(), time=time.strftime("%Y-%m-%d %H:%M:%S"))
    RESULTS.parent.mkdir(exist_ok=True)
    with RESULTS.open("a") as f:
        f.write(json.dumps(row) + "\n")
    print(json.dumps(row), flush=True)


# --- one measurement per process ---------------------------------------------------------------

def measure_library(library: str, n: int, real: bool) -> None:
    from app.vectors.ann import sampled_recall
    from app.vectors.knn import exact_knn, prepare_vectors

    raw, _ = real_vectors() if real else planted_vectors(n)
    x = prepare_vectors(raw, "cosine", "float32")
    sample = np.sort(np.random.default_rng(0).choice(x.shape[0], 1000, replace=False))
    started = time.perf_counter()
    details = {}
    if library == "exact":
        indices, _ = exact_knn(x, K)
    elif library == "faiss-ivf":
        from app.vectors.ann import approximate_knn

        search = approximate_knn(x, K, recall_target=0.95, seed=123, recall_sample=1000)
        indices = search.indices
        details = {k: v for k, v in search.details.items() if k != "calibration"}
        details["calibration"] = [(c["nprobe"], round(c["recall_at_k"], 4)) for c in search.details["calibration"]]
    elif library.startswith("faiss-hnsw"):
        import faiss

        threads = int(library.rsplit("-", 1)[1])
        index = faiss.IndexHNSWFlat(x.shape[1], 32, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efConstruction = 80
        faiss.omp_set_num_threads(threads)
        index.add(x)
        faiss.omp_set_num_threads(os.cpu_count())
        index.hnsw.efSearch = 2 * K
        found = index.search(x, K + 1)[1]
        indices = np.array([[j for j in row if j != i][:K] for i, row in enumerate(found.tolist())])
    elif library == "pynndescent":
        from pynndescent import NNDescent

        index = NNDescent(x, metric="dot", n_neighbors=K + 1, random_state=0, n_jobs=os.cpu_count(), low_memory=True)
        found = index.neighbor_graph[0]
        indices = np.array([[j for j in row if j != i][:K] for i, row in enumerate(found.tolist())])
    seconds = time.perf_counter() - started
    _record({"bench": "libraries", "library": library, "n": int(x.shape[0]), "d": int(x.shape[1]),
             "data": "wordllama" if real else "planted", "seconds": seconds,
             "recall_at_40": sampled_recall(x, indices, sample), "peak_mb": peak_mb(), **details})


def measure_cluster(n: int, method: str, noise: float) -> None:
    from app.vectors import VectorOptions, cluster_vectors
    from app.vectors.files import inspect_vectors, load_vectors

    x, truth = planted_vectors(n, noise=noise)
    buffer = io.BytesIO()
    np.save(buffer, x)
    raw = buffer.getvalue()
    del x
    options = VectorOptions(top_k=K, min_similarity=0.0, method=method)
    started = time.perf_counter()
    inspect_vectors(raw)
    vectors, labels = load_vectors(raw)
    loaded = time.perf_counter() - started
    payload = cluster_vectors(vectors, options, labels)
    total = time.perf_counter() - started
    modules = np.empty(n, dtype=np.int64)
    for c in payload["clusters"]:
        modules[np.asarray(c["members"], dtype=np.int64)] = c["module"]
    knn = payload["metadata"]["knn"]
    _record({"bench": "cluster", "n": n, "d": 128, "noise": noise, "method": knn["method"], "seconds": total,
             "load_seconds": loaded, "knn_seconds": knn["seconds"], "engine_seconds": payload["metadata"]["elapsed_seconds"],
             "recall_at_40": knn["recall_at_k"], "nlist": knn.get("nlist"), "nprobe": knn.get("nprobe"),
             "train_seconds": knn.get("train_seconds"), "build_seconds": knn.get("build_seconds"),
             "calibration_seconds": knn.get("calibration_seconds"), "search_seconds": knn.get("search_seconds"),
             "links": payload["graph"]["links"],
             "clusters": payload["num_clusters"], "planted": int(truth.max() + 1), "codelength": payload["codelength"],
             "nmi": nmi(modules, truth), "peak_mb": peak_mb()})


def measure_job(n: int, noise: float) -> None:
    import tempfile

    from fastapi.testclient import TestClient

    from app.main import create_app
    from app.settings import Settings

    x, truth = planted_vectors(n, noise=noise)
    buffer = io.BytesIO()
    np.save(buffer, x)
    raw = buffer.getvalue()
    del x, buffer
    settings = Settings(data_dir=Path(tempfile.mkdtemp(prefix="mapeq-vector-job-")))
    query = {"kind": "cluster_vectors", "top_k": str(K), "min_similarity": "0"}
    with TestClient(create_app(settings)) as client:
        started = time.perf_counter()
        job = client.post("/v1/jobs", params=query, content=raw, headers={"Content-Type": "application/x-npy"})
        submitted = time.perf_counter() - started
        if job.status_code != 202:
            raise SystemExit(f"submission refused: {job.status_code} {job.text[:300]}")
        job_id, trace = job.json()["id"], []
        while True:
            status = client.get(f"/v1/jobs/{job_id}").json()
            step = (round(time.perf_counter() - started, 1), status["progress"]["done"], status["progress"]["total"])
            if not trace or step[1:] != trace[-1][1:]:
                trace.append(step)
            if status["status"] in ("succeeded", "failed", "cancelled"):
                break
            time.sleep(2)
        finished = time.perf_counter() - started
        if status["status"] != "succeeded":
            raise SystemExit(f"job {status['status']}: {status['error']}")
        payload = client.get(f"/v1/jobs/{job_id}/result").json()
        fetched = time.perf_counter() - started
    modules = np.empty(n, dtype=np.int64)
    for c in payload["clusters"]:
        modules[np.asarray(c["members"], dtype=np.int64)] = c["module"]
    knn = payload["metadata"]["knn"]
    _record({"bench": "job", "n": n, "d": 128, "noise": noise, "body_bytes": len(raw), "submit_seconds": submitted,
             "job_seconds": finished, "with_result_seconds": fetched, "progress": trace, "method": knn["method"],
             "knn_seconds": knn["seconds"], "engine_seconds": payload["metadata"]["elapsed_seconds"],
             "recall_at_40": knn["recall_at_k"], "nlist": knn.get("nlist"), "nprobe": knn.get("nprobe"),
             "build_seconds": knn.get("build_seconds"), "search_seconds": knn.get("search_seconds"),
             "links": payload["graph"]["links"], "clusters": payload["num_clusters"],
             "codelength": payload["codelength"], "nmi": nmi(modules, truth), "peak_mb_bench_process": peak_mb()})


# --- drivers ------------------------------------------------------------------------------------

def _spawn(*args: str) -> None:
    subprocess.run([sys.executable, "-m", "bench.vectors", *args], check=True,
                   cwd=Path(__file__).resolve().parents[1])


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("what", choices=["libraries", "cluster", "nmi", "job", "_library", "_cluster", "_job"])
    parser.add_argument("--n", type=int, default=50_000)
    parser.add_argument("--method", default="auto")
    parser.add_argument("--noise", type=float, default=2.4)
    parser.add_argument("--library", default=None)
    parser.add_argument("--real", action="store_true", help="the wordllama token embeddings instead")
    args = parser.parse_args(argv)
    if args.what == "_library":
        measure_library(args.library or "exact", args.n, args.real)
    elif args.what == "_cluster":
        measure_cluster(args.n, args.method, args.noise)
    elif args.what == "_job":
        measure_job(args.n, args.noise)
    elif args.what == "job":
        _spawn("_job", "--n", str(args.n), "--noise", str(args.noise))
    elif args.what == "libraries":
        libraries = [args.library] if args.library else ["exact", "faiss-ivf", "faiss-hnsw-1", "faiss-hnsw-2",
                                                          "pynndescent"]
        for library in libraries:
            _spawn("_library", "--library", library, "--n", str(args.n), *(["--real"] if args.real else []))
    elif args.what == "cluster":
        _spawn("_cluster", "--n", str(args.n), "--method", args.method, "--noise", str(args.noise))
    else:
        for method in ("exact", "approximate"):
            _spawn("_cluster", "--n", str(args.n), "--method", method, "--noise", str(args.noise))


if __name__ == "__main__":
    main()
