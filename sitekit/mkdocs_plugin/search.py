"""The theme's search settings for a language, read from its language file as the theme's search plugin does."""

from __future__ import annotations

import re
from typing import Any

from mkdocs.config.defaults import MkDocsConfig


def search_settings(config: MkDocsConfig, lang: str) -> dict[str, Any]:
    """The separator and pipeline mkdocs-material's search uses for `lang`."""
    language = config.theme.get_env().get_template(
        "partials/language.html", None, {"config": {"theme": {"language": lang}}}
    )
    translate = getattr(language.module, "t")  # noqa: B009  (a macro of the template, unknown to mypy)
    separator = str(translate("search.config.separator"))
    pipeline = [step for step in re.split(r"\s*,\s*", str(translate("search.config.pipeline"))) if step]
    return {"separator": separator, "pipeline": pipeline}
