"""Evidence notes and respondent/company labels are plain, visible, bounded text, cleaned the same way
by the engine and the browser: the table tests/cases/plaintext.json is run here and by node."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assessment.answers.plaintext import clean

CASES = json.loads((Path(__file__).parent / "cases" / "plaintext.json").read_text("utf-8"))["cases"]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c["name"])
def test_the_engine_cleans_text_as_the_table_says(case: dict) -> None:
    assert clean(case["in"], case["multiline"]) == case["out"]


def test_the_table_covers_the_rule() -> None:
    names = " ".join(c["name"] for c in CASES)
    for part in ("right-to-left", "invisible", "ZWJ", "line break", "blank line", "control", "surrogate", "NFC"):
        assert part in names, part
