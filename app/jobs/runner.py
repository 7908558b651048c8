"""The job runner: claims queued jobs from the store and executes them on Dask.

An ``infomap`` job is a small graph of tasks (:mod:`.tasks`): prepare (validate the
stored request, build the network, compute the flow), copied to every worker, then one
task per trial, then finish (the best trial's payload, and the engine result its formats
are rendered from on demand). Progress is written as trials finish; a ``cluster_vectors`` job
is one task that reports its own progress (Dask worker events, relayed to the store here).
Engine work never runs in this process: the event loop only claims jobs and hands
each to a thread that drives Dask.

Several API processes may share one job store. Each runner has its own lease-owner id;
it renews the leases of the jobs it runs every ``MAPEQ_JOB_HEARTBEAT`` s, re-queues jobs
whose lease expired (their process is gone) and writes a job's progress and end state
only while its attempt is still the job's running one (:mod:`.store`): a runner that
finds its attempt superseded (or the job cancelled) stops and writes nothing.
"""

from __future__ import annotations

import asyncio
import logging
import os
import socket
import threading
import uuid

from distributed import Client, LocalCluster, wait
from distributed.diagnostics.plugin import WorkerPlugin

from pydantic import ValidationError

from infomap_core import warmup
from infomap_core.errors import MapEqError

from ..cost import LimitExceeded
from ..uploads import UploadError
from ..service.jobs import is_distributed, run_distributed_job
from . import tasks
from .store import Job, JobStore

log = logging.getLogger("mapeq.jobs")

#: Seconds between reads of the progress a long task reports from its worker.
PROGRESS_POLL_SECONDS = 1.0


class WarmupPlugin(WorkerPlugin):
    """Compiles (or loads from cache) the numba kernels on every worker at start."""

    def setup(self, worker):
        warmup()


class Cancelled(Exception):
    """The job was cancelled, or its attempt was superseded (lease lost): stop, write nothing."""


class Stopping(Exception):
    """The runner is stopping while the job waits on its tasks: the job goes back to the queue."""


