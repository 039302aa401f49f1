"""One site to build: brand + bank -> staged pages, template data and the engine, for any generator.

`prepare` does everything that does not depend on the generator: it reads and
validates the brand, merges its overlay into the bank (validated after the
merge), stages the pages in a folder of this build alone and knows what every
page and template needs. An adapter (the MkDocs plugin, sitekit/mkdocs_plugin/)
only hands these values to its generator's events.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assessment import get_bank
from assessment.bank.loader import load_bank
from assessment.bank.model import Bank
from assessment.errors import BankError
from assessment.render.strings import strings
from assessment.scoring.result import page_url

from . import languages as site_languages
from . import navigation
from .arithmetic import check as check_arithmetic
from .brand import ROOT, Brand, BrandError, brand_dir, check_leftovers, load_brand, upstream_pages
from .brand.assets import BANDS_FILE, REPORT_FILE, read_bands
from .cases import case_index
from .content import expand, keep_published, unlink_hidden
from .engine import Engine, build_engine
from .pages import page_values
from .reference import fill_reference
from .snapshot import Snapshot, describe, make_snapshot
from .staging import Staged, language_of, stage_docs, variant, work_folder
from .stdlib import trimmed

BRAND_ASSETS = "assets/brand/"
CASES_SECTION = "Case studies"
WORKSHOP_PAGES = {"assessment": "assessment/index.md", "team": "assessment/team.md", "compare": "assessment/compare.md"}
"""The pages a workshop moves between: the assessment, the team view and the comparison over time."""


@dataclass
class Site:
    root: Path
    brand: Brand
    bank: Bank  # the site's: upstream's with the brand's overlay merged and validated
    method: Bank  # upstream's, which the case studies are calibrated against
    staged: Staged
    work: Path
    engine: Engine | None = field(default=None)
    snapshot: tuple[Snapshot, Path] | None = field(default=None)
    bands: dict[str, Any] | None = None  # the brand's peer bands (bands.json), checked against the bank

    @property
    def languages(self) -> tuple[str, ...]:
        return self.brand.languages

    def home(self, lang: str) -> str:
        """A language's home, relative to the site's root: '' for the default, 'zh/' for another."""
        return "" if lang == self.brand.default_language else f"{lang}/"

    def page_file(self, page: str, lang: str) -> Path:
        """The staged file of `page` (an English file name such as cases/index.md) in `lang`."""
        return self.staged.docs / variant(page, lang, self.brand.default_language)

    def case_index(self, nav: list[object], lang: str) -> str:
        """The `{rf:case-index}` table: every case page the navigation lists under Case studies, in its order."""
        cases = navigation.section(nav, CASES_SECTION) or []
        pages = [p for p in navigation.pages_of(cases) if p != "cases/index.md"]
        return case_index([(p, self.page_file(p, lang)) for p in pages if self.page_file(p, lang).is_file()], lang)

    def page_markdown(self, markdown: str, source: str, lang: str, nav: list[object]) -> str:
        """A page's Markdown as the build publishes it: passages about unpublished pages dropped, tokens filled,
        the scoring reference generated. `source` is the page's path in the staged docs (e.g. 'loop.zh.md')."""
        extra = {}
        if language_of(source, site_languages.codes())[0] == "cases/index.md":
            extra["case-index"] = self.case_index(nav, lang)
        markdown = expand(
            unlink_hidden(keep_published(markdown, self.staged.pages), source, self.brand.hide),
            page_values(self.bank, source, lang, self.method, extra),
            f"docs/{source}",
        )
        check_arithmetic(markdown, f"docs/{source}")  # a worked example that does not add up stops the build
        return fill_reference(markdown, self.bank, lang)

    def workshop_links(self) -> dict[str, str | None]:
        """The workshop's pages as URLs from a language's home ('assessment/team/'); None for a page not published,
        so a brand that hides the team view or the comparison leaves no link to it behind."""
        return {name: page_url(page) if page in self.staged.pages else None for name, page in WORKSHOP_PAGES.items()}

    def build_engine(self) -> Engine:
        """The engine's wheel (in bytecode) and its trimmed standard library, checked in Node against CPython
        (sitekit/stdlib.py); SnapshotError, one line, if they do not score as CPython does."""
        if self.engine is None:
            self.engine = trimmed(build_engine(self.bank, self.work), self.bank, self.work)
        return self.engine

    def build_snapshot(self) -> tuple[Snapshot, Path]:
        """The engine's verified memory snapshot (sitekit/snapshot.py): where it goes, and the file."""
        if self.snapshot is None:
            packed = make_snapshot(self.build_engine(), self.bank)
            self.snapshot = (describe(self.build_engine(), packed), packed)
        return self.snapshot

    def template_data(self) -> dict[str, Any]:
        """What the templates read about the brand (config.extra.brand in MkDocs terms)."""
        brand = self.brand
        contact = None
        if brand.contact:
            contact = {
                "label": brand.contact.label,
                "text": brand.contact.text,
                "url": brand.contact.url,
                "qr": BRAND_ASSETS + brand.contact.qr.name if brand.contact.qr else None,
                "qr_alt": brand.contact.qr_alt,
            }
        return {
            "short_name": brand.short_name,
            "name": brand.name,
            "footer": brand.footer,
            "legal": brand.legal,
            "contact": contact,
            "storage_key": brand.storage_key,
            "logo_dark": BRAND_ASSETS + brand.logo_dark.name if brand.logo_dark else None,
            # The brand as the browser's printed report needs it, and its peer bands if it ships any (report.py).
            "report": BRAND_ASSETS + REPORT_FILE,
            "bands": BRAND_ASSETS + BANDS_FILE if self.bands is not None else None,
            # The credit for the method: from the build, on every page and the report, whatever the brand says.
            "credit": {lang: strings(lang)["credit"] for lang in brand.languages},
        }

    def close(self) -> None:
        shutil.rmtree(self.work, ignore_errors=True)


def prepare(root: Path = ROOT, folder: Path | None = None, work: Path | None = None) -> Site:
    """Read, validate, merge and stage; raise BrandError or BankError (one line naming file and field)."""
    work = work or work_folder()
    # The caller names the brand (the plugin's `brand` option, a script's $BRAND_DIR); none: the checkout's own.
    brand = load_brand(folder or brand_dir({}, root), upstream_pages(root / "docs"))
    check_leftovers(brand)
    bank = load_bank(None, brand.questions) if brand.questions else get_bank()
    bands = read_bands(brand, bank)
    staged = stage_docs(root / "docs", brand, work / "docs", site_languages.codes())
    return Site(root=root, brand=brand, bank=bank, method=get_bank(), staged=staged, work=work, bands=bands)


def check(root: Path = ROOT, folder: Path | None = None) -> str | None:
    """An error line for a brand or bank that cannot be built, or None."""
    try:
        site = prepare(root, folder)
    except (BrandError, BankError) as error:
        return f"error: {error}"
    site.close()
    return None
