"""One terminology, one punctuation and one spacing rule for every Chinese text the site shows.

Terms: sitekit/data/terms.toml lists, for each idea, the preferred Chinese term and the
variants not to use. No page (either language: English pages quote Chinese terms too),
no Chinese text of the question bank (assessment/bank/*.toml) and no Chinese text in the
site's own data may use a rejected variant. Writing a variant inside quotation marks
(“跳失率”) mentions it rather than uses it, and is allowed.

Chinese texts are: docs/*.zh.md as a reader sees them, the bank's Chinese texts, the Chinese UI
strings (assessment/render/strings.json), the site's own Chinese data, and the results and plan targets the
engine generates in Chinese for every calibration case and sample company.

Phrasing (sitekit/data/terms.toml, [[patterns]]): no "不到 X 左右" or "X 左右以上".
ROAS: Chinese operators say 投产比; in Chinese text ROAS appears only inside a full-width bracket
that explains it (“投产比（ROAS）”). B2B texts say 询盘转化率, never the retail chat's 询单转化率.
Punctuation: no half-width ( ) : ; , ? ! next to Chinese characters (“你的数据 (%)”, “指标: 目标”).
The pillars' role names are the bank's (settings.toml), on the pillar pages too.

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

import json
import re
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sitepages import published

from assessment import assess_document, get_bank
from assessment.render.strings import STRINGS
from sitekit.terms import TERMS as TERMS_FILE
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
    (re.compile(rf"[{HAN}][ \t]+[{HAN}]"), "a space between Chinese characters (“2,000 元 的”)"),
    (re.compile(r"\d\s+%"), "a space between a number and %"),
    (re.compile(r"¥\s+\d|\S[ \t]+¥"), "a space after or before ¥"),
    (re.compile(rf"[{FULL_WIDTH}][ \t]+\S|\S[ \t]+[{FULL_WIDTH}]"), "a space next to full-width punctuation"),
]
MENTION = re.compile(r"“[^”]*”")
TITLE = re.compile(r"《[^》\n]*》")
PATTERNS = [
    (re.compile(p["regex"]), p["message"]["en"]) for p in tomllib.loads(TERMS_FILE.read_text("utf-8"))["patterns"]
]
HALF_WIDTH = re.compile(rf"[{HAN}]\s*[(:;,?!]|[):;,?!]\s*[{HAN}]")
RANGE_HYPHEN = re.compile(r"(?<![\d.\-])\d{1,3}-\d{1,3}(?![\d\-])")  # "2-3 个": a range takes an en dash, "2–3 个"
EMOJI = re.compile(r":[a-z0-9-]+:")
CODE = re.compile(r"`[^`\n]*`|CODE")
EXPLAINED = re.compile(r"（[^（）\n]*）")
RETAIL_ONLY = "询单转化率"
GLOSSARY = "terms.zh.md"  # pairs each Chinese term with its English name on purpose (ROAS among them)


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
    text = re.sub(r"^\[\^[\w-]+\]:\s*", "", text, flags=re.M)  # a footnote's label is markup
    text = re.sub(r"(\[\^[\w-]+\][,、]?)+|///Footnotes Go Here///", "", text)  # so are its marks and the list's place
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
    for raw in text.splitlines():
        for pattern, problem in SPACING:
            # A title keeps its own spacing (news headlines separate phrases with a space).
            line = TITLE.sub("《》", raw) if problem.startswith("a space between Chinese") else raw
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


def ui_texts() -> list[tuple[str, str]]:
    """Every Chinese UI string (assessment/render/strings.json, every section), with its key."""
    return [(f"strings.json: {key}", text) for key, text in _flat(json.loads(STRINGS.read_text("utf-8"))["zh"])]


def _flat(data: Any, where: str = "") -> Iterator[tuple[str, str]]:
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _flat(value, f"{where}.{key}" if where else str(key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _flat(value, f"{where}[{index}]")
    elif isinstance(data, str):
        yield where, data


def generated_texts() -> list[tuple[str, str]]:
    """What the engine writes in Chinese (scores, warnings, plan targets, steps) for every calibrated company."""
    files = sorted((ROOT / "calibration").glob("*.json")) + sorted((ROOT / "tests" / "companies").glob("*.json"))
    found: dict[str, str] = {}
    for file in files:
        document = json.loads(file.read_text("utf-8"))
        result = assess_document({"profile": document.get("profile", {}), "answers": document["answers"]}, "zh")
        for where, text in _flat(result):
            found.setdefault(text, f"{file.name}: {where}")
    return [(where, text) for text, where in found.items()]


def chinese(text: str) -> bool:
    """A Chinese sentence: more Chinese characters than Latin letters (an English step quoting 千川 is not one)."""
    return len(re.findall(rf"[{HAN}]", text)) > len(re.findall(r"[A-Za-z]", text))


def phrasing_problems(text: str) -> list[str]:
    """Hedges stacked on bounds, ROAS outside an explaining bracket, half-width punctuation beside Chinese."""
    bare = MENTION.sub("", text)
    found = [f"{message}: {m.group(0)}" for pattern, message in PATTERNS for m in pattern.finditer(bare)]
    if "ROAS" in EXPLAINED.sub("", bare):
        found.append("ROAS outside a bracket that explains it (say 投产比)")
    found += [f"a range written with a hyphen: {m.group(0)} (use –)" for m in RANGE_HYPHEN.finditer(CODE.sub("", bare))]
    for match in HALF_WIDTH.finditer(EMOJI.sub("", bare)):
        found.append(f"half-width punctuation beside Chinese: …{bare[max(0, match.start() - 8) : match.end() + 8]}…")
    return found


def every_chinese_text() -> list[tuple[str, str]]:
    pages = [
        (str(page.relative_to(DOCS)), reader_text(published(page.relative_to(DOCS).as_posix(), "zh", reference=False)))
        for page in zh_pages()
    ]

    return pages + [(w, reader_text(t)) for w, t in data_texts() + ui_texts() + generated_texts()]


def test_no_chinese_text_uses_a_struck_phrasing_roas_or_half_width_punctuation() -> None:
    found = [
        f"{where}: {problem}"
        for where, text in every_chinese_text()
        if chinese(text)
        for problem in phrasing_problems(text)
        if not (where == GLOSSARY and problem.startswith("ROAS"))
    ]
    assert found == [], "\n".join(found[:40]) + f"\n({len(found)} in all)"


def test_the_ui_and_the_generated_results_use_no_rejected_term() -> None:
    found = [f"{where}: {problem}" for where, text in ui_texts() + generated_texts() for problem in uses(text)]
    assert found == []


def b2b_texts() -> list[tuple[str, str]]:
    """Chinese texts written for B2B export: the B2B channel pages, the B2B case studies and their figures,
    and the bank's B2B variants."""
    pages = [(p.name, p.read_text("utf-8")) for p in sorted((DOCS / "channels").glob("b2b-*.zh.md"))]
    for case in sorted((ROOT / "calibration").glob("*.json")):
        if json.loads(case.read_text("utf-8"))["profile"].get("model") == "b2b-export":
            slug = case.name.removesuffix(".json")
            pages.append((f"cases/{slug}.zh.md", (DOCS / "cases" / f"{slug}.zh.md").read_text("utf-8")))
            figures = tomllib.loads((ROOT / "calibration" / f"{slug}.figures.toml").read_text("utf-8"))
            pages += [(f"{slug}.figures.toml: {w}", t) for w, t in zh_strings(figures)]
    texts = []
    for file in sorted((ROOT / "assessment" / "bank").glob("*.toml")):
        document = tomllib.loads(file.read_text("utf-8"))
        items = [i for key in ("actions", "questions") if isinstance(document.get(key), list) for i in document[key]]
        for item in items:
            for part in item.get("variants", []) + item.get("scales", []):
                if "b2b-export" in part.get("when", {}).get("model", []):
                    texts += [(f"{file.name}: {item['id']}", t) for _, t in zh_strings(part)]
    return pages + texts


