"""The view's round trip through the URL: one declared table of parameters, defaults from the data, the
nearest valid value and a notice for every bad parameter, explicit dates in every link."""

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pricewar.view import PAGES, PARAMS, Choices, Notice, View, notice_text, parse_view, reads, view_params

CHOICES = Choices(vendors=frozenset({"deepseek", "openai", "baidu"}), first=date(2023, 3, 14), last=date(2025, 6, 30),
                  events=frozenset({"deepseek-v2-launch", "ernie-free"}),
                  models=frozenset({"GPT-4 Turbo", "Doubao-pro 32k"}),
                  steps=("deepseek-v2-launch", "ernie-free"), sets=("gpt-4-class", "all", "cn"))
DEFAULT = CHOICES.default()


def test_every_view_field_has_exactly_one_parameter():
    assert sorted(p.field for p in PARAMS) == sorted(View.__dataclass_fields__)
    assert len({p.name for p in PARAMS}) == len(PARAMS)
    assert all(set(p.pages) <= set(PAGES) for p in PARAMS)


def test_a_link_without_parameters_shows_the_whole_war_in_the_data():
    view, notices = parse_view({}, CHOICES)
    assert view == DEFAULT and notices == []
    assert (view.start, view.end, view.at) == (date(2023, 3, 14), date(2025, 6, 30), date(2025, 6, 30))
    assert (view.before, view.after, view.step, view.set) == (date(2023, 3, 14), date(2025, 6, 30),
                                                              "deepseek-v2-launch", "gpt-4-class")


def test_links_carry_explicit_dates_steps_and_sets_only_for_the_pages_that_read_them():
    assert view_params(DEFAULT, CHOICES, "prices") == {"from": "2023-03-14", "to": "2025-06-30"}
    assert view_params(DEFAULT, CHOICES, "compare") == {"at": "2025-06-30", "before": "2023-03-14",
                                                        "after": "2025-06-30"}
    assert view_params(DEFAULT, CHOICES, "story") == {"from": "2023-03-14", "to": "2025-06-30",
                                                      "step": "deepseek-v2-launch"}
    assert view_params(DEFAULT, CHOICES, "trend") == {"set": "gpt-4-class"}
    assert view_params(DEFAULT.with_(lang="en", vendors=("openai",)), CHOICES, "claims") == {
        "lang": "en", "vendor": ["openai"]}
    assert reads("claims") == {"lang", "vendors"}


def test_a_shared_link_shows_the_same_view_after_the_data_grows():
    view = DEFAULT.with_(lang="en", kind="output", event="ernie-free")
    link = view_params(view, CHOICES)
    grown = Choices(**{**CHOICES.__dict__, "last": date(2026, 11, 30), "first": date(2022, 1, 1),
                       "steps": ("gpt-4-launch", *CHOICES.steps), "sets": ("frontier", *CHOICES.sets)})
    assert parse_view(link, grown) == (view, [])
    assert parse_view({}, grown)[0] != view  # without the explicit values it would have moved


def test_a_full_view_round_trips():
    view = View(lang="en", vendors=("deepseek", "openai"), start=date(2024, 5, 1), end=date(2024, 7, 1),
                currency="USD", kind="blended", event="deepseek-v2-launch", at=date(2024, 5, 22),
                before=date(2024, 5, 10), after=date(2024, 5, 30), ref="Doubao-pro 32k", step="ernie-free",
                set="cn", embed=True)
    params = view_params(view, CHOICES)
    assert params["vendor"] == ["deepseek", "openai"] and params["currency"] == "USD" and params["step"] == "ernie-free"
    assert parse_view(params, CHOICES) == (view, [])


def test_bad_values_fall_back_to_the_default_with_a_notice_each():
    view, notices = parse_view({"lang": ["fr"], "vendor": ["deepseek", "nosuch"], "from": ["2024-02-30"],
                                "currency": ["EUR"], "kind": ["<script>"], "ref": ["GPT-9"], "x": ["1"],
                                "set": ["frontier"]}, CHOICES)
    assert view == DEFAULT.with_(vendors=("deepseek",))
    assert {(n.param, n.value, n.used) for n in notices} == {
        ("lang", "fr", "zh"), ("vendor", "nosuch", ""), ("from", "2024-02-30", "2023-03-14"),
        ("currency", "EUR", "CNY"),
        ("kind", "<script>", "input"), ("ref", "GPT-9", ""), ("x", "1", ""), ("set", "frontier", "gpt-4-class")}


def test_dates_outside_the_data_give_the_nearest_day_in_it():
    view, notices = parse_view({"from": ["2022-01-01"], "to": ["2030-01-01"], "at": ["1999-12-31"]}, CHOICES)
    assert (view.start, view.end, view.at) == (CHOICES.first, CHOICES.last, CHOICES.first)
    assert [(n.param, n.reason, n.used) for n in notices] == [("from", "outside", "2023-03-14"),
                                                              ("to", "outside", "2025-06-30"),
                                                              ("at", "outside", "2023-03-14")]


