"""Checks across the whole bank, run after a brand overlay is merged.

What one table can check on its own is checked where it is read (readers.py);
here are the rules that need the whole bank: references resolve, every question
leads somewhere, thresholds and weights make sense together.
"""

from __future__ import annotations

from ..errors import BankError
from .model import PILLAR_IDS, Bank, Question

BANDS = 4  # failing, weak, healthy, strong: one more than the thresholds of a scale


def validate_bank(bank: Bank, files: dict[str, str]) -> None:
    def where(key: str) -> str:
        return files.get(key, files["settings"])

    settings = files["settings"]
    scoring = bank.scoring
    if not 0 < scoring.health_threshold <= 100:
        raise BankError(where("health_threshold"), "must be between 0 and 100", field="health_threshold")
    if not 0 <= scoring.failing_cap < scoring.health_threshold:
        raise BankError(
            where("scoring"),
            f"must be at least 0 and below the health threshold ({scoring.health_threshold:g}, "
            f"set in {where('health_threshold')})",
            field="scoring.failing_cap",
        )
    _check_levels(bank, files)
    if not 0 < scoring.outcome_share < 1:
        raise BankError(where("scoring"), "must be between 0 and 1 (exclusive)", field="scoring.outcome_share")
    if scoring.plan_now < 1 or scoring.plan_next < 0:
        raise BankError(settings, "must be at least 1 ('now') and 0 ('next')", field="plan")
    if not 0 <= scoring.root_step <= 100:
        raise BankError(
            where("scoring"), "must be 0 or more and at most 100 (points of a pillar score)", field="scoring.root_step"
        )
    if not 0 <= scoring.borderline_figures < 1:
        raise BankError(
            settings, "must be a share from 0 up to (not including) 1", field="confidence.borderline_figures"
        )
    if not 0 < scoring.low_confidence_answered <= 1:
        raise BankError(settings, "must be a share between 0 and 1", field="confidence.low_answered")
    _check_workshop(bank, settings)
    if len(bank.bands) != BANDS:
        raise BankError(settings, f"must name {BANDS} bands: failing, weak, healthy, strong", field="bands")
    _unique([o.id for o in bank.owners], settings, "owner")
    _unique([w.id for w in bank.warnings], settings, "warning")
    _unique([d.id for d in bank.dimensions], files["profile"], "dimension")
    _unique([a.id for a in bank.actions], settings, "action", files)

    questions = {q.id: q for q in bank.questions}
    for pillar in PILLAR_IDS:
        if not any(q.pillar == pillar and q.scored for q in bank.questions):
            raise BankError(where(pillar), f"the {pillar} pillar has no scored question")
    for question in bank.questions:
        _check_question(question, questions, bank, where(question.id))
    for action in bank.actions:
        file = where(action.id)
        item = f"action '{action.id}'"
        if not any(o.id == action.owner for o in bank.owners):
            owners = ", ".join(o.id for o in bank.owners)
            raise BankError(file, f"unknown owner {action.owner!r} (one of: {owners})", item, "owner")
        if action.target is not None:
            target = questions.get(action.target)
            if target is None or target.role != "outcome" or target.kind != "number":
                raise BankError(file, f"must name a numeric outcome question, got {action.target!r}", item, "target")
        if action.stop_loss and sum(a.stop_loss for a in bank.actions) > 1:
            raise BankError(file, "only one action can be the stop-loss", item, "stop_loss")
        if action.target is None and not action.goal:
            raise BankError(file, "needs a target figure ('target') or a written goal ('goal')", item, "goal")
    for warning in bank.warnings:
        for condition in (*warning.when, *warning.unless):
            _check_condition(condition, bank, questions, where(f"warning:{warning.id}"), warning.id)
    current = set(questions)
    for retired in bank.retired:
        file = files["retired"]
        item = f"retired '{retired.id}'"
        if retired.id in current:
            raise BankError(file, "is a question of the current bank; remove it from the retired list", item, "id")
        if retired.moved_to is not None:
            target = questions.get(retired.moved_to)
            if target is None:
                raise BankError(
                    file, f"moves to a question that does not exist: {retired.moved_to!r}", item, "moved_to"
                )
            valid = {o.value for o in target.options}
            bad = next((v for v in retired.values.values() if v not in valid), None)
            if bad is not None:
                raise BankError(file, f"maps to {bad!r}, not an option of {target.id}", item, "values")
    for value in bank.retired_profile:
        file = files["retired"]
        item = f"retired_profile '{value.dimension}:{value.value}'"
        dimension = bank.dimension(value.dimension)
        by = bank.dimension(value.by) if value.by else None
        if dimension is None or value.value in dimension.values():
            raise BankError(file, "must name a profile dimension and a value it no longer has", item, "value")
        if value.by and (by is None or not set(value.map) <= set(by.values())):
            raise BankError(file, "must name a profile dimension whose values `map` lists", item, "by")
        bad = next((v for v in (*value.map.values(), value.default) if v not in dimension.values()), None)
        if bad is not None:
            raise BankError(file, f"maps to {bad!r}, not a value of {value.dimension}", item, "map")
    _check_usual(bank, questions, files.get("usual", settings))
    for renamed in bank.renamed:
        file = files["retired"]
        item = f"renamed '{renamed.question}'"
        target = questions.get(renamed.question)
        if target is None:
            raise BankError(file, "names a question that does not exist", item, "question")
        valid = {o.value for o in target.options}
        bad = next((v for v in renamed.values.values() if v not in valid), None)
        if bad is not None:
            raise BankError(file, f"maps to {bad!r}, not an option of {target.id}", item, "values")


