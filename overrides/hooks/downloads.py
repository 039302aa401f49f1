"""MkDocs hook: the downloadable templates, generated from data (sitekit/templates.py).

The CSV files are written under .build/templates/ and join the site's files like
the theme's own assets (outside docs/, so the i18n plugin publishes them once,
at the site's root), and a page's link to a template is checked like any other
link in the strict build.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from sitekit.templates import files as template_files

OUT = Path(__file__).resolve().parents[2] / ".build" / "templates"


def on_files(files: Files, config: MkDocsConfig) -> Files:
    i18n = config.plugins.get("i18n")
    languages = [lang.locale for lang in i18n.config.languages] if i18n else [config.theme["language"]]
    for src_uri, content in template_files(languages).items():
        target = OUT / src_uri
        target.parent.mkdir(parents=True, exist_ok=True)
        if not target.is_file() or target.read_bytes() != content:
            target.write_bytes(content)
        files.append(File.generated(config, src_uri, abs_src_path=str(target)))
    return files
