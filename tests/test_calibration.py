"""Calibration: answered the way our own case studies describe their companies, the assessment names
the root the case names, and the case's first moves are among the first three actions.

Each case study `docs/cases/<slug>.md` has `calibration/<slug>.json`:
`{"profile", "answers", "evidence", "expect": {"root", "first_actions"}}`, answered strictly
from what the case page says; `evidence` quotes the page for every answer.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from assessment import assess, get_bank

ROOT = Path(__file__).resolve().parents[1]
CASES = sorted(p.stem for p in (ROOT / "docs" / "cases").glob("*.md") if p.stem != "index" and "." not in p.stem)


def calibration(slug: str) -> dict:
    return json.loads((ROOT / "calibration" / f"{slug}.json").read_text("utf-8"))


def test_every_case_study_has_a_calibration_file_and_no_file_is_orphaned() -> None:
    files = sorted(p.stem for p in (ROOT / "calibration").glob("*.json"))
    assert CASES and files == CASES


@pytest.mark.parametrize("slug", CASES)
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_figure_answered_is_stated_on_the_case_page(slug: str, lang: str) -> None:
    data = calibration(slug)
    assert set(data) == {"profile", "answers", "evidence", "expect"}
    assert set(data["evidence"]) == set(data["answers"]) and all(data["evidence"].values())
    page = (ROOT / "docs" / "cases" / (f"{slug}.md" if lang == "en" else f"{slug}.zh.md")).read_text("utf-8")
    page = page.replace(",", "")
    for qid, value in data["answers"].items():
        if isinstance(value, str):
            continue
        numbers = re.findall(r"\d+(?:\.\d+)?", data["evidence"][qid].replace(",", ""))
        assert any(re.search(rf"(?<![\d.]){re.escape(n)}(?![\d])", page) for n in numbers), (
            f"{slug} ({lang}): {qid} = {value}: the page states none of {numbers}"
        )


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("slug", CASES)
def test_the_case_diagnosis_is_the_assessments(slug: str, lang: str) -> None:
    data = calibration(slug)
    result = assess(data["answers"], lang, profile=data["profile"])
    assert result["root"] == data["expect"]["root"]
    first_three = [a["id"] for a in result["plan"][:3]]
    for action in data["expect"]["first_actions"]:
        assert action in first_three, f"{slug}: {action} not among the first three: {first_three}"
    assert result["set_aside"] == [] and result["migrated"] == []


def test_expected_actions_exist_in_the_bank() -> None:
    actions = {a.id for a in get_bank().actions}
    for slug in CASES:
        assert set(calibration(slug)["expect"]["first_actions"]) <= actions, slug
