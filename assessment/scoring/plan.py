"""The plan, root first: which actions apply, in what order, and in which phase.

- An action applies when its question's answer is below the action's level, or,
  for a measuring action, when the figure is unknown.
- **Stop-loss first.** When paid traffic loses money on every order (ROAS judged
  failing: below break-even, or below 1 whatever the margin), the stop-loss action
  leads the plan whatever the root is: traffic amplifies, and amplifying a loss is
  the first leak to close. It then stands for the other basic fixes of that figure.
- Pillars are taken in the order of the root rule: the root, then the other
  unhealthy pillars by the same precedence. With no unhealthy pillar the plan
  lifts the weakest pillars instead ("next level"), so it is never empty while
  something can still improve. A figure nobody knows is a finding wherever it
  is: its measuring action joins the plan after those pillars'.
- **Fix before measure.** Within a pillar: first the actions tied to a known
  failing figure (the figure itself or the figure it targets), then those tied to a
  weak one (the basics that lift it to healthy, not the refinements towards
  strong); among those, the fix for the cause a context answer names (the main
  reason for returns, what changed recently) before the generic ones; then the
  other practice gaps; measuring an unknown figure comes last. Within each group,
  the basics before the refinements (a lower `below` first), the biggest gain
  (question weight x how far the answer is from the top as scored, so a practice
  far below what is usual comes before an ordinary one), the shorter horizon,
  and bank order.
- Phases: "now" holds the stop-loss (when ads lose money) and the root's first
  fixes, at most `plan_now` in all, and at most one measuring action: only one
  whose figure, known, could change the root or its first fix (`deciding`); "next"
  the following `plan_next`, "later" the rest. An action appears once.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from typing import Literal

from ..bank.model import UNKNOWN, Action, Bank, Profile, Warning
from .root import Root
from .scores import BAND_IDS, PillarScore, QuestionScore

Phase = Literal["now", "next", "later"]
NEXT_LEVEL_PILLARS = 2
HEALTHY = 2  # the level of the healthy band: an action with `below` above it refines a healthy answer


@dataclass(frozen=True)
class PlannedAction:
    action: Action
    answer: QuestionScore
    phase: Phase
    is_root: bool


def triggered(action: Action, answer: QuestionScore) -> bool:
    if action.on_thin:
        return False  # decided from the figures the sample counts for (ranked_actions)
    if action.on_unknown:
        return answer.answer == UNKNOWN
    return answer.known and answer.level < action.below


def stop_loss(bank: Bank, pillars: list[PillarScore]) -> tuple[Action, QuestionScore] | None:
    """The stop-loss action and the figure that calls for it, when ads lose money on every order."""
    judged = {s.question.id: s for p in pillars for s in p.scored}
    for action in bank.actions:
        answer = judged.get(action.question)
        if action.stop_loss and answer is not None and answer.failing:
            return action, answer
    return None


def ranked_actions(bank: Bank, pillars: list[PillarScore], order: list[str]) -> list[tuple[str, Action, QuestionScore]]:
    """Every applicable action as (pillar id, action, answer), pillars in `order` first, fixes before measures."""
    by_id = {p.pillar.id: p for p in pillars}
    evidence = _evidence(bank, pillars)
    stop = stop_loss(bank, pillars)
    # While the stop-loss leads, it is the basic fix of its figure: the other basics of that figure would repeat it.
    covered = {stop[0].question} if stop else set()
    thin = {s.question.sample_from for p in pillars for s in p.scored if s.thin}
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
            and not action.stop_loss
            and not (action.question in covered and action.below <= HEALTHY and not action.on_unknown)
            and (triggered(action, answer) if not action.on_thin else action.question in thin)
            and (pillar_id in order or action.on_unknown or action.on_thin)
        ]
        candidates.sort(
            key=lambda c: (
                *_evident(c[0], evidence),
                c[0].below,
                -_gain(c[1]),
                c[0].horizon,
                question_order[c[1].question.id],
                action_order[c[0].id],
            )
        )
        ranked += [(pillar_id, action, answer) for action, answer in candidates]
    return ranked


def build_plan(
    bank: Bank, pillars: list[PillarScore], order: list[str], deciding: Collection[str] = ()
) -> list[PlannedAction]:
    """`order` lists the pillar ids to take actions from, first one first (the root, or the weakest);
    `deciding` the unknown figures that, known, could change the root or its first fix."""
    ranked = ranked_actions(bank, pillars, order)
    first = order[0] if order else None
    plan: list[PlannedAction] = []
    stop = stop_loss(bank, pillars)
    if stop is not None:
        plan.append(PlannedAction(stop[0], stop[1], "now", is_root=stop[0].pillar == first))
    # Measuring (an unknown figure, or traffic too thin to judge one) is the one slot below, never a fix.
    fixes = [r for r in ranked if r[0] == first and not r[1].on_unknown and not r[1].on_thin]
    # A thin figure is measured by gathering enough traffic: the action on the count that samples it.
    sampled = {q.sample_from for q in bank.questions if q.id in deciding and q.sample_from}
    measure = next(
        (
            r
            for r in ranked
            if (r[1].on_unknown and r[1].question in deciding) or (r[1].on_thin and r[1].question in sampled)
        ),
        None,
    )
    slots = bank.scoring.plan_now - len(plan)
    now = fixes[: max(slots - (1 if measure else 0), 0)]
    if measure is not None and len(now) < slots:
        now.append(measure)
    plan += [PlannedAction(action, answer, "now", is_root=pid == first) for pid, action, answer in now]
    next_left = bank.scoring.plan_next
    for pillar_id, action, answer in ranked:
        if (pillar_id, action, answer) in now:
            continue
        phase: Phase = "next" if next_left > 0 else "later"
        next_left -= phase == "next"
        plan.append(PlannedAction(action, answer, phase, is_root=pillar_id == first))
    return plan


def _evidence(bank: Bank, pillars: list[PillarScore]) -> dict[str, int]:
    """Question id -> the band (0 failing, 1 weak) of a known figure that shows a problem there: the figure
    itself, and the practice a context answer names as the cause of such a figure ("cause:<id>"); the
    practices the same answer passes over are marked "ruled_out:<id>"."""
    judged = {s.question.id: s for p in pillars for s in (*p.scored, *p.inputs)}
    shown = {qid: s.level for qid, s in judged.items() if s.question.role == "outcome" and s.known and s.level <= 1}
    evidence = dict(shown)
    for s in judged.values():
        if s.question.role != "context" or s.answer == UNKNOWN:
            continue
        option = next((o for o in s.question.options if o.value == s.answer), None)
        levels = [shown[f] for f in s.question.explains if f in shown]
        if option is not None and option.points_to is not None and levels:
            cause = f"cause:{option.points_to}"
            evidence[cause] = min(evidence.get(cause, 1), *levels)
            # The causes the owner did not name are not what this figure shows: their fixes lose its evidence.
            for other in s.question.options:
                if other.points_to not in (None, option.points_to):
                    evidence[f"ruled_out:{other.points_to}"] = 1
    return evidence


def _evident(action: Action, evidence: dict[str, int]) -> tuple[int, int]:
    """(group, cause first): 0 and 1 for actions tied to a failing or weak figure, 2 for other fixes, 3 for
    measuring; within a tied group, the fix for a named cause before the generic ones."""
    if action.on_unknown or action.on_thin:
        return 3, 1
    if action.below > HEALTHY:  # a refinement towards "strong": not what lifts a failing or weak figure
        return 2, 1
    cause = evidence.get(f"cause:{action.question}")
    if cause is None and f"ruled_out:{action.question}" in evidence:
        return 2, 1  # a fix for a cause the context answer rules out: no better than a generic one
    tied = [evidence[q] for q in (action.question, action.target) if q is not None and q in evidence]
    levels = [*tied, *([cause] if cause is not None else [])]
    if not levels:
        return 2, 1
    return min(levels), 0 if cause is not None else 1


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
    """How much a pillar stands to gain from lifting this answer to the top (weight x gap), rounded. A
    practice's gap is measured as it is scored, against its usual level: the habit furthest below what
    businesses like this one usually have comes before one that is merely ordinary."""
    gap = 1.0 - answer.standing if answer.question.scored and answer.known else 1.0
    return round(answer.question.weight * gap, 3)


def next_level_order(pillars: list[PillarScore]) -> list[str]:
    """With no root: the pillars holding the weakest single answers, weakest first (then the lower score,
    then loop order). With every pillar at or above the line, the clearest gap is one answer far below
    what is usual for such a business, wherever it sits, not the pillar whose average is lowest."""
    assessed = [p for p in pillars if p.score is not None]
    ranked = sorted(assessed, key=lambda p: (p.lowest if p.lowest is not None else 1.0, p.score or 0))
    return [p.pillar.id for p in ranked[:NEXT_LEVEL_PILLARS]]


def conditions(
    bank: Bank,
    pillars: list[PillarScore],
    root: Root,
    profile: Profile,
    provisional: bool,
    borderline: bool,
    deciding: bool,
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
    if deciding:
        holding.add("measure-first")
    for p in pillars:
        for s in p.scored:
            if s.question.role == "outcome":
                holding.add(f"band:{s.question.id}:{BAND_IDS[s.level] if s.known else 'unknown'}")
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
