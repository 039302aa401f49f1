"""MkDocs hook: a Content-Security-Policy on every page, as a <meta> tag, and a check of what pages carry.

Static hosts rarely let a site set headers, so the policy travels in the page.
Scripts may only come from the site itself. The few inline scripts the
templates emit (the theme's, and the assessment's engine start) are allowed by
their SHA-256 hash; which ones those are is not read from the page (a script that
slipped into the page through a brand text would then be allowed too) but
rendered here, for each page, from the templates that emit them (KNOWN_SCRIPTS).
Any other inline script, any `<meta http-equiv>` and any `<base>` fails the
build, naming the page. Connections, workers and images stay on the site's
origin. 'wasm-unsafe-eval' lets the page compile WebAssembly (Pyodide runs in a
worker from this origin).

A meta policy cannot set `frame-ancestors` (nor report): the README lists the
headers a host should add.
"""

from __future__ import annotations

import base64
import hashlib
import re
from typing import Any

from jinja2 import Environment, TemplateNotFound
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

INLINE_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S | re.I)
SRC = re.compile(r"\bsrc\s*=", re.I)
DATA_BLOCK = re.compile(r"""\btype\s*=\s*["']?application/json["']?""", re.I)
BLOCK_ID = re.compile(r"""\bid\s*=\s*["']?([\w-]+)""", re.I)
CHARSET = re.compile(r"<meta charset=[\"']?utf-8[\"']?>", re.I)
FORBIDDEN = re.compile(r"<meta\b[^>]*\bhttp-equiv\b[^>]*>|<base\b[^>]*>", re.I)

KNOWN_SCRIPTS = (
    # Ahead of the theme's scripts: a page-only store when the browser refuses storage (main.html).
    "partials/javascripts/storage-guard.html",
    # The theme's inline scripts (mkdocs-material's base.html includes these partials).
    "partials/javascripts/base.html",
    "partials/javascripts/palette.html",
    "partials/javascripts/announce.html",
    "partials/javascripts/content.html",
    "partials/javascripts/outdated.html",
    # The assessment page starts its engine while the page parses.
    "partials/assessment/engine-start.html",
)
"""Templates whose inline scripts may run. A theme update that adds one fails the build until it is listed."""

DATA_BLOCKS = {"__config", "rf-strings", "rf-contract", "rf-templates", "rf-quick"}
"""JSON data blocks (never executed) the templates emit, by id; tojson escapes <, > and & inside them."""

POLICY = (
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval' {hashes}",
    "worker-src 'self'",
    "connect-src 'self'",
    "img-src 'self' data:",
    # The theme and the inline SVG diagrams set style attributes.
    "style-src 'self' 'unsafe-inline'",
    "font-src 'self' data:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
)

_state: dict[str, Any] = {}


def digest(body: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode() + "'"


def template_scripts(env: Environment, context: dict[str, Any], features: list[str]) -> set[str]:
    """The bodies of the inline scripts the known templates emit in this page's context."""
    bodies: set[str] = set()
    for name in KNOWN_SCRIPTS:
        try:
            template = env.get_template(name)
        except TemplateNotFound:
            continue
        rendered = template.render({**context, "features": features})
        bodies |= {m["body"] for m in INLINE_SCRIPT.finditer(rendered) if not SRC.search(m["attrs"])}
    return bodies


def checked_hashes(html: str, allowed: set[str], where: str) -> list[str]:
    """The hashes of the page's inline scripts; PluginError for a script, meta refresh or base no template emits."""
    forbidden = FORBIDDEN.search(html)
    if forbidden:
        found = _excerpt(forbidden.group(0))
        raise PluginError(f"{where}: the page holds {found}, which no template of the site emits")
    hashes = set()
    for match in INLINE_SCRIPT.finditer(html):
        attrs, body = match["attrs"], match["body"]
        if SRC.search(attrs):
            continue  # a script file: 'self' covers the site's own, nothing else loads
        if DATA_BLOCK.search(attrs):
            block = BLOCK_ID.search(attrs)
            if block and block.group(1) in DATA_BLOCKS:
                continue
        elif body in allowed:
            hashes.add(digest(body))
            continue
        raise PluginError(
            f"{where}: an inline <script> that no template of the site emits ({_excerpt(match.group(0))}); "
            "a brand text, page or question-bank text must not carry scripts"
        )
    return sorted(hashes)


def policy(hashes: list[str]) -> str:
    return "; ".join(POLICY).format(hashes=" ".join(hashes)).replace("  ", " ")


def _excerpt(text: str) -> str:
    flat = " ".join(text.split())
    return repr(flat if len(flat) <= 60 else flat[:57] + "...")


def _with_policy(output: str, context: dict[str, Any] | None, config: MkDocsConfig, where: str) -> str:
    env = _state.get("env") or config.theme.get_env()
    allowed = template_scripts(env, context or {"config": config}, list(config.theme.get("features") or []))
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(checked_hashes(output, allowed, where))}">'
    return CHARSET.sub(lambda m: m.group(0) + "\n    " + meta, output, count=1)


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    _state["env"] = env
    return env


# Pages are built one at a time: their context, then their HTML. Last, so the hashes match the HTML as written.
def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Any) -> dict[str, Any]:
    _state["context"] = context
    return context


@event_priority(-200)
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return _with_policy(output, _state.get("context"), config, f"docs/{page.file.src_uri}")


def on_template_context(context: dict[str, Any], template_name: str, config: MkDocsConfig) -> dict[str, Any]:
    _state["template_context"] = context
    return context


@event_priority(-200)
def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    """Pages built from a theme template alone (404.html) get the same policy and check."""
    if not template_name.endswith(".html"):
        return output
    return _with_policy(output, _state.get("template_context"), config, template_name)
