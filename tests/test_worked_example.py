"""The worked example is the engine's own output for a calibration file, so it can never go stale."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from assessment import assess
from sitekit.worked_example import CALIBRATION, EXAMPLE, example_values

ROOT = Path(__file__).resolve().parents[1]
DOCUMENT = json.loads((CALIBRATION / f"{EXAMPLE}.json").read_text("utf-8"))
PAGES = {"en": ROOT / "docs/assessment/worked-example.md", "zh": ROOT / "docs/assessment/worked-example.zh.md"}


def engine(lang: str, answers: dict[str, object] | None = None) -> dict:
    return assess(answers or DOCUMENT["answers"], lang, profile=DOCUMENT["profile"])


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_page_states_the_engines_root_reason_and_scores(lang: str) -> None:
    result, values = engine(lang), example_values(lang)
    root = next(p for p in result["pillars"] if p["id"] == result["root"])
    assert values["example:root"] == root["name"]
    assert values["example:reason"] == result["root_reason"]
    for pillar in result["pillars"]:
        row = next(r for r in values["example:scores"].splitlines() if f"{pillar['letter']}. {pillar['name']}" in r)
        assert f"| {pillar['score']} |" in row
        for outcome in pillar["outcomes"]:
            assert outcome["area"] in row


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_three_do_now_actions_are_the_engines_in_order(lang: str) -> None:
    now = [a for a in engine(lang)["plan"] if a["phase"] == "now"]
    assert 1 <= len(now) <= 3
    titles = re.findall(r"^\d+\. \*\*(.+)\*\*$", example_values(lang)["example:actions"], re.M)
    assert titles == [a["title"] for a in now]
    for action in now:
        assert action["owner"] in example_values(lang)["example:actions"]


def test_every_answer_of_the_case_is_shown() -> None:
    rows = example_values("en")["example:answers"].splitlines()
    assert len(rows) == len(DOCUMENT["answers"])
    assert len(example_values("en")["example:profile"].splitlines()) == len(DOCUMENT["profile"])


def test_a_different_answer_changes_the_page(tmp_path: Path) -> None:
    shutil.copy(CALIBRATION / f"{EXAMPLE}.json", tmp_path / f"{EXAMPLE}.json")
    before = example_values("en", folder=tmp_path)
    changed = {**DOCUMENT, "answers": {**DOCUMENT["answers"], "traffic.roas": 3.5, "traffic.targeting": "measured"}}
    (tmp_path / f"{EXAMPLE}.json").write_text(json.dumps(changed), "utf-8")
    after = example_values("en", folder=tmp_path)
    assert before["example:scores"] != after["example:scores"]
    assert before["example:actions"] != after["example:actions"]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_page_types_no_result(lang: str) -> None:
    text = PAGES[lang].read_text("utf-8")
    for token in ("profile", "answers", "scores", "root", "reason", "actions", "link"):
        assert f"{{rf:example:{token}}}" in text
    anchors = re.findall(r"\{#([a-z-]+)\}", text)
    assert anchors == re.findall(r"\{#([a-z-]+)\}", PAGES["en"].read_text("utf-8"))
    scores = [str(p["score"]) for p in engine(lang)["pillars"]]
    assert not any(re.search(rf"\| {s} \|", text) for s in scores)
