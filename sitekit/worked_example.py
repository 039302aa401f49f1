"""The assessment worked through once, from answers to plan, rendered at build time by the engine.

The page docs/assessment/worked-example.md states nothing the engine did not
compute: it writes `{rf:example:<part>}` tokens and this module fills them from
a calibration file (the case's answers) with `assessment.assess`, so a change
to the bank or the rules changes the page at the next build. Labels come from
the bank (question areas, option labels, units) and from the assessment page's
own UI strings (assessment/render/strings.json). It runs on the site's bank (with the
brand's overlay), so a fork's example follows the fork's rules.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from assessment import assess_bank, get_bank, load_questionnaire
from assessment.bank.model import Bank
from assessment.render.strings import strings as ui_strings

from .content import case_values

ROOT = Path(__file__).resolve().parents[1]
CALIBRATION = ROOT / "calibration"
EXAMPLE = "short-video-fmcg"


def cell(text: object) -> str:
    """Text safe inside a Markdown table cell."""
    return str(text).replace("|", "\\|").replace("\n", " ")


def _number(value: float) -> str:
    return f"{value:g}"


def _answer(question: dict[str, Any], value: Any, shown: dict[str, str], lang: str) -> str:
    if question["id"] in shown:  # an outcome figure, as the results show it (in the profile's scale)
        return str(shown[question["id"]])
    labels = {o["value"]: o["label"] for o in question.get("options") or []}
    if isinstance(value, str):
        return str(labels.get(value, value))
    unit = question.get("unit") or ""
    if not unit:
        return _number(value)
    if unit == "%":
        return f"{_number(value)}%"
    return f"{_number(value)} {unit}"


def example_values(
    lang: str, slug: str = EXAMPLE, folder: Path = CALIBRATION, bank: Bank | None = None
) -> dict[str, str]:
    """The tokens of the worked-example page, in one language, scored with `bank` (the site's)."""
    bank = bank or get_bank()
    document = json.loads((folder / f"{slug}.json").read_text("utf-8"))
    profile = document.get("profile", {})
    answers = {qid: value for qid, value in document["answers"].items() if bank.question(qid) is not None}
    result = assess_bank(bank, answers, lang, profile)
    questionnaire = load_questionnaire(lang, bank)
    strings = ui_strings(lang)
    pillars = {p["id"]: p for p in result["pillars"]}
    shown = {o["question"]: o["value"] for p in result["pillars"] for o in p["outcomes"]}

    punct = ui_strings(lang, "punctuation")  # how the language joins a label to its value, and items of a list
    profile_rows = []
    for dimension in questionnaire["profile"]:
        chosen = profile.get(dimension["id"])
        if chosen is None:
            continue
        labels = {o["value"]: o["label"] for o in dimension["options"]}
        values = chosen if isinstance(chosen, list) else [chosen]
        profile_rows.append(f"| {cell(dimension['text'])} | {cell(punct['list'].join(labels[v] for v in values))} |")

    answer_rows = []
    for question in questionnaire["questions"]:
        if question["id"] in answers:
            pillar = pillars[question["pillar"]]["name"]
            value = _answer(question, answers[question["id"]], shown, lang)
            answer_rows.append(f"| {cell(pillar)} | {cell(question['area'])} | {cell(value)} |")

    score_rows = []
    for p in result["pillars"]:
        figure = punct["figure"]
        figures = punct["list"].join(
            figure.format(area=o["area"], value=o["value"].rstrip("。."), band=o["band_name"]) for o in p["outcomes"]
        )
        score = "–" if p["score"] is None else str(p["score"])
        name = f"{p['letter']}. {p['name']}"
        score_rows.append(f"| {cell(name)} | {score} | {cell(p['level'])} | {cell(figures or '–')} |")

    separator = punct["colon"]
    actions = []
    for number, action in enumerate((a for a in result["plan"] if a["phase"] == "now"), start=1):
        actions += [
            f"{number}. **{action['title']}**",
            f"    - {strings['owner']}{separator}{action['owner']}",
            f"    - {strings['metric']}{separator}{action['metric']}",
            f"    - {strings['target']}{separator}{action['target']}",
            f"    - {strings['why']}{separator}{action['why']}",
            f"    - {strings['unlocks']}{separator}{action['unlocks']}",
        ]

    root = pillars.get(result["root"] or "")
    return {
        "example:profile": "\n".join(profile_rows),
        "example:answers": "\n".join(answer_rows),
        "example:answered": str(result["answered"]),
        "example:total": str(result["total"]),
        "example:scores": "\n".join(score_rows),
        "example:root": root["name"] if root else "–",
        "example:reason": result["root_reason"],
        "example:confidence": result["confidence_note"] or "",
        "example:actions": "\n".join(actions),
        "example:now-count": str(sum(1 for a in result["plan"] if a["phase"] == "now")),
        "example:link": case_values(slug, lang, folder, bank)["case-link"],
    }