def retail_term_in(texts: list[tuple[str, str]]) -> list[str]:
    return [where for where, text in texts if RETAIL_ONLY in MENTION.sub("", text)]


def test_b2b_texts_say_xunpan_conversion_not_the_retail_chat_term() -> None:
    texts = b2b_texts()
    assert any(w.startswith("b2b-platforms") for w, _ in texts) and any(".toml: " in w for w, _ in texts)
    assert retail_term_in(texts) == []


@pytest.mark.parametrize("pillar", get_bank().pillars, ids=lambda p: p.id)
def test_pillar_pages_name_each_pillar_by_the_banks_role(pillar: Any) -> None:
    for lang, suffix in (("en", ".md"), ("zh", ".zh.md")):
        title = (DOCS / "pillars" / f"{pillar.id}{suffix}").read_text("utf-8").splitlines()[0]
        assert pillar.role[lang].lower() in title.lower(), (
            f"{pillar.id} ({lang}): {title!r} lacks {pillar.role[lang]!r}"
        )


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("有效占比不到 40% 左右", "不到"),
        ("非付费占比 30% 左右以上", "左右以"),
        ("你的 ROAS 低于保本点", "ROAS outside"),
        ("你的数据 (%)", "half-width"),
        ("指标: 目标", "half-width"),
        ("投流 (27)", "half-width"),
        ("有效占比不到 40%", None),
        ("投产比（ROAS）低于保本投产比", None),
        ("每天 9:00–23:00 在线", None),
        ("LTV:CAC 达到 3", None),
        ("买家会对比的 2-3 个竞品", "hyphen"),
        ("买家会对比的 2–3 个竞品", None),
        ("2026-03-01 的报告", None),
        ("别写“不到 40% 左右”", None),
    ],
)
def test_the_phrasing_rule(text: str, problem: str | None) -> None:
    found = phrasing_problems(text)
    assert (found == []) if problem is None else any(problem in f for f in found), found


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("阈值是" + next(v for term in TERMS if term["zh"] == "本站默认值" for v in term["rejected"]), "本站默认值"),
        ("按利润率算", "投放前毛利率"),
        ("盈亏平衡 ROAS 是 2.5", "保本投产比"),
        ("录入次品台账", "缺陷记录表"),
        ("询盘：成交的前奏", "转化前奏"),
        ("价值兑现", "价值实现"),
        ("主力渠道的 LTV/CAC 低于 1", "LTV:CAC"),
        ("仍低于盈亏平衡线的计划", "保本投产比"),
        ("先做一次封顶测试", "小预算测款"),
        ("为主力产品准备凭证包", "资质证书资料包"),
        ("信任凭证不全", "资质证书资料包"),
    ],
)
def test_each_listed_variant_is_caught(text: str, term: str) -> None:
    assert any(f"(use {term})" in u for u in uses(text)), uses(text)


