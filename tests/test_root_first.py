"""The "fix the root first" rule: which pillar is the root, and the order of the plan."""

from __future__ import annotations

from bankfactory import answers_at

from assessment import assess_bank
from assessment.model import Bank


def scores(result: dict) -> dict[str, float | None]:
    return {p["id"]: p["score"] for p in result["pillars"]}


def test_root_is_the_first_pillar_in_loop_order_below_the_threshold(small_bank: Bank) -> None:
    result = assess_bank(
        small_bank, answers_at({"product": [3, 3, 3], "traffic": [1, 1, 2], "inquiry": [0, 0, 0], "closing": [3, 3, 3]})
    )
    assert scores(result)["traffic"] < 60 and scores(result)["inquiry"] < scores(result)["traffic"]
    assert result["root"] == "traffic"


def test_an_upstream_pillar_below_the_threshold_outranks_a_lower_downstream_one(small_bank: Bank) -> None:
    result = assess_bank(
        small_bank, answers_at({"product": [1, 2, 2], "traffic": [3, 3, 3], "inquiry": [3, 3, 3], "closing": [0, 0, 0]})
    )
    assert scores(result)["closing"] == 0 < scores(result)["product"] < 60
    assert result["root"] == "product"
    assert result["weakest"] == "closing"
    assert "Closing" in result["root_reason"] and "downstream" in result["root_reason"]


def test_no_root_when_every_pillar_is_healthy(small_bank: Bank) -> None:
    result = assess_bank(small_bank, answers_at({p: [2, 2, 3] for p in ("product", "traffic", "inquiry", "closing")}))
    assert all(score >= 60 for score in scores(result).values())
    assert result["root"] is None
    assert result["plan"] == []
    assert "no root constraint" in result["root_reason"]


def test_threshold_is_inclusive_a_pillar_at_the_threshold_is_healthy(tmp_path) -> None:
    from bankfactory import make_bank

    from assessment.loader import load_bank

    bank = load_bank(make_bank(tmp_path / "five", questions=5))
    at = assess_bank(bank, answers_at({"product": [3, 3, 3, 0, 0], "traffic": [0, 0, 0, 0, 0]}))
    assert at["pillars"][0]["score"] == 60 and at["pillars"][0]["healthy"] is True
    assert at["root"] == "traffic"
    below = assess_bank(bank, answers_at({"product": [3, 3, 2, 1, 0], "traffic": [0, 0, 0, 0, 0]}))
    assert below["pillars"][0]["score"] == 60 and below["root"] == "traffic"
    just_below = assess_bank(bank, answers_at({"product": [3, 3, 2, 0, 0], "traffic": [0, 0, 0, 0, 0]}))
    assert just_below["pillars"][0]["score"] == 53.3 and just_below["root"] == "product"


def test_plan_puts_every_root_action_first_weakest_area_first(small_bank: Bank) -> None:
    result = assess_bank(
        small_bank, answers_at({"product": [1, 0, 3], "traffic": [0, 0, 0], "inquiry": [3, 3, 3], "closing": [1, 1, 1]})
    )
    pillars = [a["pillar"] for a in result["plan"]]
    assert result["root"] == "product"
    assert pillars == ["product", "product", "traffic", "traffic", "traffic", "closing", "closing", "closing"]
    assert [a["question"] for a in result["plan"][:2]] == ["product.q2", "product.q1"]  # level 0 before level 1
    assert [a["root"] for a in result["plan"]] == [True, True] + [False] * 6


def test_healthy_pillars_contribute_no_actions_even_with_weak_answers(small_bank: Bank) -> None:
    result = assess_bank(
        small_bank, answers_at({"product": [0, 3, 3], "traffic": [3, 3, 3], "inquiry": [3, 3, 3], "closing": [0, 0, 0]})
    )
    assert next(p for p in result["pillars"] if p["id"] == "product")["healthy"]
    assert {a["pillar"] for a in result["plan"]} == {"closing"}


def test_an_action_applies_only_below_its_level(small_bank: Bank) -> None:
    result = assess_bank(small_bank, answers_at({"product": [2, 0, 0]}))
    assert [a["question"] for a in result["plan"]] == ["product.q2", "product.q3"]  # q1 at level 2 is not below 2


def test_a_heavier_question_comes_first_among_equally_weak_answers(tmp_path) -> None:
    from bankfactory import make_bank

    from assessment.loader import load_bank

    bank = load_bank(make_bank(tmp_path / "weighted", weights={"product": {3: 2.0}}))
    result = assess_bank(bank, answers_at({"product": [0, 0, 0]}))
    assert [a["question"] for a in result["plan"]] == ["product.q3", "product.q1", "product.q2"]


def test_warnings_follow_the_root(small_bank: Bank) -> None:
    product_root = assess_bank(
        small_bank, answers_at({"product": [0, 0, 0], "traffic": [3, 3, 3], "inquiry": [3, 3, 3], "closing": [3, 3, 3]})
    )
    assert "no-ad-spend-on-weak-product" in [w["id"] for w in product_root["warnings"]]
    traffic_root = assess_bank(
        small_bank, answers_at({"product": [3, 3, 3], "traffic": [0, 0, 0], "inquiry": [3, 3, 3], "closing": [3, 3, 3]})
    )
    ids = [w["id"] for w in traffic_root["warnings"]]
    assert "no-scaling-untargeted-traffic" in ids and "no-ad-spend-on-weak-product" not in ids


def test_an_unassessed_upstream_pillar_is_flagged(small_bank: Bank) -> None:
    result = assess_bank(small_bank, answers_at({"traffic": [0, 0, 0], "inquiry": [3, 3, 3], "closing": [3, 3, 3]}))
    assert result["root"] == "traffic"
    assert "upstream-not-assessed" in [w["id"] for w in result["warnings"]]
    product = result["pillars"][0]
    assert product["assessed"] is False and product["score"] is None and product["unanswered"] == 3
