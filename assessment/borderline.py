"""Borderline diagnoses: the answers where one step up or down would change the root.

The check is exact, not a rule of thumb: every answered question is tried one
level up and one level down its scale (the neighbouring option; the
neighbouring band of a figure on the company's scale; for the margin, the
values that move ROAS one band). A question is named when one of those moves
changes which pillar is the root. Answers of "unknown" or "not applicable" are
not on a scale and are not moved.
"""

from __future__ import annotations

from collections.abc import Iterator

from .answers import Answer
from .model import NOT_APPLICABLE, UNKNOWN, Bank, Profile, Question
from .root import Root, find_root
from .scoring import PillarScore, break_even_roas, judge, pillar_score


def flipping_questions(
    bank: Bank, pillars: list[PillarScore], answers: dict[str, Answer], profile: Profile, root: Root
) -> list[str]:
    """Ids of the answered questions where one step up or down alone would move the root, in bank order."""
    scores = [(p.pillar.id, p.score) for p in pillars]
    index = {p.pillar.id: i for i, p in enumerate(pillars)}
    flipping = []
    for question in bank.questions:
        current = answers.get(question.id)
        if current is None:
            continue
        position = index[question.pillar]
        for alternative in alternatives(question, bank, answers, profile):
            changed = {**answers, question.id: alternative}
            score = pillar_score(bank, pillars[position].pillar, changed, profile).score
            trial = [*scores[:position], (question.pillar, score), *scores[position + 1 :]]
            if find_root(trial, bank.scoring).pillar != root.pillar:
                flipping.append(question.id)
                break
    return flipping


def alternatives(question: Question, bank: Bank, answers: dict[str, Answer], profile: Profile) -> Iterator[Answer]:
    """The answers one level below and one level above the current one, where they exist."""
    current = answers.get(question.id)
    if current is None or current in (UNKNOWN, NOT_APPLICABLE):
        return
    if question.kind == "choice":
        values = [o.value for o in question.options]
        index = values.index(str(current))
        yield from (values[i] for i in (index - 1, index + 1) if 0 <= i < len(values))
    elif question.role == "outcome":
        level = judge(question, current, answers, profile)
        if level.known:
            by_level = _one_per_level(question, question, answers, profile)
            yield from (by_level[lv] for lv in (level.level - 1, level.level + 1) if lv in by_level)
    else:  # an input such as the margin: move each figure judged against it one band
        for dependent in bank.questions:
            value = answers.get(dependent.id)
            if dependent.break_even_from != question.id or value is None or isinstance(value, str):
                continue
            level = judge(dependent, value, answers, profile)
            if level.known:
                by_level = _one_per_level(dependent, question, answers, profile)
                yield from (by_level[lv] for lv in (level.level - 1, level.level + 1) if lv in by_level)


def _one_per_level(
    judged: Question, varied: Question, answers: dict[str, Answer], profile: Profile
) -> dict[int, float]:
    """Level -> a value of `varied` that puts `judged` in that band (each checked by judging it)."""
    scale = judged.scale_for(profile)
    be = break_even_roas(answers.get(judged.break_even_from)) if judged.break_even_from else 1.0
    dependent_value = answers.get(judged.id)
    candidates = [varied.min, varied.max]
    for threshold in scale.thresholds:
        for point in (threshold, threshold * (1 - 1e-9) - 1e-9, threshold * (1 + 1e-9) + 1e-9):
            if varied is judged:
                candidates.append(point * (be or 1.0) * scale.factor)
            elif isinstance(dependent_value, (int, float)) and dependent_value > 0:
                candidates.append(100 * point * scale.factor / float(dependent_value))
    found: dict[int, float] = {}
    for candidate in candidates:
        value = min(max(candidate, varied.min), varied.max)
        trial = {**answers, varied.id: value}
        outcome = trial.get(judged.id)
        if outcome is None or isinstance(outcome, str):
            continue
        check = judge(judged, outcome, trial, profile)
        if check.known and check.level not in found:
            found[check.level] = value
    return found
