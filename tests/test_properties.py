"""Properties over many answer sets and profiles (hypothesis): monotone scores, the root rule, the
borderline flag, and errors that are never tracebacks."""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assessment import AnswerError, assess, get_bank
from assessment.bank.model import NOT_APPLICABLE, UNKNOWN, Question
from assessment.scoring.root import root_of
from assessment.scoring.scores import judge, repeat_allowance, score_pillars

bank = get_bank()
QUESTIONS = bank.questions
SCORED = [q for q in QUESTIONS if q.scored]
SAMPLES = {q.sample_from for q in QUESTIONS if q.sample_from}


def values_of(question: Question) -> st.SearchStrategy[Any]:
    special = [v for v, ok in ((UNKNOWN, question.allows_unknown), (NOT_APPLICABLE, question.not_applicable)) if ok]
    if question.kind == "choice":
        return st.sampled_from([o.value for o in question.options] + special)
    numbers = st.floats(question.min, question.max, allow_nan=False) | st.sampled_from([question.min, question.max])
    return numbers | st.sampled_from(special) if special else numbers


profiles = st.fixed_dictionaries(
    {},
    optional={
        d.id: (
            st.lists(st.sampled_from(d.values()), min_size=1, unique=True)
            if d.multiple
            else st.sampled_from(d.values())
        )
        for d in bank.dimensions
    },
)
answer_sets = st.fixed_dictionaries({}, optional={q.id: values_of(q) for q in QUESTIONS})


def better(question: Question, value: Any, steps: int) -> Any:
    """An answer at least as good as `value` on the question's own scale (options or direction)."""
    if question.kind == "choice":
        values = [o.value for o in question.options]
        return values[min(values.index(value) + steps, len(values) - 1)]
    delta = (question.max - question.min) * steps / 7
    moved = value - delta if question.better == "lower" else value + delta
    return min(max(moved, question.min), question.max)


def pillar_scores(result: dict[str, Any]) -> dict[str, int | None]:
    return {p["id"]: p["score"] for p in result["pillars"]}


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(answers=answer_sets, profile=profiles, which=st.sampled_from(QUESTIONS), steps=st.integers(1, 3))
def test_a_better_answer_or_figure_never_lowers_its_pillars_score(
    answers: dict[str, Any], profile: dict[str, Any], which: Question, steps: int
) -> None:
    if which.id in SAMPLES:
        return  # a traffic count is not a quality: more of it only decides whether rates are judged at all
    current = answers.get(which.id)
    if current is None or current in (UNKNOWN, NOT_APPLICABLE):
        current = (
            which.options[0].value if which.kind == "choice" else (which.max if which.better == "lower" else which.min)
        )
    before = assess({**answers, which.id: current}, profile=profile)
    after = assess({**answers, which.id: better(which, current, steps)}, profile=profile)
    assert (pillar_scores(after)[which.pillar] or 0) >= (pillar_scores(before)[which.pillar] or 0)


@settings(max_examples=150, deadline=None)
@given(answers=answer_sets, profile=profiles)
def test_the_result_follows_the_documented_root_rule(answers: dict[str, Any], profile: dict[str, Any]) -> None:
    result = assess(answers, profile=profile)
    scores = pillar_scores(result)
    threshold, step = bank.health_threshold, bank.scoring.root_step
    unhealthy = [pid for pid, score in scores.items() if score is not None and score < threshold]
    shown = [pid for pid in unhealthy if next(p for p in result["pillars"] if p["id"] == pid)["held"]]
    # Evidence first: a pillar whose own figures show the problem comes before one low on practices alone.
    candidates = shown or unhealthy
    if "product" in candidates:
        assert result["root"] == "product"
    elif candidates:
        order = list(scores)
        key = {pid: (threshold - (scores[pid] or 0)) - step * order.index(pid) for pid in candidates}
        best = max(key.values())
        assert result["root"] == next(pid for pid in order if pid in key and key[pid] == best)
    else:
        assert result["root"] is None
    assert result["root_basis"] == ("none" if not candidates else "figures" if shown else "practices")
    planned = [a for a in result["plan"]]
    assert len({a["id"] for a in planned}) == len(planned)
    now = [a for a in planned if a["phase"] == "now"]
    assert len(now) <= bank.scoring.plan_now
    # "Do now" is the root's fixes, led by the stop-loss when ads lose money, with at most one measuring action.
    stop = [a for a in now if a["id"] == STOP_LOSS]
    assert all(a["root"] or a["measures"] or a in stop for a in now)
    assert sum(a["measures"] for a in now) <= 1
    phases = [a["phase"] for a in planned]
    assert phases == sorted(phases, key=["now", "next", "later"].index)
    if result["root"]:
        # Other pillars appear only to measure a figure nobody knows, or to stop the loss.
        assert all(a["pillar"] in unhealthy or a["measures"] or a["id"] == STOP_LOSS for a in planned)
        assert not planned or planned[0]["pillar"] == result["root"] or planned[0]["id"] == STOP_LOSS


