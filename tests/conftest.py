"""Shared fixtures: small banks for the rules, and the built site. Browser fixtures are in tests/browser/."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from bankfactory import make_bank
from sitebuild import build_site
from trickybrand import make_tricky_brand

from assessment.loader import load_bank
from assessment.model import Bank

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE_BRAND = ROOT / "examples" / "acme-brand"


@pytest.fixture
def small_bank(tmp_path: Path) -> Bank:
    """Three questions per pillar, all weights 1, question 1 of each pillar allows "not applicable"."""
    return load_bank(make_bank(tmp_path / "bank"))


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site with the default brand, built once per test session."""
    return build_site(tmp_path_factory.mktemp("site") / "site")


@pytest.fixture(scope="session")
def acme_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built with the example brand (a fictional consultancy with its own pages and questions)."""
    return build_site(tmp_path_factory.mktemp("acme") / "site", brand=EXAMPLE_BRAND)


@pytest.fixture(scope="session")
def tricky_brand(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A valid brand and overlay whose texts hold quotes, <, >, &, Markdown and `code` (tests/trickybrand.py)."""
    return make_tricky_brand(tmp_path_factory.mktemp("tricky") / "brand")


@pytest.fixture(scope="session")
def tricky_site(tricky_brand: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built with the tricky brand."""
    return build_site(tmp_path_factory.mktemp("tricky-site") / "site", brand=tricky_brand)
