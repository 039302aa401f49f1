"""A fork-shaped brand: what a consultant's brand/ looks like after following the guide, in its hardest form.

The example brand (its own case study, contact, an added question, a hidden question, peer bands), changed
the ways the guide allows and the suite once failed on: Chinese first (Chinese at the site's root, English
under /en/), the unit-economics calculator hidden beside the consultant guides, and a health threshold of
70 with the levels that go with it. tests/test_fork.py builds it in this checkout and runs the site and
browser tests against it; `python tests/forkbrand.py brand` writes it as a fork's brand/, to try by hand.
"""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

from raised_threshold import LEVELS, THRESHOLD

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "acme-brand"
LANGUAGES = ("zh", "en")
HIDDEN_PAGE = "unit-economics.md"
"""The calculator: an upstream page a consultant may leave out."""


def make_fork_brand(folder: Path) -> Path:
    shutil.copytree(EXAMPLE, folder)
    brand = folder / "brand.yml"
    text = brand.read_text("utf-8").replace("languages: [en, zh]", f"languages: [{', '.join(LANGUAGES)}]")
    text = text.replace("hide: [guide/fork-and-brand.md, ", f"hide: [{HIDDEN_PAGE}, guide/fork-and-brand.md, ")
    assert HIDDEN_PAGE in text and "languages: [zh, en]" in text, "the example brand changed: update this fork"
    brand.write_text(text, "utf-8")
    overlay = folder / "questions.toml"
    text = re.sub(r"health_threshold = \d+", f"health_threshold = {THRESHOLD}", overlay.read_text("utf-8"))
    text = re.sub(r"\n\[\[levels\]\].*?(?=\n# Exporters)", "\n" + LEVELS + "\n", text, flags=re.S)
    assert f"min = {THRESHOLD}" in text, "the example overlay changed: update this fork"
    overlay.write_text(text, "utf-8")
    return folder


if __name__ == "__main__":
    make_fork_brand(Path(sys.argv[1]))
