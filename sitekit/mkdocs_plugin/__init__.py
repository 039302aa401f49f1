"""The MkDocs plugin `root-first` (mkdocs.yml, plugins:): hands the build package's values to MkDocs' events.

All the work is in sitekit (no MkDocs import there); this package only places
those values where MkDocs, mkdocs-material and mkdocs-static-i18n look for them.
`config.py` declares the plugin's options, `plugin.py` its events, `i18n.py` the
languages it sets on mkdocs-static-i18n, `search.py` the theme's search settings
per language. Another generator gets an adapter of its own over the same calls
(ARCHITECTURE.md).
"""
