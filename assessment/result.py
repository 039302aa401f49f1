"""Assemble a result as plain, JSON-serialisable data in one language."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .answers import Answer
from .model import Bank, Text
from .plan import PlannedAction, applicable_warnings, build_plan, root_constraint
from .scoring import PillarScore, overall_score, score_pillars

WEAK_AREAS_SHOWN = 3
Localize = Callable[[Text], str]


def page_url(link: str) -> str:
    """Turn a docs path such as 'pillars/product.md#metrics' into its site URL 'pillars/product/#metrics'."""
    path, _, anchor = link.partition("#")
    path = path.removesuffix(".md")
    path = path.removesuffix("index")
    url = f"{path}/" if path and not path.endswith("/") else path
    return f"{url}#{anchor}" if anchor else url


def build_result(bank: Bank, answers: dict[str, Answer], lang: str) -> dict[str, Any]:
    def t(text: Text) -> str:
        return text[lang]

    pillars = score_pillars(bank, answers)
    root = root_constraint(pillars, bank.health_threshold)
    weakest = overall_score(pillars)
    plan = build_plan(bank, pillars, root)
    answered = sum(len(p.scored) + len(p.not_applicable) for p in pillars)
    return {
        "lang": lang,
        "bank_version": bank.version,
        "threshold": bank.health_threshold,
        "pillars": [_pillar(bank, p, t) for p in pillars],
        "overall": weakest.score if weakest else None,
        "overall_level": t(bank.level_for(weakest.score).name) if weakest and weakest.score is not None else None,
        "weakest": weakest.pillar.id if weakest else None,
        "root": root.pillar.id if root else None,
        "root_reason": _root_reason(bank, root, weakest, t),
        "plan": [_action(a, lang) for a in plan],
        "warnings": [{"id": w.id, "text": t(w.text)} for w in applicable_warnings(bank, pillars, root, answered)],
        "answered": answered,
        "total": len(bank.questions),
        "unanswered": [qid for p in pillars for qid in p.unanswered],
        "not_applicable": [qid for p in pillars for qid in p.not_applicable],
    }


def _pillar(bank: Bank, p: PillarScore, t: Localize) -> dict[str, Any]:
    weak = sorted((s for s in p.scored if s.ratio < 1), key=lambda s: (s.ratio, -s.question.weight))
    return {
        "id": p.pillar.id,
        "letter": p.pillar.letter,
        "name": t(p.pillar.name),
        "role": t(p.pillar.role),
        "page": page_url(p.pillar.page),
        "score": p.score,
        "level": t(bank.level_for(p.score).name) if p.score is not None else None,
        "assessed": p.assessed,
        "healthy": p.score >= bank.health_threshold if p.score is not None else None,
        "answered": len(p.scored) + len(p.not_applicable),
        "not_applicable": len(p.not_applicable),
        "unanswered": len(p.unanswered),
        "total": p.total,
        "unanswered_share": round(len(p.unanswered) / p.total, 3) if p.total else 0.0,
        "unanswered_ids": list(p.unanswered),
        "weak_areas": [
            {"question": s.question.id, "area": t(s.question.area), "level": s.level, "max_level": s.question.max_level}
            for s in weak[:WEAK_AREAS_SHOWN]
        ],
    }


def _root_reason(bank: Bank, root: PillarScore | None, weakest: PillarScore | None, t: Localize) -> str | None:
    if root is None:
        return t(bank.messages["no_root"]).format(threshold=_num(bank.health_threshold)) if weakest else None
    upstream = weakest is not None and weakest is not root and (weakest.score or 0) < (root.score or 0)
    template = bank.messages["root_reason_upstream" if upstream else "root_reason"]
    return t(template).format(
        pillar=t(root.pillar.name),
        score=_num(root.score),
        threshold=_num(bank.health_threshold),
        lowest=t(weakest.pillar.name) if weakest else "",
        lowest_score=_num(weakest.score) if weakest else "",
    )


def _action(planned: PlannedAction, lang: str) -> dict[str, Any]:
    action = planned.action
    return {
        "id": action.id,
        "pillar": action.pillar,
        "question": action.question,
        "area": planned.answer.question.area[lang],
        "root": planned.is_root,
        "title": action.title[lang],
        "why": action.why[lang],
        "steps": action.steps[lang],
        "metric": action.metric[lang],
        "horizon": action.horizon,
        "link": page_url(action.link),
    }


def _num(value: float | None) -> str:
    return "" if value is None else f"{value:g}"
