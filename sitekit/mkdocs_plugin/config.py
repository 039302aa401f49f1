"""The options of the `root-first` plugin, as mkdocs.yml sets them."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class RootFirstConfig(base.Config):  # type: ignore[no-untyped-call]  # MkDocs' __init_subclass__ is untyped
    brand = c.Optional(c.Type(str))
    """The brand folder to build, relative to mkdocs.yml. Unset or empty: a fork's brand/, else upstream's
    brands/root-first/. mkdocs.yml fills it from $BRAND_DIR, so CI and the scripts can choose."""
