"""Properties over many answer sets (hypothesis): monotonic scores, errors never tracebacks."""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assessment import AnswerError, assess, get_bank
from assessment.scoring import question_level

bank = get_bank()
QUESTIONS = bank.questions


def answer_for(question: Any, level_index: int) -> Any:
    """An answer at (roughly) the given position on the question's scale."""
    if question.kind == "choice":
        return question.options[min(level_index, len(question.options) - 1)].value
    if level_index == 0:
        return question.max if question.better == "lower" else question.min
    return question.thresholds[min(level_index, len(question.thresholds)) - 1]


answer_sets = st.fixed_dictionaries(
    {},
    optional={q.id: st.one_of(st.integers(0, 5).map(lambda i, q=q: answer_for(q, i))) for q in QUESTIONS},
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(answers=answer_sets, which=st.integers(0, len(QUESTIONS) - 1), steps=st.integers(1, 4))
def test_a_better_answer_never_lowers_its_pillars_score(answers: dict[str, Any], which: int, steps: int) -> None:
    question = QUESTIONS[which]
    current = answers.get(question.id, answer_for(question, 0))
    level = question_level(question, current)
    better = answer_for(question, level + steps)
    if question_level(question, better) < level:
        better = current
    before = assess({**answers, question.id: current})
    after = assess({**answers, question.id: better})
    pillar = next(i for i, p in enumerate(before["pillars"]) if p["id"] == question.pillar)
    assert after["pillars"][pillar]["score"] >= before["pillars"][pillar]["score"]


@settings(max_examples=150, deadline=None)
@given(answers=answer_sets)
def test_the_plan_obeys_the_root_rule(answers: dict[str, Any]) -> None:
    result = assess(answers)
    order = [p["id"] for p in result["pillars"]]
    unhealthy = [p["id"] for p in result["pillars"] if p["healthy"] is False]
    assert result["root"] == (unhealthy[0] if unhealthy else None)
    planned = [a["pillar"] for a in result["plan"]]
    assert planned == sorted(planned, key=order.index)
    assert set(planned) <= set(unhealthy)
    if result["root"]:
        assert all(a["root"] == (a["pillar"] == result["root"]) for a in result["plan"])


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=20), children, max_size=4),
    max_leaves=20,
)
near_valid = st.dictionaries(
    st.sampled_from([q.id for q in QUESTIONS] + ["unknown.question"]),
    json_values | st.sampled_from(["na", *[o.value for q in QUESTIONS for o in q.options][:30]]),
    max_size=12,
)


@settings(max_examples=300, deadline=None)
@given(answers=json_values | near_valid)
def test_arbitrary_json_either_scores_or_raises_the_documented_error(answers: Any) -> None:
    try:
        result = assess(answers)
    except AnswerError as error:
        assert str(error)
        return
    json.dumps(result)
    for pillar in result["pillars"]:
        assert pillar["score"] is None or 0 <= pillar["score"] <= 100


@settings(max_examples=25, deadline=None)
@given(document=json_values | st.fixed_dictionaries({"answers": json_values | near_valid}))
def test_the_cli_never_shows_a_traceback(document: Any) -> None:
    run = subprocess.run(
        [sys.executable, "-m", "assessment", "score", "-", "--json"],
        input=json.dumps(document),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert "Traceback" not in run.stderr
    if run.returncode == 0:
        assert "pillars" in json.loads(run.stdout)
    else:
        assert run.returncode == 2 and run.stderr.startswith("error: ") and run.stderr.count("\n") == 1
