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

import hashlib
import os
import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from assessment.bank.files import NotRegularFile, read_limited
from assessment.bank.markup import html_found
from assessment.render.brand import BANDS_FILE

from .. import languages as site_languages
from .colours import LOGO_CONTRAST, logo_contrast

ROOT = Path(__file__).resolve().parents[2]
UPSTREAM_BRAND = ROOT / "brands" / "root-first"
FORK_BRAND = ROOT / "brand"
EXAMPLES = ROOT / "examples"
COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
URL_SCHEMES = ("mailto:", "tel:", "https://", "http://")
MAX_BRAND_BYTES = 256 * 1024
# Characters no brand URL needs and an attribute or a path trick does: white space, quotes, angle
# brackets, backslashes (browsers read "/\\host" as "//host"), backticks, control characters.
URL_FORBIDDEN = re.compile(r"[\s\"'<>\\`\x00-\x1f\x7f]")
HOST = re.compile(r"^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*$")
MAILTO = re.compile(r"^mailto:[a-z0-9.!#$%&*+/=?^_{|}~-]+@[a-z0-9.-]+(?:\?[a-z0-9=&%._~+-]*)?$", re.I)
TEL = re.compile(r"^tel:\+?[0-9][0-9().-]*$", re.I)
SITE_PAGE = re.compile(r"^(?:[a-z0-9_~-][a-z0-9._~-]*/)*(?:[a-z0-9_~-][a-z0-9._~-]*)?(?:#[a-z0-9_-]+)?$", re.I)
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

Text = dict[str, str]


class BrandError(Exception):
    """A brand folder problem, naming the file and the field."""

    def __init__(self, file: Path | str, field: str | None, message: str) -> None:
        self.file, self.field = str(file), field
        super().__init__(f"{file}{f', field {field!r}' if field else ''}: {message}")


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
        isolate it (see the README on hosting).
        """
        key = "rf-" + (re.sub(r"[^a-z0-9]+", "-", self.short_name.lower()).strip("-") or "site")
        if self.site_url:
            parts = urlsplit(self.site_url)
            site = f"{parts.netloc.lower()}{parts.path.rstrip('/')}"
            key += "-" + hashlib.sha256(site.encode("utf-8")).hexdigest()[:8]
        return key

    def page_files(self) -> list[str]:
        """The brand's own pages, as paths under its pages folder (page.md and page.zh.md alike)."""
        if self.pages is None:
            return []
        return sorted(p.relative_to(self.pages).as_posix() for p in self.pages.rglob("*") if p.is_file())


def brand_dir(environ: Mapping[str, str] = os.environ, root: Path = ROOT) -> Path:
    """The brand to build: $BRAND_DIR, else a fork's brand/, else upstream's brands/root-first/."""
    chosen = environ.get("BRAND_DIR")
    if chosen:
        return Path(chosen).resolve()
    fork = root / FORK_BRAND.relative_to(ROOT)
    return (fork if (fork / "brand.yml").is_file() else root / UPSTREAM_BRAND.relative_to(ROOT)).resolve()


def shown(path: Path) -> str:
    """A path as a message shows it: relative to the working folder where it can be."""
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def excerpt(value: Any) -> str:
    """A value quoted in a message: at most 40 printable characters of a text, or what kind of value it is."""
    if isinstance(value, str):
        text = "".join(c if c.isprintable() else "?" for c in value[:40])
        return repr(text + ("..." if len(value) > 40 else ""))
    if value is None or isinstance(value, bool):
        return repr(value)
    if isinstance(value, (int, float)):
        return "a number"
    return "a list" if isinstance(value, list) else "a mapping" if isinstance(value, dict) else "another kind of value"


def url_problem(url: Any, site_pages: bool = True) -> str | None:
    """Why a URL from the brand file is refused, or None.

    Allowed: https:// and http:// with a host name (no user name), mailto: with an
    address, tel: with a number, and (where `site_pages`) a page of this site as a
    relative path such as 'assessment/'. Refused: every other scheme, scheme-relative
    '//host' and '/\\host' forms, '..' and a leading '/', and any character an
    attribute or a path trick needs (quotes, angle brackets, backslashes, spaces).
    """
    if not isinstance(url, str) or not url:
        return "must be a non-empty text"
    if URL_FORBIDDEN.search(url):
        return "may not contain spaces, quotes, angle brackets, backslashes, backticks or control characters"
    if url.startswith("/"):
        return "a page of this site is written without a leading '/' (e.g. 'assessment/'); '//' leads off the site"
    lowered = url.lower()
    if lowered.startswith(("https://", "http://")):
        parts = urlsplit(url)
        try:
            parts.port  # noqa: B018 (raises ValueError for a port that is not a number)
        except ValueError:
            return "has a port that is not a number"
        if "@" in parts.netloc or not parts.hostname or not HOST.match(parts.hostname):
            return "must name a host, like https://example.com/ (and no user name)"
        return None
    if lowered.startswith("mailto:"):
        return None if MAILTO.match(url) else "must be mailto: and an address, like mailto:hello@example.com"
    if lowered.startswith("tel:"):
        return None if TEL.match(url) else "must be tel: and a number, like tel:+86-10-5555-0100"
    if site_pages and SITE_PAGE.match(url):
        return None
    allowed = ", ".join(URL_SCHEMES) + (" or a page of this site (e.g. 'assessment/')" if site_pages else "")
    return f"must start with {allowed}"


