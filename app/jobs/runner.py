"""The job runner: claims queued jobs from the store and executes them on Dask.

An ``infomap`` job is a small graph of tasks (:mod:`.tasks`): prepare (validate the
stored request, compute the flow), copied to every worker, then one task per trial,
then finish (best trial, every format). Progress is written as trials finish.
Engine work never runs in this process: the event loop only claims jobs and hands
each to a thread that drives Dask.
"""

from __future__ import annotations

import asyncio
import logging
import os

from distributed import Client, LocalCluster, as_completed, wait
from distributed.diagnostics.plugin import WorkerPlugin

from infomap_core import warmup
from infomap_core.errors import MapEqError

from ..errors import ApiError
from . import tasks
from .store import Job, JobStore

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
            task = asyncio.create_task(asyncio.to_thread(self.execute, job))
            self._running.add(task)
            task.add_done_callback(self._running.discard)

    # ---------------------------------------------------------------- execution
    def execute(self, job: Job) -> None:
        """Run one claimed job to its end state (succeeded, failed or cancelled).

        If the process stops meanwhile, the job goes back to the queue instead.
        """
        try:
            self._execute(job)
        except Exception:
            if self._stopping:
                self.store.requeue(job.id)
                return
            raise

    def _execute(self, job: Job) -> None:
        job_id = job.id
        try:
            # The request bytes travel inside the first task, so the scheduler holds the whole
            # lineage: whatever a dead worker held is recomputed elsewhere from them (scattered
            # data would be lost with the last worker holding it).
            request = self.store.request_bytes(job_id)
            run = {"infomap": self._infomap, "codelength": self._codelength,
                   "cluster_vectors": self._cluster_vectors}[job.kind]
            result = run(job, request)
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

    def _infomap(self, job: Job, request: bytes) -> dict:
        """prepare -> one task per trial -> finish, all on workers; progress as trials end."""
        job_id, total = job.id, job.progress_total  # total: num_trials, recorded at submission
        prepared = self.client.submit(tasks.prepare_infomap, request, pure=False, key=f"{job_id}-prepare")
        futures = [prepared]
        try:
            if total > 1:
                self._replicate(job_id, prepared)
            trials = [self.client.submit(tasks.infomap_trial, prepared, j, pure=False, key=f"{job_id}-trial-{j}")
                      for j in range(total)]
            futures += trials
            done = 0
            for future in as_completed(trials):
                if future.status == "error":
                    future.result()  # raises the trial's (or the preparation's) exception
                done += 1
                self.store.progress(job_id, done)
                if self._cancelled(job_id):
                    raise Cancelled()
            finish = self.client.submit(tasks.finish_infomap, prepared, trials, pure=False, key=f"{job_id}-finish")
            futures.append(finish)
            return finish.result()
        finally:
            for future in futures:
                future.cancel()

    def _replicate(self, job_id: str, prepared) -> None:
        """Copy the prepared problem to every worker (peer to peer) once it exists, so
        that the trials spread over all workers instead of queueing where it was made."""
        wait(prepared)
        if prepared.status == "error":
            prepared.result()  # raises the validation error
        try:
            self.client.replicate(prepared)
        except Exception:  # noqa: BLE001 - only an optimization: the trials still run without it
            log.warning("job %s: could not replicate the prepared problem", job_id, exc_info=True)

    def _codelength(self, job: Job, request: bytes) -> dict:
        return self.client.submit(tasks.codelength_job, request, pure=False, key=f"{job.id}-codelength").result()

    def _cluster_vectors(self, job: Job, request: bytes) -> dict:
        return self.client.submit(tasks.cluster_vectors_job, request, pure=False, key=f"{job.id}-vectors").result()
