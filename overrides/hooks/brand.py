"""MkDocs hook: apply the brand folder (brand/brand.yml) to the whole site.

A consultant's fork changes only its brand folder; this hook turns it into the
site name, logo, favicon, colours, contact call-to-action, footer, published
languages, extra pages and question-bank overlay. The folder is chosen with the
BRAND_DIR environment variable (default: brand/ beside mkdocs.yml).

Also importable as a library: `load_brand(folder)` validates without building
(scripts/build.py uses it to fail with exit status 2 before anything is built).
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from assessment.files import NotRegularFile, read_limited
from assessment.markup import html_found

ROOT = Path(__file__).resolve().parents[2]
LANGUAGES = ("en", "zh")
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
FIELDS = {
    "name",
    "short_name",
    "description",
    "logo",
    "favicon",
    "colors",
    "contact",
    "footer",
    "legal",
    "languages",
    "site_url",
    "pages",
    "nav",
    "questions",
}
IMAGE_TYPES = (".svg", ".png", ".jpg", ".jpeg", ".webp", ".ico")
ASSETS = "assets/brand/"


class BrandError(Exception):
    """A brand folder problem, naming the file and the field."""

    def __init__(self, file: Path | str, field: str | None, message: str) -> None:
        self.file, self.field = str(file), field
        super().__init__(f"{file}{f', field {field!r}' if field else ''}: {message}")


@dataclass
class Brand:
    folder: Path
    name: dict[str, str]
    short_name: str
    description: dict[str, str]
    logo: Path
    favicon: Path
    colors: dict[str, dict[str, str]]
    footer: dict[str, str]
    legal: dict[str, str]
    languages: list[str]
    contact: dict[str, Any] | None = None
    site_url: str | None = None
    pages: Path | None = None
    nav: list[dict[str, Any]] = field(default_factory=list)
    questions: Path | None = None

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


def brand_dir() -> Path:
    return Path(os.environ.get("BRAND_DIR") or ROOT / "brand").resolve()


def _shown(path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _excerpt(value: Any) -> str:
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


class _BrandLoader(yaml.SafeLoader):
    """yaml.safe_load without anchors and aliases: a brand file never needs them, and they make
    'billion laughs' (a few lines that expand to gigabytes) possible."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
            raise yaml.MarkedYAMLError(
                problem="anchors and aliases (& and *) are not allowed in brand.yml", problem_mark=event.start_mark
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


def _read_brand_file(path: Path, shown: str) -> Any:
    try:
        raw = read_limited(path, MAX_BRAND_BYTES)
    except FileNotFoundError:
        raise BrandError(shown, None, "not found (a brand folder needs a brand.yml)") from None
    except NotRegularFile as exc:
        raise BrandError(shown, None, str(exc)) from None
    except OSError as exc:
        raise BrandError(shown, None, f"cannot be read ({exc.strerror})") from None
    if len(raw) > MAX_BRAND_BYTES:
        raise BrandError(shown, None, f"is too large (more than {MAX_BRAND_BYTES // 1024} KB)")
    try:
        return yaml.load(raw.decode("utf-8"), Loader=_BrandLoader)  # a SafeLoader, without aliases
    except UnicodeDecodeError:
        raise BrandError(shown, None, "is not UTF-8 text") from None
    except yaml.YAMLError as exc:
        raise BrandError(shown, None, f"is not valid YAML: {_yaml_problem(exc)}") from None
    except RecursionError:
        raise BrandError(shown, None, "is not valid YAML: nested too deeply") from None


def _check_pages(folder: Path, pages: Path) -> None:
    """Brand pages stay inside the brand folder and include nothing from outside it.

    A symbolic link out of the folder would publish any file of the machine, and a
    pymdownx.snippets line ('--8<-- "file"') any file of the repository (.git/config).
    """
    for root, dirs, files in os.walk(pages):
        for name in sorted(dirs + files):
            entry = Path(root) / name
            where = entry.relative_to(pages).as_posix()
            if entry.is_symlink() and folder not in entry.resolve().parents:
                message = f"{where}: is a symbolic link to outside the brand folder; copy the file in instead"
                raise BrandError(_shown(folder / "brand.yml"), "pages", message)
            if name in files and entry.suffix == ".md" and SNIPPET.search(entry.read_bytes()):
                message = "includes another file ('--8<--'): brand pages may not include files; paste the text in"
                raise BrandError(_shown(entry), None, message)


def load_brand(folder: Path | None = None) -> Brand:
    """Read and validate a brand folder; raise BrandError naming the file and field."""
    folder = (folder or brand_dir()).resolve()
    path = folder / "brand.yml"
    shown = _shown(path)
    data = _read_brand_file(path, shown)
    if not isinstance(data, dict):
        raise BrandError(shown, None, "must be a mapping of fields")
    unknown = sorted(str(key) for key in set(data) - FIELDS)
    if unknown:
        raise BrandError(shown, unknown[0], f"unknown field (known fields: {', '.join(sorted(FIELDS))})")

    def text(key: str, value: Any = None, required: bool = True, theme: bool = False) -> dict[str, str]:
        """A text per language: plain text (no HTML; `code` between backticks is allowed).

        `theme`: the theme prints it without escaping (the site name, navigation
        titles), so it may not hold < > or " at all.
        """
        value = data.get(key) if value is None else value
        if value is None and not required:
            return {}
        if isinstance(value, str):
            value = {lang: value for lang in languages}
        if not isinstance(value, dict):
            raise BrandError(shown, key, "must be a text per language, e.g. {en: ..., zh: ...}")
        for lang in languages:
            if not isinstance(value.get(lang), str) or not value[lang].strip():
                raise BrandError(shown, f"{key}.{lang}", "missing text for a published language")
        extra = sorted(str(lang) for lang in set(value) - set(LANGUAGES))
        if extra:
            raise BrandError(shown, f"{key}.{extra[0]}", f"unknown language (known: {', '.join(LANGUAGES)})")
        for lang, item in value.items():
            if not isinstance(item, str):
                raise BrandError(shown, f"{key}.{lang}", "must be a text")
            tag = html_found(item)
            if tag is not None:
                message = f"contains HTML ({tag!r}): brand texts are plain text; put code between backticks"
                raise BrandError(shown, f"{key}.{lang}", message)
            if theme and THEME_UNSAFE.search(item):
                message = 'may not contain <, > or " (the theme prints it as it is, in attributes too)'
                raise BrandError(shown, f"{key}.{lang}", message)
        return {lang: value[lang].strip() for lang in value}

    def file(key: str, value: Any) -> Path:
        if not isinstance(value, str) or not value:
            raise BrandError(shown, key, "must be a file name inside the brand folder")
        target = (folder / value).resolve()
        if folder not in target.parents:
            raise BrandError(shown, key, f"must stay inside the brand folder, got {_excerpt(value)}")
        if not target.is_file():
            raise BrandError(shown, key, f"file not found: {_shown(target)}")
        return target

    def image(key: str, value: Any) -> Path:
        target = file(key, value)
        if target.suffix.lower() not in IMAGE_TYPES:
            raise BrandError(shown, key, f"must be an image ({', '.join(IMAGE_TYPES)}), got {target.name}")
        return target

    languages = data.get("languages", list(LANGUAGES))
    if not isinstance(languages, list) or any(lang not in LANGUAGES for lang in languages) or "en" not in languages:
        # English pages (page.md) are the site's default language, built at its root.
        message = "must be [en, zh] or [en]: English is the default language at the site root"
        raise BrandError(shown, "languages", message)

    colors = data.get("colors")
    if not isinstance(colors, dict) or set(colors) != {"light", "dark"}:
        raise BrandError(shown, "colors", "must have a 'light' and a 'dark' entry")
    for scheme, pair in colors.items():
        if not isinstance(pair, dict) or set(pair) != {"primary", "accent"}:
            raise BrandError(shown, f"colors.{scheme}", "must have exactly 'primary' and 'accent'")
        for role, value in pair.items():
            if not isinstance(value, str) or not COLOUR.match(value):
                message = f"must be a colour like '#1b6b57', got {_excerpt(value)}"
                raise BrandError(shown, f"colors.{scheme}.{role}", message)

    short_name = data.get("short_name")
    if not isinstance(short_name, str) or not short_name.strip():
        raise BrandError(shown, "short_name", "must be a non-empty string")

    brand = Brand(
        folder=folder,
        name=text("name", theme=True),
        short_name=short_name.strip(),
        description=text("description"),
        logo=image("logo", data.get("logo")),
        favicon=image("favicon", data.get("favicon")),
        colors=colors,
        footer=text("footer"),
        legal=text("legal"),
        languages=languages,
    )
    contact = data.get("contact")
    if contact is not None:
        if not isinstance(contact, dict) or set(contact) - {"label", "text", "url", "qr", "qr_alt"}:
            raise BrandError(shown, "contact", "may only have label, text, url, qr and qr_alt")
        url = contact.get("url")
        problem = None if url is None else url_problem(url)
        if problem:
            raise BrandError(shown, "contact.url", f"{problem}, got {_excerpt(url)}")
        if url is None and "qr" not in contact:
            raise BrandError(shown, "contact", "needs a url, a qr image, or both")
        brand.contact = {
            "label": text("contact.label", contact.get("label")),
            "text": text("contact.text", contact.get("text")),
            "url": url,
            "qr": image("contact.qr", contact["qr"]) if "qr" in contact else None,
            "qr_alt": text("contact.qr_alt", contact.get("qr_alt")) if "qr" in contact else {},
        }
    site_url = data.get("site_url")
    if site_url is not None:
        problem = url_problem(site_url, site_pages=False)
        if problem is None and not str(site_url).lower().startswith(("https://", "http://")):
            problem = "must be an http(s) address"
        if problem is None and (urlsplit(site_url).query or urlsplit(site_url).fragment):
            problem = "must be the site's address, without '?' or '#'"
        if problem:
            raise BrandError(shown, "site_url", f"{problem}, got {_excerpt(site_url)}")
    brand.site_url = site_url
    if "pages" in data:
        pages = data["pages"]
        target = (folder / str(pages)).resolve() if isinstance(pages, str) else None
        if target is None or not target.is_dir() or folder not in (target, *target.parents):
            raise BrandError(shown, "pages", f"must be a folder inside the brand folder, got {_excerpt(pages)}")
        _check_pages(folder, target)
        brand.pages = target
    nav = data.get("nav", [])
    if not isinstance(nav, list):
        raise BrandError(shown, "nav", "must be a list of {file, title, section}")
    for index, entry in enumerate(nav):
        where = f"nav[{index}]"
        if not isinstance(entry, dict) or set(entry) - {"file", "title", "section"} or "file" not in entry:
            raise BrandError(shown, where, "must have a file, a title and optionally a section")
        page = (brand.pages / str(entry["file"])).resolve() if brand.pages else None
        if (
            page is None
            or not isinstance(entry["file"], str)
            or not entry["file"].endswith(".md")
            or brand.pages not in page.parents
            or not page.is_file()
        ):
            message = f"no such page in the brand's pages folder: {_excerpt(entry['file'])}"
            raise BrandError(shown, f"{where}.file", message)
        if entry.get("section") is not None and not isinstance(entry["section"], str):
            raise BrandError(shown, f"{where}.section", "must name a section of the navigation, e.g. Case studies")
        brand.nav.append(
            {
                "file": entry["file"],
                "title": text(f"{where}.title", entry.get("title"), theme=True),
                "section": entry.get("section"),
            }
        )
    if "questions" in data:
        brand.questions = file("questions", data["questions"])
    return brand


# -- Colours ---------------------------------------------------------------


def _luminance(hex_colour: str) -> float:
    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: str, b: str) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def _mix(colour: str, towards: str, amount: float) -> str:
    parts = [round(int(colour[i : i + 2], 16) * (1 - amount) + int(towards[i : i + 2], 16) * amount) for i in (1, 3, 5)]
    return "#" + "".join(f"{p:02x}" for p in parts)


