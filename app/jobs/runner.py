"""The job runner: claims queued jobs from the store and executes them on Dask.

Each trial of an ``infomap`` job is its own Dask task; the prepared problem (network
and flow) is scattered to the workers once, progress is written as trials finish,
and the best trial wins. Engine work never runs on the event loop: the loop only
claims jobs and hands each to a thread that drives Dask.
"""

from __future__ import annotations

import asyncio
import logging
import os

from distributed import Client, LocalCluster, as_completed
from distributed.diagnostics.plugin import WorkerPlugin

from infomap_core import best_of, prepare, run_trial, warmup
from infomap_core.errors import MapEqError
from infomap_core.formats import FORMATS, render

from ..errors import ApiError
from .store import JobStore

log = logging.getLogger("mapeq.jobs")


class WarmupPlugin(WorkerPlugin):
    """Compiles (or loads from cache) the numba kernels on every worker at start."""

    def setup(self, worker):
        warmup()


class Cancelled(Exception):
    pass


class JobRunner:
    def __init__(self, store: JobStore, settings):
        self.store = store
        self.settings = settings
        self.client: Client | None = None
        self.cluster: LocalCluster | None = None
        self._task: asyncio.Task | None = None
        self._stop = asyncio.Event()
        self._running: set[asyncio.Task] = set()
        self._stopping = False

    # ---------------------------------------------------------------- lifecycle
    def connect(self) -> None:
        """Start the embedded LocalCluster or connect to MAPEQ_DASK_ADDRESS (blocking)."""
        if self.settings.dask_address:
            self.client = Client(self.settings.dask_address, timeout=30)
        else:
            workers = self.settings.dask_workers or os.cpu_count() or 1
            self.cluster = LocalCluster(n_workers=workers, threads_per_worker=1,
                                        processes=self.settings.dask_processes, dashboard_address=":0",
                                        silence_logs=logging.WARNING)
            self.client = Client(self.cluster)
        self.client.register_plugin(WarmupPlugin(), name="mapeq-warmup")

    async def start(self) -> None:
        requeued = await asyncio.to_thread(self.store.requeue_running)
        if requeued:
            log.warning("re-queued %d job(s) left running by a previous process", requeued)
        await asyncio.to_thread(self.connect)
        self._task = asyncio.create_task(self._loop())

    async def stop(self) -> None:
        self._stopping = True
        self._stop.set()
        if self._task:
            await self._task
        for task in list(self._running):
            task.cancel()
        if self.client is not None:
            await asyncio.to_thread(self.client.close)
        if self.cluster is not None:
            await asyncio.to_thread(self.cluster.close)

    def ready(self) -> bool:
        return self.client is not None and self.client.status == "running"

    async def _loop(self) -> None:
        while not self._stop.is_set():
            if len(self._running) >= self.settings.max_concurrent_jobs:
                await asyncio.sleep(self.settings.job_poll_interval)
                continue
            job = await asyncio.to_thread(self.store.claim_next)
            if job is None:
                try:
                    await asyncio.wait_for(self._stop.wait(), timeout=self.settings.job_poll_interval)
                except asyncio.TimeoutError:
                    pass
                continue
            task = asyncio.create_task(asyncio.to_thread(self.execute, job.id, job.kind))
            self._running.add(task)
            task.add_done_callback(self._running.discard)

    # ---------------------------------------------------------------- execution
    def execute(self, job_id: str, kind: str) -> None:
        """Run one claimed job to its end state (succeeded, failed or cancelled).

        If the process stops meanwhile, the job goes back to the queue instead.
        """
        try:
            self._execute(job_id, kind)
        except Exception:
            if self._stopping:
                self.store.requeue(job_id)
                return
            raise

    def _execute(self, job_id: str, kind: str) -> None:
        try:
            body = self.store.request(job_id)
            result = {"infomap": self._infomap, "codelength": self._codelength,
                      "cluster_vectors": self._cluster_vectors}[kind](job_id, body)
            if not self.store.finish(job_id, result):
                log.info("job %s finished after it was cancelled", job_id)
        except Cancelled:
            log.info("job %s cancelled", job_id)
        except ApiError as exc:
            self.store.fail(job_id, f"{exc.field}: {exc.message}" if exc.field else exc.message)
        except MapEqError as exc:
            self.store.fail(job_id, f"{exc.field}: {exc}" if exc.field else str(exc))
        except Exception as exc:  # noqa: BLE001 - a job must never stay running
            if self._stopping:
                raise
            if self._cancelled(job_id):
                return
            log.exception("job %s failed", job_id)
            self.store.fail(job_id, f"internal error: {type(exc).__name__}: {exc}")

    def _cancelled(self, job_id: str) -> bool:
        job = self.store.get(job_id)
        return job is None or job.status == "cancelled"

    def _infomap(self, job_id: str, body: dict) -> dict:
        from ..routers.infomap import infomap_inputs, shape_result
        from ..schemas import InfomapRequest

        request = InfomapRequest.model_validate(body)
        network, options, initial = infomap_inputs(request)
        problem = prepare(network, options, initial)
        # hash=False: two jobs with equal inputs must not share (and release) one key
        shared = self.client.scatter(problem, broadcast=True, hash=False)
        futures = [self.client.submit(run_trial, shared, options, j, pure=False, key=f"{job_id}-trial-{j}")
                   for j in range(options.num_trials)]
        trials = []
        try:
            for future in as_completed(futures):
                trials.append(future.result())
                self.store.progress(job_id, len(trials))
                if self._cancelled(job_id):
                    raise Cancelled()
        finally:
            for future in futures:
                future.cancel()
        result = best_of(problem, options, trials)
        payload = shape_result(result, network, options, request.include_tree, request.include_flow)
        payload["formats"] = {name: render(result, name) for name in FORMATS if name != "json"}
        return payload

    def _codelength(self, job_id: str, body: dict) -> dict:
        from ..routers.infomap import codelength_payload_from_body

        future = self.client.submit(codelength_payload_from_body, body, pure=False, key=f"{job_id}-codelength")
        return future.result()

    def _cluster_vectors(self, job_id: str, body: dict) -> dict:
        from ..routers.vectors import cluster_vectors

        future = self.client.submit(cluster_vectors, body, pure=False, key=f"{job_id}-vectors")
        return future.result()

