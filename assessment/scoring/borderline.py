"""What could change the diagnosis: borderline answers, and unknown figures that would decide it.

Borderline: every answered question is tried one level up and one level down
its scale (the neighbouring option; for a figure within `borderline_figures` of
a band edge, the neighbouring band across that edge; for the margin, the values
that move ROAS across such an edge). A question is named when one of those moves
changes which pillar is the root. Answers of "unknown" or "not applicable" are
not on a scale and are not moved.

Deciding unknowns: every figure answered "I don't know" (or left unjudged because the
traffic behind it is too thin) is tried at the band the
company's own practices in that pillar point to (a pillar whose practices reach
two thirds of the top points to "healthy", one third to "weak"; with no practice
answered, weak and healthy are both tried). The figure is named when, at that
plausible value, the root or the root's first fix would change: knowing it could
change what comes first, so measuring it is worth a place in "do now".
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from ..answers.values import Answer
from ..bank.model import NOT_APPLICABLE, UNKNOWN, Bank, Profile, Question
from .root import Root, root_of
from .scores import PillarScore, break_even_roas, judge, pillar_score, repeat_allowance, too_thin


def flipping_questions(
    bank: Bank, pillars: list[PillarScore], answers: dict[str, Answer], profile: Profile, root: Root
) -> list[str]:
    """Ids of the answered questions where one step up or down alone would move the root, in bank order."""
    flipping = []
    for question in bank.questions:
        current = answers.get(question.id)
        if current is None:
            continue
        for alternative in alternatives(question, bank, answers, profile):
            if root_with(bank, pillars, {**answers, question.id: alternative}, profile, question).pillar != root.pillar:
                flipping.append(question.id)
                break
    return flipping


def root_with(
    bank: Bank, pillars: list[PillarScore], answers: dict[str, Answer], profile: Profile, changed: Question
) -> Root:
    """The root once `changed` takes its value in `answers`: its pillar is scored again, and so is any pillar
    with a figure judged by it (ROAS by the margin and the repeat rate); the others keep their scores."""
    touched = {changed.pillar} | {q.pillar for q in bank.questions if changed.id in (q.break_even_from, q.repeat_from)}
    trial = [pillar_score(bank, p.pillar, answers, profile) if p.pillar.id in touched else p for p in pillars]
    return root_of(trial, bank.scoring)


def alternatives(question: Question, bank: Bank, answers: dict[str, Answer], profile: Profile) -> Iterator[Answer]:
    """The answers one level below and one level above the current one, where they exist.

    For a practice, the neighbouring options. For a figure, the neighbouring band only when the figure sits
    within `borderline_figures` (a share, e.g. 10%) of the edge between them: a figure well inside its band
    is not one small error away from another.
    """
    current = answers.get(question.id)
    if current is None or current in (UNKNOWN, NOT_APPLICABLE):
        return
    if question.kind == "choice":
        values = [o.value for o in question.options]
        index = values.index(str(current))
        yield from (values[i] for i in (index - 1, index + 1) if 0 <= i < len(values))
    elif question.role == "outcome":
        yield from _near_bands(question, question, bank, answers, profile)
    else:  # an input such as the margin: move each figure judged against it one band
        for dependent in bank.questions:
            value = answers.get(dependent.id)
            if dependent.break_even_from != question.id or value is None or isinstance(value, str):
                continue
            yield from _near_bands(dependent, question, bank, answers, profile)


def _near_bands(
    judged: Question, varied: Question, bank: Bank, answers: dict[str, Answer], profile: Profile
) -> Iterator[Answer]:
    """Values of `varied` putting `judged` in a neighbouring band, for the edges the figure sits close to."""
    current = answers.get(judged.id)
    if current is None or isinstance(current, str):
        return
    score = judge(judged, current, answers, profile)
    if not score.known or score.figure is None or score.figure.judged is None:
        return
    thresholds = score.figure.scale.thresholds
    near = bank.scoring.borderline_figures
    by_level = _one_per_level(judged, varied, answers, profile)
    for neighbour, edge in ((score.level - 1, score.level - 1), (score.level + 1, score.level)):
        close = 0 <= edge < len(thresholds) and abs(score.figure.judged - thresholds[edge]) <= near * abs(
            thresholds[edge]
        )
        if neighbour in by_level and close:
            yield by_level[neighbour]


def _one_per_level(
    judged: Question, varied: Question, answers: dict[str, Answer], profile: Profile
) -> dict[int, float]:
    """Level -> a value of `varied` that puts `judged` in that band (each checked by judging it)."""
    scale = judged.scale_for(profile)
    be = break_even_roas(answers.get(judged.break_even_from)) if judged.break_even_from else 1.0
    allowance = repeat_allowance(judged, answers) if judged.break_even_from else 1.0
    dependent_value = answers.get(judged.id)
    candidates = [varied.min, varied.max]
    for threshold in scale.thresholds:
        for point in (threshold, threshold * (1 - 1e-9) - 1e-9, threshold * (1 + 1e-9) + 1e-9):
            if varied is judged:
                candidates.append(point * (be or 1.0) * scale.factor / allowance)
            elif isinstance(dependent_value, (int, float)) and dependent_value > 0:
                candidates.append(100 * point * scale.factor / (float(dependent_value) * allowance))
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


def deciding_unknowns(
    bank: Bank,
    pillars: list[PillarScore],
    answers: dict[str, Answer],
    profile: Profile,
    first_fix: Callable[[list[PillarScore]], tuple[str | None, str | None]],
) -> dict[str, bool]:
    """The figures answered "unknown" that, at a plausible value, would change the root or its first fix
    (`first_fix` gives both for scored pillars), in bank order: id -> whether the root itself would change."""
    current = first_fix(pillars)
    by_id = {p.pillar.id: p for p in pillars}
    found: dict[str, bool] = {}
    for question in bank.questions:
        thin = too_thin(question, answers)
        if (answers.get(question.id) != UNKNOWN and not thin) or question.role not in ("outcome", "input"):
            continue
        touched = {question.pillar} | {
            q.pillar for q in bank.questions if question.id in (q.break_even_from, q.repeat_from)
        }
        # A thin figure is tried as if enough traffic stood behind it.
        enough: dict[str, Answer] = {question.sample_from: question.sample_min} if thin and question.sample_from else {}
        for value in plausible_values(bank, question, by_id[question.pillar], {**answers, **enough}, profile):
            trial_answers: dict[str, Answer] = {**answers, **enough, question.id: value}
            trial = [
                pillar_score(bank, p.pillar, trial_answers, profile) if p.pillar.id in touched else p for p in pillars
            ]
            changed = first_fix(trial)
            if changed != current:
                found[question.id] = found.get(question.id, False) or changed[0] != current[0]
    return found


def plausible_values(
    bank: Bank, question: Question, pillar: PillarScore, answers: dict[str, Answer], profile: Profile
) -> list[float]:
    """Values of an unknown figure at the band(s) its pillar's practices point to (see the module's note)."""
    if question.role == "input":  # the margin: the values that put each figure judged against it in that band
        judged = [
            q
            for q in bank.questions
            if q.break_even_from == question.id and isinstance(answers.get(q.id), (int, float))
        ]
        return [v for q in judged for v in _at_levels(q, question, pillar, answers, profile)]
    if not question.scales:
        return []
    return _at_levels(question, question, pillar, answers, profile)


def _at_levels(
    judged: Question, varied: Question, pillar: PillarScore, answers: dict[str, Answer], profile: Profile
) -> list[float]:
    by_level = _one_per_level(judged, varied, answers, profile)
    levels = implied_levels(pillar, judged.max_level)
    return [by_level[lv] for lv in levels if lv in by_level]


def implied_levels(pillar: PillarScore, top: int) -> tuple[int, ...]:
    """The band(s) a pillar's own practices point to: the practice share of the top, rounded to a band."""
    if pillar.practice is None:
        return (1, 2)
    return (min(top, int(pillar.practice / 100 * top + 0.5)),)
