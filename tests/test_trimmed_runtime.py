"""The runtime a browser starts the engine with: less than Pyodide's default, and checked (sitekit/stdlib.py).

The wheel holds only what the browser's entry point can import; the standard
library is the part the engine imports, compiled; and Pyodide in Node, booted
with exactly these files, must score the sample answers as CPython does, or the
build stops with one line.
"""

from __future__ import annotations

import shutil
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest

from assessment import get_bank
from sitekit.engine import PYODIDE, Engine, browser_modules, build_engine
from sitekit.snapshot import SnapshotError, verify
from sitekit.stdlib import trimmed

pytestmark = pytest.mark.site  # Pyodide in Node: seconds per boot


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    work = tmp_path_factory.mktemp("trimmed")
    bank = get_bank()
    return trimmed(build_engine(bank, work), bank, work)


def test_the_wheel_leaves_out_what_the_browser_never_runs() -> None:
    modules = {path.as_posix() for path in browser_modules()}
    assert {"browser.py", "scoring/scores.py", "answers/sharelink.py", "__init__.py", "scoring/__init__.py"} <= modules
    assert not {"cli.py", "__main__.py", "render/terminal.py", "render/pdf.py"} & modules  # the CLI and its output


def test_the_trimmed_library_is_compiled_and_smaller_and_scores_as_cpython(engine: Engine) -> None:
    assert engine.stdlib is not None
    full = (PYODIDE / "python_stdlib.zip").stat().st_size
    assert engine.stdlib.stat().st_size < 0.6 * full
    with zipfile.ZipFile(engine.stdlib) as library:
        names = library.namelist()
    assert "json/decoder.pyc" in names and not [n for n in names if n.endswith(".py")]
    with zipfile.ZipFile(engine.wheel) as wheel:
        assert any(n.startswith("assessment/scoring/__pycache__/scores.") for n in wheel.namelist())
    verify(engine, get_bank())  # raises if Pyodide's answer differs from CPython's


def test_a_library_missing_a_module_the_engine_imports_fails_in_one_line(engine: Engine, tmp_path: Path) -> None:
    assert engine.stdlib is not None
    broken = tmp_path / "stdlib.zip"
    with zipfile.ZipFile(engine.stdlib) as source, zipfile.ZipFile(broken, "w") as target:
        for info in source.infolist():
            if info.filename != "base64.pyc":
                target.writestr(info, source.read(info))
    with pytest.raises(SnapshotError) as raised:
        verify(replace(engine, stdlib=broken), get_bank())
    message = str(raised.value)
    assert "\n" not in message and "could not be started and checked" in message and "base64" in message


def test_a_runtime_that_scores_otherwise_than_cpython_fails_in_one_line(engine: Engine, tmp_path: Path) -> None:
    # CPython runs a package that answers differently from the one in the wheel the runtime loads.
    assert engine.project is not None
    project = tmp_path / "project"
    shutil.copytree(engine.project, project)
    browser = project / "assessment" / "browser.py"
    browser.write_text(
        browser.read_text("utf-8")
        + "\n_scored = assess_json\n\n\ndef assess_json(document_json: str, lang: str) -> str:\n"
        + "    return _scored(document_json, lang).replace('{', '{\"other\": 1, ', 1)\n",
        "utf-8",
    )
    with pytest.raises(SnapshotError) as raised:
        verify(replace(engine, project=project), get_bank())
    expected = "the trimmed standard library does not reproduce CPython's result for the sample answers (en)"
    assert str(raised.value) == expected
