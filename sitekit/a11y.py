"""Accessible names where the generated markup has none.

- pymdownx.tasklist renders each "- [ ] item" as a bare, disabled checkbox; a
  screen reader then announces "checkbox, not checked" with no words. The
  item's own text becomes the checkbox's label.
- The theme's search is a role="dialog" without a name; it gets the (already
  translated) label of its own search field.
"""

from __future__ import annotations

import html
import re

TASK = re.compile(
    r'(<li class="task-list-item"><label class="task-list-control"><input type="checkbox")'
    r"(?P<rest>[^>]*>.*?</label>)(?P<text>.*?)(?=</li>|<ul|<ol)",
    re.S,
)
TAG = re.compile(r"<[^>]+>")
SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog"'
SEARCH_LABEL = re.compile(r'class="md-search__input"[^>]*?aria-label="([^"]*)"')


def _label(match: re.Match[str]) -> str:
    text = " ".join(html.unescape(TAG.sub("", match["text"])).split())
    return f'{match[1]} aria-label="{html.escape(text, quote=True)}"{match["rest"]}{match["text"]}'


def label_tasks(content: str) -> str:
    """A page's rendered Markdown with every task-list checkbox named by its item's text."""
    return TASK.sub(_label, content)


def label_search(output: str) -> str:
    """A final page with the theme's search dialog named by its search field's label."""
    label = SEARCH_LABEL.search(output)
    if label and SEARCH_DIALOG in output:
        output = output.replace(SEARCH_DIALOG, f'{SEARCH_DIALOG} aria-label="{label[1]}"', 1)
    return output
