"""Human-readable renderings of results: a terminal report and a batch CSV table."""

from __future__ import annotations

import csv
import io
import unicodedata
from typing import Any

from .model import PILLAR_IDS
from .strings import strings

BAR_WIDTH = 20


def _width(text: str) -> int:
    """Columns a string takes in a terminal: CJK characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - _width(text))


def text_report(result: dict[str, Any]) -> str:
    """The result for a terminal: the answer first (what to fix, why, the first actions), then the detail."""
    words = strings(result["lang"], "report")
    names = {p["id"]: p["name"] for p in result["pillars"]}
    lines = [words["title"].format(answered=result["answered"], total=result["total"]), ""]
    if result["migration_note"]:
        lines += [result["migration_note"], ""]
    headline = words["fix_first"].format(pillar=names[result["root"]]) if result["root"] else words["no_root"]
    lines.append(headline)
    if result["root_reason"]:
        lines.append(f"  {result['root_reason']}")
    if result["borderline_note"]:
        lines.append(f"  {result['borderline_note']}")
    lines.append(f"  {result['confidence_note']}")
    lines += ["", words["scores"].format(threshold=f"{result['threshold']:g}")]
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
        lines.append(f"{head}{p['score']:>5}  {_pad(p['level'], level_width)}{bar}{mark}")
    figures = [(p["name"], o) for p in result["pillars"] for o in p["outcomes"]]
    if figures:
        lines += ["", words["figures"]]
        lines += [
            "  " + words["figure"].format(area=o["area"], value=o["value"], band=o["band_name"]) for _, o in figures
        ]
    weakest = result["weakest"]
    if weakest and weakest != result["root"] and result["overall"] is not None:
        lines += ["", words["overall"].format(pillar=names[weakest], score=result["overall"])]
    if result["warnings"]:
        lines += ["", words["warnings"]] + [f"  ! {w['text']}" for w in result["warnings"]]
    number = 0
    for phase in ("now", "next"):
        actions = [a for a in result["plan"] if a["phase"] == phase]
        if not actions:
            continue
        lines += ["", words[f"phase_{phase}"]]
        for action in actions:
            number += 1
            days = words["days"].format(n=action["horizon"])
            lines.append(f"  {number}. [{names[action['pillar']]} / {days}] {action['title']}")
            lines.append(f"     {action['why']}")
            lines += [f"     - {step}" for step in action["steps"]]
            lines.append("     " + words["detail"].format(label=words["watch"], text=action["metric"]))
            lines.append("     " + words["detail"].format(label=words["target"], text=action["target"]))
            lines.append("     " + words["detail"].format(label=words["owner"], text=action["owner"]))
            lines.append("     " + words["detail"].format(label=words["unlocks"], text=action["unlocks"]))
    later = sum(1 for a in result["plan"] if a["phase"] == "later")
    if later:
        lines += ["", words["later_count"].format(count=later)]
    if result["unanswered"]:
        shown = ", ".join(result["unanswered"][:5]) + (", ..." if len(result["unanswered"]) > 5 else "")
        lines += ["", words["unanswered"].format(count=len(result["unanswered"]), ids=shown)]
    if result["not_applicable"] or result["by_profile"]:
        lines.append(words["na"].format(count=len(result["not_applicable"]), profile=len(result["by_profile"])))
    lines += ["", strings(result["lang"])["credit"]]
    return "\n".join(lines) + "\n"


CSV_COLUMNS = [
    "file",
    "answered",
    "total",
    *PILLAR_IDS,
    "weakest",
    "root",
    "root_rule",
    "borderline",
    "confidence",
    "first_action",
]


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
                *("" if scores[pid] is None else scores[pid] for pid in PILLAR_IDS),
                result["weakest"] or "",
                result["root"] or "",
                result["root_rule"],
                "yes" if result["borderline"] else "no",
                result["confidence"],
                result["plan"][0]["id"] if result["plan"] else "",
            ]
        )
    return out.getvalue()
