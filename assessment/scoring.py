"""Turn checked answers into question levels and pillar scores.

The rule, also shown on the reference page:

- a practice's level is its option's; a figure's level is the band its value
  falls in on the scale for the company's profile (failing 0, weak 1,
  healthy 2, strong 3); ROAS is judged as a multiple of the break-even ROAS
  computed from the company's own margin;
- a figure the company does not know is left out of the score (it is never
  scored as good): it lowers the result's confidence and adds a "start
  measuring it" action instead;
- a pillar's score blends the weighted mean of its practices and of its
  outcomes (`outcome_share` of the weight goes to outcomes when both are answered);
- a failing outcome caps the pillar at `failing_cap`: good habits cannot hide
  a result that is clearly failing;
- not-applicable questions (answered so, or by the profile) and unanswered ones
  are left out, never counted as zero or full marks.

Every step is monotone: a better answer or a better figure never lowers its pillar's score.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import economics
from .answers import Answer
from .model import NOT_APPLICABLE, UNKNOWN, Bank, Pillar, Profile, Question, Scale


@dataclass(frozen=True)
class Figure:
    """A figure as judged: its value in the scale's unit (or as a multiple of break-even)."""

    value: float | None  # in the scale's unit; None when unknown
    judged: float | None  # what the thresholds compare: the value, or value / break-even
    break_even: float | None  # break-even ROAS, when the figure is judged against a margin
    scale: Scale


@dataclass(frozen=True)
class QuestionScore:
    question: Question
    answer: Answer
    level: int
    known: bool  # False for "unknown" (or a ROAS whose margin is unknown)
    figure: Figure | None = None

    @property
    def ratio(self) -> float:
        return self.level / self.question.max_level

    @property
    def failing(self) -> bool:
        """A known outcome in the lowest band: the pillar visibly does not work."""
        return self.question.role == "outcome" and self.known and self.level == 0


def judge(question: Question, answer: Answer, answers: dict[str, Answer], profile: Profile) -> QuestionScore:
    """The level an answer reaches on its question (0 = weakest), for this company's profile."""
    if question.kind == "choice":
        if answer == UNKNOWN:
            return QuestionScore(question, answer, 0, known=False)
        return QuestionScore(question, answer, next(o.level for o in question.options if o.value == answer), True)
    scale = question.scale_for(profile) if question.scales else None
    if answer == UNKNOWN or scale is None:
        figure = Figure(None, None, None, scale) if scale else None
        return QuestionScore(question, answer, 0, known=False, figure=figure)
    value = float(answer) / scale.factor
    judged: float | None = value
    break_even = None
    if question.break_even_from is not None:
        break_even = break_even_roas(answers.get(question.break_even_from))
        judged = None if break_even is None else value / break_even
    figure = Figure(value, judged, break_even, scale)
    if judged is None:
        return QuestionScore(question, answer, 0, known=False, figure=figure)
    return QuestionScore(question, answer, band(question, scale, judged), True, figure)


def band(question: Question, scale: Scale, judged: float) -> int:
    if question.better == "lower":
        return sum(1 for t in scale.thresholds if judged <= t)
    return sum(1 for t in scale.thresholds if judged >= t)


def break_even_roas(margin: Answer | None) -> float | None:
    """Break-even ROAS from the margin answer (in %), by the one formula in `economics`; None if not given."""
    if margin is None or isinstance(margin, str):
        return None
    return economics.break_even_roas(float(margin))


@dataclass(frozen=True)
class PillarScore:
    pillar: Pillar
    score: int | None  # None when no applicable, scored question is answered
    practice: float | None
    outcome: float | None
    capped: bool  # a failing outcome holds the score at the cap
    scored: tuple[QuestionScore, ...]
    inputs: tuple[QuestionScore, ...]
    unanswered: tuple[str, ...]
    not_applicable: tuple[str, ...]  # answered "not applicable"
    by_profile: tuple[str, ...]  # not applicable because of the profile
    total: int

    @property
    def assessed(self) -> bool:
        return self.score is not None

    @property
    def unknown(self) -> tuple[str, ...]:
        return tuple(s.question.id for s in (*self.scored, *self.inputs) if s.answer == UNKNOWN)


def _mean(scores: list[QuestionScore]) -> float | None:
    weight = sum(s.question.weight for s in scores)
    return sum(s.question.weight * s.ratio for s in scores) / weight if scores else None


def pillar_score(bank: Bank, pillar: Pillar, answers: dict[str, Answer], profile: Profile) -> PillarScore:
    questions = [q for q in bank.questions if q.pillar == pillar.id]
    judged: list[QuestionScore] = []
    inputs: list[QuestionScore] = []
    unanswered: list[str] = []
    na: list[str] = []
    by_profile: list[str] = []
    for q in questions:
        answer = answers.get(q.id)
        if answer is None:
            (unanswered if q.applies_to(profile) else by_profile).append(q.id)
        elif answer == NOT_APPLICABLE:
            na.append(q.id)
        else:
            (judged if q.scored else inputs).append(judge(q, answer, answers, profile))
    known = [s for s in judged if s.known]
    practice = _mean([s for s in known if s.question.role == "practice"])
    outcome = _mean([s for s in known if s.question.role == "outcome"])
    failing = any(s.failing for s in judged)
    score: int | None = None
    capped = False
    if practice is not None or outcome is not None:
        share = bank.scoring.outcome_share
        if practice is None or outcome is None:
            blended = practice if outcome is None else outcome
        else:
            blended = (1 - share) * practice + share * outcome
        value = 100 * (blended or 0.0)
        capped = failing and value > bank.scoring.failing_cap
        if capped:
            value = bank.scoring.failing_cap
        score = round(value)
    return PillarScore(
        pillar=pillar,
        score=score,
        practice=None if practice is None else round(100 * practice),
        outcome=None if outcome is None else round(100 * outcome),
        capped=capped,
        scored=tuple(judged),
        inputs=tuple(inputs),
        unanswered=tuple(unanswered),
        not_applicable=tuple(na),
        by_profile=tuple(by_profile),
        total=len(questions),
    )


def score_pillars(bank: Bank, answers: dict[str, Answer], profile: Profile) -> list[PillarScore]:
    return [pillar_score(bank, p, answers, profile) for p in bank.pillars]


def overall_score(pillars: list[PillarScore]) -> PillarScore | None:
    """The weakest assessed pillar: a loop is only as strong as its weakest link."""
    assessed = [p for p in pillars if p.score is not None]
    return min(assessed, key=lambda p: p.score or 0) if assessed else None