STOP_LOSS = next(a.id for a in bank.actions if a.stop_loss)
ROAS = next(q for q in QUESTIONS if q.id == next(a.question for a in bank.actions if a.stop_loss))


@settings(max_examples=200, deadline=None)
@given(answers=answer_sets, profile=profiles)
def test_the_stop_loss_leads_the_plan_exactly_when_ads_lose_money_on_every_order(
    answers: dict[str, Any], profile: dict[str, Any]
) -> None:
    result = assess(answers, profile=profile)
    checked = {dim: tuple(v) if isinstance(v, list) else (v,) for dim, v in profile.items()}
    roas, margin = result_answer(result, ROAS.id), result_answer(result, ROAS.break_even_from or "")
    repeat = result_answer(result, ROAS.repeat_from or "")
    clicks = result_answer(result, ROAS.sample_from or "")
    thin = isinstance(clicks, (int, float)) and clicks < ROAS.sample_min  # too little traffic: not judged
    loses = False
    if isinstance(roas, (int, float)) and ROAS.applies_to(checked) and not thin:
        allowance = 1 + min(repeat, 100) / 100 if isinstance(repeat, (int, float)) else 1
        earned = roas / ROAS.scale_for(checked).factor * allowance
        # Below break-even (a margin of 0 never breaks even); with no margin, below 1 loses money at any margin.
        loses = (margin <= 0 or earned < 100 / margin) if isinstance(margin, (int, float)) else earned < 1
    led = bool(result["plan"]) and result["plan"][0]["id"] == STOP_LOSS
    assert led == loses and (result["stop_loss"] is not None) == loses


def result_answer(result: dict[str, Any], qid: str) -> Any:
    return next((row["answer"] for row in result["answers"] if row["question"] == qid), None)


@settings(max_examples=200, deadline=None)
@given(answers=answer_sets, profile=profiles)
def test_a_pillar_whose_key_figures_are_known_and_healthy_is_healthy_whatever_its_practices(
    answers: dict[str, Any], profile: dict[str, Any]
) -> None:
    checked = {dim: tuple(v) if isinstance(v, list) else (v,) for dim, v in profile.items()}
    result = assess(answers, profile=profile)
    for pillar in result["pillars"]:
        bands = {o["question"]: o["band"] for o in pillar["outcomes"]}
        keys = [q.id for q in QUESTIONS if q.key and q.pillar == pillar["id"] and q.applies_to(checked)]
        keys = [qid for qid in keys if answers.get(qid) != NOT_APPLICABLE]
        direct = [o["band"] for o in pillar["outcomes"] if o["charge"] == "direct"]
        cleared = keys and all(bands.get(qid) in ("healthy", "strong") for qid in keys)
        if cleared and "failing" not in direct and "weak" not in direct:
            assert pillar["healthy"] is True, pillar["id"]
            # ...and stays so with every practice of that pillar at its weakest.
            worst = {
                **answers,
                **{q.id: q.options[0].value for q in QUESTIONS if q.pillar == pillar["id"] and q.role == "practice"},
            }
            after = assess(worst, profile=profile)["pillars"]
            assert next(p for p in after if p["id"] == pillar["id"])["healthy"] is True
        if "failing" in direct or "weak" in direct:
            assert pillar["healthy"] is False, pillar["id"]


