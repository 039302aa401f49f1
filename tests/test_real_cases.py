"""The real cases (calibration/real/): public seller cases an outside expert diagnosed, and how often the
assessment agrees with the expert.

Each case file holds its source, the facts as stated (in this project's words), the experts' pillar and
main fix, and the answers the stated facts support. `sitekit/realcases.py` scores each case twice (stated
facts only; with the usual habits of such a business filled in) and the reference page states the rates.
"""

from __future__ import annotations

import json
import re
import tomllib

import pytest

from assessment import get_bank
from assessment.answers.document import check_submission
from assessment.bank.model import PILLAR_IDS
from sitekit.realcases import FOLDER, VARIANTS, assessable, documents, load_cases, rates, score, usual_practices

bank = get_bank()
CASES = load_cases()
FAMILIES = ("amazon", "dtc", "chinese-marketplace", "interest", "b2b-export", "services")
KINDS = ("forum-expert-answer", "agency-audit", "consultant-diagnosis", "platform-case-study", "podcast-diagnosis")


def raw(case_id: str) -> dict:
    return tomllib.loads((FOLDER / f"{case_id}.toml").read_text("utf-8"))


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_each_case_names_its_source_its_facts_and_the_experts_diagnosis(case) -> None:
    data = raw(case.id)
    assert data["id"] == case.id and case.family in FAMILIES
    source = data["source"]
    assert re.match(r"^https?://", source["url"]) and source["kind"] in KINDS and source["expert"]
    assert re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", str(source["published"]))
    assert len(data["facts"]["stated"]) >= 3
    expert = data["expert"]
    assert expert["pillar"] in PILLAR_IDS and expert["diagnosis"] and expert["main_fix"] and expert["main_fix_zh"]
    assert all(bank.action(a) is not None for a in expert["fix_actions"]), "a fix action the bank does not have"
    assert expert["fix_actions"] or expert["fix_needed"], "a main fix with no bank action says what is missing"


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_every_answer_rests_on_a_stated_fact_and_fits_the_profile(case) -> None:
    data = raw(case.id)
    assert set(data.get("answers", {})) == set(data.get("evidence", {}))
    assert all(str(v).strip() for v in data.get("evidence", {}).values())
    submission = check_submission(bank, case.answers, case.profile)
    assert submission.off_profile == {} and submission.set_aside == () and submission.migrated == ()


def test_the_usual_habits_fill_only_what_the_source_leaves_unsaid() -> None:
    for case in CASES:
        usual = documents(bank, case)["usual"]["answers"]
        assert {q: v for q, v in usual.items() if q in case.answers} == case.answers
        filled = set(usual) - set(case.answers)
        assert all(bank.question(q).role == "practice" for q in filled)  # type: ignore[union-attr]
        assert filled == set(usual_practices(bank, case.profile)) - set(case.answers)


def test_the_answers_files_are_the_cases_and_the_engine_reads_them() -> None:
    for case in CASES:
        for variant, document in documents(bank, case).items():
            path = FOLDER / "answers" / f"{case.id}.{variant}.json"
            assert json.loads(path.read_text("utf-8")) == document, f"{path.name}: run scripts/real_cases.py --write"
    written = {p.name for p in (FOLDER / "answers").glob("*.json")}
    assert written == {f"{c.id}.{v}.json" for c in CASES for v in VARIANTS}


def test_the_rates_count_only_cases_whose_facts_can_be_assessed() -> None:
    found = rates(bank)
    counted = [c for c in CASES if assessable(bank, c)]
    assert found.collected == len(CASES) and found.cases == len(counted)
    assert sum(found.families.values()) == found.cases
    for variant in VARIANTS:
        matches = sum(o.root_matches for c in counted for o in score(bank, c) if o.variant == variant)
        assert found.root[variant] == matches


def test_on_the_real_cases_the_root_follows_the_experts_at_least_as_often_as_when_the_set_was_fixed() -> None:
    """A floor, not a goal: the agreement this bank has reached (root 8 of 12 in both variants; main fix 11
    and 9 since bidding to break-even became an action). A change that loses agreement fails here and must
    say why."""
    found = rates(bank)
    assert found.root["stated"] >= 8 and found.root["usual"] >= 8
    assert found.fix["stated"] >= 11 and found.fix["usual"] >= 9


def test_the_root_never_rests_on_ordinary_habits_alone() -> None:
    """Filling unmentioned practices at their usual level never creates a root where the stated facts had none."""
    for case in CASES:
        stated, usual = score(bank, case)
        if stated.root is None:
            assert usual.root is None, case.id
