"""Build the site for tests (a module of its own: test files cannot import conftest reliably)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def build_site(target: Path, brand: Path | None = None) -> Path:
    """`mkdocs build --strict` into target (a broken link or anchor fails the build)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("BRAND_DIR", None)
    if brand:
        env["BRAND_DIR"] = str(brand)
    run = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(target)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    return target