def neighbours(question: Question, answers: dict[str, Any], profile: dict[str, tuple[str, ...]]) -> list[Any]:
    """Every answer one level above or below the current one, found by brute force over the scale; for a
    figure, only across a band edge it sits within `borderline_figures` of."""
    current = answers[question.id]
    if current in (UNKNOWN, NOT_APPLICABLE):
        return []
    if question.kind == "choice":
        values = [o.value for o in question.options]
        i = values.index(current)
        return [values[j] for j in (i - 1, i + 1) if 0 <= j < len(values)]
    judged = [q for q in QUESTIONS if q.id == question.id or q.break_even_from == question.id]
    found = []
    grid = [question.min + (question.max - question.min) * k / 400 for k in range(401)]
    for target in judged:
        if target.id not in answers or answers[target.id] in (UNKNOWN, NOT_APPLICABLE):
            continue
        level = judge(target, answers[target.id], answers, profile)
        if not level.known or level.figure is None or level.figure.judged is None:
            continue
        edges = level.figure.scale.thresholds
        near = bank.scoring.borderline_figures
        close = {
            step
            for step, edge in ((-1, level.level - 1), (1, level.level))
            if 0 <= edge < len(edges) and abs(level.figure.judged - edges[edge]) <= near * abs(edges[edge])
        }
        extra = []
        if target is question:
            scale = target.scale_for(profile)
            for t in scale.thresholds:
                allowance = repeat_allowance(target, answers) if target.break_even_from else 1.0
                margin = answers.get(target.break_even_from or "")
                for roas in (1.0, 100 / float(margin) if isinstance(margin, (int, float)) and margin > 0 else 1.0):
                    base = t * scale.factor * (roas if target.break_even_from else 1.0) / allowance
                    extra += [base, base * (1 + 1e-7), base * (1 - 1e-7)]
        for value in grid + extra:
            value = min(max(value, question.min), question.max)
            trial = {**answers, question.id: value}
            if judge(target, trial[target.id], trial, profile).level - level.level in close:
                found.append(value)
    return found


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(answers=answer_sets, profile=profiles)
def test_borderline_appears_exactly_when_one_step_in_one_answer_would_change_the_root(
    answers: dict[str, Any], profile: dict[str, Any]
) -> None:
    result = assess(answers, profile=profile)
    checked = {dim: tuple(v) if isinstance(v, list) else (v,) for dim, v in profile.items()}
    # Answers the profile rules out are set aside, not scored: the reference leaves them out too.
    answers = {qid: v for qid, v in answers.items() if next(q for q in QUESTIONS if q.id == qid).applies_to(checked)}

    def root_after(trial: dict[str, Any]) -> str | None:
        return root_of(score_pillars(bank, trial, checked), bank.scoring).pillar

    expected = [
        q.id
        for q in QUESTIONS
        if q.id in answers
        and any(root_after({**answers, q.id: v}) != result["root"] for v in neighbours(q, answers, checked))
    ]
    assert result["borderline"] == bool(expected)
    assert sorted(d["question"] for d in result["double_check"]) == sorted(expected)


EDGE_FLOATS = [
    0.0,
    -0.0,
    5e-324,
    -5e-324,
    sys.float_info.min,
    sys.float_info.max,
    -sys.float_info.max,
    1e308,
    math.inf,
    -math.inf,
    math.nan,
    *(math.nextafter(q.max, math.inf) for q in QUESTIONS if q.kind == "number"),
    *(math.nextafter(q.min, -math.inf) for q in QUESTIONS if q.kind == "number"),
]
big_integers = st.builds(
    lambda digits, sign: sign * (10**digits - 1),  # up to 6,000 digits: beyond Python's int-to-text limit
    st.integers(15, 6000),
    st.sampled_from([1, -1]),
)
edge_numbers = (
    st.sampled_from(EDGE_FLOATS) | st.floats(allow_nan=True, allow_infinity=True) | big_integers | st.integers()
)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=20), children, max_size=4),
    max_leaves=20,
)
near_valid = st.dictionaries(
    st.sampled_from([q.id for q in QUESTIONS] + ["unknown.question", "traffic.bounce-rate"]),
    json_values
    | edge_numbers
    | st.sampled_from(["na", "unknown", *[o.value for q in QUESTIONS for o in q.options][:30]]),
    max_size=12,
)
odd_profiles = st.dictionaries(st.sampled_from([d.id for d in bank.dimensions] + ["nope"]), edge_numbers | json_values)


