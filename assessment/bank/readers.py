"""Read one entity of the bank (question, action, warning, profile dimension ...) from its TOML table.

Each reader checks what can be checked on the entity alone; checks across
entities (an action's target exists, every outcome can be measured ...) are in
`validate.py`, and run after a brand overlay is merged.
"""

from __future__ import annotations

import re
from itertools import pairwise
from typing import Any, Literal

from .model import (
    ALWAYS,
    RESERVED_VALUES,
    Action,
    Dimension,
    Level,
    Option,
    Owner,
    ProfileOption,
    Question,
    Renamed,
    Retired,
    RetiredValue,
    Scale,
    Variant,
    Warning,
)
from .tables import Table, _short

HORIZONS = (30, 60, 90)
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
LINK = re.compile(r"^(?:[a-z0-9-]+/)*[a-z0-9-]+\.md(?:#[a-z0-9-]+)?$")
ROLES = ("practice", "outcome", "input", "context")
CHARGES = ("direct", "mixed")
PILLARS = ("product", "traffic", "inquiry", "closing")
FIGURES = (-1e9, 1e9)
"""Bounds for a figure's range and thresholds: far beyond any real figure, well inside what a float (and a
share link, which stores figures in millionths) holds exactly."""
FACTORS = (1e-6, 1e6)
"""Bounds for a scale's factor (minutes per working hour is 60, per second 1/60)."""
MAX_LEVEL = 100


def read_dimension(table: Table) -> Dimension:
    did = table.string("id")
    if not SLUG.match(did):
        raise table.error("id", f"must be a kebab-case slug, got {_short(did)}")
    options = []
    for entry in table.tables("options", item_key=None):
        value = entry.string("value")
        if not SLUG.match(value):
            raise entry.error("value", f"must be a kebab-case slug, got {_short(value)}")
        link = entry.raw("link", None)
        if link is not None and not (isinstance(link, str) and LINK.match(link)):
            raise entry.error("link", f"must be a docs page path such as 'channels/own-site.md', got {_short(link)}")
        options.append(ProfileOption(value=value, label=entry.text("label"), link=link))
        entry.finish()
    if len(options) < 2:
        raise table.error("options", "needs at least 2 options")
    _no_duplicates(table, "options", [o.value for o in options], "option value")
    dimension = Dimension(
        id=did,
        multiple=table.flag("multiple", False),
        text=table.text("text"),
        guidance=table.text("guidance"),
        options=tuple(options),
    )
    table.finish()
    return dimension


def read_question(table: Table, pillar: str) -> Question:
    qid = table.string("id")
    if not qid.startswith(f"{pillar}.") or not SLUG.match(qid[len(pillar) + 1 :]):
        raise table.error("id", f"must be '{pillar}.<kebab-case-slug>', got {_short(qid)}")
    kind = table.string("kind", "choice")
    role = table.string("role", "practice" if kind == "choice" else "outcome")
    if role not in ROLES:
        raise table.error("role", f"must be one of {', '.join(ROLES)}, got {_short(role)}")
    common: dict[str, Any] = dict(
        id=qid,
        pillar=pillar,
        role=role,
        area=table.text("area"),
        text=table.text("text"),
        guidance=table.text("guidance"),
        weight=table.number("weight", 1.0),
        not_applicable=table.flag("not_applicable", False),
        applies=table.condition("applies"),
    )
    if not 0 < common["weight"] <= 10:
        raise table.error("weight", "must be greater than 0 and at most 10")
    if role == "outcome":
        common.update(_read_charge(table, pillar))
    if kind == "choice":
        if role == "input":
            raise table.error("role", "an input must be a number")
        source = table.optional_text("source")
        if role == "outcome" and not source:
            raise table.error("source", "an outcome must say where its levels come from")
        explains = table.strings("explains", []) if role == "context" else ()
        if role == "context" and not explains:
            raise table.error("explains", "a context question must name the figures whose cause it gives")
        options = read_options(table, causes=role == "context")
        cites = table.strings("cites", []) if role == "outcome" else ()
        question = Question(kind="choice", options=options, source=source, explains=explains, cites=cites, **common)
    elif kind == "number":
        question = _read_number_question(table, common)
    else:
        raise table.error("kind", f"must be 'choice' or 'number', got {_short(kind)}")
    table.finish()
    return question


