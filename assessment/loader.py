"""Read and validate the question bank (TOML) into a `Bank`.

The bank is data: settings.toml plus one file per pillar, and optionally a brand
overlay that adds, hides or re-weights questions without editing upstream files.
Every problem raises `BankError` naming the file, the item and the field: a
broken bank must stop the build, never produce a silently wrong score.
"""

from __future__ import annotations

import json
import re
import tomllib
import zlib
from dataclasses import replace
from functools import lru_cache
from itertools import pairwise
from pathlib import Path
from typing import Any

from .errors import BankError
from .model import (
    NOT_APPLICABLE,
    PILLAR_IDS,
    Action,
    Bank,
    Level,
    Option,
    Pillar,
    Question,
    Text,
    TextList,
    Warning,
)

BANK_DIR = Path(__file__).parent / "bank"
HORIZONS = (30, 60, 90)
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
LINK = re.compile(r"^(?:[a-z0-9-]+/)*[a-z0-9-]+\.md(?:#[a-z0-9-]+)?$")
WARNING_CONDITIONS = {f"root:{p}" for p in PILLAR_IDS} | {"unassessed-upstream", "provisional"}
_MISSING = object()


class Table:
    """One TOML table being read, knowing how to name itself in an error.

    Reading a key marks it as seen; `finish()` then rejects any key left over,
    so a typo such as `guidence` is an error instead of a silently empty text.
    """

    def __init__(self, data: Any, file: str, item: str | None, path: str, languages: tuple[str, ...]) -> None:
        if not isinstance(data, dict):
            raise BankError(file, "expected a table", item, path or None)
        self.data = data
        self.file = file
        self.item = item
        self.path = path
        self.languages = languages
        self.seen: set[str] = set()

    def field(self, key: str) -> str:
        return f"{self.path}.{key}" if self.path else key

    def error(self, key: str | None, message: str) -> BankError:
        return BankError(self.file, message, self.item, self.field(key) if key else (self.path or None))

    def raw(self, key: str, default: Any = _MISSING) -> Any:
        self.seen.add(key)
        if key in self.data:
            return self.data[key]
        if default is _MISSING:
            raise self.error(key, "is missing")
        return default

    def str(self, key: str, default: Any = _MISSING) -> str:
        value = self.raw(key, default)
        if not isinstance(value, str) or not value.strip():
            raise self.error(key, f"must be a non-empty string, got {value!r}")
        return value

    def int(self, key: str, default: Any = _MISSING) -> int:
        value = self.raw(key, default)
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.error(key, f"must be a whole number, got {value!r}")
        return value

    def number(self, key: str, default: Any = _MISSING) -> float:
        value = self.raw(key, default)
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise self.error(key, f"must be a number, got {value!r}")
        return float(value)

    def bool(self, key: str, default: Any = _MISSING) -> bool:
        value = self.raw(key, default)
        if not isinstance(value, bool):
            raise self.error(key, f"must be true or false, got {value!r}")
        return value

    def text(self, key: str) -> Text:
        value = self.raw(key)
        return {lang: _nonempty(self, key, lang, v) for lang, v in self._by_language(key, value).items()}

    def text_list(self, key: str) -> TextList:
        value = self.raw(key)
        result: TextList = {}
        for lang, items in self._by_language(key, value).items():
            if not isinstance(items, list) or not items:
                raise self.error(f"{key}.{lang}", "must be a non-empty list of strings")
            result[lang] = [_nonempty(self, key, lang, item) for item in items]
        if len({len(items) for items in result.values()}) > 1:
            raise self.error(key, "must have as many items in every language")
        return result

    def _by_language(self, key: str, value: Any) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.error(key, f"must give a text per language ({', '.join(self.languages)})")
        for lang in value:
            if lang not in self.languages:
                raise self.error(f"{key}.{lang}", f"unknown language (the bank has {', '.join(self.languages)})")
        for lang in self.languages:
            if lang not in value:
                raise self.error(f"{key}.{lang}", "missing translation")
        return {lang: value[lang] for lang in self.languages}

    def tables(self, key: str, default: Any = _MISSING, item_key: str | None = "id") -> list[Table]:
        value = self.raw(key, default)
        if not isinstance(value, list):
            raise self.error(key, "must be an array of tables")
        tables = []
        for index, entry in enumerate(value):
            item = self.item
            if item_key and isinstance(entry, dict) and isinstance(entry.get(item_key), str):
                item = f"{key[:-1] if key.endswith('s') else key} '{entry[item_key]}'"
            path = f"{key}[{index}]" if item == self.item else ""
            tables.append(Table(entry, self.file, item, path, self.languages))
        return tables

    def finish(self) -> None:
        unknown = sorted(set(self.data) - self.seen)
        if unknown:
            raise self.error(unknown[0], "unknown field")


