"""Human-readable renderings of results: a terminal report and a batch CSV table."""

from __future__ import annotations

import csv
import io
import unicodedata
from collections.abc import Sequence
from typing import Any

from ..bank.model import PILLAR_IDS, Bank
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
    if result.get("stop_loss"):
        lines += [f"! {result['stop_loss']['text']}", ""]
    headline = words["fix_first"].format(pillar=names[result["root"]]) if result["root"] else words["no_root"]
    lines.append(headline)
    if result["root_reason"]:
        lines.append(f"  {result['root_reason']}")
    if result["borderline_note"]:
        lines.append(f"  {result['borderline_note']}")
    if result.get("thin_note"):
        lines.append(f"  {result['thin_note']}")
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
            state = words["state"].format(state=action["state_label"]) if action.get("state_label") else ""
            lines.append(f"  {number}. [{names[action['pillar']]} / {days}] {action['title']}{state}")
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
    "bank_version",
    "company",
    "respondent",
    "date",
]
"""Then one column per profile question (its value; several joined by '+'): peer bands group companies by one."""


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""What makes Excel, WPS or LibreOffice read a cell as a formula (or a command)."""


def spreadsheet_cell(value: object) -> object:
    """A text cell that a spreadsheet would run as a formula gets a leading apostrophe and stays text.

    File names come from whoever named the files: `=HYPERLINK(...).json` must
    not become a live link (or worse) when a consultant opens the CSV. Numbers
    are written as they are.
    """
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_table(rows: list[tuple[str, dict[str, Any]]], dimensions: Sequence[str] = ()) -> str:
    """One line per scored file, for a consultant comparing a client's teams and the input of peer bands
    (cells safe for spreadsheets)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([*CSV_COLUMNS, *dimensions])
    for name, result in rows:
        scores = {p["id"]: p["score"] for p in result["pillars"]}
        cells = [
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
            result["bank_version"],
            result.get("company") or "",
            result.get("respondent") or "",
            result.get("date") or "",
            *("+".join(result["profile"].get(dim, [])) for dim in dimensions),
        ]
        writer.writerow([spreadsheet_cell(cell) for cell in cells])
    return out.getvalue()


def team_report(bank: Bank, team: dict[str, Any]) -> str:
    """The team view for a terminal: the team's root, pillars across respondents, discuss first."""
    lang = team["lang"]

    def t(key: str, **values: Any) -> str:
        return bank.texts[key][lang].format(**values)

    sep = bank.messages["list_separator"][lang]
    colon = t("colon")
    lines = [t("team_title", count=team["count"]), ""]
    lines.append(t("team_root", pillar=team["root_name"]) if team["root"] else t("team_no_root"))
    if team["team"]["root_reason"]:
        lines.append(f"  {team['team']['root_reason']}")
    lines += ["", t("team_pillars")]
    for p in team["pillars"]:
        if p["median"] is None:
            lines.append(f"  {p['letter']} {p['name']}{colon}-")
        else:
            lines.append(
                "  "
                + t(
                    "team_pillar_line",
                    name=f"{p['letter']} {p['name']}",
                    median=p["median"],
                    low=p["low"],
                    high=p["high"],
                )
            )
    lines += ["", t("team_respondents")]
    for r in team["respondents"]:
        lines.append(f"  {r['label']}{colon}{r['root_name'] or t('compare_none')}")
    for difference in team["profile_differs"]:
        labels = difference["labels"]
        answers = sep.join(
            f"{a['respondent']} {'/'.join(labels[v] for v in a['values'])}" for a in difference["answers"]
        )
        chosen = "/".join(labels[v] for v in difference["team"])
        lines += ["", t("team_profile_differs", dimension=difference["text"], answers=answers, chosen=chosen)]
    lines += ["", t("team_discuss_first")]
    if not team["discuss_first"]:
        lines.append("  " + t("team_agree"))
    for number, item in enumerate(team["discuss_first"], start=1):
        lines.append(f"  {number}. " + t("aside", text=item["area"], detail=item["pillar_name"]))
        for answer in item["answers"]:
            note = f" [{answer['note']}]" if answer["note"] else ""
            lines.append(f"     - {answer['respondent']}{colon}{answer['value']}{note}")
    lines += ["", team["rule"]]
    return "\n".join(lines) + "\n"


def compare_report(bank: Bank, comparison: dict[str, Any]) -> str:
    """The change between two assessments for a terminal."""
    lang = comparison["lang"]

    def t(key: str, **values: Any) -> str:
        return bank.texts[key][lang].format(**values)

    old = comparison["old_date"] or t("compare_earlier")
    new = comparison["new_date"] or t("compare_later")
    lines = [t("compare_title", old=old, new=new), ""]
    if comparison["unchanged"]:
        return "\n".join([*lines, t("compare_no_change")]) + "\n"
    root = comparison["root"]
    none = t("compare_none")
    if root["moved"]:
        lines.append(t("compare_root_moved", old=root["old_name"] or none, new=root["new_name"] or none))
    else:
        lines.append(t("compare_root_same", pillar=root["new_name"] or none))
    lines.append("")
    for p in comparison["pillars"]:
        change = "-" if p["change"] is None else f"{p['change']:+d}"
        shown = ("-" if p["old"] is None else p["old"], "-" if p["new"] is None else p["new"])
        lines.append(
            "  "
            + t("compare_pillar_line", name=f"{p['letter']} {p['name']}", old=shown[0], new=shown[1], change=change)
        )
    for key, title in (
        ("improved", "compare_improved"),
        ("slipped", "compare_slipped"),
        ("changed", "compare_changed"),
    ):
        if comparison[key]:
            lines += ["", t(title)]
            lines += [
                "  " + t("compare_answer_line", area=e["area"], old=e["old"], new=e["new"]) for e in comparison[key]
            ]
    reasons = {
        "done": "compare_reason_done",
        "pillar": "compare_reason_pillar",
        "unanswered": "compare_reason_unanswered",
    }
    if comparison["actions_gone"]:
        lines += ["", t("compare_gone")]
        for action in comparison["actions_gone"]:
            detail = t(reasons[action["reason"]])
            if action["marked_done"]:
                detail += bank.messages["confidence_separator"][lang] + t("compare_marked_done")
            lines.append("  - " + t("aside", text=action["title"], detail=detail))
    if comparison["actions_new"]:
        lines += ["", t("compare_new_actions")] + [f"  - {a['title']}" for a in comparison["actions_new"]]
    return "\n".join(lines) + "\n"
