"""Shared fixtures: small banks for the rules, and the built site. Browser fixtures are in tests/browser/."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from bankfactory import make_bank

from assessment.loader import load_bank
from assessment.model import Bank

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE_BRAND = ROOT / "examples" / "acme-brand"


@pytest.fixture
def small_bank(tmp_path: Path) -> Bank:
    """Three questions per pillar, all weights 1, question 1 of each pillar allows "not applicable"."""
    return load_bank(make_bank(tmp_path / "bank"))


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


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site with the default brand, built once per test session."""
    return build_site(tmp_path_factory.mktemp("site") / "site")


@pytest.fixture(scope="session")
def acme_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built with the example brand (a fictional consultancy with its own pages and questions)."""
    return build_site(tmp_path_factory.mktemp("acme") / "site", brand=EXAMPLE_BRAND)
