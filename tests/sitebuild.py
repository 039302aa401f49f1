"""Build the site for tests, once per content hash (a module of its own: test files cannot import conftest reliably).

A site is built from this checkout's inputs (docs, templates, engine, build package, brands) and one brand
folder. Tests ask for it with `built_site(brand, cache)`: the first caller, in whatever pytest worker, builds
it under a lock into `cache/<hash>/`; every other caller, in any worker, waits for that lock and reuses the
folder. Two brand folders with the same files share one build, and nothing is built twice in a run.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CACHE_ENV = "RF_SITE_CACHE"
"""Set to share one run's built sites with a pytest started inside it (tests/test_fork.py)."""

# What the build reads besides the brand: everything in the checkout but the tests, the tools' own folders and
# built output. Hashing a little too much only costs a build; missing an input would serve a stale site.
NOT_INPUTS = frozenset({".git", ".venv", "node_modules", "site", "tests", ".cache", "dist", ".build", "test-results"})
NOT_INPUT_DIRS = frozenset({"__pycache__", ".pytest_cache", ".ruff_cache", ".mypy_cache", ".hypothesis"})
RUNTIME = ROOT / "node_modules" / "pyodide" / "package.json"


def _files(folder: Path, skip_top: frozenset[str] = frozenset()) -> Iterator[Path]:
    for path in sorted(folder.iterdir()):
        if path.name in NOT_INPUT_DIRS or path.name in skip_top or ".building-" in path.name or ".old-" in path.name:
            continue
        if path.is_dir() and not path.is_symlink():
            yield from _files(path)
        elif path.is_file():
            yield path


def _digest(folder: Path, skip_top: frozenset[str] = frozenset()) -> Any:
    """SHA-256 over the relative path and bytes of every file under `folder`."""
    digest = hashlib.sha256()
    for path in _files(folder, skip_top):
        digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest


@cache
def checkout_digest() -> str:
    """The checkout's build inputs, the pinned runtime and the installed Python packages (mkdocs, its theme...)."""
    digest = _digest(ROOT, NOT_INPUTS)
    if RUNTIME.is_file():
        digest.update(RUNTIME.read_bytes())
    packages = sorted(f"{d.metadata['Name']}=={d.version}" for d in metadata.distributions())
    digest.update("\n".join([sys.version, *packages]).encode())
    return digest.hexdigest()


def site_key(brand: Path) -> str:
    """The content hash of the site `brand` gives with this checkout: the same files, the same key."""
    digest = _digest(brand)
    digest.update(checkout_digest().encode())
    return digest.hexdigest()[:20]


@contextmanager
def locked(path: Path) -> Iterator[None]:
    """An exclusive lock on `path` across processes (pytest-xdist workers, a nested pytest), released on exit."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def build_site(target: Path, brand: Path) -> Path:
    """`mkdocs build --strict` with `brand` into target (a broken link or anchor fails the build)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "BRAND_DIR": str(brand)}
    run = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(target)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    return target


def built_site(brand: Path, cache_dir: Path) -> Path:
    """The site built with `brand`, from `cache_dir` when any test of this run has built it already.

    Tests only read it; a test that changes a site copies it first.
    """
    key = site_key(brand)
    site = cache_dir / key / "site"
    with locked(cache_dir / f"{key}.lock"):
        if not site.is_dir():
            partial = cache_dir / key / "building"
            shutil.rmtree(partial, ignore_errors=True)  # a build that was interrupted
            build_site(partial, brand)
            partial.rename(site)
    return site
