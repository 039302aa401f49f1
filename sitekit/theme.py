"""Two corrections to the theme's finished pages, made on the HTML instead of copying theme blocks.

Copying a block of the theme's base.html into overrides/ freezes it: the copy
named the search worker by its hashed file name (search.<hash>.min.js), which
the next theme release renames. These functions change only what must change,
in the theme's own output, so a theme update keeps working:

- `drop_language_alternates`: the per-page `<link rel="alternate" hreflang>`
  tags. With per-page alternates (mkdocs-static-i18n) the theme's script fetches
  "<that link>/sitemap.xml" for each of them, a 404 on every page. Language
  alternates stay in the root sitemap.xml.
- `search_from_language_home`: the theme's configuration gets "base" pointing at
  the current language's home, so each language searches its own index
  (search_index.py) and English queries never list Chinese pages.
"""

from __future__ import annotations

import json
import re

ALTERNATE = re.compile(r'\s*<link rel="alternate" href="[^"]*" hreflang="[^"]*">')
CONFIG = re.compile(r'(<script id="__config" type="application/json">)(?P<json>.*?)(</script>)', re.S)
BASE = re.compile(r'"base":\s*(?P<value>"(?:[^"\\]|\\.)*")')


def drop_language_alternates(html: str) -> str:
    return ALTERNATE.sub("", html)


def search_from_language_home(html: str, home: str) -> str:
    """Point the theme's "base" at `home` ('' for the default language, 'zh/' for Chinese ...)."""
    if not home:
        return html

    def rebase(match: re.Match[str]) -> str:
        base = json.loads(match["value"])
        value = json.dumps(f"{base}/{home}" if base else home)
        return f'"base": {value}'

    return CONFIG.sub(lambda m: m.group(1) + BASE.sub(rebase, m["json"], count=1) + m.group(3), html, count=1)
