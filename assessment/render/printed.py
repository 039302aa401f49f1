"""The printed report: one self-contained HTML page a client takes to the board.

Page 1 is the summary: the brand's logo and name, company and respondent (if
given), date, bank version, the four pillar scores as a chart and a table, the
root with its reason, the three "do now" actions with their targets, the
borderline note, the contact block written out for paper (and its QR code), the
credit to 盟接之桥 for the method and the brand's legal line. The appendix,
from page 2, lists every answer with its note, the whole plan with action
states, the warnings and, when the brand ships peer bands, where each pillar
stands against companies like this one.

Self-contained: CSS and the SVG chart are inline, images are data: URIs, and a
Content-Security-Policy (default-src 'none') forbids any request, so the file
opens offline and cannot call anywhere. Everything a company wrote (company,
respondent, notes) is escaped and isolated (`<bdi>`), so it shows as text in its
own direction. Texts are data (bank/reports.toml and the bank's messages), in
every language of the bank; fonts are the ones on the reader's machine
(reports.toml [fonts]). Print CSS fits page 1 on A4 and on US Letter alike;
`paper` fixes the page size ("a4" or "letter"), None leaves it to the printer.

The same function renders the report in the browser (through Pyodide) and on
the command line, from the same result: same numbers, same actions.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from pathlib import Path
from string import Template
from typing import Any

from ..answers.document import Submission
from ..bank.model import Bank
from ..scoring.result import build_result
from ..workshop.peers import place
from .brand import ReportBrand

PAPERS = {"a4": "A4", "letter": "letter"}
# The stylesheet is a file of its own (printed.css); its opening comment stays out of the report.
STYLESHEET = Template((Path(__file__).parent / "printed.css").read_text("utf-8").split("*/\n", 1)[1])
HTML_LANG = {"en": "en", "zh": "zh-Hans"}


def esc(text: Any) -> str:
    return html.escape(str(text), quote=True)


def render_report(
    bank: Bank,
    submission: Submission,
    lang: str,
    brand: ReportBrand,
    date: str,
    bands: Mapping[str, Any] | None = None,
    paper: str | None = None,
) -> str:
    """The report as one HTML document (see the module's description)."""
    result = build_result(bank, submission, lang)
    return render_result(bank, result, lang, brand, date, bands, paper)


def render_result(
    bank: Bank,
    result: Mapping[str, Any],
    lang: str,
    brand: ReportBrand,
    date: str,
    bands: Mapping[str, Any] | None = None,
    paper: str | None = None,
) -> str:
    """The report of a result already built (the browser has one at hand)."""
    page = _Page(bank, result, lang, brand, date, place(bank, result, bands, lang) if bands else None)
    title = page.t("report_title") + (f" · {result['company']}" if result.get("company") else "")
    return f"""<!doctype html>
<html lang="{HTML_LANG.get(lang, lang)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Root First assessment engine, bank {esc(bank.version)}">
<title>{esc(title)}</title>
<style>{_css(bank.fonts[lang], brand, paper)}</style>
</head>
<body>
<main>
{page.summary()}
{page.appendix()}
</main>
</body>
</html>
"""


class _Page:
    def __init__(
        self,
        bank: Bank,
        result: Mapping[str, Any],
        lang: str,
        brand: ReportBrand,
        date: str,
        peers: dict[str, Any] | None,
    ) -> None:
        self.bank, self.result, self.lang, self.brand, self.date, self.peers = bank, result, lang, brand, date, peers
        self.pillars = {p["id"]: p for p in result["pillars"]}

    def t(self, key: str, **values: Any) -> str:
        """A report text, filled in (not escaped)."""
        return self.bank.texts[key][self.lang].format(**values)

    def e(self, key: str, **values: Any) -> str:
        """A report text, filled in and escaped for HTML."""
        return esc(self.t(key, **values))

    def pillar_title(self, pillar_id: str) -> str:
        pillar = self.pillars[pillar_id]
        return f"{pillar['letter']}. {pillar['name']}"

    # -- Page 1 ---------------------------------------------------------------

    def summary(self) -> str:
        return f"""<section class="summary" aria-labelledby="report-title">
{self.masthead()}
{self.root()}
{self.scores()}
{self.do_now()}
{self.footer()}
</section>"""

    def masthead(self) -> str:
        result, brand = self.result, self.brand
        name = brand.name.get(self.lang) or next(iter(brand.name.values()), "")
        rows = []
        if result.get("company"):
            rows.append((self.t("report_company"), f"<bdi>{esc(result['company'])}</bdi>"))
        if result.get("respondent"):
            rows.append((self.t("report_respondent"), f"<bdi>{esc(result['respondent'])}</bdi>"))
        rows.append((self.t("report_date"), esc(self.date[:10])))
        rows.append((self.t("report_version"), esc(result["bank_version"])))
        facts = "".join(f"<div><dt>{esc(k)}</dt><dd>{v}</dd></div>" for k, v in rows)
        logo = f'<img class="logo" src="{esc(brand.logo)}" alt="">' if brand.logo else ""
        return f"""<header class="masthead">
<div class="brand">{logo}<p class="brand-name">{esc(name)}</p></div>
<dl class="meta">{facts}</dl>
</header>
<h1 id="report-title">{self.e("report_title")}</h1>"""

    def root(self) -> str:
        result = self.result
        root = result["root"]
        heading = self.pillar_title(root) if root else self.t("report_no_root")
        parts = [
            f'<p class="stop-loss">{esc(result["stop_loss"]["text"])}</p>' if result.get("stop_loss") else "",
            f'<p class="kicker">{self.e("report_fix_first") if root else ""}</p>',
            f'<h2 class="root-pillar">{esc(heading)}</h2>',
        ]
        if result.get("root_reason"):
            parts.append(f'<p class="reason">{esc(result["root_reason"])}</p>')
        if result.get("borderline_note"):
            parts.append(f'<p class="borderline">{esc(result["borderline_note"])}</p>')
        if result.get("thin_note"):
            parts.append(f'<p class="thin">{esc(result["thin_note"])}</p>')
        parts.append(f'<p class="confidence">{esc(result["confidence_note"])}</p>')
        body = "\n".join(p for p in parts if p)
        return f'<section class="root" data-root="{esc(root or "")}">\n' + body + "\n</section>"

    def scores(self) -> str:
        peers_head = f'<th scope="col">{self.e("report_col_peers")}</th>' if self.peers else ""
        rows = []
        for pillar in self.result["pillars"]:
            score = self.e("report_not_assessed") if pillar["score"] is None else str(pillar["score"])
            level = esc(pillar["level"] or "")
            mark = (
                f' <span class="badge">{self.e("report_fix_first")}</span>'
                if pillar["id"] == self.result["root"]
                else ""
            )
            peers = ""
            if self.peers:
                placed = next(p for p in self.peers["pillars"] if p["id"] == pillar["id"])
                shown = esc(placed["short"]) if placed.get("position") else "–"
                peers = f'<td class="peers">{shown}</td>'
            rows.append(
                f'<tr data-pillar="{esc(pillar["id"])}">'
                f'<th scope="row">{esc(self.pillar_title(pillar["id"]))}{mark}</th>'
                f'<td class="score">{score}</td><td>{level}</td>{peers}</tr>'
            )
        columns = [self.e("report_col_pillar"), self.e("report_col_score"), self.e("report_col_level")]
        head = "<thead><tr>" + "".join(f'<th scope="col">{c}</th>' for c in columns) + f"{peers_head}</tr></thead>"
        return f"""<section class="scores" aria-labelledby="scores-title">
<h2 id="scores-title">{self.e("report_scores")}</h2>
<div class="scores-grid{" with-peers" if self.peers else ""}">
{self.chart()}
<table class="score-table">
{head}
<tbody>{"".join(rows)}</tbody>
</table>
</div>
</section>"""

    def chart(self) -> str:
        width, row, label_width = 520, 36, 150
        bar_width = width - label_width - 50
        pillars = self.result["pillars"]
        height = row * len(pillars) + 26

        def x(score: float) -> float:
            return round(label_width + bar_width * score / 100, 1)

        bands = {p["id"]: p["band"] for p in self.peers["pillars"]} if self.peers else {}
        shapes = []
        for index, pillar in enumerate(pillars):
            y = 6 + index * row
            score = pillar["score"]
            status = (
                "unknown"
                if score is None
                else "root"
                if pillar["id"] == self.result["root"]
                else "healthy"
                if pillar["healthy"]
                else "weak"
            )
            shapes.append(
                f'<text x="0" y="{y + 19}" class="label">{esc(self.pillar_title(pillar["id"]))}</text>'
                f'<rect x="{label_width}" y="{y + 4}" width="{bar_width}" height="22" rx="3" class="track"/>'
            )
            band = bands.get(pillar["id"])
            if band:
                shapes.append(
                    f'<rect x="{x(band["low"])}" y="{y + 1}" width="{round(x(band["high"]) - x(band["low"]), 1)}" '
                    f'height="28" class="band"/><line x1="{x(band["median"])}" x2="{x(band["median"])}" '
                    f'y1="{y + 1}" y2="{y + 29}" class="median"/>'
                )
            if score is not None:
                shapes.append(
                    f'<rect x="{label_width}" y="{y + 8}" width="{round(x(score) - label_width, 1)}" height="14" '
                    f'rx="2" class="bar bar-{status}"/>'
                )
            value = self.e("report_not_assessed") if score is None else str(score)
            shapes.append(f'<text x="{x(score or 0) + 5}" y="{y + 20}" class="value">{value}</text>')
        threshold = self.result["threshold"]
        tx = x(threshold)
        shapes.append(
            f'<line x1="{tx}" x2="{tx}" y1="2" y2="{height - 14}" class="threshold"/>'
            f'<text x="{tx}" y="{height - 2}" text-anchor="middle" class="threshold-label">'
            f"{self.e('report_health_line', threshold=f'{threshold:g}')}</text>"
        )
        desc = self.t("report_chart_desc", threshold=f"{threshold:g}") + (
            self.t("report_chart_desc_peers") if self.peers else ""
        )
        return f"""<figure class="chart">
<svg viewBox="0 0 {width} {height}" role="img" aria-labelledby="chart-title chart-desc" xmlns="http://www.w3.org/2000/svg">
<title id="chart-title">{self.e("report_chart_title")}</title>
<desc id="chart-desc">{esc(desc)}</desc>
{"".join(shapes)}
</svg>
</figure>"""

    def state(self, action: Mapping[str, Any]) -> str:
        state = action.get("state")
        if not state:
            return ""
        key = "state_done" if state == "done" else "state_in_progress"
        return f' <span class="state state-{esc(state)}">{"✓ " if state == "done" else ""}{self.e(key)}</span>'

    def target_label(self, action: Mapping[str, Any]) -> str:
        """A figure's target is labelled with what it measures ("Median first-response time: 540 → ≤ 60"); a
        written goal needs no metric, so it keeps the word "Target"."""
        planned = self.bank.action(action["id"])
        return esc(action["metric"]) if planned is not None and planned.target is not None else self.e("report_target")

    def do_now(self) -> str:
        now = [a for a in self.result["plan"] if a["phase"] == "now"]
        if not now:
            return ""
        items = []
        colon = self.e("colon")
        for action in now:
            days = self.t("report_days", days=action["horizon"])
            state = f' data-state="{esc(action["state"])}"' if action.get("state") else ""
            items.append(
                f'<li data-action-id="{esc(action["id"])}"{state}>'
                f'<p class="action-title"><strong>{esc(action["title"])}</strong>{self.state(action)}</p>'
                f'<p class="action-target"><span class="label">{self.target_label(action)}{colon}</span>'
                f"{esc(action['target'])}</p>"
                f'<p class="action-meta">{self.e("report_owner")}{colon}{esc(action["owner"])} · {esc(days)}</p></li>'
            )
        return f"""<section class="now" aria-labelledby="now-title">
<h2 id="now-title">{self.e("report_do_now")}</h2>
<ol class="now-list">{"".join(items)}</ol>
</section>"""

    def footer(self) -> str:
        brand, lang = self.brand, self.lang
        contact = ""
        if brand.contact:
            c = brand.contact
            address = f'<p class="address">{esc(c.address)}</p>' if c.address else ""
            qr = ""
            if c.qr:
                alt = c.qr_alt.get(lang) or next(iter(c.qr_alt.values()), "")
                qr = f'<img class="qr" src="{esc(c.qr)}" alt="{esc(alt)}">'
            contact = f"""<div class="contact">
<div><h2>{self.e("report_contact")}</h2>
<p class="contact-label">{esc(c.label.get(lang, ""))}</p>
<p class="contact-text">{esc(c.text.get(lang, ""))}</p>
{address}</div>{qr}
</div>"""
        legal = brand.legal.get(lang) or next(iter(brand.legal.values()), "")
        return f"""<footer class="summary-footer">
{contact}
<p class="credit">{self.e("report_credit")}</p>
<p class="legal">{esc(legal)}</p>
<p class="private">{self.e("report_private")}</p>
</footer>"""

    # -- Appendix ---------------------------------------------------------------

    def appendix(self) -> str:
        parts = [
            '<section class="appendix" aria-labelledby="appendix-title">',
            f'<h2 id="appendix-title">{self.e("report_appendix")}</h2>',
            self.answers(),
            self.plan(),
        ]
        if self.result["warnings"]:
            items = "".join(f"<li>{esc(w['text'])}</li>" for w in self.result["warnings"])
            parts.append(f'<h3>{self.e("report_warnings")}</h3><ul class="warnings">{items}</ul>')
        if self.result.get("migration_note"):
            parts.append(f'<p class="migration">{esc(self.result["migration_note"])}</p>')
        if self.peers:
            lines = "".join(
                f"<li>{esc(self.pillar_title(p['id']))}{self.e('colon')}{esc(p['text'])}</li>"
                for p in self.peers["pillars"]
                if p.get("position")
            )
            parts.append(
                f'<h3>{self.e("report_peers")}</h3><p>{self.e("report_peers_intro")}</p><ul class="peers">{lines}</ul>'
            )
        parts.append("</section>")
        return "\n".join(parts)

    def answers(self) -> str:
        bank, result, lang = self.bank, self.result, self.lang
        rows = {r["question"]: r for r in result["answers"]}
        unanswered = set(result["unanswered"])
        columns = ("report_col_question", "report_col_answer", "report_col_note")
        head = "".join(f'<th scope="col">{self.e(c)}</th>' for c in columns)
        sections = []
        for pillar in bank.pillars:
            body = []
            for question in (q for q in bank.questions if q.pillar == pillar.id):
                row = rows.get(question.id)
                if row is None and question.id not in unanswered:
                    continue  # not applicable to this business (its profile), and not answered
                value = row["value"] if row else self.t("value_unanswered")
                missing = ' class="missing"' if row is None or row["answer"] is None else ""
                note = f'<bdi class="note">{esc(row["note"])}</bdi>' if row and row["note"] else ""
                body.append(
                    f'<tr data-question="{esc(question.id)}"><th scope="row">'
                    f'<span class="area">{esc(question.area[lang])}</span>'
                    f'<span class="question">{esc(question.text[lang])}</span></th>'
                    f"<td{missing}>{esc(value)}</td><td>{note}</td></tr>"
                )
            if body:
                sections.append(
                    f'<h4>{esc(self.pillar_title(pillar.id))}</h4><table class="answers"><thead><tr>{head}</tr></thead>'
                    f"<tbody>{''.join(body)}</tbody></table>"
                )
        return f"<h3>{self.e('report_answers')}</h3>\n" + "\n".join(sections)

    def plan(self) -> str:
        plan = self.result["plan"]
        if not plan:
            return f"<h3>{self.e('report_plan')}</h3><p>{self.e('report_plan_empty')}</p>"
        parts = [f"<h3>{self.e('report_plan')}</h3>"]
        colon = self.e("colon")
        for phase in ("now", "next", "later"):
            actions = [a for a in plan if a["phase"] == phase]
            if not actions:
                continue
            items = []
            for a in actions:
                meta = f"{self.pillar_title(a['pillar'])} · {a['area']} · {self.t('report_days', days=a['horizon'])}"
                steps = "".join(f"<li>{esc(step)}</li>" for step in a["steps"])
                note = f'<p class="action-note"><bdi class="note">{esc(a["note"])}</bdi></p>' if a.get("note") else ""
                items.append(
                    f'<li class="action" data-action-id="{esc(a["id"])}">'
                    f'<p class="action-title"><strong>{esc(a["title"])}</strong>{self.state(a)}</p>'
                    f'<p class="action-meta">{esc(meta)}</p>'
                    f"<p>{self.e('report_why')}{colon}{esc(a['why'])}</p>"
                    f'<ol class="steps" aria-label="{self.e("report_steps")}">{steps}</ol>'
                    f'<p class="facts">{self.e("report_metric")}{colon}{esc(a["metric"])}<br>'
                    f"{self.e('report_target')}{colon}{esc(a['target'])}<br>"
                    f"{self.e('report_owner')}{colon}{esc(a['owner'])}<br>"
                    f"{self.e('report_unlocks')}{colon}{esc(a['unlocks'])}</p>{note}</li>"
                )
            parts.append(f'<h4>{self.e("report_phase_" + phase)}</h4><ol class="plan">{"".join(items)}</ol>')
        return "\n".join(parts)


def _css(fonts: str, brand: ReportBrand, paper: str | None) -> str:
    size = f" size: {PAPERS[paper]};" if paper in PAPERS else ""
    return "\n" + STYLESHEET.substitute(size=size, color=brand.color, accent=brand.accent, fonts=fonts)
