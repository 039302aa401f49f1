"""Turn checked answers into question levels and pillar scores.

The rule, also shown on the reference page:

- a practice's level is its option's; a figure's level is the band its value
  falls in on the scale for the company's profile (failing 0, weak 1,
  healthy 2, strong 3); ROAS is judged as a multiple of the break-even ROAS
  computed from the company's own margin, and counts the repeat orders a
  measured repeat rate earns within its window (1 + rate orders per buyer);
- a figure the company does not know is left out of the score (it is never
  scored as good); a ROAS below 1 is the exception: it loses money whatever
  the margin, so it is judged failing even when the margin is unknown;
- a practice scores against what is usual for such a business (bank/usual.toml):
  the usual option sits exactly at the health line, weaker options below it,
  stronger ones above (`practice_ratio`), so an ordinary, undocumented habit does
  not on its own make a pillar unhealthy;
- a pillar's score blends the weighted mean of its practices and of its
  outcomes (`outcome_share` of the weight goes to outcomes when both are answered);
- outcomes decide where they are known: the weakest known *direct* figure of a
  pillar (one that shows that pillar's own work, see `Question.charge`) holds
  the score in its band's range: failing at most `failing_cap`, weak below the
  health threshold, healthy or strong at the threshold or above. Practices
  place the pillar within that range and stand in for figures nobody knows.
  A *mixed* figure (a conversion rate, ROAS) counts in the blend but holds nothing;
- not-applicable questions (answered so, or by the profile) and unanswered ones
  are left out, never counted as zero or full marks.

Every step is monotone: a better answer or a better figure never lowers its pillar's score.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

from ..answers.values import Answer
from ..bank.model import NOT_APPLICABLE, UNKNOWN, Bank, Pillar, Profile, Question, Scale
from . import economics


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
    share: float | None = None  # the answer's share of full marks as scored (a practice against its usual level)
    thin: bool = False  # a rate left unjudged: the traffic behind it is too little to tell

    @property
    def ratio(self) -> float:
        return self.level / self.question.max_level

    @property
    def standing(self) -> float:
        """How the answer counts in its pillar's score: a practice against its usual level, a figure by band."""
        return self.ratio if self.share is None else self.share

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
    if too_thin(question, answers):
        return QuestionScore(question, answer, 0, known=False, figure=Figure(value, None, None, scale), thin=True)
    judged: float | None = value
    break_even = None
    if question.break_even_from is not None:
        break_even = break_even_roas(answers.get(question.break_even_from))
        earned = value * repeat_allowance(question, answers)
        if break_even is not None:
            judged = earned / break_even
        elif earned < scale.thresholds[0]:
            # Break-even ROAS is at least 1 (a margin cannot exceed 100%), so below the first threshold
            # on a break-even of 1 is failing whatever the margin: the ads lose money on every order.
            judged = earned
        else:
            judged = None
    figure = Figure(value, judged, break_even, scale)
    if judged is None:
        return QuestionScore(question, answer, 0, known=False, figure=figure)
    return QuestionScore(question, answer, band(question, scale, judged), True, figure)


def too_thin(question: Question, answers: dict[str, Answer]) -> bool:
    """Whether the traffic behind a rate is too little to judge it: a few dozen clicks prove nothing, and one
    order more or less would move the rate by a band. Such a rate is left out, like an unknown one."""
    count = answers.get(question.sample_from) if question.sample_from else None
    given = isinstance(answers.get(question.id), (int, float))
    return given and isinstance(count, (int, float)) and float(count) < question.sample_min


def repeat_allowance(question: Question, answers: dict[str, Answer]) -> float:
    """1 + the measured repeat rate: the orders a first-time buyer places within the repurchase window the
    rate is measured over (the first, and one more from each buyer who came back).

    Conservative on purpose: an ad account is paid back within that window or not at all for this
    decision, so repeats beyond it (the lifetime formula 1 ÷ (1 − r)) are not counted; they would let a
    first order that loses money pass as healthy. Argued from the company's own figure (`repeat_from`),
    never from its profile's label: without a measured repeat rate there is no allowance.
    """
    rate = answers.get(question.repeat_from) if question.repeat_from else None
    if rate is None or isinstance(rate, str):
        return 1.0
    return 1.0 + min(max(float(rate), 0.0), 100.0) / 100


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
    capped: bool  # a failing direct outcome holds the score at the cap
    held: str | None  # the band of the weakest known direct outcome that decided the range, or None
    holding: str | None  # that outcome's question id
    lowest: float | None  # the weakest known answer's share of full marks (practices against the usual level)
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
    def evidenced(self) -> bool:
        """Whether a known direct figure decides this pillar's health (rather than self-rated practices)."""
        return self.held is not None

    @property
    def unknown(self) -> tuple[str, ...]:
        return tuple(s.question.id for s in (*self.scored, *self.inputs) if s.answer == UNKNOWN)


