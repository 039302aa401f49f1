"""MkDocs hook: put the self-assessment into the site.

- Loads and validates the question bank (with the brand's overlay): a broken bank
  stops the build with the bank's own message naming the file and field.
- Gives the assessment page its form data and renders the reference page from
  the bank, so the bank stays the one source of truth.
- After the build, vendors the pinned Pyodide runtime from node_modules and ships
  the `assessment` package as a pure-Python wheel for Pyodide to load.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import shutil
from pathlib import Path
from typing import Any

from jinja2 import Environment
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from assessment import BankError, get_bank
from assessment.export import answer_contract, export_bank
from assessment.markup import to_html, to_markdown
from assessment.model import Bank
from assessment.quick import load_quick
from assessment.sharelink import known_layouts, layout
from sitekit.content import ContentError, bank_values, expand
from sitekit.pages import page_values
from sitekit.quick import quick_reference
from sitekit.templates import for_actions as templates_for_actions

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "assessment"
PYODIDE = ROOT / "node_modules" / "pyodide"
# What loadPyodide() fetches at start; the rest of the npm package (console pages,
# type definitions, source maps) stays out of the site.
PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json")
REFERENCE_MARKER = "<!-- assessment:reference -->"
UI_STRINGS = ROOT / "overrides" / "assessment" / "strings.json"

_state: dict[str, Any] = {}


def _package_digest() -> str:
    """Fingerprint of the engine's sources and bank: the wheel's URL changes when they do (cache busting)."""
    digest = hashlib.sha256()
    for path in sorted(PACKAGE.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".toml"):
            digest.update(path.relative_to(PACKAGE).as_posix().encode())
            digest.update(path.read_bytes())
    overlay = _state.get("overlay")
    if overlay:
        digest.update(Path(overlay).read_bytes())
    return digest.hexdigest()[:12]


def _build_wheel(target: Path) -> Path:
    """Build the py3-none-any wheel through the PEP 517 `build_wheel` hook of the project's backend."""
    from flit_core import buildapi

    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    with contextlib.chdir(ROOT):
        name = buildapi.build_wheel(str(target))
    return target / name


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    overlay = config.extra.get("brand", {}).get("questions_overlay")
    _state["overlay"] = overlay
    try:
        bank = get_bank(overlay or "")
    except BankError as exc:
        raise PluginError(f"The question bank is invalid: {exc}") from None
    _state["bank"] = bank
    digest = _package_digest()
    if _state.get("digest") != digest:
        _state.update(digest=digest, wheel=_build_wheel(ROOT / ".build" / "wheel"))
    base = f"assets/engine/{digest}/"
    config.extra["assessment"] = {
        "bank_version": bank.version,
        "wheel": base + _state["wheel"].name,
        "overlay": base + "overlay.toml" if overlay else "",
        "pyodide": "assets/pyodide/",
    }
    return config


def _bank() -> Bank:
    return _state["bank"]


def _add_filters(env: Environment) -> Environment:
    """Bank and brand texts in templates: `rf_text` for HTML, `rf_markdown` for generated Markdown."""
    env.filters["rf_text"] = lambda text: Markup(to_html(str(text)))
    env.filters["rf_markdown"] = lambda text: to_markdown(str(text))
    return env


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    return _add_filters(env)


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    lang = config.theme["language"]
    source = page.file.src_uri
    values = page_values(_bank(), source, lang)
    try:
        markdown = expand(markdown, values, f"docs/{source}")
    except ContentError as error:
        raise PluginError(str(error)) from None
    if REFERENCE_MARKER not in markdown:
        return markdown
    template = _add_filters(config.theme.get_env()).get_template("assessment/reference.md")
    rendered = template.render(bank=export_bank(_bank(), lang), lang=lang, quick=quick_reference(_bank(), lang))
    return markdown.replace(REFERENCE_MARKER, rendered)


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Any) -> dict[str, Any]:
    if page.meta.get("template") == "assessment.html":
        lang = config.theme["language"]
        strings = json.loads(UI_STRINGS.read_text("utf-8"))
        context["bank"] = export_bank(_bank(), lang)
        context["contract"] = answer_contract(_bank(), lang)
        context["templates"] = templates_for_actions(lang, {a.id for a in _bank().actions})
        quick = load_quick(_bank())
        # A list of pairs, not an object: Jinja's tojson sorts keys, and the first set is the default.
        context["quick"] = {"by": quick.by, "sets": [[k, list(v)] for k, v in quick.sets.items()]}
        values = bank_values(_bank(), lang)
        context["quick_count"], context["quick_minutes"] = values["quick-questions"], values["quick-minutes"]
        context["ui"] = strings.get(lang, strings["en"])
    return context


def _is_default_language_build(config: MkDocsConfig) -> bool:
    i18n = config.plugins.get("i18n")
    return bool(getattr(i18n, "is_default_language_build", True))


def on_post_build(config: MkDocsConfig) -> None:
    """Ship the runtime and the engine once, at the site's root, shared by every language."""
    if not _is_default_language_build(config):
        return
    site = Path(config.site_dir)
    missing = [name for name in PYODIDE_FILES if not (PYODIDE / name).is_file()]
    if missing:
        raise PluginError(f"Pyodide is not installed ({', '.join(missing)} missing in {PYODIDE}): run scripts/setup.sh")
    runtime = site / "assets" / "pyodide"
    runtime.mkdir(parents=True, exist_ok=True)
    for name in PYODIDE_FILES:
        source, target = PYODIDE / name, runtime / name
        if not target.exists() or target.stat().st_size != source.stat().st_size:
            shutil.copyfile(source, target)
    engine = site / "assets" / "engine"
    shutil.rmtree(engine, ignore_errors=True)
    release = engine / _state["digest"]
    release.mkdir(parents=True)
    shutil.copyfile(_state["wheel"], release / _state["wheel"].name)
    if _state["overlay"]:
        shutil.copyfile(_state["overlay"], release / "overlay.toml")
    # Share links made with an earlier bank are read with that bank's layout (assessment/sharelink.py).
    layouts = {**known_layouts(), _bank().version: layout(_bank())}
    (engine / "layouts.json").write_text(json.dumps(layouts, ensure_ascii=False, separators=(",", ":")), "utf-8")
    for lang in _bank().languages:
        data = export_bank(_bank(), lang)
        (engine / f"questions.{lang}.json").write_text(json.dumps(data, ensure_ascii=False, indent=1), "utf-8")
