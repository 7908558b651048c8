"""REST overhead of a 1M-link request by body format: JSON, .npy, .npz, Arrow IPC, Parquet.

``python -m bench.tensors [--links 1000000] [--repeat 2]`` builds the planted 1M-link network
of ``bench.load`` and posts it to ``POST /v1/infomap`` (two-level, one trial) through the whole
app in-process (routing, body decoding, validation, network build, engine, response), once per
format. *Overhead* is the request's wall time minus the engine's own ``elapsed_seconds``;
*encode* is the client's time to produce the body. The best of ``--repeat`` runs is reported.
"""

from __future__ import annotations

import argparse
import io
import tempfile
import time

import numpy as np
import orjson

from bench.graphs import planted_links


def bodies(edges: np.ndarray) -> dict[str, tuple[float, bytes, str, dict]]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    out = {}
    t = time.perf_counter()
    raw = orjson.dumps({"edges": edges.tolist(), "two_level": True})
    out["JSON"] = (time.perf_counter() - t, raw, "application/json", {})
    query = {"two_level": "true"}
    t = time.perf_counter()
    buf = io.BytesIO()
    np.save(buf, edges.astype(np.int32))
    out[".npy int32"] = (time.perf_counter() - t, buf.getvalue(), "application/x-npy", query)
    t = time.perf_counter()
    buf = io.BytesIO()
    np.savez(buf, edges=edges)
    out[".npz int64"] = (time.perf_counter() - t, buf.getvalue(), "application/zip", query)
    table = pa.table({"source": edges[:, 0], "target": edges[:, 1]})
    t = time.perf_counter()
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, table.schema) as writer:
        writer.write_table(table)
    out["Arrow IPC"] = (time.perf_counter() - t, sink.getvalue().to_pybytes(), "application/vnd.apache.arrow.stream",
                        query)
    t = time.perf_counter()
    sink = pa.BufferOutputStream()
    pq.write_table(table, sink)
    out["Parquet"] = (time.perf_counter() - t, sink.getvalue().to_pybytes(), "application/vnd.apache.parquet", query)
    return out


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--links", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args(argv)

    from fastapi.testclient import TestClient

    from app.main import create_app
    from app.settings import Settings
    from infomap_core import warmup

    warmup()
    settings = Settings(data_dir=tempfile.mkdtemp(prefix="mapeq-bench-tensors-"), work_processes=0, dask_workers=1,
                        dask_processes=False, request_timeout=600)
    edges = planted_links(args.links)
    print("| body | size MB | encode s | request s | engine s | overhead s | overhead / engine |")
    print("|---|---|---|---|---|---|---|")
    with TestClient(create_app(settings)) as client:
        for name, (encode, raw, media, query) in bodies(edges).items():
            best = None
            for _ in range(args.repeat):
                t = time.perf_counter()
                response = client.post("/v1/infomap", content=raw, params=query, headers={"content-type": media})
                wall = time.perf_counter() - t
                assert response.status_code == 200, response.text[:300]
                engine = response.json()["metadata"]["elapsed_seconds"]
                if best is None or wall - engine < best[0] - best[1]:
                    best = (wall, engine)
            wall, engine = best
            print(f"| {name} | {len(raw) / 1e6:.1f} | {encode:.2f} | {wall:.2f} | {engine:.2f} | {wall - engine:.2f} | "
                  f"{(wall - engine) / engine:.2f} |", flush=True)


if __name__ == "__main__":
    main()
