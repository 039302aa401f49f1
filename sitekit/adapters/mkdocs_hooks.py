"""The MkDocs adapter: hands the build package's values to MkDocs' events, and nothing else.

mkdocs.yml loads this file and mkdocs_final.py (the events that must run after
every plugin) as hooks. All the work is in sitekit (no MkDocs
import there): `sitekit.site.prepare` reads the brand, merges the bank and
stages the pages; the functions below only place those values where MkDocs,
mkdocs-material and mkdocs-static-i18n look for them. Another generator
(Zensical, MkDocs 2) gets an adapter of its own over the same calls; see
ARCHITECTURE.md.

State lives in one `Site` value per build (sitekit.adapters.current), not in
globals handed from one hook file to the next in an order set by mkdocs.yml.
mkdocs-static-i18n re-runs the events for each language with the same
configuration object, and `serve` re-runs them after every change.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # MkDocs loads a hook by its path; the package lives beside mkdocs.yml
    sys.path.insert(0, str(ROOT))

from jinja2 import Environment  # noqa: E402
from markupsafe import Markup, escape  # noqa: E402
from mkdocs.config.defaults import MkDocsConfig  # noqa: E402
from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.plugins import event_priority  # noqa: E402
from mkdocs.structure.files import File, Files  # noqa: E402
from mkdocs.structure.pages import Page  # noqa: E402

import sitekit.adapters as state  # noqa: E402
from assessment.bank.markup import to_html, to_markdown  # noqa: E402
from assessment.bank.quick import load_quick  # noqa: E402
from assessment.errors import BankError  # noqa: E402
from assessment.render.export import answer_contract, export_bank, workshop_texts  # noqa: E402
from assessment.render.strings import strings  # noqa: E402
from sitekit import a11y, navigation, theme  # noqa: E402
from sitekit import languages as site_languages  # noqa: E402
from sitekit.brand import BrandError  # noqa: E402
from sitekit.brand.assets import write_report_files  # noqa: E402
from sitekit.brand.colours import brand_css  # noqa: E402
from sitekit.content import ContentError, bank_values  # noqa: E402
from sitekit.engine import (  # noqa: E402
    PYODIDE_DIR,
    EngineError,
    publish_engine,
    runtime_info,
    vendor_pyodide,
)
from sitekit.modules import ModuleError, page_modules  # noqa: E402
from sitekit.offline import MANIFEST, SERVICE_WORKER, write_manifest  # noqa: E402
from sitekit.site import BRAND_ASSETS, Site, prepare  # noqa: E402
from sitekit.snapshot import SnapshotError, publish_snapshot  # noqa: E402
from sitekit.templates import files as template_files  # noqa: E402
from sitekit.templates import for_actions  # noqa: E402


def _i18n(config: MkDocsConfig) -> Any:
    return config.plugins.get("i18n")


# -- Configuration -----------------------------------------------------------------------------------


@event_priority(50)  # before mkdocs-static-i18n (-100), which reads the languages set here
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    previous = state.current
    if previous is not None and Path(config.docs_dir) == previous.staged.docs:
        return config  # the same build, the next language
    if previous is not None:
        previous.close()  # `serve` rebuilt: the previous build's folder goes
    try:
        state.current = site = prepare(Path(config.config_file_path).parent)
    except (BrandError, BankError) as error:
        raise PluginError(f"Configuration error: {error}") from None
    try:
        # Made here, not after the build: the pages name the engine's files and the snapshot by their content.
        engine = site.build_engine()
        snapshot, _ = site.build_snapshot()
    except SnapshotError as error:
        raise PluginError(f"Engine runtime: {error}") from None
    brand = site.brand
    default = brand.default_language
    config.docs_dir = str(site.staged.docs)
    config.site_name = brand.name[default]
    # The theme prints the description into an attribute without escaping (MkDocs' Jinja does not autoescape).
    config.site_description = str(escape(brand.description[default]))
    if brand.site_url:
        config.site_url = brand.site_url
    config.theme["language"] = default
    config.theme["logo"] = BRAND_ASSETS + brand.logo.name
    config.theme["favicon"] = BRAND_ASSETS + brand.favicon.name
    config.extra_css.append(BRAND_ASSETS + "brand.css")
    config.nav = navigation.with_entries(navigation.without(config.nav or [], set(brand.hide)), [e for e in brand.nav])
    _configure_languages(config, site)
    config.extra["brand"] = site.template_data()
    config.extra["assessment"] = {
        "bank_version": site.bank.version,
        "wheel": engine.url,
        "stdlib": engine.stdlib_url,
        "runtime": runtime_info(),
        "pyodide": PYODIDE_DIR + "/",
        "snapshot": snapshot.url,
        "snapshot_sha256": snapshot.sha256,
        "service_worker": SERVICE_WORKER,
        "manifest": MANIFEST,
    }
    return config


def _configure_languages(config: MkDocsConfig, site: Site) -> None:
    """mkdocs-static-i18n's languages, from the one list (sitekit/languages.py) and the brand's choice."""
    from mkdocs_static_i18n.config import I18nPluginLanguage

    i18n = _i18n(config)
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


# -- Files and pages ---------------------------------------------------------------------------------


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """The downloadable templates (CSV), generated from data and published like the theme's assets."""
    site = state.site()
    out = site.work / "templates"
    for src_uri, content in template_files(list(site.languages)).items():
        target = out / src_uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
        files.append(File.generated(config, src_uri, abs_src_path=str(target)))
    return files


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    """Bank and brand texts in templates: `rf_text` for HTML, `rf_markdown` for generated Markdown."""
    env.filters["rf_text"] = lambda text: Markup(to_html(str(text)))
    env.filters["rf_markdown"] = lambda text: to_markdown(str(text))
    return env


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    try:
        return state.site().page_markdown(markdown, page.file.src_uri, config.theme["language"], config.nav or [])
    except ContentError as error:
        raise PluginError(str(error)) from None


