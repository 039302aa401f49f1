"""The question bank in one language, as plain data: what the CLI prints and the browser renders."""

from __future__ import annotations

from typing import Any

from .model import Action, Bank, Question
from .result import page_url


def export_bank(bank: Bank, lang: str) -> dict[str, Any]:
    return {
        "bank_version": bank.version,
        "lang": lang,
        "languages": list(bank.languages),
        "threshold": bank.health_threshold,
        "levels": [{"min": lv.min, "name": lv.name[lang]} for lv in bank.levels],
        "pillars": [
            {
                "id": p.id,
                "letter": p.letter,
                "name": p.name[lang],
                "role": p.role[lang],
                "summary": p.summary[lang],
                "page": page_url(p.page),
                "source": p.page,
                "questions": sum(1 for q in bank.questions if q.pillar == p.id),
            }
            for p in bank.pillars
        ],
        "questions": [_question(q, bank, lang) for q in bank.questions],
    }


def _question(question: Question, bank: Bank, lang: str) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": question.id,
        "pillar": question.pillar,
        "kind": question.kind,
        "area": question.area[lang],
        "text": question.text[lang],
        "guidance": question.guidance[lang],
        "weight": question.weight,
        "not_applicable": question.not_applicable,
        "max_level": question.max_level,
    }
    if question.kind == "choice":
        data["options"] = [{"value": o.value, "label": o.label[lang], "level": o.level} for o in question.options]
    else:
        data.update(
            unit=question.unit[lang],
            min=question.min,
            max=question.max,
            better=question.better,
            thresholds=list(question.thresholds),
        )
    data["actions"] = [_action(a, lang) for a in bank.actions if a.question == question.id]
    return data


def _action(action: Action, lang: str) -> dict[str, Any]:
    return {
        "id": action.id,
        "below": action.below,
        "horizon": action.horizon,
        "title": action.title[lang],
        "why": action.why[lang],
        "steps": action.steps[lang],
        "metric": action.metric[lang],
        "link": page_url(action.link),
        "source": action.link,
    }
