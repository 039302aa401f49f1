"""Pillar scores, levels, the weakest-link overall figure, partial and not-applicable answers."""

from __future__ import annotations

from bankfactory import answers_at

from assessment import assess_bank
from assessment.model import Bank


def pillar(result: dict, pillar_id: str) -> dict:
    return next(p for p in result["pillars"] if p["id"] == pillar_id)


def test_a_pillar_scores_the_mean_level_as_a_share_of_the_top_level(small_bank: Bank) -> None:
    result = assess_bank(small_bank, answers_at({"product": [0, 3, 3]}))
    assert pillar(result, "product")["score"] == 66.7
    assert pillar(result, "product")["level"] == "Solid"


def test_scores_span_zero_to_one_hundred(small_bank: Bank) -> None:
    result = assess_bank(small_bank, answers_at({"product": [0, 0, 0], "traffic": [3, 3, 3]}))
    assert pillar(result, "product")["score"] == 0
    assert pillar(result, "traffic")["score"] == 100
    assert pillar(result, "traffic")["level"] == "Leading"
    assert pillar(result, "product")["level"] == "Fragile"


def test_not_applicable_is_left_out_of_the_score_and_counted(small_bank: Bank) -> None:
    result = assess_bank(small_bank, answers_at({"product": ["na", 3, 0]}))
    product = pillar(result, "product")
    assert product["score"] == 50  # mean of 3/3 and 0/3: not zero, not full marks
    assert product["not_applicable"] == 1 and product["answered"] == 3 and product["unanswered"] == 0
    assert result["not_applicable"] == ["product.q1"]


def test_partial_answers_still_score_and_report_the_unanswered_share(small_bank: Bank) -> None:
    result = assess_bank(small_bank, answers_at({"product": [3]}))
    product = pillar(result, "product")
    assert product["score"] == 100
    assert product["unanswered"] == 2 and product["unanswered_share"] == 0.667
    assert product["unanswered_ids"] == ["product.q2", "product.q3"]
    assert result["answered"] == 1 and result["total"] == 12
    assert "provisional" in [w["id"] for w in result["warnings"]]


def test_null_answers_count_as_unanswered(small_bank: Bank) -> None:
    result = assess_bank(small_bank, {"product.q1": None, "product.q2": "l3"})
    assert pillar(result, "product")["unanswered_ids"] == ["product.q1", "product.q3"]


def test_overall_is_the_weakest_link_not_the_average(small_bank: Bank) -> None:
    result = assess_bank(
        small_bank, answers_at({"product": [3, 3, 3], "traffic": [3, 3, 3], "inquiry": [3, 3, 3], "closing": [1, 1, 1]})
    )
    assert result["overall"] == 33.3 and result["weakest"] == "closing"
    assert result["overall_level"] == "Fragile"


def test_nothing_answered_gives_no_scores_and_no_plan(small_bank: Bank) -> None:
    result = assess_bank(small_bank, {})
    assert result["overall"] is None and result["root"] is None and result["plan"] == []
    assert all(p["score"] is None for p in result["pillars"])


def test_results_are_plain_json_data(small_bank: Bank) -> None:
    import json

    result = assess_bank(small_bank, answers_at({"product": [1, 2, 3], "closing": [0, 0, 0]}))
    assert json.loads(json.dumps(result)) == result


def test_weak_areas_name_the_lowest_answers_first(small_bank: Bank) -> None:
    result = assess_bank(small_bank, answers_at({"product": [2, 0, 3]}))
    assert [w["question"] for w in pillar(result, "product")["weak_areas"]] == ["product.q2", "product.q1"]