def _read_charge(table: Table, pillar: str) -> dict[str, Any]:
    """How an outcome is charged: to its own pillar (direct) or to several (mixed), with the reasoning."""
    charge = table.string("charge")
    if charge not in CHARGES:
        raise table.error("charge", f"must be 'direct' or 'mixed', got {_short(charge)}")
    mixed_with = table.strings("mixed_with", []) if charge == "mixed" else ()
    if charge == "mixed" and not mixed_with:
        raise table.error("mixed_with", "a mixed figure must name the other pillars it reflects")
    for other in mixed_with:
        if other not in PILLARS or other == pillar:
            raise table.error("mixed_with", f"must name other pillars ({', '.join(PILLARS)}), got {_short(other)}")
    key = table.flag("key", False)
    if key and charge != "direct":
        raise table.error("key", "only a direct figure can be key: a mixed one cannot clear its pillar")
    return {"charge": charge, "charge_note": table.text("charge_note"), "mixed_with": mixed_with, "key": key}


def read_options(table: Table, causes: bool = False) -> tuple[Option, ...]:
    options = []
    for index, entry in enumerate(table.tables("options", item_key=None)):
        value = entry.string("value")
        if value in RESERVED_VALUES:
            raise entry.error("value", f"'{value}' is reserved (not applicable / unknown)")
        if not SLUG.match(value):
            raise entry.error("value", f"must be a kebab-case slug, got {_short(value)}")
        level = index if causes else entry.integer("level")  # a cause has no better or worse: listed order
        if level > MAX_LEVEL:
            raise entry.error("level", f"must be at most {MAX_LEVEL}, got {_short_number(level)}")
        points_to = entry.raw("points_to", None) if causes else None
        if points_to is not None and not isinstance(points_to, str):
            raise entry.error("points_to", "must name a practice question")
        options.append(Option(value=value, level=level, label=entry.text("label"), points_to=points_to))
        entry.finish()
    if len(options) < 2:
        raise table.error("options", "needs at least 2 options")
    if options[0].level != 0:
        raise table.error("options[0].level", "the weakest option must have level 0")
    for index, (before, after) in enumerate(pairwise(options), start=1):
        if after.level <= before.level:
            raise table.error(
                f"options[{index}].level",
                "options are out of order: levels must increase from weakest to strongest "
                f"({before.level} then {after.level})",
            )
    _no_duplicates(table, "options", [o.value for o in options], "option value")
    return tuple(options)


def _read_number_question(table: Table, common: dict[str, Any]) -> Question:
    if common["role"] == "practice":
        raise table.error("role", "a number is an outcome or an input, not a practice")
    better: Literal["lower", "higher"]
    raw_better = table.string("better")
    if raw_better == "lower":
        better = "lower"
    elif raw_better == "higher":
        better = "higher"
    else:
        raise table.error("better", f"must be 'lower' or 'higher', got {_short(raw_better)}")
    low, high = table.number("min", within=FIGURES), table.number("max", within=FIGURES)
    if low >= high:
        raise table.error("max", "must be greater than min")
    break_even_from = table.raw("break_even_from", None)
    if break_even_from is not None and not isinstance(break_even_from, str):
        raise table.error("break_even_from", "must name a margin question")
    sample_from = table.raw("sample_from", None)
    if sample_from is not None and not isinstance(sample_from, str):
        raise table.error("sample_from", "must name the input that counts the traffic (paid clicks)")
    sample_min = table.number("sample_min", 0.0, within=FIGURES) if sample_from else 0.0
    if sample_from and sample_min <= 0:
        raise table.error("sample_min", "must be the least count from which the figure is judged, above 0")
    repeat_from = table.raw("repeat_from", None)
    if repeat_from is not None and (not isinstance(repeat_from, str) or break_even_from is None):
        raise table.error("repeat_from", "must name a repeat-rate question, on a figure judged against break-even")
    scales: tuple[Scale, ...] = ()
    if common["role"] == "outcome":
        scales = tuple(read_scale(entry, better) for entry in table.tables("scales", item_key=None))
        check_scales(table, scales)
    elif table.has("scales"):
        raise table.error("scales", "an input is not judged on its own: give it no scales")
    return Question(
        kind="number",
        unit=table.text("unit", allow_empty=True),
        min=low,
        max=high,
        better=better,
        scales=scales,
        break_even_from=break_even_from,
        repeat_from=repeat_from,
        sample_from=sample_from,
        sample_min=sample_min,
        **common,
    )


