"""Fork and brand: one folder changes the whole site, bad brands fail early, upstream merges stay clean."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from sitebuild import built_site

from assessment import AnswerError, assess_bank, get_bank
from assessment.bank.loader import load_bank
from sitekit.brand import UPSTREAM_BRAND
from sitekit.site import check as site_check

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
from build import EXIT_BAD_CONFIG

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "acme-brand"
OVERLAY = EXAMPLE / "questions.toml"
UPSTREAM_YML = (UPSTREAM_BRAND / "brand.yml").relative_to(ROOT).as_posix()


def check_cli(brand: Path) -> subprocess.CompletedProcess[str]:
    """`scripts/build.py --check-only` with BRAND_DIR=brand: its exit status and what it prints."""
    return subprocess.run(
        [sys.executable, "scripts/build.py", "--check-only"],
        cwd=ROOT,
        env={**os.environ, "BRAND_DIR": str(brand)},
        capture_output=True,
        text=True,
        timeout=120,
    )


@dataclass(frozen=True)
class Checked:
    """What `scripts/build.py --check-only` reports for a brand: its exit status and its stderr."""

    returncode: int
    stderr: str


def check(brand: Path) -> Checked:
    """`scripts/build.py --check-only`, in this process: the function the build calls, its status and its line.

    build.py prints the line check() returns and exits with EXIT_BAD_CONFIG; the cases that run the script
    itself (check_cli) prove that part.
    """
    problem = site_check(ROOT, brand)
    return Checked(EXIT_BAD_CONFIG, f"{problem}\n") if problem else Checked(0, "")


def broken_brand(tmp_path: Path, edit) -> Path:
    folder = tmp_path / "brand"
    shutil.copytree(EXAMPLE, folder)
    path = folder / "brand.yml"
    path.write_text(edit(path.read_text("utf-8")), "utf-8")
    return folder


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (lambda t: t.replace("logo: logo.svg", "logo: missing.svg"), "field 'logo': file not found"),
        (
            lambda t: t.replace('primary: "#5b2a86"', 'primary: "purple"'),
            "field 'colors.light.primary': must be a colour",
        ),
        (lambda t: t + "\ntagline: hello\n", "field 'tagline': unknown field"),
        (lambda t: t.replace("  url: mailto:", "  url: javascript:"), "field 'contact.url'"),
        (lambda t: t.replace("    zh: 预约免费诊断\n", ""), "field 'contact.label.zh': missing text"),
        (lambda t: t.replace("languages: [en, zh]", "languages: [en, fr]"), "field 'languages'"),
        (lambda t: t.replace("languages: [en, zh]", "languages: [zh, zh]"), "field 'languages'"),
    ],
)
def test_a_bad_brand_fails_with_the_file_and_field_and_exit_2(tmp_path: Path, edit, expected: str) -> None:
    run = check_cli(broken_brand(tmp_path, edit))
    assert run.returncode == 2
    assert "brand.yml" in run.stderr and expected in run.stderr
    assert run.stderr.count("\n") == 1 and "Traceback" not in run.stderr


def test_an_overlay_naming_a_missing_question_fails_before_building(tmp_path: Path) -> None:
    folder = broken_brand(tmp_path, lambda t: t)
    (folder / "questions.toml").write_text('hide = ["product.no-such-question"]\n', "utf-8")
    target = tmp_path / "site"
    run = subprocess.run(
        [sys.executable, "scripts/build.py", "--site-dir", str(target)],
        cwd=ROOT,
        env={**os.environ, "BRAND_DIR": str(folder)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 2
    assert (
        "questions.toml, field 'hide': names a question that does not exist: 'product.no-such-question'" in run.stderr
    )
    assert not target.exists()  # nothing half-built


def test_the_example_brand_is_applied_everywhere(acme_site: Path) -> None:
    for page, name, cta in [
        ("index.html", "Northwind Growth Lab", "Book a free diagnosis call"),
        ("pillars/product/index.html", "Northwind Growth Lab", "Book a free diagnosis call"),
        ("zh/index.html", "北风增长实验室", "预约免费诊断"),
        ("zh/pillars/product/index.html", "北风增长实验室", "预约免费诊断"),
    ]:
        html = (acme_site / page).read_text("utf-8")
        assert "<title>" in html and name in html, page
        assert cta in html and "mailto:hello@northwind.example" in html, page
        assert "assets/brand/logo.svg" in html and "assets/brand/favicon.svg" in html, page
        assert "盟接之桥" in html, page  # the credit for the method stays
    css = (acme_site / "assets/brand/brand.css").read_text("utf-8")
    assert "--md-primary-fg-color: #5b2a86" in css and "--md-accent-fg-color: #d9480f" in css
    assert (acme_site / "assets/brand/wechat-qr.svg").is_file()
    assert '<link rel="canonical" href="https://northwind.example/diagnosis/' in (acme_site / "index.html").read_text(
        "utf-8"
    )


def test_an_english_only_brand_publishes_no_chinese_pages(tmp_path: Path, site_cache: Path) -> None:
    folder = broken_brand(tmp_path, lambda t: t.replace("languages: [en, zh]", "languages: [en]"))
    site = built_site(folder, site_cache)
    assert (site / "index.html").is_file() and not (site / "zh").exists()
    assert "简体中文" not in (site / "index.html").read_text("utf-8")


def test_the_brands_own_case_study_joins_the_case_studies_in_both_languages(acme_site: Path) -> None:
    assert "阀门厂" in (acme_site / "zh/cases/northwind-valve-maker/index.html").read_text("utf-8")
    index = (acme_site / "cases/index.html").read_text("utf-8")
    # A row of the index table, not only a menu entry: its link, and its lesson from the page's front matter.
    assert re.search(r'<td><a href="northwind-valve-maker/">Northwind client: valve maker</a></td>', index)
    assert "put it on the listing" in index
    assert re.search(
        r'<td><a href="northwind-valve-maker/">北风客户：阀门厂</a></td>',
        (acme_site / "zh/cases/index.html").read_text("utf-8"),
    )


def test_the_overlay_changes_the_scoring_as_documented() -> None:
    # Threshold 65: a product score between 60 and 65 is healthy by default but the root for this brand
    # (practices are scored against the usual level, which sits at each bank's own line).
    product = {
        "product.positioning": "everyone",
        "product.value-for-money": "price-only",
        "product.quality": "closed-loop",
        "product.supply": "resilient",
    }
    upstream, northwind = get_bank(), load_bank(None, OVERLAY)
    default, branded = assess_bank(upstream, product), assess_bank(northwind, product)
    assert default["threshold"] == 60 and branded["threshold"] == 65
    score = default["pillars"][0]["score"]
    assert 60 <= score < 65, "pick answers that land between the two thresholds"
    assert default["root"] is None and branded["root"] == "product"
    # Hidden: the question is not asked; an answer to it (a link from upstream's site) is set aside and said so.
    hidden = assess_bank(northwind, {"inquiry.live-qa": "na"})
    assert hidden["hidden"] == ["inquiry.live-qa"] and "inquiry.live-qa" in hidden["migration_note"]
    assert hidden["answered"] == 0
    with pytest.raises(AnswerError, match=re.escape("unknown question id 'inquiry.no-such-question'")):
        assess_bank(northwind, {"inquiry.no-such-question": "na"})
    # Added: the brand's own question scores and brings its own action.
    result = assess_bank(northwind, {"inquiry.sample-policy": "none"})
    assert result["pillars"][2]["score"] == 0
    assert [a["id"] for a in result["plan"]] == ["inquiry.sample-policy.write-policy"]
    # Re-weighted: product.information counts double.
    mixed = {"product.information": "complete", "product.quality": "reactive"}
    assert assess_bank(northwind, mixed)["pillars"][0]["score"] > assess_bank(upstream, mixed)["pillars"][0]["score"]


def git(cwd: Path, *args: str) -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@t",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@t",
    }
    run = subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stdout + run.stderr
    return run.stdout


def test_upstream_changes_merge_into_a_branded_fork_without_conflict(tmp_path: Path) -> None:
    upstream, fork = tmp_path / "upstream", tmp_path / "fork"
    git(tmp_path, "clone", "--quiet", "--no-local", str(ROOT), str(upstream))
    if (upstream / "brand").exists():  # this checkout is itself a fork: make the copy upstream's again
        git(upstream, "rm", "-r", "--quiet", "brand")
        git(upstream, "commit", "--quiet", "-m", "Upstream has no brand/")
    git(tmp_path, "clone", "--quiet", str(upstream), str(fork))
    # The consultant brands the fork: a brand/ folder of its own, which upstream never has.
    assert not (fork / "brand").exists()
    shutil.copytree(EXAMPLE, fork / "brand")
    git(fork, "add", "-A")
    git(fork, "commit", "--quiet", "-m", "Our brand")
    # Upstream improves docs, templates and the question bank, and edits its own brand.
    for relative, addition in [
        (UPSTREAM_YML, "\n# upstream brand change\n"),
        ("docs/index.md", "\nA new paragraph from upstream.\n"),
        ("overrides/main.html", "\n{# upstream template change #}\n"),
        ("assessment/bank/product.toml", "\n# upstream bank comment\n"),
    ]:
        with (upstream / relative).open("a", encoding="utf-8") as handle:
            handle.write(addition)
    git(upstream, "commit", "--quiet", "-am", "Upstream improvements")
    git(fork, "fetch", "--quiet", "origin")
    git(fork, "merge", "--no-edit", "origin/HEAD")
    assert "A new paragraph from upstream." in (fork / "docs/index.md").read_text("utf-8")
    assert "Northwind" in (fork / "brand/brand.yml").read_text("utf-8")
    assert "upstream brand change" in (fork / UPSTREAM_YML).read_text("utf-8")
    assert git(fork, "status", "--porcelain") == ""


# -- Finding 10: brand URLs, pages and YAML are checked; messages stay short -----------------------


def one_line_error(run: subprocess.CompletedProcess[str], expected: str) -> None:
    assert run.returncode == 2, run.stdout + run.stderr
    assert expected in run.stderr and run.stderr.count("\n") == 1 and "Traceback" not in run.stderr, run.stderr
    assert len(run.stderr) < 400, f"a long message: {len(run.stderr)} characters"


@pytest.mark.parametrize(
    "url",
    [
        "//evil.example/phish",
        "/\\evil.example",
        "\\\\evil.example",
        '"https://evil.example"',
        'https://northwind.example/"><script>alert(1)</script>',
        "https://northwind.example/<b>",
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "data:text/html,hi",
        " https://northwind.example/",
        "https://user@evil.example/",
        "https://",
        "mailto:",
        "tel:call-me",
        "../../outside/",
        "/assessment/",
    ],
)
def test_a_contact_url_is_parsed_and_checked(tmp_path: Path, url: str) -> None:
    folder = broken_brand(tmp_path, lambda t: t.replace("  url: mailto:hello@northwind.example", f"  url: {url!r}"))
    one_line_error(check(folder), "field 'contact.url'")


@pytest.mark.parametrize(
    "url",
    [
        "mailto:hello@northwind.example",
        "mailto:hello@northwind.example?subject=Diagnosis",
        "tel:+31-10-555-0100",
        "https://northwind.example/book?ref=site",
        "http://northwind.example",
        "assessment/",
        "about/#credits",  # a page the brand publishes (it hides the consultant guide)
    ],
)
def test_good_contact_urls_pass(tmp_path: Path, url: str) -> None:
    folder = broken_brand(tmp_path, lambda t: t.replace("  url: mailto:hello@northwind.example", f"  url: {url!r}"))
    run = check(folder)
    assert run.returncode == 0, run.stderr


@pytest.mark.parametrize(
    "url",
    ['https://northwind.example/"><script>alert(1)</script>', "//northwind.example/", "https://", "ftp://x.example/"],
)
def test_the_site_url_is_parsed_and_checked(tmp_path: Path, url: str) -> None:
    folder = broken_brand(
        tmp_path, lambda t: t.replace("site_url: https://northwind.example/diagnosis/", f"site_url: {url!r}")
    )
    one_line_error(check(folder), "field 'site_url'")


def test_a_brand_page_may_not_be_a_link_out_of_the_brand_folder(tmp_path: Path) -> None:
    folder = broken_brand(tmp_path, lambda t: t)
    (folder / "pages" / "cases" / "leak.md").symlink_to(ROOT / "pyproject.toml")
    one_line_error(check(folder), "leak.md")
    shutil.rmtree(folder / "pages" / "cases")
    (folder / "pages" / "cases").symlink_to(ROOT / "docs" / "cases")
    one_line_error(check(folder), "field 'pages'")


def test_a_brand_page_may_not_include_other_files(tmp_path: Path) -> None:
    folder = broken_brand(tmp_path, lambda t: t)
    page = folder / "pages" / "cases" / "northwind-valve-maker.md"
    page.write_text(page.read_text("utf-8") + '\n--8<-- ".git/config"\n', "utf-8")
    one_line_error(check(folder), "northwind-valve-maker.md")


@pytest.mark.parametrize(
    "entry",
    [
        "  - {file: ../../../pyproject.toml, title: {en: x, zh: x}}",
        "  - {file: cases/northwind-valve-maker.md, section: {a: 1}, title: {en: x, zh: x}}",
    ],
)
def test_a_nav_entry_names_a_page_of_the_brand(tmp_path: Path, entry: str) -> None:
    folder = broken_brand(tmp_path, lambda t: t.replace("nav:\n", "nav:\n" + entry + "\n"))
    one_line_error(check(folder), "field 'nav[0]")


def test_yaml_anchors_and_aliases_are_refused(tmp_path: Path) -> None:
    """A 'billion laughs' alias bomb took 37 s and 3 GB before failing; now it is refused at once."""
    bomb = "\n".join(
        ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
        + [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 6)]
        + ["site_url: *a5"]
    )
    folder = broken_brand(tmp_path, lambda t: t.replace("site_url: https://northwind.example/diagnosis/", bomb))
    one_line_error(check(folder), "anchors and aliases")


def test_invalid_yaml_is_one_short_line(tmp_path: Path) -> None:
    folder = broken_brand(tmp_path, lambda t: t + "\nbroken: [unclosed\n")
    one_line_error(check_cli(folder), "brand.yml: is not valid YAML")


def test_a_long_bad_value_is_not_echoed_in_full(tmp_path: Path) -> None:
    folder = broken_brand(tmp_path, lambda t: t.replace('primary: "#5b2a86"', f'primary: "{"x" * 5000}"'))
    one_line_error(check(folder), "field 'colors.light.primary'")


# -- Finding 1: raw HTML in a brand text is refused, naming the field -------------------------------

HOSTILE = [
    "<script>window.__pwned = 1</script>",
    '<img src=x onerror="window.__pwned = 1">',
    '<meta http-equiv="refresh" content="0;url=https://evil.example">',
    '<base href="https://evil.example/">',
    "</title><title>Hacked",
]
BRAND_TEXTS = [
    ("  en: Northwind Growth Lab\n", "name.en"),
    ("  zh: 北风增长实验室帮助外贸工厂与线上品牌先修好电商运营的根本。\n", "description.zh"),
    (
        "  en: Northwind Growth Lab · Shenzhen and Rotterdam.\n",
        "footer.en",
    ),
    ("  en: © 2026 Northwind Growth Lab (fictional). Content CC BY 4.0.\n", "legal.en"),
    ("    en: Book a free diagnosis call\n", "contact.label.en"),
    ("    zh: 北风顾问会带你的团队解读结果，并制定 90 天计划。\n", "contact.text.zh"),
    ("    en: WeChat QR code of Northwind Growth Lab\n", "contact.qr_alt.en"),
    ('      en: "Northwind client: valve maker"\n', "nav[0].title.en"),
]


@pytest.mark.parametrize("payload", HOSTILE)
@pytest.mark.parametrize(("line", "field"), BRAND_TEXTS)
def test_html_in_a_brand_text_is_refused(tmp_path: Path, payload: str, line: str, field: str) -> None:
    indent = line[: len(line) - len(line.lstrip())]
    key = line.strip().split(":")[0]
    replacement = f"{indent}{key}: {json.dumps('Fine text ' + payload, ensure_ascii=False)}\n"
    folder = broken_brand(tmp_path, lambda t: t.replace(line, replacement))
    one_line_error(check(folder), f"field '{field}': contains HTML")


@pytest.mark.parametrize("text", ['Root "First"', "Root <1st", "Root > First"])
@pytest.mark.parametrize(("line", "field"), [BRAND_TEXTS[0], BRAND_TEXTS[-1]])
def test_the_name_and_nav_titles_may_not_hold_quotes_or_angle_brackets(
    tmp_path: Path, text: str, line: str, field: str
) -> None:
    """The theme prints these without escaping, in attributes too."""
    indent = line[: len(line) - len(line.lstrip())]
    key = line.strip().split(":")[0]
    folder = broken_brand(tmp_path, lambda t: t.replace(line, f"{indent}{key}: {json.dumps(text)}\n"))
    one_line_error(check(folder), f"field '{field}': may not contain <, > or \"")


def test_brand_texts_that_only_look_like_html_pass(tmp_path: Path, tricky_brand: Path) -> None:
    run = check(tricky_brand)
    assert run.returncode == 0, run.stderr


# -- Item 11: the browser storage key is unique to the site ----------------------------------------


def brand_hook():
    import sitekit.brand

    return sitekit.brand


def test_the_storage_key_is_unique_to_the_site(tmp_path: Path) -> None:
    """Two forks with the same short_name on one origin (user.github.io/a/ and /b/) must not share saved answers."""
    hook = brand_hook()
    keys = {}
    for name, site_url in [("a", "https://user.github.io/a/"), ("b", "https://user.github.io/b/"), ("none", None)]:
        folder = broken_brand(
            tmp_path / name,
            lambda t, url=site_url: t.replace(
                "site_url: https://northwind.example/diagnosis/", f"site_url: {url}" if url else ""
            ),
        )
        keys[name] = hook.load_brand(folder).storage_key
    assert keys["none"] == "rf-northwind"
    assert keys["a"] != keys["b"] and all(re.fullmatch(r"rf-northwind-[0-9a-f]{8}", keys[k]) for k in "ab")
    same = broken_brand(tmp_path / "same", lambda t: t.replace("diagnosis/", "Diagnosis"))
    assert hook.load_brand(same).storage_key != keys["a"]  # a different path is a different site
    assert hook.load_brand(EXAMPLE).storage_key == hook.load_brand(EXAMPLE).storage_key  # stable across builds


def test_the_credit_for_the_method_is_on_every_page_whatever_the_footer_says(acme_site: Path) -> None:
    brand = (EXAMPLE / "brand.yml").read_text("utf-8")
    footer = brand.split("footer:")[1].split("legal:")[0]
    assert "盟接之桥" not in footer, "the example's footer leaves the credit out"
    pages = [p for p in acme_site.rglob("*.html") if "assets" not in p.parts]
    assert len(pages) > 40
    missing = [p for p in pages if not re.search(r'class="rf-credit">[^<]*盟接之桥', p.read_text("utf-8"))]
    assert missing == []


def test_a_hidden_page_is_neither_published_nor_linked(acme_site: Path) -> None:
    assert not (acme_site / "guide").exists() and not (acme_site / "zh" / "guide").exists()
    linking = [p for p in acme_site.rglob("*.html") if "fork-and-brand" in p.read_text("utf-8")]
    assert linking == []
    assert "for-consultants" not in (acme_site / "about" / "index.html").read_text("utf-8")


def test_a_contact_url_that_is_no_link_stops_the_build_before_it_starts(tmp_path: Path) -> None:
    folder = broken_brand(tmp_path, lambda t: t.replace("mailto:hello@northwind.example", "hello@northwind.example"))
    run = check_cli(folder)
    assert run.returncode == 2 and "field 'contact.url'" in run.stderr and run.stderr.count("\n") == 1
