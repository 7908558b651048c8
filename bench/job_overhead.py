"""The serial part of a job: submission, preparation, finish, and output formats on demand.

``python -m bench.job_overhead [--trials 8] [--size 100k] [--mu 0.3]`` runs the pieces of one
``infomap`` job in this process, one after the other, with the functions the service runs
(:mod:`app.service`, :mod:`app.jobs.tasks`, a SQLite :class:`app.jobs.store.JobStore`):

* **submit** (API process): parse and validate the JSON body, check it (cost and network shape,
  :func:`app.service.jobs.check_submission`), store the bytes sent;
* **prepare** (one worker): validate the stored bytes, build the network, compute the flow;
* **trials** (spread over the workers): the parallel part;
* **finish** (one worker, then the API process): best trial, payload, stored engine result, row;
* **formats**: each output format, first download (rendered and kept) and second (kept).

For comparison it also times what the previous version did at submission and at finish
(building the network at submission and dumping the validated model; rendering every format
eagerly). The job's wall time on ``--workers`` workers is estimated as serial + the trials
spread over the workers (no Dask transfer costs counted). Timings on a shared machine.
"""

from __future__ import annotations

import argparse
import math
import tempfile
import time

import orjson
from pydantic import TypeAdapter

from app.binary import parse_json
from app.cost import Limits
from app.jobs import tasks
from app.jobs.store import JobStore
from app.schemas import JOB_MODELS, JobBody
from app.service.jobs import check_submission
from app.service.networks import network_from_body
from app.service.results import RENDERED, job_output
from app.settings import Settings
from bench.graphs import ensure, lfr_graph
from infomap_core import warmup
from infomap_core.formats import render


def clock(fn, *args):
    start = time.perf_counter()
    value = fn(*args)
    return value, time.perf_counter() - start


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--trials", type=int, default=8)
    parser.add_argument("--size", default="100k")
    parser.add_argument("--mu", default="0.3")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args(argv)
    graph = lfr_graph(args.size, args.mu)
    ensure([graph])
    edges = graph.load()[0].tolist()
    raw = orjson.dumps({"kind": "infomap", "edges": edges, "num_trials": args.trials, "two_level": True})
    warmup()
    store = JobStore(f"sqlite:///{tempfile.mkdtemp(prefix='mapeq-overhead-')}/jobs.db")
    limits = Limits.jobs(Settings())
    adapter = TypeAdapter(JobBody)

    def submit():  # as POST /v1/jobs: the JSON fast path (app.binary.parse_json), then the model
        start = time.perf_counter()
        body = adapter.validate_python(parse_json(raw, models=JOB_MODELS))
        parsed = time.perf_counter() - start
        total = check_submission(body, limits)
        return store.submit(body.kind, raw, total), body, parsed

    (job, body, t_parse), t_submit = clock(submit)
    old_body, t_old_parse = clock(lambda: adapter.validate_python(orjson.loads(raw)))  # before the JSON fast path
    _, t_old_build = clock(network_from_body, old_body)
    _, t_old_dump = clock(lambda: orjson.dumps(old_body.model_dump(exclude={"kind"})))
    claimed = store.claim_next("bench")
    prepared, t_prepare = clock(tasks.prepare_infomap, store.request_bytes(job.id))
    trials = []
    trial_seconds = []
    for j in range(args.trials):
        trial, seconds = clock(tasks.infomap_trial, prepared, j)
        trials.append(trial)
        trial_seconds.append(seconds)
    (payload, stored), t_finish = clock(tasks.finish_infomap, prepared, trials)
    _, t_store = clock(store.finish, claimed.id, payload, claimed.attempts, stored)

    first, kept = {}, {}
    for name in RENDERED:
        _, first[name] = clock(job_output, store, job.id, name)
        _, kept[name] = clock(job_output, store, job.id, name)
    from infomap_core import best_of

    result = best_of(prepared.problem, prepared.options, trials)
    _, t_eager = clock(lambda: {name: render(result, name) for name in RENDERED})

    serial = t_submit + t_prepare + t_finish + t_store
    parallel = math.ceil(args.trials / args.workers) * (sum(trial_seconds) / len(trial_seconds))
    wall = serial + parallel
    parse_now = t_parse
    old_serial = serial - parse_now + t_old_parse + t_old_build + t_old_dump + t_eager
    m = prepared.problem.network.num_links
    print(f"\nLFR n={args.size} mu={args.mu}, {m:,} links, {args.trials} trials, {len(raw) / 1e6:.1f} MB body, "
          f"stored engine result {len(stored) / 1e6:.1f} MB\n")
    print("| piece | seconds |\n|---|---|")
    for label, value in [("submit: parse + validate + check + store bytes", t_submit),
                         ("prepare on a worker: validate + build + flow", t_prepare),
                         (f"trials: mean of {args.trials}", sum(trial_seconds) / len(trial_seconds)),
                         ("finish: best trial + payload + stored engine result", t_finish),
                         ("store the result row", t_store),
                         (f"**serial part** (estimated wall on {args.workers} workers {wall:.1f} s)", serial),
                         ("before: the body parsed by orjson + pydantic instead (now: "
                          f"{t_parse:.2f} of the submit)", t_old_parse),
                         ("before: + network built at submission", t_old_build),
                         ("before: + model dumped and re-serialized at submission", t_old_dump),
                         ("before: + every format rendered eagerly at finish", t_eager),
                         (f"before: serial part (estimated wall {old_serial + parallel:.1f} s)", old_serial)]:
        print(f"| {label} | {value:.2f} |")
    print(f"\nserial share now {serial / wall:.1%} (before {old_serial / (old_serial + parallel):.1%})\n")
    print("| format | first download (render + keep), s | later downloads (kept), s |\n|---|---|---|")
    for name in RENDERED:
        print(f"| {name} | {first[name]:.2f} | {kept[name]:.3f} |")


if __name__ == "__main__":
    main()
