"""The team view (`python -m assessment merge`): several respondents of one company, merged.

The specification in brief: each question takes the median answer (with an even number, the weaker
of the two middle ones), a figure anyone knows counts as known, "not applicable" needs a majority;
the profile takes the majority (a tie goes to the respondent listed first) and every channel anyone
named; the pillars show median and spread of the respondents' own scores; "discuss first" lists the
questions answered furthest apart, the team root's pillar first. Files and links mix; a bad one is
named (on the command line nothing is merged; in the browser the others still count).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from answerfiles import fixtures, write
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_properties import answer_sets, profiles

from assessment import assess_document, get_bank
from assessment.answers.document import read_document
from assessment.answers.sharelink import encode
from assessment.bank.model import NOT_APPLICABLE, UNKNOWN
from assessment.browser import merge_json
from assessment.workshop.team import Respondent, merge_answer, merge_submissions, respondents_from, team_result

ROOT = Path(__file__).resolve().parents[1]
bank = get_bank()
FIXTURES = fixtures()
EXPORTER = FIXTURES["audio-exporter"]
POSITIONING = bank.question("product.positioning")  # options everyone < rough < written < validated
RESPONSE = bank.question("inquiry.response-time")  # minutes, lower is better
assert POSITIONING is not None and RESPONSE is not None


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "assessment", *args], capture_output=True, text=True, cwd=ROOT, timeout=120
    )


def team_of(*documents: dict[str, Any], lang: str = "en") -> dict[str, Any]:
    respondents, errors = respondents_from(bank, [(f"r{i}", d) for i, d in enumerate(documents, start=1)])
    assert errors == []
    return team_result(bank, respondents, lang)


def with_answers(document: dict[str, Any], changes: dict[str, Any]) -> dict[str, Any]:
    return {**document, "answers": {**document["answers"], **changes}}


@pytest.mark.parametrize(
    ("given", "merged"),
    [
        (["rough"], "rough"),
        (["everyone", "written", "validated"], "written"),  # the median
        (["validated", "everyone"], "everyone"),  # even: the weaker of the two middle answers
        (["rough", "written", "validated", "validated"], "written"),
        (["written", UNKNOWN], "written"),
        ([NOT_APPLICABLE, "written"], "written"),  # a tie keeps the answer
        ([NOT_APPLICABLE, NOT_APPLICABLE, "written"], NOT_APPLICABLE),  # more say "not applicable"
        ([], None),
    ],
)
def test_a_practice_takes_the_median_answer(given: list[str], merged: str | None) -> None:
    assert merge_answer(POSITIONING, given) == merged


@pytest.mark.parametrize(
    ("given", "merged"),
    [
        ([30, 600, 120], 120),
        ([30, 600], 600),  # lower is better: the weaker of the two middle figures is the slower one
        ([UNKNOWN, 45], 45),  # a figure anyone knows counts as known
        ([UNKNOWN, UNKNOWN], UNKNOWN),
        ([UNKNOWN, NOT_APPLICABLE], UNKNOWN),  # a tie: measure it rather than drop it
        ([NOT_APPLICABLE, NOT_APPLICABLE, UNKNOWN], NOT_APPLICABLE),
    ],
)
def test_a_figure_takes_the_median_in_its_better_direction(given: list[Any], merged: Any) -> None:
    assert merge_answer(RESPONSE, given) == merged


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(answers=answer_sets, profile=profiles)
def test_merging_one_respondent_gives_that_respondent(answers: dict[str, Any], profile: dict[str, Any]) -> None:
    document = {"profile": profile, "answers": answers}
    own = assess_document(document)
    team = team_of(document)
    assert team["document"]["answers"] == read_document(bank, document).answers
    assert [p["score"] for p in team["team"]["pillars"]] == [p["score"] for p in own["pillars"]]
    assert team["root"] == own["root"] and team["respondents"][0]["root"] == own["root"]
    assert [a["id"] for a in team["team"]["plan"]] == [a["id"] for a in own["plan"]]
    assert all(p["median"] == p["low"] == p["high"] == p["team"] for p in team["pillars"])
    assert team["discuss_first"] == [] and team["profile_differs"] == []


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sets=st.lists(answer_sets, min_size=2, max_size=4), order=st.randoms(use_true_random=False))
def test_the_merged_answer_is_one_a_respondent_gave_whatever_their_order(
    sets: list[dict[str, Any]], order: Any
) -> None:
    respondents = [Respondent(f"r{i}", read_document(bank, {"answers": a})) for i, a in enumerate(sets)]
    shuffled = list(respondents)
    order.shuffle(shuffled)
    merged = merge_submissions(bank, respondents)
    assert merged.answers == merge_submissions(bank, shuffled).answers
    for qid, answer in merged.answers.items():
        assert answer in [r.submission.answers.get(qid) for r in respondents]


def test_pillars_show_median_and_spread_and_each_respondents_own_root() -> None:
    slow = with_answers(EXPORTER, {"inquiry.response-time": 1800})
    fast = with_answers(EXPORTER, {"inquiry.response-time": 20, "inquiry.handling-process": "pipeline"})
    team = team_of(EXPORTER, slow, fast)
    own = [assess_document(d) for d in (EXPORTER, slow, fast)]
    inquiry = next(p for p in team["pillars"] if p["id"] == "inquiry")
    scores = sorted(r["pillars"][2]["score"] for r in own)
    assert (inquiry["low"], inquiry["median"], inquiry["high"]) == (scores[0], scores[1], scores[2])
    assert inquiry["spread"] == scores[2] - scores[0]
    assert [r["root"] for r in team["respondents"]] == [r["root"] for r in own]
    assert team["document"]["answers"]["inquiry.response-time"] == EXPORTER["answers"]["inquiry.response-time"]


def test_discuss_first_puts_the_root_pillar_first_then_the_widest_apart() -> None:
    owner = with_answers(EXPORTER, {"product.quality": "closed-loop"})
    ops = with_answers(
        EXPORTER, {"product.quality": "reactive", "inquiry.response-time": 15, "inquiry.quotation": "fast-reviewed"}
    )
    team = team_of({**owner, "respondent": "Owner"}, {**ops, "respondent": "Ops", "notes": {"product.quality": "QC?"}})
    assert team["root"] == "inquiry"
    items = team["discuss_first"]
    assert [i["pillar"] for i in items[:2]] == ["inquiry", "inquiry"]
    assert items[0]["spread"] >= items[1]["spread"]
    quality = next(i for i in items if i["question"] == "product.quality")
    assert quality["spread"] == 1.0 and [a["respondent"] for a in quality["answers"]] == ["Owner", "Ops"]
    assert quality["answers"][1]["note"] == "QC?"
    assert len(items) <= bank.workshop.discuss_first


def test_profile_disagreements_are_listed_and_settled_by_majority_and_union() -> None:
    a = {**EXPORTER, "profile": {"model": "b2b-export", "channels": ["alibaba"]}}
    b = {**EXPORTER, "profile": {"model": "dtc", "channels": ["own-site"]}}
    c = {**EXPORTER, "profile": {"model": "dtc", "channels": ["alibaba"]}}
    team = team_of(a, b, c)
    assert team["document"]["profile"] == {"model": "dtc", "channels": ["alibaba", "own-site"]}
    assert {d["dimension"] for d in team["profile_differs"]} == {"model", "channels"}
    assert team_of(a, b)["document"]["profile"]["model"] == "b2b-export"  # a tie goes to the first listed


def test_action_states_merge_to_the_most_advanced_and_the_company_to_the_most_named() -> None:
    action = "inquiry.response-time.cover-inboxes"
    team = team_of(
        {**EXPORTER, "actions": {action: "in-progress"}, "company": "Acme"},
        {**EXPORTER, "actions": {action: "done"}, "company": "Acme"},
        {**EXPORTER, "company": "ACME Ltd"},
    )
    assert team["document"]["actions"] == {action: "done"} and team["company"] == "Acme"
    assert next(a for a in team["team"]["plan"] if a["id"] == action)["state"] == "done"


def test_the_same_label_twice_is_told_apart() -> None:
    respondents, _ = respondents_from(bank, [("a", {**EXPORTER, "respondent": "Ops"})] * 3)
    assert [r.label for r in respondents] == ["Ops", "Ops (2)", "Ops (3)"]


def test_the_command_line_merges_files_and_links_like_the_engine(tmp_path: Path) -> None:
    owner, ops = write(tmp_path, {"owner": EXPORTER, "ops": with_answers(EXPORTER, {"product.quality": "reactive"})})
    checked = read_document(bank, FIXTURES["douyin-snacks"])
    link = "https://example.org/assessment/#" + encode(bank, checked.profile, checked.answers, checked.notes)
    run = cli("merge", str(owner), link, str(ops), "--json", "--out", str(tmp_path / "team.json"))
    assert run.returncode == 0, run.stderr
    team = json.loads(run.stdout)
    respondents, _ = respondents_from(
        bank, [("owner", EXPORTER), ("Link 1", link), ("ops", json.loads(ops.read_text("utf-8")))]
    )
    expected = team_result(bank, respondents, "en")
    assert team["pillars"] == expected["pillars"] and team["discuss_first"] == expected["discuss_first"]
    assert [r["label"] for r in team["respondents"]] == ["owner", "Link 1", "ops"]
    saved = json.loads((tmp_path / "team.json").read_text("utf-8"))
    assert saved == expected["document"] and assess_document(saved)["root"] == team["root"]
    text = cli("merge", str(owner), link, str(ops), "--lang", "zh")
    assert text.returncode == 0 and "团队视图：3 位填写人" in text.stdout and "先讨论" in text.stdout


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "bad.json: malformed JSON"),
        (json.dumps({"answers": {"product.positioning": "great"}}), "bad.json: question 'product.positioning'"),
        (json.dumps({"answers": {}, "notes": {"product.positioning": "x" * 999}}), "bad.json: notes['product"),
    ],
)
def test_a_bad_file_among_several_is_named_and_nothing_is_merged(tmp_path: Path, content: str, message: str) -> None:
    (good,) = write(tmp_path, {"good": EXPORTER})
    bad = tmp_path / "bad.json"
    bad.write_text(content, "utf-8")
    run = cli("merge", str(good), str(bad), str(good))
    assert run.returncode == 2 and run.stdout == ""
    assert message in run.stderr and run.stderr.count("\n") == 1 and "Traceback" not in run.stderr


def test_a_damaged_link_is_named_by_its_place_among_the_links(tmp_path: Path) -> None:
    (good,) = write(tmp_path, {"good": EXPORTER})
    link = "#" + encode(bank, {}, {"product.positioning": "written"})
    run = cli("merge", str(good), link, link[:-4])
    assert run.returncode == 2 and "Link 2: share link: damaged" in run.stderr


def test_in_the_browser_a_bad_source_is_named_and_the_others_still_count() -> None:
    sources = [
        {"name": "owner.json", "document": EXPORTER},
        {"name": "broken.json", "document": {"answers": {"nope.nope": 1}}},
        {"name": "Link 1", "link": "#" + encode(bank, {}, {"product.positioning": "written"})},
    ]
    answer = json.loads(merge_json(json.dumps(sources), "zh"))
    assert answer["ok"] and answer["team"]["count"] == 2
    assert answer["errors"] == [{"name": "broken.json", "error": "unknown question id 'nope.nope'"}]
    assert json.loads(merge_json(json.dumps(sources[1:2]), "en"))["ok"] is False


def test_in_the_browser_a_file_is_labelled_as_on_the_command_line(tmp_path: Path) -> None:
    """The page sends a file's name for messages and its stem as the label, so both views name people alike."""
    unnamed = {key: value for key, value in EXPORTER.items() if key != "respondent"}
    sources = [
        {"name": "ops lead.json", "label": "ops lead", "document": unnamed},
        {"name": "owner.json", "label": "owner", "document": {**unnamed, "respondent": "The owner"}},
    ]
    team = json.loads(merge_json(json.dumps(sources), "en"))["team"]
    files = write(tmp_path, {"ops lead": unnamed, "owner": {**unnamed, "respondent": "The owner"}})
    on_the_command_line = json.loads(cli("merge", *map(str, files), "--json").stdout)
    assert [r["label"] for r in team["respondents"]] == ["ops lead", "The owner"]
    assert team["respondents"] == on_the_command_line["respondents"]


