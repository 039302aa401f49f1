"""Merge a brand overlay (TOML) into the bank being loaded.

A fork changes the bank without editing upstream files, so pulling upstream
updates never conflicts. In order: the threshold and scoring rules, levels,
profile options, then questions, scales, actions and warnings are added, then
questions are re-weighted, then hidden (hiding a question drops its actions).
The merged bank is validated afterwards like upstream's own.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from .model import PILLAR_IDS, Dimension, ProfileOption
from .readers import SLUG, read_action, read_levels, read_question, read_scale, read_warning
from .tables import Table, _short, read_toml, shown_path

if TYPE_CHECKING:
    from .loader import Draft


def apply_overlay(path: Path, draft: Draft) -> None:
    shown = shown_path(path)
    table = Table(read_toml(path, shown), shown, None, "", draft.context())
    draft.files["overlay"] = shown
    if table.has("health_threshold"):
        draft.scoring = replace(draft.scoring, health_threshold=table.number("health_threshold"))
        draft.files["health_threshold"] = shown
    if table.has("scoring"):
        scoring = table.table("scoring")
        rules = draft.scoring
        draft.scoring = replace(
            rules,
            outcome_share=scoring.number("outcome_share", rules.outcome_share),
            failing_cap=scoring.number("failing_cap", rules.failing_cap),
            root_step=scoring.number("root_step", rules.root_step),
        )
        scoring.finish()
        draft.files["scoring"] = shown
    if table.has("levels"):
        draft.levels = read_levels(table)
        draft.files["levels"] = shown

    for entry in table.tables("profile_options", [], item_key="value"):
        _add_profile_option(entry, draft)
    table.context = draft.context()  # new profile values may appear in conditions below

    for entry in table.tables("questions", []):
        qid = entry.data.get("id")
        pillar = qid.split(".")[0] if isinstance(qid, str) else ""
        if pillar not in PILLAR_IDS:
            raise entry.error("id", f"must start with a pillar id ({', '.join(PILLAR_IDS)}), got {_short(qid)}")
        if qid in draft.questions:
            raise entry.error("id", "a question with this id already exists; use [weights] or hide to change it")
        question = read_question(entry, pillar)
        draft.questions[question.id] = question
        draft.files[question.id] = shown

    for entry in table.tables("scales", [], item_key="question"):
        _add_scale(entry, draft)

    for entry in table.tables("actions", []):
        action = read_action(entry, draft.questions, None)
        if any(a.id == action.id for a in draft.actions):
            raise entry.error("id", "an action with this id already exists")
        draft.actions.append(action)
        draft.files[action.id] = shown
    for entry in table.tables("warnings", []):
        warning = read_warning(entry)
        if any(w.id == warning.id for w in draft.warnings):
            raise entry.error("id", "a warning with this id already exists")
        draft.warnings.append(warning)
        draft.files[f"warning:{warning.id}"] = shown

    weights = table.raw("weights", {})
    if not isinstance(weights, dict):
        raise table.error("weights", "must be a table of question id = weight")
    for qid, weight in weights.items():
        if qid not in draft.questions:
            raise table.error(f"weights.{qid}", "names a question that does not exist")
        if isinstance(weight, bool) or not isinstance(weight, (int, float)) or not 0 < weight <= 10:
            raise table.error(f"weights.{qid}", f"must be a number greater than 0 and at most 10, got {_short(weight)}")
        draft.questions[qid] = replace(draft.questions[qid], weight=float(weight))

    hide = table.strings("hide", [])
    for qid in hide:
        if qid not in draft.questions:
            raise table.error("hide", f"names a question that does not exist: {_short(qid)}")
        del draft.questions[qid]
        draft.hidden.append(qid)
    draft.actions = [a for a in draft.actions if a.question in draft.questions]
    _drop_hidden_references(draft)
    for pillar in PILLAR_IDS:
        if not any(q.pillar == pillar for q in draft.questions.values()):
            raise table.error("hide", f"hides every question of the {pillar} pillar; keep at least one")
    table.finish()


def _drop_hidden_references(draft: Draft) -> None:
    """What a hidden question only informed goes with it: its usual level, the repeat allowance it earned
    ROAS, the cause a context answer pointed to and the figures a context question explained."""
    kept = draft.questions
    for table in (draft.usual.default, *draft.usual.tables.values()):
        for qid in [q for q in table if q not in kept]:
            del table[qid]
    for qid, question in list(kept.items()):
        changes: dict[str, object] = {}
        if question.repeat_from is not None and question.repeat_from not in kept:
            changes["repeat_from"] = None
        if question.role == "context":
            explains = tuple(f for f in question.explains if f in kept)
            options = tuple(
                replace(o, points_to=None) if o.points_to is not None and o.points_to not in kept else o
                for o in question.options
            )
            if explains != question.explains or options != question.options:
                changes.update(explains=explains, options=options)
        if changes:
            kept[qid] = replace(question, **changes)  # type: ignore[arg-type]


def _add_profile_option(entry: Table, draft: Draft) -> None:
    """Add a choice to a profile dimension, e.g. a business model upstream does not list."""
    dimension_id = entry.string("dimension")
    dimension = next((d for d in draft.dimensions if d.id == dimension_id), None)
    if dimension is None:
        raise entry.error("dimension", f"unknown profile dimension {_short(dimension_id)}")
    value = entry.string("value")
    if not SLUG.match(value):
        raise entry.error("value", "must be a kebab-case slug (lower-case words joined by '-')")
    if value in dimension.values():
        raise entry.error("value", f"the {dimension_id} dimension already has {_short(value)}")
    option = ProfileOption(value=value, label=entry.text("label"))
    entry.finish()
    index = draft.dimensions.index(dimension)
    draft.dimensions[index] = Dimension(
        id=dimension.id,
        multiple=dimension.multiple,
        text=dimension.text,
        guidance=dimension.guidance,
        options=(*dimension.options, option),
    )


def _add_scale(entry: Table, draft: Draft) -> None:
    """A scale for some profiles, tried before upstream's scales of that question."""
    qid = entry.string("question")
    question = draft.questions.get(qid)
    if question is None or question.role != "outcome" or question.kind != "number":
        raise entry.error("question", f"must name a numeric outcome question, got {_short(qid)}")
    scale = read_scale(entry, question.better)
    if scale.when == question.scales[-1].when:
        raise entry.error("when", "is missing: an overlay scale applies to some profiles, before upstream's")
    needed = len(question.scales[-1].thresholds)
    if len(scale.thresholds) != needed:
        raise entry.error(
            "thresholds", f"needs as many thresholds as {qid}'s other scales ({needed}, one per band above failing)"
        )
    draft.questions[qid] = replace(question, scales=(scale, *question.scales))
