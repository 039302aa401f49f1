"""The loop page's examples of the root-first rule, worked out from the site's bank.

sitekit/data/root-examples.toml writes each score from the bank's health
threshold `t` and root step `s` ("t - 12", "t - s - 10"). Here every score is
worked out for this site's bank, and the root is found by the engine's rule
(assessment/scoring/root.py). A row whose root differs from the one its text explains
raises `ExampleError`, so a page can never show an example the rule
contradicts, whatever threshold a brand chooses.

Tokens: `{rf:root-examples}` (the table's rows), `{rf:fryer:<pillar>}` and
`{rf:fryer-after:<pillar>}` (the worked example's scores).
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from assessment.bank.model import PILLAR_IDS, Bank
from assessment.render.strings import strings
from assessment.scoring.root import find_root

from .figures import evaluate

EXAMPLES = Path(__file__).parent / "data" / "root-examples.toml"


class ExampleError(Exception):
    """An example whose root, under this bank's rules, is not the one its text explains."""


def scores(formulas: list[str], bank: Bank) -> list[int]:
    """Each score worked out from the bank's threshold and root step, as a whole number from 0 to 100."""
    names = {"t": bank.scoring.health_threshold, "s": bank.scoring.root_step}
    return [max(0, min(100, round(evaluate(formula, names)))) for formula in formulas]


def root_of(values: list[int], bank: Bank) -> str:
    return find_root(list(zip(PILLAR_IDS, values, strict=True)), (), bank.scoring).pillar or "none"


def _checked(formulas: list[str], expected: str, bank: Bank, where: str) -> list[int]:
    values = scores(formulas, bank)
    found = root_of(values, bank)
    if found != expected:
        raise ExampleError(
            f"{EXAMPLES.name}, {where}: scores {values} have the root {found!r} under threshold "
            f"{bank.health_threshold:g} and step {bank.scoring.root_step:g}, not {expected!r}"
        )
    return values


def root_example_values(bank: Bank, lang: str, path: Path = EXAMPLES) -> dict[str, str]:
    data: dict[str, Any] = tomllib.loads(path.read_text("utf-8"))
    rows = []
    for index, rule in enumerate(data["rules"]):
        values = _checked(rule["scores"], rule["root"], bank, f"rules[{index}]")
        why = rule["why"][lang]
        if rule["root"] == "none":
            verdict = why
        else:
            pillar = bank.pillar(rule["root"])
            name = f"**{pillar.letter} {pillar.name[lang]}**"
            verdict = name + (strings(lang, "punctuation")["colon"] + why if why else "")
        rows.append("| " + " | ".join([*map(str, values), verdict]) + " |")
    fryer = data["fryer"]
    before = _checked(fryer["before"], fryer["before_root"], bank, "fryer.before")
    after = _checked(fryer["after"], fryer["after_root"], bank, "fryer.after")
    tokens = {"root-examples": "\n".join(rows)}
    tokens |= {f"fryer:{pillar}": str(score) for pillar, score in zip(PILLAR_IDS, before, strict=True)}
    tokens |= {f"fryer-after:{pillar}": str(score) for pillar, score in zip(PILLAR_IDS, after, strict=True)}
    return tokens