def _check_levels(bank: Bank, files: dict[str, str]) -> None:
    """One level starts exactly at the health threshold, so a pillar below it never shares a level with a healthy one.

    Without this, raising the threshold to 70 over levels starting at 60 and 80
    would label a pillar scoring 65 "Solid" while naming it the root constraint.
    """
    threshold = bank.scoring.health_threshold
    if any(level.min == threshold for level in bank.levels):
        return
    inside = max((lv for lv in bank.levels if lv.min < threshold), key=lambda lv: lv.min, default=bank.levels[0])
    name = inside.name.get("en") or next(iter(inside.name.values()))
    levels_file = files.get("levels", files["settings"])
    threshold_file = files.get("health_threshold", files["settings"])
    # Name what the consultant changed: levels given with the threshold, or the threshold moved over upstream's levels.
    moved_only_threshold = threshold_file != files["settings"] and levels_file == files["settings"]
    file, field = (threshold_file, "health_threshold") if moved_only_threshold else (levels_file, "levels")
    raise BankError(
        file,
        f"no level starts at the health threshold {threshold:g}: a pillar scoring just below it would be "
        f"labelled '{name}' like a healthy one; give [[levels]] with one starting at {threshold:g}",
        field=field,
    )


def _check_question(question: Question, questions: dict[str, Question], bank: Bank, file: str) -> None:
    item = f"question '{question.id}'"
    actions = [a for a in bank.actions if a.question == question.id]
    if question.scored and not any(not a.on_unknown for a in actions):
        raise BankError(file, "has no action: every scored question needs one to improve it", item)
    if question.role == "context":
        _check_context(question, questions, file, item)
    elif question.role == "input" and any(q.sample_from == question.id for q in bank.questions):
        # A traffic count nobody knows leaves the rates judged as given; too little of it must lead somewhere.
        if not any(a.on_thin for a in actions):
            message = "counts traffic for figures but has no 'on_thin' action: too little must lead somewhere"
            raise BankError(file, message, item)
    elif question.allows_unknown and not any(a.on_unknown for a in actions):
        raise BankError(file, "is a figure with no 'on_unknown' action: not knowing it must lead somewhere", item)
    if question.role == "outcome" and question.max_level != BANDS - 1:
        what = "thresholds per scale" if question.kind == "number" else "levels above 0 (options up to level 3)"
        raise BankError(file, f"an outcome needs {BANDS - 1} {what}: failing, weak, healthy, strong", item)
    if question.break_even_from is not None:
        margin = questions.get(question.break_even_from)
        if margin is None or margin.role != "input" or margin.kind != "number":
            raise BankError(
                file,
                f"must name a numeric input (the margin), got {question.break_even_from!r}",
                item,
                "break_even_from",
            )
        if margin.pillar != question.pillar:
            raise BankError(file, "the margin must be asked in the same pillar", item, "break_even_from")
    if question.sample_from is not None:
        sample = questions.get(question.sample_from)
        if sample is None or sample.role != "input" or sample.kind != "number":
            raise BankError(file, f"must name a numeric input, got {question.sample_from!r}", item, "sample_from")
    if question.repeat_from is not None:
        rate = questions.get(question.repeat_from)
        if rate is None or rate.role != "outcome" or rate.kind != "number":
            raise BankError(file, f"must name a repeat rate in %, got {question.repeat_from!r}", item, "repeat_from")


