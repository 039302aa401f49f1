"""Load the question bank (TOML) into a validated `Bank`.

The bank is data: settings.toml, profile.toml, retired.toml and one file per
pillar, and optionally a brand overlay that adds, hides or re-weights questions
without editing upstream files. The overlay is merged first and `validate_bank`
runs after, so an overlay is held to the same rules as upstream. Every problem
raises `BankError` naming the file, the item and the field.
"""

from __future__ import annotations

import json
import re
import zlib
from dataclasses import dataclass
from pathlib import Path

from ..errors import BankError
from .keys import MESSAGES, TEXTS
from .model import (
    PILLAR_IDS,
    Action,
    Bank,
    Dimension,
    Level,
    Owner,
    Peers,
    Pillar,
    Question,
    Renamed,
    Retired,
    RetiredValue,
    Scoring,
    Text,
    Usual,
    Warning,
    Workshop,
)
from .overlay import apply_overlay
from .readers import (
    read_action,
    read_dimension,
    read_levels,
    read_owner,
    read_question,
    read_renamed,
    read_retired,
    read_retired_value,
    read_usual_levels,
    read_warning,
)
from .sources import load_sources
from .tables import Context, Table, read_toml, shown_path
from .validate import validate_bank

BANK_DIR = Path(__file__).parent
PACKAGED = BANK_DIR / "bank.json"
"""The merged, validated bank a site build writes into the engine package (see codec.py); absent in the repository."""
FONT_STACK = re.compile(r"^[A-Za-z0-9 ,\"'-]+$")


@dataclass
class Draft:
    """The bank while it is being read and merged; frozen into a `Bank` at the end."""

    languages: tuple[str, ...]
    scoring: Scoring
    pillars: list[Pillar]
    levels: list[Level]
    bands: list[Text]
    owners: list[Owner]
    dimensions: list[Dimension]
    questions: dict[str, Question]
    actions: list[Action]
    warnings: list[Warning]
    hidden: list[str]
    retired: list[Retired]
    renamed: list[Renamed]
    retired_profile: list[RetiredValue]
    usual: Usual
    messages: dict[str, Text]
    workshop: Workshop
    peers: Peers
    files: dict[str, str]  # what each part came from, for messages: "settings", "<pillar>", "overlay" ...

    def context(self) -> Context:
        return Context(self.languages, {d.id: d.values() for d in self.dimensions})


_cache: dict[tuple[object, ...], Bank] = {}


def load_bank(bank_dir: str | Path | None = None, overlay: str | Path | None = None) -> Bank:
    """Load, validate and return the bank, with a brand overlay applied if given.

    Without arguments: the bank this package carries. In the repository that is
    upstream's TOML files; in the engine package a site ships, the bank the
    build merged with its brand's overlay (bank/bank.json), so the browser
    never sees an overlay.

    Cached on the files' modification times, so a long-running `mkdocs serve`
    sees an edited bank on the next build instead of a stale one.
    """
    if bank_dir is None and overlay is None and PACKAGED.is_file():
        return _packaged()
    root = Path(bank_dir) if bank_dir else BANK_DIR
    files = sorted(root.glob("*.toml")) + ([Path(overlay)] if overlay else [])
    key = (str(root), str(overlay), tuple(_stamp(f) for f in files))
    if key not in _cache:
        if len(_cache) > 8:
            _cache.clear()
        _cache[key] = _load(root, Path(overlay) if overlay else None)
    return _cache[key]


def _packaged() -> Bank:
    key = ("packaged", _stamp(PACKAGED))
    if key not in _cache:
        from .codec import loads

        _cache[key] = loads(PACKAGED.read_text("utf-8"))
    return _cache[key]


def _stamp(path: Path) -> tuple[str, int, int]:
    try:
        stat = path.stat()
    except OSError:
        return (str(path), -1, -1)
    return (str(path), stat.st_mtime_ns, stat.st_size)


