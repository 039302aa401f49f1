"""One terminology and one spacing rule for every Chinese text the site shows.

Terms: sitekit/data/terms.toml lists, for each idea, the preferred Chinese term and the
variants not to use. No page (either language: English pages quote Chinese terms too),
no Chinese text of the question bank (assessment/bank/*.toml) and no Chinese text in the
site's own data may use a rejected variant. Writing a variant inside quotation marks
(“跳失率”) mentions it rather than uses it, and is allowed.

Spacing, in docs/*.zh.md as a reader sees them (tokens filled) and in those same Chinese texts:
- exactly one half-width space between Chinese characters and Latin letters or digits
  (a number's % belongs to the number: “55% 的”);
- no space between a digit and %, none between ¥ and its number, and none before ¥;
- no space between full-width punctuation and what follows or precedes it.
Not checked (they keep their own spelling): front matter, code blocks, the inside of `code spans`
(a code span is spaced like a Latin word),
link targets and other URLs, HTML tags and their attributes, attribute lists ({ .md-button },
{#anchor}), and the glossary's own list of rejected variants.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sitepages import published

from sitekit.terms import load as load_terms

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
TERMS = load_terms()
REJECTED = {variant: term["zh"] for term in TERMS for variant in term["rejected"]}
HAN = r"\u3400-\u4dbf\u4e00-\u9fff"
LATIN = r"A-Za-z0-9"
FULL_WIDTH = r"，。、；：？！（）「」『』《》【】“”‘’…—"
SPACING = [
    (re.compile(rf"[{HAN}][{LATIN}]|[{LATIN}%][{HAN}]"), "no space between Chinese and Latin or digits"),
    (re.compile(rf"[{HAN}] {{2,}}[{LATIN}]|[{LATIN}%] {{2,}}[{HAN}]"), "more than one space"),
    (re.compile(r"\d\s+%"), "a space between a number and %"),
    (re.compile(r"¥\s+\d|\S[ \t]+¥"), "a space after or before ¥"),
    (re.compile(rf"[{FULL_WIDTH}][ \t]+\S|\S[ \t]+[{FULL_WIDTH}]"), "a space next to full-width punctuation"),
]
MENTION = re.compile(r"“[^”]*”")


def zh_pages() -> list[Path]:
    return sorted(DOCS.rglob("*.zh.md"))


def all_pages() -> list[Path]:
    return sorted(DOCS.rglob("*.md"))


def zh_strings(data: Any, where: str = "") -> Iterator[tuple[str, str]]:
    """Every Chinese string in a TOML document: values under a `zh` key, with their path."""
    if isinstance(data, dict):
        for key, value in data.items():
            path = f"{where}.{key}" if where else key
            if key == "zh":
                for text in value if isinstance(value, list) else [value]:
                    if isinstance(text, list):
                        yield from ((path, t) for t in text if isinstance(t, str))
                    elif isinstance(text, str):
                        yield path, text
            else:
                yield from zh_strings(value, path)
    elif isinstance(data, list):
        for index, item in enumerate(data):
            label = item.get("id", index) if isinstance(item, dict) else index
            yield from zh_strings(item, f"{where}[{label}]")


def data_texts() -> list[tuple[str, str]]:
    """The bank's Chinese texts and the site's own Chinese data (templates, figures, examples, terms' notes)."""
    files = sorted((ROOT / "assessment" / "bank").glob("*.toml"))
    files += sorted((ROOT / "sitekit" / "data").glob("*.toml")) + sorted((ROOT / "calibration").glob("*.figures.toml"))
    texts = []
    for file in files:
        document = tomllib.loads(file.read_text("utf-8"))
        if file.name == "terms.toml":  # the list of rejected variants names them on purpose; its notes are checked
            document = {"terms": [{"note": t["note"]} for t in document["terms"]]}
        texts += [(f"{file.relative_to(ROOT)}: {path}", text) for path, text in zh_strings(document)]
    return texts


def reader_text(markdown: str) -> str:
    """What the spacing rule applies to: prose without markup, code, links' targets or HTML."""
    text = re.sub(r"\A---\n.*?\n---\n", "", markdown, flags=re.S)
    text = re.sub(r"^(```|~~~).*?^\1", "", text, flags=re.S | re.M)
    text = re.sub(r"`[^`\n]*`", "CODE", text)  # code keeps its own spelling, but is spaced like Latin text
    text = re.sub(r"<[^>\n]+>", "", text)
    text = re.sub(r"!?\[([^\]\n]*)\]\([^)\n]*\)", r"\1", text)
    text = re.sub(r"\{[:.#][^}\n]*\}|\{ [^}\n]*\}", "", text)
    text = re.sub(r"https?://\S+", "", text)
    text = re.sub(r"(\*\*|\*|__)", "", text)
    text = re.sub(r"^\s*(#+|[-*+]|\d+\.|!!!|\?\?\?\+?)\s", "", text, flags=re.M)
    text = re.sub(r"\s*\|\s*", " | ", text)  # table cells: the pipes are layout, not text
    return text


def spacing_problems(text: str) -> list[str]:
    found = []
    for line in text.splitlines():
        for pattern, problem in SPACING:
            for match in pattern.finditer(line):
                if "|" in match.group(0):
                    continue
                start = max(0, match.start() - 12)
                found.append(f"{problem}: …{line[start : match.end() + 12]}…")
    return found


def uses(text: str) -> list[str]:
    bare = MENTION.sub("", text)
    return [f"{variant} (use {REJECTED[variant]})" for variant in REJECTED if variant in bare]


def test_every_rejected_variant_has_a_preferred_term_and_no_variant_is_itself_preferred() -> None:
    preferred = {t["zh"] for t in TERMS}
    assert REJECTED and not set(REJECTED) & preferred
    assert all(variant not in p for variant in REJECTED for p in preferred), "a variant inside a preferred term"


@pytest.mark.parametrize("page", all_pages(), ids=lambda p: str(p.relative_to(DOCS)))
def test_no_page_uses_a_rejected_term(page: Path) -> None:
    assert uses(page.read_text("utf-8")) == []


def test_no_chinese_data_text_uses_a_rejected_term() -> None:
    found = [f"{where}: {problem}" for where, text in data_texts() for problem in uses(text)]
    assert found == []


@pytest.mark.parametrize("page", zh_pages(), ids=lambda p: str(p.relative_to(DOCS)))
def test_chinese_pages_are_spaced_as_a_native_editor_spaces_them(page: Path) -> None:
    # The generated scoring reference is the bank's texts (checked as data below) in a template's layout.
    markdown = published(page.relative_to(DOCS).as_posix(), "zh", reference=False)
    assert spacing_problems(reader_text(markdown)) == []


def test_chinese_data_texts_are_spaced_the_same_way() -> None:
    found = [f"{where}: {problem}" for where, text in data_texts() for problem in spacing_problems(reader_text(text))]
    assert found == []


@pytest.mark.parametrize(
    ("text", "ok"),
    [
        ("最近 30 天的 ROAS 是 1.3。", True),
        ("最近30天", False),
        ("ROAS与盈亏平衡点", False),
        ("毛利率 55 %", False),
        ("55% 的订单", True),
        ("55%的订单", False),
        ("一袋¥39 的零食", True),
        ("一袋 ¥39", False),
        ("¥ 39", False),
        ("投流  ROAS", False),
        ("见 `1 ÷ 毛利率` 公式", True),
        ("[ROAS](metrics.md#roas) 与盈亏平衡点", True),
        ("是这样 ，不是", False),
    ],
)
def test_the_spacing_rule(text: str, ok: bool) -> None:
    assert (spacing_problems(reader_text(text)) == []) is ok


def test_a_quoted_variant_is_a_mention_not_a_use() -> None:
    assert uses("各平台叫法不同（生意参谋叫“跳失率”）") == []
    assert uses("跳失率偏高") == ["跳失率 (use 跳出率)", "跳失 (use 跳出率)"]
