"""A brand folder (brand.yml, logo, pages, question overlay) read into one typed, validated value.

A consultant's fork changes only its brand folder. Upstream's own brand lives in
brands/root-first/, out of the way: a fork puts its brand in brand/ (or names
any folder with BRAND_DIR), so upstream can edit its brand and a fork can merge
that without a conflict.

Every problem raises `BrandError` with one line naming the file and the field.
Nothing here imports a site generator: the MkDocs adapter and scripts/build.py
both call `load_brand`.
"""

from __future__ import annotations

import os
import re
from collections.abc import Collection, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from assessment.bank.markup import html_found
from assessment.render.brand import BANDS_FILE

from .. import languages as site_languages
from .colours import LOGO_CONTRAST, logo_contrast
from .errors import BrandError, excerpt, shown
from .model import Brand, Contact, NavEntry, Palette, Text
from .urls import contact_url_problem, upstream_pages, url_problem
from .yamlfile import read_yaml

ROOT = Path(__file__).resolve().parents[2]
UPSTREAM_BRAND = ROOT / "brands" / "root-first"
FORK_BRAND = ROOT / "brand"
EXAMPLES = ROOT / "examples"
COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
SNIPPET = re.compile(rb"-+8<-+")
THEME_UNSAFE = re.compile(r'[<>"]')
IMAGE_TYPES = (".svg", ".png", ".jpg", ".jpeg", ".webp", ".ico")
SCHEMES = ("light", "dark")
FIELDS = (
    "name",
    "short_name",
    "description",
    "logo",
    "logo_dark",
    "favicon",
    "colors",
    "contact",
    "footer",
    "legal",
    "languages",
    "site_url",
    "pages",
    "nav",
    "hide",
    "replace",
    "questions",
)
CONTACT_FIELDS = ("label", "text", "url", "qr", "qr_alt")
NAV_FIELDS = ("file", "title", "section")


def brand_dir(environ: Mapping[str, str] = os.environ, root: Path = ROOT) -> Path:
    """The brand to build: $BRAND_DIR, else a fork's brand/, else upstream's brands/root-first/."""
    chosen = environ.get("BRAND_DIR")
    if chosen:
        return Path(chosen).resolve()
    fork = root / FORK_BRAND.relative_to(ROOT)
    return (fork if (fork / "brand.yml").is_file() else root / UPSTREAM_BRAND.relative_to(ROOT)).resolve()