def _nonempty(table: Table, key: str, lang: str, value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise table.error(f"{key}.{lang}", "must be a non-empty string")
    return value.strip()


def _read_toml(path: Path, shown: str) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        raise BankError(shown, "file not found") from None
    except OSError as exc:
        raise BankError(shown, f"cannot be read ({exc.strerror})") from None
    except tomllib.TOMLDecodeError as exc:
        raise BankError(shown, f"is not valid TOML: {exc}") from None
    except UnicodeDecodeError:
        raise BankError(shown, "is not UTF-8 text") from None


def _shown(path: Path) -> str:
    """A path as people see it: relative to the working directory when possible."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _read_question(table: Table, pillar: str) -> Question:
    qid = table.str("id")
    if not qid.startswith(f"{pillar}.") or not SLUG.match(qid[len(pillar) + 1 :]):
        raise table.error("id", f"must be '{pillar}.<kebab-case-slug>', got {qid!r}")
    kind = table.str("kind", "choice")
    common: dict[str, Any] = dict(
        id=qid,
        pillar=pillar,
        area=table.text("area"),
        text=table.text("text"),
        guidance=table.text("guidance"),
        weight=table.number("weight", 1.0),
        not_applicable=table.bool("not_applicable", False),
    )
    if common["weight"] <= 0:
        raise table.error("weight", "must be greater than 0")
    if kind == "choice":
        question = Question(kind="choice", options=_read_options(table), **common)
    elif kind == "number":
        question = _read_number_question(table, common)
    else:
        raise table.error("kind", f"must be 'choice' or 'number', got {kind!r}")
    table.finish()
    return question


def _read_options(table: Table) -> tuple[Option, ...]:
    options = []
    for entry in table.tables("options", item_key=None):
        value = entry.str("value")
        if value == NOT_APPLICABLE:
            raise entry.error(
                "value", f"'{NOT_APPLICABLE}' is reserved for 'not applicable'; set not_applicable = true"
            )
        if not SLUG.match(value):
            raise entry.error("value", f"must be a kebab-case slug, got {value!r}")
        options.append(Option(value=value, level=entry.int("level"), label=entry.text("label")))
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
    values = [o.value for o in options]
    duplicate = next((v for v in values if values.count(v) > 1), None)
    if duplicate:
        raise table.error("options", f"duplicate option value {duplicate!r}")
    return tuple(options)


def _read_number_question(table: Table, common: dict[str, Any]) -> Question:
    better = table.str("better")
    if better not in ("lower", "higher"):
        raise table.error("better", f"must be 'lower' or 'higher', got {better!r}")
    low, high = table.number("min"), table.number("max")
    if low >= high:
        raise table.error("max", "must be greater than min")
    raw = table.raw("thresholds")
    if not isinstance(raw, list) or not raw or any(isinstance(t, bool) or not isinstance(t, (int, float)) for t in raw):
        raise table.error("thresholds", "must be a non-empty list of numbers")
    thresholds = tuple(float(t) for t in raw)
    ordered = sorted(set(thresholds), reverse=better == "lower")
    if list(thresholds) != ordered:
        direction = "decreasing" if better == "lower" else "increasing"
        raise table.error("thresholds", f"must be strictly {direction} when better = {better!r}")
    if not all(low <= t <= high for t in thresholds):
        raise table.error("thresholds", f"must lie between min ({low:g}) and max ({high:g})")
    return Question(
        kind="number", unit=table.text("unit"), min=low, max=high, better=better, thresholds=thresholds, **common
    )


def _read_action(table: Table, questions: dict[str, Question], pillar: str | None) -> Action:
    aid = table.str("id")
    target = table.str("question")
    question = questions.get(target)
    if question is None:
        raise table.error("question", f"names a question that does not exist: {target!r}")
    if pillar is not None and question.pillar != pillar:
        raise table.error("question", f"names a question of another pillar ({question.pillar}): {target!r}")
    if not aid.startswith(f"{target}.") or not SLUG.match(aid[len(target) + 1 :]):
        raise table.error("id", f"must be '{target}.<kebab-case-slug>', got {aid!r}")
    below = table.int("below", question.max_level)
    if not 1 <= below <= question.max_level:
        raise table.error("below", f"must be between 1 and the question's top level {question.max_level}, got {below}")
    horizon = table.int("horizon")
    if horizon not in HORIZONS:
        raise table.error("horizon", f"must be one of {', '.join(map(str, HORIZONS))} (days), got {horizon}")
    link = table.str("link")
    if not LINK.match(link):
        raise table.error("link", f"must be a docs page path such as 'pillars/product.md#checklist', got {link!r}")
    action = Action(
        id=aid,
        question=target,
        pillar=question.pillar,
        below=below,
        horizon=horizon,
        link=link,
        title=table.text("title"),
        why=table.text("why"),
        steps=table.text_list("steps"),
        metric=table.text("metric"),
    )
    table.finish()
    return action


def _read_warning(table: Table) -> Warning:
    when = table.str("when")
    if when not in WARNING_CONDITIONS:
        raise table.error("when", f"unknown condition {when!r} (one of: {', '.join(sorted(WARNING_CONDITIONS))})")
    warning = Warning(id=table.str("id"), when=when, text=table.text("text"))
    table.finish()
    return warning


def _unique(items: list[Any], file: str, kind: str) -> None:
    seen: set[str] = set()
    for item in items:
        if item.id in seen:
            raise BankError(file, f"duplicate {kind} id", f"{kind} '{item.id}'", "id")
        seen.add(item.id)


def _version(questions: tuple[Question, ...]) -> str:
    """A fingerprint of what makes an answer valid: ids, kinds and option values.

    Saved answers carry it, so a browser can tell when the bank changed under them.
    Texts and weights are left out on purpose: rewording a label keeps answers valid.
    """
    shape = [[q.id, q.kind, [o.value for o in q.options], q.min, q.max, q.not_applicable] for q in questions]
    # A checksum, not a security hash: zlib is already loaded, hashlib would add to start-up.
    return f"{zlib.crc32(json.dumps(shape).encode()):08x}"


@lru_cache(maxsize=8)
def load_bank(bank_dir: str | Path | None = None, overlay: str | Path | None = None) -> Bank:
    """Load, validate and return the bank, with a brand overlay applied if given."""
    root = Path(bank_dir) if bank_dir else BANK_DIR
    settings_file = _shown(root / "settings.toml")
    data = _read_toml(root / "settings.toml", settings_file)
    raw_languages = data.get("languages")
    if not isinstance(raw_languages, list) or not raw_languages or not all(isinstance(x, str) for x in raw_languages):
        raise BankError(settings_file, "must be a non-empty list of language codes", field="languages")
    settings = Table(data, settings_file, None, "", tuple(raw_languages))
    settings.raw("languages")
    languages = settings.languages
    threshold = settings.number("health_threshold")
    if not 0 < threshold <= 100:
        raise settings.error("health_threshold", "must be between 0 and 100")

    pillars = []
    for table in settings.tables("pillars", item_key="id"):
        pillar = Pillar(
            id=table.str("id"),
            letter=table.str("letter"),
            page=table.str("page"),
            name=table.text("name"),
            role=table.text("role"),
            summary=table.text("summary"),
        )
        table.finish()
        pillars.append(pillar)
    if tuple(p.id for p in pillars) != PILLAR_IDS:
        raise settings.error("pillars", f"must list the pillars in loop order: {', '.join(PILLAR_IDS)}")

    levels = []
    for table in settings.tables("levels", item_key=None):
        levels.append(Level(min=table.number("min"), name=table.text("name")))
        table.finish()
    if not levels or levels[0].min != 0 or any(b.min <= a.min for a, b in pairwise(levels)):
        raise settings.error("levels", "must start at min = 0 and increase")

    messages_table = Table(settings.raw("messages"), settings_file, None, "messages", languages)
    messages = {key: messages_table.text(key) for key in ("root_reason", "root_reason_upstream", "no_root")}
    messages_table.finish()

    warnings = [_read_warning(table) for table in settings.tables("warnings")]
    _unique(warnings, settings_file, "warning")
    settings.finish()

    questions: dict[str, Question] = {}
    actions: list[Action] = []
    for pillar_id in PILLAR_IDS:
        path = root / f"{pillar_id}.toml"
        shown = _shown(path)
        table = Table(_read_toml(path, shown), shown, None, "", languages)
        if table.str("pillar") != pillar_id:
            raise table.error("pillar", f"must be {pillar_id!r} in {path.name}")
        read = [_read_question(t, pillar_id) for t in table.tables("questions")]
        _unique(read, shown, "question")
        for question in read:
            if question.id in questions:
                raise BankError(shown, "duplicate question id", f"question '{question.id}'", "id")
            questions[question.id] = question
        pillar_actions = [_read_action(t, questions, pillar_id) for t in table.tables("actions")]
        actions.extend(pillar_actions)
        table.finish()
        _unique(actions, shown, "action")
        for question in read:
            if not any(a.question == question.id for a in pillar_actions):
                raise BankError(shown, "has no action: every question needs at least one", f"question '{question.id}'")

    if overlay is not None:
        threshold = _apply_overlay(Path(overlay), languages, threshold, questions, actions, warnings)

    ordered = tuple(q for pillar_id in PILLAR_IDS for q in questions.values() if q.pillar == pillar_id)
    kept = {q.id for q in ordered}
    return Bank(
        version=_version(ordered),
        languages=languages,
        health_threshold=threshold,
        pillars=tuple(pillars),
        levels=tuple(levels),
        questions=ordered,
        actions=tuple(a for a in actions if a.question in kept),
        warnings=tuple(warnings),
        messages=messages,
    )


def _apply_overlay(
    path: Path,
    languages: tuple[str, ...],
    threshold: float,
    questions: dict[str, Question],
    actions: list[Action],
    warnings: list[Warning],
) -> float:
    """Apply a brand overlay in place; return the (possibly new) health threshold.

    Order matters and is documented: add questions, add actions, then re-weight,
    then hide. Hiding a question also drops its actions.
    """
    shown = _shown(path)
    table = Table(_read_toml(path, shown), shown, None, "", languages)
    if "health_threshold" in table.data:
        threshold = table.number("health_threshold")
        if not 0 < threshold <= 100:
            raise table.error("health_threshold", "must be between 0 and 100")
    for entry in table.tables("questions", []):
        qid = entry.data.get("id")
        pillar = qid.split(".")[0] if isinstance(qid, str) else ""
        if pillar not in PILLAR_IDS:
            raise entry.error("id", f"must start with a pillar id ({', '.join(PILLAR_IDS)}), got {qid!r}")
        if qid in questions:
            raise entry.error("id", "a question with this id already exists; use [weights] or hide to change it")
        questions[qid] = _read_question(entry, pillar)
    for entry in table.tables("actions", []):
        action = _read_action(entry, questions, None)
        if any(a.id == action.id for a in actions):
            raise entry.error("id", "an action with this id already exists")
        actions.append(action)
    warnings.extend(_read_warning(entry) for entry in table.tables("warnings", []))
    weights = table.raw("weights", {})
    if not isinstance(weights, dict):
        raise table.error("weights", "must be a table of question id = weight")
    for qid, weight in weights.items():
        if qid not in questions:
            raise table.error(f"weights.{qid}", "names a question that does not exist")
        if isinstance(weight, bool) or not isinstance(weight, (int, float)) or weight <= 0:
            raise table.error(f"weights.{qid}", f"must be a number greater than 0, got {weight!r}")
        questions[qid] = replace(questions[qid], weight=float(weight))
    hide = table.raw("hide", [])
    if not isinstance(hide, list) or not all(isinstance(h, str) for h in hide):
        raise table.error("hide", "must be a list of question ids")
    for qid in hide:
        if qid not in questions:
            raise table.error("hide", f"names a question that does not exist: {qid!r}")
        del questions[qid]
    for pillar in PILLAR_IDS:
        if not any(q.pillar == pillar for q in questions.values()):
            raise table.error("hide", f"hides every question of the {pillar} pillar; keep at least one")
    table.finish()
    return threshold
