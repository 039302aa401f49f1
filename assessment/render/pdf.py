"""PDFs of printed reports, with headless Chromium (command line only; never used in the browser).

Why Chromium and not WeasyPrint: the browser's "Save as PDF" is Chromium's (or
another browser's) print engine, so printing the same HTML with headless
Chromium gives the same layout the browser gives, from one print stylesheet.
Chromium shapes Chinese with the system's fonts exactly as on screen. The tests
already drive it (scripts/setup.sh installs Debian's chromium or Playwright's),
so it adds no dependency; WeasyPrint would add a PyPI package with native
libraries (Pango) and a second CSS engine to keep the layout right in.

Found as $CHROMIUM, then chromium, chromium-browser, google-chrome on the PATH
or in /usr/bin. Without one, reports are written as HTML only, and the command
says so. The flags are the ones the tests use for Debian's Chromium, plus a
throw-away profile per run and no header or footer on the page.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    "--no-pdf-header-footer",
    "--print-to-pdf-no-header",  # the same, for Chromium before 120
)
TIMEOUT = 120


class PdfError(Exception):
    """Chromium did not produce a PDF; the message says which file and why."""


def find_chromium() -> str | None:
    configured = os.environ.get("CHROMIUM")
    if configured:
        return configured if Path(configured).exists() else None
    for name in CANDIDATES:
        found = shutil.which(name) or (f"/usr/bin/{name}" if Path(f"/usr/bin/{name}").exists() else None)
        if found:
            return found
    return None


def print_pdf(chromium: str, page: Path, target: Path) -> None:
    """Print the HTML file `page` to `target` with headless Chromium."""
    with tempfile.TemporaryDirectory(prefix="rootfirst-pdf-") as profile:
        command = [
            chromium,
            *FLAGS,
            f"--user-data-dir={profile}",
            f"--print-to-pdf={target}",
            page.resolve().as_uri(),
        ]
        try:
            run = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT, check=False)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise PdfError(f"{page}: Chromium failed ({exc})") from None
    if run.returncode != 0 or not target.is_file() or target.stat().st_size == 0:
        last = (run.stderr.strip().splitlines() or ["no output"])[-1]
        raise PdfError(f"{page}: Chromium wrote no PDF (exit {run.returncode}: {last})")
