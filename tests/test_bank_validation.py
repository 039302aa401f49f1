"""A malformed bank fails with a message that names the file, the item and the field."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bankfactory import action_toml, make_bank, question_toml

from assessment import BankError
from assessment.bank.loader import load_bank


def broken(tmp_path: Path, pillar: str, edit) -> Path:
    folder = make_bank(tmp_path / "bank")
    path = folder / f"{pillar}.toml"
    path.write_text(edit(path.read_text("utf-8")), "utf-8")
    return folder


def error_for(folder: Path, overlay: Path | None = None) -> str:
    with pytest.raises(BankError) as caught:
        load_bank(folder, overlay)
    return str(caught.value)


def test_the_factory_bank_is_valid(tmp_path: Path) -> None:
    bank = load_bank(make_bank(tmp_path / "ok"))
    assert len(bank.questions) == 12 and len(bank.actions) == 12
    with_figures = load_bank(make_bank(tmp_path / "figures", outcomes=True))
    assert len(with_figures.questions) == 16 and len(with_figures.actions) == 20


def test_duplicate_question_id(tmp_path: Path) -> None:
    folder = broken(tmp_path, "traffic", lambda t: t + question_toml("traffic", 2))
    message = error_for(folder)
    assert "traffic.toml" in message and "question 'traffic.q2'" in message and "duplicate question id" in message


def test_question_id_of_another_pillar(tmp_path: Path) -> None:
    folder = broken(tmp_path, "traffic", lambda t: t.replace('id = "traffic.q3"', 'id = "product.q9"'))
    message = error_for(folder)
    assert "traffic.toml" in message and "field 'id'" in message and "traffic.<kebab-case-slug>" in message


def test_missing_translation(tmp_path: Path) -> None:
    folder = broken(tmp_path, "inquiry", lambda t: t.replace('text.zh = "inquiry 的第 2 题？"\n', ""))
    message = error_for(folder)
    assert "inquiry.toml: question 'inquiry.q2', field 'text.zh': missing translation" in message


def test_unknown_language(tmp_path: Path) -> None:
    folder = broken(
        tmp_path, "inquiry", lambda t: t.replace('text.zh = "inquiry 的第 2 题？"', 'text.zh = "x"\ntext.fr = "y"')
    )
    assert "field 'text.fr': unknown language" in error_for(folder)


def test_options_out_of_order(tmp_path: Path) -> None:
    def swap(text: str) -> str:
        return text.replace("level = 2", "level = 9", 1)

    message = error_for(broken(tmp_path, "closing", swap))
    assert "closing.toml: question 'closing.q1', field 'options[3].level'" in message and "out of order" in message


def test_weakest_option_must_be_level_zero(tmp_path: Path) -> None:
    message = error_for(broken(tmp_path, "closing", lambda t: t.replace("level = 0", "level = -1", 1)))
    assert "question 'closing.q1', field 'options[0].level': the weakest option must have level 0" in message


def test_unknown_field_is_reported_not_ignored(tmp_path: Path) -> None:
    folder = broken(tmp_path, "product", lambda t: t.replace("weight = 1.0", 'weight = 1.0\nguidence.en = "typo"', 1))
    assert "product.toml: question 'product.q1', field 'guidence': unknown field" in error_for(folder)


def test_unknown_pillar_in_a_file(tmp_path: Path) -> None:
    folder = broken(tmp_path, "product", lambda t: t.replace('pillar = "product"', 'pillar = "marketing"'))
    assert "product.toml, field 'pillar'" in error_for(folder)


def test_action_for_a_missing_question(tmp_path: Path) -> None:
    folder = broken(tmp_path, "product", lambda t: t + action_toml("product", 7))
    message = error_for(folder)
    assert "action 'product.q7.fix', field 'question': names a question that does not exist" in message


def test_every_question_needs_an_action(tmp_path: Path) -> None:
    folder = broken(tmp_path, "product", lambda t: t.replace(action_toml("product", 2), ""))
    assert "question 'product.q2': has no action" in error_for(folder)


def test_an_overlay_is_held_to_the_same_rules(tmp_path: Path) -> None:
    folder = make_bank(tmp_path / "bank")
    overlay = tmp_path / "questions.toml"
    overlay.write_text(question_toml("inquiry", 9).replace("\n[[questions]]", "[[questions]]", 1), "utf-8")
    assert "questions.toml: question 'inquiry.q9': has no action" in error_for(folder, overlay)


def test_action_horizon_and_link(tmp_path: Path) -> None:
    folder = broken(tmp_path, "product", lambda t: t.replace("horizon = 30", "horizon = 45", 1))
    assert "field 'horizon': must be one of 30, 60, 90" in error_for(folder)
    folder = broken(
        tmp_path / "b", "product", lambda t: t.replace("pillars/product.md#checklist", "http://example.com", 1)
    )
    assert "field 'link'" in error_for(folder)


def test_invalid_toml_names_the_file(tmp_path: Path) -> None:
    folder = broken(tmp_path, "traffic", lambda t: t + "\n[[questions]\n")
    assert "traffic.toml: is not valid TOML" in error_for(folder)


def test_missing_pillar_file(tmp_path: Path) -> None:
    folder = make_bank(tmp_path / "bank")
    (folder / "closing.toml").unlink()
    assert "closing.toml: file not found" in error_for(folder)


NUMBER = """
[[questions]]
id = "inquiry.reply-minutes"
kind = "number"
role = "outcome"
charge = "direct"
charge_note.en = "Only the inquiry team answers."
charge_note.zh = "只有询盘团队在回复。"
unit.en = "minutes"
unit.zh = "分钟"
min = 0
max = 1000
better = "lower"
area.en = "Reply"
area.zh = "回复"
text.en = "Minutes to first reply?"
text.zh = "首次回复要几分钟？"
guidance.en = "Median over a week."
guidance.zh = "取一周中位数。"

  [[questions.scales]]
  unit.en = "minutes"
  unit.zh = "分钟"
  thresholds = [240, 60, 10]
  source.en = "A test."
  source.zh = "测试。"
