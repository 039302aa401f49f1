"""The "fix the root first" rule: which pillar comes first, why, and the order and phases of the plan.

The rule (assessment/scoring/root.py): an unhealthy product always comes first. Beyond
product, the root maximises `shortfall - root_step x position`: loop order
counts, but a pillar failing badly is not hidden behind a neighbour that is
only just below the line.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from bankfactory import answers_at, make_bank

from assessment import assess_bank
from assessment.bank.loader import load_bank
from assessment.bank.model import Bank, Scoring
from assessment.scoring.root import find_root

RULES = Scoring(
    health_threshold=60,
    outcome_share=0.5,
    failing_cap=45,
    root_step=15,
    low_confidence_answered=0.5,
    borderline_figures=0.1,
    plan_now=3,
    plan_next=5,
)


def root(product: int | None, traffic: int | None, inquiry: int | None, closing: int | None) -> tuple[str | None, str]:
    scores = [("product", product), ("traffic", traffic), ("inquiry", inquiry), ("closing", closing)]
    found = find_root(scores, (), RULES)
    return found.pillar, found.rule


def test_an_unhealthy_product_comes_first_however_low_the_others() -> None:
    assert root(59, 0, 0, 0) == ("product", "product")


def test_beyond_product_the_first_unhealthy_pillar_comes_first_when_nothing_is_much_worse() -> None:
    assert root(80, 40, 30, 20) == ("traffic", "first")  # inquiry is 10 lower: not the 15 a step needs
    assert root(80, 70, 45, 35) == ("inquiry", "first")


def test_a_pillar_far_below_the_line_comes_before_a_borderline_upstream_one() -> None:
    # The example: traffic 59 is borderline, inquiry 41 with 9-hour replies is failing.
    assert root(80, 59, 41, 70) == ("inquiry", "outweighs")
    assert find_root([("product", 80), ("traffic", 59), ("inquiry", 41), ("closing", 70)], (), RULES).passed_over == (
        "traffic",
    )


def test_each_step_down_the_loop_needs_root_step_more_points_of_shortfall() -> None:
    # traffic short by 10; inquiry needs more than 10 + 15 to come first, closing more than 10 + 30.
    assert root(70, 50, 35, 70) == ("traffic", "first")  # inquiry short by 25: a tie goes upstream
    assert root(70, 50, 34, 70) == ("inquiry", "outweighs")
    assert root(70, 50, 70, 20) == ("traffic", "first")  # closing short by 40: equal after two steps
    assert root(70, 50, 70, 19) == ("closing", "outweighs")


def test_no_root_when_every_assessed_pillar_is_healthy_and_unassessed_ones_do_not_count() -> None:
    assert root(60, 60, 60, 60) == (None, "none")
    assert root(None, 70, None, 65) == (None, "none")
    assert root(None, 40, None, None) == ("traffic", "first")


def test_the_threshold_is_inclusive_a_pillar_at_the_threshold_is_healthy(small_bank: Bank) -> None:
    # With no usual levels in the bank, level 2 of 3 is taken as usual and scores exactly the line.
    at = assess_bank(small_bank, answers_at({"product": [2, 2, 2], "traffic": [0, 0, 0]}))
    assert at["pillars"][0]["score"] == 60 and at["pillars"][0]["healthy"] is True
    assert at["root"] == "traffic"


def test_the_reason_says_why_this_pillar_and_not_the_others(small_bank: Bank) -> None:
    product = assess_bank(small_bank, answers_at({"product": [1, 1, 1], "closing": [0, 0, 0]}))
    assert product["root"] == "product" and product["root_rule"] == "product"
    assert "root of the loop" in product["root_reason"] and "Closing" in product["root_reason"]
    first = assess_bank(
        small_bank, answers_at({"product": [3, 3, 3], "traffic": [1, 1, 1], "inquiry": [1, 0, 1], "closing": [3, 3, 3]})
    )
    assert (first["root"], first["root_rule"]) == ("traffic", "first")
    assert "Inquiry scores lower" in first["root_reason"] and "further down the loop" in first["root_reason"]
    outweighs = assess_bank(
        small_bank, answers_at({"product": [3, 3, 3], "traffic": [2, 2, 1], "inquiry": [0, 0, 0], "closing": [3, 3, 3]})
    )
    assert (outweighs["root"], outweighs["root_rule"]) == ("inquiry", "outweighs")
    assert "Paid traffic is below the line too" in outweighs["root_reason"]
    assert "more than 15 points for each step down the loop" in outweighs["root_reason"]
    none = assess_bank(small_bank, answers_at({p: [2, 2, 3] for p in ("product", "traffic", "inquiry", "closing")}))
    assert none["root"] is None and "no root constraint" in none["root_reason"]


def test_the_plan_does_the_root_first_in_phases(tmp_path: Path) -> None:
    bank = load_bank(make_bank(tmp_path / "four", questions=4))
    result = assess_bank(
        bank,
        answers_at(
            {"product": [1, 0, 0, 0], "traffic": [0, 0, 0, 0], "inquiry": [3, 3, 3, 3], "closing": [1, 1, 1, 1]}
        ),
    )
    plan = result["plan"]
    assert result["root"] == "product"
    # At most three to do now, all from the root; five next; the rest later.
    assert [a["phase"] for a in plan] == ["now"] * 3 + ["next"] * 5 + ["later"] * 4
    assert [a["question"] for a in plan[:4]] == ["product.q2", "product.q3", "product.q4", "product.q1"]
    assert all(a["root"] for a in plan[:4]) and not any(a["root"] for a in plan[4:])
    # After the root, the other unhealthy pillars by the same precedence: traffic (0) before closing (33).
    assert [a["pillar"] for a in plan[4:]] == ["traffic"] * 4 + ["closing"] * 4
    assert len({a["id"] for a in plan}) == len(plan)  # no action twice
    assert "inquiry" not in {a["pillar"] for a in plan}  # a healthy pillar has nothing to do


def test_among_equally_weak_answers_a_shorter_horizon_comes_first(tmp_path: Path) -> None:
    folder = make_bank(tmp_path / "horizons")
    path = folder / "product.toml"
    path.write_text(
        path.read_text("utf-8").replace(
            'id = "product.q1.fix"\nquestion = "product.q1"\nbelow = 2\nhorizon = 30',
            'id = "product.q1.fix"\nquestion = "product.q1"\nbelow = 2\nhorizon = 90',
        ),
        "utf-8",
    )
    result = assess_bank(load_bank(folder), answers_at({"product": [0, 0, 0]}))
    assert [a["question"] for a in result["plan"]] == ["product.q2", "product.q3", "product.q1"]
    assert result["plan"][-1]["horizon"] == 90


def test_a_heavier_question_comes_first_among_equally_weak_answers(tmp_path: Path) -> None:
    bank = load_bank(make_bank(tmp_path / "weighted", weights={"product": {3: 2.0}}))
    result = assess_bank(bank, answers_at({"product": [0, 0, 0]}))
    assert [a["question"] for a in result["plan"]] == ["product.q3", "product.q1", "product.q2"]


def test_an_action_applies_only_below_its_level(small_bank: Bank) -> None:
    result = assess_bank(small_bank, answers_at({"product": [2, 0, 0]}))
    assert [a["question"] for a in result["plan"]] == ["product.q2", "product.q3"]  # q1 at level 2 is not below 2


def test_with_no_root_the_plan_lifts_the_weakest_pillars(small_bank: Bank) -> None:
    result = assess_bank(
        small_bank, answers_at({"product": [3, 3, 1], "traffic": [3, 2, 1], "inquiry": [3, 3, 3], "closing": [3, 3, 2]})
    )
    assert result["root"] is None and result["plan"], "a company with no unhealthy pillar still gets a plan"
    assert [a["question"] for a in result["plan"]] == ["traffic.q3", "product.q3"]
    assert result["plan"][0]["phase"] == "now"


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


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_reason_and_plan_exist_in_both_languages(small_bank: Bank, lang: str) -> None:
    result = assess_bank(small_bank, answers_at({"product": [1, 1, 1]}), lang)
    assert result["root_reason"] and result["plan"][0]["owner"] and result["plan"][0]["unlocks"]


@pytest.mark.parametrize(
    ("cause", "named", "passed_over"),
    [
        ("not-as-described", "product.information", "product.packaging"),
        ("damaged", "product.packaging", "product.information"),
    ],
)
def test_the_fix_for_the_cause_the_returns_name_leads_and_a_cause_they_rule_out_waits_behind_the_figures_fixes(
    cause: str, named: str, passed_over: str
) -> None:
    """Returns failing, and the owner names their main cause: that cause's fix leads, and the fix for a cause
    the answer passed over (packaging, when buyers say the item is not as described) loses the returns'
    evidence: it waits behind the fixes the failing figure itself calls for."""
    bank = load_bank()
    answers = {
        "product.quality-returns": 12,
        "product.return-cause": cause,
        "product.information": "specs",
        "product.packaging": "factory-default",
        "product.quality": "spot-check",
    }
    plan = [a["question"] for a in assess_bank(bank, answers)["plan"] if a["pillar"] == "product"]
    assert named in plan and passed_over in plan
    assert plan.index(named) < plan.index("product.quality-returns") < plan.index(passed_over)
