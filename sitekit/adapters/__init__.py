"""Adapters from a site generator's events to the build package.

`mkdocs_hooks.py` and `mkdocs_final.py` are MkDocs hook files (mkdocs.yml,
`hooks:`); they share the one `Site` of the build in progress through this
module, which Python imports once, whichever file MkDocs loads first.
"""

from __future__ import annotations

from sitekit.site import Site

current: Site | None = None
"""The site being built, set by the generator's configuration event."""


def site() -> Site:
    assert current is not None, "the adapter's configuration event has not run"
    return current
