"""The Pages workflow publishes only what passed the checks, with current actions and the least access."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
WORKFLOW = ROOT / ".github" / "workflows" / "publish.yml"
CURRENT = {
    "actions/checkout": 7,
    "actions/setup-python": 7,
    "actions/setup-node": 7,
    "actions/upload-pages-artifact": 5,
    "actions/deploy-pages": 5,
}
"""The major versions current when this was written, all on the Node 24 runtime (Node 20 actions are deprecated)."""


def workflow() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(WORKFLOW.read_text("utf-8"))
    return data


def steps(job: str) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = workflow()["jobs"][job]["steps"]
    return found


def test_every_action_is_on_its_current_major() -> None:
    used = [s["uses"] for job in workflow()["jobs"] for s in steps(job) if "uses" in s]
    assert used
    for action in used:
        name, version = action.split("@")
        assert name in CURRENT, f"{name}: not in the table of known actions"
        assert int(version.removeprefix("v")) >= CURRENT[name], f"{action}: behind v{CURRENT[name]}"


def test_node_is_a_supported_lts_and_both_package_caches_are_on() -> None:
    setup = {s["uses"].split("@")[0]: s.get("with", {}) for s in steps("build") if "uses" in s}
    node = int(str(setup["actions/setup-node"]["node-version"]))
    assert node % 2 == 0 and node >= 22, "an even-numbered, still supported LTS"
    assert setup["actions/setup-node"]["cache"] == "npm"
    assert setup["actions/setup-python"]["cache"] == "pip"


def test_publishing_installs_the_sites_extras_only() -> None:
    install = " ".join(s.get("run", "") for s in steps("build"))
    assert '".[site]"' in install and "test" not in re.findall(r"\.\[([^\]]*)\]", install)[0]
    assert "setup.sh" not in install and "build.sh" not in install, "those install the test tools too"


def test_the_brand_check_and_the_link_check_run_before_anything_is_published() -> None:
    names = [s.get("run", s.get("uses", "")) for s in steps("build")]
    order = [
        next(i for i, n in enumerate(names) if "--check-only" in n),
        next(i for i, n in enumerate(names) if "--site-dir site" in n),
        next(i for i, n in enumerate(names) if "check_links.py site" in n),
        next(i for i, n in enumerate(names) if "upload-pages-artifact" in n),
    ]
    assert order == sorted(order)
    assert workflow()["jobs"]["deploy"]["needs"] == "build"
    for script in ("scripts/build.py", "scripts/check_links.py"):
        assert (ROOT / script).is_file()


def test_a_deploy_in_progress_is_never_cancelled() -> None:
    assert workflow()["concurrency"]["cancel-in-progress"] is False


def test_each_job_has_only_the_permissions_it_needs() -> None:
    data = workflow()
    assert data["permissions"] == {}
    assert data["jobs"]["build"]["permissions"] == {"contents": "read"}
    assert data["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}


@pytest.mark.parametrize(
    ("guide", "actions", "pages"),
    [
        ("fork-and-brand.md", "enable workflows", "set *Source* to *GitHub Actions*"),
        ("fork-and-brand.zh.md", "启用工作流", "把 *Source* 设为 *GitHub Actions*"),
    ],
)
def test_the_guide_says_to_enable_actions_and_to_publish_pages_from_them(guide: str, actions: str, pages: str) -> None:
    text = (ROOT / "docs" / "guide" / guide).read_text("utf-8")
    assert actions in text and pages in text
