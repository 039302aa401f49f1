"""The languages a site can be published in: one list, the question bank's.

The bank (assessment/bank/settings.toml, `languages`) must have every text in
every language it lists, and the interface's words live beside it in
assessment/render/strings.json; tests hold the two lists equal. Everything else
derives from here: which languages a brand may choose, the generator's
language settings (names, navigation titles, palette toggle) and the search
languages. A brand picks a subset and an order; the first is the default,
published at the site's root, the others under /<code>/.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass

from assessment.bank.loader import BANK_DIR
from assessment.render.strings import strings


@dataclass(frozen=True)
class Language:
    code: str
    name: str  # in its own language, for the language switcher
    nav: dict[str, str]  # navigation titles: the English title -> this language's
    toggle: tuple[str, str]  # the palette toggle's tooltips: to dark, to light


def codes() -> tuple[str, ...]:
    """Every language the bank is written in, upstream's order."""
    settings = tomllib.loads((BANK_DIR / "settings.toml").read_text("utf-8"))
    return tuple(settings["languages"])


def language(code: str) -> Language:
    theme = strings(code, "theme")
    return Language(
        code=code,
        name=strings(code, "language")["name"],
        nav=strings(code, "nav"),
        toggle=(theme["to_dark"], theme["to_light"]),
    )