"""
NUMBER_ACTIONS = action_toml("inquiry", "reply-minutes", slug="measure", unknown=True) + action_toml(
    "inquiry", "reply-minutes"
)


def with_number(text: str, number: str = NUMBER, actions: str = NUMBER_ACTIONS) -> str:
    return text.replace("\n[[actions]]", number + "\n[[actions]]", 1) + actions


def test_a_figure_with_its_actions_is_valid(tmp_path: Path) -> None:
    bank = load_bank(broken(tmp_path, "inquiry", with_number))
    question = bank.question("inquiry.reply-minutes")
    assert question is not None and question.allows_unknown and question.max_level == 3


def test_scale_thresholds_must_run_the_right_way(tmp_path: Path) -> None:
    folder = broken(tmp_path, "inquiry", lambda t: with_number(t, NUMBER.replace("[240, 60, 10]", "[10, 60, 240]")))
    assert "question 'inquiry.reply-minutes', field 'scales[0].thresholds': must be strictly decreasing" in error_for(
        folder
    )


def test_an_outcome_needs_three_thresholds_one_per_band(tmp_path: Path) -> None:
    folder = broken(tmp_path, "inquiry", lambda t: with_number(t, NUMBER.replace("[240, 60, 10]", "[240, 60]")))
    assert "an outcome needs 3 thresholds per scale: failing, weak, healthy, strong" in error_for(folder)


def test_the_default_scale_comes_last_and_only_once(tmp_path: Path) -> None:
    scoped = NUMBER.replace("  [[questions.scales]]\n", '  [[questions.scales]]\n  when = { model = ["dtc"] }\n')
    folder = broken(tmp_path, "inquiry", lambda t: with_number(t, scoped))
    assert "the last scale is the default: give it no 'when'" in error_for(folder)


def test_a_profile_condition_names_real_dimensions_and_values(tmp_path: Path) -> None:
    scoped = NUMBER.replace(
        'id = "inquiry.reply-minutes"\n', 'id = "inquiry.reply-minutes"\napplies = { model = ["b2z"] }\n'
    )
    assert "field 'applies.model': unknown value 'b2z'" in error_for(
        broken(tmp_path, "inquiry", lambda t: with_number(t, scoped))
    )
    scoped = NUMBER.replace(
        'id = "inquiry.reply-minutes"\n', 'id = "inquiry.reply-minutes"\napplies = { size = ["big"] }\n'
    )
    assert "field 'applies.size': unknown profile dimension" in error_for(
        broken(tmp_path / "b", "inquiry", lambda t: with_number(t, scoped))
    )


def test_a_figure_must_lead_somewhere_when_unknown(tmp_path: Path) -> None:
    folder = broken(tmp_path, "inquiry", lambda t: with_number(t, actions=action_toml("inquiry", "reply-minutes")))
    assert "question 'inquiry.reply-minutes': is a figure with no 'on_unknown' action" in error_for(folder)


def test_an_action_needs_a_target_figure_or_a_written_goal(tmp_path: Path) -> None:
    def drop_goal(text: str) -> str:
        return text.replace('goal.en = "A goal"\ngoal.zh = "一个目标"\n', "", 1)

    assert "action 'product.q1.fix', field 'goal': needs a target figure" in error_for(
        broken(tmp_path, "product", drop_goal)
    )
    folder = broken(
        tmp_path / "b",
        "product",
        lambda t: t.replace('goal.en = "A goal"', 'target = "product.q2"\ngoal.en = "A goal"', 1),
    )
    assert "field 'target': must name a numeric outcome question, got 'product.q2'" in error_for(folder)


def test_an_action_owner_must_be_one_of_the_owners(tmp_path: Path) -> None:
    folder = broken(tmp_path, "product", lambda t: t.replace('owner = "owner"', 'owner = "intern"', 1))
    assert "field 'owner': unknown owner 'intern'" in error_for(folder)


def test_retired_ids_cannot_be_current_and_moves_must_land_on_real_options(tmp_path: Path) -> None:
    folder = make_bank(tmp_path / "bank")
    (folder / "retired.toml").write_text('[[retired]]\nid = "product.q1"\n', "utf-8")
    assert "retired 'product.q1', field 'id': is a question of the current bank" in error_for(folder)
    (folder / "retired.toml").write_text(
        '[[retired]]\nid = "product.old"\nmoved_to = "product.q1"\nvalues = { "x" = "l9" }\n', "utf-8"
    )
    assert "maps to 'l9', not an option of product.q1" in error_for(folder)


def test_the_failing_cap_stays_below_the_threshold(tmp_path: Path) -> None:
    folder = make_bank(tmp_path / "bank")
    overlay = tmp_path / "questions.toml"
    overlay.write_text("health_threshold = 35\n", "utf-8")
    assert "field 'scoring.failing_cap': must be at least 0 and below the health threshold" in error_for(
        folder, overlay
    )


def test_overlay_errors_name_the_overlay(tmp_path: Path) -> None:
    folder = make_bank(tmp_path / "bank")
    overlay = tmp_path / "questions.toml"
    overlay.write_text('hide = ["product.q9"]\n', "utf-8")
    assert "questions.toml, field 'hide': names a question that does not exist: 'product.q9'" in error_for(
        folder, overlay
    )
    overlay.write_text('[weights]\n"traffic.q1" = -1\n', "utf-8")
    assert "field 'weights.traffic.q1': must be a number greater than 0" in error_for(folder, overlay)
    overlay.write_text('colour = "red"\n', "utf-8")
    assert "field 'colour': unknown field" in error_for(folder, overlay)


# -- Finding 9: every number an overlay sets is finite and in range --------------------------------

SCALE = """
[[scales]]
question = "inquiry.response-time"
when = {{ model = ["b2b-export"] }}
unit.en = "working hours"
unit.zh = "工作小时"
factor = {factor}
thresholds = {thresholds}
source.en = "x"
source.zh = "x"
"""
NUMBER_QUESTION = """
[[questions]]
id = "inquiry.samples-sent"
role = "input"
kind = "number"
better = "higher"
min = {low}
max = {high}
unit.en = "samples"
unit.zh = "件"
area.en = "Samples"
area.zh = "样品"
text.en = "How many samples did you send last month?"
text.zh = "上月寄出多少样品？"
guidance.en = "Count them."
guidance.zh = "数一数。"
"""


@pytest.mark.parametrize(
    ("overlay", "field", "expected"),
    [
        ('[weights]\n"product.information" = nan\n', "weights.product.information", "greater than 0 and at most 10"),
        ('[weights]\n"product.information" = inf\n', "weights.product.information", "greater than 0 and at most 10"),
        ('[weights]\n"product.information" = 1e308\n', "weights.product.information", "greater than 0 and at most 10"),
        ("health_threshold = nan\n", "health_threshold", "finite"),
        ("health_threshold = 1e308\n", "health_threshold", "between 0 and 100"),
        ("[scoring]\nroot_step = 1e308\n", "scoring.root_step", "at most 100"),
        ("[scoring]\nfailing_cap = -inf\n", "scoring.failing_cap", "finite"),
        (SCALE.format(factor=60, thresholds="[8, 2, 0.5, 0.1]"), "scales", "as many thresholds"),
        (SCALE.format(factor=60, thresholds="[8]"), "scales", "as many thresholds"),
        (SCALE.format(factor=60, thresholds="[1e308, 2, 0.5]"), "thresholds", "between -1e+09 and 1e+09"),
        (SCALE.format(factor=1e-308, thresholds="[8, 2, 0.5]"), "factor", "between 1e-06 and 1e+06"),
        (SCALE.format(factor=1e308, thresholds="[8, 2, 0.5]"), "factor", "between 1e-06 and 1e+06"),
        (NUMBER_QUESTION.format(low=0, high=1e308), "max", "between -1e+09 and 1e+09"),
        (NUMBER_QUESTION.format(low=-1e300, high=5), "min", "between -1e+09 and 1e+09"),
        (
            "[[levels]]\nmin = 0\nname.en = 'a'\nname.zh = 'a'\n"
            "[[levels]]\nmin = 1e308\nname.en = 'b'\nname.zh = 'b'\n",
            "levels",
            "from 0 to 100",
        ),
    ],
)
def test_overlay_numbers_are_finite_and_in_range(tmp_path: Path, overlay: str, field: str, expected: str) -> None:
    path = tmp_path / "questions.toml"
    path.write_text(overlay, "utf-8")
    message = error_for(None, path)  # type: ignore[arg-type]
    assert "questions.toml" in message and field in message and expected in message, message


# -- Finding 1: raw HTML in a bank or overlay text is refused, naming the file, item and field -------

HOSTILE = [
    "<script>window.__pwned = 1</script>",
    '<img src=x onerror="window.__pwned = 1">',
    '<meta http-equiv="refresh" content="0;url=https://evil.example">',
    '<base href="https://evil.example/">',
    "</title><title>Hacked",
    "<!-- the rest of the page",
]
ACME_OVERLAY = Path(__file__).resolve().parents[1] / "examples" / "acme-brand" / "questions.toml"


@pytest.mark.parametrize("payload", HOSTILE)
@pytest.mark.parametrize(
    ("line", "field"),
    [
        ('text.en = "How do you handle requests for samples from serious buyers?"', "text.en"),
        ('area.zh = "样品"', "area.zh"),
        ('label.en = "We avoid samples or answer sample requests late."', "options[0].label.en"),
        ('title.en = "Write a one-page sample policy"', "title.en"),
        ('metric.en = "Share of sampled inquiries that become orders"', "metric.en"),
        ('unit.en = "working hours"', "unit.en"),
        ("source.en = \"Northwind's standard for exporters", "source.en"),
    ],
)
def test_html_in_an_overlay_text_is_refused(tmp_path: Path, payload: str, line: str, field: str) -> None:
    text = ACME_OVERLAY.read_text("utf-8")
    start = text.index(line)
    end = text.index("\n", start)
    key = line.split(" = ")[0]
    overlay = tmp_path / "questions.toml"
    overlay.write_text(text[:start] + f"{key} = {json.dumps('Fine text ' + payload)}" + text[end:], "utf-8")
    message = error_for(None, overlay)  # type: ignore[arg-type]
    assert "questions.toml" in message and field in message and "contains HTML" in message, message
    assert "between backticks" in message


def test_html_in_an_upstream_bank_text_is_refused(tmp_path: Path) -> None:
    folder = broken(
        tmp_path, "inquiry", lambda t: t.replace('text.zh = "inquiry 的第 2 题？"', 'text.zh = "<b>粗体</b>"')
    )
    assert "inquiry.toml: question 'inquiry.q2', field 'text.zh': contains HTML ('<b')" in error_for(folder)


@pytest.mark.parametrize(
    "text", ["Cut returns to <1%", "put the product name in each listing's `<title>`", "a < b > c & d"]
)
def test_text_that_only_looks_like_html_is_allowed(tmp_path: Path, text: str) -> None:
    overlay = tmp_path / "questions.toml"
    source = ACME_OVERLAY.read_text("utf-8")
    line = 'text.en = "How do you handle requests for samples from serious buyers?"'
    overlay.write_text(source.replace(line, f"text.en = {json.dumps(text)}"), "utf-8")
    assert load_bank(None, overlay).question("inquiry.sample-policy").text["en"] == text  # type: ignore[union-attr]


def test_an_overlay_profile_option_value_is_a_slug(tmp_path: Path) -> None:
    overlay = tmp_path / "questions.toml"
    overlay.write_text(
        '[[profile_options]]\ndimension = "model"\nvalue = "x`<img src=x>"\nlabel.en = "X"\nlabel.zh = "X"\n', "utf-8"
    )
    message = error_for(None, overlay)  # type: ignore[arg-type]
    assert "field 'profile_options[0].value'" in message and "slug" in message