def upstream_pages(docs: Path = ROOT / "docs") -> frozenset[str]:
    """Upstream's pages as a brand names them: docs/ paths of the English files (page.md, not page.zh.md)."""
    codes = site_languages.codes()
    found = set()
    for page in docs.rglob("*.md"):
        relative = page.relative_to(docs).as_posix()
        parts = relative.split(".")
        if len(parts) >= 3 and parts[-2] in codes:
            relative = ".".join(parts[:-2]) + ".md"
        found.add(relative)
    return frozenset(found)


def pages_for_url(url: str) -> tuple[str, ...]:
    """The page files a site-relative URL such as 'assessment/' or 'about/#licence' can be built from."""
    path = url.split("#", 1)[0].split("?", 1)[0].strip("/")
    if not path:
        return ("index.md",)
    return (f"{path}.md", f"{path}/index.md")


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


class _NoAliases(yaml.SafeLoader):  # type: ignore[misc]
    """yaml.safe_load without anchors and aliases: a brand file never needs them, and they allow
    'billion laughs' (a few lines that expand to gigabytes)."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
            raise yaml.MarkedYAMLError(
                problem="anchors and aliases (& and *) are not allowed", problem_mark=event.start_mark
            )
        return super().compose_node(parent, index)


def _yaml_problem(error: yaml.YAMLError) -> str:
    """A YAML error in one short line: where, and what (never the file's text around it)."""
    if isinstance(error, yaml.MarkedYAMLError) and error.problem_mark is not None:
        mark = error.problem_mark
        what = error.problem or error.context or "invalid"
        text = f"line {mark.line + 1}, column {mark.column + 1}: {what}"
    else:
        text = (str(error).splitlines() or ["invalid"])[0]
    text = "".join(c if c.isprintable() else "?" for c in text)
    return text if len(text) <= 120 else text[:117] + "..."


def read_yaml(path: Path) -> dict[str, Any]:
    """brand.yml as a mapping, or one line saying why not (size-limited, UTF-8, no aliases)."""
    file = shown(path)
    try:
        raw = read_limited(path, MAX_BRAND_BYTES)
    except FileNotFoundError:
        raise BrandError(file, None, "not found (a brand folder needs a brand.yml)") from None
    except NotRegularFile as exc:
        raise BrandError(file, None, str(exc)) from None
    except OSError as exc:
        raise BrandError(file, None, f"cannot be read ({exc.strerror})") from None
    if len(raw) > MAX_BRAND_BYTES:
        raise BrandError(file, None, f"is too large (more than {MAX_BRAND_BYTES // 1024} KB)")
    try:
        data = yaml.load(raw.decode("utf-8"), Loader=_NoAliases)  # a SafeLoader, without aliases
    except UnicodeDecodeError:
        raise BrandError(file, None, "is not UTF-8 text") from None
    except yaml.YAMLError as exc:
        raise BrandError(file, None, f"is not valid YAML: {_yaml_problem(exc)}") from None
    except RecursionError:
        raise BrandError(file, None, "is not valid YAML: nested too deeply") from None
    if not isinstance(data, dict):
        raise BrandError(file, None, "must be a mapping of fields")
    return data


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


def contact_url_problem(url: Any, published: Collection[str]) -> str | None:
    """Why a contact URL would break the call-to-action, or None.

    It must be an address (mailto:, tel:, http(s)://) or a page this site
    publishes, written as its URL ('assessment/', 'about/#licence'): anything
    else ('hello@example.com', 'www.example.com', text) would become a link to
    a page that does not exist, on every page of the site.
    """
    problem = url_problem(url)
    if problem or str(url).lower().startswith(URL_SCHEMES):
        return problem
    if any(page in published for page in pages_for_url(str(url))):
        return None
    return (
        f"is neither an address ({', '.join(URL_SCHEMES)}) nor a page of this site "
        "(a page is written as its address, e.g. 'assessment/')"
    )


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