WORKSHOP_TEMPLATES = ("assessment.html", "team.html", "compare.html")
"""The assessment and the views a workshop adds to it: each reads answers, so each gets the contract."""


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Any) -> dict[str, Any]:
    template = page.meta.get("template")
    if template not in WORKSHOP_TEMPLATES:
        return context
    site, lang = state.site(), config.theme["language"]
    try:
        context["page_modules"] = page_modules(template.replace(".html", ".js"))
    except ModuleError as error:
        raise PluginError(str(error)) from None
    context["ui"] = strings(lang)
    context["contract"] = answer_contract(site.bank, lang)
    context["workshop"] = site.workshop_links()
    if template != "assessment.html":
        context["texts"] = workshop_texts(site.bank, lang)
        return context
    context["bank"] = export_bank(site.bank, lang)
    context["templates"] = for_actions(lang, {a.id for a in site.bank.actions})
    quick = load_quick(site.bank)
    # A list of pairs, not an object: Jinja's tojson sorts keys, and the first set is the default.
    context["quick"] = {"by": quick.by, "sets": [[k, list(v)] for k, v in quick.sets.items()]}
    values = bank_values(site.bank, lang)
    context["quick_count"], context["quick_minutes"] = values["quick-questions"], values["quick-minutes"]
    return context


def on_page_content(content: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return a11y.label_tasks(content)


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    output = a11y.label_search(output)
    output = theme.drop_language_alternates(output)
    return theme.search_from_language_home(output, state.site().home(config.theme["language"]))


# -- After the build ---------------------------------------------------------------------------------


def on_post_build(config: MkDocsConfig) -> None:
    """Shared assets once, at the site's root, written by the default language's build."""
    i18n = _i18n(config)
    if not getattr(i18n, "is_default_language_build", True):
        return
    site = state.site()
    root = Path(config.site_dir)
    try:
        vendor_pyodide(root)
    except EngineError as error:
        raise PluginError(str(error)) from None
    publish_engine(root, site.build_engine(), site.bank)
    snapshot, packed = site.build_snapshot()
    publish_snapshot(root, snapshot, packed)
    brand = site.brand
    assets = root / BRAND_ASSETS
    assets.mkdir(parents=True, exist_ok=True)
    for path in (brand.logo, brand.logo_dark, brand.favicon, brand.contact.qr if brand.contact else None):
        if path is not None:
            (assets / path.name).write_bytes(path.read_bytes())
    (assets / "brand.css").write_text(brand_css(brand.colors), "utf-8")
    write_manifest(root, brand, [assets / brand.favicon.name, assets / brand.logo.name])
    write_report_files(assets, brand, site.bands)


def on_shutdown() -> None:
    if state.current is not None:
        state.current.close()