class _Reader:
    """brand.yml being read: knows the file, the folder and the languages, and names the field in every error."""

    def __init__(self, folder: Path, data: dict[str, Any], languages: tuple[str, ...]) -> None:
        self.folder = folder
        self.shown = shown(folder / "brand.yml")
        self.data = data
        self.languages = languages

    def error(self, field: str | None, message: str) -> BrandError:
        return BrandError(self.shown, field, message)

    def only(self, value: Mapping[Any, Any], allowed: Collection[str], where: str | None) -> None:
        """Every key of `value` is one of `allowed`; the first that is not is named with its full path."""
        for key in value:
            if key not in allowed:
                field = f"{where}.{key}" if where else str(key)
                raise self.error(field, f"unknown field (known here: {', '.join(allowed)})")

    def text(self, key: str, value: Any = None, required: bool = True, theme: bool = False) -> Text:
        """A text per language: plain text (no HTML; `code` between backticks is allowed).

        `theme`: the theme prints it without escaping (the site name, navigation
        titles), so it may not hold < > or " at all.
        """
        value = self.data.get(key) if value is None else value
        if value is None and not required:
            return {}
        if isinstance(value, str):
            value = {lang: value for lang in self.languages}
        if not isinstance(value, dict):
            raise self.error(key, "must be a text per language, e.g. {en: ..., zh: ...}")
        self.only(value, site_languages.codes(), key)
        for lang in self.languages:
            if not isinstance(value.get(lang), str) or not value[lang].strip():
                raise self.error(f"{key}.{lang}", "missing text for a published language")
        for lang, item in value.items():
            if not isinstance(item, str):
                raise self.error(f"{key}.{lang}", "must be a text")
            tag = html_found(item)
            if tag is not None:
                message = f"contains HTML ({tag!r}): brand texts are plain text; put code between backticks"
                raise self.error(f"{key}.{lang}", message)
            if theme and THEME_UNSAFE.search(item):
                message = 'may not contain <, > or " (the theme prints it as it is, in attributes too)'
                raise self.error(f"{key}.{lang}", message)
        return {lang: text.strip() for lang, text in value.items() if isinstance(text, str)}

    def file(self, key: str, value: Any) -> Path:
        if not isinstance(value, str) or not value:
            raise self.error(key, "must be a file name inside the brand folder")
        target = (self.folder / value).resolve()
        if self.folder not in target.parents:
            raise self.error(key, f"must stay inside the brand folder, got {excerpt(value)}")
        if not target.is_file():
            raise self.error(key, f"file not found: {shown(target)}")
        return target

    def image(self, key: str, value: Any) -> Path:
        target = self.file(key, value)
        if target.suffix.lower() not in IMAGE_TYPES:
            raise self.error(key, f"must be an image ({', '.join(IMAGE_TYPES)}), got {target.name}")
        return target

    def page_list(self, key: str, known: Collection[str], what: str) -> tuple[str, ...]:
        value = self.data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.error(key, "must be a list of page files, e.g. [guide/fork-and-brand.md]")
        for index, page in enumerate(value):
            if page not in known:
                example = "pages are named like about.md or cases/index.md"
                raise self.error(f"{key}[{index}]", f"{what}: {page!r} ({example})")
        return tuple(value)


def load_brand(folder: Path | None = None, upstream: Collection[str] | None = None) -> Brand:
    """Read and validate a brand folder against upstream's pages; raise BrandError naming the file and field."""
    folder = (folder or brand_dir()).resolve()
    data = read_yaml(folder / "brand.yml")
    known_pages = upstream_pages() if upstream is None else upstream
    probe = _Reader(folder, data, site_languages.codes())
    probe.only(data, FIELDS, None)
    reader = _Reader(folder, data, _languages(probe))
    pages = _pages(reader)
    brand = Brand(
        folder=folder,
        name=reader.text("name", theme=True),
        short_name=_short_name(reader),
        description=reader.text("description"),
        logo=reader.image("logo", data.get("logo")),
        logo_dark=reader.image("logo_dark", data["logo_dark"]) if "logo_dark" in data else None,
        favicon=reader.image("favicon", data.get("favicon")),
        colors=_colours(reader),
        footer=reader.text("footer"),
        legal=reader.text("legal"),
        languages=reader.languages,
        site_url=_site_url(reader),
        pages=pages,
        hide=reader.page_list("hide", known_pages, "no such upstream page"),
        replace=reader.page_list("replace", known_pages, "no such upstream page"),
        questions=reader.file("questions", data["questions"]) if "questions" in data else None,
    )
    own = set(_english(brand.page_files()))
    for index, page in enumerate(brand.replace):
        if page not in own:
            raise reader.error(f"replace[{index}]", f"the brand's pages folder has no {page!r} to replace it with")
    published = (set(known_pages) - set(brand.hide)) | own
    brand = _with(brand, nav=_nav(reader, brand), contact=_contact(reader, published))
    _check_logo(reader, brand)
    return brand


def _with(brand: Brand, **changes: Any) -> Brand:
    return replace(brand, **changes)


def _english(files: list[str]) -> list[str]:
    codes = site_languages.codes()
    names = []
    for file in files:
        parts = file.split(".")
        if file.endswith(".md") and not (len(parts) >= 3 and parts[-2] in codes):
            names.append(file)
    return names


def _languages(reader: _Reader) -> tuple[str, ...]:
    known = site_languages.codes()
    value = reader.data.get("languages", list(known))
    if (
        not isinstance(value, list)
        or not value
        or any(lang not in known for lang in value)
        or len(set(value)) != len(value)
    ):
        raise reader.error(
            "languages",
            f"must list languages out of {', '.join(known)}, each once; the first is the default, at the site root",
        )
    return tuple(value)


