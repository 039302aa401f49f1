"""Human-readable renderings of results: a terminal report and a batch CSV table."""

from __future__ import annotations

import csv
import io
import unicodedata
from typing import Any

from .model import PILLAR_IDS

BAR_WIDTH = 20
LABELS = {
    "en": {
        "title": "Four-pillar self-assessment: {answered} of {total} questions answered",
        "root": "root constraint",
        "not_assessed": "not assessed",
        "overall": "Overall (weakest link): {score} {level}, {pillar}",
        "no_root": "No root constraint.",
        "root_title": "Root constraint: {pillar}",
        "warnings": "Warnings",
        "plan": "Plan, root first ({count} actions)",
        "days": "{n} days",
        "watch": "Watch",
        "unanswered": "Unanswered: {count} ({ids})",
        "na": "{count} marked not applicable (left out of the scores).",
    },
    "zh": {
        "title": "四大板块自我评估：已答 {answered} / {total} 题",
        "root": "根本约束",
        "not_assessed": "未评估",
        "overall": "整体（取最弱一环）：{score} {level}，{pillar}",
        "no_root": "当前没有根本约束。",
        "root_title": "根本约束：{pillar}",
        "warnings": "警示",
        "plan": "行动计划，先修根本（共 {count} 项）",
        "days": "{n} 天",
        "watch": "关注指标",
        "unanswered": "未作答：{count} 题（{ids}）",
        "na": "{count} 题标为不适用（不计入得分）。",
    },
}


def _width(text: str) -> int:
    """Columns a string takes in a terminal: CJK characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - _width(text))


def text_report(result: dict[str, Any]) -> str:
    words = LABELS.get(result["lang"], LABELS["en"])
    lines = [words["title"].format(answered=result["answered"], total=result["total"]), ""]
    name_width = max(_width(p["name"]) for p in result["pillars"]) + 2
    level_width = max((_width(p["level"] or "") for p in result["pillars"]), default=0) + 2
    for p in result["pillars"]:
        head = f"  {p['letter']} {_pad(p['name'], name_width)}"
        if p["score"] is None:
            lines.append(f"{head}{'-':>5}  {words['not_assessed']}")
            continue
        filled = round(p["score"] / 100 * BAR_WIDTH)
        bar = "#" * filled + "." * (BAR_WIDTH - filled)
        mark = f"  <- {words['root']}" if p["id"] == result["root"] else ""
        lines.append(f"{head}{p['score']:>5g}  {_pad(p['level'], level_width)}{bar}{mark}")
    if result["overall"] is not None:
        weakest = next(p["name"] for p in result["pillars"] if p["id"] == result["weakest"])
        lines += [
            "",
            words["overall"].format(score=f"{result['overall']:g}", level=result["overall_level"], pillar=weakest),
        ]
    if result["root"]:
        root = next(p["name"] for p in result["pillars"] if p["id"] == result["root"])
        lines += ["", words["root_title"].format(pillar=root)]
    if result["root_reason"]:
        lines.append(f"  {result['root_reason']}")
    if result["warnings"]:
        lines += ["", f"{words['warnings']}:"] + [f"  ! {w['text']}" for w in result["warnings"]]
    if result["plan"]:
        lines += ["", f"{words['plan'].format(count=len(result['plan']))}:"]
        names = {p["id"]: p["name"] for p in result["pillars"]}
        for number, action in enumerate(result["plan"], start=1):
            days = words["days"].format(n=action["horizon"])
            lines.append(f"  {number}. [{names[action['pillar']]} / {days}] {action['title']}")
            lines.append(f"     {action['why']}")
            lines += [f"     - {step}" for step in action["steps"]]
            lines.append(f"     {words['watch']}: {action['metric']}")
    if result["unanswered"]:
        shown = ", ".join(result["unanswered"][:5]) + (", ..." if len(result["unanswered"]) > 5 else "")
        lines += ["", words["unanswered"].format(count=len(result["unanswered"]), ids=shown)]
    if result["not_applicable"]:
        lines.append(words["na"].format(count=len(result["not_applicable"])))
    return "\n".join(lines) + "\n"


CSV_COLUMNS = ["file", "answered", "total", *PILLAR_IDS, "overall", "weakest", "root", "first_action"]


def csv_table(rows: list[tuple[str, dict[str, Any]]]) -> str:
    """One line per scored file, for a consultant comparing a client's teams."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for name, result in rows:
        scores = {p["id"]: p["score"] for p in result["pillars"]}
        writer.writerow(
            [
                name,
                result["answered"],
                result["total"],
                *("" if scores[pid] is None else f"{scores[pid]:g}" for pid in PILLAR_IDS),
                "" if result["overall"] is None else f"{result['overall']:g}",
                result["weakest"] or "",
                result["root"] or "",
                result["plan"][0]["title"] if result["plan"] else "",
            ]
        )
    return out.getvalue()
