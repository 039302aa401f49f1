"""The pages a build publishes, staged in a folder of that build alone.

Upstream's docs/ is copied into the build's own temporary folder and the brand
is applied there: hidden pages left out, the brand's pages added (or put in
place of the upstream pages it replaces), and, when the brand's default
language is not English, files renamed so that language's pages are the
unsuffixed ones the generator publishes at the site's root. Two builds at the
same time (a `serve` and a `build`) never share a folder, and docs/ itself is
never written to.

Pages are named as a brand names them: docs/ paths of the English files
(about.md, cases/index.md); a page in language xx is page.xx.md beside it.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .brand import Brand, BrandError, shown

SOURCE_LANGUAGE = "en"
"""The language of docs/'s unsuffixed files (page.md); other languages are page.<code>.md."""


def work_folder(prefix: str = "rf-build-") -> Path:
    """A new temporary folder for one build, removed when the process ends."""
    folder = Path(tempfile.mkdtemp(prefix=prefix))
    atexit.register(shutil.rmtree, folder, True)
    return folder


def language_of(name: str, codes: tuple[str, ...]) -> tuple[str, str]:
    """(page, language) of a file under docs/: 'about.zh.md' -> ('about.md', 'zh'), 'about.md' -> ('about.md', 'en')."""
    parts = name.split(".")
    if name.endswith(".md") and len(parts) >= 3 and parts[-2] in codes:
        return ".".join(parts[:-2]) + ".md", parts[-2]
    return name, SOURCE_LANGUAGE


def variant(page: str, lang: str, default: str) -> str:
    """The file of `page` in `lang` inside a staged folder whose unsuffixed files are in `default`."""
    return page if lang == default else page[: -len(".md")] + f".{lang}.md"


@dataclass(frozen=True)
class Staged:
    docs: Path
    pages: frozenset[str]  # every page published, named as a brand names them (English file names)


def stage_docs(docs: Path, brand: Brand, target: Path, codes: tuple[str, ...]) -> Staged:
    """Copy docs/ into `target` with the brand applied; raise BrandError for a page the brand would clash with."""
    shutil.rmtree(target, ignore_errors=True)
    hidden = set(brand.hide) | set(brand.replace)

    def skip(folder: str, names: list[str]) -> set[str]:
        relative = Path(folder).relative_to(docs)
        return {n for n in names if language_of((relative / n).as_posix(), codes)[0] in hidden}

    shutil.copytree(docs, target, ignore=skip)
    if brand.pages is not None:
        for name in brand.page_files():
            destination = target / name
            if destination.exists():
                upstream = f"docs/{name}"
                raise BrandError(
                    shown(brand.pages / name),
                    None,
                    f"would replace the upstream page {upstream}: rename it, or list {language_of(name, codes)[0]} "
                    "under replace in brand.yml",
                )
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(brand.pages / name, destination)
    if brand.default_language != SOURCE_LANGUAGE:
        _make_default(target, brand.default_language, codes)
    pages = {language_of(p.relative_to(target).as_posix(), codes)[0] for p in target.rglob("*.md")}
    return Staged(docs=target, pages=frozenset(pages))


def _make_default(folder: Path, default: str, codes: tuple[str, ...]) -> None:
    """Rename so that `default`'s pages are the unsuffixed files: page.md -> page.en.md, page.zh.md -> page.md."""
    for path in sorted(folder.rglob("*.md")):
        page, lang = language_of(path.relative_to(folder).as_posix(), codes)
        if lang == SOURCE_LANGUAGE:
            path.rename(folder / variant(page, SOURCE_LANGUAGE, default))
    for path in sorted(folder.rglob(f"*.{default}.md")):
        page, _ = language_of(path.relative_to(folder).as_posix(), codes)
        path.rename(folder / page)
