"""Small, predictable question banks for testing the rules, independent of the real content.

Each pillar gets practice questions `<pillar>.q1`, `<pillar>.q2`, ... with options
levels 0..3 (values l0..l3) and one action per question, triggered below level 2.
With `outcomes=True` each pillar also gets one figure, `<pillar>.o1`, a percentage
judged on the bands failing < 10 <= weak < 20 <= healthy < 30 <= strong, with a
measuring action (when unknown) and an improving one (below healthy).
Settings and the profile are the real bank's; warnings that name questions of the
real bank are left out.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from assessment.bank.loader import BANK_DIR

PILLARS = ("product", "traffic", "inquiry", "closing")


def question_toml(pillar: str, n: int, weight: float = 1.0, not_applicable: bool = False, applies: str = "") -> str:
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
{applies}{options}"""


def outcome_toml(pillar: str, n: int = 1, weight: float = 1.0, charge: str = "direct", key: bool = True) -> str:
    mixed = 'mixed_with = ["product"]\n' if charge == "mixed" else ""
    mixed += "key = true\n" if key and charge == "direct" else ""
    return f"""
[[questions]]
id = "{pillar}.o{n}"
kind = "number"
role = "outcome"
charge = "{charge}"
{mixed}charge_note.en = "Test charge."
charge_note.zh = "测试归属。"
unit.en = "%"
unit.zh = "%"
min = 0
max = 100
better = "higher"
weight = {weight}
area.en = "Figure {n}"
area.zh = "数据 {n}"
text.en = "Figure {n} of {pillar}?"
text.zh = "{pillar} 的数据 {n}？"
guidance.en = "A percentage."
guidance.zh = "一个百分比。"

  [[questions.scales]]
  unit.en = "%"
  unit.zh = "%"
  thresholds = [10, 20, 30]
  source.en = "Test bands."
  source.zh = "测试用分档。"
"""


def action_toml(
    pillar: str, n: int | str, below: int = 2, slug: str = "fix", horizon: int = 30, unknown: bool = False
) -> str:
    qid = f"{pillar}.q{n}" if isinstance(n, int) else f"{pillar}.{n}"
    trigger = "on_unknown = true" if unknown else f"below = {below}"
    return f"""
[[actions]]
id = "{qid}.{slug}"
question = "{qid}"
{trigger}
horizon = {horizon}
owner = "owner"
link = "pillars/{pillar}.md#checklist"
title.en = "Fix {qid} ({slug})"
title.zh = "改进 {qid}（{slug}）"
why.en = "Because the loop depends on it."
why.zh = "因为闭环依赖它。"
unlocks.en = "The next pillar."
unlocks.zh = "下一个板块。"
steps.en = ["Step one", "Step two"]
steps.zh = ["第一步", "第二步"]
metric.en = "A metric"
metric.zh = "一个指标"
goal.en = "A goal"
goal.zh = "一个目标"
"""


def pillar_toml(
    pillar: str, questions: int = 3, weights: dict[int, float] | None = None, outcomes: bool = False
) -> str:
    weights = weights or {}
    body = f'pillar = "{pillar}"\n'
    body += "".join(
        question_toml(pillar, n, weights.get(n, 1.0), not_applicable=n == 1) for n in range(1, questions + 1)
    )
    if outcomes:
        body += outcome_toml(pillar)
    body += "".join(action_toml(pillar, n) for n in range(1, questions + 1))
    if outcomes:
        body += action_toml(pillar, "o1", slug="measure", unknown=True)
        body += action_toml(pillar, "o1", slug="raise", horizon=60)
    return body


def make_bank(
    folder: Path,
    questions: int = 3,
    weights: dict[str, dict[int, float]] | None = None,
    outcomes: bool = False,
) -> Path:
    """Write a complete valid bank into `folder` and return it."""
    folder.mkdir(parents=True, exist_ok=True)
    settings = (BANK_DIR / "settings.toml").read_text("utf-8")
    blocks = settings.split("\n[[warnings]]\n")
    kept = [b for b in blocks[1:] if "band:" not in b]
    (folder / "settings.toml").write_text("\n[[warnings]]\n".join([blocks[0], *kept]), "utf-8")
    shutil.copy(BANK_DIR / "profile.toml", folder / "profile.toml")
    shutil.copy(BANK_DIR / "reports.toml", folder / "reports.toml")
    (folder / "retired.toml").write_text("retired = []\n", "utf-8")
    for pillar in PILLARS:
        text = pillar_toml(pillar, questions, (weights or {}).get(pillar), outcomes)
        (folder / f"{pillar}.toml").write_text(text, "utf-8")
    return folder


def edit(folder: Path, name: str, change) -> Path:  # type: ignore[no-untyped-def]
    path = folder / name
    path.write_text(change(path.read_text("utf-8")), "utf-8")
    return folder


def answers_at(levels: dict[str, list[int | str | None]]) -> dict[str, str]:
    """Answers from levels per pillar, e.g. {"product": [0, 3, "na"]} -> product.q1 = l0, ..."""
    answers = {}
    for pillar, values in levels.items():
        for n, value in enumerate(values, start=1):
            if value is not None:
                answers[f"{pillar}.q{n}"] = value if isinstance(value, str) else f"l{value}"
    return answers
