"""The build package: site build logic as plain, importable Python, no site generator imported.

Brand + bank -> staged pages, page values, template data and the engine wheel
(see ARCHITECTURE.md). Each module has one job and is unit-tested without a
site build; sitekit/mkdocs_plugin/ is the thin MkDocs plugin, and an adapter for
another generator would sit beside them.
"""