def read_scale(table: Table, better: str) -> Scale:
    thresholds = table.numbers("thresholds", within=FIGURES)
    ordered = sorted(set(thresholds), reverse=better == "lower")
    if list(thresholds) != ordered:
        direction = "decreasing" if better == "lower" else "increasing"
        raise table.error("thresholds", f"must be strictly {direction} when better = {_short(better)}")
    factor = table.number("factor", 1.0, within=FACTORS)
    scale = Scale(
        when=table.condition("when"),
        unit=table.text("unit", allow_empty=True),
        factor=factor,
        thresholds=thresholds,
        source=table.text("source"),
        note=table.optional_text("note"),
        cites=table.strings("cites", []),
    )
    table.finish()
    return scale


def check_scales(table: Table, scales: tuple[Scale, ...]) -> None:
    if not scales:
        raise table.error("scales", "an outcome needs at least one scale")
    if scales[-1].when != ALWAYS:
        raise table.error("scales", "the last scale is the default: give it no 'when'")
    if any(s.when == ALWAYS for s in scales[:-1]):
        raise table.error("scales", "only the last scale may have no 'when' (later ones could never apply)")
    if len({len(s.thresholds) for s in scales}) > 1:
        raise table.error("scales", "every scale needs as many thresholds (one per level above the lowest)")


def read_action(table: Table, questions: dict[str, Question], pillar: str | None) -> Action:
    aid = table.string("id")
    target_question = table.string("question")
    question = questions.get(target_question)
    if question is None:
        raise table.error("question", f"names a question that does not exist: {_short(target_question)}")
    if pillar is not None and question.pillar != pillar:
        raise table.error(
            "question", f"names a question of another pillar ({question.pillar}): {_short(target_question)}"
        )
    if not aid.startswith(f"{target_question}.") or not SLUG.match(aid[len(target_question) + 1 :]):
        raise table.error("id", f"must be '{target_question}.<kebab-case-slug>', got {_short(aid)}")
    on_thin = table.flag("on_thin", False)
    if on_thin and question.role != "input":
        raise table.error("on_thin", "only an action on a traffic count (an input) can apply when figures are too thin")
    on_unknown = table.flag("on_unknown", False)
    if on_unknown and not question.allows_unknown:
        raise table.error("on_unknown", "only a figure (an outcome or input) can be unknown")
    if on_unknown or on_thin:
        if table.has("below"):
            raise table.error("below", "an action on an unknown or thin figure has no level to be below")
        below = 0
    else:
        if not question.scored:
            message = f"a question of role {question.role} is not scored: its actions apply when it is unknown"
            raise table.error("on_unknown", message)
        below = table.integer("below", question.max_level)
        if not 1 <= below <= question.max_level:
            raise table.error(
                "below", f"must be between 1 and the question's top level {question.max_level}, got {below}"
            )
    horizon = table.integer("horizon")
    if horizon not in HORIZONS:
        raise table.error("horizon", f"must be one of {', '.join(map(str, HORIZONS))} (days), got {horizon}")
    link = table.string("link")
    if not LINK.match(link):
        raise table.error(
            "link", f"must be a docs page path such as 'pillars/product.md#checklist', got {_short(link)}"
        )
    target = table.raw("target", None)
    if target is not None and not isinstance(target, str):
        raise table.error("target", "must name an outcome question")
    if target is None and question.role == "outcome" and question.kind == "number":
        target = question.id
    variants = []
    for entry in table.tables("variants", [], item_key=None):
        when = entry.condition("when")
        if when == ALWAYS:
            raise entry.error("when", "is missing: a variant applies to some profiles")
        variants.append(Variant(when=when, steps=entry.text_list("steps")))
        entry.finish()
    action = Action(
        id=aid,
        question=target_question,
        pillar=question.pillar,
        below=below,
        on_unknown=on_unknown,
        horizon=horizon,
        owner=table.string("owner"),
        link=link,
        title=table.text("title"),
        why=table.text("why"),
        unlocks=table.text("unlocks"),
        steps=table.text_list("steps"),
        metric=table.text("metric"),
        target=target,
        goal=table.optional_text("goal"),
        variants=tuple(variants),
        stop_loss=table.flag("stop_loss", False),
        on_thin=on_thin,
    )
    if action.stop_loss and (on_unknown or question.break_even_from is None):
        raise table.error("stop_loss", "only an action on a figure judged against break-even can be the stop-loss")
    table.finish()
    return action


