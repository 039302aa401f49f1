"""Assemble a result as plain, JSON-serialisable data in one language."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..answers.document import Submission
from ..bank.model import NOT_APPLICABLE, Action, Bank, Profile, Text
from . import reasons
from .borderline import deciding_unknowns, flipping_questions
from .plan import PlannedAction, applicable_warnings, build_plan, conditions, next_level_order, ranked_actions
from .root import Root, order_unhealthy, root_of, standings
from .scores import BAND_IDS, Figure, PillarScore, QuestionScore, overall_score, score_pillars

WEAK_AREAS_SHOWN = 3
DOUBLE_CHECK_NAMED = 2  # the borderline note names the answers that matter most; the list has them all
Localize = Callable[[Text], str]


def page_url(link: str) -> str:
    """Turn a docs path such as 'pillars/product.md#metrics' into its site URL 'pillars/product/#metrics'."""
    path, _, anchor = link.partition("#")
    path = path.removesuffix(".md")
    path = path.removesuffix("index")
    url = f"{path}/" if path and not path.endswith("/") else path
    return f"{url}#{anchor}" if anchor else url


number = reasons.number


def with_unit(value: float, unit: str) -> str:
    return f"{number(value)}{unit}" if unit in ("%", "×", "") or unit.startswith("×") else f"{number(value)} {unit}"


def build_result(bank: Bank, submission: Submission, lang: str) -> dict[str, Any]:
    def t(text: Text) -> str:
        return text[lang]

    profile, answers = submission.profile, submission.answers
    pillars = score_pillars(bank, answers, profile)
    root = root_of(pillars, bank.scoring)
    flipping = (
        flipping_questions(bank, pillars, answers, profile, root) if root.pillar or _any_assessed(pillars) else []
    )
    flipping = _ranked_double_check(bank, flipping, root)
    deciding = deciding_unknowns(bank, pillars, answers, profile, lambda trial: first_fix(bank, trial))
    order = _plan_order(bank, pillars, root)
    plan = build_plan(bank, pillars, order, set(deciding))
    deciding_root = [qid for qid, root_changes in deciding.items() if root_changes]
    answered = sum(len(p.scored) + len(p.inputs) + len(p.not_applicable) for p in pillars)
    total = answered + sum(len(p.unanswered) for p in pillars)
    unknown = [qid for p in pillars for qid in p.unknown]
    thin = [s.question.id for p in pillars for s in p.scored if s.thin]
    provisional = answered < bank.scoring.low_confidence_answered * total
    holding = conditions(
        bank,
        pillars,
        root,
        profile,
        provisional=answered * 2 < total,
        borderline=bool(flipping),
        deciding=bool(deciding),
    )
    weakest = overall_score(pillars)
    confidence = reasons.confidence(answered, total, bool(flipping), bool(deciding_root), provisional, bool(unknown))
    names = {p.pillar.id: t(p.pillar.name) for p in pillars}
    by_id = {p.pillar.id: p for p in pillars}
    areas = {q.id: t(q.area) for q in bank.questions}
    sep = t(bank.messages["list_separator"])
    notes = submission.notes
    return {
        "lang": lang,
        "bank_version": bank.version,
        "respondent": submission.respondent,
        "company": submission.company,
        "date": submission.date,
        "threshold": bank.health_threshold,
        "levels": [{"name": t(level.name), "min": level.min} for level in bank.levels],
        "profile": {dim: list(values) for dim, values in profile.items()},
        "pillars": [_pillar(bank, p, profile, t, notes) for p in pillars],
        "overall": weakest.score if weakest else None,
        "overall_level": t(bank.level_for(weakest.score).name) if weakest and weakest.score is not None else None,
        "weakest": weakest.pillar.id if weakest else None,
        "root": root.pillar,
        "root_rule": root.rule,
        "root_basis": root.basis,
        "root_reason": reasons.root_reason(bank, root, pillars, profile, t) if _any_assessed(pillars) else None,
        "settle": [
            {"question": q.id, "area": t(q.area)}
            for q in (reasons.settling_figures(bank, by_id[root.pillar], profile) if root.basis == "practices" else [])
        ]
        if root.pillar
        else [],
        "stop_loss": reasons.stop_loss(bank, pillars, t),
        "borderline": bool(flipping),
        "double_check": [{"question": qid, "area": areas[qid]} for qid in flipping],
        "borderline_note": t(bank.messages["borderline"]).format(
            questions=sep.join(areas[qid] for qid in flipping[:DOUBLE_CHECK_NAMED])
        )
        if flipping
        else None,
        "deciding": [{"question": qid, "area": areas[qid]} for qid in deciding_root],
        "thin": thin,
        "thin_note": reasons.thin_note(bank, thin, answers, t) if thin else None,
        "confidence": confidence,
        "confidence_note": reasons.confidence_note(
            bank, confidence, answered, total, len(unknown), bool(flipping), [areas[q] for q in deciding_root], t
        ),
        "plan": [_action(bank, a, pillars, profile, names, t, lang, submission) for a in plan],
        "warnings": [{"id": w.id, "text": t(w.text)} for w in applicable_warnings(bank, holding)],
        "answered": answered,
        "total": total,
        "unanswered": [qid for p in pillars for qid in p.unanswered],
        "not_applicable": [qid for p in pillars for qid in p.not_applicable],
        "by_profile": [qid for p in pillars for qid in p.by_profile],
        "unknown": unknown,
        "migrated": [{"from": old, "to": new} for old, new in submission.migrated],
        "set_aside": list(submission.set_aside),
        "hidden": list(submission.hidden),
        "off_profile": list(submission.off_profile),
        "migration_note": _migration_note(bank, submission, t, sep),
        "answers": answer_rows(bank, pillars, submission, t),
        "notes": dict(notes),
        "action_states": dict(submission.actions),
    }


def answer_rows(bank: Bank, pillars: list[PillarScore], submission: Submission, t: Localize) -> list[dict[str, Any]]:
    """Every answer given (and every note, answered or not), in bank order, as shown to people."""
    judged = {s.question.id: s for p in pillars for s in (*p.scored, *p.inputs)}
    rows = []
    for question in bank.questions:
        answer = submission.answers.get(question.id)
        note = submission.notes.get(question.id)
        if answer is None and note is None:
            continue
        scored = judged.get(question.id)
        level = scored.level if scored is not None and scored.known and question.scored else None
        rows.append(
            {
                "question": question.id,
                "pillar": question.pillar,
                "area": t(question.area),
                "answer": answer,
                "value": shown_answer(bank, question.id, answer, scored, t),
                "level": level,
                "max_level": question.max_level if question.scored else None,
                "note": note,
            }
        )
    return rows


def shown_answer(bank: Bank, qid: str, answer: Any, scored: QuestionScore | None, t: Localize) -> str:
    """An answer as people read it: the option's label, the figure in its unit, "not applicable" ..."""
    if answer is None:
        return t(bank.texts["value_unanswered"])
    if answer == NOT_APPLICABLE:
        return t(bank.texts["value_na"])
    question = bank.question(qid)
    if scored is not None and (scored.figure is not None or question is None or question.kind == "choice"):
        return _shown_value(bank, scored, t)
    if question is not None and isinstance(answer, (int, float)):
        return with_unit(float(answer), t(question.unit))
    return t(bank.messages["value_unknown"])


