"""Turn checked answers into question, pillar and overall scores."""

from __future__ import annotations

from dataclasses import dataclass

from .answers import Answer
from .model import NOT_APPLICABLE, Bank, Pillar, Question


def question_level(question: Question, answer: Answer) -> int:
    """The maturity level an answer reaches on its question (0 = weakest)."""
    if question.kind == "number":
        value = float(answer)
        if question.better == "lower":
            return sum(1 for t in question.thresholds if value <= t)
        return sum(1 for t in question.thresholds if value >= t)
    return next(o.level for o in question.options if o.value == answer)


@dataclass(frozen=True)
class QuestionScore:
    question: Question
    level: int

    @property
    def ratio(self) -> float:
        return self.level / self.question.max_level


@dataclass(frozen=True)
class PillarScore:
    pillar: Pillar
    score: float | None  # None when no applicable question is answered
    scored: tuple[QuestionScore, ...]
    unanswered: tuple[str, ...]
    not_applicable: tuple[str, ...]
    total: int

    @property
    def assessed(self) -> bool:
        return self.score is not None


def score_pillars(bank: Bank, answers: dict[str, Answer]) -> list[PillarScore]:
    """Score each pillar as the weighted mean of its answered, applicable questions (0-100).

    Not-applicable answers leave the pillar's score, rather than counting as zero or
    full marks; unanswered questions are reported, not treated as zero.
    """
    results = []
    for pillar in bank.pillars:
        questions = [q for q in bank.questions if q.pillar == pillar.id]
        scored = tuple(
            QuestionScore(q, question_level(q, answers[q.id]))
            for q in questions
            if q.id in answers and answers[q.id] != NOT_APPLICABLE
        )
        weight = sum(s.question.weight for s in scored)
        score = round(100 * sum(s.question.weight * s.ratio for s in scored) / weight, 1) if scored else None
        results.append(
            PillarScore(
                pillar=pillar,
                score=score,
                scored=scored,
                unanswered=tuple(q.id for q in questions if q.id not in answers),
                not_applicable=tuple(q.id for q in questions if answers.get(q.id) == NOT_APPLICABLE),
                total=len(questions),
            )
        )
    return results


def overall_score(pillars: list[PillarScore]) -> PillarScore | None:
    """The weakest assessed pillar: a loop is only as strong as its weakest link."""
    assessed = [p for p in pillars if p.score is not None]
    return min(assessed, key=lambda p: p.score or 0.0) if assessed else None
