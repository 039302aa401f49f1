"""The brand's colours made readable: contrast (WCAG 2.x), the theme's CSS variables, and the logo's contrast.

mkdocs-material's 'custom' palette reads CSS variables; `brand_css` writes them
for the light and the dark scheme from brand.yml, adjusting a colour just
enough where it would be too light (or dark) to read as text.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from string import Template
from typing import Protocol

BACKGROUNDS = {"light": ("default", "#ffffff"), "dark": ("slate", "#1e2129")}
"""Each scheme's name in the theme, and its page background."""

PALETTE_CSS = Template((Path(__file__).parent / "palette.css").read_text("utf-8").split("*/\n", 1)[1].rstrip("\n"))
"""One scheme's CSS variables; `brand_css` fills in the colours."""

LOGO_CONTRAST = 3.0
"""WCAG's minimum for graphics that must be seen (1.4.11): the header logo against the primary colour."""

_SVG_COLOUR = re.compile(r"""(?:fill|stroke|stop-color|color)\s*[:=]\s*["']?\s*(#[0-9a-fA-F]{3,6}\b|white|black)""")
_NAMED = {"white": "#ffffff", "black": "#000000"}


class PaletteLike(Protocol):
    @property
    def primary(self) -> str: ...
    @property
    def accent(self) -> str: ...


def _full(colour: str) -> str:
    colour = _NAMED.get(colour.lower(), colour)
    if len(colour) == 4:  # #abc
        colour = "#" + "".join(c * 2 for c in colour[1:])
    return colour.lower()


def luminance(hex_colour: str) -> float:
    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4

    colour = _full(hex_colour)
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def mix(colour: str, towards: str, amount: float) -> str:
    parts = [round(int(colour[i : i + 2], 16) * (1 - amount) + int(towards[i : i + 2], 16) * amount) for i in (1, 3, 5)]
    return "#" + "".join(f"{p:02x}" for p in parts)


def readable(colour: str, background: str, minimum: float = 4.5) -> str:
    """The brand colour, darkened or lightened just enough to read as text on `background` (WCAG AA)."""
    towards = "#000000" if luminance(background) > 0.5 else "#ffffff"
    step = 0.0
    candidate = colour
    while contrast(candidate, background) < minimum and step < 1:
        step += 0.05
        candidate = mix(colour, towards, step)
    return candidate


def on(colour: str) -> str:
    """Black or white, whichever reads better on `colour`."""
    return "#ffffff" if contrast("#ffffff", colour) >= contrast("#000000", colour) else "#000000"


def brand_css(colours: Mapping[str, PaletteLike]) -> str:
    """CSS variables for mkdocs-material's 'custom' palette, adjusted for contrast in each scheme."""
    blocks = []
    for scheme, (name, background) in BACKGROUNDS.items():
        primary, accent = colours[scheme].primary, colours[scheme].accent
        values = {
            "scheme": name,
            "primary": primary,
            "primary_light": mix(primary, "#ffffff", 0.2),
            "primary_dark": mix(primary, "#000000", 0.2),
            "on_primary": on(primary),
            "accent": accent,
            "on_accent": on(accent),
            "link": readable(primary, background),
            "accent_text": readable(accent, background),
        }
        blocks.append(PALETTE_CSS.substitute(values))
    return "/* Generated from the brand folder by sitekit/brand/colours.py: edit brand.yml, not this file. */\n" + (
        "\n".join(blocks) + "\n"
    )


def svg_colours(svg: str) -> set[str]:
    """The colours an SVG draws with (fill, stroke, gradient stops), as #rrggbb."""
    return {_full(match) for match in _SVG_COLOUR.findall(svg)}


def logo_contrast(logo: Path, background: str) -> float | None:
    """The best contrast any of the logo's colours reaches on `background`; None when it cannot be read (not SVG)."""
    if logo.suffix.lower() != ".svg":
        return None
    # An SVG that names no colour draws in its default, black.
    colours = svg_colours(logo.read_text("utf-8", errors="replace")) or {"#000000"}
    return max(contrast(colour, background) for colour in colours)
