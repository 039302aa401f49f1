"""The question bank in one language, as plain data: what the CLI prints, the form is built from, and
the reference page documents."""

from __future__ import annotations

import math
from typing import Any

from ..answers.document import MAX_ANSWERS, MAX_DATE_CHARS, MAX_DEPTH, MAX_FILE_BYTES
from ..answers.sharelink import MAX_LINK_CHARS
from ..answers.shown import MAX_ID
from ..bank.model import Action, Bank, Condition, Question, Scale
from ..scoring.result import page_url
from ..scoring.scores import practice_ratio


def condition(when: Condition) -> dict[str, list[str]]:
    return {dim: sorted(values) for dim, values in when.terms}


def export_bank(bank: Bank, lang: str) -> dict[str, Any]:
    scoring = bank.scoring
    return {
        "bank_version": bank.version,
        "lang": lang,
        "languages": list(bank.languages),
        "threshold": bank.health_threshold,
        "scoring": {
            "outcome_share": scoring.outcome_share,
            "failing_cap": scoring.failing_cap,
            "root_step": scoring.root_step,
            "low_confidence_answered": scoring.low_confidence_answered,
            "borderline_figures": scoring.borderline_figures,
            "plan_now": scoring.plan_now,
            "plan_next": scoring.plan_next,
        },
        "levels": [{"min": lv.min, "name": lv.name[lang]} for lv in bank.levels],
        "bands": [name[lang] for name in bank.bands],
        "owners": [{"id": o.id, "name": o.name[lang]} for o in bank.owners],
        "profile": [
            {
                "id": d.id,
                "multiple": d.multiple,
                "text": d.text[lang],
                "guidance": d.guidance[lang],
                "options": [
                    {"value": o.value, "label": o.label[lang], "page": page_url(o.link) if o.link else None}
                    for o in d.options
                ],
            }
            for d in bank.dimensions
        ],
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
        "warnings": [
            {"id": w.id, "when": list(w.when), "unless": list(w.unless), "text": w.text[lang]} for w in bank.warnings
        ],
        "retired": [{"id": r.id, "moved_to": r.moved_to, "values": r.values} for r in bank.retired],
    }


def _scale(scale: Scale, lang: str) -> dict[str, Any]:
    return {
        "when": condition(scale.when),
        "unit": scale.unit[lang],
        "factor": scale.factor,
        "thresholds": list(scale.thresholds),
        "source": scale.source[lang],
        "note": scale.note.get(lang, ""),
        "cites": list(scale.cites),
    }


def _question(question: Question, bank: Bank, lang: str) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": question.id,
        "pillar": question.pillar,
        "kind": question.kind,
        "role": question.role,
        "area": question.area[lang],
        "text": question.text[lang],
        "guidance": question.guidance[lang],
        "weight": question.weight,
        "not_applicable": question.not_applicable,
        "unknown": question.allows_unknown,
        "applies": condition(question.applies),
        "max_level": question.max_level,
    }
    if question.role == "outcome":
        data.update(
            charge=question.charge,
            key=question.key,
            charge_note=question.charge_note.get(lang, ""),
            mixed_with=list(question.mixed_with),
        )
    if question.role == "context":
        data["explains"] = list(question.explains)
    if question.kind == "choice":
        data["options"] = [
            {"value": o.value, "label": o.label[lang], "level": o.level, "points_to": o.points_to}
            for o in question.options
        ]
        data["cites"] = list(question.cites)
        if question.role == "practice":
            data["usual"] = _usual(question, bank, lang)
        if question.source:
            data["source"] = question.source[lang]
    else:
        data.update(
            unit=question.unit[lang],
            min=question.min,
            max=question.max,
            better=question.better,
            scales=[_scale(s, lang) for s in question.scales],
            break_even_from=question.break_even_from,
            repeat_from=question.repeat_from,
            sample_from=question.sample_from,
            sample_min=question.sample_min,
        )
    data["actions"] = [_action(a, bank, lang) for a in bank.actions if a.question == question.id]
    return data


