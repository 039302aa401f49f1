"""MkDocs hook: give checklist checkboxes an accessible name.

pymdownx.tasklist renders each "- [ ] item" as a bare, disabled checkbox; a
screen reader then announces "checkbox, not checked" with no words. The item's
own text becomes the checkbox's label.
"""

from __future__ import annotations

import html
import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

TASK = re.compile(
    r'(<li class="task-list-item"><label class="task-list-control"><input type="checkbox")'
    r"(?P<rest>[^>]*>.*?</label>)(?P<text>.*?)(?=</li>|<ul|<ol)",
    re.S,
)
TAG = re.compile(r"<[^>]+>")


def _label(match: re.Match[str]) -> str:
    text = " ".join(html.unescape(TAG.sub("", match["text"])).split())
    return f'{match[1]} aria-label="{html.escape(text, quote=True)}"{match["rest"]}{match["text"]}'


def on_page_content(content: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return TASK.sub(_label, content)
