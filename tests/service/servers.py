"""Real ``python -m app`` processes (uvicorn) on free loopback ports, for the tests that need
the HTTP layer itself (malformed requests, slow uploads, several API processes)."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """One API process: ``base`` URL, ``proc``, ``log`` path (JSON lines)."""

    def __init__(self, env: dict[str, str], data_dir: Path, name: str = "server"):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log = data_dir / f"{name}.log"
        full = {**os.environ, "MAPEQ_HOST": "127.0.0.1", "MAPEQ_PORT": str(self.port),
                "MAPEQ_DATA_DIR": str(data_dir), "MAPEQ_DASK_PROCESSES": "false", "MAPEQ_DASK_WORKERS": "1",
                "MAPEQ_JOB_POLL_INTERVAL": "0.05", "PYTHONPATH": str(ROOT), **env}
        full.pop("PORT", None)
        self._log_file = open(self.log, "wb")
        self.proc = subprocess.Popen([sys.executable, "-m", "app"], cwd=ROOT, env=full, stdout=self._log_file,
                                     stderr=subprocess.STDOUT)

    def wait_healthy(self, timeout: float = 300.0) -> "Server":
        # generous: after an engine change, three processes compiling the numba cache at once are slow
        deadline = time.monotonic() + timeout
        while True:
            if self.proc.poll() is not None:
                raise RuntimeError(f"the app exited with {self.proc.returncode}: {self.log.read_text()[-3000:]}")
            try:
                if httpx.get(f"{self.base}/readyz", timeout=2).status_code == 200:
                    return self
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"the app did not become ready: {self.log.read_text()[-3000:]}")
            time.sleep(0.2)

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self._log_file.close()


@contextlib.contextmanager
def running(env: dict[str, str], data_dir: Path, name: str = "server"):
    server = Server(env, data_dir, name)
    try:
        yield server.wait_healthy()
    finally:
        server.stop()


def raw_exchange(port: int, data: bytes, then_wait: float = 0.0, read_timeout: float = 30.0) -> bytes:
    """Send raw bytes on a new connection and read until the server closes it."""
    with socket.create_connection(("127.0.0.1", port), timeout=read_timeout) as sock:
        sock.sendall(data)
        if then_wait:
            time.sleep(then_wait)
        chunks = []
        while True:
            try:
                chunk = sock.recv(65536)
            except socket.timeout:
                break
            if not chunk:
                break
            chunks.append(chunk)
        return b"".join(chunks)
