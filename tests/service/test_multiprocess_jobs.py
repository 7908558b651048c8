"""Three API processes (real uvicorn) on one PostgreSQL job store; one is killed with SIGKILL
while 30 jobs run. Every job ends succeeded exactly once with the synchronous codelength;
only the dead process's jobs are run again, and only after their leases expired.

``bench/kill_loop.sh`` runs this test 10 times in a row (see bench/README.md)."""

import datetime as dt
import itertools
import json
import os
import signal
import threading
import time

import httpx
import psycopg2
import pytest

from tests.engine.networks import lfr

from .servers import Server
from .test_store_postgres import fresh_database

LEASE = 4.0


def job_bodies() -> list[dict]:
    net, _ = lfr(2000, 0.3)  # about 0.5 s a job: 30 jobs outlast their submission
    src, tgt, _ = net.to_coo()
    edges = [[int(a), int(b)] for a, b in zip(net.node_ids[src], net.node_ids[tgt])]
    return [{"kind": "infomap", "edges": edges, "num_trials": 8, "seed": 100 + i, "two_level": True}
            for i in range(30)]


def rows(dsn: str) -> dict[str, dict]:
    conn = psycopg2.connect(dsn)
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT id, status, attempts, lease_owner, lease_expires_at, started_at, result "
                        "FROM jobs")
            out = {}
            for job_id, status, attempts, owner, expires, started, result in cur.fetchall():
                out[job_id] = {"status": status, "attempts": attempts, "lease_owner": owner,
                               "lease_expires_at": expires, "started_at": started,
                               "codelength": json.loads(bytes(result))["codelength"] if result else None}
            return out
    finally:
        conn.close()


def succeeded_logs(server: Server) -> list[str]:
    out = []
    for line in server.log.read_text(errors="replace").splitlines():
        if line.startswith("{"):
            entry = json.loads(line)
            if entry.get("message") == "job succeeded":
                out.append(entry["job_id"])
    return out


def test_kill_one_of_three_api_processes_during_30_jobs(tmp_path):
    url = fresh_database("mapeq_kill")
    dsn = url.replace("postgresql+psycopg2", "postgresql")
    env = {"MAPEQ_DATABASE_URL": url, "MAPEQ_JOB_LEASE": str(LEASE), "MAPEQ_JOB_HEARTBEAT": "0.5",
           "MAPEQ_WORK_PROCESSES": "0", "MAPEQ_MAX_CONCURRENT_JOBS": "2", "MAPEQ_JOB_CLEANUP_INTERVAL": "3600"}
    servers = [Server(env, tmp_path, f"api{i}") for i in range(3)]
    try:
        for server in servers:
            server.wait_healthy()
        bodies = job_bodies()
        with httpx.Client(timeout=120) as client:
            # Submitting takes about as long as running: submit in the background and freeze a
            # process as soon as one holds a running job.
            ids: list[str] = []
            errors: list[str] = []

            def submit():
                with httpx.Client(timeout=120) as submitter:
                    for i, body in enumerate(bodies):
                        response = submitter.post(f"{servers[0].base}/v1/jobs", json=body)
                        if response.status_code != 202:
                            errors.append(response.text)
                            return
                        ids.append(response.json()["id"])

            submitting = threading.Thread(target=submit)
            submitting.start()
            # freeze api1 and api2 in turn (api0 takes the submissions) until one holds a running job;
            # look at the store; kill it
            deadline = time.monotonic() + 120
            for turn in itertools.count():
                assert time.monotonic() < deadline, "no process ever held a running job"
                victim = servers[1 + turn % 2]
                os.kill(victim.proc.pid, signal.SIGSTOP)
                snapshot = rows(dsn)
                held = {j: r for j, r in snapshot.items() if r["status"] == "running"
                        and r["lease_owner"].split(":")[1] == str(victim.proc.pid)}
                if held:
                    break
                os.kill(victim.proc.pid, signal.SIGCONT)
                time.sleep(0.02)
            os.kill(victim.proc.pid, signal.SIGKILL)
            victim.proc.wait()
            live = [s for s in servers if s is not victim]
            # A write the victim sent just before it froze may still land (PostgreSQL commits what it
            # received: a claim, a result): classify the jobs by the store once it settled, well
            # before the victim's leases expire.
            time.sleep(0.5)
            settled = rows(dsn)
            assert all(r["lease_expires_at"] > dt.datetime.now(dt.timezone.utc) for r in settled.values()
                       if r["status"] == "running")
            owner = {j: (r["lease_owner"] or "::").split(":")[1] for j, r in settled.items()}
            finished_by_victim = {j for j in held if settled[j]["status"] != "running"}
            held = {j: r for j, r in settled.items()
                    if r["status"] == "running" and owner[j] == str(victim.proc.pid)}
            held_by_live = {j for j, r in settled.items() if r["status"] == "running" and j not in held}
            submitting.join()
            assert not errors and len(ids) == len(bodies), errors
            unfinished = set(ids) - {j for j, r in settled.items() if r["status"] == "succeeded"}

            deadline = time.monotonic() + 300
            while True:
                final = rows(dsn)
                if all(r["status"] in ("succeeded", "failed", "cancelled") for r in final.values()):
                    break
                assert time.monotonic() < deadline, {j: r["status"] for j, r in final.items()
                                                     if r["status"] not in ("succeeded",)}
                time.sleep(0.2)

            assert sorted(final) == sorted(ids) and all(r["status"] == "succeeded" for r in final.values())
            # the synchronous answer for every body (the seed differs per job)
            for job_id, body in zip(ids, bodies):
                sync = client.post(f"{live[0].base}/v1/infomap", json={k: v for k, v in body.items() if k != "kind"})
                assert sync.status_code == 200, sync.text
                assert final[job_id]["codelength"] == sync.json()["codelength"], job_id
    finally:
        for s in servers:
            s.stop()

    # only the dead process's jobs ran again, and only once their lease had expired
    for job_id, r in final.items():
        if job_id in finished_by_victim:
            assert r["attempts"] == snapshot[job_id]["attempts"], (job_id, r)
        elif job_id in held:
            assert r["attempts"] == held[job_id]["attempts"] + 1, (job_id, r)
            assert r["started_at"] >= held[job_id]["lease_expires_at"] - dt.timedelta(seconds=0.5), (job_id, r)
        elif job_id in held_by_live:
            assert r["attempts"] == settled[job_id]["attempts"], (job_id, r)
        else:
            assert r["attempts"] == 1, (job_id, r)
    # exactly once: no job finished twice; every job unfinished at the kill finished once on a live process
    logged = [job_id for s in servers for job_id in succeeded_logs(s)]
    assert all(logged.count(j) <= 1 for j in ids), [j for j in ids if logged.count(j) > 1]
    live_logged = [job_id for s in live for job_id in succeeded_logs(s)]
    rerun = unfinished - finished_by_victim
    assert all(live_logged.count(j) == 1 for j in rerun), [j for j in rerun if live_logged.count(j) != 1]
