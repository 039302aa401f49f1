"""The brand folder as the build package reads it (sitekit/brand/load.py): no site build, milliseconds each.

A brand is one folder; everything a consultant can get wrong in it stops the
build with one line naming the file and the field, before anything is built.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from sitekit.brand import (
    UPSTREAM_BRAND,
    Brand,
    BrandError,
    brand_dir,
    check_leftovers,
    contact_url_problem,
    load_brand,
    pages_for_url,
    upstream_pages,
)

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "acme-brand"
UPSTREAM = upstream_pages()


def brand(tmp_path: Path, edit: Callable[[str], str] = lambda t: t) -> Path:
    folder = tmp_path / "brand"
    shutil.copytree(EXAMPLE, folder)
    path = folder / "brand.yml"
    path.write_text(edit(path.read_text("utf-8")), "utf-8")
    return folder


def error(folder: Path) -> str:
    with pytest.raises(BrandError) as caught:
        load_brand(folder, UPSTREAM)
    message = str(caught.value)
    assert "\n" not in message, "one line"
    return message


# -- Which brand is built ---------------------------------------------------------------------------


def test_upstream_brand_is_built_when_the_repository_has_no_brand_folder(tmp_path: Path) -> None:
    upstream = tmp_path / UPSTREAM_BRAND.relative_to(ROOT)
    upstream.mkdir(parents=True)
    assert brand_dir({}, tmp_path) == upstream.resolve()


def test_a_forks_brand_folder_wins_over_upstreams(tmp_path: Path) -> None:
    (tmp_path / "brand").mkdir()
    (tmp_path / "brand" / "brand.yml").write_text("name: x\n", "utf-8")
    assert brand_dir({}, tmp_path) == (tmp_path / "brand").resolve()


def test_brand_dir_from_the_environment_wins_over_both(tmp_path: Path) -> None:
    (tmp_path / "brand").mkdir()
    (tmp_path / "brand" / "brand.yml").write_text("name: x\n", "utf-8")
    assert brand_dir({"BRAND_DIR": str(EXAMPLE)}, tmp_path) == EXAMPLE.resolve()


def test_upstreams_brand_and_the_example_load() -> None:
    upstream = load_brand(UPSTREAM_BRAND, UPSTREAM)
    example = load_brand(EXAMPLE, UPSTREAM)
    assert isinstance(upstream, Brand) and upstream.default_language == "en"
    assert example.hide == ("guide/fork-and-brand.md", "guide/workshop.md") and example.questions is not None


# -- One line naming the file and the field ----------------------------------------------------------


@pytest.mark.parametrize(
    ("edit", "field"),
    [
        (lambda t: t.replace('primary: "#5b2a86"', 'primry: "#5b2a86"'), "colors.light.primry"),
        (lambda t: t.replace("  url: mailto:", "  link: mailto:"), "contact.link"),
        (lambda t: t.replace("    section: Case studies", "    sektion: Case studies"), "nav[0].sektion"),
        (
            lambda t: t.replace(
                "colors:\n  light:", "colors:\n  sepia: {primary: '#000000', accent: '#000000'}\n  light:"
            ),
            "colors.sepia",
        ),
        (
            lambda t: t.replace("  en: Northwind Growth Lab\n", "  en: Northwind Growth Lab\n  fr: Laboratoire\n"),
            "name.fr",
        ),
        (lambda t: t + "\ntagline: hello\n", "tagline"),
    ],
)
def test_an_unknown_key_is_named_with_its_full_path(tmp_path: Path, edit: Callable[[str], str], field: str) -> None:
    message = error(brand(tmp_path, edit))
    assert "brand.yml" in message and f"field {field!r}: unknown field" in message


def test_invalid_yaml_is_one_line_with_where_it_broke(tmp_path: Path) -> None:
    message = error(brand(tmp_path, lambda t: t + "\nbroken: [unclosed\n"))
    assert re.search(r"brand\.yml: is not valid YAML: line \d+, column \d+: ", message), message


def test_a_yaml_alias_bomb_is_refused_at_once(tmp_path: Path) -> None:
    """'Billion laughs': six lines that expand to 9**6 strings; refused before anything is expanded."""
    bomb = "\n".join(
        ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
        + [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 6)]
        + ["site_url: *a5"]
    )
    message = error(brand(tmp_path, lambda t: t.replace("site_url: https://northwind.example/diagnosis/", bomb)))
    expected = r"is not valid YAML: line \d+, column \d+: anchors and aliases \(& and \*\) are not allowed"
    assert re.search(expected, message), message


# -- The contact link -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "hello@northwind.example",  # an e-mail address without mailto:
        "www.northwind.example",  # a web address without https://
        "联系我们",  # text
        "book-a-call/",  # no such page
        "guide/fork-and-brand/",  # a page the example brand hides
        "javascript:alert(1)",
    ],
)
def test_a_contact_url_that_would_be_a_broken_link_is_refused(tmp_path: Path, url: str) -> None:
    message = error(brand(tmp_path, lambda t: t.replace("  url: mailto:hello@northwind.example", f"  url: {url!r}")))
    assert "field 'contact.url'" in message


@pytest.mark.parametrize(
    "url",
    [
        "mailto:hello@northwind.example",
        "tel:+31-10-555-0100",
        "https://northwind.example/book",
        "assessment/",
        "about/#licence",
        "cases/northwind-valve-maker/",  # the brand's own page
    ],
)
def test_an_address_or_a_published_page_is_accepted(tmp_path: Path, url: str) -> None:
    folder = brand(tmp_path, lambda t: t.replace("  url: mailto:hello@northwind.example", f"  url: {url!r}"))
    assert load_brand(folder, UPSTREAM).contact.url == url  # type: ignore[union-attr]


def test_a_site_url_is_matched_to_the_page_files_it_can_be_built_from() -> None:
    assert pages_for_url("assessment/") == ("assessment.md", "assessment/index.md")
    assert pages_for_url("about/#licence") == ("about.md", "about/index.md")
    assert pages_for_url("") == ("index.md",)
    assert contact_url_problem("about/", {"about.md"}) is None
    assert contact_url_problem("about/", {"loop.md"}) is not None


# -- Languages, pages -------------------------------------------------------------------------------


def test_the_first_language_is_the_default(tmp_path: Path) -> None:
    folder = brand(tmp_path, lambda t: t.replace("languages: [en, zh]", "languages: [zh, en]"))
    assert load_brand(folder, UPSTREAM).default_language == "zh"


@pytest.mark.parametrize("languages", ["[en, fr]", "[zh, zh]", "[]", "en"])
def test_languages_must_be_known_and_listed_once(tmp_path: Path, languages: str) -> None:
    message = error(brand(tmp_path, lambda t: t.replace("languages: [en, zh]", f"languages: {languages}")))
    assert "field 'languages'" in message


def test_hide_names_upstream_pages_only(tmp_path: Path) -> None:
    edit = lambda t: t.replace("hide: [guide/fork-and-brand.md,", "hide: [guide/no-such-page.md,")  # noqa: E731
    assert "field 'hide[0]': no such upstream page" in error(brand(tmp_path, edit))


def test_replace_needs_the_brands_own_page_of_that_path(tmp_path: Path) -> None:
    message = error(brand(tmp_path, lambda t: t + "\nreplace: [about.md]\n"))
    assert "field 'replace[0]'" in message and "about.md" in message


# -- The logo against each scheme's primary colour ----------------------------------------------------


def test_a_white_logo_on_a_light_dark_scheme_header_asks_for_a_dark_logo(tmp_path: Path) -> None:
    message = error(brand(tmp_path, lambda t: t.replace("logo_dark: logo-dark.svg\n", "")))
    assert "field 'logo'" in message and "#c7a4ef" in message and "add a logo_dark" in message


def test_a_dark_logo_that_does_not_stand_out_either_is_named(tmp_path: Path) -> None:
    folder = brand(tmp_path)
    (folder / "logo-dark.svg").write_text((folder / "logo.svg").read_text("utf-8"), "utf-8")  # white again
    assert "field 'logo_dark'" in error(folder)


# -- Leftovers of the example ------------------------------------------------------------------------


def test_a_brand_of_its_own_may_not_publish_the_examples_pages_unchanged(tmp_path: Path) -> None:
    folder = brand(tmp_path, lambda t: t.replace("en: Northwind Growth Lab", "en: Lumen Advisory"))
    with pytest.raises(BrandError, match=re.escape("northwind-valve-maker.md: is the example brand's page, unchanged")):
        check_leftovers(load_brand(folder, UPSTREAM))
    page = folder / "pages" / "cases" / "northwind-valve-maker.md"
    page.write_text(page.read_text("utf-8").replace("valve", "pump"), "utf-8")
    (folder / "pages" / "cases" / "northwind-valve-maker.zh.md").unlink()
    (folder / "bands.json").unlink()
    check_leftovers(load_brand(folder, UPSTREAM))  # rewritten as its own: fine


def test_a_brand_of_its_own_may_not_compare_its_clients_with_the_examples_made_up_companies(tmp_path: Path) -> None:
    folder = brand(tmp_path, lambda t: t.replace("en: Northwind Growth Lab", "en: Lumen Advisory"))
    for page in (folder / "pages" / "cases").glob("northwind-valve-maker*.md"):  # pages of its own
        page.write_text(page.read_text("utf-8").replace("valve", "pump").replace("阀门", "水泵"), "utf-8")
    with pytest.raises(BrandError, match=re.escape("bands.json: is the example brand's made-up peer bands")):
        check_leftovers(load_brand(folder, UPSTREAM))
    bands = folder / "bands.json"
    bands.write_text(bands.read_text("utf-8").replace('"median": 39', '"median": 38', 1), "utf-8")
    check_leftovers(load_brand(folder, UPSTREAM))  # bands of its own: fine


def test_the_example_itself_publishes_its_pages() -> None:
    check_leftovers(load_brand(EXAMPLE, UPSTREAM))
