"""The plan, root first: which actions apply, in what order, and in which phase.

- An action applies when its question's answer is below the action's level, or,
  for a measuring action, when the figure is unknown.
- Pillars are taken in the order of the root rule: the root, then the other
  unhealthy pillars by the same precedence. With no unhealthy pillar the plan
  lifts the weakest pillars instead ("next level"), so it is never empty while
  something can still improve. A figure nobody knows is a finding wherever it
  is: its measuring action joins the plan after those pillars'.
- Within a pillar: actions that lift a failing figure (their own, or the
  figure they target) first, then measuring an unknown figure, then the rest;
  within each, the basics before the refinements (a lower `below` first), the
  biggest gain (question weight x how far the answer is from the top), the
  shorter horizon, and bank order.
- Phases: "now" holds the root's first actions (at most `plan_now`), "next" the
  following `plan_next`, "later" the rest. An action appears once.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .model import UNKNOWN, Action, Bank, Profile, Warning
from .root import Root
from .scoring import PillarScore, QuestionScore

Phase = Literal["now", "next", "later"]
NEXT_LEVEL_PILLARS = 2


@dataclass(frozen=True)
class PlannedAction:
    action: Action
    answer: QuestionScore
    phase: Phase
    is_root: bool


def triggered(action: Action, answer: QuestionScore) -> bool:
    if action.on_unknown:
        return answer.answer == UNKNOWN
    return answer.known and answer.level < action.below


def build_plan(bank: Bank, pillars: list[PillarScore], order: list[str]) -> list[PlannedAction]:
    """`order` lists the pillar ids to take actions from, first one first (the root, or the weakest)."""
    by_id = {p.pillar.id: p for p in pillars}
    failing = {s.question.id for p in pillars for s in p.scored if s.failing}
    question_order = {q.id: i for i, q in enumerate(bank.questions)}
    action_order = {a.id: i for i, a in enumerate(bank.actions)}
    ranked: list[tuple[str, Action, QuestionScore]] = []
    others = [p.pillar.id for p in pillars if p.pillar.id not in order]
    for pillar_id in [*order, *others]:
        pillar = by_id[pillar_id]
        answers = [*pillar.scored, *pillar.inputs, *_missing_inputs(bank, pillar)]
        candidates = [
            (action, answer)
            for answer in answers
            for action in bank.actions
            if action.question == answer.question.id
            and triggered(action, answer)
            and (pillar_id in order or action.on_unknown)
        ]
        candidates.sort(
            key=lambda c: (
                _urgency(c[0], failing),
                c[0].below,
                -_gain(c[1]),
                c[0].horizon,
                question_order[c[1].question.id],
                action_order[c[0].id],
            )
        )
        ranked += [(pillar_id, action, answer) for action, answer in candidates]
    plan: list[PlannedAction] = []
    first = order[0] if order else None
    now_left, next_left = bank.scoring.plan_now, bank.scoring.plan_next
    for pillar_id, action, answer in ranked:
        phase: Phase
        if pillar_id == first and now_left > 0 and all(p.phase == "now" for p in plan):
            phase, now_left = "now", now_left - 1
        elif next_left > 0:
            phase, next_left = "next", next_left - 1
        else:
            phase = "later"
        plan.append(PlannedAction(action, answer, phase, is_root=pillar_id == first))
    return plan


def _missing_inputs(bank: Bank, pillar: PillarScore) -> list[QuestionScore]:
    """Inputs left unanswered that a given figure needs (a ROAS without its margin): treated as unknown,
    so the plan asks for them instead of leaving the figure unjudged and the pillar without an action."""
    given = {s.question.id for s in pillar.inputs}
    needed = {s.question.break_even_from for s in pillar.scored if s.question.break_even_from and not s.known}
    missing = []
    for qid in sorted(needed - given - {None}):
        question = bank.question(qid)
        if question is not None:
            missing.append(QuestionScore(question, UNKNOWN, 0, known=False))
    return missing


def _gain(answer: QuestionScore) -> float:
    """How much a pillar stands to gain from lifting this answer to the top (weight x gap), rounded."""
    gap = 1.0 - answer.ratio if answer.question.scored and answer.known else 1.0
    return round(answer.question.weight * gap, 3)


def _urgency(action: Action, failing: set[str]) -> int:
    """0: lifts a failing figure toward healthy; 1: measures an unknown figure; 2: anything else."""
    if not action.on_unknown and action.below <= 2 and (action.question in failing or action.target in failing):
        return 0
    return 1 if action.on_unknown else 2


def next_level_order(pillars: list[PillarScore]) -> list[str]:
    """With no root: the weakest assessed pillars, weakest first."""
    assessed = sorted((p for p in pillars if p.score is not None), key=lambda p: p.score or 0)
    return [p.pillar.id for p in assessed[:NEXT_LEVEL_PILLARS]]


def conditions(
    bank: Bank,
    pillars: list[PillarScore],
    root: Root,
    profile: Profile,
    provisional: bool,
    borderline: bool,
) -> set[str]:
    """The warning conditions that hold for this result (see the comment in settings.toml)."""
    holding = {f"root:{root.pillar or 'none'}"}
    threshold = bank.health_threshold
    holding |= {f"unhealthy:{p.pillar.id}" for p in pillars if p.score is not None and p.score < threshold}
    upto = [p.pillar.id for p in pillars].index(root.pillar) + 1 if root.pillar else len(pillars)
    if any(not p.assessed for p in pillars[:upto]):
        holding.add("unassessed-upstream")
    if provisional:
        holding.add("provisional")
    if borderline:
        holding.add("borderline")
    unknown = [qid for p in pillars for qid in p.unknown]
    if len(unknown) >= bank.scoring.low_confidence_unknowns:
        holding.add("measure-first")
    band_names = ("failing", "weak", "healthy", "strong")
    for p in pillars:
        for s in p.scored:
            if s.question.role == "outcome":
                holding.add(f"band:{s.question.id}:{band_names[s.level] if s.known else 'unknown'}")
    holding |= {f"profile:{dim}:{value}" for dim, values in profile.items() for value in values}
    return holding


def _holds(condition: str, holding: set[str]) -> bool:
    """A condition holds when it, or one of its alternatives ("band:q:failing|weak"), is in `holding`."""
    head, colon, last = condition.rpartition(":")
    return any(f"{head}{colon}{alternative}" in holding for alternative in last.split("|"))


def applicable_warnings(bank: Bank, holding: set[str]) -> list[Warning]:
    """The warnings whose `when` conditions all hold and none of whose `unless` do, in bank order."""
    return [
        w
        for w in bank.warnings
        if all(_holds(c, holding) for c in w.when) and not any(_holds(c, holding) for c in w.unless)
    ]
