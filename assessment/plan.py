"""The "fix the root first" rule: find the root constraint and order the actions."""

from __future__ import annotations

from dataclasses import dataclass

from .model import Action, Bank, Warning
from .scoring import PillarScore, QuestionScore


def root_constraint(pillars: list[PillarScore], threshold: float) -> PillarScore | None:
    """The first assessed pillar, in loop order, scoring below the health threshold.

    Upstream outranks downstream even when a downstream pillar scores lower:
    traffic cannot amplify a product that does not earn, and so on down the loop.
    """
    return next((p for p in pillars if p.score is not None and p.score < threshold), None)


@dataclass(frozen=True)
class PlannedAction:
    action: Action
    answer: QuestionScore
    is_root: bool


def build_plan(bank: Bank, pillars: list[PillarScore], root: PillarScore | None) -> list[PlannedAction]:
    """Actions of the unhealthy pillars in loop order, so the root's come first.

    Within a pillar the weakest sub-areas come first (lowest answer, then the
    heavier question, then bank order); an action applies when the answer's level
    is below the action's `below`.
    """
    plan: list[PlannedAction] = []
    for pillar in pillars:
        if pillar.score is None or pillar.score >= bank.health_threshold:
            continue
        order = {s.question.id: i for i, s in enumerate(pillar.scored)}
        weakest_first = sorted(pillar.scored, key=lambda s: (s.ratio, -s.question.weight, order[s.question.id]))
        for answer in weakest_first:
            for action in bank.actions:
                if action.question == answer.question.id and answer.level < action.below:
                    plan.append(PlannedAction(action, answer, is_root=pillar is root))
    return plan


def applicable_warnings(
    bank: Bank, pillars: list[PillarScore], root: PillarScore | None, answered: int
) -> list[Warning]:
    """The warnings whose condition holds, in the order the bank lists them."""
    upto = pillars.index(root) + 1 if root else len(pillars)
    conditions = {
        "unassessed-upstream": any(not p.assessed for p in pillars[:upto]),
        "provisional": answered * 2 < len(bank.questions),
    }
    if root:
        conditions[f"root:{root.pillar.id}"] = True
    return [w for w in bank.warnings if conditions.get(w.when, False)]
