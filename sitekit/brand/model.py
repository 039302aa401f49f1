"""A brand as the build uses it: typed, frozen values, read and checked by load.py."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .storage import storage_key

Text = dict[str, str]


@dataclass(frozen=True)
class Palette:
    primary: str
    accent: str


@dataclass(frozen=True)
class Contact:
    label: Text
    text: Text
    url: str | None
    qr: Path | None
    qr_alt: Text


@dataclass(frozen=True)
class NavEntry:
    file: str
    title: Text
    section: str | None


@dataclass(frozen=True)
class Brand:
    folder: Path
    name: Text
    short_name: str
    description: Text
    logo: Path
    logo_dark: Path | None
    favicon: Path
    colors: dict[str, Palette]  # "light" and "dark"
    footer: Text
    legal: Text
    languages: tuple[str, ...]  # the first is the default, published at the site's root
    contact: Contact | None = None
    site_url: str | None = None
    pages: Path | None = None
    nav: tuple[NavEntry, ...] = ()
    hide: tuple[str, ...] = ()  # upstream pages (docs/ paths, English file names) not published
    replace: tuple[str, ...] = ()  # upstream pages the brand's own page of the same path replaces
    questions: Path | None = None

    @property
    def default_language(self) -> str:
        return self.languages[0]

    @property
    def storage_key(self) -> str:
        """Where the assessment saves answers in the browser (localStorage).

        One key per site: the brand's short name, and, when site_url is set, a
        fingerprint of its host and path. Two forks with the same short name on one
        origin (user.github.io/a/ and user.github.io/b/) then keep their answers
        apart. They can still read each other's storage: only separate origins
        isolate it (ARCHITECTURE.md, "Hosting"). The rule is in storage.py.
        """
        return storage_key(self.short_name, self.site_url)

    def page_files(self) -> list[str]:
        """The brand's own pages, as paths under its pages folder (page.md and page.zh.md alike)."""
        if self.pages is None:
            return []
        return sorted(p.relative_to(self.pages).as_posix() for p in self.pages.rglob("*") if p.is_file())