class JobRunner:
    def __init__(self, store: JobStore, settings, metrics=None):
        self.store = store
        self.settings = settings
        self.metrics = metrics
        self.lease_owner = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
        self._heartbeat: asyncio.Task | None = None
        self.client: Client | None = None
        self.cluster: LocalCluster | None = None
        self._task: asyncio.Task | None = None
        self._stop = asyncio.Event()
        self._running: set[asyncio.Task] = set()
        self._stopping = False
        # Dask futures of the jobs running in this process: cancelled on stop, so that no job
        # thread stays blocked on a future of a closing client (the loop's executor waits for it).
        self._futures: set = set()
        self._futures_lock = threading.Lock()

    # ---------------------------------------------------------------- lifecycle
    def connect(self) -> None:
        """Start the embedded LocalCluster or connect to MAPEQ_DASK_ADDRESS (blocking)."""
        if self.settings.dask_address:
            self.client = Client(self.settings.dask_address, timeout=30)
        else:
            workers = self.settings.dask_workers or os.cpu_count() or 1
            dashboard = self.settings.dashboard_address()
            # tcp on loopback even for thread workers: the scheduler's HTTP server (the dashboard when
            # asked for, Dask's own health routes otherwise) binds to the scheduler's host, never 0.0.0.0.
            self.cluster = LocalCluster(n_workers=workers, threads_per_worker=1, protocol="tcp://",
                                        host="127.0.0.1", processes=self.settings.dask_processes,
                                        dashboard_address=dashboard, silence_logs=logging.WARNING)
            self.client = Client(self.cluster)
        self.client.register_plugin(WarmupPlugin(), name="mapeq-warmup")

    async def start(self) -> None:
        await asyncio.to_thread(self.connect)
        self._heartbeat = asyncio.create_task(self._beat())
        self._task = asyncio.create_task(self._loop())

    async def _beat(self) -> None:
        """Renew this process's leases and re-queue expired ones, every ``job_heartbeat`` s."""
        while not self._stop.is_set():
            try:
                await asyncio.to_thread(self.store.renew, self.lease_owner, self.settings.job_lease)
                requeued = await asyncio.to_thread(self.store.requeue_expired)
                if requeued:
                    log.warning("re-queued %d job(s) whose lease expired", requeued)
            except Exception:  # noqa: BLE001 - the store may be briefly unreachable; try again
                log.exception("job heartbeat failed")
            try:
                await asyncio.wait_for(self._stop.wait(), timeout=self.settings.job_heartbeat)
            except asyncio.TimeoutError:
                pass

    async def stop(self) -> None:
        self._stopping = True
        self._stop.set()
        if self._task:
            await self._task
        if self._heartbeat:
            await self._heartbeat
        with self._futures_lock:
            pending = list(self._futures)
        if pending and self.client is not None:
            # Each job thread then sees its futures end and re-queues its job (execute()).
            await asyncio.to_thread(self.client.cancel, pending)
        if self._running:
            await asyncio.wait(list(self._running), timeout=30)
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
            job = await asyncio.to_thread(self.store.claim_next, self.lease_owner, self.settings.job_lease)
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
                self.store.requeue(job.id, job.attempts)
                return
            raise

    def _execute(self, job: Job) -> None:
        job_id, attempt = job.id, job.attempts
        try:
            # The request bytes travel inside the first task, so the scheduler holds the whole
            # lineage: whatever a dead worker held is recomputed elsewhere from them (scattered
            # data would be lost with the last worker holding it).
            request = self.store.request_bytes(job_id)
            run = {"infomap": self._infomap, "codelength": self._codelength,
                   "cluster_vectors": self._cluster_vectors}[job.kind]
            result, engine_result = run(job, request)
            if self.store.finish(job_id, result, attempt, engine_result):
                log.info("job succeeded", extra=self._log_fields(job, "succeeded"))
            else:
                log.info("job finished after it was cancelled or re-queued; result dropped",
                         extra=self._log_fields(job, "dropped"))
        except Cancelled:
            log.info("job stopped: cancelled or re-queued", extra=self._log_fields(job, "stopped"))
        except MapEqError as exc:
            self.store.fail(job_id, f"{exc.field}: {exc}" if exc.field else str(exc), attempt)
            log.info("job failed", extra=self._log_fields(job, "failed"))
        except LimitExceeded as exc:  # its message names the field
            self.store.fail(job_id, exc.message, attempt)
            log.info("job failed", extra=self._log_fields(job, "failed"))
        except UploadError as exc:  # an uploaded file or binary body that cannot be read (its message names it)
            message = exc.message if exc.message.startswith(f"{exc.field}") else f"{exc.field}: {exc.message}"
            self.store.fail(job_id, message, attempt)
            log.info("job failed", extra=self._log_fields(job, "failed"))
        except ValidationError as exc:  # a row stored by an older version that this one reads differently
            self.store.fail(job_id, f"invalid stored request: {exc.errors()[0].get('msg', exc)}", attempt)
            log.info("job failed", extra=self._log_fields(job, "failed"))
        except Exception as exc:  # noqa: BLE001 - a job must never stay running
            if self._stopping:
                raise
            if self._superseded(job):
                return
            log.exception("job failed", extra=self._log_fields(job, "failed"))
            self.store.fail(job_id, f"internal error: {type(exc).__name__}: {exc}", attempt)

    def _log_fields(self, job: Job, outcome: str) -> dict:
        return {"job_id": job.id, "attempt": job.attempts, "outcome": outcome, "lease_owner": self.lease_owner,
                "request_id": job.request_id}

    def _superseded(self, job: Job) -> bool:
        """The job was cancelled or another attempt took it over (this one's lease expired)."""
        return not self.store.holds(job.id, job.attempts)

    def _infomap(self, job: Job, request: bytes) -> tuple[dict, bytes | None]:
        """prepare -> one task per trial -> finish, all on workers; progress as trials end.
        A distributed job: this thread drives the workers (:func:`app.service.jobs.run_distributed_job`)."""
        if is_distributed(request):
            return self._distributed(job, request)
        job_id, total = job.id, job.progress_total  # total: num_trials, recorded at submission
        key = f"{job_id}-{job.attempts}"
        prepared = self._submit(tasks.prepare_infomap, request, key=f"{key}-prepare")
        futures = [prepared]
        try:
            if total > 1:
                self._replicate(job_id, prepared)
            trials = [self._submit(tasks.infomap_trial, prepared, j, key=f"{key}-trial-{j}") for j in range(total)]
            futures += trials
            done = 0
            for future in self._as_completed(trials):
                if future.status != "finished":
                    future.result()  # raises the trial's (or the preparation's) exception, or CancelledError
                done += 1
                if not self.store.progress(job_id, done, job.attempts):
                    raise Cancelled()
            finish = self._submit(tasks.finish_infomap, prepared, trials, key=f"{key}-finish")
            futures.append(finish)
            if self.metrics is not None:
                seconds = self._submit(tasks.trial_seconds, trials, key=f"{key}-seconds")
                futures.append(seconds)
                for value in self._result(seconds):
                    self.metrics.trial_duration.observe(value)
            return self._result(finish)
        finally:
            for future in futures:
                future.cancel()
            self._forget(futures)

    def _distributed(self, job: Job, request: bytes) -> tuple[dict, bytes]:
        """A distributed infomap job, driven from this thread. Before every stage and round the
        run reports (step, phase): written as the job's progress (its total one step ahead, the
        phase by name), and a job cancelled meanwhile (or whose attempt was superseded) stops
        there: :class:`Cancelled` unwinds the run, whose futures are then released (Dask drops
        the pending tasks) and the job's state stays as the cancel left it."""

        def progress(step: int, phase: str) -> None:
            if self._stopping or not self.store.progress(job.id, step, job.attempts, total=step + 1, phase=phase):
                raise Cancelled()

        return run_distributed_job(request, self.client, self.settings.shared_data_dir, progress,
                                   self.settings.distributed_finish_units)

    def _submit(self, function, *args, key: str):
        """``client.submit`` of one task of a job, tracked until the job ends (see ``stop``)."""
        future = self.client.submit(function, *args, pure=False, key=key)
        with self._futures_lock:
            self._futures.add(future)
        if self._stopping:  # stop() may have cancelled the others already
            future.cancel()
        return future

    def _forget(self, futures) -> None:
        with self._futures_lock:
            self._futures.difference_update(futures)

    def _as_completed(self, futures):
        """``futures`` as they end (any order among those that end together), looking every
        :data:`PROGRESS_POLL_SECONDS` whether the runner is stopping (then :class:`Stopping`).

        A job thread must not wait on a future for good: ``stop`` cancels the futures, but a
        cancellation that has not reached this client when it closes leaves them pending, and
        the thread blocked on them would block the process's shutdown (the event loop's executor
        joins its threads; seen once in CI: a job thread in ``as_completed`` kept the test
        client's exit waiting for 10 minutes).
        """
        pending = list(futures)
        while pending:
            try:
                wait(pending, timeout=PROGRESS_POLL_SECONDS, return_when="FIRST_COMPLETED")
            except TimeoutError:
                pass
            if self._stopping:
                raise Stopping()
            ended = [future.done() for future in pending]  # once: a future may end while we yield
            yield from (future for future, end in zip(pending, ended) if end)
            pending = [future for future, end in zip(pending, ended) if not end]

    def _wait(self, future) -> None:
        """Until ``future`` ends, or :class:`Stopping` when the runner stops (see :meth:`_as_completed`)."""
        for _ in self._as_completed([future]):
            pass

    def _result(self, future):
        """``future.result()``, given up with :class:`Stopping` when the runner stops."""
        self._wait(future)
        return future.result()

    def _replicate(self, job_id: str, prepared) -> None:
        """Copy the prepared problem to every worker (peer to peer) once it exists, so
        that the trials spread over all workers instead of queueing where it was made."""
        self._wait(prepared)
        if prepared.status == "error":
            prepared.result()  # raises the validation error
        try:
            self.client.replicate(prepared)
        except Exception:  # noqa: BLE001 - only an optimization: the trials still run without it
            log.warning("job %s: could not replicate the prepared problem", job_id, exc_info=True)

    def _codelength(self, job: Job, request: bytes) -> tuple[dict, None]:
        return self._one_task(tasks.codelength_job, request, key=f"{job.id}-{job.attempts}-codelength"), None

    def _cluster_vectors(self, job: Job, request: bytes) -> tuple[dict, None]:
        """One task on a worker; the progress it logs as Dask events (kNN steps, then InfoMap) is
        written to the job as it comes, every :data:`PROGRESS_POLL_SECONDS`."""
        key = f"{job.id}-{job.attempts}-vectors"
        future = self._submit(tasks.cluster_vectors_job, request, key, key=key)
        written = 0
        try:
            while True:
                try:
                    return future.result(timeout=PROGRESS_POLL_SECONDS), None
                except TimeoutError:
                    if self._stopping:
                        raise Stopping() from None
                done = self._logged_progress(key)
                if done > written:
                    written = done
                    if not self.store.progress(job.id, done, job.attempts):
                        raise Cancelled()
        finally:
            self._forget([future])

    def _logged_progress(self, key: str) -> int:
        """The most steps a task reported under ``key`` (:data:`tasks.PROGRESS_TOPIC`), 0 if none."""
        events = self.client.get_events(tasks.PROGRESS_TOPIC)
        return max((msg["done"] for _, msg in events if isinstance(msg, dict) and msg.get("key") == key), default=0)

    def _one_task(self, function, request: bytes, key: str):
        future = self._submit(function, request, key=key)
        try:
            return self._result(future)
        finally:
            self._forget([future])