@settings(max_examples=300, deadline=None)
@given(
    answers=json_values | near_valid,
    profile=st.none() | json_values | profiles | odd_profiles,
    lang=st.sampled_from(["en", "zh"]) | edge_numbers | st.text(max_size=5),
)
def test_arbitrary_json_either_scores_or_raises_the_documented_error(answers: Any, profile: Any, lang: Any) -> None:
    try:
        result = assess(answers, profile=profile, lang=lang)
    except AnswerError as error:
        assert str(error) and len(str(error)) < 300
        return
    json.dumps(result)
    for pillar in result["pillars"]:
        assert pillar["score"] is None or 0 <= pillar["score"] <= 100


def json_text(value: Any) -> str:
    """JSON text for any generated value, even an integer with more digits than Python turns into text by default."""
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 13_000:
        return ("-" if value < 0 else "") + "9" * 5000
    if isinstance(value, list):
        return "[" + ", ".join(json_text(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{json.dumps(str(k))}: {json_text(v)}" for k, v in value.items()) + "}"
    return json.dumps(value)  # NaN and Infinity as Python writes them: not JSON, refused like any malformed text


documents = json_values | st.fixed_dictionaries({"answers": json_values | near_valid})
answer_texts = documents.map(json_text) | st.builds(
    lambda qid, number: json_text({"answers": {qid: number}}), st.sampled_from([q.id for q in QUESTIONS]), edge_numbers
)


def cli(*args: str, **kwargs: Any) -> subprocess.CompletedProcess[Any]:
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1]), "PYTHONIOENCODING": "utf-8:strict"}
    return subprocess.run(
        [sys.executable, "-m", "assessment", *args], capture_output=True, env=env, timeout=60, **kwargs
    )


@settings(max_examples=25, deadline=None)
@given(text=answer_texts, as_json=st.booleans())
def test_the_cli_never_shows_a_traceback(text: str, as_json: bool) -> None:
    run = cli("score", "-", *(["--json"] if as_json else []), input=text.encode("utf-8"))
    stderr = run.stderr.decode("utf-8")
    assert "Traceback" not in stderr
    if run.returncode == 0:
        assert not as_json or "pillars" in json.loads(run.stdout)
    else:
        assert run.returncode == 2 and stderr.startswith("error: ") and stderr.count("\n") == 1


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    names=st.lists(
        st.binary(min_size=1, max_size=12).filter(
            lambda b: b"/" not in b and b"\0" not in b and b not in (b".", b"..")
        ),
        min_size=1,
        max_size=3,
        unique=True,
    ),
    text=answer_texts,
)
def test_the_cli_scores_a_folder_of_oddly_named_files_with_a_strict_stdout(
    tmp_path_factory: Any, names: list[bytes], text: str
) -> None:
    """Non-UTF-8 and control characters in file names: one CSV row per good file, one error line per bad one."""
    folder = tmp_path_factory.mktemp("teams")
    for name in names:
        Path(os.fsdecode(bytes(folder) + b"/" + name + b".json")).write_text(text, "utf-8")
    run = cli("score", str(folder))
    stderr = run.stderr.decode("utf-8")
    assert "Traceback" not in stderr and run.returncode in (0, 2), stderr
    rows = run.stdout.decode("utf-8").splitlines()
    errors = stderr.splitlines()
    assert len(rows) - 1 + len(errors) == len(names), (rows, errors)
    assert all(line.startswith("error: ") and line.isprintable() for line in errors)
