"""A valid brand whose texts are full of characters HTML and Markdown care about (issue 15, finding 1).

Everything here passes validation: quotes, ampersands, '<' before a digit or a
space, '>' alone, Markdown syntax, and code between backticks (`<title>`). The
built site must show each text exactly as written, and nothing in it may become
markup, a link, an attribute or a script.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "acme-brand"

BRAND = {
    "name": "Smith & Co's Lab",
    "description": "Returns cut to <1% & \"fast\" 'replies' > before",
    "footer": "Say \"hi\" <1% & 'bye' > [x](javascript:alert(1)) *not bold* `<b>`",
    "legal": "© <2026> Smith & Co",
    "contact_text": 'Questions? <5 min replies & "free" calls',
    "contact_label": 'Book → "now" & <1h',
    "contact_url": "mailto:hello@northwind.example?subject=A&b=c",
    "qr_alt": 'QR "code" <1% & more',
    "nav_title": "Client: valve & co's",
}
QUESTION_TEXT = 'How do you handle *samples*{: onclick="alert(1)"} [free](javascript:alert(1)) :smile: a|b & "quotes"?'
GUIDANCE = 'Top level: put the product name in each listing\'s `<title>`; keep returns <1% & reply "fast".'
OPTION_LABEL = "We avoid samples (<1% of requests) & answer late."
ACTION_STEP = 'Add `<meta name="description">` to each page & check <1% errors'
AREA = "Samples & trials <2 weeks"


def _yaml(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar


def make_tricky_brand(folder: Path) -> Path:
    shutil.copytree(EXAMPLE, folder)
    # Another brand than the example: the build refuses the example's pages left unchanged.
    for page in (folder / "pages").rglob("*.md"):
        page.write_text(page.read_text("utf-8") + "\nA & B <1% `<title>`.\n", "utf-8")
    (folder / "bands.json").unlink()  # and the example's made-up peer bands
    brand = folder / "brand.yml"
    text = brand.read_text("utf-8")
    for old, new in [
        ("  en: Northwind Growth Lab\n", f"  en: {_yaml(BRAND['name'])}\n"),
        (
            "  en: Northwind Growth Lab helps exporters and online brands fix the root of their e-commerce first.\n",
            f"  en: {_yaml(BRAND['description'])}\n",
        ),
        (
            "  en: Northwind Growth Lab · Shenzhen and Rotterdam.\n",
            f"  en: {_yaml(BRAND['footer'])}\n",
        ),
        ("  en: © 2026 Northwind Growth Lab (fictional). Content CC BY 4.0.\n", f"  en: {_yaml(BRAND['legal'])}\n"),
        (
            "    en: Northwind consultants walk your team through the results and a 90-day plan.\n",
            f"    en: {_yaml(BRAND['contact_text'])}\n",
        ),
        ("    en: Book a free diagnosis call\n", f"    en: {_yaml(BRAND['contact_label'])}\n"),
        ("  url: mailto:hello@northwind.example\n", f"  url: {_yaml(BRAND['contact_url'])}\n"),
        ("    en: WeChat QR code of Northwind Growth Lab\n", f"    en: {_yaml(BRAND['qr_alt'])}\n"),
        ('      en: "Northwind client: valve maker"\n', f"      en: {_yaml(BRAND['nav_title'])}\n"),
    ]:
        assert old in text, old
        text = text.replace(old, new)
    brand.write_text(text, "utf-8")

    overlay = folder / "questions.toml"
    toml = overlay.read_text("utf-8")
    for old, new in [
        (
            'text.en = "How do you handle requests for samples from serious buyers?"',
            f"text.en = {_yaml(QUESTION_TEXT)}",
        ),
        ('area.en = "Samples"', f"area.en = {_yaml(AREA)}"),
        ('label.en = "We avoid samples or answer sample requests late."', f"label.en = {_yaml(OPTION_LABEL)}"),
        ('"Decide who qualifies for a free sample and who pays"', _yaml(ACTION_STEP)),
    ]:
        assert old in toml, old
        toml = toml.replace(old, new)
    guidance_start = toml.index('guidance.en = "Top level: a written sample policy')
    guidance_end = toml.index("\n", guidance_start)
    toml = toml[:guidance_start] + f"guidance.en = {_yaml(GUIDANCE)}" + toml[guidance_end:]
    overlay.write_text(toml, "utf-8")
    return folder