def _short_name(reader: _Reader) -> str:
    value = reader.data.get("short_name")
    if not isinstance(value, str) or not value.strip():
        raise reader.error("short_name", "must be a non-empty string")
    return value.strip()


def _colours(reader: _Reader) -> dict[str, Palette]:
    colours = reader.data.get("colors")
    if not isinstance(colours, dict):
        raise reader.error("colors", "must have a 'light' and a 'dark' entry")
    reader.only(colours, SCHEMES, "colors")
    palettes = {}
    for scheme in SCHEMES:
        pair = colours.get(scheme)
        if not isinstance(pair, dict):
            raise reader.error(f"colors.{scheme}", "must have a 'primary' and an 'accent' colour")
        reader.only(pair, ("primary", "accent"), f"colors.{scheme}")
        for role in ("primary", "accent"):
            value = pair.get(role)
            if not isinstance(value, str) or not COLOUR.match(value):
                raise reader.error(f"colors.{scheme}.{role}", f"must be a colour like '#1b6b57', got {excerpt(value)}")
        palettes[scheme] = Palette(pair["primary"], pair["accent"])
    return palettes


def _site_url(reader: _Reader) -> str | None:
    value = reader.data.get("site_url")
    if value is None:
        return None
    problem = url_problem(value, site_pages=False)
    if problem is None and not str(value).lower().startswith(("https://", "http://")):
        problem = "must be an http(s) address"
    if problem is None and (urlsplit(value).query or urlsplit(value).fragment):
        problem = "must be the site's address, without '?' or '#'"
    if problem:
        raise reader.error("site_url", f"{problem}, got {excerpt(value)}")
    return str(value)


def _pages(reader: _Reader) -> Path | None:
    if "pages" not in reader.data:
        return None
    value = reader.data["pages"]
    target = (reader.folder / str(value)).resolve() if isinstance(value, str) else None
    if target is None or not target.is_dir() or reader.folder not in (target, *target.parents):
        raise reader.error("pages", f"must be a folder inside the brand folder, got {excerpt(value)}")
    _check_pages(reader, target)
    return target


def _check_pages(reader: _Reader, pages: Path) -> None:
    """Brand pages stay inside the brand folder and include nothing from outside it.

    A symbolic link out of the folder would publish any file of the machine, and a
    pymdownx.snippets line ('--8<-- "file"') any file of the repository (.git/config).
    """
    for root, dirs, files in os.walk(pages):
        for name in sorted(dirs + files):
            entry = Path(root) / name
            where = entry.relative_to(pages).as_posix()
            if entry.is_symlink() and reader.folder not in entry.resolve().parents:
                raise reader.error(
                    "pages", f"{where}: is a symbolic link to outside the brand folder; copy the file in"
                )
            if name in files and entry.suffix == ".md" and SNIPPET.search(entry.read_bytes()):
                message = "includes another file ('--8<--'): brand pages may not include files; paste the text in"
                raise BrandError(shown(entry), None, message)


def _nav(reader: _Reader, brand: Brand) -> tuple[NavEntry, ...]:
    value = reader.data.get("nav", [])
    if not isinstance(value, list):
        raise reader.error("nav", "must be a list of {file, title, section}")
    entries = []
    for index, entry in enumerate(value):
        where = f"nav[{index}]"
        if not isinstance(entry, dict) or "file" not in entry:
            raise reader.error(where, "must have a file, a title and optionally a section")
        reader.only(entry, NAV_FIELDS, where)
        page = (brand.pages / str(entry["file"])).resolve() if brand.pages else None
        if (
            page is None
            or brand.pages is None
            or not isinstance(entry["file"], str)
            or not entry["file"].endswith(".md")
            or brand.pages not in page.parents
            or not page.is_file()
        ):
            message = f"no such page in the brand's pages folder: {excerpt(entry['file'])}"
            raise reader.error(f"{where}.file", message)
        section = entry.get("section")
        if section is not None and not isinstance(section, str):
            raise reader.error(f"{where}.section", "must name a section of the navigation, e.g. Case studies")
        entries.append(
            NavEntry(str(entry["file"]), reader.text(f"{where}.title", entry.get("title"), theme=True), section)
        )
    return tuple(entries)


