"""The engine a site ships: the `assessment` package as a wheel, with the site's merged bank inside.

The browser runs the very code the CLI and the tests run. The build stages the
package's Python modules with the bank it loaded and validated (upstream's,
with the brand's overlay merged) written as one file, bank/bank.json, and
builds a pure-Python `py3-none-any` wheel through the PEP 517 `build_wheel`
hook of flit-core. So the browser never fetches, writes or merges an overlay,
and the wheel a visitor downloads carries neutral metadata: no upstream README,
project name or author, only the licence the code requires.

The wheel holds what the browser's entry point (assessment/browser.py) can
import, found by reading the package's import statements, the ones inside
functions too: the CLI and the terminal report never reach the browser.

Pyodide itself is vendored from the npm package (node_modules/pyodide): nothing
is loaded from a CDN. Its WebAssembly binary is also published gzipped, which
the worker inflates as it streams (hosts that compress nothing send a third).
"""

from __future__ import annotations

import ast
import contextlib
import gzip
import hashlib
import json
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assessment import __version__
from assessment.answers.sharelink import known_layouts, layout
from assessment.bank.codec import dumps
from assessment.bank.model import Bank

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "assessment"
LICENSE = ROOT / "LICENSE"
PYODIDE = ROOT / "node_modules" / "pyodide"
PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json")
"""What loadPyodide() fetches at start; the rest of the npm package stays out of the site."""

ENGINE_DIR = "assets/engine"
PYODIDE_DIR = "assets/pyodide"
PACKAGE_DATA = ("render/strings.json", "render/printed.css", "bank/layouts.json")
"""The package's data besides its modules: words, the report's stylesheet, share-link layouts; the bank travels
as bank/bank.json."""
ENTRY = "browser"
"""The module the browser's worker imports; the wheel holds the modules it can reach."""
COMPRESSED_WASM = "pyodide.asm.wasm.gz"

METADATA = """\
[build-system]
requires = ["flit_core>=4.2,<5"]
build-backend = "flit_core.buildapi"

[project]
name = "assessment"
version = "{version}"
description = "The scoring engine of this site's self-assessment."
requires-python = ">=3.11"
license = "MIT"
license-files = ["LICENSE"]
dependencies = []
"""


class EngineError(Exception):
    """The engine cannot be packaged or the runtime is missing; the message says what to run."""


@dataclass(frozen=True)
class Engine:
    """A built engine: its wheel, and the folder of the site it is served from (changes with its content)."""

    wheel: Path
    digest: str
    project: Path | None = None
    """The staged package the wheel was built from (what CPython runs to check the snapshot)."""
    stdlib: Path | None = None
    """The trimmed standard library the engine starts with (sitekit/stdlib.py), once made."""

    @property
    def folder(self) -> str:
        return f"{ENGINE_DIR}/{self.digest}/"

    @property
    def url(self) -> str:
        """The wheel's path from the site's root."""
        return self.folder + self.wheel.name

    @property
    def stdlib_url(self) -> str | None:
        """The trimmed standard library's path from the site's root, named by its content."""
        if self.stdlib is None:
            return None
        return f"{self.folder}stdlib-{hashlib.sha256(self.stdlib.read_bytes()).hexdigest()[:16]}.zip"


def _imported(tree: ast.Module, module: str, is_package: bool) -> set[str]:
    """Every module name an import statement in `module` may refer to, the ones inside functions too."""
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = module.split(".")[: len(module.split(".")) - node.level + (1 if is_package else 0)]
                base = ".".join([*parts, *([base] if base else [])])
            names.add(base)
            names.update(f"{base}.{alias.name}" for alias in node.names)  # `from . import x` may name a module
    return names


def _module_file(package: Path, name: str) -> tuple[Path, bool] | None:
    """A module of `package` by its dotted name -> (its file relative to the package, whether it is a package)."""
    relative = Path(*name.split(".")[1:])
    if relative.parts and (package / relative.with_suffix(".py")).is_file():
        return relative.with_suffix(".py"), False
    if (package / relative / "__init__.py").is_file():
        return relative / "__init__.py", True
    return None


def browser_modules(package: Path = PACKAGE, entry: str = ENTRY) -> list[Path]:
    """The package's modules the entry point can import (with the packages holding them), as files in `package`."""
    top = package.name
    todo, files, seen = [f"{top}.{entry}"], set(), set()
    while todo:
        name = todo.pop()
        found = _module_file(package, name) if name not in seen else None
        seen.add(name)
        if found is None:
            continue
        relative, is_package = found
        files.add(relative)
        if "." in name:
            todo.append(name.rsplit(".", 1)[0])  # the package holding it runs first
        tree = ast.parse((package / relative).read_text("utf-8"))
        todo.extend(n for n in _imported(tree, name, is_package) if n.split(".")[0] == top)
    return sorted(files)


