"""The question bank as immutable data. Texts keep every language side by side."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Text = dict[str, str]
"""A human-readable text in every language of the bank, e.g. {"en": ..., "zh": ...}."""

TextList = dict[str, list[str]]

PILLAR_IDS = ("product", "traffic", "inquiry", "closing")
"""The loop, in order. The last pillar feeds back into the first."""

NOT_APPLICABLE = "na"
"""The answer value that marks a question as not applicable to this business."""

UNKNOWN = "unknown"
"""The answer value for "I don't know this figure" (outcomes and inputs only)."""

RESERVED_VALUES = (NOT_APPLICABLE, UNKNOWN)

ACTION_STATES = ("in-progress", "done")
"""What a company may record against a plan action, least advanced first (no entry: not started)."""

Profile = dict[str, tuple[str, ...]]
"""A business profile: dimension id -> the chosen value(s). Absent dimensions are unknown."""

Role = Literal["practice", "outcome", "input", "context"]
"""practice: what the company does; outcome: a result it can read off (scored and never
hidden by practices); input: a figure other answers are judged by (e.g. the margin);
context: a choice that is not scored but says where a problem comes from (the main
reason for returns, what changed recently), so the plan starts with that cause."""

Charge = Literal["direct", "mixed"]
"""Which pillar an outcome figure is charged to. direct: its own pillar's work, so where it is
known and failing or weak it holds that pillar below the line; the pillar's *key* direct figures
(`Question.key`), all known and healthy, keep it at the line or above. mixed: several pillars at
once (a conversion rate moves with the product page, the traffic's fit and the checkout), so it
counts in the score but decides nothing."""


@dataclass(frozen=True)
class Condition:
    """A profile condition: every named dimension must have one of the listed values.

    For a dimension that allows several choices (channels), one chosen value in the
    list is enough. An empty condition always holds.
    """

    terms: tuple[tuple[str, frozenset[str]], ...] = ()

    def holds(self, profile: Profile, lenient: bool = False) -> bool:
        """Whether the profile matches; `lenient` lets a dimension the profile leaves out match too."""
        return all(
            (lenient and dim not in profile) or any(v in values for v in profile.get(dim, ()))
            for dim, values in self.terms
        )


ALWAYS = Condition()


@dataclass(frozen=True)
class ProfileOption:
    value: str
    label: Text
    link: str | None = None  # a docs page about this choice, e.g. its channel playbook


@dataclass(frozen=True)
class Dimension:
    """One question of the business profile (business model, ticket size, channels ...)."""

    id: str
    multiple: bool
    text: Text
    guidance: Text
    options: tuple[ProfileOption, ...]

    def values(self) -> tuple[str, ...]:
        return tuple(o.value for o in self.options)


@dataclass(frozen=True)
class Pillar:
    id: str
    letter: str
    page: str
    name: Text
    role: Text
    summary: Text


@dataclass(frozen=True)
class Level:
    min: float
    name: Text


@dataclass(frozen=True)
class Option:
    value: str
    level: int
    label: Text
    points_to: str | None = None  # context questions: the practice this answer names as the cause


@dataclass(frozen=True)
class Scale:
    """How a figure is asked and judged for the profiles that match `when`.

    The answer is stored in the question's base unit; people type it in this scale's
    unit, and `factor` converts (base = typed x factor). Thresholds are in the
    scale's unit, or in multiples of break-even ROAS when the question is judged
    against a margin. `source` says where the numbers come from.
    """

    when: Condition
    unit: Text
    factor: float
    thresholds: tuple[float, ...]
    source: Text
    note: Text = field(default_factory=dict)  # how to read the figure for these profiles, e.g. the window
    cites: tuple[str, ...] = ()  # ids of published sources (bank/sources.toml) the thresholds rest on


@dataclass(frozen=True)
class Question:
    id: str
    pillar: str
    kind: Literal["choice", "number"]
    role: Role
    area: Text
    text: Text
    guidance: Text
    weight: float = 1.0
    not_applicable: bool = False
    applies: Condition = ALWAYS
    options: tuple[Option, ...] = ()
    source: Text = field(default_factory=dict)  # choice outcomes: where the levels come from
    cites: tuple[str, ...] = ()  # choice outcomes: ids of published sources (bank/sources.toml)
    # Numeric questions only.
    unit: Text = field(default_factory=dict)
    min: float = 0.0
    max: float = 0.0
    better: Literal["lower", "higher"] = "higher"
    scales: tuple[Scale, ...] = ()
    break_even_from: str | None = None  # judge value / break-even ROAS computed from this margin input
    repeat_from: str | None = None  # judged against break-even: the measured repeat rate that earns an allowance
    # A rate judged only from enough traffic: the input giving the count (paid clicks), and the least count.
    sample_from: str | None = None
    sample_min: float = 0.0
    # Outcomes only: how the figure is charged (see Charge), why, and the other pillars a mixed one reflects.
    charge: Charge | None = None
    charge_note: Text = field(default_factory=dict)
    mixed_with: tuple[str, ...] = ()
    key: bool = False  # a direct figure that, with the pillar's other key figures known and healthy, clears it
    # Context questions only: the figures whose cause this answer names.
    explains: tuple[str, ...] = ()

    @property
    def max_level(self) -> int:
        if self.kind == "number":
            return len(self.scales[-1].thresholds) if self.scales else 0
        return self.options[-1].level

    def applies_to(self, profile: Profile) -> bool:
        """Whether the question applies to this business; one the profile leaves open still applies."""
        return self.applies.holds(profile, lenient=True)

    @property
    def scored(self) -> bool:
        return self.role in ("practice", "outcome")

    @property
    def allows_unknown(self) -> bool:
        return self.role in ("outcome", "input", "context")

    @property
    def direct(self) -> bool:
        """An outcome showing its own pillar's work: known and failing or weak, it holds the pillar below the line."""
        return self.role == "outcome" and self.charge == "direct"

    def scale_for(self, profile: Profile) -> Scale:
        return next(s for s in self.scales if s.when.holds(profile))


@dataclass(frozen=True)
class Variant:
    when: Condition
    steps: TextList


@dataclass(frozen=True)
class Action:
    id: str
    question: str
    pillar: str
    below: int  # applies when the answer's level is below this; 0 = only when the figure is unknown
    on_unknown: bool
    horizon: int
    owner: str
    link: str
    title: Text
    why: Text
    unlocks: Text
    steps: TextList
    metric: Text
    target: str | None  # an outcome question whose healthy threshold is the target
    goal: Text  # a written target, when no outcome figure measures the action
    variants: tuple[Variant, ...] = ()
    stop_loss: bool = False  # leads the plan whenever ads lose money on every order, whatever the root
    on_thin: bool = False  # on a sample input: applies when a figure it counts for has too little traffic to judge

    def steps_for(self, profile: Profile) -> TextList:
        return next((v.steps for v in self.variants if v.when.holds(profile)), self.steps)


@dataclass(frozen=True)
class Warning:
    id: str
    when: tuple[str, ...]
    unless: tuple[str, ...]
    text: Text


@dataclass(frozen=True)
class Owner:
    """Who typically owns an action (owner, ad buyer, customer-service lead ...)."""

    id: str
    name: Text


@dataclass(frozen=True)
class Retired:
    """A question id of an earlier bank: its answers move to `moved_to` (values mapped) or are set aside."""

    id: str
    moved_to: str | None
    values: dict[str, str]


@dataclass(frozen=True)
class RetiredValue:
    """A profile value of an earlier bank: an answer with it moves to `map[v]` for the first value v the
    company chose in dimension `by` (in the bank's order) that `map` names, else to `default`."""

    dimension: str
    value: str
    by: str | None
    map: dict[str, str]
    default: str
    label: Text  # the earlier option's label, to name it in the message

    def successor(self, profile: Profile, dimensions: tuple[Dimension, ...]) -> str:
        chosen = profile.get(self.by, ()) if self.by else ()
        order = next((d.values() for d in dimensions if d.id == self.by), ())
        return next((self.map[v] for v in order if v in chosen and v in self.map), self.default)


@dataclass(frozen=True)
class Renamed:
    """Option values of a current question that changed name: old value -> new value."""

    question: str
    values: dict[str, str]


@dataclass(frozen=True)
class Scoring:
    """The rules that turn answers into pillar scores and a root (documented on the reference page)."""

    health_threshold: float
    outcome_share: float  # weight of outcomes in a pillar's score when both kinds are answered
    failing_cap: float  # a pillar with a failing outcome scores at most this
    root_step: float  # shortfall a downstream pillar needs per step down the loop to come first
    low_confidence_answered: float  # so does answering less than this share of applicable questions
    borderline_figures: float  # a figure within this share of a band edge is borderline (one small error away)
    plan_now: int  # actions in the "do now" phase, at most
    plan_next: int  # actions in the "next" phase, at most


@dataclass(frozen=True)
class Workshop:
    """Limits of what a company writes itself, and the team view's length (settings.toml, [workshop])."""

    note_chars: int  # an evidence note per answer, at most
    label_chars: int  # respondent and company labels, at most
    link_chars: int  # a share link's fragment, notes included, at most (notes that do not fit are left out)
    discuss_first: int  # questions in the team view's "discuss first" list, at most


@dataclass(frozen=True)
class Peers:
    """How peer bands are made from many companies' scores (settings.toml, [peers])."""

    min_companies: int  # fewer companies than this in a group (or for a pillar) and no band is written
    group_by: str  # the profile question (single choice) that makes "companies like you"
    low: int  # the middle band runs from this percentile ...
    high: int  # ... to this one


@dataclass(frozen=True)
class Usual:
    """The practice level most usual for an ordinary business, by the profile's `by` value (bank/usual.toml).

    A practice at its usual level is scored at the health line; see scoring.practice_ratio.
    """

    by: str  # the profile question that picks the table (the business model)
    default: dict[str, str]  # question id -> option value, for every business
    tables: dict[str, dict[str, str]]  # value of `by` -> question id -> option value, overriding the default

    def value(self, question_id: str, profile: Profile) -> str | None:
        chosen = profile.get(self.by, ())
        for value in chosen:
            if question_id in self.tables.get(value, {}):
                return self.tables[value][question_id]
        return self.default.get(question_id)


@dataclass(frozen=True)
class Bank:
    version: str
    languages: tuple[str, ...]
    scoring: Scoring
    pillars: tuple[Pillar, ...]
    levels: tuple[Level, ...]
    bands: tuple[Text, ...]
    owners: tuple[Owner, ...]
    dimensions: tuple[Dimension, ...]
    questions: tuple[Question, ...]
    actions: tuple[Action, ...]
    warnings: tuple[Warning, ...]
    hidden: tuple[str, ...]  # upstream questions a brand overlay hides: their answers are set aside, not rejected
    retired: tuple[Retired, ...]
    renamed: tuple[Renamed, ...]
    retired_profile: tuple[RetiredValue, ...]
    messages: dict[str, Text]
    workshop: Workshop
    peers: Peers
    texts: dict[str, Text]  # reports.toml: the printed report, team view, comparison and peer bands
    fonts: Text  # reports.toml: the font stack of the printed report, per language
    usual: Usual  # usual.toml: the practice level most usual for an ordinary business of each model

    def action(self, action_id: str) -> Action | None:
        return next((a for a in self.actions if a.id == action_id), None)

    def dimension(self, dimension_id: str) -> Dimension | None:
        return next((d for d in self.dimensions if d.id == dimension_id), None)

    @property
    def health_threshold(self) -> float:
        return self.scoring.health_threshold

    def question(self, question_id: str) -> Question | None:
        return next((q for q in self.questions if q.id == question_id), None)

    def pillar(self, pillar_id: str) -> Pillar:
        return next(p for p in self.pillars if p.id == pillar_id)

    def owner(self, owner_id: str) -> Owner:
        return next(o for o in self.owners if o.id == owner_id)

    def level_for(self, score: float) -> Level:
        """The level a pillar score reaches; below the health threshold never a level that starts above it."""
        threshold = self.scoring.health_threshold
        reached = [lv for lv in self.levels if lv.min <= score and (score >= threshold or lv.min < threshold)]
        return reached[-1] if reached else self.levels[0]