def test_in_batches_the_browser_gives_the_same_team_view_as_at_once() -> None:
    """The page reads many files in batches (with progress) and merges what was read: the view is merge_json's."""
    from assessment.browser import CALLABLE, team_merge_json, team_read_json

    documents = [{**EXPORTER, "respondent": f"R{i % 4}"} for i in range(7)]
    documents[3] = {**documents[3], "answers": {**EXPORTER["answers"], "product.positioning": "everyone"}}
    sources = [{"name": f"r{i}.json", "label": f"r{i}", "document": d} for i, d in enumerate(documents)]
    sources.insert(2, {"name": "broken.json", "document": {"answers": {"nope.nope": 1}}})
    read, errors = [], []
    for start in range(0, len(sources), 3):
        batch = json.loads(team_read_json(json.dumps(sources[start : start + 3]), "en"))
        read += batch["read"]
        errors += batch["errors"]
    merged = json.loads(team_merge_json(json.dumps(read), "en"))
    at_once = json.loads(merge_json(json.dumps(sources), "en"))
    assert merged["team"] == at_once["team"] and errors == at_once["errors"]
    assert [r["label"] for r in merged["team"]["respondents"]][:5] == ["R0", "R1", "R2", "R3", "R0 (2)"]
    assert {"team_read_json", "team_merge_json"} <= set(CALLABLE)


def test_every_function_the_worker_may_call_exists_and_answers_json() -> None:
    """worker.js reads CALLABLE from the engine: each name is a function here, and no other *_json is left out."""
    import assessment.browser as browser

    public = {name for name in dir(browser) if name.endswith("_json") and not name.startswith("_")}
    assert set(browser.CALLABLE) == public - {"assess_json"}
    assert all(callable(getattr(browser, name)) for name in browser.CALLABLE)
