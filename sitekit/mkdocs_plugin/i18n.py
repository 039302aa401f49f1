"""mkdocs-static-i18n's languages, from the one list (sitekit/languages.py) and the brand's choice."""

from __future__ import annotations

from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from .. import languages as site_languages
from .. import navigation
from ..site import Site


def configure_languages(config: MkDocsConfig, site: Site) -> None:
    from mkdocs_static_i18n.config import I18nPluginLanguage

    i18n = config.plugins.get("i18n")
    if i18n is None:
        raise PluginError("mkdocs.yml must enable the i18n plugin (mkdocs-static-i18n)")
    brand = site.brand
    languages = []
    for code in (*brand.languages, *(c for c in site_languages.codes() if c not in brand.languages)):
        language = site_languages.language(code)
        entry = I18nPluginLanguage()
        entry.load_dict(
            {
                "locale": code,
                "name": language.name,
                "default": code == brand.default_language,
                "build": code in brand.languages,
                "link": "/" + site.home(code),
                "site_name": brand.name.get(code, brand.name[brand.default_language]),
                "site_description": str(escape(brand.description.get(code, brand.description[brand.default_language]))),
                "nav_translations": navigation.translations(code, language.nav, brand.nav),
                "theme": {
                    "palette": [{"toggle": {"name": language.toggle[0]}}, {"toggle": {"name": language.toggle[1]}}]
                },
            }
        )
        failed, _ = entry.validate()
        if failed:
            raise PluginError(f"language {code}: {failed}")
        languages.append(entry)
    i18n.config.languages = languages