def _check_usual(bank: Bank, questions: dict[str, Question], file: str) -> None:
    """Usual levels name practice questions and their options, for values of the profile question `by`."""
    usual = bank.usual
    if not usual.default and not usual.tables:
        return
    dimension = bank.dimension(usual.by)
    if dimension is None or dimension.multiple:
        raise BankError(file, f"must name a single-choice profile question, got {usual.by!r}", field="by")
    for value, table in [("default", usual.default), *usual.tables.items()]:
        if value != "default" and value not in dimension.values():
            raise BankError(file, f"names {value!r}, not a value of {usual.by}", field="models")
        for qid, option in table.items():
            question = questions.get(qid)
            if question is None or question.role != "practice":
                raise BankError(file, f"names {qid!r}, which is not a practice question", field=qid)
            if option not in {o.value for o in question.options}:
                raise BankError(file, f"{option!r} is not an option of {qid}", field=qid)


def _check_context(question: Question, questions: dict[str, Question], file: str, item: str) -> None:
    """A context question explains outcome figures, and each answer points to a practice (or to no one cause)."""
    for figure in question.explains:
        target = questions.get(figure)
        if target is None or target.role != "outcome":
            raise BankError(file, f"must name outcome questions, got {figure!r}", item, "explains")
    for index, option in enumerate(question.options):
        cause = questions.get(option.points_to) if option.points_to else None
        if option.points_to is not None and (cause is None or cause.role != "practice"):
            field = f"options[{index}].points_to"
            raise BankError(file, f"must name a practice question, got {option.points_to!r}", item, field)


def _check_condition(condition: str, bank: Bank, questions: dict[str, Question], file: str, warning: str) -> None:
    item = f"warning '{warning}'"
    kind, _, rest = condition.partition(":")
    if kind in ("root", "unhealthy") and rest != "none" and rest not in PILLAR_IDS:
        raise BankError(file, f"unknown pillar in {condition!r}", item, "when")
    if kind == "band":
        qid = rest.rsplit(":", 1)[0]
        question = questions.get(qid)
        if question is None or question.role != "outcome":
            raise BankError(file, f"names no outcome question: {condition!r}", item, "when")
    if kind == "profile":
        dim, _, value = rest.partition(":")
        dimension = next((d for d in bank.dimensions if d.id == dim), None)
        if dimension is None or value not in dimension.values():
            raise BankError(file, f"names no profile value: {condition!r}", item, "when")


def _unique(ids: list[str], file: str, kind: str, files: dict[str, str] | None = None) -> None:
    seen: set[str] = set()
    for item_id in ids:
        if item_id in seen:
            raise BankError((files or {}).get(item_id, file), f"duplicate {kind} id", f"{kind} '{item_id}'", "id")
        seen.add(item_id)


def _check_workshop(bank: Bank, settings: str) -> None:
    """The limits of notes, labels and links, and the rules of peer bands."""
    workshop = bank.workshop
    for key, value, least in (
        ("note_chars", workshop.note_chars, 1),
        ("label_chars", workshop.label_chars, 1),
        ("link_chars", workshop.link_chars, 200),
        ("discuss_first", workshop.discuss_first, 1),
    ):
        if value < least:
            raise BankError(settings, f"must be at least {least}, got {value}", field=f"workshop.{key}")
    peers = bank.peers
    if peers.min_companies < 2:
        raise BankError(settings, f"must be at least 2, got {peers.min_companies}", field="peers.min_companies")
    dimension = bank.dimension(peers.group_by)
    if dimension is None or dimension.multiple:
        single = ", ".join(d.id for d in bank.dimensions if not d.multiple)
        message = f"must name a single-choice profile question ({single}), got {peers.group_by!r}"
        raise BankError(settings, message, field="peers.group_by")
    if not 0 < peers.low < peers.high < 100:
        raise BankError(settings, "must be percentiles with 0 < low < high < 100", field="peers.low")
