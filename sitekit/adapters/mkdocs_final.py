"""The MkDocs events that must run after every other plugin: the CSP on the final HTML, the search split.

The policy allows the inline scripts the site's templates emit in each page's
context (sitekit/csp.py renders them), so this file keeps the template
environment and the context of the page being built: MkDocs builds pages one
at a time, context first, then HTML.

A second hook file because MkDocs calls one function per event and hook file;
both files share the build's `Site` through sitekit.adapters.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from typing import Any  # noqa: E402

from jinja2 import Environment  # noqa: E402
from mkdocs.config.defaults import MkDocsConfig  # noqa: E402
from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.plugins import event_priority  # noqa: E402
from mkdocs.structure.files import Files  # noqa: E402
from mkdocs.structure.pages import Page  # noqa: E402

import sitekit.adapters as state  # noqa: E402
from sitekit import csp, search_index  # noqa: E402
from sitekit.offline import write_offline  # noqa: E402

_pages: dict[str, Any] = {}


def _with_policy(output: str, context: dict[str, Any] | None, config: MkDocsConfig, where: str) -> str:
    env = _pages.get("env") or config.theme.get_env()
    features = list(config.theme.get("features") or [])
    try:
        allowed = csp.template_scripts(env, context or {"config": config}, features)
        return csp.add_policy(output, allowed, where)
    except csp.CspError as error:
        raise PluginError(str(error)) from None


@event_priority(-200)
def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    _pages["env"] = env
    return env


@event_priority(-200)
def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Any) -> dict[str, Any]:
    _pages["context"] = context
    return context


@event_priority(-200)  # last, so the hashes match the HTML as it is written
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return _with_policy(output, _pages.get("context"), config, f"docs/{page.file.src_uri}")


def on_template_context(context: dict[str, Any], template_name: str, config: MkDocsConfig) -> dict[str, Any]:
    _pages["template_context"] = context
    return context


@event_priority(-200)
def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    """Pages built from a theme template alone (404.html) get the same policy and check."""
    if not template_name.endswith(".html"):
        return output
    return _with_policy(output, _pages.get("template_context"), config, template_name)


def _search_settings(config: MkDocsConfig, lang: str) -> dict[str, Any]:
    """The theme's search separator and pipeline for `lang`, read from its language file as its search plugin does."""
    language = config.theme.get_env().get_template(
        "partials/language.html", None, {"config": {"theme": {"language": lang}}}
    )
    translate = getattr(language.module, "t")  # noqa: B009  (a macro of the template, unknown to mypy)
    separator = str(translate("search.config.separator"))
    pipeline = [step for step in re.split(r"\s*,\s*", str(translate("search.config.pipeline"))) if step]
    return {"separator": separator, "pipeline": pipeline}


@event_priority(-150)  # after mkdocs-static-i18n has built every language and rebuilt the index
def on_post_build(config: MkDocsConfig) -> None:
    i18n = config.plugins.get("i18n")
    if i18n is None or getattr(i18n, "building", False):
        return  # an inner per-language build: the index is not final yet
    site = state.site()
    others = [lang for lang in site.languages if lang != site.brand.default_language]
    settings = {lang: _search_settings(config, lang) for lang in others}
    search_index.split_index(search_index.find_index(Path(config.site_dir)), others, settings)
    # The service worker's list is read from the finished assessment pages of every language.
    snapshot, _ = site.build_snapshot()
    write_offline(Path(config.site_dir), site.build_engine(), snapshot.url, site.bank.version, site.languages)
