"""Overrides extend the installed theme; they never freeze a copy of it.

A copied block goes stale silently when the theme changes: the old main.html
named the search worker by its hashed file name (search.<hash>.min.js), which
each Material release renames. These tests read the installed theme, so they
fail on the theme update that would break an override, not in a visitor's
browser.
"""

from __future__ import annotations

import re
from pathlib import Path

import material
import pytest

ROOT = Path(__file__).resolve().parents[1]
OVERRIDES = ROOT / "overrides"
THEME = Path(material.__file__).parent / "templates"
TEMPLATES = sorted(OVERRIDES.rglob("*.html"))
BLOCK = re.compile(r"\{%-?\s*block\s+(\w+)\s*-?%\}(.*?)\{%-?\s*endblock", re.S)
ASSET = re.compile(r"""['"](assets/[^'"{}\s]+)['"]""")
SLOT = re.compile(r"\{%-?\s*block\s+(\w+)\s*-?%\}\s*\{%-?\s*endblock")
EXTENDS = re.compile(r"""\{%-?\s*extends\s+["']([^"']+)["']""")
HASHED = re.compile(r"\.[0-9a-f]{8}\.min\.(?:js|css)\b")
GENERATED = ("assets/brand/", "assets/engine/", "assets/pyodide/", "assets/templates/")
"""Folders the build writes (sitekit/mkdocs_plugin/plugin.py), not files of a theme or of overrides/."""


def theme_blocks(name: str) -> dict[str, str]:
    return {block: body for block, body in BLOCK.findall((THEME / name).read_text("utf-8"))}


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: str(p.relative_to(OVERRIDES)))
def test_no_override_names_a_hashed_theme_asset(template: Path) -> None:
    assert not HASHED.search(template.read_text("utf-8"))


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: str(p.relative_to(OVERRIDES)))
def test_every_asset_an_override_names_exists(template: Path) -> None:
    for asset in ASSET.findall(template.read_text("utf-8")):
        if asset.startswith(GENERATED):
            continue
        assert (OVERRIDES / asset).exists() or (THEME / asset).exists(), (
            f"{asset} is in neither overrides/ nor the theme"
        )


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: str(p.relative_to(OVERRIDES)))
def test_a_block_either_extends_the_themes_or_fills_one_the_theme_leaves_empty(template: Path) -> None:
    text = template.read_text("utf-8")
    if "{% extends" not in text:
        return
    theme = theme_blocks("base.html") | theme_blocks("main.html")
    # A template of ours may declare a slot of its own (engine-page.html's engine_content) for the pages extending it.
    parent = EXTENDS.search(text)
    ours = OVERRIDES / parent.group(1) if parent else None
    slots = set(SLOT.findall(ours.read_text("utf-8"))) if ours and ours.is_file() else set()
    for block, body in BLOCK.findall(text):
        if "super()" in body or block in slots - set(theme):
            continue
        assert block in theme, f"{block}: not a block of the theme"
        assert not theme[block].strip(), f"{block} replaces a theme block with content: extend it with super() instead"


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: str(p.relative_to(OVERRIDES)))
def test_a_partial_of_the_same_name_is_not_a_copy_of_the_themes(template: Path) -> None:
    theirs = THEME / template.relative_to(OVERRIDES)
    if not theirs.is_file():
        return
    meaningful = lambda text: [line.strip() for line in text.splitlines() if len(line.strip()) > 12]  # noqa: E731
    ours, original = meaningful(template.read_text("utf-8")), meaningful(theirs.read_text("utf-8"))
    runs = [ours[i : i + 3] for i in range(len(ours) - 2)]
    copied = [run for run in runs if any(original[j : j + 3] == run for j in range(len(original) - 2))]
    assert not copied, f"lines copied from the theme's {theirs.name}: {copied[0]}"


def test_the_check_would_catch_the_old_copy() -> None:
    """The copied config block of the previous main.html, as a regression sample."""
    old = '"search": "assets/javascripts/workers/search.a7633da7.min.js" | url,'
    assert HASHED.search(old)
    assert "config" in theme_blocks("base.html") and theme_blocks("base.html")["config"].strip()