def readable(colour: str, background: str, minimum: float = 4.5) -> str:
    """The brand colour, darkened or lightened just enough to read as text on `background` (WCAG AA)."""
    towards = "#000000" if _luminance(background) > 0.5 else "#ffffff"
    step = 0.0
    candidate = colour
    while contrast(candidate, background) < minimum and step < 1:
        step += 0.05
        candidate = _mix(colour, towards, step)
    return candidate


BACKGROUNDS = {"light": ("default", "#ffffff"), "dark": ("slate", "#1e2129")}


def brand_css(brand: Brand) -> str:
    """CSS variables for mkdocs-material's 'custom' palette, adjusted for contrast in each scheme."""
    blocks = []
    for scheme, (name, background) in BACKGROUNDS.items():
        primary, accent = brand.colors[scheme]["primary"], brand.colors[scheme]["accent"]
        on_primary = "#ffffff" if contrast("#ffffff", primary) >= contrast("#000000", primary) else "#000000"
        blocks.append(
            f"""[data-md-color-scheme="{name}"] {{
  --md-primary-fg-color: {primary};
  --md-primary-fg-color--light: {_mix(primary, "#ffffff", 0.2)};
  --md-primary-fg-color--dark: {_mix(primary, "#000000", 0.2)};
  --md-primary-bg-color: {on_primary};
  --md-primary-bg-color--light: {on_primary}b3;
  --md-accent-fg-color: {accent};
  --md-accent-fg-color--transparent: {accent}1a;
  --md-accent-bg-color: {"#ffffff" if contrast("#ffffff", accent) >= contrast("#000000", accent) else "#000000"};
  --md-typeset-a-color: {readable(primary, background)};
  --rf-accent-text: {readable(accent, background)};
}}"""
        )
    return (
        "/* Generated from the brand folder by overrides/hooks/brand.py: edit brand.yml, not this file. */\n"
        + "\n".join(blocks)
        + "\n"
    )