def _load(root: Path, overlay: Path | None) -> Bank:
    draft = _read_settings(root)
    texts, fonts = _read_texts(root, draft)
    _read_profile(root, draft)
    _read_pillars(root, draft)
    _read_retired(root, draft)
    _read_usual(root, draft)
    if overlay is not None:
        apply_overlay(overlay, draft)
    ordered = tuple(q for pillar in PILLAR_IDS for q in draft.questions.values() if q.pillar == pillar)
    bank = Bank(
        version=_version(ordered, tuple(draft.dimensions)),
        languages=draft.languages,
        scoring=draft.scoring,
        pillars=tuple(draft.pillars),
        levels=tuple(draft.levels),
        bands=tuple(draft.bands),
        owners=tuple(draft.owners),
        dimensions=tuple(draft.dimensions),
        questions=ordered,
        actions=tuple(draft.actions),
        warnings=tuple(draft.warnings),
        hidden=tuple(sorted(draft.hidden)),
        retired=tuple(draft.retired),
        renamed=tuple(draft.renamed),
        retired_profile=tuple(draft.retired_profile),
        messages=draft.messages,
        workshop=draft.workshop,
        peers=draft.peers,
        texts=texts,
        fonts=fonts,
        usual=draft.usual,
    )
    validate_bank(bank, draft.files)
    _check_cites(bank, root, draft.files)
    return bank


def _check_cites(bank: Bank, root: Path, files: dict[str, str]) -> None:
    """Every source a threshold cites exists in the registry (bank/sources.toml) next to the bank."""
    sources = load_sources(bank.languages, root / "sources.toml")
    for question in bank.questions:
        cited = [*question.cites, *(c for s in question.scales for c in s.cites)]
        missing = next((c for c in cited if c not in sources), None)
        if missing is not None:
            raise BankError(
                files.get(question.id, files["settings"]),
                f"cites {missing!r}, which is not in {shown_path(root / 'sources.toml')}",
                f"question '{question.id}'",
                "cites",
            )


def _read_settings(root: Path) -> Draft:
    shown = shown_path(root / "settings.toml")
    data = read_toml(root / "settings.toml", shown)
    raw_languages = data.get("languages")
    if not isinstance(raw_languages, list) or not raw_languages or not all(isinstance(x, str) for x in raw_languages):
        raise BankError(shown, "must be a non-empty list of language codes", field="languages")
    settings = Table(data, shown, None, "", Context(tuple(raw_languages)))
    settings.raw("languages")

    pillars = []
    for table in settings.tables("pillars", item_key="id"):
        pillars.append(
            Pillar(
                id=table.string("id"),
                letter=table.string("letter"),
                page=table.string("page"),
                name=table.text("name"),
                role=table.text("role"),
                summary=table.text("summary"),
            )
        )
        table.finish()
    if tuple(p.id for p in pillars) != PILLAR_IDS:
        raise settings.error("pillars", f"must list the pillars in loop order: {', '.join(PILLAR_IDS)}")

    scoring_table = settings.table("scoring")
    confidence = settings.table("confidence")
    plan = settings.table("plan")
    scoring = Scoring(
        health_threshold=settings.number("health_threshold"),
        outcome_share=scoring_table.number("outcome_share"),
        failing_cap=scoring_table.number("failing_cap"),
        root_step=scoring_table.number("root_step"),
        low_confidence_answered=confidence.number("low_answered"),
        borderline_figures=confidence.number("borderline_figures"),
        plan_now=plan.integer("now"),
        plan_next=plan.integer("next"),
    )
    workshop_table = settings.table("workshop")
    workshop = Workshop(
        note_chars=workshop_table.integer("note_chars"),
        label_chars=workshop_table.integer("label_chars"),
        link_chars=workshop_table.integer("link_chars"),
        discuss_first=workshop_table.integer("discuss_first"),
    )
    peers_table = settings.table("peers")
    peers = Peers(
        min_companies=peers_table.integer("min_companies"),
        group_by=peers_table.string("group_by"),
        low=peers_table.integer("low"),
        high=peers_table.integer("high"),
    )
    for table in (scoring_table, confidence, plan, workshop_table, peers_table):
        table.finish()

    messages_table = settings.table("messages")
    messages = {key: messages_table.text(key) for key in MESSAGES}
    messages_table.finish()

    draft = Draft(
        languages=settings.context.languages,
        scoring=scoring,
        pillars=pillars,
        levels=read_levels(settings),
        bands=[_named(t) for t in settings.tables("bands", item_key=None)],
        owners=[read_owner(t) for t in settings.tables("owners")],
        dimensions=[],
        questions={},
        actions=[],
        warnings=[read_warning(t) for t in settings.tables("warnings")],
        hidden=[],
        retired=[],
        renamed=[],
        retired_profile=[],
        usual=Usual(by="model", default={}, tables={}),
        messages=messages,
        workshop=workshop,
        peers=peers,
        files={"settings": shown, "health_threshold": shown, "levels": shown},
    )
    draft.files.update({f"warning:{w.id}": shown for w in draft.warnings})
    settings.finish()
    return draft


