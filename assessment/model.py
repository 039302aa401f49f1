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


@dataclass(frozen=True)
class Question:
    id: str
    pillar: str
    kind: Literal["choice", "number"]
    area: Text
    text: Text
    guidance: Text
    weight: float = 1.0
    not_applicable: bool = False
    options: tuple[Option, ...] = ()
    # Numeric questions only.
    unit: Text = field(default_factory=dict)
    min: float = 0.0
    max: float = 0.0
    better: Literal["lower", "higher"] = "higher"
    thresholds: tuple[float, ...] = ()

    @property
    def max_level(self) -> int:
        if self.kind == "number":
            return len(self.thresholds)
        return self.options[-1].level


@dataclass(frozen=True)
class Action:
    id: str
    question: str
    pillar: str
    below: int
    horizon: int
    link: str
    title: Text
    why: Text
    steps: TextList
    metric: Text


@dataclass(frozen=True)
class Warning:
    id: str
    when: str
    text: Text


@dataclass(frozen=True)
class Bank:
    version: str
    languages: tuple[str, ...]
    health_threshold: float
    pillars: tuple[Pillar, ...]
    levels: tuple[Level, ...]
    questions: tuple[Question, ...]
    actions: tuple[Action, ...]
    warnings: tuple[Warning, ...]
    messages: dict[str, Text]

    def question(self, question_id: str) -> Question | None:
        return next((q for q in self.questions if q.id == question_id), None)

    def pillar(self, pillar_id: str) -> Pillar:
        return next(p for p in self.pillars if p.id == pillar_id)

    def level_for(self, score: float) -> Level:
        return [lv for lv in self.levels if lv.min <= score][-1]