# -- Hook events -------------------------------------------------------------

_state: dict[str, Any] = {}


def _localised(config: MkDocsConfig) -> list[Any]:
    i18n = config.plugins.get("i18n")
    return list(i18n.config.languages) if i18n else []


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    try:
        brand = load_brand()
    except BrandError as exc:
        raise PluginError(f"Brand configuration error: {exc}") from None
    _state["brand"] = brand
    default = "en"
    config.site_name = brand.name[default]
    config.site_description = brand.description[default]
    if brand.site_url:
        config.site_url = brand.site_url
    config.theme["logo"] = ASSETS + brand.logo.name
    config.theme["favicon"] = ASSETS + brand.favicon.name
    if ASSETS + "brand.css" not in config.extra_css:
        config.extra_css.append(ASSETS + "brand.css")
    for language in _localised(config):
        if language.locale != default and language.locale in brand.name:
            language.site_name = brand.name[language.locale]
            language.site_description = brand.description[language.locale]
        language.build = language.locale in brand.languages
    # The i18n plugin builds each language with the same config object: add the nav once.
    if brand.nav and "brand" not in config.extra:
        _add_nav(config, brand)
    if brand.pages:
        _stage_docs(config, brand)
    contact = None
    if brand.contact:
        contact = dict(brand.contact)
        contact["qr"] = ASSETS + brand.contact["qr"].name if brand.contact["qr"] else None
    config.extra["brand"] = {
        "short_name": brand.short_name,
        "name": brand.name,
        "footer": brand.footer,
        "legal": brand.legal,
        "contact": contact,
        "storage_key": brand.storage_key,
        "questions_overlay": str(brand.questions) if brand.questions else None,
    }
    return config


