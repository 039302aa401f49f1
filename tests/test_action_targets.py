"""A plan target says what it measures, in the unit it is given in (issue 22: "share of new inquiries
answered within 10 minutes: 120 s → ≤ 60 s" mixed a share with a time).

Every action with a numeric target shows "<metric>: <from> → <to>", the figures in the unit of its
question's scale for the company's profile. So the metric's words must name the kind of figure each of
those units measures (a time for minutes or working hours, a rate or share for %, a rating for stars),
and a time must not be called a share or a rate.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from assessment import assess_document, get_bank

BANK = get_bank()

# The kind of figure each unit the bank uses measures, and the words that name that kind per language.
KIND_OF_UNIT = {
    "%": "share",
    "minutes": "time",
    "分钟": "time",
    "hours": "time",
    "小时": "time",
    "working hours": "time",
    "工作小时": "time",
    "seconds": "time",
    "秒": "time",
    "stars": "rating",
    "星": "rating",
    "分": "rating",
    "reviews": "reviews",
    "条": "reviews",
    "": "ratio",
    "clicks": "clicks",
    "次点击": "clicks",
}
NAMES = {
    "share": {"en": r"rate|share|%|completeness", "zh": r"率|占比|%|完整度"},
    "time": {"en": r"\btime\b", "zh": r"时间"},
    "rating": {"en": r"rating", "zh": r"评分"},
    "reviews": {"en": r"review", "zh": r"评价"},
    "ratio": {"en": r"ROAS|LTV:CAC", "zh": r"投产比|LTV:CAC"},
    "clicks": {"en": r"click", "zh": r"点击"},
}
NOT_A_TIME = {"en": r"\bshare\b|\brate\b|%", "zh": r"占比|率|%"}


def kinds(action: Any) -> set[str]:
    """The kinds of figure an action's target can be given in: one per unit of its question's scales."""
    question = BANK.question(action.target or action.question)
    units = [question.unit, *(scale.unit for scale in question.scales)]
    return {KIND_OF_UNIT[unit[lang]] for unit in units for lang in unit}


def naming_problems(metric: str, kind: str, lang: str) -> list[str]:
    found = []
    if not re.search(NAMES[kind][lang], metric, re.I):
        found.append(f"{metric!r} does not name a {kind}")
    if kind == "time" and re.search(NOT_A_TIME[lang], metric, re.I):
        found.append(f"{metric!r} calls a time a share or a rate")
    return found


NUMERIC = [a for a in BANK.actions if a.target is not None]


@pytest.mark.parametrize("action", NUMERIC, ids=lambda a: a.id)
def test_each_target_names_the_kind_of_figure_it_is_given_in(action: Any) -> None:
    found = [
        f"{lang}: {problem}"
        for kind in kinds(action)
        for lang in BANK.languages
        if lang in NAMES[kind]
        for problem in naming_problems(action.metric[lang], kind, lang)
    ]
    assert found == []


def test_every_unit_the_bank_uses_has_a_kind() -> None:
    for action in NUMERIC:
        assert kinds(action)  # a KeyError names a unit this test does not know yet


@pytest.mark.parametrize(
    ("metric", "kind", "lang", "ok"),
    [
        ("Share of new inquiries answered within 10 minutes", "time", "en", False),
        ("10 分钟内得到回复的新询盘占比", "time", "zh", False),
        ("Median first-response time", "time", "en", True),
        ("首次响应时间中位数", "time", "zh", True),
        ("Defects per 1,000 orders", "share", "en", False),
        ("Product-reason return rate, % of orders", "share", "en", True),
        ("最近 90 天平均评分", "rating", "zh", True),
    ],
)
def test_what_counts_as_naming_the_kind(metric: str, kind: str, lang: str, ok: bool) -> None:
    assert (naming_problems(metric, kind, lang) == []) is ok


def test_the_result_shows_a_target_in_its_questions_unit() -> None:
    """The engine writes the target in the unit of the profile's scale, the unit the metric was checked for."""
    document = {"profile": {"model": "b2b-export"}, "answers": {"inquiry.response-time": 26 * 60}}
    for lang, unit in (("en", "working hours"), ("zh", "工作小时")):
        plan = assess_document(document, lang)["plan"]
        targets = [a["target"] for a in plan if a["question"] == "inquiry.response-time" and "→" in a["target"]]
        assert targets and all(unit in t for t in targets), targets
