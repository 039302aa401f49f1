"""Shared fixtures: small banks for the rules, and the built sites. Browser fixtures are in tests/browser/.

Every site is built once per content hash and run (tests/sitebuild.py), whichever pytest-xdist worker asks
first; the others wait for it and read the same folder.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from bankfactory import make_bank
from forkbrand import make_fork_brand
from sitebuild import CACHE_ENV, built_site
from trickybrand import make_tricky_brand

from assessment.bank.loader import load_bank
from assessment.bank.model import Bank
from sitekit.brand import brand_dir

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE_BRAND = ROOT / "examples" / "acme-brand"


@pytest.fixture
def small_bank(tmp_path: Path) -> Bank:
    """Three questions per pillar, all weights 1, question 1 of each pillar allows "not applicable"."""
    return load_bank(make_bank(tmp_path / "bank"))


@pytest.fixture(scope="session")
def site_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One folder of built sites for the whole run: shared by the xdist workers (and a pytest started inside)."""
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    base = tmp_path_factory.getbasetemp()
    # An xdist worker's base is <run>/popen-gwN; the run's own folder is the one all workers share.
    shared = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base
    return shared / "sites"


@pytest.fixture(scope="session")
def site_dir(site_cache: Path) -> Path:
    """The site with the brand this checkout builds: upstream's, or a fork's own (brand/ or $BRAND_DIR)."""
    return built_site(brand_dir(), site_cache)


@pytest.fixture(scope="session")
def acme_site(site_cache: Path) -> Path:
    """The site built with the example brand (a fictional consultancy with its own pages and questions)."""
    return built_site(EXAMPLE_BRAND, site_cache)


@pytest.fixture(scope="session")
def tricky_brand(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A valid brand and overlay whose texts hold quotes, <, >, &, Markdown and `code` (tests/trickybrand.py)."""
    return make_tricky_brand(tmp_path_factory.mktemp("tricky") / "brand")


@pytest.fixture(scope="session")
def tricky_site(tricky_brand: Path, site_cache: Path) -> Path:
    """The site built with the tricky brand."""
    return built_site(tricky_brand, site_cache)


@pytest.fixture(scope="session")
def fork_brand(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A consultant's brand in its hardest form: Chinese first, the calculator hidden, threshold 70 (forkbrand.py)."""
    return make_fork_brand(tmp_path_factory.mktemp("fork") / "brand")


@pytest.fixture(scope="session")
def fork_site(fork_brand: Path, site_cache: Path) -> Path:
    """The site built with the fork-shaped brand."""
    return built_site(fork_brand, site_cache)


SITE_FIXTURES = {"site_dir", "acme_site", "tricky_site", "fork_site", "site_cache", "base_url"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A test that needs a built site is a `site` test, so `scripts/test.sh --fast` can leave it out.

    `long` tests go first: on pytest-xdist workers the rest of the suite then runs beside them, instead of
    one of them starting last and running alone.
    """
    for item in items:
        if SITE_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.site)
    items.sort(key=lambda item: item.get_closest_marker("long") is None)
