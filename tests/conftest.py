"""Shared fixtures. Browser fixtures live in tests/browser/conftest.py."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from bankfactory import make_bank

from assessment.loader import load_bank
from assessment.model import Bank


@pytest.fixture
def small_bank(tmp_path: Path) -> Bank:
    """Three questions per pillar, all weights 1, question 1 of each pillar allows "not applicable"."""
    return load_bank(make_bank(tmp_path / "bank"))