def test_reversed_ranges_are_swapped_and_repeated_values_take_the_last():
    view, notices = parse_view({"from": ["2025-01-01"], "to": ["2024-01-01"], "before": ["2024-06-01"],
                                "after": ["2024-05-01"], "kind": ["input", "output"]}, CHOICES)
    assert (view.start, view.end) == (date(2024, 1, 1), date(2025, 1, 1))
    assert (view.before, view.after) == (date(2024, 5, 1), date(2024, 6, 1))
    assert view.kind == "output"
    assert [n.reason for n in notices] == ["repeated", "reversed", "reversed"]


def test_a_story_step_is_named_by_its_event_and_old_numbered_links_still_work():
    assert parse_view({"step": ["ernie-free"]}, CHOICES)[0].step == "ernie-free"
    assert parse_view({"step": ["2"]}, CHOICES) == (DEFAULT.with_(step="ernie-free"), [])
    view, notices = parse_view({"step": ["999"]}, CHOICES)
    assert view.step == "ernie-free" and notices == [Notice("step", "999", "outside", "ernie-free")]
    assert parse_view({"step": ["0"]}, CHOICES)[0].step == "deepseek-v2-launch"
    assert parse_view({"step": ["nosuch"]}, CHOICES)[1][0].reason == "invalid"


def test_huge_values_are_not_looked_at():
    view, notices = parse_view({"lang": ["en" * 5000], "vendor": ["deepseek"] * 10_000, "step": ["9" * 5000]},
                               CHOICES)
    assert view.lang == "zh" and view.vendors == ("deepseek",) and view.step == "deepseek-v2-launch"
    assert len(notice_text(notices, "en")) < 400


def test_notice_text_says_what_is_shown_instead_in_both_languages():
    notes = [Notice("lang", "fr", used="zh"), Notice("vendor", "x")]
    assert notice_text(notes, "en") == ("These link parameters were not valid; the default or the nearest valid "
                                        "value is shown: lang=fr → zh; vendor=x → ignored")
    assert notice_text(notes, "zh") == ("网址中的以下参数无效，已改用默认值或最接近的有效值：lang=fr → zh; "
                                        "vendor=x → 已忽略")
    assert notice_text([], "en") == ""


NAMES = [p.name for p in PARAMS] + ["zzz"]
values = st.one_of(st.text(max_size=30), st.sampled_from(["2022-01-01", "2030-12-31", "2024-05-06", "0", "-1",
                                                          "99999", "deepseek", "ernie-free", "USD", "blended", "cn"]))


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.sampled_from(NAMES), st.lists(values, max_size=4), max_size=10))
def test_any_url_gives_a_valid_view_that_round_trips(params):
    view, _ = parse_view(params, CHOICES)
    assert view.lang in ("zh", "en") and view.currency in ("CNY", "USD") and view.step in CHOICES.steps
    assert set(view.vendors) <= CHOICES.vendors and view.start <= view.end and view.before <= view.after
    for day in (view.start, view.end, view.at, view.before, view.after):
        assert CHOICES.first <= day <= CHOICES.last
    assert parse_view(view_params(view, CHOICES), CHOICES) == (view, [])


@pytest.mark.parametrize("page", PAGES)
def test_every_page_link_round_trips_what_the_page_reads(page):
    view = DEFAULT.with_(lang="en", vendors=("baidu",), start=date(2024, 1, 1), at=date(2024, 6, 1), step="ernie-free",
                         set="cn", kind="output")
    again, notices = parse_view(view_params(view, CHOICES, page), CHOICES)
    assert notices == []
    for field in reads(page):
        assert getattr(again, field) == getattr(view, field), field


def test_a_journalists_words_are_plain_one_line_text_cut_at_their_limit_with_a_notice(ds):
    from pricewar.view import WORDS

    c = Choices.of(ds)
    view, notices = parse_view({"headline": ["  Prices\ncollapsed\t in  May "], "byline": ["J" * 70],
                                "highlight": ["GPT-4o", "DeepSeek-V2", "nosuch"], "chart": ["ranking"]}, c)
    assert view.headline == "Prices collapsed in May"
    assert view.byline == "J" * WORDS["byline"]
    assert view.highlight == ("GPT-4o", "DeepSeek-V2")  # the reader's order: the order of the colours
    assert view.chart == "ranking"
    assert {(n.param, n.reason) for n in notices} == {("byline", "outside"), ("highlight", "invalid")}
    params = view_params(view, c, "compare")
    assert params["highlight"] == ["GPT-4o", "DeepSeek-V2"] and params["headline"] == "Prices collapsed in May"
    assert parse_view(params, c)[0] == view.with_(set=view.set, step=view.step)  # the round trip keeps them
