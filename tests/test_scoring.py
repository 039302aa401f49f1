"""Pillar scores: practices and outcomes blended, a failing outcome caps its pillar, partial and
not-applicable answers, unknown figures."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bankfactory import answers_at, make_bank

from assessment import assess_bank
from assessment.bank.loader import load_bank
from assessment.bank.model import Bank


def pillar(result: dict, pillar_id: str) -> dict:
    return next(p for p in result["pillars"] if p["id"] == pillar_id)


@pytest.fixture
def outcome_bank(tmp_path: Path) -> Bank:
    """Three practices and one figure (bands at 10 / 20 / 30 %) per pillar."""
    return load_bank(make_bank(tmp_path / "outcomes", outcomes=True))


def test_practices_alone_score_the_mean_level_as_a_share_of_the_top_level(small_bank: Bank) -> None:
    result = assess_bank(small_bank, answers_at({"product": [0, 3, 3]}))
    assert pillar(result, "product")["score"] == 67
    assert pillar(result, "product")["level"] == "Solid"


def test_scores_are_whole_numbers_from_zero_to_one_hundred(small_bank: Bank) -> None:
    result = assess_bank(small_bank, answers_at({"product": [0, 0, 0], "traffic": [3, 3, 3]}))
    assert pillar(result, "product")["score"] == 0 and pillar(result, "product")["level"] == "Fragile"
    assert pillar(result, "traffic")["score"] == 100 and pillar(result, "traffic")["level"] == "Leading"
    assert all(isinstance(p["score"], int) for p in result["pillars"] if p["score"] is not None)


def test_practices_and_outcomes_are_blended_half_and_half(outcome_bank: Bank) -> None:
    share = outcome_bank.scoring.outcome_share
    answers = {**answers_at({"product": [3, 3, 3]}), "product.o1": 25}  # practices 100, figure healthy (2 of 3)
    product = pillar(assess_bank(outcome_bank, answers), "product")
    assert (product["practice_score"], product["outcome_score"]) == (100, 67)
    assert product["score"] == round(100 * (1 - share) + 66.67 * share)


def test_a_failing_outcome_caps_the_pillar_however_good_the_practices(outcome_bank: Bank) -> None:
    cap = outcome_bank.scoring.failing_cap
    answers = {**answers_at({"product": [3, 3, 3]}), "product.o1": 5}  # below the failing line of 10
    product = pillar(assess_bank(outcome_bank, answers), "product")
    assert product["practice_score"] == 100 and product["outcome_score"] == 0
    assert product["score"] == cap < outcome_bank.health_threshold and product["capped"] is True
    assert product["outcomes"][0]["band"] == "failing"


def test_an_unknown_figure_is_left_out_of_the_score_and_asks_to_be_measured(outcome_bank: Bank) -> None:
    answers = {**answers_at({"product": [3, 3, 3]}), "product.o1": "unknown"}
    result = assess_bank(outcome_bank, answers)
    product = pillar(result, "product")
    assert product["score"] == 100 and product["outcome_score"] is None and product["capped"] is False
    assert product["outcomes"][0]["band"] == "unknown" and product["unknown"] == 1
    assert result["unknown"] == ["product.o1"] and result["confidence"] != "high"
    # Not knowing is a finding even in a healthy pillar: measuring it is part of the plan.
    assert result["root"] is None and "product.o1.measure" in [a["id"] for a in result["plan"]]


def test_not_knowing_a_figure_is_never_counted_as_good_or_as_failing(outcome_bank: Bank) -> None:
    practices = answers_at({"product": [2, 2, 2]})

    def score(figure: object) -> int:
        answers = practices if figure is None else {**practices, "product.o1": figure}
        return pillar(assess_bank(outcome_bank, answers), "product")["score"]

    assert score("unknown") == score(None)  # exactly as if the question were left unanswered
    assert score("unknown") < score(35)  # a strong figure counts, not knowing does not
    assert score("unknown") > score(5)  # and it never triggers the failing cap


def test_not_applicable_is_left_out_of_the_score_and_counted(small_bank: Bank) -> None:
    result = assess_bank(small_bank, answers_at({"product": ["na", 3, 0]}))
    product = pillar(result, "product")
    assert product["score"] == 50  # mean of 3/3 and 0/3: not zero, not full marks
    assert product["not_applicable"] == 1 and product["answered"] == 3 and product["unanswered"] == 0
    assert result["not_applicable"] == ["product.q1"]


def test_a_question_the_profile_rules_out_is_not_applicable_and_an_answer_to_it_is_set_aside(tmp_path: Path) -> None:
    folder = make_bank(tmp_path / "profiled")
    text = (folder / "traffic.toml").read_text("utf-8")
    (folder / "traffic.toml").write_text(
        text.replace('id = "traffic.q3"\n', 'id = "traffic.q3"\napplies = { model = ["b2b-export"] }\n'), "utf-8"
    )
    bank = load_bank(folder)
    levels = answers_at({"traffic": [3, 3]})
    shop = assess_bank(bank, levels, profile={"model": "taobao-tmall-jd"})
    assert shop["by_profile"] == ["traffic.q3"] and pillar(shop, "traffic")["total"] == 2
    assert pillar(shop, "traffic")["score"] == 100 and shop["unanswered"].count("traffic.q3") == 0
    # An answer the profile rules out (an imported file, a profile changed after answering) is not scored...
    answered_anyway = assess_bank(bank, {**levels, "traffic.q3": "l0"}, profile={"model": "taobao-tmall-jd"})
    assert answered_anyway["by_profile"] == ["traffic.q3"] and pillar(answered_anyway, "traffic")["score"] == 100
    # ...and it is named, not dropped without a word.
    assert answered_anyway["off_profile"] == ["traffic.q3"]
    assert "not applicable" in answered_anyway["migration_note"] and "traffic.q3" in answered_anyway["migration_note"]
    no_profile = assess_bank(bank, levels)
    assert "traffic.q3" in no_profile["unanswered"]


def test_partial_answers_still_score_and_report_what_is_unanswered(small_bank: Bank) -> None:
    result = assess_bank(small_bank, answers_at({"product": [3]}))
    product = pillar(result, "product")
    assert product["score"] == 100
    assert product["unanswered"] == 2 and product["unanswered_ids"] == ["product.q2", "product.q3"]
    assert result["answered"] == 1 and result["total"] == 12
    assert "provisional" in [w["id"] for w in result["warnings"]]
    assert result["confidence"] == "low"


def test_null_answers_count_as_unanswered(small_bank: Bank) -> None:
    result = assess_bank(small_bank, {"product.q1": None, "product.q2": "l3"})
    assert pillar(result, "product")["unanswered_ids"] == ["product.q1", "product.q3"]


def test_the_weakest_pillar_is_reported_but_is_not_the_root(small_bank: Bank) -> None:
    result = assess_bank(
        small_bank, answers_at({"product": [1, 1, 1], "traffic": [3, 3, 3], "inquiry": [3, 3, 3], "closing": [0, 0, 0]})
    )
    assert result["weakest"] == "closing" and result["overall"] == 0
    assert result["root"] == "product"


def test_nothing_answered_gives_no_scores_and_no_plan(small_bank: Bank) -> None:
    result = assess_bank(small_bank, {})
    assert result["overall"] is None and result["root"] is None and result["plan"] == []
    assert all(p["score"] is None for p in result["pillars"])
    assert result["root_reason"] is None


def test_results_are_plain_json_data(outcome_bank: Bank) -> None:
    answers = {**answers_at({"product": [1, 2, 3], "closing": [0, 0, 0]}), "closing.o1": "unknown", "product.o1": 40}
    result = assess_bank(outcome_bank, answers, "zh")
    assert json.loads(json.dumps(result)) == result


def test_weak_areas_name_the_lowest_answers_first(small_bank: Bank) -> None:
    result = assess_bank(small_bank, answers_at({"product": [2, 0, 3]}))
    assert [w["question"] for w in pillar(result, "product")["weak_areas"]] == ["product.q2", "product.q1"]


def test_confidence_is_high_only_when_everything_applicable_is_answered_and_known(outcome_bank: Bank) -> None:
    everything = {**answers_at({p: [3, 3, 3] for p in ("product", "traffic", "inquiry", "closing")})}
    everything |= {f"{p}.o1": 35 for p in ("product", "traffic", "inquiry", "closing")}
    assert assess_bank(outcome_bank, everything)["confidence"] == "high"
    # Unknown figures that could not change what comes first leave it medium, however many there are.
    three_unknown = {**everything, "closing.o1": "unknown", "inquiry.o1": "unknown", "traffic.o1": "unknown"}
    assert assess_bank(outcome_bank, three_unknown)["confidence"] == "medium"


def test_confidence_is_low_when_an_unknown_figure_at_the_band_its_practices_point_to_would_change_the_root(
    outcome_bank: Bank,
) -> None:
    healthy = {**answers_at({p: [3, 3, 3] for p in ("traffic", "inquiry")}), "traffic.o1": 35, "inquiry.o1": 35}
    # Product's practices reach 5/9 of the top, so a product figure would most plausibly be healthy: that
    # would lift product to the line and make closing (below it on practices) come first instead.
    near = {**healthy, **answers_at({"product": [2, 2, 1], "closing": [0, 0, 0]})}
    result = assess_bank(outcome_bank, {**near, "product.o1": "unknown"})
    assert result["root"] == "product" and result["confidence"] == "low"
    assert result["deciding"] == [{"question": "product.o1", "area": "Figure 1"}]
    assert "Figure 1" in result["confidence_note"] and "could change what comes first" in result["confidence_note"]
    assert [a["id"] for a in result["plan"] if a["phase"] == "now"][-1] == "product.o1.measure"
    # Practices far below the line point to a weak figure, which would leave product first: not low.
    far = {**healthy, **answers_at({"product": [0, 0, 1], "closing": [0, 0, 0]})}
    settled = assess_bank(outcome_bank, {**far, "product.o1": "unknown"})
    assert settled["root"] == "product" and settled["deciding"] == [] and settled["confidence"] == "medium"
    # Knowing it could still change the first fix (a weak figure would tie the plan to it), so measuring it
    # may take the one place "do now" keeps for measuring, after the fixes.
    now = [a for a in settled["plan"] if a["phase"] == "now"]
    assert sum(a["measures"] for a in now) == 1 and not now[0]["measures"]


def test_the_confidence_note_names_only_the_reasons_that_hold(outcome_bank: Bank) -> None:
    everything = {**answers_at({p: [3, 3, 3] for p in ("product", "traffic", "inquiry", "closing")})}
    everything |= {f"{p}.o1": 35 for p in ("product", "traffic", "inquiry", "closing")}
    one_unknown = assess_bank(outcome_bank, {**everything, "closing.o1": "unknown"})["confidence_note"]
    assert "unknown: 1" in one_unknown and "questions answered" not in one_unknown
    del everything["closing.q1"]
    one_missing = assess_bank(outcome_bank, everything)["confidence_note"]
    assert "questions answered" in one_missing and "unknown" not in one_missing