def _usual(question: Question, bank: Bank, lang: str) -> dict[str, Any]:
    """Which option is usual for which business (bank/usual.toml), and what each option scores against the
    default usual level (a business model of its own may have another usual level)."""
    usual = bank.usual
    dimension = bank.dimension(usual.by)
    labels = {o.value: o.label[lang] for o in dimension.options} if dimension else {}
    default = usual.default.get(question.id)
    overrides: dict[str, list[str]] = {}
    for value, table in usual.tables.items():
        option = table.get(question.id)
        if option is not None and option != default:
            overrides.setdefault(option, []).append(labels.get(value, value))
    level = next((o.level for o in question.options if o.value == default), None)
    anchor = level if level is not None else math.ceil(question.max_level * 0.6)
    line = bank.scoring.health_threshold / 100
    return {
        "default": default,
        "models": overrides,
        "scores": {
            o.value: round(100 * practice_ratio(o.level, anchor, question.max_level, line)) for o in question.options
        },
    }


def _action(action: Action, bank: Bank, lang: str) -> dict[str, Any]:
    return {
        "id": action.id,
        "below": action.below,
        "on_unknown": action.on_unknown,
        "on_thin": action.on_thin,
        "stop_loss": action.stop_loss,
        "horizon": action.horizon,
        "owner": bank.owner(action.owner).name[lang],
        "title": action.title[lang],
        "why": action.why[lang],
        "unlocks": action.unlocks[lang],
        "steps": action.steps[lang],
        "variants": [{"when": condition(v.when), "steps": v.steps[lang]} for v in action.variants],
        "metric": action.metric[lang],
        "target": action.target,
        "goal": action.goal.get(lang),
        "link": page_url(action.link),
        "source": action.link,
    }


def answer_contract(bank: Bank, lang: str) -> dict[str, Any]:
    """What the browser needs to check, migrate and lay out answers, and nothing more (it travels in the page).

    The same data the engine checks answers against: option values, ranges,
    what may be "unknown" or "not applicable", which profile a question applies
    to, the scales (unit, factor, note) per profile, the ids of earlier banks, and
    the ids this site's overlay hides (answers to them are set aside, not rejected).
    """
    return {
        "bank_version": bank.version,
        "profile": [{"id": d.id, "multiple": d.multiple, "values": list(d.values())} for d in bank.dimensions],
        "questions": [
            {
                "id": q.id,
                "pillar": q.pillar,
                "kind": q.kind,
                "role": q.role,
                "values": [o.value for o in q.options],
                "min": q.min,
                "max": q.max,
                "na": q.not_applicable,
                "unknown": q.allows_unknown,
                "applies": condition(q.applies),
                "break_even_from": q.break_even_from,
                "scales": [
                    {
                        "when": condition(s.when),
                        "unit": s.unit[lang],
                        "factor": s.factor,
                        "note": s.note.get(lang, ""),
                    }
                    for s in q.scales
                ],
                "unit": q.unit.get(lang, ""),
            }
            for q in bank.questions
        ],
        "retired": [{"id": r.id, "moved_to": r.moved_to, "values": r.values} for r in bank.retired],
        "renamed": [{"question": r.question, "values": r.values} for r in bank.renamed],
        "retired_profile": [
            {"dimension": r.dimension, "value": r.value, "by": r.by, "map": r.map, "default": r.default}
            for r in bank.retired_profile
        ],
        # Share links carry action states by a hash of the id, and notes up to a length.
        "actions": [a.id for a in bank.actions],
        "limits": {
            "note_chars": bank.workshop.note_chars,
            "label_chars": bank.workshop.label_chars,
            "link_chars": bank.workshop.link_chars,
            # What a file or a link may be at most: the engine's own limits, so the page never states them twice.
            "file_bytes": MAX_FILE_BYTES,
            "share_chars": MAX_LINK_CHARS,
            "answers": MAX_ANSWERS,
            "depth": MAX_DEPTH,
            "id_chars": MAX_ID,
            "date_chars": MAX_DATE_CHARS,
        },
        "hidden": list(bank.hidden),
    }


WORKSHOP_TEXTS = ("team_", "compare_", "link_n", "colon", "aside")
"""The bank's report texts (reports.toml) the team and comparison views of the site show."""


def workshop_texts(bank: Bank, lang: str) -> dict[str, str]:
    """The texts the browser's team view and comparison share with `merge` and `compare` on the command line.

    The same words (a brand's overlay included) in the page as in the terminal
    report, plus the two separators those reports use.
    """
    texts = {key: text[lang] for key, text in bank.texts.items() if key.startswith(WORKSHOP_TEXTS)}
    texts["list_separator"] = bank.messages["list_separator"][lang]
    texts["detail_separator"] = bank.messages["confidence_separator"][lang]
    return texts
