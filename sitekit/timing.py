"""How long the assessment takes: estimated from what a respondent reads and the figures they look up.

The estimate is a range, stated on the home page and the assessment page, and
recomputed at every build from the bank, so adding questions updates it.
"""

from __future__ import annotations

import math
import re
import tomllib
from collections.abc import Collection
from pathlib import Path

from assessment.model import Bank

SETTINGS = Path(__file__).parent / "data" / "timing.toml"
_WORD = re.compile(r"[A-Za-z0-9]+(?:['’-][A-Za-z0-9]+)*")
_HAN = re.compile(r"[\u4e00-\u9fff]")


def reading_units(text: str, lang: str) -> int:
    """Words for English; Chinese characters plus Latin words for Chinese."""
    if lang == "zh":
        return len(_HAN.findall(text)) + len(_WORD.findall(text))
    return len(_WORD.findall(text))


def minutes(bank: Bank, lang: str, settings: Path = SETTINGS, only: Collection[str] | None = None) -> tuple[int, int]:
    """(low, high) minutes to read every question and option once and look up every figure.

    `only` limits the questions to a subset (the quick check); the profile is always asked.
    """
    config = tomllib.loads(settings.read_text("utf-8"))
    questions = [q for q in bank.questions if only is None or q.id in only]
    texts = [d.text[lang] for d in bank.dimensions] + [o.label[lang] for d in bank.dimensions for o in d.options]
    texts += [q.text[lang] for q in questions] + [o.label[lang] for q in questions for o in q.options]
    reading = sum(reading_units(t, lang) for t in texts) / config["reading_rate"][lang]
    figures = sum(1 for q in questions if q.role != "practice")
    fast, slow = config["lookup_minutes"]
    step = config["round_to"]
    low = max(step, math.floor((reading + figures * fast) / step) * step)
    high = max(low + step, math.ceil((reading + figures * slow) / step) * step)
    return low, high
