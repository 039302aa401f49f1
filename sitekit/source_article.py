"""The source article's citation (title, author, date), from sitekit/data/source-article.toml.

`{rf:source-article}` on the About page and the loop page cites the article the model comes
from; it never quotes it.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

SOURCE = Path(__file__).parent / "data" / "source-article.toml"


def source_values(lang: str, path: Path = SOURCE) -> dict[str, str]:
    data = tomllib.loads(path.read_text("utf-8"))
    fields = {key: value for key, value in data.items() if key != "citation"}
    return {"source-article": data["citation"][lang].format(**fields)}