def test_a_b2b_text_with_the_retail_term_is_caught() -> None:
    texts = [
        ("b2b.zh.md", "外贸询单转化率偏低"),
        ("ok.zh.md", "外贸询盘转化率偏低"),
        ("quoted.zh.md", "零售叫“询单转化率”"),
    ]
    assert retail_term_in(texts) == ["b2b.zh.md"]


ITALIC = re.compile(rf"(?<![*A-Za-z0-9_`])\*([^*\s`][^*\n`]*[{HAN}][^*\n`]*?)\*(?![*A-Za-z0-9_])")


def italics(markdown: str) -> list[str]:
    """Chinese set in italics (*新的*): CJK fonts have no italic, so browsers slant the glyphs; stress is bold."""
    text = re.sub(r"`[^`\n]*`", "", markdown)
    lines = [line for line in text.splitlines() if not line.lstrip().startswith("* ")]
    return [m.group(0) for line in lines for m in ITALIC.finditer(line)]


@pytest.mark.parametrize("page", zh_pages(), ids=lambda p: str(p.relative_to(DOCS)))
def test_chinese_pages_stress_with_bold_not_italics(page: Path) -> None:
    assert italics(page.read_text("utf-8")) == []


def test_what_counts_as_chinese_in_italics() -> None:
    assert italics("平均每获得一个*新的*付费客户") == ["*新的*"]
    assert italics("平均每获得一个**新的**付费客户") == []
    assert italics("* 列表项里的中文") == []
    assert italics("见 `a * b * 中文` 公式") == []