def _any_assessed(pillars: list[PillarScore]) -> bool:
    return any(p.assessed for p in pillars)


def first_fix(bank: Bank, pillars: list[PillarScore]) -> tuple[str | None, str | None]:
    """The root and the root's first fix for scored pillars: what a deciding unknown figure could change."""
    root = root_of(pillars, bank.scoring)
    order = _plan_order(bank, pillars, root)
    first = next((a.id for pid, a, _ in ranked_actions(bank, pillars, order[:1]) if not a.on_unknown), None)
    return root.pillar, first


def _plan_order(bank: Bank, pillars: list[PillarScore], root: Root) -> list[str]:
    if not root.pillar:
        return next_level_order(pillars)
    return order_unhealthy(*standings(pillars), bank.scoring)


def _ranked_double_check(bank: Bank, ids: list[str], root: Root) -> list[str]:
    """Borderline answers, the ones that matter most first: the root's pillar, figures before practices,
    heavier questions, then bank order."""
    order = {q.id: i for i, q in enumerate(bank.questions)}
    questions = {q.id: q for q in bank.questions}

    def rank(qid: str) -> tuple[bool, bool, float, int]:
        q = questions[qid]
        return q.pillar != root.pillar, q.role == "practice", -q.weight, order[qid]

    return sorted(ids, key=rank)


