"""A memory snapshot of the engine: Pyodide with the `assessment` package imported and its bank loaded.

Restoring a snapshot skips most of Pyodide's start (issue 10): the worker of a
repeat visit restores it instead of booting Python and importing the engine.
It is made at build time in Node from the pinned `pyodide` npm package, the
site's own engine wheel and the trimmed standard library the worker starts with
(sitekit/stdlib.py; `snapshot.mjs make`), then verified the same way a browser
would use it: restored in Node (`snapshot.mjs verify`), it scores a sample
answers document in every language, and the answer must equal CPython's for
the same document and the same staged package. `_makeSnapshot` and `_loadSnapshot` are
private options of Pyodide, so any failure stops the build with one line that
says what failed.

The snapshot ships gzip-compressed (about a fifth of its size; the worker
inflates it with DecompressionStream) under a name carrying the SHA-256 of those
bytes, which the worker checks before using it. Snapshots are kept in
`.cache/snapshots/`, keyed by everything they are made from, so rebuilding an
unchanged site does not pay for a new one.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assessment.bank.model import Bank

from .engine import PYODIDE, Engine

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = Path(__file__).with_name("snapshot.mjs")
CACHE = ROOT / ".cache" / "snapshots"
NODE_TIMEOUT_S = 300


class SnapshotError(Exception):
    """The snapshot could not be made or does not reproduce CPython's result; the message says which."""


@dataclass(frozen=True)
class Snapshot:
    """A published snapshot: its path from the site's root and the SHA-256 (hex) of its bytes."""

    url: str
    sha256: str
    size: int


def sample_document(bank: Bank) -> dict[str, Any]:
    """Answers to every question and the whole profile, varied, valid for this bank."""
    profile: dict[str, Any] = {}
    for dimension in bank.dimensions:
        first = dimension.options[0].value
        profile[dimension.id] = [first] if dimension.multiple else first
    answers: dict[str, Any] = {}
    for index, question in enumerate(bank.questions):
        if question.kind == "number":
            answers[question.id] = round(question.min + (question.max - question.min) * ((index * 37) % 100) / 100, 2)
        else:
            answers[question.id] = question.options[index % len(question.options)].value
    return {"profile": profile, "answers": answers}


def _node(*args: str) -> str:
    node = shutil.which("node")
    if node is None:
        raise SnapshotError("the engine snapshot needs Node.js (`node` on PATH): run scripts/setup.sh")
    try:
        run = subprocess.run(
            [node, str(SCRIPT), *args], capture_output=True, text=True, timeout=NODE_TIMEOUT_S, check=False
        )
    except subprocess.TimeoutExpired:
        raise SnapshotError(
            f"the engine snapshot: `node snapshot.mjs {args[0]}` took over {NODE_TIMEOUT_S} s"
        ) from None
    if run.returncode != 0:
        reason = (run.stderr.strip().splitlines() or ["no message"])[-1]
        done = {
            "make": "the engine snapshot could not be made",
            "verify": "the engine could not be started and checked",
            "trim": "the trimmed standard library could not be made",
        }[args[0]]
        raise SnapshotError(f"{done} with the pinned Pyodide: {reason}")
    return run.stdout


def _cpython_answer(project: Path, document: Path, lang: str) -> str:
    """assess_json's answer from the staged package (the code and bank the wheel holds), in CPython."""
    # Isolated (-I: no environment, no user site, no current folder), the staged package first on the path.
    code = (
        "import sys; sys.path.insert(0, sys.argv[3]); import assessment; "
        "assert assessment.__file__.startswith(sys.argv[3]), assessment.__file__; "
        "from assessment.browser import assess_json; "
        "sys.stdout.write(assess_json(open(sys.argv[1], encoding='utf-8').read(), sys.argv[2]))"
    )
    run = subprocess.run(
        [sys.executable, "-I", "-c", code, str(document), lang, str(project)],
        capture_output=True,
        text=True,
        check=False,
    )
    if run.returncode != 0:
        raise SnapshotError(f"the sample answers could not be scored in CPython: {run.stderr.strip()[-300:]}")
    return run.stdout


def cache_key(engine: Engine, pyodide: Path = PYODIDE) -> str:
    """What a snapshot is made from: the runtime, the engine's content and standard library, the script."""
    digest = hashlib.sha256(engine.digest.encode())
    for path in (pyodide / "package.json", pyodide / "pyodide.asm.mjs", SCRIPT, engine.wheel):
        digest.update(path.read_bytes())
    if engine.stdlib is not None:
        digest.update(engine.stdlib.read_bytes())
    digest.update(str((pyodide / "pyodide.asm.wasm").stat().st_size).encode())
    return digest.hexdigest()[:20]


def verify(engine: Engine, bank: Bank, pyodide: Path = PYODIDE, snapshot: Path | None = None) -> None:
    """Pyodide in Node, booted with the engine's standard library (or restored from `snapshot`), must score the
    sample document in every language as CPython does from the staged package; else SnapshotError, one line."""
    if engine.project is None:
        raise SnapshotError("the engine's check needs the staged package the wheel was built from")
    what = "engine snapshot" if snapshot else "trimmed standard library"
    with tempfile.TemporaryDirectory(prefix="rf-verify-") as folder:
        document = Path(folder) / "sample.json"
        document.write_text(json.dumps(sample_document(bank)), "utf-8")
        stdlib = str(engine.stdlib or "-")
        langs = ",".join(bank.languages)
        restored = json.loads(
            _node("verify", str(pyodide), str(engine.wheel), stdlib, str(snapshot or "-"), str(document), langs)
        )
        if restored["version"] != bank.version:
            raise SnapshotError(f"the {what} holds bank {restored['version']}, the site's bank is {bank.version}")
        for lang in bank.languages:
            expected = json.loads(_cpython_answer(engine.project, document, lang))
            if json.loads(restored["answers"][lang]) != expected or not expected.get("ok"):
                raise SnapshotError(f"the {what} does not reproduce CPython's result for the sample answers ({lang})")


def make_snapshot(engine: Engine, bank: Bank, pyodide: Path = PYODIDE) -> Path:
    """The verified, compressed snapshot for this engine (from the cache when it was made before)."""
    if engine.project is None:
        raise SnapshotError("the engine snapshot needs the staged package the wheel was built from")
    cached = CACHE / f"{cache_key(engine, pyodide)}.bin.gz"
    if cached.is_file():
        return cached
    with tempfile.TemporaryDirectory(prefix="rf-snapshot-") as folder:
        work = Path(folder)
        raw = work / "snapshot.bin"
        _node("make", str(pyodide), str(engine.wheel), str(engine.stdlib or "-"), str(raw))
        verify(engine, bank, pyodide, raw)
        CACHE.mkdir(parents=True, exist_ok=True)
        packed = work / "snapshot.bin.gz"
        packed.write_bytes(gzip.compress(raw.read_bytes(), compresslevel=6, mtime=0))
        os.replace(packed, cached)
    return cached


def describe(engine: Engine, packed: Path) -> Snapshot:
    """Where the snapshot goes in the site: beside the engine's wheel, named by its content."""
    data = packed.read_bytes()
    sha = hashlib.sha256(data).hexdigest()
    return Snapshot(url=f"{engine.folder}snapshot-{sha[:16]}.bin.gz", sha256=sha, size=len(data))


def publish_snapshot(site: Path, snapshot: Snapshot, packed: Path) -> None:
    """Copy the snapshot into the site (after the engine's folder is published)."""
    shutil.copyfile(packed, site / snapshot.url)
