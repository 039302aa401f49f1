"""The `root-first` plugin's events: the build's `Site` on `self`, its values handed to MkDocs.

State is one `Site` per build, held by the plugin. mkdocs-static-i18n re-runs the
events for each language with the same configuration object, and `serve` keeps
the plugin across rebuilds (it has `on_startup`), so `on_config` closes the
previous build's folder. Early events run at the default priority, after the
theme's and the i18n plugin's; the late ones (the CSP on the final HTML, the
search split, the offline list) run after every other plugin, by priority.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal, cast

from jinja2 import Environment
from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from assessment.bank.markup import to_html, to_markdown
from assessment.bank.quick import load_quick
from assessment.errors import BankError
from assessment.render.export import answer_contract, export_bank, workshop_texts
from assessment.render.strings import strings

from .. import a11y, csp, navigation, search_index, theme
from ..brand import BrandError
from ..brand.assets import write_report_files
from ..brand.colours import brand_css
from ..content import ContentError, bank_values
from ..engine import PYODIDE_DIR, EngineError, publish_engine, runtime_info, vendor_pyodide
from ..modules import ModuleError, page_modules
from ..offline import MANIFEST, SERVICE_WORKER, write_manifest, write_offline
from ..site import BRAND_ASSETS, Site, prepare
from ..snapshot import SnapshotError, publish_snapshot
from ..templates import files as template_files
from ..templates import for_actions
from .config import RootFirstConfig
from .i18n import configure_languages
from .search import search_settings

WORKSHOP_TEMPLATES = ("assessment.html", "team.html", "compare.html")
"""The assessment and the views a workshop adds to it: each reads answers, so each gets the contract."""


class RootFirstPlugin(BasePlugin[RootFirstConfig]):  # type: ignore[no-untyped-call]  # MkDocs' __init_subclass__ is untyped
    def __init__(self) -> None:
        self.current: Site | None = None
        self.env: Environment | None = None
        # The CSP allows the inline scripts the templates emit in the context of the page being written:
        # MkDocs builds pages one at a time, context first, then HTML.
        self.page_context: dict[str, Any] | None = None
        self.template_context: dict[str, Any] | None = None

    @property
    def site(self) -> Site:
        if self.current is None:
            raise PluginError("the root-first plugin's configuration event has not run")
        return self.current

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        """Present so MkDocs keeps this plugin across `serve` rebuilds (and on_config can close the last build)."""

    # -- Configuration -------------------------------------------------------------------------------

    @event_priority(50)  # before mkdocs-static-i18n (-100), which reads the languages set here
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        previous = self.current
        if previous is not None and Path(config.docs_dir) == previous.staged.docs:
            return config  # the same build, the next language
        if previous is not None:
            previous.close()  # `serve` rebuilt: the previous build's folder goes
            self.current = None
        root = Path(config.config_file_path).parent
        try:
            self.current = site = prepare(root, (root / self.config.brand) if self.config.brand else None)
        except (BrandError, BankError) as error:
            raise PluginError(f"Configuration error: {error}") from None
        try:
            # Made here, not after the build: the pages name the engine and the snapshot by their content.
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
        config.nav = navigation.with_entries(navigation.without(config.nav or [], set(brand.hide)), list(brand.nav))
        configure_languages(config, site)
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

    # -- Files, templates and pages ------------------------------------------------------------------

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        """The downloadable templates (CSV), generated from data and published like the theme's assets."""
        out = self.site.work / "templates"
        for src_uri, content in template_files(list(self.site.languages)).items():
            target = out / src_uri
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
            files.append(File.generated(config, src_uri, abs_src_path=str(target)))
        return files

    def _add_filters(self, env: Environment, /, *, config: MkDocsConfig, files: Files) -> Environment:
        """Bank and brand texts in templates: `rf_text` for HTML, `rf_markdown` for generated Markdown."""
        env.filters["rf_text"] = lambda text: Markup(to_html(str(text)))
        env.filters["rf_markdown"] = lambda text: to_markdown(str(text))
        return env

    @event_priority(-200)
    def _keep_env(self, env: Environment, /, *, config: MkDocsConfig, files: Files) -> Environment:
        self.env = env
        return env

    on_env = CombinedEvent(_add_filters, _keep_env)

    def on_page_markdown(self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        try:
            return self.site.page_markdown(markdown, page.file.src_uri, config.theme["language"], config.nav or [])
        except ContentError as error:
            raise PluginError(str(error)) from None

    def _workshop_context(
        self, context: dict[str, Any], /, *, page: Page, config: MkDocsConfig, nav: Any
    ) -> dict[str, Any]:
        template = page.meta.get("template")
        if template not in WORKSHOP_TEMPLATES:
            return context
        site, lang = self.site, config.theme["language"]
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

    @event_priority(-200)
    def _keep_page_context(
        self, context: dict[str, Any], /, *, page: Page, config: MkDocsConfig, nav: Any
    ) -> dict[str, Any]:
        self.page_context = context
        return context

    on_page_context = CombinedEvent(_workshop_context, _keep_page_context)

    def on_page_content(self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        return a11y.label_tasks(html)

    def _fix_theme(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        output = a11y.label_search(output)
        output = theme.drop_language_alternates(output)
        return theme.search_from_language_home(output, self.site.home(config.theme["language"]))

    @event_priority(-200)  # last, so the hashes match the HTML as it is written
    def _page_policy(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        return self._with_policy(output, self.page_context, config, f"docs/{page.file.src_uri}")

    on_post_page = CombinedEvent(_fix_theme, _page_policy)

    def on_template_context(
        self, context: TemplateContext, /, *, template_name: str, config: MkDocsConfig
    ) -> TemplateContext:
        self.template_context = cast(dict[str, Any], context)
        return context

    @event_priority(-200)
    def on_post_template(self, output_content: str, /, *, template_name: str, config: MkDocsConfig) -> str:
        """Pages built from a theme template alone (404.html) get the same policy and check."""
        if not template_name.endswith(".html"):
            return output_content
        return self._with_policy(output_content, self.template_context, config, template_name)

    def _with_policy(self, output: str, context: dict[str, Any] | None, config: MkDocsConfig, where: str) -> str:
        env = self.env or config.theme.get_env()
        features = list(config.theme.get("features") or [])
        try:
            allowed = csp.template_scripts(env, context or {"config": config}, features)
            return csp.add_policy(output, allowed, where)
        except csp.CspError as error:
            raise PluginError(str(error)) from None

    # -- After the build -----------------------------------------------------------------------------

    def _publish_assets(self, *, config: MkDocsConfig) -> None:
        """Shared assets once, at the site's root, written by the default language's build."""
        if not getattr(config.plugins.get("i18n"), "is_default_language_build", True):
            return
        site, root = self.site, Path(config.site_dir)
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

    @event_priority(-150)  # after mkdocs-static-i18n has built every language and rebuilt the index
    def _finish_site(self, *, config: MkDocsConfig) -> None:
        i18n = config.plugins.get("i18n")
        if i18n is None or getattr(i18n, "building", False):
            return  # an inner per-language build: the index is not final yet
        site = self.site
        others = [lang for lang in site.languages if lang != site.brand.default_language]
        settings = {lang: search_settings(config, lang) for lang in others}
        search_index.split_index(search_index.find_index(Path(config.site_dir)), others, settings)
        # The service worker's list is read from the finished assessment pages of every language.
        snapshot, _ = site.build_snapshot()
        write_offline(Path(config.site_dir), site.build_engine(), snapshot.url, site.bank.version, site.languages)

    on_post_build = CombinedEvent(_publish_assets, _finish_site)

    def on_shutdown(self) -> None:
        if self.current is not None:
            self.current.close()
            self.current = None