def _pillar(bank: Bank, p: PillarScore, profile: Profile, t: Localize, notes: dict[str, str]) -> dict[str, Any]:
    weak = sorted((s for s in p.scored if s.ratio < 1), key=lambda s: (s.ratio, -s.question.weight))
    healthy = p.score >= bank.health_threshold if p.score is not None else None
    return {
        "id": p.pillar.id,
        "letter": p.pillar.letter,
        "name": t(p.pillar.name),
        "role": t(p.pillar.role),
        "page": page_url(p.pillar.page),
        "score": p.score,
        "level": t(bank.level_for(p.score).name) if p.score is not None else None,
        "assessed": p.assessed,
        "healthy": healthy,
        "practice_score": p.practice,
        "outcome_score": p.outcome,
        "capped": p.capped,
        "held": p.held,  # the band of the known direct figure that decides the pillar's range, or None
        "held_by": p.holding,
        "held_note": reasons.held_note(bank, p, t),
        "answered": len(p.scored) + len(p.inputs) + len(p.not_applicable),
        "not_applicable": len(p.not_applicable),
        "by_profile": len(p.by_profile),
        "unanswered": len(p.unanswered),
        "unknown": len(p.unknown),
        "total": p.total - len(p.by_profile),
        "unanswered_ids": list(p.unanswered),
        "by_profile_ids": list(p.by_profile),
        "outcomes": [
            {**_outcome(bank, s, t), "note": notes.get(s.question.id)} for s in p.scored if s.question.role == "outcome"
        ],
        "weak_areas": [
            {
                "question": s.question.id,
                "area": t(s.question.area),
                "level": s.level,
                "max_level": s.question.max_level,
                "note": notes.get(s.question.id),
            }
            for s in weak[:WEAK_AREAS_SHOWN]
        ],
    }


def _outcome(bank: Bank, s: QuestionScore, t: Localize) -> dict[str, Any]:
    return {
        "question": s.question.id,
        "area": t(s.question.area),
        "value": _shown_value(bank, s, t),
        "band": BAND_IDS[s.level] if s.known else "unknown",
        "charge": s.question.charge,
        "key": s.question.key,
        "band_name": t(bank.bands[s.level]) if s.known else t(bank.messages["value_unknown"]),
    }


def _shown_value(bank: Bank, s: QuestionScore, t: Localize) -> str:
    """The figure as given, in the unit of the company's scale (ROAS with its break-even)."""
    if s.question.kind == "choice":
        option = next((o for o in s.question.options if o.value == s.answer), None)
        # An option label is a sentence; shown inline before its band it loses the full stop.
        return t(option.label).rstrip(".。") if option else t(bank.messages["value_unknown"])
    figure = s.figure
    if figure is None or figure.value is None:
        return t(bank.messages["value_unknown"])
    shown = with_unit(figure.value, t(figure.scale.unit))
    if s.question.break_even_from is not None:
        if figure.break_even is None:
            shown += t(bank.messages["break_even_unknown"])
        else:
            shown += t(bank.messages["break_even"]).format(value=number(figure.break_even))
    return shown


