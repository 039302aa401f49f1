"""A Content-Security-Policy on every page, as a <meta> tag, and a check of what pages carry.

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
headers a host should add. No generator is imported here: the adapter
(the MkDocs plugin, sitekit/mkdocs_plugin/) hands in the template environment, the
page's context and its final HTML.
"""

from __future__ import annotations

import base64
import hashlib
import re
from typing import Any

from jinja2 import Environment, TemplateNotFound

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

DATA_BLOCKS = {"__config", "rf-strings", "rf-contract", "rf-templates", "rf-quick", "rf-texts"}
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


class CspError(Exception):
    """A page carries a script, a <meta http-equiv> or a <base> no template of the site emits; names the page."""


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
    """The hashes of the page's inline scripts; CspError for a script, meta refresh or base no template emits."""
    forbidden = FORBIDDEN.search(html)
    if forbidden:
        found = _excerpt(forbidden.group(0))
        raise CspError(f"{where}: the page holds {found}, which no template of the site emits")
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
        raise CspError(
            f"{where}: an inline <script> that no template of the site emits ({_excerpt(match.group(0))}); "
            "a brand text, page or question-bank text must not carry scripts"
        )
    return sorted(hashes)


def policy(hashes: list[str]) -> str:
    return "; ".join(POLICY).format(hashes=" ".join(hashes)).replace("  ", " ")


def _excerpt(text: str) -> str:
    flat = " ".join(text.split())
    return repr(flat if len(flat) <= 60 else flat[:57] + "...")


def add_policy(html: str, allowed: set[str], where: str) -> str:
    """The page with its policy in a <meta> tag right after the charset; run last, on the final HTML."""
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(checked_hashes(html, allowed, where))}">'
    return CHARSET.sub(lambda m: m.group(0) + "\n    " + meta, html, count=1)