def _named(table: Table) -> Text:
    name = table.text("name")
    table.finish()
    return name


def _read_texts(root: Path, draft: Draft) -> tuple[dict[str, Text], Text]:
    """reports.toml: every text the report, team view, comparison and peer bands use, in every language."""
    shown = shown_path(root / "reports.toml")
    table = Table(read_toml(root / "reports.toml", shown), shown, None, "", draft.context())
    fonts = table.text("fonts")
    for lang, stack in fonts.items():
        if not FONT_STACK.match(stack):
            raise table.error(f"fonts.{lang}", "must be a CSS font list: names, quotes, commas and hyphens only")
    texts_table = table.table("texts")
    texts = {key: texts_table.text(key) for key in TEXTS}
    texts_table.finish()
    table.finish()
    draft.files["reports"] = shown
    return texts, fonts


def _read_profile(root: Path, draft: Draft) -> None:
    shown = shown_path(root / "profile.toml")
    table = Table(read_toml(root / "profile.toml", shown), shown, None, "", draft.context())
    draft.dimensions = [read_dimension(t) for t in table.tables("dimensions")]
    draft.files["profile"] = shown
    table.finish()


def _read_pillars(root: Path, draft: Draft) -> None:
    for pillar in PILLAR_IDS:
        path = root / f"{pillar}.toml"
        shown = shown_path(path)
        table = Table(read_toml(path, shown), shown, None, "", draft.context())
        if table.string("pillar") != pillar:
            raise table.error("pillar", f"must be {pillar!r} in {path.name}")
        for entry in table.tables("questions"):
            question = read_question(entry, pillar)
            if question.id in draft.questions:
                raise entry.error("id", "duplicate question id")
            draft.questions[question.id] = question
            draft.files[question.id] = shown
        for entry in table.tables("actions"):
            action = read_action(entry, draft.questions, pillar)
            draft.actions.append(action)
            draft.files[action.id] = shown
        draft.files[pillar] = shown
        table.finish()


def _read_retired(root: Path, draft: Draft) -> None:
    shown = shown_path(root / "retired.toml")
    table = Table(read_toml(root / "retired.toml", shown), shown, None, "", draft.context())
    draft.retired = [read_retired(t) for t in table.tables("retired")]
    draft.renamed = [read_renamed(t) for t in table.tables("renamed", [])]
    draft.retired_profile = [read_retired_value(t) for t in table.tables("retired_profile", [], item_key=None)]
    draft.files["retired"] = shown
    table.finish()


def _read_usual(root: Path, draft: Draft) -> None:
    """usual.toml: the practice level most usual for an ordinary business, per business model."""
    path = root / "usual.toml"
    if not path.exists():  # a bank without it scores each practice against the middle of its scale
        return
    shown = shown_path(path)
    table = Table(read_toml(path, shown), shown, None, "", draft.context())
    by = table.string("by")
    draft.usual = Usual(by=by, default=read_usual_levels(table.table("default")), tables={})
    for entry in table.tables("models", [], item_key=None):
        levels = read_usual_levels(entry, skip=("models",))
        for value in entry.strings("models"):
            draft.usual.tables.setdefault(value, {}).update(levels)
    draft.files["usual"] = shown
    table.finish()


def _version(questions: tuple[Question, ...], dimensions: tuple[Dimension, ...]) -> str:
    """A fingerprint of what makes an answer valid: ids, kinds, option values and ranges.

    Saved answers carry it, so a browser can tell when the bank changed under them.
    Texts, weights and thresholds are left out on purpose: rewording a label or
    recalibrating a scale keeps answers valid (figures are stored in base units).
    """
    shape = [
        [q.id, q.kind, [o.value for o in q.options], q.min, q.max, q.not_applicable, q.allows_unknown]
        for q in questions
    ] + [[d.id, d.multiple, list(d.values())] for d in dimensions]
    # A checksum, not a security hash: zlib is already loaded, hashlib would add to start-up.
    return f"{zlib.crc32(json.dumps(shape).encode()):08x}"


def source_files(bank_dir: str | Path | None = None) -> list[Path]:
    """The files a bank is read from (for build fingerprints)."""
    return sorted((Path(bank_dir) if bank_dir else BANK_DIR).glob("*.toml"))