def _contact(reader: _Reader, published: Collection[str]) -> Contact | None:
    value = reader.data.get("contact")
    if value is None:
        return None
    if not isinstance(value, dict):
        raise reader.error("contact", "must have a label, a text and a url or a qr image")
    reader.only(value, CONTACT_FIELDS, "contact")
    url = value.get("url")
    if url is not None:
        problem = contact_url_problem(url, published)
        if problem:
            raise reader.error("contact.url", f"{problem}, got {excerpt(url)}")
    if url is None and "qr" not in value:
        raise reader.error("contact", "needs a url, a qr image, or both")
    return Contact(
        label=reader.text("contact.label", value.get("label")),
        text=reader.text("contact.text", value.get("text")),
        url=url,
        qr=reader.image("contact.qr", value["qr"]) if "qr" in value else None,
        qr_alt=reader.text("contact.qr_alt", value.get("qr_alt")) if "qr" in value else {},
    )


def _check_logo(reader: _Reader, brand: Brand) -> None:
    """The header draws the logo on the primary colour of each scheme: it must stand out on both."""
    for scheme, key, logo in (("light", "logo", brand.logo), ("dark", "logo_dark", brand.logo_dark or brand.logo)):
        ratio = logo_contrast(logo, brand.colors[scheme].primary)
        if ratio is None or ratio >= LOGO_CONTRAST:
            continue
        field = key if key == "logo" or brand.logo_dark else "logo"
        hint = "" if brand.logo_dark or scheme == "light" else "; add a logo_dark drawn for the dark scheme"
        raise reader.error(
            field,
            f"{logo.name} has a contrast of {ratio:.1f}:1 against the {scheme} primary colour "
            f"{brand.colors[scheme].primary}, below {LOGO_CONTRAST:g}:1{hint}",
        )


def _example_copies(brand: Brand, examples: Path, pattern: str) -> set[bytes]:
    """The contents of the files matching `pattern` in every example brand but one of the brand's own name."""
    copies = set()
    for example in (folder for folder in examples.glob("*") if (folder / "brand.yml").is_file()):
        if read_yaml(example / "brand.yml").get("name") == brand.name:
            continue
        copies |= {p.read_bytes() for p in example.glob(pattern) if p.is_file()}
    return copies


def leftover_example_pages(brand: Brand, examples: Path = EXAMPLES) -> list[str]:
    """The brand's pages that are still, byte for byte, pages of an example brand it was copied from.

    Only for a brand of its own (another name than the example's): building the
    example itself, or a copy of it, publishes its pages on purpose.
    """
    if brand.pages is None:
        return []
    copies = _example_copies(brand, examples, "pages/**/*")
    return [name for name in brand.page_files() if (brand.pages / name).read_bytes() in copies]


def check_leftovers(brand: Brand, examples: Path = EXAMPLES) -> None:
    leftovers = leftover_example_pages(brand, examples)
    if leftovers:
        page = brand.pages / leftovers[0] if brand.pages else brand.folder
        raise BrandError(
            shown(page), None, "is the example brand's page, unchanged: delete it (and its nav entry) or write your own"
        )
    # The example's peer bands are made up: a brand of its own would compare its clients with fictional companies.
    bands = brand.folder / BANDS_FILE
    if bands.is_file() and bands.read_bytes() in _example_copies(brand, examples, BANDS_FILE):
        raise BrandError(
            shown(bands),
            None,
            "is the example brand's made-up peer bands: delete it, or write your own from your clients' scores "
            "(python -m assessment bands)",
        )