_BAND = r"(?:failing|weak|healthy|strong|unknown)"
WARNING_CONDITION = re.compile(
    r"^(?:root:(?:none|[a-z]+)|unhealthy:[a-z]+|provisional|unassessed-upstream|borderline|measure-first"
    rf"|band:[a-z]+\.[a-z0-9-]+:{_BAND}(?:\|{_BAND})*|profile:[a-z0-9-]+:[a-z0-9-]+)$"
)


def read_warning(table: Table) -> Warning:
    conditions = {"when": table.strings("when"), "unless": table.strings("unless", [])}
    for key, listed in conditions.items():
        for condition in listed:
            if not WARNING_CONDITION.match(condition):
                raise table.error(key, f"unknown condition {_short(condition)} (see the comment in settings.toml)")
    if not conditions["when"]:
        raise table.error("when", "needs at least one condition")
    wid = table.string("id")
    if not SLUG.match(wid):
        raise table.error("id", f"must be a kebab-case slug, got {_short(wid)}")
    warning = Warning(id=wid, when=conditions["when"], unless=conditions["unless"], text=table.text("text"))
    table.finish()
    return warning


def read_owner(table: Table) -> Owner:
    owner = Owner(id=table.string("id"), name=table.text("name"))
    table.finish()
    return owner


def read_retired(table: Table) -> Retired:
    moved_to = table.raw("moved_to", None)
    if moved_to is not None and not isinstance(moved_to, str):
        raise table.error("moved_to", "must be a question id")
    values = table.raw("values", {})
    if not isinstance(values, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in values.items()):
        raise table.error("values", "must map old option values to new ones")
    if values and moved_to is None:
        raise table.error("values", "maps values, but the question is not 'moved_to' another")
    retired = Retired(id=table.string("id"), moved_to=moved_to, values=dict(values))
    table.finish()
    return retired


def read_renamed(table: Table) -> Renamed:
    values = table.raw("values")
    if not isinstance(values, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in values.items()):
        raise table.error("values", "must map old option values to new ones")
    renamed = Renamed(question=table.string("question"), values=dict(values))
    table.finish()
    return renamed


def read_retired_value(table: Table) -> RetiredValue:
    mapping = table.raw("map", {})
    if not isinstance(mapping, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in mapping.items()):
        raise table.error("map", "must map values of `by` to the new values")
    by = table.raw("by", None)
    if by is not None and not isinstance(by, str):
        raise table.error("by", "must name a profile dimension")
    retired = RetiredValue(
        dimension=table.string("dimension"),
        value=table.string("value"),
        by=by,
        map=dict(mapping),
        default=table.string("default"),
        label=table.text("label"),
    )
    table.finish()
    return retired


def read_usual_levels(table: Table, skip: tuple[str, ...] = ()) -> dict[str, str]:
    """Question id -> the option most usual for such a business, each with a one-line reason (`why`)."""
    levels = {}
    for key in table.data:
        if key in skip:
            continue
        entry = table.table(key)
        levels[key] = entry.string("value")
        entry.string("why")
        entry.finish()
    return levels


def _short_number(value: int) -> str:
    return str(value) if value.bit_length() <= 50 else "a very large number"


def _no_duplicates(table: Table, key: str, values: list[str], what: str) -> None:
    duplicate = next((v for v in values if values.count(v) > 1), None)
    if duplicate:
        raise table.error(key, f"duplicate {what} {_short(duplicate)}")


def read_levels(table: Table) -> list[Level]:
    levels = []
    for entry in table.tables("levels", item_key=None):
        levels.append(Level(min=entry.number("min"), name=entry.text("name")))
        entry.finish()
    if not levels or levels[0].min != 0 or levels[-1].min > 100 or any(b.min <= a.min for a, b in pairwise(levels)):
        raise table.error("levels", "must start at min = 0 and increase, with every min from 0 to 100 (a pillar score)")
    return levels
