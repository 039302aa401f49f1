"""`scripts/serve.sh` takes a port, and a preview and a build can run at the same time.

Before, both staged pages in the same .build/docs folder: a build started while
`serve` was running once crashed with a traceback and left a half-built site.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SKIP_BROWSER_SETUP": "1"}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_serve_refuses_a_port_that_is_not_a_number() -> None:
    run = subprocess.run(["bash", "scripts/serve.sh", "eighty"], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert run.returncode == 2 and "usage: scripts/serve.sh [PORT]" in run.stderr


@pytest.mark.site
def test_serve_on_a_chosen_port_while_a_build_runs(tmp_path: Path) -> None:
    port = free_port()
    server = subprocess.Popen(
        ["bash", "scripts/serve.sh", str(port)],
        cwd=ROOT,
        env=ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # its own process group, ended below by its id
    )
    try:
        build = subprocess.Popen(
            [sys.executable, "scripts/build.py", "--site-dir", str(tmp_path / "site")],
            cwd=ROOT,
            env=ENV,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        home = None
        deadline = time.monotonic() + 300
        while home is None and time.monotonic() < deadline and server.poll() is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as response:
                    home = response.read().decode("utf-8")
            except OSError:
                time.sleep(1)
        _, errors = build.communicate(timeout=600)
        assert home is not None and "<html" in home, "serve answered on the chosen port"
        assert build.returncode == 0, errors[-2000:]
        assert (tmp_path / "site" / "index.html").is_file() and (tmp_path / "site" / "assets" / "engine").is_dir()
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=60)
