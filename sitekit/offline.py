"""Offline after one visit, and installable: the service worker's list and the web app manifest.

The service worker (sitekit/sw.js, hand-written; it says why not Workbox) is
written to the site's root as `sw.js`, preceded by one line the build makes
here: the cache's name and the files to precache. The list is read from the
built assessment pages themselves (every same-site file they link, load or
preload), plus what their scripts fetch by URL: the engine's worker, the Python
runtime, the engine's wheel, the share-link layouts, the snapshot, and the
theme's search (its worker, its index and word splitters for each language). The cache's
name holds the bank's version and a hash of every listed file, so any change to
the site gives a new service worker whose cache replaces the old one whole.

The manifest names the site from the brand and uses its icons (SVG, any size).
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .brand import Brand
from .engine import COMPRESSED_WASM, PYODIDE_DIR, PYODIDE_FILES, Engine
from .modules import page_modules

SERVICE_WORKER = "sw.js"
MANIFEST = "manifest.webmanifest"
TEMPLATE = Path(__file__).with_name("sw.js")
WORKER_SCRIPT = "assets/javascripts/assessment/worker.js"
LAYOUTS = "assets/engine/layouts.json"
ASSESSMENT_MARK = re.compile(r'<div id="assessment"[^>]*\bdata-wheel=')


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value and (name in ("src", "href") or (name.startswith("data-") and "/" in value)):
                self.urls.append(value)


@dataclass(frozen=True)
class Offline:
    cache: str
    files: tuple[str, ...]  # paths from the site's root ("" is the home page, "zh/assessment/" a page)
    snapshot: str


def assessment_pages(site: Path) -> list[str]:
    """The built assessment pages, as paths from the site's root ('assessment/', 'zh/assessment/')."""
    pages = []
    for path in sorted(site.rglob("index.html")):
        if ASSESSMENT_MARK.search(path.read_text("utf-8", errors="replace")):
            pages.append(path.parent.relative_to(site).as_posix() + "/")
    return pages


def _site_file(site: Path, page: str, url: str) -> str | None:
    """The site file a link on `page` points to, as a path from the root; None if off-site or missing."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or not parts.path:
        return None
    joined = parts.path.lstrip("/") if parts.path.startswith("/") else page + unquote(parts.path)
    normal: list[str] = []
    for piece in joined.split("/"):
        if piece == "..":
            if normal:
                normal.pop()
        elif piece not in ("", "."):
            normal.append(piece)
    path = "/".join(normal)
    if (site / path).is_file():
        return path
    if (site / path / "index.html").is_file():
        return path + "/" if path else ""
    return None


def precache_list(site: Path, engine: Engine, snapshot: str, languages: tuple[str, ...]) -> tuple[str, ...]:
    """Every file the assessment pages need, in every language, with the engine's."""
    files: set[str] = set()
    for page in assessment_pages(site):
        files.add(page)
        parser = _Links()
        parser.feed((site / page / "index.html").read_text("utf-8"))
        for url in parser.urls:
            found = _site_file(site, page, url)
            if found is not None and not found.endswith(".html") and found != snapshot:
                files.add(found)
    files.update([WORKER_SCRIPT, LAYOUTS, engine.url, MANIFEST])
    # The worker's own imports (its start, worker-boot.js): no page links them.
    scripts = "assets/javascripts/"
    files.update(scripts + module for module in page_modules(WORKER_SCRIPT.removeprefix(scripts)))
    # The theme's search loads its language's index on every page: offline, it is there too.
    files.update(path.relative_to(site).as_posix() for path in site.rglob("search/search_index.json"))
    files.update(path.relative_to(site).as_posix() for path in (site / "assets/javascripts/workers").glob("*.min.js"))
    lunr = site / "assets/javascripts/lunr/min"
    for name in ("stemmer.support", "multi", *languages):
        if (lunr / f"lunr.{name}.min.js").is_file():
            files.add(f"assets/javascripts/lunr/min/lunr.{name}.min.js")
    # The runtime as the worker fetches it: the WebAssembly gzipped (a browser old enough to need the plain
    # binary boots online only), the trimmed standard library (on the pages' data-stdlib), not the full one,
    # and no lock file (the pages hand the worker its `info`).
    unused = ("pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json")
    kept = [name for name in PYODIDE_FILES if name not in unused]
    files.update(f"{PYODIDE_DIR}/{name}" for name in (*kept, COMPRESSED_WASM))
    # Pages other than the assessment (links in the navigation) stay online-only.
    pages = {f for f in files if f == "" or f.endswith("/")}
    assessment = set(assessment_pages(site))
    return tuple(sorted(f for f in files if f not in pages or f in assessment))


def write_offline(site: Path, engine: Engine, snapshot: str, bank_version: str, languages: tuple[str, ...]) -> Offline:
    """Write sw.js for this build; the manifest must be written first (it is on the list)."""
    files = precache_list(site, engine, snapshot, languages)
    digest = hashlib.sha256()
    for path in (*files, snapshot):
        target = site / path
        digest.update(path.encode())
        digest.update((target / "index.html" if target.is_dir() else target).read_bytes())
    offline = Offline(cache=f"rf-offline-{bank_version}-{digest.hexdigest()[:12]}", files=files, snapshot=snapshot)
    head = {"cache": offline.cache, "files": list(offline.files), "snapshot": offline.snapshot}
    text = f"const OFFLINE = {json.dumps(head, indent=1)};\n\n" + TEMPLATE.read_text("utf-8")
    (site / SERVICE_WORKER).write_text(text, "utf-8")
    return offline


def _icon(path: Path, site: Path) -> dict[str, str]:
    """A manifest icon: SVG at any size, PNG at the size its header says."""
    entry = {"src": path.relative_to(site).as_posix(), "purpose": "any"}
    data = path.read_bytes()
    if path.suffix.lower() == ".png" and data[12:16] == b"IHDR":
        width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
        return {**entry, "sizes": f"{width}x{height}", "type": "image/png"}
    return {**entry, "sizes": "any", "type": "image/svg+xml" if path.suffix.lower() == ".svg" else "image/x-icon"}


def write_manifest(site: Path, brand: Brand, icons: list[Path]) -> None:
    """The web app manifest: the brand's names and icons, opening on the home page."""
    lang = brand.default_language
    manifest = {
        "name": brand.name[lang],
        "short_name": brand.short_name,
        "description": brand.description[lang],
        "lang": lang,
        "start_url": "./",
        "scope": "./",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": brand.colors["light"].primary,
        "icons": [_icon(icon, site) for icon in dict.fromkeys(icons)],
    }
    (site / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=2), "utf-8")
