"""Starting real ``contactdesk-server serve`` processes for tests and the benchmark."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import httpx

SERVER_COMMAND = [sys.executable, "-m", "contactdesk.server.cli"]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def wait_until_healthy(url: str, process: subprocess.Popen[bytes], timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server at {url} exited with {process.returncode}")
        try:
            if httpx.get(f"{url}/health", timeout=1.0).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"server at {url} did not answer /health in {timeout} s")


@contextmanager
def running_servers(
    database_url: str, count: int, log_dir: Path, options: Sequence[str] = ()
) -> Iterator[list[str]]:
    """``count`` server processes on one database; yields their base URLs; stops them after.

    ``options`` go to each ``serve`` (``--trusted-proxy 127.0.0.1``).
    """
    processes: list[subprocess.Popen[bytes]] = []
    urls: list[str] = []
    try:
        for index in range(count):
            port = free_port()
            log = (log_dir / f"server-{index}-{port}.log").open("wb")
            command = [*SERVER_COMMAND, "serve", "--database-url", database_url]
            command += ["--port", str(port), "--log-level", "warning", *options]
            processes.append(subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT))
            urls.append(f"http://127.0.0.1:{port}")
        for url, process in zip(urls, processes, strict=True):
            wait_until_healthy(url, process)
        yield urls
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