def _action(
    bank: Bank,
    planned: PlannedAction,
    pillars: list[PillarScore],
    profile: Profile,
    names: dict[str, str],
    t: Localize,
    lang: str,
    submission: Submission,
) -> dict[str, Any]:
    action = planned.action
    return {
        "id": action.id,
        "phase": planned.phase,
        "pillar": action.pillar,
        "question": action.question,
        "area": t(planned.answer.question.area),
        "root": planned.is_root,
        "measures": action.on_unknown or action.on_thin,  # finds out a figure nobody knows (or has too little data for)
        "title": t(action.title),
        "why": t(action.why),
        "unlocks": t(action.unlocks),
        "steps": action.steps_for(profile)[lang],
        "metric": t(action.metric),
        "target": _target(bank, action, pillars, profile, t),
        "owner": t(bank.owner(action.owner).name),
        "horizon": action.horizon,
        "link": page_url(action.link),
        "state": submission.actions.get(action.id),  # None (not started), "in-progress" or "done"
        "state_label": _state_label(bank, submission.actions.get(action.id), t),
        "note": submission.notes.get(action.question),
    }


def _state_label(bank: Bank, state: str | None, t: Localize) -> str | None:
    if state is None:
        return None
    return t(bank.texts["state_done" if state == "done" else "state_in_progress"])


def _target(bank: Bank, action: Action, pillars: list[PillarScore], profile: Profile, t: Localize) -> str:
    """The action's target: "15% → 40%" from the company's own figure where it gave one."""
    if action.target is None:
        return t(action.goal)
    question = bank.question(action.target)
    assert question is not None
    scored = next((s for p in pillars for s in p.scored if s.question.id == question.id), None)
    scale = scored.figure.scale if scored and scored.figure else question.scale_for(profile)
    level = scored.level if scored and scored.known else 0
    goal = scale.thresholds[1] if level < 2 else scale.thresholds[-1]
    sign = "≤" if question.better == "lower" else "≥"
    figure: Figure | None = scored.figure if scored else None
    unit = t(scale.unit)
    if question.break_even_from is not None:
        if figure is None or figure.break_even is None:
            target = t(bank.messages["target_break_even"]).format(sign=sign, multiple=number(goal))
            return t(bank.messages["target_only"]).format(target=target)
        target = f"{sign} {with_unit(goal * figure.break_even, unit)}"
    else:
        target = f"{sign} {with_unit(goal, unit)}"
    if figure is not None and figure.value is not None and scored is not None and scored.known:
        return t(bank.messages["target_from"]).format(current=with_unit(figure.value, unit), target=target)
    return t(bank.messages["target_only"]).format(target=target)


def _option_label(bank: Bank, dimension_id: str, value: str, t: Localize) -> str:
    dimension = bank.dimension(dimension_id)
    option = next((o for o in dimension.options if o.value == value), None) if dimension else None
    return t(option.label) if option else value


def _migration_note(bank: Bank, submission: Submission, t: Localize, sep: str) -> str | None:
    parts = []
    if submission.migrated:
        parts.append(
            t(bank.messages["migrated"]).format(
                count=len(submission.migrated), ids=sep.join(f"{a} → {b}" for a, b in submission.migrated)
            )
        )
    if submission.set_aside:
        parts.append(
            t(bank.messages["set_aside"]).format(count=len(submission.set_aside), ids=sep.join(submission.set_aside))
        )
    for dimension, old, new in submission.profile_migrated:
        retired = next(r for r in bank.retired_profile if r.dimension == dimension and r.value == old)
        parts.append(
            t(bank.messages["profile_migrated"]).format(
                old=t(retired.label), new=_option_label(bank, dimension, new, t)
            )
        )
    if submission.off_profile:
        parts.append(
            t(bank.messages["off_profile"]).format(
                count=len(submission.off_profile), ids=sep.join(submission.off_profile)
            )
        )
    if submission.hidden:
        parts.append(t(bank.messages["hidden"]).format(count=len(submission.hidden), ids=sep.join(submission.hidden)))
    return " ".join(parts) or None
