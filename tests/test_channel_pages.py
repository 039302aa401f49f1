"""Channel playbooks a practitioner can trust: each says when it was checked, what changed and when, and on
which published sources it rests (platform rule pages, official help centres, reports), in both languages.

Every page under docs/channels/ carries an "As of <month> <year>" note (zh: "截至 <year> 年 <month> 月"),
the same date in both languages, and at least three cited sources, each with its date and an address. The
platform pages also keep a dated list of what changed, and cover the tools and rules a 2026 reader expects
to find there (issue 22): automated campaigns, refunds without return, reply-rate rules, the selling models.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from sitepages import published

ROOT = Path(__file__).resolve().parents[1]
CHANNELS = ROOT / "docs" / "channels"
PAGES = sorted(p.name.removesuffix(".md") for p in CHANNELS.glob("*.md") if ".zh." not in p.name)
PLATFORM_PAGES = [p for p in PAGES if p not in ("index", "b2b-basics")]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
AS_OF = {
    "en": re.compile(r'^!!! note "As of (' + "|".join(MONTHS) + r') (\d{4})"', re.M),
    "zh": re.compile(r'^!!! note "截至 (\d{4}) 年 (\d{1,2}) 月"', re.M),
}
CITATION = re.compile(r"^\[\^([\w-]+)\]: (.+)$", re.M)
YEAR = re.compile(r"(?<!\d)(19|20)\d{2}(?!\d)")


def source(slug: str, lang: str) -> str:
    return (CHANNELS / (f"{slug}.md" if lang == "en" else f"{slug}.zh.md")).read_text("utf-8")


def as_of(slug: str, lang: str) -> tuple[int, int]:
    match = AS_OF[lang].search(source(slug, lang))
    assert match, f"{slug} ({lang}) has no 'as of' note"
    if lang == "en":
        return int(match[2]), MONTHS.index(match[1]) + 1
    return int(match[1]), int(match[2])


@pytest.mark.parametrize("slug", PAGES)
def test_each_page_says_when_it_was_checked_the_same_in_both_languages(slug: str) -> None:
    assert as_of(slug, "en") == as_of(slug, "zh")


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("slug", PAGES)
def test_each_page_cites_at_least_three_dated_sources_with_an_address(slug: str, lang: str) -> None:
    text = source(slug, lang)
    citations = dict(CITATION.findall(text))
    assert len(citations) >= 3, f"{slug} ({lang}): {len(citations)} cited sources"
    for name, citation in citations.items():
        assert YEAR.search(citation), f"{slug} ({lang}) [^{name}] has no date (an undated page: when it was read)"
        assert "<http" in citation, f"{slug} ({lang}) [^{name}] has no address"
    used = set(re.findall(r"\[\^([\w-]+)\](?!:)", text))
    assert used == set(citations), (
        f"{slug} ({lang}): cited but not listed, or listed but not cited: {used ^ set(citations)}"
    )
    assert "///Footnotes Go Here///" in text.split("{#sources}")[1], "the citations are listed under Sources"


@pytest.mark.parametrize("slug", PLATFORM_PAGES)
def test_each_platform_page_says_what_changed_and_when(slug: str) -> None:
    for lang in ("en", "zh"):
        changes = source(slug, lang).split("{#changes}")[1].split("\n## ")[0]
        dated = [line for line in changes.splitlines() if line.startswith("- **") and YEAR.search(line)]
        assert len(dated) >= 3, f"{slug} ({lang}): {len(dated)} dated changes"
        newest = max(int(y.group(0)) for line in dated for y in YEAR.finditer(line))
        assert newest <= as_of(slug, lang)[0], f"{slug} ({lang}) reports a change after its 'as of' date"


# What a practitioner looks for on each page in 2026, in both languages (issue 22).
COVERS = {
    "chinese-marketplaces": {
        "en": ["全站推广", "标准推广", "3-minute human reply rate", "仅退款", "好评率", "运费险"],
        "zh": ["全站推广", "标准推广", "3 分钟人工回复率", "仅退款", "好评率", "运费险"],
    },
    "interest-ecommerce": {
        "en": ["千川", "全域推广", "小红星", "红猫计划", "视频号", "私域", "达人佣金"],
        "zh": ["千川", "全域推广", "小红星", "红猫计划", "视频号", "私域", "达人佣金"],
    },
    "cross-border-marketplaces": {
        "en": ["returns processing fee", "Voice of the Customer", "GMV Max", "Temu", "SHEIN", "full-managed", "Shopee"],
        "zh": ["退货处理费", "买家之声", "GMV Max", "Temu", "SHEIN", "全托管", "Shopee"],
    },
    "own-site": {
        "en": ["Performance Max", "Advantage+", "视频号", "私域", "WeCom"],
        "zh": ["效果最大化", "Advantage+", "视频号", "私域", "企业微信"],
    },
    "b2b-platforms": {"en": ["P4P", "全站推", "询盘转化率"], "zh": ["P4P", "全站推", "询盘转化率"]},
}


@pytest.mark.parametrize("slug", sorted(COVERS))
def test_each_platform_page_covers_the_tools_and_rules_of_2026(slug: str) -> None:
    for lang, terms in COVERS[slug].items():
        text = source(slug, lang)
        missing = [term for term in terms if term not in text]
        assert missing == [], f"{slug} ({lang}) does not cover {missing}"


def test_the_chinese_marketplace_page_names_no_amazon_back_end() -> None:
    for lang in ("en", "zh"):
        text = published(f"channels/chinese-marketplaces{'' if lang == 'en' else '.zh'}.md", lang)
        assert "Seller Central" not in text and "卖家平台" not in text


CHINESE_MARKETPLACES = {"taobao-tmall-jd", "pinduoduo", "douyin-kuaishou", "xiaohongshu", "taobao-tmall", "jd"}
AMAZON_BACK_END = ("Seller Central", "卖家平台", "Amazon", "亚马逊")


def chinese_marketplace_texts() -> list[tuple[str, str]]:
    """The bank's texts written only for Chinese marketplaces: variants and scales whose condition names
    no other business model or channel."""
    found = []
    for file in sorted((ROOT / "assessment" / "bank").glob("*.toml")):
        document = tomllib.loads(file.read_text("utf-8"))
        items = [i for key in ("actions", "questions") if isinstance(document.get(key), list) for i in document[key]]
        for item in items:
            for part in item.get("variants", []) + item.get("scales", []):
                named = {value for values in part.get("when", {}).values() for value in values}
                if named and named <= CHINESE_MARKETPLACES:
                    found += [(f"{file.name}: {item['id']}", text) for text in _texts(part)]
    return found


def _texts(data: object) -> list[str]:
    if isinstance(data, str):
        return [data]
    if isinstance(data, dict):
        return [t for key, value in data.items() if key not in ("when", "cites") for t in _texts(value)]
    if isinstance(data, list):
        return [t for value in data for t in _texts(value)]
    return []


def test_the_banks_chinese_marketplace_variants_name_no_amazon_back_end() -> None:
    texts = chinese_marketplace_texts()
    assert len(texts) >= 10, "the bank's Chinese-marketplace variants were not found"
    assert [w for w, text in texts if any(name in text for name in AMAZON_BACK_END)] == []