def imported_elsewhere(project: Path) -> list[str]:
    """The modules outside the package that a staged package names in its imports (the standard library's)."""
    names: set[str] = set()
    package = project / PACKAGE.name
    for source in package.rglob("*.py"):
        module = ".".join((PACKAGE.name, *source.relative_to(package).with_suffix("").parts))
        is_package = source.name == "__init__.py"
        module = module.removesuffix(".__init__")
        names.update(_imported(ast.parse(source.read_text("utf-8")), module, is_package))
    return sorted(n for n in names if n and n.split(".")[0] != PACKAGE.name and not n.startswith("__future__"))


def stage_package(bank: Bank, target: Path, package: Path = PACKAGE) -> Path:
    """A project folder holding the package with `bank` inside and neutral metadata, ready for build_wheel."""
    shutil.rmtree(target, ignore_errors=True)
    module = target / "assessment"
    for relative in (*browser_modules(package), *(Path(name) for name in PACKAGE_DATA)):
        destination = module / relative
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(package / relative, destination)
    (module / "bank" / "bank.json").write_text(dumps(bank), "utf-8")
    shutil.copyfile(LICENSE, target / "LICENSE")
    (target / "pyproject.toml").write_text(METADATA.format(version=__version__), "utf-8")
    return target


def digest_of(folder: Path) -> str:
    """Fingerprint of a staged package: the wheel's URL changes when its content does (cache busting)."""
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(path.relative_to(folder).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def build_wheel(project: Path, target: Path) -> Path:
    """The py3-none-any wheel of a staged project, through the PEP 517 `build_wheel` hook of flit-core."""
    from flit_core import buildapi

    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    with contextlib.chdir(project):
        name: str = buildapi.build_wheel(str(target))
    return target / name


def build_engine(bank: Bank, work: Path) -> Engine:
    """Stage the package with `bank` and build its wheel, all inside `work` (a folder of this build only)."""
    project = stage_package(bank, work / "engine-project")
    return Engine(wheel=build_wheel(project, work / "engine-wheel"), digest=digest_of(project), project=project)


def vendor_pyodide(site: Path, source: Path = PYODIDE) -> None:
    """Copy the runtime loadPyodide() needs into the site, and its WebAssembly binary gzipped beside it."""
    missing = [name for name in PYODIDE_FILES if not (source / name).is_file()]
    if missing:
        raise EngineError(f"Pyodide is not installed ({', '.join(missing)} missing in {source}): run scripts/setup.sh")
    runtime = site / PYODIDE_DIR
    runtime.mkdir(parents=True, exist_ok=True)
    for name in PYODIDE_FILES:
        origin, copy = source / name, runtime / name
        if not copy.exists() or copy.stat().st_size != origin.stat().st_size:
            shutil.copyfile(origin, copy)
    shutil.copyfile(compressed_wasm(source), runtime / COMPRESSED_WASM)


def compressed_wasm(source: Path = PYODIDE) -> Path:
    """pyodide.asm.wasm gzipped (level 9, no timestamp), made once per runtime and kept in .cache/."""
    wasm = source / "pyodide.asm.wasm"
    key = hashlib.sha256((source / "package.json").read_bytes() + str(wasm.stat().st_size).encode()).hexdigest()[:16]
    cached = ROOT / ".cache" / "runtime" / f"pyodide.asm-{key}.wasm.gz"
    if not cached.is_file():
        cached.parent.mkdir(parents=True, exist_ok=True)
        partial = cached.with_suffix(".part")
        partial.write_bytes(gzip.compress(wasm.read_bytes(), compresslevel=9, mtime=0))
        partial.replace(cached)
    return cached


def runtime_info(source: Path = PYODIDE) -> dict[str, Any]:
    """The lock file's `info`: the worker passes it with no packages, so it never fetches the 120 kB lock file."""
    info: dict[str, Any] = json.loads((source / "pyodide-lock.json").read_text("utf-8"))["info"]
    return info


def publish_engine(site: Path, engine: Engine, bank: Bank) -> None:
    """Put the wheel under its digest, and the share-link layouts of every released bank plus this one."""
    root = site / ENGINE_DIR
    shutil.rmtree(root, ignore_errors=True)
    release = site / engine.folder
    release.mkdir(parents=True)
    shutil.copyfile(engine.wheel, release / engine.wheel.name)
    if engine.stdlib is not None and engine.stdlib_url is not None:
        shutil.copyfile(engine.stdlib, site / engine.stdlib_url)
    # Share links made with an earlier bank are read with that bank's layout (assessment/answers/sharelink.py).
    layouts = {**known_layouts(), bank.version: layout(bank)}
    (root / "layouts.json").write_text(json.dumps(layouts, ensure_ascii=False, separators=(",", ":")), "utf-8")
