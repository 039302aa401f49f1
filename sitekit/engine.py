"""The engine a site ships: the `assessment` package as a wheel, with the site's merged bank inside.

The browser runs the very code the CLI and the tests run. The build stages the
package's Python modules with the bank it loaded and validated (upstream's,
with the brand's overlay merged) written as one file, bank/bank.json, and
builds a pure-Python `py3-none-any` wheel through the PEP 517 `build_wheel`
hook of flit-core. So the browser never fetches, writes or merges an overlay,
and the wheel a visitor downloads carries neutral metadata: no upstream README,
project name or author, only the licence the code requires.

Pyodide itself is vendored from the npm package (node_modules/pyodide): nothing
is loaded from a CDN.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import shutil
from dataclasses import dataclass
from pathlib import Path

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
PACKAGE_FILES = ("**/*.py", "render/strings.json", "render/printed.css", "bank/layouts.json")
"""The package as the browser needs it: code, words, the report's stylesheet, share-link layouts; the bank
travels as bank/bank.json."""

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

    @property
    def folder(self) -> str:
        return f"{ENGINE_DIR}/{self.digest}/"

    @property
    def url(self) -> str:
        """The wheel's path from the site's root."""
        return self.folder + self.wheel.name


def stage_package(bank: Bank, target: Path, package: Path = PACKAGE) -> Path:
    """A project folder holding the package with `bank` inside and neutral metadata, ready for build_wheel."""
    shutil.rmtree(target, ignore_errors=True)
    module = target / "assessment"
    for pattern in PACKAGE_FILES:
        for source in package.glob(pattern):
            destination = module / source.relative_to(package)
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, destination)
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
    """Copy the runtime loadPyodide() needs into the site."""
    missing = [name for name in PYODIDE_FILES if not (source / name).is_file()]
    if missing:
        raise EngineError(f"Pyodide is not installed ({', '.join(missing)} missing in {source}): run scripts/setup.sh")
    runtime = site / PYODIDE_DIR
    runtime.mkdir(parents=True, exist_ok=True)
    for name in PYODIDE_FILES:
        origin, copy = source / name, runtime / name
        if not copy.exists() or copy.stat().st_size != origin.stat().st_size:
            shutil.copyfile(origin, copy)


def publish_engine(site: Path, engine: Engine, bank: Bank) -> None:
    """Put the wheel under its digest, and the share-link layouts of every released bank plus this one."""
    root = site / ENGINE_DIR
    shutil.rmtree(root, ignore_errors=True)
    release = site / engine.folder
    release.mkdir(parents=True)
    shutil.copyfile(engine.wheel, release / engine.wheel.name)
    # Share links made with an earlier bank are read with that bank's layout (assessment/answers/sharelink.py).
    layouts = {**known_layouts(), bank.version: layout(bank)}
    (root / "layouts.json").write_text(json.dumps(layouts, ensure_ascii=False, separators=(",", ":")), "utf-8")