def _mean(scores: list[QuestionScore]) -> float | None:
    weight = sum(s.question.weight for s in scores)
    return sum(s.question.weight * s.standing for s in scores) / weight if scores else None


def practice_ratio(level: int, usual: int, top: int, line: float) -> float:
    """A practice's share of full marks, anchored on what is usual for such a business.

    The usual level scores exactly the health line (`line`, a share such as 0.6): an ordinary habit,
    which most businesses like this one have, does not by itself make a pillar unhealthy. Below it the
    share falls evenly to 0 at the weakest option; above it, it rises evenly to 1 at the top option.
    When the top option is itself the usual one, the option below it is taken as the anchor, so the top
    still earns full marks. Monotone: a better option never scores less.
    """
    anchor = min(max(usual, 0), top - 1)
    if level <= anchor:
        return line * level / anchor if anchor else line
    return line + (1 - line) * (level - anchor) / (top - anchor)


def usual_level(bank: Bank, question: Question, profile: Profile) -> int:
    """The level most usual for this business (bank/usual.toml); without one, the level just above the
    middle of the scale, where a written routine usually starts."""
    value = bank.usual.value(question.id, profile)
    option = next((o for o in question.options if o.value == value), None)
    return option.level if option is not None else math.ceil(question.max_level * 0.6)


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
            scored = judge(q, answer, answers, profile)
            if q.role == "practice" and scored.known:
                usual = usual_level(bank, q, profile)
                share = practice_ratio(scored.level, usual, q.max_level, bank.scoring.health_threshold / 100)
                scored = replace(scored, share=share)
            (judged if q.scored else inputs).append(scored)
    known = [s for s in judged if s.known]
    practice = _mean([s for s in known if s.question.role == "practice"])
    outcome = _mean([s for s in known if s.question.role == "outcome"])
    keys = {q.id for q in questions if q.key}
    weakest = _deciding_figure(judged, any(qid in keys for qid in unanswered))
    score: int | None = None
    capped = False
    if practice is not None or outcome is not None:
        share = bank.scoring.outcome_share
        if practice is None or outcome is None:
            blended = practice if outcome is None else outcome
        else:
            blended = (1 - share) * practice + share * outcome
        value = round(100 * (blended or 0.0))
        low, high = held_range(bank, weakest.level if weakest else None)
        capped = weakest is not None and weakest.level == 0 and value > high
        score = min(max(value, low), high)
    return PillarScore(
        pillar=pillar,
        score=score,
        practice=None if practice is None else round(100 * practice),
        outcome=None if outcome is None else round(100 * outcome),
        capped=capped,
        held=BAND_IDS[weakest.level] if weakest else None,
        holding=weakest.question.id if weakest else None,
        lowest=min((s.standing for s in known), default=None),
        scored=tuple(judged),
        inputs=tuple(inputs),
        unanswered=tuple(unanswered),
        not_applicable=tuple(na),
        by_profile=tuple(by_profile),
        total=len(questions),
    )


BAND_IDS = ("failing", "weak", "healthy", "strong")
HEALTHY = 2


def _deciding_figure(judged: list[QuestionScore], unanswered_keys: bool) -> QuestionScore | None:
    """The known direct figure that decides the pillar's range, or None when its figures decide nothing.

    The weakest known direct figure when it is failing or weak: the pillar's own work visibly falls short.
    Otherwise, when every key figure that applies is known and healthy, the weakest of them: the pillar
    works, whatever its practice answers say. A key figure unanswered or unknown leaves it to the practices.
    """
    direct = [s for s in judged if s.known and s.question.direct]
    weakest = min(direct, key=lambda s: s.level) if direct else None
    if weakest is not None and weakest.level < HEALTHY:
        return weakest
    keys = [s for s in judged if s.question.key]
    if not keys or unanswered_keys or any(not s.known for s in keys):
        return None
    return min(keys, key=lambda s: s.level)


def held_range(bank: Bank, level: int | None) -> tuple[int, int]:
    """The scores a pillar can take when its weakest known direct figure is at `level` (None: no such figure).

    Failing: at most the cap. Weak: below the health threshold. Healthy or strong: the threshold or above.
    The ranges never overlap downward, so a better figure never lowers the score.
    """
    threshold = math.ceil(bank.scoring.health_threshold)
    if level is None:
        return 0, 100
    if level == 0:
        return 0, math.floor(bank.scoring.failing_cap)
    if level == 1:
        return 0, threshold - 1
    return threshold, 100


def score_pillars(bank: Bank, answers: dict[str, Answer], profile: Profile) -> list[PillarScore]:
    return [pillar_score(bank, p, answers, profile) for p in bank.pillars]


def overall_score(pillars: list[PillarScore]) -> PillarScore | None:
    """The weakest assessed pillar: a loop is only as strong as its weakest link."""
    assessed = [p for p in pillars if p.score is not None]
    return min(assessed, key=lambda p: p.score or 0) if assessed else None
