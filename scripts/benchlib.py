"""Shared by the bench scripts: build the site, serve it, find Chromium, print tables.

The Chromium and its flags are the browser tests' own (tests/browser/conftest.py).
The server is Python's static http.server, like the tests', plus a log of what
it sent, so byte counts come from the server and include what workers fetch.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import io
import os
import statistics
import subprocess
import sys
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
# tests/browser/conftest.py is imported lazily (in chromium()): it pulls in pytest
# and Playwright, which the engine benchmark does not need.
sys.path[:0] = [str(ROOT / "scripts"), str(ROOT / "tests" / "browser"), str(ROOT / "tests")]


def build_site(target: Path) -> Path:
    """`mkdocs build --strict` into target; on failure print the build's stderr and exit."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "--site-dir", str(target)]
    run = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit(f"site build failed:\n{run.stderr[-3000:]}")
    return target


COMPRESSIBLE = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/wasm")


@dataclass
class Served:
    """One response as the server sent it: bytes are status line, headers and body."""

    path: str
    status: int
    bytes: int


class _CountingWriter:
    def __init__(self, raw: BinaryIO) -> None:
        self.raw = raw
        self.count = 0

    def write(self, data: bytes) -> int:
        self.count += len(data)
        return self.raw.write(data)

    def __getattr__(self, name: str) -> object:
        return getattr(self.raw, name)  # flush, close, closed


class _Handler(http.server.SimpleHTTPRequestHandler):
    """The standard static handler (MIME types from `mimetypes`: .wasm, .mjs), logging into its server.

    HTTP/1.0, the handler's default: one request per connection, so one entry per connection.
    """

    server: _Server
    status = 0

    def setup(self) -> None:
        super().setup()
        self.wfile = _CountingWriter(self.wfile)  # type: ignore[assignment]

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        self.status = int(code) if str(code).isdigit() else 0

    def log_message(self, format: str, *args: object) -> None:
        pass

    def send_head(self) -> BinaryIO | None:
        """With gzip on: compressible files go out gzipped to clients that accept it, as most hosts do."""
        file = Path(self.translate_path(self.path))
        file = file / "index.html" if file.is_dir() and self.path.split("?")[0].endswith("/") else file
        kind = self.guess_type(str(file))
        accepted = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (self.server.gzip and accepted and file.is_file() and kind.startswith(COMPRESSIBLE)):
            return super().send_head()
        body = _gzipped(file)
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Last-Modified", self.date_time_string(int(file.stat().st_mtime)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return io.BytesIO(body)

    def finish(self) -> None:
        super().finish()
        if getattr(self, "path", None):
            self.server.log.append(Served(urlsplit(self.path).path, self.status, self.wfile.count))


@functools.cache
def _gzipped(file: Path) -> bytes:
    return gzip.compress(file.read_bytes(), 6)


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    log: list[Served]
    gzip = False

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a browser dropping a connection mid-download is not an error here


class Site:
    """A folder served on 127.0.0.1 (a free port, in a daemon thread), with a log of every response.

    Like a bare static host by default: Last-Modified, no Cache-Control, no compression.
    With gzip=True, text, JavaScript, JSON, SVG and WebAssembly go out gzipped.
    """

    def __init__(self, directory: Path, gzip: bool = False) -> None:
        self.directory = directory
        self._server = _Server(("127.0.0.1", 0), functools.partial(_Handler, directory=str(directory)))
        self._server.log = []
        self._server.gzip = gzip
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"

    @property
    def log(self) -> list[Served]:
        return self._server.log

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()


def chromium() -> tuple[str, list[str]]:
    """(executable, args): Playwright's own Chromium as is, or the system one with the flags it needs."""
    from conftest import CHROMIUM_FLAGS  # tests/browser/conftest.py
    from find_chromium import playwright_chromium, system_chromium

    own = playwright_chromium()
    if own:
        return own, []
    executable = system_chromium()
    if not executable:
        sys.exit("no Chromium: run scripts/setup.sh")
    return executable, list(CHROMIUM_FLAGS)


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def print_table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    """A plain, column-aligned table: first column left, the others right."""
    cells = [[str(c) for c in headers], *[[str(c) for c in row] for row in rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]

    def line(row: list[str]) -> str:
        return "  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths, strict=True)))

    print(line(cells[0]))
    print("  ".join("-" * w for w in widths))
    for row in cells[1:]:
        print(line(row))