def _stage_docs(config: MkDocsConfig, brand: Brand) -> None:
    """Build from a copy of docs/ with the brand's pages laid over it.

    The i18n plugin only localises pages inside docs_dir, so the brand's own
    pages (page.md + page.zh.md) join upstream docs in a staging folder; a
    brand page never replaces an upstream one.
    """
    stage = ROOT / ".build" / "docs"
    if Path(config.docs_dir).resolve() == stage:
        return  # the same build, next language
    shutil.rmtree(stage, ignore_errors=True)
    shutil.copytree(config.docs_dir, stage)
    for page in sorted(p for p in brand.pages.rglob("*") if p.is_file()):
        uri = page.relative_to(brand.pages)
        if (stage / uri).exists():
            upstream = f"docs/{uri.as_posix()}"
            raise PluginError(f"Brand page {_shown(page)} would replace the upstream page {upstream}; rename it")
        (stage / uri).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(page, stage / uri)
    config.docs_dir = str(stage)


def _add_nav(config: MkDocsConfig, brand: Brand) -> None:
    """Append the brand's pages to the navigation, inside a named section or at the end."""
    for entry in brand.nav:
        item = {entry["title"]["en"] if "en" in entry["title"] else next(iter(entry["title"].values())): entry["file"]}
        section = next((s for s in config.nav or [] if isinstance(s, dict) and entry["section"] in s), None)
        if section is not None:
            section[entry["section"]].append(item)
        else:
            config.nav.append(item)
        for language in _localised(config):
            if language.locale in entry["title"]:
                language.nav_translations = {
                    **(language.nav_translations or {}),
                    **{next(iter(item)): entry["title"][language.locale]},
                }


def on_post_build(config: MkDocsConfig) -> None:
    i18n = config.plugins.get("i18n")
    if not getattr(i18n, "is_default_language_build", True):
        return  # shared assets live once at the site root, written by the default language's build
    brand: Brand = _state["brand"]
    target = Path(config.site_dir) / ASSETS
    target.mkdir(parents=True, exist_ok=True)
    for path in (brand.logo, brand.favicon, *([brand.contact["qr"]] if brand.contact and brand.contact["qr"] else [])):
        shutil.copyfile(path, target / path.name)
    (target / "brand.css").write_text(brand_css(brand), "utf-8")
