"""Small, predictable question banks for testing the rules, independent of the real content.

Each pillar gets questions `<pillar>.q1`, `<pillar>.q2`, ... with options levels
0..3 (values l0..l3) and one action per question, triggered below level 2.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from assessment.loader import BANK_DIR

PILLARS = ("product", "traffic", "inquiry", "closing")


def question_toml(pillar: str, n: int, weight: float = 1.0, not_applicable: bool = False) -> str:
    options = "".join(
        f"""
  [[questions.options]]
  value = "l{level}"
  level = {level}
  label.en = "Level {level}"
  label.zh = "等级 {level}"
"""
        for level in range(4)
    )
    return f"""
[[questions]]
id = "{pillar}.q{n}"
area.en = "Area {n}"
area.zh = "方面 {n}"
text.en = "Question {n} of {pillar}?"
text.zh = "{pillar} 的第 {n} 题？"
guidance.en = "Pick the level you can show evidence for."
guidance.zh = "选择你能拿出证据的等级。"
weight = {weight}
not_applicable = {str(not_applicable).lower()}
{options}"""


def action_toml(pillar: str, n: int, below: int = 2, slug: str = "fix", horizon: int = 30) -> str:
    return f"""
[[actions]]
id = "{pillar}.q{n}.{slug}"
question = "{pillar}.q{n}"
below = {below}
horizon = {horizon}
link = "pillars/{pillar}.md#checklist"
title.en = "Fix {pillar} area {n} ({slug})"
title.zh = "改进 {pillar} 方面 {n}（{slug}）"
why.en = "Because the loop depends on it."
why.zh = "因为闭环依赖它。"
steps.en = ["Step one", "Step two"]
steps.zh = ["第一步", "第二步"]
metric.en = "A metric"
metric.zh = "一个指标"
"""


def pillar_toml(pillar: str, questions: int = 3, weights: dict[int, float] | None = None) -> str:
    weights = weights or {}
    body = f'pillar = "{pillar}"\n'
    body += "".join(
        question_toml(pillar, n, weights.get(n, 1.0), not_applicable=n == 1) for n in range(1, questions + 1)
    )
    body += "".join(action_toml(pillar, n) for n in range(1, questions + 1))
    return body


def make_bank(folder: Path, questions: int = 3, weights: dict[str, dict[int, float]] | None = None) -> Path:
    """Write a complete valid bank into `folder` (settings copied from the real bank) and return it."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(BANK_DIR / "settings.toml", folder / "settings.toml")
    for pillar in PILLARS:
        (folder / f"{pillar}.toml").write_text(pillar_toml(pillar, questions, (weights or {}).get(pillar)), "utf-8")
    return folder


def answers_at(levels: dict[str, list[int | str | None]]) -> dict[str, str]:
    """Answers from levels per pillar, e.g. {"product": [0, 3, "na"]} -> product.q1 = l0, ..."""
    answers = {}
    for pillar, values in levels.items():
        for n, value in enumerate(values, start=1):
            if value is not None:
                answers[f"{pillar}.q{n}"] = value if isinstance(value, str) else f"l{value}"
    return answers
