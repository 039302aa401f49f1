"""Progress over time (`python -m assessment compare OLD NEW`): what changed between two assessments.

Per pillar the change, whether the root moved, the answers that improved or slipped (other changes
apart), the plan actions that are gone and why ("done" when the answer has moved past what the action
asks), and the actions marked done. An assessment compared with itself shows no change at all.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from answerfiles import fixtures, write
from hypothesis import HealthCheck, given, settings
from test_properties import answer_sets, profiles

from assessment import get_bank
from assessment.answers.document import read_document
from assessment.answers.sharelink import encode
from assessment.browser import compare_json
from assessment.workshop.compare import compare

ROOT = Path(__file__).resolve().parents[1]
bank = get_bank()
EXPORTER = fixtures()["audio-exporter"]
# Ninety days on: inquiries are answered within the hour by a logged process; quality slipped a little.
LATER = {
    **EXPORTER,
    "answers": {
        **EXPORTER["answers"],
        "inquiry.response-time": 45,
        "inquiry.handling-process": "pipeline",
        "inquiry.order-rate": 6,
        "inquiry.consultative": "asks",
        "product.quality": "spot-check",
        "traffic.roas": "unknown",
    },
    "actions": {"inquiry.response-time.cover-inboxes": "done"},
}


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "assessment", *args], capture_output=True, text=True, cwd=ROOT, timeout=60
    )


def comparison(old: dict[str, Any], new: dict[str, Any], lang: str = "en") -> dict[str, Any]:
    return compare(bank, read_document(bank, old), read_document(bank, new), lang)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(answers=answer_sets, profile=profiles)
def test_an_assessment_compared_with_itself_shows_no_change(answers: dict[str, Any], profile: dict[str, Any]) -> None:
    document = {"profile": profile, "answers": answers}
    change = comparison(document, document)
    assert change["unchanged"] is True and change["root"]["moved"] is False
    assert change["improved"] == change["slipped"] == change["changed"] == []
    assert change["actions_gone"] == change["actions_new"] == []
    assert all(p["change"] in (0, None) for p in change["pillars"])


def test_ninety_days_on_the_root_moves_and_the_done_actions_leave_the_plan() -> None:
    change = comparison(EXPORTER, LATER)
    inquiry = next(p for p in change["pillars"] if p["id"] == "inquiry")
    assert inquiry["new"] > inquiry["old"] and inquiry["change"] == inquiry["new"] - inquiry["old"]
    assert (change["root"]["old"], change["root"]["new"], change["root"]["moved"]) == ("inquiry", "traffic", True)
    improved = {e["question"] for e in change["improved"]}
    assert {"inquiry.response-time", "inquiry.handling-process", "inquiry.order-rate"} <= improved
    assert [e["question"] for e in change["slipped"]] == ["product.quality"]
    assert [(e["question"], e["kind"]) for e in change["changed"]] == [("traffic.roas", "no-longer-known")]
    gone = {a["id"]: a for a in change["actions_gone"]}
    cover = gone["inquiry.response-time.cover-inboxes"]
    assert cover["reason"] == "done" and cover["marked_done"] is True
    assert all(a["reason"] in ("done", "pillar", "unanswered") for a in gone.values())
    assert change["marked_done"] == ["inquiry.response-time.cover-inboxes"]
    assert not change["unchanged"]


def test_a_figure_that_moves_within_its_band_still_counts() -> None:
    faster = {**EXPORTER, "answers": {**EXPORTER["answers"], "inquiry.response-time": 1000}}
    change = comparison(EXPORTER, faster)
    entry = change["improved"][0]
    assert entry["question"] == "inquiry.response-time" and entry["old_level"] == entry["new_level"]


def test_the_command_line_compares_files_and_links_like_the_engine(tmp_path: Path) -> None:
    (old,) = write(tmp_path, {"march": {**EXPORTER, "date": "2026-03-01"}})
    later = read_document(bank, LATER)
    link = "https://example.org/zh/assessment/#" + encode(
        bank, later.profile, later.answers, later.notes, later.actions
    )
    run = cli("compare", str(old), link, "--json")
    assert run.returncode == 0, run.stderr
    data = json.loads(run.stdout)
    expected = comparison({**EXPORTER, "date": "2026-03-01"}, LATER)
    for key in ("pillars", "root", "improved", "slipped", "changed", "actions_gone", "actions_new"):
        assert data[key] == expected[key], key
    text = cli("compare", str(old), link, "--lang", "zh")
    assert text.returncode == 0 and "从 2026-03-01 到 这一次 的变化" in text.stdout and "变好的答案：" in text.stdout
    same = cli("compare", str(old), str(old))
    assert same.returncode == 0 and "No change between the two assessments." in same.stdout


def test_bad_input_exits_2_naming_it(tmp_path: Path) -> None:
    (good,) = write(tmp_path, {"good": EXPORTER})
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"answers": {"traffic.roas": -5}}), "utf-8")
    for args, message in (
        ((str(good), str(bad)), "bad.json: question 'traffic.roas'"),
        ((str(tmp_path / "gone.json"), str(good)), "gone.json: cannot read file"),
        ((str(good), "#s=AQ"), "Link 1: share link: not a link this site makes"),
        ((str(good), str(tmp_path)), "compare takes two answers files"),
    ):
        run = cli("compare", *args)
        assert run.returncode == 2 and message in run.stderr, (args, run.stderr)
        assert run.stderr.count("\n") == 1 and run.stdout == ""


def test_the_browser_gets_the_same_comparison() -> None:
    answer = json.loads(compare_json(json.dumps(EXPORTER), json.dumps(LATER), "zh"))
    assert answer["ok"] and answer["comparison"]["improved"] == comparison(EXPORTER, LATER, "zh")["improved"]
    assert json.loads(compare_json("{}", json.dumps(LATER), "en"))["ok"] is False
