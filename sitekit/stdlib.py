"""The runtime the browser's engine starts with: a trimmed standard library, and the engine in bytecode.

Pyodide ships its standard library as source (python_stdlib.zip, 2.5 MB), so a
browser compiles every module it imports at each start: most of a boot's CPU
time. The engine needs about a quarter of it. At build time, the pinned runtime
itself (in Node, `snapshot.mjs trim`) boots, imports the engine and what it
names, runs every entry point the worker may call on the sample document in
each language, and writes the modules it then holds, compiled, into a small zip
the worker passes as `loadPyodide`'s `stdLibURL`. The engine's own modules are
compiled too and added to its wheel (their `__pycache__` files, unchecked
hash-based .pyc, so no date needs to match).

Checked the way the snapshot is: Pyodide booted in Node with that zip and that
wheel scores the sample document in every language exactly as CPython scores
it from the staged package, or the build stops with one line. A module the
closure missed (a branch no sample takes) is still found in the browser: the
worker falls back to the full library for it (worker-boot.js).
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import shutil
import tempfile
import zipfile
from dataclasses import replace
from pathlib import Path

from assessment.bank.model import Bank

from . import snapshot
from .engine import PYODIDE, Engine, imported_elsewhere
from .snapshot import SCRIPT, SnapshotError, sample_document

CACHE = snapshot.CACHE.parent / "runtime"
DATE = (1980, 1, 1, 0, 0, 0)


def cache_key(engine: Engine, pyodide: Path = PYODIDE) -> str:
    """What the trimmed runtime is made from: the runtime, the engine's content and the script that makes it."""
    digest = hashlib.sha256(engine.digest.encode())
    for path in (pyodide / "package.json", pyodide / "pyodide.asm.mjs", SCRIPT, Path(__file__)):
        digest.update(path.read_bytes())
    digest.update(str((pyodide / "pyodide.asm.wasm").stat().st_size).encode())
    return digest.hexdigest()[:20]


def with_bytecode(wheel: Path, bytecode: Path, target: Path) -> Path:
    """The wheel with the compiled modules added beside their sources, each listed in its RECORD."""
    target.parent.mkdir(parents=True, exist_ok=True)
    added = sorted(p for p in bytecode.rglob("*.pyc"))
    with zipfile.ZipFile(wheel) as source, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as out:
        record_name = next(n for n in source.namelist() if n.endswith(".dist-info/RECORD"))
        lines = source.read(record_name).decode("utf-8").splitlines()
        for info in source.infolist():
            if info.filename != record_name:
                out.writestr(info, source.read(info), compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)
        for path in added:
            name = path.relative_to(bytecode).as_posix()
            data = path.read_bytes()
            out.writestr(zipfile.ZipInfo(name, DATE), data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)
            sha = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
            lines.insert(len(lines) - 1, f"{name},sha256={sha},{len(data)}")
        out.writestr(zipfile.ZipInfo(record_name, DATE), "\n".join(lines) + "\n")
    return target


def trimmed(engine: Engine, bank: Bank, work: Path, pyodide: Path = PYODIDE) -> Engine:
    """The engine with its bytecode wheel and trimmed standard library, checked (from the cache when made before).

    The engine's folder name then covers the runtime too: another Pyodide compiles other bytecode."""
    if engine.project is None:
        raise SnapshotError("the trimmed runtime needs the staged package the wheel was built from")
    key = cache_key(engine, pyodide)
    cached = CACHE / key
    if not (cached / "stdlib.zip").is_file():
        with tempfile.TemporaryDirectory(prefix="rf-trim-") as folder:
            out = Path(folder) / "out"
            document = Path(folder) / "sample.json"
            document.write_text(json.dumps(sample_document(bank)), "utf-8")
            modules = ",".join(imported_elsewhere(engine.project))
            langs = ",".join(bank.languages)
            snapshot._node("trim", str(pyodide), str(engine.wheel), str(out), str(document), langs, modules)
            wheel = with_bytecode(engine.wheel, out / "bytecode", out / "wheel" / engine.wheel.name)
            candidate = replace(engine, wheel=wheel, stdlib=out / "stdlib.zip")
            snapshot.verify(candidate, bank, pyodide)
            CACHE.mkdir(parents=True, exist_ok=True)
            partial = CACHE / f"{key}.part"
            shutil.rmtree(partial, ignore_errors=True)
            partial.mkdir()
            shutil.copyfile(out / "stdlib.zip", partial / "stdlib.zip")
            shutil.copyfile(wheel, partial / wheel.name)
            shutil.rmtree(cached, ignore_errors=True)
            os.replace(partial, cached)
    release = work / "engine-runtime"
    shutil.rmtree(release, ignore_errors=True)
    shutil.copytree(cached, release)
    return replace(
        engine,
        wheel=release / engine.wheel.name,
        stdlib=release / "stdlib.zip",
        digest=hashlib.sha256(f"{engine.digest}:{key}".encode()).hexdigest()[:12],
    )
