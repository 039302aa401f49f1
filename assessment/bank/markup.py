"""Bank and brand texts are plain text, with one piece of markup: `code` between backticks.

They reach HTML templates, generated Markdown (the "How scoring works" page) and
the browser, so they are never trusted as markup. Validation refuses raw HTML
(`html_found`); templates render the texts through `to_html` or `to_markdown`,
which escape everything and turn a backtick span into <code>. A text such as
"put the product name in each listing's `<title>`" then shows as written, and
"<1%" stays "<1%".
"""

from __future__ import annotations

import html
import re

CODE_SPAN = re.compile(r"`([^`\n]+)`")
TAG_START = re.compile(r"<[A-Za-z!/?]")
_TAG = re.compile(r"<[!/?]?[A-Za-z0-9-]{0,12}")

# Characters with a meaning in Markdown or its extensions here (emphasis, links, attribute lists,
# tables, emoji, HTML, escapes), written as numeric entities so they only ever show as themselves.
_MARKDOWN = set("\\`*_{}[]()<>&|\"'~^:!#=+-")


def html_found(text: str) -> str | None:
    """The start of the first HTML tag outside `code` spans (e.g. '<script'), or None.

    A '<' is markup only when a letter, '/', '!' or '?' follows it, so '<1%' or
    'a < b' are text; `<title>` between backticks is code and allowed.
    """
    bare = CODE_SPAN.sub("", text)
    found = TAG_START.search(bare)
    if found is None:
        return None
    tag = _TAG.match(bare, found.start())
    return tag.group(0) if tag else found.group(0)


def to_html(text: str) -> str:
    """The text as HTML: everything escaped, a `code` span as <code>."""
    parts = CODE_SPAN.split(text)
    return "".join(
        f"<code>{html.escape(part)}</code>" if index % 2 else html.escape(part) for index, part in enumerate(parts)
    )


def _entities(text: str) -> str:
    return "".join(f"&#{ord(c)};" if c in _MARKDOWN else c for c in text)


def to_markdown(text: str) -> str:
    """The text for a line of Markdown: no character of it can form Markdown or HTML.

    Markdown and HTML characters become numeric entities (the page shows them as
    written), white space runs become one space, and a leading digit is an entity
    too, so the text never starts a list, a heading, a quote or a code block. A
    `code` span becomes <code>, its content escaped the same way.
    """
    lead = " " if text[:1].isspace() else ""
    parts = CODE_SPAN.split(" ".join(text.split()))
    body = "".join(
        f"<code>{_entities(part)}</code>" if index % 2 else _entities(part) for index, part in enumerate(parts)
    )
    if body[:1].isdigit():
        body = f"&#{ord(body[0])};" + body[1:]
    return lead + body
